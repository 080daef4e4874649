//! What the `dependency-order` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En aktivitet datert før en aktivitet som skal komme først",
    nn: "Ein aktivitet datert før ein aktivitet som skal kome først",
    en: "An activity dated before something it depends on",
};

/// "'Opplæring' (2026-03) is dated before 'Kickoff' (2026-04-02), which it comes after".
pub fn dated_before(activity: &str, dated: &str, dependency: &str, dependency_dated: &str) -> Text {
    text!(
        nb: "'{activity}' ({dated}) er datert før '{dependency}' ({dependency_dated}), men skal komme etter",
        nn: "'{activity}' ({dated}) er datert før '{dependency}' ({dependency_dated}), men skal kome etter",
        en: "'{activity}' ({dated}) is dated before '{dependency}' ({dependency_dated}), which it comes after",
    )
}

pub fn not_started_yet() -> Text {
    text!(
        nb: "denne aktiviteten har ikke startet ennå da",
        nn: "denne aktiviteten har ikkje starta enno då",
        en: "this activity has not started yet then",
    )
}

pub fn dependency_dated_here() -> Text {
    text!(
        nb: "avhengigheten er datert her",
        nn: "avhengigheita er datert her",
        en: "the dependency is dated here",
    )
}

pub fn move_or_remove() -> Text {
    text!(
        nb: "flytt en av datoene, eller fjern avhengigheten hvis den ikke er reell",
        nn: "flytt ein av datoane, eller fjern avhengigheita viss ho ikkje er reell",
        en: "move one of the dates, or remove the dependency if it is not real",
    )
}
