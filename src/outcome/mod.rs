//! The outcome: the pages that the facilitator steps through in the plenary ([`pages`], drawn by
//! [`present`]), the stacks whose cards can be moved ([`stacks`]), the picture of all pages
//! ([`picture`]), the export, and the outcome panel ([`ui`]). Files are written here, in the world,
//! when the panel asks for it.

mod draw;
pub(crate) mod page_measure;
pub mod pages;
mod panel;
pub mod picture;
pub mod present;
mod shift_chart;
mod since_pages;
pub mod stacks;
pub mod svg;
pub mod ui;
pub(crate) use panel::plugin as panel_plugin;

use crate::app::{AppSystems, Screen};
use crate::core::session::TimerSave;
use crate::game::{ActiveGame, CardClock, PhaseClock};
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
    pub(crate) exported: Option<Result<PathBuf, String>>,
    pub(crate) open_failed: Option<String>,
}

/// The world of the outcome screen.
pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExportMsg>()
        .init_resource::<ExportState>();
    app.add_plugins(present::plugin);
    app.add_systems(
        Update,
        (
            export_when_finished.run_if(resource_changed::<ActiveGame>),
            export_files.run_if(on_message::<ExportMsg>),
        )
            .chain()
            .run_if(not(in_state(Screen::Setup)))
            .in_set(AppSystems::Apply)
            .after(crate::game::apply_messages),
    );
}

/// When the facilitator finishes the workshop (*Afronden*), everything is exported at once, into the
/// folder of the outcome screen (an earlier export of the workshop there is updated).
fn export_when_finished(
    game: Res<ActiveGame>,
    form: Option<Res<ui::OutcomeForm>>,
    mut was: Local<Option<bool>>,
    mut exports: MessageWriter<ExportMsg>,
) {
    let finished = game.session().finished;
    // A session resumed as finished is not exported again by opening it.
    if *was == Some(false) && finished {
        let folder = form.and_then(|f| f.folder.clone()).map_or_else(
            || crate::core::export::default_export_dir(game.game()),
            PathBuf::from,
        );
        exports.write(ExportMsg::Export(folder));
    }
    *was = Some(finished);
}

/// Carries out the outcome screen's file operations. In the window, an export also asks for the
/// picture of the outcome pages, written beside the other files as `outcome.png` by a worker thread.
pub(crate) fn export_files(
    mut msgs: MessageReader<ExportMsg>,
    game: Res<ActiveGame>,
    mut state: ResMut<ExportState>,
    (card, programme): (Res<CardClock>, Res<PhaseClock>),
    mut picture: Option<MessageWriter<picture::TakePicture>>,
) {
    for msg in msgs.read() {
        match msg {
            ExportMsg::Export(folder) => {
                // The minutes running now count, as in the saved file.
                let mut now = game.game().clone();
                now.set_timer(TimerSave {
                    shown: card.shown,
                    seconds: card.seconds(),
                    phase_seconds: programme.seconds(),
                });
                let result = crate::core::export::export_everything(&now, folder);
                // The picture is made from the session, on every screen an export is made from.
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
