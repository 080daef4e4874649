//! The JSON Schema (draft-07) of the plan format, from its one description in [`crate::schema`]: for editors
//! (Even Better TOML / taplo read it through a `#:schema` directive on a plan's first line), printed by
//! `implan schema` and shipped as `implan.schema.json`. It lives with the exports because it says what each rule
//! id means, which the rules know.

use crate::schema::{DOCUMENT, Key, Table, Value, Words};
use serde_json::{Map, Value as Json, json};

/// The JSON Schema (draft-07) of a plan file.
pub fn json_schema() -> Json {
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
    schema.insert("title".into(), json!("implan plan"));
    schema.extend(table_schema(&DOCUMENT, &[]));
    Json::Object(schema)
}

/// [`json_schema`] as pretty JSON, with a newline at the end: the text of `implan.schema.json`.
pub fn json_schema_string() -> String {
    crate::json::document(&json_schema())
}

fn table_schema(table: &Table, without: &[&str]) -> Map<String, Json> {
    let keys: Vec<&Key> = table.keys.iter().filter(|k| !without.contains(&k.name)).collect();
    let mut properties = Map::new();
    for k in &keys {
        let mut s = value_schema(&k.value);
        s.insert("description".into(), json!(k.doc));
        properties.insert(k.name.into(), Json::Object(s));
    }
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut s = Map::new();
    s.insert("type".into(), json!("object"));
    s.insert("description".into(), json!(table.doc));
    s.insert("properties".into(), Json::Object(properties));
    s.insert("additionalProperties".into(), json!(false));
    if !required.is_empty() {
        s.insert("required".into(), json!(required));
        // Taplo inserts these keys when it completes the table.
        s.insert("x-taplo".into(), json!({ "initKeys": required }));
    }
    // No `allOf` here: taplo does not offer a schema's own properties for completion when it has `allOf`.
    let exclusive: Vec<Json> = table.exclusive.iter().map(|p| json!({ "required": p })).collect();
    if let [pair] = exclusive.as_slice() {
        s.insert("not".into(), pair.clone());
    } else if !exclusive.is_empty() {
        s.insert("not".into(), json!({ "anyOf": exclusive }));
    }
    if !table.one_of.is_empty() {
        let each: Vec<Json> = table.one_of.iter().map(|k| json!({ "required": [k] })).collect();
        s.insert("oneOf".into(), Json::Array(each));
    }
    if !table.needs.is_empty() {
        let mut deps = Map::new();
        for [a, b] in table.needs {
            deps.insert((*a).into(), json!([b]));
        }
        s.insert("dependencies".into(), Json::Object(deps));
    }
    s
}

fn value_schema(value: &Value) -> Map<String, Json> {
    let date_strings = || {
        vec![
            json!({ "type": "string" }),
            json!({ "type": "string", "format": "date" }),
            json!({ "type": "string", "format": "date-time" }),
            json!({ "type": "string", "format": "partial-date-time" }),
        ]
    };
    let s = match value {
        Value::String | Value::Text => json!({ "type": "string" }),
        Value::OneOrList(v) => {
            let one = Json::Object(value_schema(v));
            json!({ "anyOf": [one.clone(), { "type": "array", "items": one }] })
        }
        Value::When => {
            let mut any = date_strings();
            any.push(json!({ "type": "integer", "minimum": crate::when::FIRST_YEAR, "maximum": 9999 }));
            json!({ "anyOf": any })
        }
        Value::Day => json!({ "anyOf": date_strings() }),
        Value::Integer { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Value::Boolean => json!({ "type": "boolean" }),
        Value::Word(words) => word_schema(words),
        Value::Count => json!({ "anyOf": [
            { "type": "integer", "minimum": 0, "maximum": u32::MAX },
            { "type": "string", "pattern": r"^\s*[0-9]+\s*(?:[-–—]\s*[0-9]+\s*)?$" },
        ] }),
        Value::AnyOf(values) => {
            json!({ "anyOf": values.iter().map(|v| Json::Object(value_schema(v))).collect::<Vec<_>>() })
        }
        Value::Table(t) => Json::Object(table_schema(t, &[])),
        Value::Tables { table, without } => json!({ "type": "array", "items": table_schema(table, without) }),
        Value::Map { keys, value } => {
            let entry = value_schema(value);
            let mut s = Map::new();
            s.insert("type".into(), json!("object"));
            match keys {
                None => {
                    s.insert("additionalProperties".into(), Json::Object(entry));
                }
                Some(words) => {
                    let mut properties = Map::new();
                    for w in words.list() {
                        let mut e = entry.clone();
                        if let Some(doc) = word_doc(words, w) {
                            e.insert("description".into(), json!(doc));
                        }
                        properties.insert(w.into(), Json::Object(e));
                    }
                    s.insert("properties".into(), Json::Object(properties));
                    s.insert("additionalProperties".into(), json!(false));
                }
            }
            Json::Object(s)
        }
        Value::StringOr(t) => {
            let short = t.keys.first().map_or("", |k| k.doc);
            json!({ "anyOf": [{ "type": "string", "description": short }, table_schema(t, &[])] })
        }
    };
    match s {
        Json::Object(m) => m,
        _ => unreachable!("every value schema is an object"),
    }
}

fn word_doc(words: &Words, word: &str) -> Option<&'static str> {
    match words {
        Words::RuleIds => crate::diag::RuleId::parse(word).map(|r| crate::rules::rule(r).summary.en),
        _ => None,
    }
}

