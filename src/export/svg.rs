//! Pictures of a plan as SVG: a Gantt chart ([`gantt`]) and an årshjul ([`wheel`]), the annual wheel Norwegian
//! municipalities use for recurring work.
//!
//! Both are self-contained SVG 1.1: no fonts, scripts, images or style sheets from outside, a generic font stack,
//! every text XML-escaped. Text is measured with the advance widths of DejaVu Sans, the first font of the stack
//! and wider than Arial or Helvetica, so a label cut to fit its shape stays inside it with any of them. A cut
//! label ends in "…" and carries the full text in a `<title>`, which viewers show on hover. The output depends
//! only on the plan, the language, the day and the options: no randomness, no timestamps.

use crate::i18n;
use crate::model::{Activity, Cadence, CadencePeriod, Lang, Recurring, Status};
use crate::rules::Keeping;
use crate::views::View;
use crate::when::{Precision, last_day_of_month, month_from_index, month_index};
use chrono::{Datelike, NaiveDate};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The font stack of both pictures: fonts every system has, no web fonts.
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, sans-serif";

/// Options for [`gantt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GanttOptions {
    /// The picture's width in pixels; less than 480 is taken as 480. The height follows from the number of rows.
    pub width: u32,
}

impl Default for GanttOptions {
    fn default() -> Self {
        GanttOptions { width: 1200 }
    }
}

/// What the rings of the årshjul stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rings {
    /// One ring per responsible role (an activity's first owner with a ring): the plan's owner innermost, then
    /// the busiest roles outermost, where the arcs are longest; the least busy roles share an "other" ring when
    /// there are more roles than room.
    #[default]
    Role,
    /// One ring per activity `kind`, the smallest innermost, and an "other" ring (outermost) for activities
    /// without a kind or of the rarest kinds when there are more kinds than room.
    Kind,
}

/// Options for [`wheel`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelOptions {
    /// The month at the top, where the wheel starts: 1–12, 8 (August, the school year) by default; a number
    /// outside 1–12 is taken as 8.
    pub first_month: u32,
    pub rings: Rings,
    /// The picture's width in pixels, and the wheel's height (less than 480 is taken as 480); the title above
    /// and the caption and legend below add to the height.
    pub size: u32,
}

impl Default for WheelOptions {
    fn default() -> Self {
        WheelOptions { first_month: 8, rings: Rings::Role, size: 900 }
    }
}

// Colours. Status colours are the same in both pictures.
const INK: &str = "#263238";
const MUTED: &str = "#546e7a";
const GRID: &str = "#e4e9ec";
const YEAR_LINE: &str = "#90a4ae";
const PHASE: &str = "#37474f";
const PHASE_ROW: &str = "#eef2f5";
const ZEBRA: &str = "#f8fafb";
const TODAY: &str = "#e65100";
const TODAY_TINT: &str = "#fff3e0";
const MONTH_CELL: [&str; 2] = ["#37474f", "#455a64"];
/// Light band and strong accent per ring, neighbours far apart in hue; the last is for "other".
const RING_COLOURS: [(&str, &str); 8] = [
    ("#d6e9fb", "#64b5f6"),
    ("#dcefdc", "#81c784"),
    ("#eadcf0", "#ba68c8"),
    ("#f7f1c7", "#dcc341"),
    ("#d3ecea", "#4db6ac"),
    ("#f8dbe6", "#f06292"),
    ("#dde0f2", "#7986cb"),
    ("#e9e2df", "#a1887f"),
];
const OTHER_RING: (&str, &str) = ("#eceff1", "#90a4ae");

/// How an activity looks: its status, with "overdue" when its day has passed. Ordered from the most pressing,
/// so that the first of several occurrences speaks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Look {
    Overdue,
    InProgress,
    Planned,
    Done,
    Cancelled,
}

impl Look {
    const ALL: [Look; 5] = [Look::Done, Look::InProgress, Look::Planned, Look::Overdue, Look::Cancelled];

    fn of(view: &View, a: &Activity) -> Look {
        match a.status {
            Status::Done => Look::Done,
            Status::Cancelled => Look::Cancelled,
            _ if view.is_overdue(a) => Look::Overdue,
            Status::InProgress => Look::InProgress,
            Status::Planned => Look::Planned,
        }
    }

    fn colour(self) -> &'static str {
        match self {
            Look::Done => "#2e7d32",
            Look::InProgress => "#f9a825",
            Look::Planned => "#78909c",
            Look::Overdue => "#d32f2f",
            Look::Cancelled => "#bdbdbd",
        }
    }

    fn name(self, view: &View) -> &'static str {
        match self {
            Look::Done => i18n::status(view.lang, Status::Done),
            Look::InProgress => i18n::status(view.lang, Status::InProgress),
            Look::Planned => i18n::status(view.lang, Status::Planned),
            Look::Overdue => view.t.overdue,
            Look::Cancelled => i18n::status(view.lang, Status::Cancelled),
        }
    }
}

/// The words of the pictures that the views do not use.
struct Words {
    wheel: &'static str,
    school_year: &'static str,
    /// "{}" is the plan's period.
    caption: &'static str,
    rings_role: &'static str,
    rings_kind: &'static str,
    other_roles: &'static str,
    other_kinds: &'static str,
    /// "{}" is a number.
    more: &'static str,
    activities: (&'static str, &'static str),
    keeps: &'static str,
    window: &'static str,
    requirements: &'static str,
    phase: &'static str,
    milestone: &'static str,
    quarter: &'static str,
}

const NB: Words = Words {
    wheel: "Årshjul",
    school_year: "skoleåret",
    caption: "Hver aktivitet står i sin måned, uansett år ({}).",
    rings_role: "Ringer etter ansvarlig, innerst først:",
    rings_kind: "Ringer etter type aktivitet, innerst først:",
    other_roles: "Andre",
    other_kinds: "Annet",
    more: "+{} til",
    activities: ("aktivitet", "aktiviteter"),
    keeps: "holder et krav",
    window: "tidsvindu for et krav",
    requirements: "Krav",
    phase: "fase (første til siste aktivitet)",
    milestone: "én dag",
    quarter: "K",
};

const EN: Words = Words {
    wheel: "Annual wheel",
    school_year: "the school year",
    caption: "Each activity is placed in its month, whatever the year ({}).",
    rings_role: "Rings by responsible role, innermost first:",
    rings_kind: "Rings by kind of activity, innermost first:",
    other_roles: "Other",
    other_kinds: "Other",
    more: "+{} more",
    activities: ("activity", "activities"),
    keeps: "keeps a requirement",
    window: "a requirement's window",
    requirements: "Requirements",
    phase: "phase (first to last activity)",
    milestone: "one day",
    quarter: "Q",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Text: escaping, numbers, widths, fitting.

/// Escapes text for XML content and attribute values; a line break of the picture's own (in a tooltip) stays.
fn esc(s: &str) -> String {
    crate::escape::xml_lines(s)
}

/// A coordinate with at most two decimals, without trailing zeros: "12", "12.5", "-3.25".
fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 {
        "0".to_string()
    } else if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// One line of text: runs of white space (newlines in multi-line titles) become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A character's advance in DejaVu Sans, in ems, rounded up into a few classes.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | 'J' | '\'' | '|' | '.' | ',' | ':' | ';' | '·' => 0.34,
        ' ' | '\u{a0}' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' | '"' | '!' => 0.46,
        '–' | '§' | '*' => 0.5,
        '?' => 0.64,
        'm' | 'w' | 'M' | 'W' | 'æ' | 'Æ' | '—' | '…' | '%' | '@' => 1.0,
        'A'..='Z' | 'Ø' | 'Å' | 'Ä' | 'Ö' | 'Ü' | 'É' => 0.79,
        c if c.is_alphanumeric() => 0.64,
        _ => 0.84,
    }
}

/// The width of a text in pixels at a font size, from DejaVu Sans's advances (bold is about a tenth wider).
fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(char_em).sum::<f64>() * size;
    if bold { w * 1.13 } else { w }
}

/// The text cut to `max` pixels, ending in "…" when cut; empty when not even one letter and "…" fit.
fn fit(s: &str, max: f64, size: f64, bold: bool) -> String {
    if text_width(s, size, bold) <= max {
        return s.to_string();
    }
    let ellipsis = text_width("…", size, bold);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width(&c.to_string(), size, bold);
        if w + cw + ellipsis > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    let kept = out.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '–' | '-' | '·'));
    if kept.is_empty() {
        return String::new();
    }
    format!("{kept}…")
}

/// A `<text>` element; `attrs` holds further attributes, each with a leading space.
fn text(x: f64, y: f64, size: f64, attrs: &str, content: &str) -> String {
    format!("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{attrs}>{}</text>", num(x), num(y), num(size), esc(content))
}

/// A `<title>` for hover, when there is anything to say.
fn tooltip(s: &str) -> String {
    if s.is_empty() { String::new() } else { format!("<title>{}</title>", esc(s)) }
}

fn days_in_month(d: NaiveDate) -> f64 {
    last_day_of_month(d.year(), d.month()).map_or(30.0, |e| e.day() as f64)
}

/// "Oktober" from "oktober": labels start with a capital letter.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn svg_open(out: &mut String, width: f64, height: f64, title: &str, xlink: bool) {
    let xlink = if xlink { " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" } else { "" };
    let (w, h) = (num(width), num(height));
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"{xlink} version=\"1.1\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n{}\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        tooltip(title)
    );
}

