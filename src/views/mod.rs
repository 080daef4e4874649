//! The views a project leader uses every week: schedule, timeline, checklist and status.
//!
//! Views render to strings. Text meant for a terminal carries ANSI styles; the binary prints it through a
//! stream that strips them when the output is not a terminal or `NO_COLOR` is set.

pub mod checklist;
pub mod costs;
pub mod schedule;
pub mod status;
pub mod timeline;

use crate::i18n::{self, Texts};
use crate::lang::Text;
use crate::messages::commands as m;
use crate::messages::common::{did_you_mean, quoted_list};
use crate::model::{Activity, Lang, Plan, Status};
use crate::plan_index::PlanIndex;
use crate::source::Source;
use crate::suggest::nearest;
use crate::when::When;
use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet, VecDeque};

/// Everything a view needs: the plan with its lookups, the language, and the day it is.
pub struct View<'a> {
    pub index: PlanIndex<'a>,
    pub plan: &'a Plan,
    pub lang: Lang,
    pub t: &'static Texts,
    pub today: NaiveDate,
}

/// A filter or option that names something the plan does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewError(pub Text);

/// In English, for logs and tests; people read the `Text`.
impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.en())
    }
}

impl std::error::Error for ViewError {}

/// Which activities a view shows. Empty fields select everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A role id or name: its own activities and those of every group it belongs to.
    pub role: Option<String>,
    /// A phase id or name.
    pub phase: Option<String>,
    /// Activities that overlap the span from `from`'s first day to `to`'s last.
    pub from: Option<When>,
    pub to: Option<When>,
    pub status: Vec<Status>,
    /// Late work as well as the statuses in `status`: planned or in progress with its last day before today.
    pub overdue: bool,
}

impl Filter {
    /// Whether anything is filtered out.
    pub(crate) fn filters(&self) -> bool {
        self.role.is_some()
            || self.phase.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || !self.status.is_empty()
            || self.overdue
    }
}

/// A word `--status` takes: a status, or late work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusWord {
    Is(Status),
    Overdue,
}

/// Every status, in the order a person thinks of them.
fn every_status() -> [Status; 5] {
    // A status added to the model stops this from compiling until it is listed below.
    let _listed = |s: Status| match s {
        Status::Planned | Status::InProgress | Status::Done | Status::Cancelled | Status::Postponed => (),
    };
    [Status::Planned, Status::InProgress, Status::Postponed, Status::Done, Status::Cancelled]
}

const LANGS: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

/// The word "overdue" in each language, as `--status` takes it.
fn overdue_words() -> impl Iterator<Item = &'static str> {
    LANGS.into_iter().map(|l| i18n::texts(l).overdue)
}

/// A `--status` word: any word [`Status::parse`] takes, or "overdue" in any language; else an error with the
/// nearest word.
pub fn parse_status_word(word: &str) -> Result<StatusWord, Text> {
    if let Some(s) = Status::parse(word) {
        return Ok(StatusWord::Is(s));
    }
    let lower = word.trim().to_lowercase();
    if overdue_words().any(|w| w == lower) {
        return Ok(StatusWord::Overdue);
    }
    let mut words: Vec<&str> = every_status().iter().map(|s| s.as_str()).collect();
    words.push(i18n::texts(Lang::En).overdue);
    let named = every_status().into_iter().flat_map(|s| LANGS.map(|l| i18n::status(l, s)));
    let candidates: Vec<&str> = words.iter().copied().chain(named).chain(overdue_words()).collect();
    let shown = crate::escape::visible(word.trim());
    Err(match nearest(&lower, candidates) {
        Some(s) => m::unknown_status_flag(&shown, &did_you_mean(s)),
        None => m::unknown_status_flag(&shown, &m::statuses_are(&quoted_list(&words))),
    })
}

pub(crate) const BOLD: Style = Style::new().bold();
pub(crate) const DIM: Style = Style::new().dimmed();
pub(crate) const GREEN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
pub(crate) const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::BrightRed))).bold();
pub(crate) const YELLOW: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
pub(crate) const MAGENTA: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));

pub(crate) fn paint(style: Style, text: &str) -> String {
    if text.is_empty() { String::new() } else { format!("{style}{text}{style:#}") }
}

