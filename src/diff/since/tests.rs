//! Sorting a comparison into what a steering group asks: each activity in one kind, the most pressing first;
//! what was done since a day, with or without git.

use super::*;
use crate::diff::tests::{HEAD, activity, plan};
use crate::diff::{Side, compare};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn revision() -> Baseline {
    Baseline::Revision {
        name: "vedtatt".into(),
        version: Version { commit: "abc1234".into(), date: day("2026-02-10") },
    }
}

/// What changed from `old` to `new` since `baseline`; `old` is `None` when git had no version.
fn since_of(baseline: Baseline, old: Option<&str>, new: &str) -> Since {
    let (np, ns) = plan(new);
    let diff = old.map(|old| {
        let (op, os) = plan(old);
        compare(&Side { plan: &op, source: &os, findings: &[] }, &Side { plan: &np, source: &ns, findings: &[] })
    });
    since(baseline, diff.as_ref(), &np, &ns)
}

/// Each item as (id, kind).
fn kinds(s: &Since) -> Vec<(&str, Kind)> {
    s.items.iter().map(|i| (i.activity.id.as_str(), i.what.kind())).collect()
}

#[test]
fn each_activity_is_in_one_kind_the_most_pressing_first() {
    let old = [
        activity("flyttes", "mars 2026", ""),
        activity("utsettes", "april 2026", ""),
        activity("avlyses", "mai 2026", ""),
        activity("fjernes", "juni 2026", ""),
        activity("gjores", "februar 2026", ""),
        activity("omdopes", "januar 2026", ""),
        activity("urort", "januar 2026", ""),
    ]
    .concat();
    let new = [
        activity("gjores", "februar 2026", "status = \"done\"\ndone = 2026-02-20"),
        activity("ny", "mai 2026", ""),
        activity("flyttes", "august 2026", ""),
        activity("utsettes", "juni 2026", "status = \"utsatt\"\npostponed-from = \"april 2026\"\nreason = \"Syk\""),
        activity("avlyses", "mai 2026", "status = \"cancelled\"\nreason = \"Ingen påmeldte\""),
        "[[phase.activity]]\nid = \"omdopes\"\ntitle = \"Nytt navn\"\nwhen = \"januar 2026\"\nowner = \"pl\"\n\n"
            .into(),
        activity("urort", "januar 2026", ""),
    ]
    .concat();
    let s = since_of(revision(), Some(&old), &new);
    assert_eq!(
        kinds(&s),
        [
            ("utsettes", Kind::Postponed),
            ("flyttes", Kind::Moved),
            ("avlyses", Kind::Cancelled),
            ("fjernes", Kind::Removed),
            ("ny", Kind::Added),
            ("gjores", Kind::Done),
            ("omdopes", Kind::Other),
        ]
    );
    let what = |id: &str| s.items.iter().find(|i| i.activity.id == id).unwrap().what.clone();
    // The postponement is not also a move; it says from when, and why.
    let april = Dates { start: day("2026-04-01"), end: day("2026-04-30"), precision: crate::when::Precision::Month };
    assert_eq!(what("utsettes"), What::Postponed { from: april, reason: Some("Syk".into()), left_phase: None });
    // Out of its phase (spring) in August: said, as the diff says it.
    let What::Moved { shift: Shift::Months(5), left_phase: Some(phase), .. } = what("flyttes") else { panic!() };
    assert_eq!(phase.id, "v");
    let moved = s.items.iter().find(|i| i.activity.id == "flyttes").unwrap();
    assert_eq!(
        moved.what(Lang::Nb, false),
        "flyttet fra mars 2026, 5 måneder senere; nå utenfor fasen Våren (Vår 2026)"
    );
    assert_eq!(what("avlyses"), What::Cancelled { reason: Some("Ingen påmeldte".into()) });
    assert_eq!(what("gjores"), What::Done { on: Some(day("2026-02-20")) });
    // Listed: all but the other change; counted: each kind, and the other change.
    assert_eq!(s.listed().count(), 6);
    assert_eq!((s.count(Kind::Moved), s.other(), s.plan_changes), (1, 1, 0));
    assert_eq!(s.counts(Lang::Nb), "1 utsatt, 1 flyttet, 1 avlyst, 1 fjernet, 1 ny, 1 gjennomført, 1 annen endring");
    assert_eq!(s.counts(Lang::Nn), "1 utsett, 1 flytta, 1 avlyst, 1 fjerna, 1 ny, 1 gjennomført, 1 anna endring");
    assert_eq!(s.counts(Lang::En), "1 postponed, 1 moved, 1 cancelled, 1 removed, 1 added, 1 done, 1 other change");
    assert!(s.compared() && !s.is_empty());
}

