//! The outcome picture of the export, `outcome.png`: every outcome page (the stacks, the three lists,
//! the shift chart, the next steps) photographed at once by the game's own renderer. A second camera
//! renders the whole grid of pages into an image; its screenshot is written as a PNG. It works in the
//! game window and without one (the command-line export, [`render_outcome_picture`]).

use crate::app::AppSystems;
use crate::outcome::pages;
use crate::outcome::present::OutcomeView;
use crate::theme::Palette;
use bevy::asset::RenderAssetUsages;
use bevy::camera::{RenderTarget, ScalingMode};
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat, TextureUsages};
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::RequestRedraw;
use std::path::{Path, PathBuf};

/// Photograph the outcome pages into this PNG file.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub(crate) struct TakePicture(pub(crate) PathBuf);

/// What became of the last picture: where it was written, or why not.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub(crate) struct PictureState {
    pub(crate) pending: Option<PathBuf>,
    pub(crate) last: Option<Result<PathBuf, String>>,
}

/// A picture being taken: the camera waits a few frames (text is laid out, shaders are ready) before
/// the screenshot.
#[derive(Component)]
struct PictureJob {
    path: PathBuf,
    image: Handle<Image>,
    frames: u32,
    shot: bool,
}

/// Frames between the camera's start and the screenshot.
const SETTLE_FRAMES: u32 = 4;
/// The largest side of the picture, in pixels.
const MAX_SIDE: f32 = 8000.0;

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<TakePicture>()
        .init_resource::<PictureState>();
    app.add_systems(
        Update,
        (
            start_picture.run_if(on_message::<TakePicture>),
            advance_picture,
        )
            .chain()
            .after(AppSystems::Draw),
    );
}

/// The size in pixels of the picture of `count` pages: half a 1080p page each, smaller when the grid
/// would be larger than [`MAX_SIDE`].
pub fn picture_size(count: usize) -> UVec2 {
    let bounds = pages::pages_bounds(count);
    let scale = 0.5f32.min(MAX_SIDE / bounds.width().max(bounds.height()));
    UVec2::new(
        (bounds.width() * scale).round() as u32,
        (bounds.height() * scale).round() as u32,
    )
}

fn start_picture(
    mut requests: MessageReader<TakePicture>,
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut state: ResMut<PictureState>,
    view: Res<OutcomeView>,
    pal: Res<Palette>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(TakePicture(path)) = requests.read().last().cloned() else {
        return;
    };
    let count = view.count();
    let size = picture_size(count);
    let mut target = Image::new_uninit(
        Extent3d {
            width: size.x,
            height: size.y,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    target.texture_descriptor.usage |= TextureUsages::RENDER_ATTACHMENT | TextureUsages::COPY_SRC;
    let image = images.add(target);
    let bounds = pages::pages_bounds(count);
    commands.spawn((
        Name::new("outcome picture camera"),
        Camera2d,
        Camera {
            order: -1,
            clear_color: ClearColorConfig::Custom(pal.ink_soft),
            ..default()
        },
        RenderTarget::Image(image.clone().into()),
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::Fixed {
                width: bounds.width(),
                height: bounds.height(),
            },
            ..OrthographicProjection::default_2d()
        }),
        Transform::from_translation(bounds.center().extend(0.0)),
        PictureJob {
            path: path.clone(),
            image,
            frames: 0,
            shot: false,
        },
    ));
    state.pending = Some(path);
    redraw.write(RequestRedraw);
}

fn advance_picture(
    mut commands: Commands,
    mut jobs: Query<(Entity, &mut PictureJob)>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    for (camera, mut job) in &mut jobs {
        redraw.write(RequestRedraw);
        job.frames += 1;
        if job.shot || job.frames < SETTLE_FRAMES {
            continue;
        }
        job.shot = true;
        let path = job.path.clone();
        commands
            .spawn(Screenshot::image(job.image.clone()))
            .observe(
                move |captured: On<ScreenshotCaptured>,
                      mut commands: Commands,
                      mut state: ResMut<PictureState>,
                      mut redraw: MessageWriter<RequestRedraw>| {
                    let result = write_png(&captured.image, &path).map(|()| path.clone());
                    if let Err(e) = &result {
                        error!("outcome picture: {e}");
                    }
                    state.pending = None;
                    state.last = Some(result);
                    commands.entity(camera).despawn();
                    redraw.write(RequestRedraw);
                },
            );
    }
}

/// Writes a captured image as an RGB PNG, atomically.
fn write_png(image: &Image, path: &Path) -> Result<(), String> {
    let shown = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let rgb = image
        .clone()
        .try_into_dynamic()
        .map_err(|e| shown(&e))?
        .to_rgb8();
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, rgb.width(), rgb.height());
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| shown(&e))?;
        writer
            .write_image_data(rgb.as_raw())
            .map_err(|e| shown(&e))?;
    }
    // Part of an export: readable by the user only, as the other files.
    crate::core::files::write_private(path, &bytes).map_err(|e| shown(&e))
}

/// Renders the outcome picture of a saved session without a window, as the command-line export
/// does: the game's own drawing of the pages, photographed by the picture camera.
pub fn render_outcome_picture(
    game: crate::core::session::Game,
    path: &Path,
) -> Result<PathBuf, String> {
    use bevy::render::RenderPlugin;
    use bevy::window::ExitCondition;
    use bevy::winit::WinitPlugin;
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: None,
                exit_condition: ExitCondition::DontExit,
                close_when_requested: false,
                ..default()
            })
            .set(RenderPlugin {
                synchronous_pipeline_compilation: true,
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn".into(),
                ..default()
            })
            .disable::<WinitPlugin>(),
    );
    app.insert_resource(crate::game::ActiveGame::new(game));
    app.insert_resource(crate::outcome::present::DrawPagesAlways);
    app.add_plugins(crate::app::world_plugin);
    app.add_plugins(plugin);
    app.finish();
    app.cleanup();
    // The pages are drawn in the first frames; then the picture is asked for.
    for _ in 0..2 {
        app.update();
    }
    app.world_mut()
        .write_message(TakePicture(path.to_path_buf()));
    for _ in 0..120 {
        app.update();
        if let Some(result) = app.world().resource::<PictureState>().last.clone() {
            return result;
        }
    }
    Err(format!(
        "{}: the renderer gave no picture (is there a Vulkan or GL driver?)",
        path.display()
    ))
}
