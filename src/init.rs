//! `implan init`: a complete starter plan for one of the programmes, built from its structure.
//!
//! The templates are the files in `templates/LANG/` (`nb`, `nn`, `en`), one per programme and language, embedded
//! in the binary. Each is a plan whose
//! dates are placeholders, counted from the start month, so that the same structure can start in any month:
//!
//! | placeholder   | becomes                                            | example                             |
//! |---------------|----------------------------------------------------|-------------------------------------|
//! | `{{M+n}}`     | school month `n` as an ISO month, for dates        | `2026-09`                           |
//! | `{{MONTH+n}}` | school month `n` in words, in the plan's language  | `september 2026`, `September 2026`  |
//! | `{{Y+k:MM}}`  | calendar month `MM` in year `k` of the plan        | `Y+0:11` from March 2026: `2026-11` |
//! | `{{LANG}}`    | the plan's language                                | `nb`, `nn`, `en`                    |
//!
//! `n` and `k` are 0–99, written without a sign or leading `+`; `MM` is two digits, `01`–`12`, never `07`.
//! Anything else between `{{` and `}}` is an error
//! ([`InitError::Invalid`]), and so is a `{{` that is never closed; there is no escape, so template text holds
//! no other `{{`.
//!
//! **School months** are the months from the start month on, with July left out: July is the summer holiday,
//! when schools and kindergartens plan nothing (and `idle-gap` does not count it). With the start August 2026,
//! `M+0` is 2026-08, `M+4` 2026-12, `M+5` 2027-01, `M+10` 2027-06 and `M+11` 2027-08. A start in July is taken
//! as August. Eleven school months are always exactly twelve calendar months (`M+11` is `M+0` a year later),
//! so an agreement year is `M+0`–`M+10`, `M+11`–`M+21`, and so on, whatever the start month.
//!
//! **Two kinds of dates.** The programme's own course (the kick-off, then each step, each gathering) is counted
//! in school months from the start: `M+n`. What the school year itself decides is a calendar month in one of the
//! plan's years: the planning day in August (`Y+1:08`), the pupil survey in its autumn window (`Y+0:11`),
//! the evaluation at the end of a term (`Y+0:12`, `Y+0:06`). Year `k` is the twelve months from `M+11k`, so
//! each holds every month once: a plan that starts in January has its first August seven months in, and one
//! that starts in September has it eleven months in, as the school year has it. Such activities sit in the
//! phase of their year when the phases are the plan's years; otherwise they are `[[activity]]` tables of no
//! phase (the plan's yearly cycle), since their month moves against the phases as the start moves.
//!
//! Templates are written so that their plans check clean for every start month:
//!
//! - phases are labelled with their first and last month (`period = "{{MONTH+0}} – {{MONTH+10}}"`), never
//!   with term names, which only fit a start at a term's beginning;
//! - `n` school months may be `n + 1` calendar months (when July falls between), so recurring activities are
//!   at most 11 school months apart for `every = "år"`, 5 for `"halvår"` and 2 for `"kvartal"`;
//! - no stretch of more than 4 school months is without activity;
//! - every recurring obligation of the programme is a `[[requirement]]` or `[[recurring]]`, and the agreement
//!   an `[agreement]`, as in the programme's plan in `plans/`, so that `check` holds a new plan to them;
//! - activities are dated to a month, never to a day: a fixed day would fall on a weekend or in a school
//!   holiday for some start months (`holiday-conflict`), and the real dates come from the programme later.
//!
//! `tests/init.rs` checks every template from every start month of 2026 and some in other years, in the three
//! languages: that the plan is clean, that a start a year later gives the same plan a year later, that every
//! activity the school year places (planning days, surveys, term evaluations) is in a month that suits it, and
//! that the template carries every requirement of its programme's plan in `plans/`.

use crate::lang::Text;
use crate::messages::init as m;
use crate::model::Lang;
use crate::when::{FIRST_YEAR, month_from_index, month_index};
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The templates: name and a one-line description.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("omni", "Omni-modellen: the seven steps in order over three years, surveys and evaluations in the school year"),
    ("mot", "Kommuneavtale med MOT: Robust ungdom 12-16, yearly meeting and anchoring, three agreement years"),
    ("smart", "SMART langtidsavtale: core group, meetings with the SMART centre and staff, three agreement years"),
    ("absolutt", "ABSOLUTT (KS): joint sessions and local development work for politicians and leaders"),
    ("ibs", "Inkluderende barnehage- og skolemiljø (Udir): two years of sessions, learning networks, local work"),
];