#[test]
fn within_a_kind_by_date_and_done_work_by_the_day_it_was_done() {
    let old =
        [activity("a", "mars 2026", ""), activity("b", "januar 2026", ""), activity("c", "februar 2026", "")].concat();
    let new = [
        activity("a", "mars 2026", "status = \"done\"\ndone = 2026-03-02"),
        activity("b", "januar 2026", "status = \"done\"\ndone = 2026-03-20"),
        activity("c", "februar 2026", "status = \"done\"\ndone = 2026-03-10"),
        activity("x", "juni 2026", ""),
        activity("y", "april 2026", ""),
    ]
    .concat();
    let s = since_of(revision(), Some(&old), &new);
    let ids: Vec<&str> = s.items.iter().map(|i| i.activity.id.as_str()).collect();
    assert_eq!(ids, ["y", "x", "a", "c", "b"]);
    assert_eq!(s.counts(Lang::Nb), "2 nye, 3 gjennomført");
    assert_eq!(s.counts(Lang::En), "2 added, 3 done");
}

#[test]
fn since_a_day_what_was_done_that_day_or_later_counts_with_or_without_git() {
    let text = [
        activity("for", "januar 2026", "status = \"done\"\ndone = 2026-02-28"),
        activity("samme-dag", "mars 2026", "status = \"done\"\ndone = 2026-03-01"),
        activity("etter", "april 2026", "status = \"done\"\ndone = 2026-04-02"),
        activity("uten-dato", "april 2026", "status = \"done\""),
        activity("apen", "mai 2026", ""),
    ]
    .concat();
    let without = Baseline::Day { day: day("2026-03-01"), version: Err(NoVersion::NotInGit) };
    let s = since_of(without, None, &text);
    assert_eq!(kinds(&s), [("samme-dag", Kind::Done), ("etter", Kind::Done)]);
    assert!(!s.compared());
    assert_eq!(
        s.note(Lang::Nb).as_deref(),
        Some("planen er ikke i et git-depot: bare det som er gjennomført siden, vises")
    );
    assert_eq!(s.heading(Lang::En), "Changed since 1 March 2026");
    assert_eq!(s.diff_command("p.toml"), None);

    // With git's version from before the day: its comparison, and the work done since that the version already
    // had as done (recorded ahead) or that was only re-dated is done, once.
    let old = [
        activity("for", "januar 2026", "status = \"done\"\ndone = 2026-02-28"),
        activity("samme-dag", "februar 2026", ""),
        activity("etter", "april 2026", "status = \"done\"\ndone = 2026-04-02"),
        activity("uten-dato", "april 2026", ""),
        activity("apen", "mai 2026", ""),
    ]
    .concat();
    let version = Version { commit: "abc1234".into(), date: day("2026-02-27") };
    let with = Baseline::Day { day: day("2026-03-01"), version: Ok(version) };
    let s = since_of(with, Some(&old), &text);
    assert_eq!(kinds(&s), [("samme-dag", Kind::Done), ("uten-dato", Kind::Done), ("etter", Kind::Done)]);
    assert_eq!(s.note(Lang::Nn).as_deref(), Some("samanlikna med planen i git frå 27. februar 2026 (abc1234)"));
    assert_eq!(s.diff_command("p.toml").as_deref(), Some("implan diff abc1234 p.toml"));
    let before = Baseline::Day { day: day("2026-03-01"), version: Err(NoVersion::NoneBefore) };
    assert_eq!(
        since_of(before, None, &text).note(Lang::En).as_deref(),
        Some("git has no version of the plan from before 1 March 2026: only what was done since is shown")
    );
}

#[test]
fn since_a_revision_only_the_comparison_counts() {
    // Done before the revision, and still done: no change, whatever its date.
    let done = activity("a", "mars 2026", "status = \"done\"\ndone = 2026-03-02");
    let s = since_of(revision(), Some(&done), &done);
    assert!(s.is_empty());
    assert_eq!(s.counts(Lang::Nb), "ingen endringer");
    assert_eq!(s.heading(Lang::Nb), "Endret siden vedtatt (10. februar 2026)");
    assert_eq!(s.note(Lang::Nb), None);
    assert_eq!(s.diff_command("p.toml").as_deref(), Some("implan diff vedtatt p.toml"));
}

