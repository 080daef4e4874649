//! What the requirement rules share: the span a requirement applies in, and the activities that keep it.

use super::{Ctx, Rule};
use crate::diag::{Finding, Span};
use crate::lang::Text;
use crate::messages::rules::requirements as m;
use crate::model::{Activity, Requirement};
use crate::plan_index::PlanIndex;
use crate::when::{format_month_index, month_index};

/// The months (as indexes) a requirement applies in: `from`..`until`, clamped to the plan. `from`/`until`
/// outside the plan, or crossing, are reported under `rule` (each rule reports its own requirements).
pub(crate) fn scope(
    ctx: &Ctx,
    req: &Requirement,
    rule: &Rule,
    span: Span,
    out: &mut Vec<Finding>,
) -> Option<(i64, i64)> {
    let plan = ctx.plan;
    let (plan_from, plan_until) = (month_index(plan.start.value.start), month_index(plan.end.value.end));
    let period = format!("{} – {}", format_month_index(plan_from), format_month_index(plan_until));
    if let Some(f) = req.from.as_ref().filter(|f| month_index(f.value.start) < plan_from) {
        out.push(outside(rule, f.span, m::starts_before_the_plan(&req.title, &period)));
    }
    if let Some(u) = req.until.as_ref().filter(|u| month_index(u.value.end) > plan_until) {
        out.push(outside(rule, u.span, m::ends_after_the_plan(&req.title, &period)));
    }
    let from = month_index(req.from.as_ref().map_or(plan.start.value.start, |f| f.value.start)).max(plan_from);
    let until = month_index(req.until.as_ref().map_or(plan.end.value.end, |u| u.value.end)).min(plan_until);
    if until < from {
        let at = req.from.as_ref().map_or(span, |f| f.span);
        out.push(
            rule.finding(
                at,
                m::ends_before_it_starts(&req.title, &format_month_index(from), &format_month_index(until)),
            )
            .help(m::correct_from_or_until()),
        );
        return None;
    }
    Some((from, until))
}

fn outside(rule: &Rule, span: Span, message: Text) -> Finding {
    rule.finding(span, message).label(m::outside_the_plan_period()).help(m::checked_within_the_plan())
}

/// What keeps a requirement, with its owner looked up once: an activity that is not cancelled, of the
/// requirement's kind (or tagged so), and owned by its owner when it names one — by the same role, or by the
/// same name when no role has it. The one place that says so: the rules, `implan status` and the årshjul ask
/// here.
pub(crate) struct Keeping<'a> {
    kind: &'a str,
    /// The owner's role, or `None` with its name when no role has it.
    owner: Option<(Option<usize>, &'a str)>,
}

