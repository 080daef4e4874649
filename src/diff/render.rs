//! A [`PlanDiff`] written out: for the terminal, as Markdown (for the minutes or a pull request) and as JSON
//! (`version: 1`, keys in English; the README documents them). Plan text is escaped for each medium.

use super::{ActivitySummary, Change, Dates, FindingSummary, PhaseChange, PlanDiff, Shift};
use crate::escape;
use crate::i18n;
use crate::lang::Lang;
use crate::messages::{diff as m, report};
use serde_json::{Value, json};

/// Which versions are compared, as the reader should see them: a file name, or `REV:PATH`, already made
/// visible ([`escape::visible`], [`escape::path`]).
pub struct Labels<'a> {
    pub old: &'a str,
    pub new: &'a str,
}

/// How one medium writes the parts: escaping, headings, list items.
struct Medium {
    text: fn(&str) -> String,
    heading: fn(&str) -> String,
    item: &'static str,
    sub: &'static str,
    /// The heading of the whole, around the versions' names.
    name: fn(&str) -> String,
}

const TERMINAL: Medium = Medium {
    text: |s| escape::visible(s).into_owned(),
    heading: |s| s.to_owned(),
    item: "  ",
    sub: "    ",
    name: |s| s.to_owned(),
};

const MARKDOWN: Medium = Medium {
    text: escape::markdown,
    heading: |s| format!("### {s}"),
    item: "- ",
    sub: "  - ",
    name: |s| format!("`{}`", s.replace('`', "'")),
};

/// For the terminal.
pub fn human(diff: &PlanDiff, lang: Lang, labels: &Labels) -> String {
    write(diff, lang, labels, &TERMINAL, false)
}

/// Markdown, to paste into the minutes or a pull request.
pub fn markdown(diff: &PlanDiff, lang: Lang, labels: &Labels) -> String {
    write(diff, lang, labels, &MARKDOWN, true)
}

fn write(diff: &PlanDiff, lang: Lang, labels: &Labels, md: &Medium, markdown: bool) -> String {
    let t = |text: crate::lang::Text| text.get(lang).to_owned();
    let esc = md.text;
    let mut out = String::new();
    let heading = t(m::heading(&(md.name)(labels.old), &(md.name)(labels.new)));
    out.push_str(&if markdown { format!("## {heading}\n") } else { format!("{heading}\n") });
    if diff.is_empty() {
        out.push_str(&format!("\n{}\n", t(m::no_differences())));
        return out;
    }
    let section = |out: &mut String, title: crate::lang::Text, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("\n{}\n", (md.heading)(&t(title))));
            if markdown {
                out.push('\n');
            }
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
    };
    let mut plan = Vec::new();
    if let Some((old, new)) = &diff.title {
        plan.push(format!("{}{}: «{}» → «{}»", md.item, t(m::title()), esc(old), esc(new)));
    }
    if let Some((old, new)) = &diff.period {
        let p = |d: &[Dates; 2]| format!("{} – {}", i18n::when(lang, &d[0].when()), i18n::when(lang, &d[1].when()));
        plan.push(format!("{}{}: {} → {}", md.item, t(m::period()), p(old), p(new)));
    }
    section(&mut out, m::section_plan(), plan);
    let phases = diff.phases.iter().map(|p| phase_line(p, lang, md)).collect();
    section(&mut out, m::section_phases(), phases);
    let summary = |a: &ActivitySummary, sign: &str| {
        let sign = if markdown { "" } else { sign };
        let when = i18n::when(lang, &a.dates.when());
        format!("{}{sign}{when}: {} ({})", md.item, esc(&a.title), esc(&a.id))
    };
    section(&mut out, m::section_added(), diff.added.iter().map(|a| summary(a, "+ ")).collect());
    section(&mut out, m::section_removed(), diff.removed.iter().map(|a| summary(a, "- ")).collect());
    let mut changed = Vec::new();
    for a in &diff.changed {
        let sign = if markdown { "" } else { "~ " };
        changed.push(format!("{}{sign}{} ({})", md.item, esc(&a.title), esc(&a.id)));
        for c in &a.changes {
            changed.push(format!("{}{}", md.sub, change(c, lang, md)));
        }
    }
    section(&mut out, m::section_changed(), changed);
    let findings = |out: &mut String, title, lists: [(crate::lang::Text, &[FindingSummary]); 2]| {
        let mut lines = Vec::new();
        for (label, list) in lists.into_iter().filter(|(_, l)| !l.is_empty()) {
            lines.push(format!("{}{}:", md.item, t(label)));
            for f in list {
                let severity = t(report::severity(f.severity));
                let message = esc(f.message.get(lang));
                let rule = if markdown { format!("`{}`", f.rule.as_str()) } else { f.rule.as_str().to_owned() };
                lines.push(format!("{}{severity}[{rule}] {message}", md.sub));
            }
        }
        section(out, title, lines);
    };
    findings(
        &mut out,
        m::section_requirements(),
        [(m::requirements_broken(), &diff.requirements_broken), (m::requirements_kept(), &diff.requirements_kept)],
    );
    findings(
        &mut out,
        m::section_findings(),
        [(m::findings_introduced(), &diff.introduced), (m::findings_resolved(), &diff.resolved)],
    );
    let total = |a: &[FindingSummary], b: &[FindingSummary]| a.len() + b.len();
    out.push_str(&format!(
        "\n{}\n",
        t(m::summary(
            diff.added.len(),
            diff.removed.len(),
            diff.changed.len(),
            diff.phases.len(),
            total(&diff.requirements_broken, &diff.introduced),
            total(&diff.requirements_kept, &diff.resolved),
        ))
    ));
    out
}

