//! Fixes that apply themselves: the replacements findings carry ([`crate::diag::Fix`]), applied together when
//! they do not overlap, and again on the result until nothing is left to fix (as ruff's `--fix` does).

use crate::diag::{Applicability, Finding, Replacement};

/// At most this many rounds: a fix may bring a finding with a fix of its own, applied in the next round; the
/// bound stops two fixes that would undo each other.
pub const MAX_ROUNDS: usize = 10;

/// What fixing a text came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
}

/// Whether a fix of `applicability` is applied: safe ones always, unsafe ones when asked for.
pub fn applies(applicability: Applicability, unsafe_fixes: bool) -> bool {
    applicability == Applicability::Safe || unsafe_fixes
}

/// Fixes `text` round after round: `check` gives the findings of a text, and the fixes that apply are made,
/// until a round makes none (or [`MAX_ROUNDS`]). A byte-order mark stays, and is not shown to `check`: a
/// [`crate::source::Source`] drops it, so the spans of findings count from after it.
pub fn until_stable(text: &str, unsafe_fixes: bool, check: impl Fn(&str) -> Vec<Finding>) -> Fixed {
    const BOM: &str = "\u{feff}";
    if let Some(body) = text.strip_prefix(BOM) {
        let fixed = until_stable(body, unsafe_fixes, check);
        return Fixed { text: format!("{BOM}{}", fixed.text), ..fixed };
    }
    let mut fixed = Fixed { text: text.to_string(), applied: 0 };
    for _ in 0..MAX_ROUNDS {
        let findings = check(&fixed.text);
        match once(&fixed.text, &findings, unsafe_fixes) {
            Some((new, n)) if new != fixed.text => {
                fixed.text = new;
                fixed.applied += n;
            }
            _ => break,
        }
    }
    fixed
}

