//! What changed since a version of a plan, for the steering group's next meeting (`status --since`, `report
//! --since`): each activity that changed put in one kind — postponed, moved, cancelled, removed, added, done —
//! the rest counted as other changes.
//!
//! Since a revision, it is the [`PlanDiff`] of that version and the working copy, sorted. Since a day, it is the
//! same against the version git had when that day began (when it had one), and besides, without git, every
//! activity whose `done` date is that day or later is done since.

use super::{ActivitySummary, Change, Dates, PhaseOf, PlanDiff, Shift, summary};
use crate::i18n;
use crate::lang::Lang;
use crate::messages::{diff as md, since as m, views as mv};
use crate::model::{Plan, Status};
use crate::plan_index::PlanIndex;
use crate::source::Source;
use chrono::NaiveDate;
use foldhash::{HashSet, HashSetExt};
use serde_json::{Value, json};

/// What the changes are counted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Baseline {
    /// A git revision, as it was given: the plan as it was in its commit.
    Revision { name: String, version: Version },
    /// A day: the plan as git had it when the day began (or why there is no such version), and the work
    /// done from that day on.
    Day { day: NaiveDate, version: Result<Version, NoVersion> },
}

/// A version of the plan in git: its commit's short id and the day it was committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub commit: String,
    pub date: NaiveDate,
}

/// Why there is no version to compare with since a day: only what was done since is known then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoVersion {
    /// The plan is not in a git repository.
    NotInGit,
    /// git could not be run.
    NoGit,
    /// git has no commit of the plan before the day.
    NoneBefore,
}

impl NoVersion {
    fn as_str(self) -> &'static str {
        match self {
            NoVersion::NotInGit => "not-in-git",
            NoVersion::NoGit => "no-git",
            NoVersion::NoneBefore => "none-before",
        }
    }
}

/// The kinds of change, in the order they are listed: what the steering group must hear first comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Postponed,
    Moved,
    Cancelled,
    Removed,
    Added,
    Done,
    /// Changed only in its title, owners or another status: counted, not listed.
    Other,
}

impl Kind {
    /// Every kind but [`Kind::Other`], in order.
    pub const LISTED: [Kind; 6] =
        [Kind::Postponed, Kind::Moved, Kind::Cancelled, Kind::Removed, Kind::Added, Kind::Done];

    fn key(self) -> &'static str {
        match self {
            Kind::Postponed => "postponed",
            Kind::Moved => "moved",
            Kind::Cancelled => "cancelled",
            Kind::Removed => "removed",
            Kind::Added => "added",
            Kind::Done => "done",
            Kind::Other => "other",
        }
    }
}

/// One activity that changed: as it is now (as it was, when removed), and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub activity: ActivitySummary,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// Newly postponed (or postponed again), from the date it had; out of its phase, as a move can be.
    Postponed {
        from: Dates,
        reason: Option<String>,
        left_phase: Option<PhaseOf>,
    },
    /// Re-dated, from its old dates, this far; out of its phase, when its old dates were in it.
    Moved {
        from: Dates,
        shift: Shift,
        left_phase: Option<PhaseOf>,
    },
    Cancelled {
        reason: Option<String>,
    },
    Removed,
    Added,
    /// Done, on the day its `done` says.
    Done {
        on: Option<NaiveDate>,
    },
    Other,
}

impl What {
    pub fn kind(&self) -> Kind {
        match self {
            What::Postponed { .. } => Kind::Postponed,
            What::Moved { .. } => Kind::Moved,
            What::Cancelled { .. } => Kind::Cancelled,
            What::Removed => Kind::Removed,
            What::Added => Kind::Added,
            What::Done { .. } => Kind::Done,
            What::Other => Kind::Other,
        }
    }
}

/// What changed since the baseline: each changed activity once, in [`Kind`] order and by date within a kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Since {
    pub baseline: Baseline,
    pub items: Vec<Item>,
    /// Changes to the plan itself: its title, its period, its phases.
    pub plan_changes: usize,
}

