//! The follow-up session ("terugkomdag"): what it carries over from the session it follows, the review
//! of last time's steps, last time's open questions, "since last time", a follow-up of a follow-up,
//! and its file (with the fixture of format 4's follow-up).

use crate::session_files::workshop;
use leerklimaat::core::deck::{PhaseKind, default_deck};
use leerklimaat::core::session::{
    Action, ActionError, CardRef, Game, LastTime, PostItColour, Round, SESSION_VERSION, Session,
    Stack, Stage, StepStatus, follow_up_actions,
};
use leerklimaat::core::session_file::{load_game_file, parse_game, session_ron};
use leerklimaat::core::since::since_last_time;
use leerklimaat::core::tally::{tally, tally_card};

fn ok(g: &mut Game, a: Action) {
    let shown = format!("{a:?}");
    g.apply(a).unwrap_or_else(|e| panic!("{shown}: {e}"));
}

/// A follow-up of `earlier`, set up with its deck, started and at the review phase.
fn follow_up_of(earlier: &Session, started_at: &str) -> Game {
    let mut g = Game::new(Session::new(earlier.deck.clone(), started_at.into()));
    ok(&mut g, Action::FollowUp(Box::new(LastTime::of(earlier))));
    ok(&mut g, Action::StartPlay);
    while g.session().current_phase().unwrap().kind != PhaseKind::Review {
        ok(&mut g, Action::NextPhase { seconds: 60 });
    }
    g
}

/// The follow-up of the fixture's workshop, played: the review, a question of last time answered,
/// the first statement placed higher than last time by everyone, to the outcome.
fn played_follow_up() -> Game {
    let earlier = workshop();
    let earlier = earlier.session();
    let mut g = follow_up_of(earlier, "2027-02-23 10:00");
    ok(
        &mut g,
        Action::ReviewStep {
            step: earlier.next_steps[0].id,
            status: Some(StepStatus::OnItsWay),
            line: "  Twee keer gedaan, in maart weer ".into(),
        },
    );
    let question = g.session().follows.as_ref().unwrap().questions[0].id;
    ok(
        &mut g,
        Action::AnswerEarlier {
            question,
            answered: true,
        },
    );
    while g.session().stage == Stage::Play
        && g.session().current_phase().unwrap().kind != PhaseKind::Game
    {
        ok(&mut g, Action::NextPhase { seconds: 60 });
    }
    let first = g.session().play_cards()[0].clone();
    let players: Vec<_> = g.session().players.iter().map(|p| p.id).collect();
    let top = g.session().deck.scale.squares.len() - 1;
    for p in &players {
        ok(
            &mut g,
            Action::Place {
                player: *p,
                card: first.clone(),
                round: Round::First,
                square: top,
            },
        );
    }
    ok(&mut g, Action::NextPhase { seconds: 600 });
    for p in &players {
        ok(
            &mut g,
            Action::Place {
                player: *p,
                card: first.clone(),
                round: Round::Plenary,
                square: top,
            },
        );
    }
    ok(&mut g, Action::NextPhase { seconds: 600 });
    assert_eq!(g.session().stage, Stage::Outcome);
    g
}

