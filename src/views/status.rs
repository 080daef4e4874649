//! `implan status`: "where do we stand?" on one screen.

use super::{BOLD, DIM, GREEN, MAGENTA, RED, View, YELLOW, fit_labels, paint, paint_words, wrap};
use crate::diag::{Finding, Severity};
use crate::diff::since::{Item, Kind, Since};
use crate::i18n;
use crate::model::{Activity, Cadence, Requirement, Status};
use crate::when::{format_month_index, month_from_index, month_index};
use serde::Serialize;

/// How many upcoming activities "next up" lists.
pub(crate) const NEXT_COUNT: usize = 5;
/// How many changed activities `--since` lists on the screen; the rest are counted (the report lists them all).
pub(crate) const SINCE_COUNT: usize = 6;
const BAR: usize = 20;

/// What the status screen says, in a form both the text and the JSON are made from.
#[derive(Serialize)]
pub struct StatusReport<'a> {
    pub version: u32,
    pub plan: &'a str,
    /// With `--role`: whose work this is (only theirs and their groups' is counted and listed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleRef<'a>>,
    pub org: Option<&'a str>,
    pub start: String,
    pub end: String,
    pub today: String,
    pub current_phase: CurrentPhase<'a>,
    pub progress: Progress,
    pub phases: Vec<PhaseProgress<'a>>,
    /// The activities of no phase (a plan's yearly cycle), in a plan that has phases and such activities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub without_phase: Option<Progress>,
    pub overdue: Vec<Overdue<'a>>,
    pub this_month: Vec<super::schedule::JsonActivity<'a>>,
    pub next: Vec<super::schedule::JsonActivity<'a>>,
    pub recurring: Vec<RecurringStatus<'a>>,
    pub check: CheckCount,
    /// With `--since`: what changed since a version or a day (set by the command, after [`build_for`]).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "since_json")]
    pub since: Option<Since>,
}

fn since_json<S: serde::Serializer>(since: &Option<Since>, s: S) -> Result<S::Ok, S::Error> {
    since.as_ref().map(crate::diff::since::json).serialize(s)
}

#[derive(Serialize)]
pub struct RoleRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// How the text is laid out.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    /// Each activity's id after it, dimmed, for `implan done`.
    pub ids: bool,
    /// The width to wrap lines to; `None` for no limit.
    pub width: Option<u16>,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { ids: true, width: None }
    }
}

#[derive(Serialize)]
#[serde(tag = "where", rename_all = "kebab-case")]
pub enum CurrentPhase<'a> {
    In { id: &'a str, name: &'a str, label: &'a str },
    BeforeFirst,
    AfterLast,
    Between,
    NoPhases,
}

#[derive(Serialize, Clone, Copy, Default)]
pub struct Progress {
    pub done: usize,
    /// Activities that count: cancelled ones do not.
    pub total: usize,
}

#[derive(Serialize)]
pub struct PhaseProgress<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub progress: Progress,
}

#[derive(Serialize)]
pub struct Overdue<'a> {
    #[serde(flatten)]
    pub activity: super::schedule::JsonActivity<'a>,
    pub days_overdue: i64,
}

#[derive(Serialize)]
pub struct RecurringStatus<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The next matching activity that is not done, from today on.
    pub next: Option<super::schedule::JsonActivity<'a>>,
    /// For `every`: the month by which the next one is due (`YYYY-MM`).
    pub due_by: Option<String>,
    /// For `every`: whether the next scheduled one comes too late, or none is scheduled in time.
    pub late: bool,
    /// For `count`: how many so far in the current period, and the range required.
    pub count_so_far: Option<usize>,
    pub count_required: Option<String>,
    pub period: Option<String>,
    /// The same period for people: what it is and its first and last month (month indices).
    #[serde(skip)]
    pub period_named: Option<NamedPeriod>,
}

/// The n-th period (from 0) of a requirement's count, from month `start` to month `end` (month indices).
#[derive(Clone, Copy)]
pub struct NamedPeriod {
    pub per: crate::model::CadencePeriod,
    pub n: usize,
    pub start: i64,
    pub end: i64,
}

#[derive(Serialize, Clone, Copy, Default)]
pub struct CheckCount {
    pub errors: usize,
    pub warnings: usize,
}

fn counts(ids: &[usize], acts: &[Activity]) -> Progress {
    let live = ids.iter().filter(|&&i| acts[i].status != Status::Cancelled);
    let mut p = Progress::default();
    for &i in live {
        p.total += 1;
        if acts[i].status == Status::Done {
            p.done += 1;
        }
    }
    p
}

fn open(a: &Activity) -> bool {
    a.status.is_open()
}

/// Builds the status of a plan on `view.today`, given the plan's check findings.
pub fn build<'a>(view: &'a View<'a>, findings: &[Finding]) -> StatusReport<'a> {
    build_for(view, findings, None)
}

