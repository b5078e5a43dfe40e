//! The command line: starts the game (with a deck or a session file given as the only argument, as a
//! file manager does on a double-click), or runs one of the headless commands (check-deck, simulate,
//! export, merge). Shared by both programs: `leerklimaat` (src/main.rs) and, for Windows, its console
//! twin `leerklimaat-console` (src/bin/leerklimaat-console.rs).

use clap::{Parser, Subcommand, ValueEnum};
use leerklimaat::GameOptions;
use leerklimaat::core::session::Lang;
use leerklimaat::core::{deck, export, simulate};
use std::path::PathBuf;
use std::process::ExitCode;

/// Leerklimaat: a serious game about learning climate, for a group around one shared screen.
///
/// Without a command, it opens the game with the built-in Dutch deck "Leerklimaat".
#[derive(Parser)]
#[command(
    name = "leerklimaat",
    version = leerklimaat::version_line(),
    about,
    long_about
)]
struct Cli {
    /// A deck (`*.deck.ron`) to play, or a saved session (`*.session.ron`) to continue where it was
    /// left: what a file manager passes on a double-click. The same as --deck FILE or --resume FILE.
    #[arg(value_name = "FILE", conflicts_with_all = ["deck", "resume", "follow_up"])]
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
    /// Start in the high-contrast palette (F2 switches it in the game).
    #[arg(long, global = true)]
    high_contrast: bool,
    /// Interface language: nl (default, or the system's language) or en.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Continue a saved session: the given file, or without a file the newest unfinished one.
    // `Option<Option<…>>`: "--resume" without a file is `Some(None)` (clap refuses an empty path).
    #[arg(long, num_args = 0..=1)]
    resume: Option<Option<PathBuf>>,
    /// Start a follow-up ("terugkomdag") of this saved session (`*.session.ron`): its group, players
    /// and deck come along (or the deck given with --deck, matched by the statements' ids), with last
    /// time's placements, open questions and next steps to look back on.
    #[arg(long)]
    follow_up: Option<PathBuf>,
    /// Start with this deck file (`*.deck.ron`). If it has problems, the game says so and starts with the
    /// built-in deck.
    #[arg(long)]
    deck: Option<PathBuf>,
    /// The folder of your own decks, listed on the setup screen (default: the user's config folder,
    /// ~/.config/leerklimaat/decks on Linux).
    #[arg(long, global = true)]
    decks_dir: Option<PathBuf>,
    /// The folder where sessions are saved (default: the user's data folder,
    /// ~/.local/share/leerklimaat/sessions on Linux).
    #[arg(long, global = true)]
    save_dir: Option<PathBuf>,
    /// The window's size in logical pixels, as `WIDTHxHEIGHT` (default `1600x900`); F11 goes full screen.
    #[arg(long, global = true, value_parser = parse_window_size)]
    window_size: Option<(u32, u32)>,
}

/// Reads `WIDTHxHEIGHT`, each from 320 to 8192.
fn parse_window_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(|| {
        format!("\"{text}\": write the size as WIDTHxHEIGHT, for example 1280x720")
    })?;
    let n = |v: &str| -> Result<u32, String> {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=8192).contains(n))
            .ok_or_else(|| format!("\"{v}\": a size is a whole number from 320 to 8192"))
    };
    Ok((n(w)?, n(h)?))
}