/// The last year a start may be in: the longest template runs a few years, and years have four digits.
pub(crate) const LAST_START_YEAR: i32 = 9990;

/// The largest `n` a placeholder may name (nine years of school months).
const MAX_OFFSET: u32 = 99;

/// The template of programme `name` written in `lang`. Each language has its own file, not a translation made
/// on the fly: a Nynorsk municipality's plan names its roles, goals and activities in Nynorsk, ids included.
fn template_text(name: &str, lang: Lang) -> Option<&'static str> {
    macro_rules! in_every_language {
        ($file:literal) => {
            match lang {
                Lang::Nb => include_str!(concat!("../templates/nb/", $file)),
                Lang::Nn => include_str!(concat!("../templates/nn/", $file)),
                Lang::En => include_str!(concat!("../templates/en/", $file)),
            }
        };
    }
    Some(match name {
        "omni" => in_every_language!("omni.toml.tmpl"),
        "mot" => in_every_language!("mot.toml.tmpl"),
        "smart" => in_every_language!("smart.toml.tmpl"),
        "absolutt" => in_every_language!("absolutt.toml.tmpl"),
        "ibs" => in_every_language!("ibs.toml.tmpl"),
        _ => return None,
    })
}

/// Why `init` could not make or write a plan.
#[derive(Debug)]
pub enum InitError {
    /// No template has this name; `suggestion` is the nearest one, if any is close.
    UnknownTemplate { name: String, suggestion: Option<String> },
    /// The file exists, and overwriting was not asked for.
    Exists(PathBuf),
    /// Reading or writing failed (the message names the path).
    Io(io::Error),
    /// A start that cannot be used, a path that is a directory, or a broken template.
    Invalid(Text),
}

impl InitError {
    /// Why, in each language (the system's own words for an I/O error stay as it gives them).
    pub fn text(&self) -> Text {
        match self {
            InitError::UnknownTemplate { name, suggestion } => {
                let names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
                m::unknown_template(name, suggestion.as_deref(), &names.join(", "))
            }
            InitError::Exists(path) => m::exists(&crate::escape::path(path)),
            InitError::Io(e) => Text::verbatim(e.to_string()),
            InitError::Invalid(message) => message.clone(),
        }
    }
}

/// In English, for logs and tests; people read [`InitError::text`].
impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for InitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InitError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for InitError {
    fn from(e: io::Error) -> InitError {
        InitError::Io(e)
    }
}

/// The plan of template `template` (a name from [`TEMPLATES`], in any letter case), starting in the month of
/// `start` (its day is not used; July is taken as August), with `lang` as the plan's language.
pub fn render(template: &str, start: NaiveDate, lang: Lang) -> Result<String, InitError> {
    let name = template.trim().to_lowercase();
    let text = template_text(&name, lang).ok_or_else(|| InitError::UnknownTemplate {
        name: template.to_string(),
        suggestion: crate::suggest::nearest(&name, TEMPLATES.iter().map(|(n, _)| *n)).map(str::to_string),
    })?;
    if !(FIRST_YEAR..=LAST_START_YEAR).contains(&start.year()) {
        return Err(InitError::Invalid(m::start_year_out_of_range(start.year(), FIRST_YEAR, LAST_START_YEAR)));
    }
    let mut first = month_index(start);
    if start.month() == 7 {
        first += 1;
    }
    expand(&name, text, first, lang)
}

