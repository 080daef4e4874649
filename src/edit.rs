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

use crate::model::{Plan, Status, slug};
use crate::suggest::nearest;
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;
use toml_edit::{Item, TableLike, Value};

const BOM: &str = "\u{feff}";

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
    pub fn done_unless_dated(today: NaiveDate) -> Edit {
        Edit { status: Status::Done, done: None, if_undated: Some(today) }
    }

    /// A status without a date (for `done`, an existing date is kept).
    pub fn status(status: Status) -> Edit {
        Edit { status, done: None, if_undated: None }
    }

    /// Reads the `KEY=VALUE` words of `implan set`: `status=…` (English or Norwegian, see [`Status::parse`])
    /// and `done=DATE` (see [`parse_date`]). `done=DATE` alone means `status=done`.
    pub fn from_assignments<S: AsRef<str>>(words: &[S]) -> Result<Edit, EditError> {
        let bad = |m: String| EditError::BadEdit(m);
        let mut status: Option<Status> = None;
        let mut done: Option<NaiveDate> = None;
        for word in words {
            let word = word.as_ref();
            let Some((key, value)) = word.split_once('=') else {
                return Err(bad(format!(
                    "cannot read '{word}': write KEY=VALUE, such as status=done or done=2026-11-23"
                )));
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "status" => {
                    if status.is_some() {
                        return Err(bad("'status' is given twice".into()));
                    }
                    status = Some(parse_status(value)?);
                }
                "done" => {
                    if done.is_some() {
                        return Err(bad("'done' is given twice".into()));
                    }
                    done = Some(parse_date(value)?);
                }
                other => {
                    let help = match nearest(other, ["status", "done"]) {
                        Some(s) => format!("did you mean '{s}'? "),
                        None => String::new(),
                    };
                    return Err(bad(format!("cannot set '{other}': {help}implan set changes 'status' and 'done'")));
                }
            }
        }
        let edit = match (status, done) {
            (None, None) => return Err(bad("nothing to set: write status=… and/or done=DATE".into())),
            (None, Some(d)) => Edit::done_on(d),
            (Some(s), d) => Edit { status: s, done: d, if_undated: None },
        };
        edit.validate()?;
        Ok(edit)
    }

    fn validate(&self) -> Result<(), EditError> {
        if let Some(d) = self.done.or(self.if_undated) {
            if self.status != Status::Done {
                return Err(EditError::BadEdit(format!(
                    "a done date goes with status done, not with '{}'",
                    self.status.as_str()
                )));
            }
            if !(1..=9999).contains(&d.year()) {
                return Err(EditError::BadEdit(format!("{d} cannot be written as a TOML date")));
            }
        }
        Ok(())
    }
}

/// A status as `implan set` takes it: English or Norwegian, any letter case.
pub fn parse_status(s: &str) -> Result<Status, EditError> {
    Status::parse(s).ok_or_else(|| {
        EditError::BadEdit(format!(
            "unknown status '{s}': write planned, in-progress, done or cancelled (or planlagt, pågår, gjennomført, avlyst)"
        ))
    })
}

/// A day as `--date` and `done=` take it: `2026-11-23`, `"23. november 2026"`, `"23 November 2026"`; any form
/// of [`crate::when::parse`] that names one day.
pub fn parse_date(s: &str) -> Result<NaiveDate, EditError> {
    let bad = |m: String| EditError::BadEdit(m);
    match crate::when::parse(s) {
        Ok(w) if w.precision == crate::when::Precision::Day => Ok(w.start),
        Ok(_) => Err(bad(format!("'{s}' is not one day: write a date such as 2026-11-23"))),
        Err(e) => Err(bad(format!("cannot read the date '{s}': {}", e.message))),
    }
}

/// What an edit did, for the one-line confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The activity's id (as given, which is the `id` key or the id derived from the title).
    pub id: String,
    /// The activity's title, when it has a string one.
    pub title: Option<String>,
    /// The 1-based line of the activity's `[[activity]]` / `[[phase.activity]]` header (or of its inline table),
    /// counted as [`crate::source::Source`] counts: after a byte-order mark.
    pub line: usize,
    /// The status before, as the loader reads it: an absent or unreadable status is planned; a `done` date
    /// without a status is done.
    pub old_status: Status,
    pub new_status: Status,
    /// The `done` date before, when there was a readable one.
    pub old_done: Option<NaiveDate>,
    /// The `done` date after.
    pub done: Option<NaiveDate>,
    /// Whether the text changed. When it did not, nothing is written.
    pub changed: bool,
    /// Whether an existing done date was kept where [`Edit::if_undated`] offered another day.
    pub kept_date: bool,
    /// The first day of the plan, when the edit wrote a done date and the plan loads: a done date before it is
    /// suspect.
    pub plan_start: Option<NaiveDate>,
    /// What `--force` let through when the file was written.
    pub forced: Vec<crate::write::Forced>,
}

impl Outcome {
    /// Whether the edit wrote a done date (the only time the plan's start is wanted).
    fn wrote_a_date(&self) -> bool {
        self.changed && self.done.is_some()
    }

    /// A one-line confirmation such as `marked 'oppstartsmote' done on 2026-11-23 (plans/beiarn-omni.toml:181)`,
    /// saying what was removed and what was kept.
    pub fn message(&self, path: &Path) -> String {
        let at = format!("({}:{})", crate::escape::path(path), self.line);
        let id = crate::escape::visible(&self.id);
        let state = match (self.new_status, self.done) {
            (Status::Done, Some(d)) => format!("done on {d}"),
            (s, _) => s.as_str().to_string(),
        };
        let kept = if self.kept_date { "; its date is kept (--date gives another)" } else { "" };
        if !self.changed {
            return format!("'{id}' is already {state} {at}{kept}; nothing changed");
        }
        let was = match (self.old_status, self.old_done) {
            (s, _) if s != self.new_status => format!(" (was {})", s.as_str()),
            (_, Some(d)) if self.done != Some(d) => format!(" (was done on {d})"),
            _ => String::new(),
        };
        let removed = match (self.old_done, self.done) {
            (Some(d), None) => format!("; removed done = {d}"),
            _ => String::new(),
        };
        let forced: String = self.forced.iter().map(|f| format!("; {f}")).collect();
        format!("marked '{id}' {state}{was}{removed}{kept}{forced} {at}")
    }
}

