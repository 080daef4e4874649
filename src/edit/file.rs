//! Reading the plan and writing the edited one: one edit at a time, and never over a file that changed since it was read.

use super::{Edit, EditError, Outcome, apply_loaded};
use std::fs;
use std::io;
use std::path::Path;

/// Reads the plan at `path` (refusing anything but a regular file), applies `edit` to the activity `id` and
/// writes the result atomically (see [`crate::write`]). Edits of one plan take turns ([`crate::write::lock`]):
/// each reads the file as the one before it left it. When the text would not change, nothing is written.
pub fn edit_file(path: &Path, id: &str, edit: &Edit) -> Result<Outcome, EditError> {
    edit_file_with(path, id, edit, false, None)
}

/// [`edit_file`]; `force` writes a read-only plan, one with other hard links, or one whose owner cannot be kept.
/// `loaded` is the plan as the caller loaded it, used when the file, read in this edit's turn, still holds the
/// text it was loaded from: a large file is then not loaded again to find the activity.
pub fn edit_file_with(
    path: &Path,
    id: &str,
    edit: &Edit,
    force: bool,
    loaded: Option<Loaded<'_>>,
) -> Result<Outcome, EditError> {
    let (_turn, original) = read_in_turn(path)?;
    edit_bytes_with(path, &original, id, edit, force, loaded)
}

/// Applies `edit` to `original`, the bytes the caller read from `path`, and writes the result atomically.
/// Refuses with [`EditError::Changed`] if the file no longer holds `original` — also when the edit changes
/// nothing, since the caller's view of the file is then out of date.
pub fn edit_bytes(path: &Path, original: &[u8], id: &str, edit: &Edit) -> Result<Outcome, EditError> {
    edit_bytes_with(path, original, id, edit, false, None)
}

fn edit_bytes_with(
    path: &Path,
    original: &[u8],
    id: &str,
    edit: &Edit,
    force: bool,
    loaded: Option<Loaded<'_>>,
) -> Result<Outcome, EditError> {
    let text = std::str::from_utf8(original).map_err(|_| EditError::NotText)?;
    let (new_text, mut outcome) = apply_loaded(text, id, edit, plan_of(text, loaded))?;
    if outcome.changed {
        let opts = crate::write::WriteOptions { existing: crate::write::Existing::ReplaceIfStill(original), force };
        outcome.forced = crate::write::write_file(path, new_text.as_bytes(), opts).map_err(|e| match e {
            crate::write::WriteError::Changed => EditError::Changed,
            e => EditError::Write(e),
        })?;
    } else if read_current(path)? != original {
        return Err(EditError::Changed);
    }
    Ok(outcome)
}

/// A plan the caller loaded, and the text it loaded it from (after a byte-order mark, as
/// [`crate::source::Source`] holds it): an edit of a file that still holds that text need not load it again.
#[derive(Clone, Copy)]
pub struct Loaded<'a> {
    pub text: &'a str,
    pub plan: &'a crate::model::Plan,
}

/// Adds `new` to the plan at `path` (see [`super::add`]), with the same care as [`edit_file_with`]: one edit at
/// a time, refused if the file changed since it was read, written atomically.
pub fn add_to_file(path: &Path, new: &super::NewActivity, force: bool) -> Result<super::Added, EditError> {
    add_to_file_with(path, new, force, None)
}

/// [`add_to_file`], with the plan as the caller loaded it: used when the file, read in this edit's turn, still
/// holds the text it was loaded from (`implan add` checks the plan before the change, and a plan of 100,000
/// activities takes half a second to load).
pub fn add_to_file_with(
    path: &Path,
    new: &super::NewActivity,
    force: bool,
    loaded: Option<Loaded<'_>>,
) -> Result<super::Added, EditError> {
    let (_turn, original) = read_in_turn(path)?;
    let text = std::str::from_utf8(&original).map_err(|_| EditError::NotText)?;
    let (new_text, added) = super::add::add_loaded(text, new, plan_of(text, loaded))?;
    let opts = crate::write::WriteOptions { existing: crate::write::Existing::ReplaceIfStill(&original), force };
    crate::write::write_file(path, new_text.as_bytes(), opts).map_err(|e| match e {
        crate::write::WriteError::Changed => EditError::Changed,
        e => EditError::Write(e),
    })?;
    Ok(added)
}

/// The plan the caller loaded, if it loaded it from `text` (after its byte-order mark).
fn plan_of<'a>(text: &str, loaded: Option<Loaded<'a>>) -> Option<&'a crate::model::Plan> {
    let body = text.strip_prefix(super::BOM).unwrap_or(text);
    loaded.filter(|l| l.text == body).map(|l| l.plan)
}

/// The plan's bytes, read once this edit's turn has come ([`crate::write::lock`]); the turn lasts as long as the
/// guard returned is kept.
fn read_in_turn(path: &Path) -> Result<(crate::write::Lock, Vec<u8>), EditError> {
    // Only a regular file: opening a named pipe to lock it would wait for a writer forever.
    crate::source::regular_file(path).map_err(EditError::Read)?;
    let turn = crate::write::lock(path).map_err(|e| match e {
        crate::write::LockError::Open(e) => EditError::Read(e),
        crate::write::LockError::Busy => EditError::Busy,
    })?;
    let original = crate::source::read_plan(path).map_err(EditError::Read)?;
    Ok((turn, original))
}

fn not_found_is_changed(e: io::Error) -> EditError {
    if e.kind() == io::ErrorKind::NotFound { EditError::Changed } else { EditError::Read(e) }
}

fn read_current(path: &Path) -> Result<Vec<u8>, EditError> {
    fs::read(path).map_err(not_found_is_changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::{PLAN, day, done};

    #[test]
    fn the_plan_a_caller_loaded_is_used_only_for_the_text_it_was_loaded_from() {
        let plan = crate::load::load(&crate::source::Source::new("p.toml", PLAN)).expect("loads");
        let loaded = || Some(Loaded { text: PLAN, plan: &plan });
        assert!(plan_of(PLAN, loaded()).is_some_and(|p| std::ptr::eq(p, &plan)));
        assert!(plan_of(&format!("{}{PLAN}", super::super::BOM), loaded()).is_some(), "after the byte-order mark");
        assert!(plan_of(&format!("{PLAN}\n"), loaded()).is_none(), "the file changed since");
        assert!(plan_of(PLAN, None).is_none());
    }

    #[test]
    fn a_file_gone_or_unreadable_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        let (once, _) = done(PLAN, "top", "2026-05-02");
        // Nothing to write, and the file is gone: the caller's view is out of date.
        let edit = Edit::done_on(day("2026-05-02"));
        assert!(matches!(edit_bytes(&path, once.as_bytes(), "top", &edit), Err(EditError::Changed)));
        // A directory where the file was: an error reading it, not a change.
        fs::create_dir(&path).unwrap();
        assert!(matches!(edit_bytes(&path, once.as_bytes(), "top", &edit), Err(EditError::Read(_))));
    }
}
