//! What changed between two versions of a plan: activities matched by id (added, removed, re-dated,
//! postponed, given another owner, status or title), phases matched by id whose label or period changed, the
//! plan's own title and period, and the findings of the rules that one version has and the other has not.
//!
//! Pure: both plans are loaded and their findings run by the caller. Matching is by hash map, so the work is
//! O(n) in activities, and findings are compared by sorting, O(n log n). [`render`] writes the result for
//! people (terminal, Markdown) and programs (JSON); [`since`] sorts it into what a steering group asks of the
//! time since a version (`status --since`, `report --since`).

pub mod render;
pub mod since;

use crate::diag::{Finding, Severity};
use crate::lang::Text;
use crate::model::{Activity, Plan, Status};
use crate::plan_index::PlanIndex;
use crate::rule_id::RuleId;
use crate::source::Source;
use crate::when::{Precision, When, month_index};
use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt};

/// One version of a plan: loaded, with its findings.
pub struct Side<'a> {
    pub plan: &'a Plan,
    pub source: &'a Source,
    pub findings: &'a [Finding],
}

/// Everything that differs, in the new plan's order (removed things in the old plan's).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanDiff {
    pub title: Option<(String, String)>,
    /// The plan's period, its start and its end as written, when either moved.
    pub period: Option<([Dates; 2], [Dates; 2])>,
    pub phases: Vec<PhaseChange>,
    pub added: Vec<ActivitySummary>,
    pub removed: Vec<ActivitySummary>,
    pub changed: Vec<ActivityChange>,
    /// Findings of the requirement rules: requirements that the new version breaks and the old kept…
    pub requirements_broken: Vec<FindingSummary>,
    /// …and those it keeps where the old broke them.
    pub requirements_kept: Vec<FindingSummary>,
    /// Findings of the other rules, new in the new version, and gone from it.
    pub introduced: Vec<FindingSummary>,
    pub resolved: Vec<FindingSummary>,
}

impl PlanDiff {
    /// Whether the two versions are the same as far as the plan says (comments and layout do not count).
    pub fn is_empty(&self) -> bool {
        *self == PlanDiff::default()
    }
}

/// A span of days as a plan writes it: its first and last day and how precisely it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl Dates {
    fn of(w: &When) -> Dates {
        Dates { start: w.start, end: w.end, precision: w.precision }
    }

    /// An activity's dates: its `when`, to its last day (`end`, `duration`).
    fn of_activity(a: &Activity) -> Dates {
        Dates { start: a.when.value.start, end: a.last_day.max(a.when.value.end), precision: a.when.value.precision }
    }

    /// As a `When` for [`crate::i18n`] to put in words.
    pub fn when(&self) -> When {
        When { start: self.start, end: self.end, precision: self.precision, time: None }
    }
}

/// A phase whose label or period is not what it was, or that one version lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseChange {
    pub id: String,
    pub name: String,
    /// Label and span before and after; `None` on the side that lacks the phase.
    pub old: Option<(String, Dates)>,
    pub new: Option<(String, Dates)>,
}

/// An activity that one version has and the other not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivitySummary {
    pub id: String,
    pub title: String,
    pub dates: Dates,
    pub owners: Vec<String>,
    pub status: Status,
}

/// An activity both versions have, and what differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityChange {
    pub id: String,
    /// Its title in the new version.
    pub title: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Title {
        old: String,
        new: String,
    },
    Dates {
        old: Dates,
        new: Dates,
        shift: Shift,
        left_phase: Option<PhaseOf>,
    },
    Owners {
        old: Vec<String>,
        new: Vec<String>,
    },
    Status {
        old: Status,
        new: Status,
    },
    /// Newly postponed (status `postponed`): from the date it had (`postponed-from`, else its old date),
    /// and why.
    Postponed {
        from: Dates,
        reason: Option<String>,
    },
}

/// How far an activity moved: in months when both dates are months or coarser, else in days. Positive is
/// later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    Months(i64),
    Days(i64),
}

/// The phase an activity has left by being re-dated: the new version's phase, whose span no longer holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseOf {
    pub id: String,
    pub name: String,
    pub label: String,
}

/// A finding as the comparison keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingSummary {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: Text,
}

