//! A loaded plan. Every name and value that a finding may point at keeps its byte span in the file.

use crate::diag::Span;
use crate::when::When;
use chrono::NaiveDate;

/// The model's values carry where they were written.
pub use crate::diag::Spanned;

/// The languages implan speaks; it lives with the findings, which carry every message in each of them.
pub use crate::lang::Lang;

#[derive(Debug, Clone)]
pub struct Plan {
    pub title: Spanned<String>,
    pub org: Option<String>,
    pub start: Spanned<When>,
    pub end: Spanned<When>,
    /// The plan's language, when it says; views fall back to the locale.
    pub lang: Option<Lang>,
    pub owner: Option<Spanned<String>>,
    pub description: Option<String>,
    /// Where `[plan]` is, for findings about the plan as a whole.
    pub header: Span,
    pub roles: Vec<Role>,
    pub goal: Option<Goal>,
    pub subgoals: Vec<SubGoal>,
    pub components: Vec<Component>,
    /// `[plan] steps` as written: component ids in the order of their steps. Each component's step is resolved
    /// into [`Component::step`]; the list is kept for `unknown-reference`, which reports an id no component has.
    pub steps: Vec<Spanned<String>>,
    pub phases: Vec<Phase>,
    pub activities: Vec<Activity>,
    pub requirements: Vec<Requirement>,
    /// The plan's own `[lint]` table, stronger than an `implan.toml`'s.
    pub lint: Option<crate::lint::Lint>,
    /// The plan's own `[calendar]`, stronger than an `implan.toml`'s.
    pub calendar: Option<crate::calendar::CalendarSpec>,
    /// When the plan carries out an agreement: its start and length, for agreement years.
    pub agreement: Option<Agreement>,
    /// What the plan may cost, in all and per calendar year.
    pub budget: Option<Budget>,
    /// Keys and strings anywhere in the file that hold characters a reader cannot see, in file order.
    pub hidden: Vec<HiddenText>,
}

/// A key or a string that holds control, bidirectional or invisible characters (see
/// [`crate::escape::is_hidden`]); a free-text value (notes) may hold line breaks and tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenText {
    /// The key or the string value, as written in the file.
    pub span: Span,
    pub is_key: bool,
    /// The first hidden character, and how many there are.
    pub first: char,
    pub count: usize,
    /// Up to twenty characters of the text before the first one, to say where it is.
    pub before: String,
}

impl HiddenText {
    /// Finds the hidden characters of `text`, if any.
    pub fn find(text: &str, span: Span, is_key: bool, free_text: bool) -> Option<HiddenText> {
        use crate::escape::{hidden_chars, is_direction_mark, is_right_to_left, kept_in_free_text};
        // Plain ASCII text without control characters, nearly every string, is passed at once.
        if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return None;
        }
        let hidden: Vec<(usize, char)> =
            hidden_chars(text, |s, i, c| free_text && kept_in_free_text(s, i, c)).collect();
        // A direction mark in text without right-to-left letters has nothing to do.
        let marks_hide = !text.chars().any(is_right_to_left);
        let marks = text.char_indices().filter(|&(_, c)| marks_hide && is_direction_mark(c));
        let (mut first, mut count) = (hidden.first().copied(), hidden.len());
        for (i, c) in marks {
            count += 1;
            if first.is_none_or(|(f, _)| i < f) {
                first = Some((i, c));
            }
        }
        let (at, first) = first?;
        let before: Vec<char> = text[..at].chars().rev().take(20).collect();
        Some(HiddenText { span, is_key, first, count, before: before.into_iter().rev().collect() })
    }
}

/// A cost: an amount in whole kroner, for each of `units` (or of the activity's `places`, or once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    pub amount: u64,
    /// What one unit is ("sett", "deltaker"), for the reader.
    pub per: Option<String>,
    pub units: Option<u32>,
    pub span: Span,
}

impl Cost {
    /// The cost for an activity that takes `places` places.
    pub(crate) fn for_activity(&self, places: Option<u32>) -> u64 {
        self.amount.saturating_mul(self.units.or(places).unwrap_or(1) as u64)
    }
}

/// `[budget]`: the plan's budget, in all and per calendar year.
#[derive(Debug, Clone)]
pub struct Budget {
    pub total: Option<Spanned<u64>>,
    pub years: Vec<(i32, Spanned<u64>)>,
    pub currency: String,
}

/// An agreement the plan carries out ("3 år, kan forlenges").
#[derive(Debug, Clone)]
pub struct Agreement {
    /// The first day of agreement year 1.
    pub start: Spanned<When>,
    /// How many years it runs; `None` for an open-ended agreement (MOT's).
    pub years: Option<u32>,
    pub extendable: bool,
}

impl Agreement {
    /// The span of agreement years `first..=last` (1-based), or `None` past the calendar.
    pub(crate) fn years_span(&self, first: u32, last: u32) -> Option<When> {
        let s = self.start.value.start;
        let start = s.checked_add_months(chrono::Months::new(12 * first.checked_sub(1)?))?;
        let end = s.checked_add_months(chrono::Months::new(12 * last))?.pred_opt()?;
        Some(When { start, end, precision: crate::when::Precision::Year, time: None })
    }
}

