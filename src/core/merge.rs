//! One overview across many workshops: sessions that used the same deck (or overlapping statements,
//! matched by id) combined per statement, for the organiser who compares groups.

use crate::core::export::{csv_bytes, html_escape, neutralise_cell};
use crate::core::i18n::{decimal_or_empty as num, tr};
use crate::core::session::{CardRef, Game, Lang, PostItColour, Stack};
use crate::core::session_file::SessionFileError;
use crate::core::tally::tally;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// One group's session, as it goes into the overview.
pub struct MergeInput {
    /// How the group is named in the overview: its group name, or else its file name.
    pub name: String,
    pub game: Game,
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
    pub groups: Vec<String>,
    pub statements: Vec<StatementOverview>,
    pub left_out: Vec<LeftOut>,
    /// Every pink post-it not marked answered: group, statement, text.
    pub open_questions: Vec<(String, String, String)>,
}

/// Combines sessions on the statements every one of them has (matched by id).
pub fn merge(inputs: &[MergeInput]) -> Overview {
    let groups: Vec<String> = inputs.iter().map(|i| i.name.clone()).collect();
    // Statement ids per session, in deck order of the first session that has them.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut present: BTreeMap<String, usize> = BTreeMap::new();
    for input in inputs {
        let s = input.game.session();
        let mut seen = BTreeSet::new();
        for st in &s.deck.statements {
            if seen.insert(st.id.clone()) {
                *present.entry(st.id.clone()).or_default() += 1;
                if !order.iter().any(|(id, _)| *id == st.id) {
                    order.push((st.id.clone(), st.text.clone()));
                }
            }
        }
    }
    let n = inputs.len();
    let mut left_out = Vec::new();
    let mut shared = Vec::new();
    for (id, text) in order {
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

    let tallies: Vec<_> = inputs.iter().map(|i| tally(i.game.session())).collect();
    let mut statements = Vec::with_capacity(shared.len());
    for (id, text) in shared {
        let card = CardRef::Statement(id.clone());
        let mut o = StatementOverview {
            id: id.clone(),
            text,
            groups: 0,
            green: 0,
            red: 0,
            mean: None,
            spread: None,
            mean_shift: None,
            without_plenary: 0,
            green_post_its: Vec::new(),
        };
        let mut points: Vec<f64> = Vec::new();
        let mut shifts: Vec<f64> = Vec::new();
        for ((input, t), name) in inputs.iter().zip(&tallies).zip(&groups) {
            let Some(c) = t.cards.iter().find(|c| c.card == card) else {
                continue;
            };
            if c.skipped || (c.first.placed == 0 && c.plenary.placed == 0) {
                continue;
            }
            o.groups += 1;
            match t
                .green
                .contains(&card)
                .then_some(Stack::Green)
                .or(t.red.contains(&card).then_some(Stack::Red))
            {
                Some(Stack::Green) => o.green += 1,
                Some(Stack::Red) => o.red += 1,
                None => {}
            }
            if c.plenary.placed == 0 {
                o.without_plenary += 1;
            }
            points.extend(
                c.plenary
                    .points
                    .iter()
                    .filter_map(|(_, p)| p.map(f64::from)),
            );
            if let Some(s) = c.shift {
                shifts.push(s);
            }
            for p in input
                .game
                .session()
                .post_its
                .iter()
                .filter(|p| p.card == card && p.colour == PostItColour::Green)
            {
                o.green_post_its.push((name.clone(), p.text.clone()));
            }
        }
        if !points.is_empty() {
            let mean = points.iter().sum::<f64>() / points.len() as f64;
            let var = points.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / points.len() as f64;
            o.mean = Some(mean);
            o.spread = Some(var.sqrt());
        }
        if !shifts.is_empty() {
            o.mean_shift = Some(shifts.iter().sum::<f64>() / shifts.len() as f64);
        }
        statements.push(o);
    }

    let mut open_questions = Vec::new();
    for (input, name) in inputs.iter().zip(&groups) {
        let s = input.game.session();
        for p in s
            .post_its
            .iter()
            .filter(|p| p.colour == PostItColour::Pink && !p.answered)
        {
            open_questions.push((name.clone(), s.card_text(&p.card), p.text.clone()));
        }
    }
    Overview {
        groups,
        statements,
        left_out,
        open_questions,
    }
}

/// The overview as CSV: one row per statement. UTF-8 with BOM, `;`, for Dutch-locale spreadsheets.
pub fn overview_csv(o: &Overview, lang: Lang) -> Vec<u8> {
    let header = crate::core::export::csv::header(
        lang,
        &[
            "export-id",
            "export-statement",
            "overview-col-groups",
            "export-green",
            "export-red",
            "export-mean-plenary",
            "overview-col-spread",
            "overview-col-mean-shift",
            "overview-col-without-plenary",
        ],
    );
    let mut rows = vec![header];
    for s in &o.statements {
        rows.push(vec![
            neutralise_cell(&s.id),
            neutralise_cell(&s.text),
            s.groups.to_string(),
            s.green.to_string(),
            s.red.to_string(),
            num(lang, s.mean),
            num(lang, s.spread),
            num(lang, s.mean_shift),
            s.without_plenary.to_string(),
        ]);
    }
    csv_bytes(rows)
}

/// The open questions of every group as CSV.
pub fn questions_csv(o: &Overview, lang: Lang) -> Vec<u8> {
    let header = crate::core::export::csv::header(
        lang,
        &[
            "overview-col-group",
            "export-statement",
            "overview-col-question",
        ],
    );
    let mut rows = vec![header];
    for (g, st, q) in &o.open_questions {
        rows.push(vec![
            neutralise_cell(g),
            neutralise_cell(st),
            neutralise_cell(q),
        ]);
    }
    csv_bytes(rows)
}

/// The overview as a self-contained printable HTML page.
pub fn overview_html(o: &Overview, lang: Lang) -> String {
    let w = |id: &str| html_escape(&tr(lang, id));
    let e = html_escape;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        lang.code(),
        w("overview-title"),
        crate::core::export::REPORT_CSS
    );
    let _ = writeln!(s, "<h1>{}</h1>", w("overview-heading"));
    let _ = writeln!(
        s,
        "<p>{}: {}</p>",
        w("overview-groups"),
        e(&o.groups.join(", "))
    );
    let _ = writeln!(
        s,
        "<table class=\"overview\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        w("overview-statement"),
        w("overview-col-groups"),
        w("export-green"),
        w("export-red"),
        w("export-mean-plenary"),
        w("overview-col-spread"),
        w("export-shift")
    );
    for st in &o.statements {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">+ {}</td><td class=\"n\">! {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            e(&st.text),
            st.groups,
            st.green,
            st.red,
            num(lang, st.mean),
            num(lang, st.spread),
            num(lang, st.mean_shift)
        );
    }
    let _ = writeln!(s, "</table>");
    let _ = writeln!(s, "<h2>{}</h2>", w("export-questions"));
    if o.open_questions.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", w("export-none"));
    } else {
        let _ = writeln!(s, "<ul>");
        for (g, st, q) in &o.open_questions {
            let _ = writeln!(
                s,
                "<li class=\"pink\"><strong>{}</strong> · {} <br><em>{}</em></li>",
                e(g),
                e(q),
                e(st)
            );
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "<h2>{}</h2>", w("overview-green-post-its"));
    for st in o
        .statements
        .iter()
        .filter(|st| !st.green_post_its.is_empty())
    {
        let _ = writeln!(s, "<h3>{}</h3>\n<ul>", e(&st.text));
        for (g, t) in &st.green_post_its {
            let _ = writeln!(s, "<li class=\"green\">+ {} <em>({})</em></li>", e(t), e(g));
        }
        let _ = writeln!(s, "</ul>");
    }
    if !o.left_out.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ul>", w("overview-left-out"));
        for l in &o.left_out {
            let _ = writeln!(s, "<li>{} <em>({})</em></li>", e(&l.text), e(&l.reason));
        }
        let _ = writeln!(s, "</ul>");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// Why a file could not go into the overview.
#[derive(Debug)]
pub struct MergeProblem {
    pub file: String,
    pub error: SessionFileError,
}

/// Reads session files for a merge, using both cores. Returns the readable ones and the problems.
pub fn load_for_merge(paths: &[std::path::PathBuf]) -> (Vec<MergeInput>, Vec<MergeProblem>) {
    load_for_merge_with(paths, crate::core::session_file::load_game_file)
}

/// [`load_for_merge`] with the loader given. Every file ends up merged or reported, even when the
/// loader panics on one (a bug): that file is reported, the others of its thread still load.
pub fn load_for_merge_with(
    paths: &[std::path::PathBuf],
    load: impl Fn(&std::path::Path) -> Result<Game, SessionFileError> + Sync,
) -> (Vec<MergeInput>, Vec<MergeProblem>) {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let chunk = paths.len().div_ceil(threads).max(1);
    let load = &load;
    let failed = |p: &std::path::Path, why: &str| SessionFileError::Io {
        file: p.display().to_string(),
        reason: format!("the loader stopped on this file ({why}); it was not merged"),
    };
    let mut results: Vec<Option<Result<Game, SessionFileError>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| {
                            // The overview needs the sessions as they ended, not their histories:
                            // free those here, on the worker threads, while the other files load.
                            let loaded =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(p)))
                                    .unwrap_or_else(|_| Err(failed(p, "an internal error")));
                            loaded.map(|mut g| {
                                g.forget_history();
                                g
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(paths.chunks(chunk))
            .flat_map(|(h, part)| match h.join() {
                Ok(games) => games.into_iter().map(Some).collect::<Vec<_>>(),
                Err(_) => part.iter().map(|_| None).collect(),
            })
            .collect()
    });
    let results: Vec<(usize, Result<Game, SessionFileError>)> = results
        .iter_mut()
        .enumerate()
        .map(|(i, r)| {
            (
                i,
                r.take()
                    .unwrap_or_else(|| Err(failed(&paths[i], "its thread stopped"))),
            )
        })
        .collect();
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for (i, result) in results {
        let path = &paths[i];
        match result {
            Ok(game) => {
                let group = game.session().group.trim().to_string();
                let name = if group.is_empty() {
                    path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
                } else {
                    group
                };
                inputs.push(MergeInput { name, game });
            }
            Err(error) => problems.push(MergeProblem {
                file: path.display().to_string(),
                error,
            }),
        }
    }
    (inputs, problems)
}
