//! The plan format, described once: every table, the keys it takes, what each key's value may be and what it
//! means (in the words of docs/format.md).
//!
//! The loader ([`crate::load`]) takes the keys each table allows from here ([`keys`]), so a key is known to the
//! loader and to the JSON Schema at once. [`crate::export::json_schema`] turns the description into a JSON
//! Schema (draft-07) for editors: Even Better TOML / taplo read it through a `#:schema` directive on a plan's first line, and
//! `implan schema` prints it. The repository ships it as `implan.schema.json`; a test keeps that file current.
//!
//! The schema is an editor's help, not a second checker: it knows the keys, the types, the closed sets of words
//! (statuses, languages, rule levels, cadence periods) and which keys go together, but not what the loader reads
//! in a string (`"mars 2026"`, `"6 måneder"`), nor what the rules check.

/// A key of a table.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub value: Value,
    /// One line on what it means.
    pub doc: &'static str,
}

/// What a key's value may be.
#[derive(Debug)]
pub enum Value {
    /// Any string on one line: a name, a title, an id.
    String,
    /// Free text that may span lines (notes, descriptions): line breaks and tabs are part of it.
    Text,
    /// One value, or a list of them: `owner = "rektorer"` or `owner = ["rektorer", "prosjektleder"]`.
    OneOrList(&'static Value),
    /// Any `when` form: a string (`"mars 2026"`, `"høst 2026"`, `"2026-03-12"`), a TOML date or date-time, or a
    /// year as an integer (`2026`).
    When,
    /// A day: a TOML date (or date-time), or a string that reads as one (`"2026-03-12"`).
    Day,
    /// A whole number from `min` to `max`.
    Integer { min: i64, max: i64 },
    /// true or false.
    Boolean,
    /// One of a closed set of words.
    Word(&'static Words),
    /// How many: a whole number (`4`) or a range (`"4-8"`, `"4–8"`).
    Count,
    /// Any of these.
    AnyOf(&'static [Value]),
    /// A table (`[name]`, or inline).
    Table(&'static Table),
    /// An array of tables (`[[name]]`), without the keys in `without` (which the loader knows there only to
    /// reject them with a better message).
    Tables { table: &'static Table, without: &'static [&'static str] },
    /// A table keyed by ids (or by `keys`, when the set is closed), every entry a `value`.
    Map { keys: Option<&'static Words>, value: &'static Value },
    /// The short form, a string that stands for the table's first key, or the table.
    StringOr(&'static Table),
}

/// A closed set of words.
#[derive(Debug)]
pub enum Words {
    /// Written here, in any letter case, with spaces around allowed. A word in `suffixed` may be followed by a
    /// locale's suffix after `_`, `-`, `.` or `@` (`nb_NO.UTF-8`).
    Fixed { words: &'static [&'static str], suffixed: &'static [&'static str] },
    /// The ids of [`crate::diag::RuleId::ALL`], exactly as written there.
    RuleIds,
    /// Month names as [`crate::when`] reads them, in any letter case, with a dot after allowed (`"sept."`).
    Months,
}

impl Words {
    /// Every word, in the order completion offers them.
    pub fn list(&self) -> Vec<&'static str> {
        match self {
            Words::Fixed { words, .. } => words.to_vec(),
            Words::RuleIds => crate::diag::RuleId::ALL.iter().map(|r| r.as_str()).collect(),
            Words::Months => crate::when::known_words().filter(|w| crate::when::month_word(w).is_some()).collect(),
        }
    }
}

/// A table of the format.
#[derive(Debug)]
pub struct Table {
    /// What the table is, in one line.
    pub doc: &'static str,
    /// Its keys, in the order the loader's "takes …" help lists them.
    pub keys: &'static [Key],
    /// Pairs of keys that cannot both be given.
    pub exclusive: &'static [[&'static str; 2]],
    /// Keys of which exactly one must be given (empty: no such rule).
    pub one_of: &'static [&'static str],
    /// Keys of which at least one must be given: a table with none of them says nothing (empty: no such rule).
    pub at_least_one: &'static [&'static str],
    /// Pairs `[a, b]`: `a` needs `b`.
    pub needs: &'static [[&'static str; 2]],
}

impl Table {
    const fn new(doc: &'static str, keys: &'static [Key]) -> Table {
        Table { doc, keys, exclusive: &[], one_of: &[], at_least_one: &[], needs: &[] }
    }
}

/// Whether a key, in whichever table, holds free text ([`Value::Text`]), where line breaks and tabs belong.
pub(crate) fn is_free_text(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut found = Vec::new();
        free_text_in(&DOCUMENT, &mut found);
        found.sort_unstable();
        found.dedup();
        found
    })
    .contains(&key)
}

