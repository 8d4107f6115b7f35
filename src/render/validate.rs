//! The JSON document of `mep validate --format json`: one per run, every file with its findings.
//!
//! The shape is published as `schemas/output/validate.schema.json` (generated from these types).

use schemars::JsonSchema;
use serde::Serialize;

use crate::diag::{Counts, Diagnostic, Status};

/// Version of the document; see `docs/output.md` for when it changes.
pub const VERSION: u32 = 1;

/// The JSON document of one `mep validate` run.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(title = "mep pruefen --format json")]
pub struct Report {
    /// Version of this document's shape.
    pub version: u32,
    /// Notes about provisional profile values, once per run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// One entry per file, in the order given.
    pub files: Vec<FileReport>,
    /// Totals over all files.
    pub summary: Summary,
}

/// Result for one file.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FileReport {
    /// File name as given (`<stdin>` for standard input).
    pub file: String,
    /// Overall result.
    pub status: Status,
    /// Profile layers the plan was checked under, e.g. `DigitalPakt 2.0 + Niedersachsen`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Findings by severity.
    pub counts: Counts,
    /// Why the file could not be read; only with status `unlesbar`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Every finding, located and sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Totals of one run.
#[derive(Clone, Copy, Debug, Default, Serialize, JsonSchema)]
pub struct Summary {
    /// Files given.
    pub files: usize,
    /// Files with errors (with `--deny-warnings` also those with warnings).
    pub with_errors: usize,
    /// Files read and without errors.
    pub without_errors: usize,
    /// Files that could not be read.
    pub unreadable: usize,
    /// Errors in all files.
    pub errors: usize,
    /// Warnings in all files.
    pub warnings: usize,
    /// Hints in all files.
    pub hints: usize,
}

impl Summary {
    /// The last line of the text report: `2 Dateien geprüft: 1 mit Fehlern, 1 ohne (3 Fehler, 1 Warnung, 0 Hinweise).`
    #[must_use]
    pub fn line(&self) -> String {
        let noun = if self.files == 1 { "Datei" } else { "Dateien" };
        let mut line = format!("{} {noun} geprüft: {} mit Fehlern, {} ohne", self.files, self.with_errors, self.without_errors);
        if self.unreadable > 0 {
            line.push_str(&format!(", {} nicht lesbar", self.unreadable));
        }
        let counts = Counts { errors: self.errors, warnings: self.warnings, hints: self.hints };
        line.push_str(&format!(" ({}).", counts.summary_de()));
        line
    }
}

/// The document as pretty-printed JSON with a final newline.
pub fn json(report: &Report) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}
