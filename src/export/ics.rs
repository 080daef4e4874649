//! `implan export ics`: the plan as an iCalendar file (RFC 5545) for Outlook, Google Calendar and Apple Calendar.
//!
//! Every activity becomes one `VEVENT`, in date order; `--role R` keeps the activities of that role and of every
//! group it belongs to (as `schedule --role` does). How an activity's date becomes an event:
//!
//! - **A day** (`2026-03-12`): an all-day event on that day (`DTSTART;VALUE=DATE`, `DTEND;VALUE=DATE` the day
//!   after, as RFC 5545 makes the end exclusive), shown as busy (`TRANSP:OPAQUE`).
//! - **A day with a time** (`fredag 25. september 2020 kl. 10–10.30`): a timed event in Norwegian time,
//!   `DTSTART;TZID=Europe/Oslo:20200925T100000` to the end time, or one hour when no end time is written (a range
//!   that ends at or before it starts is refused when the plan is read). The file then carries a `VTIMEZONE` for
//!   Europe/Oslo (CET +01:00, CEST +02:00 from the last Sunday of March 02:00 to the last Sunday of October
//!   03:00), so every calendar places it right whatever the reader's own time zone.
//! - **A week, month, school term or year** (`mars 2026`, `høst 2026`), and **any activity with an `end` or a
//!   `duration`** that makes it last more than a day: one all-day event spanning the whole span (first day to the
//!   day after the last), marked free (`TRANSP:TRANSPARENT`, and `X-MICROSOFT-CDO-BUSYSTATUS:FREE` for
//!   Outlook) so that it does not block the calendar or make anyone look busy for a month. This is how the three
//!   calendars show work that belongs to a period: a banner across the top of the days, over the whole month in
//!   the month view and at the top of every day of it in the day and week views, which is true to the plan ("some
//!   time in March") where a single day would claim a date nobody decided. Because a banner looks the same
//!   whether the activity fills the month or happens once in it, the summary of an event that is not on an exact
//!   day ends with its period in brackets, `Personaldag om verdigrunnlaget (oktober 2026)`; the title comes first
//!   so that a narrow banner still shows what it is. A day-precision activity lasting several days (`duration =
//!   "3 dager"`) is a banner too, without the bracket: its days are exact. A time written on such an activity is
//!   kept in the description.
//!
//! Everything else:
//!
//! - `SUMMARY` is the activity's title; a cancelled activity's starts with "Avlyst: " / "Cancelled: ", as Outlook
//!   writes cancelled meetings, since Google Calendar does not show `STATUS`.
//! - `STATUS` is `CANCELLED` for a cancelled activity (kept in the file, so that a re-import cancels the event it
//!   imported before instead of leaving it standing) and `CONFIRMED` for every other: the plan has decided it.
//!   Done and in-progress show in the description's status line ("Status: gjennomført 12. mars 2026").
//! - `DESCRIPTION`: when (as the plan writes it), the responsible roles and those taking part by their display
//!   names, the phase with its label, the status, the notes, and the plan's title (an imported event lands in
//!   the reader's own calendar, among everything else). Labels in the view's language.
//! - `UID` is `<activity id>@<slug of the plan title>.implan`: the same activity has the same UID in every
//!   export, with or without `--role`, so importing a newer export updates the events instead of duplicating
//!   them (a second activity with an id already used gets `-2`, `-3`, in file order). `SEQUENCE` is 0 and
//!   `DTSTAMP` is the view's day at 00:00 UTC: the output is reproducible, and a later export has a later stamp,
//!   which is what calendars compare to take it as the newer version.
//! - The calendar: `VERSION:2.0`, `PRODID:-//implan//implan <version>//NB` (or `EN`), `CALSCALE:GREGORIAN`,
//!   `METHOD:PUBLISH` and `X-WR-CALNAME` with the plan's title (and the role's name with `--role`), the name
//!   Apple Calendar and Outlook give a calendar they import or subscribe to.
//! - Text is escaped as RFC 5545 says (`\\`, `\;`, `\,`, `\n`; other control characters are dropped), lines
//!   end with CRLF and are folded at 75 octets, never inside a UTF-8 character or an escape.

use crate::i18n;
use crate::model::{Activity, Status};
use crate::views::{Filter, View, ViewError};
use chrono::Datelike;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::fmt::Write as _;

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct IcsOptions {
    /// Only the activities of this role (id or name) and of the groups it belongs to.
    pub role: Option<String>,
}

/// The time zone of every timed event: the plans are Norwegian.
pub const TZID: &str = "Europe/Oslo";

/// The longest a content line may be, in octets, without its CRLF.
const MAX_LINE: usize = 75;

