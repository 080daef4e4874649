//! `implan add`: a new activity written where a person would write it — after the last activity of its phase,
//! laid out like that one — and nothing else in the file changed.

use super::change::parse_value;
use super::splice::{body_entries, file_eol, line_end, line_of, line_start};
use super::verify::same_table;
use super::{BOM, EditError};
use crate::escape::toml_string;
use crate::messages::edit as m;
use crate::model::slug;
use crate::suggest::nearest;
use toml_edit::{Item, Table};

/// What `implan add` asks for: the activity's keys, checked as the loader checks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    pub phase: String,
    pub title: String,
    pub when: String,
    pub owners: Vec<String>,
    pub after: Vec<String>,
    /// The id to give it; without one, the title's slug (made unique with `-2`, `-3` …).
    pub id: Option<String>,
}

/// What was added: the id, and the line of its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: String,
    pub line: usize,
}

/// Where the new activity goes, and how it is written there.
struct Place {
    /// The byte offset the block is inserted at: the start of the line after the last key-value before it.
    at: usize,
    header: &'static str,
    header_indent: String,
    key_indent: String,
    /// `phase = "…"` is written for a top-level activity.
    names_phase: bool,
    /// Where it lands in the data, for the proof: the phase's index for `[[phase.activity]]`, else the index in
    /// the top-level `activity` array.
    slot: Slot,
}

enum Slot {
    InPhase(usize),
    TopLevel(usize),
}

/// The new text with the activity added. Pure.
pub fn add(text: &str, new: &NewActivity) -> Result<(String, Added), EditError> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text),
    };
    if new.title.trim().is_empty() {
        return Err(EditError::BadEdit(m::cannot_remove("title")));
    }
    crate::when::parse(&new.when).map_err(|e| EditError::BadEdit(m::cannot_read_date(&new.when, &e.message)))?;
    let doc = toml_edit::Document::parse(body).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(body, s.start));
        EditError::Parse(m::toml_error_at(line, e.message().trim()))
    })?;
    let root = doc.as_table();
    let taken: Vec<String> = super::locate::activities(root).into_iter().filter_map(|a| a.id).collect();
    let id = match &new.id {
        Some(id) if taken.contains(id) => return Err(EditError::BadEdit(m::id_taken(id))),
        Some(id) => id.clone(),
        None => free_id(&slug(&new.title), &taken),
    };
    if id.is_empty() {
        return Err(EditError::BadEdit(m::no_id_from_title()));
    }
    for before in &new.after {
        if !taken.contains(before) {
            let suggestion = nearest(before, taken.iter().map(String::as_str)).map(str::to_string);
            return Err(EditError::NotFound { id: before.clone(), suggestion });
        }
    }
    let place = place(body, root, &new.phase)?;
    let eol = file_eol(body);
    let block = block(new, &id, &place, eol);
    let new_body = format!("{}{block}{}", &body[..place.at], &body[place.at..]);
    prove(body, &new_body, &place, new, &id)?;
    let line = line_of(&new_body, place.at) + 1;
    Ok((format!("{bom}{new_body}"), Added { id, line }))
}

/// `base`, or `base-2`, `base-3` … : the first that no activity has.
fn free_id(base: &str, taken: &[String]) -> String {
    let free = |id: &String| !taken.contains(id);
    std::iter::once(base.to_string()).chain((2..).map(|n| format!("{base}-{n}"))).find(free).unwrap_or_default()
}

/// The phase's table and index, by id; an unknown id is refused with the nearest one.
fn phase<'d>(root: &'d Table, id: &str) -> Result<(usize, &'d Table), EditError> {
    let phases: Vec<&Table> = match root.get("phase") {
        Some(Item::ArrayOfTables(a)) => a.iter().collect(),
        _ => Vec::new(),
    };
    let id_of = |t: &Table| t.get("id").and_then(Item::as_str).map(str::to_string);
    match phases.iter().position(|t| id_of(t).as_deref() == Some(id)) {
        Some(i) => Ok((i, phases[i])),
        None => {
            let ids: Vec<String> = phases.iter().filter_map(|t| id_of(t)).collect();
            let near = nearest(id, ids.iter().map(String::as_str)).map(str::to_string);
            Err(EditError::BadEdit(m::unknown_phase(id, near.as_deref(), &ids)))
        }
    }
}

