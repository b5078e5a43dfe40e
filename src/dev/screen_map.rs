//! The screen map: where the game drew its squares, pawns, post-its, stack cards and marked buttons, in
//! window pixels, written to a file when `LEERKLIMAAT_SCREEN_MAP=FILE` is set. The end-to-end suite and
//! the benchmark read it to aim real mouse input, so they follow the game's own layout and camera
//! instead of pixel positions copied from one screenshot.
//!
//! The file is plain text, one thing per line, rewritten (atomically) whenever a line changes:
//!
//! ```text
//! frame 123
//! screen Play
//! window 1600 900
//! active statement:ID/First|case:N/Plenary   (the card on the board and its round)
//! card x0 y0 x1 y1
//! square 0 x0 y0 x1 y1
//! last-time x                   (a follow-up: last time's mark on the board)
//! pawn PLAYER_ID cx cy diameter
//! ghost PLAYER_ID cx cy
//! post-it ID x0 y0 x1 y1
//! stack-card green|red statement:ID|case:N x0 y0 x1 y1   (on the page shown)
//! list-post-it ID answered|open x0 y0 x1 y1            (a pink post-it on the outcome page shown)
//! page INDEX COUNT KIND          (the outcome page shown, from 0; KIND as in PageKind)
//! selected-stack-card statement:ID|case:N|none
//! widget KEY x0 y0 x1 y1
//! palette normal|high-contrast
//! help open|closed
//! selected-player ID|none
//! selected-post-it ID|none
//! timer shown|hidden
//! window-mode windowed|full-screen
//! font-statement PX / font-post-it PX   (the size of the text the room reads, in window pixels)
//! focus KEY|none                 (the marked text field that has the keyboard)
//! settled yes|no                 (egui's last pass asked for no other: its layout is final)
//! hover KEY|none                 (the marked widget under the pointer in egui's last pass)
//! walking N                      (pawns still walking to their squares after a reveal)
//! ```
//! Rectangles are `x0 y0 x1 y1` with y growing downward, as xdotool counts.

use crate::app::Screen;
use crate::core::session::{CardRef, Stack};
use crate::game::ActiveGame;
use crate::outcome::stacks::StackCard;
use crate::table::drag::BoardCamera;
use crate::table::layout;
use crate::table::pawn::Pawn;
use crate::table::post_it::PostItNote;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Where the panels drew their marked widgets this frame, in window pixels, by a stable name.
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub(crate) struct UiMarks(pub(crate) BTreeMap<&'static str, Rect>);

/// The marked text field that has the keyboard, so typing waits until it has it; and whether egui's
/// last pass asked for no other (its layout is final until the next input), so a click is aimed at
/// where a widget stays.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UiFocus(
    pub(crate) Option<&'static str>,
    pub bool,
    /// The marked widget under the pointer, as egui saw it in its last pass.
    pub(crate) Option<&'static str>,
);

#[derive(Resource)]
struct MapFile {
    path: PathBuf,
    last: String,
    frame: u64,
}

/// Adds the map writer when `LEERKLIMAAT_SCREEN_MAP` is set; the marks resource always.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<UiMarks>().init_resource::<UiFocus>();
    let Ok(path) = std::env::var("LEERKLIMAAT_SCREEN_MAP") else {
        return;
    };
    app.insert_resource(MapFile {
        path: PathBuf::from(path),
        last: String::new(),
        frame: 0,
    });
    app.add_systems(Last, write_map);
}

/// The name of a card in the map.
pub fn card_key(card: &CardRef) -> String {
    match card {
        CardRef::Statement(id) => format!("statement:{id}"),
        CardRef::Case(n) => format!("case:{n}"),
    }
}

/// The state beside the session that the screen shows.
#[derive(bevy::ecs::system::SystemParam)]
struct Looks<'w> {
    palette: Res<'w, crate::theme::Palette>,
    help: Res<'w, crate::screens::HelpOpen>,
    player: Res<'w, crate::table::pawn::SelectedPlayer>,
    post_it: Res<'w, crate::table::post_it::SelectedPostIt>,
    clock: Res<'w, crate::game::CardClock>,
    view: Res<'w, crate::outcome::present::OutcomeView>,
    chosen: Res<'w, crate::outcome::stacks::SelectedStackCard>,
}

