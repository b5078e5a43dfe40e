//! The session: players, placements, post-its and cases, changed only through [`Action`]s.
//!
//! [`Session::apply`] is the one place where a session changes. It validates the action and returns a
//! typed [`ActionError`] instead of panicking. [`Game`] keeps the history of applied actions, so undo,
//! redo, autosave and resume all follow from it.

use crate::core::deck::{AgendaItem, AgendaKind, Deck};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The session file version this build writes; it reads this one and every older one. Raised with
/// every change to what a file holds, so an older copy of the game says a newer file is newer instead
/// of taking it for damaged, and each version keeps a fixture in `tests/sessions/` that must load.
///
/// 1. The first format, up to the programme (`agenda` in every deck, `Case::after`, `finished`, next
///    steps, warm-up words, learning questions and takeaways, and their actions).
/// 2. Drafts (text typed and not entered) saved with the game, and `EditCase` with `brought_by`.
pub const SESSION_VERSION: u32 = 2;
pub const MAX_PLAYERS: usize = 12;
pub const MAX_NAME_CHARS: usize = 40;
pub const MAX_POST_IT_CHARS: usize = 500;
/// The longest title of a case.
pub const MAX_CASE_TITLE_CHARS: usize = MAX_NAME_CHARS * 3;
/// The longest description of a case.
pub const MAX_CASE_DESCRIPTION_CHARS: usize = MAX_POST_IT_CHARS * 2;
/// Number of colours in the colour-blind-safe pawn palette.
pub const PALETTE_SIZE: u8 = 12;
/// The most time on one card a session file may record: 30 days.
pub const MAX_CARD_SECONDS: u64 = 30 * 24 * 3600;
/// Ids in a session file stay far below the end of their range, so counting on never wraps.
pub const MAX_ID: u32 = u32::MAX / 2;
/// The longest next step (an action the group agrees on).
pub const MAX_NEXT_STEP_CHARS: usize = 300;
/// The longest date or moment written beside a next step ("2027-01-15", "voor de zomer").
pub const MAX_DUE_CHARS: usize = 40;
/// The longest name of a group.
pub const MAX_GROUP_CHARS: usize = MAX_NAME_CHARS * 2;
/// How far from the middle of the board a post-it may lie, in board units.
pub const MAX_BOARD_OFFSET: f32 = 1e5;

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

/// The screens of a game, as far as the session is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Phase {
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
    pub fn code(self) -> &'static str {
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
    pub stack_override: Option<Stack>,
    /// Rounds whose covered pawns have been revealed.
    pub revealed: BTreeSet<Round>,
    /// Whether the card has been on the table during play.
    #[serde(default)]
    pub visited: bool,
    /// The facilitator added the card to the plenary by hand, though the group did not play it.
    #[serde(default)]
    pub included: bool,
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
    pub phase: Phase,
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
    #[serde(default)]
    pub programme: bool,
    /// The phase of the deck's programme that is on now (0 without a programme).
    #[serde(default)]
    pub agenda_at: usize,
    /// Time per phase of the programme, by its place: minutes added, seconds used.
    #[serde(default)]
    pub agenda_times: BTreeMap<usize, AgendaTime>,
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
}

/// The time of one phase of the programme: minutes added by the facilitator, and seconds spent in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AgendaTime {
    pub extra_minutes: u32,
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
pub const MAX_WARM_UP_CHARS: usize = 60;
/// The longest learning question or closing remark.
pub const MAX_REFLECTION_CHARS: usize = 200;
/// The most minutes a phase can be extended by at once.
pub const MAX_EXTEND_MINUTES: u32 = 60;

/// Every change to a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    SetGroup(String),
    SetLanguage(Lang),
    /// Replace the deck; only in Setup.
    SetDeck(Deck),
    AddPlayer {
        name: String,
        colour: Option<u8>,
    },
    RenamePlayer {
        player: PlayerId,
        name: String,
    },
    RecolourPlayer {
        player: PlayerId,
        colour: u8,
    },
    RemovePlayer {
        player: PlayerId,
    },
    SetOrder(Order),
    SetMode(PlacementMode),
    /// Setup → Play.
    StartPlay,
    /// Move to the card at `index` in play order; `seconds` is the time spent on the card being left.
    GoTo {
        index: usize,
        seconds: u64,
    },
    /// Mark the current card skipped and move to the next one.
    Skip {
        seconds: u64,
    },
    Place {
        player: PlayerId,
        card: CardRef,
        round: Round,
        square: usize,
    },
    Unplace {
        player: PlayerId,
        card: CardRef,
        round: Round,
    },
    Reveal {
        card: CardRef,
        round: Round,
    },
    AddPostIt {
        colour: PostItColour,
        text: String,
        author: Option<PlayerId>,
        card: CardRef,
    },
    EditPostIt {
        id: PostItId,
        text: String,
    },
    MovePostIt {
        id: PostItId,
        at: (f32, f32),
    },
    DeletePostIt {
        id: PostItId,
    },
    SetAnswered {
        id: PostItId,
        answered: bool,
    },
    AddCase {
        title: String,
        description: String,
        brought_by: Option<PlayerId>,
    },
    /// Change a case: its title, its description and who brought it in.
    EditCase {
        id: u32,
        title: String,
        description: String,
        #[serde(default)]
        brought_by: Option<PlayerId>,
    },
    /// Pass the "who is telling" marker to the next player.
    PassTurn,
    /// Play → Plenary.
    StartPlenary,
    PlenaryGoTo {
        index: usize,
    },
    OverrideStack {
        card: CardRef,
        stack: Option<Stack>,
    },
    /// Plenary → Outcome.
    ShowOutcome,
    /// Agree on a next step, in the plenary or at the outcome.
    AddNextStep {
        text: String,
        owner: Owner,
        due: String,
        from: Option<StepSource>,
    },
    EditNextStep {
        id: u32,
        text: String,
        owner: Owner,
        due: String,
    },
    DeleteNextStep {
        id: u32,
    },
    /// Back one screen: Outcome → Plenary, Plenary → Play. (Older files; the game sends [`Action::Return`].)
    Back,
    /// Back one step, recording the `seconds` spent in the programme's phase being left: from the
    /// outcome back to the plenary; with a programme, otherwise, to the phase before; without one,
    /// from the plenary back to the game.
    Return {
        seconds: u64,
    },
    /// Put a card back among those the group discusses: a skipped card in play, or a card left out of
    /// the plenary (skipped or never played), which then comes on the table.
    Include {
        card: CardRef,
    },
    /// Change a post-it: its text, its colour and who said it.
    ChangePostIt {
        id: PostItId,
        text: String,
        colour: PostItColour,
        author: Option<PlayerId>,
    },
    /// Finish the workshop at the end of its programme (or at the outcome without one); `seconds`
    /// were spent in the phase that is on. Going back opens it again.
    Finish {
        seconds: u64,
    },
    /// Follow the deck's programme around the game, or play only the game; only in Setup.
    FollowProgramme(bool),
    /// On to the next phase of the programme; `seconds` were spent in the phase being left. From the
    /// game, this starts the plenary; from the plenary, it shows the outcome if that was not shown yet.
    AgendaNext {
        seconds: u64,
    },
    /// Back to the phase before in the programme. (Older files; the game sends [`Action::Return`].)
    AgendaBack,
    /// More time for the phase that is on.
    AgendaExtend {
        minutes: u32,
    },
    /// A few words in the warm-up round.
    AddWarmUp {
        player: Option<PlayerId>,
        text: String,
    },
    DeleteWarmUp {
        id: u32,
    },
    /// A player's learning question; an empty text takes it away.
    SetLearningQuestion {
        player: PlayerId,
        text: String,
    },
    /// What stayed with a player, in the closing round; an empty text takes it away.
    SetTakeaway {
        player: PlayerId,
        text: String,
    },
    /// The facilitator marks a session finished from the list of past sessions or the offer to
    /// continue, wherever it stopped (a workshop that ended without *Afronden*): it is no longer
    /// offered. Undo, or going back, opens it again.
    MarkFinished,
}

