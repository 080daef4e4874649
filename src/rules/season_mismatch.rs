use super::{Ctx, Rule, describe, rule_doc};
use crate::diag::{Finding, RuleId, Severity};
use crate::messages::common::did_you_mean;
use crate::messages::rules::season_mismatch as m;
use crate::model::{Activity, Phase};
use crate::when::shift_label_years;
use chrono::Datelike;

pub const RULE: Rule = Rule {
    id: RuleId::SeasonMismatch,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("season-mismatch"),
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
                    p.label.span,
                    m::label_and_dates_disagree(
                        &p.name,
                        &p.label.value,
                        &describe(l.start, l.end),
                        &describe(p.span.start, p.span.end),
                    ),
                )
                .label(m::they_disagree());
            let shifted = [-2, -1, 1, 2]
                .into_iter()
                .find(|&k| l.shifted_years(k).is_some_and(|s| p.span.start >= s.start && p.span.end <= s.end));
            f = match shifted {
                Some(k) => f.help(did_you_mean(&shift_label_years(&p.label.value, k))),
                None => f.help(m::make_them_agree()),
            };
            out.push(f);
        }
        let outside: Vec<&Activity> = acts.iter().map(|&i| &plan.activities[i]).filter(|a| !inside(p, a)).collect();
        if outside.is_empty() {
            continue;
        }
        let span_text = describe(p.span.start, p.span.end);
        let what = if p.explicit { m::labelled_here() } else { m::the_phases_period() };
        if outside.len() == acts.len() && !p.explicit {
            let shifts: Vec<Option<i32>> = outside.iter().map(|a| years_off(p, a)).collect();
            // The label moved by those years, when it is still a period the loader reads (years past 9999 are
            // not): else each activity is reported on its own, with no fix that would break the plan.
            if let Some(Some(k)) = shifts.first()
                && shifts.iter().all(|s| *s == Some(*k))
                && crate::when::parse_period(&shift_label_years(&p.label.value, *k)).is_ok()
            {
                let first = outside.iter().map(|a| a.when.value.start).min().unwrap_or(p.span.start);
                let last = outside.iter().map(|a| a.last_day).max().unwrap_or(p.span.end);
                out.push(
                    RULE.finding(
                        p.label.span,
                        m::all_years_off(outside.len(), &p.name, k.unsigned_abs(), *k > 0, &p.label.value),
                    )
                    .label(m::label_is_but_activities_are(&p.label.value, &span_text, &describe(first, last)))
                    .help(relabel_or_move(ctx, p, &outside, *k))
                    .fix(relabel(p, *k)),
                );
                continue;
            }
        }
        for a in outside {
            let mut f = RULE
                .finding(
                    a.when.span,
                    m::outside_its_phase(
                        &a.title.value,
                        &describe(a.when.value.start, a.last_day),
                        &p.name,
                        &p.label.value,
                    ),
                )
                .label(m::not_within(&span_text))
                .related(p.label.span, what.clone());
            f = match finder.containing(a) {
                Some(q) => f.help(m::move_to_phase(&q.name, &q.label.value)),
                None => f.help(m::correct_date_or_period()),
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

/// "did you mean 'Vår 2025'?", and, where the first activity can be moved by a command (it has no `end`, and
/// its `when` is plain text), "if the label is right, move the activities instead: implan move ID --to WHEN".
fn relabel_or_move(ctx: &Ctx, p: &Phase, outside: &[&Activity], years: i32) -> crate::lang::Text {
    let label = shift_label_years(&p.label.value, years);
    let first = outside.first().filter(|a| a.last_day == a.when.value.end);
    let moved = first.and_then(|a| {
        let to = shell_word(&shift_label_years(plain_string(&ctx.source.text[a.when.span.range()])?, -years))?;
        // The plan is named as the check was given it, so that the command edits the file the finding is in.
        let plan = shell_word(&ctx.source.path.to_string_lossy())?;
        Some(format!("implan move {plan} {} --to {to}", a.id.value))
    });
    match moved {
        Some(command) => m::relabel_or_move(&label, &command, outside.len() - 1),
        None => did_you_mean(&label),
    }
}

/// A TOML value's text without its quotes, when it holds no escapes (a bare date is its own text).
fn plain_string(raw: &str) -> Option<&str> {
    let inner = match raw.as_bytes().first()? {
        b'"' => raw.strip_prefix('"')?.strip_suffix('"')?,
        b'\'' => raw.strip_prefix('\'')?.strip_suffix('\'')?,
        _ => raw,
    };
    (!inner.contains(['\\', '"', '\''])).then_some(inner)
}

/// `text` as one word for a POSIX shell: as it is when it is letters, digits and `-./_`, else in single quotes;
/// `None` for text with control characters, which a command line should not carry.
fn shell_word(text: &str) -> Option<String> {
    if text.is_empty() || text.chars().any(char::is_control) || text.contains('\'') {
        return None;
    }
    let plain = text.chars().all(|c| c.is_alphanumeric() || "-./_".contains(c));
    Some(if plain { text.to_string() } else { format!("'{text}'") })
}

/// The label moved by `years`: unsafe, because the activities may be the ones dated wrong.
fn relabel(p: &Phase, years: i32) -> crate::diag::Fix {
    let label = shift_label_years(&p.label.value, years);
    let text = crate::escape::toml_string(&label, false);
    crate::diag::Fix::replace(
        crate::diag::Applicability::Unsafe,
        p.label.span,
        text,
        crate::messages::common::write_this(&label),
    )
}

#[cfg(test)]
mod command_tests {
    use super::*;

    #[test]
    fn a_when_goes_into_the_move_command_only_as_plain_text_and_one_shell_word() {
        assert_eq!(plain_string("\"mars 2025\""), Some("mars 2025"));
        assert_eq!(plain_string("'mars 2025'"), Some("mars 2025"));
        assert_eq!(plain_string("2025-03-12"), Some("2025-03-12"));
        assert_eq!(plain_string("\"mars\\u00202025\""), None, "an escape is not its value");
        assert_eq!(plain_string("\""), None);
        assert_eq!(shell_word("2025-03"), Some("2025-03".into()));
        assert_eq!(shell_word("plans/beiarn_omni.toml"), Some("plans/beiarn_omni.toml".into()));
        assert_eq!(shell_word("mars 2025"), Some("'mars 2025'".into()));
        assert_eq!(shell_word("$(rm -rf ~)"), Some("'$(rm -rf ~)'".into()));
        assert_eq!(shell_word("it's"), None);
        assert_eq!(shell_word("a\nb"), None);
        assert_eq!(shell_word(""), None);
    }
}
