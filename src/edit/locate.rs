//! Finding an activity in the document: its table, where it starts, and the way to it from the root.

use super::EditError;
use crate::model::slug;
use crate::suggest::nearest;
use toml_edit::{Item, TableLike, Value};

/// One step of the way from the document's root to an activity's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Key(&'static str),
    Index(usize),
}

pub(super) struct Found<'d> {
    pub(super) id: Option<String>,
    pub(super) table: &'d dyn TableLike,
    pub(super) inline: bool,
    /// Where the activity starts: its header, or its inline table's `{`.
    pub(super) anchor: usize,
    pub(super) path: Vec<Step>,
}

/// Every activity in the document, in `[[phase]]`s and at the top level, with the id the loader gives it.
/// Shapes the loader rejects (`activity` as a plain table or a string) hold no activities.
pub(super) fn activities(root: &toml_edit::Table) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    for (i, phase, _, _) in tables_in(root.get("phase")) {
        for (j, t, inline, anchor) in tables_in(phase.get("activity")) {
            let path = vec![Step::Key("phase"), Step::Index(i), Step::Key("activity"), Step::Index(j)];
            out.push(Found { id: activity_id(t), table: t, inline, anchor, path });
        }
    }
    for (j, t, inline, anchor) in tables_in(root.get("activity")) {
        let path = vec![Step::Key("activity"), Step::Index(j)];
        out.push(Found { id: activity_id(t), table: t, inline, anchor, path });
    }
    out
}

