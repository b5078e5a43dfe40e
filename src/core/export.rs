//! Exports, each a pure function from a session to text: two CSVs for spreadsheets, a Markdown and a
//! printable HTML report, and the session itself as RON. [`write_all`] puts them in a folder.

use crate::core::session::{CardRef, Game, Lang, PostItColour, Session, Stack};
use crate::core::tally::{Tally, tally};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Words used in exports, in the session's language.
fn w(lang: Lang, key: &str) -> &'static str {
    let nl = lang == Lang::Nl;
    match key {
        "id" => "id",
        "statement" => {
            if nl {
                "stelling"
            } else {
                "statement"
            }
        }
        "theme" => "thema",
        "first" => {
            if nl {
                "eerste ronde"
            } else {
                "first round"
            }
        }
        "plenary" => {
            if nl {
                "plenair"
            } else {
                "plenary"
            }
        }
        "mean_first" => {
            if nl {
                "gemiddelde eerste ronde"
            } else {
                "mean first round"
            }
        }
        "mean_plenary" => {
            if nl {
                "gemiddelde plenair"
            } else {
                "mean plenary"
            }
        }
        "shift" => {
            if nl {
                "verschuiving"
            } else {
                "shift"
            }
        }
        "stack" => {
            if nl {
                "stapel"
            } else {
                "stack"
            }
        }
        "green" => {
            if nl {
                "groen"
            } else {
                "green"
            }
        }
        "red" => {
            if nl {
                "rood"
            } else {
                "red"
            }
        }
        "skipped" => {
            if nl {
                "overgeslagen"
            } else {
                "skipped"
            }
        }
        "colour" => {
            if nl {
                "kleur"
            } else {
                "colour"
            }
        }
        "pink" => {
            if nl {
                "roze"
            } else {
                "pink"
            }
        }
        "text" => "tekst",
        "author" => {
            if nl {
                "auteur"
            } else {
                "author"
            }
        }
        "answered" => {
            if nl {
                "beantwoord"
            } else {
                "answered"
            }
        }
        "yes" => {
            if nl {
                "ja"
            } else {
                "yes"
            }
        }
        "no" => {
            if nl {
                "nee"
            } else {
                "no"
            }
        }
        "card" => {
            if nl {
                "kaart"
            } else {
                "card"
            }
        }
        "case" => {
            if nl {
                "casus"
            } else {
                "case"
            }
        }
        "minutes" => {
            if nl {
                "minuten"
            } else {
                "minutes"
            }
        }
        "title" => {
            if nl {
                "Uitkomst leerklimaat-sessie"
            } else {
                "Learning climate session outcome"
            }
        }
        "date" => {
            if nl {
                "Datum"
            } else {
                "Date"
            }
        }
        "deck" => {
            if nl {
                "Kaartspel"
            } else {
                "Deck"
            }
        }
        "group" => {
            if nl {
                "Groep"
            } else {
                "Group"
            }
        }
        "players" => {
            if nl {
                "Spelers"
            } else {
                "Players"
            }
        }
        "present" => {
            if nl {
                "Al aanwezig"
            } else {
                "Already present"
            }
        }
        "develop" => {
            if nl {
                "Nog te ontwikkelen"
            } else {
                "Still to develop"
            }
        }
        "questions" => {
            if nl {
                "Open vragen"
            } else {
                "Open questions"
            }
        }
        "green_stack" => {
            if nl {
                "Groene stapel (al aanwezig)"
            } else {
                "Green stack (already present)"
            }
        }
        "red_stack" => {
            if nl {
                "Rode stapel (nog te ontwikkelen)"
            } else {
                "Red stack (needs work)"
            }
        }
        "shifts" => {
            if nl {
                "Verschuiving van mening"
            } else {
                "Shift of opinion"
            }
        }
        "all_post_its" => {
            if nl {
                "Alle post-its per stelling"
            } else {
                "All post-its per statement"
            }
        }
        "cases" => {
            if nl {
                "Casussen"
            } else {
                "Cases"
            }
        }
        "brought_by" => {
            if nl {
                "ingebracht door"
            } else {
                "brought in by"
            }
        }
        "none" => {
            if nl {
                "(geen)"
            } else {
                "(none)"
            }
        }
        "chart" => {
            if nl {
                "Plaatsingen per stelling"
            } else {
                "Placements per statement"
            }
        }
        "chart_legend" => {
            if nl {
                "Per vakje (punten eronder): gearceerd de eerste ronde, donker de plenaire ronde; het getal is het aantal pionnen."
            } else {
                "Per square (points below): hatched the first round, dark the plenary round; the number is the count of pawns."
            }
        }
        "no_shift" => {
            if nl {
                "geen volledige gegevens"
            } else {
                "incomplete data"
            }
        }
        _ => "",
    }
}

