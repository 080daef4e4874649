//! Plan text can never attack a terminal, a spreadsheet, a CI log or a reader: a plan holding escape sequences,
//! carriage returns, C1 controls, bidi overrides, zero-width characters, Markdown and HTML, and spreadsheet
//! formulas in every text it has goes through every command and format that prints plan text, and each output
//! is read back with a reader for its medium. Also: what a search of a folder reads, what a failed write does,
//! and what a view of a broken plan puts on standard output.

mod common;

#[path = "../examples/genplan.rs"]
#[allow(dead_code)]
mod genplan;

use common::{DEADLINE, TempDir, run_command};
use implan::escape::is_invisible;
use std::process::{Output, Stdio};

/// Escape sequences: retitle the terminal, clear it, a hidden link (OSC 8), and a C1 CSI.
const TERMINAL: &str =
    r"\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil.example\u001b\\klikk\u001b]8;;\u001b\\\u009b31m";

/// A plan with a hostile payload in every text a view, picture or export shows.
fn hostile_plan() -> String {
    format!(
        r#"[plan]
title = "Plan {TERMINAL} slutt"
org = "Org \u202Eevil\u202C <b>fet</b>"
start = "vår 2026"
end = "høst 2026"
lang = "nb"
owner = "pl"
description = "Linje 1\nLinje 2 \u001b[31mrød"

[agreement]
start = "vår 2026"
years = 1

[budget]
total = 100000
currency = "NOK\u0007"

[roles]
pl = "Prosjektleder\u200B {TERMINAL}"
rektorer = {{ name = "=cmd|' /C calc'!A0", members = ["pl"] }}

[goal]
id = "g"
text = "Mål <script>alert(1)</script> | x"
sub.s = "Delmål\rAVLYST"

[[component]]
id = "c"
name = "Komponent ](javascript:alert(1)) [lenke](http://evil.example)"

[[phase]]
id = "p"
name = "Fase\n## Falsk overskrift"
period = "Vår 2026"
goal = "Fasemål\n- [x] falsk punkt"

  [[phase.activity]]
  title = "=HYPERLINK(\"http://evil.example\",\"klikk\")"
  when = "mars 2026"
  owner = "pl"
  components = ["c"]
  goals = ["s"]
  kind = "evaluering\u001b[2J"
  tags = ["<img src=x onerror=alert(1)>"]
  notes = "Notat\n<img src=x onerror=alert(2)>\u001b]0;x\u0007"
  cost = {{ amount = 100, per = "sett\r=1+1" }}

  [[phase.activity]]
  title = "+SUM(1,2) mobbesak\rAVLYST: alt | <img src=x onerror=alert(3)> \u202Eslutt"
  when = "2026-04-14 10:00-11:00"
  owner = ["rektorer", "pl"]
  status = "done"
  done = 2026-04-14

  [[phase.activity]]
  title = "-2+3 \n- [x] ferdig\n| falsk | rad |"
  when = "mai 2026"
  owner = "pl"
  status = "in-progress"

  [[phase.activity]]
  title = "@SUM(A1) \t tab ~~streket~~ **fet** `kode` $x$"
  when = "juni 2026"
  owner = "rektorer"
  status = "cancelled"

[[activity]]
title = "\tTab først og NUL \u0000 og DEL \u007F"
when = "august 2026"
owner = "pl"

[[recurring]]
id = "r"
title = "Krav {TERMINAL}"
kind = "evaluering\u001b[2J"
owner = "pl"
every = "6 måneder"
"#
    )
}

/// The number of activities in [`hostile_plan`].
const ACTIVITIES: usize = 5;

/// Who reads an output, and so what it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Medium {
    /// Text for a terminal or a log.
    Text,
    Markdown,
    Csv,
    Json,
    Sarif,
    Github,
    Xml,
    Svg,
    Html,
    Calendar,
}

