//! Hostile inputs: files no editor would write on purpose, but that reach `implan` anyway (a half-saved file, a
//! wrong encoding, a generated plan gone wrong, a pipe or a device named by mistake). For each: the exit code and
//! the exact finding or error, in bounded time, and never a panic, a hang or a stack overflow.

mod common;

use common::{DEADLINE, TempDir, json, stderr, stdout};
use std::io::Write;
use std::process::{Command, Output};
use std::time::Duration;

fn implan(args: &[&str]) -> Output {
    run_within(args, DEADLINE).0
}

/// [`common::run_within`] in an English locale: the findings and errors compared here are the English ones.
fn run_within(args: &[&str], deadline: Duration) -> (Output, Duration) {
    let mut cmd = common::command(args);
    cmd.env("LANG", "en_US.UTF-8");
    common::run_command(cmd, args, deadline)
}

/// (rule, line, column, message) of a finding; positions are 0 when null.
type Found = (String, u64, u64, String);

fn found(f: &serde_json::Value) -> Found {
    (
        f["rule"].as_str().unwrap_or_default().to_string(),
        f["line"].as_u64().unwrap_or(0),
        f["column"].as_u64().unwrap_or(0),
        f["message"].as_str().unwrap_or_default().to_string(),
    )
}

fn findings(v: &serde_json::Value) -> Vec<Found> {
    v["findings"].as_array().expect("findings is a list").iter().map(found).collect()
}

fn finding(rule: &str, line: u64, column: u64, message: &str) -> Found {
    (rule.to_string(), line, column, message.to_string())
}

/// The findings of one rule.
fn of_rule<'a>(v: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    v["findings"].as_array().expect("findings is a list").iter().filter(|f| f["rule"] == rule).collect()
}

/// Writes one file and checks it with `--format json`, in English.
fn check_bytes(name: &str, bytes: &[u8]) -> (Output, serde_json::Value) {
    let dir = TempDir::new(name);
    let p = dir.write("plan.toml", bytes);
    let o = implan(&["check", "--format", "json", "--lang", "en", &p]);
    let v = json(&o);
    (o, v)
}

/// A small plan that checks clean. Line 11 is the first `when`, line 16 the second.
const SMALL_PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"mars 2026\"\nend = \"juni 2026\"\n\n[roles]\npl = \"Prosjektleder\"\n\n[[activity]]\ntitle = \"Oppstart\"\nwhen = \"2026-03-12\"\nowner = \"pl\"\n\n[[activity]]\ntitle = \"Avslutning\"\nwhen = \"juni 2026\"\nowner = \"pl\"\n";

const NO_PLAN: &str = "this file has no [plan] table";

// 1. An empty file is what a crashed editor or `> plan.toml` leaves behind: it must be a finding at 1:1, not a
// crash and not "no findings".
#[test]
fn empty_file() {
    let (o, v) = check_bytes("empty", b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-plan", 1, 1, NO_PLAN)]);
}

// 2. A file of only comments or whitespace parses as an empty TOML document; it is still not a plan, and every
// kind of blank (comment without a final newline, tabs, blank lines) says so the same way.
#[test]
fn only_comments_or_whitespace() {
    let cases: [&[u8]; 5] = [b"# a\n# b\n", b"# no final newline", b"   \n\n\t\n", b"\n\n\n\n", b"\r\n\r\n# x\r\n"];
    for (i, bytes) in cases.iter().enumerate() {
        let (o, v) = check_bytes(&format!("blank-{i}"), bytes);
        assert_eq!(o.status.code(), Some(1), "{bytes:?}");
        assert_eq!(findings(&v), [finding("invalid-plan", 1, 1, NO_PLAN)], "{bytes:?}");
    }
}

// 3. Notepad and Excel-exported text start with a UTF-8 byte-order mark. It is not part of the text: a valid plan
// with one checks clean, and positions after it are not shifted by its three bytes (the key on line 1 is still
// column 1).
#[test]
fn utf8_bom() {
    let bom = |s: &str| [b"\xEF\xBB\xBF", s.as_bytes()].concat();
    let dir = TempDir::new("bom");
    let p = dir.write("plan.toml", &bom(SMALL_PLAN));
    let o = implan(&["check", &p]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), "checked 1 file: no findings\n".to_string()));

    let (o, v) = check_bytes("bom-line1", &bom(&format!("x = 1\n{SMALL_PLAN}")));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-plan", 1, 1, "unknown key 'x' in a plan file")]);
    assert_eq!(v["findings"][0]["end_column"], 2);

    let (_, v) = check_bytes("bom-date", &bom(&SMALL_PLAN.replace("2026-03-12", "2026-02-30")));
    assert_eq!(
        findings(&v),
        [finding("invalid-plan", 11, 8, "cannot read 'when': 2026-02 has no day 30; it has 28 days")]
    );
}

