//! The board in the world: the squares of the scale with their labels, the waiting row for pawns, and
//! the statement (or case) card with its theme, prompt, progress and, in the plenary, the shift.

use super::fill::Fill;
use super::layout::{self, STATEMENT_FONT};
use crate::app::{AppSystems, AtTable, Screen};
use crate::core::i18n::Texts;
use crate::core::session::{CardRef, Round, Session, Stack, Stage};
use crate::core::tally::tally_card;
use crate::game::{ActiveGame, CardClock};
use crate::texts::Tr;
use crate::theme::{GameFonts, Palette, font};
use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{LineBreak, TextBounds};
use fluent_bundle::FluentValue;

/// One square of the scale; the number is its index from the left.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoardSquare(pub usize);

/// The entities of the board itself: its squares and the waiting row.
type BoardParts = Or<(With<BoardSquare>, With<WaitingRow>)>;

/// The row where pawns wait that are not on the board.
#[derive(Component)]
pub(crate) struct WaitingRow;

/// The card on the table, with what it shows, so it is redrawn only when that changes.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct StatementCard(pub CardView);

/// The edge of a rectangle as four strips inside `outer` (centred on its parent), `[left, right, top,
/// bottom]` wide, at `z` above the parent: an edge drawn without filling what it surrounds twice.
pub(super) fn frame(
    outer: Vec2,
    [left, right, top, bottom]: [f32; 4],
    colour: Color,
    z: f32,
) -> [(Sprite, Transform, Pickable); 4] {
    let side = outer.y - top - bottom;
    let middle = (bottom - top) / 2.0;
    let strip = |size: Vec2, x: f32, y: f32| {
        (
            Sprite::from_color(colour, size),
            Transform::from_xyz(x, y, z),
            Pickable::IGNORE,
        )
    };
    [
        strip(Vec2::new(outer.x, top), 0.0, (outer.y - top) / 2.0),
        strip(Vec2::new(outer.x, bottom), 0.0, -(outer.y - bottom) / 2.0),
        strip(Vec2::new(left, side), -(outer.x - left) / 2.0, middle),
        strip(Vec2::new(right, side), (outer.x - right) / 2.0, middle),
    ]
}

/// The clock on the card.
#[derive(Component)]
pub(crate) struct TimerText;

/// Everything the card shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardView {
    pub(crate) card: Option<CardRef>,
    pub(crate) header: String,
    pub(crate) text: String,
    pub(crate) footer: String,
    pub extra: String,
    /// Beside the text, in the card's right half: the deck's questions for a case.
    pub(crate) side: String,
    /// Drawn in the high-contrast palette.
    pub(crate) high_contrast: bool,
}

pub(super) fn plugin(app: &mut App) {
    for screen in [Screen::Play, Screen::Plenary] {
        app.add_systems(OnEnter(screen), spawn_board);
    }
    app.add_systems(
        Update,
        (
            spawn_board
                .run_if(resource_changed::<Palette>.and_then(not(resource_added::<Palette>))),
            draw_card.run_if(
                resource_changed::<ActiveGame>
                    .or_else(state_changed::<Screen>)
                    .or_else(resource_changed::<Palette>),
            ),
            tick_timer,
        )
            .run_if(in_state(AtTable))
            .in_set(AppSystems::Draw),
    );
    app.add_systems(OnEnter(Screen::Setup), spawn_setup_backdrop);
}

/// Wrapped text in the world, `width` wide, placed by `anchor`.
fn text2d(
    text: impl Into<String>,
    font: TextFont,
    colour: Color,
    width: f32,
    justify: Justify,
    anchor: Anchor,
) -> impl Bundle {
    (
        Text2d::new(text),
        font,
        TextColor(colour),
        TextLayout::new(justify, LineBreak::WordBoundary),
        TextBounds::new_horizontal(width),
        anchor,
    )
}

