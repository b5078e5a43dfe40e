//! The game headless: `MinimalPlugins` and `StatesPlugin`, driven by messages and keys, with assertions
//! on the session and on the entities in the world.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::window::RequestRedraw;
use leerklimaat::app::Screen;
use leerklimaat::core::session::{Action, CardRef, PostItColour, Round, Stack, Stage};
use leerklimaat::core::tally::tally;
use leerklimaat::game::{ActiveGame, GameMsg};
use leerklimaat::outcome::stacks::StackCard;
use leerklimaat::table::board::{BoardSquare, StatementCard};
use leerklimaat::table::fill::Fill;
use leerklimaat::table::pawn::{GhostPawn, Pawn, PawnView, SelectedPlayer};
use leerklimaat::table::post_it::PostItNote;

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.add_message::<RequestRedraw>();
    app.add_plugins(leerklimaat::app::world_plugin);
    app.update();
    app
}

/// Sends messages and lets the app apply them, change screen and redraw.
fn send(app: &mut App, msgs: impl IntoIterator<Item = GameMsg>) {
    for m in msgs {
        app.world_mut().write_message(m);
    }
    app.update();
    app.update();
}

fn act(app: &mut App, a: Action) {
    send(app, [GameMsg::Do(a)]);
}

fn session(app: &App) -> &leerklimaat::core::session::Session {
    app.world().resource::<ActiveGame>().session()
}