/// Why an edit was refused. Nothing is written when an edit is refused.
#[derive(Debug)]
pub enum EditError {
    /// The file could not be read.
    Read(io::Error),
    /// The file is not UTF-8 text.
    NotText,
    /// The file is not valid TOML: the message, with its line.
    Parse(String),
    /// No activity has this id.
    NotFound { id: String, suggestion: Option<String> },
    /// More than one activity has this id.
    Ambiguous { id: String, count: usize },
    /// The activity's `status` or `done` is written in a way implan cannot edit safely (a table, say).
    Unsupported { id: String, reason: String },
    /// The edit asked for is contradictory or unreadable (a done date with status planned, an unknown status).
    BadEdit(String),
    /// The file on disk is no longer what was read.
    Changed,
    /// Another edit of the plan held it for longer than [`crate::write::LOCK_WAIT`].
    Busy,
    /// Writing the new file failed or was refused; the original is untouched.
    Write(crate::write::WriteError),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Read(e) => write!(f, "cannot read the plan: {e}"),
            EditError::NotText => {
                f.write_str("the plan is not UTF-8 text; save it as UTF-8 in your editor and try again")
            }
            EditError::Parse(m) => write!(f, "the plan is not valid TOML ({m}); run implan check and fix it first"),
            EditError::NotFound { id, suggestion: Some(s) } => {
                write!(f, "no activity has the id '{id}'; did you mean '{s}'?")
            }
            EditError::NotFound { id, suggestion: None } => write!(f, "no activity has the id '{id}'"),
            EditError::Ambiguous { id, count } => {
                write!(f, "{count} activities have the id '{id}'; give them different ids (id = \"…\") and try again")
            }
            EditError::Unsupported { id, reason } => {
                write!(f, "cannot edit activity '{id}' safely: {reason}; edit the file by hand")
            }
            EditError::BadEdit(m) => f.write_str(m),
            EditError::Changed => f.write_str(
                "the plan changed on disk while implan was editing it; nothing was written, run the command again",
            ),
            EditError::Busy => write!(
                f,
                "another implan has been editing the plan for {} s; nothing was written, try again",
                crate::write::LOCK_WAIT.as_secs()
            ),
            EditError::Write(e @ crate::write::WriteError::Io { .. }) => {
                write!(f, "{e}; the plan is unchanged")
            }
            EditError::Write(e) => write!(f, "{e}; the plan is unchanged (--force writes it anyway)"),
        }
    }
}

impl std::error::Error for EditError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EditError::Read(e) => Some(e),
            EditError::Write(e) => Some(e),
            _ => None,
        }
    }
}

/// Reads the plan at `path` (refusing anything but a regular file), applies `edit` to the activity `id` and
/// writes the result atomically (see [`crate::write`]). Edits of one plan take turns ([`crate::write::lock`]):
/// each reads the file as the one before it left it. When the text would not change, nothing is written.
pub fn edit_file(path: &Path, id: &str, edit: &Edit) -> Result<Outcome, EditError> {
    edit_file_with(path, id, edit, false)
}

/// [`edit_file`]; `force` writes a read-only plan, one with other hard links, or one whose owner cannot be kept.
pub fn edit_file_with(path: &Path, id: &str, edit: &Edit, force: bool) -> Result<Outcome, EditError> {
    // Only a regular file: opening a named pipe to lock it would wait for a writer forever.
    crate::source::regular_file(path).map_err(EditError::Read)?;
    let _turn = crate::write::lock(path).map_err(|e| match e {
        crate::write::LockError::Open(e) => EditError::Read(e),
        crate::write::LockError::Busy => EditError::Busy,
    })?;
    let original = crate::source::read_plan(path).map_err(EditError::Read)?;
    edit_bytes_with(path, &original, id, edit, force)
}

/// Applies `edit` to `original`, the bytes the caller read from `path`, and writes the result atomically.
/// Refuses with [`EditError::Changed`] if the file no longer holds `original` — also when the edit changes
/// nothing, since the caller's view of the file is then out of date.
pub fn edit_bytes(path: &Path, original: &[u8], id: &str, edit: &Edit) -> Result<Outcome, EditError> {
    edit_bytes_with(path, original, id, edit, false)
}

fn edit_bytes_with(path: &Path, original: &[u8], id: &str, edit: &Edit, force: bool) -> Result<Outcome, EditError> {
    let text = std::str::from_utf8(original).map_err(|_| EditError::NotText)?;
    let (new_text, mut outcome) = apply(text, id, edit)?;
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

fn not_found_is_changed(e: io::Error) -> EditError {
    if e.kind() == io::ErrorKind::NotFound { EditError::Changed } else { EditError::Read(e) }
}

fn read_current(path: &Path) -> Result<Vec<u8>, EditError> {
    fs::read(path).map_err(not_found_is_changed)
}

/// The new text of a plan, with `edit` applied to the activity `id`. Pure: no I/O.
///
/// The activity is the one in `[[activity]]` or in some `[[phase]]`'s `[[phase.activity]]` (or the inline-table
/// forms of either) whose `id` is `id`, or, without an `id` key, whose title makes that id
/// ([`crate::model::slug`]). An existing `status` keeps its place, quote style, spacing and trailing comment;
/// only its value changes, and not at all when it already says the new status (in any accepted word). A new
/// `status` and `done` go at the end of the activity's key-values (a new `status` goes just before an existing
/// `done`), indented like the activity's keys and ended like its lines (CRLF in a CRLF file).
pub fn apply(text: &str, id: &str, edit: &Edit) -> Result<(String, Outcome), EditError> {
    edit.validate()?;
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text),
    };
    if body.len() >= crate::load::PIECES_FROM
        && let Some((new_body, outcome)) = piecewise(body, id, edit)
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
        Some(body) => piecewise(body, id, edit).map(|(t, o)| (format!("{BOM}{t}"), o)),
        None => piecewise(text, id, edit),
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
    let (text, mut outcome) = apply_body(bom, body, id, edit)?;
    if outcome.wrote_a_date() {
        outcome.plan_start =
            crate::load::load(&crate::source::Source::new("plan.toml", body)).ok().map(|p| p.start.value.start);
    }
    Ok((text, outcome))
}

