//! The report model: everything the Markdown and HTML reports say, built once from a session (texts in
//! the session's language, numbers formatted), then rendered by the templates in `templates/`.

use super::report_since::SinceSection;
use super::report_summary::Summary;
use crate::core::i18n::{decimal_or_empty, tr};
use crate::core::session::{CardRef, Lang, PlayerId, PostItColour, Round, Session, Stack};
use crate::core::tally::{CardTally, Tally, tally};
use askama::Template;
use std::fmt::Write as _;

/// The headings and words of the report, in the session's language.
pub(crate) struct Labels {
    pub(crate) title: String,
    pub(crate) none: String,
    pub(crate) shifts: String,
    pub(crate) statement: String,
    pub(crate) first: String,
    pub(crate) plenary: String,
    pub(crate) shift: String,
    pub(crate) chart: String,
    pub(crate) chart_legend: String,
    pub(crate) all_post_its: String,
    pub(crate) cases: String,
    pub(crate) brought_by: String,
    pub(crate) next_steps: String,
    pub(crate) step: String,
    pub(crate) owner: String,
    pub(crate) due: String,
    pub(crate) step_from: String,
    pub(crate) programme: String,
    pub(crate) phase: String,
    pub(crate) planned: String,
    pub(crate) used: String,
    pub(crate) warm_up: String,
    pub(crate) learning: String,
    pub(crate) player: String,
    pub(crate) learning_question: String,
    pub(crate) takeaway: String,
}

/// A phase of the programme: planned against used, in minutes.
pub(crate) struct PhaseRow {
    pub(crate) title: String,
    pub(crate) kind: String,
    /// "15" or "15 + 5".
    pub(crate) planned: String,
    pub(crate) used: String,
}

/// A player's learning question and what stayed with them.
pub(crate) struct Reflection {
    pub(crate) player: String,
    pub(crate) question: String,
    pub(crate) takeaway: String,
}

/// A next step the group agreed on.
pub(crate) struct StepEntry {
    pub(crate) text: String,
    pub(crate) owner: String,
    pub(crate) due: String,
    /// The open question or the card it answers; empty when none.
    pub(crate) from: String,
}

/// One post-it as the report shows it.
pub(crate) struct Note {
    pub(crate) green: bool,
    /// "groen" or "roze".
    pub(crate) colour: String,
    pub(crate) text: String,
    /// " (Name)" or empty.
    pub(crate) author: String,
    /// " (beantwoord)" or empty.
    pub(crate) answered: String,
}

/// A statement in one of the three plenary lists, with its post-its.
pub(crate) struct ListEntry {
    pub(crate) text: String,
    pub(crate) notes: Vec<Note>,
}

/// A titled part of the report: a plenary list or a stack.
pub(crate) struct Section<T> {
    pub(crate) heading: String,
    pub(crate) items: Vec<T>,
}

/// A row of the shift table.
pub(crate) struct ShiftRow {
    pub(crate) text: String,
    pub(crate) first: String,
    pub(crate) plenary: String,
    pub(crate) shift: String,
    /// The placements per square as a small SVG chart (HTML only).
    pub(crate) chart: String,
}

/// A case brought in, with who brought it.
pub(crate) struct CaseEntry {
    pub(crate) title: String,
    pub(crate) brought_by: Option<String>,
    pub(crate) description: String,
}

/// The whole report.
pub(crate) struct Report {
    pub(crate) lang: &'static str,
    pub(crate) labels: Labels,
    pub(crate) deck_title: String,
    /// The first page, which stands alone.
    pub(crate) summary: Summary,
    /// (label, value): the date, the deck, the group, the players.
    pub(crate) facts: Vec<(String, String)>,
    /// In a follow-up, first: what changed since last time.
    pub(crate) since: Option<SinceSection>,
    /// Al aanwezig, nog te ontwikkelen, open vragen.
    pub(crate) lists: Vec<Section<ListEntry>>,
    /// The green and the red stack: each card's text with its mean.
    pub(crate) stacks: Vec<Section<String>>,
    pub(crate) shifts: Vec<ShiftRow>,
    /// Every post-it per statement.
    pub(crate) post_its: Vec<Section<Note>>,
    pub(crate) cases: Vec<CaseEntry>,
    pub(crate) steps: Vec<StepEntry>,
    /// The programme's phases; empty when the deck has none.
    pub(crate) programme: Vec<PhaseRow>,
    /// The warm-up's word cloud: "word (3)", the most frequent first.
    pub(crate) cloud: Vec<String>,
    pub(crate) reflections: Vec<Reflection>,
}

