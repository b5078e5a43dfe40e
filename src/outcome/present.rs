//! The outcome presentation: every page of [`pages::outcome_pages`] drawn in the world, side by side in
//! rows, and the camera on the page being shown. The facilitator steps through the pages with the
//! buttons of the outcome panel, a finger, or the arrow keys ([`PageNav`]). The picture of the outcome
//! for the export ([`crate::outcome::picture`]) photographs all pages at once.

use super::draw::PagePainter;
use crate::app::{AppSystems, Screen};
use crate::core::session::{Action, CardRef, Stack};
use crate::game::{ActiveGame, GameMsg};
use crate::outcome::pages::{self, Page, PageKind, SHIFT_LABEL_WIDTH, What};
use crate::outcome::stacks::{self, SelectedStackCard};
use crate::table::drag::BoardCamera;
use crate::table::pawn::PawnImage;
use crate::texts::Tr;
use crate::theme::{GameFonts, Palette};
use bevy::prelude::*;
use bevy::window::RequestRedraw;

/// A step through the outcome pages, or a stack card chosen and moved from the keyboard.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageNav {
    Next,
    Previous,
    First,
    Last,
    /// Straight to the first page of a kind.
    To(PageKind),
    /// Choose the next or the previous stack card of the page.
    SelectNext,
    SelectPrevious,
    /// Move the chosen stack card to the other stack.
    MoveSelected,
    /// Choose no card.
    Deselect,
}

/// The page being shown, and what every page is, for the panel and the keys.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct OutcomeView {
    pub page: usize,
    /// Kind, part and heading of every page, in order.
    pub pages: Vec<(PageKind, String)>,
}

impl OutcomeView {
    pub(crate) fn count(&self) -> usize {
        self.pages.len().max(1)
    }
}

/// The outcome's pages, laid out once each time the session changes while they are shown
/// ([`pages::outcome_pages`]): the keys, the panel's view and the drawing all read them here.
#[derive(Resource, Debug, Default)]
pub(crate) struct OutcomePages(pub(crate) Vec<Page>);

/// Everything drawn for the outcome pages (the stack cards too), so a redraw starts clean.
#[derive(Component)]
pub struct PageItem;

/// Set when the pages are drawn without the outcome screen: the command-line export's picture.
#[derive(Resource, Default)]
pub struct DrawPagesAlways;

/// Whether the pages are in the world: on the outcome screen, or for a picture.
pub(crate) fn pages_shown(
    screen: Option<Res<State<Screen>>>,
    always: Option<Res<DrawPagesAlways>>,
) -> bool {
    always.is_some() || screen.is_some_and(|s| *s.get() == Screen::Outcome)
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PageNav>()
        .init_resource::<OutcomeView>()
        .init_resource::<SelectedStackCard>()
        .init_resource::<DrawnPage>()
        .init_resource::<OutcomePages>();
    app.add_systems(OnEnter(Screen::Outcome), start_on_the_first_page);
    app.add_systems(OnExit(Screen::Outcome), camera_home);
    app.add_systems(
        Update,
        (
            (
                lay_out_pages.run_if(
                    resource_changed::<ActiveGame>
                        .or_else(resource_added::<DrawPagesAlways>)
                        .or_else(state_changed::<Screen>),
                ),
                navigate
                    .run_if(on_message::<PageNav>)
                    .run_if(in_state(Screen::Outcome)),
            )
                .chain()
                .run_if(pages_shown)
                .in_set(AppSystems::Apply)
                .after(crate::game::apply_messages),
            (
                draw_pages.run_if(
                    resource_changed::<ActiveGame>
                        .or_else(resource_changed::<Palette>)
                        .or_else(resource_changed::<SelectedStackCard>)
                        .or_else(resource_added::<DrawPagesAlways>)
                        .or_else(page_turned)
                        .or_else(state_changed::<Screen>),
                ),
                show_page.run_if(resource_changed::<OutcomeView>),
            )
                .chain()
                .run_if(pages_shown)
                .in_set(AppSystems::Draw),
        ),
    );
}