/// Reads "første avtaleår", "avtaleår 2", "år 2 eller 3", "det andre eller tredje året", "years 2–3" as a range
/// of agreement years.
pub(crate) fn agreement_years(s: &str) -> Option<(u32, u32)> {
    let lower = s.trim().to_lowercase();
    let mut numbers = Vec::new();
    let mut year_word = false;
    for w in lower.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ',' | '/')).filter(|w| !w.is_empty())
    {
        let w = w.trim_end_matches('.');
        let n = match w {
            "første" | "fyrste" | "first" | "1" => Some(1),
            "andre" | "second" | "2" => Some(2),
            "tredje" | "third" | "3" => Some(3),
            "fjerde" | "fourth" | "4" => Some(4),
            "femte" | "fifth" | "5" => Some(5),
            _ => w.parse::<u32>().ok().filter(|n| (1..=50).contains(n)),
        };
        match (n, w) {
            (Some(n), _) => numbers.push(n),
            (None, "avtaleår" | "avtaleåret" | "år" | "året" | "year" | "years" | "agreement") => year_word = true,
            (None, "det" | "eller" | "og" | "til" | "or" | "and" | "to" | "the" | "of" | "av" | "avtalen" | "i") => {}
            _ => return None,
        }
    }
    if !year_word || numbers.is_empty() {
        return None;
    }
    let (min, max) = (*numbers.iter().min()?, *numbers.iter().max()?);
    Some((min, max))
}

#[derive(Debug, Clone)]
pub struct Role {
    pub id: Spanned<String>,
    pub name: String,
    pub lead: Option<Spanned<String>>,
    pub members: Vec<Spanned<String>>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Goal {
    pub id: Spanned<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct SubGoal {
    pub id: Spanned<String>,
    pub text: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Component {
    pub id: Spanned<String>,
    pub name: String,
    pub summary: Option<String>,
    pub contents: Vec<String>,
    /// Its step, when the components are steps that build on each other: its own `step = N`, or its place in
    /// `[plan] steps` (where that is written). Several components may share a step.
    pub step: Option<Spanned<u32>>,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub id: Spanned<String>,
    pub name: String,
    /// The period as the plan writes it ("Vår 2025").
    pub label: Spanned<String>,
    /// What the label says, when it is a date; `None` for labels such as "Oppstart" with explicit start/end.
    pub label_when: Option<When>,
    /// The span the phase covers: explicit start/end when both are given, else the label's.
    pub span: When,
    /// Whether `start`/`end` decide the span rather than the label.
    pub explicit: bool,
    pub goal: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
    Cancelled,
    /// Moved to a later date than the plan first gave (`implan postpone`): still to be done, at its new `when`;
    /// the activity's `postponed-from` keeps the date it had.
    Postponed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Postponed => "postponed",
        }
    }

    /// Whether the activity is still to be done: planned, in progress or postponed.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress | Status::Postponed)
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::parse_word(s).map(|(status, _)| status)
    }

    /// The status a word names (any letter case, spaces around it ignored), and the language it is written in.
    pub fn parse_word(s: &str) -> Option<(Status, WordStyle)> {
        let s = s.trim().to_lowercase();
        STATUS_WORDS.iter().find(|(word, ..)| *word == s).map(|&(_, status, style)| (status, style))
    }
}

/// Who an activity is for, as `audience` says in Bokmål, Nynorsk or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Staff,
    Pupils,
    Parents,
    Everyone,
}

/// The kinds (or tags) that say an activity is for the staff when it has no `audience`: a planning day, a staff
/// day or meeting, staff training. Lower case, with and without `ø`.
pub const STAFF_KINDS: [&str; 9] = [
    "planleggingsdag",
    "personaldag",
    "personalmøte",
    "personalmote",
    "personalmøter",
    "personalmoter",
    "kompetanseheving",
    "staff-day",
    "staff-meeting",
];

/// The words `audience` takes ([`crate::schema::AUDIENCE`] offers the same), lower case.
pub const AUDIENCE_WORDS: [(&str, Audience); 14] = [
    ("ansatte", Audience::Staff),
    ("tilsette", Audience::Staff),
    ("personalet", Audience::Staff),
    ("staff", Audience::Staff),
    ("elever", Audience::Pupils),
    ("elevar", Audience::Pupils),
    ("barn", Audience::Pupils),
    ("pupils", Audience::Pupils),
    ("children", Audience::Pupils),
    ("foreldre", Audience::Parents),
    ("parents", Audience::Parents),
    ("alle", Audience::Everyone),
    ("everyone", Audience::Everyone),
    ("all", Audience::Everyone),
];

impl Audience {
    /// The audience a word names, in any letter case, with spaces around it.
    pub fn parse(word: &str) -> Option<Audience> {
        let word = word.trim().to_lowercase();
        AUDIENCE_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, a)| a)
    }
}

/// The language a status word is written in, as far as the word tells: `planlagt` is Bokmål and `planlagd`
/// Nynorsk, while `gjennomført` is both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordStyle {
    English,
    Bokmal,
    Nynorsk,
    /// Bokmål and Nynorsk alike.
    Norwegian,
}

