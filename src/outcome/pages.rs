//! The outcome as pages for the room: the two stacks, the three plenary lists, the shift of opinion and
//! the next steps, laid out on pages of 1920×1080 world units with body text of at least 1/30 of the
//! screen height. Long stacks and lists flow over several pages; nothing scrolls and nothing is cut
//! off. Pure layout from the session: tested without Bevy.

use crate::core::i18n::{Texts, decimal};
use crate::core::session::{CardRef, PostItColour, PostItId, Session, Stack};
use crate::core::tally::{CardTally, RoundTally, tally};
use crate::table::layout::WORLD;
use bevy::math::{Rect, Vec2};

/// Body text: 1/28 of the page height, above the 1/30 a reader at the back of the room needs.
pub const BODY_FONT: f32 = 38.0;
/// Page headings.
pub const HEADING_FONT: f32 = 62.0;
// Checked when the game is built: 1/30 of the screen height, in world units of a 1080-high page.
const _: () = assert!(BODY_FONT >= WORLD.y / 30.0 && HEADING_FONT > BODY_FONT);
/// Line height as a share of the font size.
pub const LINE: f32 = 1.3;
/// A generous mean width of a character of the interface font, as a share of the font size, so the
/// estimate of wrapped lines errs on the side of room.
const CHAR_WIDTH: f32 = 0.53;
/// Room between two items.
pub const GAP: f32 = 14.0;
/// Pages per row of the outcome picture and of the world's page grid: at least three, and for many
/// pages about as many rows as columns, so the picture stays legible.
pub fn page_columns(count: usize) -> usize {
    let mut cols = 3;
    while cols * cols < count {
        cols += 1;
    }
    cols
}
/// From one page to the next in the world: a page and a margin, so no page shows beside another.
pub const PAGE_PITCH: Vec2 = Vec2::new(WORLD.x + 480.0, WORLD.y + 240.0);
/// Width of a stack column.
pub const STACK_WIDTH: f32 = 860.0;
/// Room in a stack card for its points, left of its text.
pub const POINTS_ROOM: f32 = 130.0;
/// Room inside a card around its text.
pub const CARD_PAD: f32 = 14.0;
/// Indent of a post-it under its statement.
pub const POST_IT_INDENT: f32 = 70.0;
/// Height of a row of the shift chart.
pub const SHIFT_ROW: f32 = 104.0;
/// Width of the statement column of the shift chart.
pub const SHIFT_LABEL_WIDTH: f32 = 760.0;

/// Where a page's content goes, relative to the page's centre: under its heading and above the
/// controls bar along the bottom of the screen.
pub fn content_rect() -> Rect {
    Rect::new(-900.0, -318.0, 900.0, 385.0)
}

/// The top-left corner of a page's heading, relative to the page's centre.
pub fn heading_spot() -> Vec2 {
    // Below the agenda bar's margin, so the bar never covers the heading.
    Vec2::new(-900.0, 470.0)
}

/// Where the next-steps list goes: the left part, so the form to type one fits beside it.
pub fn steps_rect() -> Rect {
    let c = content_rect();
    Rect::new(c.min.x, c.min.y, 260.0, c.max.y)
}

/// The centre of page `index` of `count` in the world: pages stand in rows of [`page_columns`].
pub fn page_origin(index: usize, count: usize) -> Vec2 {
    let columns = page_columns(count);
    let col = (index % columns) as f32;
    let row = (index / columns) as f32;
    Vec2::new(col * PAGE_PITCH.x, -row * PAGE_PITCH.y)
}

