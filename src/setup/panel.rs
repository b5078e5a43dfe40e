//! The system that draws the setup screen's panels and does what they ask: the session's changes,
//! the past sessions' files, the file dialog (which reads folders here, not in the panel), the deck
//! editor's files and the palette.

use super::past;
use super::ui::SetupForm;
use super::ui::{DeckPanel, SetupIntent, SetupView, setup_panel};
use crate::app::Screen;
use crate::decks::ui::{BrowserIntent, DeckCmd};
use crate::decks::{DeckFolder, DeckSource, DeckTrouble, LoadDeck};
use crate::game::{ActiveGame, GameMsg};
use crate::panels::{PanelSet, send};
use crate::persist::{PastSessions, StoreMsg};
use crate::texts::Tr;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The setup panel, drawn on the setup screen.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<SetupForm>();
    app.add_systems(
        EguiPrimaryContextPass,
        setup_ui
            .run_if(in_state(Screen::Setup))
            .in_set(PanelSet::Screen),
    );
}

/// The deck resources the setup screen shows.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct DeckState<'w> {
    folder: Option<Res<'w, DeckFolder>>,
    trouble: Option<Res<'w, DeckTrouble>>,
    source: Option<ResMut<'w, DeckSource>>,
    load: MessageWriter<'w, LoadDeck>,
    save: MessageWriter<'w, crate::decks::SaveDeck>,
    saved: Res<'w, crate::decks::DeckSaved>,
    draft: ResMut<'w, crate::decks::DeckDraft>,
}

#[allow(clippy::too_many_arguments)]
fn setup_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut form: ResMut<SetupForm>,
    past: Option<Res<PastSessions>>,
    overview: Option<Res<crate::persist::OverviewView>>,
    mut palette: ResMut<crate::theme::Palette>,
    mut decks: DeckState,
    mut writer: MessageWriter<GameMsg>,
    mut file_writer: MessageWriter<StoreMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let empty = PastSessions::default();
    let past = past.as_deref().unwrap_or(&empty);
    let folder_dir = decks.folder.as_ref().and_then(|f| f.dir.clone());
    let panel = DeckPanel {
        folder: decks
            .folder
            .as_ref()
            .map_or(&[][..], |f| f.decks.as_slice()),
        trouble: decks.trouble.as_ref().and_then(|t| t.0.as_ref()),
        source: decks.source.as_ref().and_then(|s| s.path.as_deref()),
        pending: decks
            .source
            .as_ref()
            .filter(|s| s.deck.is_none())
            .and_then(|s| s.path.as_deref()),
    };
    let mut files = Vec::new();
    let mut deck_cmds = Vec::new();
    let mut out = Vec::new();
    let lang = game.session().language;
    let view = SetupView {
        session: game.session(),
        tr: &tr.0,
        past,
        decks: &panel,
        high_contrast: palette.high_contrast,
    };
    for intent in setup_panel(ctx, &view, &mut form) {
        match intent {
            SetupIntent::Game(msg) => out.push(msg),
            SetupIntent::Files(msg) => files.push(msg),
            SetupIntent::Deck(cmd) => deck_cmds.push(cmd),
            SetupIntent::HighContrast(on) => {
                *palette = if on {
                    crate::theme::Palette::HIGH_CONTRAST
                } else {
                    crate::theme::Palette::NORMAL
                };
                redraw.write(RequestRedraw);
            }
        }
    }
    if let Some(view) = overview.as_deref() {
        files.extend(past::overview_window(ctx, &tr.0, lang, view));
    }
    // The dialog and the editor, over the setup screen.
    if let Some(browser) = form.browser.as_mut() {
        let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
        let mut places: Vec<(String, std::path::PathBuf)> = Vec::new();
        if let Some(h) = home {
            places.push((tr.0.get(lang, "deck-home"), h));
        }
        if let Some(d) = &folder_dir {
            places.push((tr.0.get(lang, "deck-folder"), d.clone()));
        }
        match crate::decks::ui::file_dialog(ctx, &tr.0, lang, browser, &places) {
            Some(BrowserIntent::Open(dir)) => browser.go(dir),
            Some(BrowserIntent::Chose(path)) => {
                deck_cmds.push(DeckCmd::Load(path));
                form.browser = None;
            }
            Some(BrowserIntent::Cancel) => form.browser = None,
            None => {}
        }
    }
    // A deck being edited when the app stopped is open again, with every edit.
    if let Some((deck, file)) = decks.draft.restored.take() {
        // Nothing of it is saved: Cancel asks before it throws the edits away.
        let blank = crate::core::deck::blank_deck(game.session().language);
        form.editor = Some(crate::decks::ui::DeckEditor::open(deck, blank, file));
    }
    if let Some(editor) = form.editor.as_mut() {
        if decks.saved.is_changed() && decks.saved.0.is_some() {
            editor.saved.clone_from(&decks.saved.0);
            // Saved: what is in the file is no edit any more.
            if matches!(decks.saved.0, Some(Ok(_))) {
                editor.original = editor.deck.clone();
                editor.confirm_cancel = false;
            }
        }
        deck_cmds.extend(crate::decks::ui::deck_editor(
            ctx,
            &tr.0,
            lang,
            editor,
            folder_dir.as_deref(),
        ));
    }
    for cmd in deck_cmds {
        redraw.write(RequestRedraw);
        match cmd {
            crate::decks::ui::DeckCmd::Load(path) => {
                decks.load.write(LoadDeck(path));
            }
            DeckCmd::CloseEditor => form.editor = None,
            crate::decks::ui::DeckCmd::Forget => {
                if let Some(source) = decks.source.as_mut() {
                    **source = DeckSource::default();
                }
            }
            crate::decks::ui::DeckCmd::Save(deck, path) => {
                let Some(editor) = form.editor.as_mut() else {
                    continue;
                };
                if path.exists() && editor.overwrite.as_ref() != Some(&path) {
                    // Ask first: the next press of save replaces it.
                    editor.overwrite = Some(path);
                } else {
                    editor.overwrite = None;
                    decks.save.write(crate::decks::SaveDeck(deck, path));
                }
            }
            crate::decks::ui::DeckCmd::OpenDialog => {
                let start = crate::decks::browser::deck_start(folder_dir.as_deref());
                form.browser = Some(crate::decks::ui::FileBrowser::new(start));
            }
            crate::decks::ui::DeckCmd::Edit(deck) => {
                let file = crate::core::deck::free_file_name(&deck.title, folder_dir.as_deref());
                let original = deck.clone();
                form.editor = Some(crate::decks::ui::DeckEditor::open(deck, original, file));
            }
        }
    }
    // The edited deck is a draft, kept in a file until it is saved or thrown away.
    let edited = form
        .editor
        .as_ref()
        .filter(|e| e.deck != e.original)
        .map(|e| (e.deck.clone(), e.file.clone()));
    if decks.draft.editing != edited {
        decks.draft.update(edited);
    }
    if !files.is_empty() {
        file_writer.write_batch(files);
        redraw.write(RequestRedraw);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}
