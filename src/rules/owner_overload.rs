use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::quoted_list;
use crate::messages::rules::owner_overload as m;
use crate::when::{month_from_index, month_index};
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::OwnerOverload,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("owner-overload"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let max = ctx.options.owner_overload_max;
    // (role, month) → the activities it owns starting that month, in file order.
    let mut load: HashMap<(usize, i64), Vec<usize>> = HashMap::new();
    for (i, a) in plan.activities.iter().enumerate().filter(|(_, a)| !a.is_cancelled()) {
        let mut seen = Vec::new();
        for r in a.owners.iter().filter_map(|o| ctx.role(&o.value)) {
            if !seen.contains(&r) {
                seen.push(r);
                load.entry((r, month_index(a.when.value.start))).or_default().push(i);
            }
        }
    }
    let mut over: Vec<((usize, i64), Vec<usize>)> = load.into_iter().filter(|(_, v)| v.len() > max).collect();
    over.sort_by_key(|((r, m), v)| (v.get(max).copied(), *r, *m));
    for ((r, m), ids) in over {
        let (y, mo) = month_from_index(m);
        let role = &plan.roles[r];
        let first_over = &plan.activities[ids[max]];
        let span =
            first_over.owners.iter().find(|o| ctx.role(&o.value) == Some(r)).map_or(first_over.title.span, |o| o.span);
        // Name a handful; a month with hundreds is one finding, not a wall of titles.
        let shown: Vec<&str> = ids
            .iter()
            .take(if ids.len() > 6 { 5 } else { 6 })
            .map(|&i| plan.activities[i].title.value.as_str())
            .collect();
        let names =
            if ids.len() > shown.len() { m::and_more(&shown, ids.len() - shown.len()) } else { quoted_list(&shown) };
        let month = format!("{y:04}-{mo:02}");
        out.push(
            RULE.finding(span, m::responsible_for(&role.name, ids.len(), &month, &names))
                .label(m::more_than(max))
                .help(m::spread_the_work()),
        );
    }
}
