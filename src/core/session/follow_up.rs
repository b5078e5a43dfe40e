//! The follow-up session ("terugkomdag"): what a session carries over from the one it follows
//! ([`LastTime`]), the review of last time's next steps, and last time's open questions.
//!
//! A follow-up holds a copy of what it needs from the earlier session, so it can be played, exported
//! and merged without the earlier file; it names that session (group and start), so a follow-up of a
//! follow-up makes a chain the organiser's overview can draw a line through.

use super::rules::{check_due, check_text};
use super::*;
use crate::core::tally::tally_card;

/// The most open questions or next steps a follow-up carries over.
pub(crate) const MAX_CARRIED: usize = 2000;
/// The longest deck title or statement id a follow-up carries over.
const MAX_CARRIED_TEXT: usize = 400;

/// What a follow-up session carries over from the session it follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastTime {
    /// The earlier session's group and start: with them, the earlier session is found again.
    pub group: String,
    pub started_at: String,
    /// The title of the deck it was played with.
    #[serde(default)]
    pub deck_title: String,
    /// Its players, so the group need not type them again.
    #[serde(default)]
    pub players: Vec<EarlierPlayer>,
    /// Each statement's last placement (the plenary's, or the first round's without one), by the
    /// statement's id: a newer version of the deck still matches.
    #[serde(default)]
    pub placements: BTreeMap<String, PlacedBefore>,
    /// The pink post-its that were still open (and those still open from the time before that).
    #[serde(default)]
    pub questions: Vec<EarlierQuestion>,
    /// The next steps agreed last time.
    #[serde(default)]
    pub steps: Vec<EarlierStep>,
}

/// A player of the earlier session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierPlayer {
    pub name: String,
    pub colour: u8,
}

/// Where the group put a statement last time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedBefore {
    /// The squares the pawns stood on (0 is the first square), lowest first.
    pub squares: Vec<usize>,
    /// The mean in points, on the earlier deck's scale.
    pub mean: Option<f64>,
    /// The stack the statement ended on.
    pub stack: Option<Stack>,
}

/// A question (a pink post-it) still open at the end of the earlier session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierQuestion {
    /// Its number in this list (1, 2, …), for [`Action::AnswerEarlier`].
    pub id: u32,
    pub text: String,
    /// The statement it was asked at; `None` for a case.
    pub statement: Option<String>,
}

/// A next step agreed in the earlier session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierStep {
    /// Its number in the earlier session.
    pub id: u32,
    pub text: String,
    /// Who took it on, by name.
    pub owner: String,
    #[serde(default)]
    pub due: String,
}

/// What became of a next step since last time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StepStatus {
    Done,
    OnItsWay,
    NotYet,
    Dropped,
}

impl StepStatus {
    pub const ALL: [StepStatus; 4] = [
        StepStatus::Done,
        StepStatus::OnItsWay,
        StepStatus::NotYet,
        StepStatus::Dropped,
    ];

    /// The id of its name in the message files.
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::Done => "review-done",
            StepStatus::OnItsWay => "review-on-its-way",
            StepStatus::NotYet => "review-not-yet",
            StepStatus::Dropped => "review-dropped",
        }
    }

    /// A sign beside the words, so the status is never told by colour alone.
    pub fn sign(self) -> &'static str {
        match self {
            StepStatus::Done => "✓",
            StepStatus::OnItsWay => "→",
            StepStatus::NotYet => "…",
            StepStatus::Dropped => "×",
        }
    }
}

/// The group's review of one step: its status and, if said, a line of what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReview {
    pub status: Option<StepStatus>,
    #[serde(default)]
    pub line: String,
}

