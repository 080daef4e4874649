//! What the loader says: TOML syntax, keys, types and values that the format does not allow.
//!
//! Many messages name the table they are about ("unknown key 'x' in an activity", "activity 'A' has no
//! 'when'"): that name is itself a `Text` (from [`an_activity`], [`activity_named`] …, or `Text::verbatim`
//! for a table header such as `[plan]`), and each language puts its own words around it.

use std::fmt::Display;

use crate::lang::{Lang, Text, Words};
use crate::messages::common::did_you_mean;
use crate::text;

/// A text's three languages, to put each one in its own language's sentence.
fn parts(t: &Text) -> (&str, &str, &str) {
    (t.get(Lang::Nb), t.get(Lang::Nn), t.get(Lang::En))
}

// The loader's two rules.

pub const INVALID_TOML_SUMMARY: Words = Words {
    nb: "Filen er ikke gyldig TOML, eller ikke UTF-8-tekst i det hele tatt",
    nn: "Fila er ikkje gyldig TOML, eller ikkje UTF-8-tekst i det heile",
    en: "The file is not valid TOML, or not UTF-8 text at all",
};

pub const INVALID_PLAN_SUMMARY: Words = Words {
    nb: "TOML-en er ikke en plan: ukjent nøkkel, feil type, uleselig dato, en nøkkel som må være med, mangler",
    nn: "TOML-en er ikkje ein plan: ukjend nøkkel, feil type, uleseleg dato, ein nøkkel som må vere med, manglar",
    en: "The TOML is not a plan: unknown key, wrong type, unreadable date, missing required key",
};

// TOML syntax.

/// toml's own message (in English), in a frame each language reads.
pub fn invalid_toml(detail: &str) -> Text {
    text!(nb: "ugyldig TOML: {detail}", nn: "ugyldig TOML: {detail}", en: "invalid TOML: {detail}")
}

/// Said once per file, under its first syntax error that has no help of its own.
pub fn toml_help() -> Text {
    text!(
        nb: "se https://toml.io for hvordan TOML skrives; tekst står i anførselstegn, og tabeller skrives [navn]",
        nn: "sjå https://toml.io for korleis TOML skal skrivast; tekst står i hermeteikn, og tabellar skriv ein [namn]",
        en: "see https://toml.io for the syntax; strings need quotes, tables are written [name]",
    )
}

/// `when = 15.09.2026`, `when = september 2026`.
pub fn date_needs_quotes() -> Text {
    text!(
        nb: "en dato som dette må stå i anførselstegn",
        nn: "ein dato som dette må stå i hermeteikn",
        en: "a date like this must be in quotes",
    )
}

/// `owner = rektor`.
pub fn text_needs_quotes() -> Text {
    text!(
        nb: "en tekst må stå i anførselstegn",
        nn: "ein tekst må stå i hermeteikn",
        en: "a text value must be in quotes",
    )
}

/// `line` is the line as it should be written: `when = "15.09.2026"`.
pub fn write_in_quotes(line: &str) -> Text {
    text!(nb: "skriv det slik: {line}", nn: "skriv det slik: {line}", en: "put it in quotes: {line}")
}

/// `line` is the line as it should be: `owner = ["rektor", "lærere"]`.
pub fn write_as_list(line: &str) -> Text {
    text!(
        nb: "skriv det som en liste, med hvert navn i anførselstegn: {line}",
        nn: "skriv det som ei liste, med kvart namn i hermeteikn: {line}",
        en: "write it as a list, each name in quotes: {line}",
    )
}

/// A key written twice in one table; `key` as written (`owner`, `a.b`).
pub fn duplicate_key(key: &str) -> Text {
    text!(
        nb: "nøkkelen '{key}' står to ganger i samme tabell",
        nn: "nøkkelen '{key}' står to gonger i same tabell",
        en: "the key '{key}' is given twice in the same table",
    )
}

pub fn duplicate_key_help() -> Text {
    text!(
        nb: "en nøkkel kan stå bare én gang i hver tabell; fjern den ene, eller slå dem sammen",
        nn: "ein nøkkel kan berre stå éin gong i kvar tabell; fjern den eine, eller slå dei saman",
        en: "a key is given once in each table; remove one of them, or merge them",
    )
}

/// A table header written twice; `name` as written between the brackets (`plan`).
pub fn duplicate_table(name: &str) -> Text {
    text!(
        nb: "tabellen [{name}] står to ganger",
        nn: "tabellen [{name}] står to gonger",
        en: "the table [{name}] is written twice",
    )
}

pub fn duplicate_table_help(name: &str) -> Text {
    text!(
        nb: "skriv [{name}] én gang, med alle nøklene under",
        nn: "skriv [{name}] éin gong, med alle nøklane under",
        en: "write [{name}] once, with all its keys under it",
    )
}

/// `[activity]` twice, where each activity is a `[[activity]]`.
pub fn double_brackets_help(name: &str) -> Text {
    text!(
        nb: "hver av dem begynner med [[{name}]], med doble hakeparenteser",
        nn: "kvar av dei byrjar med [[{name}]], med doble hakeparentesar",
        en: "each of them starts with [[{name}]], in double brackets",
    )
}

/// Under the first of two keys or tables that are the same.
pub fn first_defined_here() -> Text {
    text!(nb: "første gang her", nn: "første gong her", en: "first defined here")
}