/// A small picture before a legend entry.
enum Swatch {
    /// A bar in a colour, struck through when cancelled.
    Bar(&'static str, bool),
    Dot(&'static str),
    Diamond(&'static str),
    /// A ring's band.
    Band(&'static str, &'static str),
    TodayLine,
    TodayMark,
    Window,
    Symbol(&'static str),
}

impl Swatch {
    /// Draws the swatch in the 16 × 12 box whose left edge is `x` and whose middle is at `y`.
    fn draw(&self, x: f64, y: f64) -> String {
        let (cx, top) = (x + 8.0, y - 6.0);
        match self {
            Swatch::Bar(fill, strike) => {
                let mut s = format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"10\" rx=\"2\" fill=\"{fill}\"/>",
                    num(x),
                    num(y - 5.0)
                );
                if *strike {
                    let _ = write!(
                        s,
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#616161\" stroke-width=\"1.2\"/>",
                        num(x - 1.0),
                        num(y),
                        num(x + 17.0),
                        num(y)
                    );
                }
                s
            }
            Swatch::Dot(fill) => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                num(cx),
                num(y)
            ),
            Swatch::Diamond(fill) => diamond(cx, y, 6.0, fill),
            Swatch::Band(light, strong) => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"12\" rx=\"2\" fill=\"{light}\" stroke=\"{strong}\" \
                 stroke-width=\"1.5\"/>",
                num(x),
                num(top)
            ),
            Swatch::TodayLine => format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TODAY}\" stroke-width=\"2\"/>",
                num(cx),
                num(top - 1.0),
                num(cx),
                num(top + 13.0)
            ),
            Swatch::TodayMark => format!(
                "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{TODAY}\"/>",
                num(cx),
                num(y + 5.0),
                num(cx - 6.0),
                num(y - 6.0),
                num(cx + 6.0),
                num(y - 6.0)
            ),
            Swatch::Window => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"11\" fill=\"#ffffff\" stroke=\"{MUTED}\" \
                 stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>",
                num(x),
                num(y - 5.5)
            ),
            Swatch::Symbol(s) => text(cx, y + 4.5, 13.0, &format!(" text-anchor=\"middle\" fill=\"{INK}\""), s),
        }
    }
}

fn diamond(cx: f64, cy: f64, r: f64, fill: &str) -> String {
    format!(
        "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
        num(cx),
        num(cy - r),
        num(cx + r),
        num(cy),
        num(cx),
        num(cy + r),
        num(cx - r),
        num(cy)
    )
}

/// Lays out legend entries left to right from `(x0, y)`, breaking lines before `x1`. Returns the baseline of the
/// last line.
fn legend_flow(out: &mut String, entries: &[(Swatch, String)], x0: f64, x1: f64, y: f64) -> f64 {
    const SIZE: f64 = 12.0;
    let mut x = x0;
    let mut y = y;
    for (swatch, label) in entries {
        let label = fit(label, x1 - x0 - 22.0, SIZE, false);
        let w = 22.0 + text_width(&label, SIZE, false);
        if x > x0 && x + w > x1 {
            x = x0;
            y += 20.0;
        }
        out.push_str(&swatch.draw(x, y - 4.0));
        out.push_str(&text(x + 22.0, y, SIZE, &format!(" fill=\"{INK}\""), &label));
        out.push('\n');
        x += w + 18.0;
    }
    y
}

// ---------------------------------------------------------------------------------------------------------------
// The Gantt chart.

enum Row {
    Phase(usize, Vec<usize>),
    Loose,
    Activity(usize),
}

