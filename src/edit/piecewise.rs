//! Editing a large file through the piece that holds the activity, and proving the whole is still the plan.

use super::splice::{file_eol, line_of};
use super::wording::{Wording, unquoted};
use super::{Edit, Outcome, apply_body};
use crate::model::{Plan, Status};
use chrono::NaiveDate;

/// Edits a large file through the piece that holds the activity (see [`crate::split`]): three whole parses of a
/// 100,000-activity plan (23 MB) took 3.8 s and 1.4 GB, the piece's take nothing.
///
/// The activity is found, and known to be the only one with its id, by loading the plan (in parallel pieces).
/// The file is cut at every header; the piece holding the activity (its header to the next one) is edited and
/// verified on its own, as a whole file is. The whole is then proved: cut again, the new file has the same
/// headers at the same places (shifted by the edit after it), and loads to the same activities, the edited one
/// with its new status. Anything else, errors included, goes to the whole-file edit, whose answers are the
/// reference.
pub(super) fn piecewise(body: &str, query: &str, edit: &Edit, loaded: Option<&Plan>) -> Option<(String, Outcome)> {
    use crate::split::{Kind, split};
    let own;
    let plan = match loaded {
        Some(plan) => plan,
        None => {
            own = crate::load::load(&crate::source::Source::new("plan.toml", body)).ok()?;
            &own
        }
    };
    let candidates: Vec<(Option<&str>, Option<&str>)> =
        plan.activities.iter().map(|a| (Some(a.id.value.as_str()), Some(a.title.value.as_str()))).collect();
    let index = super::locate::pick(query, &candidates).ok()?;
    let activity = &plan.activities[index];
    let id = activity.id.value.as_str();
    let at = activity.span.start;
    let old_pieces = split(body, 0)?.pieces;
    let piece = old_pieces.iter().find(|p| p.range.contains(&at))?.clone();
    // More activities of a phase parse on their own only under a phase of their own.
    let eol = file_eol(body);
    let prefix = if piece.kind == Kind::PhaseActivities { format!("[[phase]]{eol}") } else { String::new() };
    let text = format!("{prefix}{}", &body[piece.range.clone()]);
    let wording = edit.status.map(|_| wording_of(body, plan));
    let (new_text, mut outcome) = apply_body("", &text, id, edit, wording).ok()?;
    outcome.by_id = query == id;
    let new_piece = new_text.strip_prefix(&prefix)?;
    let new_body = format!("{}{new_piece}{}", &body[..piece.range.start], &body[piece.range.end..]);
    outcome.line = line_of(body, piece.range.start) + outcome.line - 1 - prefix.matches('\n').count();
    if outcome.wrote_a_date() {
        outcome.plan_start = Some(plan.start.value.start);
    }
    if !outcome.changed {
        return Some((new_body, outcome));
    }

    let new_pieces = split(&new_body, 0)?.pieces;
    let shift = new_body.len() as isize - body.len() as isize;
    let new_source = crate::source::Source::new("plan.toml", new_body.as_str());
    let new_plan = crate::load::load(&new_source).ok()?;
    let status = edit.status.unwrap_or(activity.status);
    let edited = Edited { index, status, done: outcome.done, keys: &outcome.keys };
    (same_cut(&old_pieces, &new_pieces, piece.range.start, shift) && same_plan(plan, &new_plan, edited))
        .then_some((new_body, outcome))
}

/// How the whole plan writes its statuses (the piece alone does not say): its `lang` and every activity's
/// `status` as written.
fn wording_of(body: &str, plan: &Plan) -> Wording {
    let written = plan.activities.iter().filter_map(|a| a.status_span).filter_map(|s| body.get(s.start..s.end));
    let words: Vec<_> = written.filter_map(unquoted).collect();
    Wording::of(plan.lang, words.iter().map(|w| w.as_ref()))
}

