//! Norwegian calendar knowledge: Easter, public holidays, school holidays, ISO weeks, and a fast lookup of
//! whether a day is a poor day for an activity.
//!
//! **Public holidays** (helligdager and offentlige høytidsdager) are fixed by law and the same everywhere: the
//! first day of the year (1. nyttårsdag), skjærtorsdag, langfredag, the first and second days of Easter
//! (påskedag), Arbeidernes dag (1 May), Grunnlovsdagen (17 May), Kristi himmelfartsdag, the first and second
//! days of Whitsun (pinsedag) and of Christmas (juledag). The movable ones follow Easter Sunday, computed with
//! the Gregorian computus (proleptic for years before 1583).
//!
//! **School holidays** are set by each municipality (or county), so [`SchoolHolidays`] holds overridable
//! defaults. [`SchoolHolidays::default`] gives the usual ones:
//!
//! | holiday | default | usual variation |
//! |---|---|---|
//! | sommerferie (summer holiday) | 20 June – 15 August | a few days either side |
//! | høstferie (autumn half-term) | ISO week 40 | week 40 or 41 |
//! | juleferie (Christmas holiday) | 21 December – 2 January, across the new year | a few days either side |
//! | vinterferie (winter half-term) | ISO week 8 | week 8 or 9 |
//! | påskeferie (Easter holiday) | Monday of Holy Week – 2. påskedag | some start on the Saturday before |
//!
//! Everything here is panic-free for any `i32` year: dates chrono cannot represent give `None` or nothing.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::ops::RangeInclusive;

/// The most years a [`Calendar`] covers; longer ranges are cut at the end.
pub(crate) const MAX_CALENDAR_YEARS: i32 = 200;

/// Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian algorithm of Meeus, Jones and
/// Butcher), or `None` if chrono cannot represent the date.
pub(crate) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Floor division throughout, in i64, so that every i32 year is safe and the cycle holds for negative
    // (proleptic) years too.
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A holiday: one day (`start == end`) or a span of days, first and last day inclusive, with its name in
/// Bokmål and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Holiday {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub name_nb: String,
    pub name_en: String,
}

impl Holiday {
    pub fn new(start: NaiveDate, end: NaiveDate, name_nb: &str, name_en: &str) -> Holiday {
        Holiday { start, end, name_nb: name_nb.to_string(), name_en: name_en.to_string() }
    }

    /// Whether `day` is one of the holiday's days.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// Days relative to Easter Sunday of the movable public holidays, with their names.
const EASTER_HOLIDAYS: [(i64, &str, &str); 7] = [
    (-3, "Skjærtorsdag", "Maundy Thursday"),
    (-2, "Langfredag", "Good Friday"),
    (0, "1. påskedag", "Easter Sunday"),
    (1, "2. påskedag", "Easter Monday"),
    (39, "Kristi himmelfartsdag", "Ascension Day"),
    (49, "1. pinsedag", "Whit Sunday"),
    (50, "2. pinsedag", "Whit Monday"),
];

/// Fixed public holidays: month, day and names.
const FIXED_HOLIDAYS: [(u32, u32, &str, &str); 5] = [
    (1, 1, "1. nyttårsdag", "New Year's Day"),
    (5, 1, "Arbeidernes dag", "Labour Day"),
    (5, 17, "Grunnlovsdagen", "Constitution Day"),
    (12, 25, "1. juledag", "Christmas Day"),
    (12, 26, "2. juledag", "Boxing Day"),
];

/// `date` moved by `days` (either way), or `None` outside chrono's range.
fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The Norwegian public holidays of a year, each a single day, sorted by date. Two holidays can fall on the
/// same day (17 May is also 2. pinsedag in 2027, 1 May also Kristi himmelfartsdag in 2008): both are listed,
/// the fixed one first. Empty for years chrono cannot represent.
pub(crate) fn public_holidays(year: i32) -> Vec<Holiday> {
    let mut holidays = Vec::with_capacity(FIXED_HOLIDAYS.len() + EASTER_HOLIDAYS.len());
    for (month, day, nb, en) in FIXED_HOLIDAYS {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            holidays.push(Holiday::new(date, date, nb, en));
        }
    }
    if let Some(easter) = easter_sunday(year) {
        for (offset, nb, en) in EASTER_HOLIDAYS {
            if let Some(date) = shift(easter, offset) {
                holidays.push(Holiday::new(date, date, nb, en));
            }
        }
    }
    // Stable: on a shared day the fixed holiday stays first.
    holidays.sort_by_key(|h| (h.start, h.end));
    holidays
}

/// A day of the year without the year, for holidays that fall on the same dates every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub const fn new(month: u32, day: u32) -> MonthDay {
        MonthDay { month, day }
    }

    /// The day `days` (1 or -1) after this one in a leap year, so that 1 March less one day is 29 February.
    fn step(self, days: i64) -> Option<MonthDay> {
        let moved = shift(self.in_year(2000)?, days)?;
        Some(MonthDay::new(moved.month(), moved.day()))
    }

    /// This day in `year`, or `None` if it does not exist there (30 February, 29 February in a common year,
    /// month 13) or chrono cannot represent it.
    pub(crate) fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// One school year as the municipality publishes it (its "skolerute"): the first and last school day, every
/// break and extra day off as a span of days, and the planning days (pupils off, staff at work). A stated
/// school year replaces the yearly pattern of [`SchoolHolidays`] from its first school day to its last, and the
/// days before its first and after its last (to the end of July) are summer holiday.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SchoolYear {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Breaks and days off, each with the name the municipality gives it ("Høstferie", "Fridag").
    pub breaks: Vec<Holiday>,
    /// Planleggingsdager: a poor day for pupils' activities, a good one for staff training.
    pub planning_days: Vec<NaiveDate>,
}

/// A break the schools take every year: an ISO week (the usual form: "uke 40"), the same dates every year
/// (Nordland's three-day autumn break), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Break {
    None,
    Week(u32),
    /// Some days of an ISO week, first and last weekday: Nordland's "onsdag–fredag uke 41".
    Weekdays(u32, Weekday, Weekday),
    Days(MonthDay, MonthDay),
}

impl Break {
    /// Its first and last day in `year`, or `None` if it has no days there.
    fn in_year(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Break::None => None,
            Break::Week(week) => iso_week(year, week),
            Break::Weekdays(week, first, last) => {
                let day = |d| NaiveDate::from_isoywd_opt(year, week, d);
                iso_week(year, week)?;
                Some((day(first)?, day(last)?)).filter(|(f, l)| f <= l)
            }
            Break::Days(from, to) => Some((from.in_year(year)?, to.in_year(year)?)).filter(|(f, t)| f <= t),
        }
    }
}

