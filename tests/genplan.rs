//! The benchmark generator (examples/genplan.rs) makes what it promises, and the piecewise loader that large
//! plans go through gives exactly what the whole-file loader gives.

#[path = "../examples/genplan.rs"]
#[allow(dead_code)]
mod genplan;

use genplan::{Broken, generate};
use implan::source::Source;
use std::collections::BTreeSet;

/// The findings of a generated plan checked as it would be in a folder below the repository's schema (as
/// `genplan`'s own `#:schema` line supposes), so that missing-schema can fire.
fn check(text: &str) -> Vec<implan::diag::Finding> {
    let around = implan::check::Surroundings { lint: None, schema: Some("../implan.schema.json".into()) };
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
