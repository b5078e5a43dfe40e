//! The deck tools of the setup screen: an in-app file dialog (pure egui, so it works full screen, on a
//! beamer and with touch), and a deck editor that checks the deck as you type and saves `.deck.ron`.

pub(crate) use super::browser::FileBrowser;
use crate::core::deck::{Deck, Square, StackRule, Statement, validate_deck};
use crate::core::i18n::Texts;
use crate::core::session::Lang;
use crate::panels::widgets::{bar_frame, big_button};
use bevy_egui::egui;
use std::path::{Path, PathBuf};

/// What the deck tools ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum DeckCmd {
    /// Load this file (through the same function as every other way of loading).
    Load(PathBuf),
    OpenDialog,
    /// Open the editor on this deck.
    Edit(Deck),
    /// Save the deck being edited to this file (and load it when it reads back the same). A file that
    /// is there already is replaced only when the facilitator presses save a second time.
    Save(Box<Deck>, PathBuf),
    /// Stop waiting for a broken deck file: the facilitator chose another deck.
    Forget,
    /// Close the deck editor (Cancel with nothing to lose, or pressed twice).
    CloseEditor,
}

/// What the facilitator does in a file dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserIntent {
    /// Show this folder.
    Open(PathBuf),
    /// This file (or, in the folder dialog, this folder) is chosen: the dialog closes.
    Chose(PathBuf),
    /// Close the dialog without a choice.
    Cancel,
}

/// The file dialog for a deck file.
pub(crate) fn file_dialog(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    browser: &FileBrowser,
    places: &[(String, PathBuf)],
) -> Option<BrowserIntent> {
    browser_window(
        ctx,
        tr,
        lang,
        &tr.get(lang, "deck-open"),
        browser,
        places,
        Pick::DeckFile,
    )
}

/// The same dialog for choosing a folder: browse, then "use this folder".
pub(crate) fn folder_dialog(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    browser: &FileBrowser,
) -> Option<BrowserIntent> {
    browser_window(
        ctx,
        tr,
        lang,
        &tr.get(lang, "outcome-choose"),
        browser,
        &[],
        Pick::Folder,
    )
}

/// What a browser window picks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    DeckFile,
    Folder,
}

/// One folder or file in the browser, as a row as wide as the dialog; true when tapped.
fn entry_row(ui: &mut egui::Ui, icon: &str, path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.add(egui::Button::new(format!("{icon} {name}")).min_size(egui::vec2(860.0, 44.0)))
        .clicked()
}

/// A pure-egui browser: big rows for fingers, the places to jump to, folders first.
fn browser_window(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    title: &str,
    browser: &FileBrowser,
    places: &[(String, PathBuf)],
    pick: Pick,
) -> Option<BrowserIntent> {
    let t = |id: &str| tr.get(lang, id);
    let mut intent = None;
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([900.0, 640.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                if big_button(ui, format!("⬆ {}", t("deck-up"))).clicked()
                    && let Some(parent) = browser.dir.parent()
                {
                    intent = Some(BrowserIntent::Open(parent.to_path_buf()));
                }
                for (name, path) in places {
                    if big_button(ui, name).clicked() {
                        intent = Some(BrowserIntent::Open(path.clone()));
                    }
                }
                if pick == Pick::Folder
                    && big_button(ui, egui::RichText::new(t("outcome-use-folder")).strong())
                        .clicked()
                {
                    intent = Some(BrowserIntent::Chose(browser.dir.clone()));
                }
            });
            ui.label(egui::RichText::new(browser.dir.display().to_string()).strong());
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(470.0)
                .show(ui, |ui| match &browser.listing {
                    Ok((folders, files)) => {
                        for f in folders {
                            if entry_row(ui, "📁", f) {
                                intent = Some(BrowserIntent::Open(f.clone()));
                            }
                        }
                        for f in files.iter().filter(|_| pick == Pick::DeckFile) {
                            if entry_row(ui, "🗋", f) {
                                intent = Some(BrowserIntent::Chose(f.clone()));
                            }
                        }
                    }
                    Err(e) => {
                        ui.colored_label(egui::Color32::DARK_RED, e);
                    }
                });
            ui.separator();
            if big_button(ui, t("play-cancel")).clicked() {
                intent = Some(BrowserIntent::Cancel);
            }
        });
    intent
}

