//! The table: the Play and the Plenary screens, which share the board with its statement card and
//! squares, the pawns, the post-its and dragging. [`ui`] is the facilitator's panel.

pub mod board;
pub(crate) mod drag;
mod editors;
pub mod fill;
pub mod layout;
mod panel;
pub mod pawn;
pub mod post_it;
pub(crate) mod press;
pub mod ui;
pub(crate) use panel::plugin as panel_plugin;

use bevy::prelude::*;

/// The world of the table.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins((board::plugin, pawn::plugin, post_it::plugin, press::plugin));
}
