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
            A::AgendaNext { seconds } => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
                let here = self.agenda_item().ok_or(ActionError::NoAgenda)?.kind;
                if self.agenda_at + 1 >= self.agenda().len() {
                    return Err(ActionError::AgendaEnd);
                }
                match (here, self.phase) {
                    (AgendaKind::Game, Stage::Play) => {
                        self.phase = Stage::Plenary;
                        self.plenary_current = 0;
                    }
                    (AgendaKind::Plenary, Stage::Plenary) => self.phase = Stage::Outcome,
                    _ => {}
                }
                let time = self.agenda_times.entry(self.agenda_at).or_default();
                add_seconds(&mut time.used_seconds, *seconds);
                self.agenda_at += 1;
            }
            A::AgendaBack => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
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
                    self.phase = Stage::Play;
                }
            }
            A::AgendaExtend { minutes } => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
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
