use super::requirements::activities_keeping;
use crate::lang::Words;
use super::{rule_doc, Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::QuotaExceeded,
    severity: Severity::Error,
    summary: Words::untranslated("More places used than a requirement's quota allows, in all or at one activity"),
    doc: rule_doc!("quota-exceeded"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    for req in &ctx.plan.requirements {
        if req.quota.is_none() && req.quota_each.is_none() {
            continue;
        }
        let ids: Vec<usize> = activities_keeping(ctx, req).collect();
        if let Some(q) = &req.quota {
            let used: u64 = ids.iter().filter_map(|&i| acts[i].places.as_ref()).map(|p| p.value as u64).sum();
            if used > q.value as u64 {
                let mut f = RULE
                    .finding(q.span, format!("'{}' has {} places, but the plan uses {used}", req.title, q.value))
                    .label(format!("{} over the quota", used - q.value as u64));
                // Point at the activity that passes the quota.
                let mut sum = 0u64;
                for &i in &ids {
                    if let Some(p) = &acts[i].places {
                        sum += p.value as u64;
                        if sum > q.value as u64 {
                            f = f.related(p.span, format!("the quota is passed here ({sum} places so far)"));
                            break;
                        }
                    }
                }
                out.push(f.help("spread the places over fewer activities, or agree a larger quota"));
            }
        }
        if let Some(q) = &req.quota_each {
            for &i in &ids {
                if let Some(p) = acts[i].places.as_ref().filter(|p| p.value > q.value) {
                    out.push(
                        RULE.finding(
                            p.span,
                            format!(
                                "'{}' uses {} places; '{}' allows {} each",
                                acts[i].title.value, p.value, req.title, q.value
                            ),
                        )
                        .label("over the quota")
                        .related(q.span, "the quota"),
                    );
                }
            }
        }
    }
}