/// Every command and format that prints plan text, with the medium of its output.
fn runs() -> Vec<(Vec<&'static str>, Medium)> {
    use Medium::*;
    let mut runs = vec![
        (vec!["check"], Text),
        (vec!["check", "--format", "concise"], Text),
        (vec!["check", "--statistics"], Text),
        (vec!["check", "--format", "json"], Json),
        (vec!["check", "--format", "github"], Github),
        (vec!["check", "--format", "sarif"], Sarif),
        (vec!["check", "--format", "junit"], Xml),
        (vec!["status"], Text),
        (vec!["status", "--format", "json"], Json),
        (vec!["timeline"], Text),
        (vec!["timeline", "--width", "200"], Text),
        (vec!["gantt"], Svg),
        (vec!["wheel"], Svg),
        (vec!["wheel", "--rings", "kind"], Svg),
        (vec!["report"], Html),
        (vec!["export", "ics"], Calendar),
    ];
    for by in ["phase", "month", "role"] {
        runs.push((vec!["schedule", "--by", by], Text));
        runs.push((vec!["schedule", "--by", by, "--width", "60"], Text));
        runs.push((vec!["schedule", "--by", by, "--format", "markdown"], Markdown));
        runs.push((vec!["schedule", "--by", by, "--format", "csv"], Csv));
        runs.push((vec!["schedule", "--by", by, "--format", "csv", "--delimiter", ";"], Csv));
        runs.push((vec!["schedule", "--by", by, "--format", "json"], Json));
    }
    for format in [("table", Text), ("markdown", Markdown), ("csv", Csv), ("json", Json)] {
        runs.push((vec!["schedule", "--costs", "--format", format.0], format.1));
    }
    for by in ["phase", "role"] {
        runs.push((vec!["checklist", "--by", by], Markdown));
        runs.push((vec!["checklist", "--by", by, "--format", "text"], Text));
    }
    runs.push((vec!["checklist", "--role", "pl"], Markdown));
    runs
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Characters that must never reach a reader raw: controls (but line ends where the medium has them) and
/// bidirectional or invisible ones.
fn raw_hidden(s: &str, crlf: bool) -> Vec<(usize, char)> {
    let mut bad = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let line_end = c == '\n' || (crlf && c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n'));
        if !line_end && (c.is_control() || is_invisible(c)) {
            bad.push((i, c));
        }
    }
    bad
}

/// Every escape sequence is a colour (SGR, `ESC [ … m`): the only ones implan writes.
fn only_colours(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| c == 0x1b) {
        let start = i + at;
        let mut j = start + 1;
        if b.get(j) != Some(&b'[') {
            return Err(format!("ESC not followed by '[' at {start}: {:?}", &s[start..(start + 12).min(s.len())]));
        }
        j += 1;
        while b.get(j).is_some_and(|c| c.is_ascii_digit() || *c == b';') {
            j += 1;
        }
        if b.get(j) != Some(&b'm') {
            return Err(format!(
                "an escape sequence that is not a colour at {start}: {:?}",
                &s[start..=j.min(s.len() - 1)]
            ));
        }
        i = j + 1;
    }
    Ok(())
}

fn run_plan(plan: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.push(plan);
    if args[0] != "check" {
        all.extend(["--today", "2026-05-20"]);
    } else {
        all.extend(["--today", "2026-05-20", "--no-config"]);
    }
    let mut cmd = command(&all);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_command(cmd, &all, DEADLINE).0
}

