//! Recording progress in a plan file: format-preserving, atomic edits of an activity's status.
//!
//! `implan done` and `implan set` change one activity's `status` (and `done` date) and nothing else: every
//! other byte of the file — comments, key order, spacing, quoting, CRLF line endings, a byte-order mark —
//! stays as it was.
//!
//! toml_edit's parser finds the activity and the exact byte spans of its keys and values; the edit is then a
//! few splices of the original text at those spans. (Re-printing a `toml_edit::DocumentMut` is not byte-exact:
//! it writes `\n` after every key and table header of a CRLF file and drops a byte-order mark.) Before anything
//! is written, the new text is parsed again and compared with the old one: it must hold the same data except
//! for the activity's `status` and `done`, or the edit is refused.
//!
//! The layers:
//! - [`apply`] is pure: old text in, new text out. Tests use it to check byte-exactness.
//! - [`edit_bytes`] applies an edit to bytes the caller read earlier and writes the result with [`write_atomic`],
//!   which refuses if the file no longer holds those bytes.
//! - [`edit_file`] reads the file and calls [`edit_bytes`].

mod add;
mod change;
mod error;
mod file;
mod locate;
mod outcome;
mod piecewise;
mod request;
mod splice;
mod verify;
mod wording;

pub use add::{Added, NewActivity, add, add_in_piece, add_whole};
pub use change::KeyChange;
pub use error::EditError;
pub use file::{Loaded, add_to_file, add_to_file_with, edit_bytes, edit_file, edit_file_with};
pub use outcome::Outcome;
pub(crate) use request::parse_date;
pub use request::{EDITABLE, Edit, NewValue};

use change::plan_edit;
use locate::{Found, activities};
use piecewise::piecewise;
use splice::{line_of, splice};
use toml_edit::Item;
use verify::verify;
use wording::Wording;

const BOM: &str = "\u{feff}";

/// The new text of a plan, with `edit` applied to the activity `id`. Pure: no I/O.
///
/// The activity is the one in `[[activity]]` or in some `[[phase]]`'s `[[phase.activity]]` (or the inline-table
/// forms of either) whose `id` is `id`, or, without an `id` key, whose title makes that id
/// ([`crate::model::slug`]). An existing `status` keeps its place, quote style, spacing and trailing comment;
/// only its value changes, and not at all when it already says the new status (in any accepted word). A new
/// `status` and `done` go at the end of the activity's key-values (a new `status` goes just before an existing
/// `done`), indented like the activity's keys and ended like its lines (CRLF in a CRLF file).
pub fn apply(text: &str, id: &str, edit: &Edit) -> Result<(String, Outcome), EditError> {
    apply_loaded(text, id, edit, None)
}

/// [`apply`], given the plan the text after its byte-order mark loads to, when the caller has it: a large file
/// is then not loaded again to find the activity.
fn apply_loaded(
    text: &str,
    id: &str,
    edit: &Edit,
    loaded: Option<&crate::model::Plan>,
) -> Result<(String, Outcome), EditError> {
    edit.validate()?;
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text),
    };
    if body.len() >= crate::load::PIECES_FROM
        && let Some((new_body, outcome)) = piecewise(body, id, edit, loaded)
    {
        return Ok((format!("{bom}{new_body}"), outcome));
    }
    apply_whole_body(bom, body, id, edit)
}

/// [`apply`] through the piece of the file that holds the activity, whatever the file's size (`apply` takes
/// this way from 1 MB): `None` when the edit cannot be made and proved that way, and for every error. Public
/// so that tests can hold it to [`apply_whole`].
pub fn apply_in_piece(text: &str, id: &str, edit: &Edit) -> Option<(String, Outcome)> {
    edit.validate().ok()?;
    match text.strip_prefix(BOM) {
        Some(body) => piecewise(body, id, edit, None).map(|(t, o)| (format!("{BOM}{t}"), o)),
        None => piecewise(text, id, edit, None),
    }
}

/// [`apply`] through one whole parse of the file, whatever its size: the reference the piecewise edit of large
/// files is tested against.
pub fn apply_whole(text: &str, id: &str, edit: &Edit) -> Result<(String, Outcome), EditError> {
    edit.validate()?;
    match text.strip_prefix(BOM) {
        Some(body) => apply_whole_body(BOM, body, id, edit),
        None => apply_whole_body("", text, id, edit),
    }
}

