//! What the `over-budget` rule says. Amounts come in as the language writes money ("12 000 kr", "NOK 12 000").

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Aktivitetene koster mer enn budsjettet, totalt eller for ett år",
    nn: "Aktivitetane kostar meir enn budsjettet, totalt eller for eitt år",
    en: "The activities cost more than the plan's budget, in all or in a year",
};

/// "the activities cost NOK 16 000, over the budget of NOK 15 000".
pub fn over_total(cost: &Text, budget: &Text) -> Text {
    let (c_nb, c_nn, c_en) = (cost.get(Lang::Nb), cost.get(Lang::Nn), cost.en());
    let (b_nb, b_nn, b_en) = (budget.get(Lang::Nb), budget.get(Lang::Nn), budget.en());
    text!(
        nb: "aktivitetene koster {c_nb}, mer enn budsjettet på {b_nb}",
        nn: "aktivitetane kostar {c_nn}, meir enn budsjettet på {b_nn}",
        en: "the activities cost {c_en}, over the budget of {b_en}",
    )
}

/// "the activities of 2026 cost NOK 16 000, over its budget of NOK 10 000".
pub fn over_year(year: i32, cost: &Text, budget: &Text) -> Text {
    let (c_nb, c_nn, c_en) = (cost.get(Lang::Nb), cost.get(Lang::Nn), cost.en());
    let (b_nb, b_nn, b_en) = (budget.get(Lang::Nb), budget.get(Lang::Nn), budget.en());
    text!(
        nb: "aktivitetene i {year} koster {c_nb}, mer enn årsbudsjettet på {b_nb}",
        nn: "aktivitetane i {year} kostar {c_nn}, meir enn årsbudsjettet på {b_nn}",
        en: "the activities of {year} cost {c_en}, over its budget of {b_en}",
    )
}

/// "NOK 1 000 over".
pub fn over_by(amount: &Text) -> Text {
    let (a_nb, a_nn, a_en) = (amount.get(Lang::Nb), amount.get(Lang::Nn), amount.en());
    text!(nb: "{a_nb} for mye", nn: "{a_nn} for mykje", en: "{a_en} over")
}

pub fn see_the_costs() -> Text {
    text!(
        nb: "`implan schedule --costs` viser hva pengene går til, per år og per fase",
        nn: "`implan schedule --costs` viser kva pengane går til, per år og per fase",
        en: "`implan schedule --costs` shows where the money goes, per year and per phase",
    )
}

pub fn move_cut_or_raise() -> Text {
    text!(
        nb: "flytt aktiviteter til et annet år, kutt kostnader, eller øk årsbudsjettet",
        nn: "flytt aktivitetar til eit anna år, kutt kostnader, eller auk årsbudsjettet",
        en: "move activities to another year, cut costs, or raise the year's budget",
    )
}
