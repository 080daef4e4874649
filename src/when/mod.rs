//! Dates as plans write them: `2026-03-12`, `mars 2026`, `Høsten 2026`, `Spring 2025`, `2026`.
//!
//! Every value becomes a [`When`]: a span of whole days plus the precision it was written with, so that rules
//! can tell "some day in March" from "12 March".

use crate::lang::Text;
use crate::messages::when as msg;
use chrono::{Datelike, NaiveDate, NaiveTime};
use std::fmt;

mod clock;

pub(crate) use clock::oslo_from_offset;
use clock::{parse_iso_time, parse_time_range};

/// How precisely a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Year,
}

/// A span of days as written in the plan, first and last day inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    /// Time of day and optional end time, for day precision.
    pub time: Option<(NaiveTime, Option<NaiveTime>)>,
}

/// A school term: vår is January–June, høst is August–December.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Autumn,
}

impl Season {
    pub fn months(self) -> (u32, u32) {
        match self {
            Season::Spring => (1, 6),
            Season::Autumn => (8, 12),
        }
    }
}

/// Why a date could not be read, and what to write instead (the forms implan reads, by default:
/// [`msg::forms_help`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError {
    pub message: Text,
    pub help: Text,
}

/// The English message, for the command line's own errors.
impl fmt::Display for WhenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message.en())
    }
}

impl When {
    pub fn day(date: NaiveDate) -> When {
        When { start: date, end: date, precision: Precision::Day, time: None }
    }

    pub fn month(year: i32, month: u32) -> Option<When> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(When { start, end: last_day_of_month(year, month)?, precision: Precision::Month, time: None })
    }

    pub fn season(year: i32, season: Season) -> Option<When> {
        let (first, last) = season.months();
        Some(When {
            start: NaiveDate::from_ymd_opt(year, first, 1)?,
            end: last_day_of_month(year, last)?,
            precision: Precision::Season,
            time: None,
        })
    }

    pub fn year(year: i32) -> Option<When> {
        Some(When {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: Precision::Year,
            time: None,
        })
    }

    /// The same span moved by whole years; `None` when that leaves the calendar chrono knows.
    pub(crate) fn shifted_years(&self, years: i32) -> Option<When> {
        let shift = |d: NaiveDate| {
            let y = d.year().checked_add(years)?;
            NaiveDate::from_ymd_opt(y, d.month(), d.day()).or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
        };
        Some(When { start: shift(self.start)?, end: shift(self.end)?, ..*self })
    }
}

pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 { (year.checked_add(1)?, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// The school year a day belongs to, named by the calendar year it starts in: 1 August – 31 July.
pub(crate) fn school_year_of(day: NaiveDate) -> i32 {
    if day.month() >= 8 { day.year() } else { day.year() - 1 }
}

/// The school year starting in August of `year`, from 1 August to 31 July (July's holiday included, so that
/// the school years of a plan cover every day of it).
pub(crate) fn school_year_span(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(year, 8, 1)?, NaiveDate::from_ymd_opt(year.checked_add(1)?, 7, 31)?))
}

/// Months since year 0, so that month distances are plain subtraction.
pub(crate) fn month_index(date: NaiveDate) -> i64 {
    date.year() as i64 * 12 + date.month0() as i64
}

pub(crate) fn month_from_index(index: i64) -> (i32, u32) {
    (index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1)
}

/// `2027-03`: how findings name a month, the same in both languages.
pub(crate) fn format_month_index(index: i64) -> String {
    let (y, m) = month_from_index(index);
    format!("{y:04}-{m:02}")
}

const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("february", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

const SEASONS: &[(&str, Season)] = &[
    ("vår", Season::Spring),
    ("våren", Season::Spring),
    ("var", Season::Spring),
    ("varen", Season::Spring),
    ("spring", Season::Spring),
    ("vårhalvåret", Season::Spring),
    ("vårsemesteret", Season::Spring),
    ("vårsemester", Season::Spring),
    ("høst", Season::Autumn),
    ("høsthalvåret", Season::Autumn),
    ("høstsemesteret", Season::Autumn),
    ("høstsemester", Season::Autumn),
    ("haust", Season::Autumn),
    ("hausthalvåret", Season::Autumn),
    ("haustsemesteret", Season::Autumn),
    ("haustsemester", Season::Autumn),
    ("hausten", Season::Autumn),
    ("høsten", Season::Autumn),
    ("host", Season::Autumn),
    ("hosten", Season::Autumn),
    ("autumn", Season::Autumn),
    ("fall", Season::Autumn),
];

pub(crate) fn month_word(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
}

fn season_word(word: &str) -> Option<Season> {
    SEASONS.iter().find(|(name, _)| *name == word).map(|(_, s)| *s)
}

/// All words a month or season may be written with, for "did you mean" suggestions.
pub(crate) fn known_words() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().map(|(w, _)| *w).chain(SEASONS.iter().map(|(w, _)| *w))
}

