//! The floor an export's picture is measured against (`PARTS=export scripts/bench.sh`): the least a
//! headless Bevy app does to render one 1920×1080 PNG. Bevy's default plugins and settings without a
//! window, one 2D camera rendering a coloured square and a line of text into an image, one screenshot
//! of it, written as a PNG to the path given as the only argument.

use bevy::asset::RenderAssetUsages;
use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat, TextureUsages};
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::ExitCondition;
use bevy::winit::WinitPlugin;
use std::path::PathBuf;

#[derive(Resource)]
struct Out(PathBuf, Handle<Image>);

#[derive(Resource, Default)]
struct Done(bool);

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "floor.png".into()),
    );
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: None,
                exit_condition: ExitCondition::DontExit,
                close_when_requested: false,
                ..default()
            })
            .disable::<WinitPlugin>(),
    );
    app.init_resource::<Done>();
    let mut target = Image::new_uninit(
        Extent3d {
            width: 1920,
            height: 1080,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    target.texture_descriptor.usage |= TextureUsages::RENDER_ATTACHMENT | TextureUsages::COPY_SRC;
    let image = app.world_mut().resource_mut::<Assets<Image>>().add(target);
    app.insert_resource(Out(path, image.clone()));
    app.world_mut()
        .spawn((Camera2d, RenderTarget::Image(image.into())));
    app.world_mut().spawn(Sprite::from_color(
        Color::srgb(0.2, 0.5, 0.3),
        Vec2::new(600.0, 300.0),
    ));
    app.world_mut().spawn((
        Text2d::new("1920 × 1080"),
        Transform::from_xyz(0.0, 300.0, 1.0),
    ));
    app.finish();
    app.cleanup();
    for frame in 0..600 {
        app.update();
        if frame == 4 {
            let (path, image) = {
                let out = app.world().resource::<Out>();
                (out.0.clone(), out.1.clone())
            };
            app.world_mut().spawn(Screenshot::image(image)).observe(
                move |captured: On<ScreenshotCaptured>, mut done: ResMut<Done>| {
                    let rgb = captured
                        .image
                        .clone()
                        .try_into_dynamic()
                        .expect("an RGBA image")
                        .to_rgb8();
                    let file = std::fs::File::create(&path).expect("the PNG can be created");
                    let mut encoder =
                        png::Encoder::new(std::io::BufWriter::new(file), rgb.width(), rgb.height());
                    encoder.set_color(png::ColorType::Rgb);
                    encoder.set_depth(png::BitDepth::Eight);
                    let mut writer = encoder.write_header().expect("a PNG header");
                    writer
                        .write_image_data(rgb.as_raw())
                        .expect("the PNG is written");
                    done.0 = true;
                },
            );
        }
        if app.world().resource::<Done>().0 {
            return;
        }
    }
    eprintln!("floor_picture: the renderer gave no picture");
    std::process::exit(1);
}
