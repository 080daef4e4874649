//! implan in CI: every output format on the example plans (exact output), SARIF validated against the official
//! 2.1.0 schema, JUnit parsed as XML, configuration, rule selection, and many files in parallel.

mod common;

use common::{root, stderr as err, stdout as out};
use std::path::Path;
use std::process::{Command, Output};

/// `implan` in `dir` with extra environment variables, in the tests' one scrubbed environment.
/// `check` speaks English here unless a test asks for another language: these tests are about the formats;
/// tests/languages.rs is about the languages.
fn in_english<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut args = args.to_vec();
    if args.first() == Some(&"check") && !args.contains(&"--lang") {
        args.extend(["--lang", "en"]);
    }
    args
}

fn implan_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = common::command_in(dir, &in_english(args));
    cmd.envs(env.iter().copied());
    cmd.output().expect("the implan binary runs")
}

fn implan(args: &[&str]) -> Output {
    implan_in(&root(), args, &[])
}

/// A few example plans with errors and warnings, and a clean one.
const FILES: &[&str] = &[
    "examples/rules/cadence.toml",
    "examples/rules/unused-role.toml",
    "examples/rules/invalid-plan.toml",
    "plans/mot-kommuneavtale.toml",
];

fn check(format: &str) -> Output {
    let mut args = vec!["check", "--format", format];
    args.extend(FILES);
    implan(&args)
}

#[test]
fn concise_format() {
    let o = check("concise");
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(out(&o));
}

#[test]
fn github_format() {
    let o = check("github");
    assert_eq!(o.status.code(), Some(1));
    let text = out(&o);
    for line in text.lines() {
        assert!(line.starts_with("::error file=") || line.starts_with("::warning file="), "{line}");
        assert!(!line.contains('\n'));
    }
    insta::assert_snapshot!(text);
}

