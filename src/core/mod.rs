//! The domain core: pure Rust, no Bevy. Decks, the session and its actions, the tally and the exports.
//!
//! The rules of the paper game (the README's *Playing*) live here: a statement is read, every player
//! places a pawn on the scale ([`session::Action::Place`], [`session::Round::First`]), green and pink
//! post-its are stuck on the card, and in the plenary every pawn is placed again ([`session::Round::Plenary`]). The
//! [`tally`] sends each statement to the green or the red stack and lists what is present, what is
//! still to develop and which questions are open. The [`programme`] is the workshop around the game:
//! the phases of a deck's programme, the warm-up's word cloud, learning questions and the closing round.

pub mod deck;
pub mod drafts;
pub mod export;
pub mod files;
pub(crate) mod fonts;
pub mod i18n;
pub mod merge;
pub mod programme;
pub mod session;
pub mod session_file;
pub mod simulate;
pub mod since;
pub mod store;
pub mod tally;