/// [`apply_body`] on a whole file, with the plan's start when a done date was written (for the `done-date`
/// warning), read as the loader reads it: the start may count agreement years ("første avtaleår").
fn apply_whole_body(bom: &str, body: &str, id: &str, edit: &Edit) -> Result<(String, Outcome), EditError> {
    let (text, mut outcome) = apply_body(bom, body, id, edit, None)?;
    if outcome.wrote_a_date() {
        outcome.plan_start =
            crate::load::load(&crate::source::Source::new("plan.toml", body)).ok().map(|p| p.start.value.start);
    }
    Ok((text, outcome))
}

/// [`apply`] on the whole text after its byte-order mark, `bom`, writing a status in `wording`; without one,
/// in the wording of this text ([`wording_of`]).
fn apply_body(
    bom: &str,
    body: &str,
    query: &str,
    edit: &Edit,
    wording: Option<Wording>,
) -> Result<(String, Outcome), EditError> {
    let doc = parse(body)?;
    let activities = activities(doc.as_table());
    let wording = wording.unwrap_or_else(|| wording_of(doc.as_table(), &activities));
    fn title_of<'d>(f: &Found<'d>) -> Option<&'d str> {
        f.table.get("title").and_then(Item::as_str)
    }
    let candidates: Vec<(Option<&str>, Option<&str>)> =
        activities.iter().map(|a| (a.id.as_deref(), title_of(a))).collect();
    let found = &activities[locate::pick(query, &candidates)?];
    let id = found.id.as_deref().unwrap_or(query);
    let plan = plan_edit(body, found, id, edit, wording)?;
    let new_body = splice(body, &plan.splices).ok_or_else(|| EditError::Unsupported {
        id: id.to_string(),
        reason: crate::messages::edit::changes_overlap(),
    })?;
    let changed = new_body != body;
    if changed {
        verify(body, &new_body, &found.path, &plan)
            .map_err(|reason| EditError::Unsupported { id: id.to_string(), reason })?;
    }
    let outcome = Outcome {
        id: id.to_string(),
        title: title_of(found).map(str::to_string),
        by_id: query == id,
        line: line_of(body, found.anchor),
        old_status: plan.old_status,
        new_status: edit.status,
        old_done: plan.old_done,
        done: plan.new_done,
        keys: plan.keys,
        changed,
        kept_date: edit.if_undated.is_some() && plan.old_done.is_some_and(|d| Some(d) != edit.if_undated),
        plan_start: None,
        forced: Vec::new(),
    };
    Ok((format!("{bom}{new_body}"), outcome))
}

/// How the document writes its statuses: its `[plan]`'s `lang` and its activities' `status` values.
fn wording_of(root: &toml_edit::Table, activities: &[Found<'_>]) -> Wording {
    let declared =
        root.get("plan").and_then(|p| p.get("lang")).and_then(Item::as_str).and_then(crate::lang::Lang::parse);
    Wording::of(declared, activities.iter().filter_map(|a| a.table.get("status").and_then(Item::as_str)))
}

/// The document, or where it stops being TOML.
fn parse(body: &str) -> Result<toml_edit::Document<&str>, EditError> {
    toml_edit::Document::parse(body).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(body, s.start));
        EditError::Parse(crate::messages::edit::toml_error_at(line, e.message().trim()))
    })
}

/// An activity as an edit finds it: its id (the `id` key, or the title's slug) and its title, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: Option<String>,
    pub title: Option<String>,
}

