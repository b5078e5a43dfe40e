//! Session files that could drift: the rules of an entity hold on load as they do for an action,
//! recorded times stay readable, every older format version loads, and exports are private and named
//! within the limits of the file system. (Special and huge files: `hostile_sessions`.)

use leerklimaat::core::export;
use leerklimaat::core::session::{
    Action, ActionError, Case, Game, MAX_CARD_SECONDS, MAX_CASE_DESCRIPTION_CHARS, PlayerId,
    Session, TimerSave,
};
use leerklimaat::core::session_file::{load_game_file, parse_game, session_ron};
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "lk-files-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn played() -> Game {
    simulate(SimulateSpec {
        players: 3,
        statements: 3,
        post_its: 4,
        seed: 11,
    })
}

/// The good base with its session changed by hand, as an edited file would hold it.
fn edited(change: impl FnOnce(&mut Session)) -> Game {
    let (mut base, done, undone, timer) = Game::new(played().session().clone()).into_file_parts();
    change(&mut base);
    Game::from_file_parts(base, done, undone, timer)
}

fn refused_on_load(game: &Game) -> String {
    match parse_game("s.session.ron", &session_ron(game)) {
        Ok(_) => panic!("the file loaded"),
        Err(e) => e.to_string(),
    }
}

/// A hand-edited file may not hold what an action would refuse: each entity has one set of rules.
#[test]
fn a_file_is_held_to_the_rules_of_the_actions() {
    assert!(parse_game("s.session.ron", &session_ron(&edited(|_| ()))).is_ok());
    let case = |s: &mut Session, description: String| {
        let id = s.next_case;
        s.next_case += 1;
        s.cases.push(Case {
            id,
            title: "Onze casus".into(),
            description,
            brought_by: None,
            after: None,
        });
    };
    let ok = edited(|s| case(s, "x".repeat(MAX_CASE_DESCRIPTION_CHARS)));
    assert!(parse_game("s.session.ron", &session_ron(&ok)).is_ok());
    let m = refused_on_load(&edited(|s| case(s, "x".repeat(10_000))));
    assert!(m.contains("case") && m.contains("too long"), "{m}");
    let m = refused_on_load(&edited(|s| {
        case(s, String::new());
        s.cases.last_mut().unwrap().title = " ".into();
    }));
    assert!(m.contains("case"), "{m}");
    let m = refused_on_load(&edited(|s| {
        case(s, String::new());
        s.cases.last_mut().unwrap().brought_by = Some(PlayerId(999));
    }));
    assert!(m.contains("unknown player"), "{m}");
    let m = refused_on_load(&edited(|s| s.group = "g".repeat(10_000)));
    assert!(m.contains("group"), "{m}");
    let m = refused_on_load(&edited(|s| s.post_its[0].text = " ".into()));
    assert!(m.contains("post-it"), "{m}");
    let m = refused_on_load(&edited(|s| s.players[0].name = "n".repeat(41)));
    assert!(m.contains("player"), "{m}");
    let m = refused_on_load(&edited(|s| {
        let name = s.players[0].name.to_uppercase();
        s.players[1].name = name;
    }));
    assert!(m.contains("already in the game"), "{m}");
}

/// `EditCase` keeps to the rules `AddCase` keeps to.
#[test]
fn editing_a_case_is_held_to_the_rules_of_adding_one() {
    let mut play = Game::new(played().session().clone());
    // Back into play, where cases are brought in.
    while play.session().phase != leerklimaat::core::session::Phase::Play {
        play.apply(Action::Return { seconds: 0 }).unwrap();
    }
    let by = play.session().players[0].id;
    play.apply(Action::AddCase {
        title: "Casus".into(),
        description: "Wat er gebeurde".into(),
        brought_by: Some(by),
    })
    .unwrap();
    let id = play.session().cases[0].id;
    let edit = |description: String, brought_by: Option<PlayerId>| Action::EditCase {
        id,
        title: "Casus".into(),
        description,
        brought_by,
    };
    assert_eq!(
        play.apply(edit("x".repeat(10_000), Some(by))),
        Err(ActionError::TextTooLong {
            len: 10_000,
            max: MAX_CASE_DESCRIPTION_CHARS
        })
    );
    assert_eq!(
        play.apply(edit("kort".into(), Some(PlayerId(999)))),
        Err(ActionError::UnknownPlayer(PlayerId(999)))
    );
    play.apply(edit("  kort  ".into(), None)).unwrap();
    let c = &play.session().cases[0];
    assert_eq!((c.description.as_str(), c.brought_by), ("kort", None));
    // And the result saves and loads.
    let back = parse_game("s.session.ron", &session_ron(&play)).unwrap();
    assert_eq!(back.session(), play.session());
}

