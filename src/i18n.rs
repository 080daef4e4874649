//! Words and dates in Bokmål, Nynorsk or English, for the views.

use crate::model::{CadencePeriod, Lang, Status};
use crate::when::{Precision, When};
use chrono::{Datelike, NaiveDate};

/// Picks the language: the `--lang` flag, else the plan's `lang`, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, first set wins), else Bokmål, the language the plans are written in.
pub fn resolve(flag: Option<Lang>, plan: Option<Lang>, locale: Option<&str>) -> Lang {
    flag.or(plan).or_else(|| locale.and_then(Lang::parse)).unwrap_or(Lang::Nb)
}

/// The locale variable that decides, as POSIX says: `LC_ALL`, then `LC_MESSAGES`, then `LANG`.
pub(crate) fn env_locale() -> Option<String> {
    locale(|name| std::env::var(name).ok())
}

/// The first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty, from `var`.
fn locale(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|name| var(name)).find(|v| !v.is_empty())
}

/// Bokmål's and Nynorsk's month names are the same words.
const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_NB: [&str; 12] = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"];
const SHORT_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Every label the views print, in one language.
pub struct Texts {
    pub when: &'static str,
    pub activity: &'static str,
    pub responsible: &'static str,
    pub phase: &'static str,
    pub status: &'static str,
    pub goal: &'static str,
    pub no_phase: &'static str,
    pub no_owner: &'static str,
    pub no_activities: &'static str,
    pub members: &'static str,
    pub via: &'static str,
    pub overdue: &'static str,
    pub today: &'static str,
    pub current_phase: &'static str,
    pub before_first_phase: &'static str,
    pub after_last_phase: &'static str,
    pub between_phases: &'static str,
    pub progress: &'static str,
    pub overdue_heading: &'static str,
    pub this_month_heading: &'static str,
    pub next_heading: &'static str,
    pub evaluations_heading: &'static str,
    pub nothing: &'static str,
    pub check_heading: &'static str,
    pub check_clean: &'static str,
    pub check_details: &'static str,
    pub next_scheduled: &'static str,
    pub due_by: &'static str,
    pub none_scheduled: &'static str,
    pub none_due: &'static str,
    pub so_far: &'static str,
    pub checklist: &'static str,
    pub schedule: &'static str,
    pub timeline_legend: &'static str,
    /// CSV columns: the section, the first and last day, the day it was done.
    pub csv_columns: [&'static str; 4],
    pub day: (&'static str, &'static str),
    pub month: (&'static str, &'static str),
    pub errors: (&'static str, &'static str),
    pub warnings: (&'static str, &'static str),
    // The pictures (Gantt chart and årshjul) and the report.
    pub wheel: &'static str,
    /// "{}" is the plan's period.
    pub wheel_caption: &'static str,
    /// The caption of a wheel of at most a year, where each month holds one month's work.
    pub wheel_caption_one_year: &'static str,
    pub rings_role: &'static str,
    pub rings_kind: &'static str,
    pub other_roles: &'static str,
    pub other_kinds: &'static str,
    /// "{}" is a number.
    pub more: &'static str,
    pub activities: (&'static str, &'static str),
    pub keeps: &'static str,
    pub window: &'static str,
    pub phase_bar: &'static str,
    pub milestone: &'static str,
    pub quarter: &'static str,
    pub goals: &'static str,
    pub this_month_and_next: &'static str,
    pub checklist_per_role: &'static str,
    /// Before the groups a role belongs to, in its checklist: their work is listed under them, once.
    pub member_of: &'static str,
    // The costs.
    pub total: &'static str,
    pub year: &'static str,
    pub cost: &'static str,
    pub budget: &'static str,
    pub left: &'static str,
    // The calendar.
    pub taking_part: &'static str,
    // A requirement in words: "{}" is a number.
    pub then: &'static str,
    pub in_months: &'static str,
    pub by: &'static str,
    pub within: &'static str,
    pub before: &'static str,
    pub with: &'static str,
    pub at_most_places: &'static str,
    pub at_most_places_each_time: &'static str,
}

const NB: Texts = Texts {
    when: "Når",
    activity: "Aktivitet",
    responsible: "Ansvarlig",
    phase: "Fase",
    status: "Status",
    goal: "Mål",
    no_phase: "Uten fase",
    no_owner: "ingen ansvarlig",
    no_activities: "Ingen aktiviteter.",
    members: "medlemmer",
    via: "via",
    overdue: "forsinket",
    today: "i dag",
    current_phase: "Nåværende fase",
    before_first_phase: "før første fase",
    after_last_phase: "etter siste fase",
    between_phases: "mellom faser",
    progress: "Framdrift",
    overdue_heading: "Forsinket",
    this_month_heading: "Denne måneden",
    next_heading: "Neste",
    evaluations_heading: "Krav",
    nothing: "ingen",
    check_heading: "Kontroll",
    check_clean: "ingen funn",
    check_details: "kjør `implan check {}` for detaljer",
    next_scheduled: "neste",
    due_by: "senest",
    none_scheduled: "ingen planlagt",
    none_due: "ingen flere før planen slutter",
    so_far: "hittil i",
    checklist: "Sjekkliste",
    schedule: "Framdriftsplan",
    timeline_legend: "✓ gjennomført  ○ planlagt  ▶ pågår  ! forsinket  × avlyst  ▼ denne måneden",
    csv_columns: ["Gruppe", "Fra", "Til", "Gjennomført"],
    day: ("dag", "dager"),
    month: ("måned", "måneder"),
    errors: ("feil", "feil"),
    warnings: ("advarsel", "advarsler"),
    wheel: "Årshjul",
    wheel_caption: "Hver aktivitet står i sin måned, uansett år ({}).",
    wheel_caption_one_year: "Hver aktivitet står i sin måned ({}).",
    rings_role: "Ringene viser ansvarlig, innerst først:",
    rings_kind: "Ringene viser type aktivitet, innerst først:",
    other_roles: "Andre",
    other_kinds: "Annet",
    more: "+{} til",
    activities: ("aktivitet", "aktiviteter"),
    keeps: "oppfyller et krav",
    window: "tidsvindu for et krav",
    phase_bar: "fase (første til siste aktivitet)",
    milestone: "én dag",
    quarter: "K",
    goals: "Mål",
    this_month_and_next: "Denne måneden og neste",
    checklist_per_role: "Sjekkliste per rolle",
    member_of: "Er også med i",
    total: "Sum",
    year: "År",
    cost: "Kostnad",
    budget: "Budsjett",
    left: "Igjen",
    taking_part: "Deltar",
    then: ", så ",
    in_months: "i",
    by: "senest",
    within: "innenfor",
    before: "før",
    with: "med",
    at_most_places: "høyst {} plasser",
    at_most_places_each_time: "høyst {} plasser hver gang",
};

const NN: Texts = Texts {
    when: "Når",
    activity: "Aktivitet",
    responsible: "Ansvarleg",
    phase: "Fase",
    status: "Status",
    goal: "Mål",
    no_phase: "Utan fase",
    no_owner: "ingen ansvarleg",
    no_activities: "Ingen aktivitetar.",
    members: "medlemer",
    via: "via",
    overdue: "forseinka",
    today: "i dag",
    current_phase: "Noverande fase",
    before_first_phase: "før første fase",
    after_last_phase: "etter siste fase",
    between_phases: "mellom fasar",
    progress: "Framdrift",
    overdue_heading: "Forseinka",
    this_month_heading: "Denne månaden",
    next_heading: "Neste",
    evaluations_heading: "Krav",
    nothing: "ingen",
    check_heading: "Kontroll",
    check_clean: "ingen funn",
    check_details: "køyr `implan check {}` for detaljar",
    next_scheduled: "neste",
    due_by: "seinast",
    none_scheduled: "ingen planlagd",
    none_due: "ingen fleire før planen sluttar",
    so_far: "til no i",
    checklist: "Sjekkliste",
    schedule: "Framdriftsplan",
    timeline_legend: "✓ gjennomført  ○ planlagd  ▶ i gang  ! forseinka  × avlyst  ▼ denne månaden",
    csv_columns: ["Gruppe", "Frå", "Til", "Gjennomført"],
    day: ("dag", "dagar"),
    month: ("månad", "månader"),
    errors: ("feil", "feil"),
    warnings: ("åtvaring", "åtvaringar"),
    wheel: "Årshjul",
    wheel_caption: "Kvar aktivitet står i sin månad, same kva år ({}).",
    wheel_caption_one_year: "Kvar aktivitet står i sin månad ({}).",
    rings_role: "Ringane viser ansvarleg, innarst først:",
    rings_kind: "Ringane viser type aktivitet, innarst først:",
    other_roles: "Andre",
    other_kinds: "Anna",
    more: "+{} til",
    activities: ("aktivitet", "aktivitetar"),
    keeps: "oppfyller eit krav",
    window: "tidsvindauge for eit krav",
    phase_bar: "fase (første til siste aktivitet)",
    milestone: "éin dag",
    quarter: "K",
    goals: "Mål",
    this_month_and_next: "Denne månaden og neste",
    checklist_per_role: "Sjekkliste per rolle",
    member_of: "Er òg med i",
    total: "Sum",
    year: "År",
    cost: "Kostnad",
    budget: "Budsjett",
    left: "Att",
    taking_part: "Deltek",
    then: ", så ",
    in_months: "i",
    by: "seinast",
    within: "innanfor",
    before: "før",
    with: "med",
    at_most_places: "høgst {} plassar",
    at_most_places_each_time: "høgst {} plassar kvar gong",
};

const EN: Texts = Texts {
    when: "When",
    activity: "Activity",
    responsible: "Responsible",
    phase: "Phase",
    status: "Status",
    goal: "Goal",
    no_phase: "No phase",
    no_owner: "no one responsible",
    no_activities: "No activities.",
    members: "members",
    via: "via",
    overdue: "overdue",
    today: "today",
    current_phase: "Current phase",
    before_first_phase: "before the first phase",
    after_last_phase: "after the last phase",
    between_phases: "between phases",
    progress: "Progress",
    overdue_heading: "Overdue",
    this_month_heading: "Due this month",
    next_heading: "Next up",
    evaluations_heading: "Requirements",
    nothing: "none",
    check_heading: "Check",
    check_clean: "no findings",
    check_details: "run `implan check {}` for details",
    next_scheduled: "next",
    due_by: "due by",
    none_scheduled: "none scheduled",
    none_due: "no more due before the plan ends",
    so_far: "so far in",
    checklist: "Checklist",
    schedule: "Schedule",
    timeline_legend: "✓ done  ○ planned  ▶ in progress  ! overdue  × cancelled  ▼ this month",
    csv_columns: ["Group", "Start", "End", "Done"],
    day: ("day", "days"),
    month: ("month", "months"),
    errors: ("error", "errors"),
    warnings: ("warning", "warnings"),
    wheel: "Annual wheel",
    wheel_caption: "Each activity is placed in its month, whatever the year ({}).",
    wheel_caption_one_year: "Each activity is placed in its month ({}).",
    rings_role: "Rings by responsible role, innermost first:",
    rings_kind: "Rings by kind of activity, innermost first:",
    other_roles: "Other",
    other_kinds: "Other",
    more: "+{} more",
    activities: ("activity", "activities"),
    keeps: "keeps a requirement",
    window: "a requirement's window",
    phase_bar: "phase (first to last activity)",
    milestone: "one day",
    quarter: "Q",
    goals: "Goals",
    this_month_and_next: "This month and next",
    checklist_per_role: "Checklist per role",
    member_of: "Also a member of",
    total: "Total",
    year: "Year",
    cost: "Cost",
    budget: "Budget",
    left: "Left",
    taking_part: "Taking part",
    then: ", then ",
    in_months: "in",
    by: "by",
    within: "within",
    before: "before",
    with: "with",
    at_most_places: "at most {} places",
    at_most_places_each_time: "at most {} places each time",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

/// "3 dager", "1 month".
pub fn count(n: i64, words: (&str, &str)) -> String {
    format!("{n} {}", if n == 1 { words.0 } else { words.1 })
}

/// A cadence in words: "hvert halvår", "every 2 years", "hver 4. måned".
pub fn every(lang: Lang, months: u32) -> String {
    match (lang, months) {
        (Lang::Nb, 1) => "hver måned".to_string(),
        (Lang::Nb, 3) => "hvert kvartal".to_string(),
        (Lang::Nb, 6) => "hvert halvår".to_string(),
        (Lang::Nb, 12) => "hvert år".to_string(),
        (Lang::Nb, n) if n % 12 == 0 => format!("hvert {}. år", n / 12),
        (Lang::Nb, n) => format!("hver {n}. måned"),
        (Lang::Nn, 1) => "kvar månad".to_string(),
        (Lang::Nn, 3) => "kvart kvartal".to_string(),
        (Lang::Nn, 6) => "kvart halvår".to_string(),
        (Lang::Nn, 12) => "kvart år".to_string(),
        (Lang::Nn, n) if n % 12 == 0 => format!("kvart {}. år", n / 12),
        (Lang::Nn, n) => format!("kvar {n}. månad"),
        (Lang::En, 1) => "every month".to_string(),
        (Lang::En, 3) => "every quarter".to_string(),
        (Lang::En, 6) => "every half-year".to_string(),
        (Lang::En, 12) => "every year".to_string(),
        (Lang::En, n) if n % 12 == 0 => format!("every {} years", n / 12),
        (Lang::En, n) => format!("every {n} months"),
    }
}

/// What a count of occurrences is per: "per avtaleår", "a school year", "i planperioden".
pub fn per(lang: Lang, period: CadencePeriod) -> &'static str {
    match (lang, period) {
        (Lang::Nb | Lang::Nn, CadencePeriod::Plan) => "i planperioden",
        (Lang::En, CadencePeriod::Plan) => "in the plan period",
        (Lang::Nb, CadencePeriod::Month) => "per måned",
        (Lang::Nn, CadencePeriod::Month) => "per månad",
        (Lang::Nb | Lang::Nn, CadencePeriod::Quarter) => "per kvartal",
        (Lang::Nb | Lang::Nn, CadencePeriod::Term) => "per halvår",
        (Lang::Nb | Lang::Nn, CadencePeriod::Year) => "per år",
        (Lang::Nb, CadencePeriod::SchoolYear) => "per skoleår",
        (Lang::Nn, CadencePeriod::SchoolYear) => "per skuleår",
        (Lang::Nb | Lang::Nn, CadencePeriod::CalendarYear) => "per kalenderår",
        (Lang::Nb | Lang::Nn, CadencePeriod::AgreementYear) => "per avtaleår",
        (Lang::En, CadencePeriod::Month) => "a month",
        (Lang::En, CadencePeriod::Quarter) => "a quarter",
        (Lang::En, CadencePeriod::Term) => "a term",
        (Lang::En, CadencePeriod::Year) => "a year",
        (Lang::En, CadencePeriod::SchoolYear) => "a school year",
        (Lang::En, CadencePeriod::CalendarYear) => "a calendar year",
        (Lang::En, CadencePeriod::AgreementYear) => "an agreement year",
    }
}

/// The n-th period (from 0) a requirement's count is for, from its first to its last month (year, month), in
/// running text after "hittil i": "avtaleår 1 (august 2026 – juli 2027)", "skoleåret 2026/27", "2026".
pub fn count_period(lang: Lang, per: CadencePeriod, n: usize, first: (i32, u32), last: (i32, u32)) -> String {
    let months = || match first.0 == last.0 {
        true if first.1 == last.1 => month_year(lang, first.0, first.1),
        true => format!("{} – {}", month_name(lang, first.1), month_year(lang, last.0, last.1)),
        false => format!("{} – {}", month_year(lang, first.0, first.1), month_year(lang, last.0, last.1)),
    };
    let ordinal = n + 1;
    match (lang, per) {
        (Lang::Nb | Lang::Nn, CadencePeriod::AgreementYear) => format!("avtaleår {ordinal} ({})", months()),
        (Lang::En, CadencePeriod::AgreementYear) => format!("agreement year {ordinal} ({})", months()),
        (_, CadencePeriod::SchoolYear) if first.1 == 8 => school_year(lang, first.0),
        (_, CadencePeriod::CalendarYear) if first.1 == 1 && last.1 == 12 => first.0.to_string(),
        _ => months(),
    }
}

/// An amount as the language writes money: "12 000 kr" in Norwegian for kroner, "NOK 12 000" in English, and
/// any other currency before the amount. `amount` is already grouped by thousands.
pub fn money(lang: Lang, currency: &str, amount: &str) -> String {
    match lang {
        Lang::Nb | Lang::Nn if currency.eq_ignore_ascii_case("NOK") => format!("{amount} kr"),
        _ => format!("{currency} {amount}"),
    }
}

/// The school years from the one starting in August `first` to the one starting in August `last`, as two
/// lines: ("skoleåret", "2026/27") or ("skoleårene", "2026/27 – 2027/28").
pub fn school_years(lang: Lang, first: i32, last: i32) -> (String, String) {
    let short = |y: i32| format!("{y}/{:02}", (y + 1).rem_euclid(100));
    let one = first >= last;
    let head = match (lang, one) {
        (Lang::Nb, true) => "skoleåret",
        (Lang::Nb, false) => "skoleårene",
        (Lang::Nn, true) => "skuleåret",
        (Lang::Nn, false) => "skuleåra",
        (Lang::En, true) => "school year",
        (Lang::En, false) => "school years",
    };
    let span = if one { short(first) } else { format!("{} – {}", short(first), short(last)) };
    (head.to_string(), span)
}

/// "skoleåret 2026/27", "skuleåret 2026/27", "the 2026/27 school year".
pub fn school_year(lang: Lang, first_year: i32) -> String {
    let next = (first_year + 1).rem_euclid(100);
    match lang {
        Lang::Nb => format!("skoleåret {first_year}/{next:02}"),
        Lang::Nn => format!("skuleåret {first_year}/{next:02}"),
        Lang::En => format!("the {first_year}/{next:02} school year"),
    }
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    match (lang, s) {
        (Lang::Nb, Status::Planned) => "planlagt",
        (Lang::Nb, Status::InProgress) => "pågår",
        (Lang::Nb, Status::Done) => "gjennomført",
        (Lang::Nb, Status::Cancelled) => "avlyst",
        (Lang::Nb, Status::Postponed) => "utsatt",
        (Lang::Nn, Status::Planned) => "planlagd",
        (Lang::Nn, Status::InProgress) => "i gang",
        (Lang::Nn, Status::Done) => "gjennomført",
        (Lang::Nn, Status::Cancelled) => "avlyst",
        (Lang::Nn, Status::Postponed) => "utsett",
        (Lang::En, Status::Planned) => "planned",
        (Lang::En, Status::InProgress) => "in progress",
        (Lang::En, Status::Done) => "done",
        (Lang::En, Status::Cancelled) => "cancelled",
        (Lang::En, Status::Postponed) => "postponed",
    }
}

pub(crate) fn month_name(lang: Lang, month: u32) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Nb | Lang::Nn => MONTHS_NB[i],
        Lang::En => MONTHS_EN[i],
    }
}

