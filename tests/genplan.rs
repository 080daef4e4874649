//! The benchmark generator (examples/genplan.rs) makes what it promises, and the piecewise loader that large
//! plans go through gives exactly what the whole-file loader gives.

mod common;
#[path = "../examples/genplan.rs"]
#[allow(dead_code)]
mod genplan;

use genplan::{Broken, generate};
use implan::source::Source;
use std::collections::BTreeSet;

/// The findings of a generated plan checked as it would be in a folder below the repository's schema (as
/// `genplan`'s own `#:schema` line supposes), so that missing-schema can fire.
fn check(text: &str) -> Vec<implan::diag::Finding> {
    let around =
        implan::check::Surroundings { lint: None, calendar: None, schema: Some("../implan.schema.json".into()) };
    implan::check::check_source_with(&Source::new("gen.toml", text), &around, &Default::default())
}

fn rules_fired(text: &str) -> BTreeSet<&'static str> {
    check(text).iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn generated_plans_check_clean() {
    for n in [550, 1_000, 1_234, 10_000] {
        let text = generate(n, Broken::No);
        let source = Source::new("gen.toml", text.as_str());
        let findings = check(&text);
        assert!(findings.is_empty(), "{n}: {:?}", findings.iter().take(3).collect::<Vec<_>>());
        let plan = implan::load::load(&source).expect("loads");
        assert_eq!(plan.activities.len(), n);
        assert_eq!(plan.phases.len(), 20, "a phase per school term for ten years");
    }
}

#[test]
fn broken_plans_fire_every_rule() {
    let plan_rules: BTreeSet<&str> =
        implan::rules::ALL.iter().filter(|r| r.check.is_some()).map(|r| r.id.as_str()).collect();
    for n in [1_000, 10_000] {
        assert_eq!(rules_fired(&generate(n, Broken::Rules)), plan_rules, "{n} --broken");
        assert_eq!(rules_fired(&generate(n, Broken::Load)), BTreeSet::from(["invalid-plan"]), "{n} --broken=load");
        assert_eq!(rules_fired(&generate(n, Broken::Toml)), BTreeSet::from(["invalid-toml"]), "{n} --broken=toml");
    }
    let all: BTreeSet<&str> = implan::rules::ALL.iter().map(|r| r.id.as_str()).collect();
    let mut fired = rules_fired(&generate(1_000, Broken::Rules));
    fired.extend(rules_fired(&generate(1_000, Broken::Load)));
    fired.extend(rules_fired(&generate(1_000, Broken::Toml)));
    assert_eq!(fired, all, "the three kinds of --broken together fire every rule");
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(generate(2_000, Broken::Rules), generate(2_000, Broken::Rules));
}

/// Loads `text` whole and in pieces as small as they get, and compares plans or findings.
/// Loads a file whole and in pieces (of any size, and of 4 KB and more) and compares the two wherever the cut
/// takes the file. Whether it took it in pieces of any size.
fn same_both_ways(name: &str, text: &str) -> bool {
    let source = Source::new(name, text);
    let whole = format!("{:?}", implan::load::load_whole(&source));
    let mut cut = Vec::new();
    for min in [0, 4096] {
        let pieces = implan::load::load_in_pieces(&source, min);
        if let Some(pieces) = &pieces {
            assert_eq!(format!("{pieces:?}"), whole, "{name} in pieces of {min}+ bytes");
        }
        cut.push(pieces.is_some());
    }
    cut[0]
}

#[test]
fn loading_in_pieces_is_loading_whole() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["plans", "examples", "examples/rules", "tests/fixtures"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("dir") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 30);
    let mut cut = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("UTF-8");
        cut += usize::from(same_both_ways(&path.display().to_string(), &text));
    }
    // Most files are compared, not just loaded twice: all but the few without a phase or activity to cut at.
    assert!(cut * 10 >= files.len() * 8, "only {cut} of {} files were cut into pieces", files.len());
    // The generated plans are cut too, but for the one with a TOML syntax error.
    let taken: Vec<bool> = [Broken::No, Broken::Rules, Broken::Load, Broken::Toml]
        .map(|b| same_both_ways("gen.toml", &generate(1_500, b)))
        .into();
    assert_eq!(taken, [true, true, true, false]);
}

