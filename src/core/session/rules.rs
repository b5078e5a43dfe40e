//! The rules of what a session holds, one validator per entity, used by the actions and by the
//! check of a loaded file alike.

use super::*;

/// A due date or moment: trimmed, at most [`MAX_DUE_CHARS`], may be empty.
pub(super) fn check_due(due: &str) -> Result<String, ActionError> {
    let due = due.trim();
    let len = due.chars().count();
    if len > MAX_DUE_CHARS {
        return Err(ActionError::TextTooLong {
            len,
            max: MAX_DUE_CHARS,
        });
    }
    Ok(due.to_string())
}

pub(super) fn check_text(text: &str, max: usize) -> Result<String, ActionError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ActionError::EmptyText);
    }
    let len = t.chars().count();
    if len > max {
        return Err(ActionError::TextTooLong { len, max });
    }
    Ok(t.to_string())
}

/// Adds `seconds` to a recorded time, which stops at [`MAX_CARD_SECONDS`]: a session left open for
/// weeks still writes a file the game reads.
pub(super) fn add_seconds(total: &mut u64, seconds: u64) {
    *total = total.saturating_add(seconds).min(MAX_CARD_SECONDS);
}

/// A problem that [`Session::check_loaded`] found with one entity of a file, in words.
pub(super) fn loaded_problem(what: &str, e: &ActionError) -> String {
    match e {
        ActionError::UnknownPlayer(p) => format!("{what} names an unknown player {}", p.0),
        other => format!("{what}: {other}"),
    }
}

/// The rules of what a session holds, one function per entity. [`Session::apply`] checks what an
/// action would make with them, and [`Session::check_loaded`] what a file holds, so a rule is written
/// once and a file can hold nothing an action would refuse.
impl Session {
    /// A group's name: at most [`MAX_GROUP_CHARS`], may be empty. Returns it trimmed.
    pub(super) fn check_group(name: &str) -> Result<String, ActionError> {
        let name = name.trim();
        let len = name.chars().count();
        if len > MAX_GROUP_CHARS {
            return Err(ActionError::TextTooLong {
                len,
                max: MAX_GROUP_CHARS,
            });
        }
        Ok(name.to_string())
    }

    /// A deck the session can be played with.
    pub(super) fn check_deck(deck: &Deck) -> Result<(), ActionError> {
        match crate::core::deck::validate_deck(deck, "").first() {
            Some(p) => Err(ActionError::InvalidDeck(p.message.clone())),
            None => Ok(()),
        }
    }

    /// A player: a name that is not empty, not too long and not another player's, and a colour of
    /// the palette.
    pub(super) fn check_player(&self, player: &Player) -> Result<(), ActionError> {
        self.check_name(&player.name, Some(player.id))?;
        if player.colour >= PALETTE_SIZE {
            return Err(ActionError::UnknownColour(player.colour));
        }
        Ok(())
    }

    /// A post-it: a text, an author who plays, a card that is there, and a place on the board.
    pub(super) fn check_post_it(&self, p: &PostIt) -> Result<(), ActionError> {
        check_text(&p.text, MAX_POST_IT_CHARS)?;
        if let Some(a) = p.author {
            self.require_player(a)?;
        }
        if !self.card_exists(&p.card) {
            return Err(ActionError::UnknownCard(p.card.clone()));
        }
        if let Some((x, y)) = p.at
            && !(x.is_finite()
                && y.is_finite()
                && x.abs() <= MAX_BOARD_OFFSET
                && y.abs() <= MAX_BOARD_OFFSET)
        {
            return Err(ActionError::IndexOutOfRange(0));
        }
        Ok(())
    }

    /// A case: a title, a description that may be empty, who brought it in, and the card it came
    /// after (a statement of the deck, or an earlier case, so the order of play has no loop).
    pub(super) fn check_case(&self, c: &Case) -> Result<(), ActionError> {
        check_text(&c.title, MAX_CASE_TITLE_CHARS)?;
        let len = c.description.trim().chars().count();
        if len > MAX_CASE_DESCRIPTION_CHARS {
            return Err(ActionError::TextTooLong {
                len,
                max: MAX_CASE_DESCRIPTION_CHARS,
            });
        }
        if let Some(p) = c.brought_by {
            self.require_player(p)?;
        }
        let after_sound = match &c.after {
            None => true,
            Some(card @ CardRef::Statement(_)) => self.card_exists(card),
            Some(CardRef::Case(before)) => *before < c.id && self.case(*before).is_some(),
        };
        if !after_sound {
            return Err(ActionError::UnknownCard(
                c.after.clone().unwrap_or(CardRef::Case(c.id)),
            ));
        }
        Ok(())
    }

