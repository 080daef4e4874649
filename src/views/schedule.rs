//! `implan schedule`: every activity in date order, grouped by phase, month or role.

use super::{BOLD, DIM, Filter, View, ViewError, activity_span, paint, paint_words};
use crate::i18n;
use crate::messages::views as words;
use crate::model::Activity;
use anstyle::Style;
use chrono::Datelike;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Phase,
    Month,
    Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Clone)]
pub struct ScheduleOptions {
    pub by: GroupBy,
    pub filter: Filter,
    pub format: Format,
    /// The width to fit tables to; `None` for no limit (output to a file).
    pub width: Option<u16>,
    /// The CSV field separator: `,` by default, `;` for spreadsheets set up for Norwegian.
    pub delimiter: char,
    /// Each activity's id under its title (table) or in a column (Markdown), for `implan done`; CSV and JSON
    /// always have it.
    pub ids: bool,
}

impl Default for ScheduleOptions {
    fn default() -> Self {
        ScheduleOptions {
            by: GroupBy::Phase,
            filter: Filter::default(),
            format: Format::Table,
            width: None,
            delimiter: ',',
            ids: true,
        }
    }
}

/// One section of the schedule: a phase, a month or a role, with its activities in date order.
pub(super) struct Group {
    pub title: String,
    /// Lines under the title: the phase's real span and goal, a role's members.
    pub notes: Vec<String>,
    pub rows: Vec<usize>,
}

/// Splits the selected activities into sections. Without a filter every phase is shown, even an empty one,
/// because the plan's shape is part of the overview; with a filter only sections with activities are.
pub(super) fn groups(view: &View, by: GroupBy, filter: &Filter, selected: &[usize]) -> Vec<Group> {
    let plan = view.plan;
    let t = view.t;
    let filtered = filter.filters();
    match by {
        GroupBy::Phase => {
            let mut per_phase: Vec<Vec<usize>> = vec![Vec::new(); plan.phases.len()];
            let mut none = Vec::new();
            for &i in selected {
                match view.index.phase_of(&plan.activities[i]) {
                    Some(p) => per_phase[p].push(i),
                    None => none.push(i),
                }
            }
            let mut out = Vec::new();
            for ((p, rows), all) in plan.phases.iter().zip(per_phase).zip(&view.index.phase_activities) {
                if rows.is_empty() && filtered {
                    continue;
                }
                let mut notes = Vec::new();
                // The phase's real span is that of all its activities, whatever the filter shows.
                if let Some(span) = activity_span(view, all) {
                    notes.push(span);
                }
                if let Some(goal) = &p.goal {
                    notes.push(format!("{}: {goal}", t.goal));
                }
                out.push(Group { title: format!("{} · {}", p.name, p.label.value), notes, rows });
            }
            if !none.is_empty() {
                out.push(Group { title: t.no_phase.to_string(), notes: Vec::new(), rows: none });
            }
            out
        }
        GroupBy::Month => {
            let mut out: Vec<Group> = Vec::new();
            let mut key = None;
            for &i in selected {
                let d = plan.activities[i].when.value.start;
                let k = (d.year(), d.month());
                if key != Some(k) {
                    key = Some(k);
                    let title = i18n::month_year(view.lang, k.0, k.1);
                    out.push(Group { title, notes: Vec::new(), rows: Vec::new() });
                }
                if let Some(g) = out.last_mut() {
                    g.rows.push(i);
                }
            }
            out
        }
        GroupBy::Role => {
            let mut out = Vec::new();
            for (r, role) in plan.roles.iter().enumerate() {
                let roles = view.role_and_groups(r);
                let rows: Vec<usize> =
                    selected.iter().copied().filter(|&i| view.owned_by_any(&plan.activities[i], &roles)).collect();
                if rows.is_empty() {
                    continue;
                }
                let mut notes = Vec::new();
                let members: Vec<&str> = role
                    .lead
                    .iter()
                    .chain(&role.members)
                    .map(|m| view.index.role(&m.value).map_or(m.value.as_str(), |i| plan.roles[i].name.as_str()))
                    .collect();
                if !members.is_empty() {
                    let mut m = t.members.to_string();
                    if let Some(first) = m.get(..1) {
                        m.replace_range(..1, &first.to_uppercase());
                    }
                    notes.push(format!("{m}: {}", members.join(", ")));
                }
                out.push(Group { title: role.name.clone(), notes, rows });
            }
            out
        }
    }
}

