//! The input model, format 1: one school's plan as written in YAML.
//!
//! Keys are German (`schueler`), Rust names English (`pupils`). Field docs are
//! German on purpose: they become the JSON Schema descriptions that school
//! staff read in their editor.

mod angabe;
mod traeger;
mod types;
mod zeitpunkt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use angabe::{Angabe, OHNE_DATUM, UNBEKANNT, UNGEFAEHR_PATTERN, Wert, schaetzung};
pub use extras::{
    Anbindung, Angebot, Angebotsart, Anlage, Dokumentname, Kapitelstelle, Kooperation, Partnerart, Raumtyp, Raumzustand, Rolle,
    Unterschrift, Zusatzkapitel,
};
pub use traeger::{ErwarteteSchule, Traeger};
pub use traeger_teile::{
    Bezug, Fortschreibung, GeraeteStandard, Indikator, Kostenparameter, Leistungserbringer, Mittel, Mittelquelle, Mittelzweck,
    NetzStandard, Ratsbeschluss, Standard, SupportEbene, Supportebene, TraegerBetrieb, Zeitplanschritt,
};
pub use types::{Datum, Euro, Jahrgang, Quartal, Spanne, Zeitraum};
pub use zeitpunkt::{ZEITPUNKT_PATTERN, Zeitpunkt};

/// Marker for values the user still has to replace (`mep init` writes it; `mep validate` warns about it).
pub const PLACEHOLDER: &str = "BITTE AUSFÜLLEN";

/// Defines a closed set of German keys with a label for documents.
macro_rules! choice {
    ($(#[$m:meta])* $name:ident { $($var:ident = $key:literal : $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $(#[doc = $label] #[serde(rename = $key)] $var),+
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The key as written in YAML.
            #[must_use]
            pub fn key(self) -> &'static str {
                match self { $($name::$var => $key),+ }
            }
            /// The German name used in documents.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self { $($name::$var => $label),+ }
            }
        }
    };
}

// After the macro, so that the modules can use `choice!`.
mod extras;
mod traeger_teile;

choice! {
    /// Förderprogramm, dessen Regeln gelten.
    Programm {
        Dp2019 = "digitalpakt-2019": "DigitalPakt Schule 2019–2024",
        Dp2 = "digitalpakt-2": "DigitalPakt 2.0 (2025–2030)",
    }
}

choice! {
    /// Bundesland (Kürzel).
    Land {
        Bw = "BW": "Baden-Württemberg",
        By = "BY": "Bayern",
        Be = "BE": "Berlin",
        Bb = "BB": "Brandenburg",
        Hb = "HB": "Bremen",
        Hh = "HH": "Hamburg",
        He = "HE": "Hessen",
        Mv = "MV": "Mecklenburg-Vorpommern",
        Ni = "NI": "Niedersachsen",
        Nw = "NW": "Nordrhein-Westfalen",
        Rp = "RP": "Rheinland-Pfalz",
        Sl = "SL": "Saarland",
        Sn = "SN": "Sachsen",
        St = "ST": "Sachsen-Anhalt",
        Sh = "SH": "Schleswig-Holstein",
        Th = "TH": "Thüringen",
    }
}

choice! {
    /// Schulform.
    Schulform {
        Grundschule = "grundschule": "Grundschule",
        Hauptschule = "hauptschule": "Hauptschule",
        Realschule = "realschule": "Realschule",
        Werkrealschule = "werkrealschule": "Werkrealschule",
        Gemeinschaftsschule = "gemeinschaftsschule": "Gemeinschaftsschule",
        Gesamtschule = "gesamtschule": "Gesamtschule",
        Oberschule = "oberschule": "Oberschule",
        Gymnasium = "gymnasium": "Gymnasium",
        Foerderschule = "foerderschule": "Förderschule",
        BeruflicheSchule = "berufliche_schule": "Berufliche Schule",
    }
}

impl Schulform {
    /// Whether the school is allgemeinbildend (the mobile-device caps apply only to these).
    #[must_use]
    pub fn allgemeinbildend(self) -> bool {
        self != Schulform::BeruflicheSchule
    }
}