fn free_text_in(table: &Table, found: &mut Vec<&'static str>) {
    for k in table.keys {
        free_text_value(k.name, &k.value, found);
    }
}

fn free_text_value(name: &'static str, value: &Value, found: &mut Vec<&'static str>) {
    match value {
        Value::Text => found.push(name),
        Value::OneOrList(v) | Value::Map { value: v, .. } => free_text_value(name, v, found),
        Value::AnyOf(vs) => vs.iter().for_each(|v| free_text_value(name, v, found)),
        Value::Table(t) | Value::Tables { table: t, .. } | Value::StringOr(t) => free_text_in(t, found),
        _ => {}
    }
}

/// The names of a table's keys, in order: what the loader accepts.
pub fn keys(table: &Table) -> Vec<&'static str> {
    table.keys.iter().map(|k| k.name).collect()
}

/// Words people write for a key (Bokmål, Nynorsk, English), with the keys they may mean, the likeliest
/// first. The format's keys are English; a project leader who writes `ansvarlig =` is told to write `owner`,
/// which no spelling distance would find.
pub(crate) const SYNONYMS: &[(&str, &[&str])] = &[
    ("ansvarlig", &["owner"]),
    ("ansvarleg", &["owner"]),
    ("ansvar", &["owner"]),
    ("responsible", &["owner"]),
    ("eier", &["owner"]),
    ("eigar", &["owner"]),
    ("dato", &["when", "start"]),
    ("tid", &["when"]),
    ("tidspunkt", &["when"]),
    ("tidsrom", &["when", "period"]),
    ("når", &["when"]),
    ("naar", &["when"]),
    ("date", &["when", "start"]),
    ("time", &["when"]),
    ("tittel", &["title"]),
    ("overskrift", &["title"]),
    ("navn", &["name", "title"]),
    ("namn", &["name", "title"]),
    ("fase", &["phase"]),
    ("roller", &["roles"]),
    ("mål", &["goal", "goals"]),
    ("delmål", &["goals"]),
    ("avhenger", &["after"]),
    ("avheng", &["after"]),
    ("etter", &["after"]),
    ("depends", &["after"]),
    ("depends-on", &["after"]),
    ("merknad", &["notes"]),
    ("merknader", &["notes"]),
    ("kommentar", &["notes"]),
    ("notat", &["notes"]),
    ("note", &["notes"]),
    ("comment", &["notes"]),
    ("deltakere", &["participants"]),
    ("deltakarar", &["participants"]),
    ("beskrivelse", &["description"]),
    ("skildring", &["description"]),
    ("slutt", &["end"]),
    ("sluttdato", &["end"]),
    ("startdato", &["start"]),
    ("kostnad", &["cost"]),
    ("pris", &["cost"]),
    ("frist", &["by"]),
    ("leder", &["lead"]),
    ("leiar", &["lead"]),
    ("medlemmer", &["members"]),
    ("språk", &["lang"]),
    ("intervall", &["every"]),
    ("hyppighet", &["every"]),
    ("type", &["kind"]),
    ("trinn", &["step", "steps"]),
    ("steg", &["step", "steps"]),
    ("rekkefølge", &["steps"]),
    ("rekkjefølgje", &["steps"]),
];

/// The key of `allowed` that `word` is a synonym of, if any.
pub(crate) fn synonym_of(word: &str, allowed: &[&str]) -> Option<&'static str> {
    let word = word.trim().to_lowercase();
    let (_, meant) = SYNONYMS.iter().find(|(w, _)| *w == word)?;
    meant.iter().copied().find(|k| allowed.contains(k))
}

const fn key(name: &'static str, value: Value, doc: &'static str) -> Key {
    Key { name, required: false, value, doc }
}

const fn required(name: &'static str, value: Value, doc: &'static str) -> Key {
    Key { name, required: true, value, doc }
}

const STRINGS: Value = Value::OneOrList(&Value::String);

/// `lang`: what [`crate::model::Lang::parse`] accepts.
pub static LANG: Words = Words::Fixed {
    words: &[
        "nb",
        "en",
        "no",
        "nob",
        "nn",
        "nno",
        "eng",
        "bokmål",
        "bokmal",
        "norsk",
        "norwegian",
        "nynorsk",
        "english",
        "engelsk",
    ],
    suffixed: &["nb", "no", "nob", "nn", "nno", "en", "eng"],
};

/// `audience`: what [`crate::model::Audience::parse`] accepts.
pub static AUDIENCE: Words = Words::Fixed {
    words: &[
        "ansatte",
        "tilsette",
        "personalet",
        "staff",
        "elever",
        "elevar",
        "barn",
        "pupils",
        "children",
        "foreldre",
        "parents",
        "alle",
        "everyone",
        "all",
    ],
    suffixed: &[],
};

