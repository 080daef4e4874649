//! Pictures of a plan as SVG: a Gantt chart ([`gantt`]) and an årshjul ([`wheel`]), the annual wheel Norwegian
//! municipalities use for recurring work.
//!
//! Both are self-contained SVG 1.1: no fonts, scripts, images or style sheets from outside, a generic font stack,
//! every text XML-escaped. Text is measured with the advance widths of DejaVu Sans, the first font of the stack
//! and wider than Arial or Helvetica, so a label cut to fit its shape stays inside it with any of them. A cut
//! label ends in "…" and carries the full text in a `<title>`, which viewers show on hover. The output depends
//! only on the plan, the language, the day and the options: no randomness, no timestamps.

use crate::i18n;
use crate::model::{Activity, Status};
use crate::views::View;
use chrono::NaiveDate;

/// The font stack of both pictures: fonts every system has, no web fonts.
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, sans-serif";

/// Options for [`gantt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GanttOptions {
    /// The picture's width in pixels; less than 480 is taken as 480. The height follows from the number of rows.
    pub width: u32,
    /// The days the axis runs over, both included: only the work that touches them, each bar cut at the edges
    /// (and phases without such work left out); `None` for the plan's whole period.
    pub span: Option<(NaiveDate, NaiveDate)>,
}

impl Default for GanttOptions {
    fn default() -> Self {
        GanttOptions { width: 1200, span: None }
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
    /// The days the wheel shows, such as one school year; `None` for the whole plan in one circle.
    pub span: Option<WheelSpan>,
}

/// The days one årshjul shows: only the activities that touch them, each drawn in its months inside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelSpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// What the titles call the span ("skoleåret 2026/27"), capitalised where it begins a heading.
    pub label: String,
}

impl WheelSpan {
    /// The school year that starts in August of `year`, named in `lang`.
    pub fn school_year(year: i32, lang: crate::model::Lang) -> Option<WheelSpan> {
        let (from, to) = crate::when::school_year_span(year)?;
        Some(WheelSpan { from, to, label: i18n::school_year(lang, year) })
    }

    /// The school years the plan's period touches, first to last.
    pub fn school_years_of(plan: &crate::model::Plan, lang: crate::model::Lang) -> Vec<WheelSpan> {
        let first = crate::when::school_year_of(plan.start.value.start);
        let last = crate::when::school_year_of(plan.end.value.end).max(first);
        (first..=last).filter_map(|y| WheelSpan::school_year(y, lang)).collect()
    }
}

impl Default for WheelOptions {
    fn default() -> Self {
        WheelOptions { first_month: 8, rings: Rings::Role, size: 900, span: None }
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
    Postponed,
}

impl Look {
    const ALL: [Look; 5] = [Look::Done, Look::InProgress, Look::Planned, Look::Overdue, Look::Cancelled];

    /// The looks a legend lists: the five of every plan, and postponed when the plan has postponed work (a
    /// legend entry for nothing would make the reader look for it).
    fn in_legend(view: &View) -> Vec<Look> {
        let mut looks = Look::ALL.to_vec();
        if view.plan.activities.iter().any(|a| a.status == Status::Postponed) {
            looks.push(Look::Postponed);
        }
        looks
    }

    fn of(view: &View, a: &Activity) -> Look {
        match a.status {
            Status::Done => Look::Done,
            Status::Cancelled => Look::Cancelled,
            _ if view.is_overdue(a) => Look::Overdue,
            Status::InProgress => Look::InProgress,
            Status::Planned => Look::Planned,
            Status::Postponed => Look::Postponed,
        }
    }

    fn colour(self) -> &'static str {
        match self {
            Look::Done => "#2e7d32",
            Look::InProgress => "#f9a825",
            Look::Planned => "#78909c",
            Look::Overdue => "#d32f2f",
            Look::Cancelled => "#bdbdbd",
            Look::Postponed => "#8e24aa",
        }
    }

    fn name(self, view: &View) -> &'static str {
        match self {
            Look::Done => i18n::status(view.lang, Status::Done),
            Look::InProgress => i18n::status(view.lang, Status::InProgress),
            Look::Planned => i18n::status(view.lang, Status::Planned),
            Look::Overdue => view.t.overdue,
            Look::Cancelled => i18n::status(view.lang, Status::Cancelled),
            Look::Postponed => i18n::status(view.lang, Status::Postponed),
        }
    }
}

mod arc;
mod gantt;
mod hyphenation;
mod legend;
mod rings;
mod text;
mod wheel;

pub use gantt::{GanttSheet, gantt, gantt_sheets};
pub(crate) use text::capitalised;
pub use wheel::wheel;
