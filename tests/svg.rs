//! The SVG pictures (Gantt chart and årshjul) on every shipped plan, rendered to pixels with resvg, a pure-Rust
//! SVG renderer: they must parse, have the size they declare, show something, stay self-contained, and keep
//! their text inside the picture (and, in the Gantt chart, apart).
//!
//! `cargo test --test svg -- --ignored` writes the pictures of the Beiarn plan to `docs/img/`.

mod common;

use common::{arc_lines, joined, root, wheel_lines};

use implan::export::svg::{self, GanttOptions, Rings, WheelOptions, WheelSpan};
use implan::model::{Lang, Plan};
use implan::source::Source;
use implan::views::View;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn load_text(path: &Path, text: &str) -> (Source, Plan) {
    let (source, finding) = implan::load::decode(path, text.as_bytes().to_vec());
    assert!(finding.is_none(), "{}: {finding:?}", path.display());
    let plan = implan::load::load(&source).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    (source, plan)
}

fn load(path: &Path) -> (Source, Plan) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    load_text(path, &text)
}

/// The shipped plans and the Beiarn plan with progress.
fn plan_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files.push(root().join("examples/beiarn-progress.toml"));
    assert!(files.len() >= 6, "{files:?}");
    files
}

fn options() -> usvg::Options<'static> {
    // The faces implan carries and draws its PNG and PDF with: the pictures are laid out for DejaVu Sans, and
    // the same font on every machine makes every text check below measure the same glyphs.
    usvg::Options { fontdb: implan::export::picture::fonts(), ..usvg::Options::default() }
}

/// The value of an attribute of the root element.
fn root_attr(svg: &str, name: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    doc.root_element().attribute(name).unwrap_or_else(|| panic!("the root has no {name}")).to_string()
}

/// Checks what every picture must be, renders it and returns the pixels.
fn check_and_render(name: &str, svg: &str, width: u32) -> Pixmap {
    // Well-formed XML with the attributes a self-contained SVG 1.1 needs.
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{name}");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"), "{name}");
    assert_eq!(root.attribute("version"), Some("1.1"), "{name}");
    assert_eq!(root.attribute("width"), Some(width.to_string().as_str()), "{name}");
    let height: u32 = root.attribute("height").and_then(|h| h.parse().ok()).expect("a whole-pixel height");
    assert_eq!(root.attribute("viewBox"), Some(format!("0 0 {width} {height}").as_str()), "{name}");
    assert_eq!(root.attribute("font-family"), Some(svg::FONT_FAMILY), "{name}");

    // Nothing from outside: no scripts, fonts, images, style sheets or links; "http" only in namespace names.
    for bad in ["<script", "@font-face", "<image", "<style", "<foreignObject", "url(", "javascript:"] {
        assert!(!svg.contains(bad), "{name} contains {bad}");
    }
    let namespaces = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"];
    let mut rest = svg.to_string();
    for ns in namespaces {
        rest = rest.replace(&format!("\"{ns}\""), "");
    }
    assert!(!rest.contains("http"), "{name} refers to something outside it");
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes().filter(|a| a.name() == "href") {
            assert!(attr.value().starts_with('#'), "{name}: a link outside the picture: {}", attr.value());
        }
    }

    // It renders at the size it declares, and shows something.
    let tree = usvg::Tree::from_str(svg, &options()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let size = tree.size().to_int_size();
    assert_eq!((size.width(), size.height()), (width, height), "{name}");
    let mut pixmap = Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    assert_eq!((pixmap.width(), pixmap.height()), (width, height), "{name}");
    let pixels = pixmap.pixels();
    let ink = pixels.iter().filter(|p| p.red() < 235 || p.green() < 235 || p.blue() < 235).count();
    let share = ink as f64 / pixels.len() as f64;
    assert!(share > 0.03, "{name}: only {:.1} % of the picture is not white", share * 100.0);
    let mut colours: Vec<[u8; 3]> = pixels.iter().map(|p| [p.red(), p.green(), p.blue()]).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 20, "{name}: only {} colours", colours.len());

    // Every text lies inside the picture.
    let mut texts = Vec::new();
    collect_texts(tree.root(), &mut texts);
    assert!(!texts.is_empty(), "{name}: no text was rendered");
    for (label, b) in &texts {
        assert!(
            b.left() >= -0.5 && b.top() >= -0.5 && b.right() <= width as f32 + 0.5 && b.bottom() <= height as f32 + 0.5,
            "{name}: the text {label:?} at {b:?} leaves the {width}×{height} picture"
        );
    }
    pixmap
}

fn collect_texts(group: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_texts(g, out),
            usvg::Node::Text(t) => {
                let label: String = t.chunks().iter().map(|c| c.text()).collect();
                out.push((label, t.abs_bounding_box()));
            }
            _ => {}
        }
    }
}

/// A text's pixels: where it lies on the picture and which of its pixels it covers.
struct Mask {
    label: String,
    x: i32,
    y: i32,
    width: u32,
    height: u32,
    on: Vec<bool>,
}

impl Mask {
    fn covers(&self, x: i32, y: i32) -> bool {
        let (dx, dy) = (x - self.x, y - self.y);
        dx >= 0
            && dy >= 0
            && (dx as u32) < self.width
            && (dy as u32) < self.height
            && self.on[dy as usize * self.width as usize + dx as usize]
    }
}

fn text_nodes<'a>(group: &'a usvg::Group, out: &mut Vec<&'a usvg::Node>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => text_nodes(g, out),
            usvg::Node::Text(_) => out.push(node),
            _ => {}
        }
    }
}

/// Renders every text by itself: curved text in the wheel has bounding boxes far larger than its letters, so
/// only pixels tell whether two texts touch.
fn text_masks(tree: &usvg::Tree) -> Vec<Mask> {
    let mut nodes = Vec::new();
    text_nodes(tree.root(), &mut nodes);
    let mut masks = Vec::new();
    for node in nodes {
        let usvg::Node::Text(t) = node else { continue };
        let Some(bbox) = node.abs_layer_bounding_box() else { continue };
        let (width, height) = (bbox.width().ceil() as u32 + 1, bbox.height().ceil() as u32 + 1);
        let mut pixmap = Pixmap::new(width, height).unwrap();
        // A text turned by its own `transform` sits in a group of that transform, which render_node leaves out:
        // put it back, inside the shift render_node makes to the box's corner.
        let (x, y) = (bbox.x(), bbox.y());
        let turned = Transform::from_translate(-x, -y).pre_concat(t.abs_transform()).pre_translate(x, y);
        resvg::render_node(node, turned, &mut pixmap.as_mut());
        let on = pixmap.pixels().iter().map(|p| p.alpha() > 96).collect();
        let label = t.chunks().iter().map(|c| c.text()).collect();
        masks.push(Mask { label, x: bbox.x().floor() as i32, y: bbox.y().floor() as i32, width, height, on });
    }
    masks
}

/// No two texts share more than a couple of pixels (antialiased edges may touch).
fn assert_texts_apart(name: &str, svg: &str) {
    let tree = usvg::Tree::from_str(svg, &options()).unwrap();
    let masks = text_masks(&tree);
    for (i, a) in masks.iter().enumerate() {
        for b in &masks[i + 1..] {
            let (x0, x1) = (a.x.max(b.x), (a.x + a.width as i32).min(b.x + b.width as i32));
            let (y0, y1) = (a.y.max(b.y), (a.y + a.height as i32).min(b.y + b.height as i32));
            let mut shared = 0;
            for y in y0..y1 {
                for x in x0..x1 {
                    if a.covers(x, y) && b.covers(x, y) {
                        shared += 1;
                    }
                }
            }
            assert!(shared <= 2, "{name}: {:?} and {:?} overlap in {shared} pixels", a.label, b.label);
        }
    }
}

