//! What the requirement rules share: a requirement that reaches outside the plan, and what the checker looks
//! for (reported once per requirement, under the first rule that checks it: `rules::requirements::scope`).

use crate::lang::Text;
use crate::text;

/// "'Evaluering' starts before the plan (2026-01 – 2026-12)".
pub fn starts_before_the_plan(requirement: &str, plan_period: &str) -> Text {
    text!(
        nb: "'{requirement}' starter før planen ({plan_period})",
        nn: "'{requirement}' startar før planen ({plan_period})",
        en: "'{requirement}' starts before the plan ({plan_period})",
    )
}

/// "'Evaluering' ends after the plan (2026-01 – 2026-12)".
pub fn ends_after_the_plan(requirement: &str, plan_period: &str) -> Text {
    text!(
        nb: "'{requirement}' slutter etter planen ({plan_period})",
        nn: "'{requirement}' sluttar etter planen ({plan_period})",
        en: "'{requirement}' ends after the plan ({plan_period})",
    )
}

pub fn outside_the_plan_period() -> Text {
    text!(nb: "utenfor planperioden", nn: "utanfor planperioden", en: "outside the plan period")
}

pub fn checked_within_the_plan() -> Text {
    text!(
        nb: "kravet kontrolleres bare innenfor planperioden; rett datoen eller start/end for planen",
        nn: "kravet blir berre kontrollert innanfor planperioden; rett datoen eller start/end for planen",
        en: "the requirement is checked within the plan period only; correct the date or the plan's start/end",
    )
}

/// "'Evaluering' applies from 2026-09 until 2026-03: a period that ends before it starts".
pub fn ends_before_it_starts(requirement: &str, from: &str, until: &str) -> Text {
    text!(
        nb: "'{requirement}' gjelder fra {from} til {until}: en periode som slutter før den starter",
        nn: "'{requirement}' gjeld frå {from} til {until}: ein periode som sluttar før han startar",
        en: "'{requirement}' applies from {from} until {until}: a period that ends before it starts",
    )
}

pub fn correct_from_or_until() -> Text {
    text!(
        nb: "rett 'from' eller 'until'; uten dem gjelder kravet i hele planperioden",
        nn: "rett 'from' eller 'until'; utan dei gjeld kravet i heile planperioden",
        en: "correct 'from' or 'until'; without them the requirement applies through the plan's whole period",
    )
}

/// What keeps a requirement, for help texts: "activities with kind = "evaluering" owned by 'styringsgruppe'".
pub fn matching(kind: &str, owner: Option<&str>) -> Text {
    match owner {
        None => text!(
            nb: "aktiviteter med kind = \"{kind}\"",
            nn: "aktivitetar med kind = \"{kind}\"",
            en: "activities with kind = \"{kind}\"",
        ),
        Some(owner) => text!(
            nb: "aktiviteter med kind = \"{kind}\" der '{owner}' er ansvarlig",
            nn: "aktivitetar med kind = \"{kind}\" der '{owner}' er ansvarleg",
            en: "activities with kind = \"{kind}\" owned by '{owner}'",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn matching_names_the_owner_when_there_is_one() {
        assert_eq!(matching("evaluering", None).en(), "activities with kind = \"evaluering\"");
        assert_eq!(
            matching("evaluering", Some("sg")).get(Lang::Nn),
            "aktivitetar med kind = \"evaluering\" der 'sg' er ansvarleg"
        );
    }
}
