//! Small pieces shared by the panels: a framed bar, colour swatches, the help window and the message
//! shown when an action is refused.

use crate::core::i18n::Texts;
use crate::core::session::{ActionError, Lang};
use crate::theme::PAWN_PALETTE;
use bevy_egui::egui;

/// A panel frame that stands out from the board. Its colours follow the style the palette set on
/// the context (dark visuals are the high-contrast palette), so the palette is kept in one place.
pub(crate) fn bar_frame(ctx: &egui::Context) -> egui::Frame {
    let high = ctx.global_style().visuals.dark_mode;
    let (fill, stroke) = if high {
        (
            egui::Color32::BLACK,
            egui::Stroke::new(3.0, egui::Color32::from_rgb(0xFF, 0xEB, 0x59)),
        )
    } else {
        (
            egui::Color32::from_rgb(0xFB, 0xFA, 0xF7),
            egui::Stroke::new(1.5, egui::Color32::from_rgb(0x8A, 0x93, 0x9E)),
        )
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(10.0)
        .inner_margin(egui::Margin::same(12))
        .shadow(egui::epaint::Shadow {
            offset: [0, 2],
            blur: 10,
            spread: 0,
            color: egui::Color32::from_black_alpha(40),
        })
}

pub(crate) fn palette_colour(index: u8) -> egui::Color32 {
    let [r, g, b] = PAWN_PALETTE[index as usize % PAWN_PALETTE.len()];
    egui::Color32::from_rgb(r, g, b)
}

/// A round colour swatch with the player's initials; returns true when clicked.
pub(crate) fn pawn_swatch(
    ui: &mut egui::Ui,
    colour: u8,
    initials: &str,
    selected: bool,
) -> egui::Response {
    let size = egui::vec2(48.0, 48.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let painter = ui.painter();
    if selected {
        painter.circle_stroke(
            rect.center(),
            23.0,
            egui::Stroke::new(3.0, egui::Color32::from_rgb(0xF2, 0x8C, 0x00)),
        );
    }
    painter.circle_filled(rect.center(), 19.0, palette_colour(colour));
    let light = crate::theme::is_light(colour);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        initials,
        egui::FontId::new(16.0, egui::FontFamily::Proportional),
        if light {
            egui::Color32::BLACK
        } else {
            egui::Color32::WHITE
        },
    );
    response
}

/// A button at least 48 px high, for fingers.
pub(crate) fn big_button(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Button::new(text).min_size(egui::vec2(48.0, 48.0)))
}

/// The keys, in a window (F1 or ?), and below them what the program is: its version and the folder
/// where the sessions are saved (`sessions`, when the game saves at all).
pub(crate) fn help_window(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    sessions: Option<&std::path::Path>,
    open: &mut bool,
) {
    if !*open {
        return;
    }
    egui::Window::new(tr.get(lang, "help-title"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            for line in tr.get(lang, "help-keys").lines() {
                ui.label(line);
            }
            if let Some(folder) = sessions {
                ui.separator();
                let about = tr.format(
                    lang,
                    "help-about",
                    &[
                        ("version", crate::version_line().into()),
                        ("folder", folder.display().to_string().into()),
                    ],
                );
                mark("help-about", ui.label(about));
            }
        });
}

/// What was refused and why, for a few seconds at the top of the screen.
pub(crate) fn refusal_toast(ctx: &egui::Context, tr: &Texts, lang: Lang, err: &ActionError) {
    let reason = crate::panels::describe_error(tr, lang, err);
    let text = tr.format(lang, "error-action", &[("reason", reason.into())]);
    toast(
        ctx,
        "refusal",
        egui::Color32::from_rgb(0x8E, 0x1B, 0x22),
        text,
        None,
    );
}

/// What an undo took back, or a redo brought back, in a few words.
pub(crate) fn undo_toast(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    redo: bool,
    action: &crate::core::session::Action,
) {
    let what = tr.get(lang, action_key(action));
    let key = if redo { "did-redo" } else { "did-undo" };
    let text = tr.format(lang, key, &[("what", what.into())]);
    toast(
        ctx,
        "undo",
        egui::Color32::from_rgb(0x1F, 0x3A, 0x5F),
        text,
        Some("undo-toast"),
    );
}

