//! Session files as a careless hand or a hostile file writes them: impossible numbers and over-long
//! texts are refused on load with a message, special files (a pipe, `/dev/zero`, a folder, a link that
//! loops) are refused at once, no mutation of a good file makes load, resume, export or merge panic,
//! and whatever any sequence of actions (of every kind) makes saves and loads back the same.

use bevy::prelude::*;
use leerklimaat::core::deck::{PhaseKind, default_deck};
use leerklimaat::core::export;
use leerklimaat::core::merge::{MergeInput, merge, overview_csv, overview_html, questions_csv};
use leerklimaat::core::session::{
    Action, CardRef, Game, Lang, MAX_CARD_SECONDS, Order, Owner, PlacementMode, PlayerId,
    PostItColour, PostItId, Round, Session, Stack, StepSource, TimerSave,
};
use leerklimaat::core::session_file::{SessionFileError, load_game_file, parse_game, session_ron};
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use leerklimaat::core::store::Store;
use leerklimaat::core::tally::tally;
use leerklimaat::game::{ActiveGame, GameMsg};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A played session, with its history.
fn good() -> Game {
    simulate(SimulateSpec {
        players: 4,
        statements: 4,
        post_its: 6,
        seed: 5,
    })
}

/// The same session as the base of a file without history, so a mutation of `base` hits a session
/// with players, post-its and records.
fn good_base() -> Game {
    Game::new(good().session().clone())
}

/// The good base with its session or timer changed by hand, as an edited file would hold it.
fn edited(change: impl FnOnce(&mut Session, &mut TimerSave)) -> Game {
    let (mut base, done, undone, mut timer) = good_base().into_file_parts();
    change(&mut base, &mut timer);
    Game::from_file_parts(base, done, undone, timer)
}