// Bytes that are not text.

pub fn binary_file() -> Text {
    text!(
        nb: "dette er en binærfil, ikke en plan",
        nn: "dette er ei binærfil, ikkje ein plan",
        en: "this is a binary file, not a plan",
    )
}

pub fn not_utf8(byte: u8) -> Text {
    text!(
        nb: "filen er ikke UTF-8-tekst: ugyldig byte 0x{byte:02X}",
        nn: "fila er ikkje UTF-8-tekst: ugyldig byte 0x{byte:02X}",
        en: "the file is not UTF-8 text: invalid byte 0x{byte:02X}",
    )
}

pub fn not_utf8_label() -> Text {
    text!(nb: "ikke UTF-8", nn: "ikkje UTF-8", en: "not UTF-8")
}

pub fn save_as_utf8() -> Text {
    text!(
        nb: "planfiler er TOML, som er UTF-8-tekst; lagre filen som UTF-8 i redigeringsprogrammet",
        nn: "planfiler er TOML, som er UTF-8-tekst; lagre fila som UTF-8 i redigeringsprogrammet",
        en: "plan files are TOML, which is UTF-8 text; save the file as UTF-8 in your editor",
    )
}

/// A configuration file that cannot be read; `error` is the system's reason.
pub fn cannot_read_file(error: impl Display) -> Text {
    text!(nb: "kan ikke lese filen: {error}", nn: "kan ikkje lese fila: {error}", en: "cannot read it: {error}")
}

// The names of tables, as messages name them.

pub fn a_plan_file() -> Text {
    text!(nb: "en planfil", nn: "ei planfil", en: "a plan file")
}

pub fn an_activity() -> Text {
    text!(nb: "en aktivitet", nn: "ein aktivitet", en: "an activity")
}

pub fn a_nested_activity() -> Text {
    text!(
        nb: "en aktivitet ([[phase.activity]])",
        nn: "ein aktivitet ([[phase.activity]])",
        en: "an activity ([[phase.activity]])",
    )
}

pub fn activity_named(title: &str) -> Text {
    text!(nb: "aktiviteten '{title}'", nn: "aktiviteten '{title}'", en: "activity '{title}'")
}

pub fn a_phase() -> Text {
    text!(nb: "en fase", nn: "ein fase", en: "a phase")
}

pub fn phase_named(id: &str) -> Text {
    text!(nb: "fasen '{id}'", nn: "fasen '{id}'", en: "phase '{id}'")
}

pub fn a_requirement() -> Text {
    text!(nb: "et krav", nn: "eit krav", en: "a requirement")
}

pub fn requirement_named(id: &str) -> Text {
    text!(nb: "kravet '{id}'", nn: "kravet '{id}'", en: "requirement '{id}'")
}

pub fn a_role() -> Text {
    text!(nb: "en rolle", nn: "ei rolle", en: "a role")
}

pub fn role_named(id: &str) -> Text {
    text!(nb: "rollen '{id}'", nn: "rolla '{id}'", en: "role '{id}'")
}

pub fn a_sub_goal() -> Text {
    text!(nb: "et delmål", nn: "eit delmål", en: "a sub-goal")
}

pub fn sub_goal_named(id: &str) -> Text {
    text!(nb: "delmålet '{id}'", nn: "delmålet '{id}'", en: "sub-goal '{id}'")
}

pub fn a_component() -> Text {
    text!(nb: "en kjernekomponent", nn: "ein kjernekomponent", en: "a component")
}

/// A component named a second time in `[plan] steps`: it would be two steps at once.
pub fn listed_twice_in_steps(id: &str, first: u32, again: u32) -> Text {
    text!(
        nb: "'{id}' står to ganger i steps, som steg {first} og steg {again}",
        nn: "'{id}' står to gonger i steps, som steg {first} og steg {again}",
        en: "'{id}' is listed twice in steps, as step {first} and step {again}",
    )
}

pub fn listed_twice_help() -> Text {
    text!(
        nb: "en kjernekomponent er ett steg: fjern den ene; komponenter som deler et steg, skriver hver sin step = N",
        nn: "ein kjernekomponent er eitt steg: fjern den eine; komponentar som deler eit steg, skriv kvar sin step = N",
        en: "a component is one step: remove one of them; components that share a step each say step = N",
    )
}

/// A component whose own `step` is another number than its place in `[plan] steps`.
pub fn step_disagrees(id: &str, own: u32, listed: u32) -> Text {
    text!(
        nb: "kjernekomponenten '{id}' har step = {own}, men steps fører den opp som steg {listed}",
        nn: "kjernekomponenten '{id}' har step = {own}, men steps fører han opp som steg {listed}",
        en: "component '{id}' has step = {own}, but steps lists it as step {listed}",
    )
}

pub fn step_disagrees_help() -> Text {
    text!(
        nb: "si steget én gang: enten step i [[component]] eller plassen i steps i [plan]",
        nn: "sei steget éin gong: anten step i [[component]] eller plassen i steps i [plan]",
        en: "say the step once: either step in the [[component]] or its place in [plan] steps",
    )
}

pub fn a_cost() -> Text {
    text!(nb: "en kostnad", nn: "ein kostnad", en: "a cost")
}

