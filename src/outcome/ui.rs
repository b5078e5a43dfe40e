//! The outcome screen's panel: the three plenary lists (already present, still to develop, open
//! questions) with their post-its, pink ones markable as answered, and the export.

use crate::app::Screen;
use crate::core::export;
use crate::core::i18n::Texts;
use crate::core::session::{Action, Game, PostItColour};
use crate::core::tally::tally;
use crate::outcome::{ExportMsg, ExportState};
use crate::panels::widgets::{bar_frame, big_button, mark};
use crate::panels::{Forms, PanelSet, send};
use crate::session::ActiveGame;
use crate::session::GameMsg;
use crate::table::board::Tr;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::path::PathBuf;

/// The export folder being chosen.
#[derive(Default)]
pub struct OutcomeForm {
    /// The folder the export goes into; `None` until the default is filled in.
    pub folder: Option<String>,
    pub browser: Option<crate::decks::ui::FileBrowser>,
}

/// What the outcome panel asks for: a change to the session, or a file operation, which the world
/// carries out ([`crate::outcome::export_files`]); the panel itself touches no files.
#[derive(Debug, Clone, PartialEq)]
pub enum OutcomeIntent {
    Game(GameMsg),
    Files(ExportMsg),
}

pub fn outcome_panel(
    ctx: &egui::Context,
    game: &Game,
    tr: &Texts,
    form: &mut OutcomeForm,
    exports: &ExportState,
) -> Vec<OutcomeIntent> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    let s = game.session();
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let tally = tally(s);
    egui::Window::new(t("outcome-title"))
        .title_bar(false)
        .resizable(false)
        .collapsible(false)
        .anchor(egui::Align2::RIGHT_TOP, [-16.0, 16.0])
        .fixed_size([520.0, 900.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(880.0)
                .show(ui, |ui| {
                    for (key, list, sign) in [
                        ("outcome-present", &tally.present, "+"),
                        ("outcome-develop", &tally.to_develop, "!"),
                        ("outcome-questions", &tally.open_questions, "?"),
                    ] {
                        ui.heading(format!("{sign} {}", t(key)));
                        if list.is_empty() {
                            ui.label(t("outcome-none"));
                        }
                        for entry in list {
                            ui.label(egui::RichText::new(&entry.text).strong());
                            for p in &entry.post_its {
                                ui.horizontal_wrapped(|ui| {
                                    let sign = if p.colour == PostItColour::Green {
                                        "+"
                                    } else {
                                        "?"
                                    };
                                    ui.label(format!("   {sign} {}", p.text));
                                    if p.colour == PostItColour::Pink {
                                        let mut answered = p.answered;
                                        if ui
                                            .checkbox(&mut answered, t("outcome-answered"))
                                            .changed()
                                        {
                                            out.push(GameMsg::Do(Action::SetAnswered {
                                                id: p.id,
                                                answered,
                                            }));
                                        }
                                    }
                                });
                            }
                        }
                        ui.add_space(10.0);
                    }
                });
        });
    let folder = form
        .folder
        .get_or_insert_with(|| export::default_export_dir(game).display().to_string());
    let mut choose = false;
    egui::Area::new("outcome controls".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [16.0, -12.0])
        .show(ctx, |ui| {
            bar_frame(ui.ctx()).show(ui, |ui| {
                ui.set_max_width(1300.0);
                ui.horizontal(|ui| {
                    if mark(
                        "outcome-back",
                        big_button(ui, format!("◀ {}", t("outcome-back"))),
                    )
                    .clicked()
                    {
                        out.push(GameMsg::Do(Action::Back));
                    }
                    ui.label(t("outcome-folder"));
                    mark(
                        "export-folder",
                        ui.add(egui::TextEdit::singleline(folder).desired_width(520.0)),
                    );
                    if big_button(ui, t("outcome-choose")).clicked() {
                        choose = true;
                    }
                    if mark(
                        "export",
                        big_button(ui, egui::RichText::new(t("outcome-export")).strong()),
                    )
                    .clicked()
                    {
                        files.push(ExportMsg::Export(PathBuf::from(folder.as_str())));
                    }
                });
                ui.horizontal(|ui| {
                    crate::panels::widgets::export_result(ui, tr, lang, exports.exported.as_ref());
                    match &exports.exported {
                        Some(Ok(dir)) => {
                            if big_button(ui, t("outcome-open-folder")).clicked() {
                                files.push(ExportMsg::OpenFolder(dir.clone()));
                            }
                            if let Some(e) = &exports.open_failed {
                                ui.colored_label(egui::Color32::DARK_RED, e);
                            }
                        }
                        Some(Err(_)) => {}
                        None => {
                            ui.label(t("outcome-move-card"));
                        }
                    }
                });
            });
        });
    if choose {
        let start = std::path::Path::new(folder.as_str())
            .ancestors()
            .find(|p| p.is_dir())
            .map_or_else(|| PathBuf::from("/"), std::path::Path::to_path_buf);
        form.browser = Some(crate::decks::ui::FileBrowser::new(start));
    }
    if let Some(browser) = form.browser.as_mut() {
        let (picked, open) = crate::decks::ui::folder_dialog(ctx, tr, lang, browser);
        if let Some(dir) = picked {
            form.folder = Some(dir.display().to_string());
        }
        if !open {
            form.browser = None;
        }
    }
    out.into_iter()
        .map(OutcomeIntent::Game)
        .chain(files.into_iter().map(OutcomeIntent::Files))
        .collect()
}

/// The outcome panel, drawn on the outcome screen.
pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        outcome_ui
            .run_if(in_state(Screen::Outcome))
            .in_set(PanelSet::Screen),
    );
}

fn outcome_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut forms: ResMut<Forms>,
    exports: Res<ExportState>,
    (mut writer, mut files, mut redraw): (
        MessageWriter<GameMsg>,
        MessageWriter<ExportMsg>,
        MessageWriter<RequestRedraw>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut out = Vec::new();
    for intent in outcome_panel(ctx, &game.0, &tr.0, &mut forms.outcome, &exports) {
        match intent {
            OutcomeIntent::Game(msg) => out.push(msg),
            OutcomeIntent::Files(msg) => {
                files.write(msg);
                redraw.write(RequestRedraw);
            }
        }
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}