/// Each word painted on its own, so that a line broken between words leaves no style open.
pub(crate) fn paint_words(style: Style, text: &str) -> String {
    text.split(' ').map(|w| paint(style, w)).collect::<Vec<_>>().join(" ")
}

impl<'a> View<'a> {
    pub fn new(plan: &'a Plan, source: &'a Source, lang: Lang, today: NaiveDate) -> View<'a> {
        View { index: PlanIndex::new(plan, source), plan, lang, t: i18n::texts(lang), today }
    }

    pub(crate) fn is_overdue(&self, a: &Activity) -> bool {
        a.status.is_open() && a.last_day < self.today
    }

    /// The status as a word, with "overdue" when the day has passed.
    pub(crate) fn status_text(&self, a: &Activity) -> String {
        // "Overdue" says "planned and not done" by itself; only work under way needs both words.
        match a.status {
            crate::model::Status::Planned if self.is_overdue(a) => self.t.overdue.to_string(),
            s if self.is_overdue(a) => format!("{}, {}", self.status_word(a, s), self.t.overdue),
            s => self.status_word(a, s),
        }
    }

    /// The status's word, and for postponed work the date it had: "utsatt fra mars 2027".
    fn status_word(&self, a: &Activity, s: Status) -> String {
        let word = i18n::status(self.lang, s);
        match (&a.postponed_from, s) {
            (Some(from), Status::Postponed) => {
                crate::messages::views::postponed_from(word, &i18n::when(self.lang, &from.value))
                    .get(self.lang)
                    .to_string()
            }
            _ => word.to_string(),
        }
    }

    pub(crate) fn status_style(&self, a: &Activity) -> Style {
        match a.status {
            _ if self.is_overdue(a) => RED,
            Status::Done => GREEN,
            Status::InProgress => YELLOW,
            Status::Cancelled => DIM,
            Status::Planned => Style::new(),
            Status::Postponed => MAGENTA,
        }
    }

    /// When an activity happens, as its writer would say it, with its end when it has one.
    pub(crate) fn when_text(&self, a: &Activity) -> String {
        let w = &a.when.value;
        if a.last_day == w.end { i18n::when(self.lang, w) } else { i18n::span(self.lang, w.start, a.last_day) }
    }

    /// The responsible roles by display name.
    pub(crate) fn owners_text(&self, a: &Activity) -> String {
        if a.owners.is_empty() {
            return self.t.no_owner.to_string();
        }
        let names: Vec<&str> = a
            .owners
            .iter()
            .map(|o| self.index.role(&o.value).map_or(o.value.as_str(), |i| self.plan.roles[i].name.as_str()))
            .collect();
        names.join(", ")
    }

    pub(crate) fn phase_name(&self, a: &Activity) -> &str {
        self.index.phase_of(a).map_or("", |p| self.plan.phases[p].name.as_str())
    }

    /// A role by id or name, or an error that names the nearest.
    pub(crate) fn find_role(&self, name: &str) -> Result<usize, ViewError> {
        self.index.role(name).ok_or_else(|| {
            let candidates = self.plan.roles.iter().map(|r| r.id.value.as_str());
            let hint = match nearest(name, candidates) {
                Some(s) => did_you_mean(s),
                None => m::roles_are(&quoted_list(&self.role_ids())),
            };
            ViewError(m::no_role(name, &hint))
        })
    }

    fn role_ids(&self) -> Vec<&str> {
        self.plan.roles.iter().map(|r| r.id.value.as_str()).take(12).collect()
    }

    /// A phase by id or name (any case), or an error that names the nearest.
    pub(crate) fn find_phase(&self, name: &str) -> Result<usize, ViewError> {
        let lower = name.trim().to_lowercase();
        self.plan
            .phases
            .iter()
            .position(|p| p.id.value == name || p.id.value.to_lowercase() == lower || p.name.to_lowercase() == lower)
            .ok_or_else(|| {
                let ids: Vec<&str> = self.plan.phases.iter().map(|p| p.id.value.as_str()).collect();
                let hint = match nearest(name, ids.iter().copied()) {
                    Some(s) => did_you_mean(s),
                    None if ids.is_empty() => m::no_phases(),
                    None => m::phases_are(&quoted_list(&ids)),
                };
                ViewError(m::no_phase(name, &hint))
            })
    }

    /// The role and every group it belongs to, directly or through other groups (a lead counts as a member).
    pub(crate) fn role_and_groups(&self, role: usize) -> HashSet<usize> {
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); self.plan.roles.len()];
        for (g, r) in self.plan.roles.iter().enumerate() {
            for m in r.lead.iter().chain(&r.members) {
                if let Some(m) = self.index.role(&m.value) {
                    parents[m].push(g);
                }
            }
        }
        let mut seen = HashSet::from([role]);
        let mut queue = VecDeque::from([role]);
        while let Some(r) = queue.pop_front() {
            for &g in &parents[r] {
                if seen.insert(g) {
                    queue.push_back(g);
                }
            }
        }
        seen
    }

    pub(crate) fn owned_by_any(&self, a: &Activity, roles: &HashSet<usize>) -> bool {
        a.owners.iter().any(|o| self.index.role(&o.value).is_some_and(|r| roles.contains(&r)))
    }

    /// The activities the filter selects, in date order (then file order).
    pub fn select(&self, filter: &Filter) -> Result<Vec<usize>, ViewError> {
        let roles = match &filter.role {
            Some(r) => Some(self.role_and_groups(self.find_role(r)?)),
            None => None,
        };
        let phase = match &filter.phase {
            Some(p) => Some(self.find_phase(p)?),
            None => None,
        };
        let from = filter.from.map(|w| w.start);
        let to = filter.to.map(|w| w.end);
        let mut out: Vec<usize> = (0..self.plan.activities.len())
            .filter(|&i| {
                let a = &self.plan.activities[i];
                roles.as_ref().is_none_or(|r| self.owned_by_any(a, r))
                    && phase.is_none_or(|p| self.index.phase_of(a) == Some(p))
                    && from.is_none_or(|f| a.last_day >= f)
                    && to.is_none_or(|t| a.when.value.start <= t)
                    && ((filter.status.is_empty() && !filter.overdue)
                        || filter.status.contains(&a.status)
                        || (filter.overdue && self.is_overdue(a)))
            })
            .collect();
        self.sort_by_date(&mut out);
        Ok(out)
    }

    pub(crate) fn sort_by_date(&self, ids: &mut [usize]) {
        let acts = &self.plan.activities;
        ids.sort_by_key(|&i| (acts[i].when.value.start, acts[i].last_day, i));
    }
}