/// A Gantt chart: the plan's phases and activities on a month axis (quarters when the plan runs longer than three
/// years), coloured by status, with today's line and a legend.
pub fn gantt(view: &View, opts: &GanttOptions) -> String {
    const MARGIN: f64 = 24.0;
    const ROW: f64 = 22.0;
    const FONT: f64 = 12.0;
    let plan = view.plan;
    let acts = &plan.activities;
    let w = words(view.lang);
    let width = opts.width.max(480) as f64;

    // The axis: the plan's period, widened to any activity outside it.
    let mut first = month_index(plan.start.value.start);
    let mut last = month_index(plan.end.value.end).max(first);
    for a in acts {
        first = first.min(month_index(a.when.value.start));
        last = last.max(month_index(a.last_day));
    }
    let months = last - first + 1;
    let quarters = months > 36;
    let label_w = (width * 0.3).clamp(160.0, 420.0);
    let x0 = MARGIN + label_w + 12.0;
    let x1 = width - MARGIN;
    let mw = (x1 - x0) / months as f64;
    let x_at = |d: NaiveDate| x0 + ((month_index(d) - first) as f64 + d.day0() as f64 / days_in_month(d)) * mw;
    let x_after = |d: NaiveDate| x0 + ((month_index(d) - first) as f64 + d.day() as f64 / days_in_month(d)) * mw;
    let x_month = |m: i64| x0 + (m - first) as f64 * mw;

    let mut rows = Vec::new();
    for p in 0..plan.phases.len() {
        let mut ids = view.ctx.phase_activities[p].clone();
        view.sort_by_date(&mut ids);
        rows.push(Row::Phase(p, ids.clone()));
        rows.extend(ids.into_iter().map(Row::Activity));
    }
    let mut loose: Vec<usize> = (0..acts.len()).filter(|&i| view.ctx.phase_of(&acts[i]).is_none()).collect();
    if !loose.is_empty() {
        view.sort_by_date(&mut loose);
        rows.push(Row::Loose);
        rows.extend(loose.into_iter().map(Row::Activity));
    }

    let axis_top = 78.0;
    let rows_top = axis_top + 44.0;
    let rows_bottom = rows_top + rows.len().max(1) as f64 * ROW;
    let today_m = month_index(view.today);
    let today_x = (first..=last).contains(&today_m).then(|| {
        let dim = days_in_month(view.today);
        x_at(view.today) + mw / dim / 2.0
    });

    // The legend, laid out first: its height decides the picture's.
    let mut legend = String::new();
    let mut entries: Vec<(Swatch, String)> = vec![(Swatch::Bar(PHASE, false), w.phase.to_string())];
    for look in Look::ALL {
        entries.push((Swatch::Bar(look.colour(), look == Look::Cancelled), look.name(view).to_string()));
    }
    entries.push((Swatch::Diamond(Look::Planned.colour()), w.milestone.to_string()));
    entries.push((Swatch::TodayLine, format!("{} {}", view.t.today, i18n::day(view.lang, view.today))));
    let legend_top = rows_bottom + if today_x.is_some() { 44.0 } else { 30.0 };
    let legend_last = legend_flow(&mut legend, &entries, MARGIN, x1, legend_top);
    let height = (legend_last + 18.0).ceil();

    let mut out = String::new();
    svg_open(&mut out, width, height, &plan.title.value, false);

    // Title and period.
    let title = one_line(&plan.title.value);
    let shown = fit(&title, width - 2.0 * MARGIN, 20.0, true);
    out.push_str(&format!("<g>{}", if shown != title { tooltip(&title) } else { String::new() }));
    out.push_str(&text(MARGIN, 36.0, 20.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), &shown));
    out.push_str("</g>\n");
    let mut sub: Vec<String> = plan.org.iter().map(|o| one_line(o)).collect();
    sub.push(i18n::span(view.lang, plan.start.value.start, plan.end.value.end));
    sub.push(format!("{} {}", view.t.today, i18n::day(view.lang, view.today)));
    let sub = fit(&sub.join(" · "), width - 2.0 * MARGIN, 13.0, false);
    out.push_str(&text(MARGIN, 58.0, 13.0, &format!(" fill=\"{MUTED}\""), &sub));
    out.push('\n');

    // Row backgrounds, then this month's column, then the grid.
    for (k, row) in rows.iter().enumerate() {
        let y = rows_top + k as f64 * ROW;
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
            num(ROW)
        );
    }
    if today_x.is_some() {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{TODAY_TINT}\" fill-opacity=\"0.7\"/>",
            num(x_month(today_m)),
            num(rows_top),
            num(mw),
            num(rows_bottom - rows_top)
        );
    }
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
        let x = x_month(m);
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

    // The axis: years, then months (or quarters).
    let axis_line = |out: &mut String, y: f64| {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{YEAR_LINE}\" stroke-width=\"1\"/>",
            num(x0),
            num(x1),
            y = num(y)
        );
    };
    axis_line(&mut out, axis_top + 22.0);
    axis_line(&mut out, rows_top - 2.0);
    let (y_first, _) = month_from_index(first);
    let (y_last, _) = month_from_index(last);
    for year in y_first..=y_last {
        let a = first.max(year as i64 * 12);
        let b = last.min(year as i64 * 12 + 11);
        let (xa, xb) = (x_month(a), x_month(b + 1));
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
    // Month or quarter labels: one form and size for all, the first that fits every cell.
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
        whole.iter().all(|&&(a, b, mo)| text_width(&label(mo, initial), size, false) + 3.0 <= x_month(b) - x_month(a))
    });
    if let Some((initial, size)) = form {
        for &(a, b, mo) in &cells {
            let (xa, xb) = (x_month(a), x_month(b));
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

    // The rows.
    for (k, row) in rows.iter().enumerate() {
        let y = rows_top + k as f64 * ROW;
        let mid = y + ROW / 2.0;
        match row {
            Row::Phase(p, ids) => {
                let ph = &plan.phases[*p];
                let name = one_line(&ph.name);
                let start = ids.iter().map(|&i| acts[i].when.value.start).min().unwrap_or(ph.span.start);
                let end = ids.iter().map(|&i| acts[i].last_day).max().unwrap_or(ph.span.end);
                let going: Vec<usize> = ids.iter().copied().filter(|&i| !acts[i].is_cancelled()).collect();
                let done = going.iter().filter(|&&i| acts[i].status == Status::Done).count();
                let mut tip = vec![
                    name.clone(),
                    format!("{} · {}", one_line(&ph.label.value), i18n::span(view.lang, start, end)),
                ];
                tip.extend(ph.goal.iter().map(|g| one_line(g)));
                out.push_str(&format!("<g>{}", tooltip(&tip.join("\n"))));
                let shown = fit(&name, label_w - 4.0, FONT, true);
                out.push_str(&text(
                    MARGIN + 4.0,
                    mid + 4.0,
                    FONT,
                    &format!(" font-weight=\"bold\" fill=\"{INK}\""),
                    &shown,
                ));
                let (xa, xb) = (x_at(start), x_after(end).max(x_at(start) + 3.0));
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"3\" fill=\"{PHASE}\"/>",
                    num(xa),
                    num(mid - 6.0),
                    num(xb - xa)
                );
                // The phase's label and progress beside its bar, where there is room.
                let note = format!("{} · {done}/{}", one_line(&ph.label.value), going.len());
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
            Row::Loose => {
                let shown = fit(view.t.no_phase, label_w - 4.0, FONT, true);
                out.push_str(&text(
                    MARGIN + 4.0,
                    mid + 4.0,
                    FONT,
                    &format!(" font-weight=\"bold\" fill=\"{INK}\""),
                    &shown,
                ));
                out.push('\n');
            }
            Row::Activity(i) => {
                let a = &acts[*i];
                let look = Look::of(view, a);
                let title = one_line(&a.title.value);
                let tip = format!("{title}\n{} · {} · {}", view.when_text(a), view.owners_text(a), view.status_text(a));
                out.push_str(&format!("<g>{}", tooltip(&tip)));
                let shown = fit(&title, label_w - 18.0, FONT, false);
                let attrs = match look {
                    Look::Overdue => " fill=\"#c62828\"".to_string(),
                    Look::Cancelled => " fill=\"#9e9e9e\" text-decoration=\"line-through\"".to_string(),
                    _ => format!(" fill=\"{INK}\""),
                };
                out.push_str(&text(MARGIN + 18.0, mid + 4.0, FONT, &attrs, &shown));
                let start = a.when.value.start;
                let single_day = a.when.value.precision == Precision::Day && a.last_day == start;
                let colour = look.colour();
                if single_day {
                    let x = (x_at(start) + x_after(start)) / 2.0;
                    out.push_str(&diamond(x, mid, 6.5, colour));
                } else {
                    let (xa, xb) = (x_at(start), x_after(a.last_day).max(x_at(start) + 3.0));
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
        }
    }
    if rows.is_empty() {
        out.push_str(&text(x0, rows_top + 15.0, FONT, &format!(" fill=\"{MUTED}\""), view.t.no_activities));
        out.push('\n');
    }

    // Today's line over the bars, its label below them.
    if let Some(x) = today_x {
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
    out.push_str(&legend);
    out.push_str("</svg>\n");
    out
}

// ---------------------------------------------------------------------------------------------------------------
// The årshjul.

#[derive(Debug, Clone, PartialEq, Eq)]
enum RingKey {
    Role(usize),
    Kind(String),
    Other,
}

struct Ring {
    key: RingKey,
    name: String,
    /// What the "other" ring holds, for its legend entry.
    members: Vec<String>,
    colours: (&'static str, &'static str),
    /// Lanes (lines of text) and the band's radii, once laid out.
    lanes: usize,
    r0: f64,
    r1: f64,
}

/// Something placed in the wheel: an activity (or several with the same title in the same months of different
/// years), or a requirement's window.
struct Item {
    ring: usize,
    /// The first month sector (0 is `first_month`) and how many months it spans (1–12).
    start: usize,
    len: usize,
    title: String,
    /// How many activities it stands for.
    count: usize,
    keeps: bool,
    /// `None` for a requirement's window.
    look: Option<Look>,
    tip: Vec<String>,
    order: (NaiveDate, usize),
}

impl Item {
    fn months(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k) % 12)
    }

    fn label(&self) -> String {
        let mut s = String::new();
        // No-break spaces: the marks stay with the first word when the label wraps.
        if self.keeps || self.look.is_none() {
            s.push_str("↻\u{a0}");
        }
        if self.count > 1 {
            let _ = write!(s, "{}×\u{a0}", self.count);
        }
        s.push_str(&self.title);
        s
    }
}

fn role_rings(view: &View, max: usize) -> (Vec<Ring>, Vec<usize>) {
    let plan = view.plan;
    let acts = &plan.activities;
    let owner_roles =
        |a: &Activity| -> Vec<usize> { a.owners.iter().filter_map(|o| view.ctx.role(&o.value)).collect() };
    let mut firsts = vec![0usize; plan.roles.len()];
    let mut unowned = false;
    for a in acts {
        match owner_roles(a).first() {
            Some(&r) => firsts[r] += 1,
            None => unowned = true,
        }
    }
    let owner = plan.owner.as_ref().and_then(|o| view.ctx.role(&o.value));
    let mut chosen: Vec<usize> = (0..plan.roles.len()).filter(|&r| firsts[r] > 0).collect();
    if chosen.len() + unowned as usize > max {
        chosen.sort_by_key(|&r| (Some(r) != owner, Reverse(firsts[r]), r));
        chosen.truncate(max.saturating_sub(1).max(1));
    }
    // The plan's owner innermost, then the others from the least busy out, where the arcs are longest.
    chosen.sort_by_key(|&r| (Some(r) != owner, firsts[r], r));
    let mut rings: Vec<Ring> = chosen
        .iter()
        .enumerate()
        .map(|(k, &r)| Ring {
            key: RingKey::Role(r),
            name: one_line(&plan.roles[r].name),
            members: Vec::new(),
            colours: RING_COLOURS[k % RING_COLOURS.len()],
            lanes: 1,
            r0: 0.0,
            r1: 0.0,
        })
        .collect();
    let mut other: Vec<String> = Vec::new();
    let mut of_activity = Vec::with_capacity(acts.len());
    for a in acts {
        let roles = owner_roles(a);
        let ring = roles.iter().find_map(|r| chosen.iter().position(|c| c == r));
        of_activity.push(ring.unwrap_or(usize::MAX));
        if ring.is_none() {
            let name = match roles.first() {
                Some(&r) => one_line(&plan.roles[r].name),
                None => view.t.no_owner.to_string(),
            };
            if !other.contains(&name) {
                other.push(name);
            }
        }
    }
    if !other.is_empty() {
        push_other_ring(&mut rings, &mut of_activity, words(view.lang).other_roles, other);
    }
    (rings, of_activity)
}

/// Adds the "other" ring and gives it every activity that has no ring yet (`usize::MAX`).
fn push_other_ring(rings: &mut Vec<Ring>, of_activity: &mut [usize], name: &str, members: Vec<String>) {
    let k = rings.len();
    rings.push(Ring {
        key: RingKey::Other,
        name: name.to_string(),
        members,
        colours: OTHER_RING,
        lanes: 1,
        r0: 0.0,
        r1: 0.0,
    });
    for r in of_activity.iter_mut().filter(|r| **r == usize::MAX) {
        *r = k;
    }
}

fn kind_key(a: &Activity) -> Option<String> {
    a.kind.as_deref().map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty())
}

fn kind_rings(view: &View, max: usize) -> (Vec<Ring>, Vec<usize>) {
    let acts = &view.plan.activities;
    // Kind → (count, the name as first written).
    let mut kinds: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut kindless = false;
    for a in acts {
        match kind_key(a) {
            Some(k) => kinds.entry(k).or_insert_with(|| (0, a.kind.clone().unwrap_or_default())).0 += 1,
            None => kindless = true,
        }
    }
    let mut chosen: Vec<(String, usize, String)> = kinds.into_iter().map(|(k, (n, name))| (k, n, name)).collect();
    if chosen.len() + kindless as usize > max {
        chosen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        chosen.truncate(max.saturating_sub(1).max(1));
    }
    // The smallest innermost, where the arcs are shortest.
    chosen.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut rings: Vec<Ring> = chosen
        .iter()
        .enumerate()
        .map(|(k, (key, _, name))| Ring {
            key: RingKey::Kind(key.clone()),
            name: capitalised(&one_line(&name.replace(['-', '_'], " "))),
            members: Vec::new(),
            colours: RING_COLOURS[k % RING_COLOURS.len()],
            lanes: 1,
            r0: 0.0,
            r1: 0.0,
        })
        .collect();
    let mut other: Vec<String> = Vec::new();
    let mut of_activity = Vec::with_capacity(acts.len());
    for a in acts {
        let key = kind_key(a);
        let ring = key.as_ref().and_then(|k| chosen.iter().position(|c| &c.0 == k));
        of_activity.push(ring.unwrap_or(usize::MAX));
        if ring.is_none()
            && let Some(k) = a.kind.as_deref()
        {
            let name = capitalised(&one_line(&k.replace(['-', '_'], " ")));
            if !other.contains(&name) {
                other.push(name);
            }
        }
    }
    if of_activity.contains(&usize::MAX) {
        push_other_ring(&mut rings, &mut of_activity, words(view.lang).other_kinds, other);
    }
    (rings, of_activity)
}

/// The ring a requirement belongs in: its kind's or its owner's ring, else the ring holding most of the
/// activities that keep it, else the "other" ring or the outermost.
fn requirement_ring(view: &View, r: &Recurring, rings: &[Ring], of_activity: &[usize]) -> usize {
    let kind = r.kind.value.trim().to_lowercase();
    let owner = r.owner.as_ref().and_then(|o| view.ctx.role(&o.value));
    if let Some(k) = rings.iter().position(|g| match &g.key {
        RingKey::Kind(k) => *k == kind,
        RingKey::Role(role) => Some(*role) == owner,
        RingKey::Other => false,
    }) {
        return k;
    }
    let mut counts = vec![0usize; rings.len()];
    for i in crate::rules::requirements_kept(&view.ctx, r) {
        counts[of_activity[i]] += 1;
    }
    if let Some((k, _)) = counts.iter().enumerate().filter(|(_, n)| **n > 0).max_by_key(|(k, n)| (**n, Reverse(*k))) {
        return k;
    }
    rings.iter().position(|g| g.key == RingKey::Other).unwrap_or(rings.len().saturating_sub(1))
}

/// A requirement in words: "hvert halvår", "4–8 per avtaleår", "senest oktober 2020", in the view's language.
fn requirement_text(view: &View, r: &Recurring) -> String {
    let nb = view.lang == Lang::Nb;
    let mut parts: Vec<String> = Vec::new();
    match r.cadence.as_ref().map(|c| &c.value) {
        Some(Cadence::Every(n)) => parts.push(match (nb, *n) {
            (true, 1) => "hver måned".to_string(),
            (true, 3) => "hvert kvartal".to_string(),
            (true, 6) => "hvert halvår".to_string(),
            (true, 12) => "hvert år".to_string(),
            (true, n) if n % 12 == 0 => format!("hvert {}. år", n / 12),
            (true, n) => format!("hver {n}. måned"),
            (false, 1) => "every month".to_string(),
            (false, 3) => "every quarter".to_string(),
            (false, 6) => "every half-year".to_string(),
            (false, 12) => "every year".to_string(),
            (false, n) if n % 12 == 0 => format!("every {} years", n / 12),
            (false, n) => format!("every {n} months"),
        }),
        Some(Cadence::Count { counts, per }) => {
            let range = |(a, b): &(u32, u32)| if a == b { a.to_string() } else { format!("{a}–{b}") };
            let numbers: Vec<String> = counts.iter().map(range).collect();
            let numbers = numbers.join(if nb { ", så " } else { ", then " });
            let per = match (nb, per) {
                (true, CadencePeriod::Plan) => "i planperioden",
                (false, CadencePeriod::Plan) => "in the plan period",
                (true, CadencePeriod::Month) => "per måned",
                (true, CadencePeriod::Quarter) => "per kvartal",
                (true, CadencePeriod::Term) => "per halvår",
                (true, CadencePeriod::Year) => "per år",
                (true, CadencePeriod::SchoolYear) => "per skoleår",
                (true, CadencePeriod::CalendarYear) => "per kalenderår",
                (true, CadencePeriod::AgreementYear) => "per avtaleår",
                (false, CadencePeriod::Month) => "a month",
                (false, CadencePeriod::Quarter) => "a quarter",
                (false, CadencePeriod::Term) => "a term",
                (false, CadencePeriod::Year) => "a year",
                (false, CadencePeriod::SchoolYear) => "a school year",
                (false, CadencePeriod::CalendarYear) => "a calendar year",
                (false, CadencePeriod::AgreementYear) => "an agreement year",
            };
            parts.push(format!("{numbers} {per}"));
        }
        None => {}
    }
    if let Some(months) = &r.window {
        let names: Vec<&str> = months.value.iter().map(|&m| i18n::month_short(view.lang, m)).collect();
        parts.push(format!("{} {}", if nb { "i" } else { "in" }, names.join(", ")));
    }
    if let Some(by) = &r.by {
        let w = &by.value;
        let date = if w.precision == Precision::Day {
            i18n::day(view.lang, w.end)
        } else {
            i18n::month_year(view.lang, w.end.year(), w.end.month())
        };
        parts.push(format!("{} {date}", if nb { "senest" } else { "by" }));
    }
    if let Some(within) = &r.within {
        let span = i18n::span(view.lang, within.value.start, within.value.end);
        parts.push(format!("{} {span}", if nb { "innenfor" } else { "within" }));
    }
    if let Some(before) = &r.before {
        let name = view
            .ctx
            .activity(&before.value)
            .map_or(before.value.clone(), |i| one_line(&view.plan.activities[i].title.value));
        parts.push(format!("{} {name}", if nb { "før" } else { "before" }));
    }
    if let Some(q) = &r.quota {
        parts.push(if nb { format!("høyst {} plasser", q.value) } else { format!("at most {} places", q.value) });
    }
    if let Some(q) = &r.quota_each {
        parts.push(if nb {
            format!("høyst {} plasser hver gang", q.value)
        } else {
            format!("at most {} places each time", q.value)
        });
    }
    if !r.participants.is_empty() {
        let names: Vec<String> = r
            .participants
            .iter()
            .map(|p| view.ctx.role(&p.value).map_or(p.value.clone(), |i| one_line(&view.plan.roles[i].name)))
            .collect();
        parts.push(format!("{} {}", if nb { "med" } else { "with" }, names.join(", ")));
    }
    parts.join(", ")
}

/// Places the items of one ring in lanes, outermost first: each takes the first lane free in all its months.
/// What does not fit in `cap` lanes is hidden and counted in each of its months, whose last lane then shows the
/// count.
/// How one ring's items lie: lanes used, the items hidden in each month, and what is in each lane in each month.
struct Layout {
    lanes: usize,
    hidden: Vec<Vec<usize>>,
    occupied: Vec<[Option<usize>; 12]>,
}

/// Marks the lane of a month that shows how many items it hides.
const COUNT_MARK: usize = usize::MAX;

fn lay_out(items: &[Item], ids: &[usize], cap: usize, lane: &mut [Option<usize>]) -> Layout {
    let cap = cap.max(1);
    let mut order = ids.to_vec();
    order.sort_by_key(|&i| (Reverse(items[i].len), items[i].order, i));
    let mut occupied: Vec<[Option<usize>; 12]> = Vec::new();
    let mut hidden: Vec<Vec<usize>> = vec![Vec::new(); 12];
    for &i in &order {
        let months: Vec<usize> = items[i].months().collect();
        let free = (0..cap).find(|&l| l >= occupied.len() || months.iter().all(|&m| occupied[l][m].is_none()));
        match free {
            Some(l) => {
                while occupied.len() <= l {
                    occupied.push([None; 12]);
                }
                for &m in &months {
                    occupied[l][m] = Some(i);
                }
                lane[i] = Some(l);
            }
            None => {
                for &m in &months {
                    hidden[m].push(i);
                }
            }
        }
    }
    // A month that hides something shows how many in its last lane: what is there moves out of the way.
    loop {
        let mut moved = false;
        for m in 0..12 {
            if hidden[m].is_empty() {
                continue;
            }
            if let Some(j) = occupied.get(cap - 1).and_then(|row| row[m]) {
                for mm in items[j].months() {
                    occupied[cap - 1][mm] = None;
                    hidden[mm].push(j);
                }
                lane[j] = None;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    for (m, h) in hidden.iter_mut().enumerate() {
        h.sort_by_key(|&i| (items[i].order, i));
        if !h.is_empty() {
            occupied[cap - 1][m] = Some(COUNT_MARK);
        }
    }
    Layout { lanes: occupied.len().max(1), hidden, occupied }
}

/// A point at `r` from the centre, `deg` degrees clockwise from twelve o'clock.
fn polar(cx: f64, cy: f64, r: f64, deg: f64) -> (f64, f64) {
    let t = deg.to_radians();
    (cx + r * t.sin(), cy - r * t.cos())
}

/// Arc commands from the current point (at `from` degrees) to `to` degrees, at radius `r`, in steps of at most 90°.
fn arc_to(cx: f64, cy: f64, r: f64, from: f64, to: f64) -> String {
    let steps = ((to - from).abs() / 90.0).ceil().max(1.0) as usize;
    let sweep = if to > from { 1 } else { 0 };
    let mut d = String::new();
    for k in 1..=steps {
        let a = from + (to - from) * k as f64 / steps as f64;
        let (x, y) = polar(cx, cy, r, a);
        let _ = write!(d, "A{} {} 0 0 {sweep} {} {}", num(r), num(r), num(x), num(y));
    }
    d
}

/// The path of an annular sector between radii `r0 < r1` and angles `a0 < a1`.
fn sector(cx: f64, cy: f64, r0: f64, r1: f64, a0: f64, a1: f64) -> String {
    let (x, y) = polar(cx, cy, r1, a0);
    let (xi, yi) = polar(cx, cy, r0, a1);
    format!(
        "M{} {}{}L{} {}{}Z",
        num(x),
        num(y),
        arc_to(cx, cy, r1, a0, a1),
        num(xi),
        num(yi),
        arc_to(cx, cy, r0, a1, a0)
    )
}

/// Where an arc's text runs: clockwise on the upper half, counter-clockwise on the lower half so that it reads
/// left to right there too.
fn reads_upside_down(a0: f64, a1: f64) -> bool {
    let mid = ((a0 + a1) / 2.0).rem_euclid(360.0);
    mid > 90.0 && mid < 270.0
}

/// Text on an arc, centred on a line of the band `[r_lo, r_hi]`, from angle `a0` to `a1`, reading from its
/// start (the left, seen upright) at `offset` pixels. The path goes into `defs`.
struct ArcText<'a> {
    cx: f64,
    cy: f64,
    r_lo: f64,
    r_hi: f64,
    a0: f64,
    a1: f64,
    size: f64,
    offset: f64,
    anchor_middle: bool,
    attrs: &'a str,
}

impl ArcText<'_> {
    fn baseline(&self) -> f64 {
        // Glyphs stand outward from the baseline on the upper half and inward on the lower half.
        let mid = (self.r_lo + self.r_hi) / 2.0;
        if reads_upside_down(self.a0, self.a1) { mid + 0.36 * self.size } else { mid - 0.36 * self.size }
    }

    /// The room for text along the arc, in pixels.
    fn room(&self) -> f64 {
        self.baseline() * (self.a1 - self.a0).to_radians() - self.offset - 3.0
    }

    fn draw(&self, id: &str, content: &str, defs: &mut String, out: &mut String) {
        let r = self.baseline();
        let (from, to) = if reads_upside_down(self.a0, self.a1) { (self.a1, self.a0) } else { (self.a0, self.a1) };
        let (x, y) = polar(self.cx, self.cy, r, from);
        let _ =
            writeln!(defs, "<path id=\"{id}\" d=\"M{} {}{}\"/>", num(x), num(y), arc_to(self.cx, self.cy, r, from, to));
        let (anchor, offset) =
            if self.anchor_middle { (" text-anchor=\"middle\"", "50%".to_string()) } else { ("", num(self.offset)) };
        let _ = write!(
            out,
            "<text font-size=\"{}\"{anchor}{}><textPath xlink:href=\"#{id}\" startOffset=\"{offset}\">{}</textPath></text>",
            num(self.size),
            self.attrs,
            esc(content)
        );
    }
}

/// Breaks a label into at most `rooms.len()` lines, line `j` at most `rooms[j]` pixels wide: between words where
/// it can, inside a word too long for a line of its own (with a hyphen, when both parts keep a few letters), and
/// with "…" when the text does not fit. Returns the lines and whether the whole text is in them.
fn wrap(content: &str, rooms: &[f64], size: f64) -> (Vec<String>, bool) {
    let words: Vec<&str> = content.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut k = 0;
    for (j, &room) in rooms.iter().enumerate() {
        if k >= words.len() {
            break;
        }
        let last = j + 1 == rooms.len();
        let rest = words[k..].join(" ");
        if last || text_width(&rest, size, false) <= room {
            let line = fit(&rest, room, size, false);
            let whole = line == rest;
            lines.push(line);
            return (lines, whole);
        }
        let mut line = String::new();
        while k < words.len() {
            let candidate = if line.is_empty() { words[k].to_string() } else { format!("{line} {}", words[k]) };
            if text_width(&candidate, size, false) > room {
                break;
            }
            line = candidate;
            k += 1;
        }
        if line.is_empty() {
            // A word longer than the line: break it after a hyphen of its own, else where a syllable starts, at
            // the last such place where the part before fits.
            let chars: Vec<char> = words[k].chars().collect();
            let head = |cut: usize| {
                let h: String = chars[..cut].iter().collect();
                if h.ends_with('-') { h } else { format!("{h}-") }
            };
            // The widths of the word's beginnings, in ems, summed in the order text_width sums them; past
            // the first beginning wider than the line no cut can fit, so the scan stops there.
            let mut ems = vec![0.0];
            for &c in &chars {
                let e = ems[ems.len() - 1] + char_em(c);
                if e * size > room {
                    break;
                }
                ems.push(e);
            }
            let fits = |c: &usize| {
                *c < ems.len() && (if chars[*c - 1] == '-' { ems[*c] } else { ems[*c] + char_em('-') }) * size <= room
            };
            let places = 2..chars.len().saturating_sub(2).min(ems.len());
            let Some(cut) = places.clone().rev().filter(fits).find(|&c| chars[c - 1] == '-').or_else(|| {
                let from = alphabetic_from(&chars);
                places.rev().filter(fits).find(|&c| syllable_starts_with(&chars, c, from))
            }) else {
                lines.push(fit(&rest, room, size, false));
                return (lines, false);
            };
            lines.push(head(cut));
            let mut remaining: Vec<String> = vec![chars[cut..].iter().collect()];
            remaining.extend(words[k + 1..].iter().map(|w| w.to_string()));
            let (more, whole) = wrap(&remaining.join(" "), &rooms[j + 1..], size);
            lines.extend(more);
            return (lines, whole);
        }
        lines.push(line);
    }
    (lines, k >= words.len())
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next(),
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å' | 'é' | 'è' | 'ê' | 'ä' | 'ö' | 'ü')
    )
}

/// Consonant clusters a Norwegian syllable can start with.
fn is_onset(s: &str) -> bool {
    let s = s.to_lowercase();
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic() && !is_vowel(c),
        _ => matches!(
            s.as_str(),
            "bl" | "br"
                | "dr"
                | "fj"
                | "fl"
                | "fr"
                | "gj"
                | "gl"
                | "gn"
                | "gr"
                | "hj"
                | "hv"
                | "kj"
                | "kl"
                | "kn"
                | "kr"
                | "kv"
                | "pj"
                | "pl"
                | "pr"
                | "sj"
                | "sk"
                | "sl"
                | "sm"
                | "sn"
                | "sp"
                | "st"
                | "sv"
                | "tj"
                | "tr"
                | "tv"
                | "skj"
                | "skr"
                | "spl"
                | "spr"
                | "str"
        ),
    }
}

