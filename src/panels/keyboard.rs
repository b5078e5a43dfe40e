//! Keys into egui in the order they came, each with the modifiers held at that moment.
//!
//! `bevy_egui` 0.42 reads all of a frame's modifier changes first and then gives every key of that frame
//! the modifiers as they are at the end. A quick chord (Ctrl+A pressed and released within one frame,
//! as xdotool sends it and as a hurried hand on a slow laptop does) then reaches a text field as a
//! plain "a": the field's text is replaced instead of selected. This replaces `bevy_egui`'s keyboard
//! reader with one that follows the modifiers event by event.
//!
//! Tab belongs to the game (it walks through the players) while no panel widget has the keyboard;
//! egui would otherwise move its focus to a button with it, and the game would stop hearing keys.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;
use bevy_egui::input::EguiInputEvent;
use bevy_egui::{EguiGlobalSettings, EguiInputSet, PrimaryEguiContext, egui};

/// The modifier keys held, followed through the key events.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Held {
    shift: bool,
    ctrl: bool,
    alt: bool,
    win: bool,
}

impl Held {
    /// Follows one key event; true if it was a modifier key.
    pub(crate) fn follow(&mut self, key: &Key, state: ButtonState) -> bool {
        let down = state == ButtonState::Pressed;
        match key {
            Key::Shift => self.shift = down,
            Key::Control => self.ctrl = down,
            Key::Alt | Key::AltGraph => self.alt = down,
            Key::Super | Key::Meta => self.win = down,
            _ => return false,
        }
        true
    }

    pub(crate) fn modifiers(&self) -> egui::Modifiers {
        let mac = cfg!(target_os = "macos");
        egui::Modifiers {
            alt: self.alt,
            ctrl: self.ctrl,
            shift: self.shift,
            mac_cmd: mac && self.win,
            command: if mac { self.win } else { self.ctrl },
        }
    }

    /// Whether a key typed now is text (Ctrl+Alt is `AltGr` on Windows and Linux).
    pub(crate) fn types_text(&self) -> bool {
        !self.win && (!self.ctrl || (!cfg!(target_os = "macos") && self.alt))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.world_mut()
        .resource_mut::<EguiGlobalSettings>()
        .input_system_settings
        .run_write_keyboard_input_messages_system = false;
    app.add_systems(
        PreUpdate,
        keys_into_egui.in_set(EguiInputSet::ReadBevyMessages),
    );
}

/// The egui events one key event makes, given the modifiers held just before it.
pub(crate) fn egui_events(held: &mut Held, event: &KeyboardInput) -> Vec<egui::Event> {
    if held.follow(&event.logical_key, event.state) {
        // egui learns of modifiers through the keys they come with.
        return Vec::new();
    }
    let pressed = event.state == ButtonState::Pressed;
    let mut out = Vec::new();
    if pressed && held.types_text() {
        match &event.logical_key {
            Key::Character(c) if !c.chars().any(char::is_control) => {
                out.push(egui::Event::Text(c.to_string()));
            }
            Key::Space => out.push(egui::Event::Text(" ".into())),
            _ => {}
        }
    }
    let key = bevy_egui::helpers::bevy_to_egui_key(&event.logical_key);
    let physical_key = bevy_egui::helpers::bevy_to_egui_physical_key(&event.key_code);
    if let Some(key) = key.or(physical_key) {
        out.push(egui::Event::Key {
            key,
            physical_key,
            pressed,
            repeat: event.repeat,
            modifiers: held.modifiers(),
        });
    }
    out
}

fn keys_into_egui(
    mut keys: MessageReader<KeyboardInput>,
    mut lost: MessageReader<KeyboardFocusLost>,
    mut held: Local<Held>,
    context: Query<Entity, With<PrimaryEguiContext>>,
    busy: Res<crate::keys::KeyboardBusy>,
    mut out: MessageWriter<EguiInputEvent>,
) {
    if lost.read().count() > 0 {
        *held = Held::default();
    }
    let Ok(context) = context.single() else {
        keys.clear();
        return;
    };
    for event in keys.read() {
        if !busy.0 && event.key_code == KeyCode::Tab {
            continue;
        }
        for e in egui_events(&mut held, event) {
            out.write(EguiInputEvent { context, event: e });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(logical_key: Key, key_code: KeyCode, state: ButtonState) -> KeyboardInput {
        KeyboardInput {
            key_code,
            logical_key,
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        }
    }

    /// Ctrl+A pressed and released at once selects, and types no "a".
    #[test]
    fn a_quick_chord_keeps_its_modifier() {
        let mut held = Held::default();
        let a = || Key::Character("a".into());
        let events: Vec<egui::Event> = [
            key(Key::Control, KeyCode::ControlLeft, ButtonState::Pressed),
            key(a(), KeyCode::KeyA, ButtonState::Pressed),
            key(a(), KeyCode::KeyA, ButtonState::Released),
            key(Key::Control, KeyCode::ControlLeft, ButtonState::Released),
            key(a(), KeyCode::KeyA, ButtonState::Pressed),
        ]
        .iter()
        .flat_map(|e| egui_events(&mut held, e))
        .collect();
        let texts: Vec<_> = events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["a"], "only the a typed after Ctrl was let go");
        let ctrl_a = events.iter().any(|e| {
            matches!(e, egui::Event::Key { key: egui::Key::A, pressed: true, modifiers, .. }
                if modifiers.command)
        });
        assert!(ctrl_a, "egui sees Ctrl+A: {events:?}");
    }
}
