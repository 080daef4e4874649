//! What the `participation-missing` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En rolle som et krav sier skal være med, mangler på en aktivitet som kravet gjelder",
    nn: "Ei rolle som eit krav seier skal vere med, manglar på ein aktivitet som kravet gjeld",
    en: "A required participant missing from an activity a requirement covers",
};

/// "'Fellessamling 2' lacks 'Politisk ledelse' (required by '…')"; `missing` is the quoted list of roles.
pub fn lacks(activity: &str, missing: &Text, requirement: &str) -> Text {
    let (m_nb, m_nn, m_en) = (missing.get(Lang::Nb), missing.get(Lang::Nn), missing.en());
    text!(
        nb: "'{activity}' mangler {m_nb} (som '{requirement}' krever)",
        nn: "'{activity}' manglar {m_nn} (som '{requirement}' krev)",
        en: "'{activity}' lacks {m_en} (required by '{requirement}')",
    )
}

pub fn not_among_them() -> Text {
    text!(
        nb: "ikke blant de ansvarlige eller deltakerne",
        nn: "ikkje blant dei ansvarlege eller deltakarane",
        en: "not among its owners or participants",
    )
}

pub fn the_requirement() -> Text {
    text!(nb: "kravet", nn: "kravet", en: "the requirement")
}

pub fn add_them() -> Text {
    text!(
        nb: "legg dem til i participants = [...] (eller owner), eller skriv i notes hvorfor de ikke kan komme",
        nn: "legg dei til i participants = [...] (eller owner), eller skriv i notes kvifor dei ikkje kan kome",
        en: "add them to participants = [...] (or owner), or say in notes why they cannot come",
    )
}
