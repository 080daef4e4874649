//! What the `idle-gap` rule says. Months are written `2026-03`, the same in every language; the summer's month
//! names come in already in each language.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Mer enn 4 måneder i planperioden uten aktiviteter (juli regnes ikke med)",
    nn: "Meir enn 4 månader i planperioden utan aktivitetar (juli blir ikkje rekna med)",
    en: "More than 4 months inside the plan period without any activity (July not counted)",
};

/// Where the quiet stretch starts: "after 'Kickoff'", for [`nothing_scheduled`].
pub fn after(activity: &str) -> Text {
    text!(nb: "etter '{activity}'", nn: "etter '{activity}'", en: "after '{activity}'")
}

/// Where the quiet stretch starts when no activity comes before it, for [`nothing_scheduled`].
pub fn from_the_start() -> Text {
    text!(nb: "i starten av planen", nn: "i starten av planen", en: "from the plan's start")
}

/// "after 'Kickoff', nothing is scheduled for 5 months, from 2026-08 to 2026-12 (the plan's end)"; `after`
/// is [`after`] or [`from_the_start`].
pub fn nothing_scheduled(after: &Text, months: usize, from: &str, to: &str, to_the_end: bool) -> Text {
    let (a_nb, a_nn, a_en) = (after.get(Lang::Nb), after.get(Lang::Nn), after.en());
    let (m_nb, m_nn) = if months == 1 { ("måned", "månad") } else { ("måneder", "månader") };
    let (e_nb, e_nn, e_en) =
        if to_the_end { (" (planens slutt)", " (slutten av planen)", " (the plan's end)") } else { ("", "", "") };
    text!(
        nb: "{a_nb} er ingenting planlagt i {months} {m_nb}, fra {from} til {to}{e_nb}",
        nn: "{a_nn} er ingenting planlagt i {months} {m_nn}, frå {from} til {to}{e_nn}",
        en: "{a_en}, nothing is scheduled for {months} months, from {from} to {to}{e_en}",
    )
}

/// "more than 4 months without activity (July not counted)"; `summer` is the names of the months not
/// counted, if any.
pub fn more_than(max: usize, summer: Option<&Text>) -> Text {
    let long = text!(
        nb: "mer enn {max} måneder uten aktivitet",
        nn: "meir enn {max} månader utan aktivitet",
        en: "more than {max} months without activity",
    );
    match summer {
        None => long,
        Some(months) => {
            let (s_nb, s_nn, s_en) = (months.get(Lang::Nb), months.get(Lang::Nn), months.en());
            long.join(
                "",
                &text!(
                    nb: " ({s_nb} regnes ikke med)",
                    nn: " ({s_nn} blir ikkje rekna med)",
                    en: " ({s_en} not counted)",
                ),
            )
        }
    }
}

pub fn no_activities_yet() -> Text {
    text!(
        nb: "planen har ingen aktiviteter ennå; planlegg dem",
        nn: "planen har ingen aktivitetar enno; planlegg dei",
        en: "the plan has no activities yet; plan them",
    )
}

/// "does the plan really start in 2026-01? …".
pub fn really_start(month: &str) -> Text {
    text!(
        nb: "starter planen virkelig i {month}? flytt starten, eller planlegg arbeidet i disse månedene",
        nn: "startar planen verkeleg i {month}? flytt starten, eller planlegg arbeidet i desse månadene",
        en: "does the plan really start in {month}? move its start, or plan the work of these months",
    )
}

/// "does the plan really run until 2028-12? …".
pub fn really_end(month: &str) -> Text {
    text!(
        nb: "varer planen virkelig til {month}? flytt slutten, eller planlegg arbeidet i disse månedene",
        nn: "varer planen verkeleg til {month}? flytt slutten, eller planlegg arbeidet i desse månadene",
        en: "does the plan really run until {month}? move its end, or plan the work of these months",
    )
}

pub fn keep_it_going() -> Text {
    text!(
        nb: "planlegg arbeidet i disse månedene, om så bare et oppfølgingsmøte, så arbeidet holdes i gang",
        nn: "planlegg arbeidet i desse månadene, om så berre eit oppfølgingsmøte, så arbeidet held fram",
        en: "plan the work of these months, even a follow-up meeting, so the work keeps going",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stretch_reads_in_each_language() {
        let t = nothing_scheduled(&after("Kickoff"), 5, "2026-08", "2026-12", true);
        assert_eq!(
            t.en(),
            "after 'Kickoff', nothing is scheduled for 5 months, from 2026-08 to 2026-12 (the plan's end)"
        );
        assert_eq!(
            t.get(Lang::Nb),
            "etter 'Kickoff' er ingenting planlagt i 5 måneder, fra 2026-08 til 2026-12 (planens slutt)"
        );
        let one = nothing_scheduled(&from_the_start(), 1, "2026-01", "2026-01", false);
        assert_eq!(one.get(Lang::Nn), "i starten av planen er ingenting planlagt i 1 månad, frå 2026-01 til 2026-01");
    }

    #[test]
    fn the_summer_note_only_when_months_are_left_out() {
        assert_eq!(more_than(4, None).en(), "more than 4 months without activity");
        let july = Text::verbatim("juli");
        assert_eq!(
            more_than(4, Some(&july)).get(Lang::Nn),
            "meir enn 4 månader utan aktivitet (juli blir ikkje rekna med)"
        );
    }
}