/// The message id that names what an action did.
pub(crate) fn action_key(action: &crate::core::session::Action) -> &'static str {
    use crate::core::session::Action as A;
    match action {
        A::SetGroup(_) => "what-group",
        A::SetLanguage(_) => "what-language",
        A::SetDeck(_) => "what-deck",
        A::AddPlayer { .. } => "what-add-player",
        A::RenamePlayer { .. } | A::RecolourPlayer { .. } => "what-change-player",
        A::RemovePlayer { .. } => "what-remove-player",
        A::SetOrder(_) | A::SetMode(_) | A::FollowProgramme(_) => "what-setting",
        A::StartPlay => "what-start",
        A::GoTo { .. } | A::PlenaryGoTo { .. } => "what-card",
        A::Skip { .. } => "what-skip",
        A::Include { .. } => "what-include",
        A::Place { .. } => "what-place",
        A::Unplace { .. } => "what-unplace",
        A::Reveal { .. } => "what-reveal",
        A::AddPostIt { .. } => "what-add-post-it",
        A::EditPostIt { .. } | A::ChangePostIt { .. } => "what-edit-post-it",
        A::MovePostIt { .. } => "what-move-post-it",
        A::DeletePostIt { .. } => "what-delete-post-it",
        A::SetAnswered { .. } => "what-answered",
        A::AddCase { .. } => "what-add-case",
        A::EditCase { .. } => "what-edit-case",
        A::PassTurn => "what-pass-turn",
        A::StartPlenary => "what-plenary",
        A::OverrideStack { .. } => "what-stack",
        A::ShowOutcome => "what-outcome",
        A::AddNextStep { .. } => "what-add-step",
        A::EditNextStep { .. } => "what-edit-step",
        A::DeleteNextStep { .. } => "what-delete-step",
        A::Back | A::Return { .. } | A::PreviousPhase => "what-back",
        A::NextPhase { .. } => "what-next-phase",
        A::ExtendPhase { .. } => "what-extend",
        A::AddWarmUp { .. } => "what-add-word",
        A::DeleteWarmUp { .. } => "what-delete-word",
        A::SetLearningQuestion { .. } => "what-learning",
        A::SetTakeaway { .. } => "what-takeaway",
        A::Finish { .. } => "what-finish",
        A::MarkFinished => "what-mark-finished",
        A::FollowUp(_) => "what-follow-up",
        A::ReviewStep { .. } => "what-review",
        A::ReviewGoTo { .. } => "what-review-step",
        A::AnswerEarlier { .. } => "what-answered",
    }
}

/// The frame of a warning: amber with a dark red edge, readable in both palettes.
pub(crate) fn warning_frame() -> egui::Frame {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xFF, 0xE0, 0x8A))
        .stroke(egui::Stroke::new(
            2.0,
            egui::Color32::from_rgb(0x8E, 0x1B, 0x22),
        ))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(12))
}

/// A save failed: say so, and that nothing is lost.
pub(crate) fn save_warning(ctx: &egui::Context, tr: &Texts, lang: Lang, err: &str) {
    egui::Area::new("save warning".into())
        .anchor(egui::Align2::CENTER_TOP, [0.0, 70.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            warning_frame().show(ui, |ui| {
                ui.set_max_width(900.0);
                ui.label(
                    egui::RichText::new(tr.get(lang, "save-failed"))
                        .strong()
                        .color(egui::Color32::BLACK),
                );
                ui.label(egui::RichText::new(err).small().color(egui::Color32::BLACK));
            });
        });
}

/// The widgets marked this pass, by name (see `crate::dev::screen_map`).
#[cfg(feature = "dev")]
#[derive(Clone, Default)]
pub(crate) struct WidgetMarks(pub(crate) Vec<(&'static str, egui::Rect)>);

/// Remembers where a widget was drawn under a stable name, so the end-to-end suite and the benchmark can
/// aim real input at it; returns the response unchanged. Without the `dev` feature it only returns it.
#[cfg(feature = "dev")]
pub(crate) fn mark(key: &'static str, response: egui::Response) -> egui::Response {
    let rect = response.rect;
    let focused = response.has_focus();
    // Under the pointer as egui sees it (not covered by another layer), enabled or not.
    let under_pointer = response.contains_pointer();
    response.ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<WidgetMarks>(egui::Id::NULL)
            .0
            .push((key, rect));
        if focused {
            d.insert_temp(focus_id(), FocusedMark(Some(key)));
        }
        if under_pointer {
            d.insert_temp(hover_id(), FocusedMark(Some(key)));
        }
    });
    response
}

/// Without the `dev` feature nothing is recorded: no screen map reads it.
#[cfg(not(feature = "dev"))]
pub(crate) fn mark(_key: &'static str, response: egui::Response) -> egui::Response {
    response
}

/// The marked widget that has the keyboard this pass, if any.
#[cfg(feature = "dev")]
#[derive(Clone, Copy, Default)]
struct FocusedMark(Option<&'static str>);

#[cfg(feature = "dev")]
/// Where a pass keeps its marked widget with the keyboard.
pub(crate) fn focus_id() -> egui::Id {
    egui::Id::new("marked widget with the keyboard")
}

#[cfg(feature = "dev")]
/// Where a pass keeps its marked widget under the pointer.
pub(crate) fn hover_id() -> egui::Id {
    egui::Id::new("marked widget under the pointer")
}

/// Takes this pass's marked widget under the pointer ([`hover_id`]) or with the keyboard
/// ([`focus_id`]) out of the context.
#[cfg(feature = "dev")]
pub(crate) fn take_mark(ctx: &egui::Context, which: egui::Id) -> Option<&'static str> {
    ctx.data_mut(|d| {
        let f = d.get_temp::<FocusedMark>(which).unwrap_or_default();
        d.insert_temp(which, FocusedMark(None));
        f.0
    })
}

