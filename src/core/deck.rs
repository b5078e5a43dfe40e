//! Statement decks: the `*.deck.ron` format, its validation, and errors a facilitator can act on.

use crate::core::session::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The newest deck format version this build reads and writes.
pub const DECK_VERSION: u32 = 1;
/// The largest deck file that is read at all. A real deck is a few kilobytes.
pub const MAX_DECK_BYTES: u64 = 8 * 1024 * 1024;
/// The largest number of points a square may give (either sign), so sums and shifts never overflow.
pub const MAX_POINTS: i32 = 1000;
/// Smallest and largest number of squares on the board.
pub const MIN_SQUARES: usize = 2;
pub const MAX_SQUARES: usize = 7;
/// The longest statement text that still fits on a card.
pub const MAX_STATEMENT_CHARS: usize = 400;

/// One square of the scale on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Square {
    pub label: String,
    pub points: i32,
}

/// The rule that sends a statement to the green stack (already present) or the red stack (needs work).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum StackRule {
    /// Green when the mean points of the placement are at or above this value.
    MeanAtLeast(f64),
    /// Green when the median points of the placement are at or above this value.
    MedianAtLeast(f64),
}

impl StackRule {
    pub fn threshold(self) -> f64 {
        match self {
            StackRule::MeanAtLeast(t) | StackRule::MedianAtLeast(t) => t,
        }
    }
}

/// The board's scale: squares from "not present" to "fully present", and the stack rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub squares: Vec<Square>,
    pub green_when: StackRule,
}

/// One statement card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Stable id, used to match statements across sessions. Letters, digits, `-` and `_`.
    pub id: String,
    pub text: String,
    /// The theme or factor the statement belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// A question that gets the conversation going.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
}

/// A whole deck, as written in a `*.deck.ron` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub version: u32,
    pub title: String,
    /// Language of the deck's content, as a code such as `nl` or `en`.
    pub language: String,
    #[serde(default)]
    pub description: String,
    pub scale: Scale,
    pub statements: Vec<Statement>,
    /// Questions that help a player work through a case they bring in.
    #[serde(default)]
    pub case_prompts: Vec<String>,
    /// The programme of the workshop around the game, phase by phase; none: only the game.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
}

/// What the screen shows in a phase of the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgendaKind {
    /// A screen with a title and a text: getting to know each other, a short talk, the research.
    Talk,
    /// Everyone types a few words; they grow into a word cloud as words repeat.
    WarmUp,
    /// Everyone writes what they want to learn today.
    LearningQuestion,
    /// The game: statements on the board, post-its.
    Game,
    /// The plenary round and the outcome.
    Plenary,
    /// The closing round: what stayed with each player, beside their learning question.
    Closing,
}

/// One phase of the programme: what it is, its name, its planned length, and what the screen says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub title: String,
    pub minutes: u32,
    /// The question or the instruction on the screen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The longest phase of a programme, in minutes: a whole day.
pub const MAX_AGENDA_MINUTES: u32 = 480;
/// The most phases in a programme.
pub const MAX_AGENDA_ITEMS: usize = 16;
/// The longest title of a phase.
pub const MAX_AGENDA_TITLE_CHARS: usize = 60;
/// The longest text of a phase.
pub const MAX_AGENDA_TEXT_CHARS: usize = 600;

/// Where in a file a problem is. Lines and columns count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub line: usize,
    pub col: usize,
}

/// One problem in a deck.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckProblem {
    pub at: Location,
    /// What is wrong, and how to fix it.
    pub message: String,
}

/// Why a deck could not be used. Every variant renders as `FILE:LINE:COL: message` lines.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckError {
    pub file: String,
    pub problems: Vec<DeckProblem>,
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}:{}: {}", self.file, p.at.line, p.at.col, p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for DeckError {}

impl DeckError {
    fn single(file: &str, at: Location, message: impl Into<String>) -> Self {
        DeckError {
            file: file.to_string(),
            problems: vec![DeckProblem {
                at,
                message: message.into(),
            }],
        }
    }
}

const START: Location = Location { line: 1, col: 1 };

