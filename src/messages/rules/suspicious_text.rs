//! What the `suspicious-text` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Tekst med skjulte tegn, eller navn som bare skiller seg i store og små bokstaver eller ser like ut",
    nn: "Tekst med skjulte teikn, eller namn som berre skil seg i store og små bokstavar eller ser like ut",
    en: "Text with hidden characters, or names that differ only in letter case or look alike",
};

/// "this text holds U+200B ZERO WIDTH SPACE after 'Oppstart' and 1 more, which a reader cannot see": `ch` is
/// the first hidden character, `before` the text before it (empty at the start), `count` how many there are.
pub fn hidden(is_key: bool, ch: &str, before: &str, count: usize) -> Text {
    let (what_nb, what_nn, what_en) = if is_key {
        ("denne nøkkelen", "denne nøkkelen", "this key")
    } else {
        ("denne teksten", "denne teksten", "this text")
    };
    let (place_nb, place_nn, place_en) = if before.is_empty() {
        ("i starten".to_string(), "i starten".to_string(), "at its start".to_string())
    } else {
        (format!("etter '{before}'"), format!("etter '{before}'"), format!("after '{before}'"))
    };
    let (more_nb, more_en) = match count {
        0 | 1 => (String::new(), String::new()),
        n => (format!(" og {} til", n - 1), format!(" and {} more", n - 1)),
    };
    text!(
        nb: "{what_nb} inneholder {ch} {place_nb}{more_nb}, som en leser ikke kan se",
        nn: "{what_nn} inneheld {ch} {place_nn}{more_nb}, som ein lesar ikkje kan sjå",
        en: "{what_en} holds {ch} {place_en}{more_en}, which a reader cannot see",
    )
}

pub fn hidden_character() -> Text {
    text!(nb: "skjult tegn", nn: "skjult teikn", en: "hidden character")
}

pub fn retype_it() -> Text {
    text!(
        nb: "skriv teksten inn på nytt uten dem: slike tegn følger med når tekst kopieres fra nettet eller et \
             dokument, eller settes inn for å få tekst til å se ut som annen tekst",
        nn: "skriv teksten inn på nytt utan dei: slike teikn følgjer med når tekst blir kopiert frå nettet eller eit \
             dokument, eller blir sette inn for å få tekst til å sjå ut som annan tekst",
        en: "retype it without: such characters come along when text is copied from the web or a document, or are \
             put there to make text look like other text",
    )
}

/// What kind of name a twin is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    RoleId,
    RoleName,
    Activity,
    Phase,
    Component,
    Goal,
    Requirement,
}

impl Kind {
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Kind::RoleId => ("rolle-id", "rolle-id", "role id"),
            Kind::RoleName => ("rollenavn", "rollenamn", "role name"),
            Kind::Activity => ("aktivitets-id", "aktivitets-id", "activity id"),
            Kind::Phase => ("fase-id", "fase-id", "phase id"),
            Kind::Component => ("komponent-id", "komponent-id", "component id"),
            Kind::Goal => ("mål-id", "mål-id", "goal id"),
            Kind::Requirement => ("krav-id", "krav-id", "requirement id"),
        }
    }
}

/// "role name 'Rektorer'", with "(of role 'rektorer')" when `role` is the id of the role it names.
pub fn name(kind: Kind, text: &str, role: Option<&str>) -> Text {
    let (nb, nn, en) = kind.words();
    match role {
        Some(role) => text!(
            nb: "{nb} '{text}' (for rollen '{role}')",
            nn: "{nn} '{text}' (for rolla '{role}')",
            en: "{en} '{text}' (of role '{role}')",
        ),
        None => text!(nb: "{nb} '{text}'", nn: "{nn} '{text}'", en: "{en} '{text}'"),
    }
}

/// How two names a reader cannot tell apart relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Twin {
    /// The very same text (a role id that is another role's name).
    Same,
    /// The same but for letter case.
    Case,
    /// The same to the eye, not in fact.
    LooksLike,
}

