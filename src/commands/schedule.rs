//! `implan schedule`: every activity in date order, or with `--costs` the costs per year and phase.

use super::plan::{Audience, with_view};
use super::{Console, Error, Exit};
use crate::cli::{FilterArgs, ScheduleArgs, ScheduleFormat};
use crate::escape;
use crate::lang::Text;
use crate::messages::commands as m;
use crate::views::{self, Filter, StatusWord};

pub(super) fn run(args: ScheduleArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let audience = if matches!(args.format, ScheduleFormat::Json) { Audience::Programs } else { Audience::People };
    let filter = filter_from(&args.filter)?;
    let delimiter = csv_delimiter(&args.delimiter).map_err(|e| Error::Usage(m::flag_problem("--delimiter", &e)))?;
    let opts = views::schedule::ScheduleOptions {
        by: args.by.into(),
        filter,
        format: args.format.into(),
        width: args.width.or_else(|| console.width()),
        delimiter,
        ids: !args.no_ids,
    };
    let styled = matches!(args.format, ScheduleFormat::Table);
    with_view(&args.common, audience, console, |view, _| {
        if args.costs {
            return Ok((views::costs::render(view, opts.format, delimiter, opts.width), styled));
        }
        Ok((views::schedule::render(view, &opts)?, styled))
    })
}

/// The filter flags, checked: dates people write, statuses by name, a span that is not empty.
fn filter_from(f: &FilterArgs) -> Result<Filter, Error> {
    let (mut status, mut overdue) = (Vec::new(), false);
    for word in f.status.iter().flat_map(|s| s.split(',')) {
        match views::parse_status_word(word)? {
            StatusWord::Is(s) => status.push(s),
            StatusWord::Overdue => overdue = true,
        }
    }
    let (from, to) = super::flag_span(f.from.as_deref(), f.to.as_deref())?;
    Ok(Filter { role: f.role.clone(), phase: f.phase.clone(), from, to, status, overdue })
}

/// `--delimiter`: one character that quoting keeps apart from a field's text.
fn csv_delimiter(s: &str) -> Result<char, Text> {
    let mut chars = s.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err(m::delimiter_one_character());
    };
    match escape::csv_delimiter_problem(c) {
        // UNTRANSLATED: escape.rs says why in English only.
        Some(why) => Err(m::delimiter_refused(&escape::visible(s), &Text::verbatim(why))),
        None => Ok(c),
    }
}
