//! The command line: starts the game, or runs one of the headless commands (check-deck, simulate, export).

use clap::{Parser, Subcommand};
use leerklimaat::GameOptions;
use leerklimaat::core::session::Lang;
use leerklimaat::core::{deck, export, simulate};
use std::path::PathBuf;
use std::process::ExitCode;

/// Leerklimaat: a serious game about learning climate, for a group around one shared screen.
///
/// Without a command, it opens the game with the built-in Dutch deck "Leerklimaat".
#[derive(Parser)]
#[command(name = "leerklimaat", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Interface language: nl (default, or the system's language) or en.
    #[arg(long, global = true, value_parser = ["nl", "en"])]
    lang: Option<String>,
    /// Continue a saved session: the given file, or without a file the newest unfinished one.
    #[arg(long, num_args = 0..=1, default_missing_value = "")]
    resume: Option<PathBuf>,
    /// The folder where sessions are saved (default: the user's data folder,
    /// ~/.local/share/leerklimaat/sessions on Linux).
    #[arg(long, global = true)]
    save_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Play a scripted game in a real window (4 players, 3 statements, a case, the plenary and the
    /// tally) through the same actions as the panels, write a PNG of every screen, and exit.
    Demo {
        /// The folder for the PNGs; it is created if needed.
        #[arg(long)]
        screenshots: PathBuf,
    },
    /// Play random actions through the game without a window, saving after each one, and print
    /// `confirmed STEP HASH` after every save. Used by the crash test, which kills it at random moments.
    Soak {
        #[arg(long, default_value_t = 500)]
        actions: usize,
        /// Milliseconds between two actions.
        #[arg(long, default_value_t = 2)]
        pace_ms: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check that every screen's PNG of a demo run exists and is not blank. Exits 1 if one is wrong.
    CheckPng {
        /// The folder the demo wrote to.
        dir: PathBuf,
    },
    /// Check deck files and print `FILE:LINE:COL: message` for each problem. Exits 1 if any deck is wrong.
    CheckDeck {
        /// Deck files (`*.deck.ron`).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a realistic simulated session that went through both rounds (for tests, demos, benchmarks).
    Simulate {
        /// Number of players, 1 to 12.
        #[arg(long, default_value_t = 6)]
        players: usize,
        /// Number of statements; beyond the default deck's, numbered copies are added.
        #[arg(long, default_value_t = 12)]
        statements: usize,
        /// Number of post-its, green and pink.
        #[arg(long = "post-its", default_value_t = 40)]
        post_its: usize,
        /// Seed for the random choices; the same seed gives the same session.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The session file to write (`.ron`).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write every export format of a session file into a folder: two CSVs, Markdown and HTML reports,
    /// and the session itself.
    Export {
        /// A session file (`.ron`), as written by the game or by `simulate`.
        session: PathBuf,
        /// The folder to write into; it is created if needed.
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .as_deref()
        .map(|l| if l == "en" { Lang::En } else { Lang::Nl });
    match cli.command {
        None => {
            let resume = match cli.resume {
                Some(p) if p.as_os_str().is_empty() => {
                    let store = cli
                        .save_dir
                        .clone()
                        .map(leerklimaat::core::store::Store::new)
                        .or_else(leerklimaat::core::store::Store::user_default);
                    match store.and_then(|s| s.unfinished()) {
                        Some(l) => Some(l.path),
                        None => {
                            eprintln!(
                                "there is no unfinished session to continue; starting a new one"
                            );
                            None
                        }
                    }
                }
                other => other,
            };
            exit_code(leerklimaat::run_game(&GameOptions {
                lang,
                resume,
                save_dir: cli.save_dir,
                ..GameOptions::default()
            }))
        }
        Some(Command::Demo { screenshots }) => {
            if let Err(e) = std::fs::create_dir_all(&screenshots) {
                eprintln!("{}: cannot create the folder: {e}", screenshots.display());
                return ExitCode::FAILURE;
            }
            let save_dir = Some(cli.save_dir.unwrap_or_else(|| screenshots.join("sessions")));
            exit_code(leerklimaat::run_game(&GameOptions {
                demo_screenshots: Some(screenshots),
                lang,
                save_dir,
                resume: None,
            }))
        }
        Some(Command::Soak {
            actions,
            pace_ms,
            seed,
        }) => {
            let Some(dir) = cli.save_dir else {
                eprintln!("soak needs --save-dir DIR (it writes a session file there)");
                return ExitCode::FAILURE;
            };
            leerklimaat::soak(actions, pace_ms, seed, dir);
            ExitCode::SUCCESS
        }
        Some(Command::CheckPng { dir }) => {
            let problems = leerklimaat::game::demo::check_pngs(&dir);
            for p in &problems {
                eprintln!("{p}");
            }
            if problems.is_empty() {
                println!(
                    "{}: {} screens, none blank",
                    dir.display(),
                    leerklimaat::game::demo::DEMO_SHOTS.len()
                );
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::CheckDeck { files }) => {
            let mut bad = 0;
            for file in &files {
                match deck::load_deck_file(file) {
                    Ok(d) => println!(
                        "{}: ok ({} statements, {})",
                        file.display(),
                        d.statements.len(),
                        d.title
                    ),
                    Err(e) => {
                        bad += 1;
                        eprintln!("{e}");
                    }
                }
            }
            if bad > 0 {
                eprintln!("{bad} of {} deck(s) have problems", files.len());
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Some(Command::Simulate {
            players,
            statements,
            post_its,
            seed,
            out,
        }) => {
            if !(1..=12).contains(&players) {
                eprintln!("--players must be 1 to 12, not {players}");
                return ExitCode::FAILURE;
            }
            if statements == 0 {
                eprintln!("--statements must be at least 1");
                return ExitCode::FAILURE;
            }
            let game = simulate::simulate(simulate::SimulateSpec {
                players,
                statements,
                post_its,
                seed,
            });
            match std::fs::write(&out, export::session_ron(&game)) {
                Ok(()) => {
                    println!(
                        "{}: {} players, {} statements, {} post-its",
                        out.display(),
                        players,
                        statements,
                        game.session().post_its.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}: cannot write: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Export { session, out }) => {
            let game = match export::load_game_file(&session) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            match export::write_all(&game, &out) {
                Ok(files) => {
                    for f in files {
                        println!("{}", f.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}: cannot write the export: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn exit_code(exit: bevy::app::AppExit) -> ExitCode {
    match exit {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
    }
}