/// The word for a stack in the exports.
pub(crate) fn stack_word(lang: Lang, stack: Option<Stack>) -> String {
    match stack {
        Some(Stack::Green) => tr(lang, "export-green"),
        Some(Stack::Red) => tr(lang, "export-red"),
        None => String::new(),
    }
}

/// A card's id in the exports: the statement's id, or "casus-2".
pub(crate) fn card_id(card: &CardRef, lang: Lang) -> String {
    match card {
        CardRef::Statement(id) => id.clone(),
        CardRef::Case(n) => format!("{}-{n}", tr(lang, "export-case")),
    }
}

/// " (mean plenary: 2,50)", from the plenary or else the first round; empty when nobody placed.
fn mean_note(lang: Lang, c: &CardTally) -> String {
    match (c.plenary.mean, c.first.mean) {
        (Some(m), _) => format!(
            " ({}: {})",
            tr(lang, "export-mean-plenary"),
            decimal_or_empty(lang, Some(m))
        ),
        (None, Some(m)) => format!(
            " ({}: {})",
            tr(lang, "export-mean-first"),
            decimal_or_empty(lang, Some(m))
        ),
        (None, None) => String::new(),
    }
}

/// Cards that belong in the shift table: played, not skipped, with at least one placement.
fn shift_rows(t: &Tally) -> impl Iterator<Item = &CardTally> {
    t.cards
        .iter()
        .filter(|c| !c.skipped && (c.first.placed > 0 || c.plenary.placed > 0))
}

fn author_suffix(session: &Session, author: Option<PlayerId>) -> String {
    author
        .and_then(|a| session.player(a))
        .map_or_else(String::new, |p| format!(" ({})", p.name))
}