impl LastTime {
    /// What a follow-up of `earlier` carries over.
    pub fn of(earlier: &Session) -> LastTime {
        let mut placements = BTreeMap::new();
        for s in &earlier.deck.statements {
            let card = CardRef::Statement(s.id.clone());
            let Some(record) = earlier.record(&card) else {
                continue;
            };
            let (round, placed) = if record.plenary.is_empty() {
                (Round::First, &record.first)
            } else {
                (Round::Plenary, &record.plenary)
            };
            if placed.is_empty() {
                continue;
            }
            let mut squares: Vec<usize> = placed.values().copied().collect();
            squares.sort_unstable();
            let t = tally_card(earlier, &card);
            let mean = match round {
                Round::First => t.first.mean,
                Round::Plenary => t.plenary.mean,
            };
            placements.insert(
                s.id.clone(),
                PlacedBefore {
                    squares,
                    mean,
                    stack: t.stack(),
                },
            );
        }
        let statement_of = |card: &CardRef| match card {
            CardRef::Statement(id) => Some(id.clone()),
            CardRef::Case(_) => None,
        };
        // Still open from the time before, then what stayed open this time.
        let older = earlier.follows.iter().flat_map(|l| {
            l.questions
                .iter()
                .filter(|q| !earlier.answered_before.contains(&q.id))
                .map(|q| (q.text.clone(), q.statement.clone()))
        });
        let now = earlier
            .post_its
            .iter()
            .filter(|p| p.colour == PostItColour::Pink && !p.answered)
            .map(|p| (p.text.clone(), statement_of(&p.card)));
        let questions = older
            .chain(now)
            .take(MAX_CARRIED)
            .enumerate()
            .map(|(i, (text, statement))| EarlierQuestion {
                id: i as u32 + 1,
                text,
                statement,
            })
            .collect();
        LastTime {
            group: earlier.group.clone(),
            started_at: earlier.started_at.clone(),
            deck_title: earlier.deck.title.clone(),
            players: earlier
                .players
                .iter()
                .map(|p| EarlierPlayer {
                    name: p.name.clone(),
                    colour: p.colour,
                })
                .collect(),
            placements,
            questions,
            steps: earlier
                .next_steps
                .iter()
                .take(MAX_CARRIED)
                .map(|s| EarlierStep {
                    id: s.id,
                    text: s.text.clone(),
                    owner: earlier.owner_name(&s.owner),
                    due: s.due.clone(),
                })
                .collect(),
        }
    }

    /// Whether this names `earlier` as the session it follows.
    pub fn names(&self, earlier: &Session) -> bool {
        self.group == earlier.group && self.started_at == earlier.started_at
    }

    /// Everything a file or an action could have put here that the game would never write.
    pub(super) fn check(&self) -> Result<(), ActionError> {
        let too_long = |text: &str, max: usize| {
            let len = text.chars().count();
            if len > max {
                Err(ActionError::TextTooLong { len, max })
            } else {
                Ok(())
            }
        };
        too_long(&self.group, MAX_GROUP_CHARS)?;
        too_long(&self.started_at, 64)?;
        too_long(&self.deck_title, MAX_CARRIED_TEXT)?;
        if self.players.len() > MAX_PLAYERS {
            return Err(ActionError::TooManyPlayers);
        }
        for p in &self.players {
            check_text(&p.name, MAX_NAME_CHARS)?;
            if p.colour >= PALETTE_SIZE {
                return Err(ActionError::UnknownColour(p.colour));
            }
        }
        if self.placements.len() > MAX_CARRIED
            || self.questions.len() > MAX_CARRIED
            || self.steps.len() > MAX_CARRIED
        {
            return Err(ActionError::TooManyCarried);
        }
        for (id, placed) in &self.placements {
            too_long(id, MAX_CARRIED_TEXT)?;
            if placed.squares.len() > MAX_PLAYERS
                || placed
                    .squares
                    .iter()
                    .any(|s| *s >= crate::core::deck::MAX_SQUARES)
                || placed.mean.is_some_and(|m| !m.is_finite() || m.abs() > 1e6)
            {
                return Err(ActionError::BadPlacedBefore(id.clone()));
            }
        }
        let mut ids = BTreeSet::new();
        for q in &self.questions {
            check_text(&q.text, MAX_POST_IT_CHARS)?;
            if let Some(s) = &q.statement {
                too_long(s, MAX_CARRIED_TEXT)?;
            }
            if q.id == 0 || !ids.insert(q.id) {
                return Err(ActionError::UnknownEarlierQuestion(q.id));
            }
        }
        let mut ids = BTreeSet::new();
        for s in &self.steps {
            check_text(&s.text, MAX_NEXT_STEP_CHARS)?;
            too_long(&s.owner, MAX_NAME_CHARS * 2)?;
            check_due(&s.due)?;
            if !ids.insert(s.id) {
                return Err(ActionError::UnknownNextStep(s.id));
            }
        }
        Ok(())
    }
}

