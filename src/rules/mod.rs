//! The check rules, one module each. Every rule has a stable id, a default severity, a summary and a doc text
//! (shown by the tool), and runs in O(n log n) or better in the number of activities.

use crate::config::Config;
use crate::diag::{Finding, RuleId, Severity};
use crate::lang::Words;
use crate::model::{Activity, Plan};
use crate::plan_index::PlanIndex;
use crate::source::Source;

mod cadence;
mod dependency_cycle;
mod dependency_order;
pub mod done_date;
mod duplicate_id;
mod empty_phase;
mod goal_without_activity;
mod holiday_conflict;
mod idle_gap;
mod missing_owner;
mod missing_schema;
mod outside_plan_period;
mod over_budget;
mod owner_overload;
mod participation_missing;
mod phase_order;
mod quota_exceeded;
mod requirement_count;
mod requirement_deadline;
mod requirements;
mod season_mismatch;
mod step_order;
mod suspicious_text;
mod uncovered_component;
mod unknown_reference;
mod unknown_role;
mod unused_role;

pub(crate) use over_budget::kroner;
pub(crate) use requirement_count::periods as cadence_periods;
pub(crate) use requirements::{Keeping, activities_keeping, activity_costs, window_start_and_len};

/// A rule's doc in each language, from `src/rules/docs/{nb,nn,en}/ID.md`.
macro_rules! rule_doc {
    ($id:literal) => {
        $crate::lang::Words {
            nb: include_str!(concat!("docs/nb/", $id, ".md")),
            nn: include_str!(concat!("docs/nn/", $id, ".md")),
            en: include_str!(concat!("docs/en/", $id, ".md")),
        }
    };
}
pub(crate) use rule_doc;

/// A check rule as the tool lists and explains it.
pub struct Rule {
    pub id: RuleId,
    pub severity: Severity,
    pub summary: Words,
    /// What it catches, why it matters, an example that fires and the fix (Markdown).
    pub doc: Words,
    /// `None` for the loader's own rules, which fire while reading the file.
    pub check: Option<CheckFn>,
}

/// A rule's check: reads the plan through the context, pushes its findings.
pub(crate) type CheckFn = fn(&Ctx, &mut Vec<Finding>);

impl Rule {
    /// A finding of this rule at its default severity.
    pub fn finding(&self, span: crate::diag::Span, message: impl Into<crate::lang::Text>) -> Finding {
        Finding::new(self.id, self.severity, Some(span), message)
    }
}

const INVALID_TOML: Rule = Rule {
    id: RuleId::InvalidToml,
    severity: Severity::Error,
    summary: crate::messages::load::INVALID_TOML_SUMMARY,
    doc: rule_doc!("invalid-toml"),
    check: None,
};

const INVALID_PLAN: Rule = Rule {
    id: RuleId::InvalidPlan,
    severity: Severity::Error,
    summary: crate::messages::load::INVALID_PLAN_SUMMARY,
    doc: rule_doc!("invalid-plan"),
    check: None,
};

/// Every rule, in the order findings are explained in the README: the order of [`RuleId::ALL`].
pub const ALL: &[Rule] = &[
    INVALID_TOML,
    INVALID_PLAN,
    season_mismatch::RULE,
    outside_plan_period::RULE,
    phase_order::RULE,
    missing_owner::RULE,
    unknown_role::RULE,
    unused_role::RULE,
    duplicate_id::RULE,
    unknown_reference::RULE,
    dependency_cycle::RULE,
    dependency_order::RULE,
    done_date::RULE,
    uncovered_component::RULE,
    step_order::RULE,
    goal_without_activity::RULE,
    empty_phase::RULE,
    idle_gap::RULE,
    cadence::RULE,
    requirement_count::RULE,
    requirement_deadline::RULE,
    quota_exceeded::RULE,
    participation_missing::RULE,
    owner_overload::RULE,
    holiday_conflict::RULE,
    over_budget::RULE,
    suspicious_text::RULE,
    missing_schema::RULE,
];

/// The rule with this id as written, if there is one.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RuleId::parse(id).map(rule)
}

/// What the rule of this id does.
pub fn rule(id: RuleId) -> &'static Rule {
    &ALL[id.index()]
}

/// What every rule gets: the plan, its text and lookups ([`PlanIndex`], which it derefs to), and the rule
/// options in force.
pub struct Ctx<'a> {
    pub index: PlanIndex<'a>,
    pub options: crate::config::RuleOptions,
}

impl<'a> Ctx<'a> {
    pub fn new(plan: &'a Plan, source: &'a Source) -> Ctx<'a> {
        Ctx { index: PlanIndex::new(plan, source), options: crate::config::RuleOptions::default() }
    }

    /// The day it is: `--today`, else the clock's.
    pub fn today(&self) -> chrono::NaiveDate {
        self.options.today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

impl<'a> std::ops::Deref for Ctx<'a> {
    type Target = PlanIndex<'a>;

    fn deref(&self) -> &PlanIndex<'a> {
        &self.index
    }
}