/// After the last activity of the phase (nested, or top-level naming it); else at the end of the phase when the
/// plan nests activities; else after the last top-level activity (or at the end of the file).
fn place(body: &str, root: &Table, phase_id: &str) -> Result<Place, EditError> {
    let (index, phase) = phase(root, phase_id)?;
    let nested = |t: &Table| matches!(t.get("activity"), Some(Item::ArrayOfTables(a)) if !a.is_empty());
    if let Some(Item::ArrayOfTables(acts)) = phase.get("activity")
        && let Some(last) = acts.iter().last()
    {
        return Ok(after_table(body, last, "[[phase.activity]]", false, Slot::InPhase(index)));
    }
    let top: Vec<&Table> = match root.get("activity") {
        Some(Item::ArrayOfTables(a)) => a.iter().collect(),
        Some(Item::Value(v)) if v.is_array() => return Err(EditError::BadEdit(m::inline_activities())),
        _ => Vec::new(),
    };
    let of_phase = top.iter().rposition(|t| t.get("phase").and_then(Item::as_str) == Some(phase_id));
    if let Some(i) = of_phase {
        return Ok(after_table(body, top[i], "[[activity]]", true, Slot::TopLevel(i + 1)));
    }
    let phases_nest = match root.get("phase") {
        Some(Item::ArrayOfTables(a)) => a.iter().any(nested),
        _ => false,
    };
    if phases_nest || top.is_empty() {
        // At the end of the phase's own keys, in the phase's style.
        let mut p = after_table(body, phase, "[[phase.activity]]", false, Slot::InPhase(index));
        p.header_indent = p.key_indent.clone();
        return Ok(p);
    }
    let last = top[top.len() - 1];
    Ok(after_table(body, last, "[[activity]]", true, Slot::TopLevel(top.len())))
}

/// The place after `table`'s last key-value, indented as its header and keys are.
fn after_table(body: &str, table: &Table, header: &'static str, names_phase: bool, slot: Slot) -> Place {
    let header_start = table.span().map_or(0, |s| s.start);
    let header_indent = body[line_start(body, header_start)..header_start].to_string();
    let last = body_entries(table).into_iter().max_by_key(|r| r.end);
    let (key_indent, at) = match last {
        Some(r) => (body[line_start(body, r.start)..r.start].to_string(), line_end(body, r.end).0),
        None => (header_indent.clone(), line_end(body, header_start).0),
    };
    Place { at, header, header_indent, key_indent, names_phase, slot }
}

/// The lines of the new activity: a blank line, the header, the keys.
fn block(new: &NewActivity, id: &str, place: &Place, eol: &str) -> String {
    let mut keys: Vec<(&str, String)> = vec![("id", toml_string(id, false)), ("title", toml_string(&new.title, false))];
    if place.names_phase {
        keys.push(("phase", toml_string(&new.phase, false)));
    }
    keys.push(("when", toml_string(&new.when, false)));
    if let Some(owner) = list_value(&new.owners, true) {
        keys.push(("owner", owner));
    }
    if let Some(after) = list_value(&new.after, false) {
        keys.push(("after", after));
    }
    let (hi, ki) = (&place.header_indent, &place.key_indent);
    let mut out = String::new();
    out.push_str(eol);
    out.push_str(&format!("{hi}{}{eol}", place.header));
    for (k, v) in keys {
        out.push_str(&format!("{ki}{k} = {v}{eol}"));
    }
    out
}

/// One text as a string when `one_as_text`, else a list; nothing for none.
fn list_value(items: &[String], one_as_text: bool) -> Option<String> {
    match items {
        [] => None,
        [one] if one_as_text => Some(toml_string(one, false)),
        many => Some(format!("[{}]", many.iter().map(|s| toml_string(s, false)).collect::<Vec<_>>().join(", "))),
    }
}

