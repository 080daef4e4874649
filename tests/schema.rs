//! `implan.schema.json`: current, named by every shipped plan, true of all of them, and refusing what the loader
//! refuses.

mod common;

use common::root;

use implan::export::json_schema::{json_schema, json_schema_string};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

/// Broken on purpose: they show the loader's own rules.
const BROKEN: &[&str] =
    &["examples/rules/invalid-toml.toml", "examples/rules/invalid-plan.toml", "examples/nynorsk-mistakes.toml"];

fn validator() -> jsonschema::Validator {
    jsonschema::options().should_validate_formats(true).build(&json_schema()).expect("the schema compiles")
}

/// TOML as an editor hands it to a JSON Schema validator: dates and times as their text.
fn to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => Json::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

/// What the schema says is wrong with a plan, each with where.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let table: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("not TOML: {e}\n{text}"));
    let json = to_json(&toml::Value::Table(table));
    validator.iter_errors(&json).map(|e| format!("{} (at '{}')", e, e.instance_path())).collect()
}

fn loads(text: &str) -> bool {
    implan::load::load(&implan::source::Source::new("t.toml", text)).is_ok()
}

/// Every `*.toml` below `dir`, sorted, as paths relative to the repository root.
fn toml_files(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), &mut out);
    let mut names: Vec<String> =
        out.iter().map(|p| p.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/")).collect();
    names.sort();
    names
}

fn shipped_plans() -> Vec<String> {
    let files: Vec<String> = toml_files("plans").into_iter().chain(toml_files("examples")).collect();
    assert!(files.len() >= 20, "plans/ and examples/ hold the shipped plans: {files:?}");
    files
}

#[test]
fn the_shipped_schema_is_current() {
    let shipped = std::fs::read_to_string(root().join("implan.schema.json")).unwrap_or_default();
    assert!(
        shipped == json_schema_string(),
        "implan.schema.json is not what `implan schema` prints; regenerate it: cargo run -- schema > implan.schema.json"
    );
}

#[test]
fn every_shipped_plan_names_the_schema_on_its_first_line() {
    let schema = root().join("implan.schema.json").canonicalize().unwrap();
    // The example of missing-schema is the one plan that must not name it.
    for file in shipped_plans().into_iter().filter(|f| !f.ends_with("rules/missing-schema.toml")) {
        let text = std::fs::read_to_string(root().join(&file)).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let Some(relative) = first.strip_prefix("#:schema ") else {
            panic!("{file} does not start with a #:schema line, but with: {first}");
        };
        let named = root().join(&file).parent().unwrap().join(relative.trim());
        assert_eq!(named.canonicalize().ok().as_ref(), Some(&schema), "{file}: {first}");
    }
}

#[test]
fn every_shipped_plan_is_valid() {
    let v = validator();
    let mut checked = 0;
    for file in shipped_plans().iter().filter(|f| !BROKEN.contains(&f.as_str())) {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        assert_eq!(schema_errors(&v, &text), Vec::<String>::new(), "{file}");
        checked += 1;
    }
    assert!(checked >= 18);
    // The broken plan is broken for the schema too.
    let text = std::fs::read_to_string(root().join("examples/rules/invalid-plan.toml")).unwrap();
    assert!(!schema_errors(&v, &text).is_empty());
}

#[test]
fn documented_plans_are_valid() {
    let v = validator();
    for doc in ["docs/format.md", "README.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        let blocks: Vec<&str> = text
            .split("```toml\n")
            .skip(1)
            .filter_map(|rest| rest.split("```").next())
            .filter(|b| b.contains("[plan]\n"))
            .collect();
        assert!(!blocks.is_empty(), "{doc} has an example plan");
        for block in blocks {
            assert_eq!(schema_errors(&v, block), Vec::<String>::new(), "{doc}:\n{block}");
        }
    }
}

const PLAN: &str = r#"[plan]
title = "T"
start = "vår 2026"
end = 2027
lang = "nb"

