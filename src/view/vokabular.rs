//! The Land's vocabulary: document and chapter titles, competence areas of each framework.

use serde::Serialize;

use crate::model::{Land, Rahmen};

/// Number and title of one chapter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kapitel {
    /// Chapter number (`1` … `14`) or annex letter (`A` …).
    pub nummer: &'static str,
    /// German title in the Land's wording.
    pub titel: &'static str,
}

fn k(nummer: &'static str, titel: &'static str) -> Kapitel {
    Kapitel { nummer, titel }
}

/// Titles of every chapter, in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kapitelliste {
    /// 1 Zusammenfassung.
    pub zusammenfassung: Kapitel,
    /// 2 Schulprofil und Ausgangslage.
    pub schulprofil: Kapitel,
    /// 3 Leitbild.
    pub leitbild: Kapitel,
    /// 4 Ist-Analyse.
    pub ist_analyse: Kapitel,
    /// 5 Ziele.
    pub ziele: Kapitel,
    /// 6 Mediencurriculum.
    pub mediencurriculum: Kapitel,
    /// 7 Technisch-pädagogisches Einsatzkonzept.
    pub einsatzkonzept: Kapitel,
    /// 8 Ausstattungsbedarf und Investitionsplan.
    pub ausstattung: Kapitel,
    /// 9 Plattformen und Datenschutz.
    pub datenschutz: Kapitel,
    /// 10 Fortbildungsplanung.
    pub fortbildung: Kapitel,
    /// 11 Betrieb, Wartung, Support.
    pub betrieb: Kapitel,
    /// 12 Maßnahmen- und Zeitplan.
    pub zeitplan: Kapitel,
    /// 13 Kosten- und Finanzierungsplan.
    pub finanzierung: Kapitel,
    /// 14 Evaluation und Fortschreibung.
    pub evaluation: Kapitel,
    /// Annex A: inventory.
    pub anhang_bestand: Kapitel,
    /// Annex B: curriculum matrix.
    pub anhang_matrix: Kapitel,
    /// Annex C: Prüfbericht.
    pub anhang_pruefbericht: Kapitel,
}

/// The document's name and chapter titles as the Land calls them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Vokabular {
    /// Name of the document, e.g. `Medienentwicklungsplan`, `Medienkonzept` (BY), `Medienbildungskonzept` (HE, NI, SN, ST).
    pub dokument: &'static str,
    /// A sentence that places the document in the Land's procedure.
    pub einordnung: &'static str,
    /// Chapter titles.
    pub kapitel: Kapitelliste,
}

