//! What the `done-date` rule says, and `implan done`/`set` when they warn of the same.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En gjennomføringsdato fram i tid eller før planen starter, eller en gjennomført aktivitet uten dato",
    nn: "Ein gjennomføringsdato fram i tid eller før planen startar, eller ein gjennomført aktivitet utan dato",
    en: "A done date in the future or before the plan starts, or a done activity without one",
};

/// "the done date 2027-01-05 is after today (2026-11-30)".
pub fn after_today(day: &str, today: &str) -> Text {
    text!(
        nb: "gjennomføringsdatoen {day} er etter i dag ({today})",
        nn: "gjennomføringsdatoen {day} er etter i dag ({today})",
        en: "the done date {day} is after today ({today})",
    )
}

/// "the done date 2025-12-31 is before the plan starts (2026-01-01)".
pub fn before_plan(day: &str, start: &str) -> Text {
    text!(
        nb: "gjennomføringsdatoen {day} er før planen starter ({start})",
        nn: "gjennomføringsdatoen {day} er før planen startar ({start})",
        en: "the done date {day} is before the plan starts ({start})",
    )
}

/// "'Kickoff': the done date …"; `problem` is [`after_today`] or [`before_plan`].
pub fn of_activity(activity: &str, problem: &Text) -> Text {
    let (p_nb, p_nn, p_en) = (problem.get(Lang::Nb), problem.get(Lang::Nn), problem.en());
    text!(nb: "'{activity}': {p_nb}", nn: "'{activity}': {p_nn}", en: "'{activity}': {p_en}")
}

pub fn not_yet() -> Text {
    text!(nb: "ikke ennå", nn: "ikkje enno", en: "not yet")
}

pub fn before_the_plan() -> Text {
    text!(nb: "før planen", nn: "før planen", en: "before the plan")
}

/// A year's slip: "did you mean 2026-01-05? …".
pub fn did_you_mean_day(day: &str) -> Text {
    text!(
        nb: "mente du {day}? Gjennomføringsdatoen er dagen arbeidet ble gjort",
        nn: "meinte du {day}? Gjennomføringsdatoen er dagen arbeidet vart gjort",
        en: "did you mean {day}? A done date is the day the work was done",
    )
}

pub fn write_the_day_or_status() -> Text {
    text!(
        nb: "skriv dagen arbeidet ble gjort; er det ikke gjort ennå, fjern 'done' og sett riktig status",
        nn: "skriv dagen arbeidet vart gjort; er det ikkje gjort enno, fjern 'done' og set rett status",
        en: "write the day it was done; if it is not done yet, remove 'done' and set the status it has",
    )
}

pub fn write_the_day() -> Text {
    text!(
        nb: "skriv dagen arbeidet ble gjort",
        nn: "skriv dagen arbeidet vart gjort",
        en: "write the day it was done",
    )
}

/// A done activity that does not say when: "'Oppstartsmøte' is done, but not when: 'done' is missing".
pub fn done_without_a_day(activity: &str) -> Text {
    text!(
        nb: "'{activity}' er gjennomført, men det står ikke når: 'done' mangler",
        nn: "'{activity}' er gjennomført, men det står ikkje når: 'done' manglar",
        en: "'{activity}' is done, but not when: 'done' is missing",
    )
}

pub fn done_but_when() -> Text {
    text!(nb: "gjennomført, men når?", nn: "gjennomført, men når?", en: "done, but when?")
}

/// The help of [`done_without_a_day`]: the date to write, and the command that writes it.
pub fn write_when_it_was_done(id: &str) -> Text {
    text!(
        nb: "skriv dagen arbeidet ble gjort, done = ÅÅÅÅ-MM-DD; `implan done {id} --date DAG` skriver den",
        nn: "skriv dagen arbeidet vart gjort, done = ÅÅÅÅ-MM-DD; `implan done {id} --date DAG` skriv han",
        en: "write the day it was done, done = YYYY-MM-DD; `implan done {id} --date DAY` writes it",
    )
}

/// The fix's title: "add 'done = 2026-03-31' (the last day of its 'when')".
pub fn add_done(day: &str, last_day_of_when: bool) -> Text {
    if last_day_of_when {
        text!(
            nb: "legg til 'done = {day}' (siste dag i 'when')",
            nn: "legg til 'done = {day}' (siste dagen i 'when')",
            en: "add 'done = {day}' (the last day of its 'when')",
        )
    } else {
        text!(nb: "legg til 'done = {day}' (i dag)", nn: "legg til 'done = {day}' (i dag)", en: "add 'done = {day}' (today)")
    }
}
