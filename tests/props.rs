//! Property tests: any bytes, and plausible plans written in many ways (valid and not), through decoding,
//! loading, checking, rendering and editing.
//!
//! Plans are generated from a list of small numbers, each choosing one option ([`Choices`]); proptest shrinks
//! the list towards fewer and smaller numbers, and option 0 is always the simplest, so a failure shrinks to a
//! short plan.

use chrono::NaiveDate;
use implan::check::{FileReport, check_source};
use implan::diag::Finding;
use implan::edit::{Edit, apply};
use implan::model::{Plan, Status};
use implan::source::Source;
use proptest::prelude::*;
use std::path::Path;

/// Findings that may have no span: about a file as a whole. (rule, start of the message) Neither comes from
/// `check_source`; "this file has no [plan] table" has a span, the empty one at 0 (`0..0`).
const SPANLESS: &[(&str, &str)] = &[
    // `load::decode`, for bytes with a NUL in them.
    ("invalid-toml", "this is a binary file, not a plan"),
    // `config::load_config_file`, for an `implan.toml` that cannot be read.
    ("invalid-plan", "cannot read it: "),
];

fn spanless_allowed(f: &Finding) -> bool {
    SPANLESS.iter().any(|(rule, msg)| f.rule.as_str() == *rule && f.message.en().starts_with(msg))
}

/// Every span of a finding lies in the text, on character boundaries, and has a line and column.
fn assert_spans_ok(source: &Source, f: &Finding) {
    let text = &source.text;
    let lines = text.split('\n').count();
    let spans = f.span.iter().chain(f.related.iter().map(|(s, _)| s));
    for span in spans {
        assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside the text: {f:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} not on char boundaries: {f:?}"
        );
        for at in [span.start, span.end] {
            let lc = source.line_col(at);
            assert!(lc.line >= 1 && lc.line <= lines && lc.column >= 1, "bad position {lc:?} for {f:?}");
            let line_text = text.split('\n').nth(lc.line - 1).unwrap_or("");
            assert!(lc.column <= line_text.chars().count() + 1, "column {lc:?} past the end of its line: {f:?}");
        }
    }
}

fn debug_findings(source: &Source) -> String {
    format!("{:?}", check_source(source))
}

/// Every machine and human format of the findings, each read back: one entry per finding, in order, with its
/// rule; the documents parse (JSON, SARIF, JUnit XML); no line of the line formats is broken by plan text.
fn render_all(source: &Source, findings: Vec<Finding>) {
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    let errors = findings.iter().filter(|f| f.severity == implan::diag::Severity::Error).count();
    let reports = [FileReport {
        path: source.path.clone(),
        source: Some(source.clone()),
        findings,
        lang: implan::lang::Lang::En,
    }];
    let n = rules.len();

    let plain = anstream::adapter::strip_str(&implan::render::human(&reports, &[], implan::lang::Lang::En)).to_string();
    let headed: Vec<&str> = plain
        .lines()
        .filter_map(|l| l.strip_prefix("error[").or_else(|| l.strip_prefix("warning[")))
        .map(|l| l.split(']').next().unwrap_or(""))
        .collect();
    assert_eq!(headed, rules, "human: one heading per finding\n{plain}");

    let json: serde_json::Value =
        serde_json::from_str(&implan::render::json(&reports, &[], implan::lang::Lang::En)).expect("JSON parses");
    let got: Vec<&str> =
        json["findings"].as_array().expect("findings").iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(got, rules, "json");
    assert_eq!(json["summary"]["errors"].as_u64(), Some(errors as u64), "json summary");

    let concise =
        anstream::adapter::strip_str(&implan::render::concise(&reports, &[], implan::lang::Lang::En)).to_string();
    let lines: Vec<&str> = concise.lines().collect();
    assert_eq!(lines.len(), n + 1, "concise: a line per finding and the summary\n{concise}");
    for (line, rule) in lines.iter().zip(&rules) {
        assert!(line.contains(&format!("[{rule}] ")), "concise: {line}");
    }

    let github = implan::render::github(&reports, &[], implan::lang::Lang::En);
    let commands: Vec<&str> = github.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), n, "github: a workflow command per finding\n{github}");
    assert_eq!(github.lines().count(), n, "github: nothing else, no broken line");

    let sarif: serde_json::Value =
        serde_json::from_str(&implan::render::sarif(&reports, &[], implan::lang::Lang::En)).expect("SARIF parses");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let got: Vec<&str> = results.iter().map(|r| r["ruleId"].as_str().unwrap()).collect();
    assert_eq!(got, rules, "sarif");

    let junit = implan::render::junit(&reports, &[], false, implan::lang::Lang::En);
    let doc = roxmltree::Document::parse(&junit).unwrap_or_else(|e| panic!("JUnit is not XML: {e}\n{junit}"));
    let cases: Vec<_> = doc.descendants().filter(|d| d.has_tag_name("testcase")).collect();
    assert_eq!(cases.len(), 1, "junit: one case for the file");
    let failed = cases[0].children().any(|c| c.has_tag_name("failure"));
    assert_eq!(failed, errors > 0, "junit: the case fails exactly when there are errors");
}

// ---------------------------------------------------------------------------------------------------------
// Any bytes.

/// Pieces that make byte strings interesting for a TOML plan loader.
const FRAGMENTS: &[&[u8]] = &[
    b"\0",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\n",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    "ø".as_bytes(),
    "–".as_bytes(),
    b"[plan]\n",
    b"title = \"T\"\n",
    b"start = \"v\xc3\xa5r 2026\"\n",
    b"end = 2027\n",
    b"[[phase]]\n",
    b"[[phase.activity]]\n",
    b"[[activity]]\n",
    b"[roles]\n",
    b"a = \"b\"\n",
    b"when = \"mars 2026\"\n",
    b"period = \"H\xc3\xb8st 2026 \xe2\x80\x93 V\xc3\xa5r 2027\"\n",
    b"id = \"x\"\n",
    b"\"",
    b"'''",
    b"{",
    b"}",
    b"[",
    b"]",
    b"=",
    b" ",
    b"#",
    b"\\u00e5",
];

