use super::{Ctx, Rule, rule_doc};
use crate::calendar::{Calendar, Conflict};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::holiday_conflict as m;
use crate::when::Precision;
use chrono::Datelike;

pub const RULE: Rule = Rule {
    id: RuleId::HolidayConflict,
    severity: Severity::Warning,
    summary: m::SUMMARY,
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
            Conflict::PublicHoliday(h) => (m::on_holiday(&h.name_nb), m::move_to_a_working_day()),
            Conflict::SchoolHoliday(h) => (
                m::in_school_holiday(&h.name_nb, &h.start.to_string(), &h.end.to_string()),
                m::move_out_of_the_holiday(),
            ),
            Conflict::Weekend => {
                let on = if day.weekday() == chrono::Weekday::Sat { m::on_saturday() } else { m::on_sunday() };
                (on, m::move_to_a_weekday())
            }
        };
        out.push(
            RULE.finding(a.when.span, m::dated(&a.title.value, &day.to_string(), &what))
                .label(m::people_are_off())
                .help(help),
        );
    }
}