/// Where the word's alphabetic tail starts: `chars[i..]` is all letters exactly when `i >= alphabetic_from`.
fn alphabetic_from(chars: &[char]) -> usize {
    chars.iter().rposition(|c| !c.is_alphabetic()).map_or(0, |p| p + 1)
}

/// Whether a word can be hyphenated before `chars[cut]`: the part before has a vowel, and the part after starts
/// with the longest consonant cluster a syllable can start with, then a vowel ("Opp-starts", "Informa-sjons",
/// "Omdøm-me"; not "Oppstar-tsmøte"), or follows a compound's linking "s" ("Oppstarts-møte"). `alphabetic_from`
/// is [`alphabetic_from`] of the word, computed once for all its cuts so that trying every cut stays linear.
fn syllable_starts_with(chars: &[char], cut: usize, alphabetic_from: usize) -> bool {
    // The word's own letters before the break (after a mark such as "↻"): at least three, one of them a vowel.
    let start = chars[..cut].iter().rposition(|c| !c.is_alphabetic()).map_or(0, |p| p + 1);
    if cut < start + 3 || !chars[start..cut].iter().any(|&c| is_vowel(c)) || cut < alphabetic_from {
        return false;
    }
    // An onset is at most three letters: look no further for the vowel after it.
    let Some(v) = chars[cut..].iter().take(4).position(|&c| is_vowel(c)) else { return false };
    let onset: String = chars[cut..cut + v].iter().collect();
    let longer: String = chars[cut - 1..cut + v].iter().collect();
    // A consonant and "s" end a compound's first part ("Oppstarts-møte", "Informasjons-kampanje"), although "sm"
    // and "sk" could start a syllable; not before "t", where "st" starts one far more often ("Opp-starts").
    let linking_s = chars[cut - 1] == 's' && !is_vowel(chars[cut - 2]) && chars[cut] != 't';
    let longest = linking_s || is_vowel(chars[cut - 1]) || !is_onset(&longer);
    v > 0 && is_onset(&onset) && longest
}

