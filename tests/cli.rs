//! The real binary on real files: exact output, exit codes, and every kind of bad input.

mod common;

use common::{TempDir, json, root, stderr, stdout};
use std::process::Output;

/// Runs `implan` in the repository root, in the tests' one scrubbed environment.
fn implan(args: &[&str]) -> Output {
    implan_env(args, &[])
}

/// `check` speaks English here unless a test asks for another language: these tests are about what it finds;
/// tests/languages.rs is about the languages.
fn in_english<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut args = args.to_vec();
    if args.first() == Some(&"check") && !args.contains(&"--lang") {
        args.extend(["--lang", "en"]);
    }
    args
}

fn implan_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = common::command(&in_english(args));
    cmd.envs(env.iter().copied());
    cmd.output().expect("the implan binary runs")
}

/// (rule, line, message) of every finding.
fn findings(v: &serde_json::Value) -> Vec<(String, u64, String)> {
    v["findings"]
        .as_array()
        .expect("findings is a list")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const SMALL_PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"mars 2026\"\nend = \"juni 2026\"\n\n[roles]\npl = \"Prosjektleder\"\n\n[[activity]]\ntitle = \"Oppstart\"\nwhen = \"2026-03-12\"\nowner = \"pl\"\n\n[[activity]]\ntitle = \"Avslutning\"\nwhen = \"juni 2026\"\nowner = \"pl\"\n";

#[test]
fn shipped_plans_check_clean() {
    let o = common::command(&["check", "plans"]).output().expect("the implan binary runs");
    // The plans are in Bokmål and Nynorsk, so the summary is in the locale's language, and with none, Bokmål's.
    assert_eq!(stdout(&o), "kontrollerte 6 filer: ingen funn\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = implan(&["check", "--lang", "en", "plans"]);
    assert_eq!(stdout(&o), "checked 6 files: no findings\n");
}

#[test]
fn beiarn_as_written_reports_what_the_document_gets_wrong() {
    let o = implan(&["check", "--format", "json", "examples/beiarn-as-written.toml"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let f = findings(&v);
    let has = |rule: &str, needle: &str| f.iter().any(|(r, _, m)| r == rule && m.contains(needle));
    let helps: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "season-mismatch")
        .filter_map(|f| f["help"].as_str())
        .collect();
    let or_move = ", and the other 3 alike";
    let mv = "If the label is right, move the activities instead: implan move examples/beiarn-as-written.toml";
    assert_eq!(
        helps,
        [
            format!("did you mean 'Vår 2026'? {mv} oppstartsmote --to 'mars 2025'{or_move}"),
            format!("did you mean 'Høst 2026'? {mv} planleggingsdag --to 'august 2025'{or_move}"),
            format!("did you mean 'Vår 2027'? {mv} foreldreundersokelse-2027 --to 'januar 2026'{or_move}"),
        ]
    );
    assert!(has("phase-order", "(Høst 2026 – Vår 2028) overlaps the activities of phases"), "{f:#?}");
    assert!(has("unknown-role", "Kommunikasjonsrådgiver"), "{f:#?}");
    assert!(has("unknown-role", "Jurist"), "{f:#?}");
    for c in ["Verdigrunnlag", "Fordypning i Omni-trappa", "Analysekompetanse"] {
        assert!(has("uncovered-component", c), "{c}: {f:#?}");
    }
    assert!(has("cadence", "elev- og foreldrerunder") && has("cadence", "after 2027-01"), "{f:#?}");
    assert!(has("idle-gap", "from 2025-01 to 2026-02"), "{f:#?}");
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn beiarn_as_written_human_output() {
    let o = implan(&["check", "examples/beiarn-as-written.toml"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn every_rule_example_fires_its_rule_and_only_it() {
    let dir = root().join("examples/rules");
    let mut ids: Vec<&str> = implan::rules::ALL.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    for id in ids {
        let path = dir.join(format!("{id}.toml"));
        assert!(path.exists(), "examples/rules/{id}.toml is missing");
        let rel = format!("examples/rules/{id}.toml");
        let o = implan(&["check", "--format", "json", &rel]);
        let v = json(&o);
        let f = findings(&v);
        assert!(!f.is_empty(), "{id}: no findings");
        assert!(f.iter().all(|(r, _, _)| r == id), "{id}: other rules fired too: {f:#?}");
        let severity = implan::rules::by_id(id).unwrap().severity;
        let expected_exit = if severity == implan::diag::Severity::Error { 1 } else { 0 };
        assert_eq!(o.status.code(), Some(expected_exit), "{id}");
        let human = implan(&["check", &rel]);
        insta::assert_snapshot!(format!("rule-{id}"), stdout(&human));
    }
}

#[test]
fn warnings_pass_unless_denied() {
    let o = implan(&["check", "examples/rules/unused-role.toml"]);
    assert_eq!(o.status.code(), Some(0));
    let o = implan(&["check", "--deny", "warnings", "examples/rules/unused-role.toml"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn json_has_the_documented_shape() {
    let o = implan(&["check", "--format", "json", "examples/rules/missing-owner.toml"]);
    let v = json(&o);
    assert_eq!(v["version"], 1);
    let f = &v["findings"][0];
    for key in ["file", "rule", "severity", "line", "column", "end_line", "end_column", "message", "help"] {
        assert!(f.get(key).is_some(), "finding has no '{key}': {f}");
    }
    assert_eq!(f["file"], "examples/rules/missing-owner.toml");
    assert!(f["end_column"].as_u64() > f["column"].as_u64() || f["end_line"].as_u64() > f["line"].as_u64());
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn directories_are_searched_recursively_in_stable_order() {
    let dir = TempDir::new("cli-walk");
    std::fs::create_dir_all(dir.join("b/c")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    dir.write("b/c/z.toml", SMALL_PLAN.as_bytes());
    dir.write(
        "a.toml",
        SMALL_PLAN.replace("title = \"Oppstart\"\n", "title = \"Oppstart\"\nownr = \"x\"\n").as_bytes(),
    );
    dir.write(".hidden/bad.toml", b"not toml at all");
    dir.write("Cargo.toml", b"[package]\nname = \"x\"\n");
    dir.write("notes.txt", b"not a plan");
    let d = dir.dir().display().to_string();
    let o = implan(&["check", "--format", "json", &d]);
    let v = json(&o);
    assert_eq!(v["summary"]["files"], 2, "{v}");
    let files: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files, [format!("{d}/a.toml")]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn unreadable_paths_exit_2() {
    let o = implan(&["check", "does/not/exist.toml", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: cannot read 'does/not/exist.toml': No such file or directory (os error 2)\n");
    let dir = TempDir::new("cli-empty-dir");
    let o = implan(&["check", &dir.dir().display().to_string(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no plan files (*.toml) found"), "{}", stderr(&o));
    // Without --lang, the locale's language; the harness's C.UTF-8 names none, so Bokmål.
    let o = common::command(&["check", &dir.dir().display().to_string()]).output().expect("implan runs");
    assert_eq!(stderr(&o), "feil: fant ingen planfiler (*.toml) under stiene som er oppgitt\n");
    let o = implan(&["check", &dir.dir().display().to_string(), "--lang", "nn"]);
    assert_eq!(stderr(&o), "feil: fann ingen planfiler (*.toml) under stiane som er oppgitt\n");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(implan(&["check", "--format", "xml", "plans"]).status.code(), Some(2));
    assert_eq!(implan(&["frobnicate"]).status.code(), Some(2));
}

fn check_bytes(name: &str, bytes: &[u8]) -> (Output, serde_json::Value) {
    let dir = TempDir::new(&format!("cli-{name}"));
    let p = dir.write("plan.toml", bytes);
    let o = implan(&["check", "--format", "json", &p]);
    let v = json(&o);
    (o, v)
}

#[test]
fn empty_file_is_a_finding_not_a_crash() {
    let (o, v) = check_bytes("empty", b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [("invalid-plan".to_string(), 1, "this file has no [plan] table".to_string())]);
    let (_, v) = check_bytes("comments", b"# only a comment\n");
    assert_eq!(findings(&v)[0].2, "this file has no [plan] table");
}

#[test]
fn invalid_utf8_and_binary_files_are_findings() {
    let mut bytes = b"[plan]\ntitle = \"Beiarn ".to_vec();
    bytes.extend([0xE6, 0x72, b'"', b'\n']); // Latin-1 'æ'
    let (o, v) = check_bytes("latin1", &bytes);
    assert_eq!(o.status.code(), Some(1));
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "invalid-toml");
    assert_eq!(f["message"], "the file is not UTF-8 text: invalid byte 0xE6");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(2), Some(17)));
    let (o, v) = check_bytes("binary", &[0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF, 0xFE, 0]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(v["findings"][0]["message"], "this is a binary file, not a plan");
}

#[test]
fn bom_and_crlf_are_accepted_with_correct_positions() {
    let crlf = SMALL_PLAN.replace('\n', "\r\n").replace("juni 2026\"\r\nowner", "juli 2026\"\r\nowner");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(crlf.as_bytes());
    let (o, v) = check_bytes("bom-crlf", &bytes);
    assert_eq!(o.status.code(), Some(1), "{v}");
    // July is also the summer holiday (holiday-conflict): the finding wanted here is the plan period's.
    let findings = v["findings"].as_array().expect("findings");
    let f = findings.iter().find(|f| f["rule"] == "outside-plan-period").expect("outside-plan-period fires");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(16), Some(8)));
    assert_eq!(f["end_column"].as_u64(), Some(19));
}

#[test]
fn syntax_errors_point_at_the_place() {
    let (o, v) = check_bytes("syntax", b"[plan]\ntitle = Omni\n");
    assert_eq!(o.status.code(), Some(1));
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "invalid-toml");
    assert_eq!(f["line"], 2);
}

#[test]
fn impossible_dates_name_line_column_and_expectation() {
    let plan = SMALL_PLAN.replace("2026-03-12", "2026-02-30").replace("\"juni 2026\"\nowner", "\"2026-13\"\nowner");
    let (o, v) = check_bytes("dates", plan.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&v),
        [
            ("invalid-plan".to_string(), 11, "cannot read 'when': 2026-02 has no day 30; it has 28 days".to_string()),
            ("invalid-plan".to_string(), 16, "cannot read 'when': there is no month 13; months are 1–12".to_string()),
        ]
    );
    // An unquoted TOML date that does not exist is caught too.
    let plan = SMALL_PLAN.replace("\"2026-03-12\"", "2026-02-30");
    let (o, v) = check_bytes("toml-date", plan.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(v["findings"][0]["line"], 11, "{v}");
}

#[test]
fn wrong_types_say_what_was_expected() {
    let plan = SMALL_PLAN.replace(
        "owner = \"pl\"\n\n[[activity]]\ntitle = \"Avslutning\"",
        "owner = 7\n\n[[activity]]\ntitle = \"Avslutning\"",
    );
    let (_, v) = check_bytes("types", plan.as_bytes());
    assert_eq!(v["findings"][0]["message"], "'owner' must be a string or a list of strings, not an integer");
    assert_eq!(v["findings"][0]["line"], 12);
}

/// A plan of `n` activities for one role, month after month, each after the one before within its year.
fn large_plan(n: usize) -> String {
    let mut plan = String::from(
        // One role owns everything here; owner-overload would rightly say so 120 times.
        "[plan]\ntitle = \"Stor plan\"\nstart = \"2026\"\nend = \"2035\"\n\n[lint.rules]\nowner-overload = \"allow\"\n\n[roles]\npl = \"Prosjektleder\"\n",
    );
    for i in 0..n {
        // Twelve months a year without July, which holiday-conflict would rightly name 10,000 times.
        let month = [1, 2, 3, 4, 5, 6, 8, 8, 9, 10, 11, 12][i % 12];
        let year = 2026 + (i / 12) % 10;
        plan.push_str(&format!(
            "\n[[activity]]\nid = \"a{i}\"\ntitle = \"Aktivitet {i}\"\nwhen = \"{year}-{month:02}\"\nowner = \"pl\"\n"
        ));
        if i > 0 && i % 12 != 0 {
            plan.push_str(&format!("after = [\"a{}\"]\n", i - 1));
        }
    }
    plan
}

/// Runs `implan check` (with `args` before the file) on a plan of `n` and of `10 n` activities, checks each
/// output, and returns how many times longer the larger one took. Linear work gives about 10; anything
/// quadratic gives about 100. Speed itself is the benchmarks' business (BENCHMARKS.md, release builds).
fn growth(name: &str, plan: impl Fn(usize) -> String, n: usize, args: &[&str], check: impl Fn(usize, &Output)) -> f64 {
    let dir = TempDir::new(&format!("cli-{name}"));
    let mut took = Vec::new();
    for size in [n, 10 * n] {
        let p = dir.write(&format!("{size}.toml"), plan(size).as_bytes());
        let mut a = vec!["check"];
        a.extend(args);
        a.push(&p);
        // The faster of two runs: a busy machine can only slow a run down.
        let mut best = std::time::Duration::MAX;
        for _ in 0..2 {
            let started = std::time::Instant::now();
            let o = implan(&a);
            best = best.min(started.elapsed());
            check(size, &o);
        }
        took.push(best);
    }
    took[1].as_secs_f64() / took[0].as_secs_f64()
}

#[test]
fn checking_grows_linearly_with_the_plan() {
    let ratio = growth("large", large_plan, 10_000, &[], |_, o| {
        assert_eq!(stdout(o), "checked 1 file: no findings\n");
    });
    assert!(ratio < 30.0, "10 times the activities took {ratio:.1} times as long: not linear");
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let plain = implan(&["check", "examples/rules/missing-owner.toml"]);
    assert!(!stdout(&plain).contains('\x1b'), "piped output has no colour");
    let forced = implan_env(&["check", "examples/rules/missing-owner.toml"], &[("CLICOLOR_FORCE", "1")]);
    assert!(stdout(&forced).contains('\x1b'), "CLICOLOR_FORCE gives colour");
    let no = implan_env(&["check", "examples/rules/missing-owner.toml"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!stdout(&no).contains('\x1b'), "NO_COLOR wins");
}

/// The ```toml blocks of a Markdown file that are whole plans (they have a [plan] table).
fn plan_blocks(markdown: &str) -> Vec<String> {
    markdown
        .split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .filter(|b| b.contains("[plan]\n"))
        .map(str::to_string)
        .collect()
}

#[test]
fn documented_example_plans_check_clean() {
    for doc in ["docs/format.md", "README.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        let blocks = plan_blocks(&text);
        assert!(!blocks.is_empty(), "{doc} has an example plan");
        for (i, block) in blocks.iter().enumerate() {
            let (o, v) = check_bytes(&format!("doc-{i}"), block.as_bytes());
            assert_eq!(findings(&v), [], "{doc} example {i}: {}", stdout(&o));
        }
    }
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for rule in implan::rules::ALL {
        let row = format!("| `{}` | {} | {} |", rule.id, rule.severity.as_str(), rule.summary.en);
        assert!(readme.contains(&row), "README's rule table lacks or misstates: {row}");
    }
    let rows =
        readme.lines().filter(|l| l.starts_with("| `") && (l.contains("| error |") || l.contains("| warning |")));
    assert_eq!(rows.count(), implan::rules::ALL.len(), "README lists a rule the code does not have");
}

#[test]
fn hostile_shapes_stay_linear() {
    // Many roles, many overlapping phases, and every reference broken: the shapes that make naive
    // "did you mean" and overlap checks quadratic.
    let hostile = |n: usize| {
        let mut plan = String::from("[plan]\ntitle = \"Fiendtlig\"\nstart = \"2026\"\nend = \"2030\"\n\n[roles]\n");
        for i in 0..n {
            plan.push_str(&format!("r{i} = \"Rolle {i}\"\n"));
        }
        let phases = n / 10;
        for i in 0..phases {
            plan.push_str(&format!("\n[[phase]]\nid = \"p{i}\"\nname = \"Fase {i}\"\nperiod = \"2026 - 2030\"\n"));
        }
        for i in 0..n {
            plan.push_str(&format!(
                "\n[[activity]]\nid = \"a{i}\"\ntitle = \"A {i}\"\nwhen = \"2027-0{}\"\nowner = \"x{i}\"\nphase = \"p{}\"\ncomponents = [\"c{i}\"]\nafter = [\"z{i}\"]\n",
                i % 9 + 1,
                i % phases
            ));
        }
        plan
    };
    let ratio = growth("hostile", hostile, 2_000, &["--format", "json"], |n, o| {
        let v = json(o);
        assert_eq!(v["summary"]["errors"], 3 * n, "an unknown role, component and dependency per activity");
    });
    assert!(ratio < 30.0, "10 times the activities took {ratio:.1} times as long: not linear");
}
