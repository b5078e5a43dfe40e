//! The outcome: the pages that the facilitator steps through in the plenary ([`pages`], drawn by
//! [`present`]), the stacks whose cards can be moved ([`stacks`]), the picture of all pages
//! ([`picture`]), the export, and the outcome panel ([`ui`]). Files are written here, in the world,
//! when the panel asks for it.

pub mod pages;
pub mod picture;
pub mod present;
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
    app.add_plugins(present::plugin);
    app.add_systems(
        Update,
        export_files
            .run_if(in_state(Screen::Outcome).and_then(on_message::<ExportMsg>))
            .in_set(AppSystems::Apply),
    );
}

/// Carries out the outcome screen's file operations. With a renderer (the window), an export also
/// asks for the picture of the outcome pages, written beside the other files as `outcome.png`.
pub fn export_files(
    mut msgs: MessageReader<ExportMsg>,
    game: Res<ActiveGame>,
    mut state: ResMut<ExportState>,
    mut picture: Option<MessageWriter<picture::TakePicture>>,
) {
    for msg in msgs.read() {
        match msg {
            ExportMsg::Export(folder) => {
                let result = crate::core::export::export_everything(&game.0, folder);
                if let (Ok(dir), Some(picture)) = (&result, picture.as_mut()) {
                    picture.write(picture::TakePicture(
                        dir.join(crate::core::export::OUTCOME_PICTURE),
                    ));
                }
                state.exported = Some(result);
                state.open_failed = None;
            }
            ExportMsg::OpenFolder(dir) => {
                state.open_failed = crate::core::export::open_folder(dir).err();
            }
        }
    }
}
