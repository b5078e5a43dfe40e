//! The workshop around the game, in the world: the screen of a programme phase with its title, its
//! question, and what the group typed: the warm-up's word cloud ([`cloud_layout`]), the learning
//! questions, or the closing round beside them. The panel that types them and the programme bar are in
//! [`ui`].

pub mod ui;

use crate::app::{AppSystems, Screen};
use crate::core::deck::PhaseKind;
use crate::core::programme::{CloudWord, word_cloud};
use crate::game::ActiveGame;
use crate::texts::Tr;
use crate::theme::{GameFonts, Palette, font};
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};

/// Something drawn on the programme screen.
#[derive(Component)]
pub(crate) struct ProgrammeItem;

/// A word of the cloud, as drawn.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct CloudWordShown {
    pub word: String,
    pub count: usize,
}

/// Body text on the programme screen: as large as on the outcome pages.
const BODY: f32 = crate::outcome::pages::BODY_FONT;
/// The review's step under review: its column's width from the left edge.
const STEP_W: f32 = 1000.0;
/// The review's list of steps: where its column starts, its width, and the characters of a step in it.
const LIST_X: f32 = 140.0;
const LIST_W: f32 = 760.0;
const LIST_CHARS: usize = 24;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw_programme
            .run_if(
                resource_changed::<ActiveGame>
                    .or_else(state_changed::<Screen>)
                    .or_else(resource_changed::<Palette>),
            )
            .run_if(in_state(Screen::Programme))
            .in_set(AppSystems::Draw),
    );
}

/// Where the cloud may spread, in world units.
pub(crate) fn cloud_rect() -> Rect {
    Rect::new(-900.0, -300.0, 900.0, 260.0)
}

/// The font size of a word typed `count` times.
fn word_size(count: usize, scale: f32) -> f32 {
    ((52.0 + 30.0 * (count.saturating_sub(1)) as f32).min(160.0)) * scale
}

/// An estimate of a word's width at `size`.
fn word_width(word: &str, size: f32) -> f32 {
    word.chars().count() as f32 * size * 0.58
}

/// A row of the cloud: its words with their size and width, and the width used.
type CloudRow = (Vec<(CloudWord, f32, f32)>, f32);

/// The words of the cloud in centred rows, the most frequent first (in the middle row), each at a
/// size that grows with how often it was typed. When they do not fit, all shrink together. Returns
/// (word, centre, font size).
pub(crate) fn cloud_layout(words: &[CloudWord], area: Rect) -> Vec<(CloudWord, Vec2, f32)> {
    let gap = 36.0;
    let mut scale = 1.0f32;
    loop {
        let mut rows: Vec<CloudRow> = vec![(Vec::new(), 0.0)];
        for w in words {
            let size = word_size(w.count, scale);
            let width = word_width(&w.word, size);
            let (row, used) = rows.last_mut().expect("a row");
            if !row.is_empty() && *used + gap + width > area.width() {
                rows.push((Vec::new(), 0.0));
            }
            let (row, used) = rows.last_mut().expect("a row");
            *used += if row.is_empty() { width } else { gap + width };
            row.push((w.clone(), size, width));
        }
        let heights: Vec<f32> = rows
            .iter()
            .map(|(r, _)| r.iter().map(|(_, s, _)| s * 1.35).fold(0.0, f32::max))
            .collect();
        let total: f32 = heights.iter().sum();
        if total <= area.height() || scale < 0.2 {
            // The biggest words in the middle: rows are put in the order middle, above, below, ...
            let mut order: Vec<usize> = Vec::new();
            let n = rows.len();
            let mid = n / 2;
            order.push(mid);
            for d in 1..=n {
                if mid >= d {
                    order.push(mid - d);
                }
                if mid + d < n {
                    order.push(mid + d);
                }
            }
            order.truncate(n);
            // Row i of the flow goes to place order[i], top to bottom.
            let mut placed: Vec<Option<(CloudRow, f32)>> = vec![None; n];
            for (i, (row, h)) in rows.into_iter().zip(heights).enumerate() {
                placed[order[i]] = Some((row, h));
            }
            let mut out = Vec::new();
            let mut y = area.center().y + total / 2.0;
            for ((row, used), h) in placed.into_iter().flatten() {
                let mut x = area.center().x - used / 2.0;
                for (w, size, width) in row {
                    out.push((w, Vec2::new(x + width / 2.0, y - h / 2.0), size));
                    x += width + gap;
                }
                y -= h;
            }
            return out;
        }
        scale *= 0.85;
    }
}

/// Spawns a text in the programme screen.
fn text(
    commands: &mut Commands,
    s: String,
    at: Vec2,
    (size, bold): (f32, bool),
    width: f32,
    colour: Color,
    fonts: &GameFonts,
) {
    commands.spawn((
        ProgrammeItem,
        Text2d::new(s),
        font(fonts, size, bold),
        TextColor(colour),
        TextLayout::new(Justify::Left, LineBreak::WordBoundary),
        TextBounds::new(width, 2000.0),
        Anchor::TOP_LEFT,
        Transform::from_translation(at.extend(2.0)),
        DespawnOnExit(Screen::Programme),
    ));
}

