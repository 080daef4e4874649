//! Reports as text: the human format with source snippets, and JSON for machines.
//!
//! Human output is always rendered with ANSI styles; the binary prints it through a stream that strips them
//! when the output is not a terminal or `NO_COLOR` is set, so the library never needs to know.

use crate::check::{FileReport, ReadError};
use crate::diag::{Finding, Severity, Span};
use crate::escape;
use crate::lang::Lang;
use crate::messages::report as words;
use crate::source::Source;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use std::borrow::Cow;

/// Totals over all files checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Files that could not be read (not counted in `files`).
    pub unreadable: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport], unreadable: &[ReadError]) -> Summary {
        Summary {
            files: reports.len(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
            unreadable: unreadable.len(),
        }
    }
}

/// Whole lines around a span, as (text, first line number, span relative to the text), with the plan's
/// hidden characters shown (see [`escape::excerpt`]).
fn excerpt<'s>(src: &'s Source, span: Span) -> (Cow<'s, str>, usize, Span) {
    let lines = src.lines_around(span);
    let rel_start = span.start.clamp(lines.start, lines.end) - lines.start;
    let rel_end = span.end.clamp(lines.start, lines.end) - lines.start;
    let (text, rel) = escape::excerpt(&src.text[lines.clone()], rel_start..rel_end.max(rel_start));
    (text, src.line_number(lines.start), rel.into())
}

/// What a report of one file needs to print a finding: where it is, its text, and the language it speaks.
struct Place<'a> {
    path: &'a str,
    src: Option<&'a Source>,
    lang: Lang,
}

