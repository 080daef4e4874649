//! The report as a PDF that implan makes itself (krilla), tagged for accessibility and validated as PDF/UA-1:
//! the same sections in the same order as the HTML, on A4 pages, with headings, lists and tables a screen
//! reader can move through, the pictures as figures whose alternative text is their title, an outline, and
//! the plan's language.
//!
//! Laying out comes first and draws nothing: it yields pages of drawing operations and a tree of the
//! document's structure that points at them. Painting then turns both into PDF.

use super::layout::{self, Face};
use super::{Block, CellContent, Document, Figure, Item, ListKind, Part, PartKind, Run, Style, Table, Tone};
use crate::export::picture::{FACES, PictureError};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, BBox, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use resvg::usvg;
use std::num::NonZeroU16;

const MM: f32 = 72.0 / 25.4;
/// A4 portrait, in points.
const A4: (f32, f32) = (210.0 * MM, 297.0 * MM);
/// The margin on every side, as in the HTML's print style.
const MARGIN: f32 = 15.0 * MM;
const BODY: f32 = 10.0;
/// A line's height, in multiples of its text's size.
const LEADING: f32 = 1.4;
/// The padding inside a table cell, left and right, and above and below.
const PAD: (f32, f32) = (5.0, 3.0);
/// The indent of a list's items, where their bullet or box stands.
const INDENT: f32 = 16.0;
/// A progress bar's width.
const BAR: f32 = 90.0;

/// An sRGB colour, the same as the HTML's style sheet uses for the same thing.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Colour(u8, u8, u8);

const INK: Colour = Colour(0x22, 0x22, 0x22);
const META: Colour = Colour(0x55, 0x55, 0x55);
const GREEN: Colour = Colour(0x2e, 0x7d, 0x32);
const RED: Colour = Colour(0xb3, 0x26, 0x1e);
const GREY: Colour = Colour(0x66, 0x66, 0x66);
const PURPLE: Colour = Colour(0x7b, 0x1f, 0xa2);
const AMBER: Colour = Colour(0x8a, 0x6d, 0x00);
const BLUE: Colour = Colour(0x3b, 0x6e, 0xa5);
const RULE: Colour = Colour(0xdd, 0xdd, 0xdd);
const BAR_BACK: Colour = Colour(0xe6, 0xe6, 0xe6);
const BAR_FILL: Colour = Colour(0x3c, 0x8d, 0x40);

/// How a tone looks: its colour, and its second sign (bold for overdue, struck through for cancelled; done
/// work has a ticked box in a checklist), so colour is never the only carrier.
fn look(tone: Tone) -> (Colour, Face, bool) {
    match tone {
        Tone::Plain => (INK, Face::Regular, false),
        Tone::Meta => (META, Face::Regular, false),
        Tone::Done => (GREEN, Face::Regular, false),
        Tone::Overdue => (RED, Face::Bold, false),
        Tone::Cancelled => (GREY, Face::Regular, true),
        Tone::Postponed => (PURPLE, Face::Regular, false),
        Tone::Error => (RED, Face::Bold, false),
        Tone::Warning => (AMBER, Face::Bold, false),
    }
}

/// A piece of text as drawn: plan text with every control, bidirectional and invisible character made
/// visible, as on a terminal.
#[derive(Clone, Debug)]
struct Styled {
    text: String,
    face: Face,
    colour: Colour,
    strike: bool,
}

fn styled(runs: &[Run], tone: Tone) -> Vec<Styled> {
    let (colour, face, strike) = look(tone);
    runs.iter()
        .map(|r| {
            let (face, colour) = match r.style {
                Style::Strong => (Face::Bold, colour),
                Style::Meta => (face, META),
                Style::Code => (Face::Oblique, colour),
                Style::Plain | Style::Link(_) => (face, colour),
            };
            Styled { text: crate::escape::visible(&r.text).into_owned(), face, colour, strike }
        })
        .collect()
}

