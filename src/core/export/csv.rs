//! The spreadsheet exports: the statements and the post-its as CSV for Dutch-locale spreadsheets
//! (UTF-8 with a BOM, `;` between cells, CRLF line ends), every cell guarded against formulas.

use super::report::{card_id, stack_word};
use crate::core::i18n::{decimal, decimal_or_empty, tr};
use crate::core::session::{Lang, PostItColour, Session, StepSource};
use crate::core::tally::tally;

/// Makes a text cell safe for spreadsheets: a cell whose first character after any leading white space
/// is `=`, `+`, `-`, `@`, TAB, CR or LF could be read as a formula (spreadsheets trim the space), so it
/// gets a leading `'`. A plain number such as `-0,57` stays a number.
pub fn neutralise_cell(text: &str) -> String {
    let first = text.trim_start_matches([' ', '\u{a0}']).chars().next();
    let risky = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n'));
    if risky && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A number as the exports write it: an optional minus, digits, and one decimal point or comma.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && digits.chars().filter(|c| matches!(c, '.' | ',')).count() <= 1
        && digits.starts_with(|c: char| c.is_ascii_digit())
}

/// Rows as CSV for Dutch-locale spreadsheets: UTF-8 with a BOM, `;` between cells, CRLF line ends.
pub fn csv_bytes(rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Every cell is guarded here, whatever its source (deck, session, names), so no writer of rows
        // can forget it. Writing into a Vec cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| neutralise_cell(cell)));
    }
    out.extend(writer.into_inner().unwrap_or_default());
    out
}

/// The header cells for message ids, in `lang`.
pub(crate) fn header(lang: Lang, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| tr(lang, id)).collect()
}

fn yes_no(lang: Lang, yes: bool) -> String {
    tr(lang, if yes { "export-yes" } else { "export-no" })
}

/// The statements CSV: one row per card with each player's points in both rounds, the means, the shift
/// and the stack.
pub fn statements_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let t = tally(session);
    let mut head = header(lang, &["export-id", "export-statement", "export-theme"]);
    for p in &session.players {
        head.push(format!("{} ({})", p.name, tr(lang, "export-first")));
        head.push(format!("{} ({})", p.name, tr(lang, "export-plenary")));
    }
    head.extend(header(
        lang,
        &[
            "export-mean-first",
            "export-mean-plenary",
            "export-shift",
            "export-stack",
            "export-skipped",
            "export-minutes",
        ],
    ));
    let mut rows = vec![head];
    for c in &t.cards {
        let mut row = vec![
            card_id(&c.card, lang),
            c.text.clone(),
            c.theme.clone().unwrap_or_default(),
        ];
        for ((_, a), (_, b)) in c.first.points.iter().zip(&c.plenary.points) {
            row.push(a.map_or_else(String::new, |v| v.to_string()));
            row.push(b.map_or_else(String::new, |v| v.to_string()));
        }
        row.push(decimal_or_empty(lang, c.first.mean));
        row.push(decimal_or_empty(lang, c.plenary.mean));
        row.push(decimal_or_empty(lang, c.shift));
        let stack = if c.skipped {
            c.stack_override
        } else {
            c.stack()
        };
        row.push(stack_word(lang, stack));
        row.push(yes_no(lang, c.skipped));
        row.push(decimal(lang, c.seconds as f64 / 60.0, 2));
        rows.push(row);
    }
    csv_bytes(rows)
}

/// The post-its CSV: every post-it with its colour, card, text, author and whether it was answered.
pub fn post_its_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let head = header(
        lang,
        &[
            "export-id",
            "export-colour",
            "export-card",
            "export-statement",
            "export-text",
            "export-author",
            "export-answered",
        ],
    );
    let mut rows = vec![head];
    for p in &session.post_its {
        rows.push(vec![
            p.id.0.to_string(),
            tr(
                lang,
                match p.colour {
                    PostItColour::Green => "export-green",
                    PostItColour::Pink => "export-pink",
                },
            ),
            card_id(&p.card, lang),
            session.card_text(&p.card),
            p.text.clone(),
            p.author
                .and_then(|a| session.player(a))
                .map_or_else(String::new, |pl| pl.name.clone()),
            yes_no(lang, p.answered),
        ]);
    }
    csv_bytes(rows)
}