/// The new text holds the old data and the new activity, in its place, and nothing else.
fn prove(old: &str, new: &str, place: &Place, activity: &NewActivity, id: &str) -> Result<(), EditError> {
    let refuse = |reason| EditError::Unsupported { id: id.to_string(), reason };
    let mut expected: toml::Table =
        old.parse().map_err(|e: toml::de::Error| refuse(m::old_text_unreadable(&e.to_string())))?;
    let actual: toml::Table = new.parse().map_err(|e: toml::de::Error| refuse(m::new_text_not_toml(&e.to_string())))?;
    let mut table = toml::Table::new();
    table.insert("id".into(), toml::Value::String(id.to_string()));
    table.insert("title".into(), toml::Value::String(activity.title.clone()));
    if place.names_phase {
        table.insert("phase".into(), toml::Value::String(activity.phase.clone()));
    }
    table.insert("when".into(), toml::Value::String(activity.when.clone()));
    for (key, items, one_as_text) in [("owner", &activity.owners, true), ("after", &activity.after, false)] {
        if let Some(v) = list_value(items, one_as_text).as_deref().and_then(parse_value) {
            table.insert(key.into(), v);
        }
    }
    let array = match place.slot {
        Slot::InPhase(i) => expected
            .get_mut("phase")
            .and_then(|p| p.as_array_mut())
            .and_then(|p| p.get_mut(i))
            .and_then(|p| p.as_table_mut())
            .map(|p| p.entry("activity").or_insert_with(|| toml::Value::Array(Vec::new()))),
        Slot::TopLevel(_) => Some(expected.entry("activity").or_insert_with(|| toml::Value::Array(Vec::new()))),
    };
    let Some(toml::Value::Array(array)) = array else { return Err(refuse(m::activity_lost())) };
    let at = match place.slot {
        Slot::InPhase(_) => array.len(),
        Slot::TopLevel(i) => i.min(array.len()),
    };
    array.insert(at, toml::Value::Table(table));
    if same_table(&expected, &actual) { Ok(()) } else { Err(refuse(m::more_than_status())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(phase: &str, title: &str) -> NewActivity {
        NewActivity {
            phase: phase.into(),
            title: title.into(),
            when: "mars 2026".into(),
            owners: vec!["pl".into()],
            after: Vec::new(),
            id: None,
        }
    }

    const NESTED: &str = "[plan]\ntitle = \"P\"\n\n[[phase]]\nid = \"a\"\nname = \"A\"\n\n  [[phase.activity]]\n  id = \"x\"\n  title = \"X\"\n  when = \"2026\"  # comment\n\n# about b\n[[phase]]\nid = \"b\"\nname = \"B\"\n";

    #[test]
    fn after_the_last_activity_of_its_phase_laid_out_like_it() {
        let (text, added) = add(NESTED, &new("a", "Møte med FAU")).unwrap();
        assert_eq!(
            text,
            NESTED.replace(
                "  when = \"2026\"  # comment\n",
                "  when = \"2026\"  # comment\n\n  [[phase.activity]]\n  id = \"mote-med-fau\"\n  title = \"Møte med FAU\"\n  when = \"mars 2026\"\n  owner = \"pl\"\n"
            )
        );
        assert_eq!(added, Added { id: "mote-med-fau".into(), line: 13 });
        // A phase without activities, in a plan that nests them: at the end of the phase's keys.
        let mut two = new("b", "X");
        two.owners = vec!["pl".into(), "rektor".into()];
        two.after = vec!["x".into()];
        let (text, added) = add(&NESTED.replace('\n', "\r\n"), &two).unwrap();
        assert!(
            text.ends_with("name = \"B\"\r\n\r\n[[phase.activity]]\r\nid = \"x-2\"\r\ntitle = \"X\"\r\nwhen = \"mars 2026\"\r\nowner = [\"pl\", \"rektor\"]\r\nafter = [\"x\"]\r\n"),
            "{text:?}"
        );
        assert_eq!(added.id, "x-2", "the title's id is taken: the next free one");
    }

    #[test]
    fn top_level_activities_get_one_naming_the_phase() {
        let text = "\u{feff}[[phase]]\nid = \"a\"\n\n[[activity]]\nid = \"x\"\nphase = \"a\"\ntitle = \"X\"\nwhen = \"2026\"\n\n[[activity]]\nid = \"y\"\ntitle = \"Y\"\nwhen = \"2026\"\n";
        let (new_text, _) = add(text, &new("a", "Z")).unwrap();
        assert_eq!(
            new_text,
            text.replace(
                "when = \"2026\"\n\n[[activity]]\nid = \"y\"",
                "when = \"2026\"\n\n[[activity]]\nid = \"z\"\ntitle = \"Z\"\nphase = \"a\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n\n[[activity]]\nid = \"y\""
            )
        );
        // A phase none of them names: after the last one.
        let text = "[[phase]]\nid = \"a\"\n[[phase]]\nid = \"b\"\n[[activity]]\nid = \"x\"\nphase = \"a\"\ntitle = \"X\"\nwhen = \"2026\"\n";
        let (new_text, _) = add(text, &new("b", "Z")).unwrap();
        assert!(new_text.ends_with("when = \"2026\"\n\n[[activity]]\nid = \"z\"\ntitle = \"Z\"\nphase = \"b\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n"), "{new_text}");
    }

    #[test]
    fn an_id_given_is_taken_when_free() {
        let (text, added) = add(NESTED, &NewActivity { id: Some("eget".into()), ..new("a", "X") }).unwrap();
        assert_eq!(added.id, "eget");
        assert!(text.contains("  id = \"eget\"\n  title = \"X\"\n"), "{text}");
    }

    #[test]
    fn a_plan_that_nests_activities_gets_one_nested_in_an_empty_phase_though_others_are_top_level() {
        let text = format!("{NESTED}\n[[activity]]\nid = \"t\"\ntitle = \"T\"\nwhen = \"2026\"\n");
        let (new_text, _) = add(&text, &new("b", "Y")).unwrap();
        assert!(new_text.contains("name = \"B\"\n\n[[phase.activity]]\nid = \"y\"\n"), "{new_text}");
        assert!(!new_text.contains("phase = \"b\""));
        // A top-level `activity` that is no list at all holds no activities to follow.
        let odd = "activity = 3\n[[phase]]\nid = \"a\"\n";
        let (new_text, _) = add(odd, &new("a", "Z")).unwrap();
        assert!(
            new_text.ends_with(
                "id = \"a\"\n\n[[phase.activity]]\nid = \"z\"\ntitle = \"Z\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n"
            ),
            "{new_text}"
        );
    }

    #[test]
    fn what_cannot_be_added_is_refused() {
        let err = |a: NewActivity| add(NESTED, &a).unwrap_err().to_string();
        assert_eq!(
            err(new("aa", "T")),
            "the plan has no phase with the id 'aa' (its phases are a, b); did you mean 'a'?"
        );
        assert!(err(NewActivity { when: "snart".into(), ..new("a", "T") }).starts_with("cannot read the date 'snart'"));
        assert_eq!(
            err(NewActivity { id: Some("x".into()), ..new("a", "T") }),
            "an activity has the id 'x' already; give another with --id"
        );
        assert_eq!(err(new("a", "!!")), "the title makes no id (no letters or digits); give one with --id");
        assert_eq!(err(new("a", " ")), "'title' cannot be removed: every activity needs one; write title=…");
        assert_eq!(
            err(NewActivity { after: vec!["xx".into()], ..new("a", "T") }),
            "no activity has the id or title 'xx'; did you mean 'x'?"
        );
        let inline = "[[phase]]\nid = \"a\"\n\nactivity = [{ id = \"x\" }]\n";
        assert!(add(inline, &new("a", "T")).is_err());
        let top_inline = "activity = [{ id = \"x\" }]\n[[phase]]\nid = \"a\"\n";
        assert!(
            add(top_inline, &new("a", "T"))
                .unwrap_err()
                .to_string()
                .starts_with("this plan writes its activities as a list")
        );
    }

    #[test]
    fn titles_and_names_with_quotes_and_control_characters_are_written_as_toml_reads_them() {
        let mut a = new("a", "«Trygg» \"skole\"\t\\ \u{7}");
        a.owners = vec!["o'neil".into()];
        let (text, added) = add(NESTED, &a).unwrap();
        let table: toml::Table = text.parse().unwrap();
        let acts = table["phase"][0]["activity"].as_array().unwrap();
        assert_eq!(acts[1]["title"].as_str(), Some("«Trygg» \"skole\"\t\\ \u{7}"));
        assert_eq!(acts[1]["owner"].as_str(), Some("o'neil"));
        assert_eq!(acts[1]["id"].as_str(), Some(added.id.as_str()));
    }
}
