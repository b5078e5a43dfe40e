//! The setup screen: the group, the players, the deck and the way of playing. Its world is empty (the
//! camera's background); everything is in the panel ([`ui`]).

pub mod ui;
