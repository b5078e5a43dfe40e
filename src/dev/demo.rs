//! The scripted demo: a whole workshop played through the same messages as the panels send, in a real
//! window, writing a PNG of every screen. 4 players, 3 statements with placements and post-its of both
//! colours, a case, the plenary and the tally.

use crate::app::{AppSystems, Screen};
use crate::core::session::{Action, CardRef, Lang, PostItColour, Round, Session};
use crate::game::{ActiveGame, GameMsg};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use std::path::PathBuf;

/// The screens the demo photographs, in order.
pub const DEMO_SHOTS: [&str; 19] = [
    "01-setup",
    "02-deck-error",
    "03-file-dialog",
    "04-deck-editor",
    "05-programme-talk",
    "06-warm-up",
    "07-learning-question",
    "08-play",
    "09-play-post-its",
    "10-case",
    "11-plenary",
    "12-outcome-stacks",
    "13-outcome-present",
    "14-outcome-develop",
    "15-outcome-questions",
    "16-outcome-shift",
    "17-outcome-steps",
    "18-export",
    "19-closing",
];

/// The outcome pages the demo steps to, one per picture from step 13 on.
const OUTCOME_PAGES: [crate::outcome::pages::PageKind; 5] = [
    crate::outcome::pages::PageKind::Present,
    crate::outcome::pages::PageKind::Develop,
    crate::outcome::pages::PageKind::Questions,
    crate::outcome::pages::PageKind::Shift,
    crate::outcome::pages::PageKind::Steps,
];

/// Where the demo is in its script.
#[derive(Resource, Debug)]
pub(crate) struct Demo {
    pub(crate) dir: PathBuf,
    pub(crate) frame: u32,
    pub(crate) step: usize,
    pub(crate) next_at: u32,
    pub(crate) lang: Lang,
}

/// Frames to wait before the first picture, while the software renderer compiles its shaders.
const WARM_UP: u32 = 60;
/// Frames between a step's actions and its picture.
const SETTLE: u32 = 20;

pub(crate) fn plugin(dir: PathBuf, lang: Lang) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(WinitSettings::continuous());
        app.insert_resource(Demo {
            dir: dir.clone(),
            frame: 0,
            step: 0,
            next_at: WARM_UP,
            lang,
        });
        app.add_systems(Update, run_demo.in_set(AppSystems::Input));
    }
}

/// The actions of step `step`, given the session as it is.
/// The actions of step `step`: the game's, with the programme around it (a talk, the warm-up, the
/// learning questions before the game; the closing round after the outcome).
fn actions(step: usize, s: &Session, lang: Lang) -> Vec<GameMsg> {
    let nl = lang == Lang::Nl;
    let ids: Vec<_> = s.players.iter().map(|p| p.id).collect();
    let player = |i: usize| ids.get(i).copied();
    match step {
        0..=4 => game_actions(step, s, lang),
        5 => {
            // From the talk to the warm-up: words of four players, some the same.
            let words: [&str; 6] = if nl {
                [
                    "Veiligheid en ruimte",
                    "veiligheid",
                    "Fouten mogen maken",
                    "ruimte, tijd",
                    "Samen leren",
                    "Veiligheid!",
                ]
            } else {
                [
                    "Safety and room",
                    "safety",
                    "Room to make mistakes",
                    "time, room",
                    "Learning together",
                    "Safety!",
                ]
            };
            let mut m = vec![GameMsg::NextPhase];
            for (i, w) in words.iter().enumerate() {
                m.push(GameMsg::Do(Action::AddWarmUp {
                    player: player(i % 4),
                    text: (*w).into(),
                }));
            }
            m
        }
        6 => {
            let questions: [&str; 3] = if nl {
                [
                    "Hoe geef ik feedback die echt landt?",
                    "Hoe maak ik tijd voor leren in een volle week?",
                    "Wat heeft mijn team van mij nodig?",
                ]
            } else {
                [
                    "How do I give feedback that lands?",
                    "How do I make time to learn in a full week?",
                    "What does my team need from me?",
                ]
            };
            let mut m = vec![GameMsg::NextPhase];
            for (i, q) in questions.iter().enumerate() {
                if let Some(p) = player(i) {
                    m.push(GameMsg::Do(Action::SetLearningQuestion {
                        player: p,
                        text: (*q).into(),
                    }));
                }
            }
            m
        }
        7 => {
            // Past the research talk to the game.
            let mut m = vec![GameMsg::NextPhase, GameMsg::NextPhase];
            m.extend(game_actions(5, s, lang));
            m
        }
        19 => {
            let said: [&str; 3] = if nl {
                [
                    "Fouten bespreken kan zonder schuldvraag",
                    "Leertijd plannen als vaste afspraak",
                    "Vaker doorvragen op ideeën",
                ]
            } else {
                [
                    "Mistakes can be discussed without blame",
                    "Plan learning time as a fixed appointment",
                    "Ask more about ideas",
                ]
            };
            let mut m = vec![GameMsg::NextPhase];
            for (i, t) in said.iter().enumerate() {
                if let Some(p) = player(i) {
                    m.push(GameMsg::Do(Action::SetTakeaway {
                        player: p,
                        text: (*t).into(),
                    }));
                }
            }
            m
        }
        n => game_actions(n - 2, s, lang),
    }
}

