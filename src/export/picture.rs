//! The SVG pictures as PNG (through resvg) and PDF (through krilla), for Word, PowerPoint and print.
//!
//! Both draw with the DejaVu Sans faces that implan carries (`assets/fonts`), never the machine's fonts: the
//! pictures are laid out for DejaVu Sans, and a PNG or PDF made on a laptop without it must look the same as one
//! made in CI. The PDF embeds the glyphs it uses as text (selectable and searchable) and is tagged: the picture
//! is one figure whose alternative text is the picture's title.

use krilla::Document;
use krilla::configure::{Accessibility, ConfigurationBuilder, PdfVersion, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{BBox, ContentTag, Tag, TagGroup, TagTree};
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::tiny_skia::{Pixmap, Transform as PixelTransform};
use resvg::usvg::{self, fontdb};
use std::sync::{Arc, OnceLock};

/// The faces the pictures use: regular, bold (titles, month names) and oblique (requirements, notes).
pub(crate) const FACES: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf"),
];

/// The pixels per inch of an SVG's user unit (CSS pixels), which `--dpi` is measured against.
const SVG_DPI: f32 = 96.0;

/// The DPI of a PNG when none is asked for: twice the SVG's own, so a picture 1200 pixels wide becomes 2400
/// and stays sharp on a full-HD projector and when Word or PowerPoint scale it to the slide.
pub const DEFAULT_DPI: u32 = 192;

/// The most pixels a PNG may have: 64 million (256 MB of memory while it is drawn), far more than a slide or a
/// poster at 300 dpi needs. The pixel buffer's allocator aborts the process when memory runs out rather than
/// failing, so the limit is checked before.
pub const MAX_PIXELS: u64 = 64 * 1024 * 1024;

/// Points per millimetre (a PDF's unit is the point, 1/72 inch).
const PT_PER_MM: f32 = 72.0 / 25.4;

/// The margin around a picture on a paper page, in millimetres: what office printers leave unprinted, and more.
const MARGIN_MM: f32 = 10.0;

/// A page size for the PDF: the picture, landscape, scaled to fit inside the margins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

impl Paper {
    /// Width and height in points, landscape.
    fn landscape(self) -> (f32, f32) {
        let (w, h) = match self {
            Paper::A4 => (297.0, 210.0),
            Paper::A3 => (420.0, 297.0),
        };
        (w * PT_PER_MM, h * PT_PER_MM)
    }
}

/// Why a picture could not be made. Never the plan's fault: the SVG is implan's own, so these are bugs or a
/// picture with more pixels than [`MAX_PIXELS`]; the command says which in the reader's language.
#[derive(Debug, PartialEq)]
pub enum PictureError {
    /// The SVG did not parse (a bug in the picture's writer).
    Svg(String),
    /// More pixels than [`MAX_PIXELS`] (`--dpi` or `--width` too large).
    TooLarge { width: u32, height: u32 },
    /// The PDF writer refused (a bug, or a validation failure).
    Pdf(String),
}

/// The font database of implan's own faces, made once.
pub fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            for face in FACES {
                db.load_font_data(face.to_vec());
            }
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// The picture's title (its first `<title>`), for the PDF's title and the figure's alternative text.
pub fn title(svg: &str) -> Option<String> {
    let doc = usvg::roxmltree::Document::parse(svg).ok()?;
    let title = doc.root_element().children().find(|n| n.has_tag_name("title"))?;
    title.text().map(str::to_string)
}

/// Parses one of implan's SVG pictures with implan's fonts.
pub fn tree(svg: &str) -> Result<usvg::Tree, PictureError> {
    let options = usvg::Options { fontdb: fonts(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|e| PictureError::Svg(e.to_string()))
}

/// The picture as a PNG at `dpi` pixels per inch, on its white background.
pub fn png(svg: &str, dpi: u32) -> Result<Vec<u8>, PictureError> {
    let tree = tree(svg)?;
    let scale = dpi as f32 / SVG_DPI;
    let (width, height) = pixels(tree.size(), scale)?;
    let mut pixmap = Pixmap::new(width, height).ok_or(PictureError::TooLarge { width, height })?;
    resvg::render(&tree, PixelTransform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PictureError::Svg(e.to_string()))
}

/// The width and height in pixels of a picture of `size` drawn at `scale`, if it may have that many.
fn pixels(size: usvg::Size, scale: f32) -> Result<(u32, u32), PictureError> {
    // scale_by saturates a size too large for u32 (caught below) and fails only for one of no pixels, which
    // none of implan's pictures has at the lowest --dpi: a bug, if it ever happens.
    let none = || PictureError::Svg(format!("a picture of no pixels ({size:?} at {scale})"));
    let size = size.to_int_size().scale_by(scale).ok_or_else(none)?;
    let (width, height) = (size.width(), size.height());
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PictureError::TooLarge { width, height });
    }
    Ok((width, height))
}

