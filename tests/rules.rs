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

use implan::check::{CheckOptions, FileReport, check_source_with};
use implan::diag::RuleId;
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
    };
    let source = Source::new(rel, text);
    let findings = check_source_with(&source, None, &opts);
    let others: Vec<String> =
        findings.iter().filter(|f| f.rule != rule).map(|f| format!("{}: {}", f.rule, f.message)).collect();
    assert!(others.is_empty(), "{rel}: the plan does not load, or another rule ran: {others:#?}");
    let report = FileReport { path: PathBuf::from(rel), source: Some(source), findings };
    anstream::adapter::strip_str(&implan::render::human(&[report])).to_string()
}

#[test]
fn every_fixture_shows_its_rules_reviewed_findings() {
    let mut failed = Vec::new();
    let mut seen = 0;
    for dir in entries(&root().join(FIXTURES), true) {
        let id = dir.file_name().unwrap().to_str().unwrap().to_string();
        let rule = RuleId::parse(&id).unwrap_or_else(|| panic!("{FIXTURES}/{id}: {}", RuleId::unknown_message(&id)));
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
