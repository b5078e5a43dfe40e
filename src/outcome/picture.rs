//! The outcome picture of the export, `outcome.png`, in the game: the SVG of every outcome page
//! ([`super::svg`]) is made from the session at once, then rendered and written on a worker thread,
//! so the room's screen does not wait for it. The command-line export writes the same picture with
//! [`super::svg::write_outcome_picture`].

use crate::app::AppSystems;
use crate::game::ActiveGame;
use crate::texts::Tr;
use crate::theme::Palette;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use std::path::PathBuf;
use std::thread::JoinHandle;

pub use super::svg::picture_size;

/// Make the picture of the outcome pages into this PNG file.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(crate) struct TakePicture(pub(crate) PathBuf);

/// What became of the last picture: where it was written, or why not.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub(crate) struct PictureState {
    pub(crate) pending: Option<PathBuf>,
    pub(crate) last: Option<Result<PathBuf, String>>,
}

/// The picture being rendered on its worker thread.
#[derive(Resource, Default)]
struct PictureJob(Option<JoinHandle<Result<PathBuf, String>>>);

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<TakePicture>()
        .init_resource::<PictureState>()
        .init_resource::<PictureJob>();
    app.add_systems(
        Update,
        (
            start_picture.run_if(on_message::<TakePicture>),
            finish_picture.run_if(|job: Res<PictureJob>| job.0.is_some()),
        )
            .chain()
            .after(AppSystems::Draw),
    );
}

/// Lays out the pages as an SVG now (what the session is at this moment) and renders it on a worker
/// thread. A picture asked for while one is rendered waits for it: the last one asked for wins.
fn start_picture(
    mut requests: MessageReader<TakePicture>,
    mut state: ResMut<PictureState>,
    mut job: ResMut<PictureJob>,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    pal: Res<Palette>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(TakePicture(path)) = requests.read().last().cloned() else {
        return;
    };
    if let Some(running) = job.0.take() {
        // One picture at a time; the earlier one is finished first (it is nearly always done).
        state.last = Some(joined(running));
    }
    let svg = super::svg::outcome_svg(game.session(), &tr.0, &pal);
    let to = path.clone();
    let spawned = std::thread::Builder::new()
        .name("outcome picture".into())
        .spawn(move || super::svg::write_picture(&svg, &to));
    match spawned {
        Ok(handle) => {
            job.0 = Some(handle);
            state.pending = Some(path);
        }
        Err(e) => state.last = Some(Err(format!("{}: {e}", path.display()))),
    }
    redraw.write(RequestRedraw);
}

/// Collects the picture when its thread is done; until then the app keeps waking to look.
fn finish_picture(
    mut job: ResMut<PictureJob>,
    mut state: ResMut<PictureState>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    redraw.write(RequestRedraw);
    if !job.0.as_ref().is_some_and(JoinHandle::is_finished) {
        return;
    }
    if let Some(done) = job.0.take() {
        let result = joined(done);
        if let Err(e) = &result {
            error!("outcome picture: {e}");
        }
        state.pending = None;
        state.last = Some(result);
    }
}

fn joined(handle: JoinHandle<Result<PathBuf, String>>) -> Result<PathBuf, String> {
    handle
        .join()
        .unwrap_or_else(|_| Err("the outcome picture could not be drawn".to_string()))
}
