//! `implan timeline`: a Gantt chart in the terminal. Months across (quarters when the plan is long for the
//! width), phases as bars, activities as marks under them, this month marked. Readable without colour: every
//! state has its own character.

use super::{BOLD, DIM, GREEN, MAGENTA, RED, View, YELLOW, fit_labels, paint};
use crate::i18n;
use crate::model::{Activity, Status};
use crate::when::{month_from_index, month_index};

#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// The width to fit; 80 when not known.
    pub width: u16,
}

/// How the months map to columns.
struct Axis {
    first: i64,
    last: i64,
    /// Months per cell: 1 (a month a cell) or 3 (quarters).
    months_per_cell: i64,
    /// Characters per cell.
    cell_width: usize,
}

impl Axis {
    /// Months when they fit in `avail` columns, else quarters, each cell 1–3 columns wide.
    fn fit(first: i64, last: i64, avail: usize) -> Axis {
        let months = (last - first + 1) as usize;
        if months <= avail {
            Axis { first, last, months_per_cell: 1, cell_width: (avail / months).clamp(1, 3) }
        } else {
            // Quarters start in January, April, July and October, so the axis stays readable.
            let qfirst = first - first.rem_euclid(3);
            let quarters = ((last - qfirst) / 3 + 1) as usize;
            Axis { first: qfirst, last, months_per_cell: 3, cell_width: (avail / quarters).clamp(1, 3) }
        }
    }

    fn cells(&self) -> usize {
        ((self.last - self.first) / self.months_per_cell + 1) as usize
    }

    fn cell_of(&self, month: i64) -> usize {
        ((month.clamp(self.first, self.last) - self.first) / self.months_per_cell) as usize
    }
}

fn mark(view: &View, a: &Activity) -> (char, anstyle::Style) {
    match a.status {
        Status::Done => ('✓', GREEN),
        Status::Cancelled => ('×', DIM),
        _ if view.is_overdue(a) => ('!', RED),
        Status::InProgress => ('▶', YELLOW),
        Status::Planned => ('○', anstyle::Style::new()),
        Status::Postponed => ('»', MAGENTA),
    }
}

pub fn render(view: &View, opts: &TimelineOptions) -> String {
    let plan = view.plan;
    let first = month_index(plan.start.value.start);
    let last = month_index(plan.end.value.end).max(first);
    let width = opts.width.max(40) as usize;
    let label_width = (width / 3).clamp(16, 32);
    let avail = width - label_width - 1;
    let axis = Axis::fit(first, last, avail);
    let today = month_index(view.today);
    let today_cell = (axis.first..=axis.last).contains(&today).then(|| axis.cell_of(today));

    let mut out = String::new();
    out.push_str(&super::wrap(&super::paint_words(BOLD, &plan.title.value), Some(width), 0, false));
    out.push('\n');
    let period = i18n::span(view.lang, plan.start.value.start, plan.end.value.end);
    let today_text = format!("{} {}", view.t.today, i18n::day(view.lang, view.today));
    out.push_str(&wrap(&[period.as_str(), today_text.as_str()], " · ", width));
    out.push('\n');
    let pad = " ".repeat(label_width + 1);
    header(&mut out, view, &axis, avail, &pad);
    if let Some(tc) = today_cell {
        out.push_str(&format!("{pad}{}▼\n", " ".repeat(tc * axis.cell_width)));
    }
    let sections = sections(view);
    let labels: Vec<String> = sections
        .iter()
        .flat_map(|(phase, ids)| {
            let ids = ids.iter().map(|&i| format!("  {}", view.plan.activities[i].title.value));
            std::iter::once(section_name(view, *phase)).chain(ids)
        })
        .collect();
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let fitted = labels.iter().cloned().zip(fit_labels(&refs, label_width)).collect();
    let rows = Rows { axis: &axis, today_cell, fitted };
    for (phase, ids) in sections {
        rows.section(&mut out, view, phase, ids);
    }
    out.push('\n');
    let mut legend: Vec<String> = view.t.timeline_legend.split("  ").map(str::to_string).collect();
    if view.plan.activities.iter().any(|a| a.status == Status::Postponed) {
        // Before "▼ this month", after the other statuses.
        let at = legend.len().saturating_sub(1);
        legend.insert(at, format!("» {}", crate::i18n::status(view.lang, Status::Postponed)));
    }
    let legend: Vec<&str> = legend.iter().map(String::as_str).collect();
    out.push_str(&paint(DIM, &wrap(&legend, "  ", width)));
    out
}