/// Plans with at least this many activities have their rules run in parallel.
const PARALLEL_FROM: usize = 2_000;

/// Runs every rule on a loaded plan; findings come back in file order.
pub fn run(plan: &Plan, source: &Source) -> Vec<Finding> {
    run_with(plan, source, &Config::layered(plan.lint.iter()))
}

/// Runs the rules the configuration leaves on, at its severities, with its options; then drops findings that
/// fall inside an activity which allows their rule (`allow = ["idle-gap"]`).
pub(crate) fn run_with(plan: &Plan, source: &Source, config: &Config) -> Vec<Finding> {
    let mut ctx = Ctx::new(plan, source);
    ctx.options = config.options.clone();
    let checks: Vec<CheckFn> = ALL
        .iter()
        .filter_map(|rule| rule.check.filter(|_| config.severity(rule.id, rule.severity).is_some()))
        .collect();
    // The rules are independent of each other; on a large plan they share the cores. Below that, starting
    // the work on other threads costs more than it saves.
    let findings: Vec<Finding> = if plan.activities.len() >= PARALLEL_FROM {
        use rayon::prelude::*;
        let per_rule: Vec<Vec<Finding>> = checks
            .par_iter()
            .map(|check| {
                let mut out = Vec::new();
                check(&ctx, &mut out);
                out
            })
            .collect();
        per_rule.into_iter().flatten().collect()
    } else {
        let mut out = Vec::new();
        for check in checks {
            check(&ctx, &mut out);
        }
        out
    };
    let mut findings = config.apply(findings);
    let mut allowing: Vec<&Activity> = plan.activities.iter().filter(|a| !a.allow.is_empty()).collect();
    if !allowing.is_empty() {
        allowing.sort_by_key(|a| a.extent.start);
        findings.retain(|f| {
            let Some(span) = &f.span else { return true };
            let n = allowing.partition_point(|a| a.extent.start <= span.start);
            let inside = n.checked_sub(1).map(|i| allowing[i]).filter(|a| span.start < a.extent.end);
            !inside.is_some_and(|a| a.allow.iter().any(|r| r.value == f.rule.as_str()))
        });
    }
    crate::diag::sort(&mut findings);
    findings
}

