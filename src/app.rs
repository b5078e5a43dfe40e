//! The whole game in one place: its screens, the order of its work, and every plugin. A newcomer sees
//! every screen and plugin here; each feature folder holds its own world systems and its panel.

use crate::core::session::Lang;
#[cfg(feature = "dev")]
use crate::dev;
use crate::{
    camera, decks, game, keys, outcome, panels, persist, programme, screens, setup, table, texts,
    theme,
};
use bevy::prelude::*;
use std::path::PathBuf;

/// The screens of the game. They follow the session's stage.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Setup,
    Play,
    Plenary,
    Outcome,
    /// A phase of the deck's programme around the game: a talk, the warm-up, the learning questions,
    /// the closing round.
    Programme,
}

/// The order of the game's work in `Update`: input becomes messages, messages become actions on the
/// session, and the world is drawn from the session.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum AppSystems {
    /// Keyboard, pointer and timers turn into [`game::GameMsg`]s.
    Input,
    /// [`game::GameMsg`]s are applied to the session.
    Apply,
    /// The world is brought in line with the session.
    Draw,
}

impl Screen {
    /// Whether the board is on the table: Play or Plenary.
    pub(crate) fn at_table(self) -> bool {
        matches!(self, Screen::Play | Screen::Plenary)
    }
}

/// The board is on the table: the Play and the Plenary screens, which share the board, the pawns and
/// the post-its.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct AtTable;

impl ComputedStates for AtTable {
    type SourceStates = Screen;

    fn compute(screen: Screen) -> Option<Self> {
        screen.at_table().then_some(AtTable)
    }
}

/// Everything of the game in the world: it runs headless under `MinimalPlugins`.
pub fn world_plugin(app: &mut App) {
    app.init_state::<Screen>().add_computed_state::<AtTable>();
    app.configure_sets(
        Update,
        (AppSystems::Input, AppSystems::Apply, AppSystems::Draw).chain(),
    );
    app.add_plugins((
        theme::plugin,
        texts::plugin,
        game::plugin,
        screens::plugin,
        keys::plugin,
        table::plugin,
        outcome::plugin,
        programme::plugin,
    ));
}

/// What needs a real window: the camera and its pacing, the outcome picture, and (with the `dev`
/// feature) the dev probes, which do nothing unless their environment variable is set.
pub(crate) fn window_plugins(app: &mut App) {
    app.add_plugins((
        camera::plugin,
        table::fill::render_plugin,
        crate::icon::plugin,
        outcome::picture::plugin,
    ));
    #[cfg(feature = "dev")]
    app.add_plugins((
        dev::probe::plugin,
        dev::screen_map::plugin,
        dev::input_trace::plugin,
    ));
}

/// The egui panels, as their own group so headless tests can leave them out.
pub(crate) fn panel_plugins(app: &mut App) {
    app.add_plugins((
        panels::plugin,
        setup::plugin,
        table::panel_plugin,
        outcome::panel_plugin,
        programme::ui::plugin,
    ));
}

/// How to start the game window.
#[derive(Debug, Clone, Default)]
pub struct GameOptions {
    /// Play the scripted demo and save a PNG of every screen here (with the `dev` feature).
    #[cfg(feature = "dev")]
    pub demo_screenshots: Option<PathBuf>,
    /// Interface language; the system's when `None`.
    pub lang: Option<crate::core::session::Lang>,
    /// Continue this saved session.
    pub resume: Option<PathBuf>,
    /// Where sessions are saved; the user's data folder when `None`.
    pub save_dir: Option<PathBuf>,
    /// A deck file to load at start.
    pub deck: Option<PathBuf>,
    /// Start a follow-up of this saved session (with its deck, unless `deck` is given).
    pub follow_up: Option<PathBuf>,
    /// The decks folder; the user's config folder when `None`.
    pub decks_dir: Option<PathBuf>,
    /// Start in the high-contrast palette.
    pub high_contrast: bool,
    /// The window's size in logical pixels; 1600×900 when `None`.
    pub window_size: Option<(u32, u32)>,
}

