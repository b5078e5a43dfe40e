//! The players' pawns: drawn from the session's placements, dragged with mouse or finger onto a square,
//! moved with the keyboard, and shown as faint ghosts of the first placement during the plenary.

use super::drag::{self, BoardCamera, Draggable, Dragging};
use super::layout::{self, PAWN_SIZE};
use crate::app::{AppSystems, AtTable, Screen};
use crate::core::session::{Action, PlacementMode, PlayerId, Round, Session};
use crate::game::{ActiveGame, GameMsg};
use crate::theme::{self, GameFonts, Palette, font};
use bevy::prelude::*;
use std::collections::HashMap;

/// A player's pawn.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pawn {
    pub player: PlayerId,
}

/// Where a pawn stands, and how it looks, according to the session.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct PawnView {
    pub(crate) colour: u8,
    pub(crate) initials: String,
    /// The square it stands on, if placed (and not covered).
    pub square: Option<usize>,
    pub home: Vec2,
    pub covered: bool,
    pub(crate) teller: bool,
    pub(crate) selected: bool,
    pub(crate) high_contrast: bool,
}

/// A faint pawn showing the first placement during the plenary.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct GhostPawn {
    pub(crate) player: PlayerId,
    pub(crate) square: usize,
}

/// The player whose pawn the keyboard moves.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelectedPlayer(pub Option<PlayerId>);

/// The round pawn picture, made once.
#[derive(Resource, Clone, Default)]
pub(crate) struct PawnImage(pub(crate) Handle<Image>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SelectedPlayer>();
    app.add_systems(Startup, make_pawn_image);
    app.add_systems(
        Update,
        draw_pawns
            .run_if(
                resource_changed::<ActiveGame>
                    .or_else(resource_changed::<SelectedPlayer>)
                    .or_else(state_changed::<Screen>)
                    .or_else(resource_changed::<Palette>),
            )
            .run_if(in_state(AtTable))
            .in_set(AppSystems::Draw),
    );
    app.add_systems(
        Update,
        walk_revealed
            .run_if(in_state(AtTable).and_then(any_with_component::<Revealing>))
            .after(draw_pawns)
            .in_set(AppSystems::Draw),
    );
}

/// A white disc with a soft edge, tinted per player.
fn make_pawn_image(images: Option<ResMut<Assets<Image>>>, mut commands: Commands) {
    let Some(mut images) = images else {
        commands.init_resource::<PawnImage>();
        return;
    };
    commands.insert_resource(PawnImage(images.add(pawn_disc())));
}

/// The pawn picture: a white disc with a soft edge, 128 px across.
///
/// It stays readable in the main world (`RenderAssetUsages::default()`): sprite picking tests the
/// image's alpha under the pointer, and an image kept only in the render world has no pixels there, so
/// no mouse or finger could ever grab a pawn.
pub fn pawn_disc() -> Image {
    let size = 128u32;
    let mut data = Vec::with_capacity((size * size * 4) as usize);
    let c = size as f32 / 2.0;
    for y in 0..size {
        for x in 0..size {
            let d = ((x as f32 + 0.5 - c).powi(2) + (y as f32 + 0.5 - c).powi(2)).sqrt();
            let alpha = (c - d).clamp(0.0, 1.0);
            data.extend_from_slice(&[255, 255, 255, (alpha * 255.0) as u8]);
        }
    }
    Image::new(
        bevy::render::render_resource::Extent3d {
            width: size,
            height: size,
            depth_or_array_layers: 1,
        },
        bevy::render::render_resource::TextureDimension::D2,
        data,
        bevy::render::render_resource::TextureFormat::Rgba8UnormSrgb,
        bevy::asset::RenderAssetUsages::default(),
    )
}

