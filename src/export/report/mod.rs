//! `implan report`: what a steering-group meeting needs on paper, built once as a [`Document`] and written as
//! one self-contained HTML page ([`html`]) or as a tagged PDF ([`pdf`]) with the same sections in the same
//! order: title and period, progress per phase, overdue and upcoming work (the first page), goals, what changed
//! since a version (`--since`), the Gantt chart, an årshjul per school year, each role's checklist and the check
//! findings.
//!
//! The document holds plan text as it was written; each writer escapes it for its medium.

mod html;
mod layout;
mod pdf;

pub use html::html;
pub use pdf::pdf;

use crate::diag::{Finding, Severity};
use crate::diff::since::Kind;
use crate::export::svg::{GanttOptions, Rings, WheelOptions, WheelSpan};
use crate::model::{Lang, Status};
use crate::source::Source;
use crate::views::View;
use crate::views::status::StatusReport;
use chrono::NaiveDate;

/// The report, as neither HTML nor PDF yet.
#[derive(Debug)]
pub struct Document {
    /// The plan's title: the page's title and the PDF's.
    pub title: String,
    pub lang: Lang,
    pub parts: Vec<Part>,
}

/// A part of the report with a heading of its own: a section, a role's checklist, a school year's wheel.
#[derive(Debug)]
pub struct Part {
    /// The anchor links point to (`role-pl`); `None` for a part nothing links to.
    pub id: Option<String>,
    pub kind: PartKind,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// The title and the period, at the top of the first page.
    Header,
    /// One of the report's sections.
    Section,
    /// A role's checklist, handed out on its own: never split over two pages.
    Role,
    /// A school year's årshjul, on a page of its own.
    Year,
    /// Part of a Gantt chart too tall for one page, on a landscape page of its own.
    Sheet,
}

#[derive(Debug)]
pub enum Block {
    /// A heading, level 1 to 3.
    Heading(u8, String),
    Paragraph(Tone, Vec<Run>),
    /// Items with bullets, or with check boxes (a role's checklist).
    List(ListKind, Vec<Item>),
    Table(Table),
    Figure(Figure),
    Part(Part),
}

/// A piece of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Style {
    Plain,
    Strong,
    /// Secondary information: an activity's owners, a note.
    Meta,
    /// A command to type.
    Code,
    /// A reference to the part with this id.
    Link(String),
}

/// What a paragraph, an item or a cell says about the work, shown by colour and by a second sign (bold, struck
/// through, a ticked box), never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Meta,
    Done,
    Overdue,
    Cancelled,
    Postponed,
    Error,
    Warning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Bullets,
    Checklist,
}

#[derive(Debug)]
pub struct Item {
    pub tone: Tone,
    pub runs: Vec<Run>,
}

/// A table: a header row of column names (none for a table of label and value), then its rows.
#[derive(Debug)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug)]
pub struct Cell {
    pub tone: Tone,
    pub content: CellContent,
}

#[derive(Debug)]
pub enum CellContent {
    Runs(Vec<Run>),
    /// A date or a period: kept on one line.
    When(String),
    /// A progress bar, this many percent full.
    Bar(usize),
}

/// One of implan's SVG pictures; its `<title>` is its text alternative.
#[derive(Debug)]
pub struct Figure {
    pub svg: String,
    /// A Gantt chart: wider than it is tall, printed on a landscape page.
    pub landscape: bool,
}

fn run(text: impl Into<String>) -> Run {
    Run { text: text.into(), style: Style::Plain }
}

fn styled(text: impl Into<String>, style: Style) -> Run {
    Run { text: text.into(), style }
}

fn cell(tone: Tone, runs: Vec<Run>) -> Cell {
    Cell { tone, content: CellContent::Runs(runs) }
}

fn section(id: &str, heading: String, mut blocks: Vec<Block>) -> Part {
    blocks.insert(0, Block::Heading(2, heading));
    Part { id: Some(id.to_string()), kind: PartKind::Section, blocks }
}

