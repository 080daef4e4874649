//! What implan prints about itself: shell completions, the manual page, the JSON Schema of plan files.

use super::{Console, Error, Exit};
use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;

pub(super) fn completions(args: CompletionsArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "implan", &mut buf);
    console.out(&String::from_utf8_lossy(&buf), false)?;
    Ok(Exit::Success)
}

pub(super) fn man(console: &mut dyn Console) -> Result<Exit, Error> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .map_err(|e| Error::Usage(crate::messages::commands::cannot_render_manual(&e.to_string())))?;
    console.out(&String::from_utf8_lossy(&buf), false)?;
    Ok(Exit::Success)
}

pub(super) fn schema(console: &mut dyn Console) -> Result<Exit, Error> {
    console.out(&crate::export::json_schema::json_schema_string(), false)?;
    Ok(Exit::Success)
}
