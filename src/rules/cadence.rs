use super::requirements::{matching_text, months_of, scope};
use super::{Ctx, Rule};
use crate::diag::{Finding, Severity};
use crate::model::{Cadence, Recurring};
use crate::when::format_month_index;

pub const RULE: Rule = Rule {
    id: "cadence",
    severity: Severity::Error,
    summary: "A recurring requirement that the schedule does not meet",
    doc: include_str!("docs/cadence.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for req in &ctx.plan.recurring {
        if let Some(c) = &req.cadence
            && let Cadence::Every(n) = c.value
        {
            check_one(ctx, req, n, c.span.clone(), out);
        }
    }
}

fn check_one(ctx: &Ctx, req: &Recurring, n: u32, span: crate::diag::Span, out: &mut Vec<Finding>) {
    let Some((from, until)) = scope(ctx, req, &RULE, &span, out) else { return };
    let months = months_of(ctx, req, from, until);
    let matching = matching_text(req);
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
            windows
                .push((format!("between {} and {}", format_month_index(w[0]), format_month_index(w[1])), w[1] - w[0]));
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
}
