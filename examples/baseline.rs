//! The engine's floor for the benchmark harness: an empty Bevy + `bevy_egui` app with the game's features,
//! profile, window size and render-on-change settings, one draggable sprite, one Text2d and one egui
//! window. `scripts/bench.sh` measures it beside the game in the same run.

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPreUpdateSet, EguiPrimaryContextPass, egui};

fn main() {
    leerklimaat::probe::mark_process_start();
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
        .add_plugins(leerklimaat::probe::plugin)
        .add_systems(
            PreUpdate,
            leerklimaat::ui::drop_repeated_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Startup, setup)
        .add_systems(EguiPrimaryContextPass, panel)
        .run();
}

fn setup(mut commands: Commands) {
    commands.spawn(Camera2d);
    commands
        .spawn((
            Sprite::from_color(Color::srgb(0.3, 0.4, 0.7), Vec2::splat(66.0)),
            Pickable::default(),
        ))
        .observe(|ev: On<Pointer<Drag>>, mut q: Query<&mut Transform>| {
            if let Ok(mut t) = q.get_mut(ev.entity) {
                t.translation.x += ev.event.delta.x;
                t.translation.y -= ev.event.delta.y;
            }
        });
    commands.spawn((
        Text2d::new("baseline"),
        Transform::from_xyz(0.0, 200.0, 0.0),
    ));
}

fn panel(mut contexts: EguiContexts) -> Result {
    egui::Window::new("baseline").show(contexts.ctx_mut()?, |ui| {
        ui.label("an empty app");
    });
    Ok(())
}