fn count<C: Component>(app: &mut App) -> usize {
    app.world_mut().query::<&C>().iter(app.world()).count()
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn start_with_players(app: &mut App, names: &[&str]) {
    for n in names {
        act(
            app,
            Action::AddPlayer {
                name: (*n).into(),
                colour: None,
            },
        );
    }
    act(app, Action::StartPlay);
}

/// Every pawn stands where the session says: on its square, or in the waiting row.
fn assert_pawns_match_session(app: &mut App) {
    let s = session(app).clone();
    let (card, round) = s.active_card().expect("a card on the table");
    let mut q = app.world_mut().query::<(&Pawn, &PawnView, &Transform)>();
    let pawns: Vec<_> = q
        .iter(app.world())
        .map(|(p, v, t)| (*p, v.clone(), t.translation))
        .collect();
    assert_eq!(pawns.len(), s.players.len(), "one pawn per player");
    let squares = leerklimaat::table::layout::square_rects(s.deck.scale.squares.len());
    for (pawn, view, at) in pawns {
        let placed = s
            .record(&card)
            .and_then(|r| r.round(round).get(&pawn.player).copied());
        assert_eq!(view.square, placed, "pawn of {:?}", pawn.player);
        match placed {
            Some(sq) => assert!(
                squares[sq].contains(at.truncate()),
                "pawn drawn on square {sq}: {at}"
            ),
            None => assert!(
                leerklimaat::table::layout::pool_rect().contains(at.truncate()),
                "waiting pawn in the row: {at}"
            ),
        }
    }
}

#[test]
fn a_whole_game_through_messages() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Setup);
    start_with_players(&mut app, &["Anouk", "Bram", "Chantal", "Daan"]);
    assert_eq!(screen(&app), Screen::Play);
    assert_eq!(
        count::<BoardSquare>(&mut app),
        session(&app).deck.scale.squares.len()
    );
    assert_eq!(count::<StatementCard>(&mut app), 1);
    assert_pawns_match_session(&mut app);

    // Placements on the first statement.
    let ids: Vec<_> = session(&app).players.iter().map(|p| p.id).collect();
    let first = session(&app).current_card().unwrap();
    for (p, sq) in ids.iter().zip([0, 1, 1, 3]) {
        act(
            &mut app,
            Action::Place {
                player: *p,
                card: first.clone(),
                round: Round::First,
                square: sq,
            },
        );
    }
    assert_pawns_match_session(&mut app);

    // Post-its: one entity each, with the session's colour, text, author and card.
    act(
        &mut app,
        Action::AddPostIt {
            colour: PostItColour::Green,
            text: "Intervisie".into(),
            author: Some(ids[0]),
            card: first.clone(),
        },
    );
    act(
        &mut app,
        Action::AddPostIt {
            colour: PostItColour::Pink,
            text: "Tijd?".into(),
            author: None,
            card: first.clone(),
        },
    );
    // What the room sees of each: its text on it, and the paper in the colour of its kind.
    let pal = *app.world().resource::<leerklimaat::theme::Palette>();
    let mut q = app
        .world_mut()
        .query::<(&PostItNote, &Children, &Visibility, &Fill)>();
    let notes: Vec<_> = q
        .iter(app.world())
        .map(|(n, children, v, face)| (n.0, children.to_vec(), *v, face.colour))
        .collect();
    assert_eq!(notes.len(), 2);
    for p in &session(&app).post_its {
        let (_, children, visibility, face) = notes
            .iter()
            .find(|n| n.0 == p.id)
            .expect("entity for post-it");
        let written: Vec<String> = children
            .iter()
            .filter_map(|c| app.world().get::<Text2d>(*c).map(|t| t.0.clone()))
            .collect();
        assert!(
            written.len() == 1 && written[0].contains(&p.text),
            "post-it {:?} shows {written:?}",
            p.text
        );
        let paper = match p.colour {
            PostItColour::Green => pal.green_note,
            PostItColour::Pink => pal.pink_note,
        };
        assert_eq!(
            *face, paper,
            "post-it {:?} is not on {:?} paper",
            p.text, p.colour
        );
        let edges = children
            .iter()
            .filter(|c| {
                app.world()
                    .get::<Sprite>(**c)
                    .is_some_and(|s| s.color != paper)
            })
            .count();
        assert_eq!(edges, 4, "post-it {:?} has an edge on four sides", p.text);
        assert_ne!(*visibility, Visibility::Hidden);
    }

    // Undo removes the last post-it and its entity; redo brings both back.
    send(&mut app, [GameMsg::Undo]);
    assert_eq!(session(&app).post_its.len(), 1);
    assert_eq!(count::<PostItNote>(&mut app), 1);
    send(&mut app, [GameMsg::Redo]);
    assert_eq!(count::<PostItNote>(&mut app), 2);

    // Next statement: the post-its of the first stay, hidden; pawns wait again.
    send(&mut app, [GameMsg::Next]);
    assert_eq!(session(&app).current, 1);
    let mut q = app.world_mut().query::<(&PostItNote, &Visibility)>();
    assert!(q.iter(app.world()).all(|(_, v)| *v == Visibility::Hidden));
    assert_pawns_match_session(&mut app);
    let second = session(&app).current_card().unwrap();
    act(
        &mut app,
        Action::Place {
            player: ids[2],
            card: second.clone(),
            round: Round::First,
            square: 2,
        },
    );
    assert_pawns_match_session(&mut app);

    // A case, with a pawn and a post-it.
    act(
        &mut app,
        Action::AddCase {
            title: "Inwerken".into(),
            description: "Nieuwe collega".into(),
            brought_by: Some(ids[1]),
        },
    );
    let case = session(&app).current_card().unwrap();
    assert_eq!(case, CardRef::Case(1));
    act(
        &mut app,
        Action::Place {
            player: ids[1],
            card: case.clone(),
            round: Round::First,
            square: 3,
        },
    );
    act(
        &mut app,
        Action::AddPostIt {
            colour: PostItColour::Green,
            text: "Maatje".into(),
            author: None,
            card: case.clone(),
        },
    );
    assert_pawns_match_session(&mut app);
    assert_eq!(count::<PostItNote>(&mut app), 3);

    // Plenary: ghosts of the first placement, pawns placed again.
    act(&mut app, Action::StartPlenary);
    assert_eq!(screen(&app), Screen::Plenary);
    assert_eq!(
        session(&app).plenary_cards().len(),
        3,
        "the two statements played and the case"
    );
    assert_eq!(count::<GhostPawn>(&mut app), 4);
    assert_eq!(count::<StatementCard>(&mut app), 1);
    assert_eq!(count::<PostItNote>(&mut app), 3);
    for p in &ids {
        act(
            &mut app,
            Action::Place {
                player: *p,
                card: first.clone(),
                round: Round::Plenary,
                square: 3,
            },
        );
    }
    assert_pawns_match_session(&mut app);
    send(&mut app, [GameMsg::Next]);
    assert_eq!(session(&app).plenary_current, 1);
    assert_eq!(count::<GhostPawn>(&mut app), 1);

    // Outcome: the stacks are drawn from the tally; the play entities are gone.
    act(&mut app, Action::ShowOutcome);
    assert_eq!(screen(&app), Screen::Outcome);
    for gone in [
        count::<Pawn>(&mut app),
        count::<PostItNote>(&mut app),
        count::<StatementCard>(&mut app),
        count::<BoardSquare>(&mut app),
        count::<GhostPawn>(&mut app),
    ] {
        assert_eq!(gone, 0);
    }
    let t = tally(session(&app));
    assert_eq!(count::<StackCard>(&mut app), t.green.len() + t.red.len());
    let mut q = app.world_mut().query::<&StackCard>();
    let first_on = q
        .iter(app.world())
        .find(|c| c.card == first)
        .map(|c| c.stack);
    assert_eq!(first_on, Some(Stack::Green));
    // The facilitator moves it to the red stack.
    act(
        &mut app,
        Action::OverrideStack {
            card: first.clone(),
            stack: Some(Stack::Red),
        },
    );
    let mut q = app.world_mut().query::<&StackCard>();
    assert_eq!(
        q.iter(app.world())
            .find(|c| c.card == first)
            .map(|c| c.stack),
        Some(Stack::Red)
    );

    // The pages: one of each kind, stepped through forwards and back; the keys choose a card and
    // move it back to green, as an action.
    use leerklimaat::outcome::pages::PageKind;
    use leerklimaat::outcome::present::{OutcomeView, PageItem, PageNav};
    let view = |app: &App| app.world().resource::<OutcomeView>().clone();
    let kinds: Vec<PageKind> = view(&app).pages.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, PageKind::ALL.to_vec());
    assert_eq!(view(&app).page, 0);
    assert!(count::<PageItem>(&mut app) > 4, "the first page is drawn");
    let nav = |app: &mut App, n: PageNav| {
        app.world_mut().write_message(n);
        app.update();
        app.update();
    };
    nav(&mut app, PageNav::Next);
    // Only the page shown is in the world: the stacks are gone with their page.
    assert_eq!(count::<StackCard>(&mut app), 0);
    assert!(count::<PageItem>(&mut app) > 2, "the second page is drawn");
    nav(&mut app, PageNav::Next);
    assert_eq!(view(&app).page, 2);
    nav(&mut app, PageNav::Previous);
    assert_eq!(view(&app).page, 1);
    nav(&mut app, PageNav::Last);
    assert_eq!(view(&app).page, kinds.len() - 1);
    nav(&mut app, PageNav::Next);
    assert_eq!(view(&app).page, kinds.len() - 1, "no page after the last");
    nav(&mut app, PageNav::To(PageKind::Shift));
    assert_eq!(view(&app).pages[view(&app).page].0, PageKind::Shift);
    // ↓ on a page without cards goes to the stacks and chooses a card there.
    let mut chosen = None;
    for _ in 0..t.green.len() + t.red.len() {
        nav(&mut app, PageNav::SelectNext);
        chosen = app
            .world()
            .resource::<leerklimaat::outcome::stacks::SelectedStackCard>()
            .0
            .clone();
        if chosen.as_ref() == Some(&first) {
            break;
        }
    }
    assert_eq!(view(&app).page, 0);
    assert_eq!(
        chosen.as_ref(),
        Some(&first),
        "↓ reaches every card of the page"
    );
    nav(&mut app, PageNav::MoveSelected);
    app.update();
    assert!(
        tally(session(&app)).green.contains(&first),
        "Enter moved the chosen card back to green"
    );
    nav(&mut app, PageNav::Deselect);
    nav(&mut app, PageNav::MoveSelected);
    assert!(
        tally(session(&app)).green.contains(&first),
        "nothing chosen, nothing moved"
    );
    send(&mut app, [GameMsg::Undo]);

    // Undo walks back to the plenary screen.
    send(&mut app, [GameMsg::Undo, GameMsg::Undo]);
    assert_eq!(session(&app).stage, Stage::Plenary);
    assert_eq!(screen(&app), Screen::Plenary);
    assert_eq!(count::<StackCard>(&mut app), 0);
    assert_eq!(count::<Pawn>(&mut app), 4);
}

