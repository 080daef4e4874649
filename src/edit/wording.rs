//! The word an edit writes for a status: in the words the plan already uses.
//!
//! A plan may write its statuses in English, the format's own words (`"done"`, `"in-progress"`), or in
//! Norwegian (`"gjennomført"`, `"pågår"`); the loader takes both. An edit writes its status the way the file's
//! other activities write theirs, so that `implan done` does not put `"done"` among `"gjennomført"`s:
//!
//! 1. When most of the file's status values are Norwegian, the Norwegian word, in the plan's `lang` when that
//!    is `nb` or `nn` (`"utsatt"` / `"utsett"`, `"planlagt"` / `"planlagd"`), else in the form most of them
//!    take (Bokmål when they do not tell).
//! 2. When most are English, the English word, whatever the plan's `lang`: the file keeps one language.
//! 3. When there are none, or as many of each, the plan's `lang` decides: `nb` or `nn` gives the Norwegian word
//!    in that form, `en` or no `lang` the English one (the format's own words, as the schema gives them).
//!
//! The Norwegian words are those the views show ([`crate::i18n::status`]); the English ones are
//! [`Status::as_str`]. Every one of them is a word the loader takes ([`Status::parse`]). Only the status's
//! value follows the plan: the keys stay English, as the schema has them.

use crate::lang::Lang;
use crate::model::{Status, WordStyle};

/// The language an edit writes status words in, decided once per edit by [`Wording::of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wording(Lang);

impl Wording {
    /// The wording of a plan that declares `declared` as its `lang` and whose activities have the status
    /// values `existing` (as written; words the loader does not take are not counted).
    pub(crate) fn of<'a>(declared: Option<Lang>, existing: impl IntoIterator<Item = &'a str>) -> Wording {
        let (mut english, mut norwegian, mut bokmal, mut nynorsk) = (0usize, 0usize, 0usize, 0usize);
        for (_, style) in existing.into_iter().filter_map(Status::parse_word) {
            match style {
                WordStyle::English => english += 1,
                WordStyle::Bokmal => bokmal += 1,
                WordStyle::Nynorsk => nynorsk += 1,
                WordStyle::Norwegian => {}
            }
            if style != WordStyle::English {
                norwegian += 1;
            }
        }
        let lang = match (norwegian.cmp(&english), declared) {
            (std::cmp::Ordering::Greater, Some(lang @ (Lang::Nb | Lang::Nn))) => lang,
            (std::cmp::Ordering::Greater, _) if nynorsk > bokmal => Lang::Nn,
            (std::cmp::Ordering::Greater, _) => Lang::Nb,
            (std::cmp::Ordering::Less, _) => Lang::En,
            (std::cmp::Ordering::Equal, Some(lang)) => lang,
            (std::cmp::Ordering::Equal, None) => Lang::En,
        };
        Wording(lang)
    }

    /// The word for `status`.
    pub(crate) fn word(self, status: Status) -> &'static str {
        match self.0 {
            Lang::En => status.as_str(),
            lang => crate::i18n::status(lang, status),
        }
    }
}

