//! Measurements for the benchmark harness, switched on by the environment and shared by the game and
//! the baseline app (`examples/baseline.rs`), so both are measured the same way:
//!
//! - `LEERKLIMAAT_PROBE=FILE`: when the app exits, write the time from process start to the first
//!   frame, the number of frames and every frame's duration (ms) to FILE. A frame's duration is the
//!   interval since the frame before, and it is recorded only when both frames had input (the pointer,
//!   a button, the wheel or a key): under the harness's continuous input the app never waits, so the
//!   interval is what a frame costs. A frame the app was woken for without input (the timer below, a
//!   pause of the harness) measures a wait, not a frame; those made the "200 ms mode" of earlier runs.
//! - `LEERKLIMAAT_PROBE_SECS=N`: exit after N seconds (the app then wakes at least five times a second, so
//!   it can notice).

use bevy::prelude::*;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Call first thing in `main`.
pub fn mark_process_start() {
    let _ = PROCESS_START.get_or_init(Instant::now);
}

#[derive(Resource)]
struct Probe {
    file: String,
    stop_after: Option<Duration>,
    first_frame: Option<Duration>,
    last: Option<Instant>,
    /// Whether the frame before had input.
    last_had_input: bool,
    frames: Vec<f32>,
    started: Instant,
}

/// Adds the probe when `LEERKLIMAAT_PROBE` is set; otherwise nothing.
pub fn plugin(app: &mut App) {
    let Ok(file) = std::env::var("LEERKLIMAAT_PROBE") else {
        return;
    };
    let stop_after = std::env::var("LEERKLIMAAT_PROBE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs_f64);
    mark_process_start();
    app.insert_resource(Probe {
        file,
        stop_after,
        first_frame: None,
        last: None,
        last_had_input: false,
        frames: Vec::new(),
        started: Instant::now(),
    });
    app.add_systems(Last, (record_frame, write_on_exit).chain());
    if stop_after.is_some() {
        app.add_systems(Last, wake_up_to_stop);
    }
}

/// The input a person gives, read to tell a frame of input from a frame of waiting.
#[derive(bevy::ecs::system::SystemParam)]
struct Input<'w, 's> {
    moved: MessageReader<'w, 's, CursorMoved>,
    buttons: MessageReader<'w, 's, bevy::input::mouse::MouseButtonInput>,
    wheel: MessageReader<'w, 's, bevy::input::mouse::MouseWheel>,
    keys: MessageReader<'w, 's, bevy::input::keyboard::KeyboardInput>,
}

impl Input<'_, '_> {
    /// Whether this frame had input; reads it all, so the next frame starts empty.
    fn any(&mut self) -> bool {
        let moved = self.moved.read().count() > 0;
        let buttons = self.buttons.read().count() > 0;
        let wheel = self.wheel.read().count() > 0;
        let keys = self.keys.read().count() > 0;
        moved || buttons || wheel || keys
    }
}

fn record_frame(mut probe: ResMut<Probe>, mut input: Input, mut exit: MessageWriter<AppExit>) {
    let now = Instant::now();
    if probe.first_frame.is_none() {
        probe.first_frame = PROCESS_START.get().map(|s| now - *s);
    }
    let had_input = input.any();
    if let Some(last) = probe.last
        && had_input
        && probe.last_had_input
    {
        let ms = (now - last).as_secs_f32() * 1000.0;
        probe.frames.push(ms);
    }
    probe.last = Some(now);
    probe.last_had_input = had_input;
    if probe
        .stop_after
        .is_some_and(|d| probe.started.elapsed() >= d)
    {
        exit.write(AppExit::Success);
    }
}

/// A timed run wakes five times a second, so it exits on time even without input.
fn wake_up_to_stop(settings: Option<ResMut<bevy::winit::WinitSettings>>) {
    let wake = bevy::winit::UpdateMode::reactive(Duration::from_millis(200));
    if let Some(mut settings) = settings
        && (settings.focused_mode != wake || settings.unfocused_mode != wake)
    {
        settings.focused_mode = wake;
        settings.unfocused_mode = wake;
    }
}

/// Written at exit, and every 60 frames, so a run that is killed still leaves its figures.
fn write_on_exit(
    probe: Res<Probe>,
    exits: MessageReader<AppExit>,
    mut written: Local<Option<usize>>,
) {
    let count = probe.frames.len();
    if exits.is_empty() && (!count.is_multiple_of(60) || *written == Some(count)) {
        return;
    }
    *written = Some(count);
    let mut text = format!(
        "first_frame_ms {:.1}\nframes {}\n",
        probe.first_frame.map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        probe.frames.len()
    );
    for f in &probe.frames {
        text.push_str(&format!("{f:.3}\n"));
    }
    let _ = std::fs::write(&probe.file, text);
}