#[test]
fn refused_action_changes_nothing_and_is_reported() {
    let mut app = app();
    start_with_players(&mut app, &["Anouk"]);
    let before = session(&app).clone();
    act(
        &mut app,
        Action::AddPostIt {
            colour: PostItColour::Green,
            text: "  ".into(),
            author: None,
            card: before.current_card().unwrap(),
        },
    );
    assert_eq!(session(&app), &before);
    let refusal = app.world().resource::<leerklimaat::game::LastRefusal>();
    assert_eq!(
        refusal.error,
        Some(leerklimaat::core::session::ActionError::EmptyText)
    );
    assert_eq!(count::<PostItNote>(&mut app), 0);
}

/// Presses the keys in order and releases them in reverse, all within one frame: a quick chord, as
/// xdotool or a hurried hand on a slow laptop sends it.
fn press(app: &mut App, keys: &[KeyCode]) {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyboardInput};
    let event = |key_code: KeyCode, state: ButtonState| KeyboardInput {
        key_code,
        logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    };
    for k in keys {
        app.world_mut()
            .write_message(event(*k, ButtonState::Pressed));
    }
    for k in keys.iter().rev() {
        app.world_mut()
            .write_message(event(*k, ButtonState::Released));
    }
    app.update();
    app.update();
}

