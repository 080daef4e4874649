use super::{Ctx, Rule};
use crate::diag::{Finding, Severity};
use crate::model::{Cadence, CadencePeriod, Recurring};
use crate::when::{format_month_index, month_index};

pub const RULE: Rule = Rule {
    id: "cadence",
    severity: Severity::Error,
    summary: "A recurring requirement that the schedule does not meet",
    doc: include_str!("docs/cadence.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for req in &ctx.plan.recurring {
        check_one(ctx, req, out);
    }
}

fn check_one(ctx: &Ctx, req: &Recurring, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let (plan_from, plan_until) = (month_index(plan.start.value.start), month_index(plan.end.value.end));
    // A requirement applies inside the plan; `from`/`until` outside it are a mistake, said once.
    for (bound, outside, what) in [
        (
            &req.from,
            req.from.as_ref().is_some_and(|f| month_index(f.value.start) < plan_from),
            "starts before the plan",
        ),
        (&req.until, req.until.as_ref().is_some_and(|u| month_index(u.value.end) > plan_until), "ends after the plan"),
    ] {
        if let (Some(b), true) = (bound, outside) {
            out.push(
                RULE.finding(
                    b.span.clone(),
                    format!(
                        "'{}' {what} ({} – {})",
                        req.title,
                        format_month_index(plan_from),
                        format_month_index(plan_until)
                    ),
                )
                .label("outside the plan period")
                .help(
                    "the requirement is checked within the plan period only; correct the date or the plan's start/end",
                ),
            );
        }
    }
    let from = month_index(req.from.as_ref().map_or(plan.start.value.start, |f| f.value.start)).max(plan_from);
    let until = month_index(req.until.as_ref().map_or(plan.end.value.end, |u| u.value.end)).min(plan_until);
    if until < from {
        let at = req.from.as_ref().map_or(req.cadence.span.clone(), |f| f.span.clone());
        out.push(
            RULE.finding(
                at,
                format!(
                    "'{}' applies from {} until {}: a period that ends before it starts",
                    req.title,
                    format_month_index(from),
                    format_month_index(until)
                ),
            )
            .help("correct 'from' or 'until'; without them the requirement applies through the plan's whole period"),
        );
        return;
    }
    let owner = req.owner.as_ref().map(|o| (ctx.role(&o.value), o.value.as_str()));
    let mut months: Vec<i64> = plan
        .activities
        .iter()
        .filter(|a| !a.is_cancelled() && a.has_word(&req.kind.value))
        .filter(|a| match owner {
            None => true,
            Some((Some(role), _)) => a.owners.iter().any(|o| ctx.role(&o.value) == Some(role)),
            Some((None, name)) => a.owners.iter().any(|o| o.value == name),
        })
        .map(|a| month_index(a.when.value.start))
        .filter(|m| (from..=until).contains(m))
        .collect();
    months.sort_unstable();
    let by = req.owner.as_ref().map(|o| format!(" owned by '{}'", o.value)).unwrap_or_default();
    let matching = format!("activities with kind = \"{}\"{by}", req.kind.value);
    let span = req.cadence.span.clone();
    match req.cadence.value {
        Cadence::Every(n) => {
            let what = format!("required every {}", months_text(n as i64));
            // The tolerance widens what passes; the message still states the requirement as written.
            let n = n as i64 + ctx.options.cadence_tolerance as i64;
            if months.is_empty() {
                out.push(
                    RULE.finding(
                        span,
                        format!(
                            "no '{}' at all between {} and {}",
                            req.title,
                            format_month_index(from),
                            format_month_index(until)
                        ),
                    )
                    .label(what)
                    .help(format!("schedule them, and mark them so the checker finds them: it counts {matching}")),
                );
                return;
            }
            let mut windows = Vec::new();
            if months[0] - from > n {
                windows.push((
                    format!("from the start ({}) until {}", format_month_index(from), format_month_index(months[0])),
                    months[0] - from,
                ));
            }
            for w in months.windows(2) {
                if w[1] - w[0] > n {
                    windows.push((
                        format!("between {} and {}", format_month_index(w[0]), format_month_index(w[1])),
                        w[1] - w[0],
                    ));
                }
            }
            let lastm = months[months.len() - 1];
            if until - lastm > n {
                windows.push((
                    format!("after {} until the end ({})", format_month_index(lastm), format_month_index(until)),
                    until - lastm,
                ));
            }
            for (when, gap) in windows {
                out.push(
                    RULE.finding(span.clone(), format!("no '{}' {when} ({}; {what})", req.title, months_text(gap)))
                        .label(what.clone())
                        .help(format!("schedule one in this stretch; the checker counts {matching}")),
                );
            }
        }
        Cadence::Count { min, max, per } => {
            let range = if min == max { min.to_string() } else { format!("{min}–{max}") };
            for p in periods(per, from, until) {
                let have = months.partition_point(|&m| m <= p.end) - months.partition_point(|&m| m < p.start);
                // A period cut short by `from` or `until` needs only its share of the minimum.
                let need = (min as u64 * p.months() as u64 / p.full as u64) as usize;
                let problem = if have < need {
                    Some(format!("only {have} '{}' in {}; required {range} per {}", req.title, p.name, per.name()))
                } else if have > max as usize {
                    Some(format!("{have} '{}' in {}; at most {max} per {} are agreed", req.title, p.name, per.name()))
                } else {
                    None
                };
                if let Some(msg) = problem {
                    out.push(
                        RULE.finding(span.clone(), msg)
                            .label(format!("required {range} per {}", per.name()))
                            .help(format!("the checker counts {matching} by the month they start in")),
                    );
                }
            }
        }
    }
}