/// "role name 'Rektorer' differs only in letter case from role id 'rektorer'", then, when given, the first
/// characters that differ (`differ`, as described: "U+0435 …") and the upper-cased name an owner could give
/// (`owner`), which names only one of them.
pub fn twins(second: &Text, how: Twin, first: &Text, differ: Option<(&str, &str)>, owner: Option<&str>) -> Text {
    let (how_nb, how_nn, how_en) = match how {
        Twin::Same => ("er det samme som", "er det same som", "is the same as"),
        Twin::Case => (
            "skiller seg bare i store og små bokstaver fra",
            "skil seg berre i store og små bokstavar frå",
            "differs only in letter case from",
        ),
        Twin::LooksLike => ("ser ut som, men er ikke,", "ser ut som, men er ikkje,", "looks like, but is not,"),
    };
    let (diff_nb, diff_en) = match differ {
        Some((a, b)) => (format!(": {a} der den andre har {b}"), format!(": {a} where the other has {b}")),
        None => (String::new(), String::new()),
    };
    let (owner_nb, owner_nn, owner_en) = match owner {
        Some(o) => (
            format!("; owner = \"{o}\" viser bare til én av dem"),
            format!("; owner = \"{o}\" viser berre til éi av dei"),
            format!("; owner = \"{o}\" names only one of them"),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    let (s_nb, s_nn, s_en) = (second.get(Lang::Nb), second.get(Lang::Nn), second.en());
    let (f_nb, f_nn, f_en) = (first.get(Lang::Nb), first.get(Lang::Nn), first.en());
    text!(
        nb: "{s_nb} {how_nb} {f_nb}{diff_nb}{owner_nb}",
        nn: "{s_nn} {how_nn} {f_nn}{diff_nb}{owner_nn}",
        en: "{s_en} {how_en} {f_en}{diff_en}{owner_en}",
    )
}

pub fn cannot_tell_apart() -> Text {
    text!(
        nb: "en leser kan ikke skille disse fra hverandre",
        nn: "ein lesar kan ikkje skilje desse frå kvarandre",
        en: "a reader cannot tell these apart",
    )
}

pub fn the_other_one() -> Text {
    text!(nb: "den andre", nn: "den andre", en: "the other one")
}

/// What to do about twins.
pub fn tell_them_apart(how: Twin) -> Text {
    match how {
        Twin::Same => text!(
            nb: "gi hver sitt eget navn, eller slå dem sammen til én",
            nn: "gi kvar sitt eige namn, eller slå dei saman til éin",
            en: "give each its own name, or merge them into one",
        ),
        Twin::Case => text!(
            nb: "gi hver et navn som skiller seg i mer enn store og små bokstaver, eller slå dem sammen",
            nn: "gi kvar eit namn som skil seg i meir enn store og små bokstavar, eller slå dei saman",
            en: "give each a name that differs in more than letter case, or merge them",
        ),
        Twin::LooksLike => text!(
            nb: "skriv det med bokstavene det ser ut til å ha, eller gi hver et tydelig forskjellig navn",
            nn: "skriv det med bokstavane det ser ut til å ha, eller gi kvar eit tydeleg ulikt namn",
            en: "write it with the letters it seems to have, or give each a clearly different name",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_the_hidden_character_is_and_how_many_more() {
        let at_start = hidden(true, "U+200B ZERO WIDTH SPACE", "", 1);
        assert_eq!(at_start.en(), "this key holds U+200B ZERO WIDTH SPACE at its start, which a reader cannot see");
        let after = hidden(false, "U+200B", "Opp", 3);
        assert_eq!(after.en(), "this text holds U+200B after 'Opp' and 2 more, which a reader cannot see");
        assert_eq!(
            after.get(Lang::Nn),
            "denne teksten inneheld U+200B etter 'Opp' og 2 til, som ein lesar ikkje kan sjå"
        );
        assert_eq!(
            hidden(false, "U+200B", "", 2).get(Lang::Nb),
            "denne teksten inneholder U+200B i starten og 1 til, som en leser ikke kan se"
        );
    }

    #[test]
    fn twins_say_how_they_differ() {
        let (a, b) = (name(Kind::RoleName, "Rektorer", Some("r")), name(Kind::RoleId, "rektorer", None));
        let t = twins(&a, Twin::Case, &b, None, Some("REKTORER"));
        assert_eq!(
            t.en(),
            "role name 'Rektorer' (of role 'r') differs only in letter case from role id 'rektorer'; \
             owner = \"REKTORER\" names only one of them"
        );
        assert_eq!(
            t.get(Lang::Nn),
            "rollenamn 'Rektorer' (for rolla 'r') skil seg berre i store og små bokstavar frå rolle-id 'rektorer'; \
             owner = \"REKTORER\" viser berre til éi av dei"
        );
        let (a, b) = (name(Kind::Phase, "fаse", None), name(Kind::Phase, "fase", None));
        let t = twins(&a, Twin::LooksLike, &b, Some(("U+0430", "U+0061")), None);
        assert_eq!(
            t.get(Lang::Nb),
            "fase-id 'fаse' ser ut som, men er ikke, fase-id 'fase': U+0430 der den andre har U+0061"
        );
    }
}