/// The options every deck and session file is read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Reads and checks a deck file. Never panics, whatever the file holds.
pub fn load_deck_file(path: &Path) -> Result<Deck, DeckError> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(DeckError::single(
            &name,
            START,
            "this is a folder, not a deck file; choose a file whose name ends in .deck.ron",
        ));
    }
    let meta = std::fs::metadata(path).map_err(|e| {
        DeckError::single(
            &name,
            START,
            format!("cannot open the file: {e}; check the name and that you may read it"),
        )
    })?;
    // A pipe would block the loader until someone writes to it, and a device such as /dev/zero
    // never ends: only ordinary files are read.
    if !meta.is_file() {
        return Err(DeckError::single(
            &name,
            START,
            "this is not an ordinary file (a pipe, a device or a socket); save the deck as a .deck.ron file and choose that",
        ));
    }
    let too_big = |size: u64| {
        DeckError::single(
            &name,
            START,
            format!(
                "the file is {} MB; a deck is at most {} MB, so this is probably not a deck file",
                size / (1024 * 1024),
                MAX_DECK_BYTES / (1024 * 1024)
            ),
        )
    };
    if meta.len() > MAX_DECK_BYTES {
        return Err(too_big(meta.len()));
    }
    // Read with a hard limit, whatever the file's size said a moment ago.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            use std::io::Read as _;
            f.take(MAX_DECK_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| DeckError::single(&name, START, format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_DECK_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    parse_deck_bytes(&name, &bytes)
}

/// Parses and checks deck text given as raw bytes (from a file, a drop, or an editor).
pub fn parse_deck_bytes(file: &str, bytes: &[u8]) -> Result<Deck, DeckError> {
    if bytes.len() as u64 > MAX_DECK_BYTES {
        return Err(DeckError::single(
            file,
            START,
            format!(
                "the text is larger than {} MB; a deck is a few kilobytes",
                MAX_DECK_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = location_of_offset(
                &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                e.valid_up_to(),
            );
            return Err(DeckError::single(
                file,
                at,
                "the file is not UTF-8 text (is it a binary file, or saved in another encoding?); save it as UTF-8 in a text editor",
            ));
        }
    };
    parse_deck_str(file, text)
}

/// Parses and checks deck text.
pub fn parse_deck_str(file: &str, text: &str) -> Result<Deck, DeckError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(DeckError::single(
            file,
            START,
            "the file is empty; a deck starts with `(` and holds version, title, language, scale and statements (see the README)",
        ));
    }
    if body.contains('\0') {
        let offset = body.find('\0').unwrap_or(0);
        return Err(DeckError::single(
            file,
            location_of_offset(body, offset),
            "the file holds binary data, not deck text; choose a .deck.ron file",
        ));
    }
    let deck: Deck = ron_options().from_str(body).map_err(|e| {
        let at = Location {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        let rest = &body[offset_of(body, at).min(body.len())..];
        let message = if rest.trim().is_empty() && !matches!(e.code, ron::Error::Eof) {
            format!(
                "the file ends too early; a closing `)` or `]` is probably missing ({})",
                e.code
            )
        } else {
            explain_ron_error(&e.code)
        };
        DeckError::single(file, at, message)
    })?;
    let problems = validate_deck(&deck, body);
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(DeckError {
            file: file.to_string(),
            problems,
        })
    }
}

/// Turns a RON syntax error into words a facilitator can act on.
fn explain_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    let part = |outer: &Option<String>| match outer.as_deref() {
        Some("Statement") => "a statement",
        Some("Square") => "a square",
        Some("Scale") => "the scale",
        _ => "the deck",
    };
    let hint: String = match code {
        E::Eof => {
            "the file ends too early; a bracket `)` or `]` or a closing quote is probably missing"
                .into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected `(`; the deck and each statement and square start with `(`".into()
        }
        E::ExpectedStructLikeEnd => {
            "expected `)` here; check for a missing comma or an extra value".into()
        }
        E::ExpectedArray => "expected a list in square brackets `[ ... ]`".into(),
        E::ExpectedArrayEnd => {
            "expected `]` or a comma; check the comma between items in this list".into()
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            "expected text in double quotes, like \"Veiligheid\"".into()
        }
        E::ExpectedInteger | E::ExpectedFloat => "expected a number here".into(),
        E::ExpectedComma => "expected a comma `,` between two items".into(),
        E::MissingStructField { field, outer } => {
            format!(
                "{} has no `{field}`; add `{field}: ...` (see the deck reference in the README)",
                part(outer)
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a field of {}; check its spelling. Allowed here: {}",
            part(outer),
            expected.join(", ")
        ),
        E::DuplicateStructField { field, .. } => format!("`{field}` appears twice; keep one"),
        E::ExceededRecursionLimit => "the brackets are nested far too deep for a deck".into(),
        E::UnclosedBlockComment => "a comment opened with /* is never closed with */".into(),
        _ => String::new(),
    };
    if hint.is_empty() {
        format!("this is not valid deck syntax: {code}")
    } else {
        hint
    }
}

/// Line and column (from 1) of a byte offset in `text`.
pub fn location_of_offset(text: &str, offset: usize) -> Location {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location { line, col }
}

/// Byte offset of a line and column (from 1) in `text`.
fn offset_of(text: &str, at: Location) -> usize {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == at.line {
            return offset
                + line
                    .char_indices()
                    .nth(at.col.saturating_sub(1))
                    .map_or(line.len(), |(o, _)| o);
        }
        offset += line.len();
    }
    text.len()
}

