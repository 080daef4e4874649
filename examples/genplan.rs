//! Prints a plan with N activities to stdout, for benchmarks and stress tests.
//!
//! ```text
//! cargo run --release --example genplan -- 100000 > /tmp/plan-100k.toml
//! cargo run --release --example genplan -- 10000 --broken > /tmp/broken-10k.toml
//! ```
//!
//! The plan is a large municipality's ten-year programme: 20 school terms as phases, a principal and a team
//! per school as roles (enough schools that no role carries more than two activities a month), the Omni
//! model's seven components as its steps, four sub-goals, a dependency from each activity to the same school's
//! previous one, a day-dated activity on a school day each month, and recurring requirements that the schedule keeps:
//! half-yearly evaluations, the yearly Elevundersøkelsen, 4–8 meetings with the centre per agreement year with
//! the project leader present, a core group within the first agreement year, a quota of trainer places, costs
//! within a budget. It checks clean.
//!
//! `--broken` injects, at one activity in fifty and once each in the plan's head, a problem for every
//! rule that checks a loaded plan (all but `invalid-toml` and `invalid-plan`). `--broken=load` injects loader
//! errors instead (unknown keys, impossible dates, wrong types: `invalid-plan`), and `--broken=toml` a syntax
//! error on the last line (`invalid-toml`). They are separate because a file the loader rejects gets no rule
//! findings: implan does not reason about a plan its writer did not mean.
//!
//! `--long-texts` makes another plan instead: a small one whose every kind of text is N characters long without a
//! space (the plan's title, a role's name, a phase's name, activity titles, one in 'æ'), with a responsible role
//! and a dependency each one letter off a long name, so that "did you mean" compares long names: what takes
//! time quadratic in a text's length shows there (`benches/implan.rs`, group `long_text`).
//!
//! The output is deterministic: the same arguments give the same bytes.

use chrono::NaiveDate;
use implan::calendar::{Calendar, SchoolHolidays};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage: genplan N [--broken | --broken=rules | --broken=load | --broken=toml]
       genplan N --long-texts
  N          number of activities, at least 550 (5 per school month over ten school years);
             with --long-texts, the length of each long text";

/// Ten school years, August 2026 – June 2036.
const FIRST_YEAR: i32 = 2026;
const SCHOOL_YEARS: i32 = 10;
/// August to June: July is the summer holiday and belongs to no term.
const SCHOOL_MONTHS: [u32; 11] = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6];
const COMPONENTS: [(&str, &str); 7] = [
    ("perspektiv", "Omni-perspektivet"),
    ("verdigrunnlag", "Verdigrunnlag"),
    ("omni-trappa", "Omni-trappa"),
    ("kartlegging", "Kartlegging"),
    ("tiltak", "Tiltak"),
    ("analysekompetanse", "Analysekompetanse"),
    ("foreldresamarbeid", "Foreldresamarbeid"),
];
const SUB_GOALS: [(&str, &str); 4] = [
    ("mobbing", "Redusere mobbing og krenkelser."),
    ("trivsel", "Øke trivselen i barnehager og skoler."),
    ("foreldre", "Involvere foreldrene aktivt."),
    ("kompetanse", "Styrke de ansattes kompetanse."),
];
/// What a school does in a month, by position in its year.
const TOPICS: [&str; 12] = [
    "Personalmøte om",
    "Refleksjonsmøte om",
    "Kollegaveiledning i",
    "Foreldremøte om",
    "Elevrådsmøte om",
    "Planlegging av tiltak for",
    "Oppfølging av",
    "Observasjon i klasserommet:",
    "Samtaler med elever om",
    "Teammøte om",
    "Nettverksmøte om",
    "Erfaringsdeling om",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    No,
    Rules,
    Load,
    Toml,
}

