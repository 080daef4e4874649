//! Breaking a label into lines, inside a Norwegian word where a syllable starts.

use super::text::{char_em, fit, text_width};

/// Breaks a label into at most `rooms.len()` lines, line `j` at most `rooms[j]` pixels wide: between words where
/// it can, inside a word too long for a line of its own (with a hyphen, when both parts keep a few letters), and
/// with "…" when the text does not fit. Returns the lines and whether the whole text is in them.
pub(super) fn wrap(content: &str, rooms: &[f64], size: f64) -> (Vec<String>, bool) {
    let words: Vec<&str> = content.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut k = 0;
    for (j, &room) in rooms.iter().enumerate() {
        if k >= words.len() {
            break;
        }
        let last = j + 1 == rooms.len();
        let rest = words[k..].join(" ");
        if last || text_width(&rest, size, false) <= room {
            let line = fit(&rest, room, size, false);
            let whole = line == rest;
            lines.push(line);
            return (lines, whole);
        }
        let mut line = String::new();
        while k < words.len() {
            let candidate = if line.is_empty() { words[k].to_string() } else { format!("{line} {}", words[k]) };
            if text_width(&candidate, size, false) > room {
                break;
            }
            line = candidate;
            k += 1;
        }
        if line.is_empty() {
            // A word longer than the line: break it after a hyphen of its own, else where a syllable starts, at
            // the last such place where the part before fits.
            let chars: Vec<char> = words[k].chars().collect();
            let head = |cut: usize| {
                let h: String = chars[..cut].iter().collect();
                if h.ends_with('-') { h } else { format!("{h}-") }
            };
            // The widths of the word's beginnings, in ems, summed in the order text_width sums them; past
            // the first beginning wider than the line no cut can fit, so the scan stops there.
            let mut ems = vec![0.0];
            for &c in &chars {
                let e = ems[ems.len() - 1] + char_em(c);
                if e * size > room {
                    break;
                }
                ems.push(e);
            }
            let fits = |c: &usize| {
                *c < ems.len() && (if chars[*c - 1] == '-' { ems[*c] } else { ems[*c] + char_em('-') }) * size <= room
            };
            let places = 2..chars.len().saturating_sub(2).min(ems.len());
            let Some(cut) = places.clone().rev().filter(fits).find(|&c| chars[c - 1] == '-').or_else(|| {
                let from = alphabetic_from(&chars);
                places.rev().filter(fits).find(|&c| syllable_starts_with(&chars, c, from))
            }) else {
                lines.push(fit(&rest, room, size, false));
                return (lines, false);
            };
            lines.push(head(cut));
            let mut remaining: Vec<String> = vec![chars[cut..].iter().collect()];
            remaining.extend(words[k + 1..].iter().map(|w| w.to_string()));
            let (more, whole) = wrap(&remaining.join(" "), &rooms[j + 1..], size);
            lines.extend(more);
            return (lines, whole);
        }
        lines.push(line);
    }
    (lines, k >= words.len())
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next(),
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å' | 'é' | 'è' | 'ê' | 'ä' | 'ö' | 'ü')
    )
}

/// Consonant clusters a Norwegian syllable can start with.
fn is_onset(s: &str) -> bool {
    let s = s.to_lowercase();
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic() && !is_vowel(c),
        _ => matches!(
            s.as_str(),
            "bl" | "br"
                | "dr"
                | "fj"
                | "fl"
                | "fr"
                | "gj"
                | "gl"
                | "gn"
                | "gr"
                | "hj"
                | "hv"
                | "kj"
                | "kl"
                | "kn"
                | "kr"
                | "kv"
                | "pj"
                | "pl"
                | "pr"
                | "sj"
                | "sk"
                | "sl"
                | "sm"
                | "sn"
                | "sp"
                | "st"
                | "sv"
                | "tj"
                | "tr"
                | "tv"
                | "skj"
                | "skr"
                | "spl"
                | "spr"
                | "str"
        ),
    }
}

/// Where the word's alphabetic tail starts: `chars[i..]` is all letters exactly when `i >= alphabetic_from`.
fn alphabetic_from(chars: &[char]) -> usize {
    chars.iter().rposition(|c| !c.is_alphabetic()).map_or(0, |p| p + 1)
}