/// The squares and the waiting row, drawn once per screen: the scale does not change during a game.
pub(crate) fn spawn_board(
    mut commands: Commands,
    game: Res<ActiveGame>,
    fonts: Option<Res<GameFonts>>,
    tr: Res<Tr>,
    screen: Res<State<Screen>>,
    pal: Res<Palette>,
    old: Query<Entity, BoardParts>,
) {
    // Drawn again when the palette changes: the old board goes first.
    for e in &old {
        commands.entity(e).despawn();
    }
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let screen = *screen.get();
    let session = game.session();
    let squares = &session.deck.scale.squares;
    for (i, (rect, square)) in layout::square_rects(squares.len())
        .iter()
        .zip(squares)
        .enumerate()
    {
        commands.spawn((
            BoardSquare(i),
            Name::new(format!("square {i}")),
            Fill::new(pal.square, rect.size()),
            Transform::from_translation(rect.center().extend(0.0)),
            DespawnOnExit(screen),
            children![
                (
                    Sprite::from_color(pal.square_edge, Vec2::new(rect.width(), 6.0)),
                    Transform::from_xyz(0.0, rect.height() / 2.0 - 3.0, 0.1),
                ),
                (
                    text2d(
                        format!("{}\n{}", square.points, square.label),
                        font(&fonts, layout::LABEL_FONT, true),
                        pal.ink,
                        rect.width() - 16.0,
                        Justify::Center,
                        Anchor::TOP_CENTER
                    ),
                    Transform::from_xyz(0.0, rect.height() / 2.0 - 12.0, 0.2),
                ),
            ],
        ));
    }
    let pool = layout::pool_rect();
    commands.spawn((
        Name::new("waiting row"),
        WaitingRow,
        Fill::new(pal.pool, pool.size()),
        Transform::from_translation(pool.center().extend(-0.5)),
        DespawnOnExit(screen),
        children![(
            text2d(
                tr.0.get(session.language, "play-waiting"),
                font(&fonts, layout::SMALL_FONT, false),
                pal.ink_soft,
                180.0,
                Justify::Left,
                Anchor::CENTER_LEFT
            ),
            Transform::from_xyz(-pool.width() / 2.0 + 14.0, 0.0, 0.1),
        )],
    ));
}