// 4. Windows line endings: CR LF is one line break, and the CR is neither a column nor shown in the snippet. A lone
// CR (old Mac files, a mangled merge) is not a line break in TOML: it is an error at the place a LF should follow.
#[test]
fn crlf_and_lone_cr() {
    let crlf = SMALL_PLAN.replace('\n', "\r\n").replace("juni 2026\"\r\nowner", "august 2026\"\r\nowner");
    let dir = TempDir::new("crlf");
    let p = dir.write("plan.toml", crlf.as_bytes());
    let o = implan(&["check", "--format", "json", &p]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(
        findings(&v),
        [finding("outside-plan-period", 16, 8, "'Avslutning' (2026-08) ends after the plan ends (2026-06-30)")]
    );
    assert_eq!((v["findings"][0]["end_line"].as_u64(), v["findings"][0]["end_column"].as_u64()), (Some(16), Some(21)));
    let human = stdout(&implan(&["check", &p]));
    assert!(human.contains("16 | when = \"august 2026\"\n"), "{human}");
    assert!(!human.contains('\r') && !human.contains('␍'), "{human}");

    let (_, v) = check_bytes("crlf-syntax", SMALL_PLAN.replace('\n', "\r\n").replace("\"T\"", "T").as_bytes());
    assert_eq!(v["findings"][0]["rule"], "invalid-toml");
    assert_eq!((v["findings"][0]["line"].as_u64(), v["findings"][0]["column"].as_u64()), (Some(2), Some(9)));

    let (o, v) = check_bytes("lone-cr", SMALL_PLAN.replace("title = \"T\"\n", "title = \"T\"\r").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&v),
        [finding("invalid-toml", 2, 13, "invalid TOML: carriage return must be followed by newline, expected newline")]
    );
}

// 5. A plan saved as Latin-1 or cut in the middle of a multi-byte character: the finding names the bad byte and
// its place as line:column, columns counted in characters of the text before it ("Vår " is 4 columns, 5 bytes).
#[test]
fn invalid_utf8_position() {
    let (o, v) = check_bytes("latin1", b"[plan]\ntitle = \"V\xC3\xA5r \xE6\"\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-toml", 2, 14, "the file is not UTF-8 text: invalid byte 0xE6")]);
    assert_eq!(v["findings"][0]["end_column"], 15);
    let (_, v) = check_bytes("truncated", b"[plan]\ntitle = \"x\xE2\x82\"\n");
    assert_eq!(findings(&v), [finding("invalid-toml", 2, 11, "the file is not UTF-8 text: invalid byte 0xE2")]);
    let (_, v) = check_bytes("truncated-at-end", b"a = \"\xC3");
    assert_eq!(findings(&v), [finding("invalid-toml", 1, 6, "the file is not UTF-8 text: invalid byte 0xC3")]);
}

// 5b. The same Latin-1 byte in a file that starts with a byte-order mark (a Windows editor saving "ANSI" into a
// UTF-8 file) must be reported at the same place: the BOM is not text.
#[test]
fn invalid_utf8_position_after_bom() {
    let (o, v) = check_bytes("bom-latin1", b"\xEF\xBB\xBF[plan]\ntitle = \"V\xC3\xA5r \xE6\"\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-toml", 2, 14, "the file is not UTF-8 text: invalid byte 0xE6")]);
    assert_eq!(v["findings"][0]["end_column"], 15);
}

