//! From TOML text to a [`Plan`], keeping where everything was written.
//!
//! The loader walks toml's spanned document tree by hand rather than through serde, because it must report
//! every unknown key (with a suggestion), every wrong type and every unreadable date in one pass, each at its
//! own line and column.

mod activity;
mod calendar;
mod costs;
mod decode;
mod lint;
mod loader;
mod phases;
mod pieces;
mod plan;
mod requirement;
mod values;

pub use decode::decode;
pub(crate) use lint::load_config_text;
pub use pieces::load_in_pieces;
pub(crate) use values::valid_id;

use crate::diag::{Finding, RuleId, Severity, Span};
use crate::messages::load as m;
use crate::model::Plan;
use crate::source::Source;
use loader::Loader;
use std::collections::{HashMap, HashSet};
use toml::de::DeTable;

/// Files from this size on are cut into pieces that are parsed in parallel (see [`crate::split`]). Below it,
/// parsing the whole file takes less than starting the threads.
pub(crate) const PIECES_FROM: usize = 1 << 20;
/// The least size of a piece: small enough that a large file makes many, large enough that each is worth a task.
pub(crate) const PIECE_SIZE: usize = 256 << 10;

/// Loads a plan. On failure, returns every problem found, not just the first.
pub fn load(source: &Source) -> Result<Plan, Vec<Finding>> {
    if source.text.len() >= PIECES_FROM
        && let Some(result) = load_in_pieces(source, PIECE_SIZE)
    {
        return result;
    }
    load_whole(source)
}

/// The language a plan file says it is written in (`[plan] lang`), read even from a file that does not load,
/// so that the findings about it speak its language.
pub fn declared_lang(source: &Source) -> Option<crate::lang::Lang> {
    let (doc, _) = DeTable::parse_recoverable(&source.text);
    let plan = doc.get_ref().get("plan")?.get_ref().as_table()?;
    crate::lang::Lang::parse(plan.get("lang")?.get_ref().as_str()?)
}

/// Loads a plan by parsing the whole file as one document.
pub fn load_whole(source: &Source) -> Result<Plan, Vec<Finding>> {
    let (doc, errors) = DeTable::parse_recoverable(&source.text);
    if !errors.is_empty() {
        return Err(syntax_findings(&source.text, errors));
    }
    let mut loader = Loader::new(source);
    let plan = loader.document(doc.get_ref());
    loader.finish(plan)
}

/// toml's syntax errors as findings, in file order. The common slips are said in plain words with the fix:
/// a date or a text without quotes (`when = 15.09.2026`), a key or a table written twice (with where it was
/// first). The rest keep toml's words, and the first of them says where the syntax is explained.
fn syntax_findings(text: &str, errors: Vec<toml::de::Error>) -> Vec<Finding> {
    let finding = |span: Span, message| Finding::new(RuleId::InvalidToml, Severity::Error, Some(span), message);
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen: HashSet<Span> = HashSet::new();
    // Lines whose value wants quotes: toml may find several errors in one, and the line is said once.
    let mut bare_lines: HashSet<usize> = HashSet::new();
    let mut keys: Option<KeyPlaces> = None;
    for e in errors {
        // toml gives its recursion limit no place; find where the nesting gets that deep.
        let span = e.span().map(Span::from).or_else(|| deepest(text)).unwrap_or_default();
        let detail = e.message().trim();
        if let Some(bare) = BareValue::at(text, span) {
            if bare_lines.insert(bare.line) {
                let message = if bare.is_date { m::date_needs_quotes() } else { m::text_needs_quotes() };
                let help = if bare.as_list { m::write_as_list(&bare.fixed) } else { m::write_in_quotes(&bare.fixed) };
                findings.push(finding(bare.value, message).help(help));
            }
            continue;
        }
        if !seen.insert(span) {
            continue;
        }
        if detail == "duplicate key" {
            let keys = keys.get_or_insert_with(|| KeyPlaces::new(text));
            if let Some((here, first)) = keys.first_of(span.start) {
                // A key under a table written twice: the table's finding says why.
                if here.reopened {
                    continue;
                }
                let f = if first.header {
                    let help = match ARRAY_TABLES.contains(&first.key.as_str()) {
                        true => m::double_brackets_help(&first.key),
                        false => m::duplicate_table_help(&first.key),
                    };
                    finding(here.span, m::duplicate_table(&first.key)).help(help)
                } else {
                    finding(here.span, m::duplicate_key(&first.key)).help(m::duplicate_key_help())
                };
                findings.push(f.related(first.span, m::first_defined_here()));
                continue;
            }
        }
        findings.push(finding(span, m::invalid_toml(detail)));
    }
    // An error toml found on a line before it found the unquoted value there.
    if !bare_lines.is_empty() {
        findings.retain(|f| {
            let line = f.span.and_then(|s| short_line(text, s.start));
            f.help.is_some() || !line.is_some_and(|(start, _)| bare_lines.contains(&start))
        });
    }
    crate::diag::sort(&mut findings);
    if let Some(first) = findings.iter_mut().find(|f| f.help.is_none()) {
        first.help = Some(m::toml_help());
    }
    findings
}

