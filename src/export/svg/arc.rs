//! Geometry on a circle: points, arcs, sectors, and text set along an arc in straight pieces.

use super::hyphenation::wrap;
use super::text::{esc, num, text_width};
use std::fmt::Write;

/// A point at `r` from the centre, `deg` degrees clockwise from twelve o'clock.
pub(super) fn polar(cx: f64, cy: f64, r: f64, deg: f64) -> (f64, f64) {
    let t = deg.to_radians();
    (cx + r * t.sin(), cy - r * t.cos())
}

/// Arc commands from the current point (at `from` degrees) to `to` degrees, at radius `r`, in steps of at most 90°.
fn arc_to(cx: f64, cy: f64, r: f64, from: f64, to: f64) -> String {
    let steps = ((to - from).abs() / 90.0).ceil().max(1.0) as usize;
    let sweep = if to > from { 1 } else { 0 };
    let mut d = String::new();
    for k in 1..=steps {
        let a = from + (to - from) * k as f64 / steps as f64;
        let (x, y) = polar(cx, cy, r, a);
        let _ = write!(d, "A{} {} 0 0 {sweep} {} {}", num(r), num(r), num(x), num(y));
    }
    d
}

/// The path of an annular sector between radii `r0 < r1` and angles `a0 < a1`.
pub(super) fn sector(cx: f64, cy: f64, r0: f64, r1: f64, a0: f64, a1: f64) -> String {
    let (x, y) = polar(cx, cy, r1, a0);
    let (xi, yi) = polar(cx, cy, r0, a1);
    format!(
        "M{} {}{}L{} {}{}Z",
        num(x),
        num(y),
        arc_to(cx, cy, r1, a0, a1),
        num(xi),
        num(yi),
        arc_to(cx, cy, r0, a1, a0)
    )
}

/// Where an arc's text runs: clockwise on the upper half, counter-clockwise on the lower half so that it reads
/// left to right there too. Round the whole wheel (an item of twelve months) there is no lower half to read
/// in: its text starts at the top, where its first month is, and runs clockwise.
fn reads_upside_down(a0: f64, a1: f64) -> bool {
    if a1 - a0 > 350.0 {
        return false;
    }
    let mid = ((a0 + a1) / 2.0).rem_euclid(360.0);
    mid > 90.0 && mid < 270.0
}

/// Text on an arc, centred on a line of the band `[r_lo, r_hi]`, from angle `a0` to `a1`, reading from its
/// start (the left, seen upright) at `offset` pixels. The path goes into `defs`.
pub(super) struct ArcText<'a> {
    pub(super) cx: f64,
    pub(super) cy: f64,
    pub(super) r_lo: f64,
    pub(super) r_hi: f64,
    pub(super) a0: f64,
    pub(super) a1: f64,
    pub(super) size: f64,
    pub(super) offset: f64,
    pub(super) anchor_middle: bool,
    pub(super) bold: bool,
    pub(super) attrs: &'a str,
}

impl ArcText<'_> {
    pub(super) fn baseline(&self) -> f64 {
        // Glyphs stand outward from the baseline on the upper half and inward on the lower half.
        let mid = (self.r_lo + self.r_hi) / 2.0;
        if reads_upside_down(self.a0, self.a1) { mid + 0.36 * self.size } else { mid - 0.36 * self.size }
    }

    /// The room for text along the arc, in pixels.
    pub(super) fn room(&self) -> f64 {
        self.baseline() * (self.a1 - self.a0).to_radians() - self.offset - 3.0
    }

    /// Draws the line as straight pieces, each along the chord of its part of the arc and turned to it: plain
    /// `<text>` that every renderer draws (librsvg, and the converters built on it, draw no `textPath`).
    pub(super) fn draw(&self, content: &str, out: &mut String) {
        let r = self.baseline();
        let upside_down = reads_upside_down(self.a0, self.a1);
        let parts = pieces(content, (8.0 * r * STRAY).sqrt(), self.size, self.bold);
        let Some(last) = parts.last() else { return };
        let lead = if self.anchor_middle {
            (r * (self.a1 - self.a0).to_radians() - (last.start + last.width)) / 2.0
        } else {
            self.offset
        };
        let angle_at = |t: f64| {
            let along = ((lead + t) / r).to_degrees();
            if upside_down { self.a1 - along } else { self.a0 + along }
        };
        out.push_str("<g>");
        for p in &parts {
            let (from, to) = (angle_at(p.start), angle_at(p.start + p.width));
            let (x0, y0) = polar(self.cx, self.cy, r, from);
            let (x1, y1) = polar(self.cx, self.cy, r, to);
            let (x, y, anchor) = match p.anchor {
                Anchor::Start => (x0, y0, "start"),
                Anchor::Middle => ((x0 + x1) / 2.0, (y0 + y1) / 2.0, "middle"),
                Anchor::End => (x1, y1, "end"),
            };
            let turn = (from + to) / 2.0 + if upside_down { 180.0 } else { 0.0 };
            let (x, y) = (num(x), num(y));
            let _ = write!(
                out,
                "<text x=\"{x}\" y=\"{y}\" font-size=\"{}\" text-anchor=\"{anchor}\" transform=\"rotate({} {x} {y})\"{}{}>{}</text>",
                num(self.size),
                num(turn.rem_euclid(360.0)),
                if self.bold { " font-weight=\"bold\"" } else { "" },
                self.attrs,
                esc(&p.text)
            );
        }
        out.push_str("</g>");
    }
}

