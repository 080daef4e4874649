//! What an edit changes in an activity: its `status` and `done`, as splices of the text and as data to check them by.

use super::locate::Found;
use super::splice::{Splice, add_inline, add_lines, file_eol, line_end, line_start, remove_entry, separator};
use super::{Edit, EditError};
use crate::lang::Text;
use crate::messages::edit as m;
use crate::model::Status;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;
use toml_edit::{Item, TableLike, Value};

/// What the edit does to the data, for checking the new text against the old.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Change<T> {
    Keep,
    Set(T),
    Remove,
}

pub(super) struct EditPlan {
    pub(super) splices: Vec<Splice>,
    pub(super) status: Change<String>,
    pub(super) done: Change<NaiveDate>,
    pub(super) old_status: Status,
    pub(super) old_done: Option<NaiveDate>,
    pub(super) new_done: Option<NaiveDate>,
}

/// A key-value of the activity that implan may edit: a plain value with spans.
pub(super) struct Entry<'d> {
    pub(super) value: &'d Value,
    pub(super) key_span: Range<usize>,
    pub(super) value_span: Range<usize>,
}

fn entry<'d>(t: &'d dyn TableLike, name: &str, id: &str) -> Result<Option<Entry<'d>>, EditError> {
    let Some((key, item)) = t.get_key_value(name) else { return Ok(None) };
    let unsupported = |reason: fn(&str) -> Text| EditError::Unsupported { id: id.to_string(), reason: reason(name) };
    let value = match item {
        Item::Value(v) if v.as_inline_table().is_some_and(|t| t.is_dotted()) => {
            return Err(unsupported(m::key_dotted));
        }
        Item::Value(v) => v,
        Item::Table(_) | Item::ArrayOfTables(_) => return Err(unsupported(m::key_is_table)),
        Item::None => return Ok(None),
    };
    match (key.span(), value.span()) {
        (Some(key_span), Some(value_span)) => Ok(Some(Entry { value, key_span, value_span })),
        _ => Err(unsupported(m::key_misplaced)),
    }
}

pub(super) fn plan_edit(body: &str, found: &Found<'_>, id: &str, edit: &Edit) -> Result<EditPlan, EditError> {
    let t = found.table;
    let status_e = entry(t, "status", id)?;
    let done_e = entry(t, "done", id)?;

    let old_done = done_e.as_ref().and_then(|e| date_value(e.value));
    let old_status = match &status_e {
        Some(e) => e.value.as_str().and_then(Status::parse).unwrap_or(Status::Planned),
        None if done_e.is_some() => Status::Done,
        None => Status::Planned,
    };

    let mut splices = Vec::new();
    // Key-values to add, in order.
    let mut add: Vec<(&str, String)> = Vec::new();
    // A new status that goes on its own line just before `done`.
    let mut status_before_done = false;

    // `done` first: whether it stays decides whether a missing status must be written. A day offered for an
    // activity without a done date is taken only when there is no `done` key at all.
    let wanted = edit.done.or(edit.if_undated.filter(|_| done_e.is_none()));
    let (done_change, new_done) = match (edit.status, wanted, &done_e) {
        (Status::Done, Some(d), Some(_)) if old_done == Some(d) => (Change::Keep, Some(d)),
        (Status::Done, Some(d), Some(e)) => {
            splices.push(Splice { range: e.value_span.clone(), text: toml_date(d) });
            (Change::Set(d), Some(d))
        }
        (Status::Done, Some(d), None) => {
            add.push(("done", toml_date(d)));
            (Change::Set(d), Some(d))
        }
        (Status::Done, None, _) => (Change::Keep, old_done),
        (_, _, Some(e)) => {
            splices.push(remove_entry(body, t, found.inline, e));
            (Change::Remove, None)
        }
        (_, _, None) => (Change::Keep, None),
    };
    let done_stays = done_e.is_some() && done_change != Change::Remove;

    let word = edit.status.as_str();
    let status_change = match &status_e {
        Some(e) if e.value.as_str().and_then(Status::parse) == Some(edit.status) => Change::Keep,
        Some(e) => {
            let raw = &body[e.value_span.clone()];
            let quoted = if raw.starts_with('\'') { format!("'{word}'") } else { format!("\"{word}\"") };
            splices.push(Splice { range: e.value_span.clone(), text: quoted });
            Change::Set(word.to_string())
        }
        None if edit.status == Status::Planned && !done_stays => Change::Keep,
        None => {
            match &done_e {
                Some(d) if done_stays && !found.inline => {
                    status_before_done = true;
                }
                _ => add.insert(0, ("status", format!("\"{word}\""))),
            }
            Change::Set(word.to_string())
        }
    };

    if let (true, Some(d)) = (status_before_done, &done_e) {
        let start = line_start(body, d.key_span.start);
        let indent = &body[start..d.key_span.start];
        let eol = line_end(body, d.value_span.end).1.unwrap_or_else(|| file_eol(body));
        let sep = separator(body, d);
        splices.push(Splice { range: start..start, text: format!("{indent}status{sep}\"{word}\"{eol}") });
    }
    if !add.is_empty() {
        splices.push(if found.inline {
            add_inline(t, found.anchor, &add)
        } else {
            add_lines(body, t, found.anchor, &add)
        });
    }
    Ok(EditPlan { splices, status: status_change, done: done_change, old_status, old_done, new_done })
}

