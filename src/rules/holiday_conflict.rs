use super::{Ctx, Rule};
use crate::calendar::{Calendar, Conflict};
use crate::diag::{Finding, RuleId, Severity};
use crate::when::Precision;
use chrono::Datelike;

pub const RULE: Rule = Rule {
    id: RuleId::HolidayConflict,
    severity: Severity::Warning,
    summary: "An activity dated on a public holiday, in a school holiday or on a weekend",
    doc: include_str!("docs/holiday-conflict.md"),
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
            RULE.finding(a.when.span.clone(), format!("'{}' is dated {day}, {what}", a.title.value))
                .label("staff, pupils and parents are off")
                .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    fn plan(when: &str) -> String {
        format!("{HEAD}\n[[activity]]\ntitle = \"Møte\"\nwhen = \"{when}\"\nowner = \"pl\"\n")
    }

    #[test]
    fn holidays_weekends_and_school_breaks() {
        let msg = |w: &str| run_rule(&RULE, &plan(w)).first().map(|f| f.message.clone());
        assert_eq!(
            msg("2026-05-14").as_deref(),
            Some("'Møte' is dated 2026-05-14, on a public holiday, Kristi himmelfartsdag")
        );
        assert_eq!(msg("2026-03-14").as_deref(), Some("'Møte' is dated 2026-03-14, on a Saturday"));
        assert_eq!(
            msg("2026-09-30").as_deref(),
            Some("'Møte' is dated 2026-09-30, in the høstferie (2026-09-28 – 2026-10-04)")
        );
        assert_eq!(msg("2026-03-12"), None, "an ordinary Thursday");
        assert_eq!(msg("mai 2026"), None, "a month leaves the day open");
    }

    #[test]
    fn cancelled_meetings_clash_with_nothing() {
        let cancelled = plan("2026-05-14").replace("owner = \"pl\"\n", "owner = \"pl\"\nstatus = \"avlyst\"\n");
        assert!(run_rule(&RULE, &cancelled).is_empty());
        let done = plan("2026-05-14").replace("owner = \"pl\"\n", "owner = \"pl\"\nstatus = \"gjennomført\"\n");
        assert_eq!(run_rule(&RULE, &done).len(), 1, "only cancelled work is left out");
    }

    #[test]
    fn every_year_of_the_plan_has_its_holidays() {
        let two =
            format!("{}\n[[activity]]\ntitle = \"Neste\"\nwhen = \"2027-05-06\"\nowner = \"pl\"\n", plan("2026-03-12"));
        let f = run_rule(&RULE, &two.replace("høst 2026", "høst 2027"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "'Neste' is dated 2027-05-06, on a public holiday, Kristi himmelfartsdag");
        assert_eq!(run_rule(&RULE, &plan("2026-03-15"))[0].message, "'Møte' is dated 2026-03-15, on a Sunday");
    }

    #[test]
    fn the_municipality_sets_its_own_break_weeks() {
        let options = "\n[lint.options]\nautumn-break-week = 41\nwinter-break-week = 10\n";
        let at = |when: &str| run_rule(&RULE, &format!("{}{options}", plan(when)));
        assert!(at("2026-09-30").is_empty(), "week 40 is an ordinary school week here");
        assert_eq!(
            at("2026-10-07")[0].message,
            "'Møte' is dated 2026-10-07, in the høstferie (2026-10-05 – 2026-10-11)"
        );
        assert!(at("2026-02-18").is_empty(), "week 8 is an ordinary school week here");
        assert_eq!(
            at("2026-03-04")[0].message,
            "'Møte' is dated 2026-03-04, in the vinterferie (2026-03-02 – 2026-03-08)"
        );
    }
}
