//! The report's first page, for whoever was not in the room (a manager, a board): one A4 page that
//! stands alone, with the two stacks, a chart of the largest shifts, the next steps and, in a
//! follow-up, what changed since last time. Every list is cut to what fits the page, and says how many
//! more the rest of the report holds.

use super::report::{Section, StepEntry};
use super::report_since::SinceSection;
use crate::core::i18n::{decimal_or_empty, texts};
use crate::core::session::{CardRef, Session, Stack};
use crate::core::tally::{CardTally, Tally};
use std::fmt::Write as _;

/// At most this many statements per stack on the first page.
pub(crate) const STACK_ITEMS: usize = 6;
/// At most this many rows in the first page's shift chart.
pub(crate) const CHART_ROWS: usize = 12;
/// At most this many next steps on the first page.
pub(crate) const STEP_ITEMS: usize = 6;
/// At most this many lines per part of "since last time" on the first page.
pub(crate) const SINCE_LINES: usize = 3;
/// A statement's text in the chart is cut to this many characters.
const CHART_TEXT_CHARS: usize = 46;
/// A line in a list on the first page is cut to this many characters.
const LINE_CHARS: usize = 150;

/// A list cut to what fits, with the line that says how many more the report holds.
pub(crate) struct Cut<T> {
    pub(crate) heading: String,
    pub(crate) items: Vec<T>,
    /// "… en nog 4 (zie verderop)", or empty when nothing was left out.
    pub(crate) more: String,
}

/// The first page of the report.
pub(crate) struct Summary {
    pub(crate) heading: String,
    /// "2026-12-03 · Leerklimaat · Team Noord · 6 spelers".
    pub(crate) facts: String,
    /// In a follow-up: the line that says which session this one is compared with, and each part cut.
    pub(crate) since: Option<(String, String, Vec<Cut<String>>)>,
    pub(crate) stacks: Vec<Cut<String>>,
    pub(crate) chart_heading: String,
    pub(crate) chart_legend: String,
    /// The chart as an inline SVG; empty when no statement was placed in both rounds.
    pub(crate) chart: String,
    pub(crate) steps: Option<Cut<StepEntry>>,
    pub(crate) step_labels: (String, String, String),
    pub(crate) none: String,
}

/// Cuts `text` to at most `max` characters, on a word boundary when there is one, with "…".
pub(crate) fn cut_text(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    let head = match head.rfind(' ') {
        Some(i) if i > head.len() / 2 => &head[..i],
        _ => head.as_str(),
    };
    format!("{}…", head.trim_end())
}

fn more_line(session: &Session, left: usize) -> String {
    if left == 0 {
        return String::new();
    }
    texts().format(session.language, "summary-more", &[("count", left.into())])
}

fn cut<T>(session: &Session, heading: String, items: Vec<T>, max: usize) -> Cut<T> {
    let left = items.len().saturating_sub(max);
    let items = items.into_iter().take(max).collect();
    Cut {
        heading,
        items,
        more: more_line(session, left),
    }
}

impl Summary {
    pub(super) fn build(
        session: &Session,
        t: &Tally,
        stacks: &[Section<String>],
        steps: &[StepEntry],
        since: Option<&SinceSection>,
    ) -> Summary {
        let lang = session.language;
        let texts = texts();
        let w = |id: &str| texts.get(lang, id);
        let mut facts = vec![session.started_at.clone(), session.deck.title.clone()];
        if !session.group.is_empty() {
            facts.push(session.group.clone());
        }
        facts.push(texts.format(
            lang,
            "summary-players",
            &[("count", session.players.len().into())],
        ));
        let stacks = stacks
            .iter()
            .map(|s| {
                let items = s.items.iter().map(|i| cut_text(i, LINE_CHARS)).collect();
                cut(session, s.heading.clone(), items, STACK_ITEMS)
            })
            .collect();
        let steps = (!steps.is_empty()).then(|| {
            let items = steps
                .iter()
                .map(|s| StepEntry {
                    text: cut_text(&s.text, LINE_CHARS),
                    owner: s.owner.clone(),
                    due: s.due.clone(),
                    from: String::new(),
                })
                .collect();
            cut(session, w("export-next-steps"), items, STEP_ITEMS)
        });
        let since = since.map(|s| {
            let parts = s
                .parts
                .iter()
                .map(|(title, lines)| {
                    let lines = lines.iter().map(|l| cut_text(l, LINE_CHARS)).collect();
                    cut(session, title.clone(), lines, SINCE_LINES)
                })
                .collect();
            (s.heading.clone(), s.compared.clone(), parts)
        });
        let rows = chart_rows(t);
        let shown = rows.len().min(CHART_ROWS);
        let which = texts.format(
            lang,
            if shown < rows.len() {
                "summary-chart-some"
            } else {
                "summary-chart-all"
            },
            &[("shown", shown.into()), ("count", rows.len().into())],
        );
        let legend = w(if session.follows.is_some() {
            "summary-chart-legend-follow-up"
        } else {
            "summary-chart-legend"
        });
        let chart_legend = format!("{which}. {legend}");
        Summary {
            heading: w("summary-heading"),
            facts: facts.join(" · "),
            since,
            stacks,
            chart_heading: w("export-shifts"),
            chart_legend,
            chart: shift_chart(session, &rows[..shown]),
            steps,
            step_labels: (w("export-step"), w("export-owner"), w("export-due")),
            none: w("export-none"),
        }
    }
}

