//! The Land's vocabulary: document and chapter titles, competence areas of each framework.

use schemars::JsonSchema;
use serde::Serialize;

use super::Label;
use crate::model::{Dokumentname, Gremium, Land, Rahmen, Schulform};

/// Text for a fact the plan states as `unbekannt`, and for every figure computed from one
/// (`woerter.nicht_bekannt` of `templates/wortlaut.yaml`; a test keeps both equal).
pub const NICHT_BEKANNT: &str = "nicht bekannt";

/// Text for an amount that depends only on items without price (or without count)
/// (`woerter.kosten_offen` of `templates/wortlaut.yaml`; a test keeps both equal).
pub const KOSTEN_OFFEN: &str = "Kosten noch offen";

/// A lower bound: `mindestens 12`, for a count of which some parts are unknown.
#[must_use]
pub fn mindestens(text: &str) -> String {
    format!("mindestens {text}")
}

/// A partial sum of money: `mindestens 12.400,00 €, dazu Kosten noch offen`.
#[must_use]
pub fn mindestens_kosten(text: &str) -> String {
    format!("mindestens {text}, dazu {KOSTEN_OFFEN}")
}

/// An approximate figure: `ca. 700`, also for every figure computed from an approximate input.
#[must_use]
pub fn ca(text: &str) -> String {
    format!("ca. {text}")
}

/// Nummer und Titel eines Kapitels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Kapitel {
    /// Kapitelnummer (`1` … `14`) oder Buchstabe des Anhangs (`A` …).
    pub nummer: &'static str,
    /// Titel in der Wortwahl des Landes.
    pub titel: &'static str,
}

fn k(nummer: &'static str, titel: &'static str) -> Kapitel {
    Kapitel { nummer, titel }
}

/// Titel aller Kapitel, in der Reihenfolge des Dokuments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
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
    /// Anhang A: Bestand.
    pub anhang_bestand: Kapitel,
    /// Anhang B: Curriculum-Matrix.
    pub anhang_matrix: Kapitel,
    /// Anhang C: Prüfbericht.
    pub anhang_pruefbericht: Kapitel,
}

/// Der Name des Dokuments mit Artikel und Pronomen in jedem Fall, den die Vorlagen brauchen,
/// damit keine Vorlage über Grammatik entscheidet: `{"nominativ": "das Medienkonzept", "pronomen": "es", …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Grammatik {
    /// Schlüssel des Namens, z. B. `medienkonzept`.
    pub key: &'static str,
    /// Genus: `maskulin` oder `neutrum`.
    pub genus: &'static str,
    /// Nominativ mit Artikel: `das Medienkonzept`.
    pub nominativ: &'static str,
    /// Nominativ am Satzanfang: `Das Medienkonzept`.
    pub nominativ_satzanfang: &'static str,
    /// Genitiv mit Artikel: `des Medienkonzepts`.
    pub genitiv: &'static str,
    /// Dativ mit Artikel: `dem Medienkonzept`.
    pub dativ: &'static str,
    /// Personalpronomen: `es` (`er` für der Medienentwicklungsplan).
    pub pronomen: &'static str,
    /// Personalpronomen am Satzanfang: `Es`.
    pub pronomen_satzanfang: &'static str,
}

impl Grammatik {
    /// The forms of a document name, as the shared wording (`templates/wortlaut.yaml`,
    /// section `dokumentnamen`) declares them.
    #[must_use]
    pub fn of(name: Dokumentname) -> Self {
        let key = name.key();
        let Some(f) = crate::wortlaut::embedded().and_then(|w| w.dokumentnamen.get(key)) else {
            // Only reachable with a broken built-in wording, which a unit test rules out: the bare name.
            let bare = name.label();
            return Self {
                key,
                genus: "neutrum",
                nominativ: bare,
                nominativ_satzanfang: bare,
                genitiv: bare,
                dativ: bare,
                pronomen: bare,
                pronomen_satzanfang: bare,
            };
        };
        Self {
            key,
            genus: f.genus.as_str(),
            nominativ: f.nominativ.as_str(),
            nominativ_satzanfang: f.nominativ_satzanfang.as_str(),
            genitiv: f.genitiv.as_str(),
            dativ: f.dativ.as_str(),
            pronomen: f.pronomen.as_str(),
            pronomen_satzanfang: f.pronomen_satzanfang.as_str(),
        }
    }
}

/// Name des Dokuments und Kapiteltitel, wie das Land sie nennt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Vokabular {
    /// Name des Dokuments als Titel, z. B. `Medienentwicklungsplan`, `Medienkonzept` (BY, NW, RP, SH, TH), `Medienbildungskonzept` (HE, NI, SN, ST); `dokumentname` im Plan geht vor.
    pub dokument: &'static str,
    /// Der Name mit Artikel und Pronomen.
    pub grammatik: Grammatik,
    /// Ein Satz, der das Dokument in das Verfahren des Landes einordnet; er behauptet nur, was der Plan trägt.
    pub einordnung: String,
    /// Kapiteltitel.
    pub kapitel: Kapitelliste,
    /// Wie der `schultraeger` des Plans heißt: `Sachaufwandsträger` in Bayern (Art. 8 BaySchFG), sonst `Schulträger`.
    pub traeger: &'static str,
    /// Ob das Kapitel Fortbildung vor Ausstattung und Datenschutz steht, damit die drei Säulen Bayerns
    /// (Mediencurriculum, Fortbildungsplan, Ausstattungsplan) in der Reihenfolge 1, 2, 3 stehen.
    pub fortbildung_vor_ausstattung: bool,
}

