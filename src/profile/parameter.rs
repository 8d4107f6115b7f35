//! Every profile value declared once: key, type, German name, description, and the rules that
//! read it. Reading (the serde struct), merging the layers, the rows `mep rules` shows, and the
//! table in `schemas/profiles/README.md` all follow from the one declaration below; the values
//! per Land and programme stay in the YAML profiles.
//!
//! Adding a parameter is one entry here, the rule that reads it, and its values in the profiles.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{Belegt, CapMode, Faelligkeit, Herkunft, Konzeptteil};
use crate::model::{Datum, Euro, Gremium, Programm, Rahmen, Spanne};

/// One declared value of a profile.
#[derive(Debug)]
pub struct Declared {
    /// The YAML key, e.g. `eigenanteil_min_prozent`.
    pub key: &'static str,
    /// The German name shown in rule lists.
    pub name: &'static str,
    /// What the value means (German; also the description in the profile schema).
    pub description: &'static str,
    /// Codes of the rules that read it (checked against the registry by a test).
    pub rules: &'static [&'static str],
}

/// One value a profile holds, as shown to people: name, value text, source.
#[derive(Clone, Debug)]
pub struct ParamRow {
    /// Its declaration.
    pub declared: &'static Declared,
    /// The value as German text.
    pub value: String,
    /// URL of the source.
    pub url: String,
    /// Reliability label.
    pub reliability: &'static str,
    /// Date of the source.
    pub date: Option<Datum>,
    /// The programme the value is carried over from, if it is not the profile's own.
    pub carried: Option<Programm>,
    /// Whether the value comes from the Land's school law and holds under every programme.
    pub school_law: bool,
}

impl ParamRow {
    fn of<T>(declared: &'static Declared, b: &Belegt<T>, show: impl Fn(&T) -> String) -> Self {
        Self {
            declared,
            value: show(&b.wert),
            url: b.quelle.clone(),
            reliability: b.verlaesslichkeit.label(),
            date: b.datum,
            carried: b.uebernommen_aus,
            school_law: b.schulrecht,
        }
    }

    /// The German name.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.declared.name
    }

    /// "amtlich, 18.12.2025" or "amtlich, übernommen aus DigitalPakt Schule 2019–2024".
    #[must_use]
    pub fn status(&self) -> String {
        let mut parts = vec![self.reliability.to_owned()];
        if let Some(d) = self.date {
            parts.push(d.de());
        }
        if let Some(p) = self.carried {
            parts.push(format!("übernommen aus {}", p.label()));
        }
        if self.school_law {
            parts.push("Schulrecht des Landes, unabhängig vom Förderprogramm".to_owned());
        }
        parts.join(", ")
    }
}