pub fn the_cost() -> Text {
    text!(nb: "kostnaden", nn: "kostnaden", en: "the cost")
}

// Keys.

/// `what` is a table's name: [`an_activity`], `[plan]`.
pub fn unknown_key(key: &str, what: &Text) -> Text {
    let (nb, nn, en) = parts(what);
    text!(
        nb: "ukjent nøkkel '{key}' i {nb}",
        nn: "ukjend nøkkel '{key}' i {nn}",
        en: "unknown key '{key}' in {en}",
    )
}

/// A key written in Norwegian (`ansvarlig`) that means one of implan's (`owner`).
pub fn keys_are_english(meant: &str, key: &str) -> Text {
    text!(
        nb: "nøklene i implan er på engelsk: skriv '{meant}' for '{key}'",
        nn: "nøklane i implan er på engelsk: skriv '{meant}' for '{key}'",
        en: "implan's keys are English: write '{meant}' for '{key}'",
    )
}

/// "an activity takes 'id', 'title', …"; `keys` is the list as written.
pub fn takes(what: &Text, keys: &str) -> Text {
    let (nb, nn, en) = parts(what);
    text!(nb: "{nb} kan ha {keys}", nn: "{nn} kan ha {keys}", en: "{en} takes {keys}")
}

/// "did you mean 'owner'? an activity takes …".
pub fn did_you_mean_key(near: &str, what: &Text, keys: &str) -> Text {
    did_you_mean(near).join(" ", &takes(what, keys))
}

/// "activity 'A' has no 'when'".
pub fn has_no(what: &Text, key: &str) -> Text {
    let (nb, nn, en) = parts(what);
    text!(nb: "{nb} mangler '{key}'", nn: "{nn} manglar '{key}'", en: "{en} has no '{key}'")
}

/// `line` is the line to add: `when = "mars 2026"`.
pub fn add_it(line: &str) -> Text {
    text!(
        nb: "legg til en linje, for eksempel: {line}",
        nn: "legg til ei linje, til dømes: {line}",
        en: "add it, for example: {line}",
    )
}

// Types: "'status' must be a string (in quotes), not an integer".

pub fn must_be(key: &str, expected: &Text, found: &Text) -> Text {
    let (nb, nn, en) = parts(expected);
    let (found_nb, found_nn, found_en) = parts(found);
    text!(
        nb: "'{key}' må være {nb}, ikke {found_nb}",
        nn: "'{key}' må vere {nn}, ikkje {found_nn}",
        en: "'{key}' must be {en}, not {found_en}",
    )
}

pub fn a_string() -> Text {
    text!(nb: "en tekst", nn: "ein tekst", en: "a string")
}

pub fn an_integer() -> Text {
    text!(nb: "et heltall", nn: "eit heiltal", en: "an integer")
}

pub fn a_decimal_number() -> Text {
    text!(nb: "et desimaltall", nn: "eit desimaltal", en: "a number with decimals")
}

pub fn true_false() -> Text {
    text!(nb: "true/false", nn: "true/false", en: "true/false")
}

pub fn a_date() -> Text {
    text!(nb: "en dato", nn: "ein dato", en: "a date")
}

pub fn a_list() -> Text {
    text!(nb: "en liste", nn: "ei liste", en: "a list")
}

pub fn a_table() -> Text {
    text!(nb: "en tabell", nn: "ein tabell", en: "a table")
}

pub fn a_string_in_quotes() -> Text {
    text!(nb: "en tekst (i anførselstegn)", nn: "ein tekst (i hermeteikn)", en: "a string (in quotes)")
}

pub fn a_list_of_strings() -> Text {
    text!(nb: "en liste med tekster", nn: "ei liste med tekstar", en: "a list of strings")
}

pub fn a_string_or_a_list() -> Text {
    text!(
        nb: "en tekst eller en liste med tekster",
        nn: "ein tekst eller ei liste med tekstar",
        en: "a string or a list of strings",
    )
}

/// "a table ([budget])", "a table ([[activity]])".
pub fn a_table_written(header: &str) -> Text {
    text!(nb: "en tabell ({header})", nn: "ein tabell ({header})", en: "a table ({header})")
}

pub fn a_list_of_tables(header: &str) -> Text {
    text!(
        nb: "en liste med tabeller, hver skrevet {header}",
        nn: "ei liste med tabellar, kvar skriven {header}",
        en: "a list of tables, each written {header}",
    )
}

pub fn a_whole_number() -> Text {
    text!(nb: "et heltall", nn: "eit heiltal", en: "a whole number")
}

pub fn true_or_false() -> Text {
    text!(nb: "true eller false", nn: "true eller false", en: "true or false")
}

pub fn a_role_value() -> Text {
    text!(
        nb: "navnet på rollen, eller en tabell med name, lead, members",
        nn: "namnet på rolla, eller ein tabell med name, lead, members",
        en: "the role's name, or a table with name, lead, members",
    )
}

pub fn a_sub_goal_value() -> Text {
    text!(
        nb: "teksten i delmålet, eller en tabell med text",
        nn: "teksten i delmålet, eller ein tabell med text",
        en: "the sub-goal's text, or a table with text",
    )
}