/// Replaces every `{{…}}` placeholder of `text`; `first` is the month index of school month 0.
fn expand(name: &str, text: &str, first: i64, lang: Lang) -> Result<String, InitError> {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            return Err(InitError::Invalid(m::unclosed_placeholder(name)));
        };
        out.push_str(
            &placeholder(&after[..j], first, lang)
                .ok_or_else(|| InitError::Invalid(m::unknown_placeholder(name, &after[..j])))?,
        );
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The text of one placeholder (without its braces), or `None` if it is not one.
fn placeholder(p: &str, first: i64, lang: Lang) -> Option<String> {
    if p == "LANG" {
        return Some(lang.code().to_string());
    }
    let offset = |s: &str| s.parse::<u32>().ok().filter(|n| *n <= MAX_OFFSET && !s.starts_with('+'));
    if let Some(n) = p.strip_prefix("MONTH+") {
        let (y, m) = month_from_index(school_month(first, offset(n)?));
        return Some(crate::i18n::month_year(lang, y, m));
    }
    if let Some(n) = p.strip_prefix("M+") {
        let (y, m) = month_from_index(school_month(first, offset(n)?));
        return Some(format!("{y:04}-{m:02}"));
    }
    if let Some(rest) = p.strip_prefix("Y+") {
        let (k, mm) = rest.split_once(':')?;
        let (y, m) = month_from_index(month_of_year(first, offset(k)?, calendar_month(mm)?));
        return Some(format!("{y:04}-{m:02}"));
    }
    None
}

/// A school month written as two digits, `01`–`12` without July: July is the summer holiday.
fn calendar_month(mm: &str) -> Option<u32> {
    let m: u32 = mm.parse().ok().filter(|_| mm.len() == 2 && mm.bytes().all(|b| b.is_ascii_digit()))?;
    ((1..=12).contains(&m) && m != 7).then_some(m)
}

/// The month index of calendar month `month` in year `k` of the plan: the twelve months from `first` + 12·`k`.
/// Each such year holds every calendar month once, so `Y+k:08` is always in year `k`, whatever the start.
fn month_of_year(first: i64, k: u32, month: u32) -> i64 {
    let year_start = first + 12 * i64::from(k);
    year_start + (i64::from(month) - 1 - year_start).rem_euclid(12)
}

/// The month index of school month `n`: `n` months after `first`, not counting July.
fn school_month(first: i64, n: u32) -> i64 {
    let mut m = first;
    let mut left = n;
    while left > 0 {
        m += 1;
        if m.rem_euclid(12) != 6 {
            left -= 1;
        }
    }
    m
}

/// Reads a `--start` value: any date the plan format accepts (`2026-08`, `august 2026`, `høst 2026`,
/// `2026-08-15`); the plan starts on the first day of its first month.
pub(crate) fn parse_start(s: &str) -> Result<NaiveDate, InitError> {
    let when = crate::when::parse(s).map_err(|e| InitError::Invalid(m::not_a_start(s, &e.message)))?;
    Ok(when.start.with_day(1).unwrap_or(when.start))
}

/// The start when none is given: the first day of the month after `today`.
pub(crate) fn default_start(today: NaiveDate) -> NaiveDate {
    let (y, m) = month_from_index(month_index(today) + 1);
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today)
}

/// Where the plan goes: `path`, or `<template>.toml` inside it when it is an existing directory or ends in a
/// path separator (`plans/`), or `<template>.toml` in the current directory when no path is given.
pub fn target_path(path: Option<&Path>, template: &str) -> PathBuf {
    let file = format!("{}.toml", template.trim().to_lowercase());
    match path {
        None => PathBuf::from(file),
        Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with(std::path::is_separator) => p.join(file),
        Some(p) => p.to_path_buf(),
    }
}

