use super::requirements::activity_costs;
use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use chrono::Datelike;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    id: RuleId::OverBudget,
    severity: Severity::Error,
    summary: "The activities cost more than the plan's budget, in all or in a year",
    doc: include_str!("docs/over-budget.md"),
    check: Some(check),
};

/// "12 500": kroner with a space between thousands, as Norwegian writes them.
pub fn kroner(n: u64) -> String {
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
                t.span.clone(),
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
                    b.span.clone(),
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

#[cfg(test)]
mod tests {
    use super::{RULE, kroner};
    use crate::rules::testing::{HEAD, run_rule};

    fn plan(budget: &str) -> String {
        format!(
            "{HEAD}\n[budget]\n{budget}\n\n[[requirement]]\nid = \"r\"\ntitle = \"Trenerkurs\"\nkind = \"trener\"\ncost = {{ amount = 2000, per = \"deltaker\" }}\n\n[[activity]]\ntitle = \"Bøker\"\nwhen = \"mars 2026\"\nowner = \"pl\"\ncost = {{ amount = 300, per = \"sett\", units = 40 }}\n\n[[activity]]\ntitle = \"Trenerkurs\"\nwhen = \"høst 2026\"\nowner = \"pl\"\nkind = \"trener\"\nplaces = 2\n\n[[activity]]\ntitle = \"Avlyst\"\nwhen = \"mai 2026\"\nowner = \"pl\"\ncost = 99999\nstatus = \"avlyst\"\n"
        )
    }

    #[test]
    fn totals_and_years() {
        // 40 sets at 300 and 2 participants at 2000: 16 000 in all.
        let f = run_rule(&RULE, &plan("total = 15000"));
        assert_eq!(f[0].message, "the activities cost NOK 16 000, over the budget of NOK 15 000");
        assert!(run_rule(&RULE, &plan("total = 16000")).is_empty(), "cancelled work costs nothing");
        let f = run_rule(&RULE, &plan("years = { 2026 = 10000 }"));
        assert_eq!(f[0].message, "the activities of 2026 cost NOK 16 000, over its budget of NOK 10 000");
        assert_eq!(kroner(1234567), "1 234 567");
        assert_eq!(kroner(999), "999");
    }

    #[test]
    fn a_budget_spent_exactly_is_kept() {
        assert!(run_rule(&RULE, &plan("years = { 2026 = 16000 }")).is_empty());
        let f = run_rule(&RULE, &plan("years = { 2026 = 15999, 2027 = 0 }"));
        assert_eq!(f.len(), 1, "a year with nothing in it spends nothing");
        assert_eq!(f[0].label.as_deref(), Some("NOK 1 over"));
        assert_eq!(run_rule(&RULE, &plan("total = 15999"))[0].label.as_deref(), Some("NOK 1 over"));
    }
}
