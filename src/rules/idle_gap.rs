use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use crate::when::{format_month_index, month_from_index, month_index};

pub const RULE: Rule = Rule {
    id: RuleId::IdleGap,
    severity: Severity::Warning,
    summary: "More than 4 months inside the plan period without any activity (July not counted)",
    doc: include_str!("docs/idle-gap.md"),
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
            Some(a) => (a.when.span.clone(), format!("after '{}', ", a.title.value)),
            None => (plan.start.span.clone(), "from the plan's start, ".to_string()),
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

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::run_rule;

    fn plan(start: &str, end: &str, whens: &[&str]) -> String {
        let mut s = format!("[plan]\ntitle = \"T\"\nstart = \"{start}\"\nend = \"{end}\"\n");
        for (i, w) in whens.iter().enumerate() {
            s.push_str(&format!("\n[[activity]]\ntitle = \"A{i}\"\nwhen = \"{w}\"\n"));
        }
        s
    }

    #[test]
    fn fires_on_empty_start_and_end() {
        let f = run_rule(&RULE, &plan("vår 2025", "2028", &["mars 2026", "juni 2026", "august 2026", "juni 2028"]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "from the plan's start, nothing is scheduled for 13 months, from 2025-01 to 2026-02",
                "after 'A2', nothing is scheduled for 20 months, from 2026-09 to 2028-05",
                "after 'A3', nothing is scheduled for 5 months, from 2028-08 to 2028-12 (the plan's end)",
            ]
        );
    }

    #[test]
    fn july_does_not_count_and_spans_cover() {
        // April, then nothing in May, June, (July), August, September: 4 counted months.
        assert!(run_rule(&RULE, &plan("2026-04", "2026-10", &["april 2026", "oktober 2026"])).is_empty());
        assert_eq!(run_rule(&RULE, &plan("2026-04", "2026-11", &["april 2026", "november 2026"])).len(), 1);
        assert!(run_rule(&RULE, &plan("2026", "2026", &["vår 2026", "høst 2026"])).is_empty());
    }

    #[test]
    fn cancelled_work_fills_nothing() {
        let mut s = plan("2026-01", "2026-12", &["januar 2026", "desember 2026"]);
        s.push_str("\n[[activity]]\ntitle = \"C\"\nwhen = \"juni 2026\"\nstatus = \"cancelled\"\n");
        assert_eq!(run_rule(&RULE, &s).len(), 1);
    }

    fn with_options(text: String, options: &str) -> String {
        format!("{text}\n[lint.options]\n{options}\n")
    }

    #[test]
    fn the_summer_months_are_the_option() {
        // April, then May–October: 5 counted months with July off, 4 with July and August off.
        let text = plan("2026-04", "2026-11", &["april 2026", "november 2026"]);
        let f = run_rule(&RULE, &text);
        assert_eq!(f[0].label.as_deref(), Some("more than 4 months without activity (July not counted)"));
        let f = run_rule(&RULE, &with_options(text.clone(), "summer-months = [7, 8]"));
        assert!(f.is_empty(), "{f:#?}");
        // No summer at all: July counts, and the label says nothing about it.
        let short = plan("2026-04", "2026-10", &["april 2026", "oktober 2026"]);
        let f = run_rule(&RULE, &with_options(short, "summer-months = []"));
        assert_eq!(f[0].message, "after 'A0', nothing is scheduled for 5 months, from 2026-05 to 2026-09");
        assert_eq!(f[0].label.as_deref(), Some("more than 4 months without activity"));
        let f = run_rule(&RULE, &with_options(text, "summer-months = [\"juni\", \"juli\", \"august\"]"));
        assert!(f.is_empty());
    }

    #[test]
    fn the_longest_quiet_stretch_is_the_option() {
        let text = plan("2026-01", "2026-12", &["januar 2026", "august 2026", "desember 2026"]);
        // February–July is 5 counted months (July off), August–November 3.
        assert_eq!(run_rule(&RULE, &text).len(), 1);
        assert!(run_rule(&RULE, &with_options(text.clone(), "idle-gap-months = 5")).is_empty());
        let f = run_rule(&RULE, &with_options(text, "idle-gap-months = 2"));
        let labels: Vec<&str> = f.iter().filter_map(|f| f.label.as_deref()).collect();
        assert_eq!(
            labels,
            [
                "more than 2 months without activity (July not counted)",
                "more than 2 months without activity (July not counted)"
            ]
        );
    }

    #[test]
    fn the_help_says_where_the_plan_is_quiet() {
        let helps = |text: String| -> Vec<String> {
            run_rule(&RULE, &text).into_iter().map(|f| f.help.unwrap_or_default()).collect()
        };
        assert_eq!(helps(plan("2026", "2026", &[])), ["the plan has no activities yet; plan them"]);
        assert_eq!(
            helps(plan("2026", "2026", &["november 2026"])),
            ["does the plan really start in 2026-01? move its start, or plan the work of these months"]
        );
        assert_eq!(
            helps(plan("2026", "2026", &["januar 2026"])),
            ["does the plan really run until 2026-12? move its end, or plan the work of these months"]
        );
        assert_eq!(
            helps(plan("2026", "2026", &["januar 2026", "desember 2026"])),
            ["plan the work of these months, even a follow-up meeting, so the work keeps going"]
        );
        // Work that ends in the middle of a gap: the finding points after the last one to end before it.
        let f = run_rule(&RULE, &plan("2026", "2026", &["januar 2026", "februar 2026", "desember 2026"]));
        assert_eq!(f[0].message, "after 'A1', nothing is scheduled for 8 months, from 2026-03 to 2026-11");
        // Activities before the plan starts or after it ends cover none of its months.
        let f = run_rule(&RULE, &plan("2026", "2026", &["2025", "2027", "juni 2026"]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "from the plan's start, nothing is scheduled for 5 months, from 2026-01 to 2026-05",
                // A quiet stretch starts after July, which does not count.
                "after 'A2', nothing is scheduled for 5 months, from 2026-08 to 2026-12 (the plan's end)"
            ]
        );
    }
}
