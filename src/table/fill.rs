//! The board's large rectangles (the squares, the waiting row, the statement card, the post-its) as
//! flat fills: a [`Fill`] says the colour and the size, and in the window it is drawn as a 2D mesh with
//! a shader that returns that colour. Bevy's sprite shader samples a texture, runs the tone-mapping
//! code and converts the colour space for every pixel; a software renderer pays that for each of the
//! board's million pixels, every frame of a drag (issue 26). Headless, a fill is only its component.

use bevy::asset::embedded_asset;
use bevy::camera::visibility::VisibilitySystems;
use bevy::picking::PickingSystems;
use bevy::picking::backend::ray::RayMap;
use bevy::picking::backend::{HitData, PointerHits};
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::render::render_resource::AsBindGroup;
use bevy::shader::ShaderRef;
use bevy::sprite_render::{AlphaMode2d, Material2d, Material2dPlugin};

/// A rectangle of one colour, centred on its entity.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
#[require(Transform, Visibility)]
pub struct Fill {
    pub colour: Color,
    pub size: Vec2,
}

impl Fill {
    pub(crate) fn new(colour: Color, size: Vec2) -> Self {
        Self { colour, size }
    }
}

/// What draws the fills in the window: the material, a mesh and a material per size and colour, and
/// picking of the fills that are [`Pickable`] (the post-its).
pub(crate) fn render_plugin(app: &mut App) {
    embedded_asset!(app, "fill.wgsl");
    app.add_plugins(Material2dPlugin::<FlatMaterial>::default())
        .init_resource::<FillAssets>()
        .add_systems(
            PostUpdate,
            give_fills_a_mesh.before(VisibilitySystems::CalculateBounds),
        )
        .add_systems(PreUpdate, pick_fills.in_set(PickingSystems::Backend));
}

/// One colour, as it is.
#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub(crate) struct FlatMaterial {
    #[uniform(0)]
    colour: LinearRgba,
}

impl Material2d for FlatMaterial {
    fn fragment_shader() -> ShaderRef {
        "embedded://leerklimaat/table/fill.wgsl".into()
    }

    // Drawn with the sprites, in their order: an opaque phase would be a render pass of its own,
    // which costs a software renderer more than it saves.
    fn alpha_mode(&self) -> AlphaMode2d {
        AlphaMode2d::Blend
    }
}

/// The meshes and materials made so far, shared by every fill of that size or colour.
#[derive(Resource, Default)]
struct FillAssets {
    meshes: HashMap<[u32; 2], Handle<Mesh>>,
    materials: HashMap<[u32; 4], Handle<FlatMaterial>>,
}

fn give_fills_a_mesh(
    mut commands: Commands,
    fills: Query<(Entity, &Fill), Changed<Fill>>,
    mut made: ResMut<FillAssets>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<FlatMaterial>>,
) {
    for (entity, fill) in &fills {
        let mesh = made
            .meshes
            .entry([fill.size.x.to_bits(), fill.size.y.to_bits()])
            .or_insert_with(|| meshes.add(Rectangle::from_size(fill.size)))
            .clone();
        let colour = LinearRgba::from(fill.colour);
        let material = made
            .materials
            .entry(colour.to_f32_array().map(f32::to_bits))
            .or_insert_with(|| materials.add(FlatMaterial { colour }))
            .clone();
        commands
            .entity(entity)
            .insert((Mesh2d(mesh), MeshMaterial2d(material)));
    }
}

