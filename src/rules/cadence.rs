use super::requirements::{matching_text, months_of, scope};
use crate::lang::Words;
use super::{rule_doc, Ctx, Rule};
use crate::diag::{Finding, RuleId, Severity};
use crate::model::{Cadence, Requirement};
use crate::when::format_month_index;

pub const RULE: Rule = Rule {
    id: RuleId::Cadence,
    severity: Severity::Error,
    summary: Words::untranslated("A recurring requirement that the schedule does not meet"),
    doc: rule_doc!("cadence"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for req in &ctx.plan.requirements {
        if let Some(w) = req.window.as_ref().filter(|w| !w.value.is_empty()) {
            check_window(ctx, req, w, out);
        }
        if let Some(c) = &req.cadence
            && let Cadence::Every(n) = c.value
        {
            // A yearly survey with a window is kept by one in each year's window (October 2026, then November
            // 2027 is fine), not by gaps of at most 12 months.
            match req.window.as_ref().filter(|w| !w.value.is_empty() && n == 12) {
                Some(w) => check_yearly_window(ctx, req, w, c.span, out),
                None => check_one(ctx, req, n, c.span, out),
            }
        }
    }
}

/// Each matching activity must start in one of the window's months (a survey's usual season).
fn check_window(ctx: &Ctx, req: &Requirement, w: &crate::model::Spanned<Vec<u32>>, out: &mut Vec<Finding>) {
    use chrono::Datelike;
    let names: Vec<&str> = w.value.iter().map(|&m| crate::i18n::month_name(crate::model::Lang::En, m)).collect();
    let window = crate::suggest::quoted_list(&names).replace('\'', "");
    for i in super::requirements::activities_keeping(ctx, req) {
        let a = &ctx.plan.activities[i];
        if !w.value.contains(&a.when.value.start.month()) {
            out.push(
                RULE.finding(
                    a.when.span,
                    format!(
                        "'{}' ({}) is outside the window of '{}' ({window})",
                        a.title.value,
                        format_month_index(crate::when::month_index(a.when.value.start)),
                        req.title
                    ),
                )
                .label("outside the survey's window")
                .related(w.span, "the window")
                .help("move it into the window, or set the months this municipality runs it with months = [...]"),
            );
        }
    }
}

fn check_yearly_window(
    ctx: &Ctx,
    req: &Requirement,
    w: &crate::model::Spanned<Vec<u32>>,
    span: crate::diag::Span,
    out: &mut Vec<Finding>,
) {
    let Some((from, until)) = scope(ctx, req, &RULE, span, out) else { return };
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
                    span,
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

fn check_one(ctx: &Ctx, req: &Requirement, n: u32, span: crate::diag::Span, out: &mut Vec<Finding>) {
    let Some((from, until)) = scope(ctx, req, &RULE, span, out) else { return };
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
            RULE.finding(span, format!("no '{}' {when} ({}; {what})", req.title, months_text(gap)))
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
