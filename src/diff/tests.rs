//! The matching: what counts as added, removed, re-dated, postponed, and what does not count at all.

use super::*;
use crate::diag::Span;

/// A plan with two roles and one phase, Vår 2026, for activities to be added to (here and in `since`).
pub(crate) const HEAD: &str = "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2027\"\n\n[roles]\npl = \"Prosjektleder\"\nrk = \"Rektor\"\n\n\
    [[phase]]\nid = \"v\"\nname = \"Våren\"\nperiod = \"Vår 2026\"\n";

pub(crate) fn plan(activities: &str) -> (Plan, Source) {
    let source = Source::new("t.toml", format!("{HEAD}{activities}"));
    let plan = crate::load::load(&source).unwrap_or_else(|e| panic!("{e:#?}"));
    (plan, source)
}

fn compare_texts(old: &str, new: &str) -> PlanDiff {
    let (op, os) = plan(old);
    let (np, ns) = plan(new);
    compare(&Side { plan: &op, source: &os, findings: &[] }, &Side { plan: &np, source: &ns, findings: &[] })
}

pub(crate) fn activity(id: &str, when: &str, more: &str) -> String {
    format!(
        "[[phase.activity]]\nid = \"{id}\"\ntitle = \"Aktivitet {id}\"\nwhen = \"{when}\"\nowner = \"pl\"\n{more}\n"
    )
}

#[test]
fn the_same_plan_differs_in_nothing_even_moved_about_and_commented() {
    let a = format!("{}{}", activity("a", "mars 2026", ""), activity("b", "april 2026", ""));
    let b = format!("# a comment\n{}{}", activity("b", "april 2026", "# moved up"), activity("a", "mars 2026", ""));
    assert!(compare_texts(&a, &b).is_empty());
}

