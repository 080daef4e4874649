use super::requirements::{activities_keeping, matching_text};
use super::{Ctx, Rule, describe};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::RequirementDeadline,
    severity: Severity::Error,
    summary: "A requirement's deadline, window or 'before' that the schedule does not meet",
    doc: include_str!("docs/requirement-deadline.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    for req in &ctx.plan.recurring {
        if req.by.is_none() && req.within.is_none() && req.before.is_none() {
            continue;
        }
        let mut ids: Vec<usize> = activities_keeping(ctx, req).collect();
        ids.sort_by_key(|&i| (acts[i].when.value.start, i));
        let matching = matching_text(req);
        if let Some(by) = &req.by {
            let deadline = by.value.end;
            match ids.first().map(|&i| &acts[i]) {
                None => out.push(
                    RULE.finding(by.span.clone(), format!("no '{}' is scheduled; it is due by {deadline}", req.title))
                        .label("the deadline")
                        .help(format!("schedule it, and mark it so the checker finds it: it looks for {matching}")),
                ),
                Some(first) if first.when.value.start > deadline => out.push(
                    RULE.finding(
                        first.when.span.clone(),
                        format!(
                            "'{}' ({}) comes after the deadline of '{}' ({deadline})",
                            first.title.value,
                            describe(first.when.value.start, first.last_day),
                            req.title
                        ),
                    )
                    .label("too late")
                    .related(by.span.clone(), "the deadline")
                    .help("move it before the deadline, or schedule an earlier one"),
                ),
                _ => {}
            }
        }
        if let Some(w) = &req.within {
            let window = describe(w.value.start, w.value.end);
            if ids.is_empty() {
                out.push(
                    RULE.finding(w.span.clone(), format!("no '{}' is scheduled in {window}", req.title))
                        .label("the window")
                        .help(format!("schedule it in the window; the checker looks for {matching}")),
                );
            }
            for &i in &ids {
                let a = &acts[i];
                if a.when.value.start < w.value.start || a.last_day > w.value.end {
                    out.push(
                        RULE.finding(
                            a.when.span.clone(),
                            format!(
                                "'{}' ({}) is outside the window of '{}' ({window})",
                                a.title.value,
                                describe(a.when.value.start, a.last_day),
                                req.title
                            ),
                        )
                        .label("outside the window")
                        .related(w.span.clone(), "the window"),
                    );
                }
            }
        }
        if let Some(b) = &req.before
            && let Some(target) = ctx.activity(&b.value).map(|i| &acts[i])
        {
            if ids.is_empty() && req.by.is_none() && req.within.is_none() {
                out.push(
                    RULE.finding(
                        b.span.clone(),
                        format!("no '{}' is scheduled; it must come before '{}'", req.title, target.title.value),
                    )
                    .label("nothing is scheduled before this")
                    .help(format!("schedule it, and mark it so the checker finds it: it looks for {matching}")),
                );
            }
            for &i in &ids {
                let a = &acts[i];
                if a.last_day >= target.when.value.start {
                    out.push(
                        RULE.finding(
                            a.when.span.clone(),
                            format!(
                                "'{}' ({}) must be done before '{}' ({})",
                                a.title.value,
                                describe(a.when.value.start, a.last_day),
                                target.title.value,
                                describe(target.when.value.start, target.last_day)
                            ),
                        )
                        .label("not before it")
                        .related(b.span.clone(), "required before this activity"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::run_rule;

    fn plan(req: &str, acts: &[(&str, &str)]) -> String {
        let mut s = format!(
            "[plan]\ntitle = \"T\"\nstart = \"2020-09\"\nend = \"vår 2022\"\n\n[agreement]\nyears = 2\n\n[roles]\npl = \"P\"\n\n[[requirement]]\nid = \"r\"\ntitle = \"Påmelding\"\nkind = \"pamelding\"\n{req}\n"
        );
        for (id, w) in acts {
            s.push_str(&format!(
                "\n[[activity]]\nid = \"{id}\"\ntitle = \"{id}\"\nwhen = \"{w}\"\nowner = \"pl\"\nkind = \"{}\"\n",
                if id.starts_with('p') { "pamelding" } else { "samling" }
            ));
        }
        s
    }

    #[test]
    fn deadlines_fire_when_late_or_missing() {
        let f = run_rule(&RULE, &plan("by = \"23.10.2020\"", &[("pamelding", "2020-10-30")]));
        assert_eq!(f[0].message, "'pamelding' (2020-10-30) comes after the deadline of 'Påmelding' (2020-10-23)");
        let f = run_rule(&RULE, &plan("by = \"første avtaleår\"", &[]));
        assert_eq!(f[0].message, "no 'Påmelding' is scheduled; it is due by 2021-08-31");
        assert!(run_rule(&RULE, &plan("by = \"23.10.2020\"", &[("pamelding", "2020-10-20")])).is_empty());
    }

    #[test]
    fn windows_and_before() {
        let f = run_rule(&RULE, &plan("within = \"år 2\"", &[("pamelding", "2021-03")]));
        assert_eq!(f[0].message, "'pamelding' (2021-03) is outside the window of 'Påmelding' (2021-09 – 2022-08)");
        assert!(run_rule(&RULE, &plan("within = \"år 2\"", &[("pamelding", "2021-10")])).is_empty());
        let acts = [("pamelding", "2020-11-18"), ("samling", "2020-11-17")];
        let f = run_rule(&RULE, &plan("before = \"samling\"", &acts));
        assert_eq!(f[0].message, "'pamelding' (2020-11-18) must be done before 'samling' (2020-11-17)");
        let acts = [("pamelding", "2020-10-23"), ("samling", "2020-11-17")];
        assert!(run_rule(&RULE, &plan("before = \"samling\"", &acts)).is_empty());
        let f = run_rule(&RULE, &plan("before = \"samling\"", &[("samling", "2020-11-17")]));
        assert_eq!(f[0].message, "no 'Påmelding' is scheduled; it must come before 'samling'");
    }

    #[test]
    fn the_window_has_two_ends() {
        let outside = |w: &str| run_rule(&RULE, &plan("within = \"år 2\"", &[("pamelding", w)])).len();
        assert_eq!(outside("2021-08-31"), 1, "the day before the window");
        assert_eq!(outside("2021-09-01"), 0, "its first day");
        assert_eq!(outside("2022-08-31"), 0, "its last day");
        assert_eq!(outside("2022-09-01"), 1, "the day after");
        assert_eq!(outside("august 2022"), 0, "a month that ends with it");
        // Work that starts inside but runs past the end.
        let text = plan("within = \"år 2\"", &[("pamelding", "juni 2022")])
            .replace("when = \"juni 2022\"", "when = \"juni 2022\"\nend = \"oktober 2022\"");
        let f = run_rule(&RULE, &text);
        assert_eq!(
            f[0].message,
            "'pamelding' (2022-06 – 2022-10) is outside the window of 'Påmelding' (2021-09 – 2022-08)"
        );
        let f = run_rule(&RULE, &plan("within = \"år 2\"", &[]));
        assert_eq!(f[0].message, "no 'Påmelding' is scheduled in 2021-09 – 2022-08");
    }

    #[test]
    fn before_means_done_the_day_before() {
        let on = |day: &str| {
            run_rule(&RULE, &plan("before = \"samling\"", &[("pamelding", day), ("samling", "2020-11-17")]))
        };
        assert_eq!(on("2020-11-17")[0].message, "'pamelding' (2020-11-17) must be done before 'samling' (2020-11-17)");
        assert!(on("2020-11-16").is_empty());
        // A month that holds the day is not done before it.
        assert_eq!(on("november 2020").len(), 1);
    }

    #[test]
    fn the_deadline_day_itself_is_in_time() {
        assert!(run_rule(&RULE, &plan("by = \"23.10.2020\"", &[("pamelding", "2020-10-23")])).is_empty());
        let f = run_rule(&RULE, &plan("by = \"23.10.2020\"", &[("pamelding", "2020-10-24")]));
        assert_eq!(f.len(), 1);
        // The earliest counts, wherever it stands in the file.
        let acts = [("pamelding-sen", "2020-12-01"), ("pamelding", "2020-10-01")];
        assert!(run_rule(&RULE, &plan("by = \"23.10.2020\"", &acts)).is_empty());
    }

    #[test]
    fn a_missing_activity_is_reported_once() {
        // With a deadline, its finding says it is missing; 'before' does not say it again.
        let f = run_rule(&RULE, &plan("by = \"23.10.2020\"\nbefore = \"samling\"", &[("samling", "2020-11-17")]));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs, ["no 'Påmelding' is scheduled; it is due by 2020-10-23"]);
        let f = run_rule(&RULE, &plan("within = \"år 1\"\nbefore = \"samling\"", &[("samling", "2020-11-17")]));
        assert_eq!(f.len(), 1);
        // A 'before' naming no activity is unknown-reference's to report.
        assert!(run_rule(&RULE, &plan("before = \"nope\"", &[("pamelding", "2020-10-01")])).is_empty());
    }
}