impl SchoolYear {
    /// The days the school year holds for pupils or staff: from its first school day, or an earlier planning
    /// day, to its last, or a later planning day.
    fn span(&self) -> (NaiveDate, NaiveDate) {
        let first = self.planning_days.iter().copied().chain([self.first_day]).min().unwrap_or(self.first_day);
        let last = self.planning_days.iter().copied().chain([self.last_day]).max().unwrap_or(self.last_day);
        (first, last)
    }
}

/// School holidays to assume: a yearly pattern, and the school years the municipality has stated whole. The
/// [`Default`] is the usual pattern (see the module documentation) and no stated year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SchoolHolidays {
    /// Sommerferie, first and last day. Default 20 June – 15 August.
    pub summer: (MonthDay, MonthDay),
    /// Høstferie. Default ISO week 40.
    pub autumn: Break,
    /// Vinterferie. Default ISO week 8.
    pub winter: Break,
    /// Juleferie, first and last day; a last day before the first means it spans the new year. Default
    /// 21 December – 2 January.
    pub christmas: (MonthDay, MonthDay),
    /// Påskeferie from the Monday of Holy Week to 2. påskedag. Default `true`.
    pub easter: bool,
    /// School years as the municipality publishes them; each replaces the pattern from its first school day to
    /// its last.
    pub stated: Vec<SchoolYear>,
}

impl Default for SchoolHolidays {
    fn default() -> SchoolHolidays {
        SchoolHolidays {
            summer: (MonthDay::new(6, 20), MonthDay::new(8, 15)),
            autumn: Break::Week(40),
            winter: Break::Week(8),
            christmas: (MonthDay::new(12, 21), MonthDay::new(1, 2)),
            easter: true,
            stated: Vec::new(),
        }
    }
}

/// A `[calendar]` table as a plan or an `implan.toml` writes it, every key optional so that the two can be
/// layered (the plan's keys win). The stated school years come from `[[calendar.school-year]]` and from the
/// skolerute file, which the check reads (this layer reads no files).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarSpec {
    pub first_school_day: Option<MonthDay>,
    pub last_school_day: Option<MonthDay>,
    pub autumn_break: Option<Break>,
    pub winter_break: Option<Break>,
    pub christmas_break: Option<(MonthDay, MonthDay)>,
    pub easter_break: Option<bool>,
    pub school_years: Vec<SchoolYear>,
    /// The skolerute file as written, relative to the file that names it.
    pub skolerute: Option<crate::diag::Spanned<String>>,
}

impl CalendarSpec {
    /// `holidays` with what this table says put over it. A stated school year replaces an earlier one that
    /// starts in the same year.
    pub fn apply(&self, holidays: &mut SchoolHolidays) {
        if let Some(first) = self.first_school_day.and_then(|d| d.step(-1)) {
            holidays.summer.1 = first;
        }
        if let Some(last) = self.last_school_day.and_then(|d| d.step(1)) {
            holidays.summer.0 = last;
        }
        holidays.autumn = self.autumn_break.unwrap_or(holidays.autumn);
        holidays.winter = self.winter_break.unwrap_or(holidays.winter);
        holidays.christmas = self.christmas_break.unwrap_or(holidays.christmas);
        holidays.easter = self.easter_break.unwrap_or(holidays.easter);
        state_years(&mut holidays.stated, &self.school_years);
    }
}

/// Adds `years` to `stated`, each replacing one already there that starts in the same year; sorted.
pub fn state_years(stated: &mut Vec<SchoolYear>, years: &[SchoolYear]) {
    for year in years {
        stated.retain(|y| y.first_day.year() != year.first_day.year());
        stated.push(year.clone());
    }
    stated.sort_by_key(|y| y.first_day);
}

/// A day of the year as a `[calendar]` writes it: "19. august", "19 august", "august 19" (any month word
/// [`crate::when`] reads) or "08-19".
pub fn parse_month_day(text: &str) -> Option<MonthDay> {
    let text = text.trim().to_lowercase();
    if let Some((m, d)) = text.split_once('-') {
        let (m, d) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
        return MonthDay::new(m, d).in_year(2000).map(|_| MonthDay::new(m, d));
    }
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '.').filter(|w| !w.is_empty()).collect();
    let (day, month) = match words.as_slice() {
        [d, m] if d.chars().all(|c| c.is_ascii_digit()) => (d.parse().ok()?, crate::when::month_word(m)?),
        [m, d] => (d.parse().ok()?, crate::when::month_word(m)?),
        _ => return None,
    };
    MonthDay::new(month, day).in_year(2000).map(|_| MonthDay::new(month, day))
}

/// A yearly break as a `[calendar]` writes it: "uke 41" ("veke 41", "week 41"), or some days of it, "onsdag–fredag
/// uke 41" (in either order, the days joined by a dash or "til"/"to").
pub fn parse_break(text: &str) -> Option<Break> {
    let text = text.trim().to_lowercase().replace(['–', '-', ','], " ");
    let words: Vec<&str> = text.split_whitespace().filter(|w| !matches!(*w, "til" | "to")).collect();
    let at = words.iter().position(|w| matches!(*w, "uke" | "veke" | "week"))?;
    let week: u32 = words.get(at + 1)?.parse().ok().filter(|w| (1..=53).contains(w))?;
    let rest: Vec<&str> = words.iter().enumerate().filter(|(i, _)| *i != at && *i != at + 1).map(|(_, w)| *w).collect();
    match rest.as_slice() {
        [] => Some(Break::Week(week)),
        [first, last] => {
            let (first, last) = (crate::when::weekday_word(first)?, crate::when::weekday_word(last)?);
            (first.num_days_from_monday() <= last.num_days_from_monday()).then_some(Break::Weekdays(week, first, last))
        }
        _ => None,
    }
}

/// The spans a yearly range `from..=to` gives that overlap `year`: one if it lies within a year, two if it spans
/// the new year (the one ending in `year` and the one starting in it). Days that do not exist are skipped.
fn yearly_spans(year: i32, (from, to): (MonthDay, MonthDay)) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans = Vec::with_capacity(2);
    if from <= to {
        if let (Some(start), Some(end)) = (from.in_year(year), to.in_year(year)) {
            spans.push((start, end));
        }
    } else {
        for start_year in [year.checked_sub(1), Some(year)].into_iter().flatten() {
            let start = from.in_year(start_year);
            let end = start_year.checked_add(1).and_then(|y| to.in_year(y));
            if let (Some(start), Some(end)) = (start, end) {
                spans.push((start, end));
            }
        }
    }
    spans
}

