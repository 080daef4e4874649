use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::EmptyPhase,
    severity: Severity::Warning,
    summary: "A phase without any activities",
    doc: include_str!("docs/empty-phase.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (p, acts) in ctx.plan.phases.iter().zip(&ctx.phase_activities) {
        if acts.is_empty() {
            out.push(
                RULE.finding(p.id.span.clone(), format!("phase '{}' ({}) has no activities", p.name, p.label.value))
                    .label("nothing is planned in this phase")
                    .help("add its activities as [[phase.activity]] under it, or remove the phase"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_on_empty_phase_only() {
        let plan = format!(
            "{HEAD}\n[[phase]]\nid = \"a\"\nname = \"A\"\nperiod = \"vår 2026\"\n[[phase.activity]]\ntitle = \"X\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n\n[[phase]]\nid = \"b\"\nname = \"B\"\nperiod = \"høst 2026\"\n\n[[phase]]\nid = \"c\"\nname = \"C\"\nperiod = \"høst 2026\"\n[[activity]]\ntitle = \"Y\"\nwhen = \"2026-09\"\nphase = \"c\"\n"
        );
        let f = run_rule(&RULE, &plan);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "phase 'B' (høst 2026) has no activities");
    }
}