#[test]
fn the_keyboard_runs_the_game() {
    let mut app = app();
    start_with_players(&mut app, &["Anouk", "Bram"]);
    let first = session(&app).current_card().unwrap();
    let a = session(&app).players[0].id;
    // 1 selects Anouk; End puts her pawn on the last square, Left moves it one back.
    press(&mut app, &[KeyCode::Digit1]);
    assert_eq!(app.world().resource::<SelectedPlayer>().0, Some(a));
    press(&mut app, &[KeyCode::End]);
    press(&mut app, &[KeyCode::ArrowLeft]);
    assert_eq!(
        session(&app).record(&first).unwrap().first.get(&a),
        Some(&2)
    );
    assert_pawns_match_session(&mut app);
    // Ctrl+Z undoes the last move.
    press(&mut app, &[KeyCode::ControlLeft, KeyCode::KeyZ]);
    assert_eq!(
        session(&app).record(&first).unwrap().first.get(&a),
        Some(&3)
    );
    // Esc lets go of the player; the arrow keys then move the game on.
    press(&mut app, &[KeyCode::Escape]);
    press(&mut app, &[KeyCode::ArrowRight]);
    assert_eq!(session(&app).current, 1);
    press(&mut app, &[KeyCode::ArrowLeft]);
    assert_eq!(session(&app).current, 0);
    // Bram (2) too, then on to the plenary with Ctrl+Enter; the pawns are placed again by key.
    press(&mut app, &[KeyCode::Digit2]);
    press(&mut app, &[KeyCode::Home]);
    press(&mut app, &[KeyCode::Escape]);
    press(&mut app, &[KeyCode::ControlLeft, KeyCode::Enter]);
    assert_eq!(screen(&app), Screen::Plenary);
    for key in [KeyCode::Digit1, KeyCode::Digit2] {
        press(&mut app, &[key]);
        press(&mut app, &[KeyCode::ArrowRight]);
        press(&mut app, &[KeyCode::ArrowRight]);
    }
    let plenary = &session(&app).record(&first).unwrap().plenary;
    assert_eq!(
        plenary.len(),
        2,
        "both placed again by keyboard: {plenary:?}"
    );
    assert_pawns_match_session(&mut app);
    press(&mut app, &[KeyCode::Escape]);
    press(&mut app, &[KeyCode::ControlLeft, KeyCode::Enter]);
    assert_eq!(screen(&app), Screen::Outcome);
    assert!(!tally(session(&app)).green.is_empty() || !tally(session(&app)).red.is_empty());
}

#[test]
fn an_idle_game_asks_for_no_frames() {
    let mut app = app();
    start_with_players(&mut app, &["Anouk", "Bram"]);
    app.update();
    app.world_mut()
        .resource_mut::<Messages<RequestRedraw>>()
        .clear();
    for _ in 0..10 {
        app.update();
    }
    assert!(
        app.world().resource::<Messages<RequestRedraw>>().is_empty(),
        "no redraw without input"
    );
    // An action does ask for one.
    app.world_mut().write_message(GameMsg::Do(Action::PassTurn));
    app.update();
    assert!(!app.world().resource::<Messages<RequestRedraw>>().is_empty());
}

mod touch {
    use super::*;
    use bevy::camera::NormalizedRenderTarget;
    use bevy::picking::backend::HitData;
    use bevy::picking::events::{Click, Drag, DragEnd, DragStart, Pointer};
    use bevy::picking::pointer::{Location, PointerButton, PointerId};

    fn loc() -> Location {
        Location {
            target: NormalizedRenderTarget::None {
                width: 1920,
                height: 1080,
            },
            position: Vec2::ZERO,
        }
    }

    fn hit() -> HitData {
        HitData::new(Entity::PLACEHOLDER, 0.0, None, None)
    }

