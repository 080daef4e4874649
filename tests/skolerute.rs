//! The skolerute fixtures read by a second, independent iCalendar reader (Python's `icalendar` package), and
//! every event it sees compared with what `implan::skolerute::read` made of it: the first and last school days,
//! the planning days, the breaks by name and span, and the events left out.
//!
//! The Python package must be there (`.ci/run` installs it): the test fails, it does not skip, without it.

use chrono::NaiveDate;
use implan::skolerute::{self, Skolerute};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// Prints one JSON object per VEVENT: its SUMMARY, its first day and its last day (inclusive), as
/// python-icalendar reads them. An all-day DTEND is the day after the last day (RFC 5545); a timed event's
/// days are its start's and end's dates in its own time zone.
const READER: &str = r#"
import datetime, json, sys
import icalendar
with open(sys.argv[1], 'rb') as f:
    cal = icalendar.Calendar.from_ical(f.read())
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    end = ev.decoded('DTEND') if 'DTEND' in ev else None
    if isinstance(start, datetime.datetime):
        first = start.date()
        last = end.date() if end is not None else first
    else:
        first = start
        last = end - datetime.timedelta(days=1) if end is not None else first
    print(json.dumps({'summary': str(ev.get('SUMMARY', '')), 'first': first.isoformat(), 'last': last.isoformat()}))
"#;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Event {
    summary: String,
    first: NaiveDate,
    last: NaiveDate,
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/skolerute").join(name)
}

/// The events of a file as python-icalendar sees them.
fn python_events(name: &str) -> Vec<Event> {
    let has_package = Command::new("python3").args(["-c", "import icalendar"]).output();
    match has_package {
        Ok(out) if out.status.success() => {}
        other => panic!(
            "this test needs python3 with the icalendar package, as a second reader of the fixtures: \
             `python3 -m pip install --user 'icalendar==6.*'` (.ci/run does it); got {other:?}"
        ),
    }
    let out = Command::new("python3").args(["-c", READER]).arg(path(name)).output().expect("python3 runs");
    assert!(out.status.success(), "python-icalendar cannot read {name}: {}", String::from_utf8_lossy(&out.stderr));
    let day = |v: &serde_json::Value| NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            Event {
                summary: v["summary"].as_str().unwrap().to_string(),
                first: day(&v["first"]),
                last: day(&v["last"]),
            }
        })
        .collect()
}

fn read(name: &str) -> Skolerute {
    let text = std::fs::read_to_string(path(name)).unwrap();
    skolerute::read(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// Every day from `first` to `last`.
fn days(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}

/// The python reader's events, sorted by what the fixture calls them (its own names, listed here, not
/// implan's classification), against what `read` returned.
fn compare(name: &str, first_names: &[&str], last_names: &[&str], planning: &str, ignored: &[&str]) {
    let events = python_events(name);
    let read = read(name);
    assert!(events.len() > 5, "{name}: python-icalendar sees {} events", events.len());

    let named =
        |names: &[&str]| -> Vec<&Event> { events.iter().filter(|e| names.contains(&e.summary.as_str())).collect() };
    let firsts: Vec<NaiveDate> = named(first_names).iter().map(|e| e.first).collect();
    let lasts: Vec<NaiveDate> = named(last_names).iter().map(|e| e.first).collect();
    assert_eq!(read.years.iter().map(|y| y.first_day).collect::<Vec<_>>(), firsts, "{name}: first school days");
    assert_eq!(read.years.iter().map(|y| y.last_day).collect::<Vec<_>>(), lasts, "{name}: last school days");

    let is_planning = |e: &Event| e.summary.to_lowercase().contains(planning);
    let python_planning: BTreeSet<NaiveDate> =
        events.iter().filter(|e| is_planning(e)).flat_map(|e| days(e.first, e.last)).collect();
    let read_planning: BTreeSet<NaiveDate> = read.years.iter().flat_map(|y| y.planning_days.iter().copied()).collect();
    assert_eq!(read_planning, python_planning, "{name}: planning days");
    assert!(!python_planning.is_empty());

    let python_ignored: Vec<&str> = named(ignored).iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(read.ignored, python_ignored, "{name}: the events left out");

    let mut python_breaks: Vec<Event> = events
        .iter()
        .filter(|e| {
            let s = e.summary.as_str();
            !first_names.contains(&s) && !last_names.contains(&s) && !is_planning(e) && !ignored.contains(&s)
        })
        .cloned()
        .collect();
    python_breaks.sort();
    let mut read_breaks: Vec<Event> = read
        .years
        .iter()
        .flat_map(|y| &y.breaks)
        .map(|b| Event { summary: b.name_nb.clone(), first: b.start, last: b.end })
        .collect();
    read_breaks.sort();
    assert_eq!(read_breaks, python_breaks, "{name}: breaks");
}

#[test]
fn the_nordland_like_file_reads_as_python_icalendar_reads_it() {
    compare(
        "nordland-like.ics",
        &["Første skoledag"],
        &["Siste skoledag"],
        "planleggingsdag",
        &["Foreldremøte 8. trinn"],
    );
}

#[test]
fn the_nynorsk_file_reads_as_python_icalendar_reads_it() {
    compare("nynorsk.ics", &["Fyrste skuledag"], &["Siste skuledag"], "planleggingsdag", &[]);
}
