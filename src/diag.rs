//! Diagnostics: problems in a user's input, collected as data.
//!
//! A check never prints and never fails: it pushes a [`Diagnostic`] that names
//! the offending value by its YAML path. [`crate::source::SourceFile::locate`]
//! later turns the path into file, line, column and byte span.

use std::fmt::Write as _;

use serde::Serialize;

use crate::source::SourceFile;

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

/// Where a finding is in a file. Lines and columns count from 1; columns in characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `FORMAT-UNBEKANNT` or `DP-GERAET-SMARTPHONE`.
    pub code: String,
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
    /// Creates a diagnostic for a path; location is filled in later.
    pub fn new(code: impl Into<String>, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), severity, message: message.into(), path: path.into(), location: None, help: None, source: None }
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
        pos(a).cmp(&pos(b)).then(a.severity.cmp(&b.severity)).then_with(|| a.code.cmp(&b.code)).then_with(|| a.message.cmp(&b.message))
    });
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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

/// ANSI styles used by the human renderer; empty strings when colour is off.
struct Style {
    bold: &'static str,
    red: &'static str,
    yellow: &'static str,
    cyan: &'static str,
    blue: &'static str,
    reset: &'static str,
}

const COLOUR: Style =
    Style { bold: "\x1b[1m", red: "\x1b[1;31m", yellow: "\x1b[1;33m", cyan: "\x1b[1;36m", blue: "\x1b[1;34m", reset: "\x1b[0m" };

const PLAIN: Style = Style { bold: "", red: "", yellow: "", cyan: "", blue: "", reset: "" };

/// Renders one diagnostic like rustc: header, location, the source line with a caret, help.
#[must_use]
pub fn render_human(d: &Diagnostic, source: Option<&SourceFile>, colour: bool) -> String {
    let s = if colour { &COLOUR } else { &PLAIN };
    let sev_style = match d.severity {
        Severity::Fehler => s.red,
        Severity::Warnung => s.yellow,
        Severity::Hinweis => s.cyan,
    };
    let mut out = String::new();
    let _ = writeln!(out, "{sev_style}{}[{}]{}{}: {}{}", d.severity.label(), d.code, s.reset, s.bold, sanitize(&d.message), s.reset);
    if let Some(loc) = &d.location {
        let width = loc.line.to_string().len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad}{}-->{} {}:{}:{}", s.blue, s.reset, loc.file, loc.line, loc.column);
        if let Some(src) = source
            && let Some(text) = src.line_text(loc.line)
        {
            let shown = sanitize(text);
            let caret_start = loc.column.saturating_sub(1).min(shown.chars().count());
            let span_chars =
                src.text().get(loc.start..loc.end.max(loc.start)).map_or(1, |t| t.lines().next().unwrap_or("").chars().count());
            let carets = span_chars.clamp(1, shown.chars().count().saturating_sub(caret_start).max(1));
            let _ = writeln!(out, "{pad} {}|{}", s.blue, s.reset);
            let _ = writeln!(out, "{}{} |{} {shown}", s.blue, loc.line, s.reset);
            let _ = writeln!(out, "{pad} {}|{} {}{sev_style}{}{}", s.blue, s.reset, " ".repeat(caret_start), "^".repeat(carets), s.reset);
        }
    } else if !d.path.is_empty() {
        let _ = writeln!(out, "  {}-->{} {}", s.blue, s.reset, d.path);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  {}= Hilfe:{} {}", s.bold, s.reset, sanitize(help));
    }
    if let Some(url) = &d.source {
        let _ = writeln!(out, "  {}= Quelle:{} {url}", s.bold, s.reset);
    }
    out
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
