//! The shared wording (`wortlaut.yaml`): sentences both template families print.
//!
//! The Markdown templates read it as `wortlaut`, the PDF templates as `wortlaut` from
//! `daten.typ` (the virtual file `/wortlaut.json`), so a working group changes a sentence once.
//! A pack may bring its own `wortlaut.yaml`; it is read like a plan (budgets, located findings)
//! and must have every key.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::load::{Limits, Loaded, Schema, load_document};

/// File name of the wording inside a pack.
pub const FILE: &str = "wortlaut.yaml";

/// The built-in wording.
pub const EMBEDDED: &str = include_str!("../../../templates/wortlaut.yaml");

/// Wortlaut, den Markdown- und PDF-Vorlagen gemeinsam verwenden.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Wortlaut (mep)", description = "Sätze, die die Markdown- und die PDF-Vorlagen gemeinsam verwenden.")]
pub struct Wortlaut {
    /// Hinweise auf Teile, die der Plan noch nicht enthält.
    pub leer: Leer,
}

/// Hinweise auf Teile, die der Plan noch nicht enthält.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leer {
    /// Keine Ziele.
    pub ziele: String,
    /// Keine Einsatzszenarien.
    pub einsatzszenarien: String,
    /// Keine Fortbildungen.
    pub fortbildung: String,
    /// Keine Maßnahmen.
    pub massnahmen: String,
    /// Keine Evaluation.
    pub evaluation: String,
    /// Keine vorhandenen Geräte.
    pub geraete: String,
    /// Keine Plattformen.
    pub plattformen: String,
}

static SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<Wortlaut>);

/// Reads a wording file under the input budgets, with located findings.
#[must_use]
pub fn read(name: &str, bytes: &[u8]) -> Loaded<Wortlaut> {
    load_document::<Wortlaut>(name, bytes, &Limits::default(), &SCHEMA)
}

/// The built-in wording as the JSON value the templates read.
#[must_use]
pub fn builtin() -> serde_json::Value {
    static BUILTIN: LazyLock<serde_json::Value> = LazyLock::new(|| {
        read("templates/wortlaut.yaml", EMBEDDED.as_bytes()).value.and_then(|w| serde_json::to_value(w).ok()).unwrap_or_default()
    });
    BUILTIN.clone()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_wording_reads() {
        assert!(super::builtin()["leer"]["ziele"].as_str().is_some_and(|s| s.starts_with("Es sind")));
    }
}
