//! What the `goal-without-activity` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Et delmål som ingen aktivitet bidrar til",
    nn: "Eit delmål som ingen aktivitet bidreg til",
    en: "A sub-goal that no activity serves",
};

/// "sub-goal 'voksenrolle' is not served by any activity".
pub fn not_served(goal: &str) -> Text {
    text!(
        nb: "ingen aktivitet bidrar til delmålet '{goal}'",
        nn: "ingen aktivitet bidreg til delmålet '{goal}'",
        en: "sub-goal '{goal}' is not served by any activity",
    )
}

/// `goal` is the sub-goal's id.
pub fn add_goals(goal: &str) -> Text {
    text!(
        nb: "legg til goals = [\"{goal}\"] i aktivitetene som arbeider mot det",
        nn: "legg til goals = [\"{goal}\"] i aktivitetane som arbeider mot det",
        en: "add goals = [\"{goal}\"] to the activities that work towards it",
    )
}
