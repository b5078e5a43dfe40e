//! Facilitators' decks in the game: every way of loading goes through one function, a bad deck keeps
//! the old one and says where the problem is, live reload picks up edits, and the editor's decks save
//! and load back identical.

use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use leerklimaat::core::deck::{Deck, load_deck_file, validate_deck};
use leerklimaat::core::deck::{blank_deck, file_name_for, save_deck};
use leerklimaat::decks::{DeckFolder, DeckSource, DeckTrouble, LoadDeck};
use leerklimaat::game::ActiveGame;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lk-decks-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn app(decks_dir: Option<PathBuf>, initial: Option<PathBuf>) -> App {
    let mut app = leerklimaat::headless_app(None, None);
    app.add_plugins(leerklimaat::decks::plugin(decks_dir, initial));
    app.update();
    app.update();
    app
}

fn deck_in_use(app: &App) -> Deck {
    app.world().resource::<ActiveGame>().session().deck.clone()
}

fn my_deck(title: &str, n: usize) -> Deck {
    let mut d = leerklimaat::core::simulate::deck_with(n);
    d.title = title.into();
    d
}

fn write(dir: &Path, name: &str, deck: &Deck) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, deck.to_ron()).unwrap();
    path
}

fn settle(app: &mut App) {
    for _ in 0..3 {
        app.update();
    }
}

