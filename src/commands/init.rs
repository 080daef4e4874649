//! `implan init`: a new plan from a programme's template.

use super::{Console, Error, Exit};
use crate::cli::InitArgs;
use crate::escape;
use crate::init;

pub(super) fn run(args: InitArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let start = match &args.start {
        Some(s) => init::parse_start(s),
        None => Ok(init::default_start(chrono::Local::now().date_naive())),
    };
    // The plan's language and the language of what init says are one.
    let lang = super::lang_or_locale(args.lang);
    let target = init::target_path(args.path.as_deref(), &args.template.to_lowercase());
    start
        .and_then(|start| init::render(&args.template, start, lang))
        .map(|text| with_schema_line(&target, text))
        .and_then(|text| init::write_new(&target, &text, args.force))
        .map_err(|e| Error::Usage(super::visible(e.text())))?;
    let wrote = crate::messages::commands::wrote_plan(&escape::path(&target));
    console.out(&format!("{}\n", wrote.get(lang)), false)?;
    Ok(Exit::Success)
}

/// A plan started where the repository holds `implan.schema.json` names it on its first line, as
/// `missing-schema` asks: the editor helps from the first key typed.
fn with_schema_line(target: &std::path::Path, text: String) -> String {
    match crate::config::find_schema_file(target) {
        Some(schema) => format!("#:schema {schema}\n{text}"),
        None => text,
    }
}