fn phase_line(p: &PhaseChange, lang: Lang, md: &Medium) -> String {
    let esc = md.text;
    let name = format!("{} ({})", esc(&p.name), esc(&p.id));
    let label = |(label, _): &(String, Dates)| esc(label);
    match (&p.old, &p.new) {
        (Some(old), Some(new)) if old.0 != new.0 => format!("{}{name}: {} → {}", md.item, label(old), label(new)),
        (Some(old), Some(new)) => {
            let span = |d: &Dates| i18n::span(lang, d.start, d.end);
            format!("{}{name}: {} → {}", md.item, span(&old.1), span(&new.1))
        }
        (None, Some(new)) => format!("{}{name}: {} ({})", md.item, m::phase_added().get(lang), label(new)),
        (Some(old), None) => format!("{}{name}: {} ({})", md.item, m::phase_removed().get(lang), label(old)),
        (None, None) => name,
    }
}

fn change(c: &Change, lang: Lang, md: &Medium) -> String {
    let esc = md.text;
    let when = |d: &Dates| i18n::when(lang, &d.when());
    match c {
        Change::Title { old, new } => format!("{}: «{}» → «{}»", m::title().get(lang), esc(old), esc(new)),
        Change::Dates { old, new, shift, left_phase } => {
            let mut notes = vec![
                match *shift {
                    Shift::Months(0) | Shift::Days(0) => m::same_start(),
                    Shift::Months(n) => m::months_moved(n),
                    Shift::Days(n) => m::days_moved(n),
                }
                .get(lang)
                .to_owned(),
            ];
            if let Some(p) = left_phase {
                let phase = format!("{} ({})", esc(&p.name), esc(&p.label));
                notes.push(m::left_phase(&phase).get(lang).to_owned());
            }
            format!("{}: {} → {} ({})", m::dates().get(lang), when(old), when(new), notes.join("; "))
        }
        Change::Owners { old, new } => {
            let list = |names: &[String]| {
                if names.is_empty() {
                    m::no_owner().get(lang).to_owned()
                } else {
                    names.iter().map(|n| esc(n)).collect::<Vec<_>>().join(", ")
                }
            };
            format!("{}: {} → {}", m::owner().get(lang), list(old), list(new))
        }
        Change::Status { old, new } => {
            format!("{}: {} → {}", m::status().get(lang), i18n::status(lang, *old), i18n::status(lang, *new))
        }
        Change::Postponed { from, reason } => {
            let mut s = m::postponed(&when(from)).get(lang).to_owned();
            if let Some(r) = reason {
                s.push_str("; ");
                s.push_str(m::reason(&esc(r)).get(lang));
            }
            s
        }
    }
}

