//! The session as a Bevy resource, and the one system that changes it: every [`GameMsg`] becomes an
//! [`Action`] on the core's [`Game`], or an undo or redo.

use crate::app::{AppSystems, Screen};
use crate::core::drafts::Drafts;
use crate::core::session::{Action, ActionError, CardRef, Game, Session, Stage, Step};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use std::time::{Duration, Instant};

/// The game being played: the core's session with its history. It changes only here, by
/// [`apply_messages`]: every other system sends a [`GameMsg`].
#[derive(Resource)]
pub struct ActiveGame(Game);

impl ActiveGame {
    pub fn new(game: Game) -> Self {
        ActiveGame(game)
    }

    /// The game with its history (for a save, an export, undo and redo buttons).
    pub fn game(&self) -> &Game {
        &self.0
    }

    pub fn session(&self) -> &Session {
        self.0.session()
    }

    /// Records the card's clock and the drafts to be saved with the game: neither is part of the
    /// session, so this is no action and draws nothing again (the caller bypasses change detection).
    pub(crate) fn keep_for_saving(
        &mut self,
        timer: crate::core::session::TimerSave,
        drafts: &Drafts,
    ) {
        if self.0.timer() != timer {
            self.0.set_timer(timer);
        }
        if self.0.drafts() != drafts {
            self.0.set_drafts(drafts.clone());
        }
    }
}

/// What the facilitator, the players or the demo ask of the game.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum GameMsg {
    /// Apply one action.
    Do(Action),
    Undo,
    Redo,
    /// Next card, in Play or in the Plenary; the time on the card is recorded.
    Next,
    /// Previous card.
    Previous,
    /// Skip the current statement.
    Skip,
    /// Replace the whole game (a resumed session).
    Load(Box<Game>),
    /// On to the next phase of the programme; the time spent in the phase is recorded.
    NextPhase,
    /// Back one step (the phase before, or the screen before); the time spent in the phase is recorded.
    Return,
    /// Finish the workshop at the end of the programme; the time spent in the phase is recorded.
    Finish,
}

/// The clock of the programme's phase that is on: restarts when another phase begins.
#[derive(Resource, Debug, Clone)]
pub struct PhaseClock {
    /// The phase it times (`None` before the game has started), and since when.
    pub phase: Option<usize>,
    pub(crate) since: Instant,
    /// Seconds spent in the phase before `since` (a resumed game).
    pub offset: u64,
    /// Seconds of a resumed game's phase, taken as the offset when its phase comes on.
    pub(crate) resume_seconds: u64,
}

impl Default for PhaseClock {
    fn default() -> Self {
        PhaseClock {
            phase: None,
            since: Instant::now(),
            offset: 0,
            resume_seconds: 0,
        }
    }
}

impl PhaseClock {
    /// Seconds in the phase that is on since it came on (not yet recorded in the session); none when
    /// no phase runs (before the game, or after the workshop was finished).
    pub fn seconds(&self) -> u64 {
        if self.phase.is_none() {
            return 0;
        }
        self.offset + self.since.elapsed().as_secs()
    }
    /// All seconds used in the phase that is on: recorded on earlier visits, and running now.
    pub(crate) fn used(&self, s: &Session) -> u64 {
        let recorded = s.phase_times.get(&s.phase_at).map_or(0, |t| t.used_seconds);
        recorded.saturating_add(self.seconds())
    }
}

/// An action the session refused, with the reason, for the facilitator to see.
#[derive(Resource, Default, Debug)]
pub struct LastRefusal {
    pub error: Option<ActionError>,
    pub(crate) at: Option<Instant>,
}

/// The last undo or redo, for the facilitator to see what it took back or brought back.
#[derive(Resource, Default, Debug)]
pub(crate) struct LastUndo {
    /// Whether it was a redo, and the action.
    pub(crate) action: Option<(bool, Action)>,
    pub(crate) at: Option<Instant>,
}