fn bytes_strategy() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat()),
        (prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40), prop::collection::vec(any::<u8>(), 0..8))
            .prop_map(|(v, mut junk)| {
                let mut out = v.concat();
                let at = junk.first().map_or(0, |&b| b as usize % (out.len() + 1));
                let k = 1.min(junk.len());
                junk.rotate_left(k);
                out.splice(at..at, junk);
                out
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_decode_and_check(bytes in bytes_strategy()) {
        let (source, not_text) = implan::load::decode(Path::new("p.toml"), bytes.clone());
        if let Some(f) = &not_text {
            prop_assert!(f.span.is_some() || spanless_allowed(f), "span-less finding: {f:?}");
            assert_spans_ok(&source, f);
        }
        let findings = check_source(&source);
        for f in &findings {
            prop_assert!(f.span.is_some() || spanless_allowed(f), "span-less finding: {f:?}");
            assert_spans_ok(&source, f);
        }
        prop_assert_eq!(format!("{findings:?}"), debug_findings(&source), "check is not deterministic");
        render_all(&source, not_text.into_iter().chain(findings).collect());
    }

}

/// The piecewise loader, when it takes a file, gives exactly what the whole-file loader gives. Whether it took
/// the file (and so whether anything was compared).
fn assert_pieces_equal_whole(source: &Source) -> Result<bool, TestCaseError> {
    let Some(pieces) = implan::load::load_in_pieces(source, 0) else { return Ok(false) };
    let whole = implan::load::load_whole(source);
    prop_assert_eq!(format!("{pieces:?}"), format!("{whole:?}"), "pieces differ from whole for\n{}", source.text);
    Ok(true)
}

/// Runs a property over `cases` inputs and returns how many of them it counted (it returns `true` for those):
/// a property that compares only sometimes must say how often it did.
fn run_counting<S: Strategy>(
    cases: u32,
    strategy: S,
    property: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> u32 {
    let counted = std::cell::Cell::new(0);
    let config = ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&strategy, |v| {
        if property(v)? {
            counted.set(counted.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    counted.get()
}

/// Bodies of phases and activities, some of them wrong in value (not in syntax: that is the splice's job).
const PHASE_BODIES: &[&str] = &[
    "id = \"p\"\nname = \"Vår\"\nperiod = \"Vår 2026\"\n",
    "name = \"Uten id\"\nperiod = \"Høst 2026\"\n",
    "id = \"q\"\nname = \"Q\"\nperiod = \"våren 20x6\"\n",
    "id = \"p\"\nname = \"Igjen\"\nperiod = \"2027\"\nukjent = true\n",
];
const ACTIVITY_BODIES: &[&str] = &[
    "title = \"Møte\"\nwhen = \"mars 2026\"\nowner = \"pl\"\n",
    "title = \"Uten dato\"\nowner = \"pl\"\n",
    "title = 7\nwhen = \"mars 2026\"\n",
    "id = \"a\"\ntitle = \"Kurs\"\nwhen = \"2026-04-20\"\nowner = \"ukjent\"\n",
    "title = \"Kurs\"\nwhen = \"2026-13-01\"\nowner = \"pl\"\nukjent = 1\n",
    "title = \"Status\"\nwhen = \"mai 2026\"\nstatus = \"ferdig\"\nafter = [\"a\"]\n",
    "title = \"Skjult\u{202e}\"\nwhen = \"juni 2026\"\nowner = \"pl\"\n",
    "title = \"\"\"\n[[activity]]\n\"\"\"\nwhen = \"juni 2026\"\n",
];

/// An activity's body, with a cost table of its own or not.
fn activity_strategy() -> impl Strategy<Value = (&'static str, bool)> {
    (prop::sample::select(ACTIVITY_BODIES), any::<bool>())
}

/// A plan head, phases with their activities and top-level activities (which the cut takes), sometimes with a
/// fragment of bytes spliced in (which it may take or leave to the whole-file loader).
fn cuttable_strategy() -> impl Strategy<Value = Vec<u8>> {
    let head = "[plan]\ntitle = \"T\"\nstart = \"2026\"\nend = \"2027\"\n\n[roles]\npl = \"P\"\n\n";
    let phases = prop::collection::vec(
        (prop::sample::select(PHASE_BODIES), prop::collection::vec(activity_strategy(), 0..4)),
        0..4,
    );
    let activities = prop::collection::vec(activity_strategy(), 1..6);
    let splice = prop::option::weighted(0.3, (any::<prop::sample::Index>(), prop::sample::select(FRAGMENTS)));
    (phases, activities, splice).prop_map(move |(phases, activities, splice)| {
        let mut text = head.to_string();
        let activity = |text: &mut String, header: &str, (body, cost): (&str, bool)| {
            text.push_str(&format!("[[{header}]]\n{body}"));
            if cost {
                text.push_str(&format!("[{header}.cost]\nkr = 1000\n"));
            }
            text.push('\n');
        };
        for (body, acts) in phases {
            text.push_str(&format!("[[phase]]\n{body}\n"));
            for a in acts {
                activity(&mut text, "phase.activity", a);
            }
        }
        for a in activities {
            activity(&mut text, "activity", a);
        }
        let mut out = text.into_bytes();
        if let Some((at, fragment)) = splice {
            let at = at.index(out.len() + 1);
            out.splice(at..at, fragment.iter().copied());
        }
        out
    })
}

#[test]
fn cuttable_files_load_the_same_in_pieces() {
    let cases = 1024;
    let compared = run_counting(cases, cuttable_strategy(), |bytes| {
        let (source, _) = implan::load::decode(Path::new("p.toml"), bytes);
        assert_pieces_equal_whole(&source)
    });
    // About three in four are cut (measured: 788 of 1024); a spliced fragment often breaks the syntax, and
    // then the whole-file loader decides alone.
    assert!(compared * 10 >= cases * 6, "the pieces were compared in only {compared} of {cases} files");
}

#[test]
fn any_bytes_seldom_cut_but_equal_when_they_are() {
    // Random bytes are almost never a plan the cut takes; the property above is where pieces are compared.
    // Here the point is that no input, however broken, makes the two loaders disagree or panic.
    run_counting(1024, bytes_strategy(), |bytes| {
        let (source, _) = implan::load::decode(Path::new("p.toml"), bytes);
        assert_pieces_equal_whole(&source)
    });
}

/// The inputs the fuzz targets found, minimized (tests/fuzz-regressions/, any file name): each goes through
/// what the `check` fuzz target checks. The first, `pieces-without-plan.toml` (`[[phase]]`): without a `[plan]`
/// table the pieces reported the phases' missing keys, which the whole-file loader does not.
#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut paths: Vec<_> =
        std::fs::read_dir(&dir).expect("tests/fuzz-regressions").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let bytes = std::fs::read(&path).expect("regression input");
        let (source, not_text) = implan::load::decode(&path, bytes);
        let findings = check_source(&source);
        for f in not_text.iter().chain(&findings) {
            assert!(f.span.is_some() || spanless_allowed(f), "{}: span-less finding: {f:?}", path.display());
            assert_spans_ok(&source, f);
        }
        assert_eq!(format!("{findings:?}"), debug_findings(&source), "{}: not deterministic", path.display());
        if let Err(e) = assert_pieces_equal_whole(&source) {
            panic!("{}: {e}", path.display());
        }
        render_all(&source, not_text.into_iter().chain(findings).collect());
    }
}

#[test]
fn shipped_plans_split_and_load_the_same_in_pieces() {
    // The pieces property above is not empty: real plans are cut into pieces, and agree with the whole file.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut split = 0;
    for dir in ["plans", "examples", "examples/rules"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("dir") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let source = Source::new(&path, std::fs::read_to_string(&path).expect("text"));
            match assert_pieces_equal_whole(&source) {
                Ok(compared) => split += usize::from(compared),
                Err(e) => panic!("{}: {e}", path.display()),
            }
        }
    }
    assert!(split > 10, "only {split} shipped plans are cut into pieces");
}

// ---------------------------------------------------------------------------------------------------------
// Plausible plans.

/// Choices read from a list of numbers; past its end every choice is 0 (the simplest option).
struct Choices<'a> {
    data: &'a [u16],
    pos: usize,
}

impl<'a> Choices<'a> {
    fn new(data: &'a [u16]) -> Self {
        Choices { data, pos: 0 }
    }

    fn pick(&mut self, n: usize) -> usize {
        let v = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        v as usize % n.max(1)
    }

    fn one<'x, T: ?Sized>(&mut self, xs: &[&'x T]) -> &'x T {
        xs[self.pick(xs.len())]
    }

    /// True one time in `n`; false when shrunk.
    fn sometimes(&mut self, n: usize) -> bool {
        self.pick(n) == n - 1
    }
}

