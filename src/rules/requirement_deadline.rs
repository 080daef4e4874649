use super::requirements::{activities_keeping, each_requirement, matching, scope};
use super::{Ctx, Rule, describe, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::requirement_deadline as m;

pub const RULE: Rule = Rule {
    id: RuleId::RequirementDeadline,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("requirement-deadline"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    each_requirement(ctx, out, |req, out| {
        if req.by.is_none() && req.within.is_none() && req.before.is_none() {
            return;
        }
        if scope(ctx, req, &RULE, req.id.span, out).is_none() {
            return;
        }
        let mut ids: Vec<usize> = activities_keeping(ctx, req).collect();
        ids.sort_by_key(|&i| (acts[i].when.value.start, i));
        let matching = matching(req);
        if let Some(by) = &req.by {
            let deadline = by.value.end;
            match ids.first().map(|&i| &acts[i]) {
                None => out.push(
                    RULE.finding(by.span, m::none_by(&req.title, deadline))
                        .label(m::the_deadline())
                        .help(m::schedule_and_mark(&matching)),
                ),
                Some(first) if first.when.value.start > deadline => out.push(
                    RULE.finding(
                        first.when.span,
                        m::after_the_deadline(
                            &first.title.value,
                            &describe(first.when.value.start, first.last_day),
                            &req.title,
                            deadline,
                        ),
                    )
                    .label(m::too_late())
                    .related(by.span, m::the_deadline())
                    .help(m::move_it_earlier()),
                ),
                _ => {}
            }
        }
        if let Some(w) = &req.within {
            let window = describe(w.value.start, w.value.end);
            if ids.is_empty() {
                out.push(
                    RULE.finding(w.span, m::none_within(&req.title, &window))
                        .label(m::the_window())
                        .help(m::schedule_in_the_window(&matching)),
                );
            }
            for &i in &ids {
                let a = &acts[i];
                if a.when.value.start < w.value.start || a.last_day > w.value.end {
                    out.push(
                        RULE.finding(
                            a.when.span,
                            m::outside_the_window(
                                &a.title.value,
                                &describe(a.when.value.start, a.last_day),
                                &req.title,
                                &window,
                            ),
                        )
                        .label(m::outside_window_label())
                        .related(w.span, m::the_window()),
                    );
                }
            }
        }
        if let Some(b) = &req.before
            && let Some(target) = ctx.activity(&b.value).map(|i| &acts[i])
        {
            if ids.is_empty() && req.by.is_none() && req.within.is_none() {
                out.push(
                    RULE.finding(b.span, m::none_before(&req.title, &target.title.value))
                        .label(m::nothing_before_this())
                        .help(m::schedule_and_mark(&matching)),
                );
            }
            for &i in &ids {
                let a = &acts[i];
                if a.last_day >= target.when.value.start {
                    out.push(
                        RULE.finding(
                            a.when.span,
                            m::not_done_before(
                                &a.title.value,
                                &describe(a.when.value.start, a.last_day),
                                &target.title.value,
                                &describe(target.when.value.start, target.last_day),
                            ),
                        )
                        .label(m::not_before_it())
                        .related(b.span, m::required_before_this()),
                    );
                }
            }
        }
    });
}