/// Declares a struct of optional sourced values, its merge, its rows and its declarations.
macro_rules! declare {
    (
        $(#[$meta:meta])*
        $name:ident, $declared:ident {
            $(
                #[doc = $doc:literal]
                $field:ident: $ty:ty => $label:literal, show $show:expr, rules [$($rule:literal),* $(,)?];
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                #[doc = $doc]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<Belegt<$ty>>,
            )+
        }

        /// The declaration of every value of this kind, in the order rule lists show them.
        pub static $declared: &[Declared] = &[
            $( Declared { key: stringify!($field), name: $label, description: $doc.trim_ascii(), rules: &[$($rule),*] }, )+
        ];

        impl $name {
            /// Takes every value `upper` gives; keeps the others (a layer overrides only what it states).
            pub fn merge(&mut self, upper: &Self, herkunft: &Herkunft) {
                $( if let Some(v) = &upper.$field { self.$field = Some(Belegt { herkunft: herkunft.clone(), ..v.clone() }); } )+
            }

            /// Whether the value with this YAML key is present.
            #[must_use]
            pub fn is_set(&self, key: &str) -> bool {
                match key {
                    $( stringify!($field) => self.$field.is_some(), )+
                    _ => false,
                }
            }

            /// The values present, each with its source, in declaration order.
            #[must_use]
            pub fn rows(&self) -> Vec<ParamRow> {
                let mut out = Vec::new();
                let mut index = 0;
                $(
                    if let Some(b) = &self.$field {
                        let show: fn(&$ty) -> String = $show;
                        out.push(ParamRow::of(&$declared[index], b, show));
                    }
                    index += 1;
                )+
                let _ = index;
                out
            }
        }
    };
}

#[allow(clippy::trivially_copy_pass_by_ref)] // every declared value is shown through `fn(&T)`
fn percent(v: &u32) -> String {
    crate::german::de_percent_whole(i64::from(*v))
}

declare! {
    /// Parameter der Regeln. Nicht angegebene Werte erbt das Profil von der Ebene darunter
    /// (vom Programmprofil desselben Programms, nie von einem anderen Programm).
    Parameter, PARAMETERS {
        /// Mindestanteil von Eigenanteil und sonstigen Mitteln des Schulträgers an der Bedarfssumme (je Plan), in Prozent.
        eigenanteil_min_prozent: u32 => "Mindest-Eigenanteil", show percent, rules ["DP-EIGENANTEIL"];
        /// Mindestanteil von Land und Schulträger zusammen an der Bedarfssumme in Prozent (Hessen 2019: 25 %); Landesmittel stehen im Plan unter `sonstige_mittel_eur`; höchstens eine Warnung.
        kofinanzierung_min_prozent: u32 => "Mindestanteil Land und Schulträger zusammen", show percent, rules ["DP-EIGENANTEIL"];
        /// Mindest-Eigenanteil für finanzschwache Kommunen (`schultraeger.finanzschwach: true`) in Prozent.
        eigenanteil_min_finanzschwach_prozent: u32 => "Mindest-Eigenanteil (finanzschwach)", show percent, rules ["DP-EIGENANTEIL"];
        /// Höchster Fördersatz in Prozent (wird angezeigt, nicht geprüft).
        foerdersatz_max_prozent: u32 => "Höchster Fördersatz", show percent, rules [];
        /// Höchstanteil mobiler Endgeräte an der Investition in Prozent.
        mobil_anteil_max_prozent: u32 => "Mobile Endgeräte: Höchstanteil", show percent, rules ["DP-MOBIL-OBERGRENZE", "TRAEGER-MOBIL-ANTEIL"];
        /// Höchstbetrag für mobile Endgeräte je allgemeinbildender Schule in Euro.
        mobil_max_je_schule_eur: Euro => "Mobile Endgeräte: Höchstbetrag je Schule", show |v| crate::german::de_eur(v.cents()), rules ["DP-MOBIL-OBERGRENZE", "TRAEGER-MOBIL-ANTEIL"];
        /// Verhältnis der beiden Grenzen für mobile Endgeräte: `alternativ` (die günstigere gilt) oder `kumulativ` (beide gelten).
        mobil_modus: CapMode => "Mobile Endgeräte: Verhältnis der Grenzen", show |v| v.label().to_owned(), rules ["DP-MOBIL-OBERGRENZE", "TRAEGER-MOBIL-ANTEIL"];
        /// Zeitraum `{ von, bis }`, in dem Maßnahmen und Beschaffungen liegen müssen.
        foerderzeitraum: Spanne => "Förderzeitraum", show |v| format!("{} bis {}", v.von.de(), v.bis.de()), rules ["DP-FOERDERZEITRAUM"];
        /// Letzter Tag für Anträge.
        antragsfrist: Datum => "Antragsfrist", show |v| v.de(), rules ["DP-ANTRAGSFRIST"];
        /// Teile des Medienkonzepts, die das Land verlangt: `ist_analyse`, `mediencurriculum`, `fortbildungsplanung`, `ausstattungsplan`, `einsatzkonzept`, `zeitplan`, `evaluation`, `ziele_messbar`.
        konzeptteile: Vec<Konzeptteil> => "Verlangte Teile des Konzepts", show |v| v.iter().map(|k| k.label()).collect::<Vec<_>>().join(", "), rules ["LAND-KONZEPTTEILE", "LAND-ZIELE-MESSBAR", "LAND-EVALUATION", "DP-FORTBILDUNG-PLAN"];
        /// Wann die Fortbildungsplanung der Schule vorliegen muss: `beim_antrag` (sonst keine Förderung: Fehler), `zum_programmende` oder `nach_abschluss` (beim Antrag fehlend: Warnung).
        fortbildungsplanung_faellig: Faelligkeit => "Fortbildungsplanung fällig", show |v| v.label().to_owned(), rules ["DP-FORTBILDUNG-PLAN"];
        /// Kompetenzrahmen, auf den das Mediencurriculum Bezug nehmen soll, z. B. `kmk-2016`, `mkr-nrw`, `by-kompetenzrahmen`.
        kompetenzrahmen: Rahmen => "Kompetenzrahmen", show |v| v.label().to_owned(), rules ["LAND-RAHMEN"];
        /// Gremien, deren Beschluss oder Bestätigung der Plan tragen muss, z. B. `[schulkonferenz]`.
        beschluesse: Vec<Gremium> => "Verlangte Beschlüsse", show |v| v.iter().map(|g| g.label()).collect::<Vec<_>>().join(", "), rules ["LAND-BESCHLUESSE"];
    }
}

declare! {
    /// Beschreibende Angaben eines Landes (für Prüfende, angezeigt, nicht geprüft).
    Angaben, ANGABEN {
        /// Name des Konzepts im Land, z. B. Medienentwicklungsplan.
        konzept: String => "Konzept", show Clone::clone, rules [];
        /// Wann das Konzept vorliegen muss.
        konzept_faellig: String => "Konzept fällig", show Clone::clone, rules [];
        /// Bewilligungsstelle.
        bewilligung: String => "Bewilligung", show Clone::clone, rules [];
        /// Verteilung der Mittel auf die Schulträger.
        budgetformel: String => "Budgetformel", show Clone::clone, rules [];
        /// Mittel des Bundes für das Land.
        bundesmittel: String => "Bundesmittel", show Clone::clone, rules [];
        /// Aufteilung der Finanzierung (Bund, Land, Schulträger).
        finanzierung: String => "Finanzierung", show Clone::clone, rules [];
        /// Laufzeit des Programms.
        laufzeit: String => "Laufzeit", show Clone::clone, rules [];
        /// Ab wann Maßnahmen beginnen dürfen (vorzeitiger Maßnahmenbeginn).
        massnahmenbeginn: String => "Maßnahmenbeginn", show Clone::clone, rules [];
        /// Was gefördert wird (Handlungsstränge, Fördergegenstände).
        foerderbereiche: String => "Förderbereiche", show Clone::clone, rules [];
        /// Was zur Fortbildung verlangt ist.
        fortbildung: String => "Fortbildung", show Clone::clone, rules [];
        /// Wie das Land die Mittel an die Schulträger gibt, wenn bekannt (z. B. pauschale Zuweisungen statt Anträgen je Maßnahme); erscheint im Kapitel Finanzierung.
        zuweisung: String => "Zuweisung der Mittel", show Clone::clone, rules [];
        /// Zuschuss des Landes für Wartung und Pflege der IT an Schulen, unabhängig vom DigitalPakt; erscheint im Kapitel Betrieb.
        wartungszuschuss: String => "Zuschuss für Wartung und Pflege", show Clone::clone, rules [];
    }
}

/// The table of `schemas/profiles/README.md`: one row per parameter, generated from the declarations.
#[must_use]
pub fn markdown_table() -> String {
    let mut out = String::from("| Schlüssel | Bedeutung | Gelesen von |\n|---|---|---|\n");
    for d in PARAMETERS {
        let rules = if d.rules.is_empty() {
            "– (nur angezeigt)".to_owned()
        } else {
            d.rules.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
        };
        out.push_str(&format!("| `{}` | {} | {rules} |\n", d.key, d.description));
    }
    out
}
