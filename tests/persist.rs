//! Nothing lost: saves after every action, resume on the same screen and card, damaged and newer files
//! set aside with a clear message, a read-only folder that warns and keeps trying, and the crash test
//! that kills the real game process at random moments.

use bevy::prelude::*;
use leerklimaat::app::Screen;
use leerklimaat::core::session::{Action, PostItColour, Round, Stage};
use leerklimaat::core::session_file::session_ron;
use leerklimaat::core::store::{DAMAGED_SUFFIX, Store};
use leerklimaat::game::{ActiveGame, GameMsg};
use leerklimaat::persist::{PastSessions, SaveStatus, SaveTarget, StoreMsg};
use leerklimaat::table::post_it::PostItNote;
use leerklimaat::{headless_app, history_hash};
use std::path::{Path, PathBuf};

/// How a session file of this version says so.
fn session_version() -> String {
    format!("version: {},", leerklimaat::core::session::SESSION_VERSION)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "lk-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn act(app: &mut App, a: Action) {
    app.world_mut().write_message(GameMsg::Do(a));
    app.update();
    app.update();
}

fn current_card(app: &App) -> leerklimaat::core::session::CardRef {
    app.world()
        .resource::<ActiveGame>()
        .session()
        .current_card()
        .expect("a card on the table")
}

fn saved_file(app: &App) -> PathBuf {
    app.world()
        .resource::<SaveTarget>()
        .path
        .clone()
        .expect("a save file")
}

fn played_app(dir: &Path) -> App {
    let mut app = headless_app(Some(Store::new(dir)), None);
    for n in ["Anouk", "Bram", "Chantal"] {
        act(
            &mut app,
            Action::AddPlayer {
                name: n.into(),
                colour: None,
            },
        );
    }
    act(&mut app, Action::StartPlay);
    let card = current_card(&app);
    let p = app.world().resource::<ActiveGame>().session().players[0].id;
    act(
        &mut app,
        Action::Place {
            player: p,
            card: card.clone(),
            round: Round::First,
            square: 2,
        },
    );
    act(
        &mut app,
        Action::AddPostIt {
            colour: PostItColour::Pink,
            text: "Hoe dan?".into(),
            author: Some(p),
            card,
        },
    );
    act(
        &mut app,
        Action::GoTo {
            index: 2,
            seconds: 30,
        },
    );
    let card = current_card(&app);
    act(
        &mut app,
        Action::AddPostIt {
            colour: PostItColour::Green,
            text: "Intervisie".into(),
            author: None,
            card,
        },
    );
    act(&mut app, Action::StartPlenary);
    app
}