#[test]
fn every_way_of_loading_uses_the_same_function() {
    let dir = temp_dir("ways");
    let a = write(&dir, "gemeente.deck.ron", &my_deck("Gemeente", 5));
    let b = write(&dir, "zorg.deck.ron", &my_deck("Zorg", 7));
    // --deck FILE
    let mut app = app(Some(dir.clone()), Some(a.clone()));
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Gemeente");
    assert_eq!(
        app.world().resource::<DeckSource>().path.as_deref(),
        Some(a.as_path())
    );
    // the decks folder lists both, checked
    let folder = app.world().resource::<DeckFolder>();
    assert_eq!(folder.decks.len(), 2);
    assert!(folder.decks.iter().all(|(_, d)| d.is_ok()));
    // a file dropped on the window
    app.world_mut().write_message(FileDragAndDrop::DroppedFile {
        window: Entity::PLACEHOLDER,
        path_buf: b.clone(),
    });
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Zorg");
    // the dialog's (or the folder list's) chosen path
    app.world_mut().write_message(LoadDeck(a.clone()));
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Gemeente");
    assert_eq!(deck_in_use(&app), load_deck_file(&a).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A saved session dropped on the setup screen (a file whose name does not say what it is, as a mail
/// attachment may be saved) is continued where it was, as its button in the past sessions does; a deck
/// dropped after it, once the game is under way, changes nothing.
#[test]
fn a_session_file_dropped_on_the_setup_is_continued() {
    let dir = temp_dir("dropped-session");
    use leerklimaat::core::simulate::{SimulateSpec, StopAt, simulate_to};
    let earlier = simulate_to(
        SimulateSpec {
            players: 5,
            statements: 4,
            post_its: 3,
            seed: 11,
        },
        StopAt::Play,
    );
    let file = dir.join("bijlage.ron");
    std::fs::write(
        &file,
        leerklimaat::core::session_file::session_ron(&earlier),
    )
    .unwrap();
    let store = leerklimaat::core::store::Store::new(dir.join("sessions"));
    let mut app = leerklimaat::headless_app(Some(store), None);
    app.add_plugins(leerklimaat::decks::plugin(Some(dir.join("decks")), None));
    settle(&mut app);
    app.world_mut().write_message(FileDragAndDrop::DroppedFile {
        window: Entity::PLACEHOLDER,
        path_buf: file.clone(),
    });
    settle(&mut app);
    let s = app.world().resource::<ActiveGame>().session().clone();
    assert_eq!(s.players, earlier.session().players);
    assert_eq!(s.stage, leerklimaat::core::session::Stage::Play);
    assert_eq!(s.post_its, earlier.session().post_its);
    // Under way, a dropped deck is refused and the game keeps its deck.
    let deck = write(&dir, "later.deck.ron", &my_deck("Later", 3));
    app.world_mut().write_message(FileDragAndDrop::DroppedFile {
        window: Entity::PLACEHOLDER,
        path_buf: deck,
    });
    settle(&mut app);
    assert_eq!(deck_in_use(&app), earlier.session().deck);
    assert!(app.world().resource::<DeckTrouble>().0.is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_deck_keeps_the_old_one_and_says_where() {
    let dir = temp_dir("bad");
    let good = write(&dir, "goed.deck.ron", &my_deck("Goed", 4));
    let mut app = app(None, Some(good));
    settle(&mut app);
    let before = app.world().resource::<ActiveGame>().session().clone();
    let bad = dir.join("kapot.deck.ron");
    std::fs::write(
        &bad,
        "(\n  version: 1,\n  title: \"Kapot\"\n  language: \"nl\",\n)",
    )
    .unwrap();
    for path in [bad.clone(), dir.clone(), dir.join("bestaat-niet.deck.ron")] {
        app.world_mut().write_message(LoadDeck(path.clone()));
        settle(&mut app);
        assert_eq!(
            app.world().resource::<ActiveGame>().session(),
            &before,
            "{}",
            path.display()
        );
        let trouble = app
            .world()
            .resource::<DeckTrouble>()
            .0
            .clone()
            .expect("a message");
        assert_eq!(trouble.file, path.display().to_string());
    }
    app.world_mut().write_message(LoadDeck(bad.clone()));
    settle(&mut app);
    let trouble = app.world().resource::<DeckTrouble>().0.clone().unwrap();
    assert_eq!(
        (trouble.problems[0].at.line, trouble.problems[0].at.col),
        (4, 3)
    );
    assert!(trouble.to_string().contains("comma"), "{trouble}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn live_reload_picks_up_an_edit_and_keeps_the_last_good_deck() {
    let dir = temp_dir("live");
    let path = write(&dir, "live.deck.ron", &my_deck("Versie 1", 4));
    let mut app = app(None, Some(path.clone()));
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Versie 1");
    // Save a new version, as a text editor would (a different mtime).
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(&dir, "live.deck.ron", &my_deck("Versie 2", 6));
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    app.world_mut().resource_mut::<DeckSource>().checked = None;
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Versie 2");
    assert_eq!(deck_in_use(&app).statements.len(), 6);
    // An invalid edit: the error shows, the last good deck stays.
    std::fs::write(
        &path,
        my_deck("Versie 3", 6)
            .to_ron()
            .replace("version: 1", "version: 1 1"),
    )
    .unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later + std::time::Duration::from_secs(2))
        .unwrap();
    app.world_mut().resource_mut::<DeckSource>().checked = None;
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Versie 2");
    assert!(app.world().resource::<DeckTrouble>().0.is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn editor_round_trip_load_edit_save_load() {
    let dir = temp_dir("editor");
    let mut deck = load_deck_file(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/cards/leerruimte.deck.ron"
    )))
    .unwrap();
    deck.title = "Leerruimte \"Noord\" — één".into();
    deck.statements.swap(0, 3);
    deck.statements[1].text = "Een nieuwe stelling\nover twee regels".into();
    deck.statements[2].theme = None;
    deck.scale.squares.pop();
    deck.scale.green_when = leerklimaat::core::deck::StackRule::MedianAtLeast(2.0);
    deck.case_prompts
        .push("Wat is \\ het belangrijkste?".into());
    assert!(validate_deck(&deck, "").is_empty());
    let path = dir.join(file_name_for(&deck.title));
    assert_eq!(path.file_name().unwrap(), "leerruimte-noord-één.deck.ron");
    save_deck(&deck, &path).unwrap();
    assert_eq!(load_deck_file(&path).unwrap(), deck);
    // check-deck accepts it.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leerklimaat"))
        .arg("check-deck")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A new deck starts valid enough to show what is missing: the empty statement.
    let problems = validate_deck(&blank_deck(leerklimaat::core::session::Lang::Nl), "");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("no text"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A text the editor accepts for a field that must not be blank: it starts with a visible character.
fn filled(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[^\\s\\p{{C}}]\\PC{{0,{max}}}"))
        .expect("a valid pattern")
}

/// A deck as the editor can make it and let save: every field within what `validate_deck` accepts
/// (a title, 2 to 7 labelled squares with rising points, a threshold on the scale, unique ids, texts and
/// case prompts that are not blank), with any characters a facilitator may type.
fn editor_deck() -> impl Strategy<Value = leerklimaat::core::deck::Deck> {
    use leerklimaat::core::deck::{MAX_SQUARES, MIN_SQUARES, Square, StackRule, Statement};
    (
        filled(30),
        proptest::collection::vec((filled(12), 1..50i32), MIN_SQUARES..=MAX_SQUARES),
        -200..200i32,
        0.0f64..=1.0,
        any::<bool>(),
        proptest::collection::vec(
            (
                "[a-z0-9_-]{0,6}",
                filled(60),
                proptest::option::of(filled(12)),
            ),
            1..8,
        ),
        proptest::collection::vec(filled(30), 0..3),
    )
        .prop_map(|(title, squares, start, at, median, statements, prompts)| {
            let mut deck = blank_deck(leerklimaat::core::session::Lang::Nl);
            deck.title = title;
            let mut points = start;
            deck.scale.squares = squares
                .into_iter()
                .map(|(label, step)| {
                    points += step;
                    Square { label, points }
                })
                .collect();
            let (lo, hi) = (
                f64::from(deck.scale.squares[0].points),
                f64::from(deck.scale.squares.last().unwrap().points),
            );
            let threshold = lo + (hi - lo) * at;
            deck.scale.green_when = if median {
                StackRule::MedianAtLeast(threshold)
            } else {
                StackRule::MeanAtLeast(threshold)
            };
            // Unique ids: the typed part, and the statement's place.
            deck.statements = statements
                .into_iter()
                .enumerate()
                .map(|(i, (id, text, theme))| Statement {
                    id: format!("{id}{i}"),
                    text,
                    theme,
                    prompt: None,
                })
                .collect();
            deck.case_prompts = prompts;
            deck
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Whatever the editor's fields hold, a deck that the editor lets you save passes the checks, and
    /// loads back identical. Every generated deck is one the editor accepts, so every case asserts.
    #[test]
    fn any_deck_the_editor_can_save_passes_check_deck(deck in editor_deck()) {
        let problems = validate_deck(&deck, "");
        prop_assert!(problems.is_empty(), "the editor's deck is refused: {:?}", problems);
        let dir = temp_dir("prop");
        let path = dir.join("p.deck.ron");
        prop_assert!(save_deck(&deck, &path).is_ok());
        let text = std::fs::read_to_string(&path).unwrap();
        prop_assert!(validate_deck(&deck, &text).is_empty());
        prop_assert_eq!(load_deck_file(&path).unwrap(), deck);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// One field broken in such a deck, and the checks name what is wrong: a blank title, a blank
    /// label, a doubled id, a blank text, a threshold off the scale.
    #[test]
    fn one_broken_field_is_always_found(deck in editor_deck(), which in 0..5usize) {
        let mut broken = deck;
        let expect = match which {
            0 => { broken.title = " ".into(); "title" }
            1 => { broken.scale.squares[0].label = String::new(); "empty label" }
            2 => {
                let id = broken.statements[0].id.clone();
                broken.statements.push(leerklimaat::core::deck::Statement { id, text: "x".into(), theme: None, prompt: None });
                "used twice"
            }
            3 => { broken.statements[0].text = "\n".into(); "no text" }
            _ => {
                let top = broken.scale.squares.last().unwrap().points;
                broken.scale.green_when = leerklimaat::core::deck::StackRule::MeanAtLeast(f64::from(top) + 0.5);
                "outside the scale"
            }
        };
        let problems = validate_deck(&broken, "");
        prop_assert_eq!(problems.len(), 1, "{:?}", problems);
        prop_assert!(problems[0].message.contains(expect), "{:?}", problems);
    }
}

/// A pipe or a device given as a deck gets a clear message at once instead of hanging the loader.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_is_refused_without_hanging() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("pipe.deck.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [fifo.clone(), PathBuf::from("/dev/zero")] {
        let (tx, rx) = std::sync::mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load_deck_file(&p).map(|_| ()).map_err(|e| e.to_string()));
        });
        let result = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("{}: the loader hangs", path.display()));
        let message = result.expect_err("not a deck");
        assert!(
            message.contains("not an ordinary file"),
            "{}: {message}",
            path.display()
        );
        assert!(message.contains(&path.display().to_string()), "{message}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// After undoing a started game back to setup, saving the deck file must not wipe the redo history:
/// the edit waits until nothing is left to redo.
#[test]
fn a_deck_edit_waits_while_the_game_can_be_redone() {
    use leerklimaat::core::session::Action;
    use leerklimaat::game::GameMsg;
    let dir = temp_dir("redo");
    let path = write(&dir, "redo.deck.ron", &my_deck("Versie 1", 4));
    let mut app = app(None, Some(path.clone()));
    settle(&mut app);
    for msg in [
        GameMsg::Do(Action::AddPlayer {
            name: "Anouk".into(),
            colour: None,
        }),
        GameMsg::Do(Action::StartPlay),
        GameMsg::Undo,
    ] {
        app.world_mut().write_message(msg);
        settle(&mut app);
    }
    assert!(app.world().resource::<ActiveGame>().game().can_redo());
    save_in_an_editor(&mut app, &path, &my_deck("Versie 2", 6).to_ron());
    assert!(
        app.world().resource::<ActiveGame>().game().can_redo(),
        "the game can still be redone"
    );
    assert_eq!(deck_in_use(&app).title, "Versie 1");
    // Redone: the game is back; once nothing is left to redo, a later look takes the new deck.
    app.world_mut().write_message(GameMsg::Redo);
    settle(&mut app);
    assert_eq!(
        app.world().resource::<ActiveGame>().session().stage,
        leerklimaat::core::session::Stage::Play
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A broken `--deck` is waited for: the built-in deck is not taken for it (the setup screen cannot
/// start the wrong workshop), and once the file is fixed it loads without a restart.
#[test]
fn a_broken_starting_deck_loads_once_it_is_fixed() {
    let dir = temp_dir("broken-start");
    let path = dir.join("start.deck.ron");
    std::fs::write(&path, "(version: 1, title: \"Half").unwrap();
    let mut app = app(None, Some(path.clone()));
    settle(&mut app);
    let trouble = app.world().resource::<leerklimaat::decks::DeckTrouble>();
    assert!(trouble.0.is_some(), "the problem is shown");
    let source = app.world().resource::<DeckSource>();
    assert_eq!(
        source.path.as_deref(),
        Some(path.as_path()),
        "the file is watched"
    );
    assert!(source.deck.is_none(), "nothing loaded from it yet");
    assert_ne!(deck_in_use(&app).title, "Eigen deck");
    // Fixed in a text editor: loaded at the next look, the problem gone.
    save_in_an_editor(&mut app, &path, &my_deck("Eigen deck", 5).to_ron());
    assert_eq!(deck_in_use(&app).title, "Eigen deck");
    assert!(
        app.world()
            .resource::<leerklimaat::decks::DeckTrouble>()
            .0
            .is_none()
    );
    assert!(app.world().resource::<DeckSource>().deck.is_some());
}

/// Writes `text` to the deck file as a text editor saves it (a newer modification time), and lets the
/// game look at the file at once.
fn save_in_an_editor(app: &mut App, path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    app.world_mut().resource_mut::<DeckSource>().checked = None;
    settle(app);
}

/// Whether the session's programme has the review of last time's steps.
fn has_review(session: &leerklimaat::core::session::Session) -> bool {
    session
        .deck
        .programme
        .iter()
        .any(|p| p.kind == leerklimaat::core::deck::PhaseKind::Review)
}

/// A follow-up adds its review phase to the deck of the file in use: the file stays the deck in
/// use (the setup lists it, chosen) and is still watched, so an edit loads and keeps the review.
#[test]
fn a_follow_up_keeps_watching_the_deck_file_it_plays() {
    use leerklimaat::core::session::{Session, follow_up_actions};
    use leerklimaat::game::GameMsg;
    let dir = temp_dir("follow-up");
    let deck = my_deck("Buurtteam", 4);
    let path = write(&dir, "buurt.deck.ron", &deck);
    let mut app = app(None, Some(path.clone()));
    settle(&mut app);
    assert_eq!(deck_in_use(&app).title, "Buurtteam");
    // Last time's session, played with the same deck.
    let mut earlier = Session::new(deck.clone(), "2026-09-01T09:00:00Z".into());
    earlier.group = "Oost".into();
    let now = app.world().resource::<ActiveGame>().session().clone();
    for action in follow_up_actions(&now, &earlier, false) {
        app.world_mut().write_message(GameMsg::Do(action));
    }
    settle(&mut app);
    let session = app.world().resource::<ActiveGame>().session().clone();
    assert!(session.follows.is_some(), "a follow-up");
    assert!(has_review(&session), "the programme keeps its review phase");
    assert_eq!(
        app.world().resource::<DeckSource>().path.as_deref(),
        Some(path.as_path()),
        "the file is still the deck in use"
    );
    // An edit in the file loads, and the review phase stays.
    let mut newer = deck.clone();
    newer.statements[0].text = "Een nieuwe tekst voor de eerste stelling.".into();
    save_in_an_editor(&mut app, &path, &newer.to_ron());
    let session = app.world().resource::<ActiveGame>().session().clone();
    assert_eq!(session.deck.statements[0].text, newer.statements[0].text);
    assert!(has_review(&session), "the programme keeps its review phase");
    assert!(session.follows.is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}