/// `status`: what [`crate::model::Status::parse`] accepts.
pub static STATUS: Words = Words::Fixed {
    words: &[
        "planned",
        "in-progress",
        "done",
        "cancelled",
        "planlagt",
        "planlagd",
        "pågår",
        "i gang",
        "igang",
        "påbegynt",
        "ferdig",
        "gjennomført",
        "utført",
        "fullført",
        "avlyst",
        "kansellert",
        "utgår",
        "todo",
        "open",
        "in progress",
        "started",
        "ongoing",
        "completed",
        "canceled",
        "postponed",
        "deferred",
        "utsatt",
        "utsett",
    ],
    suffixed: &[],
};

/// A rule's level in `[lint.rules]`: what [`crate::lint::Level::parse`] accepts.
pub(crate) static LEVEL: Words =
    Words::Fixed { words: &["allow", "warn", "error", "off", "ignore", "warning", "deny"], suffixed: &[] };

/// `per` in `[[recurring]]`: what [`crate::model::parse_period_word`] accepts.
pub(crate) static PER: Words = Words::Fixed {
    words: &[
        "year",
        "term",
        "quarter",
        "month",
        "plan",
        "år",
        "halvår",
        "kvartal",
        "måned",
        "månad",
        "periode",
        "mnd",
        "semester",
        "avtaleår",
        "agreement year",
        "agreement-year",
        "skoleår",
        "skuleår",
        "school year",
        "school-year",
        "kalenderår",
        "calendar year",
        "calendar-year",
        "period",
        "planperiode",
    ],
    suffixed: &[],
};

/// Rule ids, in `allow` and as the keys of `[lint.rules]`.
pub(crate) static RULE_IDS: Words = Words::RuleIds;

/// Month names, in `summer-months`.
pub(crate) static MONTHS: Words = Words::Months;

/// The file as a whole.
pub(crate) static DOCUMENT: Table = Table::new(
    "An implementation plan, as implan reads it (docs/format.md).",
    &[
        required("plan", Value::Table(&PLAN), "The plan's title, organisation, period, language and owner."),
        key(
            "roles",
            Value::Map { keys: None, value: &Value::StringOr(&ROLE) },
            "One entry per role, keyed by the role's id: the display name, or a table with name, lead, members and description.",
        ),
        key("goal", Value::Table(&GOAL), "The overall goal, with its sub-goals."),
        key(
            "component",
            Value::Tables { table: &COMPONENT, without: &[] },
            "The core components of the model, in order.",
        ),
        key("phase", Value::Tables { table: &PHASE, without: &[] }, "Phases in chronological order."),
        key(
            "activity",
            Value::Tables { table: &ACTIVITY, without: &[] },
            "Activities written at the top level, with a `phase` key (or none, for work that belongs to no phase).",
        ),
        key(
            "recurring",
            Value::Tables { table: &REQUIREMENT, without: &[] },
            "Recurring requirements the plan promises; the `cadence` and `requirement-count` rules check that the schedule keeps them.",
        ),
        key(
            "requirement",
            Value::Tables { table: &REQUIREMENT, without: &[] },
            "Obligations of an agreement: counts, deadlines, windows, quotas, required participants (the same keys as [[recurring]]).",
        ),
        key(
            "agreement",
            Value::Table(&AGREEMENT),
            "The agreement the plan carries out: its start and length in years.",
        ),
        key("budget", Value::Table(&BUDGET), "What the plan may cost, in all and per calendar year (whole kroner)."),
        key("lint", Value::Table(&LINT), "Rule levels and rule options for this plan, stronger than an implan.toml's."),
        key(
            "calendar",
            Value::Table(&CALENDAR),
            "The municipality's school calendar (skolerute), stronger than an implan.toml's; the defaults are the usual pattern.",
        ),
    ],
);

/// `[plan]`.
pub static PLAN: Table = Table::new(
    "The plan as a whole.",
    &[
        required("title", Value::String, "The plan's name."),
        key("org", Value::String, "The municipality or organisation that owns the plan (\"Beiarn kommune\")."),
        required(
            "start",
            Value::When,
            "When the plan starts: any `when` value (\"vår 2026\", \"mars 2026\", 2026-03-12, 2026); the plan starts on its first day.",
        ),
        required(
            "end",
            Value::When,
            "When the plan ends: any `when` value; the plan ends on its last day (end = \"2028\" is 31 December 2028).",
        ),
        key(
            "lang",
            Value::Word(&LANG),
            "\"nb\" (Norwegian Bokmål, the default), \"nn\" (Norwegian Nynorsk) or \"en\": the language of printed views.",
        ),
        key("owner", Value::String, "The role that owns the plan (a role id or display name)."),
        key("description", Value::Text, "Free text."),
        key(
            "steps",
            STRINGS,
            "The core components as ordered steps, one building on the one before: component ids, the first is step 1 (or `step` on each [[component]]).",
        ),
    ],
);

