//! Reports as text: the human format with source snippets, and JSON for machines.
//!
//! Human output is always rendered with ANSI styles; the binary prints it through a stream that strips them
//! when the output is not a terminal or `NO_COLOR` is set, so the library never needs to know.

use crate::check::FileReport;
use crate::diag::{Finding, Severity, Span};
use crate::source::Source;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

/// Totals over all files checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        Summary {
            files: reports.len(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// Whole lines around a span, as (text, first line number, span relative to the text).
fn excerpt<'s>(src: &'s Source, span: &Span) -> (&'s str, usize, Span) {
    let lines = src.lines_around(span);
    let rel_start = span.start.clamp(lines.start, lines.end) - lines.start;
    let rel_end = span.end.clamp(lines.start, lines.end) - lines.start;
    (&src.text[lines.clone()], src.line_number(lines.start), rel_start..rel_end.max(rel_start))
}

fn render_finding(out: &mut String, renderer: &Renderer, path: &str, src: Option<&Source>, f: &Finding) {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(f.message.as_str()).id(f.rule));
    match (src, &f.span) {
        (Some(src), Some(span)) => {
            let (text, line, rel) = excerpt(src, span);
            let mut ann = AnnotationKind::Primary.span(rel);
            if let Some(label) = &f.label {
                ann = ann.label(label.as_str());
            }
            group = group.element(Snippet::source(text).line_start(line).path(path).fold(false).annotation(ann));
            for (rspan, rtext) in &f.related {
                let (text, line, rel) = excerpt(src, rspan);
                let ann = AnnotationKind::Context.span(rel).label(rtext.as_str());
                group = group.element(Snippet::source(text).line_start(line).path(path).fold(false).annotation(ann));
            }
        }
        _ => group = group.element(Origin::path(path)),
    }
    if let Some(help) = &f.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    out.push_str(&renderer.render(&report));
    out.push_str("\n\n");
}

/// The human format: every finding with its snippet, then a one-line summary.
pub fn human(reports: &[FileReport]) -> String {
    let renderer = Renderer::styled();
    let mut out = String::new();
    for r in reports {
        let path = r.path.display().to_string();
        for f in &r.findings {
            render_finding(&mut out, &renderer, &path, r.source.as_ref(), f);
        }
    }
    out.push_str(&summary_line(&Summary::of(reports)));
    out.push('\n');
    out
}

/// "checked 6 files: no findings", "checked 1 file: 7 errors, 3 warnings".
pub fn summary_line(s: &Summary) -> String {
    let files = plural(s.files, "file");
    if s.errors == 0 && s.warnings == 0 {
        let ok = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
        return format!("{ok}checked {files}: no findings{ok:#}");
    }
    let err = Style::new().fg_color(Some(AnsiColor::BrightRed.into())).bold();
    let warn = Style::new().fg_color(Some(AnsiColor::BrightYellow.into())).bold();
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(format!("{err}{}{err:#}", plural(s.errors, "error")));
    }
    if s.warnings > 0 {
        parts.push(format!("{warn}{}{warn:#}", plural(s.warnings, "warning")));
    }
    format!("checked {files}: {}", parts.join(", "))
}

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    file: String,
    rule: &'a str,
    severity: Severity,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

/// One JSON document: `{"version":1,"findings":[…],"summary":{…}}`. Columns count characters; the end column
/// is the one just after the value.
pub fn json(reports: &[FileReport]) -> String {
    let mut findings = Vec::new();
    for r in reports {
        for f in &r.findings {
            let pos = match (&r.source, &f.span) {
                (Some(src), Some(span)) => Some((src.line_col(span.start), src.line_col(span.end))),
                _ => None,
            };
            findings.push(JsonFinding {
                file: r.path.display().to_string(),
                rule: f.rule,
                severity: f.severity,
                line: pos.map(|p| p.0.line),
                column: pos.map(|p| p.0.column),
                end_line: pos.map(|p| p.1.line),
                end_column: pos.map(|p| p.1.column),
                message: &f.message,
                help: f.help.as_deref(),
            });
        }
    }
    let doc = JsonReport { version: 1, findings, summary: Summary::of(reports) };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}
