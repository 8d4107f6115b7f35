//! The optional sections of the Schulträger file that make it the Schulträger's own
//! Medienentwicklungsplan (`mep traegerplan`): the Betrieb/Support concept, equipment
//! standards per Schulform, cost parameters per device type, money per year and source,
//! council decisions, the time plan, goals and evaluation indicators.
//!
//! Every section may be missing or written as `unbekannt`; nothing has a built-in default.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Angabe, Euro, Geraetetyp, Schulform, Wert, Zeitpunkt};

/// Das Betriebs-, Wartungs- und Supportkonzept des Schulträgers (Antragsteller).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TraegerBetrieb {
    /// Bezeichnung oder Aktenzeichen des Konzepts.
    #[serde(rename = "konzept")]
    #[schemars(example = &"IT-Betriebs- und Supportkonzept für die Schulen der Stadt Musterstadt")]
    pub reference: String,
    /// Datum des Konzepts (Tag, Monat oder `unbekannt`).
    #[serde(rename = "datum")]
    pub date: Angabe<Zeitpunkt>,
    /// Wer das Konzept für den Schulträger unterzeichnet hat (Name und Funktion).
    #[serde(rename = "unterzeichnet_von", default)]
    #[schemars(example = &"M. Muster, Bürgermeisterin")]
    pub signatory: Option<String>,
    /// Das Supportmodell: eine Zeile je Ebene (first, second, third level).
    #[serde(rename = "support", default)]
    pub levels: Vec<SupportEbene>,
}

/// Eine Ebene des Supportmodells.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportEbene {
    /// Die Ebene: `first_level` (in der Schule), `second_level` (Schulträger oder Dienstleister), `third_level` (Hersteller, Fachfirmen).
    #[serde(rename = "ebene")]
    pub level: Supportebene,
    /// Wer den Support leistet.
    #[serde(rename = "wer")]
    #[schemars(example = &"IT-Abteilung der Stadt")]
    pub who: String,
    /// Eigenes Personal (`eigenes_personal`), Vertrag mit einem Dienstleister (`vertrag`) oder Personal der Schule (`schule`); `unbekannt`, wenn noch offen.
    #[serde(rename = "erbracht_durch")]
    pub by: Angabe<Leistungserbringer>,
    /// Zugesagte Reaktionszeit in Stunden.
    #[serde(rename = "reaktionszeit_stunden", default)]
    pub response_hours: Option<Angabe<u32>>,
}

choice! {
    /// Ebene des Supports.
    Supportebene {
        First = "first_level": "First-Level-Support",
        Second = "second_level": "Second-Level-Support",
        Third = "third_level": "Third-Level-Support",
    }
}

choice! {
    /// Wer eine Supportebene erbringt.
    Leistungserbringer {
        EigenesPersonal = "eigenes_personal": "eigenes Personal",
        Vertrag = "vertrag": "Vertrag mit Dienstleister",
        Schule = "schule": "Personal der Schule",
    }
}

impl Wert for Leistungserbringer {
    fn als_text(&self) -> String {
        self.key().to_owned()
    }
}

/// Ausstattungsstandard (Ausstattungsschlüssel) einer Schulform.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Die Schulform, für die der Standard gilt.
    #[serde(rename = "schulform")]
    pub kind: Schulform,
    /// Nur für berufliche Schulen: der Bildungsgang, für den der Standard gilt (sonst für die ganze Schule).
    #[serde(rename = "bildungsgang", default)]
    pub track: Option<String>,
    /// Geräte je Bezugsgröße, z. B. ein Display je Unterrichtsraum oder ein Tablet je drei Schülerinnen und Schüler.
    #[serde(rename = "geraete", default)]
    pub devices: Vec<GeraeteStandard>,
    /// Netzstandard je Schule.
    #[serde(rename = "netz", default)]
    pub network: Option<NetzStandard>,
}

/// Soll-Ausstattung mit einem Gerätetyp: `anzahl` Geräte je `je` Einheiten der Bezugsgröße.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeraeteStandard {
    /// Gerätetyp wie unter `bestand.geraete` der Pläne.
    #[serde(rename = "typ")]
    pub kind: Geraetetyp,
    /// Bezugsgröße: `unterrichtsraum`, `schueler` oder `lehrkraft`.
    #[serde(rename = "bezug")]
    pub basis: Bezug,
    /// Geräte je `je` Einheiten der Bezugsgröße (Standard 1).
    #[serde(rename = "anzahl", default = "one")]
    #[schemars(range(min = 1))]
    pub count: u32,
    /// Einheiten der Bezugsgröße, auf die sich `anzahl` bezieht (Standard 1): `anzahl: 1, je: 3` heißt ein Gerät je drei.
    #[serde(rename = "je", default = "one")]
    #[schemars(range(min = 1))]
    pub per: u32,
}

fn one() -> u32 {
    1
}

choice! {
    /// Bezugsgröße eines Ausstattungsstandards.
    Bezug {
        Unterrichtsraum = "unterrichtsraum": "Unterrichtsraum",
        Schueler = "schueler": "Schülerin oder Schüler",
        Lehrkraft = "lehrkraft": "Lehrkraft",
    }
}

