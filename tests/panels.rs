//! The egui panels as plain functions, without Bevy: they draw every screen and return the right
//! messages; and the fix that lets an idle app stop redrawing.

use bevy::prelude::*;
use bevy_egui::{EguiInput, egui};
use leerklimaat::core::i18n::Texts;
use leerklimaat::core::session::{Action, Game, Lang, Session};
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use leerklimaat::game::{CardClock, GameMsg};
use leerklimaat::{outcome, panels, setup, table};

/// An egui context driven pass by pass, as the game drives it: it remembers where the last pass drew
/// its marked widgets and its texts, so a test can check what a panel shows and click on it.
struct Panel {
    ctx: egui::Context,
    marks: std::collections::HashMap<&'static str, egui::Rect>,
    texts: Vec<(String, egui::Rect)>,
}

/// Every text a pass drew, with where it was drawn.
fn texts_of(shapes: &[egui::epaint::ClippedShape]) -> Vec<(String, egui::Rect)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(t) => out.push((
                t.galley.text().to_string(),
                t.galley.rect.translate(t.pos.to_vec2()),
            )),
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for s in shapes {
        walk(&s.shape, &mut out);
    }
    out
}

impl Panel {
    fn new() -> Panel {
        Panel {
            ctx: egui::Context::default(),
            marks: Default::default(),
            texts: Vec::new(),
        }
    }

    /// One pass with these events; returns what the panel returned in it.
    fn pass<T>(&mut self, events: Vec<egui::Event>, f: &mut impl FnMut(&egui::Context) -> T) -> T {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1920.0, 1080.0),
            )),
            events,
            ..Default::default()
        };
        let mut out = None;
        let mut output = self.ctx.run_ui(input, |ui| out = Some(f(ui.ctx())));
        output.textures_delta.clear();
        self.texts = texts_of(&output.shapes);
        self.marks = panels::widgets::take_marks(&self.ctx)
            .into_iter()
            .map(|(k, [x0, y0, x1, y1])| {
                (
                    k,
                    egui::Rect::from_min_max([x0, y0].into(), [x1, y1].into()),
                )
            })
            .collect();
        out.expect("the panel ran")
    }

    /// Two passes without input (windows size themselves in a first, invisible pass); returns the
    /// second's output.
    fn settle<T>(&mut self, f: &mut impl FnMut(&egui::Context) -> T) -> T {
        self.pass(Vec::new(), f);
        self.pass(Vec::new(), f)
    }

    /// Whether the last pass drew a text that holds `what`.
    fn shows(&self, what: &str) -> bool {
        self.texts.iter().any(|(t, _)| t.contains(what))
    }

    fn assert_shows(&self, what: &str) {
        assert!(
            self.shows(what),
            "{what:?} is not shown; the texts: {:?}",
            self.texts.iter().map(|(t, _)| t).collect::<Vec<_>>()
        );
    }

    /// Presses and lets go at a point; returns what the panel returned in both passes.
    fn click_at<T>(&mut self, at: egui::Pos2, f: &mut impl FnMut(&egui::Context) -> T) -> Vec<T> {
        let button = |pressed| egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        let first = self.pass(vec![egui::Event::PointerMoved(at), button(true)], f);
        let second = self.pass(vec![button(false)], f);
        vec![first, second]
    }

    /// Clicks a marked widget.
    fn click<T>(&mut self, key: &str, f: &mut impl FnMut(&egui::Context) -> T) -> Vec<T> {
        let at = self
            .marks
            .get(key)
            .unwrap_or_else(|| panic!("the widget {key} is drawn"))
            .center();
        self.click_at(at, f)
    }

    /// Clicks the text `label` (a button's caption).
    fn click_text<T>(&mut self, label: &str, f: &mut impl FnMut(&egui::Context) -> T) -> Vec<T> {
        let at = self
            .texts
            .iter()
            .find(|(t, _)| t == label)
            .unwrap_or_else(|| panic!("{label:?} is shown"))
            .1
            .center();
        self.click_at(at, f)
    }
}

