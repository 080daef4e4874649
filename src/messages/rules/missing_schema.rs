//! What the `missing-schema` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En plan som ikke peker på JSON-skjemaet prosjektet har, så editoren ikke kan fullføre eller kontrollere den",
    nn: "Ein plan som ikkje peikar på JSON-skjemaet prosjektet har, så editoren ikkje kan fullføre eller kontrollere han",
    en: "A plan that does not name the JSON Schema its project holds, so editors cannot complete or check it",
};

pub fn no_schema_line() -> Text {
    text!(
        nb: "planen har ingen #:schema-linje, selv om prosjektet har implan.schema.json",
        nn: "planen har inga #:schema-linje, sjølv om prosjektet har implan.schema.json",
        en: "the plan has no #:schema line, although its project holds implan.schema.json",
    )
}

pub fn editors_cannot_help() -> Text {
    text!(
        nb: "editoren kan ikke foreslå nøkler eller kontrollere planen mens du skriver",
        nn: "editoren kan ikkje føreslå nøklar eller kontrollere planen medan du skriv",
        en: "editors cannot suggest keys or check the plan as you write",
    )
}

/// "write '#:schema ../implan.schema.json' as the first line".
pub fn add_the_line(line: &str) -> Text {
    text!(
        nb: "skriv '{line}' som første linje",
        nn: "skriv '{line}' som første linja",
        en: "write '{line}' as the first line",
    )
}

/// The fix's title: "add '#:schema ../implan.schema.json'".
pub fn add_line(line: &str) -> Text {
    text!(nb: "legg til '{line}'", nn: "legg til '{line}'", en: "add '{line}'")
}
