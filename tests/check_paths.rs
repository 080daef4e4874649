//! What `implan check` reads: the current directory when no path is named, a plan on standard input (`-`,
//! `--stdin-filename`), and paths that cannot be read, named in every format while the readable files are
//! still reported.

mod common;

use common::{TempDir, command, command_in, output_of, run_with_input, stderr, stdout};
use std::process::Output;

/// A plan with one error (an unknown role) on line 10 and no `lang`: it speaks what the run says.
const PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"mars 2026\"\nend = \"juni 2026\"\n\n[roles]\npl = \"Prosjektleder\"\n\n[[activity]]\ntitle = \"Oppstart\"\nwhen = \"2026-03-12\"\nowner = \"ukjent\"\n\n[[activity]]\ntitle = \"Avslutning\"\nwhen = \"juni 2026\"\nowner = \"pl\"\n";

/// The same plan, saying it is in `lang`.
fn plan_in(lang: &str) -> String {
    PLAN.replace("title = \"T\"\n", &format!("title = \"T\"\nlang = \"{lang}\"\n"))
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    command_in(dir, args).output().expect("the implan binary runs")
}

/// `implan ARGS` in `dir` with `input` on standard input.
fn piped(dir: &std::path::Path, args: &[&str], input: &str) -> Output {
    run_with_input(command_in(dir, args), input.as_bytes())
}

/// Standard output, standard error and the exit code, for a snapshot.
fn shown(o: &Output) -> String {
    format!("exit {:?}\n--- stdout\n{}--- stderr\n{}", o.status.code(), stdout(o), stderr(o))
}

#[test]
fn no_path_checks_the_current_directory() {
    let tmp = TempDir::new("check-here");
    tmp.write("a.toml", PLAN.as_bytes());
    tmp.write("plans/b.toml", plan_in("en").as_bytes());
    tmp.write("notes/readme.txt", b"not a plan");
    let o = run_in(tmp.dir(), &["check", "--format", "concise", "--lang", "en"]);
    // The paths are shown as found from here, without "./", as ruff shows them.
    insta::assert_snapshot!("here_concise", shown(&o));
    // The same as naming the folder.
    let named = run_in(tmp.dir(), &["check", "--format", "concise", "--lang", "en", "."]);
    assert_eq!(stdout(&named), stdout(&o));
}

#[test]
fn no_path_and_no_plans_here_is_a_usage_error() {
    let tmp = TempDir::new("check-here-empty");
    tmp.write("notes.txt", b"not a plan");
    let o = run_in(tmp.dir(), &["check"]);
    insta::assert_snapshot!("here_empty", shown(&o));
    let o = run_in(tmp.dir(), &["check", "--lang", "nn"]);
    assert_eq!(
        stderr(&o),
        "feil: fann ingen planfiler (*.toml) i denne mappa eller under ho; oppgi ei fil eller ei mappe, til dømes: \
         implan check plans\n"
    );
    let o = run_in(tmp.dir(), &["check", "--lang", "en"]);
    assert_eq!(
        stderr(&o),
        "error: no plan files (*.toml) found in this folder or below it; name a file or a folder, for example: \
         implan check plans\n"
    );
}

#[test]
fn a_plan_on_standard_input_is_shown_as_dash() {
    let tmp = TempDir::new("check-stdin");
    let o = piped(tmp.dir(), &["check", "-", "--format", "concise", "--lang", "en"], PLAN);
    insta::assert_snapshot!("stdin_concise", shown(&o));
    // In the human format, with its snippet.
    let o = piped(tmp.dir(), &["check", "-", "--lang", "en"], PLAN);
    insta::assert_snapshot!("stdin_human", stdout(&o));
    // Nothing on standard input is an empty plan, which is a finding, not a hang.
    let o = piped(tmp.dir(), &["check", "-", "--format", "concise", "--lang", "en"], "");
    assert_eq!(stdout(&o), "-:1:1: error[invalid-plan] this file has no [plan] table\nchecked 1 file: 1 error\n");
}