/// `when` values as TOML: valid and invalid forms.
const WHENS_VALID: &[&str] = &[
    "\"2026-03\"",
    "\"mars 2026\"",
    "\"uke 40 2026\"",
    "\"skoleåret 2026/2027\"",
    "\"høst 2026\"",
    "\"vår 2027\"",
    "2026-08-17",
    "\"2026-04-21 18:00-19:30\"",
    "\"2027\"",
    "2026",
    "\"12. mars 2026\"",
    "\"March 2026\"",
    "\"desember 2026\"",
    "2026-03-12T10:00:00",
    "\"Høsten 2026\"",
    "\"23.10.2026\"",
    "2026-12-24",
    "\"17. mai 2027\"",
    "\"uke 8 2027\"",
    "\"2026-10-01\"",
];
const WHENS_INVALID: &[&str] = &[
    "\"2026-02-30\"",
    "\"0026\"",
    "\"\"",
    "\"første avtaleår\"",
    "\"år 2 eller 3\"",
    "\"uke 53 2026\"",
    "\"uke 0 2026\"",
    "\"2026-13\"",
    "\"mars\"",
    "\"fredag 25. september 2020 kl. 10–10.30\"",
    "\"torsdag 25. september 2020\"",
    "\"  \"",
    "\"99999\"",
    "\"skoleåret 2026/2029\"",
    "3",
    "-1",
    "9223372036854775807",
    "[\"mars 2026\"]",
    "{ a = 1 }",
    "true",
    "\"2026-06-31\"",
    "\"01.06.17\"",
    "\"9999-12\"",
    "\"uke 52 9999\"",
];
const PERIODS_VALID: &[&str] =
    &["Vår 2026", "Høst 2026 – Vår 2027", "2026", "august 2026 - juni 2027", "høst 2026 til vår 2028", "Vår 2025"];
const PERIODS_INVALID: &[&str] =
    &["Oppstart", "", "Vår 2027 – Høst 2026", "Høst 2026 –", "– Vår 2027", "vår 0026", "år 2 eller 3", "uke 40 2026"];
const ROLES: &[&str] = &["kommunalsjef", "prosjektleder", "rektorer", "styrere", "fau", "ansatte"];
/// Owners that load but name no declared role, or name one by its display name.
const OWNERS_ODD: &[&str] = &["ukjent", "Prosjektleder", "PROSJEKTLEDER", "styringsgruppe", "ø"];
const OWNERS_INVALID: &[&str] = &["", " "];
const TITLES: &[&str] = &[
    "Oppstartsmøte for styringsgruppen",
    "Evaluering",
    "Foreldremøte om trivsel",
    "Planleggingsdag om Omni-modellen",
    "Kurs: «Trygt miljø» (del 1)",
    "Æ Ø Å",
];
const STATUSES_VALID: &[&str] =
    &["\"planned\"", "\"done\"", "\"in-progress\"", "\"cancelled\"", "\"gjennomført\"", "\"pågår\"", "\"Avlyst\""];
