//! The outcome: the green and the red stack, the plenary photo, the export, and the outcome panel
//! ([`ui`]). Files are written here, in the world, when the panel asks for it.

pub mod photo;
pub mod stacks;
pub mod ui;

use crate::app::{AppSystems, Screen};
use crate::session::ActiveGame;
use bevy::prelude::*;
use std::path::PathBuf;

/// A file operation asked for on the outcome screen.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum ExportMsg {
    /// Export everything into a new folder inside this one.
    Export(PathBuf),
    /// Open an exported folder in the system's file manager.
    OpenFolder(PathBuf),
}

/// Where the last export went, or why it failed, and whether opening its folder failed.
#[derive(Resource, Debug, Default)]
pub struct ExportState {
    pub exported: Option<Result<PathBuf, String>>,
    pub open_failed: Option<String>,
}

/// The world of the outcome screen.
pub fn plugin(app: &mut App) {
    app.add_message::<ExportMsg>()
        .init_resource::<ExportState>();
    app.add_plugins(stacks::plugin);
    app.add_systems(
        Update,
        export_files
            .run_if(in_state(Screen::Outcome).and_then(on_message::<ExportMsg>))
            .in_set(AppSystems::Apply),
    );
}

/// Carries out the outcome screen's file operations.
pub fn export_files(
    mut msgs: MessageReader<ExportMsg>,
    game: Res<ActiveGame>,
    photo: Option<Res<photo::PlenaryPhoto>>,
    mut state: ResMut<ExportState>,
) {
    for msg in msgs.read() {
        match msg {
            ExportMsg::Export(folder) => {
                let photo = photo.as_ref().and_then(|p| p.0.as_deref());
                state.exported = Some(crate::core::export::export_everything(
                    &game.0, folder, photo,
                ));
                state.open_failed = None;
            }
            ExportMsg::OpenFolder(dir) => {
                state.open_failed = crate::core::export::open_folder(dir).err();
            }
        }
    }
}