/// The circles a wheel's text must not cross: the edges of its rings' bands and of its month ring.
fn wheel_circles(svg: &str) -> ((f64, f64), Vec<f64>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let number = |n: roxmltree::Node, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
    let bands: Vec<_> =
        doc.descendants().filter(|n| n.has_tag_name("circle") && n.has_attribute("stroke-width")).collect();
    let band = bands.iter().find(|n| n.attribute("fill") == Some("none")).expect("a ring's band");
    let centre = (number(*band, "cx"), number(*band, "cy"));
    let mut edges: Vec<f64> = Vec::new();
    for n in bands.iter().filter(|n| n.attribute("fill") == Some("none") && n.attribute("stroke") != Some("#ffffff")) {
        let (r, w) = (number(*n, "r"), number(*n, "stroke-width"));
        edges.extend([r - w / 2.0, r + w / 2.0]);
    }
    // The month ring: the radii of the first month's sector.
    let month =
        doc.descendants().find(|n| n.has_tag_name("path") && n.attribute("d").is_some_and(|d| d.starts_with('M')));
    let d = month.unwrap().attribute("d").unwrap();
    for arc in d.split('A').skip(1) {
        edges.push(arc.split(' ').next().unwrap().parse().unwrap());
    }
    assert!(edges.len() >= 4, "{edges:?}");
    (centre, edges)
}

/// No text of a wheel crosses a ring's edge or the month ring's: each lies between two circles, at most a pixel
/// of antialiasing past them.
fn assert_texts_inside_their_rings(name: &str, svg: &str) {
    let ((cx, cy), edges) = wheel_circles(svg);
    let tree = usvg::Tree::from_str(svg, &options()).unwrap();
    for mask in text_masks(&tree) {
        let (mut near, mut far) = (f64::MAX, 0.0f64);
        for dy in 0..mask.height as i32 {
            for dx in 0..mask.width as i32 {
                let (x, y) = (mask.x + dx, mask.y + dy);
                if mask.covers(x, y) {
                    let r = (x as f64 + 0.5 - cx).hypot(y as f64 + 0.5 - cy);
                    (near, far) = (near.min(r), far.max(r));
                }
            }
        }
        for edge in &edges {
            assert!(
                !(near < edge - 1.0 && far > edge + 1.0),
                "{name}: {:?} runs from {near:.1} to {far:.1} px from the centre, across the circle at {edge:.1}",
                mask.label
            );
        }
    }
}

/// The Gantt chart's labels are all horizontal: no two may overlap.
fn assert_no_overlapping_text(name: &str, svg: &str) {
    let tree = usvg::Tree::from_str(svg, &options()).unwrap();
    let mut texts = Vec::new();
    collect_texts(tree.root(), &mut texts);
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            let dx = ra.right().min(rb.right()) - ra.left().max(rb.left());
            let dy = ra.bottom().min(rb.bottom()) - ra.top().max(rb.top());
            assert!(dx <= 0.5 || dy <= 0.5, "{name}: {a:?} at {ra:?} overlaps {b:?} at {rb:?}");
        }
    }
}

#[test]
fn gantt_charts_of_every_plan_render() {
    for file in plan_files() {
        let (source, plan) = load(&file);
        // Both languages, the default width and a narrow one.
        for (lang, width) in [(Lang::Nb, 1200), (Lang::En, 800)] {
            let view = View::new(&plan, &source, lang, today());
            let name = format!("gantt {} {lang:?} {width}", file.display());
            let out = svg::gantt(&view, &GanttOptions { width, span: None });
            check_and_render(&name, &out, width);
            assert_no_overlapping_text(&name, &out);
            // Today's line, where today lies inside the chart (ABSOLUTT and the pool ended before 2026).
            let inside = plan.start.value.start <= view.today
                && (plan.end.value.end >= view.today || plan.activities.iter().any(|a| a.last_day >= view.today));
            assert_eq!(out.contains(&format!(">{}<", view.t.today)), inside, "{name}: today's line");
        }
    }
}

#[test]
fn every_title_of_every_plan_is_whole_in_the_gantt_chart_wrapped_in_its_row() {
    // Letters only: a line may end in a hyphen of the wrapping's own.
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    for file in plan_files() {
        let (source, plan) = load(&file);
        // The report's width and the picture's.
        for width in [1000, 1200] {
            let view = View::new(&plan, &source, Lang::Nb, today());
            let out = svg::gantt(&view, &GanttOptions { width, span: None });
            let doc = roxmltree::Document::parse(&out).unwrap();
            let mut rows = 0;
            for g in doc.descendants().filter(|n| n.has_tag_name("g")) {
                let Some(tip) = g.children().find(|n| n.has_tag_name("title")).and_then(|t| t.text()) else { continue };
                let Some(a) = plan.activities.iter().find(|a| tip.starts_with(&format!("{}\n", a.title.value))) else {
                    continue;
                };
                let lines: Vec<&str> = g
                    .children()
                    .filter(|n| n.has_tag_name("text") && n.attribute("x") == Some("42"))
                    .map(|n| n.text().unwrap_or_default())
                    .collect();
                let name = format!("{} {width}: {}", file.display(), a.title.value);
                assert!(!lines.is_empty() && lines.len() <= 3, "{name}: {lines:?}");
                assert_eq!(letters(&lines.concat()), letters(&a.title.value), "{name}: {lines:?}");
                assert!(!lines.concat().contains('…'), "{name}: cut");
                rows += 1;
            }
            assert!(rows >= plan.activities.len(), "{}: {rows} rows", file.display());
        }
    }
}

#[test]
fn wheels_of_every_plan_render() {
    for file in plan_files() {
        let (source, plan) = load(&file);
        // Both languages, both kinds of rings, the default size from August and a small one from January.
        for (lang, rings, size, first_month) in [(Lang::Nb, Rings::Role, 900, 8), (Lang::En, Rings::Kind, 600, 1)] {
            let view = View::new(&plan, &source, lang, today());
            let name = format!("wheel {} {lang:?} {rings:?} {size} {first_month}", file.display());
            let out = svg::wheel(&view, &WheelOptions { first_month, rings, size, span: None });
            check_and_render(&name, &out, size);
            assert_texts_apart(&name, &out);
            assert_texts_inside_their_rings(&name, &out);
            // And one wheel for each school year, as the report draws them.
            for span in WheelSpan::school_years_of(&plan, lang) {
                let name = format!("{name} {}", span.label);
                let out = svg::wheel(&view, &WheelOptions { first_month, rings, size, span: Some(span) });
                check_and_render(&name, &out, size);
                assert_texts_apart(&name, &out);
                assert_texts_inside_their_rings(&name, &out);
            }
        }
    }
}

/// One school year per wheel: only the work that touches it, drawn in its months inside it, the year in the
/// title, and no ids, so that several wheels can share a page.
#[test]
fn a_school_years_wheel_holds_that_years_work_and_names_the_year() {
    let text = short_plan(
        "T",
        "2026-08",
        "2028-06",
        &[("Høstmøte 2026", "oktober 2026"), ("Høstmøte 2027", "oktober 2027"), ("Langt arbeid", "2027-05")],
    )
    .replace("when = \"2027-05\"", "when = \"2027-05\"\nend = \"2027-09\"");
    let first = WheelSpan::school_year(2026, Lang::Nb).unwrap();
    assert_eq!(
        (first.from, first.to, first.label.as_str()),
        (day("2026-08-01"), day("2027-07-31"), "skoleåret 2026/27")
    );
    let wheel = wheel_of(&text, &WheelOptions { span: Some(first), ..WheelOptions::default() });
    assert!(wheel.contains("Høstmøte 2026") && !wheel.contains("Høstmøte 2027"), "{wheel}");
    assert!(wheel.contains("<title>T – Årshjul, skoleåret 2026/27</title>"), "{wheel}");
    assert_has(&wheel, "Skoleåret 2026/27 (august 2026 – juli 2027)");
    // Plain text, no paths to run along: nothing that one wheel of a page could take from another.
    assert!(!wheel.contains("textPath") && !wheel.contains(" id=\""));
    // Work that runs into the next school year is drawn there too, in its months of that year only.
    let second = WheelSpan::school_year(2027, Lang::Nb).unwrap();
    let next = wheel_of(&text, &WheelOptions { span: Some(second), ..WheelOptions::default() });
    assert!(next.contains("Høstmøte 2027") && next.contains("Langt arbeid") && !next.contains("Høstmøte 2026"));
    let whole = wheel_of(&text, &WheelOptions::default());
    assert!(whole.contains("Høstmøte 2026") && whole.contains("Høstmøte 2027"));
    assert_eq!(
        WheelSpan::school_years_of(&load_text(Path::new("t.toml"), &text).1, Lang::En)
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>(),
        ["the 2026/27 school year", "the 2027/28 school year"]
    );
}

