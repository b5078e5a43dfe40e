//! The setup screen: choose a deck, name the group, add, rename, recolour and remove players, choose the
//! order of play, the placement mode and the language, then start. A panel: the session and the
//! files it shows come in as a [`SetupView`], what the facilitator asks for goes out as
//! [`SetupIntent`]s; it reads and writes no files.

use crate::core::deck::{BUILTIN_DECKS, builtin_deck};
use crate::core::deck::{Deck, DeckError};
use crate::core::i18n::Texts;
use crate::core::session::{
    Action, Lang, MAX_NAME_CHARS, MAX_PLAYERS, Order, PALETTE_SIZE, PlacementMode, PlayerId,
    Session,
};
use crate::decks::ui::{DeckCmd, DeckEditor, FileBrowser};
use crate::game::GameMsg;
use crate::panels::widgets::{bar_frame, big_button, mark, pawn_swatch};
use crate::persist::{PastSessions, StoreMsg};
use bevy_egui::egui;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Names being typed on the setup screen.
#[derive(bevy::prelude::Resource, Default)]
pub struct SetupForm {
    pub(crate) new_player: String,
    pub(crate) group: Option<String>,
    pub names: HashMap<PlayerId, String>,
    pub(crate) recolouring: Option<PlayerId>,
    /// The past session whose deletion waits for a yes.
    pub(crate) confirm_delete: Option<std::path::PathBuf>,
    /// The past session being renamed, and the new name.
    pub(crate) renaming: Option<(std::path::PathBuf, String)>,
    /// The open file dialog, if any.
    pub(crate) browser: Option<FileBrowser>,
    /// The open deck editor, if any.
    pub(crate) editor: Option<DeckEditor>,
    /// Past sessions ticked for an overview.
    pub(crate) ticked: std::collections::BTreeSet<PathBuf>,
}

/// What the setup screen shows about decks beyond the built-in ones.
#[derive(Default)]
pub struct DeckPanel<'a> {
    pub(crate) folder: &'a [(PathBuf, Result<Deck, DeckError>)],
    pub(crate) trouble: Option<&'a DeckError>,
    pub(crate) source: Option<&'a Path>,
    /// The deck file the game was started with, still broken: the game waits for it.
    pub(crate) pending: Option<&'a Path>,
}

/// What the setup screen shows: the session, the past sessions, the decks and the palette.
pub struct SetupView<'a> {
    pub session: &'a Session,
    pub tr: &'a Texts,
    pub past: &'a PastSessions,
    pub decks: &'a DeckPanel<'a>,
    /// Whether the high-contrast palette is on (also F2).
    pub high_contrast: bool,
}

/// What the facilitator asks for on the setup screen.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupIntent {
    /// A change to the session.
    Game(GameMsg),
    /// Something to do with the past session files.
    Files(StoreMsg),
    /// Something to do with decks (open, edit, save).
    Deck(DeckCmd),
    /// The high-contrast palette on or off.
    HighContrast(bool),
}

/// Draws the setup screen and returns what the facilitator asked for. `form` holds what is being
/// typed there.
pub fn setup_panel(
    ctx: &egui::Context,
    view: &SetupView,
    form: &mut SetupForm,
) -> Vec<SetupIntent> {
    let (s, tr, past, decks) = (view.session, view.tr, view.past, view.decks);
    let mut files = Vec::new();
    let mut deck_out = Vec::new();
    let mut high_contrast = view.high_contrast;
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
                        ui.checkbox(&mut high_contrast, t("setup-high-contrast")),
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
                        super::past::stuck_session(ui, s, tr, stuck, &mut files);
                        ui.separator();
                    }
                    if let Some(offer) = &past.offer {
                        super::past::resume_offer(ui, s, tr, offer, &mut files);
                        ui.separator();
                    }
                    // Left-aligned columns: egui's columns justify wrapped text, which spreads a
                    // short last line over the whole width.
                    let left = egui::Layout::top_down(egui::Align::Min);
                    ui.columns(2, |cols| {
                        cols[0].with_layout(left, |ui| {
                            deck_column(ui, s, tr, &mut out, decks, &mut deck_out);
                            ui.add_space(12.0);
                            super::past::past_sessions(ui, s, tr, form, past, &mut files);
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
    let contrast =
        (high_contrast != view.high_contrast).then_some(SetupIntent::HighContrast(high_contrast));
    out.into_iter()
        .map(SetupIntent::Game)
        .chain(files.into_iter().map(SetupIntent::Files))
        .chain(deck_out.into_iter().map(SetupIntent::Deck))
        .chain(contrast)
        .collect()
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
    if !s.deck.programme.is_empty() {
        ui.add_space(12.0);
        let minutes: u32 = s.deck.programme.iter().map(|a| a.minutes).sum();
        let mut follow = s.follows_programme;
        let label = tr.format(
            lang,
            "setup-programme",
            &[
                ("phases", s.deck.programme.len().into()),
                ("minutes", minutes.into()),
            ],
        );
        if mark("setup-programme", ui.checkbox(&mut follow, label)).changed() {
            out.push(GameMsg::Do(Action::FollowProgramme(follow)));
        }
        let names: Vec<&str> = s.deck.programme.iter().map(|a| a.title.as_str()).collect();
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
    if let Some(last) = &s.follows {
        let date = last
            .started_at
            .split_whitespace()
            .next()
            .unwrap_or_default();
        mark(
            "setup-follow-up-of",
            ui.label(
                egui::RichText::new(tr.format(
                    lang,
                    "setup-follow-up-of",
                    &[("group", last.group.as_str().into()), ("date", date.into())],
                ))
                .strong(),
            ),
        );
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