/// The school holidays overlapping `year` under `cfg`, sorted by first day. A Christmas break across the new
/// year is included both in the year it starts and in the year it ends. Holidays whose days do not exist (an
/// ISO week 53 in a year without one, 29 February in a common year) or that chrono cannot represent are left
/// out.
pub(crate) fn school_holidays(year: i32, cfg: &SchoolHolidays) -> Vec<Holiday> {
    let mut holidays = Vec::new();
    if let Some((start, end)) = cfg.winter.in_year(year) {
        holidays.push(Holiday::new(start, end, "vinterferie", "winter half-term"));
    }
    let holy_week = easter_sunday(year).filter(|_| cfg.easter).and_then(|e| Some((shift(e, -6)?, shift(e, 1)?)));
    if let Some((start, end)) = holy_week {
        holidays.push(Holiday::new(start, end, "påskeferie", "Easter holiday"));
    }
    for (start, end) in yearly_spans(year, cfg.summer) {
        holidays.push(Holiday::new(start, end, SUMMER.0, SUMMER.1));
    }
    if let Some((start, end)) = cfg.autumn.in_year(year) {
        holidays.push(Holiday::new(start, end, "høstferie", "autumn half-term"));
    }
    for (start, end) in yearly_spans(year, cfg.christmas) {
        holidays.push(Holiday::new(start, end, "juleferie", "Christmas holiday"));
    }
    holidays.sort_by_key(|h| (h.start, h.end));
    holidays
}

/// The pattern's school holidays with the stated school years put in: from a stated year's first school day to
/// its last, only its own breaks count; the days before its first school day (from 1 July) and after its last
/// (to 31 July) are summer holiday.
fn with_stated_years(pattern: Vec<Holiday>, stated: &[SchoolYear]) -> Vec<Holiday> {
    let mut school = pattern;
    for year in stated {
        let (first, last) = year.span();
        school = school.into_iter().flat_map(|h| outside(h, first, last)).collect();
    }
    for year in stated {
        let (first, last) = year.span();
        school.extend(year.breaks.iter().cloned());
        let july_first = NaiveDate::from_ymd_opt(first.year(), 7, 1);
        let july_last = NaiveDate::from_ymd_opt(last.year(), 7, 31);
        let summer = |start: Option<NaiveDate>, end: Option<NaiveDate>| {
            Some(Holiday::new(start?, end?, SUMMER.0, SUMMER.1)).filter(|h| h.start <= h.end)
        };
        school.extend(summer(july_first, first.pred_opt()));
        school.extend(summer(last.succ_opt(), july_last));
    }
    school.sort_by_key(|h| (h.start, h.end));
    one_summer_each(school)
}

/// The summer holiday's Bokmål and English names.
const SUMMER: (&str, &str) = ("sommerferie", "summer holiday");

/// Summer holidays that overlap or follow each other (the pattern's and a stated year's) joined into one, so
/// that a finding names the summer as it is. `holidays` is sorted by first day.
fn one_summer_each(holidays: Vec<Holiday>) -> Vec<Holiday> {
    let mut out: Vec<Holiday> = Vec::with_capacity(holidays.len());
    let mut summer: Option<usize> = None;
    for h in holidays {
        if h.name_nb == SUMMER.0 {
            if let Some(last) = summer.and_then(|i| out.get_mut(i))
                && last.end.succ_opt().is_some_and(|next| h.start <= next)
            {
                last.end = last.end.max(h.end);
                continue;
            }
            summer = Some(out.len());
        }
        out.push(h);
    }
    out
}

/// The parts of `holiday` outside `first..=last`: none, one or two.
fn outside(holiday: Holiday, first: NaiveDate, last: NaiveDate) -> Vec<Holiday> {
    if holiday.end < first || holiday.start > last {
        return vec![holiday];
    }
    let mut parts = Vec::new();
    if let Some(before) = first.pred_opt().filter(|d| holiday.start <= *d) {
        parts.push(Holiday { end: before, ..holiday.clone() });
    }
    if let Some(after) = last.succ_opt().filter(|d| *d <= holiday.end) {
        parts.push(Holiday { start: after, ..holiday });
    }
    parts
}

/// Monday and Sunday of ISO week `week` of ISO year `year`, or `None` if the year has no such week (week 0,
/// week 53 in a year with 52) or chrono cannot represent it. Week 1 may start in December of the year before.
pub(crate) fn iso_week(year: i32, week: u32) -> Option<(NaiveDate, NaiveDate)> {
    // chrono steps to the year before or after without checking for overflow.
    if !(NaiveDate::MIN.year()..=NaiveDate::MAX.year()).contains(&year) {
        return None;
    }
    let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
    let sunday = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
    Some((monday, sunday))
}

/// Why a day is a poor day for an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict<'a> {
    PublicHoliday(&'a Holiday),
    SchoolHoliday(&'a Holiday),
    /// A planning day the municipality stated: pupils are off, staff at work.
    PlanningDay,
    Weekend,
}

/// A stretch of days attributed to one holiday; the stretches of a list are disjoint and sorted.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start: NaiveDate,
    end: NaiveDate,
    holiday: usize,
}

/// Disjoint sorted segments for holidays sorted by first day. Where holidays overlap, the days go to the one
/// listed first; a holiday wholly covered by earlier ones gets no segment.
fn segments(holidays: &[Holiday]) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::with_capacity(holidays.len());
    for (index, h) in holidays.iter().enumerate() {
        if h.end < h.start {
            continue;
        }
        let start = match segments.last() {
            Some(last) if h.end <= last.end => continue,
            Some(last) if h.start <= last.end => match last.end.succ_opt() {
                Some(next) => next,
                None => continue,
            },
            _ => h.start,
        };
        segments.push(Segment { start, end: h.end, holiday: index });
    }
    segments
}

/// The segment containing `day`, by binary search.
fn find(segments: &[Segment], day: NaiveDate) -> Option<usize> {
    let after = segments.partition_point(|s| s.start <= day);
    let segment = segments.get(after.checked_sub(1)?)?;
    (day <= segment.end).then_some(segment.holiday)
}

/// Public and school holidays for a range of years, for looking up many days in O(log n) each.
#[derive(Debug, Clone)]
pub struct Calendar {
    years: RangeInclusive<i32>,
    public: Vec<Holiday>,
    public_segments: Vec<Segment>,
    school: Vec<Holiday>,
    school_segments: Vec<Segment>,
    /// The stated planning days, sorted.
    planning: Vec<NaiveDate>,
}

