//! The file format of a profile (`schemas/profiles/*.yaml`, `--profile FILE`): reading and validation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{Angaben, Einstellung, Parameter};
use crate::diag::Diagnostic;
use crate::load::{Limits, Loaded, Schema, load_document, suggest};
use crate::model::{Datum, Land, Programm};
use crate::rules::{self, profil::PROFIL_REGEL, profil::PROFIL_SCHWERE};

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
#[schemars(
    title = "Regelprofil (mep)",
    description = "Regelprofil für `mep pruefen --profil`: wählt Regeln, Schweregrade und Parameter."
)]
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

    fn general(&self) -> Abschnitt {
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

/// Loads a profile file and validates it: structure (like a plan), then rule codes and severities.
#[must_use]
pub fn load_profile(name: &str, bytes: &[u8], limits: &Limits) -> Loaded<ProfilDatei> {
    let mut loaded = load_document::<ProfilDatei>(name, bytes, limits, &PROFILE_SCHEMA);
    if let Some(file) = &loaded.value {
        let mut found = validate(file);
        for d in &mut found {
            loaded.source.locate(d);
        }
        loaded.diagnostics.append(&mut found);
        crate::diag::sort(&mut loaded.diagnostics);
        if crate::diag::has_errors(&loaded.diagnostics) {
            loaded.value = None;
        }
    }
    loaded
}

/// Checks what the structure cannot: known rule codes, severities allowed by the sources,
/// Land overlays holding their values per programme.
fn validate(file: &ProfilDatei) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let general = file.general();
    let sections =
        [("", Some(&general)), ("digitalpakt-2019.", file.digitalpakt_2019.as_ref()), ("digitalpakt-2.", file.digitalpakt_2.as_ref())];
    for (prefix, section) in sections {
        if let Some(section) = section {
            validate_rules(prefix, &section.regeln, &mut out);
        }
    }
    if let (Some(p), Some(_)) = (file.programm, file.land)
        && file.is_land_overlay()
    {
        out.push(
            PROFIL_REGEL.diagnostic(
                "programm",
                format!("Eine Land-Ergänzung gilt für beide Programme und nennt kein Programm (hier `{}`).", p.key()),
            ),
        );
    }
    if file.is_land_overlay() && !general.is_empty() {
        let path = if file.regeln.is_empty() { "parameter" } else { "regeln" };
        out.push(
            PROFIL_REGEL
                .diagnostic(path, "Eine Land-Ergänzung nennt ihre Werte je Programm, nicht für beide zugleich.")
                .help("Schreiben Sie die Werte unter `digitalpakt-2019:` oder `digitalpakt-2:` (mit `parameter`, `angaben`, `regeln`)."),
        );
    }
    out
}

fn validate_rules(prefix: &str, regeln: &BTreeMap<String, Einstellung>, out: &mut Vec<Diagnostic>) {
    let codes: Vec<&str> = rules::all().iter().filter(|r| rules::is_adjustable(r)).map(|r| r.code).collect();
    for (code, setting) in regeln {
        let path = format!("{prefix}regeln.{code}");
        match rules::find(code) {
            Some(rule) if rules::is_adjustable(rule) => {
                if *setting == Einstellung::Fehler && rule.only_weak_sources() {
                    out.push(
                        PROFIL_SCHWERE
                            .diagnostic(
                                path,
                                format!(
                                    "`{}` stützt sich nur auf Presse- oder Sekundärquellen und darf höchstens eine Warnung sein.",
                                    rule.code
                                ),
                            )
                            .help("Schreiben Sie `warnung` oder ergänzen Sie zuerst eine amtliche Quelle in der Regel."),
                    );
                }
            }
            Some(rule) => out.push(
                PROFIL_REGEL
                    .diagnostic(
                        path,
                        format!("`{}` wird beim Einlesen geprüft und lässt sich nicht über ein Profil einstellen.", rule.code),
                    )
                    .help("Entfernen Sie den Eintrag."),
            ),
            None => {
                let help = match suggest(code, &codes) {
                    Some(s) => format!("Meinten Sie `{s}`? Alle Codes zeigt `mep regeln`."),
                    None => "Alle Codes zeigt `mep regeln`.".to_owned(),
                };
                out.push(PROFIL_REGEL.diagnostic(path, format!("Die Regel `{code}` gibt es nicht.")).help(help));
            }
        }
    }
}
