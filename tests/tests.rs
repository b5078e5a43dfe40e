//! The one test binary: core rules, decks, exports, and the game headless.

mod decks;
mod exports;
mod game;
mod panels;
mod persist;
mod rules;
