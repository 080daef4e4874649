//! An activity: `[[activity]]` or `[[phase.activity]]`.

use super::loader::{Loader, find};
use crate::diag::{RuleId, Span};
use crate::lang::Text;
use crate::messages::load as m;
use crate::model::*;
use crate::schema;
use crate::when::{self, When};
use chrono::NaiveDate;
use toml::de::DeTable;

impl Loader<'_> {
    pub(super) fn activity(&mut self, t: &DeTable<'_>, span: Span, phase: Option<usize>) -> Option<Activity> {
        self.activity_keys(t, phase.is_some());
        let title = self.req_string(t, "title", span, &m::an_activity());
        let what = match &title {
            Some(t) => m::activity_named(&t.value),
            None => m::an_activity(),
        };
        let id = self.activity_id(t, title.as_ref());
        let (when, last_day) = self.activity_days(t, span, &what);
        let owners = self.string_list(t, "owner");
        let named_phase = if phase.is_none() { self.string(t, "phase") } else { None };
        let components = self.string_list(t, "components");
        let goals = self.string_list(t, "goals");
        let after = self.string_list(t, "after");
        let kind = self.string(t, "kind").map(|s| s.value);
        let tags = self.string_list(t, "tags").into_iter().map(|s| s.value).collect();
        let audience = self.audience(t);
        let notes = self.string(t, "notes").map(|s| s.value);
        let postponed_from = self.when(t, "postponed-from");
        let reason = self.string(t, "reason").map(|s| s.value);
        let places = self
            .integer(t, "places", &schema::ACTIVITY)
            .map(|n| Spanned::new(n as u32, find(t, "places").map_or(Span::default(), |(_, v)| self.at(v))));
        let participants = self.string_list(t, "participants");
        let cost = self.cost(t, &schema::ACTIVITY);
        let allow = self.allowed_rules(t);
        // The activity's extent, from its header to its last value, so findings inside it can be allowed.
        let extent_end = t.iter().map(|(_, v)| self.at(v).end).max().unwrap_or(span.end).max(span.start);
        let (status, status_span, done) = self.status_and_done(t);
        let phase = match (phase, named_phase) {
            (Some(i), _) => Some(PhaseRef::Nested(i)),
            (None, Some(p)) => Some(PhaseRef::Named(p)),
            (None, None) => None,
        };
        let (id, derived_id) = id?;
        Some(Activity {
            id,
            derived_id,
            title: title?,
            when: when?,
            last_day: last_day?,
            span: self.head(span),
            extent: Span::new(span.start, extent_end),
            allow,
            owners,
            phase,
            components,
            goals,
            after,
            kind,
            audience,
            tags,
            places,
            cost,
            participants,
            status,
            status_span,
            done,
            postponed_from,
            reason,
            notes,
        })
    }

    /// Unknown keys, and a `phase` where a nested activity cannot have one.
    fn activity_keys(&mut self, t: &DeTable<'_>, nested: bool) {
        // "phase" is known in both places so that a nested one gets the clearer error below.
        let allowed = schema::keys(&schema::ACTIVITY);
        let what_table = if nested { m::a_nested_activity() } else { m::an_activity() };
        if nested && let Some((k, _)) = find(t, "phase") {
            self.error(self.at(k), m::nested_activity_names_a_phase(), Some(m::nested_activity_names_a_phase_help()));
        }
        self.check_keys(t, &allowed, &what_table);
    }

    /// The activity's id, and whether it was derived from the title (there is no `id` key).
    fn activity_id(&mut self, t: &DeTable<'_>, title: Option<&Spanned<String>>) -> Option<(Spanned<String>, bool)> {
        match find(t, "id") {
            Some(_) => self.string(t, "id").and_then(|id| self.checked_id(id)).map(|id| (id, false)),
            None => title.and_then(|title| {
                let s = slug(&title.value);
                if s.is_empty() {
                    self.error(title.span, m::no_id_from_title(), Some(m::give_an_id()));
                    None
                } else {
                    Some((Spanned::new(s, title.span), true))
                }
            }),
        }
    }

    /// `when`, and the last day the activity takes: from `when`, `end` or `duration`.
    fn activity_days(
        &mut self,
        t: &DeTable<'_>,
        span: Span,
        what: &Text,
    ) -> (Option<Spanned<When>>, Option<NaiveDate>) {
        if find(t, "when").is_none() {
            self.missing(t, span, "when", what, "\"mars 2026\"");
        }
        let when = self.when(t, "when");
        let end = self.when(t, "end");
        let duration = match self.string(t, "duration") {
            Some(d) => match when::parse_duration(&d.value) {
                Ok(dur) => Some((dur, d.span)),
                Err(e) => {
                    self.error(d.span, m::cannot_read("duration", &e.message), Some(e.help));
                    None
                }
            },
            None => None,
        };
        let mut last_day = when.as_ref().map(|w| w.value.end);
        if let (Some(w), Some(e)) = (&when, &end) {
            if e.value.end < w.value.start {
                self.error(e.span, m::activity_ends_before_start(e.value.end, w.value.start), None);
            }
            last_day = Some(e.value.end.max(w.value.end));
        }
        if let Some((dur, dspan)) = &duration {
            if end.is_some() {
                self.error(*dspan, m::end_or_duration(), None);
            } else if let Some(w) = &when {
                match dur.last_day(w.value.start) {
                    Some(d) => last_day = Some(d.max(w.value.end)),
                    None => self.error(*dspan, m::duration_past_calendar(), None),
                }
            }
        }
        (when, last_day)
    }

    /// `allow`: rule ids, each one a rule implan has.
    fn allowed_rules(&mut self, t: &DeTable<'_>) -> Vec<Spanned<String>> {
        let allow: Vec<Spanned<String>> = self.string_list(t, "allow");
        for a in &allow {
            if RuleId::parse(&a.value).is_none() {
                self.error(a.span, unknown_rule(&a.value), Some(m::rules_list_help()));
            }
        }
        allow
    }

    /// `status` and `done`: a done date alone means done, and one with another status is a contradiction.
    /// `audience`, one of the words [`crate::model::AUDIENCE_WORDS`] lists.
    fn audience(&mut self, t: &DeTable<'_>) -> Option<crate::model::Audience> {
        let written = self.string(t, "audience")?;
        let audience = crate::model::Audience::parse(&written.value);
        if audience.is_none() {
            self.error(written.span, m::unknown_audience(&written.value), Some(m::audience_help()));
        }
        audience
    }

    fn status_and_done(&mut self, t: &DeTable<'_>) -> (Status, Option<Span>, Option<Spanned<NaiveDate>>) {
        let status_v = self.string(t, "status");
        let mut known_status = true;
        let mut status = match &status_v {
            None => Status::Planned,
            Some(s) => match Status::parse(&s.value) {
                Some(st) => st,
                None => {
                    self.error(s.span, m::unknown_status(&s.value), Some(unknown_status_help(&s.value)));
                    known_status = false;
                    Status::Planned
                }
            },
        };
        let done = match find(t, "done") {
            None => None,
            Some((_, v)) => match self.when_value("done", v, false) {
                Some(w) if w.value.precision == crate::when::Precision::Day => {
                    if status_v.is_none() {
                        status = Status::Done;
                    } else if status != Status::Done && known_status {
                        // An unknown status was reported already; "the status is 'planned'" would be a guess.
                        let msg = m::done_but_status(status.as_str());
                        self.error(w.span, msg, Some(m::done_but_status_help()));
                    }
                    Some(Spanned::new(w.value.start, w.span))
                }
                Some(w) => {
                    self.error(w.span, m::done_must_be_a_day(), None);
                    None
                }
                None => None,
            },
        };
        (status, status_v.map(|s| s.span), done)
    }
}

