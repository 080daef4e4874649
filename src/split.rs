//! Cutting a large plan file into pieces that parse on their own.
//!
//! toml's parser keeps every token, every parse event and the whole syntax tree of a file in memory at once,
//! about 25 times the size of the file, and uses one core: a plan of 100,000 activities (23 MB) took 0.7 s and
//! 575 MB only to parse. But phases and top-level activities are arrays of tables, and the text from a
//! `[[phase]]` header up to the next header that is not part of that phase parses on its own to the same value.
//! So a large file is cut at those headers, the pieces are parsed and loaded in parallel, each syntax tree is
//! dropped as soon as it is loaded, and the rest of the file (everything that is not in a piece, with the
//! pieces blanked out so that every byte keeps its offset) is parsed as one document.
//!
//! The cut is only ever a shortcut: whenever the pieces could mean something other than the whole file (a
//! header the scanner does not understand, `phase` or `activity` anywhere else in the file, any syntax error),
//! [`crate::load`] parses the whole file instead, so that the result and every message are exactly those of
//! the whole-file parse.

use std::ops::Range;
use toml_parser::lexer::TokenKind;

/// What a piece holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One or more `[[phase]]` tables with their `[[phase.activity]]` tables.
    Phases,
    /// More `[[phase.activity]]` tables of the phase before.
    PhaseActivities,
    /// One or more top-level `[[activity]]` tables.
    Activities,
}

/// A piece of the file, from the start of a header to the start of the first header after it that is not
/// part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: Kind,
    pub range: Range<usize>,
    /// `[[phase]]` headers before the piece: the index of its first phase, or one past the phase that a
    /// [`Kind::PhaseActivities`] piece continues.
    pub phases_before: usize,
    /// Activity headers (`[[phase.activity]]`, `[[activity]]`) in the piece: how many activities it makes,
    /// unless some are written as inline tables.
    pub activities: usize,
}

/// A file cut into pieces.
#[derive(Debug)]
pub struct Split {
    pub pieces: Vec<Piece>,
}

impl Split {
    /// The file with every piece overwritten by spaces: the same length, so spans in it are spans in the file.
    /// Made on demand: only the loader needs it, and it is a copy of the whole file.
    pub fn rest(&self, text: &str) -> Option<String> {
        let mut rest = text.as_bytes().to_vec();
        for p in &self.pieces {
            rest.get_mut(p.range.clone())?.fill(b' ');
        }
        // Pieces start at a '[' and end at another or at the end, so whole characters were replaced and the
        // rest is still UTF-8; if it were not, parsing the whole file is the answer anyway.
        String::from_utf8(rest).ok()
    }
}

/// A table header, by what it means for the cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// `[[phase]]`
    Phase,
    /// `[[activity]]`
    Activity,
    /// `[[phase.activity]]`
    PhaseActivity,
    /// Any other header under `phase.` (`[phase.activity.cost]`): part of the phase before.
    UnderPhase,
    /// Any header under `activity.`: part of the activity before.
    UnderActivity,
    /// Anything else, including every header the scanner does not understand (quoted keys, garbage).
    Other,
}

