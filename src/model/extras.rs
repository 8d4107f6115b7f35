//! Optional sections real plans contain beyond the funding core: room types
//! with their standard equipment, partners, activities outside lessons,
//! literature, attachments and signatures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Angabe, Datum};

choice! {
    /// Ob ein Raumstandard heute besteht oder geplant ist.
    Raumzustand {
        Ist = "ist": "Ist-Ausstattung",
        Soll = "soll": "Soll-Ausstattung (geplant)",
    }
}

choice! {
    /// Name des Dokuments (bestimmt Titel und Artikel im Text).
    Dokumentname {
        Medienentwicklungsplan = "medienentwicklungsplan": "Medienentwicklungsplan",
        Medienkonzept = "medienkonzept": "Medienkonzept",
        Medienbildungskonzept = "medienbildungskonzept": "Medienbildungskonzept",
        Einsatzkonzept = "einsatzkonzept": "Technisch-pädagogisches Einsatzkonzept",
    }
}

choice! {
    /// Art des Internetanschlusses.
    Anbindung {
        Glasfaser = "glasfaser": "Glasfaser",
        Koax = "koax": "Koaxialkabel (Kabelnetz)",
        Dsl = "dsl": "DSL",
        Mobilfunk = "mobilfunk": "Mobilfunk",
        Satellit = "satellit": "Satellit",
        Landesnetz = "landesnetz": "Landes- oder Kommunalnetz",
        Sonstige = "sonstige": "Sonstige",
    }
}

choice! {
    /// Art eines Kooperationspartners.
    Partnerart {
        Medienzentrum = "medienzentrum": "Medienzentrum",
        Jugendhilfe = "jugendhilfe": "Jugendhilfe",
        Unternehmen = "unternehmen": "Unternehmen",
        Hochschule = "hochschule": "Hochschule",
        Bibliothek = "bibliothek": "Bibliothek",
        Verein = "verein": "Verein",
        Polizei = "polizei": "Polizei",
        Schule = "schule": "Andere Schule",
        Sonstige = "sonstige": "Sonstige",
    }
}

choice! {
    /// Art eines Angebots außerhalb des Unterrichts.
    Angebotsart {
        Elternabend = "elternabend": "Elternabend",
        Medienscouts = "medienscouts": "Medienscouts",
        Ag = "ag": "Arbeitsgemeinschaft",
        Projekt = "projekt": "Projekt",
        Sonstiges = "sonstiges": "Sonstiges",
    }
}

choice! {
    /// Wer unterschreibt.
    Rolle {
        Schulleitung = "schulleitung": "Schulleitung",
        Schultraeger = "schultraeger": "Schulträger",
        Medienbeauftragte = "medienbeauftragte": "Medienbeauftragte Person",
        Sonstige = "sonstige": "Sonstige",
    }
}

/// Ein Raumtyp mit seiner Standardausstattung.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Raumtyp {
    /// Bezeichnung, z. B. Klassenraum, Fachraum Naturwissenschaften.
    #[serde(rename = "bezeichnung")]
    #[schemars(example = &"Klassenraum")]
    pub name: String,
    /// Anzahl der Räume dieses Typs, oder `unbekannt`.
    #[serde(rename = "anzahl", default)]
    pub count: Option<Angabe<u32>>,
    /// Ob der Raumstandard heute besteht (`ist`) oder geplant ist (`soll`); ein Soll-Standard ist ein Ausstattungsplan.
    #[serde(rename = "zustand", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Raumzustand>,
    /// Ausstattung, die jeder Raum dieses Typs erhält, z. B. [Display, Dokumentenkamera, WLAN].
    #[serde(rename = "ausstattung", default)]
    pub equipment: Vec<String>,
    /// Ergänzende Beschreibung (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "beschreibung", default)]
    pub description: Option<String>,
}