/// Compares two versions of a plan.
pub fn compare(old: &Side, new: &Side) -> PlanDiff {
    let (oi, ni) = (PlanIndex::new(old.plan, old.source), PlanIndex::new(new.plan, new.source));
    let mut diff = PlanDiff::default();
    let (ot, nt) = (&old.plan.title.value, &new.plan.title.value);
    if ot != nt {
        diff.title = Some((ot.clone(), nt.clone()));
    }
    let period = |p: &Plan| [Dates::of(&p.start.value), Dates::of(&p.end.value)];
    let (op, np) = (period(old.plan), period(new.plan));
    if (op[0].start, op[1].end) != (np[0].start, np[1].end) {
        diff.period = Some((op, np));
    }
    diff.phases = phases(old.plan, new.plan);
    activities(&oi, &ni, &mut diff);
    let (introduced, resolved) = findings(old.findings, new.findings);
    for (f, is_new) in introduced.into_iter().map(|f| (f, true)).chain(resolved.into_iter().map(|f| (f, false))) {
        let list = match (is_requirement_rule(f.rule), is_new) {
            (true, true) => &mut diff.requirements_broken,
            (true, false) => &mut diff.requirements_kept,
            (false, true) => &mut diff.introduced,
            (false, false) => &mut diff.resolved,
        };
        list.push(f);
    }
    diff
}

/// The rules that say whether the plan keeps a requirement (`[[requirement]]`).
fn is_requirement_rule(rule: RuleId) -> bool {
    matches!(
        rule,
        RuleId::Cadence
            | RuleId::RequirementCount
            | RuleId::RequirementDeadline
            | RuleId::QuotaExceeded
            | RuleId::ParticipationMissing
    )
}

fn phases(old: &Plan, new: &Plan) -> Vec<PhaseChange> {
    let side = |p: &crate::model::Phase| (p.label.value.clone(), Dates::of(&p.span));
    let mut olds: HashMap<&str, &crate::model::Phase> = HashMap::with_capacity(old.phases.len());
    for p in &old.phases {
        olds.entry(p.id.value.as_str()).or_insert(p);
    }
    let mut out = Vec::new();
    let mut seen = foldhash::HashSet::default();
    for p in &new.phases {
        if !seen.insert(p.id.value.as_str()) {
            continue;
        }
        let before = olds.get(p.id.value.as_str()).map(|o| side(o));
        let after = side(p);
        let same =
            before.as_ref().is_some_and(|(l, d)| *l == after.0 && (d.start, d.end) == (after.1.start, after.1.end));
        if !same {
            out.push(PhaseChange { id: p.id.value.clone(), name: p.name.clone(), old: before, new: Some(after) });
        }
    }
    for p in &old.phases {
        // `seen` holds the new version's ids: one it lacks is a removed phase.
        if seen.insert(p.id.value.as_str()) {
            out.push(PhaseChange { id: p.id.value.clone(), name: p.name.clone(), old: Some(side(p)), new: None });
        }
    }
    out
}