/// What to write instead of a status implan does not know: the nearest known word, or for "postponed", which
/// is no status, how a postponed activity is written.
/// What to say about an id in `allow` or `[lint.rules]` that names no rule: the nearest id when one is close.
pub(super) fn unknown_rule(id: &str) -> Text {
    crate::messages::commands::unknown_rule(id, RuleId::nearest(id))
}

fn unknown_status_help(word: &str) -> Text {
    let lower = word.trim().to_lowercase();
    if ["utsettes", "flyttet", "flytta", "moved", "rescheduled"].contains(&lower.as_str()) {
        return m::postponed_help();
    }
    match crate::suggest::nearest(&lower, schema::STATUS.list()) {
        Some(near) => m::did_you_mean_status(near),
        None => m::status_words(),
    }
}

#[cfg(test)]
mod tests {
    use crate::load::testing::{HEAD, errors, loads};
    use crate::model::{PhaseRef, Status};

    #[test]
    fn an_activity_may_end_the_day_it_starts_and_is_done_on_a_day() {
        let activity = |extra: &str| format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"2026-03-02\"\n{extra}");
        assert_eq!(errors(&activity("end = \"2026-03-02\"\n")), []);
        assert_eq!(
            errors(&activity("end = \"2026-03-01\"\n"))[0].1,
            "the activity ends (2026-03-01) before it starts (2026-03-02)"
        );
        assert_eq!(errors(&activity("done = 2026-03-03\n")), []);
        assert_eq!(errors(&activity("done = \"mars 2026\"\n"))[0].1, "'done' must be a day, such as 2026-03-12");
    }

    #[test]
    fn activities_inside_phases_and_derived_ids() {
        let p = loads(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2026\"\n[[phase.activity]]\ntitle = \"Oppstartsmøte i FAU\"\nwhen = \"mars 2026\"\nduration = \"3 dager\"\ndone = 2026-03-03\n"
        ));
        let a = &p.activities[0];
        assert_eq!(a.id.value, "oppstartsmote-i-fau");
        assert!(a.derived_id);
        assert_eq!(a.phase, Some(PhaseRef::Nested(0)));
        assert_eq!(a.status, Status::Done, "a done date alone means done");
        assert_eq!(a.last_day.to_string(), "2026-03-31", "a month plus 3 days still ends with the month");
        let e = errors(&format!(
            "{HEAD}[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"Vår 2026\"\n[[phase.activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nphase = \"q\"\n"
        ));
        assert_eq!(e[0].1, "an activity written inside a phase cannot name another phase");
    }

    #[test]
    fn contradictions_and_blanks() {
        let e = errors(&format!(
            "{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nstatus = \"planlagt\"\ndone = 2026-03-03\nowner = [\"\"]\nduration = \"613566757 uker\"\n"
        ));
        let msgs: Vec<&str> = e.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "a done date is given, but the status is 'planned'",
                "'owner' holds an empty name",
                "cannot read 'duration': '613566757 uker' is longer than 100 years"
            ]
        );
        let e = errors(&format!("{HEAD}[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nend = \"februar 2026\"\n"));
        assert_eq!(e[0].1, "the activity ends (2026-02-28) before it starts (2026-03-01)");
        let e = errors("[plan]\ntitle = \"T\"\nstart = 12\nend = \"2026\"\n");
        assert_eq!(e[0].1, "cannot read 'start': 12 is not a year");
    }
}