/// Ein Kooperationspartner.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kooperation {
    /// Name des Partners.
    #[schemars(example = &"Kreismedienzentrum Musterkreis")]
    pub name: String,
    /// Art des Partners.
    #[serde(rename = "art")]
    pub kind: Partnerart,
    /// Worin die Zusammenarbeit besteht (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "beschreibung", default)]
    pub description: Option<String>,
}

/// Ein Angebot außerhalb des Unterrichts.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Angebot {
    /// Titel.
    #[serde(rename = "titel")]
    #[schemars(example = &"Elternabend Medienerziehung")]
    pub title: String,
    /// Art des Angebots.
    #[serde(rename = "art")]
    pub kind: Angebotsart,
    /// Zielgruppe, z. B. Eltern der Jahrgänge 5 und 6.
    #[serde(rename = "zielgruppe", default)]
    pub audience: Option<String>,
    /// Turnus, z. B. jährlich im Herbst.
    #[serde(rename = "turnus", default)]
    pub frequency: Option<String>,
    /// Beschreibung (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "beschreibung", default)]
    pub description: Option<String>,
}

/// Eine Anlage zum Dokument.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anlage {
    /// Titel der Anlage.
    #[serde(rename = "titel")]
    #[schemars(example = &"Nutzungsordnung für digitale Endgeräte")]
    pub title: String,
    /// Dateiname oder Fundort.
    #[serde(rename = "datei", default)]
    pub file: Option<String>,
}

/// Eine Unterschrift unter dem Dokument.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unterschrift {
    /// Wer unterschreibt.
    #[serde(rename = "rolle")]
    pub role: Rolle,
    /// Name der unterschreibenden Person.
    #[schemars(example = &"Dr. A. Beispiel")]
    pub name: String,
    /// Funktion, z. B. Schulleiterin, Bürgermeister.
    #[serde(rename = "funktion", default)]
    pub function: Option<String>,
    /// Ort.
    #[serde(rename = "ort", default)]
    pub place: Option<String>,
    /// Datum der Unterschrift (leer lassen, wenn von Hand unterschrieben wird).
    #[serde(rename = "datum", default)]
    pub date: Option<Datum>,
}

choice! {
    /// Kapitel, nach dem ein Zusatzkapitel steht.
    Kapitelstelle {
        Zusammenfassung = "zusammenfassung": "Zusammenfassung",
        Schulprofil = "schulprofil": "Schulprofil und Ausgangslage",
        Leitbild = "leitbild": "Leitbild",
        IstAnalyse = "ist_analyse": "Ist-Analyse",
        Ziele = "ziele": "Ziele",
        Mediencurriculum = "mediencurriculum": "Mediencurriculum",
        Einsatzkonzept = "einsatzkonzept": "Einsatzkonzept",
        Ausstattung = "ausstattung": "Ausstattungsbedarf und Investitionsplan",
        Datenschutz = "datenschutz": "Plattformen und Datenschutz",
        Fortbildung = "fortbildung": "Fortbildungsplanung",
        Betrieb = "betrieb": "Betrieb, Wartung, Support",
        Zeitplan = "zeitplan": "Maßnahmen- und Zeitplan",
        Finanzierung = "finanzierung": "Kosten- und Finanzierungsplan",
        Evaluation = "evaluation": "Evaluation und Fortschreibung",
    }
}

/// Ein zusätzliches Kapitel, das die Schule oder der Träger selbst schreibt (z. B. „Inklusion“).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zusatzkapitel {
    /// Überschrift des Kapitels.
    #[serde(rename = "titel")]
    #[schemars(example = &"Inklusion und Barrierefreiheit")]
    pub title: String,
    /// Text des Kapitels (Markdown, ohne HTML).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "text")]
    pub text: String,
    /// Kennung des Kapitels, nach dem dieses Kapitel steht, z. B. `ziele`; mehrere Zusatzkapitel an
    /// derselben Stelle folgen in der Reihenfolge des Plans. Zusatzkapitel haben keine Nummer, die
    /// Nummern der übrigen Kapitel bleiben.
    #[serde(rename = "nach")]
    pub after: Kapitelstelle,
}
