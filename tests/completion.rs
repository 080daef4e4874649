//! Shell completion as a shell asks for it: the binary under `COMPLETE=SHELL`, given the words of the line after
//! `--`, as clap_complete's shell code calls it, in a folder holding a real plan. Fish's answer is one candidate
//! a line with its help after a tab; bash's is the values alone, the cursor's word given by
//! `_CLAP_COMPLETE_INDEX`. And bash itself, with the code `implan completions bash` prints sourced.

mod common;

use common::{TempDir, command, command_in, stderr, stdout};
use std::path::Path;
use std::process::Output;

/// What fish gets for the line `words` (its last word is the one at the cursor), run in `dir`.
fn fish(dir: &Path, words: &[&str]) -> Output {
    let mut args = vec!["--", "implan"];
    args.extend(words);
    let o = command_in(dir, &args).env("COMPLETE", "fish").output().expect("implan runs");
    assert_eq!(stderr(&o), "", "completion says nothing on standard error: {words:?}");
    assert_eq!(o.status.code(), Some(0), "{words:?}");
    o
}

/// What bash gets for the line `words` with the cursor in word `index` (0 is `implan`), one value a line.
fn bash(dir: &Path, words: &[&str], index: usize) -> String {
    let mut args = vec!["--", "implan"];
    args.extend(words);
    let mut cmd = command_in(dir, &args);
    cmd.env("COMPLETE", "bash").env("_CLAP_COMPLETE_INDEX", index.to_string()).env("_CLAP_IFS", "\n");
    let o = cmd.output().expect("implan runs");
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""), "{words:?}");
    stdout(&o)
}

/// A folder whose only plan is `plans/NAME` (so `implan done` finds it there), a copy of the repository's.
fn folder_with(name: &str) -> TempDir {
    let dir = TempDir::new("complete");
    dir.copy(&format!("plans/{name}"), &format!("plans/{name}"));
    dir
}

#[test]
fn done_offers_the_activities_of_the_plan_with_their_titles() {
    let dir = folder_with("beiarn-omni.toml");
    insta::assert_snapshot!("done_beiarn", stdout(&fish(dir.dir(), &["done", ""])));
}

#[test]
fn a_prefix_narrows_the_activities() {
    let dir = folder_with("beiarn-omni.toml");
    insta::assert_snapshot!("done_opp", stdout(&fish(dir.dir(), &["done", "opp"])));
    assert_eq!(bash(dir.dir(), &["done", "opp"], 2), "oppstartsmote\nopplaering-regelverk\nopplaering-analyse");
    assert_eq!(bash(dir.dir(), &["postpone", "--to", "mai 2027", "trivs"], 4), "trivselsdag");
    assert_eq!(stdout(&fish(dir.dir(), &["move", "zz"])), "", "no id starts so, and no file: nothing");
}

#[test]
fn init_offers_the_templates() {
    let dir = TempDir::new("complete");
    insta::assert_snapshot!("init_templates", stdout(&fish(dir.dir(), &["init", "--template", ""])));
    assert_eq!(bash(dir.dir(), &["init", "--template", "s"], 3), "smart");
    let names: Vec<&str> = implan::init::TEMPLATES.iter().map(|(n, _)| *n).collect();
    assert_eq!(bash(dir.dir(), &["init", "--template", ""], 3), names.join("\n"));
}

/// Without a plan to be found, with one that is not TOML, and with several under plans/ (which one?):
/// no candidate, nothing on standard error, exit 0. An empty word still gets the options.
#[test]
fn without_a_plan_nothing_is_offered() {
    let empty = TempDir::new("complete");
    let broken = TempDir::new("complete");
    broken.write("implan.toml", b"[[activity]\nid = \"oppstart\"\n");
    let several = folder_with("beiarn-omni.toml");
    several.copy("plans/mot-kommuneavtale.toml", "plans/mot-kommuneavtale.toml");
    for dir in [&empty, &broken, &several] {
        for edit in ["done", "set", "move", "postpone"] {
            assert_eq!(stdout(&fish(dir.dir(), &[edit, "o"])), "", "{edit} in {}", dir.dir().display());
        }
    }
    for dir in [&empty, &broken, &several] {
        let options = stdout(&fish(dir.dir(), &["done", ""]));
        let offered: Vec<&str> = options.lines().map(|l| l.split('\t').next().unwrap()).collect();
        assert_eq!(offered, ["--force", "--lang", "--date", "--help"], "no file either: {}", dir.dir().display());
    }
}

/// A plan named before the activity is the one whose activities are offered, whatever is found here; after
/// the activity, an edit takes no more of them. A first word that is no id's start is a path.
#[test]
fn the_plan_named_on_the_line_is_the_one_completed() {
    let dir = folder_with("beiarn-omni.toml");
    dir.copy("plans/mot-kommuneavtale.toml", "mot.toml");
    assert_eq!(bash(dir.dir(), &["set", "mot.toml", "ru"], 3), "ru-2026\nru-2027\nru-2028");
    assert_eq!(bash(dir.dir(), &["done", "--date", "2026-05-01", "mot.toml", "lederk"], 5), "lederkurs");
    // The cursor in the middle of the line: what follows it does not count.
    assert_eq!(bash(dir.dir(), &["move", "mot.toml", "leder", "--to", "mai 2027"], 3), "lederkurs");
    assert_eq!(bash(dir.dir(), &["done", "oppstartsmote", ""], 3), "--force\n--lang\n--date\n--help");
    assert_eq!(bash(dir.dir(), &["set", "mot.toml", "mo"], 3), "", "after the plan, the activity: not a path");
    assert_eq!(bash(dir.dir(), &["done", "mo"], 2), "mot.toml");
    assert_eq!(bash(dir.dir(), &["done", "plans/b"], 2), "plans/beiarn-omni.toml");
}

