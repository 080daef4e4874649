use super::requirements::{matching_text, months_of, scope};
use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use crate::model::{Cadence, Recurring};
use crate::when::format_month_index;

pub const RULE: Rule = Rule {
    id: RuleId::Cadence,
    severity: Severity::Error,
    summary: "A recurring requirement that the schedule does not meet",
    doc: include_str!("docs/cadence.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for req in &ctx.plan.recurring {
        if let Some(w) = req.window.as_ref().filter(|w| !w.value.is_empty()) {
            check_window(ctx, req, w, out);
        }
        if let Some(c) = &req.cadence
            && let Cadence::Every(n) = c.value
        {
            // A yearly survey with a window is kept by one in each year's window (October 2026, then November
            // 2027 is fine), not by gaps of at most 12 months.
            match req.window.as_ref().filter(|w| !w.value.is_empty() && n == 12) {
                Some(w) => check_yearly_window(ctx, req, w, c.span.clone(), out),
                None => check_one(ctx, req, n, c.span.clone(), out),
            }
        }
    }
}

/// Each matching activity must start in one of the window's months (a survey's usual season).
fn check_window(ctx: &Ctx, req: &Recurring, w: &crate::model::Spanned<Vec<u32>>, out: &mut Vec<Finding>) {
    use chrono::Datelike;
    let names: Vec<&str> = w.value.iter().map(|&m| crate::i18n::month_name(crate::model::Lang::En, m)).collect();
    let window = crate::suggest::quoted_list(&names).replace('\'', "");
    for i in super::requirements::activities_keeping(ctx, req) {
        let a = &ctx.plan.activities[i];
        if !w.value.contains(&a.when.value.start.month()) {
            out.push(
                RULE.finding(
                    a.when.span.clone(),
                    format!(
                        "'{}' ({}) is outside the window of '{}' ({window})",
                        a.title.value,
                        format_month_index(crate::when::month_index(a.when.value.start)),
                        req.title
                    ),
                )
                .label("outside the survey's window")
                .related(w.span.clone(), "the window")
                .help("move it into the window, or set the months this municipality runs it with months = [...]"),
            );
        }
    }
}