/// Why an action was refused. The session is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ActionError {
    #[error("there is no player {0:?}")]
    UnknownPlayer(PlayerId),
    #[error("there is no post-it {0:?}")]
    UnknownPostIt(PostItId),
    #[error("there is no such card: {0:?}")]
    UnknownCard(CardRef),
    #[error("square {square} is outside the scale of {squares} squares")]
    SquareOutsideScale { square: usize, squares: usize },
    #[error("the text is empty")]
    EmptyText,
    #[error("the text is too long ({len} characters; at most {max})")]
    TextTooLong { len: usize, max: usize },
    #[error("a game has at most {MAX_PLAYERS} players")]
    TooManyPlayers,
    #[error("a game needs at least one player")]
    NoPlayers,
    #[error("colour {0} is not in the palette")]
    UnknownColour(u8),
    #[error("that is not possible in the {0:?} phase")]
    WrongPhase(Phase),
    #[error("there is no card number {0}")]
    IndexOutOfRange(usize),
    #[error("the deck has problems: {0}")]
    InvalidDeck(String),
    #[error("a player named {0:?} is already in the game")]
    DuplicateName(String),
    #[error("the session has no numbers left for new players, post-its or cases")]
    OutOfIds,
    #[error("there is no next step {0}")]
    UnknownNextStep(u32),
    #[error("a next step needs someone to take it on")]
    NoOwner,
    #[error("the deck has no programme")]
    NoAgenda,
    #[error("there is no phase after this one in the programme")]
    AgendaEnd,
    #[error("there is no warm-up entry {0}")]
    UnknownWord(u32),
    #[error("a phase can be extended by 1 to {MAX_EXTEND_MINUTES} minutes at a time")]
    BadExtension,
    #[error("the workshop can be finished at the end of its programme")]
    NotAtEnd,
    #[error("the session is finished already")]
    AlreadyFinished,
}

/// A due date or moment: trimmed, at most [`MAX_DUE_CHARS`], may be empty.
fn check_due(due: &str) -> Result<String, ActionError> {
    let due = due.trim();
    let len = due.chars().count();
    if len > MAX_DUE_CHARS {
        return Err(ActionError::TextTooLong {
            len,
            max: MAX_DUE_CHARS,
        });
    }
    Ok(due.to_string())
}

fn check_text(text: &str, max: usize) -> Result<String, ActionError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ActionError::EmptyText);
    }
    let len = t.chars().count();
    if len > max {
        return Err(ActionError::TextTooLong { len, max });
    }
    Ok(t.to_string())
}

/// Adds `seconds` to a recorded time, which stops at [`MAX_CARD_SECONDS`]: a session left open for
/// weeks still writes a file the game reads.
fn add_seconds(total: &mut u64, seconds: u64) {
    *total = total.saturating_add(seconds).min(MAX_CARD_SECONDS);
}

/// A problem that [`Session::check_loaded`] found with one entity of a file, in words.
fn loaded_problem(what: &str, e: &ActionError) -> String {
    match e {
        ActionError::UnknownPlayer(p) => format!("{what} names an unknown player {}", p.0),
        other => format!("{what}: {other}"),
    }
}

/// The rules of what a session holds, one function per entity. [`Session::apply`] checks what an
/// action would make with them, and [`Session::check_loaded`] what a file holds, so a rule is written
/// once and a file can hold nothing an action would refuse.
impl Session {
    /// A group's name: at most [`MAX_GROUP_CHARS`], may be empty. Returns it trimmed.
    fn check_group(name: &str) -> Result<String, ActionError> {
        let name = name.trim();
        let len = name.chars().count();
        if len > MAX_GROUP_CHARS {
            return Err(ActionError::TextTooLong {
                len,
                max: MAX_GROUP_CHARS,
            });
        }
        Ok(name.to_string())
    }

    /// A deck the session can be played with.
    fn check_deck(deck: &Deck) -> Result<(), ActionError> {
        match crate::core::deck::validate_deck(deck, "").first() {
            Some(p) => Err(ActionError::InvalidDeck(p.message.clone())),
            None => Ok(()),
        }
    }

    /// A player: a name that is not empty, not too long and not another player's, and a colour of
    /// the palette.
    fn check_player(&self, player: &Player) -> Result<(), ActionError> {
        self.check_name(&player.name, Some(player.id))?;
        if player.colour >= PALETTE_SIZE {
            return Err(ActionError::UnknownColour(player.colour));
        }
        Ok(())
    }

    /// A post-it: a text, an author who plays, a card that is there, and a place on the board.
    fn check_post_it(&self, p: &PostIt) -> Result<(), ActionError> {
        check_text(&p.text, MAX_POST_IT_CHARS)?;
        if let Some(a) = p.author {
            self.require_player(a)?;
        }
        if !self.card_exists(&p.card) {
            return Err(ActionError::UnknownCard(p.card.clone()));
        }
        if let Some((x, y)) = p.at
            && !(x.is_finite()
                && y.is_finite()
                && x.abs() <= MAX_BOARD_OFFSET
                && y.abs() <= MAX_BOARD_OFFSET)
        {
            return Err(ActionError::IndexOutOfRange(0));
        }
        Ok(())
    }

    /// A case: a title, a description that may be empty, who brought it in, and the card it came
    /// after (a statement of the deck, or an earlier case, so the order of play has no loop).
    fn check_case(&self, c: &Case) -> Result<(), ActionError> {
        check_text(&c.title, MAX_CASE_TITLE_CHARS)?;
        let len = c.description.trim().chars().count();
        if len > MAX_CASE_DESCRIPTION_CHARS {
            return Err(ActionError::TextTooLong {
                len,
                max: MAX_CASE_DESCRIPTION_CHARS,
            });
        }
        if let Some(p) = c.brought_by {
            self.require_player(p)?;
        }
        let after_sound = match &c.after {
            None => true,
            Some(card @ CardRef::Statement(_)) => self.card_exists(card),
            Some(CardRef::Case(before)) => *before < c.id && self.case(*before).is_some(),
        };
        if !after_sound {
            return Err(ActionError::UnknownCard(
                c.after.clone().unwrap_or(CardRef::Case(c.id)),
            ));
        }
        Ok(())
    }

