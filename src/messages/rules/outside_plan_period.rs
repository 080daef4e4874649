//! What the `outside-plan-period` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "En aktivitet før planen starter eller etter at planen slutter",
    nn: "Ein aktivitet før planen startar eller etter at planen sluttar",
    en: "An activity before the plan's start or after its end",
};

/// "'Kickoff' (2025-12) starts before the plan starts (2026-01-01)".
pub fn starts_before(activity: &str, dated: &str, start: &str) -> Text {
    text!(
        nb: "'{activity}' ({dated}) starter før planen starter ({start})",
        nn: "'{activity}' ({dated}) startar før planen startar ({start})",
        en: "'{activity}' ({dated}) starts before the plan starts ({start})",
    )
}

/// "'Evaluering' (2029-01) ends after the plan ends (2028-12-31)".
pub fn ends_after(activity: &str, dated: &str, end: &str) -> Text {
    text!(
        nb: "'{activity}' ({dated}) slutter etter at planen slutter ({end})",
        nn: "'{activity}' ({dated}) sluttar etter at planen sluttar ({end})",
        en: "'{activity}' ({dated}) ends after the plan ends ({end})",
    )
}

pub fn plan_starts_here() -> Text {
    text!(nb: "planen starter her", nn: "planen startar her", en: "the plan starts here")
}

pub fn plan_ends_here() -> Text {
    text!(nb: "planen slutter her", nn: "planen sluttar her", en: "the plan ends here")
}

/// "outside the plan period 2026-01 – 2028-12".
pub fn outside_period(period: &str) -> Text {
    text!(
        nb: "utenfor planperioden {period}",
        nn: "utanfor planperioden {period}",
        en: "outside the plan period {period}",
    )
}

pub fn correct_the_date() -> Text {
    text!(
        nb: "rett datoen, eller utvid planperioden hvis planen faktisk varer lenger",
        nn: "rett datoen, eller utvid planperioden viss planen faktisk varer lenger",
        en: "correct the date, or widen the plan's start/end if the plan really runs longer",
    )
}
