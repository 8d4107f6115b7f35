//! The file format of a profile (`schemas/profiles/*.yaml`, `--profile FILE`): reading and validation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::parameter::{Angaben, Parameter};
use super::types::Einstellung;
use crate::load::{Limits, Loaded, Schema, load_document};
use crate::model::{Datum, Land, Programm};

/// Werte, Angaben und Schweregrade für ein Programm.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Abschnitt {
    /// Parameter der Regeln.
    #[serde(default)]
    pub parameter: Parameter,
    /// Beschreibende Angaben.
    #[serde(default)]
    pub angaben: Angaben,
    /// Schweregrad je Regel-Code: `fehler`, `warnung`, `hinweis` oder `aus`.
    #[serde(default)]
    pub regeln: BTreeMap<String, Einstellung>,
}

impl Abschnitt {
    /// Whether the section holds nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.regeln.is_empty()
            && serde_json::to_value(&self.parameter).is_ok_and(|v| v.as_object().is_some_and(serde_json::Map::is_empty))
            && serde_json::to_value(&self.angaben).is_ok_and(|v| v.as_object().is_some_and(serde_json::Map::is_empty))
    }
}

/// Eine Profildatei: Programm, Land-Ergänzung oder eigene Anpassung einer Arbeitsgruppe.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Regelprofil (mep)", description = "Regelprofil für `mep pruefen --profil`: wählt Regeln, Schweregrade und Parameter.")]
pub struct ProfilDatei {
    /// Kennung des Profils, z. B. `digitalpakt-2` oder `land-bw`.
    pub id: String,
    /// Titel.
    pub titel: String,
    /// Förderprogramm, für das das Profil gilt (Programmprofile und eigene Profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programm: Option<Programm>,
    /// Land, für das das Profil gilt (Land-Ergänzungen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub land: Option<Land>,
    /// Gesetzt, wenn das Profil vorläufig ist: was vereinbart ist und was aussteht.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vorlaeufig: Option<String>,
    /// Datum der neuesten Quelle des Profils.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stand: Option<Datum>,
    /// Parameter der Regeln, für jedes Programm (Programmprofile und eigene Profile; nicht in Land-Ergänzungen).
    #[serde(default)]
    pub parameter: Parameter,
    /// Beschreibende Angaben, für jedes Programm (nicht in Land-Ergänzungen).
    #[serde(default)]
    pub angaben: Angaben,
    /// Schweregrad je Regel-Code, für jedes Programm (nicht in Land-Ergänzungen).
    #[serde(default)]
    pub regeln: BTreeMap<String, Einstellung>,
    /// Was nur im DigitalPakt Schule 2019–2024 gilt.
    #[serde(rename = "digitalpakt-2019", default, skip_serializing_if = "Option::is_none")]
    pub digitalpakt_2019: Option<Abschnitt>,
    /// Was nur im DigitalPakt 2.0 gilt. Ein Wert, der für den DigitalPakt 2.0 nicht bekannt ist, fehlt hier.
    #[serde(rename = "digitalpakt-2", default, skip_serializing_if = "Option::is_none")]
    pub digitalpakt_2: Option<Abschnitt>,
}

impl ProfilDatei {
    /// The section for one programme, if the file has one.
    #[must_use]
    pub fn section(&self, programm: Programm) -> Option<&Abschnitt> {
        match programm {
            Programm::Dp2019 => self.digitalpakt_2019.as_ref(),
            Programm::Dp2 => self.digitalpakt_2.as_ref(),
        }
    }

    /// Whether the file is a Land overlay (`id: land-…`).
    #[must_use]
    pub fn is_land_overlay(&self) -> bool {
        self.id.starts_with("land-")
    }

    /// The values the file holds for every programme, as one section.
    #[must_use]
    pub fn general(&self) -> Abschnitt {
        Abschnitt { parameter: self.parameter.clone(), angaben: self.angaben.clone(), regeln: self.regeln.clone() }
    }
}

static PROFILE_SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::of::<ProfilDatei>);

/// The JSON Schema of a profile file.
#[must_use]
pub fn schema() -> &'static Schema {
    &PROFILE_SCHEMA
}

/// Where the JSON Schema of profile files is committed.
pub const SCHEMA_PATH: &str = "schemas/profile.schema.json";

/// The JSON Schema of a profile file as committed text (header keys first).
#[must_use]
pub fn schema_json() -> String {
    crate::schema::schema_text(PROFILE_SCHEMA.as_json(), None)
}

/// Reads a profile file under the input budgets and checks its structure (like a plan).
///
/// What the structure cannot show (known rule codes, severities the sources allow, Land overlays
/// per programme) is checked next to the profile codes, by [`crate::rules::profil::load_profile`].
#[must_use]
pub fn read_profile(name: &str, bytes: &[u8], limits: &Limits) -> Loaded<ProfilDatei> {
    load_document::<ProfilDatei>(name, bytes, limits, &PROFILE_SCHEMA)
}
