use super::requirements::{activity_costs, each_requirement, scope};
use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::i18n::money;
use crate::lang::Lang;
use crate::messages::common::per_language;
use crate::messages::rules::over_budget as m;
use chrono::Datelike;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    id: RuleId::OverBudget,
    severity: Severity::Error,
    summary: m::SUMMARY,
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
    // A requirement's cost is charged inside its window only; a window outside the plan is reported here when
    // no other rule checks the requirement.
    each_requirement(ctx, out, |req, out| {
        if req.cost.is_some() {
            scope(ctx, req, &RULE, req.id.span, out);
        }
    });
    let Some(budget) = &ctx.plan.budget else { return };
    let costs = activity_costs(ctx);
    let cur = &budget.currency;
    // "12 000 kr" in Norwegian, "NOK 12 000" in English.
    let amount = |n: u64| {
        let k = kroner(n);
        per_language(money(Lang::Nb, cur, &k), money(Lang::Nn, cur, &k), money(Lang::En, cur, &k))
    };
    let mut per_year: BTreeMap<i32, u64> = BTreeMap::new();
    for (a, c) in ctx.plan.activities.iter().zip(&costs) {
        *per_year.entry(a.when.value.start.year()).or_default() += c;
    }
    let total: u64 = costs.iter().sum();
    if let Some(t) = budget.total.as_ref().filter(|t| total > t.value) {
        out.push(
            RULE.finding(t.span, m::over_total(&amount(total), &amount(t.value)))
                .label(m::over_by(&amount(total - t.value)))
                .help(m::see_the_costs()),
        );
    }
    for (year, b) in &budget.years {
        let spent = per_year.get(year).copied().unwrap_or(0);
        if spent > b.value {
            out.push(
                RULE.finding(b.span, m::over_year(*year, &amount(spent), &amount(b.value)))
                    .label(m::over_by(&amount(spent - b.value)))
                    .help(m::move_cut_or_raise()),
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