/// The header: years on one line, months (or quarters) on the next. The last year's label may run past the
/// axis, as far as the width allows.
fn header(out: &mut String, view: &View, axis: &Axis, avail: usize, pad: &str) {
    let cells = axis.cells();
    let mut years = vec![' '; avail.max(cells * axis.cell_width)];
    let mut ticks = vec![' '; cells * axis.cell_width];
    for c in 0..cells {
        let m = axis.first + c as i64 * axis.months_per_cell;
        let (y, mo) = month_from_index(m);
        let x = c * axis.cell_width;
        // A label is shorter than the room to the next year's cell, so labels never meet.
        if c == 0 || mo <= axis.months_per_cell as u32 {
            // The room until the next year starts decides between "2027", "27" and nothing.
            let to_next = ((12 - mo as usize) / axis.months_per_cell as usize + 1) * axis.cell_width;
            let full = y.to_string();
            // The last year has the rest of the line; another, the room before the next year's label.
            let last_year = c + to_next / axis.cell_width >= cells;
            let fits = |n: usize| if last_year { x + n <= years.len() } else { to_next > n };
            let label = if fits(full.len()) {
                full
            } else if fits(2) {
                format!("{:02}", y.rem_euclid(100))
            } else {
                String::new()
            };
            for (k, ch) in label.chars().enumerate() {
                if let Some(slot) = years.get_mut(x + k) {
                    *slot = ch;
                }
            }
        }
        // One letter a month (J F M A …) or the quarter's number: wider labels would not fit 80 columns.
        ticks[x] = if axis.months_per_cell == 3 {
            char::from_digit(mo.div_ceil(3), 10).unwrap_or('?')
        } else {
            i18n::month_short(view.lang, mo).chars().flat_map(char::to_uppercase).next().unwrap_or(' ')
        };
    }
    out.push_str(&format!("{pad}{}\n", years.iter().collect::<String>().trim_end()));
    out.push_str(&format!("{pad}{}\n", ticks.iter().collect::<String>().trim_end()));
}

/// Each phase with its activities, then the activities of no phase.
fn sections(view: &View) -> Vec<(Option<usize>, Vec<usize>)> {
    let acts = &view.plan.activities;
    let mut sections: Vec<(Option<usize>, Vec<usize>)> =
        (0..view.plan.phases.len()).map(|p| (Some(p), view.index.phase_activities[p].clone())).collect();
    let loose: Vec<usize> = (0..acts.len()).filter(|&i| view.index.phase_of(&acts[i]).is_none()).collect();
    if !loose.is_empty() {
        sections.push((None, loose));
    }
    sections
}

/// A section's label: its phase's name, or the words for activities in no phase.
fn section_name(view: &View, phase: Option<usize>) -> String {
    match phase {
        Some(p) => view.plan.phases[p].name.clone(),
        None => view.t.no_phase.to_string(),
    }
}

/// How the rows are laid out: the axis, today's cell, and every label fitted to the label column.
struct Rows<'a> {
    axis: &'a Axis,
    today_cell: Option<usize>,
    fitted: std::collections::HashMap<String, String>,
}

impl Rows<'_> {
    /// A row: its label cut to the column, then its line of cells.
    fn row(&self, label: &str, bold: bool, line: Vec<(char, anstyle::Style)>) -> String {
        let fitted = self.fitted.get(label).map_or(label, String::as_str);
        let mut s = if bold { paint(BOLD, fitted) } else { fitted.to_string() };
        s.push(' ');
        let mut text = String::new();
        for (ch, style) in line {
            text.push_str(&paint(style, &ch.to_string()));
        }
        s.push_str(&text);
        format!("{}\n", s.trim_end())
    }

    /// An empty line of cells, today's column dotted.
    fn blank_line(&self) -> Vec<(char, anstyle::Style)> {
        let axis = self.axis;
        (0..axis.cells() * axis.cell_width)
            .map(|c| {
                if Some(c / axis.cell_width) == self.today_cell && c.is_multiple_of(axis.cell_width) {
                    ('┊', DIM)
                } else {
                    ('·', DIM)
                }
            })
            .collect()
    }

    /// A phase's row (its span in bold) and its activities' rows.
    fn section(&self, out: &mut String, view: &View, phase: Option<usize>, mut ids: Vec<usize>) {
        let axis = self.axis;
        let acts = &view.plan.activities;
        view.sort_by_date(&mut ids);
        let mut line = self.blank_line();
        if let Some(p) = phase {
            let ph = &view.plan.phases[p];
            let (a, b) = (axis.cell_of(month_index(ph.span.start)), axis.cell_of(month_index(ph.span.end)));
            line[a * axis.cell_width..(b + 1) * axis.cell_width].fill(('━', BOLD));
        }
        let name = section_name(view, phase);
        out.push('\n');
        out.push_str(&self.row(&name, true, line));
        for i in ids {
            let a = &acts[i];
            let (ch, style) = mark(view, a);
            let mut line = self.blank_line();
            let (s, e) = (axis.cell_of(month_index(a.when.value.start)), axis.cell_of(month_index(a.last_day)));
            // From the mark to the first column of the last cell: a one-month activity is a mark alone.
            line[s * axis.cell_width..=e * axis.cell_width].fill(('─', style));
            line[s * axis.cell_width] = (ch, style);
            out.push_str(&self.row(&format!("  {}", a.title.value), false, line));
        }
    }
}