/// Where a table shows each activity's id.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ids {
    Hidden,
    /// On a line of its own under the title, dimmed.
    UnderTitle,
    /// In a column of its own after the title.
    Column,
}

fn headers(view: &View, by: GroupBy, ids: Ids) -> Vec<String> {
    let t = view.t;
    let mut h = vec![t.when.to_string(), t.activity.to_string()];
    if ids == Ids::Column {
        h.push(words::id_heading().get(view.lang).to_string());
    }
    h.push(t.responsible.to_string());
    if by != GroupBy::Phase {
        h.push(t.phase.to_string());
    }
    h.push(t.status.to_string());
    h
}

fn cells(view: &View, by: GroupBy, a: &Activity, styled: bool, ids: Ids) -> Vec<String> {
    // A table (the styled cells) shows at most MAX_CELL characters of a text.
    let clip = |s: String| if styled { clip_cell(s) } else { s };
    let id = clip(a.id.value.clone());
    let title = match ids {
        Ids::UnderTitle => format!("{}\n{}", clip(a.title.value.clone()), if styled { paint(DIM, &id) } else { id }),
        Ids::Column => {
            return [view.when_text(a), a.title.value.clone(), id]
                .into_iter()
                .chain(rest(view, by, a, styled))
                .collect();
        }
        Ids::Hidden => clip(a.title.value.clone()),
    };
    [view.when_text(a), title].into_iter().chain(rest(view, by, a, styled)).collect()
}

/// The cells after the title (and id): responsible, phase unless grouped by phase, status.
fn rest(view: &View, by: GroupBy, a: &Activity, styled: bool) -> Vec<String> {
    let clip = |s: String| if styled { clip_cell(s) } else { s };
    let mut c = vec![clip(view.owners_text(a))];
    if by != GroupBy::Phase {
        c.push(clip(view.phase_name(a).to_string()));
    }
    let status = view.status_text(a);
    c.push(if styled { paint(view.status_style(a), &status) } else { status });
    c
}

/// Renders the schedule in the chosen format.
pub fn render(view: &View, opts: &ScheduleOptions) -> Result<String, ViewError> {
    let selected = view.select(&opts.filter)?;
    let groups = groups(view, opts.by, &opts.filter, &selected);
    Ok(match opts.format {
        Format::Table => table(view, opts, &groups),
        Format::Markdown => markdown(view, opts, &groups),
        Format::Csv => csv(view, opts, &groups),
        Format::Json => json(view, &groups),
    })
}

pub(super) fn title_line(view: &View) -> String {
    view.plan.title.value.clone()
}

/// "Beiarn kommune · januar 2026 – juni 2028".
pub(super) fn period_line(view: &View) -> String {
    let plan = view.plan;
    let period = i18n::span(view.lang, plan.start.value.start, plan.end.value.end);
    match &plan.org {
        Some(org) => format!("{org} · {period}"),
        None => period,
    }
}

