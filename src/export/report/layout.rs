//! Text set for the report's PDF: how wide a piece of text is in implan's DejaVu faces, and where lines break.
//!
//! Widths are the faces' own advances (without kerning, which only narrows DejaVu's pairs), so a line measured
//! to fit does fit when the PDF writer shapes it.

use std::sync::OnceLock;

/// One of the three faces implan carries (`assets/fonts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Face {
    Regular,
    Bold,
    Oblique,
}

impl Face {
    pub(super) fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Oblique => 2,
        }
    }
}

/// Each face's advance widths per character, in em, read once.
struct Metrics {
    faces: Vec<ttf_parser::Face<'static>>,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| Metrics {
        faces: crate::export::picture::FACES
            .iter()
            .map(|data| ttf_parser::Face::parse(data, 0).expect("implan's own fonts parse"))
            .collect(),
    })
}

/// The width of `text` in `face` at `size` points: the sum of its glyphs' advances. A character the face does
/// not have is drawn as the face's empty box, which has an advance of its own.
pub(super) fn width(text: &str, face: Face, size: f32) -> f32 {
    let units: u32 = text.chars().map(|c| advance(face, c)).sum();
    units as f32 / f32::from(metrics().faces[face.index()].units_per_em()) * size
}

/// A character's advance in font units, looked up in the face once per character of the Basic Multilingual
/// Plane and thread: a line is measured again and again as it is broken, and the face's character map is a
/// search each time. (`u16::MAX` marks a character not looked up yet; no advance is that wide.)
fn advance(face: Face, c: char) -> u32 {
    const PLANE: usize = 0x10000;
    thread_local! {
        static SEEN: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let look_up = || {
        let f = &metrics().faces[face.index()];
        f.glyph_hor_advance(f.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0))).unwrap_or(0)
    };
    let Some(at) = Some(c as usize).filter(|&i| i < PLANE).map(|i| face.index() * PLANE + i) else {
        return u32::from(look_up());
    };
    SEEN.with_borrow_mut(|seen| {
        if seen.is_empty() {
            seen.resize(3 * PLANE, u16::MAX);
        }
        if seen[at] == u16::MAX {
            seen[at] = look_up();
        }
        u32::from(seen[at])
    })
}

/// A piece of one line: text in one face, `run` the index of the run it comes from, `x` where it starts.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Piece {
    pub text: String,
    pub run: usize,
    pub x: f32,
    pub width: f32,
}

/// Breaks runs of text (each in its face) into lines no wider than `max` points: at spaces, and inside a word
/// only where the word alone is wider than a line. Spaces at a break are dropped; runs meet without a space
/// unless their text has one.
pub(super) fn lines(runs: &[(&str, Face)], size: f32, max: f32) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut x = 0.0;
    for (r, &(text, face)) in runs.iter().enumerate() {
        let space = width(" ", face, size);
        for (i, word) in text.split(' ').enumerate() {
            // A space before every word but a run's first, and none at a line's start.
            let gap = if i > 0 && x > 0.0 { space } else { 0.0 };
            if word.is_empty() {
                x += gap;
                continue;
            }
            // A word that does not fit starts the next line; one wider than a line is cut there.
            let fits = x == 0.0 || x + gap + width(word, face, size) <= max;
            if fits {
                x += gap;
            } else {
                out.push(Vec::new());
                x = 0.0;
            }
            for (k, part) in split_word(word, face, size, max).into_iter().enumerate() {
                if k > 0 {
                    out.push(Vec::new());
                    x = 0.0;
                }
                let w = width(part, face, size);
                push(out.last_mut().expect("a line"), part, r, x, w);
                x += w;
            }
        }
    }
    out
}

/// Adds a word to a line: to the piece before it when that is the same run's (two words of a run on one line
/// are the words a space parted), else as a piece of its own.
fn push(line: &mut Vec<Piece>, text: &str, run: usize, x: f32, w: f32) {
    if let Some(last) = line.last_mut()
        && last.run == run
    {
        last.text.push(' ');
        last.text.push_str(text);
        last.width = x + w - last.x;
        return;
    }
    line.push(Piece { text: text.to_string(), run, x, width: w });
}

