//! The Gantt chart.

use super::hyphenation::wrap;
use super::legend::{Swatch, diamond, legend_flow};
use super::text::{days_in_month, fit, num, one_line, svg_open, text, text_width, tooltip};
use super::{GRID, GanttOptions, INK, Look, MUTED, PHASE, PHASE_ROW, TODAY, TODAY_TINT, YEAR_LINE, ZEBRA};
use crate::i18n;
use crate::model::Status;
use crate::views::View;
use crate::when::{Precision, month_from_index, month_index};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

#[derive(Clone)]
enum Row {
    Phase(usize, PhaseBar),
    Loose,
    Activity(usize),
}

/// A phase's bar, from its first activity to its last, and how many of its activities are done of those not
/// cancelled: computed once, as a phase's row is drawn again on every sheet its activities run over.
#[derive(Clone, Copy)]
struct PhaseBar {
    start: NaiveDate,
    end: NaiveDate,
    done: usize,
    going: usize,
}

impl PhaseBar {
    fn of(view: &View, p: usize, ids: &[usize]) -> PhaseBar {
        let (acts, ph) = (&view.plan.activities, &view.plan.phases[p]);
        let going = ids.iter().filter(|&&i| !acts[i].is_cancelled());
        PhaseBar {
            start: ids.iter().map(|&i| acts[i].when.value.start).min().unwrap_or(ph.span.start),
            end: ids.iter().map(|&i| acts[i].last_day).max().unwrap_or(ph.span.end),
            done: going.clone().filter(|&&i| acts[i].status == Status::Done).count(),
            going: going.count(),
        }
    }
}

const MARGIN: f64 = 24.0;
const ROW: f64 = 22.0;
const FONT: f64 = 12.0;
/// The distance between the lines of a label that wraps: each line more makes its row this much taller.
const LINE: f64 = 14.0;
/// The most lines a label wraps to; a title longer than that ends in "…" (the tooltip has it whole).
const MAX_LINES: usize = 3;
/// How much wider bold text is than regular, for wrapping a bold label with the regular widths.
const BOLD: f64 = 1.13;

/// Where everything of a Gantt chart goes, computed before anything is drawn.
struct Chart<'a> {
    view: &'a View<'a>,
    width: f64,
    /// The first and last month on the axis (as `month_index`), and whether it is marked in quarters.
    first: i64,
    last: i64,
    quarters: bool,
    /// The bars run from `x0` to `x1` (right of the label column), `mw` pixels a month.
    x0: f64,
    x1: f64,
    mw: f64,
    rows: Vec<Row>,
    /// Each row's label, as the lines it wraps to.
    labels: Vec<Vec<String>>,
    /// Where each row starts, top to bottom, and after them where the last ends.
    tops: Vec<f64>,
    axis_top: f64,
    rows_top: f64,
    rows_bottom: f64,
    today_m: i64,
    /// Today's line, when today is on the axis.
    today_x: Option<f64>,
    /// The days asked for, when the chart shows a span rather than the plan's period.
    span: Option<(NaiveDate, NaiveDate)>,
}