/// A deck being edited, with the file it will be saved to.
#[derive(Debug, Clone)]
pub struct DeckEditor {
    pub deck: Deck,
    /// The deck as it was opened or last saved: what differs from it is an edit Cancel asks about.
    pub original: Deck,
    /// Cancel was pressed with edits: a second press throws them away.
    pub confirm_cancel: bool,
    pub file: String,
    pub saved: Option<Result<PathBuf, String>>,
    /// A file that exists and that the facilitator agreed to replace by pressing save again.
    pub overwrite: Option<PathBuf>,
}

impl DeckEditor {
    /// The editor on `deck`, to be saved as `file`; what differs from `original` is an edit.
    pub(crate) fn open(deck: Deck, original: Deck, file: String) -> Self {
        DeckEditor {
            deck,
            original,
            confirm_cancel: false,
            file,
            saved: None,
            overwrite: None,
        }
    }
}

/// A text field that wraps what is typed over as many lines as it needs, at least `rows`, so a long
/// statement stays in sight while it is typed. A deck's texts are one paragraph: Enter ends the typing
/// as in a one-line field, and a line break that is pasted in becomes a space.
fn text_field(
    ui: &mut egui::Ui,
    text: &mut String,
    rows: usize,
    width: f32,
    hint: &str,
) -> egui::Response {
    let response = ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(rows)
            .desired_width(width)
            .return_key(None)
            .hint_text(hint),
    );
    if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        response.surrender_focus();
    }
    if response.changed() && text.contains(['\n', '\r']) {
        *text = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    }
    response
}

/// [`text_field`] for a text that may be left out: empty is none.
fn opt_field(ui: &mut egui::Ui, value: &mut Option<String>, rows: usize, width: f32, hint: &str) {
    let mut text = value.clone().unwrap_or_default();
    if text_field(ui, &mut text, rows, width, hint).changed() {
        *value = if text.trim().is_empty() {
            None
        } else {
            Some(text)
        };
    }
}

#[allow(clippy::too_many_arguments)]
fn editor_footer(
    ui: &mut egui::Ui,
    tr: &Texts,
    lang: Lang,
    ed: &mut DeckEditor,
    problems: &[crate::core::deck::DeckProblem],
    decks_dir: Option<&Path>,
    out: &mut Vec<DeckCmd>,
) {
    let t = |id: &str| tr.get(lang, id);
    if problems.is_empty() {
        ui.colored_label(
            egui::Color32::from_rgb(0x11, 0x77, 0x33),
            format!("✔ {}", t("deck-valid")),
        );
    } else {
        for p in problems.iter().take(3) {
            ui.colored_label(
                egui::Color32::DARK_RED,
                format!("✖ {}", p.describe(tr, lang)),
            );
        }
    }
    ui.horizontal(|ui| {
        ui.label(t("deck-file"));
        ui.add(egui::TextEdit::singleline(&mut ed.file).desired_width(620.0));
        let ok = problems.is_empty();
        if ui
            .add_enabled(
                ok,
                egui::Button::new(t("play-save")).min_size(egui::vec2(48.0, 48.0)),
            )
            .clicked()
        {
            let path = PathBuf::from(&ed.file);
            let path = if path.is_relative() {
                decks_dir.map_or(path.clone(), |d| d.join(&path))
            } else {
                path
            };
            // Whether the file is there already (and is replaced only on a second press) is for
            // the world to find out: [`DeckCmd::Save`].
            ed.saved = None;
            out.push(DeckCmd::Save(Box::new(ed.deck.clone()), path));
        }
        if big_button(ui, t("play-cancel")).clicked() {
            // An edited deck is thrown away only on a second press.
            if ed.deck == ed.original || ed.confirm_cancel {
                out.push(DeckCmd::CloseEditor);
            } else {
                ed.confirm_cancel = true;
            }
        }
    });
    if ed.confirm_cancel {
        ui.colored_label(egui::Color32::DARK_RED, t("deck-cancel-confirm"));
    }
    if let Some(p) = &ed.overwrite {
        ui.colored_label(
            egui::Color32::DARK_RED,
            tr.format(
                lang,
                "deck-overwrite",
                &[("file", p.display().to_string().into())],
            ),
        );
    }
    match &ed.saved {
        Some(Ok(p)) => {
            ui.label(tr.format(
                lang,
                "outcome-exported",
                &[("dir", p.display().to_string().into())],
            ));
        }
        Some(Err(e)) => {
            ui.colored_label(egui::Color32::DARK_RED, e);
        }
        None => {}
    }
}

