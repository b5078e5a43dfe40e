//! Leerklimaat: a serious game about learning climate, played by a group on one shared screen.
//!
//! - [`core`]: the rules, with no Bevy types: decks, the session and its actions, the tally, exports.
//! - [`game`]: the Bevy plugins that draw the session in the world and turn input into actions.
//! - [`ui`]: the egui panels, apart from the game so headless tests can run without them.
//! - [`i18n`]: the interface texts (Fluent), Dutch and English.

pub mod core;
pub mod game;
pub mod probe;
pub mod screen_map;
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
    /// Continue this saved session.
    pub resume: Option<PathBuf>,
    /// Where sessions are saved; the user's data folder when `None`.
    pub save_dir: Option<PathBuf>,
    /// A deck file to load at start.
    pub deck: Option<PathBuf>,
    /// The decks folder; the user's config folder when `None`.
    pub decks_dir: Option<PathBuf>,
    /// Start in the high-contrast palette.
    pub high_contrast: bool,
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
                // The game decides: it closes at once when everything is saved, and asks first when
                // saving fails (game::persist::guard_close).
                close_when_requested: false,
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn".into(),
                ..default()
            }),
    );
    let lang = options.lang.unwrap_or_else(core::i18n::system_lang);
    // The built-in deck in the interface language: "Leerklimaat" in Dutch, "Learning climate" in English.
    let deck = match lang {
        core::session::Lang::En => {
            core::deck::builtin_deck("learning-climate").unwrap_or_else(core::deck::default_deck)
        }
        core::session::Lang::Nl => core::deck::default_deck(),
    };
    let mut session = core::session::Session::new(deck, core::session::now_stamp());
    session.language = lang;
    app.insert_resource(game::session::ActiveGame(core::session::Game::new(session)));
    app.add_plugins((
        game::plugin,
        game::camera::plugin,
        game::photo::plugin,
        ui::plugin,
        probe::plugin,
        screen_map::plugin,
    ));
    if options.high_contrast {
        app.insert_resource(game::theme::Palette::HIGH_CONTRAST);
    }
    let store = options
        .save_dir
        .clone()
        .map(core::store::Store::new)
        .or_else(core::store::Store::user_default)
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
            core::store::Store::new(dir)
        });
    app.add_plugins(game::persist::plugin(store, options.resume.clone()));
    let decks_dir = options
        .decks_dir
        .clone()
        .or_else(game::decks::default_decks_dir);
    app.add_plugins(game::decks::plugin(decks_dir, options.deck.clone()));
    if let Some(dir) = &options.demo_screenshots {
        app.add_plugins(game::demo::plugin(dir.clone(), lang));
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
pub fn headless_app(store: Option<core::store::Store>, resume: Option<PathBuf>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin));
    app.add_message::<bevy::window::RequestRedraw>();
    app.add_plugins(game::plugin);
    if let Some(store) = store {
        app.add_plugins(game::persist::plugin(store, resume));
    }
    app.update();
    app
}

/// A hash of a game's history, to compare what was confirmed with what was saved.
pub fn history_hash(game: &core::session::Game) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{:?}", game.done).hash(&mut h);
    h.finish()
}

/// Plays `actions` random but valid-looking actions through the headless game with autosave, one per
/// frame, `pace_ms` apart. After every frame whose save succeeded it prints `confirmed STEP HASH`, so a
/// crash test can kill it at any moment and check the saved file against what was confirmed.
pub fn soak(actions: usize, pace_ms: u64, seed: u64, save_dir: PathBuf) {
    use core::session::{Action, CardRef, Phase, PostItColour, PostItId, Round};
    use game::session::{ActiveGame, GameMsg};
    use rand::{Rng, SeedableRng};
    use std::io::Write as _;
    let mut app = headless_app(Some(core::store::Store::new(save_dir)), None);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut saves = 0;
    let stdout = std::io::stdout();
    for step in 1..=actions {
        let s = app.world().resource::<ActiveGame>().session().clone();
        let msg = if s.players.len() < 6 {
            GameMsg::Do(Action::AddPlayer {
                name: format!("Speler {}", s.players.len() + 1),
                colour: None,
            })
        } else if s.phase == Phase::Setup {
            GameMsg::Do(Action::StartPlay)
        } else if s.phase == Phase::Play && step > actions * 4 / 5 {
            GameMsg::Do(Action::StartPlenary)
        } else {
            let (card, round) = s.active_card().unwrap_or((
                CardRef::Statement(s.deck.statements[0].id.clone()),
                Round::First,
            ));
            let player = s.players[rng.random_range(0..s.players.len())].id;
            let some_note = if s.post_its.is_empty() {
                PostItId(0)
            } else {
                s.post_its[rng.random_range(0..s.post_its.len())].id
            };
            match rng.random_range(0..100) {
                0..40 => GameMsg::Do(Action::Place {
                    player,
                    card,
                    round,
                    square: rng.random_range(0..s.deck.scale.squares.len()),
                }),
                40..62 => GameMsg::Do(Action::AddPostIt {
                    colour: if rng.random_bool(0.5) {
                        PostItColour::Green
                    } else {
                        PostItColour::Pink
                    },
                    text: format!("Post-it {step}: wat werkt er al, en wat nog niet?"),
                    author: Some(player),
                    card,
                }),
                62..68 => GameMsg::Do(Action::EditPostIt {
                    id: some_note,
                    text: format!("Bewerkt bij stap {step}"),
                }),
                68..72 => GameMsg::Do(Action::MovePostIt {
                    id: some_note,
                    at: (
                        rng.random_range(-800.0..800.0),
                        rng.random_range(-400.0..400.0),
                    ),
                }),
                72..75 => GameMsg::Do(Action::DeletePostIt { id: some_note }),
                75..83 if s.phase == Phase::Play => GameMsg::Do(Action::GoTo {
                    index: (s.current + 1) % s.play_cards().len(),
                    seconds: 0,
                }),
                75..83 => GameMsg::Do(Action::PlenaryGoTo {
                    index: (s.plenary_current + 1) % s.plenary_cards().len().max(1),
                }),
                83..90 => GameMsg::Undo,
                90..93 => GameMsg::Redo,
                _ => GameMsg::Do(Action::PassTurn),
            }
        };
        app.world_mut().write_message(msg);
        app.update();
        let status = app.world().resource::<game::persist::SaveStatus>();
        if status.saves > saves {
            saves = status.saves;
            let hash = history_hash(&app.world().resource::<ActiveGame>().0);
            let mut out = stdout.lock();
            let _ = writeln!(out, "confirmed {step} {hash:016x}");
            let _ = out.flush();
        }
        if pace_ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(pace_ms));
        }
    }
}
