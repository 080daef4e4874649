//! `implan check --fix`, `--unsafe-fixes` and `--diff` on real files: what is fixed, what is left, what a diff
//! shows, and that a fix keeps every other byte.

mod common;

use common::TempDir;
use std::process::Output;

fn english(dir: &TempDir, args: &[&str]) -> Output {
    let mut cmd = common::command_in(dir.dir(), args);
    cmd.env("LANG", "en_US.UTF-8");
    cmd.output().expect("the implan binary runs")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

fn json_findings(o: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    v["findings"].as_array().unwrap().clone()
}

#[test]
fn every_rule_example_with_a_safe_fix_is_left_without_that_finding_and_diff_shows_what_fix_writes() {
    let mut fixed_any = 0;
    for entry in std::fs::read_dir(common::root().join("examples/rules")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let dir = TempDir::new("fix-example");
        dir.copy(&format!("examples/rules/{name}"), &name);
        let before = std::fs::read_to_string(dir.join(&name)).unwrap();
        let o = english(&dir, &["check", &name, "--format", "json", "--lang", "en"]);
        let safe: Vec<serde_json::Value> =
            json_findings(&o).into_iter().filter(|f| f["fix"]["applicability"] == "safe").collect();
        let diff = english(&dir, &["check", &name, "--diff", "--lang", "en"]);
        assert_eq!(std::fs::read_to_string(dir.join(&name)).unwrap(), before, "{name}: --diff writes nothing");
        if safe.is_empty() {
            assert_eq!(diff.status.code(), Some(0), "{name}");
            assert_eq!(text(&diff.stdout), "", "{name}");
            continue;
        }
        assert_eq!(diff.status.code(), Some(1), "{name}: something to fix");
        let fix = english(&dir, &["check", &name, "--fix", "--lang", "en", "--format", "json"]);
        assert!(text(&fix.stderr).starts_with("warning: made "), "{name}: {}", text(&fix.stderr));
        let after = std::fs::read_to_string(dir.join(&name)).unwrap();
        // The diff is the change --fix made, line for line.
        let shown = text(&diff.stdout);
        let added: Vec<&str> =
            shown.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).map(|l| &l[1..]).collect();
        assert!(!added.is_empty(), "{name}: the diff adds lines");
        for line in &added {
            assert!(after.lines().any(|l| l == *line), "{name}: {line:?} is in the fixed file");
        }
        let left = json_findings(&fix);
        for f in &safe {
            assert!(
                !left.iter().any(|l| l["rule"] == f["rule"] && l["message"] == f["message"]),
                "{name}: {} is fixed",
                f["message"]
            );
        }
        assert!(left.iter().all(|l| l["fix"]["applicability"] != "safe"), "{name}: no safe fix is left");
        fixed_any += 1;
    }
    assert!(fixed_any >= 1, "at least one example has a safe fix");
}

#[test]
fn the_beiarn_plan_as_written_gets_its_three_phases_relabelled_only_with_unsafe_fixes() {
    let dir = TempDir::new("fix-beiarn");
    dir.copy("examples/beiarn-as-written.toml", "plan.toml");
    let safe = english(&dir, &["check", "plan.toml", "--diff", "--lang", "en"]);
    assert_eq!((safe.status.code(), text(&safe.stdout)), (Some(0), String::new()), "no safe fix there");
    let o = english(&dir, &["check", "plan.toml", "--diff", "--unsafe-fixes", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("beiarn_unsafe_diff", format!("{}--- stderr\n{}", text(&o.stdout), text(&o.stderr)));
    let o = english(&dir, &["check", "plan.toml", "--fix", "--unsafe-fixes", "--lang", "en", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1), "errors are left");
    assert_eq!(text(&o.stderr), "warning: made 3 fixes in 1 file; what is left follows\n");
    assert!(!text(&o.stdout).contains("season-mismatch"), "{}", text(&o.stdout));
    let after = std::fs::read_to_string(dir.join("plan.toml")).unwrap();
    for label in ["period = \"Vår 2026\"", "period = \"Høst 2026\"", "period = \"Vår 2027\""] {
        assert!(after.contains(label), "{label}");
    }
}

#[test]
fn a_fix_keeps_the_byte_order_mark_and_crlf_and_standard_input_is_never_written() {
    let dir = TempDir::new("fix-bytes");
    let plan = std::fs::read_to_string(common::root().join("examples/rules/invalid-plan.toml")).unwrap();
    let crlf = format!("\u{feff}{}", plan.replace('\n', "\r\n"));
    dir.write("p.toml", crlf.as_bytes());
    let o = english(&dir, &["check", "p.toml", "--fix", "--lang", "en"]);
    assert!(text(&o.stderr).starts_with("warning: made 1 fix in 1 file;"), "{}", text(&o.stderr));
    let after = std::fs::read_to_string(dir.join("p.toml")).unwrap();
    assert_eq!(after, crlf.replacen("  ownr = [", "  owner = [", 1));
    let o = english(&dir, &["check", "-", "--fix"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stderr), "error: --fix cannot write to standard input; use --diff to see the fixes\n");
}

#[test]
fn json_and_sarif_carry_the_fix() {
    let dir = TempDir::new("fix-json");
    dir.copy("examples/rules/invalid-plan.toml", "p.toml");
    let o = english(&dir, &["check", "p.toml", "--format", "json", "--lang", "en"]);
    let fixes: Vec<serde_json::Value> =
        json_findings(&o).into_iter().filter_map(|f| f["fix"].as_object().cloned().map(Into::into)).collect();
    assert_eq!(
        fixes,
        [serde_json::json!({
            "applicability": "safe",
            "message": "write 'owner'",
            "edits": [ { "line": 48, "column": 3, "end_line": 48, "end_column": 7, "replacement": "owner" } ],
        })]
    );
    let o = english(&dir, &["check", "p.toml", "--format", "sarif", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let with_fix: Vec<&serde_json::Value> =
        v["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r.get("fixes").is_some()).collect();
    assert_eq!(with_fix.len(), 1);
    let change = &with_fix[0]["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "p.toml");
    assert_eq!(change["replacements"][0]["deletedRegion"]["startLine"], 48);
    assert_eq!(change["replacements"][0]["insertedContent"]["text"], "owner");
}
