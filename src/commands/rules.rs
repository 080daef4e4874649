//! `implan rules`: every rule, its default severity and summary.

use super::{Console, Error, Exit};
use crate::cli::{RulesArgs, RulesFormat};
use crate::lang::Lang;
use crate::messages::report as words;
use crate::rules::ALL;

pub(super) fn run(args: RulesArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let width = args.width.or_else(|| console.width());
    console.out(&listed(args.format, super::lang_or_locale(args.lang), width), false)?;
    Ok(Exit::Success)
}

fn listed(format: RulesFormat, lang: Lang, width: Option<u16>) -> String {
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
            if let Some(w) = width {
                t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic).set_width(w);
            }
            t.set_header([words::rule(), words::severity_heading(), words::summary()].map(|w| w.get(lang).to_owned()));
            for r in ALL {
                let severity = words::severity(r.severity);
                t.add_row([r.id.as_str(), severity.get(lang), r.summary.get(lang)]);
            }
            let explain = words::explain_one();
            format!("{t}\n{}\n", crate::views::wrap(explain.get(lang), width.map(usize::from), 0, false))
        }
    }
}