impl<'a> Chart<'a> {
    fn new(view: &'a View<'a>, opts: &GanttOptions) -> Self {
        let plan = view.plan;
        let width = opts.width.max(480) as f64;
        // The axis: the span asked for, else the plan's period widened to any activity outside it.
        let (mut first, mut last) = match opts.span {
            Some((from, to)) => (month_index(from), month_index(to).max(month_index(from))),
            None => (month_index(plan.start.value.start), month_index(plan.end.value.end)),
        };
        last = last.max(first);
        if opts.span.is_none() {
            for a in &plan.activities {
                first = first.min(month_index(a.when.value.start));
                last = last.max(month_index(a.last_day));
            }
        }
        let months = last - first + 1;
        let label_w = (width * 0.3).clamp(160.0, 420.0);
        let x0 = MARGIN + label_w + 12.0;
        let x1 = width - MARGIN;
        let rows = rows(view, opts.span.is_some());
        let axis_top = 78.0;
        let rows_top = axis_top + 44.0;
        let labels: Vec<Vec<String>> = rows.iter().map(|row| label(view, row, label_w)).collect();
        let (tops, rows_bottom) = tops(rows_top, &labels);
        let mut chart = Chart {
            view,
            width,
            first,
            last,
            quarters: months > 36,
            x0,
            x1,
            mw: (x1 - x0) / months as f64,
            rows,
            labels,
            tops,
            axis_top,
            rows_top,
            rows_bottom,
            today_m: month_index(view.today),
            today_x: None,
            span: opts.span,
        };
        chart.today_x = (first..=last).contains(&chart.today_m).then(|| {
            let dim = days_in_month(view.today);
            chart.x_at(view.today) + chart.mw / dim / 2.0
        });
        chart
    }

    /// Where a day starts on the axis.
    fn x_at(&self, d: NaiveDate) -> f64 {
        // Work that starts before a span's axis is cut at its edge, as is work that ends after it.
        let x = self.x0 + ((month_index(d) - self.first) as f64 + d.day0() as f64 / days_in_month(d)) * self.mw;
        x.clamp(self.x0, self.x1)
    }

    /// Where a day ends on the axis.
    fn x_after(&self, d: NaiveDate) -> f64 {
        let x = self.x0 + ((month_index(d) - self.first) as f64 + d.day() as f64 / days_in_month(d)) * self.mw;
        x.clamp(self.x0, self.x1)
    }

    fn x_month(&self, m: i64) -> f64 {
        self.x0 + (m - self.first) as f64 * self.mw
    }

    /// The same chart with only these of its rows (by index, in order).
    fn sheet(&self, rows: &[usize]) -> Chart<'a> {
        let labels: Vec<Vec<String>> = rows.iter().map(|&k| self.labels[k].clone()).collect();
        let (tops, rows_bottom) = tops(self.rows_top, &labels);
        Chart { rows: rows.iter().map(|&k| self.rows[k].clone()).collect(), labels, tops, rows_bottom, ..*self }
    }

    /// The middle of row `k`, where its bar is.
    fn mid(&self, k: usize) -> f64 {
        (self.tops[k] + self.tops[k + 1]) / 2.0
    }
}

/// Where each row starts, a line of its label more making it taller, and where the rows end (one empty row's
/// height below the top when there are none, for "no activities").
fn tops(rows_top: f64, labels: &[Vec<String>]) -> (Vec<f64>, f64) {
    let mut tops = vec![rows_top];
    for lines in labels {
        tops.push(tops[tops.len() - 1] + ROW + lines.len().saturating_sub(1) as f64 * LINE);
    }
    let bottom = if labels.is_empty() { rows_top + ROW } else { tops[tops.len() - 1] };
    (tops, bottom)
}

/// A row's label wrapped to the label column: a phase's name in bold, an activity's title indented under it.
fn label(view: &View, row: &Row, label_w: f64) -> Vec<String> {
    let (name, room) = match row {
        Row::Phase(p, _) => (one_line(&view.plan.phases[*p].name), (label_w - 4.0) / BOLD),
        Row::Loose => (view.t.no_phase.to_string(), (label_w - 4.0) / BOLD),
        Row::Activity(i) => (one_line(&view.plan.activities[*i].title.value), label_w - 18.0),
    };
    let (lines, _) = wrap(&name, &[room; MAX_LINES], FONT);
    lines
}

/// A label's lines, centred on the row's middle.
fn label_text(out: &mut String, x: f64, mid: f64, attrs: &str, lines: &[String]) {
    let first = mid + 4.0 - lines.len().saturating_sub(1) as f64 * LINE / 2.0;
    for (j, line) in lines.iter().enumerate() {
        out.push_str(&text(x, first + j as f64 * LINE, FONT, attrs, line));
    }
}

