use super::{Ctx, Rule, describe, season_mismatch::inside};
use crate::diag::{Finding, RuleId, Severity};
use crate::model::Phase;
use crate::suggest::quoted_list;
use chrono::{Datelike, NaiveDate};

pub const RULE: Rule = Rule {
    id: RuleId::PhaseOrder,
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
            // Named in file order.
            let (p, q) = (&phases[i.min(j)], &phases[i.max(j)]);
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
            // (The others lie inside the phase, so the own first one is then after the phase's start.)
            (Some(first), Some(latest)) if latest < *first => f.help(format!(
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

    fn messages(phases: &[(&str, &[&str])]) -> Vec<String> {
        run_rule(&RULE, &plan(phases)).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn phases_starting_together_are_in_order_but_their_activities_may_not_be() {
        // Same first day: listed in order. But the second one's work starts first.
        let f = messages(&[("2026", &["mai 2026"]), ("Vår 2026", &["mars 2026"])]);
        assert_eq!(
            f,
            [
                "phase 'P1' has activities from 2026-03-01, before those of the phase listed before it, 'P0' (from 2026-05-01)",
                "phases 'P0' (2026) and 'P1' (Vår 2026) overlap",
            ]
        );
        // Work starting the same day is not out of order.
        let f = messages(&[("2026", &["mars 2026"]), ("Vår 2026", &["mars 2026"])]);
        assert_eq!(f, ["phases 'P0' (2026) and 'P1' (Vår 2026) overlap"]);
    }

    #[test]
    fn an_overlap_names_the_phases_in_file_order() {
        // Listed autumn first, then the whole year: sorted by start, the year comes first.
        let f = run_rule(&RULE, &plan(&[("Høst 2026", &["oktober 2026"]), ("2026", &["mars 2026"])]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "phase 'P1' (2026) starts before the phase listed before it, 'P0' (Høst 2026)",
                "phases 'P0' (Høst 2026) and 'P1' (2026) overlap"
            ]
        );
        assert_eq!(f[1].label.as_deref(), Some("2026-01 – 2026-12 overlaps 2026-08 – 2026-12"));
    }

    #[test]
    fn an_overlap_is_named_against_the_phase_reaching_furthest() {
        // The year reaches to December; autumn reaches there too but no further; December overlaps the year.
        let f = messages(&[
            ("2026", &["mars 2026"]),
            ("Høst 2026", &["oktober 2026"]),
            ("desember 2026", &["desember 2026"]),
        ]);
        assert_eq!(
            f,
            ["phases 'P0' (2026) and 'P1' (Høst 2026) overlap", "phases 'P0' (2026) and 'P2' (desember 2026) overlap"]
        );
        // A later phase reaching further takes over.
        let f = messages(&[
            ("Vår 2026", &["mars 2026"]),
            ("mai 2026 - oktober 2026", &["august 2026"]),
            ("Høst 2026", &["november 2026"]),
        ]);
        assert_eq!(
            f,
            [
                "phases 'P0' (Vår 2026) and 'P1' (mai 2026 - oktober 2026) overlap",
                "phases 'P1' (mai 2026 - oktober 2026) and 'P2' (Høst 2026) overlap"
            ]
        );
    }

    /// A phase for 2026 holding its own activity in January and, of a spring-2027 phase whose label is a year
    /// off, `n` activities in 2026.
    fn swallowing(n: usize) -> Vec<crate::diag::Finding> {
        let whens: Vec<String> = (0..n).map(|k| format!("2026-{:02}-{:02}", k % 12 + 1, k % 28 + 1)).collect();
        let whens: Vec<&str> = whens.iter().map(String::as_str).collect();
        run_rule(&RULE, &plan(&[("2026", &["januar 2026"]), ("Vår 2027", &whens)]))
    }

    #[test]
    fn a_phase_holding_one_or_very_many_of_anothers_activities() {
        let f = swallowing(1);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].message, "phase 'P0' (2026) overlaps the activities of phase 'P1'");
        assert_eq!(f[0].label.as_deref(), Some("1 of their activities falls inside 2026-01 – 2026-12"));
        assert_eq!(
            f[0].help.as_deref(),
            Some("make the phases follow each other, or move the activities to the phase they belong to")
        );
        // A thousand activities in the range are all looked at; one more and the count is a lower bound.
        let f = swallowing(999);
        assert_eq!(f[0].label.as_deref(), Some("999 of their activities fall inside 2026-01 – 2026-12"));
        let f = swallowing(1_000);
        assert_eq!(f[0].label.as_deref(), Some("more than 999 of their activities fall inside 2026-01 – 2026-12"));
    }

    #[test]
    fn at_most_four_other_phases_are_named() {
        // Five phases labelled a year late, each with two activities in 2026, inside the first phase.
        let labels = ["Vår 2027", "Høst 2027", "Vår 2028", "Høst 2028", "2029"];
        let mut phases: Vec<(&str, &[&str])> = vec![("2026", &["januar 2026"])];
        for l in labels {
            phases.push((l, &["mars 2026", "april 2026"]));
        }
        let f = run_rule(&RULE, &plan(&phases).replace("end = \"2028\"", "end = \"2029\""));
        let overlap: Vec<&crate::diag::Finding> = f.iter().filter(|f| f.message.starts_with("phase 'P0'")).collect();
        assert_eq!(overlap.len(), 1, "{f:#?}");
        assert_eq!(overlap[0].message, "phase 'P0' (2026) overlaps the activities of phases 'P1', 'P2', 'P3' and 'P4'");
        assert_eq!(overlap[0].label.as_deref(), Some("10 of their activities fall inside 2026-01 – 2026-12"));
    }

    #[test]
    fn the_help_moves_the_start_only_when_the_others_all_come_first() {
        let help = |phases: &[(&str, &[&str])]| {
            let f = run_rule(&RULE, &plan(phases));
            let overlap = f.into_iter().find(|f| f.message.starts_with("phase 'P0' (2026) overlaps the activities"));
            overlap.expect("an overlap of activities").help.unwrap_or_default()
        };
        let generic = "make the phases follow each other, or move the activities to the phase they belong to";
        // The phase's own work starts in September; the stray activity is in March, before it.
        assert_eq!(
            help(&[("2026", &["september 2026"]), ("Vår 2027", &["mars 2026"])]),
            "the phase's own activities start in 2026-09; start its period there, or move the other activities"
        );
        // A stray activity after the phase's own first one: moving the start would not help.
        assert_eq!(help(&[("2026", &["mars 2026"]), ("Vår 2027", &["september 2026"])]), generic);
        // Own work on the phase's first day: there is no later start to move to.
        assert_eq!(help(&[("2026", &["2026-01-01"]), ("Vår 2027", &["mars 2026"])]), generic);
    }

    #[test]
    fn an_other_activity_on_the_own_first_day_keeps_the_start() {
        let f = run_rule(&RULE, &plan(&[("2026", &["september 2026"]), ("Vår 2027", &["september 2026"])]));
        let overlap = f.iter().find(|f| f.message.starts_with("phase 'P0' (2026) overlaps the activities")).unwrap();
        assert_eq!(
            overlap.help.as_deref(),
            Some("make the phases follow each other, or move the activities to the phase they belong to")
        );
    }

    #[test]
    fn the_look_is_bounded_within_the_phase_not_from_the_start_of_the_plan() {
        // A thousand activities of 2025 before the phase of 2026: they do not count towards its look.
        let early: Vec<String> = (0..1_000).map(|k| format!("2025-{:02}-{:02}", k % 12 + 1, k % 28 + 1)).collect();
        let early: Vec<&str> = early.iter().map(String::as_str).collect();
        let s = plan(&[("2025", &early), ("2026", &["januar 2026"]), ("Vår 2027", &["mars 2026"])]);
        let f = run_rule(&RULE, &s);
        let overlap = f.iter().find(|f| f.message.starts_with("phase 'P1' (2026) overlaps the activities")).unwrap();
        assert_eq!(overlap.label.as_deref(), Some("1 of their activities falls inside 2026-01 – 2026-12"));
    }
}
