//! The outcome's "since last time" pages, in a follow-up: laid out from the session like the other
//! pages, with the same measures. Pure layout: tested without Bevy.

use super::pages::*;
use crate::core::i18n::Texts;
use crate::core::session::{Session, Stack};

/// "Since last time", in a follow-up: what moved most, what changed stack, each step of last time with
/// what became of it, and how many of last time's questions were answered. Flows over pages.
pub(super) fn since_pages(
    session: &Session,
    t: &crate::core::tally::Tally,
    texts: &Texts,
) -> Vec<Page> {
    use crate::core::since::since_last_time;
    let Some(since) = since_last_time(session, t) else {
        return Vec::new();
    };
    let lang = session.language;
    let area = content_rect();
    let width = area.width();
    let stack_word = |s: Stack| {
        texts.get(
            lang,
            match s {
                Stack::Green => "last-time-green",
                Stack::Red => "last-time-red",
            },
        )
    };
    let mut items: Vec<(f32, What, bool)> = Vec::new();
    let heading = |items: &mut Vec<(f32, What, bool)>, text: String| {
        items.push((
            text_height(&text, BODY_FONT, width),
            What::Statement { text },
            true,
        ));
    };
    let note = |items: &mut Vec<(f32, What, bool)>, text: String| {
        items.push((
            text_height(&text, BODY_FONT, width),
            What::Note { text },
            false,
        ));
    };
    note(
        &mut items,
        texts.format(
            lang,
            "since-compared",
            &[
                ("group", since.group.as_str().into()),
                ("date", since.date.as_str().into()),
            ],
        ),
    );
    heading(&mut items, texts.get(lang, "since-moved"));
    if since.moved.is_empty() {
        note(&mut items, texts.get(lang, "since-moved-none"));
    }
    for m in &since.moved {
        note(&mut items, m.line(lang));
    }
    heading(&mut items, texts.get(lang, "since-stack"));
    if since.changed_stack.is_empty() {
        note(&mut items, texts.get(lang, "since-stack-none"));
    }
    for c in &since.changed_stack {
        note(&mut items, c.line(stack_word));
    }
    if !since.steps.is_empty() {
        heading(
            &mut items,
            format!(
                "{} — {}",
                texts.get(lang, "since-steps"),
                crate::core::since::review_summary(session, texts)
            ),
        );
        for (step, review) in &since.steps {
            let status = review.as_ref().and_then(|r| r.status);
            let sign = status.map_or("○", |s| s.sign());
            let mut who = match status {
                Some(s) => texts.get(lang, s.key()),
                None => texts.get(lang, "review-unmarked"),
            };
            if let Some(line) = review.as_ref().map(|r| &r.line).filter(|l| !l.is_empty()) {
                who = format!("{who} · {line}");
            }
            let text = format!("{sign} {}", step.text);
            let h = text_height(&text, BODY_FONT, width)
                + text_height(&format!("— {who}"), BODY_FONT, width);
            items.push((h, What::Step { text, who }, false));
        }
    }
    if since.questions.1 > 0 {
        note(
            &mut items,
            texts.format(
                lang,
                "since-open",
                &[
                    ("answered", since.questions.0.into()),
                    ("count", since.questions.1.into()),
                ],
            ),
        );
    }
    let heights: Vec<f32> = items.iter().map(|i| i.0).collect();
    let keep: Vec<bool> = items.iter().map(|i| i.2).collect();
    let ranges = flow(&heights, &keep, area.height());
    let parts = ranges.len();
    ranges
        .into_iter()
        .enumerate()
        .map(|(part, range)| {
            let chunk = &items[range];
            let h: Vec<f32> = chunk.iter().map(|i| i.0).collect();
            Page {
                kind: PageKind::Since,
                part,
                parts,
                items: stack_down(area.max.y, area.min.x, width, &h)
                    .into_iter()
                    .zip(chunk)
                    .map(|(rect, (_, what, _))| Item {
                        rect,
                        what: what.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}
