//! `implan checklist`: the activities as checkboxes, what a principal is handed for their school.

use super::schedule::{GroupBy, groups, title_line};
use super::{Filter, View, ViewError};
use crate::model::Status;

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
}

pub fn render(view: &View, opts: &ChecklistOptions) -> Result<String, ViewError> {
    let selected = view.select(&opts.filter)?;
    let groups = groups(view, opts.by, &opts.filter, &selected);
    let t = view.t;
    let md = opts.format == Format::Markdown;
    let mut out = String::new();
    let title = format!("{}: {}", t.checklist, title_line(view));
    out.push_str(&if md { format!("# {}\n", crate::escape::markdown(&title)) } else { format!("{title}\n") });
    if let Some(r) = &opts.filter.role {
        let role = &view.plan.roles[view.find_role(r)?];
        let line = format!("{}: {}", t.responsible, role.name);
        out.push_str(&if md { format!("\n**{}**\n", crate::escape::markdown(&line)) } else { format!("{line}\n") });
    }
    if groups.is_empty() {
        out.push_str(&format!("\n{}\n", t.no_activities));
    }
    for g in groups {
        out.push_str(&if md {
            format!("\n## {}\n\n", crate::escape::markdown(&g.title))
        } else {
            format!("\n{}\n", g.title)
        });
        if g.rows.is_empty() {
            out.push_str(&format!("{}{}\n", if md { "" } else { "  " }, t.no_activities));
        }
        for i in g.rows {
            let a = &view.plan.activities[i];
            let mark = if matches!(a.status, Status::Done | Status::Cancelled) { "[x]" } else { "[ ]" };
            let when = view.when_text(a);
            let owners = view.owners_text(a);
            let mut extra = Vec::new();
            if matches!(a.status, Status::Cancelled | Status::InProgress | Status::Postponed) || view.is_overdue(a) {
                extra.push(view.status_text(a));
            }
            if let Some(d) = a.done.as_ref().map(|d| d.value) {
                extra.push(format!(
                    "{} {}",
                    crate::i18n::status(view.lang, Status::Done),
                    crate::i18n::day(view.lang, d)
                ));
            }
            let extra = extra.join("; ");
            if md {
                let title = if a.status == Status::Cancelled {
                    format!("~~{}~~", crate::escape::markdown(&a.title.value))
                } else {
                    crate::escape::markdown(&a.title.value)
                };
                let extra = if extra.is_empty() { extra } else { format!(" [{}]", crate::escape::markdown(&extra)) };
                out.push_str(&format!(
                    "- {mark} {} — {title} ({}){extra}\n",
                    crate::escape::markdown(&when),
                    crate::escape::markdown(&owners),
                ));
            } else {
                let extra = if extra.is_empty() { extra } else { format!(" [{extra}]") };
                out.push_str(&format!("  {mark} {when} — {} ({owners}){extra}\n", a.title.value));
            }
        }
    }
    Ok(out)
}
