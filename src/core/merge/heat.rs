//! The heatmap of statements × group sessions, drawn once as SVG: inline in `overview.html`, and
//! rendered without a window or a GPU to `overview.png` for a slide.
//!
//! The colours run from orange (low on the deck's scale) through light grey to purple (high): a
//! diverging scale that stays readable with red-green colour blindness. The stack is a sign, not a
//! colour: `+` green stack, `!` red stack.

use super::{Cell, Overview};
use crate::core::export::html_escape as esc;
use crate::core::i18n::{decimal, texts};
use crate::core::session::{Lang, Stack};
use fluent_bundle::FluentValue;
use std::fmt::Write as _;

/// The colour stops, low to high (`ColorBrewer`'s `PuOr`, 5 classes).
const STOPS: [[u8; 3]; 5] = [
    [0xb3, 0x58, 0x06],
    [0xf1, 0xa3, 0x40],
    [0xf7, 0xf7, 0xf7],
    [0x99, 0x8e, 0xc3],
    [0x54, 0x27, 0x88],
];
/// A group too small to show.
const GREYED: &str = "#d4d4d4";

/// The most columns drawn; an overview of more sessions lists them all in `overview-long.csv`.
pub(crate) const MAX_HEAT_COLUMNS: usize = 40;

const LABEL_W: f64 = 640.0;
const CELL_W: f64 = 118.0;
const CELL_H: f64 = 64.0;
const HEAD_H: f64 = 150.0;
const TOP: f64 = 70.0;
const LEGEND_H: f64 = 120.0;
/// The longest statement label in the heatmap; the HTML lists every statement in full below it.
const LABEL_CHARS: usize = 52;

/// The colour of a mean on a scale from `low` to `high` points.
pub fn heat_colour(mean: f64, (low, high): (i32, i32)) -> [u8; 3] {
    let t = if high > low {
        ((mean - f64::from(low)) / f64::from(high - low)).clamp(0.0, 1.0)
    } else {
        0.5
    };
    let x = t * (STOPS.len() - 1) as f64;
    let i = (x.floor() as usize).min(STOPS.len() - 2);
    let f = x - i as f64;
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    [mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2])]
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Dark text on a light cell, white on a dark one.
fn ink([r, g, b]: [u8; 3]) -> &'static str {
    let l = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    if l > 140.0 { "#1a1a1a" } else { "#ffffff" }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The sign of a stack in a cell.
pub(crate) fn stack_sign(stack: Option<Stack>) -> &'static str {
    match stack {
        Some(Stack::Green) => "+",
        Some(Stack::Red) => "!",
        None => "",
    }
}

/// The change since the group's session before, as an arrow and a number.
pub(crate) fn change_text(lang: Lang, change: f64) -> String {
    let arrow = if change > 0.05 {
        "↑"
    } else if change < -0.05 {
        "↓"
    } else {
        "="
    };
    format!("{arrow}{}", decimal(lang, change.abs(), 1))
}

/// What a hover over a cell says: every number of it.
pub(crate) fn cell_title(lang: Lang, group: &str, statement: &str, c: &Cell) -> String {
    let t = texts();
    let mut s = format!(
        "{group} · {statement}: {} {} ({} {}), {} {}",
        t.get(lang, "overview-mean"),
        decimal(lang, c.mean, 2),
        c.placed,
        t.get(lang, "overview-col-placed"),
        t.get(lang, "overview-spread"),
        decimal(lang, c.spread, 2)
    );
    match c.stack {
        Some(Stack::Green) => s.push_str(&format!(", {}", t.get(lang, "export-green"))),
        Some(Stack::Red) => s.push_str(&format!(", {}", t.get(lang, "export-red"))),
        None => {}
    }
    if let Some(d) = c.change {
        s.push_str(&format!(
            ", {} {}",
            t.get(lang, "overview-col-change"),
            change_text(lang, d)
        ));
    }
    if !c.plenary {
        s.push_str(&format!(" ({})", t.get(lang, "overview-first-round-only")));
    }
    s
}