/// The rows top to bottom: each phase and its activities in date order, then the activities of no phase.
/// The rows: each phase and its activities, then the activities of no phase; for a span, phases without work
/// in it are left out.
fn rows(view: &View, only_with_work: bool) -> Vec<Row> {
    let acts = &view.plan.activities;
    let mut rows = Vec::new();
    for p in 0..view.plan.phases.len() {
        let mut ids = view.index.phase_activities[p].clone();
        if only_with_work && ids.is_empty() {
            continue;
        }
        view.sort_by_date(&mut ids);
        rows.push(Row::Phase(p, PhaseBar::of(view, p, &ids)));
        rows.extend(ids.into_iter().map(Row::Activity));
    }
    let mut loose: Vec<usize> = (0..acts.len()).filter(|&i| view.index.phase_of(&acts[i]).is_none()).collect();
    if !loose.is_empty() {
        view.sort_by_date(&mut loose);
        rows.push(Row::Loose);
        rows.extend(loose.into_iter().map(Row::Activity));
    }
    rows
}

/// A Gantt chart: the plan's phases and activities on a month axis (quarters when the plan runs longer than three
/// years), coloured by status, with today's line and a legend.
pub fn gantt(view: &View, opts: &GanttOptions) -> String {
    within_span(view, opts, |view| draw(&Chart::new(view, opts)))
}

/// Runs `f` on the view of the plan within `opts.span`, or on the plan's own.
fn within_span<T>(view: &View, opts: &GanttOptions, f: impl FnOnce(&View) -> T) -> T {
    match opts.span {
        Some((from, to)) => {
            let part = crate::views::within(view.plan, from, to);
            f(&View::new(&part, view.index.source, view.lang, view.today))
        }
        None => f(view),
    }
}

/// Part of a Gantt chart, for a page of its own.
pub struct GanttSheet {
    pub svg: String,
    /// The phases it shows, in order.
    pub phases: Vec<SheetPhase>,
}

/// A phase on a sheet of a Gantt chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SheetPhase {
    /// The phase's index; `None` for the work of no phase.
    pub phase: Option<usize>,
    /// Which part of the phase it is, and of how many, when the phase runs over several sheets.
    pub part: Option<(usize, usize)>,
}

/// A Gantt chart cut into sheets no taller than `max` pixels, for print at the size it is drawn: whole phases
/// together while they fit; a phase taller than a sheet over as many as it needs, its row again at the top of
/// each. Every sheet has the axis, today's line and the legend. One sheet when the whole chart fits.
/// Linear in the rows: the chart is laid out once, and each sheet draws its own rows.
pub fn gantt_sheets(view: &View, opts: &GanttOptions, max: f64) -> Vec<GanttSheet> {
    within_span(view, opts, |view| {
        let chart = Chart::new(view, opts);
        // The rows may take what the heading, the axis and the legend leave.
        let chrome = draw_height(&chart) - (chart.rows_bottom - chart.rows_top);
        cut(&chart, max - chrome)
            .into_iter()
            .map(|(rows, phases)| GanttSheet { svg: draw(&chart.sheet(&rows)), phases })
            .collect()
    })
}

