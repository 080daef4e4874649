//! "Did you mean …?": the nearest known name to a misspelt one.

/// How many candidates one suggestion looks at. A plan with 100,000 roles must still check in well under a
/// second, so suggestions stay a bounded amount of work per finding.
pub const MAX_CANDIDATES: usize = 2_000;

/// How many findings of one kind get a suggestion; past this, the help says what to do without one.
pub const MAX_SUGGESTIONS: usize = 200;

/// The candidate closest to `word`, if one is close enough to be a plausible typo. Looks at no more than
/// [`MAX_CANDIDATES`] candidates.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates.into_iter().take(MAX_CANDIDATES) {
        let c_l = c.to_lowercase();
        let score = strsim::normalized_levenshtein(&word_l, &c_l);
        // Short ids ("p1" for "pl") score low on the ratio, but one typo is always a plausible slip.
        let n = word_l.chars().count();
        // A word that starts a longer name ("season" for "season-mismatch") is what people type when unsure.
        let prefix = n >= 4 && c_l.starts_with(&word_l);
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
}
