//! `implan init`: a new plan from a programme's template.

use super::{Console, Error, Exit};
use crate::cli::InitArgs;
use crate::init;
use crate::{escape, i18n};

pub(super) fn run(args: InitArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let start = match &args.start {
        Some(s) => init::parse_start(s),
        None => Ok(init::default_start(chrono::Local::now().date_naive())),
    };
    let lang = i18n::resolve(args.lang.map(Into::into), None, i18n::env_locale().as_deref());
    let target = init::target_path(args.path.as_deref(), &args.template.to_lowercase());
    start
        .and_then(|start| init::render(&args.template, start, lang))
        .and_then(|text| init::write_new(&target, &text, args.force))
        .map_err(|e| Error::Usage(escape::visible(&e.to_string()).into_owned()))?;
    let shown = escape::path(&target);
    console.out(&format!("wrote {shown}; check it with: implan check {shown}\n"), false)?;
    Ok(Exit::Success)
}
