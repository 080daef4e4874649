//! `suspicious-text`: text that does not say what it seems to. A plan is a shared file, and a name with a
//! hidden character, or two names a reader cannot tell apart, lets one change pass review as another.

use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity, Span};
use crate::escape::describe_char;
use crate::model::HiddenText;
use foldhash::{HashMap, HashMapExt};

pub const RULE: Rule = Rule {
    id: RuleId::SuspiciousText,
    severity: Severity::Error,
    summary: "Text with hidden characters, or names that differ only in letter case or look alike",
    doc: include_str!("docs/suspicious-text.md"),
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
        roles.push(Name { text: &r.id.value, owner: i, span: r.id.span.clone(), what: Kind::RoleId, role: None });
        roles.push(Name { text: &r.name, owner: i, span: r.id.span.clone(), what: Kind::RoleName, role: Some(i) });
    }
    twins(ctx, roles, out);
    twins(ctx, ids(Kind::Activity, plan.activities.iter().map(|a| &a.id).collect()), out);
    twins(ctx, ids(Kind::Phase, plan.phases.iter().map(|p| &p.id).collect()), out);
    twins(ctx, ids(Kind::Component, plan.components.iter().map(|c| &c.id).collect()), out);
    let goals = plan.goal.iter().map(|g| &g.id).chain(plan.subgoals.iter().map(|g| &g.id)).collect();
    twins(ctx, ids(Kind::Goal, goals), out);
    twins(ctx, ids(Kind::Requirement, plan.recurring.iter().map(|r| &r.id).collect()), out);
}

/// Ids of one kind, each naming its own thing.
fn ids<'a>(what: Kind, list: Vec<&'a crate::model::Spanned<String>>) -> Vec<Name<'a>> {
    let names = list.into_iter().enumerate();
    names.map(|(i, id)| Name { text: &id.value, owner: i, span: id.span.clone(), what, role: None }).collect()
}

fn hidden(h: &HiddenText) -> Finding {
    let what = if h.is_key { "this key" } else { "this text" };
    let place = if h.before.is_empty() { "at its start".to_string() } else { format!("after '{}'", h.before) };
    let more = match h.count {
        1 => String::new(),
        2 => " and 1 more".to_string(),
        n => format!(" and {} more", n - 1),
    };
    RULE.finding(
        h.span.clone(),
        format!("{what} holds {} {place}{more}, which a reader cannot see", describe_char(h.first)),
    )
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
    RULE.finding(second.span.clone(), message)
        .label("a reader cannot tell these apart")
        .related(first.span.clone(), "the other one")
        .help(help)
}

