//! A plan file's text and where each byte sits: line and column for every finding.

use crate::diag::Span;
use std::ops::Range;
use std::path::PathBuf;

/// One file as read from disk, with a line index for turning byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// The text without a leading byte-order mark; spans index into this.
    pub text: String,
    line_starts: Vec<usize>,
}

/// 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source { path: path.into(), text, line_starts }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // An offset inside a character (no span the loader makes is) counts as that character's column.
        let mut at = offset;
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let column = self.text[start..at].chars().count() + 1;
        LineCol { line: line + 1, column }
    }

    /// The byte range of the whole lines that hold `span`, without the final line break.
    pub(crate) fn lines_around(&self, span: Span) -> Range<usize> {
        let first = self.line_starts.partition_point(|&s| s <= span.start.min(self.text.len())) - 1;
        let last_off = span.end.max(span.start).min(self.text.len());
        let last = self.line_starts.partition_point(|&s| s <= last_off.saturating_sub(1).max(span.start)) - 1;
        let start = self.line_starts[first];
        let end = self.line_starts.get(last + 1).map_or(self.text.len(), |&e| e);
        let mut end = end.max(start);
        while end > start && matches!(self.text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    pub(crate) fn line_number(&self, offset: usize) -> usize {
        self.line_col(offset).line
    }
}

/// Reads a plan file's bytes. Only a regular file is read: a named pipe would wait for a writer forever, and a
/// device such as `/dev/zero` never ends. (Directories are walked for plans; inside them such files are skipped.)
pub(crate) fn read_plan(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    regular_file(path)?;
    std::fs::read(path)
}

/// Refuses a path that is not a regular file (after following symbolic links), before anything opens it.
pub(crate) fn regular_file(path: &std::path::Path) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(format!("it is {}, not a regular file", file_kind(&meta))));
    }
    Ok(())
}

/// What a path that is not a regular file is, for the error message.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() { "a directory" } else { "something other than a file" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let s = Source::new("p.toml", "a = 1\r\nø = \"vår\"\n");
        assert_eq!(s.line_col(0), LineCol { line: 1, column: 1 });
        let v = s.text.find("\"vår").unwrap();
        assert_eq!(s.line_col(v), LineCol { line: 2, column: 5 });
        assert_eq!(&s.text[s.lines_around((v..v + 3).into())], "ø = \"vår\"");
        assert_eq!(s.line_col(10_000).line, 3);
    }

    #[test]
    fn an_offset_inside_a_character_is_that_characters_column() {
        let s = Source::new("p.toml", "a\nøb");
        assert_eq!(s.line_col(3), LineCol { line: 2, column: 1 });
        assert_eq!(s.line_col(4), LineCol { line: 2, column: 2 });
    }

    #[test]
    fn the_lines_around_a_span_are_those_it_touches() {
        let s = Source::new("p.toml", "one\ntwo\r\nthree\n");
        assert_eq!(&s.text[s.lines_around((5..6).into())], "two");
        // A span that ends where a line starts does not reach into it.
        assert_eq!(&s.text[s.lines_around((1..9).into())], "one\ntwo");
        assert_eq!(&s.text[s.lines_around((1..10).into())], "one\ntwo\r\nthree");
        assert_eq!(&s.text[s.lines_around((9..9).into())], "three");
        assert_eq!(&s.text[s.lines_around((99..120).into())], "");
        let s = Source::new("p.toml", "a\n\nb");
        assert_eq!(s.lines_around((2..2).into()), 2..2, "an empty line");
    }

    #[test]
    fn a_line_number_is_the_line_an_offset_lies_on() {
        let s = Source::new("p.toml", "one\ntwo\nthree");
        assert_eq!([0, 3, 4, 9, 13].map(|at| s.line_number(at)), [1, 1, 2, 3, 3]);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_and_the_others_named() {
        use std::path::Path;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.toml");
        std::fs::write(&file, "a = 1").unwrap();
        assert_eq!(read_plan(&file).unwrap(), b"a = 1");
        let refused = |p: &Path| read_plan(p).unwrap_err().to_string();
        assert_eq!(refused(dir.path()), "it is a directory, not a regular file");
        assert_eq!(refused(Path::new("/dev/null")), "it is a device, not a regular file");
        let socket = dir.path().join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert_eq!(refused(&socket), "it is a socket, not a regular file");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo (coreutils) runs");
        assert!(made.success());
        assert_eq!(refused(&fifo), "it is a named pipe (FIFO), not a regular file");
        assert!(refused(&dir.path().join("missing")).contains("No such file"));
    }

    #[test]
    fn bom_is_dropped() {
        let s = Source::new("p.toml", "\u{feff}a = 1");
        assert_eq!(s.text, "a = 1");
        assert_eq!(s.line_col(0), LineCol { line: 1, column: 1 });
    }
}
