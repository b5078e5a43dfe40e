//! [`Session::apply`]: the one place where a session changes, sending each action to the part of
//! the game it belongs to.

use super::*;

impl Session {
    /// Whether the session takes `action` now, asked without changing it: a panel asks before it lets
    /// go of what was typed, so a refused post-it keeps its text.
    ///
    /// The actions that enter what was typed (a player, a post-it, a case, a next step, a warm-up word,
    /// a reflection) are answered by the same functions [`Session::apply`] builds them with, so the two
    /// cannot disagree, and without a copy of the session. Any other action is tried on a copy.
    pub fn accepts(&self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::AddPlayer { name, colour } => self.new_player(name, *colour).map(drop),
            A::AddPostIt {
                colour,
                text,
                author,
                card,
            } => self.new_post_it(*colour, text, *author, card).map(drop),
            A::ChangePostIt {
                id,
                text,
                colour,
                author,
            } => self.changed_post_it(*id, text, *colour, *author).map(drop),
            A::AddCase {
                title,
                description,
                brought_by,
            } => self.new_case(title, description, *brought_by).map(drop),
            A::AddNextStep {
                text,
                owner,
                due,
                from,
            } => self
                .new_next_step(text, owner, due, from.as_ref())
                .map(drop),
            A::AddWarmUp { player, text } => self.new_warm_up(*player, text).map(drop),
            A::SetLearningQuestion { player, text } | A::SetTakeaway { player, text } => {
                self.reflection(*player, text).map(drop)
            }
            other => self.clone().apply(other),
        }
    }

    /// Validates `action` and applies it. On error the session is unchanged.
    pub fn apply(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::SetGroup(_)
            | A::SetLanguage(_)
            | A::SetDeck(_)
            | A::AddPlayer { .. }
            | A::RenamePlayer { .. }
            | A::RecolourPlayer { .. }
            | A::RemovePlayer { .. }
            | A::SetOrder(_)
            | A::SetMode(_)
            | A::StartPlay
            | A::FollowProgramme(_) => self.apply_setup(action),
            A::GoTo { .. }
            | A::Skip { .. }
            | A::Place { .. }
            | A::Unplace { .. }
            | A::Reveal { .. }
            | A::AddPostIt { .. }
            | A::EditPostIt { .. }
            | A::ChangePostIt { .. }
            | A::MovePostIt { .. }
            | A::DeletePostIt { .. }
            | A::SetAnswered { .. }
            | A::AddCase { .. }
            | A::EditCase { .. }
            | A::PassTurn
            | A::Include { .. } => self.apply_play(action),
            A::StartPlenary
            | A::PlenaryGoTo { .. }
            | A::OverrideStack { .. }
            | A::ShowOutcome
            | A::AddNextStep { .. }
            | A::EditNextStep { .. }
            | A::DeleteNextStep { .. }
            | A::Return { .. }
            | A::Finish { .. }
            | A::MarkFinished
            | A::Back => self.apply_plenary(action),
            A::NextPhase { .. }
            | A::PreviousPhase
            | A::ExtendPhase { .. }
            | A::AddWarmUp { .. }
            | A::DeleteWarmUp { .. }
            | A::SetLearningQuestion { .. }
            | A::SetTakeaway { .. } => self.apply_programme(action),
            A::FollowUp(_)
            | A::ReviewStep { .. }
            | A::ReviewGoTo { .. }
            | A::AnswerEarlier { .. } => self.apply_follow_up(action),
        }
    }
}
