//! "Did you mean …?": the nearest known name to a misspelt one.

/// How many candidates one suggestion looks at. A plan with 100,000 roles must still check in well under a
/// second, so suggestions stay a bounded amount of work per finding.
pub(crate) const MAX_CANDIDATES: usize = 2_000;

/// How many findings of one kind get a suggestion; past this, the help says what to do without one.
pub(crate) const MAX_SUGGESTIONS: usize = 200;

/// The longest name (in characters) that is compared letter by letter for a suggestion.
pub(crate) const MAX_COMPARED: usize = 128;

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
        // name), nor a pair whose lengths alone rule it out.
        let m = c_l.chars().count();
        if !prefix && (n.max(m) > MAX_COMPARED || lengths_rule_out(n, m)) {
            continue;
        }
        // Optimal string alignment: two swapped letters ("kfu" for "kuf") are one slip, not two edits, which
        // Levenshtein would count and so put short ids out of reach.
        let distance = if n.max(m) > MAX_COMPARED { usize::MAX } else { strsim::osa_distance(&word_l, &c_l) };
        let score = if distance == usize::MAX { 0.0 } else { 1.0 - distance as f64 / n.max(m).max(1) as f64 };
        // Short ids ("p1" for "pl") score low on the ratio, but one typo is always a plausible slip.
        let score = if prefix { score.max(0.6) } else { score };
        let plausible = prefix || score >= 0.6 || (n >= 2 && distance <= 1);
        if plausible && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether two names of `n` and `m` letters are too far apart in length for any of them to be plausible below:
/// the distance is at least the difference, so the score is at most 1 − difference / longer, under 0.6 when
/// the difference is over two fifths of the longer; and more than one letter apart is more than one typo.
fn lengths_rule_out(n: usize, m: usize) -> bool {
    n.abs_diff(m) * 5 > n.max(m) * 2 && n.abs_diff(m) > 1
}

#[cfg(test)]
mod tests {
    use super::{lengths_rule_out, nearest};

    #[test]
    fn lengths_rule_out_exactly_the_pairs_that_cannot_pass() {
        for n in 0..60usize {
            for m in 0..60usize {
                let (diff, longer) = (n.abs_diff(m), n.max(m));
                // The best any pair of these lengths can do: as many edits as the lengths differ.
                let best_score = if longer == 0 { 1.0 } else { 1.0 - diff as f64 / longer as f64 };
                let could_pass = best_score >= 0.6 || diff <= 1;
                assert_eq!(lengths_rule_out(n, m), !could_pass, "{n} and {m} letters");
            }
        }
    }

    #[test]
    fn two_swapped_letters_are_one_slip_even_in_short_ids() {
        assert_eq!(nearest("kuf", ["kfu", "rektor"]), Some("kfu"));
        assert_eq!(nearest("ptp", ["ppt", "fau"]), Some("ppt"));
        assert_eq!(nearest("rektro", ["rektor", "rektorar"]), Some("rektor"));
        // Two slips in three letters are not a typo.
        assert_eq!(nearest("ufk", ["kfu"]), None);
        assert_eq!(nearest("ab", ["ba"]), Some("ba"));
    }

    #[test]
    fn the_closest_wins_and_the_first_of_equals() {
        assert_eq!(nearest("abcd", ["abcx", "abcd"]), Some("abcd"));
        assert_eq!(nearest("abcd", ["abce", "abcf"]), Some("abce"));
        // A 128-letter name is still scored letter by letter when the word starts it.
        let (word, shorter, longer) = ("r".repeat(127), "r".repeat(125), "r".repeat(128));
        assert_eq!(nearest(&word, [shorter.as_str(), longer.as_str()]), Some(longer.as_str()));
        // Two letters with one typo are a slip.
        assert_eq!(nearest("ab", ["a"]), Some("a"));
        assert_eq!(nearest("abcde", ["abc"]), Some("abc"));
    }

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