/// What the card shows for the session as it is now.
pub fn card_view(session: &Session, tr: &Texts) -> CardView {
    let lang = session.language;
    let Some((card, round)) = session.active_card() else {
        return CardView::default();
    };
    let header = match (&card, round) {
        (CardRef::Case(id), _) => tr.format(lang, "play-case-of", &[("n", FluentValue::from(*id))]),
        (_, Round::First) => {
            // The statement's number among the statements: cases in between do not count.
            let n = session
                .play_cards()
                .iter()
                .take(session.current + 1)
                .filter(|c| matches!(c, CardRef::Statement(_)))
                .count();
            let total = session.play_order.len();
            let theme = match &card {
                CardRef::Statement(id) => session.deck.statement(id).and_then(|s| s.theme.clone()),
                CardRef::Case(_) => None,
            };
            let count = tr.format(
                lang,
                "play-statement-of",
                &[("n", n.into()), ("total", total.into())],
            );
            let count = match theme {
                Some(t) => format!("{count}  ·  {t}"),
                None => count,
            };
            if session.record(&card).is_some_and(|r| r.skipped) {
                format!("{count}  ·  {}", tr.get(lang, "card-skipped-badge"))
            } else {
                count
            }
        }
        (_, Round::Plenary) => tr.format(
            lang,
            "plenary-card-of",
            &[
                ("n", (session.plenary_current + 1).into()),
                ("total", session.plenary_cards().len().into()),
            ],
        ),
    };
    let (text, footer, side) = match &card {
        CardRef::Statement(id) => {
            let st = session.deck.statement(id);
            (
                st.map_or_else(|| id.clone(), |s| s.text.clone()),
                st.and_then(|s| s.prompt.clone()).unwrap_or_default(),
                String::new(),
            )
        }
        CardRef::Case(id) => {
            let case = session.case(*id);
            let by = case
                .and_then(|c| c.brought_by)
                .and_then(|p| session.player(p))
                .map(|p| format!("{}: {}", tr.get(lang, "case-brought-by"), p.name));
            let desc = case.map(|c| c.description.clone()).unwrap_or_default();
            // The deck's questions for a case, where the group needs them: on the case card.
            let prompts = session
                .deck
                .case_prompts
                .iter()
                .map(|p| format!("• {p}"))
                .collect::<Vec<_>>()
                .join("\n");
            (
                case.map(|c| c.title.clone()).unwrap_or_default(),
                [Some(desc), by]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
                prompts,
            )
        }
    };
    let n = |v: f64| crate::core::i18n::decimal(lang, v, 1);
    let extra = if round == Round::Plenary {
        let t = tally_card(session, &card);
        match (t.first.mean, t.plenary.mean) {
            (Some(a), Some(b)) => format!(
                "{}: {} → {} ({}{})",
                tr.get(lang, "plenary-shift"),
                n(a),
                n(b),
                if b >= a { "+" } else { "" },
                n(b - a)
            ),
            (Some(a), None) => format!("{}: {}", tr.get(lang, "plenary-first"), n(a)),
            _ => String::new(),
        }
    } else {
        // Names are shown as typed: "J. de Vries" keeps its dot.
        session
            .teller
            .and_then(|t| session.player(t))
            .map(|p| format!("{}: {}", tr.get(lang, "play-teller"), p.name))
            .unwrap_or_default()
    };
    // In a follow-up: how many questions of last time are still open at this statement (the
    // facilitator's button shows them to the room, large, to mark answered).
    let open = match &card {
        CardRef::Statement(id) => session.earlier_questions_at(id).filter(|(_, a)| !a).count(),
        CardRef::Case(_) => 0,
    };
    let extra = match (open, extra.is_empty()) {
        (0, _) => extra,
        (n, true) => tr.count(lang, "last-time-open-count", n),
        (n, false) => format!("{extra}  ·  {}", tr.count(lang, "last-time-open-count", n)),
    };
    // In the plenary the foot of the board holds the ghosts of the first round, so last time's
    // words go on the card, after the shift; the mark stays on the board.
    let extra = match (&card, round) {
        (CardRef::Statement(id), Round::Plenary) => match session.placed_before(id) {
            Some(before) => {
                let words = format!(
                    "▲ {}",
                    last_time_words(session, tr, session.follows.as_deref(), before)
                );
                if extra.is_empty() {
                    words
                } else {
                    format!("{extra}  ·  {words}")
                }
            }
            None => extra,
        },
        _ => extra,
    };
    CardView {
        card: Some(card),
        header,
        text,
        footer,
        extra,
        side,
        high_contrast: false,
    }
}

/// "Last time (date): 2.5 (red stack)", at the foot of last time's mark on the board.
fn last_time_words(
    session: &Session,
    tr: &Texts,
    last: Option<&crate::core::session::LastTime>,
    before: &crate::core::session::PlacedBefore,
) -> String {
    let lang = session.language;
    let date = last
        .and_then(|l| l.started_at.split_whitespace().next())
        .unwrap_or_default();
    let mut words = tr.format(lang, "last-time", &[("date", date.into())]);
    if let Some(mean) = before.mean {
        words = format!("{words}: {}", crate::core::i18n::decimal(lang, mean, 1));
    }
    match before.stack {
        Some(Stack::Green) => format!("{words} ({})", tr.get(lang, "last-time-green")),
        Some(Stack::Red) => format!("{words} ({})", tr.get(lang, "last-time-red")),
        None => words,
    }
}

