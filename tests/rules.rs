//! The rules of the game: actions and their errors, undo and redo, and the tally's edge cases.

use leerklimaat::core::deck::{self, Deck, StackRule};
use leerklimaat::core::session::*;
use leerklimaat::core::session_file;
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use leerklimaat::core::tally::{tally, tally_card};
use proptest::prelude::*;

/// A deck with a 4-square scale (1..4 points, green at mean ≥ 2.5) and the given number of statements.
fn small_deck(statements: usize) -> Deck {
    let mut d = deck::default_deck();
    d.statements.truncate(statements);
    d.scale.green_when = StackRule::MeanAtLeast(2.5);
    d
}

fn game_with_players(names: &[&str]) -> Game {
    let mut g = Game::new(Session::new(small_deck(3), "2026-11-22 10:00".into()));
    for n in names {
        g.apply(Action::AddPlayer {
            name: (*n).into(),
            colour: None,
        })
        .unwrap();
    }
    g
}

fn card(g: &Game, i: usize) -> CardRef {
    g.session().play_cards()[i].clone()
}

fn pid(g: &Game, i: usize) -> PlayerId {
    g.session().players[i].id
}

#[test]
fn players_get_distinct_colours_and_initials() {
    let g = game_with_players(&["Anouk de Vries", "Bram", "x"]);
    let s = g.session();
    assert_eq!(s.players.len(), 3);
    let colours: std::collections::BTreeSet<u8> = s.players.iter().map(|p| p.colour).collect();
    assert_eq!(colours.len(), 3);
    assert_eq!(s.players[0].initials(), "AV");
    assert_eq!(s.players[1].initials(), "BR");
    assert_eq!(s.players[2].initials(), "X");
}

#[test]
fn invalid_actions_return_errors_and_change_nothing() {
    let mut g = game_with_players(&["Anouk", "Bram"]);
    let before = g.session().clone();
    assert_eq!(
        g.apply(Action::AddPlayer {
            name: "  ".into(),
            colour: None
        }),
        Err(ActionError::EmptyText)
    );
    assert_eq!(
        g.apply(Action::AddPlayer {
            name: "anouk".into(),
            colour: None
        }),
        Err(ActionError::DuplicateName("anouk".into()))
    );
    assert_eq!(
        g.apply(Action::AddPlayer {
            name: "C".into(),
            colour: Some(99)
        }),
        Err(ActionError::UnknownColour(99))
    );
    assert_eq!(
        g.apply(Action::RenamePlayer {
            player: PlayerId(77),
            name: "x".into()
        }),
        Err(ActionError::UnknownPlayer(PlayerId(77)))
    );
    // Placing before play has started.
    let c = CardRef::Statement(g.session().deck.statements[0].id.clone());
    assert_eq!(
        g.apply(Action::Place {
            player: pid(&g, 0),
            card: c.clone(),
            round: Round::First,
            square: 0
        }),
        Err(ActionError::WrongStage(Stage::Setup))
    );
    assert_eq!(g.session(), &before);
    assert!(g.done().len() == 2);

    g.apply(Action::StartPlay).unwrap();
    let p = pid(&g, 0);
    assert_eq!(
        g.apply(Action::Place {
            player: p,
            card: c.clone(),
            round: Round::First,
            square: 4
        }),
        Err(ActionError::SquareOutsideScale {
            square: 4,
            squares: 4
        })
    );
    assert_eq!(
        g.apply(Action::Place {
            player: PlayerId(9),
            card: c.clone(),
            round: Round::First,
            square: 0
        }),
        Err(ActionError::UnknownPlayer(PlayerId(9)))
    );
    let ghost = CardRef::Statement("bestaat-niet".into());
    assert_eq!(
        g.apply(Action::Place {
            player: p,
            card: ghost.clone(),
            round: Round::First,
            square: 0
        }),
        Err(ActionError::UnknownCard(ghost))
    );
    assert_eq!(
        g.apply(Action::AddPostIt {
            colour: PostItColour::Green,
            text: " \n ".into(),
            author: None,
            card: c.clone()
        }),
        Err(ActionError::EmptyText)
    );
    assert!(matches!(
        g.apply(Action::AddPostIt {
            colour: PostItColour::Green,
            text: "x".repeat(501),
            author: None,
            card: c.clone()
        }),
        Err(ActionError::TextTooLong { len: 501, max: 500 })
    ));
    assert_eq!(
        g.apply(Action::EditPostIt {
            id: PostItId(5),
            text: "x".into()
        }),
        Err(ActionError::UnknownPostIt(PostItId(5)))
    );
    assert_eq!(
        g.apply(Action::GoTo {
            index: 99,
            seconds: 0
        }),
        Err(ActionError::IndexOutOfRange(99))
    );
    assert_eq!(
        g.apply(Action::RemovePlayer { player: p }),
        Err(ActionError::WrongStage(Stage::Play))
    );
    assert_eq!(
        g.apply(Action::ShowOutcome),
        Err(ActionError::WrongStage(Stage::Play))
    );
}

