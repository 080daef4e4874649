use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::calendar::{Calendar, Conflict};
use crate::diag::{Finding, RuleId, Severity};
use crate::when::Precision;
use chrono::Datelike;

pub const RULE: Rule = Rule {
    id: RuleId::HolidayConflict,
    severity: Severity::Warning,
    summary: Words::untranslated("An activity dated on a public holiday, in a school holiday or on a weekend"),
    doc: rule_doc!("holiday-conflict"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    // Only activities dated to the day can clash; a month or a term leaves the day open.
    let days: Vec<&crate::model::Activity> =
        plan.activities.iter().filter(|a| !a.is_cancelled() && a.when.value.precision == Precision::Day).collect();
    if days.is_empty() {
        return;
    }
    let first = days.iter().map(|a| a.when.value.start.year()).min().unwrap_or(2000);
    let last = days.iter().map(|a| a.when.value.start.year()).max().unwrap_or(first);
    let calendar = Calendar::new(first, last, &ctx.options.school_holidays);
    for a in days {
        let day = a.when.value.start;
        let Some(conflict) = calendar.conflict(day) else { continue };
        let (what, help) = match conflict {
            Conflict::PublicHoliday(h) => (format!("on a public holiday, {}", h.name_nb), "move it to a working day"),
            Conflict::SchoolHoliday(h) => (
                format!("in the {} ({} – {})", h.name_nb, h.start, h.end),
                "move it out of the holiday, or set this municipality's holiday weeks under [lint.options]",
            ),
            Conflict::Weekend => {
                let name = if day.weekday() == chrono::Weekday::Sat { "a Saturday" } else { "a Sunday" };
                (
                    format!("on {name}"),
                    "move it to a weekday, or allow = [\"holiday-conflict\"] if the weekend is meant",
                )
            }
        };
        out.push(
            RULE.finding(a.when.span, format!("'{}' is dated {day}, {what}", a.title.value))
                .label("staff, pupils and parents are off")
                .help(help),
        );
    }
}
