//! `implan export ics`, `implan gantt` and `implan wheel`: files for other programs, written with `-o` or
//! printed.

use super::plan::{Audience, with_view};
use super::{Console, Error, Exit, write_output};
use crate::cli::{GanttArgs, IcsArgs, WheelArgs};
use crate::export::{ics, svg};

pub(super) fn ics(args: IcsArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = ics::IcsOptions { role: args.role };
    with_view(&args.common, Audience::People, console, |view, _| {
        let text = ics::render(view, &opts)?;
        write_output(args.output.as_deref(), text, view.lang)
    })
}

pub(super) fn gantt(args: GanttArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = svg::GanttOptions { width: args.width };
    with_view(&args.common, Audience::People, console, |view, _| {
        write_output(args.output.as_deref(), svg::gantt(view, &opts), view.lang)
    })
}

pub(super) fn wheel(args: WheelArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = svg::WheelOptions { first_month: args.first_month, rings: args.rings.into(), size: args.size };
    with_view(&args.common, Audience::People, console, |view, _| {
        write_output(args.output.as_deref(), svg::wheel(view, &opts), view.lang)
    })
}
