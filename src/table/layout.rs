//! Where things sit on the board, in world units. The camera shows at least 1920×1080 of them, so the
//! layout is the same on a 1280×720 beamer and a 4K TV. Pure functions, tested without Bevy.

use bevy::math::{Rect, Vec2};

/// The part of the world the camera always shows.
pub const WORLD: Vec2 = Vec2::new(1920.0, 1080.0);
/// Diameter of a pawn: at least 48 px at 1080p, for fingers.
pub const PAWN_SIZE: f32 = 66.0;
/// Size of a post-it: one column beside the board, three lines of text the back of the room can read.
pub const POST_IT_SIZE: Vec2 = Vec2::new(560.0, 150.0);
/// Font sizes. The statement is at least 1/20 of the screen height.
pub const STATEMENT_FONT: f32 = 56.0;
pub const LABEL_FONT: f32 = 30.0;
pub(crate) const SMALL_FONT: f32 = 26.0;
/// The post-its are the discussion: 1/30 of the screen height, as the outcome pages.
pub const POST_IT_FONT: f32 = 36.0;

/// The statement card, top left, below the programme bar's margin.
pub fn card_rect() -> Rect {
    Rect::new(-920.0, 60.0, 340.0, 462.0)
}

/// The row of squares of the scale.
pub(crate) fn board_rect() -> Rect {
    Rect::new(-920.0, -310.0, 340.0, 30.0)
}

/// The area where pawns wait that are not on the board yet.
pub fn pool_rect() -> Rect {
    Rect::new(-920.0, -415.0, 340.0, -325.0)
}

/// The column of post-its, to the right of the card and board.
pub(crate) fn post_it_rect() -> Rect {
    Rect::new(380.0, -228.0, 940.0, 462.0)
}

/// Where the facilitator's post-it entry sits, below the column of post-its: never over the board.
pub(crate) fn post_it_entry_rect() -> Rect {
    Rect::new(380.0, -446.0, 940.0, -238.0)
}

/// The squares of a scale with `n` squares, left to right.
pub fn square_rects(n: usize) -> Vec<Rect> {
    let board = board_rect();
    let gap = 12.0;
    let n = n.max(1);
    let width = (board.width() - gap * (n as f32 - 1.0)) / n as f32;
    (0..n)
        .map(|i| {
            let x = board.min.x + i as f32 * (width + gap);
            Rect::new(x, board.min.y, x + width, board.max.y)
        })
        .collect()
}

/// The square under a point, if any.
pub fn square_at(point: Vec2, n: usize) -> Option<usize> {
    square_rects(n).iter().position(|r| r.contains(point))
}

/// Room at the top of a square for its number and label.
pub(crate) const SQUARE_LABEL_ROOM: f32 = 118.0;

/// Where the `slot`-th of `count` pawns on a square stands. Pawns fill the square in rows below its
/// label; when many share a narrow square, the rows move closer and the pawns overlap a little.
pub fn pawn_spot(square: Rect, slot: usize, count: usize) -> Vec2 {
    let step = PAWN_SIZE + 6.0;
    let columns = ((square.width() - 8.0) / step).floor().max(1.0) as usize;
    let col = slot % columns;
    let row = slot / columns;
    let rows = count.max(1).div_ceil(columns);
    let room = square.height() - SQUARE_LABEL_ROOM - PAWN_SIZE;
    let step_y = if rows > 1 {
        (room / (rows - 1) as f32).min(step)
    } else {
        step
    };
    let used = columns.min(count.max(1)) as f32 * step;
    let left = square.center().x - used / 2.0 + step / 2.0;
    Vec2::new(
        left + col as f32 * step,
        square.max.y - SQUARE_LABEL_ROOM - PAWN_SIZE / 2.0 - row as f32 * step_y,
    )
}

/// Where the ghost of the `slot`-th of `count` first placements on a square stands during the plenary:
/// in rows from the bottom of the square, so the pawns placed again (in rows from the top) never hide
/// it.
pub(crate) fn ghost_spot(square: Rect, slot: usize, count: usize) -> Vec2 {
    let top = pawn_spot(square, slot, count);
    let first_row = pawn_spot(square, 0, count).y;
    Vec2::new(
        top.x,
        square.min.y + PAWN_SIZE / 2.0 + 8.0 + (first_row - top.y),
    )
}