/// The heatmap as a standalone SVG document.
pub fn heatmap_svg(o: &Overview, lang: Lang) -> String {
    let t = texts();
    let shown = o.columns.len().min(MAX_HEAT_COLUMNS);
    let width = LABEL_W + CELL_W * shown.max(1) as f64 + 20.0;
    let rows = o.statements.len();
    let height = TOP + HEAD_H + CELL_H * rows as f64 + LEGEND_H;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Inter, sans-serif\" role=\"img\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    let title = t.format(
        lang,
        "overview-heat-title",
        &[
            ("groups", FluentValue::from(o.counted_groups())),
            ("sessions", FluentValue::from(o.columns.len())),
        ],
    );
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"44\" font-size=\"32\" font-weight=\"600\" fill=\"#1a1a1a\">{}</text>",
        esc(&title)
    );
    // The column heads: the group's name on two lines, its session's date, its number in the group.
    for (i, col) in o.columns.iter().take(shown).enumerate() {
        let x = LABEL_W + CELL_W * i as f64 + CELL_W / 2.0;
        let name: Vec<char> = col.name.chars().collect();
        let (first, second) = if name.len() > 11 {
            let cut = name[..11]
                .iter()
                .rposition(|c| *c == ' ')
                .filter(|p| *p > 3)
                .unwrap_or(11);
            (
                name[..cut].iter().collect::<String>(),
                shorten(name[cut..].iter().collect::<String>().trim(), 11),
            )
        } else {
            (col.name.clone(), String::new())
        };
        let fill = if col.too_small { "#6b6b6b" } else { "#1a1a1a" };
        for (line, text) in [(0.0, first), (26.0, second)] {
            let _ = writeln!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"20\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{fill}\">{}</text>",
                TOP + 40.0 + line,
                esc(&text)
            );
        }
        let date: String = col.started_at.chars().take(10).collect();
        let _ = writeln!(
            s,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"17\" text-anchor=\"middle\" fill=\"{fill}\">{}</text>",
            TOP + 94.0,
            esc(&date)
        );
        let under = if col.too_small {
            t.format(
                lang,
                "overview-too-small-short",
                &[("players", FluentValue::from(col.players))],
            )
        } else if o.chains[col.chain].columns.len() > 1 {
            t.format(
                lang,
                "overview-nth-session",
                &[("n", FluentValue::from(col.nth))],
            )
        } else {
            String::new()
        };
        // Wrapped to the column, so it neither runs into the next column nor off the picture: two
        // lines at most, the second under the first.
        let lines = wrap_words(&under, ((CELL_W - 8.0) / (17.0 * 0.55)) as usize);
        let first_y = if lines.len() > 1 { 117.0 } else { 120.0 };
        for (i, line) in lines.iter().take(2).enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"17\" text-anchor=\"middle\" fill=\"{fill}\">{}</text>",
                TOP + first_y + 20.0 * i as f64,
                esc(line)
            );
        }
    }
    // The rows.
    for (r, st) in o.statements.iter().enumerate() {
        let y = TOP + HEAD_H + CELL_H * r as f64;
        let _ = writeln!(
            s,
            "<text x=\"20\" y=\"{:.1}\" font-size=\"20\" fill=\"#1a1a1a\">{}. {}</text>",
            y + CELL_H / 2.0 + 7.0,
            r + 1,
            esc(&shorten(&st.text, LABEL_CHARS))
        );
        for (i, (col, cell)) in o.columns.iter().zip(&st.cells).take(shown).enumerate() {
            let x = LABEL_W + CELL_W * i as f64;
            let (cx, cy) = (x + CELL_W / 2.0, y + CELL_H / 2.0);
            match (col.too_small, cell) {
                (true, _) => {
                    let _ = writeln!(
                        s,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{GREYED}\"/>",
                        x + 2.0,
                        y + 2.0,
                        CELL_W - 4.0,
                        CELL_H - 4.0
                    );
                }
                (false, None) => {
                    let _ = writeln!(
                        s,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#bdbdbd\" stroke-dasharray=\"4 4\"/>",
                        x + 3.0,
                        y + 3.0,
                        CELL_W - 6.0,
                        CELL_H - 6.0
                    );
                }
                (false, Some(c)) => {
                    let colour = heat_colour(c.mean, c.scale);
                    let ink = ink(colour);
                    let _ = writeln!(
                        s,
                        "<g><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                        esc(&cell_title(lang, &col.name, &st.text, c)),
                        x + 2.0,
                        y + 2.0,
                        CELL_W - 4.0,
                        CELL_H - 4.0,
                        hex(colour)
                    );
                    let _ = writeln!(
                        s,
                        "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"24\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{ink}\">{} {}</text>",
                        cy + 2.0,
                        decimal(lang, c.mean, 1),
                        stack_sign(c.stack)
                    );
                    let mut small = format!("±{}", decimal(lang, c.spread, 1));
                    if let Some(d) = c.change {
                        small = format!("{small}  {}", change_text(lang, d));
                    }
                    let _ = writeln!(
                        s,
                        "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"17\" text-anchor=\"middle\" fill=\"{ink}\">{}</text></g>",
                        cy + 24.0,
                        esc(&small)
                    );
                }
            }
        }
    }
    legend(
        &mut s,
        o,
        lang,
        TOP + HEAD_H + CELL_H * rows as f64 + 30.0,
        shown,
    );
    s.push_str("</svg>\n");
    s
}