choice! {
    /// Gremium oder Stelle, die den Plan beschlossen oder bestätigt hat.
    Gremium {
        Gesamtlehrerkonferenz = "gesamtlehrerkonferenz": "Gesamtlehrerkonferenz",
        Gesamtkonferenz = "gesamtkonferenz": "Gesamtkonferenz",
        Lehrerkonferenz = "lehrerkonferenz": "Lehrerkonferenz",
        Schulkonferenz = "schulkonferenz": "Schulkonferenz",
        Schulforum = "schulforum": "Schulforum",
        Schulvorstand = "schulvorstand": "Schulvorstand",
        Schultraeger = "schultraeger": "Schulträger",
        Freigabeempfehlung = "freigabeempfehlung": "Freigabeempfehlung des Medienzentrums",
        Schulamt = "schulamt": "Staatliches Schulamt",
    }
}

choice! {
    /// Handlungsfeld eines Ziels.
    Dimension {
        Unterricht = "unterricht": "Unterrichtsentwicklung",
        Personal = "personal": "Personalentwicklung",
        Organisation = "organisation": "Organisationsentwicklung",
        Technik = "technik": "Technologieentwicklung",
    }
}

choice! {
    /// Kompetenzrahmen des Mediencurriculums.
    Rahmen {
        Kmk2016 = "kmk-2016": "KMK-Strategie „Bildung in der digitalen Welt“ (2016)",
        MkrNrw = "mkr-nrw": "Medienkompetenzrahmen NRW",
        ByKompetenzrahmen = "by-kompetenzrahmen": "Kompetenzrahmen zur Medienbildung an bayerischen Schulen",
        NiOrientierungsrahmen = "ni-orientierungsrahmen": "Orientierungsrahmen Medienbildung in der allgemein bildenden Schule (Niedersachsen)",
        BcmBeBb = "bcm-be-bb": "Basiscurriculum Medienbildung (Berlin/Brandenburg)",
        ShFachanforderungen = "sh-fachanforderungen": "Medienkompetenz – Ergänzung zu den Fachanforderungen (Schleswig-Holstein)",
    }
}

choice! {
    /// Fördergegenstand nach § 3 der Verwaltungsvereinbarung.
    Kategorie {
        Vernetzung = "vernetzung": "Digitale Vernetzung",
        Wlan = "wlan": "Schulisches WLAN",
        LehrLernInfrastruktur = "lehr_lern_infrastruktur": "Digitale Lehr-Lern-Infrastrukturen",
        AnzeigeInteraktion = "anzeige_interaktion": "Anzeige- und Interaktionsgeräte",
        Arbeitsgeraete = "arbeitsgeraete": "Digitale Arbeitsgeräte",
        MobileEndgeraete = "mobile_endgeraete": "Schulgebundene mobile Endgeräte",
        Begleitmassnahmen = "begleitmassnahmen": "Investive Begleitmaßnahmen",
    }
}

choice! {
    /// Art des Geräts oder der Leistung.
    Geraetetyp {
        Tablet = "tablet": "Tablet",
        Laptop = "laptop": "Laptop",
        Notebook = "notebook": "Notebook",
        Smartphone = "smartphone": "Smartphone",
        Pc = "pc": "PC",
        Server = "server": "Server",
        Display = "display": "Interaktives Display",
        Beamer = "beamer": "Beamer",
        Dokumentenkamera = "dokumentenkamera": "Dokumentenkamera",
        AccessPoint = "access_point": "WLAN-Access-Point",
        Switch = "switch": "Switch",
        Verkabelung = "verkabelung": "Verkabelung",
        Lizenz = "lizenz": "Lizenz",
        Elektroinstallation = "elektroinstallation": "Elektroinstallation",
        Baumassnahme = "baumassnahme": "Bauliche Maßnahme",
        Sonstiges = "sonstiges": "Sonstiges",
    }
}

impl Geraetetyp {
    /// Whether this is a mobile end device (tablet, laptop, notebook, smartphone).
    #[must_use]
    pub fn mobil(self) -> bool {
        matches!(self, Self::Tablet | Self::Laptop | Self::Notebook | Self::Smartphone)
    }
}

choice! {
    /// Hauptsächliche Nutzung.
    Nutzung {
        Unterricht = "unterricht": "Unterricht",
        Verwaltung = "verwaltung": "Verwaltung",
    }
}

choice! {
    /// Art der Kosten.
    Kostenart {
        Investiv = "investiv": "Investition",
        Laufend = "laufend": "Laufende Kosten",
    }
}

choice! {
    /// Zulässige Begründung für einen Schulserver.
    ServerBegruendung {
        Bandbreite = "bandbreite": "Ausgleich unzureichender Bandbreite (kein Glasfaseranschluss binnen 12 Monaten)",
        RechtlicheVorgabe = "rechtliche_vorgabe": "Rechtlich vorgeschrieben",
        SpezielleAnwendung = "spezielle_anwendung": "Spezielle, z. B. berufsbezogene Anwendung",
    }
}

