use super::{Ctx, Rule, describe, rule_doc, season_mismatch::inside};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::quoted_list;
use crate::messages::rules::phase_order as m;
use crate::model::Phase;
use chrono::{Datelike, NaiveDate};

pub const RULE: Rule = Rule {
    id: RuleId::PhaseOrder,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("phase-order"),
    check: Some(check),
};

fn overlaps(a: &Phase, b: &Phase) -> bool {
    a.span.start <= b.span.end && b.span.start <= a.span.end
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let phases = &ctx.plan.phases;
    let acts = &ctx.plan.activities;
    // Start days of each phase's activities, sorted, for counting by binary search.
    let starts: Vec<Vec<NaiveDate>> = ctx
        .phase_activities
        .iter()
        .map(|ids| {
            let mut v: Vec<NaiveDate> = ids.iter().map(|&i| acts[i].when.value.start).collect();
            v.sort_unstable();
            v
        })
        .collect();
    // A phase none of whose activities fit its label has a wrong label (season-mismatch says so); reasoning
    // from that label would only repeat the same mistake as overlaps.
    let label_wrong: Vec<bool> = phases
        .iter()
        .zip(&ctx.phase_activities)
        .map(|(p, ids)| !ids.is_empty() && ids.iter().all(|&i| !inside(p, &acts[i])))
        .collect();
    listed_out_of_order(phases, &starts, out);
    overlapping_periods(phases, &label_wrong, out);
    holding_others_activities(ctx, &starts, &label_wrong, out);
}

/// A phase listed after one that starts later, by its period or by its first activity.
fn listed_out_of_order(phases: &[Phase], starts: &[Vec<NaiveDate>], out: &mut Vec<Finding>) {
    for i in 1..phases.len() {
        let (prev, p) = (&phases[i - 1], &phases[i]);
        if p.span.start < prev.span.start {
            out.push(
                RULE.finding(
                    p.label.span,
                    m::starts_before_previous(&p.name, &p.label.value, &prev.name, &prev.label.value),
                )
                .related(prev.label.span, m::the_earlier_listed_phase())
                .help(m::list_in_order_or_correct_periods()),
            );
        } else if let (Some(a), Some(b)) = (starts[i].first(), starts[i - 1].first())
            && a < b
        {
            out.push(
                RULE.finding(p.label.span, m::activities_before_previous(&p.name, a, &prev.name, b))
                    .help(m::list_in_order_or_move_activities()),
            );
        }
    }
}

/// Overlapping periods: sweep by start, comparing each phase with the one reaching furthest so far. Each
/// overlapping phase is reported once, against one partner, in O(m log m).
fn overlapping_periods(phases: &[Phase], label_wrong: &[bool], out: &mut Vec<Finding>) {
    let mut order: Vec<usize> = (0..phases.len()).filter(|&i| !label_wrong[i]).collect();
    order.sort_by_key(|&i| (phases[i].span.start, i));
    let mut reach: Option<usize> = None;
    for &j in &order {
        if let Some(i) = reach
            && overlaps(&phases[i], &phases[j])
        {
            // Named in file order.
            let (p, q) = (&phases[i.min(j)], &phases[i.max(j)]);
            out.push(
                RULE.finding(q.label.span, m::periods_overlap(&p.name, &p.label.value, &q.name, &q.label.value))
                    .label(m::period_overlaps(&describe(q.span.start, q.span.end), &describe(p.span.start, p.span.end)))
                    .related(p.label.span, m::the_other_phase())
                    .help(m::make_them_follow()),
            );
        }
        if reach.is_none_or(|i| phases[j].span.end > phases[i].span.end) {
            reach = Some(j);
        }
    }
}

/// What a phase's period holds of other phases' activities (phases whose periods it overlaps were reported
/// by [`overlapping_periods`]).
struct OthersInside {
    /// Up to four of the other phases, in file order.
    phases: Vec<usize>,
    /// How many of their activities were seen inside.
    count: usize,
    /// Whether there were more than were looked at.
    truncated: bool,
    /// The start of the last of them seen.
    latest: Option<NaiveDate>,
}

/// A phase whose period holds activities of other phases. A single activity outside its own phase is
/// season-mismatch's to report, not an overlap of phases.
fn holding_others_activities(ctx: &Ctx, starts: &[Vec<NaiveDate>], label_wrong: &[bool], out: &mut Vec<Finding>) {
    let phases = &ctx.plan.phases;
    let acts = &ctx.plan.activities;
    let mut all: Vec<(NaiveDate, usize)> = ctx
        .phase_activities
        .iter()
        .enumerate()
        .flat_map(|(p, ids)| {
            ids.iter()
                .filter(move |&&i| label_wrong[p] || inside(&phases[p], &acts[i]))
                .map(move |&i| (acts[i].when.value.start, p))
        })
        .collect();
    all.sort_unstable();
    for (i, p) in phases.iter().enumerate() {
        if label_wrong[i] {
            continue;
        }
        let others = others_inside(phases, i, &all);
        if !others.phases.is_empty() {
            out.push(others_finding(phases, p, starts[i].first(), &others));
        }
    }
}

