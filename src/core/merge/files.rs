//! The overview's files: the CSVs, the HTML page with the heatmap first, and the heatmap as a picture.
//! A group too small to show has its name and why in each of them, and none of its numbers.

use super::{Overview, RowOrder};
use crate::core::export::{csv_bytes, html_escape, neutralise_cell};
use crate::core::i18n::{decimal, decimal_or_empty as num, texts, tr};
use crate::core::session::{Lang, Stack};
use fluent_bundle::FluentValue;
use std::fmt::Write as _;

/// The questions that come back shown in the HTML; every open question is in the CSV.
const RECURRING_SHOWN: usize = 8;

/// Every file of the overview, by name: what `merge --out` and the app's export write.
pub fn overview_files(o: &Overview, lang: Lang) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    Ok(vec![
        ("overview.html", overview_html(o, lang).into_bytes()),
        ("overview.png", super::heatmap_png(o, lang)?),
        ("overview.csv", overview_csv(o, lang)),
        ("overview-long.csv", overview_long_csv(o)),
        ("overview-questions.csv", questions_csv(o, lang)),
    ])
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

/// The overview as tidy data, for a pivot table, `DuckDB` or Spark: one row per group session ×
/// statement, comma-separated, numbers with a decimal point, and column names that do not change with
/// the language. A group too small to show has its rows, with `counted` false and no numbers.
pub fn overview_long_csv(o: &Overview) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record([
        "group",
        "session_started",
        "session_in_group",
        "players",
        "counted",
        "statement_id",
        "statement",
        "placed",
        "round",
        "mean",
        "spread",
        "stack",
        "change_since_previous",
        "steps_done_since_previous",
        "steps_agreed_previous",
    ]);
    let n = |v: f64| format!("{v:.3}");
    for st in &o.statements {
        for (col, cell) in o.columns.iter().zip(&st.cells) {
            let mut row = vec![
                neutralise_cell(&col.name),
                neutralise_cell(&col.started_at),
                col.nth.to_string(),
                col.players.to_string(),
                (!col.too_small).to_string(),
                neutralise_cell(&st.id),
                neutralise_cell(&st.text),
            ];
            match cell {
                Some(c) => row.extend([
                    c.placed.to_string(),
                    if c.plenary { "plenary" } else { "first" }.to_string(),
                    n(c.mean),
                    n(c.spread),
                    match c.stack {
                        Some(Stack::Green) => "green",
                        Some(Stack::Red) => "red",
                        None => "",
                    }
                    .to_string(),
                    c.change.map(n).unwrap_or_default(),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), 6)),
            }
            match col.steps_done {
                Some((done, agreed)) => row.extend([done.to_string(), agreed.to_string()]),
                None => row.extend([String::new(), String::new()]),
            }
            let _ = w.write_record(&row);
        }
    }
    w.into_inner().unwrap_or_default()
}

