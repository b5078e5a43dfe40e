//! Reading many session files for an overview, on both cores, with every file merged or reported.

use super::MergeInput;
use crate::core::session::Game;
use crate::core::session_file::SessionFileError;

/// Why a file could not go into the overview.
#[derive(Debug)]
pub struct MergeProblem {
    pub file: String,
    pub error: SessionFileError,
}

/// Reads session files for a merge, using both cores. Returns the readable ones and the problems.
pub fn load_for_merge(paths: &[std::path::PathBuf]) -> (Vec<MergeInput>, Vec<MergeProblem>) {
    load_for_merge_with(paths, crate::core::session_file::load_game_file)
}

/// [`load_for_merge`] with the loader given. Every file ends up merged or reported, even when the
/// loader panics on one (a bug): that file is reported, the others of its thread still load.
pub fn load_for_merge_with(
    paths: &[std::path::PathBuf],
    load: impl Fn(&std::path::Path) -> Result<Game, SessionFileError> + Sync,
) -> (Vec<MergeInput>, Vec<MergeProblem>) {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let chunk = paths.len().div_ceil(threads).max(1);
    let load = &load;
    let failed = |p: &std::path::Path, why: &str| SessionFileError::Io {
        file: p.display().to_string(),
        reason: format!("the loader stopped on this file ({why}); it was not merged"),
    };
    let mut results: Vec<Option<Result<Game, SessionFileError>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| {
                            // The overview needs the sessions as they ended, not their histories:
                            // free those here, on the worker threads, while the other files load.
                            let loaded =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(p)))
                                    .unwrap_or_else(|_| Err(failed(p, "an internal error")));
                            loaded.map(|mut g| {
                                g.forget_history();
                                g
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(paths.chunks(chunk))
            .flat_map(|(h, part)| match h.join() {
                Ok(games) => games.into_iter().map(Some).collect::<Vec<_>>(),
                Err(_) => part.iter().map(|_| None).collect(),
            })
            .collect()
    });
    let results: Vec<(usize, Result<Game, SessionFileError>)> = results
        .iter_mut()
        .enumerate()
        .map(|(i, r)| {
            (
                i,
                r.take()
                    .unwrap_or_else(|| Err(failed(&paths[i], "its thread stopped"))),
            )
        })
        .collect();
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for (i, result) in results {
        let path = &paths[i];
        match result {
            Ok(game) => {
                let group = game.session().group.trim().to_string();
                let name = if group.is_empty() {
                    path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
                } else {
                    group
                };
                inputs.push(MergeInput { name, game });
            }
            Err(error) => problems.push(MergeProblem {
                file: path.display().to_string(),
                error,
            }),
        }
    }
    (inputs, problems)
}