/// A session that ended without *Afronden* can be marked finished wherever it stopped (so it is no
/// longer offered to continue): once, undone like any action, and opened again by going back.
#[test]
fn a_session_can_be_marked_finished_wherever_it_stopped() {
    let mut g = game_with_players(&["A", "B"]);
    g.apply(Action::StartPlay).unwrap();
    g.apply(Action::StartPlenary).unwrap();
    let before = g.session().clone();
    g.apply(Action::MarkFinished).unwrap();
    assert!(g.session().finished);
    assert_eq!(
        g.session().stage,
        Stage::Plenary,
        "it stays where it stopped"
    );
    assert_eq!(
        g.apply(Action::MarkFinished),
        Err(ActionError::AlreadyFinished)
    );
    assert!(g.session().check_loaded().is_ok());
    let again = session_file::parse_game("t", &session_file::session_ron(&g));
    assert!(again.is_ok_and(|a| a.session().finished), "saved and read");
    g.undo();
    assert_eq!(g.session(), &before, "undo opens it again");
    g.apply(Action::MarkFinished).unwrap();
    g.apply(Action::Return { seconds: 0 }).unwrap();
    assert!(!g.session().finished, "going back opens it again");
}

#[test]
fn start_needs_a_player_and_at_most_twelve_fit() {
    let mut g = Game::new(Session::new(small_deck(3), "t".into()));
    assert_eq!(g.apply(Action::StartPlay), Err(ActionError::NoPlayers));
    for i in 0..12 {
        g.apply(Action::AddPlayer {
            name: format!("Speler {i}"),
            colour: None,
        })
        .unwrap();
    }
    assert_eq!(
        g.apply(Action::AddPlayer {
            name: "Dertien".into(),
            colour: None
        }),
        Err(ActionError::TooManyPlayers)
    );
}

#[test]
fn shuffled_order_is_recorded_and_repeatable() {
    let mut a = game_with_players(&["A"]);
    a.apply(Action::SetOrder(Order::Shuffled { seed: 42 }))
        .unwrap();
    a.apply(Action::StartPlay).unwrap();
    let mut b = game_with_players(&["A"]);
    b.apply(Action::SetOrder(Order::Shuffled { seed: 42 }))
        .unwrap();
    b.apply(Action::StartPlay).unwrap();
    assert_eq!(a.session().play_order, b.session().play_order);
    assert_eq!(a.session().order, Order::Shuffled { seed: 42 });
    let mut ids = a.session().play_order.clone();
    ids.sort();
    let mut deck_ids: Vec<String> = a
        .session()
        .deck
        .statements
        .iter()
        .map(|s| s.id.clone())
        .collect();
    deck_ids.sort();
    assert_eq!(ids, deck_ids);
}

#[test]
fn undo_and_redo_walk_the_whole_history() {
    let mut g = game_with_players(&["Anouk", "Bram"]);
    g.apply(Action::StartPlay).unwrap();
    let c = card(&g, 0);
    let mut states = vec![g.session().clone()];
    for i in 0..150 {
        let a = if i % 3 == 0 {
            Action::AddPostIt {
                colour: PostItColour::Pink,
                text: format!("vraag {i}"),
                author: None,
                card: c.clone(),
            }
        } else {
            Action::Place {
                player: pid(&g, i % 2),
                card: c.clone(),
                round: Round::First,
                square: i % 4,
            }
        };
        g.apply(a).unwrap();
        states.push(g.session().clone());
    }
    for expected in states.iter().rev().skip(1) {
        assert!(g.undo());
        assert_eq!(g.session(), expected);
    }
    // Back to just after StartPlay; three more undos reach the empty session.
    assert!(g.undo() && g.undo() && g.undo());
    assert!(g.session().players.is_empty());
    assert!(!g.undo());
    for _ in 0..3 {
        assert!(g.redo());
    }
    for expected in states.iter().skip(1) {
        assert!(g.redo());
        assert_eq!(g.session(), expected);
    }
    assert!(!g.redo());
    // A new action after an undo clears the redo list.
    g.undo();
    g.apply(Action::PassTurn).unwrap();
    assert!(!g.can_redo());
}