/// The overview as a self-contained printable HTML page: the heatmap first, then the questions that
/// come back, each group's line over its sessions, the numbers per statement, and the rest.
pub fn overview_html(o: &Overview, lang: Lang) -> String {
    let w = |id: &str| html_escape(&tr(lang, id));
    let f =
        |id: &str, args: &[(&str, FluentValue<'_>)]| html_escape(&texts().format(lang, id, args));
    let e = html_escape;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}\nbody{{max-width:80rem}} .heat svg{{width:100%;height:auto}} .spark{{vertical-align:middle}} .small{{color:#555}} @page{{size:A4 landscape;margin:12mm}}</style>\n</head>\n<body>\n",
        lang.code(),
        w("overview-title"),
        crate::core::export::REPORT_CSS
    );
    let _ = writeln!(s, "<h1>{}</h1>", w("overview-heading"));
    let _ = writeln!(
        s,
        "<p>{}</p>",
        f(
            "overview-counted",
            &[
                ("groups", FluentValue::from(o.counted_groups())),
                (
                    "sessions",
                    FluentValue::from(o.columns.iter().filter(|c| !c.too_small).count())
                ),
                ("min", FluentValue::from(o.min_players)),
            ]
        )
    );
    let order = match o.order {
        RowOrder::Deck => "overview-order-deck",
        RowOrder::Red => "overview-order-red",
        RowOrder::Disagreement => "overview-order-disagreement",
    };
    let _ = writeln!(s, "<p class=\"small\">{}</p>", w(order));
    let _ = writeln!(
        s,
        "<div class=\"heat\">{}</div>",
        super::heatmap_svg(o, lang)
    );
    let small: Vec<_> = o.columns.iter().filter(|c| c.too_small).collect();
    if !small.is_empty() {
        let _ = writeln!(s, "<ul class=\"small\">");
        for c in small {
            let _ = writeln!(
                s,
                "<li>{} ({}): {}</li>",
                e(&c.name),
                e(&c.started_at),
                f(
                    "overview-too-small",
                    &[
                        ("players", FluentValue::from(c.players)),
                        ("min", FluentValue::from(o.min_players)),
                    ]
                )
            );
        }
        let _ = writeln!(s, "</ul>");
    }

    let _ = writeln!(s, "<h2>{}</h2>", w("overview-recurring"));
    if o.recurring.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", w("overview-recurring-none"));
    }
    for q in o.recurring.iter().take(RECURRING_SHOWN) {
        let _ = writeln!(
            s,
            "<h3>{} <span class=\"small\">· {}</span></h3>\n<ul>",
            e(&q.word.split(" · ").take(3).collect::<Vec<_>>().join(" · ")),
            f(
                "overview-recurring-count",
                &[
                    ("groups", FluentValue::from(q.groups)),
                    ("total", FluentValue::from(o.counted_groups())),
                ]
            )
        );
        for (g, texts) in &q.by_group {
            let mut line = texts
                .iter()
                .take(2)
                .map(|t| format!("? {}", e(t)))
                .collect::<Vec<_>>()
                .join(" · ");
            if texts.len() > 2 {
                let _ = write!(line, " (+{})", texts.len() - 2);
            }
            let _ = writeln!(
                s,
                "<li class=\"pink\"><strong>{}</strong>: {line}</li>",
                e(g)
            );
        }
        let _ = writeln!(s, "</ul>");
    }

    let over_time: Vec<_> = o
        .chains
        .iter()
        .filter(|c| c.means.iter().flatten().count() >= 2)
        .collect();
    if !over_time.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ul>", w("overview-over-time"));
        for c in over_time {
            let points: Vec<String> = c
                .columns
                .iter()
                .zip(&c.means)
                .filter_map(|(col, m)| {
                    m.map(|m| format!("{} {}", e(&o.columns[*col].started_at), decimal(lang, m, 2)))
                })
                .collect();
            let steps: Vec<String> = c
                .columns
                .iter()
                .filter_map(|col| {
                    let col = &o.columns[*col];
                    let (done, count) = col.steps_done?;
                    Some(texts().format(
                        lang,
                        "overview-steps-done",
                        &[
                            ("date", col.started_at.as_str().into()),
                            ("done", done.into()),
                            ("count", count.into()),
                        ],
                    ))
                })
                .collect();
            let steps = if steps.is_empty() {
                String::new()
            } else {
                format!("<br><small>{}</small>", e(&steps.join(" · ")))
            };
            let _ = writeln!(
                s,
                "<li><strong>{}</strong> {} {}{steps}</li>",
                e(&c.name),
                sparkline(&c.means, o),
                points.join(" → ")
            );
        }
        let _ = writeln!(s, "</ul>");
    }

    let _ = writeln!(s, "<h2>{}</h2>", w("overview-per-statement"));
    let _ = writeln!(
        s,
        "<table class=\"overview\"><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        w("overview-statement"),
        w("overview-col-groups"),
        w("export-green"),
        w("export-red"),
        w("export-mean-plenary"),
        w("overview-col-spread"),
        w("overview-col-disagreement"),
        w("export-shift")
    );
    for (i, st) in o.statements.iter().enumerate() {
        let _ = writeln!(
            s,
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">+ {}</td><td class=\"n\">! {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            i + 1,
            e(&st.text),
            st.groups,
            st.green,
            st.red,
            num(lang, st.mean),
            num(lang, st.spread),
            num(lang, st.disagreement),
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

/// A small line of a group's means over its sessions, on the deck's scale.
fn sparkline(means: &[Option<f64>], o: &Overview) -> String {
    let (low, high) = o
        .statements
        .iter()
        .flat_map(|st| st.cells.iter().flatten())
        .map(|c| c.scale)
        .next()
        .unwrap_or((1, 4));
    let (w, h) = (140.0, 36.0);
    let span = f64::from((high - low).max(1));
    let step = w / (means.len().max(2) - 1) as f64;
    let points: Vec<String> = means
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            m.map(|m| {
                format!(
                    "{:.1},{:.1}",
                    i as f64 * step,
                    h - 4.0 - (m - f64::from(low)) / span * (h - 8.0)
                )
            })
        })
        .collect();
    format!(
        "<svg class=\"spark\" width=\"{w}\" height=\"{h}\" viewBox=\"-4 0 {} {h}\"><polyline fill=\"none\" stroke=\"#542788\" stroke-width=\"3\" points=\"{}\"/></svg>",
        w + 8.0,
        points.join(" ")
    )
}