/// How far a straight piece of text may stray from its circle, in pixels: at its middle, where the chord is
/// furthest inside the arc. A pixel and a half keeps a line clear of the rings and of the line beside it.
const STRAY: f64 = 1.5;

/// Which end of a piece of text is at its point. A word in two pieces has its first piece end where the second
/// starts, so that the two meet exactly whatever the font; so a piece that starts continues the word before
/// it, and a reader can put the line together.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Anchor {
    Start,
    Middle,
    End,
}

/// A straight piece of a line of text on an arc: its text, where it starts along the arc (pixels from the line's
/// start) and how wide it is.
#[derive(Debug, PartialEq)]
struct Piece {
    text: String,
    start: f64,
    width: f64,
    anchor: Anchor,
}

/// A line of text cut into pieces no wider than `most`: whole words where they fit, several to a piece, and a
/// word wider than that in two pieces that meet at a point (each may be wider than `most`).
fn pieces(content: &str, most: f64, size: f64, bold: bool) -> Vec<Piece> {
    let space = text_width(" ", size, bold);
    let mut out: Vec<Piece> = Vec::new();
    let mut run = String::new();
    let (mut at, mut run_start) = (0.0, 0.0);
    let flush = |out: &mut Vec<Piece>, run: &mut String, start: f64| {
        if !run.is_empty() {
            let width = text_width(run, size, bold);
            out.push(Piece { text: std::mem::take(run), start, width, anchor: Anchor::Middle });
        }
    };
    for word in content.split(' ').filter(|w| !w.is_empty()) {
        let width = text_width(word, size, bold);
        if !run.is_empty() && at + space + width - run_start <= most {
            run.push(' ');
            run.push_str(word);
            at += space + width;
            continue;
        }
        flush(&mut out, &mut run, run_start);
        if !out.is_empty() {
            at += space;
        }
        if width <= most {
            run.push_str(word);
            run_start = at;
            at += width;
            continue;
        }
        // Two pieces meeting at one point, whatever the font draws: a third would start where the estimated
        // width of the second ends, and a font narrower or wider than the estimate opens a gap or an overlap
        // inside the word. Split near the middle, so each half strays as little as it can.
        let mut first = String::new();
        let mut rest = word.chars();
        for c in rest.by_ref() {
            first.push(c);
            if text_width(&first, size, bold) * 2.0 >= width {
                break;
            }
        }
        let second: String = rest.collect();
        if second.is_empty() {
            out.push(Piece { text: first, start: at, width, anchor: Anchor::Middle });
            at += width;
            continue;
        }
        let first_width = text_width(&first, size, bold);
        out.push(Piece { text: first, start: at, width: first_width, anchor: Anchor::End });
        out.push(Piece { text: second, start: at + first_width, width: width - first_width, anchor: Anchor::Start });
        at += width;
    }
    flush(&mut out, &mut run, run_start);
    out
}

/// A label in an arc-shaped box, in as many lines as the box has room for, with a status dot before the first
/// line.
pub(super) struct ArcLabel<'a> {
    pub(super) cx: f64,
    pub(super) cy: f64,
    pub(super) r_lo: f64,
    pub(super) r_hi: f64,
    pub(super) a0: f64,
    pub(super) a1: f64,
    pub(super) size: f64,
    pub(super) dot: Option<&'static str>,
    pub(super) attrs: &'a str,
}