#[test]
fn post_its_edit_move_answer_and_delete() {
    let mut g = game_with_players(&["Anouk"]);
    g.apply(Action::StartPlay).unwrap();
    let c = card(&g, 0);
    let a = Some(pid(&g, 0));
    g.apply(Action::AddPostIt {
        colour: PostItColour::Pink,
        text: "  Hoe dan?  ".into(),
        author: a,
        card: c.clone(),
    })
    .unwrap();
    let id = g.session().post_its[0].id;
    assert_eq!(g.session().post_its[0].text, "Hoe dan?");
    g.apply(Action::EditPostIt {
        id,
        text: "Hoe dan precies?".into(),
    })
    .unwrap();
    g.apply(Action::MovePostIt {
        id,
        at: (10.0, -4.0),
    })
    .unwrap();
    g.apply(Action::SetAnswered { id, answered: true }).unwrap();
    let p = g.session().post_it(id).unwrap();
    assert_eq!(
        (p.text.as_str(), p.at, p.answered),
        ("Hoe dan precies?", Some((10.0, -4.0)), true)
    );
    // The editor changes who said it and its colour; a green post-it is no open question.
    g.apply(Action::ChangePostIt {
        id,
        text: " Hoe dan wel? ".into(),
        colour: PostItColour::Green,
        author: None,
    })
    .unwrap();
    let p = g.session().post_it(id).unwrap();
    assert_eq!(
        (p.text.as_str(), p.colour, p.author, p.answered),
        ("Hoe dan wel?", PostItColour::Green, None, false)
    );
    assert_eq!(
        g.apply(Action::ChangePostIt {
            id,
            text: "x".into(),
            colour: PostItColour::Pink,
            author: Some(PlayerId(99)),
        }),
        Err(ActionError::UnknownPlayer(PlayerId(99)))
    );
    g.apply(Action::DeletePostIt { id }).unwrap();
    assert!(g.session().post_its.is_empty());
    assert!(g.undo());
    assert_eq!(g.session().post_its.len(), 1);
}

#[test]
fn navigation_records_time_skips_and_cases() {
    // Six statements, so a case brought in on the third is not at the end of the deck.
    let mut g = Game::new(Session::new(small_deck(6), "2026-11-22 10:00".into()));
    for name in ["Anouk", "Bram"] {
        g.apply(Action::AddPlayer {
            name: name.into(),
            colour: None,
        })
        .unwrap();
    }
    g.apply(Action::StartPlay).unwrap();
    let place = |g: &mut Game, index: usize| {
        let card = card(g, index);
        g.apply(Action::Place {
            player: pid(g, 0),
            card,
            round: Round::First,
            square: 1,
        })
        .unwrap();
    };
    place(&mut g, 0);
    g.apply(Action::GoTo {
        index: 1,
        seconds: 90,
    })
    .unwrap();
    g.apply(Action::Skip { seconds: 30 }).unwrap();
    assert_eq!(g.session().current, 2);
    place(&mut g, 2);
    let s = g.session();
    assert_eq!(s.record(&card(&g, 0)).unwrap().seconds, 90);
    assert!(s.record(&card(&g, 1)).unwrap().skipped);
    assert_eq!(s.plenary_cards().len(), 2);
    // A case comes right after the card it was brought in on, not at the end of the deck.
    let third = card(&g, 2);
    g.apply(Action::AddCase {
        title: "Nieuwe collega".into(),
        description: "Inwerken".into(),
        brought_by: Some(pid(&g, 1)),
    })
    .unwrap();
    assert_eq!(g.session().current, 3);
    assert_eq!(g.session().current_card(), Some(CardRef::Case(1)));
    assert_eq!(g.session().play_cards()[2], third);
    place(&mut g, 3);
    // Back past the skipped card: it stays skipped.
    for index in [2, 1, 0] {
        g.apply(Action::GoTo { index, seconds: 5 }).unwrap();
    }
    assert!(g.session().record(&card(&g, 1)).unwrap().skipped);
    g.apply(Action::PassTurn).unwrap();
    assert_eq!(g.session().teller, Some(pid(&g, 1)));
    g.apply(Action::PassTurn).unwrap();
    assert_eq!(g.session().teller, Some(pid(&g, 0)));
    // Walk on to the end of the deck without playing: those cards are not in the plenary.
    let last = g.session().play_cards().len() - 1;
    g.apply(Action::GoTo {
        index: last,
        seconds: 5,
    })
    .unwrap();
    g.apply(Action::StartPlenary).unwrap();
    let s = g.session();
    assert_eq!(
        s.plenary_cards(),
        vec![card(&g, 0), third.clone(), CardRef::Case(1)]
    );
    let left = s.left_out_of_plenary();
    assert_eq!(left.len(), s.play_cards().len() - 3);
    assert!(left.contains(&card(&g, 1)));
    assert_eq!(s.plenary_card(), Some(card(&g, 0)));
    assert_eq!(
        s.statements_discussed(),
        2,
        "the case and the skipped or untouched statements do not count"
    );
    // The facilitator adds the skipped card back: it comes on the table in its place.
    let skipped = card(&g, 1);
    g.apply(Action::Include {
        card: skipped.clone(),
    })
    .unwrap();
    let s = g.session();
    assert_eq!(s.plenary_cards().len(), 4);
    assert_eq!(s.plenary_card(), Some(skipped.clone()));
    assert!(!s.record(&skipped).unwrap().skipped);
    g.apply(Action::Return { seconds: 0 }).unwrap();
    assert_eq!(g.session().stage, Stage::Play);
}