/// The rows of each sheet and the phases on it, for rows at most `room` pixels tall a sheet.
fn cut(chart: &Chart, room: f64) -> Vec<(Vec<usize>, Vec<SheetPhase>)> {
    let height = |k: usize| chart.tops[k + 1] - chart.tops[k];
    let phase_of = |k: usize| match chart.rows[k] {
        Row::Phase(p, _) => Some(p),
        _ => None,
    };
    // Each phase's rows (and those of no phase): from its own row to the next such row.
    let heads: Vec<usize> = (0..chart.rows.len()).filter(|&k| !matches!(chart.rows[k], Row::Activity(_))).collect();
    let mut sheets: Vec<(Vec<usize>, Vec<SheetPhase>)> = Vec::new();
    let (mut rows, mut phases, mut used) = (Vec::new(), Vec::new(), 0.0);
    for (n, &head) in heads.iter().enumerate() {
        let end = heads.get(n + 1).copied().unwrap_or(chart.rows.len());
        let whole: f64 = (head..end).map(height).sum();
        if !rows.is_empty() && used + whole > room {
            sheets.push((std::mem::take(&mut rows), std::mem::take(&mut phases)));
            used = 0.0;
        }
        if whole <= room || end == head + 1 {
            rows.extend(head..end);
            phases.push(SheetPhase { phase: phase_of(head), part: None });
            used += whole;
            continue;
        }
        // Too tall for a sheet: its row and as many of its activities as fit, again and again.
        let mut parts: Vec<Vec<usize>> = vec![vec![head]];
        let mut part_used = height(head);
        for k in head + 1..end {
            if parts.last().is_some_and(|p| p.len() > 1) && part_used + height(k) > room {
                parts.push(vec![head]);
                part_used = height(head);
            }
            parts.last_mut().expect("a part").push(k);
            part_used += height(k);
        }
        let count = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            if i + 1 < count {
                sheets.push((part, vec![SheetPhase { phase: phase_of(head), part: Some((i + 1, count)) }]));
            } else {
                // The last part may share its sheet with the phases after it.
                let last = SheetPhase { phase: phase_of(head), part: Some((count, count)) };
                (rows, phases, used) = (part, vec![last], part_used);
            }
        }
    }
    if !rows.is_empty() || sheets.is_empty() {
        sheets.push((rows, phases));
    }
    sheets
}

/// How tall the drawn chart is: its rows, today's label under them, and the legend, which flows over lines.
fn draw_height(chart: &Chart) -> f64 {
    legend(chart).1
}

/// The legend, laid out under the rows, and the picture's height with it.
fn legend(chart: &Chart) -> (String, f64) {
    let mut legend = String::new();
    let legend_top = chart.rows_bottom + if chart.today_x.is_some() { 44.0 } else { 30.0 };
    let entries = legend_entries(chart.view, chart.today_x.is_some());
    let legend_last = legend_flow(&mut legend, &entries, MARGIN, chart.x1, legend_top);
    (legend, (legend_last + 18.0).ceil())
}

fn draw(chart: &Chart) -> String {
    let view = chart.view;
    // The legend, laid out first: its height decides the picture's.
    let (legend, height) = legend(chart);
    let mut out = String::new();
    svg_open(&mut out, chart.width, height, &view.plan.title.value);
    draw_heading(&mut out, chart);
    draw_background(&mut out, chart);
    draw_grid(&mut out, chart);
    draw_years(&mut out, chart);
    draw_months(&mut out, chart);
    for (k, row) in chart.rows.iter().enumerate() {
        let mid = chart.mid(k);
        match row {
            Row::Phase(p, bar) => draw_phase(&mut out, chart, *p, bar, k),
            Row::Loose => {
                let attrs = format!(" font-weight=\"bold\" fill=\"{INK}\"");
                label_text(&mut out, MARGIN + 4.0, mid, &attrs, &chart.labels[k]);
                out.push('\n');
            }
            Row::Activity(i) => draw_activity(&mut out, chart, *i, k),
        }
    }
    if chart.rows.is_empty() {
        let attrs = format!(" fill=\"{MUTED}\"");
        out.push_str(&text(chart.x0, chart.rows_top + 15.0, FONT, &attrs, view.t.no_activities));
        out.push('\n');
    }
    draw_today(&mut out, chart);
    out.push_str(&legend);
    out.push_str("</svg>\n");
    out
}