/// `[agreement]`.
pub static AGREEMENT: Table = Table::new(
    "An agreement the plan carries out (\"3 år, kan forlenges\"): agreement year 1 starts at `start`.",
    &[
        key("start", Value::When, "When agreement year 1 starts (default: the plan's start)."),
        key(
            "years",
            Value::Integer { min: 1, max: 50 },
            "How many years it runs; leave out for an open-ended agreement.",
        ),
        key("extendable", Value::Boolean, "Whether it can be extended (\"kan forlenges\")."),
        key("notes", Value::Text, "Free text."),
    ],
);

/// `cost` on an activity or a requirement, written as a table.
pub static COST: Table = Table::new(
    "A cost: an amount in whole kroner for each unit.",
    &[
        required("amount", Value::Integer { min: 0, max: 1_000_000_000 }, "Kroner for one unit (300)."),
        key("per", Value::String, "What one unit is, for the reader (\"sett\", \"deltaker\")."),
        key(
            "units",
            Value::Integer { min: 0, max: 1_000_000 },
            "How many units (40 sets); default: the activity's places, else 1.",
        ),
    ],
);

const COST_VALUE: Value = Value::AnyOf(&[Value::Integer { min: 0, max: 1_000_000_000 }, Value::Table(&COST)]);

/// `[budget]`.
pub static BUDGET: Table = Table::new(
    "The plan's budget.",
    &[
        key("total", Value::Integer { min: 0, max: 1_000_000_000_000 }, "The whole plan's budget, in kroner."),
        key(
            "years",
            Value::Map { keys: None, value: &Value::Integer { min: 0, max: 1_000_000_000_000 } },
            "The budget per calendar year: years = { 2026 = 40000, 2027 = 60000 }.",
        ),
        key("currency", Value::String, "The currency (default NOK), for the reader."),
        key("notes", Value::Text, "Free text."),
    ],
);

/// A role in `[roles]`, written as a table.
pub static ROLE: Table = Table::new(
    "A role: who is responsible for activities.",
    &[
        required("name", Value::String, "The display name (\"Kommunalsjef for oppvekst og læring\")."),
        key("lead", Value::String, "The role that leads this one; the lead counts as a member."),
        key("members", STRINGS, "Roles this role is made of (a steering group of principals, kindergarten heads …)."),
        key("description", Value::Text, "What the role is responsible for."),
    ],
);

/// `[goal]`.
pub static GOAL: Table = Table::new(
    "The overall goal, with its sub-goals.",
    &[
        required("id", Value::String, "The overall goal's id; activities may name it in `goals`."),
        required("text", Value::String, "The goal as the plan states it."),
        key(
            "sub",
            Value::Map { keys: None, value: &Value::StringOr(&SUB_GOAL) },
            "The sub-goals, keyed by id: the text, or a table with text and description.",
        ),
    ],
);

/// A sub-goal in `[goal.sub]`, written as a table.
pub static SUB_GOAL: Table = Table::new(
    "A sub-goal; activities name it by its id in `goals`.",
    &[
        required("text", Value::String, "The sub-goal as the plan states it."),
        key("description", Value::Text, "More about the sub-goal."),
    ],
);

/// `[[component]]`.
pub static COMPONENT: Table = Table::new(
    "A core component of the model.",
    &[
        required("id", Value::String, "The component's id; activities name it in `components`."),
        required("name", Value::String, "The display name."),
        key("summary", Value::String, "One line on what it is about."),
        key("contents", STRINGS, "A list of strings: what the component holds."),
        key(
            "step",
            Value::Integer { min: 1, max: 100 },
            "Its step, when the components are steps that build on each other (1 first); components may share a step. Or list them in [plan] `steps`.",
        ),
    ],
);

/// `[[phase]]`.
pub static PHASE: Table = Table::new(
    "A phase of the plan, with its activities.",
    &[
        required("id", Value::String, "The phase's id; top-level activities name it in `phase`."),
        required("name", Value::String, "The display name (\"Oppstartsfase\")."),
        required(
            "period",
            Value::String,
            "The period as the plan writes it: one `when` value (\"Vår 2025\"), or two joined by a dash or a word (\"Høst 2026 – Vår 2028\").",
        ),
        key(
            "start",
            Value::When,
            "An explicit start (any `when` value), when the period is not a date (\"Oppstart\") or is not precise enough.",
        ),
        key("end", Value::When, "An explicit end (any `when` value); with `start`, it decides the phase's span."),
        key("goal", Value::String, "The phase goal."),
        key(
            "activity",
            Value::Tables { table: &ACTIVITY, without: &["phase"] },
            "The phase's activities, as [[phase.activity]] tables.",
        ),
    ],
);

