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

#[test]
fn readme_examples_are_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let (first, expected) = block.split_once('\n').unwrap_or((block, ""));
        let Some(command) = first.strip_prefix("$ implan ") else { continue };
        let args = common::split_args(command);
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
        let args = common::split_args(&line.replace("\"$implan\" ", "").replace("\"$out\"", &c));
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

/// How many terminal columns a line takes (a wide letter two, a combining mark none).
fn columns(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

/// The plans shipped in `plans/`.
fn plans() -> Vec<String> {
    let mut plans: Vec<String> = std::fs::read_dir(root().join("plans"))
        .unwrap()
        .map(|e| format!("plans/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".toml"))
        .collect();
    plans.sort();
    assert!(plans.len() >= 6, "{plans:?}");
    plans
}

/// Every view that has a width, as arguments after the plan.
const FITTED: &[&[&str]] = &[
    &["status"],
    &["schedule"],
    &["schedule", "--by", "month"],
    &["schedule", "--by", "role"],
    &["schedule", "--costs"],
    &["timeline"],
    &["checklist"],
    &["checklist", "--format", "text"],
];

#[test]
fn every_view_fits_50_80_and_120_columns_on_every_plan() {
    for plan in plans() {
        for view_args in FITTED {
            for width in ["50", "80", "120"] {
                let mut args = vec![view_args[0], plan.as_str(), "--today", TODAY, "--width", width];
                args.extend(&view_args[1..]);
                let out = view(&args);
                let w: usize = width.parse().unwrap();
                let wide: Vec<&str> = out.lines().filter(|l| columns(l) > w).collect();
                assert!(wide.is_empty(), "implan {args:?}: lines wider than {w}:\n{}", wide.join("\n"));
            }
        }
    }
    for width in ["50", "80", "120"] {
        let out = view(&["rules", "--width", width]);
        let w: usize = width.parse().unwrap();
        assert!(out.lines().all(|l| columns(l) <= w), "rules at {w}:\n{out}");
    }
}

#[test]
fn piped_output_fits_columns_when_it_is_set() {
    let at = |env: &[(&str, &str)]| {
        let o = run_in(&root(), &["status", BEIARN, "--today", TODAY], env);
        String::from_utf8(o.stdout).unwrap()
    };
    let fitted = at(&[("COLUMNS", "60")]);
    assert!(fitted.lines().all(|l| columns(l) <= 60), "{fitted}");
    assert_eq!(fitted, view(&["status", BEIARN, "--today", TODAY, "--width", "60"]));
    // Piped without COLUMNS there is no width to fit: a line is as long as it is.
    assert!(at(&[]).lines().any(|l| columns(l) > 80));
    let rules = run_in(&root(), &["rules"], &[("COLUMNS", "70")]);
    assert!(String::from_utf8_lossy(&rules.stdout).lines().all(|l| columns(l) <= 70));
}

#[test]
fn every_plan_at_80_columns() {
    for plan in plans() {
        let mut all = String::new();
        for view_args in [&["status"][..], &["schedule"], &["timeline"], &["checklist", "--format", "text"]] {
            let mut args = vec![view_args[0], plan.as_str(), "--today", TODAY, "--width", "80"];
            args.extend(&view_args[1..]);
            all.push_str(&format!("$ implan {}\n{}\n", args.join(" "), view(&args)));
        }
        let name = plan.trim_start_matches("plans/").trim_end_matches(".toml").to_string();
        insta::assert_snapshot!(format!("at_80_{name}"), all);
    }
}

#[test]
fn timeline_keeps_distinct_phase_names_distinct_when_narrow() {
    let out = view(&["timeline", BEIARN, "--today", TODAY, "--width", "50"]);
    let labels: Vec<&str> =
        out.lines().filter(|l| l.starts_with("Implemen")).map(|l| &l[..l.find(' ').unwrap()]).collect();
    assert_eq!(labels.len(), 2, "{out}");
    assert!(out.contains("Implement…fase 1 ") && out.contains("Implement…fase 2 "), "{out}");
}

/// The Beiarn plan with an activity added by hand, without an id: its id is made from its title.
fn with_hand_added(tmp: &TempDir) -> String {
    let plan = std::fs::read_to_string(root().join(BEIARN)).unwrap();
    let added = "\n[[activity]]\ntitle = \"Møte med FAU\"\nwhen = \"desember 2026\"\nowner = \"prosjektleder\"\n";
    tmp.write("plan.toml", format!("{plan}{added}").as_bytes())
}

#[test]
fn the_views_show_the_ids_that_done_takes() {
    let tmp = TempDir::new("views-ids");
    let plan = with_hand_added(&tmp);
    let status = view(&["status", &plan, "--today", TODAY, "--width", "80"]);
    let line = status.lines().find(|l| l.contains("Møte med FAU")).expect("in next up");
    assert!(line.ends_with("· mote-med-fau"), "{status}");
    let table = view(&["schedule", &plan, "--today", TODAY, "--width", "80"]);
    assert!(table.contains("┆ mote-med-fau"), "{table}");
    let md = view(&["schedule", &plan, "--today", TODAY, "--format", "markdown"]);
    assert!(md.contains("| Når | Aktivitet | Id | Ansvarlig | Status |"), "{md}");
    assert!(md.contains("| Møte med FAU | mote-med-fau | Prosjektleder |"), "{md}");
    for args in [
        &["status", &plan, "--today", TODAY][..],
        &["schedule", &plan, "--today", TODAY],
        &["schedule", &plan, "--today", TODAY, "--format", "markdown"],
        &["checklist", &plan, "--today", TODAY],
        &["checklist", &plan, "--today", TODAY, "--format", "text"],
    ] {
        let mut hidden = args.to_vec();
        hidden.push("--no-ids");
        let out = view(&hidden);
        assert!(out.contains("Møte med FAU") && !out.contains("mote-med-fau"), "{hidden:?}:\n{out}");
        assert!(view(args).contains("mote-med-fau"), "{args:?}");
    }
    // The id shown is the one `implan done` takes.
    let o = implan(&["done", &plan, "mote-med-fau", "--date", "2026-11-20"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let checklist = view(&["checklist", &plan, "--today", TODAY, "--format", "text", "--width", "120"]);
    assert!(
        checklist.contains(
            "  [x] desember 2026 — Møte med FAU (Prosjektleder) [gjennomført 20. november 2026] · mote-med-fau"
        ),
        "{checklist}"
    );
}

#[test]
fn ids_are_escaped_for_markdown() {
    let tmp = TempDir::new("views-id-escape");
    let plan = tmp.write(
        "p.toml",
        b"[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2026\"\n[[activity]]\nid = \"a_b_c\"\ntitle = \"A\"\nwhen = \"mars 2026\"\n",
    );
    let md = view(&["schedule", &plan, "--format", "markdown", "--today", TODAY]);
    assert!(md.contains("| a\\_b\\_c |"), "{md}");
    let md = view(&["checklist", &plan, "--today", TODAY]);
    assert!(md.contains("· a\\_b\\_c"), "{md}");
}

#[test]
fn status_for_one_role_by_id_or_name() {
    let by_id = view(&["status", BEIARN, "--today", TODAY, "--role", "rektorer", "--width", "80"]);
    let by_name = view(&["status", BEIARN, "--today", TODAY, "--role", "Rektorer", "--width", "80"]);
    assert_eq!(by_id, by_name);
    assert!(by_id.contains("Ansvarlig: Rektorer"), "{by_id}");
    // A principal's list has the steering group's work (they are in it), not the lawyer's.
    assert!(by_id.contains("Styringsgruppe") && !by_id.contains("Jurist"), "{by_id}");
    insta::assert_snapshot!("status_role_rektorer", by_id);
    let json: serde_json::Value =
        serde_json::from_str(&view(&["status", BEIARN, "--today", TODAY, "--role", "rektorer", "--format", "json"]))
            .unwrap();
    assert_eq!(json["role"], serde_json::json!({"id": "rektorer", "name": "Rektorer"}));
    let all: serde_json::Value =
        serde_json::from_str(&view(&["status", BEIARN, "--today", TODAY, "--format", "json"])).unwrap();
    assert!(json["progress"]["total"].as_u64() < all["progress"]["total"].as_u64());
    assert!(all.get("role").is_none());
    let o = implan(&["status", BEIARN, "--role", "rektor", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: the plan has no role 'rektor'; did you mean 'rektorer'?\n");
}

#[test]
fn schedule_by_status_takes_every_status_word_and_overdue() {
    let late =
        view(&["schedule", BEIARN, "--today", TODAY, "--status", "forsinket", "--format", "markdown", "--no-ids"]);
    for word in ["overdue", "forseinka", "Forsinket"] {
        let same = view(&["schedule", BEIARN, "--today", TODAY, "--status", word, "--format", "markdown", "--no-ids"]);
        assert_eq!(same, late, "{word}");
    }
    // On 23 November 2026 everything of Beiarn's up to October is late: planned and never marked done.
    assert!(late.contains("Oppstartsmøte") && !late.contains("november 2026 |") && !late.contains("2027"), "{late}");
    insta::assert_snapshot!("schedule_overdue", late);
    let cancelled =
        view(&["schedule", "examples/beiarn-progress.toml", "--today", TODAY, "--status", "avlyst", "--format", "csv"]);
    assert_eq!(cancelled.lines().count(), 2, "{cancelled}");
    assert!(cancelled.contains("opplaering-regelverk"), "{cancelled}");
    let o = implan(&["schedule", BEIARN, "--status", "forsinka", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: --status: unknown status 'forsinka'; did you mean 'forseinka'?\n");
    let o = implan(&["schedule", BEIARN, "--status", "planned,qqqqqqqq"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("feil: --status: ukjent status 'qqqqqqqq'; bruk 'planned', "), "{}", stderr(&o));
}

#[test]
fn a_cancelled_activity_is_struck_through_not_ticked() {
    let plan = "examples/beiarn-progress.toml";
    let md = view(&["checklist", plan, "--today", TODAY, "--phase", "implementering-1", "--width", "200"]);
    let line = md.lines().find(|l| l.contains("regelverkskompetanse")).unwrap();
    assert!(
        line.starts_with("- [ ] september 2026 — ~~Opplæring i regelverkskompetanse~~ ") && line.contains("[avlyst]"),
        "{md}"
    );
    let text =
        view(&["checklist", plan, "--today", TODAY, "--phase", "implementering-1", "--format", "text", "--lang", "en"]);
    let line = text.lines().find(|l| l.contains("regelverkskompetanse")).unwrap();
    assert!(
        line.starts_with("  [ ] September 2026 — ~~Opplæring i regelverkskompetanse~~ ")
            && line.contains("[cancelled]"),
        "{text}"
    );
}

/// A requirement applies from its `from` to its `until`: the views ask the same question as the rules, so
/// the activities before and after its window (November, April) are neither its next one, nor charged its
/// cost, nor marked in the årshjul as keeping it.
#[test]
fn the_views_see_a_requirement_only_inside_its_window() {
    let cadence = "tests/fixtures/rules/cadence/the-window-governs-only-its-own-months.toml";
    let status: serde_json::Value =
        serde_json::from_str(&view(&["status", cadence, "--format", "json", "--today", "2026-11-15"])).unwrap();
    assert_eq!(status["recurring"][0]["next"]["title"], "Desember", "{status}");
    let after: serde_json::Value =
        serde_json::from_str(&view(&["status", cadence, "--format", "json", "--today", "2027-04-01"])).unwrap();
    assert_eq!(after["recurring"][0]["next"], serde_json::Value::Null, "April is outside the window: {after}");
    let wheel = view(&["wheel", cadence]);
    let lines = common::arc_lines(&wheel);
    let marked: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("↻")).map(|l| l.trim_start()).collect();
    assert!(marked.contains(&"Desember") && marked.contains(&"Mars"), "{marked:?}");
    assert!(!marked.contains(&"November") && !marked.contains(&"April"), "{marked:?}");
    let costs = "tests/fixtures/rules/over-budget/a-requirements-cost-is-charged-in-its-window.toml";
    let j: serde_json::Value =
        serde_json::from_str(&view(&["schedule", costs, "--costs", "--format", "json"])).unwrap();
    let years: Vec<(&str, u64)> = j["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["label"].as_str().unwrap(), y["cost"].as_u64().unwrap()))
        .collect();
    assert_eq!(years, [("2026", 1000), ("2027", 1000), ("Sum", 2000)], "{j}");
}

/// A yearly survey in `status` is counted as the `cadence` rule counts it: due by the end of its first window
/// nothing has held yet, and only an activity in the window's own months is its next one — the spring round
/// in March does not keep the autumn's.
#[test]
fn status_counts_a_survey_by_its_window() {
    let plan = "tests/fixtures/rules/cadence/the-spring-round-does-not-keep-the-autumn-requirement.toml";
    let status = |today: &str| -> serde_json::Value {
        let j: serde_json::Value =
            serde_json::from_str(&view(&["status", plan, "--format", "json", "--today", today])).unwrap();
        j["recurring"][0].clone()
    };
    let before = status("2026-09-15");
    assert_eq!((before["next"]["title"].as_str(), before["due_by"].as_str()), (Some("Høst 2026"), Some("2026-12")));
    assert_eq!(before["late"], false);
    let after = status("2027-01-15");
    assert_eq!(after["next"], serde_json::Value::Null, "March is the other round: {after}");
    assert_eq!((after["due_by"].as_str(), after["late"].as_bool()), (Some("2027-12"), Some(true)));
}
