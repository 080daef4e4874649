use super::{Ctx, Rule, describe, rule_doc};
use crate::diag::{Finding, RuleId, Severity, Span};
use crate::messages::rules::step_order as m;
use crate::model::Plan;
use chrono::NaiveDate;

pub const RULE: Rule = Rule {
    id: RuleId::StepOrder,
    severity: Severity::Warning,
    summary: m::SUMMARY,
    doc: rule_doc!("step-order"),
    check: Some(check),
};

/// Where a step begins: the earliest start of a non-cancelled activity that serves one of its components (the
/// first in file order on a tie), the last day of the period its `when` names ("oktober 2026": 31 October), the
/// entry naming the component in that activity's `components`, and which component it names.
#[derive(Clone, Copy)]
struct Begin {
    day: NaiveDate,
    by: NaiveDate,
    activity: usize,
    entry: Span,
    component: usize,
}

/// The steps the components have, in order, with their components in file order.
struct Steps {
    numbers: Vec<u32>,
    components: Vec<Vec<usize>>,
}

impl Steps {
    fn of(plan: &Plan) -> Steps {
        let mut numbered: Vec<(u32, usize)> =
            plan.components.iter().enumerate().filter_map(|(i, c)| c.step.as_ref().map(|s| (s.value, i))).collect();
        numbered.sort_unstable();
        let mut steps = Steps { numbers: Vec::new(), components: Vec::new() };
        for (n, i) in numbered {
            if steps.numbers.last() != Some(&n) {
                steps.numbers.push(n);
                steps.components.push(Vec::new());
            }
            steps.components.last_mut().expect("pushed above").push(i);
        }
        steps
    }
}

/// A step that begins (its first activity) while an earlier step has not begun: no activity serves it, or its
/// first one starts after the period the later step's first activity is written for ("oktober 2026" and 15
/// October begin together: only a sure inversion is reported). In O(n log k) for n activities and k steps,
/// plus the earlier steps named in a finding.
fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let plan = ctx.plan;
    let steps = Steps::of(plan);
    if steps.numbers.len() < 2 {
        return;
    }
    // Each component's place among the steps.
    let place: foldhash::HashMap<&str, (usize, usize)> = steps
        .components
        .iter()
        .enumerate()
        .flat_map(|(k, cs)| cs.iter().map(move |&c| (plan.components[c].id.value.as_str(), (k, c))))
        .collect();
    let mut begins: Vec<Option<Begin>> = vec![None; steps.numbers.len()];
    for (activity, a) in plan.activities.iter().enumerate().filter(|(_, a)| !a.is_cancelled()) {
        let (day, by) = (a.when.value.start, a.when.value.end);
        for entry in &a.components {
            let Some(&(k, component)) = place.get(entry.value.as_str()) else { continue };
            if begins[k].is_none_or(|b| day < b.day) {
                begins[k] = Some(Begin { day, by, activity, entry: entry.span, component });
            }
        }
    }
    // The latest beginning among the steps before. A step that never begins is reported once, at the first
    // later step that does: one cancelled step is one finding, not one for every step after it.
    let mut latest: Option<NaiveDate> = None;
    let mut never_begun_unreported = false;
    for (k, begin) in begins.iter().enumerate() {
        if let Some(b) = begin
            && (never_begun_unreported || latest.is_some_and(|d| d > b.by))
        {
            out.push(finding(plan, &steps, &begins, k, b));
            never_begun_unreported = false;
        }
        match begin {
            Some(b) => latest = latest.max(Some(b.day)),
            None => never_begun_unreported = true,
        }
    }
}

/// At most this many component names of the earlier steps are named, and this many of their first activities
/// pointed at.
const NAMES: usize = 4;
const RELATED: usize = 3;

fn finding(plan: &Plan, steps: &Steps, begins: &[Option<Begin>], k: usize, b: &Begin) -> Finding {
    let not_begun: Vec<usize> = (0..k).filter(|&r| begins[r].is_none_or(|e| e.day > b.by)).collect();
    let numbers: Vec<u32> = not_begun.iter().map(|&r| steps.numbers[r]).collect();
    let ranges = ranges(&numbers);
    let names: Vec<&str> =
        not_begun.iter().flat_map(|&r| &steps.components[r]).map(|&c| plan.components[c].name.as_str()).collect();
    let shown = if names.len() > NAMES { NAMES - 1 } else { names.len() };
    let when = &plan.activities[b.activity].when.value;
    let message = m::begins_before(
        &plan.components[b.component].name,
        steps.numbers[k],
        &describe(when.start, when.end),
        &ranges,
        numbers.len(),
        &m::names(&names[..shown], names.len() - shown),
    );
    let mut f = RULE.finding(b.entry, message).label(m::step_begins_here(steps.numbers[k]));
    for &r in not_begun.iter().filter(|&&r| begins[r].is_some()).take(RELATED) {
        if let Some(e) = begins[r] {
            let when = &plan.activities[e.activity].when.value;
            f = f.related(e.entry, m::earlier_step_begins_here(steps.numbers[r], &describe(when.start, when.end)));
        }
    }
    f.help(m::begin_in_order(&ranges, numbers.len()))
}

/// Step numbers, ascending, written compactly: a run as "3–5" (or "4–5"), the rest one by one; at most six
/// parts, then "…".
fn ranges(numbers: &[u32]) -> String {
    const PARTS: usize = 6;
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        if i == j {
            parts.push(numbers[i].to_string());
        } else {
            parts.push(format!("{}–{}", numbers[i], numbers[j]));
        }
        i = j + 1;
    }
    if parts.len() > PARTS {
        parts.truncate(PARTS);
        parts.push("…".into());
    }
    parts.join(", ")
}

/// The rule's cases are the fixtures in `tests/fixtures/rules/step-order/`; here, how step numbers are written.
#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn step_numbers_are_written_in_runs() {
        assert_eq!(ranges(&[]), "");
        assert_eq!(ranges(&[4]), "4");
        assert_eq!(ranges(&[4, 5]), "4–5");
        assert_eq!(ranges(&[3, 4, 5]), "3–5");
        assert_eq!(ranges(&[1, 3, 4, 5, 7, 8]), "1, 3–5, 7–8");
        assert_eq!(ranges(&[2, 10, 11, 12, 20]), "2, 10–12, 20");
        assert_eq!(ranges(&[1, 3, 5, 7, 9, 11, 13]), "1, 3, 5, 7, 9, 11, …");
        assert_eq!(ranges(&[1, 3, 5, 7, 9, 11]), "1, 3, 5, 7, 9, 11");
    }
}