fn err(message: Text) -> WhenError {
    WhenError { message, help: msg::forms_help() }
}

/// The first year a plan may name. Years before it are typos (`0026`) that would still be valid dates.
pub const FIRST_YEAR: i32 = 1000;

fn parse_year(word: &str) -> Option<i32> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) { word.parse().ok() } else { None }
}

/// Lower case, with the letters macOS writes decomposed (a + ring above) composed again, and a space after
/// "12." in "12.mars", so that what looks the same reads the same.
fn normalise(input: &str) -> String {
    let lower = input.trim().to_lowercase().replace("a\u{30a}", "å").replace("o\u{308}", "ö").replace("a\u{308}", "ä");
    let mut out = String::with_capacity(lower.len() + 2);
    let mut prev: Option<char> = None;
    for c in lower.chars() {
        if prev == Some('.') && c.is_alphabetic() && out.chars().rev().nth(1).is_some_and(|d| d.is_ascii_digit()) {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// "23.10.2020", "01.06.17" and "15/09/2026", the ways Norwegian letters and spreadsheets write days: the
/// day first.
fn parse_dotted(word: &str) -> Result<Option<NaiveDate>, WhenError> {
    let separator = if word.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = word.split(separator).collect();
    let [d, m, y] = parts.as_slice() else { return Ok(None) };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(d, 2) && digits(m, 2) && (y.len() == 2 || y.len() == 4) && digits(y, 4)) {
        return Ok(None);
    }
    let (d, m): (u32, u32) = (d.parse().unwrap_or(0), m.parse().unwrap_or(0));
    let mut year: i32 = y.parse().unwrap_or(0);
    if y.len() == 2 {
        // Two-digit years are this century's: plans are about the years around now.
        year += 2000;
    }
    check_day(year, m, d).map(Some)
}

fn parse_iso_date(s: &str) -> Result<Option<NaiveDate>, WhenError> {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return Ok(None);
    }
    if parts[0].len() != 4 {
        return Ok(None);
    }
    let (y, m, d): (i32, u32, u32) = match (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Ok(None),
    };
    check_day(y, m, d).map(Some)
}

fn check_day(y: i32, m: u32, d: u32) -> Result<NaiveDate, WhenError> {
    if !(1..=12).contains(&m) {
        return Err(err(msg::no_such_month(m)));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let last = last_day_of_month(y, m).map(|d| d.day()).unwrap_or(31);
        err(msg::no_such_day(&format!("{y:04}-{m:02}"), d, last))
    })
}

/// Parses one date as a plan writes it. See the module docs and `docs/format.md` for the forms.
pub fn parse(input: &str) -> Result<When, WhenError> {
    let when = parse_any(input)?;
    let year = when.start.year();
    if year < FIRST_YEAR {
        return Err(err(msg::implausible_year(year)));
    }
    Ok(when)
}

/// Each form in turn: a day by number (with a time), a month by number, a weekday and a date, a week, a school
/// year, then dates in words.
fn parse_any(input: &str) -> Result<When, WhenError> {
    let lower = normalise(input);
    if lower.is_empty() {
        return Err(err(msg::empty()));
    }
    if let Some(when) = numeric_day(input, &lower)? {
        return Ok(when);
    }
    if let Some(when) = iso_month(&lower)? {
        return Ok(when);
    }
    // Words: "mars 2026", "12. mars 2026", "March 12, 2026", "høsten 2026", "2026".
    let mut words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    // "fredag 25. september 2020": the weekday must agree with the date.
    if let Some(weekday) = words.first().and_then(|w| weekday_word(w)) {
        return on_weekday(weekday, &words[1..].join(" "));
    }
    if let Some(when) = iso_week(&words)? {
        return Ok(when);
    }
    if let Some(when) = school_year(input, &lower)? {
        return Ok(when);
    }
    words.retain(|w| *w != "den");
    if let Some(when) = in_words(&words)? {
        return Ok(when);
    }
    Err(err(msg::not_a_date(input.trim())))
}