/// The status of one role's work (`role`, an index into the plan's roles): its own activities and its groups',
/// and the requirements it or its groups own, or no one does.
pub fn build_for<'a>(view: &'a View<'a>, findings: &[Finding], role: Option<usize>) -> StatusReport<'a> {
    let plan = view.plan;
    let acts = &plan.activities;
    let today = view.today;
    let this_month = month_index(today);
    let roles = role.map(|r| view.role_and_groups(r));
    let mine = |i: &usize| roles.as_ref().is_none_or(|r| view.owned_by_any(&acts[*i], r));
    let mut by_date: Vec<usize> = (0..acts.len()).filter(mine).collect();
    view.sort_by_date(&mut by_date);

    let current_phase = if plan.phases.is_empty() {
        CurrentPhase::NoPhases
    } else if let Some(p) = plan.phases.iter().find(|p| p.span.start <= today && today <= p.span.end) {
        CurrentPhase::In { id: &p.id.value, name: &p.name, label: &p.label.value }
    } else if plan.phases.iter().all(|p| today < p.span.start) {
        CurrentPhase::BeforeFirst
    } else if plan.phases.iter().all(|p| today > p.span.end) {
        CurrentPhase::AfterLast
    } else {
        CurrentPhase::Between
    };

    let mut overdue: Vec<usize> = by_date.iter().copied().filter(|&i| view.is_overdue(&acts[i])).collect();
    overdue.sort_by_key(|&i| (acts[i].last_day, i));
    let due_now: Vec<usize> = by_date
        .iter()
        .copied()
        .filter(|&i| {
            let a = &acts[i];
            open(a)
                && !view.is_overdue(a)
                && month_index(a.when.value.start) <= this_month
                && month_index(a.last_day) >= this_month
        })
        .collect();
    let next: Vec<usize> = by_date
        .iter()
        .copied()
        .filter(|&i| open(&acts[i]) && month_index(acts[i].when.value.start) > this_month)
        .take(NEXT_COUNT)
        .collect();

    let all: Vec<usize> = (0..acts.len()).filter(mine).collect();
    let phases = plan
        .phases
        .iter()
        .enumerate()
        .filter_map(|(p, ph)| {
            let ids: Vec<usize> = view.index.phase_activities[p].iter().copied().filter(mine).collect();
            // One person's status leaves out the phases they have no part in.
            (roles.is_none() || !ids.is_empty()).then(|| PhaseProgress {
                id: &ph.id.value,
                name: &ph.name,
                progress: counts(&ids, acts),
            })
        })
        .collect();

    let phaseless: Vec<usize> = all.iter().copied().filter(|&i| acts[i].phase.is_none()).collect();
    let without_phase = (!plan.phases.is_empty() && !phaseless.is_empty()).then(|| counts(&phaseless, acts));

    let owned = |r: &&Requirement| match (&roles, &r.owner) {
        (Some(roles), Some(owner)) => view.index.role(&owner.value).is_some_and(|o| roles.contains(&o)),
        _ => true,
    };
    let recurring = plan.requirements.iter().filter(owned).map(|r| recurring_status(view, r)).collect();
    let check = CheckCount {
        errors: findings.iter().filter(|f| f.severity == Severity::Error).count(),
        warnings: findings.iter().filter(|f| f.severity == Severity::Warning).count(),
    };
    let json = |i: &usize| super::schedule::json_activity(view, &acts[*i]);
    StatusReport {
        version: 1,
        plan: &plan.title.value,
        role: role.map(|r| RoleRef { id: &plan.roles[r].id.value, name: &plan.roles[r].name }),
        org: plan.org.as_deref(),
        start: plan.start.value.start.to_string(),
        end: plan.end.value.end.to_string(),
        today: today.to_string(),
        current_phase,
        progress: counts(&all, acts),
        phases,
        without_phase,
        overdue: overdue
            .iter()
            .map(|&i| Overdue { activity: json(&i), days_overdue: (today - acts[i].last_day).num_days() })
            .collect(),
        this_month: due_now.iter().map(json).collect(),
        next: next.iter().map(json).collect(),
        recurring,
        check,
        since: None,
    }
}