/// The editor's width, and the widths of its fields, in points: the window fits a 5:4 screen (1350
/// points wide at 1080 high), and a statement of 130 characters shows whole in its three lines.
const EDITOR_WIDTH: f32 = 1300.0;
const WIDE_FIELD: f32 = 1120.0;
const CASE_PROMPT_FIELD: f32 = 900.0;
const LABEL_FIELD: f32 = 230.0;
const NUMBER_COLUMN: f32 = 30.0;
const ID_FIELD: f32 = 210.0;
const STATEMENT_FIELD: f32 = 530.0;
const PROMPT_FIELD: f32 = 280.0;

/// The deck editor: `ed` is the deck being edited; returns what it asks for (save, close).
pub fn deck_editor(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    ed: &mut DeckEditor,
    decks_dir: Option<&Path>,
) -> Vec<DeckCmd> {
    let t = |id: &str| tr.get(lang, id);
    let mut out = Vec::new();
    let problems = validate_deck(&ed.deck, "");
    // As tall as the screen allows, with room for the title bar: the screen is 1080 points high.
    let height = (ctx.content_rect().height() - 110.0).clamp(360.0, 960.0);
    egui::Window::new(t("deck-editor"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([EDITOR_WIDTH, height])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            // The file name, the checks and the save button stay in view; the rest scrolls.
            editor_footer(ui, tr, lang, ed, &problems, decks_dir, &mut out);
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(ui.available_height())
                .auto_shrink([false, false])
                .id_salt("deck editor")
                .show(ui, |ui| {
                    deck_head(ui, tr, lang, &mut ed.deck);
                    ui.separator();
                    scale_editor(ui, tr, lang, &mut ed.deck.scale);
                    ui.separator();
                    statements_editor(ui, tr, lang, &mut ed.deck.statements);
                    ui.separator();
                    ui.label(egui::RichText::new(t("case-prompts")).strong());
                    let mut remove = None;
                    for (i, p) in ed.deck.case_prompts.iter_mut().enumerate() {
                        ui.push_id(("case prompt", i), |ui| {
                            ui.horizontal(|ui| {
                                text_field(ui, p, 2, CASE_PROMPT_FIELD, "");
                                if ui.button("✖").clicked() {
                                    remove = Some(i);
                                }
                            });
                        });
                    }
                    if let Some(i) = remove {
                        ed.deck.case_prompts.remove(i);
                    }
                    if ui.button(t("deck-add-prompt")).clicked() {
                        ed.deck.case_prompts.push(String::new());
                    }
                    ui.separator();
                    programme_editor(ui, tr, lang, &mut ed.deck.programme);
                });
        });
    out
}

/// The deck's title, language and description.
fn deck_head(ui: &mut egui::Ui, tr: &Texts, lang: Lang, deck: &mut Deck) {
    let t = |id: &str| tr.get(lang, id);
    egui::Grid::new("deck head").num_columns(2).show(ui, |ui| {
        ui.label(t("deck-title"));
        ui.add(egui::TextEdit::singleline(&mut deck.title).desired_width(600.0));
        ui.end_row();
        ui.label(t("setup-language"));
        ui.add(egui::TextEdit::singleline(&mut deck.language).desired_width(80.0));
        ui.end_row();
        ui.label(t("deck-description"));
        text_field(ui, &mut deck.description, 3, WIDE_FIELD - 30.0, "");
        ui.end_row();
    });
}