/// "12.03.2026", "2026-03-12", "2026-03-12T09:00+01:00", each possibly followed by a time or a time range.
fn numeric_day(input: &str, lower: &str) -> Result<Option<When>, WhenError> {
    let (head, rest) = match lower.split_once(char::is_whitespace) {
        Some((h, r)) => (h, r.trim()),
        None => (lower, ""),
    };
    // The input was lower-cased, so ISO 8601's 'T' between date and time arrives as 't'.
    if let Some(date) = parse_dotted(head)? {
        let mut when = When::day(date);
        if !rest.is_empty() {
            when.time = Some(parse_time_range(rest)?);
        }
        return Ok(Some(when));
    }
    let head_iso = head.split_once('t').map(|(d, _)| d).unwrap_or(head);
    let Some(date) = parse_iso_date(head_iso)? else { return Ok(None) };
    let mut when = When::day(date);
    if let Some((_, t)) = head.split_once('t') {
        when = match parse_iso_time(t)? {
            (time, None) => When { time: Some((time, None)), ..when },
            (time, Some(offset)) => {
                let oslo =
                    oslo_from_offset(date.and_time(time), offset).ok_or_else(|| err(msg::outside_calendar(input)))?;
                When { time: Some((oslo.time(), None)), ..When::day(oslo.date()) }
            }
        };
    }
    if !rest.is_empty() {
        when.time = Some(parse_time_range(rest)?);
    }
    Ok(Some(when))
}

/// An ISO month: 2026-03.
fn iso_month(lower: &str) -> Result<Option<When>, WhenError> {
    if let Some((y, m)) = lower.split_once('-')
        && let Some(year) = parse_year(y)
        && !m.is_empty()
        && m.len() <= 2
        && m.bytes().all(|b| b.is_ascii_digit())
    {
        let month: u32 = m.parse().unwrap_or(0);
        return When::month(year, month).map(Some).ok_or_else(|| err(msg::no_such_month(month)));
    }
    Ok(None)
}

/// A date after its weekday, which must be the date's.
fn on_weekday(weekday: chrono::Weekday, rest: &str) -> Result<When, WhenError> {
    let when = parse_any(rest)?;
    if when.precision != Precision::Day {
        return Err(err(msg::weekday_without_day(rest)));
    }
    if when.start.weekday() != weekday {
        return Err(err(msg::wrong_weekday(when.start, when.start.weekday(), weekday)));
    }
    Ok(when)
}

/// "uke 40 2026", "veke 40 2026", "week 40 2026": ISO weeks, Monday to Sunday.
fn iso_week(words: &[&str]) -> Result<Option<When>, WhenError> {
    if let [w, n, y] = words
        && matches!(*w, "uke" | "veke" | "week" | "uka" | "veka")
        && let (Ok(n), Some(year)) = (n.trim_end_matches('.').parse::<u32>(), parse_year(y))
    {
        let monday =
            NaiveDate::from_isoywd_opt(year, n, chrono::Weekday::Mon).ok_or_else(|| err(msg::no_such_week(year, n)))?;
        let sunday = NaiveDate::from_isoywd_opt(year, n, chrono::Weekday::Sun).unwrap_or(monday);
        return Ok(Some(When { start: monday, end: sunday, precision: Precision::Week, time: None }));
    }
    Ok(None)
}

/// "skoleåret 2026/2027", "skoleåret 2026/27", "school year 2026/2027": August to June.
fn school_year(input: &str, lower: &str) -> Result<Option<When>, WhenError> {
    let Some(rest) =
        ["skoleåret", "skoleår", "school year", "skuleåret", "skuleår"].iter().find_map(|p| lower.strip_prefix(p))
    else {
        return Ok(None);
    };
    let rest = rest.trim();
    if let Some((a, b)) = rest.split_once(['/', '-', '–'])
        && let Some(first) = parse_year(a.trim())
    {
        let b = b.trim();
        let second = if b.len() == 2 { b.parse::<i32>().ok().map(|n| first / 100 * 100 + n) } else { parse_year(b) };
        // A school year ends in the next calendar year, which must have four digits too.
        if first >= 9999 {
            return Err(err(msg::school_year_after_9999(first, first + 1)));
        }
        if second != Some(first + 1) {
            return Err(err(msg::school_year_one_to_next(first, first + 1)));
        }
        let start = NaiveDate::from_ymd_opt(first, 8, 1).ok_or_else(|| err(msg::year_out_of_range()))?;
        let end = NaiveDate::from_ymd_opt(first + 1, 6, 30).ok_or_else(|| err(msg::year_out_of_range()))?;
        return Ok(Some(When { start, end, precision: Precision::Year, time: None }));
    }
    Err(err(msg::not_a_school_year(input.trim())))
}