    /// A pointer presses on `target` and starts to drag it.
    fn drag_start(w: &mut World, pointer: PointerId, target: Entity) {
        w.trigger(Pointer::new(
            pointer,
            loc(),
            DragStart {
                button: PointerButton::Primary,
                hit: hit(),
            },
            target,
        ));
    }

    /// The pointer has moved `distance` screen pixels since the drag started.
    fn drag(w: &mut World, pointer: PointerId, target: Entity, distance: Vec2) {
        w.trigger(Pointer::new(
            pointer,
            loc(),
            Drag {
                button: PointerButton::Primary,
                distance,
                delta: Vec2::ZERO,
            },
            target,
        ));
    }

    /// The pointer lets go after moving `distance`.
    fn drag_end(w: &mut World, pointer: PointerId, target: Entity, distance: Vec2) {
        w.trigger(Pointer::new(
            pointer,
            loc(),
            DragEnd {
                button: PointerButton::Primary,
                distance,
            },
            target,
        ));
    }

    fn pawn_entity(app: &mut App, player: leerklimaat::core::session::PlayerId) -> (Entity, Vec2) {
        let mut q = app.world_mut().query::<(Entity, &Pawn, &Transform)>();
        q.iter(app.world())
            .find(|(_, p, _)| p.player == player)
            .map(|(e, _, t)| (e, t.translation.truncate()))
            .unwrap()
    }

    /// Two fingers drag two pawns at once, their events interleaved; each pawn follows its own finger.
    #[test]
    fn two_fingers_drag_two_pawns_at_once() {
        let mut app = app();
        start_with_players(&mut app, &["Anouk", "Bram"]);
        let ids: Vec<_> = session(&app).players.iter().map(|p| p.id).collect();
        let (a, a_home) = pawn_entity(&mut app, ids[0]);
        let (b, b_home) = pawn_entity(&mut app, ids[1]);
        let squares =
            leerklimaat::table::layout::square_rects(session(&app).deck.scale.squares.len());
        // Screen distance: y grows downward on screen.
        let to = |from: Vec2, target: Vec2| Vec2::new(target.x - from.x, from.y - target.y);
        let (ta, tb) = (squares[3].center(), squares[0].center());
        let (f1, f2) = (PointerId::Touch(1), PointerId::Touch(2));
        let w = app.world_mut();
        drag_start(w, f1, a);
        drag_start(w, f2, b);
        w.flush();
        let half = |d: Vec2| d / 2.0;
        drag(w, f1, a, half(to(a_home, ta)));
        drag(w, f2, b, half(to(b_home, tb)));
        // A stray event of finger 2 on Anouk's pawn does not move it.
        drag(w, f2, a, Vec2::new(900.0, 900.0));
        drag(w, f1, a, to(a_home, ta));
        drag(w, f2, b, to(b_home, tb));
        w.flush();
        let at = |app: &mut App, e: Entity| {
            app.world()
                .get::<Transform>(e)
                .unwrap()
                .translation
                .truncate()
        };
        assert!((at(&mut app, a) - ta).length() < 0.01);
        assert!((at(&mut app, b) - tb).length() < 0.01);
        let w = app.world_mut();
        drag_end(w, f2, b, to(b_home, tb));
        drag_end(w, f1, a, to(a_home, ta));
        app.update();
        app.update();
        let card = session(&app).current_card().unwrap();
        let first = &session(&app).record(&card).unwrap().first;
        assert_eq!(first.get(&ids[0]), Some(&3));
        assert_eq!(first.get(&ids[1]), Some(&0));
        assert_pawns_match_session(&mut app);
    }

    /// A pawn dropped outside the board goes back to where it was.
    #[test]
    fn a_pawn_dropped_outside_the_board_goes_back() {
        let mut app = app();
        start_with_players(&mut app, &["Anouk"]);
        let id = session(&app).players[0].id;
        let (a, home) = pawn_entity(&mut app, id);
        let f = PointerId::Mouse;
        let w = app.world_mut();
        drag_start(w, f, a);
        w.flush();
        drag_end(w, f, a, Vec2::new(0.0, -900.0));
        app.update();
        app.update();
        assert!(
            session(&app)
                .record(&session(&app).current_card().unwrap())
                .is_none_or(|r| r.first.is_empty())
        );
        assert_eq!(
            app.world()
                .get::<Transform>(a)
                .unwrap()
                .translation
                .truncate(),
            home
        );
    }