/// Edits a large file through the piece that holds the activity (see [`crate::split`]): three whole parses of a
/// 100,000-activity plan (23 MB) took 3.8 s and 1.4 GB, the piece's take nothing.
///
/// The activity is found, and known to be the only one with its id, by loading the plan (in parallel pieces).
/// The file is cut at every header; the piece holding the activity (its header to the next one) is edited and
/// verified on its own, as a whole file is. The whole is then proved: cut again, the new file has the same
/// headers at the same places (shifted by the edit after it), and loads to the same activities, the edited one
/// with its new status. Anything else, errors included, goes to the whole-file edit, whose answers are the
/// reference.
fn piecewise(body: &str, id: &str, edit: &Edit) -> Option<(String, Outcome)> {
    use crate::split::{Kind, split};
    let source = crate::source::Source::new("plan.toml", body);
    let plan = crate::load::load(&source).ok()?;
    let mut matching = plan.activities.iter().enumerate().filter(|(_, a)| a.id.value == id);
    let (index, activity) = matching.next()?;
    if matching.next().is_some() {
        return None;
    }
    let at = activity.span.start;
    let old_pieces = split(body, 0)?.pieces;
    let piece = old_pieces.iter().find(|p| p.range.contains(&at))?.clone();
    // More activities of a phase parse on their own only under a phase of their own.
    let eol = file_eol(body);
    let prefix = if piece.kind == Kind::PhaseActivities { format!("[[phase]]{eol}") } else { String::new() };
    let text = format!("{prefix}{}", &body[piece.range.clone()]);
    let (new_text, mut outcome) = apply_body("", &text, id, edit).ok()?;
    let new_piece = new_text.strip_prefix(&prefix)?;
    let new_body = format!("{}{new_piece}{}", &body[..piece.range.start], &body[piece.range.end..]);
    outcome.line = line_of(body, piece.range.start) + outcome.line - 1 - prefix.matches('\n').count();
    if outcome.wrote_a_date() {
        outcome.plan_start = Some(plan.start.value.start);
    }
    if !outcome.changed {
        return Some((new_body, outcome));
    }

    let new_pieces = split(&new_body, 0)?.pieces;
    let shift = new_body.len() as isize - body.len() as isize;
    let new_source = crate::source::Source::new("plan.toml", new_body.as_str());
    let new_plan = crate::load::load(&new_source).ok()?;
    let edited = (index, edit.status, outcome.done);
    (same_cut(&old_pieces, &new_pieces, piece.range.start, shift) && same_plan(&plan, &new_plan, edited))
        .then_some((new_body, outcome))
}

/// Whether the file after an edit is cut at the same headers as before: the pieces before the edited one
/// (which starts at `edited`) where they were, the edited one ending `shift` bytes later (a new status word may
/// be shorter than the old one: the shift can be either way), the ones after it moved by `shift`, and each
/// piece of the same kind and size.
fn same_cut(old: &[crate::split::Piece], new: &[crate::split::Piece], edited: usize, shift: isize) -> bool {
    let moved = |at: usize| at.checked_add_signed(shift);
    old.len() == new.len()
        && old.iter().zip(new).all(|(o, n)| {
            let range = match o.range.start.cmp(&edited) {
                std::cmp::Ordering::Less => Some(o.range.clone()),
                std::cmp::Ordering::Equal => moved(o.range.end).map(|end| o.range.start..end),
                std::cmp::Ordering::Greater => moved(o.range.start).zip(moved(o.range.end)).map(|(s, e)| s..e),
            };
            o.kind == n.kind
                && o.phases_before == n.phases_before
                && o.activities == n.activities
                && range == Some(n.range.clone())
        })
}

/// Whether the plan after an edit has the same activities as before (id, title and date), every one with its
/// status and done date, but the edited one, `(index, status, done)`, which has the new ones.
fn same_plan(old: &Plan, new: &Plan, (index, status, done): (usize, Status, Option<NaiveDate>)) -> bool {
    let done_of = |a: &crate::model::Activity| a.done.as_ref().map(|d| d.value);
    old.activities.len() == new.activities.len()
        && old.activities.iter().zip(&new.activities).enumerate().all(|(i, (o, n))| {
            let same = o.id.value == n.id.value && o.title.value == n.title.value && o.when.value == n.when.value;
            same && if i == index {
                n.status == status && done_of(n) == done
            } else {
                o.status == n.status && done_of(o) == done_of(n)
            }
        })
}

/// [`apply`] on the whole text after its byte-order mark, `bom`.
fn apply_body(bom: &str, body: &str, id: &str, edit: &Edit) -> Result<(String, Outcome), EditError> {
    let doc = toml_edit::Document::parse(body).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(body, s.start));
        EditError::Parse(format!("line {line}: {}", e.message().trim()))
    })?;
    let activities = activities(doc.as_table());
    let matching: Vec<&Found<'_>> = activities.iter().filter(|a| a.id.as_deref() == Some(id)).collect();
    let found = match matching.as_slice() {
        [one] => *one,
        [] => {
            let suggestion = nearest(id, activities.iter().filter_map(|a| a.id.as_deref())).map(str::to_string);
            return Err(EditError::NotFound { id: id.to_string(), suggestion });
        }
        many => return Err(EditError::Ambiguous { id: id.to_string(), count: many.len() }),
    };
    let plan = plan_edit(body, found, id, edit)?;
    let new_body = splice(body, &plan.splices)
        .ok_or_else(|| EditError::Unsupported { id: id.to_string(), reason: "the changes would overlap".into() })?;
    let changed = new_body != body;
    if changed {
        verify(body, &new_body, &found.path, &plan)
            .map_err(|reason| EditError::Unsupported { id: id.to_string(), reason })?;
    }
    let outcome = Outcome {
        id: id.to_string(),
        title: found.table.get("title").and_then(Item::as_str).map(str::to_string),
        line: line_of(body, found.anchor),
        old_status: plan.old_status,
        new_status: edit.status,
        old_done: plan.old_done,
        done: plan.new_done,
        changed,
        kept_date: edit.if_undated.is_some() && plan.old_done.is_some_and(|d| Some(d) != edit.if_undated),
        plan_start: None,
        forced: Vec::new(),
    };
    Ok((format!("{bom}{new_body}"), outcome))
}

/// One step of the way from the document's root to an activity's table.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(&'static str),
    Index(usize),
}

struct Found<'d> {
    id: Option<String>,
    table: &'d dyn TableLike,
    inline: bool,
    /// Where the activity starts: its header, or its inline table's `{`.
    anchor: usize,
    path: Vec<Step>,
}

/// Every activity in the document, in `[[phase]]`s and at the top level, with the id the loader gives it.
/// Shapes the loader rejects (`activity` as a plain table or a string) hold no activities.
fn activities(root: &toml_edit::Table) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    for (i, phase, _, _) in tables_in(root.get("phase")) {
        for (j, t, inline, anchor) in tables_in(phase.get("activity")) {
            let path = vec![Step::Key("phase"), Step::Index(i), Step::Key("activity"), Step::Index(j)];
            out.push(Found { id: activity_id(t), table: t, inline, anchor, path });
        }
    }
    for (j, t, inline, anchor) in tables_in(root.get("activity")) {
        let path = vec![Step::Key("activity"), Step::Index(j)];
        out.push(Found { id: activity_id(t), table: t, inline, anchor, path });
    }
    out
}

