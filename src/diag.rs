//! Diagnostics: problems in a user's input, collected as data.
//!
//! A check never prints and never fails: it pushes a [`Diagnostic`] that names
//! the offending value by its YAML path. [`crate::source::SourceFile::locate`]
//! later turns the path into file, line, column and byte span.
//!
//! Every finding carries its code as a handle into the one registry of codes
//! ([`Rule`], listed by [`crate::rules::all`]): a code that is not declared
//! cannot be reported.
//!
//! This module is data only; [`crate::render::diag`] shows findings to people.

use serde::{Serialize, Serializer};

use crate::model::Land;
use crate::sources::{Quelle, Verlaesslichkeit};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub enum Severity {
    /// The plan cannot be funded or processed as it is.
    Fehler,
    /// A reviewer must look at this.
    Warnung,
    /// A hint; nothing is wrong.
    Hinweis,
}

impl Severity {
    /// The German word shown to users.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Severity::Fehler => "Fehler",
            Severity::Warnung => "Warnung",
            Severity::Hinweis => "Hinweis",
        }
    }
}

/// A registered code: what `mep explain` shows, declared once as a `static`.
///
/// Checks on a loaded plan attach to their code in [`crate::rules`]; codes raised while
/// loading, rendering or reading a profile have no check.
#[derive(Serialize)]
pub struct Rule {
    /// Stable code, e.g. `DP-EIGENANTEIL`.
    pub code: &'static str,
    /// Short German title.
    pub title: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// German explanation: what, why, how to fix (Markdown).
    pub explanation: &'static str,
    /// A YAML snippet that triggers the rule.
    pub bad: &'static str,
    /// A YAML snippet that passes.
    pub good: &'static str,
    /// Sources, best first.
    pub sources: &'static [Quelle],
}

impl Rule {
    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        self.code
    }

    /// Whether the rule rests only on press or secondary sources (then it may be at most a warning).
    #[must_use]
    pub fn only_weak_sources(&self) -> bool {
        !self.sources.is_empty() && self.sources.iter().all(|s| s.verlaesslichkeit != Verlaesslichkeit::Amtlich)
    }

    /// The sources cited for plans of a Land: nationwide ones and that Land's own (all of them without a Land).
    pub fn sources_for(&self, land: Option<Land>) -> impl Iterator<Item = &'static Quelle> + use<> {
        let sources: &'static [Quelle] = self.sources;
        sources.iter().filter(move |q| q.applies_to(land))
    }

    /// One finding of this rule with its default severity (for codes raised outside a check: loading, profiles, PDF).
    #[must_use]
    pub fn diagnostic(&'static self, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(self, self.severity, path, message);
        d.source = self.sources.iter().find(|q| q.nationwide()).map(|q| q.url.to_owned());
        d
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

/// Two handles are equal when they name the same code.
impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

impl PartialEq<str> for Rule {
    fn eq(&self, other: &str) -> bool {
        self.code == other
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // the signature serde's `serialize_with` calls
fn code_text<S: Serializer>(rule: &&'static Rule, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(rule.code)
}

/// Where a finding is in a file. Lines and columns count from 1; columns in characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Location {
    /// File name as given by the user (`-` for standard input).
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte offset of the start of the span.
    pub start: usize,
    /// Byte offset just past the end of the span.
    pub end: usize,
}

/// One problem in the input.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// Stable code, e.g. `FORMAT-UNBEKANNT` or `DP-SMARTPHONE`: a handle into the registry.
    #[serde(serialize_with = "code_text")]
    #[schemars(with = "String")]
    pub code: &'static Rule,
    /// Severity.
    pub severity: Severity,
    /// What is wrong, in German.
    pub message: String,
    /// YAML path of the offending value, e.g. `bedarf[2].anzahl`; empty for the whole file.
    pub path: String,
    /// Position in the file, once located.
    pub location: Option<Location>,
    /// How to fix it, in German.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// URL of the rule's source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Diagnostic {
    /// Creates a diagnostic of a registered code for a path; location is filled in later.
    pub fn new(code: &'static Rule, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code, severity, message: message.into(), path: path.into(), location: None, help: None, source: None }
    }

    /// Adds a German hint how to fix the problem.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds the URL of the source a rule rests on.
    #[must_use]
    pub fn source(mut self, url: impl Into<String>) -> Self {
        self.source = Some(url.into());
        self
    }

    /// Sets an explicit location (for problems found before a path exists).
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
}

/// Sorts diagnostics by position, then severity and code, so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let pos = |d: &Diagnostic| d.location.as_ref().map_or((0, 0), |l| (l.start, l.end));
        pos(a)
            .cmp(&pos(b))
            .then(a.severity.cmp(&b.severity))
            .then_with(|| a.code.code.cmp(b.code.code))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Hints.
    pub hints: usize,
}

impl Counts {
    /// Counts the given diagnostics.
    #[must_use]
    pub fn of(diags: &[Diagnostic]) -> Self {
        let mut c = Self::default();
        for d in diags {
            match d.severity {
                Severity::Fehler => c.errors += 1,
                Severity::Warnung => c.warnings += 1,
                Severity::Hinweis => c.hints += 1,
            }
        }
        c
    }

    /// The number of errors in German with the right grammatical number: "1 Fehler".
    #[must_use]
    pub fn errors_de(&self) -> String {
        format!("{} Fehler", self.errors)
    }

    /// "1 Warnung", "2 Warnungen".
    #[must_use]
    pub fn warnings_de(&self) -> String {
        format!("{} {}", self.warnings, if self.warnings == 1 { "Warnung" } else { "Warnungen" })
    }

    /// "1 Hinweis", "2 Hinweise".
    #[must_use]
    pub fn hints_de(&self) -> String {
        format!("{} {}", self.hints, if self.hints == 1 { "Hinweis" } else { "Hinweise" })
    }

    /// "0 Fehler, 1 Warnung, 2 Hinweise".
    #[must_use]
    pub fn summary_de(&self) -> String {
        format!("{}, {}, {}", self.errors_de(), self.warnings_de(), self.hints_de())
    }
}

/// The overall result of one file, the same words in `validate` and `review`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read; no errors and no warnings (hints allowed).
    Ok,
    /// Read; warnings, but no errors.
    Warnungen,
    /// Read; at least one error.
    Fehler,
    /// The file could not be read at all.
    Unlesbar,
}

impl Status {
    /// The status of a read file with these findings.
    #[must_use]
    pub fn of(counts: Counts) -> Self {
        if counts.errors > 0 {
            Status::Fehler
        } else if counts.warnings > 0 {
            Status::Warnungen
        } else {
            Status::Ok
        }
    }

    /// The German word shown in reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warnungen => "Warnungen",
            Status::Fehler => "Fehler",
            Status::Unlesbar => "nicht lesbar",
        }
    }
}

/// Replaces control characters so user text cannot move the cursor or recolour a terminal.
#[must_use]
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Whether any finding is an error.
#[must_use]
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Fehler)
}
