//! The panels of the programme: on a programme screen, the row to type warm-up words, a learning
//! question or what stayed (for a player, or for the group); and on every screen of a deck with a
//! programme, the programme bar: the phase that is on, a quiet bar of its time, what comes next, and the
//! buttons to extend it or move on.

use crate::app::Screen;
use crate::core::deck::PhaseKind;
use crate::core::drafts::{DraftField, Drafts};
use crate::core::i18n::Texts;
use crate::core::programme::minutes_left;
use crate::core::session::{
    Action, MAX_REFLECTION_CHARS, MAX_WARM_UP_CHARS, PlayerId, Session, StepStatus,
};
use crate::game::{ActiveGame, GameMsg, PhaseClock};
use crate::panels::widgets::{bar_frame, big_button, mark};
use crate::panels::{PanelSet, send};
use crate::texts::Tr;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use fluent_bundle::FluentValue;

/// Who is being typed for on a programme screen (the text is a draft per phase and player:
/// [`DraftField::Programme`]).
#[derive(bevy::prelude::Resource, Default)]
pub struct ProgrammeForm {
    /// Who it is for; `None` is the group (warm-up) or the first player.
    pub(crate) player: Option<PlayerId>,
    /// The warm-up is typed for the group, not for one player.
    pub(crate) for_group: bool,
    /// The phase this was typed in: a new phase starts with the first player.
    pub(crate) phase: Option<usize>,
}

/// Screen-map names of the player choices, by place.
const WHO_KEYS: [&str; crate::core::session::MAX_PLAYERS] = [
    "who-1", "who-2", "who-3", "who-4", "who-5", "who-6", "who-7", "who-8", "who-9", "who-10",
    "who-11", "who-12",
];

/// The row to type into on a programme screen. The text typed for a player (or the group) in a phase
/// stays with them, through a change of player, of phase or of screen, until the session takes it.
/// What a programme screen's panel shows: the session, and whether undo and redo can.
pub struct ProgrammeView<'a> {
    pub session: &'a Session,
    pub tr: &'a Texts,
    pub can_undo: bool,
    pub can_redo: bool,
}