const STATUSES_INVALID: &[&str] = &["\"kanskje\"", "\"\"", "\"donee\"", "1", "{ value = \"done\" }", "[\"done\"]"];
const DONES_INVALID: &[&str] = &["\"2026-03-12\"", "\"mars 2026\"", "2026-03-12T10:00:00", "12", "\"i går\""];
const EVERY_VALID: &[&str] = &["\"halvår\"", "\"6 months\"", "\"årlig\"", "\"kvartal\"", "\"2 år\""];
const EVERY_INVALID: &[&str] = &["\"bogus\"", "\"0 months\"", "6", "\"\""];
const PER_VALID: &[&str] = &["\"år\"", "\"halvår\"", "\"kvartal\"", "\"plan\"", "\"skoleår\"", "\"kalenderår\""];
const PER_INVALID: &[&str] = &["\"bogus\"", "\"avtaleår\"", "3"];
const COUNTS_VALID: &[&str] = &["4", "\"4-8\"", "[4, 2]", "1", "\"2–3\""];
const COUNTS_INVALID: &[&str] = &["0", "\"8-4\"", "[]", "\"x\"", "-1"];
const DURATIONS_VALID: &[&str] = &["\"3 dager\"", "\"2 weeks\"", "\"6 måneder\"", "\"1 år\""];
const DURATIONS_INVALID: &[&str] = &["\"0 dager\"", "\"613566757 uker\"", "\"101 år\"", "\"-1 uker\"", "\"lenge\""];
const COSTS_VALID: &[&str] =
    &["5000", "{ amount = 300, per = \"sett\", units = 40 }", "{ amount = 300 }", "999999999", "0"];
const COSTS_INVALID: &[&str] =
    &["{ amount = 9223372036854775807, units = 4294967295 }", "-1", "{ units = 3 }", "\"10\""];
const JUNK_LINES: &[&str] = &[
    "ownr = \"x\"",
    "[[phase.activity]]",
    "= 3",
    "[plan]",
    "activity = 3",
    "\"unterminated",
    "[[activity]]",
    "phase = \"p0\"",
    "[lint.rules]",
    "idle-gap = \"error\"",
    "[lint.options]",
    "idle-gap-months = 0",
    "summer-months = [13]",
    "[budget]",
    "total = -5",
    "title = \"again\"",
];

/// Writes a plan from choices. In valid mode the plan always loads (rules may still find problems); otherwise
/// each value is wrong now and then (how often is itself chosen), and junk lines may be inserted.
struct Gen<'a> {
    c: Choices<'a>,
    valid: bool,
    /// Out of 16: how often a value is wrong (0 in valid mode).
    chaos: usize,
    lines: Vec<String>,
    /// Whether the activity being written is an inline table (one line: no comments).
    inline: bool,
    roles: Vec<&'static str>,
    agreement: bool,
}

