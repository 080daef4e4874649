//! What the `phase-order` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;
use std::fmt::Display;

pub const SUMMARY: Words = Words {
    nb: "Faser som ikke står i kronologisk rekkefølge, eller som overlapper i periode eller aktiviteter",
    nn: "Fasar som ikkje står i kronologisk rekkjefølgje, eller som overlappar i periode eller aktivitetar",
    en: "Phases out of chronological order, or overlapping by period or by activities",
};

/// A phase whose period starts before the period of the phase listed before it.
pub fn starts_before_previous(name: &str, label: &str, prev_name: &str, prev_label: &str) -> Text {
    text!(
        nb: "fasen '{name}' ({label}) starter før '{prev_name}' ({prev_label}), som står før den i lista",
        nn: "fasen '{name}' ({label}) startar før '{prev_name}' ({prev_label}), som står før han i lista",
        en: "phase '{name}' ({label}) starts before the phase listed before it, '{prev_name}' ({prev_label})",
    )
}

pub fn the_earlier_listed_phase() -> Text {
    text!(nb: "fasen som står før i lista", nn: "fasen som står før i lista", en: "the earlier-listed phase")
}

pub fn list_in_order_or_correct_periods() -> Text {
    text!(
        nb: "før opp fasene i den rekkefølgen de kommer, eller rett periodene",
        nn: "før opp fasane i den rekkjefølgja dei kjem i, eller rett periodane",
        en: "list phases in the order they happen, or correct the periods",
    )
}

/// A phase whose first activity comes before the first of the phase listed before it.
pub fn activities_before_previous(name: &str, first: impl Display, prev_name: &str, prev_first: impl Display) -> Text {
    text!(
        nb: "fasen '{name}' har aktiviteter fra {first}, før aktivitetene i '{prev_name}' (fra {prev_first}), \
             som står før den i lista",
        nn: "fasen '{name}' har aktivitetar frå {first}, før aktivitetane i '{prev_name}' (frå {prev_first}), \
             som står før han i lista",
        en: "phase '{name}' has activities from {first}, before those of the phase listed before it, \
             '{prev_name}' (from {prev_first})",
    )
}

pub fn list_in_order_or_move_activities() -> Text {
    text!(
        nb: "før opp fasene i den rekkefølgen de kommer, eller flytt aktivitetene til riktig fase",
        nn: "før opp fasane i den rekkjefølgja dei kjem i, eller flytt aktivitetane til rett fase",
        en: "list phases in the order they happen, or move the activities to the right phase",
    )
}

/// "phases 'Oppstart' (Vår 2026) and 'Utprøving' (2026) overlap".
pub fn periods_overlap(name: &str, label: &str, other: &str, other_label: &str) -> Text {
    text!(
        nb: "fasene '{name}' ({label}) og '{other}' ({other_label}) overlapper",
        nn: "fasane '{name}' ({label}) og '{other}' ({other_label}) overlappar",
        en: "phases '{name}' ({label}) and '{other}' ({other_label}) overlap",
    )
}

/// "2026-01 – 2026-12 overlaps 2026-01 – 2026-06": the periods, as dates.
pub fn period_overlaps(this: &str, other: &str) -> Text {
    text!(nb: "{this} overlapper {other}", nn: "{this} overlappar {other}", en: "{this} overlaps {other}")
}

pub fn the_other_phase() -> Text {
    text!(nb: "den andre fasen", nn: "den andre fasen", en: "the other phase")
}

pub fn make_them_follow() -> Text {
    text!(
        nb: "faser kommer etter hverandre; la den ene slutte før den neste starter",
        nn: "fasar kjem etter kvarandre; la den eine slutte før den neste startar",
        en: "phases follow each other; make one end before the next starts",
    )
}

/// "phase 'Konsolidering' (Høst 2026 – Vår 2028) overlaps the activities of phases 'A' and 'B'"; `phases` is
/// the quoted list of `count` phase names.
pub fn holds_others_activities(name: &str, label: &str, phases: &Text, count: usize) -> Text {
    let (p_nb, p_nn, p_en) = (phases.get(Lang::Nb), phases.get(Lang::Nn), phases.en());
    if count == 1 {
        text!(
            nb: "fasen '{name}' ({label}) overlapper aktivitetene i fasen {p_nb}",
            nn: "fasen '{name}' ({label}) overlappar aktivitetane i fasen {p_nn}",
            en: "phase '{name}' ({label}) overlaps the activities of phase {p_en}",
        )
    } else {
        text!(
            nb: "fasen '{name}' ({label}) overlapper aktivitetene i fasene {p_nb}",
            nn: "fasen '{name}' ({label}) overlappar aktivitetane i fasane {p_nn}",
            en: "phase '{name}' ({label}) overlaps the activities of phases {p_en}",
        )
    }
}

/// "3 of their activities fall inside 2026-01 – 2026-12"; "more than 999" when the count stopped short.
pub fn others_inside(count: usize, more: bool, period: &str) -> Text {
    if more {
        text!(
            nb: "mer enn {count} av aktivitetene deres ligger innenfor {period}",
            nn: "meir enn {count} av aktivitetane deira ligg innanfor {period}",
            en: "more than {count} of their activities fall inside {period}",
        )
    } else if count == 1 {
        text!(
            nb: "1 av aktivitetene deres ligger innenfor {period}",
            nn: "1 av aktivitetane deira ligg innanfor {period}",
            en: "1 of their activities falls inside {period}",
        )
    } else {
        text!(
            nb: "{count} av aktivitetene deres ligger innenfor {period}",
            nn: "{count} av aktivitetane deira ligg innanfor {period}",
            en: "{count} of their activities fall inside {period}",
        )
    }
}

/// When the other phases' activities all come before the phase's own: start the phase with its own.
pub fn start_at_own_activities(month: &str) -> Text {
    text!(
        nb: "fasens egne aktiviteter starter i {month}; la perioden starte der, eller flytt de andre aktivitetene",
        nn: "aktivitetane i sjølve fasen startar i {month}; la perioden starte der, eller flytt dei andre \
             aktivitetane",
        en: "the phase's own activities start in {month}; start its period there, or move the other activities",
    )
}

pub fn follow_or_move() -> Text {
    text!(
        nb: "la fasene komme etter hverandre, eller flytt aktivitetene til fasen de hører til",
        nn: "la fasane kome etter kvarandre, eller flytt aktivitetane til fasen dei høyrer til",
        en: "make the phases follow each other, or move the activities to the phase they belong to",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_phase_or_several_and_one_activity_or_more() {
        let one = holds_others_activities("P", "2026", &Text::verbatim("'Q'"), 1);
        assert_eq!(one.get(Lang::Nn), "fasen 'P' (2026) overlappar aktivitetane i fasen 'Q'");
        let two = holds_others_activities("P", "2026", &Text::verbatim("'Q' og 'R'"), 2);
        assert_eq!(two.get(Lang::Nb), "fasen 'P' (2026) overlapper aktivitetene i fasene 'Q' og 'R'");
        assert_eq!(others_inside(1, false, "2026").en(), "1 of their activities falls inside 2026");
        assert_eq!(others_inside(3, false, "2026").get(Lang::Nb), "3 av aktivitetene deres ligger innenfor 2026");
        assert_eq!(
            others_inside(999, true, "2026").get(Lang::Nn),
            "meir enn 999 av aktivitetane deira ligg innanfor 2026"
        );
    }
}