choice! {
    /// Finanzierung vorhandener Geräte und geplanter Positionen.
    Herkunft {
        Digitalpakt = "digitalpakt": "DigitalPakt Schule",
        Sofortausstattung = "sofortausstattung": "Sofortausstattungsprogramm",
        LeihgeraeteLehrkraefte = "leihgeraete_lehrkraefte": "Leihgeräte für Lehrkräfte",
        Schultraeger = "schultraeger": "Schulträger",
        Land = "land": "Land",
        Foerderverein = "foerderverein": "Förderverein / Spenden",
        Sonstige = "sonstige": "Sonstige",
    }
}

choice! {
    /// Zweck einer Plattform.
    Zweck {
        Lernplattform = "lernplattform": "Lernplattform",
        Kommunikation = "kommunikation": "Kommunikation",
        Videokonferenz = "videokonferenz": "Videokonferenz",
        Cloudspeicher = "cloudspeicher": "Cloudspeicher",
        Office = "office": "Office-Anwendungen",
        Mdm = "mdm": "Geräteverwaltung (MDM)",
        Sonstiges = "sonstiges": "Sonstiges",
    }
}

choice! {
    /// Betreiber einer Plattform.
    Betreiber {
        Land = "land": "Land",
        Schultraeger = "schultraeger": "Schulträger",
        Anbieter = "anbieter": "Anbieter",
        Schule = "schule": "Schule",
    }
}

choice! {
    /// Personengruppe, deren Daten verarbeitet werden.
    Betroffene {
        Schueler = "schueler": "Schülerinnen und Schüler",
        Lehrkraefte = "lehrkraefte": "Lehrkräfte",
        Eltern = "eltern": "Eltern",
    }
}

choice! {
    /// Stand des Vertrags zur Auftragsverarbeitung (Art. 28 DSGVO).
    AvvStatus {
        Unterzeichnet = "unterzeichnet": "unterzeichnet",
        InVorbereitung = "in_vorbereitung": "in Vorbereitung",
        Fehlt = "fehlt": "fehlt",
        NichtErforderlich = "nicht_erforderlich": "nicht erforderlich",
    }
}

choice! {
    /// Stand der Datenschutz-Folgenabschätzung (Art. 35 DSGVO).
    DsfaStatus {
        Durchgefuehrt = "durchgefuehrt": "durchgeführt",
        InArbeit = "in_arbeit": "in Arbeit",
        Fehlt = "fehlt": "fehlt",
        NichtErforderlich = "nicht_erforderlich": "nicht erforderlich",
    }
}

choice! {
    /// Stand der Einwilligungen.
    Einwilligung {
        Eingeholt = "eingeholt": "eingeholt",
        Geplant = "geplant": "geplant",
        Fehlt = "fehlt": "fehlt",
        NichtErforderlich = "nicht_erforderlich": "nicht erforderlich",
    }
}

choice! {
    /// Zielgruppe einer Fortbildung.
    Zielgruppe {
        AlleLehrkraefte = "alle_lehrkraefte": "alle Lehrkräfte",
        Fachschaft = "fachschaft": "Fachschaft",
        Medienbeauftragte = "medienbeauftragte": "Medienbeauftragte",
        Schulleitung = "schulleitung": "Schulleitung",
        NeueLehrkraefte = "neue_lehrkraefte": "neue Lehrkräfte",
    }
}

choice! {
    /// Format einer Fortbildung.
    FortbildungsFormat {
        Schilf = "schilf": "schulinterne Fortbildung (SchiLF)",
        Extern = "extern": "externe Fortbildung",
        Online = "online": "Online-Fortbildung",
        Verbund = "verbund": "Fortbildung im Schulverbund",
    }
}