pub fn a_cost_value() -> Text {
    text!(
        nb: "et beløp i kroner (300) eller en tabell {{ amount = 300, per = \"sett\", units = 40 }}",
        nn: "eit beløp i kroner (300) eller ein tabell {{ amount = 300, per = \"sett\", units = 40 }}",
        en: "an amount in kroner (300) or a table {{ amount = 300, per = \"sett\", units = 40 }}",
    )
}

pub fn an_amount() -> Text {
    text!(nb: "et beløp i kroner", nn: "eit beløp i kroner", en: "an amount in kroner")
}

pub fn a_level() -> Text {
    text!(
        nb: "\"allow\", \"warn\" eller \"error\"",
        nn: "\"allow\", \"warn\" eller \"error\"",
        en: "\"allow\", \"warn\" or \"error\"",
    )
}

pub fn between(key: &str, min: i64, max: i64) -> Text {
    text!(
        nb: "'{key}' må være mellom {min} og {max}",
        nn: "'{key}' må vere mellom {min} og {max}",
        en: "'{key}' must be between {min} and {max}",
    )
}

// Ids and names.

pub fn invalid_id(id: &str) -> Text {
    text!(nb: "'{id}' er ikke en gyldig id", nn: "'{id}' er ikkje ein gyldig id", en: "'{id}' is not a valid id")
}

/// `example` is the id made from the invalid one, when there is one.
pub fn id_help(example: Option<&str>) -> Text {
    match example {
        Some(example) => text!(
            nb: "bruk bokstaver, sifre, '-' og '_', for eksempel \"{example}\"",
            nn: "bruk bokstavar, siffer, '-' og '_', til dømes \"{example}\"",
            en: "use letters, digits, '-' and '_', for example \"{example}\"",
        ),
        None => text!(
            nb: "bruk bokstaver, sifre, '-' og '_', som \"rektor\"",
            nn: "bruk bokstavar, siffer, '-' og '_', som \"rektor\"",
            en: "use letters, digits, '-' and '_', such as \"rektor\"",
        ),
    }
}

pub fn empty_name(key: &str) -> Text {
    text!(nb: "'{key}' har et tomt navn", nn: "'{key}' har eit tomt namn", en: "'{key}' holds an empty name")
}

pub fn empty_name_help() -> Text {
    text!(
        nb: "fjern det, eller skriv id-en det skal vise til",
        nn: "fjern det, eller skriv id-en det skal vise til",
        en: "remove it, or write the id it should name",
    )
}

// Dates.

/// "cannot read 'when': …"; `why` is the date reader's message.
pub fn cannot_read(key: &str, why: &Text) -> Text {
    let (nb, nn, en) = parts(why);
    text!(
        nb: "kan ikke lese '{key}': {nb}",
        nn: "kan ikkje lese '{key}': {nn}",
        en: "cannot read '{key}': {en}",
    )
}

/// A whole number given as a date, that is no year.
pub fn not_a_year(number: &str) -> Text {
    text!(nb: "{number} er ikke et år", nn: "{number} er ikkje eit år", en: "{number} is not a year")
}

pub fn agreement_years_without_agreement(written: &str) -> Text {
    text!(
        nb: "'{written}' teller avtaleår, men planen har ingen [agreement]",
        nn: "'{written}' tel avtaleår, men planen har ingen [agreement]",
        en: "'{written}' counts agreement years, but the plan has no [agreement]",
    )
}

pub fn agreement_help() -> Text {
    text!(
        nb: "legg til [agreement] med start = \"…\" og years = …, eller skriv en dato",
        nn: "legg til [agreement] med start = \"…\" og years = …, eller skriv ein dato",
        en: "add [agreement] with start = \"…\" and years = …, or write a date",
    )
}

pub fn time_without_date() -> Text {
    text!(
        nb: "et klokkeslett alene er ikke en dato",
        nn: "eit klokkeslett åleine er ikkje ein dato",
        en: "a time of day alone is not a date",
    )
}

/// `date` is written `2026-02-30`.
pub fn not_a_calendar_day(date: &str) -> Text {
    text!(
        nb: "{date} er ikke en dag i kalenderen",
        nn: "{date} er ikkje ein dag i kalenderen",
        en: "{date} is not a day in the calendar",
    )
}

/// A TOML date with a year before the first a plan may name.
pub fn implausible_year(year: i64) -> Text {
    text!(
        nb: "året {year:04} er ikke et mulig år for en plan; skriv alle fire sifrene",
        nn: "året {year:04} er ikkje eit mogleg år for ein plan; skriv alle fire sifra",
        en: "the year {year:04} is not a plausible year for a plan; write all four digits",
    )
}

/// `time` is written `25:00`.
pub fn not_a_time_of_day(time: &str) -> Text {
    text!(
        nb: "{time} er ikke et klokkeslett",
        nn: "{time} er ikkje eit klokkeslett",
        en: "{time} is not a time of day",
    )
}

pub fn moment_outside_calendar(date: impl Display, time: impl Display) -> Text {
    text!(
        nb: "{date} {time} er utenfor kalenderen",
        nn: "{date} {time} er utanfor kalenderen",
        en: "{date} {time} is outside the calendar",
    )
}

// The plan.

pub fn no_plan_table() -> Text {
    text!(
        nb: "denne filen har ingen [plan]-tabell",
        nn: "denne fila har ingen [plan]-tabell",
        en: "this file has no [plan] table",
    )
}

