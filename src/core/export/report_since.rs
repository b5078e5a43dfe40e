//! The report's "since last time" section, in a follow-up: what moved, what changed stack, the review
//! of last time's steps and the questions answered, as words in the session's language.

use super::report::stack_word;
use crate::core::i18n::texts;
use crate::core::session::Session;
use crate::core::tally::Tally;

/// In a follow-up: what changed since the session it follows, each part a title with its lines.
pub(crate) struct SinceSection {
    pub(crate) heading: String,
    pub(crate) compared: String,
    pub(crate) parts: Vec<(String, Vec<String>)>,
}

impl SinceSection {
    pub(super) fn build(session: &Session, t: &Tally) -> Option<SinceSection> {
        let since = crate::core::since::since_last_time(session, t)?;
        let lang = session.language;
        let texts = texts();
        let w = |id: &str| texts.get(lang, id);
        let or_none = |lines: Vec<String>, none: &str| {
            if lines.is_empty() {
                vec![w(none)]
            } else {
                lines
            }
        };
        let moved = since.moved.iter().map(|m| m.line(lang)).collect();
        let changed = since
            .changed_stack
            .iter()
            .map(|c| c.line(|s| stack_word(lang, Some(s))))
            .collect();
        let mut parts = vec![
            (w("since-moved"), or_none(moved, "since-moved-none")),
            (w("since-stack"), or_none(changed, "since-stack-none")),
        ];
        if !since.steps.is_empty() {
            let summary = crate::core::since::review_summary(session, texts);
            let lines = since
                .steps
                .iter()
                .map(|(step, review)| {
                    let status = review.as_ref().and_then(|r| r.status);
                    let mut line = format!(
                        "{} {} — {}",
                        status.map_or("○", |s| s.sign()),
                        step.text,
                        status.map_or_else(|| w("review-unmarked"), |s| w(s.key()))
                    );
                    if let Some(said) = review.as_ref().map(|r| &r.line).filter(|l| !l.is_empty()) {
                        line = format!("{line}: {said}");
                    }
                    line
                })
                .collect();
            parts.push((format!("{} — {summary}", w("since-steps")), lines));
        }
        if since.questions.1 > 0 {
            let answered = texts.format(
                lang,
                "since-open",
                &[
                    ("answered", since.questions.0.into()),
                    ("count", since.questions.1.into()),
                ],
            );
            let open: Vec<String> = session
                .follows
                .iter()
                .flat_map(|l| &l.questions)
                .filter(|q| !session.answered_before.contains(&q.id))
                .map(|q| format!("? {}", q.text))
                .collect();
            parts.push((answered, open));
        }
        Some(SinceSection {
            heading: w("outcome-since"),
            compared: texts.format(
                lang,
                "since-compared",
                &[
                    ("group", since.group.as_str().into()),
                    ("date", since.date.as_str().into()),
                ],
            ),
            parts,
        })
    }
}
