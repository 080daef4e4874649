use super::{Ctx, Rule, rule_doc};
use crate::diag::Applicability;
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::{did_you_mean, quoted_list};
use crate::messages::rules::unknown_reference::{self as m, Thing};
use crate::model::{PhaseRef, Spanned, slug};
use crate::suggest::{MAX_CANDIDATES, MAX_SUGGESTIONS, nearest};
use foldhash::HashSet;

pub const RULE: Rule = Rule {
    id: RuleId::UnknownReference,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("unknown-reference"),
    check: Some(check),
};

fn check<'a>(ctx: &Ctx<'a>, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let components: HashSet<&str> = plan.components.iter().map(|c| c.id.value.as_str()).collect();
    let goals: HashSet<&str> = plan
        .goal
        .iter()
        .map(|g| g.id.value.as_str())
        .chain(plan.subgoals.iter().map(|g| g.id.value.as_str()))
        .collect();
    let sorted = |set: &HashSet<&'a str>| -> Vec<&'a str> {
        let mut v: Vec<&str> = set.iter().copied().collect();
        v.sort_unstable();
        v
    };
    let (component_ids, goal_ids) = (sorted(&components), sorted(&goals));
    let phase_ids: Vec<&str> = plan.phases.iter().map(|p| p.id.value.as_str()).collect();
    // "Did you mean" among every activity while that stays cheap; past that, suggestions are skipped.
    let mut activity_ids: Vec<&str> = if plan.activities.len() <= MAX_CANDIDATES {
        plan.activities.iter().map(|a| a.id.value.as_str()).collect()
    } else {
        Vec::new()
    };
    activity_ids.sort_unstable();
    let mut suggester = Suggester { left: MAX_SUGGESTIONS };
    for c in plan.steps.iter().filter(|c| !components.contains(c.value.as_str())) {
        out.push(suggester.unknown(c, Thing::Component, &component_ids));
    }
    for r in &plan.requirements {
        if let Some(b) = r.before.as_ref().filter(|b| ctx.activity(&b.value).is_none()) {
            out.push(suggester.unknown(b, Thing::Activity, &activity_ids));
        }
    }
    for a in &plan.activities {
        if let Some(PhaseRef::Named(p)) = &a.phase
            && ctx.phase(&p.value).is_none()
        {
            out.push(suggester.unknown(p, Thing::Phase, &phase_ids));
        }
        for c in a.components.iter().filter(|c| !components.contains(c.value.as_str())) {
            out.push(suggester.unknown(c, Thing::Component, &component_ids));
        }
        for g in a.goals.iter().filter(|g| !goals.contains(g.value.as_str())) {
            out.push(suggester.unknown(g, Thing::Goal, &goal_ids));
        }
        for d in a.after.iter().filter(|d| ctx.activity(&d.value).is_none()) {
            // The commonest slip: naming an activity by its title ("Oppstartsmøte") instead of its id.
            if let Some(i) = ctx.activity(&slug(&d.value)) {
                let id = &plan.activities[i].id.value;
                // The title of an activity, whose id it makes: sure.
                out.push(
                    RULE.finding(d.span, m::unknown(Thing::Activity, &d.value))
                        .label(m::none_has_this_id(Thing::Activity))
                        .help(m::write_the_id(id))
                        .fix(super::write_id_instead(d.span, id, Applicability::Safe)),
                );
                continue;
            }
            out.push(suggester.unknown(d, Thing::Activity, &activity_ids));
        }
    }
}

/// Suggestions for a bounded number of findings, so that a plan full of broken references stays fast.
struct Suggester {
    left: usize,
}

impl Suggester {
    fn unknown(&mut self, r: &Spanned<String>, kind: Thing, known: &[&str]) -> Finding {
        let near = if self.left > 0 {
            self.left -= 1;
            nearest(&r.value, known.iter().copied())
        } else {
            None
        };
        let help = match near {
            Some(s) => did_you_mean(s),
            None if known.is_empty() => m::check_the_id(kind),
            None if known.len() <= 8 => m::known_ids(kind, &quoted_list(known)),
            None => m::none_has_this_id(kind),
        };
        let finding = RULE.finding(r.span, m::unknown(kind, &r.value)).label(m::none_has_this_id(kind)).help(help);
        match near {
            Some(id) => finding.fix(super::write_id_instead(r.span, id, Applicability::Unsafe)),
            None => finding,
        }
    }
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/unknown-reference/`; here, the bounds on its
/// suggestions, on plans generated at the size of those bounds.
#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    /// A plan with `n` components c0, c1, … and an activity naming each of `refs` as a component.
    fn components(n: usize, refs: &[&str]) -> Vec<crate::diag::Finding> {
        let mut s = HEAD.to_string();
        for k in 0..n {
            s.push_str(&format!("\n[[component]]\nid = \"c{k}\"\nname = \"C{k}\"\n"));
        }
        let refs: Vec<String> = refs.iter().map(|r| format!("\"{r}\"")).collect();
        s.push_str(&format!(
            "\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\ncomponents = [{}]\n",
            refs.join(", ")
        ));
        run_rule(&RULE, &s)
    }

    #[test]
    fn suggestions_stop_after_the_first_few_hundred() {
        let refs = vec!["c00"; crate::suggest::MAX_SUGGESTIONS + 1];
        let f = components(1, &refs);
        assert_eq!(f.len(), refs.len());
        assert_eq!(f[crate::suggest::MAX_SUGGESTIONS - 1].help.as_ref().map(|t| t.en()), Some("did you mean 'c0'?"));
        assert_eq!(f[crate::suggest::MAX_SUGGESTIONS].help.as_ref().map(|t| t.en()), Some("known component ids: 'c0'"));
    }

    #[test]
    fn a_plan_with_very_many_activities_suggests_none() {
        // Past MAX_CANDIDATES activities a "did you mean" among them all would cost more than it helps.
        let n = crate::suggest::MAX_CANDIDATES + 1;
        let mut s = HEAD.to_string();
        for k in 0..n {
            s.push_str(&format!("\n[[activity]]\nid = \"a{k}\"\ntitle = \"A\"\nwhen = \"mars 2026\"\n"));
        }
        s.push_str("after = [\"a00\"]\n");
        let f = run_rule(&RULE, &s);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].help.as_ref().map(|t| t.en()),
            Some("check the activity's id; it must be written exactly as declared")
        );
        // One fewer, and a near one is suggested.
        let s = s.replacen("\n[[activity]]\nid = \"a0\"\ntitle = \"A\"\nwhen = \"mars 2026\"\n", "", 1);
        let help = run_rule(&RULE, &s)[0].help.as_ref().map(|t| t.en().to_owned()).unwrap_or_default();
        assert!(help.starts_with("did you mean 'a"), "{help}");
    }
}