impl Report {
    /// Builds the report of a session.
    pub(crate) fn build(session: &Session) -> Report {
        let lang = session.language;
        let t = tally(session);
        let w = |id: &str| tr(lang, id);
        let note =
            |colour: PostItColour, text: &str, author: Option<PlayerId>, answered: bool| Note {
                green: colour == PostItColour::Green,
                colour: w(match colour {
                    PostItColour::Green => "export-green",
                    PostItColour::Pink => "export-pink",
                }),
                text: text.to_string(),
                author: author_suffix(session, author),
                answered: if answered {
                    format!(" ({})", w("export-answered"))
                } else {
                    String::new()
                },
            };
        let mut facts = vec![
            (w("export-date"), session.started_at.clone()),
            (w("export-deck"), session.deck.title.clone()),
        ];
        if !session.group.is_empty() {
            facts.push((w("export-group"), session.group.clone()));
        }
        let players: Vec<&str> = session.players.iter().map(|p| p.name.as_str()).collect();
        facts.push((w("export-players"), players.join(", ")));
        let lists = [
            ("export-present", &t.present),
            ("export-develop", &t.to_develop),
            ("export-questions", &t.open_questions),
        ]
        .into_iter()
        .map(|(key, list)| Section {
            heading: w(key),
            items: list
                .iter()
                .map(|e| ListEntry {
                    text: e.text.clone(),
                    notes: e
                        .post_its
                        .iter()
                        .map(|p| note(p.colour, &p.text, p.author, false))
                        .collect(),
                })
                .collect(),
        })
        .collect();
        let stacks: Vec<Section<String>> = [
            ("export-green-stack", &t.green),
            ("export-red-stack", &t.red),
        ]
        .into_iter()
        .map(|(key, stack)| Section {
            heading: w(key),
            items: stack
                .iter()
                .filter_map(|card| t.cards.iter().find(|c| &c.card == card))
                .map(|c| format!("{}{}", c.text, mean_note(lang, c)))
                .collect(),
        })
        .collect();
        let shifts = shift_rows(&t)
            .map(|c| ShiftRow {
                text: c.text.clone(),
                first: decimal_or_empty(lang, c.first.mean),
                plenary: decimal_or_empty(lang, c.plenary.mean),
                shift: c
                    .shift
                    .map_or_else(|| w("export-no-shift"), |v| decimal_or_empty(lang, Some(v))),
                chart: placement_chart(session, &c.card),
            })
            .collect();
        let post_its = t
            .cards
            .iter()
            .map(|c| Section {
                heading: c.text.clone(),
                items: session
                    .post_its
                    .iter()
                    .filter(|p| p.card == c.card)
                    .map(|p| note(p.colour, &p.text, p.author, p.answered))
                    .collect(),
            })
            .filter(|s| !s.items.is_empty())
            .collect();
        let cases = session
            .cases
            .iter()
            .map(|case| CaseEntry {
                title: case.title.clone(),
                brought_by: case
                    .brought_by
                    .and_then(|p| session.player(p))
                    .map(|p| p.name.clone()),
                description: case.description.clone(),
            })
            .collect();
        let steps: Vec<StepEntry> = session
            .next_steps
            .iter()
            .map(|step| StepEntry {
                text: step.text.clone(),
                owner: session.owner_name(&step.owner),
                due: step.due.clone(),
                from: super::csv::step_source_text(session, step.from.as_ref()),
            })
            .collect();
        let since = SinceSection::build(session, &t);
        let summary = Summary::build(session, &t, &stacks, &steps, since.as_ref());
        Report {
            lang: lang.code(),
            labels: Labels {
                title: w("export-title"),
                none: w("export-none"),
                shifts: w("export-shifts"),
                statement: w("export-statement"),
                first: w("export-first"),
                plenary: w("export-plenary"),
                shift: w("export-shift"),
                chart: w("export-chart"),
                chart_legend: w("export-chart-legend"),
                all_post_its: w("export-all-post-its"),
                cases: w("export-cases"),
                brought_by: w("export-brought-by"),
                next_steps: w("export-next-steps"),
                step: w("export-step"),
                owner: w("export-owner"),
                due: w("export-due"),
                step_from: w("export-step-from"),
                programme: w("export-programme"),
                phase: w("export-phase"),
                planned: w("export-planned"),
                used: w("export-used"),
                warm_up: w("export-warm-up"),
                learning: w("export-learning"),
                player: w("export-player"),
                learning_question: w("export-learning-question"),
                takeaway: w("export-takeaway"),
            },
            programme: crate::core::programme::phase_times(session)
                .into_iter()
                .map(|t| PhaseRow {
                    title: t.title,
                    kind: w(crate::core::programme::kind_key(t.kind)),
                    planned: if t.extra_minutes > 0 {
                        format!("{} + {}", t.planned_minutes, t.extra_minutes)
                    } else {
                        t.planned_minutes.to_string()
                    },
                    used: if t.reached {
                        crate::core::i18n::decimal(
                            session.language,
                            t.used_seconds as f64 / 60.0,
                            0,
                        )
                    } else {
                        String::new()
                    },
                })
                .collect(),
            cloud: crate::core::programme::word_cloud(session)
                .into_iter()
                .map(|c| format!("{} ({})", c.word, c.count))
                .collect(),
            reflections: session
                .players
                .iter()
                .filter_map(|p| {
                    let question = session
                        .learning_questions
                        .get(&p.id)
                        .cloned()
                        .unwrap_or_default();
                    let takeaway = session.takeaways.get(&p.id).cloned().unwrap_or_default();
                    (!question.is_empty() || !takeaway.is_empty()).then(|| Reflection {
                        player: p.name.clone(),
                        question,
                        takeaway,
                    })
                })
                .collect(),
            steps,
            deck_title: session.deck.title.clone(),
            facts,
            summary,
            since,
            lists,
            stacks,
            shifts,
            post_its,
            cases,
        }
    }
}

