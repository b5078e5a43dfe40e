//! What a session can tell without changing: its cards, players, post-its and programme.

use super::*;

impl Session {
    pub fn new(deck: Deck, started_at: String) -> Self {
        Session {
            version: SESSION_VERSION,
            group: String::new(),
            started_at,
            language: Lang::Nl,
            deck,
            players: Vec::new(),
            order: Order::DeckOrder,
            mode: PlacementMode::Open,
            stage: Stage::Setup,
            play_order: Vec::new(),
            current: 0,
            plenary_current: 0,
            records: BTreeMap::new(),
            post_its: Vec::new(),
            cases: Vec::new(),
            teller: None,
            next_player: 1,
            next_post_it: 1,
            next_case: 1,
            next_steps: Vec::new(),
            next_step_id: 1,
            follows_programme: false,
            phase_at: 0,
            phase_times: BTreeMap::new(),
            warm_up: Vec::new(),
            next_word_id: 1,
            learning_questions: BTreeMap::new(),
            takeaways: BTreeMap::new(),
            finished: false,
            follows: None,
            reviews: BTreeMap::new(),
            review_at: 0,
            answered_before: BTreeSet::new(),
        }
    }

    /// The name of a next step's owner.
    pub fn owner_name(&self, owner: &Owner) -> String {
        match owner {
            Owner::Player(p) => self.player(*p).map(|p| p.name.clone()).unwrap_or_default(),
            Owner::Named(name) => name.clone(),
        }
    }

    pub(crate) fn player(&self, id: PlayerId) -> Option<&Player> {
        self.players.iter().find(|p| p.id == id)
    }

    pub fn post_it(&self, id: PostItId) -> Option<&PostIt> {
        self.post_its.iter().find(|p| p.id == id)
    }

    pub(crate) fn case(&self, id: u32) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    pub fn record(&self, card: &CardRef) -> Option<&CardRecord> {
        self.records.get(card)
    }

    /// The cards in play: statements in play order, each case right after the card that was on the
    /// table when it was brought in (cases of older files, or of a card not in play, at the end).
    pub fn play_cards(&self) -> Vec<CardRef> {
        let mut out = Vec::with_capacity(self.play_order.len() + self.cases.len());
        let mut placed = BTreeSet::new();
        // Each card, then the cases brought in on it (and on those, in turn), depth first.
        let place = |card: CardRef, out: &mut Vec<CardRef>, placed: &mut BTreeSet<u32>| {
            let mut stack = vec![card];
            while let Some(card) = stack.pop() {
                for c in self.cases.iter().rev() {
                    if c.after.as_ref() == Some(&card) && !placed.contains(&c.id) {
                        stack.push(CardRef::Case(c.id));
                    }
                }
                if let CardRef::Case(id) = card {
                    placed.insert(id);
                }
                out.push(card);
            }
        };
        for id in &self.play_order {
            place(CardRef::Statement(id.clone()), &mut out, &mut placed);
        }
        for c in &self.cases {
            if !placed.contains(&c.id) {
                place(CardRef::Case(c.id), &mut out, &mut placed);
            }
        }
        out
    }

    /// Whether nothing was typed or chosen that is worth keeping: still in setup, without players and
    /// without a group name. Such a session is not saved, nor listed.
    pub(crate) fn is_blank(&self) -> bool {
        self.stage == Stage::Setup && self.players.is_empty() && self.group.trim().is_empty()
    }

    /// Whether the group did something with a card during play: a pawn placed or a post-it stuck.
    pub(super) fn touched(&self, card: &CardRef) -> bool {
        self.records.get(card).is_some_and(|r| !r.first.is_empty())
            || self.post_its.iter().any(|p| &p.card == card)
    }

    /// The card on the table in the Play phase.
    pub fn current_card(&self) -> Option<CardRef> {
        self.play_cards().get(self.current).cloned()
    }

    /// The cards of the plenary: every card the group played (a pawn placed or a post-it stuck) and did
    /// not skip, and every card the facilitator added by hand.
    pub fn plenary_cards(&self) -> Vec<CardRef> {
        self.play_cards()
            .into_iter()
            .filter(|c| {
                self.records
                    .get(c)
                    .is_some_and(|r| !r.skipped && (r.included || (r.visited && self.touched(c))))
            })
            .collect()
    }

