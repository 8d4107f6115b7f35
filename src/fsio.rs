//! File input and output: bounded reads and atomic writes.

use std::io::{self, Read, Write};
use std::path::Path;

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
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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
}
