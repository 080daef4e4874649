//! Plan text on its way to a reader. A plan is a shared file: a pull request can put anything in a title, and
//! what implan prints is read in terminals, CI logs, spreadsheets, Markdown renderers and browsers. Every output
//! a person reads takes plan text (and file names) through here.
//!
//! - [`visible`] shows control, bidirectional and invisible characters as escapes (`\u{1b}`, `\n`, `\u{202e}`)
//!   the way rustc and ripgrep show them, so no title can move the cursor, retitle the terminal, hide or reorder
//!   text, or start a line of its own. [`visible_lines`] keeps line breaks and tabs, for free text (notes) in
//!   formats that have a way to carry them.
//! - [`path`] does the same for file names, with `\xFF` for bytes that are not UTF-8.
//! - [`markdown`], [`csv_cell`] and [`xml`] then escape for their medium.
//!
//! Machine formats (JSON, SARIF) carry the text as it is: their own escaping makes it inert, and a program
//! reading them must get the plan's real words.

use std::borrow::Cow;
use std::path::Path;

/// Characters that show as nothing, or change how the text around them is shown: bidirectional embeddings,
/// overrides and isolates; zero-width spaces and joiners; fillers; tag and variation characters. (Control
/// characters are [`char::is_control`]. The direction marks, [`is_direction_mark`], are not here: right-to-left
/// text needs them, and they cannot reorder letters.)
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200D}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Left-to-right, right-to-left and Arabic letter marks: invisible, and needed in mixed-direction text to place
/// punctuation; without any right-to-left letters around they do nothing but hide.
pub(crate) fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation
/// forms).
pub(crate) fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// Joiners, variation selectors and tags are part of an emoji ("👩‍🏫", "❤️", a flag) when they follow a symbol;
/// after a letter they only hide.
fn joins_emoji(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{E0020}'..='\u{E007F}' | '\u{20E3}')
}

fn is_symbol(c: char) -> bool {
    matches!(c, '\u{00A9}' | '\u{00AE}' | '\u{203C}'..='\u{3299}' | '\u{1F000}'..='\u{1FAFF}')
        || c.is_ascii_digit()
        || c == '#'
        || c == '*'
}

/// Whether `c`, following `prev` (the previous character as shown: `None` at the start and after a hidden one),
/// is hidden from a reader: a control character, or an invisible one that is not part of an emoji.
pub fn is_hidden(prev: Option<char>, c: char) -> bool {
    if c.is_control() {
        return true;
    }
    if !is_invisible(c) {
        return false;
    }
    // "👩‍🏫" is 👩, ZWJ, 🏫; "👁️‍🗨️" chains a selector and a joiner: both follow a symbol or another joiner.
    !(joins_emoji(c) && prev.is_some_and(|p| is_symbol(p) || joins_emoji(p)))
}

/// What a hidden character is, for a message: "U+202E RIGHT-TO-LEFT OVERRIDE", or the code point alone for the
/// rarer ones.
pub(crate) fn describe_char(c: char) -> String {
    let name = match c {
        '\0' => "NULL",
        '\u{7}' => "BELL",
        '\u{8}' => "BACKSPACE",
        '\t' => "TAB",
        '\n' => "LINE FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{1b}' => "ESCAPE",
        '\u{7f}' => "DELETE",
        '\u{9b}' => "CONTROL SEQUENCE INTRODUCER",
        '\u{ad}' => "SOFT HYPHEN",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE",
        c if c.is_control() => "control character",
        _ => "",
    };
    let code = format!("U+{:04X}", c as u32);
    if name.is_empty() { code } else { format!("{code} {name}") }
}

/// `\t`, `\n`, `\r`, and `\u{1b}` for the rest, as Rust's `escape_debug` writes them.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c => {
            use std::fmt::Write;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// The characters of `s` hidden from a reader ([`is_hidden`]), with their offsets, but those `keep` keeps (a
/// line break in free text, say).
pub(crate) fn hidden_chars<'a>(
    s: &'a str,
    keep: impl Fn(&str, usize, char) -> bool + 'a,
) -> impl Iterator<Item = (usize, char)> + 'a {
    s.char_indices()
        .scan(None, move |prev, (i, c)| {
            let hidden = is_hidden(*prev, c) && !keep(s, i, c);
            // A joiner after a hidden one joins nothing.
            *prev = if hidden { None } else { Some(c) };
            Some(hidden.then_some((i, c)))
        })
        .flatten()
}

