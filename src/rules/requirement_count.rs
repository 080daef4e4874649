use super::requirements::{each_requirement, matching, months_of, scope};
use super::{Ctx, Rule, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::lang::Text;
use crate::messages::rules::requirement_count::{self as m, Per};
use crate::model::{Cadence, CadencePeriod, Requirement};
use crate::when::{format_month_index, month_index};

pub const RULE: Rule = Rule {
    id: RuleId::RequirementCount,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("requirement-count"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_requirement(ctx, out, |req, out| {
        if let Some(c) = &req.cadence
            && let Cadence::Count { counts, per } = &c.value
        {
            check_one(ctx, req, counts, *per, c.span, out);
        }
    });
}

/// What a count is per, as the catalogue names it.
fn per_of(per: CadencePeriod) -> Per {
    match per {
        CadencePeriod::Month => Per::Month,
        CadencePeriod::Quarter => Per::Quarter,
        CadencePeriod::Term => Per::Term,
        CadencePeriod::Year => Per::Year,
        CadencePeriod::Plan => Per::Plan,
        CadencePeriod::SchoolYear => Per::SchoolYear,
        CadencePeriod::CalendarYear => Per::CalendarYear,
        CadencePeriod::AgreementYear => Per::AgreementYear,
    }
}

fn range_text((min, max): (u32, u32)) -> String {
    if min == max { min.to_string() } else { format!("{min}–{max}") }
}

fn check_one(
    ctx: &Ctx,
    req: &Requirement,
    counts: &[(u32, u32)],
    per: CadencePeriod,
    span: crate::diag::Span,
    out: &mut Vec<Finding>,
) {
    let Some((from, until)) = scope(ctx, req, &RULE, span, out) else { return };
    let months = months_of(ctx, req, from, until);
    let matching = matching(req);
    // Agreement years count from the agreement's start, whatever `from` says.
    let origin = match (per, &ctx.plan.agreement) {
        (CadencePeriod::AgreementYear, Some(a)) => month_index(a.start.value.start),
        _ => from,
    };
    for (n, p) in periods(per, origin, from, until).into_iter().enumerate() {
        let (min, max) = Requirement::count_for(counts, n);
        let have = months.partition_point(|&m| m <= p.end) - months.partition_point(|&m| m < p.start);
        // A period cut short by `from` or `until` needs only its share of the minimum; summer does not count.
        let need = p.share_of(min, &ctx.options.summer_months);
        let range = range_text((min, max));
        // One count for every period reads "per year"; a count per period is that period's own.
        let own_count = counts.len() > 1;
        let per_text = (!own_count).then_some(per_of(per));
        let problem = if have < need {
            Some(m::too_few(have, &req.title, &p.name, &range, per_text))
        } else if have > max as usize {
            Some(m::too_many(have, &req.title, &p.name, max, per_text))
        } else {
            None
        };
        if let Some(msg) = problem {
            out.push(
                RULE.finding(span, msg)
                    .label(m::required(&range, per_of(per), own_count))
                    .help(m::counted_by_start_month(&matching)),
            );
        }
    }
}

/// One period a `count` is checked in: months as indexes (inclusive), how long a whole one is, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    pub start: i64,
    pub end: i64,
    pub name: Text,
    /// The whole period, before `from`/`until` cut it.
    pub nominal: (i64, i64),
}

impl Period {
    /// The minimum a period needs: all of it when only summer months were cut off (a school year ending in
    /// June is a whole school year), else its share of the working months, rounded down.
    pub(crate) fn share_of(&self, min: u32, summer: &[u32]) -> usize {
        let working =
            |a: i64, b: i64| (a..=b).filter(|m| !summer.contains(&(m.rem_euclid(12) as u32 + 1))).count() as u64;
        let whole = working(self.nominal.0, self.nominal.1).max(1);
        let have = working(self.start, self.end).min(whole);
        (min as u64 * have / whole) as usize
    }
}

/// The periods between `from` and `until`, clipped to them. Terms are school terms (vår January–June, høst
/// August–December; July belongs to neither); school years run August–July and calendar years January–December;
/// years, quarters and months count from `origin` (the requirement's start, or the agreement's for agreement
/// years), as agreement years do.
pub(crate) fn periods(per: CadencePeriod, origin: i64, from: i64, until: i64) -> Vec<Period> {
    // Every period is cut to `from..=until`, so an empty span gets none.
    let mut out = Vec::new();
    let mut push = |start: i64, end: i64, name: Text| {
        let (s, e) = (start.max(from), end.min(until));
        if s <= e {
            let months = format!("({} – {})", format_month_index(s), format_month_index(e));
            out.push(Period {
                start: s,
                end: e,
                name: name.map(|_, n| format!("{n} {months}")),
                nominal: (start, end),
            });
        }
    };
    match per {
        CadencePeriod::Plan => push(from, until, m::the_plan_period()),
        CadencePeriod::Term => {
            for year in from.div_euclid(12)..=until.div_euclid(12) {
                push(year * 12, year * 12 + 5, m::spring_term(year));
                push(year * 12 + 7, year * 12 + 11, m::autumn_term(year));
            }
        }
        CadencePeriod::SchoolYear => {
            // The school year that holds `from` starts the August before it.
            let first = (from - 7).div_euclid(12);
            for year in first..=until.div_euclid(12) {
                push(year * 12 + 7, year * 12 + 18, m::school_year(year, year + 1));
            }
        }
        CadencePeriod::CalendarYear => {
            for year in from.div_euclid(12)..=until.div_euclid(12) {
                push(year * 12, year * 12 + 11, Text::verbatim(year.to_string()));
            }
        }
        _ => {
            let len = per.months().unwrap_or(1);
            // Periods are numbered from the origin, even when `from` starts later (agreement year 2 is year 2).
            let skip = if from > origin { (from - origin) / len } else { 0 };
            let mut start = origin + skip * len;
            let mut number = skip + 1;
            while start <= until {
                push(start, start + len - 1, m::numbered(per_of(per), number));
                start += len;
                number += 1;
            }
        }
    }
    out
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/requirement-count/`; here, the periods it counts in.
#[cfg(test)]
mod tests {
    /// The periods as "name", for months given as (year, month).
    fn names(per: crate::model::CadencePeriod, origin: (i64, i64), from: (i64, i64), until: (i64, i64)) -> Vec<String> {
        let m = |(y, mo): (i64, i64)| y * 12 + mo - 1;
        super::periods(per, m(origin), m(from), m(until)).into_iter().map(|p| p.name.en().to_string()).collect()
    }

    #[test]
    fn each_kind_of_period() {
        use crate::model::CadencePeriod::*;
        assert_eq!(names(Plan, (2026, 3), (2026, 3), (2027, 2)), ["the plan period (2026-03 – 2027-02)"]);
        assert_eq!(
            names(CalendarYear, (2026, 3), (2026, 3), (2027, 2)),
            ["2026 (2026-03 – 2026-12)", "2027 (2027-01 – 2027-02)"]
        );
        assert_eq!(
            names(SchoolYear, (2026, 3), (2026, 3), (2026, 9)),
            ["school year 2025/2026 (2026-03 – 2026-07)", "school year 2026/2027 (2026-08 – 2026-09)"]
        );
        assert_eq!(names(SchoolYear, (2026, 8), (2026, 8), (2026, 9)), ["school year 2026/2027 (2026-08 – 2026-09)"]);
        // Terms are school terms: autumn from August, spring to June.
        assert_eq!(
            names(Term, (2026, 7), (2026, 7), (2027, 6)),
            ["autumn term 2026 (2026-08 – 2026-12)", "spring term 2027 (2027-01 – 2027-06)"]
        );
        // Quarters and months count from the origin, numbered as from there even when `from` is later.
        assert_eq!(
            names(Quarter, (2026, 1), (2026, 5), (2026, 10)),
            ["quarter 2 (2026-05 – 2026-06)", "quarter 3 (2026-07 – 2026-09)", "quarter 4 (2026-10 – 2026-10)"]
        );
        assert_eq!(
            names(Month, (2026, 1), (2026, 3), (2026, 4)),
            ["month 3 (2026-03 – 2026-03)", "month 4 (2026-04 – 2026-04)"]
        );
        assert_eq!(
            names(Year, (2026, 9), (2026, 9), (2027, 9)),
            ["year 1 (2026-09 – 2027-08)", "year 2 (2027-09 – 2027-09)"]
        );
        // An origin after `from` counts from the origin; an empty span has no periods.
        assert_eq!(names(Year, (2027, 1), (2026, 9), (2027, 1)), ["year 1 (2027-01 – 2027-01)"]);
        assert!(names(Year, (2026, 1), (2026, 5), (2026, 4)).is_empty());
    }
}
