//! The keyboard: the facilitator can run the whole game without a mouse. Undo and redo, next and
//! previous card, choose a player and move their pawn, open the help.

use super::pawn::SelectedPlayer;
use super::screens::HelpOpen;
use super::session::{ActiveGame, GameMsg};
use super::{AppSystems, Screen};
use crate::core::session::Action;
use bevy::prelude::*;

/// Set while a text field has the keyboard, so typing a post-it does not move the game.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyboardBusy(pub bool);

/// Asks the panels to focus the post-it field.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusPostItField(pub bool);

pub fn plugin(app: &mut App) {
    app.init_resource::<KeyboardBusy>()
        .init_resource::<FocusPostItField>();
    app.init_resource::<ButtonInput<KeyCode>>();
    app.add_systems(
        Update,
        game_keys
            .run_if(resource_changed::<ButtonInput<KeyCode>>)
            .run_if(|busy: Res<KeyboardBusy>| !busy.0)
            .run_if(resource_exists::<ButtonInput<KeyCode>>)
            .in_set(AppSystems::Input),
    );
}

const DIGITS: [KeyCode; 10] = [
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::Digit0,
];

#[allow(clippy::too_many_arguments)]
fn game_keys(
    keys: Res<ButtonInput<KeyCode>>,
    screen: Res<State<Screen>>,
    game: Res<ActiveGame>,
    mut selected: ResMut<SelectedPlayer>,
    mut help: ResMut<HelpOpen>,
    mut focus: ResMut<FocusPostItField>,
    mut palette: ResMut<super::theme::Palette>,
    mut messages: MessageWriter<GameMsg>,
    mut photo: Option<MessageWriter<super::photo::PhotoThenOutcome>>,
) {
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if keys.just_pressed(KeyCode::F1) || (shift && keys.just_pressed(KeyCode::Slash)) {
        help.0 = !help.0;
    }
    if keys.just_pressed(KeyCode::F2) {
        *palette = if palette.high_contrast {
            super::theme::Palette::NORMAL
        } else {
            super::theme::Palette::HIGH_CONTRAST
        };
    }
    if ctrl && keys.just_pressed(KeyCode::KeyZ) {
        messages.write(if shift { GameMsg::Redo } else { GameMsg::Undo });
        return;
    }
    if ctrl && keys.just_pressed(KeyCode::KeyY) {
        messages.write(GameMsg::Redo);
        return;
    }
    // Ctrl+Enter: on to the next part of the game (the plenary, then the outcome).
    if ctrl && (keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter)) {
        match screen.get() {
            Screen::Play => {
                messages.write(GameMsg::Do(Action::StartPlenary));
            }
            Screen::Plenary => match photo.as_mut() {
                Some(photo) => {
                    photo.write(super::photo::PhotoThenOutcome);
                }
                None => {
                    messages.write(GameMsg::Do(Action::ShowOutcome));
                }
            },
            _ => {}
        }
        return;
    }
    if ctrl {
        return;
    }
    let playing = matches!(screen.get(), Screen::Play | Screen::Plenary);
    if !playing {
        return;
    }
    let session = game.session();
    if keys.just_pressed(KeyCode::Escape) {
        selected.0 = None;
        help.0 = false;
    }
    if keys.just_pressed(KeyCode::KeyN) {
        focus.0 = true;
    }
    // 1..9, 0: choose player 1..10; Tab walks through all players.
    for (i, key) in DIGITS.iter().enumerate() {
        if keys.just_pressed(*key)
            && let Some(p) = session.players.get(i)
        {
            selected.0 = if selected.0 == Some(p.id) {
                None
            } else {
                Some(p.id)
            };
        }
    }
    if keys.just_pressed(KeyCode::Tab) && !session.players.is_empty() {
        let next = match selected
            .0
            .and_then(|id| session.players.iter().position(|p| p.id == id))
        {
            Some(i) if shift => (i + session.players.len() - 1) % session.players.len(),
            Some(i) => (i + 1) % session.players.len(),
            None => 0,
        };
        selected.0 = Some(session.players[next].id);
    }
    let squares = session.deck.scale.squares.len();
    match (selected.0, session.active_card()) {
        (Some(player), Some((card, round))) => {
            let current = session
                .record(&card)
                .and_then(|r| r.round(round).get(&player).copied());
            let target = if keys.just_pressed(KeyCode::ArrowRight)
                || keys.just_pressed(KeyCode::ArrowUp)
            {
                Some(current.map_or(0, |s| (s + 1).min(squares - 1)))
            } else if keys.just_pressed(KeyCode::ArrowLeft) || keys.just_pressed(KeyCode::ArrowDown)
            {
                Some(current.map_or(0, |s| s.saturating_sub(1)))
            } else if keys.just_pressed(KeyCode::Home) {
                Some(0)
            } else if keys.just_pressed(KeyCode::End) {
                Some(squares - 1)
            } else {
                None
            };
            if let Some(square) = target
                && Some(square) != current
            {
                messages.write(GameMsg::Do(Action::Place {
                    player,
                    card: card.clone(),
                    round,
                    square,
                }));
            }
            if keys.just_pressed(KeyCode::Delete) || keys.just_pressed(KeyCode::Backspace) {
                messages.write(GameMsg::Do(Action::Unplace {
                    player,
                    card,
                    round,
                }));
            }
        }
        _ => {
            if keys.just_pressed(KeyCode::ArrowRight) || keys.just_pressed(KeyCode::PageDown) {
                messages.write(GameMsg::Next);
            }
            if keys.just_pressed(KeyCode::ArrowLeft) || keys.just_pressed(KeyCode::PageUp) {
                messages.write(GameMsg::Previous);
            }
        }
    }
    if keys.just_pressed(KeyCode::PageDown) && selected.0.is_some() {
        messages.write(GameMsg::Next);
    }
    if keys.just_pressed(KeyCode::PageUp) && selected.0.is_some() {
        messages.write(GameMsg::Previous);
    }
}
