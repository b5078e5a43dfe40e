//! The outcome in the world: the green stack (already present) and the red stack (needs work), each
//! card with its points. Clicking a card, or dragging it over to the other stack, moves it there (the
//! facilitator's override, recorded as an action).

use crate::app::{AppSystems, Screen};
use crate::core::session::{Action, CardRef, Stack};
use crate::core::tally::tally;
use crate::session::{ActiveGame, GameMsg};
use crate::table::board::Tr;
use crate::table::drag::{self, BoardCamera, Draggable, Dragging};
use crate::table::layout::{self, STACK_CARD_SIZE};
use crate::table::post_it::CLICK_SLOP;
use crate::theme::{GameFonts, Palette, font};
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};

/// A card on one of the two stacks.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct StackCard {
    pub card: CardRef,
    pub stack: Stack,
    pub label: String,
}

/// A stack's heading.
#[derive(Component)]
pub struct StackHeading;

pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw_stacks
            .run_if(
                resource_changed::<ActiveGame>
                    .or_else(state_changed::<Screen>)
                    .or_else(resource_changed::<Palette>),
            )
            .run_if(in_state(Screen::Outcome))
            .in_set(AppSystems::Draw),
    );
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The cards of both stacks as the tally has them.
pub fn stack_cards(session: &crate::core::session::Session) -> Vec<StackCard> {
    let t = tally(session);
    let decimal = |v: f64| crate::core::i18n::decimal(session.language, v, 1);
    let mut out = Vec::new();
    for (stack, cards) in [(Stack::Green, &t.green), (Stack::Red, &t.red)] {
        for card in cards {
            if let Some(c) = t.cards.iter().find(|c| &c.card == card) {
                let points = c
                    .plenary
                    .mean
                    .or(c.first.mean)
                    .map(decimal)
                    .unwrap_or_else(|| "–".into());
                let mark = if c.stack_override.is_some() { " *" } else { "" };
                out.push(StackCard {
                    card: card.clone(),
                    stack,
                    label: format!("{points}{mark}  {}", short(&c.text, 80)),
                });
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn draw_stacks(
    mut commands: Commands,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    fonts: Option<Res<GameFonts>>,
    existing: Query<(Entity, &StackCard)>,
    headings: Query<Entity, With<StackHeading>>,
    pal: Res<Palette>,
    mut drawn_contrast: Local<Option<bool>>,
) {
    let session = game.session();
    let want = stack_cards(session);
    let have: Vec<&StackCard> = existing.iter().map(|(_, c)| c).collect();
    if have.len() == want.len()
        && want.iter().zip(&have).all(|(a, b)| a == *b)
        && !headings.is_empty()
        && *drawn_contrast == Some(pal.high_contrast)
    {
        return;
    }
    *drawn_contrast = Some(pal.high_contrast);
    for (e, _) in &existing {
        commands.entity(e).despawn();
    }
    for e in &headings {
        commands.entity(e).despawn();
    }
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let lang = session.language;
    for (green, key, colour, sign) in [
        (true, "outcome-green-stack", pal.green_stack, "+"),
        (false, "outcome-red-stack", pal.red_stack, "!"),
    ] {
        let spot = layout::stack_card_spot(green, 0, 1) + Vec2::new(0.0, 80.0);
        commands.spawn((
            StackHeading,
            Sprite::from_color(colour, Vec2::new(STACK_CARD_SIZE.x, 70.0)),
            Transform::from_translation(spot.extend(1.0)),
            DespawnOnExit(Screen::Outcome),
            children![(
                Text2d::new(format!("{sign}  {}", tr.0.get(lang, key))),
                font(&fonts, 30.0, true),
                TextColor(Color::WHITE),
                Transform::from_xyz(0.0, 0.0, 0.1),
            )],
        ));
    }
    let mut index = [0usize; 2];
    let counts = [
        want.iter().filter(|c| c.stack == Stack::Green).count(),
        want.iter().filter(|c| c.stack == Stack::Red).count(),
    ];
    for card in want {
        let green = card.stack == Stack::Green;
        let count = counts[usize::from(!green)];
        let i = &mut index[usize::from(!green)];
        let spot = layout::stack_card_spot(green, *i, count);
        let z = 2.0 + *i as f32 * 0.5;
        *i += 1;
        let edge = if green {
            pal.green_stack
        } else {
            pal.red_stack
        };
        commands
            .spawn((
                card.clone(),
                Name::new("stack card"),
                Sprite::from_color(edge, STACK_CARD_SIZE),
                Transform::from_translation(spot.extend(z)),
                Pickable::default(),
                Draggable { lifted_z: 40.0 },
                DespawnOnExit(Screen::Outcome),
                children![
                    (
                        Sprite::from_color(pal.card, STACK_CARD_SIZE - Vec2::new(14.0, 6.0)),
                        Transform::from_xyz(5.0, 0.0, 0.1),
                        Pickable::IGNORE,
                    ),
                    (
                        Text2d::new(card.label.clone()),
                        font(&fonts, 21.0, false),
                        TextColor(pal.ink),
                        TextLayout::new(Justify::Left, LineBreak::WordBoundary),
                        TextBounds::new(STACK_CARD_SIZE.x - 34.0, STACK_CARD_SIZE.y - 8.0),
                        Anchor::TOP_LEFT,
                        Transform::from_xyz(
                            -STACK_CARD_SIZE.x / 2.0 + 20.0,
                            STACK_CARD_SIZE.y / 2.0 - 6.0,
                            0.2
                        ),
                        Pickable::IGNORE,
                    ),
                ],
            ))
            .observe(move_to_other_stack)
            .observe(drag::lift)
            .observe(drag::follow)
            .observe(drop_on_a_stack);
    }
}

fn other(stack: Stack) -> Stack {
    match stack {
        Stack::Green => Stack::Red,
        Stack::Red => Stack::Green,
    }
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

/// The stack whose column is nearer to `x`.
pub fn stack_at(x: f32) -> Stack {
    let green = layout::stack_card_spot(true, 0, 1).x;
    let red = layout::stack_card_spot(false, 0, 1).x;
    if (x - green).abs() <= (x - red).abs() {
        Stack::Green
    } else {
        Stack::Red
    }
}

/// A card dropped over the other stack goes there; dropped anywhere else it goes back.
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
    let target = stack_at(at.x);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_dropped_nearer_a_stack_goes_to_that_stack() {
        let green = layout::stack_card_spot(true, 0, 1).x;
        let red = layout::stack_card_spot(false, 0, 1).x;
        assert!(green < red, "green stands left of red");
        assert_eq!(stack_at(green), Stack::Green);
        assert_eq!(stack_at(red), Stack::Red);
        assert_eq!(stack_at(red + 500.0), Stack::Red);
        assert_eq!(stack_at(green - 500.0), Stack::Green);
        assert_eq!(stack_at(green + (red - green) * 0.4), Stack::Green);
        assert_eq!(stack_at(green + (red - green) * 0.6), Stack::Red);
        assert_eq!(other(Stack::Green), Stack::Red);
    }
}
