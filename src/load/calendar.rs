//! A `[calendar]` table, in a plan or in an `implan.toml`: the school year's yearly pattern and the school years
//! the municipality has stated whole.

use super::loader::{Loader, TSpanned, find};
use crate::calendar::{Break, CalendarSpec, Holiday, MonthDay, SchoolYear};
use crate::lang::Text;
use crate::messages::load as m;
use crate::schema;
use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

impl Loader<'_> {
    /// `[calendar]`, if the file has one.
    pub(super) fn calendar(&mut self, doc: &DeTable<'_>) -> Option<CalendarSpec> {
        let (t, _) = self.table(doc, "calendar")?;
        self.check_keys(t, &schema::keys(&schema::CALENDAR), &Text::verbatim("[calendar]"));
        let school_years = self
            .tables(t, "school-year", "[[calendar.school-year]]")
            .into_iter()
            .filter_map(|(year, span)| self.school_year(year, span))
            .collect();
        Some(CalendarSpec {
            first_school_day: self.month_day(t, "first-school-day"),
            last_school_day: self.month_day(t, "last-school-day"),
            autumn_break: self.yearly_break(t, "autumn-break"),
            winter_break: self.yearly_break(t, "winter-break"),
            christmas_break: find(t, "christmas-break").and_then(|(_, v)| self.month_day_pair("christmas-break", v)),
            easter_break: self.boolean(t, "easter-break"),
            school_years,
            skolerute: self.string(t, "skolerute"),
        })
    }

    /// A day of every year: "19. august" or "08-19".
    fn month_day(&mut self, t: &DeTable<'_>, key: &str) -> Option<MonthDay> {
        let (_, v) = find(t, key)?;
        self.month_day_value(key, v)
    }

    fn month_day_value(&mut self, key: &str, v: &TSpanned<DeValue<'_>>) -> Option<MonthDay> {
        let DeValue::String(s) = v.get_ref() else {
            self.type_error(key, v, &m::a_day_of_the_year());
            return None;
        };
        let day = crate::calendar::parse_month_day(s);
        if day.is_none() {
            self.error(self.at(v), m::not_a_day_of_the_year(key, s), Some(m::day_of_the_year_help()));
        }
        day
    }

    /// Two days of every year, the first and the last: ["21. desember", "2. januar"].
    fn month_day_pair(&mut self, key: &str, v: &TSpanned<DeValue<'_>>) -> Option<(MonthDay, MonthDay)> {
        match v.get_ref() {
            DeValue::Array(items) if items.len() == 2 => {
                let first = self.month_day_value(key, &items[0]);
                let last = self.month_day_value(key, &items[1]);
                Some((first?, last?))
            }
            _ => {
                self.type_error(key, v, &m::first_and_last_day());
                None
            }
        }
    }

    /// A yearly break: "uke 41" (or 41), its first and last day, or false for none.
    fn yearly_break(&mut self, t: &DeTable<'_>, key: &str) -> Option<Break> {
        let (_, v) = find(t, key)?;
        match v.get_ref() {
            DeValue::Boolean(false) => Some(Break::None),
            DeValue::Integer(i) => match i.as_str().parse::<u32>().ok().filter(|w| (1..=53).contains(w)) {
                Some(week) => Some(Break::Week(week)),
                None => {
                    self.error(self.at(v), m::between(key, 1, 53), None);
                    None
                }
            },
            DeValue::String(s) => {
                let parsed = crate::calendar::parse_break(s);
                if parsed.is_none() {
                    self.error(self.at(v), m::not_a_break(key, s), Some(m::break_help()));
                }
                parsed
            }
            DeValue::Array(_) => self.month_day_pair(key, v).map(|(from, to)| Break::Days(from, to)),
            _ => {
                self.type_error(key, v, &m::a_break());
                None
            }
        }
    }

    /// `[[calendar.school-year]]`: first and last school day, breaks, planning days and days off.
    fn school_year(&mut self, t: &DeTable<'_>, span: crate::diag::Span) -> Option<SchoolYear> {
        self.check_keys(t, &schema::keys(&schema::SCHOOL_YEAR), &Text::verbatim("[[calendar.school-year]]"));
        let header = self.head(span);
        let what = Text::verbatim("[[calendar.school-year]]");
        for (key, example) in [("first-day", "2026-08-19"), ("last-day", "2027-06-18")] {
            if find(t, key).is_none() {
                self.missing(t, header, key, &what, example);
            }
        }
        let first_day = self.day(t, "first-day");
        let last_day = self.day(t, "last-day");
        let mut breaks: Vec<Holiday> = Vec::new();
        for (b, span) in self.tables(t, "breaks", "{ name = \"Høstferie\", from = 2026-10-07, to = 2026-10-09 }") {
            breaks.extend(self.stated_break(b, span));
        }
        for (day, _) in self.days(t, "days-off") {
            breaks.push(Holiday::new(day, day, "fridag", "day off"));
        }
        let planning_days = self.days(t, "planning-days").into_iter().map(|(d, _)| d).collect();
        let (first_day, last_day) = (first_day?, last_day?);
        if last_day.value < first_day.value {
            self.error(last_day.span, m::school_year_ends_before_it_starts(), None);
            return None;
        }
        Some(SchoolYear { first_day: first_day.value, last_day: last_day.value, breaks, planning_days })
    }

    /// `{ name = "Høstferie", from = 2026-10-07, to = 2026-10-09 }`; without `to`, one day.
    fn stated_break(&mut self, t: &DeTable<'_>, span: crate::diag::Span) -> Option<Holiday> {
        self.check_keys(t, &schema::keys(&schema::BREAK), &Text::verbatim("breaks"));
        let what = Text::verbatim("breaks");
        let name = self.req_string(t, "name", self.head(span), &what);
        if find(t, "from").is_none() {
            self.missing(t, self.head(span), "from", &what, "2026-10-07");
        }
        let from = self.day(t, "from")?;
        let to = if find(t, "to").is_some() { self.day(t, "to")? } else { from.clone() };
        if to.value < from.value {
            self.error(to.span, m::break_ends_before_it_starts(), None);
            return None;
        }
        let name = name?.value;
        Some(Holiday::new(from.value, to.value, &name, &name))
    }

    /// A key whose value is one day.
    fn day(&mut self, t: &DeTable<'_>, key: &str) -> Option<crate::diag::Spanned<NaiveDate>> {
        let (_, v) = find(t, key)?;
        self.day_value(key, v)
    }

    fn day_value(&mut self, key: &str, v: &TSpanned<DeValue<'_>>) -> Option<crate::diag::Spanned<NaiveDate>> {
        let w = self.when_value(key, v, false)?;
        if w.value.precision != crate::when::Precision::Day {
            self.error(w.span, m::must_be_a_day(key), None);
            return None;
        }
        Some(crate::diag::Spanned::new(w.value.start, w.span))
    }

    /// A key whose value is a day or a list of days.
    fn days(&mut self, t: &DeTable<'_>, key: &str) -> Vec<(NaiveDate, crate::diag::Span)> {
        let Some((_, v)) = find(t, key) else { return Vec::new() };
        let items: Vec<&TSpanned<DeValue<'_>>> = match v.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => vec![v],
        };
        items.into_iter().filter_map(|item| self.day_value(key, item)).map(|d| (d.value, d.span)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::{Break, MonthDay};
    use crate::load::testing::{HEAD, errors, loads};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_yearly_pattern_is_read_in_each_of_its_forms() {
        let plan = loads(&format!(
            "{HEAD}[calendar]\nfirst-school-day = \"19. august\"\nlast-school-day = \"06-19\"\nautumn-break = [\"9. oktober\", \"11. oktober\"]\nwinter-break = \"uke 10\"\nchristmas-break = [\"20. desember\", \"2. januar\"]\neaster-break = false\n"
        ));
        let c = plan.calendar.expect("a calendar");
        assert_eq!(c.first_school_day, Some(MonthDay::new(8, 19)));
        assert_eq!(c.last_school_day, Some(MonthDay::new(6, 19)));
        assert_eq!(c.autumn_break, Some(Break::Days(MonthDay::new(10, 9), MonthDay::new(10, 11))));
        assert_eq!(c.winter_break, Some(Break::Week(10)));
        assert_eq!(c.christmas_break, Some((MonthDay::new(12, 20), MonthDay::new(1, 2))));
        assert_eq!(c.easter_break, Some(false));
        let week = |v: &str| loads(&format!("{HEAD}[calendar]\nautumn-break = {v}\n")).calendar.unwrap().autumn_break;
        assert_eq!(week("41"), Some(Break::Week(41)));
        assert_eq!(week("\"veke 41\""), Some(Break::Week(41)));
        assert_eq!(week("false"), Some(Break::None));
        let wed_fri = Some(Break::Weekdays(41, chrono::Weekday::Wed, chrono::Weekday::Fri));
        assert_eq!(week("\"onsdag–fredag uke 41\""), wed_fri);
    }

    #[test]
    fn a_stated_school_year_is_read_whole() {
        let plan = loads(&format!(
            "{HEAD}[[calendar.school-year]]\nfirst-day = 2026-08-19\nlast-day = 2027-06-18\nbreaks = [{{ name = \"Høstferie\", from = 2026-10-07, to = 2026-10-09 }}, {{ name = \"Fri\", from = 2027-05-07 }}]\nplanning-days = [2026-08-17, 2026-08-18]\ndays-off = 2027-05-14\n"
        ));
        let years = plan.calendar.unwrap().school_years;
        assert_eq!(years.len(), 1);
        let y = &years[0];
        assert_eq!((y.first_day, y.last_day), (d(2026, 8, 19), d(2027, 6, 18)));
        let breaks: Vec<(&str, NaiveDate, NaiveDate)> =
            y.breaks.iter().map(|b| (b.name_nb.as_str(), b.start, b.end)).collect();
        assert_eq!(
            breaks,
            [
                ("Høstferie", d(2026, 10, 7), d(2026, 10, 9)),
                ("Fri", d(2027, 5, 7), d(2027, 5, 7)),
                ("fridag", d(2027, 5, 14), d(2027, 5, 14))
            ]
        );
        assert_eq!(y.planning_days, [d(2026, 8, 17), d(2026, 8, 18)]);
    }

    #[test]
    fn what_a_calendar_cannot_say_is_reported_where_it_is_written() {
        let cases = [
            ("first-school-day = \"den første\"", "'first-school-day' is not a day of the year: \"den første\""),
            ("autumn-break = \"høst\"", "'autumn-break' is not a break: \"høst\""),
            ("autumn-break = 60", "'autumn-break' must be between 1 and 53"),
            (
                "christmas-break = [\"21. desember\"]",
                "'christmas-break' must be the first and the last day, as a list of two",
            ),
            ("easter-break = \"ja\"", "'easter-break' must be true or false, not a string"),
            (
                "[[calendar.school-year]]\nfirst-day = 2026-08-19\nlast-day = 2026-06-18",
                "the school year ends before it starts",
            ),
            (
                "[[calendar.school-year]]\nfirst-day = \"august 2026\"\nlast-day = 2027-06-18",
                "'first-day' must be one day",
            ),
            ("[[calendar.school-year]]\nlast-day = 2027-06-18", "[[calendar.school-year]] has no 'first-day'"),
            ("skoleruta = \"x.ics\"", "unknown key 'skoleruta' in [calendar]"),
        ];
        for (body, expected) in cases {
            let found = errors(&format!("{HEAD}[calendar]\n{body}\n"));
            assert!(found.iter().any(|(_, e, _)| e.contains(expected)), "{body}: {found:?}");
        }
    }
}