/// The legend under the heatmap: the colour scale, the signs, and what was left out.
fn legend(s: &mut String, o: &Overview, lang: Lang, y: f64, shown: usize) {
    let t = texts();
    let scale = o
        .statements
        .iter()
        .flat_map(|st| st.cells.iter().flatten())
        .map(|c| c.scale)
        .next()
        .unwrap_or((1, 4));
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"{:.1}\" font-size=\"18\" fill=\"#1a1a1a\">{}</text>",
        y + 20.0,
        esc(&t.format(
            lang,
            "overview-legend-low",
            &[("points", FluentValue::from(scale.0))]
        ))
    );
    for k in 0..=10 {
        let v = f64::from(scale.0) + f64::from(scale.1 - scale.0) * f64::from(k) / 10.0;
        let _ = writeln!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"28\" height=\"28\" fill=\"{}\"/>",
            150.0 + 28.0 * f64::from(k),
            y,
            hex(heat_colour(v, scale))
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"18\" fill=\"#1a1a1a\">{}</text>",
        150.0 + 28.0 * 11.0 + 12.0,
        y + 20.0,
        esc(&t.format(
            lang,
            "overview-legend-high",
            &[("points", FluentValue::from(scale.1))]
        ))
    );
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"{:.1}\" font-size=\"18\" fill=\"#1a1a1a\">{}</text>",
        y + 56.0,
        esc(&t.get(lang, "overview-legend-signs"))
    );
    let mut notes = Vec::new();
    if o.columns.iter().any(|c| c.too_small) {
        notes.push(t.format(
            lang,
            "overview-too-small-legend",
            &[("min", FluentValue::from(o.min_players))],
        ));
    }
    if o.columns.len() > shown {
        notes.push(t.format(
            lang,
            "overview-more-columns",
            &[("count", FluentValue::from(o.columns.len() - shown))],
        ));
    }
    if !notes.is_empty() {
        let _ = writeln!(
            s,
            "<text x=\"20\" y=\"{:.1}\" font-size=\"18\" fill=\"#1a1a1a\">{}</text>",
            y + 84.0,
            esc(&notes.join(" "))
        );
    }
}

/// `text` in lines of at most `per_line` characters, broken between words (a longer word keeps a line
/// of its own).
fn wrap_words(text: &str, per_line: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The heatmap as a PNG, for a slide: the same SVG, rendered on the CPU with the game's own font.
pub fn heatmap_png(o: &Overview, lang: Lang) -> Result<Vec<u8>, String> {
    let pixmap = crate::core::fonts::render_svg(&heatmap_svg(o, lang))?;
    pixmap.encode_png().map_err(|e| e.to_string())
}