#[test]
fn stdin_filename_names_the_plan_and_finds_its_configuration() {
    let tmp = TempDir::new("check-stdin-name");
    // A Nynorsk folder that turns the rule into a warning.
    tmp.write("kommune/implan.toml", b"lang = \"nn\"\n\n[lint.rules]\nunknown-role = \"warn\"\n");
    let args = ["check", "-", "--stdin-filename", "kommune/plan.toml", "--format", "concise"];
    let o = piped(tmp.dir(), &args, PLAN);
    insta::assert_snapshot!("stdin_filename_config", shown(&o));
    // The name need not exist, and with no path at all, the name alone means standard input.
    let o = piped(tmp.dir(), &["check", "--stdin-filename", "kommune/plan.toml", "--format", "concise"], PLAN);
    assert_eq!(
        stdout(&o),
        "kommune/plan.toml:12:9: warning[unknown-role] ukjend rolle 'ukjent'\nkontrollerte 1 fil: 1 åtvaring\n"
    );
    // Outside the folder there is no implan.toml: the rule's own severity, and the locale's language.
    let o = piped(tmp.dir(), &["check", "--stdin-filename", "plan.toml", "--format", "concise"], PLAN);
    assert_eq!(stdout(&o), "plan.toml:12:9: error[unknown-role] ukjent rolle 'ukjent'\nkontrollerte 1 fil: 1 feil\n");
    // --no-config does not look.
    let o = piped(tmp.dir(), &[&args[..], &["--no-config"]].concat(), PLAN);
    assert!(stdout(&o).contains("error[unknown-role] ukjent rolle"), "{}", stdout(&o));
}

#[test]
fn a_plan_on_standard_input_speaks_its_language() {
    let tmp = TempDir::new("check-stdin-lang");
    let concise = |args: &[&str], input: &str, env: &[(&str, &str)]| {
        let mut cmd = command_in(tmp.dir(), &[&["check", "-", "--format", "concise"], args].concat());
        cmd.envs(env.iter().copied());
        stdout(&run_with_input(cmd, input.as_bytes()))
    };
    // The plan's own lang.
    assert_eq!(
        concise(&[], &plan_in("en"), &[]),
        "-:13:9: error[unknown-role] unknown role 'ukjent'\nchecked 1 file: 1 error\n"
    );
    // The locale, for a plan that says none.
    assert_eq!(
        concise(&[], PLAN, &[("LANG", "nn_NO.UTF-8")]),
        "-:12:9: error[unknown-role] ukjend rolle 'ukjent'\nkontrollerte 1 fil: 1 feil\n"
    );
    // --lang over both.
    assert_eq!(
        concise(&["--lang", "nb"], &plan_in("en"), &[("LANG", "nn_NO.UTF-8")]),
        "-:13:9: error[unknown-role] ukjent rolle 'ukjent'\nkontrollerte 1 fil: 1 feil\n"
    );
}

#[test]
fn standard_input_goes_with_files_once() {
    let tmp = TempDir::new("check-stdin-mixed");
    let a = tmp.write("a.toml", plan_in("en").as_bytes());
    // In the order named.
    let o = piped(tmp.dir(), &["check", "a.toml", "-", "--format", "concise", "--lang", "en"], PLAN);
    assert_eq!(
        stdout(&o),
        "a.toml:13:9: error[unknown-role] unknown role 'ukjent'\n-:12:9: error[unknown-role] unknown role 'ukjent'\n\
         checked 2 files: 2 errors\n"
    );
    let o = piped(tmp.dir(), &["check", "-", &a, "--format", "concise", "--lang", "en"], PLAN);
    assert!(stdout(&o).starts_with("-:12:9: "), "{}", stdout(&o));
    // Twice, or a name for standard input that is not read, is a usage error.
    let o = piped(tmp.dir(), &["check", "-", "a.toml", "-", "--lang", "en"], PLAN);
    insta::assert_snapshot!("stdin_twice", shown(&o));
    let o = piped(tmp.dir(), &["check", "a.toml", "--stdin-filename", "b.toml", "--lang", "en"], PLAN);
    insta::assert_snapshot!("stdin_filename_without_dash", shown(&o));
    // A file called "-" is named as ./-.
    tmp.write("-", PLAN.as_bytes());
    let o = run_in(tmp.dir(), &["check", "./-", "--format", "concise", "--lang", "en"]);
    assert!(stdout(&o).starts_with("./-:12:9: error[unknown-role]"), "{}", stdout(&o));
}