/// Where the `nth` (from 0) occurrence of `needle` is in `source`, or the start of the file.
/// At most this many problems of a deck are located and reported; the rest are counted.
pub const MAX_REPORTED_PROBLEMS: usize = 100;

/// Finds where things are in a deck's text: the lines are indexed once, and every needle is searched
/// once however often it is asked for.
struct Locator<'a> {
    source: &'a str,
    line_starts: std::cell::OnceCell<Vec<usize>>,
    found: std::cell::RefCell<std::collections::HashMap<String, Vec<usize>>>,
}

impl<'a> Locator<'a> {
    fn new(source: &'a str) -> Self {
        Locator {
            source,
            line_starts: std::cell::OnceCell::new(),
            found: std::cell::RefCell::default(),
        }
    }

    /// Where the `nth` (from 0) occurrence of `needle` is, or the start of the file.
    fn at(&self, needle: &str, nth: usize) -> Location {
        if needle.is_empty() {
            return START;
        }
        let offset = {
            let mut found = self.found.borrow_mut();
            let offsets = found.entry(needle.to_string()).or_insert_with(|| {
                self.source
                    .match_indices(needle)
                    .map(|(offset, _)| offset)
                    .collect()
            });
            offsets.get(nth).copied()
        };
        offset.map_or(START, |o| self.location(o))
    }

