//! What the `owner-overload` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En rolle med ansvar for flere aktiviteter i samme måned enn den har kapasitet til",
    nn: "Ei rolle med ansvar for fleire aktivitetar i same månad enn ho har kapasitet til",
    en: "One role responsible for more activities in one month than it can carry",
};

/// "'Rektor' is responsible for 5 activities in 2026-03: 'a', 'b' …"; `titles` is the list of them.
pub fn responsible_for(role: &str, activities: usize, month: &str, titles: &Text) -> Text {
    let (t_nb, t_nn, t_en) = (titles.get(Lang::Nb), titles.get(Lang::Nn), titles.en());
    text!(
        nb: "'{role}' er ansvarlig for {activities} aktiviteter i {month}: {t_nb}",
        nn: "'{role}' er ansvarleg for {activities} aktivitetar i {month}: {t_nn}",
        en: "'{role}' is responsible for {activities} activities in {month}: {t_en}",
    )
}

/// "'a', 'b', 'c' and 4 more": the first few titles, and how many more there are.
pub fn and_more(shown: &[&str], more: usize) -> Text {
    let shown = shown.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
    text!(nb: "{shown} og {more} til", nn: "{shown} og {more} til", en: "{shown} and {more} more")
}

/// "more than 4 in one month".
pub fn more_than(max: usize) -> Text {
    text!(
        nb: "mer enn {max} aktiviteter i én måned",
        nn: "meir enn {max} aktivitetar i éin månad",
        en: "more than {max} in one month",
    )
}

pub fn spread_the_work() -> Text {
    text!(
        nb: "fordel arbeidet på flere måneder eller flere roller; grensen settes med innstillingen owner-overload-max",
        nn: "fordel arbeidet på fleire månader eller fleire roller; grensa blir sett med innstillinga owner-overload-max",
        en: "spread the work over more months or more roles; the limit is the option owner-overload-max",
    )
}