impl Gen<'_> {
    fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Whether to write something wrong here.
    fn bad(&mut self) -> bool {
        !self.valid && self.c.pick(16) >= 16 - self.chaos
    }

    /// One of `ok`, or now and then one of `wrong`.
    fn choose(&mut self, ok: &[&'static str], wrong: &[&'static str]) -> &'static str {
        if self.bad() { self.c.one(wrong) } else { self.c.one(ok) }
    }

    fn when(&mut self) -> String {
        let v = self.choose(WHENS_VALID, WHENS_INVALID).to_string();
        if self.agreement && self.c.sometimes(6) {
            return self.c.one(&["\"første avtaleår\"", "\"år 2 eller 3\"", "\"avtaleår 2\""]).to_string();
        }
        v
    }

    /// A role name for an owner, lead or member.
    fn role(&mut self) -> String {
        if self.bad() {
            self.c.one(OWNERS_INVALID).to_string()
        } else if self.c.sometimes(8) {
            self.c.one(OWNERS_ODD).to_string()
        } else {
            let roles = self.roles.clone();
            self.c.one(&roles).to_string()
        }
    }

    fn roles_list(&mut self, at_least: usize) -> String {
        let n = at_least + self.c.pick(3);
        let names: Vec<String> = (0..n).map(|_| format!("\"{}\"", self.role())).collect();
        format!("[{}]", names.join(", "))
    }

    fn plan(mut self) -> String {
        // Roles: a non-empty subset of ROLES.
        let mut roles: Vec<&'static str> = ROLES.iter().copied().filter(|_| self.c.pick(3) != 1).collect();
        if roles.is_empty() {
            roles.push(ROLES[0]);
        }
        self.roles = roles.clone();
        self.agreement = self.c.sometimes(3);

        self.push("[plan]");
        self.push("title = \"Plan for et trygt miljø\"");
        let start = self.choose(&["\"vår 2026\"", "\"2026-01\"", "2026", "\"høst 2026\""], WHENS_INVALID);
        let end = self.choose(&["\"vår 2028\"", "2027", "\"2027-06-30\""], WHENS_INVALID);
        self.push(format!("start = {start}"));
        self.push(format!("end = {end}"));
        if self.c.sometimes(2) {
            let line = format!("owner = \"{}\"", self.role());
            self.push(line);
        }
        if self.c.sometimes(4) {
            let line = format!("lang = \"{}\"", self.choose(&["nb", "en", "nb_NO.UTF-8"], &["klingon", ""]));
            self.push(line);
        }
        self.push("");
        self.push("[roles]");
        for r in &roles {
            let mut cap = r.to_string();
            cap[..1].make_ascii_uppercase();
            self.push(format!("{r} = \"{cap}\""));
        }
        if self.c.sometimes(3) {
            self.push("");
            self.push("[roles.styringsgruppe]");
            self.push("name = \"Styringsgruppe\"");
            let line = format!("lead = \"{}\"", self.role());
            self.push(line);
            let line = format!("members = {}", self.roles_list(0));
            self.push(line);
        }
        if self.agreement {
            self.push("");
            self.push("[agreement]");
            let line = format!("start = {}", self.choose(&["\"august 2026\"", "\"vår 2026\""], WHENS_INVALID));
            self.push(line);
            if self.c.sometimes(2) {
                let line = format!("years = {}", self.choose(&["3", "1", "50"], &["0", "-1", "100"]));
                self.push(line);
            }
        }
        if self.c.sometimes(2) {
            self.push("");
            self.push("[goal]");
            self.push("id = \"trygt\"");
            self.push("text = \"Alle opplever et trygt miljø.\"");
            self.push("sub = { trivsel = \"Øke trivselen.\", foreldre = \"Involvere foreldrene.\" }");
        }
        if self.c.sometimes(2) {
            self.push("");
            self.push("[[component]]");
            self.push("id = \"perspektiv\"");
            self.push("name = \"Omni-perspektivet\"");
        }
        if self.c.sometimes(4) {
            self.push("");
            self.push("[budget]");
            let line = format!("total = {}", self.choose(&["60000", "0", "1000"], &["9223372036854775807", "-1"]));
            self.push(line);
            self.push("years = { 2026 = 25000, 2027 = 20000 }");
        }

        // Activities: ids a0, a1, … or derived from the title; `after` names any of them.
        let n_phases = self.c.pick(4);
        let mut next = 0usize;
        for p in 0..n_phases {
            self.push("");
            self.push("[[phase]]");
            if !self.bad() {
                self.push(format!("id = \"p{p}\""));
            }
            self.push(format!("name = \"Fase {p}\""));
            let period = self.choose(PERIODS_VALID, PERIODS_INVALID);
            self.push(format!("period = \"{period}\""));
            if (!self.valid || period == "Oppstart") && self.c.sometimes(4) {
                let line = format!("start = {}", self.when());
                self.push(line);
                let line = format!("end = {}", self.when());
                self.push(line);
            }
            let n = self.c.pick(5);
            if n > 0 && self.c.sometimes(5) {
                self.inline = true;
                let items: Vec<String> =
                    (next..next + n).map(|i| format!("{{ {} }}", self.activity(i, None).join(", "))).collect();
                self.inline = false;
                self.push(format!("activity = [{}]", items.join(", ")));
            } else {
                for i in next..next + n {
                    self.push("");
                    let header = if self.c.sometimes(3) { "  [[phase.activity]]" } else { "[[phase.activity]]" };
                    self.push(header);
                    for f in self.activity(i, None) {
                        self.push(f);
                    }
                }
            }
            next += n;
        }
        for i in next..next + self.c.pick(3) {
            self.push("");
            self.push("[[activity]]");
            let phase = if n_phases > 0 && !self.c.sometimes(3) {
                Some(format!("\"p{}\"", self.c.pick(n_phases)))
            } else if self.valid {
                None
            } else {
                Some("\"ukjent-fase\"".to_string())
            };
            for f in self.activity(i, phase) {
                self.push(f);
            }
        }
        for r in 0..self.c.pick(3) {
            self.requirement(r);
        }
        if !self.valid && self.c.sometimes(3) {
            for _ in 0..1 + self.c.pick(2) {
                let junk = self.c.one(JUNK_LINES).to_string();
                let at = self.c.pick(self.lines.len() + 1);
                self.lines.insert(at, junk);
            }
        }
        let crlf = self.c.sometimes(4);
        let bom = self.c.sometimes(6);
        let mut text = self.lines.join(if crlf { "\r\n" } else { "\n" });
        if !self.c.sometimes(5) {
            text.push_str(if crlf { "\r\n" } else { "\n" });
        }
        if bom {
            text.insert(0, '\u{feff}');
        }
        text
    }

    fn requirement(&mut self, r: usize) {
        self.push("");
        let header = if self.c.sometimes(2) { "[[requirement]]" } else { "[[recurring]]" };
        self.push(header);
        self.push(format!("id = \"r{r}\""));
        self.push("title = \"Halvårlig evaluering\"");
        let line = format!("kind = \"{}\"", self.c.one(&["evaluering", "møte", "Evaluering"]));
        self.push(line);
        if self.c.sometimes(2) {
            let line = format!("owner = \"{}\"", self.role());
            self.push(line);
        }
        // One of every, count + per, or a survey; more than one now and then when values may be wrong.
        let mut kinds = vec![self.c.pick(4)];
        if self.bad() {
            kinds.push(self.c.pick(4));
        }
        for kind in kinds {
            match kind {
                0 => {
                    let line = format!("every = {}", self.choose(EVERY_VALID, EVERY_INVALID));
                    self.push(line);
                }
                1 => {
                    let line = format!("count = {}", self.choose(COUNTS_VALID, COUNTS_INVALID));
                    self.push(line);
                    let per = if self.agreement && self.c.sometimes(2) {
                        "\"avtaleår\""
                    } else {
                        self.choose(PER_VALID, PER_INVALID)
                    };
                    self.push(format!("per = {per}"));
                }
                2 => {
                    let line = format!("survey = \"{}\"", self.choose(&["elevundersøkelsen", "ungdata"], &["ukjent"]));
                    self.push(line);
                }
                _ => {
                    let line = format!("quota = {}", self.choose(&["6", "1", "0"], &["-1", "\"6\""]));
                    self.push(line);
                }
            }
        }
        if self.c.sometimes(3) {
            let key = self.c.one(&["from", "until", "by", "within"]);
            let line = format!("{key} = {}", self.when());
            self.push(line);
        }
        if self.c.sometimes(4) {
            let line = format!("participants = {}", self.roles_list(1));
            self.push(line);
        }
    }

    /// The `key = value` lines of activity number `i`.
    fn activity(&mut self, i: usize, phase: Option<String>) -> Vec<String> {
        let mut f = Vec::new();
        let title = self.c.one(TITLES);
        // Valid plans: an explicit unique id, or none with a unique title.
        let explicit_id = !self.c.sometimes(3);
        if explicit_id {
            let id = if self.bad() { format!("a{}", self.c.pick(8)) } else { format!("a{i}") };
            f.push(format!("id = \"{id}\""));
        }
        if self.valid && !explicit_id {
            f.push(format!("title = \"{title} {i}\""));
        } else {
            f.push(format!("title = \"{title}\""));
        }
        if !self.bad() {
            f.push(format!("when = {}", self.when()));
        }
        if !self.valid && self.c.sometimes(4) {
            if self.c.sometimes(2) {
                f.push(format!("end = {}", self.when()));
            } else {
                f.push(format!("duration = {}", self.choose(DURATIONS_VALID, DURATIONS_INVALID)));
            }
        }
        if let Some(p) = phase {
            f.push(format!("phase = {p}"));
        }
        match self.c.pick(3) {
            0 => f.push(format!("owner = \"{}\"", self.role())),
            1 => f.push(format!("owner = {}", self.roles_list(1))),
            _ => {}
        }
        if self.c.sometimes(2) {
            let after: Vec<String> = (0..1 + self.c.pick(3))
                .map(
                    |_| if self.c.sometimes(6) { "\"ukjent\"".to_string() } else { format!("\"a{}\"", self.c.pick(8)) },
                )
                .collect();
            f.push(format!("after = [{}]", after.join(", ")));
        }
        if self.c.sometimes(3) {
            f.push(format!("kind = \"{}\"", self.c.one(&["evaluering", "møte"])));
        }
        if self.c.sometimes(4) {
            f.push("components = [\"perspektiv\"]".to_string());
            f.push("goals = [\"trivsel\"]".to_string());
        }
        let status = if self.c.sometimes(2) { Some(self.choose(STATUSES_VALID, STATUSES_INVALID)) } else { None };
        if let Some(s) = status {
            let comment = if !self.inline && self.c.sometimes(4) { "  # oppdatert" } else { "" };
            f.push(format!("status = {s}{comment}"));
        }
        let done_ok = status.is_none_or(|s| ["\"done\"", "\"gjennomført\""].contains(&s));
        if (done_ok || !self.valid) && self.c.sometimes(3) {
            f.push(format!("done = {}", self.choose(&["2026-03-12", "2027-01-04"], DONES_INVALID)));
        }
        if self.c.sometimes(5) {
            f.push(format!("places = {}", self.choose(&["2", "0", "6"], &["-3", "4294967296"])));
        }
        if self.c.sometimes(5) {
            f.push(format!("cost = {}", self.choose(COSTS_VALID, COSTS_INVALID)));
        }
        if self.c.sometimes(6) {
            f.push(format!("allow = [\"{}\"]", self.choose(&["holiday-conflict", "idle-gap"], &["no-such-rule"])));
        }
        if self.c.sometimes(6) {
            f.push(format!("participants = {}", self.roles_list(1)));
        }
        f
    }
}

