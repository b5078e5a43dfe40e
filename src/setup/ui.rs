//! The setup screen: choose a deck, name the group, add, rename, recolour and remove players, choose the
//! order of play, the placement mode and the language, then start.

use crate::app::Screen;
use crate::core::deck::{BUILTIN_DECKS, builtin_deck};
use crate::core::deck::{Deck, DeckError};
use crate::core::i18n::Texts;
use crate::core::session::{
    Action, Lang, MAX_NAME_CHARS, MAX_PLAYERS, Order, PALETTE_SIZE, PlacementMode, PlayerId,
    Session,
};
use crate::decks::ui::{DeckCmd, DeckEditor, FileBrowser};
use crate::decks::{DeckFolder, DeckSource, DeckTrouble, LoadDeck};
use crate::panels::widgets::{bar_frame, big_button, mark, pawn_swatch};
use crate::panels::{Forms, PanelSet, send};
use crate::persist::{PastSessions, StoreMsg};
use crate::session::ActiveGame;
use crate::session::GameMsg;
use crate::table::board::Tr;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Names being typed on the setup screen.
#[derive(Default)]
pub struct SetupForm {
    pub new_player: String,
    pub group: Option<String>,
    pub names: HashMap<PlayerId, String>,
    pub recolouring: Option<PlayerId>,
    /// The past session whose deletion waits for a yes.
    pub confirm_delete: Option<std::path::PathBuf>,
    /// The past session being renamed, and the new name.
    pub renaming: Option<(std::path::PathBuf, String)>,
    /// The open file dialog, if any.
    pub browser: Option<FileBrowser>,
    /// The open deck editor, if any.
    pub editor: Option<DeckEditor>,
    /// Past sessions ticked for an overview.
    pub ticked: std::collections::BTreeSet<PathBuf>,
    /// The high-contrast palette (also F2).
    pub high_contrast: bool,
}

/// What the setup screen shows about decks beyond the built-in ones.
#[derive(Default)]
pub struct DeckPanel<'a> {
    pub folder: &'a [(PathBuf, Result<Deck, DeckError>)],
    pub folder_dir: Option<&'a Path>,
    pub trouble: Option<&'a DeckError>,
    pub source: Option<&'a Path>,
    /// The deck file the game was started with, still broken: the game waits for it.
    pub pending: Option<&'a Path>,
}

/// Draws the setup screen and returns what the facilitator asked for; requests about past session
/// files go to `files`.
#[allow(clippy::too_many_arguments)]
pub fn setup_panel(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    form: &mut SetupForm,
    past: &PastSessions,
    files: &mut Vec<StoreMsg>,
    decks: &DeckPanel,
    deck_out: &mut Vec<DeckCmd>,
) -> Vec<GameMsg> {
    let mut out = Vec::new();
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    egui::Window::new(t("screen-setup"))
        .title_bar(false)
        .resizable(false)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .fixed_size([1560.0, 980.0])
        .frame(bar_frame(ctx))
        .show(ctx, |ui| {
            // The facilitator reads this from a step back: larger than egui's panels elsewhere.
            {
                use egui::{FontFamily, FontId, TextStyle};
                let st = ui.style_mut();
                st.text_styles
                    .insert(TextStyle::Body, FontId::new(24.0, FontFamily::Proportional));
                st.text_styles.insert(
                    TextStyle::Button,
                    FontId::new(24.0, FontFamily::Proportional),
                );
                st.text_styles.insert(
                    TextStyle::Small,
                    FontId::new(20.0, FontFamily::Proportional),
                );
            }
            ui.horizontal(|ui| {
                ui.heading(t("app-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for (l, name, key) in [
                        (Lang::En, "English", "setup-lang-en"),
                        (Lang::Nl, "Nederlands", "setup-lang-nl"),
                    ] {
                        if mark(key, ui.selectable_label(lang == l, name)).clicked() && lang != l {
                            out.push(GameMsg::Do(Action::SetLanguage(l)));
                        }
                    }
                    ui.label(t("setup-language"));
                    ui.separator();
                    mark(
                        "setup-high-contrast",
                        ui.checkbox(&mut form.high_contrast, t("setup-high-contrast")),
                    );
                });
            });
            ui.separator();
            // Everything between the title and the start button scrolls, so the button stays in
            // the window whatever a banner or a deck error adds.
            egui::ScrollArea::vertical()
                .id_salt("setup body")
                .max_height(ui.available_height() - 84.0)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(stuck) = &past.stuck {
                        stuck_session(ui, s, tr, stuck, files);
                        ui.separator();
                    }
                    if let Some(offer) = &past.offer {
                        resume_offer(ui, s, tr, offer, files);
                        ui.separator();
                    }
                    // Left-aligned columns: egui's columns justify wrapped text, which spreads a
                    // short last line over the whole width.
                    let left = egui::Layout::top_down(egui::Align::Min);
                    ui.columns(2, |cols| {
                        cols[0].with_layout(left, |ui| {
                            deck_column(ui, s, tr, &mut out, decks, deck_out);
                            ui.add_space(12.0);
                            past_sessions(ui, s, tr, form, past, files);
                        });
                        cols[1].with_layout(left, |ui| {
                            players_column(ui, s, tr, form, &mut out);
                        });
                    });
                });
            ui.separator();
            ui.horizontal(|ui| {
                // A broken deck the game was started with is waited for, not swapped for another.
                let can_start = !s.players.is_empty() && decks.pending.is_none();
                let start = ui.add_enabled(
                    can_start,
                    egui::Button::new(egui::RichText::new(t("setup-start")).heading())
                        .min_size(egui::vec2(260.0, 60.0)),
                );
                if mark("setup-start", start).clicked() {
                    out.push(GameMsg::Do(Action::StartPlay));
                }
                if decks.pending.is_some() {
                    ui.label(t("setup-need-deck"));
                } else if !can_start {
                    ui.label(t("setup-need-player"));
                }
            });
        });
    out
}