/// The picking backend of the fills that are [`Pickable`], as Bevy's sprite backend does it for a
/// sprite: a hit inside the rectangle, its depth from the camera's near plane.
fn pick_fills(
    ray_map: Res<RayMap>,
    cameras: Query<(&Camera, &GlobalTransform, &Projection)>,
    fills: Query<(Entity, &Fill, &GlobalTransform, &Pickable, &ViewVisibility)>,
    mut hits: MessageWriter<PointerHits>,
) {
    let mut sorted: Vec<_> = fills.iter().filter(|f| f.4.get()).collect();
    sorted.sort_by(|a, b| b.2.translation().z.total_cmp(&a.2.translation().z));
    for (ray_id, ray) in ray_map.iter() {
        let Ok((camera, cam_transform, Projection::Orthographic(ortho))) =
            cameras.get(ray_id.camera)
        else {
            continue;
        };
        if !camera.is_active {
            continue;
        }
        let mut picks = Vec::new();
        for &(entity, fill, at, pickable, _) in &sorted {
            let local = at
                .affine()
                .inverse()
                .transform_point3(ray.origin)
                .truncate();
            if local.x.abs() > fill.size.x / 2.0 || local.y.abs() > fill.size.y / 2.0 {
                continue;
            }
            let hit_world = at.transform_point(local.extend(0.0));
            let hit_cam = cam_transform.affine().inverse().transform_point3(hit_world);
            picks.push((
                entity,
                HitData::new(
                    ray_id.camera,
                    -ortho.near - hit_cam.z,
                    Some(hit_world),
                    Some(*at.back()),
                ),
            ));
            if pickable.should_block_lower {
                break;
            }
        }
        if !picks.is_empty() {
            hits.write(PointerHits::new(ray_id.pointer, picks, camera.order as f32));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::camera::visibility::ViewVisibility;
    use bevy::picking::backend::ray::RayId;
    use bevy::picking::pointer::PointerId;

    /// The entities a ray straight down at `at` hits, top first.
    fn hits_at(at: Vec2, fills: &[(Vec3, f32, bool, Pickable)]) -> Vec<usize> {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .add_message::<PointerHits>()
            .init_resource::<RayMap>()
            .add_systems(Update, pick_fills);
        let camera = app
            .world_mut()
            .spawn((
                Camera::default(),
                Projection::Orthographic(OrthographicProjection::default_2d()),
                GlobalTransform::IDENTITY,
            ))
            .id();
        let ids: Vec<Entity> = fills
            .iter()
            .map(|&(centre, scale, visible, pickable)| {
                app.world_mut()
                    .spawn((
                        Fill::new(Color::WHITE, Vec2::new(100.0, 40.0)),
                        GlobalTransform::from(
                            Transform::from_translation(centre).with_scale(Vec3::splat(scale)),
                        ),
                        pickable,
                        if visible {
                            ViewVisibility::VISIBLE
                        } else {
                            ViewVisibility::HIDDEN
                        },
                    ))
                    .id()
            })
            .collect();
        let ray = Ray3d::new(at.extend(1000.0), Dir3::NEG_Z);
        app.world_mut().resource_mut::<RayMap>().map.insert(
            RayId {
                camera,
                pointer: PointerId::Mouse,
            },
            ray,
        );
        app.update();
        let messages = app.world().resource::<Messages<PointerHits>>();
        let mut cursor = messages.get_cursor();
        cursor
            .read(messages)
            .flat_map(|h| h.picks.iter().map(|(e, _)| *e))
            .map(|e| ids.iter().position(|i| *i == e).expect("a fill's entity"))
            .collect()
    }

    #[test]
    fn a_pointer_picks_the_top_fill_under_it_and_nothing_beside_it() {
        let two = [
            (Vec3::new(0.0, 0.0, 10.0), 1.0, true, Pickable::default()),
            (Vec3::new(30.0, 0.0, 11.0), 1.0, true, Pickable::default()),
        ];
        // Where both lie, the upper one blocks the lower.
        assert_eq!(hits_at(Vec2::new(10.0, 5.0), &two), vec![1]);
        // Only the lower one reaches here.
        assert_eq!(hits_at(Vec2::new(-45.0, -15.0), &two), vec![0]);
        // Just beside both: nothing.
        assert_eq!(hits_at(Vec2::new(0.0, 21.0), &two), Vec::<usize>::new());
        assert_eq!(hits_at(Vec2::new(81.0, 0.0), &two), Vec::<usize>::new());
    }

    #[test]
    fn a_hidden_fill_is_not_picked_a_scaled_one_is_picked_in_its_scaled_size() {
        let hidden_on_top = [
            (Vec3::new(0.0, 0.0, 10.0), 1.0, true, Pickable::default()),
            (Vec3::new(0.0, 0.0, 11.0), 1.0, false, Pickable::default()),
        ];
        assert_eq!(hits_at(Vec2::ZERO, &hidden_on_top), vec![0]);
        // A selected post-it is drawn 1.06 times its size: its margin is part of it.
        let selected = [(Vec3::ZERO, 1.06, true, Pickable::default())];
        assert_eq!(hits_at(Vec2::new(52.0, 0.0), &selected), vec![0]);
        assert_eq!(
            hits_at(Vec2::new(54.0, 0.0), &selected),
            Vec::<usize>::new()
        );
        // One that lets the pointer through is hit along with what is under it.
        let see_through = [
            (Vec3::new(0.0, 0.0, 10.0), 1.0, true, Pickable::default()),
            (
                Vec3::new(0.0, 0.0, 11.0),
                1.0,
                true,
                Pickable {
                    should_block_lower: false,
                    is_hoverable: true,
                },
            ),
        ];
        assert_eq!(hits_at(Vec2::ZERO, &see_through), vec![1, 0]);
    }
}