#[test]
fn a_follow_up_carries_over_the_group_its_placements_questions_and_steps() {
    let earlier = workshop();
    let earlier = earlier.session();
    let last = LastTime::of(earlier);
    assert!(last.names(earlier));
    assert_eq!(last.players.len(), 4);
    assert_eq!(last.steps.len(), earlier.next_steps.len());
    assert_eq!(last.steps[0].owner, "Bram Jansen");
    assert_eq!(last.steps[0].due, "voor de zomer");
    // Only the questions still open come along.
    let open: Vec<&str> = earlier
        .post_its
        .iter()
        .filter(|p| p.colour == PostItColour::Pink && !p.answered)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        !open.is_empty(),
        "the fixture's workshop has an open question"
    );
    let carried: Vec<&str> = last.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(carried, open);
    // Each placed statement's last placement: the plenary's mean, and its stack.
    let mut placed = 0;
    for card in earlier.plenary_cards() {
        let CardRef::Statement(id) = &card else {
            continue;
        };
        let t = tally_card(earlier, &card);
        let before = &last.placements[id];
        assert_eq!(before.mean, t.plenary.mean, "{id}");
        assert_eq!(before.squares.len(), t.plenary.placed, "{id}");
        placed += 1;
    }
    assert!(placed > 0);
    let overridden = earlier.plenary_cards()[0].clone();
    let CardRef::Statement(id) = &overridden else {
        panic!("the first plenary card is a statement");
    };
    assert_eq!(
        last.placements[id].stack,
        Some(Stack::Red),
        "the override counts"
    );

    // Set up as a follow-up: the group's name and its players come along, the programme gets a
    // review phase before the learning question, and is followed.
    let mut g = Game::new(Session::new(default_deck(), "2027-02-23 10:00".into()));
    ok(
        &mut g,
        Action::AddPlayer {
            name: "bram jansen".into(),
            colour: None,
        },
    );
    ok(&mut g, Action::FollowUp(Box::new(last.clone())));
    let s = g.session();
    assert_eq!(s.group, "Team Noord");
    let names: Vec<&str> = s.players.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "bram jansen",
            "Anouk de Vries",
            "Chantal Bakker",
            "Daan Visser"
        ],
        "a player already there is not added twice"
    );
    assert!(s.follows_programme);
    let review = s.phase_of_kind(PhaseKind::Review).expect("a review phase");
    assert!(review < s.phase_of_kind(PhaseKind::LearningQuestion).unwrap());
    assert_eq!(
        g.clone().apply(Action::FollowUp(Box::new(last.clone()))),
        Err(ActionError::AlreadyAFollowUp)
    );
    // Another deck in the setup keeps the review phase.
    ok(&mut g, Action::SetDeck(default_deck()));
    assert!(g.session().phase_of_kind(PhaseKind::Review).is_some());
    // The review is played, not set up.
    let step = last.steps[0].id;
    assert_eq!(
        g.clone().apply(Action::ReviewStep {
            step,
            status: Some(StepStatus::Done),
            line: String::new(),
        }),
        Err(ActionError::WrongStage(Stage::Setup))
    );
    // Undo takes the follow-up back as one step.
    assert!(g.undo());
    assert!(g.undo());
    assert!(g.session().follows.is_none());
    assert_eq!(g.session().players.len(), 1);
    assert!(g.session().phase_of_kind(PhaseKind::Review).is_none());
}

#[test]
fn the_review_marks_each_step_and_refuses_what_is_not_there() {
    let earlier = workshop();
    let earlier = earlier.session();
    let mut g = follow_up_of(earlier, "2027-02-23 10:00");
    let step = earlier.next_steps[0].id;
    assert_eq!(g.session().step_under_review().unwrap().id, step);
    ok(
        &mut g,
        Action::ReviewStep {
            step,
            status: Some(StepStatus::Done),
            line: "  In mei gestart ".into(),
        },
    );
    let review = &g.session().reviews[&step];
    assert_eq!(review.status, Some(StepStatus::Done));
    assert_eq!(review.line, "In mei gestart");
    assert_eq!(g.session().review_counts(), ([1, 0, 0, 0], 0));
    for (bad, error) in [
        (
            Action::ReviewStep {
                step: step + 100,
                status: Some(StepStatus::Done),
                line: String::new(),
            },
            ActionError::UnknownNextStep(step + 100),
        ),
        (
            Action::ReviewStep {
                step,
                status: None,
                line: "x".repeat(301),
            },
            ActionError::TextTooLong { len: 301, max: 300 },
        ),
        (
            Action::ReviewGoTo { index: 5 },
            ActionError::IndexOutOfRange(5),
        ),
        (
            Action::AnswerEarlier {
                question: 999,
                answered: true,
            },
            ActionError::UnknownEarlierQuestion(999),
        ),
    ] {
        let before = g.session().clone();
        assert_eq!(g.apply(bad), Err(error));
        assert_eq!(g.session(), &before);
    }
    // No status and no line: the step is not reviewed any more.
    ok(
        &mut g,
        Action::ReviewStep {
            step,
            status: None,
            line: " ".into(),
        },
    );
    assert!(g.session().reviews.is_empty());
    assert_eq!(g.session().review_counts(), ([0; 4], 1));
    // A session that follows none has nothing to review.
    let mut plain = Game::new(Session::new(default_deck(), "2027-02-23 10:00".into()));
    ok(
        &mut plain,
        Action::AddPlayer {
            name: "Anouk".into(),
            colour: None,
        },
    );
    ok(&mut plain, Action::StartPlay);
    assert_eq!(
        plain.apply(Action::ReviewStep {
            step: 1,
            status: Some(StepStatus::Done),
            line: String::new(),
        }),
        Err(ActionError::UnknownNextStep(1))
    );
}