/// A school's Medienentwicklungsplan (format 1).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Medienentwicklungsplan (mep, Format 1)",
    description = "Medienentwicklungsplan einer Schule im Eingabeformat 1 von mep. Vorlage: `mep anlegen`, Prüfung: `mep pruefen`."
)]
pub struct Plan {
    /// Version des Eingabeformats; immer 1.
    pub format: u32,
    /// Förderprogramm, nach dessen Regeln geprüft wird.
    #[serde(rename = "programm")]
    pub programme: Programm,
    /// Bundesland der Schule.
    pub land: Land,
    /// Name des Dokuments, wenn er vom Üblichen des Landes abweicht (z. B. medienkonzept).
    #[serde(rename = "dokumentname", default)]
    pub document_name: Option<Dokumentname>,
    /// Datum dieses Stands des Plans (2027-03-31), nur der Monat (2019-08) oder `unbekannt`.
    #[serde(rename = "stand")]
    pub as_of: Angabe<Zeitpunkt>,
    /// Zeitraum, für den der Plan gilt, oder `unbekannt`.
    #[serde(rename = "planungszeitraum")]
    pub period: Angabe<Spanne>,
    /// Stammdaten der Schule.
    #[serde(rename = "schule")]
    pub school: Schule,
    /// Schulträger.
    #[serde(rename = "schultraeger", default)]
    pub provider: Option<Schultraeger>,
    /// Beschlüsse und Bestätigungen des Plans.
    #[serde(rename = "beschluesse", default)]
    pub approvals: Vec<Beschluss>,
    /// Leitbild für das Lernen in der digitalen Welt (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "leitbild", default)]
    pub vision: Option<String>,
    /// Ist-Analyse: vorhandene Ausstattung, Fortbildungsstand, Prozesse.
    #[serde(rename = "bestand", default)]
    pub inventory: Option<Bestand>,
    /// Ziele mit Indikator, Ausgangs- und Zielwert.
    #[serde(rename = "ziele", default)]
    pub goals: Vec<Ziel>,
    /// Mediencurriculum.
    #[serde(rename = "mediencurriculum", default)]
    pub curriculum: Option<Mediencurriculum>,
    /// Technisch-pädagogisches Einsatzkonzept: Einsatzszenarien.
    #[serde(rename = "einsatzszenarien", default)]
    pub scenarios: Vec<Szenario>,
    /// Raumtypen mit ihrer Standardausstattung (z. B. jeder Klassenraum: Display, Dokumentenkamera, WLAN).
    #[serde(rename = "raumtypen", default)]
    pub room_types: Vec<Raumtyp>,
    /// Ausstattungsbedarf und Investitionsplan.
    #[serde(rename = "bedarf", default)]
    pub needs: Vec<Bedarf>,
    /// Plattformen (Cloud, Lernplattform, Kommunikation).
    #[serde(rename = "plattformen", default)]
    pub platforms: Vec<Plattform>,
    /// Fortbildungsplanung.
    #[serde(rename = "fortbildung", default)]
    pub training: Vec<Fortbildung>,
    /// Betrieb, Wartung und Support.
    #[serde(rename = "betrieb", default)]
    pub operations: Option<Betrieb>,
    /// Datenschutz.
    #[serde(rename = "datenschutz", default)]
    pub privacy: Option<Datenschutz>,
    /// Finanzierung.
    #[serde(rename = "finanzierung", default)]
    pub funding: Option<Finanzierung>,
    /// Maßnahmen- und Zeitplan.
    #[serde(rename = "massnahmen", default)]
    pub measures: Vec<Massnahme>,
    /// Evaluation der Ziele.
    #[serde(rename = "evaluation", default)]
    pub evaluation: Vec<Evaluation>,
    /// Kooperationspartner (Medienzentrum, Jugendhilfe, Unternehmen …).
    #[serde(rename = "kooperationen", default)]
    pub partners: Vec<Kooperation>,
    /// Angebote außerhalb des Unterrichts: Elternabende, Medienscouts, AGs.
    #[serde(rename = "angebote", default)]
    pub offers: Vec<Angebot>,
    /// Literatur und Quellen, je Eintrag eine Angabe.
    #[serde(rename = "literatur", default)]
    pub literature: Vec<String>,
    /// Anlagen zum Dokument.
    #[serde(rename = "anlagen", default)]
    pub attachments: Vec<Anlage>,
    /// Unterschriften von Schulleitung und Schulträger.
    #[serde(rename = "unterschriften", default)]
    pub signatures: Vec<Unterschrift>,
    /// Zusätzliche Kapitel (Titel, Markdown-Text), jedes nach dem Kapitel, das `nach` nennt.
    #[serde(rename = "zusatzkapitel", default)]
    pub extra_chapters: Vec<Zusatzkapitel>,
}