/// One drawing operation on a page; `node` is the structure element it belongs to, `None` for an artifact
/// (rules, bars, page numbers, a repeated table header) that a screen reader skips.
#[derive(Debug)]
enum Op {
    Text { x: f32, y: f32, size: f32, face: Face, colour: Colour, text: String, node: Option<usize> },
    Rect { x: f32, y: f32, w: f32, h: f32, colour: Colour },
    Picture { figure: usize, x: f32, y: f32, scale: f32, node: usize },
}

#[derive(Debug)]
struct Page {
    size: (f32, f32),
    ops: Vec<Op>,
}

/// A structure element of the tagged PDF.
#[derive(Debug)]
enum Kind {
    Document,
    Section,
    Heading(u8, String),
    P,
    L(ListNumbering),
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure(String, usize, Rect),
}

#[derive(Debug)]
enum Child {
    Node(usize),
    /// The content drawn by operation `.1` on page `.0`.
    Content(usize, usize),
}

#[derive(Debug)]
struct Node {
    kind: Kind,
    children: Vec<Child>,
}

/// An outline entry: a heading's level and text, where it is.
#[derive(Debug)]
struct Mark {
    level: u8,
    text: String,
    page: usize,
    y: f32,
}

/// The pages laid out so far and the structure pointing into them.
struct Writer {
    pages: Vec<Page>,
    /// Where the next line's top goes, from the top of the page.
    y: f32,
    /// Whether the page holds anything but headings: a part that wants a page of its own takes this one if not.
    body_on_page: bool,
    nodes: Vec<Node>,
    pictures: Vec<usvg::Tree>,
    marks: Vec<Mark>,
}

/// The report as a tagged PDF (PDF/UA-1).
pub fn pdf(doc: &Document) -> Result<Vec<u8>, PictureError> {
    let mut w = Writer::new();
    for part in &doc.parts {
        w.part(0, part)?;
    }
    let title = crate::escape::visible(&doc.title).into_owned();
    w.page_numbers(&title);
    w.paint(&title, doc.lang.code())
}

impl Writer {
    fn new() -> Writer {
        let root = Node { kind: Kind::Document, children: Vec::new() };
        let mut w = Writer {
            pages: Vec::new(),
            y: 0.0,
            body_on_page: false,
            nodes: vec![root],
            pictures: Vec::new(),
            marks: Vec::new(),
        };
        w.new_page(false);
        w
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page")
    }

    fn width(&self) -> f32 {
        self.pages.last().expect("a page").size.0 - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.pages.last().expect("a page").size.1 - MARGIN
    }

    fn new_page(&mut self, landscape: bool) {
        let size = if landscape { (A4.1, A4.0) } else { A4 };
        self.pages.push(Page { size, ops: Vec::new() });
        (self.y, self.body_on_page) = (MARGIN, false);
    }

    /// Goes on to a new page unless `height` more fits on this one (or nothing is on it yet).
    fn room(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN {
            self.next_page();
        }
    }

    /// A new page turned as this one is.
    fn next_page(&mut self) {
        let (width, height) = self.pages.last().expect("a page").size;
        self.new_page(width > height);
    }

    fn node(&mut self, parent: usize, kind: Kind) -> usize {
        self.nodes.push(Node { kind, children: Vec::new() });
        let id = self.nodes.len() - 1;
        self.nodes[parent].children.push(Child::Node(id));
        id
    }

    fn op(&mut self, op: Op) {
        let node = match &op {
            Op::Text { node, .. } => *node,
            Op::Picture { node, .. } => Some(*node),
            Op::Rect { .. } => None,
        };
        let page = self.pages.len() - 1;
        let index = self.page().ops.len();
        self.page().ops.push(op);
        if let Some(node) = node {
            self.nodes[node].children.push(Child::Content(page, index));
        }
    }