fn deck_column(
    ui: &mut egui::Ui,
    s: &Session,
    tr: &Texts,
    out: &mut Vec<GameMsg>,
    decks: &DeckPanel,
    deck_out: &mut Vec<DeckCmd>,
) {
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    ui.label(egui::RichText::new(t("setup-deck")).strong());
    for b in BUILTIN_DECKS {
        let Some(deck) = builtin_deck(b.key) else {
            continue;
        };
        let chosen = decks.pending.is_none()
            && decks.source.is_none()
            && deck.title == s.deck.title
            && deck.statements.len() == s.deck.statements.len();
        let label = format!(
            "{}  ({}, {})",
            deck.title,
            tr.count(lang, "setup-deck-statements", deck.statements.len()),
            deck.language
        );
        if mark(b.key, ui.radio(chosen, label)).clicked() && !chosen {
            if decks.pending.is_some() {
                deck_out.push(DeckCmd::Forget);
            }
            out.push(GameMsg::Do(Action::SetDeck(deck)));
        }
    }
    // The facilitator's own deck from a file outside the decks folder, by its name, chosen.
    if let Some(path) = decks.source
        && !decks.folder.iter().any(|(p, _)| p.as_path() == path)
    {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let label = match decks.pending {
            Some(_) => format!("{name}  ({})", t("deck-waiting")),
            None => format!(
                "{}  ({}, {name})",
                s.deck.title,
                tr.count(lang, "setup-deck-statements", s.deck.statements.len())
            ),
        };
        mark("own-deck", ui.radio(true, label));
    }
    for (path, deck) in decks.folder {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match deck {
            Ok(d) => {
                let chosen = decks.source == Some(path.as_path()) || *d == s.deck;
                let label = format!(
                    "{}  ({}, {})",
                    d.title,
                    tr.count(lang, "setup-deck-statements", d.statements.len()),
                    name
                );
                if ui.radio(chosen, label).clicked() && !chosen {
                    deck_out.push(DeckCmd::Load(path.clone()));
                }
            }
            Err(e) => {
                ui.colored_label(
                    egui::Color32::DARK_RED,
                    format!(
                        "✖ {name}: {}",
                        e.problems.first().map_or(String::new(), |p| format!(
                            "{}:{}: {}",
                            p.at.line,
                            p.at.col,
                            p.describe(tr, lang)
                        ))
                    ),
                );
            }
        }
    }
    if let Some(path) = decks.source {
        ui.label(
            egui::RichText::new(tr.format(
                lang,
                "deck-from-file",
                &[("file", path.display().to_string().into())],
            ))
            .small(),
        );
    }
    ui.horizontal_wrapped(|ui| {
        if big_button(ui, t("deck-open")).clicked() {
            deck_out.push(DeckCmd::OpenDialog);
        }
        if big_button(ui, t("deck-edit-copy")).clicked() {
            deck_out.push(DeckCmd::Edit(s.deck.clone()));
        }
        if big_button(ui, t("deck-new")).clicked() {
            deck_out.push(DeckCmd::Edit(crate::core::deck::blank_deck(lang)));
        }
    });
    if let Some(e) = decks.trouble {
        egui::Frame::new()
            .fill(egui::Color32::from_rgb(0xFB, 0xE3, 0xE4))
            .corner_radius(6.0)
            .inner_margin(egui::Margin::same(8))
            .show(ui, |ui| {
                ui.label(
                    egui::RichText::new(t("deck-problem"))
                        .strong()
                        .color(egui::Color32::from_rgb(0x8E, 0x1B, 0x22)),
                );
                for p in e.problems.iter().take(5) {
                    ui.label(format!(
                        "{}:{}:{}: {}",
                        e.file,
                        p.at.line,
                        p.at.col,
                        p.describe(tr, lang)
                    ));
                }
            });
    }
    ui.add_space(4.0);
    ui.label(egui::RichText::new(&s.deck.description).small());
    ui.add_space(12.0);
    ui.label(egui::RichText::new(t("setup-order")).strong());
    ui.horizontal(|ui| {
        if mark(
            "setup-order-deck",
            ui.radio(s.order == Order::DeckOrder, t("setup-order-deck")),
        )
        .clicked()
            && s.order != Order::DeckOrder
        {
            out.push(GameMsg::Do(Action::SetOrder(Order::DeckOrder)));
        }
        let shuffled = matches!(s.order, Order::Shuffled { .. });
        if mark(
            "setup-order-shuffled",
            ui.radio(shuffled, t("setup-order-shuffled")),
        )
        .clicked()
            && !shuffled
        {
            out.push(GameMsg::Do(Action::SetOrder(Order::Shuffled {
                seed: rand::random(),
            })));
        }
    });
    ui.add_space(12.0);
    ui.label(egui::RichText::new(t("setup-mode")).strong());
    for (mode, key) in [
        (PlacementMode::Open, "setup-mode-open"),
        (PlacementMode::Covered, "setup-mode-covered"),
    ] {
        if mark(key, ui.radio(s.mode == mode, t(key))).clicked() && s.mode != mode {
            out.push(GameMsg::Do(Action::SetMode(mode)));
        }
    }
    // The deck's programme around the game: followed, or only the game.
    if !s.deck.agenda.is_empty() {
        ui.add_space(12.0);
        let minutes: u32 = s.deck.agenda.iter().map(|a| a.minutes).sum();
        let mut follow = s.programme;
        let label = tr.format(
            lang,
            "setup-programme",
            &[
                ("phases", s.deck.agenda.len().into()),
                ("minutes", minutes.into()),
            ],
        );
        if mark("setup-programme", ui.checkbox(&mut follow, label)).changed() {
            out.push(GameMsg::Do(Action::FollowProgramme(follow)));
        }
        let names: Vec<&str> = s.deck.agenda.iter().map(|a| a.title.as_str()).collect();
        ui.label(egui::RichText::new(names.join(" → ")).weak());
    }
}

