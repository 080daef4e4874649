//! `implan report` on every shipped plan, parsed with an HTML5 parser: every section is there and carries the
//! plan's data; the page is self-contained.

mod common;

use common::{TempDir, root};

use scraper::{Html, Selector};
use std::path::{Path, PathBuf};

fn report(plan: &Path) -> String {
    let o = common::command(&["report", &plan.display().to_string(), "--today", "2026-11-23"])
        .output()
        .expect("implan runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

#[test]
fn every_plan_gets_a_complete_self_contained_report() {
    let mut plans: Vec<PathBuf> = std::fs::read_dir(root().join("plans")).unwrap().map(|e| e.unwrap().path()).collect();
    plans.push(root().join("examples/beiarn-progress.toml"));
    plans.sort();
    for plan in plans {
        let html = report(&plan);
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty(), "{}: HTML parse errors {:?}", plan.display(), doc.errors);
        let source = implan::source::Source::new(&plan, std::fs::read_to_string(&plan).unwrap());
        let p = implan::load::load(&source).expect("the plan loads");
        let title: String = doc.select(&sel("header#title h1")).next().expect("a title").text().collect();
        assert_eq!(title, p.title.value, "{}", plan.display());
        for id in ["progress", "gantt", "wheel", "overdue", "upcoming", "checklists", "findings"] {
            assert!(doc.select(&sel(&format!("section#{id}"))).next().is_some(), "{}: no #{id}", plan.display());
        }
        if let Some(goal) = &p.goal {
            let goals: String = doc.select(&sel("section#goals")).next().expect("goals").text().collect();
            assert!(goals.contains(&goal.text), "{}", plan.display());
        }
        let progress: String = doc.select(&sel("section#progress")).next().unwrap().text().collect();
        for ph in &p.phases {
            assert!(progress.contains(&ph.name), "{}: phase {} missing from progress", plan.display(), ph.name);
        }
        // The Gantt chart is inline SVG: one, or one per landscape sheet of phases, each sheet with its heading.
        let charts = doc.select(&sel("section#gantt svg")).count();
        let sheets = doc.select(&sel("section#gantt div.sheet > h3 + figure > svg")).count();
        assert!(charts == 1 && sheets == 0 || charts == sheets && sheets > 1, "{}: {charts}, {sheets}", plan.display());
        let gantt: String = doc.select(&sel("section#gantt")).next().unwrap().text().collect();
        for ph in &p.phases {
            assert!(gantt.contains(&ph.name), "{}: phase {} missing from the Gantt chart", plan.display(), ph.name);
        }
        // One wheel, inline SVG, for each school year with work in it.
        let years = implan::export::svg::WheelSpan::school_years_of(&p, implan::model::Lang::Nb)
            .into_iter()
            .filter(|y| p.activities.iter().any(|a| a.when.value.start <= y.to && a.last_day >= y.from))
            .count();
        assert!(years >= 1, "{}", plan.display());
        assert_eq!(doc.select(&sel("section#wheel svg")).count(), years, "{}: a wheel per school year", plan.display());
        assert_eq!(doc.select(&sel("section#wheel h3")).count(), years, "{}", plan.display());
        let checklists: String = doc.select(&sel("section#checklists")).next().unwrap().text().collect();
        for a in p.activities.iter().filter(|a| !a.owners.is_empty()) {
            assert!(checklists.contains(&a.title.value), "{}: {} in no checklist", plan.display(), a.title.value);
        }
        assert!(doc.select(&sel("script")).next().is_none(), "no scripts");
        assert!(doc.select(&sel("link")).next().is_none(), "no external stylesheets");
        assert!(doc.select(&sel("img")).next().is_none(), "{}: no external images", plan.display());
        let without_ns = html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "");
        assert!(
            !without_ns.contains("http://") && !without_ns.contains("https://"),
            "{}: network reference",
            plan.display()
        );
        assert!(html.contains("@media print") && html.contains("size:A4"), "prints on A4");
    }
}

#[test]
fn findings_and_overdue_work_are_listed() {
    let html = report(&root().join("examples/beiarn-as-written.toml"));
    let doc = Html::parse_document(&html);
    let rows = doc.select(&sel("section#findings tr")).count();
    assert_eq!(rows, 19, "the 19 findings of the Beiarn plan as written");
    let overdue: String = doc.select(&sel("section#overdue")).next().unwrap().text().collect();
    assert!(overdue.contains("Oppstartsmøte for styringsgruppen"), "{overdue}");
    let english =
        common::command(&["report", "examples/beiarn-progress.toml", "--today", "2026-11-23", "--lang", "en"])
            .output()
            .unwrap();
    let doc = Html::parse_document(&String::from_utf8_lossy(&english.stdout));
    let h2: Vec<String> = doc.select(&sel("h2")).map(|h| h.text().collect()).collect();
    assert!(h2.iter().any(|h| h == "Progress") && h2.iter().any(|h| h == "Annual wheel"), "{h2:?}");
}