    fn part(&mut self, parent: usize, part: &Part) -> Result<(), PictureError> {
        let landscape = part.kind != PartKind::Sheet
            && part.blocks.iter().any(|b| match b {
                Block::Figure(f) => f.landscape,
                Block::Part(p) => p.kind == PartKind::Sheet,
                _ => false,
            });
        let years = part.blocks.iter().any(|b| matches!(b, Block::Part(p) if p.kind == PartKind::Year));
        // The Gantt chart on landscape pages of its own, the årshjul from a new page, each year on its own.
        if landscape || (part.kind == PartKind::Sheet && self.body_on_page) {
            self.new_page(true);
        } else if (years || part.kind == PartKind::Year) && self.body_on_page {
            self.new_page(false);
        }
        let node = self.node(parent, Kind::Section);
        for block in &part.blocks {
            self.block(node, block)?;
        }
        if landscape {
            // What follows goes on a portrait page again.
            self.new_page(false);
        }
        Ok(())
    }

    fn block(&mut self, parent: usize, block: &Block) -> Result<(), PictureError> {
        match block {
            Block::Heading(level, text) => self.heading(parent, *level, text),
            Block::Paragraph(tone, runs) => {
                let node = self.node(parent, Kind::P);
                let x = MARGIN;
                let width = self.width();
                self.text(node, &styled(runs, *tone), x, width, BODY);
                self.y += BODY * 0.6;
            }
            Block::List(kind, items) => self.list(parent, *kind, items),
            Block::Table(table) => self.table(parent, table),
            Block::Figure(figure) => self.figure(parent, figure)?,
            Block::Part(part) => self.part(parent, part)?,
        }
        Ok(())
    }

    /// A heading, kept with at least three lines of what follows it.
    fn heading(&mut self, parent: usize, level: u8, text: &str) {
        let size = match level {
            1 => 20.0,
            2 => 14.0,
            _ => 11.5,
        };
        let before = if level == 1 { 0.0 } else { size };
        self.room(before + size * LEADING + 3.0 * BODY * LEADING);
        if self.y > MARGIN {
            self.y += before;
        }
        let text = crate::escape::visible(text).into_owned();
        let node = self.node(parent, Kind::Heading(level, text.clone()));
        let page = self.pages.len() - 1;
        self.marks.push(Mark { level, text: text.clone(), page, y: self.y });
        let piece = Styled { text, face: Face::Bold, colour: INK, strike: false };
        let width = self.width();
        self.text(node, &[piece], MARGIN, width, size);
        if level == 2 {
            self.op(Op::Rect { x: MARGIN, y: self.y + 1.0, w: width, h: 1.5, colour: BLUE });
            self.y += 4.0;
        }
        self.y += BODY * 0.4;
    }

    /// Lines of styled text from `x`, at most `width` wide, each line going to a new page where it must.
    fn text(&mut self, node: usize, pieces: &[Styled], x: f32, width: f32, size: f32) {
        let runs: Vec<(&str, Face)> = pieces.iter().map(|p| (p.text.as_str(), p.face)).collect();
        for line in layout::lines(&runs, size, width) {
            self.room(size * LEADING);
            let baseline = self.y + size * (LEADING + 0.75) / 2.0;
            for piece in line {
                let style = &pieces[piece.run];
                self.op(Op::Text {
                    x: x + piece.x,
                    y: baseline,
                    size,
                    face: style.face,
                    colour: style.colour,
                    text: piece.text,
                    node: Some(node),
                });
                if style.strike {
                    let (y, w) = (baseline - size * 0.3, piece.width);
                    self.op(Op::Rect { x: x + piece.x, y, w, h: size * 0.07, colour: style.colour });
                }
            }
            self.y += size * LEADING;
        }
        if !matches!(self.nodes[node].kind, Kind::Heading(..)) {
            self.body_on_page = true;
        }
    }

