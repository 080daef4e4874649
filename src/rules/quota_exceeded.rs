use super::requirements::{activities_keeping, each_requirement, scope};
use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::quota_exceeded as m;

pub const RULE: Rule = Rule {
    id: RuleId::QuotaExceeded,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("quota-exceeded"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    each_requirement(ctx, out, |req, out| {
        if req.quota.is_none() && req.quota_each.is_none() {
            return;
        }
        if scope(ctx, req, &RULE, req.id.span, out).is_none() {
            return;
        }
        let ids: Vec<usize> = activities_keeping(ctx, req).collect();
        if let Some(q) = &req.quota {
            let used: u64 = ids.iter().filter_map(|&i| acts[i].places.as_ref()).map(|p| p.value as u64).sum();
            if used > q.value as u64 {
                let mut f = RULE
                    .finding(q.span, m::quota_used_up(&req.title, q.value, used))
                    .label(m::over_by(used - q.value as u64));
                // Point at the activity that passes the quota.
                let mut sum = 0u64;
                for &i in &ids {
                    if let Some(p) = &acts[i].places {
                        sum += p.value as u64;
                        if sum > q.value as u64 {
                            f = f.related(p.span, m::passed_here(sum));
                            break;
                        }
                    }
                }
                out.push(f.help(m::spread_or_agree()));
            }
        }
        if let Some(q) = &req.quota_each {
            for &i in &ids {
                if let Some(p) = acts[i].places.as_ref().filter(|p| p.value > q.value) {
                    out.push(
                        RULE.finding(p.span, m::too_many_at_one(&acts[i].title.value, p.value, &req.title, q.value))
                            .label(m::over_the_quota())
                            .related(q.span, m::the_quota()),
                    );
                }
            }
        }
    });
}
