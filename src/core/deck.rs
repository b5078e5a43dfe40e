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
    /// What is wrong, and how to fix it, in English: for the command line, the logs and the tests.
    pub message: String,
    /// The Fluent id of the same text in `locales/*-deck.ftl`, for the interface's language.
    pub key: &'static str,
    /// The arguments of that text. Texts from libraries (a RON or a file system error) stay as they are.
    pub args: Vec<(&'static str, String)>,
}

impl DeckProblem {
    /// A problem at `at`: its Fluent id and arguments, and the same text in English.
    pub fn new<const N: usize>(
        at: Location,
        key: &'static str,
        args: [(&'static str, String); N],
        message: impl Into<String>,
    ) -> Self {
        DeckProblem {
            at,
            message: message.into(),
            key,
            args: args.into(),
        }
    }

    /// What is wrong and how to fix it, in `lang`; the English `message` if the id has no text there.
    /// A whole-number argument is passed as a number, so the text can choose singular or plural.
    pub fn describe(&self, tr: &crate::core::i18n::Texts, lang: Lang) -> String {
        if !tr.has(lang, self.key) {
            return self.message.clone();
        }
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value.parse::<i64>() {
                    Ok(n) if n.to_string() == *value => fluent_bundle::FluentValue::from(n),
                    _ => fluent_bundle::FluentValue::from(value.as_str()),
                };
                (*name, value)
            })
            .collect();
        tr.format(lang, self.key, &args)
    }
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
    fn single(file: &str, problem: DeckProblem) -> Self {
        DeckError {
            file: file.to_string(),
            problems: vec![problem],
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
    use crate::core::files::{ReadProblem, read_ordinary_file};
    let name = path.display().to_string();
    let problem = match read_ordinary_file(path, MAX_DECK_BYTES) {
        Ok(bytes) => return parse_deck_bytes(&name, &bytes),
        Err(ReadProblem::Folder) => DeckProblem::new(
            START,
            "deck-is-folder",
            [],
            "this is a folder, not a deck file; choose a file whose name ends in .deck.ron",
        ),
        Err(ReadProblem::Open(e)) => DeckProblem::new(
            START,
            "deck-cannot-open",
            [("error", e.to_string())],
            format!("cannot open the file: {e}; check the name and that you may read it"),
        ),
        // A pipe would block the loader until someone writes to it, and a device such as /dev/zero
        // never ends: only ordinary files are read.
        Err(ReadProblem::NotAFile) => DeckProblem::new(
            START,
            "deck-not-a-file",
            [],
            "this is not an ordinary file (a pipe, a device or a socket); save the deck as a .deck.ron file and choose that",
        ),
        Err(ReadProblem::TooBig(size)) => {
            let (size, max) = (size / (1024 * 1024), MAX_DECK_BYTES / (1024 * 1024));
            DeckProblem::new(
                START,
                "deck-file-too-big",
                [("size", size.to_string()), ("max", max.to_string())],
                format!(
                    "the file is {size} MB; a deck is at most {max} MB, so this is probably not a deck file"
                ),
            )
        }
        Err(ReadProblem::Read(e)) => DeckProblem::new(
            START,
            "deck-cannot-read",
            [("error", e.to_string())],
            format!("cannot read the file: {e}"),
        ),
    };
    Err(DeckError::single(&name, problem))
}

/// Parses and checks deck text given as raw bytes (from a file, a drop, or an editor).
pub fn parse_deck_bytes(file: &str, bytes: &[u8]) -> Result<Deck, DeckError> {
    if bytes.len() as u64 > MAX_DECK_BYTES {
        let max = MAX_DECK_BYTES / (1024 * 1024);
        return Err(DeckError::single(
            file,
            DeckProblem::new(
                START,
                "deck-text-too-big",
                [("max", max.to_string())],
                format!("the text is larger than {max} MB; a deck is a few kilobytes"),
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
                DeckProblem::new(
                    at,
                    "deck-not-utf8",
                    [],
                    "the file is not UTF-8 text (is it a binary file, or saved in another encoding?); save it as UTF-8 in a text editor",
                ),
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
            DeckProblem::new(
                START,
                "deck-empty-file",
                [],
                "the file is empty; a deck starts with `(` and holds version, title, language, scale and statements (see the README)",
            ),
        ));
    }
    if body.contains('\0') {
        let offset = body.find('\0').unwrap_or(0);
        return Err(DeckError::single(
            file,
            DeckProblem::new(
                location_of_offset(body, offset),
                "deck-binary",
                [],
                "the file holds binary data, not deck text; choose a .deck.ron file",
            ),
        ));
    }
    let deck: Deck = ron_options()
        .from_str(body)
        .map_err(|e| DeckError::single(file, syntax_problem(body, &e)))?;
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

/// Where a RON error in `body` really is, and what to do about it.
fn syntax_problem(body: &str, e: &ron::error::SpannedError) -> DeckProblem {
    let at = Location {
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
    };
    let offset = offset_of(body, at).min(body.len());
    // A text whose closing quote was forgotten runs on to the next quote, on a later line, and the
    // error comes right after that quote: the quote is missing where the text opened. A deck's texts
    // never hold a line break (the app writes `\n`), so a text over two lines is the sign. A text that
    // never ends at all is reported by RON where it opens.
    let open_quote = match e.code {
        ron::Error::ExpectedStringEnd if body[offset..].starts_with('"') => Some(offset),
        _ => string_before(body, offset)
            .filter(|(start, end)| body[*start..*end].contains('\n'))
            .map(|(start, _)| start),
    };
    if let Some(start) = open_quote {
        let at = location_of_offset(body, start);
        return DeckProblem::new(
            at,
            "deck-missing-quote",
            [("line", at.line.to_string())],
            format!(
                "a closing quote `\"` is probably missing at the end of line {}; the text that opens here runs on into the next line",
                at.line
            ),
        );
    }
    let rest = &body[offset..];
    if rest.trim().is_empty() && !matches!(e.code, ron::Error::Eof) {
        DeckProblem::new(
            at,
            "deck-ends-early",
            [("error", e.code.to_string())],
            format!(
                "the file ends too early; a closing `)` or `]` is probably missing ({})",
                e.code
            ),
        )
    } else {
        explain_ron_error(at, &e.code)
    }
}

/// The string literal (the byte range from its opening quote to after its closing quote) that ends
/// right before `offset`, with only white space between; none if `offset` does not follow one.
/// Comments, escapes and raw strings are skipped as RON reads them.
fn string_before(body: &str, offset: usize) -> Option<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut last = None;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = body[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // RON's block comments nest.
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                last = Some((start, i));
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let start = i;
                let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                if bytes.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let from = i + 2 + hashes;
                i = body[from..]
                    .find(&close)
                    .map_or(bytes.len(), |n| from + n + close.len());
                last = Some((start, i));
            }
            b'\'' => {
                // A character such as '"' or '\'': skip it, so its quote opens no string.
                let len = if bytes.get(i + 1) == Some(&b'\\') {
                    4
                } else {
                    3
                };
                i += if bytes.get(i + len - 1) == Some(&b'\'') {
                    len
                } else {
                    1
                };
            }
            _ => i += 1,
        }
    }
    let (start, end) = last?;
    (end <= offset && body[end..offset].trim().is_empty()).then_some((start, end))
}

/// Turns a RON syntax error into words a facilitator can act on.
fn explain_ron_error(at: Location, code: &ron::Error) -> DeckProblem {
    use ron::Error as E;
    let said = |key, message: &str| DeckProblem::new(at, key, [], message);
    // Which part of the deck a field belongs to: an argument the texts choose their words by.
    let part = |outer: &Option<String>| match outer.as_deref() {
        Some("Statement") => ("statement", "a statement"),
        Some("Square") => ("square", "a square"),
        Some("Scale") => ("scale", "the scale"),
        Some("AgendaItem") => ("phase", "a phase of the agenda"),
        _ => ("deck", "the deck"),
    };
    match code {
        E::Eof => said(
            "deck-syntax-eof",
            "the file ends too early; a bracket `)` or `]` or a closing quote is probably missing",
        ),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => said(
            "deck-syntax-expected-paren",
            "expected `(`; the deck and each statement and square start with `(`",
        ),
        E::ExpectedStructLikeEnd => said(
            "deck-syntax-expected-struct-end",
            "expected `)` here; check for a missing comma or an extra value",
        ),
        E::ExpectedArray => said(
            "deck-syntax-expected-list",
            "expected a list in square brackets `[ ... ]`",
        ),
        E::ExpectedArrayEnd => said(
            "deck-syntax-expected-list-end",
            "expected `]` or a comma; check the comma between items in this list",
        ),
        E::ExpectedString | E::ExpectedStringEnd => said(
            "deck-syntax-expected-text",
            "expected text in double quotes, like \"Veiligheid\"",
        ),
        E::ExpectedInteger | E::ExpectedFloat => {
            said("deck-syntax-expected-number", "expected a number here")
        }
        E::ExpectedComma => said(
            "deck-syntax-expected-comma",
            "expected a comma `,` between two items",
        ),
        E::MissingStructField { field, outer } => {
            let (part, words) = part(outer);
            DeckProblem::new(
                at,
                "deck-missing-field",
                [("part", part.into()), ("field", field.to_string())],
                format!(
                    "{words} has no `{field}`; add `{field}: ...` (see the deck reference in the README)"
                ),
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (part, words) = part(outer);
            let allowed = expected.join(", ");
            DeckProblem::new(
                at,
                "deck-unknown-field",
                [
                    ("found", found.clone()),
                    ("part", part.into()),
                    ("allowed", allowed.clone()),
                ],
                format!(
                    "`{found}` is not a field of {words}; check its spelling. Allowed here: {allowed}"
                ),
            )
        }
        E::DuplicateStructField { field, .. } => DeckProblem::new(
            at,
            "deck-duplicate-field",
            [("field", field.to_string())],
            format!("`{field}` appears twice; keep one"),
        ),
        E::ExceededRecursionLimit => said(
            "deck-too-deep",
            "the brackets are nested far too deep for a deck",
        ),
        E::UnclosedBlockComment => said(
            "deck-unclosed-comment",
            "a comment opened with /* is never closed with */",
        ),
        _ => DeckProblem::new(
            at,
            "deck-syntax",
            [("error", code.to_string())],
            format!("this is not valid deck syntax: {code}"),
        ),
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
    for (at, problem) in agenda_problems(&deck.agenda) {
        // A phase is found by its `kind:`; a problem of the whole agenda points at `agenda`.
        push(
            &|| match at {
                Some(i) => loc.at("kind:", i),
                None => loc.at("agenda", 0),
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
pub fn agenda_problems(agenda: &[AgendaItem]) -> Vec<(Option<usize>, DeckProblem)> {
    let mut out = Vec::new();
    if agenda.is_empty() {
        return out;
    }
    if agenda.len() > MAX_AGENDA_ITEMS {
        out.push((
            None,
            DeckProblem::new(
                START,
                "deck-agenda-too-many-phases",
                [
                    ("count", agenda.len().to_string()),
                    ("max", MAX_AGENDA_ITEMS.to_string()),
                ],
                format!(
                    "the agenda has {} phases; at most {MAX_AGENDA_ITEMS}",
                    agenda.len()
                ),
            ),
        ));
    }
    for (i, item) in agenda.iter().enumerate() {
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
                        "phase {n} of the agenda has no title; write one, like title: \"Warming-up\""
                    ),
                ),
            ));
        } else if title_length > MAX_AGENDA_TITLE_CHARS {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-title-too-long",
                    [
                        ("phase", n.clone()),
                        ("length", title_length.to_string()),
                        ("max", MAX_AGENDA_TITLE_CHARS.to_string()),
                    ],
                    format!(
                        "the title of phase {n} is {title_length} characters long; keep it under {MAX_AGENDA_TITLE_CHARS}"
                    ),
                ),
            ));
        }
        if item.minutes == 0 || item.minutes > MAX_AGENDA_MINUTES {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-minutes",
                    [
                        ("phase", n.clone()),
                        ("title", quoted(title)),
                        ("minutes", item.minutes.to_string()),
                        ("max", MAX_AGENDA_MINUTES.to_string()),
                    ],
                    format!(
                        "phase {n} ({}) lasts {} minutes; give it 1 to {MAX_AGENDA_MINUTES}, like minutes: 15",
                        quoted(title),
                        item.minutes
                    ),
                ),
            ));
        }
        if text_length > MAX_AGENDA_TEXT_CHARS {
            out.push((
                Some(i),
                DeckProblem::new(
                    START,
                    "deck-phase-text-too-long",
                    [
                        ("phase", n.clone()),
                        ("length", text_length.to_string()),
                        ("max", MAX_AGENDA_TEXT_CHARS.to_string()),
                    ],
                    format!(
                        "the text of phase {n} is {text_length} characters long; keep it under {MAX_AGENDA_TEXT_CHARS}"
                    ),
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
    for (kind, found, name, missing, twice) in [
        (
            AgendaKind::Game,
            &games,
            "Game",
            "deck-agenda-no-game",
            "deck-agenda-two-games",
        ),
        (
            AgendaKind::Plenary,
            &plenaries,
            "Plenary",
            "deck-agenda-no-plenary",
            "deck-agenda-two-plenaries",
        ),
    ] {
        match found.as_slice() {
            [] => out.push((
                None,
                DeckProblem::new(
                    START,
                    missing,
                    [],
                    format!("the agenda has no {name} phase; add one: (kind: {name}, title: \"...\", minutes: 30)"),
                ),
            )),
            [_] => {}
            [_, second, ..] => out.push((
                Some(*second),
                DeckProblem::new(
                    START,
                    twice,
                    [],
                    format!("the agenda has more than one {name} phase ({kind:?}); keep one"),
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
        for (i, item) in agenda.iter().enumerate() {
            let before_game =
                matches!(item.kind, AgendaKind::WarmUp | AgendaKind::LearningQuestion);
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
                            "phase {} ({:?}) comes after the game; a warm-up and the learning question come before it",
                            i + 1,
                            item.kind
                        ),
                    ),
                ));
            }
            if item.kind == AgendaKind::Closing && i < plenary {
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

/// A file name made from a deck title: lower case, letters and digits, `-` between words, at most
/// 200 bytes before `.deck.ron`.
pub fn file_name_for(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    // Inside the file system's limit of 255 bytes, with room for a number and a save's temporary name.
    let name = crate::core::files::cut_name(name.trim_end_matches('-'), 200);
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
