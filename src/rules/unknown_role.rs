use super::{Ctx, Rule, rule_doc};
use crate::diag::Applicability;
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::did_you_mean;
use crate::messages::rules::unknown_role::{self as m, Place};
use crate::model::Spanned;
use crate::suggest::{MAX_SUGGESTIONS, nearest};

pub const RULE: Rule = Rule {
    id: RuleId::UnknownRole,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("unknown-role"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let mut refs: Vec<(&Spanned<String>, Place)> = Vec::new();
    if let Some(o) = &plan.owner {
        refs.push((o, Place::PlanOwner));
    }
    for r in &plan.roles {
        refs.extend(r.lead.iter().map(|l| (l, Place::Lead)));
        refs.extend(r.members.iter().map(|m| (m, Place::Member)));
    }
    for a in &plan.activities {
        refs.extend(a.owners.iter().map(|o| (o, Place::ActivityOwner)));
        refs.extend(a.participants.iter().map(|o| (o, Place::Participant)));
    }
    for q in &plan.requirements {
        refs.extend(q.owner.iter().map(|o| (o, Place::RequirementOwner)));
        refs.extend(q.participants.iter().map(|o| (o, Place::RequiredParticipant)));
    }
    let mut suggested = 0;
    for (r, place) in refs {
        if ctx.role(&r.value).is_some() {
            continue;
        }
        suggested += 1;
        let near = if suggested <= MAX_SUGGESTIONS { nearest_id(plan, &r.value) } else { None };
        let help = match near {
            Some(id) => did_you_mean(id),
            None => {
                // A reference written as an id ("jurist") still deserves a capitalised display name.
                let mut name = r.value.clone();
                if let Some(first) = name.chars().next().filter(|c| c.is_lowercase()) {
                    name.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
                }
                match crate::model::slug(&r.value) {
                    // Nothing of the name can be an id (emoji, punctuation): say what an id is made of.
                    id if id.is_empty() => m::declare_with_an_id(&name),
                    id => m::declare(&id, &name),
                }
            }
        };
        let finding = RULE.finding(r.span, m::unknown(&r.value)).label(m::not_declared(place)).help(help);
        // The nearest role is a guess: applied only when asked for.
        out.push(match near {
            Some(id) => finding.fix(super::write_id_instead(r.span, id, Applicability::Unsafe)),
            None => finding,
        });
    }
}

/// The id of the declared role nearest to `word`, by id or by display name. A name that is nearest still gives
/// the role's id: owner fields take ids, and a display name may have changed since the plan named it.
fn nearest_id<'a>(plan: &'a crate::model::Plan, word: &str) -> Option<&'a str> {
    let candidates = plan.roles.iter().flat_map(|x| [x.id.value.as_str(), x.name.as_str()]);
    let near = nearest(word, candidates)?;
    // The candidate is borrowed from its role: find that role by address (it is among the first looked at).
    let role =
        plan.roles.iter().find(|x| std::ptr::eq(x.id.value.as_str(), near) || std::ptr::eq(x.name.as_str(), near));
    Some(role.map_or(near, |x| x.id.value.as_str()))
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/unknown-role/`; here, the bound on its
/// suggestions, on a plan generated at the size of that bound.
#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    #[test]
    fn suggestions_stop_after_the_first_few_hundred() {
        let owners: Vec<String> = (0..=super::MAX_SUGGESTIONS).map(|_| "\"pk\"".to_string()).collect();
        let plan =
            format!("{HEAD}\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = [{}]\n", owners.join(", "));
        let f = run_rule(&RULE, &plan);
        assert_eq!(f.len(), super::MAX_SUGGESTIONS + 1);
        assert_eq!(f[super::MAX_SUGGESTIONS - 1].help.as_ref().map(|t| t.en()), Some("did you mean 'pl'?"));
        assert_eq!(
            f[super::MAX_SUGGESTIONS].help.as_ref().map(|t| t.en()),
            Some("declare it under [roles], for example: pk = \"Pk\"")
        );
    }
}