fn recurring_status<'a>(view: &'a View<'a>, r: &'a Requirement) -> RecurringStatus<'a> {
    let acts = &view.plan.activities;
    let this_month = month_index(view.today);
    let mut ids: Vec<usize> = crate::rules::activities_keeping(&view.index, r).collect();
    view.sort_by_date(&mut ids);
    let next = ids.iter().copied().find(|&i| open(&acts[i]) && acts[i].last_day >= view.today);
    let mut st = RecurringStatus {
        id: &r.id.value,
        title: &r.title,
        next: next.map(|i| super::schedule::json_activity(view, &acts[i])),
        due_by: None,
        late: false,
        count_so_far: None,
        count_required: None,
        period: None,
        period_named: None,
    };
    let from = month_index(r.from.as_ref().map_or(view.plan.start.value.start, |f| f.value.start));
    let Some(cadence) = &r.cadence else {
        // Deadlines, quotas and participation have no "next due"; `implan check` reports them.
        return st;
    };
    if let (Cadence::Every(12), Some(w)) = (&cadence.value, r.window.as_ref().filter(|w| !w.value.is_empty())) {
        survey_due(view, r, &w.value, &ids, &mut st);
        return st;
    }
    match &cadence.value {
        &Cadence::Every(n) => {
            // The last one that has happened (or was due) before this month; else the requirement's start.
            let last = ids.iter().rev().map(|&i| month_index(acts[i].when.value.start)).find(|&m| m < this_month);
            let due = last.unwrap_or(from) + n as i64;
            let until = month_index(r.until.as_ref().map_or(view.plan.end.value.end, |u| u.value.end));
            // Nothing more is owed once the next one would fall after the requirement (or the plan) ends.
            if due <= until {
                st.due_by = Some(format_month_index(due));
                st.late = match next {
                    Some(i) => month_index(acts[i].when.value.start) > due,
                    None => true,
                };
            }
        }
        Cadence::Count { counts, per } => {
            let until = month_index(r.until.as_ref().map_or(view.plan.end.value.end, |u| u.value.end));
            let origin = match (per, &view.plan.agreement) {
                (crate::model::CadencePeriod::AgreementYear, Some(a)) => month_index(a.start.value.start),
                _ => from,
            };
            let periods = crate::rules::cadence_periods(*per, origin, from, until);
            if let Some((n, p)) = periods.iter().enumerate().find(|(_, p)| p.start <= this_month && this_month <= p.end)
            {
                let (min, max) = Requirement::count_for(counts, n);
                let so_far = ids
                    .iter()
                    .filter(|&&i| (p.start..=this_month).contains(&month_index(acts[i].when.value.start)))
                    .count();
                st.count_so_far = Some(so_far);
                st.count_required = Some(if min == max { min.to_string() } else { format!("{min}–{max}") });
                st.period = Some(format!("{} – {}", format_month_index(p.start), format_month_index(p.end)));
                st.period_named = Some(NamedPeriod { per: *per, n, start: p.start, end: p.end });
            }
        }
    }
    st
}

/// A yearly survey is due by the end of its first window still to come that nothing has held yet, as the
/// `cadence` rule counts it: only an activity in the window's own months keeps it, not one in the survey's
/// other round. The next one is the next such activity.
fn survey_due<'a>(view: &'a View<'a>, r: &Requirement, window: &[u32], ids: &[usize], st: &mut RecurringStatus<'a>) {
    use chrono::Datelike;
    let acts = &view.plan.activities;
    let this_month = month_index(view.today);
    let from = month_index(r.from.as_ref().map_or(view.plan.start.value.start, |f| f.value.start));
    let until = month_index(r.until.as_ref().map_or(view.plan.end.value.end, |u| u.value.end));
    let counting: Vec<usize> =
        ids.iter().copied().filter(|&i| window.contains(&acts[i].when.value.start.month())).collect();
    let next = counting.iter().copied().find(|&i| open(&acts[i]) && acts[i].last_day >= view.today);
    st.next = next.map(|i| super::schedule::json_activity(view, &acts[i]));
    let (first, len) = crate::rules::window_start_and_len(window);
    for year in this_month.div_euclid(12) - 1..=until.div_euclid(12) {
        let start = year * 12 + first as i64 - 1;
        let end = start + len as i64 - 1;
        if start < from || end > until || end < this_month {
            continue;
        }
        let in_window = |i: &&usize| (start..=end).contains(&month_index(acts[**i].when.value.start));
        if counting.iter().filter(in_window).any(|&i| month_index(acts[i].when.value.start) < this_month) {
            continue;
        }
        st.due_by = Some(format_month_index(end));
        st.late = !counting.iter().filter(in_window).any(|&i| open(&acts[i]));
        return;
    }
}

fn bar(p: Progress) -> String {
    let filled = (p.done * BAR).checked_div(p.total).unwrap_or(0);
    format!("{}{}", paint(GREEN, &"█".repeat(filled)), paint(DIM, &"░".repeat(BAR - filled)))
}

fn pct(p: Progress) -> usize {
    (p.done * 100).checked_div(p.total).unwrap_or(0)
}

fn month_text(view: &View, index: i64) -> String {
    let (y, m) = month_from_index(index);
    i18n::month_year(view.lang, y, m)
}

/// The one screen, as text, with the ids and no width limit.
pub fn render_text(view: &View, s: &StatusReport, path: &str) -> String {
    render_text_with(view, s, path, TextOptions::default())
}

/// The one screen, as text, laid out as `opts` says.
pub fn render_text_with(view: &View, s: &StatusReport, path: &str, opts: TextOptions) -> String {
    let mut out = Screen { text: String::new(), width: opts.width.map(usize::from), ids: opts.ids };
    heading(&mut out, view, s);
    progress_bars(&mut out, view, s);
    since(&mut out, view, s, path);
    due(&mut out, view, s);
    requirements(&mut out, view, s);
    check_line(&mut out, view, s, path);
    out.text
}