fn plan_text(data: &[u16], valid: bool) -> String {
    let mut c = Choices::new(data);
    let chaos = if valid { 0 } else { 1 + c.pick(4) };
    Gen { c, valid, chaos, lines: Vec::new(), inline: false, roles: Vec::new(), agreement: false }.plan()
}

fn choices() -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec(any::<u16>(), 0..200)
}

fn load(text: &str) -> Result<Plan, Vec<Finding>> {
    implan::load::load(&Source::new("p.toml", text))
}

fn ids(plan: &Plan) -> Vec<String> {
    plan.activities.iter().map(|a| a.id.value.clone()).collect()
}

/// An edit by number: done on a date, each status, a move, a postponement, or other keys set.
fn edit_of(n: u16) -> Edit {
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(n / 8) % 700);
    match n % 8 {
        0 => Edit::done_on(date),
        1 => Edit::status(Status::Planned),
        2 => Edit::status(Status::InProgress),
        3 => Edit::status(Status::Done),
        4 => Edit::status(Status::Cancelled),
        5 => Edit::move_to(&date.to_string(), None).unwrap(),
        6 => Edit::postpone("høst 2027", None, Some("Rektor \"slutter\"\nny linje")).unwrap(),
        _ => Edit::from_assignments(&["owner=pl, x", "notes=it's", "title=Ny tittel"]).unwrap(),
    }
}

/// The `when` an edit sets, read as the loader reads it.
fn new_when(edit: &Edit) -> Option<implan::when::When> {
    match edit.keys.iter().find(|(k, _)| *k == "when") {
        Some((_, Some(implan::edit::NewValue::Text(w)))) => implan::when::parse(w).ok(),
        _ => None,
    }
}

/// The edit large files get (through the piece that holds the activity), when it takes the edit, gives byte for
/// byte what the whole-file edit gives, and the same report.
fn assert_piecewise_edit_agrees(text: &str, id: &str, edit: &Edit) -> Result<(), TestCaseError> {
    if let Some((piece_text, piece_outcome)) = implan::edit::apply_in_piece(text, id, edit) {
        let whole = implan::edit::apply_whole(text, id, edit);
        let Ok((whole_text, whole_outcome)) = whole else {
            return Err(TestCaseError::fail(format!("only the piecewise edit of {id:?} works:\n{text}")));
        };
        prop_assert!(piece_text == whole_text, "the piecewise edit of {id:?} differs:\n{text}");
        prop_assert_eq!(format!("{piece_outcome:?}"), format!("{whole_outcome:?}"), "for\n{}", text);
    }
    Ok(())
}