    /// A next step: a text, someone to take it on, a due moment that may be empty, and what it
    /// answers (a post-it or a card that is there).
    pub(super) fn check_next_step(&self, step: &NextStep) -> Result<(), ActionError> {
        check_text(&step.text, MAX_NEXT_STEP_CHARS)?;
        self.check_owner(&step.owner)?;
        check_due(&step.due)?;
        match &step.from {
            Some(StepSource::Question(id)) => {
                self.post_it(*id).ok_or(ActionError::UnknownPostIt(*id))?;
            }
            Some(StepSource::Card(card)) if !self.card_exists(card) => {
                return Err(ActionError::UnknownCard(card.clone()));
            }
            _ => {}
        }
        Ok(())
    }

    /// A warm-up entry: a few words, by a player of the game or by the group.
    pub(super) fn check_warm_up(&self, word: &WarmUpWord) -> Result<(), ActionError> {
        if let Some(p) = word.player {
            self.require_player(p)?;
        }
        check_text(&word.text, MAX_WARM_UP_CHARS).map(|_| ())
    }

    /// A learning question or a closing remark: by a player of the game, not empty, not too long.
    pub(super) fn check_reflection(
        &self,
        player: PlayerId,
        text: &str,
    ) -> Result<String, ActionError> {
        self.require_player(player)?;
        check_text(text, MAX_REFLECTION_CHARS)
    }

    /// A pawn: a player of the game, on a square of the scale.
    pub(super) fn check_placement(
        &self,
        player: PlayerId,
        square: usize,
    ) -> Result<(), ActionError> {
        self.require_player(player)?;
        let squares = self.deck.scale.squares.len();
        if square >= squares {
            return Err(ActionError::SquareOutsideScale { square, squares });
        }
        Ok(())
    }
}

impl Session {
    /// An owner as it will be kept: a known player, or a trimmed name of someone else.
    pub(super) fn check_owner(&self, owner: &Owner) -> Result<Owner, ActionError> {
        match owner {
            Owner::Player(p) => {
                self.require_player(*p)?;
                Ok(Owner::Player(*p))
            }
            Owner::Named(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(ActionError::NoOwner);
                }
                let len = name.chars().count();
                if len > MAX_NAME_CHARS {
                    return Err(ActionError::TextTooLong {
                        len,
                        max: MAX_NAME_CHARS,
                    });
                }
                Ok(Owner::Named(name.to_string()))
            }
        }
    }

    pub(super) fn card_exists(&self, card: &CardRef) -> bool {
        match card {
            CardRef::Statement(id) => self.deck.statement(id).is_some(),
            CardRef::Case(id) => self.case(*id).is_some(),
        }
    }

    pub(super) fn require_stage(&self, allowed: &[Stage]) -> Result<(), ActionError> {
        if allowed.contains(&self.stage) {
            Ok(())
        } else {
            Err(ActionError::WrongStage(self.stage))
        }
    }

    pub(super) fn require_player(&self, id: PlayerId) -> Result<(), ActionError> {
        self.player(id)
            .map(|_| ())
            .ok_or(ActionError::UnknownPlayer(id))
    }

    pub(super) fn player_index(&self, id: PlayerId) -> Result<usize, ActionError> {
        self.players
            .iter()
            .position(|p| p.id == id)
            .ok_or(ActionError::UnknownPlayer(id))
    }

    pub(super) fn post_it_index(&self, id: PostItId) -> Result<usize, ActionError> {
        self.post_its
            .iter()
            .position(|p| p.id == id)
            .ok_or(ActionError::UnknownPostIt(id))
    }

    pub(super) fn check_name(
        &self,
        name: &str,
        except: Option<PlayerId>,
    ) -> Result<String, ActionError> {
        let name = check_text(name, MAX_NAME_CHARS)?;
        if self
            .players
            .iter()
            .any(|p| Some(p.id) != except && p.name.to_lowercase() == name.to_lowercase())
        {
            return Err(ActionError::DuplicateName(name));
        }
        Ok(name)
    }
}
