use super::requirements::{activities_keeping, matching_text};
use crate::lang::Words;
use super::{rule_doc, Ctx, Rule, describe};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::RequirementDeadline,
    severity: Severity::Error,
    summary: Words::untranslated("A requirement's deadline, window or 'before' that the schedule does not meet"),
    doc: rule_doc!("requirement-deadline"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    for req in &ctx.plan.requirements {
        if req.by.is_none() && req.within.is_none() && req.before.is_none() {
            continue;
        }
        let mut ids: Vec<usize> = activities_keeping(ctx, req).collect();
        ids.sort_by_key(|&i| (acts[i].when.value.start, i));
        let matching = matching_text(req);
        if let Some(by) = &req.by {
            let deadline = by.value.end;
            match ids.first().map(|&i| &acts[i]) {
                None => out.push(
                    RULE.finding(by.span, format!("no '{}' is scheduled; it is due by {deadline}", req.title))
                        .label("the deadline")
                        .help(format!("schedule it, and mark it so the checker finds it: it looks for {matching}")),
                ),
                Some(first) if first.when.value.start > deadline => out.push(
                    RULE.finding(
                        first.when.span,
                        format!(
                            "'{}' ({}) comes after the deadline of '{}' ({deadline})",
                            first.title.value,
                            describe(first.when.value.start, first.last_day),
                            req.title
                        ),
                    )
                    .label("too late")
                    .related(by.span, "the deadline")
                    .help("move it before the deadline, or schedule an earlier one"),
                ),
                _ => {}
            }
        }
        if let Some(w) = &req.within {
            let window = describe(w.value.start, w.value.end);
            if ids.is_empty() {
                out.push(
                    RULE.finding(w.span, format!("no '{}' is scheduled in {window}", req.title))
                        .label("the window")
                        .help(format!("schedule it in the window; the checker looks for {matching}")),
                );
            }
            for &i in &ids {
                let a = &acts[i];
                if a.when.value.start < w.value.start || a.last_day > w.value.end {
                    out.push(
                        RULE.finding(
                            a.when.span,
                            format!(
                                "'{}' ({}) is outside the window of '{}' ({window})",
                                a.title.value,
                                describe(a.when.value.start, a.last_day),
                                req.title
                            ),
                        )
                        .label("outside the window")
                        .related(w.span, "the window"),
                    );
                }
            }
        }
        if let Some(b) = &req.before
            && let Some(target) = ctx.activity(&b.value).map(|i| &acts[i])
        {
            if ids.is_empty() && req.by.is_none() && req.within.is_none() {
                out.push(
                    RULE.finding(
                        b.span,
                        format!("no '{}' is scheduled; it must come before '{}'", req.title, target.title.value),
                    )
                    .label("nothing is scheduled before this")
                    .help(format!("schedule it, and mark it so the checker finds it: it looks for {matching}")),
                );
            }
            for &i in &ids {
                let a = &acts[i];
                if a.last_day >= target.when.value.start {
                    out.push(
                        RULE.finding(
                            a.when.span,
                            format!(
                                "'{}' ({}) must be done before '{}' ({})",
                                a.title.value,
                                describe(a.when.value.start, a.last_day),
                                target.title.value,
                                describe(target.when.value.start, target.last_day)
                            ),
                        )
                        .label("not before it")
                        .related(b.span, "required before this activity"),
                    );
                }
            }
        }
    }
}