#[test]
fn activities_are_matched_by_id() {
    let old = format!("{}{}", activity("a", "mars 2026", ""), activity("b", "april 2026", ""));
    let new = format!("{}{}", activity("b", "april 2026", ""), activity("c", "mai 2026", ""));
    let diff = compare_texts(&old, &new);
    assert_eq!(diff.added.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["c"]);
    assert_eq!(diff.removed.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a"]);
    assert!(diff.changed.is_empty(), "{:?}", diff.changed);
    assert_eq!(diff.added[0].owners, ["Prosjektleder"]);
}

#[test]
fn a_re_dated_activity_says_how_far_in_months_or_days() {
    let diff = compare_texts(&activity("a", "mars 2026", ""), &activity("a", "mai 2026", ""));
    let [Change::Dates { shift, left_phase, .. }] = diff.changed[0].changes.as_slice() else { panic!("{diff:?}") };
    assert_eq!((*shift, left_phase.clone()), (Shift::Months(2), None));
    let diff = compare_texts(&activity("a", "2026-03-10", ""), &activity("a", "2026-03-03", ""));
    let [Change::Dates { shift, .. }] = diff.changed[0].changes.as_slice() else { panic!("{diff:?}") };
    assert_eq!(*shift, Shift::Days(-7));
    // A month made a day is counted in days, from the month's first day.
    let diff = compare_texts(&activity("a", "mars 2026", ""), &activity("a", "2026-03-12", ""));
    let [Change::Dates { shift, .. }] = diff.changed[0].changes.as_slice() else { panic!("{diff:?}") };
    assert_eq!(*shift, Shift::Days(11));
}

#[test]
fn a_re_dated_activity_that_leaves_its_phase_says_which() {
    let diff = compare_texts(&activity("a", "mai 2026", ""), &activity("a", "september 2026", ""));
    let [Change::Dates { left_phase: Some(p), .. }] = diff.changed[0].changes.as_slice() else { panic!("{diff:?}") };
    assert_eq!((p.id.as_str(), p.label.as_str()), ("v", "Vår 2026"));
    // Already outside before: it did not leave now.
    let diff = compare_texts(&activity("a", "august 2026", ""), &activity("a", "september 2026", ""));
    let [Change::Dates { left_phase: None, .. }] = diff.changed[0].changes.as_slice() else { panic!("{diff:?}") };
}

#[test]
fn a_postponed_activity_is_postponed_from_its_first_date() {
    let old = activity("a", "mars 2026", "");
    let new = activity("a", "mai 2026", "status = \"utsatt\"\npostponed-from = \"mars 2026\"\nreason = \"sykdom\"");
    let diff = compare_texts(&old, &new);
    let changes = &diff.changed[0].changes;
    let Change::Postponed { from, reason } = &changes[0] else { panic!("{changes:?}") };
    assert_eq!((from.start.to_string(), reason.as_deref()), ("2026-03-01".to_owned(), Some("sykdom")));
    assert!(matches!(changes[1], Change::Dates { shift: Shift::Months(2), .. }), "{changes:?}");
    assert_eq!(changes.len(), 2, "no status change besides: {changes:?}");
    // Postponed in both, not moved: nothing new.
    assert!(compare_texts(&new, &new).is_empty());
}

#[test]
fn owners_status_and_title_changes_are_each_named() {
    let old = activity("a", "mars 2026", "");
    let new = "[[phase.activity]]\nid = \"a\"\ntitle = \"Nytt navn\"\nwhen = \"mars 2026\"\nowner = [\"rk\", \"pl\"]\nstatus = \"done\"\ndone = \"2026-03-05\"\n";
    let diff = compare_texts(&old, new);
    let changes = &diff.changed[0].changes;
    assert!(changes.contains(&Change::Title { old: "Aktivitet a".into(), new: "Nytt navn".into() }), "{changes:?}");
    assert!(changes.contains(&Change::Status { old: Status::Planned, new: Status::Done }), "{changes:?}");
    let owners =
        Change::Owners { old: vec!["Prosjektleder".into()], new: vec!["Prosjektleder".into(), "Rektor".into()] };
    assert!(changes.contains(&owners), "{changes:?}");
    // A role named by its id or by its name is the same owner.
    assert!(
        compare_texts(
            &activity("a", "mars 2026", ""),
            &activity("a", "mars 2026", "").replace("\"pl\"", "\"Prosjektleder\"")
        )
        .is_empty()
    );
}

#[test]
fn a_relabelled_phase_is_a_change_of_the_phase() {
    let old = activity("a", "mars 2026", "");
    let (op, os) = plan(&old);
    let relabelled = format!("{HEAD}{old}").replace("Vår 2026", "Vår 2027");
    let ns = Source::new("t.toml", relabelled);
    let np = crate::load::load(&ns).unwrap();
    let diff =
        compare(&Side { plan: &op, source: &os, findings: &[] }, &Side { plan: &np, source: &ns, findings: &[] });
    assert_eq!(diff.phases.len(), 1);
    assert_eq!(diff.phases[0].old.as_ref().unwrap().0, "Vår 2026");
    assert_eq!(diff.phases[0].new.as_ref().unwrap().0, "Vår 2027");
}

#[test]
fn findings_are_the_same_finding_by_rule_and_message_wherever_they_are() {
    let f = |rule, at: usize, message: &str| {
        Finding::new(rule, Severity::Warning, Some(Span::new(at, at + 1)), Text::verbatim(message))
    };
    let old = [f(RuleId::IdleGap, 10, "gap"), f(RuleId::Cadence, 20, "too few"), f(RuleId::Cadence, 30, "too few")];
    let new = [f(RuleId::Cadence, 5, "too few"), f(RuleId::IdleGap, 99, "gap"), f(RuleId::UnknownRole, 7, "who")];
    let (introduced, resolved) = findings(&old, &new);
    assert_eq!(introduced.iter().map(|f| f.rule).collect::<Vec<_>>(), [RuleId::UnknownRole]);
    // Two of the same before, one after: one resolved.
    assert_eq!(resolved.iter().map(|f| f.rule).collect::<Vec<_>>(), [RuleId::Cadence]);
}
