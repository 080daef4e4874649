//! What the `quota-exceeded` rule says.

use crate::lang::{Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Flere plasser brukt enn kvoten i et krav tillater, til sammen eller på én aktivitet",
    nn: "Fleire plassar brukte enn kvoten i eit krav tillèt, til saman eller på éin aktivitet",
    en: "More places used than a requirement's quota allows, in all or at one activity",
};

/// "'6 plasser på trenerutdanning' has 6 places, but the plan uses 7".
pub fn quota_used_up(requirement: &str, quota: u32, used: u64) -> Text {
    text!(
        nb: "'{requirement}' har {quota} plasser, men planen bruker {used}",
        nn: "'{requirement}' har {quota} plassar, men planen brukar {used}",
        en: "'{requirement}' has {quota} places, but the plan uses {used}",
    )
}

/// "1 over the quota".
pub fn over_by(n: u64) -> Text {
    text!(nb: "{n} over kvoten", nn: "{n} over kvoten", en: "{n} over the quota")
}

/// Where the running sum passes the quota.
pub fn passed_here(so_far: u64) -> Text {
    text!(
        nb: "her går planen over kvoten ({so_far} plasser hittil)",
        nn: "her går planen over kvoten ({so_far} plassar til no)",
        en: "the quota is passed here ({so_far} places so far)",
    )
}

pub fn spread_or_agree() -> Text {
    text!(
        nb: "fordel plassene på færre aktiviteter, eller avtal en større kvote",
        nn: "fordel plassane på færre aktivitetar, eller avtal ein større kvote",
        en: "spread the places over fewer activities, or agree a larger quota",
    )
}

/// "'Fellessamling 2' uses 8 places; '…' allows 6 each".
pub fn too_many_at_one(activity: &str, places: u32, requirement: &str, each: u32) -> Text {
    text!(
        nb: "'{activity}' bruker {places} plasser; '{requirement}' tillater {each} hver gang",
        nn: "'{activity}' brukar {places} plassar; '{requirement}' tillèt {each} kvar gong",
        en: "'{activity}' uses {places} places; '{requirement}' allows {each} each",
    )
}

pub fn over_the_quota() -> Text {
    text!(nb: "over kvoten", nn: "over kvoten", en: "over the quota")
}

pub fn the_quota() -> Text {
    text!(nb: "kvoten", nn: "kvoten", en: "the quota")
}