pub fn programme_panel(
    ctx: &egui::Context,
    view: &ProgrammeView,
    form: &mut ProgrammeForm,
    drafts: &mut Drafts,
) -> Vec<GameMsg> {
    let (s, tr, can_undo, can_redo) = (view.session, view.tr, view.can_undo, view.can_redo);
    let mut out = Vec::new();
    let Some(item) = s.current_phase() else {
        return out;
    };
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    if item.kind == PhaseKind::Review {
        return review_panel(ctx, view, drafts);
    }
    let (hint, max) = match item.kind {
        PhaseKind::WarmUp => ("programme-word-hint", MAX_WARM_UP_CHARS),
        PhaseKind::LearningQuestion => ("programme-learning-hint", MAX_REFLECTION_CHARS),
        PhaseKind::Closing => ("programme-takeaway-hint", MAX_REFLECTION_CHARS),
        _ => return out,
    };
    let warm_up = item.kind == PhaseKind::WarmUp;
    if form.phase != Some(s.phase_at) {
        *form = ProgrammeForm {
            phase: Some(s.phase_at),
            ..ProgrammeForm::default()
        };
    }
    let chosen = form
        .player
        .filter(|p| s.player(*p).is_some())
        .or_else(|| s.players.first().map(|p| p.id));
    let group = warm_up && form.for_group;
    // What the field shows: the text typed for this player in this phase, or what they said so far.
    let field_of = |player: Option<PlayerId>| DraftField::Programme {
        phase: s.phase_at,
        player,
    };
    let saved_of = |player: Option<PlayerId>| match (warm_up, player) {
        (false, Some(p)) => reflection(s, item.kind, p),
        _ => String::new(),
    };
    let typed_for = if group { None } else { chosen };
    let mut text = drafts.text_or(&field_of(typed_for), &saved_of(typed_for));
    let mut taken = false;
    egui::Area::new("programme form".into())
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -16.0])
        .show(ctx, |ui| {
            bar_frame(ui.ctx()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    // A mis-tapped ✖ on a word is taken back as on the board.
                    out.extend(crate::panels::widgets::undo_redo_buttons(
                        ui, tr, lang, can_undo, can_redo,
                    ));
                    ui.separator();
                    ui.label(t("programme-who"));
                    let who = match chosen.and_then(|p| s.player(p)) {
                        Some(p) if !group => p.name.clone(),
                        _ => t("programme-group"),
                    };
                    mark(
                        "who",
                        egui::ComboBox::from_id_salt("programme who")
                            .selected_text(who)
                            .width(220.0)
                            .show_ui(ui, |ui| {
                                for (p, key) in s.players.iter().zip(WHO_KEYS) {
                                    let picked = !group && chosen == Some(p.id);
                                    if mark(key, ui.selectable_label(picked, &p.name)).clicked() {
                                        form.player = Some(p.id);
                                        form.for_group = false;
                                    }
                                }
                                if warm_up
                                    && mark(
                                        "who-group",
                                        ui.selectable_label(group, t("programme-group")),
                                    )
                                    .clicked()
                                {
                                    form.for_group = true;
                                }
                            })
                            .response,
                    );
                    let field = mark(
                        "programme-text",
                        ui.add(
                            egui::TextEdit::singleline(&mut text)
                                .hint_text(t(hint))
                                .char_limit(max)
                                .desired_width(700.0),
                        ),
                    );
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let add = mark("programme-add", big_button(ui, t("programme-add"))).clicked();
                    if enter || add {
                        let action = match (item.kind, chosen) {
                            (PhaseKind::WarmUp, _) => Some(Action::AddWarmUp {
                                player: if group { None } else { chosen },
                                text: text.clone(),
                            }),
                            (PhaseKind::LearningQuestion, Some(player)) => {
                                Some(Action::SetLearningQuestion {
                                    player,
                                    text: text.clone(),
                                })
                            }
                            (PhaseKind::Closing, Some(player)) => Some(Action::SetTakeaway {
                                player,
                                text: text.clone(),
                            }),
                            _ => None,
                        };
                        if let Some(action) = action {
                            if s.accepts(&action).is_ok() {
                                // Taken: no draft any more.
                                taken = true;
                                // On to the next player, so a round goes quickly.
                                if !group
                                    && let Some(i) = chosen
                                        .and_then(|c| s.players.iter().position(|p| p.id == c))
                                {
                                    let next = s.players[(i + 1) % s.players.len()].id;
                                    form.player = Some(next);
                                }
                            }
                            out.push(GameMsg::Do(action));
                        }
                        field.request_focus();
                    }
                });
                // What was typed in the warm-up, each entry removable (a typo, a word that should
                // not be on the wall).
                if warm_up && !s.warm_up.is_empty() {
                    let entries = egui::CollapsingHeader::new(tr.format(
                        lang,
                        "programme-entries",
                        &[("count", s.warm_up.len().into())],
                    ))
                    .id_salt("warm-up entries")
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(160.0)
                            .min_scrolled_height(140.0)
                            .show(ui, |ui| {
                                for (i, w) in s.warm_up.iter().rev().enumerate() {
                                    ui.horizontal(|ui| {
                                        let delete = ui.small_button("✖");
                                        // The newest entry's button, for the screen map.
                                        let delete = if i == 0 {
                                            mark("warm-up-delete-newest", delete)
                                        } else {
                                            delete
                                        };
                                        if delete.clicked() {
                                            out.push(GameMsg::Do(Action::DeleteWarmUp {
                                                id: w.id,
                                            }));
                                        }
                                        let who = w.player.and_then(|p| s.player(p)).map_or_else(
                                            || t("programme-group"),
                                            |p| p.name.clone(),
                                        );
                                        ui.label(format!("{} — {who}", w.text));
                                    });
                                }
                            });
                    });
                    mark("warm-up-entries", entries.header_response);
                }
            });
        });
    // What the field shows now is the draft of the player (or group) it was typed for; once the
    // session took it, there is none.
    if taken {
        drafts.clear(&field_of(typed_for));
    } else {
        drafts.keep(field_of(typed_for), &text, &saved_of(typed_for));
    }
    out
}

/// Screen-map names of the four status buttons, in [`StepStatus::ALL`]'s order.
const STATUS_KEYS: [&str; 4] = [
    "review-done",
    "review-on-its-way",
    "review-not-yet",
    "review-dropped",
];

