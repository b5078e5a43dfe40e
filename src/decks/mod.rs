//! Facilitators' own decks: loaded from a file (the in-app dialog, a file dropped on the window,
//! `--deck FILE`, or the decks folder), all through [`load_deck`]. A wrong deck shows its problems and
//! leaves the game and the loaded deck as they were. While setup is open, a deck file that changes on
//! disk is loaded again within half a second; an invalid edit keeps the last good version.

pub(crate) mod browser;
pub mod ui;

use crate::app::{AppSystems, Screen};
use crate::core::deck::{Deck, DeckError, DeckProblem, Location, load_deck_file};
use crate::core::session::{Action, Stage};
use crate::game::{ActiveGame, GameMsg};
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
    pub(crate) modified: Option<SystemTime>,
    pub checked: Option<Instant>,
}

/// The deck asked for on the command line (`--deck`), until it has loaded: while it is broken, the game
/// waits for it to be fixed rather than start with another deck.
#[derive(Resource, Debug, Default, Clone)]
pub(crate) struct InitialDeck(pub(crate) Option<PathBuf>);

/// The last deck that could not be used, shown on the setup screen until the next good load.
#[derive(Resource, Debug, Default, Clone)]
pub struct DeckTrouble(pub Option<DeckError>);

/// The decks in the user's decks folder, beside the built-in ones.
#[derive(Resource, Debug, Default, Clone)]
pub struct DeckFolder {
    pub(crate) dir: Option<PathBuf>,
    pub decks: Vec<(PathBuf, Result<Deck, DeckError>)>,
}

/// Load a deck file into the game (only in setup).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct LoadDeck(pub PathBuf);

/// The decks folder: the user's config folder (`~/.config/leerklimaat/decks` on Linux).
pub(crate) fn default_decks_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "Leerklimaat", "leerklimaat")
        .map(|d| d.config_dir().join("decks"))
}

/// Reads a deck file for the game. Every way of loading (dialog, drop, `--deck`, decks folder, live
/// reload) goes through here.
pub(crate) fn load_deck(path: &Path) -> Result<(Deck, Option<SystemTime>), DeckError> {
    let deck = load_deck_file(path)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok((deck, modified))
}

/// Save a deck from the editor to a file; when it reads back the same, it is loaded.
#[derive(Message, Debug, Clone)]
pub(crate) struct SaveDeck(pub(crate) Box<crate::core::deck::Deck>, pub PathBuf);

/// Where the editor's last save went, or why it failed.
#[derive(Resource, Debug, Default)]
pub(crate) struct DeckSaved(pub(crate) Option<Result<PathBuf, String>>);

/// The deck in the editor while it differs from its file: kept in [`DECK_DRAFT_FILE`] beside the
/// sessions shortly after typing stops, so a crash or a closed window loses no edit; opened again in
/// the editor at the next start; removed once it is saved or thrown away.
#[derive(Resource, Debug, Default)]
pub(crate) struct DeckDraft {
    /// The edited deck and its file name, if the editor holds edits.
    pub(crate) editing: Option<(crate::core::deck::Deck, String)>,
    /// When it first and last changed since it was written.
    pub(crate) unsaved: crate::game::Unsaved,
    /// A draft found at the start, for the editor to open.
    pub(crate) restored: Option<(crate::core::deck::Deck, String)>,
}

/// The name of the deck editor's draft file, in the sessions folder.
pub(crate) const DECK_DRAFT_FILE: &str = "deck-editor.draft.ron";
/// The largest deck draft read back: far above any deck the editor makes.
const MAX_DECK_DRAFT_BYTES: u64 = 4 * 1024 * 1024;

/// The draft file's content.
#[derive(serde::Serialize, serde::Deserialize)]
struct DeckDraftFile {
    file: String,
    deck: crate::core::deck::Deck,
}

impl DeckDraft {
    pub(crate) fn update(&mut self, editing: Option<(crate::core::deck::Deck, String)>) {
        if editing != self.editing {
            self.editing = editing;
            self.unsaved.changed();
        }
    }

    /// Writes the draft into `dir` (or removes it when the editor holds no edits).
    pub(crate) fn write(&mut self, dir: &Path) -> std::io::Result<()> {
        let path = dir.join(DECK_DRAFT_FILE);
        match &self.editing {
            None => match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            },
            Some((deck, file)) => {
                std::fs::create_dir_all(dir)?;
                let text = crate::core::deck::ron_options()
                    .to_string_pretty(
                        &DeckDraftFile {
                            file: file.clone(),
                            deck: deck.clone(),
                        },
                        ron::ser::PrettyConfig::new().struct_names(false),
                    )
                    .map_err(std::io::Error::other)?;
                let mut out = atomic_write_file::AtomicWriteFile::open(&path)?;
                std::io::Write::write_all(&mut out, text.as_bytes())?;
                out.commit()?;
            }
        }
        self.unsaved.saved();
        Ok(())
    }

    /// The draft left in `dir`, if there is a readable one (an ordinary file of sensible size).
    pub(crate) fn read(dir: &Path) -> Option<(crate::core::deck::Deck, String)> {
        let path = dir.join(DECK_DRAFT_FILE);
        let meta = std::fs::metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > MAX_DECK_DRAFT_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        let draft: DeckDraftFile = crate::core::deck::ron_options().from_str(&text).ok()?;
        Some((draft.deck, draft.file))
    }
}