/// `[[activity]]` and `[[phase.activity]]`. `phase` is known in both so that the loader can say why it does not
/// belong inside a phase; the schema leaves it out of `[[phase.activity]]`.
pub static ACTIVITY: Table = Table {
    doc: "An activity: what is done, when, and who is responsible.",
    keys: &[
        key(
            "id",
            Value::String,
            "A stable id; without one, the id is derived from the title. Give one when other activities depend on this one.",
        ),
        required("title", Value::String, "What is done."),
        required(
            "when",
            Value::When,
            "When it happens: \"2026-03-12\", 2026-03-12, \"mars 2026\", \"høst 2026\", \"2026\", \"2026-04-21 18:00-19:30\" …",
        ),
        key("end", Value::When, "For work that runs over time: when it ends (any `when` value)."),
        key(
            "duration",
            Value::String,
            "Instead of `end`: \"3 dager\", \"3 days\", \"2 uker\", \"6 måneder\", \"6 months\".",
        ),
        key(
            "owner",
            STRINGS,
            "The responsible role, or a list of roles (the `missing-owner` rule reports an activity without one).",
        ),
        key("phase", Value::String, "The phase it belongs to (only for top-level [[activity]])."),
        key("components", STRINGS, "The core components it introduces or serves."),
        key("goals", STRINGS, "The goals (sub-goals or the overall goal) it serves."),
        key("after", STRINGS, "The activities it depends on: it cannot happen before they have started."),
        key(
            "kind",
            Value::String,
            "A word saying what kind of activity it is (\"evaluering\", \"survey\", \"møte\"); recurring requirements match on it.",
        ),
        key("tags", STRINGS, "More words for recurring requirements to match on."),
        key(
            "audience",
            Value::Word(&AUDIENCE),
            "Who it is for: \"ansatte\" (staff), \"elever\" (pupils), \"foreldre\" (parents) or \"alle\"; holiday-conflict lets staff work on planning days.",
        ),
        key(
            "places",
            Value::Integer { min: 0, max: 100_000 },
            "Places it takes (trainer-education places, seats at a gathering), for quotas.",
        ),
        key("participants", STRINGS, "Roles taking part without being responsible, for required participation."),
        key("cost", COST_VALUE, "What it costs: kroner (300), or { amount = 300, per = \"sett\", units = 40 }."),
        key(
            "status",
            Value::Word(&STATUS),
            "planned (default), in-progress, done, cancelled or postponed; Norwegian: planlagt, pågår, gjennomført, avlyst, utsatt.",
        ),
        key("done", Value::Day, "The day it was done; without `status`, it means status = \"done\"."),
        key(
            "postponed-from",
            Value::When,
            "When it was to happen before it was postponed (`implan postpone` writes it, and keeps the first one).",
        ),
        key("reason", Value::Text, "Why it was postponed or cancelled, in a sentence for the steering group."),
        key("notes", Value::Text, "Free text."),
        key(
            "allow",
            Value::OneOrList(&Value::Word(&RULE_IDS)),
            "Rules whose findings about this activity are accepted (allow = [\"idle-gap\"]); give the reason in a comment.",
        ),
    ],
    exclusive: &[["end", "duration"]],
    one_of: &[],
    at_least_one: &[],
    needs: &[],
};

