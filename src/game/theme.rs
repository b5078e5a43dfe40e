//! Colours and fonts of the board: a colour-blind-safe pawn palette, post-it and stack colours, and the
//! Inter font embedded in the binary.

use bevy::prelude::*;

/// Pawn colours: Paul Tol's "muted" scheme with blue, orange and grey from his other schemes. Every
/// pawn also shows its player's initials, so colour is never the only signal.
pub const PAWN_PALETTE: [[u8; 3]; 12] = [
    [0x33, 0x22, 0x88], // indigo
    [0x88, 0xCC, 0xEE], // cyan
    [0x44, 0xAA, 0x99], // teal
    [0x11, 0x77, 0x33], // green
    [0x99, 0x99, 0x33], // olive
    [0xDD, 0xCC, 0x77], // sand
    [0xCC, 0x66, 0x77], // rose
    [0x88, 0x22, 0x55], // wine
    [0xAA, 0x44, 0x99], // purple
    [0x44, 0x77, 0xAA], // blue
    [0xEE, 0x77, 0x33], // orange
    [0xBB, 0xBB, 0xBB], // grey
];

pub fn pawn_colour(index: u8) -> Color {
    let [r, g, b] = PAWN_PALETTE[index as usize % PAWN_PALETTE.len()];
    Color::srgb_u8(r, g, b)
}

/// Relative luminance of a palette colour, to choose black or white initials.
pub fn is_light(index: u8) -> bool {
    let [r, g, b] = PAWN_PALETTE[index as usize % PAWN_PALETTE.len()];
    0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b) > 140.0
}

pub const BACKGROUND: Color = Color::srgb(0.957, 0.945, 0.918);
pub const INK: Color = Color::srgb(0.10, 0.11, 0.13);
pub const INK_SOFT: Color = Color::srgb(0.30, 0.32, 0.36);
pub const CARD: Color = Color::WHITE;
pub const CARD_EDGE: Color = Color::srgb(0.20, 0.24, 0.30);
pub const SQUARE: Color = Color::srgb(0.86, 0.89, 0.91);
pub const SQUARE_EDGE: Color = Color::srgb(0.55, 0.60, 0.65);
pub const POOL: Color = Color::srgb(0.90, 0.88, 0.84);
pub const GREEN_NOTE: Color = Color::srgb(0.73, 0.89, 0.69);
pub const PINK_NOTE: Color = Color::srgb(0.97, 0.74, 0.84);
pub const GREEN_STACK: Color = Color::srgb(0.11, 0.47, 0.22);
pub const RED_STACK: Color = Color::srgb(0.70, 0.13, 0.17);

/// The fonts of the board. In a headless app they are default handles.
#[derive(Resource, Default, Clone)]
pub struct GameFonts {
    pub regular: Handle<Font>,
    pub bold: Handle<Font>,
}

pub const INTER_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");

/// Loads the embedded fonts when the app has font assets (not in headless tests).
pub fn plugin(app: &mut App) {
    let fonts = match app.world_mut().get_resource_mut::<Assets<Font>>() {
        Some(mut assets) => GameFonts {
            regular: assets.add(Font::from_bytes(INTER_REGULAR.to_vec())),
            bold: assets.add(Font::from_bytes(INTER_SEMIBOLD.to_vec())),
        },
        None => GameFonts::default(),
    };
    app.insert_resource(fonts);
    app.insert_resource(ClearColor(BACKGROUND));
}

/// A text font of a size, regular or bold.
pub fn font(fonts: &GameFonts, size: f32, bold: bool) -> TextFont {
    TextFont {
        font: if bold {
            fonts.bold.clone()
        } else {
            fonts.regular.clone()
        }
        .into(),
        font_size: bevy::text::FontSize::Px(size),
        ..default()
    }
}