/// The squares of the board, each with its label and points, and the rule for the green stack.
fn scale_editor(ui: &mut egui::Ui, tr: &Texts, lang: Lang, scale: &mut crate::core::deck::Scale) {
    let t = |id: &str| tr.get(lang, id);
    ui.label(egui::RichText::new(t("deck-scale")).strong());
    ui.horizontal_wrapped(|ui| {
        let n = scale.squares.len();
        let mut remove = None;
        for (i, sq) in scale.squares.iter_mut().enumerate() {
            ui.push_id(("square", i), |ui| {
                ui.group(|ui| {
                    ui.vertical(|ui| {
                        // Wide enough for "grotendeels aanwezig"; a longer label wraps.
                        text_field(ui, &mut sq.label, 1, LABEL_FIELD, "");
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::DragValue::new(&mut sq.points)
                                    .range(-100..=100)
                                    .prefix(format!("{}: ", t("deck-points"))),
                            );
                            if n > 2 && ui.button("✖").clicked() {
                                remove = Some(i);
                            }
                        });
                    });
                });
            });
        }
        if let Some(i) = remove {
            scale.squares.remove(i);
        }
        if n < crate::core::deck::MAX_SQUARES && big_button(ui, "+").clicked() {
            let points = scale.squares.last().map_or(1, |s| s.points + 1);
            scale.squares.push(Square {
                label: String::new(),
                points,
            });
        }
    });
    ui.horizontal(|ui| {
        ui.label(t("deck-threshold"));
        let mut v = scale.green_when.threshold();
        if ui
            .add(
                egui::DragValue::new(&mut v)
                    .speed(0.1)
                    .range(-100.0..=100.0),
            )
            .changed()
        {
            scale.green_when = match scale.green_when {
                StackRule::MeanAtLeast(_) => StackRule::MeanAtLeast(v),
                StackRule::MedianAtLeast(_) => StackRule::MedianAtLeast(v),
            };
        }
        let median = matches!(scale.green_when, StackRule::MedianAtLeast(_));
        if ui.radio(!median, t("deck-mean")).clicked() {
            scale.green_when = StackRule::MeanAtLeast(v);
        }
        if ui.radio(median, t("deck-median")).clicked() {
            scale.green_when = StackRule::MedianAtLeast(v);
        }
    });
}

/// The statements, one row each: the id with the theme under it, the text and the prompt in fields
/// that wrap, and buttons to move a statement or take it out; then a button for one more.
fn statements_editor(ui: &mut egui::Ui, tr: &Texts, lang: Lang, statements: &mut Vec<Statement>) {
    let t = |id: &str| tr.get(lang, id);
    ui.label(
        egui::RichText::new(tr.count(lang, "setup-deck-statements", statements.len())).strong(),
    );
    let mut action: Option<(usize, i32)> = None;
    let count = statements.len();
    // Rows of fixed widths, not a grid: a grid would size a wrapping field by the column it had in
    // the first frame, a narrow one.
    let column = |ui: &mut egui::Ui, width: f32, text: String| {
        ui.allocate_ui(egui::vec2(width, 20.0), |ui| {
            ui.set_width(width);
            ui.label(egui::RichText::new(text).small());
        });
    };
    ui.horizontal(|ui| {
        column(ui, NUMBER_COLUMN, String::new());
        column(ui, ID_FIELD, format!("id · {}", t("deck-theme")));
        column(ui, STATEMENT_FIELD, t("deck-text"));
        column(ui, PROMPT_FIELD, t("deck-prompt"));
    });
    for (i, st) in statements.iter_mut().enumerate() {
        ui.push_id(("statement", i), |ui| {
            egui::Frame::new()
                .inner_margin(egui::Margin::symmetric(0, 4))
                .show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        ui.allocate_ui(egui::vec2(NUMBER_COLUMN, 20.0), |ui| {
                            ui.set_width(NUMBER_COLUMN);
                            ui.label(format!("{}.", i + 1));
                        });
                        ui.vertical(|ui| {
                            ui.set_width(ID_FIELD);
                            ui.add(
                                egui::TextEdit::singleline(&mut st.id)
                                    .desired_width(ID_FIELD)
                                    .hint_text("id"),
                            );
                            opt_field(ui, &mut st.theme, 1, ID_FIELD, &t("deck-theme"));
                        });
                        text_field(ui, &mut st.text, 3, STATEMENT_FIELD, &t("deck-text"));
                        opt_field(ui, &mut st.prompt, 3, PROMPT_FIELD, &t("deck-prompt"));
                        // A button that does not apply keeps its place, so the buttons line up.
                        if ui.add_visible(i > 0, egui::Button::new("▲")).clicked() {
                            action = Some((i, -1));
                        }
                        if ui
                            .add_visible(i + 1 < count, egui::Button::new("▼"))
                            .clicked()
                        {
                            action = Some((i, 1));
                        }
                        if ui.add_visible(count > 1, egui::Button::new("✖")).clicked() {
                            action = Some((i, 0));
                        }
                    });
                });
        });
    }
    match action {
        Some((i, 0)) => {
            statements.remove(i);
        }
        Some((i, d)) => statements.swap(i, (i as i32 + d) as usize),
        None => {}
    }
    if big_button(ui, t("deck-add-statement")).clicked() {
        let n = statements.len() + 1;
        let mut id = format!("stelling-{n}");
        let mut k = n;
        while statements.iter().any(|s| s.id == id) {
            k += 1;
            id = format!("stelling-{k}");
        }
        statements.push(Statement {
            id,
            text: String::new(),
            theme: None,
            prompt: None,
        });
    }
}