/// Places the given squares (None: did not place) for players 0.. on card 0 in `round`.
fn place_all(g: &mut Game, round: Round, squares: &[Option<usize>]) {
    let c = card(g, 0);
    for (i, sq) in squares.iter().enumerate() {
        if let Some(square) = sq {
            g.apply(Action::Place {
                player: pid(g, i),
                card: c.clone(),
                round,
                square: *square,
            })
            .unwrap();
        }
    }
}

#[test]
fn tally_tie_at_threshold_goes_green() {
    let mut g = game_with_players(&["A", "B"]);
    g.apply(Action::StartPlay).unwrap();
    // Squares 1 and 2 are worth 2 and 3 points: mean 2.5, exactly the threshold.
    place_all(&mut g, Round::First, &[Some(1), Some(2)]);
    let t = tally_card(g.session(), &card(&g, 0));
    assert_eq!(t.first.mean, Some(2.5));
    assert_eq!(t.rule_stack, Some(Stack::Green));
    // Just under: 2 + 2 = mean 2.0.
    place_all(&mut g, Round::First, &[Some(1), Some(1)]);
    assert_eq!(
        tally_card(g.session(), &card(&g, 0)).rule_stack,
        Some(Stack::Red)
    );
}

/// A deck whose rule is the median: the middle placement decides, not the mean, and with an even
/// number of pawns the median is halfway between the middle two.
#[test]
fn tally_by_the_median() {
    let mut g = game_with_players(&["A", "B", "C"]);
    let mut deck = small_deck(3);
    deck.scale.green_when = StackRule::MedianAtLeast(1.5);
    g.apply(Action::SetDeck(deck)).unwrap();
    g.apply(Action::StartPlay).unwrap();
    // 1, 1 and 4 points: the mean (2.0) is over the threshold, the median (1.0) under it.
    place_all(&mut g, Round::First, &[Some(0), Some(0), Some(3)]);
    let t = tally_card(g.session(), &card(&g, 0));
    assert_eq!((t.first.mean, t.first.median), (Some(2.0), Some(1.0)));
    assert_eq!(t.rule_stack, Some(Stack::Red), "the median decides");
    // 1 and 4 points: the median of an even count is 2.5.
    let mut g = game_with_players(&["A", "B"]);
    let mut deck = small_deck(3);
    deck.scale.green_when = StackRule::MedianAtLeast(1.5);
    g.apply(Action::SetDeck(deck)).unwrap();
    g.apply(Action::StartPlay).unwrap();
    place_all(&mut g, Round::First, &[Some(0), Some(3)]);
    let t = tally_card(g.session(), &card(&g, 0));
    assert_eq!(t.first.median, Some(2.5));
    assert_eq!(t.rule_stack, Some(Stack::Green));
}

#[test]
fn tally_plenary_decides_and_shift_is_measured() {
    let mut g = game_with_players(&["A", "B", "C"]);
    g.apply(Action::StartPlay).unwrap();
    place_all(&mut g, Round::First, &[Some(0), Some(0), Some(3)]);
    g.apply(Action::StartPlenary).unwrap();
    place_all(&mut g, Round::Plenary, &[Some(2), Some(3), Some(3)]);
    let t = tally_card(g.session(), &card(&g, 0));
    assert_eq!(t.first.mean, Some(2.0));
    assert_eq!(t.plenary.mean, Some(11.0 / 3.0));
    assert!((t.shift.unwrap() - 5.0 / 3.0).abs() < 1e-9);
    assert_eq!(t.rule_stack, Some(Stack::Green));
    assert_eq!(
        t.player_shift,
        vec![(pid(&g, 0), 2), (pid(&g, 1), 3), (pid(&g, 2), 0)]
    );
}

