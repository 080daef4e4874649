use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};
use crate::suggest::quoted_list;
use crate::when::{month_from_index, month_index};
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::OwnerOverload,
    severity: Severity::Warning,
    summary: Words::untranslated("One role responsible for more activities in one month than it can carry"),
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
        let mut names = quoted_list(&shown);
        if ids.len() > shown.len() {
            names = format!(
                "{} and {} more",
                shown.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", "),
                ids.len() - shown.len()
            );
        }
        out.push(
            RULE.finding(
                span,
                format!("'{}' is responsible for {} activities in {y:04}-{mo:02}: {}", role.name, ids.len(), names),
            )
            .label(format!("more than {max} in one month"))
            .help("spread the work over more months or more roles; the limit is the option owner-overload-max"),
        );
    }
}
