//! What the skolerute reader says about a municipality's iCalendar file it cannot read as a school calendar
//! (`crate::skolerute`). The event names and values quoted here come from the file: they are shown as written
//! and escaped where they are printed, as all plan text is.

use crate::lang::Text;
use crate::text;

/// The events a school year needs, and how a calendar program writes them.
fn events_help() -> Text {
    text!(
        nb: "hvert skoleår trenger to heldagshendelser, «Første skoledag» og «Siste skoledag»; ferier heter for \
             eksempel «Høstferie» og «Juleferie», og planleggingsdager «Planleggingsdag»",
        nn: "kvart skuleår treng to heildagshendingar, «Fyrste skuledag» og «Siste skuledag»; feriar heiter til \
             dømes «Haustferie» og «Juleferie», og planleggingsdagar «Planleggingsdag»",
        en: "each school year needs two all-day events, \"Første skoledag\" (first school day) and \"Siste \
             skoledag\" (last school day); breaks are named like \"Høstferie\" and \"Juleferie\", planning days \
             \"Planleggingsdag\"",
    )
}

pub fn not_icalendar() -> Text {
    text!(
        nb: "filen er ikke en iCalendar-fil: den begynner ikke med BEGIN:VCALENDAR",
        nn: "fila er ikkje ei iCalendar-fil: ho byrjar ikkje med BEGIN:VCALENDAR",
        en: "the file is not an iCalendar file: it does not begin with BEGIN:VCALENDAR",
    )
}

pub fn not_icalendar_help() -> Text {
    text!(
        nb: "bruk .ics-filen kommunen publiserer skoleruta i (ofte «Abonner» eller «Last ned kalender» på \
             kommunens nettside)",
        nn: "bruk .ics-fila kommunen publiserer skuleruta i (ofte «Abonner» eller «Last ned kalender» på \
             nettsida til kommunen)",
        en: "use the .ics file the municipality publishes its school calendar in (often \"Subscribe\" or \
             \"Download calendar\" on its website)",
    )
}

pub fn unreadable() -> Text {
    text!(
        nb: "iCalendar-filen kan ikke leses her",
        nn: "iCalendar-fila kan ikkje lesast her",
        en: "the iCalendar file cannot be read here",
    )
}

pub fn unreadable_help() -> Text {
    text!(
        nb: "hver linje er NAVN:verdi (eller NAVN;PARAMETER=verdi:verdi), og hver BEGIN: har sin END: med \
             samme navn",
        nn: "kvar linje er NAMN:verdi (eller NAMN;PARAMETER=verdi:verdi), og kvar BEGIN: har sin END: med \
             same namn",
        en: "every line is NAME:value (or NAME;PARAMETER=value:value), and every BEGIN: has its END: with the \
             same name",
    )
}

pub fn nested_too_deep(depth: usize) -> Text {
    text!(
        nb: "komponentene ligger {depth} nivåer inni hverandre; en skolerute har to (VCALENDAR og VEVENT)",
        nn: "komponentane ligg {depth} nivå inni kvarandre; ei skulerute har to (VCALENDAR og VEVENT)",
        en: "the components are nested {depth} deep; a school calendar has two levels (VCALENDAR and VEVENT)",
    )
}

pub fn no_school_year() -> Text {
    text!(
        nb: "filen har ikke noe skoleår: ingen hendelse heter «Første skoledag» eller «Siste skoledag»",
        nn: "fila har ikkje noko skuleår: inga hending heiter «Fyrste skuledag» eller «Siste skuledag»",
        en: "the file has no school year: no event is called \"Første skoledag\" or \"Siste skoledag\"",
    )
}

pub fn no_school_year_help() -> Text {
    events_help()
}

/// `year` is written "2026/27".
pub fn missing_first_day(year: &str) -> Text {
    text!(
        nb: "skoleåret {year} har ingen første skoledag",
        nn: "skuleåret {year} har ingen fyrste skuledag",
        en: "the school year {year} has no first school day",
    )
}

/// `year` is written "2026/27", `example` an August date of that year written 20260819.
pub fn missing_first_day_help(year: &str, example: &str) -> Text {
    text!(
        nb: "legg til en heldagshendelse «Første skoledag» på første skoledag i skoleåret {year} \
             (DTSTART;VALUE=DATE:{example})",
        nn: "legg til ei heildagshending «Fyrste skuledag» på fyrste skuledag i skuleåret {year} \
             (DTSTART;VALUE=DATE:{example})",
        en: "add an all-day event \"Første skoledag\" on the first school day of {year} \
             (DTSTART;VALUE=DATE:{example})",
    )
}

pub fn missing_last_day(year: &str) -> Text {
    text!(
        nb: "skoleåret {year} har ingen siste skoledag",
        nn: "skuleåret {year} har ingen siste skuledag",
        en: "the school year {year} has no last school day",
    )
}

