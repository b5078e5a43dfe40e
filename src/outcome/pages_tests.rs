//! The outcome pages' layout, tested without Bevy.

use super::super::page_measure::CHAR_WIDTH;
use super::*;
use crate::core::session::{Action, Round};
use crate::core::simulate;
use crate::table::layout::WORLD;

#[test]
fn lines_are_counted_at_word_boundaries() {
    let per = (500.0 / (BODY_FONT * CHAR_WIDTH)).floor() as usize;
    assert_eq!(lines("", BODY_FONT, 500.0), 1);
    assert_eq!(lines(&"a".repeat(per), BODY_FONT, 500.0), 1);
    assert_eq!(lines(&"a".repeat(per + 1), BODY_FONT, 500.0), 2);
    let words = vec!["abcd"; per].join(" ");
    assert!(lines(&words, BODY_FONT, 500.0) >= 4);
    assert_eq!(lines("one\ntwo", BODY_FONT, 500.0), 2);
}

#[test]
fn flow_fills_pages_in_order_and_keeps_a_heading_with_its_first_line() {
    let h = [100.0; 10];
    let pages = flow(&h, &[], 350.0);
    assert_eq!(pages, vec![0..3, 3..6, 6..9, 9..10]);
    // Item 2 would end page one alone; it goes on with item 3.
    let mut keep = [false; 10];
    keep[2] = true;
    assert_eq!(flow(&h, &keep, 350.0)[0], 0..2);
    assert_eq!(flow(&[], &[], 100.0), vec![0..0]);
    assert_eq!(flow(&[500.0, 10.0], &[], 100.0), vec![0..1, 1..2]);
}

fn big_session() -> Session {
    // 12 players, 18 statements, 600 post-its: the heavy session of the benchmarks.
    simulate::simulate(simulate::SimulateSpec {
        players: 12,
        statements: 18,
        post_its: 600,
        seed: 7,
    })
    .session()
    .clone()
}

/// Every card, post-it and step of a heavy session is on a page, once, inside the page, and the
/// items of a page do not overlap.
#[test]
fn every_item_of_a_heavy_session_is_on_a_page_inside_it() {
    let mut s = big_session();
    for i in 0..30 {
        let action = Action::AddNextStep {
            text: format!("Stap {i}: een heel concrete afspraak over wat we gaan doen"),
            owner: crate::core::session::Owner::Named("Iemand".into()),
            due: "maart".into(),
            from: None,
        };
        s.apply(&action).unwrap();
    }
    let texts = Texts::default();
    let pages = outcome_pages(&s, &texts);
    for kind in PageKind::ALL {
        assert!(first_page_of(&pages, kind).is_some(), "{kind:?} has a page");
    }
    let t = tally(&s);
    let cards: usize = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i.what, What::StackCard { .. }))
        .count();
    assert_eq!(cards, t.green.len() + t.red.len());
    let post_its: usize = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i.what, What::PostIt { .. }))
        .count();
    let listed: usize = [&t.present, &t.to_develop, &t.open_questions]
        .iter()
        .flat_map(|l| l.iter())
        .map(|e| e.post_its.len())
        .sum();
    assert_eq!(post_its, listed);
    assert!(post_its > 0);
    let steps = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i.what, What::Step { .. }))
        .count();
    assert_eq!(steps, 30);
    let area = content_rect();
    for (n, page) in pages.iter().enumerate() {
        for (i, item) in page.items.iter().enumerate() {
            assert!(
                item.rect.min.y >= area.min.y - 0.01 && item.rect.max.y <= area.max.y + 0.01,
                "page {n} ({:?}) item {i} {:?} outside the page",
                page.kind,
                item.rect
            );
            for other in &page.items[i + 1..] {
                let overlap = item.rect.intersect(other.rect);
                assert!(
                    overlap.is_empty() || overlap.height() < 0.5,
                    "page {n} ({:?}): items overlap",
                    page.kind
                );
            }
        }
    }
    assert!(pages.len() > 10, "a heavy session flows over many pages");
    // Page after page along rows of three, none on top of another.
    for i in 0..pages.len() {
        for j in i + 1..pages.len() {
            let d = (page_origin(i, pages.len()) - page_origin(j, pages.len())).abs();
            assert!(
                d.x >= WORLD.x || d.y >= WORLD.y,
                "pages {i} and {j} overlap"
            );
        }
    }
    let bounds = pages_bounds(pages.len());
    assert!(bounds.contains(page_origin(pages.len() - 1, pages.len())));
    assert_eq!(page_columns(6), 3);
    assert_eq!(page_columns(45), 7);
}

