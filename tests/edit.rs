//! `implan done` / `implan set` through the library: edits of copies of the real plans in a temp dir.

mod common;

use chrono::NaiveDate;
use common::{TempDir, root, temps_beside};
use implan::check::check_source;
use implan::edit::{self, Edit, EditError};
use implan::model::{Lang, Status};
use implan::source::Source;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn plans() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(root().join("plans"))
        .expect("plans/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    out.sort();
    assert!(!out.is_empty());
    out
}

/// A copy of `plans/<name>` in a fresh temp dir, with the dir's guard: keep it while the test uses the copy.
fn copy_plan(test: &str, name: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new(&format!("edit-{test}"));
    let to = dir.copy(&format!("plans/{name}"), name);
    (dir, to)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (rule, message) of every finding: spans move when lines are added, messages must not change.
fn findings(path: &Path, text: &str) -> Vec<(String, String)> {
    check_source(&Source::new(path, text))
        .into_iter()
        .map(|f| (f.rule.to_string(), f.message.en().to_owned()))
        .collect()
}

fn plan_lang(path: &Path, text: &str) -> Option<Lang> {
    implan::load::load(&Source::new(path, text)).expect("the shipped plan loads").lang
}

fn activity_ids(path: &Path, text: &str) -> Vec<String> {
    let plan = implan::load::load(&Source::new(path, text)).expect("the shipped plan loads");
    plan.activities.iter().map(|a| a.id.value.clone()).collect()
}

/// The lines `new` has that `old` has not, if `new` is `old` with one block of lines inserted.
fn inserted_lines<'a>(old: &str, new: &'a str) -> Option<Vec<&'a str>> {
    let o: Vec<&str> = old.split_inclusive('\n').collect();
    let n: Vec<&str> = new.split_inclusive('\n').collect();
    let head = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let tail = o[head..].iter().rev().zip(n[head..].iter().rev()).take_while(|(a, b)| a == b).count();
    (head + tail == o.len()).then(|| n[head..n.len() - tail].to_vec())
}

#[test]
fn marking_any_activity_of_any_shipped_plan_done_adds_two_lines_and_changes_no_findings() {
    let mut edited = 0;
    for path in plans() {
        let text = fs::read_to_string(&path).unwrap();
        let before = findings(&path, &text);
        assert_eq!(before, vec![], "{} has findings", path.display());
        for id in activity_ids(&path, &text) {
            let (new, out) = edit::apply(&text, &id, &Edit::done_on(day("2026-11-23"))).unwrap();
            assert!(out.changed);
            assert_eq!((out.old_status, out.new_status), (Status::Planned, Some(Status::Done)));
            let added = inserted_lines(&text, &new).unwrap_or_else(|| panic!("{id}: more than an insertion"));
            let indent = &added[0][..added[0].len() - added[0].trim_start().len()];
            // Every shipped plan is Norwegian (`lang` nb or nn) and writes no status yet: the plan's word.
            assert!(matches!(plan_lang(&path, &text), Some(Lang::Nb | Lang::Nn)), "{}", path.display());
            assert_eq!(added, [format!("{indent}status = \"gjennomført\"\n"), format!("{indent}done = 2026-11-23\n")]);
            // The header line the outcome points at is the activity's.
            let header = text.lines().nth(out.line - 1).unwrap().trim();
            assert!(header == "[[activity]]" || header == "[[phase.activity]]", "{id}: line {}", out.line);
            assert_eq!(findings(&path, &new), before, "{id} in {}", path.display());
            let plan = implan::load::load(&Source::new(&path, new.as_str())).unwrap();
            let a = plan.activities.iter().find(|a| a.id.value == id).unwrap();
            assert_eq!((a.status, a.done.as_ref().map(|d| d.value)), (Status::Done, Some(day("2026-11-23"))));
            edited += 1;
        }
    }
    assert!(edited > 50, "only {edited} activities");
}

#[test]
fn edit_file_marks_the_first_activity_of_every_plan_done() {
    for plan in plans() {
        let name = plan.file_name().unwrap().to_str().unwrap();
        let (_dir, path) = copy_plan("first", name);
        let text = fs::read_to_string(&path).unwrap();
        let id = activity_ids(&path, &text).remove(0);
        let out = edit::edit_file(&path, &id, &Edit::done_on(day("2026-11-23"))).unwrap();
        let new = fs::read_to_string(&path).unwrap();
        assert_eq!(new, edit::apply(&text, &id, &Edit::done_on(day("2026-11-23"))).unwrap().0);
        assert_eq!(findings(&path, &new), vec![]);
        let msg = out.message(&path).en().to_owned();
        assert_eq!(msg, format!("marked '{id}' done on 2026-11-23 (was planned) ({}:{})", path.display(), out.line));
        assert_eq!(temps_beside(&path), Vec::<String>::new());
    }
}