/// `example` a June date of the year's spring written 20270618.
pub fn missing_last_day_help(year: &str, example: &str) -> Text {
    text!(
        nb: "legg til en heldagshendelse «Siste skoledag» på siste skoledag i skoleåret {year} \
             (DTSTART;VALUE=DATE:{example})",
        nn: "legg til ei heildagshending «Siste skuledag» på siste skuledag i skuleåret {year} \
             (DTSTART;VALUE=DATE:{example})",
        en: "add an all-day event \"Siste skoledag\" on the last school day of {year} \
             (DTSTART;VALUE=DATE:{example})",
    )
}

/// Dates written 2026-08-19.
pub fn last_before_first(year: &str, first: &str, last: &str) -> Text {
    text!(
        nb: "i skoleåret {year} kommer siste skoledag ({last}) før første skoledag ({first})",
        nn: "i skuleåret {year} kjem siste skuledag ({last}) før fyrste skuledag ({first})",
        en: "in the school year {year} the last school day ({last}) comes before the first ({first})",
    )
}

pub fn last_before_first_help() -> Text {
    text!(
        nb: "et skoleår går fra august til juni; sjekk årstallet i DTSTART for begge hendelsene",
        nn: "eit skuleår går frå august til juni; sjå etter årstalet i DTSTART for begge hendingane",
        en: "a school year runs from August to June; check the year in both events' DTSTART",
    )
}

/// `summary` is the event's name as the file writes it.
pub fn no_start(summary: &str) -> Text {
    text!(
        nb: "hendelsen «{summary}» har ingen DTSTART",
        nn: "hendinga «{summary}» har ingen DTSTART",
        en: "the event \"{summary}\" has no DTSTART",
    )
}

pub fn date_help() -> Text {
    text!(
        nb: "en heldagshendelse skrives DTSTART;VALUE=DATE:20261012 og DTEND;VALUE=DATE:20261017, der DTEND er \
             dagen etter siste dag",
        nn: "ei heildagshending blir skriven DTSTART;VALUE=DATE:20261012 og DTEND;VALUE=DATE:20261017, der \
             DTEND er dagen etter siste dag",
        en: "an all-day event is written DTSTART;VALUE=DATE:20261012 and DTEND;VALUE=DATE:20261017, where DTEND \
             is the day after the last day",
    )
}

/// `property` is DTSTART, DTEND or DURATION; `value` as the file writes it.
pub fn bad_date(summary: &str, property: &str, value: &str) -> Text {
    text!(
        nb: "{property} i hendelsen «{summary}» er ikke en dato: '{value}'",
        nn: "{property} i hendinga «{summary}» er ikkje ein dato: '{value}'",
        en: "{property} of the event \"{summary}\" is not a date: '{value}'",
    )
}

pub fn bad_duration(summary: &str, value: &str) -> Text {
    text!(
        nb: "DURATION i hendelsen «{summary}» er ikke et antall dager eller uker: '{value}'",
        nn: "DURATION i hendinga «{summary}» er ikkje eit tal dagar eller veker: '{value}'",
        en: "DURATION of the event \"{summary}\" is not a number of days or weeks: '{value}'",
    )
}

/// Dates written 2026-10-12.
pub fn ends_before_start(summary: &str, start: &str, end: &str) -> Text {
    text!(
        nb: "hendelsen «{summary}» slutter ({end}) før den begynner ({start})",
        nn: "hendinga «{summary}» sluttar ({end}) før ho byrjar ({start})",
        en: "the event \"{summary}\" ends ({end}) before it starts ({start})",
    )
}

pub fn too_long(summary: &str, days: i64) -> Text {
    text!(
        nb: "hendelsen «{summary}» varer i {days} dager; en ferie eller planleggingsdag i en skolerute varer \
             under et år",
        nn: "hendinga «{summary}» varer i {days} dagar; ein ferie eller planleggingsdag i ei skulerute varer \
             under eit år",
        en: "the event \"{summary}\" lasts {days} days; a break or planning day in a school calendar lasts less \
             than a year",
    )
}

pub fn recurring(summary: &str) -> Text {
    text!(
        nb: "hendelsen «{summary}» gjentar seg (RRULE eller RDATE), og gjentakelser leses ikke",
        nn: "hendinga «{summary}» gjentek seg (RRULE eller RDATE), og gjentakingar blir ikkje lesne",
        en: "the event \"{summary}\" repeats (RRULE or RDATE), and repetitions are not read",
    )
}

pub fn recurring_help() -> Text {
    text!(
        nb: "skriv hver ferie og hver planleggingsdag som sin egen hendelse, slik kommunene publiserer skoleruta",
        nn: "skriv kvar ferie og kvar planleggingsdag som si eiga hending, slik kommunane publiserer skuleruta",
        en: "write each break and each planning day as an event of its own, as municipalities publish them",
    )
}
