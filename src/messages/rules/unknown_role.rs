//! What the `unknown-role` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En ansvarlig rolle, leder eller et medlem som ikke er deklarert under [roles]",
    nn: "Ei ansvarleg rolle, ein leiar eller eit medlem som ikkje er deklarert under [roles]",
    en: "A responsible role, lead or member that is not declared under [roles]",
};

/// Where in the plan a role is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    PlanOwner,
    Lead,
    Member,
    ActivityOwner,
    Participant,
    RequirementOwner,
    RequiredParticipant,
}

/// "unknown role 'jurist'".
pub fn unknown(role: &str) -> Text {
    text!(nb: "ukjent rolle '{role}'", nn: "ukjend rolle '{role}'", en: "unknown role '{role}'")
}

/// "responsible for an activity, but not declared under [roles]".
pub fn not_declared(place: Place) -> Text {
    let (nb, nn, en) = match place {
        Place::PlanOwner => ("ansvarlig for planen", "ansvarleg for planen", "the plan's owner"),
        Place::Lead => ("leder for en rolle", "leiar for ei rolle", "a role's lead"),
        Place::Member => ("medlem av en rolle", "medlem av ei rolle", "a member of a role"),
        Place::ActivityOwner => {
            ("ansvarlig for en aktivitet", "ansvarleg for ein aktivitet", "responsible for an activity")
        }
        Place::Participant => ("deltar i en aktivitet", "deltek i ein aktivitet", "taking part in an activity"),
        Place::RequirementOwner => (
            "ansvarlig for et gjentakende krav",
            "ansvarleg for eit gjentakande krav",
            "the owner of a recurring requirement",
        ),
        Place::RequiredParticipant => {
            ("skal delta etter et krav", "skal delta etter eit krav", "required to take part by a requirement")
        }
    };
    text!(
        nb: "{nb}, men ikke deklarert under [roles]",
        nn: "{nn}, men ikkje deklarert under [roles]",
        en: "{en}, but not declared under [roles]",
    )
}

/// How to declare a role whose name has nothing an id can be made of (emoji, punctuation).
pub fn declare_with_an_id(name: &str) -> Text {
    text!(
        nb: "deklarer rollen under [roles] med en id av bokstaver, sifre og '-', for eksempel: rolle = \"{name}\"",
        nn: "deklarer rolla under [roles] med ein id av bokstavar, siffer og '-', til dømes: rolle = \"{name}\"",
        en: "declare it under [roles] with an id of letters, digits and '-', for example: rolle = \"{name}\"",
    )
}

/// "declare it under [roles], for example: jurist = "Jurist"".
pub fn declare(id: &str, name: &str) -> Text {
    text!(
        nb: "deklarer rollen under [roles], for eksempel: {id} = \"{name}\"",
        nn: "deklarer rolla under [roles], til dømes: {id} = \"{name}\"",
        en: "declare it under [roles], for example: {id} = \"{name}\"",
    )
}
