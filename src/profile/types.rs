//! The data types of a profile: settings, parameters with sources, descriptive data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diag::Severity;
use crate::model::{Datum, Programm};
use crate::sources::Verlaesslichkeit;

/// Verhältnis der beiden Obergrenzen für mobile Endgeräte (VV § 3 Abs. 1 Nr. 6 c).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum CapMode {
    /// Die günstigere Grenze gilt (Lesart Schleswig-Holstein).
    #[serde(rename = "alternativ")]
    Alternativ,
    /// Beide Grenzen gelten (Lesart Mecklenburg-Vorpommern).
    #[serde(rename = "kumulativ")]
    Kumulativ,
}

impl CapMode {
    /// The German word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Alternativ => "alternativ",
            Self::Kumulativ => "kumulativ",
        }
    }
}

/// Wann die Fortbildungsplanung der Schule vorliegen muss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Faelligkeit {
    /// Mit dem Antrag: ohne sie keine Förderung.
    #[serde(rename = "beim_antrag")]
    BeimAntrag,
    /// Erst zum Ende des Förderprogramms.
    #[serde(rename = "zum_programmende")]
    ZumProgrammende,
    /// Erst nach Abschluss der geförderten Maßnahme.
    #[serde(rename = "nach_abschluss")]
    NachAbschluss,
}

impl Faelligkeit {
    /// The German phrase, completing „fällig …“.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::BeimAntrag => "mit dem Antrag",
            Self::ZumProgrammende => "zum Ende des Förderprogramms",
            Self::NachAbschluss => "nach Abschluss der geförderten Maßnahme",
        }
    }
}

/// Einstellung einer Regel im Profil.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Einstellung {
    /// Als Fehler melden.
    #[serde(rename = "fehler")]
    Fehler,
    /// Als Warnung melden.
    #[serde(rename = "warnung")]
    Warnung,
    /// Als Hinweis melden.
    #[serde(rename = "hinweis")]
    Hinweis,
    /// Nicht prüfen.
    #[serde(rename = "aus")]
    Aus,
}

impl Einstellung {
    /// The severity, or `None` when the rule is off.
    #[must_use]
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Fehler => Some(Severity::Fehler),
            Self::Warnung => Some(Severity::Warnung),
            Self::Hinweis => Some(Severity::Hinweis),
            Self::Aus => None,
        }
    }
}

/// Ein Wert mit seiner Quelle.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Belegt<T> {
    /// Der Wert.
    pub wert: T,
    /// Adresse (URL) der Quelle.
    pub quelle: String,
    /// Verlässlichkeit der Quelle: `amtlich`, `Presse` oder `sekundär`.
    pub verlaesslichkeit: Verlaesslichkeit,
    /// Datum der Quelle (Veröffentlichung oder Stand), JJJJ-MM-TT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datum: Option<Datum>,
    /// Gesetzt, wenn der Wert aus einem anderen Programm übernommen ist, weil er für dieses
    /// noch nicht bekannt ist (z. B. `digitalpakt-2019` im Profil des DigitalPakts 2.0).
    /// Ein Befund, der auf einem übernommenen Wert beruht, ist höchstens eine Warnung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uebernommen_aus: Option<Programm>,
    /// `true`, wenn der Wert nicht aus dem Förderprogramm stammt, sondern aus dem Schulrecht des Landes
    /// und deshalb unter jedem Programm gilt (z. B. das Medienkonzept jeder Schule).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub schulrecht: bool,
    /// Erläuterung, etwa zu einer unsicheren oder widersprüchlichen Quellenlage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anmerkung: Option<String>,
    /// Which layer of the profile gave the value (set when layers are merged, never read from a file).
    #[serde(skip)]
    pub herkunft: Herkunft,
}

/// The layer of a profile a value comes from, so that a finding names who asks for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Herkunft {
    /// The programme profile (e.g. the VV of the DigitalPakt 2019).
    #[default]
    Programm,
    /// The Land overlay.
    Land,
    /// A profile file given with `--profile`, with its title.
    Datei(String),
}

impl<T> Belegt<T> {
    /// Whether a finding resting on this value may be an error: an official source,
    /// and a value that belongs to the programme itself (not carried over).
    #[must_use]
    pub fn binding(&self) -> bool {
        self.verlaesslichkeit == Verlaesslichkeit::Amtlich && self.uebernommen_aus.is_none()
    }
}

/// Teil des Medienkonzepts, den ein Land verlangt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub enum Konzeptteil {
    /// Ist-Analyse: Technik, Fortbildungsstand und schulische Prozesse.
    #[serde(rename = "ist_analyse")]
    IstAnalyse,
    /// Mediencurriculum mit Unterrichtseinheiten.
    #[serde(rename = "mediencurriculum")]
    Mediencurriculum,
    /// Fortbildungsplanung.
    #[serde(rename = "fortbildungsplanung")]
    Fortbildungsplanung,
    /// Ausstattungsplan (Bedarf).
    #[serde(rename = "ausstattungsplan")]
    Ausstattungsplan,
    /// Technisch-pädagogisches Einsatzkonzept (Einsatzszenarien).
    #[serde(rename = "einsatzkonzept")]
    Einsatzkonzept,
    /// Umsetzungszeitplan (Maßnahmen mit Terminen und Verantwortlichen).
    #[serde(rename = "zeitplan")]
    Zeitplan,
    /// Evaluation je Ziel.
    #[serde(rename = "evaluation")]
    Evaluation,
    /// Ziele mit Indikator, Zielwert und Termin.
    #[serde(rename = "ziele_messbar")]
    ZieleMessbar,
}

impl Konzeptteil {
    /// The German name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::IstAnalyse => "Ist-Analyse (Technik, Fortbildungsstand, Prozesse)",
            Self::Mediencurriculum => "Mediencurriculum",
            Self::Fortbildungsplanung => "Fortbildungsplanung",
            Self::Ausstattungsplan => "Ausstattungsplan",
            Self::Einsatzkonzept => "Technisch-pädagogisches Einsatzkonzept",
            Self::Zeitplan => "Umsetzungszeitplan",
            Self::Evaluation => "Evaluation je Ziel",
            Self::ZieleMessbar => "Ziele mit Indikator, Zielwert und Termin",
        }
    }
}