#[test]
fn changes_to_the_plan_itself_are_other_changes() {
    let a = activity("a", "mars 2026", "");
    let (old_plan, old_source) = plan(&a);
    let renamed = Source::new(
        "t.toml",
        format!("{HEAD}{a}")
            .replace("name = \"Våren\"\nperiod = \"Vår 2026\"", "name = \"Våren\"\nperiod = \"Høst 2026\"")
            .replace("title = \"T\"", "title = \"U\""),
    );
    let new_plan = crate::load::load(&renamed).unwrap();
    let diff = compare(
        &Side { plan: &old_plan, source: &old_source, findings: &[] },
        &Side { plan: &new_plan, source: &renamed, findings: &[] },
    );
    let s = since(revision(), Some(&diff), &new_plan, &renamed);
    assert_eq!((s.plan_changes, s.other()), (2, 2));
    assert_eq!(s.counts(Lang::En), "2 other changes");
    assert_eq!(s.counts(Lang::Nn), "2 andre endringar");
}

#[test]
fn one_line_says_what_happened() {
    let old =
        [activity("a", "mars 2026", ""), activity("b", "2026-03-10", ""), activity("c", "april 2026", "")].concat();
    let new = [
        activity("a", "mai 2026", ""),
        activity("b", "2026-03-08", ""),
        activity("c", "juni 2026", "status = \"postponed\"\nreason = \"Syk\""),
    ]
    .concat();
    let s = since_of(revision(), Some(&old), &new);
    let said = |id: &str, lang, reasons| s.items.iter().find(|i| i.activity.id == id).unwrap().what(lang, reasons);
    assert_eq!(said("a", Lang::Nb, false), "flyttet fra mars 2026, 2 måneder senere");
    assert_eq!(said("b", Lang::En, false), "moved from 10 March 2026, 2 days earlier");
    assert_eq!(said("c", Lang::Nn, false), "utsett frå april 2026");
    assert_eq!(said("c", Lang::Nb, true), "utsatt fra april 2026; grunn: Syk");
    // Postponed out of its phase: said before the reason.
    let out = new.replace("juni 2026\"\nowner = \"pl\"\nstatus", "august 2026\"\nowner = \"pl\"\nstatus");
    let s = since_of(revision(), Some(&old), &out);
    assert_eq!(
        s.items[0].what(Lang::En, true),
        "postponed from April 2026; now outside its phase Våren (Vår 2026); reason: Syk"
    );
    assert_eq!(json(&s)["postponed"][0]["left_phase"], "v");
    let item = s.items.iter().find(|i| i.activity.id == "a").unwrap();
    assert_eq!(
        (item.mark(), item.when(Lang::Nb), item.owners(Lang::Nb)),
        ("→", "mai 2026".into(), "Prosjektleder".into())
    );
}

#[test]
fn one_persons_changes_are_those_of_their_work() {
    let old = activity("a", "mars 2026", "");
    let new = [old.clone(), activity("b", "mai 2026", ""), activity("c", "mai 2026", "").replace("\"pl\"", "\"rk\"")]
        .concat();
    let mut s = since_of(revision(), Some(&old), &new);
    s.retain(|a| a.owners.iter().any(|o| o == "Rektor"));
    assert_eq!(kinds(&s), [("c", Kind::Added)]);
}

#[test]
fn programs_get_every_kind_with_its_details() {
    let old = [activity("a", "mars 2026", ""), activity("c", "april 2026", "")].concat();
    let new = [activity("a", "mai 2026", ""), activity("c", "juni 2026", "status = \"postponed\"\nreason = \"Syk\"")]
        .concat();
    let j = json(&since_of(revision(), Some(&old), &new));
    assert_eq!(
        j["from"],
        serde_json::json!({ "revision": "vedtatt", "version": { "commit": "abc1234", "date": "2026-02-10" } })
    );
    assert_eq!(j["moved"][0]["id"], "a");
    assert_eq!(j["moved"][0]["months"], 2);
    assert_eq!(j["moved"][0]["from"], serde_json::json!({ "start": "2026-03-01", "end": "2026-03-31" }));
    // Still in its phase.
    assert_eq!(j["moved"][0]["left_phase"], serde_json::Value::Null);
    assert_eq!(j["postponed"][0]["reason"], "Syk");
    for key in ["cancelled", "removed", "added", "done"] {
        assert_eq!(j[key], serde_json::json!([]), "{key}");
    }
    assert_eq!(j["other"], 0);
    let day_only = Baseline::Day { day: day("2026-03-01"), version: Err(NoVersion::NoGit) };
    let j = json(&since_of(day_only, None, &new));
    assert_eq!(j["from"], serde_json::json!({ "day": "2026-03-01", "version": null, "without_version": "no-git" }));
}