/// Every activity of a plan's text that [`apply`] can pick, in file order: those in `[[phase]]`s first, then the
/// top-level ones. A text that is not TOML holds none it could edit: [`EditError::Parse`].
pub fn activities_in(text: &str) -> Result<Vec<Listed>, EditError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let doc = parse(body)?;
    let listed = activities(doc.as_table())
        .into_iter()
        .map(|a| Listed { id: a.id, title: a.table.get("title").and_then(Item::as_str).map(str::to_string) })
        .collect();
    Ok(listed)
}

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::{PLAN, day, done};
    use crate::model::Status;

    #[test]
    fn crlf_and_bom_are_kept() {
        let crlf = format!("{BOM}{}", PLAN.replace('\n', "\r\n"));
        let (new, out) = done(&crlf, "a", "2026-11-23");
        let (lf, _) = done(PLAN, "a", "2026-11-23");
        assert_eq!(new, format!("{BOM}{}", lf.replace('\n', "\r\n")));
        assert_eq!(out.line, 11);
        let (new, _) = done(&crlf, "informasjonsmote-for-foreldre", "2026-11-23");
        assert!(new.starts_with(BOM));
        assert_eq!(new.matches('\n').count(), new.matches("\r\n").count());
    }

    #[test]
    fn unknown_and_duplicate_ids_are_refused() {
        match apply(PLAN, "tpo", &Edit::status(Status::Done)) {
            Err(e @ EditError::NotFound { .. }) => {
                assert_eq!(e.to_string(), "no activity has the id or title 'tpo'; did you mean 'top'?");
                assert_eq!(
                    e.text().get(crate::lang::Lang::Nn),
                    "ingen aktivitet har id-en eller tittelen 'tpo'; meinte du 'top'?"
                );
            }
            other => panic!("{other:?}"),
        }
        match apply(PLAN, "zzzzzz", &Edit::status(Status::Done)) {
            Err(EditError::NotFound { suggestion: None, .. }) => {}
            other => panic!("{other:?}"),
        }
        let text = "[[activity]]\nid = \"a\"\n[[phase]]\nid = \"p\"\n[[phase.activity]]\ntitle = \"A\"\n";
        match apply(text, "a", &Edit::status(Status::Done)) {
            Err(e @ EditError::Ambiguous { count: 2, .. }) => assert!(e.to_string().starts_with("2 activities have")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_prefix_of_a_plan_is_handled_without_panicking() {
        let crlf = format!("{BOM}{}", PLAN.replace('\n', "\r\n"));
        for text in [PLAN, crlf.as_str()] {
            for (i, _) in text.char_indices() {
                for id in ["a", "top", "informasjonsmote-for-foreldre"] {
                    for edit in [Edit::done_on(day("2026-01-01")), Edit::status(Status::Cancelled)] {
                        if let Ok((new, _)) = apply(&text[..i], id, &edit) {
                            let (again, out) = apply(&new, id, &edit).unwrap();
                            assert_eq!(again, new, "editing twice changes nothing more");
                            assert!(!out.changed);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_status_is_written_in_the_words_the_plan_uses() {
        let plan = |lang: &str, b: &str| {
            format!(
                "[plan]\ntitle = \"P\"\nstart = \"2026\"\nend = \"2027\"\n{lang}\n\n\
                 [[activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"2026\"\n\n\
                 [[activity]]\nid = \"b\"\ntitle = \"B\"\nwhen = \"2026\"\n{b}\n"
            )
        };
        let written = |text: &str, status| {
            let (new, _) = apply(text, "a", &Edit::status(status)).unwrap();
            new.lines().find_map(|l| l.strip_prefix("status = ")).map(str::to_string).unwrap_or_default()
        };
        assert_eq!(written(&plan("lang = \"nn\"", ""), Status::InProgress), "\"i gang\"");
        assert_eq!(written(&plan("lang = \"nynorsk\"", ""), Status::Cancelled), "\"avlyst\"");
        assert_eq!(written(&plan("lang = \"nb\"", ""), Status::Done), "\"gjennomført\"");
        assert_eq!(written(&plan("lang = \"en\"", ""), Status::InProgress), "\"in-progress\"");
        assert_eq!(written(&plan("", ""), Status::Postponed), "\"postponed\"");
        // The other activities' words win over the plan's `lang`.
        assert_eq!(written(&plan("lang = \"nb\"", "status = \"done\""), Status::Cancelled), "\"cancelled\"");
        assert_eq!(written(&plan("lang = \"en\"", "status = 'utsett'"), Status::Done), "\"gjennomført\"");
        assert_eq!(written(&plan("", "status = 'utsett'"), Status::Postponed), "\"utsett\"");
        assert_eq!(written(&plan("", "status = \"Avlyst\""), Status::Postponed), "\"utsatt\"");
        // An edit of a Norwegian file writes what the loader reads as the status asked for.
        let text = plan("lang = \"nn\"", "");
        for status in [Status::Planned, Status::InProgress, Status::Done, Status::Cancelled, Status::Postponed] {
            let (new, _) = apply(&text, "a", &Edit::status(status)).unwrap();
            let loaded = crate::load::load(&crate::source::Source::new("p.toml", new.as_str()));
            let a = &loaded.expect("loads").activities[0];
            assert_eq!(a.status, status, "{new}");
        }
    }

    #[test]
    fn the_plans_start_is_looked_up_only_when_a_date_was_written() {
        let (_, dated) = done(PLAN, "top", "2026-05-02");
        assert_eq!(dated.plan_start, Some(day("2026-01-01")));
        let (_, cancelled) = apply(PLAN, "top", &Edit::status(Status::Cancelled)).unwrap();
        assert_eq!(cancelled.plan_start, None);
        let (once, _) = done(PLAN, "top", "2026-05-02");
        let (_, again) = done(&once, "top", "2026-05-02");
        assert!(!again.changed);
        assert_eq!(again.plan_start, None, "nothing was written");
    }
}
