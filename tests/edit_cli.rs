//! `implan done` and `implan set` on real plan files: the confirmation, the exit codes, and that nothing but
//! the status changes.

mod common;

use common::{TempDir, temps_beside};
use std::path::PathBuf;
use std::process::Output;

/// `implan` in English: the edits speak the plan's language unless `--lang` says another, and `check` the same.
fn implan(args: &[&str]) -> Output {
    english(args).output().expect("the implan binary runs")
}

fn english(args: &[&str]) -> std::process::Command {
    let mut args = args.to_vec();
    if matches!(args.first(), Some(&("done" | "set" | "move" | "postpone"))) {
        args.extend(["--lang", "en"]);
    }
    let mut cmd = common::command(&args);
    cmd.env("LANG", "en_US.UTF-8");
    cmd
}

/// A copy of the repository's `plan` as plan.toml in a fresh temp dir, with the dir's guard: keep it while the
/// test uses the copy.
fn copy_of(plan: &str, name: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new(&format!("edit-cli-{name}"));
    let to = dir.copy(plan, "plan.toml");
    (dir, to)
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

#[test]
fn done_adds_two_lines_and_the_plan_still_checks_clean() {
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "done");
    let before = std::fs::read_to_string(&p).unwrap();
    let ps = p.display().to_string();
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "12. mars 2026"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // The line reported is the activity's [[phase.activity]] header.
    let id_line = before.lines().position(|l| l.trim() == "id = \"oppstartsmote\"").unwrap();
    let header = before
        .lines()
        .take(id_line)
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.contains("[[phase.activity]]"))
        .unwrap();
    assert_eq!(
        text(&o.stdout),
        format!("marked 'oppstartsmote' done on 2026-03-12 (was planned) ({ps}:{})\n", header + 1)
    );
    let after = std::fs::read_to_string(&p).unwrap();
    let added: Vec<&str> = after.lines().filter(|l| !before.lines().any(|b| b == *l)).collect();
    // In the plan's words: it is in Bokmål and writes no status yet.
    assert_eq!(added, ["  status = \"gjennomført\"", "  done = 2026-03-12"]);
    assert_eq!(after.lines().count(), before.lines().count() + 2);
    let check = implan(&["check", &ps, "--lang", "en"]);
    assert_eq!(text(&check.stdout), "checked 1 file: no findings\n");
    // Done again with the same date: nothing to change, nothing written.
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "2026-03-12"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("nothing changed"), "{}", text(&o.stdout));
}

