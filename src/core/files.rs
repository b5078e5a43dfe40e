//! Files as the game reads and writes them: only ordinary files, read with a hard size limit (a pipe,
//! `/dev/zero` or a huge file never hangs or exhausts the game), written readable by the user only,
//! and named within the file system's limit.

use std::io::Read as _;
use std::path::Path;

/// The longest file or folder name most file systems take, in bytes.
pub(crate) const MAX_NAME_BYTES: usize = 255;

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadProblem {
    /// The path is a folder.
    Folder,
    /// A pipe, a device or a socket: reading it could block or never end.
    NotAFile,
    /// Larger than the limit, in bytes.
    TooBig(u64),
    /// It cannot be found or looked at (missing, a link that loops, a folder that may not be read).
    Open(std::io::Error),
    /// It cannot be read (permissions, an I/O error).
    Read(std::io::Error),
}

/// Reads an ordinary file (a link to one is followed) of at most `max` bytes.
pub(crate) fn read_ordinary_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadProblem> {
    // Only the kind of file is asked first: opening a pipe would already block.
    let meta = std::fs::metadata(path).map_err(ReadProblem::Open)?;
    if meta.is_dir() {
        return Err(ReadProblem::Folder);
    }
    if !meta.is_file() {
        return Err(ReadProblem::NotAFile);
    }
    if meta.len() > max {
        return Err(ReadProblem::TooBig(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadProblem::Read)?;
    // The file may have been swapped since it was looked at: ask the open file again, and read with a
    // hard limit whatever its size said a moment ago.
    if !file.metadata().map_err(ReadProblem::Read)?.is_file() {
        return Err(ReadProblem::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Read)?;
    if bytes.len() as u64 > max {
        return Err(ReadProblem::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The first `max` bytes of an ordinary file, to tell what it holds
/// ([`crate::core::session_file::file_kind`]); nothing for a pipe (which would block), a folder or a
/// file that cannot be read, which the loader then explains.
pub fn read_head(path: &Path, max: u64) -> Vec<u8> {
    let mut head = Vec::new();
    if std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && let Ok(file) = std::fs::File::open(path)
        && file.metadata().is_ok_and(|m| m.is_file())
    {
        let _ = file.take(max).read_to_end(&mut head);
    }
    head
}

/// `name` cut to at most `max` bytes, on a character boundary (and without a space or a dash it would
/// end in after the cut).
pub(crate) fn cut_name(name: &str, max: usize) -> &str {
    if name.len() <= max {
        return name;
    }
    name[..name.floor_char_boundary(max)].trim_end_matches([' ', '-'])
}

/// Writes a file crash-safely (a temporary file renamed over it), readable by the user only on
/// systems that have such permissions.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    std::io::Write::write_all(&mut file, bytes)?;
    file.commit()
}

/// Creates a folder and the folders above it that are missing, each readable by the user only on
/// systems that have such permissions. An existing folder is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Makes an existing folder readable by the user only, on systems that have such permissions.
pub(crate) fn make_dir_private(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
