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
    let from = month_index(req.from.as_ref().map_or(plan.start.value.start, |f| f.value.start));
    let until = month_index(req.until.as_ref().map_or(plan.end.value.end, |u| u.value.end));
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
            let n = n as i64;
            let what = format!("required every {}", months_text(n));
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
            let len = per.months().unwrap_or(until - from + 1);
            let mut start = from;
            let mut number = 1;
            while start <= until {
                let end = (start + len - 1).min(until);
                let have = months.partition_point(|&m| m <= end) - months.partition_point(|&m| m < start);
                let share = (end - start + 1) as u64;
                // A period cut short by the end needs only its share of the minimum.
                let need = (min as u64 * share / len as u64) as usize;
                let range = if min == max { min.to_string() } else { format!("{min}–{max}") };
                let period = if per == CadencePeriod::Plan {
                    format!("the plan period ({} – {})", format_month_index(start), format_month_index(end))
                } else {
                    format!("{} {number} ({} – {})", per.name(), format_month_index(start), format_month_index(end))
                };
                let problem = if have < need {
                    Some(format!("only {have} '{}' in {period}; required {range} per {}", req.title, per.name()))
                } else if have > max as usize {
                    Some(format!("{have} '{}' in {period}; at most {max} per {} are agreed", req.title, per.name()))
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
                start += len;
                number += 1;
            }
        }
    }
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