#[test]
fn the_defaults_are_the_documented_ones() {
    assert_eq!(GanttOptions::default().width, 1200);
    let w = WheelOptions::default();
    assert_eq!((w.first_month, w.rings, w.size), (8, Rings::Role, 900));
}

/// A small plan whose pictures are reviewed snapshots: two phases, two roles, each status, a week and a term.
const SMALL: &str = "[plan]\ntitle = \"Liten plan\"\nstart = \"august 2026\"\nend = \"juni 2027\"\n\n\
    [roles]\npl = \"Prosjektleder\"\nrektor = \"Rektor\"\n\n\
    [[phase]]\nid = \"h\"\nname = \"Oppstart\"\nperiod = \"Høst 2026\"\n\
    [[phase.activity]]\ntitle = \"Oppstartsmøte\"\nwhen = \"2026-08-20\"\nowner = \"pl\"\nstatus = \"gjennomført\"\ndone = 2026-08-20\n\
    [[phase.activity]]\ntitle = \"Kartlegging\"\nwhen = \"oktober 2026\"\nowner = \"rektor\"\n\
    [[phase.activity]]\ntitle = \"Personaldag\"\nwhen = \"uke 46 2026\"\nowner = \"rektor\"\nstatus = \"avlyst\"\n\n\
    [[phase]]\nid = \"v\"\nname = \"Gjennomføring\"\nperiod = \"Vår 2027\"\n\
    [[phase.activity]]\ntitle = \"Opplæring\"\nwhen = \"vår 2027\"\nowner = \"pl\"\nstatus = \"pågår\"\n\
    [[phase.activity]]\ntitle = \"Evaluering\"\nwhen = \"juni 2027\"\nowner = [\"pl\", \"rektor\"]\n";

#[test]
fn the_pictures_of_a_small_plan_are_the_reviewed_ones() {
    let (source, plan) = load_text(Path::new("small.toml"), SMALL);
    let view = View::new(&plan, &source, Lang::Nb, today());
    let gantt = svg::gantt(&view, &GanttOptions::default());
    check_and_render("small gantt", &gantt, 1200);
    insta::assert_snapshot!("small_gantt", gantt);
    let wheel = svg::wheel(&view, &WheelOptions::default());
    check_and_render("small wheel", &wheel, 900);
    insta::assert_snapshot!("small_wheel", wheel);
}

/// The Beiarn plan's pictures, exactly: the ones in docs/img (`write_beiarn_pictures`), reviewed there as PNG,
/// and the wheel by kind. Every coordinate, label and colour of a real plan is pinned, so a change in the
/// layout shows here as a diff to review rather than passing unseen.
#[test]
fn the_pictures_of_the_beiarn_plan_are_the_reviewed_ones() {
    let (source, plan) = load(&root().join("examples/beiarn-progress.toml"));
    let view = View::new(&plan, &source, Lang::Nb, today());
    let gantt = svg::gantt(&view, &GanttOptions::default());
    insta::assert_snapshot!("beiarn_gantt", gantt);
    let wheel = svg::wheel(&view, &WheelOptions::default());
    insta::assert_snapshot!("beiarn_wheel", wheel);
    let by_kind = svg::wheel(&view, &WheelOptions { rings: svg::Rings::Kind, ..WheelOptions::default() });
    check_and_render("beiarn wheel by kind", &by_kind, 900);
    insta::assert_snapshot!("beiarn_wheel_by_kind", by_kind);
}

#[test]
fn every_run_draws_the_same_picture() {
    // Each process hashes with its own random seed: two runs of the binary show any order that depends on it.
    let dir = common::TempDir::new("svg-runs");
    let plan = dir.write("small.toml", SMALL.as_bytes());
    for command in ["gantt", "wheel"] {
        let runs: Vec<Vec<u8>> = (0..2)
            .map(|_| {
                let o = common::command(&[command, &plan, "--today", "2026-11-23"]).output().expect("implan runs");
                assert!(o.status.success(), "{command}: {}", String::from_utf8_lossy(&o.stderr));
                o.stdout
            })
            .collect();
        assert!(runs[0].starts_with(b"<?xml") || runs[0].starts_with(b"<svg"), "{command}: not a picture");
        assert_eq!(runs[0], runs[1], "{command}: two runs differ");
    }
}

#[test]
fn pictures_speak_the_views_language() {
    let (source, plan) = load(&root().join("examples/beiarn-progress.toml"));
    let nb = View::new(&plan, &source, Lang::Nb, today());
    let en = View::new(&plan, &source, Lang::En, today());
    let (g_nb, g_en) = (svg::gantt(&nb, &GanttOptions::default()), svg::gantt(&en, &GanttOptions::default()));
    assert!(g_nb.contains(">i dag<") && g_nb.contains("gjennomført"));
    assert!(g_en.contains(">today<") && g_en.contains(">done<"));
    // Three years give the months one letter each; a plan of a year and a half names them.
    let (short_source, short) = load(&root().join("plans/absolutt-more-og-romsdal.toml"));
    let month_names =
        |lang: Lang| svg::gantt(&View::new(&short, &short_source, lang, today()), &GanttOptions::default());
    assert!(month_names(Lang::Nb).contains(">okt<") && month_names(Lang::En).contains(">Oct<"));
    let (w_nb, w_en) = (svg::wheel(&nb, &WheelOptions::default()), svg::wheel(&en, &WheelOptions::default()));
    // The wheel starts in August; this month (November) is marked.
    assert!(w_nb.contains(">August<") && w_nb.contains("Årshjul") && w_nb.contains("uansett år"));
    assert!(w_en.contains(">August<") && w_en.contains("Annual wheel") && w_en.contains("whatever the year"));
    assert!(w_nb.contains("i dag 23. november 2026"));
    let first = w_nb.find(">August<").unwrap();
    assert!(w_nb.find(">Juli<").unwrap() > first && w_nb.find(">Januar<").unwrap() > first);
    let january = svg::wheel(&nb, &WheelOptions { first_month: 1, ..WheelOptions::default() });
    assert!(january.find(">Januar<").unwrap() < january.find(">August<").unwrap());
    assert!(january.contains("jan – des"));
}

#[test]
fn statuses_have_their_colours() {
    let (source, plan) = load(&root().join("examples/beiarn-progress.toml"));
    let view = View::new(&plan, &source, Lang::Nb, today());
    let out = svg::gantt(&view, &GanttOptions::default());
    // Done green, overdue red (oktober 2026, in progress), planned blue-grey, cancelled grey and struck through.
    for colour in ["#2e7d32", "#d32f2f", "#78909c", "#bdbdbd"] {
        assert!(out.contains(&format!("fill=\"{colour}\"")), "no {colour}");
    }
    assert!(out.contains("line-through"));
}

const LONG_TITLE: &str = "Felles personaldag for alle ansatte i skoler og barnehager om Omni-modellen, \
                          regelverk og den profesjonelle voksenrollen";

fn short_plan(title: &str, start: &str, end: &str, activities: &[(&str, &str)]) -> String {
    let mut s = format!(
        "[plan]\ntitle = \"{title}\"\nstart = \"{start}\"\nend = \"{end}\"\nowner = \"kommunalsjef\"\n\n\
         [roles]\nkommunalsjef = \"Kommunalsjef\"\n"
    );
    for (t, when) in activities {
        s.push_str(&format!("\n[[activity]]\ntitle = \"{t}\"\nwhen = \"{when}\"\nowner = \"kommunalsjef\"\n"));
    }
    s
}

#[test]
fn long_titles_are_cut_with_the_full_title_on_hover() {
    assert_eq!(LONG_TITLE.chars().count(), 120);
    let long_plan_title = format!("{LONG_TITLE} {LONG_TITLE}");
    let text = short_plan(&long_plan_title, "august 2026", "juni 2027", &[(LONG_TITLE, "september 2026")]);
    let (source, plan) = load_text(Path::new("long.toml"), &text);
    for lang in [Lang::Nb, Lang::En] {
        let view = View::new(&plan, &source, lang, today());
        let gantt = svg::gantt(&view, &GanttOptions::default());
        let wheel = svg::wheel(&view, &WheelOptions::default());
        for (name, out, width) in [("gantt", &gantt, 1200), ("wheel", &wheel, 900)] {
            assert!(out.contains('…'), "{name}: nothing was cut");
            assert!(out.contains(&format!("<title>{LONG_TITLE}")), "{name}: the full title is not in a <title>");
            // The title is never shown whole, only in <title>s.
            let shown = out.matches(LONG_TITLE).count();
            let hover = out.matches(&format!("<title>{LONG_TITLE}")).count()
                + out.matches(&format!("<title>{long_plan_title}")).count();
            assert!(shown <= hover + 1, "{name}: the long title is shown whole");
            check_and_render(name, out, width);
        }
        assert_no_overlapping_text("gantt", &gantt);
    }
}