/// The legend: the phase bar, each look, the one-day diamond, and today's line when the chart has it.
fn legend_entries(view: &View, today_line: bool) -> Vec<(Swatch, String)> {
    let w = view.t;
    let mut entries: Vec<(Swatch, String)> = vec![(Swatch::Bar(PHASE, false), w.phase_bar.to_string())];
    for look in Look::in_legend(view) {
        entries.push((Swatch::Bar(look.colour(), look == Look::Cancelled), look.name(view).to_string()));
    }
    entries.push((Swatch::Diamond(Look::Planned.colour()), w.milestone.to_string()));
    if today_line {
        entries.push((Swatch::TodayLine, format!("{} {}", view.t.today, i18n::day(view.lang, view.today))));
    }
    entries
}

/// The title, and below it the organisation, the plan's period and today.
fn draw_heading(out: &mut String, chart: &Chart) {
    let (view, width) = (chart.view, chart.width);
    let plan = view.plan;
    let title = one_line(&plan.title.value);
    let shown = fit(&title, width - 2.0 * MARGIN, 20.0, true);
    out.push_str(&format!("<g>{}", if shown != title { tooltip(&title) } else { String::new() }));
    out.push_str(&text(MARGIN, 36.0, 20.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), &shown));
    out.push_str("</g>\n");
    let mut sub: Vec<String> = plan.org.iter().map(|o| one_line(o)).collect();
    let (from, to) = chart.span.unwrap_or((plan.start.value.start, plan.end.value.end));
    sub.push(i18n::span(view.lang, from, to));
    sub.push(format!("{} {}", view.t.today, i18n::day(view.lang, view.today)));
    let sub = fit(&sub.join(" · "), width - 2.0 * MARGIN, 13.0, false);
    out.push_str(&text(MARGIN, 58.0, 13.0, &format!(" fill=\"{MUTED}\""), &sub));
    out.push('\n');
}

/// Row backgrounds, then this month's column.
fn draw_background(out: &mut String, chart: &Chart) {
    let Chart { ref rows, rows_top, rows_bottom, x1, mw, today_m, .. } = *chart;
    for (k, row) in rows.iter().enumerate() {
        let (y, height) = (chart.tops[k], chart.tops[k + 1] - chart.tops[k]);
        let fill = match row {
            Row::Phase(..) | Row::Loose => PHASE_ROW,
            Row::Activity(_) if k % 2 == 0 => ZEBRA,
            Row::Activity(_) => continue,
        };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(MARGIN),
            num(y),
            num(x1 - MARGIN),
            num(height)
        );
    }
    if chart.today_x.is_some() {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{TODAY_TINT}\" fill-opacity=\"0.7\"/>",
            num(chart.x_month(today_m)),
            num(rows_top),
            num(mw),
            num(rows_bottom - rows_top)
        );
    }
}

/// The grid: a line at each year, and at each month (or quarter) below the year labels.
fn draw_grid(out: &mut String, chart: &Chart) {
    let Chart { first, last, quarters, axis_top, rows_bottom, .. } = *chart;
    let step = if quarters { 3 } else { 1 };
    out.push_str("<g stroke-width=\"1\">\n");
    for m in first..=last + 1 {
        let (_, mo) = month_from_index(m);
        let year_start = mo == 1;
        if !year_start && (m - first) % step != 0 && !(quarters && (mo - 1) % 3 == 0) {
            continue;
        }
        if quarters && (mo - 1) % 3 != 0 {
            continue;
        }
        let x = chart.x_month(m);
        let (top, colour) = if year_start { (axis_top, YEAR_LINE) } else { (axis_top + 22.0, GRID) };
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{colour}\"/>",
            num(top),
            num(rows_bottom),
            x = num(x)
        );
    }
    out.push_str("</g>\n");
}

