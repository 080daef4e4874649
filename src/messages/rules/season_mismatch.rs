//! What the `season-mismatch` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En aktivitet datert utenfor perioden som periodeteksten til fasen angir",
    nn: "Ein aktivitet datert utanfor perioden som periodeteksten til fasen oppgjev",
    en: "An activity dated outside the period its phase's label names",
};

/// A phase with explicit `start` and `end` that its label does not agree with.
pub fn label_and_dates_disagree(name: &str, label: &str, label_period: &str, period: &str) -> Text {
    text!(
        nb: "fasen '{name}' har periodeteksten '{label}' ({label_period}), men start og end sier {period}",
        nn: "fasen '{name}' har periodeteksten '{label}' ({label_period}), men start og end seier {period}",
        en: "phase '{name}' is labelled '{label}' ({label_period}), but its start and end say {period}",
    )
}

pub fn they_disagree() -> Text {
    text!(
        nb: "periodeteksten og datoene stemmer ikke overens",
        nn: "periodeteksten og datoane stemmer ikkje overeins",
        en: "the label and the dates disagree",
    )
}

pub fn make_them_agree() -> Text {
    text!(
        nb: "rett periodeteksten eller start og end, slik at begge sier det samme",
        nn: "rett periodeteksten eller start og end, slik at begge seier det same",
        en: "correct the label or the start and end, so that both say the same",
    )
}

/// "all 4 activities of phase 'Oppstartsfase' are dated one year after its label 'Vår 2025'": every activity
/// of the phase (`count` of them) is off by the same whole number of `years`, later when `after`.
pub fn all_years_off(count: usize, name: &str, years: u32, after: bool, label: &str) -> Text {
    let (all_nb, all_nn, all_en) = match count {
        1 => (
            "den eneste aktiviteten".to_string(),
            "den einaste aktiviteten".to_string(),
            "the only activity".to_string(),
        ),
        2 => ("begge aktivitetene".to_string(), "begge aktivitetane".to_string(), "both activities".to_string()),
        n => (format!("alle {n} aktivitetene"), format!("alle {n} aktivitetane"), format!("all {n} activities")),
    };
    let (years_nb, years_nn, years_en) = match years {
        1 => ("ett år".to_string(), "eitt år".to_string(), "one year".to_string()),
        n => (format!("{n} år"), format!("{n} år"), format!("{n} years")),
    };
    let (dir_nb, dir_en) = if after { ("etter", "after") } else { ("før", "before") };
    // Nynorsk's participle agrees with the plural.
    let (verb_en, dated_nn) = if count == 1 { ("is", "datert") } else { ("are", "daterte") };
    text!(
        nb: "{all_nb} i fasen '{name}' er datert {years_nb} {dir_nb} periodeteksten '{label}'",
        nn: "{all_nn} i fasen '{name}' er {dated_nn} {years_nn} {dir_nb} periodeteksten '{label}'",
        en: "{all_en} of phase '{name}' {verb_en} dated {years_en} {dir_en} its label '{label}'",
    )
}

/// "'Vår 2025' is 2025-01 – 2025-06, but its activities are 2026-03 – 2026-06".
pub fn label_is_but_activities_are(label: &str, period: &str, activities: &str) -> Text {
    text!(
        nb: "'{label}' er {period}, men aktivitetene er {activities}",
        nn: "'{label}' er {period}, men aktivitetane er {activities}",
        en: "'{label}' is {period}, but its activities are {activities}",
    )
}

/// The help of a phase whose activities are all whole years off its label: the label that fits them, or, if the
/// label is right, the command that moves the first of them (and how many more there are to move).
pub fn relabel_or_move(label: &str, command: &str, more: usize) -> Text {
    let (more_nb, more_nn, more_en) = match more {
        0 => (String::new(), String::new(), String::new()),
        n => (
            format!(", og de {n} andre likedan"),
            format!(", og dei {n} andre likeins"),
            format!(", and the other {n} alike"),
        ),
    };
    text!(
        nb: "mente du '{label}'? Er periodeteksten riktig, flytt aktivitetene i stedet: {command}{more_nb}",
        nn: "meinte du '{label}'? Er periodeteksten rett, flytt aktivitetane i staden: {command}{more_nn}",
        en: "did you mean '{label}'? If the label is right, move the activities instead: {command}{more_en}",
    )
}

/// "'Oppstartsmøte' is dated 2026-09, outside its phase 'Oppstart' (Vår 2026)".
pub fn outside_its_phase(activity: &str, when: &str, phase: &str, label: &str) -> Text {
    text!(
        nb: "'{activity}' er datert {when}, utenfor fasen '{phase}' ({label})",
        nn: "'{activity}' er datert {when}, utanfor fasen '{phase}' ({label})",
        en: "'{activity}' is dated {when}, outside its phase '{phase}' ({label})",
    )
}

/// "not within 2026-01 – 2026-06".
pub fn not_within(period: &str) -> Text {
    text!(nb: "ikke innenfor {period}", nn: "ikkje innanfor {period}", en: "not within {period}")
}

/// Where the phase's label is, when its explicit start and end decide the period.
pub fn labelled_here() -> Text {
    text!(
        nb: "periodeteksten står her; start og end avgjør perioden",
        nn: "periodeteksten står her; start og end avgjer perioden",
        en: "labelled here; its start and end decide its period",
    )
}

pub fn the_phases_period() -> Text {
    text!(nb: "perioden til fasen", nn: "perioden til fasen", en: "the phase's period")
}

/// The phase whose period holds the activity's date.
pub fn move_to_phase(phase: &str, label: &str) -> Text {
    text!(
        nb: "denne datoen er i fasen '{phase}' ({label}); flytt aktiviteten dit, eller rett datoen",
        nn: "denne datoen er i fasen '{phase}' ({label}); flytt aktiviteten dit, eller rett datoen",
        en: "this date is in phase '{phase}' ({label}); move the activity there, or correct the date",
    )
}

pub fn correct_date_or_period() -> Text {
    text!(
        nb: "rett datoen, eller perioden til fasen",
        nn: "rett datoen, eller perioden til fasen",
        en: "correct the date, or the phase's period",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn one_two_or_all_activities_one_or_more_years_off() {
        let four = all_years_off(4, "Oppstartsfase", 1, true, "Vår 2025");
        assert_eq!(
            four.en(),
            "all 4 activities of phase 'Oppstartsfase' are dated one year after its label 'Vår 2025'"
        );
        assert_eq!(
            four.get(Lang::Nb),
            "alle 4 aktivitetene i fasen 'Oppstartsfase' er datert ett år etter periodeteksten 'Vår 2025'"
        );
        assert_eq!(
            four.get(Lang::Nn),
            "alle 4 aktivitetane i fasen 'Oppstartsfase' er daterte eitt år etter periodeteksten 'Vår 2025'"
        );
        let one = all_years_off(1, "P", 2, false, "2028");
        assert_eq!(one.en(), "the only activity of phase 'P' is dated 2 years before its label '2028'");
        assert_eq!(one.get(Lang::Nn), "den einaste aktiviteten i fasen 'P' er datert 2 år før periodeteksten '2028'");
        assert_eq!(
            all_years_off(2, "P", 1, true, "L").get(Lang::Nb),
            "begge aktivitetene i fasen 'P' er datert ett år etter periodeteksten 'L'"
        );
    }
}
