//! `implan status`: where do we stand, on one screen.

use super::plan::{Audience, findings, with_view};
use super::{Console, Error, Exit};
use crate::cli::{StatusArgs, StatusFormat};
use crate::escape;
use crate::views::status;

pub(super) fn run(args: StatusArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let audience = if matches!(args.format, StatusFormat::Json) { Audience::Programs } else { Audience::People };
    with_view(&args.common, audience, console, |view, loaded| {
        let findings = findings(loaded);
        let report = status::build(view, &findings);
        Ok(match args.format {
            StatusFormat::Text => (status::render_text(view, &report, &escape::path(&loaded.source.path)), true),
            StatusFormat::Json => (status::render_json(&report), false),
        })
    })
}
