//! What the `uncovered-component` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En kjernekomponent som ingen aktivitet innfører eller følger opp",
    nn: "Ein kjernekomponent som ingen aktivitet innfører eller følgjer opp",
    en: "A core component that no activity introduces or serves",
};

/// "core component 2 of 5, 'Verdigrunnlag', is not served by any activity".
pub fn not_served(n: usize, total: usize, name: &str) -> Text {
    text!(
        nb: "kjernekomponent {n} av {total}, '{name}', er ikke dekket av noen aktivitet",
        nn: "kjernekomponent {n} av {total}, '{name}', er ikkje dekt av nokon aktivitet",
        en: "core component {n} of {total}, '{name}', is not served by any activity",
    )
}

pub fn no_activity_lists_it() -> Text {
    text!(
        nb: "ingen aktivitet har med denne komponenten",
        nn: "ingen aktivitet har med denne komponenten",
        en: "no activity lists this component",
    )
}

/// How to serve it: `components = ["id"]` on an activity.
pub fn add_it(id: &str) -> Text {
    text!(
        nb: "legg til components = [\"{id}\"] i aktiviteten som innfører den, eller planlegg en",
        nn: "legg til components = [\"{id}\"] i aktiviteten som innfører han, eller planlegg ein",
        en: "add components = [\"{id}\"] to the activity that introduces it, or plan one",
    )
}
