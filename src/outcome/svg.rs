//! The outcome picture of an export, `outcome.png`, drawn on the CPU: every outcome page of
//! [`super::pages`] (the stacks, the three lists, the shift chart, the next steps, since last time),
//! laid out exactly as on the screen, written as one SVG and rendered by `resvg` with the game's own
//! fonts. It needs no GPU, no window and no renderer, so `leerklimaat export` runs anywhere, and the
//! game renders it on a worker thread while the room's screen goes on.

use super::page_measure::{
    BODY_FONT, CARD_PAD, HEADING_FONT, LINE, POINTS_ROOM, SHIFT_LABEL_WIDTH, SHIFT_ROW, per_line,
};
use super::pages::{self, Item, Page, ShiftRow, What};
use super::present::Chart;
use super::shift_chart::Shape;
use crate::core::i18n::Texts;
use crate::core::session::{CardRef, Lang, PostItColour, Session, Stack};
use crate::table::layout::WORLD;
use crate::theme::Palette;
use bevy::color::{Color, ColorToPacked};
use bevy::math::{Rect, UVec2, Vec2};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The largest side of the picture, in pixels.
const MAX_SIDE: f32 = 8000.0;
/// Where the first line's baseline stands below the top of its line box, as a share of the font
/// size: half the line's leading and the font's ascent.
const BASELINE: f32 = (LINE - 1.0) / 2.0 + 0.82;

/// The size in pixels of the picture of `count` pages: half a 1080p page each, smaller when the grid
/// would be larger than [`MAX_SIDE`].
pub fn picture_size(count: usize) -> UVec2 {
    let bounds = pages::pages_bounds(count);
    let scale = 0.5f32.min(MAX_SIDE / bounds.width().max(bounds.height()));
    UVec2::new(
        (bounds.width() * scale).round() as u32,
        (bounds.height() * scale).round() as u32,
    )
}

/// The outcome pages of `session` as one SVG of [`picture_size`] pixels, in the world's units.
pub(crate) fn outcome_svg(session: &Session, texts: &Texts, pal: &Palette) -> String {
    let all = pages::outcome_pages(session, texts);
    let count = all.len().max(1);
    let bounds = pages::pages_bounds(count);
    let size = picture_size(count);
    let points = pages::scale_points(session);
    let stacks: Vec<(CardRef, Option<Stack>)> = crate::core::tally::tally(session)
        .cards
        .iter()
        .map(|c| (c.card.clone(), c.stack()))
        .collect();
    let mut svg = String::with_capacity(64 * 1024);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {:.0} {:.0}\" \
         font-family=\"Inter\">",
        size.x,
        size.y,
        bounds.width(),
        bounds.height()
    );
    let _ = write!(
        svg,
        "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
        hex(pal.ink_soft)
    );
    let chart = Chart::new(&points);
    for (index, page) in all.iter().enumerate() {
        let mut painter = SvgPainter {
            svg: &mut svg,
            pal,
            chart: &chart,
            points: &points,
            stacks: &stacks,
            lang: session.language,
            origin: pages::page_origin(index, count),
            bounds,
        };
        painter.page(page, texts, index, all.len());
        for item in &page.items {
            painter.item(item, texts);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The outcome picture as PNG bytes.
pub(crate) fn outcome_png(svg: &str) -> Result<Vec<u8>, String> {
    let pixmap = crate::core::fonts::render_svg(svg)?;
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        // RGB, as a photograph of the pages has no transparency: a quarter smaller than RGBA. Fast
        // compression does well on the pages' flat colours at a fraction of the default's time.
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        let mut stream = writer.stream_writer().map_err(|e| e.to_string())?;
        // Row by row, so no second copy of the picture is held. The page ground is opaque, so the
        // premultiplied pixels are the plain ones.
        let mut row = Vec::with_capacity(width as usize * 3);
        for pixels in pixmap.data().chunks_exact(width as usize * 4) {
            row.clear();
            row.extend(pixels.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]));
            stream.write_all(&row).map_err(|e| e.to_string())?;
        }
        stream.finish().map_err(|e| e.to_string())?;
    }
    Ok(bytes)
}

/// Renders an outcome SVG and writes it to `path` as a PNG, readable by the user only, as the
/// other files of an export.
pub(crate) fn write_picture(svg: &str, path: &Path) -> Result<PathBuf, String> {
    let shown = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let bytes = outcome_png(svg).map_err(|e| shown(&e))?;
    crate::core::files::write_private(path, &bytes).map_err(|e| shown(&e))?;
    Ok(path.to_path_buf())
}

/// Writes the outcome picture of a saved session, as the command-line export does, with the normal
/// palette and the session's language.
pub fn write_outcome_picture(session: &Session, path: &Path) -> Result<PathBuf, String> {
    let svg = outcome_svg(session, crate::core::i18n::texts(), &Palette::NORMAL);
    write_picture(&svg, path)
}

