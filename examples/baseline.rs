//! The engine's floor for the benchmark harness: a Bevy + `bevy_egui` app with the game's features,
//! profile, window size, camera and render-on-change settings that covers **the same screen area** as
//! the game's play screen, without any of the game: a card with a statement's worth of large text, the
//! squares with their labels, the waiting row, twelve discs with initials, eight post-its with text, and
//! egui panels of the game's size. One disc can be dragged onto the squares and snaps into a square as a
//! pawn does. So the ratio of the game to this measures the game's own overhead, not the number of
//! pixels a software renderer has to fill. `scripts/bench.sh` measures it beside the game in the same
//! run; with `LEERKLIMAAT_SCREEN_MAP=FILE` it writes the disc and the squares in the game's map format, so
//! the harness aims its drags the same way.

use bevy::camera::ScalingMode;
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPreUpdateSet, EguiPrimaryContextPass, egui};
use leerklimaat::table::layout::{self, PAWN_SIZE, POST_IT_SIZE};

fn main() {
    leerklimaat::dev::probe::mark_process_start();
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "baseline".into(),
                resolution: (1600, 900).into(),
                ..default()
            }),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .insert_resource(WinitSettings::desktop_app())
        .add_plugins(leerklimaat::dev::probe::plugin)
        .add_systems(
            PreUpdate,
            leerklimaat::panels::drop_repeated_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Startup, setup)
        .add_systems(EguiPrimaryContextPass, panels)
        .add_systems(Last, write_map)
        .run();
}

/// The draggable disc.
#[derive(Component)]
struct Disc;

const SQUARES: usize = 4;

fn setup(
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut fonts: ResMut<Assets<Font>>,
) {
    let inter = fonts.add(Font::from_bytes(leerklimaat::theme::INTER_REGULAR.to_vec()));
    let font = |size: f32, _: &mut Assets<Font>| TextFont {
        font: inter.clone().into(),
        font_size: bevy::text::FontSize::Px(size),
        ..default()
    };
    commands.spawn((
        Camera2d,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::AutoMin {
                min_width: layout::WORLD.x,
                min_height: layout::WORLD.y,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
    let ink = Color::srgb(0.1, 0.1, 0.12);
    let card = layout::card_rect();
    commands.spawn((
        Sprite::from_color(Color::WHITE, card.size()),
        Transform::from_translation(card.center().extend(0.0)),
    ));
    commands.spawn((
        Text2d::new(
            "In ons team kun je hardop twijfelen of zeggen dat je iets niet weet, zonder dat het later \
             tegen je wordt gebruikt.",
        ),
        font(layout::STATEMENT_FONT, &mut fonts),
        TextColor(ink),
        TextLayout::new(Justify::Left, LineBreak::WordBoundary),
        TextBounds::new(card.width() - 60.0, card.height() - 40.0),
        Anchor::TOP_LEFT,
        Transform::from_xyz(card.min.x + 30.0, card.max.y - 60.0, 1.0),
    ));
    for (i, r) in layout::square_rects(SQUARES).into_iter().enumerate() {
        commands.spawn((
            Sprite::from_color(Color::srgb(0.86, 0.88, 0.91), r.size()),
            Transform::from_translation(r.center().extend(0.0)),
        ));
        commands.spawn((
            Text2d::new(format!("{}\nniet aanwezig", i + 1)),
            font(layout::LABEL_FONT, &mut fonts),
            TextColor(ink),
            Transform::from_xyz(r.center().x, r.max.y - 50.0, 1.0),
        ));
    }
    let pool = layout::pool_rect();
    commands.spawn((
        Sprite::from_color(Color::srgb(0.9, 0.89, 0.85), pool.size()),
        Transform::from_translation(pool.center().extend(0.0)),
    ));
    let disc = images.add(leerklimaat::table::pawn::pawn_disc());
    for i in 0..12 {
        let mut e = commands.spawn((
            Sprite {
                image: disc.clone(),
                color: leerklimaat::theme::pawn_colour(i as u8),
                custom_size: Some(Vec2::splat(PAWN_SIZE)),
                ..default()
            },
            Transform::from_translation(layout::pool_spot(i, 12).extend(5.0)),
            children![(
                Text2d::new("AB"),
                font(26.0, &mut fonts),
                TextColor(Color::WHITE),
                Transform::from_xyz(0.0, 0.0, 0.2),
                Pickable::IGNORE,
            )],
        ));
        if i == 0 {
            e.insert((Disc, Pickable::default()))
                .observe(
                    |ev: On<Pointer<Drag>>,
                     mut q: Query<&mut Transform>,
                     cameras: Query<(&Camera, &GlobalTransform)>| {
                        let Ok((camera, at)) = cameras.single() else {
                            return;
                        };
                        if let (Ok(mut t), Ok(p)) = (
                            q.get_mut(ev.entity),
                            camera.viewport_to_world_2d(at, ev.pointer_location.position),
                        ) {
                            t.translation = p.extend(20.0);
                        }
                    },
                )
                .observe(
                    |ev: On<Pointer<DragEnd>>,
                     mut q: Query<&mut Transform>,
                     cameras: Query<(&Camera, &GlobalTransform)>| {
                        let Ok((camera, at)) = cameras.single() else {
                            return;
                        };
                        let Ok(p) = camera.viewport_to_world_2d(at, ev.pointer_location.position)
                        else {
                            return;
                        };
                        if let (Ok(mut t), Some(sq)) =
                            (q.get_mut(ev.entity), layout::square_at(p, SQUARES))
                        {
                            let spot = layout::pawn_spot(layout::square_rects(SQUARES)[sq], 0, 1);
                            t.translation = spot.extend(5.0);
                        }
                    },
                );
        } else {
            e.insert(Pickable::IGNORE);
        }
    }
    for i in 0..8 {
        let Some(at) = layout::post_it_spot(i, 0) else {
            continue;
        };
        commands.spawn((
            Sprite::from_color(Color::srgb(0.73, 0.89, 0.69), POST_IT_SIZE),
            Transform::from_translation(at.extend(10.0)),
            children![(
                Text2d::new("+ Feedback werkt al goed in ons team\n— Anouk"),
                font(layout::POST_IT_FONT, &mut fonts),
                TextColor(ink),
                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
                TextBounds::new(POST_IT_SIZE.x - 24.0, POST_IT_SIZE.y - 14.0),
                Anchor::TOP_LEFT,
                Transform::from_xyz(
                    -POST_IT_SIZE.x / 2.0 + 12.0,
                    POST_IT_SIZE.y / 2.0 - 8.0,
                    0.2
                ),
            )],
        ));
    }
}

/// Panels of the game's size: the bottom bar and the post-it entry.
fn panels(mut contexts: EguiContexts, mut text: Local<String>) -> Result {
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("bar".into())
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -8.0])
        .show(ctx, |ui| {
            egui::Frame::window(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    for label in [
                        "Ongedaan maken",
                        "Opnieuw",
                        "◀ Vorige",
                        "Volgende ▶",
                        "Overslaan",
                        "Beurt doorgeven",
                        "Start timer",
                        "Nieuwe casus",
                        "Naar plenair ▶▶",
                    ] {
                        let _ = ui.add(egui::Button::new(label).min_size(egui::vec2(48.0, 48.0)));
                    }
                });
            });
        });
    egui::Area::new("entry".into())
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -92.0])
        .show(ctx, |ui| {
            egui::Frame::window(ui.style()).show(ui, |ui| {
                ui.set_width(500.0);
                ui.horizontal(|ui| {
                    for label in [
                        "+ Groen: werkt al",
                        "? Roze: vraag of behoefte",
                        "Post-it toevoegen",
                    ] {
                        let _ = ui.button(label);
                    }
                });
                ui.label("12 post-its");
                ui.add(egui::TextEdit::singleline(&mut *text).desired_width(300.0));
            });
        });
    Ok(())
}

