//! How the facilitator's "next", "previous" and "skip" and the start of the plenary become actions:
//! which one they mean depends on the phase and the programme, so the rule lives here, once.

use super::*;

/// A step through the cards that the facilitator asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next card, in Play or in the Plenary.
    Next,
    /// The card before.
    Previous,
    /// Skip the statement on the table (Play only).
    Skip,
}

impl Session {
    /// The action `step` means now, with `card_seconds` spent on the card on the table (recorded with
    /// it); none when there is nowhere to go (the first or last card, or a phase without cards).
    pub fn step_action(&self, step: Step, card_seconds: u64) -> Option<Action> {
        match (self.stage, step) {
            (Stage::Play, Step::Next) => {
                let last = self.play_cards().len().saturating_sub(1);
                (self.current < last).then(|| Action::GoTo {
                    index: self.current + 1,
                    seconds: card_seconds,
                })
            }
            (Stage::Play, Step::Previous) => (self.current > 0).then(|| Action::GoTo {
                index: self.current - 1,
                seconds: card_seconds,
            }),
            (Stage::Play, Step::Skip) => Some(Action::Skip {
                seconds: card_seconds,
            }),
            (Stage::Plenary, Step::Next) => {
                let last = self.plenary_cards().len().saturating_sub(1);
                (self.plenary_current < last).then(|| Action::PlenaryGoTo {
                    index: self.plenary_current + 1,
                })
            }
            (Stage::Plenary, Step::Previous) => {
                (self.plenary_current > 0).then(|| Action::PlenaryGoTo {
                    index: self.plenary_current - 1,
                })
            }
            _ => None,
        }
    }

    /// The action that begins the plenary now. With a programme, the plenary begins as the
    /// programme's next phase, so the `phase_seconds` spent in the game are recorded; without one,
    /// it is [`Action::StartPlenary`].
    pub fn start_plenary_action(&self, phase_seconds: u64) -> Action {
        if self
            .current_phase()
            .is_some_and(|a| a.kind == PhaseKind::Game)
        {
            Action::NextPhase {
                seconds: phase_seconds,
            }
        } else {
            Action::StartPlenary
        }
    }
}
