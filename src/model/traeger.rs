//! The Schulträger file (`traeger.yaml`) of `mep review`: who reviews, under which
//! programme and budget, and which schools are expected to hand in a plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Euro, Land, Person, Programm};

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
