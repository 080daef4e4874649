use super::{Ctx, Rule, describe, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::did_you_mean;
use crate::messages::rules::season_mismatch as m;
use crate::model::{Activity, Phase};
use crate::when::shift_label_years;
use chrono::Datelike;

pub const RULE: Rule = Rule {
    id: RuleId::SeasonMismatch,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("season-mismatch"),
    check: Some(check),
};

/// Whether an activity lies inside its phase's span.
pub(super) fn inside(p: &Phase, a: &Activity) -> bool {
    a.when.value.start >= p.span.start && a.last_day <= p.span.end
}

/// The whole number of years by which the phase's span must move to hold the activity, if any does. Moved by
/// k years, the span starts in the year k after its own, so k is the activity's year less the span's, or one
/// less when the span runs over New Year ("Høst 2025 – Vår 2026" moved to hold March 2027 is one year on).
fn years_off(p: &Phase, a: &Activity) -> Option<i32> {
    let guess = a.when.value.start.year() - p.span.start.year();
    [guess, guess - 1].into_iter().find(|&k| {
        k != 0 && p.span.shifted_years(k).is_some_and(|s| a.when.value.start >= s.start && a.last_day <= s.end)
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let finder = PhaseFinder::new(plan);
    for (p, acts) in plan.phases.iter().zip(&ctx.phase_activities) {
        // Explicit start and end decide the span, but a label that reads as a date must agree with them.
        if p.explicit
            && let Some(l) = p.label_when
            && !(p.span.start >= l.start && p.span.end <= l.end)
        {
            let mut f = RULE
                .finding(
                    p.label.span,
                    m::label_and_dates_disagree(
                        &p.name,
                        &p.label.value,
                        &describe(l.start, l.end),
                        &describe(p.span.start, p.span.end),
                    ),
                )
                .label(m::they_disagree());
            let shifted = [-2, -1, 1, 2]
                .into_iter()
                .find(|&k| l.shifted_years(k).is_some_and(|s| p.span.start >= s.start && p.span.end <= s.end));
            f = match shifted {
                Some(k) => f.help(did_you_mean(&shift_label_years(&p.label.value, k))),
                None => f.help(m::make_them_agree()),
            };
            out.push(f);
        }
        let outside: Vec<&Activity> = acts.iter().map(|&i| &plan.activities[i]).filter(|a| !inside(p, a)).collect();
        if outside.is_empty() {
            continue;
        }
        let span_text = describe(p.span.start, p.span.end);
        let what = if p.explicit { m::labelled_here() } else { m::the_phases_period() };
        if outside.len() == acts.len() && !p.explicit {
            let shifts: Vec<Option<i32>> = outside.iter().map(|a| years_off(p, a)).collect();
            if let Some(Some(k)) = shifts.first()
                && shifts.iter().all(|s| *s == Some(*k))
            {
                let first = outside.iter().map(|a| a.when.value.start).min().unwrap_or(p.span.start);
                let last = outside.iter().map(|a| a.last_day).max().unwrap_or(p.span.end);
                out.push(
                    RULE.finding(
                        p.label.span,
                        m::all_years_off(outside.len(), &p.name, k.unsigned_abs(), *k > 0, &p.label.value),
                    )
                    .label(m::label_is_but_activities_are(&p.label.value, &span_text, &describe(first, last)))
                    .help(did_you_mean(&shift_label_years(&p.label.value, *k)))
                    .fix(relabel(p, *k)),
                );
                continue;
            }
        }
        for a in outside {
            let mut f = RULE
                .finding(
                    a.when.span,
                    m::outside_its_phase(
                        &a.title.value,
                        &describe(a.when.value.start, a.last_day),
                        &p.name,
                        &p.label.value,
                    ),
                )
                .label(m::not_within(&span_text))
                .related(p.label.span, what.clone());
            f = match finder.containing(a) {
                Some(q) => f.help(m::move_to_phase(&q.name, &q.label.value)),
                None => f.help(m::correct_date_or_period()),
            };
            out.push(f);
        }
    }
}

/// Finds a phase whose span holds an activity, by binary search over phases sorted by start: of the phases
/// starting on or before the activity, the one reaching furthest holds it if any does.
struct PhaseFinder<'a> {
    starts: Vec<chrono::NaiveDate>,
    /// For each prefix of the sorted phases, the one that ends last.
    furthest: Vec<&'a Phase>,
}

impl<'a> PhaseFinder<'a> {
    fn new(plan: &'a crate::model::Plan) -> Self {
        let mut sorted: Vec<&Phase> = plan.phases.iter().filter(|q| !q.name.is_empty()).collect();
        sorted.sort_by_key(|q| q.span.start);
        let mut furthest: Vec<&Phase> = Vec::with_capacity(sorted.len());
        for q in &sorted {
            let best = match furthest.last() {
                Some(b) if b.span.end >= q.span.end => *b,
                _ => *q,
            };
            furthest.push(best);
        }
        PhaseFinder { starts: sorted.iter().map(|q| q.span.start).collect(), furthest }
    }

    fn containing(&self, a: &Activity) -> Option<&'a Phase> {
        let n = self.starts.partition_point(|s| *s <= a.when.value.start);
        let q = *self.furthest.get(n.checked_sub(1)?)?;
        inside(q, a).then_some(q)
    }
}

/// The label moved by `years`: unsafe, because the activities may be the ones dated wrong.
fn relabel(p: &Phase, years: i32) -> crate::diag::Fix {
    let label = shift_label_years(&p.label.value, years);
    let text = crate::escape::toml_string(&label, false);
    crate::diag::Fix::replace(
        crate::diag::Applicability::Unsafe,
        p.label.span,
        text,
        crate::messages::common::write_this(&label),
    )
}