#[test]
fn tally_player_who_did_not_place_is_left_out() {
    let mut g = game_with_players(&["A", "B", "C"]);
    g.apply(Action::StartPlay).unwrap();
    place_all(&mut g, Round::First, &[Some(3), None, Some(1)]);
    g.apply(Action::StartPlenary).unwrap();
    place_all(&mut g, Round::Plenary, &[None, Some(0), Some(1)]);
    let t = tally_card(g.session(), &card(&g, 0));
    assert_eq!(t.first.placed, 2);
    assert_eq!(t.first.mean, Some(3.0));
    assert_eq!(t.first.points[1], (pid(&g, 1), None));
    assert_eq!(t.plenary.mean, Some(1.5));
    assert_eq!(t.player_shift, vec![(pid(&g, 2), 0)]);
    // The shift compares like with like: only Chantal placed in both rounds, and she did not move.
    assert_eq!(t.shift, Some(0.0));
    assert_eq!(t.rule_stack, Some(Stack::Red));
    // A card with no placements at all is on no stack.
    let empty = tally_card(g.session(), &card(&g, 1));
    assert_eq!(
        (empty.first.mean, empty.rule_stack, empty.shift),
        (None, None, None)
    );
}

#[test]
fn tally_skipped_cards_and_overrides() {
    let mut g = game_with_players(&["A", "B"]);
    g.apply(Action::StartPlay).unwrap();
    place_all(&mut g, Round::First, &[Some(3), Some(3)]);
    g.apply(Action::GoTo {
        index: 1,
        seconds: 5,
    })
    .unwrap();
    g.apply(Action::Skip { seconds: 5 }).unwrap();
    let c0 = card(&g, 0);
    let c1 = card(&g, 1);
    g.apply(Action::StartPlenary).unwrap();
    let t = tally(g.session());
    assert_eq!(t.green, vec![c0.clone()]);
    assert!(
        !t.red.contains(&c1) && !t.green.contains(&c1),
        "skipped card is on no stack"
    );
    g.apply(Action::OverrideStack {
        card: c0.clone(),
        stack: Some(Stack::Red),
    })
    .unwrap();
    g.apply(Action::OverrideStack {
        card: c1.clone(),
        stack: Some(Stack::Green),
    })
    .unwrap();
    let t = tally(g.session());
    assert_eq!(t.red, vec![c0.clone()]);
    assert_eq!(t.green, vec![c1]);
    g.apply(Action::OverrideStack {
        card: c0.clone(),
        stack: None,
    })
    .unwrap();
    assert_eq!(tally(g.session()).green.first(), Some(&c0));
}

#[test]
fn tally_lists_present_develop_and_open_questions() {
    let mut g = game_with_players(&["A"]);
    g.apply(Action::StartPlay).unwrap();
    let (c0, c1) = (card(&g, 0), card(&g, 1));
    place_all(&mut g, Round::First, &[Some(3)]);
    for (colour, text, c) in [
        (PostItColour::Green, "Intervisie", &c0),
        (PostItColour::Pink, "Tijd?", &c0),
        (PostItColour::Pink, "Budget?", &c1),
    ] {
        g.apply(Action::AddPostIt {
            colour,
            text: text.into(),
            author: None,
            card: c.clone(),
        })
        .unwrap();
    }
    g.apply(Action::GoTo {
        index: 1,
        seconds: 0,
    })
    .unwrap();
    g.apply(Action::Place {
        player: pid(&g, 0),
        card: c1.clone(),
        round: Round::First,
        square: 0,
    })
    .unwrap();
    let budget = g.session().post_its[2].id;
    g.apply(Action::SetAnswered {
        id: budget,
        answered: true,
    })
    .unwrap();
    let t = tally(g.session());
    assert_eq!(t.present.len(), 1);
    assert_eq!(t.present[0].post_its[0].text, "Intervisie");
    assert_eq!(t.to_develop.len(), 1);
    assert_eq!(t.to_develop[0].card, c1);
    assert_eq!(t.to_develop[0].post_its[0].text, "Budget?");
    assert_eq!(t.open_questions.len(), 1);
    assert_eq!(t.open_questions[0].post_its[0].text, "Tijd?");
}

#[test]
fn simulated_session_went_through_both_rounds() {
    let g = simulate(SimulateSpec {
        players: 12,
        statements: 60,
        post_its: 600,
        seed: 7,
    });
    let s = g.session();
    assert_eq!(s.players.len(), 12);
    assert_eq!(s.play_order.len(), 60);
    assert_eq!(s.post_its.len(), 600);
    assert_eq!(s.stage, Stage::Outcome);
    let t = tally(s);
    assert!(
        t.cards
            .iter()
            .all(|c| c.first.placed == 12 && c.plenary.placed == 12)
    );
    assert_eq!(t.green.len() + t.red.len(), 60);
    // The same seed gives the same session.
    assert_eq!(
        simulate(SimulateSpec {
            players: 12,
            statements: 60,
            post_its: 600,
            seed: 7
        })
        .session(),
        s
    );
}