/// Names of the players' swatches in the screen map, in player order.
const PLAYER_KEYS: [&str; 12] = [
    "player-1",
    "player-2",
    "player-3",
    "player-4",
    "player-5",
    "player-6",
    "player-7",
    "player-8",
    "player-9",
    "player-10",
    "player-11",
    "player-12",
];

fn players_column(
    ui: &mut egui::Ui,
    s: &Session,
    tr: &Texts,
    form: &mut SetupForm,
    out: &mut Vec<GameMsg>,
) {
    let lang = s.language;
    let t = |id: &str| tr.get(lang, id);
    ui.label(egui::RichText::new(t("setup-group")).strong());
    let group = form.group.get_or_insert_with(|| s.group.clone());
    let r = mark(
        "setup-group",
        ui.add(
            egui::TextEdit::singleline(group)
                .char_limit(MAX_NAME_CHARS * 2)
                .desired_width(420.0),
        ),
    );
    if r.lost_focus() && *group != s.group {
        out.push(GameMsg::Do(Action::SetGroup(group.clone())));
    } else if !r.has_focus() && *group != s.group {
        // Changed elsewhere (undo, a resumed session): show the session's name.
        group.clone_from(&s.group);
    }
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(format!(
            "{} · {}",
            t("setup-players"),
            tr.count(lang, "setup-player-count", s.players.len())
        ))
        .strong(),
    );
    egui::ScrollArea::vertical()
        .max_height(470.0)
        .show(ui, |ui| {
            for p in &s.players {
                ui.horizontal(|ui| {
                    let open = form.recolouring == Some(p.id);
                    let swatch = pawn_swatch(ui, p.colour, &p.initials(), open);
                    let index = s.players.iter().position(|q| q.id == p.id).unwrap_or(0);
                    let swatch = match PLAYER_KEYS.get(index) {
                        Some(key) => mark(key, swatch),
                        None => swatch,
                    };
                    if swatch.on_hover_text(t("setup-colour")).clicked() {
                        form.recolouring = if open { None } else { Some(p.id) };
                    }
                    let name = form.names.entry(p.id).or_insert_with(|| p.name.clone());
                    let r = ui.add(
                        egui::TextEdit::singleline(name)
                            .char_limit(MAX_NAME_CHARS)
                            .desired_width(300.0),
                    );
                    if r.lost_focus() && name.trim() != p.name {
                        out.push(GameMsg::Do(Action::RenamePlayer {
                            player: p.id,
                            name: name.clone(),
                        }));
                    }
                    if !r.has_focus() && *name != p.name && !r.lost_focus() {
                        name.clone_from(&p.name);
                    }
                    if big_button(ui, t("setup-remove")).clicked() {
                        out.push(GameMsg::Do(Action::RemovePlayer { player: p.id }));
                        form.names.remove(&p.id);
                    }
                });
                if form.recolouring == Some(p.id) {
                    ui.horizontal_wrapped(|ui| {
                        for c in 0..PALETTE_SIZE {
                            if pawn_swatch(ui, c, &p.initials(), c == p.colour).clicked() {
                                out.push(GameMsg::Do(Action::RecolourPlayer {
                                    player: p.id,
                                    colour: c,
                                }));
                                form.recolouring = None;
                            }
                        }
                    });
                }
            }
        });
    if s.players.len() < MAX_PLAYERS {
        ui.horizontal(|ui| {
            let r = mark(
                "setup-new-player",
                ui.add(
                    egui::TextEdit::singleline(&mut form.new_player)
                        .char_limit(MAX_NAME_CHARS)
                        .hint_text(t("setup-new-player-hint"))
                        .desired_width(300.0),
                ),
            );
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (mark("setup-add-player", big_button(ui, t("setup-add-player"))).clicked() || enter)
                && !form.new_player.trim().is_empty()
            {
                let add = Action::AddPlayer {
                    name: form.new_player.trim().to_string(),
                    colour: None,
                };
                // A refused name (taken, too long) stays in the field to fix.
                if s.accepts(&add).is_ok() {
                    form.new_player.clear();
                }
                out.push(GameMsg::Do(add));
                r.request_focus();
            }
        });
    }
}