/// Whether another page is shown than the one drawn last.
fn page_turned(view: Res<OutcomeView>, drawn: Res<DrawnPage>) -> bool {
    view.is_changed() && drawn.0 != Some(view.page)
}

/// The page whose entities are in the world (the others are drawn only for a picture).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DrawnPage(pub(crate) Option<usize>);

fn start_on_the_first_page(mut view: ResMut<OutcomeView>, mut selected: ResMut<SelectedStackCard>) {
    view.page = 0;
    selected.0 = None;
}

fn camera_home(mut cameras: Query<&mut Transform, With<BoardCamera>>) {
    for mut t in &mut cameras {
        t.translation.x = 0.0;
        t.translation.y = 0.0;
    }
}

/// Puts the board camera on the page being shown.
fn show_page(
    mut view: ResMut<OutcomeView>,
    mut cameras: Query<&mut Transform, With<BoardCamera>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let last = view.count() - 1;
    if view.page > last {
        view.page = last;
    }
    let at = pages::page_origin(view.page, view.count());
    for mut t in &mut cameras {
        if t.translation.truncate() != at {
            t.translation.x = at.x;
            t.translation.y = at.y;
            redraw.write(RequestRedraw);
        }
    }
}

/// The stack cards of a page, top to bottom, green column first.
fn cards_of(page: &Page) -> Vec<crate::core::session::CardRef> {
    page.items
        .iter()
        .filter_map(|i| match &i.what {
            What::StackCard { card, .. } => Some(card.clone()),
            _ => None,
        })
        .collect()
}

/// Lays the pages out from the session, and tells the panel's view their kinds and headings.
fn lay_out_pages(
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut pages: ResMut<OutcomePages>,
    mut view: ResMut<OutcomeView>,
) {
    let session = game.session();
    pages.0 = pages::outcome_pages(session, &tr.0);
    let titles: Vec<(PageKind, String)> = pages
        .0
        .iter()
        .map(|p| (p.kind, p.title(&tr.0, session.language)))
        .collect();
    if view.pages != titles {
        view.pages = titles;
    }
}

fn navigate(
    mut msgs: MessageReader<PageNav>,
    mut view: ResMut<OutcomeView>,
    mut selected: ResMut<SelectedStackCard>,
    game: Res<ActiveGame>,
    pages: Res<OutcomePages>,
    mut messages: MessageWriter<GameMsg>,
) {
    let session = game.session();
    let all = &pages.0;
    let last = all.len().saturating_sub(1);
    for msg in msgs.read() {
        let before = view.page;
        match *msg {
            PageNav::Next => view.page = (view.page + 1).min(last),
            PageNav::Previous => view.page = view.page.saturating_sub(1),
            PageNav::First => view.page = 0,
            PageNav::Last => view.page = last,
            PageNav::To(kind) => {
                if let Some(p) = pages::first_page_of(all, kind) {
                    view.page = p;
                }
            }
            PageNav::SelectNext | PageNav::SelectPrevious => {
                // On a page without stack cards, the keys go to the first stack page.
                if all.get(view.page).is_none_or(|p| cards_of(p).is_empty()) {
                    view.page = 0;
                }
                let cards = all.get(view.page).map(cards_of).unwrap_or_default();
                if cards.is_empty() {
                    continue;
                }
                let at = selected
                    .0
                    .as_ref()
                    .and_then(|c| cards.iter().position(|x| x == c));
                let n = cards.len();
                let i = match (at, *msg == PageNav::SelectNext) {
                    (None, true) => 0,
                    (None, false) => n - 1,
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                };
                selected.0 = Some(cards[i].clone());
            }
            PageNav::Deselect => selected.0 = None,
            PageNav::MoveSelected => {
                let Some(card) = selected.0.clone() else {
                    continue;
                };
                let Some(stack) = crate::core::tally::tally(session)
                    .cards
                    .iter()
                    .find(|c| c.card == card)
                    .and_then(|c| c.stack())
                else {
                    continue;
                };
                messages.write(GameMsg::Do(Action::OverrideStack {
                    card,
                    stack: Some(stacks::other(stack)),
                }));
            }
        }
        // Another page: the card chosen on the last one is out of sight, so Enter must not move it.
        let choosing = matches!(*msg, PageNav::SelectNext | PageNav::SelectPrevious);
        if view.page != before && !choosing && selected.0.is_some() {
            selected.0 = None;
        }
    }
}