fn main() -> ExitCode {
    let mut n = None;
    let mut broken = Broken::No;
    let mut long = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--long-texts" => long = true,
            "--broken" | "--broken=rules" => broken = Broken::Rules,
            "--broken=load" => broken = Broken::Load,
            "--broken=toml" => broken = Broken::Toml,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s => match s.replace('_', "").parse::<usize>() {
                Ok(v) if n.is_none() => n = Some(v),
                _ => {
                    eprintln!("error: unexpected argument '{s}'\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
        }
    }
    let Some(n) = n else {
        eprintln!("error: the number of activities is missing\n{USAGE}");
        return ExitCode::from(2);
    };
    let months = school_months();
    if long {
        return print(&long_texts(n));
    }
    if n < 5 * months.len() {
        eprintln!("error: N must be at least {} (5 per school month), not {n}\n{USAGE}", 5 * months.len());
        return ExitCode::from(2);
    }
    print(&generate(n, broken))
}

fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the plan: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A small plan whose texts are each `n` characters long, without a space: see the module's docs. It loads, and
/// its findings are an unknown role and an unknown dependency, each with a long name to suggest.
pub fn long_texts(n: usize) -> String {
    let long = |c: char| c.to_string().repeat(n);
    let off_by_one =
        |c: char| format!("{}{}", c.to_string().repeat(n.saturating_sub(1)), if c == 'R' { 'S' } else { 'b' });
    format!(
        "[plan]\ntitle = \"{plan}\"\norg = \"{org}\"\nstart = \"januar 2026\"\nend = \"desember 2026\"\n\n\
         [roles]\npl = \"{role}\"\nsg = {{ name = \"Styringsgruppe\", members = [\"pl\"] }}\n\n\
         [[phase]]\nid = \"p\"\nname = \"{phase}\"\nperiod = \"Vår 2026\"\ngoal = \"{goal}\"\n\n\
         [[phase.activity]]\ntitle = \"{title}\"\nwhen = \"2026-03-12\"\nowner = \"pl\"\ncost = 100\n\n\
         [[phase.activity]]\ntitle = \"{ae}\"\nwhen = \"april 2026\"\nowner = [\"sg\", \"{owner_typo}\"]\nnotes = \"{notes}\"\n\n\
         [[activity]]\ntitle = \"Oppfølging\"\nwhen = \"september 2026\"\nowner = \"pl\"\nafter = [\"{after_typo}\"]\n",
        plan = long('P'),
        org = long('O'),
        role = long('R'),
        phase = long('F'),
        goal = long('G'),
        title = long('a'),
        ae = long('æ'),
        owner_typo = off_by_one('R'),
        notes = long('N'),
        after_typo = off_by_one('a'),
    )
}

/// Every school month of the plan, in order, as (year, month).
fn school_months() -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    for sy in 0..SCHOOL_YEARS {
        for m in SCHOOL_MONTHS {
            // August–December are in the school year's first calendar year.
            let year = FIRST_YEAR + sy + i32::from(m < 8);
            out.push((year, m));
        }
    }
    out
}

/// The term a school month belongs to: (label for the phase, index of the term).
fn term_of(year: i32, month: u32) -> (String, i32) {
    if month >= 8 {
        (format!("Høst {year}"), (year - FIRST_YEAR) * 2)
    } else {
        (format!("Vår {year}"), (year - FIRST_YEAR) * 2 - 1)
    }
}

/// The first school day from the 10th of the month on: a weekday that is neither a public holiday nor in a
/// school holiday, so that the day-dated activities keep `holiday-conflict` quiet.
fn school_day(calendar: &Calendar, year: i32, month: u32) -> NaiveDate {
    let mut day = NaiveDate::from_ymd_opt(year, month, 10).expect("the 10th exists in every month");
    // A conflict is a public holiday, a school holiday or a weekend.
    while calendar.conflict(day).is_some() {
        day = day.succ_opt().expect("plan years are far from chrono's limits");
    }
    day
}