/// Writes the deck editor's draft when typing stopped.
fn keep_deck_draft(mut draft: ResMut<DeckDraft>, target: Option<Res<crate::persist::SaveTarget>>) {
    if !draft.unsaved.due() {
        return;
    }
    match target {
        Some(t) => {
            // A failed write is tried again with the next change; the editor keeps every edit.
            let _ = draft.write(&t.store.dir);
        }
        None => draft.unsaved.saved(),
    }
}

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
            .init_resource::<DeckDraft>()
            .add_message::<SaveDeck>()
            .add_message::<LoadDeck>()
            .add_message::<crate::persist::StoreMsg>()
            .add_message::<bevy::window::FileDragAndDrop>();
        if let Some(path) = &initial {
            app.world_mut().write_message(LoadDeck(path.clone()));
        }
        app.add_systems(OnEnter(Screen::Setup), scan_folder);
        app.add_systems(
            Startup,
            |mut draft: ResMut<DeckDraft>, target: Option<Res<crate::persist::SaveTarget>>| {
                if let Some(t) = target {
                    draft.restored = DeckDraft::read(&t.store.dir);
                }
            },
        );
        app.add_systems(
            Update,
            keep_deck_draft
                .run_if(|d: Res<DeckDraft>| d.unsaved.due())
                .in_set(AppSystems::Apply),
        );
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
pub(crate) fn scan_folder(mut folder: ResMut<DeckFolder>) {
    let decks = scan(folder.dir.as_deref());
    folder.decks = decks;
}

/// The `*.deck.ron` files in `dir`, each checked, sorted by name.
pub(crate) fn scan(dir: Option<&Path>) -> Vec<(PathBuf, Result<Deck, DeckError>)> {
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

/// A file dropped on the window: a saved session is continued (on the setup screen, as its button in
/// the list of past sessions does), anything else is loaded as a deck. On macOS this is how a file
/// reaches the game, which gets no file from a double-click there.
fn dropped_files(
    mut drops: MessageReader<bevy::window::FileDragAndDrop>,
    game: Res<ActiveGame>,
    mut load: MessageWriter<LoadDeck>,
    mut open: MessageWriter<crate::persist::StoreMsg>,
) {
    use crate::core::session_file::{FileKind, file_kind};
    for drop in drops.read() {
        if let bevy::window::FileDragAndDrop::DroppedFile { path_buf, .. } = drop {
            let head = crate::core::files::read_head(path_buf, 4096);
            if file_kind(path_buf, &head) == FileKind::Session
                && game.session().stage == Stage::Setup
            {
                open.write(crate::persist::StoreMsg::Open(path_buf.clone()));
            } else {
                load.write(LoadDeck(path_buf.clone()));
            }
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
        if game.session().stage != Stage::Setup {
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
    if game.game().can_redo() {
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
    // A follow-up plays the file's deck with its review phase added to the programme.
    let session = game.session();
    let kept = |d: &Deck| {
        *d == session.deck
            || (session.follows.is_some() && d.same_apart_from_programme(&session.deck))
    };
    if source.path.is_some() && source.deck.as_ref().is_some_and(|d| !kept(d)) {
        *source = DeckSource::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deck editor's draft is written to its file and read back whole; with no edits left, the
    /// file goes; a file that is no draft is not read.
    #[test]
    fn the_deck_editors_draft_is_kept_in_a_file() {
        let dir = std::env::temp_dir().join(format!("lk-deck-draft-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut deck = crate::core::deck::default_deck();
        deck.title = "Ons eigen spel".into();
        let mut draft = DeckDraft::default();
        draft.update(Some((deck.clone(), "ons.deck.ron".into())));
        assert!(draft.unsaved.pending());
        draft.write(&dir).unwrap();
        assert!(!draft.unsaved.pending());
        assert_eq!(
            DeckDraft::read(&dir),
            Some((deck, "ons.deck.ron".to_string()))
        );
        draft.update(None);
        draft.write(&dir).unwrap();
        assert_eq!(DeckDraft::read(&dir), None);
        assert!(!dir.join(DECK_DRAFT_FILE).exists());
        std::fs::create_dir_all(dir.join(DECK_DRAFT_FILE)).unwrap();
        assert_eq!(DeckDraft::read(&dir), None, "a folder is no draft");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
