//! `implan move`, `postpone` and `set` with the keys beyond progress, on every plan in `plans/`: the exact bytes
//! before and after, the messages, the refusals, and the findings a change brings.

mod common;

use common::TempDir;
use implan::source::Source;
use std::path::{Path, PathBuf};
use std::process::Output;

fn english(args: &[&str]) -> Output {
    let mut cmd = common::command(args);
    cmd.env("LANG", "en_US.UTF-8");
    cmd.output().expect("the implan binary runs")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

fn shipped_plans() -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> = std::fs::read_dir(common::root().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    plans.sort();
    assert!(plans.len() >= 6, "the shipped plans are there");
    plans
}

fn load(path: &Path) -> (String, implan::model::Plan) {
    let text = std::fs::read_to_string(path).unwrap();
    let plan = implan::load::load(&Source::new(path.display().to_string(), text.as_str())).expect("the plan loads");
    (text, plan)
}

#[test]
fn moving_changes_the_date_of_one_activity_and_nothing_else_in_every_plan() {
    for plan in shipped_plans() {
        let name = plan.file_name().unwrap().to_string_lossy().into_owned();
        let dir = TempDir::new("move");
        let copy = dir.copy(&format!("plans/{name}"), &name);
        let (before, loaded) = load(&copy);
        // The last activity without an end: moving one with an end asks for the end too.
        let activity = loaded.activities.last().unwrap();
        let has_end = before[activity.extent.start..activity.extent.end]
            .lines()
            .map(str::trim_start)
            .any(|l| l.starts_with("end ") || l.starts_with("end="));
        let id = activity.id.value.clone();
        let span = activity.when.span;
        let path = copy.display().to_string();
        let o = english(&["move", &path, &id, "--to", "mars 2027", "--lang", "en"]);
        if has_end {
            assert_eq!(o.status.code(), Some(2), "{name}: {}", text(&o.stderr));
            assert!(text(&o.stderr).contains("which does not move by itself"), "{name}: {}", text(&o.stderr));
            assert_eq!(std::fs::read_to_string(&copy).unwrap(), before, "{name}: refused, unchanged");
            continue;
        }
        assert_eq!(o.status.code(), Some(0), "{name}: {}", text(&o.stderr));
        let old = &before[span.start..span.end];
        let expected = format!("{}\"mars 2027\"{}", &before[..span.start], &before[span.end..]);
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), expected, "{name}: only the date changed");
        assert!(
            text(&o.stdout).starts_with(&format!("changed '{id}': when {old} → \"mars 2027\" (")),
            "{name}: {}",
            text(&o.stdout)
        );
        let (_, moved) = load(&copy);
        assert_eq!(moved.activities.len(), loaded.activities.len());
    }
}

