//! `implan export ics`: the iCalendar output of the real plans, read back with an independent parser (the
//! `icalendar` crate), every event checked against the activity it comes from.

use chrono::{Duration, NaiveDate, NaiveTime};
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event};
use implan::export::ics::{self, IcsOptions};
use implan::model::{Activity, Lang, Plan, Status};
use implan::source::Source;
use implan::views::View;
use implan::when::Precision;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

const PLANS: &[&str] = &[
    "plans/absolutt-more-og-romsdal.toml",
    "plans/beiarn-omni.toml",
    "plans/inkluderende-barnehage-skolemiljo.toml",
    "plans/mot-kommuneavtale.toml",
    "plans/smart-langtidsavtale.toml",
    "examples/beiarn-progress.toml",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn read(path: &str) -> Source {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    let bytes = std::fs::read(&path).expect("the plan is there");
    let (source, bad) = implan::load::decode(&path, bytes);
    assert!(bad.is_none(), "{}: not UTF-8", path.display());
    source
}

fn load(source: &Source) -> Plan {
    implan::load::load(source).unwrap_or_else(|f| panic!("{}: does not load: {f:?}", source.path.display()))
}

fn render(plan: &Plan, source: &Source, lang: Lang, role: Option<&str>) -> String {
    let view = View::new(plan, source, lang, today());
    ics::render(&view, &IcsOptions { role: role.map(str::to_string) }).expect("renders")
}

fn parse(text: &str) -> Calendar {
    text.parse::<Calendar>().unwrap_or_else(|e| panic!("not iCalendar: {e}\n{text}"))
}

fn events(cal: &Calendar) -> Vec<&Event> {
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// The names of the top-level components, with their sub-components, as the raw parser sees them.
fn component_names(text: &str) -> Vec<(String, Vec<String>)> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
    cal.components
        .iter()
        .map(|c| (c.name.to_string(), c.components.iter().map(|s| s.name.to_string()).collect()))
        .collect()
}

/// Every physical line ends with CRLF, and none is longer than 75 octets without it.
fn assert_lines(text: &str) {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    let body = &text[..text.len() - 2];
    for line in body.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

/// What kind of event an activity must be: timed in Europe/Oslo (one day with a clock time: its day and
/// times as written) or all-day over its days. The exact end of a timed event (an hour when no end is given,
/// the next day when the end is before the start) is pinned by hand-written cases below, not computed here.
enum Expected {
    Timed { day: NaiveDate, from: NaiveTime, to: Option<NaiveTime> },
    AllDay(NaiveDate, NaiveDate),
}

fn expected(a: &Activity) -> Expected {
    let w = &a.when.value;
    match w.time {
        Some((from, to)) if w.precision == Precision::Day && a.last_day == w.start => {
            Expected::Timed { day: w.start, from, to }
        }
        _ => Expected::AllDay(w.start, a.last_day.succ_opt().unwrap()),
    }
}

fn tz_date_time(d: Option<DatePerhapsTime>) -> chrono::NaiveDateTime {
    match d {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Oslo");
            date_time
        }
        other => panic!("expected a date-time in Europe/Oslo, got {other:?}"),
    }
}

fn day(d: Option<DatePerhapsTime>) -> NaiveDate {
    match d {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("expected a date, got {other:?}"),
    }
}

fn role_name<'a>(plan: &'a Plan, id: &'a str) -> &'a str {
    plan.roles.iter().find(|r| r.id.value == id).map_or(id, |r| r.name.as_str())
}

/// Checks every event of a rendered plan against its activity; returns the activity ids in event order.
fn check_events(plan: &Plan, text: &str, lang: Lang) -> Vec<String> {
    assert_lines(text);
    let cal = parse(text);
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert_eq!(cal.property_value("METHOD"), Some("PUBLISH"));
    assert_eq!(cal.property_value("CALSCALE"), Some("GREGORIAN"));
    assert!(cal.property_value("PRODID").is_some_and(|p| p.starts_with("-//implan//")));
    // The parser leaves an X- property's value as written: a TEXT value with its escapes.
    let name = cal.property_value("X-WR-CALNAME").expect("X-WR-CALNAME");
    assert!(name.replace("\\,", ",").replace("\\;", ";").starts_with(&plan.title.value), "{name}");

    let domain = implan::model::slug(&plan.title.value);
    let by_id: HashMap<&str, &Activity> = plan.activities.iter().map(|a| (a.id.value.as_str(), a)).collect();
    let mut uids = HashSet::new();
    let mut ids = Vec::new();
    let mut timed = false;
    for e in events(&cal) {
        let uid = e.get_uid().expect("every event has a UID");
        assert!(uids.insert(uid.to_string()), "UID {uid} twice");
        let id = uid.strip_suffix(&format!("@{domain}.implan")).unwrap_or_else(|| panic!("UID {uid}"));
        let a = by_id.get(id).unwrap_or_else(|| panic!("no activity '{id}'"));
        ids.push(id.to_string());
        assert!(e.get_timestamp().is_some(), "{id}: DTSTAMP");
        assert_eq!(e.get_sequence(), Some(0), "{id}");

        match expected(a) {
            Expected::Timed { day, from, to } => {
                timed = true;
                let (start, end) = (tz_date_time(e.get_start()), tz_date_time(e.get_end()));
                assert_eq!(start, day.and_time(from), "{id}: DTSTART");
                assert!(start < end && end <= start + Duration::days(1), "{id}: DTEND {end} after DTSTART {start}");
                if let Some(to) = to {
                    assert_eq!(end.time(), to, "{id}: DTEND at the time written");
                }
                assert_eq!(e.property_value("TRANSP"), Some("OPAQUE"), "{id}");
            }
            Expected::AllDay(start, end) => {
                assert_eq!(day(e.get_start()), start, "{id}: DTSTART");
                assert_eq!(day(e.get_end()), end, "{id}: DTEND, the day after the last");
                let one_day = a.when.value.precision == Precision::Day && end == start.succ_opt().unwrap();
                let transp = if one_day { "OPAQUE" } else { "TRANSPARENT" };
                assert_eq!(e.property_value("TRANSP"), Some(transp), "{id}");
            }
        }

        let status = if a.status == Status::Cancelled { "CANCELLED" } else { "CONFIRMED" };
        assert_eq!(e.property_value("STATUS"), Some(status), "{id}");

        let summary = e.get_summary().expect("SUMMARY");
        assert!(summary.contains(a.title.value.trim()), "{id}: {summary}");
        assert_eq!(
            a.status == Status::Cancelled,
            ["Avlyst: ", "Cancelled: "].iter().any(|w| summary.starts_with(w)),
            "{id}"
        );
        if a.when.value.precision != Precision::Day {
            assert!(summary.ends_with(')'), "{id}: a vague date is named in the summary: {summary}");
        }

        let desc = e.get_description().expect("DESCRIPTION");
        for o in &a.owners {
            assert!(desc.contains(role_name(plan, &o.value)), "{id}: responsible {} in {desc}", o.value);
        }
        let (responsible, phase_word) = match lang {
            Lang::Nb => ("Ansvarlig: ", "Fase: "),
            Lang::Nn => ("Ansvarleg: ", "Fase: "),
            Lang::En => ("Responsible: ", "Phase: "),
        };
        assert!(desc.contains(responsible), "{id}: {desc}");
        let phase = match &a.phase {
            Some(implan::model::PhaseRef::Nested(i)) => Some(&plan.phases[*i]),
            Some(implan::model::PhaseRef::Named(p)) => plan.phases.iter().find(|ph| ph.id.value == p.value),
            None => None,
        };
        if let Some(p) = phase {
            assert!(desc.contains(&format!("{phase_word}{} ({})", p.name, p.label.value)), "{id}: {desc}");
        }
        let status_word = implan::i18n::status(lang, a.status);
        assert!(desc.contains(&format!("Status: {status_word}")), "{id}: {desc}");
        if let Some(notes) = &a.notes {
            assert!(desc.contains(notes.trim()), "{id}: the notes in {desc}");
        }
    }
    let zones = component_names(text);
    let has_tz = zones.iter().any(|(n, subs)| n == "VTIMEZONE" && subs.contains(&"DAYLIGHT".to_string()));
    assert_eq!(has_tz, timed, "a VTIMEZONE exactly when an event is timed");
    ids
}

#[test]
fn every_activity_of_every_plan_is_an_event() {
    for path in PLANS {
        let source = read(path);
        let plan = load(&source);
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let text = render(&plan, &source, lang, None);
            let ids = check_events(&plan, &text, lang);
            assert_eq!(ids.len(), plan.activities.len(), "{path}: an event per activity");
            let all: BTreeSet<&str> = plan.activities.iter().map(|a| a.id.value.as_str()).collect();
            let got: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
            assert_eq!(got, all, "{path}");
        }
    }
}