/// Whether the file after an edit is cut at the same headers as before: the pieces before the edited one
/// (which starts at `edited`) where they were, the edited one ending `shift` bytes later (a new status word may
/// be shorter than the old one: the shift can be either way), the ones after it moved by `shift`, and each
/// piece of the same kind and size.
fn same_cut(old: &[crate::split::Piece], new: &[crate::split::Piece], edited: usize, shift: isize) -> bool {
    let moved = |at: usize| at.checked_add_signed(shift);
    old.len() == new.len()
        && old.iter().zip(new).all(|(o, n)| {
            let range = match o.range.start.cmp(&edited) {
                std::cmp::Ordering::Less => Some(o.range.clone()),
                std::cmp::Ordering::Equal => moved(o.range.end).map(|end| o.range.start..end),
                std::cmp::Ordering::Greater => moved(o.range.start).zip(moved(o.range.end)).map(|(s, e)| s..e),
            };
            o.kind == n.kind
                && o.phases_before == n.phases_before
                && o.activities == n.activities
                && range == Some(n.range.clone())
        })
}

/// The activity an edit changed: where it is in the plan, and what it has now.
struct Edited<'a> {
    index: usize,
    status: Status,
    done: Option<NaiveDate>,
    keys: &'a [super::KeyChange],
}

