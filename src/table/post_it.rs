//! Green and pink post-its as entities in the world: one entity per post-it in the session, shown beside
//! the card they belong to, dragged to move them, clicked to edit them in the facilitator's panel.

use super::drag::{self, BoardCamera, Draggable, Dragging};
use super::fill::Fill;
use super::layout::{self, POST_IT_FONT, POST_IT_SIZE};
use crate::app::{AppSystems, AtTable, Screen};
use crate::core::session::{Action, CardRef, PlayerId, PostItColour, PostItId, Session};
use crate::game::{ActiveGame, GameMsg};
use crate::theme::{GameFonts, Palette, font};
use bevy::input::mouse::MouseWheel;
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};
use std::collections::HashMap;

/// A post-it on the board, by its id in the session.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PostItNote(pub PostItId);
/// How a post-it looks and where it sits; a change of look respawns it, a change of place moves it.
#[derive(Component, Debug, Clone, PartialEq)]
pub(crate) struct NoteView {
    pub(crate) label: String,
    pub(crate) answered: bool,
    pub(crate) at: Option<Vec2>,
    pub(crate) high_contrast: bool,
}

/// The post-it the facilitator selected to edit.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelectedPostIt(pub Option<PostItId>);

/// How many rows of post-its are scrolled out of view in the column.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PostItScroll(pub(crate) usize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SelectedPostIt>()
        .init_resource::<PostItScroll>();
    app.add_message::<MouseWheel>();
    app.add_systems(
        Update,
        (
            scroll_post_its
                .in_set(AppSystems::Input)
                .run_if(on_message::<MouseWheel>),
            keep_in_view
                .run_if(resource_changed::<ActiveGame>)
                .in_set(AppSystems::Draw)
                .before(draw_post_its),
            draw_post_its
                .run_if(
                    resource_changed::<ActiveGame>
                        .or_else(resource_changed::<PostItScroll>)
                        .or_else(resource_changed::<SelectedPostIt>)
                        .or_else(state_changed::<Screen>)
                        .or_else(resource_changed::<Palette>),
                )
                .in_set(AppSystems::Draw),
        )
            .run_if(in_state(AtTable)),
    );
    app.add_systems(OnExit(Screen::Play), clear_scroll);
}

fn clear_scroll(mut scroll: ResMut<PostItScroll>) {
    scroll.0 = 0;
}

/// The text on a post-it: a sign that does not rely on colour, the text, and the author.
pub(crate) fn note_label(
    session: &Session,
    colour: PostItColour,
    text: &str,
    author: Option<PlayerId>,
) -> String {
    let sign = match colour {
        PostItColour::Green => "+",
        PostItColour::Pink => "?",
    };
    // The board shows what fits on the note (the author takes a line of its own); the whole text is
    // in the editor and every export.
    let lines = if author.is_some() { 2 } else { 3 };
    let text = fit_words(&format!("{sign} {text}"), NOTE_LINE_CHARS, lines);
    match author.and_then(|a| session.player(a)) {
        Some(p) => format!("{text}\n— {}", p.name),
        None => text,
    }
}

/// How many characters a line on a post-it holds: at [`POST_IT_FONT`] on the note's width a line of
/// ordinary text holds about 30 (measured on the board), one with many capitals fewer; 27 keeps the
/// author's line on the note for all but the widest text.
const NOTE_LINE_CHARS: usize = 27;

/// `text` cut to what fits in `lines` lines of `per_line` characters when wrapped at word boundaries as
/// the board wraps it, ending in "…" when something was left out. A word longer than a line is cut.
pub(crate) fn fit_words(text: &str, per_line: usize, lines: usize) -> String {
    let mut out: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let line = out.last_mut().expect("a line");
        let used = line.chars().count();
        if used > 0 && used + 1 + word.chars().count() <= per_line {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if used > 0 {
            out.push(String::new());
        }
        let mut rest: &str = word;
        loop {
            let line = out.last_mut().expect("a line");
            let cut = rest
                .char_indices()
                .nth(per_line)
                .map_or(rest.len(), |(i, _)| i);
            line.push_str(&rest[..cut]);
            rest = &rest[cut..];
            if rest.is_empty() {
                break;
            }
            out.push(String::new());
        }
    }
    if out.len() <= lines {
        return out.join(" ");
    }
    // Too long: the lines that fit, the last one with room for the ellipsis.
    out.truncate(lines);
    let last = out.last_mut().expect("a line");
    while last.chars().count() + 1 > per_line {
        // A whole word goes before a word is cut.
        match last.rfind(' ') {
            Some(space) => last.truncate(space),
            None => {
                last.pop();
            }
        }
    }
    let kept = last.trim_end().to_string();
    *last = format!("{kept}…");
    out.join(" ")
}

/// Where every post-it of the card on the table sits; others are not shown.
pub(crate) fn note_spots(session: &Session, scroll: usize) -> HashMap<PostItId, Option<Vec2>> {
    let active = session.active_card().map(|(c, _)| c);
    let mut index = 0;
    session
        .post_its
        .iter()
        .map(|p| {
            let spot = if Some(&p.card) != active.as_ref() {
                None
            } else if let Some((x, y)) = p.at {
                Some(Vec2::new(x, y))
            } else {
                index += 1;
                layout::post_it_spot(index - 1, scroll)
            };
            (p.id, spot)
        })
        .collect()
}