/// The rectangle of the world that holds `count` pages, for the outcome picture.
pub fn pages_bounds(count: usize) -> Rect {
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
pub fn lines(text: &str, font: f32, width: f32) -> usize {
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
fn per_line(font: f32, width: f32) -> usize {
    (width / (font * CHAR_WIDTH)).floor().max(1.0) as usize
}

/// A paragraph being wrapped, word by word: the lines so far and the characters used in the last.
#[derive(Debug, Clone, Copy)]
struct Wrap {
    lines: usize,
    used: usize,
}

impl Default for Wrap {
    fn default() -> Self {
        Wrap { lines: 1, used: 0 }
    }
}

impl Wrap {
    /// Adds a word of `w` characters.
    fn add(&mut self, w: usize, per_line: usize) {
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
pub fn text_height(text: &str, font: f32, width: f32) -> f32 {
    lines(text, font, width) as f32 * font * LINE
}

/// The pages of the outcome, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    Stacks,
    Present,
    Develop,
    Questions,
    Shift,
    Steps,
}

impl PageKind {
    pub const ALL: [PageKind; 6] = [
        PageKind::Stacks,
        PageKind::Present,
        PageKind::Develop,
        PageKind::Questions,
        PageKind::Shift,
        PageKind::Steps,
    ];

    /// The message id of the page's heading.
    pub fn title_key(self) -> &'static str {
        match self {
            PageKind::Stacks => "outcome-page-stacks",
            PageKind::Present => "outcome-present",
            PageKind::Develop => "outcome-develop",
            PageKind::Questions => "outcome-questions",
            PageKind::Shift => "outcome-page-shift",
            PageKind::Steps => "outcome-steps",
        }
    }
}

/// One round of one statement in the shift chart, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundMarks {
    pub mean: f64,
    pub min: i32,
    pub max: i32,
}

/// One statement in the shift chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftRow {
    pub card: CardRef,
    pub label: String,
    pub first: Option<RoundMarks>,
    pub plenary: Option<RoundMarks>,
    /// The standard deviation of the first round's points: how much the group disagreed.
    pub spread: f64,
}

/// What an item on a page is.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A stack's heading over its column.
    StackHeading {
        stack: Stack,
        count: usize,
    },
    /// A card on a stack, in full, with its points.
    StackCard {
        card: CardRef,
        stack: Stack,
        points: String,
        text: String,
        overridden: bool,
    },
    /// A statement heading in a list.
    Statement {
        text: String,
    },
    /// A post-it under its statement.
    PostIt {
        id: PostItId,
        colour: PostItColour,
        answered: bool,
        text: String,
    },
    /// The points along the top of the shift chart.
    Axis {
        points: Vec<i32>,
    },
    Shift(ShiftRow),
    /// A next step with its owner and moment.
    Step {
        text: String,
        who: String,
    },
    /// A line of explanation: an empty list, the chart's legend.
    Note {
        text: String,
    },
}

/// An item and where it stands, relative to its page's centre.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub rect: Rect,
    pub what: What,
}

/// One page: its kind, which part of that kind it is (lists flow over several pages), and its items.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    pub part: usize,
    pub parts: usize,
    pub items: Vec<Item>,
}

impl Page {
    /// The heading, with "(2/3)" when the kind takes several pages.
    pub fn title(&self, texts: &Texts, lang: crate::core::session::Lang) -> String {
        let base = texts.get(lang, self.kind.title_key());
        if self.parts > 1 {
            format!("{base} ({}/{})", self.part + 1, self.parts)
        } else {
            base
        }
    }
}

/// Splits items of the given heights into pages of `room` height. `keep_with_next[i]` keeps item `i`
/// on the page of the item after it (a statement with its first post-it). An item taller than a page
/// gets a page of its own.
pub fn flow(heights: &[f32], keep_with_next: &[bool], room: f32) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    let mut i = 0;
    while i < heights.len() {
        let mut need = heights[i];
        if keep_with_next.get(i).copied().unwrap_or(false) && i + 1 < heights.len() {
            need += GAP + heights[i + 1];
        }
        let gap = if i > start { GAP } else { 0.0 };
        if i > start && used + gap + need > room {
            pages.push(start..i);
            start = i;
            used = 0.0;
            continue;
        }
        used += gap + heights[i];
        i += 1;
    }
    if start < heights.len() || pages.is_empty() {
        pages.push(start..heights.len());
    }
    pages
}