/// Takes this pass's marks out of the context, in window pixels.
#[cfg(feature = "dev")]
pub fn take_marks(ctx: &egui::Context) -> Vec<(&'static str, [f32; 4])> {
    let ppp = ctx.pixels_per_point();
    ctx.data_mut(|d| std::mem::take(d.get_temp_mut_or_default::<WidgetMarks>(egui::Id::NULL)))
        .0
        .into_iter()
        .map(|(k, r)| {
            (
                k,
                [r.min.x * ppp, r.min.y * ppp, r.max.x * ppp, r.max.y * ppp],
            )
        })
        .collect()
}

/// A question over everything, in the middle of the screen, that waits for its answer.
fn question_window(ctx: &egui::Context, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .order(egui::Order::Foreground)
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            ui.set_min_width(820.0);
            ui.set_max_width(820.0);
            add(ui);
        });
}

/// The question when the window is closed while the last changes are not saved: save the session
/// somewhere else (a USB stick, the desktop), close anyway, or go back to the game.
pub(crate) fn close_dialog(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    reason: Option<&str>,
    last_try: Option<&Result<std::path::PathBuf, String>>,
    path: &mut String,
) -> Option<crate::persist::CloseAnswer> {
    use crate::persist::CloseAnswer;
    let t = |id: &str| tr.get(lang, id);
    let mut answer = None;
    question_window(ctx, &t("close-title"), |ui| {
        ui.label(t("close-text"));
        if let Some(reason) = reason {
            ui.label(egui::RichText::new(reason).small());
        }
        ui.add_space(8.0);
        ui.label(t("close-where"));
        mark(
            "close-path",
            ui.add(egui::TextEdit::singleline(path).desired_width(700.0)),
        );
        if let Some(Err(e)) = last_try {
            ui.colored_label(egui::Color32::DARK_RED, e);
        }
        ui.horizontal(|ui| {
            if mark("close-save", big_button(ui, t("close-save-elsewhere"))).clicked()
                && !path.trim().is_empty()
            {
                answer = Some(CloseAnswer::SaveElsewhere(std::path::PathBuf::from(
                    path.trim(),
                )));
            }
            if mark("close-stay", big_button(ui, t("close-stay"))).clicked() {
                answer = Some(CloseAnswer::Stay);
            }
            if mark("close-anyway", big_button(ui, t("close-anyway"))).clicked() {
                answer = Some(CloseAnswer::CloseAnyway);
            }
        });
    });
    answer
}

/// Undo and redo as two buttons a finger can hit, on every screen of the game (marked "undo" and
/// "redo" for the screen map). Returns what was pressed.
pub(crate) fn undo_redo_buttons(
    ui: &mut egui::Ui,
    tr: &Texts,
    lang: Lang,
    can_undo: bool,
    can_redo: bool,
) -> Option<crate::game::GameMsg> {
    use crate::game::GameMsg;
    let mut pressed = None;
    for (key, label, can, msg) in [
        ("undo", "play-undo", can_undo, GameMsg::Undo),
        ("redo", "play-redo", can_redo, GameMsg::Redo),
    ] {
        let button = egui::Button::new(tr.get(lang, label)).min_size(egui::vec2(48.0, 48.0));
        if mark(key, ui.add_enabled(can, button)).clicked() {
            pressed = Some(msg);
        }
    }
    pressed
}

/// The question when the window is closed while fields hold text not entered: what is typed where,
/// and whether to go back to it or close (the drafts are saved and come back with the session).
pub(crate) fn close_drafts_dialog(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    drafts: &crate::core::drafts::Drafts,
    deck: Option<&str>,
) -> Option<crate::persist::CloseAnswer> {
    use crate::core::drafts::DraftField as F;
    use crate::persist::CloseAnswer;
    let t = |id: &str| tr.get(lang, id);
    let mut answer = None;
    question_window(ctx, &t("close-drafts-title"), |ui| {
        ui.label(t("close-drafts-text"));
        ui.add_space(8.0);
        for (field, text) in drafts.iter().take(8) {
            let what = match field {
                F::PostIt(_) => "draft-post-it",
                F::EditPostIt(_) => "draft-edit",
                F::CaseTitle | F::CaseDescription => "draft-case",
                F::NextStep | F::NextStepDue | F::NextStepOwner => "draft-step",
                F::Programme { .. } => "draft-programme",
                F::ReviewLine(_) => "draft-review",
            };
            let short: String = text.chars().take(60).collect();
            ui.label(format!("• {}: “{short}”", t(what)));
        }
        if let Some(title) = deck {
            ui.label(format!("• {}: “{title}”", t("draft-deck")));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if mark("close-drafts-stay", big_button(ui, t("close-drafts-stay"))).clicked() {
                answer = Some(CloseAnswer::Stay);
            }
            if mark(
                "close-drafts-close",
                big_button(ui, t("close-drafts-close")),
            )
            .clicked()
            {
                answer = Some(CloseAnswer::CloseAnyway);
            }
        });
    });
    answer
}

