//! Tools for developers, not for the room: the scripted demo that saves a PNG of every screen, the
//! frame-time probe, the screen map that aims the end-to-end suite, and the soak run.

pub mod demo;
pub(crate) mod input_trace;
pub mod probe;
pub mod screen_map;
pub(crate) mod soak;
