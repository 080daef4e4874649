//! What an edit changes in an activity: its `status` and `done`, as splices of the text and as data to check them by.

use super::locate::Found;
use super::splice::{Splice, add_inline, add_lines, file_eol, line_end, line_start, remove_entry, separator};
use super::wording::Wording;
use super::{Edit, EditError, NewValue};
use crate::escape::toml_string;
use crate::lang::Text;
use crate::messages::edit as m;
use crate::model::Status;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;
use toml_edit::{Item, TableLike, Value};

/// What the edit does to the data, for checking the new text against the old.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Change<T> {
    Keep,
    Set(T),
    Remove,
}

pub(super) struct EditPlan {
    pub(super) splices: Vec<Splice>,
    pub(super) status: Change<String>,
    pub(super) done: Change<NaiveDate>,
    pub(super) old_status: Status,
    pub(super) old_done: Option<NaiveDate>,
    pub(super) new_done: Option<NaiveDate>,
    /// The other keys changed, with the text of their values before and after (TOML, as in the file).
    pub(super) keys: Vec<KeyChange>,
}

/// A key-value of the activity changed, as TOML text: `old` as the file had it, `new` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyChange {
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A key-value of the activity that implan may edit: a plain value with spans.
pub(super) struct Entry<'d> {
    pub(super) value: &'d Value,
    pub(super) key_span: Range<usize>,
    pub(super) value_span: Range<usize>,
}

fn entry<'d>(t: &'d dyn TableLike, name: &str, id: &str) -> Result<Option<Entry<'d>>, EditError> {
    let Some((key, item)) = t.get_key_value(name) else { return Ok(None) };
    let unsupported = |reason: fn(&str) -> Text| EditError::Unsupported { id: id.to_string(), reason: reason(name) };
    let value = match item {
        Item::Value(v) if v.as_inline_table().is_some_and(|t| t.is_dotted()) => {
            return Err(unsupported(m::key_dotted));
        }
        Item::Value(v) => v,
        Item::Table(_) | Item::ArrayOfTables(_) => return Err(unsupported(m::key_is_table)),
        Item::None => return Ok(None),
    };
    match (key.span(), value.span()) {
        (Some(key_span), Some(value_span)) => Ok(Some(Entry { value, key_span, value_span })),
        _ => Err(unsupported(m::key_misplaced)),
    }
}

/// What to splice for `edit`, with a status written in `wording`.
pub(super) fn plan_edit(
    body: &str,
    found: &Found<'_>,
    id: &str,
    edit: &Edit,
    wording: Wording,
) -> Result<EditPlan, EditError> {
    let t = found.table;
    let status_e = entry(t, "status", id)?;
    let done_e = entry(t, "done", id)?;

    let old_done = done_e.as_ref().and_then(|e| date_value(e.value));
    let old_status = match &status_e {
        Some(e) => e.value.as_str().and_then(Status::parse).unwrap_or(Status::Planned),
        None if done_e.is_some() => Status::Done,
        None => Status::Planned,
    };
    let mut plan = EditPlan {
        splices: Vec::new(),
        status: Change::Keep,
        done: Change::Keep,
        old_status,
        old_done,
        new_done: old_done,
        keys: Vec::new(),
    };
    // Key-values to add at the end of the activity, in order.
    let mut add: Vec<(&str, String)> = Vec::new();
    if let Some(status) = edit.status {
        let word = wording.word(status);
        progress(body, found, edit, (status, word), (&status_e, &done_e), &mut plan, &mut add);
    }
    other_keys(body, found, id, edit, &mut plan, &mut add)?;
    if !add.is_empty() {
        plan.splices.push(if found.inline {
            add_inline(t, found.anchor, &add)
        } else {
            add_lines(body, t, found.anchor, &add)
        });
    }
    Ok(plan)
}