/// `implan check` in the repository on a clean plan, a plan with findings and two paths that do not exist.
fn with_unreadable(format: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--format", format, "--lang", "en"];
    args.extend(extra);
    args.extend(["plans/beiarn-omni.toml", "nope.toml", "examples/rules/unknown-role.toml", "gone/"]);
    command(&args).output().expect("the implan binary runs")
}

#[test]
fn unreadable_paths_are_named_and_the_rest_reported_in_human_and_concise() {
    let o = with_unreadable("human", &[]);
    assert_eq!(o.status.code(), Some(2), "a path that cannot be read is exit 2, even past errors");
    assert!(stdout(&o).contains("--> examples/rules/unknown-role.toml:43:35"), "{}", stdout(&o));
    insta::assert_snapshot!("unreadable_human_stderr", stderr(&o));
    assert!(stdout(&o).ends_with("checked 2 files: 1 error; 2 files could not be read\n"), "{}", stdout(&o));
    let o = with_unreadable("concise", &[]);
    insta::assert_snapshot!("unreadable_concise", shown(&o));
    // In the run's language; alone, with nothing else to report.
    let o = command(&["check", "nope.toml", "--lang", "nn"]).output().unwrap();
    insta::assert_snapshot!("unreadable_alone_nn", shown(&o));
    // --statistics counts them too.
    let o = with_unreadable("human", &["--statistics"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "1  unknown-role  error\nchecked 2 files: 1 error; 2 files could not be read\n");
}

#[test]
fn unreadable_paths_in_json() {
    let o = with_unreadable("json", &[]);
    assert_eq!(o.status.code(), Some(2));
    let v = common::json(&o);
    insta::assert_snapshot!(
        "unreadable_json",
        serde_json::to_string_pretty(&serde_json::json!({
            "unreadable": v["unreadable"],
            "summary": v["summary"],
            "findings": v["findings"].as_array().unwrap().len(),
        }))
        .unwrap()
    );
    // Alone, the document is still written; and with nothing unreadable, the list is there, empty.
    let o = command(&["check", "--format", "json", "nope.toml"]).output().unwrap();
    assert_eq!(common::json(&o)["summary"]["files"], 0);
    assert_eq!(common::json(&o)["unreadable"][0]["file"], "nope.toml");
    let o = command(&["check", "--format", "json", "plans/beiarn-omni.toml"]).output().unwrap();
    assert_eq!(common::json(&o)["unreadable"], serde_json::json!([]));
    assert_eq!(common::json(&o)["summary"]["unreadable"], 0);
    let o = with_unreadable("json", &["--statistics"]);
    assert_eq!(common::json(&o)["unreadable"][1]["file"], "gone/");
}

#[test]
fn unreadable_paths_in_github_junit_and_sarif() {
    let o = with_unreadable("github", &[]);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("unreadable_github", stdout(&o));
    let o = with_unreadable("junit", &[]);
    let text = stdout(&o);
    let doc = roxmltree::Document::parse(&text).expect("JUnit is XML");
    assert_eq!(doc.root_element().attribute("tests"), Some("4"));
    assert_eq!(doc.root_element().attribute("errors"), Some("2"));
    let errors: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("error"))
        .map(|n| (n.parent().unwrap().attribute("name").unwrap(), n.attribute("message").unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            ("nope.toml", "cannot read 'nope.toml': No such file or directory (os error 2)"),
            ("gone/", "cannot read 'gone/': No such file or directory (os error 2)")
        ]
    );
    let o = with_unreadable("sarif", &[]);
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not validate:\n{}", errors.join("\n"));
    insta::assert_snapshot!(
        "unreadable_sarif_invocations",
        serde_json::to_string_pretty(&sarif["runs"][0]["invocations"]).unwrap()
    );
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
    // A run that read everything succeeded, with nothing to say.
    let o = command(&["check", "--format", "sarif", "plans/beiarn-omni.toml"]).output().unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["invocations"],
        serde_json::json!([{ "executionSuccessful": true, "toolExecutionNotifications": [] }])
    );
}