fn progress_text(tr: &Texts, lang: Lang, l: &crate::core::store::Listing) -> String {
    let screen = match l.phase {
        _ if l.finished => "past-finished",
        crate::core::session::Phase::Setup => "screen-setup",
        crate::core::session::Phase::Play => "past-in-play",
        crate::core::session::Phase::Plenary => "past-in-plenary",
        crate::core::session::Phase::Outcome => "past-at-outcome",
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

fn resume_offer(
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
fn stuck_session(
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

fn past_sessions(
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
pub fn overview_window(
    ctx: &egui::Context,
    tr: &Texts,
    lang: Lang,
    view: &crate::persist::OverviewView,
    files: &mut Vec<StoreMsg>,
) {
    if view.overview.is_none() && view.problems.is_empty() {
        return;
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
}

/// The setup panel, drawn on the setup screen.
pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        setup_ui
            .run_if(in_state(Screen::Setup))
            .in_set(PanelSet::Screen),
    );
}

/// The deck resources the setup screen shows.
#[derive(bevy::ecs::system::SystemParam)]
pub struct DeckState<'w> {
    folder: Option<Res<'w, DeckFolder>>,
    trouble: Option<Res<'w, DeckTrouble>>,
    source: Option<ResMut<'w, DeckSource>>,
    load: MessageWriter<'w, LoadDeck>,
    save: MessageWriter<'w, crate::decks::SaveDeck>,
    saved: Res<'w, crate::decks::DeckSaved>,
    draft: ResMut<'w, crate::decks::DeckDraft>,
}

#[allow(clippy::too_many_arguments)]
fn setup_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut forms: ResMut<Forms>,
    past: Option<Res<PastSessions>>,
    overview: Option<Res<crate::persist::OverviewView>>,
    mut palette: ResMut<crate::theme::Palette>,
    mut decks: DeckState,
    mut writer: MessageWriter<GameMsg>,
    mut file_writer: MessageWriter<StoreMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let empty = PastSessions::default();
    let past = past.as_deref().unwrap_or(&empty);
    let folder_dir = decks.folder.as_ref().and_then(|f| f.dir.clone());
    let panel = DeckPanel {
        folder: decks
            .folder
            .as_ref()
            .map_or(&[][..], |f| f.decks.as_slice()),
        folder_dir: folder_dir.as_deref(),
        trouble: decks.trouble.as_ref().and_then(|t| t.0.as_ref()),
        source: decks.source.as_ref().and_then(|s| s.path.as_deref()),
        pending: decks
            .source
            .as_ref()
            .filter(|s| s.deck.is_none())
            .and_then(|s| s.path.as_deref()),
    };
    let mut files = Vec::new();
    let mut deck_cmds = Vec::new();
    let lang = game.session().language;
    forms.setup.high_contrast = palette.high_contrast;
    let out = setup_panel(
        ctx,
        game.session(),
        &tr.0,
        &mut forms.setup,
        past,
        &mut files,
        &panel,
        &mut deck_cmds,
    );
    if let Some(view) = overview.as_deref() {
        overview_window(ctx, &tr.0, lang, view, &mut files);
    }
    // The dialog and the editor, over the setup screen.
    if let Some(browser) = forms.setup.browser.as_mut() {
        let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
        let mut places: Vec<(String, std::path::PathBuf)> = Vec::new();
        if let Some(h) = home {
            places.push((tr.0.get(lang, "deck-home"), h));
        }
        if let Some(d) = &folder_dir {
            places.push((tr.0.get(lang, "deck-folder"), d.clone()));
        }
        let (chosen, open) = crate::decks::ui::file_dialog(ctx, &tr.0, lang, browser, &places);
        if let Some(path) = chosen {
            deck_cmds.push(crate::decks::ui::DeckCmd::Load(path));
        }
        if !open {
            forms.setup.browser = None;
        }
    }
    // A deck being edited when the app stopped is open again, with every edit.
    if let Some((deck, file)) = decks.draft.restored.take() {
        forms.setup.editor = Some(crate::decks::ui::DeckEditor {
            // Nothing of it is saved: Cancel asks before it throws the edits away.
            original: crate::core::deck::blank_deck(game.session().language),
            deck,
            confirm_cancel: false,
            file,
            saved: None,
            overwrite: None,
        });
    }
    if let Some(editor) = forms.setup.editor.as_mut() {
        if decks.saved.is_changed() && decks.saved.0.is_some() {
            editor.saved.clone_from(&decks.saved.0);
            // Saved: what is in the file is no edit any more.
            if matches!(decks.saved.0, Some(Ok(_))) {
                editor.original = editor.deck.clone();
                editor.confirm_cancel = false;
            }
        }
        let (cmds, open) =
            crate::decks::ui::deck_editor(ctx, &tr.0, lang, editor, folder_dir.as_deref());
        deck_cmds.extend(cmds);
        if !open {
            forms.setup.editor = None;
        }
    }
    for cmd in deck_cmds {
        redraw.write(RequestRedraw);
        match cmd {
            crate::decks::ui::DeckCmd::Load(path) => {
                decks.load.write(LoadDeck(path));
            }
            crate::decks::ui::DeckCmd::Forget => {
                if let Some(source) = decks.source.as_mut() {
                    **source = DeckSource::default();
                }
            }
            crate::decks::ui::DeckCmd::Save(deck, path) => {
                decks.save.write(crate::decks::SaveDeck(deck, path));
            }
            crate::decks::ui::DeckCmd::OpenDialog => {
                let start = folder_dir
                    .clone()
                    .filter(|d| d.is_dir())
                    .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
                    .unwrap_or_else(|| std::path::PathBuf::from("/"));
                forms.setup.browser = Some(crate::decks::ui::FileBrowser::new(start));
            }
            crate::decks::ui::DeckCmd::Edit(deck) => {
                let file = crate::core::deck::free_file_name(&deck.title, folder_dir.as_deref());
                forms.setup.editor = Some(crate::decks::ui::DeckEditor {
                    original: deck.clone(),
                    deck,
                    confirm_cancel: false,
                    file,
                    saved: None,
                    overwrite: None,
                });
            }
        }
    }
    // The edited deck is a draft, kept in a file until it is saved or thrown away.
    let edited = forms
        .setup
        .editor
        .as_ref()
        .filter(|e| e.deck != e.original)
        .map(|e| (e.deck.clone(), e.file.clone()));
    if decks.draft.editing != edited {
        decks.draft.update(edited);
    }
    if forms.setup.high_contrast != palette.high_contrast {
        *palette = if forms.setup.high_contrast {
            crate::theme::Palette::HIGH_CONTRAST
        } else {
            crate::theme::Palette::NORMAL
        };
        redraw.write(RequestRedraw);
    }
    if !files.is_empty() {
        file_writer.write_batch(files);
        redraw.write(RequestRedraw);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}