/// The text of a TOML string as written (`"done"`, `'avlyst'`), without a parse for the plain ones: a plan of
/// 100,000 activities has as many. `None` for what is not a string.
pub(super) fn unquoted(raw: &str) -> Option<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    // Quotes round text without quotes or escapes: the text itself. (A basic string holds no line break, a
    // multi-line one starts with three quotes.)
    let plain = |q: char| raw.strip_prefix(q)?.strip_suffix(q).filter(|inner| !inner.contains([q, '\\']));
    if let Some(inner) = plain('"').or_else(|| plain('\'')) {
        return Some(Cow::Borrowed(inner));
    }
    match super::change::parse_value(raw)? {
        toml::Value::String(s) => Some(Cow::Owned(s)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(declared: Option<Lang>, existing: &[&str], status: Status) -> &'static str {
        Wording::of(declared, existing.iter().copied()).word(status)
    }

    #[test]
    fn mostly_norwegian_values_give_the_norwegian_word_in_the_plans_form() {
        let file = ["gjennomført", "avlyst", "done"];
        assert_eq!(word(Some(Lang::Nb), &file, Status::Postponed), "utsatt");
        assert_eq!(word(Some(Lang::Nn), &file, Status::Postponed), "utsett");
        assert_eq!(word(Some(Lang::Nn), &file, Status::Planned), "planlagd");
        assert_eq!(word(Some(Lang::Nb), &file, Status::Planned), "planlagt");
        assert_eq!(word(Some(Lang::Nb), &file, Status::Done), "gjennomført");
        assert_eq!(word(Some(Lang::Nb), &file, Status::InProgress), "pågår");
        assert_eq!(word(Some(Lang::Nn), &file, Status::InProgress), "i gang");
        assert_eq!(word(Some(Lang::Nb), &file, Status::Cancelled), "avlyst");
        // Letter case and spaces do not matter to the count.
        assert_eq!(word(Some(Lang::Nb), &[" Gjennomført ", "DONE", "Avlyst"], Status::Done), "gjennomført");
    }

    #[test]
    fn without_a_norwegian_lang_the_files_own_forms_decide_between_bokmal_and_nynorsk() {
        assert_eq!(word(None, &["utsett", "planlagd", "planlagt"], Status::Postponed), "utsett");
        assert_eq!(word(Some(Lang::En), &["utsett", "avlyst"], Status::Planned), "planlagd");
        assert_eq!(word(None, &["utsatt", "avlyst"], Status::Postponed), "utsatt");
        // Words that are both, or as many of each form: Bokmål.
        assert_eq!(word(None, &["gjennomført", "avlyst"], Status::Postponed), "utsatt");
        assert_eq!(word(Some(Lang::En), &["utsett", "planlagt"], Status::Planned), "planlagt");
        assert_eq!(word(None, &["planlagt", "utsatt", "utsett"], Status::Postponed), "utsatt");
    }

    #[test]
    fn mostly_english_values_give_the_english_word_whatever_the_lang() {
        for declared in [None, Some(Lang::Nb), Some(Lang::Nn), Some(Lang::En)] {
            let file = ["done", "cancelled", "gjennomført"];
            assert_eq!(word(declared, &file, Status::Postponed), "postponed");
            assert_eq!(word(declared, &file, Status::InProgress), "in-progress");
            assert_eq!(word(declared, &file, Status::Done), "done");
        }
    }

    #[test]
    fn no_values_or_a_tie_go_by_the_plans_lang_and_english_without_one() {
        for existing in [&[][..], &["done", "avlyst"], &["in progress", "utsett"]] {
            assert_eq!(word(Some(Lang::Nb), existing, Status::Postponed), "utsatt");
            assert_eq!(word(Some(Lang::Nn), existing, Status::Postponed), "utsett");
            assert_eq!(word(Some(Lang::En), existing, Status::Postponed), "postponed");
            assert_eq!(word(None, existing, Status::Postponed), "postponed");
        }
        // Words the loader does not take are not counted.
        assert_eq!(word(Some(Lang::Nb), &["flytta", "moved", "", "done"], Status::Cancelled), "cancelled");
        assert_eq!(word(None, &["flytta", "ferdig"], Status::Cancelled), "avlyst");
    }

    #[test]
    fn every_word_written_is_one_the_loader_takes_for_that_status() {
        let all = [Status::Planned, Status::InProgress, Status::Done, Status::Cancelled, Status::Postponed];
        for declared in [None, Some(Lang::Nb), Some(Lang::Nn), Some(Lang::En)] {
            for existing in [&[][..], &["utsett"], &["utsatt"], &["done"]] {
                for status in all {
                    assert_eq!(Status::parse(word(declared, existing, status)), Some(status));
                }
            }
        }
    }

    #[test]
    fn strings_are_read_as_toml_reads_them() {
        assert_eq!(unquoted("\"done\"").as_deref(), Some("done"));
        assert_eq!(unquoted("'avlyst'").as_deref(), Some("avlyst"));
        assert_eq!(unquoted("\"i gang\"").as_deref(), Some("i gang"));
        assert_eq!(unquoted("\"p\\u00e5g\\u00e5r\"").as_deref(), Some("pågår"));
        assert_eq!(unquoted("'''utsatt'''").as_deref(), Some("utsatt"));
        assert_eq!(unquoted("\"\"").as_deref(), Some(""));
        assert_eq!(unquoted("\"\"\"done\"\"\"").as_deref(), Some("done"));
        assert_eq!(unquoted("'a\\b'").as_deref(), Some("a\\b"));
        assert_eq!(unquoted("3"), None);
        assert_eq!(unquoted("\""), None);
        assert_eq!(unquoted("\"\"\""), None);
    }
}
