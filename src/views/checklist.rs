//! `implan checklist`: the activities as checkboxes, what a principal is handed for their school.

use super::schedule::{GroupBy, groups, title_line};
use super::{Filter, View, ViewError, wrap};
use crate::escape::markdown as md_escape;
use crate::model::{Activity, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

#[derive(Debug, Clone)]
pub struct ChecklistOptions {
    /// `Phase` or `Role`; months make no sense for a checklist.
    pub by: GroupBy,
    pub filter: Filter,
    pub format: Format,
    /// Each activity's id after it, for `implan done`.
    pub ids: bool,
    /// The width to wrap lines to; `None` for no limit (output to a file).
    pub width: Option<u16>,
}

/// The checklist, without colour or styles: checklists are handed out and printed, not looked at.
pub fn render(view: &View, opts: &ChecklistOptions) -> Result<String, ViewError> {
    let selected = view.select(&opts.filter)?;
    let groups = groups(view, opts.by, &opts.filter, &selected);
    let t = view.t;
    let md = opts.format == Format::Markdown;
    let width = opts.width.map(usize::from);
    let mut out = String::new();
    let title = format!("{}: {}", t.checklist, title_line(view));
    out.push_str(&if md { md_heading(1, &title, width) } else { format!("{}\n", wrap(&title, width, 0, false)) });
    if let Some(r) = &opts.filter.role {
        let role = &view.plan.roles[view.find_role(r)?];
        let line = format!("{}: {}", t.responsible, role.name);
        out.push_str(&if md {
            format!("\n{}\n", wrap(&format!("**{}**", md_escape(&line)), width, 0, true))
        } else {
            format!("{}\n", wrap(&line, width, 0, false))
        });
    }
    if groups.is_empty() {
        out.push_str(&format!("\n{}\n", t.no_activities));
    }
    for g in groups {
        out.push_str(&if md {
            format!("\n{}\n", md_heading(2, &g.title, width))
        } else {
            format!("\n{}\n", wrap(&g.title, width, 0, false))
        });
        if g.rows.is_empty() {
            out.push_str(&format!("{}{}\n", if md { "" } else { "  " }, t.no_activities));
        }
        for i in g.rows {
            let line = if md {
                md_item(view, opts, &view.plan.activities[i])
            } else {
                text_item(view, opts, &view.plan.activities[i])
            };
            // Wrapped lines line up under the text after the checkbox.
            out.push_str(&wrap(&line, width, 6, md));
            out.push('\n');
        }
    }
    Ok(out)
}

/// A Markdown heading: `#` on one line when it fits, else underlined (a setext heading may take several lines).
fn md_heading(level: usize, text: &str, width: Option<usize>) -> String {
    let escaped = md_escape(text);
    let atx = format!("{} {escaped}", "#".repeat(level));
    match width {
        Some(w) if super::display_width(&atx) > w => {
            let underline = if level == 1 { "===" } else { "---" };
            format!("{}\n{underline}\n", wrap(&escaped, width, 0, true))
        }
        _ => format!("{atx}\n"),
    }
}

/// What follows the title: the status when it is not simply planned, the day it was done.
fn extra(view: &View, a: &Activity) -> String {
    let mut extra = Vec::new();
    if matches!(a.status, Status::Cancelled | Status::InProgress | Status::Postponed) || view.is_overdue(a) {
        extra.push(view.status_text(a));
    }
    if let Some(d) = a.done.as_ref().map(|d| d.value) {
        extra.push(format!("{} {}", crate::i18n::status(view.lang, Status::Done), crate::i18n::day(view.lang, d)));
    }
    extra.join("; ")
}

/// Ticked only when done: cancelled work was not done, and is struck through instead.
fn mark(a: &Activity) -> &'static str {
    if a.status == Status::Done { "[x]" } else { "[ ]" }
}

fn md_item(view: &View, opts: &ChecklistOptions, a: &Activity) -> String {
    let title = md_escape(&a.title.value);
    let title = if a.status == Status::Cancelled { format!("~~{title}~~") } else { title };
    let extra = extra(view, a);
    let extra = if extra.is_empty() { extra } else { format!(" [{}]", md_escape(&extra)) };
    let id = if opts.ids { format!(" · {}", md_escape(&a.id.value)) } else { String::new() };
    format!(
        "- {} {} — {title} ({}){extra}{id}",
        mark(a),
        md_escape(&view.when_text(a)),
        md_escape(&view.owners_text(a))
    )
}

fn text_item(view: &View, opts: &ChecklistOptions, a: &Activity) -> String {
    let title = &a.title.value;
    // Struck through as plain text writes it, the way Markdown does too.
    let title = if a.status == Status::Cancelled { format!("~~{title}~~") } else { title.clone() };
    let extra = extra(view, a);
    let extra = if extra.is_empty() { extra } else { format!(" [{extra}]") };
    let id = if opts.ids { format!(" · {}", a.id.value) } else { String::new() };
    format!("  {} {} — {title} ({}){extra}{id}", mark(a), view.when_text(a), view.owners_text(a))
}