#[test]
fn pieces_fall_back_when_the_file_is_unusual() {
    let head = "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2026\"\n[roles]\npl = \"P\"\n";
    let phase = "[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"2026\"\n[[phase.activity]]\ntitle = \"A\"\nwhen = \"2026-03\"\nowner = \"pl\"\n";
    let activity = "[[activity]]\ntitle = \"B\"\nwhen = \"2026-04\"\nowner = \"pl\"\n";
    let mut taken = Vec::new();
    for (name, text) in [
        // A phase's activities continued after a top-level activity: TOML appends them to the last phase.
        (
            "continued",
            format!("{head}{phase}{activity}[[phase.activity]]\ntitle = \"C\"\nwhen = \"2026-05\"\nowner = \"pl\"\n"),
        ),
        // A quoted header the scanner leaves alone.
        ("quoted", format!("{head}{phase}[[\"activity\"]]\ntitle = \"C\"\nwhen = \"2026-05\"\nowner = \"pl\"\n")),
        // Phases both as tables and as an inline array: a TOML error, found either way.
        ("mixed", format!("{head}phase = []\n{phase}")),
        // The same activity table defined twice.
        ("twice", format!("{head}{activity}[activity.cost]\namount = 1\n[activity.cost]\namount = 2\n")),
        ("dotted", format!("{head}{phase}[phase.activity.x]\ny = 1\n")),
        ("crlf", format!("\u{feff}{head}{phase}{activity}").replace('\n', "\r\n")),
        // Found by fuzzing: without [plan] the whole-file loader reports only that, not the phase's gaps.
        ("no-plan", "[[phase]]\n".to_string()),
        ("plan-not-a-table", format!("plan = 1\n{phase}")),
    ] {
        if same_both_ways(name, &text) {
            taken.push(name);
        }
    }
    // Most fall back to the whole-file loader. The cut takes a BOM and CRLF; a dotted header under a phase's
    // activity, which belongs to the piece it is in; and `phase = []` beside `[[phase]]`, where the pieces
    // report the same TOML error as the whole file.
    assert_eq!(taken, ["mixed", "dotted", "crlf"]);
}

/// Inputs the fuzzers (fuzz/) once crashed on: each still loads the same both ways and checks without a panic.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz-regressions") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("readable");
        let (source, _) = implan::load::decode(&path, bytes);
        let _ = implan::check::check_source(&source);
        let _ = same_both_ways(&path.display().to_string(), &source.text.clone());
        count += 1;
    }
    assert!(count > 0, "the regression inputs are in {}", dir.display());
}

/// Large files are edited through the piece that holds the activity; the result must be byte for byte what
/// editing the whole file gives, with the same report. (`apply` takes that way from 1 MB; it is called
/// directly here, on smaller plans, so that the test stays quick in a debug build.)
#[test]
fn editing_in_pieces_is_editing_whole() {
    use implan::edit::{Edit, apply_in_piece, apply_whole};
    use implan::model::Status;
    let plan = generate(600, Broken::No);
    // A top-level activity after the phases, to edit one outside a phase.
    let lf = format!(
        "{plan}\n[[activity]]\nid = \"ekstra\"\ntitle = \"Ekstra møte\"\nwhen = \"2030-03\"\nowner = \"prosjektleder\"\nstatus = \"pågår\"\n"
    );
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let day = chrono::NaiveDate::from_ymd_opt(2031, 3, 15).expect("a date");
    let cases: [(&str, &str, Edit); 9] = [
        (&lf, "a000000", Edit::done_on(day)), // the first activity of a phase, in the phase's own piece
        (&lf, "a000006", Edit::done_on(day)), // more activities of the phase
        (&lf, "a000300", Edit::status(Status::InProgress)),
        (&lf, "a000599", Edit::status(Status::Cancelled)), // the last one in a phase
        (&lf, "ekstra", Edit::done_on(day)),               // a top-level one, its status replaced
        (&lf, "ekstra", Edit::status(Status::Planned)),    // "pågår" to "planned": the text gets shorter
        (&crlf, "a000000", Edit::done_on(day)),
        (&crlf, "a000300", Edit::status(Status::Done)),
        (&crlf, "ekstra", Edit::status(Status::Planned)),
    ];
    for (text, id, edit) in &cases {
        let piece = apply_in_piece(text, id, edit).unwrap_or_else(|| panic!("{id} {edit:?}: not edited in a piece"));
        let whole = apply_whole(text, id, edit).expect("the whole-file edit works");
        assert!(piece.0 == whole.0, "{id} {edit:?}: the texts differ");
        assert_eq!(piece.1, whole.1, "{id} {edit:?}");
        assert!(piece.1.changed);
    }
    // What the piecewise edit cannot be sure of, it leaves to the whole-file edit: an unknown id, and an id
    // used twice.
    assert!(apply_in_piece(&lf, "a0999", &cases[0].2).is_none());
    let twice = lf.replace("id = \"a000001\"", "id = \"a000000\"");
    assert!(apply_in_piece(&twice, "a000000", &cases[0].2).is_none());
}

