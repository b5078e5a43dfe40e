//! One row of the shift chart as shapes: the scale with its ticks, each round's spread, last time's
//! mean in a follow-up, the arrow from the first round to the plenary and the two rounds' dots. The
//! screen ([`super::draw`]) and the picture ([`super::svg`]) draw the same shapes, so they agree.

use super::pages::ShiftRow;
use super::present::Chart;
use crate::core::session::{CardRef, Stack};
use crate::theme::Palette;
use bevy::color::Color;
use bevy::math::Vec2;

/// A shape of the chart, in page units (y up), with its depth on the screen.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Shape {
    /// A straight bar from `a` to `b`, `thick` wide, at least as long as it is thick.
    Line {
        a: Vec2,
        b: Vec2,
        thick: f32,
        colour: Color,
        z: f32,
    },
    /// A round disc of diameter `size`.
    Dot {
        centre: Vec2,
        size: f32,
        colour: Color,
        z: f32,
    },
}

/// The shapes of `row`, whose line is at height `y`: `points` are the scale's, `stacks` every
/// card's stack (the plenary is drawn in its stack's colour).
pub(super) fn row_shapes(
    row: &ShiftRow,
    y: f32,
    chart: &Chart,
    points: &[i32],
    stacks: &[(CardRef, Option<Stack>)],
    pal: &Palette,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    let mut line = |a: Vec2, b: Vec2, thick: f32, colour: Color, z: f32| {
        shapes.push(Shape::Line {
            a,
            b,
            thick,
            colour,
            z,
        });
    };
    // The scale as a faint line with a tick at every point.
    let edge = pal.square_edge;
    line(
        Vec2::new(chart.left, y),
        Vec2::new(chart.right, y),
        2.0,
        edge,
        1.0,
    );
    for p in points {
        let x = chart.x(f64::from(*p));
        line(
            Vec2::new(x, y - 12.0),
            Vec2::new(x, y + 12.0),
            2.0,
            edge,
            1.0,
        );
    }
    // The spread of each round: from the lowest to the highest placement.
    if let Some(f) = &row.first {
        line(
            Vec2::new(chart.x(f64::from(f.min)), y + 22.0),
            Vec2::new(chart.x(f64::from(f.max)), y + 22.0),
            10.0,
            pal.ink_soft,
            1.5,
        );
    }
    let plenary_colour = match stacks
        .iter()
        .find(|(card, _)| *card == row.card)
        .and_then(|(_, stack)| *stack)
    {
        Some(Stack::Red) => pal.red_stack,
        _ => pal.green_stack,
    };
    if let Some(p) = &row.plenary {
        line(
            Vec2::new(chart.x(f64::from(p.min)), y - 22.0),
            Vec2::new(chart.x(f64::from(p.max)), y - 22.0),
            10.0,
            plenary_colour,
            1.5,
        );
    }
    // Last time's mean, in a follow-up: a dark bar across the row, behind the dots, as on the board;
    // it shows above and below a dot that stands on it.
    if let Some(m) = row.last_time {
        let x = chart.x(m);
        line(
            Vec2::new(x, y - 34.0),
            Vec2::new(x, y + 34.0),
            7.0,
            pal.ink,
            2.5,
        );
    }
    let mut dots = Vec::new();
    let mut dot = |x: f32, size: f32, colour: Color, z: f32| {
        dots.push(Shape::Dot {
            centre: Vec2::new(x, y),
            size,
            colour,
            z,
        });
    };
    let first = |dot: &mut dyn FnMut(f32, f32, Color, f32), x: f32| {
        // The first round: an open ring.
        dot(x, 30.0, pal.ink_soft, 3.0);
        dot(x, 18.0, pal.background, 3.1);
    };
    match (&row.first, &row.plenary) {
        (Some(f), Some(p)) => {
            let (a, b) = (chart.x(f.mean), chart.x(p.mean));
            if (b - a).abs() > 30.0 {
                // An arrow from the first round to the plenary.
                let tip = Vec2::new(b - 20.0 * (b - a).signum(), y);
                line(Vec2::new(a, y), tip, 6.0, pal.ink, 2.0);
                let back = -16.0 * (b - a).signum();
                line(tip, tip + Vec2::new(back, 12.0), 6.0, pal.ink, 2.0);
                line(tip, tip + Vec2::new(back, -12.0), 6.0, pal.ink, 2.0);
            }
            first(&mut dot, a);
            dot(b, 34.0, plenary_colour, 3.2);
        }
        (Some(f), None) => first(&mut dot, chart.x(f.mean)),
        (None, Some(p)) => dot(chart.x(p.mean), 34.0, plenary_colour, 3.2),
        (None, None) => {}
    }
    shapes.extend(dots);
    shapes
}