#[test]
fn session_file_round_trips_with_history() {
    let g = simulate(SimulateSpec {
        players: 4,
        statements: 5,
        post_its: 12,
        seed: 3,
    });
    let text = session_file::session_ron(&g);
    let back = session_file::parse_game("s.ron", &text).unwrap();
    assert_eq!(back.session(), g.session());
    assert_eq!(back.done(), g.done());
    let this = format!("version: {},", leerklimaat::core::session::SESSION_VERSION);
    let newer = text.replacen(&this, "version: 7,", 1);
    let err = session_file::parse_game("s.ron", &newer).unwrap_err();
    assert!(err.to_string().contains("version 7"), "{err}");
    let truncated = &text[..text.len() / 2];
    let err = session_file::parse_game("s.ron", truncated).unwrap_err();
    assert!(err.to_string().starts_with("s.ron:"), "{err}");
}

fn arb_action(players: u32, cards: usize) -> impl Strategy<Value = Action> {
    let card =
        (0..cards).prop_map(|i| CardRef::Statement(deck::default_deck().statements[i].id.clone()));
    prop_oneof![
        (0..players + 1, card.clone(), 0usize..5).prop_map(|(p, card, square)| Action::Place {
            player: PlayerId(p),
            card,
            round: Round::First,
            square
        }),
        (any::<bool>(), "[^\u{0}]{0,30}", card.clone()).prop_map(|(g, text, card)| {
            Action::AddPostIt {
                colour: if g {
                    PostItColour::Green
                } else {
                    PostItColour::Pink
                },
                text,
                author: None,
                card,
            }
        }),
        (0u32..6, "[^\u{0}]{0,20}").prop_map(|(id, text)| Action::EditPostIt {
            id: PostItId(id),
            text
        }),
        (0u32..6).prop_map(|id| Action::DeletePostIt { id: PostItId(id) }),
        (0usize..4, 0u64..100).prop_map(|(index, seconds)| Action::GoTo { index, seconds }),
        Just(Action::PassTurn),
        Just(Action::StartPlenary),
        Just(Action::Back),
        (0u64..100).prop_map(|seconds| Action::Return { seconds }),
        (0u64..100).prop_map(|seconds| Action::Skip { seconds }),
        card.prop_map(|card| Action::Include { card }),
        ("[^\u{0}]{0,30}", 0u32..4).prop_map(|(title, by)| Action::AddCase {
            title,
            description: String::new(),
            brought_by: (by > 0).then_some(PlayerId(by)),
        }),
        (0u32..6, "[^\u{0}]{0,20}", any::<bool>(), 0..players + 1).prop_map(|(id, text, g, a)| {
            Action::ChangePostIt {
                id: PostItId(id),
                text,
                colour: if g {
                    PostItColour::Green
                } else {
                    PostItColour::Pink
                },
                author: (a > 0).then_some(PlayerId(a)),
            }
        }),
        Just(Action::ShowOutcome),
        (0u64..100).prop_map(|seconds| Action::Finish { seconds }),
        Just(Action::MarkFinished),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_action_sequence_round_trips_and_undoes(actions in proptest::collection::vec(arb_action(3, 3), 0..60)) {
        let mut g = game_with_players(&["A", "B"]);
        g.apply(Action::StartPlay).unwrap();
        let start = g.session().clone();
        let mut applied = 0;
        for a in actions {
            if g.apply(a).is_ok() {
                applied += 1;
            }
        }
        let text = session_file::session_ron(&g);
        let back = session_file::parse_game("p.ron", &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.session(), g.session());
        for _ in 0..applied {
            prop_assert!(g.undo());
        }
        prop_assert_eq!(g.session(), &start);
    }
}

#[test]
fn shuffle_is_a_fixed_permutation_for_a_seed() {
    let mut items: Vec<u32> = (0..10).collect();
    leerklimaat::core::session::shuffle(&mut items, 42);
    let mut sorted = items.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    assert_ne!(items, sorted, "it shuffles");
    // The same seed gives the same order on every machine and every version of the app: this order is
    // part of the saved-session format.
    assert_eq!(items, SHUFFLE_42);
}

const SHUFFLE_42: [u32; 10] = [0, 9, 5, 8, 6, 4, 7, 2, 1, 3];

#[test]
fn a_history_that_no_longer_replays_is_refused_not_repaired() {
    let g = simulate(SimulateSpec {
        players: 3,
        statements: 3,
        post_its: 2,
        seed: 5,
    });
    let text = session_file::session_ron(&g);
    // A hand edit: the second player's name is made equal to the first's, so adding them fails.
    let broken = text.replacen("name: \"Bram Jansen\"", "name: \"Anouk de Vries\"", 1);
    assert_ne!(broken, text);
    let err = session_file::parse_game("s.ron", &broken).unwrap_err();
    assert!(err.to_string().contains("no longer apply"), "{err}");
}

/// A workshop at 10:00 in Utrecht reads 10:00 (it was UTC everywhere, so 09:00 in winter, 08:00 in
/// summer); simulated sessions stay in UTC so they are the same on every machine.
#[test]
fn times_are_shown_in_the_local_time_zone() {
    use leerklimaat::core::session::{stamp_from_unix, stamp_in};
    let zone = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("the time zone database");
    let winter: jiff::Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
    let summer: jiff::Timestamp = "2026-06-23T08:00:00Z".parse().unwrap();
    assert_eq!(stamp_in(winter, &zone), "2026-11-23 10:00");
    assert_eq!(stamp_in(summer, &zone), "2026-06-23 10:00");
    assert_eq!(stamp_from_unix(1_795_424_400), "2026-11-23 09:00");
    assert_eq!(stamp_from_unix(0), "1970-01-01 00:00");
}

/// Next steps (action learning): agreed in the plenary or at the outcome, with a player or a named
/// person as owner, an optional moment, and the question or red card they answer; checked like every
/// other action, undone like every other action, and checked when loaded from a file.
#[test]
fn next_steps_are_actions_with_an_owner_and_a_source() {
    let mut g = simulate(SimulateSpec {
        players: 3,
        statements: 4,
        post_its: 6,
        seed: 3,
    });
    let anouk = g.session().players[0].id;
    let question = g
        .session()
        .post_its
        .iter()
        .find(|p| p.colour == PostItColour::Pink)
        .map(|p| p.id)
        .expect("a pink post-it");
    let card = g.session().play_cards()[0].clone();
    let add = |text: &str, owner: Owner, due: &str, from: Option<StepSource>| Action::AddNextStep {
        text: text.into(),
        owner,
        due: due.into(),
        from,
    };
    // Refused, and nothing changes.
    let before = g.session().clone();
    for (action, error) in [
        (
            add("  ", Owner::Player(anouk), "", None),
            ActionError::EmptyText,
        ),
        (
            add("Iets", Owner::Named(" ".into()), "", None),
            ActionError::NoOwner,
        ),
        (
            add("Iets", Owner::Player(PlayerId(99)), "", None),
            ActionError::UnknownPlayer(PlayerId(99)),
        ),
        (
            add(
                "Iets",
                Owner::Player(anouk),
                "",
                Some(StepSource::Question(PostItId(999))),
            ),
            ActionError::UnknownPostIt(PostItId(999)),
        ),
        (
            add(
                &"x".repeat(MAX_NEXT_STEP_CHARS + 1),
                Owner::Player(anouk),
                "",
                None,
            ),
            ActionError::TextTooLong {
                len: MAX_NEXT_STEP_CHARS + 1,
                max: MAX_NEXT_STEP_CHARS,
            },
        ),
    ] {
        assert_eq!(g.apply(action), Err(error));
    }
    assert_eq!(g.session(), &before);
    g.apply(add(
        " Maandelijks intervisie plannen ",
        Owner::Player(anouk),
        "2027-01-15",
        Some(StepSource::Question(question)),
    ))
    .unwrap();
    g.apply(add(
        "Budget voor scholing navragen",
        Owner::Named(" Mw. De Boer ".into()),
        "",
        Some(StepSource::Card(card)),
    ))
    .unwrap();
    let steps = &g.session().next_steps;
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].text, "Maandelijks intervisie plannen");
    assert_eq!(
        g.session().owner_name(&steps[0].owner),
        g.session().players[0].name
    );
    assert_eq!(steps[1].owner, Owner::Named("Mw. De Boer".into()));
    g.apply(Action::EditNextStep {
        id: steps[1].id,
        text: "Scholingsbudget navragen".into(),
        owner: Owner::Player(anouk),
        due: "voor de zomer".into(),
    })
    .unwrap();
    assert_eq!(g.session().next_steps[1].due, "voor de zomer");
    // Deleting the question keeps the step, without its source.
    g.apply(Action::DeletePostIt { id: question }).unwrap();
    assert_eq!(g.session().next_steps[0].from, None);
    g.undo();
    assert_eq!(
        g.session().next_steps[0].from,
        Some(StepSource::Question(question))
    );
    let id = g.session().next_steps[0].id;
    g.apply(Action::DeleteNextStep { id }).unwrap();
    assert_eq!(g.session().next_steps.len(), 1);
    assert_eq!(
        g.apply(Action::DeleteNextStep { id }),
        Err(ActionError::UnknownNextStep(id))
    );
    // Saved and read back with the history; an old file without next steps still loads.
    let back = session_file::parse_game("s.ron", &session_file::session_ron(&g)).unwrap();
    assert_eq!(back.session().next_steps, g.session().next_steps);
    let mut old = Session::new(small_deck(2), "2026-11-22 10:00".into());
    old.next_step_id = 1;
    let text = session_file::session_ron(&Game::new(old));
    let without = text
        .lines()
        .filter(|l| !l.contains("next_step"))
        .collect::<Vec<_>>()
        .join("\n");
    let loaded = session_file::parse_game("old.ron", &without).unwrap();
    assert!(loaded.session().next_steps.is_empty());
    assert_eq!(loaded.session().next_step_id, 1);
}