pub fn no_plan_table_help() -> Text {
    text!(
        nb: "en planfil begynner med [plan] og planens title, start og end; se docs/format.md",
        nn: "ei planfil byrjar med [plan] og title, start og end for planen; sjå docs/format.md",
        en: "a plan file starts with [plan] and its title, start and end; see docs/format.md",
    )
}

pub fn plan_ends_before_start(end: impl Display, start: impl Display) -> Text {
    text!(
        nb: "planen slutter ({end}) før den begynner ({start})",
        nn: "planen sluttar ({end}) før han byrjar ({start})",
        en: "the plan ends ({end}) before it starts ({start})",
    )
}

pub fn unknown_language(lang: &str) -> Text {
    text!(nb: "ukjent språk '{lang}'", nn: "ukjend språk '{lang}'", en: "unknown language '{lang}'")
}

pub fn language_help() -> Text {
    text!(
        nb: "skriv lang = \"nb\" (bokmål), \"nn\" (nynorsk) eller \"en\" (engelsk)",
        nn: "skriv lang = \"nb\" (bokmål), \"nn\" (nynorsk) eller \"en\" (engelsk)",
        en: "write lang = \"nb\" (Norwegian Bokmål), \"nn\" (Norwegian Nynorsk) or \"en\" (English)",
    )
}

pub fn agreement_without_start() -> Text {
    text!(
        nb: "[agreement] har ingen 'start', og planens start kan ikke brukes i stedet",
        nn: "[agreement] har ingen 'start', og starten på planen kan ikkje brukast i staden",
        en: "[agreement] has no 'start', and the plan's start cannot stand in",
    )
}

// Activities.

pub fn nested_activity_names_a_phase() -> Text {
    text!(
        nb: "en aktivitet som står inne i en fase, kan ikke vise til en annen fase",
        nn: "ein aktivitet som står inne i ein fase, kan ikkje vise til ein annan fase",
        en: "an activity written inside a phase cannot name another phase",
    )
}

pub fn nested_activity_names_a_phase_help() -> Text {
    text!(
        nb: "fjern 'phase', eller flytt aktiviteten ut på øverste nivå som [[activity]]",
        nn: "fjern 'phase', eller flytt aktiviteten ut på øvste nivå som [[activity]]",
        en: "remove 'phase', or move the activity to the top level as [[activity]]",
    )
}

pub fn no_id_from_title() -> Text {
    text!(
        nb: "kan ikke lage en id av denne tittelen",
        nn: "kan ikkje lage ein id av denne tittelen",
        en: "cannot make an id from this title",
    )
}

pub fn give_an_id() -> Text {
    text!(nb: "gi aktiviteten en id", nn: "gje aktiviteten ein id", en: "give the activity an id")
}

pub fn activity_ends_before_start(end: impl Display, start: impl Display) -> Text {
    text!(
        nb: "aktiviteten slutter ({end}) før den begynner ({start})",
        nn: "aktiviteten sluttar ({end}) før han byrjar ({start})",
        en: "the activity ends ({end}) before it starts ({start})",
    )
}

pub fn end_or_duration() -> Text {
    text!(
        nb: "bruk enten 'end' eller 'duration', ikke begge",
        nn: "bruk anten 'end' eller 'duration', ikkje begge",
        en: "give either 'end' or 'duration', not both",
    )
}

pub fn duration_past_calendar() -> Text {
    text!(
        nb: "varigheten går forbi slutten av kalenderen",
        nn: "varigheita går forbi slutten av kalenderen",
        en: "the duration runs past the end of the calendar",
    )
}

pub fn rules_list_help() -> Text {
    text!(
        nb: "`implan rules` viser id-en til hver regel",
        nn: "`implan rules` viser id-en til kvar regel",
        en: "`implan rules` lists every rule id",
    )
}

pub fn unknown_status(status: &str) -> Text {
    text!(nb: "ukjent status '{status}'", nn: "ukjend status '{status}'", en: "unknown status '{status}'")
}

pub fn unknown_audience(audience: &str) -> Text {
    text!(
        nb: "ukjent målgruppe '{audience}'",
        nn: "ukjend målgruppe '{audience}'",
        en: "unknown audience '{audience}'",
    )
}

pub fn audience_help() -> Text {
    text!(
        nb: "skriv \"ansatte\", \"elever\", \"barn\", \"foreldre\" eller \"alle\"",
        nn: "skriv \"tilsette\", \"elevar\", \"barn\", \"foreldre\" eller \"alle\"",
        en: "write \"staff\", \"pupils\", \"children\", \"parents\" or \"everyone\"",
    )
}

/// For "flyttet" and the like, which are no status: how a postponed activity is written.
pub fn postponed_help() -> Text {
    text!(
        nb: "en aktivitet som er flyttet til senere, skrives status = \"utsatt\" med den nye 'when'; implan postpone \
             gjør det og tar vare på den gamle datoen",
        nn: "ein aktivitet som er flytta til seinare, blir skriven status = \"utsett\" med den nye 'when'; implan \
             postpone gjer det og tek vare på den gamle datoen",
        en: "an activity moved to later is written status = \"postponed\" with its new 'when'; implan postpone does \
             it and keeps the old date",
    )
}

