//! What the syntax cannot check: versions, the scale, ids, texts and the programme.

use super::*;

/// Checks what the syntax cannot: versions, scale size, threshold, ids and texts.
/// `source` is the deck text, used to point at the right line; pass "" when there is none.
pub fn validate_deck(deck: &Deck, source: &str) -> Vec<DeckProblem> {
    let loc = Locator::new(source);
    let mut problems = Vec::new();
    let mut more = 0usize;
    // Only the first problems are located (a file with 400,000 duplicate ids would otherwise take
    // minutes); the rest are counted. A problem is made at the start of the file and moved to `at`.
    let mut push = |at: &dyn Fn() -> Location, problem: DeckProblem| {
        if problems.len() < MAX_REPORTED_PROBLEMS {
            problems.push(DeckProblem {
                at: at(),
                ..problem
            });
        } else {
            more += 1;
        }
    };

    if deck.version == 0 || deck.version > DECK_VERSION {
        push(
            &|| loc.at("version", 0),
            DeckProblem::new(
                START,
                "deck-unknown-version",
                [
                    ("version", deck.version.to_string()),
                    ("supported", DECK_VERSION.to_string()),
                ],
                format!(
                    "unknown deck version {}; this app reads version {DECK_VERSION}. Write `version: {DECK_VERSION},` or update the app",
                    deck.version
                ),
            ),
        );
    }
    if deck.title.trim().is_empty() {
        push(
            &|| loc.at("title", 0),
            DeckProblem::new(
                START,
                "deck-empty-title",
                [],
                "the title is empty; give the deck a name, like title: \"Leerklimaat\"",
            ),
        );
    }
    if deck.language.trim().is_empty() {
        push(
            &|| loc.at("language", 0),
            DeckProblem::new(
                START,
                "deck-empty-language",
                [],
                "the language is empty; write a code like language: \"nl\" or \"en\"",
            ),
        );
    }
    let squares = &deck.scale.squares;
    if squares.len() < MIN_SQUARES || squares.len() > MAX_SQUARES {
        push(
            &|| loc.at("squares", 0),
            DeckProblem::new(
                START,
                "deck-square-count",
                [
                    ("count", squares.len().to_string()),
                    ("min", MIN_SQUARES.to_string()),
                    ("max", MAX_SQUARES.to_string()),
                ],
                format!(
                    "the scale has {} square(s); it needs {MIN_SQUARES} to {MAX_SQUARES}",
                    squares.len()
                ),
            ),
        );
    }
    for (i, sq) in squares.iter().enumerate() {
        if sq.label.trim().is_empty() {
            push(
                &|| loc.at("label", i),
                DeckProblem::new(
                    START,
                    "deck-empty-label",
                    [("square", (i + 1).to_string())],
                    format!(
                        "square {} has an empty label; write what the square means, like \"niet aanwezig\"",
                        i + 1
                    ),
                ),
            );
        }
    }
    for w in squares.windows(2) {
        if w[1].points <= w[0].points {
            push(
                &|| loc.at("points", 0),
                DeckProblem::new(
                    START,
                    "deck-points-not-rising",
                    [],
                    "the points of the squares must go up from the first square to the last",
                ),
            );
            break;
        }
    }
    if squares
        .iter()
        .any(|sq| !(-MAX_POINTS..=MAX_POINTS).contains(&sq.points))
    {
        push(
            &|| loc.at("points", 0),
            DeckProblem::new(
                START,
                "deck-points-out-of-range",
                [("max", MAX_POINTS.to_string())],
                format!("the points of a square must lie between -{MAX_POINTS} and {MAX_POINTS}"),
            ),
        );
    }
    if let (Some(first), Some(last)) = (squares.first(), squares.last()) {
        let t = deck.scale.green_when.threshold();
        let (lo, hi) = (
            first.points.min(last.points) as f64,
            first.points.max(last.points) as f64,
        );
        if !t.is_finite() || t < lo || t > hi {
            push(
                &|| loc.at("green_when", 0),
                DeckProblem::new(
                    START,
                    "deck-threshold-outside",
                    [
                        ("threshold", t.to_string()),
                        ("low", lo.to_string()),
                        ("high", hi.to_string()),
                    ],
                    format!(
                        "the threshold {t} is outside the scale; choose a value from {lo} to {hi}"
                    ),
                ),
            );
        }
    }
    if deck.statements.is_empty() {
        push(
            &|| loc.at("statements", 0),
            DeckProblem::new(
                START,
                "deck-no-statements",
                [],
                "the deck has no statements; add at least one (id: \"...\", text: \"...\")",
            ),
        );
    }
    // How often each id was seen so far: a map, so a 10,000-statement deck is checked in linear time.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, st) in deck.statements.iter().enumerate() {
        let id_at = |nth| {
            if st.id.is_empty() {
                loc.at("id:", i)
            } else {
                loc.at(&quoted(&st.id), nth)
            }
        };
        let (n, id) = ((i + 1).to_string(), quoted(&st.id));
        if st.id.trim().is_empty() {
            push(
                &|| id_at(0),
                DeckProblem::new(
                    START,
                    "deck-empty-id",
                    [("statement", n.clone())],
                    format!(
                        "statement {n} has an empty id; give it a short unique id like \"veiligheid\""
                    ),
                ),
            );
        } else if !st
            .id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            push(
                &|| id_at(0),
                DeckProblem::new(
                    START,
                    "deck-bad-id",
                    [("id", id.clone())],
                    format!("the id {id} may hold only letters, digits, - and _ (no spaces)"),
                ),
            );
        }
        let earlier = seen.get(st.id.as_str()).copied().unwrap_or(0);
        if earlier > 0 && !st.id.is_empty() {
            push(
                &|| id_at(earlier),
                DeckProblem::new(
                    START,
                    "deck-duplicate-id",
                    [("id", id.clone())],
                    format!("the id {id} is used twice; every statement needs its own id"),
                ),
            );
        }
        *seen.entry(st.id.as_str()).or_default() += 1;
        let length = st.text.chars().count();
        if st.text.trim().is_empty() {
            push(
                &|| id_at(0),
                DeckProblem::new(
                    START,
                    "deck-empty-text",
                    [("statement", n.clone()), ("id", id.clone())],
                    format!("statement {n} ({id}) has no text"),
                ),
            );
        } else if length > MAX_STATEMENT_CHARS {
            push(
                &|| id_at(0),
                DeckProblem::new(
                    START,
                    "deck-text-too-long",
                    [
                        ("id", id.clone()),
                        ("length", length.to_string()),
                        ("max", MAX_STATEMENT_CHARS.to_string()),
                    ],
                    format!(
                        "statement {id} is {length} characters long; keep it under {MAX_STATEMENT_CHARS} so it fits on a card"
                    ),
                ),
            );
        }
    }
    for (i, p) in deck.case_prompts.iter().enumerate() {
        if p.trim().is_empty() {
            push(
                &|| loc.at("case_prompts", 0),
                DeckProblem::new(
                    START,
                    "deck-empty-case-prompt",
                    [("prompt", (i + 1).to_string())],
                    format!("case prompt {} is empty", i + 1),
                ),
            );
        }
    }
    for (at, problem) in programme_problems(&deck.programme) {
        // A phase is found by its `kind:`; a problem of the whole programme points at `programme`.
        push(
            &|| match at {
                Some(i) => loc.at("kind:", i),
                None => loc.at("programme", 0),
            },
            problem,
        );
    }
    if more > 0 {
        problems.push(DeckProblem::new(
            START,
            "deck-more-problems",
            [("count", more.to_string())],
            format!(
                "and {more} more problems like these; fix the ones above first, then check again"
            ),
        ));
    }
    problems
}