/// The text being written, and how.
struct Screen {
    text: String,
    width: Option<usize>,
    ids: bool,
}

impl Screen {
    /// A line, wrapped to the width, its next lines indented by `indent`.
    fn line(&mut self, line: &str, indent: usize) {
        self.text.push_str(&wrap(line, self.width, indent, false));
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    /// " · id", dimmed, to end an activity's line; nothing with `--no-ids`.
    fn id(&self, a: &Activity) -> String {
        if self.ids { format!(" {} {}", paint(DIM, "·"), paint(DIM, &a.id.value)) } else { String::new() }
    }
}

/// An activity in a list: when, what, who.
fn item(view: &View, a: &Activity) -> String {
    format!("{} — {} ({})", view.when_text(a), a.title.value, view.owners_text(a))
}

/// The activity with this id.
fn find<'a>(view: &View<'a>, id: &str) -> Option<&'a Activity> {
    view.index.activity(id).map(|i| &view.plan.activities[i])
}

/// The title, the organisation, the period, today, whose status it is and the current phase.
fn heading(out: &mut Screen, view: &View, s: &StatusReport) {
    let (t, plan) = (view.t, view.plan);
    out.line(&paint(BOLD, &plan.title.value), 0);
    let period = i18n::span(view.lang, plan.start.value.start, plan.end.value.end);
    let mut line = vec![period, format!("{} {}", t.today, i18n::day(view.lang, view.today))];
    if let Some(org) = &plan.org {
        line.insert(0, org.clone());
    }
    out.line(&line.join(" · "), 0);
    if let Some(role) = &s.role {
        out.line(&format!("{}: {}", paint(BOLD, t.responsible), role.name), 0);
    }
    out.blank();

    let phase = match &s.current_phase {
        CurrentPhase::In { name, label, .. } => format!("{name} ({label})"),
        CurrentPhase::BeforeFirst => t.before_first_phase.to_string(),
        CurrentPhase::AfterLast => t.after_last_phase.to_string(),
        CurrentPhase::Between => t.between_phases.to_string(),
        CurrentPhase::NoPhases => t.nothing.to_string(),
    };
    out.line(&format!("{}: {}", paint(BOLD, t.current_phase), phase), 0);
    out.blank();
}

/// What a progress line takes besides the name: " " + the bar + " ddd/ddd  ddd %".
const BAR_LINE: usize = 1 + BAR + 15;

/// The plan's progress and each phase's, as bars with names cut to one width (distinct names stay distinct).
fn progress_bars(out: &mut Screen, view: &View, s: &StatusReport) {
    let t = view.t;
    let rows: Vec<(&str, Progress)> = std::iter::once((t.progress, s.progress))
        .chain(s.phases.iter().map(|p| (p.name, p.progress)))
        .chain(s.without_phase.map(|p| (t.no_phase, p)))
        .collect();
    let names: Vec<&str> = rows.iter().map(|(name, _)| *name).collect();
    let longest = names.iter().map(|n| super::display_width(n)).max().unwrap_or(0);
    let room = out.width.map_or(30, |w| w.saturating_sub(BAR_LINE).clamp(8, 30));
    let fitted = fit_labels(&names, longest.min(room));
    let progress = rows.iter().map(|(_, p)| *p);
    for (i, (name, p)) in fitted.iter().zip(progress).enumerate() {
        let name = if i == 0 { paint(BOLD, name) } else { name.clone() };
        let line = format!("{name} {} {:>3}/{:<3} {:>3} %\n", bar(p), p.done, p.total, pct(p));
        out.text.push_str(&line);
    }
}

/// With `--since`: what changed, counted, and the first few, the most pressing first.
fn since(out: &mut Screen, view: &View, s: &StatusReport, path: &str) {
    let Some(since) = &s.since else { return };
    let lang = view.lang;
    out.blank();
    out.line(&paint(BOLD, &crate::escape::visible(&since.heading(lang))), 0);
    if let Some(note) = since.note(lang) {
        out.line(&format!("  {}", paint_words(DIM, &note)), 4);
    }
    out.line(&format!("  {}", since.counts(lang)), 4);
    let listed: Vec<_> = since.listed().collect();
    for item in listed.iter().take(SINCE_COUNT) {
        let a = &item.activity;
        let style = match item.what.kind() {
            Kind::Postponed => MAGENTA,
            Kind::Moved => YELLOW,
            Kind::Cancelled => DIM,
            Kind::Removed => RED,
            Kind::Added | Kind::Done | Kind::Other => GREEN,
        };
        let id = if out.ids { format!(" {} {}", paint(DIM, "·"), paint(DIM, &a.id)) } else { String::new() };
        let (when, owners) = when_and_owners(view, item);
        let line = format!("{when} — {} ({owners}) — {}", a.title, item.what(lang, false));
        out.line(&format!("  {} {line}{id}", paint(style, item.mark())), 4);
    }
    let more = listed.len().saturating_sub(SINCE_COUNT);
    let command = since.diff_command(path).filter(|_| more > 0 || since.other() > 0);
    let pointer = command.map(|c| crate::messages::since::every_change(&c).get(lang).to_owned());
    let more = (more > 0).then(|| crate::messages::since::more(more).get(lang).to_owned());
    let tail: Vec<String> = more.into_iter().chain(pointer).collect();
    if !tail.is_empty() {
        out.line(&format!("  {}", tail.join(" — ")), 4);
    }
}

