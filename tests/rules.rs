//! Every rule on small plans made to show one case each, ruff-style: `tests/fixtures/rules/<rule-id>/<case>.toml`
//! is checked with only its rule on (as `implan check --select <rule-id>` would), rendered as a person sees it
//! (the human format with the source snippet, without colour), and compared with the reviewed snapshot
//! `tests/snapshots/rules__<rule-id>@<case>.snap`. A case that must not fire has a snapshot saying "no findings".
//!
//! The comment at the top of a fixture says what the case shows; it becomes the snapshot's description. A line
//! `# today: YYYY-MM-DD` in it sets the day the rules take as today (`done-date`); without one it is [`TODAY`],
//! so that no snapshot depends on the clock.
//!
//! New or changed cases: `INSTA_UPDATE=always cargo test --test rules`, then read every changed snapshot in
//! `git diff` before committing it (TESTING.md, "Rule fixtures").

use implan::check::{CheckOptions, FileReport, Surroundings, check_source_with};
use implan::diag::RuleId;
use implan::lang::Lang;
use implan::source::Source;
use std::path::{Path, PathBuf};

/// The day a fixture's rules take as today unless its comment names another.
const TODAY: &str = "2026-11-30";

const FIXTURES: &str = "tests/fixtures/rules";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.toml` files (or folders) directly in `dir`, sorted by name.
fn entries(dir: &Path, folders: bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| if folders { p.is_dir() } else { p.extension().is_some_and(|e| e == "toml") })
        .collect();
    out.sort();
    out
}

/// The comment lines at the top of a fixture, without their `#`.
fn head_comment(text: &str) -> Vec<&str> {
    text.lines().map_while(|l| l.strip_prefix('#')).map(str::trim).collect()
}

/// What `implan check --select RULE` prints for the fixture at `rel` (relative to the repository), without
/// colour.
fn render(rule: RuleId, rel: &str) -> String {
    let text = std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let today = head_comment(&text).iter().find_map(|l| l.strip_prefix("today:")).map_or(TODAY, str::trim);
    let opts = CheckOptions {
        select: vec![rule],
        ignore: vec![],
        no_config: true,
        today: Some(today.parse().unwrap_or_else(|e| panic!("{rel}: today: {today}: {e}"))),
        lang: Some(Lang::En),
        locale: None,
    };
    let source = Source::new(rel, text);
    // As `implan check` checks the file where it lies: the repository's implan.schema.json is above it.
    let around =
        Surroundings { lint: None, calendar: None, schema: implan::config::find_schema_file(&root().join(rel)) };
    let findings = check_source_with(&source, &around, &opts);
    let others: Vec<String> =
        findings.iter().filter(|f| f.rule != rule).map(|f| format!("{}: {}", f.rule, f.message.en())).collect();
    assert!(others.is_empty(), "{rel}: the plan does not load, or another rule ran: {others:#?}");
    let report = FileReport { path: PathBuf::from(rel), source: Some(source), findings, lang: Lang::En };
    anstream::adapter::strip_str(&implan::render::human(&[report], &[], Lang::En)).to_string()
}

