use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::GoalWithoutActivity,
    severity: Severity::Warning,
    summary: Words::untranslated("A sub-goal that no activity serves"),
    doc: rule_doc!("goal-without-activity"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let served = ctx.served_by(|a| &a.goals);
    for g in &ctx.plan.subgoals {
        if !served.contains(g.id.value.as_str()) {
            out.push(
                RULE.finding(g.id.span, format!("sub-goal '{}' is not served by any activity", g.id.value))
                    .label(g.text.clone())
                    .help(format!("add goals = [\"{}\"] to the activities that work towards it", g.id.value)),
            );
        }
    }
}
