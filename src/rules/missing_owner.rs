use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::MissingOwner,
    severity: Severity::Error,
    summary: Words::untranslated("An activity has no responsible role"),
    doc: rule_doc!("missing-owner"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.plan.activities {
        if a.owners.is_empty() {
            out.push(
                RULE.finding(a.title.span, format!("activity '{}' has no owner", a.title.value))
                    .label("nobody is responsible for this")
                    .help("add owner = \"<role id>\" (or a list of roles) naming who is responsible"),
            );
        }
    }
}