/// A colour as `#rrggbb`.
fn hex(c: Color) -> String {
    let [r, g, b, _] = c.to_srgba().to_u8_array();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text made safe for XML: escaped, without the control characters XML cannot hold.
fn esc(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect();
    crate::core::export::report::html_escape(&kept)
}

/// The lines `text` is wrapped into at `font` size in `width`: the same measure the layout gives
/// each item its height by, so the text fits the room it was given.
fn wrap(text: &str, font: f32, width: f32) -> Vec<String> {
    let per_line = per_line(font, width);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            let need = if used == 0 {
                word.len()
            } else {
                used + 1 + word.len()
            };
            if need <= per_line {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(word.iter());
                used = need;
                continue;
            }
            if used > 0 {
                out.push(std::mem::take(&mut line));
            }
            // A word longer than a line is broken over lines.
            while word.len() > per_line {
                out.push(word.drain(..per_line).collect());
            }
            used = word.len();
            line = word.into_iter().collect();
        }
        out.push(line);
    }
    out
}

/// What drawing one page into the SVG needs.
struct SvgPainter<'a> {
    svg: &'a mut String,
    pal: &'a Palette,
    chart: &'a Chart,
    points: &'a [i32],
    stacks: &'a [(CardRef, Option<Stack>)],
    lang: Lang,
    /// The page's centre in the world.
    origin: Vec2,
    /// The world's rectangle the picture shows.
    bounds: Rect,
}

/// Where a line of text stands horizontally on its point.
#[derive(Clone, Copy)]
enum Align {
    Start,
    Middle,
    End,
}