    fn list(&mut self, parent: usize, kind: ListKind, items: &[Item]) {
        let numbering = if kind == ListKind::Checklist { ListNumbering::None } else { ListNumbering::Disc };
        let list = self.node(parent, Kind::L(numbering));
        let width = self.width() - INDENT;
        for item in items {
            self.room(BODY * LEADING);
            let li = self.node(list, Kind::LI);
            let label = self.node(li, Kind::Lbl);
            let sign = match (kind, item.tone) {
                (ListKind::Bullets, _) => "•",
                (ListKind::Checklist, Tone::Done) => "☑",
                (ListKind::Checklist, _) => "☐",
            };
            let (colour, ..) = look(item.tone);
            let top = self.y;
            let sign = Styled { text: sign.into(), face: Face::Regular, colour, strike: false };
            self.text(label, &[sign], MARGIN + 2.0, INDENT, BODY);
            self.y = top;
            let body = self.node(li, Kind::LBody);
            self.text(body, &styled(&item.runs, item.tone), MARGIN + INDENT, width, BODY);
            self.y += BODY * 0.2;
        }
        self.y += BODY * 0.4;
    }

    fn table(&mut self, parent: usize, table: &Table) {
        let cells: Vec<Vec<Content>> = table.rows.iter().map(|row| row.iter().map(Content::of).collect()).collect();
        let head: Vec<Content> = table.head.iter().map(|h| Content::head(h)).collect();
        let columns = cells.first().map_or(head.len(), Vec::len);
        let widths = column_widths(&head, &cells, columns, self.width());
        let node = self.node(parent, Kind::Table);
        let head_height = row_height(&head, &widths);
        if !head.is_empty() {
            self.row(node, &head, &widths, true, head_height);
        }
        for row in &cells {
            let height = row_height(row, &widths);
            if self.y + height > self.bottom() && self.y > MARGIN {
                self.next_page();
                if !head.is_empty() {
                    // The header again on the new page, for the eye only: it is in the structure once.
                    self.row(usize::MAX, &head, &widths, true, head_height);
                }
            }
            self.row(node, row, &widths, false, height);
        }
        self.y += BODY * 0.8;
    }

    /// One row of cells, and the rule under it. `table` is `usize::MAX` for a repeated header.
    fn row(&mut self, table: usize, row: &[Content], widths: &[f32], header: bool, height: f32) {
        let top = self.y;
        let tr = if table == usize::MAX { None } else { Some(self.node(table, Kind::TR)) };
        let mut x = MARGIN;
        for (content, &w) in row.iter().zip(widths) {
            self.y = top + PAD.1;
            let cell = tr.map(|tr| self.node(tr, if header { Kind::TH } else { Kind::TD }));
            match content {
                Content::Bar(pct) => {
                    let y = top + PAD.1 + BODY * 0.3;
                    self.op(Op::Rect { x: x + PAD.0, y, w: BAR, h: BODY * 0.9, colour: BAR_BACK });
                    let filled = BAR * (*pct).min(100) as f32 / 100.0;
                    if filled > 0.0 {
                        self.op(Op::Rect { x: x + PAD.0, y, w: filled, h: BODY * 0.9, colour: BAR_FILL });
                    }
                }
                Content::Text(pieces) => match cell {
                    Some(cell) => self.text(cell, pieces, x + PAD.0, w - 2.0 * PAD.0, BODY),
                    None => self.artifact_text(pieces, x + PAD.0, w - 2.0 * PAD.0),
                },
            }
            x += w;
        }
        self.y = top + height;
        self.op(Op::Rect { x: MARGIN, y: self.y - 0.5, w: x - MARGIN, h: 0.75, colour: RULE });
        self.body_on_page = true;
    }

    fn artifact_text(&mut self, pieces: &[Styled], x: f32, width: f32) {
        let runs: Vec<(&str, Face)> = pieces.iter().map(|p| (p.text.as_str(), p.face)).collect();
        for line in layout::lines(&runs, BODY, width) {
            let baseline = self.y + BODY * (LEADING + 0.75) / 2.0;
            for piece in line {
                let style = &pieces[piece.run];
                let (face, colour) = (style.face, style.colour);
                self.op(Op::Text {
                    x: x + piece.x,
                    y: baseline,
                    size: BODY,
                    face,
                    colour,
                    text: piece.text,
                    node: None,
                });
            }
            self.y += BODY * LEADING;
        }
    }