/// A year, a month or season and a year, or a day, a month and a year (either order), with a time after.
fn in_words(words: &[&str]) -> Result<Option<When>, WhenError> {
    match words {
        [y] => {
            if let Some(year) = parse_year(y) {
                return When::year(year).map(Some).ok_or_else(|| err(msg::year_out_of_range()));
            }
        }
        [w, y] => {
            if let Some(year) = parse_year(y) {
                if let Some(m) = month_word(w) {
                    return When::month(year, m).map(Some).ok_or_else(|| err(msg::year_out_of_range()));
                }
                if let Some(s) = season_word(w) {
                    return When::season(year, s).map(Some).ok_or_else(|| err(msg::year_out_of_range()));
                }
                return Err(unknown_word(w));
            }
        }
        [a, b, y, rest @ ..] => {
            if let Some(year) = parse_year(y) {
                if let (Some(season), []) = (numbered_half(a, b), rest) {
                    return When::season(year, season).map(Some).ok_or_else(|| err(msg::year_out_of_range()));
                }
                let day_first = a.trim_end_matches('.').parse::<u32>().ok().zip(month_word(b));
                let month_first = month_word(a).zip(b.trim_end_matches('.').parse::<u32>().ok()).map(|(m, d)| (d, m));
                if let Some((d, m)) = day_first.or(month_first) {
                    let mut when = When::day(check_day(year, m, d)?);
                    if !rest.is_empty() {
                        when.time = Some(parse_time_range(&rest.join(" "))?);
                    }
                    return Ok(Some(when));
                }
                if a.trim_end_matches('.').parse::<u32>().is_ok() {
                    return Err(unknown_word(b));
                }
            }
        }
        _ => {}
    }
    Ok(None)
}

/// "1. halvår", "andre halvår": a year's first or second half is its spring or autumn term.
fn numbered_half(number: &str, word: &str) -> Option<Season> {
    if !matches!(word, "halvår" | "halvåret" | "half") {
        return None;
    }
    match number.trim_end_matches('.') {
        "1" | "første" | "fyrste" | "first" => Some(Season::Spring),
        "2" | "andre" | "second" => Some(Season::Autumn),
        _ => None,
    }
}

pub(crate) fn weekday_word(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    Some(match word.trim_end_matches(['.', ',']) {
        "mandag" | "måndag" | "monday" | "man" | "mon" => Mon,
        "tirsdag" | "tysdag" | "tuesday" | "tir" | "tue" => Tue,
        "onsdag" | "wednesday" | "ons" | "wed" => Wed,
        "torsdag" | "thursday" | "tor" | "thu" => Thu,
        "fredag" | "friday" | "fre" | "fri" => Fri,
        "lørdag" | "laurdag" | "saturday" | "lør" | "sat" => Sat,
        "søndag" | "sundag" | "sunday" | "søn" | "sun" => Sun,
        _ => return None,
    })
}

fn unknown_word(word: &str) -> WhenError {
    let mut e = err(msg::not_a_month_or_term(word));
    if let Some(s) = crate::suggest::nearest(word, known_words()) {
        e.help = msg::did_you_mean_then_forms(s);
    }
    e
}

/// Splits a period label such as "Høst 2026 – Vår 2028" into its two ends, if it has two.
pub(crate) fn split_range(input: &str) -> Option<(&str, &str)> {
    for sep in [" – ", " — ", " - ", " til ", " to ", "–", "—"] {
        if let Some((a, b)) = input.split_once(sep) {
            return Some((a.trim(), b.trim()));
        }
    }
    None
}

/// A period label: one date, or two joined by a dash or "til"/"to"; spans from the first's start to the
/// second's end.
pub(crate) fn parse_period(input: &str) -> Result<When, WhenError> {
    if let Some((a, b)) = split_range(input) {
        // "2026-03-12 10:00-10:30" has a dash too, but it is one date.
        if let Ok(w) = parse(input) {
            return Ok(w);
        }
        let (a, b) = (parse(a)?, parse(b)?);
        if b.end < a.start {
            return Err(err(msg::period_ends_before_start(b.end, a.start)));
        }
        return Ok(When { start: a.start, end: b.end, precision: a.precision.max(b.precision), time: None });
    }
    parse(input)
}