/// One period a `count` is checked in: months as indexes (inclusive), how long a whole one is, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub start: i64,
    pub end: i64,
    /// The months of a whole period of this kind, for cutting the minimum of a partial one.
    pub full: i64,
    pub name: String,
}

impl Period {
    pub fn months(&self) -> i64 {
        self.end - self.start + 1
    }
}

/// The periods between `from` and `until`. Terms are school terms (spring January–June, autumn
/// August–December; July belongs to neither); years, quarters and months count from `from`, as agreement years do.
pub fn periods(per: CadencePeriod, from: i64, until: i64) -> Vec<Period> {
    let mut out = Vec::new();
    if until < from {
        return out;
    }
    match per {
        CadencePeriod::Plan => out.push(Period {
            start: from,
            end: until,
            full: until - from + 1,
            name: format!("the plan period ({} – {})", format_month_index(from), format_month_index(until)),
        }),
        CadencePeriod::Term => {
            let mut year = from.div_euclid(12);
            while year * 12 <= until {
                for (first, last, name) in [(0, 5, "spring term"), (7, 11, "autumn term")] {
                    let (s, e) = ((year * 12 + first).max(from), (year * 12 + last).min(until));
                    if s <= e {
                        let name = format!("{name} {year} ({} – {})", format_month_index(s), format_month_index(e));
                        out.push(Period { start: s, end: e, full: last - first + 1, name });
                    }
                }
                year += 1;
            }
        }
        _ => {
            let len = per.months().unwrap_or(1);
            let (mut start, mut number) = (from, 1);
            while start <= until {
                let end = (start + len - 1).min(until);
                let name =
                    format!("{} {number} ({} – {})", per.name(), format_month_index(start), format_month_index(end));
                out.push(Period { start, end, full: len, name });
                start += len;
                number += 1;
            }
        }
    }
    out
}

