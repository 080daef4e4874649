//! `implan diff`: the Beiarn plan as written against the corrected plan in every format (reviewed
//! snapshots), a version read from a real git repository, plan text escaped for each medium, and the exit
//! codes.

mod common;

use common::{TempDir, root};
use std::path::Path;
use std::process::{Command, Output};

const AS_WRITTEN: &str = "examples/beiarn-as-written.toml";
const BEIARN: &str = "plans/beiarn-omni.toml";
const TODAY: &str = "2026-11-23";

fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = common::command_in(dir, args);
    for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"] {
        cmd.env_remove(var);
    }
    cmd.output().expect("the implan binary runs")
}

/// `implan diff` with `args` in `dir`, which must end with `code`; its standard output.
fn diff_in(dir: &Path, args: &[&str], code: i32) -> String {
    let args: Vec<&str> = ["diff"].iter().chain(args).copied().collect();
    let o = run_in(dir, &args);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", common::stderr(&o));
    common::stdout(&o)
}

fn beiarn(format: &str, lang: &str) -> String {
    diff_in(&root(), &[AS_WRITTEN, BEIARN, "--today", TODAY, "--format", format, "--lang", lang], 1)
}

#[test]
fn beiarn_as_written_against_corrected_human_nb() {
    insta::assert_snapshot!(beiarn("human", "nb"));
}

#[test]
fn beiarn_as_written_against_corrected_human_en() {
    insta::assert_snapshot!(beiarn("human", "en"));
}

#[test]
fn beiarn_as_written_against_corrected_human_nn() {
    insta::assert_snapshot!(beiarn("human", "nn"));
}

#[test]
fn beiarn_as_written_against_corrected_markdown_nb() {
    insta::assert_snapshot!(beiarn("markdown", "nb"));
}

#[test]
fn beiarn_as_written_against_corrected_markdown_en() {
    insta::assert_snapshot!(beiarn("markdown", "en"));
}

#[test]
fn beiarn_as_written_against_corrected_json_nb() {
    insta::assert_snapshot!(beiarn("json", "nb"));
}

#[test]
fn beiarn_as_written_against_corrected_json_en() {
    let out = beiarn("json", "en");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!((json["version"].as_i64(), json["same"].as_bool()), (Some(1), Some(false)));
    assert_eq!(json["activities"]["added"].as_array().map(Vec::len), Some(8));
    insta::assert_snapshot!(out);
}

#[test]
fn the_language_is_the_new_plans_unless_lang_says() {
    // Both Beiarn plans say lang = "nb"; the test's locale is C.
    let out = diff_in(&root(), &[AS_WRITTEN, BEIARN, "--today", TODAY], 1);
    assert!(out.starts_with("Endringer fra examples/beiarn-as-written.toml til plans/beiarn-omni.toml\n"), "{out}");
}

#[test]
fn a_plan_against_itself_has_no_differences_and_exit_code_0() {
    for format in ["human", "markdown", "json"] {
        let out = diff_in(&root(), &[BEIARN, BEIARN, "--format", format, "--lang", "en"], 0);
        assert!(out.contains("No differences") || out.contains("\"same\": true"), "{format}: {out}");
    }
}

