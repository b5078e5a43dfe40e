//! The setup screen: the group, the players, the deck and the way of playing. Its world is empty (the
//! camera's background); everything is in the panels ([`ui`], [`past`]), drawn by the system in
//! `panel.rs`, which does what they ask: the file dialog, the deck editor's files, the palette.

mod panel;
pub(crate) mod past;
pub mod ui;

pub(crate) use panel::plugin;