/// The tables of an array of tables (`[[x]]`) or of an array of inline tables (`x = [{ … }]`), with their index
/// in the array, whether they are inline, and where they start.
fn tables_in(item: Option<&Item>) -> Vec<(usize, &dyn TableLike, bool, usize)> {
    match item {
        Some(Item::ArrayOfTables(a)) => a
            .iter()
            .enumerate()
            .map(|(i, t)| (i, t as &dyn TableLike, false, t.span().map_or(0, |s| s.start)))
            .collect(),
        Some(Item::Value(Value::Array(a))) => a
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let t = v.as_inline_table()?;
                Some((i, t as &dyn TableLike, true, v.span().map_or(0, |s| s.start)))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The loader's id: the `id` string, or the title's slug when there is no `id` key.
fn activity_id(t: &dyn TableLike) -> Option<String> {
    match t.get("id") {
        Some(item) => item.as_str().map(str::to_string),
        None => t.get("title").and_then(Item::as_str).map(slug).filter(|s| !s.is_empty()),
    }
}

/// What the edit does to the data, for checking the new text against the old.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Change<T> {
    Keep,
    Set(T),
    Remove,
}

struct Splice {
    range: Range<usize>,
    text: String,
}

struct EditPlan {
    splices: Vec<Splice>,
    status: Change<String>,
    done: Change<NaiveDate>,
    old_status: Status,
    old_done: Option<NaiveDate>,
    new_done: Option<NaiveDate>,
}

/// A key-value of the activity that implan may edit: a plain value with spans.
struct Entry<'d> {
    value: &'d Value,
    key_span: Range<usize>,
    value_span: Range<usize>,
}

fn entry<'d>(t: &'d dyn TableLike, name: &str, id: &str) -> Result<Option<Entry<'d>>, EditError> {
    let Some((key, item)) = t.get_key_value(name) else { return Ok(None) };
    let unsupported =
        |what: &str| EditError::Unsupported { id: id.to_string(), reason: format!("its '{name}' is {what}") };
    let value = match item {
        Item::Value(v) if v.as_inline_table().is_some_and(|t| t.is_dotted()) => {
            return Err(unsupported("written with dotted keys"));
        }
        Item::Value(v) => v,
        Item::Table(_) | Item::ArrayOfTables(_) => return Err(unsupported("a table")),
        Item::None => return Ok(None),
    };
    match (key.span(), value.span()) {
        (Some(key_span), Some(value_span)) => Ok(Some(Entry { value, key_span, value_span })),
        _ => Err(unsupported("not where implan expects it")),
    }
}