/// The picture as a one-page PDF: at its own size (1 pixel = 1 point) without `paper`, else centred on a
/// landscape sheet of that paper. `title` is the document's title and the figure's alternative text; `lang`
/// its language (BCP 47, "nb", "nn" or "en").
pub fn pdf(svg: &str, paper: Option<Paper>, title: &str, lang: &str) -> Result<Vec<u8>, PictureError> {
    let tree = tree(svg)?;
    let picture = Size::from_wh(tree.size().width(), tree.size().height())
        .ok_or(PictureError::TooLarge { width: tree.size().width() as u32, height: tree.size().height() as u32 })?;
    let (page, scale, offset) = placement(picture, paper);
    let mut document = Document::new_with(settings()?);
    let mut tags = TagTree::new();
    {
        let mut page = document.start_page_with(PageSettings::new(page));
        let mut surface = page.surface();
        let figure = surface.start_tagged(ContentTag::Other);
        surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, offset.0, offset.1));
        let drawn = surface.draw_svg(&tree, picture, SvgSettings::default());
        surface.pop();
        surface.end_tagged();
        surface.finish();
        page.finish();
        drawn.ok_or_else(|| PictureError::Pdf("the picture could not be drawn".into()))?;
        let (width, height) = (picture.width() * scale, picture.height() * scale);
        let bbox = Rect::from_xywh(offset.0, offset.1, width, height).map(|rect| BBox::new(0, rect));
        let mut group = TagGroup::new(Tag::Figure(Some(title.to_string())).with_bbox(bbox));
        group.push(figure);
        tags.push(group);
    }
    document.set_tag_tree(tags);
    // PDF/UA asks for an outline (bookmarks) in every document, even of one page.
    let mut outline = Outline::new();
    outline.push_child(OutlineNode::new(title.to_string(), XyzDestination::new(0, Point::from_xy(0.0, 0.0))));
    document.set_outline(outline);
    document.set_metadata(Metadata::new().title(title.to_string()).language(lang.to_string()).creator(creator()));
    document.finish().map_err(|e| PictureError::Pdf(format!("{e:?}")))
}

/// PDF/UA-1: the standard for accessible PDF, which a municipality's published documents must meet; krilla
/// turns tagging on for it and refuses to write a document that breaks it.
pub(crate) fn settings() -> Result<krilla::SerializeSettings, PictureError> {
    let configuration = ConfigurationBuilder::new()
        .with_version(PdfVersion::Pdf17)
        .set_validator(Validator::Ua(Accessibility::UA1))
        .finish()
        .map_err(|e| PictureError::Pdf(format!("{e:?}")))?;
    Ok(krilla::SerializeSettings { configuration, ..krilla::SerializeSettings::default() })
}

pub(crate) fn creator() -> String {
    format!("implan {}", env!("CARGO_PKG_VERSION"))
}