/// What a steering group reads in the Bokmål report of the Beiarn plan as written (its 19 findings included)
/// has no English in it: the only English words are the rule ids, which are stable names, not sentences.
#[test]
fn the_bokmal_report_has_no_english_sentence() {
    let html = report(&root().join("examples/beiarn-as-written.toml"));
    let doc = Html::parse_document(&html);
    let body: String = doc.select(&sel("body")).next().unwrap().text().collect::<Vec<_>>().join(" ");
    let mut text = body.clone();
    for r in implan::rules::ALL {
        text = text.replace(&format!("[{}]", r.id), "");
    }
    let english = [
        "the",
        "and",
        "of",
        "is",
        "not",
        "no",
        "to",
        "with",
        "after",
        "before",
        "every",
        "months",
        "activity",
        "unknown",
        "role",
        "phase",
        "declared",
        "mean",
        "help",
        "error",
        "warning",
        "nothing",
        "scheduled",
        "plan",
        "year",
        "today",
        "overdue",
        "done",
        "planned",
        "progress",
        "checked",
        "files",
        "findings",
    ];
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let found: Vec<&&str> = words.iter().filter(|w| english.contains(&w.to_lowercase().as_str())).collect();
    assert!(found.is_empty(), "English in the Bokmål report: {found:?}");
    assert!(body.contains("ukjent rolle 'Jurist'"), "the findings are there, in Bokmål: {body}");
}

#[test]
fn exports_write_their_files() {
    let dir = TempDir::new("report-exports");
    let plan = root().join("examples/beiarn-progress.toml").display().to_string();
    for (args, file, start) in [
        (vec!["gantt", &plan, "--today", "2026-11-23"], "g.svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "),
        (
            vec!["wheel", &plan, "--today", "2026-11-23", "--rings", "kind", "--first-month", "1"],
            "w.svg",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ",
        ),
        (vec!["report", &plan, "--today", "2026-11-23"], "r.html", "<!DOCTYPE html>"),
        (vec!["export", "ics", &plan, "--role", "rektorer"], "c.ics", "BEGIN:VCALENDAR"),
    ] {
        let out = dir.join(file);
        let mut a = args.clone();
        let o = out.display().to_string();
        a.extend(["-o", &o]);
        let r = common::command(&a).output().unwrap();
        assert_eq!(r.status.code(), Some(0), "{a:?}: {}", String::from_utf8_lossy(&r.stderr));
        // In the plan's language, as the export itself.
        assert_eq!(String::from_utf8_lossy(&r.stdout), format!("skrev {o}\n"));
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with(start), "{file} begins {:?}", &text[..text.len().min(60)]);
    }
    let bad = common::command(&["export", "ics", &plan, "--role", "rektor", "--lang", "en"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean 'rektorer'?"));
}

/// `--year` and `--from`/`--to` choose what the report's pictures show, and `gantt` takes them too.
#[test]
fn the_pictures_show_the_days_asked_for() {
    let run = |args: &[&str]| {
        let o = common::command(args).output().expect("implan runs");
        assert!(o.status.success(), "{args:?}: {}", common::stderr(&o));
        common::stdout(&o)
    };
    let plan = "plans/beiarn-omni.toml";
    let headings = |html: &str| -> Vec<String> {
        let doc = Html::parse_document(html);
        doc.select(&sel("section#wheel h3")).map(|h| h.text().collect()).collect()
    };
    let year = run(&["report", plan, "--today", "2026-11-23", "--year", "2027/28"]);
    assert_eq!(headings(&year), ["Skoleåret 2027/28"]);
    let from = run(&["report", plan, "--today", "2026-11-23", "--from", "høst 2027"]);
    assert_eq!(headings(&from), ["Skoleåret 2027/28", "Skoleåret 2028/29"]);
    let whole = run(&["report", plan, "--today", "2026-11-23"]);
    assert_eq!(headings(&whole), ["Skoleåret 2025/26", "Skoleåret 2026/27", "Skoleåret 2027/28", "Skoleåret 2028/29"]);
    // The Gantt of a school year has its months only, and says so under the title.
    let gantt = run(&["gantt", plan, "--today", "2026-11-23", "--year", "2027/28"]);
    assert!(gantt.contains("august 2027 – juli 2028") && !gantt.contains("Oppstartsmøte"), "{gantt}");
    let bad = common::command(&["gantt", plan, "--year", "2027"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(common::stderr(&bad).contains("--year: '2027' er ikke et skoleår"), "{}", common::stderr(&bad));
}