/// The axis's lines and its years, in full or as two digits, where they fit.
fn draw_years(out: &mut String, chart: &Chart) {
    let Chart { first, last, x0, x1, axis_top, rows_top, .. } = *chart;
    let axis_line = |out: &mut String, y: f64| {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{YEAR_LINE}\" stroke-width=\"1\"/>",
            num(x0),
            num(x1),
            y = num(y)
        );
    };
    axis_line(out, axis_top + 22.0);
    axis_line(out, rows_top - 2.0);
    let (y_first, _) = month_from_index(first);
    let (y_last, _) = month_from_index(last);
    for year in y_first..=y_last {
        let a = first.max(year as i64 * 12);
        let b = last.min(year as i64 * 12 + 11);
        let (xa, xb) = (chart.x_month(a), chart.x_month(b + 1));
        let full = year.to_string();
        let short = format!("{:02}", year.rem_euclid(100));
        let label = [full, short].into_iter().find(|l| text_width(l, FONT, true) + 6.0 <= xb - xa);
        if let Some(label) = label {
            out.push_str(&text(
                (xa + xb) / 2.0,
                axis_top + 16.0,
                FONT,
                &format!(" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{INK}\""),
                &label,
            ));
            out.push('\n');
        }
    }
}

/// Month or quarter labels: one form and size for all, the first that fits every cell.
fn draw_months(out: &mut String, chart: &Chart) {
    let Chart { view, first, last, quarters, axis_top, today_m, .. } = *chart;
    let w = view.t;
    let mut cells: Vec<(i64, i64, u32)> = Vec::new();
    let mut m = first;
    while m <= last {
        let (_, mo) = month_from_index(m);
        let next = if quarters { (m - (mo as i64 - 1) % 3 + 3).min(last + 1) } else { m + 1 };
        cells.push((m, next, mo));
        m = next;
    }
    let label = |mo: u32, initial: bool| -> String {
        if quarters {
            format!("{}{}", w.quarter, (mo - 1) / 3 + 1)
        } else if initial {
            i18n::month_short(view.lang, mo).chars().take(1).flat_map(char::to_uppercase).collect()
        } else {
            i18n::month_short(view.lang, mo).to_string()
        }
    };
    let forms = [(false, 11.0), (false, 10.0), (false, 9.5), (true, 11.0), (true, 10.0), (true, 8.5)];
    // A quarter cut short at either end of the axis may be too narrow for its label: it goes without.
    let whole: Vec<&(i64, i64, u32)> = cells.iter().filter(|(a, b, _)| !quarters || b - a == 3).collect();
    let form = forms.into_iter().find(|&(initial, size)| {
        whole.iter().all(|&&(a, b, mo)| {
            text_width(&label(mo, initial), size, false) + 3.0 <= chart.x_month(b) - chart.x_month(a)
        })
    });
    if let Some((initial, size)) = form {
        for &(a, b, mo) in &cells {
            let (xa, xb) = (chart.x_month(a), chart.x_month(b));
            let l = label(mo, initial);
            if text_width(&l, size, false) + 3.0 <= xb - xa {
                // This month (or quarter) in today's colour.
                let now = (a..b).contains(&today_m);
                let attrs = if now {
                    format!(" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{TODAY}\"")
                } else {
                    format!(" text-anchor=\"middle\" fill=\"{MUTED}\"")
                };
                let size = if now && text_width(&l, size, true) + 3.0 > xb - xa { size * 0.9 } else { size };
                out.push_str(&text((xa + xb) / 2.0, axis_top + 37.0, size, &attrs, &l));
                out.push('\n');
            }
        }
    }
}