pub fn generate(n: usize, broken: Broken) -> String {
    let months = school_months();
    let per_month_max = n.div_ceil(months.len());
    // Every school does two activities a month at most, so no role carries more than owner-overload's 4.
    let schools = per_month_max.div_ceil(2).max(4);
    let calendar = Calendar::new(FIRST_YEAR, FIRST_YEAR + SCHOOL_YEARS + 2, &SchoolHolidays::default());
    let rules = broken == Broken::Rules;
    let mut s = String::with_capacity(n * 330 + schools * 120 + 8192);

    let last_year = FIRST_YEAR + SCHOOL_YEARS;
    // --broken: a year longer than the activities reach, for idle-gap, cadence and requirement-count.
    let end_year = if rules { last_year + 1 } else { last_year };
    // --broken: no #:schema line, for missing-schema (where the plan is checked beside a schema).
    if !rules {
        s.push_str("#:schema ../implan.schema.json\n");
    }
    let _ = write!(
        s,
        "# Generated by `cargo run --release --example genplan -- {n}{}`: a benchmark plan, not a real programme.\n\n\
         [plan]\n\
         title = \"Omni-modellen i Storby kommune ({n} aktiviteter)\"\n\
         org = \"Storby kommune\"\n\
         start = \"august {FIRST_YEAR}\"\n\
         end = \"vår {end_year}\"\n\
         lang = \"nb\"\n\
         owner = \"kommunalsjef\"\n\n\
         [agreement]\n\
         start = \"august {FIRST_YEAR}\"\n\
         years = {SCHOOL_YEARS}\n\n\
         [budget]\n\
         total = {}\n",
        match broken {
            Broken::No => "",
            Broken::Rules => " --broken",
            Broken::Load => " --broken=load",
            Broken::Toml => " --broken=toml",
        },
        // Every 10th activity costs 5,000; trainer places 2,000 each (2 a year).
        (n / 10 + 1) * 5_000 + SCHOOL_YEARS as usize * 4_000 + 1_000_000,
    );
    if rules {
        // over-budget: one year's budget far below what it costs.
        let _ = writeln!(s, "years = {{ {} = 1000 }}", FIRST_YEAR + 1);
    }
    s.push_str(
        "\n[roles]\n\
         kommunalsjef = \"Kommunalsjef for oppvekst\"\n\
         prosjektleder = { name = \"Prosjektleder\", description = \"Leder implementeringsarbeidet.\" }\n\
         omni-senteret = \"Omni-senteret\"\n",
    );
    if rules {
        s.push_str("vaktmester = \"Vaktmester\"\n"); // unused-role
        s.push_str("Vaktmester = \"Vaktmester ved skolene\"\n"); // suspicious-text: the same in another case
    }
    for k in 0..schools {
        let _ = writeln!(
            s,
            "rektor-{k:05} = {{ name = \"Rektor, Storby skole {k}\" }}\nteam-{k:05} = {{ name = \"Ressursteam, Storby skole {k}\", lead = \"rektor-{k:05}\" }}"
        );
    }
    s.push_str(
        "\n[roles.styringsgruppe]\nname = \"Styringsgruppe\"\nlead = \"kommunalsjef\"\nmembers = [\"prosjektleder\"]\n",
    );

    s.push_str(
        "\n[goal]\nid = \"trygt-miljo\"\ntext = \"Alle barn og unge opplever et trygt og godt oppvekstmiljø.\"\n\n[goal.sub]\n",
    );
    for (id, text) in SUB_GOALS {
        let _ = writeln!(s, "{id} = \"{text}\"");
    }
    if rules {
        s.push_str("ensomhet = \"Ingen skal være ensomme.\"\n"); // goal-without-activity
    }
    // The components are the model's steps, in order; the first activities serve them in that order.
    for (k, (id, name)) in COMPONENTS.iter().enumerate() {
        // With --broken, each comes a step later: the first step is one no activity serves.
        let step = if rules { k + 2 } else { k + 1 };
        let _ = write!(s, "\n[[component]]\nid = \"{id}\"\nname = \"{name}\"\nstep = {step}\n");
    }
    if rules {
        // uncovered-component, and step-order: every later step begins before it.
        s.push_str("\n[[component]]\nid = \"digital\"\nname = \"Digital dømmekraft\"\nstep = 1\n");
    }

    // Activity i happens in school month i * months / n: a monotone spread, so "the same school's previous
    // activity" (i - schools) is never later than i.
    let mut phase_open = None;
    for i in 0..n {
        let mi = i * months.len() / n;
        let (year, month) = months[mi];
        let j = i - (mi * n).div_ceil(months.len()); // index within the month
        let (label, term) = term_of(year, month);
        if phase_open != Some(term) {
            phase_open = Some(term);
            let name = match term {
                0 => "Oppstartsfase",
                t if t + 1 >= SCHOOL_YEARS * 2 => "Videreføring",
                _ => "Implementeringsfase",
            };
            let _ =
                write!(s, "\n[[phase]]\nid = \"termin-{term:02}\"\nname = \"{label}: {name}\"\nperiod = \"{label}\"\n");
        }
        activity(&mut s, i, j, n, year, month, schools, &calendar, broken);
    }

    s.push_str(
        "\n[[recurring]]\n\
         id = \"halvarlig-evaluering\"\n\
         title = \"Halvårlige evalueringsmøter i styringsgruppen\"\n\
         kind = \"evaluering\"\n\
         every = \"halvår\"\n\
         \n[[recurring]]\n\
         id = \"elevundersokelsen\"\n\
         title = \"Elevundersøkelsen hver høst\"\n\
         kind = \"elevundersokelse\"\n\
         survey = \"elevundersøkelsen\"\n\
         \n[[requirement]]\n\
         id = \"senteret\"\n\
         title = \"4–8 møter med Omni-senteret per avtaleår, med prosjektleder til stede\"\n\
         kind = \"senteret\"\n\
         count = \"4-8\"\n\
         per = \"avtaleår\"\n\
         participants = [\"prosjektleder\"]\n\
         \n[[requirement]]\n\
         id = \"kjernegruppe\"\n\
         title = \"Kjernegruppe opprettet i løpet av første avtaleår\"\n\
         kind = \"kjernegruppe\"\n\
         by = \"første avtaleår\"\n\
         \n[[requirement]]\n\
         id = \"trenerplasser\"\n\
         title = \"Omni-trenerutdanning: to plasser i året, 2 000 kr per deltaker\"\n\
         kind = \"trenerutdanning\"\n",
    );
    let _ = writeln!(s, "quota = {}\nquota-each = 2", SCHOOL_YEARS * 2);
    s.push_str("cost = { amount = 2000, per = \"deltaker\" }\n");
    if rules {
        // requirement-deadline: the core group is founded in September, not by 20 August.
        s.push_str(
            "\n[[requirement]]\nid = \"kjernegruppe-frist\"\ntitle = \"Kjernegruppe før skolestart\"\nkind = \"kjernegruppe\"\nby = \"2026-08-20\"\n",
        );
        // phase-order and empty-phase: a phase added at the end for a term long gone, with nothing in it.
        let _ = write!(
            s,
            "\n[[phase]]\nid = \"ekstra\"\nname = \"Vår {0}: Ekstra\"\nperiod = \"Vår {0}\"\n",
            FIRST_YEAR + 1
        );
    }
    if broken == Broken::Toml {
        s.push_str("\n[[activity]\ntitle = \"Uavsluttet tabellnavn\"\n");
    }
    s
}