/// The new `status` (written as `word`) and `done`.
fn progress(
    body: &str,
    found: &Found<'_>,
    edit: &Edit,
    (status, word): (Status, &str),
    (status_e, done_e): (&Option<Entry<'_>>, &Option<Entry<'_>>),
    plan: &mut EditPlan,
    add: &mut Vec<(&str, String)>,
) {
    let t = found.table;
    let old_done = plan.old_done;
    // A new status that goes on its own line just before `done`.
    let mut status_before_done = false;

    // `done` first: whether it stays decides whether a missing status must be written. A day offered for an
    // activity without a done date is taken only when there is no `done` key at all.
    let wanted = edit.done.or(edit.if_undated.filter(|_| done_e.is_none()));
    let (done_change, new_done) = match (status, wanted, done_e) {
        (Status::Done, Some(d), Some(_)) if old_done == Some(d) => (Change::Keep, Some(d)),
        (Status::Done, Some(d), Some(e)) => {
            plan.splices.push(Splice { range: e.value_span.clone(), text: toml_date(d) });
            (Change::Set(d), Some(d))
        }
        (Status::Done, Some(d), None) => {
            add.push(("done", toml_date(d)));
            (Change::Set(d), Some(d))
        }
        (Status::Done, None, _) => (Change::Keep, old_done),
        (_, _, Some(e)) => {
            plan.splices.push(remove_entry(body, t, found.inline, e));
            (Change::Remove, None)
        }
        (_, _, None) => (Change::Keep, None),
    };
    let done_stays = done_e.is_some() && done_change != Change::Remove;

    let status_change = match status_e {
        Some(e) if e.value.as_str().and_then(Status::parse) == Some(status) => Change::Keep,
        Some(e) => {
            let raw = &body[e.value_span.clone()];
            let quoted = if raw.starts_with('\'') { format!("'{word}'") } else { format!("\"{word}\"") };
            plan.splices.push(Splice { range: e.value_span.clone(), text: quoted });
            Change::Set(word.to_string())
        }
        None if status == Status::Planned && !done_stays => Change::Keep,
        None => {
            match done_e {
                Some(_) if done_stays && !found.inline => {
                    status_before_done = true;
                }
                _ => add.insert(0, ("status", format!("\"{word}\""))),
            }
            Change::Set(word.to_string())
        }
    };

    if let (true, Some(d)) = (status_before_done, done_e) {
        plan.splices.push(line_before(body, d, &format!("status{}\"{word}\"", separator(body, d))));
    }
    plan.status = status_change;
    plan.done = done_change;
    plan.new_done = new_done;
}

/// A line holding `text` just before the entry `before`, indented like it and ended like its line.
fn line_before(body: &str, before: &Entry<'_>, text: &str) -> Splice {
    let start = line_start(body, before.key_span.start);
    let indent = &body[start..before.key_span.start];
    let eol = line_end(body, before.value_span.end).1.unwrap_or_else(|| file_eol(body));
    Splice { range: start..start, text: format!("{indent}{text}{eol}") }
}

/// The keys of [`Edit::keys`], the first `when` kept when postponing, and the id an activity without an `id`
/// key keeps when its title changes (its id is made from the title, and other activities name it).
fn other_keys<'a>(
    body: &str,
    found: &Found<'_>,
    id: &str,
    edit: &'a Edit,
    plan: &mut EditPlan,
    add: &mut Vec<(&'a str, String)>,
) -> Result<(), EditError> {
    let t = found.table;
    let mut first_when = None;
    if edit.value_of("when").is_some()
        && edit.value_of("end").is_none()
        && edit.keys.iter().all(|(k, _)| *k != "end")
        && let Some(end) = entry(t, "end", id)?
    {
        return Err(EditError::BadEdit(m::end_stays(id, &body[end.value_span.clone()])));
    }
    if edit.keep_first_when
        && let Some(w) = entry(t, "when", id)?
        && entry(t, "postponed-from", id)?.is_none()
    {
        let raw = body[w.value_span.clone()].to_string();
        add.push(("postponed-from", raw.clone()));
        first_when = Some(KeyChange { key: "postponed-from".into(), old: None, new: Some(raw) });
    }
    if edit.value_of("title").is_some()
        && let (None, Some(title)) = (entry(t, "id", id)?, entry(t, "title", id)?)
    {
        let text = format!("id{}{}", separator(body, &title), toml_string(id, false));
        plan.splices.push(if found.inline {
            Splice { range: title.key_span.start..title.key_span.start, text: format!("{text}, ") }
        } else {
            line_before(body, &title, &text)
        });
        plan.keys.push(KeyChange { key: "id".into(), old: None, new: Some(toml_string(id, false)) });
    }
    for (key, value) in &edit.keys {
        let existing = entry(t, key, id)?;
        let old = existing.as_ref().map(|e| body[e.value_span.clone()].to_string());
        let new = value.as_ref().map(|v| encode(v, old.as_deref()));
        if same_toml(old.as_deref(), new.as_deref()) {
            continue;
        }
        match (&new, &existing) {
            (Some(text), Some(e)) => plan.splices.push(Splice { range: e.value_span.clone(), text: text.clone() }),
            (Some(text), None) => add.push((key, text.clone())),
            (None, Some(e)) => plan.splices.push(remove_entry(body, t, found.inline, e)),
            (None, None) => continue,
        }
        plan.keys.push(KeyChange { key: key.to_string(), old, new });
    }
    // Said just after the new `when`.
    if let Some(change) = first_when {
        let at = plan.keys.iter().position(|k| k.key == "when").map_or(0, |i| i + 1);
        plan.keys.insert(at, change);
    }
    Ok(())
}