/// A number as text, with a decimal comma for Dutch.
pub(crate) fn num(lang: Lang, value: Option<f64>) -> String {
    match value {
        None => String::new(),
        Some(v) => {
            let s = format!("{:.2}", v);
            let s = if s == "-0.00" { "0.00".to_string() } else { s };
            if lang == Lang::Nl {
                s.replace('.', ",")
            } else {
                s
            }
        }
    }
}

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

fn stack_word(lang: Lang, stack: Option<Stack>) -> &'static str {
    match stack {
        Some(Stack::Green) => w(lang, "green"),
        Some(Stack::Red) => w(lang, "red"),
        None => "",
    }
}

fn card_id(card: &CardRef, lang: Lang) -> String {
    match card {
        CardRef::Statement(id) => id.clone(),
        CardRef::Case(n) => format!("{}-{n}", w(lang, "case")),
    }
}

/// Rows as CSV for Dutch-locale spreadsheets: UTF-8 with a BOM, `;` between cells, CRLF line ends.
pub(crate) fn csv_bytes(rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Every cell is guarded here, whatever its source (deck, session, names), so no writer of rows
        // can forget it. Writing into a Vec cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| neutralise_cell(cell)));
    }
    out.extend(writer.into_inner().unwrap_or_default());
    out
}

/// The statements CSV: one row per card with each player's points in both rounds, the means, the shift
/// and the stack. UTF-8 with BOM and `;` separators, for Dutch-locale Excel and `LibreOffice`.
pub fn statements_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let t = tally(session);
    let mut header: Vec<String> = vec![
        w(lang, "id").into(),
        w(lang, "statement").into(),
        w(lang, "theme").into(),
    ];
    for p in &session.players {
        header.push(neutralise_cell(&format!(
            "{} ({})",
            p.name,
            w(lang, "first")
        )));
        header.push(neutralise_cell(&format!(
            "{} ({})",
            p.name,
            w(lang, "plenary")
        )));
    }
    for k in [
        "mean_first",
        "mean_plenary",
        "shift",
        "stack",
        "skipped",
        "minutes",
    ] {
        header.push(w(lang, k).into());
    }
    let mut rows = vec![header];
    for c in &t.cards {
        let mut row = vec![
            neutralise_cell(&card_id(&c.card, lang)),
            neutralise_cell(&c.text),
            neutralise_cell(c.theme.as_deref().unwrap_or("")),
        ];
        for ((_, a), (_, b)) in c.first.points.iter().zip(&c.plenary.points) {
            row.push(a.map_or_else(String::new, |v| v.to_string()));
            row.push(b.map_or_else(String::new, |v| v.to_string()));
        }
        row.push(num(lang, c.first.mean));
        row.push(num(lang, c.plenary.mean));
        row.push(num(lang, c.shift));
        let stack = if c.skipped {
            c.stack_override
        } else {
            c.stack()
        };
        row.push(stack_word(lang, stack).into());
        row.push(
            if c.skipped {
                w(lang, "yes")
            } else {
                w(lang, "no")
            }
            .into(),
        );
        row.push(num(lang, Some(c.seconds as f64 / 60.0)));
        rows.push(row);
    }
    csv_bytes(rows)
}

/// The post-its CSV: every post-it with its colour, card, text, author and whether it was answered.
pub fn post_its_csv(session: &Session) -> Vec<u8> {
    let lang = session.language;
    let header = [
        "id",
        "colour",
        "card",
        "statement",
        "text",
        "author",
        "answered",
    ]
    .iter()
    .map(|k| w(lang, k).to_string())
    .collect();
    let mut rows = vec![header];
    for p in &session.post_its {
        rows.push(vec![
            p.id.0.to_string(),
            match p.colour {
                PostItColour::Green => w(lang, "green"),
                PostItColour::Pink => w(lang, "pink"),
            }
            .into(),
            neutralise_cell(&card_id(&p.card, lang)),
            neutralise_cell(&session.card_text(&p.card)),
            neutralise_cell(&p.text),
            neutralise_cell(
                &p.author
                    .and_then(|a| session.player(a))
                    .map_or_else(String::new, |pl| pl.name.clone()),
            ),
            if p.answered {
                w(lang, "yes")
            } else {
                w(lang, "no")
            }
            .into(),
        ]);
    }
    csv_bytes(rows)
}