#[test]
fn text_is_escaped() {
    let text = short_plan("Plan <A> & \\\"B\\\"", "august 2026", "juni 2027", &[("Møte <1> & 'to'", "oktober 2026")]);
    let (source, plan) = load_text(Path::new("escape.toml"), &text);
    let view = View::new(&plan, &source, Lang::Nb, today());
    for (out, width) in
        [(svg::gantt(&view, &GanttOptions::default()), 1200), (svg::wheel(&view, &WheelOptions::default()), 900)]
    {
        assert!(out.contains("Plan &lt;A&gt; &amp; &quot;B&quot;"), "{out}");
        assert!(out.contains("Møte &lt;1&gt; &amp; &apos;to&apos;"));
        check_and_render("escaped", &out, width);
        assert_eq!(root_attr(&out, "width"), width.to_string());
    }
}

#[test]
fn a_long_plan_has_quarters() {
    let acts: Vec<(String, String)> = (2026..2032).map(|y| ("Årsmøte".to_string(), format!("oktober {y}"))).collect();
    let acts: Vec<(&str, &str)> = acts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let text = short_plan("Lang plan", "august 2026", "juni 2032", &acts);
    let (source, plan) = load_text(Path::new("long-plan.toml"), &text);
    for (lang, q) in [(Lang::Nb, ">K1<"), (Lang::En, ">Q1<")] {
        let view = View::new(&plan, &source, lang, today());
        let out = svg::gantt(&view, &GanttOptions::default());
        assert!(out.contains(q) && !out.contains(">jan<") && !out.contains(">Jan<"), "{lang:?}: no quarters");
        check_and_render("long plan", &out, 1200);
        if lang == Lang::Nb {
            // Reviewed as a picture: a tick and a label each quarter, the years above, every year's first.
            insta::assert_snapshot!("long_plan_gantt", out);
        }
        assert_no_overlapping_text("long plan", &out);
        // The same meeting every October is one item on the wheel, marked 6×.
        let wheel = svg::wheel(&view, &WheelOptions::default());
        assert!(arc_lines(&wheel).contains(&"6×\u{a0}Årsmøte".to_string()), "{wheel}");
        check_and_render("long plan wheel", &wheel, 900);
        assert_texts_apart("long plan wheel", &wheel);
    }
}

#[test]
fn a_crowded_month_shows_how_many_more() {
    let acts: Vec<(String, &str)> = (1..=30).map(|k| (format!("Møte nummer {k}"), "september 2026")).collect();
    let acts: Vec<(&str, &str)> = acts.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let text = short_plan("Travel plan", "august 2026", "juni 2027", &acts);
    let (source, plan) = load_text(Path::new("crowded.toml"), &text);
    let view = View::new(&plan, &source, Lang::Nb, today());
    let out = svg::wheel(&view, &WheelOptions::default());
    // The month's last lane says how many more it holds: "+14 til" where that fits, else "+14".
    assert!(out.contains(">+"), "no count in a month with 30 activities");
    check_and_render("crowded wheel", &out, 900);
    assert_texts_apart("crowded wheel", &out);
    assert_texts_inside_their_rings("crowded wheel", &out);
    // With the plan's owner innermost, the crowded ring is further out, where the words fit.
    let text = text
        .replace("owner = \"kommunalsjef\"\n\n[roles]\n", "owner = \"rektor\"\n\n[roles]\nrektor = \"Rektor\"\n")
        + "\n[[activity]]\ntitle = \"Skolestart\"\nwhen = \"august 2026\"\nowner = \"rektor\"\n";
    let (source, plan) = load_text(Path::new("crowded.toml"), &text);
    for (lang, more) in [(Lang::Nb, " til"), (Lang::En, " more")] {
        let view = View::new(&plan, &source, lang, today());
        let out = svg::wheel(&view, &WheelOptions::default());
        let lines = arc_lines(&out);
        assert!(lines.iter().any(|l| l.starts_with('+') && l.ends_with(more)), "{lang:?}: no '+N{more}' in {lines:?}");
        check_and_render("crowded wheel", &out, 900);
        if lang == Lang::Nb {
            // Reviewed as a picture: where the count goes in its month and the lanes of two rings.
            insta::assert_snapshot!("crowded_wheel", out);
        }
    }
}

#[test]
fn an_empty_plan_still_draws() {
    let text = short_plan("Tom plan", "august 2026", "juni 2027", &[]);
    let text = text.replace("owner = \"kommunalsjef\"\n\n[roles]\nkommunalsjef = \"Kommunalsjef\"\n", "");
    let (source, plan) = load_text(Path::new("empty.toml"), &text);
    let view = View::new(&plan, &source, Lang::Nb, today());
    let gantt = svg::gantt(&view, &GanttOptions::default());
    assert!(gantt.contains("Ingen aktiviteter."));
    check_and_render("empty gantt", &gantt, 1200);
    for rings in [Rings::Role, Rings::Kind] {
        let wheel = svg::wheel(&view, &WheelOptions { rings, ..WheelOptions::default() });
        check_and_render("empty wheel", &wheel, 900);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs made to sit on an edge of the layout. Each test pins a decision of `gantt` or `wheel` that no shipped
// plan reaches, with the widths the pictures measure text by (DejaVu Sans's advances: "m" 1 em, most lower-case
// letters and digits 0.64, capitals 0.79, "i l ." 0.34, a space 0.32, "f t r -" 0.46; bold 13 % wider).

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The Gantt chart of a plan, checked and rendered.
fn gantt_of(text: &str, today: &str, width: u32) -> String {
    let (source, plan) = load_text(Path::new("edge.toml"), text);
    let view = View::new(&plan, &source, Lang::Nb, day(today));
    let out = svg::gantt(&view, &GanttOptions { width, span: None });
    check_and_render("gantt", &out, width);
    out
}

/// The wheel of a plan, checked and rendered.
fn wheel_of(text: &str, opts: &WheelOptions) -> String {
    let (source, plan) = load_text(Path::new("edge.toml"), text);
    let view = View::new(&plan, &source, Lang::Nb, today());
    let out = svg::wheel(&view, opts);
    check_and_render("wheel", &out, opts.size);
    out
}

/// What the one `<text>` at (x, y) says.
fn text_at(svg: &str, x: &str, y: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let found: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "text" && n.attribute("x") == Some(x) && n.attribute("y") == Some(y))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    assert_eq!(found.len(), 1, "texts at ({x}, {y}): {found:?}");
    found[0].clone()
}

/// The `<g>` whose tooltip starts with `title`.
fn group<'a>(svg: &'a str, title: &str) -> &'a str {
    let start = svg.find(&format!("<g><title>{title}")).unwrap_or_else(|| panic!("no group {title:?}"));
    // Up to the group's own end, past the groups inside it (a label's lines).
    let mut depth = 0;
    let mut at = start;
    loop {
        let open = svg[at + 1..].find("<g").map(|k| k + at + 1);
        let close = at + 1 + svg[at + 1..].find("</g>").unwrap();
        match open {
            Some(o) if o < close => {
                depth += 1;
                at = o;
            }
            _ if depth == 0 => return &svg[start..close],
            _ => {
                depth -= 1;
                at = close;
            }
        }
    }
}

#[track_caller]
fn assert_has(svg: &str, part: &str) {
    assert!(svg.contains(part), "no {part:?} in\n{svg}");
}

/// A plan with roles and activities written out: `(role, [(title, when, more TOML lines)])`.
/// An activity: its title, its `when` and further TOML lines.
type Act<'a> = (&'a str, &'a str, &'a str);

/// A role and the activities it owns.
type Role<'a> = (&'a str, &'a [Act<'a>]);