/// The document name a Land uses by default.
#[must_use]
pub fn dokumentname(land: Land) -> Dokumentname {
    match land {
        Land::By | Land::Nw | Land::Rp | Land::Sh | Land::Th => Dokumentname::Medienkonzept,
        Land::He | Land::Ni | Land::Sn | Land::St => Dokumentname::Medienbildungskonzept,
        Land::Bw | Land::Be | Land::Bb | Land::Hb | Land::Hh | Land::Mv | Land::Sl => Dokumentname::Medienentwicklungsplan,
    }
}

impl Vokabular {
    /// The vocabulary of a Land with its usual document name and no curriculum.
    #[must_use]
    pub fn of(land: Land) -> Self {
        Self::new(land, None, None)
    }

    /// The vocabulary of a plan: the Land's chapter titles, the document name the plan
    /// chooses (else the Land's), and a placing sentence that names the curriculum's
    /// framework only when the plan has one.
    #[must_use]
    pub fn new(land: Land, name: Option<Dokumentname>, rahmen: Option<Rahmen>) -> Self {
        let name = name.unwrap_or_else(|| dokumentname(land));
        let g = Grammatik::of(name);
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
        let subject = g.nominativ_satzanfang;
        let einordnung = match land {
            Land::By => {
                kapitel.mediencurriculum.titel = "Säule 1: Mediencurriculum";
                kapitel.fortbildung = k("8", "Säule 2: Fortbildungsplan");
                kapitel.ausstattung = k("9", "Säule 3: Ausstattungsplan");
                kapitel.datenschutz.nummer = "10";
                format!("{subject} besteht aus den drei Säulen Mediencurriculum, Fortbildungsplan und Ausstattungsplan.")
            }
            Land::He => {
                kapitel.einsatzkonzept.titel = "Pädagogisch-technisches Einsatzkonzept (PTEK)";
                if name == Dokumentname::Einsatzkonzept {
                    format!("{subject} ist die Grundlage für den Antrag des Schulträgers.")
                } else {
                    format!("{subject} enthält das pädagogisch-technische Einsatzkonzept (PTEK) für den Antrag des Schulträgers.")
                }
            }
            Land::Ni => {
                kapitel.einsatzkonzept.titel = "Pädagogisch-technisches Einsatzkonzept";
                format!("{subject} verbindet Ausstattung, pädagogisches Einsatzkonzept, Mediencurriculum und Fortbildungsplanung.")
            }
            Land::Sn | Land::St => format!("{subject} ist die Grundlage der Medienentwicklungsplanung des Schulträgers."),
            Land::Nw => {
                kapitel.einsatzkonzept.titel = "Technisch-pädagogisches Einsatzkonzept (TPEK)";
                kapitel.fortbildung.titel = "Fortbildungsplanung (Qualifizierungskonzept)";
                if rahmen == Some(Rahmen::MkrNrw) {
                    format!("{subject} beruht auf dem Medienkompetenzrahmen NRW und ist Teil des Schulprogramms.")
                } else {
                    format!("{subject} ist Teil des Schulprogramms.")
                }
            }
            Land::Rp | Land::Sh | Land::Th => format!("{subject} ist Voraussetzung für den Förderantrag des Schulträgers."),
            Land::Bw => format!("{subject} wird von Schule und Schulträger gemeinsam getragen."),
            Land::Be | Land::Bb | Land::Hb | Land::Hh | Land::Mv | Land::Sl => {
                format!("{subject} ist Grundlage des Förderantrags des Schulträgers.")
            }
        };
        let by = land == Land::By;
        Self {
            dokument: name.label(),
            grammatik: g,
            einordnung,
            kapitel,
            traeger: if by { "Sachaufwandsträger" } else { "Schulträger" },
            fortbildung_vor_ausstattung: by,
        }
    }
}

/// The school type as the Land calls it (`berufliche_schule` is a Berufskolleg in NW).
#[must_use]
pub fn schulform(land: Land, s: Schulform) -> Label {
    let text = match (land, s) {
        (Land::Nw, Schulform::BeruflicheSchule) => "Berufskolleg",
        (Land::Ni, Schulform::BeruflicheSchule) => "Berufsbildende Schule",
        (Land::By, Schulform::Foerderschule) => "Förderzentrum",
        _ => s.label(),
    };
    Label { key: s.key(), text }
}

/// The body as the Land calls it: the teachers' plenary of NI is the Gesamtkonferenz.
#[must_use]
pub fn gremium(land: Land, g: Gremium) -> Label {
    let text = match (land, g) {
        (Land::Ni, Gremium::Gesamtlehrerkonferenz) => "Gesamtkonferenz",
        _ => g.label(),
    };
    Label { key: g.key(), text }
}

/// Ein Kompetenzbereich eines Rahmens: `{"id": "1", "name": "Suchen, Verarbeiten und Aufbewahren"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct Bereich {
    /// Nummer des Bereichs: der Teil der Kompetenzkennung vor dem ersten Punkt (`1` für `1.2`).
    pub id: String,
    /// Name, oder `Bereich N` für einen Bereich, den der Rahmen nicht kennt.
    pub name: String,
}

/// The competence areas of a framework, in order.
#[must_use]
pub fn bereiche(rahmen: Rahmen) -> &'static [&'static str] {
    match rahmen {
        Rahmen::Kmk2016 | Rahmen::NiOrientierungsrahmen | Rahmen::ShFachanforderungen => &[
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
        Rahmen::BcmBeBb => &["Informieren", "Kommunizieren", "Präsentieren", "Produzieren", "Analysieren", "Reflektieren"],
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