#[test]
fn beiarn_first_activity_exact_text() {
    let (_dir, path) = copy_plan("beiarn", "beiarn-omni.toml");
    let text = fs::read_to_string(&path).unwrap();
    let out = edit::edit_file(&path, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    let expected = text.replacen(
        "  owner = [\"kommunalsjef\", \"prosjektleder\"]\n\n",
        "  owner = [\"kommunalsjef\", \"prosjektleder\"]\n  status = \"gjennomført\"\n  done = 2026-11-23\n\n",
        1,
    );
    assert_ne!(expected, text);
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    assert_eq!(text.lines().nth(out.line - 1), Some("  [[phase.activity]]"));
    assert_eq!(text.lines().nth(out.line), Some("  id = \"oppstartsmote\""));
}

#[test]
fn crlf_and_bom_survive_an_edit_of_a_real_plan() {
    let tmp = TempDir::new("edit-crlf");
    let dir = tmp.dir();
    let lf = fs::read_to_string(root().join("plans/beiarn-omni.toml")).unwrap();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let path = dir.join("beiarn.toml");
    fs::write(&path, &crlf).unwrap();
    edit::edit_file(&path, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    let (lf_new, _) = edit::apply(&lf, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), format!("\u{feff}{}", lf_new.replace('\n', "\r\n")));
}

#[test]
fn setting_planned_again_removes_done() {
    let (_dir, path) = copy_plan("planned", "mot-kommuneavtale.toml");
    let text = fs::read_to_string(&path).unwrap();
    let id = activity_ids(&path, &text).remove(1);
    edit::edit_file(&path, &id, &Edit::done_on(day("2026-11-23"))).unwrap();
    let out = edit::edit_file(&path, &id, &Edit::from_assignments(&["status=planlagt"]).unwrap()).unwrap();
    assert_eq!(
        (out.old_status, out.old_done, out.new_status, out.done),
        (Status::Done, Some(day("2026-11-23")), Some(Status::Planned), None)
    );
    let new = fs::read_to_string(&path).unwrap();
    let added = inserted_lines(&text, &new).unwrap();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].trim(), "status = \"planlagt\"");
    assert_eq!(findings(&path, &new), vec![]);
}

#[test]
fn unknown_and_duplicate_ids_are_refused_and_nothing_is_written() {
    let (_dir, path) = copy_plan("ids", "beiarn-omni.toml");
    let before = fs::read(&path).unwrap();
    match edit::edit_file(&path, "oppstartsmte", &Edit::status(Status::Done)) {
        Err(EditError::NotFound { suggestion: Some(s), .. }) => assert_eq!(s, "oppstartsmote"),
        other => panic!("{other:?}"),
    }
    let text = String::from_utf8(before.clone()).unwrap();
    let dup = text.replacen("id = \"kartlegging\"", "id = \"oppstartsmote\"", 1);
    assert_ne!(dup, text);
    fs::write(&path, &dup).unwrap();
    match edit::edit_file(&path, "oppstartsmote", &Edit::status(Status::Done)) {
        Err(e @ EditError::Ambiguous { count: 2, .. }) => assert!(e.to_string().contains("2 activities")),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), dup);
}

