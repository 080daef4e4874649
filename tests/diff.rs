//! `implan diff`: the Beiarn plan as written against the corrected plan in every format (reviewed
//! snapshots), a version read from a real git repository, plan text escaped for each medium, and the exit
//! codes. And `status --since` and `report --since`, what changed since a tag or a day, on the same
//! repositories.

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
    assert_eq!(json["activities"]["added"].as_array().map(Vec::len), Some(16));
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

/// The day the tests' commits are made, unless a test says another: the day `vedtatt-2026` was approved.
const APPROVED: &str = "2026-02-10T12:00:00+01:00";

/// Runs git in `dir` (with no user configuration, so a signing or hook setting cannot interfere), committing
/// on [`APPROVED`]; git must be there: these tests fail, not skip, without it.
fn git(dir: &Path, args: &[&str]) {
    git_on(dir, args, APPROVED);
}

/// [`git`], committing on `date` (ISO 8601 with an offset).
fn git_on(dir: &Path, args: &[&str], date: &str) {
    let o = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
        .args(["-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git is installed (implan diff reads revisions through it; this test needs it)");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

/// A new repository with the Beiarn plan at `plans/beiarn.toml`, committed and tagged `vedtatt-2026`, as the
/// council approved it; and the plan's path.
fn approved(name: &str) -> (TempDir, std::path::PathBuf) {
    let tmp = TempDir::new(name);
    let dir = tmp.dir();
    git(dir, &["init", "-q"]);
    let plan = tmp.copy(BEIARN, "plans/beiarn.toml");
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "vedtatt"]);
    git(dir, &["tag", "vedtatt-2026"]);
    (tmp, plan)
}

