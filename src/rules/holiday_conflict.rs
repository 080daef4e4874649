use super::{Ctx, Rule, rule_doc};
use crate::calendar::{Calendar, Conflict};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::holiday_conflict as m;
use crate::model::Activity;
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
    let considered: Vec<&Activity> = ctx.plan.activities.iter().filter(|a| !a.is_cancelled()).collect();
    let Some(calendar) = calendar_for(ctx, &considered) else { return };
    days(ctx, &calendar, &considered, out);
    periods(ctx, &calendar, &considered, out);
    summer_months(ctx, out);
}

/// The calendar of the years the activities span, under the plan's school calendar.
fn calendar_for(ctx: &Ctx, activities: &[&Activity]) -> Option<Calendar> {
    let first = activities.iter().map(|a| a.when.value.start.year()).min()?;
    let last = activities.iter().map(|a| a.last_day.year()).max()?;
    Some(Calendar::new(first, last, &ctx.options.school_holidays))
}

/// Activities dated to the day: on a public holiday, in a school holiday, on a planning day (unless they are
/// for the staff or the parents) or on a weekend.
fn days(ctx: &Ctx, calendar: &Calendar, activities: &[&Activity], out: &mut Vec<Finding>) {
    // A plan that states its own calendar is not told to write one.
    let stated = ctx.options.school_holidays != crate::calendar::SchoolHolidays::default();
    // Only activities dated to the day can clash; a month or a term leaves the day open.
    for a in activities.iter().filter(|a| a.when.value.precision == Precision::Day) {
        let day = a.when.value.start;
        let Some(conflict) = calendar.conflict(day) else { continue };
        let (what, label, help) = match conflict {
            Conflict::PublicHoliday(h) => (m::on_holiday(&h.name_nb), m::people_are_off(), m::move_to_a_working_day()),
            Conflict::SchoolHoliday(h) => (
                m::in_school_holiday((&h.name_nb, &h.name_en), &days_of(h)),
                m::people_are_off(),
                m::move_out_of_the_holiday(stated),
            ),
            Conflict::PlanningDay if a.is_for_adults() => continue,
            Conflict::PlanningDay => (m::on_planning_day(), m::pupils_are_off(), m::planning_day_help()),
            Conflict::Weekend => {
                let on = if day.weekday() == chrono::Weekday::Sat { m::on_saturday() } else { m::on_sunday() };
                (on, m::people_are_off(), m::move_to_a_weekday())
            }
        };
        out.push(RULE.finding(a.when.span, m::dated(&a.title.value, &day.to_string(), &what)).label(label).help(help));
    }
}

/// "2026-09-28 – 2026-10-04", or "2027-05-07" for one day.
fn days_of(h: &crate::calendar::Holiday) -> String {
    if h.start == h.end { h.start.to_string() } else { format!("{} – {}", h.start, h.end) }
}

/// Activities still to be done, dated to a week, a month or a term, that hold no school day at all ("uke 40
/// 2026" in the autumn break). The summer months have their own finding, with a fix.
fn periods(ctx: &Ctx, calendar: &Calendar, activities: &[&Activity], out: &mut Vec<Finding>) {
    let summer = &ctx.options.summer_months;
    for a in activities {
        let w = &a.when.value;
        let period = matches!(w.precision, Precision::Week | Precision::Month | Precision::Season);
        if !period || !a.status.is_open() || in_a_summer_month(a, summer) {
            continue;
        }
        if !calendar.no_school_day_in(w.start, a.last_day) {
            continue;
        }
        let (first, last) = (w.start.to_string(), a.last_day.to_string());
        let (before, after) = calendar.school_days_around(w.start, a.last_day);
        let day = |d: Option<chrono::NaiveDate>, or: &str| d.map_or(or.to_string(), |d| d.to_string());
        out.push(
            RULE.finding(a.when.span, m::dated_without_school_days(&a.title.value, &first, &last))
                .label(m::all_holiday())
                .help(m::nearest_school_days(&day(before, &first), &day(after, &last))),
        );
    }
}

/// Dated to one summer month (`summer-months`) and ending with it: an `end` or a `duration` reaching past it
/// leaves days to use.
fn in_a_summer_month(a: &Activity, summer: &[u32]) -> bool {
    let w = &a.when.value;
    w.precision == Precision::Month && a.last_day == w.end && summer.contains(&w.start.month())
}

/// Activities still to be done that are dated to a whole month the schools are closed for (`summer-months`,
/// July unless the plan says otherwise). The day is still open, but every day of the month is a holiday. The
/// fix moves it to the nearest month the schools are open, before or after: a guess, so unsafe.
fn summer_months(ctx: &Ctx, out: &mut Vec<Finding>) {
    let summer = &ctx.options.summer_months;
    for a in &ctx.plan.activities {
        let w = &a.when.value;
        if !a.status.is_open() || !in_a_summer_month(a, summer) {
            continue;
        }
        let (before, after) = open_months_around(w.start, summer);
        let to = pick_month(ctx, a, before, after);
        let written = in_the_same_style(&ctx.source.text[a.when.span.range()], w.start, to);
        let iso = |d: chrono::NaiveDate| d.format("%Y-%m").to_string();
        out.push(
            RULE.finding(a.when.span, m::dated_in_summer(&a.title.value, &iso(w.start)))
                .label(m::schools_are_closed())
                .help(m::move_before_or_after_summer(&iso(before), &iso(after)))
                .fix(crate::diag::Fix::replace(
                    crate::diag::Applicability::Unsafe,
                    a.when.span,
                    crate::escape::toml_string(&written, false),
                    crate::messages::common::write_this(&written),
                )),
        );
    }
}