/// `[[requirement]]`, or `[[recurring]]`: the same table by either name.
pub static REQUIREMENT: Table = Table {
    doc: "A recurring requirement the plan promises: \"half-yearly evaluation meetings\", \"4–8 meetings a year\".",
    keys: &[
        required("id", Value::String, "The requirement's id."),
        required("title", Value::String, "The requirement as the plan states it."),
        required("kind", Value::String, "Matches activities whose `kind` is this word, or whose `tags` hold it."),
        key("owner", Value::String, "Matches only activities for which this role is responsible."),
        key(
            "every",
            Value::String,
            "The longest allowed time between two matching activities: \"6 months\", \"halvår\", \"år\", \"kvartal\", \"2 år\".",
        ),
        key(
            "count",
            Value::AnyOf(&[Value::Count, Value::OneOrList(&Value::Count)]),
            "How many matching activities each period must hold: 4, a range \"4-8\", or one per period [4, 2, 2] (the last repeats). Goes with `per`.",
        ),
        key(
            "per",
            Value::Word(&PER),
            "The period for `count`: år (12 months from `from`), avtaleår, skoleår (August–July), kalenderår, halvår (school terms), kvartal, måned, or plan (the whole span).",
        ),
        key("from", Value::When, "When the requirement starts to apply (any `when` value; default: the plan's start)."),
        key("until", Value::When, "When it stops applying (any `when` value; default: the plan's end)."),
        key("notes", Value::Text, "Free text."),
        key(
            "by",
            Value::When,
            "A deadline: a matching activity must happen by then (\"23.10.2020\", \"første avtaleår\").",
        ),
        key(
            "within",
            Value::When,
            "A window: matching activities must happen in it, and one must (\"år 2 eller 3\", \"høst 2026\").",
        ),
        key("before", Value::String, "An activity id: matching activities must end before it starts."),
        key("quota", Value::Integer { min: 0, max: 100_000 }, "At most this many `places` over the period."),
        key(
            "quota-each",
            Value::Integer { min: 0, max: 100_000 },
            "At most this many `places` on each matching activity.",
        ),
        key("participants", STRINGS, "Roles that must take part (as owner or participant) in every matching activity."),
        key(
            "advisory",
            Value::Boolean,
            "A recommendation rather than an obligation (\"vi anbefaler\", \"det gis anledning til\"): its findings are warnings, not errors.",
        ),
        key(
            "survey",
            Value::String,
            "A national survey with its usual round and cadence, all yearly but Ungdata: \"elevundersøkelsen\" (Nynorsk \"elevundersøkinga\"; the mandatory autumn round, October–December), \"elevundersøkelsen-vår\" (the voluntary spring round, February–June), \"foreldreundersøkelsen-skole\" (\"foreldreundersøkinga-skule\"; either round, October–June; \"-høst\" October–January, \"-vår\" February–June), \"foreldreundersøkelsen-barnehage\" (November–December), \"ståstedsanalysen\" (open August–June), \"ungdata\" (every third year). The old \"foreldreundersøkelsen\" still means the kindergarten survey, with a warning.",
        ),
        key(
            "months",
            Value::OneOrList(&MONTH),
            "The months matching activities must start in (overrides a survey's window).",
        ),
        key(
            "cost",
            COST_VALUE,
            "A cost every matching activity carries: { amount = 2000, per = \"deltaker\" } (units default to its places).",
        ),
    ],
    exclusive: &[["every", "count"]],
    one_of: &[],
    // What a requirement asks of the activities it matches: without any of these it asks nothing.
    at_least_one: &[
        "every",
        "count",
        "by",
        "within",
        "before",
        "quota",
        "quota-each",
        "participants",
        "survey",
        "months",
        "cost",
    ],
    needs: &[["count", "per"], ["per", "count"]],
};

const MONTH_DAY: Value = Value::String;
const BREAK_VALUE: Value =
    Value::AnyOf(&[Value::Integer { min: 1, max: 53 }, Value::String, Value::Boolean, Value::OneOrList(&MONTH_DAY)]);
const DAYS: Value = Value::OneOrList(&Value::Day);

/// `[calendar]`.
pub static CALENDAR: Table = Table::new(
    "The school calendar: a pattern for every year, and the school years the municipality has published.",
    &[
        key(
            "first-school-day",
            MONTH_DAY,
            "The first school day, every year: \"19. august\" or \"08-19\" (default 16 August).",
        ),
        key("last-school-day", MONTH_DAY, "The last school day, every year: \"19. juni\" (default 19 June)."),
        key(
            "autumn-break",
            BREAK_VALUE,
            "Høstferie, every year: a week (\"uke 41\" or 41), some of its days (\"onsdag–fredag uke 41\"), its first and last date ([\"9. oktober\", \"11. oktober\"]), or false (default week 40).",
        ),
        key("winter-break", BREAK_VALUE, "Vinterferie, every year, written as autumn-break is (default week 8)."),
        key(
            "christmas-break",
            Value::OneOrList(&MONTH_DAY),
            "Juleferie, its first and last day: [\"21. desember\", \"2. januar\"] (the default).",
        ),
        key(
            "easter-break",
            Value::Boolean,
            "Whether the schools close from the Monday of Holy Week to 2. påskedag (default true).",
        ),
        key(
            "skolerute",
            Value::String,
            "The municipality's published school calendar, an iCalendar file (.ics), relative to this file: its school years are stated whole.",
        ),
        key(
            "school-year",
            Value::Tables { table: &SCHOOL_YEAR, without: &[] },
            "A school year as the municipality publishes it; it replaces the pattern from its first school day to its last.",
        ),
    ],
);

