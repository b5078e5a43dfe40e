//! One overview across many workshops, for the organiser who compares groups: sessions that used the
//! same deck (or overlapping statements, matched by id) combined per statement and per group, as a
//! heatmap of statements × group sessions, with each group's trend over its sessions, a minimum group
//! size below which a group's numbers are never shown, and the open questions that come back.

use crate::core::session::{CardRef, Game, PostItColour, Stack};
use crate::core::tally::tally;
use std::collections::{BTreeMap, BTreeSet};

mod files;
mod heat;
mod load;
mod questions;

pub use files::{overview_csv, overview_files, overview_html, overview_long_csv, questions_csv};
pub(crate) use heat::{cell_title, change_text, stack_sign};
pub use heat::{heat_colour, heatmap_png, heatmap_svg};
pub use load::{MergeProblem, load_for_merge, load_for_merge_with};
pub use questions::RecurringQuestion;

/// One group's session, as it goes into the overview.
pub struct MergeInput {
    /// How the group is named in the overview: its group name, or else its file name.
    pub name: String,
    pub game: Game,
}

/// How the overview is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeOptions {
    /// A group with fewer players is shown without any of its numbers and counts in no total.
    pub min_players: usize,
    pub order: RowOrder,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions {
            min_players: DEFAULT_MIN_PLAYERS,
            order: RowOrder::Deck,
        }
    }
}

/// The smallest group whose numbers are shown, unless the organiser says otherwise.
pub const DEFAULT_MIN_PLAYERS: usize = 3;

/// The order of the statements in the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowOrder {
    /// As in the deck.
    #[default]
    Deck,
    /// The statements most groups put on the red stack first.
    Red,
    /// The statements the groups disagree on most first (the spread of the groups' means).
    Disagreement,
}

/// One session of one group: a column of the heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupColumn {
    pub name: String,
    pub started_at: String,
    pub players: usize,
    /// Fewer players than the minimum: the column says so and shows no numbers, and nothing of it
    /// counts in a total, a list of post-its or a trend.
    pub too_small: bool,
    /// The group this session belongs to (an index into [`Overview::chains`]).
    pub chain: usize,
    /// Which of the group's sessions this is, from 1.
    pub nth: usize,
    /// The column of the group's session before this one, if it is shown with numbers.
    pub previous: Option<usize>,
    /// In a follow-up session shown with numbers: how many of the steps agreed last time the group
    /// marked done, and how many there were.
    pub steps_done: Option<(usize, usize)>,
}

/// A group that appears in the overview, with its sessions in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub name: String,
    /// Its columns, oldest first.
    pub columns: Vec<usize>,
    /// Per column: the mean of its statement means, on the deck's scale (none for a small group).
    pub means: Vec<Option<f64>>,
}

/// One group's numbers for one statement: a cell of the heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The mean of the plenary placements (the first round's when the plenary is missing), in points.
    pub mean: f64,
    /// Their standard deviation.
    pub spread: f64,
    pub placed: usize,
    pub stack: Option<Stack>,
    /// Whether the plenary round was played (else the first round's placements were used).
    pub plenary: bool,
    /// This mean minus the mean of the group's previous session, if both have numbers.
    pub change: Option<f64>,
    /// The lowest and highest points of the deck's scale, for the colour.
    pub scale: (i32, i32),
}

/// The combined numbers for one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementOverview {
    pub id: String,
    pub(crate) text: String,
    /// Groups that had the statement on the table (not skipped, at least one placement).
    pub groups: usize,
    pub green: usize,
    pub red: usize,
    /// Mean and standard deviation of every plenary placement, in points.
    pub mean: Option<f64>,
    pub spread: Option<f64>,
    /// Mean over the groups of (plenary mean − first mean).
    pub(crate) mean_shift: Option<f64>,
    /// Groups whose plenary round is missing for this statement (their first round was used).
    pub without_plenary: usize,
    /// Green post-its of every group, with the group's name.
    pub(crate) green_post_its: Vec<(String, String)>,
    /// Per column of [`Overview::columns`]: the group's numbers, or none (too small a group, or the
    /// statement was skipped or not placed).
    pub cells: Vec<Option<Cell>>,
    /// The share of the groups with numbers that put it on the red stack.
    pub red_share: Option<f64>,
    /// The standard deviation of the groups' means: how much the groups disagree.
    pub disagreement: Option<f64>,
}

