//! The shared wording (`wortlaut.yaml`): sentences both template families print.
//!
//! The Markdown templates read it as `wortlaut`, the PDF templates as `wortlaut` from
//! `daten.typ` (the virtual file `/wortlaut.json`), so a working group changes a sentence once.
//! A pack may bring its own `wortlaut.yaml`; it is read like a plan (budgets, located findings),
//! and what it leaves out is taken from the built-in wording ([`completed`]).
//!
//! A top-level module (not under `render`), because the view reads the grammar of the document
//! names from here and `render` depends on the view.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::load::{Limits, Loaded, Schema, load_document};

/// File name of the wording inside a pack.
pub const FILE: &str = "wortlaut.yaml";

/// The built-in wording.
pub const EMBEDDED: &str = include_str!("../templates/wortlaut.yaml");

/// Wortlaut, den Markdown- und PDF-Vorlagen gemeinsam verwenden.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Wortlaut (mep)", description = "Sätze, die die Markdown- und die PDF-Vorlagen gemeinsam verwenden.")]
pub struct Wortlaut {
    /// Hinweise auf Teile, die der Plan noch nicht enthält.
    pub leer: Leer,
    /// Sätze mit Platzhaltern `{name}`, die die Vorlagen mit Werten des Plans füllen
    /// (seit Datenversion 1.1; fehlt der Abschnitt in einem Paket, gilt der eingebaute).
    #[serde(default)]
    pub saetze: Saetze,
    /// Bezeichnungen der Angaben auf dem Deckblatt (seit 1.1).
    #[serde(default)]
    pub bezeichnungen: Bezeichnungen,
    /// Wörter für fehlende Werte (seit 1.1).
    #[serde(default)]
    pub woerter: Woerter,
    /// Der Name des Dokuments mit Artikel und Pronomen, je Dokumentname (seit 1.1).
    #[serde(default)]
    pub dokumentnamen: Dokumentnamen,
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
    /// Keine Beschlüsse (seit 1.1).
    #[serde(default)]
    pub beschluesse: String,
    /// Keine Angaben zur Finanzierung (seit 1.1).
    #[serde(default)]
    pub finanzierung: String,
    /// Keine Angaben zum Datenschutz (seit 1.1).
    #[serde(default)]
    pub datenschutz: String,
    /// Keine Angaben zu Betrieb und Support (seit 1.1).
    #[serde(default)]
    pub betrieb: String,
}

/// Sätze mit Platzhaltern `{name}`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Saetze {
    /// Erster Satz der Zusammenfassung: `{schule}`, `{zeitraum}`, `{investition}`.
    pub zeitraum: String,
    /// Umfang des Plans: `{dokument}`, `{umfang}`.
    pub umfang: String,
    /// Unbekannte Angaben: `{liste}`.
    pub unbekannt: String,
    /// Entwurf mit genau einem offenen Fehler.
    pub entwurf_ein_fehler: String,
    /// Entwurf mit `{anzahl}` offenen Fehlern.
    pub entwurf_fehler: String,
    /// Ergebnis der Prüfung: `{fehler}`, `{warnungen}`, `{hinweise}`.
    pub pruefergebnis: String,
    /// Summe der Fortbildungen: `{stunden}`, `{je_lehrkraft}`.
    pub fortbildung_summe: String,
    /// Warum die Zeilen je Kompetenzbereich mehr als die Gesamtzahl ergeben können.
    pub fortbildung_mehrfach: String,
    /// Warum die Zellen der Curriculum-Matrix mehr als die Summe ergeben können.
    pub curriculum_mehrfach: String,
    /// Einleitung der Liste der Kompetenzbereiche: `{rahmen}`.
    pub kompetenzrahmen: String,
}

/// Bezeichnungen der Angaben auf dem Deckblatt.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bezeichnungen {
    /// Bezeichnung „Schule“.
    pub schule: String,
    /// Bezeichnung „Schulnummer“.
    pub schulnummer: String,
    /// Bezeichnung „Schulform“.
    pub schulform: String,
    /// Bezeichnung „Anschrift“.
    pub anschrift: String,
    /// Bezeichnung „Schulträger“.
    pub schultraeger: String,
    /// Bezeichnung „Land“.
    pub land: String,
    /// Bezeichnung „Förderprogramm“.
    pub foerderprogramm: String,
    /// Bezeichnung „Planungszeitraum“.
    pub planungszeitraum: String,
    /// Bezeichnung „Stand“.
    pub stand: String,
    /// Überschrift „Beschlüsse und Bestätigungen“.
    pub beschluesse: String,
    /// Bezeichnung „Ort, Datum“ unter der Linie einer Unterschrift.
    pub ort_datum: String,
}

/// Wörter für fehlende Werte.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Woerter {
    /// Für eine Angabe, die der Plan als `unbekannt` angibt.
    pub nicht_bekannt: String,
    /// Für einen Betrag, der nur von Positionen ohne Preis abhängt.
    pub kosten_offen: String,
}

