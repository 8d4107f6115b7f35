//! Goals, and a goal's counted equipment target (`ziele[].ausstattungsziel`), which the
//! plausibility check compares with the devices owned and planned.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Datum, Dimension, Geraetetyp};

/// Ein Ziel der Medienentwicklung.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ziel {
    /// Kennung, z. B. Z1.
    #[schemars(example = &"Z1")]
    pub id: String,
    /// Handlungsfeld.
    pub dimension: Dimension,
    /// Beschreibung des Ziels.
    #[serde(rename = "beschreibung")]
    pub description: String,
    /// Woran die Zielerreichung gemessen wird.
    #[serde(rename = "indikator", default)]
    pub indicator: Option<String>,
    /// Wert zu Beginn.
    #[serde(rename = "ausgangswert", default)]
    pub baseline: Option<String>,
    /// Angestrebter Wert.
    #[serde(rename = "zielwert", default)]
    pub target: Option<String>,
    /// Termin, bis zu dem das Ziel erreicht sein soll.
    #[serde(rename = "termin", default)]
    pub due: Option<Datum>,
    /// Zählbares Ausstattungsziel, z. B. ein interaktives Display je Unterrichtsraum. Optional; mep vergleicht es
    /// in einer Plausibilitätsprüfung mit dem Bestand und dem Bedarf.
    #[serde(rename = "ausstattungsziel", default, skip_serializing_if = "Option::is_none")]
    pub equipment_target: Option<Ausstattungsziel>,
}

choice! {
    /// Bezugsgröße eines Ausstattungsziels.
    Bezugsgroesse {
        Unterrichtsraum = "unterrichtsraum": "Unterrichtsraum",
        Schueler = "schueler": "Schülerin oder Schüler",
        Lehrkraft = "lehrkraft": "Lehrkraft",
    }
}

/// Ein zählbares Ausstattungsziel: `anzahl` Geräte eines Typs je `auf` Unterrichtsräume, Schülerinnen und Schüler oder Lehrkräfte.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ausstattungsziel {
    /// Gerätetyp, wie unter `bedarf[].geraetetyp`, z. B. `display`.
    #[serde(rename = "geraetetyp")]
    pub device: Geraetetyp,
    /// Bezugsgröße: `unterrichtsraum` (Zahl aus `schule.unterrichtsraeume`), `schueler` oder `lehrkraft`.
    #[serde(rename = "je")]
    pub per: Bezugsgroesse,
    /// Geräte je Bezugsgröße (Standard 1), z. B. 1 Display je Unterrichtsraum.
    #[serde(rename = "anzahl", default = "eins")]
    #[schemars(range(min = 1))]
    pub count: u32,
    /// Auf wie viele der Bezugsgröße sich `anzahl` bezieht (Standard 1), z. B. 1 Tablet auf 3 Schülerinnen und Schüler: `anzahl: 1, auf: 3`.
    #[serde(rename = "auf", default = "eins")]
    #[schemars(range(min = 1))]
    pub per_units: u32,
}

fn eins() -> u32 {
    1
}
