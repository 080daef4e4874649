//! `implan done` and `implan set` on real plan files: the confirmation, the exit codes, and that nothing but
//! the status changes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn implan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_implan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the implan binary runs")
}

fn copy_of(plan: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("implan-edit-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let to = dir.join("plan.toml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(plan), &to).unwrap();
    to
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

#[test]
fn done_adds_two_lines_and_the_plan_still_checks_clean() {
    let p = copy_of("plans/beiarn-omni.toml", "done");
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
    assert_eq!(added, ["  status = \"done\"", "  done = 2026-03-12"]);
    assert_eq!(after.lines().count(), before.lines().count() + 2);
    let check = implan(&["check", &ps]);
    assert_eq!(text(&check.stdout), "checked 1 file: no findings\n");
    // Done again with the same date: nothing to change, nothing written.
    let o = implan(&["done", &ps, "oppstartsmote", "--date", "2026-03-12"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("nothing changed"), "{}", text(&o.stdout));
}

#[test]
fn set_status_in_norwegian_and_back() {
    let p = copy_of("plans/beiarn-omni.toml", "set");
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
    // The status key stays (now "planned"), the done date is gone; everything else is as it was.
    let back_text = String::from_utf8(back).unwrap();
    assert_eq!(back_text.replace("  status = \"planned\"\n", ""), String::from_utf8(original).unwrap());
}

#[test]
fn unknown_activity_and_bad_status_exit_2_and_change_nothing() {
    let p = copy_of("plans/beiarn-omni.toml", "bad");
    let ps = p.display().to_string();
    let original = std::fs::read(&p).unwrap();
    let o = implan(&["done", &ps, "opstartsmote"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        format!("error: {ps}: no activity has the id 'opstartsmote'; did you mean 'oppstartsmote'?\n")
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

#[test]
fn a_failed_write_leaves_the_plan_intact() {
    let p = copy_of("plans/smart-langtidsavtale.toml", "fail");
    let ps = p.display().to_string();
    let original = std::fs::read(&p).unwrap();
    // A directory where the temporary file must go makes the write fail before the rename.
    std::fs::create_dir(p.with_file_name(".plan.toml.implan-tmp")).unwrap();
    let first = implan(&["schedule", &ps, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let id = v["groups"][0]["activities"][0]["id"].as_str().unwrap().to_string();
    let o = implan(&["done", &ps, &id, "--date", "2026-09-01"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(std::fs::read(&p).unwrap(), original);
}

#[test]
fn concurrent_edits_never_lose_one() {
    // Sixteen `implan done` at once on one file, each for another activity. Each either succeeds or refuses
    // (exit 1: the file changed under it, or another implan holds the temporary file); whatever it says is
    // true afterwards: every activity reported done is done, no other is, and the plan still loads.
    let p = copy_of("plans/beiarn-omni.toml", "concurrent");
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
            Command::new(env!("CARGO_BIN_EXE_implan"))
                .args(["done", &ps, id, "--date", "2026-09-01"])
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
            Some(1) => {
                let e = text(&o.stderr);
                assert!(e.contains("changed") || e.contains("already exists"), "{id}: {e}");
            }
            other => panic!("{id}: exit {other:?}: {}", text(&o.stderr)),
        }
    }
    assert!(!succeeded.is_empty(), "at least one edit gets through");
    let after = implan(&["schedule", &ps, "--format", "json"]);
    assert_eq!(after.status.code(), Some(0), "{}", text(&after.stderr));
    let v: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    for a in v["groups"].as_array().unwrap().iter().flat_map(|g| g["activities"].as_array().unwrap().iter()) {
        let id = a["id"].as_str().unwrap().to_string();
        if ids.contains(&id) {
            assert_eq!(a["status"] == "done", succeeded.contains(&id), "{id}: reported and recorded differ");
        }
    }
    assert!(!edit_temp_exists(&p), "no temporary file is left behind");
}

fn edit_temp_exists(p: &Path) -> bool {
    p.with_file_name(".plan.toml.implan-tmp").exists()
}
