//! The Prüfbericht: every finding about the plan, as view data.

use schemars::JsonSchema;
use serde::Serialize;

use super::Label;
use crate::diag::{Counts, Diagnostic, Severity};

/// Alle Befunde zum Plan.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Pruefbericht {
    /// Zahl der Fehler.
    pub fehler: usize,
    /// Zahl der Warnungen.
    pub warnungen: usize,
    /// Zahl der Hinweise.
    pub hinweise: usize,
    /// Alle Befunde, nach Stelle im Plan sortiert.
    pub eintraege: Vec<BefundV>,
    /// Nur die Fehler (was einen Entwurf noch nicht förderfähig macht).
    pub offene_fehler: Vec<BefundV>,
}

/// Ein Befund.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BefundV {
    /// Code der Regel, z. B. `DP-BUDGET`.
    pub code: String,
    /// Schwere: `fehler`, `warnung` oder `hinweis`.
    pub schwere: Label,
    /// Meldung.
    pub meldung: String,
    /// YAML-Pfad.
    pub pfad: String,
    /// Stelle `datei:zeile:spalte` (Dateiname ohne Ordner), wenn bekannt.
    pub ort: Option<String>,
    /// Zeile.
    pub zeile: Option<usize>,
    /// Spalte.
    pub spalte: Option<usize>,
    /// Wie der Befund zu beheben ist.
    pub hilfe: Option<String>,
    /// Quelle der Regel (URL).
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
