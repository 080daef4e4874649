use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use crate::suggest::quoted_list;
use crate::when::{month_from_index, month_index};
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::OwnerOverload,
    severity: Severity::Warning,
    summary: "One role responsible for more activities in one month than it can carry",
    doc: include_str!("docs/owner-overload.md"),
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
        let span = first_over
            .owners
            .iter()
            .find(|o| ctx.role(&o.value) == Some(r))
            .map_or(first_over.title.span.clone(), |o| o.span.clone());
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

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_above_four_in_a_month() {
        let mut s = HEAD.to_string();
        for i in 0..5 {
            s.push_str(&format!("\n[[activity]]\ntitle = \"A{i}\"\nwhen = \"2026-03-1{i}\"\nowner = \"pl\"\n"));
        }
        let f = run_rule(&RULE, &s);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "'Prosjektleder' is responsible for 5 activities in 2026-03: 'A0', 'A1', 'A2', 'A3' and 'A4'"
        );
        let four = s.replace("when = \"2026-03-14\"", "when = \"2026-04-14\"");
        assert!(run_rule(&RULE, &four).is_empty());
    }

    /// `n` activities of the project leader in March 2026, each with `extra` lines of its own.
    fn month_of(n: usize, extra: impl Fn(usize) -> String) -> String {
        let mut s = HEAD.to_string();
        for i in 0..n {
            s.push_str(&format!("\n[[activity]]\ntitle = \"A{i}\"\nwhen = \"2026-03-{:02}\"\n{}\n", i + 2, extra(i)));
        }
        s
    }

    #[test]
    fn cancelled_activities_are_no_load() {
        let five = month_of(5, |_| "owner = \"pl\"".into());
        assert_eq!(run_rule(&RULE, &five).len(), 1);
        let one_cancelled =
            month_of(5, |i| format!("owner = \"pl\"{}", if i == 2 { "\nstatus = \"avlyst\"" } else { "" }));
        assert!(run_rule(&RULE, &one_cancelled).is_empty());
    }

    #[test]
    fn the_limit_is_the_option() {
        let three = format!("{}\n[lint.options]\nowner-overload-max = 2\n", month_of(3, |_| "owner = \"pl\"".into()));
        let f = run_rule(&RULE, &three);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "'Prosjektleder' is responsible for 3 activities in 2026-03: 'A0', 'A1' and 'A2'");
        assert_eq!(f[0].label.as_deref(), Some("more than 2 in one month"));
        // The finding points at the owner of the first activity over the limit.
        let third = three.find("title = \"A2\"").unwrap();
        let owner = third + three[third..].find("\"pl\"").unwrap();
        assert_eq!(f[0].span, Some(owner..owner + 4));
        let eight = format!("{}\n[lint.options]\nowner-overload-max = 8\n", month_of(8, |_| "owner = \"pl\"".into()));
        assert!(run_rule(&RULE, &eight).is_empty());
    }

    #[test]
    fn a_role_named_twice_in_one_activity_is_counted_once() {
        let twice = month_of(5, |i| {
            if i == 4 { "owner = \"Lærer\"".into() } else { "owner = [\"pl\", \"Prosjektleder\"]".into() }
        });
        assert!(run_rule(&RULE, &twice.replace("[roles]\n", "[roles]\nl = \"Lærer\"\n")).is_empty());
    }

    #[test]
    fn a_crowded_month_names_five_and_counts_the_rest() {
        let f = run_rule(&RULE, &month_of(7, |_| "owner = \"pl\"".into()));
        assert_eq!(
            f[0].message,
            "'Prosjektleder' is responsible for 7 activities in 2026-03: 'A0', 'A1', 'A2', 'A3', 'A4' and 2 more"
        );
        let f = run_rule(&RULE, &month_of(6, |_| "owner = \"pl\"".into()));
        assert_eq!(
            f[0].message,
            "'Prosjektleder' is responsible for 6 activities in 2026-03: 'A0', 'A1', 'A2', 'A3', 'A4' and 'A5'"
        );
    }

    #[test]
    fn findings_come_in_the_order_their_months_overflow() {
        let mut s = HEAD.replace("[roles]\n", "[roles]\nl = \"Lærer\"\n");
        // The teacher's April fills up first in the file, the project leader's March later.
        for i in 0..5 {
            s.push_str(&format!("\n[[activity]]\ntitle = \"L{i}\"\nwhen = \"2026-04-0{}\"\nowner = \"l\"\n", i + 1));
        }
        for i in 0..5 {
            s.push_str(&format!("\n[[activity]]\ntitle = \"P{i}\"\nwhen = \"2026-03-0{}\"\nowner = \"pl\"\n", i + 1));
        }
        let f = run_rule(&RULE, &s);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.split(':').next().unwrap()).collect();
        assert_eq!(
            msgs,
            [
                "'Lærer' is responsible for 5 activities in 2026-04",
                "'Prosjektleder' is responsible for 5 activities in 2026-03"
            ]
        );
    }
}
