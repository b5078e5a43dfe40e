//! [`Game`]: a session with its history, for undo, redo, autosave and resume.

use super::*;

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
    #[serde(default, alias = "agenda_seconds")]
    pub phase_seconds: u64,
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
            phase_seconds: timer.phase_seconds.min(MAX_CARD_SECONDS),
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
    pub(crate) fn forget_history(&mut self) {
        let now = self.session().clone();
        *self = Game::new(now);
    }

    /// A copy for a save made elsewhere (the clock keeper's thread): the same game, without the undo
    /// checkpoints, which only make undo faster and are not saved.
    pub fn copy_without_checkpoints(&self) -> Game {
        Game {
            base: self.base.clone(),
            done: self.done.clone(),
            undone: self.undone.clone(),
            timer: self.timer,
            drafts: self.drafts.clone(),
            state: self.state.clone(),
            checkpoints: Vec::new(),
        }
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
    pub(crate) fn raise_to_current_version(&mut self) {
        self.base.version = SESSION_VERSION;
        self.state = None;
    }

    /// Rebuilds the current state from the history (after loading from a file).
    /// Returns the number of actions that could not be replayed (0 for a sound file).
    pub(crate) fn rebuild(&mut self) -> usize {
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

    pub(crate) fn can_undo(&self) -> bool {
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