    /// A picture, as large as the page's width and the rest of its height allow (never larger than drawn).
    fn figure(&mut self, parent: usize, figure: &Figure) -> Result<(), PictureError> {
        let tree = crate::export::picture::tree(&figure.svg)?;
        let alt = crate::export::picture::title(&figure.svg).unwrap_or_default();
        let (w, h) = (tree.size().width(), tree.size().height());
        let width = self.width();
        let mut scale = (width / w).min((self.bottom() - self.y) / h).min(1.0);
        if scale < 0.5 * (width / w).min(1.0) && self.body_on_page {
            // Too little of the page is left: the picture goes on the next, where it is larger.
            self.next_page();
            scale = (self.width() / w).min((self.bottom() - self.y) / h).min(1.0);
        }
        let x = MARGIN + (self.width() - w * scale) / 2.0;
        let page = self.pages.len() - 1;
        let rect = Rect::from_xywh(x, self.y, w * scale, h * scale)
            .ok_or(PictureError::TooLarge { width: w as u32, height: h as u32 })?;
        let node = self.node(parent, Kind::Figure(crate::escape::visible(&alt).into_owned(), page, rect));
        self.pictures.push(tree);
        let figure = self.pictures.len() - 1;
        self.op(Op::Picture { figure, x, y: self.y, scale, node });
        self.y += h * scale + BODY;
        self.body_on_page = true;
        Ok(())
    }

    /// "3 / 9" at the foot of every page, and the plan's title where it fits beside it.
    fn page_numbers(&mut self, title: &str) {
        let count = self.pages.len();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let (width, height) = page.size;
            let y = height - MARGIN / 2.0;
            let number = format!("{} / {count}", i + 1);
            let size = 8.0;
            let w = layout::width(&number, Face::Regular, size);
            let at =
                |x: f32, text: String| Op::Text { x, y, size, face: Face::Regular, colour: META, text, node: None };
            page.ops.push(at(width - MARGIN - w, number));
            if layout::width(title, Face::Regular, size) < (width - 2.0 * MARGIN) * 0.75 {
                page.ops.push(at(MARGIN, title.to_string()));
            }
        }
    }

    fn paint(self, title: &str, lang: &str) -> Result<Vec<u8>, PictureError> {
        let fonts: Vec<Font> = FACES
            .iter()
            .map(|data| Font::new((*data).into(), 0).ok_or_else(|| PictureError::Pdf("a font did not load".into())))
            .collect::<Result<_, _>>()?;
        let mut document = krilla::Document::new_with(crate::export::picture::settings()?);
        let mut ids: Vec<Vec<Option<Identifier>>> = Vec::new();
        for page in &self.pages {
            let size = Size::from_wh(page.size.0, page.size.1).expect("a page has a size");
            let mut pdf_page = document.start_page_with(PageSettings::new(size));
            let mut surface = pdf_page.surface();
            let mut drawn = Vec::new();
            for op in &page.ops {
                drawn.push(paint_op(&mut surface, op, &fonts, &self.pictures)?);
            }
            surface.finish();
            pdf_page.finish();
            ids.push(drawn);
        }
        document.set_tag_tree(tag_tree(&self.nodes, &ids));
        document.set_outline(outline(&self.marks));
        let metadata = Metadata::new().title(title.to_string()).language(lang.to_string());
        document.set_metadata(metadata.creator(crate::export::picture::creator()));
        document.finish().map_err(|e| PictureError::Pdf(format!("{e:?}")))
    }
}

