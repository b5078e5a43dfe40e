//! The facilitator's controls during play and plenary: type a post-it (Enter adds it), move the game on,
//! undo and redo, the timer, the "who is telling" marker, covered pawns, cases, and editing a post-it.

use crate::core::drafts::{DraftField, Drafts};
use crate::core::i18n::Texts;
use crate::core::session::{
    Action, CardRef, MAX_POST_IT_CHARS, PlacementMode, PlayerId, PostItColour, PostItId, Session,
    Stage,
};
use crate::game::GameMsg;
use crate::panels::widgets::{bar_frame, big_button, mark};
use bevy_egui::egui;

use super::editors::{author_combo, case_window, post_it_editor};

/// What is being typed in the play panels.
#[derive(bevy::prelude::Resource, Default)]
pub struct PlayForm {
    pub(crate) colour: Option<PostItColour>,
    pub(crate) author: Option<PlayerId>,
    /// The card the author was chosen on: on another card, a new post-it starts at "(niemand)".
    pub(crate) author_card: Option<crate::core::session::CardRef>,
    /// The post-it being edited, with its text, colour and author as changed so far.
    pub(crate) editing: Option<EditForm>,
    pub(crate) case_open: bool,
    /// The case window was closed with its text kept: it opens again only when asked.
    pub(crate) case_hidden: bool,
    pub(crate) case_by: Option<PlayerId>,
    /// A click on another post-it was refused because the editor holds an unsaved edit.
    pub(crate) switch_refused: bool,
    /// The list of cards left out of the plenary is open.
    pub(crate) left_out_open: bool,
    /// In a follow-up: the list of last time's open questions at this card is open.
    pub(crate) earlier_open: bool,
}

/// A post-it in the editor: its colour and who said it (its text is a draft: [`DraftField::EditPostIt`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EditForm {
    pub(crate) id: PostItId,
    pub(crate) colour: PostItColour,
    pub(crate) author: Option<PlayerId>,
}

/// Things the panel changes outside the session: the clock, the selected post-it, the keyboard focus.
pub(super) struct Controls<'a> {
    /// Whether the timer is shown on the card.
    pub(super) timer_shown: &'a mut bool,
    pub(super) selected_note: &'a mut Option<PostItId>,
    pub(super) focus_field: &'a mut bool,
    /// Rows of post-its scrolled out of view, for touch boards without a wheel.
    pub(super) post_it_scroll: &'a mut usize,
    /// The text typed into the fields and not entered yet.
    pub(super) drafts: &'a mut Drafts,
}

/// What the play panels show: the session, and the state of the table around it.
pub struct PlayView<'a> {
    pub session: &'a Session,
    pub tr: &'a Texts,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Whether the timer is shown on the card.
    pub timer_shown: bool,
    /// The post-it open in the editor.
    pub selected_note: Option<PostItId>,
    /// The post-it field is to take the keyboard (a key asked for it).
    pub focus_field: bool,
    /// Rows of post-its scrolled out of view, for touch boards without a wheel.
    pub post_it_scroll: usize,
}

/// What the facilitator asks for in the play panels.
#[derive(Debug, Clone, PartialEq)]
pub enum PlayIntent {
    /// A change to the session.
    Game(GameMsg),
    /// Show or hide the timer on the card.
    ShowTimer(bool),
    /// Open a post-it in the editor, or close it.
    SelectPostIt(Option<PostItId>),
    /// The post-it field has the keyboard (or the request for it is done).
    FocusPostItField(bool),
    /// Scroll the post-its to this row.
    ScrollPostIts(usize),
}

/// The facilitator's panels at the table. `form` and `drafts` hold what is being typed; everything
/// else comes in as the view and goes out as intents.
pub fn play_panel(
    ctx: &egui::Context,
    view: &PlayView,
    form: &mut PlayForm,
    drafts: &mut Drafts,
) -> Vec<PlayIntent> {
    let (mut timer_shown, mut note, mut focus, mut rows) = (
        view.timer_shown,
        view.selected_note,
        view.focus_field,
        view.post_it_scroll,
    );
    let mut c = Controls {
        timer_shown: &mut timer_shown,
        selected_note: &mut note,
        focus_field: &mut focus,
        post_it_scroll: &mut rows,
        drafts,
    };
    let out = play_controls(
        ctx,
        view.session,
        view.can_undo,
        view.can_redo,
        view.tr,
        form,
        &mut c,
    );
    let mut intents: Vec<PlayIntent> = out.into_iter().map(PlayIntent::Game).collect();
    if timer_shown != view.timer_shown {
        intents.push(PlayIntent::ShowTimer(timer_shown));
    }
    if note != view.selected_note {
        intents.push(PlayIntent::SelectPostIt(note));
    }
    if focus != view.focus_field {
        intents.push(PlayIntent::FocusPostItField(focus));
    }
    if rows != view.post_it_scroll {
        intents.push(PlayIntent::ScrollPostIts(rows));
    }
    intents
}

