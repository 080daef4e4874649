//! What the `requirement-count` rule says, and the names of the periods it counts in.

use crate::lang::{Lang, Text, Words};
use crate::text;

pub const SUMMARY: Words = Words {
    nb: "Et krav om et antall per år, halvår eller periode som tidsplanen ikke oppfyller",
    nn: "Eit krav om eit tal per år, halvår eller periode som tidsplanen ikkje oppfyller",
    en: "A requirement's count per year, term or period that the schedule does not meet",
};

/// What a count is per (the plan's `CadencePeriod`, which this layer does not see).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Month,
    Quarter,
    Term,
    Year,
    Plan,
    SchoolYear,
    CalendarYear,
    AgreementYear,
}

impl Per {
    /// "år", "year".
    fn word(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Per::Month => ("måned", "månad", "month"),
            Per::Quarter => ("kvartal", "kvartal", "quarter"),
            Per::Term => ("halvår", "halvår", "term"),
            Per::Year => ("år", "år", "year"),
            Per::Plan => ("planperiode", "planperiode", "plan period"),
            Per::SchoolYear => ("skoleår", "skuleår", "school year"),
            Per::CalendarYear => ("kalenderår", "kalenderår", "calendar year"),
            Per::AgreementYear => ("avtaleår", "avtaleår", "agreement year"),
        }
    }

    /// "dette året", "this year".
    fn this(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Per::Month => ("denne måneden", "denne månaden", "this month"),
            Per::Quarter => ("dette kvartalet", "dette kvartalet", "this quarter"),
            Per::Term => ("dette halvåret", "dette halvåret", "this term"),
            Per::Year => ("dette året", "dette året", "this year"),
            Per::Plan => ("denne planperioden", "denne planperioden", "this plan period"),
            Per::SchoolYear => ("dette skoleåret", "dette skuleåret", "this school year"),
            Per::CalendarYear => ("dette kalenderåret", "dette kalenderåret", "this calendar year"),
            Per::AgreementYear => ("dette avtaleåret", "dette avtaleåret", "this agreement year"),
        }
    }
}

/// " per år" after a count that holds for every period, nothing after one of a period's own.
fn per_text(per: Option<Per>) -> (String, String, String) {
    match per {
        Some(p) => {
            let (nb, nn, en) = p.word();
            (format!(" per {nb}"), format!(" per {nn}"), format!(" per {en}"))
        }
        None => Default::default(),
    }
}

/// The period a `count = "… i planperioden"` is counted in.
pub fn the_plan_period() -> Text {
    text!(nb: "planperioden", nn: "planperioden", en: "the plan period")
}

/// A school term: "vårhalvåret 2026" (January–June).
pub fn spring_term(year: i64) -> Text {
    text!(nb: "vårhalvåret {year}", nn: "vårhalvåret {year}", en: "spring term {year}")
}

/// "høsthalvåret 2026" (August–December).
pub fn autumn_term(year: i64) -> Text {
    text!(nb: "høsthalvåret {year}", nn: "hausthalvåret {year}", en: "autumn term {year}")
}

/// "skoleåret 2026/2027".
pub fn school_year(year: i64, next: i64) -> Text {
    text!(nb: "skoleåret {year}/{next}", nn: "skuleåret {year}/{next}", en: "school year {year}/{next}")
}

/// A period counted from the requirement's or the agreement's start: "avtaleår 2", "kvartal 3".
pub fn numbered(per: Per, n: i64) -> Text {
    let (nb, nn, en) = per.word();
    text!(nb: "{nb} {n}", nn: "{nn} {n}", en: "{en} {n}")
}

/// "only 2 'Møtepunkter' in avtaleår 1 (…); required 4", with " per year" when `per` is given.
pub fn too_few(have: usize, requirement: &str, period: &Text, range: &str, per: Option<Per>) -> Text {
    let (p_nb, p_nn, p_en) = (period.get(Lang::Nb), period.get(Lang::Nn), period.en());
    let (per_nb, per_nn, per_en) = per_text(per);
    text!(
        nb: "bare {have} '{requirement}' i {p_nb}; kravet er {range}{per_nb}",
        nn: "berre {have} '{requirement}' i {p_nn}; kravet er {range}{per_nn}",
        en: "only {have} '{requirement}' in {p_en}; required {range}{per_en}",
    )
}

/// "5 'Evaluering' in year 1 (…); at most 4 per year are agreed".
pub fn too_many(have: usize, requirement: &str, period: &Text, max: u32, per: Option<Per>) -> Text {
    let (p_nb, p_nn, p_en) = (period.get(Lang::Nb), period.get(Lang::Nn), period.en());
    let (per_nb, per_nn, per_en) = per_text(per);
    text!(
        nb: "{have} '{requirement}' i {p_nb}; det er avtalt høyst {max}{per_nb}",
        nn: "{have} '{requirement}' i {p_nn}; det er avtalt høgst {max}{per_nn}",
        en: "{have} '{requirement}' in {p_en}; at most {max}{per_en} are agreed",
    )
}

/// The label: "required 2 per year", or "required 4 in this year" when each period has its own count.
pub fn required(range: &str, per: Per, own_count: bool) -> Text {
    if own_count {
        let (nb, nn, en) = per.this();
        text!(nb: "kravet er {range} i {nb}", nn: "kravet er {range} i {nn}", en: "required {range} in {en}")
    } else {
        let (nb, nn, en) = per.word();
        text!(nb: "kravet er {range} per {nb}", nn: "kravet er {range} per {nn}", en: "required {range} per {en}")
    }
}

/// "the checker counts activities with kind = "evaluering" by the month they start in".
pub fn counted_by_start_month(matching: &Text) -> Text {
    let (m_nb, m_nn, m_en) = (matching.get(Lang::Nb), matching.get(Lang::Nn), matching.en());
    text!(
        nb: "kontrollen teller {m_nb} etter måneden de starter i",
        nn: "kontrollen tel {m_nn} etter månaden dei startar i",
        en: "the checker counts {m_en} by the month they start in",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_for_every_period_says_per_what() {
        let period = numbered(Per::AgreementYear, 1);
        let few = too_few(2, "Møtepunkter", &period, "4", None);
        assert_eq!(few.get(Lang::Nb), "bare 2 'Møtepunkter' i avtaleår 1; kravet er 4");
        let few = too_few(0, "E", &school_year(2027, 2028), "1", Some(Per::SchoolYear));
        assert_eq!(few.get(Lang::Nn), "berre 0 'E' i skuleåret 2027/2028; kravet er 1 per skuleår");
        assert_eq!(few.en(), "only 0 'E' in school year 2027/2028; required 1 per school year");
        let many = too_many(5, "E", &numbered(Per::Year, 1), 4, Some(Per::Year));
        assert_eq!(many.get(Lang::Nb), "5 'E' i år 1; det er avtalt høyst 4 per år");
        assert_eq!(required("2", Per::Year, true).en(), "required 2 in this year");
        assert_eq!(required("1–2", Per::Month, false).get(Lang::Nn), "kravet er 1–2 per månad");
        assert_eq!(required("2", Per::Month, true).get(Lang::Nb), "kravet er 2 i denne måneden");
    }
}
