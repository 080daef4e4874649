use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::lang::Text;
use crate::messages::rules::goal_without_activity as m;

pub const RULE: Rule = Rule {
    id: RuleId::GoalWithoutActivity,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("goal-without-activity"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let served = ctx.served_by(|a| &a.goals);
    for g in &ctx.plan.subgoals {
        if !served.contains(g.id.value.as_str()) {
            out.push(
                RULE.finding(g.id.span, m::not_served(&g.id.value))
                    // The sub-goal's own words, as the plan writes them.
                    .label(Text::verbatim(g.text.clone()))
                    .help(m::add_goals(&g.id.value)),
            );
        }
    }
}
