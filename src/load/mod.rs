//! From TOML text to a [`Plan`], keeping where everything was written.
//!
//! The loader walks toml's spanned document tree by hand rather than through serde, because it must report
//! every unknown key (with a suggestion), every wrong type and every unreadable date in one pass, each at its
//! own line and column.

mod activity;
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
pub(crate) use lint::load_lint_only;
pub use pieces::load_in_pieces;

use crate::diag::{Finding, RuleId, Severity, Span};
use crate::model::Plan;
use crate::source::Source;
use loader::Loader;
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
        let mut findings: Vec<Finding> = Vec::new();
        for e in errors {
            // toml gives its recursion limit no place; find where the nesting gets that deep.
            let span = e.span().map(Span::from).or_else(|| deepest(&source.text)).unwrap_or_default();
            if findings.iter().any(|f| f.span == Some(span)) {
                continue;
            }
            let message = e.message().trim().to_string();
            findings.push(
                Finding::new(RuleId::InvalidToml, Severity::Error, Some(span), format!("invalid TOML: {message}"))
                    .help("see https://toml.io for the syntax; strings need quotes, tables are written [name]"),
            );
        }
        return Err(findings);
    }
    let mut loader = Loader::new(source);
    let plan = loader.document(doc.get_ref());
    loader.finish(plan)
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
}