#[allow(clippy::too_many_arguments)]
fn write_map(
    mut file: ResMut<MapFile>,
    game: Res<ActiveGame>,
    screen: Res<State<Screen>>,
    windows: Query<&Window, With<PrimaryWindow>>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
    pawns: Query<(&Pawn, &GlobalTransform, &Sprite)>,
    ghosts: Query<(&crate::table::pawn::GhostPawn, &GlobalTransform)>,
    notes: Query<(
        &PostItNote,
        &GlobalTransform,
        &crate::table::fill::Fill,
        &ViewVisibility,
    )>,
    stack_cards: Query<(&StackCard, &GlobalTransform, &Sprite)>,
    marks: Res<UiMarks>,
    focus: Res<UiFocus>,
    looks: Looks,
    walking: Query<(), With<crate::table::pawn::Revealing>>,
    list_post_its: Query<(
        &crate::outcome::present::ListPostIt,
        &GlobalTransform,
        &Sprite,
    )>,
    last_time: Query<&GlobalTransform, (With<crate::table::board::LastTimeMark>, With<Sprite>)>,
) {
    file.frame += 1;
    let (Ok(window), Some((camera, cam_transform))) = (windows.single(), cameras.iter().next())
    else {
        return;
    };
    let scale = window.scale_factor();
    let to_screen = |p: Vec2| -> Option<Vec2> {
        camera
            .world_to_viewport(cam_transform, p.extend(0.0))
            .ok()
            .map(|v| v * scale)
    };
    let rect_line = |r: Rect| -> Option<String> {
        let a = to_screen(Vec2::new(r.min.x, r.max.y))?;
        let b = to_screen(Vec2::new(r.max.x, r.min.y))?;
        Some(format!("{:.0} {:.0} {:.0} {:.0}", a.x, a.y, b.x, b.y))
    };
    let world_size = |size: Vec2, at: &GlobalTransform| size * at.scale().truncate();
    let mut lines = String::new();
    let _ = writeln!(lines, "screen {:?}", screen.get());
    let _ = writeln!(
        lines,
        "window {} {}",
        window.physical_width(),
        window.physical_height()
    );
    let session = game.session();
    if screen.get().at_table() {
        if let Some((card, round)) = session.active_card() {
            let _ = writeln!(lines, "active {}/{round:?}", card_key(&card));
        }
        if let Some(l) = rect_line(layout::card_rect()) {
            let _ = writeln!(lines, "card {l}");
        }
        for (i, r) in layout::square_rects(session.deck.scale.squares.len())
            .into_iter()
            .enumerate()
        {
            if let Some(l) = rect_line(r) {
                let _ = writeln!(lines, "square {i} {l}");
            }
        }
        // In a follow-up: where last time's mark stands on the board.
        for at in &last_time {
            if let Some(p) = to_screen(at.translation().truncate()) {
                let _ = writeln!(lines, "last-time {:.0}", p.x);
            }
        }
        // The size of the text the room reads, in window pixels, to measure against the window.
        for (name, size) in [
            ("statement", layout::STATEMENT_FONT),
            ("post-it", layout::POST_IT_FONT),
        ] {
            if let (Some(a), Some(b)) = (to_screen(Vec2::ZERO), to_screen(Vec2::new(0.0, size))) {
                let _ = writeln!(lines, "font-{name} {:.1}", (a.y - b.y).abs());
            }
        }
    }
    let mut pawn_lines: Vec<String> = pawns
        .iter()
        .filter_map(|(pawn, at, sprite)| {
            let c = to_screen(at.translation().truncate())?;
            let edge = to_screen(
                at.translation().truncate()
                    + Vec2::new(sprite.custom_size.unwrap_or(Vec2::ONE).x / 2.0, 0.0),
            )?;
            Some(format!(
                "pawn {} {:.0} {:.0} {:.0}",
                pawn.player.0,
                c.x,
                c.y,
                (edge.x - c.x) * 2.0
            ))
        })
        .collect();
    pawn_lines.extend(ghosts.iter().filter_map(|(ghost, at)| {
        let c = to_screen(at.translation().truncate())?;
        Some(format!("ghost {} {:.0} {:.0}", ghost.player.0, c.x, c.y))
    }));
    pawn_lines.sort();
    let mut note_lines: Vec<String> = notes
        .iter()
        .filter(|(.., seen)| seen.get())
        .filter_map(|(note, at, face, _)| {
            let size = world_size(face.size, at);
            let r = Rect::from_center_size(at.translation().truncate(), size);
            Some(format!("post-it {} {}", note.0.0, rect_line(r)?))
        })
        .collect();
    note_lines.sort();
    let mut card_lines: Vec<String> = stack_cards
        .iter()
        .filter(|(card, ..)| card.page == looks.view.page)
        .filter_map(|(card, at, sprite)| {
            let size = world_size(sprite.custom_size.unwrap_or(Vec2::ONE), at);
            let r = Rect::from_center_size(at.translation().truncate(), size);
            let stack = match card.stack {
                Stack::Green => "green",
                Stack::Red => "red",
            };
            Some(format!(
                "stack-card {stack} {} {}",
                card_key(&card.card),
                rect_line(r)?
            ))
        })
        .collect();
    card_lines.sort();
    let (w, h) = (
        window.physical_width() as f32,
        window.physical_height() as f32,
    );
    card_lines.extend(list_post_its.iter().filter_map(|(row, at, sprite)| {
        let size = world_size(sprite.custom_size.unwrap_or(Vec2::ONE), at);
        let r = Rect::from_center_size(at.translation().truncate(), size);
        let c = to_screen(r.center())?;
        // Only the page shown: other pages (drawn for a picture) lie outside the window.
        if c.x < 0.0 || c.y < 0.0 || c.x > w || c.y > h {
            return None;
        }
        let state = if row.answered { "answered" } else { "open" };
        Some(format!(
            "list-post-it {} {state} {}",
            row.id.0,
            rect_line(r)?
        ))
    }));
    for l in pawn_lines.iter().chain(&note_lines).chain(&card_lines) {
        lines.push_str(l);
        lines.push('\n');
    }
    for (key, r) in &marks.0 {
        let _ = writeln!(
            lines,
            "widget {key} {:.0} {:.0} {:.0} {:.0}",
            r.min.x, r.min.y, r.max.x, r.max.y
        );
    }
    let _ = writeln!(lines, "focus {}", focus.0.unwrap_or("none"));
    let _ = writeln!(lines, "settled {}", if focus.1 { "yes" } else { "no" });
    let _ = writeln!(lines, "hover {}", focus.2.unwrap_or("none"));
    let or_none = |v: Option<u32>| v.map_or_else(|| "none".to_string(), |v| v.to_string());
    let _ = writeln!(
        lines,
        "palette {}\nhelp {}\nselected-player {}\nselected-post-it {}\ntimer {}",
        if looks.palette.high_contrast {
            "high-contrast"
        } else {
            "normal"
        },
        if looks.help.0 { "open" } else { "closed" },
        or_none(looks.player.0.map(|p| p.0)),
        or_none(looks.post_it.0.map(|p| p.0)),
        if looks.clock.shown { "shown" } else { "hidden" },
    );
    if *screen.get() == Screen::Outcome {
        let kind = looks
            .view
            .pages
            .get(looks.view.page)
            .map_or_else(|| "none".to_string(), |(k, _)| format!("{k:?}"));
        let _ = writeln!(
            lines,
            "page {} {} {kind}\nselected-stack-card {}",
            looks.view.page,
            looks.view.count(),
            looks
                .chosen
                .0
                .as_ref()
                .map_or_else(|| "none".to_string(), card_key),
        );
    }
    // Pawns still walking to their squares after a reveal: their place is not final yet.
    let _ = writeln!(lines, "walking {}", walking.iter().count());
    let _ = writeln!(
        lines,
        "window-mode {}",
        if window.mode == bevy::window::WindowMode::Windowed {
            "windowed"
        } else {
            "full-screen"
        }
    );
    if lines == file.last {
        return;
    }
    let text = format!("frame {}\n{lines}", file.frame);
    let tmp = file.path.with_extension("tmp");
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &file.path).is_ok() {
        file.last = lines;
    }
}