/// Where last time's mean stood on the board: between the squares' middles, as far as the mean of
/// the squares the pawns stood on.
pub(crate) fn last_time_x(squares: &[usize], count: usize) -> Option<f32> {
    if squares.is_empty() {
        return None;
    }
    let rects = layout::square_rects(count);
    let at = squares
        .iter()
        .map(|s| (*s).min(count - 1) as f32)
        .sum::<f32>()
        / squares.len() as f32;
    let low = at.floor() as usize;
    let high = (low + 1).min(count - 1);
    let (a, b) = (rects[low].center().x, rects[high].center().x);
    Some(a + (b - a) * (at - low as f32))
}

/// Redraws the card when what it shows changed.
pub(crate) fn draw_card(
    mut commands: Commands,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    fonts: Option<Res<GameFonts>>,
    cards: Query<(Entity, &StatementCard)>,
    screen: Res<State<Screen>>,
    pal: Res<Palette>,
) {
    let mut view = card_view(game.session(), &tr.0);
    view.high_contrast = pal.high_contrast;
    if let Ok((_, existing)) = cards.single()
        && existing.0 == view
    {
        return;
    }
    for (e, _) in &cards {
        commands.entity(e).despawn();
    }
    if view.card.is_none() {
        return;
    }
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let rect = layout::card_rect();
    let full = rect.width() - 56.0;
    // With questions beside it, the text keeps the left half of the card.
    let inner = if view.side.is_empty() {
        full
    } else {
        full / 2.0 - 16.0
    };
    let (w, h) = (rect.width(), rect.height());
    let is_case = matches!(view.card, Some(CardRef::Case(_)));
    let plenary = game.session().stage == Stage::Plenary;
    let mut card = commands.spawn((
        StatementCard(view.clone()),
        Name::new("statement card"),
        // The card's face, with its edge as four strips around it rather than a larger sprite
        // under it: every pixel is filled once (a software renderer pays for each).
        Fill::new(if is_case { pal.case_card } else { pal.card }, rect.size()),
        Transform::from_translation(rect.center().extend(1.0)),
        DespawnOnExit(*screen.get()),
        children![
            (
                text2d(
                    view.header.clone(),
                    font(&fonts, layout::LABEL_FONT, true),
                    if plenary {
                        pal.green_stack
                    } else {
                        pal.ink_soft
                    },
                    inner,
                    Justify::Left,
                    Anchor::TOP_LEFT
                ),
                Transform::from_xyz(-w / 2.0 + 28.0, h / 2.0 - 22.0, 0.2),
            ),
            (
                text2d(
                    view.text,
                    font(&fonts, STATEMENT_FONT, true),
                    pal.ink,
                    inner,
                    Justify::Left,
                    Anchor::TOP_LEFT
                ),
                Transform::from_xyz(-w / 2.0 + 28.0, h / 2.0 - 72.0, 0.2),
            ),
            (
                text2d(
                    view.footer,
                    font(&fonts, layout::SMALL_FONT, false),
                    pal.ink_soft,
                    inner,
                    Justify::Left,
                    Anchor::BOTTOM_LEFT
                ),
                Transform::from_xyz(-w / 2.0 + 28.0, -h / 2.0 + 60.0, 0.2),
            ),
            (
                text2d(
                    view.extra,
                    font(&fonts, layout::SMALL_FONT, true),
                    pal.ink,
                    inner,
                    Justify::Left,
                    Anchor::BOTTOM_LEFT
                ),
                Transform::from_xyz(-w / 2.0 + 28.0, -h / 2.0 + 18.0, 0.2),
            ),
            (
                text2d(
                    view.side.clone(),
                    font(&fonts, layout::SMALL_FONT, false),
                    pal.ink,
                    full / 2.0 - 16.0,
                    Justify::Left,
                    Anchor::TOP_LEFT
                ),
                Transform::from_xyz(-w / 2.0 + 28.0 + full / 2.0 + 16.0, h / 2.0 - 72.0, 0.2),
            ),
            (
                TimerText,
                text2d(
                    "",
                    font(&fonts, layout::LABEL_FONT, true),
                    pal.ink_soft,
                    160.0,
                    Justify::Right,
                    Anchor::TOP_RIGHT
                ),
                Transform::from_xyz(w / 2.0 - 24.0, h / 2.0 - 22.0, 0.3),
            ),
        ],
    ));
    let edge = rect.size() + Vec2::splat(8.0);
    card.with_children(|c| {
        for strip in frame(edge, [4.0; 4], pal.card_edge, 0.1) {
            c.spawn(strip);
        }
    });
    let card = card.id();
    // In a follow-up: a mark on the board where last time's mean stood, behind the pawns, with the
    // words at its foot. It goes with the card.
    let session = game.session();
    let squares = session.deck.scale.squares.len();
    if let Some(CardRef::Statement(id)) = &view.card
        && let Some(before) = session.placed_before(id)
        && let Some(x) = last_time_x(&before.squares, squares)
    {
        let board = layout::board_rect();
        // The bar stands above its words, so it crosses no letter of them.
        let words_room = layout::LABEL_FONT * 1.3 + 12.0;
        let height = board.height() - layout::SQUARE_LABEL_ROOM - words_room;
        let centre = rect.center();
        let at = |y: f32, z: f32| Transform::from_xyz(x - centre.x, y - centre.y, z - 1.0);
        commands.spawn((
            LastTimeMark,
            Name::new("last time's mark"),
            Sprite::from_color(pal.ink_soft.with_alpha(0.7), Vec2::new(8.0, height)),
            at(board.min.y + words_room + height / 2.0, 0.4),
            ChildOf(card),
        ));
        // The words at the mark's foot, kept inside the board; in the plenary they are on the card.
        let plenary = session
            .active_card()
            .is_some_and(|(_, round)| round == Round::Plenary);
        if plenary {
            return;
        }
        let words = last_time_words(session, &tr.0, session.follows.as_deref(), before);
        let width = 960.0;
        let x_words = x.clamp(board.min.x + width / 2.0, board.max.x - width / 2.0);
        commands.spawn((
            LastTimeMark,
            text2d(
                format!("▲ {words}"),
                font(&fonts, layout::LABEL_FONT, true),
                pal.ink,
                width,
                Justify::Center,
                Anchor::BOTTOM_CENTER,
            ),
            Transform::from_xyz(x_words - centre.x, board.min.y + 6.0 - centre.y, -0.55),
            ChildOf(card),
        ));
    }
}

