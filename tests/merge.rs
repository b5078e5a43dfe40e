//! The overview across workshops: sessions of different sizes, with missing rounds, with different
//! decks, and with a damaged file among them.

use leerklimaat::core::merge::{MergeInput, load_for_merge, merge, overview_csv, overview_html};
use leerklimaat::core::session::{Action, Game, Lang, PostItColour, Round, Session};
use leerklimaat::core::session_file::session_ron;
use leerklimaat::core::simulate::{SimulateSpec, deck_with, simulate};

fn input(name: &str, game: Game) -> MergeInput {
    MergeInput {
        name: name.into(),
        game,
    }
}

/// A session that only had the first round: 3 players on the first two statements.
fn first_round_only() -> Game {
    let mut g = Game::new(Session::new(deck_with(12), "2026-11-22 10:00".into()));
    for n in ["A", "B", "C"] {
        g.apply(Action::AddPlayer {
            name: n.into(),
            colour: None,
        })
        .unwrap();
    }
    g.apply(Action::StartPlay).unwrap();
    let ids: Vec<_> = g.session().players.iter().map(|p| p.id).collect();
    for i in 0..2 {
        if i > 0 {
            g.apply(Action::GoTo {
                index: i,
                seconds: 60,
            })
            .unwrap();
        }
        let card = g.session().current_card().unwrap();
        for p in &ids {
            g.apply(Action::Place {
                player: *p,
                card: card.clone(),
                round: Round::First,
                square: 3,
            })
            .unwrap();
        }
        g.apply(Action::AddPostIt {
            colour: PostItColour::Pink,
            text: format!("Vraag {i}"),
            author: None,
            card,
        })
        .unwrap();
    }
    g
}

#[test]
fn sessions_of_different_sizes_and_missing_rounds() {
    let a = simulate(SimulateSpec {
        players: 3,
        statements: 12,
        post_its: 10,
        seed: 1,
    });
    let b = simulate(SimulateSpec {
        players: 12,
        statements: 12,
        post_its: 60,
        seed: 2,
    });
    let c = first_round_only();
    let o = merge(&[
        input("Team A", a.clone()),
        input("Team B", b.clone()),
        input("Team C", c),
    ]);
    assert_eq!(o.groups, ["Team A", "Team B", "Team C"]);
    assert_eq!(o.statements.len(), 12);
    assert!(o.left_out.is_empty());
    let first = &o.statements[0];
    assert_eq!(first.groups, 3);
    assert_eq!(first.green + first.red, 3);
    assert_eq!(first.without_plenary, 1, "team C has no plenary round");
    // Team C placed everyone on the top square (4 points) in the first round: it goes green by that.
    assert!(first.green >= 1);
    // The mean is over the plenary placements of A and B: 3 + 12 pawns.
    let ta = leerklimaat::core::tally::tally(a.session());
    let tb = leerklimaat::core::tally::tally(b.session());
    let points: Vec<f64> = [&ta, &tb]
        .iter()
        .flat_map(|t| {
            t.cards[0]
                .plenary
                .points
                .iter()
                .filter_map(|(_, p)| p.map(f64::from))
        })
        .collect();
    assert_eq!(points.len(), 15);
    let mean = points.iter().sum::<f64>() / 15.0;
    assert!((first.mean.unwrap() - mean).abs() < 1e-9);
    // The spread is the standard deviation of those same placements.
    let sd = (points.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / 15.0).sqrt();
    assert!(
        (first.spread.unwrap() - sd).abs() < 1e-9,
        "spread {:?}, standard deviation {sd}",
        first.spread
    );
    // Green: team C by its first round, A and B by their plenary.
    let green_ab = [&ta, &tb]
        .iter()
        .filter(|t| t.green.contains(&t.cards[0].card))
        .count();
    assert_eq!(first.green, green_ab + 1);
    // Statement 3 was not played by team C: only two groups.
    assert_eq!(o.statements[2].groups, 2);
    // Open questions carry their group.
    assert!(
        o.open_questions
            .iter()
            .any(|(g, _, q)| g == "Team C" && q == "Vraag 0")
    );
    let html = overview_html(&o, Lang::Nl);
    assert!(html.contains("Team C") && html.contains("Open vragen"));
    let csv = String::from_utf8(overview_csv(&o, Lang::Nl)[3..].to_vec()).unwrap();
    assert_eq!(csv.lines().count(), 13);
}

