use super::requirements::{each_requirement, matching, months_of, scope, window_start_and_len};
use super::{Ctx, Rule, rule_doc};
use crate::diag::{Applicability, Finding, Fix, RuleId, Severity};
use crate::i18n;
use crate::lang::{Lang, Text};
use crate::messages::common::{per_language, quoted_list, write_this};
use crate::messages::rules::cadence as m;
use crate::model::{Cadence, Requirement};
use crate::when::format_month_index;

pub const RULE: Rule = Rule {
    id: RuleId::Cadence,
    severity: Severity::Error,
    summary: m::SUMMARY,
    doc: rule_doc!("cadence"),
    check: Some(check),
};

fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_requirement(ctx, out, |req, out| {
        check_survey_name(req, out);
        let window = req.window.as_ref().filter(|w| !w.value.is_empty());
        let every = req.cadence.as_ref().and_then(|c| match c.value {
            Cadence::Every(n) => Some((n, c.span)),
            Cadence::Count { .. } => None,
        });
        let Some(span) = every.map(|(_, span)| span).or(window.map(|w| w.span)) else { return };
        let Some(scope) = scope(ctx, req, &RULE, span, out) else { return };
        if let Some(w) = window {
            check_window(ctx, req, w, out);
        }
        // A yearly survey with a window is kept by one in each year's window (October 2026, then November
        // 2027 is fine), not by gaps of at most 12 months.
        match (every, window) {
            (Some((12, span)), Some(w)) => check_yearly_window(ctx, req, w, scope, span, out),
            (Some((n, span)), _) => check_one(ctx, req, n, scope, span, out),
            (None, _) => {}
        }
    });
}

/// Each matching activity must start in one of the window's months (a survey's usual season), or in the
/// survey's other round, where it does not count for this requirement but is no mistake either.
fn check_window(ctx: &Ctx, req: &Requirement, w: &crate::model::Spanned<Vec<u32>>, out: &mut Vec<Finding>) {
    use chrono::Datelike;
    let other_round = req.survey.as_ref().map_or(&[][..], |s| s.value.survey.other_round);
    let window = month_span(&w.value);
    for i in super::requirements::activities_keeping(ctx, req) {
        let a = &ctx.plan.activities[i];
        let month = a.when.value.start.month();
        if w.value.contains(&month) || other_round.contains(&month) {
            continue;
        }
        let at = format_month_index(crate::when::month_index(a.when.value.start));
        let message = if other_round.is_empty() {
            m::outside_window(&a.title.value, &at, &req.title, &window)
        } else {
            m::outside_both_rounds(&a.title.value, &at, &req.title, &window, &month_span(other_round))
        };
        out.push(
            RULE.finding(a.when.span, message)
                .label(m::outside_the_surveys_window())
                .related(w.span, m::the_window())
                .help(m::move_into_the_window()),
        );
    }
}

fn check_yearly_window(
    ctx: &Ctx,
    req: &Requirement,
    w: &crate::model::Spanned<Vec<u32>>,
    (from, until): (i64, i64),
    span: crate::diag::Span,
    out: &mut Vec<Finding>,
) {
    let months = months_of(ctx, req, from, until);
    let (first, len) = window_start_and_len(&w.value);
    // A window over New Year (October–January) is named by the year it starts in; one starting the year before
    // `from` starts before it and is not owed.
    for year in from.div_euclid(12)..=until.div_euclid(12) {
        let ws = year * 12 + first as i64 - 1;
        let we = ws + len as i64 - 1;
        // Only windows wholly inside the requirement's span are owed.
        if ws < from || we > until {
            continue;
        }
        let held = months.iter().any(|m| (ws..=we).contains(m) && w.value.contains(&(m.rem_euclid(12) as u32 + 1)));
        if !held {
            out.push(
                RULE.finding(
                    span,
                    m::missing_in_window(&req.title, year, &format_month_index(ws), &format_month_index(we)),
                )
                .label(m::required_every_year_in_window())
                .help(m::schedule_in_window(&matching(req))),
            );
        }
    }
}