/// What the setup panel returned in one pass: for the session, for the session files, for the decks.
type SetupOut = (
    Vec<GameMsg>,
    Vec<leerklimaat::persist::StoreMsg>,
    Vec<leerklimaat::decks::ui::DeckCmd>,
);

fn setup_pass(
    ctx: &egui::Context,
    s: &Session,
    tr: &Texts,
    form: &mut setup::ui::SetupForm,
    past: &leerklimaat::persist::PastSessions,
) -> SetupOut {
    use setup::ui::SetupIntent;
    let view = setup::ui::SetupView {
        session: s,
        tr,
        past,
        decks: &Default::default(),
        high_contrast: false,
    };
    let mut out: SetupOut = Default::default();
    for intent in setup::ui::setup_panel(ctx, &view, form) {
        match intent {
            SetupIntent::Game(m) => out.0.push(m),
            SetupIntent::Files(f) => out.1.push(f),
            SetupIntent::Deck(d) => out.2.push(d),
            SetupIntent::HighContrast(_) => panic!("nothing here turns the palette"),
        }
    }
    out
}

/// All that the passes returned, each kind on its own.
fn joined(outs: Vec<SetupOut>) -> SetupOut {
    let mut all: SetupOut = Default::default();
    for (m, f, d) in outs {
        all.0.extend(m);
        all.1.extend(f);
        all.2.extend(d);
    }
    all
}

