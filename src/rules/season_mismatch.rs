use super::{Ctx, Rule, describe};
use crate::diag::{Finding, RuleId, Severity};
use crate::model::{Activity, Phase};
use crate::when::shift_label_years;
use chrono::Datelike;

pub const RULE: Rule = Rule {
    id: RuleId::SeasonMismatch,
    severity: Severity::Error,
    summary: "An activity dated outside the period its phase's label names",
    doc: include_str!("docs/season-mismatch.md"),
    check: Some(check),
};

/// Whether an activity lies inside its phase's span.
pub(super) fn inside(p: &Phase, a: &Activity) -> bool {
    a.when.value.start >= p.span.start && a.last_day <= p.span.end
}

/// The whole number of years by which the phase's span must move to hold the activity, if any does. Moved by
/// k years, the span starts in the year k after its own, so k is the activity's year less the span's, or one
/// less when the span runs over New Year ("Høst 2025 – Vår 2026" moved to hold March 2027 is one year on).
fn years_off(p: &Phase, a: &Activity) -> Option<i32> {
    let guess = a.when.value.start.year() - p.span.start.year();
    [guess, guess - 1].into_iter().find(|&k| {
        k != 0 && p.span.shifted_years(k).is_some_and(|s| a.when.value.start >= s.start && a.last_day <= s.end)
    })
}

fn years(k: i32) -> String {
    match k.abs() {
        1 => "one year".to_string(),
        n => format!("{n} years"),
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let finder = PhaseFinder::new(plan);
    for (p, acts) in plan.phases.iter().zip(&ctx.phase_activities) {
        // Explicit start and end decide the span, but a label that reads as a date must agree with them.
        if p.explicit
            && let Some(l) = p.label_when
            && !(p.span.start >= l.start && p.span.end <= l.end)
        {
            let mut f = RULE
                .finding(
                    p.label.span.clone(),
                    format!(
                        "phase '{}' is labelled '{}' ({}), but its start and end say {}",
                        p.name,
                        p.label.value,
                        describe(l.start, l.end),
                        describe(p.span.start, p.span.end)
                    ),
                )
                .label("the label and the dates disagree");
            let shifted = [-2, -1, 1, 2]
                .into_iter()
                .find(|&k| l.shifted_years(k).is_some_and(|s| p.span.start >= s.start && p.span.end <= s.end));
            f = match shifted {
                Some(k) => f.help(format!("did you mean '{}'?", shift_label_years(&p.label.value, k))),
                None => f.help("correct the label or the start and end, so that both say the same"),
            };
            out.push(f);
        }
        let outside: Vec<&Activity> = acts.iter().map(|&i| &plan.activities[i]).filter(|a| !inside(p, a)).collect();
        if outside.is_empty() {
            continue;
        }
        let span_text = describe(p.span.start, p.span.end);
        let what = if p.explicit { "labelled here; its start and end decide its period" } else { "the phase's period" };
        if outside.len() == acts.len() && !p.explicit {
            let shifts: Vec<Option<i32>> = outside.iter().map(|a| years_off(p, a)).collect();
            if let Some(Some(k)) = shifts.first()
                && shifts.iter().all(|s| *s == Some(*k))
            {
                let first = outside.iter().map(|a| a.when.value.start).min().unwrap_or(p.span.start);
                let last = outside.iter().map(|a| a.last_day).max().unwrap_or(p.span.end);
                let n = outside.len();
                let all = match n {
                    1 => "the only activity".to_string(),
                    2 => "both activities".to_string(),
                    n => format!("all {n} activities"),
                };
                let dir = if *k > 0 { "after" } else { "before" };
                let verb = if n == 1 { "is" } else { "are" };
                out.push(
                    RULE.finding(
                        p.label.span.clone(),
                        format!(
                            "{all} of phase '{}' {verb} dated {} {dir} its label '{}'",
                            p.name,
                            years(*k),
                            p.label.value
                        ),
                    )
                    .label(format!(
                        "'{}' is {span_text}, but its activities are {}",
                        p.label.value,
                        describe(first, last)
                    ))
                    .help(format!("did you mean '{}'?", shift_label_years(&p.label.value, *k))),
                );
                continue;
            }
        }
        for a in outside {
            let mut f = RULE
                .finding(
                    a.when.span.clone(),
                    format!(
                        "'{}' is dated {}, outside its phase '{}' ({})",
                        a.title.value,
                        describe(a.when.value.start, a.last_day),
                        p.name,
                        p.label.value
                    ),
                )
                .label(format!("not within {span_text}"))
                .related(p.label.span.clone(), what);
            f = match finder.containing(a) {
                Some(q) => f.help(format!(
                    "this date is in phase '{}' ({}); move the activity there, or correct the date",
                    q.name, q.label.value
                )),
                None => f.help("correct the date, or the phase's period"),
            };
            out.push(f);
        }
    }
}

/// Finds a phase whose span holds an activity, by binary search over phases sorted by start: of the phases
/// starting on or before the activity, the one reaching furthest holds it if any does.
struct PhaseFinder<'a> {
    starts: Vec<chrono::NaiveDate>,
    /// For each prefix of the sorted phases, the one that ends last.
    furthest: Vec<&'a Phase>,
}