#[test]
fn postponing_keeps_the_first_date_writes_the_reason_and_says_what_it_broke() {
    let dir = TempDir::new("postpone");
    let copy = dir.copy("plans/beiarn-omni.toml", "plan.toml");
    let before = std::fs::read_to_string(&copy).unwrap();
    let path = copy.display().to_string();
    let o = english(&[
        "postpone",
        &path,
        "regelverkskompetanse",
        "--to",
        "januar 2027",
        "--reason",
        "Juristen er sykmeldt",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let after = std::fs::read_to_string(&copy).unwrap();
    let diff: Vec<String> = diff_lines(&before, &after);
    insta::assert_snapshot!(
        "postpone_beiarn",
        format!(
            "$ implan postpone plan.toml regelverkskompetanse --to \"januar 2027\" --reason …\n--- stdout\n{}--- stderr\n{}--- plan.toml\n{}",
            text(&o.stdout).replace(&path, "plan.toml"),
            text(&o.stderr).replace(&path, "plan.toml"),
            diff.join("\n")
        )
    );
    // The views know it: status counts it among the open work, the checklist says so.
    let checklist = english(&["checklist", &path, "--lang", "en", "--format", "text"]);
    assert!(text(&checklist.stdout).contains("postponed"), "{}", text(&checklist.stdout));
    // Postponed again: the first date stays where it is.
    let o = english(&["postpone", &path, "opplaering-regelverk", "--to", "mars 2027", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let again = std::fs::read_to_string(&copy).unwrap();
    assert_eq!(again.matches("postponed-from = \"september 2026\"").count(), 1);
    assert!(again.contains("when = \"mars 2027\""));
}

/// The lines between the common start and the common end of the two texts: `-` before, `+` after.
fn diff_lines(before: &str, after: &str) -> Vec<String> {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..].iter().rev().zip(new[head..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut out = Vec::new();
    out.extend(old[head..old.len() - tail].iter().map(|l| format!("-{l}")));
    out.extend(new[head..new.len() - tail].iter().map(|l| format!("+{l}")));
    out
}

#[test]
fn an_activity_is_found_by_its_title_or_words_of_it_and_ambiguity_changes_nothing() {
    let dir = TempDir::new("pick");
    let copy = dir.copy("plans/beiarn-omni.toml", "plan.toml");
    let path = copy.display().to_string();
    let before = std::fs::read_to_string(&copy).unwrap();
    let o = english(&["done", &path, "Opplæring i regelverkskompetanse", "--date", "2026-09-20", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with(
        "marked 'opplaering-regelverk' («Opplæring i regelverkskompetanse») done on 2026-09-20 (was planned) ("
    ));
    std::fs::write(&copy, &before).unwrap();
    let o = english(&["set", &path, "foreldreundersøkelse om barnas", "owner=rektor", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr).replace(&path, "plan.toml"),
        "error: plan.toml: 'foreldreundersøkelse om barnas' matches 2 activities; give the id of the one you mean:\n  \
         foreldreundersokelse-2027  Foreldreundersøkelse om barnas trivsel\n  \
         foreldreundersokelse-2028  Foreldreundersøkelse om barnas trivsel\n"
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), before, "nothing changed");
    let o = english(&["move", &path, "oppstrtsmote", "--to", "2027", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).ends_with("no activity has the id or title 'oppstrtsmote'; did you mean 'oppstartsmote'?\n"),
        "{}",
        text(&o.stderr)
    );
    let o = english(&["set", &path, "oppstartsmote", "when=snart", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot read the date 'snart'"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), before, "nothing changed");
}

#[test]
fn the_plan_is_found_as_status_finds_it_and_the_plans_language_is_spoken() {
    let dir = TempDir::new("find");
    dir.copy("plans/mot-kommuneavtale-nynorsk.toml", "plans/volda.toml");
    let (_, plan) = load(&dir.join("plans/volda.toml"));
    let id = plan.activities[0].id.value.clone();
    let mut cmd = common::command_in(dir.dir(), &["set", &id, "reason=Flytta etter møtet"]);
    cmd.env("LANG", "en_US.UTF-8");
    let o = cmd.output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout)
            .starts_with(&format!("endra '{id}': la til reason = \"Flytta etter møtet\" (plans/volda.toml:")),
        "{}",
        text(&o.stdout)
    );
    let o = common::command_in(dir.dir(), &["set", "x", "y", "z", "notes=n"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("implan set [PLAN]"), "{}", text(&o.stderr));
}

#[test]
fn adding_writes_one_block_after_the_phases_last_activity_in_every_plan() {
    for plan in shipped_plans() {
        let name = plan.file_name().unwrap().to_string_lossy().into_owned();
        let dir = TempDir::new("add");
        let copy = dir.copy(&format!("plans/{name}"), &name);
        let (before, loaded) = load(&copy);
        let phase = loaded.phases[loaded.phases.len() / 2].id.value.clone();
        let owner = loaded.roles.first().map(|r| r.id.value.clone()).unwrap_or_default();
        let after = loaded.activities[0].id.value.clone();
        let path = copy.display().to_string();
        let o = english(&[
            "add",
            &path,
            "--phase",
            &phase,
            "--title",
            "Ekstra foreldremøte",
            "--when",
            "desember 2026",
            "--owner",
            &owner,
            "--after",
            &after,
            "--lang",
            "en",
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", text(&o.stderr));
        let said = text(&o.stdout);
        assert!(
            said.starts_with(&format!("added 'ekstra-foreldremote' to phase '{phase}' ({path}:")),
            "{name}: {said}"
        );
        let after_text = std::fs::read_to_string(&copy).unwrap();
        let diff = diff_lines(&before, &after_text);
        assert!(diff.iter().all(|l| l.starts_with('+')), "{name}: only lines added: {diff:?}");
        let (_, added) = load(&copy);
        assert_eq!(added.activities.len(), loaded.activities.len() + 1, "{name}");
        let new = added.activities.iter().find(|a| a.id.value == "ekstra-foreldremote").unwrap();
        assert_eq!(new.title.value, "Ekstra foreldremøte");
        assert_eq!(new.after.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), [after.as_str()]);
        // The line said is the new activity's header.
        let line: usize = said.rsplit(':').next().unwrap().trim_end_matches(")\n").parse().unwrap();
        assert!(after_text.lines().nth(line - 1).unwrap().trim_end().ends_with("activity]]"), "{name}: line {line}");
        // Added to the phase asked for: its activities follow the phase's others.
        let index = added.phases.iter().position(|p| p.id.value == phase).unwrap();
        assert!(matches!(new.phase, Some(implan::model::PhaseRef::Nested(i)) if i == index), "{name}");
    }
}

#[test]
fn adding_to_an_unknown_phase_changes_nothing() {
    let dir = TempDir::new("add-bad");
    let copy = dir.copy("plans/beiarn-omni.toml", "plan.toml");
    let before = std::fs::read_to_string(&copy).unwrap();
    let path = copy.display().to_string();
    let o =
        english(&["add", &path, "--phase", "implementering1", "--title", "X", "--when", "mai 2027", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr).replace(&path, "plan.toml"),
        "error: plan.toml: the plan has no phase with the id 'implementering1' (its phases are oppstart, \
         implementering-1, implementering-2, konsolidering, oppfolging); did you mean 'implementering-1'?\n"
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), before);
}

/// The README's "Changing the plan" shows each command on a copy of the Beiarn plan, one after the other: each
/// block is what a person sees (standard output, then standard error) when running them in that order.
#[test]
fn readme_changing_the_plan_examples_are_real_output() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = readme.split("## Changing the plan").nth(1).expect("the section").split("\n## ").next().unwrap();
    let dir = TempDir::new("readme-change");
    dir.copy("plans/beiarn-omni.toml", "plans/beiarn-omni.toml");
    let mut ran = 0;
    for block in section.split("```text\n").skip(1) {
        let block = block.split("```").next().unwrap();
        let (first, expected) = block.split_once('\n').unwrap();
        let command = first.strip_prefix("$ implan ").expect("a command");
        let args = common::split_args(command);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = common::command_in(dir.dir(), &args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{command}: {}", text(&o.stderr));
        let seen = format!("{}{}", text(&o.stdout), text(&o.stderr));
        assert_eq!(seen, expected, "README example `implan {command}` is out of date");
        ran += 1;
    }
    assert_eq!(ran, 5, "done, postpone, move, add and set");
}

/// An edit writes its status in the words the plan uses: Nynorsk in a Nynorsk plan, English where the plan's other
/// activities write English, whatever the language of the messages.
#[test]
fn the_status_is_written_in_the_plans_own_words() {
    let dir = TempDir::new("words");
    let copy = dir.copy("plans/mot-kommuneavtale-nynorsk.toml", "volda.toml");
    let path = copy.display().to_string();
    let before = std::fs::read_to_string(&copy).unwrap();
    let o = english(&["postpone", &path, "profilering", "--to", "desember 2026", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = english(&["set", &path, "leiarkurs", "status=in-progress", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = english(&["set", &path, "oppstart", "status=planned", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let after = std::fs::read_to_string(&copy).unwrap();
    let statuses: Vec<&str> = after.lines().map(str::trim).filter(|l| l.starts_with("status =")).collect();
    assert_eq!(statuses, ["status = \"utsett\"", "status = \"i gang\""], "planned needs no status: none is written");
    let (_, loaded) = load(&copy);
    let status = |id: &str| loaded.activities.iter().find(|a| a.id.value == id).unwrap().status;
    use implan::model::Status;
    assert_eq!((status("profilering"), status("leiarkurs")), (Status::Postponed, Status::InProgress));
    assert_eq!(after.lines().count(), before.lines().count() + 3, "two statuses and a postponed-from");

    // A Bokmål plan whose activities write their statuses in English goes on in English.
    let copy = dir.copy("plans/beiarn-omni.toml", "beiarn.toml");
    let path = copy.display().to_string();
    let english_words = std::fs::read_to_string(&copy).unwrap().replacen(
        "  owner = [\"kommunalsjef\", \"prosjektleder\"]\n",
        "  owner = [\"kommunalsjef\", \"prosjektleder\"]\n  status = \"done\"\n",
        1,
    );
    std::fs::write(&copy, &english_words).unwrap();
    let o = english(&["set", &path, "kartlegging", "status=avlyst"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        diff_lines(&english_words, &std::fs::read_to_string(&copy).unwrap()),
        ["+  status = \"cancelled\""],
        "the word the plan uses, not the one typed"
    );
}

/// `move` and `postpone` take the new date the same way (one `NewDate` in the command line): the same help for
/// `--to` and `--end`, `--to` required by both.
#[test]
fn move_and_postpone_take_the_new_date_alike() {
    let block = |command: &str| {
        let o = english(&[command, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        let help = text(&o.stdout);
        assert!(
            help.contains(&format!("Usage: implan {command} [OPTIONS] --to <WHEN> <[PLAN] ACTIVITY>...")),
            "{help}"
        );
        let start = help.find("      --to <WHEN>").expect("--to");
        let rest = &help[start..];
        let end = ["\n\n  -h", "\n\n      --reason"].iter().filter_map(|e| rest.find(e)).min().expect("the end");
        help[start..start + end].to_string()
    };
    let moving = block("move");
    assert_eq!(moving, block("postpone"));
    assert!(moving.contains("--end <WHEN>") && moving.contains("its end does not move by itself"), "{moving}");
    for command in ["move", "postpone"] {
        let o = english(&[command, "plans/beiarn-omni.toml", "oppstartsmote"]);
        assert_eq!(o.status.code(), Some(2), "{command}: --to is required");
        assert!(text(&o.stderr).contains("--to <WHEN>"), "{}", text(&o.stderr));
    }
}