/// Where every pawn should be, from the session.
pub(crate) fn pawn_views(
    session: &Session,
    selected: Option<PlayerId>,
) -> Vec<(PlayerId, PawnView)> {
    let Some((card, round)) = session.active_card() else {
        return Vec::new();
    };
    let record = session.record(&card);
    let squares = layout::square_rects(session.deck.scale.squares.len());
    let covered = session.mode == PlacementMode::Covered
        && !record.is_some_and(|r| r.revealed.contains(&round));
    let mut per_square: HashMap<usize, usize> = HashMap::new();
    let mut on_square: HashMap<usize, usize> = HashMap::new();
    if let Some(r) = record.filter(|_| !covered) {
        for sq in r.round(round).values() {
            *on_square.entry(*sq).or_default() += 1;
        }
    }
    let mut waiting = 0;
    let n = session.players.len();
    session
        .players
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let square = record.and_then(|r| r.round(round).get(&p.id).copied());
            let home = match square {
                Some(sq) if !covered => {
                    let slot = per_square.entry(sq).or_default();
                    let count = on_square.get(&sq).copied().unwrap_or(1);
                    let spot = layout::pawn_spot(squares[sq.min(squares.len() - 1)], *slot, count);
                    *slot += 1;
                    spot
                }
                _ => {
                    waiting += 1;
                    layout::pool_spot(i, n)
                }
            };
            (
                p.id,
                PawnView {
                    colour: p.colour,
                    initials: p.initials(),
                    square: if covered { None } else { square },
                    home,
                    covered: covered && square.is_some(),
                    teller: session.teller == Some(p.id) && round == Round::First,
                    selected: selected == Some(p.id),
                    high_contrast: false,
                },
            )
        })
        .collect()
}

/// A pawn as drawn: its view, where it stands, and whether it is dragged or walking after a reveal.
type DrawnPawn = (
    Entity,
    &'static Pawn,
    &'static mut PawnView,
    &'static mut Transform,
    (Option<&'static Dragging>, Option<&'static Revealing>),
);