impl<'a> PhaseFinder<'a> {
    fn new(plan: &'a crate::model::Plan) -> Self {
        let mut sorted: Vec<&Phase> = plan.phases.iter().filter(|q| !q.name.is_empty()).collect();
        sorted.sort_by_key(|q| q.span.start);
        let mut furthest: Vec<&Phase> = Vec::with_capacity(sorted.len());
        for q in &sorted {
            let best = match furthest.last() {
                Some(b) if b.span.end >= q.span.end => *b,
                _ => *q,
            };
            furthest.push(best);
        }
        PhaseFinder { starts: sorted.iter().map(|q| q.span.start).collect(), furthest }
    }

    fn containing(&self, a: &Activity) -> Option<&'a Phase> {
        let n = self.starts.partition_point(|s| *s <= a.when.value.start);
        let q = *self.furthest.get(n.checked_sub(1)?)?;
        inside(q, a).then_some(q)
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{HEAD, run_rule};

    fn plan(label: &str, whens: &[&str]) -> String {
        let mut s = format!("{HEAD}\n[[phase]]\nid = \"p\"\nname = \"Oppstart\"\nperiod = \"{label}\"\n");
        for (i, w) in whens.iter().enumerate() {
            s.push_str(&format!("[[phase.activity]]\ntitle = \"A{i}\"\nwhen = \"{w}\"\n"));
        }
        s.replace("start = \"vår 2026\"", "start = \"2024\"").replace("end = \"høst 2026\"", "end = \"2028\"")
    }