#[test]
fn every_action_is_saved_and_resumes_on_the_same_screen_and_card() {
    let dir = temp_dir("resume");
    let app = played_app(&dir);
    let status = app.world().resource::<SaveStatus>();
    let game = app.world().resource::<ActiveGame>().game();
    assert_eq!(
        status.saved_actions,
        game.done().len(),
        "the last action is on disk"
    );
    assert!(status.error.is_none());
    let path = saved_file(&app);
    let on_disk = leerklimaat::core::session_file::load_game_file(&path).unwrap();
    assert_eq!(on_disk.session(), game.session());
    assert_eq!(on_disk.done(), game.done(), "the undo history is saved too");
    let game = game.clone();
    // The first window is closed (and lets go of the session).
    drop(app);

    // A new process finds it unfinished and offers it; resuming lands on the same screen and card.
    let mut again = headless_app(Some(Store::new(&dir)), None);
    let offer = again
        .world()
        .resource::<PastSessions>()
        .offer
        .clone()
        .expect("offered to continue");
    assert_eq!(offer.path, path);
    again.world_mut().write_message(StoreMsg::Open(offer.path));
    again.update();
    again.update();
    again.update();
    let resumed = again.world().resource::<ActiveGame>().session().clone();
    assert_eq!(&resumed, game.session());
    assert_eq!(resumed.stage, Stage::Plenary);
    assert_eq!(
        *again.world().resource::<State<Screen>>().get(),
        Screen::Plenary
    );
    assert_eq!(
        again
            .world_mut()
            .query::<&PostItNote>()
            .iter(again.world())
            .count(),
        2
    );
    // Undo still works across the restart, and further saves go to the same file.
    again.world_mut().write_message(GameMsg::Undo);
    again.update();
    again.update();
    assert_eq!(
        *again.world().resource::<State<Screen>>().get(),
        Screen::Play
    );
    assert_eq!(saved_file(&again), path);
    assert_eq!(
        leerklimaat::core::session_file::load_game_file(&path)
            .unwrap()
            .session()
            .stage,
        Stage::Play
    );

    // --resume FILE does the same at start (once the window that has it is closed).
    drop(again);
    let direct = headless_app(Some(Store::new(&dir)), Some(path.clone()));
    let mut direct = direct;
    direct.update();
    direct.update();
    assert_eq!(
        direct.world().resource::<ActiveGame>().session().stage,
        Stage::Play
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_read_only_folder_warns_keeps_everything_and_catches_up() {
    let dir = temp_dir("readonly");
    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let mut app = headless_app(Some(Store::new(&sessions)), None);
    act(
        &mut app,
        Action::AddPlayer {
            name: "Anouk".into(),
            colour: None,
        },
    );
    let path = saved_file(&app);
    let before = std::fs::read_to_string(&path).unwrap();
    // Make the folder unwritable (a full disk fails the same way: the write or the rename fails).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&sessions, std::fs::Permissions::from_mode(0o555)).unwrap();
    let writable = std::fs::File::create(sessions.join("probe")).is_ok();
    if writable {
        // Running as root: permissions do not stop us, so simulate with a file where the folder should be.
        std::fs::set_permissions(&sessions, std::fs::Permissions::from_mode(0o755)).unwrap();
        let _ = std::fs::remove_file(sessions.join("probe"));
        app.world_mut().resource_mut::<SaveTarget>().path =
            Some(dir.join("not-a-folder").join("x.session.ron"));
        std::fs::write(dir.join("not-a-folder"), "a file, not a folder").unwrap();
    }
    act(
        &mut app,
        Action::AddPlayer {
            name: "Bram".into(),
            colour: None,
        },
    );
    act(
        &mut app,
        Action::AddPlayer {
            name: "Chantal".into(),
            colour: None,
        },
    );
    let status = app.world().resource::<SaveStatus>();
    assert!(status.error.is_some(), "the warning is shown");
    assert_eq!(
        app.world().resource::<ActiveGame>().session().players.len(),
        3,
        "nothing lost in memory"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "the previous save is intact"
    );
    // The folder becomes writable again: the next try saves everything.
    if writable {
        std::fs::remove_file(dir.join("not-a-folder")).unwrap();
        std::fs::create_dir_all(dir.join("not-a-folder")).unwrap();
    } else {
        std::fs::set_permissions(&sessions, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    app.world_mut().resource_mut::<SaveStatus>().last_try = None;
    app.update();
    let status = app.world().resource::<SaveStatus>();
    assert!(status.error.is_none(), "{:?}", status.error);
    let saved = leerklimaat::core::session_file::load_game_file(&saved_file(&app)).unwrap();
    assert_eq!(saved.session().players.len(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn damaged_files_are_set_aside_and_newer_ones_reported_with_a_message() {
    let dir = temp_dir("damaged");
    let store = Store::new(&dir);
    let good = leerklimaat::core::simulate::simulate(leerklimaat::core::simulate::SimulateSpec {
        players: 3,
        statements: 3,
        post_its: 4,
        seed: 9,
    });
    let text = session_ron(&good);
    std::fs::write(dir.join("a-good.session.ron"), &text).unwrap();
    std::fs::write(dir.join("b-truncated.session.ron"), &text[..text.len() / 3]).unwrap();
    std::fs::write(
        dir.join("c-newer.session.ron"),
        text.replacen(&session_version(), "version: 99,", 1),
    )
    .unwrap();
    std::fs::write(dir.join("d-binary.session.ron"), [0u8, 159, 146, 150, 1, 2]).unwrap();
    let (listings, damaged) = store.list();
    assert_eq!(listings.len(), 1);
    assert_eq!(listings[0].players.len(), 3);
    assert_eq!(damaged.len(), 3);
    assert!(
        damaged
            .iter()
            .any(|d| d.message.contains("version 99") && d.message.contains("Update the app")),
        "{damaged:?}"
    );
    assert!(
        damaged
            .iter()
            .any(|d| d.message.contains("b-truncated.session.ron:")),
        "{damaged:?}"
    );
    for name in ["b-truncated", "d-binary"] {
        let kept = dir.join(format!("{name}.session.ron{DAMAGED_SUFFIX}"));
        assert!(kept.exists(), "{name} kept aside");
        assert!(!dir.join(format!("{name}.session.ron")).exists());
    }
    // A newer app's session is not damaged: it stays where that app looks for it, listing after
    // listing, and is reported each time.
    for _ in 0..2 {
        let (_, damaged) = store.list();
        assert!(damaged.iter().any(|d| d.message.contains("version 99")));
        assert!(dir.join("c-newer.session.ron").exists(), "left in place");
        assert!(
            !dir.join(format!("c-newer.session.ron{DAMAGED_SUFFIX}"))
                .exists(),
            "not set aside"
        );
    }
    // A session file elsewhere (say, given to --resume) is reported but never renamed.
    let outside =
        std::env::temp_dir().join(format!("lk-outside-{}.session.ron", std::process::id()));
    std::fs::write(&outside, "(kapot").unwrap();
    assert!(store.open(&outside).is_err());
    assert!(
        outside.exists(),
        "a file outside the sessions folder is left where it is"
    );
    std::fs::remove_file(&outside).unwrap();
    // Its bytes are untouched.
    assert_eq!(
        std::fs::read_to_string(dir.join("c-newer.session.ron")).unwrap(),
        text.replacen(&session_version(), "version: 99,", 1)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn past_sessions_can_be_renamed_exported_and_deleted() {
    let dir = temp_dir("past");
    let app = played_app(&dir);
    let path = saved_file(&app);
    drop(app);
    let mut app = headless_app(Some(Store::new(&dir)), None);
    app.world_mut()
        .write_message(StoreMsg::Rename(path.clone(), "Team Noord".into()));
    app.update();
    let listing = app
        .world()
        .resource::<PastSessions>()
        .listings
        .iter()
        .find(|l| l.path == path)
        .cloned()
        .unwrap();
    assert_eq!(listing.group, "Team Noord");
    app.world_mut()
        .write_message(StoreMsg::Delete(path.clone()));
    app.update();
    assert!(!path.exists());
    assert!(app.world().resource::<PastSessions>().listings.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Starts the real game binary in soak mode, kills it with SIGKILL at a random moment, and checks that
/// the saved file is readable and holds at least every action confirmed before the kill.
fn crash_once(seed: u64, actions: usize, expected: &[(usize, String)]) -> (usize, usize) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = temp_dir(&format!("crash-{seed}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_leerklimaat"))
        .args([
            "soak",
            "--actions",
            &actions.to_string(),
            "--pace-ms",
            "1",
            "--seed",
            "42",
            "--save-dir",
        ])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Kill after a random number of confirmations (a random moment in the run), then a random delay.
    let kill_after = (seed as usize * 7919) % actions.max(1);
    let mut last_confirmed = 0;
    for line in rx.iter() {
        let step: usize = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap();
        last_confirmed = step;
        if step >= kill_after {
            std::thread::sleep(std::time::Duration::from_micros(seed * 1373 % 3000));
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Lines printed before the kill are confirmed too.
    for line in rx.try_iter() {
        if let Some(step) = line.split(' ').nth(1).and_then(|s| s.parse().ok()) {
            last_confirmed = step;
        }
    }
    reader.join().unwrap();
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".session.ron"))
        .collect();
    assert_eq!(files.len(), 1, "one session file: {files:?}");
    let game = leerklimaat::core::session_file::load_game_file(&files[0])
        .unwrap_or_else(|e| panic!("seed {seed}: unreadable save: {e}"));
    let hash = format!("{:016x}", history_hash(&game));
    // The file is the state of a step at or after the last confirmed one.
    let at = expected.iter().find(|(_, h)| *h == hash).map(|(s, _)| *s);
    let at =
        at.unwrap_or_else(|| panic!("seed {seed}: the saved history matches no confirmed state"));
    let latest_same = expected
        .iter()
        .filter(|(_, h)| *h == hash)
        .map(|(s, _)| *s)
        .max()
        .unwrap_or(at);
    assert!(
        latest_same >= last_confirmed,
        "seed {seed}: saved state of step {latest_same} is older than confirmed step {last_confirmed}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    (last_confirmed, game.done().len())
}

#[test]
fn killed_at_random_moments_nothing_confirmed_is_lost() {
    use std::io::BufRead;
    let runs: u64 = std::env::var("CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    let actions: usize = std::env::var("CRASH_ACTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    // The states the run goes through, from one run to the end (the soak is deterministic per seed).
    let dir = temp_dir("crash-reference");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leerklimaat"))
        .args([
            "soak",
            "--actions",
            &actions.to_string(),
            "--pace-ms",
            "0",
            "--seed",
            "42",
            "--save-dir",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let expected: Vec<(usize, String)> = out
        .stdout
        .lines()
        .map_while(Result::ok)
        .map(|l| {
            let mut parts = l.split(' ').skip(1);
            (
                parts.next().unwrap().parse().unwrap(),
                parts.next().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        expected.len() > actions / 2,
        "most steps change the session and are confirmed: {}",
        expected.len()
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let mut confirmed_total = 0;
    for seed in 1..=runs {
        let (confirmed, _) = crash_once(seed, actions, &expected);
        confirmed_total += confirmed;
    }
    eprintln!(
        "crash test: {runs} kills, {actions} actions a run, {confirmed_total} confirmed actions checked"
    );
}

#[test]
fn an_overview_of_past_sessions_can_be_made_and_exported_in_the_app() {
    let dir = temp_dir("overview");
    for seed in 1..=3u64 {
        let g = leerklimaat::core::simulate::simulate(leerklimaat::core::simulate::SimulateSpec {
            players: 3 + seed as usize,
            statements: 6,
            post_its: 5,
            seed,
        });
        std::fs::write(dir.join(format!("s{seed}.session.ron")), session_ron(&g)).unwrap();
    }
    let mut app = headless_app(Some(Store::new(&dir)), None);
    let paths: Vec<PathBuf> = app
        .world()
        .resource::<PastSessions>()
        .listings
        .iter()
        .map(|l| l.path.clone())
        .collect();
    assert_eq!(paths.len(), 3);
    app.world_mut().write_message(StoreMsg::Overview(paths));
    app.update();
    let view = app.world().resource::<leerklimaat::persist::OverviewView>();
    let o = view.overview.as_ref().expect("an overview");
    assert_eq!(o.groups.len(), 3);
    assert_eq!(o.statements.len(), 6);
    let folder = leerklimaat::persist::export_overview(
        o,
        leerklimaat::core::session::Lang::Nl,
        &dir.join("export"),
    )
    .unwrap();
    for name in [
        "overview.html",
        "overview.png",
        "overview.csv",
        "overview-long.csv",
        "overview-questions.csv",
    ] {
        let file = folder.join(name);
        assert!(file.exists(), "{name}");
        // The groups' names and post-its: readable by the user only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{name} is readable by others: {mode:o}");
        }
    }
    app.world_mut().write_message(StoreMsg::CloseOverview);
    app.update();
    assert!(
        app.world()
            .resource::<leerklimaat::persist::OverviewView>()
            .overview
            .is_none()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Session files hold the participants' names and opinions: only the user may read them.
#[cfg(unix)]
#[test]
fn session_files_are_readable_by_the_user_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir("mode");
    let store = Store::new(&dir);
    let game = leerklimaat::core::simulate::simulate(leerklimaat::core::simulate::SimulateSpec {
        players: 2,
        statements: 2,
        post_its: 2,
        seed: 3,
    });
    let path = store.new_path("2026-11-22 10:00");
    store.save(&path, &game).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
    // Saved again over an existing file: still private.
    store.save(&path, &game).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A second window (a double click on a slow laptop) does not open or write the session the first
/// window is playing: it says so, and starts a session of its own.
#[test]
fn a_second_window_neither_opens_nor_writes_a_session_in_play() {
    let dir = temp_dir("two-windows");
    let mut first = played_app(&dir);
    let path = saved_file(&first);
    let before = std::fs::read_to_string(&path).unwrap();
    // The second window is offered nothing and cannot resume it.
    let mut second = headless_app(Some(Store::new(&dir)), Some(path.clone()));
    assert!(second.world().resource::<PastSessions>().offer.is_none());
    assert!(
        second
            .world()
            .resource::<PastSessions>()
            .damaged
            .iter()
            .any(|d| d.message.contains("open in another Leerklimaat window")),
        "{:?}",
        second.world().resource::<PastSessions>().damaged
    );
    assert!(
        second
            .world()
            .resource::<ActiveGame>()
            .session()
            .players
            .is_empty(),
        "not loaded"
    );
    assert!(
        Store::new(&dir).unfinished().is_none(),
        "--resume finds none"
    );
    // What the second window does goes into its own file.
    act(
        &mut second,
        Action::AddPlayer {
            name: "Tweede".into(),
            colour: None,
        },
    );
    assert_ne!(saved_file(&second), path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // Renaming or deleting it from the second window's list is refused too.
    second
        .world_mut()
        .write_message(StoreMsg::Delete(path.clone()));
    second.update();
    assert!(path.exists());
    // The first window goes on saving; once it is closed, the session can be continued.
    act(&mut first, Action::PassTurn);
    drop(first);
    let third = headless_app(Some(Store::new(&dir)), Some(path.clone()));
    assert!(
        !third
            .world()
            .resource::<ActiveGame>()
            .session()
            .players
            .is_empty()
    );
    drop((second, third));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Closing the window while saves fail asks first and offers to save the session elsewhere; with
/// everything saved it closes at once.
#[test]
fn closing_while_saves_fail_asks_and_saves_elsewhere() {
    use bevy::window::WindowCloseRequested;
    use leerklimaat::persist::{CloseAnswer, CloseGuard};
    let dir = temp_dir("close");
    // All saved: the window closes when asked.
    let mut fine = headless_app(Some(Store::new(dir.join("ok"))), None);
    act(
        &mut fine,
        Action::AddPlayer {
            name: "Anouk".into(),
            colour: None,
        },
    );
    fine.world_mut().write_message(WindowCloseRequested {
        window: Entity::PLACEHOLDER,
    });
    fine.update();
    assert!(fine.should_exit().is_some(), "closes when all is saved");

    // A save folder that cannot be made (a file is in the way): saves fail.
    std::fs::write(dir.join("blocked"), "a file, not a folder").unwrap();
    let mut app = headless_app(Some(Store::new(dir.join("blocked").join("sessions"))), None);
    act(
        &mut app,
        Action::AddPlayer {
            name: "Bram".into(),
            colour: None,
        },
    );
    assert!(app.world().resource::<SaveStatus>().error.is_some());
    app.world_mut().write_message(WindowCloseRequested {
        window: Entity::PLACEHOLDER,
    });
    app.update();
    assert!(app.should_exit().is_none(), "does not close by itself");
    assert!(app.world().resource::<CloseGuard>().asking);
    // Back to the game, then close again and save elsewhere: the copy holds the whole session.
    app.world_mut().write_message(CloseAnswer::Stay);
    app.update();
    assert!(!app.world().resource::<CloseGuard>().asking);
    assert!(app.should_exit().is_none());
    let copy = dir.join("usb").join("copy.session.ron");
    app.world_mut()
        .write_message(CloseAnswer::SaveElsewhere(copy.clone()));
    app.update();
    assert!(app.should_exit().is_some(), "closes once saved elsewhere");
    let saved = leerklimaat::core::session_file::load_game_file(&copy).unwrap();
    assert_eq!(
        saved.session(),
        app.world().resource::<ActiveGame>().session()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A save killed half-way leaves no temporary file for long: the next listing removes the old ones and
/// leaves a save in progress (a young one) and everything else alone.
#[test]
fn temporary_files_of_killed_saves_are_cleaned_up() {
    let dir = temp_dir("leftovers");
    let store = Store::new(&dir);
    let old = dir.join(".2026-11-22-10-00-1a2b3.session.ron.Xq3z9a");
    let young = dir.join(".2026-11-22-10-00-1a2b4.session.ron.Pp0k2b");
    let other = dir.join(".notes.txt.abcdef");
    for f in [&old, &young, &other] {
        std::fs::write(f, "(base: (ver").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for f in [&old, &other] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    let (listings, damaged) = store.list();
    assert!(listings.is_empty() && damaged.is_empty());
    assert!(!old.exists(), "left over: removed");
    assert!(young.exists(), "maybe in progress: kept");
    assert!(other.exists(), "not ours: kept");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The time spent in a phase of the programme survives a restart, like the card's clock.
#[test]
fn a_resumed_programme_phase_keeps_its_time() {
    let dir = temp_dir("programme-clock");
    let mut app = headless_app(Some(Store::new(&dir)), None);
    act(&mut app, Action::FollowProgramme(true));
    act(
        &mut app,
        Action::AddPlayer {
            name: "Ada".into(),
            colour: None,
        },
    );
    act(&mut app, Action::StartPlay);
    // Ten minutes into the first phase, then a change is saved.
    app.world_mut()
        .resource_mut::<leerklimaat::game::PhaseClock>()
        .offset = 600;
    act(&mut app, Action::ExtendPhase { minutes: 5 });
    let path = saved_file(&app);
    drop(app);
    let mut again = headless_app(Some(Store::new(&dir)), Some(path));
    again.update();
    again.update();
    let clock = again.world().resource::<leerklimaat::game::PhaseClock>();
    assert_eq!(clock.phase, Some(0));
    assert!(clock.seconds() >= 600, "{} seconds", clock.seconds());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Starting the app and choosing a deck or a language writes no file: empty sessions do not pile up
/// in the list of past sessions. The first name typed is saved, with the choices made before it.
#[test]
fn a_session_nobody_typed_into_is_not_saved() {
    let dir = temp_dir("blank");
    let mut app = headless_app(Some(Store::new(&dir)), None);
    act(
        &mut app,
        Action::SetLanguage(leerklimaat::core::session::Lang::En),
    );
    act(
        &mut app,
        Action::SetDeck(leerklimaat::core::deck::builtin_deck("leerruimte").unwrap()),
    );
    let files = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().to_string_lossy().ends_with(".ron"))
            .count()
    };
    assert_eq!(files(&dir), 0, "nothing typed, nothing saved");
    act(
        &mut app,
        Action::AddPlayer {
            name: "Ada".into(),
            colour: None,
        },
    );
    assert_eq!(files(&dir), 1);
    let saved = leerklimaat::core::session_file::load_game_file(&saved_file(&app)).unwrap();
    assert_eq!(saved.session().deck.title, "Leerruimte");
    assert_eq!(
        saved.done().len(),
        3,
        "the choices before the name are kept"
    );
    // A blank file an earlier version left behind is not listed.
    let blank = leerklimaat::core::session::Game::new(leerklimaat::core::session::Session::new(
        leerklimaat::core::deck::default_deck(),
        "2026-01-01 10:00".into(),
    ));
    std::fs::write(
        dir.join("2026-01-01 10-00.session.ron"),
        session_ron(&blank),
    )
    .unwrap();
    let (listed, _) = Store::new(&dir).list();
    assert_eq!(listed.len(), 1, "only the session with a player");
}

/// Text typed and not entered is saved with the session once typing stops (not as an action: undo
/// does not see it), comes back with a resume, and closing with it asks first; the close saves the
/// clocks too.
#[test]
fn drafts_are_saved_resumed_and_asked_about_at_close() {
    use bevy::window::WindowCloseRequested;
    use leerklimaat::core::drafts::{DraftField, Drafts};
    use leerklimaat::game::OpenDrafts;
    use leerklimaat::persist::{CloseAnswer, CloseGuard};
    use std::time::{Duration, Instant};
    let dir = temp_dir("drafts");
    let mut app = played_app(&dir);
    let path = saved_file(&app);
    let card = current_card(&app);
    let actions = app.world().resource::<ActiveGame>().game().done().len();
    let mut typed = Drafts::default();
    typed.keep(DraftField::PostIt(card.clone()), "Wij vragen ons af", "");
    typed.keep(DraftField::CaseTitle, "De nieuwe collega", "");
    app.world_mut()
        .resource_mut::<OpenDrafts>()
        .update(typed.clone());
    // Still typing: not saved yet.
    app.update();
    let on_disk = |path: &Path| {
        leerklimaat::core::session_file::load_game_file(path)
            .unwrap()
            .drafts()
            .clone()
    };
    assert!(on_disk(&path).is_empty(), "saved while typing");
    // Typing stopped a moment ago: saved, without an action.
    let past = Instant::now() - Duration::from_secs(2);
    app.world_mut().resource_mut::<OpenDrafts>().unsaved =
        leerklimaat::game::Unsaved::since(past, past);
    app.update();
    assert_eq!(on_disk(&path), typed);
    assert_eq!(
        app.world().resource::<ActiveGame>().game().done().len(),
        actions,
        "typing is no action"
    );
    assert!(!app.world().resource::<OpenDrafts>().unsaved.pending());
    // Closing asks first, and saves the clocks.
    app.world_mut().write_message(WindowCloseRequested {
        window: Entity::PLACEHOLDER,
    });
    app.update();
    assert!(app.should_exit().is_none(), "closed with a draft");
    assert!(app.world().resource::<CloseGuard>().asking_drafts);
    app.world_mut().write_message(CloseAnswer::CloseAnyway);
    app.update();
    assert!(app.should_exit().is_some());
    drop(app);
    // Resumed: every draft is back.
    let mut resumed = headless_app(Some(Store::new(&dir)), Some(path.clone()));
    resumed.update();
    assert_eq!(resumed.world().resource::<OpenDrafts>().drafts, typed);
    drop(resumed);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The card's and the phase's clocks are saved while they run, without an action and without a
/// frame (the clock keeper's thread), so a crash loses little of them and an idle room's screen draws
/// nothing for it.
#[test]
fn running_clocks_are_saved_without_an_action_or_a_frame() {
    use leerklimaat::game::CardClock;
    use leerklimaat::persist::ClockKeeper;
    use std::time::{Duration, Instant};
    let dir = temp_dir("clocks");
    let mut app = played_app(&dir);
    let path = saved_file(&app);
    let seconds = |path: &Path| {
        leerklimaat::core::session_file::load_game_file(path)
            .unwrap()
            .timer()
            .seconds
    };
    let before = seconds(&path);
    assert!(before < 7 * 60);
    // Seven minutes on the card, seen by one frame.
    app.world_mut().resource_mut::<CardClock>().offset = 7 * 60;
    app.update();
    assert_eq!(seconds(&path), before, "saved again at once");
    // From now on no frame: the keeper saves the clocks when they are due.
    app.world()
        .resource::<ClockKeeper>()
        .set_every(Duration::from_millis(10));
    let deadline = Instant::now() + Duration::from_secs(60);
    while seconds(&path) < 7 * 60 {
        assert!(Instant::now() < deadline, "the clocks were not saved");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(app.world().resource::<ClockKeeper>().writes() > 0);
    // What the room typed is still all there.
    let loaded = leerklimaat::core::session_file::load_game_file(&path).unwrap();
    assert_eq!(
        loaded.session(),
        app.world().resource::<ActiveGame>().session()
    );
    drop(app);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A crash on the outcome (or in the closing round of a programme) is offered for resume like any
/// other session not finished; a session finished with *Afronden* is not.
#[test]
fn every_session_not_finished_is_offered_also_from_the_outcome() {
    let dir = temp_dir("offer-outcome");
    let mut app = played_app(&dir);
    act(&mut app, Action::ShowOutcome);
    assert_eq!(
        app.world().resource::<ActiveGame>().session().stage,
        Stage::Outcome
    );
    let path = saved_file(&app);
    drop(app);
    let offered = |dir: &Path| {
        headless_app(Some(Store::new(dir)), None)
            .world()
            .resource::<PastSessions>()
            .offer
            .clone()
            .map(|l| l.path)
    };
    assert_eq!(offered(&dir), Some(path.clone()), "the outcome is offered");
    assert_eq!(
        Store::new(&dir).unfinished().map(|l| l.path),
        Some(path.clone()),
        "--resume finds it"
    );
    // Finished at the end of the programme: no longer offered.
    let mut app = headless_app(Some(Store::new(&dir)), Some(path.clone()));
    app.update();
    act(&mut app, Action::Finish { seconds: 5 });
    assert!(app.world().resource::<ActiveGame>().session().finished);
    drop(app);
    assert_eq!(offered(&dir), None);
    assert!(Store::new(&dir).unfinished().is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The sessions folder is not there when the game starts (a USB stick mounted late; here a file is in
/// its place, which stops root too), so the first lock fails. Once the folder is there, the first
/// save that succeeds takes the lock: a second window can neither open nor write the session.
#[test]
fn the_lock_is_taken_once_a_save_succeeds_after_a_failed_start() {
    use leerklimaat::core::store::{LockError, lock_session, open_elsewhere};
    let dir = temp_dir("late-lock");
    let sessions = dir.join("usb");
    std::fs::write(&sessions, "not mounted yet").unwrap();
    let mut app = headless_app(Some(Store::new(&sessions)), None);
    act(
        &mut app,
        Action::AddPlayer {
            name: "Anouk".into(),
            colour: None,
        },
    );
    assert!(app.world().resource::<SaveStatus>().error.is_some());
    assert!(
        app.world()
            .resource::<leerklimaat::persist::HeldLock>()
            .0
            .is_none(),
        "no lock without a folder"
    );
    let path = saved_file(&app);
    // The stick is mounted: the retry saves, and takes the lock.
    std::fs::remove_file(&sessions).unwrap();
    std::fs::create_dir_all(&sessions).unwrap();
    app.world_mut().resource_mut::<SaveStatus>().last_try = None;
    app.update();
    assert!(app.world().resource::<SaveStatus>().error.is_none());
    assert!(path.exists(), "saved");
    assert!(open_elsewhere(&path), "the session is held by this window");
    assert!(matches!(lock_session(&path), Err(LockError::Elsewhere(_))));
    // A second window is offered nothing and cannot resume it.
    let second = headless_app(Some(Store::new(&sessions)), Some(path.clone()));
    assert!(second.world().resource::<PastSessions>().offer.is_none());
    assert!(
        second
            .world()
            .resource::<ActiveGame>()
            .session()
            .players
            .is_empty(),
        "not loaded in the second window"
    );
    drop((second, app));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A session that ended without *Afronden* (the group went home at the outcome) can be marked finished
/// from the offer or the list: it is no longer offered, the list says so, and undo opens it again.
#[test]
fn a_session_marked_finished_is_no_longer_offered() {
    use leerklimaat::core::session::Action as A;
    let dir = temp_dir("mark-finished");
    let app = played_app(&dir);
    let path = saved_file(&app);
    drop(app);
    let mut app = headless_app(Some(Store::new(&dir)), None);
    let past = |app: &App| app.world().resource::<PastSessions>().clone_view();
    assert_eq!(past(&app).0, Some(path.clone()), "offered");
    app.world_mut()
        .write_message(StoreMsg::MarkFinished(path.clone()));
    app.update();
    let (offer, listed) = past(&app);
    assert_eq!(offer, None, "no longer offered");
    assert_eq!(listed, vec![(path.clone(), true)], "listed as finished");
    assert!(
        Store::new(&dir).unfinished().is_none(),
        "--resume finds none"
    );
    let saved = leerklimaat::core::session_file::load_game_file(&path).unwrap();
    assert!(saved.session().finished);
    assert_eq!(saved.session().stage, Stage::Plenary, "where it stopped");
    assert_eq!(
        saved.done().last(),
        Some(&A::MarkFinished),
        "an action, undone like any"
    );
    drop(app);
    assert_eq!(past(&headless_app(Some(Store::new(&dir)), None)).0, None);
    // Continued all the same, undo opens it again.
    let mut app = headless_app(Some(Store::new(&dir)), Some(path.clone()));
    app.update();
    app.world_mut().write_message(GameMsg::Undo);
    app.update();
    app.update();
    assert!(!app.world().resource::<ActiveGame>().session().finished);
    drop(app);
    assert_eq!(
        past(&headless_app(Some(Store::new(&dir)), None)).0,
        Some(path)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

trait PastView {
    /// The path offered, and every listed path with whether it is finished.
    fn clone_view(&self) -> (Option<PathBuf>, Vec<(PathBuf, bool)>);
}

impl PastView for PastSessions {
    fn clone_view(&self) -> (Option<PathBuf>, Vec<(PathBuf, bool)>) {
        (
            self.offer.as_ref().map(|l| l.path.clone()),
            self.listings
                .iter()
                .map(|l| (l.path.clone(), l.finished))
                .collect(),
        )
    }
}

/// A session in a folder where its lock cannot be made (read-only, a write-protected USB stick; here
/// also the lock's place taken by a folder, which stops root too) is not loaded half-way: the setup
/// screen says what is wrong, and the game goes on from a copy in the sessions folder, held by this
/// window, the original untouched.
#[test]
fn a_session_that_cannot_be_continued_in_its_folder_goes_on_from_a_copy() {
    use leerklimaat::core::store::{lock_path, open_elsewhere};
    let dir = temp_dir("stuck");
    let usb = dir.join("usb");
    let app = played_app(&usb);
    let path = saved_file(&app);
    let original = app.world().resource::<ActiveGame>().game().clone();
    drop(app);
    let bytes = std::fs::read(&path).unwrap();
    let sessions = dir.join("sessions");
    let stuck = |app: &App| app.world().resource::<PastSessions>().stuck.clone();

    // The lock's place is taken: the session cannot be locked there.
    std::fs::remove_file(lock_path(&path)).unwrap();
    std::fs::create_dir(lock_path(&path)).unwrap();
    let mut app = headless_app(Some(Store::new(&sessions)), Some(path.clone()));
    app.update();
    let s = stuck(&app).expect("the setup screen says why");
    assert_eq!(s.path, path);
    assert!(!s.read_only);
    assert!(
        app.world()
            .resource::<ActiveGame>()
            .session()
            .players
            .is_empty(),
        "not loaded"
    );
    assert!(app.world().resource::<SaveTarget>().path.is_none());
    // On from a copy.
    app.world_mut()
        .write_message(StoreMsg::OpenCopy(path.clone()));
    app.update();
    app.update();
    app.update();
    assert_eq!(stuck(&app), None);
    let copy = saved_file(&app);
    assert_eq!(copy.parent(), Some(sessions.as_path()));
    assert_eq!(
        app.world().resource::<ActiveGame>().game().done(),
        original.done()
    );
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Plenary
    );
    assert!(open_elsewhere(&copy), "the copy is held by this window");
    act(&mut app, Action::PassTurn);
    assert_eq!(
        leerklimaat::core::session_file::load_game_file(&copy)
            .unwrap()
            .done()
            .len(),
        original.done().len() + 1,
        "play goes on in the copy"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the original as it was"
    );
    drop(app);
    std::fs::remove_dir(lock_path(&path)).unwrap();

    // A copy that cannot be made says why, and the way out stays on the screen.
    let blocked = dir.join("blocked");
    std::fs::write(&blocked, "a file, not a folder").unwrap();
    std::fs::create_dir(lock_path(&path)).unwrap();
    let mut app = headless_app(
        Some(Store::new(blocked.join("sessions"))),
        Some(path.clone()),
    );
    app.world_mut()
        .write_message(StoreMsg::OpenCopy(path.clone()));
    app.update();
    let s = stuck(&app).expect("still shown");
    assert!(s.copy_failed.is_some(), "{s:?}");
    app.world_mut().write_message(StoreMsg::Dismiss);
    app.update();
    assert_eq!(stuck(&app), None, "a new session instead");
    drop(app);
    std::fs::remove_dir(lock_path(&path)).unwrap();

    // A read-only folder: said as such. Root writes into any folder, so this part needs a user.
    use std::os::unix::fs::PermissionsExt;
    std::fs::remove_file(lock_path(&path)).ok();
    std::fs::set_permissions(&usb, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::File::create(usb.join("probe")).is_ok() {
        eprintln!(
            "running as root: a read-only folder cannot be made; its own wording is not tested"
        );
    } else {
        let app = headless_app(Some(Store::new(&sessions)), Some(path.clone()));
        let s = stuck(&app).expect("the setup screen says why");
        assert!(s.read_only, "{s:?}");
    }
    std::fs::set_permissions(&usb, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--resume` without a file (as the README says) is understood: with no unfinished session in the
/// folder it says so and starts a new one, instead of refusing the command line. Run without a
/// display, so the window cannot open and the program ends by itself.
#[test]
fn resume_without_a_file_is_understood() {
    let dir = temp_dir("resume-newest");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leerklimaat"))
        .arg("--resume")
        .arg("--save-dir")
        .arg(&dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let _ = child.wait();
    assert!(
        !stderr.contains("a value is required"),
        "the command line was refused: {stderr}"
    );
    assert!(
        stderr.contains("there is no unfinished session to continue"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