/// The tables of an array of tables (`[[x]]`) or of an array of inline tables (`x = [{ … }]`), with their index
/// in the array, whether they are inline, and where they start.
fn tables_in(item: Option<&Item>) -> Vec<(usize, &dyn TableLike, bool, usize)> {
    match item {
        Some(Item::ArrayOfTables(a)) => a
            .iter()
            .enumerate()
            .map(|(i, t)| (i, t as &dyn TableLike, false, t.span().map_or(0, |s| s.start)))
            .collect(),
        Some(Item::Value(Value::Array(a))) => a
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let t = v.as_inline_table()?;
                Some((i, t as &dyn TableLike, true, v.span().map_or(0, |s| s.start)))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Which of the activities, given as (id, title), `query` names:
/// 1. the one whose id it is (two with that id: [`EditError::Ambiguous`]);
/// 2. else the only one whose title it is, ignoring letter case and spacing;
/// 3. else the only one whose id starts with it;
/// 4. else the only one whose title holds every word of it ("regelverk" finds "Opplæring i
///    regelverkskompetanse").
///
/// Several at a step: [`EditError::Several`], listing them; none at all: [`EditError::NotFound`], with the
/// nearest id or title. A query never picks by a guess at a typo: that is a suggestion, not an edit.
pub(crate) fn pick(query: &str, candidates: &[(Option<&str>, Option<&str>)]) -> Result<usize, EditError> {
    if query.trim().is_empty() {
        return Err(EditError::NotFound { id: query.to_string(), suggestion: None });
    }
    let by_id: Vec<usize> = matching(candidates, |id, _| id == Some(query));
    match by_id.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        many => return Err(EditError::Ambiguous { id: query.to_string(), count: many.len() }),
    }
    let words = folded(query);
    let steps: [&Test<'_>; 3] = [
        &|_, title| title.is_some_and(|t| folded(t) == words),
        &|id, _| id.is_some_and(|i| i.starts_with(query)),
        &|_, title| title.is_some_and(|t| holds_every_word(&folded(t), &words)),
    ];
    for step in steps {
        match matching(candidates, step).as_slice() {
            [] => {}
            [one] => return Ok(*one),
            many => {
                let found = many
                    .iter()
                    .map(|&i| (candidates[i].0.unwrap_or("").to_string(), candidates[i].1.unwrap_or("").to_string()));
                return Err(EditError::Several { query: query.to_string(), found: found.collect() });
            }
        }
    }
    let suggestion = nearest(query, candidates.iter().filter_map(|c| c.0))
        .or_else(|| nearest(query, candidates.iter().filter_map(|c| c.1)))
        .map(str::to_string);
    Err(EditError::NotFound { id: query.to_string(), suggestion })
}

/// Whether an activity, given as (id, title), is the one asked for.
type Test<'q> = dyn Fn(Option<&str>, Option<&str>) -> bool + 'q;

fn matching(
    candidates: &[(Option<&str>, Option<&str>)],
    test: impl Fn(Option<&str>, Option<&str>) -> bool,
) -> Vec<usize> {
    candidates.iter().enumerate().filter(|(_, (id, title))| test(*id, *title)).map(|(i, _)| i).collect()
}

/// Lower case, with runs of white space as one space.
fn folded(s: &str) -> String {
    s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

fn holds_every_word(title: &str, words: &str) -> bool {
    words.split(' ').all(|w| title.contains(w))
}

/// The loader's id: the `id` string, or the title's slug when there is no `id` key.
fn activity_id(t: &dyn TableLike) -> Option<String> {
    match t.get("id") {
        Some(item) => item.as_str().map(str::to_string),
        None => t.get("title").and_then(Item::as_str).map(slug).filter(|s| !s.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::testing::{day, done};
    use crate::edit::{Edit, EditError, apply};
    use crate::model::Status;

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let edit = Edit::done_on(day("2026-01-01"));
        assert!(matches!(apply("[[activity]\nid = ", "a", &edit), Err(EditError::Parse(_))));
        assert!(matches!(apply("activity = \"a\"\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("activity = [1, \"a\"]\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("[activity]\nid = \"a\"\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("phase = 3\n", "a", &edit), Err(EditError::NotFound { .. })));
        assert!(matches!(apply("[[activity]]\nid = 3\ntitle = \"\"\n", "", &edit), Err(EditError::NotFound { .. })));
        let table_status = "[[activity]]\nid = \"a\"\n[activity.status]\nx = 1\n";
        match apply(table_status, "a", &edit) {
            Err(e @ EditError::Unsupported { .. }) => {
                assert_eq!(
                    e.to_string(),
                    "cannot edit activity 'a' safely: its 'status' is a table; edit the file by hand"
                )
            }
            other => panic!("{other:?}"),
        }
        let dotted = "[[activity]]\nid = \"a\"\ndone.x = 1\n";
        assert!(matches!(apply(dotted, "a", &edit), Err(EditError::Unsupported { .. })));
        let odd = "[[activity]]\nid = \"a\"\nstatus = 3\n";
        let (new, out) = apply(odd, "a", &edit).unwrap();
        assert_eq!(new, "[[activity]]\nid = \"a\"\nstatus = \"done\"\ndone = 2026-01-01\n");
        assert_eq!(out.old_status, Status::Planned);
        let empty = "[[activity]]\n[[activity]]\n  title = \"B\"\n";
        let (new, _) = done(empty, "b", "2026-01-01");
        assert_eq!(new, "[[activity]]\n[[activity]]\n  title = \"B\"\n  status = \"done\"\n  done = 2026-01-01\n");
    }

    #[test]
    fn an_activity_is_picked_by_id_title_id_prefix_or_the_words_of_its_title() {
        use super::pick;
        let acts = [
            (Some("oppstartsmote"), Some("Oppstartsmøte")),
            (Some("opplaering-regelverk"), Some("Opplæring i regelverkskompetanse")),
            (Some("foreldremote-1"), Some("Foreldremøte høst")),
            (Some("foreldremote-2"), Some("Foreldremøte vår")),
            (Some("oppstartsmøte"), Some("Noe annet")),
        ];
        assert_eq!(pick("oppstartsmote", &acts).unwrap(), 0, "an id before all");
        assert_eq!(pick("oppstartsmøte", &acts).unwrap(), 4, "an id before a title");
        assert_eq!(pick("  OPPLÆRING i   regelverkskompetanse ", &acts).unwrap(), 1, "a title, any case and spacing");
        assert_eq!(pick("opplaer", &acts).unwrap(), 1, "an id's start");
        assert_eq!(pick("regelverk", &acts).unwrap(), 1, "a word in the title");
        assert_eq!(pick("møte vår", &acts).unwrap(), 3, "every word");
        match pick("foreldremote", &acts) {
            Err(e @ EditError::Several { .. }) => assert_eq!(
                e.to_string(),
                "'foreldremote' matches 2 activities; give the id of the one you mean:\n  foreldremote-1  \
                 Foreldremøte høst\n  foreldremote-2  Foreldremøte vår"
            ),
            other => panic!("{other:?}"),
        }
        match pick("foreldremøt", &acts) {
            Err(EditError::Several { found, .. }) => assert_eq!(found.len(), 2),
            other => panic!("{other:?}"),
        }
        match pick("oppstrtsmote", &acts) {
            Err(EditError::NotFound { suggestion, .. }) => assert_eq!(suggestion.as_deref(), Some("oppstartsmote")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(pick(" ", &acts), Err(EditError::NotFound { suggestion: None, .. })));
        let twice = [(Some("a"), Some("A")), (Some("a"), Some("B"))];
        assert!(matches!(pick("a", &twice), Err(EditError::Ambiguous { count: 2, .. })));
    }
}
