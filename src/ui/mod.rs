//! The egui panels: setup, the facilitator's controls during play and plenary, and the outcome lists.
//! Each panel is a plain function that draws from the session and returns messages; the systems here
//! only hand them the context and send what they return.

pub mod deck_tools;
pub mod keyboard;
pub mod outcome;
pub mod play;
pub mod setup;
pub mod widgets;

use crate::core::session::Lang;
use crate::game::Screen;
use crate::game::board::Tr;
use crate::game::decks::{DeckFolder, DeckSource, DeckTrouble, LoadDeck};
use crate::game::keys::{FocusPostItField, KeyboardBusy};
use crate::game::pawn::SelectedPlayer;
use crate::game::persist::{PastSessions, SaveStatus, StoreMsg};
use crate::game::post_it::SelectedPostIt;
use crate::game::screens::HelpOpen;
use crate::game::session::{ActiveGame, CardClock, GameMsg, LastRefusal};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw};
use bevy_egui::{
    EguiContexts, EguiInput, EguiPlugin, EguiPreUpdateSet, EguiPrimaryContextPass, egui,
};

/// Text typed into the panels that is not an action yet.
#[derive(Resource, Default)]
pub struct Forms {
    pub setup: setup::SetupForm,
    pub play: play::PlayForm,
    pub outcome: outcome::OutcomeForm,
    /// Where to save the session when the window is closed while saving fails.
    pub close_path: String,
}

/// Extra zoom chosen by the facilitator (Ctrl + and Ctrl −), on top of the window-size scale.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct UiScale(pub f32);

impl Default for UiScale {
    fn default() -> Self {
        UiScale(1.0)
    }
}

pub fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default());
    app.add_plugins(keyboard::plugin);
    app.init_resource::<Forms>().init_resource::<UiScale>();
    app.add_systems(
        PreUpdate,
        drop_repeated_modifiers
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        (
            style_once,
            setup_ui.run_if(in_state(Screen::Setup)),
            play_ui.run_if(in_state(Screen::Play).or_else(in_state(Screen::Plenary))),
            outcome_ui.run_if(in_state(Screen::Outcome)),
            overlays,
            collect_marks,
        )
            .chain(),
    );
}

/// `bevy_egui` pushes an unchanged `ModifiersChanged` event every frame, which makes egui ask for another
/// frame forever. egui keeps its own modifier state, so a repeat can be dropped without losing anything.
pub fn drop_repeated_modifiers(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        let repeated = input
            .0
            .events
            .iter()
            .any(|e| matches!(e, egui::Event::ModifiersChanged(m) if Some(*m) == *last));
        if !repeated
            && !input
                .0
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::ModifiersChanged(_)))
        {
            continue;
        }
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) => {
                let keep = Some(*m) != *last;
                *last = Some(*m);
                keep
            }
            _ => true,
        });
    }
}

