//! `implan status`: where do we stand, on one screen.

use super::plan::{Audience, findings, with_view};
use super::since::since;
use super::{Console, Error, Exit};
use crate::cli::{StatusArgs, StatusFormat};
use crate::escape;
use crate::views::status;

pub(super) fn run(args: StatusArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let audience = if matches!(args.format, StatusFormat::Json) { Audience::Programs } else { Audience::People };
    let opts = status::TextOptions { ids: !args.no_ids, width: args.width.or_else(|| console.width()) };
    with_view(&args.common, audience, console, |view, loaded| {
        let role = args.role.as_deref().map(|r| view.find_role(r)).transpose()?;
        let findings = findings(loaded);
        let mut report = status::build_for(view, &findings, role);
        if let Some(given) = &args.since.since {
            let mut changed = since(given, loaded, view.plan, audience)?;
            if let Some(r) = role {
                // One person's status: the changes to their own work and their groups'.
                let names: Vec<&str> =
                    view.role_and_groups(r).into_iter().map(|i| view.plan.roles[i].name.as_str()).collect();
                changed.retain(|a| a.owners.iter().any(|o| names.contains(&o.as_str())));
            }
            report.since = Some(changed);
        }
        Ok(match args.format {
            StatusFormat::Text => {
                (status::render_text_with(view, &report, &escape::path(&loaded.source.path), opts), true)
            }
            StatusFormat::Json => (status::render_json(&report), false),
        })
    })
}
