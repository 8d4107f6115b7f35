//! Renderers: [`PlanView`] → Markdown, JSON or PDF.
//!
//! Each output format is one module; the command line picks one per run.
//! Renderers never print; problems with templates or files are [`RenderError`]s.

pub mod diag;
pub mod diff;
pub mod markdown;
pub mod mdsafe;
pub mod output_schema;
pub mod pack;
pub mod pdf;
pub mod review;
pub mod traegerplan;
pub mod validate;
pub mod xlsx;

use std::fmt;
use std::path::Path;

use crate::view::PlanView;

/// A failure of the renderer itself (not of the plan).
#[derive(Debug)]
pub enum RenderError {
    /// A template could not be read, parsed or rendered.
    Template(String),
    /// A template file or directory could not be read.
    Io(String),
}

impl RenderError {
    /// An I/O error at `path`, described in German.
    #[must_use]
    pub fn io(path: &Path, e: &std::io::Error) -> Self {
        Self::Io(format!("`{}`: {}", path.display(), crate::fsio::describe_io(e)))
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Template(m) => write!(f, "Vorlage fehlerhaft: {m}"),
            Self::Io(m) => write!(f, "Vorlagen nicht lesbar: {m}."),
        }
    }
}

impl std::error::Error for RenderError {}

/// The view as pretty-printed JSON with a final newline (shape: `docs/vorlagendaten.md`).
pub fn json(view: &PlanView) -> Result<String, RenderError> {
    let mut s = serde_json::to_string_pretty(view).map_err(|e| RenderError::Template(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
