//! What every egui panel shares: the egui plugin and its fonts and styles, the typed-text forms, the
//! overlays (help, refusals, the close question), the zoom, and the order the panels are drawn in
//! ([`PanelSet`]). Each screen's panel lives in its feature folder (`setup/ui.rs`, `table/ui.rs`,
//! `outcome/ui.rs`) and only returns what was asked for.

pub(crate) mod keyboard;
pub(crate) mod pointer;
pub mod widgets;

use crate::core::session::Lang;
use crate::game::{ActiveGame, GameMsg, LastRefusal};
use crate::keys::KeyboardBusy;
use crate::persist::SaveStatus;
use crate::screens::HelpOpen;
use crate::texts::Tr;
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw};
use bevy_egui::{
    EguiContexts, EguiInput, EguiPlugin, EguiPreUpdateSet, EguiPrimaryContextPass, egui,
};

/// The order of the egui work in a pass: styles first, then the screen's panel, the overlays over it,
/// and last the marks the screen map reads.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PanelSet {
    Style,
    Screen,
    Overlays,
    Marks,
}

/// The close question's form: where to save the session when the window is closed while saving
/// fails. (Each feature keeps its own form: `SetupForm`, `PlayForm`, `OutcomeForm`, `ProgrammeForm`.)
#[derive(Resource, Default)]
pub(crate) struct CloseForm {
    pub(crate) close_path: String,
}

/// Extra zoom chosen by the facilitator (Ctrl + and Ctrl −), on top of the window-size scale.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub(crate) struct UiScale(pub(crate) f32);

impl Default for UiScale {
    fn default() -> Self {
        UiScale(1.0)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default());
    app.add_plugins((keyboard::plugin, pointer::plugin));
    app.init_resource::<CloseForm>().init_resource::<UiScale>();
    app.add_systems(
        PreUpdate,
        (drop_repeated_modifiers, egui_real_time)
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        (
            style_once.in_set(PanelSet::Style),
            overlays.in_set(PanelSet::Overlays),
        ),
    );
    #[cfg(feature = "dev")]
    app.add_systems(
        EguiPrimaryContextPass,
        collect_marks.in_set(PanelSet::Marks),
    );
    app.configure_sets(
        EguiPrimaryContextPass,
        (
            PanelSet::Style,
            PanelSet::Screen,
            PanelSet::Overlays,
            PanelSet::Marks,
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

/// egui's clock from the moment of the pass itself. `bevy_egui` gives egui `Time<Real>`, which with
/// pipelined rendering is the moment the previous frame was handed to the renderer: after the app slept
/// (it draws only on input), the frame of a press carries a time from before the pause, and the next
/// frame's is a second later. egui then takes the press as held for that second, longer than a click
/// may last, and drops the click: the same button clicked again after a pause did nothing.
pub(crate) fn egui_real_time(
    mut inputs: Query<&mut EguiInput>,
    mut start: Local<Option<std::time::Instant>>,
) {
    let start = *start.get_or_insert_with(std::time::Instant::now);
    let now = start.elapsed().as_secs_f64();
    for mut input in &mut inputs {
        if input.0.time != Some(now) {
            input.0.time = Some(now);
        }
    }
}

/// egui's options for a room. No zoom by keyboard (the board has its own keys). And a press that does
/// not move is a click however long it lasts: egui's default drops a click held longer than 0.8 s,
/// which loses a slow finger on a smartboard, and on a laptop busy with a video call, where the frame
/// that reads the release can come a second after the frame that read the press, the click on "next"
/// did nothing. Nothing here uses egui's press-and-hold (a context menu on touch screens).
fn room_options(o: &mut egui::Options) {
    o.zoom_with_keyboard = false;
    o.input_options.max_click_duration = f64::INFINITY;
}

/// Inter in egui too, larger text for a room, and the zoom that keeps panels the same size relative to
/// the window at every resolution.
fn style_once(
    mut contexts: EguiContexts,
    mut frames: Local<u8>,
    windows: Query<&Window, With<PrimaryWindow>>,
    scale: Res<UiScale>,
    palette: Res<crate::theme::Palette>,
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
            egui::FontData::from_static(crate::theme::INTER_REGULAR).into(),
        );
        fonts.font_data.insert(
            "inter-bold".into(),
            egui::FontData::from_static(crate::theme::INTER_SEMIBOLD).into(),
        );
        if let Some(f) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            f.insert(0, "inter".into());
        }
        fonts.families.insert(
            egui::FontFamily::Name("bold".into()),
            vec!["inter-bold".into(), "inter".into()],
        );
        ctx.set_fonts(fonts);
        ctx.options_mut(room_options);
        // The styles that name the fonts follow in the next pass: ask for it.
        ctx.request_repaint();
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
            // Checkboxes and radio buttons big enough to see and to hit.
            style.spacing.icon_width = 30.0;
            style.spacing.icon_width_inner = 18.0;
            style.spacing.icon_spacing = 10.0;
            style.visuals = light_visuals();
            // A tooltip shows with the hover that asks for it: the app draws no frame without
            // input, so one waiting for the pointer to rest would wait for the next move.
            style.interaction.show_tooltips_only_when_still = false;
            style.interaction.tooltip_delay = 0.0;
        });
    }
    if *frames >= 3 && *contrast != Some(palette.high_contrast) {
        *contrast = Some(palette.high_contrast);
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
                // A steady cursor: no frame every half second while a field has the keyboard.
                v.text_cursor.blink = false;
                style.visuals = v;
            } else {
                style.visuals = light_visuals();
            }
        });
    }
    if let Some(window) = windows.iter().next() {
        let zoom = (window.height() / crate::table::layout::WORLD.y).max(0.3) * scale.0;
        if (ctx.zoom_factor() - zoom).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
        }
    }
    Ok(())
}

