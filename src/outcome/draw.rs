//! One draw function per kind of thing on an outcome page ([`What`]): the page itself, a stack's
//! heading and its cards, a statement, a post-it, the scale's axis, a row of the shift chart, a next
//! step and a note. [`super::present`] says which pages are drawn; this draws them.

use super::present::{Chart, ListPostIt, PageItem};
use super::shift_chart::Shape;
use crate::app::Screen;
use crate::core::i18n::Texts;
use crate::core::session::{Action, CardRef, Lang, PostItColour, PostItId, Stack};
use crate::game::GameMsg;
use crate::outcome::pages::{
    self, BODY_FONT, HEADING_FONT, Item, Page, SHIFT_LABEL_WIDTH, ShiftRow, What,
};
use crate::outcome::stacks::{self, CardLook};
use crate::table::layout::WORLD;
use crate::theme::{GameFonts, Palette, font};
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};

/// What drawing one page needs: where it goes, and the looks, texts and tallies it is drawn with.
pub(super) struct PagePainter<'a, 'w, 's> {
    pub(super) commands: &'a mut Commands<'w, 's>,
    pub(super) tr: &'a Texts,
    pub(super) lang: Lang,
    pub(super) fonts: &'a GameFonts,
    pub(super) disc: &'a Handle<Image>,
    pub(super) pal: &'a Palette,
    /// The stack card chosen from the keyboard.
    pub(super) selected: Option<&'a CardRef>,
    pub(super) chart: &'a Chart,
    /// The points of the scale's squares.
    pub(super) points: &'a [i32],
    /// Every card's stack.
    pub(super) stacks: &'a [(CardRef, Option<Stack>)],
    /// The page's centre in the world, and its place among the pages.
    pub(super) origin: Vec2,
    pub(super) index: usize,
}