#[test]
fn uids_are_stable_and_the_output_reproducible() {
    for path in PLANS {
        let source = read(path);
        let plan = load(&source);
        let first = render(&plan, &source, Lang::Nb, None);
        assert_eq!(first, render(&plan, &source, Lang::Nb, None), "{path}");
        // The same activity has the same UID in the other language and in a role's calendar.
        let uids = |text: &str| -> Vec<String> {
            events(&parse(text)).iter().map(|e| e.get_uid().unwrap().to_string()).collect()
        };
        assert_eq!(uids(&first), uids(&render(&plan, &source, Lang::En, None)), "{path}");
        let full: HashSet<String> = uids(&first).into_iter().collect();
        if let Some(role) = plan.roles.first() {
            let one = render(&plan, &source, Lang::Nb, Some(&role.id.value));
            assert!(uids(&one).iter().all(|u| full.contains(u)), "{path}: {}", role.id.value);
        }
    }
}

#[test]
fn a_day_with_a_time_is_a_timed_event_in_oslo_time() {
    let source = read("plans/absolutt-more-og-romsdal.toml");
    let plan = load(&source);
    let text = render(&plan, &source, Lang::Nb, None);
    let cal = parse(&text);
    let timed: Vec<&Event> =
        events(&cal).into_iter().filter(|e| matches!(e.get_start(), Some(DatePerhapsTime::DateTime(_)))).collect();
    assert_eq!(timed.len(), 1, "one activity of the ABSOLUTT plan has a time");
    let at = |h, m| NaiveDate::from_ymd_opt(2020, 9, 25).unwrap().and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap());
    assert_eq!(tz_date_time(timed[0].get_start()), at(10, 0));
    assert_eq!(tz_date_time(timed[0].get_end()), at(10, 30));
    assert!(text.contains("\r\nDTSTART;TZID=Europe/Oslo:20200925T100000\r\n"));

    // The time zone: CET in winter, CEST from the last Sunday of March, as yearly rules.
    let unfolded = icalendar::parser::unfold(&text);
    let raw = icalendar::parser::read_calendar(&unfolded).unwrap();
    let tz = raw.components.iter().find(|c| c.name == "VTIMEZONE").expect("a VTIMEZONE");
    assert_eq!(tz.find_prop("TZID").map(|p| p.val.to_string()).as_deref(), Some("Europe/Oslo"));
    let rule = |name: &str| {
        let c = tz.components.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name}"));
        let get = |k: &str| c.find_prop(k).map(|p| p.val.to_string()).unwrap_or_default();
        (get("TZOFFSETFROM"), get("TZOFFSETTO"), get("RRULE"))
    };
    assert_eq!(rule("DAYLIGHT"), ("+0100".into(), "+0200".into(), "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into()));
    assert_eq!(rule("STANDARD"), ("+0200".into(), "+0100".into(), "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into()));

    // A plan without times has no VTIMEZONE.
    let source = read("plans/beiarn-omni.toml");
    let plan = load(&source);
    assert!(!render(&plan, &source, Lang::Nb, None).contains("VTIMEZONE"));
}

#[test]
fn months_and_terms_are_free_banners_over_their_span() {
    let source = read("plans/mot-kommuneavtale.toml");
    let plan = load(&source);
    let text = render(&plan, &source, Lang::Nb, None);
    let cal = parse(&text);
    let event = |id: &str| {
        let events = events(&cal);
        let e = events.into_iter().find(|e| e.get_uid().unwrap().starts_with(&format!("{id}@"))).unwrap();
        (
            day(e.get_start()),
            day(e.get_end()),
            e.property_value("TRANSP").map(str::to_string),
            e.get_summary().map(str::to_string),
        )
    };
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    // "høst 2026" to "vår 2027": August 2026 to the end of June 2027.
    let (start, end, transp, summary) = event("ru-2026");
    assert_eq!((start, end), (d(2026, 8, 1), d(2027, 7, 1)));
    assert_eq!(transp.as_deref(), Some("TRANSPARENT"));
    assert!(summary.unwrap().ends_with("(august 2026 – juni 2027)"));
    // "2026-11" with a duration of 3 days: some three days in November, so all of November.
    let (start, end, _, summary) = event("lederkurs");
    assert_eq!((start, end), (d(2026, 11, 1), d(2026, 12, 1)));
    assert!(summary.unwrap().ends_with("(november 2026)"));
    assert!(text.contains("X-MICROSOFT-CDO-BUSYSTATUS:FREE"));
}

#[test]
fn cancelled_and_done_activities_say_so() {
    let source = read("examples/beiarn-progress.toml");
    let plan = load(&source);
    for (lang, cancelled, done) in [(Lang::Nb, "Avlyst: ", "gjennomført"), (Lang::En, "Cancelled: ", "done")] {
        let text = render(&plan, &source, lang, None);
        let cal = parse(&text);
        let events = events(&cal);
        let find = |id: &str| *events.iter().find(|e| e.get_uid().unwrap().starts_with(&format!("{id}@"))).unwrap();
        let c = find("opplaering-regelverk");
        assert_eq!(c.property_value("STATUS"), Some("CANCELLED"));
        assert!(c.get_summary().unwrap().starts_with(cancelled));
        let a = plan.activities.iter().find(|a| a.status == Status::Done && a.done.is_some()).expect("a done activity");
        let e = find(&a.id.value);
        assert_eq!(e.property_value("STATUS"), Some("CONFIRMED"));
        let when = implan::i18n::day(lang, a.done.as_ref().unwrap().value);
        assert!(e.get_description().unwrap().contains(&format!("Status: {done} {when}")), "{:?}", e.get_description());
    }
}

#[test]
fn a_role_gets_its_own_work_and_its_groups() {
    let source = read("plans/beiarn-omni.toml");
    let plan = load(&source);
    let text = render(&plan, &source, Lang::Nb, Some("rektorer"));
    let ids = check_events(&plan, &text, Lang::Nb);
    // Rektorer are members of Styringsgruppe and Skoler: their work is theirs too.
    let expected = [
        "kartlegging",
        "planleggingsdag",
        "personaldag-verdigrunnlag",
        "evaluering-justering",
        "foreldreundersokelse-2027",
        "evaluering-stasted",
        "personaldag-omni-trappa",
        "evalueringsmote-host-2027",
        "revisjon-planer",
        "opplaering-analyse",
        "videreutvikling-tiltak",
        "elevundersokelse-2027",
        "foreldreundersokelse-2028",
        "evalueringsmote-var-2028",
        "elevundersokelse-2026",
        "elevundersokelse-2028",
        "evalueringsmote-juni-2028",
        "planleggingsdag-2028",
        "evalueringsmote-host-2028",
    ];
    let got: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(got, expected.into_iter().collect::<BTreeSet<_>>());
    assert_eq!(ids.len(), expected.len());
    // Computed from the plan as well: every activity owned by rektorer, styringsgruppe or skoler.
    let groups = ["rektorer", "styringsgruppe", "skoler"];
    let owned = plan.activities.iter().filter(|a| a.owners.iter().any(|o| groups.contains(&o.value.as_str())));
    assert_eq!(owned.count(), ids.len());
    let cal = parse(&text);
    assert_eq!(
        cal.property_value("X-WR-CALNAME"),
        Some("Omni-modellen i Beiarn kommune – implementeringsplan – Rektorer")
    );
    // By display name too; an unknown role is an error that names the nearest.
    assert_eq!(render(&plan, &source, Lang::Nb, Some("Rektorer")), text);
    let view = View::new(&plan, &source, Lang::Nb, today());
    let err = ics::render(&view, &IcsOptions { role: Some("rektor".into()) }).unwrap_err();
    assert!(err.0.en().contains("rektorer"), "{err}");
}

#[test]
fn text_is_escaped_and_folded_and_reads_back_the_same() {
    let text = r#"
[plan]
title = "Prøveplan; med komma, og æøå"
start = "2026-01"
end = "2026-12"

[roles]
rektor = "Rektor, skole A; og B"
laerere = "Lærere"

[[activity]]
id = "lang"
title = "Et veldig langt møte med æøå og emoji 🙂 som går over mange linjer når det brettes på 75 oktetter, ja"
when = "2026-03-12 kl. 23:30"
owner = "rektor"
notes = '''
Første linje, med komma; og semikolon.
Andre linje med C:\Mapper\Plan og "sitat".'''

[[activity]]
id = "kurs"
title = "Kurs i tre dager"
when = "2026-04-20 09:00-15:00"
duration = "3 dager"
owner = "laerere"
participants = ["rektor"]

[[activity]]
id = "dag"
title = "Dag"
when = "2026-06-05"
owner = "laerere"

[[activity]]
id = "uke"
title = "Uke"
when = "uke 40 2026"
owner = "laerere"
status = "in-progress"

[[activity]]
id = "heltaar"
title = "Hele året"
when = "2026"
owner = "laerere"
status = "cancelled"
"#;
    let source = Source::new("t.toml", text);
    let plan = load(&source);
    for lang in [Lang::Nb, Lang::En] {
        let out = render(&plan, &source, lang, None);
        let ids = check_events(&plan, &out, lang);
        // In date order: the whole year starts on 1 January.
        assert_eq!(ids, ["heltaar", "lang", "kurs", "dag", "uke"]);
        let cal = parse(&out);
        let events = events(&cal);
        let e = events[1];
        let title = &plan.activities[0].title.value;
        assert_eq!(e.get_summary(), Some(title.as_str()));
        let desc = e.get_description().unwrap();
        assert!(desc.contains("Rektor, skole A; og B"), "{desc}");
        assert!(
            desc.contains("Første linje, med komma; og semikolon.\nAndre linje med C:\\Mapper\\Plan og \"sitat\".")
        );
        assert!(desc.ends_with("Prøveplan; med komma, og æøå"), "{desc}");
        // 23:30 with no end: an hour, into the next day.
        let d = NaiveDate::from_ymd_opt(2026, 3, 13).unwrap();
        assert_eq!(tz_date_time(e.get_end()), d.and_time(NaiveTime::from_hms_opt(0, 30, 0).unwrap()));
        // A timed course over three days is a banner over them, its time kept in the description.
        let k = events[2];
        assert_eq!(day(k.get_start()), NaiveDate::from_ymd_opt(2026, 4, 20).unwrap());
        assert_eq!(day(k.get_end()), NaiveDate::from_ymd_opt(2026, 4, 23).unwrap());
        let course = k.get_description().unwrap();
        let time = if lang == Lang::En { "20 April 2026 09:00–15:00" } else { "20. april 2026 kl. 09.00–15.00" };
        assert!(course.contains(time), "{course}");
        assert!(k.get_description().unwrap().contains("Rektor, skole A; og B"), "participants");
        assert_eq!(k.get_summary(), Some("Kurs i tre dager"), "exact days need no bracket");
        // A week is Monday to Sunday.
        assert_eq!(day(events[4].get_start()), NaiveDate::from_ymd_opt(2026, 9, 28).unwrap());
        assert_eq!(day(events[4].get_end()), NaiveDate::from_ymd_opt(2026, 10, 5).unwrap());
        assert_eq!(events[0].property_value("STATUS"), Some("CANCELLED"));
    }
    // Folded lines: the long summary needs several, and none splits a character.
    let out = render(&plan, &source, Lang::Nb, None);
    assert!(out.contains("\r\n "), "long lines are folded");
    assert!(out.contains("SUMMARY:Et veldig langt"));
    assert!(out.contains("X-WR-CALNAME:Prøveplan\\; med komma\\, og æøå\r\n"));
}

/// One plan, rendered; its events by UID.
fn rendered(text: &str) -> (String, Vec<(String, DatePerhapsTime, DatePerhapsTime)>) {
    let source = Source::new("t.toml", text);
    let plan = load(&source);
    let out = render(&plan, &source, Lang::Nb, None);
    let cal = parse(&out);
    let events = events(&cal)
        .into_iter()
        .map(|e| (e.get_uid().unwrap().to_string(), e.get_start().unwrap(), e.get_end().unwrap()))
        .collect();
    (out, events)
}

fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DatePerhapsTime {
    let at = NaiveDate::from_ymd_opt(y, m, d).unwrap().and_time(NaiveTime::from_hms_opt(h, min, 0).unwrap());
    DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time: at, tzid: "Europe/Oslo".into() })
}

const HEAD: &str = "[plan]\ntitle = \"Møteplan\"\nstart = \"2026\"\nend = \"2026\"\n\n[roles]\npl = \"P\"\n";

#[test]
fn times_end_where_a_person_expects() {
    let text = format!(
        "{HEAD}\n[[activity]]\nid = \"sent\"\ntitle = \"Sent møte\"\nwhen = \"2026-03-12 kl. 22:00-23:59\"\nowner = \"pl\"\n\
         \n[[activity]]\nid = \"mote\"\ntitle = \"Møte\"\nwhen = \"2026-03-13 kl. 10:00-11:15\"\nowner = \"pl\"\n\
         \n[[activity]]\nid = \"kveld\"\ntitle = \"Kveld\"\nwhen = \"2026-03-14 kl. 19:00\"\nowner = \"pl\"\n"
    );
    let (_, events) = rendered(&text);
    let got: Vec<(&str, &DatePerhapsTime, &DatePerhapsTime)> =
        events.iter().map(|(u, s, e)| (u.split('@').next().unwrap(), s, e)).collect();
    assert_eq!(
        got,
        [
            ("sent", &oslo(2026, 3, 12, 22, 0), &oslo(2026, 3, 12, 23, 59)),
            ("mote", &oslo(2026, 3, 13, 10, 0), &oslo(2026, 3, 13, 11, 15)),
            // No end written: an hour.
            ("kveld", &oslo(2026, 3, 14, 19, 0), &oslo(2026, 3, 14, 20, 0)),
        ]
    );
    // A range over midnight is refused when the plan is read, so no event can end before it starts.
    let overnight = text.replace("22:00-23:59", "22:00-01:30");
    let refused = implan::load::load(&Source::new("t.toml", &overnight)).expect_err("an overnight range is refused");
    assert_eq!(refused[0].message.en(), "cannot read 'when': the time range ends at 01:30 before it starts at 22:00");
}

#[test]
fn activities_sharing_an_id_get_distinct_uids() {
    let act = |title: &str, when: &str| {
        format!("\n[[activity]]\nid = \"mote\"\ntitle = \"{title}\"\nwhen = \"{when}\"\nowner = \"pl\"\n")
    };
    let text =
        format!("{HEAD}{}{}{}", act("Første", "2026-03-12"), act("Andre", "2026-04-16"), act("Tredje", "2026-05-21"));
    let (_, events) = rendered(&text);
    let uids: Vec<&str> = events.iter().map(|(u, _, _)| u.as_str()).collect();
    assert_eq!(uids, ["mote@moteplan.implan", "mote-2@moteplan.implan", "mote-3@moteplan.implan"]);
    // A title with nothing for a domain still gives one.
    let (_, events) = rendered(&format!("{}{}", HEAD.replace("Møteplan", "🙂"), act("Første", "2026-03-12")));
    assert_eq!(events[0].0, "mote@plan.implan");
}
