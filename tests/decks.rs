//! Deck files: the built-in decks pass, and every bad deck gets a clear message with line and column.

use leerklimaat::core::deck::{self, BUILTIN_DECKS, Deck, parse_deck_bytes, parse_deck_str};
use proptest::prelude::*;
use std::path::Path;

#[test]
fn builtin_decks_are_valid_and_complete() {
    for b in BUILTIN_DECKS {
        let d = parse_deck_str(b.file, b.source).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            d.statements.len() >= 10,
            "{} has {} statements",
            b.key,
            d.statements.len()
        );
        assert!(
            d.statements.iter().all(|s| s.prompt.is_some()),
            "{}: every statement has a prompt",
            b.key
        );
        assert!(!d.case_prompts.is_empty(), "{}: has case prompts", b.key);
    }
    let nl = deck::builtin_deck("leerklimaat").expect("default deck");
    assert_eq!(nl.language, "nl");
    assert_eq!(
        nl.scale.squares.first().map(|s| s.label.as_str()),
        Some("niet aanwezig")
    );
    assert_eq!(
        nl.scale.squares.last().map(|s| s.label.as_str()),
        Some("volledig aanwezig")
    );
    // One statement per factor from GAME.md.
    let themes: Vec<String> = nl
        .statements
        .iter()
        .filter_map(|s| s.theme.clone())
        .map(|t| t.to_lowercase())
        .collect();
    for factor in [
        "veiligheid",
        "autonomie",
        "openheid",
        "feedback",
        "nieuwe idee",
        "identificatie",
        "verschillen",
        "fouten",
        "tijd om te leren",
        "ontwikkeling",
        "management",
    ] {
        assert!(
            themes.iter().any(|t| t.contains(factor)),
            "no statement for factor {factor}"
        );
    }
    assert_eq!(
        deck::builtin_deck("learning-climate").map(|d| d.language),
        Some("en".to_string())
    );
    assert_eq!(deck::default_deck().title, "Leerklimaat");
}

/// Each bad deck in `tests/bad_decks`, with the line of the problem and a fragment of its message.
const BAD_DECKS: &[(&str, usize, &str)] = &[
    ("missing-comma", 4, "comma"),
    ("duplicate-id", 8, "used twice"),
    ("empty-text", 8, "has no text"),
    ("one-square", 6, "needs 2 to 7"),
    ("eight-squares", 6, "needs 2 to 7"),
    ("threshold-outside", 7, "outside the scale"),
    ("unknown-version", 2, "unknown deck version 9"),
    ("unknown-field", 6, "`txet` is not a field of a statement"),
    ("unclosed", 6, "ends too early"),
    ("no-statements", 6, "no statements"),
    ("id-with-space", 6, "only letters, digits"),
    ("points-down", 5, "must go up"),
    ("missing-scale", 6, "the deck has no `scale`"),
    ("unquoted-text", 3, "expected text in double quotes"),
    ("agenda-zero-minutes", 9, "lasts 0 minutes"),
    ("agenda-no-game", 7, "no Game phase"),
    ("agenda-unknown-kind", 8, "expected one of `Talk`"),
    ("agenda-closing-first", 8, "the closing round comes last"),
];

#[test]
fn bad_deck_corpus_gets_located_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_decks");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("bad_decks folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .trim_end_matches(".deck.ron")
            .to_string();
        let (_, line, fragment) = BAD_DECKS
            .iter()
            .find(|(n, _, _)| *n == name)
            .unwrap_or_else(|| panic!("{name} has no expectation in BAD_DECKS"));
        let err = deck::load_deck_file(&path).expect_err(&name);
        let p = &err.problems[0];
        assert_eq!(p.at.line, *line, "{name}: {err}");
        assert!(p.at.col >= 1);
        assert!(p.message.contains(fragment), "{name}: {err}");
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("{}:{}:{}: ", path.display(), p.at.line, p.at.col)),
            "{shown}"
        );
        seen += 1;
    }
    assert_eq!(seen, BAD_DECKS.len());
}

#[test]
fn empty_binary_and_invalid_utf8_are_explained() {
    let e = parse_deck_bytes("leeg.deck.ron", b"").unwrap_err();
    assert!(e.problems[0].message.contains("empty"), "{e}");
    let e = parse_deck_bytes("leeg.deck.ron", b"  \n\n ").unwrap_err();
    assert!(e.problems[0].message.contains("empty"), "{e}");

    let e = parse_deck_bytes("plaatje.deck.ron", b"(\n  title: \"a\0b\"").unwrap_err();
    assert!(e.problems[0].message.contains("binary"), "{e}");
    assert_eq!(e.problems[0].at.line, 2);

    let e = parse_deck_bytes("latin1.deck.ron", b"(\n  title: \"caf\xe9\",\n)").unwrap_err();
    assert!(e.problems[0].message.contains("UTF-8"), "{e}");
    assert_eq!((e.problems[0].at.line, e.problems[0].at.col), (2, 14));
}

#[test]
fn huge_and_deeply_nested_files_fail_fast() {
    let huge = vec![b'('; 50 * 1024 * 1024];
    let e = parse_deck_bytes("groot.deck.ron", &huge).unwrap_err();
    assert!(e.problems[0].message.contains("MB"), "{e}");

    let deep = "(".repeat(100_000) + &")".repeat(100_000);
    assert!(parse_deck_str("diep.deck.ron", &deep).is_err());
    let deep_list = format!("(version: 1, title: {}", "[".repeat(200_000));
    assert!(parse_deck_str("diep.deck.ron", &deep_list).is_err());
}

