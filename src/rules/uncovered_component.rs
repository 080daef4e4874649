use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::UncoveredComponent,
    severity: Severity::Warning,
    summary: "A core component that no activity introduces or serves",
    doc: include_str!("docs/uncovered-component.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let served = ctx.served_by(|a| &a.components);
    let total = ctx.plan.components.len();
    for (n, c) in ctx.plan.components.iter().enumerate() {
        if !served.contains(c.id.value.as_str()) {
            out.push(
                RULE.finding(
                    c.id.span.clone(),
                    format!("core component {} of {total}, '{}', is not served by any activity", n + 1, c.name),
                )
                .label("no activity lists this component")
                .help(format!("add components = [\"{}\"] to the activity that introduces it, or plan one", c.id.value)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_on_component_served_only_by_cancelled_work() {
        let plan = format!(
            "{HEAD}\n[[component]]\nid = \"a\"\nname = \"A\"\n\n[[component]]\nid = \"b\"\nname = \"B\"\n\n[[activity]]\ntitle = \"X\"\nwhen = \"mars 2026\"\ncomponents = [\"a\"]\n\n[[activity]]\ntitle = \"Y\"\nwhen = \"mars 2026\"\ncomponents = [\"b\"]\nstatus = \"avlyst\"\n"
        );
        let f = run_rule(&RULE, &plan);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "core component 2 of 2, 'B', is not served by any activity");
    }

    #[test]
    fn silent_when_all_served() {
        let plan = format!(
            "{HEAD}\n[[component]]\nid = \"a\"\nname = \"A\"\n\n[[activity]]\ntitle = \"X\"\nwhen = \"mars 2026\"\ncomponents = [\"a\"]\n"
        );
        assert!(run_rule(&RULE, &plan).is_empty());
    }
}