/// Writes `text` to `path`, creating its parent directories. An existing file is left alone
/// ([`InitError::Exists`]) unless `force`; then it is replaced at once (see [`crate::write`]), so that it is never
/// left half written.
pub fn write_new(path: &Path, text: &str, force: bool) -> Result<(), InitError> {
    let with_path =
        |e: io::Error, p: &Path| InitError::Io(io::Error::new(e.kind(), format!("{}: {e}", crate::escape::path(p))));
    if path.is_dir() {
        return Err(InitError::Invalid(m::is_a_directory(&crate::escape::path(path))));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| with_path(e, parent))?;
    }
    let existing = if force { crate::write::Existing::Replace } else { crate::write::Existing::Keep };
    match crate::write::write_file(path, text.as_bytes(), crate::write::WriteOptions { existing, force }) {
        Ok(_) => Ok(()),
        Err(crate::write::WriteError::Exists(p)) => Err(InitError::Exists(p)),
        Err(e) => Err(InitError::Invalid(e.text())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_failed_read_or_write_has_a_cause() {
        use std::error::Error;
        let io = InitError::Io(io::Error::other("disk full"));
        assert_eq!(io.source().map(|e| e.to_string()).as_deref(), Some("disk full"));
        assert!(InitError::Invalid(Text::verbatim("x")).source().is_none());
    }

    fn d(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn school_months_skip_july() {
        let first = month_index(d(2026, 8));
        let iso = |n| {
            let (y, m) = month_from_index(school_month(first, n));
            format!("{y}-{m:02}")
        };
        assert_eq!([iso(0), iso(4), iso(5), iso(10), iso(11)], ["2026-08", "2026-12", "2027-01", "2027-06", "2027-08"]);
        // Eleven school months are twelve calendar months, from any month but July.
        for m in (1..=12).filter(|m| *m != 7) {
            let first = month_index(d(2026, m));
            assert_eq!(school_month(first, 11) - first, 12, "start month {m}");
            assert_eq!(school_month(first, 22) - first, 24, "start month {m}");
        }
    }

    #[test]
    fn placeholders() {
        let t = "{{LANG}} {{M+0}} {{M+5}} {{MONTH+1}} {{M+10}}{{M+11}}";
        let first = month_index(d(2026, 8));
        assert_eq!(expand("t", t, first, Lang::Nb).unwrap(), "nb 2026-08 2027-01 september 2026 2027-062027-08");
        assert_eq!(expand("t", "{{MONTH+4}}", first, Lang::En).unwrap(), "December 2026");
        for bad in ["{{M+x}}", "{{M-1}}", "{{M++1}}", "{{Q+1}}", "{{D+1:15}}", "{{M+100}}", "{{m+1}}", "{{M+1"] {
            assert!(matches!(expand("t", bad, first, Lang::Nb), Err(InitError::Invalid(_))), "{bad}");
        }
    }

    #[test]
    fn a_month_of_a_year_is_that_calendar_month_inside_the_year() {
        let at = |start: NaiveDate, p: &str| expand("t", p, month_index(start), Lang::Nb).unwrap();
        assert_eq!(at(d(2026, 8), "{{Y+0:08}} {{Y+0:11}} {{Y+0:06}} {{Y+1:08}}"), "2026-08 2026-11 2027-06 2027-08");
        assert_eq!(at(d(2027, 1), "{{Y+0:08}} {{Y+0:01}} {{Y+0:12}} {{Y+2:03}}"), "2027-08 2027-01 2027-12 2029-03");
        assert_eq!(at(d(2026, 9), "{{Y+0:08}} {{Y+1:09}}"), "2027-08 2027-09");
        // Year k of the plan is school months 11k to 11k + 10, whatever the start and the month.
        for start in (1..=12).filter(|m| *m != 7).map(|m| d(2026, m)) {
            let first = month_index(start);
            for (k, mm) in (0..3).flat_map(|k| [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12].map(|mm| (k, mm))) {
                let month = month_of_year(first, k, mm);
                assert!(school_month(first, 11 * k) <= month && month <= school_month(first, 11 * k + 10));
                assert_eq!(month_from_index(month).1, mm);
            }
        }
        for bad in ["{{Y+0:07}}", "{{Y+0:8}}", "{{Y+0:13}}", "{{Y+0:00}}", "{{Y+1}}", "{{Y+x:08}}", "{{Y-1:08}}"] {
            assert!(matches!(expand("t", bad, month_index(d(2026, 8)), Lang::Nb), Err(InitError::Invalid(_))), "{bad}");
        }
    }

    #[test]
    fn july_is_august_and_years_are_bounded() {
        let july = render("mot", d(2026, 7), Lang::Nb).unwrap();
        assert_eq!(july, render("mot", d(2026, 8), Lang::Nb).unwrap());
        assert!(matches!(render("mot", d(9995, 1), Lang::Nb), Err(InitError::Invalid(_))));
        assert!(render("MOT", d(2026, 8), Lang::Nb).is_ok());
    }

    #[test]
    fn starts() {
        assert_eq!(parse_start("2026-08").unwrap(), d(2026, 8));
        assert_eq!(parse_start("høst 2026").unwrap(), d(2026, 8));
        assert_eq!(parse_start("2026-03-15").unwrap(), d(2026, 3));
        assert!(matches!(parse_start("2026-13"), Err(InitError::Invalid(_))));
        assert_eq!(default_start(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()), d(2027, 1));
    }
}