/// A changed activity's dates and owners as the other lists say them, from the plan as it is now (as it was,
/// when removed: a removed activity's id is not in the plan).
pub(crate) fn when_and_owners(view: &View, item: &Item) -> (String, String) {
    match view.index.activity(&item.activity.id).map(|i| &view.plan.activities[i]) {
        Some(a) => (view.when_text(a), view.owners_text(a)),
        None => (item.when(view.lang), item.owners(view.lang)),
    }
}

/// What is overdue, due this month and next.
fn due(out: &mut Screen, view: &View, s: &StatusReport) {
    let t = view.t;
    out.blank();
    out.line(&format!("{} ({})", paint(BOLD, t.overdue_heading), s.overdue.len()), 0);
    if s.overdue.is_empty() {
        out.line(&format!("  {}", t.nothing), 4);
    }
    for o in &s.overdue {
        if let Some(a) = find(view, o.activity.id) {
            let late = if o.days_overdue < 31 {
                i18n::count(o.days_overdue, t.day)
            } else {
                i18n::count(month_index(view.today) - month_index(a.last_day), t.month)
            };
            let late = format!("{late} {}", t.overdue);
            out.line(&format!("  {} {} — {}{}", paint(RED, "!"), item(view, a), paint_words(RED, &late), out.id(a)), 4);
        }
    }

    for (heading, list) in [(t.this_month_heading, &s.this_month), (t.next_heading, &s.next)] {
        out.blank();
        out.line(&format!("{} ({})", paint(BOLD, heading), list.len()), 0);
        if list.is_empty() {
            out.line(&format!("  {}", t.nothing), 4);
        }
        for j in list {
            if let Some(a) = find(view, j.id) {
                let (mark, said) = match a.status {
                    Status::InProgress => ("▶", String::new()),
                    // Postponed work says so, and from when: "utsatt fra september 2026".
                    Status::Postponed => ("»", format!(" — {}", view.status_text(a))),
                    _ => ("○", String::new()),
                };
                out.line(&format!("  {mark} {}{said}{}", item(view, a), out.id(a)), 4);
            }
        }
    }
}

/// Each requirement: how many so far, the next, the deadline.
fn requirements(out: &mut Screen, view: &View, s: &StatusReport) {
    let t = view.t;
    if !s.recurring.is_empty() {
        out.blank();
        out.line(&paint(BOLD, t.evaluations_heading), 0);
    }
    for r in &s.recurring {
        let mut parts = Vec::new();
        if let (Some(n), Some(req), Some(p)) = (r.count_so_far, &r.count_required, &r.period_named) {
            let (first, last) = (month_from_index(p.start), month_from_index(p.end));
            let period = i18n::count_period(view.lang, p.per, p.n, first, last);
            parts.push(format!("{n} / {req} {} {period}", t.so_far));
        }
        match r.next.as_ref().and_then(|j| find(view, j.id)) {
            Some(a) => parts.push(format!("{} {} ({})", t.next_scheduled, view.when_text(a), a.title.value)),
            None if r.due_by.is_none() && r.count_so_far.is_none() => parts.push(t.none_due.to_string()),
            None => parts.push(t.none_scheduled.to_string()),
        }
        if let Some(due) = &r.due_by {
            let (y, m) =
                due.split_once('-').and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?))).unwrap_or((0, 1));
            let text = format!("{} {}", t.due_by, month_text(view, y as i64 * 12 + m as i64 - 1));
            parts.push(if r.late { paint_words(RED, &text) } else { text });
        }
        let mark = if r.late { paint(RED, "!") } else { "·".to_string() };
        out.line(&format!("  {mark} {}: {}", r.title, parts.join("; ")), 4);
    }
}

/// The check's findings, counted.
fn check_line(out: &mut Screen, view: &View, s: &StatusReport, path: &str) {
    let t = view.t;
    out.blank();
    let said = if s.check.errors == 0 && s.check.warnings == 0 {
        paint_words(GREEN, t.check_clean)
    } else {
        let mut parts = Vec::new();
        if s.check.errors > 0 {
            let errors = i18n::count(s.check.errors as i64, t.errors);
            parts.push(paint_words(RED, &errors));
        }
        if s.check.warnings > 0 {
            parts.push(i18n::count(s.check.warnings as i64, t.warnings));
        }
        format!("{} — {}", parts.join(", "), t.check_details.replace("{}", path))
    };
    out.line(&format!("{}: {said}", paint(BOLD, t.check_heading)), 0);
}

