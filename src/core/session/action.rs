//! Every change to a session ([`Action`]) and why one can be refused ([`ActionError`]).

use super::*;

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
    #[serde(alias = "AgendaNext")]
    NextPhase {
        seconds: u64,
    },
    /// Back to the phase before in the programme. (Older files; the game sends [`Action::Return`].)
    #[serde(alias = "AgendaBack")]
    PreviousPhase,
    /// More time for the phase that is on.
    #[serde(alias = "AgendaExtend")]
    ExtendPhase {
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
    /// Make the session a follow-up of an earlier one (only in Setup): it keeps what it carries over,
    /// takes the earlier group's name if it has none, adds the earlier players who are not in it yet,
    /// and follows the programme with a review phase.
    FollowUp(Box<LastTime>),
    /// The group's review of a step agreed last time: its status (`None`: not said) and a line of
    /// what happened. No status and no line takes the review away.
    ReviewStep {
        step: u32,
        status: Option<StepStatus>,
        line: String,
    },
    /// Show step `index` of last time in the review.
    ReviewGoTo {
        index: usize,
    },
    /// Mark a question still open from last time answered, or open again.
    AnswerEarlier {
        question: u32,
        answered: bool,
    },
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
    WrongStage(Stage),
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
    NoProgramme,
    #[error("there is no phase after this one in the programme")]
    ProgrammeEnd,
    #[error("there is no warm-up entry {0}")]
    UnknownWord(u32),
    #[error("a phase can be extended by 1 to {MAX_EXTEND_MINUTES} minutes at a time")]
    BadExtension,
    #[error("the workshop can be finished at the end of its programme")]
    NotAtEnd,
    #[error("the session is finished already")]
    AlreadyFinished,
    #[error("the session follows an earlier one already")]
    AlreadyAFollowUp,
    #[error("the programme has no room for another phase")]
    ProgrammeFull,
    #[error("a follow-up carries over at most {MAX_CARRIED} questions and steps", MAX_CARRIED = follow_up::MAX_CARRIED)]
    TooManyCarried,
    #[error("last time's placement of statement {0:?} is not one the game makes")]
    BadPlacedBefore(String),
    #[error("there is no question {0} from last time")]
    UnknownEarlierQuestion(u32),
}
