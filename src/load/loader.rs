//! The loader's state and what every table's reader shares: where an item is, and how a finding is made.

use crate::diag::{Applicability, Finding, Fix, RuleId, Severity, Span};
use crate::lang::Text;
use crate::messages::load as m;
use crate::model::{Agreement, Plan};
use crate::schema;
use crate::source::Source;
use crate::suggest::nearest;
use toml::de::{DeTable, DeValue};

pub(super) type TSpanned<T> = toml::Spanned<T>;

pub(super) struct Loader<'s> {
    pub(super) src: &'s Source,
    pub(super) errors: Vec<Finding>,
    /// The agreement, once read: "første avtaleår" and "år 2 eller 3" are dates relative to it.
    pub(super) agreement: Option<Agreement>,
    /// Where the parsed text starts in the file: a piece parsed on its own has spans relative to itself.
    pub(super) base: usize,
    /// How many phases came before, in pieces parsed earlier: nested activities name their phase by index.
    pub(super) phase_base: usize,
    /// Keys and strings with hidden characters, for `suspicious-text`.
    pub(super) hidden: Vec<crate::model::HiddenText>,
}

type Entry<'a, 'i> = (&'a TSpanned<std::borrow::Cow<'i, str>>, &'a TSpanned<DeValue<'i>>);

pub(super) fn find<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<Entry<'a, 'i>> {
    t.iter().find(|(k, _)| k.get_ref() == key)
}

pub(super) fn article(v: &DeValue<'_>) -> Text {
    match v {
        DeValue::String(_) => m::a_string(),
        DeValue::Integer(_) => m::an_integer(),
        DeValue::Float(_) => m::a_decimal_number(),
        DeValue::Boolean(_) => m::true_false(),
        DeValue::Datetime(_) => m::a_date(),
        DeValue::Array(_) => m::a_list(),
        DeValue::Table(_) => m::a_table(),
    }
}

impl<'s> Loader<'s> {
    pub(super) fn new(src: &'s Source) -> Loader<'s> {
        Loader { src, errors: Vec::new(), agreement: None, base: 0, phase_base: 0, hidden: Vec::new() }
    }

    pub(super) fn finish(mut self, plan: Option<Plan>) -> Result<Plan, Vec<Finding>> {
        match plan {
            Some(mut plan) if self.errors.is_empty() => {
                self.hidden.sort_by_key(|h| h.span.start);
                plan.hidden = self.hidden;
                Ok(plan)
            }
            _ => {
                let mut errors = self.errors;
                crate::diag::sort(&mut errors);
                Err(errors)
            }
        }
    }

    pub(super) fn error(&mut self, span: Span, message: Text, help: Option<Text>) {
        self.errors.push(Finding::new(RuleId::InvalidPlan, Severity::Error, Some(span), message).help_opt(help));
    }

    /// Where a parsed item is in the file.
    pub(super) fn at<T>(&self, item: &TSpanned<T>) -> Span {
        let span = item.span();
        Span::new(span.start + self.base, span.end + self.base)
    }

    /// The first line of a span: a table's header rather than the whole table.
    pub(super) fn head(&self, span: Span) -> Span {
        let text = &self.src.text;
        let start = span.start.min(text.len());
        let end = text[start..span.end.min(text.len()).max(start)].find(['\n', '\r']).map_or(span.end, |i| start + i);
        Span::new(start, end.max(start))
    }

    /// Unknown keys of `t`, which takes `allowed`; `what` names the table in the finding ("an activity").
    pub(super) fn check_keys(&mut self, t: &DeTable<'_>, allowed: &[&str], what: &Text) {
        for (k, _) in t.iter() {
            let key = k.get_ref().as_ref();
            if allowed.contains(&key) {
                continue;
            }
            let list = allowed.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>().join(", ");
            let (help, meant) = match schema::synonym_of(key, allowed) {
                Some(meant) => (m::keys_are_english(meant, key), Some(meant)),
                None => match nearest(key, allowed.iter().copied()) {
                    Some(s) => (m::did_you_mean_key(s, what, &list), Some(s)),
                    None => (m::takes(what, &list), None),
                },
            };
            let span = self.at(k);
            let mut finding =
                Finding::new(RuleId::InvalidPlan, Severity::Error, Some(span), m::unknown_key(key, what)).help(help);
            // The key meant, unless the table has it already (two of one key would not be TOML).
            if let Some(meant) = meant.filter(|meant| !t.iter().any(|(k, _)| k.get_ref().as_ref() == *meant)) {
                finding = finding.fix(Fix::replace(
                    Applicability::Safe,
                    span,
                    meant,
                    crate::messages::common::write_this(meant),
                ));
            }
            self.errors.push(finding);
        }
    }

    pub(super) fn type_error(&mut self, key: &str, v: &TSpanned<DeValue<'_>>, expected: &Text) {
        let msg = m::must_be(key, expected, &article(v.get_ref()));
        self.error(self.at(v), msg, None);
    }

    /// That table `t` lacks `key`, unless it has a word for it (`dato` for `when`): the unknown-key error
    /// already says to write `key`, and a second error would send the reader to add what is there.
    pub(super) fn missing(&mut self, t: &DeTable<'_>, at: Span, key: &str, what: &Text, example: &str) {
        let written_as_synonym = t.iter().any(|(k, _)| {
            schema::SYNONYMS.iter().any(|(word, meant)| meant.contains(&key) && word == &k.get_ref().to_lowercase())
        });
        if written_as_synonym {
            return;
        }
        let span = self.head(at);
        let line = format!("{key} = {example}");
        self.error(span, m::has_no(what, key), Some(m::add_it(&line)));
    }

    /// Every key and string of a table, at any depth, with hidden characters. (toml nests no deeper than 80.)
    pub(super) fn scan_hidden(&mut self, t: &DeTable<'_>) {
        for (k, v) in t.iter() {
            if let Some(h) = crate::model::HiddenText::find(k.get_ref(), self.at(k), true, false) {
                self.hidden.push(h);
            }
            self.scan_value(k.get_ref(), v);
        }
    }

    fn scan_value(&mut self, key: &str, v: &TSpanned<DeValue<'_>>) {
        match v.get_ref() {
            DeValue::String(s) => {
                if let Some(h) = crate::model::HiddenText::find(s, self.at(v), false, schema::is_free_text(key)) {
                    self.hidden.push(h);
                }
            }
            DeValue::Array(items) => items.iter().for_each(|i| self.scan_value(key, i)),
            DeValue::Table(t) => self.scan_hidden(t),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_findings_head_is_its_first_line() {
        let src = Source::new("t.toml", "x = 1\n[[activity]]\ntitle = \"A\"\r\nwhen = 1\n");
        let loader = Loader::new(&src);
        assert_eq!(loader.head(Span::new(6, 40)), Span::new(6, 18));
        assert_eq!(loader.head(Span::new(19, 30)), Span::new(19, 30));
        assert_eq!(loader.head(Span::new(19, 33)), Span::new(19, 30));
        assert_eq!(loader.head(Span::new(32, 39)), Span::new(32, 39));
        // A span past the end (from a longer file) ends at the last line's end.
        assert_eq!(loader.head(Span::new(37, 99)), Span::new(37, 40));
    }
}
