use super::requirements::{matching_text, months_of, scope};
use crate::lang::Words;
use super::{rule_doc, Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use crate::model::{Cadence, CadencePeriod, Requirement};
use crate::when::{format_month_index, month_index};

pub const RULE: Rule = Rule {
    id: RuleId::RequirementCount,
    severity: Severity::Error,
    summary: Words::untranslated("A requirement's count per year, term or period that the schedule does not meet"),
    doc: rule_doc!("requirement-count"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for req in &ctx.plan.requirements {
        if let Some(c) = &req.cadence
            && let Cadence::Count { counts, per } = &c.value
        {
            check_one(ctx, req, counts, *per, c.span, out);
        }
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
    let matching = matching_text(req);
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
        let per_text = if counts.len() == 1 { format!(" per {}", per.name()) } else { String::new() };
        let problem = if have < need {
            Some(format!("only {have} '{}' in {}; required {range}{per_text}", req.title, p.name))
        } else if have > max as usize {
            Some(format!("{have} '{}' in {}; at most {max}{per_text} are agreed", req.title, p.name))
        } else {
            None
        };
        if let Some(msg) = problem {
            let per_text = if counts.len() > 1 {
                format!("required {range} in this {}", per.name())
            } else {
                format!("required {range} per {}", per.name())
            };
            out.push(
                RULE.finding(span, msg)
                    .label(per_text)
                    .help(format!("the checker counts {matching} by the month they start in")),
            );
        }
    }
}

/// One period a `count` is checked in: months as indexes (inclusive), how long a whole one is, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    pub start: i64,
    pub end: i64,
    pub name: String,
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
    let mut push = |start: i64, end: i64, name: String| {
        let (s, e) = (start.max(from), end.min(until));
        if s <= e {
            out.push(Period {
                start: s,
                end: e,
                name: format!("{name} ({} – {})", format_month_index(s), format_month_index(e)),
                nominal: (start, end),
            });
        }
    };
    match per {
        CadencePeriod::Plan => push(from, until, "the plan period".to_string()),
        CadencePeriod::Term => {
            for year in from.div_euclid(12)..=until.div_euclid(12) {
                push(year * 12, year * 12 + 5, format!("spring term {year}"));
                push(year * 12 + 7, year * 12 + 11, format!("autumn term {year}"));
            }
        }
        CadencePeriod::SchoolYear => {
            // The school year that holds `from` starts the August before it.
            let first = (from - 7).div_euclid(12);
            for year in first..=until.div_euclid(12) {
                push(year * 12 + 7, year * 12 + 18, format!("school year {year}/{}", year + 1));
            }
        }
        CadencePeriod::CalendarYear => {
            for year in from.div_euclid(12)..=until.div_euclid(12) {
                push(year * 12, year * 12 + 11, format!("{year}"));
            }
        }
        _ => {
            let len = per.months().unwrap_or(1);
            // Periods are numbered from the origin, even when `from` starts later (agreement year 2 is year 2).
            let skip = if from > origin { (from - origin) / len } else { 0 };
            let mut start = origin + skip * len;
            let mut number = skip + 1;
            while start <= until {
                push(start, start + len - 1, format!("{} {number}", per.name()));
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
        super::periods(per, m(origin), m(from), m(until)).into_iter().map(|p| p.name).collect()
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
