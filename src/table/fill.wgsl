// One colour, as it is: the board's large rectangles (see fill.rs). No texture, no tone mapping and no
// colour-space conversion per pixel; the board camera composites in linear light.
#import bevy_sprite::mesh2d_vertex_output::VertexOutput

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> colour: vec4<f32>;

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    return colour;
}
