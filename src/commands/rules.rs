//! `implan rules`: every rule, its default severity and summary.

use super::{Console, Error, Exit};
use crate::cli::{RulesArgs, RulesFormat};
use crate::rules::ALL;

pub(super) fn run(args: RulesArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    console.out(&listed(args.format), false)?;
    Ok(Exit::Success)
}

fn listed(format: RulesFormat) -> String {
    match format {
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = ALL
                .iter()
                .map(|r| serde_json::json!({ "id": r.id, "severity": r.severity.as_str(), "summary": r.summary }))
                .collect();
            crate::json::document(&list)
        }
        RulesFormat::Table => {
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.set_header(["rule", "severity", "summary"]);
            for r in ALL {
                t.add_row([r.id.as_str(), r.severity.as_str(), r.summary]);
            }
            format!("{t}\n`implan explain RULE` explains one.\n")
        }
    }
}
