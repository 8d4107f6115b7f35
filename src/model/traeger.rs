//! The Schulträger file (`traeger.yaml`) of `mep review`: who reviews, under which
//! programme and budget, and which schools are expected to hand in a plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Angabe, Euro, Fortschreibung, Indikator, Kostenparameter, Land, Mittel, Person, Programm, Ratsbeschluss, Standard, TraegerBetrieb,
    Zeitplanschritt,
};

/// Angaben eines Schulträgers für die Prüfung vieler Pläne mit `mep uebersicht`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Schulträger (mep uebersicht, Format 1)",
    description = "Angaben eines Schulträgers für `mep uebersicht --traeger`: Land, Förderprogramm, Gesamtbudget und die Schulen, \
von denen ein Medienentwicklungsplan erwartet wird."
)]
pub struct Traeger {
    /// Version des Formats; immer 1.
    pub format: u32,
    /// Name des Schulträgers.
    #[schemars(example = &"Stadt Musterstadt")]
    pub name: String,
    /// Bundesland des Schulträgers; jede Schule muss im selben Land liegen.
    pub land: Land,
    /// Förderprogramm; jeder Plan muss dasselbe Programm nennen.
    #[serde(rename = "programm")]
    pub programme: Programm,
    /// Gesamtbudget des Schulträgers in Euro (Fördermittel); die Summe der beantragten Mittel aller Schulen darf es nicht übersteigen.
    #[serde(rename = "budget_eur")]
    pub budget: Euro,
    /// Ansprechperson beim Schulträger.
    #[serde(rename = "ansprechperson", default)]
    pub contact: Option<Person>,
    /// Schulen, von denen ein Plan erwartet wird.
    #[serde(rename = "schulen", default)]
    pub schools: Vec<ErwarteteSchule>,
    /// Betriebs-, Wartungs- und Supportkonzept des Schulträgers mit dem Supportmodell; die Länder prüfen es beim Antragsteller.
    /// `mep uebersicht --traeger` meldet einen fehlenden oder unvollständigen Abschnitt als Fehler.
    #[serde(rename = "betrieb", default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Angabe<TraegerBetrieb>>,
    /// Ziele des Schulträgers für die Medienentwicklung seiner Schulen (je Ziel ein Satz).
    #[serde(rename = "ziele", default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Ausstattungsstandards (Ausstattungsschlüssel) je Schulform; `mep traegerplan` vergleicht die Schulen damit.
    #[serde(rename = "ausstattungsstandards", default, skip_serializing_if = "Option::is_none")]
    pub standards: Option<Angabe<Vec<Standard>>>,
    /// Kostenparameter je Gerätetyp (Preis, Ersatzzyklus, laufende Kosten); ohne eingebaute Werte: was fehlt, wird nicht berechnet.
    #[serde(rename = "kostenparameter", default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<Angabe<Vec<Kostenparameter>>>,
    /// Mittel je Haushaltsjahr und Quelle über die Laufzeit (DigitalPakt, Land, Eigenmittel, sonstige); `budget_eur` bleibt das Budget der Fördermittel.
    #[serde(rename = "mittel", default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Angabe<Vec<Mittel>>>,
    /// Beschlüsse kommunaler Gremien (Rat, Ausschuss) zum Plan.
    #[serde(rename = "ratsbeschluesse", default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Ratsbeschluss>,
    /// Zeitplan des Schulträgers über die Laufzeit.
    #[serde(rename = "zeitplan", default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<Zeitplanschritt>,
    /// Indikatoren, an denen der Schulträger die Umsetzung misst.
    #[serde(rename = "evaluation", default, skip_serializing_if = "Vec::is_empty")]
    pub evaluation: Vec<Indikator>,
    /// Wann der Plan fortgeschrieben wird.
    #[serde(rename = "fortschreibung", default, skip_serializing_if = "Option::is_none")]
    pub update: Option<Fortschreibung>,
}

impl Traeger {
    /// The Betrieb/Support concept, when the file gives one (not `unbekannt`).
    #[must_use]
    pub fn betrieb(&self) -> Option<&TraegerBetrieb> {
        match self.operations.as_ref()? {
            Angabe::Bekannt(b) | Angabe::Ungefaehr(b) => Some(b),
            Angabe::Unbekannt => None,
        }
    }

    /// The equipment standards (empty when missing or `unbekannt`).
    #[must_use]
    pub fn standards(&self) -> &[Standard] {
        known_list(self.standards.as_ref())
    }

    /// The cost parameters (empty when missing or `unbekannt`).
    #[must_use]
    pub fn cost_parameters(&self) -> &[Kostenparameter] {
        known_list(self.costs.as_ref())
    }

    /// The money per year and source (empty when missing or `unbekannt`).
    #[must_use]
    pub fn money(&self) -> &[Mittel] {
        known_list(self.money.as_ref())
    }
}

fn known_list<T>(a: Option<&Angabe<Vec<T>>>) -> &[T] {
    match a {
        Some(Angabe::Bekannt(v) | Angabe::Ungefaehr(v)) => v,
        _ => &[],
    }
}

/// Eine Schule, von der ein Plan erwartet wird.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErwarteteSchule {
    /// Schulnummer des Landes (in Anführungszeichen), wie im Plan unter `schule.schulnummer`.
    #[serde(rename = "schulnummer")]
    #[schemars(example = &"162437")]
    pub number: String,
    /// Name der Schule.
    #[schemars(example = &"Grundschule am Markt")]
    pub name: String,
}