/// Draws the controls and returns what the facilitator asked for.
fn play_controls(
    ctx: &egui::Context,
    s: &Session,
    can_undo: bool,
    can_redo: bool,
    tr: &Texts,
    form: &mut PlayForm,
    c: &mut Controls,
) -> Vec<GameMsg> {
    let mut out = Vec::new();
    let Some((card, round)) = s.active_card() else {
        // The plenary without cards (everything skipped): only the way on.
        bottom_bar(ctx, |ui| {
            let lang = s.language;
            if big_button(ui, tr.get(lang, "plenary-back-to-play")).clicked() {
                out.push(GameMsg::Return);
            }
            if s.stage == Stage::Plenary {
                left_out_button(ui, s, tr, form);
                if big_button(ui, tr.get(lang, "plenary-to-outcome")).clicked() {
                    out.push(GameMsg::Do(Action::ShowOutcome));
                }
            }
        });
        left_out_window(ctx, s, tr, form, &mut out);
        return out;
    };
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let colour = *form.colour.get_or_insert(PostItColour::Green);

    // A new post-it is said by nobody until the facilitator picks someone, for this card only.
    if form.author_card.as_ref() != Some(&card) {
        form.author = None;
        form.author_card = Some(card.clone());
    }

    // The post-it entry, below the column of post-its and never over the board.
    let entry = crate::table::layout::post_it_entry_rect();
    let world = crate::table::layout::WORLD;
    egui::Area::new("post-it entry".into())
        .anchor(
            egui::Align2::RIGHT_BOTTOM,
            [entry.max.x - world.x / 2.0, -(entry.min.y + world.y / 2.0)],
        )
        .show(ctx, |ui| {
            bar_frame(ui.ctx()).show(ui, |ui| {
                // The frame's margins and stroke lie outside the width set here.
                ui.set_width(entry.width() - 28.0);
                ui.set_max_width(entry.width() - 28.0);
                let mut add_clicked = false;
                ui.horizontal(|ui| {
                    for (col, key, fill) in [
                        (
                            PostItColour::Green,
                            "play-green",
                            egui::Color32::from_rgb(0xBA, 0xE3, 0xB0),
                        ),
                        (
                            PostItColour::Pink,
                            "play-pink",
                            egui::Color32::from_rgb(0xF7, 0xBC, 0xD6),
                        ),
                    ] {
                        let sign = if col == PostItColour::Green { "+" } else { "?" };
                        let text = egui::RichText::new(format!("{sign} {}", t(key)))
                            .color(egui::Color32::BLACK);
                        let b = egui::Button::new(text)
                            .fill(fill)
                            .selected(colour == col)
                            .min_size(egui::vec2(48.0, 48.0));
                        let b = if colour == col {
                            b.stroke(egui::Stroke::new(3.0, egui::Color32::BLACK))
                        } else {
                            b
                        };
                        let key = if col == PostItColour::Green {
                            "post-it-green"
                        } else {
                            "post-it-pink"
                        };
                        if mark(key, ui.add(b)).clicked() {
                            form.colour = Some(col);
                        }
                    }
                });
                ui.horizontal(|ui| {
                    // The text typed stays with its card (a draft) until the session takes it.
                    let field_key = DraftField::PostIt(card.clone());
                    let mut text = c.drafts.text_or(&field_key, "");
                    let field = mark(
                        "post-it-field",
                        ui.add(
                            egui::TextEdit::singleline(&mut text)
                                .char_limit(MAX_POST_IT_CHARS)
                                .hint_text(t("play-post-it-hint"))
                                .desired_width(entry.width() - 240.0)
                                .min_size(egui::vec2(0.0, 44.0)),
                        ),
                    );
                    if std::mem::take(c.focus_field) {
                        field.request_focus();
                    }
                    add_clicked =
                        mark("post-it-add", big_button(ui, t("play-add-post-it"))).clicked();
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if (enter || add_clicked) && !text.trim().is_empty() {
                        let add = Action::AddPostIt {
                            colour,
                            text: text.trim().to_string(),
                            author: form.author,
                            card: card.clone(),
                        };
                        // The text goes only when the session takes it; a refusal shows its reason
                        // and leaves the text to fix. The next post-it is said by nobody again.
                        if s.accepts(&add).is_ok() {
                            text.clear();
                            form.author = None;
                        }
                        out.push(GameMsg::Do(add));
                        field.request_focus();
                    }
                    c.drafts.keep(field_key, &text, "");
                });
                let here = s.post_its.iter().filter(|p| p.card == card).count();
                ui.horizontal(|ui| {
                    ui.label(t("play-said-by"));
                    let combo = author_combo(ui, s, "author", &mut form.author, &t, true);
                    mark("post-it-author", combo);
                    ui.label(tr.count(lang, "play-post-its", here));
                    let max = crate::table::post_it::max_scroll(s);
                    if max > 0 {
                        if ui
                            .add_enabled(
                                *c.post_it_scroll > 0,
                                egui::Button::new("▲").min_size(egui::vec2(48.0, 48.0)),
                            )
                            .clicked()
                        {
                            *c.post_it_scroll -= 1;
                        }
                        if ui
                            .add_enabled(
                                *c.post_it_scroll < max,
                                egui::Button::new("▼").min_size(egui::vec2(48.0, 48.0)),
                            )
                            .clicked()
                        {
                            *c.post_it_scroll += 1;
                        }
                    }
                });
            });
        });

    // Navigation and the rest.
    bottom_bar(ctx, |ui| {
        out.extend(crate::panels::widgets::undo_redo_buttons(
            ui, tr, lang, can_undo, can_redo,
        ));
        ui.separator();
        if mark(
            "previous",
            big_button(ui, format!("◀ {}", t("play-previous"))),
        )
        .clicked()
        {
            out.push(GameMsg::Previous);
        }
        if mark("next", big_button(ui, format!("{} ▶", t("play-next")))).clicked() {
            out.push(GameMsg::Next);
        }
        if s.stage == Stage::Play {
            if s.record(&card).is_some_and(|r| r.skipped) {
                if mark("include", big_button(ui, t("play-include"))).clicked() {
                    out.push(GameMsg::Do(Action::Include { card: card.clone() }));
                }
            } else if mark("skip", big_button(ui, t("play-skip"))).clicked() {
                out.push(GameMsg::Skip);
            }
            ui.separator();
            if mark("pass-turn", big_button(ui, t("play-pass-turn"))).clicked() {
                out.push(GameMsg::Do(Action::PassTurn));
            }
            let timer = if *c.timer_shown {
                t("play-timer-stop")
            } else {
                t("play-timer-start")
            };
            if mark("timer", big_button(ui, timer)).clicked() {
                *c.timer_shown = !*c.timer_shown;
            }
            if mark("new-case", big_button(ui, t("play-new-case"))).clicked() {
                form.case_open = true;
                form.case_hidden = false;
            }
        }
        // In a follow-up: last time's open questions at this statement, to mark answered.
        if let CardRef::Statement(id) = &card {
            let earlier: Vec<bool> = s.earlier_questions_at(id).map(|(_, a)| a).collect();
            if !earlier.is_empty() {
                let open = earlier.iter().filter(|a| !**a).count();
                let label = format!("{} ({open}/{})", t("last-time-open"), earlier.len());
                if mark("earlier-questions", big_button(ui, label)).clicked() {
                    form.earlier_open = !form.earlier_open;
                }
            }
        }
        if s.mode == PlacementMode::Covered
            && !s.record(&card).is_some_and(|r| r.revealed.contains(&round))
        {
            let placed = s.record(&card).map_or(0, |r| r.round(round).len());
            if mark(
                "reveal",
                big_button(
                    ui,
                    format!(
                        "{} ({})",
                        t("play-reveal"),
                        tr.count(lang, "play-covered", placed)
                    ),
                ),
            )
            .clicked()
            {
                out.push(GameMsg::Do(Action::Reveal {
                    card: card.clone(),
                    round,
                }));
            }
        }
        ui.separator();
        match s.stage {
            Stage::Play => {
                if mark(
                    "to-plenary",
                    big_button(
                        ui,
                        egui::RichText::new(format!("{} ▶▶", t("play-to-plenary"))).strong(),
                    ),
                )
                .clicked()
                {
                    out.push(GameMsg::Do(Action::StartPlenary));
                }
            }
            _ => {
                ui.label(egui::RichText::new(t("plenary-title")).strong());
                left_out_button(ui, s, tr, form);
                if mark("back-to-play", big_button(ui, t("plenary-back-to-play"))).clicked() {
                    out.push(GameMsg::Return);
                }
                if mark(
                    "to-outcome",
                    big_button(
                        ui,
                        egui::RichText::new(format!("{} ▶▶", t("plenary-to-outcome"))).strong(),
                    ),
                )
                .clicked()
                {
                    out.push(GameMsg::Do(Action::ShowOutcome));
                }
            }
        }
    });

    post_it_editor(ctx, s, tr, form, c, &mut out);
    left_out_window(ctx, s, tr, form, &mut out);
    earlier_window(ctx, s, tr, &card, form, &mut out);
    // A case typed halfway (before a screen change, a crash) is open again, until closed on purpose.
    let case_typed = c.drafts.get(&DraftField::CaseTitle).is_some()
        || c.drafts.get(&DraftField::CaseDescription).is_some();
    if s.stage == Stage::Play && case_typed && !form.case_hidden {
        form.case_open = true;
    }
    if form.case_open && s.stage == Stage::Play {
        case_window(ctx, s, tr, form, c.drafts, &mut out);
    }
    out
}