/// The window, the render-on-change settings, the game and its panels.
pub fn app(options: &GameOptions) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Leerklimaat".into(),
                    // The application id: X11's WM_CLASS, Wayland's app id and the Windows class name,
                    // matching the `.desktop` entry (assets/linux/leerklimaat.desktop).
                    name: Some(crate::APP_ID.into()),
                    resolution: options.window_size.unwrap_or((1600, 900)).into(),
                    ..default()
                }),
                // The game decides: it closes at once when everything is saved, and asks first when
                // saving fails or a field holds text not entered (`persist::guard_close`).
                close_when_requested: false,
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn".into(),
                ..default()
            }),
    );
    let lang = options.lang.unwrap_or_else(crate::core::i18n::system_lang);
    // The built-in deck in the interface language: "Leerklimaat" in Dutch, "Learning climate" in English.
    let deck = match lang {
        Lang::En => crate::core::deck::builtin_deck("learning-climate")
            .unwrap_or_else(crate::core::deck::default_deck),
        Lang::Nl => crate::core::deck::default_deck(),
    };
    let mut session = crate::core::session::Session::new(deck, crate::core::session::now_stamp());
    session.language = lang;
    // A deck's programme is followed unless the facilitator chooses only the game in setup.
    session.follows_programme = true;
    let mut game = crate::core::session::Game::new(session);
    // A follow-up: set up from the earlier session, each step an action (undo takes it back).
    if let Some(path) = &options.follow_up {
        match crate::core::session_file::load_game_file(path) {
            Ok(earlier) => {
                let actions = crate::core::session::follow_up_actions(
                    game.session(),
                    earlier.session(),
                    options.deck.is_some(),
                );
                for action in actions {
                    if let Err(e) = game.apply(action) {
                        eprintln!("{}: {e}", path.display());
                    }
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    app.insert_resource(game::ActiveGame::new(game));
    app.add_plugins((world_plugin, window_plugins, panel_plugins));
    if options.high_contrast {
        app.insert_resource(theme::Palette::HIGH_CONTRAST);
    }
    let store = options
        .save_dir
        .clone()
        .map(crate::core::store::Store::new)
        .or_else(crate::core::store::Store::user_default)
        .unwrap_or_else(|| {
            // No home folder: a folder in the temporary folder that only this user can read.
            let dir = std::env::temp_dir().join(format!("leerklimaat-sessions-{}", whoami_uid()));
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt as _;
                let _ = std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(&dir);
            }
            crate::core::store::Store::new(dir)
        });
    app.add_plugins(persist::plugin(store, options.resume.clone()));
    let decks_dir = options.decks_dir.clone().or_else(decks::default_decks_dir);
    app.add_plugins(decks::plugin(decks_dir, options.deck.clone()));
    #[cfg(feature = "dev")]
    if let Some(dir) = &options.demo_screenshots {
        app.add_plugins(dev::demo::plugin(dir.clone(), lang));
    }
    app
}

/// The user's number on Unix (from the owner of the home-less process's temp files), for a private
/// fallback folder; "user" elsewhere.
fn whoami_uid() -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let Ok(m) = std::fs::metadata("/proc/self") {
            return m.uid().to_string();
        }
    }
    "user".to_string()
}

/// Opens the game window and runs until it is closed.
pub fn run_game(options: &GameOptions) -> AppExit {
    app(options).run()
}

/// The game without a window or panels: for the soak and crash runs and for tests.
pub fn headless_app(store: Option<crate::core::store::Store>, resume: Option<PathBuf>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin));
    app.add_message::<bevy::window::RequestRedraw>();
    app.add_plugins(world_plugin);
    if let Some(store) = store {
        app.add_plugins(persist::plugin(store, resume));
    }
    app.update();
    app
}
