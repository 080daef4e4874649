use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::UncoveredComponent,
    severity: Severity::Warning,
    summary: Words::untranslated("A core component that no activity introduces or serves"),
    doc: rule_doc!("uncovered-component"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let served = ctx.served_by(|a| &a.components);
    let total = ctx.plan.components.len();
    for (n, c) in ctx.plan.components.iter().enumerate() {
        if !served.contains(c.id.value.as_str()) {
            out.push(
                RULE.finding(
                    c.id.span,
                    format!("core component {} of {total}, '{}', is not served by any activity", n + 1, c.name),
                )
                .label("no activity lists this component")
                .help(format!("add components = [\"{}\"] to the activity that introduces it, or plan one", c.id.value)),
            );
        }
    }
}
