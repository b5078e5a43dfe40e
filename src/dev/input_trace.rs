//! The input trace: with `LEERKLIMAAT_INPUT_TRACE=1`, the game logs, frame by frame, the pointer input
//! it got, what the pointer was over, and the presses and drags the picking made of it. The end-to-end
//! suite switches it on, so when a click or a drag did not count, the game's log tells where it was
//! lost: in the window events, under an egui panel, or in the picking.

use bevy::picking::events::{DragEnd, DragStart, Pointer, Press, Release};
use bevy::picking::hover::HoverMap;
use bevy::prelude::*;
use bevy::window::WindowEvent;
use std::fmt::Write as _;

pub(crate) fn plugin(app: &mut App) {
    if std::env::var_os("LEERKLIMAAT_INPUT_TRACE").is_none() {
        return;
    }
    app.add_systems(Last, trace);
}

#[allow(clippy::too_many_arguments)]
fn trace(
    mut frame: Local<u64>,
    mut held: Local<Option<bool>>,
    mut window: MessageReader<WindowEvent>,
    mut press: MessageReader<Pointer<Press>>,
    mut release: MessageReader<Pointer<Release>>,
    mut start: MessageReader<Pointer<DragStart>>,
    mut end: MessageReader<Pointer<DragEnd>>,
    hover: Option<Res<HoverMap>>,
    egui: Option<Res<crate::panels::pointer::EguiPointer>>,
    names: Query<NameOrEntity>,
) {
    *frame += 1;
    let mut line = String::new();
    for e in window.read() {
        match e {
            WindowEvent::CursorMoved(m) => {
                let _ = write!(line, " move({:.0},{:.0})", m.position.x, m.position.y);
            }
            WindowEvent::MouseButtonInput(b) => {
                let _ = write!(line, " button({:?},{:?})", b.button, b.state);
            }
            WindowEvent::TouchInput(t) => {
                let _ = write!(line, " touch({:?})", t.phase);
            }
            _ => {}
        }
    }
    let name = |e: Entity| {
        names
            .get(e)
            .map_or_else(|_| format!("{e}"), |n| n.to_string())
    };
    for p in press.read() {
        let _ = write!(line, " PRESS[{}]", name(p.entity));
    }
    for p in release.read() {
        let _ = write!(line, " RELEASE[{}]", name(p.entity));
    }
    for p in start.read() {
        let _ = write!(line, " DRAGSTART[{}]", name(p.entity));
    }
    for p in end.read() {
        let _ = write!(line, " DRAGEND[{}]", name(p.entity));
    }
    let holds = egui.as_ref().is_some_and(|e| e.holds);
    if *held != Some(holds) {
        *held = Some(holds);
        let _ = write!(line, " EGUI-HOLDS={holds}");
    }
    if line.is_empty() {
        return;
    }
    let over: Vec<String> = hover
        .iter()
        .flat_map(|h| h.values())
        .flat_map(|m| m.keys())
        .map(|e| name(*e))
        .collect();
    let egui = egui.map(|e| *e).unwrap_or_default();
    info!(
        "input frame {}:{line} | over {over:?} | egui holds {} at {:?} (click {}, down {}, t {:.3})",
        *frame, egui.holds, egui.at, egui.could_click, egui.down, egui.time
    );
}
