//! Discovery: the paths of a review → the YAML files to check.
//!
//! A review must not stop at one bad entry, nor pass over it in silence.
//! Every entry that looks like a plan (`*.yaml`, `*.yml`) is listed, whatever
//! it is: a regular file, a symbolic link (also a loop or a link to a device),
//! a FIFO. A folder that cannot be listed is listed itself. Reading happens
//! later, in [`super::check_file`], which turns each of these into a row with
//! status Fehler and a German reason, and refuses anything but regular files.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// A path given on the command line that does not exist (or cannot be looked at).
#[derive(Debug)]
pub struct DiscoverError {
    /// The path as given.
    pub path: PathBuf,
    /// What went wrong.
    pub error: io::Error,
}

/// Expands files and directories into the YAML files to review.
///
/// Directories are walked recursively; they contribute `*.yaml` and `*.yml`
/// entries (any case), sorted by path. Hidden entries (`.git`) and symbolic
/// links to directories are skipped, so a walk always ends. Files named
/// directly are taken whatever their extension. Each file appears once;
/// `exclude` (the Träger file) never appears.
///
/// `Err` only for a path named on the command line that cannot be looked at
/// (usually a typo); everything found below a folder is listed instead.
pub fn discover(paths: &[PathBuf], exclude: Option<&Path>) -> Result<Vec<PathBuf>, DiscoverError> {
    let excluded = exclude.and_then(|p| p.canonicalize().ok());
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|error| DiscoverError { path: path.clone(), error })?;
        let mut found = Vec::new();
        if meta.is_dir() {
            walk(path, &mut found);
            found.sort();
        } else {
            found.push(path.clone());
        }
        for file in found {
            let key = file.canonicalize().unwrap_or_else(|_| file.clone());
            if excluded.as_ref() != Some(&key) && seen.insert(key) {
                out.push(file);
            }
        }
    }
    Ok(out)
}

/// Collects the plan entries below `dir`; a folder that cannot be listed is collected itself.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries {
        let Ok(entry) = entry else {
            out.push(dir.to_path_buf());
            return;
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            if is_yaml(&path) {
                out.push(path);
            }
            continue;
        };
        if kind.is_dir() {
            walk(&path, out);
        } else if is_yaml(&path) && !(kind.is_symlink() && path.is_dir()) {
            out.push(path);
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}