/// A label in an arc-shaped box, in as many lines as the box has room for, with a status dot before the first
/// line.
struct ArcLabel<'a> {
    cx: f64,
    cy: f64,
    r_lo: f64,
    r_hi: f64,
    a0: f64,
    a1: f64,
    size: f64,
    dot: Option<&'static str>,
    attrs: &'a str,
}

impl ArcLabel<'_> {
    /// Draws the label in the fewest lines that hold it whole, centred in the box; in all the lines there is
    /// room for when none do.
    fn draw(&self, content: &str, next_id: &mut impl FnMut() -> String, defs: &mut String, out: &mut String) {
        let line_h = self.size * 1.2;
        let most = (((self.r_hi - self.r_lo - 1.0) / line_h).floor() as usize).max(1);
        let upside_down = reads_upside_down(self.a0, self.a1);
        let mid = (self.r_lo + self.r_hi) / 2.0;
        let block = |n: usize| -> Vec<ArcText> {
            (0..n)
                .map(|j| {
                    // The first line is the one nearest the top as read: the outermost on the upper half.
                    let k = (n as f64 - 1.0) / 2.0 - j as f64;
                    let centre = if upside_down { mid - k * line_h } else { mid + k * line_h };
                    ArcText {
                        cx: self.cx,
                        cy: self.cy,
                        r_lo: centre - line_h / 2.0,
                        r_hi: centre + line_h / 2.0,
                        a0: self.a0,
                        a1: self.a1,
                        size: self.size,
                        offset: if j == 0 && self.dot.is_some() { 13.0 } else { 4.0 },
                        anchor_middle: false,
                        attrs: self.attrs,
                    }
                })
                .collect()
        };
        let mut chosen = None;
        for n in 1..=most {
            let lines = block(n);
            let rooms: Vec<f64> = lines.iter().map(|l| l.room()).collect();
            let (texts, whole) = wrap(content, &rooms, self.size);
            if whole || n == most {
                chosen = Some((lines, texts));
                break;
            }
        }
        let Some((lines, texts)) = chosen else { return };
        if let Some(colour) = self.dot {
            let r = (lines[0].r_lo + lines[0].r_hi) / 2.0;
            let da = (7.0 / r).to_degrees();
            let (x, y) = polar(self.cx, self.cy, r, if upside_down { self.a1 - da } else { self.a0 + da });
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                num(x),
                num(y)
            );
        }
        for (line, content) in lines.iter().zip(texts) {
            if !content.is_empty() {
                line.draw(&next_id(), &content, defs, out);
            }
        }
    }
}