/// " (mean plenary: 2,50)", from the plenary or else the first round; empty when nobody placed.
fn mean_note(lang: Lang, c: &crate::core::tally::CardTally) -> String {
    match (c.plenary.mean, c.first.mean) {
        (Some(m), _) => format!(" ({}: {})", w(lang, "mean_plenary"), num(lang, Some(m))),
        (None, Some(m)) => format!(" ({}: {})", w(lang, "mean_first"), num(lang, Some(m))),
        (None, None) => String::new(),
    }
}

/// Cards that belong in the shift table: played, not skipped, with at least one placement.
fn shift_rows(t: &Tally) -> impl Iterator<Item = &crate::core::tally::CardTally> {
    t.cards
        .iter()
        .filter(|c| !c.skipped && (c.first.placed > 0 || c.plenary.placed > 0))
}

fn player_names(session: &Session) -> String {
    session
        .players
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn author_suffix(session: &Session, author: Option<crate::core::session::PlayerId>) -> String {
    author
        .and_then(|a| session.player(a))
        .map_or_else(String::new, |p| format!(" ({})", p.name))
}

/// Escapes text for Markdown so a post-it cannot break the layout.
fn md(text: &str) -> String {
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

/// The report in Markdown: date, deck, players, the three plenary lists, both stacks, the shift of
/// opinion, every post-it per statement, and the cases.
pub fn report_markdown(session: &Session) -> String {
    let lang = session.language;
    let t = tally(session);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", w(lang, "title"));
    let _ = writeln!(s, "- {}: {}", w(lang, "date"), md(&session.started_at));
    let _ = writeln!(s, "- {}: {}", w(lang, "deck"), md(&session.deck.title));
    if !session.group.is_empty() {
        let _ = writeln!(s, "- {}: {}", w(lang, "group"), md(&session.group));
    }
    let _ = writeln!(
        s,
        "- {}: {}\n",
        w(lang, "players"),
        md(&player_names(session))
    );

    for (key, list) in [
        ("present", &t.present),
        ("develop", &t.to_develop),
        ("questions", &t.open_questions),
    ] {
        let _ = writeln!(s, "## {}\n", w(lang, key));
        if list.is_empty() {
            let _ = writeln!(s, "{}\n", w(lang, "none"));
        }
        for e in list {
            let _ = writeln!(s, "- **{}**", md(&e.text));
            for p in &e.post_its {
                let _ = writeln!(
                    s,
                    "  - {}{}",
                    md(&p.text),
                    md(&author_suffix(session, p.author))
                );
            }
        }
        if !list.is_empty() {
            s.push('\n');
        }
    }

    for (key, stack) in [("green_stack", &t.green), ("red_stack", &t.red)] {
        let _ = writeln!(s, "## {}\n", w(lang, key));
        if stack.is_empty() {
            let _ = writeln!(s, "{}\n", w(lang, "none"));
            continue;
        }
        for card in stack {
            if let Some(c) = t.cards.iter().find(|c| &c.card == card) {
                let _ = writeln!(s, "- {}{}", md(&c.text), mean_note(lang, c));
            }
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## {}\n", w(lang, "shifts"));
    let _ = writeln!(
        s,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        w(lang, "statement"),
        w(lang, "first"),
        w(lang, "plenary"),
        w(lang, "shift")
    );
    for c in shift_rows(&t) {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            md(&c.text),
            num(lang, c.first.mean),
            num(lang, c.plenary.mean),
            c.shift
                .map_or_else(|| w(lang, "no_shift").to_string(), |v| num(lang, Some(v)))
        );
    }
    s.push('\n');

    let _ = writeln!(s, "## {}\n", w(lang, "all_post_its"));
    for c in &t.cards {
        let post_its: Vec<_> = session
            .post_its
            .iter()
            .filter(|p| p.card == c.card)
            .collect();
        if post_its.is_empty() {
            continue;
        }
        let _ = writeln!(s, "### {}\n", md(&c.text));
        for p in post_its {
            let (mark, word) = match p.colour {
                PostItColour::Green => ("[+]", w(lang, "green")),
                PostItColour::Pink => ("[?]", w(lang, "pink")),
            };
            let answered = if p.answered {
                format!(" ({})", w(lang, "answered"))
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "- {mark} {word}: {}{}{answered}",
                md(&p.text),
                md(&author_suffix(session, p.author))
            );
        }
        s.push('\n');
    }

    if !session.cases.is_empty() {
        let _ = writeln!(s, "## {}\n", w(lang, "cases"));
        for case in &session.cases {
            let _ = writeln!(s, "### {}\n", md(&case.title));
            if let Some(p) = case.brought_by.and_then(|p| session.player(p)) {
                let _ = writeln!(s, "_{} {}_\n", w(lang, "brought_by"), md(&p.name));
            }
            if !case.description.is_empty() {
                let _ = writeln!(s, "{}\n", md(&case.description));
            }
        }
    }
    s
}

/// Escapes text for HTML.
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

pub const REPORT_CSS: &str = "body{font-family:'Inter','Lato','Segoe UI',Arial,sans-serif;max-width:50rem;margin:2rem auto;\
padding:0 1rem;color:#1a1a1a;line-height:1.45}h1{font-size:1.7rem}h2{border-bottom:2px solid #ccc;\
padding-bottom:.2rem;margin-top:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;\
padding:.3rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right}.green{border-left:.5rem solid #1b7837;\
padding-left:.5rem}.pink{border-left:.5rem dashed #c51b7d;padding-left:.5rem}.tag{font-weight:bold}\
ul{padding-left:1.2rem}svg.chart{display:block;margin:.2rem 0 .8rem}.overview td:first-child{width:50%}.legend{font-size:.85rem;color:#444}@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none}h2{break-after:avoid}\
li,tr{break-inside:avoid}}";

/// A small inline SVG of the placements on one card: per square, the number of pawns in the first
/// round (light, hatched) and in the plenary (dark), with the square's points under it.
pub fn placement_chart(session: &Session, card: &CardRef) -> String {
    let squares = &session.deck.scale.squares;
    let record = session.record(card);
    let count = |round: crate::core::session::Round, sq: usize| {
        record.map_or(0, |r| r.round(round).values().filter(|v| **v == sq).count())
    };
    let n = squares.len().max(1);
    let max = (0..n)
        .flat_map(|i| {
            [
                count(crate::core::session::Round::First, i),
                count(crate::core::session::Round::Plenary, i),
            ]
        })
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
        for (j, round) in [
            crate::core::session::Round::First,
            crate::core::session::Round::Plenary,
        ]
        .into_iter()
        .enumerate()
        {
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

/// The report as one self-contained printable HTML page (no external files).
pub fn report_html(session: &Session) -> String {
    let lang = session.language;
    let t: Tally = tally(session);
    let e = html_escape;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} · {}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n",
        lang.code(),
        w(lang, "title"),
        e(&session.deck.title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", w(lang, "title"));
    let _ = writeln!(s, "<table>");
    let _ = writeln!(
        s,
        "<tr><th>{}</th><td>{}</td></tr>",
        w(lang, "date"),
        e(&session.started_at)
    );
    let _ = writeln!(
        s,
        "<tr><th>{}</th><td>{}</td></tr>",
        w(lang, "deck"),
        e(&session.deck.title)
    );
    if !session.group.is_empty() {
        let _ = writeln!(
            s,
            "<tr><th>{}</th><td>{}</td></tr>",
            w(lang, "group"),
            e(&session.group)
        );
    }
    let _ = writeln!(
        s,
        "<tr><th>{}</th><td>{}</td></tr>",
        w(lang, "players"),
        e(&player_names(session))
    );
    let _ = writeln!(s, "</table>");

    for (key, list) in [
        ("present", &t.present),
        ("develop", &t.to_develop),
        ("questions", &t.open_questions),
    ] {
        let _ = writeln!(s, "<h2>{}</h2>", w(lang, key));
        if list.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", w(lang, "none"));
            continue;
        }
        let _ = writeln!(s, "<ul>");
        for entry in list {
            let _ = write!(s, "<li><strong>{}</strong>", e(&entry.text));
            if !entry.post_its.is_empty() {
                let _ = write!(s, "<ul>");
                for p in &entry.post_its {
                    let class = if p.colour == PostItColour::Green {
                        "green"
                    } else {
                        "pink"
                    };
                    let _ = write!(
                        s,
                        "<li class=\"{class}\">{}{}</li>",
                        e(&p.text),
                        e(&author_suffix(session, p.author))
                    );
                }
                let _ = write!(s, "</ul>");
            }
            let _ = writeln!(s, "</li>");
        }
        let _ = writeln!(s, "</ul>");
    }

    for (key, stack) in [("green_stack", &t.green), ("red_stack", &t.red)] {
        let _ = writeln!(s, "<h2>{}</h2>", w(lang, key));
        if stack.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", w(lang, "none"));
            continue;
        }
        let _ = writeln!(s, "<ul>");
        for card in stack {
            if let Some(c) = t.cards.iter().find(|c| &c.card == card) {
                let _ = writeln!(s, "<li>{}{}</li>", e(&c.text), e(&mean_note(lang, c)));
            }
        }
        let _ = writeln!(s, "</ul>");
    }

    let _ = writeln!(s, "<h2>{}</h2>", w(lang, "shifts"));
    let _ = writeln!(
        s,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        w(lang, "statement"),
        w(lang, "first"),
        w(lang, "plenary"),
        w(lang, "shift")
    );
    for c in shift_rows(&t) {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            e(&c.text),
            num(lang, c.first.mean),
            num(lang, c.plenary.mean),
            c.shift
                .map_or_else(|| w(lang, "no_shift").to_string(), |v| num(lang, Some(v)))
        );
    }
    let _ = writeln!(s, "</table>");
    let _ = writeln!(s, "<h2>{}</h2>", w(lang, "chart"));
    let _ = writeln!(s, "<p class=\"legend\">{}</p>", w(lang, "chart_legend"));
    for c in shift_rows(&t) {
        let _ = writeln!(
            s,
            "<div style=\"break-inside:avoid\"><strong>{}</strong>{}</div>",
            e(&c.text),
            placement_chart(session, &c.card)
        );
    }

    let _ = writeln!(s, "<h2>{}</h2>", w(lang, "all_post_its"));
    for c in &t.cards {
        let post_its: Vec<_> = session
            .post_its
            .iter()
            .filter(|p| p.card == c.card)
            .collect();
        if post_its.is_empty() {
            continue;
        }
        let _ = writeln!(s, "<h3>{}</h3>\n<ul>", e(&c.text));
        for p in post_its {
            let (class, mark, word) = match p.colour {
                PostItColour::Green => ("green", "+", w(lang, "green")),
                PostItColour::Pink => ("pink", "?", w(lang, "pink")),
            };
            let answered = if p.answered {
                format!(" ({})", w(lang, "answered"))
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "<li class=\"{class}\"><span class=\"tag\">{mark} {word}:</span> {}{}{answered}</li>",
                e(&p.text),
                e(&author_suffix(session, p.author))
            );
        }
        let _ = writeln!(s, "</ul>");
    }

    if !session.cases.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>", w(lang, "cases"));
        for case in &session.cases {
            let _ = writeln!(s, "<h3>{}</h3>", e(&case.title));
            if let Some(p) = case.brought_by.and_then(|p| session.player(p)) {
                let _ = writeln!(
                    s,
                    "<p><em>{} {}</em></p>",
                    w(lang, "brought_by"),
                    e(&p.name)
                );
            }
            if !case.description.is_empty() {
                let _ = writeln!(s, "<p>{}</p>", e(&case.description));
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// The game (session and history) as RON, to resume or combine later.
pub fn session_ron(game: &Game) -> String {
    let pretty = ron::ser::PrettyConfig::new().struct_names(false);
    crate::core::deck::ron_options()
        .to_string_pretty(game, pretty)
        .unwrap_or_default()
}

/// Why a session file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SessionFileError {
    #[error("{file}: cannot read the file: {reason}")]
    Io { file: String, reason: String },
    #[error("{file}: this is not a session file (it is not UTF-8 text: {reason})")]
    NotText { file: String, reason: String },
    #[error(
        "{file}: {failed} of the recorded actions no longer apply, so the session cannot be rebuilt exactly; it was not changed"
    )]
    Replay { file: String, failed: usize },
    #[error("{file}:{line}:{col}: this is not a readable session file: {reason}")]
    Syntax {
        file: String,
        line: usize,
        col: usize,
        reason: String,
    },
    #[error(
        "{file}: this session file cannot be used: {reason}. It was not changed; it may have been edited by hand"
    )]
    Invalid { file: String, reason: String },
    #[error(
        "{file}: the session file is version {found}; this app reads up to version {supported}. Update the app"
    )]
    TooNew {
        file: String,
        found: u32,
        supported: u32,
    },
}

