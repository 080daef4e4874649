use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::rules::idle_gap as m;
use crate::when::{format_month_index, month_from_index, month_index};

pub const RULE: Rule = Rule {
    id: RuleId::IdleGap,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("idle-gap"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let max_idle = ctx.options.idle_gap_months;
    let summer = &ctx.options.summer_months;
    let is_july = |m: i64| summer.contains(&month_from_index(m).1);
    let first = month_index(plan.start.value.start);
    let last = month_index(plan.end.value.end);
    // The loader refuses a plan that ends before it starts; were one built otherwise, it has no months.
    let len = usize::try_from(last - first + 1).unwrap_or(0);
    // Difference array over the months of the plan: +1 where an activity starts covering, -1 after it ends.
    let mut diff = vec![0i64; len + 1];
    let mut ends: Vec<(i64, usize)> = Vec::new();
    for (i, a) in plan.activities.iter().enumerate().filter(|(_, a)| !a.is_cancelled()) {
        let s = month_index(a.when.value.start).max(first);
        let e = month_index(a.last_day).min(last);
        if s > e {
            continue;
        }
        diff[(s - first) as usize] += 1;
        diff[(e - first) as usize + 1] -= 1;
        ends.push((month_index(a.last_day), i));
    }
    ends.sort_unstable();
    let mut cover = 0;
    let mut gap_start: Option<i64> = None;
    let mut gaps = Vec::new();
    for (k, d) in diff.iter().take(len).enumerate() {
        cover += d;
        let m = first + k as i64;
        if cover > 0 {
            if let Some(g) = gap_start.take() {
                gaps.push((g, m - 1));
            }
        } else if gap_start.is_none() && !is_july(m) {
            gap_start = Some(m);
        }
    }
    if let Some(g) = gap_start {
        gaps.push((g, last));
    }
    for (g0, g1) in gaps {
        let counted = (g0..=g1).filter(|&m| !is_july(m)).count();
        if counted <= max_idle {
            continue;
        }
        // The last activity to end before the gap is where the plan goes quiet.
        let before = ends.partition_point(|&(e, _)| e < g0);
        let (span, lead) = match before.checked_sub(1).map(|b| &plan.activities[ends[b].1]) {
            Some(a) => (a.when.span, m::after(&a.title.value)),
            None => (plan.start.span, m::from_the_start()),
        };
        let help = if g1 == last && before == ends.len() && ends.is_empty() {
            m::no_activities_yet()
        } else if before == 0 {
            m::really_start(&format_month_index(g0))
        } else if g1 == last {
            m::really_end(&format_month_index(g1))
        } else {
            m::keep_it_going()
        };
        // The months not counted (July, or the months configured instead).
        let summer_note = (!summer.is_empty()).then(|| super::cadence::month_names(summer));
        out.push(
            RULE.finding(
                span,
                m::nothing_scheduled(&lead, counted, &format_month_index(g0), &format_month_index(g1), g1 == last),
            )
            .label(m::more_than(max_idle, summer_note.as_ref()))
            .help(help),
        );
    }
}