#[allow(clippy::too_many_arguments, clippy::type_complexity)]
/// Brings the post-it entities in line with the session.
pub(crate) fn draw_post_its(
    mut commands: Commands,
    game: Res<ActiveGame>,
    scroll: Res<PostItScroll>,
    selected: Res<SelectedPostIt>,
    fonts: Option<Res<GameFonts>>,
    screen: Res<State<Screen>>,
    pal: Res<Palette>,
    mut notes: Query<(
        Entity,
        &PostItNote,
        &mut NoteView,
        &mut Transform,
        &mut Visibility,
        Option<&Dragging>,
    )>,
) {
    let session = game.session();
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let spots = note_spots(session, scroll.0);
    let mut existing = HashMap::new();
    for (entity, note, mut view, mut transform, mut visibility, dragging) in &mut notes {
        let Some(post_it) = session.post_it(note.0) else {
            commands.entity(entity).despawn();
            continue;
        };
        let label = note_label(session, post_it.colour, &post_it.text, post_it.author);
        let selected_now = selected.0 == Some(note.0);
        if view.label != label
            || view.answered != post_it.answered
            || view.high_contrast != pal.high_contrast
            || existing.contains_key(&note.0)
            || transform.scale.x != if selected_now { 1.06 } else { 1.0 }
        {
            commands.entity(entity).despawn();
            continue;
        }
        existing.insert(note.0, entity);
        let at = spots.get(&note.0).copied().flatten();
        view.at = at;
        let want_visible = if at.is_some() {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        if *visibility != want_visible {
            *visibility = want_visible;
        }
        if let (Some(at), None) = (at, dragging) {
            let target = at.extend(transform.translation.z);
            if transform.translation != target {
                transform.translation = target;
            }
        }
    }
    for p in &session.post_its {
        if existing.contains_key(&p.id) {
            continue;
        }
        let at = spots.get(&p.id).copied().flatten();
        let label = note_label(session, p.colour, &p.text, p.author);
        let view = NoteView {
            label: label.clone(),
            answered: p.answered,
            at,
            high_contrast: pal.high_contrast,
        };
        let fill = match p.colour {
            PostItColour::Green => pal.green_note,
            PostItColour::Pink => pal.pink_note,
        };
        let edge = match p.colour {
            PostItColour::Green => pal.green_edge,
            PostItColour::Pink => pal.pink_edge,
        };
        let is_selected = selected.0 == Some(p.id);
        let mut e = commands.spawn((
            PostItNote(p.id),
            Name::new("post-it"),
            // The note's face; its edge is four strips on it (see below), so no pixel is filled twice.
            Fill::new(fill, POST_IT_SIZE),
            Transform::from_translation(
                at.unwrap_or_default()
                    .extend(10.0 + (p.id.0 % 100) as f32 * 0.01),
            )
            .with_scale(Vec3::splat(if is_selected { 1.06 } else { 1.0 })),
            if at.is_some() {
                Visibility::Inherited
            } else {
                Visibility::Hidden
            },
            Pickable::default(),
            Draggable { lifted_z: 30.0 },
            DespawnOnExit(*screen.get()),
            view,
            children![(
                Text2d::new(label),
                font(&fonts, POST_IT_FONT, false),
                TextColor(if p.answered {
                    pal.note_ink.with_alpha(0.6)
                } else {
                    pal.note_ink
                }),
                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
                TextBounds::new(POST_IT_SIZE.x - 24.0, POST_IT_SIZE.y - 14.0),
                Anchor::TOP_LEFT,
                Transform::from_xyz(
                    -POST_IT_SIZE.x / 2.0 + 12.0,
                    POST_IT_SIZE.y / 2.0 - 8.0,
                    0.2
                ),
                Pickable::IGNORE,
            ),],
        ));
        // A pink note has a broad stripe on its left, so the two kinds differ in more than colour.
        let edges = if p.colour == PostItColour::Green {
            [3.0; 4]
        } else {
            [7.0, 3.0, 3.0, 3.0]
        };
        e.with_children(|c| {
            for strip in super::board::frame(POST_IT_SIZE, edges, edge, 0.1) {
                c.spawn(strip);
            }
        });
        e.observe(on_click)
            .observe(drag::lift)
            .observe(drag::follow)
            .observe(on_drag_end);
    }
}

fn scroll_post_its(
    mut wheel: MessageReader<MouseWheel>,
    mut scroll: ResMut<PostItScroll>,
    game: Res<ActiveGame>,
    windows: Query<&Window>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
) {
    let over_column = windows
        .iter()
        .next()
        .and_then(|w| w.cursor_position())
        .and_then(|c| {
            cameras
                .iter()
                .next()
                .and_then(|(cam, t)| cam.viewport_to_world_2d(t, c).ok())
        })
        .is_none_or(|p| layout::post_it_rect().contains(p));
    let delta: f32 = wheel.read().map(|w| w.y).sum();
    if !over_column || delta == 0.0 {
        return;
    }
    let max = max_scroll(game.session());
    let next = if delta < 0.0 {
        (scroll.0 + 1).min(max)
    } else {
        scroll.0.saturating_sub(1)
    };
    if next != scroll.0 {
        scroll.0 = next;
    }
}

/// How far (world units) a pointer must carry a post-it before it counts as moved rather than clicked:
/// a finger on a smartboard wobbles a little while it taps.
pub(crate) const CLICK_SLOP: f32 = 8.0;

/// A click opens or closes the editor, unless the click is the release at the end of a drag.
fn on_click(
    ev: On<Pointer<Click>>,
    notes: Query<(&PostItNote, &Transform, Option<&Dragging>)>,
    mut selected: ResMut<SelectedPostIt>,
) {
    let Ok((note, transform, dragging)) = notes.get(ev.entity) else {
        return;
    };
    // bevy_picking sends the click before the drag's end, so a drag is still marked here.
    if dragging.is_some_and(|d| d.from.distance(transform.translation.truncate()) > CLICK_SLOP) {
        return;
    }
    selected.0 = if selected.0 == Some(note.0) {
        None
    } else {
        Some(note.0)
    };
}

fn on_drag_end(
    ev: On<Pointer<DragEnd>>,
    mut commands: Commands,
    mut notes: Query<(&PostItNote, &Dragging, &mut Transform)>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
    mut messages: MessageWriter<GameMsg>,
) {
    let Ok((note, dragging, mut transform)) = notes.get_mut(ev.entity) else {
        // A drag that started and ended within one frame: the start's marker may still be queued.
        // Take it off too, or the entity would count as dragged for ever and stop following the
        // session.
        commands.entity(ev.entity).remove::<Dragging>();
        return;
    };
    if dragging.pointer != ev.pointer_id {
        return;
    }
    let half = layout::WORLD / 2.0 - POST_IT_SIZE / 2.0;
    let at = drag::drag_position(dragging, &ev.pointer_location, ev.event.distance, &cameras)
        .clamp(-half, half);
    let from = dragging.from;
    commands.entity(ev.entity).remove::<Dragging>();
    if at.distance(from) <= CLICK_SLOP {
        // A tap, not a move: it stays where it was (and in its column).
        transform.translation = from.extend(transform.translation.z);
        return;
    }
    messages.write(GameMsg::Do(Action::MovePostIt {
        id: note.0,
        at: (at.x, at.y),
    }));
}

/// How many rows the post-it column can scroll for the card on the table.
pub(crate) fn max_scroll(session: &Session) -> usize {
    let active = session.active_card().map(|(c, _)| c);
    let count = session
        .post_its
        .iter()
        .filter(|p| Some(&p.card) == active.as_ref() && p.at.is_none())
        .count();
    count.saturating_sub(layout::post_it_rows_visible())
}

/// A new card starts at the top of its post-its; a new post-it scrolls into view.
fn keep_in_view(
    game: Res<ActiveGame>,
    mut scroll: ResMut<PostItScroll>,
    mut seen: Local<(Option<CardRef>, usize)>,
) {
    let session = game.session();
    let card = session.active_card().map(|(c, _)| c);
    let count = session
        .post_its
        .iter()
        .filter(|p| Some(&p.card) == card.as_ref())
        .count();
    let want = if seen.0 != card {
        0
    } else if count > seen.1 {
        max_scroll(session)
    } else {
        scroll.0.min(max_scroll(session))
    };
    *seen = (card, count);
    if scroll.0 != want {
        scroll.0 = want;
    }
}

#[cfg(test)]
mod fit_tests {
    use super::fit_words;

    /// How the board wraps `text` at word boundaries into lines of `per` characters.
    fn wrapped(text: &str, per: usize) -> Vec<String> {
        let mut lines: Vec<String> = vec![String::new()];
        for w in text.split_whitespace() {
            let l = lines.last_mut().unwrap();
            if !l.is_empty() && l.chars().count() + 1 + w.chars().count() > per {
                lines.push(w.to_string());
            } else {
                if !l.is_empty() {
                    l.push(' ');
                }
                l.push_str(w);
            }
        }
        lines
    }

    #[test]
    fn a_post_its_text_is_cut_to_the_lines_it_has() {
        let q = "? Hoe maken we tijd om te leren als de werkdruk hoog is?";
        let two = fit_words(q, 24, 2);
        assert!(two.ends_with('…'), "{two}");
        let lines = wrapped(&two, 24);
        assert!(
            lines.len() <= 2 && lines.iter().all(|l| l.chars().count() <= 24),
            "{lines:?}"
        );
        // What fits stays whole.
        assert_eq!(
            fit_words("+ Koffie met de buren", 24, 2),
            "+ Koffie met de buren"
        );
        assert_eq!(fit_words(q, 24, 3), q);
        // A word longer than a line is cut, not run off the note.
        let long = fit_words("? Arbeidsomstandighedenwetgevingsoverleg", 24, 2);
        assert!(
            wrapped(&long, 24).iter().all(|l| l.chars().count() <= 24),
            "{long}"
        );
    }
}