/// The statements placed in both rounds, the largest shift of the mean first (then in deck order).
fn chart_rows(t: &Tally) -> Vec<&CardTally> {
    let mut rows: Vec<&CardTally> = t
        .cards
        .iter()
        .filter(|c| !c.skipped && c.first.mean.is_some() && c.plenary.mean.is_some())
        .collect();
    let moved = |c: &CardTally| (c.plenary.mean.unwrap_or(0.0) - c.first.mean.unwrap_or(0.0)).abs();
    rows.sort_by(|a, b| moved(b).total_cmp(&moved(a)));
    rows
}

/// One row per statement: its text, then the scale of the deck with an open dot at the first round's
/// mean, an arrow to a filled dot at the plenary's, coloured by the stack it ended on (green or
/// magenta, which colour-blind readers tell apart, with a sign), and in a follow-up a bar where the
/// group stood last time.
fn shift_chart(session: &Session, rows: &[&CardTally]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let squares = &session.deck.scale.squares;
    let lo = squares.iter().map(|s| s.points).min().unwrap_or(0) as f64;
    let hi = squares.iter().map(|s| s.points).max().unwrap_or(1) as f64;
    let span = (hi - lo).max(1.0);
    let (width, text_w, value_w, pad, row_h, top) = (680.0, 300.0, 48.0, 16.0, 22.0, 8.0);
    let x_of = |v: f64| text_w + pad + (v - lo) / span * (width - text_w - value_w - 2.0 * pad);
    let height = top + row_h * rows.len() as f64 + 26.0;
    let mut svg = format!(
        "<svg class=\"shift\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\">"
    );
    let axis_y = top + row_h * rows.len() as f64;
    for sq in squares {
        let x = x_of(f64::from(sq.points));
        let _ = write!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{axis_y:.1}\" stroke=\"#ccc\"/>\
<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
            axis_y + 16.0,
            sq.points
        );
    }
    for (i, c) in rows.iter().enumerate() {
        let y = top + row_h * i as f64 + row_h / 2.0;
        let (first, plenary) = (c.first.mean.unwrap_or(lo), c.plenary.mean.unwrap_or(lo));
        let (colour, sign) = match c.stack() {
            Some(Stack::Green) => ("#1b7837", "+"),
            Some(Stack::Red) => ("#c51b7d", "?"),
            None => ("#555", ""),
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
            y + 4.0,
            super::report::html_escape(&cut_text(&c.text, CHART_TEXT_CHARS))
        );
        if let CardRef::Statement(id) = &c.card
            && let Some(before) = session.placed_before(id).and_then(|p| p.mean)
        {
            let x = x_of(before.clamp(lo, hi));
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"16\" fill=\"#777\"/>",
                x - 1.5,
                y - 8.0
            );
        }
        let (x1, x2) = (x_of(first), x_of(plenary));
        let _ = write!(
            svg,
            "<line x1=\"{x1:.1}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"/>\
<circle cx=\"{x1:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"/>\
<circle cx=\"{x2:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{colour}\"/>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"end\" fill=\"{colour}\">{sign} {}</text>",
            width - 2.0,
            y + 4.0,
            decimal_or_empty(session.language, Some(plenary)),
        );
    }
    format!("{svg}</svg>")
}

#[cfg(test)]
mod tests {
    use super::cut_text;

    #[test]
    fn a_long_text_is_cut_on_a_word_with_an_ellipsis() {
        assert_eq!(cut_text("kort", 10), "kort");
        let cut = cut_text("Medewerkers voelen zich verbonden met de organisatie", 30);
        assert_eq!(cut, "Medewerkers voelen zich…");
        assert!(cut.chars().count() <= 30);
        let one_word = cut_text(&"a".repeat(50), 10);
        assert_eq!(one_word.chars().count(), 10);
    }
}