/// The review's row: back and on through last time's steps, the four statuses (the one given is
/// selected; pressed again, it is taken back), and the line of what happened, kept as a draft until
/// it is entered.
fn review_panel(ctx: &egui::Context, view: &ProgrammeView, drafts: &mut Drafts) -> Vec<GameMsg> {
    let (s, tr) = (view.session, view.tr);
    let mut out = Vec::new();
    let Some(step) = s.step_under_review() else {
        return out;
    };
    let count = s.follows.as_ref().map_or(0, |l| l.steps.len());
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let review = s.reviews.get(&step.id);
    let status = review.and_then(|r| r.status);
    let saved = review.map(|r| r.line.clone()).unwrap_or_default();
    let field = DraftField::ReviewLine(step.id);
    let mut text = drafts.text_or(&field, &saved);
    let mut taken = false;
    egui::Area::new("review form".into())
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -16.0])
        .show(ctx, |ui| {
            bar_frame(ui.ctx()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    out.extend(crate::panels::widgets::undo_redo_buttons(
                        ui,
                        tr,
                        lang,
                        view.can_undo,
                        view.can_redo,
                    ));
                    ui.separator();
                    for (st, key) in StepStatus::ALL.into_iter().zip(STATUS_KEYS) {
                        let label = format!("{} {}", st.sign(), t(st.key()));
                        let picked = status == Some(st);
                        let button =
                            egui::Button::selectable(picked, egui::RichText::new(label).size(26.0))
                                .min_size(egui::vec2(48.0, 56.0));
                        if mark(key, ui.add(button)).clicked() {
                            // The line typed so far goes with the status.
                            out.push(GameMsg::Do(Action::ReviewStep {
                                step: step.id,
                                status: (!picked).then_some(st),
                                line: text.clone(),
                            }));
                            taken = true;
                        }
                    }
                });
                ui.horizontal(|ui| {
                    let back = ui.add_enabled(
                        s.review_at > 0,
                        egui::Button::new(t("review-previous")).min_size(egui::vec2(48.0, 48.0)),
                    );
                    if mark("review-previous", back).clicked() {
                        out.push(GameMsg::Do(Action::ReviewGoTo {
                            index: s.review_at - 1,
                        }));
                    }
                    let field_response = mark(
                        "review-line",
                        ui.add(
                            egui::TextEdit::singleline(&mut text)
                                .hint_text(t("review-line-hint"))
                                .char_limit(crate::core::session::MAX_NEXT_STEP_CHARS)
                                .desired_width(620.0),
                        ),
                    );
                    let enter = field_response.lost_focus()
                        && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let save =
                        mark("review-line-save", big_button(ui, t("review-line-save"))).clicked();
                    if (enter || save) && text.trim() != saved {
                        out.push(GameMsg::Do(Action::ReviewStep {
                            step: step.id,
                            status,
                            line: text.clone(),
                        }));
                        taken = true;
                    }
                    let on = ui.add_enabled(
                        s.review_at + 1 < count,
                        egui::Button::new(t("review-next")).min_size(egui::vec2(48.0, 48.0)),
                    );
                    if mark("review-next", on).clicked() {
                        out.push(GameMsg::Do(Action::ReviewGoTo {
                            index: s.review_at + 1,
                        }));
                    }
                });
            });
        });
    if taken {
        drafts.clear(&field);
    } else {
        drafts.keep(field, &text, &saved);
    }
    out
}

/// What a player said so far in a learning-question or closing round.
fn reflection(s: &Session, kind: PhaseKind, player: PlayerId) -> String {
    let map = if kind == PhaseKind::Closing {
        &s.takeaways
    } else {
        &s.learning_questions
    };
    map.get(&player).cloned().unwrap_or_default()
}

