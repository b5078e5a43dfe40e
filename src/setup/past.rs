//! The past sessions on the setup screen: the offer to continue, a session that cannot go on in its
//! folder, the list of past sessions and the overview of the ticked ones. Panels: what they show comes
//! in, what the facilitator asks for goes out as [`StoreMsg`]s.

use super::ui::SetupForm;
use crate::core::i18n::{Texts, decimal};
use crate::core::merge::Overview;
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

/// Screen-map names of the first past sessions' follow-up buttons.
const FOLLOW_UP_KEYS: [&str; 4] = [
    "past-follow-up-1",
    "past-follow-up-2",
    "past-follow-up-3",
    "past-follow-up-4",
];

/// Screen-map names of the first past sessions' ticks, for the overview.
const TICK_KEYS: [&str; 24] = [
    "past-tick-1",
    "past-tick-2",
    "past-tick-3",
    "past-tick-4",
    "past-tick-5",
    "past-tick-6",
    "past-tick-7",
    "past-tick-8",
    "past-tick-9",
    "past-tick-10",
    "past-tick-11",
    "past-tick-12",
    "past-tick-13",
    "past-tick-14",
    "past-tick-15",
    "past-tick-16",
    "past-tick-17",
    "past-tick-18",
    "past-tick-19",
    "past-tick-20",
    "past-tick-21",
    "past-tick-22",
    "past-tick-23",
    "past-tick-24",
];

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
    let header = egui::CollapsingHeader::new(
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
        if mark(
            "overview-make",
            ui.add_enabled(!form.ticked.is_empty(), egui::Button::new(label)),
        )
        .clicked()
        {
            files.push(StoreMsg::Overview(form.ticked.iter().cloned().collect()));
        }
        // Each session in a frame of its own, its buttons beside its name; the setup screen scrolls.
        ui.vertical(|ui| {
            for (i, l) in past.listings.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    let mut ticked = form.ticked.contains(&l.path);
                    let tick = ui.checkbox(&mut ticked, progress_text(tr, lang, l));
                    let tick = match TICK_KEYS.get(i) {
                        Some(key) => mark(key, tick),
                        None => tick,
                    };
                    if tick.changed() {
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
                        // A return day: a new session that follows this one.
                        let follow = ui.button(t("past-follow-up"));
                        let follow = match FOLLOW_UP_KEYS.get(i) {
                            Some(key) => mark(key, follow),
                            None => follow,
                        };
                        if follow.clicked() {
                            files.push(StoreMsg::FollowUp(l.path.clone()));
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
    mark("past-sessions", header.header_response);
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
    let screen = ctx.content_rect().size();
    egui::Window::new(t("overview-heading"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([screen.x - 80.0, screen.y - 140.0])
        .frame(crate::panels::widgets::bar_frame(ctx))
        .show(ctx, |ui| {
            for p in &view.problems {
                ui.colored_label(egui::Color32::DARK_RED, p);
            }
            let Some(o) = &view.overview else { return };
            ui.horizontal(|ui| {
                if mark("overview-export", big_button(ui, t("outcome-export"))).clicked() {
                    files.push(StoreMsg::ExportOverview);
                }
                crate::panels::widgets::export_result(ui, tr, lang, view.exported.as_ref());
            });
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.scope(|ui| heatmap(ui, tr, lang, o));
                    let recurring = tr.get(lang, "overview-recurring");
                    ui.add_space(16.0);
                    ui.label(egui::RichText::new(recurring).size(ROOM_TEXT).strong());
                    for q in o.recurring.iter().take(5) {
                        let words: Vec<&str> = q.word.split(" · ").take(3).collect();
                        let count = tr.format(
                            lang,
                            "overview-recurring-count",
                            &[
                                ("groups", q.groups.into()),
                                ("total", o.counted_groups().into()),
                            ],
                        );
                        ui.label(
                            egui::RichText::new(format!("? {} · {count}", words.join(" · ")))
                                .size(ROOM_TEXT),
                        );
                    }
                    if !o.left_out.is_empty() {
                        ui.add_space(8.0);
                        ui.label(egui::RichText::new(t("overview-left-out")).strong());
                        for l in &o.left_out {
                            ui.label(format!("{} ({})", l.text, l.reason));
                        }
                    }
                });
        });
    if !open {
        files.push(StoreMsg::CloseOverview);
    }
    files
}

/// The size of what the room reads on the overview: 1/30 of a 1080-pixel screen.
const ROOM_TEXT: f32 = 36.0;
/// A heatmap cell on the screen.
const CELL: egui::Vec2 = egui::vec2(150.0, 84.0);
/// The statements' column.
const LABEL_WIDTH: f32 = 620.0;
/// The longest statement label in a row; a hover shows it whole.
const LABEL_CHARS: usize = 26;

/// The heatmap of statements × group sessions, as `overview.png` draws it: the group's plenary mean
/// in the colour of the deck's scale, the stack's sign, and every number on a hover.
fn heatmap(ui: &mut egui::Ui, tr: &Texts, lang: Lang, o: &Overview) {
    let shown = o.columns.len().min(40);
    ui.spacing_mut().item_spacing = egui::vec2(0.0, 0.0);
    ui.horizontal(|ui| {
        ui.add_space(LABEL_WIDTH);
        for col in o.columns.iter().take(shown) {
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(CELL.x, 96.0), egui::Sense::hover());
            let ink = if col.too_small {
                egui::Color32::from_gray(110)
            } else {
                egui::Color32::from_gray(20)
            };
            let date: String = col.started_at.chars().skip(5).take(5).collect();
            let under = if col.too_small {
                tr.format(
                    lang,
                    "overview-too-small-short",
                    &[("players", col.players.into())],
                )
            } else {
                date
            };
            ui.painter().text(
                rect.center_top() + egui::vec2(0.0, 4.0),
                egui::Align2::CENTER_TOP,
                short(&col.name, 9),
                egui::FontId::proportional(28.0),
                ink,
            );
            ui.painter().text(
                rect.center_top() + egui::vec2(0.0, 52.0),
                egui::Align2::CENTER_TOP,
                under,
                egui::FontId::proportional(20.0),
                ink,
            );
            let why = if col.too_small {
                tr.format(
                    lang,
                    "overview-too-small",
                    &[
                        ("players", col.players.into()),
                        ("min", o.min_players.into()),
                    ],
                )
            } else {
                col.started_at.clone()
            };
            response.on_hover_text(format!("{}: {why}", col.name));
        }
    });
    for (r, st) in o.statements.iter().enumerate() {
        ui.horizontal(|ui| {
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(LABEL_WIDTH, CELL.y), egui::Sense::hover());
            ui.painter().text(
                rect.left_center(),
                egui::Align2::LEFT_CENTER,
                format!("{}. {}", r + 1, short(&st.text, LABEL_CHARS)),
                egui::FontId::proportional(ROOM_TEXT),
                egui::Color32::from_gray(20),
            );
            response.on_hover_text(&st.text);
            for (col, cell) in o.columns.iter().zip(&st.cells).take(shown) {
                let (rect, response) = ui.allocate_exact_size(CELL, egui::Sense::hover());
                let inner = rect.shrink(2.0);
                match (col.too_small, cell) {
                    (true, _) => {
                        ui.painter()
                            .rect_filled(inner, 0.0, egui::Color32::from_gray(212));
                    }
                    (false, None) => {
                        ui.painter().rect_stroke(
                            inner.shrink(2.0),
                            0.0,
                            egui::Stroke::new(1.0, egui::Color32::from_gray(190)),
                            egui::StrokeKind::Inside,
                        );
                    }
                    (false, Some(c)) => {
                        let [cr, cg, cb] = crate::core::merge::heat_colour(c.mean, c.scale);
                        let fill = egui::Color32::from_rgb(cr, cg, cb);
                        let light = 0.2126 * f32::from(cr)
                            + 0.7152 * f32::from(cg)
                            + 0.0722 * f32::from(cb)
                            > 140.0;
                        let ink = if light {
                            egui::Color32::from_gray(20)
                        } else {
                            egui::Color32::WHITE
                        };
                        ui.painter().rect_filled(inner, 0.0, fill);
                        ui.painter().text(
                            inner.center() - egui::vec2(0.0, 10.0),
                            egui::Align2::CENTER_CENTER,
                            format!(
                                "{} {}",
                                decimal(lang, c.mean, 1),
                                crate::core::merge::stack_sign(c.stack)
                            ),
                            egui::FontId::new(ROOM_TEXT, egui::FontFamily::Name("bold".into())),
                            ink,
                        );
                        if let Some(d) = c.change {
                            ui.painter().text(
                                inner.center_bottom() - egui::vec2(0.0, 4.0),
                                egui::Align2::CENTER_BOTTOM,
                                crate::core::merge::change_text(lang, d),
                                egui::FontId::proportional(20.0),
                                ink,
                            );
                        }
                        response.on_hover_text(crate::core::merge::cell_title(
                            lang, &col.name, &st.text, c,
                        ));
                    }
                }
            }
        });
    }
    ui.add_space(8.0);
    ui.label(tr.get(lang, "overview-legend-signs"));
    if o.columns.iter().any(|c| c.too_small) {
        ui.label(tr.format(
            lang,
            "overview-too-small-legend",
            &[("min", o.min_players.into())],
        ));
    }
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
