//! `implan add`: a new activity written where a person would write it — after the last activity of its phase,
//! laid out like that one — and nothing else in the file changed.

use super::change::parse_value;
use super::splice::{body_entries, file_eol, line_end, line_of, line_start};
use super::verify::same_table;
use super::{BOM, EditError};
use crate::escape::toml_string;
use crate::messages::edit as m;
use crate::model::slug;
use crate::split::{Kind, Piece};
use crate::suggest::nearest;
use std::collections::HashSet;
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
///
/// A file of 1 MB or more is worked on through the piece that will hold the activity (see [`in_pieces`]), with
/// the same result byte for byte; the whole file is parsed only when that cannot be done and proved, and for
/// every error, so that the whole-file answers are the reference.
pub fn add(text: &str, new: &NewActivity) -> Result<(String, Added), EditError> {
    add_loaded(text, new, None)
}

/// [`add`], given the plan the text after its byte-order mark loads to, when the caller has it: a large file
/// is then not loaded again.
pub(super) fn add_loaded(
    text: &str,
    new: &NewActivity,
    loaded: Option<&crate::model::Plan>,
) -> Result<(String, Added), EditError> {
    let (bom, body) = split_bom(text);
    validate(new)?;
    if body.len() >= crate::load::PIECES_FROM
        && let Some((new_body, added)) = in_pieces(body, new, loaded)
    {
        return Ok((format!("{bom}{new_body}"), added));
    }
    add_whole_body(bom, body, new)
}

/// [`add`] through one whole parse of the file, whatever its size: the reference the piecewise add is tested
/// against.
pub fn add_whole(text: &str, new: &NewActivity) -> Result<(String, Added), EditError> {
    let (bom, body) = split_bom(text);
    validate(new)?;
    add_whole_body(bom, body, new)
}

/// [`add`] through the piece of the file that will hold the activity, whatever the file's size: `None` when it
/// cannot be done and proved that way, and for every error. Public so that tests can hold it to [`add_whole`].
pub fn add_in_piece(text: &str, new: &NewActivity) -> Option<(String, Added)> {
    let (bom, body) = split_bom(text);
    validate(new).ok()?;
    in_pieces(body, new, None).map(|(t, added)| (format!("{bom}{t}"), added))
}

fn split_bom(text: &str) -> (&'static str, &str) {
    match text.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", text),
    }
}

/// What can be refused before the file is read: an empty title, a date the loader would not read.
fn validate(new: &NewActivity) -> Result<(), EditError> {
    if new.title.trim().is_empty() {
        return Err(EditError::BadEdit(m::cannot_remove("title")));
    }
    crate::when::parse(&new.when).map_err(|e| EditError::BadEdit(m::cannot_read_date(&new.when, &e.message)))?;
    Ok(())
}

fn add_whole_body(bom: &str, body: &str, new: &NewActivity) -> Result<(String, Added), EditError> {
    let doc = toml_edit::Document::parse(body).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(body, s.start));
        EditError::Parse(m::toml_error_at(line, e.message().trim()))
    })?;
    let root = doc.as_table();
    let ids: Vec<String> = super::locate::activities(root).into_iter().filter_map(|a| a.id).collect();
    let taken: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let id = new_id(new, &|id| taken.contains(id), || ids.iter().map(String::as_str))?;
    let place = place(body, root, &new.phase)?;
    let eol = file_eol(body);
    let block = block(new, &id, &place, eol);
    let new_body = format!("{}{block}{}", &body[..place.at], &body[place.at..]);
    prove(body, &new_body, &place, new, &id)?;
    let line = line_of(&new_body, place.at) + 1;
    Ok((format!("{bom}{new_body}"), Added { id, line }))
}

/// The new activity's id — the one given, or one made from the title — once the ids it names in `after` are
/// known: `is_taken` says whether an activity has an id, `ids` lists them for "did you mean".
fn new_id<'i, I: Iterator<Item = &'i str>>(
    new: &NewActivity,
    is_taken: &dyn Fn(&str) -> bool,
    ids: impl Fn() -> I,
) -> Result<String, EditError> {
    let id = match &new.id {
        Some(id) if is_taken(id) => return Err(EditError::BadEdit(m::id_taken(id))),
        Some(id) => id.clone(),
        None => free_id(&slug(&new.title), is_taken),
    };
    if id.is_empty() {
        return Err(EditError::BadEdit(m::no_id_from_title()));
    }
    for before in &new.after {
        if !is_taken(before) {
            let suggestion = nearest(before, ids()).map(str::to_string);
            return Err(EditError::NotFound { id: before.clone(), suggestion });
        }
    }
    Ok(id)
}