fn draw_programme(
    mut commands: Commands,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    fonts: Option<Res<GameFonts>>,
    pal: Res<Palette>,
    drawn: Query<Entity, With<ProgrammeItem>>,
) {
    for e in &drawn {
        commands.entity(e).despawn();
    }
    let session = game.session();
    let Some(item) = session.current_phase() else {
        return;
    };
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let lang = session.language;
    text(
        &mut commands,
        item.title.clone(),
        // Below the programme bar's margin, as the outcome pages' headings.
        crate::outcome::pages::heading_spot(),
        (crate::outcome::pages::HEADING_FONT, true),
        1800.0,
        pal.ink,
        &fonts,
    );
    let mut top = 380.0;
    if !item.text.is_empty() {
        text(
            &mut commands,
            item.text.clone(),
            Vec2::new(-900.0, top),
            (BODY * 1.25, false),
            1800.0,
            pal.ink,
            &fonts,
        );
        top -= crate::outcome::pages::text_height(&item.text, BODY * 1.25, 1800.0) + 30.0;
    }
    match item.kind {
        PhaseKind::WarmUp => {
            let words = word_cloud(session);
            if words.is_empty() {
                text(
                    &mut commands,
                    tr.0.get(lang, "programme-no-words"),
                    Vec2::new(-900.0, top),
                    (BODY, false),
                    1800.0,
                    pal.ink_soft,
                    &fonts,
                );
            }
            let area = Rect::new(
                -900.0,
                cloud_rect().min.y,
                900.0,
                top.min(cloud_rect().max.y),
            );
            for (w, at, size) in cloud_layout(&words, area) {
                commands.spawn((
                    ProgrammeItem,
                    CloudWordShown {
                        word: w.word.clone(),
                        count: w.count,
                    },
                    Text2d::new(w.word),
                    font(&fonts, size, w.count > 1),
                    // Colour says only how often: repeated words dark, single ones softer; never
                    // green or red, which would read as good or bad.
                    TextColor(if w.count > 1 { pal.ink } else { pal.ink_soft }),
                    Transform::from_translation(at.extend(2.0)),
                    DespawnOnExit(Screen::Programme),
                ));
            }
        }
        PhaseKind::LearningQuestion | PhaseKind::Closing => {
            let closing = item.kind == PhaseKind::Closing;
            // Two columns of players when there are many.
            let columns = if session.players.len() > 6 { 2 } else { 1 };
            let width = 1800.0 / columns as f32 - 40.0;
            let rows = session.players.len().div_ceil(columns).max(1);
            let step = ((top - cloud_rect().min.y) / rows as f32).min(170.0);
            for (i, p) in session.players.iter().enumerate() {
                let x = -900.0 + (i / rows) as f32 * (width + 40.0);
                let y = top - (i % rows) as f32 * step;
                let question = session.learning_questions.get(&p.id);
                let (line, soft) = if closing {
                    let said = session.takeaways.get(&p.id).cloned().unwrap_or_default();
                    // Without a learning-question round nobody was asked, so nothing is missing.
                    let asked_at_all = session.phase_of_kind(PhaseKind::LearningQuestion).is_some();
                    let asked = match question {
                        Some(q) => Some(format!("{} {q}", tr.0.get(lang, "programme-learning-of"))),
                        None if asked_at_all => Some(tr.0.get(lang, "programme-no-learning")),
                        None => None,
                    };
                    (format!("{}: {said}", p.name), asked)
                } else {
                    (
                        format!("{}: {}", p.name, question.cloned().unwrap_or_default()),
                        None,
                    )
                };
                let small = if columns > 1 { BODY * 0.95 } else { BODY };
                text(
                    &mut commands,
                    line,
                    Vec2::new(x, y),
                    (small, true),
                    width,
                    pal.ink,
                    &fonts,
                );
                if let Some(soft) = soft {
                    text(
                        &mut commands,
                        soft,
                        Vec2::new(x + 40.0, y - small * 1.35),
                        (small * 0.95, false),
                        width - 40.0,
                        pal.ink_soft,
                        &fonts,
                    );
                }
            }
        }
        PhaseKind::Review => draw_review(&mut commands, session, &tr.0, top, &pal, &fonts),
        PhaseKind::Talk | PhaseKind::Game | PhaseKind::Plenary => {}
    }
}