/// Whether two TOML values, as text, are the same value (`"mars 2026"` and `'mars 2026'` are, and so are `"A"`
/// and `"\u0041"`): a key that already says it is not rewritten in another spelling. (Two absent values are
/// left alone by the caller.)
fn same_toml(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => parse_value(a).is_some_and(|x| parse_value(b).is_some_and(|y| x == y)),
        _ => false,
    }
}

/// A TOML value from its text.
pub(super) fn parse_value(text: &str) -> Option<toml::Value> {
    let table: toml::Table = format!("v = {text}").parse().ok()?;
    table.get("v").cloned()
}

/// A value as TOML text, in the style of the value it replaces: a bare date stays bare when the new value is a
/// day written `2026-03-12`; a string in single quotes stays in single quotes when it can; a list stays a list.
fn encode(value: &NewValue, old: Option<&str>) -> String {
    let literal = old.is_some_and(|o| o.starts_with('\''));
    match value {
        NewValue::Text(s)
            if old.is_some_and(|o| o.as_bytes().first().is_some_and(u8::is_ascii_digit)) && is_iso_day(s) =>
        {
            s.clone()
        }
        NewValue::Text(s) if old.is_some_and(|o| o.starts_with('[')) => format!("[{}]", toml_string(s, literal)),
        NewValue::Text(s) => toml_string(s, literal),
        NewValue::List(items) => {
            let items: Vec<String> = items.iter().map(|s| toml_string(s, literal)).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

fn is_iso_day(s: &str) -> bool {
    s.len() == 10 && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// The day a `done` value names, if it names one: a TOML date (or date-time), or a string naming a day.
fn date_value(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Datetime(dt) => {
            let d = dt.value().date?;
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        Value::String(s) => match crate::when::parse(s.value()) {
            Ok(w) if w.precision == crate::when::Precision::Day => Some(w.start),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn toml_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use crate::edit::testing::{PLAN, day, done};
    use crate::edit::{Edit, EditError, apply};
    use crate::model::Status;
    use std::path::Path;

    #[test]
    fn an_existing_status_keeps_its_quotes_spacing_and_comment() {
        let id = "informasjonsmote-for-foreldre";
        let (new, out) = done(PLAN, id, "2026-04-20");
        let expected = PLAN.replace(
            "  status = 'planlagt'   # not yet\n",
            "  status = 'gjennomført'   # not yet\n  done = 2026-04-20\n",
        );
        assert_eq!(new, expected);
        assert_eq!(out.old_status, Status::Planned);

        let (new, out) = apply(PLAN, id, &Edit::status(Status::InProgress)).unwrap();
        assert_eq!(new, PLAN.replace("status = 'planlagt'", "status = 'pågår'"));
        assert!(out.changed);
    }

    #[test]
    fn a_status_that_already_says_it_is_left_alone() {
        let (new, out) = apply(PLAN, "informasjonsmote-for-foreldre", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(new, PLAN);
        assert!(!out.changed);
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "'informasjonsmote-for-foreldre' is already planned (p.toml:17); nothing changed"
        );
        // No status at all is planned too: nothing is added.
        let (new, out) = apply(PLAN, "a", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(new, PLAN);
        assert!(!out.changed);

        let text = "[[activity]]\nid = \"a\"\nstatus = \"Gjennomført\"\ndone = \"12. mars 2026\"\n";
        let (new, out) = apply(text, "a", &Edit::status(Status::Done)).unwrap();
        assert_eq!(new, text);
        assert_eq!(out.old_done, Some(day("2026-03-12")));
        assert_eq!(out.done, Some(day("2026-03-12")));
        let (new, _) = done(text, "a", "2026-03-12");
        assert_eq!(new, text);
        let (new, out) = done(text, "a", "2026-03-13");
        assert_eq!(new, text.replace("\"12. mars 2026\"", "2026-03-13"));
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "marked 'a' done on 2026-03-13 (was done on 2026-03-12) (p.toml:1)"
        );
    }

    #[test]
    fn done_again_keeps_the_date_it_was_done() {
        let (marked, _) = done(PLAN, "a", "2026-03-12");
        let (again, out) = apply(&marked, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(again, marked);
        assert!(!out.changed && out.kept_date);
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "'a' is already done on 2026-03-12 (p.toml:11); its date is kept (--date gives another); nothing changed"
        );
        let (first, out) = apply(PLAN, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(first, done(PLAN, "a", "2026-11-30").0, "without a date yet, the day offered is taken");
        assert!(!out.kept_date);
        // Done by status alone, without a date: the day offered is not added to a `done` key that exists
        // unreadably, and it is added when there is none.
        let text = "[[activity]]\nid = \"a\"\nstatus = \"done\"\n";
        let (new, _) = apply(text, "a", &Edit::done_unless_dated(day("2026-11-30"))).unwrap();
        assert_eq!(new, "[[activity]]\nid = \"a\"\nstatus = \"done\"\ndone = 2026-11-30\n");
        let e = apply(PLAN, "a", &Edit { if_undated: Some(day("2026-01-01")), ..Edit::status(Status::Planned) });
        assert!(matches!(e, Err(EditError::BadEdit(_))));
    }

    #[test]
    fn done_without_status_gets_a_status_just_before_it() {
        let text = "[[activity]]\n    id = \"a\"\n    done = 2026-01-01\n    when = \"2026\"\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            "[[activity]]\n    id = \"a\"\n    status = \"done\"\n    done = 2026-02-01\n    when = \"2026\"\n"
        );
    }

    #[test]
    fn a_status_written_out_where_the_date_already_said_done() {
        // `done = …` alone reads as done; marking it done on the same day writes the status and says nothing
        // about a previous date.
        let text = PLAN.replace("when = \"mai 2026\"\n", "when = \"mai 2026\"\ndone = 2026-05-02\n");
        let (new, out) = done(&text, "top", "2026-05-02");
        assert!(out.changed);
        assert!(new.contains("status = \"gjennomført\"\ndone = 2026-05-02\n"), "{new}");
        assert_eq!(out.message(Path::new("p.toml")).en(), "marked 'top' done on 2026-05-02 (p.toml:22)");
        let (_, out) = done(&text, "top", "2026-05-03");
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "marked 'top' done on 2026-05-03 (was done on 2026-05-02) (p.toml:22)"
        );
    }

    #[test]
    fn a_done_date_written_as_a_string_counts_only_when_it_names_a_day() {
        let with = |done: &str| PLAN.replace("when = \"mai 2026\"\n", &format!("when = \"mai 2026\"\ndone = {done}\n"));
        let (_, out) = apply(&with("\"2. mai 2026\""), "top", &Edit::status(Status::Done)).unwrap();
        assert_eq!(out.old_done, Some(day("2026-05-02")));
        let (_, out) = apply(&with("\"mai 2026\""), "top", &Edit::status(Status::Done)).unwrap();
        assert_eq!(out.old_done, None, "a month is not a day something was done");
    }

    #[test]
    fn a_status_written_with_dotted_keys_is_not_edited() {
        // In a `[[…]]` table the dotted key makes a table; in an inline one, a dotted inline table.
        let text = "[[activity]]\nid = \"a\"\ntitle = \"A\"\nstatus.word = \"done\"\n";
        let err = apply(text, "a", &Edit::status(Status::Planned)).unwrap_err();
        assert_eq!(err.to_string(), "cannot edit activity 'a' safely: its 'status' is a table; edit the file by hand");
        let text = "activity = [{ id = \"a\", title = \"A\", status.word = \"done\" }]\n";
        let err = apply(text, "a", &Edit::status(Status::Planned)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot edit activity 'a' safely: its 'status' is written with dotted keys; edit the file by hand"
        );
    }

    #[test]
    fn other_keys_are_replaced_in_their_style_added_or_removed() {
        let set =
            |text: &str, id: &str, words: &[&str]| apply(text, id, &Edit::from_assignments(words).unwrap()).unwrap();
        let (new, out) = set(PLAN, "a", &["when=april 2026", "owner=rektor"]);
        assert_eq!(
            new,
            PLAN.replace("when = \"mars 2026\"    # early", "when = \"april 2026\"    # early")
                .replace("owner = [\"x\", \"y\"]", "owner = [\"rektor\"]"),
            "a list stays a list, the comment stays"
        );
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "changed 'a': when \"mars 2026\" → \"april 2026\", owner [\"x\", \"y\"] → [\"rektor\"] (p.toml:11)"
        );
        // Single quotes stay single where they can; a bare date stays bare for a day.
        let text = "[[activity]]\nid = 'a'\ntitle = 'A'\nwhen = 2026-03-12\n";
        let (new, _) = set(text, "a", &["title=B \"C\"", "when=2026-04-01"]);
        assert_eq!(new, "[[activity]]\nid = 'a'\ntitle = 'B \"C\"'\nwhen = 2026-04-01\n");
        let (new, _) = set(text, "a", &["title=it's"]);
        assert_eq!(new, "[[activity]]\nid = 'a'\ntitle = \"it's\"\nwhen = 2026-03-12\n");
        let (new, _) = set(text, "a", &["when=april 2026", "notes=linje 1\nlinje 2"]);
        assert_eq!(new, "[[activity]]\nid = 'a'\ntitle = 'A'\nwhen = \"april 2026\"\nnotes = \"linje 1\\nlinje 2\"\n");
        // An empty value removes an optional key, and nothing is written when the value is already there.
        let (back, out) = set(&new, "a", &["notes="]);
        assert_eq!(back, "[[activity]]\nid = 'a'\ntitle = 'A'\nwhen = \"april 2026\"\n");
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "changed 'a': removed notes = \"linje 1\\nlinje 2\" (p.toml:1)"
        );
        let (same, out) = set(text, "a", &["title=A"]);
        assert_eq!((same.as_str(), out.changed), (text, false));
        // The same value in another spelling is left as the writer spelt it.
        let escaped = "[[activity]]\nid = 'a'\ntitle = \"\\u0041\"\nwhen = 2026-03-12\n";
        let (same, out) = set(escaped, "a", &["title=A"]);
        assert_eq!((same.as_str(), out.changed), (escaped, false));
        assert_eq!(out.message(Path::new("p.toml")).en(), "'a' already has these values (p.toml:1); nothing changed");
    }

    #[test]
    fn values_are_read_as_the_loader_reads_them() {
        let err = |words: &[&str]| Edit::from_assignments(words).unwrap_err().to_string();
        assert!(err(&["when=snart"]).starts_with("cannot read the date 'snart'"), "{}", err(&["when=snart"]));
        assert!(err(&["duration=lenge"]).starts_with("cannot read the date 'lenge'"));
        assert_eq!(err(&["title="]), "'title' cannot be removed: every activity needs one; write title=…");
        assert!(err(&["id=x"]).starts_with("cannot set 'id'"));
        assert_eq!(err(&["when=2026", "when=2027"]), "'when' is given twice");
        let one = Edit::from_assignments(&["owner=rektor"]).unwrap();
        assert_eq!(one.value_of("owner"), Some(&crate::edit::NewValue::Text("rektor".into())), "one owner is a string");
        let two = Edit::from_assignments(&["owner=rektor, styrer"]).unwrap();
        assert_eq!(two.value_of("owner"), Some(&crate::edit::NewValue::List(vec!["rektor".into(), "styrer".into()])));
    }

    #[test]
    fn a_new_title_keeps_the_id_the_old_one_made() {
        let (new, out) =
            apply(PLAN, "informasjonsmote-for-foreldre", &Edit::from_assignments(&["title=Foreldremøte"]).unwrap())
                .unwrap();
        assert_eq!(
            new,
            PLAN.replace(
                "  title = \"Informasjonsmøte for foreldre\"\n",
                "  id = \"informasjonsmote-for-foreldre\"\n  title = \"Foreldremøte\"\n"
            )
        );
        assert_eq!(out.keys[0].key, "id");
        let text = "activity = [{ title = \"A b\", when = \"2026\" }]\n";
        let (new, _) = apply(text, "a-b", &Edit::from_assignments(&["title=C"]).unwrap()).unwrap();
        assert_eq!(new, "activity = [{ id = \"a-b\", title = \"C\", when = \"2026\" }]\n");
    }

    #[test]
    fn postponing_keeps_the_first_date_and_the_reason() {
        let edit = Edit::postpone("september 2026", None, Some("Rektor er syk")).unwrap();
        let (new, out) = apply(PLAN, "top", &edit).unwrap();
        assert_eq!(
            new,
            PLAN.replace(
                "when = \"mai 2026\"\n\n",
                "when = \"september 2026\"\nstatus = \"utsatt\"\npostponed-from = \"mai 2026\"\nreason = \"Rektor er syk\"\n\n"
            )
        );
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "marked 'top' postponed (was planned); when \"mai 2026\" → \"september 2026\", added postponed-from = \
             \"mai 2026\", added reason = \"Rektor er syk\" (p.toml:22)"
        );
        // Postponed again: the first date stays.
        let again = Edit::postpone("oktober 2026", None, None).unwrap();
        let (twice, _) = apply(&new, "top", &again).unwrap();
        assert!(
            twice.contains("when = \"oktober 2026\"\nstatus = \"utsatt\"\npostponed-from = \"mai 2026\"\n"),
            "{twice}"
        );
    }

    #[test]
    fn an_activity_with_an_end_is_moved_only_with_its_end() {
        let text = "[[activity]]\nid = \"a\"\nwhen = \"mars 2026\"\nend = \"mai 2026\"\n";
        let err = apply(text, "a", &Edit::move_to("april 2026", None).unwrap()).unwrap_err();
        assert!(err.to_string().starts_with("'a' has end = \"mai 2026\", which does not move by itself"), "{err}");
        let (new, _) = apply(text, "a", &Edit::move_to("april 2026", Some("juni 2026")).unwrap()).unwrap();
        assert_eq!(new, "[[activity]]\nid = \"a\"\nwhen = \"april 2026\"\nend = \"juni 2026\"\n");
        let (new, _) = apply(text, "a", &Edit::from_assignments(&["when=april 2026", "end="]).unwrap()).unwrap();
        assert_eq!(new, "[[activity]]\nid = \"a\"\nwhen = \"april 2026\"\n");
    }

    #[test]
    fn strings_are_written_as_toml_reads_them() {
        for s in ["plain", "it's", "\"q\" \\ back", "tab\there", "nul\u{0}del\u{7f}", "ny\nlinje\r\n", "ære"] {
            for literal in [false, true] {
                let text = crate::escape::toml_string(s, literal);
                assert_eq!(super::parse_value(&text), Some(toml::Value::String(s.to_string())), "{text}");
            }
        }
        assert_eq!(crate::escape::toml_string("a", true), "'a'");
        assert_eq!(crate::escape::toml_string("it's", true), "\"it's\"");
    }
}