#[test]
fn the_shift_chart_puts_the_most_disagreement_first() {
    let mut s = Session::new(crate::core::deck::default_deck(), "2026-11-23".into());
    for name in ["An", "Bo", "Cas"] {
        s.apply(&Action::AddPlayer {
            name: name.into(),
            colour: None,
        })
        .unwrap();
    }
    s.apply(&Action::StartPlay).unwrap();
    let ids: Vec<_> = s.players.iter().map(|p| p.id).collect();
    let cards = s.play_cards();
    // The first card: everyone on the same square. The second: far apart.
    for (index, squares) in [[1, 1, 1], [0, 1, 3]].into_iter().enumerate() {
        if index > 0 {
            s.apply(&Action::GoTo { index, seconds: 60 }).unwrap();
        }
        for (player, square) in ids.iter().zip(squares) {
            s.apply(&Action::Place {
                player: *player,
                card: cards[index].clone(),
                round: Round::First,
                square,
            })
            .unwrap();
        }
    }
    let rows = shift_rows(&s);
    assert_eq!(rows.len(), 2, "only the statements played");
    assert_eq!(rows[0].card, cards[1], "the most disagreement first");
    assert!(rows[0].spread > 1.0);
    assert_eq!(rows[1].card, cards[0]);
    assert_eq!(rows[1].spread, 0.0);
    let f = rows[1].first.as_ref().unwrap();
    assert_eq!(f.min, f.max);
    assert!(rows[1].plenary.is_none(), "no plenary placements yet");
    let f = rows[0].first.as_ref().unwrap();
    assert!(f.min < f.max);
}

#[test]
fn an_empty_session_still_has_every_page() {
    let s = Session::new(crate::core::deck::default_deck(), "2026-11-23".into());
    let pages = outcome_pages(&s, &Texts::default());
    let kinds: Vec<PageKind> = pages.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, PageKind::ALL.to_vec());
    assert!(pages.iter().all(|p| !p.items.is_empty()));
}

#[test]
fn a_card_on_the_left_half_goes_to_the_green_stack() {
    assert_eq!(stack_at(-455.0), Stack::Green);
    assert_eq!(stack_at(455.0), Stack::Red);
    assert_eq!(stack_at(-1.0), Stack::Green);
    assert_eq!(stack_at(1.0), Stack::Red);
}

#[test]
fn a_long_label_is_shortened_at_a_word_to_two_lines() {
    let long = "woord ".repeat(60);
    let f = fit(&long, BODY_FONT, SHIFT_LABEL_WIDTH, 2);
    assert!(f.ends_with('…'));
    assert!(lines(&f, BODY_FONT, SHIFT_LABEL_WIDTH) <= 2);
    assert_eq!(fit("kort", BODY_FONT, SHIFT_LABEL_WIDTH, 2), "kort");
}

