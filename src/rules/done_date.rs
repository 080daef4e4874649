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
        let Some(done) = &a.done else {
            without_a_day(ctx, a, start, today, out);
            continue;
        };
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

/// A done activity without a done date: a warning, as the work is recorded and only its day is missing. The fix
/// writes the last day of its `when` when that lies between the plan's start and today (the work was most
/// likely done as planned), else today: a guess either way, so unsafe.
fn without_a_day(ctx: &Ctx, a: &crate::model::Activity, start: NaiveDate, today: NaiveDate, out: &mut Vec<Finding>) {
    let (crate::model::Status::Done, Some(status)) = (a.status, a.status_span) else { return };
    let as_planned = (start..=today).contains(&a.last_day);
    let day = if as_planned { a.last_day } else { today };
    let mut f = Finding::new(RULE.id, Severity::Warning, Some(status), m::done_without_a_day(&a.title.value))
        .label(m::done_but_when())
        .help(m::write_when_it_was_done(&a.id.value));
    if let Some(at) = line_after(&ctx.source.text, status) {
        let text = format!("{}done = {day}", at.text);
        let fix = crate::diag::Fix::replace(
            crate::diag::Applicability::Unsafe,
            crate::diag::Span::new(at.offset, at.offset),
            text,
            m::add_done(&day.to_string(), as_planned),
        );
        f = f.fix(fix);
    }
    out.push(f);
}

/// Where a new key goes on the line after the value at `value`, and what comes before it there: the line's
/// ending and the indentation of the value's line. Only for a value that its key starts a line with, and that
/// only a comment follows: anything else (an inline table, two keys on a line) is left to a person.
struct NewLine {
    offset: usize,
    text: String,
}

fn line_after(text: &str, value: crate::diag::Span) -> Option<NewLine> {
    let line_start = text[..value.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..value.start];
    let indent = &before[..before.len() - before.trim_start().len()];
    let key = before.trim_start().strip_prefix("status")?.trim_start().strip_prefix('=')?;
    if !key.trim().is_empty() {
        return None;
    }
    let line_end = text[value.end..].find('\n').map_or(text.len(), |i| value.end + i);
    let rest = text[value.end..line_end].trim_end_matches('\r').trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    let newline = if text[..line_end].ends_with('\r') { "\r\n" } else { "\n" };
    let offset = text[..line_end].strip_suffix('\r').map_or(line_end, str::len);
    Some(NewLine { offset, text: format!("{newline}{indent}") })
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/done-date/`; here, the predicate the editor shares.
#[cfg(test)]
mod tests {
    use super::*;

    /// Where `done` goes after the status value in `text` (its span found by the value's text).
    fn after(text: &str, value: &str) -> Option<(usize, String)> {
        let start = text.find(value).unwrap();
        line_after(text, crate::diag::Span::new(start, start + value.len())).map(|n| (n.offset, n.text))
    }

    #[test]
    fn done_goes_on_its_own_line_after_the_status_in_its_indentation_and_line_ending() {
        let lf = "[[activity]]\n  status = \"done\"  # ja\nowner = \"pl\"\n";
        assert_eq!(after(lf, "\"done\""), Some((lf.find("\nowner").unwrap(), "\n  ".into())));
        let crlf = "[[activity]]\r\n\tstatus='done'\r\n";
        assert_eq!(after(crlf, "'done'"), Some((crlf.len() - 2, "\r\n\t".into())));
        let last = "status = \"done\"";
        assert_eq!(after(last, "\"done\""), Some((last.len(), "\n".into())));
        // Not a line of its own: an inline table, a quoted or dotted key, another key after it.
        assert_eq!(after("a = [{ status = \"done\" }]\n", "\"done\""), None);
        assert_eq!(after("\"status\" = \"done\"\n", "\"done\""), None);
        assert_eq!(after("x.status = \"done\"\n", "\"done\""), None);
        assert_eq!(after("status = \"done\", when = 1\n", "\"done\""), None);
    }

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