/// Stammdaten der Schule.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schule {
    /// Name der Schule.
    #[schemars(example = &"Grundschule am Markt")]
    pub name: String,
    /// Schulnummer des Landes (in Anführungszeichen, z. B. "04123456").
    #[serde(rename = "schulnummer")]
    #[schemars(example = &"162437")]
    pub number: String,
    /// Schulform.
    #[serde(rename = "schulform")]
    pub kind: Schulform,
    /// Anschrift.
    #[serde(rename = "anschrift", default)]
    pub address: Option<Anschrift>,
    /// Anzahl der Schülerinnen und Schüler, ungefähr (`ca. 700`) oder `unbekannt`.
    #[serde(rename = "schueler")]
    #[schemars(example = 420)]
    pub pupils: Angabe<u32>,
    /// Anzahl der Lehrkräfte, ungefähr (`ca. 50`) oder `unbekannt`.
    #[serde(rename = "lehrkraefte")]
    #[schemars(example = 35)]
    pub teachers: Angabe<u32>,
    /// Anzahl der Klassen, oder `unbekannt`.
    #[serde(rename = "klassen", default)]
    pub classes: Option<Angabe<u32>>,
    /// Anzahl der Unterrichtsräume, oder `unbekannt`.
    #[serde(rename = "unterrichtsraeume", default)]
    pub classrooms: Option<Angabe<u32>>,
    /// Ansprechperson der Schule.
    #[serde(rename = "ansprechperson", default)]
    pub contact: Option<Person>,
    /// Schulprofil und Umfeld (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "profil", default)]
    pub profile: Option<String>,
}

/// Postanschrift.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anschrift {
    /// Straße und Hausnummer.
    #[serde(rename = "strasse")]
    pub street: String,
    /// Postleitzahl (in Anführungszeichen, z. B. "70000").
    pub plz: String,
    /// Ort.
    #[serde(rename = "ort")]
    pub city: String,
}

/// Eine Ansprechperson.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Name.
    pub name: String,
    /// Funktion, z. B. Schulleitung.
    #[serde(rename = "funktion", default)]
    pub role: Option<String>,
    /// E-Mail-Adresse.
    #[serde(default)]
    pub email: Option<String>,
    /// Telefonnummer.
    #[serde(rename = "telefon", default)]
    pub phone: Option<String>,
}

/// Der Schulträger.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schultraeger {
    /// Name des Schulträgers.
    #[schemars(example = &"Stadt Musterstadt")]
    pub name: String,
    /// Ansprechperson beim Schulträger.
    #[serde(rename = "ansprechperson", default)]
    pub contact: Option<Person>,
    /// Für diese Schule verfügbares Budget in Euro.
    #[serde(rename = "budget_eur", default)]
    pub budget: Option<Euro>,
    /// Finanzschwache Kommune (SH: kein Eigenanteil).
    #[serde(rename = "finanzschwach", default)]
    pub financially_weak: bool,
}

/// Beschluss oder Bestätigung des Plans.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beschluss {
    /// Gremium oder Stelle.
    #[serde(rename = "gremium")]
    pub body: Gremium,
    /// Datum des Beschlusses (2027-03-31), nur der Monat (2019-08) oder `unbekannt`.
    #[serde(rename = "datum")]
    pub date: Angabe<Zeitpunkt>,
}

/// Ist-Analyse.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bestand {
    /// Netz und Internetanbindung.
    #[serde(rename = "netz", default)]
    pub network: Option<Netz>,
    /// Vorhandene Geräte.
    #[serde(rename = "geraete", default)]
    pub devices: Vec<Geraet>,
    /// Ergebnis der Erhebung der Kompetenzen im Kollegium (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "fortbildungsstand", default)]
    pub training_status: Option<String>,
    /// Schulinterne Prozesse heute (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "prozesse", default)]
    pub processes: Option<String>,
}

/// Netz und Internetanbindung.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Netz {
    /// Bandbreite des Internetanschlusses (Download) in Mbit/s, oder `unbekannt`.
    #[serde(rename = "internet_mbit", default)]
    pub internet_mbit: Option<Angabe<u32>>,
    /// Upload-Bandbreite in Mbit/s, oder `unbekannt`.
    #[serde(rename = "upload_mbit", default)]
    pub upload_mbit: Option<Angabe<u32>>,
    /// Art des Internetanschlusses.
    #[serde(rename = "anschlussart", default)]
    pub connection: Option<Anbindung>,
    /// Ausfallsicherung des Anschlusses, z. B. „zweite Leitung über LTE“.
    #[serde(rename = "redundanz", default)]
    pub redundancy: Option<String>,
    /// Glasfaseranschluss vorhanden.
    #[serde(rename = "glasfaser", default)]
    pub fibre: Option<bool>,
    /// Anzahl der Räume mit Netzwerkverkabelung, oder `unbekannt`.
    #[serde(rename = "verkabelte_raeume", default)]
    pub wired_rooms: Option<Angabe<u32>>,
    /// Anzahl der Räume mit WLAN, oder `unbekannt`.
    #[serde(rename = "wlan_raeume", default)]
    pub wlan_rooms: Option<Angabe<u32>>,
    /// Pädagogisches Netz und Verwaltungsnetz sind getrennt.
    #[serde(rename = "netztrennung", default)]
    pub separated: Option<bool>,
}

