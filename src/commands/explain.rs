//! `implan explain RULE`: what a rule catches, why, an example and the fix.

use super::{Console, Error, Exit};
use crate::cli::ExplainArgs;
use crate::escape;
use crate::rule_id::RuleId;

pub(super) fn run(args: ExplainArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let Some(r) = crate::rules::by_id(&args.rule) else {
        let id = escape::visible(&args.rule);
        return Err(Error::Usage(crate::messages::commands::unknown_rule(&id, RuleId::nearest(&args.rule))));
    };
    let lang = super::lang_or_locale(args.lang);
    let severity = crate::messages::report::severity(r.severity);
    let head = format!("{} ({})\n\n{}\n\n", r.id, severity.get(lang), r.summary.get(lang));
    console.out(&format!("{head}{}", r.doc.get(lang)), false)?;
    Ok(Exit::Success)
}