/// Reads a game from RON text and rebuilds its state from the history.
pub fn parse_game(file: &str, text: &str) -> Result<Game, SessionFileError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        base: ProbeSession,
    }
    #[derive(serde::Deserialize)]
    struct ProbeSession {
        version: u32,
    }
    let too_new = |found: u32| SessionFileError::TooNew {
        file: file.to_string(),
        found,
        supported: crate::core::session::SESSION_VERSION,
    };
    let mut game: Game = match crate::core::deck::ron_options().from_str::<Game>(text) {
        Ok(game) if game.base.version > crate::core::session::SESSION_VERSION => {
            return Err(too_new(game.base.version));
        }
        Ok(game) => game,
        Err(e) => {
            // Only when the file does not parse: is it from a newer version? Then say so, instead of
            // failing on a field this version does not know.
            let probe = crate::core::deck::ron_options()
                .from_str::<ron::Value>(text)
                .ok()
                .and_then(|v| v.into_rust::<Probe>().ok());
            if let Some(p) = probe
                && p.base.version > crate::core::session::SESSION_VERSION
            {
                return Err(too_new(p.base.version));
            }
            return Err(SessionFileError::Syntax {
                file: file.to_string(),
                line: e.span.start.line,
                col: e.span.start.col,
                reason: e.code.to_string(),
            });
        }
    };
    // Numbers and references from a file are checked before anything counts or adds with them.
    let invalid = |reason: String| SessionFileError::Invalid {
        file: file.to_string(),
        reason,
    };
    game.base.check_loaded().map_err(invalid)?;
    if game.timer.seconds > crate::core::session::MAX_CARD_SECONDS {
        return Err(invalid(format!(
            "its timer says {} seconds",
            game.timer.seconds
        )));
    }
    // A history that does not replay exactly would shift ids and lose placements: refuse it rather
    // than save a different session over it.
    let failed = game.rebuild();
    if failed > 0 {
        return Err(SessionFileError::Replay {
            file: file.to_string(),
            failed,
        });
    }
    game.session().check_loaded().map_err(invalid)?;
    Ok(game)
}