#[test]
fn every_output_is_safe_for_its_reader() {
    let dir = TempDir::new("corpus");
    let plan = dir.write("plan.toml", hostile_plan().as_bytes());
    let mut checked = 0;
    for (args, medium) in runs() {
        let o = run_plan(&plan, &args, &[]);
        let expected = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(o.status.code(), Some(expected), "{args:?}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        assert!(!out.is_empty(), "{args:?} printed nothing");
        assert_eq!(raw_hidden(&text(&o.stderr), false), vec![], "{args:?} stderr");
        match medium {
            Medium::Json | Medium::Sarif => machine(&args, &out, medium),
            _ => {
                let crlf = matches!(medium, Medium::Csv | Medium::Calendar);
                // A CSV file starts with a byte-order mark of implan's own, for Excel.
                let body = if medium == Medium::Csv { out.strip_prefix('\u{feff}').unwrap_or(&out) } else { &out };
                assert_eq!(raw_hidden(body, crlf), vec![], "{args:?}:\n{out}");
                person(&args, &out, medium);
            }
        }
        if medium == Medium::Text {
            // As on a terminal: colour on; every escape sequence in the output is one of implan's colours.
            let o = run_plan(&plan, &args, &[("CLICOLOR_FORCE", "1")]);
            let coloured = text(&o.stdout);
            assert!(coloured.contains('\u{1b}') || args.contains(&"--statistics") || args[0] == "checklist");
            only_colours(&coloured).unwrap_or_else(|e| panic!("{args:?} coloured: {e}\n{coloured}"));
        }
        checked += 1;
    }
    assert!(checked >= 40, "{checked} runs");
}

/// JSON and SARIF carry the plan's words as written (JSON's own escaping makes them inert).
fn machine(args: &[&str], out: &str, medium: Medium) {
    let v: serde_json::Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{args:?} is not JSON: {e}"));
    if medium == Medium::Sarif {
        assert_eq!(v["version"], "2.1.0");
        return;
    }
    if args[0] == "schedule" && !args.contains(&"--costs") {
        let titles: Vec<&str> = v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["activities"].as_array().unwrap())
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        // By role, an activity of two roles is listed under each.
        assert_eq!(titles.len(), if args.contains(&"role") { 7 } else { ACTIVITIES }, "{args:?}");
        assert!(titles.contains(&"@SUM(A1) \t tab ~~streket~~ **fet** `kode` $x$"), "{titles:?}");
    }
    if args[0] == "status" {
        assert_eq!(
            v["plan"],
            "Plan \u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]8;;http://evil.example\u{1b}\\klikk\u{1b}]8;;\u{1b}\\\u{9b}31m slutt"
        );
    }
}

/// What a person's reader makes of it: one item per title in Markdown, no live formula in a spreadsheet, no
/// markup or script in a page or a picture, a calendar a calendar can read.
fn person(args: &[&str], out: &str, medium: Medium) {
    match medium {
        Medium::Text => {
            if args[0] == "schedule" || args[0] == "status" || args[0] == "timeline" {
                assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{args:?} shows the escape visibly:\n{out}");
            }
        }
        Medium::Markdown => markdown(args, out),
        Medium::Csv => csv(args, out),
        Medium::Github => {
            for line in out.lines() {
                assert!(line.starts_with("::error ") || line.starts_with("::warning "), "{args:?}: {line}");
            }
        }
        Medium::Xml => {
            roxmltree::Document::parse(out).unwrap_or_else(|e| panic!("{args:?}: not XML: {e}"));
        }
        Medium::Svg => {
            let doc = roxmltree::Document::parse(out).unwrap_or_else(|e| panic!("{args:?}: not XML: {e}"));
            no_active_content(
                args,
                doc.descendants().filter(|n| n.is_element()).map(|n| {
                    let attrs = n.attributes().map(|a| (a.name().to_string(), a.value().to_string())).collect();
                    (n.tag_name().name().to_string(), attrs)
                }),
            );
            assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{args:?} shows the escape visibly");
        }
        Medium::Html => {
            let page = scraper::Html::parse_document(out);
            no_active_content(
                args,
                page.tree
                    .nodes()
                    .filter_map(|n| n.value().as_element())
                    .map(|e| (e.name().to_string(), e.attrs().map(|(k, v)| (k.to_string(), v.to_string())).collect())),
            );
            let text: String = page.root_element().text().collect();
            assert!(text.contains("<img src=x onerror=alert(1)>") || text.contains("<script>alert(1)</script>"));
        }
        Medium::Calendar => {
            let cal: icalendar::Calendar = out.parse().unwrap_or_else(|e| panic!("{args:?}: not iCalendar: {e}"));
            let events = cal.components.iter().filter(|c| c.as_event().is_some()).count();
            assert_eq!(events, ACTIVITIES);
        }
        Medium::Json | Medium::Sarif => unreachable!(),
    }
}

/// No script, no event handler, no link out of the document, no embedded foreign content, no markup from the
/// plan.
fn no_active_content(args: &[&str], elements: impl Iterator<Item = (String, Vec<(String, String)>)>) {
    for (name, attrs) in elements {
        assert!(
            // `<a>` is allowed only as the link below checks it: to a place in the same document.
            !matches!(name.as_str(), "script" | "img" | "iframe" | "foreignObject" | "b"),
            "{args:?}: <{name}>"
        );
        for (a, v) in attrs {
            assert!(!a.starts_with("on"), "{args:?}: <{name} {a}>");
            if a == "href" || a.ends_with(":href") {
                assert!(v.starts_with('#'), "{args:?}: <{name} {a}={v:?}> leads out of the document");
            }
        }
    }
}