/// A closed set of words: `enum` for completion, and a pattern that also takes them in any letter case (as the
/// loader does).
fn word_schema(words: &Words) -> Json {
    let list = words.list();
    let alternatives = |ws: &[&str]| ws.iter().map(|w| any_case(w)).collect::<Vec<_>>().join("|");
    let pattern = match words {
        Words::RuleIds => return json!({ "type": "string", "enum": list }),
        Words::Fixed { suffixed, .. } if !suffixed.is_empty() => {
            let whole: Vec<&str> = list.iter().copied().filter(|w| !suffixed.contains(w)).collect();
            format!(r"^\s*(?:{}|(?:{})(?:[-_.@].*)?)\s*$", alternatives(&whole), alternatives(suffixed))
        }
        Words::Fixed { .. } => format!(r"^\s*(?:{})\s*$", alternatives(&list)),
        Words::Months => format!(r"^(?:{})\.*$", alternatives(&list)),
    };
    json!({ "type": "string", "anyOf": [{ "enum": list }, { "pattern": pattern }] })
}

/// A regular expression that matches the word in any letter case: `pågår` → `[pP][åÅ][gG][åÅ][rR]`.
fn any_case(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let (lower, upper): (Vec<char>, Vec<char>) = (c.to_lowercase().collect(), c.to_uppercase().collect());
        match (lower.as_slice(), upper.as_slice()) {
            ([l], [u]) if l != u => {
                out.push('[');
                out.push(*l);
                out.push(*u);
                out.push(']');
            }
            _ if c.is_ascii_punctuation() && c != '-' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Status};

    fn validator() -> jsonschema::Validator {
        jsonschema::options().should_validate_formats(true).build(&json_schema()).expect("a valid schema")
    }

    #[test]
    fn the_schema_is_draft_7() {
        assert!(jsonschema::draft7::meta::is_valid(&json_schema()));
        assert!(json_schema_string().ends_with("}\n"));
        assert_eq!(serde_json::from_str::<Json>(&json_schema_string()).unwrap(), json_schema());
    }

    #[test]
    fn words_in_any_case_and_nothing_else() {
        let v = validator();
        let plan = |status: &str, lang: &str| {
            json!({
                "plan": { "title": "T", "start": "vår 2026", "end": 2027, "lang": lang },
                "activity": [{ "title": "A", "when": "2026-03-12", "status": status }],
            })
        };
        for (status, lang) in
            [("Gjennomført", "nb"), (" PÅGÅR ", "nb_NO.UTF-8"), ("in progress", "en-GB"), ("done", "Bokmål")]
        {
            assert!(v.is_valid(&plan(status, lang)), "{status} {lang}");
            assert!(Status::parse(status).is_some() && Lang::parse(lang).is_some());
        }
        for (status, lang) in [("nope", "nb"), ("done", "se"), ("done", "bokmål_NO"), ("gjennomførtx", "nb")] {
            assert!(!v.is_valid(&plan(status, lang)), "{status} {lang}");
            assert!(Status::parse(status).is_none() || Lang::parse(lang).is_none());
        }
        assert_eq!(any_case("i gang."), r"[iI] [gG][aA][nN][gG]\.");
    }

    #[test]
    fn dates_counts_and_keys_that_go_together() {
        let v = validator();
        let plan = |when: Json, recurring: Json| {
            json!({
                "plan": { "title": "T", "start": "2026-01-01", "end": "2026-12-31" },
                "activity": [{ "title": "A", "when": when, "done": "2026-03-12" }],
                "recurring": [recurring],
            })
        };
        let r = json!({ "id": "r", "title": "R", "kind": "k", "every": "halvår" });
        for when in [json!(2026), json!("mars 2026"), json!("2026-03-12"), json!("2026-03-12T10:00:00")] {
            assert!(v.is_valid(&plan(when.clone(), r.clone())), "{when}");
        }
        for when in [json!(26), json!(true), json!(["mars 2026"])] {
            assert!(!v.is_valid(&plan(when.clone(), r.clone())), "{when}");
        }
        let ok = [
            json!({ "id": "r", "title": "R", "kind": "k", "count": 4, "per": "År" }),
            json!({ "id": "r", "title": "R", "kind": "k", "count": "4–8", "per": "term" }),
        ];
        for r in ok {
            assert!(v.is_valid(&plan(json!(2026), r.clone())), "{r}");
        }
        let bad = [
            json!({ "id": "r", "title": "R", "every": "år" }),
            json!({ "id": "r", "title": "R", "kind": "k", "every": "år", "count": 4, "per": "år" }),
            json!({ "id": "r", "title": "R", "kind": "k", "every": "år", "per": "år" }),
            json!({ "id": "r", "title": "R", "kind": "k", "count": 4 }),
            json!({ "id": "r", "title": "R", "kind": "k", "count": "fire", "per": "år" }),
            json!({ "id": "r", "title": "R", "kind": "k", "count": 4, "per": "fortnight" }),
        ];
        for r in bad {
            assert!(!v.is_valid(&plan(json!(2026), r.clone())), "{r}");
        }
        let both = json!({
            "plan": { "title": "T", "start": 2026, "end": 2026 },
            "activity": [{ "title": "A", "when": 2026, "end": 2026, "duration": "3 dager" }],
        });
        assert!(!v.is_valid(&both), "end and duration exclude each other");
    }

    #[test]
    fn phase_activities_cannot_name_a_phase() {
        let v = validator();
        let plan = |activity: Json| {
            json!({
                "plan": { "title": "T", "start": 2026, "end": 2026 },
                "phase": [{ "id": "p", "name": "P", "period": "Vår 2026", "activity": [activity] }],
            })
        };
        assert!(v.is_valid(&plan(json!({ "title": "A", "when": 2026 }))));
        assert!(!v.is_valid(&plan(json!({ "title": "A", "when": 2026, "phase": "p" }))));
        let top = json!({ "plan": { "title": "T", "start": 2026, "end": 2026 }, "activity": [{ "title": "A", "when": 2026, "phase": "p" }] });
        assert!(v.is_valid(&top));
    }

    #[test]
    fn lint_rules_are_rule_ids_with_levels() {
        let v = validator();
        let plan = |lint: Json| json!({ "plan": { "title": "T", "start": 2026, "end": 2026 }, "lint": lint });
        let good = json!({
            "rules": { "idle-gap": "Allow", "phase-order": "deny" },
            "options": { "idle-gap-months": 24, "summer-months": [7, "Juli", "aug."], "cadence-tolerance": 0 },
        });
        assert!(v.is_valid(&plan(good)));
        for bad in [
            json!({ "rules": { "idle-gaps": "allow" } }),
            json!({ "rules": { "idle-gap": "sometimes" } }),
            json!({ "options": { "idle-gap-months": 25 } }),
            json!({ "options": { "summer-months": [13] } }),
            json!({ "options": { "summer-months": "vår" } }),
            json!({ "options": { "slack": 1 } }),
        ] {
            assert!(!v.is_valid(&plan(bad.clone())), "{bad}");
        }
        let schema = json_schema();
        let rules = &schema["properties"]["lint"]["properties"]["rules"]["properties"];
        assert_eq!(rules.as_object().unwrap().len(), crate::rules::ALL.len());
        assert_eq!(rules["cadence"]["description"], crate::rules::by_id("cadence").unwrap().summary.en);
    }
}
