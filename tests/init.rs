//! `implan init` at the library level: every template renders a plan that checks clean for every start month,
//! in both languages; unknown names get a suggestion; files are never overwritten without `force`.

mod common;

use chrono::{Datelike, NaiveDate};
use common::TempDir;
use implan::check::check_source;
use implan::init::{InitError, TEMPLATES, render, target_path, write_new};
use implan::model::{Activity, Cadence, Lang, Plan};
use implan::source::Source;
use implan::when::When;
use std::path::PathBuf;

fn month(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).unwrap()
}

/// Every month of 2026, and a few starts in other years (a leap year among them).
fn starts() -> Vec<NaiveDate> {
    let mut v: Vec<NaiveDate> = (1..=12).map(|m| month(2026, m)).collect();
    v.extend([month(2025, 8), month(2027, 1), month(2028, 2), month(2030, 8), month(2031, 11)]);
    v
}

fn findings(text: &str) -> Vec<String> {
    let source = Source::new("x.toml", text);
    check_source(&source)
        .iter()
        .map(|f| {
            let at = f.span.as_ref().map(|s| source.line_col(s.start));
            let line = at.map_or(0, |lc| lc.line);
            format!("{}[{}] line {line}: {}", f.severity.as_str(), f.rule, f.message.en())
        })
        .collect()
}

const LANGS: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

