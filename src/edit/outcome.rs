//! What an edit did, and the line that confirms it.

use crate::i18n;
use crate::lang::{Lang, Text};
use crate::messages::common::per_language;
use crate::messages::edit as m;
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
    /// Whether it was asked for by its id (else by its title or a part of it: the confirmation then says its
    /// title, so that the reader sees which one was changed).
    pub by_id: bool,
    /// The 1-based line of the activity's `[[activity]]` / `[[phase.activity]]` header (or of its inline table),
    /// counted as [`crate::source::Source`] counts: after a byte-order mark.
    pub line: usize,
    /// The status before, as the loader reads it: an absent or unreadable status is planned; a `done` date
    /// without a status is done.
    pub old_status: Status,
    /// The status asked for, if the edit set one.
    pub new_status: Option<Status>,
    /// The `done` date before, when there was a readable one.
    pub old_done: Option<NaiveDate>,
    /// The `done` date after.
    pub done: Option<NaiveDate>,
    /// The other keys changed.
    pub keys: Vec<super::KeyChange>,
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
    /// saying what was removed and what was kept, and each other key changed (`when: "mars 2027" → "april
    /// 2027"`).
    pub fn message(&self, path: &Path) -> Text {
        let at = format!("({}:{})", crate::escape::path(path), self.line);
        let id = match (self.by_id, &self.title) {
            (false, Some(title)) => {
                format!("'{}' («{}»)", crate::escape::visible(&self.id), crate::escape::visible(title))
            }
            _ => format!("'{}'", crate::escape::visible(&self.id)),
        };
        let kept = if self.kept_date { m::date_kept() } else { Text::verbatim("") };
        let keys = self.keys_changed();
        let Some(status) = self.new_status else {
            return if self.changed { m::changed(&id, &keys, &at) } else { m::unchanged(&id, &at) };
        };
        let state = match (status, self.done) {
            (Status::Done, Some(d)) => m::done_on(&d.to_string()),
            (s, _) => status_text(s),
        };
        if !self.changed {
            return m::already(&id, &state, &at, &kept);
        }
        let mut details = match (self.old_status, self.old_done) {
            (s, _) if s != status => m::was(&status_text(s)),
            (_, Some(d)) if self.done != Some(d) => m::was_done_on(&d.to_string()),
            _ => Text::verbatim(""),
        };
        if let (Some(d), None) = (self.old_done, self.done) {
            details = details.join("", &m::removed_done(&d.to_string()));
        }
        details = details.join("", &kept);
        if !self.keys.is_empty() {
            details = details.join("", &m::forced(&keys));
        }
        for f in &self.forced {
            details = details.join("", &m::forced(&f.text()));
        }
        m::marked(&id, &state, &details, &at)
    }

    /// `when "mars 2027" → "april 2027", added reason = "…"`: the values as TOML, escaped for the terminal.
    fn keys_changed(&self) -> Text {
        let shown = |v: &str| crate::escape::visible(v).into_owned();
        let mut all = Text::verbatim("");
        for (i, k) in self.keys.iter().enumerate() {
            let part = match (&k.old, &k.new) {
                (Some(old), Some(new)) => Text::verbatim(format!("{} {} → {}", k.key, shown(old), shown(new))),
                (None, Some(new)) => m::added_key(&k.key, &shown(new)),
                (Some(old), None) => m::removed_key(&k.key, &shown(old)),
                (None, None) => continue,
            };
            all = all.join(if i == 0 { "" } else { ", " }, &part);
        }
        all
    }
}

/// A status as the confirmation says it: its key word in English (`in-progress`, as the plan writes it), the
/// word of the views in Norwegian.
pub(super) fn status_text(s: Status) -> Text {
    per_language(i18n::status(Lang::Nb, s).into(), i18n::status(Lang::Nn, s).into(), s.as_str().into())
}