/// The tables written `[[name]]`, one for each: written `[name]` twice, they are a table written twice.
const ARRAY_TABLES: &[&str] = &["activity", "phase", "phase.activity", "requirement", "recurring", "component"];

/// The longest line whose unquoted value is put in plain words (and shown fixed in the help): longer lines are
/// no slip of a project leader's, and looking at each of their errors would take time in proportion to them.
const BARE_LINE_MAX: usize = 1000;

/// The line holding `at` (start and end, without the line break), if it is no longer than [`BARE_LINE_MAX`].
fn short_line(text: &str, at: usize) -> Option<(usize, usize)> {
    let at = at.min(text.len());
    let bytes = text.as_bytes();
    let from = at.saturating_sub(BARE_LINE_MAX + 1);
    let start = match bytes[from..at].iter().rposition(|&b| b == b'\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let to = (start + BARE_LINE_MAX + 1).min(text.len());
    let end = match bytes[at..to].iter().position(|&b| b == b'\n') {
        Some(i) => at + i,
        None if to == text.len() => text.len(),
        None => return None,
    };
    Some((start, end))
}

/// A value without quotes, which toml cannot read: a date or a text on a line `key = value`, alone or in a
/// list or an inline table on that line.
struct BareValue {
    /// Where the line starts.
    line: usize,
    /// Where the value is.
    value: Span,
    is_date: bool,
    /// The line as it should be: `when = "15.09.2026"`.
    fixed: String,
    /// Whether the line should be a list (`owner = ["rektor", "lærere"]`).
    as_list: bool,
}

/// Keys whose value is a date: without quotes, a value there is a date however it is written.
const DATE_KEYS: &[&str] = &["when", "end", "start", "done", "by", "from", "until", "within", "period"];

/// Keys that take a list: `owner = rektor, lærere` is two names.
const LIST_KEYS: &[&str] =
    &["owner", "participants", "components", "goals", "after", "tags", "members", "allow", "months", "summer-months"];

impl BareValue {
    /// The unquoted value at an error at `span`, if the error is in one.
    fn at(text: &str, span: Span) -> Option<BareValue> {
        let (line, end) = short_line(text, span.start)?;
        let content = text[line..end].trim_end_matches('\r');
        let error = span.start - line;
        let eq = content.find('=')?;
        let key = content[..eq].trim();
        let bare_key = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ' | '\t');
        if key.is_empty() || !key.chars().all(bare_key) || error <= eq {
            return None;
        }
        // Walk the value to the error: the brackets it is in, where its item starts, under which key, and whether
        // the error is in a value (not at a key of an inline table).
        let (mut open, mut item, mut item_key, mut in_value) = (Vec::new(), eq + 1, key, true);
        let mut quote: Option<char> = None;
        for (j, c) in content.char_indices().skip_while(|&(j, _)| j <= eq) {
            if j >= error {
                break;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => {
                    open.push(c);
                    (item, in_value) = (j + 1, c == '[');
                }
                (None, ']' | '}') => {
                    open.pop()?;
                    item = j + 1;
                }
                (None, ',') if !open.is_empty() => (item, in_value) = (j + 1, open.last() == Some(&'[')),
                (None, '=') if !open.is_empty() => (item_key, item, in_value) = (content[item..j].trim(), j + 1, true),
                (None, '#') => return None,
                _ => {}
            }
        }
        let depth = open.len();
        if quote.is_some() || !in_value {
            return None;
        }
        // Where the value ends: at a comment, or in a list or table at the next item.
        let stops: &[char] = if depth == 0 { &['#'] } else { &[',', ']', '}', '#'] };
        let item_end = content[error..].find(stops).map_or(content.len(), |i| error + i);
        let raw = &content[item..item_end];
        let value = raw.trim();
        let value_start = item + (raw.len() - raw.trim_start().len());
        if value.is_empty() || value.starts_with(['"', '\'', '[', '{']) || error > value_start + value.len() {
            return None;
        }
        let last = item_key.rsplit('.').next().unwrap_or(item_key).trim();
        let is_date = looks_like_date(value, DATE_KEYS.contains(&last));
        if !is_date && !value.starts_with(char::is_alphabetic) {
            return None;
        }
        let quoted = |v: &str| match (v.contains('"'), v.contains('\'')) {
            (false, _) => Some(format!("\"{v}\"")),
            (true, false) => Some(format!("'{v}'")),
            (true, true) => None,
        };
        let as_list = depth == 0 && LIST_KEYS.contains(&last) && value.contains(',');
        let fixed = if depth > 0 {
            let before = content[..value_start].trim_start();
            let after = content[value_start + value.len()..].split(" #").next().unwrap_or("").trim_end();
            format!("{before}{}{after}", quoted(value)?)
        } else if as_list {
            let items: Option<Vec<String>> =
                value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(quoted).collect();
            format!("{key} = [{}]", items?.join(", "))
        } else {
            format!("{key} = {}", quoted(value)?)
        };
        Some(BareValue {
            line,
            value: Span::new(line + value_start, line + value_start + value.len()),
            is_date,
            fixed,
            as_list,
        })
    }
}

/// Whether an unquoted value is a date: one implan would read in quotes (`15.09.2026`, `september 2026`), one
/// written as a date (`31.02.2026`, `15/9`), or under a date's key any value with a digit (`uke 40`) that toml
/// does not read as its own kind of date (`2026-13-01`, where toml's own message says what is wrong).
fn looks_like_date(value: &str, date_key: bool) -> bool {
    let numeric = value.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-'))
        && value.contains(['.', '/'])
        && value.starts_with(|c: char| c.is_ascii_digit());
    let b = value.as_bytes();
    let toml_date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    numeric
        || crate::when::parse(value).is_ok()
        || crate::when::parse_period(value).is_ok()
        || (date_key && !toml_date && value.contains(|c: char| c.is_ascii_digit()))
}

/// Where each key and table header of a file is, by the table it is in, to find the first of two that are
/// the same. Made in one pass of toml's lexer, so that strings are strings whatever they hold.
struct KeyPlaces {
    /// Every key and `[table]` header, in file order.
    places: Vec<KeyPlace>,
    /// The first place of each key in each table: (table, key) → index in `places`.
    first: HashMap<(usize, String), usize>,
}

#[derive(Debug, Clone)]
struct KeyPlace {
    /// The table it is in: 0 for the document, else one past where its header or `{` is.
    table: usize,
    /// The key as toml reads it: `a.b`, without quotes.
    key: String,
    span: Span,
    /// A `[table]` header rather than a key.
    header: bool,
    /// Under a `[table]` header written before: the keys there are the table's keys again.
    reopened: bool,
}

impl KeyPlaces {
    fn new(text: &str) -> KeyPlaces {
        use toml_parser::lexer::TokenKind as T;
        let mut places: Vec<KeyPlace> = Vec::new();
        // Open brackets and braces of the value being read, with where each is.
        let mut open: Vec<(T, usize)> = Vec::new();
        let mut table = 0;
        // The `[table]` headers so far, and the table each opened; whether the table now read was opened before.
        let mut headers: HashMap<String, usize> = HashMap::new();
        let mut reopened = false;
        // What the next tokens are: a key (in which table), a header, or anything else.
        enum Reading {
            Key(usize),
            Header { array: bool },
            Other,
        }
        let mut reading = Reading::Key(0);
        let mut key = String::new();
        let mut key_span: Option<Span> = None;
        let mut fresh_line = true;
        for token in toml_parser::Source::new(text).lex() {
            let (kind, at) = (token.kind(), token.span());
            let span = Span::new(at.start(), at.end());
            let raw = &text[span.range()];
            match kind {
                T::Whitespace | T::Comment => continue,
                T::Newline if open.is_empty() => {
                    reading = Reading::Key(table);
                    key.clear();
                    (key_span, fresh_line) = (None, true);
                    continue;
                }
                // Inline tables may span lines (TOML 1.1), and lists may.
                T::Newline => continue,
                _ => {}
            }
            let line_began = std::mem::replace(&mut fresh_line, false);
            match (&reading, kind) {
                (Reading::Key(_), T::LeftSquareBracket) if line_began && open.is_empty() => {
                    reading = Reading::Header { array: false };
                }
                (Reading::Header { array: false }, T::LeftSquareBracket) if key_span.is_none() => {
                    reading = Reading::Header { array: true };
                }
                (Reading::Key(_) | Reading::Header { .. }, T::Atom | T::BasicString | T::LiteralString | T::Dot) => {
                    key.push_str(match kind {
                        T::BasicString | T::LiteralString => raw.get(1..raw.len().saturating_sub(1)).unwrap_or(""),
                        _ => raw,
                    });
                    key_span = Some(key_span.map_or(span, |s| Span::new(s.start, span.end)));
                }
                (Reading::Key(t), T::Equals) => {
                    if let Some(s) = key_span.take() {
                        let (table, key) = (*t, std::mem::take(&mut key));
                        let reopened = reopened && open.is_empty();
                        places.push(KeyPlace { table, key, span: s, header: false, reopened });
                    }
                    reading = Reading::Other;
                }
                (Reading::Header { array }, T::RightSquareBracket) => {
                    if let Some(s) = key_span.take() {
                        (table, reopened) = (s.start + 1, false);
                        if !*array {
                            let key = std::mem::take(&mut key);
                            if let Some(&before) = headers.get(&key) {
                                (table, reopened) = (before, true);
                            } else {
                                headers.insert(key.clone(), table);
                            }
                            places.push(KeyPlace { table: 0, key, span: s, header: true, reopened: false });
                        }
                    }
                    key.clear();
                    reading = Reading::Other;
                }
                (_, T::LeftCurlyBracket) => {
                    open.push((kind, span.start));
                    key.clear();
                    key_span = None;
                    reading = Reading::Key(span.start + 1);
                }
                (_, T::LeftSquareBracket) => {
                    open.push((kind, span.start));
                    reading = Reading::Other;
                }
                (_, T::RightCurlyBracket | T::RightSquareBracket) => {
                    open.pop();
                    reading = Reading::Other;
                }
                (_, T::Comma) => {
                    key.clear();
                    key_span = None;
                    reading = match open.last() {
                        Some(&(T::LeftCurlyBracket, at)) => Reading::Key(at + 1),
                        _ => Reading::Other,
                    };
                }
                _ => reading = Reading::Other,
            }
        }
        let mut first = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            first.entry((p.table, p.key.clone())).or_insert(i);
        }
        KeyPlaces { places, first }
    }

    /// The key or header written at `at`, and its first place, when that is another, earlier one.
    fn first_of(&self, at: usize) -> Option<(&KeyPlace, &KeyPlace)> {
        let i = self.places.partition_point(|p| p.span.start <= at).checked_sub(1)?;
        let here = &self.places[i];
        if at >= here.span.end {
            return None;
        }
        let first = &self.places[*self.first.get(&(here.table, here.key.clone()))?];
        (first.span != here.span).then_some((here, first))
    }
}

