//! The facilitator's controls during play and plenary: type a post-it (Enter adds it), move the game on,
//! undo and redo, the timer, the "who is telling" marker, covered pawns, cases, and editing a post-it.

use crate::app::AtTable;
use crate::core::drafts::{DraftField, Drafts};
use crate::core::i18n::Texts;
use crate::core::session::{
    Action, MAX_CASE_DESCRIPTION_CHARS, MAX_CASE_TITLE_CHARS, MAX_POST_IT_CHARS, Phase,
    PlacementMode, PlayerId, PostItColour, PostItId, Session,
};
use crate::keys::FocusPostItField;
use crate::panels::widgets::{bar_frame, big_button, mark};
use crate::panels::{Forms, PanelSet, send};
use crate::session::GameMsg;
use crate::session::{ActiveGame, CardClock};
use crate::table::board::Tr;
use crate::table::pawn::SelectedPlayer;
use crate::table::post_it::SelectedPostIt;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// What is being typed in the play panels.
#[derive(Default)]
pub struct PlayForm {
    pub colour: Option<PostItColour>,
    pub author: Option<PlayerId>,
    /// The card the author was chosen on: on another card, a new post-it starts at "(niemand)".
    pub author_card: Option<crate::core::session::CardRef>,
    /// The post-it being edited, with its text, colour and author as changed so far.
    pub editing: Option<EditForm>,
    pub case_open: bool,
    /// The case window was closed with its text kept: it opens again only when asked.
    pub case_hidden: bool,
    pub case_by: Option<PlayerId>,
    /// A click on another post-it was refused because the editor holds an unsaved edit.
    pub switch_refused: bool,
    /// The list of cards left out of the plenary is open.
    pub left_out_open: bool,
}

/// A post-it in the editor: its colour and who said it (its text is a draft: [`DraftField::EditPostIt`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EditForm {
    pub id: PostItId,
    pub colour: PostItColour,
    pub author: Option<PlayerId>,
}

/// Things the panel changes outside the session: the clock, the selected post-it, the keyboard focus.
pub struct Controls<'a> {
    /// Whether the timer is shown on the card.
    pub timer_shown: &'a mut bool,
    pub selected_note: &'a mut Option<PostItId>,
    pub selected_player: Option<PlayerId>,
    pub focus_field: &'a mut bool,
    /// Rows of post-its scrolled out of view, for touch boards without a wheel.
    pub post_it_scroll: &'a mut usize,
    /// The text typed into the fields and not entered yet.
    pub drafts: &'a mut Drafts,
}

/// Names of the author choices in the screen map: nobody, then the players in order.
const AUTHOR_KEYS: [&str; 13] = [
    "author-none",
    "author-1",
    "author-2",
    "author-3",
    "author-4",
    "author-5",
    "author-6",
    "author-7",
    "author-8",
    "author-9",
    "author-10",
    "author-11",
    "author-12",
];

