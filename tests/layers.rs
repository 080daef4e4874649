//! The library's layers (ARCHITECTURE.md), enforced: every `crate::` path in `src/` may point to its own layer or
//! one below, never up, and the top-level modules import each other without a cycle. Test code (`#[cfg(test)]`
//! modules) may reach anywhere to build what it needs, so it is left out.

mod common;

use std::collections::{BTreeMap, BTreeSet};

/// Each top-level module of the library and its layer, lowest first. A new module needs a line here: the
/// test fails on a module it does not know.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "text and places",
        &["source", "lang", "diag", "messages", "rule_id", "escape", "json", "suggest", "write", "fix"],
    ),
    (
        "plan model",
        &["when", "calendar", "model", "plan_index", "lint", "schema", "split", "i18n", "load", "skolerute"],
    ),
    ("analyses", &["config", "rules", "views", "export", "edit", "init", "diff"]),
    ("commands", &["check", "render", "cli", "commands"]),
];

/// The top-level module a file of `src/` belongs to (`src/rules/cadence.rs` → `rules`); `None` for the crate
/// root and the binary, which may use everything.
fn module_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main" | "bin")).then_some(name)
}

/// The text of a file without its test modules: from the first `#[cfg(test)]` that opens a module to the end
/// (test modules come last in a file, as rustfmt and clippy's `items_after_test_module` expect).
fn without_tests(text: &str) -> &str {
    let mut at = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let next = lines.peek().map_or("", |l| l.trim_start());
        if line.trim() == "#[cfg(test)]" && (next.starts_with("mod ") || next.contains(" mod ")) {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

/// The lines of code, without whole-line comments: a doc link to a higher layer (`[crate::rules::ALL]`) says
/// where to read on, it is not a dependency.
fn code_of(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The top-level modules a text names through `crate::…`, including grouped imports (`crate::{a, b::C}`).
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `implan_crate::` or the like: not this crate's root
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => items.push(std::mem::take(&mut item)),
                    _ if depth == 1 => item.push(c),
                    _ => {}
                }
                if depth == 0 {
                    items.push(std::mem::take(&mut item));
                    break;
                }
            }
            for item in items {
                let head: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !head.is_empty() && head != "self" {
                    found.insert(head);
                }
            }
        } else {
            let head: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !head.is_empty() {
                found.insert(head);
            }
        }
    }
    found
}

/// What is wrong with the imports of these files (path relative to the repository, text): modules without a
/// layer, imports that point up a layer, cycles between top-level modules.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let layer_of: BTreeMap<&str, usize> =
        LAYERS.iter().enumerate().flat_map(|(i, (_, ms))| ms.iter().map(move |m| (*m, i))).collect();
    let mut out = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else { continue };
        let Some(&own) = layer_of.get(module) else {
            out.push(format!("{path}: module '{module}' has no layer in tests/layers.rs"));
            continue;
        };
        for target in crate_paths(&code_of(without_tests(text))) {
            if target == module {
                continue;
            }
            match layer_of.get(target.as_str()) {
                Some(&to) if to > own => out.push(format!(
                    "{path}: '{module}' ({}) uses '{target}' ({}), a layer above",
                    LAYERS[own].0, LAYERS[to].0
                )),
                Some(_) => {
                    edges.entry(module.to_string()).or_default().insert(target);
                }
                None => {}
            }
        }
    }
    out.extend(cycles(&edges));
    out
}

/// Every cycle among the modules, each reported once as the path that closes it (`a -> b -> a`).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        out: &mut Vec<String>,
    ) {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            out.push(format!("cycle: {}", cycle.join(" -> ")));
            return;
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, path, done, out);
        }
        path.pop();
        done.insert(node.to_string());
    }
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        visit(node, edges, &mut Vec::new(), &mut done, &mut out);
    }
    out
}

fn source_files() -> Vec<(String, String)> {
    let root = common::root();
    let mut files = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                files.push((rel, text));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_import_points_down_a_layer_and_no_modules_form_a_cycle() {
    let files = source_files();
    assert!(files.len() > 50, "read {} files of src/", files.len());
    let wrong = violations(&files);
    assert!(wrong.is_empty(), "the layers of ARCHITECTURE.md are broken:\n{}", wrong.join("\n"));
}

#[test]
fn every_top_level_module_has_its_layer() {
    let known: BTreeSet<&str> = LAYERS.iter().flat_map(|(_, ms)| ms.iter().copied()).collect();
    let found: BTreeSet<String> = source_files().iter().filter_map(|(p, _)| module_of(p).map(String::from)).collect();
    let found: BTreeSet<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, known, "tests/layers.rs lists exactly the modules of src/");
}

fn file(path: &str, text: &str) -> (String, String) {
    (path.to_string(), text.to_string())
}

#[test]
fn a_back_edge_fails() {
    let files = [
        file("src/model.rs", "use crate::rules::Ctx;\npub struct Plan;\n"),
        file("src/rules/mod.rs", "use crate::model::Plan;\n"),
    ];
    assert_eq!(violations(&files), ["src/model.rs: 'model' (plan model) uses 'rules' (analyses), a layer above"]);
}

#[test]
fn a_cycle_within_a_layer_fails() {
    let files = [
        file("src/load.rs", "use crate::{model::Plan, schema};\n"),
        file("src/model.rs", "fn f() { crate::load::load(); }\n"),
        file("src/schema.rs", "\n"),
    ];
    assert_eq!(violations(&files), ["cycle: load -> model -> load"]);
}

#[test]
fn test_modules_and_other_crates_do_not_count() {
    let files = [
        file("src/model.rs", "use crate::when::When;\n\n#[cfg(test)]\nmod tests {\n    use crate::rules::run;\n}\n"),
        file("src/when.rs", "/// Read on in [`crate::rules`].\nfn f() { my_crate::rules(); }\n"),
        file("src/main.rs", "use implan::check;\n"),
    ];
    assert_eq!(violations(&files), Vec::<String>::new());
    assert_eq!(
        crate_paths("use crate::{diag::{Finding, Span}, self, model};"),
        ["diag", "model"].map(String::from).into()
    );
}

#[test]
fn a_module_without_a_layer_is_named() {
    let files = [file("src/newthing.rs", "use crate::model::Plan;\n")];
    assert_eq!(violations(&files), ["src/newthing.rs: module 'newthing' has no layer in tests/layers.rs"]);
}
