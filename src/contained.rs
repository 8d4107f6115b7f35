//! Contained paths: files read out of a folder that someone else made.
//!
//! A template folder (`--templates`/`--vorlagen`), and later a template pack,
//! comes from outside: it may hold symbolic links to system files, names with
//! `..`, or files of any size. [`Folder`] is the one way to read such a folder:
//!
//! - [`Folder::resolve`] turns a relative name (`kapitel/ziele.md`) into the
//!   canonical path of a regular file inside the folder, or refuses it: absolute
//!   names, `..`, empty parts, and anything whose canonical path (all symbolic
//!   links followed, files and directories alike) leaves the folder;
//! - [`Folder::files`] lists the files with an extension below the folder, under
//!   a limit on depth and count, and refuses the whole folder if one of them
//!   leads outside;
//! - [`Folder::read`] reads one file under a size limit and a total budget for
//!   the whole folder.
//!
//! A symbolic link that stays inside the folder is allowed. Hard links cannot be
//! told apart from ordinary files (they *are* ordinary files), so a hard link to
//! a file outside the folder is read like any other file of it; whoever can
//! create one can usually read the file anyway. The check and the read are two
//! steps: a folder changed by someone else while `mep` runs is out of scope.
//!
//! Every error is a German sentence that names the file as the user spelt it.

use std::cell::Cell;
use std::path::{Component, Path, PathBuf};

use crate::fsio;

/// The limits of reading one folder.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest single file, in bytes.
    pub max_file_bytes: usize,
    /// Most bytes read from the whole folder.
    pub max_total_bytes: usize,
    /// Most files listed by [`Folder::files`].
    pub max_files: usize,
    /// Deepest subfolder listed by [`Folder::files`] (0: only the folder itself).
    pub max_depth: usize,
}

impl Default for Limits {
    /// 1 MiB a file, 16 MiB together, 64 files, four levels of subfolders.
    fn default() -> Self {
        Self { max_file_bytes: 1 << 20, max_total_bytes: 16 << 20, max_files: 64, max_depth: 4 }
    }
}

/// A folder whose files are read only through contained, canonical paths.
#[derive(Debug)]
pub struct Folder {
    /// The folder as the user named it, for messages.
    shown: PathBuf,
    /// Its canonical path: every file read lies below it.
    root: PathBuf,
    limits: Limits,
    /// Bytes read so far.
    read: Cell<usize>,
}

/// Why a folder or a file in it cannot be used; `message` is German.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderError {
    /// German description for users.
    pub message: String,
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FolderError {}

fn fail(message: String) -> FolderError {
    FolderError { message }
}

impl Folder {
    /// Opens `dir`, which must be a directory (a symbolic link to one is followed once, here).
    pub fn open(dir: &Path, limits: Limits) -> Result<Self, FolderError> {
        let root = dir
            .canonicalize()
            .map_err(|e| fail(format!("Der Ordner `{}` kann nicht gelesen werden: {}.", dir.display(), fsio::describe_io(&e))))?;
        if !root.is_dir() {
            return Err(fail(format!("`{}` ist kein Ordner.", dir.display())));
        }
        Ok(Self { shown: dir.to_path_buf(), root, limits, read: Cell::new(0) })
    }

    /// The folder as the user named it.
    #[must_use]
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// A relative name inside the folder as the user would see it (`vorlagen/kapitel/ziele.md`).
    #[must_use]
    pub fn display(&self, name: &str) -> String {
        self.shown.join(name).display().to_string()
    }