/// Whether a word can be hyphenated before `chars[cut]`: the part before has a vowel, and the part after starts
/// with the longest consonant cluster a syllable can start with, then a vowel ("Opp-starts", "Informa-sjons",
/// "Omdøm-me"; not "Oppstar-tsmøte"), or follows a compound's linking "s" ("Oppstarts-møte"). `alphabetic_from`
/// is [`alphabetic_from`] of the word, computed once for all its cuts so that trying every cut stays linear.
fn syllable_starts_with(chars: &[char], cut: usize, alphabetic_from: usize) -> bool {
    // The word's own letters before the break (after a mark such as "↻"): at least two ("Av-slutning"), one of
    // them a vowel.
    let start = chars[..cut].iter().rposition(|c| !c.is_alphabetic()).map_or(0, |p| p + 1);
    if cut < start + 2 || !chars[start..cut].iter().any(|&c| is_vowel(c)) || cut < alphabetic_from {
        return false;
    }
    // An onset is at most three letters: look no further for the vowel after it.
    let Some(v) = chars[cut..].iter().take(4).position(|&c| is_vowel(c)) else { return false };
    let onset: String = chars[cut..cut + v].iter().collect();
    let longer: String = chars[cut - 1..cut + v].iter().collect();
    // A consonant and "s" end a compound's first part ("Oppstarts-møte", "Informasjons-kampanje"), although "sm"
    // and "sk" could start a syllable; not before "t", where "st" starts one far more often ("Opp-starts").
    // A first part is a word of its own, four letters or more: "Avs-lutning" has none.
    let linking_s = chars[cut - 1] == 's' && !is_vowel(chars[cut - 2]) && chars[cut] != 't' && cut >= start + 5;
    let longest = linking_s || is_vowel(chars[cut - 1]) || !is_onset(&longer);
    v > 0 && is_onset(&onset) && longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_break_where_syllables_start() {
        let at = |w: &str, cut: usize| {
            let chars: Vec<char> = w.chars().collect();
            syllable_starts_with(&chars, cut, alphabetic_from(&chars))
        };
        assert!(at("Oppstartsmøte", 3)); // Opp-startsmøte
        assert!(!at("Oppstartsmøte", 4)); // not Opps-tartsmøte: "st" starts the syllable
        assert!(!at("Oppstartsmøte", 7)); // not Oppstar-tsmøte
        assert!(at("Informasjonskampanje", 7)); // Informa-sjonskampanje
        assert!(at("Informasjonskampanje", 12)); // Informasjons-kampanje
        assert!(at("Omdømmebygging", 5)); // Omdøm-mebygging
        assert!(at("Elevundersøkelsen", 9)); // Elevunder-søkelsen
        assert!(!at("Elevundersøkelsen", 4)); // not Elev-undersøkelsen: no consonant starts it
        assert!(!at("↻\u{a0}Elevundersøkelsen", 3)); // not ↻ E-levundersøkelsen
        assert!(at("↻\u{a0}Elevundersøkelsen", 11)); // ↻ Elevunder-søkelsen
        assert!(at("Oppstartsmøte", 9)); // Oppstarts-møte
        assert!(at("Avsluttende", 2)); // Av-sluttende
        assert!(!at("Avsluttende", 3)); // not Avs-luttende: "Av" is no word a linking "s" ends
        assert!(!at("Avsluttende", 1)); // not A-vsluttende
        let rooms = [text_width("Oppstarts-", 11.0, false), 200.0];
        let (lines, whole) = wrap("Oppstartsmøte for styringsgruppen", &rooms, 11.0);
        assert_eq!(lines, ["Oppstarts-", "møte for styringsgruppen"]);
        assert!(whole);
        let (lines, _) = wrap("Oppstartsmøte for styringsgruppen", &[text_width("Oppstar-", 11.0, false), 200.0], 11.0);
        assert_eq!(lines, ["Opp-", "startsmøte for styringsgruppen"]);
        let (lines, _) = wrap("Omni-modellen", &[text_width("Omni-mod", 11.0, false), 200.0], 11.0);
        assert_eq!(lines, ["Omni-", "modellen"]);
        // No place to break: cut with an ellipsis.
        let (lines, whole) = wrap("Xxxxxxxxxxxxxxxxx yy", &[40.0, 200.0], 11.0);
        assert!(lines[0].ends_with('…') && !whole, "{lines:?}");
    }
}