/// Builds the report. `findings` are the plan's check findings, with the source they point into; `span`, the
/// days its pictures show (both included), else the plan's whole period.
pub fn build(
    view: &View,
    report: &StatusReport,
    findings: &[Finding],
    source: &Source,
    span: Option<(NaiveDate, NaiveDate)>,
) -> Document {
    // The first page is the plan at a glance: what it is, how far each phase has come, what is late and what
    // comes next. The goals, the changes and the pictures follow; the checklists are handed out.
    let mut parts = vec![heading(view), progress(view, report)];
    parts.extend(overdue_and_upcoming(view, report));
    parts.extend(goals(view));
    parts.extend(since(view, report, source));
    parts.extend(pictures(view, span));
    parts.push(checklists(view));
    parts.push(findings_part(view, findings, source));
    Document { title: view.plan.title.value.clone(), lang: view.lang, parts }
}

/// The title, the organisation, the period and today.
fn heading(view: &View) -> Part {
    let plan = view.plan;
    let mut meta = String::new();
    if let Some(org) = &plan.org {
        meta.push_str(&format!("{org} · "));
    }
    meta.push_str(&format!(
        "{} · {} {}",
        crate::i18n::span(view.lang, plan.start.value.start, plan.end.value.end),
        view.t.today,
        crate::i18n::day(view.lang, view.today)
    ));
    let blocks = vec![Block::Heading(1, plan.title.value.clone()), Block::Paragraph(Tone::Meta, vec![run(meta)])];
    Part { id: Some("title".into()), kind: PartKind::Header, blocks }
}

/// The goal and its sub-goals.
fn goals(view: &View) -> Option<Part> {
    let goal = view.plan.goal.as_ref()?;
    let mut blocks = vec![Block::Paragraph(Tone::Plain, vec![styled(goal.text.clone(), Style::Strong)])];
    if !view.plan.subgoals.is_empty() {
        let items = view.plan.subgoals.iter().map(|g| Item { tone: Tone::Plain, runs: vec![run(g.text.clone())] });
        blocks.push(Block::List(ListKind::Bullets, items.collect()));
    }
    Some(section("goals", view.t.goals.to_string(), blocks))
}

/// The plan's progress and each phase's, as bars.
fn progress(view: &View, report: &StatusReport) -> Part {
    let t = view.t;
    let row = |name: &str, done: usize, total: usize, strong: bool| {
        let pct = (done * 100).checked_div(total).unwrap_or(0);
        let name = styled(name, if strong { Style::Strong } else { Style::Plain });
        vec![
            cell(Tone::Plain, vec![name]),
            Cell { tone: Tone::Plain, content: CellContent::Bar(pct) },
            cell(Tone::Plain, vec![run(format!("{done}/{total}"))]),
            cell(Tone::Plain, vec![run(format!("{pct} %"))]),
        ]
    };
    let mut rows = vec![row(t.progress, report.progress.done, report.progress.total, true)];
    rows.extend(report.phases.iter().map(|p| row(p.name, p.progress.done, p.progress.total, false)));
    section("progress", t.progress.to_string(), vec![Block::Table(Table { head: Vec::new(), rows })])
}

/// What is overdue, and what is due this month and next.
fn overdue_and_upcoming(view: &View, report: &StatusReport) -> [Part; 2] {
    let t = view.t;
    let acts = &view.plan.activities;
    let item = |id: &str, tone: Tone| -> Option<Item> {
        let a = &acts[view.index.activity(id)?];
        let runs = vec![
            run(format!("{} — {} ", view.when_text(a), a.title.value)),
            styled(format!("({})", view.owners_text(a)), Style::Meta),
        ];
        Some(Item { tone, runs })
    };
    let or_nothing = |mut items: Vec<Item>| {
        if items.is_empty() {
            items.push(Item { tone: Tone::Plain, runs: vec![run(t.nothing)] });
        }
        vec![Block::List(ListKind::Bullets, items)]
    };
    let overdue = report.overdue.iter().filter_map(|od| item(od.activity.id, Tone::Overdue)).collect();
    let upcoming = report.this_month.iter().chain(&report.next).filter_map(|a| item(a.id, Tone::Plain)).collect();
    [
        section("overdue", format!("{} ({})", t.overdue_heading, report.overdue.len()), or_nothing(overdue)),
        section("upcoming", t.this_month_and_next.to_string(), or_nothing(upcoming)),
    ]
}

