//! The game's fonts, embedded once: the window draws with them, and so do the pictures the core
//! renders without a window (the overview's heatmap, the outcome picture), with [`render_svg`].

/// Inter, regular (SIL Open Font License, see `assets/fonts/LICENSE-Inter.txt`).
pub const INTER_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter, semibold.
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");

/// Renders an SVG on the CPU with the game's fonts (Inter as the sans-serif family).
pub(crate) fn render_svg(svg: &str) -> Result<resvg::tiny_skia::Pixmap, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    {
        let fonts = options.fontdb_mut();
        fonts.load_font_data(INTER_REGULAR.to_vec());
        fonts.load_font_data(INTER_SEMIBOLD.to_vec());
        fonts.set_sans_serif_family("Inter");
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        format!(
            "the picture is too large: {}×{}",
            size.width(),
            size.height()
        )
    })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}