/// A Markdown section with a table: the heading, the header row (a column marked `true` is aligned
/// right, for numbers), the rows (already escaped), and a blank line.
fn md_table(
    s: &mut String,
    heading: &str,
    head: &[(&String, bool)],
    rows: impl Iterator<Item = Vec<String>>,
) {
    let _ = writeln!(s, "## {heading}\n");
    let names: Vec<&str> = head.iter().map(|(h, _)| h.as_str()).collect();
    let rule: Vec<&str> = head
        .iter()
        .map(|(_, right)| if *right { "---:" } else { "---" })
        .collect();
    let _ = writeln!(s, "| {} |\n|{}|", names.join(" | "), rule.join("|"));
    for row in rows {
        let _ = writeln!(s, "| {} |", row.join(" | "));
    }
    s.push('\n');
}

/// Escapes text for Markdown so a post-it cannot break the layout.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '#' | '[' | ']' | '<' | '>' | '`' | '|'
        ) {
            out.push('\\');
        }
        // Every kind of line break would end a list item or a table row early.
        if matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        ) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes text for HTML (the templates escape by themselves; this is for hand-made fragments).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The style sheet of the printable HTML pages.
pub const REPORT_CSS: &str = include_str!("../../../templates/report.css");

#[derive(Template)]
#[template(path = "report.html")]
struct HtmlReport<'a> {
    r: &'a Report,
    css: &'static str,
}

/// The report in Markdown: date, deck, players, the three plenary lists, both stacks, the shift of
/// opinion, every post-it per statement, and the cases. Written from the same [`Report`] as the HTML;
/// Markdown is line-exact, so it is written here rather than through a template.
pub fn report_markdown(session: &Session) -> String {
    let r = Report::build(session);
    let l = &r.labels;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", l.title);
    for (label, value) in &r.facts {
        let _ = writeln!(s, "- {label}: {}", md(value));
    }
    s.push('\n');
    if let Some(since) = &r.since {
        let _ = writeln!(s, "## {}\n\n{}\n", since.heading, md(&since.compared));
        for (title, lines) in &since.parts {
            let _ = writeln!(s, "### {}\n", md(title));
            for line in lines {
                let _ = writeln!(s, "- {}", md(line));
            }
            s.push('\n');
        }
    }
    for section in &r.lists {
        let _ = writeln!(s, "## {}\n", section.heading);
        if section.items.is_empty() {
            let _ = writeln!(s, "{}\n", l.none);
            continue;
        }
        for e in &section.items {
            let _ = writeln!(s, "- **{}**", md(&e.text));
            for n in &e.notes {
                let _ = writeln!(s, "  - {}{}", md(&n.text), md(&n.author));
            }
        }
        s.push('\n');
    }
    for section in &r.stacks {
        let _ = writeln!(s, "## {}\n", section.heading);
        if section.items.is_empty() {
            let _ = writeln!(s, "{}\n", l.none);
            continue;
        }
        for item in &section.items {
            let _ = writeln!(s, "- {}", md(item));
        }
        s.push('\n');
    }
    if !r.steps.is_empty() {
        let rows = r
            .steps
            .iter()
            .map(|x| vec![md(&x.text), md(&x.owner), md(&x.due), md(&x.from)]);
        md_table(
            &mut s,
            &l.next_steps,
            &[
                (&l.step, false),
                (&l.owner, false),
                (&l.due, false),
                (&l.step_from, false),
            ],
            rows,
        );
    }
    if !r.programme.is_empty() {
        let rows = r.programme.iter().map(|p| {
            vec![
                format!("{} ({})", md(&p.title), md(&p.kind)),
                p.planned.clone(),
                p.used.clone(),
            ]
        });
        md_table(
            &mut s,
            &l.programme,
            &[(&l.phase, false), (&l.planned, true), (&l.used, true)],
            rows,
        );
    }
    if !r.cloud.is_empty() {
        let _ = writeln!(s, "## {}\n", l.warm_up);
        let words: Vec<String> = r.cloud.iter().map(|w| md(w)).collect();
        let _ = writeln!(s, "{}\n", words.join(", "));
    }
    if !r.reflections.is_empty() {
        let rows = r
            .reflections
            .iter()
            .map(|x| vec![md(&x.player), md(&x.question), md(&x.takeaway)]);
        md_table(
            &mut s,
            &l.learning,
            &[
                (&l.player, false),
                (&l.learning_question, false),
                (&l.takeaway, false),
            ],
            rows,
        );
    }
    let rows = r.shifts.iter().map(|row| {
        vec![
            md(&row.text),
            row.first.clone(),
            row.plenary.clone(),
            row.shift.clone(),
        ]
    });
    md_table(
        &mut s,
        &l.shifts,
        &[
            (&l.statement, false),
            (&l.first, true),
            (&l.plenary, true),
            (&l.shift, true),
        ],
        rows,
    );
    let _ = writeln!(s, "## {}\n", l.all_post_its);
    for card in &r.post_its {
        let _ = writeln!(s, "### {}\n", md(&card.heading));
        for n in &card.items {
            let mark = if n.green { "[+]" } else { "[?]" };
            let _ = writeln!(
                s,
                "- {mark} {}: {}{}{}",
                n.colour,
                md(&n.text),
                md(&n.author),
                n.answered
            );
        }
        s.push('\n');
    }
    if !r.cases.is_empty() {
        let _ = writeln!(s, "## {}\n", l.cases);
        for case in &r.cases {
            let _ = writeln!(s, "### {}\n", md(&case.title));
            if let Some(name) = &case.brought_by {
                let _ = writeln!(s, "_{} {}_\n", l.brought_by, md(name));
            }
            if !case.description.is_empty() {
                let _ = writeln!(s, "{}\n", md(&case.description));
            }
        }
    }
    s
}

