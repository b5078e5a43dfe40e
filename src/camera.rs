//! The window side of the board: a camera that always shows the whole 1920×1080 board (so the game
//! scales from a 1280×720 beamer to a 4K TV), F11 for full screen, and rendering only when something
//! changes, with one frame a second while the timer is shown.

use crate::game::CardClock;
use crate::table::drag::BoardCamera;
use bevy::camera::{CompositingSpace, ScalingMode};
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy::winit::{UpdateMode, WinitSettings};
use std::time::Duration;

/// Added by the windowed app only; headless tests have no camera.
pub(super) fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings::desktop_app());
    app.add_systems(Startup, spawn_camera);
    app.add_systems(
        Update,
        (
            toggle_full_screen.run_if(resource_changed::<ButtonInput<KeyCode>>),
            #[cfg(feature = "dev")]
            frame_pace.run_if(not(resource_exists::<crate::dev::demo::Demo>)),
            #[cfg(not(feature = "dev"))]
            frame_pace,
        ),
    );
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("board camera"),
        BoardCamera,
        Camera2d,
        // Nothing on the board needs four samples a pixel: the pawns are anti-aliased images, the
        // text is anti-aliased by the glyph rasteriser, and the squares are axis-aligned. A software
        // renderer or an old integrated GPU fills a quarter of the samples (issue 26).
        Msaa::Off,
        // Blending in linear light into an sRGB texture, as Bevy did before 0.19: its default
        // (`Srgb`) converts every pixel of every sprite to sRGB in the shader and back to linear in
        // the copy to the window, which a software renderer pays for per pixel (issue 26). The
        // board's colours are opaque, so only the anti-aliased edges of text and pawns blend.
        CompositingSpace::Linear,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::AutoMin {
                min_width: crate::table::layout::WORLD.x,
                min_height: crate::table::layout::WORLD.y,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
}

fn toggle_full_screen(
    keys: Res<ButtonInput<KeyCode>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    if !keys.just_pressed(KeyCode::F11) {
        return;
    }
    for mut window in &mut windows {
        window.mode = match window.mode {
            WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
            _ => WindowMode::Windowed,
        };
    }
}

/// What keeps the app waking up without input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Wake {
    /// Saving failed: try again.
    pub(crate) retrying: bool,
    /// A deck file is watched on the setup screen.
    pub(crate) watching: bool,
    /// The timer is shown on the card.
    pub(crate) ticking: bool,
    /// The programme bar shows the minutes left in a phase of the programme.
    pub(crate) programme: bool,
    /// Text typed and not saved yet: saved when typing stops.
    pub(crate) drafts: bool,
    /// A toast is shown (what undo took back, an action refused) and goes in this long.
    pub(crate) toast: Option<Duration>,
}

/// How long the app waits for input when nothing needs time. Bevy's runner takes a wait it cannot add
/// to the clock (`Duration::MAX`) as no wait at all and draws without end, so it is long and finite.
pub(crate) const IDLE_WAIT: Duration = Duration::from_secs(60 * 60);

/// How long a toast stays; the frame after hides it.
pub(crate) const TOAST_FOR: Duration = Duration::from_secs(5);

/// How often the app wakes (focused, unfocused): only on input, unless something needs time to pass.
/// Idle, it waits for input up to an hour (Bevy's desktop default wakes every 5 s focused and every
/// minute unfocused, drawing the same picture again).
pub(crate) fn pace(wake: Wake) -> (UpdateMode, UpdateMode) {
    let after = |wait: Duration| {
        (
            UpdateMode::reactive(wait),
            UpdateMode::reactive_low_power(wait),
        )
    };
    let every = |ms| after(Duration::from_millis(ms));
    if wake.retrying {
        every(2000)
    } else if wake.watching {
        every(400)
    } else if wake.ticking || wake.drafts {
        every(1000)
    } else if let Some(left) = wake.toast {
        // The frame that hides the toast, a moment after its time is up.
        after(left + Duration::from_millis(50))
    } else if wake.programme {
        // Minutes are shown: a frame every few seconds keeps them right and the laptop quiet.
        every(5000)
    } else {
        // A running clock needs no frame either: the clock keeper's thread saves it
        // (`persist::ClockKeeper`).
        after(IDLE_WAIT)
    }
}

