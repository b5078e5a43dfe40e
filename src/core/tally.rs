//! The tally: points per card and round, the green and red stacks, the shift of opinion, and the three
//! plenary lists (already present, still to develop, open questions).

use crate::core::deck::StackRule;
use crate::core::session::{CardRef, PlayerId, PostIt, PostItColour, Round, Session, Stack};

/// Numbers for one round of one card.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTally {
    /// Points per player; `None` when the player did not place.
    pub points: Vec<(PlayerId, Option<i32>)>,
    pub placed: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

/// Everything the tally knows about one card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardTally {
    pub card: CardRef,
    pub(crate) text: String,
    pub(crate) theme: Option<String>,
    pub first: RoundTally,
    pub plenary: RoundTally,
    /// The mean change in points of the players who placed in both rounds.
    pub shift: Option<f64>,
    /// Shift per player, in points, for players who placed in both rounds.
    pub player_shift: Vec<(PlayerId, i32)>,
    /// The stack the rule gives: from the plenary round, or the first when nobody placed in the plenary.
    pub rule_stack: Option<Stack>,
    pub stack_override: Option<Stack>,
    pub(crate) skipped: bool,
    pub(crate) seconds: u64,
}

impl CardTally {
    /// The stack the card ends on: the facilitator's override, or else the rule's.
    pub(crate) fn stack(&self) -> Option<Stack> {
        self.stack_override.or(self.rule_stack)
    }
}

/// One entry of a plenary list: a card and the post-its that belong under it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub card: CardRef,
    pub(crate) text: String,
    pub post_its: Vec<PostIt>,
}

/// The outcome of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub cards: Vec<CardTally>,
    pub green: Vec<CardRef>,
    pub red: Vec<CardRef>,
    /// Green-stack cards, with their green post-its; plus green post-its of other cards.
    pub present: Vec<ListEntry>,
    /// Red-stack cards, with their pink post-its that were answered or discussed.
    pub to_develop: Vec<ListEntry>,
    /// Pink post-its not marked answered, per card.
    pub open_questions: Vec<ListEntry>,
}

const EPSILON: f64 = 1e-9;

fn round_tally(session: &Session, card: &CardRef, round: Round) -> RoundTally {
    let record = session.record(card);
    let points: Vec<(PlayerId, Option<i32>)> = session
        .players
        .iter()
        .map(|p| {
            let pts = record
                .and_then(|r| r.round(round).get(&p.id))
                .and_then(|sq| session.deck.points(*sq));
            (p.id, pts)
        })
        .collect();
    let mut placed: Vec<i32> = points.iter().filter_map(|(_, p)| *p).collect();
    placed.sort_unstable();
    let mean = (!placed.is_empty())
        .then(|| placed.iter().map(|p| f64::from(*p)).sum::<f64>() / placed.len() as f64);
    let median = (!placed.is_empty()).then(|| {
        let n = placed.len();
        if n % 2 == 1 {
            f64::from(placed[n / 2])
        } else {
            (f64::from(placed[n / 2 - 1]) + f64::from(placed[n / 2])) / 2.0
        }
    });
    RoundTally {
        placed: placed.len(),
        points,
        mean,
        median,
    }
}

fn rule_stack(rule: StackRule, round: &RoundTally) -> Option<Stack> {
    let value = match rule {
        StackRule::MeanAtLeast(_) => round.mean?,
        StackRule::MedianAtLeast(_) => round.median?,
    };
    Some(if value + EPSILON >= rule.threshold() {
        Stack::Green
    } else {
        Stack::Red
    })
}

/// Tallies one card.
pub fn tally_card(session: &Session, card: &CardRef) -> CardTally {
    let first = round_tally(session, card, Round::First);
    let plenary = round_tally(session, card, Round::Plenary);
    let player_shift: Vec<(PlayerId, i32)> = first
        .points
        .iter()
        .zip(&plenary.points)
        .filter_map(|((id, a), (_, b))| Some((*id, (*b)?.saturating_sub((*a)?))))
        .collect();
    // The shift of opinion compares like with like: only players who placed in both rounds.
    let shift = (!player_shift.is_empty()).then(|| {
        player_shift.iter().map(|(_, d)| f64::from(*d)).sum::<f64>() / player_shift.len() as f64
    });
    let rule = session.deck.scale.green_when;
    let rule_stack = if plenary.placed > 0 {
        rule_stack(rule, &plenary)
    } else {
        rule_stack(rule, &first)
    };
    let record = session.record(card);
    let theme = match card {
        CardRef::Statement(id) => session.deck.statement(id).and_then(|s| s.theme.clone()),
        CardRef::Case(_) => None,
    };
    CardTally {
        card: card.clone(),
        text: session.card_text(card),
        theme,
        first,
        plenary,
        shift,
        player_shift,
        rule_stack,
        stack_override: record.and_then(|r| r.stack_override),
        skipped: record.is_some_and(|r| r.skipped),
        seconds: record.map_or(0, |r| r.seconds),
    }
}

/// Tallies the whole session. Cards are listed in play order (deck order before play starts), then cases.
/// Skipped cards are tallied but go on no stack unless the facilitator put them there.
pub fn tally(session: &Session) -> Tally {
    let cards: Vec<CardRef> = if session.play_order.is_empty() {
        session
            .deck
            .statements
            .iter()
            .map(|s| CardRef::Statement(s.id.clone()))
            .chain(session.cases.iter().map(|c| CardRef::Case(c.id)))
            .collect()
    } else {
        session.play_cards()
    };
    let cards: Vec<CardTally> = cards.iter().map(|c| tally_card(session, c)).collect();
    let on_stack = |t: &CardTally| {
        if t.skipped {
            t.stack_override
        } else {
            t.stack()
        }
    };
    let green: Vec<CardRef> = cards
        .iter()
        .filter(|t| on_stack(t) == Some(Stack::Green))
        .map(|t| t.card.clone())
        .collect();
    let red: Vec<CardRef> = cards
        .iter()
        .filter(|t| on_stack(t) == Some(Stack::Red))
        .map(|t| t.card.clone())
        .collect();

    let post_its_of = |card: &CardRef, pred: &dyn Fn(&PostIt) -> bool| -> Vec<PostIt> {
        session
            .post_its
            .iter()
            .filter(|p| &p.card == card && pred(p))
            .cloned()
            .collect()
    };
    let is_green = |p: &PostIt| p.colour == PostItColour::Green;
    let is_pink_answered = |p: &PostIt| p.colour == PostItColour::Pink && p.answered;
    let is_pink_open = |p: &PostIt| p.colour == PostItColour::Pink && !p.answered;

    let mut present = Vec::new();
    let mut to_develop = Vec::new();
    let mut open_questions = Vec::new();
    for t in &cards {
        let stack = on_stack(t);
        let greens = post_its_of(&t.card, &is_green);
        if stack == Some(Stack::Green) || !greens.is_empty() {
            present.push(ListEntry {
                card: t.card.clone(),
                text: t.text.clone(),
                post_its: greens,
            });
        }
        let answered = post_its_of(&t.card, &is_pink_answered);
        if stack == Some(Stack::Red) || !answered.is_empty() {
            to_develop.push(ListEntry {
                card: t.card.clone(),
                text: t.text.clone(),
                post_its: answered,
            });
        }
        let open = post_its_of(&t.card, &is_pink_open);
        if !open.is_empty() {
            open_questions.push(ListEntry {
                card: t.card.clone(),
                text: t.text.clone(),
                post_its: open,
            });
        }
    }
    Tally {
        cards,
        green,
        red,
        present,
        to_develop,
        open_questions,
    }
}