/// `text` on one line of at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        flat.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// The review of a follow-up: on the left the step of last time under review, large, with who took it
/// on, when, and what the group says became of it; on the right the count per status and every step
/// with its sign (as many as fit, around the one under review), so the room sees how far it got.
fn draw_review(
    commands: &mut Commands,
    session: &crate::core::session::Session,
    tr: &crate::core::i18n::Texts,
    mut top: f32,
    pal: &Palette,
    fonts: &GameFonts,
) {
    use fluent_bundle::FluentValue;
    let lang = session.language;
    let Some(last) = &session.follows else {
        text(
            commands,
            tr.get(lang, "review-not-a-follow-up"),
            Vec2::new(-900.0, top),
            (BODY, false),
            1800.0,
            pal.ink_soft,
            fonts,
        );
        return;
    };
    let Some(step) = session.step_under_review() else {
        text(
            commands,
            tr.get(lang, "review-no-steps"),
            Vec2::new(-900.0, top),
            (BODY, false),
            1800.0,
            pal.ink_soft,
            fonts,
        );
        return;
    };
    let line = |commands: &mut Commands,
                top: &mut f32,
                s: String,
                (size, bold): (f32, bool),
                soft: bool| {
        text(
            commands,
            s.clone(),
            Vec2::new(-900.0, *top),
            (size, bold),
            STEP_W,
            if soft { pal.ink_soft } else { pal.ink },
            fonts,
        );
        *top -= crate::outcome::pages::text_height(&s, size, STEP_W) + size * 0.4;
    };
    let list_top = top;
    line(
        commands,
        &mut top,
        tr.format(
            lang,
            "review-step-of",
            &[
                ("n", FluentValue::from(session.review_at + 1)),
                ("count", FluentValue::from(last.steps.len())),
            ],
        ),
        (BODY, false),
        true,
    );
    line(
        commands,
        &mut top,
        step.text.clone(),
        (BODY * 1.4, true),
        false,
    );
    line(
        commands,
        &mut top,
        tr.format(
            lang,
            "review-who-when",
            &[
                ("owner", FluentValue::from(step.owner.as_str())),
                (
                    "due",
                    FluentValue::from(if step.due.is_empty() {
                        "none"
                    } else {
                        step.due.as_str()
                    }),
                ),
            ],
        ),
        (BODY, false),
        false,
    );
    let review = session.reviews.get(&step.id);
    let status = match review.and_then(|r| r.status) {
        Some(s) => format!("{} {}", s.sign(), tr.get(lang, s.key())),
        None => tr.get(lang, "review-unmarked"),
    };
    line(
        commands,
        &mut top,
        status,
        (BODY * 1.2, true),
        review.is_none(),
    );
    if let Some(r) = review.filter(|r| !r.line.is_empty()) {
        line(
            commands,
            &mut top,
            format!("“{}”", r.line),
            (BODY, false),
            false,
        );
    }
    // The right column: the count per status, then every step with its sign.
    let summary = crate::core::since::review_summary(session, tr);
    text(
        commands,
        summary.clone(),
        Vec2::new(LIST_X, list_top),
        (BODY, true),
        LIST_W,
        pal.ink,
        fonts,
    );
    let mut top =
        list_top - crate::outcome::pages::text_height(&summary, BODY, LIST_W) - BODY * 0.6;
    let row = BODY * 1.35;
    let rows = (((top - cloud_rect().min.y) / row).floor() as usize).max(1);
    let first = session
        .review_at
        .saturating_sub(rows / 2)
        .min(last.steps.len().saturating_sub(rows));
    for (i, s) in last.steps.iter().enumerate().skip(first).take(rows) {
        let sign = session
            .reviews
            .get(&s.id)
            .and_then(|r| r.status)
            .map_or("○", |st| st.sign());
        let shown = format!("{sign} {}. {}", i + 1, one_line(&s.text, LIST_CHARS));
        text(
            commands,
            shown,
            Vec2::new(LIST_X, top),
            (BODY, i == session.review_at),
            LIST_W,
            if i == session.review_at {
                pal.ink
            } else {
                pal.ink_soft
            },
            fonts,
        );
        top -= row;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(counts: &[usize]) -> Vec<CloudWord> {
        counts
            .iter()
            .enumerate()
            .map(|(i, c)| CloudWord {
                word: format!("woord{i}"),
                count: *c,
            })
            .collect()
    }

    #[test]
    fn the_cloud_fits_its_area_and_grows_with_repeats() {
        let area = cloud_rect();
        for n in [1usize, 5, 40, 300] {
            let ws = words(&(0..n).map(|i| 1 + (n - i) % 5).collect::<Vec<_>>());
            let laid = cloud_layout(&ws, area);
            assert_eq!(laid.len(), n, "every word is shown");
            for (w, at, size) in &laid {
                let half = word_width(&w.word, *size) / 2.0;
                assert!(
                    at.x - half >= area.min.x - 1.0 && at.x + half <= area.max.x + 1.0,
                    "{n} words: {} inside left and right",
                    w.word
                );
                if n <= 40 {
                    assert!(area.contains(*at), "{n} words: {} inside", w.word);
                }
            }
        }
        let laid = cloud_layout(&words(&[3, 1]), area);
        assert!(laid[0].2 > laid[1].2, "a word typed three times is larger");
    }
}
