//! Saving a deck: its file name and the file.

use super::*;

/// Why a deck could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum DeckSaveError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}")]
    ReadBack(String),
    #[error("{0}: the saved deck reads back differently")]
    Differs(String),
}

/// A file name for the deck in `dir` that is not taken yet: `title.deck.ron`, `title-2.deck.ron`, ...
pub fn free_file_name(title: &str, dir: Option<&Path>) -> String {
    let name = file_name_for(title);
    let Some(dir) = dir else { return name };
    let stem = name.trim_end_matches(".deck.ron").to_string();
    (1..)
        .map(|n| {
            if n == 1 {
                name.clone()
            } else {
                format!("{stem}-{n}.deck.ron")
            }
        })
        .find(|candidate| !dir.join(candidate).exists())
        .unwrap_or(name)
}

/// A file name made from a deck title: lower case, letters and digits, `-` between words, at most
/// 200 bytes before `.deck.ron`.
pub fn file_name_for(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    // Inside the file system's limit of 255 bytes, with room for a number and a save's temporary name.
    let name = crate::core::files::cut_name(name.trim_end_matches('-'), 200);
    format!("{}.deck.ron", if name.is_empty() { "deck" } else { name })
}

/// Writes the deck as `.deck.ron`, crash-safely, and reads it back to be sure it loads identical.
pub fn save_deck(deck: &Deck, path: &Path) -> Result<PathBuf, DeckSaveError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| DeckSaveError::Io(dir.display().to_string(), e))?;
    }
    let text = deck.to_ron();
    let mut file = atomic_write_file::AtomicWriteFile::open(path)
        .map_err(|e| DeckSaveError::Io(path.display().to_string(), e))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| DeckSaveError::Io(path.display().to_string(), e))?;
    file.commit()
        .map_err(|e| DeckSaveError::Io(path.display().to_string(), e))?;
    let back = load_deck_file(path).map_err(|e| DeckSaveError::ReadBack(e.to_string()))?;
    if back != *deck {
        return Err(DeckSaveError::Differs(path.display().to_string()));
    }
    Ok(path.to_path_buf())
}