/// Applies `edit` to activity `id` of `text` (which loads as `before`): the new text loads, has the same
/// activities, and only `id`'s status and done date differ as asked.
fn check_edit(text: &str, before: &Plan, id: &str, edit: &Edit) -> Result<(), TestCaseError> {
    let (new_text, outcome) = match apply(text, id, edit) {
        Ok(x) => x,
        // An activity with an `end` is moved only with a new end.
        Err(implan::edit::EditError::BadEdit(_)) if new_when(edit).is_some() => return Ok(()),
        Err(e) => return Err(TestCaseError::fail(format!("cannot edit {id:?}: {e}\n{text}"))),
    };
    prop_assert_eq!(outcome.changed, new_text != text);
    assert_piecewise_edit_agrees(text, id, edit)?;
    let after = match load(&new_text) {
        Ok(p) => p,
        Err(f) => return Err(TestCaseError::fail(format!("edited plan does not load: {f:?}\n{new_text}"))),
    };
    prop_assert_eq!(ids(before), ids(&after));
    for (b, a) in before.activities.iter().zip(&after.activities) {
        if b.id.value == id {
            let title = edit.keys.iter().any(|(k, _)| *k == "title");
            prop_assert!(title || b.title.value == a.title.value);
            let when = new_when(edit).unwrap_or(b.when.value);
            prop_assert_eq!(format!("{:?}", when), format!("{:?}", a.when.value));
            prop_assert_eq!(a.status, edit.status.unwrap_or(b.status));
            let (a_done, b_done) = (a.done.as_ref().map(|d| d.value), b.done.as_ref().map(|d| d.value));
            match (edit.status, edit.done) {
                (Some(Status::Done), Some(d)) => prop_assert_eq!(a_done, Some(d)),
                (Some(Status::Done) | None, None) => prop_assert_eq!(a_done, b_done),
                _ => prop_assert_eq!(a_done, None),
            }
            if edit.keep_first_when {
                let first = b.postponed_from.as_ref().map_or(b.when.value, |p| p.value);
                prop_assert_eq!(a.postponed_from.as_ref().map(|p| p.value), Some(first));
            }
        } else {
            prop_assert_eq!(&b.title.value, &a.title.value);
            prop_assert_eq!(format!("{:?}", b.when.value), format!("{:?}", a.when.value));
            prop_assert_eq!(b.last_day, a.last_day);
            let day = |d: &Option<implan::model::Spanned<chrono::NaiveDate>>| d.as_ref().map(|d| d.value);
            prop_assert_eq!((a.status, day(&a.done)), (b.status, day(&b.done)));
        }
    }
    // Applying the same edit again changes nothing.
    let again = apply(&new_text, id, edit).map_err(|e| TestCaseError::fail(format!("second edit failed: {e}")))?;
    prop_assert!(!again.1.changed && again.0 == new_text, "the edit is not idempotent");
    Ok(())
}

/// A plausible plan: checked, compared in pieces, edited and rendered. Whether the pieces were compared.
fn plausible_plan_holds(data: &[u16], valid: bool) -> Result<bool, TestCaseError> {
    let text = plan_text(data, valid);
    let source = Source::new("p.toml", text.as_str());
    let findings = check_source(&source);
    for f in &findings {
        prop_assert!(f.span.is_some() || spanless_allowed(f), "span-less finding: {f:?}\n{text}");
        assert_spans_ok(&source, f);
    }
    prop_assert_eq!(format!("{findings:?}"), debug_findings(&source), "check is not deterministic");
    let compared = assert_pieces_equal_whole(&source)?;
    let whole = implan::load::load_whole(&source);
    if let Ok(plan) = &whole {
        // Edits of a plan that loads: the first and the last activity, and an id that does not exist.
        let edit = edit_of(data.first().copied().unwrap_or(0));
        let targets: Vec<&str> = plan.activities.iter().map(|a| a.id.value.as_str()).collect();
        let unique = |id: &str| targets.iter().filter(|t| **t == id).count() == 1;
        let chosen: Vec<String> = [targets.first(), targets.last()]
            .into_iter()
            .flatten()
            .filter(|id| unique(id))
            .map(|s| s.to_string())
            .collect();
        for id in &chosen {
            assert_piecewise_edit_agrees(&text, id, &edit)?;
            if let Ok((new_text, _)) = apply(&text, id, &edit) {
                prop_assert!(load(&new_text).is_ok(), "edit of {id:?} broke the plan:\n{new_text}");
            }
        }
        prop_assert!(apply(&text, "no-such-activity", &edit).is_err());
    }
    // Fixes, the unsafe ones too, never make a plan that loads into one that does not.
    let fixed = implan::fix::until_stable(&text, true, |t| check_source(&Source::new("p.toml", t)));
    if whole.is_ok() {
        prop_assert!(load(&fixed.text).is_ok(), "the fixes broke the plan:\n{text}\n→\n{}", fixed.text);
    }
    render_all(&source, findings);
    Ok(compared)
}

#[test]
fn plausible_plans_check_cleanly() {
    let cases = 512;
    let compared = run_counting(cases, (choices(), any::<bool>()), |(data, valid)| plausible_plan_holds(&data, valid));
    // Plans written wrong on purpose often have a syntax error, which the cut leaves to the whole-file parse
    // (measured: 325 of 512 compared).
    assert!(compared * 2 >= cases, "the pieces were compared in only {compared} of {cases} plans");
}

/// `implan add` through the piece that will hold the activity (large files), when it takes the addition, gives
/// byte for byte what the whole-file add gives; and the plan still loads, with the activity where it was asked.
fn piecewise_add_holds(data: &[u16], which: u16, title: &str) -> Result<bool, TestCaseError> {
    let text = plan_text(data, true);
    let Ok(before) = load(&text) else { return Ok(false) };
    if before.phases.is_empty() {
        return Ok(false);
    }
    let phase = before.phases[which as usize % before.phases.len()].id.value.clone();
    let after: Vec<String> = before.activities.first().map(|a| a.id.value.clone()).into_iter().collect();
    let new = implan::edit::NewActivity {
        phase: phase.clone(),
        title: title.to_string(),
        when: "mars 2027".into(),
        owners: vec!["pl".into()],
        after,
        id: None,
    };
    let Some((piece_text, piece_added)) = implan::edit::add_in_piece(&text, &new) else { return Ok(false) };
    let whole = implan::edit::add_whole(&text, &new);
    let Ok((whole_text, whole_added)) = whole else {
        return Err(TestCaseError::fail(format!("only the piecewise add works:\n{text}")));
    };
    prop_assert!(piece_text == whole_text, "the piecewise add differs:\n{text}");
    prop_assert_eq!(&piece_added, &whole_added);
    let Ok(plan) = load(&piece_text) else {
        return Err(TestCaseError::fail(format!("the plan does not load after an add:\n{piece_text}")));
    };
    prop_assert_eq!(plan.activities.len(), before.activities.len() + 1);
    let added = plan.activities.iter().find(|a| a.id.value == piece_added.id).expect("the new activity");
    let index = plan.phases.iter().position(|p| p.id.value == phase);
    let in_phase = match &added.phase {
        Some(implan::model::PhaseRef::Nested(i)) => Some(*i) == index,
        Some(implan::model::PhaseRef::Named(p)) => p.value == phase,
        None => false,
    };
    prop_assert!(in_phase, "not in phase {phase}:\n{piece_text}");
    Ok(true)
}