[roles]
rektorer = "Rektorer"
styringsgruppe = { name = "Styringsgruppe", members = ["rektorer"] }

[goal]
id = "g"
text = "G"
sub = { trygghet = "Trygghet", foreldre = { text = "Foreldre", description = "…" } }

[[component]]
id = "c"
name = "C"
contents = ["a", "b"]

[[phase]]
id = "p"
name = "Oppstart"
period = "Vår 2026"

  [[phase.activity]]
  title = "Oppstartsmøte"
  when = 2026-03-12
  owner = ["rektorer", "styringsgruppe"]
  components = "c"
  goals = ["trygghet"]
  status = "Gjennomført"
  done = 2026-03-12

[[activity]]
title = "Kartlegging"
when = "høst 2026"
duration = "2 uker"
owner = "rektorer"
phase = "p"
kind = "evaluering"
allow = ["idle-gap"]

[[recurring]]
id = "r"
title = "R"
kind = "evaluering"
count = "1-2"
per = "år"

[lint.rules]
idle-gap = "warn"

[lint.options]
idle-gap-months = 6
summer-months = [7, "juni"]
"#;

/// `PLAN` with `old` replaced by `new` (which must be there).
fn with(old: &str, new: &str) -> String {
    assert!(PLAN.contains(old), "{old}");
    PLAN.replacen(old, new, 1)
}

#[test]
fn what_the_loader_refuses_the_schema_refuses_too() {
    let v = validator();
    assert!(loads(PLAN));
    assert_eq!(schema_errors(&v, PLAN), Vec::<String>::new());
    let broken = [
        with("owner = \"rektorer\"\n", "ownr = \"rektorer\"\n"),
        with("status = \"Gjennomført\"", "status = \"halvferdig\""),
        with("[lint.rules]", "[plans]\ntitle = \"x\"\n\n[lint.rules]"),
        with("lang = \"nb\"", "lang = \"se\""),
        with("end = 2027", "end = 27"),
        with("rektorer = \"Rektorer\"", "rektorer = { name = \"Rektorer\", leder = \"x\" }"),
        with("sub = { trygghet = \"Trygghet\"", "sub = { trygghet = 1"),
        with("contents = [\"a\", \"b\"]", "contents = [\"a\", 2]"),
        with("period = \"Vår 2026\"\n", "period = \"Vår 2026\"\nperiode = \"x\"\n"),
        with("  status = \"Gjennomført\"", "  phase = \"p\"\n  status = \"Gjennomført\""),
        with("when = \"høst 2026\"\n", ""),
        with("duration = \"2 uker\"", "duration = \"2 uker\"\nend = \"desember 2026\""),
        with("allow = [\"idle-gap\"]", "allow = [\"idle-gaps\"]"),
        with("count = \"1-2\"", "count = \"1-2\"\nevery = \"år\""),
        with("per = \"år\"", "per = \"fortnight\""),
        with("per = \"år\"\n", ""),
        with("count = \"1-2\"", "count = \"en\""),
        with("idle-gap = \"warn\"", "idle-gaps = \"warn\""),
        with("idle-gap = \"warn\"", "idle-gap = \"loud\""),
        with("idle-gap-months = 6", "idle-gap-months = 25"),
        with("summer-months = [7, \"juni\"]", "summer-months = [13]"),
        with("[lint.options]", "[lint.options]\nslack = 1"),
    ];
    for plan in &broken {
        assert!(!loads(plan), "the loader takes:\n{plan}");
        assert!(!schema_errors(&v, plan).is_empty(), "the schema takes:\n{plan}");
    }
}

#[test]
fn an_unknown_key_or_a_wrong_status_is_named_with_its_place() {
    let v = validator();
    let e = schema_errors(&v, &with("owner = \"rektorer\"\n", "ownr = \"rektorer\"\n"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("'ownr' was unexpected") && e[0].contains("'/activity/0'"), "{e:?}");
    let e = schema_errors(&v, &with("status = \"Gjennomført\"", "status = \"halvferdig\""));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("\"halvferdig\"") && e[0].contains("'/phase/0/activity/0/status'"), "{e:?}");
}