#[test]
fn different_decks_combine_on_shared_statements_and_say_what_was_left_out() {
    let small = simulate(SimulateSpec {
        players: 4,
        statements: 5,
        post_its: 8,
        seed: 3,
    });
    let big = simulate(SimulateSpec {
        players: 5,
        statements: 9,
        post_its: 8,
        seed: 4,
    });
    let o = merge(&[input("Klein", small), input("Groot", big)]);
    assert_eq!(o.statements.len(), 5);
    assert_eq!(o.left_out.len(), 4);
    assert!(
        o.left_out[0].reason.contains("missing in: Klein"),
        "{:?}",
        o.left_out[0]
    );
    assert!(overview_html(&o, Lang::En).contains("Statements left out"));

    // The managers' deck shares only "autonomie" with the first three statements of the default deck.
    let mut other = Game::new(Session::new(
        leerklimaat::core::deck::builtin_deck("leerruimte").unwrap(),
        "t".into(),
    ));
    other
        .apply(Action::AddPlayer {
            name: "A".into(),
            colour: None,
        })
        .unwrap();
    let o = merge(&[
        input(
            "Klein",
            simulate(SimulateSpec {
                players: 2,
                statements: 3,
                post_its: 0,
                seed: 5,
            }),
        ),
        input("Managers", other),
    ]);
    let shared: Vec<&str> = o.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(shared, ["autonomie"]);
    assert_eq!(o.left_out.len(), 2 + 11);
}

#[test]
fn a_damaged_file_is_reported_and_the_rest_merged_on_request() {
    let dir = std::env::temp_dir().join(format!("lk-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for seed in 0..3 {
        let path = dir.join(format!("s{seed}.session.ron"));
        std::fs::write(
            &path,
            session_ron(&simulate(SimulateSpec {
                players: 4,
                statements: 6,
                post_its: 5,
                seed,
            })),
        )
        .unwrap();
        files.push(path);
    }
    let bad = dir.join("kapot.session.ron");
    std::fs::write(&bad, "(base: (version: 1, gro").unwrap();
    files.insert(1, bad.clone());
    let (inputs, problems) = load_for_merge(&files);
    assert_eq!(inputs.len(), 3);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .error
            .to_string()
            .starts_with(&format!("{}:1:", bad.display())),
        "{}",
        problems[0].error
    );

    let bin = env!("CARGO_BIN_EXE_leerklimaat");
    let out = dir.join("out");
    let refused = std::process::Command::new(bin)
        .arg("merge")
        .args(&files)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("kapot.session.ron") && err.contains("--skip-damaged"),
        "{err}"
    );
    assert!(
        !out.join("overview.html").exists(),
        "nothing merged without asking"
    );
    let merged = std::process::Command::new(bin)
        .arg("merge")
        .args(&files)
        .arg("--out")
        .arg(&out)
        .arg("--skip-damaged")
        .output()
        .unwrap();
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert!(
        String::from_utf8_lossy(&merged.stdout)
            .contains("3 sessions merged on 6 shared statements")
    );
    for name in ["overview.csv", "overview-questions.csv", "overview.html"] {
        assert!(out.join(name).exists(), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A loader that panics on one file (a bug) loses nothing silently: that file is reported, every other
/// file, also those loaded on the same thread, is merged.
#[test]
fn a_loader_that_panics_on_one_file_still_accounts_for_every_file() {
    let paths: Vec<std::path::PathBuf> = (0..9)
        .map(|i| std::path::PathBuf::from(format!("s{i}.session.ron")))
        .collect();
    let (inputs, problems) =
        leerklimaat::core::merge::load_for_merge_with(&paths, |p: &std::path::Path| {
            if p.ends_with("s4.session.ron") {
                panic!("a bug in the loader");
            }
            Ok(simulate(SimulateSpec {
                players: 3,
                statements: 3,
                post_its: 2,
                seed: 1,
            }))
        });
    assert_eq!(inputs.len(), 8, "every other file merged");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].file.contains("s4.session.ron"));
    assert!(problems[0].error.to_string().contains("not merged"));
}

