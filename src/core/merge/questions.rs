//! The open questions that come back: pink post-its across groups, grouped by the words they share,
//! so "this came up in 5 of 12 groups" is the first thing an organiser reads.

use super::{Chain, GroupColumn, MergeInput};
use crate::core::session::PostItColour;
use std::collections::{BTreeMap, BTreeSet};

/// Words of a question that say little about what it is about, beyond the stop words of the word
/// cloud.
const QUESTION_WORDS: &[&str] = &[
    "waarom", "wanneer", "welke", "welk", "zou", "zouden", "gaan", "gaat", "doen", "doet",
    "krijgen", "komen", "komt", "maken", "vinden", "graag", "beter", "goed", "why", "when",
    "which", "can", "could", "should", "would", "does", "get", "make", "better", "good",
    // What the whole game is about, so it groups nothing.
    "leren", "leer", "learning", "learn",
];

/// One group (by its place in the overview's groups) and its questions that hold a word.
type GroupQuestions = (usize, Vec<String>);

/// A word that comes back in the open questions of more than one group.
#[derive(Debug, Clone, PartialEq)]
pub struct RecurringQuestion {
    /// The word as it was written most often; words that always come in the same questions are one
    /// entry ("gedeelde · visie").
    pub word: String,
    /// In how many groups (a group with several sessions counts once).
    pub groups: usize,
    /// Each group, with its own questions that hold the word.
    pub by_group: Vec<(String, Vec<String>)>,
}

/// The words shared by the open questions of at least two groups, the most groups first, then
/// alphabetical. Groups too small to show are left out.
pub(super) fn recurring(
    columns: &[GroupColumn],
    chains: &[Chain],
    order: &[usize],
    inputs: &[MergeInput],
) -> Vec<RecurringQuestion> {
    // key -> chain -> the questions holding it; key -> spelling -> count.
    let mut found: BTreeMap<String, BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (col, i) in columns.iter().zip(order) {
        if col.too_small {
            continue;
        }
        for p in inputs[*i]
            .game
            .session()
            .post_its
            .iter()
            .filter(|p| p.colour == PostItColour::Pink && !p.answered)
        {
            let mut seen = BTreeSet::new();
            for (key, word) in crate::core::programme::content_words(&p.text) {
                if QUESTION_WORDS.contains(&key.as_str()) || !seen.insert(key.clone()) {
                    continue;
                }
                *spellings
                    .entry(key.clone())
                    .or_default()
                    .entry(word.to_string())
                    .or_default() += 1;
                found
                    .entry(key)
                    .or_default()
                    .entry(col.chain)
                    .or_default()
                    .push(p.text.clone());
            }
        }
    }
    // Words that always come in the same questions are one theme; the same text twice in a group
    // is listed once.
    let mut themes: BTreeMap<Vec<GroupQuestions>, Vec<(String, usize)>> = BTreeMap::new();
    for (key, by_chain) in found {
        if by_chain.len() < 2 {
            continue;
        }
        let (word, count) = spellings
            .get(&key)
            .and_then(|s| {
                s.iter()
                    .max_by_key(|(w, n)| (**n, std::cmp::Reverse((*w).clone())))
            })
            .map_or((key.clone(), 0), |(w, n)| (w.clone(), *n));
        let questions: Vec<GroupQuestions> = by_chain
            .into_iter()
            .map(|(c, mut texts)| {
                let mut seen = BTreeSet::new();
                texts.retain(|t| seen.insert(t.clone()));
                (c, texts)
            })
            .collect();
        themes.entry(questions).or_default().push((word, count));
    }
    let mut out: Vec<RecurringQuestion> = themes
        .into_iter()
        .map(|(questions, mut words)| {
            words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            RecurringQuestion {
                word: words
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect::<Vec<_>>()
                    .join(" · "),
                groups: questions.len(),
                by_group: questions
                    .into_iter()
                    .map(|(c, texts)| (chains[c].name.clone(), texts))
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.groups.cmp(&a.groups).then_with(|| a.word.cmp(&b.word)));
    out
}