/// The report as one self-contained printable HTML page (no external files).
pub fn report_html(session: &Session) -> String {
    HtmlReport {
        r: &Report::build(session),
        css: REPORT_CSS,
    }
    .render()
    .unwrap_or_default()
}

/// A small inline SVG of the placements on one card: per square, the number of pawns in the first
/// round (light, hatched) and in the plenary (dark), with the square's points under it.
pub fn placement_chart(session: &Session, card: &CardRef) -> String {
    let squares = &session.deck.scale.squares;
    let record = session.record(card);
    let count = |round: Round, sq: usize| {
        record.map_or(0, |r| r.round(round).values().filter(|v| **v == sq).count())
    };
    let n = squares.len().max(1);
    let max = (0..n)
        .flat_map(|i| [count(Round::First, i), count(Round::Plenary, i)])
        .max()
        .unwrap_or(0)
        .max(1);
    let (w, h, base) = (64.0 * n as f64, 92.0, 70.0);
    let mut svg = format!(
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\">\
<defs><pattern id=\"hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<rect width=\"5\" height=\"5\" fill=\"#d9e3ef\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#6b7f99\" stroke-width=\"1.5\"/></pattern></defs>"
    );
    for (i, sq) in squares.iter().enumerate() {
        let x = i as f64 * 64.0 + 8.0;
        for (j, round) in [Round::First, Round::Plenary].into_iter().enumerate() {
            let c = count(round, i);
            let bh = c as f64 / max as f64 * 60.0;
            let fill = if j == 0 { "url(#hatch)" } else { "#2b4c7e" };
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"22\" height=\"{bh:.1}\" fill=\"{fill}\" stroke=\"#2b4c7e\"/>",
                x + j as f64 * 24.0,
                base - bh
            );
            if c > 0 {
                let _ = write!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{c}</text>",
                    x + j as f64 * 24.0 + 11.0,
                    base - bh - 2.0
                );
            }
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"86\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            x + 23.0,
            sq.points
        );
    }
    svg.push_str("</svg>");
    svg
}