/// A statement left out of the overview, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub id: String,
    pub(crate) text: String,
    pub reason: String,
}

/// The overview of many sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// The name of every column, in column order.
    pub groups: Vec<String>,
    pub columns: Vec<GroupColumn>,
    pub chains: Vec<Chain>,
    pub statements: Vec<StatementOverview>,
    pub left_out: Vec<LeftOut>,
    /// Every pink post-it not marked answered, of the groups shown with numbers: group, statement,
    /// text.
    pub open_questions: Vec<(String, String, String)>,
    /// Words that come back in the open questions of more than one group, the most groups first.
    pub recurring: Vec<RecurringQuestion>,
    pub min_players: usize,
    pub order: RowOrder,
}

impl Overview {
    /// The groups (not sessions) shown with numbers.
    pub fn counted_groups(&self) -> usize {
        self.chains
            .iter()
            .filter(|c| c.columns.iter().any(|i| !self.columns[*i].too_small))
            .count()
    }
}

/// Combines sessions on the statements every one of them has (matched by id), in deck order, with
/// the default minimum group size.
pub fn merge(inputs: &[MergeInput]) -> Overview {
    merge_with(inputs, MergeOptions::default())
}

/// Which sessions are one group over time: the same group name (regardless of case and accents) with
/// the same deck, or a follow-up and the session it names ([`chains_of`]). A session without a group
/// name is a group of its own.
fn chain_key(input: &MergeInput, index: usize) -> (String, String) {
    let s = input.game.session();
    let group = crate::core::programme::word_key(s.group.trim());
    if group.is_empty() {
        (format!("\u{0}{index}"), String::new())
    } else {
        (group, s.deck.title.clone())
    }
}

/// The sessions of each group over time, as indices into `inputs`, each group in the order its first
/// session comes: sessions with the same [`chain_key`], and a follow-up with the session it follows
/// (found by its group and start, so a group renamed on its return day stays one line).
fn chains_of(inputs: &[MergeInput]) -> Vec<Vec<usize>> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..inputs.len()).collect();
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        // The earlier input stays the root, so a group keeps the place of its first session.
        let (low, high) = (ra.min(rb), ra.max(rb));
        parent[high] = low;
    };
    let mut first_of: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut by_start: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, input) in inputs.iter().enumerate() {
        let first = *first_of.entry(chain_key(input, i)).or_insert(i);
        join(&mut parent, i, first);
        let s = input.game.session();
        by_start.entry((&s.group, &s.started_at)).or_insert(i);
    }
    for (i, input) in inputs.iter().enumerate() {
        if let Some(last) = &input.game.session().follows
            && let Some(&j) = by_start.get(&(last.group.as_str(), last.started_at.as_str()))
        {
            join(&mut parent, i, j);
        }
    }
    let mut chain_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut chains: Vec<Vec<usize>> = Vec::new();
    for i in 0..inputs.len() {
        let r = root(&mut parent, i);
        let next = chains.len();
        let c = *chain_of.entry(r).or_insert(next);
        if c == next {
            chains.push(Vec::new());
        }
        chains[c].push(i);
    }
    chains
}

