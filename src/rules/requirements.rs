//! What the requirement rules share: the span a requirement applies in, and the activities that keep it.

use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Span};
use crate::lang::Text;
use crate::messages::rules::requirements as m;
use crate::model::{Activity, Cadence, Requirement};
use crate::plan_index::PlanIndex;
use crate::when::{format_month_index, month_index};
use chrono::NaiveDate;

/// The months (as indexes) a requirement applies in: `from`..`until`, clamped to the plan; `None` when the two
/// cross. A `from` before the plan, an `until` after it, or the two crossing, are reported once per
/// requirement, by the rule [`reporting_rule`] names; every requirement rule asks here before it checks.
pub(crate) fn scope(
    ctx: &Ctx,
    req: &Requirement,
    rule: &Rule,
    span: Span,
    out: &mut Vec<Finding>,
) -> Option<(i64, i64)> {
    let plan = ctx.plan;
    let reports = reporting_rule(req) == Some(rule.id);
    let (plan_from, plan_until) = (month_index(plan.start.value.start), month_index(plan.end.value.end));
    let period = format!("{} – {}", format_month_index(plan_from), format_month_index(plan_until));
    if let Some(f) = req.from.as_ref().filter(|f| reports && month_index(f.value.start) < plan_from) {
        out.push(outside(rule, f.span, m::starts_before_the_plan(&req.title, &period)));
    }
    if let Some(u) = req.until.as_ref().filter(|u| reports && month_index(u.value.end) > plan_until) {
        out.push(outside(rule, u.span, m::ends_after_the_plan(&req.title, &period)));
    }
    let from = month_index(req.from.as_ref().map_or(plan.start.value.start, |f| f.value.start)).max(plan_from);
    let until = month_index(req.until.as_ref().map_or(plan.end.value.end, |u| u.value.end)).min(plan_until);
    if until < from {
        if reports {
            let at = req.from.as_ref().map_or(span, |f| f.span);
            out.push(
                rule.finding(
                    at,
                    m::ends_before_it_starts(&req.title, &format_month_index(from), &format_month_index(until)),
                )
                .help(m::correct_from_or_until()),
            );
        }
        return None;
    }
    Some((from, until))
}

/// Where a window of months (1–12) starts and how many months it spans: after the longest run of months it
/// lacks, so that a round over New Year (October, November, December, January) starts in October. An empty
/// window is the whole year from January.
pub(crate) fn window_start_and_len(months: &[u32]) -> (u32, u32) {
    let mut sorted: Vec<u32> = months.iter().copied().filter(|m| (1..=12).contains(m)).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let (Some(&lowest), Some(&highest)) = (sorted.first(), sorted.last()) else { return (1, 12) };
    // The gap after each month to the next one held, going round the year.
    let mut best = (highest, lowest + 12 - highest);
    for pair in sorted.windows(2) {
        if pair[1] - pair[0] > best.1 {
            best = (pair[0], pair[1] - pair[0]);
        }
    }
    let (before_gap, gap) = best;
    let first = (before_gap + gap - 1) % 12 + 1;
    (first, 12 - gap + 1)
}

/// Runs a requirement rule's `check` on every requirement of the plan, and makes what it finds about an
/// advisory requirement a warning: a recommendation the plan does not follow is worth a look, not a broken
/// agreement. The one place that says so; every requirement rule goes through here.
pub(crate) fn each_requirement<'a>(
    ctx: &Ctx<'a>,
    out: &mut Vec<Finding>,
    mut check: impl FnMut(&'a Requirement, &mut Vec<Finding>),
) {
    for req in &ctx.plan.requirements {
        let since = out.len();
        check(req, out);
        if req.advisory {
            for f in &mut out[since..] {
                f.severity = crate::diag::Severity::Warning;
            }
        }
    }
}

/// The rule that reports a requirement's window: the first of the rules that check it, in the order of the
/// format's table (a cadence, a count, a survey's months, a deadline, a quota, participants, a cost), so a
/// requirement checked by two rules is reported once.
pub(crate) fn reporting_rule(req: &Requirement) -> Option<RuleId> {
    let cadence = req.cadence.as_ref().map(|c| &c.value);
    let checked_by = [
        (matches!(cadence, Some(Cadence::Every(_))), RuleId::Cadence),
        (matches!(cadence, Some(Cadence::Count { .. })), RuleId::RequirementCount),
        (req.window.as_ref().is_some_and(|w| !w.value.is_empty()), RuleId::Cadence),
        (req.by.is_some() || req.within.is_some() || req.before.is_some(), RuleId::RequirementDeadline),
        (req.quota.is_some() || req.quota_each.is_some(), RuleId::QuotaExceeded),
        (!req.participants.is_empty(), RuleId::ParticipationMissing),
        (req.cost.is_some(), RuleId::OverBudget),
    ];
    checked_by.into_iter().find_map(|(checks, rule)| checks.then_some(rule))
}

fn outside(rule: &Rule, span: Span, message: Text) -> Finding {
    rule.finding(span, message).label(m::outside_the_plan_period()).help(m::checked_within_the_plan())
}

