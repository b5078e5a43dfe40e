//! The windows of the facilitator's panel at the table that edit what is typed: the post-it editor,
//! the case window and the choice of who said a post-it.

use crate::core::drafts::{DraftField, Drafts};
use crate::core::i18n::Texts;
use crate::core::session::{
    Action, MAX_CASE_DESCRIPTION_CHARS, MAX_CASE_TITLE_CHARS, MAX_POST_IT_CHARS, PlayerId,
    PostItColour, Session,
};
use crate::game::GameMsg;
use crate::panels::widgets::{bar_frame, big_button, mark};
use bevy_egui::egui;

use super::ui::{Controls, EditForm, PlayForm};

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

/// The choice of who said a post-it: "(niemand)" or a player. Marked for the screen map when `keys`.
pub(super) fn author_combo(
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

pub(super) fn post_it_editor(
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

pub(super) fn case_window(
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
