//! The one test binary: core rules, decks, exports, and the game headless.

mod deck_loading;
mod decks;
mod e2e;
mod exports;
mod follow_up;
mod game;
mod hostile_sessions;
mod merge;
mod panels;
mod persist;
mod rules;
mod session_files;