/// Inter in egui too, larger text for a room, and the zoom that keeps panels the same size relative to
/// the window at every resolution.
fn style_once(
    mut contexts: EguiContexts,
    mut frames: Local<u8>,
    windows: Query<&Window, With<PrimaryWindow>>,
    scale: Res<UiScale>,
    palette: Res<crate::game::theme::Palette>,
    mut contrast: Local<Option<bool>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Fonts are bound at the end of a pass, so the styles that name them follow one pass later.
    if *frames < 2 {
        *frames += 1;
    }
    if *frames == 1 {
        let mut fonts = egui::FontDefinitions::default();
        fonts.font_data.insert(
            "inter".into(),
            egui::FontData::from_static(crate::game::theme::INTER_REGULAR).into(),
        );
        fonts.font_data.insert(
            "inter-bold".into(),
            egui::FontData::from_static(crate::game::theme::INTER_SEMIBOLD).into(),
        );
        if let Some(f) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            f.insert(0, "inter".into());
        }
        fonts.families.insert(
            egui::FontFamily::Name("bold".into()),
            vec!["inter-bold".into(), "inter".into()],
        );
        ctx.set_fonts(fonts);
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }
    if *frames == 2 {
        *frames = 3;
        ctx.all_styles_mut(|style| {
            use egui::{FontFamily, FontId, TextStyle};
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(30.0, FontFamily::Name("bold".into())),
                ),
                (TextStyle::Body, FontId::new(20.0, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(20.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Small,
                    FontId::new(16.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(18.0, FontFamily::Monospace),
                ),
            ]
            .into();
            style.spacing.button_padding = egui::vec2(14.0, 10.0);
            style.spacing.interact_size = egui::vec2(48.0, 48.0);
            style.spacing.item_spacing = egui::vec2(10.0, 8.0);
            style.visuals = egui::Visuals::light();
        });
    }
    if *frames >= 3 && *contrast != Some(palette.high_contrast) {
        *contrast = Some(palette.high_contrast);
        widgets::HIGH_CONTRAST.store(palette.high_contrast, std::sync::atomic::Ordering::Relaxed);
        let high = palette.high_contrast;
        ctx.all_styles_mut(|style| {
            if high {
                let mut v = egui::Visuals::dark();
                v.override_text_color = Some(egui::Color32::WHITE);
                v.panel_fill = egui::Color32::BLACK;
                v.window_fill = egui::Color32::BLACK;
                v.extreme_bg_color = egui::Color32::from_gray(20);
                v.widgets.inactive.bg_stroke = egui::Stroke::new(2.0, egui::Color32::WHITE);
                v.widgets.hovered.bg_stroke =
                    egui::Stroke::new(3.0, egui::Color32::from_rgb(0xFF, 0xEB, 0x59));
                v.selection.stroke =
                    egui::Stroke::new(3.0, egui::Color32::from_rgb(0xFF, 0xEB, 0x59));
                style.visuals = v;
            } else {
                style.visuals = egui::Visuals::light();
            }
        });
    }
    if let Some(window) = windows.iter().next() {
        let zoom = (window.height() / crate::game::layout::WORLD.y).max(0.3) * scale.0;
        if (ctx.zoom_factor() - zoom).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
        }
    }
    Ok(())
}

/// Sends what a panel returned, and asks for the frame that shows it.
fn send(
    messages: Vec<GameMsg>,
    writer: &mut MessageWriter<GameMsg>,
    redraw: &mut MessageWriter<RequestRedraw>,
) {
    if !messages.is_empty() {
        writer.write_batch(messages);
        redraw.write(RequestRedraw);
    }
}

/// The deck resources the setup screen shows.
#[derive(bevy::ecs::system::SystemParam)]
pub struct DeckState<'w> {
    folder: Option<Res<'w, DeckFolder>>,
    trouble: Option<Res<'w, DeckTrouble>>,
    source: Option<Res<'w, DeckSource>>,
    load: MessageWriter<'w, LoadDeck>,
}

