//! What the `dependency-cycle` rule says.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Aktiviteter som avhenger av hverandre i en sirkel",
    nn: "Aktivitetar som er avhengige av kvarandre i ein sirkel",
    en: "Activities that depend on each other in a circle",
};

/// A long circle named by its ends: "a → b → … → y → a (40 activities in this circle)"; `head` and `tail` are
/// the ids already joined by arrows.
pub fn long_circle(head: &str, tail: &str, activities: usize) -> Text {
    text!(
        nb: "{head} → … → {tail} ({activities} aktiviteter i denne sirkelen)",
        nn: "{head} → … → {tail} ({activities} aktivitetar i denne sirkelen)",
        en: "{head} → … → {tail} ({activities} activities in this circle)",
    )
}

/// "activities depend on each other in a circle: a → b → a"; `tangled` is how many activities are caught in
/// it when more than the circle named.
pub fn circle(shown: &Text, tangled: Option<usize>) -> Text {
    let (s_nb, s_nn, s_en) = (shown.get(Lang::Nb), shown.get(Lang::Nn), shown.en());
    let circle = text!(
        nb: "aktiviteter avhenger av hverandre i en sirkel: {s_nb}",
        nn: "aktivitetar er avhengige av kvarandre i ein sirkel: {s_nn}",
        en: "activities depend on each other in a circle: {s_en}",
    );
    match tangled {
        None => circle,
        Some(n) => circle.join(
            "",
            &text!(
                nb: " ({n} aktiviteter er viklet inn i denne sirkelen)",
                nn: " ({n} aktivitetar er vikla inn i denne sirkelen)",
                en: " ({n} activities are tangled in this circle)",
            ),
        ),
    }
}

pub fn closes_the_circle() -> Text {
    text!(
        nb: "denne avhengigheten lukker sirkelen",
        nn: "denne avhengigheita lukkar sirkelen",
        en: "this dependency closes the circle",
    )
}

pub fn remove_the_false_one() -> Text {
    text!(
        nb: "en aktivitet kan ikke vente på seg selv; fjern avhengigheten som ikke er reell",
        nn: "ein aktivitet kan ikkje vente på seg sjølv; fjern avhengigheita som ikkje er reell",
        en: "an activity cannot wait for itself; remove the dependency that is not real",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tangle_is_said_after_the_circle() {
        let shown = Text::verbatim("a → b → a");
        assert_eq!(circle(&shown, None).en(), "activities depend on each other in a circle: a → b → a");
        assert_eq!(
            circle(&shown, Some(3)).get(Lang::Nn),
            "aktivitetar er avhengige av kvarandre i ein sirkel: a → b → a (3 aktivitetar er vikla inn i denne sirkelen)"
        );
    }
}
