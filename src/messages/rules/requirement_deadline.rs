//! What the `requirement-deadline` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;
use std::fmt::Display;

pub const SUMMARY: Words = Words {
    nb: "En frist, et tidsvindu eller en 'before' i et krav som tidsplanen ikke holder",
    nn: "Ein frist, eit tidsvindauge eller ein 'before' i eit krav som tidsplanen ikkje held",
    en: "A requirement's deadline, window or 'before' that the schedule does not meet",
};

/// "no 'Påmelding' is scheduled; it is due by 2020-10-23".
pub fn none_by(requirement: &str, deadline: impl Display) -> Text {
    text!(
        nb: "ingen '{requirement}' er planlagt; fristen er {deadline}",
        nn: "ingen '{requirement}' er planlagd; fristen er {deadline}",
        en: "no '{requirement}' is scheduled; it is due by {deadline}",
    )
}

pub fn the_deadline() -> Text {
    text!(nb: "fristen", nn: "fristen", en: "the deadline")
}

/// How to schedule what is missing; `matching` is what the checker looks for ([`super::requirements::matching`]).
pub fn schedule_and_mark(matching: &Text) -> Text {
    let (m_nb, m_nn, m_en) = (matching.get(Lang::Nb), matching.get(Lang::Nn), matching.en());
    text!(
        nb: "legg inn en slik aktivitet, og merk den slik at kontrollen finner den: kontrollen ser etter {m_nb}",
        nn: "legg inn ein slik aktivitet, og merk han slik at kontrollen finn han: kontrollen ser etter {m_nn}",
        en: "schedule it, and mark it so the checker finds it: it looks for {m_en}",
    )
}

/// "'Kommunen melder seg på' (2020-10-30) comes after the deadline of 'Påmelding' (2020-10-23)".
pub fn after_the_deadline(activity: &str, when: &str, requirement: &str, deadline: impl Display) -> Text {
    text!(
        nb: "'{activity}' ({when}) kommer etter fristen for '{requirement}' ({deadline})",
        nn: "'{activity}' ({when}) kjem etter fristen for '{requirement}' ({deadline})",
        en: "'{activity}' ({when}) comes after the deadline of '{requirement}' ({deadline})",
    )
}

pub fn too_late() -> Text {
    text!(nb: "for sent", nn: "for seint", en: "too late")
}

pub fn move_it_earlier() -> Text {
    text!(
        nb: "flytt den til før fristen, eller legg inn en tidligere",
        nn: "flytt han til før fristen, eller legg inn ein tidlegare",
        en: "move it before the deadline, or schedule an earlier one",
    )
}

/// "no 'SMART relasjon' is scheduled in 2027-08 – 2029-07".
pub fn none_within(requirement: &str, window: &str) -> Text {
    text!(
        nb: "ingen '{requirement}' er planlagt i {window}",
        nn: "ingen '{requirement}' er planlagd i {window}",
        en: "no '{requirement}' is scheduled in {window}",
    )
}

pub fn the_window() -> Text {
    text!(nb: "tidsvinduet", nn: "tidsvindauget", en: "the window")
}

pub fn schedule_in_the_window(matching: &Text) -> Text {
    let (m_nb, m_nn, m_en) = (matching.get(Lang::Nb), matching.get(Lang::Nn), matching.en());
    text!(
        nb: "legg inn en slik aktivitet i tidsvinduet; kontrollen ser etter {m_nb}",
        nn: "legg inn ein slik aktivitet i tidsvindauget; kontrollen ser etter {m_nn}",
        en: "schedule it in the window; the checker looks for {m_en}",
    )
}

/// "'SMART relasjon' (2026-09) is outside the window of '…' (2027-08 – 2029-07)".
pub fn outside_the_window(activity: &str, when: &str, requirement: &str, window: &str) -> Text {
    text!(
        nb: "'{activity}' ({when}) ligger utenfor tidsvinduet for '{requirement}' ({window})",
        nn: "'{activity}' ({when}) ligg utanfor tidsvindauget for '{requirement}' ({window})",
        en: "'{activity}' ({when}) is outside the window of '{requirement}' ({window})",
    )
}

pub fn outside_window_label() -> Text {
    text!(nb: "utenfor tidsvinduet", nn: "utanfor tidsvindauget", en: "outside the window")
}

/// "no 'Påmelding' is scheduled; it must come before 'Første fellessamling'".
pub fn none_before(requirement: &str, target: &str) -> Text {
    text!(
        nb: "ingen '{requirement}' er planlagt, og det skal være en før '{target}'",
        nn: "ingen '{requirement}' er planlagd, og det skal vere ein før '{target}'",
        en: "no '{requirement}' is scheduled; it must come before '{target}'",
    )
}

pub fn nothing_before_this() -> Text {
    text!(
        nb: "ingenting er planlagt før denne aktiviteten",
        nn: "ingenting er planlagt før denne aktiviteten",
        en: "nothing is scheduled before this",
    )
}

/// "'Påmelding' (2020-11) must be done before 'Første fellessamling' (2020-11-17)".
pub fn not_done_before(activity: &str, when: &str, target: &str, target_when: &str) -> Text {
    text!(
        nb: "'{activity}' ({when}) må være gjennomført før '{target}' ({target_when})",
        nn: "'{activity}' ({when}) må vere gjennomført før '{target}' ({target_when})",
        en: "'{activity}' ({when}) must be done before '{target}' ({target_when})",
    )
}

pub fn not_before_it() -> Text {
    text!(nb: "ikke i tide", nn: "ikkje i tide", en: "not before it")
}

pub fn required_before_this() -> Text {
    text!(
        nb: "skal komme før denne aktiviteten",
        nn: "skal kome før denne aktiviteten",
        en: "required before this activity",
    )
}