/// `implan add` on a large file works through the piece that will hold the new activity; the result must be byte
/// for byte what adding to the whole file gives. (`add` takes that way from 1 MB; it is called directly here, on
/// a smaller plan, so that the test stays quick in a debug build.)
#[test]
fn adding_in_pieces_is_adding_whole() {
    use implan::edit::{NewActivity, add_in_piece, add_whole};
    let plan = generate(600, Broken::No);
    let loaded = implan::load::load(&implan::source::Source::new("plan.toml", plan.as_str())).expect("loads");
    let crlf = format!("\u{feff}{}", plan.replace('\n', "\r\n"));
    // A phase whose activities are all top-level, naming it, after the nested ones.
    let top = format!(
        "{plan}\n[[phase]]\nid = \"ekstra\"\nname = \"Ekstra\"\nperiod = \"Høst 2036\"\n\n[[activity]]\nid = \"e1\"\n\
         title = \"E1\"\nphase = \"ekstra\"\nwhen = \"2036-09\"\nowner = \"prosjektleder\"\n"
    );
    let phases: Vec<String> = loaded.phases.iter().map(|p| p.id.value.clone()).collect();
    let new = |phase: &str, title: &str| NewActivity {
        phase: phase.into(),
        title: title.into(),
        when: "2031-10".into(),
        owners: vec!["prosjektleder".into(), "kommunalsjef".into()],
        after: vec!["a000000".into()],
        id: None,
    };
    let cases = [
        (&plan, new(&phases[0], "Ekstra foreldremøte")), // after the phase's last activity
        (&plan, new(&phases[phases.len() / 2], "A000001")), // a title whose id is taken: a000001-2
        (&plan, new(&phases[phases.len() - 1], "Siste")),
        (&crlf, new(&phases[1], "Ekstra foreldremøte")),
        (&top, new("ekstra", "E2")), // after the top-level activity naming the phase
    ];
    for (text, ask) in &cases {
        let piece = add_in_piece(text, ask).unwrap_or_else(|| panic!("{ask:?}: not added in a piece"));
        let whole = add_whole(text, ask).expect("the whole-file add works");
        assert!(piece.0 == whole.0, "{ask:?}: the texts differ");
        assert_eq!(piece.1, whole.1, "{ask:?}");
    }
    assert_eq!(add_in_piece(&plan, &cases[1].1).map(|(_, a)| a.id), Some("a000001-2".into()));
    // What it would refuse, it leaves to the whole-file add, which says why.
    assert!(add_in_piece(&plan, &new("termin-99", "X")).is_none());
    assert!(add_in_piece(&plan, &NewActivity { after: vec!["a9999999".into()], ..new(&phases[0], "X") }).is_none());
}