impl Vokabular {
    /// The vocabulary of a Land.
    #[must_use]
    pub fn of(land: Land) -> Self {
        let mut kapitel = Kapitelliste {
            zusammenfassung: k("1", "Zusammenfassung"),
            schulprofil: k("2", "Schulprofil und Ausgangslage"),
            leitbild: k("3", "Leitbild"),
            ist_analyse: k("4", "Ist-Analyse"),
            ziele: k("5", "Ziele"),
            mediencurriculum: k("6", "Mediencurriculum"),
            einsatzkonzept: k("7", "Technisch-pädagogisches Einsatzkonzept"),
            ausstattung: k("8", "Ausstattungsbedarf und Investitionsplan"),
            datenschutz: k("9", "Plattformen und Datenschutz"),
            fortbildung: k("10", "Fortbildungsplanung"),
            betrieb: k("11", "Betrieb, Wartung und Support"),
            zeitplan: k("12", "Maßnahmen- und Zeitplan"),
            finanzierung: k("13", "Kosten- und Finanzierungsplan"),
            evaluation: k("14", "Evaluation und Fortschreibung"),
            anhang_bestand: k("A", "Bestandsverzeichnis"),
            anhang_matrix: k("B", "Matrix des Mediencurriculums"),
            anhang_pruefbericht: k("C", "Prüfbericht"),
        };
        let (dokument, einordnung) = match land {
            Land::By => {
                kapitel.mediencurriculum.titel = "Säule 1: Mediencurriculum";
                kapitel.fortbildung.titel = "Säule 2: Fortbildungsplan";
                kapitel.ausstattung.titel = "Säule 3: Ausstattungsplan";
                ("Medienkonzept", "Das Medienkonzept besteht aus den drei Säulen Mediencurriculum, Fortbildungsplan und Ausstattungsplan.")
            }
            Land::He => {
                kapitel.einsatzkonzept.titel = "Pädagogisch-technisches Einsatzkonzept (PTEK)";
                (
                    "Medienbildungskonzept",
                    "Das Medienbildungskonzept enthält das pädagogisch-technische Einsatzkonzept (PTEK) für den Antrag des Schulträgers.",
                )
            }
            Land::Ni => {
                kapitel.einsatzkonzept.titel = "Pädagogisch-technisches Einsatzkonzept";
                (
                    "Medienbildungskonzept",
                    "Das Medienbildungskonzept verbindet Ausstattung, pädagogisches Einsatzkonzept, Mediencurriculum und Fortbildungsplanung.",
                )
            }
            Land::Sn | Land::St => {
                ("Medienbildungskonzept", "Das Medienbildungskonzept ist die Grundlage der Medienentwicklungsplanung des Schulträgers.")
            }
            Land::Nw => {
                kapitel.einsatzkonzept.titel = "Technisch-pädagogisches Einsatzkonzept (TPEK)";
                kapitel.fortbildung.titel = "Fortbildungsplanung (Qualifizierungskonzept)";
                ("Medienkonzept", "Das Medienkonzept beruht auf dem Medienkompetenzrahmen NRW und ist Teil des Schulprogramms.")
            }
            Land::Rp | Land::Sh | Land::Th => {
                ("Medienkonzept", "Das Medienkonzept ist Voraussetzung für den Förderantrag des Schulträgers.")
            }
            Land::Bw => ("Medienentwicklungsplan", "Der Medienentwicklungsplan wird von Schule und Schulträger gemeinsam getragen."),
            Land::Be | Land::Bb | Land::Hb | Land::Hh | Land::Mv | Land::Sl => {
                ("Medienentwicklungsplan", "Der Medienentwicklungsplan ist Grundlage des Förderantrags des Schulträgers.")
            }
        };
        Self { dokument, einordnung, kapitel }
    }
}

/// A competence area of a framework: `{"id": "1", "name": "Suchen, Verarbeiten und Aufbewahren"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Bereich {
    /// Number of the area, the part of a competence id before the first dot (`1` for `1.2`).
    pub id: String,
    /// German name, or `Bereich N` for an area the framework does not know.
    pub name: String,
}

/// The competence areas of a framework, in order.
#[must_use]
pub fn bereiche(rahmen: Rahmen) -> &'static [&'static str] {
    match rahmen {
        Rahmen::Kmk2016 => &[
            "Suchen, Verarbeiten und Aufbewahren",
            "Kommunizieren und Kooperieren",
            "Produzieren und Präsentieren",
            "Schützen und sicher Agieren",
            "Problemlösen und Handeln",
            "Analysieren und Reflektieren",
        ],
        Rahmen::MkrNrw => &[
            "Bedienen und Anwenden",
            "Informieren und Recherchieren",
            "Kommunizieren und Kooperieren",
            "Produzieren und Präsentieren",
            "Analysieren und Reflektieren",
            "Problemlösen und Modellieren",
        ],
        Rahmen::ByKompetenzrahmen => &[
            "Basiskompetenzen",
            "Suchen und Verarbeiten",
            "Kommunizieren und Kooperieren",
            "Produzieren und Präsentieren",
            "Analysieren und Reflektieren",
        ],
    }
}

/// The area id of a competence id: `1.2` → `1`.
#[must_use]
pub fn bereich_id(kompetenz: &str) -> &str {
    kompetenz.trim().split('.').next().unwrap_or("").trim()
}

/// Names the area `id` within `rahmen`.
#[must_use]
pub fn bereich(rahmen: Rahmen, id: &str) -> Bereich {
    let name = id
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| bereiche(rahmen).get(i))
        .map_or_else(|| format!("Bereich {id}"), |n| (*n).to_owned());
    Bereich { id: id.to_owned(), name }
}