/// Places items of the given heights in a column from `top` down, `GAP` apart.
fn stack_down(top: f32, left: f32, width: f32, heights: &[f32]) -> Vec<Rect> {
    let mut y = top;
    heights
        .iter()
        .map(|h| {
            let r = Rect::new(left, y - h, left + width, y);
            y -= h + GAP;
            r
        })
        .collect()
}

fn spread(round: &RoundTally) -> Option<f64> {
    let pts: Vec<f64> = round
        .points
        .iter()
        .filter_map(|(_, p)| p.map(f64::from))
        .collect();
    if pts.is_empty() {
        return None;
    }
    let mean = pts.iter().sum::<f64>() / pts.len() as f64;
    Some((pts.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / pts.len() as f64).sqrt())
}

fn marks(round: &RoundTally) -> Option<RoundMarks> {
    let pts: Vec<i32> = round.points.iter().filter_map(|(_, p)| *p).collect();
    Some(RoundMarks {
        mean: round.mean?,
        min: *pts.iter().min()?,
        max: *pts.iter().max()?,
    })
}

/// Shortens a label to what fits in `lines` lines of the chart's statement column.
fn fit(text: &str, font: f32, width: f32, max_lines: usize) -> String {
    if lines(text, font, width) <= max_lines {
        return text.to_string();
    }
    // The most words that fit with "…" after the last, fewer than all: the words are wrapped once,
    // and each count of words is tried by adding its last word, with the "…", to the wrap of the words
    // before it (linear in the text; measuring every candidate anew was quadratic).
    let per_line = per_line(font, width);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut before = Wrap::default();
    let mut best = None;
    for (n, word) in words.iter().enumerate().take(words.len().saturating_sub(1)) {
        if before.lines > max_lines {
            // Words only add lines: no longer candidate fits.
            break;
        }
        let mut with = before;
        with.add(word.chars().count() + 1, per_line);
        if with.lines <= max_lines {
            best = Some(n + 1);
        }
        before.add(word.chars().count(), per_line);
    }
    if let Some(n) = best {
        return format!("{}…", words[..n].join(" "));
    }
    let cut: String = text.chars().take(20).collect();
    format!("{cut}…")
}

/// The rows of the shift chart: every statement placed in either round, the ones the group disagreed
/// on most first (by the first round's spread, then the plenary's).
pub fn shift_rows(session: &Session) -> Vec<ShiftRow> {
    let t = tally(session);
    let mut rows: Vec<(f64, f64, ShiftRow)> = t
        .cards
        .iter()
        .filter(|c| c.first.placed > 0 || c.plenary.placed > 0)
        .map(|c: &CardTally| {
            let first = spread(&c.first).unwrap_or(0.0);
            let plenary = spread(&c.plenary).unwrap_or(0.0);
            (
                first,
                plenary,
                ShiftRow {
                    card: c.card.clone(),
                    label: fit(&c.text, BODY_FONT, SHIFT_LABEL_WIDTH, 2),
                    first: marks(&c.first),
                    plenary: marks(&c.plenary),
                    spread: first,
                },
            )
        })
        .collect();
    // A stable sort keeps the order of play among equals.
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    rows.into_iter().map(|(_, _, r)| r).collect()
}

