//! `implan gantt|wheel -o x.png|x.pdf` and `implan report -o x.pdf`: the pictures as PNG and PDF and the
//! report as PDF, read back by independent readers —
//! Python's Pillow for the PNG, poppler's `pdfinfo`, `pdffonts` and `pdftotext` for the PDF (README, "Tests":
//! `.ci/run` installs them; a test without them fails).

mod common;

use common::{TempDir, command, stderr, stdout};
use std::process::Command;

const BEIARN: &str = "plans/beiarn-omni.toml";
const TODAY: &str = "2026-11-30";

/// Runs implan and asserts it succeeded and said what it wrote.
fn write(args: &[&str], file: &str) {
    let o = command(args).output().expect("implan runs");
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    assert_eq!(stdout(&o), format!("skrev {file}\n"), "{args:?}");
}

/// What a program of poppler's prints about `pdf`.
fn poppler(program: &str, pdf: &str) -> String {
    let args: &[&str] = if program == "pdftotext" { &["-raw", pdf, "-"] } else { &[pdf] };
    let o = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} (poppler-utils) is not installed: {e}"));
    assert!(o.status.success(), "{program} {pdf}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

/// A line of `pdfinfo`: its value after "Name:".
fn info(pdf: &str, name: &str) -> String {
    let out = poppler("pdfinfo", pdf);
    let line = out.lines().find(|l| l.starts_with(&format!("{name}:"))).unwrap_or_else(|| panic!("no {name}: {out}"));
    line[name.len() + 1..].trim().to_string()
}

/// Pillow's reading of a PNG: its format, size, mode, and how many of its colours are neither white nor grey.
fn pillow(png: &str) -> (String, u32, u32, String, usize) {
    let script = "import sys\nfrom PIL import Image\nim = Image.open(sys.argv[1])\nim.load()\n\
        rgb = im.convert('RGB')\n\
        colours = {c for _, c in rgb.getcolors(1 << 24) if max(c) - min(c) > 40}\n\
        print(im.format, im.width, im.height, im.mode, len(colours))";
    let o = Command::new("python3").args(["-c", script, png]).output().expect("python3 runs");
    assert!(
        o.status.success(),
        "Pillow (pip install pillow) cannot read {png}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let parts: Vec<&str> = out.split_whitespace().collect();
    (parts[0].into(), parts[1].parse().unwrap(), parts[2].parse().unwrap(), parts[3].into(), parts[4].parse().unwrap())
}

#[test]
fn a_png_is_the_picture_at_twice_its_pixels_by_default_and_at_the_dpi_asked_for() {
    let dir = TempDir::new("png");
    let (default, small) = (dir.path("hjul.png"), dir.path("hjul-96.png"));
    write(&["wheel", BEIARN, "--today", TODAY, "-o", &default], &default);
    write(&["wheel", BEIARN, "--today", TODAY, "-o", &small, "--dpi", "96"], &small);
    let svg = stdout(&command(&["wheel", BEIARN, "--today", TODAY]).output().unwrap());
    let height: u32 = svg.split(" height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    let (format, width, h, mode, colours) = pillow(&default);
    assert_eq!((format.as_str(), width, h, mode.as_str()), ("PNG", 1800, 2 * height, "RGBA"));
    // The wheel's months, rings and kinds of activity: many colours, not a blank or a grey page.
    assert!(colours > 50, "{colours} colours");
    let (_, width, h, _, _) = pillow(&small);
    assert_eq!((width, h), (900, height));
}

#[test]
fn a_pdf_is_a_tagged_page_with_its_text_as_text_in_implans_own_font() {
    let dir = TempDir::new("pdf");
    let pdf = dir.path("hjul.pdf");
    write(&["wheel", BEIARN, "--today", TODAY, "-o", &pdf], &pdf);
    assert_eq!(info(&pdf, "Pages"), "1");
    assert_eq!(info(&pdf, "Page size"), "900 x 1214 pts");
    assert_eq!(info(&pdf, "Tagged"), "yes");
    assert_eq!(
        info(&pdf, "Title"),
        "Omni-modellen i Beiarn kommune – implementeringsplan – Årshjul, skoleåret 2026/27"
    );
    // Selectable text: the months and the labels as the picture wrote them.
    let text = poppler("pdftotext", &pdf);
    for words in ["August", "Årshjul", "Planleggingsdag med", "Hver aktivitet står i sin måned"] {
        assert!(text.contains(words), "no {words:?} in {text}");
    }
    // Every font embedded, and only DejaVu Sans: the same on every machine.
    let fonts = poppler("pdffonts", &pdf);
    let faces: Vec<(&str, &str)> = fonts
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols[0].split('+').nth(1).unwrap(), cols[cols.len() - 5])
        })
        .collect();
    let mut names: Vec<&str> = faces.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    assert_eq!(names, ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"], "{fonts}");
    assert!(faces.iter().all(|(_, embedded)| *embedded == "yes"), "{fonts}");
}

#[test]
fn a_gantt_pdf_on_paper_is_a_landscape_sheet() {
    let dir = TempDir::new("paper");
    for (paper, size) in [("a4", "841.89 x 595.276 pts (A4)"), ("a3", "1190.55 x 841.89 pts (A3)")] {
        let pdf = dir.path(&format!("gantt-{paper}.pdf"));
        write(&["gantt", BEIARN, "--today", TODAY, "-o", &pdf, "--paper", paper], &pdf);
        assert_eq!(info(&pdf, "Page size"), size);
        let text = poppler("pdftotext", &pdf);
        assert!(text.contains("Oppstartsfase") && text.contains("Implementeringsfase 1"), "{text}");
    }
}

#[test]
fn format_wins_over_the_extension_and_other_extensions_are_svg() {
    let dir = TempDir::new("format");
    let (png_named_svg, svg_named_x) = (dir.path("bilde.svg"), dir.path("bilde.bilde"));
    write(&["gantt", BEIARN, "--today", TODAY, "-o", &png_named_svg, "--format", "png"], &png_named_svg);
    assert_eq!(&std::fs::read(&png_named_svg).unwrap()[..4], b"\x89PNG");
    write(&["gantt", BEIARN, "--today", TODAY, "-o", &svg_named_x], &svg_named_x);
    assert!(std::fs::read_to_string(&svg_named_x).unwrap().starts_with("<?xml"));
    let upper = dir.path("BILDE.PDF");
    write(&["gantt", BEIARN, "--today", TODAY, "-o", &upper], &upper);
    assert_eq!(&std::fs::read(&upper).unwrap()[..5], b"%PDF-");
}

#[test]
fn png_and_pdf_need_a_file_and_a_picture_too_large_is_refused() {
    for (args, said) in [
        (vec!["gantt", BEIARN, "--format", "png"], "feil: PNG skrives til en fil: legg til -o FIL.png\n"),
        (
            vec!["wheel", BEIARN, "--format", "pdf", "--lang", "en"],
            "error: PDF is written to a file: add -o FILE.pdf\n",
        ),
        (
            vec!["gantt", BEIARN, "--paper", "a4"],
            "feil: --paper gjelder bare PDF: skriv til -o FIL.pdf, eller ta bort --paper\n",
        ),
        (
            vec!["gantt", BEIARN, "--paper", "a3", "-o", "gantt.png", "--lang", "nn"],
            "feil: --paper gjeld berre PDF: skriv til -o FIL.pdf, eller ta bort --paper\n",
        ),
    ] {
        let o = command(&args).output().unwrap();
        assert_eq!((o.status.code(), stderr(&o).as_str(), stdout(&o).as_str()), (Some(2), said, ""), "{args:?}");
    }
    let dir = TempDir::new("large");
    let png = dir.path("stor.png");
    let o = command(&["gantt", BEIARN, "-o", &png, "--width", "4000", "--dpi", "1200"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("piksler er flere enn et bilde kan ha (67108864): velg lavere --dpi"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.join("stor.png").exists());
}

/// The headings of the HTML report, in order, as a reader reads them.
fn html_headings(html: &str) -> Vec<(u8, String)> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("h1, h2, h3").unwrap();
    doc.select(&selector).map(|h| (h.value().name()[1..].parse().unwrap(), h.text().collect::<String>())).collect()
}

/// pdftotext's reading of a PDF with each run of white space as one space, for finding text that wraps.
fn flat_text(pdf: &str) -> String {
    poppler("pdftotext", pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_report_as_pdf_has_the_htmls_sections_in_order_tagged_in_implans_font() {
    let dir = TempDir::new("report-pdf");
    let mut plans: Vec<String> = std::fs::read_dir(common::root().join("plans"))
        .unwrap()
        .map(|e| format!("plans/{}", e.unwrap().file_name().to_str().unwrap()))
        .collect();
    plans.push("examples/beiarn-progress.toml".into());
    for plan in &plans {
        let pdf = dir.path(&format!("{}.pdf", plan.replace('/', "-")));
        // In the plan's language: "skrev" in Bokmål, "skreiv" in Nynorsk.
        let o = command(&["report", plan, "--today", TODAY, "-o", &pdf]).output().unwrap();
        assert!(o.status.success() && stdout(&o).ends_with(&format!(" {pdf}\n")), "{plan}: {}", stderr(&o));
        let html = stdout(&command(&["report", plan, "--today", TODAY]).output().unwrap());
        let headings = html_headings(&html);
        // Every heading of the HTML, in the same order: pdftotext reads the pages in order.
        let text = flat_text(&pdf);
        let mut at = 0;
        for (_, heading) in &headings {
            let heading = heading.split_whitespace().collect::<Vec<_>>().join(" ");
            let found = text[at..].find(&heading).unwrap_or_else(|| panic!("{plan}: no {heading:?} after {at}"));
            at += found + heading.len();
        }
        assert_eq!(info(&pdf, "Tagged"), "yes", "{plan}");
        assert_eq!(info(&pdf, "Title"), headings[0].1, "{plan}");
        // The structure a screen reader moves through: a heading element for each heading, lists, tables with
        // headers where the HTML has them, and the pictures as figures with their text alternative.
        let raw = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
        for level in 1..=3u8 {
            let html_count = headings.iter().filter(|(l, _)| *l == level).count();
            assert_eq!(raw.matches(&format!("/S/H{level}/")).count(), html_count, "{plan}: H{level}");
        }
        let figures = html.matches("<figure>").count();
        assert_eq!(raw.matches("/S/Figure/").count(), figures, "{plan}");
        assert_eq!(raw.matches("/S/TH/").count(), html.matches("<th ").count(), "{plan}");
        for tag in ["/S/Table/", "/S/TD/", "/S/L/", "/S/LI/", "/S/LBody/", "/StructTreeRoot", "/Lang(", "/Outlines"] {
            assert!(raw.contains(tag), "{plan}: no {tag}");
        }
        let fonts = poppler("pdffonts", &pdf);
        assert!(fonts.lines().skip(2).all(|l| l.contains("DejaVuSans") && l.contains(" yes ")), "{plan}: {fonts}");
    }
}

#[test]
fn the_report_pdf_is_a4_with_the_gantt_chart_on_landscape_pages_at_9_points() {
    let dir = TempDir::new("report-pages");
    let pdf = dir.path("rapport.pdf");
    write(&["report", BEIARN, "--today", TODAY, "--pdf", "-o", &pdf], &pdf);
    let o = Command::new("pdfinfo").args(["-f", "1", "-l", "99", &pdf]).output().expect("pdfinfo");
    let sizes: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| l.split("size:").nth(1).unwrap().trim().to_string())
        .collect();
    let (portrait, landscape) = ("595.276 x 841.89 pts (A4)", "841.89 x 595.276 pts (A4)");
    assert_eq!(sizes[0], portrait);
    let gantt: Vec<usize> = (0..sizes.len()).filter(|&i| sizes[i] == landscape).collect();
    // The Beiarn chart is split by phase: consecutive landscape pages, every other page portrait A4.
    assert!(gantt.len() >= 2 && gantt.windows(2).all(|w| w[1] == w[0] + 1), "{sizes:?}");
    assert!(sizes.iter().all(|s| s == portrait || s == landscape), "{sizes:?}");
    // Every activity of the plan has its row on one of those pages.
    let pages = Command::new("pdftotext")
        .args(["-f", &(gantt[0] + 1).to_string(), "-l", &(gantt[gantt.len() - 1] + 1).to_string(), &pdf, "-"])
        .output()
        .unwrap();
    let pages = String::from_utf8(pages.stdout).unwrap();
    for phase in ["Oppstartsfase", "Implementeringsfase 1", "Implementeringsfase 2", "Oppfølging og vedlikehold"] {
        assert!(pages.contains(phase), "no {phase} on the Gantt pages: {pages}");
    }
}

#[test]
fn a_report_pdf_needs_a_file_and_the_flag_wins_over_the_extension() {
    let o = command(&["report", BEIARN, "--pdf"]).output().unwrap();
    let said = "feil: PDF skrives til en fil: legg til -o FIL.pdf\n";
    assert_eq!((o.status.code(), stderr(&o).as_str(), stdout(&o).as_str()), (Some(2), said, ""));
    let dir = TempDir::new("report-flag");
    let (named_html, upper) = (dir.path("rapport.html"), dir.path("RAPPORT.PDF"));
    write(&["report", BEIARN, "--today", TODAY, "--pdf", "-o", &named_html], &named_html);
    assert_eq!(&std::fs::read(&named_html).unwrap()[..5], b"%PDF-");
    write(&["report", BEIARN, "--today", TODAY, "-o", &upper], &upper);
    assert_eq!(&std::fs::read(&upper).unwrap()[..5], b"%PDF-");
    let html = dir.path("rapport2.html");
    write(&["report", BEIARN, "--today", TODAY, "-o", &html], &html);
    assert!(std::fs::read_to_string(&html).unwrap().starts_with("<!DOCTYPE html>"));
}
