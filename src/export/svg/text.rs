//! Text in the pictures: escaping, numbers, the widths of letters, cutting a label to fit.

use super::FONT_FAMILY;
use crate::when::last_day_of_month;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// Escapes text for XML content and attribute values; a line break of the picture's own (in a tooltip) stays.
pub(super) fn esc(s: &str) -> String {
    crate::escape::xml_lines(s)
}

/// A coordinate with at most two decimals, without trailing zeros: "12", "12.5", "-3.25".
pub(super) fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 {
        "0".to_string()
    } else if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// One line of text: runs of white space (newlines in multi-line titles) become one space.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A character's advance in DejaVu Sans, in ems, rounded up into a few classes.
pub(super) fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | 'J' | '\'' | '|' | '.' | ',' | ':' | ';' | '·' => 0.34,
        ' ' | '\u{a0}' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' | '"' | '!' => 0.46,
        '–' | '§' | '*' => 0.5,
        '?' => 0.64,
        'm' | 'w' | 'M' | 'W' | 'æ' | 'Æ' | '—' | '…' | '%' | '@' => 1.0,
        'A'..='Z' | 'Ø' | 'Å' | 'Ä' | 'Ö' | 'Ü' | 'É' => 0.79,
        c if c.is_alphanumeric() => 0.64,
        _ => 0.84,
    }
}

/// The width of a text in pixels at a font size, from DejaVu Sans's advances (bold is about a tenth wider).
pub(super) fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(char_em).sum::<f64>() * size;
    if bold { w * 1.13 } else { w }
}

/// The text cut to `max` pixels, ending in "…" when cut; empty when not even one letter and "…" fit.
pub(super) fn fit(s: &str, max: f64, size: f64, bold: bool) -> String {
    if text_width(s, size, bold) <= max {
        return s.to_string();
    }
    let ellipsis = text_width("…", size, bold);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width(&c.to_string(), size, bold);
        if w + cw + ellipsis > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    let kept = out.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '–' | '-' | '·'));
    if kept.is_empty() {
        return String::new();
    }
    format!("{kept}…")
}

/// A `<text>` element; `attrs` holds further attributes, each with a leading space.
pub(super) fn text(x: f64, y: f64, size: f64, attrs: &str, content: &str) -> String {
    format!("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{attrs}>{}</text>", num(x), num(y), num(size), esc(content))
}

/// A `<title>` for hover, when there is anything to say.
pub(super) fn tooltip(s: &str) -> String {
    if s.is_empty() { String::new() } else { format!("<title>{}</title>", esc(s)) }
}

pub(super) fn days_in_month(d: NaiveDate) -> f64 {
    last_day_of_month(d.year(), d.month()).map_or(30.0, |e| e.day() as f64)
}

/// "Oktober" from "oktober": labels start with a capital letter.
pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(super) fn svg_open(out: &mut String, width: f64, height: f64, title: &str) {
    let (w, h) = (num(width), num(height));
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n{}\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        tooltip(title)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_with_an_ellipsis_and_escaped() {
        let long = "Personaldag: fordypning i Omni-trappa – forebygging og håndtering av mobbing";
        let cut = fit(long, 120.0, 12.0, false);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 12.0, false) <= 120.0);
        assert_eq!(fit("Kort", 120.0, 12.0, false), "Kort");
        assert_eq!(fit("Kort", 2.0, 12.0, false), "");
        // No dangling separator before the ellipsis.
        assert_eq!(fit("Møte 1 – oppstart", text_width("Møte 1 – o", 12.0, false), 12.0, false), "Møte 1…");
        assert_eq!(esc("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.23456), "1.23");
    }

    /// Advances of DejaVu Sans, in ems, read from the font itself (the pictures are laid out for it).
    fn dejavu_advances(chars: &str) -> Vec<(char, f64)> {
        use resvg::usvg::fontdb;
        use skrifa::{FontRef, MetadataProvider, instance::LocationRef, instance::Size};
        // implan's own copy, which the PNG and PDF draw with.
        let db = crate::export::picture::fonts();
        let query = fontdb::Query { families: &[fontdb::Family::Name("DejaVu Sans")], ..fontdb::Query::default() };
        let id = db.query(&query).expect("implan carries DejaVu Sans");
        db.with_face_data(id, |data, index| {
            let font = FontRef::from_index(data, index).expect("DejaVu Sans reads as a font");
            let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
            let em = f64::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
            let advance = |c: char| {
                let glyph = font.charmap().map(c).unwrap_or_else(|| panic!("DejaVu Sans has no {c:?}"));
                f64::from(metrics.advance_width(glyph).expect("an advance")) / em
            };
            chars.chars().map(|c| (c, advance(c))).collect()
        })
        .expect("the font's data")
    }

    #[test]
    fn text_widths_are_the_fonts_rounded_up_a_little() {
        // Every letter, digit and mark a Norwegian plan's titles use: no estimate is narrower than the font (a
        // cut text would overflow its box), none more than a quarter of an em wider (text would be cut early).
        let chars = "abcdefghijklmnopqrstuvwxyzæøåäöüéABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉ0123456789 \u{a0}\
                     .,:;!?'\"()[]/-–—…%@&#+=<>§·|↻*";
        for (c, advance) in dejavu_advances(chars) {
            let estimate = char_em(c);
            assert!(
                estimate >= advance && estimate - advance <= 0.25,
                "{c:?}: estimated {estimate} em, is {advance:.3}"
            );
        }
        // A text is its letters side by side, at the font size; bold about a tenth wider.
        assert_eq!(text_width("ab", 10.0, false), (char_em('a') + char_em('b')) * 10.0);
        assert_eq!(text_width("ab", 10.0, true), (char_em('a') + char_em('b')) * 10.0 * 1.13);
    }

    #[test]
    fn a_cut_text_keeps_every_letter_that_fits_before_the_ellipsis() {
        let (a, ellipsis) = (text_width("a", 10.0, false), text_width("…", 10.0, false));
        // Exactly room for "a…": it is kept.
        assert_eq!(fit("abc", 0.0 + a + ellipsis, 10.0, false), "a…");
        assert_eq!(fit("abc", a + ellipsis - 0.01, 10.0, false), "");
    }
}
