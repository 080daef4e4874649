//! `implan::edit::apply` on any plan text: never panics; when it succeeds on a plan that loads, the new text
//! loads too, holds the same activities (ids, titles, dates, owners, dependencies) with only the edited one's
//! status and done date changed, and applying the same edit again changes nothing. The piecewise edit that
//! large files get (`apply_in_piece`) gives exactly what the whole-file edit gives.
//!
//! Input: the first byte chooses the edit (low 3 bits) and the date of a done edit (high 5 bits); the rest is
//! the plan text (read lossily as UTF-8).
#![no_main]

use chrono::{Days, NaiveDate};
use implan::edit::{Edit, apply};
use implan::model::{Plan, Status};
use implan::source::Source;
use libfuzzer_sys::fuzz_target;

fn load(text: &str) -> Option<Plan> {
    implan::load::load(&Source::new("fuzz.toml", text)).ok()
}

/// What an edit of status and done date must leave alone in one activity.
fn fixed_part(p: &Plan, i: usize) -> String {
    let a = &p.activities[i];
    let v = |xs: &[implan::model::Spanned<String>]| xs.iter().map(|x| x.value.clone()).collect::<Vec<_>>();
    format!(
        "{:?} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        a.id.value,
        a.derived_id,
        a.title.value,
        a.when.value,
        a.last_day,
        v(&a.owners),
        a.phase,
        v(&a.components),
        v(&a.goals),
        v(&a.after),
        a.kind,
        a.tags,
        a.notes
    )
}

fn ids(p: &Plan) -> Vec<String> {
    p.activities.iter().map(|a| a.id.value.clone()).collect()
}

/// Candidate ids in text that does not load: the values of `id = "…"` lines.
fn scanned_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
            let rest = rest.strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .take(8)
        .collect()
}

fn check_edit(text: &str, before: Option<&Plan>, id: &str, edit: &Edit) {
    // The edit large files get, through the piece that holds the activity, is the whole-file edit's, byte for
    // byte, whenever it takes the edit.
    if let Some((piece_text, piece_outcome)) = implan::edit::apply_in_piece(text, id, edit) {
        match implan::edit::apply_whole(text, id, edit) {
            Ok((whole_text, whole_outcome)) => {
                assert!(piece_text == whole_text, "the piecewise edit of {id:?} differs:\n{text}");
                assert_eq!(format!("{piece_outcome:?}"), format!("{whole_outcome:?}"));
            }
            Err(e) => panic!("only the piecewise edit of {id:?} works ({e}):\n{text}"),
        }
    }
    let Ok((new_text, outcome)) = apply(text, id, edit) else { return };
    assert_eq!(outcome.changed, new_text != text, "outcome.changed is wrong for {id:?}");
    assert_eq!(outcome.new_status, edit.status);
    // The same edit again changes nothing.
    match apply(&new_text, id, edit) {
        Ok((again, o)) => {
            assert!(again == new_text && !o.changed, "the edit of {id:?} is not idempotent:\n{new_text}\n---\n{again}")
        }
        Err(e) => panic!("the edit of {id:?} worked once but not twice: {e}\n{new_text}"),
    }
    let Some(before) = before else { return };
    let after = load(&new_text).unwrap_or_else(|| {
        let errs = implan::load::load(&Source::new("fuzz.toml", new_text.as_str())).err();
        panic!("the plan loaded before editing {id:?} but not after: {errs:?}\n---\n{new_text}")
    });
    assert_eq!(ids(before), ids(&after), "activity ids changed");
    assert_eq!(before.phases.len(), after.phases.len());
    assert_eq!(before.roles.len(), after.roles.len());
    assert_eq!(before.requirements.len(), after.requirements.len());
    for i in 0..before.activities.len() {
        assert_eq!(fixed_part(before, i), fixed_part(&after, i), "activity {i} changed more than its status");
        let (b, a) = (&before.activities[i], &after.activities[i]);
        if b.id.value == id {
            assert_eq!(a.status, edit.status, "the edited activity's status");
            match (edit.status, edit.done) {
                (Status::Done, Some(d)) => assert_eq!(day(a), Some(d)),
                (Status::Done, None) => assert_eq!(day(a), day(b)),
                _ => assert_eq!(day(a), None),
            }
        } else {
            assert_eq!((a.status, day(a)), (b.status, day(b)), "another activity's status changed");
        }
    }
}

/// The done date, without where it is written (an edit moves what comes after it).
fn day(a: &implan::model::Activity) -> Option<chrono::NaiveDate> {
    a.done.as_ref().map(|d| d.value)
}

fuzz_target!(|data: &[u8]| {
    let Some((&op, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Days::new(u64::from(op >> 3) * 29);
    let edit = match op & 7 {
        0 | 5 => Edit::done_on(date),
        1 => Edit::status(Status::Planned),
        2 => Edit::status(Status::InProgress),
        3 | 6 => Edit::status(Status::Done),
        _ => Edit::status(Status::Cancelled),
    };
    let before = load(&text);
    let mut targets: Vec<String> = match &before {
        Some(plan) => ids(plan),
        None => scanned_ids(&text),
    };
    targets.truncate(16);
    targets.push("no-such-activity".into());
    for id in &targets {
        check_edit(&text, before.as_ref(), id, &edit);
    }
});