/// A name with a line break and an escape sequence, in every medium: escaped as the medium needs, never raw.
#[cfg(unix)]
#[test]
fn an_unreadable_name_is_escaped_for_each_medium() {
    let tmp = TempDir::new("check-unreadable-name");
    let name = "ny\nlinje\u{1b}[31m,x:y%.toml";
    let run = |format: &str| run_in(tmp.dir(), &["check", "--format", format, "--lang", "en", name]);
    let human = run("human");
    assert_eq!(human.status.code(), Some(2));
    insta::assert_snapshot!("unreadable_name_human", stderr(&human));
    insta::assert_snapshot!("unreadable_name_github", stdout(&run("github")));
    let junit = stdout(&run("junit"));
    assert!(!junit.contains('\u{1b}'), "{junit}");
    let doc = roxmltree::Document::parse(&junit).expect("JUnit is XML");
    let case = doc.descendants().find(|n| n.has_tag_name("testcase")).unwrap();
    insta::assert_snapshot!("unreadable_name_junit", case.attribute("name").unwrap());
    let json = common::json(&run("json"));
    assert_eq!(json["unreadable"][0]["file"], name, "JSON keeps the name, escaped by JSON");
    let sarif: serde_json::Value = serde_json::from_slice(&run("sarif").stdout).unwrap();
    let uri = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"][0];
    insta::assert_snapshot!(
        "unreadable_name_sarif_uri",
        uri["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap()
    );
}

/// A plan with a meeting on 8 October 2026, the middle day of the skolerute's three-day autumn break, and a
/// survey in week 40, the default autumn break.
const AUTUMN_PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"høst 2026\"\nend = \"høst 2026\"\n\n[roles]\npl = \"P\"\n\n\
    [[activity]]\ntitle = \"Møte\"\nwhen = 2026-10-08\nowner = \"pl\"\n\n\
    [[activity]]\ntitle = \"Kartlegging\"\nwhen = \"uke 40 2026\"\nowner = \"pl\"\n";

#[test]
fn the_folders_calendar_and_its_skolerute_file_apply_and_the_plans_own_wins() {
    let tmp = TempDir::new("check-calendar");
    tmp.copy("tests/fixtures/skolerute/nordland-like.ics", "kommune/kalender/skolerute.ics");
    tmp.write("kommune/implan.toml", b"[calendar]\nskolerute = \"kalender/skolerute.ics\"\n");
    tmp.write("kommune/plan.toml", AUTUMN_PLAN.as_bytes());
    let concise = |args: &[&str]| {
        let o = output_of(command_in(tmp.dir(), &[&["check", "--format", "concise", "--lang", "en"], args].concat()));
        (stdout(&o), stderr(&o), o.status.code())
    };
    // The skolerute's autumn break is 7–9 October: the meeting clashes, and week 40 holds school days.
    let (out, _, code) = concise(&["kommune/plan.toml", "--select", "holiday-conflict"]);
    assert_eq!(
        out,
        "kommune/plan.toml:11:8: warning[holiday-conflict] 'Møte' is dated 2026-10-08, in the høstferie (2026-10-07 – 2026-10-09)\nchecked 1 file: 1 warning\n"
    );
    assert_eq!(code, Some(0));
    // Without the folder's calendar: the default week 40 is the break, and the 8th a school day.
    let (out, _, _) = concise(&["kommune/plan.toml", "--select", "holiday-conflict", "--no-config"]);
    assert!(out.contains("'Kartlegging' is dated 2026-09-28 – 2026-10-04, and not one of those days"), "{out}");
    assert!(!out.contains("'Møte'"), "{out}");
    // The plan's own [[calendar.school-year]] wins for the year it states.
    let own = format!(
        "{AUTUMN_PLAN}\n[[calendar.school-year]]\nfirst-day = 2026-08-19\nlast-day = 2027-06-18\nbreaks = [{{ name = \"Høstferie\", from = 2026-10-12, to = 2026-10-16 }}]\n"
    );
    tmp.write("kommune/plan.toml", own.as_bytes());
    let (out, _, _) = concise(&["kommune/plan.toml", "--select", "holiday-conflict"]);
    assert_eq!(out, "checked 1 file: no findings\n");
    // A skolerute the folder names but that is not there stops the run, as any wrong implan.toml does.
    tmp.write("kommune/implan.toml", b"[calendar]\nskolerute = \"borte.ics\"\n");
    let (out, err, code) = concise(&["kommune/plan.toml"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("the skolerute 'borte.ics'"), "{err}");
}