#[test]
fn huge_file_on_disk_is_refused_by_size() {
    let dir = std::env::temp_dir().join(format!("lk-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("groot.deck.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(deck::MAX_DECK_BYTES + 1).unwrap();
    let e = deck::load_deck_file(&path).unwrap_err();
    assert!(e.problems[0].message.contains("MB"), "{e}");
    let e = deck::load_deck_file(&dir).unwrap_err();
    assert!(e.problems[0].message.contains("folder"), "{e}");
    let e = deck::load_deck_file(&dir.join("bestaat-niet.deck.ron")).unwrap_err();
    assert!(e.problems[0].message.contains("cannot open"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn optional_fields_can_be_left_out_or_written_with_some() {
    let text = r#"(
        version: 1, title: "Kort", language: "nl",
        scale: (squares: [(label: "nee", points: 0), (label: "ja", points: 1)], green_when: MedianAtLeast(0.5)),
        statements: [(id: "a", text: "Een", theme: "Thema"), (id: "b", text: "Twee", prompt: Some("Vraag?"))],
    )"#;
    let d = parse_deck_str("kort.deck.ron", text).unwrap();
    assert_eq!(d.statements[0].theme.as_deref(), Some("Thema"));
    assert_eq!(d.statements[1].prompt.as_deref(), Some("Vraag?"));
    assert!(d.case_prompts.is_empty());
}

pub fn arb_deck() -> impl Strategy<Value = Deck> {
    let square = (
        "[a-zA-Zéë ]{1,20}".prop_filter("label", |s| !s.trim().is_empty()),
        -5i32..5,
    );
    let statement = (
        "[a-z0-9_-]{1,12}",
        "[^\u{0}]{1,80}".prop_filter("text", |s| !s.trim().is_empty()),
        proptest::option::of("[^\u{0}]{1,30}"),
        proptest::option::of("[^\u{0}]{1,60}"),
    );
    (
        "[^\u{0}]{1,40}".prop_filter("title", |s| !s.trim().is_empty()),
        proptest::collection::vec(square, 2..=7),
        proptest::collection::vec(statement, 1..15),
        proptest::collection::vec(
            "[^\u{0}]{1,40}".prop_filter("p", |s| !s.trim().is_empty()),
            0..4,
        ),
        0.0f64..1.0,
    )
        .prop_map(|(title, squares, statements, case_prompts, frac)| {
            let mut squares: Vec<deck::Square> = squares
                .into_iter()
                .map(|(label, points)| deck::Square { label, points })
                .collect();
            for (i, s) in squares.iter_mut().enumerate() {
                s.points = i as i32 * 2 - 3;
            }
            let lo = squares[0].points as f64;
            let hi = squares[squares.len() - 1].points as f64;
            let mut statements: Vec<deck::Statement> = statements
                .into_iter()
                .map(|(id, text, theme, prompt)| deck::Statement {
                    id,
                    text,
                    theme,
                    prompt,
                })
                .collect();
            for (i, s) in statements.iter_mut().enumerate() {
                s.id = format!("{}-{i}", s.id);
            }
            Deck {
                version: deck::DECK_VERSION,
                language: "nl".into(),
                description: String::new(),
                scale: deck::Scale {
                    squares,
                    green_when: deck::StackRule::MeanAtLeast(lo + (hi - lo) * frac),
                },
                // Half the decks carry the built-in workshop programme, so it round-trips too.
                agenda: if title.len() % 2 == 0 {
                    deck::default_deck().agenda
                } else {
                    Vec::new()
                },
                statements,
                case_prompts,
                title,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn deck_round_trips_through_ron(d in arb_deck()) {
        let text = d.to_ron();
        let back = parse_deck_str("rt.deck.ron", &text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, d);
    }

    #[test]
    fn any_bytes_give_an_answer_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Err(e) = parse_deck_bytes("x.deck.ron", &bytes) {
            prop_assert!(!e.problems.is_empty());
            prop_assert!(e.problems.iter().all(|p| p.at.line >= 1 && p.at.col >= 1));
        }
    }

    #[test]
    fn mangled_builtin_decks_never_panic(cut in 0usize..3000, insert in "[(),\\[\\]\":a-z0-9 ]{0,5}") {
        let src = BUILTIN_DECKS[0].source;
        let at = src.floor_char_boundary(cut.min(src.len()));
        let mangled = format!("{}{}{}", &src[..at], insert, &src[at..]);
        let _ = parse_deck_str("m.deck.ron", &mangled);
    }
}

/// 200,000 statements with 100,000 ids used twice: the check locates the first problems, counts the
/// rest, and returns (it used to rescan the text for every problem, which takes hours). The limit is a
/// hang guard, far above what the check takes; the speed itself is in `benches/core.rs`.
#[test]
fn a_deck_full_of_duplicate_ids_is_checked_without_freezing() {
    let mut source = String::from("(version: 1, statements: [\n");
    let mut d = deck::default_deck();
    d.statements.clear();
    for round in 0..2 {
        for i in 0..100_000 {
            let id = format!("s{i}");
            source.push_str(&format!(
                "    (id: \"{id}\", text: \"Stelling {i}.{round}\"),\n"
            ));
            d.statements.push(deck::Statement {
                id,
                text: format!("Stelling {i}.{round}"),
                theme: None,
                prompt: None,
            });
        }
    }
    source.push_str("])\n");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(deck::validate_deck(&d, &source));
    });
    let problems = rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the check returns");
    assert_eq!(problems.len(), deck::MAX_REPORTED_PROBLEMS + 1);
    assert!(problems[0].message.contains("\"s0\" is used twice"));
    // The first duplicate is the second "s0", on line 2 + 100,000.
    assert_eq!(problems[0].at.line, 100_002);
    let last = problems.last().unwrap();
    assert!(last.message.contains("99900 more"), "{}", last.message);
}
