//! In-process benchmarks of the work behind `check`, `schedule`, `status` and `done`, on generated plans of
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
        implan::views::schedule::render(&view, &implan::views::schedule::Options::default()).map(|s| s.len())
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