/// An årshjul: the twelve months round a circle from `first_month` at the top, a ring per role or per kind, each
/// activity in its month (whatever the year) in its ring, work that spans months as arcs, requirements' windows,
/// and this month marked.
pub fn wheel(view: &View, opts: &WheelOptions) -> String {
    const FONT: f64 = 11.0;
    const LANE: f64 = 15.0;
    const PAD: f64 = 3.0;
    const MARGIN: f64 = 24.0;
    let plan = view.plan;
    let acts = &plan.activities;
    let w = words(view.lang);
    let size = opts.size.max(480) as f64;
    let first_month = if (1..=12).contains(&opts.first_month) { opts.first_month } else { 8 };
    let sector_of = |m: u32| ((m + 12 - first_month) % 12) as usize;
    let angle = |s: f64| s * 30.0;

    // Geometry: the title band, then the wheel in a size × size square.
    let top = 76.0;
    let (cx, cy) = (size / 2.0, top + size / 2.0);
    let r_month_out = size / 2.0 - 18.0;
    let r_month_in = r_month_out - (size * 0.045).max(28.0);
    let r_rings_out = r_month_in - 4.0;
    // Near the hub a month's arc is too short for a word: the rings start a seventh of the way out.
    let r_hole = size * 0.14;
    let area = r_rings_out - r_hole;
    // Rings thinner than two lines of text would hold too little to read.
    let max_rings = ((area / 52.0).floor() as usize).clamp(2, 8);

    let (mut rings, of_activity) = match opts.rings {
        Rings::Role => role_rings(view, max_rings),
        Rings::Kind => kind_rings(view, max_rings),
    };
    if rings.is_empty() {
        let name = match opts.rings {
            Rings::Role => w.other_roles,
            Rings::Kind => w.other_kinds,
        };
        rings.push(Ring {
            key: RingKey::Other,
            name: name.to_string(),
            members: Vec::new(),
            colours: OTHER_RING,
            lanes: 1,
            r0: 0.0,
            r1: 0.0,
        });
    }

    // The items: activities merged by ring, months and title; then requirements' windows.
    let mut items: Vec<Item> = Vec::new();
    let mut index: BTreeMap<(usize, usize, usize, String), usize> = BTreeMap::new();
    let mut ids: Vec<usize> = (0..acts.len()).collect();
    view.sort_by_date(&mut ids);
    let keepings: Vec<Keeping> = plan.recurring.iter().map(|r| Keeping::new(&view.ctx, r)).collect();
    for i in ids {
        let a = &acts[i];
        let start = sector_of(a.when.value.start.month());
        let len = (month_index(a.last_day) - month_index(a.when.value.start) + 1).clamp(1, 12) as usize;
        let title = one_line(&a.title.value);
        let ring = of_activity[i];
        let look = Look::of(view, a);
        let keeps_any = keepings.iter().any(|k| k.kept_by(&view.ctx, a));
        let line = format!("{} · {} · {}", view.when_text(a), view.owners_text(a), view.status_text(a));
        let key = (ring, start, len, title.to_lowercase());
        match index.get(&key) {
            Some(&k) => {
                let it = &mut items[k];
                it.count += 1;
                it.keeps |= keeps_any;
                it.look = it.look.min(Some(look));
                it.tip.push(line);
            }
            None => {
                index.insert(key, items.len());
                items.push(Item {
                    ring,
                    start,
                    len,
                    title: title.clone(),
                    count: 1,
                    keeps: keeps_any,
                    look: Some(look),
                    tip: vec![title, line],
                    order: (a.when.value.start, i),
                });
            }
        }
    }
    let req_rings: Vec<usize> =
        plan.recurring.iter().map(|r| requirement_ring(view, r, &rings, &of_activity)).collect();
    for (k, r) in plan.recurring.iter().enumerate() {
        let Some(window) = &r.window else { continue };
        let mut sectors: Vec<usize> =
            window.value.iter().filter(|m| (1..=12).contains(*m)).map(|&m| sector_of(m)).collect();
        sectors.sort_unstable();
        sectors.dedup();
        // Runs of neighbouring months, the run through the top joined up.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for s in sectors {
            match runs.last_mut() {
                Some((a, n)) if *a + *n == s => *n += 1,
                _ => runs.push((s, 1)),
            }
        }
        if runs.len() > 1 && runs[0].0 == 0 && runs.last().is_some_and(|(a, n)| a + n == 12) {
            let (a, n) = runs.pop().unwrap_or((0, 0));
            runs[0] = (a, n + runs[0].1);
        }
        for (start, len) in runs {
            items.push(Item {
                ring: req_rings[k],
                start,
                len,
                title: one_line(&r.title),
                count: 1,
                keeps: true,
                look: None,
                tip: vec![one_line(&r.title), requirement_text(view, r)],
                order: (NaiveDate::MIN, k),
            });
        }
    }

    // Lanes: first as many as each ring needs (no more than fit in all the rings' room), then as many as there is
    // room for.
    let most_lanes = ((area / LANE).floor() as usize).max(1);
    let ring_items: Vec<Vec<usize>> =
        (0..rings.len()).map(|g| (0..items.len()).filter(|&i| items[i].ring == g).collect()).collect();
    let mut lane: Vec<Option<usize>> = vec![None; items.len()];
    let needs: Vec<usize> =
        (0..rings.len()).map(|g| lay_out(&items, &ring_items[g], most_lanes, &mut lane).lanes).collect();
    let n = rings.len() as f64;
    let total_need: usize = needs.iter().sum();
    let caps: Vec<usize> = if total_need as f64 * LANE + n * 2.0 * PAD <= area {
        needs.clone()
    } else {
        let room = area - n * 2.0 * PAD;
        let mut caps: Vec<usize> =
            needs.iter().map(|&k| ((room * k as f64 / total_need as f64 / LANE).floor() as usize).max(1)).collect();
        // Rounding down leaves whole lanes over: they go to the rings that lack the most.
        while (caps.iter().sum::<usize>() + 1) as f64 * LANE + n * 2.0 * PAD <= area {
            let Some(g) =
                (0..caps.len()).filter(|&g| caps[g] < needs[g]).max_by_key(|&g| (needs[g] - caps[g], Reverse(g)))
            else {
                break;
            };
            caps[g] += 1;
        }
        caps
    };
    lane.iter_mut().for_each(|l| *l = None);
    let layouts: Vec<Layout> = (0..rings.len()).map(|g| lay_out(&items, &ring_items[g], caps[g], &mut lane)).collect();
    for (ring, layout) in rings.iter_mut().zip(&layouts) {
        ring.lanes = layout.lanes;
    }
    // The room left over goes to each ring by its lanes over the root of its radius: a line of text near the hub
    // holds less than one near the rim, so inner rings get more lines to wrap their labels in.
    let lanes_total: usize = rings.iter().map(|r| r.lanes).sum();
    let extra = (area - lanes_total as f64 * LANE - n * 2.0 * PAD).max(0.0);
    let mut mids: Vec<f64> = (0..rings.len()).map(|g| r_hole + area * (g as f64 + 0.5) / n).collect();
    for _ in 0..4 {
        let weights: Vec<f64> = rings.iter().zip(&mids).map(|(g, m)| g.lanes as f64 / m.sqrt()).collect();
        let total: f64 = weights.iter().sum();
        let mut r = r_hole;
        for (g, ring) in rings.iter_mut().enumerate() {
            let width = ring.lanes as f64 * LANE + 2.0 * PAD + extra * weights[g] / total;
            ring.r0 = r;
            ring.r1 = r + width;
            mids[g] = r + width / 2.0;
            r += width;
        }
    }

    // The legend below the wheel, laid out first: its height decides the picture's.
    let mut legend = String::new();
    let x1 = size - MARGIN;
    let mut y = top + size + 8.0;
    let span = i18n::span(view.lang, plan.start.value.start, plan.end.value.end);
    let mut caption = w.caption.replace("{}", &span);
    if acts.is_empty() {
        caption = format!("{} {caption}", view.t.no_activities);
    }
    legend.push_str(&text(
        MARGIN,
        y,
        12.0,
        &format!(" font-style=\"italic\" fill=\"{MUTED}\""),
        &fit(&caption, x1 - MARGIN, 12.0, false),
    ));
    legend.push('\n');
    y += 24.0;
    let heading = match opts.rings {
        Rings::Role => w.rings_role,
        Rings::Kind => w.rings_kind,
    };
    legend.push_str(&text(MARGIN, y, 12.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), heading));
    legend.push('\n');
    y += 20.0;
    let ring_entries: Vec<(Swatch, String)> = rings
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let count: usize = items.iter().filter(|i| i.ring == k && i.look.is_some()).map(|i| i.count).sum();
            let mut label = g.name.clone();
            if !g.members.is_empty() {
                let _ = write!(label, ": {}", g.members.join(", "));
            }
            let _ = write!(label, " ({count})");
            (Swatch::Band(g.colours.0, g.colours.1), label)
        })
        .collect();
    y = legend_flow(&mut legend, &ring_entries, MARGIN, x1, y) + 26.0;
    let mut entries: Vec<(Swatch, String)> =
        Look::ALL.iter().map(|l| (Swatch::Dot(l.colour()), l.name(view).to_string())).collect();
    entries.push((Swatch::Symbol("↻"), w.keeps.to_string()));
    if items.iter().any(|i| i.look.is_none()) {
        entries.push((Swatch::Window, w.window.to_string()));
    }
    entries.push((Swatch::TodayMark, format!("{} {}", view.t.today, i18n::day(view.lang, view.today))));
    y = legend_flow(&mut legend, &entries, MARGIN, x1, y);
    if !plan.recurring.is_empty() {
        y += 26.0;
        legend.push_str(&text(MARGIN, y, 12.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), w.requirements));
        legend.push('\n');
        for (k, r) in plan.recurring.iter().enumerate() {
            y += 19.0;
            let how = requirement_text(view, r);
            let full = if how.is_empty() { one_line(&r.title) } else { format!("{} — {how}", one_line(&r.title)) };
            let shown = fit(&format!("↻ {full}"), x1 - MARGIN - 22.0, 12.0, false);
            let (light, strong) = rings[req_rings[k]].colours;
            legend.push_str(&format!("<g>{}", tooltip(&full)));
            legend.push_str(&Swatch::Band(light, strong).draw(MARGIN, y - 4.0));
            legend.push_str(&text(MARGIN + 22.0, y, 12.0, &format!(" fill=\"{INK}\""), &shown));
            legend.push_str("</g>\n");
        }
    }
    let height = (y + 18.0).ceil();

    let mut defs = String::new();
    let mut out = String::new();
    let mut path_id = 0usize;
    let mut next_id = || {
        path_id += 1;
        format!("implan-wheel-{path_id}")
    };

    // Title.
    let title = one_line(&plan.title.value);
    let shown = fit(&title, size - 2.0 * MARGIN, 20.0, true);
    out.push_str(&format!("<g>{}", if shown != title { tooltip(&title) } else { String::new() }));
    out.push_str(&text(MARGIN, 36.0, 20.0, &format!(" font-weight=\"bold\" fill=\"{INK}\""), &shown));
    out.push_str("</g>\n");
    let mut sub: Vec<String> = plan.org.iter().map(|o| one_line(o)).collect();
    sub.push(span.clone());
    let sub = fit(&sub.join(" · "), size - 2.0 * MARGIN, 13.0, false);
    out.push_str(&text(MARGIN, 58.0, 13.0, &format!(" fill=\"{MUTED}\""), &sub));
    out.push('\n');

    // Ring bands, this month's wedge, the month lines and the ring lines.
    for g in &rings {
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(cx),
            num(cy),
            num((g.r0 + g.r1) / 2.0),
            g.colours.0,
            num(g.r1 - g.r0)
        );
    }
    let today_sector = sector_of(view.today.month());

    out.push_str("<g stroke=\"#ffffff\" stroke-width=\"2\">\n");
    for s in 0..12 {
        let (xa, ya) = polar(cx, cy, r_hole, angle(s as f64));
        let (xb, yb) = polar(cx, cy, r_rings_out, angle(s as f64));
        let _ = writeln!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(xa), num(ya), num(xb), num(yb));
    }
    for g in rings.iter().skip(1) {
        let _ = writeln!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\"/>", num(cx), num(cy), num(g.r0));
    }
    out.push_str("</g>\n");

    // The month ring.
    for s in 0..12 {
        let month = (first_month - 1 + s as u32) % 12 + 1;
        let (a0, a1) = (angle(s as f64), angle(s as f64 + 1.0));
        let fill = if s == today_sector { TODAY } else { MONTH_CELL[s % 2] };
        let _ = writeln!(out, "<path d=\"{}\" fill=\"{fill}\"/>", sector(cx, cy, r_month_in, r_month_out, a0, a1));
        let at = ArcText {
            cx,
            cy,
            r_lo: r_month_in,
            r_hi: r_month_out,
            a0: a0 + 0.5,
            a1: a1 - 0.5,
            size: 14.0,
            offset: 0.0,
            anchor_middle: true,
            attrs: " font-weight=\"bold\" fill=\"#ffffff\"",
        };
        let full = capitalised(i18n::month_name(view.lang, month));
        let short = capitalised(i18n::month_short(view.lang, month));
        let label = [full, short].into_iter().find(|l| text_width(l, 14.0, true) <= at.room()).unwrap_or_default();
        at.draw(&next_id(), &label, &mut defs, &mut out);
        out.push('\n');
    }

    // This month: a frame round its sector.
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{TODAY}\" stroke-width=\"2\"/>",
        sector(cx, cy, r_hole, r_rings_out, angle(today_sector as f64), angle(today_sector as f64 + 1.0))
    );

    // The items.
    for (i, it) in items.iter().enumerate() {
        let Some(l) = lane[i] else { continue };
        let g = &rings[it.ring];
        let lane_h = (g.r1 - g.r0 - 2.0 * PAD) / g.lanes as f64;
        // The item also takes the lanes inside its own that are free in all its months.
        let occupied = &layouts[it.ring].occupied;
        let below = (l + 1..g.lanes).take_while(|&k| it.months().all(|m| occupied[k][m].is_none())).count();
        let r_hi = g.r1 - PAD - l as f64 * lane_h;
        let r_lo = r_hi - lane_h * (1 + below) as f64;
        let (a0, a1) = (angle(it.start as f64), angle((it.start + it.len) as f64));
        let gap = (3.0 / r_lo).to_degrees();
        let (a0, a1) = (a0 + gap, a1 - gap);
        out.push_str(&format!("<g>{}", tooltip(&it.tip.join("\n"))));
        let (band_lo, band_hi) = (r_lo + 1.5, r_hi - 1.5);
        match it.look {
            None => {
                let _ = write!(
                    out,
                    "<path d=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.6\" stroke=\"{MUTED}\" stroke-width=\"1.2\" \
                     stroke-dasharray=\"4 3\"/>",
                    sector(cx, cy, band_lo, band_hi, a0, a1)
                );
            }
            Some(_) if it.len > 1 => {
                let _ = write!(
                    out,
                    "<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.55\"/>",
                    sector(cx, cy, band_lo, band_hi, a0, a1),
                    g.colours.1
                );
            }
            Some(_) => {}
        }
        let attrs = match it.look {
            None => format!(" font-style=\"italic\" fill=\"{INK}\""),
            Some(Look::Cancelled) => " fill=\"#757575\" text-decoration=\"line-through\"".to_string(),
            Some(Look::Overdue) => " fill=\"#b71c1c\"".to_string(),
            Some(_) => format!(" fill=\"{INK}\""),
        };
        let label = ArcLabel { cx, cy, r_lo, r_hi, a0, a1, size: FONT, dot: it.look.map(Look::colour), attrs: &attrs };
        label.draw(&it.label(), &mut next_id, &mut defs, &mut out);
        out.push_str("</g>\n");
    }
    // What did not fit: a count in the last lane of its month.
    for (g, ring) in rings.iter().enumerate() {
        for (s, h) in layouts[g].hidden.iter().enumerate() {
            if h.is_empty() {
                continue;
            }
            let lane_h = (ring.r1 - ring.r0 - 2.0 * PAD) / ring.lanes as f64;
            let r_lo = ring.r0 + PAD;
            let r_hi = r_lo + lane_h;
            let gap = (3.0 / r_lo).to_degrees();
            let (a0, a1) = (angle(s as f64) + gap, angle(s as f64 + 1.0) - gap);
            let count: usize = h.iter().map(|&i| items[i].count).sum();
            let shown_here = items
                .iter()
                .enumerate()
                .any(|(i, it)| it.ring == g && lane[i].is_some() && it.months().any(|m| m == s));
            let words_label = if shown_here {
                w.more.replace("{}", &count.to_string())
            } else {
                i18n::count(count as i64, w.activities)
            };
            let mut tip: Vec<String> = h.iter().take(25).map(|&i| items[i].label()).collect();
            if h.len() > 25 {
                tip.push("…".to_string());
            }
            let attrs = format!(" font-style=\"italic\" fill=\"{MUTED}\"");
            let at = ArcLabel { cx, cy, r_lo, r_hi, a0, a1, size: FONT, dot: None, attrs: &attrs };
            // "+14 til" where it fits, else "+14".
            let line = ArcText { cx, cy, r_lo, r_hi, a0, a1, size: FONT, offset: 4.0, anchor_middle: false, attrs: "" };
            let label =
                if text_width(&words_label, FONT, false) <= line.room() { words_label } else { format!("+{count}") };
            out.push_str(&format!("<g>{}", tooltip(&tip.join("\n"))));
            at.draw(&label, &mut next_id, &mut defs, &mut out);
            out.push_str("</g>\n");
        }
    }

    // The hub: what the wheel is, from which month, over which years.
    let _ = writeln!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#cfd8dc\" stroke-width=\"1.5\"/>",
        num(cx),
        num(cy),
        num(r_hole - 2.0)
    );
    let hub_w = r_hole * 1.7;
    let last_month = (first_month + 10) % 12 + 1;
    let range = if first_month == 8 {
        w.school_year.to_string()
    } else {
        format!("{} – {}", i18n::month_short(view.lang, first_month), i18n::month_short(view.lang, last_month))
    };
    let (y0, y1) = (plan.start.value.start.year(), plan.end.value.end.year());
    let years = if y0 == y1 { y0.to_string() } else { format!("{y0}–{y1}") };
    let mid = " text-anchor=\"middle\"";
    out.push_str(&text(
        cx,
        cy - 6.0,
        17.0,
        &format!("{mid} font-weight=\"bold\" fill=\"{INK}\""),
        &fit(w.wheel, hub_w, 17.0, true),
    ));
    out.push_str(&text(cx, cy + 13.0, 12.0, &format!("{mid} fill=\"{MUTED}\""), &fit(&range, hub_w, 12.0, false)));
    out.push_str(&text(cx, cy + 29.0, 11.0, &format!("{mid} fill=\"{MUTED}\""), &fit(&years, hub_w, 11.0, false)));
    out.push('\n');

    // Today: a pointer outside the month ring, at the day.
    let day_angle = angle(today_sector as f64 + view.today.day0() as f64 / days_in_month(view.today));
    let (tx, ty) = polar(cx, cy, r_month_out + 1.0, day_angle);
    let spread = (6.0 / (r_month_out + 13.0)).to_degrees();
    let (bx, by) = polar(cx, cy, r_month_out + 14.0, day_angle - spread);
    let (ex, ey) = polar(cx, cy, r_month_out + 14.0, day_angle + spread);
    let _ = writeln!(
        out,
        "<g>{}<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{TODAY}\"/></g>",
        tooltip(&format!("{} {}", view.t.today, i18n::day(view.lang, view.today))),
        num(tx),
        num(ty),
        num(bx),
        num(by),
        num(ex),
        num(ey)
    );

    let mut svg = String::new();
    svg_open(&mut svg, size, height, &format!("{} – {}", plan.title.value, w.wheel), true);
    let _ = write!(svg, "<defs>\n{defs}</defs>\n{out}{legend}</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `requirement_text` of each `[[recurring]]` in `reqs`, in both languages.
    fn requirement_texts(reqs: &[&str]) -> Vec<(String, String)> {
        let mut text =
            "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2030-12\"\n\n[roles]\nsg = \"Styringsgruppe\"\n"
                .to_string();
        for (i, r) in reqs.iter().enumerate() {
            text.push_str(&format!("\n[[recurring]]\nid = \"r{i}\"\ntitle = \"R\"\nkind = \"k\"\n{r}\n"));
        }
        let source = crate::source::Source::new("t.toml", &text);
        let plan = crate::load::load(&source).unwrap_or_else(|e| panic!("{e:?}"));
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let (nb, en) = (View::new(&plan, &source, Lang::Nb, today), View::new(&plan, &source, Lang::En, today));
        plan.recurring.iter().map(|r| (requirement_text(&nb, r), requirement_text(&en, r))).collect()
    }

    #[test]
    fn a_requirement_reads_as_its_cadence_window_and_deadline() {
        let texts = requirement_texts(&[
            "every = \"24 måneder\"",
            "every = \"5 måneder\"",
            "every = \"år\"",
            "count = 2\nper = \"år\"",
            "count = \"4–8\"\nper = \"avtaleår\"",
            "every = \"halvår\"\nmonths = [3, 10]",
            "count = 1\nper = \"plan\"\nby = \"2027-10-23\"",
            "count = 1\nper = \"plan\"\nby = \"oktober 2027\"",
        ]);
        let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("hvert 2. år", "every 2 years"),
                ("hver 5. måned", "every 5 months"),
                ("hvert år", "every year"),
                ("2 per år", "2 a year"),
                ("4–8 per avtaleår", "4–8 an agreement year"),
                ("hvert halvår, i mar, okt", "every half-year, in Mar, Oct"),
                ("1 i planperioden, senest 23. oktober 2027", "1 in the plan period, by 23 October 2027"),
                ("1 i planperioden, senest oktober 2027", "1 in the plan period, by October 2027"),
            ]
        );
    }

    #[test]
    fn text_is_cut_with_an_ellipsis_and_escaped() {
        let long = "Personaldag: fordypning i Omni-trappa – forebygging og håndtering av mobbing";
        let cut = fit(long, 120.0, 12.0, false);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 12.0, false) <= 120.0);
        assert_eq!(fit("Kort", 120.0, 12.0, false), "Kort");
        assert_eq!(fit("Kort", 2.0, 12.0, false), "");
        // No dangling separator before the ellipsis.
        assert_eq!(fit("Møte 1 – oppstart", text_width("Møte 1 – o", 12.0, false), 12.0, false), "Møte 1…");
        assert_eq!(esc("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.23456), "1.23");
    }

    /// Advances of DejaVu Sans, in ems, read from the font itself (the pictures are laid out for it).
    fn dejavu_advances(chars: &str) -> Vec<(char, f64)> {
        use resvg::usvg::fontdb;
        use skrifa::{FontRef, MetadataProvider, instance::LocationRef, instance::Size};
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let query = fontdb::Query { families: &[fontdb::Family::Name("DejaVu Sans")], ..fontdb::Query::default() };
        let id = db.query(&query).expect("the font DejaVu Sans is not installed: apt-get install fonts-dejavu-core");
        db.with_face_data(id, |data, index| {
            let font = FontRef::from_index(data, index).expect("DejaVu Sans reads as a font");
            let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
            let em = f64::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
            let advance = |c: char| {
                let glyph = font.charmap().map(c).unwrap_or_else(|| panic!("DejaVu Sans has no {c:?}"));
                f64::from(metrics.advance_width(glyph).expect("an advance")) / em
            };
            chars.chars().map(|c| (c, advance(c))).collect()
        })
        .expect("the font's data")
    }

    #[test]
    fn text_widths_are_the_fonts_rounded_up_a_little() {
        // Every letter, digit and mark a Norwegian plan's titles use: no estimate is narrower than the font (a
        // cut text would overflow its box), none more than a quarter of an em wider (text would be cut early).
        let chars = "abcdefghijklmnopqrstuvwxyzæøåäöüéABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉ0123456789 \u{a0}\
                     .,:;!?'\"()[]/-–—…%@&#+=<>§·|↻*";
        for (c, advance) in dejavu_advances(chars) {
            let estimate = char_em(c);
            assert!(
                estimate >= advance && estimate - advance <= 0.25,
                "{c:?}: estimated {estimate} em, is {advance:.3}"
            );
        }
        // A text is its letters side by side, at the font size; bold about a tenth wider.
        assert_eq!(text_width("ab", 10.0, false), (char_em('a') + char_em('b')) * 10.0);
        assert_eq!(text_width("ab", 10.0, true), (char_em('a') + char_em('b')) * 10.0 * 1.13);
    }

    #[test]
    fn a_cut_text_keeps_every_letter_that_fits_before_the_ellipsis() {
        let (a, ellipsis) = (text_width("a", 10.0, false), text_width("…", 10.0, false));
        // Exactly room for "a…": it is kept.
        assert_eq!(fit("abc", 0.0 + a + ellipsis, 10.0, false), "a…");
        assert_eq!(fit("abc", a + ellipsis - 0.01, 10.0, false), "");
    }

    #[test]
    fn a_legend_label_is_cut_to_the_legends_width() {
        let long = "Personaldag: fordypning i Omni-trappa – forebygging og håndtering av mobbing i barnehagen";
        let entries = [(Swatch::Dot("#000"), long.to_string())];
        let mut out = String::new();
        let y = legend_flow(&mut out, &entries, 100.0, 300.0, 50.0);
        // The swatch takes 22 pixels of the 200: the label gets the rest.
        let shown = fit(long, 178.0, 12.0, false);
        assert!(shown.ends_with('…') && text_width(&shown, 12.0, false) > 150.0, "{shown}");
        assert!(out.contains(&format!(">{shown}</text>")), "{out}");
        assert_eq!(y, 50.0);
    }

    /// Where each text of an SVG fragment starts: its x and y.
    fn text_places(svg: &str) -> Vec<(String, String)> {
        let attr = |t: &str, name: &str| {
            t.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().to_string()
        };
        svg.split("<text").skip(1).map(|t| (attr(t, "x"), attr(t, "y"))).collect()
    }

    #[test]
    fn legend_entries_flow_left_to_right_and_wrap_before_the_edge() {
        let entry = |label: &str| (Swatch::Dot("#000"), label.to_string());
        let width = |label: &str| 22.0 + text_width(label, 12.0, false);
        // Two entries that end exactly at the right edge share a line; the first entry, however wide, never
        // moves down; the second starts its swatch 18 pixels after the first's label.
        let exact = 10.0 + width("Plan") + 18.0 + width("Møte");
        let mut out = String::new();
        let y = legend_flow(&mut out, &[entry("Plan"), entry("Møte")], 10.0, exact, 50.0);
        assert_eq!(y, 50.0);
        let second = num(10.0 + width("Plan") + 18.0 + 22.0);
        assert_eq!(text_places(&out), [("32".to_string(), "50".to_string()), (second, "50".to_string())]);
        // A hair less room: the second entry starts the next line, 20 pixels down, at the left edge.
        let mut out = String::new();
        let y = legend_flow(&mut out, &[entry("Plan"), entry("Møte")], 10.0, exact - 0.01, 50.0);
        assert_eq!(y, 70.0);
        assert_eq!(text_places(&out), [("32".to_string(), "50".to_string()), ("32".to_string(), "70".to_string())]);
        // Narrower than a swatch: the entry still stays on the first line (moving down would not help).
        let mut out = String::new();
        assert_eq!(legend_flow(&mut out, &[entry("Plan")], 10.0, 20.0, 50.0), 50.0);
    }

    #[test]
    fn long_words_break_where_syllables_start() {
        let at = |w: &str, cut: usize| {
            let chars: Vec<char> = w.chars().collect();
            syllable_starts_with(&chars, cut, alphabetic_from(&chars))
        };
        assert!(at("Oppstartsmøte", 3)); // Opp-startsmøte
        assert!(!at("Oppstartsmøte", 4)); // not Opps-tartsmøte: "st" starts the syllable
        assert!(!at("Oppstartsmøte", 7)); // not Oppstar-tsmøte
        assert!(at("Informasjonskampanje", 7)); // Informa-sjonskampanje
        assert!(at("Informasjonskampanje", 12)); // Informasjons-kampanje
        assert!(at("Omdømmebygging", 5)); // Omdøm-mebygging
        assert!(at("Elevundersøkelsen", 9)); // Elevunder-søkelsen
        assert!(!at("Elevundersøkelsen", 4)); // not Elev-undersøkelsen: no consonant starts it
        assert!(!at("↻\u{a0}Elevundersøkelsen", 3)); // not ↻ E-levundersøkelsen
        assert!(at("↻\u{a0}Elevundersøkelsen", 11)); // ↻ Elevunder-søkelsen
        assert!(at("Oppstartsmøte", 9)); // Oppstarts-møte
        let rooms = [text_width("Oppstarts-", 11.0, false), 200.0];
        let (lines, whole) = wrap("Oppstartsmøte for styringsgruppen", &rooms, 11.0);
        assert_eq!(lines, ["Oppstarts-", "møte for styringsgruppen"]);
        assert!(whole);
        let (lines, _) = wrap("Oppstartsmøte for styringsgruppen", &[text_width("Oppstar-", 11.0, false), 200.0], 11.0);
        assert_eq!(lines, ["Opp-", "startsmøte for styringsgruppen"]);
        let (lines, _) = wrap("Omni-modellen", &[text_width("Omni-mod", 11.0, false), 200.0], 11.0);
        assert_eq!(lines, ["Omni-", "modellen"]);
        // No place to break: cut with an ellipsis.
        let (lines, whole) = wrap("Xxxxxxxxxxxxxxxxx yy", &[40.0, 200.0], 11.0);
        assert!(lines[0].ends_with('…') && !whole, "{lines:?}");
    }

    #[test]
    fn arcs_are_split_into_quarters_and_sectors_close() {
        let d = arc_to(0.0, 0.0, 10.0, 0.0, 360.0);
        assert_eq!(d.matches('A').count(), 4);
        assert!(sector(0.0, 0.0, 5.0, 10.0, 0.0, 30.0).ends_with('Z'));
        assert!(reads_upside_down(150.0, 210.0));
        assert!(!reads_upside_down(0.0, 30.0));
    }
}