/// With `--since`: what changed since a version or a day, every changed activity in a table.
fn since(view: &View, report: &StatusReport, source: &Source) -> Option<Part> {
    let since = report.since.as_ref()?;
    let (t, lang) = (view.t, view.lang);
    let mut blocks = Vec::new();
    if let Some(note) = since.note(lang) {
        blocks.push(Block::Paragraph(Tone::Meta, vec![run(sentence(&note))]));
    }
    blocks.push(Block::Paragraph(Tone::Plain, vec![run(since.counts(lang))]));
    let rows: Vec<Vec<Cell>> = since
        .listed()
        .map(|item| {
            // Work that is gone is struck through; a postponement and work done are coloured as elsewhere.
            let (title_tone, change_tone) = match item.what.kind() {
                Kind::Cancelled | Kind::Removed => (Tone::Cancelled, Tone::Plain),
                Kind::Postponed => (Tone::Plain, Tone::Postponed),
                Kind::Done => (Tone::Plain, Tone::Done),
                Kind::Moved | Kind::Added | Kind::Other => (Tone::Plain, Tone::Plain),
            };
            let (when, owners) = crate::views::status::when_and_owners(view, item);
            vec![
                Cell { tone: Tone::Plain, content: CellContent::When(when) },
                cell(title_tone, vec![run(item.activity.title.clone())]),
                cell(Tone::Plain, vec![run(owners)]),
                cell(change_tone, vec![run(item.what(lang, true))]),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let change = crate::messages::since::change_column();
        let head = [t.when, t.activity, t.responsible, change.get(lang)].map(str::to_string).to_vec();
        blocks.push(Block::Table(Table { head, rows }));
    }
    if let Some(command) = since.diff_command(&crate::escape::path(&source.path)) {
        let said = crate::messages::since::every_change(&command);
        blocks.push(Block::Paragraph(Tone::Meta, code_spans(&sentence(said.get(lang)))));
    }
    Some(section("since", since.heading(lang), blocks))
}

/// Words that start a line of their own as a sentence: with a capital letter.
fn sentence(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Text whose `…` spans are code.
fn code_spans(text: &str) -> Vec<Run> {
    let runs = text.split('`').enumerate().filter(|(_, part)| !part.is_empty());
    runs.map(|(i, part)| styled(part, if i % 2 == 1 { Style::Code } else { Style::Plain })).collect()
}

/// The Gantt chart and the årshjul, over `span` or the whole plan.
fn pictures(view: &View, span: Option<(NaiveDate, NaiveDate)>) -> [Part; 2] {
    let t = view.t;
    let gantt = gantt_sheets(view, span);
    // One wheel per school year with work in it: a circle holding several years puts them in one month.
    let mut wheels = Vec::new();
    let (from, to) = span.unwrap_or((view.plan.start.value.start, view.plan.end.value.end));
    let years = crate::when::school_year_of(from)..=crate::when::school_year_of(to);
    for mut span in years.filter_map(|y| WheelSpan::school_year(y, view.lang)) {
        // Each school year's wheel, cut to the days asked for (never empty: every year in `years` overlaps them).
        (span.from, span.to) = (span.from.max(from), span.to.min(to));
        let acts = &view.plan.activities;
        if !acts.iter().any(|a| a.when.value.start <= span.to && a.last_day >= span.from) {
            continue;
        }
        let label = crate::export::svg::capitalised(&span.label);
        let opts = WheelOptions { first_month: 8, rings: Rings::Role, size: 720, span: Some(span) };
        let wheel = crate::export::svg::wheel(view, &opts);
        let figure = Figure { svg: strip_xml_decl(&wheel).to_string(), landscape: false };
        let blocks = vec![Block::Heading(3, label), Block::Figure(figure)];
        wheels.push(Block::Part(Part { id: None, kind: PartKind::Year, blocks }));
    }
    [section("gantt", t.schedule.to_string(), gantt), section("wheel", t.wheel.to_string(), wheels)]
}

/// The width of the report's Gantt chart: 1000 pixels on a landscape A4 page inside 15 mm margins print its
/// 12-pixel text at 9 points.
const GANTT_WIDTH: u32 = 1000;

/// The tallest a Gantt chart on one landscape page may be at [`GANTT_WIDTH`] with its headings above it: 180 mm
/// of page less two headings, in pixels at 9-point text.
const GANTT_HEIGHT: f64 = 560.0;

/// The Gantt chart, on one landscape page when it fits there at a readable size, else cut into sheets of whole
/// phases (a phase taller than a page over several), each on a landscape page of its own with a heading naming
/// its phases: "Skoleåret 2026/27 (2/3)" for the second of a phase's three.
fn gantt_sheets(view: &View, span: Option<(NaiveDate, NaiveDate)>) -> Vec<Block> {
    let opts = GanttOptions { width: GANTT_WIDTH, span };
    let mut sheets = crate::export::svg::gantt_sheets(view, &opts, GANTT_HEIGHT);
    if sheets.len() == 1 {
        let svg = strip_xml_decl(&sheets.remove(0).svg).to_string();
        return vec![Block::Figure(Figure { svg, landscape: true })];
    }
    let name = |p: Option<usize>| p.and_then(|p| view.plan.phases.get(p)).map_or(view.t.no_phase, |p| p.name.as_str());
    sheets
        .into_iter()
        .map(|sheet| {
            let names: Vec<String> = sheet
                .phases
                .iter()
                .map(|sp| match sp.part {
                    Some((n, of)) => format!("{} ({n}/{of})", name(sp.phase)),
                    None => name(sp.phase).to_string(),
                })
                .collect();
            let figure = Figure { svg: strip_xml_decl(&sheet.svg).to_string(), landscape: true };
            let blocks = vec![Block::Heading(3, names.join(" · ")), Block::Figure(figure)];
            Block::Part(Part { id: None, kind: PartKind::Sheet, blocks })
        })
        .collect()
}

/// A checklist for each role: the activities it owns itself, once. A group's activities are listed under the
/// group, and each member names the groups it belongs to instead of repeating their lists (a steering group's
/// items under every one of its members made the printed report four pages longer).
fn checklists(view: &View) -> Part {
    let (t, acts, roles) = (view.t, &view.plan.activities, &view.plan.roles);
    let own = own_activities(view);
    let mut blocks = Vec::new();
    for (r, role) in roles.iter().enumerate() {
        let mut groups: Vec<usize> =
            view.role_and_groups(r).into_iter().filter(|&g| g != r && !own[g].is_empty()).collect();
        groups.sort_unstable();
        if own[r].is_empty() && groups.is_empty() {
            continue;
        }
        let mut part = vec![Block::Heading(3, role.name.clone())];
        if !own[r].is_empty() {
            let items = own[r].iter().map(|&i| {
                let a = &acts[i];
                let tone = match a.status {
                    Status::Done => Tone::Done,
                    Status::Cancelled => Tone::Cancelled,
                    _ if view.is_overdue(a) => Tone::Overdue,
                    _ => Tone::Plain,
                };
                Item { tone, runs: vec![run(format!("{} — {}", view.when_text(a), a.title.value))] }
            });
            part.push(Block::List(ListKind::Checklist, items.collect()));
        }
        if !groups.is_empty() {
            let mut runs = vec![run(format!("{}: ", t.member_of))];
            for (n, &g) in groups.iter().enumerate() {
                if n > 0 {
                    runs.push(run(", "));
                }
                runs.push(styled(roles[g].name.clone(), Style::Link(format!("role-{}", roles[g].id.value))));
            }
            runs.push(run("."));
            part.push(Block::Paragraph(Tone::Plain, runs));
        }
        let id = Some(format!("role-{}", role.id.value));
        blocks.push(Block::Part(Part { id, kind: PartKind::Role, blocks: part }));
    }
    section("checklists", t.checklist_per_role.to_string(), blocks)
}

/// Each role's own activities (those naming it as an owner), in date order: one pass over the activities.
fn own_activities(view: &View) -> Vec<Vec<usize>> {
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); view.plan.roles.len()];
    for (i, a) in view.plan.activities.iter().enumerate() {
        for o in &a.owners {
            if let Some(r) = view.index.role(&o.value)
                && own[r].last() != Some(&i)
            {
                own[r].push(i);
            }
        }
    }
    for ids in &mut own {
        view.sort_by_date(ids);
    }
    own
}

/// The check's findings, each with its place.
fn findings_part(view: &View, findings: &[Finding], source: &Source) -> Part {
    let t = view.t;
    let heading = format!("{} ({})", t.check_heading, findings.len());
    if findings.is_empty() {
        return section("findings", heading, vec![Block::Paragraph(Tone::Done, vec![run(t.check_clean)])]);
    }
    let rows = findings
        .iter()
        .map(|f| {
            let at = f.span.as_ref().map(|s| source.line_col(s.start));
            let at = at.map_or(String::new(), |lc| format!("{}:{}", lc.line, lc.column));
            let tone = if f.severity == Severity::Error { Tone::Error } else { Tone::Warning };
            let severity = crate::messages::report::severity(f.severity);
            vec![
                cell(tone, vec![run(format!("{}[{}]", severity.get(view.lang), f.rule))]),
                cell(Tone::Plain, vec![run(at)]),
                cell(Tone::Plain, vec![run(f.message.get(view.lang))]),
            ]
        })
        .collect();
    section("findings", heading, vec![Block::Table(Table { head: Vec::new(), rows })])
}

fn strip_xml_decl(svg: &str) -> &str {
    match svg.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(svg, |(_, r)| r.trim_start()),
        None => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(phases: usize, per_phase: usize) -> String {
        let mut text = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n".to_string();
        for p in 0..phases {
            text.push_str(&format!("[[phase]]\nid = \"p{p}\"\nname = \"Fase {p}\"\nperiod = \"2026\"\n"));
            for a in 0..per_phase {
                text.push_str(&format!("[[phase.activity]]\ntitle = \"A{p}-{a}\"\nwhen = \"2026-0{}\"\n", a % 9 + 1));
            }
        }
        text
    }

    fn gantt_blocks(text: &str) -> Vec<Block> {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).unwrap();
        let view = View::new(&plan, &source, Lang::Nb, "2026-06-01".parse().unwrap());
        gantt_sheets(&view, None)
    }

    #[test]
    fn a_gantt_chart_that_fits_a_page_is_one_figure() {
        let blocks = gantt_blocks(&plan(2, 4));
        assert!(matches!(blocks.as_slice(), [Block::Figure(Figure { landscape: true, .. })]), "{blocks:?}");
    }

    /// Each sheet's heading and the activities drawn on it.
    fn sheets(text: &str) -> Vec<(String, Vec<String>)> {
        gantt_blocks(text)
            .iter()
            .map(|block| {
                let Block::Part(Part { kind: PartKind::Sheet, blocks, .. }) = block else { panic!("{block:?}") };
                let [Block::Heading(3, heading), Block::Figure(figure)] = blocks.as_slice() else { panic!() };
                assert!(svg_height(&figure.svg) <= GANTT_HEIGHT, "{heading}: {}", svg_height(&figure.svg));
                let titles = figure.svg.split(">A").skip(1).filter_map(|rest| rest.split_once("</text>"));
                (heading.clone(), titles.map(|(t, _)| format!("A{t}")).collect())
            })
            .collect()
    }

    #[test]
    fn a_tall_gantt_chart_is_cut_between_phases_into_sheets_that_fit() {
        let sheets = sheets(&plan(5, 8));
        assert!(sheets.len() >= 2, "{sheets:?}");
        // Every phase on one sheet, named in its heading, with all its activities and no others.
        let mut names = Vec::new();
        for (heading, titles) in &sheets {
            let phases: Vec<&str> = heading.split(" · ").collect();
            for p in 0..5 {
                let on = titles.iter().filter(|t| t.starts_with(&format!("A{p}-"))).count();
                assert_eq!(on, if phases.contains(&format!("Fase {p}").as_str()) { 8 } else { 0 }, "{heading}");
            }
            names.extend(phases.iter().map(|p| p.to_string()));
        }
        assert_eq!(names, (0..5).map(|p| format!("Fase {p}")).collect::<Vec<_>>());
    }

    #[test]
    fn a_phase_taller_than_a_page_runs_over_sheets_numbered_in_its_heading() {
        let sheets = sheets(&plan(2, 40));
        let headings: Vec<&str> = sheets.iter().map(|(h, _)| h.as_str()).collect();
        let parts = headings.iter().filter(|h| h.starts_with("Fase 0 (")).count();
        assert!(parts >= 2, "{headings:?}");
        for (n, heading) in headings.iter().take(parts).enumerate() {
            assert!(heading.starts_with(&format!("Fase 0 ({}/{parts})", n + 1)), "{headings:?}");
        }
        // Each of the phase's activities once over its sheets.
        let mut drawn: Vec<&String> = sheets.iter().flat_map(|(_, t)| t).filter(|t| t.starts_with("A0-")).collect();
        drawn.sort_by_key(|t| t[3..].parse::<usize>().unwrap());
        let expected: Vec<String> = (0..40).map(|a| format!("A0-{a}")).collect();
        assert_eq!(drawn, expected.iter().collect::<Vec<_>>());
    }

    /// The height an SVG of implan's says it has.
    fn svg_height(svg: &str) -> f64 {
        let height = svg.split_once(" height=\"").and_then(|(_, rest)| rest.split_once('"'));
        height.and_then(|(h, _)| h.parse().ok()).unwrap_or(f64::MAX)
    }

    #[test]
    fn commands_in_backticks_are_code_and_the_rest_is_text() {
        let runs = code_spans("run `implan diff a b` to see `all`");
        let expected = [
            styled("run ", Style::Plain),
            styled("implan diff a b", Style::Code),
            styled(" to see ", Style::Plain),
            styled("all", Style::Code),
        ];
        assert_eq!(runs, expected);
        assert_eq!(code_spans("``"), []);
    }

    fn document(text: &str) -> Document {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).unwrap();
        let view = View::new(&plan, &source, Lang::En, "2026-06-01".parse().unwrap());
        let status = crate::views::status::build(&view, &[]);
        build(&view, &status, &[], &source, None)
    }

    fn part<'d>(doc: &'d Document, id: &str) -> &'d Part {
        doc.parts.iter().find(|p| p.id.as_deref() == Some(id)).unwrap_or_else(|| panic!("no {id}"))
    }

    #[test]
    fn the_goals_list_their_sub_goals_and_no_empty_list() {
        let base =
            "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n[goal]\nid = \"g\"\ntext = \"Trygt\"\n";
        let doc = document(&format!("{base}[goal.sub]\nm = \"Mindre mobbing\"\ns = \"Bedre samarbeid\"\n"));
        let goals = &part(&doc, "goals").blocks;
        let Some(Block::List(ListKind::Bullets, items)) = goals.last() else { panic!("{goals:?}") };
        let texts: Vec<&str> = items.iter().map(|i| i.runs[0].text.as_str()).collect();
        assert_eq!(texts, ["Mindre mobbing", "Bedre samarbeid"]);
        let doc = document(base);
        assert!(!part(&doc, "goals").blocks.iter().any(|b| matches!(b, Block::List(..))), "an empty list");
    }

    #[test]
    fn a_member_of_two_groups_names_both_once() {
        let text = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n[roles]\na = \"Anne\"\n\
            [roles.sg]\nname = \"Styringsgruppe\"\nmembers = [\"a\"]\n[roles.pg]\nname = \"Prosjektgruppe\"\nmembers = [\"a\"]\n\
            [[activity]]\ntitle = \"M\"\nwhen = \"2026-03\"\nowner = [\"sg\", \"pg\"]\n";
        let doc = document(text);
        let checklists = part(&doc, "checklists");
        let anne = checklists.blocks.iter().find_map(|b| match b {
            Block::Part(p) if p.id.as_deref() == Some("role-a") => Some(p),
            _ => None,
        });
        let Some(Block::Paragraph(_, runs)) = anne.expect("Anne's part").blocks.last() else { panic!() };
        let said: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(said, "Also a member of: Styringsgruppe, Prosjektgruppe.");
        assert_eq!(runs[1].style, Style::Link("role-sg".into()));
    }

    #[test]
    fn the_height_is_read_from_the_svg_and_unreadable_is_too_tall() {
        assert_eq!(svg_height("<svg width=\"10\" height=\"42.5\">"), 42.5);
        assert_eq!(svg_height("<svg>"), f64::MAX);
    }
}