impl SvgPainter<'_> {
    /// A point of the page (world units from the page's centre, y up) in the SVG (y down).
    fn at(&self, v: Vec2) -> Vec2 {
        let w = self.origin + v;
        Vec2::new(w.x - self.bounds.min.x, self.bounds.max.y - w.y)
    }

    /// A filled rectangle of the page.
    fn rect(&mut self, r: Rect, colour: Color) {
        let top_left = self.at(Vec2::new(r.min.x, r.max.y));
        let _ = write!(
            self.svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            top_left.x,
            top_left.y,
            r.width(),
            r.height(),
            hex(colour)
        );
    }

    /// Lines of text, the first line box's top at `top` (page units), each line as it is.
    fn lines(
        &mut self,
        lines: &[String],
        top: Vec2,
        font: f32,
        bold: bool,
        colour: Color,
        align: Align,
    ) {
        let p = self.at(top);
        let anchor = match align {
            Align::Start => "start",
            Align::Middle => "middle",
            Align::End => "end",
        };
        let weight = if bold { 600 } else { 400 };
        let _ = write!(
            self.svg,
            "<text font-size=\"{font:.0}\" font-weight=\"{weight}\" fill=\"{}\" text-anchor=\"{anchor}\">",
            hex(colour)
        );
        for (i, line) in lines.iter().enumerate() {
            let y = p.y + font * (BASELINE + LINE * i as f32);
            let _ = write!(
                self.svg,
                "<tspan x=\"{:.1}\" y=\"{y:.1}\">{}</tspan>",
                p.x,
                esc(line)
            );
        }
        self.svg.push_str("</text>");
    }

    /// Body text from its top left corner, wrapped at `width`.
    fn text(&mut self, s: &str, top_left: Vec2, width: f32, bold: bool, colour: Color) {
        let lines = wrap(s, BODY_FONT, width);
        self.lines(&lines, top_left, BODY_FONT, bold, colour, Align::Start);
    }

    /// A straight line from `a` to `b` on the page, with square ends as on the screen.
    fn line(&mut self, a: Vec2, b: Vec2, thick: f32, colour: Color) {
        // As a sprite on the screen: at least as long as it is thick.
        let (mut a, mut b) = (self.at(a), self.at(b));
        if a.distance(b) < thick {
            let mid = (a + b) / 2.0;
            (a, b) = (
                mid - Vec2::new(thick / 2.0, 0.0),
                mid + Vec2::new(thick / 2.0, 0.0),
            );
        }
        let _ = write!(
            self.svg,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{thick:.1}\"/>",
            a.x,
            a.y,
            b.x,
            b.y,
            hex(colour)
        );
    }

    /// A round disc of diameter `size` centred at `x` on the row at `y`.
    fn dot(&mut self, x: f32, y: f32, size: f32, colour: Color) {
        let c = self.at(Vec2::new(x, y));
        let _ = write!(
            self.svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{}\"/>",
            c.x,
            c.y,
            size / 2.0,
            hex(colour)
        );
    }

    /// The page itself, its heading and its number.
    fn page(&mut self, page: &Page, texts: &Texts, index: usize, count: usize) {
        let half = WORLD / 2.0;
        self.rect(Rect::from_corners(-half, half), self.pal.background);
        let heading = vec![page.title(texts, self.lang)];
        self.lines(
            &heading,
            pages::heading_spot(),
            HEADING_FONT,
            true,
            self.pal.ink,
            Align::Start,
        );
        // Bottom right, as on the screen: the line box's bottom 20 units above the page's foot.
        let number = vec![format!("{} / {count}", index + 1)];
        self.lines(
            &number,
            Vec2::new(900.0, -half.y + 20.0 + BODY_FONT * LINE),
            BODY_FONT,
            false,
            self.pal.ink_soft,
            Align::End,
        );
    }

    /// One thing on the page, by its kind.
    fn item(&mut self, item: &Item, texts: &Texts) {
        let r = item.rect;
        let pal = self.pal;
        match &item.what {
            What::StackHeading { stack, count } => {
                let (colour, label, at, width) =
                    super::draw::stack_heading_look(r, *stack, *count, texts, self.lang, pal);
                self.rect(r, colour);
                self.text(&label, at, width, true, Color::WHITE);
            }
            What::StackCard {
                stack,
                points,
                text,
                overridden,
                ..
            } => {
                let edge = match stack {
                    Stack::Green => pal.green_stack,
                    Stack::Red => pal.red_stack,
                };
                self.rect(r, edge);
                self.rect(
                    Rect::new(
                        r.min.x + POINTS_ROOM - 4.0,
                        r.min.y + 4.0,
                        r.max.x - 4.0,
                        r.max.y - 4.0,
                    ),
                    pal.card,
                );
                let mark = if *overridden { " *" } else { "" };
                self.lines(
                    &[format!("{points}{mark}")],
                    Vec2::new(r.min.x + CARD_PAD, r.max.y - CARD_PAD),
                    BODY_FONT,
                    true,
                    Color::WHITE,
                    Align::Start,
                );
                self.text(
                    text,
                    Vec2::new(r.min.x + POINTS_ROOM + CARD_PAD, r.max.y - CARD_PAD),
                    r.width() - POINTS_ROOM - 2.0 * CARD_PAD,
                    false,
                    pal.ink,
                );
            }
            What::Statement { text } => {
                self.text(text, Vec2::new(r.min.x, r.max.y), r.width(), true, pal.ink);
            }
            What::PostIt {
                colour,
                answered,
                text,
                ..
            } => {
                let (fill, edge) = match colour {
                    PostItColour::Green => (pal.green_note, pal.green_edge),
                    PostItColour::Pink => (pal.pink_note, pal.pink_edge),
                };
                self.rect(
                    Rect::new(r.min.x - 24.0, r.min.y - 4.0, r.max.x, r.max.y + 4.0),
                    fill,
                );
                self.rect(
                    Rect::new(r.min.x - 24.0, r.min.y - 4.0, r.min.x - 14.0, r.max.y + 4.0),
                    edge,
                );
                let shown = if *answered {
                    format!("{text} — {}", texts.get(self.lang, "outcome-answered"))
                } else {
                    text.clone()
                };
                self.text(
                    &shown,
                    Vec2::new(r.min.x + 8.0, r.max.y),
                    r.width() - 16.0,
                    false,
                    pal.note_ink,
                );
            }
            What::Axis { points } => {
                for p in points {
                    let x = self.chart.x(f64::from(*p));
                    let label = vec![crate::core::i18n::decimal(self.lang, f64::from(*p), 0)];
                    self.lines(
                        &label,
                        Vec2::new(x, r.max.y),
                        BODY_FONT,
                        true,
                        pal.ink_soft,
                        Align::Middle,
                    );
                }
            }
            What::Shift(row) => self.shift(r, row),
            What::Step { text, who } => {
                let mut lines = wrap(text, BODY_FONT, r.width());
                let top = Vec2::new(r.min.x, r.max.y);
                self.lines(&lines, top, BODY_FONT, true, pal.ink, Align::Start);
                let below = top - Vec2::new(0.0, lines.len() as f32 * BODY_FONT * LINE);
                lines = wrap(&format!("— {who}"), BODY_FONT, r.width());
                self.lines(&lines, below, BODY_FONT, false, pal.ink_soft, Align::Start);
            }
            What::Note { text } => {
                self.text(
                    text,
                    Vec2::new(r.min.x, r.max.y),
                    r.width(),
                    false,
                    pal.ink_soft,
                );
            }
        }
    }

    /// One statement's row of the shift chart, as [`super::draw`] draws it on the screen.
    fn shift(&mut self, r: Rect, row: &ShiftRow) {
        let y = r.center().y;
        let (pal, chart) = (self.pal, self.chart);
        // The statement, centred on its row's line and cut to the row.
        let mut label = wrap(&row.label, BODY_FONT, SHIFT_LABEL_WIDTH);
        let fit = ((SHIFT_ROW / (BODY_FONT * LINE)).floor() as usize).max(1);
        label.truncate(fit);
        let top = y + label.len() as f32 * BODY_FONT * LINE / 2.0;
        self.lines(
            &label,
            Vec2::new(r.min.x, top),
            BODY_FONT,
            false,
            pal.ink,
            Align::Start,
        );
        let shapes = super::shift_chart::row_shapes(row, y, chart, self.points, self.stacks, pal);
        // Drawn in the order of their depth on the screen, the nearest last.
        let mut shapes: Vec<(f32, Shape)> = shapes
            .into_iter()
            .map(|s| match &s {
                Shape::Line { z, .. } | Shape::Dot { z, .. } => (*z, s),
            })
            .collect();
        shapes.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, shape) in shapes {
            match shape {
                Shape::Line {
                    a,
                    b,
                    thick,
                    colour,
                    ..
                } => self.line(a, b, thick, colour),
                Shape::Dot {
                    centre,
                    size,
                    colour,
                    ..
                } => self.dot(centre.x, centre.y, size, colour),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_no_line_is_longer_than_the_measure() {
        let text = "Wij leren van fouten en bespreken ze openlijk in het team, ook als het schuurt. \
                    Eenheelerglangwoorddatnietopeenregelpastenkapotmoet";
        let per = per_line(BODY_FONT, 400.0);
        let lines = wrap(text, BODY_FONT, 400.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= per), "{lines:?}");
        let words: String = text.split_whitespace().collect();
        assert_eq!(lines.concat().replace(' ', ""), words);
        assert_eq!(
            lines.len(),
            crate::outcome::page_measure::lines(text, BODY_FONT, 400.0)
        );
    }

    /// The picture of a played session holds every page at its size, each page on the page colour
    /// with its heading, and the green stack's heading in the green stack's colour.
    #[test]
    fn the_picture_shows_every_page_with_its_stacks() {
        use crate::core::simulate;
        let game = simulate::simulate(simulate::SimulateSpec {
            players: 6,
            statements: 12,
            post_its: 40,
            seed: 3,
        });
        let session = game.session();
        let texts = Texts::default();
        let count = pages::outcome_pages(session, &texts).len();
        assert!(count >= 6, "{count} pages");
        let svg = outcome_svg(session, &texts, &Palette::NORMAL);
        let png = outcome_png(&svg).expect("the SVG renders");
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut pixels).expect("one frame");
        let size = picture_size(count);
        assert_eq!((info.width, info.height), (size.x, size.y));
        let bounds = pages::pages_bounds(count);
        let scale = size.x as f32 / bounds.width();
        let pixel = |world: Vec2| {
            let x = ((world.x - bounds.min.x) * scale) as usize;
            let y = ((bounds.max.y - world.y) * scale) as usize;
            let i = (y * info.width as usize + x) * 3;
            [pixels[i], pixels[i + 1], pixels[i + 2]]
        };
        let rgb = |c: Color| {
            let [r, g, b, _] = c.to_srgba().to_u8_array();
            [r, g, b]
        };
        let pal = Palette::NORMAL;
        // Between the pages: the frame's colour.
        let gap = pages::page_origin(0, count) + Vec2::new(WORLD.x / 2.0 + 100.0, 0.0);
        assert_eq!(pixel(gap), rgb(pal.ink_soft));
        let all = pages::outcome_pages(session, &texts);
        for (index, page) in all.iter().enumerate() {
            let origin = pages::page_origin(index, count);
            // A corner of every page is the page's colour, and its heading has ink in it.
            assert_eq!(
                pixel(origin + WORLD / 2.0 - Vec2::splat(6.0)),
                rgb(pal.background)
            );
            let heading = origin + pages::heading_spot();
            let inked = (0..400).step_by(2).any(|dx| {
                (10..60).step_by(2).any(|dy| {
                    pixel(heading + Vec2::new(dx as f32, -(dy as f32))) != rgb(pal.background)
                })
            });
            assert!(inked, "page {index} has its heading");
            for item in &page.items {
                if let What::StackHeading {
                    stack: Stack::Green,
                    ..
                } = item.what
                {
                    let left_of_text = Vec2::new(item.rect.max.x - 6.0, item.rect.center().y);
                    assert_eq!(pixel(origin + left_of_text), rgb(pal.green_stack));
                }
            }
        }
        assert!(
            all.iter().flat_map(|p| &p.items).any(|i| matches!(
                i.what,
                What::StackHeading {
                    stack: Stack::Green,
                    ..
                }
            )),
            "a green stack is shown"
        );
    }

    #[test]
    fn text_that_xml_cannot_hold_is_escaped_or_left_out() {
        assert_eq!(esc("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