/// The game's part of step `step` (numbered as if there were no programme).
fn game_actions(step: usize, s: &Session, lang: Lang) -> Vec<GameMsg> {
    let ids: Vec<_> = s.players.iter().map(|p| p.id).collect();
    let card = |i: usize| s.play_cards().get(i).cloned();
    let place = |card: CardRef, round: Round, squares: [usize; 4]| {
        ids.iter().zip(squares).map(move |(p, sq)| {
            GameMsg::Do(Action::Place {
                player: *p,
                card: card.clone(),
                round,
                square: sq,
            })
        })
    };
    let note = |colour, text: &str, author: usize, card: CardRef| {
        GameMsg::Do(Action::AddPostIt {
            colour,
            text: text.into(),
            author: ids.get(author).copied(),
            card,
        })
    };
    let nl = lang == Lang::Nl;
    match step {
        0 => {
            let mut m = vec![
                GameMsg::Do(Action::SetLanguage(lang)),
                GameMsg::Do(Action::SetGroup(
                    if nl {
                        "Leercirkel Wijkteams"
                    } else {
                        "Learning circle"
                    }
                    .into(),
                )),
            ];
            for name in [
                "Anouk de Vries",
                "Bram Jansen",
                "Chantal Bakker",
                "Daan Visser",
            ] {
                m.push(GameMsg::Do(Action::AddPlayer {
                    name: name.into(),
                    colour: None,
                }));
            }
            m
        }
        4 => vec![GameMsg::Do(Action::StartPlay)],
        5 => {
            let Some(c) = card(0) else { return vec![] };
            let mut m: Vec<GameMsg> = place(c.clone(), Round::First, [1, 2, 2, 3]).collect();
            m.push(note(
                PostItColour::Green,
                if nl {
                    "Fouten bespreken we in het teamoverleg, zonder schuldvraag"
                } else {
                    "We discuss mistakes in the team meeting, without blame"
                },
                0,
                c.clone(),
            ));
            m.push(note(
                PostItColour::Green,
                if nl {
                    "Nieuwe collega's krijgen een maatje"
                } else {
                    "New colleagues get a buddy"
                },
                1,
                c.clone(),
            ));
            m.push(note(
                PostItColour::Pink,
                if nl {
                    "Durven we dit ook als de leidinggevende erbij is?"
                } else {
                    "Do we dare this with the manager present too?"
                },
                2,
                c.clone(),
            ));
            m.push(GameMsg::Do(Action::PassTurn));
            m
        }
        6 => {
            let mut m = vec![GameMsg::Next];
            if let Some(c) = card(1) {
                m.extend(place(c.clone(), Round::First, [0, 1, 1, 2]));
                m.push(note(
                    PostItColour::Pink,
                    if nl {
                        "Wie beslist over het opleidingsbudget?"
                    } else {
                        "Who decides on the training budget?"
                    },
                    3,
                    c.clone(),
                ));
                m.push(note(
                    PostItColour::Green,
                    if nl {
                        "Ruimte voor een cursus op eigen initiatief"
                    } else {
                        "Room for a course on your own initiative"
                    },
                    0,
                    c,
                ));
            }
            m.push(GameMsg::Next);
            if let Some(c) = card(2) {
                m.extend(place(c.clone(), Round::First, [2, 3, 3, 2]));
                m.push(note(
                    PostItColour::Green,
                    if nl {
                        "Intervisie elke maand"
                    } else {
                        "Peer consultation every month"
                    },
                    1,
                    c.clone(),
                ));
                m.push(note(
                    PostItColour::Pink,
                    if nl {
                        "Hoe houden we dit vol als het druk is?"
                    } else {
                        "How do we keep this up when it is busy?"
                    },
                    2,
                    c,
                ));
            }
            m
        }
        7 => {
            let title = if nl {
                "Nieuwe collega inwerken"
            } else {
                "Onboarding a new colleague"
            };
            let description = if nl {
                "Een nieuwe collega leert het vak vooral door mee te lopen. Hoe geven we haar ruimte om zelf te leren?"
            } else {
                "A new colleague learns the job mostly by shadowing. How do we give her room to learn herself?"
            };
            vec![GameMsg::Do(Action::AddCase {
                title: title.into(),
                description: description.into(),
                brought_by: ids.get(1).copied(),
            })]
        }
        8 => {
            let c = CardRef::Case(1);
            let mut m: Vec<GameMsg> = place(c.clone(), Round::First, [1, 1, 2, 0]).collect();
            m.push(note(
                PostItColour::Green,
                if nl {
                    "Inwerkplan met vaste momenten"
                } else {
                    "Onboarding plan with fixed moments"
                },
                1,
                c,
            ));
            m
        }
        9 => {
            // To the plenary; everyone places again on every card, ending on the first.
            let mut m = vec![GameMsg::Do(Action::StartPlenary)];
            let cards = s.plenary_cards();
            let again = [[2, 2, 3, 3], [1, 1, 1, 2], [3, 3, 2, 3], [1, 2, 2, 1]];
            for (i, c) in cards.iter().take(4).enumerate() {
                m.push(GameMsg::Do(Action::PlenaryGoTo { index: i }));
                m.extend(place(c.clone(), Round::Plenary, again[i]));
            }
            m.push(GameMsg::Do(Action::PlenaryGoTo { index: 0 }));
            m
        }
        10 => {
            // The outcome, with one question answered and one open question made a next step.
            let mut m = vec![GameMsg::Do(Action::ShowOutcome)];
            let mut pink = s.post_its.iter().filter(|p| p.colour == PostItColour::Pink);
            if let Some(p) = pink.next() {
                m.push(GameMsg::Do(Action::SetAnswered {
                    id: p.id,
                    answered: true,
                }));
            }
            if let Some(p) = pink.next() {
                m.push(GameMsg::Do(Action::AddNextStep {
                    text: if nl {
                        "Werkdruk en leertijd agenderen in het MT".into()
                    } else {
                        "Put workload and time to learn on the management programme".into()
                    },
                    owner: crate::core::session::Owner::Player(ids[0]),
                    due: if nl { "1 maart" } else { "1 March" }.into(),
                    from: Some(crate::core::session::StepSource::Question(p.id)),
                }));
            }
            m
        }
        _ => vec![],
    }
}

