use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity};
use crate::model::Spanned;
use crate::suggest::{MAX_SUGGESTIONS, nearest};

pub const RULE: Rule = Rule {
    id: RuleId::UnknownRole,
    severity: Severity::Error,
    summary: Words::untranslated("A responsible role, lead or member that is not declared under [roles]"),
    doc: rule_doc!("unknown-role"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let mut refs: Vec<(&Spanned<String>, &str)> = Vec::new();
    if let Some(o) = &plan.owner {
        refs.push((o, "the plan's owner"));
    }
    for r in &plan.roles {
        refs.extend(r.lead.iter().map(|l| (l, "a role's lead")));
        refs.extend(r.members.iter().map(|m| (m, "a member of a role")));
    }
    for a in &plan.activities {
        refs.extend(a.owners.iter().map(|o| (o, "responsible for an activity")));
        refs.extend(a.participants.iter().map(|o| (o, "taking part in an activity")));
    }
    for q in &plan.requirements {
        refs.extend(q.owner.iter().map(|o| (o, "the owner of a recurring requirement")));
        refs.extend(q.participants.iter().map(|o| (o, "required to take part by a requirement")));
    }
    let mut suggested = 0;
    for (r, place) in refs {
        if ctx.role(&r.value).is_some() {
            continue;
        }
        let candidates = plan.roles.iter().flat_map(|x| [x.id.value.as_str(), x.name.as_str()]);
        suggested += 1;
        let near = if suggested <= MAX_SUGGESTIONS { nearest(&r.value, candidates) } else { None };
        let help = match near {
            Some(s) => format!("did you mean '{s}'?"),
            None => {
                // A reference written as an id ("jurist") still deserves a capitalised display name.
                let mut name = r.value.clone();
                if let Some(first) = name.chars().next().filter(|c| c.is_lowercase()) {
                    name.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
                }
                match crate::model::slug(&r.value) {
                    // Nothing of the name can be an id (emoji, punctuation): say what an id is made of.
                    id if id.is_empty() => format!(
                        "declare it under [roles] with an id of letters, digits and '-', for example: rolle = \"{name}\""
                    ),
                    id => format!("declare it under [roles], for example: {id} = \"{name}\""),
                }
            }
        };
        out.push(
            RULE.finding(r.span, format!("unknown role '{}'", r.value))
                .label(format!("{place}, but not declared under [roles]"))
                .help(help),
        );
    }
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
        assert_eq!(f[super::MAX_SUGGESTIONS - 1].help.as_ref().map(|t| t.en()).as_deref(), Some("did you mean 'pl'?"));
        assert_eq!(
            f[super::MAX_SUGGESTIONS].help.as_ref().map(|t| t.en()).as_deref(),
            Some("declare it under [roles], for example: pk = \"Pk\"")
        );
    }
}