/// The day a `done` value names, if it names one: a TOML date (or date-time), or a string naming a day.
fn date_value(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Datetime(dt) => {
            let d = dt.value().date?;
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        Value::String(s) => match crate::when::parse(s.value()) {
            Ok(w) if w.precision == crate::when::Precision::Day => Some(w.start),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn toml_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use crate::edit::testing::{PLAN, day, done};
    use crate::edit::{Edit, EditError, apply};
    use crate::model::Status;
    use std::path::Path;

    #[test]
    fn an_existing_status_keeps_its_quotes_spacing_and_comment() {
        let id = "informasjonsmote-for-foreldre";
        let (new, out) = done(PLAN, id, "2026-04-20");
        let expected =
            PLAN.replace("  status = 'planlagt'   # not yet\n", "  status = 'done'   # not yet\n  done = 2026-04-20\n");
        assert_eq!(new, expected);
        assert_eq!(out.old_status, Status::Planned);

        let (new, out) = apply(PLAN, id, &Edit::status(Status::InProgress)).unwrap();
        assert_eq!(new, PLAN.replace("status = 'planlagt'", "status = 'in-progress'"));
        assert!(out.changed);
    }

    #[test]
    fn a_status_that_already_says_it_is_left_alone() {
        let (new, out) = apply(PLAN, "informasjonsmote-for-foreldre", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(new, PLAN);
        assert!(!out.changed);
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "'informasjonsmote-for-foreldre' is already planned (p.toml:17); nothing changed"
        );
        // No status at all is planned too: nothing is added.
        let (new, out) = apply(PLAN, "a", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(new, PLAN);
        assert!(!out.changed);

        let text = "[[activity]]\nid = \"a\"\nstatus = \"Gjennomført\"\ndone = \"12. mars 2026\"\n";
        let (new, out) = apply(text, "a", &Edit::status(Status::Done)).unwrap();
        assert_eq!(new, text);
        assert_eq!(out.old_done, Some(day("2026-03-12")));
        assert_eq!(out.done, Some(day("2026-03-12")));
        let (new, _) = done(text, "a", "2026-03-12");
        assert_eq!(new, text);
        let (new, out) = done(text, "a", "2026-03-13");
        assert_eq!(new, text.replace("\"12. mars 2026\"", "2026-03-13"));
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "marked 'a' done on 2026-03-13 (was done on 2026-03-12) (p.toml:1)"
        );
    }

    #[test]
    fn done_again_keeps_the_date_it_was_done() {
        let (marked, _) = done(PLAN, "a", "2026-03-12");
        let (again, out) = apply(&marked, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(again, marked);
        assert!(!out.changed && out.kept_date);
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "'a' is already done on 2026-03-12 (p.toml:11); its date is kept (--date gives another); nothing changed"
        );
        let (first, out) = apply(PLAN, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(first, done(PLAN, "a", "2026-11-30").0, "without a date yet, the day offered is taken");
        assert!(!out.kept_date);
        // Done by status alone, without a date: the day offered is not added to a `done` key that exists
        // unreadably, and it is added when there is none.
        let text = "[[activity]]\nid = \"a\"\nstatus = \"done\"\n";
        let (new, _) = apply(text, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(new, "[[activity]]\nid = \"a\"\nstatus = \"done\"\ndone = 2026-11-30\n");
        let e = apply(PLAN, "a", &Edit { status: Status::Planned, done: None, if_undated: Some(day("2026-01-01")) });
        assert!(matches!(e, Err(EditError::BadEdit(_))));
    }

    #[test]
    fn done_without_status_gets_a_status_just_before_it() {
        let text = "[[activity]]\n    id = \"a\"\n    done = 2026-01-01\n    when = \"2026\"\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            "[[activity]]\n    id = \"a\"\n    status = \"done\"\n    done = 2026-02-01\n    when = \"2026\"\n"
        );
    }

    #[test]
    fn a_status_written_out_where_the_date_already_said_done() {
        // `done = …` alone reads as done; marking it done on the same day writes the status and says nothing
        // about a previous date.
        let text = PLAN.replace("when = \"mai 2026\"\n", "when = \"mai 2026\"\ndone = 2026-05-02\n");
        let (new, out) = done(&text, "top", "2026-05-02");
        assert!(out.changed);
        assert!(new.contains("status = \"done\"\ndone = 2026-05-02\n"), "{new}");
        assert_eq!(out.message(Path::new("p.toml")).en(), "marked 'top' done on 2026-05-02 (p.toml:22)");
        let (_, out) = done(&text, "top", "2026-05-03");
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "marked 'top' done on 2026-05-03 (was done on 2026-05-02) (p.toml:22)"
        );
    }

    #[test]
    fn a_done_date_written_as_a_string_counts_only_when_it_names_a_day() {
        let with = |done: &str| PLAN.replace("when = \"mai 2026\"\n", &format!("when = \"mai 2026\"\ndone = {done}\n"));
        let (_, out) = apply(&with("\"2. mai 2026\""), "top", &Edit::status(Status::Done)).unwrap();
        assert_eq!(out.old_done, Some(day("2026-05-02")));
        let (_, out) = apply(&with("\"mai 2026\""), "top", &Edit::status(Status::Done)).unwrap();
        assert_eq!(out.old_done, None, "a month is not a day something was done");
    }

    #[test]
    fn a_status_written_with_dotted_keys_is_not_edited() {
        // In a `[[…]]` table the dotted key makes a table; in an inline one, a dotted inline table.
        let text = "[[activity]]\nid = \"a\"\ntitle = \"A\"\nstatus.word = \"done\"\n";
        let err = apply(text, "a", &Edit::status(Status::Planned)).unwrap_err();
        assert_eq!(err.to_string(), "cannot edit activity 'a' safely: its 'status' is a table; edit the file by hand");
        let text = "activity = [{ id = \"a\", title = \"A\", status.word = \"done\" }]\n";
        let err = apply(text, "a", &Edit::status(Status::Planned)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot edit activity 'a' safely: its 'status' is written with dotted keys; edit the file by hand"
        );
    }
}
