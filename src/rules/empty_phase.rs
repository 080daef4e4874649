use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::EmptyPhase,
    severity: Severity::Warning,
    summary: Words::untranslated("A phase without any activities"),
    doc: rule_doc!("empty-phase"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (p, acts) in ctx.plan.phases.iter().zip(&ctx.phase_activities) {
        if acts.is_empty() {
            out.push(
                RULE.finding(p.id.span, format!("phase '{}' ({}) has no activities", p.name, p.label.value))
                    .label("nothing is planned in this phase")
                    .help("add its activities as [[phase.activity]] under it, or remove the phase"),
            );
        }
    }
}
