//! The one way out of every command: standard output, files, status lines, errors.
//!
//! - `-` means standard output everywhere.
//! - A closed pipe (`mep rules | head -1`) ends the command quietly with exit code 0;
//!   every other write error (a full disk, `/dev/full`) is exit code 2 with a German message.
//! - A file is never an input of the same run, is written atomically, and must be a
//!   regular file (or not exist yet); a symbolic link is followed and its target replaced.
//! - Binary documents (PDF) are not written to a terminal.
#![allow(clippy::disallowed_macros)] // the only place that prints

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::error::{Error, Exit, Result};
use crate::fsio;

/// Where a document goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dest {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Dest {
    /// `-` (or nothing) is standard output, anything else a file.
    #[must_use]
    pub fn of(arg: Option<&Path>) -> Self {
        match arg {
            Some(p) if p.as_os_str() != "-" => Dest::File(p.to_path_buf()),
            _ => Dest::Stdout,
        }
    }
}

/// Writes a whole document to standard output.
///
/// A reader that has gone away (broken pipe) stops the command quietly with exit code 0;
/// any other write error stops it with exit code 2 and a message.
pub fn stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| write_failed(&e, None))
}

/// Writes a whole document to standard output and ends the command with exit code 0.
pub fn emit(bytes: &[u8]) -> Result {
    stdout(bytes).map(|()| Exit::Ok)
}

/// Why a write failed, for the user (a closed pipe is told nothing).
fn write_failed(e: &io::Error, path: Option<&Path>) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Error::quiet(Exit::Ok);
    }
    match path {
        Some(p) => Error::tool(format_args!("`{}` kann nicht geschrieben werden: {}.", p.display(), fsio::describe_io(e))),
        None => Error::tool(format_args!("Die Ausgabe kann nicht geschrieben werden: {}.", fsio::describe_io(e))),
    }
}

/// Refuses a binary document on a terminal.
pub fn refuse_binary_on_terminal(kind: &str, dest: &Dest) -> Result<()> {
    if *dest == Dest::Stdout && io::stdout().is_terminal() {
        return Err(Error::tool(format_args!(
            "{kind} ist ein Binärformat und wird nicht im Terminal ausgegeben. Geben Sie mit `-o DATEI` eine Datei an oder leiten Sie die Ausgabe um (`> datei`)."
        )));
    }
    Ok(())
}

/// Checks an output file before any work: not an input, not a FIFO or device.
///
/// Returns the path to write (the target of a symbolic link).
pub fn check_file(path: &Path, inputs: &[&Path]) -> Result<PathBuf> {
    fsio::output_target(path, inputs).map_err(Error::tool)
}

/// Writes a document to its destination: standard output or a file (atomically).
pub fn write(dest: &Dest, bytes: &[u8]) -> Result<()> {
    match dest {
        Dest::Stdout => stdout(bytes),
        Dest::File(path) => fsio::write_atomic(path, bytes).map_err(|e| write_failed(&e, Some(path))),
    }
}

/// Writes a new file; `Ok(false)` when it exists already (no race between checking and writing).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool> {
    match fsio::write_new(path, bytes) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(write_failed(&e, Some(path))),
    }
}

/// A status line on standard error (`plan.md geschrieben.`); left out with `--quiet`.
pub fn status(quiet: bool, line: impl Display) {
    if !quiet {
        let _ = writeln!(io::stderr().lock(), "{line}");
    }
}

/// An error message on standard error, prefixed with `Fehler: `.
pub fn error(message: impl Display) {
    let _ = writeln!(io::stderr().lock(), "Fehler: {message}");
}

/// Text on standard error as it is (diagnostics, notes); never fails.
pub fn stderr(text: impl Display) {
    let _ = write!(io::stderr().lock(), "{text}");
}
