use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::UnusedRole,
    severity: Severity::Warning,
    summary: "A declared role that is responsible for nothing and a member of nothing",
    doc: include_str!("docs/unused-role.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let mut used = vec![false; plan.roles.len()];
    let mut mark = |name: &str| {
        if let Some(i) = ctx.role(name) {
            used[i] = true;
        }
    };
    if let Some(o) = &plan.owner {
        mark(&o.value);
    }
    for r in &plan.roles {
        r.lead.iter().chain(&r.members).for_each(|m| mark(&m.value));
    }
    for a in &plan.activities {
        a.owners.iter().chain(&a.participants).for_each(|o| mark(&o.value));
    }
    for q in &plan.recurring {
        q.owner.iter().chain(&q.participants).for_each(|o| mark(&o.value));
    }
    for (r, used) in plan.roles.iter().zip(used) {
        if !used {
            out.push(
                RULE.finding(
                    r.id.span.clone(),
                    format!("role '{}' ({}) has nothing to do in this plan", r.id.value, r.name),
                )
                .label("responsible for no activity and a member of no role")
                .help("make it responsible for its activities, add it to the group it belongs to, or remove it"),
            );
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_on_idle_role_only() {
        let plan = format!(
            "{HEAD}rektor = \"Rektor\"\nlaerer = \"Lærer\"\nskole = {{ name = \"Skolen\", members = [\"laerer\"] }}\n\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"skole\"\n"
        );
        let f = run_rule(&RULE, &plan);
        let ids: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            ids,
            [
                "role 'pl' (Prosjektleder) has nothing to do in this plan",
                "role 'rektor' (Rektor) has nothing to do in this plan"
            ]
        );
    }

    /// Each place a role can be named, as a plan in which only that place names the role `x`.
    pub(crate) fn one_use_each() -> Vec<(&'static str, String)> {
        let act = "\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n";
        let req = "\n[[recurring]]\nid = \"r\"\ntitle = \"R\"\nkind = \"evaluering\"\nevery = \"år\"\n";
        let head = HEAD.replace("[roles]\n", "[roles]\nx = \"X\"\n");
        vec![
            ("the plan's owner", format!("{}{act}", head.replace("end = ", "owner = \"x\"\nend = "))),
            (
                "a role's lead",
                format!("{head}g = {{ name = \"G\", lead = \"x\" }}\n{act}")
                    .replace("owner = \"pl\"", "owner = [\"pl\", \"g\"]"),
            ),
            (
                "a role's member",
                format!("{head}g = {{ name = \"G\", members = [\"x\"] }}\n{act}")
                    .replace("owner = \"pl\"", "owner = [\"pl\", \"g\"]"),
            ),
            ("an activity's owner", format!("{head}{}", act.replace("\"pl\"", "[\"pl\", \"x\"]"))),
            ("an activity's participant", format!("{head}{act}participants = [\"x\"]\n")),
            ("a requirement's owner", format!("{head}{act}{req}owner = \"x\"\n")),
            ("a requirement's participant", format!("{head}{act}{req}participants = [\"x\"]\n")),
        ]
    }

    #[test]
    fn every_place_a_role_is_named_is_a_use() {
        for (place, plan) in one_use_each() {
            let f = run_rule(&RULE, &plan);
            assert!(f.is_empty(), "{place}: {:?}\n{plan}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
            let unnamed = plan.replace("\"x\"", "\"pl\"");
            let f = run_rule(&RULE, &unnamed);
            assert_eq!(f.len(), 1, "{place}:\n{unnamed}");
            assert_eq!(f[0].message, "role 'x' (X) has nothing to do in this plan", "{place}");
        }
    }
}
