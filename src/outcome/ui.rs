//! The outcome screen's panel: the three plenary lists (already present, still to develop, open
//! questions) with their post-its, pink ones markable as answered, and the export.

use crate::core::drafts::{DraftField, Drafts};
use crate::core::export;
use crate::core::i18n::Texts;
use crate::core::session::{
    Action, Game, MAX_DUE_CHARS, MAX_NAME_CHARS, MAX_NEXT_STEP_CHARS, Owner, PlayerId, Session,
    StepSource,
};
use crate::core::tally::tally;
use crate::game::GameMsg;
use crate::outcome::pages::PageKind;
use crate::outcome::present::{OutcomeView, PageNav};
use crate::outcome::{ExportMsg, ExportState};
use crate::panels::widgets::{bar_frame, big_button, mark};
use bevy_egui::egui;
use std::path::PathBuf;

/// The export folder being chosen.
#[derive(bevy::prelude::Resource, Default)]
pub struct OutcomeForm {
    /// The folder the export goes into; `None` until the default is filled in.
    pub folder: Option<String>,
    /// The folder is being typed: only then is its whole path on the screen (the beamer need not
    /// show the user's home folder).
    pub editing_folder: bool,
    pub browser: Option<crate::decks::ui::FileBrowser>,
    /// The next step being typed.
    pub step: StepForm,
}

/// A next step being typed: its owner and source (its text, moment and other owner are drafts:
/// [`DraftField::NextStep`] and the two after it).
#[derive(Default)]
pub struct StepForm {
    /// The player chosen; the first player until one is chosen.
    pub(crate) player: Option<PlayerId>,
    /// Someone who was not playing takes it on, named in `other`.
    pub(crate) someone_else: bool,
    pub(crate) from: Option<StepSource>,
}

/// What the outcome panel asks for: a change to the session, or a file operation, which the world
/// carries out ([`crate::outcome::export_files`]); the panel itself touches no files.
#[derive(Debug, Clone, PartialEq)]
pub enum OutcomeIntent {
    Game(GameMsg),
    Files(ExportMsg),
    Page(PageNav),
    /// Open the folder dialog, starting from the folder typed (or the nearest one above it).
    ChooseFolder(PathBuf),
    /// What the facilitator did in the folder dialog.
    Browser(crate::decks::ui::BrowserIntent),
}

/// Screen-map names of the page buttons, by kind.
fn page_key(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Stacks => "page-stacks",
        PageKind::Present => "page-present",
        PageKind::Develop => "page-develop",
        PageKind::Questions => "page-questions",
        PageKind::Shift => "page-shift",
        PageKind::Since => "page-since",
        PageKind::Steps => "page-steps",
    }
}

/// The short name of a page kind on its button.
fn page_button_key(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Stacks => "outcome-tab-stacks",
        PageKind::Present => "outcome-present",
        PageKind::Develop => "outcome-develop",
        PageKind::Questions => "outcome-questions",
        PageKind::Shift => "outcome-tab-shift",
        PageKind::Since => "outcome-tab-since",
        PageKind::Steps => "outcome-steps",
    }
}

/// The outcome panel: a bar along the bottom to step through the pages, go back, and export; and on
/// the next-steps page, the form that adds a step.
/// What the outcome panel shows: the game, the pages and the one shown, and how the last export went.
pub struct OutcomePanelView<'a> {
    pub game: &'a Game,
    pub tr: &'a Texts,
    pub pages: &'a OutcomeView,
    pub exports: &'a ExportState,
}

