use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::missing_owner as m;

pub const RULE: Rule = Rule {
    id: RuleId::MissingOwner,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("missing-owner"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.plan.activities {
        if a.owners.is_empty() {
            out.push(
                RULE.finding(a.title.span, m::no_owner(&a.title.value))
                    .label(m::nobody_responsible())
                    .help(m::add_owner()),
            );
        }
    }
}