impl Since {
    /// How many activities changed in this way.
    pub fn count(&self, kind: Kind) -> usize {
        self.items.iter().filter(|i| i.what.kind() == kind).count()
    }

    /// The changes not listed: activities changed otherwise, and changes to the plan's title, period and phases.
    pub fn other(&self) -> usize {
        self.count(Kind::Other) + self.plan_changes
    }

    /// The listed items (not [`Kind::Other`]), in order.
    pub fn listed(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.what.kind() != Kind::Other)
    }

    /// Whether git had a version to compare with (else only what was done since a day is known).
    pub fn compared(&self) -> bool {
        match &self.baseline {
            Baseline::Revision { .. } => true,
            Baseline::Day { version, .. } => version.is_ok(),
        }
    }

    /// Nothing changed, as far as is known.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.plan_changes == 0
    }

    /// Keeps only the activities `keep` accepts (one role's work, for `status --role`).
    pub fn retain(&mut self, keep: impl Fn(&ActivitySummary) -> bool) {
        self.items.retain(|i| keep(&i.activity));
    }
}

/// What changed since `baseline` in `plan` (the working copy, read from `source`): `diff` is the comparison of
/// the baseline's version with it, when git had one.
pub fn since(baseline: Baseline, diff: Option<&PlanDiff>, plan: &Plan, source: &Source) -> Since {
    let index = PlanIndex::new(plan, source);
    // Since a day, what was done that day or later is done since, whatever git knows.
    let done_since: HashSet<&str> = match &baseline {
        Baseline::Day { day, .. } => plan
            .activities
            .iter()
            .filter(|a| a.status == Status::Done && a.done.as_ref().is_some_and(|d| d.value >= *day))
            .map(|a| a.id.value.as_str())
            .collect(),
        Baseline::Revision { .. } => HashSet::new(),
    };
    let done = |id: &str| {
        let on = index.activity(id).and_then(|i| plan.activities[i].done.as_ref()).map(|d| d.value);
        What::Done { on }
    };
    let mut items = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut plan_changes = 0;
    if let Some(diff) = diff {
        plan_changes = usize::from(diff.title.is_some()) + usize::from(diff.period.is_some()) + diff.phases.len();
        for a in &diff.added {
            items.push(Item { activity: a.clone(), what: What::Added });
        }
        for a in &diff.removed {
            items.push(Item { activity: a.clone(), what: What::Removed });
        }
        for c in &diff.changed {
            let Some(i) = index.activity(&c.id) else { continue };
            let a = &plan.activities[i];
            let dates = c.changes.iter().find_map(|ch| match ch {
                Change::Dates { old, shift, left_phase, .. } => Some((*old, *shift, left_phase.clone())),
                _ => None,
            });
            let what = if has_status(&c.changes, Status::Cancelled) {
                What::Cancelled { reason: a.reason.clone() }
            } else if let Some(Change::Postponed { from, reason }) =
                c.changes.iter().find(|ch| matches!(ch, Change::Postponed { .. }))
            {
                let left_phase = dates.and_then(|(.., left)| left);
                What::Postponed { from: *from, reason: reason.clone(), left_phase }
            } else if has_status(&c.changes, Status::Done) || done_since.contains(c.id.as_str()) {
                done(&c.id)
            } else if let Some((from, shift, left_phase)) = dates {
                What::Moved { from, shift, left_phase }
            } else {
                What::Other
            };
            items.push(Item { activity: summary(&index, a), what });
        }
        seen.extend(items.iter().map(|i| i.activity.id.clone()));
    }
    for a in &plan.activities {
        if done_since.contains(a.id.value.as_str()) && seen.insert(a.id.value.clone()) {
            items.push(Item { activity: summary(&index, a), what: done(&a.id.value) });
        }
    }
    // By kind, then by date: the day it was done for done work, else its (new) start.
    items.sort_by_key(|i| {
        let day = match i.what {
            What::Done { on: Some(on) } => on,
            _ => i.activity.dates.start,
        };
        (i.what.kind(), day)
    });
    Since { baseline, items, plan_changes }
}