pub fn outcome_panel(
    ctx: &egui::Context,
    panel: &OutcomePanelView,
    form: &mut OutcomeForm,
    drafts: &mut Drafts,
) -> Vec<OutcomeIntent> {
    let (game, tr, exports, view) = (panel.game, panel.tr, panel.exports, panel.pages);
    let mut out = Vec::new();
    let mut files = Vec::new();
    let mut nav = Vec::new();
    let s = game.session();
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let current = view.pages.get(view.page).map(|(k, _)| *k);
    if current == Some(PageKind::Steps) {
        out.extend(next_steps_window(ctx, s, tr, &mut form.step, drafts));
    }
    let folder = form
        .folder
        .get_or_insert_with(|| export::default_export_dir(game).display().to_string());
    let mut choose = false;
    egui::Area::new("outcome controls".into())
        .anchor(egui::Align2::LEFT_BOTTOM, [16.0, -12.0])
        .show(ctx, |ui| {
            bar_frame(ui.ctx()).show(ui, |ui| {
                ui.set_max_width(1880.0);
                ui.horizontal(|ui| {
                    if mark(
                        "page-previous",
                        ui.add_enabled(
                            view.page > 0,
                            egui::Button::new(format!("◀ {}", t("outcome-page-previous")))
                                .min_size(egui::vec2(48.0, 48.0)),
                        ),
                    )
                    .clicked()
                    {
                        nav.push(PageNav::Previous);
                    }
                    ui.label(
                        egui::RichText::new(format!("{} / {}", view.page + 1, view.count()))
                            .strong(),
                    );
                    if mark(
                        "page-next",
                        ui.add_enabled(
                            view.page + 1 < view.count(),
                            egui::Button::new(format!("{} ▶", t("outcome-page-next")))
                                .min_size(egui::vec2(48.0, 48.0)),
                        ),
                    )
                    .clicked()
                    {
                        nav.push(PageNav::Next);
                    }
                    ui.separator();
                    for kind in PageKind::of(s) {
                        let label = t(page_button_key(kind));
                        if mark(
                            page_key(kind),
                            ui.add(
                                egui::Button::selectable(current == Some(kind), label)
                                    .min_size(egui::vec2(0.0, 48.0)),
                            ),
                        )
                        .clicked()
                        {
                            nav.push(PageNav::To(kind));
                        }
                    }
                });
                ui.horizontal(|ui| {
                    // A mis-tapped ✖ on a next step, or a card moved by mistake, is taken back here.
                    out.extend(crate::panels::widgets::undo_redo_buttons(
                        ui,
                        tr,
                        lang,
                        game.can_undo(),
                        game.can_redo(),
                    ));
                    ui.separator();
                    if mark(
                        "outcome-back",
                        big_button(ui, format!("◀ {}", t("outcome-back"))),
                    )
                    .clicked()
                    {
                        out.push(GameMsg::Return);
                    }
                    // Without a programme, the outcome is the end of the workshop.
                    if s.programme().is_empty() {
                        if s.finished {
                            ui.label(egui::RichText::new(t("programme-finished")).strong());
                        } else if mark(
                            "finish",
                            big_button(ui, egui::RichText::new(t("finish")).strong()),
                        )
                        .clicked()
                        {
                            out.push(GameMsg::Finish);
                        }
                    }
                    ui.label(t("outcome-folder"));
                    if form.editing_folder {
                        mark(
                            "export-folder",
                            ui.add(egui::TextEdit::singleline(folder).desired_width(520.0)),
                        );
                    } else {
                        let short = crate::panels::widgets::short_path(std::path::Path::new(
                            folder.as_str(),
                        ));
                        ui.label(egui::RichText::new(short).strong())
                            .on_hover_text(folder.as_str());
                        if mark(
                            "export-folder-edit",
                            big_button(ui, t("outcome-folder-edit")),
                        )
                        .clicked()
                        {
                            form.editing_folder = true;
                        }
                    }
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
                        // What a click does on this page: move a card, or mark a question answered.
                        None if current == Some(PageKind::Stacks) => {
                            ui.label(t("outcome-move-card"));
                        }
                        None if matches!(
                            current,
                            Some(PageKind::Develop | PageKind::Questions)
                        ) =>
                        {
                            ui.label(t("outcome-click-answered"));
                        }
                        None => {}
                    }
                });
            });
        });
    let mut browse = Vec::new();
    if choose {
        browse.push(OutcomeIntent::ChooseFolder(PathBuf::from(folder.as_str())));
    }
    if let Some(browser) = form.browser.as_ref() {
        browse.extend(
            crate::decks::ui::folder_dialog(ctx, tr, lang, browser).map(OutcomeIntent::Browser),
        );
    }
    out.into_iter()
        .map(OutcomeIntent::Game)
        .chain(files.into_iter().map(OutcomeIntent::Files))
        .chain(nav.into_iter().map(OutcomeIntent::Page))
        .chain(browse)
        .collect()
}

/// Screen-map names of the owner choices, by the player's place in the list.
const OWNER_KEYS: [&str; crate::core::session::MAX_PLAYERS] = [
    "step-owner-1",
    "step-owner-2",
    "step-owner-3",
    "step-owner-4",
    "step-owner-5",
    "step-owner-6",
    "step-owner-7",
    "step-owner-8",
    "step-owner-9",
    "step-owner-10",
    "step-owner-11",
    "step-owner-12",
];

/// What a next step can answer: the open questions and the cards on the red stack, with a short label.
fn step_sources(s: &Session) -> Vec<(StepSource, String)> {
    let t = tally(s);
    let short = |text: &str| {
        let cut: String = text.chars().take(50).collect();
        if cut.len() < text.len() {
            format!("{}…", cut.trim_end())
        } else {
            cut
        }
    };
    let questions = t
        .open_questions
        .iter()
        .flat_map(|e| &e.post_its)
        .map(|p| (StepSource::Question(p.id), format!("? {}", short(&p.text))));
    let red = t.cards.iter().filter(|c| t.red.contains(&c.card)).map(|c| {
        (
            StepSource::Card(c.card.clone()),
            format!("! {}", short(&c.text)),
        )
    });
    questions.chain(red).collect()
}

