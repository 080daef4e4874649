//! Why an edit was refused.

use crate::lang::Text;
use crate::messages::edit as m;
use crate::write::WriteError;
use std::fmt;
use std::io;

/// Why an edit was refused. Nothing is written when an edit is refused.
#[derive(Debug)]
pub enum EditError {
    /// The file could not be read.
    Read(io::Error),
    /// The file is not UTF-8 text.
    NotText,
    /// The file is not valid TOML: the parser's message, with its line.
    Parse(Text),
    /// No activity has this id.
    NotFound { id: String, suggestion: Option<String> },
    /// More than one activity has this id.
    Ambiguous { id: String, count: usize },
    /// The words name more than one activity (by title or id prefix): their ids and titles.
    Several { query: String, found: Vec<(String, String)> },
    /// The activity's `status` or `done` is written in a way implan cannot edit safely (a table, say).
    Unsupported { id: String, reason: Text },
    /// The edit asked for is contradictory or unreadable (a done date with status planned, an unknown status).
    BadEdit(Text),
    /// The file on disk is no longer what was read.
    Changed,
    /// Another edit of the plan held it for longer than [`crate::write::LOCK_WAIT`].
    Busy,
    /// Writing the new file failed or was refused; the original is untouched.
    Write(WriteError),
}

impl EditError {
    /// Why, in each language (the system's and the TOML parser's own words stay as they give them).
    pub fn text(&self) -> Text {
        match self {
            EditError::Read(e) => m::cannot_read_plan(&e.to_string()),
            EditError::NotText => m::not_text(),
            EditError::Parse(detail) => m::not_toml(detail),
            EditError::NotFound { id, suggestion } => m::not_found(id, suggestion.as_deref()),
            EditError::Ambiguous { id, count } => m::ambiguous(id, *count),
            EditError::Several { query, found } => m::several(query, found),
            EditError::Unsupported { id, reason } => m::unsupported(id, reason),
            EditError::BadEdit(message) => message.clone(),
            EditError::Changed => m::changed_on_disk(),
            EditError::Busy => m::busy(crate::write::LOCK_WAIT.as_secs()),
            EditError::Write(e @ (WriteError::Io { .. } | WriteError::Directory(_))) => m::write_failed(&e.text()),
            EditError::Write(e) => m::write_refused(&e.text()),
        }
    }
}

/// In English, for logs and tests; people read [`EditError::text`].
impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_caused_them() {
        use std::error::Error;
        let read = EditError::Read(io::Error::other("disk"));
        assert_eq!(read.source().map(|e| e.to_string()).as_deref(), Some("disk"));
        let write = EditError::Write(WriteError::Changed);
        assert!(write.source().is_some());
        assert!(EditError::Changed.source().is_none());
        assert!(EditError::NotText.source().is_none());
    }
}