fn render_finding(out: &mut String, renderer: &Renderer, place: &Place, f: &Finding) {
    let (path, src, lang) = (place.path, place.src, place.lang);
    let level = match f.severity {
        Severity::Error => Level::ERROR.with_name(words::error().get(lang).to_owned()),
        Severity::Warning => Level::WARNING.with_name(words::warning().get(lang).to_owned()),
    };
    let message = escape::visible(f.message.get(lang));
    let label = f.label.as_ref().map(|t| escape::visible(t.get(lang)));
    let help = f.help.as_ref().map(|t| escape::visible(t.get(lang)));
    let related: Vec<(Span, Cow<str>)> = f.related.iter().map(|(s, t)| (*s, escape::visible(t.get(lang)))).collect();
    let mut excerpts = Vec::new();
    if let (Some(src), Some(span)) = (src, f.span) {
        excerpts.push((excerpt(src, span), label.as_deref()));
        for (rspan, rtext) in &related {
            excerpts.push((excerpt(src, *rspan), Some(rtext.as_ref())));
        }
    }
    let mut group = Group::with_title(level.primary_title(message.as_ref()).id(f.rule.as_str()));
    for (i, ((text, line, rel), label)) in excerpts.iter().enumerate() {
        let kind = if i == 0 { AnnotationKind::Primary } else { AnnotationKind::Context };
        let mut ann = kind.span(rel.range());
        if let Some(label) = label {
            ann = ann.label(*label);
        }
        group = group.element(Snippet::source(text.as_ref()).line_start(*line).path(path).fold(false).annotation(ann));
    }
    if excerpts.is_empty() {
        group = group.element(Origin::path(path));
    }
    if let Some(help) = &help {
        group = group.element(Level::HELP.with_name(words::help().get(lang).to_owned()).message(help.as_ref()));
    }
    let fix = f.fix.as_ref().map(|fix| {
        let line = words::fix_line(&fix.title, fix.applicability == crate::diag::Applicability::Safe);
        escape::visible(line.get(lang)).into_owned()
    });
    if let Some(fix) = &fix {
        group = group.element(Level::NOTE.with_name(words::fix().get(lang).to_owned()).message(fix.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    out.push_str(&renderer.render(&report));
    out.push_str("\n\n");
}

/// The human format: every finding with its snippet in its file's language, then a one-line summary in
/// `lang`, the run's, which counts the files that could not be read (the command names them on standard
/// error).
pub fn human(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    let mut out: String = reports.iter().map(human_findings).collect();
    out.push_str(&summary_line(&Summary::of(reports, unreadable), lang));
    out.push('\n');
    out
}

/// One file's findings as [`human`] shows them, without the summary line (for the findings an edit caused).
pub fn human_findings(r: &FileReport) -> String {
    let renderer = Renderer::styled();
    let mut out = String::new();
    let path = escape::path(&r.path);
    let place = Place { path: &path, src: r.source.as_ref(), lang: r.lang };
    for f in &r.findings {
        render_finding(&mut out, &renderer, &place, f);
    }
    out
}

/// "checked 6 files: no findings", "checked 1 file: 7 errors, 3 warnings", and after it "; 1 file could not be
/// read" when one could not.
pub(crate) fn summary_line(s: &Summary, lang: Lang) -> String {
    let err = Style::new().fg_color(Some(AnsiColor::BrightRed.into())).bold();
    let unread = match s.unreadable {
        0 => String::new(),
        n => format!("; {err}{}{err:#}", words::unreadable(n, lang)),
    };
    format!("{}{unread}", findings_line(s, lang))
}

/// The summary line's count of files and findings.
fn findings_line(s: &Summary, lang: Lang) -> String {
    let files = words::files(s.files, lang);
    if s.errors == 0 && s.warnings == 0 {
        let ok = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
        return format!("{ok}{}{ok:#}", words::checked_clean(&files).get(lang));
    }
    let err = Style::new().fg_color(Some(AnsiColor::BrightRed.into())).bold();
    let warn = Style::new().fg_color(Some(AnsiColor::BrightYellow.into())).bold();
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(format!("{err}{}{err:#}", words::errors(s.errors, lang)));
    }
    if s.warnings > 0 {
        parts.push(format!("{warn}{}{warn:#}", words::warnings(s.warnings, lang)));
    }
    words::checked(&files, &parts.join(", ")).get(lang).to_owned()
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
    /// The fix, when the finding has one (`null` else).
    fix: Option<JsonFix<'a>>,
}

/// A fix in JSON: how sure it is, what it does, and its replacements, placed as findings are (lines and
/// columns from 1, columns in characters, the end just after the text replaced).
#[derive(serde::Serialize)]
struct JsonFix<'a> {
    applicability: crate::diag::Applicability,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(serde::Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

fn json_fix<'a>(r: &'a FileReport, f: &'a Finding) -> Option<JsonFix<'a>> {
    let (fix, src) = (f.fix.as_ref()?, r.source.as_ref()?);
    let edits = fix
        .replacements
        .iter()
        .map(|e| {
            let (a, b) = (src.line_col(e.span.start), src.line_col(e.span.end));
            JsonEdit { line: a.line, column: a.column, end_line: b.line, end_column: b.column, replacement: &e.text }
        })
        .collect();
    Some(JsonFix { applicability: fix.applicability, message: fix.title.get(r.lang), edits })
}

/// A file that could not be read, as JSON: its path and why, in the run's language.
#[derive(serde::Serialize)]
struct JsonUnreadable {
    file: String,
    message: String,
}

fn json_unreadable(unreadable: &[ReadError], lang: Lang) -> Vec<JsonUnreadable> {
    unreadable
        .iter()
        .map(|e| JsonUnreadable { file: e.path.display().to_string(), message: e.text().get(lang).to_owned() })
        .collect()
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    unreadable: Vec<JsonUnreadable>,
    summary: Summary,
}

/// One JSON document: `{"version":1,"findings":[…],"unreadable":[…],"summary":{…}}`. Columns count
/// characters; the end column is the one just after the value. `unreadable` names each file that could not be
/// read, with why in `lang`.
pub fn json(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    let mut findings = Vec::new();
    for r in reports {
        for f in &r.findings {
            let pos = match (&r.source, &f.span) {
                (Some(src), Some(span)) => Some((src.line_col(span.start), src.line_col(span.end))),
                _ => None,
            };
            findings.push(JsonFinding {
                file: r.path.display().to_string(),
                rule: f.rule.as_str(),
                severity: f.severity,
                line: pos.map(|p| p.0.line),
                column: pos.map(|p| p.0.column),
                end_line: pos.map(|p| p.1.line),
                end_column: pos.map(|p| p.1.column),
                message: f.message.get(r.lang),
                help: f.help.as_ref().map(|h| h.get(r.lang)),
                fix: json_fix(r, f),
            });
        }
    }
    let doc = JsonReport {
        version: 1,
        findings,
        unreadable: json_unreadable(unreadable, lang),
        summary: Summary::of(reports, unreadable),
    };
    crate::json::document(&doc)
}

/// 1-based positions of a finding: (line, column, end line, end column), when it has a place.
fn position(r: &FileReport, f: &Finding) -> Option<(usize, usize, usize, usize)> {
    let (src, span) = (r.source.as_ref()?, f.span?);
    let (a, b) = (src.line_col(span.start), src.line_col(span.end));
    Some((a.line, a.column, b.line, b.column))
}

/// One line per finding: `path:line:col: severity[rule] message`, then the summary (which counts the files
/// that could not be read). The severity is the stable English word, as in every machine-read format; the
/// message is in the file's language.
pub fn concise(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    let mut out = String::new();
    for r in reports {
        let path = escape::path(&r.path);
        for f in &r.findings {
            match position(r, f) {
                Some((l, c, _, _)) => out.push_str(&format!("{path}:{l}:{c}: ")),
                None => out.push_str(&format!("{path}: ")),
            }
            out.push_str(&format!("{}[{}] {}\n", f.severity.as_str(), f.rule, escape::visible(f.message.get(r.lang))));
        }
    }
    out.push_str(&summary_line(&Summary::of(reports, unreadable), lang));
    out.push('\n');
    out
}

/// GitHub Actions workflow commands, so findings appear as annotations on the pull request, and a file that
/// could not be read as an error on it (`::error file=…,title=implan::cannot read …`, in `lang`). The log
/// shows what it is given, escape sequences included: plan text and file names are [`escape::visible`] first.
pub fn github(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    // Workflow command escaping: data escapes %, CR and LF; property values also ':' and ','. The help's own
    // line break is the only one left after escape::visible.
    fn data(s: &str) -> String {
        s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }
    fn prop(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut props = vec![format!("file={}", prop(&escape::path(&r.path)))];
            if let Some((l, c, el, ec)) = position(r, f) {
                props.push(format!("line={l},col={c},endLine={el},endColumn={ec}"));
            }
            props.push(format!("title={}", prop(&format!("implan ({})", f.rule))));
            let mut message = escape::visible(f.message.get(r.lang)).into_owned();
            if let Some(h) = &f.help {
                let help = words::help();
                message.push_str(&format!("\n{}: {}", help.get(r.lang), escape::visible(h.get(r.lang))));
            }
            out.push_str(&format!("::{level} {}::{}\n", props.join(","), data(&message)));
        }
    }
    for e in unreadable {
        let file = prop(&escape::path(&e.path));
        out.push_str(&format!("::error file={file},title=implan::{}\n", data(e.text().get(lang))));
    }
    out
}

/// A count of findings per rule, most frequent first.
pub fn statistics(reports: &[FileReport]) -> Vec<(&'static str, Severity, usize)> {
    let mut counts: std::collections::BTreeMap<(&'static str, Severity), usize> = Default::default();
    for f in reports.iter().flat_map(|r| &r.findings) {
        *counts.entry((f.rule.as_str(), f.severity)).or_default() += 1;
    }
    let mut v: Vec<(&'static str, Severity, usize)> = counts.into_iter().map(|((r, s), n)| (r, s, n)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(b.1.cmp(&a.1)));
    v
}

/// `--statistics` as text: a count per rule, then the summary.
pub(crate) fn statistics_text(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    let stats = statistics(reports);
    let width = stats.iter().map(|s| s.2.to_string().len()).max().unwrap_or(1);
    let id_width = stats.iter().map(|s| s.0.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (rule, severity, n) in &stats {
        out.push_str(&format!("{n:>width$}  {rule:<id_width$}  {}\n", severity.as_str()));
    }
    out.push_str(&summary_line(&Summary::of(reports, unreadable), lang));
    out.push('\n');
    out
}

/// `--statistics` with `--format json`, with the files that could not be read as in [`json`].
pub(crate) fn statistics_json(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    #[derive(serde::Serialize)]
    struct Row {
        rule: &'static str,
        severity: Severity,
        count: usize,
    }
    #[derive(serde::Serialize)]
    struct Doc {
        version: u32,
        statistics: Vec<Row>,
        unreadable: Vec<JsonUnreadable>,
        summary: Summary,
    }
    let statistics =
        statistics(reports).into_iter().map(|(rule, severity, count)| Row { rule, severity, count }).collect();
    let unread = json_unreadable(unreadable, lang);
    crate::json::document(&Doc {
        version: 1,
        statistics,
        unreadable: unread,
        summary: Summary::of(reports, unreadable),
    })
}

/// A path as a relative URI reference: forward slashes, and every byte but unreserved characters escaped, so a
/// name that is not UTF-8 keeps its exact bytes.
fn uri(path: &std::path::Path) -> String {
    let bytes = escape::path_bytes(path);
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes.iter() {
        let b = if cfg!(windows) && b == b'\\' { b'/' } else { b };
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// SARIF 2.1.0, as GitHub code scanning reads it: the tool with every rule and its help in `lang`, each
/// finding as a result with its physical location, in its file's language, and the invocation, unsuccessful
/// when a file could not be read, with a notification naming each such file.
pub fn sarif(reports: &[FileReport], unreadable: &[ReadError], lang: Lang) -> String {
    use serde_json::json;
    let rules: Vec<serde_json::Value> = crate::rules::ALL
        .iter()
        .map(|r| {
            let (summary, doc) = (r.summary.get(lang), r.doc.get(lang));
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": summary },
                "help": { "text": doc, "markdown": doc },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    fn level(s: Severity) -> &'static str {
        match s {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    let mut results = Vec::new();
    for r in reports {
        for f in &r.findings {
            let index = f.rule.index();
            let mut physical = json!({ "artifactLocation": { "uri": uri(&r.path) } });
            if let Some((l, c, el, ec)) = position(r, f) {
                physical["region"] = json!({ "startLine": l, "startColumn": c, "endLine": el, "endColumn": ec });
            }
            let mut text = f.message.get(r.lang).to_owned();
            if let Some(h) = &f.help {
                text.push_str(&format!("\n{}: {}", words::help().get(r.lang), h.get(r.lang)));
            }
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": { "text": text },
                "locations": [ { "physicalLocation": physical } ],
            });
            if let Some(fix) = sarif_fix(r, f) {
                result["fixes"] = json!([fix]);
            }
            results.push(result);
        }
    }
    let notifications: Vec<serde_json::Value> = unreadable
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": e.text().get(lang) },
                "locations": [ { "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } } } ],
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": {
                "name": "implan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            } },
            "invocations": [ {
                "executionSuccessful": unreadable.is_empty(),
                "toolExecutionNotifications": notifications,
            } ],
            "columnKind": "unicodeCodePoints",
            "results": results,
        } ],
    });
    crate::json::document(&doc)
}

/// A fix as SARIF has it (§3.55): the replacements of one artifact, each a deleted region and inserted text;
/// how sure it is goes in the fix's properties.
fn sarif_fix(r: &FileReport, f: &Finding) -> Option<serde_json::Value> {
    let (fix, src) = (f.fix.as_ref()?, r.source.as_ref()?);
    let replacements: Vec<serde_json::Value> = fix
        .replacements
        .iter()
        .map(|e| {
            let (a, b) = (src.line_col(e.span.start), src.line_col(e.span.end));
            serde_json::json!({
                "deletedRegion": { "startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column },
                "insertedContent": { "text": e.text },
            })
        })
        .collect();
    Some(serde_json::json!({
        "description": { "text": fix.title.get(r.lang) },
        "artifactChanges": [ { "artifactLocation": { "uri": uri(&r.path) }, "replacements": replacements } ],
        "properties": { "applicability": fix.applicability },
    }))
}

/// JUnit XML for GitLab and Azure test reports: one test case per file, failing when the file has errors (or
/// warnings, with `--deny warnings`); warnings of a passing file go to its system-out. A file that could not be
/// read is a test case in error, with why in `lang`.
pub fn junit(reports: &[FileReport], unreadable: &[ReadError], deny_warnings: bool, lang: Lang) -> String {
    let failed = |r: &FileReport| r.count(Severity::Error) > 0 || (deny_warnings && r.count(Severity::Warning) > 0);
    let failures = reports.iter().filter(|r| failed(r)).count();
    let (tests, errors) = (reports.len() + unreadable.len(), unreadable.len());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"implan check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n"
    ));
    out.push_str(&format!(
        "  <testsuite name=\"implan check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n"
    ));
    for r in reports {
        let path = escape::path(&r.path);
        let lines: Vec<String> = r
            .findings
            .iter()
            .map(|f| {
                let at = match position(r, f) {
                    Some((l, c, _, _)) => format!("{path}:{l}:{c}"),
                    None => path.clone(),
                };
                format!("{at}: {}[{}] {}", f.severity.as_str(), f.rule, escape::visible(f.message.get(r.lang)))
            })
            .collect();
        out.push_str(&format!("    <testcase name=\"{}\" classname=\"implan.check\"", escape::xml(&path)));
        if r.findings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let (e, w) = (r.count(Severity::Error), r.count(Severity::Warning));
        let counts = format!("{}, {}", words::errors(e, r.lang), words::warnings(w, r.lang));
        if failed(r) {
            out.push_str(&format!(
                "      <failure type=\"implan\" message=\"{}\">{}</failure>\n",
                escape::xml(&counts),
                escape::xml_lines(&lines.join("\n"))
            ));
        } else {
            out.push_str(&format!("      <system-out>{}</system-out>\n", escape::xml_lines(&lines.join("\n"))));
        }
        out.push_str("    </testcase>\n");
    }
    for e in unreadable {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"implan.check\">\n      <error type=\"implan\" message=\"{}\"/>\n    </testcase>\n",
            escape::xml(&escape::path(&e.path)),
            escape::xml(e.text().get(lang))
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(findings: Vec<Finding>) -> FileReport {
        let text = "[plan]\ntitle = \"T\"\nowner = \"pl\"\n\n[[activity]]\nowner = \"pl\"\n";
        FileReport { path: "plan.toml".into(), source: Some(Source::new("plan.toml", text)), findings, lang: Lang::En }
    }

    #[test]
    fn a_finding_shows_its_lines_and_the_related_ones_as_context() {
        let text = &report(Vec::new()).source.unwrap().text;
        let (first, second) = (text.find("\"pl\"").unwrap(), text.rfind("\"pl\"").unwrap());
        let f = Finding::new(
            crate::diag::RuleId::UnknownRole,
            Severity::Error,
            Some(Span::from(second..second + 4)),
            crate::lang::Text::verbatim("no role 'pl'"),
        )
        .label(crate::lang::Text::verbatim("here"))
        .related(Span::from(first..first + 4), crate::lang::Text::verbatim("named here too"))
        .help(crate::lang::Text::verbatim("add it to [roles]"));
        let out = anstream::adapter::strip_str(&human(&[report(vec![f])], &[], Lang::En)).to_string();
        let expected = "error[unknown-role]: no role 'pl'\n --> plan.toml:6:9\n  |\n6 | owner = \"pl\"\n  |         ^^^^ here\n  |\n \
                        ::: plan.toml:3:9\n  |\n3 | owner = \"pl\"\n  |         ---- named here too\n  |\n  = help: add it to [roles]\n\n\
                        checked 1 file: 1 error\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn a_uri_keeps_unreserved_characters_and_escapes_every_other_byte() {
        assert_eq!(uri(std::path::Path::new("planer/Beiarn omni~1.toml")), "planer/Beiarn%20omni~1.toml");
        assert_eq!(uri(std::path::Path::new("ø\\x%.toml")), "%C3%B8%5Cx%25.toml");
    }

    #[test]
    fn junit_fails_a_file_for_errors_and_for_warnings_when_denied() {
        let warning =
            Finding::new(crate::diag::RuleId::IdleGap, Severity::Warning, None, crate::lang::Text::verbatim("w"));
        let clean = report(Vec::new());
        let warned = FileReport { path: "b.toml".into(), ..report(vec![warning]) };
        let failures = |deny| junit(&[clean.clone(), warned.clone()], &[], deny, Lang::En).matches("<failure").count();
        assert_eq!((failures(false), failures(true)), (0, 1));
    }

    #[test]
    fn the_summary_names_only_what_there_is() {
        let line = |errors, warnings, files| {
            let s = Summary { files, errors, warnings, unreadable: 0 };
            anstream::adapter::strip_str(&summary_line(&s, Lang::En)).to_string()
        };
        assert_eq!(line(0, 0, 2), "checked 2 files: no findings");
        assert_eq!(line(1, 0, 1), "checked 1 file: 1 error");
        assert_eq!(line(0, 3, 1), "checked 1 file: 3 warnings");
        assert_eq!(line(2, 1, 1), "checked 1 file: 2 errors, 1 warning");
        let unread = |unreadable, lang| {
            let s = Summary { files: 1, errors: 0, warnings: 0, unreadable };
            anstream::adapter::strip_str(&summary_line(&s, lang)).to_string()
        };
        assert_eq!(unread(1, Lang::En), "checked 1 file: no findings; 1 file could not be read");
        assert_eq!(unread(2, Lang::Nb), "kontrollerte 1 fil: ingen funn; 2 filer kunne ikke leses");
        assert_eq!(unread(2, Lang::Nn), "kontrollerte 1 fil: ingen funn; 2 filer kunne ikkje lesast");
    }
}
