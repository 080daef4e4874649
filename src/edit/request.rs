//! What to record, as `implan done` and `implan set` ask for it.

use super::EditError;
use super::outcome::status_text;
use crate::messages::edit as m;
use crate::model::Status;
use crate::suggest::nearest;
use chrono::{Datelike, NaiveDate};

/// What to record for an activity.
///
/// - `status: Done, done: Some(date)`: done on that day; an existing `done` date is replaced.
/// - `status: Done, done: None`: done; an existing `done` date is kept, and `if_undated` is added when there is
///   none.
/// - any other status: `done` and `if_undated` must be `None`, and an existing `done` key is removed, because a
///   done date with another status is a contradiction the loader reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    pub status: Status,
    pub done: Option<NaiveDate>,
    /// The day to record when the activity has no done date yet (`implan done` without `--date`: today).
    pub if_undated: Option<NaiveDate>,
}

impl Edit {
    /// `implan done --date`: done on `date`.
    pub fn done_on(date: NaiveDate) -> Edit {
        Edit { status: Status::Done, done: Some(date), if_undated: None }
    }

    /// `implan done` without a date: done, on `today` unless it already has a done date, which is kept (running
    /// it again must not move the day something happened).
    pub(crate) fn done_unless_dated(today: NaiveDate) -> Edit {
        Edit { status: Status::Done, done: None, if_undated: Some(today) }
    }

    /// A status without a date (for `done`, an existing date is kept).
    pub fn status(status: Status) -> Edit {
        Edit { status, done: None, if_undated: None }
    }

    /// Reads the `KEY=VALUE` words of `implan set`: `status=…` (English or Norwegian, see [`Status::parse`])
    /// and `done=DATE` (see [`parse_date`]). `done=DATE` alone means `status=done`.
    pub fn from_assignments<S: AsRef<str>>(words: &[S]) -> Result<Edit, EditError> {
        let bad = EditError::BadEdit;
        let mut status: Option<Status> = None;
        let mut done: Option<NaiveDate> = None;
        for word in words {
            let word = word.as_ref();
            let Some((key, value)) = word.split_once('=') else {
                return Err(bad(m::not_key_value(word)));
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "status" => {
                    if status.is_some() {
                        return Err(bad(m::given_twice("status")));
                    }
                    status = Some(parse_status(value)?);
                }
                "done" => {
                    if done.is_some() {
                        return Err(bad(m::given_twice("done")));
                    }
                    done = Some(parse_date(value)?);
                }
                other => return Err(bad(m::cannot_set(other, nearest(other, ["status", "done"])))),
            }
        }
        let edit = match (status, done) {
            (None, None) => return Err(bad(m::nothing_to_set())),
            (None, Some(d)) => Edit::done_on(d),
            (Some(s), d) => Edit { status: s, done: d, if_undated: None },
        };
        edit.validate()?;
        Ok(edit)
    }

    pub(super) fn validate(&self) -> Result<(), EditError> {
        if let Some(d) = self.done.or(self.if_undated) {
            if self.status != Status::Done {
                return Err(EditError::BadEdit(m::date_needs_done(&status_text(self.status))));
            }
            if !(1..=9999).contains(&d.year()) {
                return Err(EditError::BadEdit(m::not_a_toml_date(&d.to_string())));
            }
        }
        Ok(())
    }
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
        let e = apply(PLAN, "a", &Edit { status: Status::Planned, done: Some(day("2026-01-01")), if_undated: None })
            .unwrap_err();
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
        assert_eq!(err(&[]), "nothing to set: write status=… and/or done=DATE");
        assert!(err(&["staus=done"]).contains("did you mean 'status'?"));
        assert!(err(&["status=ferdgi"]).starts_with("unknown status 'ferdgi'"));
        assert!(err(&["done=november 2026"]).contains("is not one day"));
        assert!(err(&["status=planned", "done=2026-01-01"]).contains("goes with status done"));
        assert!(err(&["status"]).starts_with("cannot read 'status'"));
        assert!(err(&["status=done", "status=done"]).contains("twice"));
    }
}