/// The screen map as read back: what the game drew where, in window pixels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScreenMap {
    pub(crate) frame: u64,
    pub screen: String,
    /// The statement card, on the play and plenary screens.
    pub card: Option<Rect>,
    pub window: (f32, f32),
    /// Rectangles of the squares, left to right.
    pub squares: Vec<Rect>,
    /// Player id to (centre, diameter).
    pub pawns: BTreeMap<u32, (Vec2, f32)>,
    /// Player id to the centre of the ghost of their first placement (plenary).
    pub ghosts: BTreeMap<u32, Vec2>,
    /// Post-it id to its rectangle (only those shown).
    pub post_its: BTreeMap<u32, Rect>,
    /// (green?, card key, rectangle) of every stack card.
    pub stack_cards: Vec<(bool, String, Rect)>,
    /// Pink post-its on the outcome page shown: id to (answered?, rectangle).
    pub list_post_its: BTreeMap<u32, (bool, Rect)>,
    pub widgets: BTreeMap<String, Rect>,
    /// The outcome page shown: (index from 0, count, kind).
    pub page: Option<(usize, usize, String)>,
    /// The other `key value` lines (palette, help, selections, timer).
    pub flags: BTreeMap<String, String>,
}

impl ScreenMap {
    /// Reads the text the game writes; lines it does not know are kept in `flags`.
    pub fn parse(text: &str) -> ScreenMap {
        let mut map = ScreenMap::default();
        let rect = |w: &[&str]| -> Option<Rect> {
            let n: Vec<f32> = w.iter().filter_map(|v| v.parse().ok()).collect();
            (n.len() == 4).then(|| Rect::new(n[0], n[1], n[2], n[3]))
        };
        for line in text.lines() {
            let w: Vec<&str> = line.split_whitespace().collect();
            match w.as_slice() {
                ["frame", n] => map.frame = n.parse().unwrap_or(0),
                ["screen", s] => map.screen = (*s).to_string(),
                ["window", x, y] => {
                    map.window = (x.parse().unwrap_or(0.0), y.parse().unwrap_or(0.0));
                }
                ["card", rest @ ..] => map.card = rect(rest),
                ["square", _, rest @ ..] => map.squares.extend(rect(rest)),
                ["pawn", id, x, y, d] => {
                    if let (Ok(id), Ok(x), Ok(y), Ok(d)) =
                        (id.parse(), x.parse(), y.parse(), d.parse())
                    {
                        map.pawns.insert(id, (Vec2::new(x, y), d));
                    }
                }
                ["ghost", id, x, y] => {
                    if let (Ok(id), Ok(x), Ok(y)) = (id.parse(), x.parse(), y.parse()) {
                        map.ghosts.insert(id, Vec2::new(x, y));
                    }
                }
                ["post-it", id, rest @ ..] => {
                    if let (Ok(id), Some(r)) = (id.parse(), rect(rest)) {
                        map.post_its.insert(id, r);
                    }
                }
                ["stack-card", stack, key, rest @ ..] => {
                    if let Some(r) = rect(rest) {
                        map.stack_cards
                            .push((*stack == "green", (*key).to_string(), r));
                    }
                }
                ["list-post-it", id, state, rest @ ..] => {
                    if let (Ok(id), Some(r)) = (id.parse(), rect(rest)) {
                        map.list_post_its.insert(id, (*state == "answered", r));
                    }
                }
                ["widget", key, rest @ ..] => {
                    if let Some(r) = rect(rest) {
                        map.widgets.insert((*key).to_string(), r);
                    }
                }
                ["page", index, count, kind] => {
                    if let (Ok(i), Ok(n)) = (index.parse(), count.parse()) {
                        map.page = Some((i, n, (*kind).to_string()));
                    }
                }
                [key, value] => {
                    map.flags.insert((*key).to_string(), (*value).to_string());
                }
                _ => {}
            }
        }
        map
    }