/// Draws one operation; the identifier of tagged content, for the structure tree.
fn paint_op(
    surface: &mut Surface,
    op: &Op,
    fonts: &[Font],
    pictures: &[usvg::Tree],
) -> Result<Option<Identifier>, PictureError> {
    let artifact = || ContentTag::Artifact(Artifact::new(ArtifactType::Other, None));
    match op {
        Op::Text { x, y, size, face, colour, text, node } => {
            let tag = if node.is_some() { ContentTag::Span(SpanTag::empty()) } else { artifact() };
            let id = surface.start_tagged(tag);
            surface.set_fill(Some(fill(*colour)));
            let font = fonts[face.index()].clone();
            surface.draw_text(Point::from_xy(*x, *y), font, *size, text, false, TextDirection::LeftToRight);
            surface.end_tagged();
            Ok(node.map(|_| id))
        }
        Op::Rect { x, y, w, h, colour } => {
            surface.start_tagged(artifact());
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            surface.set_fill(Some(fill(*colour)));
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
            surface.end_tagged();
            Ok(None)
        }
        Op::Picture { figure, x, y, scale, .. } => {
            let tree = &pictures[*figure];
            let size = Size::from_wh(tree.size().width(), tree.size().height()).expect("a picture has a size");
            let id = surface.start_tagged(ContentTag::Other);
            surface.push_transform(&Transform::from_row(*scale, 0.0, 0.0, *scale, *x, *y));
            let drawn = krilla_svg::SurfaceExt::draw_svg(surface, tree, size, krilla_svg::SvgSettings::default());
            surface.pop();
            surface.end_tagged();
            drawn.ok_or_else(|| PictureError::Pdf("a picture could not be drawn".into()))?;
            Ok(Some(id))
        }
    }
}

fn fill(c: Colour) -> Fill {
    Fill { paint: rgb::Color::new(c.0, c.1, c.2).into(), ..Fill::default() }
}

/// The structure tree: every node's tag, with the content drawn for it in order.
fn tag_tree(nodes: &[Node], ids: &[Vec<Option<Identifier>>]) -> TagTree {
    fn group(nodes: &[Node], ids: &[Vec<Option<Identifier>>], at: usize) -> TagGroup {
        let mut g = TagGroup::new(tag(&nodes[at].kind));
        for child in &nodes[at].children {
            match *child {
                Child::Node(n) => g.push(group(nodes, ids, n)),
                Child::Content(page, op) => {
                    if let Some(id) = ids[page][op] {
                        g.push(id);
                    }
                }
            }
        }
        g
    }
    let mut tree = TagTree::new();
    for child in &nodes[0].children {
        if let Child::Node(n) = *child {
            tree.push(group(nodes, ids, n));
        }
    }
    tree
}

fn tag(kind: &Kind) -> TagKind {
    match kind {
        Kind::Document | Kind::Section => Tag::Section.into(),
        Kind::Heading(level, text) => {
            Tag::Hn(NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN), Some(text.clone())).into()
        }
        Kind::P => Tag::P.into(),
        Kind::L(numbering) => Tag::L(*numbering).into(),
        Kind::LI => Tag::LI.into(),
        Kind::Lbl => Tag::Lbl.into(),
        Kind::LBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::TR => Tag::TR.into(),
        Kind::TH => Tag::TH(TableHeaderScope::Column).into(),
        Kind::TD => Tag::TD.into(),
        Kind::Figure(alt, page, rect) => Tag::Figure(Some(alt.clone())).with_bbox(Some(BBox::new(*page, *rect))).into(),
    }
}

/// The outline (bookmarks): the sections, and the roles and school years under theirs.
fn outline(marks: &[Mark]) -> Outline {
    let mut outline = Outline::new();
    let mut section: Option<OutlineNode> = None;
    let entry = |m: &Mark| OutlineNode::new(m.text.clone(), XyzDestination::new(m.page, Point::from_xy(MARGIN, m.y)));
    for m in marks {
        if m.level <= 2 {
            if let Some(done) = section.take() {
                outline.push_child(done);
            }
            section = Some(entry(m));
        } else if let Some(s) = section.as_mut() {
            s.push_child(entry(m));
        }
    }
    if let Some(done) = section {
        outline.push_child(done);
    }
    outline
}

/// A cell's content as laid out.
enum Content {
    Text(Vec<Styled>),
    Bar(usize),
}

