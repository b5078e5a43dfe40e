//! Colours and fonts of the board: a colour-blind-safe pawn palette, post-it and stack colours, and the
//! Inter font embedded in the binary.

use bevy::prelude::*;

/// Pawn colours: Paul Tol's "muted" scheme with blue, orange and grey from his other schemes. Every
/// pawn also shows its player's initials, so colour is never the only signal.
pub(crate) const PAWN_PALETTE: [[u8; 3]; 12] = [
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
pub(crate) fn is_light(index: u8) -> bool {
    let [r, g, b] = PAWN_PALETTE[index as usize % PAWN_PALETTE.len()];
    0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b) > 140.0
}

/// The colours of the board: the normal theme, and a high-contrast one for dim beamers and low vision.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub(crate) high_contrast: bool,
    pub(crate) background: Color,
    pub(crate) ink: Color,
    pub(crate) ink_soft: Color,
    pub(crate) card: Color,
    pub(crate) case_card: Color,
    pub(crate) card_edge: Color,
    pub(crate) square: Color,
    pub(crate) square_edge: Color,
    pub(crate) pool: Color,
    pub(crate) note_ink: Color,
    pub green_note: Color,
    pub(crate) green_edge: Color,
    pub pink_note: Color,
    pub(crate) pink_edge: Color,
    pub green_stack: Color,
    pub red_stack: Color,
}

impl Palette {
    pub const NORMAL: Palette = Palette {
        high_contrast: false,
        background: Color::srgb(0.957, 0.945, 0.918),
        ink: Color::srgb(0.10, 0.11, 0.13),
        ink_soft: Color::srgb(0.30, 0.32, 0.36),
        card: Color::WHITE,
        case_card: Color::srgb(1.0, 0.98, 0.90),
        card_edge: Color::srgb(0.20, 0.24, 0.30),
        square: Color::srgb(0.86, 0.89, 0.91),
        square_edge: Color::srgb(0.55, 0.60, 0.65),
        pool: Color::srgb(0.90, 0.88, 0.84),
        note_ink: Color::srgb(0.10, 0.11, 0.13),
        green_note: Color::srgb(0.73, 0.89, 0.69),
        green_edge: Color::srgb(0.11, 0.47, 0.22),
        pink_note: Color::srgb(0.97, 0.74, 0.84),
        pink_edge: Color::srgb(0.65, 0.15, 0.42),
        green_stack: Color::srgb(0.11, 0.47, 0.22),
        red_stack: Color::srgb(0.70, 0.13, 0.17),
    };
    /// White and yellow on black, with heavy edges: readable on a dim beamer from the back of a room.
    pub(crate) const HIGH_CONTRAST: Palette = Palette {
        high_contrast: true,
        background: Color::BLACK,
        ink: Color::WHITE,
        ink_soft: Color::srgb(1.0, 0.92, 0.35),
        card: Color::srgb(0.04, 0.04, 0.04),
        case_card: Color::srgb(0.10, 0.08, 0.0),
        card_edge: Color::WHITE,
        square: Color::srgb(0.13, 0.13, 0.13),
        square_edge: Color::srgb(1.0, 0.92, 0.35),
        pool: Color::srgb(0.20, 0.20, 0.20),
        note_ink: Color::BLACK,
        green_note: Color::srgb(0.55, 0.95, 0.45),
        green_edge: Color::WHITE,
        pink_note: Color::srgb(1.0, 0.62, 0.85),
        pink_edge: Color::WHITE,
        green_stack: Color::srgb(0.0, 0.55, 0.15),
        red_stack: Color::srgb(0.80, 0.05, 0.05),
    };
}

impl Default for Palette {
    fn default() -> Self {
        Palette::NORMAL
    }
}

/// The fonts of the board. In a headless app they are default handles.
#[derive(Resource, Default, Clone)]
pub(crate) struct GameFonts {
    pub(crate) regular: Handle<Font>,
    pub(crate) bold: Handle<Font>,
}

pub use crate::core::fonts::INTER_REGULAR;
pub(crate) use crate::core::fonts::INTER_SEMIBOLD;

/// Loads the embedded fonts when the app has font assets (not in headless tests).
pub(super) fn plugin(app: &mut App) {
    let fonts = match app.world_mut().get_resource_mut::<Assets<Font>>() {
        Some(mut assets) => GameFonts {
            regular: assets.add(Font::from_bytes(INTER_REGULAR.to_vec())),
            bold: assets.add(Font::from_bytes(INTER_SEMIBOLD.to_vec())),
        },
        None => GameFonts::default(),
    };
    app.insert_resource(fonts);
    app.init_resource::<Palette>();
    app.insert_resource(ClearColor(Palette::NORMAL.background));
    app.add_systems(Update, follow_palette.run_if(resource_changed::<Palette>));
}

/// The window's background follows the palette.
fn follow_palette(palette: Res<Palette>, mut clear: ResMut<ClearColor>) {
    if clear.0 != palette.background {
        clear.0 = palette.background;
    }
}

/// A text font of a size, regular or bold.
pub(crate) fn font(fonts: &GameFonts, size: f32, bold: bool) -> TextFont {
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

/// Colour-blindness check of the pawn palette: every pair of pawn colours must stay apart under the
/// simulation of protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity
/// 1.0), measured as CIE76 ΔE in L*a*b*. Pawns also carry initials, so this is the second signal.
#[cfg(test)]
mod colour_check {
    use super::PAWN_PALETTE;

    const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    fn linear(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    /// The smallest distance between two pawn colours under each simulation: (name, ΔE, pair).
    pub(crate) fn smallest_differences() -> Vec<(&'static str, f64, (usize, usize))> {
        SIMULATIONS
            .iter()
            .map(|(name, m)| {
                let seen: Vec<[f64; 3]> = PAWN_PALETTE
                    .iter()
                    .map(|c| {
                        let l = c.map(linear);
                        let s = [0, 1, 2].map(|i| {
                            (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0)
                        });
                        lab(s)
                    })
                    .collect();
                let mut best = (f64::MAX, (0, 0));
                for i in 0..seen.len() {
                    for j in i + 1..seen.len() {
                        let d = (0..3)
                            .map(|k| (seen[i][k] - seen[j][k]).powi(2))
                            .sum::<f64>()
                            .sqrt();
                        if d < best.0 {
                            best = (d, (i, j));
                        }
                    }
                }
                (*name, best.0, best.1)
            })
            .collect()
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn pawn_colours_stay_apart_for_colour_blind_players() {
            for (name, delta, pair) in super::smallest_differences() {
                assert!(
                    delta >= 7.0,
                    "{name}: colours {pair:?} only ΔE {delta:.1} apart"
                );
            }
        }
    }
}
