use super::{Ctx, Rule};
use crate::diag::{Finding, Severity};
use crate::model::{PhaseRef, Spanned};
use crate::suggest::nearest;
use std::collections::HashSet;

pub const RULE: Rule = Rule {
    id: "unknown-reference",
    severity: Severity::Error,
    summary: "An activity names a phase, component, goal or dependency that does not exist",
    doc: include_str!("docs/unknown-reference.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let components: HashSet<&str> = plan.components.iter().map(|c| c.id.value.as_str()).collect();
    let goals: HashSet<&str> = plan
        .goal
        .iter()
        .map(|g| g.id.value.as_str())
        .chain(plan.subgoals.iter().map(|g| g.id.value.as_str()))
        .collect();
    for a in &plan.activities {
        if let Some(PhaseRef::Named(p)) = &a.phase
            && ctx.phase(&p.value).is_none()
        {
            let known = plan.phases.iter().map(|p| p.id.value.as_str());
            out.push(unknown(p, "phase", known));
        }
        for c in a.components.iter().filter(|c| !components.contains(c.value.as_str())) {
            out.push(unknown(c, "component", components.iter().copied()));
        }
        for g in a.goals.iter().filter(|g| !goals.contains(g.value.as_str())) {
            out.push(unknown(g, "goal", goals.iter().copied()));
        }
        for d in a.after.iter().filter(|d| ctx.activity(&d.value).is_none()) {
            // Suggesting among 100,000 activity ids would be quadratic; the ids in this phase are the likely ones.
            let near =
                ctx.phase_of(a).map(|p| ctx.phase_activities[p].iter().map(|&i| plan.activities[i].id.value.as_str()));
            out.push(unknown(d, "activity", near.into_iter().flatten()));
        }
    }
}

fn unknown<'a>(r: &Spanned<String>, kind: &str, known: impl Iterator<Item = &'a str>) -> Finding {
    let mut sorted: Vec<&str> = known.collect();
    sorted.sort_unstable();
    let help = match nearest(&r.value, sorted.iter().copied()) {
        Some(s) => format!("did you mean '{s}'?"),
        None if sorted.is_empty() => format!("this plan declares no {kind} of that kind; declare it first"),
        None if sorted.len() <= 8 => format!("known {kind} ids: {}", super::quoted_list(&sorted)),
        None => format!("no {kind} has this id"),
    };
    RULE.finding(r.span.clone(), format!("unknown {kind} '{}'", r.value))
        .label(format!("no {kind} has this id"))
        .help(help)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn fires_on_each_kind_of_dangling_reference() {
        let plan = format!(
            "{HEAD}\n[goal]\nid = \"g\"\ntext = \"G\"\n[goal.sub]\nmobbing = \"M\"\n\n[[component]]\nid = \"regelverk\"\nname = \"R\"\n\n[[phase]]\nid = \"p\"\nname = \"P\"\nperiod = \"vår 2026\"\n[[phase.activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"mars 2026\"\ncomponents = [\"regelverk\", \"regleverk\"]\ngoals = [\"g\", \"mobbing\", \"moobing\"]\nafter = [\"c\"]\n\n[[activity]]\ntitle = \"B\"\nwhen = \"mars 2026\"\nphase = \"q\"\n"
        );
        let f = run_rule(&RULE, &plan);
        let msgs: Vec<(&str, Option<&str>)> = f.iter().map(|f| (f.message.as_str(), f.help.as_deref())).collect();
        assert_eq!(
            msgs,
            [
                ("unknown component 'regleverk'", Some("did you mean 'regelverk'?")),
                ("unknown goal 'moobing'", Some("did you mean 'mobbing'?")),
                ("unknown activity 'c'", Some("known activity ids: 'a'")),
                ("unknown phase 'q'", Some("known phase ids: 'p'")),
            ]
        );
    }

    #[test]
    fn silent_when_everything_exists() {
        let plan = format!(
            "{HEAD}\n[[activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"mars 2026\"\n\n[[activity]]\ntitle = \"B\"\nwhen = \"april 2026\"\nafter = [\"a\"]\n"
        );
        assert!(run_rule(&RULE, &plan).is_empty());
    }
}
