//! `suspicious-text`: text that does not say what it seems to. A plan is a shared file, and a name with a
//! hidden character, or two names a reader cannot tell apart, lets one change pass review as another.

use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity, Span};
use crate::escape::describe_char;
use crate::messages::rules::suspicious_text::{self as m, Kind, Twin};
use crate::model::HiddenText;
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::SuspiciousText,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("suspicious-text"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for h in &ctx.plan.hidden {
        out.push(hidden(h));
    }
    let plan = ctx.plan;
    // Roles are looked up by id or by name, in any letter case: all of them are one set of names.
    let mut roles = Vec::with_capacity(plan.roles.len() * 2);
    for (i, r) in plan.roles.iter().enumerate() {
        roles.push(Name { text: &r.id.value, owner: i, span: r.id.span, what: Kind::RoleId, role: None });
        roles.push(Name { text: &r.name, owner: i, span: r.id.span, what: Kind::RoleName, role: Some(i) });
    }
    twins(ctx, roles, out);
    twins(ctx, ids(Kind::Activity, plan.activities.iter().map(|a| &a.id).collect()), out);
    twins(ctx, ids(Kind::Phase, plan.phases.iter().map(|p| &p.id).collect()), out);
    twins(ctx, ids(Kind::Component, plan.components.iter().map(|c| &c.id).collect()), out);
    let goals = plan.goal.iter().map(|g| &g.id).chain(plan.subgoals.iter().map(|g| &g.id)).collect();
    twins(ctx, ids(Kind::Goal, goals), out);
    twins(ctx, ids(Kind::Requirement, plan.requirements.iter().map(|r| &r.id).collect()), out);
}

/// Ids of one kind, each naming its own thing.
fn ids<'a>(what: Kind, list: Vec<&'a crate::model::Spanned<String>>) -> Vec<Name<'a>> {
    let names = list.into_iter().enumerate();
    names.map(|(i, id)| Name { text: &id.value, owner: i, span: id.span, what, role: None }).collect()
}

fn hidden(h: &HiddenText) -> Finding {
    RULE.finding(h.span, m::hidden(h.is_key, &describe_char(h.first), &h.before, h.count))
        .label(m::hidden_character())
        .help(m::retype_it())
}

/// Whether a kind of name is an id (which `duplicate-id` checks for equal ones).
fn is_id(kind: Kind) -> bool {
    kind != Kind::RoleName
}

/// A name something is found by.
struct Name<'a> {
    text: &'a str,
    /// Which thing it names: two names of one role are not twins.
    owner: usize,
    span: Span,
    what: Kind,
    /// For a role's name, the role (its id says which one).
    role: Option<usize>,
}

/// Names of different things that a reader cannot tell apart: the same in any letter case, or, where any of them
/// is not plain ASCII, the same to the eye (Unicode's confusable skeletons, as rustc's `confusable_idents`). Two
/// equal ids are `duplicate-id`'s.
fn twins(ctx: &Ctx, names: Vec<Name<'_>>, out: &mut Vec<Finding>) {
    let unicode = names.iter().any(|n| !n.text.is_ascii());
    let key = |s: &str| -> String {
        if unicode { unicode_security::skeleton(&s.to_lowercase()).collect() } else { s.to_ascii_lowercase() }
    };
    let mut first: HashMap<String, usize> = HashMap::with_capacity(names.len());
    for (i, n) in names.iter().enumerate() {
        let f = match first.entry(key(n.text)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
                continue;
            }
            std::collections::hash_map::Entry::Occupied(o) => &names[*o.get()],
        };
        if f.owner == n.owner || (f.text == n.text && is_id(f.what) && is_id(n.what)) {
            continue;
        }
        out.push(twin(ctx, f, n));
    }
}

fn twin(ctx: &Ctx, first: &Name<'_>, second: &Name<'_>) -> Finding {
    let show = |n: &Name<'_>| m::name(n.what, n.text, n.role.map(|r| ctx.plan.roles[r].id.value.as_str()));
    let same_but_case = first.text.to_lowercase() == second.text.to_lowercase();
    let how = if first.text == second.text {
        Twin::Same
    } else if same_but_case {
        Twin::Case
    } else {
        Twin::LooksLike
    };
    let differ = first_difference(second.text, first.text)
        .filter(|_| how != Twin::Case)
        .map(|(a, b)| (describe_char(a), describe_char(b)));
    let roles = matches!(first.what, Kind::RoleId | Kind::RoleName);
    let owner = (roles && same_but_case).then(|| second.text.to_uppercase());
    let message = m::twins(
        &show(second),
        how,
        &show(first),
        differ.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
        owner.as_deref(),
    );
    RULE.finding(second.span, message)
        .label(m::cannot_tell_apart())
        .related(first.span, m::the_other_one())
        .help(m::tell_them_apart(how))
}

/// The first pair of characters, in lower case, where two names differ.
fn first_difference(a: &str, b: &str) -> Option<(char, char)> {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.chars().zip(b.chars()).find(|(x, y)| x != y)
}