// 6. NUL bytes are valid UTF-8, so they reach the TOML parser: inside a string it is a control character TOML
// forbids (reported where it is, and shown as ␀ in the snippet, never written raw to the terminal); a file that
// is all NULs is read as one long broken key. (It is not called "a binary file": that finding is only given
// when the bytes are not UTF-8.)
#[test]
fn nul_bytes() {
    let dir = TempDir::new("nul");
    let p = dir.write("plan.toml", SMALL_PLAN.replace("title = \"T\"", "title = \"T\0x\"").as_bytes());
    let o = implan(&["check", "--format", "json", &p]);
    assert_eq!(o.status.code(), Some(1));
    let expected = "invalid TOML: invalid basic string, expected non-double-quote visible characters, `\\`";
    assert_eq!(findings(&json(&o)), [finding("invalid-toml", 2, 11, expected)]);
    let human = stdout(&implan(&["check", &p]));
    assert!(human.contains("2 | title = \"T\\u{0}x\"\n"), "{human}");
    assert!(!human.contains('\0'));

    let p = dir.write("nuls.toml", &vec![0u8; 100_000]);
    let (o, took) = run_within(&["check", "--format", "json", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1));
    let mut f = findings(&json(&o));
    f.sort();
    assert_eq!(
        f,
        [
            finding("invalid-toml", 1, 1, "invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_`"),
            finding("invalid-toml", 1, 100_001, "invalid TOML: key with no value, expected `=`"),
        ]
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
    let o = implan(&["check", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains('\0'));
}

// 7. A 50 MB file (a plan with a huge pasted note): read, parsed and checked in bounded time, and a finding after
// the 50 MB is still at the right line and column. The test streams the file to disk instead of building it
// in memory.
#[test]
fn fifty_megabytes() {
    let dir = TempDir::new("50mb");
    let p = dir.path("big.toml");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&p).expect("create"));
        let (head, tail) = SMALL_PLAN.split_at(SMALL_PLAN.find("when = \"2026-03-12\"").unwrap());
        w.write_all(head.as_bytes()).unwrap();
        w.write_all(b"notes = \"").unwrap();
        let chunk = "Merknad om trivsel og læringsmiljø. ".repeat(1000);
        let mut written = 0;
        while written < 50_000_000 {
            w.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
        w.write_all(b"\"\n").unwrap();
        w.write_all(tail.replace("\"juni 2026\"", "\"august 2026\"").as_bytes()).unwrap();
        w.flush().unwrap();
    }
    assert!(std::fs::metadata(&p).unwrap().len() > 50_000_000);
    let (o, took) = run_within(&["check", "--format", "json", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        findings(&json(&o)),
        [finding("outside-plan-period", 17, 8, "'Avslutning' (2026-08) ends after the plan ends (2026-06-30)")]
    );
    assert!(took < Duration::from_secs(30), "checking 50 MB took {took:?}");
}

// 8. Deep nesting is how a hostile file overflows the stack of a recursive parser. TOML nests through arrays and
// inline tables; 10,000 levels of either must be an invalid-toml finding at the level where the parser stops
// (the 81st), not a stack overflow.
#[test]
fn ten_thousand_nested_arrays_and_inline_tables() {
    let depth = 10_000;
    let with = |value: &str| {
        SMALL_PLAN.replace("when = \"2026-03-12\"\n", &format!("when = \"2026-03-12\"\nnotes = {value}\n"))
    };
    let message = "invalid TOML: cannot recurse further; max recursion depth met";
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let (o, v) = check_bytes("deep-arrays", with(&arrays).as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-toml", 12, 9 + 80, message)]);
    let tables = format!("{}1{}", "{a=".repeat(depth), "}".repeat(depth));
    let (o, v) = check_bytes("deep-tables", with(&tables).as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-toml", 12, 9 + 3 * 80, message)]);
}

// 9. A generated plan declaring 100,000 roles (an HR export pasted under [roles]) of which a few are used: one
// unused-role warning per unused role, in bounded time (no quadratic "is it used?" search).
#[test]
fn hundred_thousand_roles() {
    let roles: String = (0..100_000).map(|i| format!("r{i} = \"Rolle {i}\"\n")).collect();
    let mut plan = SMALL_PLAN.replace("pl = \"Prosjektleder\"\n", &format!("pl = \"Prosjektleder\"\n{roles}"));
    plan.push_str(
        "\n[[activity]]\ntitle = \"Felles\"\nwhen = \"april 2026\"\nowner = [\"r0\", \"r1\", \"r2\", \"r3\", \"r4\"]\n",
    );
    let dir = TempDir::new("roles");
    let p = dir.write("plan.toml", plan.as_bytes());
    let (o, took) = run_within(&["check", "--format", "json", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(0), "warnings only");
    let v = json(&o);
    let unused = of_rule(&v, "unused-role");
    assert_eq!(unused.len(), 99_995);
    assert_eq!(v["summary"]["warnings"], 99_995);
    assert_eq!(v["summary"]["errors"], 0);
    // Role r5 is declared on line 8 + 5.
    assert_eq!(found(unused[0]), finding("unused-role", 13, 1, "role 'r5' (Rolle 5) has nothing to do in this plan"));
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

/// A plan head for the dependency tests: one role that may own every activity.
fn chain_head(start: &str, end: &str) -> String {
    format!(
        "[plan]\ntitle = \"Kjede\"\nstart = \"{start}\"\nend = \"{end}\"\n\n[lint.rules]\nowner-overload = \"allow\"\n\n[roles]\npl = \"Prosjektleder\"\n"
    )
}

// 10. A 10,000-long chain of `after` dependencies (a naive recursive walk overflows the stack, a naive search is
// quadratic) checks clean; a 10,000-long circle is one dependency-cycle finding that names the circle by its ends,
// at the dependency that closes it.
#[test]
fn ten_thousand_long_dependency_chain_and_cycle() {
    let n = 10_000;
    let mut chain = chain_head("2026", "2026");
    for i in 0..n {
        // Non-decreasing dates, January to December, July left out: holiday-conflict would name each in it.
        let month = [1, 2, 3, 4, 5, 6, 8, 8, 9, 10, 11, 12][i * 12 / n];
        chain.push_str(&format!(
            "\n[[activity]]\nid = \"a{i}\"\ntitle = \"A{i}\"\nwhen = \"2026-{month:02}\"\nowner = \"pl\"\n"
        ));
        if i > 0 {
            chain.push_str(&format!("after = [\"a{}\"]\n", i - 1));
        }
    }
    let dir = TempDir::new("chain");
    let p = dir.write("chain.toml", chain.as_bytes());
    let (o, took) = run_within(&["check", &p], DEADLINE);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), "checked 1 file: no findings\n".to_string()));
    assert!(took < Duration::from_secs(20), "took {took:?}");

    let mut cycle = chain_head("2026-03", "2026-03");
    for i in 0..n {
        let before = (i + n - 1) % n;
        cycle.push_str(&format!(
            "\n[[activity]]\nid = \"a{i}\"\ntitle = \"A{i}\"\nwhen = \"2026-03\"\nowner = \"pl\"\nafter = [\"a{before}\"]\n"
        ));
    }
    let p = dir.write("cycle.toml", cycle.as_bytes());
    let (o, took) = run_within(&["check", "--format", "json", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 0);
    // Named by its ends, not all 10,000 ids.
    let message = format!(
        "activities depend on each other in a circle: a0 → a{} → a{} → a{} → a{} → … → a4 → a3 → a2 → a1 → a0 \
         ({n} activities in this circle)",
        n - 1,
        n - 2,
        n - 3,
        n - 4
    );
    // a0's `after = ["a9999"]` is on line 17.
    assert_eq!(findings(&v), [finding("dependency-cycle", 17, 10, &message)]);
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

/// A plan wholly in year 9999, the last year a four-digit date can name.
const PLAN_9999: &str = "[plan]\ntitle = \"Langt fram\"\nstart = \"9999\"\nend = \"9999\"\nlang = \"nb\"\n\n[roles]\npl = \"Prosjektleder\"\n\n[[phase]]\nid = \"siste\"\nname = \"Siste fase\"\nperiod = \"høst 9999\"\n\n  [[phase.activity]]\n  title = \"Nyttår\"\n  when = \"9999-12\"\n  owner = \"pl\"\n\n  [[phase.activity]]\n  title = \"Siste dag\"\n  when = \"9999-12-31\"\n  owner = \"pl\"\n\n[[activity]]\ntitle = \"Vår\"\nwhen = \"vår 9999\"\nowner = \"pl\"\n";

// 11. The ends of the calendar. Year 1 is a typo ("0026" for 2026), rejected by design with a message that says
// so, for strings, TOML dates and the plan's own start. Year 9999 is a real date: it checks (the only finding
// is that New Year's Eve is in the Christmas holiday) and every view renders it without panicking on the
// dates after it (a month's exclusive end, the holiday running into year 10000).
#[test]
fn years_1_and_9999() {
    let year1 = "the year 0001 is not a plausible year for a plan; write all four digits";
    let (o, v) = check_bytes("year1", SMALL_PLAN.replace("\"2026-03-12\"", "\"0001-01-01\"").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&v), [finding("invalid-plan", 11, 8, &format!("cannot read 'when': {year1}, such as 2026"))]);
    let (_, v) = check_bytes("year1-toml", SMALL_PLAN.replace("\"2026-03-12\"", "0001-01-01").as_bytes());
    assert_eq!(findings(&v), [finding("invalid-plan", 11, 8, &format!("cannot read 'when': {year1}"))]);
    let (_, v) = check_bytes("year1-start", SMALL_PLAN.replace("\"mars 2026\"", "\"0001\"").as_bytes());
    assert_eq!(findings(&v), [finding("invalid-plan", 3, 9, &format!("cannot read 'start': {year1}, such as 2026"))]);

    let dir = TempDir::new("9999");
    let p = dir.write("plan.toml", PLAN_9999.as_bytes());
    let o = implan(&["check", "--format", "json", "--lang", "en", &p]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let f = findings(&json(&o));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1, f[0].2), ("holiday-conflict", 22, 10));
    assert!(f[0].3.starts_with("'Siste dag' is dated 9999-12-31, in the juleferie (9999-12-21 – "), "{f:?}");

    let views: [(&[&str], &str); 6] = [
        (&["status", "--today", "9999-06-01"], "i dag 1. juni 9999"),
        (&["status", "--today", "9999-12-31"], "Nåværende fase: Siste fase (høst 9999)"),
        (&["schedule"], "│ 31. desember 9999 ┆ Siste dag ┆ Prosjektleder ┆ planlagt │"),
        (&["timeline", "--today", "9999-06-01", "--width", "80"], "januar – desember 9999 · i dag 1. juni 9999"),
        (&["export", "ics"], "DTSTART;VALUE=DATE:99991231"),
        (&["gantt", "--today", "9999-06-01"], "<title>Langt fram</title>"),
    ];
    for (args, expected) in views {
        let args = [args, &[p.as_str()]].concat();
        let o = implan(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains(expected), "{args:?} lacks {expected:?}:\n{}", stdout(&o));
    }
}

// 11b. An all-day event ending on 9999-12-31 has its exclusive DTEND on 10000-01-01, which an RFC 5545 DATE
// (exactly 8 digits) cannot hold: the calendar must stay valid (DURATION instead, say), or refuse clearly.
#[test]
fn ics_in_year_9999_is_valid_icalendar() {
    let dir = TempDir::new("9999-ics");
    let p = dir.write("plan.toml", PLAN_9999.as_bytes());
    let o = implan(&["export", "ics", &p]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ics = stdout(&o);
    for line in ics.lines().filter(|l| l.starts_with("DTSTART") || l.starts_with("DTEND")) {
        let value = line.rsplit(':').next().unwrap_or_default();
        assert!(value.len() == 8 || value.len() == 15, "not an RFC 5545 DATE or DATE-TIME: {line}");
    }
    // December 9999 and 31 December 9999 end where no DTEND can be written: they get a length instead.
    assert_eq!(ics.matches("DURATION:P31D").count(), 1, "{ics}");
    assert_eq!(ics.matches("DURATION:P1D").count(), 1, "{ics}");
}

// 11c. A school year must end in a year with four digits too; the advice must not repeat what was written.
#[test]
fn school_year_9999_advice_does_not_loop() {
    let plan = PLAN_9999.replace("\"vår 9999\"", "\"skoleåret 9999/10000\"");
    let (o, v) = check_bytes("9999-school-year", plan.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let f = findings(&v);
    assert_eq!(f[0].3, "cannot read 'when': the school year 9999/10000 ends after the year 9999", "{f:?}");
}

// 12. Names in Arabic and Hebrew (right to left), with combining accents, emoji and zero-width joiners. Columns
// count characters (Unicode scalar values, as the README documents), not bytes and not display cells: the
// unknown role 'ukjent' after "مدير", a ZWJ family emoji and "מנהל" is at column 37 (it would be 58 in bytes).
// The human output renders it without panicking (it drops the ZWJ, as rustc's renderer does).
#[test]
fn unicode_and_right_to_left_names() {
    let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦"; // 7 characters, 25 bytes
    let plan = format!(
        "[plan]\ntitle = \"خطة 👨\u{200d}👩\u{200d}👧 תוכנית\"\nstart = \"mars 2026\"\nend = \"juni 2026\"\n\n[roles]\n\"مدير\" = \"المدير 🧑🏽\u{200d}🏫\"\n\"מנהל\" = \"מנהל בית הספר\"\n\"école\" = \"Re\u{301}ne\u{301} \u{200f}\u{200e}\"\n\"ubrukt\" = \"Ubrukt rolle\"\n\n[[activity]]\ntitle = \"Møte مع المدير \u{200f}و\u{200e} {family}\"\nwhen = \"2026-03-12\"\nowner = [\"مدير\", \"{family}\", \"מנהל\", \"ukjent\"]\n\n[[activity]]\ntitle = \"Avslutning \u{202e}slutt\u{202c}\"\nwhen = \"juni 2026\"\nowner = \"école\"\n"
    );
    let dir = TempDir::new("unicode");
    let p = dir.write("plan.toml", plan.as_bytes());
    let o = implan(&["check", "--format", "json", &p]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    // Direction marks belong in the Arabic title, not in a Latin name; the override in the last title reverses
    // what a reader sees ("Avslutning tulls").
    let hidden = |at: &str| {
        format!("this text holds U+200F RIGHT-TO-LEFT MARK after '{at}' and 1 more, which a reader cannot see")
    };
    assert_eq!(
        findings(&v),
        [
            finding("suspicious-text", 9, 11, &hidden("Re\u{301}ne\u{301} ")),
            finding("unused-role", 10, 1, "role 'ubrukt' (Ubrukt rolle) has nothing to do in this plan"),
            finding("unknown-role", 15, 18, &format!("unknown role '{family}'")),
            finding("unknown-role", 15, 37, "unknown role 'ukjent'"),
            finding(
                "suspicious-text",
                18,
                9,
                "this text holds U+202E RIGHT-TO-LEFT OVERRIDE after 'Avslutning ' and 1 more, which a reader cannot see"
            ),
        ]
    );
    let ends: Vec<u64> = v["findings"].as_array().unwrap().iter().map(|f| f["end_column"].as_u64().unwrap()).collect();
    assert_eq!(ends, [22, 9, 27, 45, 29]);
    let o = implan(&["check", &p]);
    assert_eq!(o.status.code(), Some(1));
    let human = stdout(&o);
    assert!(human.contains(&format!("--> {p}:15:37\n")), "{human}");
    assert!(human.contains("error[unknown-role]: unknown role 'ukjent'\n"), "{human}");

    // An id of an emoji, or with a combining accent (e + U+0301, not the precomposed é), is not an id; the column
    // after the combining accent counts it as a character of its own.
    let (_, v) = check_bytes("unicode-ids", plan.replace("\"école\"", "\"e\u{301}cole\"").as_bytes());
    assert_eq!(findings(&v)[0], finding("invalid-plan", 9, 1, "'e\u{301}cole' is not a valid id"));
    assert_eq!(v["findings"][0]["end_column"], 9);
}

// 12b. The help of an unknown or invalid id made only of emoji suggests an empty id, which is no help.
#[test]
fn emoji_ids_get_useful_help() {
    let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
    let plan = SMALL_PLAN.replace("owner = \"pl\"\n\n[[activity]]", &format!("owner = \"{family}\"\n\n[[activity]]"));
    let (_, v) = check_bytes("emoji-unknown", plan.as_bytes());
    assert_eq!(v["findings"][0]["rule"], "unknown-role");
    let help = v["findings"][0]["help"].as_str().unwrap_or_default();
    assert!(!help.contains(":  = "), "{help}");
    let plan = SMALL_PLAN
        .replace("pl = \"Prosjektleder\"\n", &format!("pl = \"Prosjektleder\"\n\"{family}\" = \"Familie\"\n"));
    let (_, v) = check_bytes("emoji-id", plan.as_bytes());
    assert_eq!(v["findings"][0]["message"], format!("'{family}' is not a valid id"));
    let help = v["findings"][0]["help"].as_str().unwrap_or_default();
    assert!(!help.contains("for example \"\""), "{help}");
}

// 13. A directory with nothing to check is a usage error (exit 2), not "checked 0 files: no findings" (which a
// CI job would take for a pass); a directory that happens to be called x.toml is walked, not read as a plan.
#[test]
fn directories_without_plans() {
    let no_plans = "error: no plan files (*.toml) found under the given paths\n";
    let dir = TempDir::new("dirs");
    std::fs::create_dir_all(dir.join("empty/sub")).unwrap();
    dir.write("empty/notes.txt", b"not a plan");
    let o = implan(&["check", &dir.path("empty")]);
    assert_eq!((o.status.code(), stderr(&o)), (Some(2), no_plans.to_string()));

    std::fs::create_dir_all(dir.join("tricky/x.toml")).unwrap();
    let o = implan(&["check", &dir.path("tricky")]);
    assert_eq!((o.status.code(), stderr(&o)), (Some(2), no_plans.to_string()));
    let o = implan(&["check", &dir.path("tricky/x.toml")]);
    assert_eq!((o.status.code(), stderr(&o)), (Some(2), no_plans.to_string()));

    dir.write("tricky/ok.toml", SMALL_PLAN.as_bytes());
    let o = implan(&["check", &dir.path("tricky")]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), "checked 1 file: no findings\n".to_string()));

    // A view needs one plan file; a directory named like one is refused with what it is.
    let x = dir.path("tricky/x.toml");
    let o = implan(&["status", &x]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), format!("error: cannot read '{x}': it is a directory, not a regular file\n"));
}

// 14. A named pipe reads forever if nobody writes to it (and /dev/zero never ends): `implan check` in a CI job or a
// pre-commit hook must not hang on one. Named explicitly it is refused (exit 2) saying what it is; found while
// walking a directory it is skipped; `done`, `set` and the views refuse it too. Every run has a deadline.
#[test]
fn fifo_does_not_hang() {
    let dir = TempDir::new("fifo");
    let fifo = dir.path("pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let quick = Duration::from_secs(20);
    let not_file = "it is a named pipe (FIFO), not a regular file";

    let (o, _) = run_within(&["check", &fifo], quick);
    assert_eq!((o.status.code(), stderr(&o)), (Some(2), format!("error: cannot read '{fifo}': {not_file}\n")));
    let edits: [&[&str]; 2] = [&["done", &fifo, "oppstart"], &["set", &fifo, "oppstart", "status=done"]];
    for args in edits {
        let (o, _) = run_within(args, quick);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), format!("error: {fifo}: cannot read the plan: {not_file}\n"), "{args:?}");
    }
    let (o, _) = run_within(&["status", &fifo], quick);
    assert_eq!((o.status.code(), stderr(&o)), (Some(2), format!("error: cannot read '{fifo}': {not_file}\n")));

    let plan = dir.write("plan.toml", SMALL_PLAN.as_bytes());
    let (o, _) = run_within(&["check", &dir.dir().display().to_string()], quick);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), "checked 1 file: no findings\n".to_string()));
    // Named together with a plan, the plan is checked and the pipe named: a path given that cannot be read is
    // exit 2.
    let (o, _) = run_within(&["check", &plan, &fifo], quick);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "checked 1 file: no findings; 1 file could not be read\n");
    assert_eq!(stderr(&o), format!("error: cannot read '{fifo}': {not_file}\n"));

    let (o, _) = run_within(&["check", "/dev/zero"], quick);
    assert_eq!(
        (o.status.code(), stderr(&o)),
        (Some(2), "error: cannot read '/dev/zero': it is a device, not a regular file\n".to_string())
    );
}