/// Every plan in plans/: the ids offered are those of its activities, each once, in the plan's order, with its
/// title.
#[test]
fn every_plan_offers_each_of_its_activities() {
    let mut plans: Vec<_> =
        std::fs::read_dir(common::root().join("plans")).unwrap().flatten().map(|e| e.path()).collect();
    plans.sort();
    assert!(plans.len() >= 6);
    for path in plans {
        let name = path.file_name().unwrap().to_str().unwrap();
        let source = implan::source::Source::new(name, std::fs::read_to_string(&path).unwrap());
        let plan = implan::load::load(&source).unwrap_or_else(|_| panic!("{name} loads"));
        let expected: Vec<String> = plan
            .activities
            .iter()
            .map(|a| format!("{}\t{}", a.id.value, implan::escape::visible(&a.title.value)))
            .collect();
        let dir = folder_with(name);
        let offered = stdout(&fish(dir.dir(), &["set", ""]));
        let offered: Vec<&str> = offered.lines().filter(|l| !l.starts_with("--")).collect();
        assert_eq!(offered, expected, "{name}");
    }
}

#[test]
fn completions_prints_the_code_that_runs_implan_at_each_tab() {
    let o = command(&["completions", "bash"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let code = stdout(&o);
    assert!(code.contains("COMPLETE=\"bash\" \\\n        \"implan\" -- \"${words[@]}\""), "{code}");
    assert!(code.contains("complete -o nospace -o bashdefault -o nosort -F _clap_complete_implan implan"), "{code}");
    let fish = stdout(&command(&["completions", "fish"]).output().unwrap());
    assert_eq!(
        fish,
        "complete --keep-order --exclusive --command implan --arguments \"(COMPLETE=fish implan -- (commandline \
         --current-process --tokenize --cut-at-cursor) (commandline --current-token))\"\n"
    );
    for (shell, registers, asks) in [
        ("zsh", "compdef _clap_dynamic_completer_implan implan", "COMPLETE=\"zsh\""),
        ("powershell", "Register-ArgumentCompleter -Native -CommandName implan", "$env:COMPLETE = \"powershell\""),
        ("elvish", "set edit:completion:arg-completer[implan]", "COMPLETE=\"elvish\" implan --"),
    ] {
        let o = command(&["completions", shell]).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let code = stdout(&o);
        assert!(code.contains(registers) && code.contains(asks), "{shell}: {code}");
    }
    // The script of earlier versions, for those who want one that never runs implan.
    let fixed = stdout(&command(&["completions", "bash", "--static"]).output().unwrap());
    assert!(fixed.contains("_implan() {") && !fixed.contains("COMPLETE"), "{fixed}");
}

/// A title is plan text: what reaches the shell shows its control characters as escapes, one candidate a line.
#[test]
fn titles_reach_the_shell_escaped() {
    let dir = TempDir::new("complete");
    let plan = std::fs::read_to_string(common::root().join("plans/beiarn-omni.toml")).unwrap();
    let hostile = plan.replacen(
        "title = \"Oppstartsmøte for styringsgruppen\"",
        "title = \"Oppstart\\u001b]0;pwned\\u0007\\nmore\\tx\"",
        1,
    );
    assert_ne!(hostile, plan);
    dir.write("implan.toml", hostile.as_bytes());
    assert_eq!(
        stdout(&fish(dir.dir(), &["done", "oppst"])),
        "oppstartsmote\tOppstart\\u{1b}]0;pwned\\u{7}\\nmore\\tx\n"
    );
}

/// As a person gets it: bash with the code `implan completions bash` prints sourced, implan on PATH, the
/// completion function called as bash calls it at a TAB.
#[test]
fn bash_completes_the_activities_with_the_code_implan_prints() {
    let dir = folder_with("beiarn-omni.toml");
    let code = stdout(&command(&["completions", "bash"]).output().unwrap());
    let script = dir.write("implan.bash", code.as_bytes());
    let bin = Path::new(env!("CARGO_BIN_EXE_implan")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let tab = r#"
        source "$1"
        tab() {
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMP_TYPE=9
            _clap_complete_implan implan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            echo "$*<TAB>: ${COMPREPLY[*]}"
        }
        tab implan done opp
        tab implan init --template a
        tab implan postpone evaluering-
    "#;
    let o = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", tab, "bash", &script])
        .current_dir(dir.dir())
        .env("PATH", path)
        .env_remove("COMPLETE")
        .output()
        .expect("bash runs (install it)");
    assert_eq!(stderr(&o), "");
    assert_eq!(
        stdout(&o),
        "implan done opp<TAB>: oppstartsmote opplaering-regelverk opplaering-analyse\n\
         implan init --template a<TAB>: absolutt\n\
         implan postpone evaluering-<TAB>: evaluering-justering evaluering-stasted evaluering-praksis\n"
    );
}