/// Where the `index`-th of `count` waiting pawns stands in the pool.
pub fn pool_spot(index: usize, count: usize) -> Vec2 {
    let pool = pool_rect();
    let step = (PAWN_SIZE + 14.0).min(pool.width() / count.max(1) as f32);
    let left = pool.min.x + 200.0;
    Vec2::new(left + index as f32 * step + step / 2.0, pool.center().y)
}

/// Where the `index`-th post-it of a card sits when it was not moved by hand; `scroll` is how many rows
/// have been scrolled away.
pub fn post_it_spot(index: usize, scroll: usize) -> Option<Vec2> {
    let area = post_it_rect();
    let columns = 1;
    let row = (index / columns) as isize - scroll as isize;
    if row < 0 {
        return None;
    }
    let step_y = POST_IT_SIZE.y + 12.0;
    let y = area.max.y - POST_IT_SIZE.y / 2.0 - row as f32 * step_y;
    if y - POST_IT_SIZE.y / 2.0 < area.min.y {
        return None;
    }
    let x = area.min.x + POST_IT_SIZE.x / 2.0 + (index % columns) as f32 * (POST_IT_SIZE.x + 14.0);
    Some(Vec2::new(x, y))
}

/// Rows of post-its that fit in the column.
pub(crate) fn post_it_rows_visible() -> usize {
    (post_it_rect().height() / (POST_IT_SIZE.y + 12.0)).floor() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squares_fill_the_board_without_overlap() {
        for n in 2..=7 {
            let rects = square_rects(n);
            assert_eq!(rects.len(), n);
            for w in rects.windows(2) {
                assert!(w[0].max.x < w[1].min.x);
            }
            assert!((rects[0].min.x - board_rect().min.x).abs() < 0.01);
            assert!((rects[n - 1].max.x - board_rect().max.x).abs() < 0.01);
            for (i, r) in rects.iter().enumerate() {
                assert_eq!(square_at(r.center(), n), Some(i));
            }
        }
        assert_eq!(square_at(Vec2::new(0.0, 400.0), 4), None);
    }

    #[test]
    fn twelve_pawns_fit_on_one_square_of_seven() {
        for n in [2, 4, 7] {
            let r = square_rects(n)[1];
            let spots: Vec<Vec2> = (0..12).map(|slot| pawn_spot(r, slot, 12)).collect();
            for (slot, p) in spots.iter().enumerate() {
                assert!(
                    r.contains(*p),
                    "{n} squares: slot {slot} at {p} outside {r:?}"
                );
                assert!(
                    p.y + PAWN_SIZE / 2.0 <= r.max.y - SQUARE_LABEL_ROOM + 0.01,
                    "below the label"
                );
            }
            for (i, a) in spots.iter().enumerate() {
                for b in &spots[i + 1..] {
                    assert!(
                        a.distance(*b) > PAWN_SIZE / 3.0,
                        "{n} squares: pawns on top of each other"
                    );
                }
            }
        }
    }

    #[test]
    fn ghosts_stand_apart_from_the_pawns_placed_again() {
        // On seven narrow squares there is room for one row of each.
        for (n, counts) in [(2, [1, 3]), (4, [1, 3]), (7, [1, 2])] {
            let r = square_rects(n)[0];
            for count in counts {
                for slot in 0..count {
                    let ghost = ghost_spot(r, slot, count);
                    assert!(r.contains(ghost), "{n} squares: ghost {slot} inside");
                    for other in 0..count {
                        assert!(
                            ghost.distance(pawn_spot(r, other, count)) >= PAWN_SIZE,
                            "{n} squares: ghost {slot} clear of pawn {other}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn post_its_stay_in_their_column() {
        let area = post_it_rect();
        let mut shown = 0;
        for i in 0..40 {
            if let Some(p) = post_it_spot(i, 0) {
                assert!(area.contains(p));
                shown += 1;
            }
        }
        assert_eq!(shown, post_it_rows_visible());
        assert!(shown >= 4, "room for {shown} post-its");
        assert_eq!(post_it_spot(0, 1), None);
        assert_eq!(post_it_spot(1, 1), post_it_spot(0, 0));
    }
}