/// Draws the controls and returns what the facilitator asked for.
pub fn play_panel(
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
            if s.phase == Phase::Plenary {
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
        if s.phase == Phase::Play {
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
        match s.phase {
            Phase::Play => {
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
    // A case typed halfway (before a screen change, a crash) is open again, until closed on purpose.
    let case_typed = c.drafts.get(&DraftField::CaseTitle).is_some()
        || c.drafts.get(&DraftField::CaseDescription).is_some();
    if s.phase == Phase::Play && case_typed && !form.case_hidden {
        form.case_open = true;
    }
    if form.case_open && s.phase == Phase::Play {
        case_window(ctx, s, tr, form, c.drafts, &mut out);
    }
    out
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
    if !form.left_out_open || left.is_empty() || s.phase != Phase::Plenary {
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

/// The choice of who said a post-it: "(niemand)" or a player. Marked for the screen map when `keys`.
fn author_combo(
    ui: &mut egui::Ui,
    s: &Session,
    salt: &str,
    author: &mut Option<PlayerId>,
    t: &dyn Fn(&str) -> String,
    keys: bool,
) -> egui::Response {
    egui::ComboBox::from_id_salt(salt)
        .width(170.0)
        .selected_text(
            author
                .and_then(|a| s.player(a))
                .map_or_else(|| t("play-nobody"), |p| p.name.clone()),
        )
        .show_ui(ui, |ui| {
            let r = ui.selectable_value(author, None, t("play-nobody"));
            if keys {
                mark(AUTHOR_KEYS[0], r);
            }
            for (i, p) in s.players.iter().enumerate() {
                let r = ui.selectable_value(author, Some(p.id), &p.name);
                if let (true, Some(key)) = (keys, AUTHOR_KEYS.get(i + 1)) {
                    mark(key, r);
                }
            }
        })
        .response
}

fn post_it_editor(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    form: &mut PlayForm,
    c: &mut Controls,
    out: &mut Vec<GameMsg>,
) {
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    // An edit not saved stays in the editor: after a screen change, a resume or a click on another
    // post-it, the editor is open on it again, until the edit is saved or cancelled.
    c.drafts
        .retain(|f| !matches!(f, DraftField::EditPostIt(p) if s.post_it(*p).is_none()));
    let on_table = s.active_card().map(|(card, _)| card);
    let pending = c.drafts.iter().find_map(|(f, _)| match f {
        DraftField::EditPostIt(p)
            if s.post_it(*p)
                .is_some_and(|n| Some(&n.card) == on_table.as_ref()) =>
        {
            Some(*p)
        }
        _ => None,
    });
    if let Some(p) = pending
        && *c.selected_note != Some(p)
    {
        form.switch_refused = form.editing.as_ref().is_some_and(|e| e.id == p);
        *c.selected_note = Some(p);
    }
    let Some(id) = *c.selected_note else {
        form.editing = None;
        return;
    };
    let Some(note) = s.post_it(id) else {
        *c.selected_note = None;
        return;
    };
    if form.editing.as_ref().is_none_or(|e| e.id != id) {
        form.switch_refused = false;
        form.editing = Some(EditForm {
            id,
            colour: note.colour,
            author: note.author,
        });
    }
    let draft_key = DraftField::EditPostIt(id);
    let mut text = c.drafts.text_or(&draft_key, &note.text);
    let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Window::new(t("play-edit"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::RIGHT_TOP, [-16.0, 16.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            if let Some(edit) = form.editing.as_mut() {
                if form.switch_refused {
                    ui.label(egui::RichText::new(t("play-edit-first")).strong());
                }
                mark(
                    "editor-text",
                    ui.add(
                        egui::TextEdit::multiline(&mut text)
                            .char_limit(MAX_POST_IT_CHARS)
                            .desired_width(560.0)
                            .desired_rows(4),
                    ),
                );
                ui.horizontal(|ui| {
                    for (col, key, sign) in [
                        (PostItColour::Green, "play-green", "+"),
                        (PostItColour::Pink, "play-pink", "?"),
                    ] {
                        let mark_key = if col == PostItColour::Green {
                            "editor-green"
                        } else {
                            "editor-pink"
                        };
                        if mark(
                            mark_key,
                            ui.add(
                                egui::Button::selectable(
                                    edit.colour == col,
                                    format!("{sign} {}", t(key)),
                                )
                                .min_size(egui::vec2(48.0, 48.0)),
                            ),
                        )
                        .clicked()
                        {
                            edit.colour = col;
                        }
                    }
                    ui.label(t("play-said-by"));
                    mark(
                        "editor-author",
                        author_combo(ui, s, "editor author", &mut edit.author, &t, false),
                    );
                });
                ui.horizontal(|ui| {
                    if mark("editor-save", big_button(ui, t("play-save"))).clicked() {
                        let change = Action::ChangePostIt {
                            id,
                            text: text.clone(),
                            colour: edit.colour,
                            author: edit.author,
                        };
                        // A refused edit keeps the editor open with the text.
                        close = s.accepts(&change).is_ok();
                        out.push(GameMsg::Do(change));
                    }
                    if note.colour == PostItColour::Pink {
                        let mut answered = note.answered;
                        if mark(
                            "editor-answered",
                            ui.checkbox(&mut answered, t("outcome-mark-answered")),
                        )
                        .changed()
                        {
                            out.push(GameMsg::Do(Action::SetAnswered { id, answered }));
                        }
                    }
                    if mark("editor-delete", big_button(ui, t("play-delete"))).clicked() {
                        out.push(GameMsg::Do(Action::DeletePostIt { id }));
                        close = true;
                    }
                    if mark("editor-cancel", big_button(ui, t("play-cancel"))).clicked() {
                        close = true;
                    }
                });
            }
        });
    if close {
        // Saved, deleted or cancelled: the edit is done with.
        *c.selected_note = None;
        form.editing = None;
        form.switch_refused = false;
        c.drafts.clear(&draft_key);
    } else {
        c.drafts.keep(draft_key, &text, &note.text);
    }
}

fn case_window(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    form: &mut PlayForm,
    drafts: &mut Drafts,
    out: &mut Vec<GameMsg>,
) {
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let mut open = true;
    let mut title = drafts.text_or(&DraftField::CaseTitle, "");
    let mut description = drafts.text_or(&DraftField::CaseDescription, "");
    let mut thrown_away = false;
    egui::Window::new(t("play-new-case"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, -60.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            ui.label(t("case-title"));
            mark(
                "case-title",
                ui.add(
                    egui::TextEdit::singleline(&mut title)
                        .char_limit(MAX_CASE_TITLE_CHARS)
                        .desired_width(560.0),
                ),
            );
            ui.label(t("case-description"));
            mark(
                "case-description",
                ui.add(
                    egui::TextEdit::multiline(&mut description)
                        .char_limit(MAX_CASE_DESCRIPTION_CHARS)
                        .desired_width(560.0)
                        .desired_rows(3),
                ),
            );
            ui.horizontal(|ui| {
                ui.label(t("case-brought-by"));
                egui::ComboBox::from_id_salt("case by")
                    .selected_text(
                        form.case_by
                            .and_then(|a| s.player(a))
                            .map_or_else(|| t("play-nobody"), |p| p.name.clone()),
                    )
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut form.case_by, None, t("play-nobody"));
                        for p in &s.players {
                            ui.selectable_value(&mut form.case_by, Some(p.id), &p.name);
                        }
                    });
            });
            if !s.deck.case_prompts.is_empty() {
                ui.add_space(6.0);
                ui.label(egui::RichText::new(t("case-prompts")).strong());
                for p in &s.deck.case_prompts {
                    ui.label(format!("• {p}"));
                }
            }
            ui.add_space(6.0);
            let ok = !title.trim().is_empty();
            ui.horizontal(|ui| {
                if mark(
                    "case-add",
                    ui.add_enabled(
                        ok,
                        egui::Button::new(t("case-add")).min_size(egui::vec2(48.0, 48.0)),
                    ),
                )
                .clicked()
                {
                    let add = Action::AddCase {
                        title: title.trim().to_string(),
                        description: description.trim().to_string(),
                        brought_by: form.case_by,
                    };
                    if s.accepts(&add).is_ok() {
                        thrown_away = true;
                    }
                    out.push(GameMsg::Do(add));
                }
                // Throwing the typed case away is a choice of its own; closing the window keeps it.
                let typed = !title.trim().is_empty() || !description.trim().is_empty();
                if typed
                    && mark(
                        "case-discard",
                        ui.add(
                            egui::Button::new(t("case-discard")).min_size(egui::vec2(48.0, 48.0)),
                        ),
                    )
                    .clicked()
                {
                    thrown_away = true;
                }
            });
        });
    if thrown_away {
        title.clear();
        description.clear();
        form.case_open = false;
    }
    if !open {
        form.case_open = false;
        form.case_hidden = true;
    }
    drafts.keep(DraftField::CaseTitle, &title, "");
    drafts.keep(DraftField::CaseDescription, &description, "");
}

/// The facilitator's panel, drawn on the Play and the Plenary screens.
pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        play_ui.run_if(in_state(AtTable)).in_set(PanelSet::Screen),
    );
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
    mut scroll: ResMut<crate::table::post_it::PostItScroll>,
    mut drafts: ResMut<crate::session::OpenDrafts>,
    mut writer: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Copies, written back only when they change, so the world is not redrawn every frame.
    let (mut timer_shown, mut note, mut focus_now, mut rows) =
        (clock.shown, selected_note.0, focus.0, scroll.0);
    let mut typed = drafts.drafts.clone();
    let mut controls = Controls {
        timer_shown: &mut timer_shown,
        selected_note: &mut note,
        selected_player: selected_player.0,
        focus_field: &mut focus_now,
        post_it_scroll: &mut rows,
        drafts: &mut typed,
    };
    let out = play_panel(
        ctx,
        game.session(),
        game.game().can_undo(),
        game.game().can_redo(),
        &tr.0,
        &mut forms.play,
        &mut controls,
    );
    if clock.shown != timer_shown {
        clock.shown = timer_shown;
        clock.shown_from = if timer_shown { clock.seconds() } else { 0 };
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
    if drafts.drafts != typed {
        drafts.update(typed);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}
