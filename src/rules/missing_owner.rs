use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::MissingOwner,
    severity: Severity::Error,
    summary: "An activity has no responsible role",
    doc: include_str!("docs/missing-owner.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for a in &ctx.plan.activities {
        if a.owners.is_empty() {
            out.push(
                RULE.finding(a.title.span.clone(), format!("activity '{}' has no owner", a.title.value))
                    .label("nobody is responsible for this")
                    .help("add owner = \"<role id>\" (or a list of roles) naming who is responsible"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_without_owner_and_not_with_one() {
        let plan = format!(
            "{HEAD}\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\n\n[[activity]]\ntitle = \"B\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n"
        );
        let f = run_rule(&RULE, &plan);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "activity 'A' has no owner");
        let plan = format!("{HEAD}\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = []\n");
        assert_eq!(run_rule(&RULE, &plan).len(), 1, "an empty list is no owner either");
    }
}
