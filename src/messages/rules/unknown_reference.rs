//! What the `unknown-reference` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En aktivitet (eller steps) viser til en fase, komponent, et mål eller en avhengighet som ikke finnes",
    nn: "Ein aktivitet (eller steps) viser til ein fase, komponent, eit mål eller ein avhengnad som ikkje finst",
    en: "An activity (or steps) names a phase, component, goal or dependency that does not exist",
};

/// What an unknown reference was meant to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Activity,
    Phase,
    Component,
    Goal,
}

/// "unknown component 'regelverk'".
pub fn unknown(thing: Thing, id: &str) -> Text {
    match thing {
        Thing::Activity => {
            text!(nb: "ukjent aktivitet '{id}'", nn: "ukjend aktivitet '{id}'", en: "unknown activity '{id}'")
        }
        Thing::Phase => text!(nb: "ukjent fase '{id}'", nn: "ukjend fase '{id}'", en: "unknown phase '{id}'"),
        Thing::Component => {
            text!(nb: "ukjent komponent '{id}'", nn: "ukjend komponent '{id}'", en: "unknown component '{id}'")
        }
        Thing::Goal => text!(nb: "ukjent mål '{id}'", nn: "ukjent mål '{id}'", en: "unknown goal '{id}'"),
    }
}

/// "no component has this id".
pub fn none_has_this_id(thing: Thing) -> Text {
    match thing {
        Thing::Activity => text!(
            nb: "ingen aktivitet har denne id-en",
            nn: "ingen aktivitet har denne id-en",
            en: "no activity has this id",
        ),
        Thing::Phase => {
            text!(nb: "ingen fase har denne id-en", nn: "ingen fase har denne id-en", en: "no phase has this id")
        }
        Thing::Component => text!(
            nb: "ingen komponent har denne id-en",
            nn: "ingen komponent har denne id-en",
            en: "no component has this id",
        ),
        Thing::Goal => {
            text!(nb: "ingen mål har denne id-en", nn: "ingen mål har denne id-en", en: "no goal has this id")
        }
    }
}

/// When there is nothing of the kind to suggest.
pub fn check_the_id(thing: Thing) -> Text {
    let (nb, nn) = match thing {
        Thing::Activity => ("aktiviteten", "aktiviteten"),
        Thing::Phase => ("fasen", "fasen"),
        Thing::Component => ("komponenten", "komponenten"),
        Thing::Goal => ("målet", "målet"),
    };
    let en = english(thing);
    text!(
        nb: "sjekk id-en til {nb}; den må skrives nøyaktig slik den er deklarert",
        nn: "sjekk id-en til {nn}; han må skrivast nøyaktig slik han er deklarert",
        en: "check the {en}'s id; it must be written exactly as declared",
    )
}

/// "known component ids: 'a', 'b' and 'c'"; `ids` is the quoted list.
pub fn known_ids(thing: Thing, ids: &Text) -> Text {
    let (nb, nn) = match thing {
        Thing::Activity => ("aktivitets-id-er", "aktivitets-id-ar"),
        Thing::Phase => ("fase-id-er", "fase-id-ar"),
        Thing::Component => ("komponent-id-er", "komponent-id-ar"),
        Thing::Goal => ("mål-id-er", "mål-id-ar"),
    };
    let en = english(thing);
    let (i_nb, i_nn, i_en) = (ids.get(Lang::Nb), ids.get(Lang::Nn), ids.en());
    text!(nb: "{nb} som finnes: {i_nb}", nn: "{nn} som finst: {i_nn}", en: "known {en} ids: {i_en}")
}

fn english(thing: Thing) -> &'static str {
    match thing {
        Thing::Activity => "activity",
        Thing::Phase => "phase",
        Thing::Component => "component",
        Thing::Goal => "goal",
    }
}

/// An activity named by its title where its id was wanted.
pub fn write_the_id(id: &str) -> Text {
    text!(
        nb: "mente du '{id}'? id-er skrives uten æ, ø, å og mellomrom",
        nn: "meinte du '{id}'? id-ar blir skrivne utan æ, ø, å og mellomrom",
        en: "did you mean '{id}'? ids are written without æ, ø, å and spaces",
    )
}
