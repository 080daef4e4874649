use super::{rule_doc, Ctx, Rule, describe};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::OutsidePlanPeriod,
    severity: Severity::Error,
    summary: Words::untranslated("An activity before the plan's start or after its end"),
    doc: rule_doc!("outside-plan-period"),
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
            RULE.finding(a.when.span, msg)
                .label(format!("outside the plan period {period}"))
                .related(*rel, relmsg)
                .help("correct the date, or widen the plan's start/end if the plan really runs longer"),
        );
    }
}