    /// The canonical path of the regular file `name` (relative, `/`-separated) inside the folder.
    ///
    /// Refused: an empty or absolute name, `..` or `.` parts, a name that does not exist,
    /// anything that is not a regular file, and anything whose canonical path lies outside the
    /// folder (a symbolic link to `/etc/passwd`, or a linked subfolder elsewhere).
    pub fn resolve(&self, name: &str) -> Result<PathBuf, FolderError> {
        check_name(name).map_err(|why| {
            fail(format!("Der Dateiname `{}` ist im Ordner `{}` nicht erlaubt: {why}.", printable(name), self.shown.display()))
        })?;
        let joined = self.root.join(name);
        let canonical = joined
            .canonicalize()
            .map_err(|e| fail(format!("`{}` kann nicht gelesen werden: {}.", self.display(name), fsio::describe_io(&e))))?;
        if !canonical.starts_with(&self.root) {
            return Err(self.outside(name));
        }
        let meta = std::fs::metadata(&canonical)
            .map_err(|e| fail(format!("`{}` kann nicht gelesen werden: {}.", self.display(name), fsio::describe_io(&e))))?;
        if !meta.is_file() {
            return Err(fail(format!("`{}` ist keine gewöhnliche Datei.", self.display(name))));
        }
        Ok(canonical)
    }

    fn outside(&self, name: &str) -> FolderError {
        fail(format!(
            "`{}` verweist (über eine symbolische Verknüpfung) auf eine Datei außerhalb des Ordners `{}`; sie wird nicht gelesen. \
             Legen Sie die Datei selbst in den Ordner, statt auf sie zu verweisen.",
            self.display(name),
            self.shown.display()
        ))
    }

    /// Reads the file `name` (see [`Folder::resolve`]): at most [`Limits::max_file_bytes`],
    /// and together with everything read before at most [`Limits::max_total_bytes`].
    pub fn read(&self, name: &str) -> Result<Vec<u8>, FolderError> {
        self.read_at_most(name, self.limits.max_file_bytes)
    }

    /// Reads the file `name` like [`Folder::read`], but at most `limit` bytes when that is below
    /// [`Limits::max_file_bytes`] (a folder whose text files and images have different limits).
    pub fn read_at_most(&self, name: &str, limit: usize) -> Result<Vec<u8>, FolderError> {
        let path = self.resolve(name)?;
        let limit = limit.min(self.limits.max_file_bytes);
        let bytes = fsio::read_bounded(&path, limit)
            .map_err(|e| fail(format!("`{}` kann nicht gelesen werden: {}.", self.display(name), fsio::describe_io(&e))))?;
        if bytes.len() > limit {
            return Err(fail(format!("`{}` ist größer als {}.", self.display(name), size(limit))));
        }
        self.count(bytes.len())?;
        Ok(bytes)
    }

    /// Adds `len` bytes to the total read, refusing past [`Limits::max_total_bytes`].
    fn count(&self, len: usize) -> Result<(), FolderError> {
        let total = self.read.get().saturating_add(len);
        if total > self.limits.max_total_bytes {
            return Err(fail(format!(
                "Die Dateien im Ordner `{}` sind zusammen größer als {}.",
                self.shown.display(),
                size(self.limits.max_total_bytes)
            )));
        }
        self.read.set(total);
        Ok(())
    }

    /// Reads the file `name` as UTF-8 text (see [`Folder::read`]).
    pub fn read_text(&self, name: &str) -> Result<String, FolderError> {
        String::from_utf8(self.read(name)?).map_err(|_| fail(format!("`{}` ist keine UTF-8-Textdatei.", self.display(name))))
    }

    /// The relative names (`/`-separated, sorted) of every file ending in `.{ext}` below the
    /// folder, down to [`Limits::max_depth`] levels of subfolders; hidden files and folders
    /// (leading `.`) are skipped, and so is anything else that is not a regular file. A listed
    /// file or a subfolder that leads outside the folder refuses the whole folder: a template
    /// set is used complete or not at all.
    pub fn files(&self, ext: &str) -> Result<Vec<String>, FolderError> {
        let mut out = Vec::new();
        self.walk(&self.root.clone(), "", 0, ext, &mut out)?;
        out.sort();
        Ok(out)
    }