fn markdown(args: &[&str], out: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let opts =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
    let events: Vec<Event> = Parser::new_ext(out, opts).collect();
    for e in &events {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{args:?}: raw HTML {h:?}\n{out}"),
            Event::InlineMath(m) | Event::DisplayMath(m) => panic!("{args:?}: math {m:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("{args:?}: a link to {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("{args:?}: an image from {dest_url}"),
            Event::Code(c) => panic!("{args:?}: code {c:?}"),
            Event::Start(Tag::Emphasis) => panic!("{args:?}: emphasis from plan text"),
            _ => {}
        }
    }
    // Bold is implan's own, once: the responsible role under a checklist's title.
    let strong = events.iter().filter(|e| matches!(e, Event::Start(Tag::Strong))).count();
    assert_eq!(strong, usize::from(args.contains(&"--role")), "{args:?}: bold from plan text\n{out}");
    // Headings: the plan's title, and one per group; no title made one of its own.
    let headings = events.iter().filter(|e| matches!(e, Event::Start(Tag::Heading { .. }))).count();
    if args[0] == "checklist" {
        let items = events.iter().filter(|e| matches!(e, Event::Start(Tag::Item))).count();
        // `pl` is responsible for, or a member of the group responsible for, every activity.
        assert_eq!(items, items_in_checklist(args), "{args:?}:\n{out}");
        let ticked = events.iter().filter(|e| matches!(e, Event::TaskListMarker(true))).count();
        assert_eq!(ticked, ticked_in(args), "{args:?}: only done work is ticked\n{out}");
        // The title, and two groups: the phase and the work without one, or the two roles.
        assert_eq!(headings, 3, "{args:?}:\n{out}");
    } else if args.contains(&"--costs") {
        assert_eq!(headings, 1, "{args:?}:\n{out}");
    } else {
        // One table row per activity, each with the header's cells.
        let rows = events.iter().filter(|e| matches!(e, Event::Start(Tag::TableRow))).count();
        let per_role = if args.contains(&"role") { 2 } else { 1 };
        let expected = if per_role == 2 { 7 } else { ACTIVITIES };
        assert_eq!(rows, expected, "{args:?}: one row per activity\n{out}");
        let mut cells = 0;
        for e in &events {
            match e {
                Event::Start(Tag::TableCell) => cells += 1,
                Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                    // With the column of ids.
                    let wanted = if args.contains(&"phase") { 5 } else { 6 };
                    assert_eq!(cells, wanted, "{args:?}: a row with {cells} cells\n{out}");
                    cells = 0;
                }
                _ => {}
            }
        }
    }
}

/// Items a checklist lists: by phase each activity once; by role each under every role responsible, where `pl`,
/// a member of the group `rektorer`, also gets the group's two.
fn items_in_checklist(args: &[&str]) -> usize {
    if args.contains(&"role") && !args.contains(&"--role") { ACTIVITIES + 2 } else { ACTIVITIES }
}

/// Ticked items: the done activity, the group's, so twice by role (the cancelled one is not done: unticked).
fn ticked_in(args: &[&str]) -> usize {
    if args.contains(&"role") && !args.contains(&"--role") { 2 } else { 1 }
}

fn csv(args: &[&str], out: &str) {
    let delimiter = if args.contains(&";") { b';' } else { b',' };
    let body = out.strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(body.as_bytes());
    let records: Vec<csv::StringRecord> =
        reader.records().collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{args:?}: not CSV: {e}"));
    let width = records[0].len();
    for r in &records {
        assert_eq!(r.len(), width, "{args:?}: a record of another length: {r:?}");
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{args:?}: a cell a spreadsheet would run as a formula: {cell:?}"
            );
        }
    }
    if !args.contains(&"--costs") {
        let expected = if args.contains(&"role") { 7 } else { ACTIVITIES };
        assert_eq!(records.len(), 1 + expected, "{args:?}: a header and one record per activity");
        assert!(records.iter().any(|r| r.iter().any(|c| c == "'=HYPERLINK(\"http://evil.example\",\"klikk\")")));
    }
}