/// JSON for programs: `version` 1, keys in English, dates as ISO days, plan text as written, findings'
/// messages in `lang`.
pub fn json(diff: &PlanDiff, lang: Lang, labels: &Labels) -> String {
    let dates = |d: &Dates| json!({ "start": d.start.to_string(), "end": d.end.to_string() });
    let activity = |a: &ActivitySummary| {
        json!({
            "id": a.id, "title": a.title, "dates": dates(&a.dates), "owners": a.owners, "status": a.status.as_str(),
        })
    };
    let phase = |side: &Option<(String, Dates)>| match side {
        Some((label, d)) => json!({ "label": label, "dates": dates(d) }),
        None => Value::Null,
    };
    let findings = |list: &[FindingSummary]| -> Vec<Value> {
        list.iter()
            .map(
                |f| json!({ "rule": f.rule.as_str(), "severity": f.severity.as_str(), "message": f.message.get(lang) }),
            )
            .collect()
    };
    let changed: Vec<Value> = diff
        .changed
        .iter()
        .map(|a| {
            let mut changes = serde_json::Map::new();
            for c in &a.changes {
                let (key, value) = match c {
                    Change::Title { old, new } => ("title", json!({ "old": old, "new": new })),
                    Change::Dates { old, new, shift, left_phase } => {
                        let (unit, n) = match shift {
                            Shift::Months(n) => ("months", n),
                            Shift::Days(n) => ("days", n),
                        };
                        let left = left_phase.as_ref().map(|p| p.id.as_str());
                        ("dates", json!({ "old": dates(old), "new": dates(new), unit: n, "left_phase": left }))
                    }
                    Change::Owners { old, new } => ("owners", json!({ "old": old, "new": new })),
                    Change::Status { old, new } => ("status", json!({ "old": old.as_str(), "new": new.as_str() })),
                    Change::Postponed { from, reason } => {
                        ("postponed", json!({ "from": dates(from), "reason": reason }))
                    }
                };
                changes.insert(key.to_owned(), value);
            }
            json!({ "id": a.id, "title": a.title, "changes": changes })
        })
        .collect();
    let doc = json!({
        "version": 1,
        "lang": lang.code(),
        "old": labels.old,
        "new": labels.new,
        "same": diff.is_empty(),
        "title": diff.title.as_ref().map(|(old, new)| json!({ "old": old, "new": new })),
        "period": diff.period.as_ref().map(|(old, new)| json!({
            "old": { "start": dates(&old[0]), "end": dates(&old[1]) },
            "new": { "start": dates(&new[0]), "end": dates(&new[1]) },
        })),
        "phases": diff.phases.iter().map(|p| json!({
            "id": p.id, "name": p.name, "old": phase(&p.old), "new": phase(&p.new),
        })).collect::<Vec<_>>(),
        "activities": {
            "added": diff.added.iter().map(activity).collect::<Vec<_>>(),
            "removed": diff.removed.iter().map(activity).collect::<Vec<_>>(),
            "changed": changed,
        },
        "requirements": {
            "broken": findings(&diff.requirements_broken),
            "kept": findings(&diff.requirements_kept),
        },
        "findings": {
            "introduced": findings(&diff.introduced),
            "resolved": findings(&diff.resolved),
        },
    });
    crate::json::document(&doc)
}
