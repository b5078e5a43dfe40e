//! The measures of an outcome page: its fonts, its rects and how tall a wrapped text stands, in the
//! world units of a 1920×1080 page.

use crate::table::layout::WORLD;
use bevy::math::{Rect, Vec2};

/// Body text: 1/28 of the page height, above the 1/30 a reader at the back of the room needs.
pub(crate) const BODY_FONT: f32 = 38.0;
/// Page headings.
pub(crate) const HEADING_FONT: f32 = 62.0;
// Checked when the game is built: 1/30 of the screen height, in world units of a 1080-high page.
const _: () = assert!(BODY_FONT >= WORLD.y / 30.0 && HEADING_FONT > BODY_FONT);
/// Line height as a share of the font size.
pub(crate) const LINE: f32 = 1.3;
/// A generous mean width of a character of the interface font, as a share of the font size, so the
/// estimate of wrapped lines errs on the side of room.
pub(super) const CHAR_WIDTH: f32 = 0.53;
/// Room between two items.
pub(crate) const GAP: f32 = 14.0;
/// Pages per row of the outcome picture and of the world's page grid: at least three, and for many
/// pages about as many rows as columns, so the picture stays legible.
pub(crate) fn page_columns(count: usize) -> usize {
    let mut cols = 3;
    while cols * cols < count {
        cols += 1;
    }
    cols
}
/// From one page to the next in the world: a page and a margin, so no page shows beside another.
pub(crate) const PAGE_PITCH: Vec2 = Vec2::new(WORLD.x + 480.0, WORLD.y + 240.0);
/// Width of a stack column.
pub(crate) const STACK_WIDTH: f32 = 860.0;
/// Room in a stack card for its points, left of its text.
pub(crate) const POINTS_ROOM: f32 = 130.0;
/// Room inside a card around its text.
pub(crate) const CARD_PAD: f32 = 14.0;
/// Indent of a post-it under its statement.
pub(crate) const POST_IT_INDENT: f32 = 70.0;
/// Height of a row of the shift chart.
pub(crate) const SHIFT_ROW: f32 = 104.0;
/// Width of the statement column of the shift chart.
pub(crate) const SHIFT_LABEL_WIDTH: f32 = 760.0;

/// Where a page's content goes, relative to the page's centre: under its heading and above the
/// controls bar along the bottom of the screen.
pub(crate) fn content_rect() -> Rect {
    Rect::new(-900.0, -318.0, 900.0, 385.0)
}

/// The top-left corner of a page's heading, relative to the page's centre.
pub(crate) fn heading_spot() -> Vec2 {
    // Below the programme bar's margin, so the bar never covers the heading.
    Vec2::new(-900.0, 470.0)
}

/// Where the next-steps list goes: the left part, so the form to type one fits beside it.
pub(crate) fn steps_rect() -> Rect {
    let c = content_rect();
    Rect::new(c.min.x, c.min.y, 260.0, c.max.y)
}

/// The centre of page `index` of `count` in the world: pages stand in rows of [`page_columns`].
pub(crate) fn page_origin(index: usize, count: usize) -> Vec2 {
    let columns = page_columns(count);
    let col = (index % columns) as f32;
    let row = (index / columns) as f32;
    Vec2::new(col * PAGE_PITCH.x, -row * PAGE_PITCH.y)
}

/// The rectangle of the world that holds `count` pages, for the outcome picture.
pub(crate) fn pages_bounds(count: usize) -> Rect {
    let count = count.max(1);
    let cols = count.min(page_columns(count));
    let rows = count.div_ceil(page_columns(count));
    let half = WORLD / 2.0;
    let first = page_origin(0, count);
    let last = Vec2::new(
        (cols - 1) as f32 * PAGE_PITCH.x,
        -((rows - 1) as f32) * PAGE_PITCH.y,
    );
    Rect::from_corners(
        first + Vec2::new(-half.x, half.y),
        last + Vec2::new(half.x, -half.y),
    )
}

/// Lines that `text` needs at `font` size in `width`, wrapped at word boundaries.
pub(crate) fn lines(text: &str, font: f32, width: f32) -> usize {
    let per_line = per_line(font, width);
    let mut count = 0;
    for paragraph in text.split('\n') {
        let mut wrap = Wrap::default();
        for word in paragraph.split_whitespace() {
            wrap.add(word.chars().count(), per_line);
        }
        count += wrap.lines;
    }
    count.max(1)
}

/// Characters in a line of `width` at `font` size.
pub(super) fn per_line(font: f32, width: f32) -> usize {
    (width / (font * CHAR_WIDTH)).floor().max(1.0) as usize
}

/// A paragraph being wrapped, word by word: the lines so far and the characters used in the last.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wrap {
    pub(super) lines: usize,
    used: usize,
}

impl Default for Wrap {
    fn default() -> Self {
        Wrap { lines: 1, used: 0 }
    }
}

impl Wrap {
    /// Adds a word of `w` characters.
    pub(super) fn add(&mut self, w: usize, per_line: usize) {
        let need = if self.used == 0 { w } else { self.used + 1 + w };
        if need <= per_line {
            self.used = need;
        } else if self.used == 0 {
            // A word longer than a line is broken over lines.
            self.lines += (w - 1) / per_line;
            self.used = w % per_line;
        } else {
            self.lines += 1 + (w.max(1) - 1) / per_line;
            self.used = (w - 1) % per_line + 1;
        }
    }
}

/// Height of `text` at `font` size wrapped in `width`.
pub(crate) fn text_height(text: &str, font: f32, width: f32) -> f32 {
    lines(text, font, width) as f32 * font * LINE
}