/// The plan as an iCalendar document, with CRLF line endings.
pub fn render(view: &View, opts: &IcsOptions) -> Result<String, ViewError> {
    let filter = Filter { role: opts.role.clone(), ..Default::default() };
    let ids = view.select(&filter)?;
    let role_name = match &opts.role {
        Some(r) => Some(view.plan.roles[view.find_role(r)?].name.as_str()),
        None => None,
    };
    let uids = uids(view);
    let stamp = view.today.and_time(NaiveTime::MIN).format("%Y%m%dT%H%M%SZ").to_string();

    let mut out = Ics::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    let lang = view.lang.code().to_uppercase();
    out.line(&format!("PRODID:-//implan//implan {}//{lang}", env!("CARGO_PKG_VERSION")));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    let title = &view.plan.title.value;
    let name = match role_name {
        Some(r) => format!("{title} – {r}"),
        None => title.clone(),
    };
    out.prop("X-WR-CALNAME", &escape(&name));
    if ids.iter().any(|&i| timed(&view.plan.activities[i]).is_some()) {
        out.vtimezone();
    }
    for &i in &ids {
        let a = &view.plan.activities[i];
        out.line("BEGIN:VEVENT");
        out.prop("UID", &escape(&uids[i]));
        out.prop("DTSTAMP", &stamp);
        out.line("SEQUENCE:0");
        match timed(a) {
            Some((start, end)) => {
                out.prop(&format!("DTSTART;TZID={TZID}"), &start.format("%Y%m%dT%H%M%S").to_string());
                out.prop(&format!("DTEND;TZID={TZID}"), &end.format("%Y%m%dT%H%M%S").to_string());
            }
            None => {
                out.prop("DTSTART;VALUE=DATE", &date(a.when.value.start));
                match a.last_day.succ_opt().filter(|d| d.year() <= 9999) {
                    Some(after) => out.prop("DTEND;VALUE=DATE", &date(after)),
                    // A DATE has four digits of year: the day after 9999-12-31 cannot be written, a length can.
                    None => {
                        let days = (a.last_day - a.when.value.start).num_days() + 1;
                        out.prop("DURATION", &format!("P{days}D"));
                    }
                }
            }
        }
        out.prop("SUMMARY", &escape(&summary(view, a)));
        out.prop("DESCRIPTION", &escape(&description(view, a)));
        out.prop("STATUS", if a.is_cancelled() { "CANCELLED" } else { "CONFIRMED" });
        if is_banner(a) {
            out.line("TRANSP:TRANSPARENT");
            out.line("X-MICROSOFT-CDO-BUSYSTATUS:FREE");
        } else {
            out.line("TRANSP:OPAQUE");
        }
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    Ok(out.0)
}

/// Every activity's UID, by index in the plan: the same whatever the filter.
fn uids(view: &View) -> Vec<String> {
    let domain = match crate::model::slug(&view.plan.title.value) {
        s if s.is_empty() => "plan".to_string(),
        s => s,
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(view.plan.activities.len());
    for a in &view.plan.activities {
        let n = seen.entry(a.id.value.as_str()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { a.id.value.clone() } else { format!("{}-{n}", a.id.value) };
        out.push(format!("{id}@{domain}.implan"));
    }
    out
}

/// The start and end, in Norwegian time, of an activity written as one day with a time.
fn timed(a: &Activity) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let w = &a.when.value;
    let (from, to) = w.time?;
    if w.precision != crate::when::Precision::Day || a.last_day != w.start {
        return None;
    }
    let start = w.start.and_time(from);
    // The loader refuses a range that ends before it starts ("22:00-01:30"), so the end is on the same day.
    let end = to.map_or(start + Duration::hours(1), |to| w.start.and_time(to));
    Some((start, end))
}

/// Whether the event is a free banner over a span rather than a fixed day or time.
fn is_banner(a: &Activity) -> bool {
    timed(a).is_none() && (a.when.value.precision != crate::when::Precision::Day || a.last_day != a.when.value.start)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn summary(view: &View, a: &Activity) -> String {
    let mut s = String::new();
    if a.is_cancelled() {
        let word = i18n::status(view.lang, Status::Cancelled);
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            s.extend(first.to_uppercase());
            s.push_str(chars.as_str());
        }
        s.push_str(": ");
    }
    s.push_str(a.title.value.trim());
    if a.when.value.precision != crate::when::Precision::Day {
        let _ = write!(s, " ({})", view.when_text(a));
    }
    s
}

fn description(view: &View, a: &Activity) -> String {
    let t = view.t;
    let w = &a.when.value;
    let when = if w.time.is_some() && a.last_day != w.end {
        format!("{} – {}", i18n::when(view.lang, w), i18n::day(view.lang, a.last_day))
    } else {
        view.when_text(a)
    };
    let mut lines = vec![format!("{}: {when}", t.when), format!("{}: {}", t.responsible, view.owners_text(a))];
    if !a.participants.is_empty() {
        let label = view.t.taking_part;
        let names: Vec<&str> = a
            .participants
            .iter()
            .map(|p| view.index.role(&p.value).map_or(p.value.as_str(), |i| view.plan.roles[i].name.as_str()))
            .collect();
        lines.push(format!("{label}: {}", names.join(", ")));
    }
    if let Some(p) = view.index.phase_of(a) {
        let phase = &view.plan.phases[p];
        lines.push(format!("{}: {} ({})", t.phase, phase.name, phase.label.value));
    }
    let mut status = i18n::status(view.lang, a.status).to_string();
    if let (Status::Done, Some(d)) = (a.status, a.done.as_ref().map(|d| d.value)) {
        status.push(' ');
        status.push_str(&i18n::day(view.lang, d));
    }
    lines.push(format!("{}: {status}", t.status));
    if let Some(notes) = a.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        lines.push(String::new());
        lines.push(notes.to_string());
    }
    lines.push(String::new());
    let plan = &view.plan;
    match &plan.org {
        Some(org) if !plan.title.value.contains(org.as_str()) => lines.push(format!("{} · {org}", plan.title.value)),
        _ => lines.push(plan.title.value.clone()),
    }
    lines.join("\n")
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline; other control characters,
/// which TEXT may not hold, are dropped.
pub fn escape(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1): each continuation starts with a space, and no fold
/// splits a UTF-8 character or an escape (`\,`), which careless readers might otherwise misread.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / MAX_LINE * 3 + 2);
    let mut width = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if c == '\\'
            && let Some(&(j, next)) = chars.peek()
        {
            chars.next();
            end = j + next.len_utf8();
        }
        let unit = &line[i..end];
        if width + unit.len() > MAX_LINE {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push_str(unit);
        width += unit.len();
    }
    out.push_str("\r\n");
    out
}

#[derive(Default)]
struct Ics(String);

impl Ics {
    fn line(&mut self, line: &str) {
        self.0.push_str(&fold(line));
    }

    fn prop(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn vtimezone(&mut self) {
        for l in [
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Oslo",
            "X-LIC-LOCATION:Europe/Oslo",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
        ] {
            self.line(l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar of a plan with `body` after its head, unfolded, on 1 January 2026.
    fn calendar(head: &str, body: &str) -> String {
        let text = format!("[plan]\ntitle = \"Omni i Beiarn\"\nstart = \"2026\"\nend = \"9999\"\n{head}{body}");
        let source = crate::source::Source::new("t.toml", text);
        let plan = crate::load::load(&source).unwrap();
        let view =
            View::new(&plan, &source, crate::model::Lang::Nb, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        render(&view, &IcsOptions { role: None }).unwrap().replace("\r\n ", "")
    }

    #[test]
    fn the_last_day_a_date_can_hold_ends_with_a_length() {
        let out = calendar("", "[[activity]]\ntitle = \"A\"\nwhen = \"9999-12-29\"\nend = \"9999-12-31\"\n");
        assert!(out.contains("DTSTART;VALUE=DATE:99991229\r\nDURATION:P3D\r\n"), "{out}");
    }

    #[test]
    fn the_description_says_when_and_whose_plan() {
        let body = "[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nend = \"2026-04-10\"\n";
        let out = calendar("org = \"Beiarn kommune\"\n", body);
        let description = out.lines().find(|l| l.starts_with("DESCRIPTION:")).expect("a description");
        assert!(description.starts_with("DESCRIPTION:Når: 1. mars – 10. april 2026\\n"), "{description}");
        assert!(out.contains("Omni i Beiarn · Beiarn kommune"), "{out}");
        // An organisation already in the title is not said twice.
        let out = calendar("org = \"Beiarn\"\n", body);
        assert!(out.contains("\\n\\nOmni i Beiarn\r\n") && !out.contains("· Beiarn"), "{out}");
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "æøå ".repeat(40));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= MAX_LINE, "{l:?} is {} octets", l.len());
        }
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        assert_eq!(fold("A:b"), "A:b\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
        assert_eq!(fold(&"X".repeat(76)), format!("{exact}\r\n X\r\n"));
        let escapes = format!("{}\\,\\,", "X".repeat(74));
        assert_eq!(fold(&escapes), format!("{}\r\n \\,\\,\r\n", "X".repeat(74)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a, b; c\\d\ne\r\nf\u{7}"), "a\\, b\\; c\\\\d\\ne\\nf");
    }
}
