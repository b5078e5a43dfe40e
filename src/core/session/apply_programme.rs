//! The actions of the programme around the game: its phases, the warm-up and the reflections.

use super::*;

impl Session {
    /// The word [`Action::AddWarmUp`] adds, if the session takes it.
    pub(super) fn new_warm_up(
        &self,
        player: Option<PlayerId>,
        text: &str,
    ) -> Result<WarmUpWord, ActionError> {
        self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
        let word = WarmUpWord {
            id: self.next_word_id.max(1),
            player,
            text: text.trim().to_string(),
        };
        self.check_warm_up(&word)?;
        word.id.checked_add(1).ok_or(ActionError::OutOfIds)?;
        Ok(word)
    }

    /// A player's learning question or takeaway as [`Action::SetLearningQuestion`] and
    /// [`Action::SetTakeaway`] keep it (none for an empty text, which takes it away), if the session
    /// takes it.
    pub(super) fn reflection(
        &self,
        player: PlayerId,
        text: &str,
    ) -> Result<Option<String>, ActionError> {
        self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
        self.require_player(player)?;
        if text.trim().is_empty() {
            Ok(None)
        } else {
            self.check_reflection(player, text).map(Some)
        }
    }

    /// Applies an action of the programme; [`Session::apply`] sends only those here.
    pub(super) fn apply_programme(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::NextPhase { seconds } => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
                let here = self.current_phase().ok_or(ActionError::NoProgramme)?.kind;
                if self.phase_at + 1 >= self.programme().len() {
                    return Err(ActionError::ProgrammeEnd);
                }
                match (here, self.stage) {
                    (PhaseKind::Game, Stage::Play) => {
                        self.stage = Stage::Plenary;
                        self.plenary_current = 0;
                    }
                    (PhaseKind::Plenary, Stage::Plenary) => self.stage = Stage::Outcome,
                    _ => {}
                }
                let time = self.phase_times.entry(self.phase_at).or_default();
                add_seconds(&mut time.used_seconds, *seconds);
                self.phase_at += 1;
            }
            A::PreviousPhase => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
                self.current_phase().ok_or(ActionError::NoProgramme)?;
                if self.phase_at == 0 {
                    return Err(ActionError::IndexOutOfRange(0));
                }
                self.finished = false;
                self.phase_at -= 1;
                // Back in the game is back at the board.
                if self
                    .current_phase()
                    .is_some_and(|a| a.kind == PhaseKind::Game)
                {
                    self.stage = Stage::Play;
                }
            }
            A::ExtendPhase { minutes } => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
                self.current_phase().ok_or(ActionError::NoProgramme)?;
                if *minutes == 0 || *minutes > MAX_EXTEND_MINUTES {
                    return Err(ActionError::BadExtension);
                }
                let time = self.phase_times.entry(self.phase_at).or_default();
                time.extra_minutes = time
                    .extra_minutes
                    .saturating_add(*minutes)
                    .min(crate::core::deck::MAX_PHASE_MINUTES);
            }
            A::AddWarmUp { player, text } => {
                let word = self.new_warm_up(*player, text)?;
                self.next_word_id = word.id + 1;
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
                let text = self.reflection(*player, text)?;
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
            _ => unreachable!("not an action of the programme: {action:?}"),
        }
        Ok(())
    }
}