/// Last time's open questions at this statement, each with a button that marks it answered (or open
/// again); the card beside the board shows them to the room.
fn earlier_window(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    card: &CardRef,
    form: &mut PlayForm,
    out: &mut Vec<GameMsg>,
) {
    let CardRef::Statement(id) = card else {
        form.earlier_open = false;
        return;
    };
    let earlier: Vec<_> = s.earlier_questions_at(id).collect();
    if !form.earlier_open || earlier.is_empty() {
        form.earlier_open = false;
        return;
    }
    let lang = s.language;
    let mut open = true;
    egui::Window::new(tr.get(lang, "last-time-open"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, -40.0])
        .min_width(900.0)
        .max_width(900.0)
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            ui.set_min_width(900.0);
            egui::ScrollArea::vertical()
                .max_height(600.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (i, (q, answered)) in earlier.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let label = if *answered {
                                format!("✓ {}", tr.get(lang, "last-time-answered"))
                            } else {
                                tr.get(lang, "last-time-answered")
                            };
                            let label = egui::RichText::new(label).size(28.0);
                            let button = egui::Button::selectable(*answered, label)
                                .min_size(egui::vec2(48.0, 48.0));
                            let button = ui.add(button);
                            let button = if i == 0 {
                                mark("earlier-first", button)
                            } else {
                                button
                            };
                            if button.clicked() {
                                out.push(GameMsg::Do(Action::AnswerEarlier {
                                    question: q.id,
                                    answered: !answered,
                                }));
                            }
                            // Read by the room: as large as a post-it.
                            ui.add(
                                egui::Label::new(egui::RichText::new(&q.text).size(36.0)).wrap(),
                            );
                        });
                    }
                });
        });
    if !open {
        form.earlier_open = false;
    }
}

