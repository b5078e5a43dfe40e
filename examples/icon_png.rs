//! Renders the icon (or any SVG) to a square PNG of the given size, for the macOS bundle's `.icns` in
//! the release workflow: `cargo run --release --example icon_png -- assets/icon/leerklimaat.svg 256 out.png`.

use resvg::{tiny_skia, usvg};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [svg, size, out] = args.as_slice() else {
        eprintln!("usage: icon_png SVG SIZE OUT.png");
        return ExitCode::FAILURE;
    };
    match render(svg, size, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn render(svg: &str, size: &str, out: &str) -> Result<(), String> {
    let size: u32 = size
        .parse()
        .ok()
        .filter(|s| (1..=4096).contains(s))
        .ok_or_else(|| format!("\"{size}\": a size is a whole number from 1 to 4096"))?;
    let text = std::fs::read_to_string(svg).map_err(|e| format!("{svg}: {e}"))?;
    let tree = usvg::Tree::from_str(&text, &usvg::Options::default())
        .map_err(|e| format!("{svg}: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("the size is too large")?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let file = std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), size, size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // tiny-skia keeps premultiplied alpha; a PNG holds straight alpha.
    let straight: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&straight))
        .map_err(|e| format!("{out}: {e}"))
}
