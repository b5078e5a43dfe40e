//! The past sessions on the setup screen: the offer to continue, a session that cannot go on in its
//! folder, the list of past sessions and the overview of the ticked ones. Panels: what they show comes
//! in, what the facilitator asks for goes out as [`StoreMsg`]s.

use super::ui::SetupForm;
use crate::core::i18n::Texts;
use crate::core::session::{Lang, MAX_NAME_CHARS, Session};
use crate::panels::widgets::{big_button, mark};
use crate::persist::{PastSessions, StoreMsg};
use bevy_egui::egui;

fn progress_text(tr: &Texts, lang: Lang, l: &crate::core::store::Listing) -> String {
    let screen = match l.stage {
        _ if l.finished => "past-finished",
        crate::core::session::Stage::Setup => "screen-setup",
        crate::core::session::Stage::Play => "past-in-play",
        crate::core::session::Stage::Plenary => "past-in-plenary",
        crate::core::session::Stage::Outcome => "past-at-outcome",
    };
    format!(
        "{} · {} · {}{} · {}",
        l.started_at,
        l.deck,
        if l.group.is_empty() {
            String::new()
        } else {
            format!("{} · ", l.group)
        },
        tr.count(lang, "setup-player-count", l.players.len()),
        tr.format(
            lang,
            "past-progress",
            &[
                ("screen", tr.get(lang, screen).into()),
                ("n", l.progress.0.into()),
                ("total", l.progress.1.into())
            ]
        )
    )
}

pub(super) fn resume_offer(
    ui: &mut egui::Ui,
    s: &Session,
    tr: &Texts,
    offer: &crate::core::store::Listing,
    files: &mut Vec<StoreMsg>,
) {
    let lang = s.language;
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xFF, 0xF3, 0xC4))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(tr.get(lang, "past-offer")).strong());
            ui.label(progress_text(tr, lang, offer));
            ui.horizontal(|ui| {
                if mark(
                    "resume-continue",
                    big_button(ui, tr.get(lang, "past-continue")),
                )
                .clicked()
                {
                    files.push(StoreMsg::Open(offer.path.clone()));
                }
                if big_button(ui, tr.get(lang, "past-new")).clicked() {
                    files.push(StoreMsg::Dismiss);
                }
                if mark(
                    "offer-mark-finished",
                    big_button(ui, tr.get(lang, "past-mark-finished")),
                )
                .clicked()
                {
                    files.push(StoreMsg::MarkFinished(offer.path.clone()));
                }
            });
        });
}

/// A session that cannot be continued where it is (a folder that cannot be written to): what is
/// wrong, what to do, and the way on from a copy.
pub(super) fn stuck_session(
    ui: &mut egui::Ui,
    s: &Session,
    tr: &Texts,
    stuck: &crate::persist::Stuck,
    files: &mut Vec<StoreMsg>,
) {
    let lang = s.language;
    let why = if stuck.read_only {
        "past-read-only"
    } else {
        "past-no-lock"
    };
    crate::panels::widgets::warning_frame().show(ui, |ui| {
        let black = egui::Color32::BLACK;
        ui.label(egui::RichText::new(tr.get(lang, why)).strong().color(black));
        ui.label(egui::RichText::new(tr.get(lang, "past-copy-explained")).color(black));
        ui.label(
            egui::RichText::new(format!("{}: {}", stuck.path.display(), stuck.reason))
                .small()
                .color(black),
        );
        if let Some(failed) = &stuck.copy_failed {
            ui.label(
                egui::RichText::new(tr.format(
                    lang,
                    "past-copy-failed",
                    &[("reason", failed.clone().into())],
                ))
                .strong()
                .color(egui::Color32::from_rgb(0x8E, 0x1B, 0x22)),
            );
        }
        ui.horizontal(|ui| {
            if mark("stuck-copy", big_button(ui, tr.get(lang, "past-copy"))).clicked() {
                files.push(StoreMsg::OpenCopy(stuck.path.clone()));
            }
            if big_button(ui, tr.get(lang, "past-new")).clicked() {
                files.push(StoreMsg::Dismiss);
            }
        });
    });
}