fn months_text(n: i64) -> String {
    match n {
        1 => "1 month".to_string(),
        12 => "12 months".to_string(),
        n => format!("{n} months"),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::run_rule;

    fn plan(req: &str, acts: &[(&str, &str)]) -> String {
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

    #[test]
    fn every_names_each_missing_window() {
        let acts = [("mars 2026", "sg"), ("mars 2027", "sg"), ("november 2027", "sg"), ("april 2028", "pl")];
        let f = run_rule(&RULE, &plan("every = \"halvår\"\nowner = \"sg\"", &acts));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "no 'Evaluering' between 2026-03 and 2027-03 (12 months; required every 6 months)",
                "no 'Evaluering' between 2027-03 and 2027-11 (8 months; required every 6 months)",
                // April 2028 is the project leader's, not the steering group's: it does not count.
                "no 'Evaluering' after 2027-11 until the end (2028-06) (7 months; required every 6 months)",
            ]
        );
        let f = run_rule(&RULE, &plan("every = \"år\"", &[("2027-06", "sg")]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            ["no 'Evaluering' from the start (2026-01) until 2027-06 (17 months; required every 12 months)"]
        );
        let f = run_rule(&RULE, &plan("every = \"år\"", &[]));
        assert_eq!(f[0].message, "no 'Evaluering' at all between 2026-01 and 2028-06");
    }

    #[test]
    fn an_empty_period_is_reported_not_checked() {
        let f = run_rule(&RULE, &plan("every = \"år\"\nfrom = \"2029\"", &[]));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "'Evaluering' applies from 2029-01 until 2028-06: a period that ends before it starts"
        );
    }

    #[test]
    fn terms_are_school_terms() {
        // Autumn 2026 has 2, spring 2027 has 3: one each is required, at most 2.
        let acts = [
            ("oktober 2026", "sg"),
            ("desember 2026", "sg"),
            ("januar 2027", "sg"),
            ("mars 2027", "sg"),
            ("mai 2027", "sg"),
        ];
        let s = plan("count = \"1-2\"\nper = \"halvår\"\nfrom = \"høst 2026\"\nuntil = \"vår 2027\"", &acts);
        let f = run_rule(&RULE, &s);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs, ["3 'Evaluering' in spring term 2027 (2027-01 – 2027-06); at most 2 per term are agreed"]);
        let p = super::periods(crate::model::CadencePeriod::Term, 2026 * 12 + 6, 2027 * 12 + 5);
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["autumn term 2026 (2026-08 – 2026-12)", "spring term 2027 (2027-01 – 2027-06)"]);
    }

    #[test]
    fn from_and_until_outside_the_plan_are_reported_and_clamped() {
        let f = run_rule(&RULE, &plan("count = \"1-2\"\nper = \"month\"\nfrom = \"2001\"", &[]));
        assert_eq!(f[0].message, "'Evaluering' starts before the plan (2026-01 – 2028-06)");
        // Then only the plan's own 30 months are checked, not 25 years of them.
        assert_eq!(f.len(), 1 + 30);
    }

    #[test]
    fn every_is_silent_when_kept() {
        let acts = [
            ("mai 2026", "sg"),
            ("november 2026", "sg"),
            ("mai 2027", "sg"),
            ("november 2027", "sg"),
            ("2028-05-02", "sg"),
        ];
        assert!(run_rule(&RULE, &plan("every = \"6 months\"", &acts)).is_empty());
    }

    #[test]
    fn count_per_year_checks_each_year_and_the_short_last_one() {
        let acts = [
            ("februar 2026", "sg"),
            ("mars 2026", "sg"),
            ("februar 2027", "sg"),
            ("mars 2027", "sg"),
            ("april 2027", "sg"),
            ("mai 2027", "sg"),
            ("juni 2027", "sg"),
            ("januar 2028", "sg"),
        ];
        let f = run_rule(&RULE, &plan("count = \"2-4\"\nper = \"år\"", &acts));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs, ["5 'Evaluering' in year 2 (2027-01 – 2027-12); at most 4 per year are agreed"]);
        // Year 3 is January–June 2028: half a year needs 1 of the 2.
        let acts = [("februar 2026", "sg"), ("mars 2026", "sg"), ("februar 2027", "sg"), ("mars 2027", "sg")];
        let f = run_rule(&RULE, &plan("count = \"2-4\"\nper = \"år\"", &acts));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "only 0 'Evaluering' in year 3 (2028-01 – 2028-06); required 2–4 per year");
    }
}
