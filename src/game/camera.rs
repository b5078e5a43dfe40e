//! The window side of the board: a camera that always shows the whole 1920×1080 board (so the game
//! scales from a 1280×720 beamer to a 4K TV), F11 for full screen, and rendering only when something
//! changes, with one frame a second while the timer is shown.

use super::drag::BoardCamera;
use super::session::CardClock;
use bevy::camera::ScalingMode;
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy::winit::{UpdateMode, WinitSettings};
use std::time::Duration;

/// Added by the windowed app only; headless tests have no camera.
pub fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings::desktop_app());
    app.add_systems(Startup, spawn_camera);
    app.add_systems(
        Update,
        (
            toggle_full_screen.run_if(resource_changed::<ButtonInput<KeyCode>>),
            timer_pace.run_if(resource_changed::<CardClock>),
        ),
    );
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("board camera"),
        BoardCamera,
        Camera2d,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::AutoMin {
                min_width: super::layout::WORLD.x,
                min_height: super::layout::WORLD.y,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
}

fn toggle_full_screen(
    keys: Res<ButtonInput<KeyCode>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    if !keys.just_pressed(KeyCode::F11) {
        return;
    }
    for mut window in &mut windows {
        window.mode = match window.mode {
            WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
            _ => WindowMode::Windowed,
        };
    }
}

/// While the timer is shown, draw once a second so it ticks; otherwise only on input.
fn timer_pace(clock: Res<CardClock>, mut settings: ResMut<WinitSettings>) {
    let want = if clock.shown {
        UpdateMode::reactive(Duration::from_secs(1))
    } else {
        WinitSettings::desktop_app().focused_mode
    };
    if settings.focused_mode != want {
        settings.focused_mode = want;
    }
}
