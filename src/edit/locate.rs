//! Finding an activity in the document: its table, where it starts, and the way to it from the root.

use crate::model::slug;
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
}
