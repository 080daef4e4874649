//! Legends: a small picture before each entry, entries flowing left to right.

use super::text::{fit, num, text, text_width};
use super::{INK, MUTED, TODAY};
use std::fmt::Write;

/// A small picture before a legend entry.
pub(super) enum Swatch {
    /// A bar in a colour, struck through when cancelled.
    Bar(&'static str, bool),
    Dot(&'static str),
    Diamond(&'static str),
    /// A ring's band.
    Band(&'static str, &'static str),
    TodayLine,
    TodayMark,
    Window,
    Symbol(&'static str),
}

impl Swatch {
    /// Draws the swatch in the 16 × 12 box whose left edge is `x` and whose middle is at `y`.
    pub(super) fn draw(&self, x: f64, y: f64) -> String {
        let (cx, top) = (x + 8.0, y - 6.0);
        match self {
            Swatch::Bar(fill, strike) => {
                let mut s = format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"10\" rx=\"2\" fill=\"{fill}\"/>",
                    num(x),
                    num(y - 5.0)
                );
                if *strike {
                    let _ = write!(
                        s,
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#616161\" stroke-width=\"1.2\"/>",
                        num(x - 1.0),
                        num(y),
                        num(x + 17.0),
                        num(y)
                    );
                }
                s
            }
            Swatch::Dot(fill) => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                num(cx),
                num(y)
            ),
            Swatch::Diamond(fill) => diamond(cx, y, 6.0, fill),
            Swatch::Band(light, strong) => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"12\" rx=\"2\" fill=\"{light}\" stroke=\"{strong}\" \
                 stroke-width=\"1.5\"/>",
                num(x),
                num(top)
            ),
            Swatch::TodayLine => format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TODAY}\" stroke-width=\"2\"/>",
                num(cx),
                num(top - 1.0),
                num(cx),
                num(top + 13.0)
            ),
            Swatch::TodayMark => format!(
                "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{TODAY}\"/>",
                num(cx),
                num(y + 5.0),
                num(cx - 6.0),
                num(y - 6.0),
                num(cx + 6.0),
                num(y - 6.0)
            ),
            Swatch::Window => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"11\" fill=\"#ffffff\" stroke=\"{MUTED}\" \
                 stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>",
                num(x),
                num(y - 5.5)
            ),
            Swatch::Symbol(s) => text(cx, y + 4.5, 13.0, &format!(" text-anchor=\"middle\" fill=\"{INK}\""), s),
        }
    }
}

pub(super) fn diamond(cx: f64, cy: f64, r: f64, fill: &str) -> String {
    format!(
        "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
        num(cx),
        num(cy - r),
        num(cx + r),
        num(cy),
        num(cx),
        num(cy + r),
        num(cx - r),
        num(cy)
    )
}

/// Lays out legend entries left to right from `(x0, y)`, breaking lines before `x1`. Returns the baseline of the
/// last line.
pub(super) fn legend_flow(out: &mut String, entries: &[(Swatch, String)], x0: f64, x1: f64, y: f64) -> f64 {
    const SIZE: f64 = 12.0;
    let mut x = x0;
    let mut y = y;
    for (swatch, label) in entries {
        let label = fit(label, x1 - x0 - 22.0, SIZE, false);
        let w = 22.0 + text_width(&label, SIZE, false);
        if x > x0 && x + w > x1 {
            x = x0;
            y += 20.0;
        }
        out.push_str(&swatch.draw(x, y - 4.0));
        out.push_str(&text(x + 22.0, y, SIZE, &format!(" fill=\"{INK}\""), &label));
        out.push('\n');
        x += w + 18.0;
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legend_label_is_cut_to_the_legends_width() {
        let long = "Personaldag: fordypning i Omni-trappa – forebygging og håndtering av mobbing i barnehagen";
        let entries = [(Swatch::Dot("#000"), long.to_string())];
        let mut out = String::new();
        let y = legend_flow(&mut out, &entries, 100.0, 300.0, 50.0);
        // The swatch takes 22 pixels of the 200: the label gets the rest.
        let shown = fit(long, 178.0, 12.0, false);
        assert!(shown.ends_with('…') && text_width(&shown, 12.0, false) > 150.0, "{shown}");
        assert!(out.contains(&format!(">{shown}</text>")), "{out}");
        assert_eq!(y, 50.0);
    }

    /// Where each text of an SVG fragment starts: its x and y.
    fn text_places(svg: &str) -> Vec<(String, String)> {
        let attr = |t: &str, name: &str| {
            t.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().to_string()
        };
        svg.split("<text").skip(1).map(|t| (attr(t, "x"), attr(t, "y"))).collect()
    }

    #[test]
    fn legend_entries_flow_left_to_right_and_wrap_before_the_edge() {
        let entry = |label: &str| (Swatch::Dot("#000"), label.to_string());
        let width = |label: &str| 22.0 + text_width(label, 12.0, false);
        // Two entries that end exactly at the right edge share a line; the first entry, however wide, never
        // moves down; the second starts its swatch 18 pixels after the first's label.
        let exact = 10.0 + width("Plan") + 18.0 + width("Møte");
        let mut out = String::new();
        let y = legend_flow(&mut out, &[entry("Plan"), entry("Møte")], 10.0, exact, 50.0);
        assert_eq!(y, 50.0);
        let second = num(10.0 + width("Plan") + 18.0 + 22.0);
        assert_eq!(text_places(&out), [("32".to_string(), "50".to_string()), (second, "50".to_string())]);
        // A hair less room: the second entry starts the next line, 20 pixels down, at the left edge.
        let mut out = String::new();
        let y = legend_flow(&mut out, &[entry("Plan"), entry("Møte")], 10.0, exact - 0.01, 50.0);
        assert_eq!(y, 70.0);
        assert_eq!(text_places(&out), [("32".to_string(), "50".to_string()), ("32".to_string(), "70".to_string())]);
        // Narrower than a swatch: the entry still stays on the first line (moving down would not help).
        let mut out = String::new();
        assert_eq!(legend_flow(&mut out, &[entry("Plan")], 10.0, 20.0, 50.0), 50.0);
    }
}