/// Last time's mean on the board, in a follow-up.
#[derive(Component)]
pub(crate) struct LastTimeMark;

/// Shows the clock on the card when the timer is on; it turns red after its limit.
fn tick_timer(
    clock: Res<CardClock>,
    pal: Res<Palette>,
    mut timers: Query<(&mut Text2d, &mut TextColor), With<TimerText>>,
) {
    // The timer counts from when it was started; the card's own time goes on underneath.
    let secs = clock.seconds().saturating_sub(clock.shown_from);
    let shown = if clock.shown {
        format!("{:02}:{:02}", secs / 60, secs % 60)
    } else {
        String::new()
    };
    let colour = if secs >= clock.limit_minutes * 60 {
        pal.red_stack
    } else {
        pal.ink_soft
    };
    for (mut text, mut c) in &mut timers {
        if text.0 != shown {
            text.0.clone_from(&shown);
        }
        if c.0 != colour {
            c.0 = colour;
        }
    }
}

/// The title on the setup screen, behind the panels.
fn spawn_setup_backdrop(mut commands: Commands, fonts: Option<Res<GameFonts>>, pal: Res<Palette>) {
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    commands.spawn((
        Name::new("setup title"),
        Text2d::new("Leerklimaat"),
        font(&fonts, 96.0, true),
        TextColor(pal.card_edge.with_alpha(0.12)),
        Transform::from_xyz(0.0, 380.0, -1.0),
        DespawnOnExit(Screen::Setup),
    ));
}
