//! The outcome screen's panel: the three plenary lists (already present, still to develop, open
//! questions) with their post-its, pink ones markable as answered, and the export.

use super::widgets::{bar_frame, big_button, mark};
use crate::core::export;
use crate::core::i18n::Texts;
use crate::core::session::{Action, Game, PostItColour};
use crate::core::tally::tally;
use crate::game::session::GameMsg;
use bevy_egui::egui;
use std::path::PathBuf;

/// The export folder being chosen, and the result of the last export.
#[derive(Default)]
pub struct OutcomeForm {
    /// The folder the export goes into; `None` until the default is filled in.
    pub folder: Option<String>,
    pub browser: Option<super::deck_tools::FileBrowser>,
    pub exported: Option<Result<PathBuf, String>>,
    pub open_failed: Option<String>,
}

/// Everything into one folder: both CSVs, both reports, the session file, and the photo of the plenary
/// screen when there is one. An existing folder is never overwritten: a new one gets a number.
pub fn export_everything(
    game: &Game,
    folder: &std::path::Path,
    plenary_photo: Option<&std::path::Path>,
) -> Result<PathBuf, String> {
    let dir = export::fresh_dir(folder.to_path_buf());
    export::write_all(game, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if let Some(photo) = plenary_photo.filter(|p| p.exists()) {
        std::fs::copy(photo, dir.join("plenary.png"))
            .map_err(|e| format!("{}: {e}", photo.display()))?;
    }
    Ok(dir)
}

/// Opens a folder in the system's file manager.
pub fn open_folder(dir: &std::path::Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(dir)
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("{opener}: {e}"))
}

pub fn outcome_panel(
    ctx: &egui::Context,
    game: &Game,
    tr: &Texts,
    form: &mut OutcomeForm,
    plenary_photo: Option<&std::path::Path>,
) -> Vec<GameMsg> {
    let mut out = Vec::new();
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
        .frame(bar_frame())
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
            bar_frame().show(ui, |ui| {
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
                        form.exported = Some(export_everything(
                            game,
                            std::path::Path::new(folder.as_str()),
                            plenary_photo,
                        ));
                        form.open_failed = None;
                    }
                });
                ui.horizontal(|ui| match &form.exported {
                    Some(Ok(dir)) => {
                        ui.label(tr.format(
                            lang,
                            "outcome-exported",
                            &[("dir", dir.display().to_string().into())],
                        ));
                        if big_button(ui, t("outcome-open-folder")).clicked() {
                            form.open_failed = open_folder(dir).err();
                        }
                        if let Some(e) = &form.open_failed {
                            ui.colored_label(egui::Color32::DARK_RED, e);
                        }
                    }
                    Some(Err(e)) => {
                        ui.colored_label(
                            egui::Color32::DARK_RED,
                            tr.format(
                                lang,
                                "outcome-export-failed",
                                &[("reason", e.clone().into())],
                            ),
                        );
                    }
                    None => {
                        ui.label(t("outcome-move-card"));
                    }
                });
            });
        });
    if choose {
        let start = std::path::Path::new(folder.as_str())
            .ancestors()
            .find(|p| p.is_dir())
            .map_or_else(|| PathBuf::from("/"), std::path::Path::to_path_buf);
        form.browser = Some(super::deck_tools::FileBrowser::new(start));
    }
    if let Some(browser) = form.browser.as_mut() {
        let (picked, open) = super::deck_tools::folder_dialog(ctx, tr, lang, browser);
        if let Some(dir) = picked {
            form.folder = Some(dir.display().to_string());
        }
        if !open {
            form.browser = None;
        }
    }
    out
}