/// A session left open for weeks: every recorded time stops at the most a file may hold, so the file
/// stays readable by the game that wrote it.
#[test]
fn times_stop_at_the_most_a_file_may_hold() {
    let mut g = played();
    while g.session().phase != leerklimaat::core::session::Phase::Play {
        g.apply(Action::Return { seconds: 0 }).unwrap();
    }
    let weeks = 60 * 24 * 3600;
    g.apply(Action::GoTo {
        index: 0,
        seconds: weeks,
    })
    .unwrap();
    g.apply(Action::GoTo {
        index: 1,
        seconds: weeks,
    })
    .unwrap();
    g.apply(Action::Skip { seconds: u64::MAX }).unwrap();
    g.set_timer(TimerSave {
        shown: true,
        seconds: u64::MAX,
        agenda_seconds: weeks,
    });
    let back = parse_game("s.session.ron", &session_ron(&g))
        .unwrap_or_else(|e| panic!("the game cannot read its own file: {e}"));
    assert_eq!(back.session(), g.session());
    let first = &g.session().play_cards()[0];
    assert_eq!(g.session().records[first].seconds, MAX_CARD_SECONDS);
    assert!(
        g.session()
            .records
            .values()
            .all(|r| r.seconds <= MAX_CARD_SECONDS)
    );
    assert_eq!(back.timer().seconds, MAX_CARD_SECONDS);
    assert_eq!(back.timer().agenda_seconds, MAX_CARD_SECONDS);
    // The export counts the running time in, and stays within the limit too.
    let dir = temp_dir("weeks");
    export::write_all(&back, &dir).unwrap();
    assert!(load_game_file(&dir.join("session.ron")).is_ok());
    std::fs::remove_dir_all(&dir).unwrap();
}

fn group_of(name: &str, players: usize) -> Game {
    let mut g = simulate(SimulateSpec {
        players,
        statements: 3,
        post_its: 4,
        seed: 11,
    });
    g.apply(Action::SetGroup(name.into())).unwrap();
    g
}

/// A group name of 80 characters in a script of three or four bytes a character makes a folder name
/// longer than a file system allows (255 bytes): it is cut, on a character boundary.
#[test]
fn export_folder_names_fit_the_file_system() {
    for name in [
        "学".repeat(80),
        "Ж".repeat(80),
        "𝔘".repeat(80),
        "a".repeat(80),
    ] {
        let g = group_of(&name, 3);
        let folder = export::export_folder_name(g.session());
        assert!(folder.len() <= 240, "{} bytes: {folder}", folder.len());
        assert!(
            folder.starts_with(&g.session().started_at[..10]),
            "{folder}"
        );
        let base = temp_dir("long-name");
        let dir = export::export_everything(&g, &base.join(&folder)).unwrap();
        // Exported twice into the same base: the second folder gets a number and still fits.
        let other = group_of(&name, 2);
        let second = export::export_everything(&other, &base.join(&folder)).unwrap();
        assert_ne!(dir, second);
        assert!(second.file_name().unwrap().len() <= 255);
        std::fs::remove_dir_all(&base).unwrap();
    }
}

/// Exports hold names and opinions, as the session files do: readable by the user only.
#[cfg(unix)]
#[test]
fn exports_are_readable_by_the_user_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let base = temp_dir("export-mode");
    let g = played();
    let folder = base.join("export");
    let dir = export::export_everything(&g, &folder).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "{:o}", mode(&dir));
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() >= 6);
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}: {:o}", f.display(), mode(f));
    }
    // Updated in place: still private.
    assert_eq!(export::export_everything(&g, &folder).unwrap(), dir);
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}: {:o}", f.display(), mode(f));
    }
    std::fs::remove_dir_all(&base).unwrap();
}
