//! Session files on disk: crash-safe saves, the list of past sessions, and damaged files set aside.
//!
//! Every save writes the whole session (with its history) to a new file, fsyncs it and renames it over
//! the old one (`atomic-write-file`, which also syncs the folder). So the file on disk is always one
//! complete session: the one before the save or the one after it, never a mix. A save never touches
//! another session's file.

use crate::core::session::{Game, Stage};
use crate::core::session_file::{SessionFileError, load_game_file, session_ron};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// The ending of a session file's name.
pub(crate) const SESSION_SUFFIX: &str = ".session.ron";
/// The ending given to a file that could not be read, so that it is kept but never loaded or overwritten.
pub const DAMAGED_SUFFIX: &str = ".damaged";

/// The folder sessions are saved in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub(crate) dir: PathBuf,
}

/// One past session, as the setup screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub path: PathBuf,
    pub started_at: String,
    pub deck: String,
    pub group: String,
    pub players: Vec<String>,
    pub stage: Stage,
    /// Cards visited during play, and the number of statements in the deck.
    pub progress: (usize, usize),
    pub modified: SystemTime,
    /// Finished with *Afronden* at the end of the programme, or marked finished in the list.
    pub finished: bool,
}

impl Listing {
    /// Whether the session is one to offer to continue: someone played it and it is not finished.
    /// A crash on the outcome or in the closing round is offered too: the next steps and what stayed
    /// with the players are typed there.
    pub(crate) fn worth_resuming(&self) -> bool {
        !self.finished && !self.players.is_empty()
    }
}

/// The session to offer to continue, from a list of sessions newest first: the newest worth resuming
/// that no other window has open, and not `open_here` (the session this window has open).
pub(crate) fn to_resume<'a>(
    listings: &'a [Listing],
    open_here: Option<&Path>,
) -> Option<&'a Listing> {
    listings.iter().find(|l| {
        l.worth_resuming() && Some(l.path.as_path()) != open_here && !open_elsewhere(&l.path)
    })
}

/// A session file held by one window of the app: while this lives, no other window (or second copy of
/// the app, started by a double click on a slow laptop) opens or writes that session. The lock is an
/// operating-system lock on `SESSION.lock`, so it ends with the process, also after a crash.
#[derive(Debug)]
pub struct SessionLock {
    _file: std::fs::File,
    pub(crate) session: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    #[error(
        "{0}: this session is open in another Leerklimaat window; continue it there, or close that window first"
    )]
    Elsewhere(String),
    #[error(
        "{file}: the session's folder cannot be written to ({reason}), so it cannot be continued there; continue from a copy in the sessions folder, or make the folder writable"
    )]
    ReadOnly { file: String, reason: String },
    #[error("{file}: cannot lock the session: {reason}")]
    Io { file: String, reason: String },
}