/// The fixes of `findings` that apply, made together, in file order: a fix any of whose replacements overlaps
/// (or touches at the same point) one already taken waits for the next round, and a fix whose span is not in
/// the text, or not at character boundaries, is left out. `None` when no fix applies.
pub fn once(text: &str, findings: &[Finding], unsafe_fixes: bool) -> Option<(String, usize)> {
    let mut fixes: Vec<&[Replacement]> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|fix| applies(fix.applicability, unsafe_fixes) && !fix.replacements.is_empty())
        .map(|fix| fix.replacements.as_slice())
        .filter(|r| r.iter().all(|r| fits(text, r)))
        .collect();
    fixes.sort_by_key(|r| r.iter().map(|r| r.span.start).min());
    let mut taken: Vec<&Replacement> = Vec::new();
    let mut count = 0;
    for fix in fixes {
        let clash = fix.iter().any(|r| taken.iter().any(|t| overlap(r, t)));
        if !clash {
            taken.extend(fix);
            count += 1;
        }
    }
    if count == 0 {
        return None;
    }
    taken.sort_by_key(|r| (r.span.start, r.span.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for r in taken {
        out.push_str(&text[at..r.span.start]);
        out.push_str(&r.text);
        at = r.span.end;
    }
    out.push_str(&text[at..]);
    Some((out, count))
}

fn fits(text: &str, r: &Replacement) -> bool {
    r.span.start <= r.span.end
        && text.is_char_boundary(r.span.start)
        && text.is_char_boundary(r.span.end)
        && r.span.end <= text.len()
}

/// Two replacements overlap when their spans share a byte, or when both are at one point (two insertions, or an
/// insertion at a replaced span's edge: the order of the result would be a guess).
fn overlap(a: &Replacement, b: &Replacement) -> bool {
    let (a, b) = (a.span, b.span);
    a.start < b.end && b.start < a.end
        || a.start == b.start
        || (a.start == a.end || b.start == b.end) && (a.start == b.end || b.start == a.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Fix, RuleId, Severity, Span};
    use crate::lang::Text;

    fn with_fix(start: usize, end: usize, text: &str, applicability: Applicability) -> Finding {
        Finding::new(RuleId::InvalidPlan, Severity::Error, Some(Span::new(start, end)), Text::verbatim("x"))
            .fix(Fix::replace(applicability, Span::new(start, end), text, Text::verbatim("fix")))
    }

    #[test]
    fn fixes_that_apply_are_made_together_in_file_order() {
        let safe = Applicability::Safe;
        let findings = [with_fix(6, 9, "ABC", safe), with_fix(0, 3, "xy", safe), with_fix(4, 4, "+", safe)];
        assert_eq!(once("abcdefghij", &findings, false), Some(("xyd+efABCj".to_string(), 3)));
        // An unsafe one only when asked for.
        let unsafe_one = [with_fix(0, 1, "Z", Applicability::Unsafe)];
        assert_eq!(once("abc", &unsafe_one, false), None);
        assert_eq!(once("abc", &unsafe_one, true), Some(("Zbc".to_string(), 1)));
        // No fix at all, and a fix whose span is not in the text.
        let plain = Finding::new(RuleId::InvalidPlan, Severity::Error, None, Text::verbatim("x"));
        assert_eq!(once("abc", &[plain], true), None);
        assert_eq!(once("abc", &[with_fix(2, 9, "", safe)], true), None);
        assert_eq!(once("æ", &[with_fix(1, 2, "", safe)], true), None, "not at a character boundary");
        assert_eq!(once("abc", &[with_fix(2, 1, "", safe)], true), None, "backwards");
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let safe = Applicability::Safe;
        let findings = [with_fix(0, 4, "X", safe), with_fix(2, 6, "Y", safe), with_fix(6, 7, "Z", safe)];
        assert_eq!(once("abcdefgh", &findings, false), Some(("XefZh".to_string(), 2)));
        let at_one_point = [with_fix(2, 2, "X", safe), with_fix(2, 2, "Y", safe)];
        assert_eq!(once("abcd", &at_one_point, false), Some(("abXcd".to_string(), 1)));
        let at_an_edge = [with_fix(0, 2, "X", safe), with_fix(2, 2, "Y", safe)];
        assert_eq!(once("abcd", &at_an_edge, false), Some(("Xcd".to_string(), 1)));
        let touching = [with_fix(0, 2, "X", safe), with_fix(2, 3, "Y", safe)];
        assert_eq!(once("abcd", &touching, false), Some(("XYd".to_string(), 2)), "replacements may touch");
    }

    #[test]
    fn rounds_go_on_until_nothing_is_left_and_stop_at_the_bound() {
        // Each round finds the first 'a' and fixes it: three rounds for three.
        let check = |t: &str| match t.find('a') {
            Some(i) => vec![with_fix(i, i + 1, "b", Applicability::Safe)],
            None => Vec::new(),
        };
        assert_eq!(until_stable("aaa", false, check), Fixed { text: "bbb".into(), applied: 3 });
        // A fix that never ends stops after MAX_ROUNDS.
        let forever = |t: &str| vec![with_fix(t.len(), t.len(), "!", Applicability::Safe)];
        assert_eq!(until_stable("", false, forever).applied, MAX_ROUNDS);
        // A byte-order mark is kept, and the spans count from after it, as a Source counts them.
        let at_a = |t: &str| match t.strip_prefix('\u{feff}').unwrap_or(t).find('a') {
            Some(i) => vec![with_fix(i, i + 1, "b", Applicability::Safe)],
            None => Vec::new(),
        };
        assert_eq!(until_stable("\u{feff}xa", false, at_a).text, "\u{feff}xb");
        // A fix that changes nothing is no round.
        let idle = |_: &str| vec![with_fix(0, 1, "a", Applicability::Safe)];
        assert_eq!(until_stable("a", false, idle), Fixed { text: "a".into(), applied: 0 });
    }
}
