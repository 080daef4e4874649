use super::{Ctx, Rule, describe, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::dependency_order as m;

pub const RULE: Rule = Rule {
    id: RuleId::DependencyOrder,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("dependency-order"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    for a in acts.iter().filter(|a| !a.is_cancelled()) {
        for d in &a.after {
            let Some(b) = ctx.activity(&d.value).map(|i| &acts[i]) else { continue };
            if b.is_cancelled() || std::ptr::eq(a, b) {
                continue;
            }
            // Only when it is certain: "mars 2026" after "2026-03-15" may well be on the 20th.
            if a.last_day < b.when.value.start {
                out.push(
                    RULE.finding(
                        d.span,
                        m::dated_before(
                            &a.title.value,
                            &describe(a.when.value.start, a.last_day),
                            &b.title.value,
                            &describe(b.when.value.start, b.last_day),
                        ),
                    )
                    .label(m::not_started_yet())
                    .related(b.when.span, m::dependency_dated_here())
                    .help(m::move_or_remove()),
                );
            }
        }
    }
}