fn refused(game: &Game) -> String {
    match parse_game("s.session.ron", &session_ron(game)) {
        Err(e @ SessionFileError::Invalid { .. }) => e.to_string(),
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

/// Each of these loaded before, and then panicked a second after resume (the timer), overflowed the
/// shift (the points) or handed out an id twice (the counters).
#[test]
fn impossible_numbers_in_a_session_file_are_refused_with_a_message() {
    assert!(parse_game("s.session.ron", &session_ron(&good())).is_ok());
    assert!(parse_game("s.session.ron", &session_ron(&good_base())).is_ok());

    let g = edited(|_, timer| timer.seconds = u64::MAX - 1);
    assert!(refused(&g).contains("timer"));
    let g = edited(|_, timer| timer.phase_seconds = u64::MAX - 1);
    assert!(refused(&g).contains("timer"));

    // The programme: a phase it does not have, a warm-up word by nobody in the game.
    let g = edited(|base, _| {
        base.follows_programme = true;
        base.phase_at = base.deck.programme.len();
    });
    assert!(refused(&g).contains("phase"));
    let g = edited(|base, _| {
        base.warm_up.push(leerklimaat::core::session::WarmUpWord {
            id: 1,
            player: Some(PlayerId(999)),
            text: "hallo".into(),
        });
        base.next_word_id = 2;
    });
    assert!(refused(&g).contains("unknown player"));

    let g = edited(|base, _| {
        base.deck.scale.squares[0].points = i32::MIN + 1;
        base.deck.scale.squares[3].points = i32::MAX;
    });
    assert!(refused(&g).contains("deck"));

    // The smallest number there is: its size cannot even be taken (found by the long property run).
    let g = edited(|base, _| base.deck.scale.squares[0].points = i32::MIN);
    assert!(refused(&g).contains("deck"));

    let g = edited(|base, _| base.next_player = u32::MAX);
    assert!(refused(&g).contains("next player"));

    let g = edited(|base, _| base.next_post_it = 2);
    let message = refused(&g);
    assert!(
        message.contains("s.session.ron"),
        "names the file: {message}"
    );

    let g = edited(|base, _| base.players[1].id = PlayerId(base.players[0].id.0));
    refused(&g);

    let g = edited(|base, _| base.players[0].colour = 200);
    refused(&g);

    let g = edited(|base, _| base.records.values_mut().next().unwrap().seconds = u64::MAX);
    assert!(refused(&g).contains("seconds"));

    let g = edited(|base, _| {
        let card =
            leerklimaat::core::session::CardRef::Statement(base.deck.statements[0].id.clone());
        base.post_its.push(leerklimaat::core::session::PostIt {
            id: PostItId(u32::MAX),
            colour: leerklimaat::core::session::PostItColour::Green,
            text: "x".into(),
            author: None,
            card,
            at: None,
            answered: false,
        });
    });
    refused(&g);
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "lk-hostile-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `f` on a thread of its own and gives its result, or fails the test when it has not returned
/// after a minute (a loader that blocks on a pipe would never return).
fn returns<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what} did not return: it hangs"))
}

fn load_message(path: &Path) -> String {
    let path = path.to_path_buf();
    let what = format!("loading {}", path.display());
    match returns(&what, move || load_game_file(&path).map(|_| ())) {
        Ok(()) => panic!("{what}: loaded"),
        Err(e) => e.to_string(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

/// A pipe would block the loader until someone writes to it, `/dev/zero` never ends, and a folder or a
/// link that loops is no file at all: each is refused at once, with what is wrong and what to do.
#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once_with_a_message() {
    let dir = temp_dir("special");
    let fifo = dir.join("pipe.session.ron");
    mkfifo(&fifo);
    let m = load_message(&fifo);
    assert!(
        m.contains("not an ordinary file") && m.contains("pipe.session.ron"),
        "{m}"
    );
    let m = load_message(Path::new("/dev/zero"));
    assert!(m.contains("not an ordinary file"), "{m}");
    let folder = dir.join("folder.session.ron");
    std::fs::create_dir(&folder).unwrap();
    let m = load_message(&folder);
    assert!(m.contains("folder"), "{m}");
    let (a, b) = (dir.join("a.session.ron"), dir.join("b.session.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let m = load_message(&a);
    assert!(m.contains("a.session.ron"), "{m}");
    // A huge file (sparse: it takes no room) is not read at all.
    let huge = dir.join("huge.session.ron");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(leerklimaat::core::session_file::MAX_SESSION_BYTES + 1)
        .unwrap();
    let m = load_message(&huge);
    assert!(m.contains("MB"), "{m}");
    // A link to /dev/zero is as endless as /dev/zero.
    let zero = dir.join("zero.session.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let m = load_message(&zero);
    assert!(m.contains("not an ordinary file"), "{m}");

    // The list of past sessions reports them and goes on; nothing that is not a session file is
    // moved or renamed.
    let store = Store::new(&dir);
    store
        .save(&store.new_path("2026-11-23 10:00"), &good())
        .unwrap();
    let (listings, damaged) = returns("listing the sessions", move || store.list());
    assert_eq!(listings.len(), 1, "{damaged:?}");
    assert_eq!(damaged.len(), 6, "{damaged:?}");
    assert!(fifo.exists() && folder.is_dir() && zero.is_symlink());
    assert!(
        huge.exists(),
        "a huge file is reported and left where it is"
    );

    // The overview of many sessions refuses them in the same words.
    let paths = vec![fifo.clone(), PathBuf::from("/dev/zero"), folder.clone()];
    let (inputs, problems) = returns("a merge", move || {
        let (inputs, problems) = leerklimaat::core::merge::load_for_merge(&paths);
        (
            inputs.len(),
            problems
                .iter()
                .map(|p| p.error.to_string())
                .collect::<Vec<_>>(),
        )
    });
    assert_eq!(inputs, 0);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("not an ordinary file"), "{problems:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Replaces the `which`-th number in the text by `value`.
fn replace_number(text: &str, which: usize, value: &str) -> String {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    if runs.is_empty() {
        return text.to_string();
    }
    let (a, b) = runs[which % runs.len()];
    format!("{}{value}{}", &text[..a], &text[b..])
}

/// Everything a loaded file goes through: tally, every export, a merge, and a resume in the game.
fn use_everything(game: &Game) {
    let s = game.session();
    let _ = tally(s);
    let _ = export::statements_csv(s);
    let _ = export::post_its_csv(s);
    let _ = export::report_markdown(s);
    let _ = export::report_html(s);
    let _ = export::export_folder_name(s);
    let _ = session_ron(game);
    let overview = merge(&[MergeInput {
        name: "a".into(),
        game: game.clone(),
    }]);
    for lang in [Lang::Nl, Lang::En] {
        let _ = overview_csv(&overview, lang);
        let _ = questions_csv(&overview, lang);
        let _ = overview_html(&overview, lang);
    }
    let mut app = leerklimaat::headless_app(None, None);
    app.world_mut()
        .write_message(GameMsg::Load(Box::new(game.clone())));
    for _ in 0..3 {
        app.update();
    }
    for msg in [
        GameMsg::Next,
        GameMsg::Previous,
        GameMsg::Undo,
        GameMsg::Redo,
    ] {
        app.world_mut().write_message(msg);
        app.update();
    }
    let _ = app.world().resource::<ActiveGame>().session().clone();
}

fn hostile_number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("1".to_string()),
        Just("-1".to_string()),
        Just("4294967295".to_string()),
        Just("2147483647".to_string()),
        Just("-2147483648".to_string()),
        Just("18446744073709551615".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("1e308".to_string()),
        Just("NaN".to_string()),
        (0u64..100_000).prop_map(|n| n.to_string()),
    ]
}

proptest! {
    // CI runs the default number of cases; `PROPTEST_CASES=5000` runs a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    /// A number swapped for a hostile one, a stretch cut out, or bytes put in: load refuses with a
    /// message or gives a game that every consumer handles, and nothing panics.
    #[test]
    fn mutated_session_files_never_panic(
        numbers in proptest::collection::vec((any::<usize>(), hostile_number()), 0..4),
        cut in proptest::option::of((any::<usize>(), 0usize..40)),
        insert in proptest::option::of((any::<usize>(), "\\PC{0,12}")),
    ) {
        let mut text = session_ron(&good());
        for (which, value) in &numbers {
            text = replace_number(&text, *which, value);
        }
        if let Some((at, len)) = cut {
            let at = text.floor_char_boundary(at % text.len());
            let end = text.floor_char_boundary((at + len).min(text.len()));
            text.replace_range(at..end, "");
        }
        if let Some((at, bytes)) = insert {
            let at = text.floor_char_boundary(at % text.len().max(1));
            text.insert_str(at, &bytes);
        }
        if let Ok(game) = parse_game("m.session.ron", &text) {
            use_everything(&game);
        }
    }
}

/// Texts of every length that matters: empty, blank, short, around each limit of the game, and far
/// beyond (10,000 characters), in scripts of one to four bytes a character.
fn text() -> impl Strategy<Value = String> {
    let long = (
        prop::sample::select(vec![
            39usize, 40, 41, 59, 60, 61, 80, 81, 120, 121, 199, 200, 201, 300, 301, 400, 401, 500,
            501, 1000, 1001, 10_000,
        ]),
        prop::sample::select(vec!['x', 'é', '学', '𝔘', ' ']),
    )
        .prop_map(|(n, c)| std::iter::repeat_n(c, n).collect::<String>());
    prop_oneof![
        4 => "\\PC{0,16}",
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        2 => long,
    ]
}

fn player() -> impl Strategy<Value = PlayerId> {
    (0u32..8).prop_map(PlayerId)
}

fn post_it() -> impl Strategy<Value = PostItId> {
    (0u32..14).prop_map(PostItId)
}

fn card() -> impl Strategy<Value = CardRef> {
    let ids: Vec<String> = default_deck()
        .statements
        .iter()
        .take(4)
        .map(|s| s.id.clone())
        .chain(["onbekend".to_string()])
        .collect();
    prop_oneof![
        prop::sample::select(ids).prop_map(CardRef::Statement),
        (0u32..5).prop_map(CardRef::Case),
    ]
}

fn seconds() -> impl Strategy<Value = u64> {
    prop_oneof![
        4 => 0u64..900,
        1 => Just(MAX_CARD_SECONDS),
        1 => Just(u64::MAX),
        1 => any::<u64>(),
    ]
}

fn round() -> impl Strategy<Value = Round> {
    prop_oneof![Just(Round::First), Just(Round::Plenary)]
}

fn colour() -> impl Strategy<Value = PostItColour> {
    prop_oneof![Just(PostItColour::Green), Just(PostItColour::Pink)]
}

fn owner() -> impl Strategy<Value = Owner> {
    prop_oneof![
        player().prop_map(Owner::Player),
        text().prop_map(Owner::Named)
    ]
}

fn deck() -> impl Strategy<Value = leerklimaat::core::deck::Deck> {
    let decks: Vec<_> = leerklimaat::core::deck::BUILTIN_DECKS
        .iter()
        .filter_map(|d| leerklimaat::core::deck::builtin_deck(d.key))
        .collect();
    (prop::sample::select(decks), 0usize..4).prop_map(|(mut deck, change)| {
        match change {
            // A deck the game refuses: no statements.
            0 => deck.statements.clear(),
            // Without a programme.
            1 => deck.programme.clear(),
            _ => {}
        }
        deck
    })
}

/// What a follow-up carries over: players, placements (some outside the scale), questions and steps
/// (some too long), with numbers near those the actions use.
fn last_time() -> impl Strategy<Value = leerklimaat::core::session::LastTime> {
    use leerklimaat::core::session::{
        EarlierPlayer, EarlierQuestion, EarlierStep, LastTime, PlacedBefore, Stack,
    };
    (
        text(),
        prop::collection::vec((text(), 0u8..14), 0..4),
        prop::collection::vec((0usize..8, 0usize..9, prop::option::of(-1.0f64..6.0)), 0..4),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((text(), text()), 0..3),
    )
        .prop_map(|(group, players, placed, questions, steps)| LastTime {
            group,
            started_at: "2026-11-23 10:00".into(),
            deck_title: "Leerklimaat".into(),
            players: players
                .into_iter()
                .map(|(name, colour)| EarlierPlayer { name, colour })
                .collect(),
            placements: placed
                .into_iter()
                .map(|(n, square, mean)| {
                    (
                        format!("s{n}"),
                        PlacedBefore {
                            squares: vec![square],
                            mean,
                            stack: Some(if square > 1 { Stack::Green } else { Stack::Red }),
                        },
                    )
                })
                .collect(),
            questions: questions
                .into_iter()
                .enumerate()
                .map(|(i, text)| EarlierQuestion {
                    id: i as u32 + 1,
                    text,
                    statement: Some(format!("s{}", i + 1)),
                })
                .collect(),
            steps: steps
                .into_iter()
                .enumerate()
                .map(|(i, (text, owner))| EarlierStep {
                    id: i as u32 + 1,
                    text,
                    owner,
                    due: String::new(),
                })
                .collect(),
        })
}

/// Any action, of every kind, with numbers near and outside what the session holds.
fn arb_action() -> BoxedStrategy<Action> {
    let setup = prop_oneof![
        text().prop_map(Action::SetGroup),
        prop_oneof![Just(Lang::Nl), Just(Lang::En)].prop_map(Action::SetLanguage),
        deck().prop_map(Action::SetDeck),
        (text(), proptest::option::of(0u8..14))
            .prop_map(|(name, colour)| Action::AddPlayer { name, colour }),
        (player(), text()).prop_map(|(player, name)| Action::RenamePlayer { player, name }),
        (player(), 0u8..14).prop_map(|(player, colour)| Action::RecolourPlayer { player, colour }),
        player().prop_map(|player| Action::RemovePlayer { player }),
        prop_oneof![
            Just(Order::DeckOrder),
            any::<u64>().prop_map(|seed| Order::Shuffled { seed })
        ]
        .prop_map(Action::SetOrder),
        prop_oneof![Just(PlacementMode::Open), Just(PlacementMode::Covered)]
            .prop_map(Action::SetMode),
        any::<bool>().prop_map(Action::FollowProgramme),
    ]
    .boxed();
    let play = prop_oneof![
        Just(Action::StartPlay),
        (0usize..10, seconds()).prop_map(|(index, seconds)| Action::GoTo { index, seconds }),
        seconds().prop_map(|seconds| Action::Skip { seconds }),
        (player(), card(), round(), 0usize..8).prop_map(|(player, card, round, square)| {
            Action::Place {
                player,
                card,
                round,
                square,
            }
        }),
        (player(), card(), round()).prop_map(|(player, card, round)| Action::Unplace {
            player,
            card,
            round
        }),
        (card(), round()).prop_map(|(card, round)| Action::Reveal { card, round }),
        Just(Action::PassTurn),
        card().prop_map(|card| Action::Include { card }),
    ]
    .boxed();
    let post_its = prop_oneof![
        (colour(), text(), proptest::option::of(player()), card()).prop_map(
            |(colour, text, author, card)| Action::AddPostIt {
                colour,
                text,
                author,
                card
            }
        ),
        (post_it(), text()).prop_map(|(id, text)| Action::EditPostIt { id, text }),
        (
            post_it(),
            prop_oneof![
                4 => (-2000f32..2000.0, -2000f32..2000.0),
                1 => any::<(f32, f32)>(),
                1 => Just((1e5f32, -1e5f32)),
                1 => Just((1.5e5f32, 0.0f32)),
            ]
        )
            .prop_map(|(id, at)| Action::MovePostIt { id, at }),
        post_it().prop_map(|id| Action::DeletePostIt { id }),
        (post_it(), any::<bool>()).prop_map(|(id, answered)| Action::SetAnswered { id, answered }),
        (post_it(), text(), colour(), proptest::option::of(player())).prop_map(
            |(id, text, colour, author)| Action::ChangePostIt {
                id,
                text,
                colour,
                author
            }
        ),
        (text(), text(), proptest::option::of(player())).prop_map(
            |(title, description, brought_by)| Action::AddCase {
                title,
                description,
                brought_by
            }
        ),
        (0u32..5, text(), text(), proptest::option::of(player())).prop_map(
            |(id, title, description, brought_by)| Action::EditCase {
                id,
                title,
                description,
                brought_by
            }
        ),
    ]
    .boxed();
    let plenary = prop_oneof![
        Just(Action::StartPlenary),
        (0usize..10).prop_map(|index| Action::PlenaryGoTo { index }),
        (
            card(),
            prop_oneof![Just(None), Just(Some(Stack::Green)), Just(Some(Stack::Red))]
        )
            .prop_map(|(card, stack)| Action::OverrideStack { card, stack }),
        Just(Action::ShowOutcome),
        (
            text(),
            owner(),
            text(),
            proptest::option::of(prop_oneof![
                post_it().prop_map(StepSource::Question),
                card().prop_map(StepSource::Card)
            ])
        )
            .prop_map(|(text, owner, due, from)| Action::AddNextStep {
                text,
                owner,
                due,
                from
            }),
        (0u32..6, text(), owner(), text()).prop_map(|(id, text, owner, due)| {
            Action::EditNextStep {
                id,
                text,
                owner,
                due,
            }
        }),
        (0u32..6).prop_map(|id| Action::DeleteNextStep { id }),
        Just(Action::Back),
        seconds().prop_map(|seconds| Action::Return { seconds }),
        seconds().prop_map(|seconds| Action::Finish { seconds }),
        Just(Action::MarkFinished),
    ]
    .boxed();
    let programme = prop_oneof![
        seconds().prop_map(|seconds| Action::NextPhase { seconds }),
        Just(Action::PreviousPhase),
        (0u32..70).prop_map(|minutes| Action::ExtendPhase { minutes }),
        (proptest::option::of(player()), text())
            .prop_map(|(player, text)| Action::AddWarmUp { player, text }),
        (0u32..6).prop_map(|id| Action::DeleteWarmUp { id }),
        (player(), text()).prop_map(|(player, text)| Action::SetLearningQuestion { player, text }),
        (player(), text()).prop_map(|(player, text)| Action::SetTakeaway { player, text }),
    ]
    .boxed();
    let follow_up = prop_oneof![
        last_time().prop_map(|l| Action::FollowUp(Box::new(l))),
        (
            0u32..5,
            prop::option::of(prop::sample::select(
                leerklimaat::core::session::StepStatus::ALL.to_vec()
            )),
            text()
        )
            .prop_map(|(step, status, line)| Action::ReviewStep { step, status, line }),
        (0usize..4).prop_map(|index| Action::ReviewGoTo { index }),
        (0u32..5, any::<bool>())
            .prop_map(|(question, answered)| Action::AnswerEarlier { question, answered }),
    ]
    .boxed();
    prop_oneof![
        1 => setup,
        2 => play,
        2 => post_its,
        2 => plenary,
        2 => programme,
        1 => follow_up,
    ]
    .boxed()
}

/// The kind of an action. The match has no catch-all: a new kind of action does not compile until it
/// is named here, and [`every_kind_of_action_is_generated`] then fails until [`arb_action`] makes it.
fn kind(a: &Action) -> &'static str {
    match a {
        Action::SetGroup(_) => "SetGroup",
        Action::SetLanguage(_) => "SetLanguage",
        Action::SetDeck(_) => "SetDeck",
        Action::AddPlayer { .. } => "AddPlayer",
        Action::RenamePlayer { .. } => "RenamePlayer",
        Action::RecolourPlayer { .. } => "RecolourPlayer",
        Action::RemovePlayer { .. } => "RemovePlayer",
        Action::SetOrder(_) => "SetOrder",
        Action::SetMode(_) => "SetMode",
        Action::StartPlay => "StartPlay",
        Action::GoTo { .. } => "GoTo",
        Action::Skip { .. } => "Skip",
        Action::Place { .. } => "Place",
        Action::Unplace { .. } => "Unplace",
        Action::Reveal { .. } => "Reveal",
        Action::AddPostIt { .. } => "AddPostIt",
        Action::EditPostIt { .. } => "EditPostIt",
        Action::MovePostIt { .. } => "MovePostIt",
        Action::DeletePostIt { .. } => "DeletePostIt",
        Action::SetAnswered { .. } => "SetAnswered",
        Action::AddCase { .. } => "AddCase",
        Action::EditCase { .. } => "EditCase",
        Action::PassTurn => "PassTurn",
        Action::StartPlenary => "StartPlenary",
        Action::PlenaryGoTo { .. } => "PlenaryGoTo",
        Action::OverrideStack { .. } => "OverrideStack",
        Action::ShowOutcome => "ShowOutcome",
        Action::AddNextStep { .. } => "AddNextStep",
        Action::EditNextStep { .. } => "EditNextStep",
        Action::DeleteNextStep { .. } => "DeleteNextStep",
        Action::Back => "Back",
        Action::Return { .. } => "Return",
        Action::Include { .. } => "Include",
        Action::ChangePostIt { .. } => "ChangePostIt",
        Action::Finish { .. } => "Finish",
        Action::MarkFinished => "MarkFinished",
        Action::FollowProgramme(_) => "FollowProgramme",
        Action::NextPhase { .. } => "NextPhase",
        Action::PreviousPhase => "PreviousPhase",
        Action::ExtendPhase { .. } => "ExtendPhase",
        Action::AddWarmUp { .. } => "AddWarmUp",
        Action::DeleteWarmUp { .. } => "DeleteWarmUp",
        Action::SetLearningQuestion { .. } => "SetLearningQuestion",
        Action::SetTakeaway { .. } => "SetTakeaway",
        Action::FollowUp(_) => "FollowUp",
        Action::ReviewStep { .. } => "ReviewStep",
        Action::ReviewGoTo { .. } => "ReviewGoTo",
        Action::AnswerEarlier { .. } => "AnswerEarlier",
    }
}

const KINDS: usize = 48;

#[test]
fn every_kind_of_action_is_generated() {
    use proptest::strategy::ValueTree as _;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = arb_action();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..20_000 {
        seen.insert(kind(&strategy.new_tree(&mut runner).unwrap().current()));
    }
    assert_eq!(seen.len(), KINDS, "generated: {seen:?}");
}

/// Where a sequence of actions starts: a new session, one with players that follows the programme
/// and is in play, or a played session at its outcome.
fn start(which: u8) -> Game {
    match which {
        0 => Game::new(Session::new(default_deck(), "2026-11-23 10:00".into())),
        1 => {
            let mut g = Game::new(Session::new(default_deck(), "2026-11-23 10:00".into()));
            for name in ["Anouk", "Bram", "Chantal"] {
                g.apply(Action::AddPlayer {
                    name: name.into(),
                    colour: None,
                })
                .unwrap();
            }
            g.apply(Action::FollowProgramme(true)).unwrap();
            g.apply(Action::StartPlay).unwrap();
            // On to the game in the programme.
            while g
                .session()
                .current_phase()
                .is_some_and(|a| a.kind != PhaseKind::Game)
            {
                g.apply(Action::NextPhase { seconds: 30 }).unwrap();
            }
            g
        }
        _ => good(),
    }
}

/// What a session goes through outside the game's window: tally, every export and a merge.
fn use_core(game: &Game) {
    let s = game.session();
    let _ = tally(s);
    let _ = export::statements_csv(s);
    let _ = export::post_its_csv(s);
    let _ = export::actions_csv(s);
    let _ = export::programme_csv(s);
    let _ = export::warm_up_csv(s);
    let _ = export::learning_csv(s);
    let _ = export::report_markdown(s);
    let _ = export::report_html(s);
    let _ = leerklimaat::outcome::pages::shift_rows(s);
    let name = export::export_folder_name(s);
    assert!(name.len() <= export::MAX_FOLDER_NAME_BYTES, "{name}");
    let overview = merge(&[MergeInput {
        name: "a".into(),
        game: game.clone(),
    }]);
    let _ = overview_html(&overview, s.language);
}

/// Long texts put into a file by hand, in every text a session holds: the file is refused with a
/// message, or it holds nothing an action would refuse and every consumer handles it.
fn long_text_in(base: &mut Session, field: usize, text: String) {
    match field {
        0 => base.group = text,
        1 => base.players[0].name = text,
        2 => base.post_its[0].text = text,
        3 => base.started_at = text,
        4 => base.deck.title = text,
        5 => base.deck.statements[0].text = text,
        6 => {
            let id = base.players[0].id;
            base.learning_questions.insert(id, text);
        }
        7 => {
            let id = base.players[0].id;
            base.takeaways.insert(id, text);
        }
        8 => {
            base.warm_up.push(leerklimaat::core::session::WarmUpWord {
                id: base.next_word_id,
                player: None,
                text,
            });
            base.next_word_id += 1;
        }
        9 | 10 => {
            let id = base.next_case;
            base.next_case += 1;
            let (title, description) = if field == 9 {
                (text, String::new())
            } else {
                ("Casus".to_string(), text)
            };
            base.cases.push(leerklimaat::core::session::Case {
                id,
                title,
                description,
                brought_by: None,
                after: None,
            });
        }
        _ => {
            let id = base.next_step_id;
            base.next_step_id += 1;
            base.next_steps.push(leerklimaat::core::session::NextStep {
                id,
                text,
                owner: Owner::Named("Iemand".into()),
                due: String::new(),
                from: None,
            });
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    /// Any sequence of actions of every kind, from a new, a running or a finished session, with undo,
    /// redo and the clock: the file it makes loads back (the game reads every file it writes) to the
    /// same session, history and clock, and is written again the same.
    #[test]
    fn any_actions_save_and_load_back_the_same(
        from in 0u8..3,
        actions in proptest::collection::vec((arb_action(), 0u8..10), 0..80),
        timer in (any::<bool>(), seconds(), seconds()),
    ) {
        let mut g = start(from);
        for (action, then) in actions {
            let _ = g.apply(action);
            match then {
                0 => { g.undo(); }
                1 => { g.redo(); }
                _ => {}
            }
        }
        g.set_timer(TimerSave { shown: timer.0, seconds: timer.1, phase_seconds: timer.2 });
        let text = session_ron(&g);
        let back = parse_game("a.session.ron", &text)
            .map_err(|e| TestCaseError::fail(format!("the game cannot read its own file: {e}")))?;
        prop_assert_eq!(back.session(), g.session());
        prop_assert_eq!(back.done(), g.done());
        prop_assert_eq!(back.undone(), g.undone());
        prop_assert_eq!(back.timer(), g.timer());
        prop_assert_eq!(session_ron(&back), text);
        use_core(&back);
    }

    /// "Would the session take this?" (what a panel asks before it lets go of what was typed) gives
    /// the same answer, with the same reason, as applying it, for any action in any state.
    #[test]
    fn accepts_answers_as_apply_does(
        from in 0u8..3,
        actions in proptest::collection::vec(arb_action(), 0..80),
    ) {
        let mut g = start(from);
        for action in actions {
            let said = g.session().accepts(&action);
            let before = g.session().clone();
            let did = g.apply(action.clone());
            prop_assert_eq!(&said, &did, "{:?}", action);
            if said.is_err() {
                prop_assert_eq!(g.session(), &before);
            }
        }
    }

    /// Long texts in a file: refused with a message naming the file, or loaded and handled.
    #[test]
    fn long_texts_in_a_file_are_refused_or_handled(
        field in 0usize..12,
        text in text(),
    ) {
        let (mut base, done, undone, timer) = good_base().into_file_parts();
        long_text_in(&mut base, field, text);
        let game = Game::from_file_parts(base, done, undone, timer);
        match parse_game("l.session.ron", &session_ron(&game)) {
            Ok(loaded) => use_core(&loaded),
            Err(e) => prop_assert!(e.to_string().starts_with("l.session.ron"), "{}", e),
        }
    }
}
