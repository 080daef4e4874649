//! `implan timeline`: a Gantt chart in the terminal.

use super::plan::{Audience, with_view};
use super::{Console, Error, Exit};
use crate::cli::TimelineArgs;
use crate::views::timeline::{TimelineOptions, render};

pub(super) fn run(args: TimelineArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let width = args.width.or_else(|| console.width()).unwrap_or(80);
    with_view(&args.common, Audience::People, console, |view, _| Ok((render(view, &TimelineOptions { width }), true)))
}
