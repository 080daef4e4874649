use super::{rule_doc, Ctx, Rule, describe};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::DependencyOrder,
    severity: Severity::Error,
    summary: Words::untranslated("An activity dated before something it depends on"),
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
                        format!(
                            "'{}' ({}) is dated before '{}' ({}), which it comes after",
                            a.title.value,
                            describe(a.when.value.start, a.last_day),
                            b.title.value,
                            describe(b.when.value.start, b.last_day)
                        ),
                    )
                    .label("this activity has not started yet then")
                    .related(b.when.span, "the dependency is dated here")
                    .help("move one of the dates, or remove the dependency if it is not real"),
                );
            }
        }
    }
}