fn plan_text(head: &str, roles: &[Role], tail: &str) -> String {
    let mut s = format!("[plan]\n{head}\n\n[roles]\n");
    for (role, _) in roles {
        s.push_str(&format!("{role} = \"{}\"\n", implan_capitalised(role)));
    }
    for (role, acts) in roles {
        for (title, when, more) in acts.iter() {
            s.push_str(&format!(
                "\n[[activity]]\ntitle = \"{title}\"\nwhen = \"{when}\"\nowner = \"{role}\"\n{more}\n"
            ));
        }
    }
    s + tail
}

fn implan_capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

// gantt: the title and the line under it cut to their room; a phase's name wrapped in its row.

/// A plan for a chart 480 px wide: the title (435.5 px in bold at 20 px) just over its 432 px, the line under it
/// (445 px at 13 px) too, a phase's name (161 px in bold at 12 px) just over the labels' 156 px.
const NARROW: &str = "[plan]\ntitle = \"Handlingsplan for lesing og skriving\"\norg = \"Beiarn skole\"\n\
    start = \"august 2026\"\nend = \"juni 2027\"\nowner = \"kommunalsjef\"\n\n\
    [roles]\nkommunalsjef = \"Kommunalsjef\"\n\n\
    [[phase]]\nid = \"a\"\nname = \"Analyse og evaluering\"\nperiod = \"Høst 2026\"\n\
    [[phase.activity]]\ntitle = \"Kartlegging\"\nwhen = \"oktober 2026\"\nowner = \"kommunalsjef\"\n\n\
    [[activity]]\ntitle = \"Samling\"\nwhen = \"mars 2027\"\nowner = \"kommunalsjef\"\n";

#[test]
fn a_narrow_charts_title_is_cut_just_past_its_room_and_its_labels_wrap() {
    let out = gantt_of(NARROW, TODAY, 480);
    assert_eq!(text_at(&out, "24", "36"), "Handlingsplan for lesing og skrivi…");
    assert_has(&out, "<g><title>Handlingsplan for lesing og skriving</title><text x=\"24\" y=\"36\"");
    assert_eq!(text_at(&out, "24", "58"), "Beiarn skole · august 2026 – juni 2027 · i dag 23. november…");
    // The phase's row first (its label at 4 px in, its two lines round the row's middle, the row 14 px
    // taller for the second), then its activity, then the row of activities without a phase, whose name fits.
    assert_eq!(text_at(&out, "28", "137"), "Analyse og");
    assert_eq!(text_at(&out, "28", "151"), "evaluering");
    assert_has(&out, "<rect x=\"24\" y=\"122\" width=\"432\" height=\"36\"");
    assert_eq!(text_at(&out, "42", "173"), "Kartlegging");
    assert_eq!(text_at(&out, "28", "195"), "Uten fase");
}

// gantt: the axis.

#[test]
fn a_plan_of_exactly_three_years_is_drawn_by_month() {
    // 36 months of 21.7 px: too narrow for "mar" (23.1 px and a margin of 3), so the months' initials.
    let text = short_plan("Tre år", "januar 2026", "desember 2028", &[("Møte", "mars 2027")]);
    let out = gantt_of(&text, TODAY, 1200);
    assert!(out.contains(">M</text>") && !out.contains(">K1</text>"), "{out}");
}

#[test]
fn a_year_too_narrow_for_its_number_shows_its_last_two_digits() {
    // 24 months of 32.5 px: December 2026 alone is too narrow for "2026" in bold (34.7 px and a margin of 6).
    let text = short_plan("To år", "desember 2026", "november 2028", &[("Møte", "mars 2027")]);
    let out = gantt_of(&text, TODAY, 1200);
    assert_has(&out, ">26</text>");
    assert!(!out.contains(">2026</text>"));
    assert_has(&out, ">2027</text>");
    assert_has(&out, ">2028</text>");
}

/// Five years from December: the lone December is a quarter cut short, 13 px wide.
const FIVE_YEARS: &str = "[plan]\ntitle = \"Fem år\"\nstart = \"desember 2026\"\nend = \"november 2031\"\n\
    owner = \"kommunalsjef\"\n\n[roles]\nkommunalsjef = \"Kommunalsjef\"\n\n\
    [[phase]]\nid = \"o\"\nname = \"Oppstart\"\nperiod = \"Vår 2027\"\n\
    [[phase.activity]]\ntitle = \"Oppstartsuke\"\nwhen = \"uke 2 2027\"\nowner = \"kommunalsjef\"\n\n\
    [[activity]]\ntitle = \"Årsmøte\"\nwhen = \"oktober 2029\"\nowner = \"kommunalsjef\"\n";

#[test]
fn a_quarter_cut_short_at_the_start_goes_without_its_label() {
    let out = gantt_of(FIVE_YEARS, TODAY, 1200);
    // 60 months of 13 px: "K4" needs 15.7 px and a margin of 3, more than the lone December has; the two
    // months at the end (26 px) have room. So "K4" five times, not six.
    assert_eq!(out.matches(">K4</text>").count(), 5, "{out}");
    assert_eq!(out.matches(">K1</text>").count(), 5);
    assert_has(&out, "font-size=\"11\" text-anchor=\"middle\" fill=\"#546e7a\">K4</text>");
    // A week is 2.9 px: its bar and its phase's bar are drawn 3 px wide.
    assert!(group(&out, "Oppstartsuke\n").contains("width=\"3\" height=\"10\""), "{out}");
    assert!(group(&out, "Oppstart\n").contains("width=\"3\" height=\"12\""), "{out}");
    insta::assert_snapshot!("five_years_from_december_gantt", out);
}

#[test]
fn a_quarter_too_narrow_for_the_first_size_takes_the_next() {
    // 130 months of 6 px: a quarter's 18 px hold "K1" at 10 px (14.3 px and 3) but not at 11 (15.7 and 3).
    let text = short_plan("Ti år", "januar 2026", "oktober 2036", &[("Møte", "mars 2027")]);
    let out = gantt_of(&text, TODAY, 1200);
    assert_has(&out, "font-size=\"10\" text-anchor=\"middle\" fill=\"#546e7a\">K1</text>");
    assert_eq!(out.matches(">K1</text>").count(), 11);
}

#[test]
fn this_months_label_shrinks_where_bold_would_not_fit() {
    // A year 540 px wide: months of 26.5 px hold "mar" at 11 px (23.1 px and a margin of 3), not "nov" in
    // bold (23.9 px and 3): this month's label is a tenth smaller.
    let text = short_plan("Ett år", "januar 2026", "desember 2026", &[("Møte", "mars 2026")]);
    let out = gantt_of(&text, TODAY, 540);
    assert_has(&out, "font-size=\"11\" text-anchor=\"middle\" fill=\"#546e7a\">okt</text>");
    assert_has(&out, "font-size=\"9.9\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#e65100\">nov</text>");
}

// gantt: bars and today's line.