/// Where keys and values first nest deeper than toml's parser follows (dotted keys, arrays and inline tables
/// together; its limit is 80), for the error that comes without a place.
fn deepest(text: &str) -> Option<Span> {
    use toml_parser::lexer::TokenKind as T;
    const LIMIT: usize = 80;
    let (mut brackets, mut dots) = (0usize, 0usize);
    for token in toml_parser::Source::new(text).lex() {
        match token.kind() {
            T::LeftSquareBracket | T::LeftCurlyBracket => brackets += 1,
            T::RightSquareBracket | T::RightCurlyBracket => brackets = brackets.saturating_sub(1),
            T::Dot => dots += 1,
            T::Newline | T::Equals | T::Comma => dots = 0,
            _ => {}
        }
        if brackets + dots > LIMIT {
            let span = token.span();
            return Some(Span::new(span.start(), span.end()));
        }
    }
    None
}

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::testing::{HEAD, errors};

    #[test]
    fn nesting_too_deep_is_found_once_where_it_passes_the_limit() {
        let spans = |text: &str| -> Vec<_> {
            load(&Source::new("t.toml", format!("{HEAD}{text}"))).unwrap_err().into_iter().map(|f| f.span).collect()
        };
        let at = |offset: usize| Some(Span::new(HEAD.len() + offset, HEAD.len() + offset + 1));
        // Arrays: toml places each error, at the bracket past its limit.
        let deep = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
        assert_eq!(spans(&format!("a = {deep}\nb = {deep}\n")), [at(4 + 80), at(4 + 4001 + 4 + 80)]);
        // Dotted keys: toml gives no place, twice; the first place too deep is given once.
        let key = |k: &str| format!("{k}{}", format!(".{k}").repeat(200));
        assert_eq!(spans(&format!("{} = 1\n{} = 2\n", key("a"), key("b"))), [at(1 + 2 * 80)]);
    }

    #[test]
    fn the_deepest_nesting_is_found_where_it_passes_the_limit() {
        let at = |text: &str| deepest(text).map(|span| (span.start, text[span.range()].to_string()));
        // Brackets and braces count alike; the 81st passes the limit.
        assert_eq!(at(&format!("a = {}", "[".repeat(80))), None);
        assert_eq!(at(&format!("a = {}{}", "[".repeat(40), "{".repeat(41))), Some((84, "{".to_string())));
        // Closed ones do not count.
        assert_eq!(at(&format!("a = {}", "[]".repeat(200))), None);
        // Dots in a key count too, and a key ends at a newline, `=` or `,`.
        assert_eq!(at(&format!("a{} = 1", ".b".repeat(81))), Some((161, ".".to_string())));
        assert_eq!(at(&"a.b.c.d.e.f.g.h = 1\n".repeat(30)), None);
        assert_eq!(at(&format!("x = {{ {} }}", "a.b.c.d = 1, ".repeat(30))), None);
        assert_eq!(at(&format!("x{}1{}", " = { a.b.c.d".repeat(25), " }".repeat(25))), None);
        // Together: 41 open braces and the 40th dot of a key inside them.
        let text = format!("a = {}b{} = 1", "{".repeat(41), ".b".repeat(40));
        assert_eq!(at(&text), Some((4 + 41 + 1 + 39 * 2, ".".to_string())));
    }

    #[test]
    fn every_error_in_one_pass_with_its_line() {
        let e = errors(&format!(
            "{HEAD}lang = \"se\"\n[[activity]]\ntitle = \"A\"\nwhen = \"marts 2026\"\nownr = \"x\"\nstatus = 3\n"
        ));
        let lines: Vec<(usize, &str)> = e.iter().map(|(l, m, _)| (*l, m.as_str())).collect();
        assert_eq!(
            lines,
            [
                (5, "unknown language 'se'"),
                (8, "cannot read 'when': 'marts' is not a month or a school term"),
                (9, "unknown key 'ownr' in an activity"),
                (10, "'status' must be a string (in quotes), not an integer"),
            ]
        );
        assert!(e[2].2.as_deref().unwrap().starts_with("did you mean 'owner'?"));
    }

    /// What each syntax error of a text says: (line, message, help), in English.
    fn syntax(text: &str) -> Vec<(usize, String, Option<String>)> {
        let src = Source::new("t.toml", text);
        let (_, found) = DeTable::parse_recoverable(text);
        syntax_findings(text, found)
            .into_iter()
            .map(|f| {
                let line = src.line_col(f.span.unwrap_or_default().start).line;
                (line, f.message.en().to_owned(), f.help.map(|h| h.en().to_owned()))
            })
            .collect()
    }

    #[test]
    fn values_without_quotes_are_shown_with_them() {
        let found = syntax(&format!(
            "{HEAD}[[activity]]\ntitle = Møte med FAU\nwhen = 15.09.2026\nowner = rektor, lærere # begge\n\
             participants = [rektor]\ncost = {{ amount = 3, per = sett }}\nnotes = Det \"viktige\"\nend = uke 40\n"
        ));
        let help = |line: &str| Some(format!("put it in quotes: {line}"));
        let text = "a text value must be in quotes";
        assert_eq!(
            found,
            [
                (6, text.into(), help("title = \"Møte med FAU\"")),
                (7, "a date like this must be in quotes".into(), help("when = \"15.09.2026\"")),
                (
                    8,
                    text.into(),
                    Some("write it as a list, each name in quotes: owner = [\"rektor\", \"lærere\"]".into())
                ),
                (9, text.into(), help("participants = [\"rektor\"]")),
                (10, text.into(), help("cost = { amount = 3, per = \"sett\" }")),
                (11, text.into(), help("notes = 'Det \"viktige\"'")),
                (12, "a date like this must be in quotes".into(), help("end = \"uke 40\"")),
            ]
        );
        // A date toml reads as its own kind keeps toml's message, which says what is wrong with it; so does a
        // number followed by words.
        let found = syntax(&format!("{HEAD}[[activity]]\ndone = 2026-13-01\nplaces = 40 plasser\n"));
        let messages: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(
            messages,
            [
                "invalid TOML: invalid date, expected month between 01 and 12",
                "invalid TOML: string values must be quoted, expected literal string"
            ]
        );
    }

    #[test]
    fn the_general_help_is_given_once() {
        let found = syntax("a = \"x\nb = 2026-13-01\nc = 1 2\nd = rektor\n");
        let helps: Vec<Option<&str>> = found.iter().map(|f| f.2.as_deref()).collect();
        assert_eq!(
            helps,
            [
                Some("see https://toml.io for the syntax; strings need quotes, tables are written [name]"),
                None,
                None,
                Some("put it in quotes: d = \"rektor\""),
            ]
        );
    }

    #[test]
    fn a_key_or_table_written_twice_points_at_the_first() {
        let src = "[plan]\ntitle = \"T\"\na.b = 1\n\"title\" = \"U\"\ns = \"\"\"\nx = 1\n\"\"\"\nx = { y = 1, y = 2 }\n\
                   a . b = 2\n[[activity]]\nx = 1\n[[activity]]\nx = 1\nx = 2\n[plan]\nend = 1\ntitle = 2\n";
        let (_, errors) = DeTable::parse_recoverable(src);
        let found = syntax_findings(src, errors);
        let shown: Vec<(&str, &str, Option<&str>)> = found
            .iter()
            .map(|f| {
                let first = f.related.first().map(|(span, _)| &src[span.range()]);
                (&src[f.span.unwrap().range()], f.message.en(), first)
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("\"title\"", "the key 'title' is given twice in the same table", Some("title")),
                ("y", "the key 'y' is given twice in the same table", Some("y")),
                ("a . b", "the key 'a.b' is given twice in the same table", Some("a.b")),
                ("x", "the key 'x' is given twice in the same table", Some("x")),
                ("plan", "the table [plan] is written twice", Some("plan")),
            ]
        );
        // Both places of the inline table's key are in its line, the second after the first.
        assert!(found[1].related[0].0.start < found[1].span.unwrap().start);
        // The keys under the table written twice are not said again; the last [[activity]]'s `x` is its own.
        assert_eq!(found[3].related[0].0.start, src.rfind("x = 1").unwrap());
    }
}