    fn location(&self, offset: usize) -> Location {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.source.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = self
            .source
            .floor_char_boundary(offset.min(self.source.len()));
        let line = starts.partition_point(|s| *s <= offset).max(1);
        let col = self.source[starts[line - 1]..offset].chars().count() + 1;
        Location { line, col }
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Checks what the syntax cannot: versions, scale size, threshold, ids and texts.
/// `source` is the deck text, used to point at the right line; pass "" when there is none.
pub fn validate_deck(deck: &Deck, source: &str) -> Vec<DeckProblem> {
    let loc = Locator::new(source);
    let mut problems = Vec::new();
    let mut more = 0usize;
    // Only the first problems are located (a file with 400,000 duplicate ids would otherwise take
    // minutes); the rest are counted.
    let mut push = |at: &dyn Fn() -> Location, message: String| {
        if problems.len() < MAX_REPORTED_PROBLEMS {
            problems.push(DeckProblem { at: at(), message });
        } else {
            more += 1;
        }
    };

    if deck.version == 0 || deck.version > DECK_VERSION {
        push(
            &|| loc.at("version", 0),
            format!(
                "unknown deck version {}; this app reads version {DECK_VERSION}. Write `version: {DECK_VERSION},` or update the app",
                deck.version
            ),
        );
    }
    if deck.title.trim().is_empty() {
        push(
            &|| loc.at("title", 0),
            "the title is empty; give the deck a name, like title: \"Leerklimaat\"".into(),
        );
    }
    if deck.language.trim().is_empty() {
        push(
            &|| loc.at("language", 0),
            "the language is empty; write a code like language: \"nl\" or \"en\"".into(),
        );
    }
    let squares = &deck.scale.squares;
    if squares.len() < MIN_SQUARES || squares.len() > MAX_SQUARES {
        push(
            &|| loc.at("squares", 0),
            format!(
                "the scale has {} square(s); it needs {MIN_SQUARES} to {MAX_SQUARES}",
                squares.len()
            ),
        );
    }
    for (i, sq) in squares.iter().enumerate() {
        if sq.label.trim().is_empty() {
            push(
                &|| loc.at("label", i),
                format!(
                    "square {} has an empty label; write what the square means, like \"niet aanwezig\"",
                    i + 1
                ),
            );
        }
    }
    for w in squares.windows(2) {
        if w[1].points <= w[0].points {
            push(
                &|| loc.at("points", 0),
                "the points of the squares must go up from the first square to the last".into(),
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
            format!("the points of a square must lie between -{MAX_POINTS} and {MAX_POINTS}"),
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
                format!("the threshold {t} is outside the scale; choose a value from {lo} to {hi}"),
            );
        }
    }
    if deck.statements.is_empty() {
        push(
            &|| loc.at("statements", 0),
            "the deck has no statements; add at least one (id: \"...\", text: \"...\")".into(),
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
        if st.id.trim().is_empty() {
            push(
                &|| id_at(0),
                format!(
                    "statement {} has an empty id; give it a short unique id like \"veiligheid\"",
                    i + 1
                ),
            );
        } else if !st
            .id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            push(
                &|| id_at(0),
                format!(
                    "the id {} may hold only letters, digits, - and _ (no spaces)",
                    quoted(&st.id)
                ),
            );
        }
        let earlier = seen.get(st.id.as_str()).copied().unwrap_or(0);
        if earlier > 0 && !st.id.is_empty() {
            push(
                &|| id_at(earlier),
                format!(
                    "the id {} is used twice; every statement needs its own id",
                    quoted(&st.id)
                ),
            );
        }
        *seen.entry(st.id.as_str()).or_default() += 1;
        if st.text.trim().is_empty() {
            push(
                &|| id_at(0),
                format!("statement {} ({}) has no text", i + 1, quoted(&st.id)),
            );
        } else if st.text.chars().count() > MAX_STATEMENT_CHARS {
            push(
                &|| id_at(0),
                format!(
                    "statement {} is {} characters long; keep it under {MAX_STATEMENT_CHARS} so it fits on a card",
                    quoted(&st.id),
                    st.text.chars().count()
                ),
            );
        }
    }
    for (i, p) in deck.case_prompts.iter().enumerate() {
        if p.trim().is_empty() {
            push(
                &|| loc.at("case_prompts", 0),
                format!("case prompt {} is empty", i + 1),
            );
        }
    }
    for (at, message) in agenda_problems(&deck.agenda) {
        // A phase is found by its `kind:`; a problem of the whole agenda points at `agenda`.
        push(
            &|| match at {
                Some(i) => loc.at("kind:", i),
                None => loc.at("agenda", 0),
            },
            message,
        );
    }
    if more > 0 {
        problems.push(DeckProblem {
            at: START,
            message: format!(
                "and {more} more problems like these; fix the ones above first, then check again"
            ),
        });
    }
    problems
}

/// What is wrong with a programme: the phase it is about (by its place), and what to do about it.
/// An empty programme is fine: the deck is only the game.
pub fn agenda_problems(agenda: &[AgendaItem]) -> Vec<(Option<usize>, String)> {
    let mut out = Vec::new();
    if agenda.is_empty() {
        return out;
    }
    if agenda.len() > MAX_AGENDA_ITEMS {
        out.push((
            None,
            format!(
                "the agenda has {} phases; at most {MAX_AGENDA_ITEMS}",
                agenda.len()
            ),
        ));
    }
    for (i, item) in agenda.iter().enumerate() {
        let n = i + 1;
        let title = item.title.trim();
        if title.is_empty() {
            out.push((
                Some(i),
                format!(
                    "phase {n} of the agenda has no title; write one, like title: \"Warming-up\""
                ),
            ));
        } else if title.chars().count() > MAX_AGENDA_TITLE_CHARS {
            out.push((
                Some(i),
                format!(
                    "the title of phase {n} is {} characters long; keep it under {MAX_AGENDA_TITLE_CHARS}",
                    title.chars().count()
                ),
            ));
        }
        if item.minutes == 0 || item.minutes > MAX_AGENDA_MINUTES {
            out.push((
                Some(i),
                format!(
                    "phase {n} ({}) lasts {} minutes; give it 1 to {MAX_AGENDA_MINUTES}, like minutes: 15",
                    quoted(title),
                    item.minutes
                ),
            ));
        }
        if item.text.chars().count() > MAX_AGENDA_TEXT_CHARS {
            out.push((
                Some(i),
                format!(
                    "the text of phase {n} is {} characters long; keep it under {MAX_AGENDA_TEXT_CHARS}",
                    item.text.chars().count()
                ),
            ));
        }
    }
    let place = |kind: AgendaKind| -> Vec<usize> {
        agenda
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == kind)
            .map(|(i, _)| i)
            .collect()
    };
    let (games, plenaries) = (place(AgendaKind::Game), place(AgendaKind::Plenary));
    for (kind, found, name) in [
        (AgendaKind::Game, &games, "Game"),
        (AgendaKind::Plenary, &plenaries, "Plenary"),
    ] {
        match found.as_slice() {
            [] => out.push((
                None,
                format!("the agenda has no {name} phase; add one: (kind: {name}, title: \"...\", minutes: 30)"),
            )),
            [_] => {}
            [_, second, ..] => out.push((
                Some(*second),
                format!("the agenda has more than one {name} phase ({kind:?}); keep one"),
            )),
        }
    }
    if let (Some(&game), Some(&plenary)) = (games.first(), plenaries.first()) {
        if plenary < game {
            out.push((
                Some(plenary),
                "the Plenary phase comes before the Game phase; the plenary follows the game"
                    .into(),
            ));
        }
        for (i, item) in agenda.iter().enumerate() {
            let before_game =
                matches!(item.kind, AgendaKind::WarmUp | AgendaKind::LearningQuestion);
            if before_game && i > game {
                out.push((
                    Some(i),
                    format!(
                        "phase {} ({:?}) comes after the game; a warm-up and the learning question come before it",
                        i + 1,
                        item.kind
                    ),
                ));
            }
            if item.kind == AgendaKind::Closing && i < plenary {
                out.push((
                    Some(i),
                    format!(
                        "phase {} (Closing) comes before the plenary; the closing round comes last",
                        i + 1
                    ),
                ));
            }
        }
    }
    out
}

impl Deck {
    /// The deck as RON text in the layout this app writes.
    pub fn to_ron(&self) -> String {
        let pretty = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .indentor("    ".to_string());
        // Serialising plain data into a String cannot fail.
        ron_options()
            .to_string_pretty(self, pretty)
            .unwrap_or_default()
    }

    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }

    /// Points of the square at `index`.
    pub fn points(&self, square: usize) -> Option<i32> {
        self.scale.squares.get(square).map(|s| s.points)
    }
}

/// A deck that ships inside the binary.
pub struct BuiltinDeck {
    pub key: &'static str,
    pub file: &'static str,
    pub source: &'static str,
}

/// The decks in `cards/`, embedded so the app needs no files.
pub const BUILTIN_DECKS: [BuiltinDeck; 3] = [
    BuiltinDeck {
        key: "leerklimaat",
        file: "cards/leerklimaat.deck.ron",
        source: include_str!("../../cards/leerklimaat.deck.ron"),
    },
    BuiltinDeck {
        key: "leerruimte",
        file: "cards/leerruimte.deck.ron",
        source: include_str!("../../cards/leerruimte.deck.ron"),
    },
    BuiltinDeck {
        key: "learning-climate",
        file: "cards/learning-climate.deck.ron",
        source: include_str!("../../cards/learning-climate.deck.ron"),
    },
];

/// Loads a built-in deck by key. The built-in decks are checked by the tests, so this only fails on an
/// unknown key.
pub fn builtin_deck(key: &str) -> Option<Deck> {
    BUILTIN_DECKS
        .iter()
        .find(|d| d.key == key)
        .and_then(|d| parse_deck_str(d.file, d.source).ok())
}