/// The binary on a plan over 1 MB: `add` and `done` write what the whole-file edits give, byte for byte, say the
/// same, and show the findings the change brought.
#[test]
fn the_binary_edits_a_large_plan_as_it_edits_a_small_one() {
    use implan::edit::{Edit, NewActivity, add_whole, apply_whole};
    let plan = generate(5_000, Broken::No);
    assert!(plan.len() > 1 << 20, "large enough to be edited in pieces: {}", plan.len());
    let dir = common::TempDir::new("large-edit");
    let path = dir.write("plan.toml", plan.as_bytes());
    let run = |args: &[&str]| {
        let o = common::command(args).env("LANG", "en_US.UTF-8").output().expect("implan runs");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        (String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
    };
    let new = NewActivity {
        phase: "termin-10".into(),
        title: "Ekstra foreldremøte".into(),
        when: "mars 2031".into(),
        owners: vec!["prosjektleder".into()],
        after: Vec::new(),
        id: None,
    };
    let (expected, added) = add_whole(&plan, &new).expect("the whole-file add");
    let (out, err) = run(&[
        "add",
        &path,
        "--phase",
        "termin-10",
        "--title",
        "Ekstra foreldremøte",
        "--when",
        "mars 2031",
        "--owner",
        "prosjektleder",
        "--lang",
        "en",
    ]);
    assert!(std::fs::read_to_string(&path).unwrap() == expected, "the file differs from the whole-file add");
    assert_eq!(out, format!("added 'ekstra-foreldremote' to phase 'termin-10' ({path}:{})\n", added.line));
    // March is not in the phase's autumn term: the check after the change says so, and only that.
    assert!(
        err.starts_with("warning: the change brings one new finding in the plan:\nerror[season-mismatch]: "),
        "{err}"
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).expect("a date");
    let (expected, _) =
        apply_whole(&expected, "ekstra-foreldremote", &Edit::done_on(day)).expect("the whole-file edit");
    let (out, _) = run(&["done", &path, "ekstra-foreldremote", "--date", "2026-11-02", "--lang", "en"]);
    assert!(std::fs::read_to_string(&path).unwrap() == expected, "the file differs from the whole-file edit");
    assert_eq!(out, format!("marked 'ekstra-foreldremote' done on 2026-11-02 (was planned) ({path}:{})\n", added.line));
    assert!(expected.contains("  status = \"gjennomført\"\n"), "a Bokmål plan with no status yet gets the Bokmål word");
}

/// The plan a caller loaded is used only while the file holds the text it was loaded from: here another `add` came
/// in between, and the id the title makes is taken by then.
#[test]
fn a_plan_loaded_from_another_text_is_not_used() {
    use implan::edit::{Loaded, NewActivity, add_to_file_with, add_whole};
    let plan = generate(5_000, Broken::No);
    let stale = implan::load::load(&Source::new("plan.toml", plan.as_str())).expect("loads");
    let new = |phase: &str| NewActivity {
        phase: phase.into(),
        title: "Ekstra".into(),
        when: "2031-10".into(),
        owners: vec!["prosjektleder".into()],
        after: Vec::new(),
        id: None,
    };
    let (meanwhile, _) = add_whole(&plan, &new("termin-15")).expect("added meanwhile");
    let dir = common::TempDir::new("stale");
    let path = dir.write("plan.toml", meanwhile.as_bytes());
    let (expected, _) = add_whole(&meanwhile, &new("termin-10")).expect("the whole-file add");
    let loaded = Loaded { text: &plan, plan: &stale };
    let added = add_to_file_with(std::path::Path::new(&path), &new("termin-10"), false, Some(loaded)).expect("added");
    assert_eq!(added.id, "ekstra-2", "the id the other add took is known");
    assert!(std::fs::read_to_string(&path).unwrap() == expected);
    // The same plan, loaded from the text the file holds, is used, with the same result.
    let (again, _) = add_whole(&expected, &new("termin-12")).expect("the whole-file add");
    let current = implan::load::load(&Source::new("plan.toml", expected.as_str())).expect("loads");
    let loaded = Loaded { text: &expected, plan: &current };
    let added = add_to_file_with(std::path::Path::new(&path), &new("termin-12"), false, Some(loaded)).expect("added");
    assert_eq!(added.id, "ekstra-3");
    assert!(std::fs::read_to_string(&path).unwrap() == again);
}

/// The plan a caller loaded from the text the file holds is the one the edit uses, not loaded again: given one
/// that names an activity otherwise (the same length, so that every place in it is right), the id the new
/// activity gets shows which plan was asked.
#[test]
fn the_plan_the_caller_loaded_is_the_one_used() {
    use implan::edit::{Loaded, NewActivity, add_to_file_with};
    let plan = generate(5_000, Broken::No);
    assert!(plan.contains("id = \"a004999\""));
    let renamed = plan.replace("id = \"a004999\"", "id = \"ekstra7\"");
    let told = implan::load::load(&Source::new("plan.toml", renamed.as_str())).expect("loads");
    let dir = common::TempDir::new("told");
    let path = dir.write("plan.toml", plan.as_bytes());
    let new = NewActivity {
        phase: "termin-10".into(),
        title: "Ekstra7".into(),
        when: "2031-10".into(),
        owners: vec!["prosjektleder".into()],
        after: Vec::new(),
        id: None,
    };
    let loaded = Loaded { text: &plan, plan: &told };
    let added = add_to_file_with(std::path::Path::new(&path), &new, false, Some(loaded)).expect("added");
    assert_eq!(added.id, "ekstra7-2", "the plan it was given has an activity 'ekstra7'");
}
