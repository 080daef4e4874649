//! `suspicious-text`: text that does not say what it seems to. A plan is a shared file, and a name with a
//! hidden character, or two names a reader cannot tell apart, lets one change pass review as another.

use super::{rule_doc, Ctx, Rule};
use crate::lang::Words;
use crate::diag::{Finding, RuleId, Severity, Span};
use crate::escape::describe_char;
use crate::model::HiddenText;
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::SuspiciousText,
    severity: Severity::Error,
    summary: Words::untranslated("Text with hidden characters, or names that differ only in letter case or look alike"),
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
    let what = if h.is_key { "this key" } else { "this text" };
    let place = if h.before.is_empty() { "at its start".to_string() } else { format!("after '{}'", h.before) };
    let more = match h.count {
        1 => String::new(),
        2 => " and 1 more".to_string(),
        n => format!(" and {} more", n - 1),
    };
    RULE.finding(h.span, format!("{what} holds {} {place}{more}, which a reader cannot see", describe_char(h.first)))
        .label("hidden character")
        .help(
            "retype it without: such characters come along when text is copied from the web or a document, or are \
             put there to make text look like other text",
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    RoleId,
    RoleName,
    Activity,
    Phase,
    Component,
    Goal,
    Requirement,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::RoleId => "role id",
            Kind::RoleName => "role name",
            Kind::Activity => "activity id",
            Kind::Phase => "phase id",
            Kind::Component => "component id",
            Kind::Goal => "goal id",
            Kind::Requirement => "requirement id",
        }
    }

    fn is_id(self) -> bool {
        self != Kind::RoleName
    }
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
        if f.owner == n.owner || (f.text == n.text && f.what.is_id() && n.what.is_id()) {
            continue;
        }
        out.push(twin(ctx, f, n));
    }
}

fn twin(ctx: &Ctx, first: &Name<'_>, second: &Name<'_>) -> Finding {
    let show = |n: &Name<'_>| match n.role {
        Some(r) => format!("{} '{}' (of role '{}')", n.what.describe(), n.text, ctx.plan.roles[r].id.value),
        None => format!("{} '{}'", n.what.describe(), n.text),
    };
    let (how, help) = if first.text == second.text {
        ("is the same as", "give each its own name, or merge them into one")
    } else if first.text.to_lowercase() == second.text.to_lowercase() {
        ("differs only in letter case from", "give each a name that differs in more than letter case, or merge them")
    } else {
        ("looks like, but is not,", "write it with the letters it seems to have, or give each a clearly different name")
    };
    let mut message = format!("{} {how} {}", show(second), show(first));
    if let Some((a, b)) = first_difference(second.text, first.text).filter(|_| !how.starts_with("differs")) {
        message.push_str(&format!(": {} where the other has {}", describe_char(a), describe_char(b)));
    }
    let roles = matches!(first.what, Kind::RoleId | Kind::RoleName);
    if roles && first.text.to_lowercase() == second.text.to_lowercase() {
        message.push_str(&format!("; owner = \"{}\" names only one of them", second.text.to_uppercase()));
    }
    RULE.finding(second.span, message)
        .label("a reader cannot tell these apart")
        .related(first.span, "the other one")
        .help(help)
}

/// The first pair of characters, in lower case, where two names differ.
fn first_difference(a: &str, b: &str) -> Option<(char, char)> {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.chars().zip(b.chars()).find(|(x, y)| x != y)
}
