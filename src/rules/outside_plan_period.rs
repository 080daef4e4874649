use super::{Ctx, Rule, describe};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::OutsidePlanPeriod,
    severity: Severity::Error,
    summary: "An activity before the plan's start or after its end",
    doc: include_str!("docs/outside-plan-period.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let (start, end) = (plan.start.value.start, plan.end.value.end);
    let period = describe(start, end);
    for a in &plan.activities {
        let dated = || describe(a.when.value.start, a.last_day);
        let (msg, rel, relmsg) = if a.when.value.start < start {
            (
                format!("'{}' ({}) starts before the plan starts ({start})", a.title.value, dated()),
                &plan.start.span,
                "the plan starts here",
            )
        } else if a.last_day > end {
            (
                format!("'{}' ({}) ends after the plan ends ({end})", a.title.value, dated()),
                &plan.end.span,
                "the plan ends here",
            )
        } else {
            continue;
        };
        out.push(
            RULE.finding(a.when.span.clone(), msg)
                .label(format!("outside the plan period {period}"))
                .related(rel.clone(), relmsg)
                .help("correct the date, or widen the plan's start/end if the plan really runs longer"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_before_start_and_after_end() {
        let plan = format!(
            "{HEAD}\n[[activity]]\ntitle = \"Early\"\nwhen = \"desember 2025\"\n\n[[activity]]\ntitle = \"Inside\"\nwhen = 2026-12-31\n\n[[activity]]\ntitle = \"Late\"\nwhen = \"desember 2026\"\nduration = \"2 months\"\n"
        );
        let f = run_rule(&RULE, &plan);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "'Early' (2025-12) starts before the plan starts (2026-01-01)",
                "'Late' (2026-12 – 2027-01) ends after the plan ends (2026-12-31)"
            ]
        );
    }

    #[test]
    fn the_first_and_last_day_are_inside() {
        let plan = format!(
            "{HEAD}\n[[activity]]\ntitle = \"First\"\nwhen = 2026-01-01\n\n[[activity]]\ntitle = \"Last\"\nwhen = 2026-12-31\n\n[[activity]]\ntitle = \"Eve\"\nwhen = 2025-12-31\n"
        );
        let f = run_rule(&RULE, &plan);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs, ["'Eve' (2025-12-31) starts before the plan starts (2026-01-01)"]);
        assert_eq!(f[0].related[0].1, "the plan starts here");
        assert_eq!(f[0].label.as_deref(), Some("outside the plan period 2026-01 – 2026-12"));
    }
}
