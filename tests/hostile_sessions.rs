//! Session files as a careless hand or a hostile file writes them: impossible numbers are refused on
//! load with a message, and no mutation of a good file makes load, resume, export or merge panic.

use bevy::prelude::*;
use leerklimaat::core::export;
use leerklimaat::core::merge::{MergeInput, merge, overview_csv, overview_html, questions_csv};
use leerklimaat::core::session::{Game, Lang, PlayerId, PostItId, Session, TimerSave};
use leerklimaat::core::session_file::{SessionFileError, parse_game, session_ron};
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use leerklimaat::core::tally::tally;
use leerklimaat::session::{ActiveGame, GameMsg};
use proptest::prelude::*;

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
    let g = edited(|_, timer| timer.agenda_seconds = u64::MAX - 1);
    assert!(refused(&g).contains("timer"));

    // The programme: a phase it does not have, a warm-up word by nobody in the game.
    let g = edited(|base, _| {
        base.programme = true;
        base.agenda_at = base.deck.agenda.len();
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