/// The activities a requirement governs, with its owner looked up once: an activity that is not cancelled,
/// of the requirement's kind (or tagged so), owned by its owner when it names one — by the same role, or by
/// the same name when no role has it — and starting inside the requirement's window, from the first day of
/// `from` to the last day of `until`. The one place that says so: every requirement rule, `implan status`,
/// `schedule --costs` and the årshjul ask here, so an activity outside the window neither keeps nor breaks
/// the requirement.
pub(crate) struct Keeping<'a> {
    kind: &'a str,
    /// The owner's role, or `None` with its name when no role has it.
    owner: Option<(Option<usize>, &'a str)>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl<'a> Keeping<'a> {
    pub fn new(ctx: &PlanIndex, req: &'a Requirement) -> Keeping<'a> {
        let owner = req.owner.as_ref().map(|o| (ctx.role(&o.value), o.value.as_str()));
        let from = req.from.as_ref().map(|f| f.value.start);
        let until = req.until.as_ref().map(|u| u.value.end);
        Keeping { kind: &req.kind.value, owner, from, until }
    }

    pub(crate) fn kept_by(&self, ctx: &PlanIndex, a: &Activity) -> bool {
        let start = a.when.value.start;
        !a.is_cancelled()
            && self.from.is_none_or(|f| start >= f)
            && self.until.is_none_or(|u| start <= u)
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
        governed_in(&format!("{}{extra}", plan(&format!("every = \"år\"\n{owner}"), &acts)))
    }

    /// The titles of the activities the first requirement of the plan `text` governs.
    fn governed_in(text: &str) -> Vec<String> {
        let source = crate::source::Source::new("t.toml", text);
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

    #[test]
    fn a_window_starts_after_the_longest_run_of_months_it_lacks() {
        use super::window_start_and_len as w;
        assert_eq!(w(&[10, 11, 12]), (10, 3));
        assert_eq!(w(&[10, 11, 12, 1]), (10, 4));
        assert_eq!(w(&[1, 12, 11, 10]), (10, 4));
        assert_eq!(w(&[8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]), (8, 11));
        assert_eq!(w(&[2, 3, 4, 5, 6]), (2, 5));
        assert_eq!(w(&[7]), (7, 1));
        // Two months apart: from the first after the longer gap, the months between counted in.
        assert_eq!(w(&[3, 5]), (3, 3));
        assert_eq!(w(&[1, 12]), (12, 2));
        assert_eq!(w(&[]), (1, 12));
        assert_eq!(w(&(1..=12).collect::<Vec<_>>()), (1, 12));
    }

    /// The titles of the activities `req` governs, on the plan made of `acts` (when, owner).
    fn governed(req: &str, acts: &[(&str, &str)]) -> Vec<String> {
        governed_in(&plan(req, acts))
    }

    #[test]
    fn a_requirement_governs_what_starts_inside_its_window_to_the_day() {
        let acts = [("2026-11-30", "pl"), ("2026-12-01", "pl"), ("2027-03-31", "pl"), ("2027-04-01", "pl")];
        let window = "every = \"år\"\nfrom = \"desember 2026\"\nuntil = \"mars 2027\"";
        assert_eq!(governed(window, &acts), ["A1", "A2"]);
        // A day as `from` starts on that day, a day as `until` ends on it.
        let days = "every = \"år\"\nfrom = 2026-12-02\nuntil = 2027-03-30";
        assert_eq!(governed(days, &acts), Vec::<String>::new());
        let open_ended = "every = \"år\"\nfrom = \"desember 2026\"";
        assert_eq!(governed(open_ended, &acts), ["A1", "A2", "A3"]);
        let until_only = "every = \"år\"\nuntil = \"mars 2027\"";
        assert_eq!(governed(until_only, &acts), ["A0", "A1", "A2"]);
    }

    /// The rules that report the requirement's window, on a plan whose requirement has `checks` and starts
    /// before the plan.
    fn window_reported_by(checks: &str) -> Vec<&'static str> {
        let text = plan(&format!("from = \"2025\"\n{checks}"), &[("mars 2026", "pl")]);
        let source = crate::source::Source::new("t.toml", &text);
        let plan = crate::load::load(&source).unwrap();
        let mut rules: Vec<&str> = crate::rules::run(&plan, &source)
            .iter()
            .filter(|f| f.message.en().contains("starts before the plan"))
            .map(|f| f.rule.as_str())
            .collect();
        rules.sort_unstable();
        rules
    }

    #[test]
    fn a_window_outside_the_plan_is_reported_once_by_the_first_rule_that_checks_it() {
        assert_eq!(window_reported_by("every = \"år\"\nquota = 9\nparticipants = [\"pl\"]"), ["cadence"]);
        assert_eq!(window_reported_by("count = 1\nper = \"år\"\nby = \"2027\""), ["requirement-count"]);
        assert_eq!(window_reported_by("months = [3]\nby = \"2027\""), ["cadence"]);
        assert_eq!(window_reported_by("by = \"2027\"\nquota = 9"), ["requirement-deadline"]);
        assert_eq!(window_reported_by("within = \"2027\"\nquota = 9"), ["requirement-deadline"]);
        assert_eq!(window_reported_by("before = \"a0\"\nquota = 9"), ["requirement-deadline"]);
        assert_eq!(window_reported_by("quota-each = 9\nparticipants = [\"pl\"]"), ["quota-exceeded"]);
        assert_eq!(window_reported_by("participants = [\"pl\"]\ncost = 10"), ["participation-missing"]);
        assert_eq!(window_reported_by("cost = 10"), ["over-budget"]);
    }
}
