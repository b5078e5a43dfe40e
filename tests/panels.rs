//! The egui panels as plain functions, without Bevy: they draw every screen and return the right
//! messages; and the fix that lets an idle app stop redrawing.

use bevy::prelude::*;
use bevy_egui::{EguiInput, egui};
use leerklimaat::core::i18n::Texts;
use leerklimaat::core::session::{Action, Game, Lang, Session};
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use leerklimaat::session::{CardClock, GameMsg};
use leerklimaat::{outcome, panels, setup, table};

fn run(mut f: impl FnMut(&egui::Context) -> Vec<GameMsg>) -> (Vec<GameMsg>, usize) {
    let ctx = egui::Context::default();
    let mut out = Vec::new();
    // Windows size themselves in a first, invisible pass.
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| out = f(ui.ctx()));
    output.textures_delta.clear();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| out = f(ui.ctx()));
    output.textures_delta.clear();
    (out, output.shapes.len())
}

#[test]
fn every_panel_draws_in_both_languages() {
    let tr = Texts::default();
    for lang in [Lang::Nl, Lang::En] {
        let mut s = Session::new(leerklimaat::core::deck::default_deck(), "t".into());
        s.language = lang;
        let (msgs, shapes) = run(|ctx| {
            setup::ui::setup_panel(
                ctx,
                &s,
                &tr,
                &mut setup::ui::SetupForm::default(),
                &Default::default(),
                &mut Vec::new(),
                &Default::default(),
                &mut Vec::new(),
            )
        });
        assert!(msgs.is_empty(), "no input, no messages");
        assert!(shapes > 10);

        let mut game: Game = simulate(SimulateSpec {
            players: 6,
            statements: 5,
            post_its: 20,
            seed: 1,
        });
        game.apply(Action::SetLanguage(lang)).unwrap();
        game.apply(Action::Back).unwrap();
        let mut clock = CardClock::default();
        let mut selected = None;
        let mut focus = false;
        let (msgs, shapes) = run(|ctx| {
            let mut c = table::ui::Controls {
                timer_shown: &mut clock.shown,
                selected_note: &mut selected,
                selected_player: None,
                focus_field: &mut focus,
                post_it_scroll: &mut 0,
            };
            table::ui::play_panel(
                ctx,
                game.session(),
                true,
                false,
                &tr,
                &mut table::ui::PlayForm::default(),
                &mut c,
            )
        });
        assert!(msgs.is_empty());
        assert!(shapes > 10);

        game.apply(Action::ShowOutcome).unwrap();
        let (msgs, shapes) = run(|ctx| {
            outcome::ui::outcome_panel(
                ctx,
                &game,
                &tr,
                &mut outcome::ui::OutcomeForm::default(),
                &outcome::ExportState::default(),
                &outcome::present::OutcomeView::default(),
            )
            .into_iter()
            .filter_map(|intent| match intent {
                outcome::ui::OutcomeIntent::Game(msg) => Some(msg),
                _ => None,
            })
            .collect()
        });
        assert!(msgs.is_empty());
        assert!(shapes > 10);
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
    let [(_, nl), (_, en)] = leerklimaat::core::i18n::MESSAGE_FILES;
    let nl_ids = leerklimaat::core::i18n::message_ids(nl);
    let en_ids = leerklimaat::core::i18n::message_ids(en);
    for id in &nl_ids {
        assert!(en_ids.contains(id), "{id} is in nl.ftl but not in en.ftl");
    }
    for id in &en_ids {
        assert!(nl_ids.contains(id), "{id} is in en.ftl but not in nl.ftl");
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
/// widgets it marks: what a facilitator types is never lost to a refusal.
mod typing {
    use super::*;
    use leerklimaat::core::session::MAX_POST_IT_CHARS;
    use leerklimaat::table::ui::{Controls, PlayForm, play_panel};

    struct Panel {
        ctx: egui::Context,
        marks: std::collections::HashMap<&'static str, egui::Rect>,
    }

    impl Panel {
        fn new() -> Panel {
            Panel {
                ctx: egui::Context::default(),
                marks: Default::default(),
            }
        }

        /// One pass with these events; returns the messages of that pass.
        fn pass(
            &mut self,
            events: Vec<egui::Event>,
            f: &mut impl FnMut(&egui::Context) -> Vec<GameMsg>,
        ) -> Vec<GameMsg> {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1920.0, 1080.0),
                )),
                events,
                ..Default::default()
            };
            let mut out = Vec::new();
            let mut output = self.ctx.run_ui(input, |ui| out = f(ui.ctx()));
            output.textures_delta.clear();
            self.marks = panels::widgets::take_marks(&self.ctx)
                .into_iter()
                .map(|(k, [x0, y0, x1, y1])| {
                    (
                        k,
                        egui::Rect::from_min_max([x0, y0].into(), [x1, y1].into()),
                    )
                })
                .collect();
            out
        }

        /// Presses and lets go on a marked widget; returns the messages of the release.
        fn click(
            &mut self,
            key: &str,
            f: &mut impl FnMut(&egui::Context) -> Vec<GameMsg>,
        ) -> Vec<GameMsg> {
            let at = self.marks[key].center();
            let button = |pressed| egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            };
            let mut out = self.pass(vec![egui::Event::PointerMoved(at), button(true)], f);
            out.extend(self.pass(vec![button(false)], f));
            out
        }
    }

    #[test]
    fn a_refused_post_it_keeps_its_text_and_the_field_stops_at_the_limit() {
        let tr = Texts::default();
        let mut game = simulate(SimulateSpec {
            players: 3,
            statements: 3,
            post_its: 0,
            seed: 2,
        });
        game.apply(Action::Back).unwrap();
        game.apply(Action::Back).unwrap();
        let session = game.session().clone();
        assert_eq!(session.phase, leerklimaat::core::session::Phase::Play);
        let mut form = PlayForm::default();
        let mut panel = Panel::new();
        fn draw(
            ctx: &egui::Context,
            session: &Session,
            tr: &Texts,
            form: &mut PlayForm,
        ) -> Vec<GameMsg> {
            let (mut shown, mut note, mut focus, mut scroll) = (false, None, false, 0);
            let mut c = Controls {
                timer_shown: &mut shown,
                selected_note: &mut note,
                selected_player: None,
                focus_field: &mut focus,
                post_it_scroll: &mut scroll,
            };
            play_panel(ctx, session, false, false, tr, form, &mut c)
        }
        for _ in 0..2 {
            let mut run = |ctx: &egui::Context| draw(ctx, &session, &tr, &mut form);
            panel.pass(Vec::new(), &mut run);
        }
        // Typed (or pasted) beyond the limit: the field keeps the first 500 characters.
        {
            let mut run = |ctx: &egui::Context| draw(ctx, &session, &tr, &mut form);
            panel.click("post-it-field", &mut run);
            panel.pass(
                vec![egui::Event::Text("x".repeat(MAX_POST_IT_CHARS + 100))],
                &mut run,
            );
        }
        assert_eq!(form.text.chars().count(), MAX_POST_IT_CHARS);
        // A text the session refuses (here: over the limit, as an older field could hold): it is sent,
        // so the refusal shows its reason, and it stays in the field to fix.
        form.text = "y".repeat(MAX_POST_IT_CHARS + 1);
        let sent = {
            let mut run = |ctx: &egui::Context| draw(ctx, &session, &tr, &mut form);
            panel.click("post-it-add", &mut run)
        };
        assert!(
            sent.iter()
                .any(|m| matches!(m, GameMsg::Do(Action::AddPostIt { .. }))),
            "sent: {sent:?}"
        );
        assert_eq!(
            form.text.chars().count(),
            MAX_POST_IT_CHARS + 1,
            "the text is kept"
        );
        // An accepted one clears the field.
        form.text = "Samen leren werkt".into();
        let sent = {
            let mut run = |ctx: &egui::Context| draw(ctx, &session, &tr, &mut form);
            panel.click("post-it-add", &mut run)
        };
        assert!(sent.iter().any(|m| matches!(m, GameMsg::Do(Action::AddPostIt { text, .. }) if text == "Samen leren werkt")));
        assert!(form.text.is_empty());
    }
}