#[test]
fn adding_in_pieces_is_adding_whole() {
    let cases = 512;
    let titles = prop_oneof![Just("Ekstra møte".to_string()), Just("a".to_string()), "[a-zæøå \"'\\\\]{1,12}"];
    let compared = run_counting(cases, (choices(), any::<u16>(), titles), |(data, which, title)| {
        piecewise_add_holds(&data, which, &title)
    });
    // Plans without phases are not added to, and those that write some activities as inline tables are left to
    // the whole-file add (measured: 255 of 512 compared; each of the 39 others that the whole file takes had
    // inline activities).
    assert!(compared * 4 >= cases, "the piecewise add was compared in only {compared} of {cases} plans");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn valid_plans_load(data in choices()) {
        let text = plan_text(&data, true);
        if let Err(f) = load(&text) {
            return Err(TestCaseError::fail(format!("a valid plan does not load: {f:?}\n{text}")));
        }
    }

    #[test]
    fn edits_keep_plans_loading(data in choices(), which in any::<u16>(), op in any::<u16>()) {
        let text = plan_text(&data, true);
        let Ok(before) = load(&text) else {
            return Err(TestCaseError::fail(format!("a valid plan does not load:\n{text}")));
        };
        prop_assume!(!before.activities.is_empty());
        let id = before.activities[which as usize % before.activities.len()].id.value.clone();
        check_edit(&text, &before, &id, &edit_of(op))?;
    }
}

/// Text made of the characters that matter to escaping: ASCII, Norwegian letters, controls (C0, DEL, C1), bidi
/// controls, invisible characters, emoji with joiners, and Markdown, CSV and XML punctuation.
fn awkward_text() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        proptest::char::range(' ', '~'),
        proptest::char::range('\u{0}', '\u{1f}'),
        proptest::char::range('\u{7f}', '\u{9f}'),
        proptest::char::range('\u{200b}', '\u{200f}'),
        proptest::char::range('\u{2028}', '\u{202e}'),
        proptest::char::range('\u{2060}', '\u{2069}'),
        Just('\u{feff}'),
        Just('\u{ad}'),
        Just('\u{fe0f}'),
        Just('\u{e0041}'),
        Just('æ'),
        Just('ø'),
        Just('å'),
        Just('👩'),
        Just('🏫'),
        Just('ا'),
    ];
    proptest::collection::vec(chars, 0..40).prop_map(|v| v.into_iter().collect())
}

fn hidden_in(s: &str) -> Vec<char> {
    let mut prev = None;
    let mut out = Vec::new();
    for c in s.chars() {
        if implan::escape::is_hidden(prev, c) {
            out.push(c);
            prev = None;
        } else {
            prev = Some(c);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    // What a reader is shown holds no hidden character, is shown the same a second time, and keeps every
    // character it had that was not hidden, in order.
    #[test]
    fn visible_text_hides_nothing(s in awkward_text()) {
        let shown = implan::escape::visible(&s);
        prop_assert_eq!(hidden_in(&shown), Vec::<char>::new());
        let again = implan::escape::visible(&shown);
        prop_assert_eq!(again.as_ref(), shown.as_ref());
        let mut prev = None;
        let kept: String = s
            .chars()
            .filter(|&c| {
                let hidden = implan::escape::is_hidden(prev, c);
                prev = if hidden { None } else { Some(c) };
                !hidden
            })
            .collect();
        let mut rest = shown.chars();
        prop_assert!(kept.chars().all(|c| rest.any(|r| r == c)), "{kept:?} not kept in order in {shown:?}");
        let lines = implan::escape::visible_lines(&s);
        prop_assert!(hidden_in(&lines).iter().all(|&c| c == '\n' || c == '\t' || c == '\r'));
    }

    // Markdown: one inline piece of text, whatever it holds: a paragraph of plain text and nothing else.
    #[test]
    fn markdown_is_always_plain_text(s in awkward_text()) {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let md = implan::escape::markdown(&s);
        prop_assert!(!md.contains('\n') && !md.contains('\r'));
        let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH | Options::ENABLE_TASKLISTS;
        for e in Parser::new_ext(&format!("x {md}"), opts) {
            let plain = matches!(
                e,
                Event::Text(_) | Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            );
            prop_assert!(plain, "{:?} from {:?}", e, md);
        }
    }

    // CSV: a cell reads back as one field, its text is the shown text (with a quote before a formula's
    // start), and it never starts a formula.
    #[test]
    fn csv_cells_read_back_as_one_inert_field(s in awkward_text(), semicolon in any::<bool>()) {
        let d = if semicolon { ';' } else { ',' };
        let line = format!("{}{d}{}\r\n", implan::escape::csv_cell(&s, d), implan::escape::csv_cell("x", d));
        let mut r = csv::ReaderBuilder::new().delimiter(d as u8).has_headers(false).from_reader(line.as_bytes());
        let record = r.records().next().expect("a record").expect("valid CSV");
        prop_assert_eq!(record.len(), 2);
        let cell = &record[0];
        prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
        let shown = implan::escape::visible(&s);
        prop_assert!(cell == shown.as_ref() || cell.strip_prefix('\'') == Some(shown.as_ref()), "{:?} vs {:?}", cell, shown);
    }

    // XML: escaped text parses as text, and reads back as the shown text.
    #[test]
    fn xml_text_reads_back(s in awkward_text()) {
        let doc = format!("<t a=\"{}\">{}</t>", implan::escape::xml(&s), implan::escape::xml(&s));
        let parsed = roxmltree::Document::parse(&doc).map_err(|e| TestCaseError::fail(format!("{e}: {doc:?}")))?;
        let root = parsed.root_element();
        let shown = implan::escape::visible(&s);
        prop_assert_eq!(root.text().unwrap_or(""), shown.as_ref());
        prop_assert_eq!(root.attribute("a"), Some(shown.as_ref()));
    }
}
