//! Exports: a session turned into files an organiser opens elsewhere. Two CSVs for spreadsheets
//! ([`csv`]), a Markdown and a printable HTML report rendered from one [`report::Report`], and the
//! session itself as RON ([`crate::core::session_file`]). [`write_all`] puts them in a folder inside
//! its base.

pub(crate) mod csv;
pub(crate) mod report;
pub(crate) mod report_since;
pub(crate) mod report_summary;

pub use csv::{
    actions_csv, csv_bytes, learning_csv, neutralise_cell, post_its_csv, programme_csv, review_csv,
    since_csv, statements_csv, warm_up_csv,
};
pub use report::{REPORT_CSS, html_escape, placement_chart, report_html, report_markdown};

use crate::core::session::{Game, Session};
use crate::core::session_file::session_ron;
use std::path::{Path, PathBuf};

/// The folder an export goes to by default: Documents/Leerklimaat/<date> <group>.
pub(crate) fn default_export_dir(game: &Game) -> PathBuf {
    let s = game.session();
    let base = directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(|p| p.to_path_buf()))
        .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(std::env::temp_dir);
    base.join("Leerklimaat").join(export_folder_name(s))
}

/// The longest export folder name, in bytes: inside the file system's limit with room for the number
/// [`fresh_dir`] adds (`" (12)"`).
pub const MAX_FOLDER_NAME_BYTES: usize = crate::core::files::MAX_NAME_BYTES - 15;

/// The name of a session's export folder: the start time and the group, with nothing but letters,
/// digits, spaces and dashes, so text from a session file (`"../../x"`, `"/etc"`) can never lead out of
/// the folder it is made in. At most [`MAX_FOLDER_NAME_BYTES`] bytes: 80 characters of a script of
/// three or four bytes a character are cut, on a character boundary.
pub fn export_folder_name(s: &Session) -> String {
    let stamp: String = s
        .started_at
        .chars()
        .take(40)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let group: String = s
        .group
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .take(80)
        .collect();
    let name = if group.trim().is_empty() {
        stamp
    } else {
        let name = format!("{stamp} {}", group.trim());
        crate::core::files::cut_name(&name, MAX_FOLDER_NAME_BYTES).to_string()
    };
    if name.trim_matches(['-', ' ']).is_empty() {
        "sessie".to_string()
    } else {
        name
    }
}

/// A folder that does not exist yet: `dir`, or `dir (2)`, `dir (3)`, ...
pub(crate) fn fresh_dir(dir: PathBuf) -> PathBuf {
    if !dir.exists() {
        return dir;
    }
    (2..)
        .map(|n| PathBuf::from(format!("{} ({n})", dir.display())))
        .find(|d| !d.exists())
        .unwrap_or(dir)
}

/// Writes every export format into `dir`, creating it if needed. Returns the files written. Like the
/// session files, they hold names and opinions: the files are readable by the user only, and so is a
/// folder made for them. The time
/// on the card and in the phase that was running when the game was last saved ([`Game::timer`]) is
/// counted in, so an export before the end shows the minutes used so far.
pub fn write_all(game: &Game, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    crate::core::files::create_private_dir(dir)?;
    let timer = game.timer();
    let session = &game
        .session()
        .with_running_time(timer.seconds, timer.phase_seconds);
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("statements.csv", statements_csv(session)),
        ("post-its.csv", post_its_csv(session)),
        ("actions.csv", actions_csv(session)),
        ("report.md", report_markdown(session).into_bytes()),
        ("report.html", report_html(session).into_bytes()),
        ("session.ron", session_ron(game).into_bytes()),
    ];
    // The workshop around the game, when the deck has a programme.
    if !session.programme().is_empty() {
        files.push(("programme.csv", programme_csv(session)));
        files.push(("warm-up.csv", warm_up_csv(session)));
        files.push(("learning.csv", learning_csv(session)));
    }
    // A follow-up: what changed since the session it follows, and the review of its steps.
    if session.follows.is_some() {
        files.push(("since-last-time.csv", since_csv(session)));
        files.push(("review.csv", review_csv(session)));
    }
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        crate::core::files::write_private(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// The file name of the picture of the outcome pages, which the game's renderer adds to an export.
pub const OUTCOME_PICTURE: &str = "outcome.png";

/// Whether `dir` holds an export of this same workshop (its `session.ron` started at the same moment
/// with the same deck and players), which a new export of it may update.
pub(crate) fn holds_export_of(dir: &Path, game: &Game) -> bool {
    let Ok(there) = crate::core::session_file::load_game_file(&dir.join("session.ron")) else {
        return false;
    };
    let (a, b) = (there.session(), game.session());
    a.started_at == b.started_at
        && a.deck.title == b.deck.title
        && a.players
            .iter()
            .map(|p| &p.name)
            .eq(b.players.iter().map(|p| &p.name))
}

/// Everything into one folder: the CSVs, both reports and the session file. A folder that holds an
/// earlier export of the same workshop is updated; any other existing folder is never overwritten: a
/// new one gets a number. (The picture of the outcome comes from the renderer.)
pub fn export_everything(game: &Game, folder: &std::path::Path) -> Result<PathBuf, String> {
    let dir = if holds_export_of(folder, game) {
        // An export of an earlier version may be readable by all.
        crate::core::files::make_dir_private(folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?;
        folder.to_path_buf()
    } else {
        fresh_dir(folder.to_path_buf())
    };
    write_all(game, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Opens a folder in the system's file manager (Explorer, Finder, or the desktop's through xdg-open),
/// by the `opener` crate.
pub(crate) fn open_folder(dir: &std::path::Path) -> Result<(), String> {
    opener::open(dir).map_err(|e| format!("{}: {e}", dir.display()))
}
