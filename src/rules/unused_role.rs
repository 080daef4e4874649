use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::unused_role as m;

pub const RULE: Rule = Rule {
    id: RuleId::UnusedRole,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("unused-role"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let mut used = vec![false; plan.roles.len()];
    let mut mark = |name: &str| {
        if let Some(i) = ctx.role(name) {
            used[i] = true;
        }
    };
    if let Some(o) = &plan.owner {
        mark(&o.value);
    }
    for r in &plan.roles {
        r.lead.iter().chain(&r.members).for_each(|m| mark(&m.value));
    }
    for a in &plan.activities {
        a.owners.iter().chain(&a.participants).for_each(|o| mark(&o.value));
    }
    for q in &plan.requirements {
        q.owner.iter().chain(&q.participants).for_each(|o| mark(&o.value));
    }
    for (r, used) in plan.roles.iter().zip(used) {
        if !used {
            out.push(
                RULE.finding(r.id.span, m::nothing_to_do(&r.id.value, &r.name))
                    .label(m::responsible_for_nothing())
                    .help(m::give_it_work()),
            );
        }
    }
}