/// The statuses implan reads.
pub fn status_words() -> Text {
    text!(
        nb: "skriv planlagt, pågår, gjennomført eller avlyst (eller planned, in-progress, done, cancelled)",
        nn: "skriv planlagd, pågår, gjennomført eller avlyst (eller planned, in-progress, done, cancelled)",
        en: "write planned, in-progress, done or cancelled (or planlagt, pågår, gjennomført, avlyst)",
    )
}

/// "did you mean 'avlyst'? write …".
pub fn did_you_mean_status(near: &str) -> Text {
    did_you_mean(near).join(" ", &status_words())
}

/// `status` is the status as implan names it (`planned`).
pub fn done_but_status(status: &str) -> Text {
    text!(
        nb: "'done' har en dato, men status er '{status}'",
        nn: "'done' har ein dato, men status er '{status}'",
        en: "a done date is given, but the status is '{status}'",
    )
}

pub fn done_but_status_help() -> Text {
    text!(
        nb: "skriv status = \"done\", eller fjern 'done'",
        nn: "skriv status = \"done\", eller fjern 'done'",
        en: "set status = \"done\", or remove 'done'",
    )
}

pub fn done_must_be_a_day() -> Text {
    text!(
        nb: "'done' må være en dag, for eksempel 2026-03-12",
        nn: "'done' må vere ein dag, til dømes 2026-03-12",
        en: "'done' must be a day, such as 2026-03-12",
    )
}

// Costs and the budget.

/// A key of `years` that is no year.
pub fn key_not_a_year(key: &str) -> Text {
    text!(nb: "'{key}' er ikke et år", nn: "'{key}' er ikkje eit år", en: "'{key}' is not a year")
}

pub fn budget_years_help() -> Text {
    text!(
        nb: "skriv years = {{ 2026 = 40000 }}",
        nn: "skriv years = {{ 2026 = 40000 }}",
        en: "write years = {{ 2026 = 40000 }}",
    )
}

pub fn not_an_amount() -> Text {
    text!(nb: "ikke et beløp i kroner", nn: "ikkje eit beløp i kroner", en: "not an amount in kroner")
}

// [lint].

pub fn unknown_level(level: &str) -> Text {
    text!(nb: "ukjent nivå '{level}'", nn: "ukjend nivå '{level}'", en: "unknown level '{level}'")
}

pub fn level_help() -> Text {
    text!(
        nb: "skriv \"allow\", \"warn\" eller \"error\"",
        nn: "skriv \"allow\", \"warn\" eller \"error\"",
        en: "write \"allow\", \"warn\" or \"error\"",
    )
}

pub fn not_a_month() -> Text {
    text!(nb: "ikke en måned", nn: "ikkje ein månad", en: "not a month")
}

/// `number` and `name` are an example of each: `7` and `juli`.
pub fn months_help(number: u32, name: &str) -> Text {
    text!(
        nb: "skriv månedens nummer ({number}) eller navn (\"{name}\")",
        nn: "skriv nummeret ({number}) eller namnet (\"{name}\") på månaden",
        en: "write month numbers ({number}) or names (\"{name}\")",
    )
}

// Phases.

/// `why` is the date reader's message.
pub fn cannot_read_period(why: &Text) -> Text {
    let (nb, nn, en) = parts(why);
    text!(
        nb: "kan ikke lese perioden til fasen: {nb}",
        nn: "kan ikkje lese perioden til fasen: {nn}",
        en: "cannot read the phase's period: {en}",
    )
}

/// `help` is the date reader's help.
pub fn period_help(help: &Text) -> Text {
    let (nb, nn, en) = parts(help);
    text!(
        nb: "{nb}; eller behold teksten og gi fasen både start og end",
        nn: "{nn}; eller behald teksten og gje fasen både start og end",
        en: "{en}; or keep the label and give the phase an explicit start and end",
    )
}

pub fn phase_ends_before_start(end: impl Display, start: impl Display) -> Text {
    text!(
        nb: "fasen slutter ({end}) før den begynner ({start})",
        nn: "fasen sluttar ({end}) før han byrjar ({start})",
        en: "the phase ends ({end}) before it starts ({start})",
    )
}

pub fn phase_dates_help() -> Text {
    text!(
        nb: "gi både start og end, eller rett den som er gitt, så den ligger innenfor perioden",
        nn: "gje både start og end, eller rett den som er gjeven, så han ligg innanfor perioden",
        en: "give both start and end, or correct the one given so that it lies within the period",
    )
}

// Requirements.

pub fn unknown_survey(survey: &str) -> Text {
    text!(
        nb: "ukjent undersøkelse '{survey}'",
        nn: "ukjend undersøking '{survey}'",
        en: "unknown survey '{survey}'",
    )
}

/// `surveys` is a list of names.
pub fn surveys_known(surveys: &Text) -> Text {
    let (nb, nn, en) = parts(surveys);
    text!(nb: "implan kjenner {nb}", nn: "implan kjenner {nn}", en: "implan knows {en}")
}

pub fn nothing_to_check(what: &Text) -> Text {
    let (nb, nn, en) = parts(what);
    text!(
        nb: "{nb} sier ingenting om hva som skal sjekkes",
        nn: "{nn} seier ingenting om kva som skal sjekkast",
        en: "{en} says nothing to check",
    )
}

