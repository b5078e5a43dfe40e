//! The deck tools of the setup screen: an in-app file dialog (pure egui, so it works full screen, on a
//! beamer and with touch), and a deck editor that checks the deck as you type and saves `.deck.ron`.

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
    /// Save the deck being edited to this file (and load it when it reads back the same).
    Save(Box<Deck>, PathBuf),
    /// Stop waiting for a broken deck file: the facilitator chose another deck.
    Forget,
}

/// A folder being browsed for a deck file.
#[derive(Debug, Clone)]
pub struct FileBrowser {
    pub dir: PathBuf,
    pub error: Option<String>,
    /// The folders and deck files of `dir`, read once when the folder is opened, not on every pass.
    pub listing: Result<(Vec<PathBuf>, Vec<PathBuf>), String>,
}

impl FileBrowser {
    pub fn new(dir: PathBuf) -> Self {
        let listing = browse(&dir);
        FileBrowser {
            dir,
            error: None,
            listing,
        }
    }

    /// Opens another folder.
    pub fn go(&mut self, dir: PathBuf) {
        *self = FileBrowser::new(dir);
    }
}

/// The folders and deck files in `dir`, folders first, both sorted by name.
pub fn browse(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for e in entries.flatten() {
        let p = e.path();
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            folders.push(p);
        } else if p.to_string_lossy().ends_with(".deck.ron") {
            files.push(p);
        }
    }
    folders.sort();
    files.sort();
    Ok((folders, files))
}

/// The file dialog. Returns the file chosen, and whether the dialog stays open.
pub fn file_dialog(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    browser: &mut FileBrowser,
    places: &[(String, PathBuf)],
) -> (Option<PathBuf>, bool) {
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

/// The same dialog for choosing a folder: browse, then "use this folder". Returns the folder chosen
/// and whether the dialog stays open.
pub fn folder_dialog(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    browser: &mut FileBrowser,
) -> (Option<PathBuf>, bool) {
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
    browser: &mut FileBrowser,
    places: &[(String, PathBuf)],
    pick: Pick,
) -> (Option<PathBuf>, bool) {
    let t = |id: &str| tr.get(lang, id);
    let mut chosen = None;
    let mut open = true;
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
                    browser.go(parent.to_path_buf());
                }
                for (name, path) in places {
                    if big_button(ui, name).clicked() {
                        browser.go(path.clone());
                    }
                }
                if pick == Pick::Folder
                    && big_button(ui, egui::RichText::new(t("outcome-use-folder")).strong())
                        .clicked()
                {
                    chosen = Some(browser.dir.clone());
                }
            });
            ui.label(egui::RichText::new(browser.dir.display().to_string()).strong());
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(470.0)
                .show(ui, |ui| match browser.listing.clone() {
                    Ok((folders, files)) => {
                        for f in folders {
                            if entry_row(ui, "📁", &f) {
                                browser.go(f);
                            }
                        }
                        for f in files.into_iter().filter(|_| pick == Pick::DeckFile) {
                            if entry_row(ui, "🗋", &f) {
                                chosen = Some(f);
                            }
                        }
                    }
                    Err(e) => {
                        ui.colored_label(egui::Color32::DARK_RED, e);
                    }
                });
            ui.separator();
            if big_button(ui, t("play-cancel")).clicked() {
                open = false;
            }
        });
    if chosen.is_some() {
        open = false;
    }
    (chosen, open)
}

/// A deck being edited, with the file it will be saved to.
#[derive(Debug, Clone)]
pub struct DeckEditor {
    pub deck: Deck,
    pub file: String,
    pub saved: Option<Result<PathBuf, String>>,
    /// A file that exists and that the facilitator agreed to replace by pressing save again.
    pub overwrite: Option<PathBuf>,
}

fn opt_field(ui: &mut egui::Ui, value: &mut Option<String>, hint: &str, width: f32) {
    let mut text = value.clone().unwrap_or_default();
    if ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(width),
        )
        .changed()
    {
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
    open: &mut bool,
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
            if path.exists() && ed.overwrite.as_ref() != Some(&path) {
                // Ask first: the next press of save replaces it.
                ed.overwrite = Some(path);
                ed.saved = None;
            } else {
                ed.overwrite = None;
                ed.saved = None;
                out.push(DeckCmd::Save(Box::new(ed.deck.clone()), path));
            }
        }
        if big_button(ui, t("play-cancel")).clicked() {
            *open = false;
        }
    });
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