/// A post-it line of a list, which a click marks answered (or not) when it is pink.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListPostIt {
    pub(crate) id: crate::core::session::PostItId,
    pub(crate) answered: bool,
}

/// Draws the page being shown from the session, at its place in the world; every page while the
/// picture of the outcome is taken (or for the command line's picture). One page at a time keeps a
/// heavy session (600 post-its over 70 pages) as quick to change as a light one.
#[allow(clippy::too_many_arguments)]
fn draw_pages(
    mut commands: Commands,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    fonts: Option<Res<GameFonts>>,
    disc: Option<Res<PawnImage>>,
    pal: Res<Palette>,
    selected: Res<SelectedStackCard>,
    drawn: Query<Entity, With<PageItem>>,
    (mut view, pages): (ResMut<OutcomeView>, Res<OutcomePages>),
    (always, mut drawn_page): (Option<Res<DrawPagesAlways>>, ResMut<DrawnPage>),
) {
    for e in &drawn {
        commands.entity(e).despawn();
    }
    let session = game.session();
    let lang = session.language;
    let all = &pages.0;
    let fonts = fonts.map(|f| f.clone()).unwrap_or_default();
    let disc = disc.map(|d| d.0.clone()).unwrap_or_default();
    let count = all.len();
    // With the selected card moved to another page, the view follows it.
    if selected.is_changed()
        && let Some(card) = &selected.0
        && let Some(p) = pages::page_of_card(all, card)
        && view.page != p
    {
        view.page = p;
    }
    let points = pages::scale_points(session);
    let chart = Chart::new(&points);
    let every_page = always.is_some();
    let shown = view.page.min(count.saturating_sub(1));
    drawn_page.0 = Some(shown);
    // The stack of every card, once: the shift chart colours each row's plenary by it.
    let stacks: Vec<(CardRef, Option<Stack>)> = crate::core::tally::tally(session)
        .cards
        .iter()
        .map(|c| (c.card.clone(), c.stack()))
        .collect();
    for (index, page) in all.iter().enumerate() {
        if !every_page && index != shown {
            continue;
        }
        let mut painter = PagePainter {
            commands: &mut commands,
            tr: &tr.0,
            lang,
            fonts: &fonts,
            disc: &disc,
            pal: &pal,
            selected: selected.0.as_ref(),
            chart: &chart,
            points: &points,
            stacks: &stacks,
            origin: pages::page_origin(index, count),
            index,
        };
        painter.page(page, count);
        for item in &page.items {
            painter.item(item);
        }
    }
}

/// Where points stand along the shift chart.
pub(super) struct Chart {
    pub(super) left: f32,
    pub(super) right: f32,
    low: f64,
    high: f64,
}

impl Chart {
    pub(super) fn new(points: &[i32]) -> Chart {
        let area = pages::content_rect();
        let low = points.first().copied().unwrap_or(0);
        let high = points.last().copied().unwrap_or(1).max(low + 1);
        Chart {
            left: area.min.x + SHIFT_LABEL_WIDTH + 70.0,
            right: area.max.x - 30.0,
            low: f64::from(low),
            high: f64::from(high),
        }
    }

    pub(super) fn x(&self, v: f64) -> f32 {
        let t = ((v - self.low) / (self.high - self.low)).clamp(0.0, 1.0) as f32;
        self.left + t * (self.right - self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_spans_the_scale_right_of_the_labels() {
        let c = Chart::new(&[1, 2, 3, 4]);
        assert_eq!(c.x(1.0), c.left);
        assert_eq!(c.x(4.0), c.right);
        assert!(c.x(2.5) > c.left && c.x(2.5) < c.right);
        assert!(c.left > pages::content_rect().min.x + SHIFT_LABEL_WIDTH);
        // One point only: no division by zero.
        let one = Chart::new(&[3]);
        assert!(one.x(3.0).is_finite());
    }
}