/// What a next step answers, in words: the open question's text or the card's.
pub(crate) fn step_source_text(session: &Session, from: Option<&StepSource>) -> String {
    match from {
        Some(StepSource::Question(id)) => session
            .post_it(*id)
            .map(|p| p.text.clone())
            .unwrap_or_default(),
        Some(StepSource::Card(card)) => session.card_text(card),
        None => String::new(),
    }
}

/// The next steps as CSV: what, who, when, and what it answers.
pub fn actions_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let mut rows = vec![header(
        lang,
        &[
            "export-id",
            "export-step",
            "export-owner",
            "export-due",
            "export-step-from",
        ],
    )];
    for step in &session.next_steps {
        rows.push(vec![
            step.id.to_string(),
            step.text.clone(),
            session.owner_name(&step.owner),
            step.due.clone(),
            step_source_text(session, step.from.as_ref()),
        ]);
    }
    csv_bytes(rows)
}

/// In a follow-up, the review of last time's steps: each step, who took it on, when, what the group
/// said became of it, and the line of what happened.
pub fn review_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let mut rows = vec![header(
        lang,
        &[
            "export-id",
            "export-step",
            "export-owner",
            "export-due",
            "export-review-status",
            "export-review-line",
        ],
    )];
    for step in session.follows.iter().flat_map(|l| &l.steps) {
        let review = session.reviews.get(&step.id);
        rows.push(vec![
            step.id.to_string(),
            step.text.clone(),
            step.owner.clone(),
            step.due.clone(),
            review
                .and_then(|r| r.status)
                .map(|s| tr(lang, s.key()))
                .unwrap_or_default(),
            review.map(|r| r.line.clone()).unwrap_or_default(),
        ]);
    }
    csv_bytes(rows)
}

/// In a follow-up, each statement placed both times: last time's mean and stack beside this time's.
pub fn since_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let t = tally(session);
    let mut rows = vec![header(
        lang,
        &[
            "export-id",
            "export-statement",
            "export-mean-last-time",
            "export-mean-now",
            "export-change",
            "export-stack-last-time",
            "export-stack-now",
        ],
    )];
    for card in &t.cards {
        let crate::core::session::CardRef::Statement(id) = &card.card else {
            continue;
        };
        let Some(before) = session.placed_before(id) else {
            continue;
        };
        let now = if card.plenary.placed > 0 {
            card.plenary.mean
        } else {
            card.first.mean
        };
        let change = before.mean.zip(now).map(|(b, n)| n - b);
        rows.push(vec![
            id.clone(),
            card.text.clone(),
            decimal_or_empty(lang, before.mean),
            decimal_or_empty(lang, now),
            decimal_or_empty(lang, change),
            stack_word(lang, before.stack),
            stack_word(lang, card.stack()),
        ]);
    }
    csv_bytes(rows)
}

/// The warm-up round: every entry, who typed it, and the words of the cloud with how often they came.
pub fn warm_up_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let mut rows = vec![header(lang, &["export-id", "export-author", "export-text"])];
    for w in &session.warm_up {
        rows.push(vec![
            w.id.to_string(),
            w.player
                .and_then(|p| session.player(p))
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            w.text.clone(),
        ]);
    }
    csv_bytes(rows)
}

/// The programme: every phase, planned against used, in minutes.
pub fn programme_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let texts = crate::core::i18n::texts();
    let mut rows = vec![header(
        lang,
        &[
            "export-phase",
            "export-phase-kind",
            "export-planned",
            "export-extended",
            "export-used",
        ],
    )];
    for t in crate::core::programme::phase_times(session) {
        rows.push(vec![
            t.title.clone(),
            texts.get(lang, crate::core::programme::kind_key(t.kind)),
            t.planned_minutes.to_string(),
            t.extra_minutes.to_string(),
            crate::core::i18n::decimal(lang, t.used_seconds as f64 / 60.0, 1),
        ]);
    }
    csv_bytes(rows)
}

/// Per player: the learning question of the morning and what stayed with them at the close.
pub fn learning_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let mut rows = vec![header(
        lang,
        &[
            "export-player",
            "export-learning-question",
            "export-takeaway",
        ],
    )];
    for p in &session.players {
        let q = session
            .learning_questions
            .get(&p.id)
            .cloned()
            .unwrap_or_default();
        let t = session.takeaways.get(&p.id).cloned().unwrap_or_default();
        if q.is_empty() && t.is_empty() {
            continue;
        }
        rows.push(vec![p.name.clone(), q, t]);
    }
    csv_bytes(rows)
}