/// Die Formen jedes Dokumentnamens.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dokumentnamen {
    /// Formen von „Medienentwicklungsplan“.
    pub medienentwicklungsplan: Formen,
    /// Formen von „Medienkonzept“.
    pub medienkonzept: Formen,
    /// Formen von „Medienbildungskonzept“.
    pub medienbildungskonzept: Formen,
    /// Formen von „technisch-pädagogisches Einsatzkonzept“.
    pub einsatzkonzept: Formen,
}

/// Ein Dokumentname mit Artikel und Pronomen.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formen {
    /// `maskulin` oder `neutrum`.
    pub genus: String,
    /// `das Medienkonzept`.
    pub nominativ: String,
    /// `Das Medienkonzept`.
    pub nominativ_satzanfang: String,
    /// `des Medienkonzepts`.
    pub genitiv: String,
    /// `dem Medienkonzept`.
    pub dativ: String,
    /// `es`.
    pub pronomen: String,
    /// `Es`.
    pub pronomen_satzanfang: String,
}

impl Dokumentnamen {
    /// The forms of the document name with the key `key` (`medienkonzept` …).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Formen> {
        match key {
            "medienentwicklungsplan" => Some(&self.medienentwicklungsplan),
            "medienkonzept" => Some(&self.medienkonzept),
            "medienbildungskonzept" => Some(&self.medienbildungskonzept),
            "einsatzkonzept" => Some(&self.einsatzkonzept),
            _ => None,
        }
    }
}

/// A pack's wording with every part it leaves out (or leaves empty) taken from the built-in
/// wording: a pack written for data version 1.0 has only the first seven `leer` sentences, and
/// additions keep old packs working.
#[must_use]
pub fn completed(pack: &Wortlaut) -> serde_json::Value {
    fn fill(ours: &mut serde_json::Value, builtin: &serde_json::Value) {
        match (ours, builtin) {
            (serde_json::Value::Object(o), serde_json::Value::Object(b)) => {
                for (key, value) in b {
                    fill(o.entry(key.clone()).or_insert(serde_json::Value::Null), value);
                }
            }
            (slot, b) if slot.is_null() || slot.as_str().is_some_and(str::is_empty) => *slot = b.clone(),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(pack).unwrap_or_default();
    fill(&mut value, &builtin());
    value
}

static SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<Wortlaut>);

/// Reads a wording file under the input budgets, with located findings.
#[must_use]
pub fn read(name: &str, bytes: &[u8]) -> Loaded<Wortlaut> {
    load_document::<Wortlaut>(name, bytes, &Limits::default(), &SCHEMA)
}

/// The built-in wording, read once; `None` only if `templates/wortlaut.yaml` were broken,
/// which a unit test rules out.
#[must_use]
pub fn embedded() -> Option<&'static Wortlaut> {
    static BUILTIN: LazyLock<Option<Wortlaut>> = LazyLock::new(|| read("templates/wortlaut.yaml", EMBEDDED.as_bytes()).value);
    BUILTIN.as_ref()
}

/// The built-in wording as the JSON value the templates read.
#[must_use]
pub fn builtin() -> serde_json::Value {
    static BUILTIN: LazyLock<serde_json::Value> =
        LazyLock::new(|| embedded().and_then(|w| serde_json::to_value(w).ok()).unwrap_or_default());
    BUILTIN.clone()
}

#[cfg(test)]
mod tests {
    use crate::view::vokabular;

    #[test]
    fn the_built_in_wording_reads() {
        assert!(super::builtin()["leer"]["ziele"].as_str().is_some_and(|s| s.starts_with("Es sind")));
        assert!(super::embedded().is_some());
    }

    /// A pack's wording written for data version 1.0 (only the first seven `leer` sentences)
    /// still reads; the later parts come from the built-in wording.
    #[test]
    fn a_wording_of_version_1_0_still_reads() {
        let old = "leer:\n  ziele: Z.\n  einsatzszenarien: E.\n  fortbildung: F.\n  massnahmen: M.\n  evaluation: V.\n  geraete: G.\n  plattformen: P.\n";
        let loaded = super::read("wortlaut.yaml", old.as_bytes());
        let w = super::completed(&loaded.value.expect("reads"));
        assert_eq!(w["leer"]["ziele"], "Z.");
        assert_eq!(w["leer"]["finanzierung"], super::builtin()["leer"]["finanzierung"]);
        assert!(w["saetze"]["umfang"].as_str().is_some_and(|s| s.contains("{umfang}")));
    }

    /// The words mep puts into computed figures are the wording's words (one source).
    #[test]
    fn the_words_of_the_figures_are_the_wordings() {
        let w = super::embedded().expect("built-in wording");
        assert_eq!(w.woerter.nicht_bekannt, vokabular::NICHT_BEKANNT);
        assert_eq!(w.woerter.kosten_offen, vokabular::KOSTEN_OFFEN);
    }

    /// Every document name of the plan format has its forms in the wording.
    #[test]
    fn every_document_name_has_its_grammar() {
        let w = super::embedded().expect("built-in wording");
        for name in crate::model::Dokumentname::ALL {
            let forms = w.dokumentnamen.get(name.key()).expect("forms");
            assert_eq!(vokabular::Grammatik::of(*name).nominativ, forms.nominativ);
        }
    }
}