/// Vorhandene Geräte eines Typs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Geraet {
    /// Gerätetyp.
    #[serde(rename = "typ")]
    pub kind: Geraetetyp,
    /// Anzahl, ungefähr (`ca. 30`) oder `unbekannt`.
    #[serde(rename = "anzahl")]
    pub count: Angabe<u32>,
    /// Jahr der Anschaffung.
    #[serde(rename = "anschaffungsjahr", default)]
    pub year: Option<i32>,
    /// Womit die Geräte finanziert wurden.
    #[serde(rename = "finanzierung", default)]
    pub source: Option<Herkunft>,
}

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
}

/// Das Mediencurriculum.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mediencurriculum {
    /// Kompetenzrahmen, auf den sich die Kompetenzen beziehen.
    #[serde(rename = "rahmen")]
    pub framework: Rahmen,
    /// Unterrichtseinheiten.
    #[serde(rename = "einheiten", default)]
    pub units: Vec<Einheit>,
}

/// Eine Unterrichtseinheit des Mediencurriculums.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Einheit {
    /// Fach.
    #[serde(rename = "fach")]
    pub subject: String,
    /// Jahrgangsstufe oder Spanne.
    #[serde(rename = "jahrgang")]
    pub grade: Jahrgang,
    /// Thema der Einheit.
    #[serde(rename = "thema")]
    pub topic: String,
    /// Kennungen der Kompetenzen im gewählten Rahmen, z. B. "1.1".
    #[serde(rename = "kompetenzen")]
    pub competences: Vec<String>,
    /// Unterrichtsstunden.
    #[serde(rename = "stunden", default)]
    pub hours: Option<u32>,
    /// Eingesetzte Werkzeuge.
    #[serde(rename = "werkzeuge", default)]
    pub tools: Vec<String>,
}

/// Ein Einsatzszenario des technisch-pädagogischen Einsatzkonzepts.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Szenario {
    /// Kennung, z. B. S1.
    pub id: String,
    /// Titel.
    #[serde(rename = "titel")]
    pub title: String,
    /// Beschreibung (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "beschreibung", default)]
    pub description: Option<String>,
    /// Ziele, denen das Szenario dient.
    #[schemars(extend("x-verweis" = "ziele"))]
    #[serde(rename = "ziele", default)]
    pub goals: Vec<String>,
}

/// Eine Position des Ausstattungsbedarfs.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bedarf {
    /// Kennung, z. B. B1.
    #[schemars(example = &"B1")]
    pub id: String,
    /// Bezeichnung.
    #[serde(rename = "bezeichnung")]
    pub name: String,
    /// Fördergegenstand.
    #[serde(rename = "kategorie")]
    pub category: Kategorie,
    /// Gerätetyp.
    #[serde(rename = "geraetetyp")]
    pub device: Geraetetyp,
    /// Anzahl, ungefähr (`ca. 30`) oder `unbekannt`.
    #[serde(rename = "anzahl")]
    pub count: Angabe<u32>,
    /// Preis je Stück in Euro (brutto). Weglassen, solange der Preis noch nicht feststeht: Die Position erscheint dann mit „Kosten noch offen“, zählt in keiner Summe mit, und der Plan ist noch nicht antragsreif.
    #[serde(rename = "einzelpreis_eur", default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Euro>,
    /// Jahr der Beschaffung, oder `unbekannt`.
    #[serde(rename = "jahr")]
    pub year: Angabe<i32>,
    /// Womit die Position finanziert wird (ohne Angabe: DigitalPakt). Die Förderregeln gelten nur für DigitalPakt-Positionen.
    #[serde(rename = "finanzierung", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Herkunft>,
    /// Hauptsächliche Nutzung.
    #[serde(rename = "nutzung", default = "default_nutzung")]
    pub usage: Nutzung,
    /// Art der Kosten (laufende Kosten sind nicht förderfähig).
    #[serde(rename = "kostenart", default = "default_kostenart")]
    pub cost_kind: Kostenart,
    /// Begründung für einen Schulserver.
    #[serde(rename = "server_begruendung", default)]
    pub server_reason: Option<ServerBegruendung>,
    /// Einsatzszenarien, denen die Position dient.
    #[schemars(extend("x-verweis" = "einsatzszenarien"))]
    #[serde(rename = "szenarien", default)]
    pub scenarios: Vec<String>,
    /// Pädagogische Begründung (Markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    #[serde(rename = "begruendung", default)]
    pub justification: Option<String>,
}