/// A phase's row: its name, a bar from its first activity to its last, and its label and progress beside it.
fn draw_phase(out: &mut String, chart: &Chart, p: usize, bar: &PhaseBar, k: usize) {
    let Chart { view, x0, x1, today_x, .. } = *chart;
    let mid = chart.mid(k);
    let ph = &view.plan.phases[p];
    let name = one_line(&ph.name);
    let PhaseBar { start, end, done, going } = *bar;
    let mut tip = vec![name.clone(), format!("{} · {}", one_line(&ph.label.value), i18n::span(view.lang, start, end))];
    tip.extend(ph.goal.iter().map(|g| one_line(g)));
    out.push_str(&format!("<g>{}", tooltip(&tip.join("\n"))));
    label_text(out, MARGIN + 4.0, mid, &format!(" font-weight=\"bold\" fill=\"{INK}\""), &chart.labels[k]);
    let (xa, xb) = (chart.x_at(start), chart.x_after(end).max(chart.x_at(start) + 3.0));
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"3\" fill=\"{PHASE}\"/>",
        num(xa),
        num(mid - 6.0),
        num(xb - xa)
    );
    // The phase's label and progress beside its bar, where there is room.
    let note = format!("{} · {done}/{going}", one_line(&ph.label.value));
    let nw = text_width(&note, 10.5, false);
    let attrs = format!(" fill=\"{MUTED}\"");
    // Right of the bar, else left of it; never under today's line.
    let clear = |x: f64| today_x.is_none_or(|t| t < x - 3.0 || t > x + nw + 3.0);
    let note_at = [xb + 6.0, xa - 6.0 - nw].into_iter().find(|&x| x >= x0 && x + nw <= x1 && clear(x));
    if let Some(x) = note_at {
        // On a patch of the row's colour, so that grid lines do not cross it.
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{PHASE_ROW}\"/>",
            num(x - 2.0),
            num(mid - 7.0),
            num(nw + 4.0)
        );
        out.push_str(&text(x, mid + 3.5, 10.5, &attrs, &note));
    }
    out.push_str("</g>\n");
}

/// An activity's row: its title, and a bar in its status's colour (a diamond for a single day).
fn draw_activity(out: &mut String, chart: &Chart, i: usize, k: usize) {
    let view = chart.view;
    let mid = chart.mid(k);
    let a = &view.plan.activities[i];
    let look = Look::of(view, a);
    let title = one_line(&a.title.value);
    let tip = format!("{title}\n{} · {} · {}", view.when_text(a), view.owners_text(a), view.status_text(a));
    out.push_str(&format!("<g>{}", tooltip(&tip)));
    let attrs = match look {
        Look::Overdue => " fill=\"#c62828\"".to_string(),
        Look::Cancelled => " fill=\"#9e9e9e\" text-decoration=\"line-through\"".to_string(),
        _ => format!(" fill=\"{INK}\""),
    };
    label_text(out, MARGIN + 18.0, mid, &attrs, &chart.labels[k]);
    let start = a.when.value.start;
    let single_day = a.when.value.precision == Precision::Day && a.last_day == start;
    let colour = look.colour();
    if single_day {
        let x = (chart.x_at(start) + chart.x_after(start)) / 2.0;
        out.push_str(&diamond(x, mid, 6.5, colour));
    } else {
        let (xa, xb) = (chart.x_at(start), chart.x_after(a.last_day).max(chart.x_at(start) + 3.0));
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"2\" fill=\"{colour}\"/>",
            num(xa),
            num(mid - 5.0),
            num(xb - xa)
        );
        if look == Look::Cancelled {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{m}\" x2=\"{}\" y2=\"{m}\" stroke=\"#616161\" stroke-width=\"1.2\"/>",
                num(xa - 2.0),
                num(xb + 2.0),
                m = num(mid)
            );
        }
    }
    out.push_str("</g>\n");
}

/// Today's line over the bars, its label below them.
fn draw_today(out: &mut String, chart: &Chart) {
    let Chart { view, x0, x1, rows_top, rows_bottom, .. } = *chart;
    if let Some(x) = chart.today_x {
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{TODAY}\" stroke-width=\"2\" \
             stroke-opacity=\"0.85\"/>",
            num(rows_top - 2.0),
            num(rows_bottom + 4.0),
            x = num(x)
        );
        let label = view.t.today;
        let half = text_width(label, 11.0, true) / 2.0;
        let lx = x.clamp(x0 + half, x1 - half);
        out.push_str(&text(
            lx,
            rows_bottom + 18.0,
            11.0,
            &format!(" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{TODAY}\""),
            label,
        ));
        out.push('\n');
    }
}