/// The programme of a deck, phase by phase: its kind, name, minutes and the text on the screen; a
/// phase can be moved up, removed, or added. Mistakes show in the deck's check like any other field.
fn programme_editor(
    ui: &mut egui::Ui,
    tr: &Texts,
    lang: Lang,
    programme: &mut Vec<crate::core::deck::Phase>,
) {
    use crate::core::deck::{MAX_PHASE_MINUTES, Phase, PhaseKind};
    let t = |id: &str| tr.get(lang, id);
    ui.label(egui::RichText::new(t("deck-programme")).strong());
    let kinds = [
        PhaseKind::Talk,
        PhaseKind::WarmUp,
        PhaseKind::LearningQuestion,
        PhaseKind::Game,
        PhaseKind::Plenary,
        PhaseKind::Closing,
        PhaseKind::Review,
    ];
    let (mut remove, mut up) = (None, None);
    for (i, item) in programme.iter_mut().enumerate() {
        ui.push_id(("programme", i), |ui| {
            ui.horizontal(|ui| {
                ui.allocate_ui(egui::vec2(NUMBER_COLUMN, 20.0), |ui| {
                    ui.set_width(NUMBER_COLUMN);
                    ui.label(format!("{}.", i + 1));
                });
                // One width for every kind, so the fields after it line up.
                egui::ComboBox::from_id_salt("kind")
                    .width(190.0)
                    .selected_text(t(crate::core::programme::kind_key(item.kind)))
                    .show_ui(ui, |ui| {
                        for k in kinds {
                            ui.selectable_value(
                                &mut item.kind,
                                k,
                                t(crate::core::programme::kind_key(k)),
                            );
                        }
                    })
                    .response
                    .on_hover_text(t("deck-programme-kind"));
                ui.label(t("deck-programme-title"));
                ui.add(egui::TextEdit::singleline(&mut item.title).desired_width(400.0));
                ui.label(t("deck-programme-minutes"));
                ui.add(egui::DragValue::new(&mut item.minutes).range(1..=MAX_PHASE_MINUTES));
                if ui.add_visible(i > 0, egui::Button::new("▲")).clicked() {
                    up = Some(i);
                }
                if ui.button("✖").clicked() {
                    remove = Some(i);
                }
            });
            ui.horizontal_top(|ui| {
                ui.add_space(NUMBER_COLUMN + ui.spacing().item_spacing.x);
                ui.label(t("deck-programme-text"));
                text_field(ui, &mut item.text, 2, WIDE_FIELD - 200.0, "");
            });
            ui.add_space(6.0);
        });
    }
    if let Some(i) = up {
        programme.swap(i - 1, i);
    }
    if let Some(i) = remove {
        programme.remove(i);
    }
    if ui.button(t("deck-programme-add")).clicked() {
        programme.push(Phase {
            kind: PhaseKind::Talk,
            title: String::new(),
            minutes: 10,
            text: String::new(),
        });
    }
    // What the deck's check says of the programme, right here.
    for (_, problem) in crate::core::deck::programme_problems(programme) {
        ui.colored_label(egui::Color32::DARK_RED, problem.describe(tr, lang));
    }
}
