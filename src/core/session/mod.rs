//! The session: players, placements, post-its and cases, changed only through [`Action`]s.
//!
//! [`Session::apply`] is the one place where a session changes. It validates the action and returns a
//! typed [`ActionError`] instead of panicking. [`Game`] keeps the history of applied actions, so undo,
//! redo, autosave and resume all follow from it.

use crate::core::deck::{Deck, Phase, PhaseKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The session file version this build writes; it reads this one and every older one. Raised with
/// every change to what a file holds, so an older copy of the game says a newer file is newer instead
/// of taking it for damaged, and each version keeps a fixture in `tests/sessions/` that must load.
///
/// 1. The first format, up to the programme (`agenda` in every deck, `Case::after`, `finished`, next
///    steps, warm-up words, learning questions and takeaways, and their actions).
/// 2. Drafts (text typed and not entered) saved with the game, and `EditCase` with `brought_by`.
/// 3. One word per thing: `programme` in the deck (was `agenda`), `follows_programme`, `phase_at`,
///    `phase_times`, the timer's `phase_seconds`, the actions `NextPhase`, `PreviousPhase` and
///    `ExtendPhase` (were `programme`, `agenda_at`, `agenda_times`, `agenda_seconds`, `AgendaNext`,
///    `AgendaBack` and `AgendaExtend`), and the game's `stage` (was `phase`, which now only means a
///    phase of the programme). The older names still read.
/// 4. The follow-up session: `follows` (what it carries over from the session it follows),
///    `reviews`, `review_at` and `answered_before`, the actions `FollowUp`, `ReviewStep`,
///    `ReviewGoTo` and `AnswerEarlier`, and the programme's `Review` phase.
pub const SESSION_VERSION: u32 = 4;
pub(crate) const MAX_PLAYERS: usize = 12;
pub(crate) const MAX_NAME_CHARS: usize = 40;
pub const MAX_POST_IT_CHARS: usize = 500;
/// The longest title of a case.
pub(crate) const MAX_CASE_TITLE_CHARS: usize = MAX_NAME_CHARS * 3;
/// The longest description of a case.
pub const MAX_CASE_DESCRIPTION_CHARS: usize = MAX_POST_IT_CHARS * 2;
/// Number of colours in the colour-blind-safe pawn palette.
pub(crate) const PALETTE_SIZE: u8 = 12;
/// The most time on one card a session file may record: 30 days.
pub const MAX_CARD_SECONDS: u64 = 30 * 24 * 3600;
/// Ids in a session file stay far below the end of their range, so counting on never wraps.
pub(crate) const MAX_ID: u32 = u32::MAX / 2;
/// The longest next step (an action the group agrees on).
pub const MAX_NEXT_STEP_CHARS: usize = 300;
/// The longest date or moment written beside a next step ("2027-01-15", "voor de zomer").
pub(crate) const MAX_DUE_CHARS: usize = 40;
/// The longest name of a group.
pub(crate) const MAX_GROUP_CHARS: usize = MAX_NAME_CHARS * 2;
/// How far from the middle of the board a post-it may lie, in board units.
pub(crate) const MAX_BOARD_OFFSET: f32 = 1e5;

/// A player's stable number within a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlayerId(pub u32);

/// A post-it's stable number within a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PostItId(pub u32);

/// A card on the table: a statement from the deck, or a case a player brought in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CardRef {
    Statement(String),
    Case(u32),
}

/// Which placement: the first one while discussing, or the one in the plenary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Round {
    First,
    Plenary,
}

/// Green: what already works. Pink: questions and needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PostItColour {
    Green,
    Pink,
}

/// Green stack: already present. Red stack: needs work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stack {
    Green,
    Red,
}

/// The stage a game is at, as far as the session is concerned: setting up, playing at the board, the
/// plenary, the outcome. (A *phase* is one part of the deck's programme: [`Session::phase_at`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Stage {
    #[default]
    Setup,
    Play,
    Plenary,
    Outcome,
}

/// Order of the statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Order {
    #[default]
    DeckOrder,
    Shuffled {
        seed: u64,
    },
}

/// Open: pawns are visible as they are placed. Covered: hidden until the facilitator reveals them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PlacementMode {
    #[default]
    Open,
    Covered,
}

/// Interface and export language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Player {
    pub id: PlayerId,
    pub name: String,
    /// Index into the pawn palette.
    pub colour: u8,
}

impl Player {
    /// One or two letters shown on the pawn, so colour is never the only signal.
    pub fn initials(&self) -> String {
        let words: Vec<&str> = self.name.split_whitespace().collect();
        let mut s: String = match words.as_slice() {
            [] => "?".into(),
            [one] => one.chars().take(2).collect(),
            [first, .., last] => first.chars().take(1).chain(last.chars().take(1)).collect(),
        };
        s = s.to_uppercase();
        s
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostIt {
    pub id: PostItId,
    pub colour: PostItColour,
    pub text: String,
    #[serde(default)]
    pub author: Option<PlayerId>,
    pub card: CardRef,
    /// Where it sits beside its card, in board units; `None` lets the board lay it out.
    #[serde(default)]
    pub at: Option<(f32, f32)>,
    #[serde(default)]
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: u32,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub brought_by: Option<PlayerId>,
    /// The card that was on the table when the case was brought in: the case comes right after it in
    /// the order of play (older files: none, the case comes at the end).
    #[serde(default)]
    pub after: Option<CardRef>,
}

/// Who takes a next step on: a player of the game, or someone named who was not playing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    Player(PlayerId),
    Named(String),
}

/// What a next step answers: an open question (a pink post-it) or a card on the red stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepSource {
    Question(PostItId),
    Card(CardRef),
}

