//! Realistic simulated sessions that went through both rounds, for tests, demos and benchmarks.

use crate::core::deck::{Deck, Statement, default_deck};
use crate::core::session::{Action, CardRef, Game, PlayerId, PostItColour, Round, Session};
use rand::{Rng, SeedableRng};

/// What to simulate.
#[derive(Debug, Clone, Copy)]
pub struct SimulateSpec {
    pub players: usize,
    pub statements: usize,
    pub post_its: usize,
    pub seed: u64,
}

const NAMES: [&str; 12] = [
    "Anouk de Vries",
    "Bram Jansen",
    "Chantal Bakker",
    "Daan Visser",
    "Esra Yilmaz",
    "Fenna Smit",
    "Gijs Mulder",
    "Hanna de Boer",
    "Imran Bouzid",
    "Joke Meijer",
    "Kees van Dijk",
    "Lotte Bos",
];

const GREEN_TEXTS: [&str; 8] = [
    "Leerpuntje van de week in het teamoverleg",
    "Intervisie elke maand, ook voor leidinggevenden",
    "Nieuwe collega's krijgen een maatje",
    "Fouten bespreken we zonder schuldvraag",
    "Ruimte voor een cursus op eigen initiatief",
    "Eten is weten: kennis delen tijdens de lunch",
    "Evaluatie na elk project",
    "Leidinggevende vraagt door op ideeën",
];

const PINK_TEXTS: [&str; 8] = [
    "Hoe maken we tijd om te leren als de werkdruk hoog is?",
    "Wie beslist over het opleidingsbudget?",
    "Feedback geven voelt nog onveilig",
    "Hoe delen we kennis tussen afdelingen?",
    "Behoefte aan een gedeelde visie op leren",
    "Hoe borgen we wat we leren na een project?",
    "Mag je hier fouten maken? Ervaringen verschillen",
    "Meer ruimte voor initiatieven van de werkvloer",
];

/// A deck with `n` statements: the default deck, extended with numbered statements when `n` is larger.
pub fn deck_with(n: usize) -> Deck {
    let mut deck = default_deck();
    let base = deck.statements.clone();
    deck.statements.truncate(n.max(1));
    let mut i = deck.statements.len();
    while deck.statements.len() < n {
        let src = &base[i % base.len()];
        deck.statements.push(Statement {
            id: format!("{}-{}", src.id, i),
            text: format!("{} ({})", src.text, i + 1),
            theme: src.theme.clone(),
            prompt: src.prompt.clone(),
        });
        i += 1;
    }
    deck
}

/// Where a simulated session stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopAt {
    /// After both rounds, on the outcome.
    Outcome,
    /// In the plenary, on its last card.
    Plenary,
    /// Back in play on the last statement, the plenary placements kept.
    Play,
}

/// Plays a session as [`simulate`] does, then goes back to where it should stop, by `Back` actions.
pub fn simulate_to(spec: SimulateSpec, stop: StopAt) -> Game {
    let mut game = simulate(spec);
    let backs = match stop {
        StopAt::Outcome => 0,
        StopAt::Plenary => 1,
        StopAt::Play => 2,
    };
    for _ in 0..backs {
        game.apply(Action::Back)
            .expect("a simulated session goes back from the outcome to play");
    }
    game
}

/// Plays a whole session through both rounds with the given numbers. Every change goes through actions.
pub fn simulate(spec: SimulateSpec) -> Game {
    let mut rng = rand::rngs::StdRng::seed_from_u64(spec.seed);
    let deck = deck_with(spec.statements);
    let squares = deck.scale.squares.len();
    let mut game = Game::new(Session::new(
        deck,
        crate::core::session::stamp_from_unix(1_790_000_000 + spec.seed % 10_000_000),
    ));
    let ok = |game: &mut Game, a: Action| {
        // Simulated actions are built valid; one that is refused is simply not recorded.
        let _ = game.apply(a);
    };
    ok(
        &mut game,
        Action::SetGroup(format!("Groep {}", spec.seed % 100)),
    );
    for name in NAMES.iter().take(spec.players.clamp(1, 12)) {
        ok(
            &mut game,
            Action::AddPlayer {
                name: (*name).to_string(),
                colour: None,
            },
        );
    }
    ok(&mut game, Action::StartPlay);
    let players: Vec<PlayerId> = game.session().players.iter().map(|p| p.id).collect();
    let cards = game.session().play_cards();
    let mut truths = Vec::new();
    for (index, card) in cards.iter().enumerate() {
        if index > 0 {
            ok(
                &mut game,
                Action::GoTo {
                    index,
                    seconds: rng.random_range(120..600),
                },
            );
        }
        let truth: f64 = rng.random_range(0.0..(squares as f64 - 1.0));
        truths.push(truth);
        for p in &players {
            let square = (truth + rng.random_range(-1.2..1.2))
                .round()
                .clamp(0.0, squares as f64 - 1.0) as usize;
            ok(
                &mut game,
                Action::Place {
                    player: *p,
                    card: card.clone(),
                    round: Round::First,
                    square,
                },
            );
        }
        ok(&mut game, Action::PassTurn);
    }
    for n in 0..spec.post_its {
        let card = cards[rng.random_range(0..cards.len())].clone();
        let green = rng.random_bool(0.55);
        let bank = if green { &GREEN_TEXTS } else { &PINK_TEXTS };
        let text = format!("{} #{}", bank[n % bank.len()], n + 1);
        let author = Some(players[rng.random_range(0..players.len())]);
        let colour = if green {
            PostItColour::Green
        } else {
            PostItColour::Pink
        };
        ok(
            &mut game,
            Action::AddPostIt {
                colour,
                text,
                author,
                card,
            },
        );
    }
    ok(&mut game, Action::StartPlenary);
    let plenary: Vec<CardRef> = game.session().plenary_cards();
    for (index, card) in plenary.iter().enumerate() {
        ok(&mut game, Action::PlenaryGoTo { index });
        let truth = truths.get(index).copied().unwrap_or(1.0);
        for p in &players {
            let square = (truth + rng.random_range(-0.7..0.7))
                .round()
                .clamp(0.0, squares as f64 - 1.0) as usize;
            ok(
                &mut game,
                Action::Place {
                    player: *p,
                    card: card.clone(),
                    round: Round::Plenary,
                    square,
                },
            );
        }
    }
    let answered: Vec<_> = game
        .session()
        .post_its
        .iter()
        .filter(|p| p.colour == PostItColour::Pink)
        .map(|p| p.id)
        .collect();
    for id in answered.iter().step_by(3) {
        ok(
            &mut game,
            Action::SetAnswered {
                id: *id,
                answered: true,
            },
        );
    }
    ok(&mut game, Action::ShowOutcome);
    game
}
