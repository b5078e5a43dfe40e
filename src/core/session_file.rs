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

/// What a file given as the program's only argument holds (a file manager's double-click).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A deck, to play in a new game.
    Deck,
    /// A saved session, to continue where it was left.
    Session,
}

/// Tells a session file from a deck by its name (`*.session.ron`, or an export's `session.ron`;
/// `*.deck.ron`), and otherwise by `head`, the file's first bytes: a session file's first field is
/// `base`. Anything else is taken for a deck, whose loader says what is wrong with it.
pub fn file_kind(path: &Path, head: &[u8]) -> FileKind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".session.ron") || name == "session.ron" {
        return FileKind::Session;
    }
    if name.ends_with(".deck.ron") {
        return FileKind::Deck;
    }
    if first_field(head) == Some("base") {
        FileKind::Session
    } else {
        FileKind::Deck
    }
}

/// The name of the first field of a RON struct at the start of `head`, past a byte-order mark,
/// white space, comments and `#![enable(…)]` lines.
fn first_field(head: &[u8]) -> Option<&str> {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // Cut in the middle of a character: what comes before it is enough.
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    let mut rest = text.trim_start_matches('\u{feff}');
    let mut opened = false;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if !opened && rest.starts_with("#!") {
            rest = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if !opened && let Some(r) = rest.strip_prefix('(') {
            opened = true;
            rest = r;
        } else if opened {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            return (end > 0).then(|| &rest[..end]);
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod file_kind_tests {
    use super::{FileKind, file_kind};
    use std::path::Path;

    #[test]
    fn the_name_says_what_a_file_is() {
        let none = b"";
        assert_eq!(
            file_kind(Path::new("/x/Team Noord.session.ron"), none),
            FileKind::Session
        );
        assert_eq!(
            file_kind(Path::new("C:/export/SESSION.RON"), none),
            FileKind::Session
        );
        assert_eq!(
            file_kind(Path::new("mijn.deck.ron"), b"(base: ("),
            FileKind::Deck
        );
    }

    #[test]
    fn a_name_that_does_not_say_is_read_at_its_first_field() {
        let session =
            "\u{feff}// saved by Leerklimaat\n/* a note */ (\n    base: (\n        version: 4,";
        assert_eq!(
            file_kind(Path::new("bijlage.ron"), session.as_bytes()),
            FileKind::Session
        );
        let deck = "#![enable(implicit_some)]\n// Mijn deck\n(\n    version: 1,\n    title: \"x\",";
        assert_eq!(
            file_kind(Path::new("bijlage.ron"), deck.as_bytes()),
            FileKind::Deck
        );
        // Binary, empty and cut-off files are decks, whose loader explains what is wrong.
        for head in [
            &b"\x00\xff\xfe"[..],
            b"",
            b"(",
            b"( /* open",
            "(basé".as_bytes(),
        ] {
            assert_eq!(file_kind(Path::new("x"), head), FileKind::Deck, "{head:?}");
        }
        // The first field, whole: "baseline" is not "base".
        assert_eq!(file_kind(Path::new("x"), b"(baseline: 1)"), FileKind::Deck);
    }

    #[test]
    fn the_built_in_session_files_are_sessions() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sessions");
        let text = std::fs::read(dir.join("v4.session.ron")).unwrap();
        assert_eq!(
            file_kind(Path::new("renamed.ron"), &text[..4096.min(text.len())]),
            FileKind::Session
        );
        let deck =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("cards/leerklimaat.deck.ron"))
                .unwrap();
        assert_eq!(
            file_kind(Path::new("renamed.ron"), &deck[..4096.min(deck.len())]),
            FileKind::Deck
        );
    }
}