fn default_nutzung() -> Nutzung {
    Nutzung::Unterricht
}

fn default_kostenart() -> Kostenart {
    Kostenart::Investiv
}

impl Bedarf {
    /// Total of the item: count × unit price; `None` while the price or the count is open.
    #[must_use]
    pub fn total(&self) -> Option<Euro> {
        let count = self.count.bekannt()?;
        self.unit_price.map(|p| Euro(p.0.saturating_mul(i64::from(count))))
    }

    /// Where the money comes from; DigitalPakt unless the plan says otherwise.
    #[must_use]
    pub fn herkunft(&self) -> Herkunft {
        self.source.unwrap_or(Herkunft::Digitalpakt)
    }

    /// Whether the DigitalPakt pays for the item, so that its funding rules apply.
    #[must_use]
    pub fn digitalpakt(&self) -> bool {
        self.herkunft() == Herkunft::Digitalpakt
    }
}

/// Eine Plattform (Cloud, Lernplattform, Kommunikation).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plattform {
    /// Name.
    pub name: String,
    /// Zweck.
    #[serde(rename = "zweck")]
    pub purpose: Zweck,
    /// Anbieter.
    #[serde(rename = "anbieter", default)]
    pub vendor: Option<String>,
    /// Betreiber.
    #[serde(rename = "betreiber")]
    pub operator: Betreiber,
    /// Land des Hostings (ISO 3166-1 alpha-2, z. B. DE).
    #[serde(rename = "hosting_land", default)]
    pub hosting_country: Option<String>,
    /// Quelloffene Software.
    #[serde(rename = "open_source", default)]
    pub open_source: Option<bool>,
    /// Wessen personenbezogene Daten verarbeitet werden.
    #[serde(rename = "daten", default)]
    pub data: Vec<Betroffene>,
    /// Vertrag zur Auftragsverarbeitung.
    #[serde(default)]
    pub avv: Option<AvvStatus>,
    /// Datenschutz-Folgenabschätzung.
    #[serde(default)]
    pub dsfa: Option<DsfaStatus>,
    /// Eintrag im Verzeichnis von Verarbeitungstätigkeiten.
    #[serde(default)]
    pub vvt: Option<bool>,
    /// Einwilligungen.
    #[serde(rename = "einwilligung", default)]
    pub consent: Option<Einwilligung>,
}

/// Eine Fortbildung.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fortbildung {
    /// Titel.
    #[serde(rename = "titel")]
    pub title: String,
    /// Zielgruppe.
    #[serde(rename = "zielgruppe")]
    pub audience: Zielgruppe,
    /// Anzahl der Teilnehmenden.
    #[serde(rename = "teilnehmende")]
    pub participants: u32,
    /// Stunden je Teilnehmerin oder Teilnehmer.
    #[serde(rename = "stunden")]
    pub hours: f64,
    /// Format.
    #[serde(rename = "format")]
    pub format: FortbildungsFormat,
    /// Anbieter.
    #[serde(rename = "anbieter", default)]
    pub provider: Option<String>,
    /// Quartal (2027-Q1) oder Zeitraum { von, bis }.
    #[serde(rename = "zeitraum")]
    pub period: Zeitraum,
    /// Kompetenzen, die die Fortbildung stärkt.
    #[serde(rename = "kompetenzen", default)]
    pub competences: Vec<String>,
    /// Bedarfspositionen, auf die die Fortbildung vorbereitet.
    #[schemars(extend("x-verweis" = "bedarf"))]
    #[serde(rename = "bedarf", default)]
    pub needs: Vec<String>,
}