pub(super) fn past_sessions(
    ui: &mut egui::Ui,
    s: &Session,
    tr: &Texts,
    form: &mut SetupForm,
    past: &PastSessions,
    files: &mut Vec<StoreMsg>,
) {
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    egui::CollapsingHeader::new(
        egui::RichText::new(format!("{} ({})", t("past-title"), past.listings.len())).strong(),
    )
    .id_salt("past sessions")
    .default_open(false)
    .show(ui, |ui| {
        for d in &past.damaged {
            ui.colored_label(egui::Color32::DARK_RED, &d.message);
        }
        crate::panels::widgets::export_result(ui, tr, lang, past.exported.as_ref());
        if past.listings.is_empty() {
            ui.label(t("past-none"));
        }
        form.ticked
            .retain(|p| past.listings.iter().any(|l| l.path == *p));
        let label = tr.count(lang, "overview-make", form.ticked.len());
        if ui
            .add_enabled(!form.ticked.is_empty(), egui::Button::new(label))
            .clicked()
        {
            files.push(StoreMsg::Overview(form.ticked.iter().cloned().collect()));
        }
        // Each session in a frame of its own, its buttons beside its name; the setup screen scrolls.
        ui.vertical(|ui| {
            for l in &past.listings {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    let mut ticked = form.ticked.contains(&l.path);
                    if ui
                        .checkbox(&mut ticked, progress_text(tr, lang, l))
                        .changed()
                    {
                        if ticked {
                            form.ticked.insert(l.path.clone());
                        } else {
                            form.ticked.remove(&l.path);
                        }
                    }
                    ui.horizontal_wrapped(|ui| {
                        if ui.button(t("past-continue")).clicked() {
                            files.push(StoreMsg::Open(l.path.clone()));
                        }
                        if ui.button(t("outcome-export")).clicked() {
                            files.push(StoreMsg::Export(l.path.clone()));
                        }
                        match &mut form.renaming {
                            Some((path, name)) if *path == l.path => {
                                let r = ui.add(
                                    egui::TextEdit::singleline(name)
                                        .char_limit(MAX_NAME_CHARS * 2)
                                        .desired_width(180.0),
                                );
                                if ui.button(t("play-save")).clicked()
                                    || (r.lost_focus()
                                        && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                                {
                                    files.push(StoreMsg::Rename(path.clone(), name.clone()));
                                    form.renaming = None;
                                }
                            }
                            _ => {
                                if ui.button(t("past-rename")).clicked() {
                                    form.renaming = Some((l.path.clone(), l.group.clone()));
                                }
                            }
                        }
                        if l.worth_resuming() && ui.button(t("past-mark-finished")).clicked() {
                            files.push(StoreMsg::MarkFinished(l.path.clone()));
                        }
                        if form.confirm_delete.as_ref() == Some(&l.path) {
                            ui.colored_label(egui::Color32::DARK_RED, t("past-delete-sure"));
                            if ui.button(t("past-delete-yes")).clicked() {
                                files.push(StoreMsg::Delete(l.path.clone()));
                                form.confirm_delete = None;
                            }
                            if ui.button(t("play-cancel")).clicked() {
                                form.confirm_delete = None;
                            }
                        } else if ui.button(t("setup-remove")).clicked() {
                            form.confirm_delete = Some(l.path.clone());
                        }
                    });
                });
            }
        });
    });
}

/// The overview of the ticked past sessions.
pub(crate) fn overview_window(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    view: &crate::persist::OverviewView,
) -> Vec<StoreMsg> {
    let mut files = Vec::new();
    if view.overview.is_none() && view.problems.is_empty() {
        return files;
    }
    let t = |id: &str| tr.get(lang, id);
    let mut open = true;
    egui::Window::new(t("overview-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([1400.0, 800.0])
        .frame(crate::panels::widgets::bar_frame(ctx))
        .show(ctx, |ui| {
            for p in &view.problems {
                ui.colored_label(egui::Color32::DARK_RED, p);
            }
            let Some(o) = &view.overview else { return };
            ui.label(format!("{}: {}", t("overview-groups"), o.groups.join(", ")));
            let num = |v: Option<f64>| {
                v.map_or_else(String::new, |v| crate::core::i18n::decimal(lang, v, 1))
            };
            egui::ScrollArea::vertical()
                .max_height(560.0)
                .show(ui, |ui| {
                    egui::Grid::new("overview")
                        .striped(true)
                        .num_columns(6)
                        .show(ui, |ui| {
                            for h in [
                                "overview-statement",
                                "overview-green",
                                "overview-red",
                                "overview-mean",
                                "overview-spread",
                                "overview-shift",
                            ] {
                                ui.label(egui::RichText::new(t(h)).strong());
                            }
                            ui.end_row();
                            for st in &o.statements {
                                ui.scope(|ui| {
                                    ui.set_width(720.0);
                                    ui.add(egui::Label::new(&st.text).wrap());
                                });
                                ui.label(format!("+ {}", st.green));
                                ui.label(format!("! {}", st.red));
                                ui.label(num(st.mean));
                                ui.label(num(st.spread));
                                ui.label(num(st.mean_shift));
                                ui.end_row();
                            }
                        });
                    if !o.open_questions.is_empty() {
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(t("outcome-questions")).strong());
                        for (g, _, q) in &o.open_questions {
                            ui.label(format!("? {q} ({g})"));
                        }
                    }
                    if !o.left_out.is_empty() {
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(t("overview-left-out")).strong());
                        for l in &o.left_out {
                            ui.label(format!("{} ({})", l.text, l.reason));
                        }
                    }
                });
            ui.horizontal(|ui| {
                if big_button(ui, t("outcome-export")).clicked() {
                    files.push(StoreMsg::ExportOverview);
                }
                crate::panels::widgets::export_result(ui, tr, lang, view.exported.as_ref());
            });
        });
    if !open {
        files.push(StoreMsg::CloseOverview);
    }
    files
}