/// Every page of the outcome of `session`, in order. There is always at least one page of each kind.
pub fn outcome_pages(session: &Session, texts: &Texts) -> Vec<Page> {
    let lang = session.language;
    let t = tally(session);
    let area = content_rect();
    let mut pages = Vec::new();

    // The two stacks side by side; each column flows on by itself. Below them, in one line, what the
    // points are (the value the deck's rule decides by) and what `*` means.
    let heading_h = BODY_FONT * LINE + 14.0;
    let rule = session.deck.scale.green_when;
    let by_median = matches!(rule, crate::core::deck::StackRule::MedianAtLeast(_));
    let legend = texts.format(
        lang,
        if by_median {
            "outcome-points-median"
        } else {
            "outcome-points-mean"
        },
        &[("threshold", decimal(lang, rule.threshold(), 1).into())],
    );
    let legend_h = text_height(&legend, BODY_FONT, area.width());
    let columns: Vec<(Stack, Vec<(f32, What)>)> = [(Stack::Green, &t.green), (Stack::Red, &t.red)]
        .into_iter()
        .map(|(stack, cards)| {
            let items = cards
                .iter()
                .filter_map(|card| t.cards.iter().find(|c| &c.card == card))
                .map(|c| {
                    let text_w = STACK_WIDTH - POINTS_ROOM - 2.0 * CARD_PAD;
                    let h = text_height(&c.text, BODY_FONT, text_w) + 2.0 * CARD_PAD;
                    let value = |r: &crate::core::tally::RoundTally| {
                        if by_median { r.median } else { r.mean }
                    };
                    let points = value(&c.plenary)
                        .or(value(&c.first))
                        .map(|v| decimal(lang, v, 1))
                        .unwrap_or_else(|| "–".into());
                    (
                        h,
                        What::StackCard {
                            card: c.card.clone(),
                            stack,
                            points,
                            text: c.text.clone(),
                            overridden: c.stack_override.is_some(),
                        },
                    )
                })
                .collect();
            (stack, items)
        })
        .collect();
    let room = area.height() - heading_h - GAP - legend_h - GAP;
    let flowed: Vec<Vec<std::ops::Range<usize>>> = columns
        .iter()
        .map(|(_, items)| {
            let h: Vec<f32> = items.iter().map(|(h, _)| *h).collect();
            flow(&h, &[], room)
        })
        .collect();
    let parts = flowed.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for part in 0..parts {
        let mut items = Vec::new();
        for (col, ((stack, column), ranges)) in columns.iter().zip(&flowed).enumerate() {
            let left = if col == 0 {
                area.min.x
            } else {
                area.max.x - STACK_WIDTH
            };
            items.push(Item {
                rect: Rect::new(left, area.max.y - heading_h, left + STACK_WIDTH, area.max.y),
                what: What::StackHeading {
                    stack: *stack,
                    count: column.len(),
                },
            });
            let Some(range) = ranges.get(part) else {
                continue;
            };
            let chunk = &column[range.clone()];
            let h: Vec<f32> = chunk.iter().map(|(h, _)| *h).collect();
            let top = area.max.y - heading_h - GAP;
            for (rect, (_, what)) in stack_down(top, left, STACK_WIDTH, &h)
                .into_iter()
                .zip(chunk)
            {
                items.push(Item {
                    rect,
                    what: what.clone(),
                });
            }
        }
        items.push(Item {
            rect: Rect::new(area.min.x, area.min.y, area.max.x, area.min.y + legend_h),
            what: What::Note {
                text: legend.clone(),
            },
        });
        pages.push(Page {
            kind: PageKind::Stacks,
            part,
            parts,
            items,
        });
    }

    // The three lists: each statement with its post-its.
    for (kind, list) in [
        (PageKind::Present, &t.present),
        (PageKind::Develop, &t.to_develop),
        (PageKind::Questions, &t.open_questions),
    ] {
        let mut entries: Vec<(f32, bool, f32, What)> = Vec::new();
        for entry in list {
            // A card on the red stack can still have something that already works: say so, so
            // the list does not read as if it were on the green stack.
            let text = if kind == PageKind::Present && !t.green.contains(&entry.card) {
                format!(
                    "{} {}",
                    entry.text,
                    texts.get(lang, "outcome-present-other")
                )
            } else {
                entry.text.clone()
            };
            let h = text_height(&text, BODY_FONT, area.width());
            entries.push((h, !entry.post_its.is_empty(), 0.0, What::Statement { text }));
            for p in &entry.post_its {
                let text = match p.author.and_then(|a| session.player(a)) {
                    Some(author) => format!("{} ({})", p.text, author.name),
                    None => p.text.clone(),
                };
                let h = text_height(&text, BODY_FONT, area.width() - POST_IT_INDENT);
                entries.push((
                    h,
                    false,
                    POST_IT_INDENT,
                    What::PostIt {
                        id: p.id,
                        colour: p.colour,
                        answered: p.answered,
                        text,
                    },
                ));
            }
        }
        if entries.is_empty() {
            entries.push((
                BODY_FONT * LINE,
                false,
                0.0,
                What::Note {
                    text: texts.get(lang, "outcome-none"),
                },
            ));
        }
        let heights: Vec<f32> = entries.iter().map(|e| e.0).collect();
        let keep: Vec<bool> = entries.iter().map(|e| e.1).collect();
        let ranges = flow(&heights, &keep, area.height());
        let parts = ranges.len();
        for (part, range) in ranges.into_iter().enumerate() {
            let chunk = &entries[range];
            let mut y = area.max.y;
            let items = chunk
                .iter()
                .map(|(h, _, indent, what)| {
                    let rect = Rect::new(area.min.x + indent, y - h, area.max.x, y);
                    y -= h + GAP;
                    Item {
                        rect,
                        what: what.clone(),
                    }
                })
                .collect();
            pages.push(Page {
                kind,
                part,
                parts,
                items,
            });
        }
    }

    // The shift of opinion: an axis of the scale's points, then a row per statement.
    let rows = shift_rows(session);
    let points = scale_points(session);
    let axis_h = BODY_FONT * LINE;
    let legend = texts.get(
        lang,
        if rows.is_empty() {
            "outcome-shift-none"
        } else {
            "outcome-shift-legend"
        },
    );
    let legend_h = text_height(&legend, BODY_FONT, area.width());
    let per_page =
        (((area.height() - axis_h - legend_h - 2.0 * GAP) / SHIFT_ROW).floor() as usize).max(1);
    let chunks: Vec<&[ShiftRow]> = if rows.is_empty() {
        vec![&[]]
    } else {
        rows.chunks(per_page).collect()
    };
    let parts = chunks.len();
    for (part, chunk) in chunks.into_iter().enumerate() {
        let mut items = vec![Item {
            rect: Rect::new(area.min.x, area.max.y - axis_h, area.max.x, area.max.y),
            what: What::Axis {
                points: points.clone(),
            },
        }];
        let mut y = area.max.y - axis_h - GAP;
        for row in chunk {
            items.push(Item {
                rect: Rect::new(area.min.x, y - SHIFT_ROW, area.max.x, y),
                what: What::Shift(row.clone()),
            });
            y -= SHIFT_ROW;
        }
        // The legend right under the chart.
        items.push(Item {
            rect: Rect::new(area.min.x, y - GAP - legend_h, area.max.x, y - GAP),
            what: What::Note {
                text: legend.clone(),
            },
        });
        pages.push(Page {
            kind: PageKind::Shift,
            part,
            parts,
            items,
        });
    }

    // The next steps, beside the form that adds one.
    let steps_area = steps_rect();
    let mut steps: Vec<(f32, What)> = session
        .next_steps
        .iter()
        .map(|s| {
            let mut who = session.owner_name(&s.owner);
            if !s.due.is_empty() {
                who = format!("{who} · {}", s.due);
            }
            // What it answers: the open question or the red card.
            let about = match &s.from {
                Some(crate::core::session::StepSource::Question(id)) => session
                    .post_its
                    .iter()
                    .find(|p| p.id == *id)
                    .map(|p| format!("? {}", p.text)),
                Some(crate::core::session::StepSource::Card(card)) => {
                    Some(format!("! {}", session.card_text(card)))
                }
                None => None,
            };
            if let Some(about) = about {
                who = format!("{who} · {about}");
            }
            let h = text_height(&s.text, BODY_FONT, steps_area.width())
                + text_height(&format!("— {who}"), BODY_FONT, steps_area.width());
            (
                h,
                What::Step {
                    text: s.text.clone(),
                    who,
                },
            )
        })
        .collect();
    if steps.is_empty() {
        let text = texts.get(lang, "outcome-steps-none");
        steps.push((
            text_height(&text, BODY_FONT, steps_area.width()),
            What::Note { text },
        ));
    }
    let heights: Vec<f32> = steps.iter().map(|s| s.0).collect();
    let ranges = flow(&heights, &[], steps_area.height());
    let parts = ranges.len();
    for (part, range) in ranges.into_iter().enumerate() {
        let chunk = &steps[range];
        let h: Vec<f32> = chunk.iter().map(|s| s.0).collect();
        let items = stack_down(steps_area.max.y, steps_area.min.x, steps_area.width(), &h)
            .into_iter()
            .zip(chunk)
            .map(|(rect, (_, what))| Item {
                rect,
                what: what.clone(),
            })
            .collect();
        pages.push(Page {
            kind: PageKind::Steps,
            part,
            parts,
            items,
        });
    }
    pages
}

