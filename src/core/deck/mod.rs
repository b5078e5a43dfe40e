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
pub(crate) const MAX_POINTS: i32 = 1000;
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
    pub(crate) fn threshold(self) -> f64 {
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
    /// (`agenda` in decks written before the programme had one name.)
    #[serde(default, skip_serializing_if = "Vec::is_empty", alias = "agenda")]
    pub programme: Vec<Phase>,
}

/// What the screen shows in a phase of the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PhaseKind {
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
    /// In a follow-up session: the next steps agreed last time, one by one, each marked done, on its
    /// way, not yet or dropped.
    Review,
}

/// One phase of the programme: what it is, its name, its planned length, and what the screen says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub kind: PhaseKind,
    pub title: String,
    pub minutes: u32,
    /// The question or the instruction on the screen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The longest phase of a programme, in minutes: a whole day.
pub(crate) const MAX_PHASE_MINUTES: u32 = 480;
/// The most phases in a programme.
pub const MAX_PHASES: usize = 16;
/// The longest title of a phase.
pub const MAX_PHASE_TITLE_CHARS: usize = 60;
/// The longest text of a phase.
pub const MAX_PHASE_TEXT_CHARS: usize = 600;

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
    pub(crate) fn new<const N: usize>(
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

impl Deck {
    /// Whether `other` is this deck with perhaps another programme (a follow-up adds its review
    /// phase to the deck it plays, so the deck's file is still the one in use).
    pub fn same_apart_from_programme(&self, other: &Deck) -> bool {
        self.version == other.version
            && self.title == other.title
            && self.language == other.language
            && self.description == other.description
            && self.scale == other.scale
            && self.statements == other.statements
            && self.case_prompts == other.case_prompts
    }

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

    pub(crate) fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }

    /// Points of the square at `index`.
    pub(crate) fn points(&self, square: usize) -> Option<i32> {
        self.scale.squares.get(square).map(|s| s.points)
    }
}

mod builtin;
mod check;
mod read;
mod write;

pub use builtin::{BUILTIN_DECKS, BuiltinDeck, blank_deck, builtin_deck, default_deck};
pub use check::{programme_problems, validate_deck};
pub(crate) use read::ron_options;
use read::{Locator, START, quoted};
pub use read::{MAX_REPORTED_PROBLEMS, load_deck_file, parse_deck_bytes, parse_deck_str};
pub use write::{DeckSaveError, file_name_for, free_file_name, save_deck};
