//! What the `cadence` rule says. Months are written `2026-03`, the same in every language; a window's month
//! names and a cadence in words come in already in each language.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Et gjentakende krav som tidsplanen ikke oppfyller",
    nn: "Eit gjentakande krav som tidsplanen ikkje oppfyller",
    en: "A recurring requirement that the schedule does not meet",
};

/// "'Elevundersøkelsen' (2026-12) is outside the window of 'Elevundersøkelsen' (October and November)";
/// `window` is the window's month names.
pub fn outside_window(activity: &str, month: &str, requirement: &str, window: &Text) -> Text {
    let (w_nb, w_nn, w_en) = (window.get(Lang::Nb), window.get(Lang::Nn), window.en());
    text!(
        nb: "'{activity}' ({month}) er utenfor tidsvinduet for '{requirement}' ({w_nb})",
        nn: "'{activity}' ({month}) er utanfor tidsvindauget for '{requirement}' ({w_nn})",
        en: "'{activity}' ({month}) is outside the window of '{requirement}' ({w_en})",
    )
}

/// "'Elevundersøkelse' (2026-08) is outside both rounds of 'Elevundersøkelsen' (October–December; the
/// other round February–June)".
pub fn outside_both_rounds(activity: &str, month: &str, requirement: &str, window: &Text, other: &Text) -> Text {
    let (w_nb, w_nn, w_en) = (window.get(Lang::Nb), window.get(Lang::Nn), window.en());
    let (o_nb, o_nn, o_en) = (other.get(Lang::Nb), other.get(Lang::Nn), other.en());
    text!(
        nb: "'{activity}' ({month}) er utenfor begge rundene for '{requirement}' ({w_nb}; den andre runden {o_nb})",
        nn: "'{activity}' ({month}) er utanfor begge rundane for '{requirement}' ({w_nn}; den andre runden {o_nn})",
        en: "'{activity}' ({month}) is outside both rounds of '{requirement}' ({w_en}; the other round {o_en})",
    )
}

/// "'foreldreundersøkelsen' means Foreldreundersøkelsen i barnehagen, but the name is ambiguous".
pub fn ambiguous_survey(survey: &str) -> Text {
    text!(
        nb: "navnet betyr {survey}, men kan forveksles med foreldreundersøkelsen i skolen",
        nn: "namnet tyder {survey}, men kan forvekslast med foreldreundersøkinga i skulen",
        en: "the name means {survey}, but can be mistaken for the parent survey at school",
    )
}

pub fn also_a_school_survey() -> Text {
    text!(
        nb: "skolen har også en foreldreundersøkelse",
        nn: "skulen har også ei foreldreundersøking",
        en: "schools have a parent survey too",
    )
}

/// "write "foreldreundersøkelsen-barnehage" (or "foreldreundersøkelsen-skole" for the one at school)".
pub fn write_the_survey_meant(instead: &str) -> Text {
    text!(
        nb: "skriv \"{instead}\", eller \"foreldreundersøkelsen-skole\" hvis det er skolens undersøkelse som menes",
        nn: "skriv \"{instead}\", eller \"foreldreundersøkinga-skule\" viss det er undersøkinga i skulen som er meint",
        en: "write \"{instead}\", or \"foreldreundersøkelsen-skole\" if the survey at school is meant",
    )
}

pub fn outside_the_surveys_window() -> Text {
    text!(
        nb: "utenfor tidsvinduet for undersøkelsen",
        nn: "utanfor tidsvindauget for undersøkinga",
        en: "outside the survey's window",
    )
}

pub fn the_window() -> Text {
    text!(nb: "tidsvinduet", nn: "tidsvindauget", en: "the window")
}

pub fn move_into_the_window() -> Text {
    text!(
        nb: "flytt aktiviteten inn i tidsvinduet, eller skriv med months = [...] hvilke måneder kommunen gjennomfører undersøkelsen",
        nn: "flytt aktiviteten inn i tidsvindauget, eller skriv med months = [...] kva månader kommunen gjennomfører undersøkinga",
        en: "move it into the window, or set the months this municipality runs it with months = [...]",
    )
}

/// "no 'Elevundersøkelsen' in its window in 2027 (2027-10 – 2027-11)".
pub fn missing_in_window(requirement: &str, year: i64, from: &str, until: &str) -> Text {
    text!(
        nb: "'{requirement}' mangler i tidsvinduet i {year} ({from} – {until})",
        nn: "'{requirement}' manglar i tidsvindauget i {year} ({from} – {until})",
        en: "no '{requirement}' in its window in {year} ({from} – {until})",
    )
}

pub fn required_every_year_in_window() -> Text {
    text!(
        nb: "kreves hvert år, innenfor tidsvinduet",
        nn: "krevst kvart år, innanfor tidsvindauget",
        en: "required every year, in its window",
    )
}