/// Which picture, if any, is taken after step `step`.
fn shot_after(step: usize) -> Option<&'static str> {
    match step {
        0..=8 => Some(DEMO_SHOTS[step]),
        10 => Some(DEMO_SHOTS[9]),
        11..=19 => Some(DEMO_SHOTS[step - 1]),
        _ => None,
    }
}

/// The deck tools shown on the setup screen: a deck with a mistake, the file dialog, the editor.
fn deck_step(
    step: usize,
    dir: &std::path::Path,
    forms: Option<&mut crate::setup::ui::SetupForm>,
    load: &mut MessageWriter<crate::decks::LoadDeck>,
    s: &Session,
) {
    let Some(forms) = forms else { return };
    match step {
        1 => {
            let bad = dir.join("eigen-kaartspel.deck.ron");
            let text = crate::core::deck::default_deck().to_ron().replacen(
                "id: \"autonomie\"",
                "id: \"veiligheid\"",
                1,
            );
            let _ = std::fs::write(&bad, text);
            load.write(crate::decks::LoadDeck(bad));
        }
        2 => forms.browser = Some(crate::decks::ui::FileBrowser::new(dir.to_path_buf())),
        3 => {
            forms.browser = None;
            let deck = s.deck.clone();
            let file = crate::core::deck::file_name_for(&deck.title);
            forms.editor = Some(crate::decks::ui::DeckEditor::open(deck.clone(), deck, file));
        }
        4 => forms.editor = None,
        _ => {}
    }
}

const STEPS: usize = 20;