/// Text typed into the panels' fields and not entered yet. The panels show and change it; the
/// autosave writes it with the session shortly after typing stops, and a resumed game brings it back.
/// It is kept apart from [`ActiveGame`], so a key press does not redraw the board.
#[derive(Resource, Debug, Default)]
pub struct OpenDrafts {
    pub drafts: Drafts,
    pub unsaved: Unsaved,
}

impl OpenDrafts {
    /// Takes what the panels show now.
    pub fn update(&mut self, drafts: Drafts) {
        if drafts != self.drafts {
            self.drafts = drafts;
            self.unsaved.changed();
        }
    }
}

/// Typing not saved yet: when it first and last changed since it was last saved, so that it is saved
/// a moment after typing stops (or after a while of typing on), not at every key.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Unsaved(Option<(Instant, Instant)>);

impl Unsaved {
    /// Typing that began at `first` and last changed at `last`.
    pub fn since(first: Instant, last: Instant) -> Unsaved {
        Unsaved(Some((first, last)))
    }

    /// Something changed now.
    pub(crate) fn changed(&mut self) {
        let now = Instant::now();
        *self = Unsaved::since(self.0.map_or(now, |(first, _)| first), now);
    }

    /// Whether there is anything not saved.
    pub fn pending(&self) -> bool {
        self.0.is_some()
    }

    /// Whether to save now: typing stopped a moment ago, or has gone on for a while.
    pub(crate) fn due(&self) -> bool {
        self.0.is_some_and(|(first, last)| {
            last.elapsed() >= Duration::from_millis(700)
                || first.elapsed() >= Duration::from_secs(5)
        })
    }

    /// It was saved.
    pub(crate) fn saved(&mut self) {
        self.0 = None;
    }
}

/// Sent after the session changed, with the number of actions in its history.
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct SessionChanged;

/// Time spent on the card on the table, and the optional timer shown to the group.
#[derive(Resource, Debug)]
pub struct CardClock {
    pub(crate) card: Option<CardRef>,
    pub(crate) since: Instant,
    /// Whether the timer is shown on the board.
    pub shown: bool,
    /// The card's seconds when the timer was started: the timer shows the time since.
    pub(crate) shown_from: u64,
    /// Minutes after which the timer warns.
    pub(crate) limit_minutes: u64,
    /// Seconds spent on the card before `since` (a resumed game continues its clock).
    pub offset: u64,
    /// Seconds to carry over to the next card put on the table by a resume.
    pub(crate) resume_seconds: u64,
}

impl Default for CardClock {
    fn default() -> Self {
        CardClock {
            card: None,
            since: Instant::now(),
            shown: false,
            shown_from: 0,
            limit_minutes: 10,
            offset: 0,
            resume_seconds: 0,
        }
    }
}