    /// The pointer lets go where it pressed: a click.
    fn click(w: &mut World, pointer: PointerId, target: Entity) {
        w.trigger(Pointer::new(
            pointer,
            loc(),
            Click {
                button: PointerButton::Primary,
                hit: hit(),
                duration: std::time::Duration::from_millis(120),
                count: 1,
            },
            target,
        ));
    }

    fn post_it_entity(app: &mut App) -> Entity {
        let mut q = app.world_mut().query_filtered::<Entity, With<PostItNote>>();
        q.iter(app.world()).next().expect("a post-it")
    }

    /// `bevy_picking` sends a click on the release after a drag too (before the drag's end): a moved
    /// post-it must not open its editor, a tapped one must, and a tap that wobbles a little is a tap.
    #[test]
    fn a_dragged_post_it_does_not_open_its_editor() {
        use leerklimaat::table::post_it::SelectedPostIt;
        let mut app = app();
        start_with_players(&mut app, &["Anouk"]);
        let card = session(&app).current_card().unwrap();
        act(
            &mut app,
            Action::AddPostIt {
                colour: PostItColour::Green,
                text: "Werkt al".into(),
                author: None,
                card,
            },
        );
        let note = post_it_entity(&mut app);
        let id = session(&app).post_its[0].id;
        let f = PointerId::Mouse;
        // Dragged 200 px: moved, not selected.
        let w = app.world_mut();
        drag_start(w, f, note);
        w.flush();
        drag(w, f, note, Vec2::new(200.0, 0.0));
        click(w, f, note);
        drag_end(w, f, note, Vec2::new(200.0, 0.0));
        app.update();
        app.update();
        assert_eq!(app.world().resource::<SelectedPostIt>().0, None);
        assert!(session(&app).post_its[0].at.is_some(), "moved");
        let history = app.world().resource::<ActiveGame>().game().done().len();
        // A wobbling tap (3 px): selected, and not moved again.
        let note = post_it_entity(&mut app);
        let w = app.world_mut();
        drag_start(w, f, note);
        w.flush();
        drag(w, f, note, Vec2::new(3.0, 0.0));
        click(w, f, note);
        drag_end(w, f, note, Vec2::new(3.0, 0.0));
        app.update();
        app.update();
        assert_eq!(app.world().resource::<SelectedPostIt>().0, Some(id));
        assert_eq!(
            app.world().resource::<ActiveGame>().game().done().len(),
            history,
            "a tap is not a move"
        );
        // A plain click closes the editor again.
        let note = post_it_entity(&mut app);
        click(app.world_mut(), f, note);
        app.update();
        assert_eq!(app.world().resource::<SelectedPostIt>().0, None);
    }

    /// Sprite picking reads the pawn image's alpha under the pointer: the image must keep its pixels in
    /// the main world, or no mouse or finger can grab a pawn.
    #[test]
    fn the_pawn_picture_can_be_picked() {
        let disc = leerklimaat::table::pawn::pawn_disc();
        assert!(
            disc.asset_usage
                .contains(bevy::asset::RenderAssetUsages::MAIN_WORLD)
        );
        let centre = disc.get_color_at(64, 64).expect("pixels in the main world");
        assert!(centre.alpha() > 0.9);
        let corner = disc.get_color_at(0, 0).unwrap();
        assert!(corner.alpha() < 0.1, "outside the disc is see-through");
    }
}

/// A name with a dot keeps it on the board in Dutch (the decimal comma once went over the whole line
/// and showed "J, de Vries"), and the plenary means get their comma.
#[test]
fn the_board_shows_names_with_their_dots_and_numbers_with_commas() {
    use leerklimaat::core::i18n::Texts;
    use leerklimaat::core::session::{Game, Session};
    let mut g = Game::new(Session::new(
        leerklimaat::core::deck::default_deck(),
        "2026-11-23 10:00".into(),
    ));
    for name in ["J. de Vries", "A.B. Smit"] {
        g.apply(Action::AddPlayer {
            name: name.into(),
            colour: None,
        })
        .unwrap();
    }
    g.apply(Action::StartPlay).unwrap();
    let tr = Texts::default();
    let view = leerklimaat::table::board::card_view(g.session(), &tr);
    assert!(view.extra.ends_with(": J. de Vries"), "{:?}", view.extra);
    let (card, _) = g.session().active_card().unwrap();
    let players: Vec<_> = g.session().players.iter().map(|p| p.id).collect();
    for (player, square) in players.iter().zip([1, 2]) {
        g.apply(Action::Place {
            player: *player,
            card: card.clone(),
            round: Round::First,
            square,
        })
        .unwrap();
    }
    g.apply(Action::StartPlenary).unwrap();
    let view = leerklimaat::table::board::card_view(g.session(), &tr);
    assert!(
        view.extra.contains(','),
        "a decimal comma: {:?}",
        view.extra
    );
    assert!(
        !view.extra.contains('.'),
        "no decimal point in Dutch: {:?}",
        view.extra
    );
}

