//! `implan report`: one HTML file, or a PDF, for a steering-group meeting.

use super::plan::{Audience, findings, with_view};
use super::{Console, Error, Exit, write_file, write_output};
use crate::cli::ReportArgs;
use crate::messages::commands as m;
use crate::views::status;

pub(super) fn run(args: ReportArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let asked = super::export::Asked::read(&args.span)?;
    let output = args.output.as_deref();
    let is_pdf = output.and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let pdf = match output {
        None if args.pdf => return Err(Error::Usage(m::picture_needs_file("PDF"))),
        _ => args.pdf || is_pdf,
    };
    with_view(&args.common, Audience::People, console, |view, loaded| {
        let findings = findings(loaded);
        let mut report = status::build(view, &findings);
        if let Some(given) = &args.since.since {
            report.since = Some(super::since::since(given, loaded, view.plan, Audience::People)?);
        }
        let document = crate::export::report::build(view, &report, &findings, loaded.source, asked.span(view.plan));
        match output {
            Some(path) if pdf => {
                let bytes =
                    crate::export::report::pdf(&document).map_err(|e| super::export::not_made(e, "PDF", view.lang))?;
                write_file(path, &bytes, view.lang)
            }
            _ => write_output(output, crate::export::report::html(&document), view.lang),
        }
    })
}
