use super::requirements::{activities_keeping, each_requirement, scope};
use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::quoted_list;
use crate::messages::rules::participation_missing as m;
use foldhash::{HashSet, HashSetExt};

pub const RULE: Rule = Rule {
    id: RuleId::ParticipationMissing,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("participation-missing"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    each_requirement(ctx, out, |req, out| {
        if req.participants.is_empty() {
            return;
        }
        if scope(ctx, req, &RULE, req.id.span, out).is_none() {
            return;
        }
        for i in activities_keeping(ctx, req) {
            let a = &plan.activities[i];
            // Who takes part: owners and participants, and the members of any group among them.
            let mut present: HashSet<usize> = HashSet::new();
            for r in a.owners.iter().chain(&a.participants).filter_map(|o| ctx.role(&o.value)) {
                present.insert(r);
                let role = &plan.roles[r];
                present.extend(role.lead.iter().chain(&role.members).filter_map(|m| ctx.role(&m.value)));
            }
            let missing: Vec<&str> = req
                .participants
                .iter()
                .filter(|p| ctx.role(&p.value).is_none_or(|r| !present.contains(&r)))
                .map(|p| ctx.role(&p.value).map_or(p.value.as_str(), |r| plan.roles[r].name.as_str()))
                .collect();
            if missing.is_empty() {
                continue;
            }
            out.push(
                RULE.finding(a.title.span, m::lacks(&a.title.value, &quoted_list(&missing), &req.title))
                    .label(m::not_among_them())
                    .related(req.id.span, m::the_requirement())
                    .help(m::add_them()),
            );
        }
    });
}