#[test]
fn since_last_time_lists_what_moved_what_changed_stack_and_the_review() {
    let earlier = workshop();
    let earlier = earlier.session();
    let g = played_follow_up();
    let s = g.session();
    let first = s.play_cards()[0].clone();
    let CardRef::Statement(id) = &first else {
        panic!("the first card is a statement");
    };
    let before = s.placed_before(id).unwrap().mean.unwrap();
    let top = s.deck.scale.squares.last().unwrap().points as f64;
    assert!(
        top - before >= 0.5,
        "the fixture's workshop leaves room to move"
    );
    let since = since_last_time(s, &tally(s)).unwrap();
    assert_eq!(since.date, "2026-11-23");
    assert_eq!(since.moved[0].card, first);
    assert_eq!((since.moved[0].before, since.moved[0].now), (before, top));
    for m in &since.moved {
        assert!((m.now - m.before).abs() >= 0.5, "{m:?}");
    }
    // Only statements placed both times are compared.
    assert_eq!(since.moved.len(), 1);
    let was = s.follows.as_ref().unwrap().placements[id].stack;
    let changed: Vec<&CardRef> = since.changed_stack.iter().map(|c| &c.card).collect();
    if was == Some(Stack::Red) {
        assert_eq!(changed, [&first], "red last time, green now");
    } else {
        assert!(changed.is_empty());
    }
    assert_eq!(since.steps.len(), earlier.next_steps.len());
    let (step, review) = &since.steps[0];
    assert_eq!(step.text, earlier.next_steps[0].text);
    let review = review.as_ref().unwrap();
    assert_eq!(review.status, Some(StepStatus::OnItsWay));
    assert_eq!(review.line, "Twee keer gedaan, in maart weer");
    assert_eq!(since.questions.0, 1);
    // A session that follows none has no such page.
    assert!(since_last_time(earlier, &tally(earlier)).is_none());
}

#[test]
fn a_follow_up_of_a_follow_up_carries_what_is_still_open() {
    let g = played_follow_up();
    let second = g.session();
    let third = LastTime::of(second);
    assert!(third.names(second));
    assert_eq!(third.started_at, "2027-02-23 10:00");
    // The question answered this time stays behind; the others of last time come along.
    let last = second.follows.as_ref().unwrap();
    let still_open: Vec<&str> = last
        .questions
        .iter()
        .filter(|q| !second.answered_before.contains(&q.id))
        .map(|q| q.text.as_str())
        .collect();
    let carried: Vec<&str> = third.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(carried, still_open);
    let ids: Vec<u32> = third.questions.iter().map(|q| q.id).collect();
    assert_eq!(ids, (1..=ids.len() as u32).collect::<Vec<_>>());
    // The placement it carries is this time's.
    let first = second.play_cards()[0].clone();
    let CardRef::Statement(id) = &first else {
        panic!("a statement");
    };
    assert_eq!(
        third.placements[id].mean,
        tally_card(second, &first).plenary.mean
    );
}