/// Covered placement: the pawns wait in the row until the reveal, then walk to their squares together,
/// starting in the same frame, and stand where the session says once the walk is over.
#[test]
fn the_reveal_uncovers_every_pawn_at_once() {
    use leerklimaat::core::session::PlacementMode;
    use leerklimaat::table::pawn::{REVEAL_TIME, Revealing};
    let mut app = app();
    act(&mut app, Action::SetMode(PlacementMode::Covered));
    start_with_players(&mut app, &["Ada", "Bob", "Cas"]);
    let card = session(&app).play_cards()[0].clone();
    let ids: Vec<_> = session(&app).players.iter().map(|p| p.id).collect();
    for (player, square) in ids.iter().zip([0, 2, 3]) {
        act(
            &mut app,
            Action::Place {
                player: *player,
                card: card.clone(),
                round: Round::First,
                square,
            },
        );
    }
    // Covered: all three wait in the row, none on a square.
    let mut q = app.world_mut().query::<(&PawnView, &Transform)>();
    for (view, t) in q.iter(app.world()) {
        assert!(view.covered && view.square.is_none());
        assert!(leerklimaat::table::layout::pool_rect().contains(t.translation.truncate()));
    }
    act(
        &mut app,
        Action::Reveal {
            card: card.clone(),
            round: Round::First,
        },
    );
    let mut q = app.world_mut().query::<(&PawnView, &Revealing)>();
    let walks: Vec<(PawnView, Revealing)> =
        q.iter(app.world()).map(|(v, r)| (v.clone(), *r)).collect();
    assert_eq!(walks.len(), 3, "every placed pawn walks");
    assert!(
        walks.iter().all(|(_, r)| r.started == walks[0].1.started),
        "one moment for all"
    );
    for (view, r) in &walks {
        assert!(!view.covered);
        assert_eq!(r.to, view.home);
        assert!(leerklimaat::table::layout::pool_rect().contains(r.from));
    }
    std::thread::sleep(REVEAL_TIME + std::time::Duration::from_millis(50));
    app.update();
    app.update();
    assert_eq!(count::<Revealing>(&mut app), 0, "the walk is over");
    assert_pawns_match_session(&mut app);
}

