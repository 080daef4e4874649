//! What the date reader says about a date, period, time or duration it cannot read.

use std::fmt::Display;

use crate::lang::{Lang, Text};
use crate::messages::common::did_you_mean;
use crate::text;

/// The forms of a date implan reads, after an error about one. Each Norwegian example is one a Norwegian plan
/// writes, and each one parses (a test in `crate::when` reads them all).
pub fn forms_help() -> Text {
    text!(
        nb: "skriv en dag (\"15.09.2026\", \"12. mars 2026\", 2026-03-12), en uke (\"uke 40 2026\"), en måned \
             (\"september 2026\", \"2026-09\"), et halvår (\"høsten 2026\", \"våren 2027\", \"1. halvår 2027\"), \
             et skoleår (\"skoleåret 2026/27\") eller et år (\"2026\")",
        nn: "skriv ein dag (\"15.09.2026\", \"12. mars 2026\", 2026-03-12), ei veke (\"veke 40 2026\"), ein månad \
             (\"september 2026\", \"2026-09\"), eit halvår (\"hausten 2026\", \"våren 2027\", \"1. halvår 2027\"), \
             eit skuleår (\"skuleåret 2026/27\") eller eit år (\"2026\")",
        en: "write a day (2026-03-12, \"12. mars 2026\"), a month (\"2026-03\", \"mars 2026\", \"March 2026\"), \
             a school term (\"vår 2026\", \"høsten 2026\", \"spring 2026\") or a year (\"2026\")",
    )
}

/// "did you mean 'mars'?", then the forms.
pub fn did_you_mean_then_forms(word: &str) -> Text {
    did_you_mean(word).join(" ", &forms_help())
}

pub fn no_such_month(month: u32) -> Text {
    text!(
        nb: "det finnes ingen måned {month}; månedene er 1–12",
        nn: "det finst ingen månad {month}; månadene er 1–12",
        en: "there is no month {month}; months are 1–12",
    )
}

/// `year_month` is written `2026-02`.
pub fn no_such_day(year_month: &str, day: u32, days_in_month: u32) -> Text {
    text!(
        nb: "{year_month} har ingen dag {day}; måneden har {days_in_month} dager",
        nn: "{year_month} har ingen dag {day}; månaden har {days_in_month} dagar",
        en: "{year_month} has no day {day}; it has {days_in_month} days",
    )
}

pub fn implausible_year(year: i32) -> Text {
    text!(
        nb: "året {year:04} er ikke et mulig år for en plan; skriv alle fire sifrene, for eksempel 2026",
        nn: "året {year:04} er ikkje eit mogleg år for ein plan; skriv alle fire sifra, til dømes 2026",
        en: "the year {year:04} is not a plausible year for a plan; write all four digits, such as 2026",
    )
}

pub fn empty() -> Text {
    text!(nb: "datoen er tom", nn: "datoen er tom", en: "the date is empty")
}

pub fn not_a_date(input: &str) -> Text {
    text!(
        nb: "'{input}' er ikke en dato implan kan lese",
        nn: "'{input}' er ikkje ein dato implan kan lese",
        en: "'{input}' is not a date implan can read",
    )
}

pub fn outside_calendar(input: &str) -> Text {
    text!(
        nb: "'{input}' er utenfor kalenderen",
        nn: "'{input}' er utanfor kalenderen",
        en: "'{input}' is outside the calendar",
    )
}

pub fn weekday_without_day(rest: &str) -> Text {
    text!(
        nb: "en ukedag hører til en bestemt dag, og '{rest}' er ikke en dag",
        nn: "ein vekedag høyrer til ein bestemd dag, og '{rest}' er ikkje ein dag",
        en: "a weekday goes with a day, and '{rest}' is not one",
    )
}

/// "2020-09-25 is a Friday, not a Monday".
pub fn wrong_weekday(date: impl Display, is: chrono::Weekday, written: chrono::Weekday) -> Text {
    let (nb_is, nb_written) = (weekday(is, Lang::Nb), weekday(written, Lang::Nb));
    let (nn_is, nn_written) = (weekday(is, Lang::Nn), weekday(written, Lang::Nn));
    let (en_is, en_written) = (weekday(is, Lang::En), weekday(written, Lang::En));
    text!(
        nb: "{date} er en {nb_is}, ikke en {nb_written}",
        nn: "{date} er ein {nn_is}, ikkje ein {nn_written}",
        en: "{date} is a {en_is}, not a {en_written}",
    )
}

/// A weekday's name; lower case in Norwegian running text, capitalised in English.
fn weekday(day: chrono::Weekday, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::Nb => ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
        Lang::Nn => ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"],
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    };
    names[day.num_days_from_monday() as usize]
}

pub fn no_such_week(year: i32, week: u32) -> Text {
    text!(
        nb: "{year} har ingen uke {week}; et ISO-år har 52 eller 53 uker",
        nn: "{year} har inga veke {week}; eit ISO-år har 52 eller 53 veker",
        en: "{year} has no week {week}; ISO years have 52 or 53 weeks",
    )
}