/// Twelve groups, one of them with two players, three of them back for a follow-up (one twice): the
/// overview draws a heatmap of statements × sessions with the small group greyed and its numbers in
/// no file and no total, a trend for each group that came back, and the questions that come back.
#[test]
fn twelve_groups_with_a_small_one_and_follow_ups() {
    use leerklimaat::core::merge::{
        MergeOptions, RowOrder, heatmap_png, heatmap_svg, merge_with, overview_files,
        overview_long_csv,
    };
    let group = |seed: u64, players: usize| {
        simulate(SimulateSpec {
            players,
            statements: 12,
            post_its: 30,
            seed,
        })
    };
    // Seeds 1..=12 are "Groep 1" ..= "Groep 12"; seed 100_001 is "Groep 1" again, a day later.
    let mut inputs: Vec<MergeInput> = (1..=12)
        .map(|seed| {
            let g = group(
                seed,
                if seed == 2 {
                    2
                } else {
                    3 + (seed as usize % 9)
                },
            );
            input(&g.session().group.clone(), g)
        })
        .collect();
    for seed in [100_001, 200_001, 100_003, 100_004] {
        let g = group(seed, 5);
        inputs.push(input(&g.session().group.clone(), g));
    }
    let options = MergeOptions {
        min_players: 3,
        order: RowOrder::Red,
    };
    let o = merge_with(&inputs, options);
    assert_eq!(o.columns.len(), 16);
    assert_eq!(o.chains.len(), 12);
    assert_eq!(o.counted_groups(), 11);

    // The small group: a greyed column with its name and why, and nothing else of it anywhere.
    let small: Vec<_> = o.columns.iter().filter(|c| c.too_small).collect();
    assert_eq!(small.len(), 1);
    assert_eq!((small[0].name.as_str(), small[0].players), ("Groep 2", 2));
    let col = o.columns.iter().position(|c| c.too_small).unwrap();
    assert!(o.statements.iter().all(|st| st.cells[col].is_none()));
    assert!(o.open_questions.iter().all(|(g, _, _)| g != "Groep 2"));
    assert!(
        o.recurring
            .iter()
            .all(|q| q.by_group.iter().all(|(g, _)| g != "Groep 2"))
    );
    // No total can be undone by subtraction: they are the totals of the overview without it.
    let without: Vec<MergeInput> = inputs
        .iter()
        .filter(|i| i.game.session().group != "Groep 2")
        .map(|i| input(&i.name, i.game.clone()))
        .collect();
    let o2 = merge_with(&without, options);
    for (a, b) in o.statements.iter().zip(&o2.statements) {
        assert_eq!(
            (
                a.groups,
                a.green,
                a.red,
                a.mean,
                a.spread,
                a.red_share,
                a.disagreement
            ),
            (
                b.groups,
                b.green,
                b.red,
                b.mean,
                b.spread,
                b.red_share,
                b.disagreement
            ),
            "{}",
            a.id
        );
    }
    assert_eq!(overview_csv(&o, Lang::Nl), overview_csv(&o2, Lang::Nl));
    let long = String::from_utf8(overview_long_csv(&o)).unwrap();
    let small_rows: Vec<&str> = long.lines().filter(|l| l.starts_with("Groep 2,")).collect();
    assert_eq!(small_rows.len(), 12, "{long}");
    for row in small_rows {
        assert!(
            row.contains(",2,false,") && row.ends_with(",,,,,,"),
            "{row}"
        );
    }
    assert_eq!(long.lines().count(), 1 + 16 * 12);

    // The groups that came back: in time order, with the change since their session before.
    let noord = o.chains.iter().find(|c| c.name == "Groep 1").unwrap();
    assert_eq!(noord.columns.len(), 3);
    let starts: Vec<&str> = noord
        .columns
        .iter()
        .map(|c| o.columns[*c].started_at.as_str())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert!(noord.means.iter().all(Option::is_some));
    for st in &o.statements {
        let cells: Vec<_> = noord.columns.iter().map(|c| st.cells[*c].clone()).collect();
        if let [Some(a), Some(b), Some(c)] = &cells[..] {
            assert_eq!(a.change, None);
            assert!((b.change.unwrap() - (b.mean - a.mean)).abs() < 1e-9);
            assert!((c.change.unwrap() - (c.mean - b.mean)).abs() < 1e-9);
        }
    }
    assert_eq!(
        o.chains.iter().filter(|c| c.columns.len() > 1).count(),
        3,
        "three groups came back"
    );

    // The statements most groups put on red come first.
    let shares: Vec<f64> = o.statements.iter().filter_map(|s| s.red_share).collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");

    // The questions that come back: in how many groups, each group with its own words.
    let first = &o.recurring[0];
    assert!(first.groups >= 2 && first.groups <= 11, "{first:?}");
    assert!(o.recurring.windows(2).all(|w| w[0].groups >= w[1].groups));
    let words: Vec<String> = first.word.split(" · ").map(str::to_lowercase).collect();
    for (_, texts) in &first.by_group {
        assert!(
            texts
                .iter()
                .all(|t| words.iter().all(|w| t.to_lowercase().contains(w))),
            "{first:?}"
        );
    }
    // Groups in the order people count them.
    let names: Vec<&str> = o.chains.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names[..3], ["Groep 1", "Groep 2", "Groep 3"]);
    assert_eq!(names[11], "Groep 12");

    // The heatmap: every session's column, the small one greyed and saying why, drawn to a PNG.
    let svg = heatmap_svg(&o, Lang::Nl);
    assert!(
        svg.contains(">2 spelers:</text>") && svg.contains(">te weinig</text>"),
        "the small group does not say why, over two lines"
    );
    // What stands under a column's name fits the column (118 wide at 17 px: 11 characters), so it
    // neither runs into the next column nor off the picture.
    for line in svg
        .lines()
        .filter(|l| l.contains("font-size=\"17\" text-anchor=\"middle\""))
    {
        let text = line
            .split('>')
            .nth(1)
            .and_then(|t| t.split('<').next())
            .unwrap();
        assert!(text.chars().count() <= 11, "wider than its column: {line}");
    }
    let png = heatmap_png(&o, Lang::Nl).unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(&png))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert!(svg.contains(&format!("width=\"{}\"", info.width)));
    let names: Vec<&str> = overview_files(&o, Lang::Nl)
        .unwrap()
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(
        names,
        [
            "overview.html",
            "overview.png",
            "overview.csv",
            "overview-long.csv",
            "overview-questions.csv"
        ]
    );
    let html = overview_html(&o, Lang::Nl);
    assert!(html.find("<svg").unwrap() < html.find("Vragen die terugkomen").unwrap());
}