pub(crate) fn month_short(lang: Lang, month: u32) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Nb | Lang::Nn => SHORT_NB[i],
        Lang::En => SHORT_EN[i],
    }
}

/// "mars 2026" / "March 2026".
pub(crate) fn month_year(lang: Lang, year: i32, month: u32) -> String {
    format!("{} {year}", month_name(lang, month))
}

/// "12. mars 2026" / "12 March 2026".
pub fn day(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Nb | Lang::Nn => format!("{}. {} {}", d.day(), month_name(lang, d.month()), d.year()),
        Lang::En => format!("{} {} {}", d.day(), month_name(lang, d.month()), d.year()),
    }
}

fn season(lang: Lang, w: &When) -> String {
    let spring = w.start.month() < 7;
    let word = match (lang, spring) {
        (Lang::Nb | Lang::Nn, true) => "vår",
        (Lang::Nb, false) => "høst",
        (Lang::Nn, false) => "haust",
        (Lang::En, true) => "spring",
        (Lang::En, false) => "autumn",
    };
    format!("{word} {}", w.start.year())
}

/// How a time of day is written after a date: Norwegian as Språkrådet writes it ("kl. 10.00"), English "10:00".
fn clock(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Nb | Lang::Nn => (" kl. ", "%H.%M"),
        Lang::En => (" ", "%H:%M"),
    }
}

