//! Which pointer egui keeps for itself, decided after egui's pass of the frame and not before it.
//!
//! `bevy_egui` tells the picking that egui holds a pointer (so a click on a panel does not also reach
//! the pawn under it) with a system in `PostUpdate` that is not ordered against the egui pass, which
//! also runs in `PostUpdate`. When the executor ran it before the pass, it judged the pointer by the
//! previous pass: right after a click on a button, the first press on the board was still "over the
//! button" and went to egui, so the pawn was not grabbed and the post-it not clicked. On a busy
//! laptop that happened often (the end-to-end suite under load lost the first drag after every
//! button). So the game switches that system off for its context and does the same after the pass.

use bevy::camera::NormalizedRenderTarget;
use bevy::picking::backend::{HitData, PointerHits};
use bevy::picking::pointer::{PointerId, PointerLocation};
use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiContextSettings, EguiPickingOrder, EguiPostUpdateSet};

/// What egui made of the pointer after its last pass: whether it keeps the pointer, and where egui
/// thinks the pointer is (for the input trace).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct EguiPointer {
    pub(crate) holds: bool,
    pub(crate) at: Option<(f32, f32)>,
    /// egui's own view: a press that could still be a click, a button down, and its clock.
    pub(crate) could_click: bool,
    pub(crate) down: bool,
    pub(crate) time: f64,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EguiPointer>();
    app.add_systems(
        PostUpdate,
        (no_early_capture, capture_after_the_pass)
            .chain()
            .after(EguiPostUpdateSet::EndPass)
            .before(EguiPostUpdateSet::PostProcessOutput),
    );
}

/// Switches off `bevy_egui`'s own, unordered capture for every egui context.
fn no_early_capture(mut settings: Query<&mut EguiContextSettings, Changed<EguiContextSettings>>) {
    for mut s in &mut settings {
        if s.capture_pointer_input {
            s.capture_pointer_input = false;
        }
    }
}

/// After this frame's egui pass: every pointer in a window that egui wants (over a panel, or pressing
/// or dragging one of its widgets) is reported as held by egui, above the board.
fn capture_after_the_pass(
    pointers: Query<(&PointerId, &PointerLocation)>,
    mut contexts: Query<(Entity, &mut EguiContext, &Camera)>,
    order: Option<Res<EguiPickingOrder>>,
    mut hits: MessageWriter<PointerHits>,
    mut seen: ResMut<EguiPointer>,
) {
    let above = order.map_or(0.6, |o| **o);
    for (entity, mut ctx, camera) in &mut contexts {
        let holds = ctx.get_mut().egui_wants_pointer_input();
        let at = ctx
            .get_mut()
            .input(|i| i.pointer.latest_pos())
            .map(|p| (p.x, p.y));
        let (could_click, down, time) = ctx.get_mut().input(|i| {
            (
                i.pointer.could_any_button_be_click(),
                i.pointer.any_down(),
                i.time,
            )
        });
        let now = EguiPointer {
            holds,
            at,
            could_click,
            down,
            time,
        };
        if *seen != now {
            *seen = now;
        }
        if !holds {
            continue;
        }
        for (pointer, location) in &pointers {
            let Some(location) = location.location() else {
                continue;
            };
            if !matches!(location.target, NormalizedRenderTarget::Window(_)) {
                continue;
            }
            hits.write(PointerHits::new(
                *pointer,
                vec![(entity, HitData::new(entity, 0.0, None, None))],
                camera.order as f32 + above,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::picking::pointer::Location;
    use bevy::window::WindowRef;
    use bevy_egui::egui;

    /// The pointer's place for egui's next pass.
    #[derive(Resource)]
    struct Pointer(egui::Pos2);

    /// Stands in for `bevy_egui`'s pass: one egui pass with the frame's pointer, a panel at the top left.
    fn pass(mut contexts: Query<&mut EguiContext>, at: Res<Pointer>) {
        for mut ctx in &mut contexts {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1600.0, 900.0),
                )),
                events: vec![egui::Event::PointerMoved(at.0)],
                ..Default::default()
            };
            let mut output = ctx.get_mut().run_ui(input, |ui| {
                egui::Window::new("panel")
                    .fixed_pos([0.0, 0.0])
                    .fixed_size([300.0, 200.0])
                    .show(ui.ctx(), |ui| {
                        let _ = ui.button("Volgende");
                    });
            });
            output.textures_delta.clear();
        }
    }

    #[derive(Resource, Default)]
    struct Held(Vec<bool>);

    fn record(mut hits: MessageReader<PointerHits>, mut held: ResMut<Held>) {
        held.0.push(hits.read().count() > 0);
    }

    /// The frame the pointer leaves a panel, egui no longer holds it: the press that follows on the
    /// board reaches the board. (Judged before the pass, the frame still said "over the panel".)
    #[test]
    fn egui_lets_go_of_the_pointer_in_the_frame_it_leaves_a_panel() {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .add_message::<PointerHits>()
            .init_resource::<Held>()
            .insert_resource(Pointer(egui::pos2(100.0, 60.0)));
        app.add_plugins(plugin);
        app.add_systems(PostUpdate, pass.in_set(EguiPostUpdateSet::EndPass));
        app.add_systems(Last, record);
        let window = app.world_mut().spawn(Window::default()).id();
        app.world_mut().spawn((
            EguiContext::default(),
            EguiContextSettings::default(),
            Camera::default(),
        ));
        app.world_mut().spawn((
            PointerId::Mouse,
            PointerLocation::new(Location {
                target: NormalizedRenderTarget::Window(
                    WindowRef::Primary.normalize(Some(window)).unwrap(),
                ),
                position: Vec2::new(100.0, 60.0),
            }),
        ));
        // Two frames over the panel (egui lays a new window out in its first pass).
        app.update();
        app.update();
        // Off the panel, onto the board.
        app.world_mut().resource_mut::<Pointer>().0 = egui::pos2(800.0, 500.0);
        app.update();
        let held = &app.world().resource::<Held>().0;
        assert_eq!(
            held[1..],
            [true, false],
            "over the panel, then off it: {held:?}"
        );
        let settings = app
            .world_mut()
            .query::<&EguiContextSettings>()
            .single(app.world())
            .unwrap();
        assert!(
            !settings.capture_pointer_input,
            "bevy_egui's early capture is off"
        );
    }
}