/// A repository with the Beiarn plan at `plans/beiarn.toml`, tagged `vedtatt-2026`, then changed: one
/// activity moved out of its phase, one postponed, one renamed, one removed.
fn repository() -> TempDir {
    let (tmp, plan) = approved("diff-git");
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

// `status --since` and `report --since`.

/// `implan` with `args` in `dir`, which must end with `code`; its standard output and error.
fn since_in(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let o = run_in(dir, args);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", common::stderr(&o));
    (common::stdout(&o), common::stderr(&o))
}

/// The status screen's "changed since" section: from its heading to the blank line after it.
fn section(status: &str, heading: &str) -> String {
    let from = status.find(heading).unwrap_or_else(|| panic!("no {heading:?} in {status}"));
    let rest = &status[from..];
    rest[..rest.find("\n\n").map_or(rest.len(), |i| i + 1)].to_owned()
}

#[test]
fn status_since_a_tag_lists_what_moved_was_postponed_and_removed() {
    let tmp = repository();
    let args = ["status", "plans/beiarn.toml", "--since", "vedtatt-2026", "--today", TODAY, "--width", "80"];
    let (en, _) = since_in(tmp.dir(), &[&args[..], &["--lang", "en"]].concat(), 0);
    insta::assert_snapshot!(en);
    // Every line fits the width, in every language.
    let (nb, _) = since_in(tmp.dir(), &args, 0);
    let (nn, _) = since_in(tmp.dir(), &[&args[..], &["--lang", "nn"]].concat(), 0);
    for out in [&en, &nb, &nn] {
        assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    }
    insta::assert_snapshot!(format!(
        "{}\n{}",
        section(&nb, "Endret siden vedtatt-2026"),
        section(&nn, "Endra sidan vedtatt-2026")
    ));
    // Narrow: wrapped, not cut.
    let (narrow, _) = since_in(tmp.dir(), &[&args[..6], &["--width", "50", "--lang", "en"]].concat(), 0);
    let narrow = section(&narrow, "Changed since");
    assert!(narrow.lines().all(|l| l.chars().count() <= 50), "{narrow}");
    assert!(narrow.contains("Informasjonskampanje til foreldre\n    og lokalsamfunnet"), "{narrow}");
    // Without the section, the screen is as it was.
    let (plain, _) = since_in(tmp.dir(), &["status", "plans/beiarn.toml", "--today", TODAY, "--width", "80"], 0);
    assert_eq!(nb.replace(&section(&nb, "Endret siden vedtatt-2026"), "").replacen("\n\n\n", "\n\n", 1), plain);
}

#[test]
fn status_since_a_tag_for_one_role_and_for_programs() {
    let tmp = repository();
    let base = ["status", "plans/beiarn.toml", "--since", "vedtatt-2026", "--today", TODAY, "--lang", "en"];
    // The school heads: the survey postponed is theirs (schools and kindergartens); the other changes are not.
    let (mine, _) = since_in(tmp.dir(), &[&base[..], &["--role", "skoler"]].concat(), 0);
    let mine = section(&mine, "Changed since");
    assert!(mine.contains("1 postponed") && mine.contains("kartlegging"), "{mine}");
    assert!(!mine.contains("moved") && !mine.contains("informasjonskampanje"), "{mine}");
    let (json, _) = since_in(tmp.dir(), &[&base[..], &["--format", "json"]].concat(), 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let since = &json["since"];
    assert_eq!(since["from"]["revision"], "vedtatt-2026");
    assert_eq!(since["from"]["version"]["date"], "2026-02-10");
    assert_eq!(since["moved"][0]["id"], "personaldag-omni");
    assert_eq!(since["moved"][0]["months"], 4);
    assert_eq!(since["moved"][0]["left_phase"], "oppstart");
    assert_eq!(since["postponed"][0]["reason"], "Foreldremøtene er flyttet");
    assert_eq!(since["removed"][0]["id"], "informasjonskampanje");
    assert_eq!(since["other"], 1, "the renamed meeting");
    // Without --since, no key.
    let (json, _) = since_in(tmp.dir(), &["status", "plans/beiarn.toml", "--format", "json", "--today", TODAY], 0);
    assert!(!json.contains("\"since\""));
}

/// The Beiarn plan approved on 10 February 2026 (`vedtatt-2026`), one activity moved in a commit of 15 June
/// 2026, then two activities done in the working copy: one on 12 March, one on 20 September.
fn dated_repository() -> TempDir {
    let (tmp, plan) = approved("since-dated");
    let dir = tmp.dir();
    let text = std::fs::read_to_string(&plan).unwrap();
    let moved = "  when = \"mai 2026\"\n  owner = \"prosjektleder\"\n";
    assert!(text.contains(moved));
    std::fs::write(&plan, text.replace(moved, "  when = \"juni 2026\"\n  owner = \"prosjektleder\"\n")).unwrap();
    git_on(dir, &["commit", "-q", "-a", "-m", "flyttet personaldagen"], "2026-06-15T12:00:00+02:00");
    for (id, date) in [("oppstartsmote", "2026-03-12"), ("planleggingsdag", "2026-09-20")] {
        since_in(dir, &["done", "plans/beiarn.toml", id, "--date", date], 0);
    }
    tmp
}

#[test]
fn status_since_a_day_compares_with_the_version_git_had_then() {
    let tmp = dated_repository();
    let status = |since: &str| {
        let args = ["status", "plans/beiarn.toml", "--since", since, "--today", TODAY, "--width", "80", "--lang", "en"];
        section(&since_in(tmp.dir(), &args, 0).0, "Changed since")
    };
    // Before the June commit: the approved version; the move and both done.
    let june = status("2026-06-01");
    // After it: that commit's version; the move is older than that. What was recorded done since it is done,
    // even with an earlier date.
    let july = status("juli 2026");
    // Before the first commit: no version; what was done that day or later, by its date.
    let january = status("2026-01-01");
    // The commits' ids follow from the plan's bytes: named, not snapshotted.
    let short = |rev: &str| {
        let o = Command::new("git").args(["rev-parse", "--short", rev]).current_dir(tmp.dir()).output().unwrap();
        String::from_utf8(o.stdout).unwrap().trim().to_owned()
    };
    let named = format!("{june}\n{july}\n{january}")
        .replace(&short("vedtatt-2026"), "<vedtatt-2026>")
        .replace(&short("HEAD"), "<HEAD>");
    insta::assert_snapshot!(named);
    assert!(june.contains("compared with the plan in git from 10 February 2026") && june.contains("1 moved, 2 done"));
    assert!(july.contains("compared with the plan in git from 15 June 2026") && july.contains("2 done"));
    assert!(!july.contains("moved"), "{july}");
    assert!(january.contains("git has no version of the plan from before 1 January 2026"), "{january}");
}

#[test]
fn since_a_day_outside_git_is_what_was_done_since_and_a_revision_is_an_error_that_says_what_to_do() {
    let repo = dated_repository();
    let outside = TempDir::new("since-no-git");
    std::fs::copy(repo.join("plans/beiarn.toml"), outside.join("beiarn.toml")).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = common::command_in(outside.dir(), args);
        cmd.env("GIT_CEILING_DIRECTORIES", outside.dir().parent().unwrap());
        cmd.output().unwrap()
    };
    let o = run(&["status", "beiarn.toml", "--since", "2026-09-01", "--today", TODAY, "--width", "80"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let said = section(&common::stdout(&o), "Endret siden");
    assert_eq!(
        said,
        "Endret siden 1. september 2026\n  planen er ikke i et git-depot: bare det som er gjennomført siden, vises\n  \
         1 gjennomført\n  ✓ august 2026 — Planleggingsdag med fokus på Omni-modellen (Prosjektleder,\n    \
         Rektorer) — gjennomført 20. september 2026 · planleggingsdag\n"
    );
    for (lang, cmd) in [("nb", "status"), ("en", "status"), ("nn", "report")] {
        let o = run(&[cmd, "beiarn.toml", "--since", "vedtatt-2026", "--lang", lang]);
        assert_eq!(o.status.code(), Some(2), "{lang}");
        assert!(o.stdout.is_empty());
        insta::assert_snapshot!(
            format!("not_in_git_{lang}"),
            common::stderr(&o).replace(" (or any of the parent directories)", "")
        );
    }
}

#[test]
fn an_unknown_revision_or_a_date_that_is_none_is_an_error() {
    let tmp = repository();
    let run = |since: &str| {
        let (_, err) = since_in(tmp.dir(), &["status", "plans/beiarn.toml", "--since", since, "--lang", "en"], 2);
        err
    };
    assert_eq!(
        run("vedtatt-2025"),
        "error: --since 'vedtatt-2025' is neither a date implan reads nor a revision git knows (git: fatal: bad \
         revision 'vedtatt-2025'); give a tag, a branch, a commit or a date such as 2026-10-01\n"
    );
    assert_eq!(
        run("2026-13-01"),
        "error: --since '2026-13-01' is neither a date (there is no month 13; months are 1–12) nor a revision git \
         knows (git: fatal: bad revision '2026-13-01')\n"
    );
    assert_eq!(
        run("rev:2026"),
        "error: --since rev:2026: git knows no revision '2026' (git: fatal: bad revision '2026')\n"
    );
    let (_, err) = since_in(tmp.dir(), &["status", "plans/beiarn.toml", "--since=-p", "--lang", "en"], 2);
    assert_eq!(err, "error: '-p' is not a revision: it starts with -\n");
    // A revision from before the plan was in git.
    git(tmp.dir(), &["commit", "-q", "--allow-empty", "-m", "x"]);
    let sub = tmp.copy(BEIARN, "plans/ny.toml");
    let (_, err) = since_in(tmp.dir(), &["report", &sub.display().to_string(), "--since", "HEAD", "--lang", "en"], 2);
    assert!(err.contains("plans/ny.toml was not in git at HEAD ("), "{err}");
    // A version that does not load.
    let broken = tmp.write("plans/broken.toml", b"[plan]\ntitle = \"T\"\n");
    git(tmp.dir(), &["add", "plans/broken.toml"]);
    git(tmp.dir(), &["commit", "-q", "-m", "broken"]);
    std::fs::copy(root().join(BEIARN), &broken).unwrap();
    let (_, err) = since_in(tmp.dir(), &["status", "plans/broken.toml", "--since", "HEAD", "--lang", "en"], 2);
    assert!(err.contains("--since: HEAD:plans/broken.toml does not load as a plan ("), "{err}");
    assert!(err.contains("`implan diff HEAD plans/broken.toml` shows them"), "{err}");
}

#[test]
fn rev_makes_a_date_a_revision() {
    let tmp = dated_repository();
    // A tag named like a day: as a date, the day; with rev:, the tag.
    git(tmp.dir(), &["tag", "2026-06-01", "vedtatt-2026"]);
    let status = |since: &str| {
        let args = ["status", "plans/beiarn.toml", "--since", since, "--today", TODAY, "--lang", "en"];
        section(&since_in(tmp.dir(), &args, 0).0, "Changed since")
    };
    assert!(status("2026-06-01").starts_with("Changed since 1 June 2026\n"));
    assert!(status("rev:2026-06-01").starts_with("Changed since 2026-06-01 (10 February 2026)\n"));
}

#[test]
fn report_since_a_tag_has_the_changes_in_a_table() {
    let tmp = repository();
    let (html, _) =
        since_in(tmp.dir(), &["report", "plans/beiarn.toml", "--since", "vedtatt-2026", "--today", TODAY], 0);
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let section = doc.select(&sel("section#since")).next().expect("a section#since");
    let heading: String = section.select(&sel("h2")).next().unwrap().text().collect();
    assert_eq!(heading, "Endret siden vedtatt-2026 (10. februar 2026)");
    let rows: Vec<Vec<String>> = section
        .select(&sel("tbody tr"))
        .map(|tr| tr.select(&sel("td")).map(|td| td.text().collect()).collect())
        .collect();
    insta::assert_snapshot!(section.html());
    assert_eq!(rows.len(), 3, "postponed, moved, removed: {rows:?}");
    assert_eq!(rows[0][3], "utsatt fra april 2026; grunn: Foreldremøtene er flyttet");
    // In Bokmål throughout.
    let words: String = section.text().collect::<Vec<_>>().join(" ");
    for english in ["moved", "removed", "postponed", "changed", "since", "every", "reason", "outside"] {
        assert!(!words.contains(english), "{english}: {words}");
    }
    let headers: Vec<String> = section.select(&sel("thead th[scope=col]")).map(|th| th.text().collect()).collect();
    assert_eq!(headers, ["Når", "Aktivitet", "Ansvarlig", "Endring"]);
    // The section follows the first page's progress, overdue and upcoming work and the goals, and comes before
    // the pictures; without --since there is none.
    let ids: Vec<&str> = doc.select(&sel("body > section")).filter_map(|s| s.value().attr("id")).collect();
    assert_eq!(&ids[..6], ["progress", "overdue", "upcoming", "goals", "since", "gantt"]);
    let (plain, _) = since_in(tmp.dir(), &["report", "plans/beiarn.toml", "--today", TODAY], 0);
    assert!(!plain.contains("id=\"since\""));
}

#[test]
fn plan_text_in_the_changes_is_escaped_for_the_terminal_and_the_page() {
    let tmp = TempDir::new("since-escape");
    let dir = tmp.dir();
    git(dir, &["init", "-q"]);
    tmp.write("plan.toml", titled("Meeting").as_bytes());
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "v1"]);
    let hostile = r#"<img src=x onerror=alert(1)> \u001b[31mred\u0007"#;
    let text = titled("Meeting").replace("when = \"march 2026\"", "when = \"may 2026\"")
        + &format!("\n[[activity]]\nid = \"b\"\ntitle = \"{hostile}\"\nwhen = \"june 2026\"\nowner = \"pl\"\n");
    tmp.write("plan.toml", text.as_bytes());
    let (status, _) = since_in(dir, &["status", "plan.toml", "--since", "HEAD", "--today", TODAY], 0);
    assert!(!status.contains('\u{1b}') && !status.contains('\u{7}'), "{status:?}");
    assert!(
        status.contains("+ June 2026 — <img src=x onerror=alert(1)> \\u{1b}[31mred\\u{7} (Lead) — new in the plan"),
        "{status}"
    );
    let (html, _) = since_in(dir, &["report", "plan.toml", "--since", "HEAD", "--today", TODAY], 0);
    let since = html.split("<section id=\"since\">").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(!since.contains("<img") && since.contains("&lt;img src=x onerror=alert(1)&gt;"), "{since}");
    assert!(!since.contains('\u{1b}'), "{since}");
}

/// The README's "Changed since" shows `status --since` on the Beiarn plan tagged `vedtatt-2026` when approved,
/// after the five steps of "Changing the plan": those are replayed (their output is `change_cli`'s to check),
/// then each block here is run and compared.
#[test]
fn readme_changed_since_examples_are_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks = |heading: &str| -> Vec<(Vec<String>, String)> {
        let section = readme.split(heading).nth(1).expect("the section").split("\n## ").next().unwrap();
        let section = section.split("\n### ").next().unwrap();
        section
            .split("```text\n")
            .skip(1)
            .map(|b| {
                let (first, expected) = b.split("```").next().unwrap().split_once('\n').unwrap();
                (common::split_args(first.strip_prefix("$ implan ").expect("a command")), expected.to_owned())
            })
            .collect()
    };
    let tmp = TempDir::new("readme-since");
    let dir = tmp.dir();
    git(dir, &["init", "-q"]);
    tmp.copy(BEIARN, BEIARN);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "Vedtatt i kommunestyret"]);
    git(dir, &["tag", "vedtatt-2026"]);
    let steps = blocks("## Changing the plan");
    assert_eq!(steps.len(), 5);
    for (args, _) in &steps {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        since_in(dir, &args, 0);
    }
    let shown = blocks("### Changed since a version or a day");
    assert!(!shown.is_empty());
    for (args, expected) in shown {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, err) = since_in(dir, &args, 0);
        assert_eq!(format!("{out}{err}"), expected, "README example `implan {}` is out of date", args.join(" "));
    }
}
