use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::duplicate_id::{self as m, Kind};
use crate::model::Spanned;
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::DuplicateId,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("duplicate-id"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let activities = plan.activities.iter().map(|a| (&a.id, a.derived_id));
    report(out, Kind::Activity, activities);
    report(out, Kind::Phase, plan.phases.iter().map(|p| (&p.id, false)));
    report(out, Kind::Component, plan.components.iter().map(|c| (&c.id, false)));
    let goals = plan.goal.iter().map(|g| (&g.id, false)).chain(plan.subgoals.iter().map(|g| (&g.id, false)));
    report(out, Kind::Goal, goals);
    report(out, Kind::Requirement, plan.requirements.iter().map(|r| (&r.id, false)));
}

fn report<'a>(out: &mut Vec<Finding>, kind: Kind, ids: impl Iterator<Item = (&'a Spanned<String>, bool)>) {
    // The first use of each id, and how many times it has been used so far.
    let mut seen: HashMap<&str, (&Spanned<String>, bool, usize)> = HashMap::new();
    for (id, derived) in ids {
        let Some(entry) = seen.get_mut(id.value.as_str()) else {
            seen.insert(&id.value, (id, derived, 1));
            continue;
        };
        entry.2 += 1;
        let (first, first_derived, uses) = *entry;
        let help = if derived || first_derived { m::give_an_explicit_id() } else { m::rename_one(kind) };
        out.push(
            RULE.finding(id.span, m::used_again(kind, &id.value, derived, uses))
                .label(m::nth_use(uses))
                .related(first.span, m::first_used_here())
                .help(help),
        );
    }
}