/// A follow-up's file: it saves and loads the same, every version's fixture of a follow-up loads, and
/// a file that reviews what it does not carry is refused. `LK_WRITE_FIXTURE=1` writes this
/// version's fixture.
#[test]
fn a_follow_up_file_loads_and_its_fixture_has_what_the_game_writes() {
    let g = played_follow_up();
    let ron = session_ron(&g);
    let path = crate::session_files::fixture(SESSION_VERSION)
        .with_file_name(format!("v{SESSION_VERSION}-follow-up.session.ron"));
    if std::env::var_os("LK_WRITE_FIXTURE").is_some() {
        std::fs::write(&path, &ron).unwrap();
    }
    let again = parse_game("follow-up.session.ron", &ron).unwrap();
    assert_eq!(again.session(), g.session());
    let fixture = load_game_file(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fixture.session().follows, g.session().follows);
    assert_eq!(fixture.session().reviews, g.session().reviews);
    assert_eq!(
        fixture.session().answered_before,
        g.session().answered_before
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        ron,
        "the game writes a follow-up otherwise than {}: raise SESSION_VERSION and write its fixture (LK_WRITE_FIXTURE=1)",
        path.display()
    );
    // A review of a step last time did not have, or a review without a last time, is refused, in a
    // file as by an action.
    let step = g.session().follows.as_ref().unwrap().steps[0].id;
    let mut bad = g.session().clone();
    let review = bad.reviews.remove(&step).unwrap();
    bad.reviews.insert(step + 50, review);
    let e = bad.check_loaded().unwrap_err();
    assert!(e.contains(&format!("step {}", step + 50)), "{e}");
    let mut bad = g.session().clone();
    bad.follows = None;
    let e = bad.check_loaded().unwrap_err();
    assert!(e.contains("follows no session"), "{e}");
    let flat = session_ron(&Game::new(bad));
    assert!(parse_game("flat.session.ron", &flat).is_err());
}

/// The overview draws one line through a group and its follow-up, found by the link even when the
/// group was renamed on its return day, and says how many of last time's steps were done.
#[test]
fn the_overview_follows_the_chain_and_counts_the_steps_done() {
    use leerklimaat::core::merge::{MergeInput, merge, overview_html, overview_long_csv};
    let earlier = workshop();
    let mut later = played_follow_up();
    ok(
        &mut later,
        Action::SetGroup("Noord (na de reorganisatie)".into()),
    );
    let step = earlier.session().next_steps[0].id;
    ok(
        &mut later,
        Action::ReviewStep {
            step,
            status: Some(StepStatus::Done),
            line: String::new(),
        },
    );
    let input = |g: &Game| MergeInput {
        name: g.session().group.clone(),
        game: g.clone(),
    };
    let o = merge(&[input(&later), input(&earlier)]);
    assert_eq!(o.chains.len(), 1, "one group over two sessions");
    let chain = &o.chains[0];
    assert_eq!(chain.columns.len(), 2);
    let (first, second) = (&o.columns[chain.columns[0]], &o.columns[chain.columns[1]]);
    assert_eq!(first.started_at, "2026-11-23 10:00", "oldest first");
    assert_eq!((first.nth, second.nth), (1, 2));
    assert_eq!(second.previous, Some(chain.columns[0]));
    assert_eq!(first.steps_done, None);
    assert_eq!(
        second.steps_done,
        Some((1, earlier.session().next_steps.len()))
    );
    let html = overview_html(&o, leerklimaat::core::session::Lang::Nl);
    assert!(
        html.contains("1 van de 1 stappen van de vorige keer gedaan"),
        "{html}"
    );
    let csv = String::from_utf8(overview_long_csv(&o)).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("steps_done_since_previous,steps_agreed_previous")
    );
    assert!(csv.lines().any(|l| l.ends_with(",1,1")), "{csv}");
}

