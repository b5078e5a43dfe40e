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
    while play.session().stage != leerklimaat::core::session::Stage::Play {
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
    while g.session().stage != leerklimaat::core::session::Stage::Play {
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
        phase_seconds: weeks,
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
    assert_eq!(back.timer().phase_seconds, MAX_CARD_SECONDS);
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

/// A whole workshop with its programme, as a facilitator plays it: warm-up words, learning questions,
/// pawns in both rounds, post-its, a case, a skipped card, a stack overridden, a next step, the
/// closing round, finished, with an undone action and the clock running.
pub(crate) fn workshop() -> Game {
    use leerklimaat::core::session::{CardRef, Owner, PostItColour, Round, StepSource};
    let mut g = Game::new(Session::new(
        leerklimaat::core::deck::default_deck(),
        "2026-11-23 10:00".into(),
    ));
    let ok = |g: &mut Game, a: Action| {
        let shown = format!("{a:?}");
        g.apply(a).unwrap_or_else(|e| panic!("{shown}: {e}"));
    };
    ok(&mut g, Action::SetGroup("Team Noord".into()));
    for name in [
        "Anouk de Vries",
        "Bram Jansen",
        "Chantal Bakker",
        "Daan Visser",
    ] {
        ok(
            &mut g,
            Action::AddPlayer {
                name: name.into(),
                colour: None,
            },
        );
    }
    ok(&mut g, Action::FollowProgramme(true));
    ok(&mut g, Action::StartPlay);
    let players: Vec<PlayerId> = g.session().players.iter().map(|p| p.id).collect();
    ok(&mut g, Action::NextPhase { seconds: 290 });
    for (p, word) in players.iter().zip(["ruimte", "vertrouwen", "tijd"]) {
        ok(
            &mut g,
            Action::AddWarmUp {
                player: Some(*p),
                text: word.into(),
            },
        );
    }
    ok(
        &mut g,
        Action::AddWarmUp {
            player: None,
            text: "ruimte".into(),
        },
    );
    ok(&mut g, Action::ExtendPhase { minutes: 5 });
    ok(&mut g, Action::NextPhase { seconds: 610 });
    ok(
        &mut g,
        Action::SetLearningQuestion {
            player: players[0],
            text: "Hoe geef ik feedback zonder dat het zwaar wordt?".into(),
        },
    );
    ok(
        &mut g,
        Action::SetLearningQuestion {
            player: players[2],
            text: "Wat doen andere teams?".into(),
        },
    );
    while g.session().current_phase().map(|a| a.kind)
        != Some(leerklimaat::core::deck::PhaseKind::Game)
    {
        ok(&mut g, Action::NextPhase { seconds: 420 });
    }
    let cards = g.session().play_cards();
    for (i, card) in cards.iter().take(3).enumerate() {
        for (n, p) in players.iter().enumerate() {
            ok(
                &mut g,
                Action::Place {
                    player: *p,
                    card: card.clone(),
                    round: Round::First,
                    square: (i + n) % 4,
                },
            );
        }
        ok(
            &mut g,
            Action::AddPostIt {
                colour: PostItColour::Green,
                text: "Intervisie elke maand".into(),
                author: Some(players[i]),
                card: card.clone(),
            },
        );
        ok(
            &mut g,
            Action::AddPostIt {
                colour: PostItColour::Pink,
                text: "Hoe maken we tijd om te leren?".into(),
                author: None,
                card: card.clone(),
            },
        );
        if i == 1 {
            ok(
                &mut g,
                Action::AddCase {
                    title: "Het project dat misliep".into(),
                    description: "Wat we ervan leerden, en wat niet.".into(),
                    brought_by: Some(players[3]),
                },
            );
            for p in &players {
                ok(
                    &mut g,
                    Action::Place {
                        player: *p,
                        card: CardRef::Case(1),
                        round: Round::First,
                        square: 2,
                    },
                );
            }
        }
        ok(&mut g, Action::PassTurn);
        let next = g.session().current + 1;
        ok(
            &mut g,
            Action::GoTo {
                index: next,
                seconds: 400 + 60 * i as u64,
            },
        );
    }
    ok(&mut g, Action::Skip { seconds: 30 });
    ok(&mut g, Action::NextPhase { seconds: 2400 });
    for (i, card) in g.session().plenary_cards().into_iter().enumerate() {
        ok(&mut g, Action::PlenaryGoTo { index: i });
        for (n, p) in players.iter().enumerate() {
            ok(
                &mut g,
                Action::Place {
                    player: *p,
                    card: card.clone(),
                    round: Round::Plenary,
                    square: (i + n + 1) % 4,
                },
            );
        }
    }
    let first = g.session().plenary_cards()[0].clone();
    ok(
        &mut g,
        Action::OverrideStack {
            card: first,
            stack: Some(leerklimaat::core::session::Stack::Red),
        },
    );
    let question = g
        .session()
        .post_its
        .iter()
        .find(|p| p.colour == PostItColour::Pink)
        .map(|p| p.id)
        .unwrap();
    ok(
        &mut g,
        Action::SetAnswered {
            id: question,
            answered: true,
        },
    );
    ok(
        &mut g,
        Action::AddNextStep {
            text: "Elke maand een leerpunt in het teamoverleg".into(),
            owner: Owner::Player(players[1]),
            due: "voor de zomer".into(),
            from: Some(StepSource::Question(question)),
        },
    );
    ok(&mut g, Action::NextPhase { seconds: 1500 });
    ok(
        &mut g,
        Action::SetTakeaway {
            player: players[0],
            text: "Feedback mag licht zijn".into(),
        },
    );
    ok(
        &mut g,
        Action::SetTakeaway {
            player: players[1],
            text: "Meer tijd voor intervisie".into(),
        },
    );
    ok(&mut g, Action::Finish { seconds: 300 });
    ok(
        &mut g,
        Action::SetTakeaway {
            player: players[2],
            text: "Een tikfout".into(),
        },
    );
    assert!(g.undo());
    g.set_timer(TimerSave {
        shown: true,
        seconds: 0,
        phase_seconds: 45,
    });
    // Typed and not entered yet (version 2 keeps it).
    let mut drafts = leerklimaat::core::drafts::Drafts::default();
    drafts.keep(
        leerklimaat::core::drafts::DraftField::NextStep,
        "Een lunch per kwartaal",
        "",
    );
    g.set_drafts(drafts);
    g
}

/// The fixture of a format version: a session file as the game of that version wrote it.
pub(crate) fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sessions")
        .join(format!("v{version}.session.ron"))
}

/// Every format version the game ever wrote loads, to the same workshop. `LK_WRITE_FIXTURE=1` writes
/// the fixture of the newest version first (after a format change, with `SESSION_VERSION` raised).
#[test]
fn a_session_file_of_every_version_loads() {
    use leerklimaat::core::session::SESSION_VERSION;
    if std::env::var_os("LK_WRITE_FIXTURE").is_some() {
        let path = fixture(SESSION_VERSION);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, session_ron(&workshop())).unwrap();
    }
    let now = workshop();
    for version in 1..=SESSION_VERSION {
        let path = fixture(version);
        let g = load_game_file(&path)
            .unwrap_or_else(|e| panic!("version {version} does not load: {e}"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("version: {version},")),
            "{} is not of version {version}",
            path.display()
        );
        let s = g.session();
        assert_eq!(s.group, "Team Noord", "version {version}");
        assert_eq!(s.players.len(), 4);
        assert_eq!(s.players[3].name, "Daan Visser");
        assert!(s.finished && s.follows_programme);
        assert_eq!(s.warm_up.len(), 4);
        assert_eq!(s.learning_questions.len(), 2);
        assert_eq!(s.takeaways.len(), 2);
        assert_eq!(s.cases[0].brought_by, Some(s.players[3].id));
        assert_eq!(s.next_steps[0].due, "voor de zomer");
        assert_eq!(g.undone().len(), 1);
        assert_eq!(g.timer().phase_seconds, 45);
        let draft = g
            .drafts()
            .get(&leerklimaat::core::drafts::DraftField::NextStep);
        assert_eq!(
            draft,
            (version >= 2).then_some("Een lunch per kwartaal"),
            "version {version}"
        );
        // What the workshop is does not depend on the version it was saved in.
        assert_eq!(s.players, now.session().players);
        assert_eq!(s.records, now.session().records);
        assert_eq!(s.post_its, now.session().post_its);
        assert_eq!(s.phase_times, now.session().phase_times);
        // Saved again, it is a file of this version, and loads the same.
        let again = parse_game("again.session.ron", &session_ron(&g)).unwrap();
        assert_eq!(again.session().records, s.records);
        assert_eq!(again.base().version, SESSION_VERSION);
    }
}

/// The names of the fields a session file holds (outside its texts), as `name:` in the RON.
fn field_names(ron: &str) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    let mut word = String::new();
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                word.clear();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            ':' if !word.is_empty() => {
                names.insert(std::mem::take(&mut word));
            }
            c if c.is_ascii_alphanumeric() || c == '_' => word.push(c),
            _ => word.clear(),
        }
    }
    names.retain(|n| !n.starts_with(|c: char| c.is_ascii_digit()));
    names
}

/// What the game writes now has the fields of the newest fixture: a file that holds something new
/// (a field, drafts) is a new version, with `SESSION_VERSION` raised and a fixture of its own.
#[test]
fn the_newest_fixture_has_what_the_game_writes() {
    let newest = fixture(leerklimaat::core::session::SESSION_VERSION);
    let fixture = std::fs::read_to_string(&newest).unwrap();
    let now = session_ron(&workshop());
    assert_eq!(
        field_names(&now),
        field_names(&fixture),
        "the game writes other fields than {}: raise SESSION_VERSION and write its fixture (LK_WRITE_FIXTURE=1)",
        newest.display()
    );
}
