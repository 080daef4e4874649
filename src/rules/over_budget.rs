use super::requirements::activity_costs;
use crate::lang::Words;
use super::{rule_doc, Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use chrono::Datelike;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    id: RuleId::OverBudget,
    severity: Severity::Error,
    summary: Words::untranslated("The activities cost more than the plan's budget, in all or in a year"),
    doc: rule_doc!("over-budget"),
    check: Some(check),
};

/// "12 500": kroner with a space between thousands, as Norwegian writes them.
pub(crate) fn kroner(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(budget) = &ctx.plan.budget else { return };
    let costs = activity_costs(ctx);
    let cur = &budget.currency;
    let mut per_year: BTreeMap<i32, u64> = BTreeMap::new();
    for (a, c) in ctx.plan.activities.iter().zip(&costs) {
        *per_year.entry(a.when.value.start.year()).or_default() += c;
    }
    let total: u64 = costs.iter().sum();
    if let Some(t) = budget.total.as_ref().filter(|t| total > t.value) {
        out.push(
            RULE.finding(
                t.span,
                format!("the activities cost {cur} {}, over the budget of {cur} {}", kroner(total), kroner(t.value)),
            )
            .label(format!("{cur} {} over", kroner(total - t.value)))
            .help("`implan schedule --costs` shows where the money goes, per year and per phase"),
        );
    }
    for (year, b) in &budget.years {
        let spent = per_year.get(year).copied().unwrap_or(0);
        if spent > b.value {
            out.push(
                RULE.finding(
                    b.span,
                    format!(
                        "the activities of {year} cost {cur} {}, over its budget of {cur} {}",
                        kroner(spent),
                        kroner(b.value)
                    ),
                )
                .label(format!("{cur} {} over", kroner(spent - b.value)))
                .help("move activities to another year, cut costs, or raise the year's budget"),
            );
        }
    }
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/over-budget/`; here, the amounts as written.
#[cfg(test)]
mod tests {
    #[test]
    fn kroner_are_grouped_by_thousands() {
        assert_eq!(super::kroner(1234567), "1 234 567");
        assert_eq!(super::kroner(999), "999");
    }
}
