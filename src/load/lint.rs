//! A `[lint]` table, in a plan or alone in an `implan.toml`.

use super::loader::{Loader, TSpanned, find};
use crate::diag::{Finding, RuleId};
use crate::lang::{Lang, Text};
use crate::messages::load as m;
use crate::model::Spanned;
use crate::schema;
use crate::source::Source;
use crate::when;
use toml::de::{DeTable, DeValue};

/// What an `implan.toml` says: its `[lint]` table, checked as strictly as a plan's, and the language of the
/// plans below it that do not say theirs — its top-level `lang`, or, when the file is a plan itself, its
/// `[plan] lang`.
pub(crate) type ConfigText = (crate::lint::Lint, Option<crate::calendar::CalendarSpec>, Option<Lang>);

pub(crate) fn load_config_text(source: &Source) -> Result<ConfigText, Vec<Finding>> {
    let (doc, errors) = DeTable::parse_recoverable(&source.text);
    if !errors.is_empty() {
        return Err(super::syntax_findings(&source.text, errors).into_iter().take(1).collect());
    }
    let mut loader = Loader::new(source);
    let doc = doc.get_ref();
    let lint = loader.lint(doc).unwrap_or_default();
    let calendar = loader.calendar(doc);
    let lang = match loader.table(doc, "plan") {
        Some((plan, _)) if find(doc, "lang").is_none() => loader.lang(plan),
        _ => loader.lang(doc),
    };
    if loader.errors.is_empty() { Ok((lint, calendar, lang)) } else { Err(loader.errors) }
}

impl Loader<'_> {
    /// A `[lint]` table: rule levels and rule options.
    pub(super) fn lint(&mut self, doc: &DeTable<'_>) -> Option<crate::lint::Lint> {
        use crate::lint::{Level, Lint};
        let (t, _) = self.table(doc, "lint")?;
        self.check_keys(t, &schema::keys(&schema::LINT), &Text::verbatim("[lint]"));
        let mut lint = Lint::default();
        if let Some((rules, _)) = self.table(t, "rules") {
            for (k, v) in rules.iter() {
                let Some(rule) = RuleId::parse(k.get_ref()) else {
                    self.error(self.at(k), super::activity::unknown_rule(k.get_ref()), Some(m::rules_list_help()));
                    continue;
                };
                let id = Spanned::new(rule, self.at(k));
                match v.get_ref() {
                    DeValue::String(s) => match Level::parse(s) {
                        Some(level) => lint.levels.push((id, level)),
                        None => self.error(self.at(v), m::unknown_level(s), Some(m::level_help())),
                    },
                    _ => self.type_error(id.value.as_str(), v, &m::a_level()),
                }
            }
        }
        if let Some((o, _)) = self.table(t, "options") {
            self.check_keys(o, &schema::keys(&schema::LINT_OPTIONS), &Text::verbatim("[lint.options]"));
            lint.idle_gap_months = self.integer(o, "idle-gap-months", &schema::LINT_OPTIONS).map(|n| n as usize);
            lint.cadence_tolerance = self.integer(o, "cadence-tolerance", &schema::LINT_OPTIONS).map(|n| n as u32);
            lint.owner_overload_max = self.integer(o, "owner-overload-max", &schema::LINT_OPTIONS).map(|n| n as usize);
            lint.autumn_break_week = self.integer(o, "autumn-break-week", &schema::LINT_OPTIONS).map(|n| n as u32);
            lint.winter_break_week = self.integer(o, "winter-break-week", &schema::LINT_OPTIONS).map(|n| n as u32);
            if let Some((_, v)) = find(o, "summer-months") {
                let mut months = Vec::new();
                let items: Vec<&TSpanned<DeValue<'_>>> = match v.get_ref() {
                    DeValue::Array(a) => a.iter().collect(),
                    _ => vec![v],
                };
                for item in items {
                    let m = match item.get_ref() {
                        DeValue::Integer(i) => i.as_str().parse::<u32>().ok().filter(|m| (1..=12).contains(m)),
                        DeValue::String(s) => when::month_word(&s.to_lowercase()),
                        _ => None,
                    };
                    match m {
                        Some(m) => months.push(m),
                        None => self.error(self.at(item), m::not_a_month(), Some(m::months_help(7, "juli"))),
                    }
                }
                lint.summer_months = Some(months);
            }
        }
        Some(lint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_lint_table_and_the_language_are_read_from_a_configuration() {
        let read = |text: &str| load_config_text(&Source::new("implan.toml", text));
        let (lint, _, lang) = read("[lint.options]\nidle-gap-months = 4\n").expect("valid");
        assert_eq!((lint.idle_gap_months, lang), (Some(4), None));
        let errors = read("[lint.options]\nidle-gap-months = \"four\"\n").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(read("[lint\n").is_err());
        assert_eq!(read("lang = \"nn\"\n[lint]\n").unwrap().2, Some(Lang::Nn));
        assert_eq!(read("[plan]\ntitle = \"T\"\nlang = \"en\"\n").unwrap().2, Some(Lang::En), "a plan's own");
        assert_eq!(read("lang = \"nb\"\n[plan]\nlang = \"en\"\n").unwrap().2, Some(Lang::Nb), "the top level first");
        let errors = read("lang = \"svensk\"\n").unwrap_err();
        assert!(errors[0].message.en().contains("svensk"), "{errors:?}");
    }
}