#[test]
fn next_steps_only_in_the_plenary_or_at_the_outcome() {
    let mut g = game_with_players(&["Anouk"]);
    let anouk = pid(&g, 0);
    let step = Action::AddNextStep {
        text: "Iets".into(),
        owner: Owner::Player(anouk),
        due: String::new(),
        from: None,
    };
    assert_eq!(
        g.apply(step.clone()),
        Err(ActionError::WrongStage(Stage::Setup))
    );
    g.apply(Action::StartPlay).unwrap();
    assert_eq!(
        g.apply(step.clone()),
        Err(ActionError::WrongStage(Stage::Play))
    );
    g.apply(Action::StartPlenary).unwrap();
    g.apply(step).unwrap();
}

/// Next, previous and skip mean a card in Play and in the Plenary, and nothing where there is
/// nowhere to go; the plenary begins as the programme's next phase when the game follows one.
#[test]
fn steps_and_the_start_of_the_plenary_are_actions_of_the_core() {
    let mut g = game_with_players(&["A", "B"]);
    assert_eq!(
        g.session().step_action(Step::Next, 5),
        None,
        "no cards in the setup"
    );
    assert_eq!(g.session().start_plenary_action(9), Action::StartPlenary);
    g.apply(Action::StartPlay).unwrap();
    let s = g.session();
    assert_eq!(
        s.step_action(Step::Previous, 5),
        None,
        "the first card has none before it"
    );
    assert_eq!(
        s.step_action(Step::Next, 5),
        Some(Action::GoTo {
            index: 1,
            seconds: 5
        })
    );
    assert_eq!(
        s.step_action(Step::Skip, 7),
        Some(Action::Skip { seconds: 7 })
    );
    let last = s.play_cards().len() - 1;
    // Every card played: a pawn on each, so each comes back in the plenary.
    for index in 0..=last {
        g.apply(Action::GoTo { index, seconds: 0 }).unwrap();
        let card = g.session().current_card().unwrap();
        let player = g.session().players[0].id;
        g.apply(Action::Place {
            player,
            card,
            round: Round::First,
            square: 1,
        })
        .unwrap();
    }
    assert_eq!(
        g.session().step_action(Step::Next, 5),
        None,
        "the last card has none after it"
    );
    assert_eq!(
        g.session().step_action(Step::Previous, 5),
        Some(Action::GoTo {
            index: last - 1,
            seconds: 5
        })
    );
    g.apply(Action::StartPlenary).unwrap();
    let s = g.session();
    assert_eq!(
        s.step_action(Step::Skip, 5),
        None,
        "no skipping in the plenary"
    );
    assert_eq!(
        s.step_action(Step::Next, 5),
        Some(Action::PlenaryGoTo { index: 1 })
    );
    assert_eq!(s.step_action(Step::Previous, 5), None);

    let mut p = game_with_players(&["A"]);
    p.apply(Action::FollowProgramme(true)).unwrap();
    p.apply(Action::StartPlay).unwrap();
    while p
        .session()
        .current_phase()
        .is_some_and(|a| a.kind != deck::PhaseKind::Game)
    {
        p.apply(Action::NextPhase { seconds: 1 }).unwrap();
    }
    let start = p.session().start_plenary_action(42);
    assert_eq!(start, Action::NextPhase { seconds: 42 });
    p.apply(start).unwrap();
    assert_eq!(p.session().stage, Stage::Plenary);
}
