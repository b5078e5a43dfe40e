//! The game's fonts, embedded once: the window draws with them, and so do the pictures the core
//! renders without a window (the overview's heatmap).

/// Inter, regular (SIL Open Font License, see `assets/fonts/LICENSE-Inter.txt`).
pub const INTER_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter, semibold.
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");
