//! Core benchmarks, with a baseline measured in the same run: `cargo bench --bench core`.
//!
//! - saving a heavy session (12 players, 60 statements, 600 post-its) crash-safely, against a plain
//!   write of the same bytes without fsync;
//! - exporting the heavy session in every format;
//! - checking a 10,000-statement deck;
//! - applying 10,000 actions, undo included;
//! - merging 1000 simulated sessions (load from disk and combine), against loading alone.

use leerklimaat::core::deck::{Statement, parse_deck_str};
use leerklimaat::core::export;
use leerklimaat::core::merge::{load_for_merge, merge};
use leerklimaat::core::session::{Action, Game, PostItColour, Round, Session};
use leerklimaat::core::session_file;
use leerklimaat::core::simulate::{SimulateSpec, deck_with, simulate};
use leerklimaat::core::store::Store;
mod common;

use common::time;
use std::time::Duration;

fn report(name: &str, (median, min): (Duration, Duration), goal: Option<Duration>) {
    let verdict = match goal {
        Some(g) if median <= g => format!("goal ≤ {g:?}: met"),
        Some(g) => format!("goal ≤ {g:?}: NOT met"),
        None => String::new(),
    };
    println!("{name:<58} median {median:>12.3?}  min {min:>12.3?}  {verdict}");
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wants = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    let dir = std::env::temp_dir().join(format!("lk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let heavy = simulate(SimulateSpec {
        players: 12,
        statements: 60,
        post_its: 600,
        seed: 7,
    });
    let text = session_file::session_ron(&heavy);
    println!(
        "heavy session: 12 players, 60 statements, 600 post-its, {} actions, {} KB on disk",
        heavy.done().len(),
        text.len() / 1024
    );

    if wants("save") {
        let store = Store::new(&dir);
        let path = dir.join("heavy.session.ron");
        let plain = dir.join("plain.ron");
        let base = time(30, || {
            std::fs::write(&plain, session_file::session_ron(&heavy)).unwrap();
        });
        let save = time(30, || store.save(&path, &heavy).unwrap());
        report("baseline: serialise + plain write, no fsync", base, None);
        report(
            "save: serialise + atomic write + fsync file and folder",
            save,
            None,
        );
        println!(
            "{:<58} {:.1}x",
            "save / baseline",
            save.0.as_secs_f64() / base.0.as_secs_f64()
        );
    }

    if wants("export") {
        let session = heavy.session();
        let all = time(20, || {
            (
                export::statements_csv(session),
                export::post_its_csv(session),
                export::report_markdown(session),
                export::report_html(session),
                session_file::session_ron(&heavy),
            )
        });
        report(
            "export heavy session in every format (in memory)",
            all,
            Some(Duration::from_millis(20)),
        );
    }

    if wants("deck") {
        let mut deck = deck_with(10);
        deck.statements = (0..10_000)
            .map(|i| Statement {
                id: format!("s{i}"),
                text: format!("Stelling nummer {i} over leren in het werk."),
                theme: Some("Thema".into()),
                prompt: Some("Wat zie je?".into()),
            })
            .collect();
        let source = deck.to_ron();
        println!("10,000-statement deck: {} KB", source.len() / 1024);
        let check = time(10, || parse_deck_str("big.deck.ron", &source).unwrap());
        report(
            "check a 10,000-statement deck (parse + validate)",
            check,
            Some(Duration::from_millis(50)),
        );
    }

    if wants("actions") {
        let apply = time(5, || {
            let mut g = Game::new(Session::new(deck_with(60), "t".into()));
            for i in 0..12 {
                g.apply(Action::AddPlayer {
                    name: format!("P{i}"),
                    colour: None,
                })
                .unwrap();
            }
            g.apply(Action::StartPlay).unwrap();
            let ids: Vec<_> = g.session().players.iter().map(|p| p.id).collect();
            let card = g.session().current_card().unwrap();
            let mut undos = 0;
            for i in 0..10_000 {
                if i % 10 == 9 {
                    g.undo();
                    undos += 1;
                } else if i % 3 == 0 {
                    g.apply(Action::AddPostIt {
                        colour: PostItColour::Green,
                        text: format!("p{i}"),
                        author: None,
                        card: card.clone(),
                    })
                    .unwrap();
                } else {
                    g.apply(Action::Place {
                        player: ids[i % 12],
                        card: card.clone(),
                        round: Round::First,
                        square: i % 4,
                    })
                    .unwrap();
                }
            }
            undos
        });
        report("apply 10,000 actions (every 10th an undo)", apply, None);
    }

    if wants("merge") {
        let mdir = dir.join("merge");
        std::fs::create_dir_all(&mdir).unwrap();
        let paths: Vec<_> = (0..1000u64)
            .map(|seed| {
                let p = mdir.join(format!("s{seed}.session.ron"));
                let g = simulate(SimulateSpec {
                    players: 3 + (seed % 10) as usize,
                    statements: 18,
                    post_its: 20 + (seed % 30) as usize,
                    seed,
                });
                std::fs::write(&p, session_file::session_ron(&g)).unwrap();
                p
            })
            .collect();
        let load = time(3, || load_for_merge(&paths).0.len());
        let (inputs, _) = load_for_merge(&paths);
        let combine = time(5, || merge(&inputs).statements.len());
        let both = time(3, || merge(&load_for_merge(&paths).0).statements.len());
        // The organiser's files: the heatmap as SVG in the HTML page and rendered to a PNG, the CSVs.
        let overview = merge(&inputs);
        let files = time(3, || {
            leerklimaat::core::merge::overview_files(
                &overview,
                leerklimaat::core::session::Lang::Nl,
            )
            .map_or(0, |f| f.len())
        });
        report("baseline: load 1000 session files", load, None);
        report("combine 1000 loaded sessions", combine, None);
        report(
            "merge 1000 sessions (load + combine)",
            both,
            Some(Duration::from_secs(1)),
        );
        report(
            "write the overview of 1000 sessions (HTML, PNG, CSVs)",
            files,
            Some(Duration::from_secs(1)),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