#[test]
fn the_setup_panel_shows_the_session_and_returns_each_kind_of_request() {
    use leerklimaat::decks::ui::DeckCmd;
    use leerklimaat::persist::{PastSessions, StoreMsg};
    let tr = Texts::default();
    for lang in [Lang::Nl, Lang::En] {
        let mut game = Game::new(Session::new(
            leerklimaat::core::deck::default_deck(),
            "t".into(),
        ));
        game.apply(Action::SetLanguage(lang)).unwrap();
        game.apply(Action::SetGroup("Team Noord".into())).unwrap();
        for name in ["Anouk", "Bram"] {
            game.apply(Action::AddPlayer {
                name: name.into(),
                colour: None,
            })
            .unwrap();
        }
        let s = game.session().clone();
        let mut form = setup::ui::SetupForm::default();
        let past = PastSessions::default();
        let mut panel = Panel::new();
        let mut draw = |ctx: &egui::Context| setup_pass(ctx, &s, &tr, &mut form, &past);
        let quiet = panel.settle(&mut draw);
        assert_eq!(quiet, SetupOut::default(), "no input, no requests");
        for shown in [
            tr.get(lang, "app-title"),
            tr.get(lang, "setup-start"),
            s.deck.title.clone(),
        ] {
            panel.assert_shows(&shown);
        }
        // The players are in their name fields.
        assert_eq!(
            form.names
                .values()
                .collect::<std::collections::BTreeSet<_>>(),
            ["Anouk", "Bram"]
                .iter()
                .map(|n| n.to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .iter()
                .collect()
        );
        let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
        assert!(
            !panel.shows(&tr.get(other, "setup-start")),
            "only the session's language"
        );

        let mut draw = |ctx: &egui::Context| setup_pass(ctx, &s, &tr, &mut form, &past);
        let start = joined(panel.click("setup-start", &mut draw));
        assert_eq!(
            start,
            (vec![GameMsg::Do(Action::StartPlay)], vec![], vec![])
        );
        let open = joined(panel.click_text(&tr.get(lang, "deck-open"), &mut draw));
        assert_eq!(open, (vec![], vec![], vec![DeckCmd::OpenDialog]));
    }

    // An unfinished session is offered; continuing it is a request for the session files.
    let s = Session::new(leerklimaat::core::deck::default_deck(), "t".into());
    let offer = leerklimaat::core::store::Listing {
        path: "/saves/team-noord.session.ron".into(),
        started_at: "2026-11-30T10:00:00+01:00".into(),
        deck: "Leerklimaat".into(),
        group: "Team Zuid".into(),
        players: vec!["Dana".into(), "Eef".into(), "Fenna".into()],
        stage: leerklimaat::core::session::Stage::Play,
        progress: (2, 12),
        modified: std::time::SystemTime::UNIX_EPOCH,
        finished: false,
    };
    let past = PastSessions {
        offer: Some(offer.clone()),
        ..Default::default()
    };
    let mut form = setup::ui::SetupForm::default();
    let mut panel = Panel::new();
    let mut draw = |ctx: &egui::Context| setup_pass(ctx, &s, &tr, &mut form, &past);
    panel.settle(&mut draw);
    panel.assert_shows(&tr.get(Lang::Nl, "past-offer"));
    panel.assert_shows("Team Zuid");
    let resume = joined(panel.click_text(&tr.get(Lang::Nl, "past-continue"), &mut draw));
    assert_eq!(
        resume,
        (vec![], vec![StoreMsg::Open(offer.path.clone())], vec![])
    );
    // It can be marked finished from the offer, so it is not offered again.
    let mark = joined(panel.click_text(&tr.get(Lang::Nl, "past-mark-finished"), &mut draw));
    assert_eq!(
        mark,
        (
            vec![],
            vec![StoreMsg::MarkFinished(offer.path.clone())],
            vec![]
        )
    );

    // A session that cannot go on in its folder: what is wrong, what to do, and on from a copy.
    let past = PastSessions {
        stuck: Some(leerklimaat::persist::Stuck {
            path: offer.path.clone(),
            read_only: true,
            reason: "Permission denied (os error 13)".into(),
            copy_failed: None,
        }),
        ..Default::default()
    };
    let mut panel = Panel::new();
    let mut draw = |ctx: &egui::Context| setup_pass(ctx, &s, &tr, &mut form, &past);
    panel.settle(&mut draw);
    for shown in ["past-read-only", "past-copy-explained"] {
        panel.assert_shows(&tr.get(Lang::Nl, shown));
    }
    panel.assert_shows("Permission denied");
    let copy = joined(panel.click_text(&tr.get(Lang::Nl, "past-copy"), &mut draw));
    assert_eq!(copy, (vec![], vec![StoreMsg::OpenCopy(offer.path)], vec![]));
}

/// The play panel's requests for the session; the post-it it opens or closes in the editor goes into
/// `note`, as the world does.
fn game_msgs(
    intents: Vec<leerklimaat::table::ui::PlayIntent>,
    note: &mut Option<leerklimaat::core::session::PostItId>,
) -> Vec<GameMsg> {
    use leerklimaat::table::ui::PlayIntent;
    let mut out = Vec::new();
    for intent in intents {
        match intent {
            PlayIntent::Game(msg) => out.push(msg),
            PlayIntent::SelectPostIt(n) => *note = n,
            _ => {}
        }
    }
    out
}

fn played_game(lang: Lang) -> Game {
    let mut game: Game = simulate(SimulateSpec {
        players: 6,
        statements: 5,
        post_its: 20,
        seed: 1,
    });
    game.apply(Action::SetLanguage(lang)).unwrap();
    game
}

#[test]
fn the_play_panel_shows_its_buttons_and_returns_what_was_pressed() {
    let tr = Texts::default();
    for lang in [Lang::Nl, Lang::En] {
        let mut game = played_game(lang);
        // From the outcome back to the plenary, its last card on the board.
        game.apply(Action::Back).unwrap();
        let s = game.session().clone();
        assert_eq!(s.stage, leerklimaat::core::session::Stage::Plenary);
        let clock = CardClock::default();
        let mut selected = None;
        let focus = false;
        let mut form = table::ui::PlayForm::default();
        let mut drafts = leerklimaat::core::drafts::Drafts::default();
        let mut panel = Panel::new();
        let mut draw = |ctx: &egui::Context| {
            let view = table::ui::PlayView {
                session: &s,
                tr: &tr,
                can_undo: true,
                can_redo: false,
                timer_shown: clock.shown,
                selected_note: selected,
                focus_field: focus,
                post_it_scroll: 0,
            };
            game_msgs(
                table::ui::play_panel(ctx, &view, &mut form, &mut drafts),
                &mut selected,
            )
        };
        assert!(panel.settle(&mut draw).is_empty(), "no input, no messages");
        for key in ["play-next", "play-undo", "plenary-to-outcome"] {
            panel.assert_shows(&tr.get(lang, key));
        }
        let next: Vec<_> = panel.click("next", &mut draw).concat();
        assert_eq!(next, vec![GameMsg::Next]);
        let undo: Vec<_> = panel.click("undo", &mut draw).concat();
        assert_eq!(undo, vec![GameMsg::Undo]);
        // Redo is greyed out: nothing to redo, so a click does nothing.
        let redo: Vec<_> = panel.click("redo", &mut draw).concat();
        assert!(redo.is_empty(), "{redo:?}");
    }
}

#[test]
fn the_outcome_panel_shows_the_export_and_returns_its_intent() {
    use outcome::ui::OutcomeIntent;
    let tr = Texts::default();
    for lang in [Lang::Nl, Lang::En] {
        let game = played_game(lang);
        assert_eq!(
            game.session().stage,
            leerklimaat::core::session::Stage::Outcome
        );
        let mut form = outcome::ui::OutcomeForm {
            folder: Some("/home/anna/Leerklimaat/uitvoer".into()),
            ..Default::default()
        };
        let state = outcome::ExportState::default();
        let view = outcome::present::OutcomeView::default();
        let mut drafts = leerklimaat::core::drafts::Drafts::default();
        let mut panel = Panel::new();
        let mut draw = |ctx: &egui::Context| {
            let panel = outcome::ui::OutcomePanelView {
                game: &game,
                tr: &tr,
                pages: &view,
                exports: &state,
            };
            outcome::ui::outcome_panel(ctx, &panel, &mut form, &mut drafts)
        };
        assert!(panel.settle(&mut draw).is_empty(), "no input, no intents");
        panel.assert_shows(&tr.get(lang, "outcome-export"));
        // The beamer shows the last two folders, not the user's home folder.
        panel.assert_shows("Leerklimaat/uitvoer");
        assert!(!panel.shows("anna"), "the home folder is on the screen");
        let export: Vec<_> = panel.click("export", &mut draw).concat();
        assert!(
            matches!(
                export.as_slice(),
                [OutcomeIntent::Files(outcome::ExportMsg::Export(p))] if p == std::path::Path::new("/home/anna/Leerklimaat/uitvoer")
            ),
            "{export:?}"
        );
        // A mis-tapped ✖ on a next step is taken back on the outcome itself (a touch board has no
        // Ctrl+Z); redo is greyed out with nothing to redo.
        let undo: Vec<_> = panel.click("undo", &mut draw).concat();
        assert_eq!(undo, vec![OutcomeIntent::Game(GameMsg::Undo)]);
        let redo: Vec<_> = panel.click("redo", &mut draw).concat();
        assert!(redo.is_empty(), "{redo:?}");
    }
}

#[test]
fn repeated_modifier_events_are_dropped_and_changes_kept() {
    let mut world = World::new();
    let mods = |ctrl| egui::Modifiers {
        ctrl,
        command: ctrl,
        ..Default::default()
    };
    let entity = world.spawn(EguiInput::default()).id();
    let mut system = IntoSystem::into_system(panels::drop_repeated_modifiers);
    system.initialize(&mut world);
    let mut frame = |world: &mut World, events: Vec<egui::Event>| -> Vec<egui::Event> {
        world.get_mut::<EguiInput>(entity).unwrap().0.events = events;
        system.run((), world).unwrap();
        world.get::<EguiInput>(entity).unwrap().0.events.clone()
    };
    let key = egui::Event::Text("a".into());
    assert_eq!(
        frame(&mut world, vec![egui::Event::ModifiersChanged(mods(false))]).len(),
        1,
        "the first is kept"
    );
    assert!(
        frame(&mut world, vec![egui::Event::ModifiersChanged(mods(false))]).is_empty(),
        "a repeat is dropped"
    );
    assert_eq!(
        frame(
            &mut world,
            vec![egui::Event::ModifiersChanged(mods(false)), key.clone()]
        ),
        vec![key.clone()]
    );
    assert_eq!(
        frame(&mut world, vec![egui::Event::ModifiersChanged(mods(true))]).len(),
        1,
        "a change is kept"
    );
    assert!(frame(&mut world, vec![egui::Event::ModifiersChanged(mods(true))]).is_empty());
}

#[test]
fn every_message_exists_in_both_languages_and_is_used() {
    use leerklimaat::core::i18n::{DECK_MESSAGE_FILES, MESSAGE_FILES, message_ids};
    let mut nl_ids = Vec::new();
    // The interface's messages, then the deck problems' (`*-deck.ftl`): each pair has the same ids,
    // and no id is in both pairs (the bundle would keep only the first).
    for (files, [(_, nl), (_, en)]) in [
        ("nl.ftl", MESSAGE_FILES),
        ("nl-deck.ftl", DECK_MESSAGE_FILES),
    ] {
        for (lang, source) in [("nl", nl), ("en", en)] {
            if let Err((_, errors)) = fluent_syntax::parser::parse(source) {
                panic!("the {lang} messages of {files} do not parse: {errors:?}");
            }
        }
        let (nl, en) = (message_ids(nl), message_ids(en));
        // An id written twice in one file: the bundle keeps the first, so the second is dead text.
        for (lang, ids) in [("nl", &nl), ("en", &en)] {
            for (i, id) in ids.iter().enumerate() {
                assert!(
                    !ids[..i].contains(id),
                    "{id} is written twice in the {lang} file of {files}"
                );
            }
        }
        for id in &nl {
            assert!(
                en.contains(id),
                "{id} is in {files} but not in its English file"
            );
            assert!(!nl_ids.contains(id), "{id} is in two message files");
        }
        for id in &en {
            assert!(
                nl.contains(id),
                "{id} is in the English file of {files} but not in {files}"
            );
        }
        nl_ids.extend(nl);
    }
    // Every id appears in the code.
    fn read_code(dir: &std::path::Path, code: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                read_code(&path, code);
            } else if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut code = String::new();
    read_code(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let unused: Vec<&String> = nl_ids
        .iter()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "never used: {unused:?}");
    // Plurals.
    let tr = Texts::default();
    assert_eq!(tr.count(Lang::Nl, "play-post-its", 1), "1 post-it");
    assert_eq!(tr.count(Lang::Nl, "play-post-its", 3), "3 post-its");
    assert_eq!(tr.count(Lang::En, "setup-player-count", 1), "1 player");
    assert_eq!(tr.count(Lang::En, "setup-player-count", 4), "4 players");
}

/// A panel driven by pointer and key events, over several passes of one egui context, aimed by the
/// widgets it marks: what a facilitator types is never lost to a refusal, a change of player or field,
/// or a click elsewhere.
mod typing {
    use super::*;
    use leerklimaat::core::drafts::{DraftField, Drafts};
    use leerklimaat::core::session::{MAX_POST_IT_CHARS, PostItColour, PostItId};
    use leerklimaat::table::ui::{PlayForm, PlayView, play_panel};

    /// The play panel with its form, its drafts and the post-it open in the editor.
    struct Play {
        form: PlayForm,
        drafts: Drafts,
        note: Option<PostItId>,
    }

    impl Play {
        fn new(note: Option<PostItId>) -> Play {
            Play {
                form: PlayForm::default(),
                drafts: Drafts::default(),
                note,
            }
        }

        fn draw(&mut self, ctx: &egui::Context, session: &Session, tr: &Texts) -> Vec<GameMsg> {
            let view = PlayView {
                session,
                tr,
                can_undo: false,
                can_redo: false,
                timer_shown: false,
                selected_note: self.note,
                focus_field: false,
                post_it_scroll: 0,
            };
            let intents = play_panel(ctx, &view, &mut self.form, &mut self.drafts);
            super::game_msgs(intents, &mut self.note)
        }
    }

    /// A game in Play on its first card.
    fn in_play() -> Game {
        let mut game = simulate(SimulateSpec {
            players: 3,
            statements: 3,
            post_its: 0,
            seed: 2,
        });
        game.apply(Action::Back).unwrap();
        game.apply(Action::Back).unwrap();
        assert_eq!(
            game.session().stage,
            leerklimaat::core::session::Stage::Play
        );
        game
    }

    /// The built-in deck's programme with these players, at its first phase of `kind`.
    fn in_programme_phase(kind: leerklimaat::core::deck::PhaseKind, names: &[&str]) -> Session {
        let mut game = Game::new(Session::new(
            leerklimaat::core::deck::default_deck(),
            "2026-12-02 10:00".into(),
        ));
        game.apply(Action::FollowProgramme(true)).unwrap();
        for name in names {
            game.apply(Action::AddPlayer {
                name: (*name).into(),
                colour: None,
            })
            .unwrap();
        }
        game.apply(Action::StartPlay).unwrap();
        while game.session().current_phase().map(|a| a.kind) != Some(kind) {
            game.apply(Action::NextPhase { seconds: 1 }).unwrap();
        }
        game.session().clone()
    }

    fn post_it_field(game: &Game, play: &Play) -> String {
        let card = game.session().active_card().unwrap().0;
        play.drafts.text_or(&DraftField::PostIt(card), "")
    }

    #[test]
    fn a_refused_post_it_keeps_its_text_and_the_field_stops_at_the_limit() {
        let tr = Texts::default();
        let game = in_play();
        let session = game.session().clone();
        let card = session.active_card().unwrap().0;
        let mut play = Play::new(None);
        let mut panel = Panel::new();
        let mut run = |ctx: &egui::Context| play.draw(ctx, &session, &tr);
        panel.settle(&mut run);
        // Typed (or pasted) beyond the limit: the field keeps the first 500 characters.
        panel.click("post-it-field", &mut run);
        panel.pass(
            vec![egui::Event::Text("x".repeat(MAX_POST_IT_CHARS + 100))],
            &mut run,
        );
        assert_eq!(
            post_it_field(&game, &play).chars().count(),
            MAX_POST_IT_CHARS
        );
        // A text the session refuses (here: over the limit, as an older field could hold): it is sent,
        // so the refusal shows its reason, and it stays in the field to fix.
        let long = "y".repeat(MAX_POST_IT_CHARS + 1);
        play.drafts
            .keep(DraftField::PostIt(card.clone()), &long, "");
        let sent = {
            let mut run = |ctx: &egui::Context| play.draw(ctx, &session, &tr);
            panel.click("post-it-add", &mut run).concat()
        };
        assert!(
            sent.iter()
                .any(|m| matches!(m, GameMsg::Do(Action::AddPostIt { .. }))),
            "sent: {sent:?}"
        );
        assert_eq!(post_it_field(&game, &play), long, "the text is kept");
        // An accepted one clears the field.
        play.drafts
            .keep(DraftField::PostIt(card.clone()), "Samen leren werkt", "");
        let sent = {
            let mut run = |ctx: &egui::Context| play.draw(ctx, &session, &tr);
            panel.click("post-it-add", &mut run).concat()
        };
        assert!(sent.iter().any(|m| matches!(m, GameMsg::Do(Action::AddPostIt { text, .. }) if text == "Samen leren werkt")));
        assert!(post_it_field(&game, &play).is_empty());
        assert!(play.drafts.is_empty(), "{:?}", play.drafts);
    }

    /// Text typed for one card stays with that card: the next card's field is empty, and the text is
    /// back when the first card is.
    #[test]
    fn a_half_typed_post_it_stays_with_its_card() {
        let tr = Texts::default();
        let mut game = in_play();
        let first = game.session().clone();
        let mut play = Play::new(None);
        let mut panel = Panel::new();
        {
            let mut run = |ctx: &egui::Context| play.draw(ctx, &first, &tr);
            panel.settle(&mut run);
            panel.click("post-it-field", &mut run);
            panel.pass(vec![egui::Event::Text("Wij vragen".into())], &mut run);
        }
        assert_eq!(post_it_field(&game, &play), "Wij vragen");
        game.apply(Action::GoTo {
            index: 1,
            seconds: 5,
        })
        .unwrap();
        let second = game.session().clone();
        {
            let mut run = |ctx: &egui::Context| play.draw(ctx, &second, &tr);
            panel.settle(&mut run);
        }
        assert_eq!(post_it_field(&game, &play), "", "another card's text");
        assert_eq!(
            play.drafts
                .get(&DraftField::PostIt(first.active_card().unwrap().0)),
            Some("Wij vragen")
        );
    }

    /// An edit not saved is never dropped: a click on another post-it, or the selection cleared (a
    /// screen change, a resume), gives the editor back on it with the edit; only save or cancel end it.
    #[test]
    fn an_unsaved_edit_keeps_the_editor_on_its_post_it() {
        let tr = Texts::default();
        let mut game = in_play();
        let card = game.session().active_card().unwrap().0;
        for text in ["Eerste", "Tweede"] {
            game.apply(Action::AddPostIt {
                colour: PostItColour::Pink,
                text: text.into(),
                author: None,
                card: card.clone(),
            })
            .unwrap();
        }
        let s = game.session().clone();
        let (a, b) = (s.post_its[0].id, s.post_its[1].id);
        let mut play = Play::new(Some(a));
        let mut panel = Panel::new();
        let mut run = |ctx: &egui::Context| play.draw(ctx, &s, &tr);
        panel.settle(&mut run);
        panel.click("editor-text", &mut run);
        panel.pass(
            vec![
                egui::Event::Key {
                    key: egui::Key::End,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::CTRL,
                },
                egui::Event::Text(" en meer".into()),
            ],
            &mut run,
        );
        assert_eq!(
            play.drafts.get(&DraftField::EditPostIt(a)),
            Some("Eerste en meer")
        );
        // A click on the other post-it: the editor stays on the first, and says why.
        play.note = Some(b);
        {
            let mut run = |ctx: &egui::Context| play.draw(ctx, &s, &tr);
            panel.settle(&mut run);
        }
        assert_eq!(play.note, Some(a));
        panel.assert_shows(&tr.get(Lang::Nl, "play-edit-first"));
        // The selection cleared (the screen changed, the game was resumed): the editor is back.
        play.note = None;
        play.form = PlayForm::default();
        let sent = {
            let mut run = |ctx: &egui::Context| play.draw(ctx, &s, &tr);
            panel.settle(&mut run);
            panel.click("editor-save", &mut run).concat()
        };
        assert!(
            sent.iter().any(|m| matches!(m, GameMsg::Do(Action::ChangePostIt { id, text, .. }) if *id == a && text == "Eerste en meer")),
            "{sent:?}"
        );
        assert!(play.drafts.is_empty(), "saved: no draft left");
        assert_eq!(play.note, None);
    }

    /// On a programme screen, the text typed for one player stays theirs when another player is
    /// chosen, and is back when they are chosen again.
    #[test]
    fn the_programme_keeps_each_players_half_typed_answer() {
        use leerklimaat::core::deck::PhaseKind;
        let tr = Texts::default();
        let s = in_programme_phase(PhaseKind::LearningQuestion, &["Anna", "Bas", "Carla"]);
        let (anna, bas) = (s.players[0].id, s.players[1].id);
        let mut form = leerklimaat::programme::ui::ProgrammeForm::default();
        let mut drafts = Drafts::default();
        let mut panel = Panel::new();
        let mut run = |ctx: &egui::Context| {
            let view = leerklimaat::programme::ui::ProgrammeView {
                session: &s,
                tr: &tr,
                can_undo: false,
                can_redo: false,
            };
            leerklimaat::programme::ui::programme_panel(ctx, &view, &mut form, &mut drafts)
        };
        panel.settle(&mut run);
        panel.click("programme-text", &mut run);
        panel.pass(vec![egui::Event::Text("Hoe geef ik".into())], &mut run);
        // Mid-sentence, Bas is chosen.
        panel.click("who", &mut run);
        panel.settle(&mut run);
        panel.click("who-2", &mut run);
        panel.settle(&mut run);
        panel.click("programme-text", &mut run);
        panel.pass(vec![egui::Event::Text("Bas".into())], &mut run);
        // Back to Anna: her sentence is there, and Enter gives it to her.
        panel.click("who", &mut run);
        panel.settle(&mut run);
        panel.click("who-1", &mut run);
        panel.settle(&mut run);
        panel.click("programme-text", &mut run);
        panel.pass(vec![egui::Event::Text(" feedback?".into())], &mut run);
        let sent = panel.click("programme-add", &mut run).concat();
        assert!(
            panel.click("undo", &mut run).concat().is_empty(),
            "nothing to undo: greyed out"
        );
        assert!(
            sent.iter().any(|m| matches!(m, GameMsg::Do(Action::SetLearningQuestion { player, text }) if *player == anna && text == "Hoe geef ik feedback?")),
            "{sent:?}"
        );
        let phase = s.phase_at;
        assert_eq!(
            drafts.get(&DraftField::Programme {
                phase,
                player: Some(bas)
            }),
            Some("Bas")
        );
        assert_eq!(
            drafts.get(&DraftField::Programme {
                phase,
                player: Some(anna)
            }),
            None,
            "taken: no draft"
        );
    }

    /// The programme screens have undo and redo as the board has: a mis-tapped ✖ on a warm-up word
    /// is taken back with a finger.
    #[test]
    fn the_programme_screen_has_undo_and_redo() {
        use leerklimaat::core::deck::PhaseKind;
        let tr = Texts::default();
        let s = in_programme_phase(PhaseKind::WarmUp, &["Anna"]);
        let mut form = leerklimaat::programme::ui::ProgrammeForm::default();
        let mut drafts = Drafts::default();
        let mut panel = Panel::new();
        let mut run = |ctx: &egui::Context| {
            let view = leerklimaat::programme::ui::ProgrammeView {
                session: &s,
                tr: &tr,
                can_undo: true,
                can_redo: true,
            };
            leerklimaat::programme::ui::programme_panel(ctx, &view, &mut form, &mut drafts)
        };
        panel.settle(&mut run);
        assert_eq!(panel.click("undo", &mut run).concat(), vec![GameMsg::Undo]);
        assert_eq!(panel.click("redo", &mut run).concat(), vec![GameMsg::Redo]);
    }

    /// The deck editor's Cancel throws an edited deck away only when pressed a second time; an
    /// unchanged deck closes at once.
    #[test]
    fn cancel_in_the_deck_editor_asks_before_it_drops_edits() {
        use leerklimaat::decks::ui::{DeckCmd, DeckEditor, deck_editor};
        let tr = Texts::default();
        let deck = leerklimaat::core::deck::default_deck();
        let mut ed = DeckEditor {
            original: deck.clone(),
            deck,
            confirm_cancel: false,
            file: "mijn.deck.ron".into(),
            saved: None,
            overwrite: None,
        };
        let cancel = tr.get(Lang::Nl, "play-cancel");
        let mut panel = Panel::new();
        let mut run = |ctx: &egui::Context| {
            !deck_editor(ctx, &tr, Lang::Nl, &mut ed, None).contains(&DeckCmd::CloseEditor)
        };
        panel.settle(&mut run);
        let open = panel.click_text(&cancel, &mut run);
        assert!(open.contains(&false), "unchanged: closes at once");
        ed.deck.title = "Ons eigen spel".into();
        let mut run = |ctx: &egui::Context| {
            !deck_editor(ctx, &tr, Lang::Nl, &mut ed, None).contains(&DeckCmd::CloseEditor)
        };
        panel.settle(&mut run);
        let open = panel.click_text(&cancel, &mut run);
        assert!(!open.contains(&false), "edited: the first Cancel only asks");
        panel.settle(&mut run);
        panel.assert_shows("Druk nog eens op Annuleren");
        let open = panel.click_text(&cancel, &mut run);
        assert!(open.contains(&false), "the second Cancel throws it away");
    }
}
