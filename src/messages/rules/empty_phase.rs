//! What the `empty-phase` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words =
    Words { nb: "En fase uten aktiviteter", nn: "Ein fase utan aktivitetar", en: "A phase without any activities" };

/// "phase 'Oppstart' (Vår 2026) has no activities".
pub fn no_activities(name: &str, label: &str) -> Text {
    text!(
        nb: "fasen '{name}' ({label}) har ingen aktiviteter",
        nn: "fasen '{name}' ({label}) har ingen aktivitetar",
        en: "phase '{name}' ({label}) has no activities",
    )
}

pub fn nothing_planned() -> Text {
    text!(
        nb: "ingenting er planlagt i denne fasen",
        nn: "ingenting er planlagt i denne fasen",
        en: "nothing is planned in this phase",
    )
}

pub fn add_or_remove() -> Text {
    text!(
        nb: "legg aktivitetene inn som [[phase.activity]] under fasen, eller fjern fasen",
        nn: "legg aktivitetane inn som [[phase.activity]] under fasen, eller fjern fasen",
        en: "add its activities as [[phase.activity]] under it, or remove the phase",
    )
}