/// The first day of the nearest month before `month` and after it that is not a summer month.
fn open_months_around(month: chrono::NaiveDate, summer: &[u32]) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let step = |d: chrono::NaiveDate, forward: bool| {
        let mut d = d;
        // Twelve steps at most: a plan that calls every month summer gets the month a year on.
        for _ in 0..12 {
            d = if forward { d + chrono::Months::new(1) } else { d - chrono::Months::new(1) };
            if !summer.contains(&d.month()) {
                break;
            }
        }
        d
    };
    (step(month, false), step(month, true))
}

/// Of the month before and the month after the summer, the one inside the activity's phase, else the one
/// inside the plan's period, else the one after: the school year starts in August, and work planned for the
/// summer is most often its preparation.
fn pick_month(
    ctx: &Ctx,
    a: &crate::model::Activity,
    before: chrono::NaiveDate,
    after: chrono::NaiveDate,
) -> chrono::NaiveDate {
    let fits = |d: chrono::NaiveDate, start: chrono::NaiveDate, end: chrono::NaiveDate| d >= start && d <= end;
    let phase = ctx.phase_of(a).map(|i| &ctx.plan.phases[i].span);
    let plan = (ctx.plan.start.value.start, ctx.plan.end.value.end);
    for (start, end) in phase.map(|p| (p.start, p.end)).into_iter().chain([plan]) {
        let before_fits = fits(before, start, end);
        if before_fits != fits(after, start, end) {
            return if before_fits { before } else { after };
        }
    }
    after
}

/// `when` as written, with its month `from` changed to `to` in the same year: "2027-07" → "2027-08",
/// "juli 2027" → "august 2027", "July 2027" → "August 2027"; any other form, or another year, becomes
/// "2027-08".
fn in_the_same_style(written: &str, from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    use crate::i18n::month_name;
    use crate::lang::Lang;
    let iso = to.format("%Y-%m").to_string();
    let inner = written.trim_matches(['"', '\'']);
    // A string with escapes is not rewritten in place: its text is not its value.
    if to.year() != from.year() || inner.contains('\\') || inner == from.format("%Y-%m").to_string() {
        return iso;
    }
    // ASCII lower case keeps every byte where it is, so a place found in it is a place in the text.
    let lower = inner.to_ascii_lowercase();
    for lang in [Lang::Nb, Lang::En] {
        let (old, new) = (month_name(lang, from.month()).to_lowercase(), month_name(lang, to.month()));
        let whole_word = |at: &usize| {
            let before = lower[..*at].chars().next_back();
            let after = lower[at + old.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        };
        if let Some(at) = lower.match_indices(&old).map(|(i, _)| i).find(whole_word) {
            let capital = inner[at..].starts_with(char::is_uppercase);
            let new = if capital { capitalised(new) } else { new.to_lowercase() };
            return format!("{}{new}{}", &inner[..at], &inner[at + old.len()..]);
        }
    }
    iso
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn month(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn a_month_moves_in_the_words_it_was_written_in() {
        let (july, june, august) = (month(2027, 7), month(2027, 6), month(2027, 8));
        assert_eq!(in_the_same_style("\"2027-07\"", july, august), "2027-08");
        assert_eq!(in_the_same_style("'juli 2027'", july, june), "juni 2027");
        assert_eq!(in_the_same_style("\"Juli 2027\"", july, august), "August 2027");
        assert_eq!(in_the_same_style("\"July 2027\"", july, june), "June 2027");
        assert_eq!(in_the_same_style("\"july 2027\"", july, august), "august 2027");
        // Not a whole word, escapes, another year, or a form it does not know: the ISO month.
        assert_eq!(in_the_same_style("\"julibuk 2027\"", july, august), "2027-08");
        assert_eq!(in_the_same_style("\"juli\\u00202027\"", july, august), "2027-08");
        assert_eq!(in_the_same_style("\"juli 2027\"", month(2027, 12), month(2028, 1)), "2028-01");
        assert_eq!(in_the_same_style("\"sommeren 2027\"", july, august), "2027-08");
    }

    #[test]
    fn the_months_around_the_summer_are_the_nearest_open_ones() {
        assert_eq!(open_months_around(month(2027, 7), &[7]), (month(2027, 6), month(2027, 8)));
        assert_eq!(open_months_around(month(2027, 7), &[6, 7, 8]), (month(2027, 5), month(2027, 9)));
        assert_eq!(open_months_around(month(2027, 1), &[12, 1]), (month(2026, 11), month(2027, 2)));
        let every = (1..=12).collect::<Vec<_>>();
        assert_eq!(open_months_around(month(2027, 7), &every), (month(2026, 7), month(2028, 7)));
    }
}
