//! What an edit did, and the line that confirms it.

use crate::model::Status;
use chrono::NaiveDate;
use std::path::Path;

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
    /// Whether an existing done date was kept where [`Edit::if_undated`](super::Edit::if_undated) offered another day.
    pub kept_date: bool,
    /// The first day of the plan, when the edit wrote a done date and the plan loads: a done date before it is
    /// suspect.
    pub plan_start: Option<NaiveDate>,
    /// What `--force` let through when the file was written.
    pub forced: Vec<crate::write::Forced>,
}

impl Outcome {
    /// Whether the edit wrote a done date (the only time the plan's start is wanted).
    pub(super) fn wrote_a_date(&self) -> bool {
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
