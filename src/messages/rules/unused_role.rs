//! What the `unused-role` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En deklarert rolle som ikke er ansvarlig for noe og ikke medlem av noe",
    nn: "Ei deklarert rolle som ikkje er ansvarleg for noko og ikkje medlem av noko",
    en: "A declared role that is responsible for nothing and a member of nothing",
};

/// "role 'fau' (Foreldrenes arbeidsutvalg) has nothing to do in this plan".
pub fn nothing_to_do(id: &str, name: &str) -> Text {
    text!(
        nb: "rollen '{id}' ({name}) har ingenting å gjøre i denne planen",
        nn: "rolla '{id}' ({name}) har ingenting å gjere i denne planen",
        en: "role '{id}' ({name}) has nothing to do in this plan",
    )
}

pub fn responsible_for_nothing() -> Text {
    text!(
        nb: "ikke ansvarlig for noen aktivitet og ikke medlem av noen rolle",
        nn: "ikkje ansvarleg for nokon aktivitet og ikkje medlem av noka rolle",
        en: "responsible for no activity and a member of no role",
    )
}

pub fn give_it_work() -> Text {
    text!(
        nb: "gjør rollen ansvarlig for aktivitetene sine, legg den til i gruppen den hører til, eller fjern den",
        nn: "gjer rolla ansvarleg for aktivitetane sine, legg ho til i gruppa ho høyrer til, eller fjern ho",
        en: "make it responsible for its activities, add it to the group it belongs to, or remove it",
    )
}