/// The disc and the squares, in the game's screen-map format, when `LEERKLIMAAT_SCREEN_MAP` is set.
fn write_map(
    disc: Query<&GlobalTransform, With<Disc>>,
    cameras: Query<(&Camera, &GlobalTransform)>,
    mouse: Res<ButtonInput<MouseButton>>,
    mut last: Local<String>,
) {
    let Ok(path) = std::env::var("LEERKLIMAAT_SCREEN_MAP") else {
        return;
    };
    // As in the game: nothing is written during a drag.
    if mouse.pressed(MouseButton::Left) {
        return;
    }
    let (Ok(disc), Ok((camera, at))) = (disc.single(), cameras.single()) else {
        return;
    };
    let screen = |p: Vec2| camera.world_to_viewport(at, p.extend(0.0)).ok();
    let mut text = String::new();
    for (i, r) in layout::square_rects(SQUARES).into_iter().enumerate() {
        if let (Some(a), Some(b)) = (
            screen(Vec2::new(r.min.x, r.max.y)),
            screen(Vec2::new(r.max.x, r.min.y)),
        ) {
            text.push_str(&format!(
                "square {i} {:.0} {:.0} {:.0} {:.0}\n",
                a.x, a.y, b.x, b.y
            ));
        }
    }
    if let Some(c) = screen(disc.translation().truncate()) {
        text.push_str(&format!("pawn 1 {:.0} {:.0} 55\n", c.x, c.y));
    }
    if text != *last {
        let tmp = format!("{path}.tmp");
        if std::fs::write(&tmp, &text).is_ok() && std::fs::rename(&tmp, &path).is_ok() {
            *last = text;
        }
    }
}
