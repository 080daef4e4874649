//! Requirements (`[[requirement]]`, or `[[recurring]]` by its older name) and their cadence.

use super::loader::{Loader, TSpanned, find};
use crate::diag::Span;
use crate::lang::Text;
use crate::messages::common::{did_you_mean, quoted_list};
use crate::messages::load as m;
use crate::model::*;
use crate::schema;
use crate::suggest::nearest;
use crate::when;
use toml::de::{DeTable, DeValue};

impl Loader<'_> {
    pub(super) fn requirements(&mut self, doc: &DeTable<'_>) -> Vec<Requirement> {
        // `[[recurring]]` reads better for cadences, `[[requirement]]` for deadlines and quotas; they are the same.
        let mut tables = self.tables(doc, "recurring", "[[recurring]]");
        tables.extend(self.tables(doc, "requirement", "[[requirement]]"));
        tables.into_iter().filter_map(|(t, span)| self.requirement(t, span)).collect()
    }

    /// One `[[recurring]]` or `[[requirement]]` table.
    fn requirement(&mut self, t: &DeTable<'_>, span: Span) -> Option<Requirement> {
        self.check_keys(t, &schema::keys(&schema::REQUIREMENT), &m::a_requirement());
        let id = self.id(t, span, &m::a_requirement());
        let what = match &id {
            Some(id) => m::requirement_named(&id.value),
            None => m::a_requirement(),
        };
        let title = self.req_string(t, "title", span, &what);
        let kind = self.req_string(t, "kind", span, &what);
        let owner = self.string(t, "owner");
        let from = self.when(t, "from");
        let until = self.when(t, "until");
        let notes = self.string(t, "notes").map(|s| s.value);
        let by = self.when(t, "by");
        let within = match find(t, "within") {
            Some((_, v)) => self.when_value("within", v, true),
            None => None,
        };
        let before = self.string(t, "before");
        let quota = self.spanned_integer(t, "quota", &schema::REQUIREMENT);
        let quota_each = self.spanned_integer(t, "quota-each", &schema::REQUIREMENT);
        let participants = self.string_list(t, "participants");
        let advisory = self.boolean(t, "advisory").unwrap_or(false);
        let cost = self.cost(t, &schema::REQUIREMENT);
        let survey = self.survey(t);
        let window = self.window(t, survey.as_ref());
        let cadence = self.requirement_cadence(t, span, &what, survey.as_ref());
        let (id, title, kind) = (id?, title?, kind?);
        Some(Requirement {
            id,
            title: title.value,
            kind,
            owner,
            cadence,
            from,
            until,
            notes,
            by,
            within,
            before,
            quota,
            quota_each,
            participants,
            window,
            survey: survey.map(|(sv, span)| Spanned::new(sv, span)),
            cost,
            advisory,
        })
    }

    /// `survey`: a named survey, which brings its usual window and cadence.
    fn survey(&mut self, t: &DeTable<'_>) -> Option<(&'static SurveyNames, Span)> {
        match self.string(t, "survey") {
            Some(s) => match crate::model::survey(&s.value) {
                Some(sv) => Some((sv, s.span)),
                None => {
                    let known: Vec<&str> = crate::model::survey_names().collect();
                    let help = match nearest(&s.value, known.iter().copied()) {
                        Some(k) => did_you_mean(k),
                        None => m::surveys_known(&quoted_list(&known)),
                    };
                    self.error(s.span, m::unknown_survey(&s.value), Some(help));
                    None
                }
            },
            None => None,
        }
    }

    /// The months matching activities must start in: `months`, else the survey's window.
    fn window(&mut self, t: &DeTable<'_>, survey: Option<&(&SurveyNames, Span)>) -> Option<Spanned<Vec<u32>>> {
        // `months` overrides a survey's window.
        let mut window = survey
            .filter(|(sv, _)| !sv.survey.months.is_empty())
            .map(|(sv, span)| Spanned::new(sv.survey.months.to_vec(), *span));
        if let Some((_, v)) = find(t, "months") {
            let items: Vec<&TSpanned<DeValue<'_>>> = match v.get_ref() {
                DeValue::Array(a) => a.iter().collect(),
                _ => vec![v],
            };
            let mut months = Vec::new();
            for item in items {
                match item.get_ref() {
                    DeValue::Integer(i) if i.as_str().parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) => {
                        months.push(i.as_str().parse().unwrap_or(1))
                    }
                    DeValue::String(s) if when::month_word(&s.to_lowercase()).is_some() => {
                        months.push(when::month_word(&s.to_lowercase()).unwrap_or(1))
                    }
                    _ => self.error(self.at(item), m::not_a_month(), Some(m::months_help(10, "oktober"))),
                }
            }
            window = Some(Spanned::new(months, self.at(v)));
        }
        window
    }

    /// The cadence: `every` or `count`, else the survey's; without either, a requirement must check something
    /// else.
    fn requirement_cadence(
        &mut self,
        t: &DeTable<'_>,
        span: Span,
        what: &Text,
        survey: Option<&(&SurveyNames, Span)>,
    ) -> Option<Spanned<Cadence>> {
        if find(t, "every").is_some() || find(t, "count").is_some() {
            self.cadence(t, span, what)
        } else if let Some((sv, sspan)) = survey {
            Some(Spanned::new(Cadence::Every(sv.survey.every), *sspan))
        } else {
            if !schema::REQUIREMENT.at_least_one.iter().any(|k| find(t, k).is_some()) {
                let head = self.head(span);
                self.error(head, m::nothing_to_check(what), Some(m::nothing_to_check_help()));
            }
            if let Some(p) = self.string(t, "per") {
                self.error(p.span, m::per_goes_with_count(), None);
            }
            None
        }
    }

    fn cadence(&mut self, t: &DeTable<'_>, span: Span, what: &Text) -> Option<Spanned<Cadence>> {
        let every = self.string(t, "every");
        let count = find(t, "count");
        let per = self.string(t, "per");
        match (every, count) {
            (Some(_), Some((k, _))) => {
                self.error(self.at(k), m::every_and_count(what), Some(m::keep_one()));
                None
            }
            (None, None) => {
                let head = self.head(span);
                self.error(head, m::neither_every_nor_count(what), Some(m::neither_help()));
                None
            }
            (Some(e), None) => {
                if let Some(p) = &per {
                    self.error(p.span, m::per_not_with_every(), None);
                }
                match parse_every(&e.value) {
                    Some(m) => Some(Spanned::new(Cadence::Every(m), e.span)),
                    None => {
                        self.error(e.span, m::cannot_read_every(&e.value), Some(m::every_help()));
                        None
                    }
                }
            }
            (None, Some((_, c))) => {
                let one = |v: &DeValue<'_>| match v {
                    DeValue::Integer(i) => i.as_str().parse::<u32>().ok().map(|n| (n, n)),
                    DeValue::String(s) => parse_count(s),
                    _ => None,
                };
                // A list gives each period its own count, the last repeating: [4, 2] is "4 in year 1, then 2".
                let parsed: Option<Vec<(u32, u32)>> = match c.get_ref() {
                    DeValue::Array(items) if !items.is_empty() => items.iter().map(|i| one(i.get_ref())).collect(),
                    v => one(v).map(|r| vec![r]),
                };
                let Some(counts) = parsed else {
                    self.error(self.at(c), m::cannot_read_count(), Some(m::count_help()));
                    return None;
                };
                let Some(per) = per else {
                    let head = self.head(span);
                    self.error(head, m::count_without_per(what), Some(m::per_help()));
                    return None;
                };
                match parse_period_word(&per.value) {
                    Some(p) => Some(Spanned::new(Cadence::Count { counts, per: p }, self.at(c))),
                    None => {
                        self.error(per.span, m::cannot_read_per(&per.value), Some(m::per_words_help()));
                        None
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::testing::{HEAD, errors, loads};
    use crate::model::{Cadence, CadencePeriod};

    #[test]
    fn a_requirements_months_are_months() {
        let recurring = |months: &str| {
            format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\nevery = \"år\"\nmonths = {months}\n")
        };
        assert_eq!(errors(&recurring("[3, \"oktober\", 12]")), []);
        for bad in ["[13]", "[0]", "[\"oktobr\"]"] {
            assert_eq!(
                errors(&recurring(bad)).iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
                ["not a month"],
                "{bad}"
            );
        }
    }

    #[test]
    fn an_empty_list_of_counts_is_no_count() {
        let text =
            format!("{HEAD}[[requirement]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\ncount = []\nper = \"år\"\n");
        let found = errors(&text);
        assert_eq!(found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["cannot read 'count'"], "{found:?}");
    }

    #[test]
    fn recurring_requirements_need_a_cadence() {
        let e = errors(&format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\n"));
        assert_eq!(e[0].1, "requirement 'r' says nothing to check");
        // A deadline, a window or participants alone is something to check.
        for line in ["by = \"høst 2026\"", "within = \"vår 2026\"", "participants = [\"x\"]"] {
            let e = errors(&format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\n{line}\n"));
            assert!(e.iter().all(|e| !e.1.contains("nothing to check")), "{line}: {e:?}");
        }
        let e = errors(&format!("{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\ncount = \"4-8\"\n"));
        assert_eq!(e[0].1, "requirement 'r' has 'count' but no 'per'");
        let p = loads(&format!(
            "{HEAD}[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"k\"\ncount = \"4–8\"\nper = \"år\"\n"
        ));
        assert_eq!(
            p.requirements[0].cadence.as_ref().map(|c| c.value.clone()),
            Some(Cadence::Count { counts: vec![(4, 8)], per: CadencePeriod::Year })
        );
    }
}
