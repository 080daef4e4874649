//! From bytes to a plan source: UTF-8 or a finding that says why not.

use crate::diag::{Finding, RuleId, Severity, Span};
use crate::messages::load as m;
use crate::source::Source;

/// Reads bytes as a plan source. Bytes that are not UTF-8 still give a source (with U+FFFD for the bad bytes,
/// so that the finding can show the line), and the finding that says why the file cannot be a plan.
pub fn decode(path: &std::path::Path, bytes: Vec<u8>) -> (Source, Option<Finding>) {
    match String::from_utf8(bytes) {
        Ok(text) => (Source::new(path, text), None),
        Err(e) => {
            let bytes = e.as_bytes();
            // Source drops a byte-order mark, so offsets in it start after one.
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            let at = e.utf8_error().valid_up_to();
            let binary = bytes.iter().take(8192).any(|&b| b == 0);
            let source = Source::new(path, String::from_utf8_lossy(bytes).into_owned());
            let finding = if binary {
                Finding::new(RuleId::InvalidToml, Severity::Error, None, m::binary_file()).help(m::save_as_utf8())
            } else {
                // The text before the bad byte is the same in the lossy copy, so the offset holds; the bad byte
                // became U+FFFD there.
                let message = m::not_utf8(bytes[at]);
                let at = at.saturating_sub(bom);
                Finding::new(
                    RuleId::InvalidToml,
                    Severity::Error,
                    Some(Span::new(at, at + '\u{fffd}'.len_utf8())),
                    message,
                )
                .label(m::not_utf8_label())
                .help(m::save_as_utf8())
            };
            (source, Some(finding))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_found_where_they_are() {
        // After a byte-order mark (which the source drops): the bad byte is the third character of the text.
        let (source, finding) = decode(std::path::Path::new("t.toml"), b"\xEF\xBB\xBFab\xFFc".to_vec());
        assert_eq!(source.text, "ab\u{fffd}c");
        let f = finding.expect("a finding");
        assert_eq!((f.span, f.message.en()), (Some(Span::new(2, 5)), "the file is not UTF-8 text: invalid byte 0xFF"));
        // A NUL byte among the first bytes says the file is binary.
        let (_, finding) = decode(std::path::Path::new("t.bin"), b"ab\0\xFF".to_vec());
        assert_eq!(finding.expect("a finding").message.en(), "this is a binary file, not a plan");
        assert!(decode(std::path::Path::new("t.toml"), b"a = 1".to_vec()).1.is_none());
    }
}
