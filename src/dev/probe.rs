//! Measurements for the benchmark harness, switched on by the environment and shared by the game and
//! the baseline app (`examples/baseline.rs`), so both are measured the same way:
//!
//! - `LEERKLIMAAT_PROBE=FILE`: when the app exits, write the time from process start to the first
//!   frame, the number of frames and every frame's duration (ms) to FILE;
//! - `LEERKLIMAAT_PROBE_SECS=N`: exit after N seconds (the app then wakes at least five times a second, so
//!   it can notice; gaps without input show as long intervals, which the harness leaves out).

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
        frames: Vec::new(),
        started: Instant::now(),
    });
    app.add_systems(Last, (record_frame, write_on_exit).chain());
    if stop_after.is_some() {
        app.add_systems(Last, wake_up_to_stop);
    }
}

fn record_frame(mut probe: ResMut<Probe>, mut exit: MessageWriter<AppExit>) {
    let now = Instant::now();
    if probe.first_frame.is_none() {
        probe.first_frame = PROCESS_START.get().map(|s| now - *s);
    }
    if let Some(last) = probe.last {
        let ms = (now - last).as_secs_f32() * 1000.0;
        probe.frames.push(ms);
    }
    probe.last = Some(now);
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
fn write_on_exit(probe: Res<Probe>, exits: MessageReader<AppExit>) {
    if exits.is_empty() && !probe.frames.len().is_multiple_of(60) {
        return;
    }
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
