//! Facilitators' own decks: loaded from a file (the in-app dialog, a file dropped on the window,
//! `--deck FILE`, or the decks folder), all through [`load_deck`]. A wrong deck shows its problems and
//! leaves the game and the loaded deck as they were. While setup is open, a deck file that changes on
//! disk is loaded again within half a second; an invalid edit keeps the last good version.

pub mod ui;

use crate::app::{AppSystems, Screen};
use crate::core::deck::{Deck, DeckError, DeckProblem, Location, load_deck_file};
use crate::core::session::{Action, Phase};
use crate::session::{ActiveGame, GameMsg};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// Where the deck in use came from, to load it again when the file changes.
#[derive(Resource, Debug, Default, Clone)]
pub struct DeckSource {
    pub path: Option<PathBuf>,
    /// The deck last loaded from that file; when the game's deck is another one, watching stops.
    pub deck: Option<Deck>,
    pub modified: Option<SystemTime>,
    pub checked: Option<Instant>,
}

/// The deck asked for on the command line (`--deck`), until it has loaded: while it is broken, the game
/// waits for it to be fixed rather than start with another deck.
#[derive(Resource, Debug, Default, Clone)]
pub struct InitialDeck(pub Option<PathBuf>);

/// The last deck that could not be used, shown on the setup screen until the next good load.
#[derive(Resource, Debug, Default, Clone)]
pub struct DeckTrouble(pub Option<DeckError>);

/// The decks in the user's decks folder, beside the built-in ones.
#[derive(Resource, Debug, Default, Clone)]
pub struct DeckFolder {
    pub dir: Option<PathBuf>,
    pub decks: Vec<(PathBuf, Result<Deck, DeckError>)>,
}

/// Load a deck file into the game (only in setup).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct LoadDeck(pub PathBuf);

/// The decks folder: the user's config folder (`~/.config/leerklimaat/decks` on Linux).
pub fn default_decks_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "Leerklimaat", "leerklimaat")
        .map(|d| d.config_dir().join("decks"))
}

/// Reads a deck file for the game. Every way of loading (dialog, drop, `--deck`, decks folder, live
/// reload) goes through here.
pub fn load_deck(path: &Path) -> Result<(Deck, Option<SystemTime>), DeckError> {
    let deck = load_deck_file(path)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok((deck, modified))
}

/// Save a deck from the editor to a file; when it reads back the same, it is loaded.
#[derive(Message, Debug, Clone)]
pub struct SaveDeck(pub Box<crate::core::deck::Deck>, pub PathBuf);

/// Where the editor's last save went, or why it failed.
#[derive(Resource, Debug, Default)]
pub struct DeckSaved(pub Option<Result<PathBuf, String>>);

/// Saves the editor's deck and loads what was saved.
fn save_requested(
    mut saves: MessageReader<SaveDeck>,
    mut saved: ResMut<DeckSaved>,
    mut load: MessageWriter<LoadDeck>,
) {
    for SaveDeck(deck, path) in saves.read() {
        let result = crate::core::deck::save_deck(deck, path).map_err(|e| e.to_string());
        if let Ok(p) = &result {
            load.write(LoadDeck(p.clone()));
        }
        saved.0 = Some(result);
    }
}

pub fn plugin(decks_dir: Option<PathBuf>, initial: Option<PathBuf>) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.init_resource::<DeckSource>()
            .init_resource::<DeckTrouble>()
            .insert_resource(InitialDeck(initial.clone()))
            .insert_resource(DeckFolder {
                dir: decks_dir.clone(),
                decks: scan(decks_dir.as_deref()),
            })
            .init_resource::<DeckSaved>()
            .add_message::<SaveDeck>()
            .add_message::<LoadDeck>()
            .add_message::<bevy::window::FileDragAndDrop>();
        if let Some(path) = &initial {
            app.world_mut().write_message(LoadDeck(path.clone()));
        }
        app.add_systems(OnEnter(Screen::Setup), scan_folder);
        app.add_systems(
            Update,
            (
                dropped_files.run_if(on_message::<bevy::window::FileDragAndDrop>),
                save_requested.run_if(on_message::<SaveDeck>),
                load_requested.run_if(on_message::<LoadDeck>),
                watch_deck_file.run_if(in_state(Screen::Setup)),
            )
                .chain()
                .in_set(AppSystems::Input),
        );
        app.add_systems(
            Update,
            forget_replaced_deck
                .run_if(resource_changed::<ActiveGame>)
                .in_set(AppSystems::Draw),
        );
    }
}