/// Joins items with a separator, breaking the line before an item that would pass `width`.
fn wrap(items: &[&str], sep: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for (i, item) in items.iter().enumerate() {
        let n = item.chars().count();
        if i > 0 && line + sep.chars().count() + n > width {
            out.push('\n');
            line = 0;
        } else if i > 0 {
            out.push_str(sep);
            line += sep.chars().count();
        }
        out.push_str(item);
        line += n;
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::source::Source;

    fn timeline(start: &str, end: &str, width: u16) -> String {
        let text = format!(
            "[plan]\ntitle = \"T\"\nstart = \"{start}\"\nend = \"{end}\"\n[[activity]]\ntitle = \"Oppstart\"\nwhen = \"{start}\"\n"
        );
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).unwrap();
        let view = View::new(&plan, &source, Lang::Nb, chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
        anstream::adapter::strip_str(&render(&view, &TimelineOptions { width })).to_string()
    }

    /// The two lines of the axis: years, then months or quarters.
    fn axis(start: &str, end: &str, width: u16) -> [String; 2] {
        let out = timeline(start, end, width);
        let lines: Vec<&str> = out.lines().collect();
        [lines[3].trim_end().to_string(), lines[4].trim_end().to_string()]
    }

    #[test]
    fn a_legend_breaks_before_an_item_that_would_pass_the_width() {
        // "aa  bb" is 6 wide: it fits 6 and breaks at 5; the first item stays on the first line, however wide.
        assert_eq!(wrap(&["aa", "bb"], "  ", 6), "aa  bb\n");
        assert_eq!(wrap(&["aa", "bb"], "  ", 5), "aa\nbb\n");
        assert_eq!(wrap(&["aaaaaaa", "b", "c"], "  ", 5), "aaaaaaa\nb  c\n");
    }

    #[test]
    fn the_axis_has_a_cell_per_month_or_quarter_and_years_where_they_fit() {
        let pad = |n: usize, s: &str| format!("{}{s}", " ".repeat(n));
        assert_eq!(axis("2026-01", "2026-12", 80), [pad(27, "2026"), pad(27, "J  F  M  A  M  J  J  A  S  O  N  D")]);
        assert_eq!(axis("2026-01", "2026-03", 80), [pad(27, "2026"), pad(27, "J  F  M")]);
        assert_eq!(axis("2026-03", "2026-03", 80), [pad(27, "2026"), pad(27, "M")]);
        assert_eq!(
            axis("2026-08", "2029-06", 80),
            [pad(27, "2026 2027        2028        2029"), pad(27, "ASONDJFMAMJJASONDJFMAMJJASONDJFMAMJ")]
        );
        // 53 columns after the labels at 80: 53 months fit, 54 do not.
        assert!(axis("2026-01", "2030-05", 80)[1].trim_start().starts_with("JFMAMJJASOND"));
        assert!(axis("2026-01", "2030-06", 80)[1].trim_start().starts_with("1 2 3 4 1"));
        // One column a quarter: two digits a year where four do not fit before the next, the last year whole.
        assert_eq!(
            axis("2020-01", "2031-03", 80),
            [pad(27, "20  21  22  23  24  25  26  27  28  29  30  2031"), pad(27, &format!("{}1", "1234".repeat(11)))]
        );
        assert_eq!(axis("2025-12", "2026-01", 80), [pad(27, "25 2026"), pad(27, "D  J")]);
        // Quarters when months do not fit; no year over a quarter with no room for it.
        assert_eq!(
            axis("2026-11", "2031-06", 60),
            [pad(23, "2027    2028    2029    2030    2031"), pad(21, "4 1 2 3 4 1 2 3 4 1 2 3 4 1 2 3 4 1 2")]
        );
    }
}