/// The deck editor. Returns what it asks for (use the deck) and whether it stays open.
pub fn deck_editor(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    ed: &mut DeckEditor,
    decks_dir: Option<&Path>,
) -> (Vec<DeckCmd>, bool) {
    let t = |id: &str| tr.get(lang, id);
    let mut out = Vec::new();
    let mut open = true;
    let problems = validate_deck(&ed.deck, "");
    egui::Window::new(t("deck-editor"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([1300.0, 820.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            // The file name, the checks and the save button stay in view; the rest scrolls.
            editor_footer(ui, tr, lang, ed, &problems, decks_dir, &mut out, &mut open);
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(660.0)
                .id_salt("deck editor")
                .show(ui, |ui| {
                    egui::Grid::new("deck head").num_columns(2).show(ui, |ui| {
                        ui.label(t("deck-title"));
                        ui.add(egui::TextEdit::singleline(&mut ed.deck.title).desired_width(500.0));
                        ui.end_row();
                        ui.label(t("setup-language"));
                        ui.add(
                            egui::TextEdit::singleline(&mut ed.deck.language).desired_width(80.0),
                        );
                        ui.end_row();
                        ui.label(t("deck-description"));
                        ui.add(
                            egui::TextEdit::singleline(&mut ed.deck.description)
                                .desired_width(900.0),
                        );
                        ui.end_row();
                    });
                    ui.separator();
                    ui.label(egui::RichText::new(t("deck-scale")).strong());
                    ui.horizontal_wrapped(|ui| {
                        let n = ed.deck.scale.squares.len();
                        let mut remove = None;
                        for (i, sq) in ed.deck.scale.squares.iter_mut().enumerate() {
                            ui.group(|ui| {
                                ui.vertical(|ui| {
                                    ui.add(
                                        egui::TextEdit::singleline(&mut sq.label)
                                            .desired_width(140.0),
                                    );
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
                        }
                        if let Some(i) = remove {
                            ed.deck.scale.squares.remove(i);
                        }
                        if n < crate::core::deck::MAX_SQUARES && big_button(ui, "+").clicked() {
                            let points = ed.deck.scale.squares.last().map_or(1, |s| s.points + 1);
                            ed.deck.scale.squares.push(Square {
                                label: String::new(),
                                points,
                            });
                        }
                    });
                    ui.horizontal(|ui| {
                        ui.label(t("deck-threshold"));
                        let mut v = ed.deck.scale.green_when.threshold();
                        if ui
                            .add(
                                egui::DragValue::new(&mut v)
                                    .speed(0.1)
                                    .range(-100.0..=100.0),
                            )
                            .changed()
                        {
                            ed.deck.scale.green_when = match ed.deck.scale.green_when {
                                StackRule::MeanAtLeast(_) => StackRule::MeanAtLeast(v),
                                StackRule::MedianAtLeast(_) => StackRule::MedianAtLeast(v),
                            };
                        }
                        let median =
                            matches!(ed.deck.scale.green_when, StackRule::MedianAtLeast(_));
                        if ui.radio(!median, t("deck-mean")).clicked() {
                            ed.deck.scale.green_when = StackRule::MeanAtLeast(v);
                        }
                        if ui.radio(median, t("deck-median")).clicked() {
                            ed.deck.scale.green_when = StackRule::MedianAtLeast(v);
                        }
                    });
                    ui.separator();
                    ui.label(
                        egui::RichText::new(tr.count(
                            lang,
                            "setup-deck-statements",
                            ed.deck.statements.len(),
                        ))
                        .strong(),
                    );
                    egui::ScrollArea::vertical()
                        .max_height(330.0)
                        .id_salt("statements")
                        .show(ui, |ui| {
                            let mut action: Option<(usize, i32)> = None;
                            let count = ed.deck.statements.len();
                            for (i, st) in ed.deck.statements.iter_mut().enumerate() {
                                ui.horizontal(|ui| {
                                    ui.label(format!("{}.", i + 1));
                                    ui.add(
                                        egui::TextEdit::singleline(&mut st.id)
                                            .desired_width(130.0)
                                            .hint_text("id"),
                                    );
                                    ui.add(
                                        egui::TextEdit::singleline(&mut st.text)
                                            .desired_width(520.0)
                                            .hint_text(t("deck-text")),
                                    );
                                    opt_field(ui, &mut st.theme, &t("deck-theme"), 150.0);
                                    opt_field(ui, &mut st.prompt, &t("deck-prompt"), 220.0);
                                    if i > 0 && ui.button("▲").clicked() {
                                        action = Some((i, -1));
                                    }
                                    if i + 1 < count && ui.button("▼").clicked() {
                                        action = Some((i, 1));
                                    }
                                    if count > 1 && ui.button("✖").clicked() {
                                        action = Some((i, 0));
                                    }
                                });
                            }
                            match action {
                                Some((i, 0)) => {
                                    ed.deck.statements.remove(i);
                                }
                                Some((i, d)) => ed.deck.statements.swap(i, (i as i32 + d) as usize),
                                None => {}
                            }
                        });
                    if big_button(ui, t("deck-add-statement")).clicked() {
                        let n = ed.deck.statements.len() + 1;
                        let mut id = format!("stelling-{n}");
                        let mut k = n;
                        while ed.deck.statements.iter().any(|s| s.id == id) {
                            k += 1;
                            id = format!("stelling-{k}");
                        }
                        ed.deck.statements.push(Statement {
                            id,
                            text: String::new(),
                            theme: None,
                            prompt: None,
                        });
                    }
                    ui.separator();
                    ui.label(egui::RichText::new(t("case-prompts")).strong());
                    let mut remove = None;
                    for (i, p) in ed.deck.case_prompts.iter_mut().enumerate() {
                        ui.horizontal(|ui| {
                            ui.add(egui::TextEdit::singleline(p).desired_width(900.0));
                            if ui.button("✖").clicked() {
                                remove = Some(i);
                            }
                        });
                    }
                    if let Some(i) = remove {
                        ed.deck.case_prompts.remove(i);
                    }
                    if ui.button(t("deck-add-prompt")).clicked() {
                        ed.deck.case_prompts.push(String::new());
                    }
                    ui.separator();
                    agenda_editor(ui, tr, lang, &mut ed.deck.agenda);
                });
        });
    (out, open)
}

/// The programme of a deck, phase by phase: its kind, name, minutes and the text on the screen; a
/// phase can be moved up, removed, or added. Mistakes show in the deck's check like any other field.
fn agenda_editor(
    ui: &mut egui::Ui,
    tr: &Texts,
    lang: Lang,
    agenda: &mut Vec<crate::core::deck::AgendaItem>,
) {
    use crate::core::deck::{AgendaItem, AgendaKind, MAX_AGENDA_MINUTES};
    let t = |id: &str| tr.get(lang, id);
    ui.label(egui::RichText::new(t("deck-agenda")).strong());
    let kinds = [
        AgendaKind::Talk,
        AgendaKind::WarmUp,
        AgendaKind::LearningQuestion,
        AgendaKind::Game,
        AgendaKind::Plenary,
        AgendaKind::Closing,
    ];
    let (mut remove, mut up) = (None, None);
    for (i, item) in agenda.iter_mut().enumerate() {
        ui.push_id(("agenda", i), |ui| {
            ui.horizontal(|ui| {
                ui.label(format!("{}.", i + 1));
                egui::ComboBox::from_id_salt("kind")
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
                    .on_hover_text(t("deck-agenda-kind"));
                ui.label(t("deck-agenda-title"));
                ui.add(egui::TextEdit::singleline(&mut item.title).desired_width(260.0));
                ui.label(t("deck-agenda-minutes"));
                ui.add(egui::DragValue::new(&mut item.minutes).range(1..=MAX_AGENDA_MINUTES));
                if i > 0 && ui.button("▲").clicked() {
                    up = Some(i);
                }
                if ui.button("✖").clicked() {
                    remove = Some(i);
                }
            });
            ui.horizontal(|ui| {
                ui.label(t("deck-agenda-text"));
                ui.add(egui::TextEdit::singleline(&mut item.text).desired_width(760.0));
            });
        });
    }
    if let Some(i) = up {
        agenda.swap(i - 1, i);
    }
    if let Some(i) = remove {
        agenda.remove(i);
    }
    if ui.button(t("deck-agenda-add")).clicked() {
        agenda.push(AgendaItem {
            kind: AgendaKind::Talk,
            title: String::new(),
            minutes: 10,
            text: String::new(),
        });
    }
    // What the deck's check says of the programme, right here.
    for (_, problem) in crate::core::deck::agenda_problems(agenda) {
        ui.colored_label(egui::Color32::DARK_RED, problem.describe(tr, lang));
    }
}