/// The cards the plenary leaves out (skipped, or never played): how many, as a button that opens the
/// list to add one back.
fn left_out_button(ui: &mut egui::Ui, s: &Session, tr: &Texts, form: &mut PlayForm) {
    let left = s.left_out_of_plenary().len();
    if left == 0 {
        form.left_out_open = false;
        return;
    }
    let label = tr.count(s.language, "plenary-left-out", left);
    if mark("left-out", big_button(ui, format!("{label} …"))).clicked() {
        form.left_out_open = !form.left_out_open;
    }
}

/// The list of the cards the plenary leaves out, each with a button to take it into the plenary.
fn left_out_window(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    form: &mut PlayForm,
    out: &mut Vec<GameMsg>,
) {
    let left = s.left_out_of_plenary();
    if !form.left_out_open || left.is_empty() || s.stage != Stage::Plenary {
        form.left_out_open = false;
        return;
    }
    let lang = s.language;
    let mut open = true;
    egui::Window::new(tr.get(lang, "plenary-add-back"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, -40.0])
        .min_width(900.0)
        .max_width(900.0)
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            ui.set_min_width(900.0);
            egui::ScrollArea::vertical()
                .max_height(660.0)
                .min_scrolled_height(400.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (i, card) in left.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let add = big_button(ui, tr.get(lang, "plenary-add"));
                            // The first and the last for the screen map.
                            let add = if i + 1 == left.len() {
                                mark("left-out-last", add)
                            } else if i == 0 {
                                mark("left-out-first", add)
                            } else {
                                add
                            };
                            if add.clicked() {
                                out.push(GameMsg::Do(Action::Include { card: card.clone() }));
                                form.left_out_open = false;
                            }
                            let text: String = s.card_text(card).chars().take(90).collect();
                            let skipped = s.record(card).is_some_and(|r| r.skipped);
                            let text = if skipped {
                                format!("{text} ({})", tr.get(lang, "card-skipped"))
                            } else {
                                text
                            };
                            ui.add(egui::Label::new(text).wrap());
                        });
                    }
                });
        });
    if !open {
        form.left_out_open = false;
    }
}

/// The bar along the bottom; zoomed in (Ctrl +) it wraps onto a second row rather than run off the
/// screen.
fn bottom_bar(ctx: &egui::Context, add: impl FnOnce(&mut egui::Ui)) {
    let room = ctx.content_rect().width() - 40.0;
    egui::Area::new("play controls".into())
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -8.0])
        .show(ctx, |ui| {
            bar_frame(ui.ctx()).show(ui, |ui| {
                ui.set_max_width(room);
                ui.horizontal_wrapped(add);
            });
        });
}