/// How a span of days reads in a finding: `2026-03-12`, `2026-03`, `2026-01 – 2026-06`.
pub(crate) fn describe(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if start == end {
        return start.to_string();
    }
    let whole_months = start.day() == 1 && end.succ_opt().is_none_or(|d| d.day() == 1);
    if whole_months {
        let (a, b) = (start.format("%Y-%m").to_string(), end.format("%Y-%m").to_string());
        if a == b { a } else { format!("{a} – {b}") }
    } else {
        format!("{start} – {end}")
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::diag::Finding;
    use crate::source::Source;

    /// Loads a plan from text and runs one rule on it, with the options of the plan's own `[lint.options]`.
    pub(crate) fn run_rule(rule: &super::Rule, text: &str) -> Vec<Finding> {
        let source = Source::new("test.toml", text);
        let plan = match crate::load::load(&source) {
            Ok(p) => p,
            Err(e) => panic!("test plan does not load: {e:?}"),
        };
        let mut ctx = super::Ctx::new(&plan, &source);
        ctx.options = crate::config::Config::layered(plan.lint.iter()).options;
        let mut out = Vec::new();
        (rule.check.expect("a checking rule"))(&ctx, &mut out);
        out
    }

    /// A plan to 2028-06 with one requirement (`req` holds its checks) and evaluations (month, owner role).
    pub(crate) fn requirement_plan(req: &str, acts: &[(&str, &str)]) -> String {
        let mut s = format!(
            "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"vår 2028\"\n\n[roles]\nsg = \"Styringsgruppe\"\npl = \"Prosjektleder\"\n\n[[recurring]]\nid = \"r\"\ntitle = \"Evaluering\"\nkind = \"evaluering\"\n{req}\n"
        );
        for (i, (w, owner)) in acts.iter().enumerate() {
            s.push_str(&format!(
                "\n[[activity]]\ntitle = \"A{i}\"\nwhen = \"{w}\"\nowner = \"{owner}\"\nkind = \"evaluering\"\n"
            ));
        }
        s
    }

    /// A minimal valid plan header, for rule tests to build on.
    pub const HEAD: &str = r#"
[plan]
title = "Test"
start = "vår 2026"
end = "høst 2026"

[roles]
pl = "Prosjektleder"
"#;
}

#[cfg(test)]
mod tests {
    use super::testing::HEAD;
    use crate::diag::Severity;
    use crate::source::Source;

    /// (rule, severity, line) of every finding of the whole rule set on a plan, with its own configuration.
    fn run(text: &str) -> Vec<(&'static str, Severity, usize)> {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).expect("the test plan loads");
        let findings = super::run(&plan, &source);
        findings.iter().map(|f| (f.rule.as_str(), f.severity, source.line_col(f.span.unwrap().start).line)).collect()
    }

    /// Two activities with an undeclared owner, the second on a Saturday.
    fn plan(second: &str) -> String {
        format!(
            "{HEAD}\n[[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nowner = \"x\"\n\n\
             [[activity]]\ntitle = \"B\"\nwhen = \"2026-03-14\"\nowner = \"pl\"\n{second}"
        )
        .replace("end = \"høst 2026\"", "end = \"2026-04\"")
    }

    #[test]
    fn every_rule_runs_and_findings_come_in_file_order() {
        assert_eq!(
            run(&plan("")),
            [("unknown-role", Severity::Error, 13), ("holiday-conflict", Severity::Warning, 17),]
        );
    }

    #[test]
    fn the_configuration_turns_rules_off_and_changes_severities() {
        let lint = "\n[lint.rules]\nunknown-role = \"off\"\nholiday-conflict = \"error\"\n";
        assert_eq!(run(&plan(lint)), [("holiday-conflict", Severity::Error, 17)]);
    }

    #[test]
    fn an_activity_allows_a_rule_inside_itself_only() {
        let f = run(&plan("allow = [\"holiday-conflict\"]\n"));
        assert_eq!(f, [("unknown-role", Severity::Error, 13)]);
        // Allowed in the first activity, a finding in the second one still shows, and the other way round.
        let text = plan("").replacen("owner = \"x\"\n", "owner = \"x\"\nallow = [\"holiday-conflict\"]\n", 1);
        assert_eq!(run(&text).iter().map(|f| f.0).collect::<Vec<_>>(), ["unknown-role", "holiday-conflict"]);
        let text = plan("allow = [\"unknown-role\"]\n");
        assert_eq!(run(&text).iter().map(|f| f.0).collect::<Vec<_>>(), ["unknown-role", "holiday-conflict"]);
        // Every activity allowing something: each finding is matched to the activity it lies in.
        let text = plan("allow = [\"holiday-conflict\"]\n").replacen(
            "owner = \"x\"\n",
            "owner = \"x\"\nallow = [\"unknown-role\"]\n",
            1,
        );
        assert_eq!(run(&text), []);
    }

    #[test]
    fn a_finding_after_the_last_allowing_activity_is_kept() {
        let text = format!(
            "{}\n[[activity]]\ntitle = \"C\"\nwhen = \"2026-03-15\"\nowner = \"pl\"\n",
            plan("allow = [\"holiday-conflict\"]\n")
        );
        assert_eq!(run(&text), [("unknown-role", Severity::Error, 13), ("holiday-conflict", Severity::Warning, 23)]);
    }

    #[test]
    fn the_registry_holds_every_rule_id_in_its_order_and_only_the_loaders_rules_check_nothing() {
        let ids: Vec<crate::diag::RuleId> = super::ALL.iter().map(|r| r.id).collect();
        assert_eq!(ids, crate::diag::RuleId::ALL);
        for r in super::ALL {
            assert_eq!(super::rule(r.id).summary, r.summary);
            assert_eq!(r.check.is_none(), r.id.is_loaders(), "{}", r.id);
        }
        assert!(super::by_id("idle-gap").is_some_and(|r| r.id == crate::diag::RuleId::IdleGap));
        assert!(super::by_id("idle-gaps").is_none());
    }

    #[test]
    fn spans_of_days_read_as_days_months_or_ranges() {
        use chrono::Datelike;
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        assert_eq!(super::describe(d("2026-03-12"), d("2026-03-12")), "2026-03-12");
        assert_eq!(super::describe(d("2026-03-01"), d("2026-03-31")), "2026-03");
        assert_eq!(super::describe(d("2026-01-01"), d("2026-06-30")), "2026-01 – 2026-06");
        assert_eq!(super::describe(d("2026-03-01"), d("2026-03-15")), "2026-03-01 – 2026-03-15");
        assert_eq!(super::describe(d("2026-03-02"), d("2026-03-31")), "2026-03-02 – 2026-03-31");
        // The last day chrono knows still ends a month.
        let last = chrono::NaiveDate::MAX;
        let first = last.with_day(1).unwrap();
        assert_eq!(super::describe(first, last), last.format("%Y-%m").to_string());
    }
}

/// The fix of a reference to something that does not exist: the string at `span` (quotes included) replaced by
/// `id`.
pub(crate) fn write_id_instead(
    span: crate::diag::Span,
    id: &str,
    applicability: crate::diag::Applicability,
) -> crate::diag::Fix {
    crate::diag::Fix::replace(
        applicability,
        span,
        crate::escape::toml_string(id, false),
        crate::messages::common::write_this(id),
    )
}