pub fn nothing_to_check_help() -> Text {
    text!(
        nb: "legg til hvor ofte (every = \"halvår\"), hvor mange (count = \"4-8\", per = \"år\"), en frist (by = …), \
             et tidsrom (within = …), en kvote eller deltakere",
        nn: "legg til kor ofte (every = \"halvår\"), kor mange (count = \"4-8\", per = \"år\"), ein frist (by = …), \
             eit tidsrom (within = …), ein kvote eller deltakarar",
        en: "add how often (every = \"halvår\"), how many (count = \"4-8\", per = \"år\"), a deadline (by = …), a window \
             (within = …), a quota or participants",
    )
}

pub fn per_goes_with_count() -> Text {
    text!(
        nb: "'per' hører sammen med 'count'",
        nn: "'per' høyrer saman med 'count'",
        en: "'per' goes with 'count'",
    )
}

pub fn per_not_with_every() -> Text {
    text!(
        nb: "'per' hører sammen med 'count', ikke med 'every'",
        nn: "'per' høyrer saman med 'count', ikkje med 'every'",
        en: "'per' goes with 'count', not with 'every'",
    )
}

pub fn every_and_count(what: &Text) -> Text {
    let (nb, nn, en) = parts(what);
    text!(
        nb: "{nb} har både 'every' og 'count'",
        nn: "{nn} har både 'every' og 'count'",
        en: "{en} has both 'every' and 'count'",
    )
}

pub fn keep_one() -> Text {
    text!(nb: "behold én av dem", nn: "behald éin av dei", en: "keep one of them")
}

pub fn neither_every_nor_count(what: &Text) -> Text {
    let (nb, nn, en) = parts(what);
    text!(
        nb: "{nb} sier verken hvor ofte ('every') eller hvor mange ('count' og 'per')",
        nn: "{nn} seier verken kor ofte ('every') eller kor mange ('count' og 'per')",
        en: "{en} says neither how often ('every') nor how many ('count' and 'per')",
    )
}

pub fn neither_help() -> Text {
    text!(
        nb: "legg til for eksempel every = \"halvår\", eller count = \"4-8\" og per = \"år\"",
        nn: "legg til til dømes every = \"halvår\", eller count = \"4-8\" og per = \"år\"",
        en: "add, for example, every = \"halvår\", or count = \"4-8\" and per = \"år\"",
    )
}

pub fn cannot_read_every(every: &str) -> Text {
    text!(
        nb: "kan ikke lese 'every': '{every}' er ikke et tidsrom",
        nn: "kan ikkje lese 'every': '{every}' er ikkje eit tidsrom",
        en: "cannot read 'every': '{every}' is not a length of time",
    )
}

pub fn every_help() -> Text {
    text!(
        nb: "skriv \"6 måneder\", \"halvår\", \"år\", \"kvartal\", \"2 år\", \"6 months\" eller \"yearly\"",
        nn: "skriv \"6 månader\", \"halvår\", \"år\", \"kvartal\", \"2 år\", \"6 months\" eller \"yearly\"",
        en: "write \"6 months\", \"6 måneder\", \"halvår\", \"år\", \"yearly\", \"kvartal\", \"2 år\"",
    )
}

pub fn cannot_read_count() -> Text {
    text!(nb: "kan ikke lese 'count'", nn: "kan ikkje lese 'count'", en: "cannot read 'count'")
}

pub fn count_help() -> Text {
    text!(
        nb: "skriv et tall (4), et spenn (\"4-8\") eller ett tall per periode ([4, 2, 2])",
        nn: "skriv eit tal (4), eit spenn (\"4-8\") eller eitt tal per periode ([4, 2, 2])",
        en: "write a number (4), a range (\"4-8\"), or one per period ([4, 2, 2])",
    )
}

pub fn count_without_per(what: &Text) -> Text {
    let (nb, nn, en) = parts(what);
    text!(
        nb: "{nb} har 'count', men ikke 'per'",
        nn: "{nn} har 'count', men ikkje 'per'",
        en: "{en} has 'count' but no 'per'",
    )
}

pub fn per_help() -> Text {
    text!(
        nb: "legg til per = \"år\" (eller avtaleår, skoleår, kalenderår, halvår, kvartal, måned, plan)",
        nn: "legg til per = \"år\" (eller avtaleår, skuleår, kalenderår, halvår, kvartal, månad, plan)",
        en: "add per = \"år\" (or avtaleår, skoleår, kalenderår, halvår, kvartal, måned, plan)",
    )
}

pub fn cannot_read_per(per: &str) -> Text {
    text!(nb: "kan ikke lese 'per': '{per}'", nn: "kan ikkje lese 'per': '{per}'", en: "cannot read 'per': '{per}'")
}

pub fn per_words_help() -> Text {
    text!(
        nb: "skriv \"år\", \"avtaleår\", \"skoleår\", \"kalenderår\", \"halvår\", \"kvartal\", \"måned\" eller \"plan\" \
             (eller på engelsk)",
        nn: "skriv \"år\", \"avtaleår\", \"skuleår\", \"kalenderår\", \"halvår\", \"kvartal\", \"månad\" eller \"plan\" \
             (eller på engelsk)",
        en: "write \"år\", \"avtaleår\", \"skoleår\", \"kalenderår\", \"halvår\", \"kvartal\", \"måned\" or \"plan\" (or \
             in English)",
    )
}

// The school calendar, `[calendar]`.

