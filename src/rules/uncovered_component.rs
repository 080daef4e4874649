use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::uncovered_component as m;

pub const RULE: Rule = Rule {
    id: RuleId::UncoveredComponent,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("uncovered-component"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let served = ctx.served_by(|a| &a.components);
    let total = ctx.plan.components.len();
    for (n, c) in ctx.plan.components.iter().enumerate() {
        if !served.contains(c.id.value.as_str()) {
            out.push(
                RULE.finding(c.id.span, m::not_served(n + 1, total, &c.name))
                    .label(m::no_activity_lists_it())
                    .help(m::add_it(&c.id.value)),
            );
        }
    }
}
