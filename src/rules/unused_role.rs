use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::UnusedRole,
    severity: Severity::Warning,
    summary: Words::untranslated("A declared role that is responsible for nothing and a member of nothing"),
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
                RULE.finding(r.id.span, format!("role '{}' ({}) has nothing to do in this plan", r.id.value, r.name))
                    .label("responsible for no activity and a member of no role")
                    .help("make it responsible for its activities, add it to the group it belongs to, or remove it"),
            );
        }
    }
}
