//! What the `holiday-conflict` rule says. Holidays come in by the calendar's Bokmål names: a public holiday is a
//! proper name, kept as it is in every language (as the English always has); a school holiday is a common noun,
//! which Nynorsk spells its own way (sommarferie, haustferie).

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En aktivitet på en helligdag, i en ferie, på en planleggingsdag eller i en helg, eller i en periode uten skoledager",
    nn: "Ein aktivitet på ein heilagdag, i ein ferie, på ein planleggingsdag eller i ei helg, eller i ein periode utan skuledagar",
    en: "An activity on a public holiday, in a holiday, on a planning day or on a weekend, or in a span without a school day",
};

/// "'Møte' is dated 2026-05-14, on a public holiday, Kristi himmelfartsdag"; `when` is one of [`on_holiday`],
/// [`in_school_holiday`], [`on_saturday`] and [`on_sunday`].
pub fn dated(activity: &str, day: &str, when: &Text) -> Text {
    let (w_nb, w_nn, w_en) = (when.get(Lang::Nb), when.get(Lang::Nn), when.en());
    text!(
        nb: "'{activity}' er datert {day}, {w_nb}",
        nn: "'{activity}' er datert {day}, {w_nn}",
        en: "'{activity}' is dated {day}, {w_en}",
    )
}

/// "on a public holiday, Kristi himmelfartsdag".
pub fn on_holiday(name: &str) -> Text {
    text!(nb: "på en helligdag, {name}", nn: "på ein heilagdag, {name}", en: "on a public holiday, {name}")
}

/// "in the høstferie (2026-09-28 – 2026-10-04)"; `names` are the Bokmål and English names, ("høstferie",
/// "autumn half-term"), or the name a municipality gives a break in its own calendar ("Høstferie", "Fri").
/// `days` is the first and last day, or the one day.
pub fn in_school_holiday(names: (&str, &str), days: &str) -> Text {
    let (nb, en) = names;
    let lower = nb.to_lowercase();
    if !lower.ends_with("ferie") {
        return text!(
            nb: "på en skolefri dag, {nb} ({days})",
            nn: "på ein skulefri dag, {nb} ({days})",
            en: "on a day the schools are closed, {en} ({days})",
        );
    }
    let nn = match lower.as_str() {
        "sommerferie" => "sommarferie",
        "høstferie" => "haustferie",
        other => other,
    };
    // Each name is "…ferie", whose definite form is "…ferien" in both.
    text!(
        nb: "i {lower}n ({days})",
        nn: "i {nn}n ({days})",
        en: "in the {lower} ({days})",
    )
}

pub fn on_planning_day() -> Text {
    text!(nb: "på en planleggingsdag", nn: "på ein planleggingsdag", en: "on a planning day")
}

pub fn pupils_are_off() -> Text {
    text!(
        nb: "elevene har fri, de ansatte er på jobb",
        nn: "elevane har fri, dei tilsette er på jobb",
        en: "pupils are off, staff at work",
    )
}

pub fn planning_day_help() -> Text {
    text!(
        nb: "flytt aktiviteten til en skoledag, eller skriv audience = \"ansatte\" hvis den er for de ansatte",
        nn: "flytt aktiviteten til ein skuledag, eller skriv audience = \"tilsette\" viss han er for dei tilsette",
        en: "move it to a school day, or write audience = \"staff\" if it is for the staff",
    )
}

/// "'Kartlegging' is dated 2026-09-28 – 2026-10-04, and not one of those days is a school day".
pub fn dated_without_school_days(activity: &str, first: &str, last: &str) -> Text {
    text!(
        nb: "'{activity}' er datert {first} – {last}, og ingen av de dagene er skoledager",
        nn: "'{activity}' er datert {first} – {last}, og ingen av dei dagane er skuledagar",
        en: "'{activity}' is dated {first} – {last}, and not one of those days is a school day",
    )
}

pub fn all_holiday() -> Text {
    text!(
        nb: "hele perioden er ferie, helg eller fridager",
        nn: "heile perioden er ferie, helg eller fridagar",
        en: "the whole period is holiday, weekend or days off",
    )
}

/// "the nearest school days are 2026-09-25 and 2026-10-05: move it there, …".
pub fn nearest_school_days(before: &str, after: &str) -> Text {
    text!(
        nb: "de nærmeste skoledagene er {before} og {after}: flytt aktiviteten dit, eller skriv allow = \
             [\"holiday-conflict\"] hvis den er ment for ferien",
        nn: "dei næraste skuledagane er {before} og {after}: flytt aktiviteten dit, eller skriv allow = \
             [\"holiday-conflict\"] viss han er meint for ferien",
        en: "the nearest school days are {before} and {after}: move it there, or write allow = \
             [\"holiday-conflict\"] if it is meant for the holiday",
    )
}