/// A next step (action learning, seed 003): what the group will do, who takes it on, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: u32,
    pub text: String,
    pub owner: Owner,
    /// A date or a moment, as typed; empty when none was given.
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub from: Option<StepSource>,
}

fn first_id() -> u32 {
    1
}

/// What happened on one card.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardRecord {
    /// Square index per player, first round.
    pub first: BTreeMap<PlayerId, usize>,
    /// Square index per player, plenary round.
    pub plenary: BTreeMap<PlayerId, usize>,
    pub seconds: u64,
    pub skipped: bool,
    /// The facilitator's choice of stack, over the rule.
    pub(crate) stack_override: Option<Stack>,
    /// Rounds whose covered pawns have been revealed.
    pub revealed: BTreeSet<Round>,
    /// Whether the card has been on the table during play.
    #[serde(default)]
    pub(crate) visited: bool,
    /// The facilitator added the card to the plenary by hand, though the group did not play it.
    #[serde(default)]
    pub(crate) included: bool,
}

impl CardRecord {
    pub fn round(&self, round: Round) -> &BTreeMap<PlayerId, usize> {
        match round {
            Round::First => &self.first,
            Round::Plenary => &self.plenary,
        }
    }
    fn round_mut(&mut self, round: Round) -> &mut BTreeMap<PlayerId, usize> {
        match round {
            Round::First => &mut self.first,
            Round::Plenary => &mut self.plenary,
        }
    }
}

/// The whole state of one workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    #[serde(default)]
    pub group: String,
    /// When the session was created, as `YYYY-MM-DD HH:MM` in local time.
    pub started_at: String,
    pub language: Lang,
    pub deck: Deck,
    pub players: Vec<Player>,
    pub order: Order,
    pub mode: PlacementMode,
    /// The stage the game is at (`phase` in files before version 3).
    #[serde(alias = "phase")]
    pub stage: Stage,
    /// Statement ids in the order of play, fixed when play starts.
    pub play_order: Vec<String>,
    /// Index into the cards in play (statements in play order, then cases).
    pub current: usize,
    /// Index into the cards of the plenary.
    pub plenary_current: usize,
    pub records: BTreeMap<CardRef, CardRecord>,
    pub post_its: Vec<PostIt>,
    pub cases: Vec<Case>,
    /// The player whose turn it is to tell.
    pub teller: Option<PlayerId>,
    pub next_player: u32,
    pub next_post_it: u32,
    pub next_case: u32,
    /// The next steps agreed on at the outcome (older session files have none).
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
    #[serde(default = "first_id")]
    pub next_step_id: u32,
    /// Whether the game follows the deck's programme (chosen in setup; older files: no).
    #[serde(default, alias = "programme")]
    pub follows_programme: bool,
    /// The phase of the deck's programme that is on now (0 without a programme).
    #[serde(default, alias = "agenda_at")]
    pub phase_at: usize,
    /// Time per phase of the programme, by its place: minutes added, seconds used.
    #[serde(default, alias = "agenda_times")]
    pub phase_times: BTreeMap<usize, TimeInPhase>,
    /// The words typed in the warm-up round.
    #[serde(default)]
    pub warm_up: Vec<WarmUpWord>,
    #[serde(default = "first_id")]
    pub next_word_id: u32,
    /// Each player's answer to "what do you want to learn today?".
    #[serde(default)]
    pub learning_questions: BTreeMap<PlayerId, String>,
    /// What stayed with each player, said in the closing round.
    #[serde(default)]
    pub takeaways: BTreeMap<PlayerId, String>,
    /// The facilitator finished the workshop (*Afronden*): its times are all recorded.
    #[serde(default)]
    pub finished: bool,
    /// In a follow-up session: what it carries over from the session it follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Box<LastTime>>,
    /// The group's review of last time's next steps, by the step's number.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reviews: BTreeMap<u32, StepReview>,
    /// The step of last time the review shows.
    #[serde(default)]
    pub review_at: usize,
    /// The questions still open from last time that were answered this time.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub answered_before: BTreeSet<u32>,
}

/// The time of one phase of the programme: minutes added by the facilitator, and seconds spent in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TimeInPhase {
    pub(crate) extra_minutes: u32,
    pub used_seconds: u64,
}

/// A few words typed in the warm-up round, by a player or by the facilitator for the group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarmUpWord {
    pub id: u32,
    pub player: Option<PlayerId>,
    pub text: String,
}

/// The longest warm-up entry: a few words.
pub(crate) const MAX_WARM_UP_CHARS: usize = 60;
/// The longest learning question or closing remark.
pub(crate) const MAX_REFLECTION_CHARS: usize = 200;
/// The most minutes a phase can be extended by at once.
pub(crate) const MAX_EXTEND_MINUTES: u32 = 60;

mod action;
mod apply;
mod apply_play;
mod apply_plenary;
mod apply_programme;
mod apply_setup;
mod follow_up;
mod history;
mod loaded;
mod navigation;
mod queries;
mod rules;
mod stamp;

pub use action::{Action, ActionError};
pub use apply_setup::shuffle;
pub use follow_up::{
    EarlierPlayer, EarlierQuestion, EarlierStep, LastTime, PlacedBefore, StepReview, StepStatus,
    follow_up_actions, is_version_of,
};
pub use history::{Game, TimerSave};
pub use navigation::Step;
use rules::{add_seconds, loaded_problem};
pub use stamp::{now_stamp, stamp_from_unix, stamp_in};