pub fn school_year_after_9999(first: i32, next: i32) -> Text {
    text!(
        nb: "skoleåret {first}/{next} slutter etter år 9999",
        nn: "skuleåret {first}/{next} sluttar etter år 9999",
        en: "the school year {first}/{next} ends after the year 9999",
    )
}

pub fn school_year_one_to_next(first: i32, next: i32) -> Text {
    text!(
        nb: "et skoleår går fra ett år til det neste: skriv skoleåret {first}/{next}",
        nn: "eit skuleår går frå eitt år til det neste: skriv skuleåret {first}/{next}",
        en: "a school year runs from one year to the next: write skoleåret {first}/{next}",
    )
}

pub fn year_out_of_range() -> Text {
    text!(
        nb: "året er utenfor kalenderen",
        nn: "året er utanfor kalenderen",
        en: "the year is out of range",
    )
}

pub fn not_a_school_year(input: &str) -> Text {
    text!(
        nb: "'{input}' er ikke et skoleår; skriv skoleåret 2026/2027",
        nn: "'{input}' er ikkje eit skuleår; skriv skuleåret 2026/2027",
        en: "'{input}' is not a school year; write skoleåret 2026/2027",
    )
}

pub fn not_a_month_or_term(word: &str) -> Text {
    text!(
        nb: "'{word}' er ikke en måned eller et halvår",
        nn: "'{word}' er ikkje ein månad eller eit halvår",
        en: "'{word}' is not a month or a school term",
    )
}

pub fn period_ends_before_start(end: impl Display, start: impl Display) -> Text {
    text!(
        nb: "perioden slutter ({end}) før den begynner ({start})",
        nn: "perioden sluttar ({end}) før han byrjar ({start})",
        en: "the period ends ({end}) before it starts ({start})",
    )
}

pub fn not_a_duration(input: &str) -> Text {
    text!(
        nb: "'{input}' er ikke en varighet",
        nn: "'{input}' er ikkje ei varigheit",
        en: "'{input}' is not a duration",
    )
}

pub fn duration_help() -> Text {
    text!(
        nb: "skriv et tall og en enhet: \"3 dager\", \"2 uker\", \"6 måneder\", \"1 år\"",
        nn: "skriv eit tal og ei eining: \"3 dagar\", \"2 veker\", \"6 månader\", \"1 år\"",
        en: "write a number and a unit: \"3 dager\", \"3 days\", \"2 uker\", \"2 weeks\", \"6 måneder\", \"6 months\"",
    )
}

pub fn duration_at_least_one() -> Text {
    text!(
        nb: "en varighet må være minst 1",
        nn: "ei varigheit må vere minst 1",
        en: "a duration must be at least 1",
    )
}

pub fn duration_over_a_century(input: &str) -> Text {
    text!(
        nb: "'{input}' er lengre enn 100 år",
        nn: "'{input}' er lengre enn 100 år",
        en: "'{input}' is longer than 100 years",
    )
}

/// After the `T` of an ISO date-time.
pub fn not_an_iso_time(t: &str) -> Text {
    text!(
        nb: "'{t}' er ikke et klokkeslett; skriv for eksempel 10:00 eller 10:00:00+01:00",
        nn: "'{t}' er ikkje eit klokkeslett; skriv til dømes 10:00 eller 10:00:00+01:00",
        en: "'{t}' is not a time of day; expected e.g. 10:00 or 10:00:00+01:00",
    )
}

/// After a day: a time or a time range.
pub fn not_a_time(s: &str) -> Text {
    text!(
        nb: "'{s}' er ikke et klokkeslett; skriv for eksempel 10.00 eller 10.00–10.30",
        nn: "'{s}' er ikkje eit klokkeslett; skriv til dømes 10.00 eller 10.00–10.30",
        en: "'{s}' is not a time of day; expected e.g. 10:00 or 10:00-10:30",
    )
}

/// `time` is written `10:00`.
pub fn empty_time_range(time: &str) -> Text {
    text!(
        nb: "tidsrommet {time}-{time} er tomt: det slutter når det begynner",
        nn: "tidsrommet {time}-{time} er tomt: det sluttar når det byrjar",
        en: "the time range {time}-{time} is empty: it ends when it starts",
    )
}

/// Times are written `10:00`.
pub fn time_range_backwards(end: &str, start: &str) -> Text {
    text!(
        nb: "tidsrommet slutter kl. {end}, før det begynner kl. {start}",
        nn: "tidsrommet sluttar kl. {end}, før det byrjar kl. {start}",
        en: "the time range ends at {end} before it starts at {start}",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_named_in_each_language() {
        let t = wrong_weekday("2020-09-25", chrono::Weekday::Fri, chrono::Weekday::Mon);
        assert_eq!(t.en(), "2020-09-25 is a Friday, not a Monday");
        assert_eq!(t.get(Lang::Nb), "2020-09-25 er en fredag, ikke en mandag");
        let t = wrong_weekday("2020-09-26", chrono::Weekday::Sat, chrono::Weekday::Tue);
        assert_eq!(t.get(Lang::Nn), "2020-09-26 er ein laurdag, ikkje ein tysdag");
    }
}