/// Netzstandard je Schule.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetzStandard {
    /// Mindestbandbreite des Internetanschlusses je Schule in Mbit/s.
    #[serde(rename = "bandbreite_mbit", default)]
    pub bandwidth_mbit: Option<u32>,
    /// Anteil der Unterrichtsräume mit WLAN in Prozent.
    #[serde(rename = "wlan_abdeckung_prozent", default)]
    #[schemars(range(max = 100))]
    pub wlan_percent: Option<u32>,
}

/// Kostenparameter eines Gerätetyps; was fehlt, bleibt in der Rechnung offen (keine eingebauten Werte).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kostenparameter {
    /// Gerätetyp.
    #[serde(rename = "typ")]
    pub kind: Geraetetyp,
    /// Preis je Gerät in Euro, mit dem der Restbedarf zum Standard und der Ersatz bewertet werden.
    #[serde(rename = "einzelpreis_eur", default)]
    pub price: Option<Angabe<Euro>>,
    /// Ersatzzyklus in Jahren (Nutzungsdauer).
    #[serde(rename = "ersatzzyklus_jahre", default)]
    pub cycle_years: Option<Angabe<u32>>,
    /// Laufende Kosten je Gerät und Jahr in Euro (Wartung, Lizenzen, Support).
    #[serde(rename = "betriebskosten_eur_pro_jahr", default)]
    pub running_eur: Option<Angabe<Euro>>,
}

impl Wert for Euro {
    fn als_text(&self) -> String {
        format!("{}", self.eur())
    }
}

/// Geld für die Medienentwicklung in einem Haushaltsjahr aus einer Quelle.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mittel {
    /// Haushaltsjahr.
    #[serde(rename = "jahr")]
    #[schemars(range(min = 2000, max = 2100))]
    pub year: i32,
    /// Quelle: `digitalpakt`, `land`, `eigenmittel` (Haushalt des Schulträgers) oder `sonstige`.
    #[serde(rename = "quelle")]
    pub source: Mittelquelle,
    /// Betrag in Euro; `unbekannt`, solange der Haushalt nicht beschlossen ist.
    #[serde(rename = "betrag_eur")]
    pub amount: Angabe<Euro>,
    /// Wofür die Mittel gebunden sind, wenn nur für einen Zweck (z. B. `betrieb`).
    #[serde(rename = "zweck", default)]
    pub purpose: Option<Mittelzweck>,
}

choice! {
    /// Quelle der Mittel.
    Mittelquelle {
        Digitalpakt = "digitalpakt": "DigitalPakt",
        Land = "land": "Landesmittel",
        Eigenmittel = "eigenmittel": "Eigenmittel des Schulträgers",
        Sonstige = "sonstige": "sonstige Mittel",
    }
}

choice! {
    /// Zweckbindung der Mittel.
    Mittelzweck {
        Investition = "investition": "Investitionen",
        Betrieb = "betrieb": "Betrieb und Ersatz",
    }
}

/// Ein Beschluss eines kommunalen Gremiums zum Medienentwicklungsplan.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratsbeschluss {
    /// Gremium, z. B. „Rat der Stadt“ oder „Schulausschuss“.
    #[serde(rename = "gremium")]
    pub body: String,
    /// Datum des Beschlusses (Tag, Monat oder `unbekannt`).
    #[serde(rename = "datum")]
    pub date: Angabe<Zeitpunkt>,
    /// Nummer der Drucksache oder Vorlage.
    #[serde(rename = "drucksache", default)]
    pub paper: Option<String>,
    /// Gegenstand des Beschlusses.
    #[serde(rename = "gegenstand", default)]
    pub subject: Option<String>,
}

/// Ein Schritt des Zeitplans des Schulträgers.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zeitplanschritt {
    /// Was geschieht.
    #[serde(rename = "titel")]
    pub title: String,
    /// Beginn (Tag oder Monat, z. B. `2026-08`).
    #[serde(rename = "von")]
    pub from: Angabe<Zeitpunkt>,
    /// Ende (Tag oder Monat).
    #[serde(rename = "bis")]
    pub to: Angabe<Zeitpunkt>,
    /// Verantwortlich.
    #[serde(rename = "verantwortlich", default)]
    pub responsible: Option<String>,
}

/// Ein Indikator, an dem der Schulträger den Plan misst.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indikator {
    /// Der Indikator, z. B. „Unterrichtsräume mit Display“.
    #[serde(rename = "indikator")]
    pub name: String,
    /// Zielwert.
    #[serde(rename = "zielwert", default)]
    pub target: Option<String>,
    /// Wann er erhoben wird, z. B. „jährlich zum Schuljahresende“.
    #[serde(rename = "erhebung", default)]
    pub when: Option<String>,
}

/// Wann der Plan fortgeschrieben wird.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fortschreibung {
    /// Nächste Fortschreibung (Tag oder Monat).
    #[serde(rename = "naechste")]
    pub next: Angabe<Zeitpunkt>,
    /// Turnus, z. B. „alle zwei Jahre“.
    #[serde(rename = "turnus", default)]
    pub cycle: Option<String>,
}

impl Wert for TraegerBetrieb {
    fn als_text(&self) -> String {
        self.reference.clone()
    }
}

impl<T> Wert for Vec<T> {
    fn als_text(&self) -> String {
        String::new()
    }
}
