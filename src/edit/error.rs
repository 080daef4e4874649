//! Why an edit was refused.

use std::fmt;
use std::io;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
