//! Shared helpers: locating fixtures and rendering findings as plain text.

use std::path::{Path, PathBuf};

use mep::load::Limits;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Checks a file the way `mep validate` does, naming it relative to the repository.
pub fn check_file(path: &Path) -> mep::Checked {
    let bytes = std::fs::read(path).expect("fixture readable");
    check_bytes(&relative(path), &bytes)
}

/// Checks bytes under a display name.
pub fn check_bytes(name: &str, bytes: &[u8]) -> mep::Checked {
    mep::check_plan(name, bytes, &Limits::default())
}

/// All findings rendered as a user sees them (without colour).
pub fn render(checked: &mep::Checked) -> String {
    checked.diagnostics.iter().map(|d| mep::render::diag::human(d, Some(&checked.source), false)).collect::<Vec<_>>().join("\n")
}

/// A path relative to the repository root with forward slashes.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
