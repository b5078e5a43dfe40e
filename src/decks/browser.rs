//! The folder the in-app file dialog shows, read from disk by the world systems when the facilitator
//! opens a folder: the dialog itself ([`super::ui::file_dialog`]) only draws it.

use std::path::{Path, PathBuf};

/// A folder being browsed for a deck file.
#[derive(Debug, Clone)]
pub struct FileBrowser {
    pub(crate) dir: PathBuf,
    /// The folders and deck files of `dir`, read once when the folder is opened, not on every pass.
    pub(crate) listing: Result<(Vec<PathBuf>, Vec<PathBuf>), String>,
}

impl FileBrowser {
    pub(crate) fn new(dir: PathBuf) -> Self {
        let listing = browse(&dir);
        FileBrowser { dir, listing }
    }

    /// Opens another folder.
    pub(crate) fn go(&mut self, dir: PathBuf) {
        *self = FileBrowser::new(dir);
    }
}

/// The folders and deck files in `dir`, folders first, both sorted by name.
pub(crate) fn browse(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for e in entries.flatten() {
        let p = e.path();
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            folders.push(p);
        } else if p.to_string_lossy().ends_with(".deck.ron") {
            files.push(p);
        }
    }
    folders.sort();
    files.sort();
    Ok((folders, files))
}

/// Where a dialog opens for a folder typed as `hint`: the nearest folder on the way up that exists,
/// or the root.
pub(crate) fn start_in(hint: &Path) -> PathBuf {
    hint.ancestors()
        .find(|p| p.is_dir())
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf)
}

/// Where the deck dialog opens: the deck folder if there is one, else the home folder.
pub(crate) fn deck_start(folder: Option<&Path>) -> PathBuf {
    folder
        .filter(|d| d.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("/"))
}