/// The lock file of a session file.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the lock of a session file for this window.
pub fn lock_session(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let io = |e: std::io::Error| {
        let (file, reason) = (session.display().to_string(), e.to_string());
        match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                LockError::ReadOnly { file, reason }
            }
            _ => LockError::Io { file, reason },
        }
    };
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(SessionLock {
            _file: file,
            session: session.to_path_buf(),
        }),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(LockError::Elsewhere(session.display().to_string()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

/// Whether another window holds the session (this looks, and lets go at once).
pub fn open_elsewhere(session: &Path) -> bool {
    lock_path(session).exists() && matches!(lock_session(session), Err(LockError::Elsewhere(_)))
}

/// A file that could not be read, and where it was put aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged {
    pub message: String,
    pub(crate) moved_to: Option<PathBuf>,
}

impl Store {
    /// The user's data folder for the app (`~/.local/share/leerklimaat/sessions` on Linux), or `None`
    /// when the system has no home folder.
    pub fn user_default() -> Option<Store> {
        directories::ProjectDirs::from("nl", "Leerklimaat", "leerklimaat").map(|d| Store {
            dir: d.data_dir().join("sessions"),
        })
    }

    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// A new file name for a session started at `started_at`, not used yet.
    pub fn new_path(&self, started_at: &str) -> PathBuf {
        let stamp: String = started_at
            .chars()
            .map(|c| if c.is_ascii_digit() { c } else { '-' })
            .collect();
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut n = 0u32;
        loop {
            let name = format!("{stamp}-{:05x}{}", (nanos >> 8) + n, SESSION_SUFFIX);
            let path = self.dir.join(name);
            if !path.exists() {
                return path;
            }
            n += 1;
        }
    }

    /// Saves a game crash-safely. Returns how long it took.
    pub fn save(&self, path: &Path, game: &Game) -> std::io::Result<Duration> {
        std::fs::create_dir_all(&self.dir)?;
        save_to(path, game)
    }
}

/// Saves a game crash-safely to any file (its folder must exist). Returns how long it took.
pub(crate) fn save_to(path: &Path, game: &Game) -> std::io::Result<Duration> {
    let start = Instant::now();
    let text = session_ron(game);
    // Names and opinions of the participants: readable by the user only.
    crate::core::files::write_private(path, text.as_bytes())?;
    Ok(start.elapsed())
}

impl Store {
    /// Every readable session, newest first, and the files that were damaged (now set aside).
    pub fn list(&self) -> (Vec<Listing>, Vec<Damaged>) {
        let mut listings = Vec::new();
        let mut damaged = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return (listings, damaged);
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if is_leftover_temp(&path) {
                let _ = std::fs::remove_file(&path);
                continue;
            }
            let is_session = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(SESSION_SUFFIX));
            if !is_session {
                continue;
            }
            match self.open(&path) {
                // A session nobody typed anything into (an earlier version saved one at every
                // start) is not worth a line in the list.
                Ok(game) if game.session().is_blank() => {}
                Ok(game) => listings.push(listing(&path, &game)),
                Err(d) => damaged.push(d),
            }
        }
        listings.sort_by_key(|l| std::cmp::Reverse(l.modified));
        (listings, damaged)
    }

    /// Reads a session file. A session file of this folder whose content cannot be used (cut off,
    /// edited by hand, not text) is set aside as `*.damaged` and reported; a file that cannot be opened
    /// (permissions, a passing I/O error), that a newer version of the app wrote, that is no ordinary
    /// file (a pipe, a device, a folder) or far too big to be a session, or that lies elsewhere is
    /// only reported, and never read.
    pub fn open(&self, path: &Path) -> Result<Game, Damaged> {
        match load_game_file(path) {
            Ok(game) => Ok(game),
            // Not damaged: written by a newer copy of the app. It is left where it is, so that copy
            // still finds it, and reported.
            // Nor is what is no session file at all: it was not read, and is left alone.
            Err(
                e @ (SessionFileError::Io { .. }
                | SessionFileError::TooNew { .. }
                | SessionFileError::Folder { .. }
                | SessionFileError::NotAFile { .. }
                | SessionFileError::TooBig { .. }),
            ) => Err(Damaged {
                message: e.to_string(),
                moved_to: None,
            }),
            Err(e) => {
                let ours = path.parent() == Some(self.dir.as_path())
                    && path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.ends_with(SESSION_SUFFIX));
                let moved_to = if ours { set_aside(path) } else { None };
                let message = match &moved_to {
                    Some(to) => format!("{e} (kept as {})", to.display()),
                    None => e.to_string(),
                };
                Err(Damaged { message, moved_to })
            }
        }
    }

    /// The newest session not finished and not open in another window: the one to offer to continue
    /// (see [`to_resume`]).
    pub fn unfinished(&self) -> Option<Listing> {
        to_resume(&self.list().0, None).cloned()
    }

    /// Deletes a session file (and its lock file), unless another window has it open.
    pub(crate) fn delete(&self, path: &Path) -> std::io::Result<()> {
        let lock = lock_session(path).map_err(|e| std::io::Error::other(e.to_string()))?;
        std::fs::remove_file(path)?;
        drop(lock);
        let _ = std::fs::remove_file(lock_path(path));
        Ok(())
    }
}

/// A temporary file a killed save left behind: `.NAME.session.ron.XXXXXX`, older than a minute (a
/// save in progress in another window is younger). On Linux saves use unnamed temporary files, which
/// vanish with the process; other systems name them like this.
pub(crate) fn is_leftover_temp(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some((base, random)) = name.strip_prefix('.').and_then(|n| n.rsplit_once('.')) else {
        return false;
    };
    base.ends_with(SESSION_SUFFIX)
        && random.len() == 6
        && std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(60))
}

/// Renames a damaged file to `NAME.damaged` (or `NAME.2.damaged`, ...), so it is kept but not read again.
pub(crate) fn set_aside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?.to_string();
    let target = (1..1000).map(|n| {
        if n == 1 {
            path.with_file_name(format!("{name}{DAMAGED_SUFFIX}"))
        } else {
            path.with_file_name(format!("{name}.{n}{DAMAGED_SUFFIX}"))
        }
    });
    for t in target {
        if !t.exists() {
            return std::fs::rename(path, &t).ok().map(|()| t);
        }
    }
    None
}

fn listing(path: &Path, game: &Game) -> Listing {
    let s = game.session();
    Listing {
        path: path.to_path_buf(),
        started_at: s.started_at.clone(),
        deck: s.deck.title.clone(),
        group: s.group.clone(),
        players: s.players.iter().map(|p| p.name.clone()).collect(),
        stage: s.stage,
        progress: (s.statements_discussed(), s.deck.statements.len()),
        finished: s.finished,
        modified: std::fs::metadata(path)
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH),
    }
}