#[allow(clippy::too_many_arguments)]
fn run_demo(
    mut commands: Commands,
    mut demo: ResMut<Demo>,
    mut forms: Option<ResMut<crate::setup::ui::SetupForm>>,
    mut outcome_form: Option<ResMut<crate::outcome::ui::OutcomeForm>>,
    mut load: MessageWriter<crate::decks::LoadDeck>,
    mut pages: MessageWriter<crate::outcome::present::PageNav>,
    mut exports: MessageWriter<crate::outcome::ExportMsg>,
    past: Option<Res<crate::persist::PastSessions>>,
    mut files: MessageWriter<crate::persist::StoreMsg>,
    game: Res<ActiveGame>,
    screen: Res<State<Screen>>,
    mut messages: MessageWriter<GameMsg>,
    mut exit: MessageWriter<AppExit>,
    picture: Option<Res<crate::outcome::picture::PictureState>>,
) {
    demo.frame += 1;
    if demo.frame < demo.next_at {
        return;
    }
    let step = demo.step;
    if step < STEPS {
        // Actions first; the picture of the step comes SETTLE frames later (as step + STEPS).
        messages.write_batch(actions(step, game.session(), demo.lang));
        let dir = demo.dir.clone();
        deck_step(step, &dir, forms.as_deref_mut(), &mut load, game.session());
        // With past sessions in the save folder, the setup picture shows their overview.
        if let Some(past) = past.as_ref().filter(|p| p.listings.len() >= 2) {
            match step {
                0 => {
                    files.write(crate::persist::StoreMsg::Overview(
                        past.listings.iter().map(|l| l.path.clone()).collect(),
                    ));
                }
                1 => {
                    files.write(crate::persist::StoreMsg::CloseOverview);
                }
                _ => {}
            }
        }
        if let Some(kind) = step.checked_sub(13).and_then(|i| OUTCOME_PAGES.get(i)) {
            pages.write(crate::outcome::present::PageNav::To(*kind));
        }
        if step == 18
            && let Some(outcome_form) = outcome_form.as_deref_mut()
        {
            // The organiser exports everything into a folder of the demo.
            let folder = dir.join("export");
            outcome_form.folder = Some(folder.display().to_string());
            exports.write(crate::outcome::ExportMsg::Export(folder));
        }
        demo.step += 100;
        demo.next_at = demo.frame + SETTLE;
        return;
    }
    if step >= 100 && step - 100 < STEPS {
        let done = step - 100;
        if let Some(name) = shot_after(done) {
            let path = demo.dir.join(format!("{name}.png"));
            info!("demo: {name} on {:?}", screen.get());
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
        }
        demo.step = done + 1;
        demo.next_at = demo.frame + 5;
        if demo.step == STEPS {
            demo.step = 1000;
            demo.next_at = demo.frame + 30;
        }
        return;
    }
    // Wait for the files, then leave.
    let mut missing: Vec<&str> = DEMO_SHOTS
        .iter()
        .copied()
        .filter(|n| !demo.dir.join(format!("{n}.png")).exists())
        .collect();
    if picture.is_some_and(|p| p.last.is_none()) {
        missing.push("export/outcome.png");
    }
    if missing.is_empty() {
        info!("demo: all screenshots written to {}", demo.dir.display());
        exit.write(AppExit::Success);
    } else if demo.frame > demo.next_at + 600 {
        error!("demo: screenshots missing: {missing:?}");
        exit.write(AppExit::error());
    }
}

/// Checks that every demo PNG exists and is not blank (more than one colour). Returns the problems.
pub fn check_pngs(dir: &std::path::Path) -> Vec<String> {
    let mut problems = Vec::new();
    let shots = DEMO_SHOTS
        .iter()
        .map(|name| dir.join(format!("{name}.png")));
    // The export's picture of the outcome pages, drawn on the CPU.
    let picture = dir
        .join("export")
        .join(crate::core::export::OUTCOME_PICTURE);
    for path in shots.chain([picture]) {
        match png_colours(&path) {
            Err(e) => problems.push(format!("{}: {e}", path.display())),
            Ok(n) if n < 2 => problems.push(format!(
                "{}: the picture is blank (one colour)",
                path.display()
            )),
            Ok(_) => {}
        }
    }
    problems
}

/// How many distinct colours a PNG has, up to 1000.
fn png_colours(path: &std::path::Path) -> Result<usize, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("missing ({e})"))?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let bytes = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let mut seen = std::collections::HashSet::new();
    for px in bytes.chunks(step).step_by(97) {
        seen.insert(px.to_vec());
        if seen.len() >= 1000 {
            break;
        }
    }
    Ok(seen.len())
}