impl Calendar {
    /// The holidays of `first_year` to `last_year` inclusive (either order). The range is clamped to the years
    /// chrono can represent and cut to at most [`MAX_CALENDAR_YEARS`] years from the first. A Christmas break
    /// across the new year at either end is included whole.
    pub fn new(first_year: i32, last_year: i32, cfg: &SchoolHolidays) -> Calendar {
        let (min, max) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
        let first = first_year.min(last_year).clamp(min, max);
        let last = first_year.max(last_year).clamp(min, max).min(first.saturating_add(MAX_CALENDAR_YEARS - 1));
        let mut public = Vec::new();
        let mut school = Vec::new();
        for year in first..=last {
            public.extend(public_holidays(year));
            school.extend(school_holidays(year, cfg));
        }
        let mut school = with_stated_years(school, &cfg.stated);
        let mut planning: Vec<NaiveDate> = cfg.stated.iter().flat_map(|y| y.planning_days.iter().copied()).collect();
        planning.sort_unstable();
        planning.dedup();
        // Stable sorts, so a fixed public holiday stays ahead of a movable one on the same day. A break across
        // the new year comes from both its years: keep one.
        public.sort_by_key(|h| (h.start, h.end));
        school.sort_by_key(|h| (h.start, h.end));
        school.dedup();
        let public_segments = segments(&public);
        let school_segments = segments(&school);
        Calendar { years: first..=last, public, public_segments, school, school_segments, planning }
    }

    /// The years covered, after clamping.
    pub fn years(&self) -> RangeInclusive<i32> {
        self.years.clone()
    }

    /// The public holiday on `day`, if any (the fixed one when two share the day).
    pub(crate) fn public_holiday(&self, day: NaiveDate) -> Option<&Holiday> {
        find(&self.public_segments, day).map(|i| &self.public[i])
    }

    /// The school holiday `day` falls in, if any (the one starting first when two overlap).
    pub(crate) fn school_holiday(&self, day: NaiveDate) -> Option<&Holiday> {
        find(&self.school_segments, day).map(|i| &self.school[i])
    }

