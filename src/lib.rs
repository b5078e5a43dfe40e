//! Leerklimaat: a serious game about learning climate, played by a group on one shared screen.
//!
//! [`core`] holds the rules, with no Bevy types. The game itself is added by the Bevy plugins.

pub mod core;

/// Opens the game window. Filled in by the game plugins.
pub fn run_game() {
    use bevy::prelude::*;
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Leerklimaat".into(),
                ..default()
            }),
            ..default()
        }))
        .run();
}