/// A plan with every table of the format, each with its required keys, and a marker (`#TABLE`) where more of
/// its keys can go.
const EVERY_TABLE: &str = r#"[plan]
title = "T"
start = "vår 2026"
end = "høst 2026"
#PLAN

[agreement]
#AGREEMENT

[budget]
#BUDGET

[roles]
pl = "P"

[roles.sg]
name = "S"
#ROLE

[goal]
id = "g"
text = "G"
#GOAL

[goal.sub.s]
text = "S"
#SUB_GOAL

[[component]]
id = "c"
name = "C"
#COMPONENT

[[phase]]
id = "p"
name = "P"
period = "vår 2026"
#PHASE

[[activity]]
title = "A"
when = "mars 2026"
owner = "pl"
#ACTIVITY

[activity.cost]
amount = 100
#COST

[[recurring]]
id = "r"
title = "R"
kind = "k"
every = "6 måneder"
#REQUIREMENT

[lint]
#LINT

[lint.options]
#LINT_OPTIONS
"#;

/// A value of the wrong type for a key, where the type is plain enough to say so.
fn wrong_value(v: &implan::schema::Value) -> Option<&'static str> {
    use implan::schema::Value as V;
    match v {
        V::String | V::Text | V::Word(_) | V::When | V::Day => Some("true"),
        V::OneOrList(V::String) => Some("true"),
        V::Integer { .. } | V::Boolean => Some("\"x\""),
        _ => None,
    }
}

// Every key the schema names is read by the loader: a value of the wrong type is an error at its line, never
// accepted in silence ([agreement] notes once took any type).
#[test]
fn every_optional_key_is_checked_for_its_type() {
    use implan::schema;
    assert!(loads(&EVERY_TABLE.replace('#', "# ")), "the template loads");
    let tables: [(&str, &schema::Table); 13] = [
        ("PLAN", &schema::PLAN),
        ("AGREEMENT", &schema::AGREEMENT),
        ("BUDGET", &schema::BUDGET),
        ("ROLE", &schema::ROLE),
        ("GOAL", &schema::GOAL),
        ("SUB_GOAL", &schema::SUB_GOAL),
        ("COMPONENT", &schema::COMPONENT),
        ("PHASE", &schema::PHASE),
        ("ACTIVITY", &schema::ACTIVITY),
        ("COST", &schema::COST),
        ("REQUIREMENT", &schema::REQUIREMENT),
        ("LINT", &schema::LINT),
        ("LINT_OPTIONS", &schema::LINT_OPTIONS),
    ];
    let mut tried = 0;
    for (marker, table) in tables {
        for key in table.keys.iter().filter(|k| !k.required) {
            let Some(wrong) = wrong_value(&key.value) else { continue };
            let line = format!("{} = {wrong}", key.name);
            let text = EVERY_TABLE.replace(&format!("#{marker}\n"), &format!("{line}\n"));
            if text.matches(&format!("\n{} = ", key.name)).count() > 1 {
                continue; // the template has it already (phase's period, say)
            }
            let at = text.lines().position(|l| l == line).expect("inserted") + 1;
            let source = implan::source::Source::new("t.toml", text.as_str());
            let errors = match implan::load::load(&source) {
                Ok(_) => panic!("[{marker}] {line} is accepted"),
                Err(findings) => findings,
            };
            let lines: Vec<usize> =
                errors.iter().filter_map(|f| f.span.as_ref()).map(|s| source.line_col(s.start).line).collect();
            assert!(lines.contains(&at), "[{marker}] {line}: no error at line {at}: {errors:#?}");
            tried += 1;
        }
    }
    assert!(tried > 40, "only {tried} keys tried");
}
