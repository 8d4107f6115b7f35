//! Reading files out of a template pack folder, contained in that folder.
//!
//! This is the one place a pack's files are read. It refuses names with `..` or
//! absolute names and anything whose canonical path (symbolic links followed)
//! lies outside the folder, and reads under a size limit. It is kept small so
//! that it can be replaced by the crate-wide contained-path resolver when that
//! lands; the callers only use [`PackFolder::list`] and [`PackFolder::read`].

use std::path::{Component, Path, PathBuf};

use crate::fsio;

/// Deepest subfolder listed (0: only the folder itself).
const MAX_DEPTH: usize = 4;

/// Most files listed in a pack.
const MAX_FILES: usize = 200;

/// A pack folder whose files are read only through contained paths.
#[derive(Debug, Clone)]
pub struct PackFolder {
    /// The folder as the user named it, for messages.
    shown: PathBuf,
    /// Its canonical path.
    root: PathBuf,
}

impl PackFolder {
    /// Opens `dir`, which must be a directory.
    pub fn open(dir: &Path) -> Result<Self, String> {
        let root = dir
            .canonicalize()
            .map_err(|e| format!("Der Vorlagenordner `{}` kann nicht gelesen werden: {}.", dir.display(), fsio::describe_io(&e)))?;
        if !root.is_dir() {
            return Err(format!("`{}` ist kein Ordner.", dir.display()));
        }
        Ok(Self { shown: dir.to_path_buf(), root })
    }

    /// The folder as the user named it.
    #[must_use]
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// `name` inside the folder as the user sees it (`vorlagen/bilder/logo.png`).
    #[must_use]
    pub fn display(&self, name: &str) -> String {
        self.shown.join(name).display().to_string()
    }

    /// Every file below the folder (relative `/`-separated names, sorted), hidden ones left out.
    ///
    /// A name whose file lies outside the folder (through a symbolic link) is listed too:
    /// [`PackFolder::read`] refuses it with a message naming it.
    pub fn list(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        self.walk(&self.root.clone(), "", 0, &mut out)?;
        out.sort();
        Ok(out)
    }

    fn walk(&self, dir: &Path, prefix: &str, depth: usize, out: &mut Vec<String>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| format!("Der Vorlagenordner `{}` kann nicht gelesen werden: {}.", self.shown.display(), fsio::describe_io(&e)))?;
        let mut names: Vec<(String, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().to_str().map(|n| (n.to_owned(), e.path())))
            .filter(|(n, _)| !n.starts_with('.'))
            .collect();
        names.sort();
        for (name, path) in names {
            let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
            // `symlink_metadata`: a linked folder is not walked into (its files would be outside).
            let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
            if is_dir {
                if depth < MAX_DEPTH {
                    self.walk(&path, &rel, depth + 1, out)?;
                }
                continue;
            }
            if out.len() >= MAX_FILES {
                return Err(format!("Im Vorlagenordner `{}` liegen mehr als {MAX_FILES} Dateien.", self.shown.display()));
            }
            out.push(rel);
        }
        Ok(())
    }

    /// Reads the regular file `name` (relative, `/`-separated) of the folder, at most `limit` bytes.
    ///
    /// Refused: absolute names, `.` or `..` parts, files that are not regular files, and files
    /// whose canonical path lies outside the folder.
    pub fn read(&self, name: &str, limit: usize) -> Result<Vec<u8>, String> {
        let path = self.resolve(name)?;
        let bytes = fsio::read_bounded(&path, limit)
            .map_err(|e| format!("`{}` kann nicht gelesen werden: {}.", self.display(name), fsio::describe_io(&e)))?;
        if bytes.len() > limit {
            return Err(format!("`{}` ist größer als {} KiB.", self.display(name), limit / 1024));
        }
        Ok(bytes)
    }

    fn resolve(&self, name: &str) -> Result<PathBuf, String> {
        let plain = !name.is_empty() && Path::new(name).components().all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(format!("Der Dateiname `{name}` ist im Vorlagenordner nicht erlaubt: nur Namen innerhalb des Ordners, ohne `..`."));
        }
        let canonical = self
            .root
            .join(name)
            .canonicalize()
            .map_err(|e| format!("`{}` kann nicht gelesen werden: {}.", self.display(name), fsio::describe_io(&e)))?;
        if !canonical.starts_with(&self.root) {
            return Err(format!(
                "`{}` verweist auf eine Datei außerhalb des Vorlagenordners; sie wird nicht gelesen. \
                 Legen Sie die Datei selbst in den Ordner, statt auf sie zu verweisen.",
                self.display(name)
            ));
        }
        if !canonical.is_file() {
            return Err(format!("`{}` ist keine gewöhnliche Datei.", self.display(name)));
        }
        Ok(canonical)
    }
}
