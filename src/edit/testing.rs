//! What the edits' tests share: a plan with every kind of activity, and marking one done.

use super::{Edit, Outcome, apply};
use chrono::NaiveDate;

pub(super) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn done(text: &str, id: &str, date: &str) -> (String, Outcome) {
    apply(text, id, &Edit::done_on(day(date))).unwrap()
}

pub(super) const PLAN: &str = r#"[plan]
title = "P"   # the plan
start = "vår 2026"
end = "vår 2027"

[[phase]]
id = "oppstart"
name = "Oppstart"
period = "Vår 2026"

  [[phase.activity]]
  id = "a"
  title = "Første"
  when = "mars 2026"    # early
  owner = ["x", "y"]

  [[phase.activity]]
  title = "Informasjonsmøte for foreldre"
  when = "april 2026"
  status = 'planlagt'   # not yet

[[activity]]
id = "top"
title = "Toppnivå"
when = "mai 2026"

# trailing comment
"#;