/// The points of the deck's scale, lowest first, each once: the axis of the shift chart.
pub fn scale_points(session: &Session) -> Vec<i32> {
    let mut points: Vec<i32> = session
        .deck
        .scale
        .squares
        .iter()
        .map(|s| s.points)
        .collect();
    points.sort_unstable();
    points.dedup();
    points
}

/// The first page of `kind`.
pub fn first_page_of(pages: &[Page], kind: PageKind) -> Option<usize> {
    pages.iter().position(|p| p.kind == kind)
}

/// The page that shows `card` on a stack.
pub fn page_of_card(pages: &[Page], card: &CardRef) -> Option<usize> {
    pages.iter().position(|p| {
        p.items
            .iter()
            .any(|i| matches!(&i.what, What::StackCard { card: c, .. } if c == card))
    })
}

/// The stack whose column is nearer to `x`, relative to the page's centre.
pub fn stack_at(x: f32) -> Stack {
    if x <= 0.0 { Stack::Green } else { Stack::Red }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::{Action, Round};
    use crate::core::simulate;

    #[test]
    fn lines_are_counted_at_word_boundaries() {
        let per = (500.0 / (BODY_FONT * CHAR_WIDTH)).floor() as usize;
        assert_eq!(lines("", BODY_FONT, 500.0), 1);
        assert_eq!(lines(&"a".repeat(per), BODY_FONT, 500.0), 1);
        assert_eq!(lines(&"a".repeat(per + 1), BODY_FONT, 500.0), 2);
        let words = vec!["abcd"; per].join(" ");
        assert!(lines(&words, BODY_FONT, 500.0) >= 4);
        assert_eq!(lines("one\ntwo", BODY_FONT, 500.0), 2);
    }

    #[test]
    fn flow_fills_pages_in_order_and_keeps_a_heading_with_its_first_line() {
        let h = [100.0; 10];
        let pages = flow(&h, &[], 350.0);
        assert_eq!(pages, vec![0..3, 3..6, 6..9, 9..10]);
        // Item 2 would end page one alone; it goes on with item 3.
        let mut keep = [false; 10];
        keep[2] = true;
        assert_eq!(flow(&h, &keep, 350.0)[0], 0..2);
        assert_eq!(flow(&[], &[], 100.0), vec![0..0]);
        assert_eq!(flow(&[500.0, 10.0], &[], 100.0), vec![0..1, 1..2]);
    }

    fn big_session() -> Session {
        // 12 players, 18 statements, 600 post-its: the heavy session of the benchmarks.
        simulate::simulate(simulate::SimulateSpec {
            players: 12,
            statements: 18,
            post_its: 600,
            seed: 7,
        })
        .session()
        .clone()
    }

    /// Every card, post-it and step of a heavy session is on a page, once, inside the page, and the
    /// items of a page do not overlap.
    #[test]
    fn every_item_of_a_heavy_session_is_on_a_page_inside_it() {
        let mut s = big_session();
        for i in 0..30 {
            let action = Action::AddNextStep {
                text: format!("Stap {i}: een heel concrete afspraak over wat we gaan doen"),
                owner: crate::core::session::Owner::Named("Iemand".into()),
                due: "maart".into(),
                from: None,
            };
            s.apply(&action).unwrap();
        }
        let texts = Texts::default();
        let pages = outcome_pages(&s, &texts);
        for kind in PageKind::ALL {
            assert!(first_page_of(&pages, kind).is_some(), "{kind:?} has a page");
        }
        let t = tally(&s);
        let cards: usize = pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i.what, What::StackCard { .. }))
            .count();
        assert_eq!(cards, t.green.len() + t.red.len());
        let post_its: usize = pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i.what, What::PostIt { .. }))
            .count();
        let listed: usize = [&t.present, &t.to_develop, &t.open_questions]
            .iter()
            .flat_map(|l| l.iter())
            .map(|e| e.post_its.len())
            .sum();
        assert_eq!(post_its, listed);
        assert!(post_its > 0);
        let steps = pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i.what, What::Step { .. }))
            .count();
        assert_eq!(steps, 30);
        let area = content_rect();
        for (n, page) in pages.iter().enumerate() {
            for (i, item) in page.items.iter().enumerate() {
                assert!(
                    item.rect.min.y >= area.min.y - 0.01 && item.rect.max.y <= area.max.y + 0.01,
                    "page {n} ({:?}) item {i} {:?} outside the page",
                    page.kind,
                    item.rect
                );
                for other in &page.items[i + 1..] {
                    let overlap = item.rect.intersect(other.rect);
                    assert!(
                        overlap.is_empty() || overlap.height() < 0.5,
                        "page {n} ({:?}): items overlap",
                        page.kind
                    );
                }
            }
        }
        assert!(pages.len() > 10, "a heavy session flows over many pages");
        // Page after page along rows of three, none on top of another.
        for i in 0..pages.len() {
            for j in i + 1..pages.len() {
                let d = (page_origin(i, pages.len()) - page_origin(j, pages.len())).abs();
                assert!(
                    d.x >= WORLD.x || d.y >= WORLD.y,
                    "pages {i} and {j} overlap"
                );
            }
        }
        let bounds = pages_bounds(pages.len());
        assert!(bounds.contains(page_origin(pages.len() - 1, pages.len())));
        assert_eq!(page_columns(6), 3);
        assert_eq!(page_columns(45), 7);
    }

    #[test]
    fn the_shift_chart_puts_the_most_disagreement_first() {
        let mut s = Session::new(crate::core::deck::default_deck(), "2026-11-23".into());
        for name in ["An", "Bo", "Cas"] {
            s.apply(&Action::AddPlayer {
                name: name.into(),
                colour: None,
            })
            .unwrap();
        }
        s.apply(&Action::StartPlay).unwrap();
        let ids: Vec<_> = s.players.iter().map(|p| p.id).collect();
        let cards = s.play_cards();
        // The first card: everyone on the same square. The second: far apart.
        for (index, squares) in [[1, 1, 1], [0, 1, 3]].into_iter().enumerate() {
            if index > 0 {
                s.apply(&Action::GoTo { index, seconds: 60 }).unwrap();
            }
            for (player, square) in ids.iter().zip(squares) {
                s.apply(&Action::Place {
                    player: *player,
                    card: cards[index].clone(),
                    round: Round::First,
                    square,
                })
                .unwrap();
            }
        }
        let rows = shift_rows(&s);
        assert_eq!(rows.len(), 2, "only the statements played");
        assert_eq!(rows[0].card, cards[1], "the most disagreement first");
        assert!(rows[0].spread > 1.0);
        assert_eq!(rows[1].card, cards[0]);
        assert_eq!(rows[1].spread, 0.0);
        let f = rows[1].first.as_ref().unwrap();
        assert_eq!(f.min, f.max);
        assert!(rows[1].plenary.is_none(), "no plenary placements yet");
        let f = rows[0].first.as_ref().unwrap();
        assert!(f.min < f.max);
    }

    #[test]
    fn an_empty_session_still_has_every_page() {
        let s = Session::new(crate::core::deck::default_deck(), "2026-11-23".into());
        let pages = outcome_pages(&s, &Texts::default());
        let kinds: Vec<PageKind> = pages.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, PageKind::ALL.to_vec());
        assert!(pages.iter().all(|p| !p.items.is_empty()));
    }

    #[test]
    fn a_card_on_the_left_half_goes_to_the_green_stack() {
        assert_eq!(stack_at(-455.0), Stack::Green);
        assert_eq!(stack_at(455.0), Stack::Red);
        assert_eq!(stack_at(-1.0), Stack::Green);
        assert_eq!(stack_at(1.0), Stack::Red);
    }

    #[test]
    fn a_long_label_is_shortened_at_a_word_to_two_lines() {
        let long = "woord ".repeat(60);
        let f = fit(&long, BODY_FONT, SHIFT_LABEL_WIDTH, 2);
        assert!(f.ends_with('…'));
        assert!(lines(&f, BODY_FONT, SHIFT_LABEL_WIDTH) <= 2);
        assert_eq!(fit("kort", BODY_FONT, SHIFT_LABEL_WIDTH, 2), "kort");
    }

    /// The fitting as it was: every shorter candidate measured anew (quadratic in the text).
    fn fit_by_measuring(text: &str, font: f32, width: f32, max_lines: usize) -> String {
        if lines(text, font, width) <= max_lines {
            return text.to_string();
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut n = words.len();
        while n > 1 {
            n -= 1;
            let candidate = format!("{}…", words[..n].join(" "));
            if lines(&candidate, font, width) <= max_lines {
                return candidate;
            }
        }
        let cut: String = text.chars().take(20).collect();
        format!("{cut}…")
    }

    #[test]
    fn labels_are_fitted_as_before() {
        let texts = [
            String::new(),
            "kort".into(),
            "Fouten maken mag: we bespreken ze zonder schuldvraag en leren ervan, elke week opnieuw in het teamoverleg.".into(),
            "een ".repeat(40),
            format!("{} staart", "x".repeat(70)),
            format!("begin {} eind", "y".repeat(90)),
            "lang\nmet\n\nregels en nog veel meer woorden die niet passen op twee regels van dit label".into(),
            "Onvoorstelbaarlangwoord ".repeat(7),
            "aa bbb cccc ddddd eeeeee fffffff gggggggg hhhhhhhhh iiiiiiiiii jjjjjjjjjjj kkkkkkkkkkkk".into(),
        ];
        let mut seed = 7u64;
        let mut random = Vec::new();
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..(seed % 30) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(&"w".repeat(1 + (seed >> 33) as usize % 31));
                t.push(if (seed >> 20).is_multiple_of(9) {
                    '\n'
                } else {
                    ' '
                });
            }
            random.push(t);
        }
        for text in texts.iter().chain(&random) {
            for (width, max_lines) in [(SHIFT_LABEL_WIDTH, 2), (SHIFT_LABEL_WIDTH, 1), (80.0, 3)] {
                assert_eq!(
                    fit(text, BODY_FONT, width, max_lines),
                    fit_by_measuring(text, BODY_FONT, width, max_lines),
                    "{text:?}"
                );
            }
        }
    }

    /// A statement of 200 kB from a file: measuring every candidate anew took minutes.
    #[test]
    fn a_very_long_label_is_fitted() {
        let long = "woord ".repeat(40_000);
        let f = fit(&long, BODY_FONT, SHIFT_LABEL_WIDTH, 2);
        assert!(f.ends_with('…') && f.starts_with("woord woord"));
        assert!(lines(&f, BODY_FONT, SHIFT_LABEL_WIDTH) <= 2);
        assert_eq!(
            f,
            fit(&"woord ".repeat(60), BODY_FONT, SHIFT_LABEL_WIDTH, 2)
        );
        let one_word = "x".repeat(200_000);
        assert_eq!(
            fit(&one_word, BODY_FONT, SHIFT_LABEL_WIDTH, 2),
            format!("{}…", "x".repeat(20))
        );
    }
}