/// Every word a plan's `status` takes, in lower case, with the status it names and its language.
const STATUS_WORDS: &[(&str, Status, WordStyle)] = {
    use Status::*;
    use WordStyle::*;
    &[
        ("planned", Planned, English),
        ("todo", Planned, English),
        ("open", Planned, English),
        ("planlagt", Planned, Bokmal),
        ("planlagd", Planned, Nynorsk),
        ("in-progress", InProgress, English),
        ("in progress", InProgress, English),
        ("started", InProgress, English),
        ("ongoing", InProgress, English),
        ("pågår", InProgress, Norwegian),
        ("i gang", InProgress, Norwegian),
        ("igang", InProgress, Norwegian),
        ("påbegynt", InProgress, Norwegian),
        ("done", Done, English),
        ("completed", Done, English),
        ("ferdig", Done, Norwegian),
        ("gjennomført", Done, Norwegian),
        ("utført", Done, Norwegian),
        ("fullført", Done, Norwegian),
        ("cancelled", Cancelled, English),
        ("canceled", Cancelled, English),
        ("avlyst", Cancelled, Norwegian),
        ("kansellert", Cancelled, Norwegian),
        ("utgår", Cancelled, Norwegian),
        ("postponed", Postponed, English),
        ("deferred", Postponed, English),
        ("utsatt", Postponed, Bokmal),
        ("utsett", Postponed, Nynorsk),
    ]
};

#[derive(Debug, Clone)]
pub struct Activity {
    pub id: Spanned<String>,
    /// True when the id was made from the title; the span is then the title's.
    pub derived_id: bool,
    pub title: Spanned<String>,
    pub when: Spanned<When>,
    /// The last day: the end of `end`, or `when` plus `duration`, or the end of `when`.
    pub last_day: NaiveDate,
    /// Where the activity is: its `[[activity]]` header line.
    pub span: Span,
    /// From its header to its last value: findings in here belong to the activity.
    pub extent: Span,
    /// Rules whose findings inside this activity are accepted (`allow = ["idle-gap"]`).
    pub allow: Vec<Spanned<String>>,
    pub owners: Vec<Spanned<String>>,
    /// The phase's index in `Plan::phases`, for activities written inside a phase; else the `phase` key.
    pub phase: Option<PhaseRef>,
    pub components: Vec<Spanned<String>>,
    pub goals: Vec<Spanned<String>>,
    pub after: Vec<Spanned<String>>,
    pub kind: Option<String>,
    pub tags: Vec<String>,
    /// Who it is for (`audience`): a planning day suits the staff's activities, not the pupils'.
    pub audience: Option<Audience>,
    /// Places taken (trainer-education places, seats at a gathering), for quotas.
    pub places: Option<Spanned<u32>>,
    /// What it costs.
    pub cost: Option<Cost>,
    /// Roles taking part without being responsible, for required participation.
    pub participants: Vec<Spanned<String>>,
    pub status: Status,
    /// Where the file writes the status (the value, quotes included); `None` when it does not.
    pub status_span: Option<Span>,
    /// The day it was done, where the file says it.
    pub done: Option<Spanned<NaiveDate>>,
    /// When it was to happen before it was postponed: it stays after the work is done, as its history.
    pub postponed_from: Option<Spanned<When>>,
    /// Why it was postponed or cancelled.
    pub reason: Option<String>,
    pub notes: Option<String>,
}

impl Activity {
    pub(crate) fn is_cancelled(&self) -> bool {
        self.status == Status::Cancelled
    }

    pub(crate) fn has_word(&self, word: &str) -> bool {
        // Words like "undersøkelse" need Unicode case folding, not ASCII.
        let word = word.to_lowercase();
        self.kind.as_deref().is_some_and(|k| k.to_lowercase() == word)
            || self.tags.iter().any(|t| t.to_lowercase() == word)
    }

