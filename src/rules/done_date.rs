//! `done-date`: a done date records the day something happened, so it cannot lie ahead, and a day before the
//! plan started is almost always a slip of the year.

use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::lang::Text;
use crate::messages::rules::done_date as m;
use chrono::{Datelike, NaiveDate};

pub const RULE: Rule = Rule {
    id: RuleId::DoneDate,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("done-date"),
    check: Some(check),
};

/// What is wrong with a done date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// After today.
    Future { today: NaiveDate },
    /// Before the plan's first day.
    BeforePlan { start: NaiveDate },
}

/// The one test of a done date, for the rule and for `implan done`/`set`, which warn at once.
pub fn problem(day: NaiveDate, plan_start: Option<NaiveDate>, today: NaiveDate) -> Option<Problem> {
    if day > today {
        return Some(Problem::Future { today });
    }
    match plan_start {
        Some(start) if day < start => Some(Problem::BeforePlan { start }),
        _ => None,
    }
}

impl Problem {
    /// "the done date 2027-01-05 is after today (2026-11-30)".
    pub fn text(&self, day: NaiveDate) -> Text {
        match self {
            Problem::Future { today } => m::after_today(&day.to_string(), &today.to_string()),
            Problem::BeforePlan { start } => m::before_plan(&day.to_string(), &start.to_string()),
        }
    }

    /// A year's slip that lands between the plan's start and today, if the plan's start is known.
    fn slip(&self, day: NaiveDate, plan_start: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
        let shift = match self {
            Problem::Future { .. } => -1,
            Problem::BeforePlan { .. } => 1,
        };
        let other = day.with_year(day.year() + shift)?;
        (plan_start..=today).contains(&other).then_some(other)
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let today = ctx.today();
    let start = ctx.plan.start.value.start;
    for a in &ctx.plan.activities {
        let Some(done) = &a.done else { continue };
        let Some(p) = problem(done.value, Some(start), today) else { continue };
        let label = match p {
            Problem::Future { .. } => m::not_yet(),
            Problem::BeforePlan { .. } => m::before_the_plan(),
        };
        let help = match p.slip(done.value, start, today) {
            Some(d) => m::did_you_mean_day(&d.to_string()),
            None => match p {
                Problem::Future { .. } => m::write_the_day_or_status(),
                Problem::BeforePlan { .. } => m::write_the_day(),
            },
        };
        out.push(RULE.finding(done.span, m::of_activity(&a.title.value, &p.text(done.value))).label(label).help(help));
    }
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/done-date/`; here, the predicate the editor shares.
#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_predicate_alone() {
        let (start, today) = (Some(day("2026-01-01")), day("2026-11-30"));
        assert_eq!(problem(day("2026-12-01"), start, today), Some(Problem::Future { today }));
        assert_eq!(problem(day("2025-12-31"), start, today), Some(Problem::BeforePlan { start: day("2026-01-01") }));
        assert_eq!(problem(day("2025-12-31"), None, today), None);
        assert_eq!(problem(today, start, today), None);
    }
}
