//! In-process benchmarks of the work behind `check`, `schedule`, `status`, `done` and `add`, on generated plans of
//! 1,000, 10,000 and 100,000 activities, with the bare TOML parse of the same text as the floor.
//!
//! ```text
//! cargo bench --bench implan                 # all
//! cargo bench --bench implan -- check        # one group
//! ```
//!
//! `benches/run.sh` times the whole process instead (start-up, reading, printing, peak memory).

#[path = "../examples/genplan.rs"]
#[allow(dead_code)]
mod genplan;

use chrono::NaiveDate;
use implan::source::Source;
use std::sync::OnceLock;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

/// The generated plan of each size, made once.
fn source(n: usize) -> &'static Source {
    static PLANS: [OnceLock<Source>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SIZES.iter().position(|&s| s == n).expect("one of SIZES");
    PLANS[i].get_or_init(|| Source::new(format!("plan-{n}.toml"), genplan::generate(n, genplan::Broken::No)))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2031, 3, 15).expect("a date")
}

/// The floor: toml's own parse of the whole text into its spanned tree, nothing of implan.
#[divan::bench(args = SIZES, sample_count = 10)]
fn parse(bencher: divan::Bencher, n: usize) {
    let text = &source(n).text;
    bencher.bench(|| toml::de::DeTable::parse_recoverable(divan::black_box(text)));
}

/// What `implan check` does with one file: load (in pieces from 1 MB) and run every rule.
#[divan::bench(args = SIZES, sample_count = 10)]
fn check(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    bencher.bench(|| {
        let findings = implan::check::check_source(divan::black_box(src));
        assert!(findings.is_empty());
        findings
    });
}

/// Loading only: the piecewise loader that large files get, against parsing the whole file.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    bencher.bench(|| implan::load::load(divan::black_box(src)).map(|p| p.activities.len()));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn load_whole(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    bencher.bench(|| implan::load::load_whole(divan::black_box(src)).map(|p| p.activities.len()));
}

/// `implan schedule`: load and print the table by phase.
#[divan::bench(args = SIZES, sample_count = 10)]
fn schedule(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    bencher.bench(|| {
        let plan = implan::load::load(src).expect("loads");
        let view = implan::views::View::new(&plan, src, implan::model::Lang::Nb, today());
        implan::views::schedule::render(&view, &implan::views::schedule::ScheduleOptions::default()).map(|s| s.len())
    });
}

/// `implan status`: load, run the rules, and print the one-screen summary.
#[divan::bench(args = SIZES, sample_count = 10)]
fn status(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    bencher.bench(|| {
        let plan = implan::load::load(src).expect("loads");
        let findings = implan::rules::run(&plan, src);
        let view = implan::views::View::new(&plan, src, implan::model::Lang::Nb, today());
        let report = implan::views::status::build(&view, &findings);
        implan::views::status::render_text(&view, &report, "plan.toml").len()
    });
}

/// `implan done`: the edit of one activity in the middle of the file, with the re-parse that proves nothing
/// else moved (the write to disk is left out: it is the file system's time).
#[divan::bench(args = SIZES, sample_count = 10)]
fn done(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    let id = format!("a{:06}", n / 2);
    let edit = implan::edit::Edit::done_on(today());
    bencher.bench(|| implan::edit::apply(divan::black_box(&src.text), &id, &edit).map(|(t, _)| t.len()));
}

/// `implan add`: a new activity after the last one of a phase in the middle of the plan, with its proof (the
/// write to disk is left out).
#[divan::bench(args = SIZES, sample_count = 10)]
fn add(bencher: divan::Bencher, n: usize) {
    let src = source(n);
    let plan = implan::load::load(src).expect("loads");
    let new = implan::edit::NewActivity {
        phase: plan.phases[plan.phases.len() / 2].id.value.clone(),
        title: "Ekstra foreldremøte".into(),
        when: "oktober 2031".into(),
        owners: vec!["prosjektleder".into()],
        after: Vec::new(),
        id: None,
    };
    bencher.bench(|| implan::edit::add(divan::black_box(&src.text), &new).map(|(t, _)| t.len()));
}

/// Lengths of the long texts of `genplan::long_texts`: every command must take time linear in them.
const LENGTHS: [usize; 3] = [10_000, 100_000, 1_000_000];

/// The long-text plan of each length, made once, with what every view needs.
fn long_source(n: usize) -> &'static Source {
    static PLANS: [OnceLock<Source>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = LENGTHS.iter().position(|&s| s == n).expect("one of LENGTHS");
    PLANS[i].get_or_init(|| Source::new(format!("long-{n}.toml"), genplan::long_texts(n)))
}

/// The work of a view command on the long-text plan: load, the plan as shown, the view, then `render`.
fn long_view(n: usize, render: impl Fn(&implan::views::View) -> usize) -> usize {
    let src = long_source(n);
    let plan = implan::load::load(src).expect("loads").shown();
    let view = implan::views::View::new(&plan, src, implan::model::Lang::Nb, today());
    render(&view)
}

/// `implan check` on the long-text plan, human output: the findings quote long names and suggest them.
#[divan::bench(args = LENGTHS, sample_count = 5)]
fn long_text_check(bencher: divan::Bencher, n: usize) {
    let src = long_source(n);
    bencher.bench(|| {
        let findings = implan::check::check_source(src);
        let report = implan::check::FileReport {
            path: src.path.clone(),
            source: Some(src.clone()),
            findings,
            lang: implan::lang::Lang::Nb,
        };
        implan::render::human(&[report], &[], implan::lang::Lang::Nb).len()
    });
}

/// `implan schedule --width 80` on the long-text plan: table cells with long words.
#[divan::bench(args = LENGTHS, sample_count = 5)]
fn long_text_schedule(bencher: divan::Bencher, n: usize) {
    let opts = implan::views::schedule::ScheduleOptions { width: Some(80), ..Default::default() };
    bencher.bench(|| long_view(n, |v| implan::views::schedule::render(v, &opts).map_or(0, |s| s.len())));
}

/// `implan wheel` on the long-text plan: labels hyphenated into ring segments.
#[divan::bench(args = LENGTHS, sample_count = 5)]
fn long_text_wheel(bencher: divan::Bencher, n: usize) {
    let opts = implan::export::svg::WheelOptions {
        first_month: 8,
        rings: implan::export::svg::Rings::Role,
        ..Default::default()
    };
    bencher.bench(|| long_view(n, |v| implan::export::svg::wheel(v, &opts).len()));
}

/// `implan status`, `timeline`, `gantt` and `export ics` on the long-text plan, one after the other.
#[divan::bench(args = LENGTHS, sample_count = 5)]
fn long_text_other_views(bencher: divan::Bencher, n: usize) {
    bencher.bench(|| {
        long_view(n, |v| {
            let report = implan::views::status::build(v, &[]);
            let timeline = implan::views::timeline::TimelineOptions { width: 80 };
            implan::views::status::render_text(v, &report, "long.toml").len()
                + implan::views::timeline::render(v, &timeline).len()
                + implan::export::svg::gantt(v, &implan::export::svg::GanttOptions { width: 1200, span: None }).len()
                + implan::export::ics::render(v, &implan::export::ics::IcsOptions { role: None }).map_or(0, |s| s.len())
        })
    });
}