    #[test]
    fn whole_phase_off_by_a_year_is_one_finding_with_the_corrected_label() {
        let f = run_rule(&RULE, &plan("Vår 2025", &["mars 2026", "april 2026", "2026-06-30"]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "all 3 activities of phase 'Oppstart' are dated one year after its label 'Vår 2025'");
        assert_eq!(f[0].help.as_deref(), Some("did you mean 'Vår 2026'?"));
        assert_eq!(
            f[0].label.as_deref(),
            Some("'Vår 2025' is 2025-01 – 2025-06, but its activities are 2026-03 – 2026-06")
        );
    }

    #[test]
    fn a_whole_phase_two_years_early_is_named_as_such() {
        let f = run_rule(&RULE, &plan("Høst 2024", &["oktober 2026", "høst 2026"]));
        assert_eq!(f[0].message, "both activities of phase 'Oppstart' are dated 2 years after its label 'Høst 2024'");
        assert_eq!(f[0].help.as_deref(), Some("did you mean 'Høst 2026'?"));
        let f = run_rule(&RULE, &plan("Vår 2027", &["mars 2026"]));
        assert_eq!(f[0].message, "the only activity of phase 'Oppstart' is dated one year before its label 'Vår 2027'");
    }

    #[test]
    fn single_stray_activities_are_named_each() {
        let f = run_rule(&RULE, &plan("Vår 2026", &["mars 2026", "august 2026", "2027"]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "'A1' is dated 2026-08, outside its phase 'Oppstart' (Vår 2026)",
                "'A2' is dated 2027-01 – 2027-12, outside its phase 'Oppstart' (Vår 2026)"
            ]
        );
    }

    #[test]
    fn help_names_the_phase_that_holds_the_date() {
        let mut s = plan("Vår 2026", &["mars 2026", "september 2026"]);
        s.push_str("\n[[phase]]\nid = \"q\"\nname = \"Implementering\"\nperiod = \"Høst 2026\"\n[[phase.activity]]\ntitle = \"B\"\nwhen = \"oktober 2026\"\n");
        let f = run_rule(&RULE, &s);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].help.as_deref(),
            Some("this date is in phase 'Implementering' (Høst 2026); move the activity there, or correct the date")
        );
    }

    #[test]
    fn explicit_dates_must_agree_with_a_dated_label() {
        let mut s = plan("Vår 2025", &["mars 2026"]);
        s = s.replace("period = \"Vår 2025\"\n", "period = \"Vår 2025\"\nstart = \"2026-03\"\nend = \"2026-06\"\n");
        let f = run_rule(&RULE, &s);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "phase 'Oppstart' is labelled 'Vår 2025' (2025-01 – 2025-06), but its start and end say 2026-03 – 2026-06"
        );
        assert_eq!(f[0].help.as_deref(), Some("did you mean 'Vår 2026'?"));
        // A label that is not a date leaves the dates to decide.
        let s = plan("Oppstart", &["mars 2026"])
            .replace("period = \"Oppstart\"\n", "period = \"Oppstart\"\nstart = \"2026-03\"\nend = \"2026-06\"\n");
        assert!(run_rule(&RULE, &s).is_empty());
    }

    #[test]
    fn silent_when_everything_fits() {
        assert!(run_rule(&RULE, &plan("Høst 2026 – Vår 2028", &["høsten 2026", "2027-03-12", "juni 2028"])).is_empty());
        assert!(run_rule(&RULE, &plan("Spring 2026", &["March 2026"])).is_empty());
    }

    #[test]
    fn work_that_runs_past_the_phase_is_outside_it() {
        // Starts in May, inside spring; ends in July, after it.
        let s = plan("Vår 2026", &["mars 2026", "mai 2026"])
            .replace("when = \"mai 2026\"", "when = \"mai 2026\"\nend = \"juli 2026\"");
        let f = run_rule(&RULE, &s);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "'A1' is dated 2026-05 – 2026-07, outside its phase 'Oppstart' (Vår 2026)");
        assert_eq!(f[0].label.as_deref(), Some("not within 2026-01 – 2026-06"));
        let s = s.replace("end = \"juli 2026\"", "end = \"juni 2026\"");
        assert!(run_rule(&RULE, &s).is_empty());
    }

    #[test]
    fn the_first_and_last_day_are_inside() {
        assert!(run_rule(&RULE, &plan("Vår 2026", &["2026-01-01", "2026-06-30"])).is_empty());
        let f = run_rule(&RULE, &plan("Vår 2026", &["2025-12-31", "2026-03-02", "2026-07-01"]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "'A0' is dated 2025-12-31, outside its phase 'Oppstart' (Vår 2026)",
                "'A2' is dated 2026-07-01, outside its phase 'Oppstart' (Vår 2026)"
            ]
        );
    }

    #[test]
    fn a_phase_moved_by_years_needs_every_activity_moved_alike() {
        // One a year late, one two years late: each is named, no label is guessed.
        let f = run_rule(&RULE, &plan("Vår 2025", &["mars 2026", "mars 2027"]));
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.message.contains("outside its phase")));
        // The last day of the label's period, a year on, still moves the label.
        let f = run_rule(&RULE, &plan("Vår 2025", &["2026-06-30"]));
        assert_eq!(f[0].help.as_deref(), Some("did you mean 'Vår 2026'?"));
        // A stray activity the label's period cannot hold in any year: named, with the plain help.
        let f = run_rule(&RULE, &plan("Vår 2026", &["august 2026"]));
        assert_eq!(f[0].help.as_deref(), Some("correct the date, or the phase's period"));
    }

    #[test]
    fn the_help_finds_the_phase_reaching_furthest() {
        let mut s = plan("Vår 2026", &["mars 2026", "november 2026"]);
        for (id, label) in [("y", "2026"), ("s", "august 2026")] {
            s.push_str(&format!("\n[[phase]]\nid = \"{id}\"\nname = \"{label}\"\nperiod = \"{label}\"\n"));
        }
        let f = run_rule(&RULE, &s);
        assert_eq!(
            f[0].help.as_deref(),
            Some("this date is in phase '2026' (2026); move the activity there, or correct the date")
        );
    }

    #[test]
    fn explicit_dates_outside_every_shifted_label_get_the_plain_help() {
        let s = plan("Vår 2025", &["mars 2026"])
            .replace("period = \"Vår 2025\"\n", "period = \"Vår 2025\"\nstart = \"2026-03\"\nend = \"2026-09\"\n");
        let f = run_rule(&RULE, &s);
        assert_eq!(f[0].help.as_deref(), Some("correct the label or the start and end, so that both say the same"));
        assert_eq!(f[0].label.as_deref(), Some("the label and the dates disagree"));
        // A span inside the label agrees with it.
        let s = s.replace("start = \"2026-03\"\nend = \"2026-09\"", "start = \"2025-02\"\nend = \"2025-05\"");
        let f = run_rule(&RULE, &s.replace("mars 2026", "mars 2025"));
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_phase_over_new_year_moved_by_a_year() {
        let f = run_rule(&RULE, &plan("Høst 2025 – Vår 2026", &["oktober 2026", "mars 2027"]));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "both activities of phase 'Oppstart' are dated one year after its label 'Høst 2025 – Vår 2026'"
        );
        assert_eq!(f[0].help.as_deref(), Some("did you mean 'Høst 2026 – Vår 2027'?"));
    }

    #[test]
    fn explicit_dates_a_year_or_two_before_their_label() {
        let help = |label: &str| {
            let s = plan(label, &["mars 2026"]).replace(
                &format!("period = \"{label}\"\n"),
                &format!("period = \"{label}\"\nstart = \"2026-02\"\nend = \"2026-05\"\n"),
            );
            run_rule(&RULE, &s)[0].help.clone().unwrap_or_default()
        };
        assert_eq!(help("Vår 2027"), "did you mean 'Vår 2026'?");
        assert_eq!(help("Vår 2028"), "did you mean 'Vår 2026'?");
        assert_eq!(help("Vår 2024"), "did you mean 'Vår 2026'?");
    }

    #[test]
    fn explicit_dates_decide_so_each_stray_activity_is_named() {
        // Every activity a year after the phase's explicit dates: the dates are not a label to correct.
        let s = plan("Oppstart", &["mars 2027", "april 2027"])
            .replace("period = \"Oppstart\"\n", "period = \"Oppstart\"\nstart = \"2026-03\"\nend = \"2026-06\"\n");
        let f = run_rule(&RULE, &s);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "'A0' is dated 2027-03, outside its phase 'Oppstart' (Oppstart)",
                "'A1' is dated 2027-04, outside its phase 'Oppstart' (Oppstart)"
            ]
        );
        assert_eq!(f[0].related[0].1, "labelled here; its start and end decide its period");
    }
}
