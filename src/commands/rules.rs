//! `implan rules`: every rule, its default severity and summary.

use super::{Console, Error, Exit};
use crate::cli::{RulesArgs, RulesFormat};
use crate::lang::Lang;
use crate::messages::report as words;
use crate::rules::ALL;

pub(super) fn run(args: RulesArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    console.out(&listed(args.format, super::lang_or_locale(args.lang)), false)?;
    Ok(Exit::Success)
}

fn listed(format: RulesFormat, lang: Lang) -> String {
    match format {
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = ALL
                .iter()
                .map(|r| serde_json::json!({ "id": r.id, "severity": r.severity.as_str(), "summary": r.summary.get(lang) }))
                .collect();
            crate::json::document(&list)
        }
        RulesFormat::Table => {
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.set_header([words::rule(), words::severity_heading(), words::summary()].map(|w| w.get(lang).to_owned()));
            for r in ALL {
                let severity = words::severity(r.severity);
                t.add_row([r.id.as_str(), severity.get(lang), r.summary.get(lang)]);
            }
            format!("{t}\n{}\n", words::explain_one().get(lang))
        }
    }
}
