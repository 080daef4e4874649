use super::{Ctx, Rule, describe, quoted_list, season_mismatch::inside};
use crate::diag::{Finding, Severity};
use crate::model::Phase;
use chrono::{Datelike, NaiveDate};

pub const RULE: Rule = Rule {
    id: "phase-order",
    severity: Severity::Warning,
    summary: "Phases out of chronological order, or overlapping by period or by activities",
    doc: include_str!("docs/phase-order.md"),
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

    for i in 1..phases.len() {
        let (prev, p) = (&phases[i - 1], &phases[i]);
        if p.span.start < prev.span.start {
            out.push(
                RULE.finding(
                    p.label.span.clone(),
                    format!(
                        "phase '{}' ({}) starts before the phase listed before it, '{}' ({})",
                        p.name, p.label.value, prev.name, prev.label.value
                    ),
                )
                .related(prev.label.span.clone(), "the earlier-listed phase")
                .help("list phases in the order they happen, or correct the periods"),
            );
        } else if let (Some(a), Some(b)) = (starts[i].first(), starts[i - 1].first())
            && a < b
        {
            out.push(
                RULE.finding(p.label.span.clone(), format!("phase '{}' has activities from {a}, before those of the phase listed before it, '{}' (from {b})", p.name, prev.name))
                    .help("list phases in the order they happen, or move the activities to the right phase"),
            );
        }
    }

    // Overlapping periods: sweep by start, comparing each phase with the one reaching furthest so far. Each
    // overlapping phase is reported once, against one partner, in O(m log m).
    let mut order: Vec<usize> = (0..phases.len()).filter(|&i| !label_wrong[i]).collect();
    order.sort_by_key(|&i| (phases[i].span.start, i));
    let mut reach: Option<usize> = None;
    for &j in &order {
        if let Some(i) = reach
            && overlaps(&phases[i], &phases[j])
        {
            let (p, q) = if i < j { (&phases[i], &phases[j]) } else { (&phases[j], &phases[i]) };
            out.push(
                RULE.finding(
                    q.label.span.clone(),
                    format!("phases '{}' ({}) and '{}' ({}) overlap", p.name, p.label.value, q.name, q.label.value),
                )
                .label(format!(
                    "{} overlaps {}",
                    describe(q.span.start, q.span.end),
                    describe(p.span.start, p.span.end)
                ))
                .related(p.label.span.clone(), "the other phase")
                .help("phases follow each other; make one end before the next starts"),
            );
        }
        if reach.is_none_or(|i| phases[j].span.end > phases[i].span.end) {
            reach = Some(j);
        }
    }

    // A phase whose period holds activities of other phases (whose periods it does not overlap: that was said).
    // A single activity outside its own phase is season-mismatch's to report, not an overlap of phases.
    let label_wrong_ref = &label_wrong;
    let mut all: Vec<(NaiveDate, usize)> = ctx
        .phase_activities
        .iter()
        .enumerate()
        .flat_map(|(p, ids)| {
            ids.iter()
                .filter(move |&&i| label_wrong_ref[p] || inside(&phases[p], &acts[i]))
                .map(move |&i| (acts[i].when.value.start, p))
        })
        .collect();
    all.sort_unstable();
    for (i, p) in phases.iter().enumerate() {
        if label_wrong[i] {
            continue;
        }
        let lo = all.partition_point(|(d, _)| *d < p.span.start);
        let hi = all.partition_point(|(d, _)| *d <= p.span.end);
        let own = starts[i].partition_point(|d| *d <= p.span.end) - starts[i].partition_point(|d| *d < p.span.start);
        if hi - lo == own {
            continue;
        }
        // A bounded look at the range, so that many phases over many activities stay O(n log n) in practice.
        const LOOK: usize = 1_000;
        let truncated = hi - lo > LOOK;
        let mut others: Vec<usize> = Vec::new();
        let mut count = 0;
        let mut latest_other = None;
        for &(d, q) in all[lo..hi].iter().take(LOOK) {
            if q == i || overlaps(p, &phases[q]) {
                continue;
            }
            count += 1;
            latest_other = Some(d);
            if !others.contains(&q) && others.len() < 4 {
                others.push(q);
            }
        }
        if others.is_empty() {
            continue;
        }
        others.sort_unstable();
        let names: Vec<&str> = others.iter().map(|&q| phases[q].name.as_str()).collect();
        let s = if names.len() == 1 { "" } else { "s" };
        let their = if truncated {
            format!("more than {count} of their activities fall")
        } else if count == 1 {
            "1 of their activities falls".to_string()
        } else {
            format!("{count} of their activities fall")
        };
        let mut f = RULE
            .finding(
                p.label.span.clone(),
                format!(
                    "phase '{}' ({}) overlaps the activities of phase{s} {}",
                    p.name,
                    p.label.value,
                    quoted_list(&names)
                ),
            )
            .label(format!("{their} inside {}", describe(p.span.start, p.span.end)));
        f = match (starts[i].first(), latest_other) {
            // Starting the phase at its own first activity helps only when the others all come before it.
            (Some(first), Some(latest)) if *first > p.span.start && latest < *first => f.help(format!(
                "the phase's own activities start in {}; start its period there, or move the other activities",
                describe(*first, crate::when::last_day_of_month(first.year(), first.month()).unwrap_or(*first))
            )),
            _ => f.help("make the phases follow each other, or move the activities to the phase they belong to"),
        };
        out.push(f);
    }
}

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

    #[test]
    fn fires_on_a_phase_whose_period_swallows_others_activities() {
        // The Beiarn shape: two phases labelled a year early, and a last phase starting a year before its work.
        let f = run_rule(
            &RULE,
            &plan(&[
                ("Høst 2025", &["august 2026"]),
                ("Vår 2026", &["mars 2027"]),
                ("Høst 2026 – Vår 2028", &["september 2027"]),
            ]),
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].message, "phase 'P2' (Høst 2026 – Vår 2028) overlaps the activities of phases 'P0' and 'P1'");
        assert_eq!(f[0].label.as_deref(), Some("2 of their activities fall inside 2026-08 – 2028-06"));
        assert_eq!(
            f[0].help.as_deref(),
            Some("the phase's own activities start in 2027-09; start its period there, or move the other activities")
        );
    }

    #[test]
    fn fires_on_phases_listed_out_of_order() {
        let f = run_rule(&RULE, &plan(&[("Høst 2026", &["august 2026"]), ("Vår 2026", &["mars 2026"])]));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].message, "phase 'P1' (Vår 2026) starts before the phase listed before it, 'P0' (Høst 2026)");
    }

    #[test]
    fn a_single_stray_activity_is_not_an_overlap() {
        // June belongs to neither term's phase: season-mismatch says so; the phases do not overlap.
        assert!(
            run_rule(
                &RULE,
                &plan(&[("Vår 2026", &["mars 2026", "mai 2026"]), ("Høst 2026", &["juni 2026", "oktober 2026"])])
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_on_overlapping_labels() {
        let f = run_rule(&RULE, &plan(&[("vår 2026", &["mars 2026"]), ("mai 2026 - august 2026", &["august 2026"])]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "phases 'P0' (vår 2026) and 'P1' (mai 2026 - august 2026) overlap");
    }

    #[test]
    fn silent_on_consecutive_phases() {
        assert!(
            run_rule(
                &RULE,
                &plan(&[("Vår 2026", &["mars 2026"]), ("Høst 2026", &["august 2026"]), ("2027", &["mai 2027"])])
            )
            .is_empty()
        );
    }
}
