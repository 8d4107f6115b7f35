//! The data types of a profile: settings, parameters with sources, descriptive data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diag::Severity;
use crate::model::{Datum, Euro, Gremium, Programm, Rahmen, Spanne};
use crate::rules::Verlaesslichkeit;

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
    /// Erläuterung, etwa zu einer unsicheren oder widersprüchlichen Quellenlage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anmerkung: Option<String>,
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

/// Parameter der Regeln. Nicht angegebene Werte erbt das Profil von der Ebene darunter
/// (vom Programmprofil desselben Programms, nie von einem anderen Programm).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Mindest-Eigenanteil des Schulträgers (Eigenanteil und sonstige Mittel) in Prozent der Bedarfssumme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eigenanteil_min_prozent: Option<Belegt<u32>>,
    /// Mindestanteil von Land und Schulträger zusammen in Prozent der Bedarfssumme (z. B. Hessen 25 %).
    /// Landesmittel weist der Plan unter `sonstige_mittel_eur` aus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kofinanzierung_min_prozent: Option<Belegt<u32>>,
    /// Mindest-Eigenanteil für finanzschwache Kommunen in Prozent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eigenanteil_min_finanzschwach_prozent: Option<Belegt<u32>>,
    /// Höchster Fördersatz in Prozent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foerdersatz_max_prozent: Option<Belegt<u32>>,
    /// Höchstanteil mobiler Endgeräte an der Investition in Prozent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobil_anteil_max_prozent: Option<Belegt<u32>>,
    /// Höchstbetrag für mobile Endgeräte je Schule in Euro.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobil_max_je_schule_eur: Option<Belegt<Euro>>,
    /// Verhältnis der beiden Grenzen: `alternativ` (die günstigere gilt) oder `kumulativ` (beide gelten).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobil_modus: Option<Belegt<CapMode>>,
    /// Zeitraum, in dem Maßnahmen liegen müssen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foerderzeitraum: Option<Belegt<Spanne>>,
    /// Letzter Tag für Anträge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antragsfrist: Option<Belegt<Datum>>,
    /// Teile des Medienkonzepts, die das Land verlangt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konzeptteile: Option<Belegt<Vec<Konzeptteil>>>,
    /// Kompetenzrahmen, auf den das Mediencurriculum Bezug nehmen soll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kompetenzrahmen: Option<Belegt<Rahmen>>,
    /// Gremien, deren Beschluss oder Bestätigung der Plan tragen muss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beschluesse: Option<Belegt<Vec<Gremium>>>,
}

/// Beschreibende Angaben eines Landes (für Prüfende, nicht geprüft).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Angaben {
    /// Name des Konzepts im Land, z. B. Medienentwicklungsplan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konzept: Option<Belegt<String>>,
    /// Wann das Konzept vorliegen muss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konzept_faellig: Option<Belegt<String>>,
    /// Bewilligungsstelle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bewilligung: Option<Belegt<String>>,
    /// Verteilung der Mittel auf die Schulträger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budgetformel: Option<Belegt<String>>,
    /// Mittel des Bundes für das Land.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundesmittel: Option<Belegt<String>>,
    /// Aufteilung der Finanzierung (Bund, Land, Schulträger).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finanzierung: Option<Belegt<String>>,
    /// Laufzeit des Programms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laufzeit: Option<Belegt<String>>,
    /// Ab wann Maßnahmen beginnen dürfen (vorzeitiger Maßnahmenbeginn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub massnahmenbeginn: Option<Belegt<String>>,
    /// Was gefördert wird (Handlungsstränge, Fördergegenstände).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foerderbereiche: Option<Belegt<String>>,
    /// Was zur Fortbildung verlangt ist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fortbildung: Option<Belegt<String>>,
}