/// The next steps: the ones agreed on, each removable, and a row to add one with an owner, a moment
/// and what it answers. The typed text stays until the session accepts the step.
fn next_steps_window(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    form: &mut StepForm,
    drafts: &mut Drafts,
) -> Vec<GameMsg> {
    let mut text = drafts.text_or(&DraftField::NextStep, "");
    let mut due = drafts.text_or(&DraftField::NextStepDue, "");
    let mut other = drafts.text_or(&DraftField::NextStepOwner, "");
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    let mut out = Vec::new();
    let sources = step_sources(s);
    let chosen = form
        .player
        .filter(|p| s.player(*p).is_some())
        .or_else(|| s.players.first().map(|p| p.id));
    egui::Window::new(t("outcome-steps"))
        .id("next steps".into())
        .title_bar(false)
        .resizable(false)
        .collapsible(false)
        // Above the outcome's bar (two rows of 48-point buttons), which stays whole beside it.
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -184.0])
        .fixed_size([520.0, 400.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            ui.heading(t("outcome-steps"));
            egui::ScrollArea::vertical()
                .id_salt("next steps list")
                .max_height(150.0)
                .show(ui, |ui| {
                    if s.next_steps.is_empty() {
                        ui.label(t("outcome-steps-none"));
                    }
                    for step in &s.next_steps {
                        ui.horizontal_wrapped(|ui| {
                            if ui.small_button(t("play-delete")).clicked() {
                                out.push(GameMsg::Do(Action::DeleteNextStep { id: step.id }));
                            }
                            let due = if step.due.is_empty() {
                                String::new()
                            } else {
                                format!(" · {}", step.due)
                            };
                            ui.label(egui::RichText::new(&step.text).strong());
                            ui.label(format!("— {}{due}", s.owner_name(&step.owner)));
                        });
                    }
                });
            ui.separator();
            let mut add = false;
            ui.horizontal(|ui| {
                let field = mark(
                    "step-text",
                    ui.add(
                        egui::TextEdit::singleline(&mut text)
                            .hint_text(t("outcome-steps-hint"))
                            .char_limit(MAX_NEXT_STEP_CHARS)
                            .desired_width(500.0),
                    ),
                );
                add |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            ui.horizontal(|ui| {
                mark(
                    "step-due",
                    ui.add(
                        egui::TextEdit::singleline(&mut due)
                            .hint_text(t("outcome-step-due-hint"))
                            .char_limit(MAX_DUE_CHARS)
                            .desired_width(250.0),
                    ),
                );
            });
            ui.horizontal(|ui| {
                ui.label(t("outcome-step-owner"));
                let owner_label = match chosen.and_then(|p| s.player(p)) {
                    Some(p) if !form.someone_else => p.name.clone(),
                    _ => t("outcome-step-someone-else"),
                };
                mark(
                    "step-owner",
                    egui::ComboBox::from_id_salt("step owner")
                        .selected_text(owner_label)
                        .width(200.0)
                        .show_ui(ui, |ui| {
                            for (p, key) in s.players.iter().zip(OWNER_KEYS) {
                                if mark(
                                    key,
                                    ui.selectable_label(
                                        !form.someone_else && chosen == Some(p.id),
                                        &p.name,
                                    ),
                                )
                                .clicked()
                                {
                                    form.player = Some(p.id);
                                    form.someone_else = false;
                                }
                            }
                            if mark(
                                "step-owner-other",
                                ui.selectable_label(
                                    form.someone_else,
                                    t("outcome-step-someone-else"),
                                ),
                            )
                            .clicked()
                            {
                                form.someone_else = true;
                            }
                        })
                        .response,
                );
                if form.someone_else || chosen.is_none() {
                    mark(
                        "step-owner-name",
                        ui.add(
                            egui::TextEdit::singleline(&mut other)
                                .hint_text(t("outcome-step-other-hint"))
                                .char_limit(MAX_NAME_CHARS)
                                .desired_width(180.0),
                        ),
                    );
                }
            });
            ui.horizontal(|ui| {
                ui.label(t("outcome-step-from"));
                let from_label = form
                    .from
                    .as_ref()
                    .and_then(|f| sources.iter().find(|(src, _)| src == f))
                    .map_or_else(|| t("outcome-step-from-none"), |(_, label)| label.clone());
                egui::ComboBox::from_id_salt("step from")
                    .selected_text(from_label)
                    .width(300.0)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(form.from.is_none(), t("outcome-step-from-none"))
                            .clicked()
                        {
                            form.from = None;
                        }
                        for (src, label) in &sources {
                            if ui
                                .selectable_label(form.from.as_ref() == Some(src), label)
                                .clicked()
                            {
                                form.from = Some(src.clone());
                            }
                        }
                    });
                add |= mark("step-add", big_button(ui, t("outcome-step-add"))).clicked();
            });
            if add {
                let owner = match chosen {
                    Some(p) if !form.someone_else => Owner::Player(p),
                    _ => Owner::Named(other.clone()),
                };
                let action = Action::AddNextStep {
                    text: text.clone(),
                    owner,
                    due: due.clone(),
                    from: form.from.clone(),
                };
                // Cleared only when the session will take it; a refusal keeps every word typed.
                if s.accepts(&action).is_ok() {
                    text.clear();
                    due.clear();
                    form.from = None;
                }
                out.push(GameMsg::Do(action));
            }
        });
    drafts.keep(DraftField::NextStep, &text, "");
    drafts.keep(DraftField::NextStepDue, &due, "");
    drafts.keep(DraftField::NextStepOwner, &other, "");
    out
}
