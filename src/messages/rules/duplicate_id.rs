//! What the `duplicate-id` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "To aktiviteter, faser, komponenter, mål eller krav har samme id",
    nn: "To aktivitetar, fasar, komponentar, mål eller krav har same id",
    en: "Two activities, phases, components, goals or requirements share an id",
};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Activity,
    Phase,
    Component,
    Goal,
    Requirement,
}

/// "activity id 'kickoff' (made from its title) is used twice".
pub fn used_again(kind: Kind, id: &str, made_from_title: bool, uses: usize) -> Text {
    let (k_nb, k_en) = match kind {
        Kind::Activity => ("aktivitets-id", "activity"),
        Kind::Phase => ("fase-id", "phase"),
        Kind::Component => ("komponent-id", "component"),
        Kind::Goal => ("mål-id", "goal"),
        Kind::Requirement => ("krav-id", "recurring requirement"),
    };
    let (how_nb, how_nn, how_en) = if made_from_title {
        (" (laget av tittelen)", " (laga av tittelen)", " (made from its title)")
    } else {
        ("", "", "")
    };
    let (t_nb, t_nn, t_en) = match uses {
        2 => ("to ganger".to_string(), "to gonger".to_string(), "twice".to_string()),
        n => (format!("{n} ganger"), format!("{n} gonger"), format!("{n} times")),
    };
    text!(
        nb: "{k_nb} '{id}'{how_nb} er brukt {t_nb}",
        nn: "{k_nb} '{id}'{how_nn} er brukt {t_nn}",
        en: "{k_en} id '{id}'{how_en} is used {t_en}",
    )
}

/// "second use", "3rd use", "22nd use".
pub fn nth_use(n: usize) -> Text {
    if n == 2 {
        return text!(nb: "brukt for andre gang", nn: "brukt for andre gong", en: "second use");
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    text!(nb: "brukt for {n}. gang", nn: "brukt for {n}. gong", en: "{n}{suffix} use")
}

pub fn first_used_here() -> Text {
    text!(nb: "først brukt her", nn: "først brukt her", en: "first used here")
}

/// Only activities make their ids from their titles.
pub fn give_an_explicit_id() -> Text {
    text!(
        nb: "gi en av dem en egen id = \"…\"; id-er laget av titler blir like når titler går igjen",
        nn: "gi ein av dei ein eigen id = \"…\"; id-ar laga av titlar blir like når titlar går igjen",
        en: "give one of them an explicit id = \"…\"; ids made from titles clash when titles repeat",
    )
}

/// "ids name one phase each; rename one of them".
pub fn rename_one(kind: Kind) -> Text {
    let (nb, nn, en) = match kind {
        Kind::Activity => ("aktiviteter", "aktivitetar", "activity"),
        Kind::Phase => ("faser", "fasar", "phase"),
        Kind::Component => ("komponenter", "komponentar", "component"),
        Kind::Goal => ("mål", "mål", "goal"),
        Kind::Requirement => ("krav", "krav", "recurring requirement"),
    };
    text!(
        nb: "to {nb} kan ikke ha samme id; gi dem hver sin id",
        nn: "to {nn} kan ikkje ha same id; gi dei kvar sin id",
        en: "ids name one {en} each; rename one of them",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn ordinals_past_the_teens() {
        let en = |n| nth_use(n).en().to_string();
        assert_eq!(
            (en(2), en(3), en(11), en(22), en(101)),
            ("second use".into(), "3rd use".into(), "11th use".into(), "22nd use".into(), "101st use".into())
        );
        assert_eq!(nth_use(2).get(Lang::Nb), "brukt for andre gang");
        assert_eq!(nth_use(3).get(Lang::Nn), "brukt for 3. gong");
    }

    #[test]
    fn twice_then_counted() {
        assert_eq!(used_again(Kind::Phase, "p", false, 2).get(Lang::Nb), "fase-id 'p' er brukt to ganger");
        assert_eq!(
            used_again(Kind::Activity, "a", true, 3).en(),
            "activity id 'a' (made from its title) is used 3 times"
        );
        assert_eq!(used_again(Kind::Goal, "g", false, 4).get(Lang::Nn), "mål-id 'g' er brukt 4 gonger");
    }
}
