//! A press is resolved where it happened. `bevy_picking` (and egui, which may claim the pointer) work
//! out what is under each pointer once a frame, after all of the frame's input. On a slow laptop
//! (lavapipe draws about five frames a second) a press shares its frame with moves:
//! - moves after it: the press would land where the pointer ended up, so the pawn under the finger is
//!   missed or another pawn on the way is grabbed;
//! - moves before it: the press would be judged by the previous frame's hover, for example still over
//!   the button just clicked, so egui keeps the pointer and the pawn is not grabbed.
//!
//! So a press gets a frame of its own: moves before it are delivered first, the press in the next frame
//! (with the hover of its own place), and what follows it in the frame after.

use bevy::ecs::message::{MessageCursor, MessageUpdateSystems, Messages};
use bevy::input::ButtonState;
use bevy::input::touch::TouchPhase;
use bevy::picking::PickingSystems;
use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowEvent};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        First,
        hold_back_after_press
            .after(MessageUpdateSystems)
            .before(PickingSystems::Input),
    );
}

fn is_press(event: &WindowEvent) -> bool {
    match event {
        WindowEvent::MouseButtonInput(b) => b.state == ButtonState::Pressed,
        WindowEvent::TouchInput(t) => t.phase == TouchPhase::Started,
        _ => false,
    }
}

fn is_move(event: &WindowEvent) -> bool {
    match event {
        WindowEvent::CursorMoved(_) => true,
        WindowEvent::TouchInput(t) => t.phase == TouchPhase::Moved,
        _ => false,
    }
}

/// Where one frame's window events are cut so that the first press shares its frame with no move: before
/// the press when the pointer moved earlier in the frame, else after it when it moves later.
fn cut(events: &[WindowEvent]) -> Option<usize> {
    let i = events.iter().position(is_press)?;
    if events[..i].iter().any(is_move) {
        Some(i)
    } else if events[i + 1..].iter().any(is_move) {
        Some(i + 1)
    } else {
        None
    }
}

/// Splits one frame's window events (see [`cut`]): the first part is for this frame, the rest, in
/// order, for the next. Without a press that shares its frame with a move, all is for now.
pub(crate) fn split_at_press(mut events: Vec<WindowEvent>) -> (Vec<WindowEvent>, Vec<WindowEvent>) {
    match cut(&events) {
        Some(i) => {
            let later = events.split_off(i);
            (events, later)
        }
        None => (events, Vec::new()),
    }
}

/// Rewrites this frame's window events when a press has moves after it, and keeps the rest for the
/// next frame (asking for that frame, so nothing waits for more input).
fn hold_back_after_press(
    messages: Option<ResMut<Messages<WindowEvent>>>,
    mut cursor: Local<MessageCursor<WindowEvent>>,
    mut held: Local<Vec<WindowEvent>>,
    mut redraw: Option<MessageWriter<RequestRedraw>>,
) {
    let Some(mut messages) = messages else {
        return;
    };
    let fresh: Vec<WindowEvent> = cursor.read(&messages).cloned().collect();
    if held.is_empty() && cut(&fresh).is_none() {
        return;
    }
    let mut all = std::mem::take(&mut *held);
    all.extend(fresh);
    let (now, later) = split_at_press(all);
    // The buffers also hold the frame before's events, which every reader has had; only this frame's
    // are written again, so readers see each event once.
    messages.drain().for_each(drop);
    for event in now {
        messages.write(event);
    }
    cursor.read(&messages).for_each(drop);
    *held = later;
    if !held.is_empty()
        && let Some(redraw) = redraw.as_mut()
    {
        redraw.write(RequestRedraw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::input::mouse::MouseButtonInput;
    use bevy::window::CursorMoved;

    fn moved(x: f32) -> WindowEvent {
        WindowEvent::CursorMoved(CursorMoved {
            window: Entity::PLACEHOLDER,
            position: Vec2::new(x, 0.0),
            delta: None,
        })
    }

    fn button(state: ButtonState) -> WindowEvent {
        WindowEvent::MouseButtonInput(MouseButtonInput {
            button: MouseButton::Left,
            state,
            window: Entity::PLACEHOLDER,
        })
    }

    #[test]
    fn a_press_gets_a_frame_of_its_own() {
        let frame = vec![
            moved(1.0),
            button(ButtonState::Pressed),
            moved(2.0),
            moved(3.0),
            button(ButtonState::Released),
        ];
        // The move before it first, then the press, then what follows.
        let (now, later) = split_at_press(frame);
        assert_eq!(now, vec![moved(1.0)]);
        let (now, later) = split_at_press(later);
        assert_eq!(now, vec![button(ButtonState::Pressed)]);
        let (now, later) = split_at_press(later);
        assert_eq!(
            now,
            vec![moved(2.0), moved(3.0), button(ButtonState::Released)]
        );
        assert!(later.is_empty());
        // A press alone, or moves and a release without a press, stay in their frame.
        let (now, later) = split_at_press(vec![button(ButtonState::Pressed)]);
        assert_eq!(now.len(), 1);
        assert!(later.is_empty());
        let (now, later) =
            split_at_press(vec![moved(0.5), button(ButtonState::Released), moved(4.0)]);
        assert_eq!(now.len(), 3);
        assert!(later.is_empty());
    }

    #[test]
    fn the_held_back_events_come_first_in_the_next_frame() {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .add_message::<WindowEvent>()
            .add_message::<RequestRedraw>()
            .add_plugins(plugin);
        #[derive(Resource, Default)]
        struct Seen(Vec<Vec<WindowEvent>>);
        app.init_resource::<Seen>();
        app.add_systems(
            First,
            (|mut reader: MessageReader<WindowEvent>, mut seen: ResMut<Seen>| {
                seen.0.push(reader.read().cloned().collect());
            })
            .after(PickingSystems::Input),
        );
        app.update();
        for e in [
            button(ButtonState::Pressed),
            moved(2.0),
            button(ButtonState::Released),
        ] {
            app.world_mut().write_message(e);
        }
        app.update();
        app.world_mut().write_message(moved(9.0));
        app.update();
        app.update();
        let seen = &app.world().resource::<Seen>().0;
        assert_eq!(seen[1], vec![button(ButtonState::Pressed)]);
        assert_eq!(
            seen[2],
            vec![moved(2.0), button(ButtonState::Released), moved(9.0)]
        );
        assert!(seen[3].is_empty(), "nothing is seen twice");
    }
}