/// The section in words, for the status screen and the report: plan text as the plan gives it (the caller
/// shows it, escapes it for its medium).
impl Since {
    /// "Endret siden vedtatt-2026 (12. mars 2026)", "Endret siden 1. oktober 2026".
    pub fn heading(&self, lang: Lang) -> String {
        match &self.baseline {
            Baseline::Revision { name, version } => m::heading_revision(name, &i18n::day(lang, version.date)),
            Baseline::Day { day, .. } => m::heading_day(&i18n::day(lang, *day)),
        }
        .get(lang)
        .to_owned()
    }

    /// Since a day, what it was compared with, or why only what was done is known.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let Baseline::Day { day, version } = &self.baseline else { return None };
        let text = match version {
            Ok(v) => m::compared_with(&i18n::day(lang, v.date), &v.commit),
            Err(NoVersion::NotInGit) => m::not_in_git(),
            Err(NoVersion::NoGit) => m::no_git(),
            Err(NoVersion::NoneBefore) => m::none_before(&i18n::day(lang, *day)),
        };
        Some(text.get(lang).to_owned())
    }

    /// "1 utsatt, 2 flyttet, 1 ny, 3 andre endringer", or "ingen endringer".
    pub fn counts(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        for kind in Kind::LISTED {
            let n = self.count(kind);
            if n > 0 {
                let text = match kind {
                    Kind::Postponed => m::postponed_count(n),
                    Kind::Moved => m::moved_count(n),
                    Kind::Cancelled => m::cancelled_count(n),
                    Kind::Removed => m::removed_count(n),
                    Kind::Added => m::added_count(n),
                    Kind::Done => m::done_count(n),
                    Kind::Other => continue,
                };
                parts.push(text.get(lang).to_owned());
            }
        }
        if self.other() > 0 {
            parts.push(m::other_count(self.other()).get(lang).to_owned());
        }
        if parts.is_empty() { m::no_changes().get(lang).to_owned() } else { parts.join(", ") }
    }

    /// The `implan diff` that shows every change, when git had a version: since a revision, that revision as
    /// given; since a day, the commit. `path` is the plan's, as the reader is shown it.
    pub fn diff_command(&self, path: &str) -> Option<String> {
        let rev = match &self.baseline {
            Baseline::Revision { name, .. } => name.as_str(),
            Baseline::Day { version: Ok(v), .. } => v.commit.as_str(),
            Baseline::Day { version: Err(_), .. } => return None,
        };
        Some(format!("implan diff {rev} {path}"))
    }
}

