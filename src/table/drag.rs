//! Dragging things on the board with a mouse or a finger: pointer positions in world units, and the
//! marker of an entity being dragged. Each drag belongs to one pointer, so two fingers can drag two
//! pawns at once.

use bevy::picking::pointer::{Location, PointerId};
use bevy::prelude::*;

/// An entity being dragged: by which pointer, where it was, and where it was grabbed.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Dragging {
    pub(crate) pointer: PointerId,
    pub(crate) from: Vec2,
    pub(crate) grab: Vec2,
}

/// The board camera, to turn screen pixels into world units.
#[derive(Component, Default)]
pub(crate) struct BoardCamera;

/// A pointer's position in world units, or `None` without a board camera (headless).
pub(crate) fn pointer_world(
    location: &Location,
    cameras: &Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
) -> Option<Vec2> {
    let (camera, transform) = cameras.iter().next()?;
    camera
        .viewport_to_world_2d(transform, location.position)
        .ok()
}

/// Where a dragged entity should be now. Without a camera, the drag distance is taken as world units.
pub(crate) fn drag_position(
    dragging: &Dragging,
    location: &Location,
    distance: Vec2,
    cameras: &Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
) -> Vec2 {
    match pointer_world(location, cameras) {
        Some(p) => p - dragging.grab,
        None => dragging.from + Vec2::new(distance.x, -distance.y),
    }
}

/// Starts a drag: remembers the pointer and the grab offset.
pub(crate) fn start(
    location: &Location,
    pointer: PointerId,
    from: Vec2,
    cameras: &Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
) -> Dragging {
    let grab = pointer_world(location, cameras).map_or(Vec2::ZERO, |p| p - from);
    Dragging {
        pointer,
        from,
        grab,
    }
}

/// Something on the board that can be dragged, and how high it is lifted while dragged.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Draggable {
    pub(crate) lifted_z: f32,
}

/// A pointer starts dragging: the entity is lifted and remembers where it was and which pointer has it.
pub(crate) fn lift(
    ev: On<Pointer<DragStart>>,
    mut commands: Commands,
    mut items: Query<(&mut Transform, &Draggable)>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
) {
    let Ok((mut transform, draggable)) = items.get_mut(ev.entity) else {
        return;
    };
    let from = transform.translation.truncate();
    transform.translation.z = draggable.lifted_z;
    commands
        .entity(ev.entity)
        .insert(start(&ev.pointer_location, ev.pointer_id, from, &cameras));
}

/// The dragged entity follows its own pointer; events of another pointer are ignored.
pub(crate) fn follow(
    ev: On<Pointer<Drag>>,
    mut items: Query<(&mut Transform, &Dragging, &Draggable)>,
    cameras: Query<(&Camera, &GlobalTransform), With<BoardCamera>>,
) {
    let Ok((mut transform, dragging, draggable)) = items.get_mut(ev.entity) else {
        return;
    };
    if dragging.pointer == ev.pointer_id {
        transform.translation =
            drag_position(dragging, &ev.pointer_location, ev.event.distance, &cameras)
                .extend(draggable.lifted_z);
    }
}