/// Lists the decks folder again, checking each deck (when setup opens).
pub fn scan_folder(mut folder: ResMut<DeckFolder>) {
    let decks = scan(folder.dir.as_deref());
    folder.decks = decks;
}

/// The `*.deck.ron` files in `dir`, each checked, sorted by name.
pub fn scan(dir: Option<&Path>) -> Vec<(PathBuf, Result<Deck, DeckError>)> {
    let Some(dir) = dir else { return Vec::new() };
    let mut decks: Vec<(PathBuf, Result<Deck, DeckError>)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".deck.ron"))
                .map(|p| {
                    let r = load_deck_file(&p);
                    (p, r)
                })
                .collect()
        })
        .unwrap_or_default();
    decks.sort_by(|a, b| a.0.cmp(&b.0));
    decks
}

fn dropped_files(
    mut drops: MessageReader<bevy::window::FileDragAndDrop>,
    mut load: MessageWriter<LoadDeck>,
) {
    for drop in drops.read() {
        if let bevy::window::FileDragAndDrop::DroppedFile { path_buf, .. } = drop {
            load.write(LoadDeck(path_buf.clone()));
        }
    }
}

/// Loads the requested deck. A deck can only change in setup; elsewhere the request is refused with a
/// message, and nothing changes.
fn load_requested(
    mut requests: MessageReader<LoadDeck>,
    game: Res<ActiveGame>,
    mut source: ResMut<DeckSource>,
    mut trouble: ResMut<DeckTrouble>,
    mut initial: ResMut<InitialDeck>,
    mut messages: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    for LoadDeck(path) in requests.read() {
        redraw.write(RequestRedraw);
        if game.session().phase != Phase::Setup {
            trouble.0 = Some(DeckError {
                file: path.display().to_string(),
                problems: vec![DeckProblem::new(
                    Location { line: 1, col: 1 },
                    "deck-only-in-setup",
                    [],
                    "a deck can only be changed on the setup screen; the game goes on with its deck",
                )],
            });
            continue;
        }
        match load_deck(path) {
            Ok((deck, modified)) => {
                trouble.0 = None;
                initial.0 = None;
                *source = DeckSource {
                    path: Some(path.clone()),
                    deck: Some(deck.clone()),
                    modified,
                    checked: Some(Instant::now()),
                };
                if game.session().deck != deck {
                    messages.write(GameMsg::Do(Action::SetDeck(deck)));
                }
            }
            Err(e) => {
                trouble.0 = Some(e);
                // The deck the facilitator started the game with is watched until it is fixed, and
                // nothing else is taken for it meanwhile.
                if initial.0.as_ref() == Some(path) {
                    *source = DeckSource {
                        path: Some(path.clone()),
                        deck: None,
                        modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
                        checked: Some(Instant::now()),
                    };
                }
            }
        }
    }
}

/// While setup is open, checks the deck file twice a second and loads it again when it changed.
fn watch_deck_file(
    mut source: ResMut<DeckSource>,
    mut trouble: ResMut<DeckTrouble>,
    mut initial: ResMut<InitialDeck>,
    game: Res<ActiveGame>,
    mut messages: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(path) = source.path.clone() else {
        return;
    };
    if source
        .checked
        .is_some_and(|t| t.elapsed() < Duration::from_millis(400))
    {
        return;
    }
    source.checked = Some(Instant::now());
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    if modified == source.modified {
        return;
    }
    // After undoing back to setup, the game can still be redone: a new deck would wipe that history.
    // The edit waits (the file is looked at again) until nothing is left to redo.
    if game.0.can_redo() {
        return;
    }
    source.modified = modified;
    redraw.write(RequestRedraw);
    match load_deck(&path) {
        Ok((deck, _)) => {
            trouble.0 = None;
            initial.0 = None;
            source.deck = Some(deck.clone());
            if game.session().deck != deck {
                messages.write(GameMsg::Do(Action::SetDeck(deck)));
            }
        }
        // The last good deck stays in use.
        Err(e) => trouble.0 = Some(e),
    }
}

/// Another deck was chosen (a built-in one, or an undo): the file is no longer watched.
fn forget_replaced_deck(game: Res<ActiveGame>, mut source: ResMut<DeckSource>) {
    // A deck that never loaded (a broken `--deck`) is still waited for.
    if source.path.is_some()
        && source.deck.is_some()
        && source.deck.as_ref() != Some(&game.session().deck)
    {
        *source = DeckSource::default();
    }
}