#[allow(clippy::too_many_arguments)]
fn setup_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut forms: ResMut<Forms>,
    past: Option<Res<PastSessions>>,
    overview: Option<Res<crate::game::persist::OverviewView>>,
    mut palette: ResMut<crate::game::theme::Palette>,
    mut decks: DeckState,
    mut writer: MessageWriter<GameMsg>,
    mut file_writer: MessageWriter<StoreMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let empty = PastSessions::default();
    let past = past.as_deref().unwrap_or(&empty);
    let folder_dir = decks.folder.as_ref().and_then(|f| f.dir.clone());
    let panel = setup::DeckPanel {
        folder: decks
            .folder
            .as_ref()
            .map_or(&[][..], |f| f.decks.as_slice()),
        folder_dir: folder_dir.as_deref(),
        trouble: decks.trouble.as_ref().and_then(|t| t.0.as_ref()),
        source: decks.source.as_ref().and_then(|s| s.path.as_deref()),
    };
    let mut files = Vec::new();
    let mut deck_cmds = Vec::new();
    let lang = game.session().language;
    forms.setup.high_contrast = palette.high_contrast;
    let out = setup::setup_panel(
        ctx,
        game.session(),
        &tr.0,
        &mut forms.setup,
        past,
        &mut files,
        &panel,
        &mut deck_cmds,
    );
    if let Some(view) = overview.as_deref() {
        setup::overview_window(ctx, &tr.0, lang, view, &mut files);
    }
    // The dialog and the editor, over the setup screen.
    if let Some(browser) = forms.setup.browser.as_mut() {
        let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
        let mut places: Vec<(String, std::path::PathBuf)> = Vec::new();
        if let Some(h) = home {
            places.push((tr.0.get(lang, "deck-home"), h));
        }
        if let Some(d) = &folder_dir {
            places.push((tr.0.get(lang, "deck-folder"), d.clone()));
        }
        let (chosen, open) = deck_tools::file_dialog(ctx, &tr.0, lang, browser, &places);
        if let Some(path) = chosen {
            deck_cmds.push(deck_tools::DeckCmd::Load(path));
        }
        if !open {
            forms.setup.browser = None;
        }
    }
    if let Some(editor) = forms.setup.editor.as_mut() {
        let (cmds, open) = deck_tools::deck_editor(ctx, &tr.0, lang, editor, folder_dir.as_deref());
        deck_cmds.extend(cmds);
        if !open {
            forms.setup.editor = None;
        }
    }
    for cmd in deck_cmds {
        redraw.write(RequestRedraw);
        match cmd {
            deck_tools::DeckCmd::Load(path) => {
                decks.load.write(LoadDeck(path));
            }
            deck_tools::DeckCmd::OpenDialog => {
                let start = folder_dir
                    .clone()
                    .filter(|d| d.is_dir())
                    .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
                    .unwrap_or_else(|| std::path::PathBuf::from("/"));
                forms.setup.browser = Some(deck_tools::FileBrowser::new(start));
            }
            deck_tools::DeckCmd::Edit(deck) => {
                let file = deck_tools::free_file_name(&deck.title, folder_dir.as_deref());
                forms.setup.editor = Some(deck_tools::DeckEditor {
                    deck,
                    file,
                    saved: None,
                    overwrite: None,
                });
            }
        }
    }
    if forms.setup.high_contrast != palette.high_contrast {
        *palette = if forms.setup.high_contrast {
            crate::game::theme::Palette::HIGH_CONTRAST
        } else {
            crate::game::theme::Palette::NORMAL
        };
        redraw.write(RequestRedraw);
    }
    if !files.is_empty() {
        file_writer.write_batch(files);
        redraw.write(RequestRedraw);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn play_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut forms: ResMut<Forms>,
    mut clock: ResMut<CardClock>,
    mut selected_note: ResMut<SelectedPostIt>,
    selected_player: Res<SelectedPlayer>,
    mut focus: ResMut<FocusPostItField>,
    mut scroll: ResMut<crate::game::post_it::PostItScroll>,
    mut photo: Option<MessageWriter<crate::game::photo::PhotoThenOutcome>>,
    mut writer: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Copies, written back only when they change, so the world is not redrawn every frame.
    let (mut timer_shown, mut note, mut focus_now, mut rows) =
        (clock.shown, selected_note.0, focus.0, scroll.0);
    let mut controls = play::Controls {
        timer_shown: &mut timer_shown,
        selected_note: &mut note,
        selected_player: selected_player.0,
        focus_field: &mut focus_now,
        post_it_scroll: &mut rows,
    };
    let mut out = play::play_panel(
        ctx,
        game.session(),
        game.0.can_undo(),
        game.0.can_redo(),
        &tr.0,
        &mut forms.play,
        &mut controls,
    );
    if clock.shown != timer_shown {
        clock.shown = timer_shown;
    }
    if selected_note.0 != note {
        selected_note.0 = note;
    }
    if focus.0 != focus_now {
        focus.0 = focus_now;
    }
    if scroll.0 != rows {
        scroll.0 = rows;
    }
    // The outcome comes after a photo of the plenary, for the export.
    if let Some(photo) = photo.as_mut()
        && let Some(pos) = out
            .iter()
            .position(|m| *m == GameMsg::Do(crate::core::session::Action::ShowOutcome))
    {
        out.remove(pos);
        photo.write(crate::game::photo::PhotoThenOutcome);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}

fn outcome_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut forms: ResMut<Forms>,
    photo: Option<Res<crate::game::photo::PlenaryPhoto>>,
    mut writer: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let out = outcome::outcome_panel(
        ctx,
        &game.0,
        &tr.0,
        &mut forms.outcome,
        photo.as_ref().and_then(|p| p.0.as_deref()),
    );
    send(out, &mut writer, &mut redraw);
    Ok(())
}

/// The close question's state and answers.
#[derive(bevy::ecs::system::SystemParam)]
pub struct CloseState<'w> {
    guard: Option<Res<'w, crate::game::persist::CloseGuard>>,
    forms: ResMut<'w, Forms>,
    answers: MessageWriter<'w, crate::game::persist::CloseAnswer>,
}

