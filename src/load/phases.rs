//! `[[phase]]` tables, and the activities written inside them.

use super::loader::Loader;
use crate::messages::load as m;
use crate::model::*;
use crate::schema;
use crate::when::{self, When};
use chrono::NaiveDate;
use toml::de::DeTable;

impl Loader<'_> {
    pub(super) fn phases(&mut self, doc: &DeTable<'_>, activities: &mut Vec<Activity>) -> Vec<Phase> {
        let mut out = Vec::new();
        for (t, span) in self.tables(doc, "phase", "[[phase]]") {
            self.check_keys(t, &schema::keys(&schema::PHASE), &m::a_phase());
            let id = self.id(t, span, &m::a_phase());
            let what = match &id {
                Some(id) => m::phase_named(&id.value),
                None => m::a_phase(),
            };
            let name = self.req_string(t, "name", span, &what);
            let label = self.req_string(t, "period", span, &what);
            let start = self.when(t, "start");
            let end = self.when(t, "end");
            let goal = self.string(t, "goal").map(|s| s.value);
            let explicit = start.is_some() && end.is_some();
            let label_when = match &label {
                Some(l) if explicit => when::parse_period(&l.value).ok(),
                Some(l) => match when::parse_period(&l.value) {
                    Ok(w) => Some(w),
                    Err(e) => {
                        self.error(l.span, m::cannot_read_period(&e.message), Some(m::period_help(&e.help)));
                        None
                    }
                },
                None => None,
            };
            let span_when = match (&start, &end, label_when) {
                (Some(s), Some(e), _) => {
                    Some(When { start: s.value.start, end: e.value.end, precision: s.value.precision, time: None })
                }
                (s, e, Some(l)) => Some(When {
                    start: s.as_ref().map_or(l.start, |s| s.value.start),
                    end: e.as_ref().map_or(l.end, |e| e.value.end),
                    ..l
                }),
                _ => None,
            };
            // With only one of start/end, the other comes from the label, and the two may cross.
            let mut span_when = span_when;
            if let Some(w) = span_when
                && w.end < w.start
            {
                let at = end.as_ref().or(start.as_ref()).map_or(span, |x| x.span);
                self.error(at, m::phase_ends_before_start(w.end, w.start), Some(m::phase_dates_help()));
                span_when = None;
            }
            let index = self.phase_base + out.len();
            for (a, aspan) in self.tables(t, "activity", "[[phase.activity]]") {
                if let Some(a) = self.activity(a, aspan, Some(index)) {
                    activities.push(a);
                }
            }
            if let (Some(id), Some(name), Some(label), Some(span_when)) = (id, name, label, span_when) {
                out.push(Phase { id, name: name.value, label, label_when, span: span_when, explicit, goal });
            } else {
                // Keep indexes of later phases aligned with `[[phase]]` order for the activities above.
                out.push(Phase {
                    id: Spanned::new(String::new(), span),
                    name: String::new(),
                    label: Spanned::new(String::new(), span),
                    label_when: None,
                    span: When::day(NaiveDate::MIN),
                    explicit: true,
                    goal: None,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::load::testing::{HEAD, errors, loads};

    #[test]
    fn a_phases_period_is_read_unless_start_and_end_both_replace_it() {
        let phase = |extra: &str| format!("{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Fase én\"\n{extra}");
        // A label only, or with one end given: it must be a period.
        for extra in ["", "start = \"mars 2026\"\n", "end = \"mai 2026\"\n"] {
            let found = errors(&phase(extra));
            assert!(found[0].1.starts_with("cannot read the phase's period"), "{extra}: {found:?}");
        }
        // Both given: the label is only a name.
        let p = loads(&phase("start = \"mars 2026\"\nend = \"mai 2026\"\n"));
        assert_eq!(
            (p.phases[0].span.start.to_string(), p.phases[0].span.end.to_string()),
            ("2026-03-01".into(), "2026-05-31".into())
        );
        // One end given: it replaces that end of the period; a phase of one day is a phase.
        let one = |extra: &str| {
            let p = loads(&format!("{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"mars 2026\"\n{extra}"));
            (p.phases[0].span.start.to_string(), p.phases[0].span.end.to_string())
        };
        assert_eq!(one("end = \"2026-03-15\"\n"), ("2026-03-01".into(), "2026-03-15".into()));
        assert_eq!(one("end = \"2026-03-01\"\n"), ("2026-03-01".into(), "2026-03-01".into()));
    }

    #[test]
    fn phases_with_one_explicit_end_and_crossing_dates() {
        let e = errors(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2025\"\nstart = \"mars 2026\"\n"
        ));
        assert_eq!(e[0].1, "the phase ends (2025-06-30) before it starts (2026-03-01)");
        let p = loads(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2026\"\nstart = \"mars 2026\"\n"
        ));
        assert_eq!(p.phases[0].span.start.to_string(), "2026-03-01");
        assert_eq!(p.phases[0].span.end.to_string(), "2026-06-30");
    }
}