/// The fitting as it was: every shorter candidate measured anew (quadratic in the text).
fn fit_by_measuring(text: &str, font: f32, width: f32, max_lines: usize) -> String {
    if lines(text, font, width) <= max_lines {
        return text.to_string();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut n = words.len();
    while n > 1 {
        n -= 1;
        let candidate = format!("{}…", words[..n].join(" "));
        if lines(&candidate, font, width) <= max_lines {
            return candidate;
        }
    }
    let cut: String = text.chars().take(20).collect();
    format!("{cut}…")
}

#[test]
fn labels_are_fitted_as_before() {
    let texts = [
        String::new(),
        "kort".into(),
        "Fouten maken mag: we bespreken ze zonder schuldvraag en leren ervan, elke week opnieuw in het teamoverleg.".into(),
        "een ".repeat(40),
        format!("{} staart", "x".repeat(70)),
        format!("begin {} eind", "y".repeat(90)),
        "lang\nmet\n\nregels en nog veel meer woorden die niet passen op twee regels van dit label".into(),
        "Onvoorstelbaarlangwoord ".repeat(7),
        "aa bbb cccc ddddd eeeeee fffffff gggggggg hhhhhhhhh iiiiiiiiii jjjjjjjjjjj kkkkkkkkkkkk".into(),
    ];
    let mut seed = 7u64;
    let mut random = Vec::new();
    for _ in 0..300 {
        let mut t = String::new();
        for _ in 0..(seed % 30) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            t.push_str(&"w".repeat(1 + (seed >> 33) as usize % 31));
            t.push(if (seed >> 20).is_multiple_of(9) {
                '\n'
            } else {
                ' '
            });
        }
        random.push(t);
    }
    for text in texts.iter().chain(&random) {
        for (width, max_lines) in [(SHIFT_LABEL_WIDTH, 2), (SHIFT_LABEL_WIDTH, 1), (80.0, 3)] {
            assert_eq!(
                fit(text, BODY_FONT, width, max_lines),
                fit_by_measuring(text, BODY_FONT, width, max_lines),
                "{text:?}"
            );
        }
    }
}

/// A statement of 200 kB from a file: measuring every candidate anew took minutes.
#[test]
fn a_very_long_label_is_fitted() {
    let long = "woord ".repeat(40_000);
    let f = fit(&long, BODY_FONT, SHIFT_LABEL_WIDTH, 2);
    assert!(f.ends_with('…') && f.starts_with("woord woord"));
    assert!(lines(&f, BODY_FONT, SHIFT_LABEL_WIDTH) <= 2);
    assert_eq!(
        f,
        fit(&"woord ".repeat(60), BODY_FONT, SHIFT_LABEL_WIDTH, 2)
    );
    let one_word = "x".repeat(200_000);
    assert_eq!(
        fit(&one_word, BODY_FONT, SHIFT_LABEL_WIDTH, 2),
        format!("{}…", "x".repeat(20))
    );
}

#[test]
fn in_a_follow_up_the_shift_chart_marks_where_the_group_stood_last_time() {
    use crate::core::session::LastTime;
    let deck = crate::core::deck::default_deck();
    let mut earlier = Session::new(deck.clone(), "2026-09-01 09:00".into());
    for name in ["An", "Bo"] {
        earlier
            .apply(&Action::AddPlayer {
                name: name.into(),
                colour: None,
            })
            .unwrap();
    }
    earlier.follows_programme = false;
    earlier.apply(&Action::StartPlay).unwrap();
    let card = earlier.play_cards()[0].clone();
    for (player, square) in earlier.players.clone().iter().zip([0, 1]) {
        earlier
            .apply(&Action::Place {
                player: player.id,
                card: card.clone(),
                round: Round::First,
                square,
            })
            .unwrap();
    }
    let mut now = Session::new(deck, "2026-12-01 09:00".into());
    now.apply(&Action::FollowUp(Box::new(LastTime::of(&earlier))))
        .unwrap();
    now.follows_programme = false;
    now.apply(&Action::StartPlay).unwrap();
    let players = now.players.clone();
    let card = now.play_cards()[0].clone();
    now.apply(&Action::Place {
        player: players[0].id,
        card: card.clone(),
        round: Round::First,
        square: 3,
    })
    .unwrap();
    let rows = shift_rows(&now);
    assert_eq!(rows.len(), 1);
    // Last time: squares 0 and 1, points 1 and 2 on the built-in deck's scale.
    assert_eq!(rows[0].last_time, Some(1.5));
    let texts = Texts::default();
    let pages = outcome_pages(&now, &texts);
    let shift = pages.iter().find(|p| p.kind == PageKind::Shift).unwrap();
    assert!(
        shift.items.iter().any(
            |i| matches!(&i.what, What::Note { text } if text.contains("vorige keer (2026-09-01)"))
        ),
        "the legend says what the mark is"
    );
    // Without a follow-up, no mark.
    assert!(shift_rows(&earlier).iter().all(|r| r.last_time.is_none()));
}
