//! What to record, as `implan done` and `implan set` ask for it.

use super::EditError;
use super::outcome::status_text;
use crate::messages::edit as m;
use crate::model::Status;
use crate::suggest::nearest;
use chrono::{Datelike, NaiveDate};

/// What to change in an activity.
///
/// `status`, with `done` and `if_undated`, records progress:
/// - `Some(Done), done: Some(date)`: done on that day; an existing `done` date is replaced.
/// - `Some(Done), done: None`: done; an existing `done` date is kept, and `if_undated` is added when there is
///   none.
/// - any other status: `done` and `if_undated` must be `None`, and an existing `done` key is removed, because a
///   done date with another status is a contradiction the loader reports.
/// - `None`: status and done stay as they are (and `done` and `if_undated` must be `None`).
///
/// `keys` sets or removes other keys of the activity: `when`, `owner`, `title` … (see [`EDITABLE`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edit {
    pub status: Option<Status>,
    pub done: Option<NaiveDate>,
    /// The day to record when the activity has no done date yet (`implan done` without `--date`: today).
    pub if_undated: Option<NaiveDate>,
    /// Other keys to set (`Some`) or remove (`None`), each at most once.
    pub keys: Vec<(&'static str, Option<NewValue>)>,
    /// Postponing: write the `when` the activity has now as `postponed-from`, unless it has one already (the
    /// first date is the one the plan was approved with).
    pub keep_first_when: bool,
}

/// A value to write: text (a TOML string, or a bare TOML date where the file wrote the old one bare and the new
/// one is a day), or a list of texts (`owner = ["a", "b"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewValue {
    Text(String),
    List(Vec<String>),
}

/// The keys `implan set` changes besides `status` and `done`, each checked as the loader checks it. `id` is not
/// among them: other activities name it in `after`. (A test holds each to the schema.)
pub const EDITABLE: &[&str] = &["when", "end", "duration", "owner", "title", "notes", "reason", "postponed-from"];

impl Edit {
    /// `implan done --date`: done on `date`.
    pub fn done_on(date: NaiveDate) -> Edit {
        Edit { status: Some(Status::Done), done: Some(date), ..Edit::default() }
    }

    /// `implan done` without a date: done, on `today` unless it already has a done date, which is kept (running
    /// it again must not move the day something happened).
    pub(crate) fn done_unless_dated(today: NaiveDate) -> Edit {
        Edit { status: Some(Status::Done), if_undated: Some(today), ..Edit::default() }
    }

    /// A status without a date (for `done`, an existing date is kept).
    pub fn status(status: Status) -> Edit {
        Edit { status: Some(status), ..Edit::default() }
    }

    /// `implan move`: a new `when`, and a new `end` when one is given (an activity with an `end` must be given
    /// one, or it would keep an end that no longer fits).
    pub fn move_to(when: &str, end: Option<&str>) -> Result<Edit, EditError> {
        let mut edit = Edit::default();
        edit.set("when", when)?;
        if let Some(end) = end {
            edit.set("end", end)?;
        }
        Ok(edit)
    }

    /// `implan postpone`: status postponed, a new `when` (and `end`), the first `when` kept as `postponed-from`,
    /// and the reason, when one is given.
    pub fn postpone(when: &str, end: Option<&str>, reason: Option<&str>) -> Result<Edit, EditError> {
        let mut edit = Edit::move_to(when, end)?;
        edit.status = Some(Status::Postponed);
        edit.keep_first_when = true;
        if let Some(reason) = reason {
            edit.set("reason", reason)?;
        }
        Ok(edit)
    }

    /// Reads the `KEY=VALUE` words of `implan set`: `status=…` (English or Norwegian, see [`Status::parse`]),
    /// `done=DATE` (see [`parse_date`]), and the keys of [`EDITABLE`]. `done=DATE` alone means `status=done`;
    /// an empty value removes an optional key (`end=`, `notes=`).
    pub fn from_assignments<S: AsRef<str>>(words: &[S]) -> Result<Edit, EditError> {
        let bad = EditError::BadEdit;
        let mut edit = Edit::default();
        let mut status_given = false;
        for word in words {
            let word = word.as_ref();
            let Some((key, value)) = word.split_once('=') else {
                return Err(bad(m::not_key_value(word)));
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "status" => {
                    if status_given {
                        return Err(bad(m::given_twice("status")));
                    }
                    status_given = true;
                    edit.status = Some(parse_status(value)?);
                }
                "done" => {
                    if edit.done.is_some() {
                        return Err(bad(m::given_twice("done")));
                    }
                    edit.done = Some(parse_date(value)?);
                }
                other => {
                    let known = ["status", "done"].into_iter().chain(EDITABLE.iter().copied());
                    let Some(key) = EDITABLE.iter().copied().find(|k| *k == other) else {
                        return Err(bad(m::cannot_set(other, nearest(other, known))));
                    };
                    edit.set(key, value)?;
                }
            }
        }
        if edit.done.is_some() && edit.status.is_none() {
            edit.status = Some(Status::Done);
        }
        if edit.status.is_none() && edit.keys.is_empty() {
            return Err(bad(m::nothing_to_set()));
        }
        edit.validate()?;
        Ok(edit)
    }

