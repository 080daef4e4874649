use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};
use crate::model::Spanned;
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::DuplicateId,
    severity: Severity::Error,
    summary: Words::untranslated("Two activities, phases, components, goals or requirements share an id"),
    doc: rule_doc!("duplicate-id"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let activities = plan.activities.iter().map(|a| (&a.id, a.derived_id));
    report(out, "activity", activities);
    report(out, "phase", plan.phases.iter().map(|p| (&p.id, false)));
    report(out, "component", plan.components.iter().map(|c| (&c.id, false)));
    let goals = plan.goal.iter().map(|g| (&g.id, false)).chain(plan.subgoals.iter().map(|g| (&g.id, false)));
    report(out, "goal", goals);
    report(out, "recurring requirement", plan.requirements.iter().map(|r| (&r.id, false)));
}

/// "twice", "3 times".
fn times(n: usize) -> String {
    if n == 2 { "twice".to_string() } else { format!("{n} times") }
}

/// "second", "3rd", "11th", "22nd".
fn ordinal(n: usize) -> String {
    if n == 2 {
        return "second".to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn report<'a>(out: &mut Vec<Finding>, kind: &str, ids: impl Iterator<Item = (&'a Spanned<String>, bool)>) {
    // The first use of each id, and how many times it has been used so far.
    let mut seen: HashMap<&str, (&Spanned<String>, bool, usize)> = HashMap::new();
    for (id, derived) in ids {
        let Some(entry) = seen.get_mut(id.value.as_str()) else {
            seen.insert(&id.value, (id, derived, 1));
            continue;
        };
        entry.2 += 1;
        let (first, first_derived, uses) = *entry;
        let how = if derived { " (made from its title)" } else { "" };
        let help = if derived || first_derived {
            "give one of them an explicit id = \"…\"; ids made from titles clash when titles repeat".to_string()
        } else {
            format!("ids name one {kind} each; rename one of them")
        };
        out.push(
            RULE.finding(id.span, format!("{kind} id '{}'{how} is used {}", id.value, times(uses)))
                .label(format!("{} use", ordinal(uses)))
                .related(first.span, "first used here")
                .help(help),
        );
    }
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/duplicate-id/`; here, the helper for its labels.
#[cfg(test)]
mod tests {
    #[test]
    fn ordinals_past_the_teens() {
        assert_eq!(
            (super::ordinal(3), super::ordinal(11), super::ordinal(22), super::ordinal(101)),
            ("3rd".into(), "11th".into(), "22nd".into(), "101st".into())
        );
    }
}
