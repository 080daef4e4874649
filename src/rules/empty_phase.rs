use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::empty_phase as m;

pub const RULE: Rule = Rule {
    id: RuleId::EmptyPhase,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("empty-phase"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (p, acts) in ctx.plan.phases.iter().zip(&ctx.phase_activities) {
        if acts.is_empty() {
            out.push(
                RULE.finding(p.id.span, m::no_activities(&p.name, &p.label.value))
                    .label(m::nothing_planned())
                    .help(m::add_or_remove()),
            );
        }
    }
}