/// Which problem `--broken` puts into activity `i`, if any: one in fifty activities, in rotation.
fn problem(i: usize) -> Option<usize> {
    (i % 50 == 25).then_some((i / 50) % PROBLEMS)
}
const PROBLEMS: usize = 13;

#[allow(clippy::too_many_arguments)]
fn activity(
    s: &mut String,
    i: usize,
    j: usize,
    n: usize,
    year: i32,
    month: u32,
    schools: usize,
    calendar: &Calendar,
    broken: Broken,
) {
    let school = i % schools;
    let mut id = format!("a{i:06}");
    let mut component = COMPONENTS[i % COMPONENTS.len()].0.to_string();
    let goal = SUB_GOALS[i % SUB_GOALS.len()].0;
    let ym = format!("{year}-{month:02}");
    let mut extra = String::new();
    // The first activities of a month are the programme's own; the rest are the schools'.
    let (title, mut owner, mut kind, mut when) = match j {
        0 if month == 11 || month == 5 => (
            "Evaluering av ståsted og justering av tiltak".to_string(),
            "styringsgruppe".to_string(),
            Some("evaluering"),
            ym,
        ),
        0 if month == 10 => {
            ("Elevundersøkelsen gjennomføres".to_string(), "prosjektleder".to_string(), Some("elevundersokelse"), ym)
        }
        0 if matches!(month, 9 | 12 | 2 | 4) => {
            extra.push_str("participants = [\"prosjektleder\"]\n");
            let day = school_day(calendar, year, month).to_string();
            ("Møte med Omni-senteret".to_string(), "omni-senteret".to_string(), Some("senteret"), day)
        }
        0 if month == 1 => {
            extra.push_str("places = 2\n");
            ("Omni-trenerutdanning".to_string(), "prosjektleder".to_string(), Some("trenerutdanning"), ym)
        }
        1 if year == FIRST_YEAR && month == 9 => {
            ("Kjernegruppe opprettes".to_string(), "kommunalsjef".to_string(), Some("kjernegruppe"), ym)
        }
        _ => {
            let topic = TOPICS[(i / schools) % TOPICS.len()];
            let role = if (i / schools).is_multiple_of(2) { "rektor" } else { "team" };
            // One in ten is a meeting on a school day; the rest are planned by month.
            let when = if i % 10 == 3 { school_day(calendar, year, month).to_string() } else { ym };
            if i % 10 == 7 {
                extra.push_str("cost = 5000\n");
            }
            let title =
                format!("{topic} {} ved Storby skole {school}", COMPONENTS[i % COMPONENTS.len()].1.to_lowercase());
            (title, format!("{role}-{school:05}"), None, when)
        }
    };
    let mut after = (i >= schools).then(|| format!("a{:06}", i - schools));
    if broken == Broken::Rules {
        match problem(i) {
            Some(0) => owner.clear(),                        // missing-owner
            Some(1) => owner = format!("rektr-{school:05}"), // unknown-role
            Some(2) => id = format!("a{:06}", i - 1),        // duplicate-id
            Some(3) => component = "omni-trapa".to_string(), // unknown-reference
            Some(4) if i + 2 * schools < n => after = Some(format!("a{:06}", i + 2 * schools)), // dependency-order
            // season-mismatch: a spring month in an autumn phase, an autumn month in a spring phase.
            Some(5) => when = if month >= 8 { format!("{}-03", year + 1) } else { format!("{}-09", year - 1) },
            Some(7) => when = if month >= 8 { format!("{year}-12-25") } else { format!("{year}-05-17") }, // holiday-conflict
            Some(8) => after = Some(format!("a{:06}", i + 1)), // with the next one: dependency-cycle
            Some(9) => extra.push_str(&format!("done = {}-06-01\n", FIRST_YEAR - 1)), // done-date: before the plan
            Some(10) => {
                kind = Some("trenerutdanning"); // quota-exceeded
                extra.push_str("places = 50\n");
            }
            Some(11) => kind = Some("senteret"), // participation-missing: no participants
            Some(12) => when = format!("{}-03", FIRST_YEAR + SCHOOL_YEARS + 5), // outside-plan-period
            _ => {}
        }
        if i > 0 && problem(i - 1) == Some(8) {
            after = Some(format!("a{:06}", i - 1));
        }
        // owner-overload: the project leader owns five activities in a row, in one month.
        if (0..5).any(|k| i >= k && problem(i - k) == Some(6)) {
            owner = "prosjektleder".to_string();
        }
    }
    let _ = write!(s, "\n  [[phase.activity]]\n  id = \"{id}\"\n  title = \"{title}\"\n  when = \"{when}\"\n");
    if !owner.is_empty() {
        let _ = writeln!(s, "  owner = \"{owner}\"");
    }
    let _ = writeln!(s, "  components = [\"{component}\"]\n  goals = [\"{goal}\"]");
    if let Some(k) = kind {
        let _ = writeln!(s, "  kind = \"{k}\"");
    }
    if let Some(a) = after {
        let _ = writeln!(s, "  after = [\"{a}\"]");
    }
    for line in extra.lines() {
        let _ = writeln!(s, "  {line}");
    }
    if broken == Broken::Load {
        match problem(i).map(|p| p % 3) {
            Some(0) => s.push_str("  ownr = \"prosjektleder\"\n"),
            Some(1) => s.push_str("  end = \"2027-02-30\"\n"),
            Some(_) => s.push_str("  places = \"to\"\n"),
            None => {}
        }
    }
}