    /// The cards in play that the plenary leaves out: skipped, or never played.
    pub fn left_out_of_plenary(&self) -> Vec<CardRef> {
        let plenary = self.plenary_cards();
        self.play_cards()
            .into_iter()
            .filter(|c| !plenary.contains(c))
            .collect()
    }

    /// How many statements of the deck the group discussed (skipped or untouched ones do not count).
    pub fn statements_discussed(&self) -> usize {
        if self.stage == Stage::Setup {
            return 0;
        }
        self.play_cards()
            .iter()
            .filter(|c| matches!(c, CardRef::Statement(_)))
            .filter(|c| {
                self.records
                    .get(c)
                    .is_some_and(|r| !r.skipped && (r.included || (r.visited && self.touched(c))))
            })
            .count()
    }

    /// Whether the programme is at its last phase (or, without one, the game at its outcome): where the
    /// workshop can be finished.
    pub(crate) fn at_end(&self) -> bool {
        if self.programme().is_empty() {
            self.stage == Stage::Outcome
        } else {
            self.stage != Stage::Setup && self.phase_at + 1 == self.programme().len()
        }
    }

    /// This session with the time not yet recorded added in: `card_seconds` on the card on the table,
    /// `phase_seconds` in the programme's phase that is on. An export made before the workshop is
    /// finished shows the minutes used so far.
    pub(crate) fn with_running_time(&self, card_seconds: u64, phase_seconds: u64) -> Session {
        let mut s = self.clone();
        if s.finished {
            return s;
        }
        if let Some((card, _)) = s.active_card().filter(|(_, r)| *r == Round::First) {
            add_seconds(
                &mut s.records.entry(card).or_default().seconds,
                card_seconds,
            );
        }
        if s.stage != Stage::Setup && !s.programme().is_empty() {
            add_seconds(
                &mut s.phase_times.entry(s.phase_at).or_default().used_seconds,
                phase_seconds,
            );
        }
        s
    }

    pub(super) fn visit(&mut self, index: usize) {
        if let Some(card) = self.play_cards().get(index) {
            let record = self.records.entry(card.clone()).or_default();
            record.visited = true;
        }
    }

    pub fn plenary_card(&self) -> Option<CardRef> {
        self.plenary_cards().get(self.plenary_current).cloned()
    }

    /// The card the facilitator is working on now, in Play or Plenary.
    pub fn active_card(&self) -> Option<(CardRef, Round)> {
        match self.stage {
            Stage::Play => self.current_card().map(|c| (c, Round::First)),
            Stage::Plenary => self.plenary_card().map(|c| (c, Round::Plenary)),
            _ => None,
        }
    }

    /// The text of a card: a statement's text or a case's title.
    pub(crate) fn card_text(&self, card: &CardRef) -> String {
        match card {
            CardRef::Statement(id) => self
                .deck
                .statement(id)
                .map_or_else(|| id.clone(), |s| s.text.clone()),
            CardRef::Case(id) => self.case(*id).map_or_else(String::new, |c| c.title.clone()),
        }
    }

    /// The programme the game follows: the deck's, unless only the game was chosen.
    pub(crate) fn programme(&self) -> &[Phase] {
        if self.follows_programme {
            &self.deck.programme
        } else {
            &[]
        }
    }

    /// The phase of the programme that is on, if the game follows a programme.
    pub fn current_phase(&self) -> Option<&Phase> {
        self.programme().get(self.phase_at)
    }

    /// Where the first phase of `kind` stands in the programme.
    pub fn phase_of_kind(&self, kind: PhaseKind) -> Option<usize> {
        self.programme().iter().position(|a| a.kind == kind)
    }

    /// The minutes planned for phase `index`, with the minutes added.
    pub fn planned_minutes(&self, index: usize) -> u32 {
        let base = self.programme().get(index).map_or(0, |a| a.minutes);
        base.saturating_add(self.phase_times.get(&index).map_or(0, |t| t.extra_minutes))
    }

    /// Whether the programme's phase that is on shows a screen of its own (not the board or the outcome).
    pub(crate) fn on_programme_screen(&self) -> bool {
        self.stage != Stage::Setup
            && self
                .current_phase()
                .is_some_and(|a| !matches!(a.kind, PhaseKind::Game | PhaseKind::Plenary))
    }
}