impl CardClock {
    pub(crate) fn elapsed(&self) -> Duration {
        self.since
            .elapsed()
            .saturating_add(Duration::from_secs(self.offset))
    }
    pub(crate) fn seconds(&self) -> u64 {
        self.elapsed().as_secs()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<GameMsg>()
        .add_message::<SessionChanged>()
        .init_resource::<LastRefusal>()
        .init_resource::<LastUndo>()
        .init_resource::<OpenDrafts>()
        .init_resource::<CardClock>()
        .init_resource::<PhaseClock>();
    if !app.world().contains_resource::<ActiveGame>() {
        app.insert_resource(ActiveGame::new(Game::new(Session::new(
            crate::core::deck::default_deck(),
            crate::core::session::now_stamp(),
        ))));
    }
    app.add_systems(
        Update,
        (
            apply_messages.run_if(on_message::<GameMsg>),
            (follow_phase, restart_clock, restart_phase_clock)
                .run_if(resource_changed::<ActiveGame>),
        )
            .chain()
            .in_set(AppSystems::Apply),
    );
}

/// Applies every message of this frame to the session, in order.
#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it reads or writes
pub(crate) fn apply_messages(
    mut messages: MessageReader<GameMsg>,
    mut game: ResMut<ActiveGame>,
    mut refusal: ResMut<LastRefusal>,
    mut last_undo: ResMut<LastUndo>,
    clock: Res<CardClock>,
    programme: Res<PhaseClock>,
    mut drafts: ResMut<OpenDrafts>,
    mut changed: MessageWriter<SessionChanged>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let mut any = false;
    for msg in messages.read() {
        let result = match msg {
            GameMsg::Do(Action::StartPlenary) => {
                let start = game.session().start_plenary_action(programme.seconds());
                game.0.apply(start).map(|()| true)
            }
            GameMsg::Do(action) => game.0.apply(action.clone()).map(|()| true),
            GameMsg::NextPhase => game
                .0
                .apply(Action::NextPhase {
                    seconds: programme.seconds(),
                })
                .map(|()| true),
            GameMsg::Return => game
                .0
                .apply(Action::Return {
                    seconds: programme.seconds(),
                })
                .map(|()| true),
            GameMsg::Finish => game
                .0
                .apply(Action::Finish {
                    seconds: programme.seconds(),
                })
                .map(|()| true),
            GameMsg::Undo | GameMsg::Redo => {
                let redo = *msg == GameMsg::Redo;
                let action = if redo {
                    game.0.undone().last().cloned()
                } else {
                    game.0.done().last().cloned()
                };
                let did = if redo { game.0.redo() } else { game.0.undo() };
                if did {
                    last_undo.action = action.map(|a| (redo, a));
                    last_undo.at = Some(Instant::now());
                }
                Ok(did)
            }
            GameMsg::Load(g) => {
                game.0 = (**g).clone();
                // Every word typed and not entered comes back to its field.
                drafts.drafts = g.drafts().clone();
                drafts.unsaved.saved();
                Ok(true)
            }
            GameMsg::Next | GameMsg::Previous | GameMsg::Skip => {
                let step = match msg {
                    GameMsg::Next => Step::Next,
                    GameMsg::Previous => Step::Previous,
                    _ => Step::Skip,
                };
                match game.session().step_action(step, clock.seconds()) {
                    Some(action) => game.0.apply(action).map(|()| true),
                    None => Ok(false),
                }
            }
        };
        match result {
            Ok(did) => any |= did,
            Err(e) => {
                refusal.error = Some(e);
                refusal.at = Some(Instant::now());
                redraw.write(RequestRedraw);
            }
        }
    }
    if any {
        refusal.error = None;
        changed.write(SessionChanged);
        redraw.write(RequestRedraw);
    }
}

/// The screen follows the session's phase (after an action, an undo or a resume).
pub(crate) fn follow_phase(
    game: Res<ActiveGame>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let want = match game.session().stage {
        _ if game.session().on_programme_screen() => Screen::Programme,
        Stage::Setup => Screen::Setup,
        Stage::Play => Screen::Play,
        Stage::Plenary => Screen::Plenary,
        Stage::Outcome => Screen::Outcome,
    };
    if *screen.get() != want {
        next.set(want);
    }
}

/// The programme's clock starts again when another phase begins (the time already spent in a phase
/// the group returns to is in the session: [`PhaseClock::used`]); it stops when the workshop is
/// finished.
fn restart_phase_clock(game: Res<ActiveGame>, mut clock: ResMut<PhaseClock>) {
    let s = game.session();
    let phase =
        (s.stage != Stage::Setup && !s.programme().is_empty() && !s.finished).then_some(s.phase_at);
    if clock.phase != phase {
        clock.phase = phase;
        clock.since = Instant::now();
        clock.offset = std::mem::take(&mut clock.resume_seconds);
    }
}

/// The clock starts again when another card comes on the table.
fn restart_clock(game: Res<ActiveGame>, mut clock: ResMut<CardClock>) {
    let card = game.session().active_card().map(|(c, _)| c);
    if clock.card != card {
        clock.card = card;
        clock.shown_from = 0;
        clock.since = Instant::now();
        clock.offset = std::mem::take(&mut clock.resume_seconds);
    }
}