    /// The relative names (`/`-separated, sorted) of every entry below the folder that is not a
    /// folder of it, down to [`Limits::max_depth`] levels, hidden ones left out; at most
    /// [`Limits::max_files`].
    ///
    /// Unlike [`Folder::files`] this does not refuse the folder for an entry that leads outside
    /// it: such an entry (a symbolic link to a file or a folder elsewhere, or into nothing) is
    /// listed under its own name, and [`Folder::read`] refuses it with a message that names it.
    /// So a caller can report every such file at its place and go on with the others.
    pub fn entries(&self) -> Result<Vec<String>, FolderError> {
        let mut out = Vec::new();
        self.walk_all(&self.root.clone(), "", 0, &mut out)?;
        out.sort();
        Ok(out)
    }

    fn walk_all(&self, dir: &Path, prefix: &str, depth: usize, out: &mut Vec<String>) -> Result<(), FolderError> {
        for name in self.names(dir, prefix)? {
            let rel = format!("{prefix}{name}");
            let path = dir.join(&name);
            let inside_dir = path.canonicalize().is_ok_and(|c| c.starts_with(&self.root) && c.is_dir());
            if inside_dir {
                if depth < self.limits.max_depth {
                    self.walk_all(&path, &format!("{rel}/"), depth + 1, out)?;
                }
                continue;
            }
            if out.len() >= self.limits.max_files {
                return Err(fail(format!("Im Ordner `{}` liegen mehr als {} Dateien.", self.shown.display(), self.limits.max_files)));
            }
            out.push(rel);
        }
        Ok(())
    }