/// The workshop around the game, through messages: the programme's screens follow its phases, the
/// warm-up's words are drawn as a cloud that groups repeats, learning questions and the closing round
/// are kept per player, and the game and the plenary sit in the programme; undo walks back.
#[test]
fn a_programme_around_the_game() {
    use leerklimaat::core::deck::PhaseKind;
    use leerklimaat::programme::CloudWordShown;
    let mut app = app();
    act(&mut app, Action::FollowProgramme(true));
    start_with_players(&mut app, &["Ada", "Bob"]);
    let kind = |app: &App| session(app).current_phase().map(|a| a.kind);
    assert_eq!(screen(&app), Screen::Programme);
    assert_eq!(kind(&app), Some(PhaseKind::Talk));
    send(&mut app, [GameMsg::NextPhase]);
    assert_eq!(kind(&app), Some(PhaseKind::WarmUp));
    let ids: Vec<_> = session(&app).players.iter().map(|p| p.id).collect();
    for (player, text) in [
        (ids[0], "Veiligheid en tijd"),
        (ids[1], "veiligheid"),
        (ids[1], "Vertrouwen"),
    ] {
        act(
            &mut app,
            Action::AddWarmUp {
                player: Some(player),
                text: text.into(),
            },
        );
    }
    let mut q = app.world_mut().query::<&CloudWordShown>();
    let mut cloud: Vec<(String, usize)> = q
        .iter(app.world())
        .map(|w| (w.word.to_lowercase(), w.count))
        .collect();
    cloud.sort();
    assert_eq!(
        cloud,
        vec![
            ("tijd".into(), 1),
            ("veiligheid".into(), 2),
            ("vertrouwen".into(), 1)
        ],
        "grouped, without \"en\""
    );
    send(&mut app, [GameMsg::NextPhase]);
    assert_eq!(kind(&app), Some(PhaseKind::LearningQuestion));
    assert_eq!(
        count::<CloudWordShown>(&mut app),
        0,
        "the cloud is gone with its screen"
    );
    act(
        &mut app,
        Action::SetLearningQuestion {
            player: ids[0],
            text: "Feedback geven".into(),
        },
    );
    send(&mut app, [GameMsg::NextPhase, GameMsg::NextPhase]);
    assert_eq!(kind(&app), Some(PhaseKind::Game));
    assert_eq!(screen(&app), Screen::Play);
    assert!(count::<Pawn>(&mut app) == 2, "the board is on the table");
    // The plenary button of the board moves the programme on, with the game's time.
    act(&mut app, Action::StartPlenary);
    assert_eq!(kind(&app), Some(PhaseKind::Plenary));
    assert_eq!(screen(&app), Screen::Plenary);
    act(&mut app, Action::ShowOutcome);
    assert_eq!(screen(&app), Screen::Outcome);
    send(&mut app, [GameMsg::NextPhase]);
    assert_eq!(kind(&app), Some(PhaseKind::Closing));
    assert_eq!(screen(&app), Screen::Programme);
    act(
        &mut app,
        Action::SetTakeaway {
            player: ids[0],
            text: "Vaker doorvragen".into(),
        },
    );
    let s = session(&app);
    assert_eq!(s.learning_questions[&ids[0]], "Feedback geven");
    assert_eq!(s.takeaways[&ids[0]], "Vaker doorvragen");
    assert_eq!(
        s.phase_times.len(),
        6,
        "the time of every phase left is recorded"
    );
    // Undo walks back through the programme: the takeaway, then the closing round itself.
    send(&mut app, [GameMsg::Undo, GameMsg::Undo]);
    assert_eq!(screen(&app), Screen::Outcome);
    assert!(session(&app).takeaways.is_empty());
}

/// A stack card chosen with ↓ is no longer chosen once another page is shown: Enter on the next-steps
/// page moves no card the room cannot see.
#[test]
fn a_chosen_stack_card_is_let_go_when_the_page_changes() {
    use leerklimaat::outcome::pages::PageKind;
    use leerklimaat::outcome::present::{OutcomeView, PageNav};
    use leerklimaat::outcome::stacks::SelectedStackCard;
    let mut app = app();
    let game = leerklimaat::core::simulate::simulate(leerklimaat::core::simulate::SimulateSpec {
        players: 4,
        statements: 4,
        post_its: 6,
        seed: 3,
    });
    send(&mut app, [GameMsg::Load(Box::new(game))]);
    assert_eq!(screen(&app), Screen::Outcome);
    let nav = |app: &mut App, n: PageNav| {
        app.world_mut().write_message(n);
        app.update();
        app.update();
    };
    let chosen = |app: &App| app.world().resource::<SelectedStackCard>().0.clone();
    let page = |app: &App| {
        let v = app.world().resource::<OutcomeView>();
        v.pages[v.page].0
    };
    let stacks = |app: &App| {
        let t = tally(session(app));
        (t.green, t.red)
    };
    let before = stacks(&app);
    let steps = [
        PageNav::Next,
        PageNav::Last,
        PageNav::To(PageKind::Steps),
        PageNav::To(PageKind::Questions),
    ];
    for step in steps {
        nav(&mut app, PageNav::First);
        nav(&mut app, PageNav::SelectNext);
        assert!(chosen(&app).is_some(), "↓ chooses a card on the stacks");
        nav(&mut app, step);
        assert_ne!(page(&app), PageKind::Stacks, "{step:?} shows another page");
        assert_eq!(chosen(&app), None, "{step:?}: the choice is let go");
        nav(&mut app, PageNav::MoveSelected);
        assert_eq!(stacks(&app), before, "{step:?}: Enter moved no card");
        assert_ne!(page(&app), PageKind::Stacks, "the view stays where it was");
    }
    // Back on the stacks, ↓ and Enter still move the card chosen there.
    nav(&mut app, PageNav::Previous);
    nav(&mut app, PageNav::First);
    nav(&mut app, PageNav::SelectNext);
    nav(&mut app, PageNav::MoveSelected);
    assert_ne!(
        stacks(&app),
        before,
        "Enter moves the card chosen on the page shown"
    );
}