#[test]
fn set_status_in_norwegian_and_back() {
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "set");
    let ps = p.display().to_string();
    let original = std::fs::read(&p).unwrap();
    let o = implan(&["set", &ps, "kartlegging", "status=pågår"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("marked 'kartlegging' in-progress (was planned)"), "{}", text(&o.stdout));
    let o = implan(&["set", &ps, "kartlegging", "status=done", "done=2026-04-24"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = implan(&["set", &ps, "kartlegging", "status=planlagt"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let back = std::fs::read(&p).unwrap();
    // The status key stays (now "planlagt", the plan's word), the done date is gone; everything else is as it was.
    let back_text = String::from_utf8(back).unwrap();
    assert_eq!(back_text.replace("  status = \"planlagt\"\n", ""), String::from_utf8(original).unwrap());
}

#[test]
fn unknown_activity_and_bad_status_exit_2_and_change_nothing() {
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "bad");
    let ps = p.display().to_string();
    let original = std::fs::read(&p).unwrap();
    let o = implan(&["done", &ps, "opstartsmote"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        format!("error: {ps}: no activity has the id or title 'opstartsmote'; did you mean 'oppstartsmote'?\n")
    );
    let o = implan(&["set", &ps, "kartlegging", "status=halvveis"]);
    assert_eq!(o.status.code(), Some(2));
    let o = implan(&["done", &ps, "kartlegging", "--date", "2026-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("has no day 30"), "{}", text(&o.stderr));
    let o = implan(&["set", &ps, "kartlegging"]);
    assert_eq!(o.status.code(), Some(2), "an assignment is required");
    assert_eq!(std::fs::read(&p).unwrap(), original);
}

/// Runs implan with a limit on the size of any file it writes (`ulimit -f`, in bytes).
fn implan_with_file_limit(args: &[&str], bytes: u64) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = english(args);
    // SAFETY: setrlimit is async-signal-safe, and the closure touches nothing of the parent's.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().expect("the implan binary runs")
}

#[test]
fn a_failed_write_leaves_the_plan_intact() {
    // Under `ulimit -f` a write past the limit fails (implan ignores SIGXFSZ, which would kill it): the plan
    // stays as it was, the temporary file goes, and the message says why.
    let (_dir, p) = copy_of("plans/smart-langtidsavtale.toml", "fail");
    let ps = p.display().to_string();
    let original = std::fs::read(&p).unwrap();
    assert!(original.len() > 8192);
    let first = implan(&["schedule", &ps, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let id = v["groups"][0]["activities"][0]["id"].as_str().unwrap().to_string();
    let o = implan_with_file_limit(&["done", &ps, &id, "--date", "2026-09-01"], 4096);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let e = text(&o.stderr);
    assert!(
        e.starts_with(&format!("error: cannot write {ps}: the file would exceed the size limit for files (ulimit -f)")),
        "{e}"
    );
    assert!(e.ends_with("; the plan is unchanged\n"), "{e}");
    assert_eq!(std::fs::read(&p).unwrap(), original);
    assert_eq!(temps_beside(&p), Vec::<String>::new());
    // The same for an export and for standard output redirected to a file.
    let out = p.with_file_name("gantt.svg");
    let o = implan_with_file_limit(&["gantt", &ps, "--lang", "en", "-o", &out.display().to_string()], 4096);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("size limit"), "{}", text(&o.stderr));
    assert!(!out.exists());
    assert_eq!(temps_beside(&out), Vec::<String>::new());
}

#[test]
fn read_only_and_hard_linked_plans_are_refused_without_force() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "readonly");
    let ps = p.display().to_string();
    let original = std::fs::read(&p).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "2026-03-12"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        format!("error: {ps} is read-only; the plan is unchanged (--force writes it anyway)\n")
    );
    assert_eq!(std::fs::read(&p).unwrap(), original);
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "2026-03-12", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        format!("marked 'oppstartsmote' done on 2026-03-12 (was planned); it was read-only and stays so ({ps}:196)\n")
    );
    assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o444);

    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "linked");
    let ps = p.display().to_string();
    let twin = p.with_file_name("twin.toml");
    std::fs::hard_link(&p, &twin).unwrap();
    let o = implan(&["set", &ps, "oppstartsmote", "status=in-progress"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("has 2 hard links; replacing it would leave the other link holding the old text"));
    let o = implan(&["set", &ps, "oppstartsmote", "status=in-progress", "--force"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("; its other hard link still hold"), "{}", text(&o.stdout));
    assert_eq!(std::fs::read(&twin).unwrap(), std::fs::read(common::root().join("plans/beiarn-omni.toml")).unwrap());
}

#[test]
fn an_owner_that_cannot_be_kept_is_refused() {
    // A root-owned, world-writable plan edited by an unprivileged user: replacing it would make it theirs. The
    // test needs root to arrange it (a file of another owner) and to become another user.
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    assert_eq!(unsafe { libc::geteuid() }, 0, "this test arranges a file of another owner, which needs root");
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "owner");
    let dir = p.parent().unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
    let original = std::fs::read(&p).unwrap();
    let as_nobody = |extra: &[&str]| {
        let mut cmd = common::unprivileged(dir);
        cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "en_US.UTF-8");
        cmd.args(["done", &p.display().to_string(), "oppstartsmote", "--date", "2026-03-12", "--lang", "en"])
            .args(extra);
        common::output_of(cmd)
    };
    let o = as_nobody(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("belongs to another user or group, which implan cannot keep"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read(&p).unwrap(), original);
    assert_eq!(std::fs::metadata(&p).unwrap().uid(), 0);
    assert_eq!(temps_beside(&p), Vec::<String>::new());
    let o = as_nobody(&["--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("its owner or group is now yours"), "{}", text(&o.stdout));
    assert_eq!(std::fs::metadata(&p).unwrap().uid(), 65534);
}

#[test]
fn done_again_keeps_its_date_and_set_says_what_it_removed() {
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "again");
    let ps = p.display().to_string();
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "2026-03-12"]);
    assert_eq!(o.status.code(), Some(0));
    let marked = std::fs::read_to_string(&p).unwrap();
    let o = implan(&["done", &ps, "oppstartsmote"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        format!(
            "'oppstartsmote' is already done on 2026-03-12 ({ps}:196); its date is kept (--date gives another); nothing changed\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), marked);
    // A comment on the date stays when the date goes.
    std::fs::write(&p, marked.replace("done = 2026-03-12", "done = 2026-03-12 # signert: Kari Nordmann")).unwrap();
    let o = implan(&["set", &ps, "oppstartsmote", "status=planned"]);
    assert_eq!(
        text(&o.stdout),
        format!("marked 'oppstartsmote' planned (was done); removed done = 2026-03-12 ({ps}:196)\n")
    );
    let after = std::fs::read_to_string(&p).unwrap();
    assert!(after.contains("\n  # signert: Kari Nordmann\n"), "{after}");
}

#[test]
fn odd_done_dates_are_written_with_a_warning() {
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "future");
    let ps = p.display().to_string();
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "9999-12-31"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).starts_with("marked 'oppstartsmote' done on 9999-12-31"));
    let today = chrono::Local::now().date_naive();
    // The change is checked at once: the done-date rule's finding, with its place.
    let err = text(&o.stderr);
    assert!(err.starts_with("warning: the change brings one new finding in the plan:\nerror[done-date]: "), "{err}");
    assert!(err.contains(&format!("the done date 9999-12-31 is after today ({today})")), "{err}");
    let o = implan(&["set", &ps, "oppstartsmote", "done=2025-01-01"]);
    let err = text(&o.stderr);
    assert!(err.starts_with("warning: the change brings one new finding in the plan:\nerror[done-date]: "), "{err}");
    assert!(err.contains("the done date 2025-01-01 is before the plan starts (2026-01-01)"), "{err}");
    let o = implan(&["check", &ps, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("error[done-date]"), "{}", text(&o.stdout));
}

#[test]
fn concurrent_edits_never_lose_one() {
    // Sixteen `implan done` at once on one file, each for another activity. They take turns (each locks the
    // plan for its edit, and reads it as the one before left it), so every one gets through, and what each
    // says is true afterwards: every activity reported done is done, no other is, and the plan still loads.
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "concurrent");
    let ps = p.display().to_string();
    let listed = implan(&["schedule", &ps, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let ids: Vec<String> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["activities"].as_array().unwrap().iter())
        .filter(|a| a["status"] != "done")
        .map(|a| a["id"].as_str().unwrap().to_string())
        .take(16)
        .collect();
    assert_eq!(ids.len(), 16);
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            common::command(&["done", &ps, id, "--date", "2026-09-01"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("implan starts")
        })
        .collect();
    let mut succeeded = Vec::new();
    for (id, child) in ids.iter().zip(children) {
        let o = child.wait_with_output().unwrap();
        match o.status.code() {
            Some(0) => succeeded.push(id.clone()),
            other => panic!("{id}: exit {other:?}: {}", text(&o.stderr)),
        }
    }
    assert_eq!(succeeded.len(), 16, "every edit gets its turn");
    let after = implan(&["schedule", &ps, "--format", "json"]);
    assert_eq!(after.status.code(), Some(0), "{}", text(&after.stderr));
    let v: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    for a in v["groups"].as_array().unwrap().iter().flat_map(|g| g["activities"].as_array().unwrap().iter()) {
        let id = a["id"].as_str().unwrap().to_string();
        if ids.contains(&id) {
            assert_eq!(a["status"] == "done", succeeded.contains(&id), "{id}: reported and recorded differ");
        }
    }
    assert_eq!(temps_beside(&p), Vec::<String>::new(), "no temporary file is left behind");
}

#[test]
fn done_speaks_the_plans_language_else_the_locales() {
    // The Beiarn plan says no language: the locale's, else Bokmål.
    let (_dir, p) = copy_of("plans/beiarn-omni.toml", "bokmal");
    let ps = p.display().to_string();
    let o = common::command(&["done", &ps, "oppstartsmote", "--date", "2026-03-12"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        format!("satte status for 'oppstartsmote' til gjennomført 2026-03-12 (var planlagt) ({ps}:196)\n")
    );
    let o =
        common::command(&["set", &ps, "opstartsmote", "status=avlyst"]).env("LANG", "nn_NO.UTF-8").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        format!("feil: {ps}: ingen aktivitet har id-en eller tittelen 'opstartsmote'; mente du 'oppstartsmote'?\n")
    );
}