impl PagePainter<'_, '_, '_> {
    fn at(&self, v: Vec2, z: f32) -> Transform {
        Transform::from_translation((self.origin + v).extend(z))
    }

    /// The page's heading and its number.
    pub(super) fn page(&mut self, page: &Page, count: usize) {
        let (pal, fonts) = (self.pal, self.fonts);
        let (heading, number) = (
            self.at(pages::heading_spot(), 1.0),
            // Bottom right: the top right is where the programme bar of a programme sits.
            self.at(Vec2::new(900.0, -WORLD.y / 2.0 + 20.0), 1.0),
        );
        // The page's ground is the camera's clear colour, the palette's background: a sprite of the
        // page's size would paint the whole screen a second time.
        self.commands.spawn((
            PageItem,
            Text2d::new(page.title(self.tr, self.lang)),
            font(fonts, HEADING_FONT, true),
            TextColor(pal.ink),
            Anchor::TOP_LEFT,
            heading,
            DespawnOnExit(Screen::Outcome),
        ));
        self.commands.spawn((
            PageItem,
            Text2d::new(format!("{} / {count}", self.index + 1)),
            font(fonts, BODY_FONT, false),
            TextColor(pal.ink_soft),
            Anchor::BOTTOM_RIGHT,
            number,
            DespawnOnExit(Screen::Outcome),
        ));
    }

    /// One thing on the page, by its kind.
    pub(super) fn item(&mut self, item: &Item) {
        let r = item.rect;
        match &item.what {
            What::StackHeading { stack, count } => self.stack_heading(r, *stack, *count),
            What::StackCard {
                card,
                stack,
                points,
                text,
                overridden,
            } => {
                let look = CardLook {
                    card,
                    stack: *stack,
                    points,
                    text,
                    overridden: *overridden,
                    selected: self.selected == Some(card),
                };
                let e = stacks::spawn_stack_card(
                    self.commands,
                    look,
                    r,
                    (self.index, self.origin),
                    self.pal,
                    self.fonts,
                );
                self.commands.entity(e).insert(PageItem);
            }
            What::Statement { text } => {
                let ink = self.pal.ink;
                self.text(text, Vec2::new(r.min.x, r.max.y), r.width(), true, ink);
            }
            What::PostIt {
                id,
                colour,
                answered,
                text,
            } => self.post_it(r, *id, *colour, *answered, text),
            What::Axis { points } => self.axis(r, points),
            What::Shift(row) => self.shift(r, row),
            What::Step { text, who } => self.step(r, text, who),
            What::Note { text } => {
                let ink = self.pal.ink_soft;
                self.text(text, Vec2::new(r.min.x, r.max.y), r.width(), false, ink);
            }
        }
    }

    /// Body text from its top left corner, wrapped at `width`.
    fn text(&mut self, s: &str, left: Vec2, width: f32, bold: bool, colour: Color) {
        let at = self.at(left, 2.0);
        self.commands.spawn((
            PageItem,
            Text2d::new(s.to_string()),
            font(self.fonts, BODY_FONT, bold),
            TextColor(colour),
            TextLayout::new(Justify::Left, LineBreak::WordBoundary),
            TextBounds::new(width, 2000.0),
            Anchor::TOP_LEFT,
            at,
            DespawnOnExit(Screen::Outcome),
            Pickable::IGNORE,
        ));
    }

    /// A stack's coloured heading with its name and number of cards.
    fn stack_heading(&mut self, r: Rect, stack: Stack, count: usize) {
        let (colour, label, at_text, width) =
            stack_heading_look(r, stack, count, self.tr, self.lang, self.pal);
        let at = self.at(r.center(), 1.0);
        self.commands.spawn((
            PageItem,
            Sprite::from_color(colour, r.size()),
            at,
            DespawnOnExit(Screen::Outcome),
            Pickable::IGNORE,
        ));
        self.text(&label, at_text, width, true, Color::WHITE);
    }

    /// A post-it in a list; a pink one is a question that a click marks answered.
    fn post_it(&mut self, r: Rect, id: PostItId, colour: PostItColour, answered: bool, s: &str) {
        let (fill, edge) = match colour {
            PostItColour::Green => (self.pal.green_note, self.pal.green_edge),
            PostItColour::Pink => (self.pal.pink_note, self.pal.pink_edge),
        };
        let at = self.at(r.center() + Vec2::new(-12.0, 0.0), 1.0);
        let mut row = self.commands.spawn((
            PageItem,
            Name::new("list post-it"),
            Sprite::from_color(fill, r.size() + Vec2::new(24.0, 8.0)),
            at,
            DespawnOnExit(Screen::Outcome),
            children![(
                Sprite::from_color(edge, Vec2::new(10.0, r.height() + 8.0)),
                Transform::from_xyz(-r.width() / 2.0 - 12.0 + 5.0, 0.0, 0.1),
                Pickable::IGNORE,
            )],
        ));
        if colour == PostItColour::Pink {
            // Sprite picking considers only sprites marked pickable.
            row.insert((ListPostIt { id, answered }, Pickable::default()))
                .observe(toggle_answered);
        } else {
            row.insert(Pickable::IGNORE);
        }
        let shown = if answered {
            format!("{s} — {}", self.tr.get(self.lang, "outcome-answered"))
        } else {
            s.to_string()
        };
        let ink = self.pal.note_ink;
        self.text(
            &shown,
            Vec2::new(r.min.x + 8.0, r.max.y),
            r.width() - 16.0,
            false,
            ink,
        );
    }

    /// The points of the scale above the shift chart.
    fn axis(&mut self, r: Rect, points: &[i32]) {
        for p in points {
            let at = self.at(Vec2::new(self.chart.x(f64::from(*p)), r.max.y), 2.0);
            self.commands.spawn((
                PageItem,
                Text2d::new(crate::core::i18n::decimal(self.lang, f64::from(*p), 0)),
                font(self.fonts, BODY_FONT, true),
                TextColor(self.pal.ink_soft),
                Anchor::TOP_CENTER,
                at,
                DespawnOnExit(Screen::Outcome),
                Pickable::IGNORE,
            ));
        }
    }

    /// A straight line from `a` to `b` on the page.
    fn line(&mut self, a: Vec2, b: Vec2, thick: f32, colour: Color, z: f32) {
        let d = b - a;
        self.commands.spawn((
            PageItem,
            Sprite::from_color(colour, Vec2::new(d.length().max(thick), thick)),
            Transform::from_translation((self.origin + (a + b) / 2.0).extend(z))
                .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x))),
            DespawnOnExit(Screen::Outcome),
            Pickable::IGNORE,
        ));
    }

    /// A round disc (a pawn's image) centred at `x` on the row at `y`.
    fn dot(&mut self, x: f32, y: f32, size: f32, colour: Color, z: f32) {
        let at = self.at(Vec2::new(x, y), z);
        self.commands.spawn((
            PageItem,
            Sprite {
                image: self.disc.clone(),
                color: colour,
                custom_size: Some(Vec2::splat(size)),
                ..default()
            },
            at,
            DespawnOnExit(Screen::Outcome),
            Pickable::IGNORE,
        ));
    }

    /// One statement's row of the shift chart: its label, the scale, the spread of each round and an
    /// arrow from the first round's mean to the plenary's.
    fn shift(&mut self, r: Rect, row: &ShiftRow) {
        let y = r.center().y;
        let (pal, chart) = (self.pal, self.chart);
        // The statement, centred on its row's line.
        let at = self.at(Vec2::new(r.min.x, y), 2.0);
        self.commands.spawn((
            PageItem,
            Text2d::new(row.label.clone()),
            font(self.fonts, BODY_FONT, false),
            TextColor(pal.ink),
            TextLayout::new(Justify::Left, LineBreak::WordBoundary),
            TextBounds::new(SHIFT_LABEL_WIDTH, pages::SHIFT_ROW),
            Anchor::CENTER_LEFT,
            at,
            DespawnOnExit(Screen::Outcome),
            Pickable::IGNORE,
        ));
        for shape in super::shift_chart::row_shapes(row, y, chart, self.points, self.stacks, pal) {
            match shape {
                Shape::Line {
                    a,
                    b,
                    thick,
                    colour,
                    z,
                } => self.line(a, b, thick, colour, z),
                Shape::Dot {
                    centre,
                    size,
                    colour,
                    z,
                } => self.dot(centre.x, centre.y, size, colour, z),
            }
        }
    }

    /// A next step in bold, who takes it on (and when) on the line under it.
    fn step(&mut self, r: Rect, s: &str, who: &str) {
        let at = self.at(Vec2::new(r.min.x, r.max.y), 2.0);
        self.commands.spawn((
            PageItem,
            Text2d::new(s.to_string()),
            font(self.fonts, BODY_FONT, true),
            TextColor(self.pal.ink),
            TextLayout::new(Justify::Left, LineBreak::WordBoundary),
            TextBounds::new(r.width(), 2000.0),
            Anchor::TOP_LEFT,
            at,
            DespawnOnExit(Screen::Outcome),
            Pickable::IGNORE,
            children![(
                TextSpan::new(format!("\n— {who}")),
                font(self.fonts, BODY_FONT, false),
                TextColor(self.pal.ink_soft),
            )],
        ));
    }
}

/// A stack heading's colour and words, and where its words go (their top left and width), for the
/// screen and the picture alike.
pub(super) fn stack_heading_look(
    r: Rect,
    stack: Stack,
    count: usize,
    tr: &Texts,
    lang: Lang,
    pal: &Palette,
) -> (Color, String, Vec2, f32) {
    let (colour, key, sign) = match stack {
        Stack::Green => (pal.green_stack, "outcome-green-stack", "+"),
        Stack::Red => (pal.red_stack, "outcome-red-stack", "!"),
    };
    let label = format!("{sign}  {} ({count})", tr.get(lang, key));
    (
        colour,
        label,
        Vec2::new(r.min.x + 16.0, r.max.y - 7.0),
        r.width() - 32.0,
    )
}

/// A click on a pink post-it in a list marks it answered, or not answered again.
fn toggle_answered(
    ev: On<Pointer<Click>>,
    rows: Query<&ListPostIt>,
    mut messages: MessageWriter<GameMsg>,
) {
    if let Ok(row) = rows.get(ev.entity) {
        messages.write(GameMsg::Do(Action::SetAnswered {
            id: row.id,
            answered: !row.answered,
        }));
    }
}
