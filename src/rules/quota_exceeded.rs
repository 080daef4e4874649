use super::requirements::activities_keeping;
use super::{Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};

pub const RULE: Rule = Rule {
    id: RuleId::QuotaExceeded,
    severity: Severity::Error,
    summary: "More places used than a requirement's quota allows, in all or at one activity",
    doc: include_str!("docs/quota-exceeded.md"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let acts = &ctx.plan.activities;
    for req in &ctx.plan.recurring {
        if req.quota.is_none() && req.quota_each.is_none() {
            continue;
        }
        let ids: Vec<usize> = activities_keeping(ctx, req).collect();
        if let Some(q) = &req.quota {
            let used: u64 = ids.iter().filter_map(|&i| acts[i].places.as_ref()).map(|p| p.value as u64).sum();
            if used > q.value as u64 {
                let mut f = RULE
                    .finding(
                        q.span.clone(),
                        format!("'{}' has {} places, but the plan uses {used}", req.title, q.value),
                    )
                    .label(format!("{} over the quota", used - q.value as u64));
                // Point at the activity that passes the quota.
                let mut sum = 0u64;
                for &i in &ids {
                    if let Some(p) = &acts[i].places {
                        sum += p.value as u64;
                        if sum > q.value as u64 {
                            f = f.related(p.span.clone(), format!("the quota is passed here ({sum} places so far)"));
                            break;
                        }
                    }
                }
                out.push(f.help("spread the places over fewer activities, or agree a larger quota"));
            }
        }
        if let Some(q) = &req.quota_each {
            for &i in &ids {
                if let Some(p) = acts[i].places.as_ref().filter(|p| p.value > q.value) {
                    out.push(
                        RULE.finding(
                            p.span.clone(),
                            format!(
                                "'{}' uses {} places; '{}' allows {} each",
                                acts[i].title.value, p.value, req.title, q.value
                            ),
                        )
                        .label("over the quota")
                        .related(q.span.clone(), "the quota"),
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

    fn plan(req: &str, places: &[u32]) -> String {
        let mut s = format!(
            "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2028\"\n\n[roles]\npl = \"P\"\n\n[[requirement]]\nid = \"r\"\ntitle = \"Trenerutdanning\"\nkind = \"trener\"\n{req}\n"
        );
        for (i, p) in places.iter().enumerate() {
            s.push_str(&format!(
                "\n[[activity]]\ntitle = \"A{i}\"\nwhen = \"{}\"\nowner = \"pl\"\nkind = \"trener\"\nplaces = {p}\n",
                2026 + i
            ));
        }
        s
    }

    #[test]
    fn total_and_each() {
        let f = run_rule(&RULE, &plan("quota = 6", &[2, 2, 3]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "'Trenerutdanning' has 6 places, but the plan uses 7");
        assert!(run_rule(&RULE, &plan("quota = 6", &[2, 2, 2])).is_empty());
        let f = run_rule(&RULE, &plan("quota-each = 6", &[6, 8]));
        assert_eq!(f[0].message, "'A1' uses 8 places; 'Trenerutdanning' allows 6 each");
        assert!(run_rule(&RULE, &plan("quota-each = 6", &[6, 5])).is_empty());
    }

    #[test]
    fn a_quota_used_exactly_is_kept() {
        assert!(run_rule(&RULE, &plan("quota = 6", &[2, 2, 2])).is_empty());
        assert!(run_rule(&RULE, &plan("quota = 6\nquota-each = 6", &[6])).is_empty());
    }

    #[test]
    fn the_finding_points_where_the_quota_is_passed() {
        let text = plan("quota = 6", &[2, 4, 3, 5]);
        let f = run_rule(&RULE, &text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "'Trenerutdanning' has 6 places, but the plan uses 14");
        assert_eq!(f[0].label.as_deref(), Some("8 over the quota"));
        assert_eq!(f[0].related.len(), 1);
        let (at, what) = &f[0].related[0];
        assert_eq!(what, "the quota is passed here (9 places so far)");
        // The third activity's places, not the second's (which reaches the quota exactly) nor the fourth's.
        let third = text.find("title = \"A2\"").unwrap();
        assert_eq!(at.start, third + text[third..].find("places = 3").unwrap() + "places = ".len());
        assert_eq!(&f[0].help.as_deref().unwrap()[..17], "spread the places");
    }

    #[test]
    fn activities_of_other_kinds_use_no_places() {
        let text =
            plan("quota = 6", &[4, 4]).replacen("kind = \"trener\"\nplaces = 4", "kind = \"kurs\"\nplaces = 4", 2);
        let text = text.replacen("kind = \"kurs\"", "kind = \"trener\"", 1);
        assert!(run_rule(&RULE, &text).is_empty(), "only one of the two is a trainer course");
    }

    #[test]
    fn each_activity_over_its_own_quota_is_named() {
        let text = plan("quota-each = 3", &[4, 3, 5]);
        let f = run_rule(&RULE, &text);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "'A0' uses 4 places; 'Trenerutdanning' allows 3 each",
                "'A2' uses 5 places; 'Trenerutdanning' allows 3 each"
            ]
        );
        assert_eq!(f[0].related[0].1, "the quota");
        assert_eq!(&text[f[0].span.clone().unwrap()], "4");
    }
}
