//! The keyboard: the facilitator can run the whole game without a mouse. Undo and redo, next and
//! previous card, choose a player and move their pawn, open the help.
//!
//! Keys are read from the key events in the order they came, each with the modifiers held at that
//! moment, so a quick chord (Ctrl+Z pressed and released within one frame, as a hurried hand on a slow
//! laptop does) is never lost.

use crate::app::{AppSystems, Screen};
use crate::core::session::Action;
use crate::game::{ActiveGame, GameMsg};
use crate::screens::HelpOpen;
use crate::table::pawn::SelectedPlayer;
use bevy::input::ButtonState;
use bevy::input::keyboard::{KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;

/// Set while a text field has the keyboard, so typing a post-it does not move the game.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyboardBusy(pub(crate) bool);

/// Asks the panels to focus the post-it field.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FocusPostItField(pub(crate) bool);

/// One key pressed, with the modifiers held when it went down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chord {
    pub(crate) key: KeyCode,
    pub(crate) ctrl: bool,
    pub(crate) shift: bool,
}

/// The modifier keys held down, followed through the key events.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeldModifiers {
    ctrl: [bool; 2],
    shift: [bool; 2],
}

impl HeldModifiers {
    /// Follows one key event; returns the chord if it was a press of a key other than a modifier.
    pub(crate) fn follow(&mut self, key: KeyCode, state: ButtonState) -> Option<Chord> {
        let down = state == ButtonState::Pressed;
        let slot = match key {
            KeyCode::ControlLeft => Some(&mut self.ctrl[0]),
            KeyCode::ControlRight => Some(&mut self.ctrl[1]),
            KeyCode::ShiftLeft => Some(&mut self.shift[0]),
            KeyCode::ShiftRight => Some(&mut self.shift[1]),
            _ => None,
        };
        match slot {
            Some(held) => {
                *held = down;
                None
            }
            None => down.then_some(Chord {
                key,
                ctrl: self.ctrl.contains(&true),
                shift: self.shift.contains(&true),
            }),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<KeyboardBusy>()
        .init_resource::<FocusPostItField>()
        .init_resource::<HeldModifiers>();
    app.add_message::<KeyboardInput>()
        .add_message::<KeyboardFocusLost>();
    app.add_systems(
        Update,
        read_keys
            .run_if(on_message::<KeyboardInput>.or_else(on_message::<KeyboardFocusLost>))
            .in_set(AppSystems::Input),
    );
}

/// Turns this frame's key events into chords, in order, and lets the game act on them unless a text
/// field has the keyboard (Ctrl+Enter excepted). Modifiers are followed even then, so they are right
/// when the field lets go.
fn read_keys(
    mut events: MessageReader<KeyboardInput>,
    mut lost: MessageReader<KeyboardFocusLost>,
    mut held: ResMut<HeldModifiers>,
    busy: Res<KeyboardBusy>,
    mut state: KeyState,
) {
    if lost.read().count() > 0 {
        *held = HeldModifiers::default();
    }
    let chords: Vec<Chord> = events
        .read()
        // A held key repeats; like a button, it acts once.
        .filter(|e| !e.repeat)
        .filter_map(|e| held.follow(e.key_code, e.state))
        .collect();
    for chord in chords {
        // A text field keeps its keys, but Ctrl+Enter (on to the plenary or the outcome) means
        // nothing in a one-line field: it moves the game on even right after a post-it was typed.
        let onward = chord.ctrl && matches!(chord.key, KeyCode::Enter | KeyCode::NumpadEnter);
        if !busy.0 || onward {
            game_key(chord, &mut state);
        }
    }
}

/// What a key can change.
#[derive(bevy::ecs::system::SystemParam)]
struct KeyState<'w> {
    screen: Res<'w, State<Screen>>,
    game: Res<'w, ActiveGame>,
    selected: ResMut<'w, SelectedPlayer>,
    /// The post-it open in the editor, if any.
    editing: Res<'w, crate::table::post_it::SelectedPostIt>,
    help: ResMut<'w, HelpOpen>,
    focus: ResMut<'w, FocusPostItField>,
    palette: ResMut<'w, crate::theme::Palette>,
    messages: MessageWriter<'w, GameMsg>,
    pages: MessageWriter<'w, crate::outcome::present::PageNav>,
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

/// Acts on one chord.
fn game_key(chord: Chord, k: &mut KeyState) {
    let Chord { key, ctrl, shift } = chord;
    let KeyState {
        screen,
        game,
        selected,
        editing,
        help,
        focus,
        palette,
        messages,
        pages,
    } = k;
    let is = |code: KeyCode| key == code;
    if is(KeyCode::F1) || (shift && is(KeyCode::Slash)) {
        help.0 = !help.0;
    }
    if is(KeyCode::F2) {
        **palette = if palette.high_contrast {
            crate::theme::Palette::NORMAL
        } else {
            crate::theme::Palette::HIGH_CONTRAST
        };
    }
    if ctrl && is(KeyCode::KeyZ) {
        messages.write(if shift { GameMsg::Redo } else { GameMsg::Undo });
        return;
    }
    if ctrl && is(KeyCode::KeyY) {
        messages.write(GameMsg::Redo);
        return;
    }
    // Ctrl+Enter: on to the next part of the game (the plenary, then the outcome); not while a
    // post-it is open in the editor, whose edit is saved or cancelled first.
    if ctrl && (is(KeyCode::Enter) || is(KeyCode::NumpadEnter)) {
        if editing.0.is_some() && screen.get().at_table() {
            return;
        }
        match screen.get() {
            Screen::Play => {
                messages.write(GameMsg::Do(Action::StartPlenary));
            }
            Screen::Plenary => {
                messages.write(GameMsg::Do(Action::ShowOutcome));
            }
            // In the programme: on to its next phase (from the outcome: the closing round).
            Screen::Programme | Screen::Outcome => {
                if !game.session().programme().is_empty() {
                    messages.write(GameMsg::NextPhase);
                }
            }
            Screen::Setup => {}
        }
        return;
    }
    if ctrl {
        return;
    }
    if *screen.get() == Screen::Outcome {
        use crate::outcome::present::PageNav;
        if is(KeyCode::Escape) {
            help.0 = false;
        }
        let step = match key {
            KeyCode::ArrowRight | KeyCode::PageDown => Some(PageNav::Next),
            KeyCode::ArrowLeft | KeyCode::PageUp => Some(PageNav::Previous),
            KeyCode::Home => Some(PageNav::First),
            KeyCode::End => Some(PageNav::Last),
            KeyCode::ArrowDown => Some(PageNav::SelectNext),
            KeyCode::ArrowUp => Some(PageNav::SelectPrevious),
            KeyCode::Enter | KeyCode::NumpadEnter => Some(PageNav::MoveSelected),
            KeyCode::Escape => Some(PageNav::Deselect),
            _ => None,
        };
        if let Some(step) = step {
            pages.write(step);
        }
        return;
    }
    let playing = screen.get().at_table();
    if !playing {
        return;
    }
    let session = game.session();
    if is(KeyCode::Escape) {
        selected.0 = None;
        help.0 = false;
    }
    if is(KeyCode::KeyN) {
        focus.0 = true;
    }
    // 1..9, 0: choose player 1..10; Tab walks through all players.
    for (i, key) in DIGITS.iter().enumerate() {
        if is(*key)
            && let Some(p) = session.players.get(i)
        {
            selected.0 = if selected.0 == Some(p.id) {
                None
            } else {
                Some(p.id)
            };
        }
    }
    if is(KeyCode::Tab) && !session.players.is_empty() {
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
            let target = if is(KeyCode::ArrowRight) || is(KeyCode::ArrowUp) {
                Some(current.map_or(0, |s| (s + 1).min(squares - 1)))
            } else if is(KeyCode::ArrowLeft) || is(KeyCode::ArrowDown) {
                Some(current.map_or(0, |s| s.saturating_sub(1)))
            } else if is(KeyCode::Home) {
                Some(0)
            } else if is(KeyCode::End) {
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
            if is(KeyCode::Delete) || is(KeyCode::Backspace) {
                messages.write(GameMsg::Do(Action::Unplace {
                    player,
                    card,
                    round,
                }));
            }
        }
        _ => {
            if is(KeyCode::ArrowRight) || is(KeyCode::PageDown) {
                messages.write(GameMsg::Next);
            }
            if is(KeyCode::ArrowLeft) || is(KeyCode::PageUp) {
                messages.write(GameMsg::Previous);
            }
        }
    }
    if is(KeyCode::PageDown) && selected.0.is_some() {
        messages.write(GameMsg::Next);
    }
    if is(KeyCode::PageUp) && selected.0.is_some() {
        messages.write(GameMsg::Previous);
    }
}