/// A survey named by an old name that has become ambiguous: it still means what it meant, and the name that
/// says so is a safe fix.
fn check_survey_name(req: &Requirement, out: &mut Vec<Finding>) {
    let Some(survey) = &req.survey else { return };
    let Some(instead) = survey.value.write_instead else { return };
    let quoted = format!("\"{instead}\"");
    out.push(
        RULE.finding(survey.span, m::ambiguous_survey(survey.value.survey.name))
            .severity(Severity::Warning)
            .label(m::also_a_school_survey())
            .help(m::write_the_survey_meant(instead))
            .fix(Fix::replace(Applicability::Safe, survey.span, quoted, write_this(instead))),
    );
}

fn check_one(
    ctx: &Ctx,
    req: &Requirement,
    n: u32,
    (from, until): (i64, i64),
    span: crate::diag::Span,
    out: &mut Vec<Finding>,
) {
    let months = months_of(ctx, req, from, until);
    let matching = matching(req);
    let every = per_language(i18n::every(Lang::Nb, n), i18n::every(Lang::Nn, n), i18n::every(Lang::En, n));
    let what = m::required_every(&every, n as i64);
    // The tolerance widens what passes; the message still states the requirement as written.
    let n = n as i64 + ctx.options.cadence_tolerance as i64;
    if months.is_empty() {
        out.push(
            RULE.finding(
                span,
                m::missing_altogether(&req.title, &format_month_index(from), &format_month_index(until)),
            )
            .label(what)
            .help(m::schedule_and_mark(&matching)),
        );
        return;
    }
    let mut windows = Vec::new();
    if months[0] - from > n {
        windows.push((m::from_the_start(&format_month_index(from), &format_month_index(months[0])), months[0] - from));
    }
    for w in months.windows(2) {
        if w[1] - w[0] > n {
            windows.push((m::between(&format_month_index(w[0]), &format_month_index(w[1])), w[1] - w[0]));
        }
    }
    let lastm = months[months.len() - 1];
    if until - lastm > n {
        windows.push((m::until_the_end(&format_month_index(lastm), &format_month_index(until)), until - lastm));
    }
    for (when, gap) in windows {
        out.push(
            RULE.finding(span, m::missing_in(&req.title, &when, gap, &what))
                .label(what.clone())
                .help(m::schedule_one_here(&matching)),
        );
    }
}

/// A window's months from its first, in each language: "oktober–januar" for a run of three or more, else a
/// list ("oktober og november").
pub(super) fn month_span(months: &[u32]) -> Text {
    let (first, len) = window_start_and_len(months);
    let in_order: Vec<u32> = (0..len).map(|k| (first - 1 + k) % 12 + 1).filter(|m| months.contains(m)).collect();
    if len >= 3 && in_order.len() == len as usize {
        let last = in_order[in_order.len() - 1];
        let span = |lang: Lang| format!("{}–{}", i18n::month_name(lang, first), i18n::month_name(lang, last));
        return per_language(span(Lang::Nb), span(Lang::Nn), span(Lang::En));
    }
    month_names(&in_order)
}

/// Month names as a list in each language, unquoted: "oktober og november", "October and November".
pub(super) fn month_names(months: &[u32]) -> Text {
    let names = |lang: Lang| {
        let names: Vec<&str> = months.iter().map(|&mo| i18n::month_name(lang, mo)).collect();
        quoted_list(&names).get(lang).replace('\'', "")
    };
    per_language(names(Lang::Nb), names(Lang::Nn), names(Lang::En))
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;

    #[test]
    fn a_window_reads_as_a_span_from_three_months_on() {
        let en = |months: &[u32]| super::month_span(months).get(Lang::En).to_string();
        assert_eq!(en(&[10, 11, 12, 1]), "October–January");
        assert_eq!(en(&[1, 12, 11, 10]), "October–January");
        assert_eq!(en(&[10, 11, 12]), "October–December");
        assert_eq!(en(&(1..=12).collect::<Vec<_>>()), "January–December");
        assert_eq!(en(&[10, 11]), "October and November");
        // Not a run: the months as they are, in the window's order.
        assert_eq!(en(&[3, 5]), "March and May");
        assert_eq!(en(&[12, 1, 3]), "December, January and March");
        assert_eq!(super::month_span(&[10, 11, 12]).get(Lang::Nn), "oktober–desember");
    }
}