/// A word cut into parts no wider than `max` where it is wider: a part is never empty (a character wider than a
/// line stands alone).
fn split_word(word: &str, face: Face, size: f32, max: f32) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut x) = (0, 0.0);
    for (i, c) in word.char_indices() {
        let w = width(c.encode_utf8(&mut [0; 4]), face, size);
        if x + w > max && i > start {
            parts.push(&word[start..i]);
            (start, x) = (i, 0.0);
        }
        x += w;
    }
    parts.push(&word[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Vec<Piece>]) -> Vec<String> {
        lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("|")).collect()
    }

    #[test]
    fn widths_are_the_faces_own() {
        // DejaVu Sans: "i" is narrower than "m", bold is wider than regular, and a width scales with the size.
        assert!(width("i", Face::Regular, 10.0) < width("m", Face::Regular, 10.0));
        assert!(width("Møte", Face::Bold, 10.0) > width("Møte", Face::Regular, 10.0));
        let (ten, twenty) = (width("Årshjul", Face::Oblique, 10.0), width("Årshjul", Face::Oblique, 20.0));
        assert!((twenty - 2.0 * ten).abs() < 1e-3 && ten > 30.0 && ten < 50.0, "{ten}");
        // 2048 units per em; "m" is 1995 units wide in DejaVu Sans.
        assert!((width("m", Face::Regular, 2048.0) - 1995.0).abs() < 1e-3);
        assert_eq!(width("", Face::Regular, 10.0), 0.0);
        // A character the face lacks still takes room.
        assert!(width("\u{1F600}", Face::Regular, 10.0) > 0.0);
    }

    #[test]
    fn lines_break_at_spaces_within_the_width() {
        let text = "Opplæring av alle ansatte i barnehagen";
        let max = width("Opplæring av alle", Face::Regular, 10.0) + 0.1;
        let lines = lines(&[(text, Face::Regular)], 10.0, max);
        assert_eq!(texts(&lines), ["Opplæring av alle", "ansatte i", "barnehagen"]);
        for line in &lines {
            let last = line.last().unwrap();
            assert!(last.x + last.width <= max, "{line:?}");
        }
    }

    #[test]
    fn runs_in_other_faces_share_a_line_where_they_fit() {
        let runs = [("Mars 2027 — Møte ", Face::Regular), ("(Styringsgruppe)", Face::Bold)];
        let lines = lines(&runs, 10.0, 500.0);
        assert_eq!(texts(&lines), ["Mars 2027 — Møte|(Styringsgruppe)"]);
        let bold = &lines[0][1];
        assert_eq!(bold.run, 1);
        assert!((bold.x - width("Mars 2027 — Møte ", Face::Regular, 10.0)).abs() < 1e-3, "{bold:?}");
        // Narrow: the bold run goes to the next line and starts it.
        let max = width("Mars 2027 — Møte", Face::Regular, 10.0).max(width("(Styringsgruppe)", Face::Bold, 10.0));
        let lines = super::lines(&runs, 10.0, max + 1.0);
        assert_eq!(texts(&lines), ["Mars 2027 — Møte", "(Styringsgruppe)"]);
        assert_eq!(lines[1][0].x, 0.0);
    }

    #[test]
    fn a_word_wider_than_a_line_is_cut_and_nothing_is_lost() {
        let word = "kompetanseutviklingsprogrammet";
        let max = width("kompetanse", Face::Regular, 10.0);
        let lines = lines(&[(word, Face::Regular)], 10.0, max);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(texts(&lines).concat(), word);
        assert!(lines.iter().all(|l| l[0].width <= max + 1e-3 && !l[0].text.is_empty()), "{lines:?}");
        // After a short word, the long one starts a line of its own.
        let after = super::lines(&[(&format!("a {word}"), Face::Regular)], 10.0, max);
        assert_eq!(texts(&after)[0], "a");
        assert_eq!(texts(&after)[1..], texts(&lines));
        // A line too narrow for one character still holds one per line.
        assert_eq!(texts(&super::lines(&[("ab", Face::Regular)], 10.0, 1.0)), ["a", "b"]);
    }

    #[test]
    fn a_lines_pieces_start_where_they_are_drawn_and_are_as_wide_as_their_words() {
        let (a, b, space) =
            (width("a", Face::Regular, 10.0), width("bb", Face::Regular, 10.0), width(" ", Face::Regular, 10.0));
        let lines = lines(&[("a bb", Face::Regular), (" a a", Face::Bold)], 10.0, 500.0);
        let bold_a = width("a", Face::Bold, 10.0);
        let bold_space = width(" ", Face::Bold, 10.0);
        assert_eq!(
            lines,
            [vec![
                Piece { text: "a bb".into(), run: 0, x: 0.0, width: a + space + b },
                Piece { text: "a a".into(), run: 1, x: a + space + b + bold_space, width: 2.0 * bold_a + bold_space },
            ]]
        );
        // A space at the start of a text is not drawn at the start of a line.
        assert_eq!(super::lines(&[(" a", Face::Regular)], 10.0, 500.0)[0][0].x, 0.0);
    }

    #[test]
    fn the_space_before_a_word_counts_when_it_is_placed() {
        // Room for both words but not for the space between them: two lines.
        let max = width("aaa", Face::Regular, 10.0) + width("bbb", Face::Regular, 10.0) + 0.5;
        assert_eq!(texts(&lines(&[("aaa bbb", Face::Regular)], 10.0, max)), ["aaa", "bbb"]);
        let max = max + width(" ", Face::Regular, 10.0);
        assert_eq!(texts(&lines(&[("aaa bbb", Face::Regular)], 10.0, max)), ["aaa bbb"]);
    }

    #[test]
    fn a_word_is_cut_where_the_next_letter_would_pass_the_width_not_where_it_reaches_it() {
        // At 2048 points a letter is as many points wide as it has font units: the sums are exact.
        let max = width("ab", Face::Regular, 2048.0);
        assert_eq!(split_word("abc", Face::Regular, 2048.0, max), ["ab", "c"]);
    }

    #[test]
    fn empty_text_is_one_empty_line_and_spaces_at_breaks_are_dropped() {
        assert_eq!(texts(&lines(&[("", Face::Regular)], 10.0, 100.0)), [""]);
        let lines = lines(&[("aaa  bbb", Face::Regular)], 10.0, width("aaa", Face::Regular, 10.0) + 1.0);
        assert_eq!(texts(&lines), ["aaa", "bbb"]);
    }
}