/// Betrieb, Wartung und Support.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Betrieb {
    /// First-Level-Support in der Schule.
    #[serde(rename = "first_level", default)]
    pub first_level: Option<FirstLevel>,
    /// Second-Level-Support beim Schulträger oder Dienstleister.
    #[serde(rename = "second_level", default)]
    pub second_level: Option<SecondLevel>,
    /// Ein Wartungsvertrag besteht.
    #[serde(rename = "wartungsvertrag", default)]
    pub maintenance_contract: Option<bool>,
    /// Ersatzzyklus der Geräte in Jahren.
    #[serde(rename = "ersatzzyklus_jahre", default)]
    pub replacement_years: Option<u32>,
    /// Laufende Kosten je Jahr in Euro (nie aus Fördermitteln).
    #[serde(rename = "folgekosten_eur_pro_jahr", default)]
    pub running_costs: Option<Euro>,
    /// Ein Jugendschutzfilter ist eingerichtet.
    #[serde(rename = "jugendschutzfilter", default)]
    pub youth_filter: Option<bool>,
    /// Datum, an dem der Schulträger Betrieb, Wartung und Support bestätigt hat.
    #[serde(rename = "bestaetigung_schultraeger", default)]
    pub provider_confirmation: Option<Datum>,
}

/// First-Level-Support.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstLevel {
    /// Verantwortliche Person oder Stelle.
    #[serde(rename = "verantwortlich")]
    pub responsible: String,
    /// Stunden je Woche.
    #[serde(rename = "stunden_pro_woche", default)]
    pub hours_per_week: Option<f64>,
}

/// Second-Level-Support.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondLevel {
    /// Verantwortliche Stelle.
    #[serde(rename = "verantwortlich")]
    pub responsible: String,
    /// Reaktionszeit in Stunden.
    #[serde(rename = "reaktionszeit_stunden", default)]
    pub response_hours: Option<u32>,
}

/// Datenschutz.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Datenschutz {
    /// Datenschutzbeauftragte Person.
    #[serde(rename = "beauftragte_person", default)]
    pub officer: Option<Datenschutzbeauftragte>,
    /// Verzeichnis von Verarbeitungstätigkeiten liegt vor.
    #[serde(default)]
    pub vvt: Option<bool>,
    /// Nutzungsordnung liegt vor.
    #[serde(rename = "nutzungsordnung", default)]
    pub usage_policy: Option<bool>,
    /// Löschkonzept liegt vor.
    #[serde(rename = "loeschkonzept", default)]
    pub deletion_policy: Option<bool>,
}

/// Datenschutzbeauftragte Person.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Datenschutzbeauftragte {
    /// Name.
    pub name: String,
    /// Kontakt (E-Mail-Adresse).
    #[serde(rename = "kontakt")]
    pub contact: String,
    /// Extern bestellt.
    #[serde(rename = "extern", default)]
    pub external: Option<bool>,
}

/// Finanzierung.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finanzierung {
    /// Beantragte Fördermittel in Euro.
    #[serde(rename = "beantragt_eur")]
    pub requested: Euro,
    /// Eigenanteil des Schulträgers in Euro.
    #[serde(rename = "eigenanteil_eur")]
    pub own_share: Euro,
    /// Sonstige Mittel in Euro.
    #[serde(rename = "sonstige_mittel_eur", default)]
    pub other: Euro,
}

/// Eine Maßnahme des Zeitplans.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Massnahme {
    /// Kennung, z. B. M1.
    pub id: String,
    /// Titel.
    #[serde(rename = "titel")]
    pub title: String,
    /// Ziele, denen die Maßnahme dient.
    #[schemars(extend("x-verweis" = "ziele"))]
    #[serde(rename = "ziele", default)]
    pub goals: Vec<String>,
    /// Bedarfspositionen, die die Maßnahme umsetzt.
    #[schemars(extend("x-verweis" = "bedarf"))]
    #[serde(rename = "bedarf", default)]
    pub needs: Vec<String>,
    /// Verantwortlich.
    #[serde(rename = "verantwortlich")]
    pub responsible: String,
    /// Beginn.
    #[serde(rename = "beginn")]
    pub start: Datum,
    /// Ende.
    #[serde(rename = "ende")]
    pub end: Datum,
}

/// Evaluation eines Ziels.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Kennung des evaluierten Ziels.
    #[schemars(extend("x-verweis" = "ziele"))]
    #[serde(rename = "ziel")]
    pub goal: String,
    /// Methode.
    #[serde(rename = "methode")]
    pub method: String,
    /// Zeitpunkt.
    #[serde(rename = "zeitpunkt")]
    pub date: Datum,
    /// Verantwortlich.
    #[serde(rename = "verantwortlich", default)]
    pub responsible: Option<String>,
}