/// How many terminal columns a text takes: its styles none, a wide letter two.
pub fn display_width(s: &str) -> usize {
    anstream::adapter::strip_str(s).map(unicode_width::UnicodeWidthStr::width).sum()
}

/// Breaks `text` between words into lines of at most `width` columns (`None`: no limit), the lines after the
/// first indented by `indent` spaces. A word longer than a line is cut. For Markdown, a word that would read as
/// the start of a list item or a heading at the start of a line is escaped there.
pub(crate) fn wrap(text: &str, width: Option<usize>, indent: usize, markdown: bool) -> String {
    let Some(width) = width else { return text.to_string() };
    let indent = indent.min(width / 2);
    let pad = " ".repeat(indent);
    let lead = text.len() - text.trim_start_matches(' ').len();
    let mut lines = Vec::new();
    let (mut line, mut used, mut fresh) = (text[..lead].to_string(), lead, true);
    let words: Vec<&str> = text[lead..].split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        // A lone "·" or "—" goes to the next line with the word it introduces (an id, how late).
        let glued = match words.get(i + 1) {
            Some(next) if matches!(anstream::adapter::strip_str(word).to_string().as_str(), "·" | "—") => {
                1 + display_width(next)
            }
            _ => 0,
        };
        let mut word = word.to_string();
        if !fresh && used + 1 + display_width(&word) + glued > width && !word.is_empty() {
            lines.push(std::mem::replace(&mut line, pad.clone()));
            (used, fresh) = (indent, true);
            if markdown {
                word = markdown_line_start(&word);
            }
        }
        if fresh && word.is_empty() {
            continue;
        }
        if !fresh {
            line.push(' ');
            used += 1;
        }
        if used + display_width(&word) > width {
            // Too long for any line: cut it where each line ends (its styles go with it), in one pass.
            word = anstream::adapter::strip_str(&word).to_string();
            let mut rest = String::new();
            for c in word.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > width && used > indent {
                    line.push_str(&rest);
                    lines.push(std::mem::replace(&mut line, pad.clone()));
                    (used, rest) = (indent, String::new());
                }
                rest.push(c);
                used += cw;
            }
            line.push_str(&rest);
            fresh = false;
            continue;
        }
        used += display_width(&word);
        line.push_str(&word);
        fresh = false;
    }
    lines.push(line);
    lines.join("\n")
}

