//! A photo of the plenary screen as the group saw it, taken just before the outcome is shown, for the
//! organiser's export. Window only: the picture comes from Bevy's screenshot of the primary window.

use crate::app::AppSystems;
use crate::core::session::Action;
use crate::persist::SaveTarget;
use crate::session::GameMsg;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::window::RequestRedraw;
use std::path::PathBuf;

/// Take the photo of the plenary, then show the outcome.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoThenOutcome;

/// Where the last photo of the plenary was saved.
#[derive(Resource, Debug, Default, Clone)]
pub struct PlenaryPhoto(pub Option<PathBuf>);

/// The one way to the outcome: with a window, after the photo of the plenary; without one (headless),
/// at once. Returns the message to send when there is no photo to take first.
pub fn to_outcome(photo: Option<&mut MessageWriter<PhotoThenOutcome>>) -> Option<GameMsg> {
    match photo {
        Some(photo) => {
            photo.write(PhotoThenOutcome);
            None
        }
        None => Some(GameMsg::Do(Action::ShowOutcome)),
    }
}

pub fn plugin(app: &mut App) {
    app.add_message::<PhotoThenOutcome>()
        .init_resource::<PlenaryPhoto>();
    app.add_systems(
        Update,
        take_photo
            .run_if(on_message::<PhotoThenOutcome>)
            .in_set(AppSystems::Input),
    );
}

fn take_photo(
    mut requests: MessageReader<PhotoThenOutcome>,
    mut commands: Commands,
    target: Option<Res<SaveTarget>>,
    mut photo: ResMut<PlenaryPhoto>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if requests.read().count() == 0 {
        return;
    }
    // Beside the session file, in the user's own data folder; never in a shared temporary folder.
    let Some(target) = target else {
        return;
    };
    let path = match &target.path {
        Some(p) => PathBuf::from(format!("{}.plenary.png", p.display())),
        None => target
            .store
            .dir
            .join(format!("plenary-{}.png", std::process::id())),
    };
    photo.0 = Some(path.clone());
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path))
        .observe(
            |_: On<ScreenshotCaptured>,
             mut messages: MessageWriter<GameMsg>,
             mut redraw: MessageWriter<RequestRedraw>| {
                messages.write(GameMsg::Do(Action::ShowOutcome));
                redraw.write(RequestRedraw);
            },
        );
    redraw.write(RequestRedraw);
}
