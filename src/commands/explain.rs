//! `implan explain RULE`: what a rule catches, why, an example and the fix.

use super::{Console, Error, Exit};
use crate::cli::ExplainArgs;
use crate::escape;
use crate::rule_id::RuleId;

pub(super) fn run(args: ExplainArgs, console: &mut dyn Console) -> Result<Exit, Error> {
    let Some(r) = crate::rules::by_id(&args.rule) else {
        return Err(Error::Usage(RuleId::unknown_message(&escape::visible(&args.rule))));
    };
    let head = format!("{} ({})\n\n{}\n\n", r.id, r.severity.as_str(), r.summary);
    console.out(&format!("{head}{}", r.doc), false)?;
    Ok(Exit::Success)
}