impl ArcLabel<'_> {
    /// Draws the label in the fewest lines that hold it whole, centred in the box; in all the lines there is
    /// room for when none do.
    pub(super) fn draw(&self, content: &str, out: &mut String) {
        let line_h = self.size * 1.2;
        let most = (((self.r_hi - self.r_lo - 1.0) / line_h).floor() as usize).max(1);
        let upside_down = reads_upside_down(self.a0, self.a1);
        let mid = (self.r_lo + self.r_hi) / 2.0;
        let block = |n: usize| -> Vec<ArcText> {
            (0..n)
                .map(|j| {
                    // The first line is the one nearest the top as read: the outermost on the upper half.
                    let k = (n as f64 - 1.0) / 2.0 - j as f64;
                    let centre = if upside_down { mid - k * line_h } else { mid + k * line_h };
                    ArcText {
                        cx: self.cx,
                        cy: self.cy,
                        r_lo: centre - line_h / 2.0,
                        r_hi: centre + line_h / 2.0,
                        a0: self.a0,
                        a1: self.a1,
                        size: self.size,
                        offset: if j == 0 && self.dot.is_some() { 13.0 } else { 4.0 },
                        anchor_middle: false,
                        bold: false,
                        attrs: self.attrs,
                    }
                })
                .collect()
        };
        let mut chosen = None;
        for n in 1..=most {
            let lines = block(n);
            let rooms: Vec<f64> = lines.iter().map(|l| l.room()).collect();
            let (texts, whole) = wrap(content, &rooms, self.size);
            if whole || n == most {
                chosen = Some((lines, texts));
                break;
            }
        }
        let Some((lines, texts)) = chosen else { return };
        if let Some(colour) = self.dot {
            let r = (lines[0].r_lo + lines[0].r_hi) / 2.0;
            let da = (7.0 / r).to_degrees();
            let (x, y) = polar(self.cx, self.cy, r, if upside_down { self.a1 - da } else { self.a0 + da });
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                num(x),
                num(y)
            );
        }
        for (line, content) in lines.iter().zip(texts) {
            if !content.is_empty() {
                line.draw(&content, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arcs_are_split_into_quarters_and_sectors_close() {
        let d = arc_to(0.0, 0.0, 10.0, 0.0, 360.0);
        assert_eq!(d.matches('A').count(), 4);
        assert!(sector(0.0, 0.0, 5.0, 10.0, 0.0, 30.0).ends_with('Z'));
        assert!(reads_upside_down(150.0, 210.0));
        assert!(!reads_upside_down(0.0, 30.0));
        // Twelve months less the gaps at either end: the middle is at six o'clock, yet it reads clockwise.
        assert!(!reads_upside_down(0.5, 359.5));
        assert!(reads_upside_down(15.0, 345.0));
    }

    #[test]
    fn words_that_fit_share_a_piece_and_a_long_word_is_two_pieces_meeting_at_a_point() {
        let w = |t: &str| text_width(t, 10.0, false);
        // Room for two short words, not three: two pieces, each centred on its own stretch of the line.
        let most = w("Møte med") + 0.5;
        let got = pieces("Møte med FAU", most, 10.0, false);
        let texts: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Møte med", "FAU"]);
        assert_eq!((got[0].start, got[0].width, got[0].anchor), (0.0, w("Møte med"), Anchor::Middle));
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(got[1].start, w("Møte med") + w(" ")) && close(got[1].width, w("FAU")), "{got:?}");
        assert_eq!(got[1].anchor, Anchor::Middle);
        // A word three times too wide is still two pieces: the first ends where the second starts, near the
        // word's middle, whatever the font draws.
        let word = "regelverkskompetanse";
        let got = pieces(&format!("Opplæring i {word}"), w(word) / 3.0, 10.0, false);
        let texts: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Opplæ", "ring", "i", "regelverksk", "ompetanse"]);
        let (first, second) = (&got[3], &got[4]);
        assert_eq!((first.anchor, second.anchor), (Anchor::End, Anchor::Start));
        assert!(close(first.start + first.width, second.start), "{got:?}");
        assert!(close(first.start, w("Opplæring i ")) && close(first.width + second.width, w(word)), "{got:?}");
        // A one-letter word wider than the line stays one piece, and the next word starts after it.
        let got = pieces("W a", 1.0, 10.0, false);
        assert_eq!((got.len(), got[0].anchor, got[0].text.as_str()), (2, Anchor::Middle, "W"));
        assert!(close(got[1].start, w("W ")), "{got:?}");
    }
}
