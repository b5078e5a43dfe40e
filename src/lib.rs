//! Leerklimaat: a serious game about learning climate, played by a group on one shared screen.
//!
//! - [`core`]: the rules, with no Bevy types: decks, the session and its actions, the tally, exports.
//! - [`game`]: the Bevy plugins that draw the session in the world and turn input into actions.
//! - [`ui`]: the egui panels, apart from the game so headless tests can run without them.
//! - [`i18n`]: the interface texts (Fluent), Dutch and English.

pub mod core;
pub mod game;
pub mod i18n;
pub mod ui;

use bevy::prelude::*;
use std::path::PathBuf;

/// How to start the game window.
#[derive(Debug, Clone, Default)]
pub struct GameOptions {
    /// Play the scripted demo and save a PNG of every screen here.
    pub demo_screenshots: Option<PathBuf>,
    /// Interface language; the system's when `None`.
    pub lang: Option<core::session::Lang>,
}

/// The window, the render-on-change settings, the game and its panels.
pub fn app(options: &GameOptions) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Leerklimaat".into(),
                    resolution: (1600, 900).into(),
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn".into(),
                ..default()
            }),
    );
    let lang = options.lang.unwrap_or_else(i18n::system_lang);
    let mut session =
        core::session::Session::new(core::deck::default_deck(), core::session::now_stamp());
    session.language = lang;
    app.insert_resource(game::session::ActiveGame(core::session::Game::new(session)));
    app.add_plugins((game::plugin, game::camera::plugin, ui::plugin));
    if let Some(dir) = &options.demo_screenshots {
        app.add_plugins(game::demo::plugin(dir.clone(), lang));
    }
    app
}

/// Opens the game window and runs until it is closed.
pub fn run_game(options: &GameOptions) -> AppExit {
    app(options).run()
}