#[test]
fn junit_format_is_xml_with_a_case_per_file() {
    let o = check("junit");
    let text = out(&o);
    let doc = roxmltree::Document::parse(&text).expect("JUnit output is well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("4"));
    assert_eq!(suites.attribute("failures"), Some("2"));
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    let names: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
    assert_eq!(names, FILES);
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .filter_map(|c| c.attribute("name"))
        .collect();
    assert_eq!(failed, ["examples/rules/cadence.toml", "examples/rules/invalid-plan.toml"]);
    let warned = cases[1].children().find(|n| n.has_tag_name("system-out")).and_then(|n| n.text()).unwrap_or("");
    assert!(warned.contains("warning[unused-role]"), "{warned}");
    insta::assert_snapshot!(text);
    // With --deny warnings a file with warnings fails too.
    let mut args = vec!["check", "--format", "junit", "--deny", "warnings"];
    args.extend(FILES);
    let denied = out(&implan(&args));
    let doc = roxmltree::Document::parse(&denied).unwrap();
    assert_eq!(doc.root_element().attribute("failures"), Some("3"));
    // A clean file passes with --deny warnings: zero warnings are not too many.
    let clean = implan(&["check", "--deny", "warnings", "plans/beiarn-omni.toml"]);
    assert_eq!(clean.status.code(), Some(0), "{}", out(&clean));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let o = check("sarif");
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap())
            .unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), implan::rules::ALL.len(), "every rule is described, with its help");
    assert!(rules.iter().all(|r| r["help"]["text"].as_str().is_some_and(|t| !t.is_empty())));
    let results = run["results"].as_array().unwrap();
    let first = &results[0];
    assert_eq!(first["ruleId"], "cadence");
    assert_eq!(first["level"], "error");
    assert_eq!(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "examples/rules/cadence.toml");
    assert!(first["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().is_some());
    // A result's ruleIndex points at its rule.
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    // And a broken document is caught by the same validator, so the check above means something.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(validator.iter_errors(&broken).next().is_some());
}

#[test]
fn statistics_count_per_rule() {
    let o = implan(&["check", "--statistics", "examples/beiarn-as-written.toml"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(out(&o));
    let j: serde_json::Value = serde_json::from_slice(
        &implan(&["check", "--statistics", "--format", "json", "examples/beiarn-as-written.toml"]).stdout,
    )
    .unwrap();
    assert_eq!(j["statistics"][0]["rule"], "cadence");
    assert_eq!(j["statistics"][0]["count"], 4);
    assert_eq!(implan(&["check", "--statistics", "--format", "sarif", "plans"]).status.code(), Some(2));
}

#[test]
fn select_and_ignore() {
    let o = implan(&["check", "--format", "json", "--select", "cadence,idle-gap", "examples/beiarn-as-written.toml"]);
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: std::collections::BTreeSet<&str> =
        j["findings"].as_array().unwrap().iter().filter_map(|f| f["rule"].as_str()).collect();
    assert_eq!(rules.into_iter().collect::<Vec<_>>(), ["cadence", "idle-gap"]);
    let o = implan(&[
        "check",
        "--format",
        "json",
        "--ignore",
        "cadence,season-mismatch,unknown-role",
        "examples/beiarn-as-written.toml",
    ]);
    assert_eq!(o.status.code(), Some(0), "only warnings are left");
    let o = implan(&["check", "--select", "idle-gaps", "plans", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o), "error: unknown rule 'idle-gaps'; did you mean 'idle-gap'?\n");
    let o = implan(&["check", "--select", "idle-gaps", "plans", "--lang", "nn"]);
    assert_eq!(err(&o), "feil: ukjend regel 'idle-gaps'; meinte du 'idle-gap'?\n");
}

#[test]
fn rules_and_explain() {
    let table = out(&implan(&["rules"]));
    for r in implan::rules::ALL {
        assert!(table.contains(r.id.as_str()) && table.contains(r.summary.nb), "{}", r.id);
    }
    let j: serde_json::Value = serde_json::from_slice(&implan(&["rules", "--format", "json"]).stdout).unwrap();
    assert_eq!(j.as_array().unwrap().len(), implan::rules::ALL.len());
    assert_eq!(j[2]["id"], "season-mismatch");
    let e = out(&implan(&["explain", "season-mismatch", "--lang", "en"]));
    assert!(
        e.starts_with("season-mismatch (error)\n\nAn activity dated outside the period its phase's label names\n\n")
    );
    assert!(e.contains("**Fix:**"), "the doc has the fix");
    let o = implan(&["explain", "season", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("did you mean 'season-mismatch'?"), "{}", err(&o));
}

#[test]
fn every_rule_doc_explains_what_why_example_and_fix() {
    use implan::lang::Lang;
    let headings = [
        (Lang::En, ["**Why it matters.**", "**Fires on**", "**Fix:**"]),
        (Lang::Nb, ["**Hvorfor det betyr noe.**", "**Slår ut på**", "**Retting:**"]),
        (Lang::Nn, ["**Kvifor det er viktig.**", "**Slår ut på**", "**Retting:**"]),
    ];
    for r in implan::rules::ALL {
        for (lang, [why, example, fix]) in headings {
            let doc = r.doc.get(lang);
            assert!(doc.contains(why), "{} ({lang:?}) lacks 'why'", r.id);
            assert!(doc.contains(example), "{} ({lang:?}) lacks an example", r.id);
            assert!(doc.contains(fix), "{} ({lang:?}) lacks the fix", r.id);
        }
    }
}

#[test]
fn static_completions() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = implan(&["completions", shell, "--static"]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(out(&o).contains("implan"), "{shell}");
        assert!(out(&o).contains("schedule"), "{shell} completes subcommands");
    }
}

/// A manual page as `man` shows it, its words one space apart; groff must render it without a warning. A
/// machine without groff fails the test (`.ci/run` installs it).
fn groff(page: &[u8]) -> String {
    let mut groff = Command::new("groff")
        // As man(1) runs it: UTF-8 input through preconv (-k); no hyphenation, so that words can be found.
        .args(["-k", "-man", "-Tutf8", "-rHY=0", "-ww", "-P", "-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("groff renders the manual page: install it (Debian: apt-get install groff-base)");
    std::io::Write::write_all(&mut groff.stdin.take().unwrap(), page).unwrap();
    let shown = groff.wait_with_output().unwrap();
    assert!(shown.status.success() && shown.stderr.is_empty(), "groff: {}", err(&shown));
    out(&shown).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The manual page as `man` shows it: groff renders it without a warning, and it names every command that
/// `implan --help` lists, with its summary.
#[test]
fn the_manual_page_reads_as_a_manual() {
    let man = implan(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    let words = groff(&man.stdout);
    let text = &words;
    for heading in ["NAME implan - Check, print and follow implementation plans", "SYNOPSIS implan", "SUBCOMMANDS"] {
        assert!(words.contains(heading), "{heading} in\n{text}");
    }
    let help = out(&implan(&["--help"]));
    // "  name  summary", a wrapped summary going on in lines indented further.
    let mut commands: Vec<(&str, String)> = Vec::new();
    let list = help.split("Commands:\n").nth(1).expect("a list of commands");
    for line in list.lines().take_while(|l| !l.trim().is_empty()) {
        match (line.strip_prefix("  ").filter(|l| !l.starts_with(' ')), commands.last_mut()) {
            (Some(entry), _) => {
                let (name, summary) = entry.split_once(' ').expect("a summary");
                commands.push((name, summary.trim().to_string()));
            }
            (None, Some((_, summary))) => *summary = format!("{summary} {}", line.trim()),
            (None, None) => panic!("a continued line first: {line}"),
        }
    }
    commands.retain(|(name, _)| *name != "help");
    assert!(commands.len() >= 17, "{commands:?}");
    for (name, summary) in commands {
        assert!(words.contains(&format!("implan-{name}(1) {summary}")), "{name}: {summary}\n{words}");
    }
    assert!(!words.contains("implan-help(1)"), "no page is written for help, so none is named");
}

/// `implan man --dir`: a page for implan and for each subcommand, nested ones too; every page any page refers
/// to is there, each renders without a warning, and the top page is the one `implan man` prints.
#[test]
fn the_manual_pages_refer_only_to_pages_that_exist() {
    let tmp = common::TempDir::new("ci-man");
    let dir = tmp.join("share/man/man1");
    let o = implan(&["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    // In the locale's language (the tests' C.UTF-8 names none: Bokmål).
    assert_eq!(out(&o), format!("skrev {} manualsider i {}\n", names.len(), dir.display()));
    insta::assert_snapshot!(names.join("\n"));
    let mut referred = std::collections::BTreeSet::new();
    for name in &names {
        let page = std::fs::read(dir.join(name)).unwrap();
        let words = groff(&page);
        let own = name.strip_suffix(".1").expect("section 1");
        assert!(words.contains(&format!("NAME {own} - ")), "{name} names itself: {words}");
        // A subcommand's page refers back to its parent's.
        if let Some((parent, _)) = own.rsplit_once('-') {
            assert!(words.contains(&format!("SEE ALSO {parent}(1)")), "{name} refers to {parent}(1): {words}");
        }
        for word in words.split(' ').filter(|w| w.starts_with("implan") && w.ends_with("(1)")) {
            referred.insert(word.trim_end_matches("(1)").to_owned());
        }
    }
    for page in &referred {
        assert!(names.contains(&format!("{page}.1")), "{page}(1) is referred to but not written");
    }
    assert!(referred.contains("implan-export-ics") && referred.contains("implan-check"), "{referred:?}");
    assert_eq!(std::fs::read(dir.join("implan.1")).unwrap(), implan(&["man"]).stdout);
    // Written again, the pages are replaced; a folder that cannot be made is a usage error that names it.
    assert_eq!(implan(&["man", "--dir", dir.to_str().unwrap()]).status.code(), Some(0));
    let file = tmp.write("a-file", b"");
    let o = implan(&["man", "--dir", &format!("{file}/man")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).starts_with(&format!("feil: kan ikke lage mappen '{file}/man': ")), "{}", err(&o));
}

const PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n\n[roles]\npl = \"Prosjektleder\"\n\n[[activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"januar 2026\"\nowner = \"pl\"\n\n[[activity]]\nid = \"b\"\ntitle = \"B\"\nwhen = \"desember 2026\"\nowner = \"pl\"\n";

#[test]
fn configuration_from_implan_toml_and_the_plan() {
    let tmp = common::TempDir::new("ci-config");
    let dir = tmp.dir();
    std::fs::create_dir_all(dir.join("plans/sub")).unwrap();
    std::fs::write(dir.join("plans/sub/p.toml"), PLAN).unwrap();
    let d = dir.display().to_string();
    let run = |args: &[&str]| {
        let o = implan_in(dir, args, &[]);
        let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_default();
        (o, j)
    };
    // Without configuration: a 10-month gap is a warning.
    let (o, j) = run(&["check", "--format", "json", "plans"]);
    assert_eq!(j["findings"][0]["rule"], "idle-gap", "{}", err(&o));
    assert_eq!(j["findings"][0]["severity"], "warning");
    // implan.toml at the root, found from plans/sub: make it an error.
    std::fs::write(dir.join("implan.toml"), "[lint.rules]\nidle-gap = \"error\"\n").unwrap();
    let (o, j) = run(&["check", "--format", "json", "plans"]);
    assert_eq!(j["findings"][0]["severity"], "error");
    assert_eq!(o.status.code(), Some(1));
    // The option widens what passes.
    std::fs::write(dir.join("implan.toml"), "[lint.options]\nidle-gap-months = 10\n").unwrap();
    let (o, _) = run(&["check", "plans"]);
    assert_eq!(out(&o), "checked 1 file: no findings\n");
    // The plan's own [lint] is stronger than implan.toml's.
    std::fs::write(dir.join("implan.toml"), "[lint.rules]\nidle-gap = \"error\"\n").unwrap();
    std::fs::write(dir.join("plans/sub/p.toml"), format!("{PLAN}\n[lint.rules]\nidle-gap = \"allow\"\n")).unwrap();
    let (o, _) = run(&["check", "plans"]);
    assert_eq!(out(&o), "checked 1 file: no findings\n");
    // --no-config ignores implan.toml (the plan's own [lint] still applies).
    std::fs::write(dir.join("plans/sub/p.toml"), PLAN).unwrap();
    let (o, _) = run(&["check", "--no-config", "plans"]);
    assert_eq!(o.status.code(), Some(0));
    // An unknown rule in implan.toml stops the run with its place and a suggestion.
    std::fs::write(dir.join("implan.toml"), "[lint.rules]\nidle-gaps = \"allow\"\n").unwrap();
    let (o, _) = run(&["check", "plans"]);
    assert_eq!(o.status.code(), Some(2));
    // All of it on standard error: standard output is kept for the format asked for (a SARIF file, say).
    assert_eq!(out(&o), "");
    assert!(err(&o).contains("unknown rule 'idle-gaps'; did you mean 'idle-gap'?"), "{}", err(&o));
    assert!(err(&o).contains("implan.toml:2:1"), "{}", err(&o));
    assert!(err(&o).contains("is not a valid implan configuration"), "{}", err(&o));
    let _ = d;
}

#[test]
fn an_activity_can_allow_a_rule() {
    let tmp = common::TempDir::new("ci-allow");
    let dir = tmp.dir();
    let plan = PLAN.replace(
        "when = \"januar 2026\"\nowner = \"pl\"\n",
        "when = \"januar 2026\"\nowner = \"pl\"\nallow = [\"idle-gap\"]   # a planned pause: the school is being rebuilt\n",
    );
    std::fs::write(dir.join("p.toml"), &plan).unwrap();
    let o = implan_in(dir, &["check", "--no-config", "p.toml"], &[]);
    assert_eq!(out(&o), "checked 1 file: no findings\n");
    std::fs::write(dir.join("q.toml"), plan.replace("[\"idle-gap\"]", "[\"idle-gaps\"]")).unwrap();
    let o = implan_in(dir, &["check", "--no-config", "q.toml"], &[]);
    assert!(out(&o).contains("unknown rule 'idle-gaps'; did you mean 'idle-gap'?"), "{}", out(&o));
}

#[test]
fn gitignore_and_hidden_folders_are_respected() {
    let tmp = common::TempDir::new("ci-walk");
    let dir = tmp.dir();
    for d in ["a", "b", ".hidden", "build"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
        std::fs::write(dir.join(d).join("p.toml"), PLAN).unwrap();
    }
    std::fs::write(dir.join(".gitignore"), "build/\n").unwrap();
    let o = implan_in(dir, &["check", "--format", "concise", "--no-config", "."], &[]);
    // A search of "." shows what it finds without "./", as with no path at all.
    let expected = "a/p.toml:12:8: warning[idle-gap] after 'A', nothing is scheduled for 9 months, from 2026-02 to 2026-11\n\
                    b/p.toml:12:8: warning[idle-gap] after 'A', nothing is scheduled for 9 months, from 2026-02 to 2026-11\n\
                    checked 2 files: 2 warnings\n";
    assert_eq!(out(&o), expected);
}

#[test]
fn a_thousand_plans_in_parallel_give_the_same_output_as_one_thread() {
    let tmp = common::TempDir::new("ci-thousand");
    let dir = tmp.dir();
    let plans = [
        "plans/beiarn-omni.toml",
        "examples/beiarn-as-written.toml",
        "examples/rules/cadence.toml",
        "plans/smart-langtidsavtale.toml",
    ];
    for i in 0..1000 {
        let sub = dir.join(format!("kommune-{:02}", i % 40));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::copy(root().join(plans[i % plans.len()]), sub.join(format!("plan-{i:04}.toml"))).unwrap();
    }
    let parallel = implan_in(dir, &["check", "--format", "json", "--no-config", "."], &[]);
    let single = implan_in(dir, &["check", "--format", "json", "--no-config", "."], &[("RAYON_NUM_THREADS", "1")]);
    let j: serde_json::Value = serde_json::from_slice(&parallel.stdout).unwrap();
    assert_eq!(j["summary"]["files"], 1000);
    assert!(parallel.stdout == single.stdout, "parallel and sequential runs differ");
    let files: Vec<&str> = j["findings"].as_array().unwrap().iter().filter_map(|f| f["file"].as_str()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "findings come in path order");
}
