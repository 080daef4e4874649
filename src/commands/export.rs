//! `implan export ics`, `implan gantt` and `implan wheel`: files for other programs, written with `-o` or
//! printed.

use super::plan::{Audience, with_view};
use super::{Console, Error, Exit, write_file, write_output};
use crate::cli::{GanttArgs, IcsArgs, PaperArg, PictureArgs, PictureFormatArg, SpanArgs, WheelArgs};
use crate::export::picture::{self, Paper, PictureError};
use crate::export::{ics, svg};
use crate::lang::Lang;
use crate::messages::commands as m;
use crate::model::Plan;
use crate::views::View;
use crate::when::{When, school_year_of};
use chrono::{Datelike, NaiveDate};
use std::path::Path;

pub(super) fn ics(args: IcsArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = ics::IcsOptions { role: args.role };
    with_view(&args.common, Audience::People, console, |view, _| {
        let text = ics::render(view, &opts)?;
        write_output(args.output.as_deref(), text, view.lang)
    })
}

pub(super) fn gantt(args: GanttArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let asked = Asked::read(&args.span)?;
    let format = picture_format(&args.picture, args.output.as_deref())?;
    if args.paper.is_some() && format != PictureFormatArg::Pdf {
        // A sheet of paper is a PDF's page; an SVG or PNG has the picture's own size.
        return Err(Error::Usage(m::paper_needs_pdf()));
    }
    let paper = args.paper.map(|p| match p {
        PaperArg::A4 => Paper::A4,
        PaperArg::A3 => Paper::A3,
    });
    with_view(&args.common, Audience::People, console, |view, _| {
        let opts = svg::GanttOptions { width: args.width, span: asked.span(view.plan) };
        let svg = svg::gantt(view, &opts);
        write_picture(args.output.as_deref(), svg, format, &args.picture, paper, view.lang)
    })
}

pub(super) fn wheel(args: WheelArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let asked = Asked::read(&args.span)?;
    let format = picture_format(&args.picture, args.output.as_deref())?;
    with_view(&args.common, Audience::People, console, |view, _| {
        let span = if args.whole { None } else { wheel_span(view, &asked) };
        let opts = svg::WheelOptions { first_month: args.first_month, rings: args.rings.into(), size: args.size, span };
        write_picture(args.output.as_deref(), svg::wheel(view, &opts), format, &args.picture, None, view.lang)
    })
}

/// The kind of file a picture command writes: `--format`, else by the extension of `-o` (`.png`, `.pdf`, any
/// other is SVG). PNG and PDF are not text, so they need `-o`: checked before the plan is read.
fn picture_format(args: &PictureArgs, output: Option<&Path>) -> Result<PictureFormatArg, Error> {
    let by_extension = || {
        let extension = output?.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(PictureFormatArg::Png),
            "pdf" => Some(PictureFormatArg::Pdf),
            _ => None,
        }
    };
    let format = args.format.or_else(by_extension).unwrap_or(PictureFormatArg::Svg);
    match format {
        PictureFormatArg::Png if output.is_none() => Err(Error::Usage(m::picture_needs_file("PNG"))),
        PictureFormatArg::Pdf if output.is_none() => Err(Error::Usage(m::picture_needs_file("PDF"))),
        _ => Ok(format),
    }
}

/// Writes a picture as the file its format asks for (SVG as it is, PNG at `--dpi`, PDF on `paper`).
fn write_picture(
    path: Option<&Path>,
    svg: String,
    format: PictureFormatArg,
    args: &PictureArgs,
    paper: Option<Paper>,
    lang: Lang,
) -> Result<(String, bool), Error> {
    let (bytes, name) = match format {
        PictureFormatArg::Svg => return write_output(path, svg, lang),
        PictureFormatArg::Png => (picture::png(&svg, args.dpi), "PNG"),
        PictureFormatArg::Pdf => {
            let title = picture::title(&svg).unwrap_or_default();
            (picture::pdf(&svg, paper, &title, lang.code()), "PDF")
        }
    };
    let bytes = bytes.map_err(|e| not_made(e, name, lang))?;
    let path = path.expect("picture_format asks for -o before a PNG or PDF is made");
    write_file(path, &bytes, lang)
}

/// Why a PNG or PDF (`name`) was not made, in the reader's language.
pub(super) fn not_made(e: PictureError, name: &str, lang: Lang) -> Error {
    Error::About(
        lang,
        match e {
            PictureError::TooLarge { width, height } => m::too_many_pixels(width, height, picture::MAX_PIXELS),
            PictureError::Svg(detail) | PictureError::Pdf(detail) => m::picture_not_made(name, &detail),
        },
    )
}

/// What `--year`, `--from` and `--to` asked for, read before the plan is: a school year, or a span whose open
/// ends are the plan's.
pub(super) struct Asked {
    year: Option<i32>,
    from: Option<When>,
    to: Option<When>,
}

impl Asked {
    pub(super) fn read(args: &SpanArgs) -> Result<Asked, Error> {
        let (from, to) = super::flag_span(args.from.as_deref(), args.to.as_deref())?;
        Ok(Asked { year: args.year.as_deref().map(school_year).transpose()?, from, to })
    }

    /// The days asked for, or `None` when nothing was.
    pub(super) fn span(&self, plan: &Plan) -> Option<(NaiveDate, NaiveDate)> {
        if let Some(year) = self.year {
            return crate::when::school_year_span(year);
        }
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        let from = self.from.map_or(plan.start.value.start, |w| w.start);
        Some((from, self.to.map_or(plan.end.value.end, |w| w.end).max(from)))
    }
}

/// The days one wheel shows: the school year asked for, else the span asked for, else the school year of
/// today, kept within the plan's school years.
fn wheel_span(view: &View, asked: &Asked) -> Option<svg::WheelSpan> {
    let plan = view.plan;
    if let Some(year) = asked.year {
        return svg::WheelSpan::school_year(year, view.lang);
    }
    if let Some((from, to)) = asked.span(plan) {
        return Some(svg::WheelSpan { from, to, label: crate::i18n::span(view.lang, from, to) });
    }
    let first = school_year_of(plan.start.value.start);
    let last = school_year_of(plan.end.value.end).max(first);
    svg::WheelSpan::school_year(school_year_of(view.today).clamp(first, last), view.lang)
}

/// `--year`: a school year as the plan format writes it (`2026/27`, `2026/2027`, `skoleåret 2026/27`), named
/// by the calendar year it starts in.
fn school_year(flag: &str) -> Result<i32, Error> {
    let text = if flag.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        format!("skoleåret {flag}")
    } else {
        flag.to_string()
    };
    let problem = |message: &crate::lang::Text| Error::Usage(super::visible(m::flag_problem("--year", message)));
    let not_a_school_year = || problem(&crate::messages::when::not_a_school_year(flag.trim()));
    // The plan format's own reading, and its words when the flag was written in them.
    let when =
        crate::when::parse(&text).map_err(|e| if text == flag { problem(&e.message) } else { not_a_school_year() })?;
    let is_school_year = (when.start.month(), when.start.day(), when.end.month(), when.end.day()) == (8, 1, 6, 30)
        && when.end.year() == when.start.year() + 1;
    if !is_school_year {
        return Err(not_a_school_year());
    }
    Ok(when.start.year())
}
