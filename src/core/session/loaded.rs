//! The check of a session read from a file.

use super::*;

impl Session {
    /// Checks a session read from a file as strictly as a deck: everything a hand or a bug could have
    /// put there that the actions would never produce. Returns what is wrong, in words.
    pub fn check_loaded(&self) -> Result<(), String> {
        use std::collections::BTreeSet;
        if let Err(ActionError::InvalidDeck(p)) = Self::check_deck(&self.deck) {
            return Err(format!("its deck has a problem: {p}"));
        }
        Self::check_group(&self.group).map_err(|e| loaded_problem("its group name", &e))?;
        if self.started_at.chars().count() > 64 {
            return Err("its start time is not a time".into());
        }
        for (name, next) in [
            ("player", self.next_player),
            ("post-it", self.next_post_it),
            ("case", self.next_case),
        ] {
            if next == 0 || next > MAX_ID {
                return Err(format!("its next {name} number {next} is out of range"));
            }
        }
        if self.players.len() > MAX_PLAYERS {
            return Err(format!(
                "it has {} players; at most {MAX_PLAYERS}",
                self.players.len()
            ));
        }
        let mut players = BTreeSet::new();
        for p in &self.players {
            if p.id.0 == 0 || p.id.0 >= self.next_player || !players.insert(p.id) {
                return Err(format!(
                    "player number {} is out of range or used twice",
                    p.id.0
                ));
            }
            self.check_player(p)
                .map_err(|e| loaded_problem(&format!("player {}", p.id.0), &e))?;
        }
        let known = |id: &PlayerId| players.contains(id);
        // The programme: where it is, its times, and what was typed in it.
        if !self.programme().is_empty() && self.phase_at >= self.programme().len() {
            return Err(format!(
                "it is in phase {} of a programme of {}",
                self.phase_at + 1,
                self.programme().len()
            ));
        }
        if self.programme().is_empty() && self.phase_at != 0 {
            return Err("it is in a phase of a programme it does not follow".into());
        }
        for (i, t) in &self.phase_times {
            if *i >= self.programme().len().max(1)
                || t.used_seconds > MAX_CARD_SECONDS
                || t.extra_minutes > crate::core::deck::MAX_PHASE_MINUTES
            {
                return Err(format!(
                    "the time of programme phase {} is out of range",
                    i + 1
                ));
            }
        }
        if self.next_word_id == 0 || self.next_word_id > MAX_ID {
            return Err("its next warm-up number is out of range".into());
        }
        let mut words = BTreeSet::new();
        for w in &self.warm_up {
            if w.id == 0 || w.id >= self.next_word_id || !words.insert(w.id) {
                return Err(format!(
                    "warm-up entry {} is out of range or used twice",
                    w.id
                ));
            }
            self.check_warm_up(w)
                .map_err(|e| loaded_problem(&format!("warm-up entry {}", w.id), &e))?;
        }
        for (what, map) in [
            ("learning question", &self.learning_questions),
            ("closing remark", &self.takeaways),
        ] {
            for (p, text) in map {
                self.check_reflection(*p, text)
                    .map_err(|e| loaded_problem(&format!("the {what} of player {}", p.0), &e))?;
            }
        }
        let mut post_its = BTreeSet::new();
        for p in &self.post_its {
            if p.id.0 == 0 || p.id.0 >= self.next_post_it || !post_its.insert(p.id) {
                return Err(format!(
                    "post-it number {} is out of range or used twice",
                    p.id.0
                ));
            }
        }
        let mut cases = BTreeSet::new();
        for c in &self.cases {
            if c.id == 0 || c.id >= self.next_case || !cases.insert(c.id) {
                return Err(format!(
                    "case number {} is out of range or used twice",
                    c.id
                ));
            }
        }
        for c in &self.cases {
            self.check_case(c)
                .map_err(|e| loaded_problem(&format!("case {}", c.id), &e))?;
        }
        for p in &self.post_its {
            self.check_post_it(p).map_err(|e| match e {
                ActionError::IndexOutOfRange(_) => {
                    format!("post-it {} lies outside the board", p.id.0)
                }
                e => loaded_problem(&format!("post-it {}", p.id.0), &e),
            })?;
        }
        for (card, r) in &self.records {
            if !self.card_exists(card) {
                return Err(format!("it records an unknown card {card:?}"));
            }
            if r.seconds > MAX_CARD_SECONDS {
                return Err(format!("it records {} seconds on one card", r.seconds));
            }
            for (player, square) in r.first.iter().chain(&r.plenary) {
                if self.check_placement(*player, *square).is_err() {
                    return Err(format!("a placement on {card:?} is outside the game"));
                }
            }
        }
        if self
            .play_order
            .iter()
            .any(|id| self.deck.statement(id).is_none())
        {
            return Err("its order of play names a statement the deck does not have".into());
        }
        if self.current > self.play_cards().len() + self.cases.len()
            || self.plenary_current > self.play_cards().len() + self.cases.len()
        {
            return Err("its current card is out of range".into());
        }
        if self.teller.is_some_and(|t| !known(&t)) {
            return Err("the player whose turn it is does not exist".into());
        }
        if self.next_step_id == 0 || self.next_step_id > MAX_ID {
            return Err(format!(
                "its next step number {} is out of range",
                self.next_step_id
            ));
        }
        let mut steps = BTreeSet::new();
        for step in &self.next_steps {
            if step.id == 0 || step.id >= self.next_step_id || !steps.insert(step.id) {
                return Err(format!(
                    "next step number {} is out of range or used twice",
                    step.id
                ));
            }
            self.check_next_step(step)
                .map_err(|e| loaded_problem(&format!("next step {}", step.id), &e))?;
        }
        self.check_loaded_follow_up()
    }
}