    /// A next step: a text, someone to take it on, a due moment that may be empty, and what it
    /// answers (a post-it or a card that is there).
    fn check_next_step(&self, step: &NextStep) -> Result<(), ActionError> {
        check_text(&step.text, MAX_NEXT_STEP_CHARS)?;
        self.check_owner(&step.owner)?;
        check_due(&step.due)?;
        match &step.from {
            Some(StepSource::Question(id)) => {
                self.post_it(*id).ok_or(ActionError::UnknownPostIt(*id))?;
            }
            Some(StepSource::Card(card)) if !self.card_exists(card) => {
                return Err(ActionError::UnknownCard(card.clone()));
            }
            _ => {}
        }
        Ok(())
    }

    /// A warm-up entry: a few words, by a player of the game or by the group.
    fn check_warm_up(&self, word: &WarmUpWord) -> Result<(), ActionError> {
        if let Some(p) = word.player {
            self.require_player(p)?;
        }
        check_text(&word.text, MAX_WARM_UP_CHARS).map(|_| ())
    }

    /// A learning question or a closing remark: by a player of the game, not empty, not too long.
    fn check_reflection(&self, player: PlayerId, text: &str) -> Result<String, ActionError> {
        self.require_player(player)?;
        check_text(text, MAX_REFLECTION_CHARS)
    }

    /// A pawn: a player of the game, on a square of the scale.
    fn check_placement(&self, player: PlayerId, square: usize) -> Result<(), ActionError> {
        self.require_player(player)?;
        let squares = self.deck.scale.squares.len();
        if square >= squares {
            return Err(ActionError::SquareOutsideScale { square, squares });
        }
        Ok(())
    }
}

impl Session {
    /// Checks a session read from a file as strictly as a deck: everything a hand or a bug could have
    /// put there that the actions would never produce. Returns what is wrong, in words.
    pub fn check_loaded(&self) -> Result<(), String> {
        use std::collections::BTreeSet;
        if let Err(ActionError::InvalidDeck(p)) = Self::check_deck(&self.deck) {
            return Err(format!("its deck has a problem: {p}"));
        }
        Self::check_group(&self.group).map_err(|e| loaded_problem("its group name", &e))?;
        if self.started_at.chars().count() > 64 {
            return Err("its start time is not a time".into());
        }
        for (name, next) in [
            ("player", self.next_player),
            ("post-it", self.next_post_it),
            ("case", self.next_case),
        ] {
            if next == 0 || next > MAX_ID {
                return Err(format!("its next {name} number {next} is out of range"));
            }
        }
        if self.players.len() > MAX_PLAYERS {
            return Err(format!(
                "it has {} players; at most {MAX_PLAYERS}",
                self.players.len()
            ));
        }
        let mut players = BTreeSet::new();
        for p in &self.players {
            if p.id.0 == 0 || p.id.0 >= self.next_player || !players.insert(p.id) {
                return Err(format!(
                    "player number {} is out of range or used twice",
                    p.id.0
                ));
            }
            self.check_player(p)
                .map_err(|e| loaded_problem(&format!("player {}", p.id.0), &e))?;
        }
        let known = |id: &PlayerId| players.contains(id);
        // The programme: where it is, its times, and what was typed in it.
        if !self.agenda().is_empty() && self.agenda_at >= self.agenda().len() {
            return Err(format!(
                "it is in phase {} of a programme of {}",
                self.agenda_at + 1,
                self.agenda().len()
            ));
        }
        if self.agenda().is_empty() && self.agenda_at != 0 {
            return Err("it is in a phase of a programme it does not follow".into());
        }
        for (i, t) in &self.agenda_times {
            if *i >= self.agenda().len().max(1)
                || t.used_seconds > MAX_CARD_SECONDS
                || t.extra_minutes > crate::core::deck::MAX_AGENDA_MINUTES
            {
                return Err(format!(
                    "the time of programme phase {} is out of range",
                    i + 1
                ));
            }
        }
        if self.next_word_id == 0 || self.next_word_id > MAX_ID {
            return Err("its next warm-up number is out of range".into());
        }
        let mut words = BTreeSet::new();
        for w in &self.warm_up {
            if w.id == 0 || w.id >= self.next_word_id || !words.insert(w.id) {
                return Err(format!(
                    "warm-up entry {} is out of range or used twice",
                    w.id
                ));
            }
            self.check_warm_up(w)
                .map_err(|e| loaded_problem(&format!("warm-up entry {}", w.id), &e))?;
        }
        for (what, map) in [
            ("learning question", &self.learning_questions),
            ("closing remark", &self.takeaways),
        ] {
            for (p, text) in map {
                self.check_reflection(*p, text)
                    .map_err(|e| loaded_problem(&format!("the {what} of player {}", p.0), &e))?;
            }
        }
        let mut post_its = BTreeSet::new();
        for p in &self.post_its {
            if p.id.0 == 0 || p.id.0 >= self.next_post_it || !post_its.insert(p.id) {
                return Err(format!(
                    "post-it number {} is out of range or used twice",
                    p.id.0
                ));
            }
        }
        let mut cases = BTreeSet::new();
        for c in &self.cases {
            if c.id == 0 || c.id >= self.next_case || !cases.insert(c.id) {
                return Err(format!(
                    "case number {} is out of range or used twice",
                    c.id
                ));
            }
        }
        for c in &self.cases {
            self.check_case(c)
                .map_err(|e| loaded_problem(&format!("case {}", c.id), &e))?;
        }
        for p in &self.post_its {
            self.check_post_it(p).map_err(|e| match e {
                ActionError::IndexOutOfRange(_) => {
                    format!("post-it {} lies outside the board", p.id.0)
                }
                e => loaded_problem(&format!("post-it {}", p.id.0), &e),
            })?;
        }
        for (card, r) in &self.records {
            if !self.card_exists(card) {
                return Err(format!("it records an unknown card {card:?}"));
            }
            if r.seconds > MAX_CARD_SECONDS {
                return Err(format!("it records {} seconds on one card", r.seconds));
            }
            for (player, square) in r.first.iter().chain(&r.plenary) {
                if self.check_placement(*player, *square).is_err() {
                    return Err(format!("a placement on {card:?} is outside the game"));
                }
            }
        }
        if self
            .play_order
            .iter()
            .any(|id| self.deck.statement(id).is_none())
        {
            return Err("its order of play names a statement the deck does not have".into());
        }
        if self.current > self.play_cards().len() + self.cases.len()
            || self.plenary_current > self.play_cards().len() + self.cases.len()
        {
            return Err("its current card is out of range".into());
        }
        if self.teller.is_some_and(|t| !known(&t)) {
            return Err("the player whose turn it is does not exist".into());
        }
        if self.next_step_id == 0 || self.next_step_id > MAX_ID {
            return Err(format!(
                "its next step number {} is out of range",
                self.next_step_id
            ));
        }
        let mut steps = BTreeSet::new();
        for step in &self.next_steps {
            if step.id == 0 || step.id >= self.next_step_id || !steps.insert(step.id) {
                return Err(format!(
                    "next step number {} is out of range or used twice",
                    step.id
                ));
            }
            self.check_next_step(step)
                .map_err(|e| loaded_problem(&format!("next step {}", step.id), &e))?;
        }
        Ok(())
    }