#[cfg(unix)]
#[test]
fn on_a_real_terminal_only_colours_reach_it() {
    let dir = TempDir::new("terminal");
    let plan = dir.write("plan.toml", hostile_plan().as_bytes());
    for args in [
        vec!["status", plan.as_str(), "--today", "2026-05-20"],
        vec!["schedule", plan.as_str(), "--by", "role"],
        vec!["timeline", plan.as_str()],
        vec!["checklist", plan.as_str(), "--format", "text"],
        vec!["check", plan.as_str()],
    ] {
        let (bytes, _) = common::run_on_terminal(&args, 80);
        let seen = text(&bytes);
        // Checklists are handed out, not looked at: they have no colour.
        assert_eq!(seen.contains('\u{1b}'), args[0] != "checklist", "{args:?}: a terminal gets colour");
        only_colours(&seen).unwrap_or_else(|e| panic!("{args:?}: {e}\n{seen}"));
        assert_eq!(raw_hidden(&seen.replace('\u{1b}', "").replace("\r\n", "\n"), false), vec![], "{args:?}");
        // The terminal's width is used: no line of a table is wider than 80 columns.
        if args[0] == "schedule" {
            for line in seen.replace("\r\n", "\n").lines() {
                let visible: String = strip_colours(line);
                if visible.starts_with(['│', '┌', '└', '╞']) {
                    assert!(visible.chars().count() <= 80, "{args:?}: {visible}");
                }
            }
        }
    }
}

