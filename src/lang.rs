//! The languages implan speaks, and `Text`: a sentence a person reads, in each of them.
//!
//! Findings are made far from where they are printed, and one run prints files in different languages (each
//! plan says its own `lang`). So a message is not a `String` in one language but a `Text` that holds all
//! three, and the printer picks. A `Text` is made only by `text!`, which asks for `nb`, `nn` and `en`: a
//! message that lacks a language does not compile. The messages themselves are in `crate::messages`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian Bokmål.
    Nb,
    /// Norwegian Nynorsk.
    Nn,
    En,
}

impl Lang {
    /// `nb`, `no`, `bokmål`, `norsk`, `nn`, `nynorsk`, `en`, `english`, and locale names such as
    /// `nb_NO.UTF-8`, `nn_NO` or `en_GB`. Plain "no"/"norsk" is Bokmål, the written norm most plans use.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        let base = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        match (s.as_str(), base) {
            ("bokmål" | "bokmal" | "norsk" | "norwegian", _) | (_, "nb" | "no" | "nob") => Some(Lang::Nb),
            ("nynorsk", _) | (_, "nn" | "nno") => Some(Lang::Nn),
            ("english" | "engelsk", _) | (_, "en" | "eng") => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's tag (BCP 47), as in a plan's `lang` and HTML's `lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }
}

/// A text fixed when implan is built, in each language: a rule's summary, its doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub nb: &'static str,
    pub nn: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.nb,
            Lang::Nn => self.nn,
            Lang::En => self.en,
        }
    }
}

/// A sentence in Bokmål, Nynorsk and English. Boxed, so that a `Text` is one pointer wide and an error that
/// carries two of them stays small.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text(Box<Parts>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Parts {
    nb: String,
    nn: String,
    en: String,
}

impl Text {
    /// Use `text!`, which checks that each language is there by name.
    #[doc(hidden)]
    pub fn from_parts(nb: String, nn: String, en: String) -> Text {
        Text(Box::new(Parts { nb, nn, en }))
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.0.nb,
            Lang::Nn => &self.0.nn,
            Lang::En => &self.0.en,
        }
    }

    /// The English text, which tests that look for a phrase read.
    pub fn en(&self) -> &str {
        &self.0.en
    }

    /// The same text in each language, for what is not words: a name, a number, a line of the plan.
    pub fn verbatim(s: impl Into<String>) -> Text {
        let s = s.into();
        Text::from_parts(s.clone(), s.clone(), s)
    }

    /// Each language's text changed by `f`, which is told the language (to join texts, say).
    pub fn map(self, f: impl Fn(Lang, String) -> String) -> Text {
        let Parts { nb, nn, en } = *self.0;
        Text::from_parts(f(Lang::Nb, nb), f(Lang::Nn, nn), f(Lang::En, en))
    }

    /// This text and `other`, language by language, joined by `between`.
    pub fn join(self, between: &str, other: &Text) -> Text {
        self.map(|lang, s| format!("{s}{between}{}", other.get(lang)))
    }
}

/// A `Text` from a format string per language, each named: `text!(nb: "…", nn: "…", en: "…")`. The strings
/// take `format!`'s inline arguments (`{name}`).
#[macro_export]
macro_rules! text {
    (nb: $nb:literal, nn: $nn:literal, en: $en:literal $(,)?) => {
        $crate::lang::Text::from_parts(format!($nb), format!($nn), format!($en))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_gives_each_language_its_own_words() {
        let role = "Jurist";
        let t = text!(nb: "ukjent rolle «{role}»", nn: "ukjend rolle «{role}»", en: "unknown role '{role}'");
        assert_eq!(t.get(Lang::Nb), "ukjent rolle «Jurist»");
        assert_eq!(t.get(Lang::Nn), "ukjend rolle «Jurist»");
        assert_eq!(t.get(Lang::En), "unknown role 'Jurist'");
        assert_eq!(t.en(), "unknown role 'Jurist'");
    }

    #[test]
    fn texts_join_language_by_language() {
        let a = text!(nb: "én", nn: "ein", en: "one");
        let b = text!(nb: "to", nn: "to", en: "two");
        let joined = a.join(", ", &b);
        assert_eq!(joined.get(Lang::Nn), "ein, to");
        assert_eq!(joined.get(Lang::En), "one, two");
        assert_eq!(Text::verbatim("3").get(Lang::Nb), "3");
    }
}