impl Item {
    /// The mark the status screen puts before it.
    pub fn mark(&self) -> &'static str {
        match self.what.kind() {
            Kind::Postponed => "»",
            Kind::Moved => "→",
            Kind::Cancelled => "×",
            Kind::Removed => "−",
            Kind::Added => "+",
            Kind::Done => "✓",
            Kind::Other => "~",
        }
    }

    /// Its dates in words: when it is now (when it was, if removed).
    pub fn when(&self, lang: Lang) -> String {
        i18n::when(lang, &self.activity.dates.when())
    }

    /// What happened to it: "utsatt fra september 2026", "flyttet fra oktober 2026, 4 måneder senere" (and the
    /// phase it has left), "gjennomført 12. mars 2026"; with `reasons`, the reason given for a postponement or
    /// a cancellation.
    pub fn what(&self, lang: Lang, reasons: bool) -> String {
        let when = |d: &Dates| i18n::when(lang, &d.when());
        let with_reason = |said: String, reason: &Option<String>| match reason {
            Some(r) if reasons => format!("{said}; {}", md::reason(r).get(lang)),
            _ => said,
        };
        let with_phase = |said: String, left_phase: &Option<PhaseOf>| match left_phase {
            Some(p) => format!("{said}; {}", md::left_phase(&format!("{} ({})", p.name, p.label)).get(lang)),
            None => said,
        };
        match &self.what {
            What::Postponed { from, reason, left_phase } => {
                let said = mv::postponed_from(i18n::status(lang, Status::Postponed), &when(from)).get(lang).to_owned();
                with_reason(with_phase(said, left_phase), reason)
            }
            What::Moved { from, shift, left_phase } => {
                let far = match *shift {
                    Shift::Months(0) | Shift::Days(0) => md::same_start(),
                    Shift::Months(n) => md::months_moved(n),
                    Shift::Days(n) => md::days_moved(n),
                };
                with_phase(m::moved_from(&when(from), &far).get(lang).to_owned(), left_phase)
            }
            What::Cancelled { reason } => with_reason(i18n::status(lang, Status::Cancelled).to_owned(), reason),
            What::Removed => m::removed().get(lang).to_owned(),
            What::Added => m::added().get(lang).to_owned(),
            What::Done { on: Some(on) } => m::done_on(&i18n::day(lang, *on)).get(lang).to_owned(),
            What::Done { on: None } => i18n::status(lang, Status::Done).to_owned(),
            What::Other => String::new(),
        }
    }

    /// Its owners, by name, or the word for none.
    pub fn owners(&self, lang: Lang) -> String {
        if self.activity.owners.is_empty() {
            i18n::texts(lang).no_owner.to_owned()
        } else {
            self.activity.owners.join(", ")
        }
    }
}

fn has_status(changes: &[Change], status: Status) -> bool {
    changes.iter().any(|c| matches!(c, Change::Status { new, .. } if *new == status))
}

/// For programs (`status --format json`): keys in English, dates as ISO days, plan text as given.
pub fn json(since: &Since) -> Value {
    let dates = |d: &Dates| json!({ "start": d.start.to_string(), "end": d.end.to_string() });
    let version = |v: &Version| json!({ "commit": v.commit, "date": v.date.to_string() });
    let from = match &since.baseline {
        Baseline::Revision { name, version: v } => json!({ "revision": name, "version": version(v) }),
        Baseline::Day { day, version: v } => json!({
            "day": day.to_string(),
            "version": v.as_ref().ok().map(version),
            "without_version": v.as_ref().err().map(|w| w.as_str()),
        }),
    };
    let mut out = serde_json::Map::new();
    out.insert("from".into(), from);
    for kind in Kind::LISTED {
        let list: Vec<Value> = since
            .items
            .iter()
            .filter(|i| i.what.kind() == kind)
            .map(|i| {
                let a = &i.activity;
                let mut item = json!({ "id": a.id, "title": a.title, "dates": dates(&a.dates), "owners": a.owners });
                let extra = match &i.what {
                    What::Postponed { from, reason, left_phase } => {
                        let left = left_phase.as_ref().map(|p| p.id.as_str());
                        json!({ "from": dates(from), "reason": reason, "left_phase": left })
                    }
                    What::Moved { from, shift, left_phase } => {
                        let (unit, n) = match shift {
                            Shift::Months(n) => ("months", n),
                            Shift::Days(n) => ("days", n),
                        };
                        let left = left_phase.as_ref().map(|p| p.id.as_str());
                        json!({ "from": dates(from), unit: n, "left_phase": left })
                    }
                    What::Cancelled { reason } => json!({ "reason": reason }),
                    What::Done { on } => json!({ "done": on.map(|d| d.to_string()) }),
                    What::Removed | What::Added | What::Other => json!({}),
                };
                if let (Some(item), Value::Object(extra)) = (item.as_object_mut(), extra) {
                    item.extend(extra);
                }
                item
            })
            .collect();
        out.insert(kind.key().into(), Value::Array(list));
    }
    out.insert("other".into(), json!(since.other()));
    Value::Object(out)
}

#[cfg(test)]
mod tests;
