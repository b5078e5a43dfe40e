//! "Since last time": in a follow-up session, what moved most since the session it follows, which
//! statements changed stack, the review of last time's next steps, and last time's open questions.

use crate::core::i18n::{Texts, decimal};
use crate::core::session::{CardRef, EarlierStep, Lang, Session, Stack, StepReview};
use crate::core::tally::Tally;

/// A change of at least this many points counts as a move.
pub const MOVED_AT_LEAST: f64 = 0.5;
/// The most moves a page lists.
pub const MOST_MOVES: usize = 6;

/// A statement whose mean moved since last time.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub card: CardRef,
    pub text: String,
    pub before: f64,
    pub now: f64,
}

impl Moved {
    /// "statement — 2,5 → 3,5 (+1,0)", with one decimal in the session's language.
    pub fn line(&self, lang: Lang) -> String {
        let n = |v: f64| decimal(lang, v, 1);
        let d = self.now - self.before;
        let sign = if d >= 0.0 { "+" } else { "" };
        format!(
            "{} — {} → {} ({sign}{})",
            self.text,
            n(self.before),
            n(self.now),
            n(d)
        )
    }
}

/// A statement that ended on the other stack this time.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedStack {
    pub card: CardRef,
    pub text: String,
    pub before: Stack,
    pub now: Stack,
}

impl ChangedStack {
    /// "statement — red → green", with the words for the stacks that the page or the report uses.
    pub fn line(&self, stack_word: impl Fn(Stack) -> String) -> String {
        format!(
            "{} — {} → {}",
            self.text,
            stack_word(self.before),
            stack_word(self.now)
        )
    }
}

/// Everything the "since last time" page says.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceLastTime {
    /// The group and the date (`YYYY-MM-DD`) of the session this one follows.
    pub group: String,
    pub date: String,
    /// The statements that moved [`MOVED_AT_LEAST`] or more, the largest move first.
    pub moved: Vec<Moved>,
    /// Every statement that changed stack, in the order of the tally.
    pub changed_stack: Vec<ChangedStack>,
    /// Last time's steps with the group's review.
    pub steps: Vec<(EarlierStep, Option<StepReview>)>,
    /// Last time's open questions: answered this time, and in all.
    pub questions: (usize, usize),
}

/// The "since last time" of a follow-up session; `None` for a session that follows none.
pub fn since_last_time(session: &Session, tally: &Tally) -> Option<SinceLastTime> {
    let last = session.follows.as_ref()?;
    let mut moved = Vec::new();
    let mut changed_stack = Vec::new();
    for card in &tally.cards {
        let CardRef::Statement(id) = &card.card else {
            continue;
        };
        let Some(before) = last.placements.get(id) else {
            continue;
        };
        let now = if card.plenary.placed > 0 {
            card.plenary.mean
        } else {
            card.first.mean
        };
        if let (Some(b), Some(n)) = (before.mean, now)
            && (n - b).abs() + 1e-9 >= MOVED_AT_LEAST
        {
            moved.push(Moved {
                card: card.card.clone(),
                text: card.text.clone(),
                before: b,
                now: n,
            });
        }
        if let (Some(b), Some(n)) = (before.stack, card.stack())
            && b != n
        {
            changed_stack.push(ChangedStack {
                card: card.card.clone(),
                text: card.text.clone(),
                before: b,
                now: n,
            });
        }
    }
    moved.sort_by(|a, b| {
        (b.now - b.before)
            .abs()
            .total_cmp(&(a.now - a.before).abs())
    });
    moved.truncate(MOST_MOVES);
    let steps = last
        .steps
        .iter()
        .map(|s| (s.clone(), session.reviews.get(&s.id).cloned()))
        .collect();
    let answered = last
        .questions
        .iter()
        .filter(|q| session.answered_before.contains(&q.id))
        .count();
    Some(SinceLastTime {
        group: last.group.clone(),
        date: last
            .started_at
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
        moved,
        changed_stack,
        steps,
        questions: (answered, last.questions.len()),
    })
}

/// "3 gedaan · 1 onderweg · …": how many of last time's steps the group marked with each status, in
/// the session's language, as the review screen, the outcome page and the report say it.
pub fn review_summary(session: &Session, texts: &Texts) -> String {
    let (counts, _) = session.review_counts();
    texts.format(
        session.language,
        "review-summary",
        &[
            ("done", counts[0].into()),
            ("on", counts[1].into()),
            ("not", counts[2].into()),
            ("dropped", counts[3].into()),
        ],
    )
}