/// `base`, or `base-2`, `base-3` … : the first that no activity has.
fn free_id(base: &str, is_taken: &dyn Fn(&str) -> bool) -> String {
    std::iter::once(base.to_string())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !is_taken(id))
        .unwrap_or_default()
}

/// What the new activity follows, found in the loaded plan: which table of which piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// The phase's last `[[phase.activity]]`.
    Nested,
    /// The last top-level `[[activity]]` naming the phase, or the last of all (`names` says which).
    TopLevel { names: bool },
    /// The phase's own `[[phase]]` table: it has no activities yet.
    Phase,
}

/// [`add`] through the piece that will hold the activity: the piecewise loader reads the plan (its ids, phases,
/// and which activity the new one follows, as [`place`] decides on the whole document); the file is cut at
/// every header ([`crate::split`]); the piece holding that activity (or the phase, when it has none) is parsed
/// alone, the block is placed and written as on the whole file, and proved on the piece as on the whole file.
/// The whole is then proved by cutting the new file again: the same pieces at the same places (moved by the
/// block after it), with the new activity's header starting a piece of its own where a header there would, or
/// counted in the phase's piece. Anything else, errors included, goes to the whole-file add.
///
/// A plan of 100,000 activities (23 MB): 3.7 s and 1.5 GB through the whole file (one `toml_edit` parse and two
/// `toml` parses of it), about 0.5 s through its piece.
fn in_pieces(body: &str, new: &NewActivity, loaded: Option<&crate::model::Plan>) -> Option<(String, Added)> {
    use crate::model::PhaseRef;
    use crate::split::split;
    let own;
    let plan = match loaded {
        Some(plan) => plan,
        None => {
            own = crate::load::load(&crate::source::Source::new("plan.toml", body)).ok()?;
            &own
        }
    };
    let old_pieces = split(body, 0)?.pieces;
    // Every phase a `[[phase]]` and every activity a `[[phase.activity]]` or `[[activity]]`: then the plan's
    // phases and activities are the document's arrays of tables, in their order.
    let phase_headers = old_pieces.iter().filter(|p| p.kind == Kind::Phases).count();
    let activity_headers: usize = old_pieces.iter().map(|p| p.activities).sum();
    if phase_headers != plan.phases.len() || activity_headers != plan.activities.len() {
        return None;
    }
    let taken: HashSet<&str> = plan.activities.iter().map(|a| a.id.value.as_str()).collect();
    // A refusal is the whole-file add's to give, with its suggestion: none is looked for here.
    let id = new_id(new, &|id| taken.contains(id), std::iter::empty).ok()?;
    let index = plan.phases.iter().position(|p| p.id.value == new.phase)?;

    let top = |a: &&crate::model::Activity| !matches!(a.phase, Some(PhaseRef::Nested(_)));
    let names = |a: &&crate::model::Activity| matches!(&a.phase, Some(PhaseRef::Named(p)) if p.value == new.phase);
    let acts = &plan.activities;
    let (anchor, what) = if let Some(a) = acts.iter().rfind(|a| a.phase == Some(PhaseRef::Nested(index))) {
        (a.span.start, Anchor::Nested)
    } else if let Some(a) = acts.iter().filter(top).rfind(names) {
        (a.span.start, Anchor::TopLevel { names: true })
    } else if acts.iter().any(|a| !top(&a)) || !acts.iter().any(|a| top(&a)) {
        (old_pieces.iter().filter(|p| p.kind == Kind::Phases).nth(index)?.range.start, Anchor::Phase)
    } else {
        (acts.iter().rfind(top)?.span.start, Anchor::TopLevel { names: false })
    };

    let k = old_pieces.iter().position(|p| p.range.contains(&anchor))?;
    let piece = &old_pieces[k];
    let eol = file_eol(body);
    // More activities of a phase parse on their own only under a phase of their own.
    let prefix = if piece.kind == Kind::PhaseActivities { format!("[[phase]]{eol}") } else { String::new() };
    let text = format!("{prefix}{}", &body[piece.range.clone()]);
    let doc = toml_edit::Document::parse(text.as_str()).ok()?;
    let mut place = place_in_piece(&text, doc.as_table(), anchor + prefix.len() - piece.range.start, what, &new.phase)?;
    if what != Anchor::Phase {
        // A piece starts at its header's `[`: the header's indent is in the piece before.
        place.header_indent = body[line_start(body, anchor)..anchor].to_string();
    }
    let block = block(new, &id, &place, eol);
    let new_text = format!("{}{block}{}", &text[..place.at], &text[place.at..]);
    prove(&text, &new_text, &place, new, &id).ok()?;
    let new_piece = new_text.strip_prefix(&prefix)?;
    let new_body = format!("{}{new_piece}{}", &body[..piece.range.start], &body[piece.range.end..]);

    let at = place.at - prefix.len() + piece.range.start;
    let header_at = at + eol.len() + place.header_indent.len();
    let expected = cut_after(&old_pieces, k, header_at, block.len(), what);
    (split(&new_body, 0)?.pieces == expected).then(|| {
        let line = line_of(&new_body, at) + 1;
        (new_body, Added { id, line })
    })
}

