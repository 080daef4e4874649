use super::{Ctx, Rule, describe, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::outside_plan_period as m;

pub const RULE: Rule = Rule {
    id: RuleId::OutsidePlanPeriod,
    severity: Severity::Error,
    summary: m::SUMMARY,
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
            (m::starts_before(&a.title.value, &dated(), &start.to_string()), &plan.start.span, m::plan_starts_here())
        } else if a.last_day > end {
            (m::ends_after(&a.title.value, &dated(), &end.to_string()), &plan.end.span, m::plan_ends_here())
        } else {
            continue;
        };
        out.push(
            RULE.finding(a.when.span, msg)
                .label(m::outside_period(&period))
                .related(*rel, relmsg)
                .help(m::correct_the_date()),
        );
    }
}