/// `[[calendar.school-year]]`.
pub static SCHOOL_YEAR: Table = Table::new(
    "One school year as the municipality publishes it.",
    &[
        required("first-day", Value::Day, "The first school day (2026-08-19)."),
        required("last-day", Value::Day, "The last school day (2027-06-18)."),
        key(
            "breaks",
            Value::Tables { table: &BREAK, without: &[] },
            "Every break: [{ name = \"Høstferie\", from = 2026-10-07, to = 2026-10-09 }, …].",
        ),
        key("planning-days", DAYS, "Planning days (planleggingsdager): pupils are off, staff at work."),
        key("days-off", DAYS, "Extra days off, such as the Friday after Kristi himmelfartsdag."),
    ],
);

/// A break of a stated school year.
pub static BREAK: Table = Table::new(
    "A break or days off, first and last day.",
    &[
        required("name", Value::String, "Its name as the municipality writes it (\"Høstferie\")."),
        required("from", Value::Day, "The first day off."),
        key("to", Value::Day, "The last day off (default: the first)."),
    ],
);

/// `[lint]`.
pub static LINT: Table = Table::new(
    "Rule levels and rule options.",
    &[
        key(
            "rules",
            Value::Map { keys: Some(&RULE_IDS), value: &Value::Word(&LEVEL) },
            "Rule levels, by rule id: \"allow\" (off), \"warn\" or \"error\".",
        ),
        key("options", Value::Table(&LINT_OPTIONS), "Options of the idle-gap and cadence rules."),
    ],
);

const MONTH: Value = Value::AnyOf(&[Value::Integer { min: 1, max: 12 }, Value::Word(&MONTHS)]);