// 15. A plan the user may not read (mode 000): exit 2 with the OS's "Permission denied". Run as root, the test runs
// implan as `nobody` for that, and also checks that root, who may read any file, gets the plan checked.
#[test]
fn no_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("perm");
    let p = dir.write("plan.toml", SMALL_PLAN.as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = common::unprivileged(dir.dir());
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "en_US.UTF-8");
    cmd.args(["check", &p]);
    let o = common::output_of(cmd);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stderr(&o), format!("error: cannot read '{p}': Permission denied (os error 13)\n"));
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        let o = implan(&["check", &p]);
        assert_eq!((o.status.code(), stdout(&o)), (Some(0), "checked 1 file: no findings\n".to_string()));
    }
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
}

// 16. A 10 MB line (a minified or pasted value) with an error at its end, and a 1 MB activity title quoted in a
// message: the human renderer shows a window of the line, not 10 MB of it, and finishes in bounded time; the
// column is still exact.
#[test]
fn ten_megabyte_line_and_megabyte_title() {
    let dir = TempDir::new("long-line");
    let long = "x".repeat(10_000_000);
    let plan =
        SMALL_PLAN.replace("when = \"2026-03-12\"\n", &format!("when = \"2026-03-12\"\nnotes = \"{long}\" ownr\n"));
    drop(long);
    let p = dir.write("line.toml", plan.as_bytes());
    drop(plan);
    let (o, took) = run_within(&["check", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1));
    let human = stdout(&o);
    assert!(human.starts_with("error[invalid-toml]: invalid TOML: unexpected key or value, expected newline, `#`\n"));
    assert!(human.contains(&format!("--> {p}:12:10000012\n")), "{human}");
    assert!(human.len() < 2_000, "the snippet is a window of the line: {} bytes", human.len());
    assert!(took < Duration::from_secs(30), "took {took:?}");

    let title = "T".repeat(1_000_000);
    let plan = SMALL_PLAN.replace(
        "title = \"Avslutning\"\nwhen = \"juni 2026\"",
        &format!("title = \"{title}\"\nwhen = \"august 2026\""),
    );
    let p = dir.write("title.toml", plan.as_bytes());
    let (o, took) = run_within(&["check", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1));
    let human = stdout(&o);
    assert!(human.starts_with(&format!("error[outside-plan-period]: '{title}' (2026-08) ends after the plan ends")));
    assert!(human.contains(&format!("--> {p}:16:8\n")));
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

// 17. 20,000 phases with the same id (a copy-paste loop): every repeat is one duplicate-id error, found in bounded
// time (no pairwise comparison), the first pointing at the second phase's id.
#[test]
fn twenty_thousand_phases_with_one_id() {
    let mut plan = chain_head("2026-03", "2026-03");
    for i in 0..20_000 {
        plan.push_str(&format!(
            "\n[[phase]]\nid = \"fase\"\nname = \"Fase {i}\"\nperiod = \"mars 2026\"\n\n  [[phase.activity]]\n  id = \"a{i}\"\n  title = \"A {i}\"\n  when = \"2026-03\"\n  owner = \"pl\"\n"
        ));
    }
    let dir = TempDir::new("dup-phases");
    let p = dir.write("plan.toml", plan.as_bytes());
    let (o, took) = run_within(&["check", "--format", "json", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let dups = of_rule(&v, "duplicate-id");
    assert_eq!(dups.len(), 19_999);
    assert_eq!(v["summary"]["errors"], 19_999);
    // The second phase starts on line 23; its id is on line 24.
    assert_eq!(found(dups[0]), finding("duplicate-id", 24, 6, "phase id 'fase' is used twice"));
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

// 17b. The third and later uses of an id are not "used twice".
#[test]
fn third_use_of_an_id_is_not_called_twice() {
    let mut plan = chain_head("2026-03", "2026-03");
    for i in 0..3 {
        plan.push_str(&format!("\n[[phase]]\nid = \"fase\"\nname = \"Fase {i}\"\nperiod = \"mars 2026\"\n"));
    }
    plan.push_str("\n[[activity]]\ntitle = \"A\"\nwhen = \"2026-03\"\nowner = \"pl\"\nphase = \"fase\"\n");
    let (_, v) = check_bytes("dup-three", plan.as_bytes());
    let dups = of_rule(&v, "duplicate-id");
    assert_eq!(dups.len(), 2);
    assert_ne!(dups[1]["message"], "phase id 'fase' is used twice");
}

/// A plan with a 10,000-part dotted key in its `[lint]` table, on line 20.
fn deep_dotted_plan() -> String {
    format!("{SMALL_PLAN}\n[lint]\n{} = 1\n", vec!["a"; 10_000].join("."))
}

// 18. A dotted key of 10,000 parts (a.b.c.…) builds 10,000 nested tables: an invalid-toml finding, not a stack
// overflow, and quickly.
#[test]
fn ten_thousand_part_dotted_key() {
    let dir = TempDir::new("dotted");
    let p = dir.write("plan.toml", deep_dotted_plan().as_bytes());
    let (o, took) = run_within(&["check", "--format", "json", &p], DEADLINE);
    assert_eq!(o.status.code(), Some(1));
    let f = findings(&json(&o));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].3.as_str()), ("invalid-toml", "invalid TOML: recursion limit"));
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let o = implan(&["check", &p]);
    assert_eq!(o.status.code(), Some(1));
}

// 18b. ... and the finding points at the key, as the nested-array finding does, not at 1:1 (the top of the file,
// where nothing is wrong).
#[test]
fn ten_thousand_part_dotted_key_is_located() {
    let (_, v) = check_bytes("dotted-located", deep_dotted_plan().as_bytes());
    let f = findings(&v);
    assert_eq!((f[0].0.as_str(), f[0].1), ("invalid-toml", 20), "{f:?}");
}
