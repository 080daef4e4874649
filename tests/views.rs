//! The views on real plans: exact output (reviewed snapshots) in both languages, at 80 columns, without
//! colour, for the empty, the finished, a future and a past plan.

mod common;

use common::{TempDir, root};

use std::process::Output;

const BEIARN: &str = "plans/beiarn-omni.toml";
const TODAY: &str = "2026-11-23";

fn run_in(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = common::command_in(dir, args);
    cmd.envs(env.iter().copied());
    cmd.output().expect("the implan binary runs")
}

fn implan(args: &[&str]) -> Output {
    run_in(&root(), args, &[])
}

/// Runs a view that must succeed and returns its output.
fn view(args: &[&str]) -> String {
    let o = implan(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn schedule_by_phase_in_bokmal_at_80_columns() {
    let out = view(&["schedule", BEIARN, "--today", TODAY, "--width", "80"]);
    assert!(out.lines().all(|l| l.chars().count() <= 80), "a line is wider than 80 columns:\n{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn schedule_in_english_by_month() {
    insta::assert_snapshot!(view(&[
        "schedule", BEIARN, "--today", TODAY, "--width", "100", "--lang", "en", "--by", "month"
    ]));
}

#[test]
fn schedule_by_role_lists_members_and_group_work() {
    let out = view(&["schedule", BEIARN, "--today", TODAY, "--width", "100", "--by", "role"]);
    assert!(out.contains("Medlemmer: Kommunalsjef for oppvekst og læring, Rektorer"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn schedule_filters() {
    // A principal's work includes that of the steering group and the schools they belong to.
    let rektor = view(&["schedule", BEIARN, "--today", TODAY, "--role", "rektorer", "--format", "markdown"]);
    assert!(rektor.contains("Styringsgruppe") && rektor.contains("Skoler") && !rektor.contains("Jurist"), "{rektor}");
    insta::assert_snapshot!("schedule_role_rektorer", rektor);
    let spring = view(&[
        "schedule",
        BEIARN,
        "--today",
        TODAY,
        "--from",
        "januar 2027",
        "--to",
        "mars 2027",
        "--format",
        "markdown",
    ]);
    insta::assert_snapshot!("schedule_from_to", spring);
    let phase = view(&[
        "schedule",
        BEIARN,
        "--today",
        TODAY,
        "--phase",
        "Implementeringsfase 2",
        "--status",
        "planned",
        "--format",
        "markdown",
    ]);
    insta::assert_snapshot!("schedule_phase_status", phase);
}

#[test]
fn schedule_unknown_filters_are_usage_errors_with_suggestions() {
    let o = implan(&["schedule", BEIARN, "--role", "rektor", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: the plan has no role 'rektor'; did you mean 'rektorer'?\n");
    // An error about the plan is in the plan's language, whatever the locale (Beiarn's is Bokmål).
    let o = run_in(&root(), &["schedule", BEIARN, "--role", "rektor"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(stderr(&o), "feil: planen har ingen rolle 'rektor'; mente du 'rektorer'?\n");
    let o = implan(&["schedule", BEIARN, "--phase", "fase9", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: the plan has no phase 'fase9'"), "{}", stderr(&o));
    let o = implan(&["schedule", BEIARN, "--status", "halvferdig"]);
    assert_eq!(o.status.code(), Some(2));
    let o = implan(&["schedule", BEIARN, "--from", "marts 2026", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean 'mars'?"), "{}", stderr(&o));
}

#[test]
fn schedule_csv_is_utf8_with_bom_and_quotes() {
    let out = view(&["schedule", "tests/fixtures/finished.toml", "--format", "csv", "--today", TODAY]);
    assert!(out.starts_with('\u{feff}'), "Excel needs the BOM to read UTF-8");
    assert!(out.contains("\"Evaluering i trinnteamet, \"\"sluttrapport\"\"\""), "{out}");
    insta::assert_snapshot!(out);
    let semi = view(&["schedule", "tests/fixtures/finished.toml", "--format", "csv", "--delimiter", ";"]);
    assert!(semi.lines().nth(1).is_some_and(|l| l.contains(';')), "{semi}");
}

#[test]
fn schedule_json_has_iso_dates() {
    let out = view(&["schedule", BEIARN, "--format", "json", "--today", TODAY]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let first = &v["groups"][0]["activities"][0];
    assert_eq!(first["start"], "2026-03-01");
    assert_eq!(first["end"], "2026-03-31");
    assert_eq!(first["precision"], "month");
    assert_eq!(first["overdue"], true);
    assert_eq!(v["today"], TODAY);
    insta::assert_snapshot!(view(&["schedule", "tests/fixtures/finished.toml", "--format", "json", "--today", TODAY]));
}

#[test]
fn timeline_at_80_columns_in_both_languages() {
    let nb = view(&["timeline", BEIARN, "--today", TODAY, "--width", "80"]);
    assert!(nb.lines().all(|l| l.chars().count() <= 80), "{nb}");
    insta::assert_snapshot!(nb);
    insta::assert_snapshot!(view(&[
        "timeline",
        "tests/fixtures/finished.toml",
        "--today",
        TODAY,
        "--width",
        "80",
        "--lang",
        "nb"
    ]));
    insta::assert_snapshot!(view(&["timeline", "tests/fixtures/finished.toml", "--today", TODAY, "--width", "80"]));
}

#[test]
fn timeline_switches_to_quarters_when_narrow() {
    let out = view(&["timeline", "plans/mot-kommuneavtale.toml", "--today", TODAY, "--width", "50"]);
    assert!(out.lines().all(|l| l.chars().count() <= 50), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn checklists() {
    insta::assert_snapshot!(view(&["checklist", "tests/fixtures/finished.toml", "--today", TODAY]));
    insta::assert_snapshot!(
        "checklist_rektorer_text",
        view(&["checklist", BEIARN, "--today", TODAY, "--role", "rektorer", "--format", "text"])
    );
    insta::assert_snapshot!(
        "checklist_by_role_en",
        view(&["checklist", "tests/fixtures/finished.toml", "--by", "role", "--lang", "en", "--today", TODAY])
    );
    insta::assert_snapshot!("checklist_phase", view(&["checklist", BEIARN, "--phase", "oppstart", "--today", TODAY]));
}

#[test]
fn status_now_in_both_languages() {
    insta::assert_snapshot!(view(&["status", BEIARN, "--today", TODAY]));
    insta::assert_snapshot!("status_en", view(&["status", BEIARN, "--today", TODAY, "--lang", "en"]));
}

#[test]
fn status_before_and_after_the_plan() {
    insta::assert_snapshot!("status_future", view(&["status", BEIARN, "--today", "2025-10-01"]));
    insta::assert_snapshot!("status_past", view(&["status", BEIARN, "--today", "2029-03-01", "--lang", "en"]));
}

#[test]
fn status_of_empty_and_finished_plans() {
    insta::assert_snapshot!("status_empty", view(&["status", "tests/fixtures/empty.toml", "--today", TODAY]));
    insta::assert_snapshot!("status_finished", view(&["status", "tests/fixtures/finished.toml", "--today", TODAY]));
}

#[test]
fn status_json() {
    let out = view(&["status", BEIARN, "--today", TODAY, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["current_phase"]["where"], "in");
    assert_eq!(v["current_phase"]["id"], "implementering-1");
    assert_eq!(v["overdue"][0]["id"], "oppstartsmote");
    assert!(v["overdue"][0]["days_overdue"].as_i64() > Some(200));
    insta::assert_snapshot!(out);
}

#[test]
fn status_of_a_broken_plan_exits_like_check() {
    let o = implan(&["status", "examples/rules/invalid-plan.toml"]);
    assert_eq!(o.status.code(), Some(1));
    // The findings go to standard error; standard output, perhaps a file, gets nothing.
    assert!(String::from_utf8_lossy(&o.stderr).contains("feil[invalid-plan]"));
    assert_eq!(o.stdout, b"");
    let o = implan(&["status", "no/such/plan.toml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn status_finds_the_plan_when_none_is_named() {
    let tmp = TempDir::new("views-find");
    let dir = tmp.dir();
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    let o = run_in(dir, &["status", "--today", TODAY, "--lang", "en"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no plan given, and there is no implan.toml here and no plan under plans/"),
        "{}",
        stderr(&o)
    );
    let finished = std::fs::read(root().join("tests/fixtures/finished.toml")).unwrap();
    std::fs::write(dir.join("plans/a.toml"), &finished).unwrap();
    let o = run_in(dir, &["status", "--today", TODAY], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(dir.join("plans/b.toml"), &finished).unwrap();
    let o = run_in(dir, &["status", "--today", TODAY], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: no plan given, and plans/ holds 2 plans; name one of them:\n  plans/a.toml\n  plans/b.toml\n"
    );
    std::fs::write(dir.join("implan.toml"), &finished).unwrap();
    let o = run_in(dir, &["status", "--today", TODAY], &[]);
    assert_eq!(o.status.code(), Some(0), "implan.toml wins: {}", stderr(&o));
}

#[test]
fn colour_on_a_terminal_only_and_never_with_no_color() {
    let args = ["status", BEIARN, "--today", TODAY];
    assert!(!view(&args).contains('\x1b'));
    let forced = run_in(&root(), &args, &[("CLICOLOR_FORCE", "1")]);
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\x1b'));
    let no = run_in(&root(), &args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!String::from_utf8_lossy(&no.stdout).contains('\x1b'));
}

#[test]
fn language_comes_from_the_locale_when_the_plan_has_none() {
    let tmp = TempDir::new("views-lang");
    let dir = tmp.dir();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/finished.toml")).unwrap().replace("lang = \"en\"\n", "");
    std::fs::write(dir.join("p.toml"), text).unwrap();
    let en = run_in(dir, &["status", "p.toml", "--today", TODAY], &[("LANG", "en_GB.UTF-8")]);
    assert!(String::from_utf8_lossy(&en.stdout).contains("Progress"));
    let nb =
        run_in(dir, &["status", "p.toml", "--today", TODAY], &[("LC_ALL", "nb_NO.UTF-8"), ("LANG", "en_GB.UTF-8")]);
    assert!(String::from_utf8_lossy(&nb.stdout).contains("Framdrift"));
}

/// Splits a command line written in the README into arguments (double quotes group words).
fn split_args(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn readme_examples_are_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let (first, expected) = block.split_once('\n').unwrap_or((block, ""));
        let Some(command) = first.strip_prefix("$ implan ") else { continue };
        let args = split_args(command);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = implan(&args);
        assert_eq!(String::from_utf8_lossy(&o.stdout), expected, "README example `implan {command}` is out of date");
        checked += 1;
    }
    assert!(checked >= 5, "the README shows each view");
}

#[test]
fn progress_example_is_made_by_this_script() {
    // The script's steps, replayed on a copy: the example must be the shipped plan plus exactly that progress.
    let tmp = TempDir::new("views-progress");
    let dir = tmp.dir();
    let script = std::fs::read_to_string(root().join("docs/beiarn-progress.sh")).unwrap();
    let header: String = script
        .lines()
        .filter_map(|l| l.trim().strip_prefix("echo \"").and_then(|l| l.strip_suffix('"')))
        .map(|l| format!("{}\n", l.replace("\\`", "`")))
        .collect();
    // The script writes the #:schema line first itself, and copies the plan without its own (tail -n +2).
    let plan = std::fs::read_to_string(root().join(BEIARN)).unwrap();
    let (directive, plan) = plan.split_once('\n').unwrap();
    assert!(header.starts_with(&format!("{directive}\n")), "the example starts with the plan's {directive}");
    let copy = dir.join("progress.toml");
    std::fs::write(&copy, format!("{header}\n{plan}")).unwrap();
    let c = copy.display().to_string();
    for line in script.lines().filter(|l| l.starts_with("\"$implan\" ")) {
        let args = split_args(&line.replace("\"$implan\" ", "").replace("\"$out\"", &c));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = implan(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    let expected = std::fs::read_to_string(&copy).unwrap();
    let shipped = std::fs::read_to_string(root().join("examples/beiarn-progress.toml")).unwrap();
    assert!(shipped == expected, "examples/beiarn-progress.toml is stale: run docs/beiarn-progress.sh");
}

#[test]
fn schedule_costs_per_year_and_phase() {
    let out = view(&["schedule", "tests/fixtures/costs.toml", "--costs", "--today", TODAY]);
    assert!(out.contains("22 000 kr") && out.contains("−7 000 kr"), "{out}");
    insta::assert_snapshot!(out);
    let j: serde_json::Value =
        serde_json::from_str(&view(&["schedule", "tests/fixtures/costs.toml", "--costs", "--format", "json"])).unwrap();
    assert_eq!(j["years"][0]["cost"], 22000);
    assert_eq!(j["years"][2]["cost"], 30000, "the total");
    assert_eq!(j["phases"][1]["cost"], 8000);
    insta::assert_snapshot!(
        "schedule_costs_markdown_en",
        view(&["schedule", "tests/fixtures/costs.toml", "--costs", "--format", "markdown", "--lang", "en"])
    );
}