/// The default deck: "Leerklimaat", in Dutch.
pub fn default_deck() -> Deck {
    builtin_deck("leerklimaat").unwrap_or_else(fallback_deck)
}

/// A one-statement deck, used only if the embedded default could not be read.
fn fallback_deck() -> Deck {
    Deck {
        version: DECK_VERSION,
        title: "Leerklimaat".into(),
        language: "nl".into(),
        description: String::new(),
        scale: Scale {
            squares: vec![
                Square {
                    label: "niet aanwezig".into(),
                    points: 1,
                },
                Square {
                    label: "volledig aanwezig".into(),
                    points: 2,
                },
            ],
            green_when: StackRule::MeanAtLeast(1.5),
        },
        statements: vec![Statement {
            id: "leerklimaat".into(),
            text: "Bij ons is er een goed leerklimaat.".into(),
            theme: None,
            prompt: None,
        }],
        case_prompts: vec![],
        agenda: Vec::new(),
    }
}

/// Why a deck could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum DeckSaveError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}")]
    ReadBack(String),
    #[error("{0}: the saved deck reads back differently")]
    Differs(String),
}

/// A file name for the deck in `dir` that is not taken yet: `title.deck.ron`, `title-2.deck.ron`, ...
pub fn free_file_name(title: &str, dir: Option<&Path>) -> String {
    let name = file_name_for(title);
    let Some(dir) = dir else { return name };
    let stem = name.trim_end_matches(".deck.ron").to_string();
    (1..)
        .map(|n| {
            if n == 1 {
                name.clone()
            } else {
                format!("{stem}-{n}.deck.ron")
            }
        })
        .find(|candidate| !dir.join(candidate).exists())
        .unwrap_or(name)
}

/// A new deck to start from: four squares and one empty statement, in the interface language.
pub fn blank_deck(lang: Lang) -> Deck {
    let w = |id: &str| crate::core::i18n::tr(lang, id);
    Deck {
        version: DECK_VERSION,
        title: w("deck-blank-title"),
        language: lang.code().into(),
        description: String::new(),
        scale: Scale {
            squares: [
                "deck-blank-square-1",
                "deck-blank-square-2",
                "deck-blank-square-3",
                "deck-blank-square-4",
            ]
            .into_iter()
            .zip(1..)
            .map(|(id, points)| Square {
                label: w(id),
                points,
            })
            .collect(),
            green_when: StackRule::MeanAtLeast(2.5),
        },
        statements: vec![Statement {
            id: "stelling-1".into(),
            text: String::new(),
            theme: None,
            prompt: None,
        }],
        case_prompts: Vec::new(),
        agenda: Vec::new(),
    }
}

/// A file name made from a deck title: lower case, letters and digits, `-` between words.
pub fn file_name_for(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.deck.ron", if name.is_empty() { "deck" } else { name })
}

/// Writes the deck as `.deck.ron`, crash-safely, and reads it back to be sure it loads identical.
pub fn save_deck(deck: &Deck, path: &Path) -> Result<PathBuf, DeckSaveError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| DeckSaveError::Io(dir.display().to_string(), e))?;
    }
    let text = deck.to_ron();
    let mut file = atomic_write_file::AtomicWriteFile::open(path)
        .map_err(|e| DeckSaveError::Io(path.display().to_string(), e))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| DeckSaveError::Io(path.display().to_string(), e))?;
    file.commit()
        .map_err(|e| DeckSaveError::Io(path.display().to_string(), e))?;
    let back = load_deck_file(path).map_err(|e| DeckSaveError::ReadBack(e.to_string()))?;
    if back != *deck {
        return Err(DeckSaveError::Differs(path.display().to_string()));
    }
    Ok(path.to_path_buf())
}