/// A date as written, at its precision: "12. mars 2026 kl. 10.00–10.30", "mars 2026", "høst 2026", "2026".
pub fn when(lang: Lang, w: &When) -> String {
    match w.precision {
        Precision::Day => {
            let mut s = day(lang, w.start);
            if let Some((from, to)) = w.time {
                let (before, format) = clock(lang);
                s.push_str(before);
                s.push_str(&from.format(format).to_string());
                if let Some(to) = to {
                    s.push('–');
                    s.push_str(&to.format(format).to_string());
                }
            }
            s
        }
        Precision::Week => {
            let week = w.start.iso_week();
            match lang {
                Lang::Nb => format!("uke {} {}", week.week(), week.year()),
                Lang::Nn => format!("veke {} {}", week.week(), week.year()),
                Lang::En => format!("week {} {}", week.week(), week.year()),
            }
        }
        Precision::Season if w.start.month() == 1 || w.start.month() == 8 => season(lang, w),
        Precision::Year if w.start.year() == w.end.year() => w.start.year().to_string(),
        // A month is a span of whole months, which `span` writes as "mars 2026".
        _ => span(lang, w.start, w.end),
    }
}

/// A span of days in the shortest honest words: "mars 2026", "mars – juni 2026", "12.–14. mars 2026".
pub fn span(lang: Lang, start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        return day(lang, start);
    }
    let whole_months = start.day() == 1 && end.succ_opt().is_none_or(|d| d.day() == 1);
    if whole_months {
        let a = (start.year(), start.month());
        let b = (end.year(), end.month());
        if a == b {
            return month_year(lang, a.0, a.1);
        }
        if a.0 == b.0 {
            return format!("{} – {}", month_name(lang, a.1), month_year(lang, b.0, b.1));
        }
        return format!("{} – {}", month_year(lang, a.0, a.1), month_year(lang, b.0, b.1));
    }
    let (d1, d2, year) = (start.day(), end.day(), end.year());
    match lang {
        _ if start.year() != year => format!("{} – {}", day(lang, start), day(lang, end)),
        Lang::Nb | Lang::Nn if start.month() == end.month() => {
            format!("{d1}.–{d2}. {}", month_year(lang, year, end.month()))
        }
        Lang::En if start.month() == end.month() => format!("{d1}–{d2} {}", month_year(lang, year, end.month())),
        Lang::Nb | Lang::Nn => format!("{d1}. {} – {}", month_name(lang, start.month()), day(lang, end)),
        Lang::En => format!("{d1} {} – {}", month_name(lang, start.month()), day(lang, end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when::parse;

    #[test]
    fn days_of_one_month_or_year_name_it_once() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(span(Lang::Nn, d("2026-11-09"), d("2026-11-11")), "9.–11. november 2026");
        assert_eq!(span(Lang::En, d("2026-11-09"), d("2026-11-11")), "9–11 November 2026");
        assert_eq!(span(Lang::Nb, d("2026-11-30"), d("2026-12-02")), "30. november – 2. desember 2026");
        assert_eq!(span(Lang::En, d("2026-11-30"), d("2026-12-02")), "30 November – 2 December 2026");
        assert_eq!(span(Lang::Nb, d("2026-12-30"), d("2027-01-02")), "30. desember 2026 – 2. januar 2027");
    }

    #[test]
    fn kroner_are_written_as_norwegian_writes_them() {
        assert_eq!(money(Lang::Nb, "NOK", "12 000"), "12 000 kr");
        assert_eq!(money(Lang::Nn, "nok", "500"), "500 kr");
        assert_eq!(money(Lang::En, "NOK", "12 000"), "NOK 12 000");
        assert_eq!(money(Lang::Nb, "EUR", "40"), "EUR 40");
    }

    #[test]
    fn school_years_are_written_as_spans_of_two_years() {
        assert_eq!(school_years(Lang::Nb, 2026, 2026), ("skoleåret".into(), "2026/27".into()));
        assert_eq!(school_years(Lang::Nn, 2025, 2027), ("skuleåra".into(), "2025/26 – 2027/28".into()));
        assert_eq!(school_years(Lang::En, 2026, 2027), ("school years".into(), "2026/27 – 2027/28".into()));
    }

    #[test]
    fn a_counts_period_is_named_in_words() {
        use CadencePeriod::*;
        let (aug, jul) = ((2026, 8), (2027, 7));
        assert_eq!(count_period(Lang::Nb, AgreementYear, 0, aug, jul), "avtaleår 1 (august 2026 – juli 2027)");
        assert_eq!(count_period(Lang::En, AgreementYear, 1, aug, jul), "agreement year 2 (August 2026 – July 2027)");
        assert_eq!(count_period(Lang::Nn, SchoolYear, 0, aug, jul), "skuleåret 2026/27");
        assert_eq!(count_period(Lang::Nb, SchoolYear, 0, (2099, 8), (2100, 7)), "skoleåret 2099/00");
        assert_eq!(count_period(Lang::En, SchoolYear, 0, aug, jul), "the 2026/27 school year");
        assert_eq!(count_period(Lang::Nb, CalendarYear, 0, (2026, 1), (2026, 12)), "2026");
        assert_eq!(count_period(Lang::Nb, Term, 0, (2026, 1), (2026, 6)), "januar – juni 2026");
        assert_eq!(count_period(Lang::Nb, Month, 0, (2026, 3), (2026, 3)), "mars 2026");
        assert_eq!(count_period(Lang::Nb, CalendarYear, 0, (2026, 3), (2026, 12)), "mars – desember 2026");
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let w = parse("2020-09-25 10:00-10:30").unwrap();
        assert_eq!(when(Lang::Nb, &w), "25. september 2020 kl. 10.00–10.30");
        assert_eq!(when(Lang::En, &w), "25 September 2020 10:00–10:30");
        assert_eq!(when(Lang::Nb, &parse("mars 2026").unwrap()), "mars 2026");
        assert_eq!(when(Lang::En, &parse("mars 2026").unwrap()), "March 2026");
        assert_eq!(when(Lang::Nb, &parse("høsten 2026").unwrap()), "høst 2026");
        assert_eq!(when(Lang::En, &parse("vår 2026").unwrap()), "spring 2026");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(span(Lang::Nb, d("2026-03-01"), d("2026-06-30")), "mars – juni 2026");
        assert_eq!(span(Lang::En, d("2026-08-01"), d("2028-06-30")), "August 2026 – June 2028");
        assert_eq!(span(Lang::Nb, d("2026-03-12"), d("2026-03-14")), "12.–14. mars 2026");
    }

    #[test]
    fn nynorsk_has_its_own_words_and_bokmåls_dates() {
        let w = parse("2020-09-25 10:00-10:30").unwrap();
        assert_eq!(when(Lang::Nn, &w), "25. september 2020 kl. 10.00–10.30");
        assert_eq!(when(Lang::Nn, &parse("høsten 2026").unwrap()), "haust 2026");
        assert_eq!(when(Lang::Nn, &parse("vår 2026").unwrap()), "vår 2026");
        assert_eq!(when(Lang::Nn, &parse("uke 10 2026").unwrap()), "veke 10 2026");
        let statuses = [Status::Planned, Status::InProgress, Status::Done, Status::Cancelled, Status::Postponed];
        assert_eq!(statuses.map(|s| status(Lang::Nn, s)), ["planlagd", "i gang", "gjennomført", "avlyst", "utsett"]);
        assert_eq!(
            [1, 3, 6, 12, 24, 2].map(|m| every(Lang::Nn, m)),
            ["kvar månad", "kvart kvartal", "kvart halvår", "kvart år", "kvart 2. år", "kvar 2. månad"]
        );
        let periods = [CadencePeriod::Month, CadencePeriod::SchoolYear, CadencePeriod::Plan, CadencePeriod::Term];
        assert_eq!(periods.map(|p| per(Lang::Nn, p)), ["per månad", "per skuleår", "i planperioden", "per halvår"]);
        assert_eq!(periods.map(|p| per(Lang::Nb, p)), ["per måned", "per skoleår", "i planperioden", "per halvår"]);
        assert_eq!(count(2, texts(Lang::Nn).activities), "2 aktivitetar");
        assert_eq!(Lang::Nn.code(), "nn");
    }

    #[test]
    fn the_locale_is_the_first_variable_set_and_not_empty() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            locale(move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
        };
        assert_eq!(env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "nb_NO.UTF-8")]).as_deref(), Some("nb_NO.UTF-8"));
        assert_eq!(env(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "nn_NO")]).as_deref(), Some("nn_NO"));
        assert_eq!(env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "")]).as_deref(), Some("en_GB.UTF-8"));
        assert_eq!(env(&[]), None);
    }

    #[test]
    fn words_for_counts_statuses_and_months() {
        assert_eq!(count(1, ("dag", "dager")), "1 dag");
        assert_eq!(count(3, ("dag", "dager")), "3 dager");
        assert_eq!(count(0, ("day", "days")), "0 days");
        let statuses = [Status::Planned, Status::InProgress, Status::Done, Status::Cancelled, Status::Postponed];
        assert_eq!(statuses.map(|s| status(Lang::Nb, s)), ["planlagt", "pågår", "gjennomført", "avlyst", "utsatt"]);
        assert_eq!(statuses.map(|s| status(Lang::En, s)), ["planned", "in progress", "done", "cancelled", "postponed"]);
        assert_eq!([1, 5, 12].map(|m| month_short(Lang::En, m)), ["Jan", "May", "Dec"]);
        assert_eq!([1, 5, 12].map(|m| month_short(Lang::Nb, m)), ["jan", "mai", "des"]);
    }

    #[test]
    fn every_precision_reads_as_written() {
        let w = |s: &str| parse(s).unwrap();
        assert_eq!(when(Lang::Nb, &w("uke 10 2026")), "uke 10 2026");
        assert_eq!(when(Lang::En, &w("uke 10 2026")), "week 10 2026");
        assert_eq!(when(Lang::Nb, &w("2026")), "2026");
        assert_eq!(when(Lang::Nb, &w("vår 2026")), "vår 2026");
        assert_eq!(when(Lang::En, &w("høst 2026")), "autumn 2026");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // A term that is not the usual one (a school year, a year not starting in January) is its span.
        let odd = When { start: d("2026-08-01"), end: d("2027-06-30"), precision: Precision::Year, time: None };
        assert_eq!(when(Lang::Nb, &odd), "august 2026 – juni 2027");
        let odd = When { start: d("2026-03-01"), end: d("2026-06-30"), precision: Precision::Season, time: None };
        assert_eq!(when(Lang::Nb, &odd), "mars – juni 2026");
        let july = When { start: d("2026-07-01"), end: d("2026-12-31"), precision: Precision::Season, time: None };
        assert_eq!(when(Lang::Nb, &july), "juli – desember 2026");
        let june = When { start: d("2026-01-01"), end: d("2026-06-30"), precision: Precision::Season, time: None };
        assert_eq!(season(Lang::Nb, &june), "vår 2026");
        assert_eq!(season(Lang::Nb, &w("juli 2026")), "høst 2026");
        // Part of a month is days, not the month.
        assert_eq!(span(Lang::Nb, d("2026-03-01"), d("2026-03-14")), "1.–14. mars 2026");
        assert_eq!(span(Lang::Nb, d("2026-03-02"), d("2026-03-31")), "2.–31. mars 2026");
    }

    #[test]
    fn language_falls_back_from_flag_to_plan_to_locale() {
        assert_eq!(resolve(Some(Lang::En), Some(Lang::Nb), None), Lang::En);
        assert_eq!(resolve(None, Some(Lang::En), Some("nb_NO.UTF-8")), Lang::En);
        assert_eq!(resolve(None, None, Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(resolve(None, None, Some("nn_NO")), Lang::Nn);
        assert_eq!(resolve(None, None, Some("nb_NO.UTF-8")), Lang::Nb);
        assert_eq!(resolve(None, None, Some("no_NO")), Lang::Nb);
        assert_eq!(resolve(None, None, Some("C.UTF-8")), Lang::Nb);
        assert_eq!(resolve(None, None, None), Lang::Nb);
    }
}
