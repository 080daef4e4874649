use super::{Ctx, Rule, describe};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::DependencyOrder,
    severity: Severity::Error,
    summary: "An activity dated before something it depends on",
    doc: include_str!("docs/dependency-order.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    for a in acts.iter().filter(|a| !a.is_cancelled()) {
        for d in &a.after {
            let Some(b) = ctx.activity(&d.value).map(|i| &acts[i]) else { continue };
            if b.is_cancelled() || std::ptr::eq(a, b) {
                continue;
            }
            // Only when it is certain: "mars 2026" after "2026-03-15" may well be on the 20th.
            if a.last_day < b.when.value.start {
                out.push(
                    RULE.finding(
                        d.span.clone(),
                        format!(
                            "'{}' ({}) is dated before '{}' ({}), which it comes after",
                            a.title.value,
                            describe(a.when.value.start, a.last_day),
                            b.title.value,
                            describe(b.when.value.start, b.last_day)
                        ),
                    )
                    .label("this activity has not started yet then")
                    .related(b.when.span.clone(), "the dependency is dated here")
                    .help("move one of the dates, or remove the dependency if it is not real"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    fn plan(a: &str, b: &str) -> String {
        format!(
            "{HEAD}\n[[activity]]\nid = \"b\"\ntitle = \"B\"\nwhen = \"{b}\"\n\n[[activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"{a}\"\nafter = [\"b\"]\n"
        )
    }

    #[test]
    fn fires_when_certainly_before() {
        let f = run_rule(&RULE, &plan("mars 2026", "2026-04-02"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "'A' (2026-03) is dated before 'B' (2026-04-02), which it comes after");
    }

    #[test]
    fn silent_when_possibly_after() {
        assert!(run_rule(&RULE, &plan("mars 2026", "2026-03-15")).is_empty());
        assert!(run_rule(&RULE, &plan("2026-04-02", "2026-04-02")).is_empty());
        assert!(run_rule(&RULE, &plan("høst 2026", "vår 2026")).is_empty());
    }

    #[test]
    fn cancelled_work_orders_nothing() {
        let before = plan("mars 2026", "2026-04-02");
        let cancel =
            |id: &str| before.replace(&format!("id = \"{id}\"\n"), &format!("id = \"{id}\"\nstatus = \"avlyst\"\n"));
        assert!(run_rule(&RULE, &cancel("b")).is_empty(), "a cancelled dependency holds nothing back");
        assert!(run_rule(&RULE, &cancel("a")).is_empty(), "a cancelled activity waits for nothing");
    }

    #[test]
    fn the_day_before_is_before() {
        let f = run_rule(&RULE, &plan("2026-04-01", "2026-04-02"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].related[0].1, "the dependency is dated here");
        let b_when = f[0].related[0].0.clone();
        assert_eq!(&plan("2026-04-01", "2026-04-02")[b_when], "\"2026-04-02\"");
    }

    #[test]
    fn itself_and_unknown_ids_are_other_rules_business() {
        let own = format!(
            "{HEAD}\n[[activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"mars 2026\"\nafter = [\"a\", \"nope\"]\n"
        );
        assert!(run_rule(&RULE, &own).is_empty());
    }
}