/// The other phases' activities inside phase `i`'s period, from `all`: every phase's activities as (start,
/// phase), sorted.
fn others_inside(phases: &[Phase], i: usize, all: &[(NaiveDate, usize)]) -> OthersInside {
    let p = &phases[i];
    let lo = all.partition_point(|(d, _)| *d < p.span.start);
    let hi = all.partition_point(|(d, _)| *d <= p.span.end);
    // A bounded look at the range, so that many phases over many activities stay O(n log n) in practice.
    const LOOK: usize = 1_000;
    let mut found = OthersInside { phases: Vec::new(), count: 0, truncated: hi - lo > LOOK, latest: None };
    for &(d, q) in all[lo..hi].iter().take(LOOK) {
        if q == i || overlaps(p, &phases[q]) {
            continue;
        }
        found.count += 1;
        found.latest = Some(d);
        if !found.phases.contains(&q) && found.phases.len() < 4 {
            found.phases.push(q);
        }
    }
    found.phases.sort_unstable();
    found
}

fn others_finding(phases: &[Phase], p: &Phase, own_first: Option<&NaiveDate>, others: &OthersInside) -> Finding {
    let names: Vec<&str> = others.phases.iter().map(|&q| phases[q].name.as_str()).collect();
    let f = RULE
        .finding(p.label.span, m::holds_others_activities(&p.name, &p.label.value, &quoted_list(&names), names.len()))
        .label(m::others_inside(others.count, others.truncated, &describe(p.span.start, p.span.end)));
    match (own_first, others.latest) {
        // Starting the phase at its own first activity helps only when the others all come before it.
        // (The others lie inside the phase, so the own first one is then after the phase's start.)
        (Some(first), Some(latest)) if latest < *first => f.help(m::start_at_own_activities(&describe(
            *first,
            crate::when::last_day_of_month(first.year(), first.month()).unwrap_or(*first),
        ))),
        _ => f.help(m::follow_or_move()),
    }
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/phase-order/`; here, the bounds on how far it
/// looks, on plans of a thousand activities and more.
#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    fn plan(phases: &[(&str, &[&str])]) -> String {
        let mut s =
            HEAD.replace("start = \"vår 2026\"", "start = \"2026\"").replace("end = \"høst 2026\"", "end = \"2028\"");
        for (n, (label, whens)) in phases.iter().enumerate() {
            s.push_str(&format!("\n[[phase]]\nid = \"p{n}\"\nname = \"P{n}\"\nperiod = \"{label}\"\n"));
            for (i, w) in whens.iter().enumerate() {
                s.push_str(&format!("[[phase.activity]]\ntitle = \"A{n}-{i}\"\nwhen = \"{w}\"\n"));
            }
        }
        s
    }

    /// A phase for 2026 holding its own activity in January and, of a spring-2027 phase whose label is a year
    /// off, `n` activities in 2026.
    fn swallowing(n: usize) -> Vec<crate::diag::Finding> {
        let whens: Vec<String> = (0..n).map(|k| format!("2026-{:02}-{:02}", k % 12 + 1, k % 28 + 1)).collect();
        let whens: Vec<&str> = whens.iter().map(String::as_str).collect();
        run_rule(&RULE, &plan(&[("2026", &["januar 2026"]), ("Vår 2027", &whens)]))
    }

    #[test]
    fn a_phase_holding_very_many_of_anothers_activities() {
        // A thousand activities in the range are all looked at; one more and the count is a lower bound.
        let f = swallowing(999);
        assert_eq!(f[0].label.as_ref().map(|t| t.en()), Some("999 of their activities fall inside 2026-01 – 2026-12"));
        let f = swallowing(1_000);
        assert_eq!(
            f[0].label.as_ref().map(|t| t.en()),
            Some("more than 999 of their activities fall inside 2026-01 – 2026-12")
        );
    }

    #[test]
    fn the_look_is_bounded_within_the_phase_not_from_the_start_of_the_plan() {
        // A thousand activities of 2025 before the phase of 2026: they do not count towards its look.
        let early: Vec<String> = (0..1_000).map(|k| format!("2025-{:02}-{:02}", k % 12 + 1, k % 28 + 1)).collect();
        let early: Vec<&str> = early.iter().map(String::as_str).collect();
        let s = plan(&[("2025", &early), ("2026", &["januar 2026"]), ("Vår 2027", &["mars 2026"])]);
        let f = run_rule(&RULE, &s);
        let overlap =
            f.iter().find(|f| f.message.en().starts_with("phase 'P1' (2026) overlaps the activities")).unwrap();
        assert_eq!(
            overlap.label.as_ref().map(|t| t.en()),
            Some("1 of their activities falls inside 2026-01 – 2026-12")
        );
    }
}