/// The exports of a follow-up say what changed since last time: the report first, and two CSVs.
#[test]
fn a_follow_ups_exports_say_what_changed_since_last_time() {
    use leerklimaat::core::export::{report_html, report_markdown, review_csv, since_csv};
    let g = played_follow_up();
    let s = g.session();
    let first = s.play_cards()[0].clone();
    let text = s
        .deck
        .statements
        .iter()
        .find(|st| CardRef::Statement(st.id.clone()) == first)
        .unwrap()
        .text
        .clone();
    let md = report_markdown(s);
    let since = md
        .find("## Sinds vorige keer")
        .expect("the report has the part");
    let lists = md.find("## Al aanwezig").unwrap_or(md.len());
    assert!(since < lists, "since last time comes before the lists");
    assert!(
        md.contains("Vergeleken met de sessie van Team Noord op 2026-11-23."),
        "{md}"
    );
    assert!(md.contains(&format!("- {text} — 2,5 → 4,0 (+1,5)")), "{md}");
    assert!(
        md.contains("Elke maand een leerpunt in het teamoverleg — onderweg: Twee keer gedaan"),
        "{md}"
    );
    assert!(md.contains("Vragen van vorige keer: 1 van "), "{md}");
    let html = report_html(s);
    assert!(html.contains("<h2>Sinds vorige keer</h2>"), "{html}");
    // The first page, which stands alone, says it too, and its chart marks where the group stood.
    let page = &html[..html.find("</section>").expect("the first page")];
    assert!(page.contains("<section class=\"summary\">"), "{page}");
    assert!(page.contains("<h2>Sinds vorige keer</h2>"), "{page}");
    assert!(page.contains("grijs streepje vorige keer"), "{page}");
    assert!(
        page.contains("<rect"),
        "last time's mark in the chart: {page}"
    );
    let review = String::from_utf8(review_csv(s)).unwrap();
    assert!(
        review.contains("1;Elke maand een leerpunt in het teamoverleg;Bram Jansen;voor de zomer;onderweg;Twee keer gedaan"),
        "{review}"
    );
    let CardRef::Statement(id) = &first else {
        panic!("a statement")
    };
    let csv = String::from_utf8(since_csv(s)).unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&format!("{id};")) && l.contains(";2,50;4,00;1,50;")),
        "{csv}"
    );
    // A session that follows none has neither.
    let earlier = workshop();
    assert!(!report_markdown(earlier.session()).contains("Sinds vorige keer"));
    let dir = std::env::temp_dir().join(format!("lk-follow-up-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = leerklimaat::core::export::write_all(&g, &dir).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"since-last-time.csv".to_string())
            && names.contains(&"review.csv".to_string()),
        "{names:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_follow_up_keeps_a_newer_version_of_the_deck_and_otherwise_takes_last_times() {
    let earlier = workshop();
    let earlier = earlier.session();
    let deck_of = |actions: &[Action]| {
        actions.iter().find_map(|a| match a {
            Action::SetDeck(d) => Some(d.statements.len()),
            _ => None,
        })
    };
    // A newer version: the same title, one statement more, one gone; chosen in setup, so kept.
    let mut newer = earlier.deck.clone();
    newer.statements.remove(0);
    let mut extra = newer.statements[0].clone();
    extra.id = "nieuw".into();
    newer.statements.push(extra);
    let now = Session::new(newer.clone(), "2027-03-01T09:00:00Z".into());
    let actions = follow_up_actions(&now, earlier, false);
    assert_eq!(deck_of(&actions), None, "the newer version stays");
    assert!(matches!(actions.last(), Some(Action::FollowUp(_))));
    // Another deck chosen (the built-in one with another title): last time's deck comes along.
    let mut other = newer.clone();
    other.title = "Iets anders".into();
    let now = Session::new(other.clone(), "2027-03-01T09:00:00Z".into());
    assert_eq!(
        deck_of(&follow_up_actions(&now, earlier, false)),
        Some(earlier.deck.statements.len())
    );
    // The same title but no statement in common is not a version of it.
    let mut renamed = newer.clone();
    for (i, s) in renamed.statements.iter_mut().enumerate() {
        s.id = format!("ander-{i}");
    }
    let now = Session::new(renamed, "2027-03-01T09:00:00Z".into());
    assert!(deck_of(&follow_up_actions(&now, earlier, false)).is_some());
    // The facilitator's `--deck` is always kept.
    let now = Session::new(other, "2027-03-01T09:00:00Z".into());
    assert_eq!(deck_of(&follow_up_actions(&now, earlier, true)), None);
    // And the newer version plays: last time's placement is found by id.
    let mut g = Game::new(Session::new(newer, "2027-03-01T09:00:00Z".into()));
    for a in follow_up_actions(g.session(), earlier, false) {
        ok(&mut g, a);
    }
    let last = LastTime::of(earlier);
    let kept = g
        .session()
        .deck
        .statements
        .iter()
        .map(|s| s.id.clone())
        .find(|id| last.placements.contains_key(id))
        .expect("a statement placed last time is in the newer deck");
    assert_eq!(g.session().placed_before(&kept), last.placements.get(&kept));
    assert!(g.session().placed_before("nieuw").is_none());
}
