//! The proof before anything is written: the new text holds the old data but for the planned change.

use super::change::{Change, EditPlan, parse_value, toml_date};
use super::locate::Step;
use crate::lang::Text;
use crate::messages::edit as m;

/// Checks that the new text holds exactly the old data with the activity's `status` and `done` changed as
/// planned. A failure here is a bug in the splicing, caught before anything is written.
pub(super) fn verify(old: &str, new: &str, path: &[Step], plan: &EditPlan) -> Result<(), Text> {
    // One after the other: each whole parse holds about 25 times the file in memory.
    let mut expected: toml::Table = old.parse().map_err(|e: toml::de::Error| m::old_text_unreadable(&e.to_string()))?;
    let actual: toml::Table = new.parse().map_err(|e: toml::de::Error| m::new_text_not_toml(&e.to_string()))?;
    let activity = walk(&mut expected, path).ok_or_else(m::activity_lost)?;
    match &plan.status {
        Change::Keep => {}
        Change::Set(s) => {
            activity.insert("status".into(), toml::Value::String(s.clone()));
        }
        Change::Remove => {
            activity.remove("status");
        }
    }
    match &plan.done {
        Change::Keep => {}
        Change::Set(d) => {
            let dt: toml::value::Datetime = toml_date(*d).parse().map_err(|_| m::bad_date())?;
            activity.insert("done".into(), toml::Value::Datetime(dt));
        }
        Change::Remove => {
            activity.remove("done");
        }
    }
    for change in &plan.keys {
        match &change.new {
            Some(text) => {
                activity.insert(change.key.clone(), parse_value(text).ok_or_else(m::bad_date)?);
            }
            None => {
                activity.remove(&change.key);
            }
        }
    }
    if same_table(&expected, &actual) { Ok(()) } else { Err(m::more_than_status()) }
}

fn walk<'t>(root: &'t mut toml::Table, path: &[Step]) -> Option<&'t mut toml::Table> {
    let mut steps = path.iter();
    let Some(Step::Key(first)) = steps.next() else { return None };
    let mut v: &mut toml::Value = root.get_mut(*first)?;
    for step in steps {
        v = match step {
            Step::Key(k) => v.as_table_mut()?.get_mut(*k)?,
            Step::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    v.as_table_mut()
}

pub(super) fn same_table(a: &toml::Table, b: &toml::Table) -> bool {
    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
}

/// Equality of TOML values, where a NaN equals a NaN: the question is whether the text says the same.
fn same(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value as V;
    match (a, b) {
        (V::Float(x), V::Float(y)) => x.to_bits() == y.to_bits() || x == y,
        (V::Array(x), V::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w)),
        (V::Table(x), V::Table(y)) => same_table(x, y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::{PLAN, done};
    use crate::model::Status;

    #[test]
    fn verification_catches_any_other_change() {
        let old = "x = nan\n[[activity]]\nid = \"a\"\n";
        let plan = EditPlan {
            splices: Vec::new(),
            status: Change::Set("done".into()),
            done: Change::Keep,
            old_status: Status::Planned,
            old_done: None,
            new_done: None,
            keys: Vec::new(),
        };
        let path = [Step::Key("activity"), Step::Index(0)];
        assert_eq!(verify(old, &format!("{old}status = \"done\"\n"), &path, &plan), Ok(()));
        assert!(verify(old, "x = nan\n[[activity]]\nid = \"b\"\nstatus = \"done\"\n", &path, &plan).is_err());
        assert!(verify(old, &format!("{old}status = \"done\n"), &path, &plan).is_err());
        assert!(verify(old, old, &path, &plan).is_err());
        assert!(verify(old, &format!("{old}status = \"done\"\ndone = 2026-01-01\n"), &path, &plan).is_err());
    }

    #[test]
    fn a_plan_holding_not_a_number_can_still_be_edited() {
        // NaN is not equal to itself, but the text says the same before and after.
        let text = format!("{PLAN}\n[extra]\nn = nan\nlist = [nan, 1.5]\ntable = {{ m = nan }}\n");
        let (new, out) = done(&text, "top", "2026-05-02");
        assert!(out.changed);
        assert!(new.ends_with("[extra]\nn = nan\nlist = [nan, 1.5]\ntable = { m = nan }\n"));
        let t: toml::Table = text.parse().unwrap();
        let u: toml::Table = "[extra]\nn = nan\nlist = [nan, 1.5]\ntable = { m = nan }\n".parse().unwrap();
        assert!(same(&t["extra"], &u["extra"]));
        let other: toml::Table = "[extra]\nn = nan\nlist = [nan, 2.5]\ntable = { m = nan }\n".parse().unwrap();
        assert!(!same(&t["extra"], &other["extra"]));
        let other: toml::Table = "[extra]\nn = nan\nlist = [nan, 1.5]\ntable = { m = 1.0 }\n".parse().unwrap();
        assert!(!same(&t["extra"], &other["extra"]));
        assert!(same(&toml::Value::Float(0.5), &toml::Value::Float(0.5)));
    }
}