/// `[lint.options]`.
pub static LINT_OPTIONS: Table = Table::new(
    "Options of the idle-gap and cadence rules.",
    &[
        key(
            "idle-gap-months",
            Value::Integer { min: 1, max: 24 },
            "idle-gap: the longest stretch, in counted months, that may pass without an activity (default 4).",
        ),
        key(
            "summer-months",
            Value::OneOrList(&MONTH),
            "idle-gap: months that are holiday and not counted, as numbers (7) or names (\"juli\") (default [7]).",
        ),
        key(
            "cadence-tolerance",
            Value::Integer { min: 0, max: 12 },
            "cadence: months of slack on `every` (\"every 6 months\" with tolerance 1 accepts 7) (default 0).",
        ),
        key(
            "owner-overload-max",
            Value::Integer { min: 1, max: 100 },
            "owner-overload: the most activities one role may start in one month (default 4).",
        ),
        key(
            "autumn-break-week",
            Value::Integer { min: 1, max: 53 },
            "holiday-conflict: the ISO week of the autumn break (høstferie) (default 40).",
        ),
        key(
            "winter-break-week",
            Value::Integer { min: 1, max: 53 },
            "holiday-conflict: the ISO week of the winter break (vinterferie) (default 8).",
        ),
    ],
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Status, parse_period_word};

    fn tables_in(table: &'static Table, found: &mut Vec<&'static Table>) {
        found.push(table);
        for k in table.keys {
            tables_in_value(&k.value, found);
        }
    }

    fn tables_in_value(value: &'static Value, found: &mut Vec<&'static Table>) {
        match value {
            Value::OneOrList(v) | Value::Map { value: v, .. } => tables_in_value(v, found),
            Value::AnyOf(vs) => vs.iter().for_each(|v| tables_in_value(v, found)),
            Value::Table(t) | Value::Tables { table: t, .. } | Value::StringOr(t) => tables_in(t, found),
            _ => {}
        }
    }

    // The rules between keys (`exclusive`, `one_of`, `at_least_one`, `needs`) name keys of their own table: a
    // misspelt name there would make the rule hold for no plan.
    #[test]
    fn the_rules_between_keys_name_keys_of_their_table() {
        let mut tables = Vec::new();
        tables_in(&DOCUMENT, &mut tables);
        let mut named = 0;
        for table in tables {
            let names = keys(table);
            let rules = table.exclusive.iter().chain(table.needs).flatten();
            for name in rules.chain(table.one_of).chain(table.at_least_one) {
                assert!(names.contains(name), "{name} is not a key of {:?}", table.doc);
                named += 1;
            }
        }
        assert!(named >= 16, "the walk reached the tables with such rules ({named} names)");
        assert_eq!(REQUIREMENT.at_least_one.len(), 11);
    }

    #[test]
    fn every_synonym_means_a_key_and_is_none() {
        let mut tables = Vec::new();
        tables_in(&DOCUMENT, &mut tables);
        let all: Vec<&str> = tables.iter().flat_map(|t| keys(t)).collect();
        for (word, meant) in SYNONYMS {
            assert!(!all.contains(word), "{word} is a key itself");
            assert!(!meant.is_empty() && meant.iter().all(|k| all.contains(k)), "{word}: {meant:?}");
        }
        let activity = keys(&ACTIVITY);
        assert_eq!(synonym_of("Ansvarlig", &activity), Some("owner"));
        assert_eq!(synonym_of("dato", &activity), Some("when"));
        assert_eq!(synonym_of("dato", &keys(&PLAN)), Some("start"));
        assert_eq!(synonym_of("mål", &activity), Some("goals"));
        assert_eq!(synonym_of("mål", &keys(&DOCUMENT)), Some("goal"));
        assert_eq!(synonym_of("ansvarlig", &keys(&PLAN)), Some("owner"));
        assert_eq!(synonym_of("frist", &activity), None, "a deadline is a requirement's, not an activity's");
        assert_eq!(synonym_of("ownr", &activity), None);
        assert_eq!(synonym_of("trinn", &keys(&COMPONENT)), Some("step"));
        assert_eq!(synonym_of("Trinn", &keys(&PLAN)), Some("steps"));
    }

    #[test]
    fn free_text_keys_are_those_of_text_values() {
        for key in ["description", "notes"] {
            assert!(is_free_text(key), "{key}");
        }
        for key in ["title", "name", "id", "owner", "when", "lint"] {
            assert!(!is_free_text(key), "{key}");
        }
    }

    #[test]
    fn every_key_implan_set_edits_is_an_activity_key() {
        let keys = keys(&ACTIVITY);
        for key in crate::edit::EDITABLE {
            assert!(keys.contains(key), "{key}");
        }
    }

    #[test]
    fn the_loader_takes_the_keys_in_this_order() {
        // The loader's "… takes 'id', 'title', …" help lists them in this order, and snapshots show it.
        assert_eq!(
            keys(&DOCUMENT),
            [
                "plan",
                "roles",
                "goal",
                "component",
                "phase",
                "activity",
                "recurring",
                "requirement",
                "agreement",
                "budget",
                "lint",
                "calendar"
            ]
        );
        assert_eq!(keys(&PLAN), ["title", "org", "start", "end", "lang", "owner", "description", "steps"]);
        assert_eq!(keys(&ROLE), ["name", "lead", "members", "description"]);
        assert_eq!(keys(&GOAL), ["id", "text", "sub"]);
        assert_eq!(keys(&SUB_GOAL), ["text", "description"]);
        assert_eq!(keys(&COMPONENT), ["id", "name", "summary", "contents", "step"]);
        assert_eq!(keys(&PHASE), ["id", "name", "period", "start", "end", "goal", "activity"]);
        assert_eq!(
            keys(&ACTIVITY),
            [
                "id",
                "title",
                "when",
                "end",
                "duration",
                "owner",
                "phase",
                "components",
                "goals",
                "after",
                "kind",
                "tags",
                "audience",
                "places",
                "participants",
                "cost",
                "status",
                "done",
                "postponed-from",
                "reason",
                "notes",
                "allow"
            ]
        );
        assert_eq!(
            keys(&REQUIREMENT),
            [
                "id",
                "title",
                "kind",
                "owner",
                "every",
                "count",
                "per",
                "from",
                "until",
                "notes",
                "by",
                "within",
                "before",
                "quota",
                "quota-each",
                "participants",
                "advisory",
                "survey",
                "months",
                "cost"
            ]
        );
        assert_eq!(keys(&LINT), ["rules", "options"]);
        assert_eq!(
            keys(&LINT_OPTIONS),
            [
                "idle-gap-months",
                "summer-months",
                "cadence-tolerance",
                "owner-overload-max",
                "autumn-break-week",
                "winter-break-week"
            ]
        );
    }

    #[test]
    fn every_word_the_schema_offers_the_loader_reads() {
        type Reads = fn(&str) -> bool;
        let cases: [(&Words, Reads); 4] = [
            (&LANG, |w| Lang::parse(w).is_some()),
            (&STATUS, |w| Status::parse(w).is_some()),
            (&LEVEL, |w| crate::lint::Level::parse(w).is_some()),
            (&PER, |w| parse_period_word(w).is_some()),
        ];
        for (words, reads) in cases {
            for w in words.list() {
                for written in [w.to_string(), w.to_uppercase(), format!(" {w} ")] {
                    assert!(reads(&written), "the loader does not read {written:?}");
                }
            }
        }
        assert!(MONTHS.list().contains(&"juli") && MONTHS.list().contains(&"dec"));
        assert!(!MONTHS.list().contains(&"vår"), "seasons are not months");
    }
}
