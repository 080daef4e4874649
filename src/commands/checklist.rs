//! `implan checklist`: the activities to tick off, by phase or by role.

use super::plan::{Audience, with_view};
use super::{Console, Error, Exit};
use crate::cli::ChecklistArgs;
use crate::views::Filter;
use crate::views::checklist::{ChecklistOptions, render};

pub(super) fn run(args: ChecklistArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let opts = ChecklistOptions {
        by: args.by.into(),
        filter: Filter { role: args.role, phase: args.phase, ..Filter::default() },
        format: args.format.into(),
        ids: !args.no_ids,
        width: args.width.or_else(|| console.width()),
    };
    with_view(&args.common, Audience::People, console, |view, _| Ok((render(view, &opts)?, false)))
}