/// A Markdown word moved to the start of a line: "-", "+" and "=" there start a list item or underline a
/// heading, "1." and "1)" an ordered list; escaped, they stay text.
fn markdown_line_start(word: &str) -> String {
    if word.starts_with(['-', '+', '=']) {
        return format!("\\{word}");
    }
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && word[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &word[..digits], &word[digits..]);
    }
    word.to_string()
}

/// Cuts each label to `width` columns with "…" and pads it to that width. Two different labels cut to the same
/// text ("Implementeringsfase 1" and "…2") are cut in the middle instead, keeping their distinguishing tails.
pub(crate) fn fit_labels(labels: &[&str], width: usize) -> Vec<String> {
    let end_cut: Vec<String> = labels.iter().map(|l| cut_end(l, width)).collect();
    // Each cut text and the first label cut to it; `None` once a different label is cut to it too.
    let mut first: HashMap<&str, Option<&str>> = HashMap::new();
    for (label, cut) in labels.iter().zip(&end_cut) {
        let entry = first.entry(cut.as_str()).or_insert(Some(label));
        if *entry != Some(label) {
            *entry = None;
        }
    }
    labels
        .iter()
        .zip(&end_cut)
        .map(|(label, cut)| {
            let clash = first.get(cut.as_str()).is_some_and(Option::is_none);
            let fitted = if clash { cut_middle(label, width) } else { cut.clone() };
            let pad = width.saturating_sub(display_width(&fitted));
            format!("{fitted}{}", " ".repeat(pad))
        })
        .collect()
}

/// The longest start of `s` that fits `width` columns.
fn head(s: &str, width: usize) -> &str {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > width {
            return &s[..i];
        }
    }
    s
}

/// The longest end of `s` that fits `width` columns.
fn tail(s: &str, width: usize) -> &str {
    let mut w = 0;
    for (i, c) in s.char_indices().rev() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > width {
            return &s[i + c.len_utf8()..];
        }
    }
    s
}

fn cut_end(s: &str, width: usize) -> String {
    if display_width(s) <= width { s.to_string() } else { format!("{}…", head(s, width.saturating_sub(1))) }
}

fn cut_middle(s: &str, width: usize) -> String {
    let room = width.saturating_sub(1);
    // Two fifths for the tail: "Implement…fase 1".
    let end = tail(s, room * 2 / 5);
    format!("{}…{end}", head(s, room - display_width(end)))
}

/// A description of a phase's real span: from its first activity to its last.
pub(crate) fn activity_span(view: &View, ids: &[usize]) -> Option<String> {
    let acts = &view.plan.activities;
    let start = ids.iter().map(|&i| acts[i].when.value.start).min()?;
    let end = ids.iter().map(|&i| acts[i].last_day).max()?;
    Some(i18n::span(view.lang, start, end))
}