#[derive(Subcommand)]
enum Command {
    /// Play a scripted game in a real window (4 players, 3 statements, a case, the plenary and the
    /// tally) through the same actions as the panels, write a PNG of every screen, and exit.
    #[cfg(feature = "dev")]
    Demo {
        /// The folder for the PNGs; it is created if needed.
        #[arg(long)]
        screenshots: PathBuf,
    },
    /// Combine many sessions (the same deck, or overlapping statements matched by id) into one
    /// overview in DIR: overview.html (the heatmap of statements × groups first), overview.png (the
    /// heatmap for a slide), overview.csv, overview-long.csv (one row per session × statement) and
    /// overview-questions.csv.
    Merge {
        /// Session files (`.ron`).
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        /// The folder to write into; it is created if needed.
        #[arg(long)]
        out: PathBuf,
        /// Merge the readable sessions even when some files cannot be read.
        #[arg(long)]
        skip_damaged: bool,
        /// A group with fewer players is shown without its numbers, and counts in no total.
        #[arg(long, default_value_t = leerklimaat::core::merge::DEFAULT_MIN_PLAYERS, value_parser = clap::value_parser!(usize))]
        min_players: usize,
        /// The order of the statements: red (most groups on the red stack first), disagreement
        /// (the groups differ most first) or deck.
        #[arg(long, value_enum, default_value_t = Order::Red)]
        order: Order,
    },
    /// Play random actions through the game without a window, saving after each one, and print
    /// `confirmed STEP HASH` after every save. Used by the crash test, which kills it at random moments.
    #[cfg(feature = "dev")]
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
    #[cfg(feature = "dev")]
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
        /// Where the session stops: outcome (after both rounds), plenary, or play (back on the last
        /// statement with the plenary placements kept), for resuming it on that screen.
        #[arg(long, value_enum, default_value_t = StopAt::Outcome)]
        phase: StopAt,
    },
    /// Write every export format of a session file into a folder: the CSVs (statements, post-its,
    /// next steps), Markdown and HTML reports, the session itself, and `outcome.png`, a picture of the
    /// outcome pages drawn on the CPU (no window and no GPU driver needed).
    Export {
        /// A session file (`.ron`), as written by the game or by `simulate`.
        session: PathBuf,
        /// The folder to write into; it is created if needed.
        #[arg(long)]
        out: PathBuf,
    },
}

/// The interface language on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

/// The order of the statements in an overview.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Order {
    Red,
    Disagreement,
    Deck,
}

impl From<Order> for leerklimaat::core::merge::RowOrder {
    fn from(o: Order) -> Self {
        match o {
            Order::Red => Self::Red,
            Order::Disagreement => Self::Disagreement,
            Order::Deck => Self::Deck,
        }
    }
}

/// Where a simulated session stops.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StopAt {
    /// After both rounds, on the outcome.
    Outcome,
    /// In the plenary, on its last card.
    Plenary,
    /// Back in play on the last statement, the plenary placements kept.
    Play,
}