    /// A flag's value, or "" when the line is missing.
    pub fn flag(&self, key: &str) -> &str {
        self.flags.get(key).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_reads_back() {
        let text = "frame 7\nscreen Play\nwindow 1600 900\nsquare 0 10 20 30 40\n\
                    square 1 40 20 60 40\npawn 3 100 200 55\npost-it 2 1 2 3 4\n\
                    stack-card red statement:s01 5 6 7 8\nwidget next 9 10 11 12\npalette normal\n\
                    page 2 9 Questions\n";
        let m = ScreenMap::parse(text);
        assert_eq!(m.frame, 7);
        assert_eq!(m.page, Some((2, 9, "Questions".to_string())));
        assert_eq!(m.screen, "Play");
        assert_eq!(m.window, (1600.0, 900.0));
        assert_eq!(m.squares.len(), 2);
        assert_eq!(m.squares[1], Rect::new(40.0, 20.0, 60.0, 40.0));
        assert_eq!(m.pawns[&3], (Vec2::new(100.0, 200.0), 55.0));
        assert_eq!(m.post_its[&2], Rect::new(1.0, 2.0, 3.0, 4.0));
        assert_eq!(
            m.stack_cards,
            vec![(false, "statement:s01".into(), Rect::new(5.0, 6.0, 7.0, 8.0))]
        );
        assert_eq!(m.widgets["next"], Rect::new(9.0, 10.0, 11.0, 12.0));
        assert_eq!(m.flag("palette"), "normal");
        assert_eq!(m.flag("help"), "");
    }
}
