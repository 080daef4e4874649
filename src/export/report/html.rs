//! The report as one self-contained HTML page: inline CSS and SVG, no scripts, no network; prints on A4, the
//! Gantt chart on a landscape page of its own and each årshjul on a portrait page.

use super::{Block, CellContent, Document, Figure, Item, ListKind, Part, PartKind, Run, Style, Table, Tone};

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
@page{size:A4;margin:15mm}@page landscape{size:A4 landscape;margin:15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3{break-after:avoid}figure,table,section.role,div.year,div.sheet{break-inside:avoid}a{color:inherit}
#gantt{page:landscape}#gantt h2{margin-top:0}#gantt h3{margin:.4em 0}#gantt figure{margin:0}#gantt,#wheel,div.year+div.year,div.sheet+div.sheet{break-before:page}div.year figure svg{max-height:215mm;width:auto}}
";

/// The report as HTML.
pub fn html(doc: &Document) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        doc.lang.code(),
        esc(&doc.title)
    ));
    for part in &doc.parts {
        write_part(&mut o, part);
    }
    o.push_str("</body>\n</html>\n");
    o
}

fn write_part(o: &mut String, part: &Part) {
    let id = part.id.as_deref().map_or(String::new(), |id| format!(" id=\"{}\"", esc(id)));
    let (open, close) = match part.kind {
        PartKind::Header => (format!("<header{id}>"), "</header>"),
        PartKind::Section => (format!("<section{id}>"), "</section>"),
        PartKind::Role => (format!("<section class=\"role\"{id}>"), "</section>"),
        PartKind::Year => (format!("<div class=\"year\"{id}>"), "</div>"),
        PartKind::Sheet => (format!("<div class=\"sheet\"{id}>"), "</div>"),
    };
    o.push_str(&open);
    o.push('\n');
    for block in &part.blocks {
        write_block(o, block);
    }
    o.push_str(close);
    o.push('\n');
}

fn write_block(o: &mut String, block: &Block) {
    match block {
        Block::Heading(level, text) => o.push_str(&format!("<h{level}>{}</h{level}>\n", esc(text))),
        Block::Paragraph(tone, runs) => o.push_str(&format!("<p{}>{}</p>\n", class(*tone), inline(runs))),
        Block::List(kind, items) => list(o, *kind, items),
        Block::Table(table) => write_table(o, table),
        Block::Figure(Figure { svg, .. }) => o.push_str(&format!("<figure>\n{svg}\n</figure>\n")),
        Block::Part(part) => write_part(o, part),
    }
}

/// The class attribute that shows a tone (the style sheet gives each its colour and second sign).
fn class(tone: Tone) -> &'static str {
    match tone {
        Tone::Plain => "",
        Tone::Meta => " class=\"meta\"",
        Tone::Done => " class=\"done\"",
        Tone::Overdue => " class=\"overdue\"",
        Tone::Cancelled => " class=\"cancelled\"",
        Tone::Postponed => " class=\"postponed\"",
        Tone::Error => " class=\"error\"",
        Tone::Warning => " class=\"warning\"",
    }
}

fn inline(runs: &[Run]) -> String {
    let mut out = String::new();
    for r in runs {
        let text = esc(&r.text);
        match &r.style {
            Style::Plain => out.push_str(&text),
            Style::Strong => out.push_str(&format!("<strong>{text}</strong>")),
            Style::Meta => out.push_str(&format!("<span class=\"meta\">{text}</span>")),
            Style::Code => out.push_str(&format!("<code>{text}</code>")),
            Style::Link(to) => out.push_str(&format!("<a href=\"#{}\">{text}</a>", esc(to))),
        }
    }
    out
}

fn list(o: &mut String, kind: ListKind, items: &[Item]) {
    o.push_str(if kind == ListKind::Checklist { "<ul class=\"check\">\n" } else { "<ul>\n" });
    for item in items {
        o.push_str(&format!("<li{}>{}</li>\n", class(item.tone), inline(&item.runs)));
    }
    o.push_str("</ul>\n");
}

fn write_table(o: &mut String, table: &Table) {
    o.push_str("<table>\n");
    if !table.head.is_empty() {
        let head: String = table.head.iter().map(|h| format!("<th scope=\"col\">{}</th>", esc(h))).collect();
        o.push_str(&format!("<thead><tr>{head}</tr></thead>\n<tbody>\n"));
    }
    for row in &table.rows {
        o.push_str("<tr>");
        for c in row {
            match &c.content {
                CellContent::Runs(runs) => o.push_str(&format!("<td{}>{}</td>", class(c.tone), inline(runs))),
                CellContent::When(when) => o.push_str(&format!("<td class=\"when\">{}</td>", esc(when))),
                CellContent::Bar(pct) => {
                    o.push_str(&format!("<td><span class=\"bar\"><span style=\"width:{pct}%\"></span></span></td>"))
                }
            }
        }
        o.push_str("</tr>\n");
    }
    if !table.head.is_empty() {
        o.push_str("</tbody>\n");
    }
    o.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Finding, Severity};
    use crate::model::Lang;
    use crate::source::Source;
    use crate::views::View;

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
        html(&super::super::build(&view, &status, findings, &source, None))
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
    fn a_table_with_a_header_has_head_and_body_and_one_without_has_rows_alone() {
        let rows = || vec![vec![super::super::Cell { tone: Tone::Plain, content: CellContent::When("mars".into()) }]];
        let mut o = String::new();
        write_table(&mut o, &Table { head: vec!["Når".into()], rows: rows() });
        let with_head = "<table>\n<thead><tr><th scope=\"col\">Når</th></tr></thead>\n<tbody>\n\
            <tr><td class=\"when\">mars</td></tr>\n</tbody>\n</table>\n";
        assert_eq!(o, with_head);
        let mut o = String::new();
        write_table(&mut o, &Table { head: Vec::new(), rows: rows() });
        assert_eq!(o, "<table>\n<tr><td class=\"when\">mars</td></tr>\n</table>\n");
    }

    #[test]
    fn the_checklists_mark_each_activity_by_its_state() {
        let out = report(PLAN, "2026-06-01", &[]);
        let checklists = out.split("<section id=\"checklists\">").nth(1).expect("checklists");
        // Check boxes in the checklists, bullets elsewhere.
        assert!(checklists.contains("<h3>Prosjektleder</h3>\n<ul class=\"check\">\n"), "{checklists}");
        assert!(out.contains("<section id=\"overdue\">\n<h2>Overdue (1)</h2>\n<ul>\n"), "{out}");
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
        let out = html(&super::super::build(&view, &status, &[], &source, None));
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
