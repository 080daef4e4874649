//! Changing the text at byte spans: new key-values laid out like their neighbours, removed ones with their line, and the splicing itself.

use super::change::Entry;
use std::ops::Range;
use toml_edit::TableLike;

pub(super) struct Splice {
    pub(super) range: Range<usize>,
    pub(super) text: String,
}

/// The text between an entry's key and its value (" = " or "="), so new keys look like the file's.
pub(super) fn separator(body: &str, e: &Entry<'_>) -> &'static str {
    match body.get(e.key_span.end..e.value_span.start) {
        Some("=") => "=",
        _ => " = ",
    }
}

pub(super) fn line_of(body: &str, offset: usize) -> usize {
    body.as_bytes()[..offset.min(body.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

pub(super) fn line_start(body: &str, pos: usize) -> usize {
    body[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The offset just past the line break that ends the line holding `pos`, and that line break; at the end of a
/// file without a final line break, the file's length and `None`.
pub(super) fn line_end(body: &str, pos: usize) -> (usize, Option<&'static str>) {
    match body[pos..].find('\n') {
        Some(i) => {
            let nl = pos + i;
            let eol = if body[..nl].ends_with('\r') { "\r\n" } else { "\n" };
            (nl + 1, Some(eol))
        }
        None => (body.len(), None),
    }
}

/// The file's line break: that of its first line.
pub(super) fn file_eol(body: &str) -> &'static str {
    match body.find('\n') {
        Some(i) if body[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The key-values written in the table's body (dotted keys included, sub-tables not), with the span from the
/// first key to the end of the value.
pub(super) fn body_entries(t: &dyn TableLike) -> Vec<Range<usize>> {
    t.get_values()
        .into_iter()
        .filter_map(|(keys, v)| {
            let start = keys.first()?.span()?.start;
            let end = v.span()?.end;
            Some(start..end)
        })
        .collect()
}

/// New key-value lines after the last key-value of a `[[…]]` table (after its header when it has none).
pub(super) fn add_lines(body: &str, t: &dyn TableLike, anchor: usize, add: &[(&str, String)]) -> Splice {
    let last = body_entries(t).into_iter().max_by_key(|r| r.end);
    let (key_start, end) = match &last {
        Some(r) => (r.start, r.end),
        None => (anchor, anchor),
    };
    let start = line_start(body, key_start);
    // In a `[[…]]` table every key starts its own line (TOML allows nothing else before it).
    let indent = &body[start..key_start];
    let sep = t
        .get_values()
        .iter()
        .filter_map(|(k, v)| Some((k.last()?.span()?.end, v.span()?.start)))
        .max_by_key(|&(_, vs)| vs)
        .map_or(" = ", |(ke, vs)| if body.get(ke..vs) == Some("=") { "=" } else { " = " });
    let (at, eol) = line_end(body, end);
    let mut text = String::new();
    match eol {
        Some(eol) => {
            for (k, v) in add {
                text.push_str(&format!("{indent}{k}{sep}{v}{eol}"));
            }
        }
        None => {
            let eol = file_eol(body);
            for (k, v) in add {
                text.push_str(&format!("{eol}{indent}{k}{sep}{v}"));
            }
        }
    }
    Splice { range: at..at, text }
}

/// New key-values at the end of an inline table: `, status = "done", done = 2026-11-23` after its last value.
pub(super) fn add_inline(t: &dyn TableLike, anchor: usize, add: &[(&str, String)]) -> Splice {
    let pairs: Vec<String> = add.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    // An activity that can be edited has an id or a title, so the table has a last value to follow.
    let end = body_entries(t).into_iter().map(|r| r.end).max().unwrap_or(anchor);
    Splice { range: end..end, text: format!(", {}", pairs.join(", ")) }
}

/// Removes a key-value: its whole line in a `[[…]]` table (with the trailing comment), or the pair and one comma
/// in an inline table.
pub(super) fn remove_entry(body: &str, t: &dyn TableLike, inline: bool, e: &Entry<'_>) -> Splice {
    if inline {
        let mut ranges = body_entries(t);
        ranges.sort_by_key(|r| r.start);
        let pos = ranges.iter().position(|r| r.start == e.key_span.start);
        let range = match pos {
            // From the end of the entry before it: ", done = …".
            Some(i) if i > 0 => ranges[i - 1].end..e.value_span.end,
            // The first entry, up to the next one: "done = …, ". (An activity that can be addressed has an id or a
            // title, so there is a next one.)
            _ => e.key_span.start..ranges.get(1).map_or(e.value_span.end, |r| r.start),
        };
        return Splice { range, text: String::new() };
    }
    // A comment after the value ("done = 2026-03-12 # signert: Kari Nordmann") says something a person wrote:
    // it stays, on its own line where the key-value was.
    let rest = &body[e.value_span.end..line_end(body, e.value_span.end).0];
    let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[blank..].starts_with('#') {
        return Splice { range: e.key_span.start..e.value_span.end + blank, text: String::new() };
    }
    let start = line_start(body, e.key_span.start);
    let range = match line_end(body, e.value_span.end) {
        (end, Some(_)) => start..end,
        // The last line of a file without a final line break: take the line break before it instead.
        (end, None) => {
            let before = if body[..start].ends_with("\r\n") {
                2
            } else if body[..start].ends_with('\n') {
                1
            } else {
                0
            };
            start - before..end
        }
    };
    Splice { range, text: String::new() }
}

/// The text with the splices made, or `None` if two overlap.
pub(super) fn splice(body: &str, splices: &[Splice]) -> Option<String> {
    let mut order: Vec<&Splice> = splices.iter().collect();
    order.sort_by_key(|s| (s.range.start, s.range.end));
    let mut out = String::with_capacity(body.len() + 64);
    let mut pos = 0;
    for s in order {
        // A splice that starts before the one before it ended, or reaches past the end, has no text here.
        out.push_str(body.get(pos..s.range.start)?);
        out.push_str(&s.text);
        pos = s.range.end;
    }
    out.push_str(body.get(pos..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::{PLAN, day, done};
    use crate::edit::{Edit, Outcome, apply};
    use crate::model::Status;
    use std::path::Path;

    #[test]
    fn marking_done_adds_two_lines_indented_like_the_activity() {
        let (new, out) = done(PLAN, "a", "2026-11-23");
        let expected = PLAN.replace(
            "  owner = [\"x\", \"y\"]\n",
            "  owner = [\"x\", \"y\"]\n  status = \"gjennomført\"\n  done = 2026-11-23\n",
        );
        assert_eq!(new, expected);
        assert_eq!(
            out,
            Outcome {
                id: "a".into(),
                title: Some("Første".into()),
                by_id: true,
                line: 11,
                old_status: Status::Planned,
                new_status: Some(Status::Done),
                old_done: None,
                done: Some(day("2026-11-23")),
                keys: Vec::new(),
                changed: true,
                kept_date: false,
                plan_start: Some(day("2026-01-01")),
                forced: Vec::new(),
            }
        );
        assert_eq!(
            out.message(Path::new("plans/p.toml")).en(),
            "marked 'a' done on 2026-11-23 (was planned) (plans/p.toml:11)"
        );
    }

    #[test]
    fn top_level_activity_gets_unindented_lines_before_the_blank_line() {
        let (new, out) = done(PLAN, "top", "2026-05-02");
        let expected = PLAN
            .replace("when = \"mai 2026\"\n\n", "when = \"mai 2026\"\nstatus = \"gjennomført\"\ndone = 2026-05-02\n\n");
        assert_eq!(new, expected);
        assert_eq!(out.line, 22);
    }

    #[test]
    fn a_file_without_a_final_line_break_gets_none() {
        let text = "[[activity]]\r\nid = \"a\"\r\ntitle = \"A\"";
        let (new, _) = done(text, "a", "2026-01-02");
        assert_eq!(new, "[[activity]]\r\nid = \"a\"\r\ntitle = \"A\"\r\nstatus = \"done\"\r\ndone = 2026-01-02");
        let (back, _) = apply(&new, "a", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(back, "[[activity]]\r\nid = \"a\"\r\ntitle = \"A\"\r\nstatus = \"planned\"");
    }

    #[test]
    fn another_status_removes_done() {
        let (marked, _) = done(PLAN, "a", "2026-11-23");
        let (new, out) = apply(&marked, "a", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(
            new,
            PLAN.replace("  owner = [\"x\", \"y\"]\n", "  owner = [\"x\", \"y\"]\n  status = \"planlagt\"\n")
        );
        assert_eq!((out.old_status, out.old_done, out.done), (Status::Done, Some(day("2026-11-23")), None));

        let text = "[[activity]]\nid = \"a\"\n  done = 2026-03-12 # signert: Kari Nordmann\nwhen = \"2026\"\n";
        let (new, out) = apply(text, "a", &Edit::status(Status::Cancelled)).unwrap();
        assert_eq!(
            new, "[[activity]]\nid = \"a\"\n  # signert: Kari Nordmann\nwhen = \"2026\"\nstatus = \"cancelled\"\n",
            "the comment stays where the date was"
        );
        assert_eq!(out.old_status, Status::Done);
        assert_eq!(
            out.message(Path::new("p.toml")).en(),
            "marked 'a' cancelled (was done); removed done = 2026-03-12 (p.toml:1)"
        );
    }

    #[test]
    fn new_keys_go_before_sub_tables_and_follow_the_files_spacing() {
        let text = "[[activity]]\nid=\"a\"\nwhen=\"2026\"\n\n[activity.extra]\nx=1\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            "[[activity]]\nid=\"a\"\nwhen=\"2026\"\nstatus=\"done\"\ndone=2026-02-01\n\n[activity.extra]\nx=1\n"
        );
        let text = "[[activity]]\nid = \"a\"\nwhen.x = 1  # dotted\n[[activity]]\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            "[[activity]]\nid = \"a\"\nwhen.x = 1  # dotted\nstatus = \"done\"\ndone = 2026-02-01\n[[activity]]\n"
        );
    }

    #[test]
    fn multi_line_values_and_comments_between_keys() {
        let text = "[[activity]]\n  id = \"a\"\n  # who\n  owner = [\n    \"x\",  # first\n    \"y\",\n  ]  # end\n  # next one\n\n[[activity]]\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(new, text.replace("]  # end\n", "]  # end\n  status = \"done\"\n  done = 2026-02-01\n"));
        let text = "[[activity]]\nid = \"a\"\nnotes = \"\"\"\nline\r\n\"\"\"\n";
        let (new, _) = done(text, "a", "2026-02-01");
        assert_eq!(new, format!("{text}status = \"done\"\ndone = 2026-02-01\n"));
        let text = "activity = [{}, { }]\n";
        assert!(apply(text, "a", &Edit::status(Status::Done)).is_err());
        let text = "activity = [{id=\"a\"}]\n";
        let (new, _) = apply(text, "a", &Edit::status(Status::Done)).unwrap();
        assert_eq!(new, "activity = [{id=\"a\", status = \"done\"}]\n");
    }

    #[test]
    fn inline_activities_are_edited_in_place() {
        let text = "activity = [\n  { id = \"a\", when = \"2026\" },\n  { id = \"b\", done = 2026-01-01, when = \"2026\" },\n]\n";
        let (new, out) = done(text, "a", "2026-02-01");
        assert_eq!(
            new,
            text.replace(
                "when = \"2026\" },\n  { id = \"b\"",
                "when = \"2026\", status = \"done\", done = 2026-02-01 },\n  { id = \"b\""
            )
        );
        assert_eq!(out.line, 2);
        let (new, _) = apply(text, "b", &Edit::status(Status::InProgress)).unwrap();
        assert_eq!(
            new,
            text.replace(
                "{ id = \"b\", done = 2026-01-01, when = \"2026\" }",
                "{ id = \"b\", when = \"2026\", status = \"in-progress\" }"
            )
        );
        let text = "[[phase]]\nid = \"p\"\nactivity = [{ done = 2026-01-01, id = \"c\" }]\n";
        let (new, _) = apply(text, "c", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(new, "[[phase]]\nid = \"p\"\nactivity = [{ id = \"c\" }]\n");
    }

    #[test]
    fn new_lines_follow_the_files_own_layout() {
        // Tab indentation, `key=value` without spaces, CRLF, and a blank first line.
        let text = "\r\n[plan]\r\ntitle=\"P\"\r\nstart=\"2026\"\r\nend=\"2026\"\r\n\r\n[[phase]]\r\nid=\"p\"\r\nname=\"P\"\r\nperiod=\"2026\"\r\n\t[[phase.activity]]\r\n\tid=\"a\"\r\n\ttitle=\"A\"\r\n\twhen=\"mars 2026\"\r\n";
        let (new, _) = done(text, "a", "2026-03-02");
        assert!(new.ends_with("\twhen=\"mars 2026\"\r\n\tstatus=\"done\"\r\n\tdone=2026-03-02\r\n"), "{new:?}");
        // A status placed before an existing `done=`, in its style.
        let dated = text.replace("\twhen=\"mars 2026\"\r\n", "\twhen=\"mars 2026\"\r\n\tdone=2026-03-02\r\n");
        let (new, _) = apply(&dated, "a", &Edit::status(Status::Done)).unwrap();
        assert!(new.ends_with("\tstatus=\"done\"\r\n\tdone=2026-03-02\r\n"), "{new:?}");
    }

    #[test]
    fn a_value_is_taken_out_of_an_inline_table_with_one_comma() {
        let text = "activity = [\n  { id = \"b\", when = \"2026\", done = 2026-01-01 },\n  { done = 2026-01-01, id = \"c\", when = \"2026\" },\n]\n";
        let (new, _) = apply(text, "b", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(
            new,
            text.replace("{ id = \"b\", when = \"2026\", done = 2026-01-01 }", "{ id = \"b\", when = \"2026\" }")
        );
        let (new, _) = apply(text, "c", &Edit::status(Status::Planned)).unwrap();
        assert_eq!(
            new,
            text.replace("{ done = 2026-01-01, id = \"c\", when = \"2026\" }", "{ id = \"c\", when = \"2026\" }")
        );
    }

    #[test]
    fn splices_that_overlap_or_pass_the_end_are_refused() {
        let at = |range: Range<usize>, text: &str| Splice { range, text: text.to_string() };
        assert_eq!(splice("abcdef", &[at(4..5, "E"), at(1..2, "B")]).as_deref(), Some("aBcdEf"));
        assert_eq!(splice("abcdef", &[at(1..3, "X"), at(2..4, "Y")]), None, "overlapping");
        assert_eq!(splice("abcdef", &[at(5..7, "X")]), None, "past the end");
        assert_eq!(splice("abcdef", &[at(6..6, "!")]).as_deref(), Some("abcdef!"));
    }

    #[test]
    fn a_file_without_a_final_line_break_keeps_its_own_line_breaks() {
        let text = "[[activity]]\nid = \"a\"\ntitle = \"A\"";
        let (new, _) = done(text, "a", "2026-01-02");
        assert_eq!(new, "[[activity]]\nid = \"a\"\ntitle = \"A\"\nstatus = \"done\"\ndone = 2026-01-02");
    }
}