/// The programme bar: phase n of m, its time as a quiet bar and in minutes, what comes next, and the
/// buttons. Over time, the bar is full and the words say so; nothing flashes.
pub(crate) fn programme_bar(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    seconds: u64,
    exported: Option<&Result<std::path::PathBuf, String>>,
) -> Vec<GameMsg> {
    let mut out = Vec::new();
    let Some(item) = s.current_phase() else {
        return out;
    };
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let n = s.phase_at;
    let count = s.programme().len();
    let planned = s.planned_minutes(n);
    let left = minutes_left(planned, seconds);
    // In the margin above the board and the outcome pages: text the room can read, buttons a finger
    // can hit (48 px at 1080p).
    let small = |text: String| egui::RichText::new(text).size(24.0);
    let button = |ui: &mut egui::Ui, text: egui::RichText| {
        ui.add(egui::Button::new(text).min_size(egui::vec2(48.0, 48.0)))
    };
    egui::Area::new("programme bar".into())
        .anchor(egui::Align2::RIGHT_TOP, [-12.0, 4.0])
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(ui.visuals().panel_fill)
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(8, 2))
                .show(ui, |ui| {
                    ui.spacing_mut().button_padding = egui::vec2(10.0, 4.0);
                    ui.horizontal(|ui| {
                        if n > 0
                            && mark("programme-back", button(ui, small("◀".into())))
                                .on_hover_text(t("programme-go-back"))
                                .clicked()
                        {
                            out.push(GameMsg::Return);
                        }
                        ui.label(
                            small(tr.format(
                                lang,
                                "programme-phase",
                                &[
                                    ("n", FluentValue::from(n + 1)),
                                    ("count", FluentValue::from(count)),
                                    ("title", FluentValue::from(item.title.as_str())),
                                ],
                            ))
                            .strong(),
                        );
                        if s.finished {
                            ui.label(small(t("programme-finished")).strong());
                            crate::panels::widgets::export_result(ui, tr, lang, exported);
                            return;
                        }
                        let share = if planned == 0 {
                            1.0
                        } else {
                            (seconds as f32 / (planned as f32 * 60.0)).min(1.0)
                        };
                        ui.add(
                            egui::ProgressBar::new(share)
                                .desired_width(110.0)
                                .desired_height(8.0),
                        );
                        let time = if left >= 0 {
                            tr.format(
                                lang,
                                "programme-left",
                                &[("minutes", FluentValue::from(left))],
                            )
                        } else {
                            tr.format(
                                lang,
                                "programme-over",
                                &[("minutes", FluentValue::from(-left))],
                            )
                        };
                        ui.label(small(time));
                        let then = match s.programme().get(n + 1) {
                            Some(next) => tr.format(
                                lang,
                                "programme-then",
                                &[("title", FluentValue::from(next.title.as_str()))],
                            ),
                            None => t("programme-last"),
                        };
                        ui.label(small(then).weak());
                        if mark("programme-extend", button(ui, small(t("programme-extend"))))
                            .clicked()
                        {
                            out.push(GameMsg::Do(Action::ExtendPhase { minutes: 5 }));
                        }
                        if n + 1 < count {
                            if mark(
                                "programme-next",
                                button(ui, small(format!("{} ▶", t("programme-go-on")))),
                            )
                            .clicked()
                            {
                                out.push(GameMsg::NextPhase);
                            }
                        } else if mark("finish", button(ui, small(t("finish")).strong())).clicked()
                        {
                            out.push(GameMsg::Finish);
                        }
                    });
                });
        });
    out
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<ProgrammeForm>();
    app.add_systems(
        EguiPrimaryContextPass,
        (
            programme_ui.run_if(in_state(Screen::Programme)),
            phase_bar_ui.run_if(not(in_state(Screen::Setup))),
        )
            .in_set(PanelSet::Screen),
    );
}

fn programme_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut form: ResMut<ProgrammeForm>,
    mut drafts: ResMut<crate::game::OpenDrafts>,
    mut writer: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut typed = drafts.drafts.clone();
    let view = ProgrammeView {
        session: game.session(),
        tr: &tr.0,
        can_undo: game.game().can_undo(),
        can_redo: game.game().can_redo(),
    };
    let out = programme_panel(ctx, &view, &mut form, &mut typed);
    if drafts.drafts != typed {
        drafts.update(typed);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}

fn phase_bar_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    clock: Res<PhaseClock>,
    exports: Res<crate::outcome::ExportState>,
    mut writer: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    if game.session().programme().is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let out = programme_bar(
        ctx,
        game.session(),
        &tr.0,
        clock.used(game.session()),
        exports.exported.as_ref(),
    );
    send(out, &mut writer, &mut redraw);
    Ok(())
}
