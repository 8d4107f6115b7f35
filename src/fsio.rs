//! File input and output: bounded reads and atomic writes.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Reads at most `limit + 1` bytes, so an oversized file is detected without reading it whole.
pub fn read_bounded(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    let mut buf = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Reads standard input, bounded like [`read_bounded`].
pub fn read_stdin_bounded(limit: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    io::stdin().lock().take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Writes a file atomically: a temporary file in the same directory, then a rename.
/// Readers see the old file or the new one, never half of it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = filled_temp(path, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a new file atomically; fails with [`io::ErrorKind::AlreadyExists`] if `path` exists,
/// also when another process creates it in the meantime.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = filled_temp(path, bytes)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file next to `path` holding `bytes`, synced, with the permissions the result should have.
fn filled_temp(path: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mep-").suffix(".tmp");
    // A replaced file keeps its permissions; a new one gets the usual rw-r--r--
    // instead of the temporary file's private rw-------.
    if let Ok(meta) = std::fs::metadata(path) {
        builder.permissions(meta.permissions());
    } else {
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Checks a file the user named for output, before anything is computed.
///
/// - a path that does not exist yet, or a regular file, is written as it is;
/// - a symbolic link is followed: its target file is replaced and the link stays;
/// - directories, FIFOs, sockets and devices are refused (use `-` for standard output);
/// - a file that is also an input of the same run (same file, however it is spelt) is refused.
///
/// Returns the path to write; `Err` is a German message.
pub fn output_target(path: &Path, inputs: &[&Path]) -> Result<PathBuf, String> {
    let shown = path.display();
    let target = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(format!("`{shown}` kann nicht geschrieben werden: {}.", describe_io(&e))),
        Ok(meta) if meta.file_type().is_symlink() => path.canonicalize().map_err(|_| {
            format!("`{shown}` ist eine symbolische Verknüpfung auf ein Ziel, das es nicht gibt; es wird nichts geschrieben.")
        })?,
        Ok(_) => path.to_path_buf(),
    };
    let meta = std::fs::metadata(&target).map_err(|e| format!("`{shown}` kann nicht geschrieben werden: {}.", describe_io(&e)))?;
    if meta.is_dir() {
        return Err(format!("`{shown}` ist ein Verzeichnis; geben Sie eine Datei an."));
    }
    if !meta.is_file() {
        return Err(format!(
            "`{shown}` ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät); mep schreibt nur gewöhnliche Dateien. Für die Standardausgabe: `-o -`."
        ));
    }
    if let Some(input) = inputs.iter().find(|i| i.as_os_str() != "-" && same_file(&target, i)) {
        return Err(format!(
            "Die Ausgabedatei `{shown}` ist zugleich Eingabe (`{}`) und wird nicht überschrieben. Wählen Sie eine andere Ausgabedatei.",
            input.display()
        ));
    }
    Ok(target)
}

/// Whether two paths name the same existing file (hard links and `./../` spellings included).
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
    }
}

/// A German description of an I/O error for users.
#[must_use]
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "Datei oder Verzeichnis nicht gefunden".to_owned(),
        io::ErrorKind::PermissionDenied => "keine Berechtigung".to_owned(),
        io::ErrorKind::IsADirectory => "ist ein Verzeichnis, keine Datei".to_owned(),
        io::ErrorKind::AlreadyExists => "existiert bereits".to_owned(),
        io::ErrorKind::InvalidData => "ungültige Daten".to_owned(),
        _ => format!("Ein-/Ausgabefehler ({e})"),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    use super::write_atomic;

    #[test]
    fn new_files_are_readable_by_others_and_replaced_files_keep_their_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.pdf");
        write_atomic(&path, b"eins").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"zwei").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"zwei");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_new_file_never_replaces_an_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.yaml");
        super::write_new(&path, b"eins").unwrap();
        let e = super::write_new(&path, b"zwei").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"eins");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left behind");
    }

    #[test]
    fn outputs_that_are_inputs_fifos_or_dangling_links_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.yaml");
        std::fs::write(&plan, "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let dotted = dir.path().join("sub/../plan.yaml");
        assert!(super::output_target(&dotted, &[&plan]).unwrap_err().contains("zugleich Eingabe"));
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&plan, &link).unwrap();
        assert!(super::output_target(&link, &[&plan]).unwrap_err().contains("zugleich Eingabe"));
        let out = dir.path().join("plan.md");
        std::fs::write(&out, "alt").unwrap();
        let link = dir.path().join("zu-plan.md");
        std::os::unix::fs::symlink(&out, &link).unwrap();
        assert_eq!(super::output_target(&link, &[&plan]).unwrap(), out.canonicalize().unwrap());
        std::os::unix::fs::symlink(dir.path().join("fehlt.md"), dir.path().join("tot.md")).unwrap();
        assert!(super::output_target(&dir.path().join("tot.md"), &[]).unwrap_err().contains("nicht gibt"));
        assert!(super::output_target(Path::new("/dev/null"), &[]).unwrap_err().contains("keine gewöhnliche Datei"));
        assert!(super::output_target(&dir.path().join("sub"), &[]).unwrap_err().contains("Verzeichnis"));
        assert_eq!(super::output_target(&dir.path().join("neu.md"), &[&plan]).unwrap(), dir.path().join("neu.md"));
    }
}