impl Content {
    fn of(cell: &super::Cell) -> Content {
        match &cell.content {
            CellContent::Runs(runs) => Content::Text(styled(runs, cell.tone)),
            CellContent::When(when) => Content::Text(styled(&[super::run(when.replace(' ', "\u{a0}"))], cell.tone)),
            CellContent::Bar(pct) => Content::Bar(*pct),
        }
    }

    fn head(text: &str) -> Content {
        let text = crate::escape::visible(text).into_owned();
        Content::Text(vec![Styled { text, face: Face::Bold, colour: INK, strike: false }])
    }

    /// The widest the cell wants to be (all on one line) and the narrowest it can be (its longest word), with
    /// its padding.
    fn widths(&self) -> (f32, f32) {
        match self {
            Content::Bar(_) => (BAR + 2.0 * PAD.0, BAR + 2.0 * PAD.0),
            Content::Text(pieces) => {
                let natural: f32 = pieces.iter().map(|p| layout::width(&p.text, p.face, BODY)).sum();
                let words = pieces.iter().flat_map(|p| p.text.split(' ').map(|w| layout::width(w, p.face, BODY)));
                (natural + 2.0 * PAD.0, words.fold(0.0, f32::max) + 2.0 * PAD.0)
            }
        }
    }

    fn lines(&self, width: f32) -> usize {
        match self {
            Content::Bar(_) => 1,
            Content::Text(pieces) => {
                let runs: Vec<(&str, Face)> = pieces.iter().map(|p| (p.text.as_str(), p.face)).collect();
                layout::lines(&runs, BODY, width - 2.0 * PAD.0).len()
            }
        }
    }
}

fn row_height(row: &[Content], widths: &[f32]) -> f32 {
    let lines = row.iter().zip(widths).map(|(c, &w)| c.lines(w)).max().unwrap_or(1);
    lines as f32 * BODY * LEADING + 2.0 * PAD.1
}

/// Each column's width: as wide as its widest cell wants when all fit, else each at least its longest word
/// and the rest shared by how much more each wants.
fn column_widths(head: &[Content], rows: &[Vec<Content>], columns: usize, total: f32) -> Vec<f32> {
    let (mut natural, mut least) = (vec![0.0f32; columns], vec![0.0f32; columns]);
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        for (i, c) in row.iter().enumerate().take(columns) {
            let (n, l) = c.widths();
            natural[i] = natural[i].max(n);
            least[i] = least[i].max(l).min(total / columns as f32);
        }
    }
    share(&natural, &least, total)
}

