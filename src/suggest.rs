//! "Did you mean …?": the nearest known name to a misspelt one.

/// How many candidates one suggestion looks at. A plan with 100,000 roles must still check in well under a
/// second, so suggestions stay a bounded amount of work per finding.
pub const MAX_CANDIDATES: usize = 2_000;

/// How many findings of one kind get a suggestion; past this, the help says what to do without one.
pub const MAX_SUGGESTIONS: usize = 200;

/// The longest name (in characters) that is compared letter by letter for a suggestion.
pub const MAX_COMPARED: usize = 128;

/// The candidate closest to `word`, if one is close enough to be a plausible typo. Looks at no more than
/// [`MAX_CANDIDATES`] candidates.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    let n = word_l.chars().count();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates.into_iter().take(MAX_CANDIDATES) {
        let c_l = c.to_lowercase();
        // A word that starts a longer name ("season" for "season-mismatch") is what people type when unsure.
        let prefix = n >= 4 && c_l.starts_with(&word_l);
        // Levenshtein is quadratic: a pair of long names is not compared (nobody misspells a 100-letter
        // name), nor a pair whose lengths differ so much that no score below could make it plausible.
        let m = c_l.chars().count();
        if !prefix && (n.max(m) > MAX_COMPARED || n.abs_diff(m) * 5 > n.max(m) * 2 && n.abs_diff(m) > 1) {
            continue;
        }
        let score = if n.max(m) > MAX_COMPARED { 0.0 } else { strsim::normalized_levenshtein(&word_l, &c_l) };
        // Short ids ("p1" for "pl") score low on the ratio, but one typo is always a plausible slip.
        let score = if prefix { score.max(0.6) } else { score };
        let plausible = prefix || score >= 0.6 || (n >= 2 && strsim::levenshtein(&word_l, &c_l) <= 1);
        if plausible && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(nearest("ownr", ["owner", "phase", "title"]), Some("owner"));
        assert_eq!(nearest("prosjektleder", ["prosjektleiar", "rektorer"]), Some("prosjektleiar"));
        assert_eq!(nearest("jurist", ["rektorer", "styringsgruppe"]), None);
        assert_eq!(nearest("kommunikasjonsradgiver", ["kommunalsjef", "prosjektleder"]), None);
        assert_eq!(nearest("p1", ["pl", "sg"]), Some("pl"));
        assert_eq!(nearest("marts", ["mars", "mai"]), Some("mars"));
        assert_eq!(nearest("seasons", ["season-mismatch", "cadence"]), None);
        assert_eq!(nearest("season", ["season-mismatch", "cadence"]), Some("season-mismatch"));
        assert_eq!(nearest("x", std::iter::empty()), None);
    }

    #[test]
    fn long_names_are_compared_only_up_to_a_length() {
        let name = |n: usize, last: char| format!("{}{last}", "r".repeat(n - 1));
        let (typo, real) = (name(128, 's'), name(128, 't'));
        assert_eq!(nearest(&typo, [real.as_str()]), Some(real.as_str()), "128 letters are compared");
        let (typo, real) = (name(129, 's'), name(129, 't'));
        assert_eq!(nearest(&typo, [real.as_str()]), None, "129 are not");
        // A prefix of a long name is still one.
        let long = "r".repeat(500);
        assert_eq!(nearest("rrrr", [long.as_str()]), Some(long.as_str()));
        // Lengths too far apart for the ratio are not compared (and would not have passed).
        assert_eq!(nearest("abcdefghij", ["abcde"]), None);
        assert_eq!(nearest("abcdef", ["abcdefg"]), Some("abcdefg"), "one letter more is one typo");
    }
}