pub fn a_day_of_the_year() -> Text {
    text!(
        nb: "en dag i året (\"19. august\")",
        nn: "ein dag i året (\"19. august\")",
        en: "a day of the year (\"19. august\")",
    )
}

pub fn not_a_day_of_the_year(key: &str, written: &str) -> Text {
    text!(
        nb: "'{key}' er ikke en dag i året: \"{written}\"",
        nn: "'{key}' er ikkje ein dag i året: \"{written}\"",
        en: "'{key}' is not a day of the year: \"{written}\"",
    )
}

pub fn day_of_the_year_help() -> Text {
    text!(
        nb: "skriv dagen og måneden, uten år: \"19. august\" eller \"08-19\"",
        nn: "skriv dagen og månaden, utan år: \"19. august\" eller \"08-19\"",
        en: "write the day and the month, without a year: \"19. august\" or \"08-19\"",
    )
}

pub fn first_and_last_day() -> Text {
    text!(
        nb: "den første og den siste dagen, som en liste med to (\"21. desember\", \"2. januar\")",
        nn: "den første og den siste dagen, som ei liste med to (\"21. desember\", \"2. januar\")",
        en: "the first and the last day, as a list of two (\"21. desember\", \"2. januar\")",
    )
}

pub fn a_break() -> Text {
    text!(
        nb: "en uke (\"uke 41\"), den første og den siste dagen, eller false",
        nn: "ei veke (\"veke 41\"), den første og den siste dagen, eller false",
        en: "a week (\"uke 41\"), the first and the last day, or false",
    )
}

pub fn not_a_break(key: &str, written: &str) -> Text {
    text!(
        nb: "'{key}' er ikke en ferie: \"{written}\"",
        nn: "'{key}' er ikkje ein ferie: \"{written}\"",
        en: "'{key}' is not a break: \"{written}\"",
    )
}

pub fn break_help() -> Text {
    text!(
        nb: "skriv uken (\"uke 41\"), dagene i den (\"onsdag–fredag uke 41\"), den første og den siste datoen \
             ([\"9. oktober\", \"11. oktober\"]), eller false når det ikke er noen slik ferie",
        nn: "skriv veka (\"veke 41\"), dagane i ho (\"onsdag–fredag veke 41\"), den første og den siste datoen \
             ([\"9. oktober\", \"11. oktober\"]), eller false når det ikkje er nokon slik ferie",
        en: "write the week (\"uke 41\"), its days (\"onsdag–fredag uke 41\"), the first and the last date \
             ([\"9. oktober\", \"11. oktober\"]), or false when there is no such break",
    )
}

pub fn school_year_ends_before_it_starts() -> Text {
    text!(
        nb: "skoleåret slutter før det begynner",
        nn: "skuleåret sluttar før det byrjar",
        en: "the school year ends before it starts",
    )
}

pub fn break_ends_before_it_starts() -> Text {
    text!(
        nb: "ferien slutter før den begynner",
        nn: "ferien sluttar før han byrjar",
        en: "the break ends before it starts",
    )
}

pub fn must_be_a_day(key: &str) -> Text {
    text!(
        nb: "'{key}' må være én dag",
        nn: "'{key}' må vere éin dag",
        en: "'{key}' must be one day",
    )
}

/// "the skolerute 'skolerute.ics', line 12: …"; `reason` is the reader's (or the system's) words.
pub fn skolerute_error(file: &str, line: Option<usize>, reason: &Text) -> Text {
    let (nb, nn, en) = (reason.get(Lang::Nb), reason.get(Lang::Nn), reason.en());
    match line {
        Some(line) => text!(
            nb: "skoleruta '{file}', linje {line}: {nb}",
            nn: "skuleruta '{file}', linje {line}: {nn}",
            en: "the skolerute '{file}', line {line}: {en}",
        ),
        None => text!(
            nb: "skoleruta '{file}': {nb}",
            nn: "skuleruta '{file}': {nn}",
            en: "the skolerute '{file}': {en}",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tables_name_goes_into_each_languages_sentence() {
        let what = activity_named("A");
        assert_eq!(has_no(&what, "when").get(Lang::Nb), "aktiviteten 'A' mangler 'when'");
        assert_eq!(has_no(&what, "when").get(Lang::Nn), "aktiviteten 'A' manglar 'when'");
        assert_eq!(has_no(&what, "when").en(), "activity 'A' has no 'when'");
        let help = did_you_mean_key("owner", &an_activity(), "'id', 'owner'");
        assert_eq!(help.get(Lang::Nn), "meinte du 'owner'? ein aktivitet kan ha 'id', 'owner'");
        assert_eq!(help.en(), "did you mean 'owner'? an activity takes 'id', 'owner'");
        let found = must_be("status", &a_string_in_quotes(), &an_integer());
        assert_eq!(found.get(Lang::Nb), "'status' må være en tekst (i anførselstegn), ikke et heltall");
        assert_eq!(found.en(), "'status' must be a string (in quotes), not an integer");
    }

    #[test]
    fn an_id_is_answered_with_one_that_would_do() {
        assert_eq!(id_help(None).en(), "use letters, digits, '-' and '_', such as \"rektor\"");
        assert_eq!(id_help(Some("a-b")).get(Lang::Nb), "bruk bokstaver, sifre, '-' og '_', for eksempel \"a-b\"");
    }
}
