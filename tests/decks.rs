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
    // One statement per factor of a learning climate (the game's source documents).
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
    ("programme-zero-minutes", 9, "lasts 0 minutes"),
    ("programme-no-game", 7, "no Game phase"),
    ("programme-unknown-kind", 8, "expected one of `Talk`"),
    ("programme-closing-first", 8, "the closing round comes last"),
    // A text whose closing quote was forgotten runs on into the next line: found where it opens, not
    // as the missing comma the parser stumbles on a line later.
    (
        "missing-quote",
        9,
        "closing quote `\"` is probably missing at the end of line 9",
    ),
    (
        "unclosed-last-text",
        7,
        "closing quote `\"` is probably missing at the end of line 7",
    ),
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

/// A deck written before the programme had one name calls it `agenda`; it still reads, and it is
/// written back as `programme`.
#[test]
fn a_deck_that_calls_its_programme_agenda_still_reads() {
    let text = r#"(
        version: 1, title: "Oud", language: "nl",
        scale: (squares: [(label: "nee", points: 0), (label: "ja", points: 1)], green_when: MedianAtLeast(0.5)),
        statements: [(id: "a", text: "Een")],
        agenda: [
            (kind: Game, title: "Spel", minutes: 30),
            (kind: Plenary, title: "Plenair", minutes: 15),
        ],
    )"#;
    let d = parse_deck_str("oud.deck.ron", text).unwrap();
    let kinds: Vec<_> = d.programme.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [deck::PhaseKind::Game, deck::PhaseKind::Plenary]);
    let written = d.to_ron();
    assert!(
        written.contains("programme: [") && !written.contains("agenda"),
        "{written}"
    );
    assert_eq!(parse_deck_str("nieuw.deck.ron", &written).unwrap(), d);
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
                programme: if title.len() % 2 == 0 {
                    deck::default_deck().programme
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

/// A problem reads in the interface's language: Dutch names the id and says what to do, English is the
/// command line's text.
#[test]
fn a_deck_problem_is_described_in_the_interface_language() {
    use leerklimaat::core::i18n::Texts;
    use leerklimaat::core::session::Lang;
    let tr = Texts::default();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_decks/duplicate-id.deck.ron");
    let err = deck::load_deck_file(&path).unwrap_err();
    let p = &err.problems[0];
    assert_eq!(p.key, "deck-duplicate-id");
    assert_eq!(
        p.describe(&tr, Lang::Nl),
        "de id \"veiligheid\" komt twee keer voor; geef elke stelling een eigen id"
    );
    assert_eq!(p.describe(&tr, Lang::En), p.message);
    // The command line keeps the English text.
    assert!(err.to_string().ends_with(&p.message), "{err}");
    // An id without a text falls back to the English.
    let unknown = deck::DeckProblem {
        key: "deck-no-such-problem",
        ..p.clone()
    };
    assert_eq!(unknown.describe(&tr, Lang::Nl), p.message);
    // A missing quote, and a number that chooses the plural.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_decks/missing-quote.deck.ron");
    let err = deck::load_deck_file(&path).unwrap_err();
    assert!(
        err.problems[0].describe(&tr, Lang::Nl).starts_with(
            "waarschijnlijk ontbreekt aan het eind van regel 9 een afsluitend aanhalingsteken"
        ),
        "{:?}",
        err.problems[0]
    );
    let mut one = deck::default_deck();
    one.scale.squares.truncate(1);
    one.scale.green_when = deck::StackRule::MeanAtLeast(1.0);
    let problems = deck::validate_deck(&one, "");
    assert_eq!(
        problems[0].describe(&tr, Lang::Nl),
        "de schaal heeft één vakje; dat moeten er 2 tot 7 zijn"
    );
}

/// Problems of every kind a deck can have: the bad-deck corpus, files that are no deck, syntax
/// mistakes, and decks broken field by field, programme included.
fn every_kind_of_problem() -> Vec<deck::DeckProblem> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut add = |e: deck::DeckError| problems.extend(e.problems);
    for entry in std::fs::read_dir(root.join("tests/bad_decks")).unwrap() {
        add(deck::load_deck_file(&entry.unwrap().path()).unwrap_err());
    }
    add(deck::load_deck_file(root).unwrap_err());
    add(deck::load_deck_file(&root.join("bestaat-niet.deck.ron")).unwrap_err());
    #[cfg(unix)]
    add(deck::load_deck_file(Path::new("/dev/null")).unwrap_err());
    add(parse_deck_bytes("x", &vec![b' '; deck::MAX_DECK_BYTES as usize + 1]).unwrap_err());
    let dir = std::env::temp_dir().join(format!("lk-problems-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let huge = dir.join("groot.deck.ron");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(deck::MAX_DECK_BYTES + 1).unwrap();
    add(deck::load_deck_file(&huge).unwrap_err());
    std::fs::remove_dir_all(&dir).unwrap();
    for bytes in [&b""[..], b"(\0)", b"(title: \"caf\xe9\")"] {
        add(parse_deck_bytes("x", bytes).unwrap_err());
    }
    let head = "version: 1, title: \"T\", language: \"nl\"";
    let scale = "scale: (squares: [(label: \"a\", points: 1), (label: \"b\", points: 2)], green_when: MeanAtLeast(1.5))";
    for text in [
        "(version: 1, title: \"T\"".to_string(),
        "(version: 1,".into(),
        "(version: 1, title: \"T\", language: \"nl\", scale: (squares: [(label: \"a\"".into(),
        "[]".into(),
        format!("({head}, {scale}, statements: (id: \"a\"))"),
        format!("({head}, {scale}, statements: [(id: \"a\", text: \"b\") (id: \"c\")])"),
        format!("({head}, {scale}, statements: [(id: \"a\", text: \"b\" theme: \"c\")])"),
        format!("({head}, {scale}, statements: [(id: a)])"),
        format!("({head}, {scale}, statements: [(id: \"a\", text: \"b\")], case_prompts: [1])"),
        "(version: \"1\")".into(),
        "(version: 1, version: 1)".into(),
        format!(
            "({head}, statements: [(id: \"a\", text: \"b\")], {scale}, programme: [(kind: Game, title: \"x\", minutes: 1, mood: 3)])"
        ),
        format!("({head}, {scale}, statements: [(text: \"b\")])"),
        format!(
            "({head}, scale: (squares: [(label: \"a\")], green_when: MeanAtLeast(1.5)), statements: [])"
        ),
        format!("({head}, scale: (squares: []), statements: [])"),
        "(version: 1 /* open".into(),
        "(".repeat(200) + &")".repeat(200),
        "(version: 1, title: \"T\"))".into(),
        format!("({head}, scale: (squares: [], green_when: MeanAtLeast(1.5 2)))"),
    ] {
        add(parse_deck_str("x", &text).unwrap_err());
    }
    let mut d = deck::default_deck();
    d.version = 0;
    d.title = " ".into();
    d.language = String::new();
    d.scale.squares[1].label = String::new();
    d.scale.squares[2].points = -5000;
    d.scale.green_when = deck::StackRule::MedianAtLeast(f64::NAN);
    d.statements[0].id = String::new();
    d.statements[1].id = "met spatie".into();
    d.statements[2].id = d.statements[3].id.clone();
    d.statements[4].text = "\n".into();
    d.statements[5].text = "x".repeat(deck::MAX_STATEMENT_CHARS + 1);
    d.case_prompts.push(" ".into());
    let phase = |kind, title: &str, minutes| deck::Phase {
        kind,
        title: title.into(),
        minutes,
        text: String::new(),
    };
    use deck::PhaseKind as K;
    d.programme = vec![
        phase(K::Closing, "", 0),
        phase(K::Plenary, &"x".repeat(deck::MAX_PHASE_TITLE_CHARS + 1), 10),
        phase(K::Game, "Spel", 10),
        phase(K::WarmUp, "Warming-up", 10),
        phase(K::Game, "Nog een spel", 10),
        phase(K::Plenary, "Nog een plenair deel", 10),
    ];
    d.programme[2].text = "x".repeat(deck::MAX_PHASE_TEXT_CHARS + 1);
    problems.extend(deck::validate_deck(&d, ""));
    d.programme = vec![phase(K::Talk, "Welkom", 10); deck::MAX_PHASES + 1];
    problems.extend(deck::validate_deck(&d, ""));
    d.statements.clear();
    d.scale.squares.truncate(1);
    problems.extend(deck::validate_deck(&d, ""));
    let mut many = deck::default_deck();
    many.statements = vec![many.statements[0].clone(); deck::MAX_REPORTED_PROBLEMS + 3];
    problems.extend(deck::validate_deck(&many, ""));
    problems
}

/// Every problem a deck can have has a text in both `*-deck.ftl` files, the English one word for word
/// the command line's, and the Dutch one its own, with every argument filled in. Every id the deck
/// code names is in both languages, and (but for the file system's errors) every id of the files is
/// met here.
#[test]
fn every_deck_problem_has_a_text_in_both_languages() {
    use leerklimaat::core::i18n::{DECK_MESSAGE_FILES, Texts, message_ids};
    use leerklimaat::core::session::Lang;
    let tr = Texts::default();
    let mut seen = std::collections::BTreeSet::new();
    for p in every_kind_of_problem() {
        for lang in [Lang::Nl, Lang::En] {
            assert!(tr.has(lang, p.key), "{} has no {lang:?} text: {p:?}", p.key);
        }
        let (nl, en) = (p.describe(&tr, Lang::Nl), p.describe(&tr, Lang::En));
        assert_eq!(en, p.message, "{}: en-deck.ftl and the code differ", p.key);
        assert_ne!(
            nl, p.message,
            "{}: the Dutch text is the English one",
            p.key
        );
        assert!(
            !nl.contains('{'),
            "{}: a placeable is not filled in: {nl}",
            p.key
        );
        seen.insert(p.key);
    }
    // Every id named in the code that makes problems has a text in both languages.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("src/core/deck"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(root.join("src/decks/mod.rs"));
    assert!(files.len() > 2, "the deck's code is where this test looks");
    for file in &files {
        let file = file.display();
        let code = std::fs::read_to_string(file.to_string()).unwrap();
        for (at, _) in code.match_indices("\"deck-") {
            let id: String = code[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            for lang in [Lang::Nl, Lang::En] {
                assert!(tr.has(lang, &id), "{file}: {id} has no {lang:?} text");
            }
        }
    }
    let unmet: Vec<String> = message_ids(DECK_MESSAGE_FILES[1].1)
        .into_iter()
        .filter(|id| !seen.contains(id.as_str()))
        // A read that fails after the open, a deck changed outside setup (the game's, not the
        // parser's), and two that RON does not raise for a deck's shape (a deck nests only four deep,
        // and its lists end at a missing comma).
        .filter(|id| {
            ![
                "deck-cannot-read",
                "deck-only-in-setup",
                "deck-too-deep",
                "deck-syntax-expected-list-end",
            ]
            .contains(&id.as_str())
        })
        .collect();
    assert!(unmet.is_empty(), "no problem of the kind: {unmet:?}");
}