    /// Why `day` is a poor day for an activity, most specific first: a public holiday, else a school holiday,
    /// else a Saturday or Sunday. Holidays are known only for the covered years; weekends for every year.
    pub fn conflict(&self, day: NaiveDate) -> Option<Conflict<'_>> {
        if let Some(h) = self.public_holiday(day) {
            return Some(Conflict::PublicHoliday(h));
        }
        if let Some(h) = self.school_holiday(day) {
            return Some(Conflict::SchoolHoliday(h));
        }
        if self.planning.binary_search(&day).is_ok() {
            return Some(Conflict::PlanningDay);
        }
        matches!(day.weekday(), Weekday::Sat | Weekday::Sun).then_some(Conflict::Weekend)
    }

    /// Whether pupils are at school on `day`: a weekday that is no holiday and no planning day.
    pub fn is_school_day(&self, day: NaiveDate) -> bool {
        self.conflict(day).is_none()
    }

    /// The school day nearest before `first` and nearest after `last`, looking at most a year either way.
    pub fn school_days_around(&self, first: NaiveDate, last: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let before = first.iter_days().rev().skip(1).take(366).find(|d| self.is_school_day(*d));
        let after = last.iter_days().skip(1).take(366).find(|d| self.is_school_day(*d));
        (before, after)
    }

    /// Whether `first..=last` holds no school day. Stops at the first school day, so a long span costs little.
    pub fn no_school_day_in(&self, first: NaiveDate, last: NaiveDate) -> bool {
        !first.iter_days().take_while(|d| *d <= last).any(|d| self.is_school_day(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn named<'a>(holidays: &'a [Holiday], name_nb: &str) -> Vec<&'a Holiday> {
        holidays.iter().filter(|h| h.name_nb == name_nb).collect()
    }

    fn one<'a>(holidays: &'a [Holiday], name_nb: &str) -> &'a Holiday {
        let found = named(holidays, name_nb);
        assert_eq!(found.len(), 1, "{name_nb} in {holidays:?}");
        found[0]
    }

    fn calendar() -> Calendar {
        Calendar::new(2025, 2030, &SchoolHolidays::default())
    }

    #[test]
    fn easter_sundays() {
        for (y, m, day) in [
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2029, 4, 1),
            (2030, 4, 21),
            (2000, 4, 23),
            (2019, 4, 21),
            (1583, 4, 10),
            (1818, 3, 22), // earliest possible
            (1943, 4, 25), // latest possible
            (1954, 4, 18),
            (1981, 4, 19),
            (2008, 3, 23),
            (2011, 4, 24),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "{y}");
        }
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april() {
        for y in (-3000..3000).chain([NaiveDate::MIN.year() + 1, NaiveDate::MAX.year() - 1]) {
            let e = easter_sunday(y).unwrap();
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            assert!(d(y, 3, 22) <= e && e <= d(y, 4, 25), "{y}: {e}");
        }
    }

    #[test]
    fn no_panic_at_the_edges() {
        let (min, max) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
        let spanning = SchoolHolidays {
            summer: (MonthDay::new(12, 31), MonthDay::new(1, 1)),
            autumn: Break::Week(1),
            winter: Break::Week(53),
            ..SchoolHolidays::default()
        };
        let edges = [i32::MIN, i32::MIN + 1, -1_000_000, 0, 1_000_000, i32::MAX - 1, i32::MAX];
        let years = edges.into_iter().chain(min - 2..=min + 2).chain(max - 2..=max + 2);
        for y in years.chain((i32::MIN..=i32::MAX).step_by(9_973_301)) {
            let _ = easter_sunday(y);
            let _ = public_holidays(y);
            let _ = school_holidays(y, &SchoolHolidays::default());
            let _ = school_holidays(y, &spanning);
            for w in (0..=54).chain([u32::MAX]) {
                let _ = iso_week(y, w);
            }
        }
        assert_eq!(easter_sunday(i32::MAX), None);
        assert_eq!(iso_week(i32::MIN, 1), None);
        assert_eq!(iso_week(i32::MAX, 52), None);
        assert!(public_holidays(i32::MAX).is_empty());
        assert!(public_holidays(i32::MIN).is_empty());
        assert!(school_holidays(i32::MIN, &SchoolHolidays::default()).is_empty());
        let cal = Calendar::new(i32::MIN, i32::MAX, &spanning);
        assert_eq!(cal.years().count(), MAX_CALENDAR_YEARS as usize);
        assert_eq!(*cal.years().start(), min);
        for cfg in [SchoolHolidays::default(), spanning] {
            for cal in [Calendar::new(i32::MAX, i32::MAX, &cfg), Calendar::new(max - 3, max, &cfg)] {
                assert_eq!(*cal.years().end(), max);
                let mut day = NaiveDate::MAX;
                for _ in 0..800 {
                    let _ = cal.conflict(day);
                    day = day.pred_opt().unwrap();
                }
            }
            let cal = Calendar::new(min, min + 3, &cfg);
            let mut day = NaiveDate::MIN;
            for _ in 0..800 {
                let _ = cal.conflict(day);
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn public_holidays_2026() {
        let h = public_holidays(2026);
        let days: Vec<(NaiveDate, &str, &str)> = h.iter().map(|h| (h.start, &*h.name_nb, &*h.name_en)).collect();
        assert_eq!(
            days,
            [
                (d(2026, 1, 1), "1. nyttårsdag", "New Year's Day"),
                (d(2026, 4, 2), "Skjærtorsdag", "Maundy Thursday"),
                (d(2026, 4, 3), "Langfredag", "Good Friday"),
                (d(2026, 4, 5), "1. påskedag", "Easter Sunday"),
                (d(2026, 4, 6), "2. påskedag", "Easter Monday"),
                (d(2026, 5, 1), "Arbeidernes dag", "Labour Day"),
                (d(2026, 5, 14), "Kristi himmelfartsdag", "Ascension Day"),
                (d(2026, 5, 17), "Grunnlovsdagen", "Constitution Day"),
                (d(2026, 5, 24), "1. pinsedag", "Whit Sunday"),
                (d(2026, 5, 25), "2. pinsedag", "Whit Monday"),
                (d(2026, 12, 25), "1. juledag", "Christmas Day"),
                (d(2026, 12, 26), "2. juledag", "Boxing Day"),
            ]
        );
        assert!(h.iter().all(|h| h.start == h.end));
    }

    #[test]
    fn public_holidays_are_twelve_and_sorted_every_year() {
        for y in 1900..2200 {
            let h = public_holidays(y);
            assert_eq!(h.len(), 12, "{y}");
            assert!(h.windows(2).all(|w| w[0].start <= w[1].start), "{y}");
            assert!(h.iter().all(|h| h.start.year() == y), "{y}");
        }
    }

    #[test]
    fn ascension_before_labour_day_is_sorted() {
        // Easter 22 March 2285: Kristi himmelfartsdag is 30 April, before 1 May.
        let h = public_holidays(2285);
        assert_eq!(one(&h, "Kristi himmelfartsdag").start, d(2285, 4, 30));
        let i = h.iter().position(|h| h.name_nb == "Kristi himmelfartsdag").unwrap();
        assert_eq!(h[i + 1].name_nb, "Arbeidernes dag");
    }

    #[test]
    fn holidays_sharing_a_day_are_both_listed_fixed_first() {
        // 2027: 2. pinsedag is 17 May.
        let h = public_holidays(2027);
        let may17: Vec<&str> = h.iter().filter(|h| h.start == d(2027, 5, 17)).map(|h| &*h.name_nb).collect();
        assert_eq!(may17, ["Grunnlovsdagen", "2. pinsedag"]);
        // 2008: Kristi himmelfartsdag is 1 May.
        let h = public_holidays(2008);
        let may1: Vec<&str> = h.iter().filter(|h| h.start == d(2008, 5, 1)).map(|h| &*h.name_nb).collect();
        assert_eq!(may1, ["Arbeidernes dag", "Kristi himmelfartsdag"]);
        let cal = Calendar::new(2008, 2008, &SchoolHolidays::default());
        assert_eq!(cal.public_holiday(d(2008, 5, 1)).unwrap().name_nb, "Arbeidernes dag");
    }

    #[test]
    fn movable_holidays_2026() {
        let h = public_holidays(2026);
        assert_eq!(one(&h, "Kristi himmelfartsdag").start, d(2026, 5, 14));
        assert_eq!(one(&h, "2. pinsedag").start, d(2026, 5, 25));
        assert_eq!(one(&h, "Grunnlovsdagen").start, d(2026, 5, 17));
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(2026, 40), Some((d(2026, 9, 28), d(2026, 10, 4))));
        assert_eq!(iso_week(2027, 8), Some((d(2027, 2, 22), d(2027, 2, 28))));
        assert_eq!(iso_week(2026, 1), Some((d(2025, 12, 29), d(2026, 1, 4))));
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027 has 52.
        assert_eq!(d(2026, 12, 31).iso_week().week(), 53);
        assert_eq!(iso_week(2026, 53), Some((d(2026, 12, 28), d(2027, 1, 3))));
        assert_eq!(d(2027, 12, 31).iso_week().week(), 52);
        assert_eq!(iso_week(2027, 52), Some((d(2027, 12, 27), d(2028, 1, 2))));
        assert_eq!(iso_week(2027, 53), None);
        assert_eq!(iso_week(2027, 0), None);
        assert_eq!(iso_week(2027, 54), None);
        assert_eq!(iso_week(2020, 53), Some((d(2020, 12, 28), d(2021, 1, 3))));
    }

    #[test]
    fn default_school_holidays_2026() {
        let h = school_holidays(2026, &SchoolHolidays::default());
        let spans: Vec<(NaiveDate, NaiveDate, &str, &str)> =
            h.iter().map(|h| (h.start, h.end, &*h.name_nb, &*h.name_en)).collect();
        assert_eq!(
            spans,
            [
                (d(2025, 12, 21), d(2026, 1, 2), "juleferie", "Christmas holiday"),
                (d(2026, 2, 16), d(2026, 2, 22), "vinterferie", "winter half-term"),
                (d(2026, 3, 30), d(2026, 4, 6), "påskeferie", "Easter holiday"),
                (d(2026, 6, 20), d(2026, 8, 15), "sommerferie", "summer holiday"),
                (d(2026, 9, 28), d(2026, 10, 4), "høstferie", "autumn half-term"),
                (d(2026, 12, 21), d(2027, 1, 2), "juleferie", "Christmas holiday"),
            ]
        );
    }

    #[test]
    fn winter_week_8_of_2027_and_christmas_into_2027() {
        let h = school_holidays(2027, &SchoolHolidays::default());
        let winter = one(&h, "vinterferie");
        assert_eq!((winter.start, winter.end), (d(2027, 2, 22), d(2027, 2, 28)));
        let christmas = named(&h, "juleferie");
        assert_eq!(christmas.len(), 2);
        assert!(christmas[0].contains(d(2027, 1, 1)));
        assert_eq!((christmas[0].start, christmas[0].end), (d(2026, 12, 21), d(2027, 1, 2)));
        // The same break is listed for 2026, the year it starts.
        let h = school_holidays(2026, &SchoolHolidays::default());
        assert!(named(&h, "juleferie").iter().any(|c| c.contains(d(2027, 1, 1))));
    }

    #[test]
    fn easter_holiday_is_monday_of_holy_week_to_easter_monday() {
        for y in 2000..2100 {
            let h = school_holidays(y, &SchoolHolidays::default());
            let e = one(&h, "påskeferie");
            assert_eq!(e.start.weekday(), Weekday::Mon);
            assert_eq!(e.end.weekday(), Weekday::Mon);
            assert_eq!(e.end, easter_sunday(y).unwrap().succ_opt().unwrap());
            assert_eq!((e.end - e.start).num_days(), 7);
        }
    }

    fn stated_2026_27() -> SchoolYear {
        SchoolYear {
            first_day: d(2026, 8, 19),
            last_day: d(2027, 6, 18),
            breaks: vec![
                Holiday::new(d(2026, 10, 7), d(2026, 10, 9), "Høstferie", "Høstferie"),
                Holiday::new(d(2027, 5, 7), d(2027, 5, 7), "Fri", "Fri"),
            ],
            planning_days: vec![d(2026, 8, 17), d(2026, 8, 18), d(2027, 1, 4)],
        }
    }

    #[test]
    fn a_stated_school_year_replaces_the_pattern_from_its_first_day_to_its_last() {
        let cfg = SchoolHolidays { stated: vec![stated_2026_27()], ..SchoolHolidays::default() };
        let cal = Calendar::new(2026, 2027, &cfg);
        let name = |day| cal.school_holiday(day).map(|h| h.name_nb.clone());
        // Week 40 is the pattern's autumn break; this year's is 7–9 October.
        assert_eq!(name(d(2026, 9, 30)), None);
        assert_eq!(name(d(2026, 10, 7)).as_deref(), Some("Høstferie"));
        assert_eq!(name(d(2026, 10, 9)).as_deref(), Some("Høstferie"));
        assert_eq!(name(d(2026, 10, 12)), None);
        // Summer up to the day before the first planning day, and from the day after the last school day.
        assert_eq!(name(d(2026, 8, 16)).as_deref(), Some("sommerferie"));
        assert_eq!(name(d(2026, 8, 17)), None);
        assert_eq!(name(d(2026, 8, 19)), None);
        assert_eq!(name(d(2027, 6, 18)), None);
        assert_eq!(name(d(2027, 6, 19)).as_deref(), Some("sommerferie"));
        assert_eq!(name(d(2027, 5, 7)).as_deref(), Some("Fri"));
        // The pattern's breaks inside the stated year are gone: no Christmas, winter or Easter break stated.
        assert_eq!(name(d(2026, 12, 28)), None);
        assert_eq!(name(d(2027, 2, 24)), None);
        // Before the stated year, the pattern holds.
        assert_eq!(name(d(2026, 6, 19)), None);
        assert_eq!(name(d(2026, 6, 22)).as_deref(), Some("sommerferie"));
        // Public holidays stay whatever the school says.
        assert!(matches!(cal.conflict(d(2026, 12, 25)), Some(Conflict::PublicHoliday(_))));
    }

    #[test]
    fn planning_days_before_the_first_school_day_belong_to_the_school_year() {
        let year = SchoolYear { planning_days: vec![d(2026, 8, 13), d(2026, 8, 14)], ..stated_2026_27() };
        let cal = Calendar::new(2026, 2027, &SchoolHolidays { stated: vec![year], ..SchoolHolidays::default() });
        assert_eq!(cal.conflict(d(2026, 8, 14)), Some(Conflict::PlanningDay));
        assert!(matches!(cal.conflict(d(2026, 8, 12)), Some(Conflict::SchoolHoliday(_))));
        assert!(cal.is_school_day(d(2026, 8, 19)));
    }

    #[test]
    fn the_summer_between_the_pattern_and_a_stated_year_is_one_summer() {
        let cal =
            Calendar::new(2026, 2027, &SchoolHolidays { stated: vec![stated_2026_27()], ..SchoolHolidays::default() });
        let summer = cal.school_holiday(d(2026, 8, 1)).unwrap();
        assert_eq!((summer.start, summer.end), (d(2026, 6, 20), d(2026, 8, 16)), "to the first planning day");
        let next = SchoolYear {
            first_day: d(2027, 8, 17),
            last_day: d(2028, 6, 20),
            planning_days: vec![],
            ..stated_2026_27()
        };
        let cal = Calendar::new(
            2026,
            2028,
            &SchoolHolidays { stated: vec![stated_2026_27(), next], ..SchoolHolidays::default() },
        );
        let summer = cal.school_holiday(d(2027, 7, 1)).unwrap();
        assert_eq!((summer.start, summer.end), (d(2027, 6, 19), d(2027, 8, 16)));
        // Other holidays are not joined, even when they follow each other.
        let h = |a, b, n: &str| Holiday::new(a, b, n, n);
        let joined = one_summer_each(vec![h(d(2026, 1, 1), d(2026, 1, 2), "x"), h(d(2026, 1, 3), d(2026, 1, 4), "x")]);
        assert_eq!(joined.len(), 2);
        let apart = one_summer_each(vec![
            h(d(2026, 6, 1), d(2026, 6, 2), "sommerferie"),
            h(d(2026, 6, 4), d(2026, 6, 5), "sommerferie"),
        ]);
        assert_eq!(apart.len(), 2, "a day between");
        let next_day = one_summer_each(vec![
            h(d(2026, 6, 1), d(2026, 6, 2), "sommerferie"),
            h(d(2026, 6, 3), d(2026, 6, 5), "sommerferie"),
        ]);
        assert_eq!((next_day.len(), next_day[0].end), (1, d(2026, 6, 5)));
    }

    #[test]
    fn planning_days_are_no_school_days() {
        let cfg = SchoolHolidays { stated: vec![stated_2026_27()], ..SchoolHolidays::default() };
        let cal = Calendar::new(2026, 2027, &cfg);
        assert_eq!(cal.conflict(d(2027, 1, 4)), Some(Conflict::PlanningDay));
        assert!(!cal.is_school_day(d(2027, 1, 4)));
        assert!(cal.is_school_day(d(2027, 1, 5)));
        assert_eq!(Calendar::new(2026, 2027, &SchoolHolidays::default()).conflict(d(2027, 1, 4)), None);
    }

    #[test]
    fn a_span_without_a_school_day_and_the_school_days_around_it() {
        let cal = calendar();
        // Week 40 of 2026 is the autumn break, 28 September – 4 October.
        assert!(cal.no_school_day_in(d(2026, 9, 28), d(2026, 10, 4)));
        assert!(!cal.no_school_day_in(d(2026, 9, 25), d(2026, 10, 4)));
        assert!(!cal.no_school_day_in(d(2026, 9, 28), d(2026, 10, 5)));
        assert_eq!(
            cal.school_days_around(d(2026, 9, 28), d(2026, 10, 4)),
            (Some(d(2026, 9, 25)), Some(d(2026, 10, 5)))
        );
        assert!(cal.no_school_day_in(d(2027, 7, 1), d(2027, 7, 31)));
        assert_eq!(cal.school_days_around(d(2027, 7, 1), d(2027, 7, 31)), (Some(d(2027, 6, 18)), Some(d(2027, 8, 16))));
    }

    #[test]
    fn a_later_stated_year_replaces_one_starting_the_same_year() {
        let mut stated = vec![stated_2026_27()];
        let other = SchoolYear { first_day: d(2026, 8, 20), breaks: vec![], ..stated_2026_27() };
        let next = SchoolYear { first_day: d(2027, 8, 19), last_day: d(2028, 6, 20), ..stated_2026_27() };
        state_years(&mut stated, &[next.clone(), other.clone()]);
        assert_eq!(stated, [other, next]);
    }

    #[test]
    fn days_of_the_year_and_weeks_as_a_calendar_writes_them() {
        for written in ["19. august", "19 august", "August 19", "08-19", " 19. aug. "] {
            assert_eq!(parse_month_day(written), Some(MonthDay::new(8, 19)), "{written}");
        }
        assert_eq!(parse_month_day("29. februar"), Some(MonthDay::new(2, 29)));
        for bad in ["", "19", "30. februar", "13-01", "19. augustus", "a b c"] {
            assert_eq!(parse_month_day(bad), None, "{bad}");
        }
        assert_eq!(parse_break("uke 41"), Some(Break::Week(41)));
        assert_eq!(parse_break("Veke 9"), Some(Break::Week(9)));
        assert_eq!(parse_break("week 53"), Some(Break::Week(53)));
        let wed_fri = Some(Break::Weekdays(41, Weekday::Wed, Weekday::Fri));
        for written in
            ["onsdag–fredag uke 41", "uke 41, onsdag-fredag", "onsdag til fredag uke 41", "Wednesday to Friday week 41"]
        {
            assert_eq!(parse_break(written), wed_fri, "{written}");
        }
        for bad in [
            "uke 54",
            "41",
            "uke",
            "fredag–onsdag uke 41",
            "onsdag uke 41",
            "onsdag–fredag–lørdag uke 41",
            "uke 41 høst",
        ] {
            assert_eq!(parse_break(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_calendar_table_puts_its_keys_over_the_defaults() {
        let mut h = SchoolHolidays::default();
        let spec = CalendarSpec {
            first_school_day: Some(MonthDay::new(8, 19)),
            last_school_day: Some(MonthDay::new(6, 19)),
            autumn_break: Some(Break::Week(41)),
            easter_break: Some(false),
            ..CalendarSpec::default()
        };
        spec.apply(&mut h);
        assert_eq!(h.summer, (MonthDay::new(6, 20), MonthDay::new(8, 18)));
        assert_eq!((h.autumn, h.winter, h.easter), (Break::Week(41), Break::Week(8), false));
        CalendarSpec { first_school_day: Some(MonthDay::new(3, 1)), ..CalendarSpec::default() }.apply(&mut h);
        assert_eq!(h.summer.1, MonthDay::new(2, 29), "the day before 1 March, in a leap year");
    }

    #[test]
    fn a_break_of_fixed_days_falls_on_them_every_year() {
        let b = Break::Days(MonthDay::new(10, 9), MonthDay::new(10, 11));
        assert_eq!(b.in_year(2027), Some((d(2027, 10, 9), d(2027, 10, 11))));
        assert_eq!(Break::Days(MonthDay::new(10, 11), MonthDay::new(10, 9)).in_year(2027), None);
        assert_eq!(Break::None.in_year(2027), None);
        let wed_fri = Break::Weekdays(41, Weekday::Wed, Weekday::Fri);
        assert_eq!(wed_fri.in_year(2019), Some((d(2019, 10, 9), d(2019, 10, 11))), "Nordland's autumn break of 2019");
        assert_eq!(wed_fri.in_year(2026), Some((d(2026, 10, 7), d(2026, 10, 9))));
        assert_eq!(Break::Weekdays(53, Weekday::Mon, Weekday::Fri).in_year(2027), None, "2027 has 52 weeks");
    }

    #[test]
    fn configured_school_holidays() {
        let cfg = SchoolHolidays {
            summer: (MonthDay::new(6, 21), MonthDay::new(8, 18)),
            autumn: Break::Week(41),
            winter: Break::None,
            christmas: (MonthDay::new(12, 20), MonthDay::new(12, 31)),
            easter: false,
            stated: Vec::new(),
        };
        let h = school_holidays(2026, &cfg);
        let names: Vec<&str> = h.iter().map(|h| &*h.name_nb).collect();
        assert_eq!(names, ["sommerferie", "høstferie", "juleferie"]);
        assert_eq!((h[0].start, h[0].end), (d(2026, 6, 21), d(2026, 8, 18)));
        assert_eq!((h[1].start, h[1].end), (d(2026, 10, 5), d(2026, 10, 11)));
        assert_eq!((h[2].start, h[2].end), (d(2026, 12, 20), d(2026, 12, 31)));
    }

    #[test]
    fn impossible_configured_days_are_left_out() {
        let cfg = SchoolHolidays {
            summer: (MonthDay::new(2, 29), MonthDay::new(3, 5)),
            autumn: Break::Week(53),
            winter: Break::Week(0),
            christmas: (MonthDay::new(12, 21), MonthDay::new(13, 2)),
            easter: false,
            stated: Vec::new(),
        };
        assert!(school_holidays(2027, &cfg).is_empty());
        let h = school_holidays(2028, &cfg);
        assert_eq!(h.len(), 1);
        assert_eq!((h[0].start, h[0].end), (d(2028, 2, 29), d(2028, 3, 5)));
        // 2026 has a week 53.
        assert_eq!(one(&school_holidays(2026, &cfg), "høstferie").start, d(2026, 12, 28));
    }

    #[test]
    fn calendar_lookups() {
        let cal = calendar();
        assert_eq!(cal.years(), 2025..=2030);
        let c = cal.conflict(d(2027, 3, 26)).unwrap();
        assert!(matches!(c, Conflict::PublicHoliday(h) if h.name_nb == "Langfredag" && h.start == d(2027, 3, 26)));
        assert!(matches!(c, Conflict::PublicHoliday(h) if h.name_en == "Good Friday"));
        // 17 May 2026 is a Sunday: the holiday, not the weekend.
        assert_eq!(d(2026, 5, 17).weekday(), Weekday::Sun);
        assert!(
            matches!(cal.conflict(d(2026, 5, 17)), Some(Conflict::PublicHoliday(h)) if h.name_nb == "Grunnlovsdagen")
        );
        // A Saturday.
        assert_eq!(cal.conflict(d(2026, 3, 14)), Some(Conflict::Weekend));
        assert_eq!(cal.conflict(d(2026, 3, 15)), Some(Conflict::Weekend));
        // An ordinary Tuesday.
        assert_eq!(d(2026, 3, 10).weekday(), Weekday::Tue);
        assert_eq!(cal.conflict(d(2026, 3, 10)), None);
        // Public holiday inside a school holiday: the public holiday.
        assert!(matches!(cal.conflict(d(2026, 12, 25)), Some(Conflict::PublicHoliday(h)) if h.name_nb == "1. juledag"));
        assert!(
            matches!(cal.conflict(d(2027, 1, 1)), Some(Conflict::PublicHoliday(h)) if h.name_nb == "1. nyttårsdag")
        );
        // Christmas break 2026/27 on a weekday after new year.
        assert!(matches!(cal.conflict(d(2027, 1, 2)), Some(Conflict::SchoolHoliday(h)) if h.name_nb == "juleferie"));
        assert!(cal.school_holiday(d(2027, 1, 1)).is_some_and(|h| h.start == d(2026, 12, 21)));
        // School holiday on a weekday, and on a Saturday.
        assert!(
            matches!(cal.conflict(d(2026, 9, 29)), Some(Conflict::SchoolHoliday(h)) if h.name_en == "autumn half-term")
        );
        assert!(matches!(cal.conflict(d(2026, 7, 4)), Some(Conflict::SchoolHoliday(h)) if h.name_nb == "sommerferie"));
        // Edges of the summer holiday.
        assert_eq!(cal.school_holiday(d(2026, 6, 19)), None);
        assert!(cal.school_holiday(d(2026, 6, 20)).is_some());
        assert!(cal.school_holiday(d(2026, 8, 15)).is_some());
        assert_eq!(cal.conflict(d(2026, 8, 17)), None);
        // Outside the covered years: weekends only.
        assert_eq!(cal.conflict(d(2040, 5, 17)), None);
        assert_eq!(d(2040, 5, 19).weekday(), Weekday::Sat);
        assert_eq!(cal.conflict(d(2040, 5, 19)), Some(Conflict::Weekend));
        // Christmas breaks at the ends are whole, and not duplicated.
        assert!(cal.school_holiday(d(2024, 12, 27)).is_some());
        assert!(cal.school_holiday(d(2031, 1, 2)).is_some());
        assert_eq!(named(&cal.school, "juleferie").len(), 7);
        assert_eq!(cal.public.len(), 6 * 12);
    }

    #[test]
    fn calendar_agrees_with_a_linear_scan() {
        let cfg = SchoolHolidays {
            // Overlapping on purpose: the winter week inside the Easter holiday in some years.
            winter: Break::Week(13),
            ..SchoolHolidays::default()
        };
        let cal = Calendar::new(2020, 2032, &cfg);
        let mut day = d(2019, 12, 1);
        while day <= d(2033, 1, 31) {
            let public = cal.public.iter().find(|h| h.contains(day));
            let school = cal.school.iter().find(|h| h.contains(day));
            assert_eq!(cal.public_holiday(day), public, "{day}");
            assert_eq!(cal.school_holiday(day), school, "{day}");
            let expected = match (public, school) {
                (Some(h), _) => Some(Conflict::PublicHoliday(h)),
                (None, Some(h)) => Some(Conflict::SchoolHoliday(h)),
                _ if day.weekday().number_from_monday() >= 6 => Some(Conflict::Weekend),
                _ => None,
            };
            assert_eq!(cal.conflict(day), expected, "{day}");
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn calendar_range_is_ordered_and_capped() {
        let cfg = SchoolHolidays::default();
        assert_eq!(Calendar::new(2030, 2025, &cfg).years(), 2025..=2030);
        assert_eq!(Calendar::new(2000, 3000, &cfg).years(), 2000..=2199);
        assert_eq!(Calendar::new(2026, 2026, &cfg).public.len(), 12);
    }

    #[test]
    fn segments_handle_overlap_and_containment() {
        let h = |s: NaiveDate, e: NaiveDate, n: &str| Holiday::new(s, e, n, n);
        let list = [
            h(d(2026, 1, 1), d(2026, 1, 10), "a"),
            h(d(2026, 1, 3), d(2026, 1, 5), "inside a"),
            h(d(2026, 1, 8), d(2026, 1, 12), "overlaps a"),
            h(d(2026, 1, 20), d(2026, 1, 20), "single"),
            h(d(2026, 1, 20), d(2026, 1, 20), "same day"),
        ];
        let s = segments(&list);
        let got: Vec<(NaiveDate, NaiveDate, usize)> = s.iter().map(|s| (s.start, s.end, s.holiday)).collect();
        assert_eq!(
            got,
            [
                (d(2026, 1, 1), d(2026, 1, 10), 0),
                (d(2026, 1, 11), d(2026, 1, 12), 2),
                (d(2026, 1, 20), d(2026, 1, 20), 3)
            ]
        );
        assert_eq!(find(&s, d(2025, 12, 31)), None);
        assert_eq!(find(&s, d(2026, 1, 4)), Some(0));
        assert_eq!(find(&s, d(2026, 1, 11)), Some(2));
        assert_eq!(find(&s, d(2026, 1, 13)), None);
        assert_eq!(find(&s, d(2026, 1, 20)), Some(3));
        assert_eq!(find(&s, d(2026, 1, 21)), None);
        assert_eq!(find(&[], d(2026, 1, 21)), None);
    }
}
