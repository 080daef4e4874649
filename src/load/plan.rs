//! The document and its tables of one kind each: [plan], [agreement], [roles], [goal], [[component]].

use super::loader::{Loader, find};
use crate::diag::Span;
use crate::lang::Text;
use crate::messages::load as m;
use crate::model::*;
use crate::schema;
use toml::de::{DeTable, DeValue};

impl Loader<'_> {
    /// A table's `lang`: nb, nn or en, in any of the ways [`Lang::parse`] reads.
    pub(super) fn lang(&mut self, table: &DeTable<'_>) -> Option<Lang> {
        let l = self.string(table, "lang")?;
        let lang = Lang::parse(&l.value);
        if lang.is_none() {
            self.error(l.span, m::unknown_language(l.value.trim()), Some(m::language_help()));
        }
        lang
    }

    pub(super) fn document(&mut self, doc: &DeTable<'_>) -> Option<Plan> {
        self.scan_hidden(doc);
        self.check_keys(doc, &schema::keys(&schema::DOCUMENT), &m::a_plan_file());
        let lint = self.lint(doc);
        let calendar = self.calendar(doc);
        self.agreement = self.agreement_table(doc);
        let budget = self.budget(doc);
        let Some((p, header)) = self.table(doc, "plan") else {
            if find(doc, "plan").is_none() {
                self.error(Span::default(), m::no_plan_table(), Some(m::no_plan_table_help()));
            }
            return None;
        };
        let header = self.head(header);
        let what = Text::verbatim("[plan]");
        self.check_keys(p, &schema::keys(&schema::PLAN), &what);
        let title = self.req_string(p, "title", header, &what);
        if find(p, "start").is_none() {
            self.missing(p, header, "start", &what, "\"vår 2026\"");
        }
        if find(p, "end").is_none() {
            self.missing(p, header, "end", &what, "\"vår 2028\"");
        }
        let start = self.when(p, "start");
        let end = self.when(p, "end");
        if let (Some(s), Some(e)) = (&start, &end)
            && e.value.end < s.value.start
        {
            self.error(e.span, m::plan_ends_before_start(e.value.end, s.value.start), None);
        }
        let lang = self.lang(p);
        let org = self.string(p, "org").map(|s| s.value);
        let owner = self.string(p, "owner");
        let description = self.string(p, "description").map(|s| s.value);
        let steps = self.string_list(p, "steps");

        let roles = self.roles(doc);
        let (goal, subgoals) = self.goals(doc);
        let mut components = self.components(doc);
        self.resolve_steps(&mut components, &steps);
        let mut activities = Vec::new();
        let phases = self.phases(doc, &mut activities);
        for (t, span) in self.tables(doc, "activity", "[[activity]]") {
            if let Some(a) = self.activity(t, span, None) {
                activities.push(a);
            }
        }
        let requirements = self.requirements(doc);
        Some(Plan {
            title: title?,
            org,
            start: start?,
            end: end?,
            lang,
            owner,
            description,
            header,
            roles,
            goal,
            subgoals,
            components,
            steps,
            phases,
            activities,
            requirements,
            lint,
            calendar,
            agreement: self.agreement.clone(),
            budget,
            hidden: Vec::new(),
        })
    }

    /// `[agreement]`: start (default: the plan's), years (absent: open-ended), extendable.
    fn agreement_table(&mut self, doc: &DeTable<'_>) -> Option<Agreement> {
        let (t, span) = self.table(doc, "agreement")?;
        self.check_keys(t, &schema::keys(&schema::AGREEMENT), &Text::verbatim("[agreement]"));
        let start = match self.when(t, "start") {
            Some(s) => s,
            None => {
                let plan_start = find(doc, "plan")
                    .and_then(|(_, p)| p.get_ref().as_table().and_then(|p| find(p, "start")))
                    .and_then(|(_, v)| self.when_value("start", v, false));
                match plan_start {
                    Some(s) => s,
                    None => {
                        let head = self.head(span);
                        self.error(head, m::agreement_without_start(), None);
                        return None;
                    }
                }
            }
        };
        let years = self.integer(t, "years", &schema::AGREEMENT).map(|n| n as u32);
        let extendable = self.boolean(t, "extendable").unwrap_or(false);
        // Read for its type only: the notes are for people.
        self.string(t, "notes");
        Some(Agreement { start, years, extendable })
    }

    fn roles(&mut self, doc: &DeTable<'_>) -> Vec<Role> {
        let Some((t, _)) = self.table(doc, "roles") else { return Vec::new() };
        let mut roles = Vec::with_capacity(t.len());
        for (k, v) in t.iter() {
            let Some(id) = self.checked_id(Spanned::new(k.get_ref().to_string(), self.at(k))) else { continue };
            match v.get_ref() {
                DeValue::String(name) => {
                    roles.push(Role { id, name: name.to_string(), lead: None, members: Vec::new(), description: None })
                }
                DeValue::Table(r) => {
                    self.check_keys(r, &schema::keys(&schema::ROLE), &m::a_role());
                    let what = m::role_named(&id.value);
                    let span = id.span;
                    let name = self.req_string(r, "name", span, &what);
                    let lead = self.string(r, "lead");
                    let members = self.string_list(r, "members");
                    let description = self.string(r, "description").map(|s| s.value);
                    if let Some(name) = name {
                        roles.push(Role { id, name: name.value, lead, members, description });
                    }
                }
                _ => self.type_error(&id.value, v, &m::a_role_value()),
            }
        }
        roles
    }

    fn goals(&mut self, doc: &DeTable<'_>) -> (Option<Goal>, Vec<SubGoal>) {
        let Some((t, span)) = self.table(doc, "goal") else { return (None, Vec::new()) };
        let what = Text::verbatim("[goal]");
        self.check_keys(t, &schema::keys(&schema::GOAL), &what);
        let id = self.id(t, span, &what);
        let text = self.req_string(t, "text", span, &what);
        let goal = id.zip(text).map(|(id, text)| Goal { id, text: text.value });
        let mut subs = Vec::new();
        if let Some((s, _)) = self.table(t, "sub") {
            for (k, v) in s.iter() {
                let Some(id) = self.checked_id(Spanned::new(k.get_ref().to_string(), self.at(k))) else { continue };
                match v.get_ref() {
                    DeValue::String(text) => subs.push(SubGoal { id, text: text.to_string(), description: None }),
                    DeValue::Table(g) => {
                        self.check_keys(g, &schema::keys(&schema::SUB_GOAL), &m::a_sub_goal());
                        let what = m::sub_goal_named(&id.value);
                        let at = id.span;
                        if let Some(text) = self.req_string(g, "text", at, &what) {
                            let description = self.string(g, "description").map(|s| s.value);
                            subs.push(SubGoal { id, text: text.value, description });
                        }
                    }
                    _ => self.type_error(&id.value, v, &m::a_sub_goal_value()),
                }
            }
        }
        (goal, subs)
    }

    fn components(&mut self, doc: &DeTable<'_>) -> Vec<Component> {
        let mut out = Vec::new();
        for (t, span) in self.tables(doc, "component", "[[component]]") {
            self.check_keys(t, &schema::keys(&schema::COMPONENT), &m::a_component());
            let id = self.id(t, span, &m::a_component());
            let name = self.req_string(t, "name", span, &m::a_component());
            let summary = self.string(t, "summary").map(|s| s.value);
            let contents = self.string_list(t, "contents").into_iter().map(|s| s.value).collect();
            let step = self.spanned_integer(t, "step", &schema::COMPONENT);
            if let (Some(id), Some(name)) = (id, name) {
                out.push(Component { id, name: name.value, summary, contents, step });
            }
        }
        out
    }

    /// Each component's step, from its own `step` or from its place in `[plan] steps` (the first is step 1):
    /// the one place the two forms meet. A component listed twice, or whose own `step` is another number than
    /// its place, is an error; an id no component has is `unknown-reference`'s to report (with the nearest id),
    /// as for an activity's `components`.
    fn resolve_steps(&mut self, components: &mut [Component], steps: &[Spanned<String>]) {
        use std::collections::hash_map::{Entry, HashMap};
        let mut listed: HashMap<&str, Spanned<u32>> = HashMap::with_capacity(steps.len());
        for (n, s) in steps.iter().enumerate() {
            let step = Spanned::new(u32::try_from(n + 1).unwrap_or(u32::MAX), s.span);
            match listed.entry(s.value.as_str()) {
                Entry::Occupied(first) => {
                    let message = m::listed_twice_in_steps(&s.value, first.get().value, step.value);
                    self.error(s.span, message, Some(m::listed_twice_help()));
                }
                Entry::Vacant(e) => {
                    e.insert(step);
                }
            }
        }
        for c in components {
            let Some(place) = listed.get(c.id.value.as_str()) else { continue };
            match &c.step {
                Some(own) if own.value != place.value => {
                    let message = m::step_disagrees(&c.id.value, own.value, place.value);
                    self.error(own.span, message, Some(m::step_disagrees_help()));
                }
                Some(_) => {}
                None => c.step = Some(place.clone()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::testing::{HEAD, errors, loads};

    #[test]
    fn a_plan_may_last_one_day_but_not_end_before_it_starts() {
        let plan = |start: &str, end: &str| format!("[plan]\ntitle = \"T\"\nstart = \"{start}\"\nend = \"{end}\"\n");
        assert_eq!(errors(&plan("2026-03-02", "2026-03-02")), []);
        let found = errors(&plan("2026-03-02", "2026-03-01"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "the plan ends (2026-03-01) before it starts (2026-03-02)");
    }

    #[test]
    fn an_agreement_says_whether_it_can_be_extended() {
        let agreement = |extendable: &str| {
            let text = format!("{HEAD}[agreement]\nstart = \"2026-01\"\nyears = 2\n{extendable}");
            loads(&text).agreement.expect("an agreement").extendable
        };
        assert!(agreement("extendable = true\n"));
        assert!(!agreement("extendable = false\n"));
        assert!(!agreement(""));
        assert_eq!(errors(&format!("{HEAD}[agreement]\nextendable = \"ja\"\n")).len(), 1);
    }

    /// A plan with components a, b, c (each with `own` as its extra lines) and `[plan] steps` if given.
    fn with_steps(steps: &str, own: [&str; 3]) -> String {
        let mut s = format!("[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n{steps}\n");
        for (id, extra) in ["a", "b", "c"].iter().zip(own) {
            s.push_str(&format!("[[component]]\nid = \"{id}\"\nname = \"{id}\"\n{extra}\n"));
        }
        s
    }

    fn steps_of(text: &str) -> Vec<Option<(u32, usize)>> {
        let plan = loads(text);
        plan.components.iter().map(|c| c.step.as_ref().map(|s| (s.value, s.span.start))).collect()
    }

    #[test]
    fn a_step_comes_from_the_component_or_from_its_place_in_steps() {
        let listed = with_steps("steps = [\"c\", \"a\"]", ["", "", ""]);
        let at = |needle: &str| listed.find(needle).unwrap();
        // Each listed one points at its entry in the list; b is no step.
        assert_eq!(steps_of(&listed), [Some((2, at("\"a\"]"))), None, Some((1, at("\"c\",")))]);
        let own = with_steps("", ["step = 2", "step = 2", "step = 1"]);
        let got: Vec<Option<u32>> = steps_of(&own).into_iter().map(|s| s.map(|(n, _)| n)).collect();
        assert_eq!(got, [Some(2), Some(2), Some(1)], "two components may share a step");
        // Both forms, agreeing, or mixed: fine.
        let both = with_steps("steps = [\"a\", \"b\"]", ["step = 1", "", "step = 3"]);
        let got: Vec<Option<u32>> = steps_of(&both).into_iter().map(|s| s.map(|(n, _)| n)).collect();
        assert_eq!(got, [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn a_step_said_twice_differently_or_out_of_bounds_is_an_error() {
        let twice = errors(&with_steps("steps = [\"a\", \"b\", \"a\"]", ["", "", ""]));
        assert_eq!(twice.len(), 1, "{twice:?}");
        assert_eq!((twice[0].0, twice[0].1.as_str()), (5, "'a' is listed twice in steps, as step 1 and step 3"));
        let differs = errors(&with_steps("steps = [\"a\", \"b\"]", ["", "step = 3", ""]));
        assert_eq!(differs.len(), 1, "{differs:?}");
        assert_eq!(differs[0].1, "component 'b' has step = 3, but steps lists it as step 2");
        assert_eq!(differs[0].0, 13, "points at the component's own step");
        for bad in ["step = 0", "step = -1", "step = 101"] {
            let e = errors(&with_steps("", [bad, "", ""]));
            assert_eq!(e.iter().map(|e| e.1.as_str()).collect::<Vec<_>>(), ["'step' must be between 1 and 100"]);
        }
        // An id no component has loads: unknown-reference reports it, with the nearest id.
        assert_eq!(loads(&with_steps("steps = [\"a\", \"x\"]", ["", "", ""])).steps.len(), 2);
    }

    #[test]
    fn missing_plan_and_required_keys() {
        assert_eq!(errors("")[0].1, "this file has no [plan] table");
        assert_eq!(
            errors("[plan]\ntitle = \"T\"\n").iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
            ["[plan] has no 'start'", "[plan] has no 'end'"]
        );
        let e = errors(&format!("{HEAD}[[activity]]\ntitle = \"A\"\n"));
        assert_eq!(e[0].1, "activity 'A' has no 'when'");
        assert_eq!(e[0].0, 5, "points at the [[activity]] header");
    }
}