/// Runs the program with the process's arguments.
pub(crate) fn main() -> ExitCode {
    #[cfg(feature = "dev")]
    leerklimaat::dev::probe::mark_process_start();
    let cli = Cli::parse();
    let lang = cli.lang.map(Lang::from);
    match cli.command {
        // Without the `dev` feature every option is named here; with it, the demo's is left at its default.
        #[cfg_attr(not(feature = "dev"), allow(clippy::needless_update))]
        None => {
            // A file as the only argument: a deck to play or a session to continue, by its name and,
            // for a name that does not say, by its first field.
            let (mut deck, mut resume_file) = (cli.deck.clone(), cli.resume.clone());
            if let Some(file) = &cli.file {
                match leerklimaat::core::session_file::file_kind(
                    file,
                    &leerklimaat::core::files::read_head(file, 4096),
                ) {
                    leerklimaat::core::session_file::FileKind::Session => {
                        resume_file = Some(Some(file.clone()));
                    }
                    leerklimaat::core::session_file::FileKind::Deck => deck = Some(file.clone()),
                }
            }
            let resume = match resume_file {
                Some(None) => {
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
                Some(Some(path)) => Some(path),
                None => None,
            };
            if let Some(deck) = &deck
                && let Err(e) = leerklimaat::core::deck::load_deck_file(deck)
            {
                eprintln!("{e}");
            }
            exit_code(leerklimaat::run_game(&GameOptions {
                lang,
                resume,
                save_dir: cli.save_dir,
                deck,
                follow_up: cli.follow_up,
                decks_dir: cli.decks_dir,
                high_contrast: cli.high_contrast,
                window_size: cli.window_size,
                ..GameOptions::default()
            }))
        }
        #[cfg(feature = "dev")]
        Some(Command::Demo { screenshots }) => {
            if let Err(e) = std::fs::create_dir_all(&screenshots) {
                eprintln!("{}: cannot create the folder: {e}", screenshots.display());
                return ExitCode::FAILURE;
            }
            let save_dir = Some(cli.save_dir.unwrap_or_else(|| screenshots.join("sessions")));
            let decks_dir = Some(cli.decks_dir.unwrap_or_else(|| screenshots.join("decks")));
            exit_code(leerklimaat::run_game(&GameOptions {
                demo_screenshots: Some(screenshots),
                lang,
                save_dir,
                decks_dir,
                high_contrast: cli.high_contrast,
                window_size: cli.window_size,
                ..GameOptions::default()
            }))
        }
        Some(Command::Merge {
            sessions,
            out,
            skip_damaged,
            min_players,
            order,
        }) => {
            let (inputs, problems) = leerklimaat::core::merge::load_for_merge(&sessions);
            for p in &problems {
                eprintln!("{}", p.error);
            }
            if !problems.is_empty() && !skip_damaged {
                eprintln!(
                    "{} of {} files cannot be read; nothing was merged. Add --skip-damaged to merge the other {}.",
                    problems.len(),
                    sessions.len(),
                    inputs.len()
                );
                return ExitCode::FAILURE;
            }
            if inputs.is_empty() {
                eprintln!("no readable sessions to merge");
                return ExitCode::FAILURE;
            }
            let lang = lang.unwrap_or_else(|| inputs[0].game.session().language);
            let overview = leerklimaat::core::merge::merge_with(
                &inputs,
                leerklimaat::core::merge::MergeOptions {
                    min_players,
                    order: order.into(),
                },
            );
            let files = match leerklimaat::core::merge::overview_files(&overview, lang) {
                Ok(files) => files,
                Err(e) => {
                    eprintln!("the overview could not be drawn: {e}");
                    return ExitCode::FAILURE;
                }
            };
            // Group names and post-its: readable by the user only, as the sessions and exports.
            if let Err(e) = leerklimaat::core::files::create_private_dir(&out) {
                eprintln!("{}: cannot create the folder: {e}", out.display());
                return ExitCode::FAILURE;
            }
            for (name, bytes) in files {
                let path = out.join(name);
                if let Err(e) = leerklimaat::core::files::write_private(&path, &bytes) {
                    eprintln!("{}: cannot write: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!("{}", path.display());
            }
            println!(
                "{} sessions merged on {} shared statements; {} left out",
                inputs.len(),
                overview.statements.len(),
                overview.left_out.len()
            );
            for l in &overview.left_out {
                println!("  left out {}: {}", l.id, l.reason);
            }
            for c in overview.columns.iter().filter(|c| c.too_small) {
                println!(
                    "  shown without numbers: {} ({}), {} players, fewer than {min_players}",
                    c.name, c.started_at, c.players
                );
            }
            ExitCode::SUCCESS
        }
        #[cfg(feature = "dev")]
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
        #[cfg(feature = "dev")]
        Some(Command::CheckPng { dir }) => {
            let problems = leerklimaat::dev::demo::check_pngs(&dir);
            for p in &problems {
                eprintln!("{p}");
            }
            if problems.is_empty() {
                println!(
                    "{}: {} screens, none blank",
                    dir.display(),
                    leerklimaat::dev::demo::DEMO_SHOTS.len()
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
            phase,
        }) => {
            if !(1..=12).contains(&players) {
                eprintln!("--players must be 1 to 12, not {players}");
                return ExitCode::FAILURE;
            }
            if statements == 0 {
                eprintln!("--statements must be at least 1");
                return ExitCode::FAILURE;
            }
            let stop = match phase {
                StopAt::Play => simulate::StopAt::Play,
                StopAt::Plenary => simulate::StopAt::Plenary,
                StopAt::Outcome => simulate::StopAt::Outcome,
            };
            let game = simulate::simulate_to(
                simulate::SimulateSpec {
                    players,
                    statements,
                    post_its,
                    seed,
                },
                stop,
            );
            match std::fs::write(&out, leerklimaat::core::session_file::session_ron(&game)) {
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
            let game = match leerklimaat::core::session_file::load_game_file(&session) {
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
                    // The picture of the outcome pages, drawn on the CPU: no window, no GPU.
                    let picture = out.join(export::OUTCOME_PICTURE);
                    match leerklimaat::outcome::svg::write_outcome_picture(game.session(), &picture)
                    {
                        Ok(path) => {
                            println!("{}", path.display());
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("{e}");
                            eprintln!(
                                "The other files were written; only the picture of the outcome is missing."
                            );
                            ExitCode::FAILURE
                        }
                    }
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