#[test]
fn every_fixture_shows_its_rules_reviewed_findings() {
    let mut failed = Vec::new();
    let mut seen = 0;
    for dir in entries(&root().join(FIXTURES), true) {
        let id = dir.file_name().unwrap().to_str().unwrap().to_string();
        let rule = RuleId::parse(&id).unwrap_or_else(|| {
            panic!("{FIXTURES}/{id}: {}", implan::messages::commands::unknown_rule(&id, RuleId::nearest(&id)).en())
        });
        for file in entries(&dir, false) {
            let case = file.file_stem().unwrap().to_str().unwrap().to_string();
            let rel = format!("{FIXTURES}/{id}/{case}.toml");
            let text = std::fs::read_to_string(&file).unwrap();
            let what = head_comment(&text).into_iter().filter(|l| !l.starts_with("today:")).collect::<Vec<_>>();
            assert!(!what.is_empty(), "{rel}: begins with a `#` comment saying what the case shows");
            let shown = render(rule, &rel);
            let outcome = std::panic::catch_unwind(|| {
                insta::with_settings!({
                    snapshot_suffix => case.as_str(),
                    description => what.join(" "),
                    omit_expression => true,
                }, {
                    insta::assert_snapshot!(id.as_str(), shown);
                });
            });
            if outcome.is_err() {
                failed.push(rel);
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "no fixtures under {FIXTURES}");
    assert!(
        failed.is_empty(),
        "{} of {seen} fixtures differ from their snapshots:\n  {}",
        failed.len(),
        failed.join("\n  ")
    );
}

/// Each rule that checks a plan has fixtures; each fixture snapshot has its fixture (a renamed or removed case
/// leaves no snapshot behind).
#[test]
fn every_rule_has_fixtures_and_every_snapshot_a_fixture() {
    for rule in implan::rules::ALL.iter().filter(|r| r.check.is_some()) {
        let dir = root().join(FIXTURES).join(rule.id.as_str());
        assert!(dir.is_dir() && !entries(&dir, false).is_empty(), "{FIXTURES}/{}/ has no fixtures", rule.id);
    }
    for snap in std::fs::read_dir(root().join("tests/snapshots")).unwrap() {
        let name = snap.unwrap().file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("rules__") else { continue };
        let (id, case) = rest.trim_end_matches(".new").trim_end_matches(".snap").split_once('@').expect("id@case");
        let fixture = root().join(FIXTURES).join(id).join(format!("{case}.toml"));
        assert!(fixture.is_file(), "tests/snapshots/{name} has no fixture {FIXTURES}/{id}/{case}.toml");
    }
}

/// `.ci/new-rule` (TESTING.md, "Rule fixtures"): what it would create and change for a new rule, and what it
/// refuses. Its real run is checked by hand in a throwaway copy: it compiles, and only the tests that ask for the
/// new rule's work (its fixtures' snapshots, its example firing, generated plans firing it) fail.
#[test]
fn the_new_rule_scaffold_says_what_it_would_do_and_refuses_what_exists() {
    let run = |args: &[&str]| {
        let o = std::process::Command::new(root().join(".ci/new-rule")).args(args).output().expect("bash runs");
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let last = implan::diag::RuleId::ALL.last().unwrap().as_str();
    let (code, out, err) = run(&["--dry-run", "late-survey", "warning", "A survey planned after the term it measures"]);
    assert_eq!(code, Some(0), "{err}");
    let expected = [
        "would create src/rules/late_survey.rs".to_string(),
        "would create src/messages/rules/late_survey.rs".into(),
        "would create src/rules/docs/nb/late-survey.md".into(),
        "would create src/rules/docs/nn/late-survey.md".into(),
        "would create src/rules/docs/en/late-survey.md".into(),
        "would create examples/rules/late-survey.toml".into(),
        "would create tests/fixtures/rules/late-survey/fires.toml".into(),
        "would create tests/fixtures/rules/late-survey/quiet.toml".into(),
        "would edit src/rules/mod.rs: mod late_survey; (alphabetical)".into(),
        format!("would edit src/rules/mod.rs: late_survey::RULE, in rules::ALL after {}::RULE", last.replace('-', "_")),
        "would edit src/messages/rules/mod.rs: pub mod late_survey; (alphabetical)".into(),
        format!(
            "would edit src/rule_id.rs: LateSurvey = \"late-survey\", after {:?}",
            implan::diag::RuleId::ALL.last().unwrap()
        ),
        format!(
            "would edit README.md: | `late-survey` | warning | A survey planned after the term it measures | after the row of '{last}'"
        ),
        "would edit implan.schema.json: regenerated by `implan schema`".into(),
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
    let (code, out, _) = run(&["--dry-run", "--after", "cadence", "late-survey", "error", "S"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("in rules::ALL after cadence::RULE") && out.contains("after Cadence\n"), "{out}");
    for (args, says) in [
        (["--dry-run", "idle-gap", "warning", "S"], "a rule 'idle-gap' exists already"),
        (["--dry-run", "Idle_Gap", "warning", "S"], "is not a kebab-case id"),
        (["--dry-run", "requirements", "warning", "S"], "src/rules/requirements.rs exists already"),
        (["--dry-run", "late-survey", "info", "S"], "the severity is error or warning"),
        (["--dry-run", "late-survey", "error", "a | b"], "without '|'"),
    ] {
        let (code, out, err) = run(&args);
        assert_eq!((code, out.as_str()), (Some(1), ""), "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
