//! The cards of the green stack (already present) and the red stack (needs work) on the outcome's
//! stack pages. A card moves to the other stack by a click, by dragging it over to the other column,
//! or from the keyboard (↑/↓ choose a card, Enter moves it): the facilitator's override, recorded as an
//! action.

use crate::core::session::{Action, CardRef, Stack};
use crate::game::GameMsg;
use crate::outcome::pages::{self, BODY_FONT, CARD_PAD, POINTS_ROOM};
use crate::table::drag::{self, BoardCamera, Draggable, Dragging};
use crate::table::post_it::CLICK_SLOP;
use crate::theme::{GameFonts, Palette, font};
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};

/// A card on one of the two stacks, on page `page` of the outcome, whose centre is at `origin`.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct StackCard {
    pub card: CardRef,
    pub stack: Stack,
    pub(crate) page: usize,
    pub(crate) origin: Vec2,
}

/// The stack card chosen with the keyboard; Enter moves it to the other stack.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct SelectedStackCard(pub Option<CardRef>);

/// The other stack.
pub(crate) fn other(stack: Stack) -> Stack {
    match stack {
        Stack::Green => Stack::Red,
        Stack::Red => Stack::Green,
    }
}

/// The look of one stack card.
pub(crate) struct CardLook<'a> {
    pub(crate) card: &'a CardRef,
    pub(crate) stack: Stack,
    pub(crate) points: &'a str,
    pub(crate) text: &'a str,
    pub(crate) overridden: bool,
    pub(crate) selected: bool,
}

/// Spawns a stack card in full: its points on the left, its whole text beside them.
pub(crate) fn spawn_stack_card(
    commands: &mut Commands,
    look: CardLook,
    rect: Rect,
    (page, origin): (usize, Vec2),
    pal: &Palette,
    fonts: &GameFonts,
) -> Entity {
    let edge = match look.stack {
        Stack::Green => pal.green_stack,
        Stack::Red => pal.red_stack,
    };
    let size = rect.size();
    let z = 2.0;
    let mark = if look.overridden { " *" } else { "" };
    let mut card = commands.spawn((
        StackCard {
            card: look.card.clone(),
            stack: look.stack,
            page,
            origin,
        },
        Name::new("stack card"),
        Sprite::from_color(edge, size),
        Transform::from_translation((origin + rect.center()).extend(z)),
        Pickable::default(),
        Draggable { lifted_z: 40.0 },
        DespawnOnExit(crate::app::Screen::Outcome),
        children![
            (
                Sprite::from_color(pal.card, size - Vec2::new(POINTS_ROOM, 8.0)),
                Transform::from_xyz(POINTS_ROOM / 2.0 - 4.0, 0.0, 0.1),
                Pickable::IGNORE,
            ),
            (
                Text2d::new(format!("{}{mark}", look.points)),
                font(fonts, BODY_FONT, true),
                TextColor(Color::WHITE),
                Anchor::TOP_LEFT,
                Transform::from_xyz(-size.x / 2.0 + CARD_PAD, size.y / 2.0 - CARD_PAD, 0.2),
                Pickable::IGNORE,
            ),
            (
                Text2d::new(look.text.to_string()),
                font(fonts, BODY_FONT, false),
                TextColor(pal.ink),
                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
                TextBounds::new(size.x - POINTS_ROOM - 2.0 * CARD_PAD, size.y),
                Anchor::TOP_LEFT,
                Transform::from_xyz(
                    -size.x / 2.0 + POINTS_ROOM + CARD_PAD,
                    size.y / 2.0 - CARD_PAD,
                    0.2
                ),
                Pickable::IGNORE,
            ),
        ],
    ));
    if look.selected {
        // A thick frame in the ink colour around the card chosen with the keyboard.
        card.with_child((
            Sprite::from_color(pal.ink, size + Vec2::splat(16.0)),
            Transform::from_xyz(0.0, 0.0, -0.05),
            Pickable::IGNORE,
        ));
    }
    card.observe(move_to_other_stack)
        .observe(drag::lift)
        .observe(drag::follow)
        .observe(drop_on_a_stack);
    card.id()
}

/// A click (not the release at the end of a drag) moves the card to the other stack.
fn move_to_other_stack(
    ev: On<Pointer<Click>>,
    cards: Query<(&StackCard, &Transform, Option<&Dragging>)>,
    mut messages: MessageWriter<GameMsg>,
) {
    let Ok((card, transform, dragging)) = cards.get(ev.entity) else {
        return;
    };
    // bevy_picking sends the click before the drag's end, so a drag is still marked here.
    if dragging.is_some_and(|d| d.from.distance(transform.translation.truncate()) > CLICK_SLOP) {
        return;
    }
    messages.write(GameMsg::Do(Action::OverrideStack {
        card: card.card.clone(),
        stack: Some(other(card.stack)),
    }));
}

/// A card dropped over the other stack's half of the page goes there; anywhere else it goes back.
fn drop_on_a_stack(
    ev: On<Pointer<DragEnd>>,
    mut commands: Commands,
    mut cards: Query<(&StackCard, &mut Transform, &Dragging)>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
    mut messages: MessageWriter<GameMsg>,
) {
    let Ok((card, mut transform, dragging)) = cards.get_mut(ev.entity) else {
        commands.entity(ev.entity).remove::<Dragging>();
        return;
    };
    if dragging.pointer != ev.pointer_id {
        return;
    }
    let at = drag::drag_position(dragging, &ev.pointer_location, ev.event.distance, &cameras);
    let from = dragging.from;
    commands.entity(ev.entity).remove::<Dragging>();
    let target = pages::stack_at(at.x - card.origin.x);
    if at.distance(from) > CLICK_SLOP && target != card.stack {
        messages.write(GameMsg::Do(Action::OverrideStack {
            card: card.card.clone(),
            stack: Some(target),
        }));
    } else {
        // A tap (the click handles it) or a drop on its own stack: back to its place.
        transform.translation = from.extend(2.0);
    }
}
