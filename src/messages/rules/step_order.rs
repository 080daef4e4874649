//! What the `step-order` rule says.

use crate::lang::{Lang, Text, Words};
use crate::messages::common::quoted_list;
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Et senere steg i modellen som begynner før et tidligere",
    nn: "Eit seinare steg i modellen som byrjar før eit tidlegare",
    en: "A later step of the model begun before an earlier one",
};

/// "'Handlingskompetanse' (step 6) begins 2026-10, before steps 4–5 ('…' and '…') have begun"; `steps` is the
/// compact list of `count` earlier steps ("3–5, 7"), `names` their components' names.
pub fn begins_before(name: &str, step: u32, when: &str, steps: &str, count: usize, names: &Text) -> Text {
    let (n_nb, n_nn, n_en) = (names.get(Lang::Nb), names.get(Lang::Nn), names.en());
    if count == 1 {
        text!(
            nb: "'{name}' (steg {step}) begynner {when}, før steg {steps} ({n_nb}) har begynt",
            nn: "'{name}' (steg {step}) byrjar {when}, før steg {steps} ({n_nn}) har byrja",
            en: "'{name}' (step {step}) begins {when}, before step {steps} ({n_en}) has begun",
        )
    } else {
        text!(
            nb: "'{name}' (steg {step}) begynner {when}, før steg {steps} ({n_nb}) har begynt",
            nn: "'{name}' (steg {step}) byrjar {when}, før steg {steps} ({n_nn}) har byrja",
            en: "'{name}' (step {step}) begins {when}, before steps {steps} ({n_en}) have begun",
        )
    }
}

/// The earlier steps' component names, the first few of them, and how many more there are.
pub fn names(shown: &[&str], more: usize) -> Text {
    if more == 0 {
        return quoted_list(shown);
    }
    let list = shown.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ");
    text!(nb: "{list} og {more} til", nn: "{list} og {more} til", en: "{list} and {more} more")
}

pub fn step_begins_here(step: u32) -> Text {
    text!(nb: "steg {step} begynner her", nn: "steg {step} byrjar her", en: "step {step} begins here")
}

/// At the first activity of an earlier step that begins later.
pub fn earlier_step_begins_here(step: u32, when: &str) -> Text {
    text!(
        nb: "steg {step} begynner først her, {when}",
        nn: "steg {step} byrjar først her, {when}",
        en: "step {step} begins only here, {when}",
    )
}

pub fn begin_in_order(steps: &str, count: usize) -> Text {
    // Norwegian "steg" is the same in the plural; English is not.
    let step_en = if count == 1 { "step" } else { "steps" };
    text!(
        nb: "begynn med steg {steps} før denne aktiviteten, eller flytt den senere; er rekkefølgen ment slik, \
             nummerer stegene på nytt (step = N, eller steps i [plan])",
        nn: "byrj med steg {steps} før denne aktiviteten, eller flytt han seinare; er rekkjefølgja meint slik, \
             nummerer stega på nytt (step = N, eller steps i [plan])",
        en: "begin {step_en} {steps} before this activity, or move it later; if this order is meant, renumber the \
             steps (step = N, or [plan] steps)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_step_or_several_and_names_cut_short() {
        let one = begins_before("H", 6, "2026-10", "4", 1, &names(&["T"], 0));
        assert_eq!(one.en(), "'H' (step 6) begins 2026-10, before step 4 ('T') has begun");
        let two = begins_before("H", 6, "2026-10", "4–5", 2, &names(&["T", "A"], 0));
        assert_eq!(two.get(Lang::Nn), "'H' (steg 6) byrjar 2026-10, før steg 4–5 ('T' og 'A') har byrja");
        assert_eq!(names(&["a", "b", "c"], 2).get(Lang::Nb), "'a', 'b', 'c' og 2 til");
        assert_eq!(names(&["a", "b", "c"], 2).en(), "'a', 'b', 'c' and 2 more");
        assert_eq!(
            begin_in_order("4–5", 2).en().split(';').next(),
            Some("begin steps 4–5 before this activity, or move it later")
        );
    }
}
