//! `implan report`: one HTML file for a steering-group meeting.

use super::plan::{Audience, findings, with_view};
use super::{Console, Error, Exit, write_output};
use crate::cli::ReportArgs;
use crate::views::status;

pub(super) fn run(args: ReportArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let asked = super::export::Asked::read(&args.span)?;
    with_view(&args.common, Audience::People, console, |view, loaded| {
        let findings = findings(loaded);
        let mut report = status::build(view, &findings);
        if let Some(given) = &args.since.since {
            report.since = Some(super::since::since(given, loaded, view.plan, Audience::People)?);
        }
        let html = crate::export::html::render(view, &report, &findings, loaded.source, asked.span(view.plan));
        write_output(args.output.as_deref(), html, view.lang)
    })
}
