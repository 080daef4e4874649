//! `implan report`: one self-contained HTML page for a steering-group meeting: title and period, progress per
//! phase, overdue and upcoming work (the first page), goals, what changed since a version (`--since`), the Gantt
//! chart, the årshjul, each role's checklist and the check findings. Inline CSS and SVG, no scripts, no
//! network; prints on A4, each picture starting a page.

use crate::diag::{Finding, Severity};
use crate::diff::since::Kind;
use crate::export::svg::{Rings, WheelOptions, WheelSpan};
use crate::i18n;
use crate::model::Status;
use crate::source::Source;
use crate::views::View;
use crate::views::status::StatusReport;
use chrono::NaiveDate;

fn esc(s: &str) -> String {
    crate::escape::xml(s)
}

const CSS: &str = "
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.4}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #3b6ea5;padding-bottom:.2em;margin-top:1.6em}
.meta{color:#555}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.bar{background:#e6e6e6;width:12em;height:.9em;display:inline-block;vertical-align:middle}.bar span{display:block;height:100%;background:#3c8d40}
.overdue{color:#b3261e;font-weight:bold}.done{color:#2e7d32}.cancelled{color:#666;text-decoration:line-through}
.postponed{color:#7b1fa2}td.when{white-space:nowrap}.error{color:#b3261e}.warning{color:#8a6d00}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
ul.check{list-style:none;padding-left:0}ul.check li:before{content:'\\2610  '}ul.check li.done:before{content:'\\2611  '}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3{break-after:avoid}figure,table,section.role,div.year{break-inside:avoid}a{color:inherit}
#gantt,#wheel,div.year+div.year{break-before:page}div.year figure svg{max-height:215mm;width:auto}}
";

/// Renders the report. `findings` are the plan's check findings, with the source they point into; `span`,
/// the days its pictures show (both included), else the plan's whole period.
pub fn render(
    view: &View,
    report: &StatusReport,
    findings: &[Finding],
    source: &Source,
    span: Option<(NaiveDate, NaiveDate)>,
) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        view.lang.code(),
        esc(&view.plan.title.value)
    ));
    // The first page is the plan at a glance: what it is, how far each phase has come, what is late and what
    // comes next. The goals, the changes and the pictures follow; the checklists are handed out.
    heading(&mut o, view);
    progress(&mut o, view, report);
    overdue_and_upcoming(&mut o, view, report);
    goals(&mut o, view);
    since(&mut o, view, report, source);
    pictures(&mut o, view, span);
    checklists(&mut o, view);
    findings_table(&mut o, view, findings, source);
    o.push_str("</body>\n</html>\n");
    o
}

/// The title, the organisation, the period and today.
fn heading(o: &mut String, view: &View) {
    let (plan, t) = (view.plan, view.t);
    o.push_str(&format!("<header id=\"title\">\n<h1>{}</h1>\n<p class=\"meta\">", esc(&plan.title.value)));
    if let Some(org) = &plan.org {
        o.push_str(&format!("{} · ", esc(org)));
    }
    o.push_str(&format!(
        "{} · {} {}</p>\n</header>\n",
        esc(&i18n::span(view.lang, plan.start.value.start, plan.end.value.end)),
        t.today,
        esc(&i18n::day(view.lang, view.today))
    ));
}

/// The goal and its sub-goals.
fn goals(o: &mut String, view: &View) {
    let (plan, t) = (view.plan, view.t);
    if let Some(goal) = &plan.goal {
        o.push_str(&format!(
            "<section id=\"goals\">\n<h2>{}</h2>\n<p><strong>{}</strong></p>\n<ul>\n",
            t.goals,
            esc(&goal.text)
        ));
        for g in &plan.subgoals {
            o.push_str(&format!("<li>{}</li>\n", esc(&g.text)));
        }
        o.push_str("</ul>\n</section>\n");
    }
}