#[test]
fn usage_errors_exit_with_2() {
    let o = run_in(&root(), &["diff", "v1", "v2", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("neither 'v1' nor 'v2' is a file"), "{}", common::stderr(&o));
    let o = run_in(&root(), &["diff", "gone.toml", BEIARN, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("cannot read 'gone.toml'"), "{}", common::stderr(&o));
    let o = run_in(&root(), &["diff", BEIARN]);
    assert_eq!(o.status.code(), Some(2), "one side only");
}

#[test]
fn a_side_that_does_not_load_is_reported_with_exit_code_2() {
    let tmp = TempDir::new("diff-broken");
    let broken = tmp.write("broken.toml", b"[plan]\ntitle = \"T\"\n");
    let o = run_in(&root(), &["diff", &broken, BEIARN, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(common::stderr(&o).contains("error"), "{}", common::stderr(&o));
}

/// A small plan with one activity whose title is `title` (a TOML basic string's contents).
fn titled(title: &str) -> String {
    format!(
        "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2026\"\nlang = \"en\"\n\n[roles]\npl = \"Lead\"\n\n\
         [[activity]]\nid = \"a\"\ntitle = \"{title}\"\nwhen = \"march 2026\"\nowner = \"pl\"\n"
    )
}

#[test]
fn plan_text_is_escaped_for_the_terminal_and_for_markdown() {
    let tmp = TempDir::new("diff-escape");
    tmp.write("old.toml", titled("Meeting").as_bytes());
    let hostile = r#"**Bold** <img src=x onerror=alert(1)> [link](http://x) # \u001b[31mred\u0007"#;
    tmp.write("new.toml", titled(hostile).as_bytes());
    let human = diff_in(tmp.dir(), &["old.toml", "new.toml", "--today", TODAY], 1);
    assert!(!human.contains('\u{1b}') && !human.contains('\u{7}'), "{human:?}");
    let markdown = diff_in(tmp.dir(), &["old.toml", "new.toml", "--today", TODAY, "--format", "markdown"], 1);
    assert!(!markdown.contains('\u{1b}') && !markdown.contains("**Bold"), "{markdown}");
    // Every `<` is escaped, so no renderer reads a tag.
    assert!(
        markdown.contains("\\<img") && markdown.matches('<').count() == markdown.matches("\\<").count(),
        "{markdown}"
    );
    let json = diff_in(tmp.dir(), &["old.toml", "new.toml", "--today", TODAY, "--format", "json"], 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Programs get the text as written.
    let title = &json["activities"]["changed"][0]["changes"]["title"]["new"];
    assert_eq!(title.as_str(), Some("**Bold** <img src=x onerror=alert(1)> [link](http://x) # \u{1b}[31mred\u{7}"));
    insta::assert_snapshot!(format!("{human}\n---\n{markdown}"));
}

/// Runs git in `dir` (with no user configuration, so a signing or hook setting cannot interfere); git must be
/// there: these tests fail, not skip, without it.
fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
        .args(["-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git is installed (implan diff reads revisions through it; this test needs it)");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

/// A repository with the Beiarn plan at `plans/beiarn.toml`, tagged `vedtatt-2026`, then changed: one
/// activity moved out of its phase, one postponed, one renamed, one removed.
fn repository() -> TempDir {
    let tmp = TempDir::new("diff-git");
    let dir = tmp.dir();
    git(dir, &["init", "-q"]);
    let plan = tmp.copy(BEIARN, "plans/beiarn.toml");
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "vedtatt"]);
    git(dir, &["tag", "vedtatt-2026"]);
    let text = std::fs::read_to_string(&plan).unwrap();
    let removed = "  [[phase.activity]]\n  id = \"informasjonskampanje\"\n  title = \"Informasjonskampanje til foreldre og lokalsamfunnet\"\n  when = \"juni 2026\"\n  owner = \"kommunikasjonsradgiver\"    # declared above (corrected)\n  goals = [\"foreldre\"]\n";
    assert!(text.contains(removed));
    let changed = text
        .replace(removed, "")
        .replace("  when = \"mai 2026\"\n  owner = \"prosjektleder\"\n", "  when = \"september 2026\"\n  owner = \"prosjektleder\"\n")
        .replace(
            "  when = \"april 2026\"\n  owner = [\"skoler\", \"barnehager\"]\n",
            "  when = \"juni 2026\"\n  status = \"utsatt\"\n  postponed-from = \"april 2026\"\n  reason = \"Foreldremøtene er flyttet\"\n  owner = [\"skoler\", \"barnehager\"]\n",
        )
        .replace("Oppstartsmøte for styringsgruppen", "Oppstartsmøte i styringsgruppen");
    std::fs::write(&plan, changed).unwrap();
    tmp
}

#[test]
fn a_tag_against_the_working_copy() {
    let tmp = repository();
    let out = diff_in(tmp.dir(), &["vedtatt-2026", "plans/beiarn.toml", "--today", TODAY, "--lang", "en"], 1);
    // git's REV:PATH says the same, and so does the file named from elsewhere.
    let spec = diff_in(
        tmp.dir(),
        &["vedtatt-2026:plans/beiarn.toml", "plans/beiarn.toml", "--today", TODAY, "--lang", "en"],
        1,
    );
    assert_eq!(out.split_once('\n').unwrap().1, spec.split_once('\n').unwrap().1);
    let file = tmp.path("plans/beiarn.toml");
    let elsewhere = diff_in(&root(), &["vedtatt-2026", &file, "--today", TODAY, "--lang", "en"], 1);
    assert_eq!(out.split_once('\n').unwrap().1, elsewhere.split_once('\n').unwrap().1);
    assert!(out.starts_with("Changes from vedtatt-2026:plans/beiarn.toml to plans/beiarn.toml\n"), "{out}");
    insta::assert_snapshot!(out);
    // HEAD is the tag: the same comparison; a commit id works as well.
    let head = diff_in(tmp.dir(), &["HEAD", "plans/beiarn.toml", "--today", TODAY, "--lang", "en"], 1);
    assert_eq!(out.split_once('\n').unwrap().1, head.split_once('\n').unwrap().1);
    let json = diff_in(tmp.dir(), &["vedtatt-2026", "plans/beiarn.toml", "--today", TODAY, "--format", "json"], 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let moved = &json["activities"]["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "personaldag-omni")
        .unwrap()["changes"]["dates"];
    assert_eq!((moved["months"].as_i64(), moved["left_phase"].as_str()), (Some(4), Some("oppstart")));
}

#[test]
fn an_unknown_revision_or_no_repository_is_said_with_gits_words() {
    let tmp = repository();
    let o = run_in(tmp.dir(), &["diff", "vedtatt-2025", "plans/beiarn.toml", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(err.contains("found no plans/beiarn.toml at revision 'vedtatt-2025'") && err.contains("(git: "), "{err}");
    let o = run_in(tmp.dir(), &["diff", "--lang", "en", "--", "--output=x", "plans/beiarn.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("'--output=x' is not a revision"), "{}", common::stderr(&o));
    assert!(!tmp.join("x").exists());

    let outside = TempDir::new("diff-no-git");
    let plan = outside.copy(BEIARN, "beiarn.toml");
    let mut cmd = common::command_in(outside.dir(), &["diff", "v1", "beiarn.toml", "--lang", "nn"]);
    // So that git does not find a repository above the temporary folder.
    cmd.env("GIT_CEILING_DIRECTORIES", outside.dir().parent().unwrap());
    let o = cmd.output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(err.contains("er ikkje i eit git-depot") && err.contains("fatal"), "{err}");
    assert!(plan.exists());
}
