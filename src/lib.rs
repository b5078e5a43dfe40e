//! Leerklimaat: a serious game about learning climate, played by a group on one shared screen.
//!
//! - [`core`]: the rules, with no Bevy types: decks, the session and its actions, the tally, the
//!   translations, the exports and the session files.
//! - [`app`]: every screen and plugin in one list.
//! - One folder per part of the game, each with its world systems and a sibling `ui.rs` panel:
//!   [`setup`], [`table`] (Play and Plenary), [`outcome`], [`decks`], [`persist`].
//! - Shared by them: [`game`] (the game being played as a resource, and the one system that changes it),
//!   [`screens`], [`keys`], [`theme`], [`camera`], and [`panels`] (egui set-up and widgets).
//! - `dev` (with the `dev` cargo feature only): the demo, the probe, the screen map and the soak run.

pub mod app;
pub(crate) mod camera;
pub mod core;
pub mod decks;
#[cfg(feature = "dev")]
pub mod dev;
pub mod game;
pub(crate) mod icon;
pub(crate) mod keys;
pub mod outcome;
pub mod panels;
pub mod persist;
pub mod programme;
pub(crate) mod screens;
pub mod setup;
pub mod table;
mod texts;
pub mod theme;

/// The application id: the window's class on X11 and Windows, its app id on Wayland, and the name of
/// the `.desktop` entry and the icon in the Debian package.
pub const APP_ID: &str = "leerklimaat";

/// The program's version, from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What `--version` prints after the name: the program's version and the versions of the file formats
/// it writes, `0.1.0 (session format 4, deck format 1)`.
pub fn version_line() -> &'static str {
    static LINE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LINE.get_or_init(|| {
        format!(
            "{VERSION} (session format {}, deck format {})",
            core::session::SESSION_VERSION,
            core::deck::DECK_VERSION
        )
    })
}

pub use app::{GameOptions, app, headless_app, run_game};
#[cfg(feature = "dev")]
pub use dev::soak::{history_hash, soak};