/// The plan's progress and each phase's, as bars.
fn progress(o: &mut String, view: &View, report: &StatusReport) {
    let t = view.t;
    o.push_str(&format!("<section id=\"progress\">\n<h2>{}</h2>\n<table>\n", t.progress));
    let mut row = |name: &str, done: usize, total: usize, strong: bool| {
        let pct = (done * 100).checked_div(total).unwrap_or(0);
        let name = if strong { format!("<strong>{}</strong>", esc(name)) } else { esc(name) };
        o.push_str(&format!(
            "<tr><td>{name}</td><td><span class=\"bar\"><span style=\"width:{pct}%\"></span></span></td><td>{done}/{total}</td><td>{pct} %</td></tr>\n"
        ));
    };
    row(t.progress, report.progress.done, report.progress.total, true);
    for p in &report.phases {
        row(p.name, p.progress.done, p.progress.total, false);
    }
    o.push_str("</table>\n</section>\n");
}

/// With `--since`: what changed since a version or a day, every changed activity in a table.
fn since(o: &mut String, view: &View, report: &StatusReport, source: &Source) {
    let Some(since) = &report.since else { return };
    let (t, lang) = (view.t, view.lang);
    o.push_str(&format!("<section id=\"since\">\n<h2>{}</h2>\n", esc(&since.heading(lang))));
    if let Some(note) = since.note(lang) {
        o.push_str(&format!("<p class=\"meta\">{}</p>\n", esc(&sentence(&note))));
    }
    o.push_str(&format!("<p>{}</p>\n", esc(&since.counts(lang))));
    let mut rows = since.listed().peekable();
    if rows.peek().is_some() {
        let th = |s: &str| format!("<th scope=\"col\">{}</th>", esc(s));
        let change = crate::messages::since::change_column();
        o.push_str(&format!(
            "<table>\n<thead><tr>{}{}{}{}</tr></thead>\n<tbody>\n",
            th(t.when),
            th(t.activity),
            th(t.responsible),
            th(change.get(lang))
        ));
        for item in rows {
            // Work that is gone is struck through; a postponement and work done are coloured as elsewhere.
            let (title_class, change_class) = match item.what.kind() {
                Kind::Cancelled | Kind::Removed => (" class=\"cancelled\"", ""),
                Kind::Postponed => ("", " class=\"postponed\""),
                Kind::Done => ("", " class=\"done\""),
                Kind::Moved | Kind::Added | Kind::Other => ("", ""),
            };
            let (when, owners) = crate::views::status::when_and_owners(view, item);
            o.push_str(&format!(
                "<tr><td class=\"when\">{}</td><td{title_class}>{}</td><td>{}</td><td{change_class}>{}</td></tr>\n",
                esc(&when),
                esc(&item.activity.title),
                esc(&owners),
                esc(&item.what(lang, true))
            ));
        }
        o.push_str("</tbody>\n</table>\n");
    }
    if let Some(command) = since.diff_command(&crate::escape::path(&source.path)) {
        let said = crate::messages::since::every_change(&command);
        o.push_str(&format!("<p class=\"meta\">{}</p>\n", code_spans(&esc(&sentence(said.get(lang))))));
    }
    o.push_str("</section>\n");
}