#[test]
fn a_refused_write_leaves_the_original_intact() {
    // A read-only plan is refused (as an editor asks first), whoever runs it: root may write anything.
    let (_dir, path) = copy_plan("failing", "beiarn-omni.toml");
    let before = fs::read(&path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    match edit::edit_file(&path, "oppstartsmote", &Edit::done_on(day("2026-11-23"))) {
        Err(e @ EditError::Write(_)) => {
            assert!(e.to_string().contains("is read-only; the plan is unchanged (--force writes it anyway)"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(temps_beside(&path), Vec::<String>::new());
    // A temporary file left by a run that died blocks nobody, and goes.
    fs::write(path.with_file_name(".beiarn-omni.toml.Xy12Zq.implan-tmp"), "half").unwrap();
    fs::write(path.with_file_name(".beiarn-omni.toml.implan-tmp"), "half, old name").unwrap();
    let out = edit::edit_file_with(&path, "oppstartsmote", &Edit::done_on(day("2026-11-23")), true, None).unwrap();
    assert_eq!(out.forced, vec![implan::write::Forced::ReadOnly]);
    assert_ne!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444, "still read-only");
    assert_eq!(temps_beside(&path), Vec::<String>::new());
    assert!(!path.with_file_name(".beiarn-omni.toml.implan-tmp").exists());
}

#[test]
fn permissions_are_kept() {
    let (_dir, path) = copy_plan("perms", "smart-langtidsavtale.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let id = activity_ids(&path, &text).pop().unwrap();
    let out = edit::edit_file(&path, &id, &Edit::done_on(day("2026-11-23"))).unwrap();
    assert!(out.changed);
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o7777, 0o640);
}

#[test]
fn a_change_on_disk_since_reading_is_refused() {
    let (_dir, path) = copy_plan("changed", "beiarn-omni.toml");
    let read = fs::read(&path).unwrap();
    let theirs = format!("{}# added by someone else\n", String::from_utf8(read.clone()).unwrap());
    fs::write(&path, &theirs).unwrap();
    match edit::edit_bytes(&path, &read, "oppstartsmote", &Edit::done_on(day("2026-11-23"))) {
        Err(e @ EditError::Changed) => assert!(e.to_string().contains("nothing was written")),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(temps_beside(&path), Vec::<String>::new(), "the temp file is removed");
    // Also when the edit would change nothing: the caller's view is out of date.
    let (done, _) = edit::apply(&theirs, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    let stale = theirs.into_bytes();
    fs::write(&path, b"[plan]\n").unwrap();
    assert!(matches!(
        edit::edit_bytes(&path, done.as_bytes(), "oppstartsmote", &Edit::done_on(day("2026-11-23"))),
        Err(EditError::Changed)
    ));
    // A removed file is a change too.
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        edit::edit_bytes(&path, &stale, "oppstartsmote", &Edit::done_on(day("2026-11-23"))),
        Err(EditError::Changed)
    ));
    assert!(!path.exists());
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let (_dir, path) = copy_plan("nothing", "beiarn-omni.toml");
    edit::edit_file(&path, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let bytes = fs::read(&path).unwrap();
    let out = edit::edit_file(&path, "oppstartsmote", &Edit::status(Status::Done)).unwrap();
    assert!(!out.changed);
    assert_eq!(out.done, Some(day("2026-11-23")));
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode, "not rewritten");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_symbolic_link_stays_a_link() {
    let tmp = TempDir::new("edit-symlink");
    let dir = tmp.dir();
    let real = dir.join("real.toml");
    fs::copy(root().join("plans/beiarn-omni.toml"), &real).unwrap();
    let link = dir.join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).unwrap();
    edit::edit_file(&link, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("done = 2026-11-23"));
}

#[test]
fn unreadable_files_are_errors() {
    let tmp = TempDir::new("edit-bad");
    let dir = tmp.dir();
    let edit = Edit::done_on(day("2026-11-23"));
    assert!(matches!(edit::edit_file(&dir.join("missing.toml"), "a", &edit), Err(EditError::Read(_))));
    let latin1 = dir.join("latin1.toml");
    fs::write(&latin1, b"[[activity]]\nid = \"a\"\ntitle = \"M\xf8te\"\n").unwrap();
    assert!(matches!(edit::edit_file(&latin1, "a", &edit), Err(EditError::NotText)));
    let broken = dir.join("broken.toml");
    fs::write(&broken, "[plan]\ntitle = \"x\n").unwrap();
    match edit::edit_file(&broken, "a", &edit) {
        Err(e @ EditError::Parse(_)) => assert!(e.to_string().contains("line 2"), "{e}"),
        other => panic!("{other:?}"),
    }
    let shapes = dir.join("shapes.toml");
    fs::write(&shapes, "activity = 3\n[phase]\nactivity = \"x\"\n").unwrap();
    assert!(matches!(edit::edit_file(&shapes, "a", &edit), Err(EditError::NotFound { .. })));
    assert_eq!(fs::read_dir(dir).unwrap().count(), 3, "no temp files left behind");
}

#[test]
fn the_file_is_replaced_whole_never_rewritten_in_place() {
    // A reader that opened the plan before the edit (an editor, a backup, `implan watch`) must see either the
    // old file or the new one, never a half-written one: the edit writes a new file and renames it over the old.
    use std::io::Read;
    let (_dir, path) = copy_plan("atomic", "beiarn-omni.toml");
    let before = fs::read(&path).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let mut reader = fs::File::open(&path).unwrap();
    let out = edit::edit_file(&path, "oppstartsmote", &Edit::done_on(day("2026-11-23"))).unwrap();
    assert!(out.changed);
    assert_ne!(fs::metadata(&path).unwrap().ino(), inode, "a new file took the name");
    let mut seen = Vec::new();
    reader.read_to_end(&mut seen).unwrap();
    assert_eq!(seen, before, "the open file still holds every old byte");
    assert!(fs::read_to_string(&path).unwrap().contains("done = 2026-11-23"));
    assert_eq!(temps_beside(&path), Vec::<String>::new(), "no temporary file is left");
}
