//! The actions of the setup: the group, the deck, the players, the order and the start of play.

use super::*;

/// Shuffles with a seed, the same on every machine and every version: `SplitMix64` and Fisher-Yates,
/// written out here so that a saved session replays to the same order after a dependency upgrade.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

impl Session {
    /// The player [`Action::AddPlayer`] adds, if the session takes it.
    pub(super) fn new_player(&self, name: &str, colour: Option<u8>) -> Result<Player, ActionError> {
        self.require_stage(&[Stage::Setup])?;
        if self.players.len() >= MAX_PLAYERS {
            return Err(ActionError::TooManyPlayers);
        }
        let colour = colour.unwrap_or_else(|| {
            (0..PALETTE_SIZE)
                .find(|c| !self.players.iter().any(|p| p.colour == *c))
                .unwrap_or(0)
        });
        let player = Player {
            id: PlayerId(self.next_player),
            name: name.trim().to_string(),
            colour,
        };
        self.check_player(&player)?;
        self.next_player
            .checked_add(1)
            .ok_or(ActionError::OutOfIds)?;
        Ok(player)
    }

    /// Applies an action of the setup; [`Session::apply`] sends only those here.
    pub(super) fn apply_setup(&mut self, action: &Action) -> Result<(), ActionError> {
        use Action as A;
        match action {
            A::SetGroup(name) => self.group = Self::check_group(name)?,
            A::SetLanguage(lang) => self.language = *lang,
            A::SetDeck(deck) => {
                self.require_stage(&[Stage::Setup])?;
                Self::check_deck(deck)?;
                self.deck = deck.clone();
                self.records.clear();
                self.post_its.clear();
                self.cases.clear();
                self.keep_review_phase();
            }
            A::AddPlayer { name, colour } => {
                let player = self.new_player(name, *colour)?;
                self.next_player = player.id.0 + 1;
                self.players.push(player);
            }
            A::RenamePlayer { player, name } => {
                let i = self.player_index(*player)?;
                let renamed = Player {
                    name: name.trim().to_string(),
                    ..self.players[i].clone()
                };
                self.check_player(&renamed)?;
                self.players[i] = renamed;
            }
            A::RecolourPlayer { player, colour } => {
                let i = self.player_index(*player)?;
                let recoloured = Player {
                    colour: *colour,
                    ..self.players[i].clone()
                };
                self.check_player(&recoloured)?;
                self.players[i] = recoloured;
            }
            A::RemovePlayer { player } => {
                self.require_stage(&[Stage::Setup])?;
                self.require_player(*player)?;
                self.players.retain(|p| p.id != *player);
                if self.teller == Some(*player) {
                    self.teller = None;
                }
            }
            A::SetOrder(order) => {
                self.require_stage(&[Stage::Setup])?;
                self.order = *order;
            }
            A::SetMode(mode) => self.mode = *mode,
            A::StartPlay => {
                self.require_stage(&[Stage::Setup])?;
                if self.players.is_empty() {
                    return Err(ActionError::NoPlayers);
                }
                let mut ids: Vec<String> =
                    self.deck.statements.iter().map(|s| s.id.clone()).collect();
                if let Order::Shuffled { seed } = self.order {
                    shuffle(&mut ids, seed);
                }
                self.play_order = ids;
                self.current = 0;
                self.visit(0);
                self.teller = self.players.first().map(|p| p.id);
                self.stage = Stage::Play;
                self.phase_at = 0;
            }
            A::FollowProgramme(on) => {
                self.require_stage(&[Stage::Setup])?;
                self.follows_programme = *on;
            }
            _ => unreachable!("not an action of the setup: {action:?}"),
        }
        Ok(())
    }
}