/// Owners as people know them: a declared role by its name, anything else as written; sorted, so that the
/// order they are written in is no change.
fn owners(index: &PlanIndex, a: &Activity) -> Vec<String> {
    let mut names: Vec<String> = a
        .owners
        .iter()
        .map(|o| index.role(&o.value).map_or_else(|| o.value.clone(), |r| index.plan.roles[r].name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn summary(index: &PlanIndex, a: &Activity) -> ActivitySummary {
    ActivitySummary {
        id: a.id.value.clone(),
        title: a.title.value.clone(),
        dates: Dates::of_activity(a),
        owners: owners(index, a),
        status: a.status,
    }
}

fn activities(oi: &PlanIndex, ni: &PlanIndex, diff: &mut PlanDiff) {
    let first_by_id = |index: &PlanIndex| {
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(index.plan.activities.len());
        for (i, a) in index.plan.activities.iter().enumerate() {
            by_id.entry(a.id.value.clone()).or_insert(i);
        }
        by_id
    };
    let (olds, news) = (first_by_id(oi), first_by_id(ni));
    for (i, a) in ni.plan.activities.iter().enumerate() {
        if news.get(&a.id.value) != Some(&i) {
            continue; // a duplicate id: `check` says so; the first one is the activity
        }
        match olds.get(&a.id.value) {
            None => diff.added.push(summary(ni, a)),
            Some(&o) => {
                let changes = changes(oi, &oi.plan.activities[o], ni, a);
                if !changes.is_empty() {
                    diff.changed.push(ActivityChange { id: a.id.value.clone(), title: a.title.value.clone(), changes });
                }
            }
        }
    }
    for (i, a) in oi.plan.activities.iter().enumerate() {
        if olds.get(&a.id.value) == Some(&i) && !news.contains_key(&a.id.value) {
            diff.removed.push(summary(oi, a));
        }
    }
}

fn changes(oi: &PlanIndex, old: &Activity, ni: &PlanIndex, new: &Activity) -> Vec<Change> {
    let mut out = Vec::new();
    if old.title.value != new.title.value {
        out.push(Change::Title { old: old.title.value.clone(), new: new.title.value.clone() });
    }
    let (od, nd) = (Dates::of_activity(old), Dates::of_activity(new));
    let moved = (od.start, od.end) != (nd.start, nd.end);
    // Postponed again (moved while postponed) is postponed too.
    if new.status == Status::Postponed && (old.status != Status::Postponed || moved) {
        let from = new.postponed_from.as_ref().map_or(od, |f| Dates::of(&f.value));
        out.push(Change::Postponed { from, reason: new.reason.clone() });
    } else if old.status != new.status {
        out.push(Change::Status { old: old.status, new: new.status });
    }
    if moved {
        let left_phase = left_phase(oi, old, ni, new);
        out.push(Change::Dates { old: od, new: nd, shift: shift(&od, &nd), left_phase });
    }
    let (oo, no) = (owners(oi, old), owners(ni, new));
    if oo != no {
        out.push(Change::Owners { old: oo, new: no });
    }
    out
}

/// How far the start moved: months when both are written as months or coarser, else days.
fn shift(old: &Dates, new: &Dates) -> Shift {
    if old.precision >= Precision::Month && new.precision >= Precision::Month {
        Shift::Months(month_index(new.start) - month_index(old.start))
    } else {
        Shift::Days((new.start - old.start).num_days())
    }
}

/// The new version's phase of an activity that its old dates fitted and its new ones do not.
fn left_phase(oi: &PlanIndex, old: &Activity, ni: &PlanIndex, new: &Activity) -> Option<PhaseOf> {
    let (phase, fits) = inside(ni, new)?;
    let fitted = inside(oi, old).is_none_or(|(_, f)| f);
    (fitted && !fits).then(|| PhaseOf {
        id: phase.id.value.clone(),
        name: phase.name.clone(),
        label: phase.label.value.clone(),
    })
}

/// An activity's phase, and whether its dates are inside the phase's span.
fn inside<'a>(index: &PlanIndex<'a>, a: &Activity) -> Option<(&'a crate::model::Phase, bool)> {
    let phase = &index.plan.phases[index.phase_of(a)?];
    let d = Dates::of_activity(a);
    Some((phase, phase.span.start <= d.start && d.end <= phase.span.end))
}

type Key<'a> = (&'static str, &'a str, usize);

/// Each finding's index and key (rule, English message, and its place among equal ones, so that a second
/// identical finding is one more), in key order.
fn keyed(fs: &[Finding]) -> Vec<(usize, Key<'_>)> {
    let mut order: Vec<usize> = (0..fs.len()).collect();
    order.sort_by_key(|&i| (fs[i].rule.as_str(), fs[i].message.en(), i));
    let mut out: Vec<(usize, Key)> = Vec::with_capacity(fs.len());
    for i in order {
        let (rule, message) = (fs[i].rule.as_str(), fs[i].message.en());
        let n = match out.last() {
            Some((_, (r, m, n))) if *r == rule && *m == message => n + 1,
            _ => 0,
        };
        out.push((i, (rule, message, n)));
    }
    out
}

/// The findings only the new version has (introduced) and only the old one has (resolved), each in its
/// version's order. A finding is the same finding when its rule and message are: spans move when lines are
/// added above it.
fn findings(old: &[Finding], new: &[Finding]) -> (Vec<FindingSummary>, Vec<FindingSummary>) {
    let (ok, nk) = (keyed(old), keyed(new));
    let mut only_old = Vec::new();
    let mut only_new = Vec::new();
    let (mut a, mut b) = (0, 0);
    while a < ok.len() || b < nk.len() {
        match (ok.get(a), nk.get(b)) {
            (Some(x), Some(y)) if x.1 == y.1 => (a, b) = (a + 1, b + 1),
            (Some(x), Some(y)) if x.1 < y.1 => {
                only_old.push(x.0);
                a += 1;
            }
            (Some(x), None) => {
                only_old.push(x.0);
                a += 1;
            }
            (_, Some(y)) => {
                only_new.push(y.0);
                b += 1;
            }
            (None, None) => break,
        }
    }
    only_old.sort_unstable();
    only_new.sort_unstable();
    let summarise = |fs: &[Finding], is: Vec<usize>| {
        is.into_iter()
            .map(|i| FindingSummary { rule: fs[i].rule, severity: fs[i].severity, message: fs[i].message.clone() })
            .collect()
    };
    (summarise(new, only_new), summarise(old, only_old))
}

#[cfg(test)]
pub(crate) mod tests;