/// The plan with only the activities that touch the days `from`–`to` (both included), for a picture of one
/// span such as a school year. Phases, roles and requirements stay as they are; each activity keeps its own
/// dates, so its text still says when it really is.
pub fn within(plan: &Plan, from: NaiveDate, to: NaiveDate) -> Plan {
    let mut part = plan.clone();
    part.activities.retain(|a| a.when.value.start <= to && a.last_day >= from);
    part
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"[plan]
title = "T"
start = "vår 2026"
end = "høst 2026"

[roles]
pl = "Prosjektleder"
rektor = "Rektor"

[[phase]]
id = "fase-1"
name = "Oppstart"
period = "vår 2026"

[[phase]]
id = "fase-2"
name = "Gjennomføring"
period = "høst 2026"

[[activity]]
title = "Sist"
when = "2026-09-01"
status = "in-progress"

[[activity]]
title = "Først"
when = "2026-03-02"

[[activity]]
title = "Ferdig"
when = "2026-03-01"
status = "done"

[[activity]]
title = "Avlyst"
when = "2026-03-01"
status = "cancelled"
"#;

    fn with_view(text: &str, today: &str, check: impl FnOnce(&View)) {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).unwrap();
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
        check(&View::new(&plan, &source, Lang::Nb, today));
    }

    #[test]
    fn work_is_overdue_the_day_after_its_last_day() {
        with_view(PLAN, "2026-03-02", |v| {
            let acts = &v.plan.activities;
            assert!(!v.is_overdue(&acts[1]), "due today is not overdue");
            assert_eq!(v.status_style(&acts[1]), Style::new());
            assert_eq!(v.status_style(&acts[0]), YELLOW);
            assert_eq!(v.status_style(&acts[2]), GREEN);
            assert_eq!(v.status_style(&acts[3]), DIM);
        });
        with_view(PLAN, "2026-03-03", |v| {
            assert!(v.is_overdue(&v.plan.activities[1]));
            assert_eq!(v.status_style(&v.plan.activities[1]), RED);
            assert!(!v.is_overdue(&v.plan.activities[2]), "done work is never overdue");
        });
    }

    #[test]
    fn phases_are_found_by_id_or_name_in_any_case() {
        with_view(PLAN, "2026-03-02", |v| {
            assert_eq!(v.find_phase("fase-2").unwrap(), 1);
            assert_eq!(v.find_phase("FASE-2").unwrap(), 1);
            assert_eq!(v.find_phase(" gjennomføring ").unwrap(), 1);
            assert_eq!(
                v.find_phase("fase-3").unwrap_err().0.en(),
                "the plan has no phase 'fase-3'; did you mean 'fase-1'?"
            );
            assert_eq!(
                v.find_phase("evaluering").unwrap_err().0.en(),
                "the plan has no phase 'evaluering'; the plan's phases are 'fase-1' and 'fase-2'"
            );
            assert_eq!(
                v.find_role("kommunalsjef").unwrap_err().0.en(),
                "the plan has no role 'kommunalsjef'; the plan's roles are 'pl' and 'rektor'"
            );
        });
        with_view("[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n", "2026-03-02", |v| {
            assert_eq!(
                v.find_phase("fase-1").unwrap_err().0.en(),
                "the plan has no phase 'fase-1'; the plan has no phases"
            );
        });
    }

    #[test]
    fn a_filter_of_any_kind_hides_the_empty_phases() {
        use super::schedule::{GroupBy, groups};
        with_view(PLAN, "2026-03-02", |v| {
            let shown = |filter: &Filter| {
                let selected = v.select(filter).unwrap();
                let titles = groups(v, GroupBy::Phase, filter, &selected).into_iter().map(|g| g.title);
                titles.map(|t| t.split(" · ").next().unwrap_or_default().to_string()).collect::<Vec<_>>()
            };
            // Unfiltered, every phase is a section, even without activities.
            assert_eq!(shown(&Filter::default())[..2], ["Oppstart", "Gjennomføring"]);
            let day = |s: &str| Some(crate::when::parse(s).unwrap());
            for filter in [
                Filter { from: day("2026-09-01"), ..Filter::default() },
                Filter { to: day("2026-08-01"), ..Filter::default() },
                Filter { status: vec![Status::Done], ..Filter::default() },
            ] {
                assert!(!shown(&filter).contains(&"Oppstart".to_string()), "{filter:?}");
            }
        });
    }

    #[test]
    fn costs_over_a_years_budget_are_red_and_work_outside_phases_has_a_row() {
        use super::schedule::Format;
        let text = "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2027\"\n\
                    [budget]\ntotal = 300\nyears = { 2026 = 100, 2027 = 200 }\n\
                    [[phase]]\nid = \"p\"\nname = \"Fase\"\nperiod = \"vår 2026\"\n\
                    [[phase.activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\ncost = 150\n\
                    [[activity]]\ntitle = \"B\"\nwhen = \"mars 2027\"\ncost = 200\n";
        with_view(text, "2026-03-02", |v| {
            let table = costs::render(v, Format::Table, ',', None);
            let red = |amount: &str| table.contains(&paint(RED, amount));
            assert!(red("−50 kr"), "2026 is 50 over: {table}");
            assert!(!table.contains(&paint(RED, "0 kr")), "2027 is exactly on budget: {table}");
            assert!(table.contains(v.t.no_phase), "B belongs to no phase: {table}");
        });
    }

    #[test]
    fn wrapping_breaks_between_words_and_indents_the_next_lines() {
        assert_eq!(wrap("aa bb cc", Some(5), 2, false), "aa bb\n  cc");
        assert_eq!(wrap("aa bb cc", None, 2, false), "aa bb cc");
        assert_eq!(wrap("aa bb cc", Some(8), 2, false), "aa bb cc", "a line of exactly the width fits");
        // Leading spaces stay; a word too long for any line is cut where the line ends.
        assert_eq!(wrap("  abcdefgh", Some(6), 2, false), "  abcd\n  efgh");
        // The width is counted in columns: styles take none, "å" one.
        let styled = format!("{} bb", paint(RED, "åå"));
        assert_eq!(wrap(&styled, Some(5), 0, false), styled);
        // "·" and "—" go with the word after them.
        assert_eq!(wrap("aa bb · id", Some(8), 0, false), "aa bb\n· id");
        assert_eq!(wrap("aa — 3 dag", Some(5), 1, false), "aa\n — 3\n dag");
        // In Markdown, a line must not start a list or underline a heading.
        assert_eq!(wrap("aa - b 1. c", Some(3), 0, true), "aa\n\\-\nb\n1\\.\nc");
        assert_eq!(wrap("aa - bb", Some(3), 0, false), "aa\n-\nbb");
    }

    #[test]
    fn labels_cut_to_the_same_text_keep_their_tails() {
        let fitted = fit_labels(&["Implementeringsfase 1", "Implementeringsfase 2", "Oppstart", "Konsolidering"], 16);
        assert_eq!(fitted, ["Implement…fase 1", "Implement…fase 2", "Oppstart        ", "Konsolidering   "]);
        // The same label twice is not two names; cut at the end as usual.
        assert_eq!(fit_labels(&["Halvårlig evaluering", "Halvårlig evaluering"], 10), ["Halvårlig…"; 2]);
        assert!(fitted.iter().all(|l| display_width(l) == 16));
    }

    #[test]
    fn status_words_are_any_status_or_overdue_in_any_language() {
        assert_eq!(parse_status_word("avlyst"), Ok(StatusWord::Is(Status::Cancelled)));
        assert_eq!(parse_status_word(" Planned "), Ok(StatusWord::Is(Status::Planned)));
        for word in ["overdue", "forsinket", "Forseinka"] {
            assert_eq!(parse_status_word(word), Ok(StatusWord::Overdue), "{word}");
        }
        assert_eq!(
            parse_status_word("forsinka").unwrap_err().en(),
            "--status: unknown status 'forsinka'; did you mean 'forseinka'?"
        );
        assert_eq!(
            parse_status_word("donne").unwrap_err().en(),
            "--status: unknown status 'donne'; did you mean 'done'?"
        );
        assert_eq!(
            parse_status_word("xyzzyxyzzy").unwrap_err().get(Lang::Nb),
            "--status: ukjent status 'xyzzyxyzzy'; bruk 'planned', 'in-progress', 'postponed', 'done', 'cancelled' og 'overdue'"
        );
    }

    #[test]
    fn overdue_selects_late_work_with_the_statuses_named() {
        with_view(PLAN, "2026-03-03", |v| {
            // "Først" (planned, 2 March) is late on 3 March; "Sist" (in progress, September) is not yet.
            let overdue = Filter { overdue: true, ..Filter::default() };
            assert_eq!(v.select(&overdue).unwrap(), [1]);
            let or_done = Filter { overdue: true, status: vec![Status::Done], ..Filter::default() };
            assert_eq!(v.select(&or_done).unwrap(), [2, 1]);
            assert!(overdue.filters() && !Filter::default().filters());
        });
    }

    #[test]
    fn work_is_sorted_by_start_then_end_then_place_in_the_file() {
        with_view(PLAN, "2026-03-02", |v| {
            let mut ids = vec![0, 1, 2, 3];
            v.sort_by_date(&mut ids);
            assert_eq!(ids, [2, 3, 1, 0]);
        });
    }
}