/// Words that start a line of their own as a sentence: with a capital letter.
fn sentence(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Escaped text whose `…` spans are code.
fn code_spans(escaped: &str) -> String {
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// The Gantt chart and the årshjul, inline, over `span` or the whole plan.
fn pictures(o: &mut String, view: &View, span: Option<(NaiveDate, NaiveDate)>) {
    let t = view.t;
    let gantt = crate::export::svg::gantt(view, &crate::export::svg::GanttOptions { width: 1000, span });
    o.push_str(&format!(
        "<section id=\"gantt\">\n<h2>{}</h2>\n<figure>\n{}\n</figure>\n</section>\n",
        t.schedule,
        strip_xml_decl(&gantt)
    ));
    // One wheel per school year with work in it: a circle holding several years puts them in one month.
    o.push_str(&format!("<section id=\"wheel\">\n<h2>{}</h2>\n", t.wheel));
    let (from, to) = span.unwrap_or((view.plan.start.value.start, view.plan.end.value.end));
    let years = crate::when::school_year_of(from)..=crate::when::school_year_of(to);
    for mut span in years.filter_map(|y| WheelSpan::school_year(y, view.lang)) {
        // Each school year's wheel, cut to the days asked for (never empty: every year in `years` overlaps them).
        (span.from, span.to) = (span.from.max(from), span.to.min(to));
        let acts = &view.plan.activities;
        if !acts.iter().any(|a| a.when.value.start <= span.to && a.last_day >= span.from) {
            continue;
        }
        let label = esc(&crate::export::svg::capitalised(&span.label));
        let opts = WheelOptions { first_month: 8, rings: Rings::Role, size: 720, span: Some(span) };
        let wheel = crate::export::svg::wheel(view, &opts);
        o.push_str(&format!(
            "<div class=\"year\">\n<h3>{label}</h3>\n<figure>\n{}\n</figure>\n</div>\n",
            strip_xml_decl(&wheel)
        ));
    }
    o.push_str("</section>\n");
}

/// What is overdue, and what is due this month and next.
fn overdue_and_upcoming(o: &mut String, view: &View, report: &StatusReport) {
    let t = view.t;
    let acts = &view.plan.activities;
    let line = |id: &str| -> Option<String> {
        let a = &acts[view.index.activity(id)?];
        Some(format!(
            "{} — {} <span class=\"meta\">({})</span>",
            esc(&view.when_text(a)),
            esc(&a.title.value),
            esc(&view.owners_text(a))
        ))
    };
    o.push_str(&format!("<section id=\"overdue\">\n<h2>{} ({})</h2>\n<ul>\n", t.overdue_heading, report.overdue.len()));
    for od in &report.overdue {
        if let Some(l) = line(od.activity.id) {
            o.push_str(&format!("<li class=\"overdue\">{l}</li>\n"));
        }
    }
    if report.overdue.is_empty() {
        o.push_str(&format!("<li>{}</li>\n", t.nothing));
    }
    o.push_str("</ul>\n</section>\n");
    o.push_str(&format!("<section id=\"upcoming\">\n<h2>{}</h2>\n<ul>\n", t.this_month_and_next));
    for a in report.this_month.iter().chain(&report.next) {
        if let Some(l) = line(a.id) {
            o.push_str(&format!("<li>{l}</li>\n"));
        }
    }
    if report.this_month.is_empty() && report.next.is_empty() {
        o.push_str(&format!("<li>{}</li>\n", t.nothing));
    }
    o.push_str("</ul>\n</section>\n");
}

/// A checklist for each role: the activities it owns itself, once. A group's activities are listed under the
/// group, and each member names the groups it belongs to instead of repeating their lists (a steering group's
/// items under every one of its members made the printed report four pages longer).
fn checklists(o: &mut String, view: &View) {
    let (t, acts, roles) = (view.t, &view.plan.activities, &view.plan.roles);
    o.push_str(&format!("<section id=\"checklists\">\n<h2>{}</h2>\n", t.checklist_per_role));
    let own = own_activities(view);
    for (r, role) in roles.iter().enumerate() {
        let mut groups: Vec<usize> =
            view.role_and_groups(r).into_iter().filter(|&g| g != r && !own[g].is_empty()).collect();
        groups.sort_unstable();
        if own[r].is_empty() && groups.is_empty() {
            continue;
        }
        let id = esc(&role.id.value);
        o.push_str(&format!("<section class=\"role\" id=\"role-{id}\">\n<h3>{}</h3>\n", esc(&role.name)));
        if !own[r].is_empty() {
            o.push_str("<ul class=\"check\">\n");
            for &i in &own[r] {
                let a = &acts[i];
                let class = match a.status {
                    Status::Done => " class=\"done\"",
                    Status::Cancelled => " class=\"cancelled\"",
                    _ if view.is_overdue(a) => " class=\"overdue\"",
                    _ => "",
                };
                o.push_str(&format!("<li{class}>{} — {}</li>\n", esc(&view.when_text(a)), esc(&a.title.value)));
            }
            o.push_str("</ul>\n");
        }
        if !groups.is_empty() {
            let links: Vec<String> = groups
                .iter()
                .map(|&g| format!("<a href=\"#role-{}\">{}</a>", esc(&roles[g].id.value), esc(&roles[g].name)))
                .collect();
            o.push_str(&format!("<p>{}: {}.</p>\n", t.member_of, links.join(", ")));
        }
        o.push_str("</section>\n");
    }
    o.push_str("</section>\n");
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
fn findings_table(o: &mut String, view: &View, findings: &[Finding], source: &Source) {
    let t = view.t;
    o.push_str(&format!("<section id=\"findings\">\n<h2>{} ({})</h2>\n", t.check_heading, findings.len()));
    if findings.is_empty() {
        o.push_str(&format!("<p class=\"done\">{}</p>\n", t.check_clean));
    } else {
        o.push_str("<table>\n");
        for f in findings {
            let at = f
                .span
                .as_ref()
                .map(|s| source.line_col(s.start))
                .map_or(String::new(), |lc| format!("{}:{}", lc.line, lc.column));
            let class = if f.severity == Severity::Error { "error" } else { "warning" };
            o.push_str(&format!(
                "<tr><td class=\"{class}\">{}[{}]</td><td>{}</td><td>{}</td></tr>\n",
                crate::messages::report::severity(f.severity).get(view.lang),
                f.rule,
                esc(&at),
                esc(f.message.get(view.lang))
            ));
        }
        o.push_str("</table>\n");
    }
    o.push_str("</section>\n");
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
    use crate::diag::{Finding, Severity};
    use crate::model::Lang;

    const PLAN: &str = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n[roles]\npl = \"Prosjektleder\"\n\
        [[activity]]\ntitle = \"Gjort\"\nwhen = \"2026-01-10\"\nowner = \"pl\"\nstatus = \"done\"\n\
        [[activity]]\ntitle = \"Avlyst\"\nwhen = \"2026-01-11\"\nowner = \"pl\"\nstatus = \"cancelled\"\n\
        [[activity]]\ntitle = \"Sein\"\nwhen = \"2026-01-12\"\nowner = \"pl\"\n\
        [[activity]]\ntitle = \"Snart\"\nwhen = \"2026-12-01\"\nowner = \"pl\"\n\
        [[activity]]\ntitle = \"Også gjort\"\nwhen = \"2026-02-01\"\nstatus = \"done\"\n";

    fn report(text: &str, today: &str, findings: &[Finding]) -> String {
        let source = Source::new("t.toml", text);
        let plan = crate::load::load(&source).unwrap();
        let view = View::new(&plan, &source, Lang::En, today.parse().unwrap());
        let status = crate::views::status::build(&view, findings);
        render(&view, &status, findings, &source, None)
    }

    #[test]
    fn a_groups_work_is_listed_once_under_the_group_and_members_point_to_it() {
        let plan = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n[roles]\na = \"Anne\"\nb = \"Bjørn\"\n\
            c = \"Cecilie\"\n[roles.sg]\nname = \"Styringsgruppe\"\nmembers = [\"a\", \"b\"]\n\
            [[activity]]\ntitle = \"Møte i gruppa\"\nwhen = \"2026-03\"\nowner = \"sg\"\n\
            [[activity]]\ntitle = \"Annes eget\"\nwhen = \"2026-04\"\nowner = [\"a\", \"a\"]\n\
            [[activity]]\ntitle = \"Felles\"\nwhen = \"2026-05\"\nowner = [\"a\", \"sg\"]\n";
        let out = report(plan, "2026-01-01", &[]);
        let checklists = out.split("<section id=\"checklists\">").nth(1).expect("checklists");
        let section = |id: &str| {
            let at = checklists.find(&format!("id=\"role-{id}\"")).unwrap_or_else(|| panic!("{id}: {checklists}"));
            checklists[at..].split("</section>").next().unwrap().to_string()
        };
        assert_eq!(checklists.matches("Møte i gruppa").count(), 1, "{checklists}");
        assert_eq!(checklists.matches("Annes eget").count(), 1, "{checklists}");
        assert!(section("sg").contains("Møte i gruppa") && section("sg").contains("Felles"));
        assert!(section("a").contains("Annes eget") && section("a").contains("Felles"));
        let to_group = "<p>Also a member of: <a href=\"#role-sg\">Styringsgruppe</a>.</p>";
        assert!(section("a").contains(to_group) && section("b").contains(to_group), "{checklists}");
        assert!(!section("b").contains("<li"), "{}", section("b"));
        assert!(!checklists.contains("role-c"), "a role with no work and no group has no checklist");
    }

    #[test]
    fn there_is_one_wheel_per_school_year_with_work_and_every_id_is_once_on_the_page() {
        let plan = "[plan]\ntitle = \"T\"\nstart = \"2026-03\"\nend = \"2029-06\"\n[roles]\npl = \"P\"\n\
            [[activity]]\ntitle = \"Vår 2026\"\nwhen = \"2026-04\"\nowner = \"pl\"\n\
            [[activity]]\ntitle = \"Høst 2026\"\nwhen = \"2026-10\"\nowner = \"pl\"\n\
            [[activity]]\ntitle = \"Vår 2029\"\nwhen = \"2029-03\"\nowner = \"pl\"\n";
        let out = report(plan, "2026-01-01", &[]);
        let wheels = out.split("<section id=\"wheel\">").nth(1).unwrap().split("</section>").next().unwrap();
        // 2027/28 has no work, so no wheel.
        let years: Vec<&str> = wheels.lines().filter_map(|l| l.strip_prefix("<h3>")).collect();
        assert_eq!(
            years,
            ["The 2025/26 school year</h3>", "The 2026/27 school year</h3>", "The 2028/29 school year</h3>"]
        );
        let ids: Vec<&str> = out.split(" id=\"").skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
        let unique: std::collections::HashSet<&&str> = ids.iter().collect();
        assert!(!ids.is_empty() && unique.len() == ids.len(), "{ids:?}");
        // The wheels draw plain text, so they bring no ids that two wheels on one page could share.
        assert!(!wheels.contains(" id=\""), "{wheels}");
    }

    #[test]
    fn the_checklists_mark_each_activity_by_its_state() {
        let out = report(PLAN, "2026-06-01", &[]);
        let checklists = out.split("<section id=\"checklists\">").nth(1).expect("checklists");
        for (class, title) in
            [(" class=\"done\"", "Gjort"), (" class=\"cancelled\"", "Avlyst"), (" class=\"overdue\"", "Sein")]
        {
            assert!(
                checklists.lines().any(|l| l.starts_with(&format!("<li{class}>")) && l.contains(title)),
                "{title}: {out}"
            );
        }
        assert!(checklists.lines().any(|l| l.starts_with("<li>") && l.contains("— Snart")), "{out}");
        // Two of four open or done are done (cancelled work does not count).
        assert!(out.contains("<td>2/4</td><td>50 %</td>"), "{out}");
    }

    #[test]
    fn the_changes_since_a_day_without_git_say_why_only_work_done_is_there() {
        use crate::diff::since::{Baseline, NoVersion};
        let source = Source::new("t.toml", PLAN);
        let plan = crate::load::load(&source).unwrap();
        let view = View::new(&plan, &source, Lang::Nb, "2026-06-01".parse().unwrap());
        let mut status = crate::views::status::build(&view, &[]);
        let baseline = Baseline::Day { day: "2026-01-10".parse().unwrap(), version: Err(NoVersion::NotInGit) };
        status.since = Some(crate::diff::since::since(baseline, None, &plan, &source));
        let out = render(&view, &status, &[], &source, None);
        let since = out.split("<section id=\"since\">").nth(1).unwrap().split("</section>").next().unwrap();
        assert_eq!(
            since,
            "\n<h2>Endret siden 10. januar 2026</h2>\n\
             <p class=\"meta\">Planen er ikke i et git-depot: bare det som er gjennomført siden, vises</p>\n\
             <p>ingen endringer</p>\n"
        );
    }

    #[test]
    fn nothing_coming_says_so_and_findings_have_their_severity() {
        let done = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2026-12\"\n\
            [[activity]]\ntitle = \"Gjort\"\nwhen = \"2026-01-10\"\nstatus = \"done\"\n";
        let warning =
            Finding::new(crate::diag::RuleId::IdleGap, Severity::Warning, None, crate::lang::Text::verbatim("w"));
        let error =
            Finding::new(crate::diag::RuleId::UnknownRole, Severity::Error, None, crate::lang::Text::verbatim("e"));
        let out = report(done, "2026-06-01", &[warning, error]);
        assert!(out.contains(&format!("<li>{}</li>", crate::i18n::texts(Lang::En).nothing)), "{out}");
        assert!(out.contains("<td class=\"warning\">warning[idle-gap]</td>"), "{out}");
        assert!(out.contains("<td class=\"error\">error[unknown-role]</td>"), "{out}");
        // Something coming: no "nothing".
        let out = report(PLAN, "2026-06-01", &[]);
        assert!(!out.contains(&format!("<li>{}</li>", crate::i18n::texts(Lang::En).nothing)), "{out}");
    }
}