/// Whether `chosen` is a version of `earlier`'s deck (the same title, ignoring case, in the same
/// language, with at least one statement id in common), so a follow-up keeps it: the facilitator
/// who loaded a newer version of the deck plays that one, its statements matched by id.
pub fn is_version_of(chosen: &Deck, earlier: &Deck) -> bool {
    let ids: BTreeSet<&str> = earlier.statements.iter().map(|s| s.id.as_str()).collect();
    chosen.title.trim().to_lowercase() == earlier.title.trim().to_lowercase()
        && chosen.language == earlier.language
        && chosen
            .statements
            .iter()
            .any(|s| ids.contains(s.id.as_str()))
}

/// The actions that make `now`, a session being set up, a follow-up of `earlier`: its deck, unless
/// `now`'s deck is a version of it (see [`is_version_of`]) or `keep_deck` says the facilitator
/// chose one (`--deck`), then [`Action::FollowUp`].
pub fn follow_up_actions(now: &Session, earlier: &Session, keep_deck: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if !keep_deck && !is_version_of(&now.deck, &earlier.deck) {
        actions.push(Action::SetDeck(earlier.deck.clone()));
    }
    actions.push(Action::FollowUp(Box::new(LastTime::of(earlier))));
    actions
}

/// The length of the review phase a follow-up adds: three minutes a step, between 10 and 30.
fn review_minutes(steps: usize) -> u32 {
    (steps as u32).saturating_mul(3).clamp(10, 30)
}

impl Session {
    /// The earlier session's placement of `statement`, in a follow-up.
    pub fn placed_before(&self, statement: &str) -> Option<&PlacedBefore> {
        self.follows.as_ref()?.placements.get(statement)
    }