pub(crate) fn render_json(s: &StatusReport) -> String {
    crate::json::document(s)
}

#[cfg(test)]
mod tests {
    use super::{build, render_json, render_text};
    use crate::model::Lang;
    use crate::source::Source;
    use crate::views::View;

    /// Spring and autumn 2026 with the summer between them, and a plan without phases.
    const TWO_TERMS: &str = "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2026\"\n\n[roles]\npl = \"P\"\n\n\
        [[phase]]\nid = \"v\"\nname = \"Vår\"\nperiod = \"Vår 2026\"\n[[phase.activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n\n\
        [[phase]]\nid = \"h\"\nname = \"Høst\"\nperiod = \"Høst 2026\"\n[[phase.activity]]\ntitle = \"B\"\nwhen = \"oktober 2026\"\nowner = \"pl\"\n";

    /// The current-phase line of the text, and the JSON's `current_phase`, on a day.
    fn current_phase(text: &str, today: &str, lang: Lang) -> (String, serde_json::Value) {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).expect("the test plan loads");
        let view = View::new(&plan, &source, lang, today.parse().unwrap());
        let report = build(&view, &[]);
        let text = anstream::adapter::strip_str(&render_text(&view, &report, "t.toml")).to_string();
        let line = text.lines().find(|l| l.contains(view.t.current_phase)).expect("a current-phase line").to_string();
        let json: serde_json::Value = serde_json::from_str(&render_json(&report)).unwrap();
        (line, json["current_phase"].clone())
    }

    #[test]
    fn the_current_phase_is_the_one_holding_today() {
        for (day, name) in
            [("2026-01-01", "Vår (Vår 2026)"), ("2026-06-30", "Vår (Vår 2026)"), ("2026-12-31", "Høst (Høst 2026)")]
        {
            let (line, json) = current_phase(TWO_TERMS, day, Lang::En);
            assert_eq!(line, format!("Current phase: {name}"), "{day}");
            assert_eq!(json["where"], "in", "{day}");
        }
        let (_, json) = current_phase(TWO_TERMS, "2026-08-01", Lang::En);
        assert_eq!(json, serde_json::json!({"where": "in", "id": "h", "name": "Høst", "label": "Høst 2026"}));
    }

    #[test]
    fn the_activities_of_no_phase_have_their_own_progress_row() {
        let status = |text: &str| {
            let source = Source::new("t.toml", text);
            let plan = crate::load::load(&source).expect("the test plan loads");
            let view = View::new(&plan, &source, Lang::En, "2026-12-01".parse().unwrap());
            let report = build(&view, &[]);
            let text = anstream::adapter::strip_str(&render_text(&view, &report, "t.toml")).to_string();
            let json: serde_json::Value = serde_json::from_str(&render_json(&report)).unwrap();
            (text, json)
        };
        let cycle = "[[activity]]\ntitle = \"C\"\nwhen = \"november 2026\"\nowner = \"pl\"\nstatus = \"done\"\ndone = 2026-11-20\n";
        let (text, json) = status(&format!("{TWO_TERMS}\n{cycle}"));
        let rows: Vec<&str> = text.lines().filter(|l| l.ends_with(" %")).collect();
        assert_eq!(rows.len(), 4, "{text}");
        assert!(rows[0].contains("1/3") && rows[3].starts_with("No phase") && rows[3].contains("1/1"), "{text}");
        assert_eq!(json["without_phase"], serde_json::json!({"done": 1, "total": 1}));
        // Without such activities, or without phases, there is no such row.
        let (text, json) = status(TWO_TERMS);
        assert!(!text.contains("No phase") && json.get("without_phase").is_none(), "{text}");
        let no_phases =
            format!("[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2026\"\n[roles]\npl = \"P\"\n{cycle}");
        let (text, json) = status(&no_phases);
        assert!(!text.contains("No phase") && json.get("without_phase").is_none(), "{text}");
    }

    /// What the status says of a requirement: next activity's title, due by, late, so far, required, period.
    type Said = (Option<String>, Option<String>, bool, Option<usize>, Option<String>, Option<String>);

    fn requirement(text: &str, today: &str) -> Said {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).expect("the test plan loads");
        let view = View::new(&plan, &source, Lang::En, today.parse().unwrap());
        let r = build(&view, &[]).recurring.into_iter().next().expect("a requirement");
        (r.next.map(|a| a.title.to_string()), r.due_by, r.late, r.count_so_far, r.count_required, r.period)
    }

    const HEAD: &str = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2028-12\"\n[roles]\npl = \"P\"\n";

    fn activity(title: &str, when: &str, extra: &str) -> String {
        format!("[[activity]]\ntitle = \"{title}\"\nwhen = \"{when}\"\nkind = \"møte\"\n{extra}\n")
    }

    #[test]
    fn the_next_one_is_open_work_of_the_kind_by_the_owner_named() {
        let every =
            "[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"møte\"\nowner = \"ekstern\"\nevery = \"3 måneder\"\n";
        let text = format!(
            "{HEAD}{every}{}{}{}{}",
            activity("Gjort", "2026-05-01", "owner = \"ekstern\"\nstatus = \"done\"\ndone = 2026-05-01"),
            activity("Andre sin", "2026-05-02", "owner = \"pl\""),
            activity("Neste", "2026-06-01", "owner = \"ekstern\""),
            activity("Avlyst", "2026-04-01", "owner = \"ekstern\"\nstatus = \"cancelled\""),
        );
        let (next, due, late, ..) = requirement(&text, "2026-04-15");
        // Done work is not the next one; nor is another owner's; the owner need not be a role of the plan.
        assert_eq!(next.as_deref(), Some("Neste"));
        // Due three months after the plan's start (nothing happened before April): April; June is late.
        assert_eq!((due.as_deref(), late), (Some("2026-04"), true));
        // Once May's is behind us, the next is due in August, and June's is in time; in the due month too.
        let (_, due, late, ..) = requirement(&text, "2026-06-01");
        assert_eq!((due.as_deref(), late), (Some("2026-08"), false));
        let exact = format!("{HEAD}{every}{}", activity("I tide", "2026-04-10", "owner = \"ekstern\""));
        let (_, due, late, ..) = requirement(&exact, "2026-03-01");
        assert_eq!((due.as_deref(), late), (Some("2026-04"), false));
    }

    #[test]
    fn a_count_is_for_the_period_holding_today() {
        let count = |per: &str, counts: &str| {
            format!("[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"møte\"\ncount = {counts}\nper = \"{per}\"\n")
        };
        let acts: String = ["2026-02-01", "2026-09-01", "2027-03-01"].iter().map(|d| activity("M", d, "")).collect();
        let text = format!("{HEAD}{}{acts}", count("år", "[2, 3]"));
        let at = |today: &str, text: &str| {
            let (.., so_far, required, period) = requirement(text, today);
            (so_far, required, period)
        };
        assert_eq!(at("2026-12-31", &text), (Some(2), Some("2".into()), Some("2026-01 – 2026-12".into())));
        assert_eq!(at("2027-01-01", &text), (Some(0), Some("3".into()), Some("2027-01 – 2027-12".into())));
        let ranged = format!("{HEAD}{}{acts}", count("år", "\"2-4\""));
        assert_eq!(at("2027-06-01", &ranged), (Some(1), Some("2–4".into()), Some("2027-01 – 2027-12".into())));
        // Agreement years count from the agreement's start.
        let agreement = format!("{HEAD}[agreement]\nstart = \"2026-08\"\nyears = 2\n{}{acts}", count("avtaleår", "2"));
        assert_eq!(at("2027-03-15", &agreement), (Some(2), Some("2".into()), Some("2026-08 – 2027-07".into())));
    }

    /// The status as text, without colours, on a day, with some findings.
    fn text_on(text: &str, today: &str, findings: &[crate::diag::Finding]) -> String {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).expect("the test plan loads");
        let view = View::new(&plan, &source, Lang::En, today.parse().unwrap());
        anstream::adapter::strip_str(&render_text(&view, &build(&view, findings), "t.toml")).to_string()
    }

    #[test]
    fn lateness_in_days_for_a_month_then_in_months() {
        let text = format!("{HEAD}{}", activity("Møtet", "2026-03-01", ""));
        assert!(
            text_on(&text, "2026-03-31", &[]).contains("Møtet")
                && text_on(&text, "2026-03-31", &[]).contains("30 days overdue")
        );
        assert!(text_on(&text, "2026-04-01", &[]).contains("1 month overdue"), "{}", text_on(&text, "2026-04-01", &[]));
    }

    #[test]
    fn a_requirement_with_nothing_scheduled_says_whether_anything_is_owed() {
        let every = "[[recurring]]\nid = \"r\"\ntitle = \"Hvert kvartal\"\nkind = \"møte\"\nevery = \"3 måneder\"\n";
        let count = "[[recurring]]\nid = \"c\"\ntitle = \"To i året\"\nkind = \"møte\"\ncount = 2\nper = \"år\"\n";
        let last = "[[recurring]]\nid = \"l\"\ntitle = \"Til slutt\"\nkind = \"møte\"\nevery = \"3 måneder\"\nuntil = \"2026-03\"\n";
        let out = text_on(&format!("{HEAD}{every}{count}{last}"), "2026-06-15", &[]);
        let line = |title: &str| {
            out.lines().find(|l| l.contains(title)).unwrap_or_else(|| panic!("{title}: {out}")).to_string()
        };
        assert!(line("Hvert kvartal").contains("none scheduled"), "{out}");
        assert!(line("To i året").contains("0 / 2") && line("To i året").contains("none scheduled"), "{out}");
        assert!(line("Til slutt").contains("no more due before the plan ends"), "{out}");
    }

    #[test]
    fn the_checks_count_errors_and_warnings() {
        use crate::diag::{Finding, Severity};
        let warning =
            Finding::new(crate::diag::RuleId::IdleGap, Severity::Warning, None, crate::lang::Text::verbatim("w"));
        let error =
            Finding::new(crate::diag::RuleId::UnknownRole, Severity::Error, None, crate::lang::Text::verbatim("e"));
        let out = text_on(HEAD, "2026-06-15", std::slice::from_ref(&warning));
        assert!(out.contains("1 warning —") && !out.contains("error"), "{out}");
        let out = text_on(HEAD, "2026-06-15", std::slice::from_ref(&error));
        assert!(out.contains("Check: 1 error —"), "{out}");
        let out = text_on(HEAD, "2026-06-15", &[error, warning.clone(), warning]);
        assert!(out.contains("1 error, 2 warnings —"), "{out}");
    }

    /// A comparison with `n` activities added, `other` other changes, since a revision.
    fn changed(n: usize, other: usize) -> crate::diff::since::Since {
        use crate::diff::since::{Baseline, Item, Since, Version, What};
        use crate::diff::{ActivitySummary, Dates};
        let day = |d: &str| d.parse().unwrap();
        let dates =
            Dates { start: day("2026-05-01"), end: day("2026-05-31"), precision: crate::when::Precision::Month };
        let item = |i: usize| Item {
            activity: ActivitySummary {
                id: format!("ny-{i}"),
                title: format!("Ny {i}"),
                dates,
                owners: vec![],
                status: crate::model::Status::Planned,
            },
            what: What::Added,
        };
        Since {
            baseline: Baseline::Revision {
                name: "v1".into(),
                version: Version { commit: "abc1234".into(), date: day("2026-02-10") },
            },
            items: (0..n).map(item).collect(),
            plan_changes: other,
        }
    }

    /// The status's "changed since" section, without colours, as `opts` lays it out.
    fn since_section(since: crate::diff::since::Since, opts: super::TextOptions) -> String {
        let source = Source::new("t.toml", HEAD);
        let plan = crate::load::load(&source).unwrap();
        let view = View::new(&plan, &source, Lang::En, "2026-06-15".parse().unwrap());
        let mut report = build(&view, &[]);
        report.since = Some(since);
        let text = anstream::adapter::strip_str(&super::render_text_with(&view, &report, "t.toml", opts)).to_string();
        let from = text.find("Changed since").expect("the section");
        text[from..].split("\n\n").next().unwrap().to_owned()
    }

    #[test]
    fn the_changes_since_list_a_few_and_count_the_rest() {
        let opts = super::TextOptions::default();
        let six = since_section(changed(super::SINCE_COUNT, 0), opts);
        assert_eq!(six.lines().count(), 2 + super::SINCE_COUNT, "{six}");
        assert!(six.ends_with("+ May 2026 — Ny 5 (no one responsible) — new in the plan · ny-5"), "{six}");
        let eight = since_section(changed(super::SINCE_COUNT + 2, 0), opts);
        assert!(!eight.contains("Ny 6"), "{eight}");
        assert!(eight.ends_with("\n  … and 2 more — run `implan diff v1 t.toml` for every change"), "{eight}");
        // Nothing cut, but other changes: where to see them.
        let other = since_section(changed(1, 3), opts);
        assert!(other.contains("\n  1 added, 3 other changes\n"), "{other}");
        assert!(other.ends_with("\n  run `implan diff v1 t.toml` for every change"), "{other}");
        let none = since_section(changed(0, 0), super::TextOptions { ids: false, width: Some(40) });
        assert_eq!(none, "Changed since v1 (10 February 2026)\n  no changes");
        let bare = since_section(changed(1, 0), super::TextOptions { ids: false, width: None });
        assert!(bare.ends_with("— new in the plan"), "{bare}");
    }

    #[test]
    fn a_day_between_two_phases_is_between_them() {
        let (line, json) = current_phase(TWO_TERMS, "2026-07-15", Lang::En);
        assert_eq!(line, "Current phase: between phases");
        assert_eq!(json, serde_json::json!({"where": "between"}));
        let (line, _) = current_phase(TWO_TERMS, "2026-07-15", Lang::Nb);
        assert_eq!(line, "Nåværende fase: mellom faser");
    }

    #[test]
    fn before_the_first_and_after_the_last_phase() {
        let (line, json) = current_phase(TWO_TERMS, "2025-12-31", Lang::En);
        assert_eq!(
            (line.as_str(), json["where"].as_str()),
            ("Current phase: before the first phase", Some("before-first"))
        );
        let (line, json) = current_phase(TWO_TERMS, "2027-01-01", Lang::En);
        assert_eq!(
            (line.as_str(), json["where"].as_str()),
            ("Current phase: after the last phase", Some("after-last"))
        );
        let no_phases = "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2026\"\n";
        let (_, json) = current_phase(no_phases, "2026-03-01", Lang::En);
        assert_eq!(json["where"], "no-phases");
    }
}