/// `matching` says which activities count ("activities with kind = …").
pub fn schedule_in_window(matching: &Text) -> Text {
    let (m_nb, m_nn, m_en) = (matching.get(Lang::Nb), matching.get(Lang::Nn), matching.en());
    text!(
        nb: "planlegg en aktivitet i tidsvinduet; implan teller {m_nb}",
        nn: "planlegg ein aktivitet i tidsvindauget; implan tel {m_nn}",
        en: "schedule it in the window; the checker counts {m_en}",
    )
}

/// "1 month", "22 months".
pub fn months(n: i64) -> Text {
    match n {
        1 => text!(nb: "1 måned", nn: "1 månad", en: "1 month"),
        n => text!(nb: "{n} måneder", nn: "{n} månader", en: "{n} months"),
    }
}

/// "required every 6 months". Norwegian names the cadence (`every`: "hvert halvår", "kvart halvår"); English
/// counts its `months`, as it always has.
pub fn required_every(every: &Text, months: i64) -> Text {
    let (e_nb, e_nn) = (every.get(Lang::Nb), every.get(Lang::Nn));
    let counted = self::months(months);
    let e_en = counted.en();
    text!(nb: "kreves {e_nb}", nn: "krevst {e_nn}", en: "required every {e_en}")
}

/// "no 'Evaluering' at all between 2026-01 and 2028-06".
pub fn missing_altogether(requirement: &str, from: &str, until: &str) -> Text {
    text!(
        nb: "'{requirement}' mangler helt mellom {from} og {until}",
        nn: "'{requirement}' manglar heilt mellom {from} og {until}",
        en: "no '{requirement}' at all between {from} and {until}",
    )
}

pub fn schedule_and_mark(matching: &Text) -> Text {
    let (m_nb, m_nn, m_en) = (matching.get(Lang::Nb), matching.get(Lang::Nn), matching.en());
    text!(
        nb: "planlegg dem, og merk dem slik at implan finner dem: implan teller {m_nb}",
        nn: "planlegg dei, og merk dei slik at implan finn dei: implan tel {m_nn}",
        en: "schedule them, and mark them so the checker finds them: it counts {m_en}",
    )
}

/// "from the start (2026-01) until 2026-09", for [`missing_in`].
pub fn from_the_start(start: &str, until: &str) -> Text {
    text!(
        nb: "fra starten ({start}) til {until}",
        nn: "frå starten ({start}) til {until}",
        en: "from the start ({start}) until {until}",
    )
}

/// "between 2026-03 and 2026-11", for [`missing_in`].
pub fn between(from: &str, until: &str) -> Text {
    text!(nb: "mellom {from} og {until}", nn: "mellom {from} og {until}", en: "between {from} and {until}")
}

/// "after 2027-03 until the end (2028-06)", for [`missing_in`].
pub fn until_the_end(after: &str, end: &str) -> Text {
    text!(
        nb: "etter {after} fram til slutten ({end})",
        nn: "etter {after} fram til slutten ({end})",
        en: "after {after} until the end ({end})",
    )
}

/// "no 'Evaluering' between 2026-03 and 2026-11 (8 months; required every 6 months)"; `when` is
/// [`from_the_start`], [`between`] or [`until_the_end`], `required` is [`required_every`].
pub fn missing_in(requirement: &str, when: &Text, gap: i64, required: &Text) -> Text {
    let gap = months(gap);
    let (w_nb, w_nn, w_en) = (when.get(Lang::Nb), when.get(Lang::Nn), when.en());
    let (g_nb, g_nn, g_en) = (gap.get(Lang::Nb), gap.get(Lang::Nn), gap.en());
    let (r_nb, r_nn, r_en) = (required.get(Lang::Nb), required.get(Lang::Nn), required.en());
    text!(
        nb: "'{requirement}' mangler {w_nb} ({g_nb}; {r_nb})",
        nn: "'{requirement}' manglar {w_nn} ({g_nn}; {r_nn})",
        en: "no '{requirement}' {w_en} ({g_en}; {r_en})",
    )
}

pub fn schedule_one_here(matching: &Text) -> Text {
    let (m_nb, m_nn, m_en) = (matching.get(Lang::Nb), matching.get(Lang::Nn), matching.en());
    text!(
        nb: "planlegg en aktivitet i dette tidsrommet; implan teller {m_nb}",
        nn: "planlegg ein aktivitet i dette tidsrommet; implan tel {m_nn}",
        en: "schedule one in this stretch; the checker counts {m_en}",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_month_and_more() {
        assert_eq!(months(1).get(Lang::Nn), "1 månad");
        assert_eq!(months(22).get(Lang::Nb), "22 måneder");
        assert_eq!(months(12).en(), "12 months");
    }

    #[test]
    fn norwegian_names_the_cadence_english_counts_months() {
        let every = Text::verbatim("hvert halvår");
        assert_eq!(required_every(&every, 6).get(Lang::Nb), "kreves hvert halvår");
        assert_eq!(required_every(&every, 6).en(), "required every 6 months");
    }
}