impl<'a> Keeping<'a> {
    pub fn new(ctx: &PlanIndex, req: &'a Requirement) -> Keeping<'a> {
        let owner = req.owner.as_ref().map(|o| (ctx.role(&o.value), o.value.as_str()));
        Keeping { kind: &req.kind.value, owner }
    }

    pub(crate) fn kept_by(&self, ctx: &PlanIndex, a: &Activity) -> bool {
        !a.is_cancelled()
            && a.has_word(self.kind)
            && match self.owner {
                None => true,
                Some((Some(role), _)) => a.owners.iter().any(|o| ctx.role(&o.value) == Some(role)),
                Some((None, name)) => a.owners.iter().any(|o| o.value == name),
            }
    }
}

/// The activities that keep a requirement ([`Keeping`]), by index.
pub(crate) fn activities_keeping<'a>(ctx: &'a PlanIndex, req: &'a Requirement) -> impl Iterator<Item = usize> + 'a {
    let keeping = Keeping::new(ctx, req);
    ctx.plan.activities.iter().enumerate().filter_map(move |(i, a)| keeping.kept_by(ctx, a).then_some(i))
}

/// The start months of the matching activities inside `from..=until`, sorted.
pub(crate) fn months_of(ctx: &PlanIndex, req: &Requirement, from: i64, until: i64) -> Vec<i64> {
    let acts = &ctx.plan.activities;
    let mut months: Vec<i64> = activities_keeping(ctx, req)
        .map(|i| month_index(acts[i].when.value.start))
        .filter(|m| (from..=until).contains(m))
        .collect();
    months.sort_unstable();
    months
}

/// "activities with kind = \"evaluering\" owned by 'styringsgruppe'", for help texts.
pub(crate) fn matching(req: &Requirement) -> Text {
    m::matching(&req.kind.value, req.owner.as_ref().map(|o| o.value.as_str()))
}

/// What each activity costs: its own `cost`, plus the `cost` of every requirement it keeps. Cancelled activities
/// cost nothing.
pub(crate) fn activity_costs(ctx: &PlanIndex) -> Vec<u64> {
    let acts = &ctx.plan.activities;
    let mut costs: Vec<u64> = acts
        .iter()
        .map(|a| {
            if a.is_cancelled() {
                0
            } else {
                a.cost.as_ref().map_or(0, |c| c.for_activity(a.places.as_ref().map(|p| p.value)))
            }
        })
        .collect();
    for req in ctx.plan.requirements.iter() {
        if let Some(c) = &req.cost {
            for i in activities_keeping(ctx, req) {
                costs[i] = costs[i].saturating_add(c.for_activity(acts[i].places.as_ref().map(|p| p.value)));
            }
        }
    }
    costs
}

/// What a requirement asks, on whole plans, is in the fixtures of the rules that check it
/// (`tests/fixtures/rules/cadence/` and the others); here, which activities keep one.
#[cfg(test)]
mod tests {
    use crate::rules::testing::requirement_plan as plan;

    /// Which of the activities keep the plan's requirement `r` (owner `owner` when given), by title.
    fn kept(owner: Option<&str>, extra: &str) -> Vec<String> {
        let owner = owner.map(|o| format!("owner = \"{o}\"")).unwrap_or_default();
        let acts = [("mars 2026", "sg"), ("april 2026", "Styringsgruppe"), ("mai 2026", "pl"), ("juni 2026", "x")];
        let text = format!("{}{extra}", plan(&format!("every = \"år\"\n{owner}"), &acts));
        let source = crate::source::Source::new("t.toml", &text);
        let plan = crate::load::load(&source).unwrap();
        let ctx = crate::rules::Ctx::new(&plan, &source);
        super::activities_keeping(&ctx, &plan.requirements[0]).map(|i| plan.activities[i].title.value.clone()).collect()
    }

    #[test]
    fn an_activity_keeps_a_requirement_by_kind_owner_and_status() {
        assert_eq!(kept(None, ""), ["A0", "A1", "A2", "A3"]);
        // The owner as the role's id or its name is the same role; a name no role has matches only itself.
        assert_eq!(kept(Some("sg"), ""), ["A0", "A1"]);
        assert_eq!(kept(Some("styringsgruppe"), ""), ["A0", "A1"]);
        assert_eq!(kept(Some("x"), ""), ["A3"]);
        assert_eq!(kept(Some("y"), ""), Vec::<String>::new());
        // A tag of the kind counts; another kind does not; a cancelled activity keeps nothing.
        let tagged = "\n[[activity]]\ntitle = \"T\"\nwhen = \"juli 2026\"\nowner = \"sg\"\ntags = [\"evaluering\"]\n";
        let other = "\n[[activity]]\ntitle = \"O\"\nwhen = \"juli 2026\"\nowner = \"sg\"\nkind = \"møte\"\n";
        let cancelled = "\n[[activity]]\ntitle = \"C\"\nwhen = \"juli 2026\"\nowner = \"sg\"\nkind = \"evaluering\"\nstatus = \"cancelled\"\n";
        assert_eq!(kept(Some("sg"), &format!("{tagged}{other}{cancelled}")), ["A0", "A1", "T"]);
    }
}
