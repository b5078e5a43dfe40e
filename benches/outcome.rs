//! The outcome screen of a heavy session (12 players, 18 statements, 600 post-its: about 70 pages),
//! headless: `cargo bench --bench outcome`.
//!
//! - laying out every page (pure);
//! - one frame after a card is moved to the other stack, with only the page shown in the world (as the
//!   game does), against the same frame with every page drawn (as the picture does), in the same run.

use bevy::prelude::*;
use leerklimaat::core::i18n::Texts;
use leerklimaat::core::session::{Action, Game, Stack};
use leerklimaat::core::simulate::{SimulateSpec, simulate};
use leerklimaat::game::{ActiveGame, GameMsg};
use leerklimaat::outcome::pages::outcome_pages;
use leerklimaat::outcome::present::{DrawPagesAlways, PageItem};
mod common;

use common::time;
use std::time::Duration;

fn report(name: &str, (median, min): (Duration, Duration)) {
    println!("{name:<62} median {median:>12.3?}  min {min:>12.3?}");
}

fn heavy() -> Game {
    simulate(SimulateSpec {
        players: 12,
        statements: 18,
        post_its: 600,
        seed: 7,
    })
}

/// A headless game on the outcome screen of the heavy session.
fn outcome_app(every_page: bool) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin));
    app.add_message::<bevy::window::RequestRedraw>();
    app.insert_resource(ActiveGame::new(heavy()));
    if every_page {
        app.insert_resource(DrawPagesAlways);
    }
    app.add_plugins(leerklimaat::app::world_plugin);
    for _ in 0..3 {
        app.update();
    }
    app
}

fn main() {
    let game = heavy();
    let texts = Texts::default();
    let pages = outcome_pages(game.session(), &texts);
    println!("heavy session: {} outcome pages", pages.len());
    report(
        "layout of every outcome page",
        time(50, || outcome_pages(game.session(), &texts).len()),
    );
    for (every_page, name) in [
        (
            true,
            "a card moved, every page drawn (baseline: the picture)",
        ),
        (false, "a card moved, the page shown drawn (the game)"),
    ] {
        let mut app = outcome_app(every_page);
        let items = app
            .world_mut()
            .query::<&PageItem>()
            .iter(app.world())
            .count();
        let card = leerklimaat::core::tally::tally(app.world().resource::<ActiveGame>().session())
            .green
            .first()
            .cloned()
            .expect("a card on the green stack");
        let mut red = true;
        let timing = time(30, || {
            let stack = if red { Stack::Red } else { Stack::Green };
            red = !red;
            app.world_mut()
                .write_message(GameMsg::Do(Action::OverrideStack {
                    card: card.clone(),
                    stack: Some(stack),
                }));
            app.update();
            app.update();
        });
        report(&format!("{name} ({items} entities)"), timing);
    }
}