/// What free text (notes, descriptions) may hold that a line of text may not: line breaks (`\n`, and `\r` in
/// `\r\n`) and tabs.
pub(crate) fn kept_in_free_text(s: &str, i: usize, c: char) -> bool {
    c == '\n' || c == '\t' || (c == '\r' && s[i + 1..].starts_with('\n'))
}

fn escape_where(s: &str, keep: impl Fn(&str, usize, char) -> bool) -> Cow<'_, str> {
    let mut hidden = hidden_chars(s, keep).peekable();
    if hidden.peek().is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for (i, c) in hidden {
        out.push_str(&s[copied..i]);
        push_escaped(&mut out, c);
        copied = i + c.len_utf8();
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// Text for one line of a reader's output: every control, bidirectional and invisible character escaped.
pub fn visible(s: &str) -> Cow<'_, str> {
    escape_where(s, |_, _, _| false)
}

/// Free text that may span lines (notes): as [`visible`], but line breaks and tabs stay
/// ([`kept_in_free_text`]).
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    escape_where(s, kept_in_free_text)
}

/// A file name as a reader sees it: [`visible`], with `\xFF` for each byte that is not UTF-8 (on Unix, where
/// names are bytes).
pub fn path(p: &Path) -> String {
    let mut out = String::new();
    for chunk in path_bytes(p).utf8_chunks() {
        out.push_str(&visible(chunk.valid()));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// The bytes of a file name: exact on Unix; elsewhere the name as Unicode (Windows names are not bytes).
pub(crate) fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Cow::Borrowed(p.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        match p.to_string_lossy() {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }
    }
}

/// Whether a file name is Unicode text, so that formats of text (JSON, XML) can hold it exactly.
pub(crate) fn path_is_text(p: &Path) -> bool {
    p.to_str().is_some()
}

/// Text as one inline piece of Markdown (a table cell, a list item, a heading): [`visible`], then every
/// character Markdown or HTML would read as markup is backslash-escaped, and a start that would begin a
/// list, a quote or a heading is escaped too. CommonMark and GitHub's Markdown read `\<` as `<`, so
/// `<img onerror=…>` stays text.
pub fn markdown(s: &str) -> String {
    let s = visible(s);
    let s = s.trim_start();
    let mut out = String::with_capacity(s.len() + 8);
    // "1. x" and "1) x" start an ordered list; "-", "+" and "=" a list item, a heading underline or a rule.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let list_at = (digits > 0 && s[digits..].starts_with(['.', ')'])).then_some(digits);
    for (i, c) in s.char_indices() {
        let at_start = i == 0 && matches!(c, '-' | '+' | '=');
        if at_start
            || Some(i) == list_at
            || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '&' | '!')
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One CSV field: [`visible`]; a `'` before a start that a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@`, and their full-width forms), as OWASP advises against CSV injection; in quotes when it holds the
/// delimiter, a quote or a space at either end.
pub fn csv_cell(s: &str, delimiter: char) -> String {
    let s = visible(s);
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    let cell = if formula { Cow::Owned(format!("'{s}")) } else { s };
    if cell.contains([delimiter, '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.into_owned()
    }
}

/// Why a CSV delimiter is refused: one that a field's quoting cannot tell apart from the field's text.
pub(crate) fn csv_delimiter_problem(d: char) -> Option<&'static str> {
    match d {
        '"' => Some("a quote is how CSV quotes a field"),
        '\r' | '\n' => Some("a line break ends a CSV record"),
        c if c.is_control() && c != '\t' => Some("a control character cannot be seen in the file"),
        c if is_invisible(c) || c.is_whitespace() && c != '\t' && c != ' ' => {
            Some("an invisible character cannot be seen in the file")
        }
        _ => None,
    }
}

/// Text for XML (SVG, JUnit) and HTML content and attribute values: [`visible`], then `&<>"'` as entities.
pub fn xml(s: &str) -> String {
    xml_escape(&visible(s))
}

/// Free text for XML and HTML: [`visible_lines`], then `&<>"'` as entities.
pub(crate) fn xml_lines(s: &str) -> String {
    xml_escape(&visible_lines(s))
}

/// Entities for markup. The text has been through `visible` or `visible_lines`, so the only control characters
/// left are the tab and the line ends XML allows.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A source excerpt for a finding, with the span in it moved to match: [`visible`] but for tabs, which the
/// snippet renderer turns into spaces itself.
pub(crate) fn excerpt(text: &str, span: std::ops::Range<usize>) -> (Cow<'_, str>, std::ops::Range<usize>) {
    let tabs = |_: &str, _: usize, c: char| c == '\t';
    let shown = escape_where(text, tabs);
    if let Cow::Borrowed(_) = shown {
        return (shown, span);
    }
    // An offset moves by what the escapes before it add.
    let moved = |at: usize| {
        let before = hidden_chars(text, tabs).take_while(|&(i, _)| i < at);
        let added: usize = before
            .map(|(_, c)| {
                let mut e = String::new();
                push_escaped(&mut e, c);
                e.len() - c.len_utf8()
            })
            .sum();
        (at + added).min(shown.len())
    };
    let span = moved(span.start)..moved(span.end);
    (shown, span)
}

/// A TOML string: in single quotes when `literal` is asked for and the text allows it, else in double quotes
/// with every character TOML requires escaped (control characters as `\uXXXX`).
pub fn toml_string(s: &str, literal: bool) -> String {
    if literal && !s.contains('\'') && !s.chars().any(char::is_control) {
        return format!("'{s}'");
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_named_as_unicode_names_them() {
        let named = [
            ('\0', "U+0000 NULL"),
            ('\u{7}', "U+0007 BELL"),
            ('\u{8}', "U+0008 BACKSPACE"),
            ('\t', "U+0009 TAB"),
            ('\n', "U+000A LINE FEED"),
            ('\r', "U+000D CARRIAGE RETURN"),
            ('\u{1b}', "U+001B ESCAPE"),
            ('\u{7f}', "U+007F DELETE"),
            ('\u{9b}', "U+009B CONTROL SEQUENCE INTRODUCER"),
            ('\u{ad}', "U+00AD SOFT HYPHEN"),
            ('\u{200b}', "U+200B ZERO WIDTH SPACE"),
            ('\u{200c}', "U+200C ZERO WIDTH NON-JOINER"),
            ('\u{200d}', "U+200D ZERO WIDTH JOINER"),
            ('\u{200e}', "U+200E LEFT-TO-RIGHT MARK"),
            ('\u{200f}', "U+200F RIGHT-TO-LEFT MARK"),
            ('\u{2028}', "U+2028 LINE SEPARATOR"),
            ('\u{2029}', "U+2029 PARAGRAPH SEPARATOR"),
            ('\u{202a}', "U+202A LEFT-TO-RIGHT EMBEDDING"),
            ('\u{202b}', "U+202B RIGHT-TO-LEFT EMBEDDING"),
            ('\u{202c}', "U+202C POP DIRECTIONAL FORMATTING"),
            ('\u{202d}', "U+202D LEFT-TO-RIGHT OVERRIDE"),
            ('\u{202e}', "U+202E RIGHT-TO-LEFT OVERRIDE"),
            ('\u{2060}', "U+2060 WORD JOINER"),
            ('\u{2066}', "U+2066 LEFT-TO-RIGHT ISOLATE"),
            ('\u{2067}', "U+2067 RIGHT-TO-LEFT ISOLATE"),
            ('\u{2068}', "U+2068 FIRST STRONG ISOLATE"),
            ('\u{2069}', "U+2069 POP DIRECTIONAL ISOLATE"),
            ('\u{feff}', "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
            // The rarer ones: what kind they are, or the code point alone.
            ('\u{1}', "U+0001 control character"),
            ('\u{85}', "U+0085 control character"),
            ('\u{2064}', "U+2064"),
            ('\u{e0001}', "U+E0001"),
        ];
        for (c, name) in named {
            assert_eq!(describe_char(c), name);
        }
    }

    #[test]
    fn controls_and_bidi_become_escapes() {
        assert_eq!(visible("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(visible("mobbesak\rAVLYST"), "mobbesak\\rAVLYST");
        assert_eq!(visible("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(visible("rek\u{200b}torer"), "rek\\u{200b}torer");
        assert_eq!(visible("a\tb\nc"), "a\\tb\\nc");
        assert!(matches!(visible("Oppstartsmøte – vår 2026"), Cow::Borrowed(_)));
    }

    #[test]
    fn emoji_keep_their_joiners() {
        for e in [
            "👩\u{200d}🏫",
            "❤\u{fe0f}",
            "👁\u{fe0f}\u{200d}🗨\u{fe0f}",
            "1\u{fe0f}\u{20e3}",
            "#\u{fe0f}\u{20e3}",
            "*\u{fe0f}",
        ] {
            assert_eq!(visible(e), e);
        }
        assert_eq!(visible("a\u{200d}b"), "a\\u{200d}b");
        assert_eq!(visible("\u{fe0f}x"), "\\u{fe0f}x");
        assert_eq!(visible("\u{fe0f}\u{fe0f}"), "\\u{fe0f}\\u{fe0f}", "a joiner after a hidden one joins nothing");
    }

    #[test]
    fn lines_keep_breaks_and_tabs() {
        assert_eq!(visible_lines("a\nb\r\nc\td"), "a\nb\r\nc\td");
        assert_eq!(visible_lines("a\rb\u{1b}"), "a\\rb\\u{1b}");
    }

    #[test]
    fn markdown_is_one_piece_of_text() {
        assert_eq!(markdown("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert(1)\\>");
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("x\ry"), "x\\\\ry");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("12. item"), "12\\. item");
        assert_eq!(markdown("[link](http://x)"), "\\[link\\](http://x)");
        assert_eq!(markdown("&lt;"), "\\&lt;");
        assert_eq!(markdown("Omni-modellen 2026"), "Omni-modellen 2026");
        // Only digits followed by '.' or ')' start a list.
        assert_eq!(markdown("2026 budsjett"), "2026 budsjett");
        assert_eq!(markdown(".x"), ".x");
        assert_eq!(markdown("2026) x"), "2026\\) x");
    }

    #[test]
    fn csv_formulas_are_inert() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://x\")", ','), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(csv_cell("+1", ','), "'+1");
        assert_eq!(csv_cell("-1", ';'), "'-1");
        assert_eq!(csv_cell("@SUM(A1)", ','), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx", ','), "\\tx");
        assert_eq!(csv_cell("a,b", ','), "\"a,b\"");
        assert_eq!(csv_cell("a,b", ';'), "a,b");
        assert_eq!(csv_cell("2026-03-12", ','), "2026-03-12");
        // Spaces at either end survive a spreadsheet only in quotes.
        assert_eq!(csv_cell(" x", ','), "\" x\"");
        assert_eq!(csv_cell("x ", ','), "\"x \"");
        assert_eq!(csv_cell("x y", ','), "x y");
        assert_eq!(csv_delimiter_problem('"'), Some("a quote is how CSV quotes a field"));
        assert_eq!(csv_delimiter_problem('\n'), Some("a line break ends a CSV record"));
        assert_eq!(csv_delimiter_problem('\r'), Some("a line break ends a CSV record"));
        assert_eq!(csv_delimiter_problem('\u{1b}'), Some("a control character cannot be seen in the file"));
        for hidden in ['\u{200b}', '\u{a0}', '\u{2003}'] {
            assert_eq!(csv_delimiter_problem(hidden), Some("an invisible character cannot be seen in the file"));
        }
        for fine in ['\t', ' ', ';', ',', '|', 'ø'] {
            assert_eq!(csv_delimiter_problem(fine), None, "{fine:?}");
        }
    }

    #[test]
    fn xml_escapes_markup_and_shows_controls() {
        assert_eq!(xml("<a href='x'>&</a>\u{1b}"), "&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;\\u{1b}");
        assert_eq!(xml_lines("a\nb\u{0}"), "a\nb\\u{0}");
    }

    #[test]
    fn excerpt_moves_the_span_past_escapes() {
        let text = "title = \"\u{1b}[2J\u{202e}abc\"";
        let at = text.find("abc").unwrap();
        let (shown, span) = excerpt(text, at..at + 3);
        assert_eq!(&shown[span], "abc");
        // A span that ends where the text does.
        let text = "\u{1b}[2Jabc";
        let (shown, span) = excerpt(text, 4..text.len());
        assert_eq!(&shown[span], "abc");
        let (same, span) = excerpt("a\tb", 2..3);
        assert_eq!((same.as_ref(), span), ("a\tb", 2..3));
        // A span on the hidden character itself covers its escape.
        let (shown, span) = excerpt("a\u{1b}b", 1..2);
        assert_eq!(&shown[span], "\\u{1b}");
    }

    #[test]
    fn file_names_show_their_bytes() {
        assert_eq!(path(Path::new("a\nb.toml")), "a\\nb.toml");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let p = Path::new(std::ffi::OsStr::from_bytes(b"pl\xe6n.toml"));
            assert_eq!(path(p), "pl\\xE6n.toml");
            assert!(!path_is_text(p));
            assert!(path_is_text(Path::new("plans/beiarn-omni.toml")));
        }
    }
}