/// Where [`place`] puts the new activity, in a piece whose table at `anchor` (an offset in `text`) is the one
/// it follows; `None` when that table is not there as the loaded plan said, or does not name the phase.
fn place_in_piece(text: &str, root: &Table, anchor: usize, what: Anchor, phase_id: &str) -> Option<Place> {
    let at = |t: &&Table| t.span().is_some_and(|s| s.start == anchor);
    let phases: Vec<&Table> = match root.get("phase") {
        Some(Item::ArrayOfTables(a)) => a.iter().collect(),
        _ => Vec::new(),
    };
    match what {
        Anchor::Nested => phases.iter().enumerate().find_map(|(j, phase)| match phase.get("activity") {
            Some(Item::ArrayOfTables(acts)) if acts.iter().last().is_some_and(|t| at(&t)) => {
                Some(after_table(text, acts.iter().last()?, "[[phase.activity]]", false, Slot::InPhase(j)))
            }
            _ => None,
        }),
        Anchor::Phase => {
            let j = phases.iter().position(at)?;
            (phases[j].get("id").and_then(Item::as_str) == Some(phase_id)).then_some(())?;
            let mut p = after_table(text, phases[j], "[[phase.activity]]", false, Slot::InPhase(j));
            p.header_indent = p.key_indent.clone();
            Some(p)
        }
        Anchor::TopLevel { names } => {
            let Some(Item::ArrayOfTables(top)) = root.get("activity") else { return None };
            let (i, t) = top.iter().enumerate().find(|(_, t)| at(t))?;
            if names && t.get("phase").and_then(Item::as_str) != Some(phase_id) {
                return None;
            }
            Some(after_table(text, t, "[[activity]]", true, Slot::TopLevel(i + 1)))
        }
    }
}

