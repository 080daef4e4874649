//! `implan checklist`: the activities as checkboxes, what a principal is handed for their school.

use super::schedule::{GroupBy, groups, title_line};
use super::{Filter, View, ViewError, md_escape};
use crate::model::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// `Phase` or `Role`; months make no sense for a checklist.
    pub by: GroupBy,
    pub filter: Filter,
    pub format: Format,
}

pub fn render(view: &View, opts: &Options) -> Result<String, ViewError> {
    let selected = view.select(&opts.filter)?;
    let groups = groups(view, opts.by, &opts.filter, &selected);
    let t = view.t;
    let md = opts.format == Format::Markdown;
    let mut out = String::new();
    let title = format!("{}: {}", t.checklist, title_line(view));
    out.push_str(&if md { format!("# {}\n", md_escape(&title)) } else { format!("{title}\n") });
    if let Some(r) = &opts.filter.role {
        let role = &view.plan.roles[view.find_role(r)?];
        let line = format!("{}: {}", t.responsible, role.name);
        out.push_str(&if md { format!("\n**{}**\n", md_escape(&line)) } else { format!("{line}\n") });
    }
    if groups.is_empty() {
        out.push_str(&format!("\n{}\n", t.no_activities));
    }
    for g in groups {
        out.push_str(&if md { format!("\n## {}\n\n", md_escape(&g.title)) } else { format!("\n{}\n", g.title) });
        if g.rows.is_empty() {
            out.push_str(&format!("{}{}\n", if md { "" } else { "  " }, t.no_activities));
        }
        for i in g.rows {
            let a = &view.plan.activities[i];
            let mark = if matches!(a.status, Status::Done | Status::Cancelled) { "[x]" } else { "[ ]" };
            let when = view.when_text(a);
            let owners = view.owners_text(a);
            let mut extra = Vec::new();
            if a.status == Status::Cancelled || a.status == Status::InProgress || view.is_overdue(a) {
                extra.push(view.status_text(a));
            }
            if let Some(d) = a.done {
                extra.push(format!(
                    "{} {}",
                    crate::i18n::status(view.lang, Status::Done),
                    crate::i18n::day(view.lang, d)
                ));
            }
            let extra = if extra.is_empty() { String::new() } else { format!(" [{}]", extra.join("; ")) };
            if md {
                let title = if a.status == Status::Cancelled {
                    format!("~~{}~~", md_escape(&a.title.value))
                } else {
                    md_escape(&a.title.value)
                };
                out.push_str(&format!(
                    "- {mark} {} — {title} ({}){}\n",
                    md_escape(&when),
                    md_escape(&owners),
                    md_escape(&extra)
                ));
            } else {
                out.push_str(&format!("  {mark} {when} — {} ({owners}){extra}\n", a.title.value));
            }
        }
    }
    Ok(out)
}
