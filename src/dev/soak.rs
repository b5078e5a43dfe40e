//! The soak and crash runs: random but valid-looking actions played through the headless game with
//! autosave, so a test can kill it at any moment and compare what was saved with what was confirmed.

use crate::core;
use std::path::PathBuf;

/// A hash of a game's history, to compare what was confirmed with what was saved.
pub fn history_hash(game: &core::session::Game) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{:?}", game.done()).hash(&mut h);
    h.finish()
}

/// Plays `actions` random but valid-looking actions through the headless game with autosave, one per
/// frame, `pace_ms` apart. After every frame whose save succeeded it prints `confirmed STEP HASH`, so a
/// crash test can kill it at any moment and check the saved file against what was confirmed.
pub fn soak(actions: usize, pace_ms: u64, seed: u64, save_dir: PathBuf) {
    use crate::game::{ActiveGame, GameMsg};
    use core::session::{Action, CardRef, PostItColour, PostItId, Round, Stage};
    use rand::{Rng, SeedableRng};
    use std::io::Write as _;
    let mut app = crate::app::headless_app(Some(core::store::Store::new(save_dir)), None);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut saves = 0;
    let stdout = std::io::stdout();
    for step in 1..=actions {
        let s = app.world().resource::<ActiveGame>().session().clone();
        let msg = if s.players.len() < 6 {
            GameMsg::Do(Action::AddPlayer {
                name: format!("Speler {}", s.players.len() + 1),
                colour: None,
            })
        } else if s.stage == Stage::Setup {
            GameMsg::Do(Action::StartPlay)
        } else if s.stage == Stage::Play && step > actions * 4 / 5 {
            GameMsg::Do(Action::StartPlenary)
        } else {
            let (card, round) = s.active_card().unwrap_or((
                CardRef::Statement(s.deck.statements[0].id.clone()),
                Round::First,
            ));
            let player = s.players[rng.random_range(0..s.players.len())].id;
            let some_note = if s.post_its.is_empty() {
                PostItId(0)
            } else {
                s.post_its[rng.random_range(0..s.post_its.len())].id
            };
            match rng.random_range(0..100) {
                0..40 => GameMsg::Do(Action::Place {
                    player,
                    card,
                    round,
                    square: rng.random_range(0..s.deck.scale.squares.len()),
                }),
                40..62 => GameMsg::Do(Action::AddPostIt {
                    colour: if rng.random_bool(0.5) {
                        PostItColour::Green
                    } else {
                        PostItColour::Pink
                    },
                    text: format!("Post-it {step}: wat werkt er al, en wat nog niet?"),
                    author: Some(player),
                    card,
                }),
                62..68 => GameMsg::Do(Action::EditPostIt {
                    id: some_note,
                    text: format!("Bewerkt bij stap {step}"),
                }),
                68..72 => GameMsg::Do(Action::MovePostIt {
                    id: some_note,
                    at: (
                        rng.random_range(-800.0..800.0),
                        rng.random_range(-400.0..400.0),
                    ),
                }),
                72..75 => GameMsg::Do(Action::DeletePostIt { id: some_note }),
                75..83 if s.stage == Stage::Play => GameMsg::Do(Action::GoTo {
                    index: (s.current + 1) % s.play_cards().len(),
                    seconds: 0,
                }),
                75..83 => GameMsg::Do(Action::PlenaryGoTo {
                    index: (s.plenary_current + 1) % s.plenary_cards().len().max(1),
                }),
                83..90 => GameMsg::Undo,
                90..93 => GameMsg::Redo,
                _ => GameMsg::Do(Action::PassTurn),
            }
        };
        app.world_mut().write_message(msg);
        app.update();
        let status = app.world().resource::<crate::persist::SaveStatus>();
        if status.saves > saves {
            saves = status.saves;
            let hash = history_hash(app.world().resource::<ActiveGame>().game());
            let mut out = stdout.lock();
            let _ = writeln!(out, "confirmed {step} {hash:016x}");
            let _ = out.flush();
        }
        if pace_ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(pace_ms));
        }
    }
}