/// The pieces the new file must be cut into: `old`, with the block of `len` bytes inserted in piece `k`, its
/// header at `header_at`. A new activity's header starts a piece where a header there would (after another
/// activity); the first activity of a phase belongs to the phase's piece.
fn cut_after(old: &[Piece], k: usize, header_at: usize, len: usize, what: Anchor) -> Vec<Piece> {
    let edited = &old[k];
    let moved = |p: &Piece| Piece { range: p.range.start + len..p.range.end + len, ..p.clone() };
    let mut out: Vec<Piece> = old[..k].to_vec();
    match what {
        Anchor::Phase => out.push(Piece {
            range: edited.range.start..edited.range.end + len,
            activities: edited.activities + 1,
            ..edited.clone()
        }),
        Anchor::Nested | Anchor::TopLevel { .. } => {
            let (kind, phases_before) = match what {
                Anchor::Nested => {
                    (Kind::PhaseActivities, edited.phases_before + usize::from(edited.kind == Kind::Phases))
                }
                _ => (Kind::Activities, edited.phases_before),
            };
            out.push(Piece { range: edited.range.start..header_at, ..edited.clone() });
            out.push(Piece { kind, range: header_at..edited.range.end + len, phases_before, activities: 1 });
        }
    }
    out.extend(old[k + 1..].iter().map(moved));
    out
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

    /// A plan that loads, cut into every kind of piece: a phase with two activities, one without, one whose
    /// activities are top-level, and top-level activities naming phases.
    const PIECES: &str = "[plan]\ntitle = \"P\"\nstart = \"2026\"\nend = \"2028\"\n\n[roles]\npl = \"Prosjektleder\"\n\n\
        [[phase]]\nid = \"p1\"\nname = \"En\"\nperiod = \"Vår 2026\"\n\n\
        \x20 [[phase.activity]]\n  id = \"a1\"\n  title = \"A1\"\n  when = \"mars 2026\"  # first\n\n\
        \x20 [[phase.activity]]\n  id = \"a2\"\n  title = \"A2\"\n  when = \"april 2026\"\n\n# the second phase\n\
        [[phase]]\nid = \"p2\"\nname = \"To\"\nperiod = \"Høst 2026\"\n\n\
        [[phase]]\nid = \"p3\"\nname = \"Tre\"\nperiod = \"Vår 2027\"\n\n\
        [[phase.activity]]\nid = \"c1\"\ntitle = \"C1\"\nwhen = \"mars 2027\"\n\n\
        [[phase]]\nid = \"p4\"\nname = \"Fire\"\nperiod = \"Høst 2027\"\n\n\
        [[activity]]\nid = \"t1\"\ntitle = \"T1\"\nphase = \"p4\"\nwhen = \"oktober 2027\"\n\n\
        [[activity]]\nid = \"t2\"\ntitle = \"T2\"\nwhen = \"2027\"\n# the end\n";

    #[test]
    fn an_activity_added_through_its_piece_is_the_one_added_to_the_whole_file() {
        let top_level = PIECES
            .replace("[[phase.activity]]\nid = \"c1\"", "[[activity]]\nphase = \"p3\"\nid = \"c1\"")
            .replace("\x20 [[phase.activity]]\n  id = \"a1\"", "[[activity]]\n  phase = \"p1\"\n  id = \"a1\"")
            .replace("\x20 [[phase.activity]]\n  id = \"a2\"", "[[activity]]\n  phase = \"p1\"\n  id = \"a2\"");
        let files = [
            PIECES.to_string(),
            PIECES.replace('\n', "\r\n"),
            format!("{BOM}{PIECES}"),
            top_level.clone(),
            PIECES.trim_end().to_string(),
            PIECES.replace("[[activity]]\n", "\t[[activity]]\n"),
        ];
        let asks = |phase: &str| {
            let mut two = new(phase, "Ny");
            two.owners = vec!["pl".into(), "rektor".into()];
            two.after = vec!["a1".into(), "t2".into()];
            [
                new(phase, "A1"),
                new(phase, "Møte «med» FAU"),
                NewActivity { id: Some("eget".into()), ..new(phase, "X") },
                two,
            ]
        };
        let mut cases = 0;
        for (f, text) in files.iter().enumerate() {
            for phase in ["p1", "p2", "p3", "p4"] {
                for ask in asks(phase) {
                    let whole = add_whole(text, &ask).expect("the whole-file add");
                    let piece = add_in_piece(text, &ask);
                    assert_eq!(piece.as_ref(), Some(&whole), "file {f}, {ask:?}");
                    assert_eq!(add(text, &ask).ok(), Some(whole));
                    cases += 1;
                }
            }
        }
        assert_eq!(cases, 96);
        // Each way of placing it is taken: after a nested activity (in the phase's piece, and in a piece of its
        // own), at the end of a phase without activities, after a top-level one naming the phase, after the last.
        let header = |text: &str, phase: &str| {
            let (new_text, added) = add_in_piece(text, &new(phase, "Ny")).expect("added");
            new_text.lines().nth(added.line - 1).map(str::to_string).unwrap_or_default()
        };
        assert_eq!(header(PIECES, "p1"), "  [[phase.activity]]");
        assert_eq!(header(PIECES, "p2"), "[[phase.activity]]");
        assert_eq!(header(PIECES, "p4"), "[[activity]]");
        assert_eq!(header(&top_level, "p2"), "[[activity]]");
        assert!(add_in_piece(&top_level, &new("p2", "Ny")).unwrap().0.ends_with(
            "when = \"2027\"\n\n[[activity]]\nid = \"ny\"\ntitle = \"Ny\"\nphase = \"p2\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n# the end\n"
        ));
    }

    #[test]
    fn a_plan_without_activities_gets_one_at_the_end_of_its_phase() {
        let blocks: Vec<&str> = PIECES.split("\n\n").filter(|block| !block.contains("activity]]")).collect();
        let bare = format!("{}\n", blocks.join("\n\n"));
        assert!(crate::load::load(&crate::source::Source::new("p.toml", bare.as_str())).is_ok(), "{bare}");
        for phase in ["p1", "p2", "p4"] {
            let whole = add_whole(&bare, &new(phase, "Ny")).expect("the whole-file add");
            assert!(whole.0.contains("\n\n[[phase.activity]]\nid = \"ny\"\n"), "in its phase: {}", whole.0);
            assert_eq!(add_in_piece(&bare, &new(phase, "Ny")), Some(whole), "{phase}");
        }
    }

    #[test]
    fn what_the_piece_cannot_add_or_prove_is_left_to_the_whole_file() {
        let piece = |text: &str, a: NewActivity| add_in_piece(text, &a);
        // Refusals: the whole-file add gives them, with their suggestions.
        assert_eq!(piece(PIECES, new("p9", "Ny")), None);
        assert_eq!(piece(PIECES, NewActivity { id: Some("a1".into()), ..new("p1", "Ny") }), None);
        assert_eq!(piece(PIECES, NewActivity { after: vec!["a9".into()], ..new("p1", "Ny") }), None);
        assert_eq!(piece(PIECES, new("p1", " ")), None);
        // A plan that does not load, or writes activities as inline tables.
        assert_eq!(piece(&PIECES.replace("start = \"2026\"\n", ""), new("p1", "Ny")), None);
        let inline = PIECES.replace(
            "[[phase]]\nid = \"p2\"\nname = \"To\"\nperiod = \"Høst 2026\"\n",
            "[[phase]]\nid = \"p2\"\nname = \"To\"\nperiod = \"Høst 2026\"\nactivity = [{ id = \"b1\", title = \"B1\", when = \"2026\" }]\n",
        );
        assert!(crate::load::load(&crate::source::Source::new("p.toml", inline.as_str())).is_ok());
        assert_eq!(piece(&inline, new("p3", "Ny")), None);
        assert!(add(&inline, &new("p3", "Ny")).is_ok(), "the whole file takes it");
        // A table under the activity it would follow: the proof on the piece fails, and the whole file's too.
        let cost = PIECES
            .replace("  when = \"april 2026\"\n", "  when = \"april 2026\"\n  [phase.activity.cost]\n  kroner = 100\n");
        assert_eq!(piece(&cost, new("p1", "Ny")), None);
        assert!(matches!(add(&cost, &new("p1", "Ny")), Err(EditError::Unsupported { .. })));
    }

    #[test]
    fn the_new_cut_is_the_old_one_with_the_block_in_its_piece() {
        use crate::split::split;
        let pieces = split(PIECES, 0).unwrap().pieces;
        let kinds: Vec<Kind> = pieces.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Phases,
                Kind::PhaseActivities,
                Kind::Phases,
                Kind::Phases,
                Kind::Phases,
                Kind::Activities,
                Kind::Activities
            ]
        );
        // After the second activity of p1: a piece of its own, after the first phase.
        let cut = cut_after(&pieces, 1, pieces[1].range.start + 60, 10, Anchor::Nested);
        assert_eq!(cut.len(), pieces.len() + 1);
        assert_eq!(cut[1].range, pieces[1].range.start..pieces[1].range.start + 60);
        assert_eq!((cut[2].kind, cut[2].phases_before, cut[2].activities), (Kind::PhaseActivities, 1, 1));
        assert_eq!(cut[2].range.end, pieces[1].range.end + 10);
        assert_eq!(cut[3].range, pieces[2].range.start + 10..pieces[2].range.end + 10);
        // After the first activity of p3, in the phase's own piece: the phases before count p3.
        let cut = cut_after(&pieces, 3, pieces[3].range.end - 1, 10, Anchor::Nested);
        assert_eq!((cut[4].kind, cut[4].phases_before), (Kind::PhaseActivities, 3));
        // In p2, which has none: its piece grows.
        let cut = cut_after(&pieces, 2, pieces[2].range.end - 1, 10, Anchor::Phase);
        assert_eq!(cut.len(), pieces.len());
        assert_eq!((cut[2].range.end, cut[2].activities), (pieces[2].range.end + 10, 1));
        // After a top-level one.
        let cut = cut_after(&pieces, 5, pieces[5].range.end - 1, 10, Anchor::TopLevel { names: true });
        assert_eq!((cut[6].kind, cut[6].phases_before, cut[6].activities), (Kind::Activities, 4, 1));
        assert_eq!(cut[7].range, pieces[6].range.start + 10..pieces[6].range.end + 10);
    }
}
