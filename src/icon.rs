//! The window's icon, for the title bar, the taskbar and the window switcher: drawn once from the SVG
//! embedded in the binary (`assets/icon/leerklimaat.svg`, the same file the Debian package installs), so
//! the program needs nothing beside it.

use bevy::prelude::*;

/// The icon as SVG, the one source of every icon the program and its packages show.
pub(crate) const ICON_SVG: &str = include_str!("../assets/icon/leerklimaat.svg");

/// The side of the window's icon in pixels (window managers scale it down where they need less).
const ICON_SIZE: u32 = 64;

/// Whether the window has its icon: the winit window appears only after the first frames.
#[derive(Resource, Default)]
struct IconSet(bool);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<IconSet>().add_systems(
        Update,
        set_window_icon
            .run_if(|set: Res<IconSet>| !set.0)
            .in_set(crate::app::AppSystems::Draw),
    );
}

/// The icon's pixels, straight (not premultiplied) RGBA, row by row.
pub(crate) fn icon_rgba(size: u32) -> Result<Vec<u8>, String> {
    let svg = ICON_SVG.replace(
        "width=\"256\" height=\"256\"",
        &format!("width=\"{size}\" height=\"{size}\""),
    );
    let pixmap = crate::core::fonts::render_svg(&svg)?;
    Ok(pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect())
}

/// Gives every winit window the icon, once they exist. Runs on the main thread (winit asks for it).
fn set_window_icon(mut set: ResMut<IconSet>, _main_thread: bevy::ecs::system::NonSendMarker) {
    bevy::winit::WINIT_WINDOWS.with_borrow(|windows| {
        if windows.windows.is_empty() {
            return;
        }
        match icon_rgba(ICON_SIZE).and_then(|rgba| {
            winit::window::Icon::from_rgba(rgba, ICON_SIZE, ICON_SIZE).map_err(|e| e.to_string())
        }) {
            Ok(icon) => {
                for window in windows.windows.values() {
                    window.set_window_icon(Some(icon.clone()));
                }
            }
            // A window without an icon is still the game: say so once and go on.
            Err(e) => warn!("the window icon could not be drawn: {e}"),
        }
        set.0 = true;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The icon renders at the size asked, is opaque in its middle and transparent in its corner
    /// (a rounded square), so a broken SVG or a wrong size cannot pass.
    #[test]
    fn the_icon_renders_at_every_size_asked() {
        for size in [16, 64, 256] {
            let rgba = icon_rgba(size).unwrap();
            assert_eq!(rgba.len(), (size * size * 4) as usize);
            let alpha = |x: u32, y: u32| rgba[((y * size + x) * 4 + 3) as usize];
            assert_eq!(alpha(size / 2, size / 2), 255, "the middle at {size}");
            assert_eq!(alpha(0, 0), 0, "the corner at {size}");
        }
    }
}