/// Frames only on input, except: every 2 seconds while saving fails (to try again), once a second
/// while the timer is shown (so it ticks), twice a second on the setup screen while a deck file is
/// watched (so an edit shows within a second, also while the text editor has the focus), and once
/// when a toast's time is up.
fn frame_pace(
    clock: Res<CardClock>,
    source: Option<Res<crate::decks::DeckSource>>,
    saving: Option<Res<crate::persist::SaveStatus>>,
    screen: Res<State<crate::app::Screen>>,
    game: Res<crate::game::ActiveGame>,
    (drafts, deck_draft, refusal, undo): (
        Res<crate::game::OpenDrafts>,
        Option<Res<crate::decks::DeckDraft>>,
        Res<crate::game::LastRefusal>,
        Res<crate::game::LastUndo>,
    ),
    mut settings: ResMut<WinitSettings>,
) {
    let watching =
        *screen.get() == crate::app::Screen::Setup && source.is_some_and(|s| s.path.is_some());
    let playing = screen.get().at_table();
    let (focused, unfocused) = pace(Wake {
        retrying: saving.is_some_and(|s| s.error.is_some()),
        watching,
        ticking: playing && clock.shown,
        programme: *screen.get() != crate::app::Screen::Setup
            && !game.session().programme().is_empty(),
        drafts: drafts.unsaved.pending() || deck_draft.is_some_and(|d| d.unsaved.pending()),
        toast: [
            refusal.error.as_ref().and(refusal.at),
            undo.action.as_ref().and(undo.at),
        ]
        .into_iter()
        .flatten()
        .filter_map(|at| TOAST_FOR.checked_sub(at.elapsed()))
        .min(),
    });
    if settings.focused_mode != focused {
        settings.focused_mode = focused;
    }
    if settings.unfocused_mode != unfocused {
        settings.unfocused_mode = unfocused;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Idle means no frames, however long; a failed save wakes the app every 2 seconds to try
    /// again, also with no input, before anything else that wakes it.
    #[test]
    fn the_app_wakes_only_when_something_needs_time() {
        let idle = pace(Wake::default());
        assert_eq!(idle.0, UpdateMode::reactive(Duration::from_secs(3600)));
        assert_eq!(
            idle.1,
            UpdateMode::reactive_low_power(Duration::from_secs(3600))
        );
        assert_ne!(idle.0, WinitSettings::desktop_app().focused_mode);
        let retry = pace(Wake {
            retrying: true,
            watching: true,
            ticking: true,
            programme: true,
            drafts: true,
            toast: Some(Duration::from_millis(300)),
        });
        assert_eq!(retry.0, UpdateMode::reactive(Duration::from_secs(2)));
        assert_eq!(
            retry.1,
            UpdateMode::reactive_low_power(Duration::from_secs(2))
        );
        assert_eq!(
            pace(Wake {
                ticking: true,
                ..Wake::default()
            })
            .0,
            UpdateMode::reactive(Duration::from_secs(1))
        );
        assert_eq!(
            pace(Wake {
                programme: true,
                ..Wake::default()
            })
            .0,
            UpdateMode::reactive(Duration::from_secs(5))
        );
        // Typed text is saved a moment after typing stops, also when no key follows.
        assert_eq!(
            pace(Wake {
                drafts: true,
                programme: true,
                ..Wake::default()
            })
            .0,
            UpdateMode::reactive(Duration::from_secs(1))
        );
        // A toast goes at its time, also with no input, before the programme's next minute.
        assert_eq!(
            pace(Wake {
                toast: Some(Duration::from_millis(1200)),
                programme: true,
                ..Wake::default()
            }),
            (
                UpdateMode::reactive(Duration::from_millis(1250)),
                UpdateMode::reactive_low_power(Duration::from_millis(1250))
            )
        );
    }
}
