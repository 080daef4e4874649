use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use crate::model::Spanned;
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::DuplicateId,
    severity: Severity::Error,
    summary: "Two activities, phases, components, goals or requirements share an id",
    doc: include_str!("docs/duplicate-id.md"),
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
    report(out, "recurring requirement", plan.recurring.iter().map(|r| (&r.id, false)));
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
            RULE.finding(id.span.clone(), format!("{kind} id '{}'{how} is used {}", id.value, times(uses)))
                .label(format!("{} use", ordinal(uses)))
                .related(first.span.clone(), "first used here")
                .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn a_third_use_is_counted() {
        let plan = format!(
            "{HEAD}\n[[activity]]\nid = \"x\"\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n\n[[activity]]\nid = \"x\"\ntitle = \"B\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n\n[[activity]]\nid = \"x\"\ntitle = \"C\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n"
        );
        let f = run_rule(&RULE, &plan);
        let msgs: Vec<_> = f.iter().map(|f| (f.message.as_str(), f.label.clone().unwrap_or_default())).collect();
        assert_eq!(
            msgs,
            [
                ("activity id 'x' is used twice", "second use".to_string()),
                ("activity id 'x' is used 3 times", "3rd use".to_string())
            ]
        );
        assert_eq!(
            (super::ordinal(11), super::ordinal(22), super::ordinal(101)),
            ("11th".into(), "22nd".into(), "101st".into())
        );
    }

    #[test]
    fn fires_on_repeated_ids_including_derived_ones() {
        let plan = format!(
            "{HEAD}\n[[activity]]\ntitle = \"Møte\"\nwhen = \"mars 2026\"\n\n[[activity]]\ntitle = \"møte\"\nwhen = \"april 2026\"\n\n[[activity]]\nid = \"x\"\ntitle = \"X\"\nwhen = \"april 2026\"\n\n[[activity]]\nid = \"x\"\ntitle = \"Y\"\nwhen = \"april 2026\"\n"
        );
        let f = run_rule(&RULE, &plan);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs, ["activity id 'mote' (made from its title) is used twice", "activity id 'x' is used twice"]);
        assert_eq!(f[0].related.len(), 1);
    }

    #[test]
    fn the_help_says_to_write_an_id_when_either_use_was_made_from_a_title() {
        let act = |id: &str, title: &str| format!("\n[[activity]]\n{id}title = \"{title}\"\nwhen = \"mars 2026\"\n");
        let helps = |acts: &[String]| -> Vec<String> {
            run_rule(&RULE, &format!("{HEAD}{}", acts.concat())).into_iter().map(|f| f.help.unwrap()).collect()
        };
        let write_one = "give one of them an explicit id = \"…\"; ids made from titles clash when titles repeat";
        let rename = "ids name one activity each; rename one of them";
        // Written first and made from a title second, and the other way round: either way, write an id.
        assert_eq!(helps(&[act("id = \"mote\"\n", "A"), act("", "Møte")]), [write_one]);
        assert_eq!(helps(&[act("", "Møte"), act("id = \"mote\"\n", "A")]), [write_one]);
        // Both written: rename one.
        assert_eq!(helps(&[act("id = \"x\"\n", "A"), act("id = \"x\"\n", "B")]), [rename]);
    }

    #[test]
    fn same_id_in_different_kinds_is_fine() {
        let plan = format!(
            "{HEAD}\n[[phase]]\nid = \"x\"\nname = \"P\"\nperiod = \"vår 2026\"\n[[phase.activity]]\nid = \"x\"\ntitle = \"X\"\nwhen = \"april 2026\"\n"
        );
        assert!(run_rule(&RULE, &plan).is_empty());
    }
}
