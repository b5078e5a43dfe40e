//! Drafts: text typed into a field and not entered yet. They are saved with the session (not as
//! actions: undo never touches them), so a crash, a closed window, a screen change or a resume gives
//! every word back to the field it was typed in. Each field has its own key, so a field never shows
//! another field's text.

use crate::core::session::{CardRef, PlayerId, PostItId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest draft a session file may hold (the longest field takes a case's description).
pub(crate) const MAX_DRAFT_CHARS: usize = crate::core::session::MAX_CASE_DESCRIPTION_CHARS;
/// The most drafts a session file may hold: every field of a full programme, with room to spare.
pub(crate) const MAX_DRAFTS: usize = 2000;

/// The field a draft was typed into.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DraftField {
    /// The new post-it on a card.
    PostIt(CardRef),
    /// The editor of a post-it.
    EditPostIt(PostItId),
    /// The new case's title and description.
    CaseTitle,
    CaseDescription,
    /// The next step being typed on the outcome, its moment, and the name of someone not playing.
    NextStep,
    NextStepDue,
    NextStepOwner,
    /// The answer typed in a phase of the programme (by its place in the programme), for a player or
    /// (warm-up words) for the group.
    Programme {
        phase: usize,
        player: Option<PlayerId>,
    },
    /// In a follow-up's review, the line of what became of a step of last time (by its number).
    ReviewLine(u32),
}

/// Every draft, by field.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Drafts(BTreeMap<DraftField, String>);

impl Drafts {
    /// What the field shows: its draft, or else `saved` (the text the session holds for it, or none).
    pub fn text_or(&self, field: &DraftField, saved: &str) -> String {
        self.0
            .get(field)
            .cloned()
            .unwrap_or_else(|| saved.to_string())
    }

    /// The draft of a field, if it has one.
    pub fn get(&self, field: &DraftField) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Keeps what a field shows now. Text equal to what the session holds (`saved`), or nothing but
    /// spaces where the session holds nothing, is no draft.
    pub fn keep(&mut self, field: DraftField, text: &str, saved: &str) {
        let nothing = text == saved || (saved.is_empty() && text.trim().is_empty());
        if nothing {
            self.0.remove(&field);
        } else if self.0.get(&field).map(String::as_str) != Some(text) {
            self.0.insert(field, text.to_string());
        }
    }

    /// Lets a field's draft go: its action was accepted, or the user threw it away.
    pub(crate) fn clear(&mut self, field: &DraftField) {
        self.0.remove(field);
    }

    /// Lets go of every draft for which `keep` says no.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&DraftField) -> bool) {
        self.0.retain(|f, _| keep(f));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&DraftField, &str)> {
        self.0.iter().map(|(f, t)| (f, t.as_str()))
    }

    /// A session file's drafts, checked before the game shows them.
    pub(crate) fn check_loaded(&self) -> Result<(), String> {
        if self.0.len() > MAX_DRAFTS {
            return Err(format!(
                "it holds {} drafts (at most {MAX_DRAFTS})",
                self.0.len()
            ));
        }
        for (field, text) in &self.0 {
            let len = text.chars().count();
            if len > MAX_DRAFT_CHARS {
                return Err(format!(
                    "the draft of {field:?} has {len} characters (at most {MAX_DRAFT_CHARS})"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_only_what_differs_from_the_saved_text() {
        let mut d = Drafts::default();
        let field = DraftField::EditPostIt(PostItId(3));
        d.keep(field.clone(), "old text", "old text");
        assert!(d.is_empty(), "the saved text is no draft");
        d.keep(field.clone(), "old text, and more", "old text");
        assert_eq!(d.get(&field), Some("old text, and more"));
        assert_eq!(d.text_or(&field, "old text"), "old text, and more");
        d.keep(DraftField::CaseTitle, "   ", "");
        assert_eq!(d.len(), 1, "spaces in an empty field are no draft");
        // The same field back to the saved text: the draft goes.
        d.keep(field.clone(), "old text", "old text");
        assert!(d.is_empty());
        // Another field never shows this field's text.
        d.keep(DraftField::NextStep, "plan", "");
        assert_eq!(d.text_or(&DraftField::NextStepDue, ""), "");
        d.clear(&DraftField::NextStep);
        assert!(d.is_empty());
    }

    #[test]
    fn a_file_with_a_huge_draft_is_refused() {
        let mut d = Drafts::default();
        d.keep(
            DraftField::CaseDescription,
            &"x".repeat(MAX_DRAFT_CHARS),
            "",
        );
        assert!(d.check_loaded().is_ok());
        d.keep(
            DraftField::CaseDescription,
            &"x".repeat(MAX_DRAFT_CHARS + 1),
            "",
        );
        assert!(d.check_loaded().is_err());
    }
}