#[allow(clippy::too_many_arguments)]
/// Brings the pawns in line with the session: spawns, moves and despawns only what changed.
pub(crate) fn draw_pawns(
    mut commands: Commands,
    game: Res<ActiveGame>,
    selected: Res<SelectedPlayer>,
    fonts: Option<Res<GameFonts>>,
    image: Option<Res<PawnImage>>,
    screen: Res<State<Screen>>,
    pal: Res<Palette>,
    mut pawns: Query<DrawnPawn>,
    ghosts: Query<(Entity, &GhostPawn)>,
) {
    let session = game.session();
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let image = image.map(|i| i.0.clone()).unwrap_or_default();
    let screen = *screen.get();
    let mut views = pawn_views(session, selected.0);
    for (_, v) in &mut views {
        v.high_contrast = pal.high_contrast;
    }
    let mut existing: HashMap<PlayerId, Entity> = HashMap::new();
    // Pawns uncovered by a reveal, and where they waited: they walk to their squares together.
    let mut revealed: HashMap<PlayerId, Vec2> = HashMap::new();
    for (entity, pawn, mut view, mut transform, (dragging, revealing)) in &mut pawns {
        let Some((_, want)) = views.iter().find(|(id, _)| *id == pawn.player) else {
            commands.entity(entity).despawn();
            continue;
        };
        if view.covered && !want.covered && want.square.is_some() {
            revealed.insert(pawn.player, transform.translation.truncate());
        }
        if view.colour != want.colour
            || view.initials != want.initials
            || view.covered != want.covered
            || view.teller != want.teller
            || view.selected != want.selected
            || view.high_contrast != want.high_contrast
        {
            commands.entity(entity).despawn();
            continue;
        }
        existing.insert(pawn.player, entity);
        if *view != *want {
            *view = want.clone();
        }
        if let Some(r) = revealing {
            if r.to != want.home {
                commands.entity(entity).remove::<Revealing>();
            } else {
                continue;
            }
        }
        if dragging.is_none() {
            let target = want.home.extend(transform.translation.z);
            if transform.translation != target {
                transform.translation = target;
            }
        }
    }
    let started = std::time::Instant::now();
    for (id, view) in &views {
        if !existing.contains_key(id) {
            let pawn = spawn_pawn(
                &mut commands,
                *id,
                view.clone(),
                &fonts,
                &image,
                screen,
                &pal,
            );
            if let Some(from) = revealed.get(id) {
                commands.entity(pawn).insert((
                    Transform::from_translation(from.extend(5.0)),
                    Revealing {
                        from: *from,
                        to: view.home,
                        started,
                    },
                ));
            }
        }
    }

    // Ghosts of the first placement during the plenary.
    let want_ghosts: Vec<GhostPawn> = match session.active_card() {
        Some((card, Round::Plenary))
            if session.mode == PlacementMode::Open
                || session
                    .record(&card)
                    .is_some_and(|r| r.revealed.contains(&Round::First)) =>
        {
            session
                .record(&card)
                .map(|r| {
                    r.first
                        .iter()
                        .map(|(p, sq)| GhostPawn {
                            player: *p,
                            square: *sq,
                        })
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let mut have = Vec::new();
    for (e, g) in &ghosts {
        if want_ghosts.contains(g) && !have.contains(g) {
            have.push(*g);
        } else {
            commands.entity(e).despawn();
        }
    }
    let squares = layout::square_rects(session.deck.scale.squares.len());
    let mut slots: HashMap<usize, usize> = HashMap::new();
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for g in &want_ghosts {
        *counts.entry(g.square).or_default() += 1;
    }
    for g in &want_ghosts {
        let slot = slots.entry(g.square).or_default();
        let spot = layout::ghost_spot(
            squares[g.square.min(squares.len() - 1)],
            *slot,
            counts[&g.square],
        );
        *slot += 1;
        if have.contains(g) {
            continue;
        }
        let Some(player) = session.player(g.player) else {
            continue;
        };
        // Faint, but with the player's initials: colour is not its only sign.
        let mut ghost = commands.spawn((
            *g,
            Name::new("ghost pawn"),
            Sprite {
                image: image.clone(),
                color: theme::pawn_colour(player.colour).with_alpha(0.3),
                custom_size: Some(Vec2::splat(PAWN_SIZE)),
                ..default()
            },
            Transform::from_translation(spot.extend(2.0)),
            Pickable::IGNORE,
            DespawnOnExit(screen),
            children![(
                Text2d::new(player.initials()),
                font(&fonts, 22.0, true),
                TextColor(pal.ink.with_alpha(0.7)),
                Transform::from_xyz(0.0, 0.0, 0.1),
                Pickable::IGNORE,
            )],
        ));
        // In high contrast a dark player's ghost would vanish on the dark square: a ring in the
        // palette's ink (a disc behind, masked by one in the square's colour) keeps it in sight.
        if pal.high_contrast {
            ghost.with_children(|ghost| {
                ghost.spawn((
                    Sprite {
                        image: image.clone(),
                        color: pal.ink.with_alpha(0.85),
                        custom_size: Some(Vec2::splat(PAWN_SIZE + 8.0)),
                        ..default()
                    },
                    Transform::from_xyz(0.0, 0.0, -0.2),
                    Pickable::IGNORE,
                ));
                ghost.spawn((
                    Sprite {
                        image: image.clone(),
                        color: pal.square,
                        custom_size: Some(Vec2::splat(PAWN_SIZE)),
                        ..default()
                    },
                    Transform::from_xyz(0.0, 0.0, -0.1),
                    Pickable::IGNORE,
                ));
            });
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn spawn_pawn(
    commands: &mut Commands,
    player: PlayerId,
    view: PawnView,
    fonts: &GameFonts,
    image: &Handle<Image>,
    screen: Screen,
    pal: &Palette,
) -> Entity {
    let colour = if view.covered {
        Color::srgb(0.45, 0.47, 0.50)
    } else {
        theme::pawn_colour(view.colour)
    };
    let ink = if view.covered || !theme::is_light(view.colour) {
        Color::WHITE
    } else {
        Color::BLACK
    };
    let label = if view.covered {
        format!("✓{}", view.initials)
    } else {
        view.initials.clone()
    };
    let ring = if view.selected {
        Some(Color::srgb(0.95, 0.55, 0.0))
    } else if view.teller {
        Some(pal.ink)
    } else {
        None
    };
    let mut entity = commands.spawn((
        Pawn { player },
        Name::new(format!("pawn {}", view.initials)),
        Sprite {
            image: image.clone(),
            color: colour,
            custom_size: Some(Vec2::splat(PAWN_SIZE)),
            ..default()
        },
        Transform::from_translation(view.home.extend(5.0)),
        Pickable::default(),
        Draggable { lifted_z: 20.0 },
        DespawnOnExit(screen),
        view.clone(),
        children![(
            Text2d::new(label),
            font(fonts, if view.covered { 22.0 } else { 26.0 }, true),
            TextColor(ink),
            Transform::from_xyz(0.0, 0.0, 0.2),
            Pickable::IGNORE,
        )],
    ));
    if let Some(ring) = ring {
        entity.with_child((
            Sprite {
                image: image.clone(),
                color: ring,
                custom_size: Some(Vec2::splat(PAWN_SIZE + 14.0)),
                ..default()
            },
            Transform::from_xyz(0.0, 0.0, -0.1),
            Pickable::IGNORE,
        ));
    }
    entity
        .observe(drag::lift)
        .observe(drag::follow)
        .observe(on_drag_end)
        .id()
}

/// A pawn walking from the pool to its square after the reveal: all of a card's pawns start in the
/// same frame and arrive together, so the group sees the placements appear as one moment.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Revealing {
    pub from: Vec2,
    pub to: Vec2,
    pub started: std::time::Instant,
}

/// How long the walk of the reveal takes.
pub const REVEAL_TIME: std::time::Duration = std::time::Duration::from_millis(700);

/// Where a revealed pawn is after `elapsed`: eased in and out, at its square from [`REVEAL_TIME`] on.
pub(crate) fn reveal_spot(from: Vec2, to: Vec2, elapsed: std::time::Duration) -> Vec2 {
    let t = (elapsed.as_secs_f32() / REVEAL_TIME.as_secs_f32()).clamp(0.0, 1.0);
    let eased = t * t * (3.0 - 2.0 * t);
    from.lerp(to, eased)
}

/// Moves the revealed pawns along, asking for frames until they have arrived.
fn walk_revealed(
    mut commands: Commands,
    mut pawns: Query<(Entity, &Revealing, &mut Transform), Without<Dragging>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    for (entity, r, mut transform) in &mut pawns {
        let elapsed = r.started.elapsed();
        let at = reveal_spot(r.from, r.to, elapsed);
        transform.translation = at.extend(transform.translation.z);
        if elapsed >= REVEAL_TIME {
            commands.entity(entity).remove::<Revealing>();
        } else {
            redraw.write(bevy::window::RequestRedraw);
        }
    }
}

/// Dropped on a square: the pawn is placed there. Dropped anywhere else: it goes back.
fn on_drag_end(
    ev: On<Pointer<DragEnd>>,
    mut commands: Commands,
    game: Res<ActiveGame>,
    mut pawns: Query<(&Pawn, &PawnView, &mut Transform, &Dragging)>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
    mut messages: MessageWriter<GameMsg>,
) {
    let Ok((pawn, view, mut transform, dragging)) = pawns.get_mut(ev.entity) else {
        // A drag that started and ended within one frame: the start's marker may still be queued.
        // Take it off too, or the entity would count as dragged for ever and stop following the
        // session.
        commands.entity(ev.entity).remove::<Dragging>();
        return;
    };
    if dragging.pointer != ev.pointer_id {
        return;
    }
    let at = drag::drag_position(dragging, &ev.pointer_location, ev.event.distance, &cameras);
    commands.entity(ev.entity).remove::<Dragging>();
    let session = game.session();
    let squares = session.deck.scale.squares.len();
    match (layout::square_at(at, squares), session.active_card()) {
        (Some(square), Some((card, round))) if view.square != Some(square) || view.covered => {
            transform.translation = at.extend(5.0);
            messages.write(GameMsg::Do(Action::Place {
                player: pawn.player,
                card,
                round,
                square,
            }));
        }
        _ => transform.translation = view.home.extend(5.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revealed_pawn_walks_from_the_row_to_its_square() {
        let (from, to) = (Vec2::new(-500.0, -370.0), Vec2::new(100.0, -100.0));
        let at = |ms| reveal_spot(from, to, std::time::Duration::from_millis(ms));
        let whole = REVEAL_TIME.as_millis() as u64;
        assert_eq!(at(0), from);
        assert_eq!(at(whole), to);
        assert_eq!(at(5000), to, "and stays there");
        assert!(
            (at(whole / 2) - (from + to) / 2.0).length() < 1.0,
            "half-way at half time"
        );
        assert!(
            at(50).distance(from) < at(300).distance(from),
            "it moves on"
        );
    }
}