/// The help overlay, the refusal message, the close question, Ctrl +/− zoom, and whether a text field
/// has the keyboard.
#[allow(clippy::too_many_arguments)]
fn overlays(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut help: ResMut<HelpOpen>,
    refusal: Res<LastRefusal>,
    saving: Option<Res<SaveStatus>>,
    mut busy: ResMut<KeyboardBusy>,
    mut scale: ResMut<UiScale>,
    mut close: CloseState,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang: Lang = game.session().language;
    widgets::help_window(ctx, &tr.0, lang, &mut help.0);
    if let (Some(err), Some(at)) = (&refusal.error, refusal.at)
        && at.elapsed().as_secs() < 5
    {
        widgets::refusal_toast(ctx, &tr.0, lang, err);
    }
    if let Some(err) = saving.as_ref().and_then(|s| s.error.as_ref()) {
        widgets::save_warning(ctx, &tr.0, lang, err);
    }
    if close.guard.as_ref().is_some_and(|g| g.asking) {
        if close.forms.close_path.is_empty() {
            let home = directories::UserDirs::new()
                .map_or_else(std::env::temp_dir, |d| d.home_dir().to_path_buf());
            close.forms.close_path = home
                .join(format!(
                    "leerklimaat {}.session.ron",
                    crate::core::export::export_folder_name(game.session())
                ))
                .display()
                .to_string();
        }
        let last_try = close
            .guard
            .as_ref()
            .and_then(|g| g.saved_elsewhere.as_ref());
        if let Some(answer) = widgets::close_dialog(
            ctx,
            &tr.0,
            lang,
            saving.as_ref().and_then(|s| s.error.as_deref()),
            last_try,
            &mut close.forms.close_path,
        ) {
            close.answers.write(answer);
        }
    }
    let wants = ctx.egui_wants_keyboard_input();
    if busy.0 != wants {
        busy.0 = wants;
    }
    // From the key events with their own modifiers: a quick chord is over before the frame ends.
    let (plus, minus) = ctx.input(|i| {
        let chord = |keys: &[egui::Key]| {
            i.events.iter().any(|e| {
                matches!(e, egui::Event::Key { key, pressed: true, modifiers, .. }
                    if modifiers.command && keys.contains(key))
            })
        };
        (
            chord(&[egui::Key::Plus, egui::Key::Equals]),
            chord(&[egui::Key::Minus]),
        )
    });
    if plus {
        scale.0 = (scale.0 * 1.1).min(2.5);
    }
    if minus {
        scale.0 = (scale.0 / 1.1).max(0.6);
    }
    Ok(())
}

/// Hands the widgets the panels marked this pass to the screen map, in window pixels.
fn collect_marks(
    mut contexts: EguiContexts,
    mut marks: ResMut<crate::screen_map::UiMarks>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let now: std::collections::BTreeMap<&'static str, Rect> = widgets::take_marks(ctx)
        .into_iter()
        .map(|(k, [x0, y0, x1, y1])| (k, Rect::new(x0, y0, x1, y1)))
        .collect();
    if marks.0 != now {
        marks.0 = now;
    }
    Ok(())
}

/// A refused action in the interface language.
pub fn describe_error(
    tr: &crate::core::i18n::Texts,
    lang: Lang,
    err: &crate::core::session::ActionError,
) -> String {
    use crate::core::session::ActionError as E;
    match err {
        E::UnknownPlayer(_) => tr.get(lang, "err-unknown-player"),
        E::UnknownPostIt(_) => tr.get(lang, "err-unknown-post-it"),
        E::UnknownCard(_) => tr.get(lang, "err-unknown-card"),
        E::SquareOutsideScale { square, squares } => tr.format(
            lang,
            "err-square",
            &[
                ("square", (*square + 1).into()),
                ("squares", (*squares).into()),
            ],
        ),
        E::EmptyText => tr.get(lang, "err-empty-text"),
        E::TextTooLong { len, max } => tr.format(
            lang,
            "err-too-long",
            &[("len", (*len).into()), ("max", (*max).into())],
        ),
        E::TooManyPlayers => tr.get(lang, "err-too-many-players"),
        E::NoPlayers => tr.get(lang, "err-no-players"),
        E::UnknownColour(_) => tr.get(lang, "err-colour"),
        E::WrongPhase(_) => tr.get(lang, "err-wrong-phase"),
        E::IndexOutOfRange(_) => tr.get(lang, "err-no-card"),
        E::InvalidDeck(reason) => tr.format(
            lang,
            "err-invalid-deck",
            &[("reason", reason.clone().into())],
        ),
        E::DuplicateName(name) => {
            tr.format(lang, "err-duplicate-name", &[("name", name.clone().into())])
        }
        E::OutOfIds => tr.get(lang, "err-out-of-ids"),
    }
}