/// What is wrong with a programme: the phase it is about (by its place), and what to do about it, as a
/// problem at the start of the file (`validate_deck` points it at the phase). An empty programme is
/// fine: the deck is only the game.
pub fn programme_problems(programme: &[Phase]) -> Vec<(Option<usize>, DeckProblem)> {
    let mut out = Vec::new();
    if programme.is_empty() {
        return out;
    }
    if programme.len() > MAX_PHASES {
        out.push((
            None,
            DeckProblem::new(
                START,
                "deck-programme-too-many-phases",
                [
                    ("count", programme.len().to_string()),
                    ("max", MAX_PHASES.to_string()),
                ],
                format!(
                    "the programme has {} phases; at most {MAX_PHASES}",
                    programme.len()
                ),
            ),
        ));
    }
    for (i, item) in programme.iter().enumerate() {
        let n = (i + 1).to_string();
        let title = item.title.trim();
        let (title_length, text_length) = (title.chars().count(), item.text.chars().count());
        if title.is_empty() {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-no-title",
                    [("phase", n.clone())],
                    format!(
                        "phase {n} of the programme has no title; write one, like title: \"Warming-up\""
                    ),
                ),
            ));
        } else if title_length > MAX_PHASE_TITLE_CHARS {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-title-too-long",
                    [
                        ("phase", n.clone()),
                        ("length", title_length.to_string()),
                        ("max", MAX_PHASE_TITLE_CHARS.to_string()),
                    ],
                    format!(
                        "the title of phase {n} is {title_length} characters long; keep it under {MAX_PHASE_TITLE_CHARS}"
                    ),
                ),
            ));
        }
        if item.minutes == 0 || item.minutes > MAX_PHASE_MINUTES {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-minutes",
                    [
                        ("phase", n.clone()),
                        ("title", quoted(title)),
                        ("minutes", item.minutes.to_string()),
                        ("max", MAX_PHASE_MINUTES.to_string()),
                    ],
                    format!(
                        "phase {n} ({}) lasts {} minutes; give it 1 to {MAX_PHASE_MINUTES}, like minutes: 15",
                        quoted(title),
                        item.minutes
                    ),
                ),
            ));
        }
        if text_length > MAX_PHASE_TEXT_CHARS {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-text-too-long",
                    [
                        ("phase", n.clone()),
                        ("length", text_length.to_string()),
                        ("max", MAX_PHASE_TEXT_CHARS.to_string()),
                    ],
                    format!(
                        "the text of phase {n} is {text_length} characters long; keep it under {MAX_PHASE_TEXT_CHARS}"
                    ),
                ),
            ));
        }
    }
    let place = |kind: PhaseKind| -> Vec<usize> {
        programme
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == kind)
            .map(|(i, _)| i)
            .collect()
    };
    let (games, plenaries) = (place(PhaseKind::Game), place(PhaseKind::Plenary));
    for (kind, found, name, missing, twice) in [
        (
            PhaseKind::Game,
            &games,
            "Game",
            "deck-programme-no-game",
            "deck-programme-two-games",
        ),
        (
            PhaseKind::Plenary,
            &plenaries,
            "Plenary",
            "deck-programme-no-plenary",
            "deck-programme-two-plenaries",
        ),
    ] {
        match found.as_slice() {
            [] => out.push((
                None,
                DeckProblem::new(
                    START,
                    missing,
                    [],
                    format!("the programme has no {name} phase; add one: (kind: {name}, title: \"...\", minutes: 30)"),
                ),
            )),
            [_] => {}
            [_, second, ..] => out.push((
                Some(*second),
                DeckProblem::new(
                    START,
                    twice,
                    [],
                    format!("the programme has more than one {name} phase ({kind:?}); keep one"),
                ),
            )),
        }
    }
    if let (Some(&game), Some(&plenary)) = (games.first(), plenaries.first()) {
        if plenary < game {
            out.push((
                Some(plenary),
                DeckProblem::new(
                    START,
                    "deck-plenary-before-game",
                    [],
                    "the Plenary phase comes before the Game phase; the plenary follows the game",
                ),
            ));
        }
        for (i, item) in programme.iter().enumerate() {
            let before_game = matches!(
                item.kind,
                PhaseKind::WarmUp | PhaseKind::LearningQuestion | PhaseKind::Review
            );
            if before_game && i > game {
                out.push((
                    Some(i),
                    DeckProblem::new(
                        START,
                        "deck-phase-after-game",
                        [
                            ("phase", (i + 1).to_string()),
                            ("kind", format!("{:?}", item.kind)),
                        ],
                        format!(
                            "phase {} ({:?}) comes after the game; a warm-up, the look back and the learning question come before it",
                            i + 1,
                            item.kind
                        ),
                    ),
                ));
            }
            if item.kind == PhaseKind::Closing && i < plenary {
                out.push((
                    Some(i),
                    DeckProblem::new(
                        START,
                        "deck-closing-before-plenary",
                        [("phase", (i + 1).to_string())],
                        format!(
                            "phase {} (Closing) comes before the plenary; the closing round comes last",
                            i + 1
                        ),
                    ),
                ));
            }
        }
    }
    out
}