fn table(view: &View, opts: &ScheduleOptions, groups: &[Group]) -> String {
    let width = opts.width.map(usize::from);
    let line = |style, text: &str| format!("{}\n", super::wrap(&paint_words(style, text), width, 0, false));
    let mut out = format!("{}{}", line(BOLD, &title_line(view)), line(Style::new(), &period_line(view)));
    if groups.is_empty() {
        out.push_str(&format!("\n{}\n", view.t.no_activities));
    }
    for g in groups {
        out.push('\n');
        out.push_str(&line(BOLD, &g.title));
        for n in &g.notes {
            out.push_str(&line(DIM, n));
        }
        if g.rows.is_empty() {
            out.push_str(&format!("{}\n", view.t.no_activities));
            continue;
        }
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        match opts.width {
            Some(w) => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
                table.set_width(w);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        let ids = if opts.ids { Ids::UnderTitle } else { Ids::Hidden };
        let h = headers(view, opts.by, ids);
        // Norwegian compounds ("regelverkskompetanse", "Kommunikasjonsrådgiver") read badly when cut: every
        // column is kept at least as wide as its longest word (up to a point), and text wraps between words.
        let mut longest: Vec<usize> = h.iter().map(|s| longest_word(s)).collect();
        for &i in &g.rows {
            let plain = cells(view, opts.by, &view.plan.activities[i], false, ids);
            for (l, c) in longest.iter_mut().zip(&plain) {
                *l = (*l).max(longest_word(c));
            }
        }
        table.set_header(h);
        for &i in &g.rows {
            table.add_row(cells(view, opts.by, &view.plan.activities[i], true, ids));
        }
        let mut longest: Vec<usize> = longest.iter().map(|l| *l.min(&24)).collect();
        if ids == Ids::UnderTitle {
            // An id is copied whole into `implan done`: its column is kept as wide as the longest (up to a point).
            let id = g.rows.iter().map(|&i| super::display_width(&view.plan.activities[i].id.value)).max();
            longest[1] = longest[1].max(id.unwrap_or(0).min(40));
        }
        if let Some(w) = opts.width {
            fit_lower_bounds(&mut longest, usize::from(w));
        }
        for (c, l) in longest.iter().enumerate() {
            if let Some(col) = table.column_mut(c) {
                // The width counts the cell's padding, one space each side.
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed((*l + 2) as u16)));
            }
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out
}

/// The most characters of a text a table cell shows. comfy-table breaks a word too long for its column in time
/// quadratic in the word's length, and its widths are u16 (a cell wider than 65,533 columns overflows its
/// arithmetic): it is never handed more than this. The other formats keep the whole text.
pub(super) const MAX_CELL: usize = 1_000;

pub(super) fn clip_cell(s: String) -> String {
    match s.char_indices().nth(MAX_CELL) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// Shrinks the columns' least widths, widest first, until the table fits `width` (with its borders and each
/// cell's padding): a long word is then broken rather than the table made wider than the terminal.
fn fit_lower_bounds(least: &mut [usize], width: usize) {
    let frame = least.len() * 3 + 1;
    let room = width.saturating_sub(frame);
    while least.iter().sum::<usize>() > room {
        let Some(widest) = least.iter_mut().max() else { return };
        if *widest <= 4 {
            return;
        }
        *widest -= 1;
    }
}

fn longest_word(s: &str) -> usize {
    s.split_whitespace().map(super::display_width).max().unwrap_or(0)
}

fn markdown(view: &View, opts: &ScheduleOptions, groups: &[Group]) -> String {
    let mut out = format!(
        "# {}\n\n{}\n",
        crate::escape::markdown(&title_line(view)),
        crate::escape::markdown(&period_line(view))
    );
    if groups.is_empty() {
        out.push_str(&format!("\n{}\n", view.t.no_activities));
    }
    let ids = if opts.ids { Ids::Column } else { Ids::Hidden };
    let h = headers(view, opts.by, ids);
    for g in groups {
        out.push_str(&format!("\n## {}\n\n", crate::escape::markdown(&g.title)));
        for n in &g.notes {
            out.push_str(&format!("{}  \n", crate::escape::markdown(n)));
        }
        if !g.notes.is_empty() {
            out.push('\n');
        }
        if g.rows.is_empty() {
            out.push_str(&format!("{}\n", view.t.no_activities));
            continue;
        }
        out.push_str(&format!("| {} |\n", h.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(h.len())));
        for &i in &g.rows {
            let c: Vec<String> = cells(view, opts.by, &view.plan.activities[i], false, ids)
                .iter()
                .map(|c| crate::escape::markdown(c))
                .collect();
            out.push_str(&format!("| {} |\n", c.join(" | ")));
        }
    }
    out
}

/// One CSV record: each field through [`crate::escape::csv_cell`] (no formulas), CRLF at the end.
pub(super) fn csv_record<S: AsRef<str>>(fields: &[S], delimiter: char) -> String {
    let cells: Vec<String> = fields.iter().map(|f| crate::escape::csv_cell(f.as_ref(), delimiter)).collect();
    format!("{}\r\n", cells.join(&delimiter.to_string()))
}

/// CSV with a byte-order mark, so that Excel reads the Norwegian letters as UTF-8, and CRLF line ends, as
/// RFC 4180 has them.
fn csv(view: &View, opts: &ScheduleOptions, groups: &[Group]) -> String {
    let d = opts.delimiter;
    let t = view.t;
    let [group, start, end, done] = t.csv_columns;
    let header = [group, "id", t.when, start, end, t.activity, t.responsible, t.phase, t.status, done];
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_record(&header, d));
    for g in groups {
        for &i in &g.rows {
            let a = &view.plan.activities[i];
            let row = [
                g.title.clone(),
                a.id.value.clone(),
                view.when_text(a),
                a.when.value.start.to_string(),
                a.last_day.to_string(),
                a.title.value.clone(),
                view.owners_text(a),
                view.phase_name(a).to_string(),
                view.status_text(a),
                a.done.as_ref().map(|d| d.value.to_string()).unwrap_or_default(),
            ];
            out.push_str(&csv_record(&row, d));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn least_widths_shrink_to_fit_the_terminal() {
        let mut least = vec![24, 24, 24, 24, 9];
        super::fit_lower_bounds(&mut least, 80);
        assert_eq!(least.iter().sum::<usize>(), 80 - 16, "{least:?}");
        let (lo, hi) = (least[..4].iter().min().unwrap(), least[..4].iter().max().unwrap());
        assert!(hi - lo <= 1 && least[4] == 9, "the widest give way first: {least:?}");
        let mut fits = vec![10, 12, 8];
        super::fit_lower_bounds(&mut fits, 80);
        assert_eq!(fits, [10, 12, 8], "a table that fits is left alone");
        let mut narrow = vec![24, 24];
        super::fit_lower_bounds(&mut narrow, 10);
        assert_eq!(narrow, [4, 4], "never below four columns of text");
    }
}

#[derive(Serialize)]
pub struct JsonRole<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
pub struct JsonActivity<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub when: String,
    pub start: String,
    pub end: String,
    pub precision: crate::when::Precision,
    pub owners: Vec<JsonRole<'a>>,
    pub phase: Option<&'a str>,
    pub status: crate::model::Status,
    pub done: Option<String>,
    pub overdue: bool,
}

pub(crate) fn json_activity<'a>(view: &'a View, a: &'a Activity) -> JsonActivity<'a> {
    JsonActivity {
        id: &a.id.value,
        title: &a.title.value,
        when: view.when_text(a),
        start: a.when.value.start.to_string(),
        end: a.last_day.to_string(),
        precision: a.when.value.precision,
        owners: a
            .owners
            .iter()
            .map(|o| match view.index.role(&o.value) {
                Some(r) => JsonRole { id: &view.plan.roles[r].id.value, name: &view.plan.roles[r].name },
                None => JsonRole { id: &o.value, name: &o.value },
            })
            .collect(),
        phase: view.index.phase_of(a).map(|p| view.plan.phases[p].id.value.as_str()),
        status: a.status,
        done: a.done.as_ref().map(|d| d.value.to_string()),
        overdue: view.is_overdue(a),
    }
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    title: &'a str,
    notes: &'a [String],
    activities: Vec<JsonActivity<'a>>,
}

#[derive(Serialize)]
struct JsonSchedule<'a> {
    version: u32,
    plan: &'a str,
    lang: crate::model::Lang,
    today: String,
    groups: Vec<JsonGroup<'a>>,
}

fn json(view: &View, groups: &[Group]) -> String {
    let doc = JsonSchedule {
        version: 1,
        plan: &view.plan.title.value,
        lang: view.lang,
        today: view.today.to_string(),
        groups: groups
            .iter()
            .map(|g| JsonGroup {
                title: &g.title,
                notes: &g.notes,
                activities: g.rows.iter().map(|&i| json_activity(view, &view.plan.activities[i])).collect(),
            })
            .collect(),
    };
    crate::json::document(&doc)
}