/// Widths that add up to `total`: `natural` grown in proportion when it is narrower; else `least` and the room
/// left shared by what each wants beyond it.
fn share(natural: &[f32], least: &[f32], total: f32) -> Vec<f32> {
    let sum: f32 = natural.iter().sum();
    if sum <= total && sum > 0.0 {
        return natural.iter().map(|n| n / sum * total).collect();
    }
    let room = total - least.iter().sum::<f32>();
    let want: f32 = natural.iter().zip(least).map(|(n, l)| n - l).sum();
    natural
        .iter()
        .zip(least)
        .map(|(n, l)| if want > 0.0 { l + (n - l) / want * room } else { total / natural.len() as f32 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(w: &Writer, page: usize, tagged: bool) -> Vec<String> {
        let ops = w.pages[page].ops.iter();
        ops.filter_map(|op| match op {
            Op::Text { text, node, .. } if node.is_some() == tagged => Some(text.clone()),
            _ => None,
        })
        .collect()
    }

    fn laid_out(parts: Vec<Part>) -> Writer {
        let mut w = Writer::new();
        for part in &parts {
            w.part(0, part).unwrap();
        }
        w
    }

    fn plain(text: &str) -> Vec<Super> {
        vec![super::super::run(text)]
    }

    type Super = super::super::Run;

    #[test]
    fn a_long_table_goes_on_over_pages_with_its_header_again_for_the_eye_only() {
        let rows = (0..80).map(|i| vec![super::super::cell(Tone::Plain, plain(&format!("rad {i}")))]).collect();
        let table = Table { head: vec!["Aktivitet".into()], rows };
        let w = laid_out(vec![Part { id: None, kind: PartKind::Section, blocks: vec![Block::Table(table)] }]);
        assert!(w.pages.len() >= 2, "{}", w.pages.len());
        // Every row once, in order, tagged; the header tagged once, drawn again as an artifact on later pages.
        let tagged: Vec<String> = (0..w.pages.len()).flat_map(|p| text_of(&w, p, true)).collect();
        let mut expected = vec!["Aktivitet".to_string()];
        expected.extend((0..80).map(|i| format!("rad {i}")));
        assert_eq!(tagged, expected);
        for page in 1..w.pages.len() {
            let artifacts = text_of(&w, page, false);
            assert_eq!(artifacts, ["Aktivitet"], "page {page}");
        }
        // Nothing below the bottom margin.
        for page in &w.pages {
            for op in &page.ops {
                if let Op::Text { y, .. } = op {
                    assert!(*y <= page.size.1 - MARGIN, "{op:?}");
                }
            }
        }
    }

    #[test]
    fn each_year_and_each_gantt_sheet_has_a_page_of_its_own_turned_its_way() {
        let svg = |w: u32, h: u32| {
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><title>T</title></svg>")
        };
        let page_part = |kind, heading: &str, figure: Figure| {
            Block::Part(Part { id: None, kind, blocks: vec![Block::Heading(3, heading.into()), Block::Figure(figure)] })
        };
        let sheets = vec![
            Block::Heading(2, "Gantt".into()),
            page_part(PartKind::Sheet, "A", Figure { svg: svg(1000, 500), landscape: true }),
            page_part(PartKind::Sheet, "B", Figure { svg: svg(1000, 500), landscape: true }),
        ];
        let years = vec![
            Block::Heading(2, "Årshjul".into()),
            page_part(PartKind::Year, "2026/27", Figure { svg: svg(720, 970), landscape: false }),
            page_part(PartKind::Year, "2027/28", Figure { svg: svg(720, 970), landscape: false }),
        ];
        let intro = Block::Paragraph(Tone::Plain, plain("Først"));
        let w = laid_out(vec![
            Part { id: None, kind: PartKind::Section, blocks: vec![intro] },
            Part { id: None, kind: PartKind::Section, blocks: sheets },
            Part { id: None, kind: PartKind::Section, blocks: years },
        ]);
        let pages: Vec<(bool, Vec<String>)> =
            (0..w.pages.len()).map(|p| (w.pages[p].size.0 > w.pages[p].size.1, text_of(&w, p, true))).collect();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            pages,
            [
                (false, s(&["Først"])),
                (true, s(&["Gantt", "A"])),
                (true, s(&["B"])),
                (false, s(&["Årshjul", "2026/27"])),
                (false, s(&["2027/28"])),
            ]
        );
        // A sheet's chart is as wide as the landscape page allows, its 12-pixel text at 9 points.
        let scale = w.pages[1].ops.iter().find_map(|op| match op {
            Op::Picture { scale, .. } => Some(*scale),
            _ => None,
        });
        assert!(scale.is_some_and(|s| (s * 12.0 - 9.0).abs() < 0.2), "{scale:?}");
    }

    #[test]
    fn widths_share_the_page() {
        // All fit: each grows in proportion.
        assert_eq!(share(&[100.0, 300.0], &[50.0, 50.0], 800.0), [200.0, 600.0]);
        // Too wide: each keeps its least and gets a share of the rest by what it wants beyond.
        assert_eq!(
            share(&[100.0, 700.0], &[50.0, 50.0], 400.0),
            [50.0 + 50.0 / 700.0 * 300.0, 50.0 + 650.0 / 700.0 * 300.0]
        );
        assert_eq!(share(&[0.0, 0.0], &[0.0, 0.0], 400.0), [200.0, 200.0]);
    }
}
