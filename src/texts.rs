//! The interface texts as a resource, shared by the world (the board's card, the outcome pages) and
//! every panel.

use crate::core::i18n::Texts;
use bevy::prelude::*;

/// The interface texts, in both languages.
#[derive(Resource, Default)]
pub(crate) struct Tr(pub(crate) Texts);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Tr>();
}