fn check_yearly_window(
    ctx: &Ctx,
    req: &Recurring,
    w: &crate::model::Spanned<Vec<u32>>,
    span: crate::diag::Span,
    out: &mut Vec<Finding>,
) {
    let Some((from, until)) = scope(ctx, req, &RULE, &span, out) else { return };
    let months = months_of(ctx, req, from, until);
    let (first, last) = (w.value.iter().min().copied().unwrap_or(1), w.value.iter().max().copied().unwrap_or(12));
    for year in from.div_euclid(12)..=until.div_euclid(12) {
        let (ws, we) = (year * 12 + first as i64 - 1, year * 12 + last as i64 - 1);
        // Only windows wholly inside the requirement's span are owed.
        if ws < from || we > until {
            continue;
        }
        let held = months.iter().any(|m| (ws..=we).contains(m) && w.value.contains(&(m.rem_euclid(12) as u32 + 1)));
        if !held {
            out.push(
                RULE.finding(
                    span.clone(),
                    format!(
                        "no '{}' in its window in {year} ({} – {})",
                        req.title,
                        format_month_index(ws),
                        format_month_index(we)
                    ),
                )
                .label("required every year, in its window")
                .help(format!("schedule it in the window; the checker counts {}", matching_text(req))),
            );
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
    use crate::rules::testing::{requirement_plan as plan, run_rule};

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
    fn a_survey_brings_its_window_and_cadence() {
        let acts = [("oktober 2026", "sg"), ("mars 2027", "sg"), ("november 2027", "sg")];
        let f = run_rule(&RULE, &plan("survey = \"elevundersøkelsen\"\nfrom = \"høst 2026\"", &acts));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs, ["'A1' (2027-03) is outside the window of 'Evaluering' (October, November and December)"]);
        let acts = [("oktober 2026", "sg"), ("november 2027", "sg")];
        assert!(run_rule(&RULE, &plan("survey = \"elevundersøkelsen\"\nfrom = \"høst 2026\"", &acts)).is_empty());
        let acts = [("mars 2027", "sg"), ("mars 2028", "sg")];
        assert!(
            run_rule(&RULE, &plan("survey = \"elevundersøkelsen\"\nmonths = [3]\nfrom = \"høst 2026\"", &acts))
                .is_empty()
        );
        let f =
            run_rule(&RULE, &plan("survey = \"elevundersøkelsen\"\nfrom = \"høst 2026\"", &[("oktober 2026", "sg")]));
        assert_eq!(f[0].message, "no 'Evaluering' in its window in 2027 (2027-10 – 2027-12)");
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

    fn messages(text: &str) -> Vec<String> {
        run_rule(&RULE, text).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn tolerance_gives_slack_but_the_message_states_the_requirement() {
        // May 2026 → December 2026 is 7 months: one too many for "every 6 months" without slack.
        let acts = [("mai 2026", "sg"), ("desember 2026", "sg"), ("juni 2027", "sg"), ("desember 2027", "sg")];
        let strict = plan("every = \"halvår\"", &acts);
        assert_eq!(
            messages(&strict),
            ["no 'Evaluering' between 2026-05 and 2026-12 (7 months; required every 6 months)"]
        );
        let lenient = format!("{strict}\n[lint.options]\ncadence-tolerance = 1\n");
        assert!(messages(&lenient).is_empty());
        // The slack is added, not taken away: with tolerance 2 a gap of 8 passes too, one of 9 does not.
        let acts = [("mai 2026", "sg"), ("januar 2027", "sg"), ("oktober 2027", "sg")];
        let text = format!("{}\n[lint.options]\ncadence-tolerance = 2\n", plan("every = \"halvår\"", &acts));
        assert_eq!(
            messages(&text),
            ["no 'Evaluering' between 2027-01 and 2027-10 (9 months; required every 6 months)"]
        );
    }

    #[test]
    fn a_stretch_of_exactly_every_months_passes_at_both_ends() {
        // 2026-01 → 2026-07 and 2027-12 → 2028-06 (the plan's end) are 6 months each.
        let acts = [("juli 2026", "sg"), ("januar 2027", "sg"), ("juli 2027", "sg"), ("desember 2027", "sg")];
        assert!(messages(&plan("every = \"halvår\"", &acts)).is_empty());
        let acts = [("juli 2026", "sg"), ("januar 2027", "sg"), ("juli 2027", "sg"), ("november 2027", "sg")];
        assert_eq!(
            messages(&plan("every = \"halvår\"", &acts)),
            ["no 'Evaluering' after 2027-11 until the end (2028-06) (7 months; required every 6 months)"]
        );
    }

    #[test]
    fn a_window_with_a_shorter_cadence_counts_gaps_not_years() {
        // Half-yearly in March or September: March each year keeps the window but not the cadence.
        let acts = [("mars 2026", "sg"), ("mars 2027", "sg"), ("mars 2028", "sg")];
        let msgs = messages(&plan("every = \"halvår\"\nmonths = [3, 9]", &acts));
        assert_eq!(
            msgs,
            [
                "no 'Evaluering' between 2026-03 and 2027-03 (12 months; required every 6 months)",
                "no 'Evaluering' between 2027-03 and 2028-03 (12 months; required every 6 months)",
            ]
        );
    }

    #[test]
    fn a_yearly_window_is_owed_when_it_lies_exactly_inside_the_period() {
        // The window October–December 2026 starts the month the requirement does: it is owed.
        let f = messages(&plan(
            "every = \"år\"\nmonths = [10, 11, 12]\nfrom = \"oktober 2026\"",
            &[("oktober 2027", "sg")],
        ));
        assert_eq!(f, ["no 'Evaluering' in its window in 2026 (2026-10 – 2026-12)"]);
        // April–June 2028 ends the month the plan does: it is owed too.
        let acts = [("april 2026", "sg"), ("april 2027", "sg")];
        let f = messages(&plan("every = \"år\"\nmonths = [4, 5, 6]", &acts));
        assert_eq!(f, ["no 'Evaluering' in its window in 2028 (2028-04 – 2028-06)"]);
        // A window that reaches past the period is not owed.
        let f = messages(&plan("every = \"år\"\nmonths = [5, 6, 7]", &[("mai 2026", "sg"), ("mai 2027", "sg")]));
        assert!(f.is_empty(), "{f:?}");
    }
}