/// Whether the plan after an edit has the same activities as before (id, title and date), every one with its
/// status and done date, but the edited one, which has the new ones; its title and date may change only when
/// the edit changed them (its piece was verified to hold exactly the change asked for).
fn same_plan(old: &Plan, new: &Plan, edited: Edited<'_>) -> bool {
    let done_of = |a: &crate::model::Activity| a.done.as_ref().map(|d| d.value);
    let edits = |key: &str| edited.keys.iter().any(|k| k.key == key);
    old.activities.len() == new.activities.len()
        && old.activities.iter().zip(&new.activities).enumerate().all(|(i, (o, n))| {
            let mine = i == edited.index;
            o.id.value == n.id.value
                && (o.title.value == n.title.value || (mine && edits("title")))
                && (o.when.value == n.when.value || (mine && edits("when")))
                && if mine {
                    n.status == edited.status && done_of(n) == edited.done
                } else {
                    o.status == n.status && done_of(o) == done_of(n)
                }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::day;
    use crate::edit::{BOM, apply_in_piece, apply_whole};
    use std::ops::Range;

    /// A plan whose file is cut into every kind of piece: phases, more activities of a phase, top-level ones.
    const PIECES: &str = "[plan]\ntitle = \"P\"\nstart = \"2026\"\nend = \"2027\"\n\n\
        [[phase]]\nid = \"p1\"\nname = \"En\"\nperiod = \"Vår 2026\"\n\n\
        [[phase.activity]]\nid = \"a1\"\ntitle = \"A1\"\nwhen = \"mars 2026\"\n\n\
        [[phase.activity]]\nid = \"a2\"\ntitle = \"A2\"\nwhen = \"april 2026\"\nstatus = \"pågår\"\n\n\
        [[phase.activity]]\nid = \"a3\"\ntitle = \"A3\"\nwhen = \"mai 2026\"\ndone = 2026-05-04\n\n\
        [[phase]]\nid = \"p2\"\nname = \"To\"\nperiod = \"Høst 2026\"\n\n\
        [[phase.activity]]\nid = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\n\n\
        [[activity]]\nid = \"t1\"\ntitle = \"T1\"\nwhen = \"2027\"\nstatus = \"gjennomført\"\ndone = 2027-02-01\n\n\
        [[activity]]\nid = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\n";

    #[test]
    fn an_edit_through_its_piece_is_the_edit_of_the_whole_file() {
        let edits = [
            Edit::done_on(day("2026-11-23")),
            Edit::status(Status::Cancelled),
            Edit::status(Status::Planned),
            Edit::status(Status::InProgress),
            Edit::postpone("juni 2027", None, Some("Syk")).expect("an edit"),
        ];
        // The status words follow the whole plan, which the piece alone does not show: its `lang` and the
        // other activities' words.
        let nynorsk = PIECES.replace("[plan]\n", "[plan]\nlang = \"nn\"\n");
        let english = PIECES.replace("\"pågår\"", "\"ongoing\"").replace("\"gjennomført\"", "'done'");
        let files = [
            PIECES.to_string(),
            PIECES.replace('\n', "\r\n"),
            format!("{BOM}{PIECES}"),
            nynorsk.clone(),
            english.clone(),
        ];
        for (f, text) in files.iter().enumerate() {
            for id in ["a1", "a2", "a3", "b1", "t1", "t2"] {
                for edit in &edits {
                    let whole = apply_whole(text, id, edit).expect("the whole-file edit");
                    let piece = apply_in_piece(text, id, edit);
                    assert_eq!(piece.as_ref(), Some(&whole), "file {f}, {id}, {edit:?}");
                }
            }
        }
        let planned = Edit::status(Status::Planned);
        let word = |text: &str| apply_in_piece(text, "t1", &planned).expect("edited").0;
        assert!(word(PIECES).contains("status = \"planlagt\""));
        assert!(word(&nynorsk).contains("status = \"planlagd\""));
        assert!(word(&english).contains("status = 'planned'"));
    }

    #[test]
    fn an_edit_through_its_piece_refuses_what_it_cannot_prove() {
        // Two activities with one id: the whole-file edit says so; the piece does not try.
        let twice = PIECES.replace("id = \"t2\"", "id = \"t1\"");
        assert!(apply_in_piece(&twice, "t1", &Edit::status(Status::Done)).is_none());
        assert!(apply_in_piece(PIECES, "nope", &Edit::status(Status::Done)).is_none());
        assert!(apply_in_piece("[plan]\ntitle = 1\n", "t1", &Edit::status(Status::Done)).is_none());
    }

    fn piece(
        kind: crate::split::Kind,
        range: Range<usize>,
        phases_before: usize,
        activities: usize,
    ) -> crate::split::Piece {
        crate::split::Piece { kind, range, phases_before, activities }
    }

    #[test]
    fn the_same_cut_is_the_same_pieces_moved_by_the_edit() {
        use crate::split::Kind::*;
        let old = [piece(Phases, 10..50, 0, 1), piece(PhaseActivities, 50..80, 1, 1), piece(Activities, 80..120, 1, 2)];
        // The middle piece grew by 5 bytes: it ends 5 later, the last one moves by 5.
        let new = [piece(Phases, 10..50, 0, 1), piece(PhaseActivities, 50..85, 1, 1), piece(Activities, 85..125, 1, 2)];
        assert!(same_cut(&old, &new, 50, 5));
        // Shrunk by 3.
        let shrunk =
            [piece(Phases, 10..50, 0, 1), piece(PhaseActivities, 50..77, 1, 1), piece(Activities, 77..117, 1, 2)];
        assert!(same_cut(&old, &shrunk, 50, -3));
        // The first piece edited: the others move.
        let first =
            [piece(Phases, 10..52, 0, 1), piece(PhaseActivities, 52..82, 1, 1), piece(Activities, 82..122, 1, 2)];
        assert!(same_cut(&old, &first, 10, 2));
        // Anything else is a different cut.
        let differ = |k: usize, p: crate::split::Piece| {
            let mut n = new.clone();
            n[k] = p;
            !same_cut(&old, &n, 50, 5)
        };
        assert!(differ(0, piece(Phases, 10..51, 0, 1)), "an earlier piece moved");
        assert!(differ(0, piece(Activities, 10..50, 0, 1)), "another kind");
        assert!(differ(1, piece(PhaseActivities, 50..85, 2, 1)), "other phases before");
        assert!(differ(2, piece(Activities, 85..125, 1, 3)), "another number of activities");
        assert!(differ(2, piece(Activities, 80..125, 1, 2)), "a later piece not moved");
        assert!(differ(1, piece(PhaseActivities, 50..84, 1, 1)), "the edited piece not ending where it must");
        assert!(!same_cut(&old, &new[..2], 50, 5), "a piece fewer");
        assert!(!same_cut(&old, &new, 50, 6), "moved by another amount");
        // A shift past the start of the file is no cut at all.
        assert!(!same_cut(&old, &new, 50, -200));
    }

    #[test]
    fn the_same_plan_is_every_activity_kept_but_the_edited_one() {
        let load = |t: &str| crate::load::load(&crate::source::Source::new("p.toml", t)).expect("loads");
        let old = load(PIECES);
        let edited = load(&PIECES.replace(
            "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\n",
            "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\nstatus = \"avlyst\"\n",
        ));
        let b1 = old.activities.iter().position(|a| a.id.value == "b1").unwrap();
        let at = |index, status, done| Edited { index, status, done, keys: &[] };
        assert!(same_plan(&old, &edited, at(b1, Status::Cancelled, None)));
        assert!(!same_plan(&old, &edited, at(b1, Status::Done, None)), "not the status asked for");
        assert!(
            !same_plan(&old, &edited, at(b1, Status::Cancelled, Some(day("2026-10-01")))),
            "not the date asked for"
        );
        assert!(!same_plan(&old, &edited, at(0, Status::Planned, None)), "another activity changed");
        let other = |from: &str, to: &str| {
            let changed = load(&PIECES.replace(from, to).replace(
                "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\n",
                "id = \"b1\"\ntitle = \"B1\"\nwhen = \"oktober 2026\"\nstatus = \"avlyst\"\n",
            ));
            !same_plan(&old, &changed, at(b1, Status::Cancelled, None))
        };
        assert!(other("id = \"t2\"", "id = \"t3\""), "an id");
        assert!(other("title = \"T2\"", "title = \"T3\""), "a title");
        assert!(other("when = \"mars 2027\"", "when = \"april 2027\""), "a date");
        assert!(other("done = 2027-02-01", "done = 2027-02-02"), "another's done date");
        assert!(
            other(
                "id = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\n",
                "id = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\nstatus = \"avlyst\"\n"
            ),
            "another's status"
        );
        assert!(other("\n[[activity]]\nid = \"t2\"\ntitle = \"T2\"\nwhen = \"mars 2027\"\n", ""), "an activity fewer");
    }

    #[test]
    fn a_title_or_date_may_change_only_where_the_edit_changed_it() {
        let load = |t: &str| crate::load::load(&crate::source::Source::new("p.toml", t)).expect("loads");
        let old = load(PIECES);
        let b1 = old.activities.iter().position(|a| a.id.value == "b1").unwrap();
        let change = |key: &str| crate::edit::KeyChange { key: key.into(), old: None, new: None };
        let (title, when) = ([change("title")], [change("when")]);
        let at = |keys| Edited { index: b1, status: Status::Planned, done: None, keys };
        let retitled = load(&PIECES.replace("title = \"B1\"", "title = \"B2\""));
        assert!(same_plan(&old, &retitled, at(&title)));
        assert!(!same_plan(&old, &retitled, at(&when)), "a title the edit did not change");
        let redated = load(&PIECES.replace("when = \"oktober 2026\"", "when = \"november 2026\""));
        assert!(same_plan(&old, &redated, at(&when)));
        assert!(!same_plan(&old, &redated, at(&title)), "a date the edit did not change");
        // Another activity's title or date, whatever the edit changed.
        let other_title = load(&PIECES.replace("title = \"T2\"", "title = \"T3\""));
        assert!(!same_plan(&old, &other_title, at(&title)));
        let other_date = load(&PIECES.replace("when = \"mars 2027\"", "when = \"april 2027\""));
        assert!(!same_plan(&old, &other_date, at(&when)));
    }
}
