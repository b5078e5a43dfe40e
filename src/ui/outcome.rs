//! The outcome screen's panel: the three plenary lists (already present, still to develop, open
//! questions) with their post-its, pink ones markable as answered, and the export.

use super::widgets::{bar_frame, big_button};
use crate::core::export;
use crate::core::session::{Action, Game, PostItColour};
use crate::core::tally::tally;
use crate::game::session::GameMsg;
use crate::i18n::Texts;
use bevy_egui::egui;
use std::path::PathBuf;

/// The result of the last export, to show where the files went.
#[derive(Default)]
pub struct OutcomeForm {
    pub exported: Option<Result<PathBuf, String>>,
}

pub fn outcome_panel(
    ctx: &egui::Context,
    game: &Game,
    tr: &Texts,
    form: &mut OutcomeForm,
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
    egui::Area::new("outcome controls".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [16.0, -12.0])
        .show(ctx, |ui| {
            bar_frame().show(ui, |ui| {
                ui.horizontal(|ui| {
                    if big_button(ui, format!("◀ {}", t("outcome-back"))).clicked() {
                        out.push(GameMsg::Do(Action::Back));
                    }
                    if big_button(ui, t("outcome-export")).clicked() {
                        let dir = export::fresh_dir(export::default_export_dir(game));
                        form.exported = Some(
                            export::write_all(game, &dir)
                                .map(|_| dir)
                                .map_err(|e| e.to_string()),
                        );
                    }
                    match &form.exported {
                        Some(Ok(dir)) => {
                            ui.label(tr.format(
                                lang,
                                "outcome-exported",
                                &[("dir", dir.display().to_string().into())],
                            ));
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
                    }
                });
            });
        });
    out
}