/// A folder by its last two names ("Leerklimaat/2026-12-02 Team Zuid"): the beamer need not show the
/// user's home folder.
pub(crate) fn short_path(dir: &std::path::Path) -> String {
    let names: Vec<String> = dir
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    names.into_iter().rev().collect::<Vec<_>>().join("/")
}

/// A message for a few seconds at the top of the screen, white on `fill`.
fn toast(
    ctx: &egui::Context,
    id: &'static str,
    fill: egui::Color32,
    text: String,
    key: Option<&'static str>,
) {
    egui::Area::new(id.into())
        .anchor(egui::Align2::CENTER_TOP, [0.0, 12.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(12))
                .show(ui, |ui| {
                    let label = ui.label(egui::RichText::new(text).color(egui::Color32::WHITE));
                    if let Some(key) = key {
                        mark(key, label);
                    }
                });
        });
}

/// Where an export went ("Opgeslagen in …"), or why it failed, in red. Nothing before an export.
pub(crate) fn export_result(
    ui: &mut egui::Ui,
    tr: &Texts,
    lang: Lang,
    result: Option<&Result<std::path::PathBuf, String>>,
) {
    match result {
        Some(Ok(dir)) => {
            ui.label(tr.format(lang, "outcome-exported", &[("dir", short_path(dir).into())]))
                .on_hover_text(dir.display().to_string());
        }
        Some(Err(reason)) => {
            ui.colored_label(
                egui::Color32::DARK_RED,
                tr.format(
                    lang,
                    "outcome-export-failed",
                    &[("reason", reason.clone().into())],
                ),
            );
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::action_key;
    use crate::core::i18n::Texts;
    use crate::core::session::{
        Action as A, CardRef, Lang, Order, Owner, PlacementMode, PlayerId, PostItColour, PostItId,
        Round,
    };

    /// Every action names what it did in both languages, so an undo never shows a message id.
    #[test]
    fn every_undo_says_what_it_undid() {
        let card = CardRef::Case(1);
        let p = PlayerId(1);
        let actions = vec![
            A::SetGroup(String::new()),
            A::SetLanguage(Lang::En),
            A::SetDeck(crate::core::deck::default_deck()),
            A::AddPlayer {
                name: String::new(),
                colour: None,
            },
            A::RenamePlayer {
                player: p,
                name: String::new(),
            },
            A::RemovePlayer { player: p },
            A::SetOrder(Order::DeckOrder),
            A::SetMode(PlacementMode::Open),
            A::StartPlay,
            A::GoTo {
                index: 0,
                seconds: 0,
            },
            A::Skip { seconds: 0 },
            A::Include { card: card.clone() },
            A::Place {
                player: p,
                card: card.clone(),
                round: Round::First,
                square: 0,
            },
            A::Unplace {
                player: p,
                card: card.clone(),
                round: Round::First,
            },
            A::AddPostIt {
                colour: PostItColour::Green,
                text: String::new(),
                author: None,
                card: card.clone(),
            },
            A::ChangePostIt {
                id: PostItId(1),
                text: String::new(),
                colour: PostItColour::Pink,
                author: None,
            },
            A::DeletePostIt { id: PostItId(1) },
            A::PassTurn,
            A::AddNextStep {
                text: String::new(),
                owner: Owner::Player(p),
                due: String::new(),
                from: None,
            },
            A::Return { seconds: 0 },
            A::NextPhase { seconds: 0 },
            A::Finish { seconds: 0 },
            A::MarkFinished,
            A::SetTakeaway {
                player: p,
                text: String::new(),
            },
        ];
        let tr = Texts::default();
        let mut keys = std::collections::BTreeSet::new();
        for a in &actions {
            let key = action_key(a);
            keys.insert(key);
            for lang in [Lang::Nl, Lang::En] {
                assert!(tr.has(lang, key), "{key} is missing in {lang:?}");
                let shown = tr.format(lang, "did-undo", &[("what", tr.get(lang, key).into())]);
                assert!(!shown.contains("what-"), "{shown}");
            }
        }
        assert!(keys.len() > 15, "actions are told apart: {keys:?}");
    }
}
