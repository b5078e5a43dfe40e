//! Session files: a game (session and history) written as RON, and read back with every number and
//! reference checked and the history replayed exactly.

use crate::core::session::Game;
use std::path::Path;

/// The game (session and history) as RON, to resume or combine later.
pub fn session_ron(game: &Game) -> String {
    let pretty = ron::ser::PrettyConfig::new().struct_names(false);
    crate::core::deck::ron_options()
        .to_string_pretty(game, pretty)
        .unwrap_or_default()
}

/// The largest session file that is read: far above any workshop (a long one with hundreds of
/// post-its takes a few hundred kB), so a file this size is not a session file.
pub const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Why a session file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SessionFileError {
    #[error("{file}: cannot read the file: {reason}")]
    Io { file: String, reason: String },
    #[error(
        "{file}: this is a folder, not a session file; a session file is an ordinary file whose name ends in .session.ron"
    )]
    Folder { file: String },
    #[error(
        "{file}: this is not an ordinary file (a pipe, a device or a socket), so it was not read; a session file is an ordinary file whose name ends in .session.ron"
    )]
    NotAFile { file: String },
    #[error(
        "{file}: the file is {size_mb} MB; a session file is at most {max_mb} MB, so this is probably not a session file; it was not read"
    )]
    TooBig {
        file: String,
        size_mb: u64,
        max_mb: u64,
    },
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
        Ok(game) if game.base().version > crate::core::session::SESSION_VERSION => {
            return Err(too_new(game.base().version));
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
    game.base().check_loaded().map_err(invalid)?;
    game.drafts().check_loaded().map_err(invalid)?;
    if game.timer().seconds > crate::core::session::MAX_CARD_SECONDS
        || game.timer().phase_seconds > crate::core::session::MAX_CARD_SECONDS
    {
        return Err(invalid(format!(
            "its timer says {} seconds",
            game.timer().seconds
        )));
    }
    // Every older version reads as it is (what it lacks has a default); saved again, it is a file of
    // this version.
    game.raise_to_current_version();
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

/// Reads a session file: an ordinary file (not a pipe or a device, which could block or never end)
/// of at most [`MAX_SESSION_BYTES`].
pub fn load_game_file(path: &Path) -> Result<Game, SessionFileError> {
    use crate::core::files::{ReadProblem, read_ordinary_file};
    let file = path.display().to_string();
    let bytes = read_ordinary_file(path, MAX_SESSION_BYTES).map_err(|problem| match problem {
        ReadProblem::Folder => SessionFileError::Folder { file: file.clone() },
        ReadProblem::NotAFile => SessionFileError::NotAFile { file: file.clone() },
        ReadProblem::TooBig(size) => SessionFileError::TooBig {
            file: file.clone(),
            size_mb: size.div_ceil(1024 * 1024),
            max_mb: MAX_SESSION_BYTES / (1024 * 1024),
        },
        ReadProblem::Open(e) | ReadProblem::Read(e) => SessionFileError::Io {
            file: file.clone(),
            reason: e.to_string(),
        },
    })?;
    let text = String::from_utf8(bytes).map_err(|e| SessionFileError::NotText {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    parse_game(&file, &text)
}