fn plan_edit(body: &str, found: &Found<'_>, id: &str, edit: &Edit) -> Result<EditPlan, EditError> {
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

fn toml_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The text between an entry's key and its value (" = " or "="), so new keys look like the file's.
fn separator(body: &str, e: &Entry<'_>) -> &'static str {
    match body.get(e.key_span.end..e.value_span.start) {
        Some("=") => "=",
        _ => " = ",
    }
}

fn line_of(body: &str, offset: usize) -> usize {
    body.as_bytes()[..offset.min(body.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

fn line_start(body: &str, pos: usize) -> usize {
    body[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The offset just past the line break that ends the line holding `pos`, and that line break; at the end of a
/// file without a final line break, the file's length and `None`.
fn line_end(body: &str, pos: usize) -> (usize, Option<&'static str>) {
    match body[pos..].find('\n') {
        Some(i) => {
            let nl = pos + i;
            let eol = if body[..nl].ends_with('\r') { "\r\n" } else { "\n" };
            (nl + 1, Some(eol))
        }
        None => (body.len(), None),
    }
}

/// The file's line break: that of its first line.
fn file_eol(body: &str) -> &'static str {
    match body.find('\n') {
        Some(i) if body[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The key-values written in the table's body (dotted keys included, sub-tables not), with the span from the
/// first key to the end of the value.
fn body_entries(t: &dyn TableLike) -> Vec<Range<usize>> {
    t.get_values()
        .into_iter()
        .filter_map(|(keys, v)| {
            let start = keys.first()?.span()?.start;
            let end = v.span()?.end;
            Some(start..end)
        })
        .collect()
}

/// New key-value lines after the last key-value of a `[[…]]` table (after its header when it has none).
fn add_lines(body: &str, t: &dyn TableLike, anchor: usize, add: &[(&str, String)]) -> Splice {
    let last = body_entries(t).into_iter().max_by_key(|r| r.end);
    let (key_start, end) = match &last {
        Some(r) => (r.start, r.end),
        None => (anchor, anchor),
    };
    let start = line_start(body, key_start);
    // In a `[[…]]` table every key starts its own line (TOML allows nothing else before it).
    let indent = &body[start..key_start];
    let sep = t
        .get_values()
        .iter()
        .filter_map(|(k, v)| Some((k.last()?.span()?.end, v.span()?.start)))
        .max_by_key(|&(_, vs)| vs)
        .map_or(" = ", |(ke, vs)| if body.get(ke..vs) == Some("=") { "=" } else { " = " });
    let (at, eol) = line_end(body, end);
    let mut text = String::new();
    match eol {
        Some(eol) => {
            for (k, v) in add {
                text.push_str(&format!("{indent}{k}{sep}{v}{eol}"));
            }
        }
        None => {
            let eol = file_eol(body);
            for (k, v) in add {
                text.push_str(&format!("{eol}{indent}{k}{sep}{v}"));
            }
        }
    }
    Splice { range: at..at, text }
}

/// New key-values at the end of an inline table: `, status = "done", done = 2026-11-23` after its last value.
fn add_inline(t: &dyn TableLike, anchor: usize, add: &[(&str, String)]) -> Splice {
    let pairs: Vec<String> = add.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    // An activity that can be edited has an id or a title, so the table has a last value to follow.
    let end = body_entries(t).into_iter().map(|r| r.end).max().unwrap_or(anchor);
    Splice { range: end..end, text: format!(", {}", pairs.join(", ")) }
}

/// Removes a key-value: its whole line in a `[[…]]` table (with the trailing comment), or the pair and one comma
/// in an inline table.
fn remove_entry(body: &str, t: &dyn TableLike, inline: bool, e: &Entry<'_>) -> Splice {
    if inline {
        let mut ranges = body_entries(t);
        ranges.sort_by_key(|r| r.start);
        let pos = ranges.iter().position(|r| r.start == e.key_span.start);
        let range = match pos {
            // From the end of the entry before it: ", done = …".
            Some(i) if i > 0 => ranges[i - 1].end..e.value_span.end,
            // The first entry, up to the next one: "done = …, ". (An activity that can be addressed has an id or a
            // title, so there is a next one.)
            _ => e.key_span.start..ranges.get(1).map_or(e.value_span.end, |r| r.start),
        };
        return Splice { range, text: String::new() };
    }
    // A comment after the value ("done = 2026-03-12 # signert: Kari Nordmann") says something a person wrote:
    // it stays, on its own line where the key-value was.
    let rest = &body[e.value_span.end..line_end(body, e.value_span.end).0];
    let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[blank..].starts_with('#') {
        return Splice { range: e.key_span.start..e.value_span.end + blank, text: String::new() };
    }
    let start = line_start(body, e.key_span.start);
    let range = match line_end(body, e.value_span.end) {
        (end, Some(_)) => start..end,
        // The last line of a file without a final line break: take the line break before it instead.
        (end, None) => {
            let before = if body[..start].ends_with("\r\n") {
                2
            } else if body[..start].ends_with('\n') {
                1
            } else {
                0
            };
            start - before..end
        }
    };
    Splice { range, text: String::new() }
}

/// The text with the splices made, or `None` if two overlap.
fn splice(body: &str, splices: &[Splice]) -> Option<String> {
    let mut order: Vec<&Splice> = splices.iter().collect();
    order.sort_by_key(|s| (s.range.start, s.range.end));
    let mut out = String::with_capacity(body.len() + 64);
    let mut pos = 0;
    for s in order {
        // A splice that starts before the one before it ended, or reaches past the end, has no text here.
        out.push_str(body.get(pos..s.range.start)?);
        out.push_str(&s.text);
        pos = s.range.end;
    }
    out.push_str(body.get(pos..)?);
    Some(out)
}

/// Checks that the new text holds exactly the old data with the activity's `status` and `done` changed as
/// planned. A failure here is a bug in the splicing, caught before anything is written.
fn verify(old: &str, new: &str, path: &[Step], plan: &EditPlan) -> Result<(), String> {
    // One after the other: each whole parse holds about 25 times the file in memory.
    let mut expected: toml::Table = old.parse().map_err(|e| format!("the plan cannot be read ({e})"))?;
    let actual: toml::Table = new.parse().map_err(|e| format!("the edited text would not be valid TOML ({e})"))?;
    let activity = walk(&mut expected, path).ok_or("the activity was not found again")?;
    match &plan.status {
        Change::Keep => {}
        Change::Set(s) => {
            activity.insert("status".into(), toml::Value::String(s.clone()));
        }
        Change::Remove => {
            activity.remove("status");
        }
    }
    match &plan.done {
        Change::Keep => {}
        Change::Set(d) => {
            let dt: toml::value::Datetime = toml_date(*d).parse().map_err(|_| "bad date")?;
            activity.insert("done".into(), toml::Value::Datetime(dt));
        }
        Change::Remove => {
            activity.remove("done");
        }
    }
    if same_table(&expected, &actual) {
        Ok(())
    } else {
        Err("the edit would change more than the activity's status".into())
    }
}

fn walk<'t>(root: &'t mut toml::Table, path: &[Step]) -> Option<&'t mut toml::Table> {
    let mut steps = path.iter();
    let Some(Step::Key(first)) = steps.next() else { return None };
    let mut v: &mut toml::Value = root.get_mut(*first)?;
    for step in steps {
        v = match step {
            Step::Key(k) => v.as_table_mut()?.get_mut(*k)?,
            Step::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    v.as_table_mut()
}

fn same_table(a: &toml::Table, b: &toml::Table) -> bool {
    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
}

/// Equality of TOML values, where a NaN equals a NaN: the question is whether the text says the same.
fn same(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value as V;
    match (a, b) {
        (V::Float(x), V::Float(y)) => x.to_bits() == y.to_bits() || x == y,
        (V::Array(x), V::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w)),
        (V::Table(x), V::Table(y)) => same_table(x, y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn done(text: &str, id: &str, date: &str) -> (String, Outcome) {
        apply(text, id, &Edit::done_on(day(date))).unwrap()
    }

    const PLAN: &str = r#"[plan]
title = "P"   # the plan
start = "vår 2026"
end = "vår 2027"

[[phase]]
id = "oppstart"
name = "Oppstart"
period = "Vår 2026"

  [[phase.activity]]
  id = "a"
  title = "Første"
  when = "mars 2026"    # early
  owner = ["x", "y"]

  [[phase.activity]]
  title = "Informasjonsmøte for foreldre"
  when = "april 2026"
  status = 'planlagt'   # not yet

[[activity]]
id = "top"
title = "Toppnivå"
when = "mai 2026"

# trailing comment
"#;

    #[test]
    fn marking_done_adds_two_lines_indented_like_the_activity() {
        let (new, out) = done(PLAN, "a", "2026-11-23");
        let expected = PLAN.replace(
            "  owner = [\"x\", \"y\"]\n",
            "  owner = [\"x\", \"y\"]\n  status = \"done\"\n  done = 2026-11-23\n",
        );
        assert_eq!(new, expected);
        assert_eq!(
            out,
            Outcome {
                id: "a".into(),
                title: Some("Første".into()),
                line: 11,
                old_status: Status::Planned,
                new_status: Status::Done,
                old_done: None,
                done: Some(day("2026-11-23")),
                changed: true,
                kept_date: false,
                plan_start: Some(day("2026-01-01")),
                forced: Vec::new(),
            }
        );
        assert_eq!(
            out.message(Path::new("plans/p.toml")),
            "marked 'a' done on 2026-11-23 (was planned) (plans/p.toml:11)"
        );
    }

    #[test]
    fn top_level_activity_gets_unindented_lines_before_the_blank_line() {
        let (new, out) = done(PLAN, "top", "2026-05-02");
        let expected =
            PLAN.replace("when = \"mai 2026\"\n\n", "when = \"mai 2026\"\nstatus = \"done\"\ndone = 2026-05-02\n\n");
        assert_eq!(new, expected);
        assert_eq!(out.line, 22);
    }

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
            out.message(Path::new("p.toml")),
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
            out.message(Path::new("p.toml")),
            "marked 'a' done on 2026-03-13 (was done on 2026-03-12) (p.toml:1)"
        );
    }

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
    fn a_file_without_a_final_line_break_gets_none() {
        let text = "[[activity]]\r\nid = \"a\"\r\ntitle = \"A\"";
        let (new, _) = done(text, "a", "2026-01-02");
        assert_eq!(new, "[[activity]]\r\nid = \"a\"\r\ntitle = \"A\"\r\nstatus = \"done\"\r\ndone = 2026-01-02");
        let (back, _) = apply(&new, "a", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(back, "[[activity]]\r\nid = \"a\"\r\ntitle = \"A\"\r\nstatus = \"planned\"");
    }

    #[test]
    fn another_status_removes_done() {
        let (marked, _) = done(PLAN, "a", "2026-11-23");
        let (new, out) = apply(&marked, "a", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(
            new,
            PLAN.replace("  owner = [\"x\", \"y\"]\n", "  owner = [\"x\", \"y\"]\n  status = \"planned\"\n")
        );
        assert_eq!((out.old_status, out.old_done, out.done), (Status::Done, Some(day("2026-11-23")), None));

        let text = "[[activity]]\nid = \"a\"\n  done = 2026-03-12 # signert: Kari Nordmann\nwhen = \"2026\"\n";
        let (new, out) = apply(text, "a", &Edit::status(Status::Cancelled)).unwrap();
        assert_eq!(
            new, "[[activity]]\nid = \"a\"\n  # signert: Kari Nordmann\nwhen = \"2026\"\nstatus = \"cancelled\"\n",
            "the comment stays where the date was"
        );
        assert_eq!(out.old_status, Status::Done);
        assert_eq!(
            out.message(Path::new("p.toml")),
            "marked 'a' cancelled (was done); removed done = 2026-03-12 (p.toml:1)"
        );
    }

    #[test]
    fn done_again_keeps_the_date_it_was_done() {
        let (marked, _) = done(PLAN, "a", "2026-03-12");
        let (again, out) = apply(&marked, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(again, marked);
        assert!(!out.changed && out.kept_date);
        assert_eq!(
            out.message(Path::new("p.toml")),
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
    fn new_keys_go_before_sub_tables_and_follow_the_files_spacing() {
        let text = "[[activity]]\nid=\"a\"\nwhen=\"2026\"\n\n[activity.extra]\nx=1\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            "[[activity]]\nid=\"a\"\nwhen=\"2026\"\nstatus=\"done\"\ndone=2026-02-01\n\n[activity.extra]\nx=1\n"
        );
        let text = "[[activity]]\nid = \"a\"\nwhen.x = 1  # dotted\n[[activity]]\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            "[[activity]]\nid = \"a\"\nwhen.x = 1  # dotted\nstatus = \"done\"\ndone = 2026-02-01\n[[activity]]\n"
        );
    }

    #[test]
    fn multi_line_values_and_comments_between_keys() {
        let text = "[[activity]]\n  id = \"a\"\n  # who\n  owner = [\n    \"x\",  # first\n    \"y\",\n  ]  # end\n  # next one\n\n[[activity]]\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(new, text.replace("]  # end\n", "]  # end\n  status = \"done\"\n  done = 2026-02-01\n"));
        let text = "[[activity]]\nid = \"a\"\nnotes = \"\"\"\nline\r\n\"\"\"\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(new, format!("{text}status = \"done\"\ndone = 2026-02-01\n"));
        let text = "activity = [{}, { }]\n";
        assert!(apply(text, "a", &Edit::status(Status::Done)).is_err());
        let text = "activity = [{id=\"a\"}]\n";
        let (new, _) = apply(text, "a", &Edit::status(Status::Done)).unwrap();
        assert_eq!(new, "activity = [{id=\"a\", status = \"done\"}]\n");
    }

    #[test]
    fn inline_activities_are_edited_in_place() {
        let text = "activity = [\n  { id = \"a\", when = \"2026\" },\n  { id = \"b\", done = 2026-01-01, when = \"2026\" },\n]\n";
        let (new, out) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            text.replace(
                "when = \"2026\" },\n  { id = \"b\"",
                "when = \"2026\", status = \"done\", done = 2026-02-01 },\n  { id = \"b\""
            )
        );
        assert_eq!(out.line, 2);
        let (new, _) = apply(text, "b", &Edit::status(Status::InProgress)).unwrap();
        assert_eq!(
            new,
            text.replace(
                "{ id = \"b\", done = 2026-01-01, when = \"2026\" }",
                "{ id = \"b\", when = \"2026\", status = \"in-progress\" }"
            )
        );
        let text = "[[phase]]\nid = \"p\"\nactivity = [{ done = 2026-01-01, id = \"c\" }]\n";
        let (new, _) = apply(text, "c", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(new, "[[phase]]\nid = \"p\"\nactivity = [{ id = \"c\" }]\n");
    }

    #[test]
    fn unknown_and_duplicate_ids_are_refused() {
        match apply(PLAN, "topp", &Edit::status(Status::Done)) {
            Err(e @ EditError::NotFound { .. }) => {
                assert_eq!(e.to_string(), "no activity has the id 'topp'; did you mean 'top'?")
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
    fn bad_input_is_an_error_not_a_panic() {
        let edit = Edit::done_on(day("2026-01-01"));
        assert!(matches!(apply("[[activity]\nid = ", "a", &edit), Err(EditError::Parse(_))));
        assert!(matches!(apply("activity = \"a\"\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("activity = [1, \"a\"]\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("[activity]\nid = \"a\"\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("phase = 3\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("[[activity]]\nid = 3\ntitle = \"\"\n", "", &edit), Err(EditError::NotFound { .. })));
        let table_status = "[[activity]]\nid = \"a\"\n[activity.status]\nx = 1\n";
        match apply(table_status, "a", &edit) {
            Err(e @ EditError::Unsupported { .. }) => {
                assert_eq!(
                    e.to_string(),
                    "cannot edit activity 'a' safely: its 'status' is a table; edit the file by hand"
                )
            }
            other => panic!("{other:?}"),
        }
        let dotted = "[[activity]]\nid = \"a\"\ndone.x = 1\n";
        assert!(matches!(apply(dotted, "a", &edit), Err(EditError::Unsupported { .. })));
        let odd = "[[activity]]\nid = \"a\"\nstatus = 3\n";
        let (new, out) = apply(odd, "a", &edit).unwrap();
        assert_eq!(new, "[[activity]]\nid = \"a\"\nstatus = \"done\"\ndone = 2026-01-01\n");
        assert_eq!(out.old_status, Status::Planned);
        let empty = "[[activity]]\n[[activity]]\n  title = \"B\"\n";
        let (new, _) = done(empty, "b", "2026-01-01");
        assert_eq!(new, "[[activity]]\n[[activity]]\n  title = \"B\"\n  status = \"done\"\n  done = 2026-01-01\n");
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
    fn verification_catches_any_other_change() {
        let old = "x = nan\n[[activity]]\nid = \"a\"\n";
        let plan = EditPlan {
            splices: Vec::new(),
            status: Change::Set("done".into()),
            done: Change::Keep,
            old_status: Status::Planned,
            old_done: None,
            new_done: None,
        };
        let path = [Step::Key("activity"), Step::Index(0)];
        assert_eq!(verify(old, &format!("{old}status = \"done\"\n"), &path, &plan), Ok(()));
        assert!(verify(old, "x = nan\n[[activity]]\nid = \"b\"\nstatus = \"done\"\n", &path, &plan).is_err());
        assert!(verify(old, &format!("{old}status = \"done\n"), &path, &plan).is_err());
        assert!(verify(old, old, &path, &plan).is_err());
        assert!(verify(old, &format!("{old}status = \"done\"\ndone = 2026-01-01\n"), &path, &plan).is_err());
    }

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

    /// A plan whose file is cut into every kind of piece: phases, more activities of a phase, top-level ones.
    const PIECES: &str = "[plan]\ntitle = \"P\"\nstart = \"2026\"\nend = \"2027\"\n\n\
        [[phase]]\nid = \"p1\"\nname = \"En\"\nperiod = \"Vår 2026\"\n\n\
        [[phase.activity]]\nid = \"a1\"\ntitle = \"A1\"\nwhen = \"mars 2026\"\n\n\
        [[phase.activity]]\nid = \"a2\"\ntitle = \"A2\"\nwhen = \"april 2026\"\nstatus = \"pågår\"\n\n\
        [[phase.activity]]\nid = \"a3\"\ntitle = \"A3\"\nwhen = \"mai 2026\"\ndone = 2026-05-04\n\n\
        [[phase]]\nid = \"p2\"\nname = \"To\"\nperiod = \"Høst 2026\"\n\n\
        [[phase.activity]]\nid = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\n\n\
        [[activity]]\nid = \"t1\"\ntitle = \"T1\"\nwhen = \"2027\"\nstatus = \"gjennomført\"\ndone = 2027-02-01\n\n\
        [[activity]]\nid = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\n";

    #[test]
    fn an_edit_through_its_piece_is_the_edit_of_the_whole_file() {
        let edits = [
            Edit::done_on(day("2026-11-23")),
            Edit::status(Status::Cancelled),
            Edit::status(Status::Planned),
            Edit::status(Status::InProgress),
        ];
        let files = [PIECES.to_string(), PIECES.replace('\n', "\r\n"), format!("{BOM}{PIECES}")];
        for (f, text) in files.iter().enumerate() {
            for id in ["a1", "a2", "a3", "b1", "t1", "t2"] {
                for edit in &edits {
                    let whole = apply_whole(text, id, edit).expect("the whole-file edit");
                    let piece = apply_in_piece(text, id, edit);
                    assert_eq!(piece.as_ref(), Some(&whole), "file {f}, {id}, {edit:?}");
                }
            }
        }
    }

    #[test]
    fn an_edit_through_its_piece_refuses_what_it_cannot_prove() {
        // Two activities with one id: the whole-file edit says so; the piece does not try.
        let twice = PIECES.replace("id = \"t2\"", "id = \"t1\"");
        assert!(apply_in_piece(&twice, "t1", &Edit::status(Status::Done)).is_none());
        assert!(apply_in_piece(PIECES, "nope", &Edit::status(Status::Done)).is_none());
        assert!(apply_in_piece("[plan]\ntitle = 1\n", "t1", &Edit::status(Status::Done)).is_none());
    }

    fn piece(
        kind: crate::split::Kind,
        range: Range<usize>,
        phases_before: usize,
        activities: usize,
    ) -> crate::split::Piece {
        crate::split::Piece { kind, range, phases_before, activities }
    }

    #[test]
    fn the_same_cut_is_the_same_pieces_moved_by_the_edit() {
        use crate::split::Kind::*;
        let old = [piece(Phases, 10..50, 0, 1), piece(PhaseActivities, 50..80, 1, 1), piece(Activities, 80..120, 1, 2)];
        // The middle piece grew by 5 bytes: it ends 5 later, the last one moves by 5.
        let new = [piece(Phases, 10..50, 0, 1), piece(PhaseActivities, 50..85, 1, 1), piece(Activities, 85..125, 1, 2)];
        assert!(same_cut(&old, &new, 50, 5));
        // Shrunk by 3.
        let shrunk =
            [piece(Phases, 10..50, 0, 1), piece(PhaseActivities, 50..77, 1, 1), piece(Activities, 77..117, 1, 2)];
        assert!(same_cut(&old, &shrunk, 50, -3));
        // The first piece edited: the others move.
        let first =
            [piece(Phases, 10..52, 0, 1), piece(PhaseActivities, 52..82, 1, 1), piece(Activities, 82..122, 1, 2)];
        assert!(same_cut(&old, &first, 10, 2));
        // Anything else is a different cut.
        let differ = |k: usize, p: crate::split::Piece| {
            let mut n = new.clone();
            n[k] = p;
            !same_cut(&old, &n, 50, 5)
        };
        assert!(differ(0, piece(Phases, 10..51, 0, 1)), "an earlier piece moved");
        assert!(differ(0, piece(Activities, 10..50, 0, 1)), "another kind");
        assert!(differ(1, piece(PhaseActivities, 50..85, 2, 1)), "other phases before");
        assert!(differ(2, piece(Activities, 85..125, 1, 3)), "another number of activities");
        assert!(differ(2, piece(Activities, 80..125, 1, 2)), "a later piece not moved");
        assert!(differ(1, piece(PhaseActivities, 50..84, 1, 1)), "the edited piece not ending where it must");
        assert!(!same_cut(&old, &new[..2], 50, 5), "a piece fewer");
        assert!(!same_cut(&old, &new, 50, 6), "moved by another amount");
        // A shift past the start of the file is no cut at all.
        assert!(!same_cut(&old, &new, 50, -200));
    }

    #[test]
    fn the_same_plan_is_every_activity_kept_but_the_edited_one() {
        let load = |t: &str| crate::load::load(&crate::source::Source::new("p.toml", t)).expect("loads");
        let old = load(PIECES);
        let edited = load(&PIECES.replace(
            "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\n",
            "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\nstatus = \"avlyst\"\n",
        ));
        let b1 = old.activities.iter().position(|a| a.id.value == "b1").unwrap();
        assert!(same_plan(&old, &edited, (b1, Status::Cancelled, None)));
        assert!(!same_plan(&old, &edited, (b1, Status::Done, None)), "not the status asked for");
        assert!(!same_plan(&old, &edited, (b1, Status::Cancelled, Some(day("2026-10-01")))), "not the date asked for");
        assert!(!same_plan(&old, &edited, (0, Status::Planned, None)), "another activity changed");
        let other = |from: &str, to: &str| {
            let changed = load(&PIECES.replace(from, to).replace(
                "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\n",
                "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\nstatus = \"avlyst\"\n",
            ));
            !same_plan(&old, &changed, (b1, Status::Cancelled, None))
        };
        assert!(other("id = \"t2\"", "id = \"t3\""), "an id");
        assert!(other("title = \"T2\"", "title = \"T3\""), "a title");
        assert!(other("when = \"mars 2027\"", "when = \"april 2027\""), "a date");
        assert!(other("done = 2027-02-01", "done = 2027-02-02"), "another's done date");
        assert!(
            other(
                "id = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\n",
                "id = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\nstatus = \"avlyst\"\n"
            ),
            "another's status"
        );
        assert!(other("\n[[activity]]\nid = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\n", ""), "an activity fewer");
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

    #[test]
    fn a_status_written_out_where_the_date_already_said_done() {
        // `done = …` alone reads as done; marking it done on the same day writes the status and says nothing
        // about a previous date.
        let text = PLAN.replace("when = \"mai 2026\"\n", "when = \"mai 2026\"\ndone = 2026-05-02\n");
        let (new, out) = done(&text, "top", "2026-05-02");
        assert!(out.changed);
        assert!(new.contains("status = \"done\"\ndone = 2026-05-02\n"), "{new}");
        assert_eq!(out.message(Path::new("p.toml")), "marked 'top' done on 2026-05-02 (p.toml:22)");
        let (_, out) = done(&text, "top", "2026-05-03");
        assert_eq!(
            out.message(Path::new("p.toml")),
            "marked 'top' done on 2026-05-03 (was done on 2026-05-02) (p.toml:22)"
        );
    }

    #[test]
    fn errors_say_what_caused_them() {
        use std::error::Error;
        let read = EditError::Read(io::Error::other("disk"));
        assert_eq!(read.source().map(|e| e.to_string()).as_deref(), Some("disk"));
        let write = EditError::Write(crate::write::WriteError::Changed);
        assert!(write.source().is_some());
        assert!(EditError::Changed.source().is_none());
        assert!(EditError::NotText.source().is_none());
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

    #[test]
    fn new_lines_follow_the_files_own_layout() {
        // Tab indentation, `key=value` without spaces, CRLF, and a blank first line.
        let text = "\r\n[plan]\r\ntitle=\"P\"\r\nstart=\"2026\"\r\nend=\"2026\"\r\n\r\n[[phase]]\r\nid=\"p\"\r\nname=\"P\"\r\nperiod=\"2026\"\r\n\t[[phase.activity]]\r\n\tid=\"a\"\r\n\ttitle=\"A\"\r\n\twhen=\"mars 2026\"\r\n";
        let (new, _) = done(text, "a", "2026-03-02");
        assert!(new.ends_with("\twhen=\"mars 2026\"\r\n\tstatus=\"done\"\r\n\tdone=2026-03-02\r\n"), "{new:?}");
        // A status placed before an existing `done=`, in its style.
        let dated = text.replace("\twhen=\"mars 2026\"\r\n", "\twhen=\"mars 2026\"\r\n\tdone=2026-03-02\r\n");
        let (new, _) = apply(&dated, "a", &Edit::status(Status::Done)).unwrap();
        assert!(new.ends_with("\tstatus=\"done\"\r\n\tdone=2026-03-02\r\n"), "{new:?}");
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
    fn a_value_is_taken_out_of_an_inline_table_with_one_comma() {
        let text = "activity = [\n  { id = \"b\", when = \"2026\", done = 2026-01-01 },\n  { done = 2026-01-01, id = \"c\", when = \"2026\" },\n]\n";
        let (new, _) = apply(text, "b", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(
            new,
            text.replace("{ id = \"b\", when = \"2026\", done = 2026-01-01 }", "{ id = \"b\", when = \"2026\" }")
        );
        let (new, _) = apply(text, "c", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(
            new,
            text.replace("{ done = 2026-01-01, id = \"c\", when = \"2026\" }", "{ id = \"c\", when = \"2026\" }")
        );
    }

    #[test]
    fn splices_that_overlap_or_pass_the_end_are_refused() {
        let at = |range: Range<usize>, text: &str| Splice { range, text: text.to_string() };
        assert_eq!(splice("abcdef", &[at(4..5, "E"), at(1..2, "B")]).as_deref(), Some("aBcdEf"));
        assert_eq!(splice("abcdef", &[at(1..3, "X"), at(2..4, "Y")]), None, "overlapping");
        assert_eq!(splice("abcdef", &[at(5..7, "X")]), None, "past the end");
        assert_eq!(splice("abcdef", &[at(6..6, "!")]).as_deref(), Some("abcdef!"));
    }

    #[test]
    fn a_plan_holding_not_a_number_can_still_be_edited() {
        // NaN is not equal to itself, but the text says the same before and after.
        let text = format!("{PLAN}\n[extra]\nn = nan\nlist = [nan, 1.5]\ntable = {{ m = nan }}\n");
        let (new, out) = done(&text, "top", "2026-05-02");
        assert!(out.changed);
        assert!(new.ends_with("[extra]\nn = nan\nlist = [nan, 1.5]\ntable = { m = nan }\n"));
        let t: toml::Table = text.parse().unwrap();
        let u: toml::Table = "[extra]\nn = nan\nlist = [nan, 1.5]\ntable = { m = nan }\n".parse().unwrap();
        assert!(same(&t["extra"], &u["extra"]));
        let other: toml::Table = "[extra]\nn = nan\nlist = [nan, 2.5]\ntable = { m = nan }\n".parse().unwrap();
        assert!(!same(&t["extra"], &other["extra"]));
        let other: toml::Table = "[extra]\nn = nan\nlist = [nan, 1.5]\ntable = { m = 1.0 }\n".parse().unwrap();
        assert!(!same(&t["extra"], &other["extra"]));
        assert!(same(&toml::Value::Float(0.5), &toml::Value::Float(0.5)));
    }

    #[test]
    fn a_file_without_a_final_line_break_keeps_its_own_line_breaks() {
        let text = "[[activity]]\nid = \"a\"\ntitle = \"A\"";
        let (new, _) = done(text, "a", "2026-01-02");
        assert_eq!(new, "[[activity]]\nid = \"a\"\ntitle = \"A\"\nstatus = \"done\"\ndone = 2026-01-02");
    }

    #[test]
    fn a_status_written_with_dotted_keys_is_not_edited() {
        // In a `[[…]]` table the dotted key makes a table; in an inline one, a dotted inline table.
        let text = "[[activity]]\nid = \"a\"\ntitle = \"A\"\nstatus.word = \"done\"\n";
        let err = apply(text, "a", &Edit::status(Status::Planned)).unwrap_err();
        assert_eq!(
            err.to_string(),
            EditError::Unsupported { id: "a".into(), reason: "its 'status' is a table".into() }.to_string()
        );
        let text = "activity = [{ id = \"a\", title = \"A\", status.word = \"done\" }]\n";
        let err = apply(text, "a", &Edit::status(Status::Planned)).unwrap_err();
        assert_eq!(
            err.to_string(),
            EditError::Unsupported { id: "a".into(), reason: "its 'status' is written with dotted keys".into() }
                .to_string()
        );
    }
}