    pub fn new(deck: Deck, started_at: String) -> Self {
        Session {
            version: SESSION_VERSION,
            group: String::new(),
            started_at,
            language: Lang::Nl,
            deck,
            players: Vec::new(),
            order: Order::DeckOrder,
            mode: PlacementMode::Open,
            phase: Phase::Setup,
            play_order: Vec::new(),
            current: 0,
            plenary_current: 0,
            records: BTreeMap::new(),
            post_its: Vec::new(),
            cases: Vec::new(),
            teller: None,
            next_player: 1,
            next_post_it: 1,
            next_case: 1,
            next_steps: Vec::new(),
            next_step_id: 1,
            programme: false,
            agenda_at: 0,
            agenda_times: BTreeMap::new(),
            warm_up: Vec::new(),
            next_word_id: 1,
            learning_questions: BTreeMap::new(),
            takeaways: BTreeMap::new(),
            finished: false,
        }
    }

    /// An owner as it will be kept: a known player, or a trimmed name of someone else.
    fn check_owner(&self, owner: &Owner) -> Result<Owner, ActionError> {
        match owner {
            Owner::Player(p) => {
                self.require_player(*p)?;
                Ok(Owner::Player(*p))
            }
            Owner::Named(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(ActionError::NoOwner);
                }
                let len = name.chars().count();
                if len > MAX_NAME_CHARS {
                    return Err(ActionError::TextTooLong {
                        len,
                        max: MAX_NAME_CHARS,
                    });
                }
                Ok(Owner::Named(name.to_string()))
            }
        }
    }

    /// The name of a next step's owner.
    pub fn owner_name(&self, owner: &Owner) -> String {
        match owner {
            Owner::Player(p) => self.player(*p).map(|p| p.name.clone()).unwrap_or_default(),
            Owner::Named(name) => name.clone(),
        }
    }

    pub fn player(&self, id: PlayerId) -> Option<&Player> {
        self.players.iter().find(|p| p.id == id)
    }

    pub fn post_it(&self, id: PostItId) -> Option<&PostIt> {
        self.post_its.iter().find(|p| p.id == id)
    }

    pub fn case(&self, id: u32) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    pub fn record(&self, card: &CardRef) -> Option<&CardRecord> {
        self.records.get(card)
    }

    /// The cards in play: statements in play order, each case right after the card that was on the
    /// table when it was brought in (cases of older files, or of a card not in play, at the end).
    pub fn play_cards(&self) -> Vec<CardRef> {
        let mut out = Vec::with_capacity(self.play_order.len() + self.cases.len());
        let mut placed = BTreeSet::new();
        // Each card, then the cases brought in on it (and on those, in turn), depth first.
        let place = |card: CardRef, out: &mut Vec<CardRef>, placed: &mut BTreeSet<u32>| {
            let mut stack = vec![card];
            while let Some(card) = stack.pop() {
                for c in self.cases.iter().rev() {
                    if c.after.as_ref() == Some(&card) && !placed.contains(&c.id) {
                        stack.push(CardRef::Case(c.id));
                    }
                }
                if let CardRef::Case(id) = card {
                    placed.insert(id);
                }
                out.push(card);
            }
        };
        for id in &self.play_order {
            place(CardRef::Statement(id.clone()), &mut out, &mut placed);
        }
        for c in &self.cases {
            if !placed.contains(&c.id) {
                place(CardRef::Case(c.id), &mut out, &mut placed);
            }
        }
        out
    }

    /// Whether nothing was typed or chosen that is worth keeping: still in setup, without players and
    /// without a group name. Such a session is not saved, nor listed.
    pub fn is_blank(&self) -> bool {
        self.phase == Phase::Setup && self.players.is_empty() && self.group.trim().is_empty()
    }

    /// Whether the group did something with a card during play: a pawn placed or a post-it stuck.
    fn touched(&self, card: &CardRef) -> bool {
        self.records.get(card).is_some_and(|r| !r.first.is_empty())
            || self.post_its.iter().any(|p| &p.card == card)
    }

    /// The card on the table in the Play phase.
    pub fn current_card(&self) -> Option<CardRef> {
        self.play_cards().get(self.current).cloned()
    }

    /// The cards of the plenary: every card the group played (a pawn placed or a post-it stuck) and did
    /// not skip, and every card the facilitator added by hand.
    pub fn plenary_cards(&self) -> Vec<CardRef> {
        self.play_cards()
            .into_iter()
            .filter(|c| {
                self.records
                    .get(c)
                    .is_some_and(|r| !r.skipped && (r.included || (r.visited && self.touched(c))))
            })
            .collect()
    }

    /// The cards in play that the plenary leaves out: skipped, or never played.
    pub fn left_out_of_plenary(&self) -> Vec<CardRef> {
        let plenary = self.plenary_cards();
        self.play_cards()
            .into_iter()
            .filter(|c| !plenary.contains(c))
            .collect()
    }

    /// How many statements of the deck the group discussed (skipped or untouched ones do not count).
    pub fn statements_discussed(&self) -> usize {
        if self.phase == Phase::Setup {
            return 0;
        }
        self.play_cards()
            .iter()
            .filter(|c| matches!(c, CardRef::Statement(_)))
            .filter(|c| {
                self.records
                    .get(c)
                    .is_some_and(|r| !r.skipped && (r.included || (r.visited && self.touched(c))))
            })
            .count()
    }

    /// Whether the programme is at its last phase (or, without one, the game at its outcome): where the
    /// workshop can be finished.
    pub fn at_end(&self) -> bool {
        if self.agenda().is_empty() {
            self.phase == Phase::Outcome
        } else {
            self.phase != Phase::Setup && self.agenda_at + 1 == self.agenda().len()
        }
    }

    /// This session with the time not yet recorded added in: `card_seconds` on the card on the table,
    /// `agenda_seconds` in the programme's phase that is on. An export made before the workshop is
    /// finished shows the minutes used so far.
    pub fn with_running_time(&self, card_seconds: u64, agenda_seconds: u64) -> Session {
        let mut s = self.clone();
        if s.finished {
            return s;
        }
        if let Some((card, _)) = s.active_card().filter(|(_, r)| *r == Round::First) {
            add_seconds(
                &mut s.records.entry(card).or_default().seconds,
                card_seconds,
            );
        }
        if s.phase != Phase::Setup && !s.agenda().is_empty() {
            add_seconds(
                &mut s.agenda_times.entry(s.agenda_at).or_default().used_seconds,
                agenda_seconds,
            );
        }
        s
    }

    fn visit(&mut self, index: usize) {
        if let Some(card) = self.play_cards().get(index) {
            let record = self.records.entry(card.clone()).or_default();
            record.visited = true;
        }
    }

    pub fn plenary_card(&self) -> Option<CardRef> {
        self.plenary_cards().get(self.plenary_current).cloned()
    }

    /// The card the facilitator is working on now, in Play or Plenary.
    pub fn active_card(&self) -> Option<(CardRef, Round)> {
        match self.phase {
            Phase::Play => self.current_card().map(|c| (c, Round::First)),
            Phase::Plenary => self.plenary_card().map(|c| (c, Round::Plenary)),
            _ => None,
        }
    }

    /// The text of a card: a statement's text or a case's title.
    pub fn card_text(&self, card: &CardRef) -> String {
        match card {
            CardRef::Statement(id) => self
                .deck
                .statement(id)
                .map_or_else(|| id.clone(), |s| s.text.clone()),
            CardRef::Case(id) => self.case(*id).map_or_else(String::new, |c| c.title.clone()),
        }
    }

    fn card_exists(&self, card: &CardRef) -> bool {
        match card {
            CardRef::Statement(id) => self.deck.statement(id).is_some(),
            CardRef::Case(id) => self.case(*id).is_some(),
        }
    }

    fn require_phase(&self, allowed: &[Phase]) -> Result<(), ActionError> {
        if allowed.contains(&self.phase) {
            Ok(())
        } else {
            Err(ActionError::WrongPhase(self.phase))
        }
    }

    fn require_player(&self, id: PlayerId) -> Result<(), ActionError> {
        self.player(id)
            .map(|_| ())
            .ok_or(ActionError::UnknownPlayer(id))
    }

    fn player_index(&self, id: PlayerId) -> Result<usize, ActionError> {
        self.players
            .iter()
            .position(|p| p.id == id)
            .ok_or(ActionError::UnknownPlayer(id))
    }

    fn post_it_index(&self, id: PostItId) -> Result<usize, ActionError> {
        self.post_its
            .iter()
            .position(|p| p.id == id)
            .ok_or(ActionError::UnknownPostIt(id))
    }

    fn check_name(&self, name: &str, except: Option<PlayerId>) -> Result<String, ActionError> {
        let name = check_text(name, MAX_NAME_CHARS)?;
        if self
            .players
            .iter()
            .any(|p| Some(p.id) != except && p.name.to_lowercase() == name.to_lowercase())
        {
            return Err(ActionError::DuplicateName(name));
        }
        Ok(name)
    }

    /// Whether `action` would be accepted now, without applying it: a panel asks before it lets go of
    /// what was typed, so a refused post-it keeps its text.
    pub fn check(&self, action: &Action) -> Result<(), ActionError> {
        self.clone().apply(action)
    }

    /// Validates `action` and applies it. On error the session is unchanged.
    pub fn apply(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::SetGroup(name) => self.group = Self::check_group(name)?,
            A::SetLanguage(lang) => self.language = *lang,
            A::SetDeck(deck) => {
                self.require_phase(&[Phase::Setup])?;
                Self::check_deck(deck)?;
                self.deck = deck.clone();
                self.records.clear();
                self.post_its.clear();
                self.cases.clear();
            }
            A::AddPlayer { name, colour } => {
                self.require_phase(&[Phase::Setup])?;
                if self.players.len() >= MAX_PLAYERS {
                    return Err(ActionError::TooManyPlayers);
                }
                let colour = colour.unwrap_or_else(|| {
                    (0..PALETTE_SIZE)
                        .find(|c| !self.players.iter().any(|p| p.colour == *c))
                        .unwrap_or(0)
                });
                let player = Player {
                    id: PlayerId(self.next_player),
                    name: name.trim().to_string(),
                    colour,
                };
                self.check_player(&player)?;
                self.next_player = self
                    .next_player
                    .checked_add(1)
                    .ok_or(ActionError::OutOfIds)?;
                self.players.push(player);
            }
            A::RenamePlayer { player, name } => {
                let i = self.player_index(*player)?;
                let renamed = Player {
                    name: name.trim().to_string(),
                    ..self.players[i].clone()
                };
                self.check_player(&renamed)?;
                self.players[i] = renamed;
            }
            A::RecolourPlayer { player, colour } => {
                let i = self.player_index(*player)?;
                let recoloured = Player {
                    colour: *colour,
                    ..self.players[i].clone()
                };
                self.check_player(&recoloured)?;
                self.players[i] = recoloured;
            }
            A::RemovePlayer { player } => {
                self.require_phase(&[Phase::Setup])?;
                self.require_player(*player)?;
                self.players.retain(|p| p.id != *player);
                if self.teller == Some(*player) {
                    self.teller = None;
                }
            }
            A::SetOrder(order) => {
                self.require_phase(&[Phase::Setup])?;
                self.order = *order;
            }
            A::SetMode(mode) => self.mode = *mode,
            A::StartPlay => {
                self.require_phase(&[Phase::Setup])?;
                if self.players.is_empty() {
                    return Err(ActionError::NoPlayers);
                }
                let mut ids: Vec<String> =
                    self.deck.statements.iter().map(|s| s.id.clone()).collect();
                if let Order::Shuffled { seed } = self.order {
                    shuffle(&mut ids, seed);
                }
                self.play_order = ids;
                self.current = 0;
                self.visit(0);
                self.teller = self.players.first().map(|p| p.id);
                self.phase = Phase::Play;
                self.agenda_at = 0;
            }
            A::GoTo { index, seconds } => {
                self.require_phase(&[Phase::Play])?;
                let cards = self.play_cards();
                if *index >= cards.len() {
                    return Err(ActionError::IndexOutOfRange(*index));
                }
                if let Some(card) = cards.get(self.current) {
                    let record = self.records.entry(card.clone()).or_default();
                    add_seconds(&mut record.seconds, *seconds);
                }
                // Passing a skipped card keeps it skipped: putting it back is [`Action::Include`].
                self.current = *index;
                self.visit(*index);
            }
            A::Skip { seconds } => {
                self.require_phase(&[Phase::Play])?;
                let cards = self.play_cards();
                let card = cards
                    .get(self.current)
                    .ok_or(ActionError::IndexOutOfRange(self.current))?;
                let record = self.records.entry(card.clone()).or_default();
                add_seconds(&mut record.seconds, *seconds);
                record.skipped = true;
                if self.current + 1 < cards.len() {
                    self.current += 1;
                    self.visit(self.current);
                }
            }
            A::Place {
                player,
                card,
                round,
                square,
            } => {
                self.require_phase(&[Phase::Play, Phase::Plenary])?;
                self.require_player(*player)?;
                if !self.card_exists(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                self.check_placement(*player, *square)?;
                self.records
                    .entry(card.clone())
                    .or_default()
                    .round_mut(*round)
                    .insert(*player, *square);
            }
            A::Unplace {
                player,
                card,
                round,
            } => {
                self.require_player(*player)?;
                if !self.card_exists(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                if let Some(r) = self.records.get_mut(card) {
                    r.round_mut(*round).remove(player);
                }
            }
            A::Reveal { card, round } => {
                if !self.card_exists(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                self.records
                    .entry(card.clone())
                    .or_default()
                    .revealed
                    .insert(*round);
            }
            A::AddPostIt {
                colour,
                text,
                author,
                card,
            } => {
                self.require_phase(&[Phase::Play, Phase::Plenary])?;
                let post_it = PostIt {
                    id: PostItId(self.next_post_it),
                    colour: *colour,
                    text: text.trim().to_string(),
                    author: *author,
                    card: card.clone(),
                    at: None,
                    answered: false,
                };
                self.check_post_it(&post_it)?;
                self.next_post_it = self
                    .next_post_it
                    .checked_add(1)
                    .ok_or(ActionError::OutOfIds)?;
                self.post_its.push(post_it);
            }
            A::EditPostIt { id, text } => {
                let i = self.post_it_index(*id)?;
                let edited = PostIt {
                    text: text.trim().to_string(),
                    ..self.post_its[i].clone()
                };
                self.check_post_it(&edited)?;
                self.post_its[i] = edited;
            }
            A::ChangePostIt {
                id,
                text,
                colour,
                author,
            } => {
                let i = self.post_it_index(*id)?;
                let old = &self.post_its[i];
                let changed = PostIt {
                    text: text.trim().to_string(),
                    colour: *colour,
                    author: *author,
                    // Only a pink post-it is a question that can be answered.
                    answered: old.answered && *colour == PostItColour::Pink,
                    ..old.clone()
                };
                self.check_post_it(&changed)?;
                self.post_its[i] = changed;
            }
            A::MovePostIt { id, at } => {
                let i = self.post_it_index(*id)?;
                let moved = PostIt {
                    at: Some(*at),
                    ..self.post_its[i].clone()
                };
                self.check_post_it(&moved)?;
                self.post_its[i] = moved;
            }
            A::DeletePostIt { id } => {
                let i = self.post_it_index(*id)?;
                self.post_its.remove(i);
                // A next step that answers this question stays, without its source.
                for step in &mut self.next_steps {
                    if step.from == Some(StepSource::Question(*id)) {
                        step.from = None;
                    }
                }
            }
            A::SetAnswered { id, answered } => {
                let i = self.post_it_index(*id)?;
                self.post_its[i].answered = *answered;
            }
            A::AddCase {
                title,
                description,
                brought_by,
            } => {
                self.require_phase(&[Phase::Play])?;
                let id = self.next_case;
                let case = Case {
                    id,
                    title: title.trim().to_string(),
                    description: description.trim().to_string(),
                    brought_by: *brought_by,
                    after: self.current_card(),
                };
                self.check_case(&case)?;
                self.next_case = self.next_case.checked_add(1).ok_or(ActionError::OutOfIds)?;
                self.cases.push(case);
                // The new case goes on the table, right after the card it was brought in on.
                let cards = self.play_cards();
                self.current = cards
                    .iter()
                    .position(|c| *c == CardRef::Case(id))
                    .unwrap_or(cards.len() - 1);
                self.visit(self.current);
            }
            A::EditCase {
                id,
                title,
                description,
                brought_by,
            } => {
                let i = self
                    .cases
                    .iter()
                    .position(|c| c.id == *id)
                    .ok_or(ActionError::UnknownCard(CardRef::Case(*id)))?;
                let edited = Case {
                    title: title.trim().to_string(),
                    description: description.trim().to_string(),
                    brought_by: *brought_by,
                    ..self.cases[i].clone()
                };
                self.check_case(&edited)?;
                self.cases[i] = edited;
            }
            A::PassTurn => {
                if self.players.is_empty() {
                    return Err(ActionError::NoPlayers);
                }
                let next = match self
                    .teller
                    .and_then(|t| self.players.iter().position(|p| p.id == t))
                {
                    Some(i) => (i + 1) % self.players.len(),
                    None => 0,
                };
                self.teller = Some(self.players[next].id);
            }
            A::StartPlenary => {
                self.require_phase(&[Phase::Play])?;
                self.phase = Phase::Plenary;
                self.plenary_current = 0;
                // With a programme, the plenary is its Plenary phase.
                if let Some(plenary) = self.agenda_index(AgendaKind::Plenary) {
                    self.agenda_at = plenary;
                }
            }
            A::PlenaryGoTo { index } => {
                self.require_phase(&[Phase::Plenary])?;
                if *index >= self.plenary_cards().len() {
                    return Err(ActionError::IndexOutOfRange(*index));
                }
                self.plenary_current = *index;
            }
            A::OverrideStack { card, stack } => {
                self.require_phase(&[Phase::Plenary, Phase::Outcome])?;
                if !self.card_exists(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                self.records.entry(card.clone()).or_default().stack_override = *stack;
            }
            A::ShowOutcome => {
                self.require_phase(&[Phase::Plenary])?;
                self.phase = Phase::Outcome;
            }
            A::AddNextStep {
                text,
                owner,
                due,
                from,
            } => {
                self.require_phase(&[Phase::Plenary, Phase::Outcome])?;
                let mut step = NextStep {
                    id: self.next_step_id,
                    text: text.trim().to_string(),
                    owner: owner.clone(),
                    due: due.trim().to_string(),
                    from: from.clone(),
                };
                self.check_next_step(&step)?;
                step.owner = self.check_owner(owner)?;
                if step.id >= MAX_ID {
                    return Err(ActionError::OutOfIds);
                }
                self.next_step_id = step.id + 1;
                self.next_steps.push(step);
            }
            A::EditNextStep {
                id,
                text,
                owner,
                due,
            } => {
                self.require_phase(&[Phase::Plenary, Phase::Outcome])?;
                let i = self
                    .next_steps
                    .iter()
                    .position(|s| s.id == *id)
                    .ok_or(ActionError::UnknownNextStep(*id))?;
                let mut edited = NextStep {
                    text: text.trim().to_string(),
                    owner: owner.clone(),
                    due: due.trim().to_string(),
                    ..self.next_steps[i].clone()
                };
                self.check_next_step(&edited)?;
                edited.owner = self.check_owner(owner)?;
                self.next_steps[i] = edited;
            }
            A::DeleteNextStep { id } => {
                self.require_phase(&[Phase::Plenary, Phase::Outcome])?;
                let before = self.next_steps.len();
                self.next_steps.retain(|s| s.id != *id);
                if self.next_steps.len() == before {
                    return Err(ActionError::UnknownNextStep(*id));
                }
            }
            A::Return { seconds } => {
                self.require_phase(&[Phase::Play, Phase::Plenary, Phase::Outcome])?;
                let plenary_on = self
                    .agenda_item()
                    .is_none_or(|a| a.kind == AgendaKind::Plenary);
                if self.phase == Phase::Outcome && plenary_on {
                    // The outcome is part of the plenary's phase: its clock goes on.
                    self.phase = Phase::Plenary;
                } else if self.agenda().is_empty() {
                    return self.apply(&A::Back);
                } else {
                    if self.agenda_at == 0 {
                        return Err(ActionError::IndexOutOfRange(0));
                    }
                    let time = self.agenda_times.entry(self.agenda_at).or_default();
                    add_seconds(&mut time.used_seconds, *seconds);
                    self.apply(&A::AgendaBack)?;
                }
                self.finished = false;
            }
            A::Include { card } => {
                self.require_phase(&[Phase::Play, Phase::Plenary])?;
                if !self.play_cards().contains(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                let r = self.records.entry(card.clone()).or_default();
                r.skipped = false;
                if self.phase == Phase::Plenary {
                    r.included = true;
                    if let Some(i) = self.plenary_cards().iter().position(|c| c == card) {
                        self.plenary_current = i;
                    }
                }
            }
            A::Finish { seconds } => {
                if self.phase == Phase::Setup || !self.at_end() || self.finished {
                    return Err(ActionError::NotAtEnd);
                }
                if !self.agenda().is_empty() {
                    let time = self.agenda_times.entry(self.agenda_at).or_default();
                    add_seconds(&mut time.used_seconds, *seconds);
                }
                self.finished = true;
            }
            A::MarkFinished => {
                if self.finished {
                    return Err(ActionError::AlreadyFinished);
                }
                self.finished = true;
            }
            A::Back => {
                self.phase = match self.phase {
                    Phase::Outcome => Phase::Plenary,
                    Phase::Plenary => Phase::Play,
                    other => return Err(ActionError::WrongPhase(other)),
                };
                // Only once it is accepted: a refused action changes nothing.
                self.finished = false;
                // Back from the plenary is back in the game, in the programme too.
                if self.phase == Phase::Play
                    && let Some(game) = self.agenda_index(AgendaKind::Game)
                {
                    self.agenda_at = game;
                }
            }
            A::FollowProgramme(on) => {
                self.require_phase(&[Phase::Setup])?;
                self.programme = *on;
            }
            A::AgendaNext { seconds } => {
                self.require_phase(&[Phase::Play, Phase::Plenary, Phase::Outcome])?;
                let here = self.agenda_item().ok_or(ActionError::NoAgenda)?.kind;
                if self.agenda_at + 1 >= self.agenda().len() {
                    return Err(ActionError::AgendaEnd);
                }
                match (here, self.phase) {
                    (AgendaKind::Game, Phase::Play) => {
                        self.phase = Phase::Plenary;
                        self.plenary_current = 0;
                    }
                    (AgendaKind::Plenary, Phase::Plenary) => self.phase = Phase::Outcome,
                    _ => {}
                }
                let time = self.agenda_times.entry(self.agenda_at).or_default();
                add_seconds(&mut time.used_seconds, *seconds);
                self.agenda_at += 1;
            }
            A::AgendaBack => {
                self.require_phase(&[Phase::Play, Phase::Plenary, Phase::Outcome])?;
                self.agenda_item().ok_or(ActionError::NoAgenda)?;
                if self.agenda_at == 0 {
                    return Err(ActionError::IndexOutOfRange(0));
                }
                self.finished = false;
                self.agenda_at -= 1;
                // Back in the game is back at the board.
                if self
                    .agenda_item()
                    .is_some_and(|a| a.kind == AgendaKind::Game)
                {
                    self.phase = Phase::Play;
                }
            }
            A::AgendaExtend { minutes } => {
                self.require_phase(&[Phase::Play, Phase::Plenary, Phase::Outcome])?;
                self.agenda_item().ok_or(ActionError::NoAgenda)?;
                if *minutes == 0 || *minutes > MAX_EXTEND_MINUTES {
                    return Err(ActionError::BadExtension);
                }
                let time = self.agenda_times.entry(self.agenda_at).or_default();
                time.extra_minutes = time
                    .extra_minutes
                    .saturating_add(*minutes)
                    .min(crate::core::deck::MAX_AGENDA_MINUTES);
            }
            A::AddWarmUp { player, text } => {
                self.require_phase(&[Phase::Play, Phase::Plenary, Phase::Outcome])?;
                let word = WarmUpWord {
                    id: self.next_word_id.max(1),
                    player: *player,
                    text: text.trim().to_string(),
                };
                self.check_warm_up(&word)?;
                self.next_word_id = word.id.checked_add(1).ok_or(ActionError::OutOfIds)?;
                self.warm_up.push(word);
            }
            A::DeleteWarmUp { id } => {
                let before = self.warm_up.len();
                self.warm_up.retain(|w| w.id != *id);
                if self.warm_up.len() == before {
                    return Err(ActionError::UnknownWord(*id));
                }
            }
            A::SetLearningQuestion { player, text } | A::SetTakeaway { player, text } => {
                self.require_phase(&[Phase::Play, Phase::Plenary, Phase::Outcome])?;
                self.require_player(*player)?;
                let text = if text.trim().is_empty() {
                    None
                } else {
                    Some(self.check_reflection(*player, text)?)
                };
                let map = if matches!(action, A::SetLearningQuestion { .. }) {
                    &mut self.learning_questions
                } else {
                    &mut self.takeaways
                };
                match text {
                    None => map.remove(player),
                    Some(text) => map.insert(*player, text),
                };
            }
        }
        Ok(())
    }

    /// The programme the game follows: the deck's, unless only the game was chosen.
    pub fn agenda(&self) -> &[AgendaItem] {
        if self.programme {
            &self.deck.agenda
        } else {
            &[]
        }
    }

    /// The phase of the programme that is on, if the game follows a programme.
    pub fn agenda_item(&self) -> Option<&AgendaItem> {
        self.agenda().get(self.agenda_at)
    }

    /// Where the first phase of `kind` stands in the programme.
    pub fn agenda_index(&self, kind: AgendaKind) -> Option<usize> {
        self.agenda().iter().position(|a| a.kind == kind)
    }

    /// The minutes planned for phase `index`, with the minutes added.
    pub fn agenda_planned_minutes(&self, index: usize) -> u32 {
        let base = self.agenda().get(index).map_or(0, |a| a.minutes);
        base.saturating_add(self.agenda_times.get(&index).map_or(0, |t| t.extra_minutes))
    }

    /// Whether the programme's phase that is on shows a screen of its own (not the board or the outcome).
    pub fn on_programme_screen(&self) -> bool {
        self.phase != Phase::Setup
            && self
                .agenda_item()
                .is_some_and(|a| !matches!(a.kind, AgendaKind::Game | AgendaKind::Plenary))
    }
}

/// A session with its history: the session as it started, and every action applied since.
///
/// Undo replays the history from the nearest checkpoint, so it is exact whatever the action was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Game {
    base: Session,
    done: Vec<Action>,
    undone: Vec<Action>,
    /// The clock of the card on the table when the game was saved, so a resumed game continues it.
    #[serde(default)]
    timer: TimerSave,
    /// Text typed into the fields and not entered yet (older files: none).
    #[serde(default, skip_serializing_if = "crate::core::drafts::Drafts::is_empty")]
    drafts: crate::core::drafts::Drafts,
    #[serde(skip)]
    state: Option<Session>,
    #[serde(skip)]
    checkpoints: Vec<(usize, Session)>,
}

/// The timer of the card on the table: whether it is shown, and the seconds spent on the card so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TimerSave {
    pub shown: bool,
    pub seconds: u64,
    /// The seconds spent in the programme's phase that is on (older files: none).
    #[serde(default)]
    pub agenda_seconds: u64,
}

/// How many actions lie between two checkpoints of the undo history.
const CHECKPOINT_EVERY: usize = 64;

impl Game {
    /// The session the history starts from.
    pub fn base(&self) -> &Session {
        &self.base
    }

    /// The actions done, in order: the history that undo walks back.
    pub fn done(&self) -> &[Action] {
        &self.done
    }

    /// The actions undone that redo can bring back.
    pub fn undone(&self) -> &[Action] {
        &self.undone
    }

    /// The clock of the card on the table as last recorded.
    pub fn timer(&self) -> TimerSave {
        self.timer
    }

    /// Records the clock of the card on the table, to be saved with the game. The clock is not part of
    /// the session (it runs without actions), so this is the one change outside [`Game::apply`].
    /// Its times stop at [`MAX_CARD_SECONDS`], as every recorded time does.
    pub fn set_timer(&mut self, timer: TimerSave) {
        self.timer = TimerSave {
            seconds: timer.seconds.min(MAX_CARD_SECONDS),
            agenda_seconds: timer.agenda_seconds.min(MAX_CARD_SECONDS),
            ..timer
        };
    }

    /// The text typed into the fields and not entered yet, as last recorded.
    pub fn drafts(&self) -> &crate::core::drafts::Drafts {
        &self.drafts
    }

    /// Records the drafts, to be saved with the game. Like the clock, they are not part of the session
    /// (typing is no action, and undo does not take it back).
    pub fn set_drafts(&mut self, drafts: crate::core::drafts::Drafts) {
        self.drafts = drafts;
    }

    /// Forgets the history and keeps the session as it is now (for an overview of many sessions).
    pub fn forget_history(&mut self) {
        let now = self.session().clone();
        *self = Game::new(now);
    }

    /// The four parts a session file holds.
    pub fn into_file_parts(self) -> (Session, Vec<Action>, Vec<Action>, TimerSave) {
        (self.base, self.done, self.undone, self.timer)
    }

    /// A game from the four parts of a session file, unchecked, as a file on disk may hold them (a
    /// tool or a test writes such a file; loading checks it: `session_file::parse_game`).
    pub fn from_file_parts(
        base: Session,
        done: Vec<Action>,
        undone: Vec<Action>,
        timer: TimerSave,
    ) -> Game {
        let mut game = Game::new(base);
        game.done = done;
        game.undone = undone;
        game.timer = timer;
        game.state = None;
        game
    }

    pub fn new(base: Session) -> Self {
        Game {
            state: Some(base.clone()),
            base,
            done: Vec::new(),
            undone: Vec::new(),
            timer: TimerSave::default(),
            drafts: crate::core::drafts::Drafts::default(),
            checkpoints: Vec::new(),
        }
    }

    /// The session as it is now.
    pub fn session(&self) -> &Session {
        self.state.as_ref().unwrap_or(&self.base)
    }

    /// Takes a game read from a file of an older format version as one of this version: saved again,
    /// it is written in this version's format (older versions' files read as they are).
    pub fn to_current_version(&mut self) {
        self.base.version = SESSION_VERSION;
        self.state = None;
    }

    /// Rebuilds the current state from the history (after loading from a file).
    /// Returns the number of actions that could not be replayed (0 for a sound file).
    pub fn rebuild(&mut self) -> usize {
        let mut state = self.base.clone();
        let mut kept = Vec::with_capacity(self.done.len());
        let mut failed = 0;
        self.checkpoints.clear();
        for action in std::mem::take(&mut self.done) {
            // No checkpoints here: loading many sessions (a merge) stays fast, and the first undo after
            // a load replays from the start, which takes milliseconds.
            if state.apply(&action).is_ok() {
                kept.push(action);
            } else {
                failed += 1;
            }
        }
        self.done = kept;
        self.state = Some(state);
        failed
    }

    /// Applies an action and records it. On error nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        if self.state.is_none() {
            self.rebuild();
        }
        let state = self.state.get_or_insert_with(|| self.base.clone());
        state.apply(&action)?;
        self.done.push(action);
        self.undone.clear();
        if self.done.len().is_multiple_of(CHECKPOINT_EVERY) {
            self.checkpoints.push((self.done.len(), state.clone()));
        }
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Takes back the last action. Returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(action) = self.done.pop() else {
            return false;
        };
        self.undone.push(action);
        self.checkpoints.retain(|(n, _)| *n <= self.done.len());
        let (from, mut state) = self
            .checkpoints
            .last()
            .map_or_else(|| (0, self.base.clone()), |(n, s)| (*n, s.clone()));
        for a in &self.done[from..] {
            // Every action in `done` applied once before from the same state, so it applies again.
            let _ = state.apply(a);
        }
        self.state = Some(state);
        true
    }

    /// Applies the last undone action again. Returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(action) = self.undone.pop() else {
            return false;
        };
        let undone = std::mem::take(&mut self.undone);
        let ok = self.apply(action).is_ok();
        self.undone = undone;
        ok
    }
}

/// Shuffles with a seed, the same on every machine and every version: `SplitMix64` and Fisher-Yates,
/// written out here so that a saved session replays to the same order after a dependency upgrade.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// The current time as `YYYY-MM-DD HH:MM` in the computer's own time zone: a workshop at 10:00 in
/// Utrecht reads 10:00 in the reports, the file names and the list of past sessions.
pub fn now_stamp() -> String {
    stamp_in(jiff::Timestamp::now(), &jiff::tz::TimeZone::system())
}

/// Formats a moment as `YYYY-MM-DD HH:MM` in a time zone.
pub fn stamp_in(at: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// Formats seconds since 1970 as `YYYY-MM-DD HH:MM` in UTC (for simulated sessions, which must be the
/// same on every machine).
pub fn stamp_from_unix(secs: u64) -> String {
    let at = i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    stamp_in(at, &jiff::tz::TimeZone::UTC)
}
