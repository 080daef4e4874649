//! What the `missing-owner` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En aktivitet uten ansvarlig rolle",
    nn: "Ein aktivitet utan ansvarleg rolle",
    en: "An activity has no responsible role",
};

/// "activity 'Oppstartsmøte' has no owner".
pub fn no_owner(activity: &str) -> Text {
    text!(
        nb: "aktiviteten '{activity}' har ingen ansvarlig",
        nn: "aktiviteten '{activity}' har ingen ansvarleg",
        en: "activity '{activity}' has no owner",
    )
}

pub fn nobody_responsible() -> Text {
    text!(
        nb: "ingen er ansvarlig for denne aktiviteten",
        nn: "ingen er ansvarleg for denne aktiviteten",
        en: "nobody is responsible for this",
    )
}

pub fn add_owner() -> Text {
    text!(
        nb: "legg til owner = \"<rolle-id>\" (eller en liste med roller) som sier hvem som er ansvarlig",
        nn: "legg til owner = \"<rolle-id>\" (eller ei liste med roller) som seier kven som er ansvarleg",
        en: "add owner = \"<role id>\" (or a list of roles) naming who is responsible",
    )
}