    /// The questions still open from last time at `statement`, with whether they were answered now.
    pub fn earlier_questions_at<'a>(
        &'a self,
        statement: &'a str,
    ) -> impl Iterator<Item = (&'a EarlierQuestion, bool)> + 'a {
        self.follows
            .iter()
            .flat_map(|l| &l.questions)
            .filter(move |q| q.statement.as_deref() == Some(statement))
            .map(|q| (q, self.answered_before.contains(&q.id)))
    }

    /// The step of last time that the review shows now.
    pub fn step_under_review(&self) -> Option<&EarlierStep> {
        self.follows.as_ref()?.steps.get(self.review_at)
    }

    /// How many of last time's steps the group marked with each status, in [`StepStatus::ALL`]'s
    /// order, and how many it did not mark.
    pub fn review_counts(&self) -> ([usize; 4], usize) {
        let mut counts = [0; 4];
        let mut unmarked = 0;
        for s in self.follows.iter().flat_map(|l| &l.steps) {
            match self.reviews.get(&s.id).and_then(|r| r.status) {
                Some(status) => {
                    counts[StepStatus::ALL
                        .iter()
                        .position(|a| *a == status)
                        .unwrap_or(0)] += 1;
                }
                None => unmarked += 1,
            }
        }
        (counts, unmarked)
    }

    /// Puts a review phase into the programme, before the learning question and the game, unless the
    /// deck has one; a deck without a programme gets the smallest one around the game.
    fn add_review_phase(&mut self) {
        if self
            .deck
            .programme
            .iter()
            .any(|p| p.kind == PhaseKind::Review)
        {
            return;
        }
        let steps = self.follows.as_ref().map_or(0, |l| l.steps.len());
        let texts = crate::core::i18n::Texts::default();
        let review = Phase {
            kind: PhaseKind::Review,
            title: texts.get(self.language, "review-phase-title"),
            minutes: review_minutes(steps),
            text: texts.get(self.language, "review-phase-text"),
        };
        if self.deck.programme.is_empty() {
            let phase = |kind, key: &str, minutes| Phase {
                kind,
                title: texts.get(self.language, key),
                minutes,
                text: String::new(),
            };
            self.deck.programme = vec![
                review,
                phase(PhaseKind::Game, "phase-kind-game", 60),
                phase(PhaseKind::Plenary, "phase-kind-plenary", 30),
            ];
        } else {
            let at = self
                .deck
                .programme
                .iter()
                .position(|p| matches!(p.kind, PhaseKind::LearningQuestion | PhaseKind::Game))
                .unwrap_or(0);
            self.deck.programme.insert(at, review);
        }
    }

    /// Applies an action of a follow-up; [`Session::apply`] sends only those here.
    pub(super) fn apply_follow_up(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::FollowUp(last) => {
                self.require_stage(&[Stage::Setup])?;
                if self.follows.is_some() {
                    return Err(ActionError::AlreadyAFollowUp);
                }
                last.check()?;
                if self.deck.programme.len() >= crate::core::deck::MAX_PHASES {
                    return Err(ActionError::ProgrammeFull);
                }
                let mut next = self.clone();
                next.follows = Some(last.clone());
                if next.group.is_empty() {
                    next.group = Self::check_group(&last.group)?;
                }
                for p in &last.players {
                    if next.check_name(&p.name, None).is_err() || next.players.len() >= MAX_PLAYERS
                    {
                        continue;
                    }
                    let colour_free = !next.players.iter().any(|q| q.colour == p.colour);
                    let player = next.new_player(&p.name, colour_free.then_some(p.colour))?;
                    next.next_player = player.id.0 + 1;
                    next.players.push(player);
                }
                // The review is on by default: the programme is followed, and it has a review phase.
                next.add_review_phase();
                next.follows_programme = true;
                *self = next;
            }
            A::ReviewStep { step, status, line } => {
                self.require_in_play()?;
                let line = line.trim();
                self.check_review(
                    *step,
                    &StepReview {
                        status: *status,
                        line: line.to_string(),
                    },
                )?;
                if status.is_none() && line.is_empty() {
                    self.reviews.remove(step);
                } else {
                    self.reviews.insert(
                        *step,
                        StepReview {
                            status: *status,
                            line: line.to_string(),
                        },
                    );
                }
            }
            A::ReviewGoTo { index } => {
                self.require_in_play()?;
                let steps = self.follows.as_ref().map_or(0, |l| l.steps.len());
                if *index >= steps {
                    return Err(ActionError::IndexOutOfRange(*index));
                }
                self.review_at = *index;
            }
            A::AnswerEarlier { question, answered } => {
                self.require_in_play()?;
                self.check_earlier_question(*question)?;
                if *answered {
                    self.answered_before.insert(*question);
                } else {
                    self.answered_before.remove(question);
                }
            }
            _ => unreachable!("not an action of a follow-up: {action:?}"),
        }
        Ok(())
    }

    fn require_in_play(&self) -> Result<(), ActionError> {
        self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])
    }

    /// A review of step `step` of last time: a step there is, a line not too long.
    pub(super) fn check_review(&self, step: u32, review: &StepReview) -> Result<(), ActionError> {
        let known = self
            .follows
            .as_ref()
            .is_some_and(|l| l.steps.iter().any(|s| s.id == step));
        if !known {
            return Err(ActionError::UnknownNextStep(step));
        }
        let len = review.line.chars().count();
        if len > MAX_NEXT_STEP_CHARS {
            return Err(ActionError::TextTooLong {
                len,
                max: MAX_NEXT_STEP_CHARS,
            });
        }
        Ok(())
    }

    pub(super) fn check_earlier_question(&self, question: u32) -> Result<(), ActionError> {
        let known = self
            .follows
            .as_ref()
            .is_some_and(|l| l.questions.iter().any(|q| q.id == question));
        if known {
            Ok(())
        } else {
            Err(ActionError::UnknownEarlierQuestion(question))
        }
    }

    /// The follow-up part of [`Session::check_loaded`].
    pub(super) fn check_loaded_follow_up(&self) -> Result<(), String> {
        if let Some(last) = &self.follows {
            last.check()
                .map_err(|e| loaded_problem("what it carries over from last time", &e))?;
        } else if !self.reviews.is_empty() || !self.answered_before.is_empty() {
            return Err("it reviews last time but follows no session".into());
        }
        for (step, review) in &self.reviews {
            self.check_review(*step, review)
                .map_err(|e| loaded_problem(&format!("the review of step {step}"), &e))?;
        }
        for q in &self.answered_before {
            self.check_earlier_question(*q)
                .map_err(|e| loaded_problem("an answered question of last time", &e))?;
        }
        let steps = self.follows.as_ref().map_or(0, |l| l.steps.len());
        if self.review_at > 0 && self.review_at >= steps {
            return Err(format!("it reviews step {} of {steps}", self.review_at + 1));
        }
        Ok(())
    }

    /// After [`Action::SetDeck`] in a follow-up: the new deck gets the review phase too.
    pub(super) fn keep_review_phase(&mut self) {
        if self.follows.is_some() && self.deck.programme.len() < crate::core::deck::MAX_PHASES {
            self.add_review_phase();
        }
    }
}