/// The first pair of characters, in lower case, where two names differ.
fn first_difference(a: &str, b: &str) -> Option<(char, char)> {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.chars().zip(b.chars()).find(|(x, y)| x != y)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::run_rule;

    const HEAD: &str = "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n";

    fn plan(roles: &str, acts: &str) -> String {
        format!("{HEAD}\n[roles]\n{roles}\n{acts}")
    }

    #[test]
    fn fires_on_hidden_characters_in_values_and_keys() {
        let text = plan(
            "pl = \"Prosjekt\\u200Bleder\"\nrektorer = { name = \"Rektorer\", description = \"abc\\u202Efed\" }",
            "[[activity]]\ntitle = \"Møte\\u001b]0;x\\u0007\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n",
        );
        let f = run_rule(&RULE, &text);
        let messages: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this text holds U+200B ZERO WIDTH SPACE after 'Prosjekt', which a reader cannot see",
                "this text holds U+202E RIGHT-TO-LEFT OVERRIDE after 'abc', which a reader cannot see",
                "this text holds U+001B ESCAPE after 'Møte' and 1 more, which a reader cannot see",
            ]
        );
        let src = crate::source::Source::new("t.toml", text.as_str());
        assert_eq!(src.line_col(f[0].span.clone().unwrap().start).line, 7);
    }

    #[test]
    fn notes_may_have_lines_but_titles_may_not() {
        let acts = "[[activity]]\ntitle = \"Møte\"\nwhen = \"mars 2026\"\nowner = \"pl\"\nnotes = \"\"\"\nlinje 1\r\n\tlinje 2\n\"\"\"\n";
        assert!(run_rule(&RULE, &plan("pl = \"Prosjektleder\"", acts)).is_empty());
        let acts = "[[activity]]\ntitle = \"mobbesak\\rAVLYST\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n";
        let f = run_rule(&RULE, &plan("pl = \"Prosjektleder\"", acts));
        assert_eq!(f[0].message, "this text holds U+000D CARRIAGE RETURN after 'mobbesak', which a reader cannot see");
        let acts = "[[activity]]\ntitle = \"M\"\nwhen = \"mars 2026\"\nowner = \"pl\"\nnotes = \"a\\rb\"\n";
        assert_eq!(run_rule(&RULE, &plan("pl = \"Prosjektleder\"", acts)).len(), 1, "a lone CR is not a line break");
    }

    #[test]
    fn fires_on_roles_that_differ_only_in_case() {
        let f = run_rule(&RULE, &plan("rektorer = \"Rektorer\"\nRektorer = \"Rektorer ved skolene\"", ""));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "role id 'Rektorer' differs only in letter case from role id 'rektorer'; owner = \"REKTORER\" names only \
             one of them"
        );
        let f = run_rule(&RULE, &plan("a = \"Rektorer\"\nb = \"rektorer\"", ""));
        assert_eq!(
            f[0].message,
            "role name 'rektorer' (of role 'b') differs only in letter case from role name 'Rektorer' (of role 'a'); \
             owner = \"REKTORER\" names only one of them"
        );
        let f = run_rule(&RULE, &plan("a = \"Rektorer\"\nb = \"Rektorer\"", ""));
        assert!(f[0].message.starts_with("role name 'Rektorer' (of role 'b') is the same as role name 'Rektorer'"));
    }

    #[test]
    fn fires_on_look_alike_ids() {
        // The second 'е' is Cyrillic.
        let f = run_rule(&RULE, &plan("rektorer = \"Rektorer\"\n\"rеktorer\" = \"Skoleledere\"", ""));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "role id 'rеktorer' looks like, but is not, role id 'rektorer': U+0435 where the other has U+0065"
        );
        let acts = "[[activity]]\nid = \"oppstart\"\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n\n\
                    [[activity]]\nid = \"оppstart\"\ntitle = \"B\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n";
        let f = run_rule(&RULE, &plan("pl = \"Prosjektleder\"", acts));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("activity id 'оppstart' looks like, but is not, activity id 'oppstart'"));
    }

    #[test]
    fn quiet_on_ordinary_plans() {
        let roles = "rektorer = \"Rektorer\"\nrektor = \"Rektor\"\nstyrere = { name = \"Styrere\" }\n\
                     kommunikasjonsradgiver = \"Kommunikasjonsrådgiver\"\nfau = \"FAU\"";
        let acts = "[[activity]]\ntitle = \"Foreldremøte 👩\u{200d}🏫 ❤\u{fe0f}\"\nwhen = \"mars 2026\"\nowner = \"rektorer\"\n\n\
                    [[activity]]\ntitle = \"Oppstart\"\nwhen = \"mars 2026\"\nowner = \"fau\"\n\n\
                    [[activity]]\nid = \"oppstart-2\"\ntitle = \"Oppstart\"\nwhen = \"mai 2026\"\nowner = \"fau\"\n";
        assert_eq!(run_rule(&RULE, &plan(roles, acts)), vec![]);
        // Plain ASCII names are compared by letter case only, as rustc does: "rn" and "m" are for fonts to tell
        // apart.
        let acts = "[[activity]]\nid = \"modell\"\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"fau\"\n\n\
                    [[activity]]\nid = \"rnodell\"\ntitle = \"B\"\nwhen = \"mai 2026\"\nowner = \"fau\"\n";
        assert_eq!(run_rule(&RULE, &plan("fau = \"FAU\"", acts)), vec![]);
        // The same id twice is duplicate-id's; a role named as its id is one role.
        let acts = "[[activity]]\nid = \"a\"\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"fau\"\n\n\
                    [[activity]]\nid = \"a\"\ntitle = \"B\"\nwhen = \"mai 2026\"\nowner = \"fau\"\n";
        assert_eq!(run_rule(&RULE, &plan("fau = \"FAU\"", acts)), vec![]);
    }
}
