//! The game on the shared screen, as Bevy plugins: the screens, the session resource and the world
//! drawn from it. The egui panels are in [`crate::ui`], apart, so headless tests can run without them.

pub mod board;
pub mod camera;
pub mod decks;
pub mod demo;
pub mod drag;
pub mod keys;
pub mod layout;
pub mod pawn;
pub mod persist;
pub mod photo;
pub mod post_it;
pub mod screens;
pub mod session;
pub mod stacks;
pub mod theme;

use bevy::prelude::*;

/// The screens of the game. They follow the session's phase.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Setup,
    Play,
    Plenary,
    Outcome,
}

/// The order of the game's work in `Update`: input becomes messages, messages become actions on the
/// session, and the world is drawn from the session.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Keyboard, pointer and timers turn into [`session::GameMsg`]s.
    Input,
    /// [`session::GameMsg`]s are applied to the session.
    Apply,
    /// The world is brought in line with the session.
    Draw,
}

/// Everything of the game but the egui panels: it runs headless under `MinimalPlugins`.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.configure_sets(
        Update,
        (AppSystems::Input, AppSystems::Apply, AppSystems::Draw).chain(),
    );
    app.add_plugins((
        theme::plugin,
        session::plugin,
        screens::plugin,
        keys::plugin,
        board::plugin,
        pawn::plugin,
        post_it::plugin,
        stacks::plugin,
    ));
}