#[test]
fn a_few_days_are_a_bar_and_one_day_a_diamond() {
    let acts: [Act; 2] = [("Samling", "2026-10-12", "end = \"2026-10-14\""), ("Møte", "2026-10-20", "")];
    let text = plan_text("title = \"Dager\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &[("pl", &acts)], "");
    let out = gantt_of(&text, TODAY, 1200);
    let samling = group(&out, "Samling\n");
    assert!(samling.contains("<rect") && !samling.contains("<path"), "{samling}");
    let møte = group(&out, "Møte\n");
    assert!(møte.contains("<path") && !møte.contains("<rect"), "{møte}");
}

#[test]
fn todays_label_stays_inside_the_chart_at_either_end() {
    // "i dag" in bold at 11 px is 32.1 px wide: its middle at least 16.03 px inside the axis, from 396 to 1176.
    let text = short_plan("Hele året", "august 2026", "juni 2027", &[("Møte", "oktober 2026")]);
    for (today, x) in [("2026-08-01", "412.03"), ("2027-06-30", "1159.97")] {
        let out = gantt_of(&text, today, 1200);
        let label = format!("<text x=\"{x}\" y=\"184\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\"");
        assert_has(&out, &format!("{label} fill=\"#e65100\">i dag</text>"));
    }
}

#[test]
fn a_phases_note_keeps_clear_of_todays_line() {
    // Two months of 180 px, 6 px a day. The phase ends on 15 September (x = 306), its note would start 6 px
    // after that; today's line, in the middle of 16 September, is at 309: exactly 3 px before the note, too
    // close. Left of the bar there is no room either, so the phase goes without its note.
    let text = "[plan]\ntitle = \"To måneder\"\nstart = \"september 2026\"\nend = \"oktober 2026\"\n\
        owner = \"kommunalsjef\"\n\n[roles]\nkommunalsjef = \"Kommunalsjef\"\n\n\
        [[phase]]\nid = \"a\"\nname = \"Oppstart\"\nperiod = \"Høst 2026\"\n\
        [[phase.activity]]\ntitle = \"Oppstart\"\nwhen = \"2026-09-01\"\nend = \"2026-09-15\"\nowner = \"kommunalsjef\"\n";
    let out = gantt_of(text, "2026-09-16", 600);
    assert!(out.contains("x1=\"309\""), "today's line is not at 309:\n{out}");
    assert!(!group(&out, "Oppstart\n").contains("Høst 2026 · 0/1"), "{out}");
    // The note (85.4 px) would end at 397.4; on 1 October the line is at 398.9, less than 3 px after it.
    let out = gantt_of(text, "2026-10-01", 600);
    assert!(!group(&out, "Oppstart\n").contains("Høst 2026 · 0/1"), "{out}");
    // Later in October it is clear of the line, right of the bar.
    let out = gantt_of(text, "2026-10-20", 600);
    assert!(group(&out, "Oppstart\n").contains("<text x=\"312\" y=\"136.5\" font-size=\"10.5\""), "{out}");
}

#[test]
fn an_empty_chart_says_so_where_the_rows_would_be() {
    let text = short_plan("Tom plan", "august 2026", "juni 2027", &[]);
    let out = gantt_of(&text, TODAY, 1200);
    assert_eq!(text_at(&out, "396", "137"), "Ingen aktiviteter.");
}

// wheel: the title, the line under it, the caption, the requirements and the hub, cut to their room.

#[test]
fn a_small_wheels_title_and_labels_are_cut_just_past_their_room() {
    // At 480 px: the title (435.5 px) over its 432, the line under it (436.7 px at 13 px) over its 432, the
    // caption (441.2 px at 12 px) over its 432, a requirement's line (424.6 px) over its 410.
    let text = "[plan]\ntitle = \"Handlingsplan for lesing og skriving\"\n\
        org = \"Beiarn kommune, skole og barnehage\"\nstart = \"august 2026\"\nend = \"juni 2027\"\n\
        owner = \"kommunalsjef\"\n\n[roles]\nkommunalsjef = \"Kommunalsjef\"\n\n\
        [[activity]]\ntitle = \"Samtale\"\nwhen = \"oktober 2026\"\nowner = \"kommunalsjef\"\nkind = \"samtale\"\n\n\
        [[recurring]]\nid = \"m\"\ntitle = \"Medarbeidersamtaler med alle ansatte i alle skolene\"\n\
        kind = \"samtale\"\nevery = \"år\"\n";
    let out = wheel_of(text, &WheelOptions { size: 480, ..WheelOptions::default() });
    assert_eq!(text_at(&out, "24", "36"), "Handlingsplan for lesing og skrivi…");
    assert_eq!(text_at(&out, "24", "58"), "Beiarn kommune, skole og barnehage · august 2026 – juni 2…");
    assert_eq!(text_at(&out, "24", "564"), "Hver aktivitet står i sin måned (august 2026 – juni 2027).");
    assert_has(&out, ">↻ Medarbeidersamtaler med alle ansatte i alle skolene — hve…</text>");
    // The hub (67 px) holds its words whole: "Årshjul" in bold at 17 px is 74 px.
    assert_eq!(text_at(&out, "240", "310"), "Årshjul");
    assert_eq!(text_at(&out, "240", "329"), "skoleåret");
}

#[test]
fn a_wheel_from_february_ends_in_january() {
    let text = short_plan("Fra februar", "februar 2026", "januar 2027", &[("Møte", "mars 2026")]);
    let out = wheel_of(&text, &WheelOptions { first_month: 2, ..WheelOptions::default() });
    assert_has(&out, ">feb – jan</text>");
}

// wheel: the rings.

#[test]
fn five_busy_roles_have_a_ring_each_and_an_idle_role_none() {
    // At 900 px there is room for five rings.
    let roles: [Role; 6] = [
        ("rektor", &[("Møte", "oktober 2026", "")]),
        ("larer", &[("Kurs", "oktober 2026", ""), ("Kurs", "mars 2027", "")]),
        ("pl", &[("Plan", "august 2026", "")]),
        ("helse", &[("Samtale", "januar 2027", "")]),
        ("ppt", &[("Tilsyn", "mai 2027", "")]),
        ("ledig", &[]),
    ];
    let text = plan_text("title = \"Roller\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &roles, "");
    let out = wheel_of(&text, &WheelOptions::default());
    for ring in [">Rektor (1)<", ">Larer (2)<", ">Pl (1)<", ">Helse (1)<", ">Ppt (1)<"] {
        assert_has(&out, ring);
    }
    assert!(!out.contains("Andre") && !out.contains("Ledig"), "{out}");
}

#[test]
fn five_kinds_fill_the_rings_and_a_sixth_group_shares_the_other_ring() {
    let kinds = [("møte", 5), ("kurs", 4), ("samling", 3), ("tilsyn", 2), ("rapport", 1)];
    let mut acts: Vec<(String, String)> = Vec::new();
    for (kind, n) in kinds {
        for k in 0..n {
            acts.push((format!("{kind} {k}"), format!("kind = \"{kind}\"")));
        }
    }
    let acts: Vec<Act> = acts.iter().map(|(t, k)| (t.as_str(), "oktober 2026", k.as_str())).collect();
    let head = "title = \"Typer\"\nstart = \"august 2026\"\nend = \"juni 2027\"";
    let opts = WheelOptions { rings: Rings::Kind, ..WheelOptions::default() };
    // Five kinds: five rings.
    let out = wheel_of(&plan_text(head, &[("pl", &acts[..])], ""), &opts);
    for ring in [">Møte (5)<", ">Kurs (4)<", ">Samling (3)<", ">Tilsyn (2)<", ">Rapport (1)<"] {
        assert_has(&out, ring);
    }
    assert!(!out.contains("Annet"), "{out}");
    // And an activity without a kind: the rarest kind joins it in the "other" ring, and says so.
    let mut more = acts.clone();
    more.push(("Uten type", "oktober 2026", ""));
    let out = wheel_of(&plan_text(head, &[("pl", &more[..])], ""), &opts);
    assert_has(&out, ">Annet: Rapport (2)<");
    assert!(!out.contains(">Rapport (1)<"), "{out}");
}

#[test]
fn a_requirement_nothing_keeps_goes_in_the_outermost_ring() {
    let roles: [Role; 2] = [("rektor", &[("Møte", "oktober 2026", "")]), ("larer", &[("Kurs", "mars 2027", "")])];
    let tail = "\n[[recurring]]\nid = \"t\"\ntitle = \"Tilsyn\"\nkind = \"tilsyn\"\nevery = \"år\"\nmonths = [3]\n";
    let text = plan_text("title = \"Krav\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &roles, tail);
    let out = wheel_of(&text, &WheelOptions::default());
    // Rektor's ring is the inner (blue), Lærer's the outer (green).
    assert_has(&out, ">Rektor (1)<");
    let legend = group(&out, "Tilsyn — ");
    assert!(legend.contains("fill=\"#dcefdc\""), "{legend}");
}

// wheel: the items.

#[test]
fn the_same_activity_every_year_keeps_a_requirement_when_any_of_them_does() {
    let acts: [Act; 2] = [("Foreldremøte", "oktober 2026", "kind = \"samling\""), ("Foreldremøte", "oktober 2027", "")];
    let tail = "\n[[recurring]]\nid = \"s\"\ntitle = \"Samling for foreldre\"\nkind = \"samling\"\nevery = \"år\"\n";
    let text = plan_text("title = \"Møter\"\nstart = \"august 2026\"\nend = \"juni 2028\"", &[("pl", &acts)], tail);
    let out = wheel_of(&text, &WheelOptions::default());
    assert!(arc_lines(&out).contains(&"↻\u{a0}2×\u{a0}Foreldre-".to_string()), "{:?}", arc_lines(&out));
}

#[test]
fn a_requirements_window_is_an_arc_per_run_of_months() {
    // From August: July and August are one run across the top, March and July two, September to November
    // one, March and October two, the whole year one.
    let windows = [("Jul-aug", "7, 8"), ("Mar-jul", "3, 7"), ("Sep-nov", "9, 10, 11"), ("Mar-okt", "3, 10")];
    let mut tail = String::new();
    for (k, (title, months)) in
        windows.iter().chain(&[("Hele året", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12")]).enumerate()
    {
        tail.push_str(&format!(
            "\n[[recurring]]\nid = \"r{k}\"\ntitle = \"{title}\"\nkind = \"k{k}\"\nevery = \"år\"\nmonths = [{months}]\n"
        ));
    }
    let acts: [Act; 1] = [("Møte", "oktober 2026", "")];
    let text = plan_text("title = \"Vinduer\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &[("pl", &acts)], &tail);
    let out = wheel_of(&text, &WheelOptions::default());
    for (title, arcs) in [("Jul-aug", 1), ("Mar-jul", 2), ("Sep-nov", 1), ("Mar-okt", 2), ("Hele året", 1)] {
        assert_eq!(out.matches(&format!("<g><title>{title}\n")).count(), arcs, "{title}");
    }
    insta::assert_snapshot!("windows_wheel", out);
}

#[test]
fn a_months_count_lists_up_to_25_of_what_it_hides() {
    // At 900 px one ring has 17 lanes: 16 activities and the count. 41 in September hide 25, 42 in October 26.
    let mut acts: Vec<(String, &str)> = (1..=41).map(|k| (format!("September {k}"), "september 2026")).collect();
    acts.extend((1..=42).map(|k| (format!("Oktober {k}"), "oktober 2026")));
    let acts: Vec<(&str, &str)> = acts.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let out = wheel_of(&short_plan("Full plan", "august 2026", "juni 2027", &acts), &WheelOptions::default());
    let september = group(&out, "September 17\nSeptember 18\n");
    assert!(september.contains("\nSeptember 41</title>"), "{september}");
    let october = group(&out, "Oktober 17\nOktober 18\n");
    assert!(october.contains("\nOktober 41\n…</title>"), "{october}");
}

#[test]
fn a_wheel_just_short_of_room_for_every_lane_hides_one_activity() {
    // At 980 px the rings have 286.7 px: 18 lanes of 15 px and three rings' padding of 6 px need 288, 1.3 more.
    // Two roles have an activity each, the third 16 in September: its ring gets 15 lanes, 14 of them for
    // activities and the last for the count of the other two.
    let september: Vec<String> = (1..=16).map(|k| format!("Møte {k}")).collect();
    let september: Vec<Act> = september.iter().map(|t| (t.as_str(), "september 2026", "")).collect();
    let roles: [Role; 3] =
        [("rektor", &september), ("larer", &[("Kurs", "mars 2027", "")]), ("helse", &[("Samtale", "mai 2027", "")])];
    let text = plan_text("title = \"Nesten\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &roles, "");
    let out = wheel_of(&text, &WheelOptions { size: 980, ..WheelOptions::default() });
    assert!(arc_lines(&out).contains(&"+2 til".to_string()), "{:?}", arc_lines(&out));
    assert_eq!(out.matches("\nseptember 2026 · Rektor").count(), 14, "{out}");
}

#[test]
fn a_squeezed_ring_counts_a_month_it_shows_nothing_of() {
    // At 900 px: the owner's 17 activities in September need 17 lanes, the teacher's two in March 2, and
    // there is room for 16. Shared out in proportion the teacher's ring gets one lane: March shows nothing
    // but the count, which says what it counts.
    let september: Vec<String> = (1..=17).map(|k| format!("Møte {k}")).collect();
    let september: Vec<Act> = september.iter().map(|t| (t.as_str(), "september 2026", "")).collect();
    let roles: [Role; 2] =
        [("rektor", &september), ("larer", &[("Kurs", "mars 2027", ""), ("Prøve", "mars 2027", "")])];
    let head = "title = \"Klemt\"\nstart = \"august 2026\"\nend = \"juni 2027\"\nowner = \"rektor\"";
    let out = wheel_of(&plan_text(head, &roles, ""), &WheelOptions::default());
    let lines = arc_lines(&out);
    assert!(lines.contains(&"2 aktiviteter".to_string()) && lines.contains(&"+3 til".to_string()), "{lines:?}");
}

#[test]
fn an_arc_centred_at_three_or_nine_oclock_reads_clockwise() {
    // From August, October–November is centred at 90°, April–May at 270°: neither is on the lower half, so
    // their labels run clockwise (the arcs' sweep flag 1), as on the upper half.
    let acts: [Act; 2] =
        [("Høstarbeid", "oktober 2026", "end = \"november 2026\""), ("Vårarbeid", "april 2027", "end = \"mai 2027\"")];
    let text = plan_text("title = \"Buer\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &[("pl", &acts)], "");
    let out = wheel_of(&text, &WheelOptions::default());
    // Clockwise, a text is turned as far as its place on the wheel; read the other way, half a turn more.
    for (title, centre) in [("Høstarbeid\n", 90.0), ("Vårarbeid\n", 270.0)] {
        let lines = wheel_lines(group(&out, title));
        let turns: Vec<f64> = lines.iter().flatten().map(|p| p.2).collect();
        assert!(!turns.is_empty() && turns.iter().all(|t| (t - centre).abs() < 60.0), "{title}: {turns:?}");
    }
}

#[test]
fn an_untitled_activity_has_its_dot_where_a_one_line_title_would_start() {
    // Alone in their months, in the same ring: the two dots are as far from the centre.
    let acts: [Act; 2] = [("A", "oktober 2026", ""), ("", "mars 2027", "id = \"uten\"")];
    let text = plan_text("title = \"Uten tittel\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &[("pl", &acts)], "");
    let out = wheel_of(&text, &WheelOptions::default());
    let radius = |title: &str| -> f64 {
        let g = group(&out, title);
        let c = &g[g.find("<circle cx=\"").unwrap() + 12..];
        let cx: f64 = c[..c.find('"').unwrap()].parse().unwrap();
        let c = &c[c.find("cy=\"").unwrap() + 4..];
        let cy: f64 = c[..c.find('"').unwrap()].parse().unwrap();
        (cx - 450.0).hypot(cy - 526.0)
    };
    assert!((radius("A\n") - radius("\n")).abs() < 0.02, "{out}");
}

#[test]
fn lanes_short_of_room_go_in_proportion_to_need_then_to_the_rings_lacking_most() {
    // At 900 px there is room for 16 lanes. September's 12 activities need 12, October's 12 and March's 4:
    // in proportion 6, 6 and 2, and the two lanes over go one each to the rings lacking most, September's
    // and October's. So each shows 6 activities and counts 6 more, and March shows one and counts 3.
    let titles = |prefix: &str, n: usize| -> Vec<String> { (1..=n).map(|k| format!("{prefix} {k}")).collect() };
    let (september, october, march) = (titles("Møte", 12), titles("Kurs", 12), titles("Dag", 4));
    let a: Vec<Act> = september.iter().map(|t| (t.as_str(), "september 2026", "")).collect();
    let b: Vec<Act> = october.iter().map(|t| (t.as_str(), "oktober 2026", "")).collect();
    let c: Vec<Act> = march.iter().map(|t| (t.as_str(), "mars 2027", "")).collect();
    let roles: [Role; 3] = [("rektor", &a), ("larer", &b), ("helse", &c)];
    let text = plan_text("title = \"Fordelt\"\nstart = \"august 2026\"\nend = \"juni 2027\"", &roles, "");
    let out = wheel_of(&text, &WheelOptions::default());
    let lines = arc_lines(&out);
    assert_eq!(lines.iter().filter(|l| *l == "+6 til").count(), 2, "{lines:?}");
    assert!(lines.contains(&"+3 til".to_string()), "{lines:?}");
}

/// The lines of an activity's label in the wheel, put together from their pieces as a reader would: a piece that
/// starts at its point continues the word before it.
fn label_lines(svg: &str, title: &str) -> Vec<String> {
    joined(wheel_lines(group(svg, &format!("{title}\n"))))
}

#[test]
fn a_word_too_long_for_its_line_breaks_where_a_syllable_starts() {
    for (word, size, lines) in [
        // After a vowel the "s" starts the syllable: not "Utviklingspros-jekt".
        ("Utviklingsprosjekt", 900, ["Utviklingspro-", "sjekt"]),
        // Only where the rest is all letters, so after the slash; two letters may stand before the hyphen.
        ("Kartleggingsprøver/nasjonale", 900, ["Kartleggingsprøver/na-", "sjonale"]),
        // The same after a mark in front.
        ("#Elevundersøkelsen", 700, ["#Elevunder-", "søkelsen"]),
        // At the word's own hyphen, which needs no room for another.
        ("Kick-off-samling", 552, ["Kick-off-", "samling"]),
    ] {
        let text = short_plan("Ord", "august 2026", "juni 2027", &[(word, "oktober 2026")]);
        let out = wheel_of(&text, &WheelOptions { size, ..WheelOptions::default() });
        assert_eq!(label_lines(&out, word), lines, "{word} at {size} px");
    }
}

/// Writes the Beiarn pictures for the README: `cargo test --test svg -- --ignored`.
#[test]
#[ignore]
fn write_beiarn_pictures() {
    let (source, plan) = load(&root().join("examples/beiarn-progress.toml"));
    let view = View::new(&plan, &source, Lang::Nb, today());
    let dir = root().join("docs/img");
    std::fs::create_dir_all(&dir).unwrap();
    for (file, out, width) in [
        ("beiarn-gantt.png", svg::gantt(&view, &GanttOptions::default()), 1200),
        // As `implan wheel` draws it: the school year of today.
        (
            "beiarn-wheel.png",
            svg::wheel(
                &view,
                &WheelOptions { span: WheelSpan::school_year(2026, Lang::Nb), ..WheelOptions::default() },
            ),
            900,
        ),
    ] {
        let pixmap = check_and_render(file, &out, width);
        pixmap.save_png(dir.join(file)).unwrap();
    }
}

#[test]
fn the_binary_draws_the_rings_it_is_asked_for() {
    let (source, plan) = load(&root().join("examples/beiarn-progress.toml"));
    let view = View::new(&plan, &source, Lang::Nb, today());
    let path = root().join("examples/beiarn-progress.toml");
    let today = today().to_string();
    for (arg, rings) in [("role", Rings::Role), ("kind", Rings::Kind)] {
        let args = ["wheel", path.to_str().unwrap(), "--lang", "nb", "--today", &today, "--rings", arg, "--whole"];
        let o = common::command(&args).output().expect("implan runs");
        assert!(o.status.success(), "--rings {arg}: {}", common::stderr(&o));
        let expected = svg::wheel(&view, &WheelOptions { rings, ..WheelOptions::default() });
        assert_eq!(common::stdout(&o).trim_end(), expected.trim_end(), "--rings {arg}");
    }
}

/// A Gantt chart of a span: its months on the axis, only the phases with work in it, each bar cut at the edges.
#[test]
fn a_gantt_chart_of_a_span_shows_its_months_and_the_work_in_them() {
    let text = "[plan]\ntitle = \"T\"\nstart = \"2026-01\"\nend = \"2028-12\"\n[roles]\npl = \"P\"\n\
        [[phase]]\nid = \"a\"\nname = \"Fase A\"\nperiod = \"2026\"\n\
        [[phase.activity]]\ntitle = \"Tidlig\"\nwhen = \"2026-03\"\nowner = \"pl\"\n\
        [[phase]]\nid = \"b\"\nname = \"Fase B\"\nperiod = \"2026 – 2027\"\n\
        [[phase.activity]]\ntitle = \"Lenge\"\nwhen = \"2026-10\"\nend = \"2027-10\"\nowner = \"pl\"\n\
        [[phase.activity]]\ntitle = \"Vår\"\nwhen = \"2027-03\"\nowner = \"pl\"\n";
    let (source, plan) = load_text(Path::new("span.toml"), text);
    let view = View::new(&plan, &source, Lang::Nb, day("2027-01-15"));
    let span = (day("2026-08-01"), day("2027-07-31"));
    let out = svg::gantt(&view, &GanttOptions { width: 1200, span: Some(span) });
    check_and_render("gantt span", &out, 1200);
    assert!(!out.contains("Tidlig") && !out.contains("Fase A"), "no work of phase A in the span");
    assert!(out.contains("Lenge") && out.contains("Vår") && out.contains("Fase B"));
    assert_has(&out, "T</text>");
    assert_has(&out, "august 2026 – juli 2027");
    // Twelve month labels, August to July; and the bar that runs on to October 2027 ends at the axis's edge.
    let doc = roxmltree::Document::parse(&out).unwrap();
    let months: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("y") == Some("115"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(months.first().copied(), Some("aug"), "{months:?}");
    assert_eq!(months.len(), 12, "{months:?}");
    let x1 = 1200.0 - 24.0;
    let lenge = group(&out, "Lenge");
    let lenge = format!("{lenge}</g>");
    let rect = roxmltree::Document::parse(&lenge).unwrap();
    let bar = rect.descendants().find(|n| n.has_tag_name("rect")).expect("a bar");
    let (x, w): (f64, f64) =
        (bar.attribute("x").unwrap().parse().unwrap(), bar.attribute("width").unwrap().parse().unwrap());
    assert!((x + w - x1).abs() < 0.01, "the bar is cut at the right edge: {x} + {w}");
    // Without a span, the whole plan.
    let whole = svg::gantt(&view, &GanttOptions::default());
    assert!(whole.contains("Tidlig") && whole.contains("januar 2026 – desember 2028"));
}

/// Without `--whole` the binary draws one school year: today's, or the one asked for, or the span given.
#[test]
fn the_binary_draws_one_school_year_at_a_time() {
    let (source, plan) = load(&root().join("examples/beiarn-progress.toml"));
    let path = root().join("examples/beiarn-progress.toml");
    let wheel = |extra: &[&str], today: &str| {
        let mut args = vec!["wheel", path.to_str().unwrap(), "--lang", "nb", "--today", today];
        args.extend(extra);
        let o = common::command(&args).output().expect("implan runs");
        assert!(o.status.success(), "{extra:?}: {}", common::stderr(&o));
        common::stdout(&o).trim_end().to_string()
    };
    let year = |y: i32, today: &str| {
        let view = View::new(&plan, &source, Lang::Nb, day(today));
        let span = WheelSpan::school_year(y, Lang::Nb);
        svg::wheel(&view, &WheelOptions { span, ..WheelOptions::default() }).trim_end().to_string()
    };
    assert_eq!(wheel(&[], "2027-03-01"), year(2026, "2027-03-01"), "today's school year");
    for y in ["2027/28", "2027/2028", "skoleåret 2027/28", "2027-28"] {
        assert_eq!(wheel(&["--year", y], "2027-03-01"), year(2027, "2027-03-01"), "--year {y}");
    }
    // Today before or after the plan: its first or last school year (the plan runs March 2026 – December 2028).
    assert_eq!(wheel(&[], "2020-01-01"), year(2025, "2020-01-01"));
    assert_eq!(wheel(&[], "2035-01-01"), year(2028, "2035-01-01"));
    let view = View::new(&plan, &source, Lang::Nb, day("2027-03-01"));
    let span =
        svg::WheelSpan { from: day("2027-01-01"), to: day("2027-12-31"), label: "januar – desember 2027".into() };
    let expected = svg::wheel(&view, &WheelOptions { span: Some(span), ..WheelOptions::default() });
    assert_eq!(wheel(&["--from", "januar 2027", "--to", "desember 2027"], "2027-03-01"), expected.trim_end());
    for (bad, says) in [
        (&["--year", "2026"][..], "--year: '2026' er ikke et skoleår"),
        (&["--year", "2026/28"][..], "--year: '2026/28' er ikke et skoleår"),
        (&["--year", "høst 2026"][..], "--year: 'høst 2026' er ikke et skoleår"),
        (&["--from", "2027-05", "--to", "2027-01"][..], "2027-01-31"),
        (&["--year", "2026/27", "--whole"][..], "--whole"),
    ] {
        let mut args = vec!["wheel", path.to_str().unwrap(), "--lang", "nb"];
        args.extend(bad);
        let o = common::command(&args).output().expect("implan runs");
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(common::stderr(&o).contains(says), "{bad:?}: {}", common::stderr(&o));
    }
}