#[test]
fn every_template_checks_clean_for_every_start() {
    let mut failures = Vec::new();
    for (name, _) in TEMPLATES {
        for start in starts() {
            for lang in LANGS {
                let text = render(name, start, lang).unwrap();
                let found = findings(&text);
                if !found.is_empty() {
                    failures.push(format!("{name} from {start} ({lang:?}):\n  {}", found.join("\n  ")));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_plan_starts_in_the_start_month_and_july_is_august() {
    for (name, _) in TEMPLATES {
        let text = render(name, month(2026, 3), Lang::Nb).unwrap();
        assert!(text.contains("\nstart = \"2026-03\"\n"), "{name}");
        assert!(text.contains("\"mars 2026 – "), "{name}: the first phase is labelled with its months");
        let july = render(name, month(2026, 7), Lang::Nb).unwrap();
        assert!(july.contains("\nstart = \"2026-08\"\n"), "{name}");
        // No activity is dated to July, the summer holiday.
        for start in starts() {
            let text = render(name, start, Lang::Nb).unwrap();
            for y in start.year()..start.year() + 5 {
                assert!(!text.contains(&format!("\"{y}-07\"")), "{name} from {start} has an activity in July {y}");
            }
        }
    }
}

#[test]
fn templates_are_generic_and_say_where_they_come_from() {
    for (name, description) in TEMPLATES {
        assert!(!description.is_empty());
        for lang in LANGS {
            let text = render(name, month(2026, 8), lang).unwrap();
            let first = text.lines().next().unwrap();
            assert!(first.starts_with("# ") && first.contains(&format!("implan init --template {name}")), "{first}");
            assert!(!text.contains("#:schema"), "{name}");
            let org = if lang == Lang::En { "My municipality" } else { "Min kommune" };
            assert!(text.contains(&format!("\norg = \"{org}\"\n")), "{name} ({lang:?})");
            for word in ["{{", "}}", "TODO", "Eksempel", "Beiarn", "Møre og Romsdal", "assumed", "added:"] {
                assert!(!text.contains(word), "{name} ({lang:?}) holds '{word}'");
            }
        }
    }
}

#[test]
fn lang_follows_the_option() {
    for (name, _) in TEMPLATES {
        let nb = render(name, month(2026, 8), Lang::Nb).unwrap();
        assert!(nb.contains("\nlang = \"nb\"\n"), "{name}");
        assert!(nb.contains("\"august 2026 – "), "{name}");
        let en = render(name, month(2026, 8), Lang::En).unwrap();
        assert!(en.contains("\nlang = \"en\"\n") && !en.contains("lang = \"nb\""), "{name}");
        assert!(en.contains("\"August 2026 – "), "{name}: month names in English");
        let nn = render(name, month(2026, 8), Lang::Nn).unwrap();
        assert!(nn.contains("\nlang = \"nn\"\n"), "{name}");
        // Each language is written in it, not Bokmål with another `lang`.
        let words = |text: &str, list: &[&str]| list.iter().filter(|w| text.contains(&format!(" {w} "))).count();
        assert!(words(&nn, &["ikkje", "eit", "kvar", "skular", "tilsette"]) >= 2, "{name}: Nynorsk words");
        assert_eq!(words(&nn, &["ikke", "hvert", "ansatte", "skoler"]), 0, "{name}: no Bokmål words in Nynorsk");
        assert!(words(&en, &["the", "and", "of"]) >= 3, "{name}: English words");
    }
}

/// What a plan holds that implan reads, apart from words: every phase's and activity's dates, in order, and
/// its obligations. A translation changes words, never this.
fn dates_and_obligations(plan: &Plan) -> (Vec<String>, Vec<String>) {
    let span = |w: &When| format!("{}..{}", w.start, w.end);
    let mut dates: Vec<String> = vec![format!("plan {}..{}", plan.start.value.start, plan.end.value.end)];
    dates.extend(plan.phases.iter().map(|p| format!("phase {}..{}", p.span.start, p.span.end)));
    dates.extend(plan.activities.iter().map(|a| format!("{} {}", span(&a.when.value), a.last_day)));
    (dates, obligations(plan))
}

/// A plan's agreement and requirements by what they ask, not by their words or their plan's dates: what
/// `from` and `until` say depends on the plan's own start, so only a deadline's presence counts.
fn obligations(plan: &Plan) -> Vec<String> {
    let mut out: Vec<String> = plan
        .requirements
        .iter()
        .map(|r| {
            let cost = r.cost.as_ref().map(|c| c.amount);
            format!(
                "{:?} quota {:?} each {:?} participants {} survey {:?} cost {cost:?} advisory {} owner {} \
                 by {} within {} before {}",
                r.cadence.as_ref().map(|c| &c.value),
                r.quota.as_ref().map(|q| q.value),
                r.quota_each.as_ref().map(|q| q.value),
                r.participants.len(),
                r.survey.as_ref().map(|s| s.value.survey.name),
                r.advisory,
                r.owner.is_some(),
                r.by.is_some(),
                r.within.is_some(),
                r.before.is_some(),
            )
        })
        .collect();
    out.extend(plan.agreement.as_ref().map(|a| format!("agreement {:?} years, extendable {}", a.years, a.extendable)));
    out.sort();
    out
}

fn load_plan(text: &str) -> Plan {
    implan::load::load(&Source::new("x.toml", text)).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn the_languages_have_the_same_plan_in_their_words() {
    for (name, start, lang) in TEMPLATES
        .iter()
        .flat_map(|(n, _)| starts().into_iter().map(move |s| (*n, s)))
        .flat_map(|(n, s)| [Lang::Nn, Lang::En].map(move |l| (n, s, l)))
    {
        let nb = render(name, start, Lang::Nb).unwrap();
        let other = render(name, start, lang).unwrap();
        assert_eq!(
            dates_and_obligations(&load_plan(&nb)),
            dates_and_obligations(&load_plan(&other)),
            "{name} from {start} ({lang:?})"
        );
        // Line for line, so that a change to one language is easy to carry to the others.
        assert_eq!(nb.lines().count(), other.lines().count(), "{name} ({lang:?})");
    }
}

/// The programme's plan in `plans/` whose obligations each template carries.
const PROGRAMME_PLANS: [(&str, &str); 5] = [
    ("omni", "beiarn-omni.toml"),
    ("mot", "mot-kommuneavtale.toml"),
    ("smart", "smart-langtidsavtale.toml"),
    ("absolutt", "absolutt-more-og-romsdal.toml"),
    ("ibs", "inkluderende-barnehage-skolemiljo.toml"),
];

#[test]
fn every_template_carries_every_obligation_of_its_programme() {
    assert_eq!(PROGRAMME_PLANS.map(|(n, _)| n).to_vec(), TEMPLATES.iter().map(|(n, _)| *n).collect::<Vec<_>>());
    for (name, file) in PROGRAMME_PLANS {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans").join(file);
        let programme = obligations(&load_plan(&std::fs::read_to_string(&path).unwrap()));
        assert!(!programme.is_empty(), "{file} has obligations");
        let mut carried = obligations(&load_plan(&render(name, month(2026, 8), Lang::Nb).unwrap()));
        for obligation in &programme {
            let at = carried.iter().position(|c| c == obligation);
            assert!(at.is_some(), "{name} lacks {obligation:?} of {file}; it has:\n  {}", carried.join("\n  "));
            carried.remove(at.unwrap());
        }
    }
}

/// Why `a` is in a month that does not suit it, if it is: July is the summer holiday; a planning day is in
/// August, before the pupils come; a national survey is in the round its requirement names; the steering
/// group's half-yearly evaluation is at the end of a term (November–December, May–June).
fn misplaced(plan: &Plan, a: &Activity) -> Option<String> {
    let month = a.when.value.start.month();
    let is = |kind: &str| a.kind.as_deref() == Some(kind) || a.tags.iter().any(|t| t == kind);
    if month == 7 {
        return Some("in July".into());
    }
    if is("planleggingsdag") && month != 8 {
        return Some("a planning day outside August".into());
    }
    for r in plan.requirements.iter().filter(|r| is(&r.kind.value)) {
        if let Some(survey) = &r.survey
            && !survey.value.survey.months.contains(&month)
        {
            return Some(format!("outside the round of {}", survey.value.survey.name));
        }
        let term_end = [5, 6, 11, 12].contains(&month);
        let owned = r.owner.as_ref().is_none_or(|o| a.owners.iter().any(|w| w.value == o.value));
        if r.kind.value == "evaluering"
            && matches!(r.cadence.as_ref().map(|c| &c.value), Some(Cadence::Every(6)))
            && owned
            && !term_end
        {
            return Some("a half-yearly evaluation not at the end of a term".into());
        }
    }
    None
}

#[test]
fn every_activity_is_in_a_month_that_suits_it() {
    let mut failures = Vec::new();
    let mut placed = 0;
    for (name, _) in TEMPLATES {
        for (start, lang) in starts().into_iter().flat_map(|s| LANGS.map(move |l| (s, l))) {
            let plan = load_plan(&render(name, start, lang).unwrap());
            for a in &plan.activities {
                match misplaced(&plan, a) {
                    Some(why) => failures
                        .push(format!("{name} from {start} ({lang:?}): {} {}: {why}", a.id.value, a.when.value.start)),
                    None => placed += 1,
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(placed > 1000, "{placed}");
}

#[test]
fn misplaced_names_what_does_not_suit_an_activity() {
    let text = r#"
[plan]
title = "t"
start = "2026-08"
end = "2027-06"
[roles]
sg = "Styringsgruppe"
[[activity]]
title = "Planleggingsdag"
when = "2026-12"
owner = "sg"
kind = "planleggingsdag"
[[activity]]
title = "Elevundersøkelsen"
when = "2027-03"
owner = "sg"
tags = ["elevundersokelse"]
[[activity]]
title = "Evaluering"
when = "2027-02"
owner = "sg"
kind = "evaluering"
[[activity]]
title = "Evaluering"
when = "2027-06"
owner = "sg"
kind = "evaluering"
[[recurring]]
id = "e"
title = "e"
kind = "elevundersokelse"
survey = "elevundersøkelsen"
[[recurring]]
id = "h"
title = "h"
kind = "evaluering"
owner = "sg"
every = "halvår"
"#;
    let plan = load_plan(text);
    let why: Vec<Option<String>> = plan.activities.iter().map(|a| misplaced(&plan, a)).collect();
    assert_eq!(
        why,
        [
            Some("a planning day outside August".into()),
            Some("outside the round of Elevundersøkelsen (høst)".into()),
            Some("a half-yearly evaluation not at the end of a term".into()),
            None
        ]
    );
}

#[test]
fn the_same_structure_from_any_start() {
    // A start a year later gives the same plan, with every date a year later.
    for (name, _) in TEMPLATES {
        for (m, lang) in (1..=12).flat_map(|m| LANGS.map(|lang| (m, lang))) {
            let a = render(name, month(2026, m), lang).unwrap();
            let b = render(name, month(2027, m), lang).unwrap();
            // Amounts of kroner are no years (`amount = 2000`), so they are compared unshifted.
            let shifted = implan::when::shift_label_years(&a, 1);
            for ((i, line), (shifted, b)) in a.lines().enumerate().zip(shifted.lines().zip(b.lines())) {
                let want = if line.contains("amount = ") { line } else { shifted };
                assert_eq!(want, b, "{name} from 2026-{m:02} ({lang:?}), line {}", i + 1);
            }
            assert_eq!(a.lines().count(), b.lines().count());
        }
    }
}

#[test]
fn unknown_template_suggests_the_nearest() {
    let err = render("omnni", month(2026, 8), Lang::Nb).unwrap_err();
    match &err {
        InitError::UnknownTemplate { name, suggestion } => {
            assert_eq!(name, "omnni");
            assert_eq!(suggestion.as_deref(), Some("omni"));
        }
        other => panic!("{other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("'omnni'") && msg.contains("did you mean 'omni'?"), "{msg}");
    assert!(msg.contains("omni, mot, smart, absolutt, ibs"), "{msg}");
    assert!(matches!(
        render("smrt", month(2026, 8), Lang::Nb),
        Err(InitError::UnknownTemplate { suggestion: Some(s), .. }) if s == "smart"
    ));
    assert!(matches!(
        render("kindergarten", month(2026, 8), Lang::Nb),
        Err(InitError::UnknownTemplate { suggestion: None, .. })
    ));
}

#[test]
fn a_start_out_of_range_is_invalid() {
    let err = render("mot", month(999, 8), Lang::Nb).unwrap_err();
    assert!(matches!(err, InitError::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("start year"), "{err}");
}

#[test]
fn write_new_never_overwrites_without_force() {
    let tmp = TempDir::new("init-write");
    let dir = tmp.dir();
    let path = dir.join("sub/dir/plan.toml");
    write_new(&path, "first", false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");

    let err = write_new(&path, "second", false).unwrap_err();
    assert!(matches!(&err, InitError::Exists(p) if p == &path), "{err:?}");
    assert!(err.to_string().contains("already exists") && err.to_string().contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");

    write_new(&path, "second", true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
    // Forcing leaves no temporary file behind.
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["plan.toml"]);

    // A directory is never replaced, not even with force.
    let err = write_new(dir, "x", true).unwrap_err();
    assert!(matches!(err, InitError::Invalid(_)), "{err:?}");
}

#[test]
fn write_new_with_force_creates_a_missing_file() {
    let tmp = TempDir::new("init-force");
    let dir = tmp.dir();
    let path = dir.join("new.toml");
    write_new(&path, "text", true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "text");
}

#[test]
fn a_written_plan_checks_clean_from_disk() {
    let tmp = TempDir::new("init-disk");
    let dir = tmp.dir();
    let path = target_path(Some(dir), "smart");
    assert_eq!(path, dir.join("smart.toml"));
    write_new(&path, &render("smart", month(2026, 3), Lang::En).unwrap(), false).unwrap();
    let report = implan::check::check_file(&path).unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(target_path(None, "MOT"), PathBuf::from("mot.toml"));
    assert_eq!(target_path(Some(&dir.join("p.toml")), "mot"), dir.join("p.toml"));
    let new_dir = format!("{}/new/", dir.display());
    assert_eq!(target_path(Some(std::path::Path::new(&new_dir)), "ibs"), dir.join("new").join("ibs.toml"));
}

/// The command itself: writes a clean plan, refuses to overwrite, suggests a template.
#[test]
fn implan_init_on_the_command_line() {
    let tmp = TempDir::new("init-cli");
    let dir = tmp.dir();
    let run = |args: &[&str]| common::command_in(dir, args).output().unwrap();
    let o = run(&["init", "--template", "omni", "--start", "2026-08", "--lang", "nb"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // The plan's language is the language init speaks.
    assert_eq!(String::from_utf8_lossy(&o.stdout), "skrev omni.toml; kontroller planen med: implan check omni.toml\n");
    let check = run(&["check", "omni.toml", "--lang", "en"]);
    assert_eq!(String::from_utf8_lossy(&check.stdout), "checked 1 file: no findings\n");
    let before = std::fs::read(dir.join("omni.toml")).unwrap();
    let again = run(&["init", "--template", "omni", "--start", "2027-01"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(dir.join("omni.toml")).unwrap(), before, "never overwritten without --force");
    let forced = run(&["init", "--template", "omni", "--start", "2027-01", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert_ne!(std::fs::read(dir.join("omni.toml")).unwrap(), before);
    let wrong = run(&["init", "--template", "omnni", "--lang", "en"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).starts_with("error: unknown template 'omnni'; did you mean 'omni'?")
    );
    let wrong = run(&["init", "--template", "omnni", "--lang", "nn"]);
    assert!(String::from_utf8_lossy(&wrong.stderr).starts_with("feil: ukjend mal 'omnni'; meinte du 'omni'?"));
    let o = run(&["init", "--template", "mot", "--start", "2026-08", "--lang", "en"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "wrote mot.toml; check it with: implan check mot.toml\n");
}

/// In a repository that holds implan.schema.json, the new plan names it on its first line (so missing-schema has
/// nothing to say and the editor helps at once); elsewhere it has no such line.
#[test]
fn a_plan_started_in_a_repository_with_a_schema_names_it() {
    let tmp = TempDir::new("init-schema");
    let dir = tmp.dir();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    let run = |args: &[&str]| common::command_in(dir, args).output().unwrap();
    let o = run(&["init", "--template", "mot", "--start", "2026-08", "plans/"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let first = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap().lines().next().unwrap().to_string();
    assert!(first("plans/mot.toml").starts_with("# Kommuneavtale med MOT"), "no schema, no line");

    std::fs::write(dir.join("implan.schema.json"), implan::export::json_schema::json_schema_string()).unwrap();
    let o = run(&["init", "--template", "mot", "--start", "2026-08", "plans/ny.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(first("plans/ny.toml"), "#:schema ../implan.schema.json");
    let check = run(&["check", "plans", "--lang", "en"]);
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "warning[missing-schema]: the plan has no #:schema line, although its project holds implan.schema.json\n \
         --> plans/mot.toml:1:1\n  |\n1 | # Kommuneavtale med MOT – startplan laget av `implan init --template mot \
         --start 2026-08 --lang nb`.\n  | ^ editors cannot suggest keys or check the plan as you write\n  |\n  = \
         help: write '#:schema ../implan.schema.json' as the first line\n  = fix: add '#:schema \
         ../implan.schema.json' (implan check --fix)\n\nchecked 2 files: 1 warning\n"
    );
    let fixed = run(&["check", "plans", "--fix"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", String::from_utf8_lossy(&fixed.stderr));
    assert_eq!(first("plans/mot.toml"), "#:schema ../implan.schema.json");
}
