//! The Prüfbericht: every finding about the plan, as view data.

use schemars::JsonSchema;
use serde::Serialize;

use super::Label;
use crate::diag::{Counts, Diagnostic, Severity};

/// Every finding about the plan.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Pruefbericht {
    /// Number of errors.
    pub fehler: usize,
    /// Number of warnings.
    pub warnungen: usize,
    /// Number of hints.
    pub hinweise: usize,
    /// All findings, sorted by position.
    pub eintraege: Vec<BefundV>,
    /// Only the errors (what keeps a draft from being fundable).
    pub offene_fehler: Vec<BefundV>,
}

/// One finding.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BefundV {
    /// Code.
    pub code: String,
    /// Severity.
    pub schwere: Label,
    /// Message.
    pub meldung: String,
    /// YAML path.
    pub pfad: String,
    /// Position `datei:zeile:spalte`, when located.
    pub ort: Option<String>,
    /// Line.
    pub zeile: Option<usize>,
    /// Column.
    pub spalte: Option<usize>,
    /// How to fix it.
    pub hilfe: Option<String>,
    /// Source URL of the rule.
    pub quelle: Option<String>,
}

fn severity_label(s: Severity) -> Label {
    match s {
        Severity::Fehler => Label { key: "fehler", text: "Fehler" },
        Severity::Warnung => Label { key: "warnung", text: "Warnung" },
        Severity::Hinweis => Label { key: "hinweis", text: "Hinweis" },
    }
}

impl From<&Diagnostic> for BefundV {
    fn from(d: &Diagnostic) -> Self {
        Self {
            code: d.code.code.to_owned(),
            schwere: severity_label(d.severity),
            meldung: d.message.clone(),
            pfad: d.path.clone(),
            ort: d.location.as_ref().map(|l| format!("{}:{}:{}", super::build::dateiname(&l.file), l.line, l.column)),
            zeile: d.location.as_ref().map(|l| l.line),
            spalte: d.location.as_ref().map(|l| l.column),
            hilfe: d.help.clone(),
            quelle: d.source.clone(),
        }
    }
}

impl Pruefbericht {
    /// Collects the findings, as facts (the open costs of the plan as one, see
    /// [`crate::rules::kosten_offen::als_fakten`]).
    #[must_use]
    pub fn of(diags: &[Diagnostic]) -> Self {
        let c = Counts::of(diags);
        Self {
            fehler: c.errors,
            warnungen: c.warnings,
            hinweise: c.hints,
            eintraege: diags.iter().map(BefundV::from).collect(),
            offene_fehler: diags.iter().filter(|d| d.severity == Severity::Fehler).map(BefundV::from).collect(),
        }
    }
}
