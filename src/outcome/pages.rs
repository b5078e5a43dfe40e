//! The outcome as pages for the room: the two stacks, the three plenary lists, the shift of opinion and
//! the next steps, laid out on pages of 1920×1080 world units with body text of at least 1/30 of the
//! screen height. Long stacks and lists flow over several pages; nothing scrolls and nothing is cut
//! off. Pure layout from the session: tested without Bevy.

use crate::core::i18n::{Texts, decimal};
use crate::core::session::{CardRef, PostItColour, PostItId, Session, Stack};
use crate::core::tally::{CardTally, RoundTally, tally};
use bevy::math::Rect;

pub(crate) use super::page_measure::*;
use super::page_measure::{Wrap, per_line};

/// The pages of the outcome, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    Stacks,
    Present,
    Develop,
    Questions,
    Shift,
    /// In a follow-up: what moved since last time, what changed stack, and the review of the steps.
    Since,
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
    pub(crate) fn title_key(self) -> &'static str {
        match self {
            PageKind::Stacks => "outcome-page-stacks",
            PageKind::Present => "outcome-present",
            PageKind::Develop => "outcome-develop",
            PageKind::Questions => "outcome-questions",
            PageKind::Shift => "outcome-page-shift",
            PageKind::Since => "outcome-since",
            PageKind::Steps => "outcome-steps",
        }
    }

    /// The kinds of page a session's outcome has, in order: every one of [`PageKind::ALL`], and in a
    /// follow-up "since last time" before the next steps.
    pub(crate) fn of(session: &Session) -> Vec<PageKind> {
        let mut kinds = PageKind::ALL.to_vec();
        if session.follows.is_some() {
            kinds.insert(kinds.len() - 1, PageKind::Since);
        }
        kinds
    }
}

/// One round of one statement in the shift chart, in points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RoundMarks {
    pub(crate) mean: f64,
    pub(crate) min: i32,
    pub(crate) max: i32,
}

/// One statement in the shift chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftRow {
    pub(crate) card: CardRef,
    pub(crate) label: String,
    pub(crate) first: Option<RoundMarks>,
    pub(crate) plenary: Option<RoundMarks>,
    /// The standard deviation of the first round's points: how much the group disagreed.
    pub(crate) spread: f64,
    /// In a follow-up: where the group stood last time (the mean of its placement then).
    pub(crate) last_time: Option<f64>,
}

/// What an item on a page is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum What {
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
pub(crate) struct Item {
    pub(crate) rect: Rect,
    pub(crate) what: What,
}

/// One page: its kind, which part of that kind it is (lists flow over several pages), and its items.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub(crate) kind: PageKind,
    pub(crate) part: usize,
    pub(crate) parts: usize,
    pub(crate) items: Vec<Item>,
}

impl Page {
    /// The heading, with "(2/3)" when the kind takes several pages.
    pub(crate) fn title(&self, texts: &Texts, lang: crate::core::session::Lang) -> String {
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
pub(crate) fn flow(
    heights: &[f32],
    keep_with_next: &[bool],
    room: f32,
) -> Vec<std::ops::Range<usize>> {
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
pub(super) fn stack_down(top: f32, left: f32, width: f32, heights: &[f32]) -> Vec<Rect> {
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
                    last_time: match &c.card {
                        CardRef::Statement(id) => session.placed_before(id).and_then(|b| b.mean),
                        CardRef::Case(_) => None,
                    },
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
    let mut legend = texts.get(
        lang,
        if rows.is_empty() {
            "outcome-shift-none"
        } else {
            "outcome-shift-legend"
        },
    );
    // In a follow-up the chart also marks where the group stood last time.
    if let Some(last) = session.follows.as_deref()
        && rows.iter().any(|r| r.last_time.is_some())
    {
        let date = last
            .started_at
            .split_whitespace()
            .next()
            .unwrap_or_default();
        legend = format!(
            "{} {legend}",
            texts.format(lang, "outcome-shift-last-time", &[("date", date.into())])
        );
    }
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

    pages.extend(super::since_pages::since_pages(session, &t, texts));

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
pub(crate) fn scale_points(session: &Session) -> Vec<i32> {
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
pub(crate) fn first_page_of(pages: &[Page], kind: PageKind) -> Option<usize> {
    pages.iter().position(|p| p.kind == kind)
}

/// The page that shows `card` on a stack.
pub(crate) fn page_of_card(pages: &[Page], card: &CardRef) -> Option<usize> {
    pages.iter().position(|p| {
        p.items
            .iter()
            .any(|i| matches!(&i.what, What::StackCard { card: c, .. } if c == card))
    })
}

/// The stack whose column is nearer to `x`, relative to the page's centre.
pub(crate) fn stack_at(x: f32) -> Stack {
    if x <= 0.0 { Stack::Green } else { Stack::Red }
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