    /// Whether the activity is for adults, not pupils: its `audience` says staff or parents, or, when it names
    /// no audience, its kind or a tag is one of [`STAFF_KINDS`]. Such work may lie on a planning day.
    pub fn is_for_adults(&self) -> bool {
        match self.audience {
            Some(audience) => matches!(audience, Audience::Staff | Audience::Parents),
            None => STAFF_KINDS.iter().any(|k| self.has_word(k)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhaseRef {
    /// Written inside `[[phase]]` number n.
    Nested(usize),
    /// Named with `phase = "…"`.
    Named(Spanned<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CadencePeriod {
    Month,
    Quarter,
    Term,
    /// Twelve months counted from the requirement's start.
    Year,
    Plan,
    /// August–July.
    SchoolYear,
    /// January–December.
    CalendarYear,
    /// Twelve months from the agreement's start.
    AgreementYear,
}

impl CadencePeriod {
    pub fn months(self) -> Option<i64> {
        match self {
            CadencePeriod::Month => Some(1),
            CadencePeriod::Quarter => Some(3),
            CadencePeriod::Term => Some(6),
            CadencePeriod::Year
            | CadencePeriod::SchoolYear
            | CadencePeriod::CalendarYear
            | CadencePeriod::AgreementYear => Some(12),
            CadencePeriod::Plan => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CadencePeriod::Month => "month",
            CadencePeriod::Quarter => "quarter",
            CadencePeriod::Term => "term",
            CadencePeriod::Year => "year",
            CadencePeriod::Plan => "plan period",
            CadencePeriod::SchoolYear => "school year",
            CadencePeriod::CalendarYear => "calendar year",
            CadencePeriod::AgreementYear => "agreement year",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cadence {
    /// At most this many months between two occurrences.
    Every(u32),
    /// Between min and max occurrences in each period: one range for every period, or one per period in order
    /// (the last repeats): "4 in year 1, then 2 a year" is `[(4, 4), (2, 2)]`.
    Count { counts: Vec<(u32, u32)>, per: CadencePeriod },
}

#[derive(Debug, Clone)]
pub struct Requirement {
    pub id: Spanned<String>,
    pub title: String,
    pub kind: Spanned<String>,
    pub owner: Option<Spanned<String>>,
    /// How often or how many (`cadence`, `requirement-count`); `None` for a deadline, quota or participation.
    pub cadence: Option<Spanned<Cadence>>,
    pub from: Option<Spanned<When>>,
    pub until: Option<Spanned<When>>,
    pub notes: Option<String>,
    /// A matching activity must happen by then (`requirement-deadline`).
    pub by: Option<Spanned<When>>,
    /// Matching activities must happen in this span, and one must (`requirement-deadline`).
    pub within: Option<Spanned<When>>,
    /// Matching activities must end before this activity starts (`requirement-deadline`).
    pub before: Option<Spanned<String>>,
    /// At most this many `places` over the period (`quota-exceeded`).
    pub quota: Option<Spanned<u32>>,
    /// At most this many `places` on each matching activity (`quota-exceeded`).
    pub quota_each: Option<Spanned<u32>>,
    /// Roles that must take part in every matching activity (`participation-missing`).
    pub participants: Vec<Spanned<String>>,
    /// Months (1–12) in which matching activities must start, from a named survey or `months` (`cadence`).
    pub window: Option<Spanned<Vec<u32>>>,
    /// The national survey `survey` names, at that name.
    pub survey: Option<Spanned<&'static SurveyNames>>,
    /// A cost each matching activity carries ("NOK 2,000 per trainer participant").
    pub cost: Option<Cost>,
    /// A recommendation rather than an obligation: its findings are warnings.
    pub advisory: bool,
}

/// A national survey with its usual window and cadence, as a requirement's `survey` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Survey {
    pub name: &'static str,
    /// The months of the round a requirement naming it is kept in, from the round's first month (October,
    /// November, December, January for a round over New Year); empty for any month.
    pub months: &'static [u32],
    /// The months of its other round: an activity then is not an error, and does not keep the requirement.
    pub other_round: &'static [u32],
    /// How often, in months.
    pub every: u32,
}

/// Every name a requirement's `survey` may give a survey, in Bokmål, Nynorsk and without `ø`.
#[derive(Debug)]
pub struct SurveyNames {
    pub names: &'static [&'static str],
    pub survey: Survey,
    /// Set for a name that was ambiguous: what to write instead (it still means what it used to).
    pub write_instead: Option<&'static str>,
}

const AUTUMN: &[u32] = &[10, 11, 12];
const SPRING: &[u32] = &[2, 3, 4, 5, 6];
const PARENTS_AUTUMN: &[u32] = &[10, 11, 12, 1];
const SCHOOL_YEAR_BUT_SUMMER: &[u32] = &[8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6];

const PUPILS_AUTUMN: Survey =
    Survey { name: "Elevundersøkelsen (høst)", months: AUTUMN, other_round: SPRING, every: 12 };
const PUPILS_SPRING: Survey =
    Survey { name: "Elevundersøkelsen (vår)", months: SPRING, other_round: AUTUMN, every: 12 };
const PARENTS_AT_SCHOOL: Survey = Survey {
    name: "Foreldreundersøkelsen (skole)",
    months: &[10, 11, 12, 1, 2, 3, 4, 5, 6],
    other_round: &[],
    every: 12,
};
const PARENTS_AT_SCHOOL_AUTUMN: Survey =
    Survey { name: "Foreldreundersøkelsen (skole, høst)", months: PARENTS_AUTUMN, other_round: SPRING, every: 12 };
const PARENTS_AT_SCHOOL_SPRING: Survey =
    Survey { name: "Foreldreundersøkelsen (skole, vår)", months: SPRING, other_round: PARENTS_AUTUMN, every: 12 };
const PARENTS_IN_KINDERGARTEN: Survey =
    Survey { name: "Foreldreundersøkelsen i barnehagen", months: &[11, 12], other_round: &[], every: 12 };
const STASTEDSANALYSEN: Survey =
    Survey { name: "Ståstedsanalysen", months: SCHOOL_YEAR_BUT_SUMMER, other_round: &[], every: 12 };
const UNGDATA: Survey = Survey { name: "Ungdata", months: &[], other_round: &[], every: 36 };

/// The surveys implan knows, as Udir runs them. Elevundersøkelsen is mandatory in the autumn term (7th and 10th
/// grade, Vg1; run October–December); schools may also run a voluntary spring round (February–June). The
/// parent survey at school runs an autumn round (October–January) and a spring round (February–June); the
/// one in kindergartens runs 1 November – 20 December. Ståstedsanalysen is open August–June and closed in July.
/// Ungdata is done about every third year.
pub const SURVEYS: &[SurveyNames] = &[
    SurveyNames {
        names: &[
            "elevundersøkelsen",
            "elevundersokelsen",
            "elevundersøkinga",
            "elevundersokinga",
            "elevundersøkelsen-høst",
            "elevundersokelsen-host",
            "elevundersøkinga-haust",
            "elevundersokinga-haust",
        ],
        survey: PUPILS_AUTUMN,
        write_instead: None,
    },
    SurveyNames {
        names: &["elevundersøkelsen-vår", "elevundersokelsen-var", "elevundersøkinga-vår", "elevundersokinga-var"],
        survey: PUPILS_SPRING,
        write_instead: None,
    },
    SurveyNames {
        names: &[
            "foreldreundersøkelsen-skole",
            "foreldreundersokelsen-skole",
            "foreldreundersøkinga-skule",
            "foreldreundersokinga-skule",
        ],
        survey: PARENTS_AT_SCHOOL,
        write_instead: None,
    },
    SurveyNames {
        names: &[
            "foreldreundersøkelsen-skole-høst",
            "foreldreundersokelsen-skole-host",
            "foreldreundersøkinga-skule-haust",
            "foreldreundersokinga-skule-haust",
        ],
        survey: PARENTS_AT_SCHOOL_AUTUMN,
        write_instead: None,
    },
    SurveyNames {
        names: &[
            "foreldreundersøkelsen-skole-vår",
            "foreldreundersokelsen-skole-var",
            "foreldreundersøkinga-skule-vår",
            "foreldreundersokinga-skule-var",
        ],
        survey: PARENTS_AT_SCHOOL_SPRING,
        write_instead: None,
    },
    SurveyNames {
        names: &[
            "foreldreundersøkelsen-barnehage",
            "foreldreundersokelsen-barnehage",
            "foreldreundersøkinga-barnehage",
            "foreldreundersokinga-barnehage",
        ],
        survey: PARENTS_IN_KINDERGARTEN,
        write_instead: None,
    },
    // Before the school survey was known, these meant the kindergarten one, and still do.
    SurveyNames {
        names: &["foreldreundersøkelsen", "foreldreundersokelsen"],
        survey: PARENTS_IN_KINDERGARTEN,
        write_instead: Some("foreldreundersøkelsen-barnehage"),
    },
    SurveyNames {
        names: &["foreldreundersøkinga", "foreldreundersokinga"],
        survey: PARENTS_IN_KINDERGARTEN,
        write_instead: Some("foreldreundersøkinga-barnehage"),
    },
    SurveyNames {
        names: &["ståstedsanalysen", "stastedsanalysen", "ståstadsanalysen", "stastadsanalysen"],
        survey: STASTEDSANALYSEN,
        write_instead: None,
    },
    SurveyNames { names: &["ungdata"], survey: UNGDATA, write_instead: None },
];

impl Requirement {
    /// The range of matches required in period `n` (0-based) of a `count`.
    pub(crate) fn count_for(counts: &[(u32, u32)], n: usize) -> (u32, u32) {
        counts.get(n).or(counts.last()).copied().unwrap_or((0, u32::MAX))
    }
}

/// Parses "6 months", "halvår", "every 2 years", "annethvert år", "kvart tredje år", "halvårleg" into a number
/// of months.
pub(crate) fn parse_every(s: &str) -> Option<u32> {
    let lower = s.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let mut n = 1;
    match words.first() {
        Some(&("every" | "hver" | "hvert" | "kvar" | "kvart" | "each")) => {
            words.remove(0);
        }
        // "annethvert år", "annakvar månad": every second one.
        Some(&("annethvert" | "annenhver" | "annahvert" | "annakvart" | "annakvar" | "annankvar")) => {
            words.remove(0);
            n = 2;
        }
        _ => {}
    }
    if let [other, rest @ ..] = words.as_slice()
        && *other == "other"
    {
        words = rest.to_vec();
        n = 2;
    }
    let (n, unit) = match words.as_slice() {
        [unit] => (n, *unit),
        [count, unit] if n == 1 => (count_word(count)?, *unit),
        _ => return None,
    };
    let months = match unit {
        "month" | "months" | "måned" | "måneder" | "mnd" | "månedlig" | "monthly" | "månad" | "månader"
        | "månadleg" => 1,
        "quarter" | "quarters" | "kvartal" | "kvartalsvis" | "quarterly" => 3,
        "term" | "terms" | "halvår" | "halvårlig" | "halvårleg" | "half-year" | "half-yearly" | "semester"
        | "semiannual" | "semiannually" => 6,
        "year" | "years" | "år" | "årlig" | "årleg" | "yearly" | "annual" | "annually" | "skoleår" | "skuleår" => {
            12
        }
        _ => return None,
    };
    if n == 0 { None } else { n.checked_mul(months) }
}

/// "2", "2.", "tredje", "third": how many units a cadence's step is.
fn count_word(word: &str) -> Option<u32> {
    Some(match word.trim_end_matches('.') {
        "andre" | "second" => 2,
        "tredje" | "third" => 3,
        "fjerde" | "fourth" => 4,
        "femte" | "fifth" => 5,
        "sjette" | "sixth" => 6,
        number => number.parse().ok()?,
    })
}

/// The survey a requirement's `survey` names, with what to write instead when the name was ambiguous.
pub fn survey(name: &str) -> Option<&'static SurveyNames> {
    let n = name.trim().to_lowercase();
    SURVEYS.iter().find(|s| s.names.contains(&n.as_str()))
}

/// The names to suggest: each survey's first, unambiguous name.
pub fn survey_names() -> impl Iterator<Item = &'static str> {
    SURVEYS.iter().filter(|s| s.write_instead.is_none()).map(|s| s.names[0])
}

pub(crate) fn parse_period_word(s: &str) -> Option<CadencePeriod> {
    Some(match s.trim().to_lowercase().as_str() {
        "month" | "måned" | "månad" | "mnd" => CadencePeriod::Month,
        "quarter" | "kvartal" => CadencePeriod::Quarter,
        "term" | "halvår" | "semester" => CadencePeriod::Term,
        "year" | "år" => CadencePeriod::Year,
        "avtaleår" | "agreement year" | "agreement-year" => CadencePeriod::AgreementYear,
        "skoleår" | "school year" | "school-year" | "skuleår" => CadencePeriod::SchoolYear,
        "kalenderår" | "calendar year" | "calendar-year" => CadencePeriod::CalendarYear,
        "plan" | "periode" | "period" | "planperiode" => CadencePeriod::Plan,
        _ => return None,
    })
}

/// Parses `4`, `"4"`, `"4-8"`, `"4–8"` into (min, max).
pub(crate) fn parse_count(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    match s.split_once(['-', '–', '—']) {
        Some((a, b)) => {
            let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            (a <= b).then_some((a, b))
        }
        None => s.parse().ok().map(|n| (n, n)),
    }
}

/// An id made from a title: "Oppstartsmøte for styringsgruppen" → "oppstartsmote-for-styringsgruppen".
pub fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'æ' => "ae",
            'ø' | 'ö' => "o",
            'å' | 'ä' | 'á' | 'à' => "a",
            'é' | 'è' | 'ê' => "e",
            'ü' => "u",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Plan {
    /// The plan as a reader is shown it: every text with its control, bidirectional and invisible characters
    /// escaped ([`crate::escape::visible`]; notes and descriptions keep their line breaks). Views for people
    /// render this copy, so no title, name or note reaches a terminal, a spreadsheet or a page raw; machine
    /// formats render the plan itself. Every struct is taken apart without `..`, so a new text field cannot be
    /// forgotten here.
    pub fn shown(&self) -> Plan {
        let mut p = self.clone();
        let Plan {
            title,
            org,
            start: _,
            end: _,
            lang: _,
            owner,
            description,
            header: _,
            roles,
            goal,
            subgoals,
            components,
            steps,
            phases,
            activities,
            requirements,
            lint: _,
            calendar,
            agreement: _,
            budget,
            hidden: _,
        } = &mut p;
        line(&mut title.value);
        if let Some(c) = calendar {
            c.skolerute.iter_mut().for_each(|s| line(&mut s.value));
            for year in &mut c.school_years {
                for b in &mut year.breaks {
                    line(&mut b.name_nb);
                    line(&mut b.name_en);
                }
            }
        }
        org.iter_mut().for_each(line);
        owner.iter_mut().for_each(|o| line(&mut o.value));
        description.iter_mut().for_each(lines);
        for Role { id, name, lead, members, description } in roles {
            line(&mut id.value);
            line(name);
            lead.iter_mut().for_each(|l| line(&mut l.value));
            spanned(members);
            description.iter_mut().for_each(lines);
        }
        if let Some(Goal { id, text }) = goal {
            line(&mut id.value);
            line(text);
        }
        for SubGoal { id, text, description } in subgoals {
            line(&mut id.value);
            line(text);
            description.iter_mut().for_each(lines);
        }
        spanned(steps);
        for Component { id, name, summary, contents, step: _ } in components {
            line(&mut id.value);
            line(name);
            summary.iter_mut().for_each(lines);
            contents.iter_mut().for_each(line);
        }
        for Phase { id, name, label, label_when: _, span: _, explicit: _, goal } in phases {
            line(&mut id.value);
            line(name);
            line(&mut label.value);
            goal.iter_mut().for_each(line);
        }
        activities.iter_mut().for_each(shown_activity);
        requirements.iter_mut().for_each(shown_requirement);
        if let Some(Budget { total: _, years: _, currency }) = budget {
            line(currency);
        }
        p
    }
}

fn line(s: &mut String) {
    if let std::borrow::Cow::Owned(v) = crate::escape::visible(s) {
        *s = v;
    }
}

fn lines(s: &mut String) {
    if let std::borrow::Cow::Owned(v) = crate::escape::visible_lines(s) {
        *s = v;
    }
}

fn spanned(list: &mut [Spanned<String>]) {
    list.iter_mut().for_each(|s| line(&mut s.value));
}

fn shown_cost(cost: &mut Option<Cost>) {
    if let Some(Cost { amount: _, per, units: _, span: _ }) = cost {
        per.iter_mut().for_each(line);
    }
}

fn shown_activity(a: &mut Activity) {
    let Activity {
        id,
        derived_id: _,
        title,
        when: _,
        last_day: _,
        span: _,
        extent: _,
        allow,
        owners,
        phase,
        components,
        goals,
        after,
        kind,
        tags,
        audience: _,
        places: _,
        cost,
        participants,
        status: _,
        status_span: _,
        done: _,
        postponed_from: _,
        reason,
        notes,
    } = a;
    line(&mut id.value);
    line(&mut title.value);
    for list in [allow, owners, components, goals, after, participants] {
        spanned(list);
    }
    if let Some(PhaseRef::Named(p)) = phase {
        line(&mut p.value);
    }
    kind.iter_mut().for_each(line);
    tags.iter_mut().for_each(line);
    shown_cost(cost);
    reason.iter_mut().for_each(lines);
    notes.iter_mut().for_each(lines);
}

fn shown_requirement(r: &mut Requirement) {
    let Requirement {
        id,
        title,
        kind,
        owner,
        cadence: _,
        from: _,
        until: _,
        notes,
        by: _,
        within: _,
        before,
        quota: _,
        quota_each: _,
        participants,
        window: _,
        survey: _,
        advisory: _,
        cost,
    } = r;
    line(&mut id.value);
    line(title);
    line(&mut kind.value);
    owner.iter_mut().for_each(|o| line(&mut o.value));
    notes.iter_mut().for_each(lines);
    before.iter_mut().for_each(|b| line(&mut b.value));
    spanned(participants);
    shown_cost(cost);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_text_is_found_and_placed() {
        assert_eq!(HiddenText::find("Oppstartsmøte – vår", Span::from(0..1), false, false), None);
        // A right-to-left mark belongs in Arabic text, and hides in Latin.
        assert_eq!(HiddenText::find("Møte مع المدير \u{200f}و", Span::from(0..1), false, false), None);
        assert_eq!(
            HiddenText::find("Rektor\u{200f}", Span::from(0..1), false, false).map(|h| h.first),
            Some('\u{200f}')
        );
        let h = HiddenText::find("rek\u{202e}tor\u{200b}er", Span::from(3..9), true, false).unwrap();
        assert_eq!(
            (h.first, h.count, h.before.as_str(), h.is_key, h.span),
            ('\u{202e}', 2, "rek", true, Span::new(3, 9))
        );
        assert_eq!(HiddenText::find("a\r\nb\tc", Span::from(0..1), false, true), None, "free text keeps its lines");
        assert_eq!(HiddenText::find("a\tb", Span::from(0..1), false, false).map(|h| h.first), Some('\t'));
        let long = format!("{}\u{1b}", "x".repeat(50));
        assert_eq!(HiddenText::find(&long, Span::from(0..1), false, false).unwrap().before, "x".repeat(20));
    }

    #[test]
    fn a_direction_mark_counts_and_may_come_first() {
        let h = HiddenText::find("a\u{200e}b\u{1b}c", Span::from(0..1), false, false).unwrap();
        assert_eq!((h.first, h.count, h.before.as_str()), ('\u{200e}', 2, "a"));
        let h = HiddenText::find("a\u{1b}b\u{200e}c", Span::from(0..1), false, false).unwrap();
        assert_eq!((h.first, h.count, h.before.as_str()), ('\u{1b}', 2, "a"));
    }

    #[test]
    fn every_status_word_is_the_schemas_and_says_its_language() {
        let table: Vec<&str> = STATUS_WORDS.iter().map(|(w, ..)| *w).collect();
        let mut schema = crate::schema::STATUS.list();
        let mut sorted = table.clone();
        sorted.sort_unstable();
        schema.sort_unstable();
        assert_eq!(sorted, schema, "the schema lists exactly the words the loader takes");
        assert_eq!(Status::parse_word(" Utsett "), Some((Status::Postponed, WordStyle::Nynorsk)));
        assert_eq!(Status::parse_word("PLANLAGT"), Some((Status::Planned, WordStyle::Bokmal)));
        assert_eq!(Status::parse_word("gjennomført"), Some((Status::Done, WordStyle::Norwegian)));
        assert_eq!(Status::parse_word("in progress"), Some((Status::InProgress, WordStyle::English)));
        assert_eq!(Status::parse("flytta"), None);
        // The words the views show and the words an edit writes are words the loader takes, in their language.
        for status in [Status::Planned, Status::InProgress, Status::Done, Status::Cancelled, Status::Postponed] {
            assert_eq!(Status::parse_word(status.as_str()), Some((status, WordStyle::English)));
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                let (parsed, style) = Status::parse_word(crate::i18n::status(lang, status)).expect("a status word");
                assert_eq!(parsed, status);
                let fits = match lang {
                    Lang::Nb => matches!(style, WordStyle::Bokmal | WordStyle::Norwegian),
                    Lang::Nn => matches!(style, WordStyle::Nynorsk | WordStyle::Norwegian),
                    Lang::En => style == WordStyle::English,
                };
                assert!(fits, "{lang:?} {status:?}: {style:?}");
            }
        }
    }

    #[test]
    fn agreement_years_in_words() {
        assert_eq!(agreement_years("første avtaleår"), Some((1, 1)));
        assert_eq!(agreement_years("andre avtaleår"), Some((2, 2)));
        assert_eq!(agreement_years("fyrste avtaleår"), Some((1, 1)));
        assert_eq!(agreement_years("Tredje år"), Some((3, 3)));
        assert_eq!(agreement_years("fourth year"), Some((4, 4)));
        assert_eq!(agreement_years("femte avtaleår"), Some((5, 5)));
        assert_eq!(agreement_years("second or third year"), Some((2, 3)));
        // A number needs the word year, and the word year a number.
        assert_eq!(agreement_years("andre"), None);
        assert_eq!(agreement_years("avtaleåret"), None);
    }

    #[test]
    fn surveys_are_known_by_name_with_or_without_ø() {
        let name = |n: &str| survey(n).map(|s| s.survey.name);
        assert_eq!(name(" Elevundersøkelsen "), Some("Elevundersøkelsen (høst)"));
        assert_eq!(name("foreldreundersokelsen"), Some("Foreldreundersøkelsen i barnehagen"));
        assert_eq!(survey("ungdata").map(|s| s.survey.every), Some(36));
        assert_eq!(name("Elevundersøkinga"), Some("Elevundersøkelsen (høst)"));
        assert_eq!(name("elevundersokinga-var"), Some("Elevundersøkelsen (vår)"));
        assert_eq!(name("foreldreundersokinga"), Some("Foreldreundersøkelsen i barnehagen"));
        assert_eq!(name("Foreldreundersøkinga-skule"), Some("Foreldreundersøkelsen (skole)"));
        assert_eq!(name("ståstadsanalysen"), Some("Ståstedsanalysen"));
        assert_eq!(name("trivselsundersøkelsen"), None);
    }

    #[test]
    fn only_the_old_parent_survey_names_are_ambiguous_and_say_what_to_write() {
        let instead = |n: &str| survey(n).and_then(|s| s.write_instead);
        assert_eq!(instead("foreldreundersøkelsen"), Some("foreldreundersøkelsen-barnehage"));
        assert_eq!(instead("foreldreundersokinga"), Some("foreldreundersøkinga-barnehage"));
        assert_eq!(instead("foreldreundersøkelsen-barnehage"), None);
        // What to write instead is itself a name of the same survey.
        for s in SURVEYS.iter().filter(|s| s.write_instead.is_some()) {
            assert_eq!(survey(s.write_instead.unwrap()).map(|t| t.survey), Some(s.survey));
        }
        assert!(survey_names().all(|n| survey(n).is_some_and(|s| s.write_instead.is_none())));
    }

    #[test]
    fn a_shown_plan_holds_no_character_a_terminal_acts_on() {
        let text = "[plan]\ntitle = \"T\\u001b[2J\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n\
                    description = \"Linje 1\\nLinje 2\\u001b]0;x\\u0007\"\n\
                    [roles]\npl = \"Prosjektleder\"\nsg = { name = \"Gruppe\", members = [\"pl\\u001b[31m\"] }\n\
                    [[activity]]\ntitle = \"A\\u0007\"\nwhen = \"mars 2026\"\ncost = { amount = 1, per = \"sett\\r\" }\n\
                    [[recurring]]\nid = \"r\"\ntitle = \"R\\u009b\"\nkind = \"k\"\nevery = \"år\"\n";
        let plan = crate::load::load(&crate::source::Source::new("t.toml", text)).unwrap().shown();
        assert_eq!(plan.title.value, "T\\u{1b}[2J");
        assert_eq!(plan.description.as_deref(), Some("Linje 1\nLinje 2\\u{1b}]0;x\\u{7}"));
        assert_eq!(plan.roles[1].members[0].value, "pl\\u{1b}[31m");
        assert_eq!(plan.activities[0].title.value, "A\\u{7}");
        assert_eq!(plan.activities[0].cost.as_ref().and_then(|c| c.per.clone()).as_deref(), Some("sett\\r"));
        assert_eq!(plan.requirements[0].title, "R\\u{9b}");
    }

    #[test]
    fn an_activity_has_a_word_as_its_kind_or_a_tag() {
        let plan = crate::load::load(&crate::source::Source::new(
            "t.toml",
            "[plan]\ntitle = \"T\"\nstart = \"vår 2026\"\nend = \"høst 2026\"\n\
             [[activity]]\ntitle = \"A\"\nwhen = \"mars 2026\"\nkind = \"Undersøkelse\"\ntags = [\"ELEVRÅD\"]\n",
        ))
        .unwrap();
        let a = &plan.activities[0];
        assert!(a.has_word("undersøkelse") && a.has_word("elevråd") && a.has_word("UNDERSØKELSE"));
        assert!(!a.has_word("møte") && !a.has_word("undersøkelser"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Oppstartsmøte for styringsgruppen"), "oppstartsmote-for-styringsgruppen");
        assert_eq!(slug("Evaluering av ståsted – justering"), "evaluering-av-stasted-justering");
        assert_eq!(slug("  Ærlig talt! "), "aerlig-talt");
        assert_eq!(slug("Café über Ålesund, Ørsta"), "cafe-uber-alesund-orsta");
    }

    #[test]
    fn cadences() {
        assert_eq!(parse_every("halvår"), Some(6));
        assert_eq!(parse_every("Every 6 months"), Some(6));
        assert_eq!(parse_every("hvert år"), Some(12));
        assert_eq!(parse_every("2 år"), Some(24));
        assert_eq!(parse_every("kvartalsvis"), Some(3));
        assert_eq!(parse_every("every 2 quarters"), Some(6));
        assert_eq!(parse_every("0 months"), None);
        assert_eq!(parse_every("sometimes"), None);
        for (words, months) in [
            ("årleg", 12),
            ("halvårleg", 6),
            ("kvar månad", 1),
            ("kvart år", 12),
            ("annakvart år", 24),
            ("annethvert år", 24),
            ("annenhver måned", 2),
            ("every other year", 24),
            ("hvert tredje år", 36),
            ("kvart tredje år", 36),
            ("every third year", 36),
            ("hver 2. måned", 2),
        ] {
            assert_eq!(parse_every(words), Some(months), "{words}");
        }
        assert_eq!(parse_every("annethvert 2 år"), None);
        assert_eq!(parse_every("hvert niende år"), None);
        assert_eq!(parse_count("4–8"), Some((4, 8)));
        assert_eq!(parse_count("8-4"), None);
        assert_eq!(parse_count("2"), Some((2, 2)));
        assert_eq!(Status::parse("Gjennomført"), Some(Status::Done));
        assert_eq!(Status::parse("nope"), None);
    }
}