    /// The sorted, non-hidden UTF-8 names in `dir`, bounded.
    fn names(&self, dir: &Path, prefix: &str) -> Result<Vec<String>, FolderError> {
        let shown = if prefix.is_empty() { self.shown.display().to_string() } else { self.display(prefix.trim_end_matches('/')) };
        let entries = std::fs::read_dir(dir)
            .map_err(|e| fail(format!("Der Ordner `{shown}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| fail(format!("Der Ordner `{shown}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
            // Names that are not UTF-8 cannot be named by a template; they are skipped.
            if let Some(name) = entry.file_name().to_str()
                && !name.starts_with('.')
            {
                names.push(name.to_owned());
            }
            if names.len() > self.limits.max_files.saturating_mul(16) {
                return Err(fail(format!("Im Ordner `{shown}` liegen zu viele Einträge.")));
            }
        }
        names.sort();
        Ok(names)
    }

    fn walk(&self, dir: &Path, prefix: &str, depth: usize, ext: &str, out: &mut Vec<String>) -> Result<(), FolderError> {
        for name in self.names(dir, prefix)? {
            let rel = format!("{prefix}{name}");
            let path = dir.join(&name);
            let wanted = Path::new(&name).extension().is_some_and(|e| e == ext);
            let Ok(canonical) = path.canonicalize() else {
                if wanted {
                    return Err(fail(format!(
                        "`{}` kann nicht gelesen werden (eine symbolische Verknüpfung ins Leere?).",
                        self.display(&rel)
                    )));
                }
                continue;
            };
            let descend = canonical.is_dir() && depth < self.limits.max_depth;
            if !(wanted || descend) {
                continue;
            }
            if !canonical.starts_with(&self.root) {
                return Err(self.outside(&rel));
            }
            if descend {
                self.walk(&path, &format!("{rel}/"), depth + 1, ext, out)?;
            } else if wanted && canonical.is_file() {
                if out.len() >= self.limits.max_files {
                    return Err(fail(format!(
                        "Im Ordner `{}` liegen mehr als {} `.{ext}`-Dateien.",
                        self.shown.display(),
                        self.limits.max_files
                    )));
                }
                out.push(rel);
            }
        }
        Ok(())
    }
}

/// Why a relative name is not allowed, or `Ok`.
fn check_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        return Err("der Name ist leer");
    }
    if name.contains('\\') || name.chars().any(char::is_control) {
        return Err("er enthält einen umgekehrten Schrägstrich oder ein Steuerzeichen");
    }
    let path = Path::new(name);
    for part in path.components() {
        match part {
            Component::Normal(_) => {}
            Component::ParentDir => return Err("`..` führt aus dem Ordner hinaus"),
            Component::RootDir | Component::Prefix(_) => return Err("absolute Pfade sind nicht erlaubt"),
            Component::CurDir => return Err("`.` als Teil des Namens ist nicht erlaubt"),
        }
    }
    if name.split('/').any(str::is_empty) {
        return Err("der Name hat einen leeren Teil (`//` oder `/` am Ende)");
    }
    Ok(())
}

fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) { format!("{} MiB", bytes >> 20) } else { format!("{bytes} Bytes") }
}

fn printable(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::{Folder, Limits, check_name};

    #[test]
    fn names_stay_relative_and_inside() {
        assert!(check_name("plan.typ").is_ok());
        assert!(check_name("kapitel/ziele.md").is_ok());
        for bad in ["", "/etc/passwd", "../x.md", "a/../../x", "./a.md", "a//b.md", "a/", "a\\b", "a\nb"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_are_refused_links_in_are_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("geheim.txt"), "geheim").unwrap();
        let root = dir.path().join("vorlagen");
        std::fs::create_dir_all(root.join("teil")).unwrap();
        std::fs::write(root.join("plan.md"), "a").unwrap();
        std::fs::write(root.join("teil/b.md"), "b").unwrap();
        std::os::unix::fs::symlink(root.join("plan.md"), root.join("innen.md")).unwrap();
        let folder = Folder::open(&root, Limits::default()).unwrap();
        assert_eq!(folder.files("md").unwrap(), ["innen.md", "plan.md", "teil/b.md"]);
        assert_eq!(folder.read_text("innen.md").unwrap(), "a");

        std::os::unix::fs::symlink(outside.path().join("geheim.txt"), root.join("raus.md")).unwrap();
        let err = folder.read("raus.md").unwrap_err();
        assert!(err.message.contains("außerhalb des Ordners"), "{err}");
        assert!(folder.files("md").unwrap_err().message.contains("raus.md"));
        std::fs::remove_file(root.join("raus.md")).unwrap();

        std::os::unix::fs::symlink(outside.path(), root.join("linkordner")).unwrap();
        assert!(folder.files("md").unwrap_err().message.contains("außerhalb"));
        assert!(folder.read("linkordner/geheim.txt").unwrap_err().message.contains("außerhalb"));
    }

    #[cfg(unix)]
    #[test]
    fn entries_list_links_out_for_read_to_refuse() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("geheim.png"), "x").unwrap();
        let root = dir.path().join("paket");
        std::fs::create_dir_all(root.join("bilder")).unwrap();
        std::fs::write(root.join("bilder/logo.png"), "a").unwrap();
        std::fs::write(root.join(".versteckt"), "a").unwrap();
        std::os::unix::fs::symlink(outside.path().join("geheim.png"), root.join("raus.png")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("linkordner")).unwrap();
        let folder = Folder::open(&root, Limits::default()).unwrap();
        assert_eq!(folder.entries().unwrap(), ["bilder/logo.png", "linkordner", "raus.png"]);
        assert!(folder.read_at_most("raus.png", 10).unwrap_err().message.contains("außerhalb"));
        assert!(folder.resolve("linkordner").unwrap_err().message.contains("außerhalb"));
        assert!(folder.read_at_most("bilder/logo.png", 0).unwrap_err().message.contains("größer als 0 Bytes"));
    }

    #[test]
    fn sizes_are_bounded_per_file_and_in_total() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x".repeat(600)).unwrap();
        std::fs::write(dir.path().join("b.md"), "x".repeat(600)).unwrap();
        std::fs::write(dir.path().join("c.md"), "x".repeat(2000)).unwrap();
        let limits = Limits { max_file_bytes: 1000, max_total_bytes: 1000, ..Limits::default() };
        let folder = Folder::open(dir.path(), limits).unwrap();
        assert!(folder.read("c.md").unwrap_err().message.contains("größer als 1000 Bytes"));
        assert!(folder.read("a.md").is_ok());
        assert!(folder.read("b.md").unwrap_err().message.contains("zusammen größer"));
        let few = Folder::open(dir.path(), Limits { max_files: 2, ..Limits::default() }).unwrap();
        assert!(few.files("md").unwrap_err().message.contains("mehr als 2"));
    }
}