    /// Sets `key` to `value` as the loader would read it, or removes an optional key given an empty value.
    fn set(&mut self, key: &'static str, value: &str) -> Result<(), EditError> {
        if self.keys.iter().any(|(k, _)| *k == key) {
            return Err(EditError::BadEdit(m::given_twice(key)));
        }
        let new = new_value(key, value)?;
        self.keys.push((key, new));
        Ok(())
    }

    pub(super) fn validate(&self) -> Result<(), EditError> {
        if let Some(d) = self.done.or(self.if_undated) {
            match self.status {
                Some(Status::Done) => {}
                Some(s) => return Err(EditError::BadEdit(m::date_needs_done(&status_text(s)))),
                None => return Err(EditError::BadEdit(m::date_needs_done(&m::no_status()))),
            }
            if !(1..=9999).contains(&d.year()) {
                return Err(EditError::BadEdit(m::not_a_toml_date(&d.to_string())));
            }
        }
        Ok(())
    }

    /// The value `key` is set to, if the edit sets it.
    pub(super) fn value_of(&self, key: &str) -> Option<&NewValue> {
        self.keys.iter().find(|(k, _)| *k == key).and_then(|(_, v)| v.as_ref())
    }
}

/// A value for `key` checked as the loader checks it: a `when` the date reader reads, a duration it reads, a
/// title that is not empty, owners as a comma-separated list. An empty value removes a key that may be left out.
fn new_value(key: &'static str, value: &str) -> Result<Option<NewValue>, EditError> {
    let bad = EditError::BadEdit;
    if value.is_empty() {
        return match key {
            "when" | "title" => Err(bad(m::cannot_remove(key))),
            _ => Ok(None),
        };
    }
    match key {
        "when" | "end" | "postponed-from" => {
            crate::when::parse(value).map_err(|e| bad(m::cannot_read_date(value, &e.message)))?;
        }
        "duration" => {
            crate::when::parse_duration(value).map_err(|e| bad(m::cannot_read_date(value, &e.message)))?;
        }
        "owner" => {
            let owners: Vec<String> =
                value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
            return Ok(Some(match owners.as_slice() {
                [one] => NewValue::Text(one.clone()),
                _ => NewValue::List(owners),
            }));
        }
        _ => {}
    }
    Ok(Some(NewValue::Text(value.to_string())))
}

/// A status as `implan set` takes it: English or Norwegian, any letter case.
pub(crate) fn parse_status(s: &str) -> Result<Status, EditError> {
    Status::parse(s).ok_or_else(|| EditError::BadEdit(m::unknown_status(s)))
}

/// A day as `--date` and `done=` take it: `2026-11-23`, `"23. november 2026"`, `"23 November 2026"`; any form
/// of [`crate::when::parse`] that names one day.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, EditError> {
    match crate::when::parse(s) {
        Ok(w) if w.precision == crate::when::Precision::Day => Ok(w.start),
        Ok(_) => Err(EditError::BadEdit(m::not_one_day(s))),
        Err(e) => Err(EditError::BadEdit(m::cannot_read_date(s, &e.message))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::edit::testing::{PLAN, day};

    #[test]
    fn contradictory_edits_are_refused() {
        let e = apply(PLAN, "a", &Edit { done: Some(day("2026-01-01")), ..Edit::status(Status::Planned) }).unwrap_err();
        assert_eq!(e.to_string(), "a done date goes with status done, not with 'planned'");
        let far = NaiveDate::from_ymd_opt(10000, 1, 1).unwrap();
        assert!(matches!(apply(PLAN, "a", &Edit::done_on(far)), Err(EditError::BadEdit(_))));
    }

    #[test]
    fn assignments() {
        assert_eq!(Edit::from_assignments(&["status=done"]).unwrap(), Edit::status(Status::Done));
        assert_eq!(Edit::from_assignments(&["status=Pågår"]).unwrap(), Edit::status(Status::InProgress));
        assert_eq!(
            Edit::from_assignments(&["status=gjennomført", "done=2026-11-23"]).unwrap(),
            Edit::done_on(day("2026-11-23"))
        );
        assert_eq!(Edit::from_assignments(&["done = 23. november 2026"]).unwrap(), Edit::done_on(day("2026-11-23")));
        let err = |w: &[&str]| Edit::from_assignments(w).unwrap_err().to_string();
        assert_eq!(
            err(&[]),
            "nothing to set: write KEY=VALUE, such as status=done, when=\"April 2027\" or owner=principal"
        );
        assert!(err(&["staus=done"]).contains("did you mean 'status'?"));
        assert!(err(&["status=ferdgi"]).starts_with("unknown status 'ferdgi'"));
        assert!(err(&["done=november 2026"]).contains("is not one day"));
        assert!(err(&["status=planned", "done=2026-01-01"]).contains("goes with status done"));
        assert!(err(&["status"]).starts_with("cannot read 'status'"));
        assert!(err(&["status=done", "status=done"]).contains("twice"));
    }
}