/// Replaces every four-digit year in a label by the year `years` later: "Vår 2025" → "Vår 2026".
pub fn shift_label_years(label: &str, years: i32) -> String {
    let mut out = String::with_capacity(label.len());
    let chars: Vec<char> = label.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let bounded = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if run == 4 && bounded {
            let digits: String = chars[i..i + 4].iter().collect();
            let year: i32 = digits.parse().unwrap_or(0);
            out.push_str(&(year + years).to_string());
            i += 4;
        } else if run > 0 {
            out.extend(&chars[i..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A duration such as "3 dager" or "2 weeks", as the span it adds to a start day.
pub(crate) fn parse_duration(input: &str) -> Result<Duration, WhenError> {
    let lower = input.trim().to_lowercase();
    let bad = || WhenError { message: msg::not_a_duration(input.trim()), help: msg::duration_help() };
    let (n, unit) = lower.split_once(char::is_whitespace).ok_or_else(bad)?;
    let n: u32 = n.parse().map_err(|_| bad())?;
    if n == 0 {
        return Err(WhenError { message: msg::duration_at_least_one(), ..bad() });
    }
    let unit = unit.trim();
    let kind = match unit {
        // Bokmål, Nynorsk ("dagar", "veke", "månad") and English.
        "dag" | "dager" | "dagar" | "day" | "days" | "d" => Duration::Days(n),
        "uke" | "uker" | "veke" | "veker" | "vike" | "viker" | "week" | "weeks" => Duration::Days(n.saturating_mul(7)),
        "måned" | "måneder" | "månad" | "månader" | "mnd" | "month" | "months" => Duration::Months(n),
        "år" | "year" | "years" => Duration::Months(n.saturating_mul(12)),
        _ => return Err(bad()),
    };
    // Nothing in a plan lasts a century; a number that large is a typo, and would overflow the calendar.
    let too_long = match kind {
        Duration::Days(d) => d > 36_500,
        Duration::Months(m) => m > 1_200,
    };
    if too_long {
        return Err(WhenError { message: msg::duration_over_a_century(input.trim()), ..bad() });
    }
    Ok(kind)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    Days(u32),
    Months(u32),
}

impl Duration {
    /// The last day of something that starts on `start` and lasts this long.
    pub fn last_day(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Duration::Days(n) => start.checked_add_days(chrono::Days::new(n as u64 - 1)),
            Duration::Months(n) => start.checked_add_months(chrono::Months::new(n))?.pred_opt(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn dotted_days_and_years_have_their_digits() {
        let day = |s: &str| parse(s).map(|w| w.start.to_string()).ok();
        assert_eq!(day("1.2.2026").as_deref(), Some("2026-02-01"));
        assert_eq!(day("01.02.26").as_deref(), Some("2026-02-01"));
        for bad in
            ["123.1.2026", "1.123.2026", "1.2.202", "1.2.20266", "1.2.2x26", ".2.2026", "1..2026", "1.2.", "20266"]
        {
            assert_eq!(day(bad), None, "{bad}");
        }
        // Not dotted days at all (so other forms are tried), rather than impossible ones.
        for other in ["123.1.2026", "1.123.2026", "1.2.202", "1.2.20266", "1.2.2x26", ".2.2026", "1..2026", "x.2.2026"]
        {
            assert_eq!(parse_dotted(other), Ok(None), "{other}");
        }
        assert!(parse_dotted("31.2.2026").is_err(), "a dotted day that is not in the calendar");
        assert_eq!(parse_year("2026"), Some(2026));
        assert_eq!([parse_year("20266"), parse_year("202"), parse_year("20x6")], [None, None, None]);
    }

    #[test]
    fn nynorsk_and_spreadsheet_forms_read_as_bokmål_does() {
        let span = |s: &str| parse(s).map(|w| format!("{} {} {:?}", w.start, w.end, w.precision)).unwrap();
        let autumn = "2026-08-01 2026-12-31 Season";
        for words in ["hausthalvåret 2026", "haustsemesteret 2026", "haustsemester 2026", "hausten 2026"] {
            assert_eq!(span(words), autumn, "{words}");
        }
        assert_eq!(span("2. halvår 2026"), autumn);
        assert_eq!(span("andre halvår 2026"), autumn);
        assert_eq!(span("1. halvår 2027"), "2027-01-01 2027-06-30 Season");
        assert_eq!(span("fyrste halvår 2027"), "2027-01-01 2027-06-30 Season");
        assert!(parse("3. halvår 2027").is_err());
        assert!(parse("1. halvår 2027 10:00").is_err(), "a term has no time of day");
        assert_eq!(span("veka 41 2026"), "2026-10-05 2026-10-11 Week");
        assert_eq!(span("veke 41 2026"), "2026-10-05 2026-10-11 Week");
        assert_eq!(span("skuleår 2026/27"), span("skoleåret 2026/2027"));
        assert_eq!(span("15/09/2026"), "2026-09-15 2026-09-15 Day");
        assert!(parse("09/15/2026").is_err(), "the day comes first, as in Norway");
        assert_eq!(parse_dotted("15/09.2026"), Ok(None), "one separator, not two");
    }

    #[test]
    fn iso_days_are_digits_only() {
        assert_eq!(parse_iso_date("2026-03-01"), Ok(NaiveDate::from_ymd_opt(2026, 3, 1)));
        for other in ["2026-+3-01", "2026-03-+1", "2026--01", "2026-03", "26-03-01"] {
            assert_eq!(parse_iso_date(other), Ok(None), "{other}");
        }
    }

    #[test]
    fn a_period_may_be_one_day_and_starts_in_the_plausible_years() {
        assert!(parse_period("2026-03-02 – 2026-03-02").is_ok());
        assert!(parse_period("2026-03-02 – 2026-03-01").is_err());
        assert!(parse("1000-01-01").is_ok());
        assert!(parse("0999-12-31").unwrap_err().message.en().contains("not a plausible year"));
    }

    #[test]
    fn weekdays_in_three_languages() {
        use chrono::Weekday::*;
        let days = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];
        let words = |list: [&str; 7]| list.map(weekday_word);
        assert_eq!(words(["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]), days.map(Some));
        assert_eq!(words(["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"]), days.map(Some));
        assert_eq!(
            words(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
            days.map(Some)
        );
        assert_eq!(words(["man.", "tir", "ons,", "tor", "fre", "lør", "søn"]), days.map(Some));
        assert_eq!(words(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), days.map(Some));
        assert_eq!(weekday_word("helg"), None);
    }

    #[test]
    fn an_error_reads_as_its_message() {
        let e = parse("trettende mars").unwrap_err();
        assert_eq!(e.to_string(), e.message.en());
        assert!(!e.message.en().is_empty());
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_months_seasons_years() {
        assert_eq!(parse("2026-03-12").unwrap(), When::day(d(2026, 3, 12)));
        assert_eq!(parse("12. mars 2026").unwrap(), When::day(d(2026, 3, 12)));
        assert_eq!(parse("March 12, 2026").unwrap(), When::day(d(2026, 3, 12)));
        let m = parse("Mars 2026").unwrap();
        assert_eq!((m.start, m.end, m.precision), (d(2026, 3, 1), d(2026, 3, 31), Precision::Month));
        assert_eq!(parse("march 2026").unwrap(), m);
        assert_eq!(parse("2026-03").unwrap(), m);
        assert_eq!(parse("feb 2028").unwrap().end, d(2028, 2, 29));
        let s = parse("Høsten 2026").unwrap();
        assert_eq!((s.start, s.end, s.precision), (d(2026, 8, 1), d(2026, 12, 31), Precision::Season));
        assert_eq!(parse("AUTUMN 2026").unwrap(), s);
        let v = parse("vår 2025").unwrap();
        assert_eq!((v.start, v.end), (d(2025, 1, 1), d(2025, 6, 30)));
        assert_eq!(parse("2028").unwrap().end, d(2028, 12, 31));
    }

    #[test]
    fn norwegian_ways_of_writing_days() {
        assert_eq!(parse("23.10.2020").unwrap(), When::day(d(2020, 10, 23)));
        assert_eq!(parse("01.06.17").unwrap(), When::day(d(2017, 6, 1)));
        assert_eq!(parse("12.mars 2026").unwrap(), When::day(d(2026, 3, 12)));
        assert_eq!(parse("31.02.2026").unwrap_err().message.en(), "2026-02 has no day 31; it has 28 days");
        assert_eq!(parse("vårhalvåret 2027").unwrap(), When::season(2027, Season::Spring).unwrap());
        assert_eq!(parse("hausten 2026").unwrap(), When::season(2026, Season::Autumn).unwrap());
        // "vår" as macOS pastes it: a, then a combining ring above.
        assert_eq!(parse("va\u{30a}r 2026").unwrap(), When::season(2026, Season::Spring).unwrap());
    }

    #[test]
    fn weeks_weekdays_and_school_years() {
        let w = parse("uke 40 2026").unwrap();
        assert_eq!((w.start, w.end, w.precision), (d(2026, 9, 28), d(2026, 10, 4), Precision::Week));
        assert_eq!(parse("veke 40 2026").unwrap(), w);
        assert!(parse("uke 53 2027").is_err(), "2027 has 52 ISO weeks");
        let f = parse("fredag 25. september 2020 kl. 10–10.30").unwrap();
        assert_eq!(f.start, d(2020, 9, 25));
        assert_eq!(f.time, Some((NaiveTime::from_hms_opt(10, 0, 0).unwrap(), NaiveTime::from_hms_opt(10, 30, 0))));
        assert_eq!(
            parse("mandag 25. september 2020").unwrap_err().message.en(),
            "2020-09-25 is a Friday, not a Monday"
        );
        let s = parse("skoleåret 2026/2027").unwrap();
        assert_eq!((s.start, s.end), (d(2026, 8, 1), d(2027, 6, 30)));
        assert_eq!(parse("Skoleåret 2026/27").unwrap(), s);
        assert!(parse("skoleåret 2026/2028").is_err());
    }

    #[test]
    fn implausible_years_and_durations_are_refused() {
        assert!(parse("0026").is_err());
        assert!(parse("0001-01-01").is_err());
        assert!(parse_duration("613566757 uker").is_err(), "would overflow");
        assert!(parse_duration("200 år").is_err());
        assert!(parse_duration("100 år").is_ok());
    }

    #[test]
    fn times() {
        let w = parse("2020-09-25 10:00-10:30").unwrap();
        assert_eq!(w.time, Some((NaiveTime::from_hms_opt(10, 0, 0).unwrap(), NaiveTime::from_hms_opt(10, 30, 0))));
        assert!(parse("2020-09-25 kl. 10:00").unwrap().time.is_some());
        assert_eq!(
            parse("2020-09-25T10:00:00").unwrap().time,
            Some((NaiveTime::from_hms_opt(10, 0, 0).unwrap(), None))
        );
        assert!(parse("2020-09-25 25:00").is_err());
        assert!(parse("2020-09-25 11:00-10:00").is_err());
        assert_eq!(
            parse("2020-09-25 23:59-23:59").unwrap_err().message.en(),
            "the time range 23:59-23:59 is empty: it ends when it starts"
        );
    }

    fn at(s: &str) -> (NaiveDate, NaiveTime) {
        let w = parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (w.start, w.time.unwrap().0)
    }

    fn moment(d: &str, t: &str) -> (NaiveDate, NaiveTime) {
        (d.parse().unwrap(), t.parse().unwrap())
    }

    #[test]
    fn offsets_become_oslo_time() {
        assert_eq!(at("2026-03-12T23:30:00Z"), moment("2026-03-13", "00:30:00"), "winter: UTC+1, the next day");
        assert_eq!(at("2026-07-12T10:00:00-08:00"), moment("2026-07-12", "20:00:00"), "summer: UTC+2");
        assert_eq!(at("2026-03-12T10:00+0100"), moment("2026-03-12", "10:00:00"));
        assert_eq!(at("2026-03-12T10:00:00.25+01"), moment("2026-03-12", "10:00:00"));
        assert_eq!(at("2026-03-12T10:00:00"), moment("2026-03-12", "10:00:00"), "no offset: Oslo time already");
        assert_eq!(parse("9999-12-31T23:30Z").unwrap_err().message.en(), "'9999-12-31T23:30Z' is outside the calendar");
        for bad in ["2026-03-12T10:00+25:00", "2026-03-12T10:00+1", "2026-03-12T10:00:0", "2026-03-12T1000"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(parse("2026-02-30").unwrap_err().message.en(), "2026-02 has no day 30; it has 28 days");
        assert_eq!(parse("2026-13").unwrap_err().message.en(), "there is no month 13; months are 1–12");
        assert_eq!(parse("2026-13-01").unwrap_err().message.en(), "there is no month 13; months are 1–12");
        let e = parse("marts 2026").unwrap_err();
        assert_eq!(e.message.en(), "'marts' is not a month or a school term");
        assert!(e.help.en().starts_with("did you mean 'mars'? write a day"), "{}", e.help.en());
        assert_eq!(e.message.get(Lang::Nn), "'marts' er ikkje ein månad eller eit halvår");
        assert!(e.help.get(Lang::Nn).starts_with("meinte du 'mars'? skriv ein dag"), "{}", e.help.get(Lang::Nn));
        assert!(parse("").is_err());
        assert!(parse("soon").is_err());
        assert!(parse("31. februar 2026").is_err());
    }

    #[test]
    fn periods() {
        let p = parse_period("Høst 2026 – Vår 2028").unwrap();
        assert_eq!((p.start, p.end), (d(2026, 8, 1), d(2028, 6, 30)));
        let p = parse_period("august 2026 - juni 2027").unwrap();
        assert_eq!((p.start, p.end), (d(2026, 8, 1), d(2027, 6, 30)));
        assert!(parse_period("vår 2028 – høst 2026").is_err());
        assert_eq!(parse_period("2026-03-12").unwrap(), When::day(d(2026, 3, 12)));
    }

    #[test]
    fn labels_move_their_years_and_keep_other_numbers() {
        assert_eq!(shift_label_years("Vår 2025", 1), "Vår 2026");
        assert_eq!(shift_label_years("Høst 2026 – Vår 2028", -1), "Høst 2025 – Vår 2027");
        assert_eq!(shift_label_years("Fase 12345", 1), "Fase 12345");
        assert_eq!(shift_label_years("Fase 12 av vår 2026", 1), "Fase 12 av vår 2027");
        assert_eq!(shift_label_years("2026/2027 og 12345", -1), "2025/2026 og 12345");
        assert_eq!(shift_label_years("uke12026", 1), "uke12026");
    }

    #[test]
    fn nynorsk_durations_read_as_bokmål_does() {
        let read = |s: &str| parse_duration(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(read("3 dagar"), read("3 dager"));
        assert_eq!(read("3 dagar"), Duration::Days(3));
        assert_eq!(read("1 dag"), Duration::Days(1));
        assert_eq!(read("2 veker"), read("2 uker"));
        assert_eq!(read("2 veker"), Duration::Days(14));
        assert_eq!(read("1 veke"), Duration::Days(7));
        assert_eq!(read("2 viker"), Duration::Days(14));
        assert_eq!(read("1 vike"), Duration::Days(7));
        assert_eq!(read("6 månader"), read("6 måneder"));
        assert_eq!(read("6 månader"), Duration::Months(6));
        assert_eq!(read("1 månad"), Duration::Months(1));
        assert_eq!(read("1 år"), Duration::Months(12));
        assert_eq!(read("6 Månader"), Duration::Months(6), "any case");
        let e = parse_duration("3 dagr").unwrap_err();
        assert_eq!(e.message.get(Lang::Nn), "'3 dagr' er ikkje ei varigheit");
        assert!(e.help.get(Lang::Nn).contains("\"2 veker\""), "the help shows Nynorsk units");
    }

    /// Each example the forms help gives, in each language, is a date implan reads.
    #[test]
    fn the_forms_help_lists_only_forms_that_parse() {
        let help = msg::forms_help();
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let text = help.get(lang);
            let quoted = text.split('"').skip(1).step_by(2);
            let bare = ["2026-03-12"].into_iter().filter(|iso| text.contains(iso));
            let examples: Vec<&str> = quoted.chain(bare).collect();
            assert!(examples.len() >= 6, "{lang:?}: {examples:?}");
            for example in examples {
                assert!(parse(example).is_ok(), "{lang:?}: '{example}' does not parse");
            }
        }
        for nynorsk in ["\"veke 40 2026\"", "\"hausten 2026\"", "\"skuleåret 2026/27\""] {
            assert!(help.get(Lang::Nn).contains(nynorsk), "{nynorsk}");
        }
        assert!(help.get(Lang::Nb).contains("\"15.09.2026\""));
    }

    #[test]
    fn errors_speak_norwegian_too() {
        let nb = |s: &str| parse(s).unwrap_err().message.get(Lang::Nb).to_owned();
        let nn = |s: &str| parse(s).unwrap_err().message.get(Lang::Nn).to_owned();
        assert_eq!(nb("31.02.2026"), "2026-02 har ingen dag 31; måneden har 28 dager");
        assert_eq!(nn("31.02.2026"), "2026-02 har ingen dag 31; månaden har 28 dagar");
        assert_eq!(nn("mandag 25. september 2020"), "2020-09-25 er ein fredag, ikkje ein måndag");
        assert_eq!(nb("uke 53 2027"), "2027 har ingen uke 53; et ISO-år har 52 eller 53 uker");
        assert_eq!(nn("skuleåret 2026/28"), "eit skuleår går frå eitt år til det neste: skriv skuleåret 2026/2027");
        assert_eq!(nb("2020-09-25 11:00-10:00"), "tidsrommet slutter kl. 10:00, før det begynner kl. 11:00");
        assert_eq!(
            parse_period("vår 2028 – høst 2026").unwrap_err().message.get(Lang::Nn),
            "perioden sluttar (2026-12-31) før han byrjar (2028-01-01)"
        );
        assert!(parse("31.02.2026").unwrap_err().help.get(Lang::Nb).starts_with("skriv en dag"));
    }

    #[test]
    fn durations_are_at_least_one_and_at_most_a_century() {
        assert_eq!(parse_duration("3 dager").unwrap().last_day(d(2026, 3, 30)), Some(d(2026, 4, 1)));
        assert_eq!(parse_duration("6 months").unwrap().last_day(d(2026, 1, 1)), Some(d(2026, 6, 30)));
        assert!(parse_duration("lenge").is_err());
        assert_eq!(parse_duration("0 dager").unwrap_err().message.en(), "a duration must be at least 1");
        assert_eq!(parse_duration("36500 dager"), Ok(Duration::Days(36_500)));
        assert_eq!(parse_duration("100 år"), Ok(Duration::Months(1_200)));
        assert_eq!(parse_duration("36501 days").unwrap_err().message.en(), "'36501 days' is longer than 100 years");
        assert!(parse_duration("1201 months").is_err());
    }
}