/// egui's light style with a visible edge on every widget: text fields, checkboxes and radio buttons
/// are not white on off-white without a border.
fn light_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, egui::Color32::from_gray(120));
    v.widgets.inactive.bg_fill = egui::Color32::from_gray(240);
    // A steady cursor: no frame every half second while a field has the keyboard.
    v.text_cursor.blink = false;
    v
}

/// Sends what a panel returned, and asks for the frame that shows it.
pub(crate) fn send(
    messages: Vec<GameMsg>,
    writer: &mut MessageWriter<GameMsg>,
    redraw: &mut MessageWriter<RequestRedraw>,
) {
    if !messages.is_empty() {
        writer.write_batch(messages);
        redraw.write(RequestRedraw);
    }
}

/// The close question's state and answers.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct CloseState<'w> {
    guard: Option<Res<'w, crate::persist::CloseGuard>>,
    forms: ResMut<'w, CloseForm>,
    drafts: Res<'w, crate::game::OpenDrafts>,
    deck_draft: Option<Res<'w, crate::decks::DeckDraft>>,
    answers: MessageWriter<'w, crate::persist::CloseAnswer>,
}

/// The help overlay, the refusal message, the close question, Ctrl +/− zoom, and whether a text field
/// has the keyboard.
#[allow(clippy::too_many_arguments)]
fn overlays(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut help: ResMut<HelpOpen>,
    (refusal, last_undo): (Res<LastRefusal>, Res<crate::game::LastUndo>),
    (saving, target): (
        Option<Res<SaveStatus>>,
        Option<Res<crate::persist::SaveTarget>>,
    ),
    mut busy: ResMut<KeyboardBusy>,
    mut scale: ResMut<UiScale>,
    mut close: CloseState,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang: Lang = game.session().language;
    let sessions = target.as_ref().map(|t| t.store.dir.as_path());
    widgets::help_window(ctx, &tr.0, lang, sessions, &mut help.0);
    if let (Some(err), Some(at)) = (&refusal.error, refusal.at)
        && at.elapsed() < crate::camera::TOAST_FOR
    {
        widgets::refusal_toast(ctx, &tr.0, lang, err);
    } else if let (Some((redo, action)), Some(at)) = (&last_undo.action, last_undo.at)
        && at.elapsed() < crate::camera::TOAST_FOR
    {
        widgets::undo_toast(ctx, &tr.0, lang, *redo, action);
    }
    if let Some(err) = saving.as_ref().and_then(|s| s.error.as_ref()) {
        widgets::save_warning(ctx, &tr.0, lang, err);
    }
    if close
        .guard
        .as_ref()
        .is_some_and(|g| g.asking_drafts && !g.asking)
        && let Some(answer) = widgets::close_drafts_dialog(
            ctx,
            &tr.0,
            lang,
            &close.drafts.drafts,
            close
                .deck_draft
                .as_ref()
                .and_then(|d| d.editing.as_ref())
                .map(|(d, _)| d.title.as_str()),
        )
    {
        close.answers.write(answer);
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
#[cfg(feature = "dev")]
fn collect_marks(
    mut contexts: EguiContexts,
    mut marks: ResMut<crate::dev::screen_map::UiMarks>,
    mut focus: ResMut<crate::dev::screen_map::UiFocus>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let now = crate::dev::screen_map::UiFocus(
        widgets::take_mark(ctx, widgets::focus_id()),
        !ctx.has_requested_repaint(),
        widgets::take_mark(ctx, widgets::hover_id()),
    );
    if *focus != now {
        *focus = now;
    }
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
pub(crate) fn describe_error(
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
        E::WrongStage(_) => tr.get(lang, "err-wrong-phase"),
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
        E::UnknownNextStep(_) => tr.get(lang, "err-unknown-next-step"),
        E::NoOwner => tr.get(lang, "err-no-owner"),
        E::NoProgramme => tr.get(lang, "err-no-programme"),
        E::ProgrammeEnd => tr.get(lang, "err-programme-end"),
        E::UnknownWord(_) => tr.get(lang, "err-unknown-word"),
        E::BadExtension => tr.get(lang, "err-extension"),
        E::NotAtEnd => tr.get(lang, "err-not-at-end"),
        E::AlreadyFinished => tr.get(lang, "err-already-finished"),
        E::AlreadyAFollowUp => tr.get(lang, "err-already-follow-up"),
        E::ProgrammeFull => tr.get(lang, "err-programme-full"),
        E::TooManyCarried | E::BadPlacedBefore(_) => tr.get(lang, "err-last-time"),
        E::UnknownEarlierQuestion(_) => tr.get(lang, "err-unknown-earlier-question"),
    }
}

#[cfg(test)]
mod tests {
    use super::room_options;
    use bevy_egui::egui;

    /// Whether a button pressed at 0 s and let go at `held` s, without moving, is clicked.
    fn clicked_after(held: f64, options: impl Fn(&mut egui::Options)) -> bool {
        let ctx = egui::Context::default();
        ctx.options_mut(options);
        let at = egui::pos2(40.0, 20.0);
        let pass = |time: f64, events: Vec<egui::Event>| {
            let input = egui::RawInput {
                time: Some(time),
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(400.0, 300.0),
                )),
                events,
                ..Default::default()
            };
            let mut clicked = false;
            let mut output = ctx.run_ui(input, |ui| {
                let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(200.0, 60.0));
                clicked = ui.put(rect, egui::Button::new("Volgende kaart")).clicked();
            });
            output.textures_delta.clear();
            clicked
        };
        let button = |pressed| egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        pass(0.0, vec![egui::Event::PointerMoved(at)]);
        pass(0.1, vec![egui::Event::PointerMoved(at)]);
        pass(0.2, vec![button(true)]);
        pass(0.2 + held, vec![button(false)])
    }

    #[test]
    fn a_press_held_long_or_read_late_is_still_a_click() {
        assert!(clicked_after(0.1, room_options), "a quick click");
        assert!(
            clicked_after(4.0, room_options),
            "a press whose release is read 4 s later (a slow finger, a starved frame)"
        );
        assert!(clicked_after(60.0, room_options), "a press held a minute");
        // egui's own default, for contrast: the same 4 s press is no click there.
        assert!(!clicked_after(4.0, |_| {}), "egui's default drops it");
    }
}
