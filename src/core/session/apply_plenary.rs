//! The actions of the plenary and the outcome: the stacks, the next steps, going back and finishing.

use super::*;

impl Session {
    /// The next step [`Action::AddNextStep`] adds, if the session takes it.
    pub(super) fn new_next_step(
        &self,
        text: &str,
        owner: &Owner,
        due: &str,
        from: Option<&StepSource>,
    ) -> Result<NextStep, ActionError> {
        self.require_stage(&[Stage::Plenary, Stage::Outcome])?;
        let mut step = NextStep {
            id: self.next_step_id,
            text: text.trim().to_string(),
            owner: owner.clone(),
            due: due.trim().to_string(),
            from: from.cloned(),
        };
        self.check_next_step(&step)?;
        step.owner = self.check_owner(owner)?;
        if step.id >= MAX_ID {
            return Err(ActionError::OutOfIds);
        }
        Ok(step)
    }

    /// Applies an action of the plenary and the outcome; [`Session::apply`] sends only those here.
    pub(super) fn apply_plenary(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::StartPlenary => {
                self.require_stage(&[Stage::Play])?;
                self.stage = Stage::Plenary;
                self.plenary_current = 0;
                // With a programme, the plenary is its Plenary phase.
                if let Some(plenary) = self.phase_of_kind(PhaseKind::Plenary) {
                    self.phase_at = plenary;
                }
            }
            A::PlenaryGoTo { index } => {
                self.require_stage(&[Stage::Plenary])?;
                if *index >= self.plenary_cards().len() {
                    return Err(ActionError::IndexOutOfRange(*index));
                }
                self.plenary_current = *index;
            }
            A::OverrideStack { card, stack } => {
                self.require_stage(&[Stage::Plenary, Stage::Outcome])?;
                if !self.card_exists(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                self.records.entry(card.clone()).or_default().stack_override = *stack;
            }
            A::ShowOutcome => {
                self.require_stage(&[Stage::Plenary])?;
                self.stage = Stage::Outcome;
            }
            A::AddNextStep {
                text,
                owner,
                due,
                from,
            } => {
                let step = self.new_next_step(text, owner, due, from.as_ref())?;
                self.next_step_id = step.id + 1;
                self.next_steps.push(step);
            }
            A::EditNextStep {
                id,
                text,
                owner,
                due,
            } => {
                self.require_stage(&[Stage::Plenary, Stage::Outcome])?;
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
                self.require_stage(&[Stage::Plenary, Stage::Outcome])?;
                let before = self.next_steps.len();
                self.next_steps.retain(|s| s.id != *id);
                if self.next_steps.len() == before {
                    return Err(ActionError::UnknownNextStep(*id));
                }
            }
            A::Return { seconds } => {
                self.require_stage(&[Stage::Play, Stage::Plenary, Stage::Outcome])?;
                let plenary_on = self
                    .current_phase()
                    .is_none_or(|a| a.kind == PhaseKind::Plenary);
                if self.stage == Stage::Outcome && plenary_on {
                    // The outcome is part of the plenary's phase: its clock goes on.
                    self.stage = Stage::Plenary;
                } else if self.programme().is_empty() {
                    return self.apply(&A::Back);
                } else {
                    if self.phase_at == 0 {
                        return Err(ActionError::IndexOutOfRange(0));
                    }
                    let time = self.phase_times.entry(self.phase_at).or_default();
                    add_seconds(&mut time.used_seconds, *seconds);
                    self.apply(&A::PreviousPhase)?;
                }
                self.finished = false;
            }
            A::Finish { seconds } => {
                if self.stage == Stage::Setup || !self.at_end() || self.finished {
                    return Err(ActionError::NotAtEnd);
                }
                if !self.programme().is_empty() {
                    let time = self.phase_times.entry(self.phase_at).or_default();
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
                self.stage = match self.stage {
                    Stage::Outcome => Stage::Plenary,
                    Stage::Plenary => Stage::Play,
                    other => return Err(ActionError::WrongStage(other)),
                };
                // Only once it is accepted: a refused action changes nothing.
                self.finished = false;
                // Back from the plenary is back in the game, in the programme too.
                if self.stage == Stage::Play
                    && let Some(game) = self.phase_of_kind(PhaseKind::Game)
                {
                    self.phase_at = game;
                }
            }
            _ => unreachable!("not an action of the plenary and the outcome: {action:?}"),
        }
        Ok(())
    }
}
