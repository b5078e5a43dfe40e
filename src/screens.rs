//! What happens when a screen starts or ends, beyond the entities that clean themselves up: selections
//! and help are reset, so a new screen starts clean.

use crate::app::Screen;
use crate::table::pawn::SelectedPlayer;
use crate::table::post_it::SelectedPostIt;
use bevy::prelude::*;

/// Whether the keyboard help overlay is open.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HelpOpen(pub(crate) bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HelpOpen>();
    for screen in [
        Screen::Setup,
        Screen::Play,
        Screen::Plenary,
        Screen::Outcome,
        Screen::Programme,
    ] {
        app.add_systems(OnExit(screen), clear_selections);
    }
}

fn clear_selections(mut player: ResMut<SelectedPlayer>, mut post_it: ResMut<SelectedPostIt>) {
    player.0 = None;
    post_it.0 = None;
}
