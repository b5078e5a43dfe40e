//! The actions of the game at the board: cards, placements, post-its and cases.

use super::*;

impl Session {
    /// The post-it [`Action::AddPostIt`] sticks, if the session takes it.
    pub(super) fn new_post_it(
        &self,
        colour: PostItColour,
        text: &str,
        author: Option<PlayerId>,
        card: &CardRef,
    ) -> Result<PostIt, ActionError> {
        self.require_stage(&[Stage::Play, Stage::Plenary])?;
        let post_it = PostIt {
            id: PostItId(self.next_post_it),
            colour,
            text: text.trim().to_string(),
            author,
            card: card.clone(),
            at: None,
            answered: false,
        };
        self.check_post_it(&post_it)?;
        self.next_post_it
            .checked_add(1)
            .ok_or(ActionError::OutOfIds)?;
        Ok(post_it)
    }

    /// The post-it as [`Action::ChangePostIt`] leaves it, with its place in the list, if the session
    /// takes it.
    pub(super) fn changed_post_it(
        &self,
        id: PostItId,
        text: &str,
        colour: PostItColour,
        author: Option<PlayerId>,
    ) -> Result<(usize, PostIt), ActionError> {
        let i = self.post_it_index(id)?;
        let old = &self.post_its[i];
        let changed = PostIt {
            text: text.trim().to_string(),
            colour,
            author,
            // Only a pink post-it is a question that can be answered.
            answered: old.answered && colour == PostItColour::Pink,
            ..old.clone()
        };
        self.check_post_it(&changed)?;
        Ok((i, changed))
    }

    /// The case [`Action::AddCase`] brings in, if the session takes it.
    pub(super) fn new_case(
        &self,
        title: &str,
        description: &str,
        brought_by: Option<PlayerId>,
    ) -> Result<Case, ActionError> {
        self.require_stage(&[Stage::Play])?;
        let case = Case {
            id: self.next_case,
            title: title.trim().to_string(),
            description: description.trim().to_string(),
            brought_by,
            after: self.current_card(),
        };
        self.check_case(&case)?;
        self.next_case.checked_add(1).ok_or(ActionError::OutOfIds)?;
        Ok(case)
    }

    /// Applies an action of the game at the board; [`Session::apply`] sends only those here.
    pub(super) fn apply_play(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::GoTo { index, seconds } => {
                self.require_stage(&[Stage::Play])?;
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
                self.require_stage(&[Stage::Play])?;
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
                self.require_stage(&[Stage::Play, Stage::Plenary])?;
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
                let post_it = self.new_post_it(*colour, text, *author, card)?;
                self.next_post_it = post_it.id.0 + 1;
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
                let (i, changed) = self.changed_post_it(*id, text, *colour, *author)?;
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
                let case = self.new_case(title, description, *brought_by)?;
                let id = case.id;
                self.next_case = id + 1;
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
            A::Include { card } => {
                self.require_stage(&[Stage::Play, Stage::Plenary])?;
                if !self.play_cards().contains(card) {
                    return Err(ActionError::UnknownCard(card.clone()));
                }
                let r = self.records.entry(card.clone()).or_default();
                r.skipped = false;
                if self.stage == Stage::Plenary {
                    r.included = true;
                    if let Some(i) = self.plenary_cards().iter().position(|c| c == card) {
                        self.plenary_current = i;
                    }
                }
            }
            _ => unreachable!("not an action of the game at the board: {action:?}"),
        }
        Ok(())
    }
}
