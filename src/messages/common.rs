//! Pieces many messages share: "did you mean", a list of quoted names.

use crate::lang::Text;
use crate::text;

/// "did you mean 'x'?"
pub fn did_you_mean(x: &str) -> Text {
    text!(nb: "mente du '{x}'?", nn: "meinte du '{x}'?", en: "did you mean '{x}'?")
}

/// "'a', 'b' and 'c'": each item quoted, the last two joined by the language's "and".
pub fn quoted_list<S: AsRef<str>>(items: &[S]) -> Text {
    let q: Vec<String> = items.iter().map(|s| format!("'{}'", s.as_ref())).collect();
    let joined = |and: &str| match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        n => format!("{} {and} {}", q[..n - 1].join(", "), q[n - 1]),
    };
    let (nb, en) = (joined("og"), joined("and"));
    text!(nb: "{nb}", nn: "{nb}", en: "{en}")
}

/// A piece that is itself language-dependent, made outside the catalogue in each language (a cadence, a month
/// name, an amount of money), to pass into a message.
pub fn per_language(nb: String, nn: String, en: String) -> Text {
    text!(nb: "{nb}", nn: "{nn}", en: "{en}")
}

/// A fix's title: the word it writes instead (a key, an id).
pub fn write_this(word: &str) -> Text {
    text!(nb: "skriv '{word}'", nn: "skriv '{word}'", en: "write '{word}'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_list_is_joined_by_the_languages_and() {
        let list = quoted_list(&["a", "b", "c"]);
        assert_eq!(list.get(Lang::Nb), "'a', 'b' og 'c'");
        assert_eq!(list.get(Lang::Nn), "'a', 'b' og 'c'");
        assert_eq!(list.en(), "'a', 'b' and 'c'");
        assert_eq!(quoted_list(&["a"]).en(), "'a'");
        assert_eq!(quoted_list::<&str>(&[]).en(), "");
    }
}