/// [`merge`] with the minimum group size and the order of the statements given.
pub fn merge_with(inputs: &[MergeInput], options: MergeOptions) -> Overview {
    // The columns: each group's sessions together, in time order, groups in the order they come.
    let mut chain_inputs = chains_of(inputs);
    // Groups by name, as people count: "Groep 2" before "Groep 10".
    chain_inputs.sort_by_cached_key(|members| (natural_key(&inputs[members[0]].name), members[0]));
    let mut columns = Vec::with_capacity(inputs.len());
    let mut order = Vec::with_capacity(inputs.len());
    let mut chains = Vec::with_capacity(chain_inputs.len());
    for (c, members) in chain_inputs.iter_mut().enumerate() {
        members.sort_by(|a, b| {
            let (sa, sb) = (inputs[*a].game.session(), inputs[*b].game.session());
            sa.started_at.cmp(&sb.started_at).then(a.cmp(b))
        });
        let mut chain = Chain {
            name: inputs[members[0]].name.clone(),
            columns: Vec::new(),
            means: Vec::new(),
        };
        let mut previous = None;
        for (nth, i) in members.iter().enumerate() {
            let s = inputs[*i].game.session();
            let too_small = s.players.len() < options.min_players;
            let col = columns.len();
            columns.push(GroupColumn {
                name: inputs[*i].name.clone(),
                started_at: s.started_at.clone(),
                players: s.players.len(),
                too_small,
                chain: c,
                nth: nth + 1,
                previous: if too_small { None } else { previous },
                steps_done: s.follows.as_ref().filter(|_| !too_small).map(|l| {
                    let (counts, _) = s.review_counts();
                    (counts[0], l.steps.len())
                }),
            });
            if !too_small {
                previous = Some(col);
            }
            chain.columns.push(col);
            order.push(*i);
        }
        chains.push(chain);
    }
    let groups: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();

    // The statements every session has, in the deck order of the first session that has them.
    let mut statement_order: Vec<(String, String)> = Vec::new();
    let mut known: BTreeSet<String> = BTreeSet::new();
    let mut present: BTreeMap<String, usize> = BTreeMap::new();
    for input in inputs {
        let s = input.game.session();
        let mut seen = BTreeSet::new();
        for st in &s.deck.statements {
            if seen.insert(st.id.clone()) {
                *present.entry(st.id.clone()).or_default() += 1;
                if known.insert(st.id.clone()) {
                    statement_order.push((st.id.clone(), st.text.clone()));
                }
            }
        }
    }
    let n = inputs.len();
    let mut left_out = Vec::new();
    let mut shared = Vec::new();
    for (id, text) in statement_order {
        let count = present.get(&id).copied().unwrap_or(0);
        if count == n {
            shared.push((id, text));
        } else {
            let missing: Vec<&str> = inputs
                .iter()
                .filter(|i| i.game.session().deck.statement(&id).is_none())
                .map(|i| i.name.as_str())
                .collect();
            left_out.push(LeftOut {
                id,
                text,
                reason: format!(
                    "in {count} of {n} sessions; missing in: {}",
                    missing.join(", ")
                ),
            });
        }
    }

    // A group too small to show is not even tallied: none of its numbers exist past this point.
    let tallies: Vec<_> = columns
        .iter()
        .zip(&order)
        .map(|(col, i)| (!col.too_small).then(|| tally(inputs[*i].game.session())))
        .collect();
    let mut statements = Vec::with_capacity(shared.len());
    for (id, text) in shared {
        statements.push(statement_overview(
            id, text, inputs, &order, &columns, &tallies,
        ));
    }
    for chain in &mut chains {
        chain.means = chain
            .columns
            .iter()
            .map(|col| {
                let means: Vec<f64> = statements
                    .iter()
                    .filter_map(|st| st.cells[*col].as_ref().map(|c| c.mean))
                    .collect();
                mean(&means)
            })
            .collect();
    }

    let mut open_questions = Vec::new();
    for (col, i) in columns.iter().zip(&order) {
        if col.too_small {
            continue;
        }
        let s = inputs[*i].game.session();
        for p in s
            .post_its
            .iter()
            .filter(|p| p.colour == PostItColour::Pink && !p.answered)
        {
            open_questions.push((col.name.clone(), s.card_text(&p.card), p.text.clone()));
        }
    }
    let recurring = questions::recurring(&columns, &chains, &order, inputs);
    match options.order {
        RowOrder::Deck => {}
        RowOrder::Red => statements.sort_by(|a, b| descending(a.red_share, b.red_share)),
        RowOrder::Disagreement => {
            statements.sort_by(|a, b| descending(a.disagreement, b.disagreement));
        }
    }
    Overview {
        groups,
        columns,
        chains,
        statements,
        left_out,
        open_questions,
        recurring,
        min_players: options.min_players,
        order: options.order,
    }
}