/// Reads a session file.
pub fn load_game_file(path: &Path) -> Result<Game, SessionFileError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| SessionFileError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| SessionFileError::NotText {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    parse_game(&file, &text)
}

/// The folder an export goes to by default: Documents/Leerklimaat/<date> <group>.
pub fn default_export_dir(game: &Game) -> PathBuf {
    let s = game.session();
    let base = directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(|p| p.to_path_buf()))
        .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(std::env::temp_dir);
    base.join("Leerklimaat").join(export_folder_name(s))
}

/// The name of a session's export folder: the start time and the group, with nothing but letters,
/// digits, spaces and dashes, so text from a session file (`"../../x"`, `"/etc"`) can never lead out of
/// the folder it is made in.
pub fn export_folder_name(s: &Session) -> String {
    let stamp: String = s
        .started_at
        .chars()
        .take(40)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let group: String = s
        .group
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .take(80)
        .collect();
    let name = if group.trim().is_empty() {
        stamp
    } else {
        format!("{stamp} {}", group.trim())
    };
    if name.trim_matches(['-', ' ']).is_empty() {
        "sessie".to_string()
    } else {
        name
    }
}

/// A folder that does not exist yet: `dir`, or `dir (2)`, `dir (3)`, ...
pub fn fresh_dir(dir: PathBuf) -> PathBuf {
    if !dir.exists() {
        return dir;
    }
    (2..)
        .map(|n| PathBuf::from(format!("{} ({n})", dir.display())))
        .find(|d| !d.exists())
        .unwrap_or(dir)
}

/// Writes every export format into `dir`, creating it if needed. Returns the files written.
pub fn write_all(game: &Game, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let session = game.session();
    let files: [(&str, Vec<u8>); 5] = [
        ("statements.csv", statements_csv(session)),
        ("post-its.csv", post_its_csv(session)),
        ("report.md", report_markdown(session).into_bytes()),
        ("report.html", report_html(session).into_bytes()),
        ("session.ron", session_ron(game).into_bytes()),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        let mut file = atomic_write_file::AtomicWriteFile::open(&path)?;
        std::io::Write::write_all(&mut file, &bytes)?;
        file.commit()?;
        written.push(path);
    }
    Ok(written)
}