fn strip_colours(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn markdown_and_csv_keep_each_title_to_itself_when_piped() {
    // The issue's own examples, exactly.
    let dir = TempDir::new("md");
    let plan = dir.write("plan.toml", hostile_plan().as_bytes());
    let o = run_plan(&plan, &["checklist", "--format", "text"], &[]);
    let out = text(&o.stdout);
    assert!(out.contains("+SUM(1,2) mobbesak\\rAVLYST: alt | <img src=x onerror=alert(3)> \\u{202e}slutt"), "{out}");
    let o = run_plan(&plan, &["schedule", "--format", "markdown"], &[]);
    let out = text(&o.stdout);
    assert!(out.contains("\\<img src=x onerror=alert(3)\\>"), "{out}");
    assert!(out.contains("mobbesak\\\\rAVLYST"), "{out}");
}

/// A small plan that checks clean.
const SMALL_PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"mars 2026\"\nend = \"juni 2026\"\n\n[roles]\npl = \"Prosjektleder\"\n\n[[activity]]\ntitle = \"Oppstart\"\nwhen = \"2026-03-12\"\nowner = \"pl\"\n\n[[activity]]\ntitle = \"Avslutning\"\nwhen = \"juni 2026\"\nowner = \"pl\"\n";

fn implan(args: &[&str]) -> Output {
    run_within(args, DEADLINE).0
}

/// [`common::command`] in an English locale: the messages compared here are the English ones (a plan that says
/// its `lang` still has its findings in it).
fn command(args: &[&str]) -> std::process::Command {
    let mut cmd = common::command(args);
    cmd.env("LANG", "en_US.UTF-8");
    cmd
}

fn run_within(args: &[&str], deadline: std::time::Duration) -> (Output, std::time::Duration) {
    run_command(command(args), args, deadline)
}

#[cfg(unix)]
#[test]
fn a_search_stays_in_its_tree_unless_told_to_follow() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("walk");
    dir.write("tree/plans/a.toml", SMALL_PLAN.as_bytes());
    // Outside the tree: a plan holding a secret, reached by a link to its folder and a link to the file.
    dir.write(
        "outside/secret.toml",
        SMALL_PLAN.replace("title = \"T\"", "title = \"HEMMELIG-7f3a\"\nx = 1").as_bytes(),
    );
    symlink(dir.join("outside"), dir.join("tree/plans/ut")).unwrap();
    symlink(dir.join("outside/secret.toml"), dir.join("tree/plans/secret.toml")).unwrap();
    symlink("/etc", dir.join("tree/plans/etc")).unwrap();
    let tree = dir.path("tree");
    let o = implan(&["check", &tree, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "checked 1 file: no findings\n");
    assert_eq!(text(&o.stderr), "");
    // --follow opts in: the secret plan is checked too (its unknown key is a finding), once for each way in.
    let o = implan(&["check", &tree, "--format", "concise", "--follow"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("HEMMELIG") || text(&o.stdout).contains("unknown key 'x'"), "{}", text(&o.stdout));
    // A link named on the command line is the user's own choice and is followed.
    let o = implan(&["check", &dir.path("tree/plans/secret.toml"), "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn dangling_links_and_loops_are_reported_and_the_rest_is_checked() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    dir.write("tree/a.toml", SMALL_PLAN.as_bytes());
    dir.write("tree/sub/b.toml", SMALL_PLAN.as_bytes());
    symlink(dir.join("nowhere.toml"), dir.join("tree/dead.toml")).unwrap();
    symlink(dir.join("tree"), dir.join("tree/sub/loop")).unwrap();
    let tree = dir.path("tree");
    // Not followed: neither is a plan file, and nothing is said.
    let o = implan(&["check", &tree, "--format", "concise"]);
    assert_eq!((o.status.code(), text(&o.stdout)), (Some(0), "checked 2 files: no findings\n".to_string()));
    assert_eq!(text(&o.stderr), "");
    // Followed: each is a warning, and both plans are still checked, once.
    let o = implan(&["check", &tree, "--format", "concise", "--follow"]);
    assert_eq!((o.status.code(), text(&o.stdout)), (Some(0), "checked 2 files: no findings\n".to_string()));
    let err = text(&o.stderr);
    assert!(err.contains(&format!("warning: skipped {tree}/dead.toml: ")), "{err}");
    assert!(err.contains(&format!("warning: skipped {tree}/sub/loop: a symbolic link back to {tree}")), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
}

#[cfg(unix)]
#[test]
fn a_failed_write_is_an_error_naming_its_target() {
    let plan = "plans/beiarn-omni.toml";
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    for args in [
        vec!["check", "--format", "sarif", "plans"],
        vec!["check", "plans"],
        vec!["status", plan],
        vec!["schedule", plan],
        vec!["schedule", plan, "--format", "csv"],
        vec!["timeline", plan],
        vec!["checklist", plan],
        vec!["gantt", plan],
        vec!["wheel", plan],
        vec!["report", plan],
        vec!["export", "ics", plan],
        vec!["rules"],
        vec!["explain", "cadence"],
        vec!["schema"],
        vec!["man"],
        vec!["completions", "bash"],
    ] {
        let mut cmd = command(&args);
        cmd.stdout(Stdio::from(full()));
        let o = cmd.stderr(Stdio::piped()).output().expect("implan runs");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&o.stderr),
            "error: cannot write to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
    // `-o` naming a full device: a private copy of /dev/full (a broken implan, as mutation testing makes one,
    // would rename a file over the device it is given; as root that must not be the machine's /dev/full).
    let dir = TempDir::new("full");
    let full = dir.join("full");
    let c = std::ffi::CString::new(full.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mknod reads the NUL-terminated path only.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 7)) };
    assert_eq!(made, 0, "making a full device needs root: {}", std::io::Error::last_os_error());
    let f = full.display().to_string();
    let o = implan(&["report", plan, "-o", &f, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stdout), "", "no 'wrote {f}'");
    assert!(text(&o.stderr).contains(&format!("cannot write {f}: No space left on device")), "{}", text(&o.stderr));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&full).unwrap().file_type().is_char_device(), "the device is not replaced");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_quiet() {
    use std::os::fd::{FromRawFd, OwnedFd};
    // A pipe whose reader has gone (`implan schedule | head -1`, after head exits).
    let mut fds = [0; 2];
    // SAFETY: pipe writes two fresh descriptors; we own both from here on.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let (reader, writer) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(reader);
    let o = command(&["schedule", "plans/beiarn-omni.toml"])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("implan runs");
    assert_eq!((o.status.code(), text(&o.stderr)), (Some(0), String::new()));
}

#[test]
fn views_of_a_broken_plan_keep_standard_output_clean() {
    let dir = TempDir::new("broken");
    let bad = dir.write("bad.toml", b"[plan]\ntitle = \"T\"\nstart = \"mars 2026\"\n");
    for args in [
        vec!["gantt", bad.as_str()],
        vec!["wheel", bad.as_str()],
        vec!["report", bad.as_str()],
        vec!["export", "ics", bad.as_str()],
        vec!["status", bad.as_str(), "--format", "json"],
        vec!["schedule", bad.as_str(), "--format", "csv"],
        vec!["timeline", bad.as_str()],
        vec!["checklist", bad.as_str()],
    ] {
        let o = implan(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&o.stdout), "", "{args:?}: the findings went to standard output");
        assert!(text(&o.stderr).contains("error[invalid-plan]: [plan] has no 'end'"), "{args:?}: {}", text(&o.stderr));
    }
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_keep_their_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("names");
    let name = std::ffi::OsStr::from_bytes(b"pl\xe6n\x1b[2J.toml");
    std::fs::write(dir.join(name), SMALL_PLAN.replace("owner = \"pl\"\n\n[[activity]]", "\n[[activity]]")).unwrap();
    let d = dir.path("");
    let o = implan(&["check", &d, "--format", "concise"]);
    let out = text(&o.stdout);
    assert!(out.contains("pl\\xE6n\\u{1b}[2J.toml:10:9: error[missing-owner]"), "{out}");
    assert_eq!(raw_hidden(&out, false), vec![]);
    let o = implan(&["check", &d, "--format", "sarif"]);
    assert!(text(&o.stdout).contains("pl%E6n%1B%5B2J.toml"), "SARIF keeps the exact bytes");
    assert_eq!(text(&o.stderr), "");
    let o = implan(&["check", &d, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"][0]["file"].as_str().unwrap().ends_with("pl\u{fffd}n\u{1b}[2J.toml"));
    assert!(
        text(&o.stderr).contains("is not UTF-8; this format can only show it with U+FFFD in place of its odd bytes"),
        "and says so: {}",
        text(&o.stderr)
    );
    // Statistics name no file, so there is nothing to warn of.
    let o = implan(&["check", &d, "--format", "json", "--statistics"]);
    assert!(text(&o.stdout).contains("missing-owner"), "{}", text(&o.stdout));
    assert_eq!(text(&o.stderr), "", "--statistics shows no file name");
    // JUnit and GitHub show the escapes people see elsewhere, and say so too.
    for format in ["junit", "github"] {
        let o = implan(&["check", &d, "--format", format]);
        assert!(text(&o.stdout).contains("pl\\xE6n\\u{1b}[2J.toml"), "{format}: {}", text(&o.stdout));
        assert!(text(&o.stderr).contains("this format can only show it with \\xNN escapes"), "{}", text(&o.stderr));
    }
}

#[test]
fn usage_that_makes_no_sense_is_refused() {
    let plan = "plans/beiarn-omni.toml";
    let o = implan(&["schedule", plan, "--from", "2027", "--to", "2026"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "error: --to (2026-12-31) is before --from (2027-01-01): the span is empty; swap them\n"
    );
    // A span of one day is not empty.
    let o = implan(&["schedule", plan, "--from", "2026-10-15", "--to", "2026-10-15"]);
    assert_eq!((o.status.code(), text(&o.stderr)), (Some(0), String::new()));
    for d in ["\"", "\n", "\r", "\u{1b}"] {
        let o = implan(&["schedule", plan, "--format", "csv", "--delimiter", d]);
        assert_eq!(o.status.code(), Some(2), "{d:?}");
        assert!(text(&o.stderr).contains("cannot separate CSV fields"), "{d:?}: {}", text(&o.stderr));
        assert_eq!(raw_hidden(&text(&o.stderr), false), vec![], "{d:?}");
    }
    let o = implan(&["schedule", plan, "--format", "csv", "--delimiter", "\t"]);
    assert_eq!(o.status.code(), Some(0), "a tab is a fine separator");
}

/// The commands and formats whose work grows with the length of a text, as `benches/implan.rs` times them.
const LONG_TEXT_RUNS: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "json"],
    &["status"],
    &["schedule", "--width", "80"],
    &["schedule"],
    &["schedule", "--by", "role", "--width", "80"],
    &["schedule", "--by", "month", "--width", "80"],
    &["schedule", "--costs"],
    &["schedule", "--format", "markdown"],
    &["timeline"],
    &["checklist"],
    &["gantt"],
    &["wheel"],
    &["report"],
    &["export", "ics"],
];

// Every command is linear in the length of every text: a plan whose texts are each 100,000 characters long
// without a space (titles, names, a long name to suggest for a typo) goes through each within seconds. Before,
// the årshjul took over a minute (its hyphenation tried every cut by measuring the whole head), the schedule too
// (comfy-table breaks a long word in quadratic time, and overflowed its widths past 65,535 columns), and so did
// "did you mean" on long names (Levenshtein).
#[test]
fn long_texts_take_linear_time() {
    let dir = TempDir::new("long");
    let plan = dir.write("long.toml", genplan::long_texts(100_000).as_bytes());
    for args in LONG_TEXT_RUNS {
        let mut all: Vec<&str> = args.to_vec();
        all.push(&plan);
        if args[0] != "check" {
            all.extend(["--today", "2026-05-20"]);
        }
        let (o, took) = run_within(&all, std::time::Duration::from_secs(30));
        assert_eq!(o.status.code(), Some(if args[0] == "check" { 1 } else { 0 }), "{args:?}: {}", text(&o.stderr));
        assert!(took < std::time::Duration::from_secs(15), "{args:?} took {took:?}");
        // A table cell shows a long text's first thousand characters, and then "…"; other formats all of it.
        let out = text(&o.stdout);
        if args[0] == "schedule" && !args.contains(&"markdown") {
            assert!(out.contains("…") && !out.contains(&"a".repeat(1_001)), "{args:?}");
        }
        if args.contains(&"markdown") {
            assert!(out.contains(&"a".repeat(100_000)), "{args:?}: the whole title");
        }
    }
    // The report as PDF breaks a word of 100,000 letters over lines and pages, in linear time.
    let pdf = dir.path("long.pdf");
    let (o, took) =
        run_within(&["report", &plan, "--today", "2026-05-20", "-o", &pdf], std::time::Duration::from_secs(30));
    assert_eq!(o.status.code(), Some(0), "report -o long.pdf: {}", text(&o.stderr));
    assert!(took < std::time::Duration::from_secs(15), "report -o long.pdf took {took:?}");
    // The typos still get help; a "did you mean" only between names short enough to compare letter by letter
    // (nobody misspells a name of a hundred thousand letters, and comparing two costs their lengths' product).
    let helps = |n: usize| -> Vec<String> {
        let plan = dir.write("typo.toml", genplan::long_texts(n).as_bytes());
        let v: serde_json::Value =
            serde_json::from_slice(&implan(&["check", &plan, "--format", "json"]).stdout).unwrap();
        v["findings"].as_array().unwrap().iter().map(|f| f["help"].as_str().unwrap().to_string()).collect()
    };
    let long = helps(100_000);
    assert!(long[0].starts_with("declare it under [roles]") && long[1].starts_with("known activity ids:"), "{long:?}");
    let short = helps(100);
    assert!(short.iter().all(|h| h.starts_with("did you mean")), "{short:?}");
}

/// A PDF carries the plan's words as text, in its title and on its page: no control, bidirectional or invisible
/// character of the plan reaches them raw (the SVG it is made from has made them visible), as poppler reads them.
#[test]
fn the_pdf_and_png_of_a_hostile_plan_are_made_and_hide_nothing() {
    let dir = TempDir::new("hostile-pdf");
    let plan = dir.write("plan.toml", hostile_plan().as_bytes());
    for (what, file) in [("gantt", "g.pdf"), ("wheel", "w.pdf"), ("wheel", "w.png"), ("report", "r.pdf")] {
        let out = dir.path(file);
        let o = run_plan(&plan, &[what, "-o", &out], &[]);
        assert_eq!(o.status.code(), Some(0), "{what} {file}: {}", text(&o.stderr));
        if file.ends_with(".png") {
            continue;
        }
        for args in [vec!["pdfinfo", &out], vec!["pdftotext", "-raw", &out, "-"]] {
            let o = std::process::Command::new(args[0]).args(&args[1..]).output().expect("poppler-utils is installed");
            assert!(o.status.success(), "{args:?}");
            let said = String::from_utf8(o.stdout).expect("UTF-8");
            assert!(said.contains("Plan \\u{1b}]0;pwned"), "{args:?}: {said}");
            // pdftotext ends each page with a form feed of its own.
            let said = said.replace('\u{c}', "\n");
            assert_eq!(raw_hidden(&said, false), vec![], "{args:?}:\n{said}");
        }
    }
}