/// A name to sort by as people count: lower case, accents off, and every number padded, so that
/// "Groep 2" comes before "Groep 10".
fn natural_key(name: &str) -> String {
    let mut key = String::new();
    let mut digits = String::new();
    let flush = |key: &mut String, digits: &mut String| {
        if !digits.is_empty() {
            key.push_str(&format!("{digits:0>20}"));
            digits.clear();
        }
    };
    for c in crate::core::programme::word_key(name).chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut key, &mut digits);
            key.push(c);
        }
    }
    flush(&mut key, &mut digits);
    key
}

/// The larger first, none last; a stable sort keeps the deck order among equals.
fn descending(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn spread(values: &[f64]) -> Option<f64> {
    let m = mean(values)?;
    Some((values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / values.len() as f64).sqrt())
}

/// One statement over every column: the cells, and the totals over the groups shown with numbers.
fn statement_overview(
    id: String,
    text: String,
    inputs: &[MergeInput],
    order: &[usize],
    columns: &[GroupColumn],
    tallies: &[Option<crate::core::tally::Tally>],
) -> StatementOverview {
    let card = CardRef::Statement(id.clone());
    let mut o = StatementOverview {
        id,
        text,
        groups: 0,
        green: 0,
        red: 0,
        mean: None,
        spread: None,
        mean_shift: None,
        without_plenary: 0,
        green_post_its: Vec::new(),
        cells: Vec::with_capacity(columns.len()),
        red_share: None,
        disagreement: None,
    };
    let mut points: Vec<f64> = Vec::new();
    let mut shifts: Vec<f64> = Vec::new();
    for ((col, i), t) in columns.iter().zip(order).zip(tallies) {
        let Some(t) = t else {
            o.cells.push(None);
            continue;
        };
        let session = inputs[*i].game.session();
        let Some(c) = t.cards.iter().find(|c| c.card == card) else {
            o.cells.push(None);
            continue;
        };
        if c.skipped || (c.first.placed == 0 && c.plenary.placed == 0) {
            o.cells.push(None);
            continue;
        }
        o.groups += 1;
        let stack = if t.green.contains(&card) {
            Some(Stack::Green)
        } else if t.red.contains(&card) {
            Some(Stack::Red)
        } else {
            None
        };
        match stack {
            Some(Stack::Green) => o.green += 1,
            Some(Stack::Red) => o.red += 1,
            None => {}
        }
        let plenary = c.plenary.placed > 0;
        if !plenary {
            o.without_plenary += 1;
        }
        let round = if plenary { &c.plenary } else { &c.first };
        let own: Vec<f64> = round
            .points
            .iter()
            .filter_map(|(_, p)| p.map(f64::from))
            .collect();
        points.extend(
            c.plenary
                .points
                .iter()
                .filter_map(|(_, p)| p.map(f64::from)),
        );
        if let Some(s) = c.shift {
            shifts.push(s);
        }
        for p in session
            .post_its
            .iter()
            .filter(|p| p.card == card && p.colour == PostItColour::Green)
        {
            o.green_post_its.push((col.name.clone(), p.text.clone()));
        }
        let squares = &session.deck.scale.squares;
        let scale = (
            squares.iter().map(|s| s.points).min().unwrap_or(0),
            squares.iter().map(|s| s.points).max().unwrap_or(0),
        );
        o.cells.push(mean(&own).map(|m| Cell {
            mean: m,
            spread: spread(&own).unwrap_or(0.0),
            placed: own.len(),
            stack,
            plenary,
            change: None,
            scale,
        }));
    }
    // The change since each group's session before.
    for (col, column) in columns.iter().enumerate() {
        let before = column
            .previous
            .and_then(|p| o.cells[p].as_ref().map(|c| c.mean));
        if let (Some(before), Some(cell)) = (before, o.cells[col].as_mut()) {
            cell.change = Some(cell.mean - before);
        }
    }
    o.mean = mean(&points);
    o.spread = spread(&points);
    o.mean_shift = mean(&shifts);
    let with_numbers: Vec<f64> = o.cells.iter().flatten().map(|c| c.mean).collect();
    if !with_numbers.is_empty() {
        o.red_share = Some(o.red as f64 / o.groups.max(1) as f64);
    }
    if with_numbers.len() >= 2 {
        o.disagreement = spread(&with_numbers);
    }
    o
}