/// Cuts `text` into pieces of at least `min_piece` bytes where it can (a piece ends early where the file's
/// structure requires). `None` when there is nothing to cut.
pub fn split(text: &str, min_piece: usize) -> Option<Split> {
    let mut pieces = Vec::new();
    let mut current: Option<(Kind, usize, usize)> = None; // kind, start, phases before
    let mut activities = 0usize; // activity headers in the current piece
    let mut phases_seen = 0usize;
    // Whether the phase being read already has a [[phase.activity]]: only then is "more activities of this
    // phase" a piece of its own (see the module documentation of crate::load for why).
    let mut phase_has_activity = false;
    let close = |current: &mut Option<(Kind, usize, usize)>, activities: &mut usize, pieces: &mut Vec<Piece>, end| {
        if let Some((kind, start, phases_before)) = current.take() {
            pieces.push(Piece { kind, range: start..end, phases_before, activities: *activities });
        }
        *activities = 0;
    };

    let source = toml_parser::Source::new(text);
    let mut tokens = source.lex().peekable();
    let mut depth = 0usize; // open [ and { inside values
    let mut line_start = true;
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        match kind {
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            _ => {}
        }
        let at_line_start = std::mem::replace(&mut line_start, false);
        match kind {
            TokenKind::LeftSquareBracket if at_line_start && depth == 0 => {
                let start = token.span().start();
                let header = read_header(text, token.span().end(), &mut tokens);
                match header {
                    Header::Phase => {
                        let small = matches!(current, Some((Kind::Phases, s, _)) if start - s < min_piece);
                        if !small {
                            close(&mut current, &mut activities, &mut pieces, start);
                            current = Some((Kind::Phases, start, phases_seen));
                        }
                        phases_seen += 1;
                        phase_has_activity = false;
                    }
                    Header::Activity => {
                        let small = matches!(current, Some((Kind::Activities, s, _)) if start - s < min_piece);
                        if !small {
                            close(&mut current, &mut activities, &mut pieces, start);
                            current = Some((Kind::Activities, start, phases_seen));
                        }
                        activities += 1;
                    }
                    Header::PhaseActivity => match current {
                        Some((Kind::Phases | Kind::PhaseActivities, s, _)) => {
                            if phase_has_activity && start - s >= min_piece {
                                close(&mut current, &mut activities, &mut pieces, start);
                                current = Some((Kind::PhaseActivities, start, phases_seen));
                            }
                            phase_has_activity = true;
                            activities += 1;
                        }
                        _ => {
                            close(&mut current, &mut activities, &mut pieces, start);
                            phase_has_activity = false;
                        }
                    },
                    Header::UnderPhase if matches!(current, Some((Kind::Phases | Kind::PhaseActivities, ..))) => {}
                    Header::UnderActivity if matches!(current, Some((Kind::Activities, ..))) => {}
                    _ => {
                        close(&mut current, &mut activities, &mut pieces, start);
                        phase_has_activity = false;
                    }
                }
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    close(&mut current, &mut activities, &mut pieces, text.len());
    if pieces.is_empty() {
        return None;
    }
    Some(Split { pieces })
}

/// Reads a header after its first `[` (which ends at `open_end`) to the end of its line, and says what it is.
fn read_header<'i>(
    text: &'i str,
    open_end: usize,
    tokens: &mut std::iter::Peekable<toml_parser::lexer::Lexer<'i>>,
) -> Header {
    // An array of tables is written `[[`, the two brackets together, and closed by `]]`.
    let array = tokens.peek().is_some_and(|t| t.kind() == TokenKind::LeftSquareBracket && t.span().start() == open_end);
    if array {
        tokens.next();
    }
    let needed = if array { 2 } else { 1 };
    let mut path: Vec<&str> = Vec::new();
    let mut understood = true;
    let mut want_key = true;
    let mut closes = 0;
    let mut last_close_end = 0;
    for token in tokens.by_ref() {
        let span = token.span();
        match token.kind() {
            TokenKind::Newline | TokenKind::Eof => break,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::Atom if want_key && closes == 0 => {
                path.push(&text[span.start()..span.end()]);
                want_key = false;
            }
            TokenKind::Dot if !want_key && closes == 0 => want_key = true,
            TokenKind::RightSquareBracket if !want_key => {
                if closes == 1 && span.start() != last_close_end {
                    understood = false;
                }
                closes += 1;
                last_close_end = span.end();
            }
            // Anything else (two keys without a dot, anything but a comment after the closing brackets) is
            // not understood here: the whole-file parser judges it.
            _ => understood = false,
        }
    }
    if !understood || closes != needed {
        return Header::Other;
    }
    match (array, path.as_slice()) {
        (true, ["phase"]) => Header::Phase,
        (true, ["activity"]) => Header::Activity,
        (true, ["phase", "activity"]) => Header::PhaseActivity,
        (_, ["phase", _, ..]) => Header::UnderPhase,
        (_, ["activity", _, ..]) => Header::UnderActivity,
        _ => Header::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(text: &str) -> Vec<Header> {
        let mut tokens = toml_parser::Source::new(text).lex().peekable();
        let first = tokens.next().expect("a token");
        assert_eq!(first.kind(), TokenKind::LeftSquareBracket);
        vec![read_header(text, first.span().end(), &mut tokens)]
    }

    #[test]
    fn headers_are_classified_exactly() {
        assert_eq!(headers("[[phase]]"), [Header::Phase]);
        assert_eq!(headers("[[ phase ]] # kommentar\n"), [Header::Phase]);
        assert_eq!(headers("[[activity]]\n"), [Header::Activity]);
        assert_eq!(headers("[[phase.activity]]"), [Header::PhaseActivity]);
        assert_eq!(headers("[[phase . activity]]"), [Header::PhaseActivity]);
        assert_eq!(headers("[phase.activity.cost]"), [Header::UnderPhase]);
        assert_eq!(headers("[activity.cost]"), [Header::UnderActivity]);
        // What the scanner is not sure of is "other", and sends the file to the whole-file parse.
        for other in [
            "[phase]",
            "[activity]",
            "[[\"phase\"]]",
            "[ [phase]]",
            "[[phase] ]",
            "[[phase]",
            "[phase]]",
            "[[phase]] x",
            "[[phase]] .",
            "[[phase activity]]",
            "[[phase]]]",
            "[[phase.]]",
            "[[.phase]]",
            "[[]]",
            "[plan]",
            "[[recurring]]",
        ] {
            assert_eq!(headers(other), [Header::Other], "{other}");
        }
    }

    fn kinds(text: &str, min: usize) -> Vec<(Kind, String)> {
        let split = split(text, min).map(|s| s.pieces).unwrap_or_default();
        split.into_iter().map(|p| (p.kind, text[p.range].to_string())).collect()
    }

    #[test]
    fn pieces_end_where_the_phase_or_activity_ends() {
        let text = "[plan]\ntitle = \"[[phase]]\"\n[[phase]]\nid = \"p\"\n[[phase.activity]]\nid = \"a\"\n[phase.activity.cost]\namount = 1\n[[phase.activity]]\nid = \"b\"\n[[recurring]]\nid = \"r\"\n[[activity]]\nid = \"c\"\nx = [\n[1],\n]\n[[activity]]\nid = \"d\"\n";
        let got = kinds(text, 0);
        assert_eq!(
            got,
            [
                (
                    Kind::Phases,
                    "[[phase]]\nid = \"p\"\n[[phase.activity]]\nid = \"a\"\n[phase.activity.cost]\namount = 1\n".into()
                ),
                (Kind::PhaseActivities, "[[phase.activity]]\nid = \"b\"\n".into()),
                (Kind::Activities, "[[activity]]\nid = \"c\"\nx = [\n[1],\n]\n".into()),
                (Kind::Activities, "[[activity]]\nid = \"d\"\n".into()),
            ]
        );
        let split = split(text, 0).expect("pieces");
        let rest = split.rest(text).expect("UTF-8");
        assert_eq!(rest.len(), text.len(), "the rest keeps every offset");
        assert!(rest.starts_with("[plan]\ntitle = \"[[phase]]\"\n   "));
        assert!(rest.contains("[[recurring]]\nid = \"r\"\n"));
        // With a larger piece size, neighbours of one kind stay together.
        let got = kinds(text, 1 << 20);
        assert_eq!(got.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [Kind::Phases, Kind::Activities]);
    }

    #[test]
    fn a_table_under_another_kind_ends_the_piece() {
        let text = "[[activity]]\nid = \"a\"\n[activity.cost]\namount = 1\n[phase.x]\ny = 1\n\
                    [[phase]]\nid = \"p\"\n[activity.z]\nw = 1\n";
        assert_eq!(
            kinds(text, 0),
            [
                (Kind::Activities, "[[activity]]\nid = \"a\"\n[activity.cost]\namount = 1\n".into()),
                (Kind::Phases, "[[phase]]\nid = \"p\"\n".into()),
            ]
        );
    }

    #[test]
    fn a_phase_smaller_than_a_piece_keeps_its_activities() {
        let phase = "[[phase]]\nid = \"p\"\n[[phase.activity]]\nid = \"a\"\n[[phase.activity]]\nid = \"b\"\n";
        let text = format!("[plan]\ntitle = \"T\"\n{phase}");
        // The second activity starts 47 bytes into the phase: a piece of 60 holds it, one of 40 does not.
        assert_eq!(kinds(&text, 60), [(Kind::Phases, phase.to_string())]);
        assert_eq!(kinds(&text, 40).iter().map(|(k, _)| *k).collect::<Vec<_>>(), [Kind::Phases, Kind::PhaseActivities]);
    }

    #[test]
    fn headers_inside_strings_and_values_are_not_cuts() {
        let text = "[plan]\nnotes = \"\"\"\n[[phase]]\n\"\"\"\nx = [\n  [[1]],\n]\n";
        assert!(split(text, 0).is_none());
    }
}
