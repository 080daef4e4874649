use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};
use crate::when::{format_month_index, month_from_index, month_index};

pub const RULE: Rule = Rule {
    id: RuleId::IdleGap,
    severity: Severity::Warning,
    summary: Words::untranslated("More than 4 months inside the plan period without any activity (July not counted)"),
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
            Some(a) => (a.when.span, format!("after '{}', ", a.title.value)),
            None => (plan.start.span, "from the plan's start, ".to_string()),
        };
        let to_end = if g1 == last { " (the plan's end)" } else { "" };
        let help = if g1 == last && before == ends.len() && ends.is_empty() {
            "the plan has no activities yet; plan them".to_string()
        } else if before == 0 {
            format!(
                "does the plan really start in {}? move its start, or plan the work of these months",
                format_month_index(g0)
            )
        } else if g1 == last {
            format!(
                "does the plan really run until {}? move its end, or plan the work of these months",
                format_month_index(g1)
            )
        } else {
            "plan the work of these months, even a follow-up meeting, so the work keeps going".to_string()
        };
        out.push(
            RULE.finding(
                span,
                format!(
                    "{lead}nothing is scheduled for {counted} months, from {} to {}{to_end}",
                    format_month_index(g0),
                    format_month_index(g1)
                ),
            )
            .label(format!("more than {max_idle} months without activity{}", summer_note(summer)))
            .help(help),
        );
    }
}

/// " (July not counted)", or the months configured instead.
fn summer_note(summer: &[u32]) -> String {
    let names: Vec<&str> = summer.iter().map(|&m| crate::i18n::month_name(crate::model::Lang::En, m)).collect();
    match names.len() {
        0 => String::new(),
        _ => format!(" ({} not counted)", crate::suggest::quoted_list(&names).replace('\'', "")),
    }
}
