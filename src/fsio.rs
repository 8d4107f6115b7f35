//! File input and output: bounded reads and atomic writes.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Reads at most `limit + 1` bytes, so an oversized file is detected without reading it whole.
///
/// Only regular files are read (symbolic links are followed). A FIFO, a device
/// such as `/dev/zero` or a socket is refused before it is opened, so reading
/// can neither block on a pipe without a writer nor run forever; the file is
/// opened non-blocking and checked again, in case it was swapped meanwhile.
pub fn read_bounded(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    refuse_special(&std::fs::metadata(path)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, O_NONBLOCK);
    let file = options.open(path)?;
    refuse_special(&file.metadata()?)?;
    let mut buf = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// `O_NONBLOCK` of the platform: opening a FIFO without a writer then returns at once.
#[cfg(any(target_os = "linux", target_os = "android"))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
const O_NONBLOCK: i32 = 0x0004;

/// An error for anything but a regular file.
fn refuse_special(meta: &std::fs::Metadata) -> io::Result<()> {
    if meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NOT_REGULAR));
    }
    Ok(())
}

/// The marker of [`refuse_special`]'s error, recognised by [`describe_io`].
const NOT_REGULAR: &str = "not a regular file";

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
///
/// Only the kind of error and the system's error number are shown, never the
/// system's English text: that text may name a temporary file the user never
/// asked for (`.mep-….tmp`).
#[must_use]
pub fn describe_io(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let text = match e.kind() {
        K::NotFound => "Datei oder Verzeichnis nicht gefunden",
        K::PermissionDenied => "keine Berechtigung",
        K::IsADirectory => "ist ein Verzeichnis, keine Datei",
        K::NotADirectory => "ein Teil des Pfads ist kein Verzeichnis",
        K::AlreadyExists => "existiert bereits",
        K::InvalidData => "ungültige Daten",
        K::InvalidInput if e.get_ref().is_some_and(|inner| inner.to_string() == NOT_REGULAR) => {
            "keine gewöhnliche Datei (z. B. eine benannte Pipe, ein Gerät oder ein Socket) – es werden nur Dateien gelesen"
        }
        K::ReadOnlyFilesystem => "das Dateisystem ist schreibgeschützt",
        K::StorageFull => "kein Speicherplatz mehr auf dem Datenträger",
        K::QuotaExceeded => "das Speicherkontingent ist erschöpft",
        K::FileTooLarge => "die Datei ist zu groß für das Dateisystem",
        K::DirectoryNotEmpty => "das Verzeichnis ist nicht leer",
        K::CrossesDevices => "Umbenennen über Datenträgergrenzen hinweg ist nicht möglich",
        K::TooManyLinks => "zu viele Verweise",
        K::InvalidFilename => "ungültiger Dateiname oder zu langer Pfad",
        K::ResourceBusy => "die Datei ist gerade in Benutzung",
        K::ExecutableFileBusy => "die Datei wird gerade ausgeführt",
        K::Deadlock => "Verklemmung beim Sperren der Datei",
        K::BrokenPipe => "der Empfänger hat die Verbindung geschlossen",
        K::WouldBlock => "die Datei liefert gerade keine Daten",
        K::TimedOut => "Zeitüberschreitung",
        K::Interrupted => "der Vorgang wurde unterbrochen",
        K::UnexpectedEof => "die Datei endet unerwartet",
        K::OutOfMemory => "nicht genug Arbeitsspeicher",
        K::StaleNetworkFileHandle => "die Netzwerkdatei ist nicht mehr gültig",
        K::NetworkDown | K::NetworkUnreachable | K::HostUnreachable | K::ConnectionRefused | K::ConnectionReset | K::ConnectionAborted => {
            "das Netzlaufwerk ist nicht erreichbar"
        }
        K::Unsupported => "vom Dateisystem nicht unterstützt",
        _ if os_code(e) == Some(ELOOP) => "zu viele Ebenen symbolischer Verweise, vermutlich eine Verweisschleife",
        _ => "Ein-/Ausgabefehler",
    };
    // The everyday cases speak for themselves; for the rest the number helps whoever looks into it.
    let everyday = matches!(e.kind(), K::NotFound | K::PermissionDenied | K::IsADirectory | K::NotADirectory | K::AlreadyExists);
    match os_code(e) {
        Some(code) if !everyday => format!("{text} (Systemfehler {code})"),
        _ => text.to_owned(),
    }
}

/// The system's error number, also when the error wraps another (as `tempfile` does to add a path).
fn os_code(e: &io::Error) -> Option<i32> {
    if let Some(code) = e.raw_os_error() {
        return Some(code);
    }
    let mut current: &(dyn std::error::Error + 'static) = e.get_ref()?;
    for _ in 0..8 {
        if let Some(code) = current.downcast_ref::<io::Error>().and_then(io::Error::raw_os_error) {
            return Some(code);
        }
        current = current.source()?;
    }
    None
}

/// The error number of a symbolic link loop (`ELOOP`), which std has no stable kind for.
#[cfg(any(target_os = "linux", target_os = "android"))]
const ELOOP: i32 = 40;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const ELOOP: i32 = 62;

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    use super::{describe_io, read_bounded, write_atomic};

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
    fn special_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("plan.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        if made {
            let err = read_bounded(&fifo, 100).unwrap_err();
            assert!(describe_io(&err).starts_with("keine gewöhnliche Datei"), "{}", describe_io(&err));
        }
        let err = read_bounded(std::path::Path::new("/dev/zero"), 100).unwrap_err();
        assert!(describe_io(&err).starts_with("keine gewöhnliche Datei"));
        let link = dir.path().join("null.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(read_bounded(&link, 100).is_err());
    }

    #[test]
    fn os_errors_are_german_without_the_system_text() {
        let e = std::io::Error::from_raw_os_error(30);
        assert_eq!(describe_io(&e), "das Dateisystem ist schreibgeschützt (Systemfehler 30)");
        let wrapped = std::io::Error::new(e.kind(), format!("{e} at path \"/x/.mep-1.tmp\""));
        assert!(!describe_io(&wrapped).contains(".mep-"));
        let e = std::io::Error::from_raw_os_error(40);
        assert!(describe_io(&e).contains("Verweisschleife"));
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