pub fn on_saturday() -> Text {
    text!(nb: "på en lørdag", nn: "på ein laurdag", en: "on a Saturday")
}

pub fn on_sunday() -> Text {
    text!(nb: "på en søndag", nn: "på ein sundag", en: "on a Sunday")
}

pub fn people_are_off() -> Text {
    text!(
        nb: "ansatte, elever og foreldre har fri",
        nn: "tilsette, elevar og foreldre har fri",
        en: "staff, pupils and parents are off",
    )
}

pub fn move_to_a_working_day() -> Text {
    text!(
        nb: "flytt aktiviteten til en arbeidsdag",
        nn: "flytt aktiviteten til ein arbeidsdag",
        en: "move it to a working day",
    )
}

/// `stated`: the plan (or its folder) states its school calendar already, so it is not told to.
pub fn move_out_of_the_holiday(stated: bool) -> Text {
    if stated {
        return text!(
            nb: "flytt aktiviteten til en skoledag",
            nn: "flytt aktiviteten til ein skuledag",
            en: "move it to a school day",
        );
    }
    text!(
        nb: "flytt aktiviteten ut av ferien, eller skriv kommunens egen skolerute under [calendar]",
        nn: "flytt aktiviteten ut av ferien, eller skriv skuleruta til kommunen under [calendar]",
        en: "move it out of the holiday, or write this municipality's own school calendar under [calendar]",
    )
}

pub fn move_to_a_weekday() -> Text {
    text!(
        nb: "flytt aktiviteten til en hverdag, eller skriv allow = [\"holiday-conflict\"] hvis helgen er med vilje",
        nn: "flytt aktiviteten til ein kvardag, eller skriv allow = [\"holiday-conflict\"] viss helga er med vilje",
        en: "move it to a weekday, or allow = [\"holiday-conflict\"] if the weekend is meant",
    )
}

/// "'Planleggingsdag' is dated to 2027-07, a month the schools are closed for summer".
pub fn dated_in_summer(activity: &str, month: &str) -> Text {
    text!(
        nb: "'{activity}' er datert {month}, en måned skolene har sommerferie",
        nn: "'{activity}' er datert {month}, ein månad skulane har sommarferie",
        en: "'{activity}' is dated {month}, a month the schools are closed for summer",
    )
}

pub fn schools_are_closed() -> Text {
    text!(
        nb: "skoler og barnehager har ferie hele måneden",
        nn: "skular og barnehagar har ferie heile månaden",
        en: "schools and kindergartens are on holiday all month",
    )
}

/// "move it to 2027-06 or 2027-08, or allow = [\"holiday-conflict\"] if it is meant for the summer".
pub fn move_before_or_after_summer(before: &str, after: &str) -> Text {
    text!(
        nb: "flytt aktiviteten til {before} eller {after}, eller skriv allow = [\"holiday-conflict\"] hvis den er ment for sommeren",
        nn: "flytt aktiviteten til {before} eller {after}, eller skriv allow = [\"holiday-conflict\"] viss han er meint for sommaren",
        en: "move it to {before} or {after}, or write allow = [\"holiday-conflict\"] if it is meant for the summer",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_holidays_in_the_definite_form_of_each_language() {
        let autumn = in_school_holiday(("høstferie", "autumn half-term"), "2026-09-28 – 2026-10-04");
        let day_off = in_school_holiday(("fridag", "day off"), "2027-05-07");
        assert_eq!(day_off.get(Lang::Nn), "på ein skulefri dag, fridag (2027-05-07)");
        assert_eq!(day_off.en(), "on a day the schools are closed, day off (2027-05-07)");
        assert_eq!(autumn.get(Lang::Nb), "i høstferien (2026-09-28 – 2026-10-04)");
        assert_eq!(autumn.get(Lang::Nn), "i haustferien (2026-09-28 – 2026-10-04)");
        assert_eq!(autumn.en(), "in the høstferie (2026-09-28 – 2026-10-04)");
        assert_eq!(
            in_school_holiday(("sommerferie", "summer holiday"), "a – b").get(Lang::Nn),
            "i sommarferien (a – b)"
        );
        assert_eq!(
            in_school_holiday(("juleferie", "Christmas holiday"), "a – b").get(Lang::Nn),
            "i juleferien (a – b)"
        );
    }
}