/// The page size, and the scale and offset that put the picture on it: the picture's own size without paper,
/// else the largest size that fits inside the margins, centred.
fn placement(picture: Size, paper: Option<Paper>) -> (Size, f32, (f32, f32)) {
    let Some(paper) = paper else { return (picture, 1.0, (0.0, 0.0)) };
    let (width, height) = paper.landscape();
    let margin = MARGIN_MM * PT_PER_MM;
    let scale = ((width - 2.0 * margin) / picture.width()).min((height - 2.0 * margin) / picture.height());
    let offset = ((width - picture.width() * scale) / 2.0, (height - picture.height() * scale) / 2.0);
    (Size::from_wh(width, height).expect("a paper size is positive"), scale, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" \
        viewBox=\"0 0 200 100\" font-family=\"DejaVu Sans\"><rect width=\"200\" height=\"100\" fill=\"#fff\"/>\
        <text x=\"10\" y=\"50\" font-size=\"20\">Årshjul</text></svg>";

    #[test]
    fn the_fonts_are_implans_own_three_dejavu_faces() {
        let db = fonts();
        let faces: Vec<(String, fontdb::Weight, fontdb::Style)> =
            db.faces().map(|f| (f.families[0].0.clone(), f.weight, f.style)).collect();
        assert_eq!(
            faces,
            [
                ("DejaVu Sans".to_string(), fontdb::Weight::NORMAL, fontdb::Style::Normal),
                ("DejaVu Sans".to_string(), fontdb::Weight::BOLD, fontdb::Style::Normal),
                ("DejaVu Sans".to_string(), fontdb::Weight::NORMAL, fontdb::Style::Italic),
            ]
        );
    }

    #[test]
    fn a_png_is_the_picture_scaled_by_its_dpi() {
        for (dpi, size) in [(96, (200, 100)), (192, (400, 200)), (48, (100, 50))] {
            let png = png(SVG, dpi).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            let ihdr = &png[16..24];
            let width = u32::from_be_bytes(ihdr[..4].try_into().unwrap());
            let height = u32::from_be_bytes(ihdr[4..].try_into().unwrap());
            assert_eq!((width, height), size, "{dpi} dpi");
        }
    }

    #[test]
    fn pixels_beyond_memory_are_an_error_not_a_crash() {
        // 8192 × 8192 pixels is the most; one more row is too many.
        let size = |w, h| usvg::Size::from_wh(w, h).unwrap();
        assert_eq!(pixels(size(200.0, 200.0), 8192.0 / 200.0), Ok((8192, 8192)));
        assert_eq!(pixels(size(8192.0, 8193.0), 1.0), Err(PictureError::TooLarge { width: 8192, height: 8193 }));
        assert_eq!(pixels(size(200.0, 100.0), 2.0), Ok((400, 200)));
        let huge = SVG.replace("width=\"200\" height=\"100\"", "width=\"2000000\" height=\"1000000\"");
        assert!(matches!(png(&huge, 96), Err(PictureError::TooLarge { .. })));
        // Beyond what a size can hold: the error says the most it can.
        let beyond = pixels(size(1e6, 1e6), 1e6);
        assert_eq!(beyond, Err(PictureError::TooLarge { width: u32::MAX, height: u32::MAX }));
        // No pixels at all is not "too large".
        assert!(matches!(pixels(size(1.0, 1.0), 0.1), Err(PictureError::Svg(s)) if s.contains("no pixels")));
        assert!(matches!(png("<svg", 96), Err(PictureError::Svg(_))));
    }

    #[test]
    fn the_text_is_drawn_with_implans_fonts_alone() {
        // The same picture without its text: if the text drew nothing (no font), the two would be the same.
        let blank = SVG.replace("Årshjul", "");
        assert_ne!(png(SVG, 96).unwrap(), png(&blank, 96).unwrap());
        let bold = SVG.replace("font-size=\"20\"", "font-size=\"20\" font-weight=\"bold\"");
        let oblique = SVG.replace("font-size=\"20\"", "font-size=\"20\" font-style=\"italic\"");
        let drawn = [png(SVG, 96).unwrap(), png(&bold, 96).unwrap(), png(&oblique, 96).unwrap()];
        assert!(drawn[0] != drawn[1] && drawn[0] != drawn[2] && drawn[1] != drawn[2], "three faces, three pictures");
    }

    #[test]
    fn the_title_is_the_pictures_first_title_as_a_reader_reads_it() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Plan &amp; &lt;mål&gt;</title>\
            <g><title>Aktivitet</title></g></svg>";
        assert_eq!(title(svg).as_deref(), Some("Plan & <mål>"));
        assert_eq!(title("<svg xmlns=\"http://www.w3.org/2000/svg\"><g><title>A</title></g></svg>"), None);
        assert_eq!(title("<svg"), None);
    }

    #[test]
    fn without_paper_the_page_is_the_picture() {
        let picture = Size::from_wh(200.0, 100.0).unwrap();
        assert_eq!(placement(picture, None), (picture, 1.0, (0.0, 0.0)));
    }

    #[test]
    fn on_paper_the_picture_fills_the_page_inside_the_margins_centred() {
        let margin = MARGIN_MM * PT_PER_MM;
        // Wide: the width decides, the picture is centred up and down.
        let (page, scale, (x, y)) = placement(Size::from_wh(1000.0, 100.0).unwrap(), Some(Paper::A4));
        assert!((page.width() - 841.89).abs() < 0.01 && (page.height() - 595.28).abs() < 0.01, "{page:?}");
        assert!((x - margin).abs() < 0.01 && (scale * 1000.0 + 2.0 * margin - page.width()).abs() < 0.01);
        assert!((y - (page.height() - 100.0 * scale) / 2.0).abs() < 0.01);
        // Tall: the height decides, the picture is centred left and right.
        let (page, scale, (x, y)) = placement(Size::from_wh(100.0, 1000.0).unwrap(), Some(Paper::A3));
        assert!((page.width() - 1190.55).abs() < 0.01 && (page.height() - 841.89).abs() < 0.01, "{page:?}");
        assert!((y - margin).abs() < 0.01 && (scale * 1000.0 + 2.0 * margin - page.height()).abs() < 0.01);
        assert!((x - (page.width() - 100.0 * scale) / 2.0).abs() < 0.01);
    }

    #[test]
    fn a_pdf_carries_its_title_language_and_the_text_as_text() {
        let pdf = pdf(SVG, Some(Paper::A4), "Plan – Årshjul", "nb").unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-1.7"), "{}", &text[..20]);
        let creator = format!("<xmp:CreatorTool>implan {}<", env!("CARGO_PKG_VERSION"));
        for part in
            ["/Lang(nb)", "/StructTreeRoot", "/S/Figure/", "/FontFile2", "<pdfuaid:part>1<", "/Outlines", &creator]
        {
            assert!(text.contains(part), "no {part}");
        }
        // The figure's box is where the picture is drawn: inside the margins, centred up and down.
        let bbox = text.split("/BBox[").nth(1).and_then(|rest| rest.split(']').next()).expect("a BBox");
        let bbox: Vec<f32> = bbox.split(' ').map(|n| n.parse().unwrap()).collect();
        let (_, scale, (x, y)) = placement(Size::from_wh(200.0, 100.0).unwrap(), Some(Paper::A4));
        let expected = [x, y, x + 200.0 * scale, y + 100.0 * scale];
        assert!(bbox.iter().zip(expected).all(|(a, b)| (a - b).abs() < 0.01), "{bbox:?} is not {expected:?}");
    }
}
