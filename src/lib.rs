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

pub use app::{GameOptions, app, headless_app, run_game};
#[cfg(feature = "dev")]
pub use dev::soak::{history_hash, soak};
