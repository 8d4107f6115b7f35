//! The Mediencurriculum: competence ids valid for the chosen framework, every area covered.
//!
//! The frameworks are data files in `schemas/frameworks/`, embedded at build time.

use std::sync::LazyLock;

use serde::Deserialize;

use super::{Context, Entry, Findings, Rule};
use crate::diag::Severity::{Fehler, Warnung};
use crate::load::suggest;
use crate::model::Rahmen;
use crate::sources::{self, BCM, BY_KR, KMK, NI_OR, SH_FA};

/// A competence framework as shipped in `schemas/frameworks/`.
#[derive(Debug, Deserialize)]
pub struct Framework {
    /// Id, e.g. `kmk-2016`.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Competence areas.
    pub bereiche: Vec<Area>,
}

/// A competence area.
#[derive(Debug, Deserialize)]
pub struct Area {
    /// Id, e.g. `1`.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Sub-competences.
    pub kompetenzen: Vec<Competence>,
}

/// A sub-competence.
#[derive(Debug, Deserialize)]
pub struct Competence {
    /// Id, e.g. `1.1`.
    pub id: String,
    /// Title.
    pub titel: String,
}

fn parse(text: &str) -> Option<Framework> {
    serde_saphyr::from_str(text).ok()
}

static KMK_2016: LazyLock<Option<Framework>> = LazyLock::new(|| parse(include_str!("../../schemas/frameworks/kmk-2016.yaml")));
static MKR_NRW: LazyLock<Option<Framework>> = LazyLock::new(|| parse(include_str!("../../schemas/frameworks/mkr-nrw.yaml")));
static BY_KOMPETENZRAHMEN: LazyLock<Option<Framework>> =
    LazyLock::new(|| parse(include_str!("../../schemas/frameworks/by-kompetenzrahmen.yaml")));
static NI_ORIENTIERUNGSRAHMEN: LazyLock<Option<Framework>> =
    LazyLock::new(|| parse(include_str!("../../schemas/frameworks/ni-orientierungsrahmen.yaml")));
static BCM_BE_BB: LazyLock<Option<Framework>> = LazyLock::new(|| parse(include_str!("../../schemas/frameworks/bcm-be-bb.yaml")));
static SH_FACHANFORDERUNGEN: LazyLock<Option<Framework>> =
    LazyLock::new(|| parse(include_str!("../../schemas/frameworks/sh-fachanforderungen.yaml")));

/// The data of a framework (`None` only if a shipped file were broken; a test guards this).
#[must_use]
pub fn framework(r: Rahmen) -> Option<&'static Framework> {
    match r {
        Rahmen::Kmk2016 => KMK_2016.as_ref(),
        Rahmen::MkrNrw => MKR_NRW.as_ref(),
        Rahmen::ByKompetenzrahmen => BY_KOMPETENZRAHMEN.as_ref(),
        Rahmen::NiOrientierungsrahmen => NI_ORIENTIERUNGSRAHMEN.as_ref(),
        Rahmen::BcmBeBb => BCM_BE_BB.as_ref(),
        Rahmen::ShFachanforderungen => SH_FACHANFORDERUNGEN.as_ref(),
    }
}

pub(super) static RULES: &[Entry] = &[(&MC_KOMPETENZ, Some(known_ids)), (&MC_BEREICHE, Some(areas_covered))];

/// `MC-KOMPETENZ`: Unbekannte Kompetenz im gewählten Kompetenzrahmen
pub static MC_KOMPETENZ: Rule = Rule {
    code: "MC-KOMPETENZ",
    title: "Unbekannte Kompetenz im gewählten Kompetenzrahmen",
    severity: Fehler,
    explanation: "Die Einheiten des Mediencurriculums und die Fortbildungen verweisen mit Kennungen wie `\"1.1\"` auf Kompetenzen \
des unter `mediencurriculum.rahmen` gewählten Rahmens: der KMK-Strategie (2016, sechs Bereiche mit 22 Kompetenzen), des Medienkompetenzrahmens NRW \
(sechs Bereiche mit 24 Teilkompetenzen), des bayerischen Kompetenzrahmens (fünf Bereiche mit je vier Teilkompetenzen), \
des Basiscurriculums Medienbildung Berlin/Brandenburg (sechs Bereiche mit 22 Themen), des niedersächsischen Orientierungsrahmens \
Medienbildung oder der schleswig-holsteinischen Ergänzung zu den Fachanforderungen (beide mit den Kennungen des KMK-Rahmens). \
Eine Kennung, die es im Rahmen nicht gibt, ist meist ein Tippfehler oder stammt aus einem anderen Rahmen. Die Meldung nennt die ähnlichste Kennung.",
    bad: "mediencurriculum:\n  rahmen: kmk-2016\n  einheiten:\n    - { fach: Deutsch, jahrgang: 3, thema: Informationen suchen, kompetenzen: [\"1.4\"] }\n",
    good: "mediencurriculum:\n  rahmen: kmk-2016\n  einheiten:\n    - { fach: Deutsch, jahrgang: 3, thema: Informationen suchen, kompetenzen: [\"1.1\"] }\n",
    sources: &[KMK, sources::MKR_NRW, BY_KR, NI_OR, BCM, SH_FA],
};

/// `MC-BEREICHE`: Kompetenzbereich im Mediencurriculum nicht abgedeckt
pub static MC_BEREICHE: Rule = Rule {
    code: "MC-BEREICHE",
    title: "Kompetenzbereich im Mediencurriculum nicht abgedeckt",
    severity: Warnung,
    explanation: "Die Länder haben sich verpflichtet, dass Schülerinnen und Schüler alle Kompetenzen in der digitalen Welt erwerben können \
(KMK 2016). Ein Mediencurriculum sollte deshalb jeden Kompetenzbereich des gewählten Rahmens mindestens einmal abdecken. \
Die Meldung nennt die fehlenden Bereiche; ergänzen Sie Einheiten, die sie fördern.",
    bad: "mediencurriculum:\n  rahmen: kmk-2016\n  einheiten:\n    - { fach: Deutsch, jahrgang: 3, thema: Informationen suchen, kompetenzen: [\"1.1\"] }\n",
    good: "mediencurriculum:\n  rahmen: kmk-2016\n  einheiten:\n    - { fach: Deutsch, jahrgang: 3, thema: Informationen suchen, kompetenzen: [\"1.1\", \"1.2\"] }\n    - { fach: Sachunterricht, jahrgang: 3, thema: Gemeinsam ein Lerntagebuch führen, kompetenzen: [\"2.3\"] }\n    - { fach: Deutsch, jahrgang: 4, thema: Hörspiel produzieren, kompetenzen: [\"3.1\"] }\n    - { fach: Sachunterricht, jahrgang: 4, thema: Sichere Passwörter, kompetenzen: [\"4.1\"] }\n    - { fach: Mathematik, jahrgang: 4, thema: Roboter programmieren, kompetenzen: [\"5.5\"] }\n    - { fach: Deutsch, jahrgang: 4, thema: Werbung erkennen, kompetenzen: [\"6.1\"] }\n",
    sources: &[KMK],
};

fn known_ids(ctx: &Context<'_>, f: &mut Findings) {
    let Some(curriculum) = &ctx.plan.curriculum else { return };
    let Some(fw) = framework(curriculum.framework) else { return };
    let ids: Vec<&str> = fw.bereiche.iter().flat_map(|a| a.kompetenzen.iter().map(|k| k.id.as_str())).collect();
    let mut check = |path: String, id: &str| {
        if !ids.contains(&id) {
            let help = match suggest(id, &ids) {
                Some(s) => {
                    format!(
                        "Meinten Sie `{s}`? Der Rahmen „{}“ kennt {} bis {}.",
                        curriculum.framework.key(),
                        ids.first().unwrap_or(&""),
                        ids.last().unwrap_or(&"")
                    )
                }
                None => format!("Der Rahmen „{}“ kennt die Kennungen {}.", curriculum.framework.key(), ids.join(", ")),
            };
            f.at(path, format!("Die Kompetenz `{id}` gibt es im Rahmen „{}“ nicht.", fw.titel)).with_help(help);
        }
    };
    for (i, u) in curriculum.units.iter().enumerate() {
        for (j, id) in u.competences.iter().enumerate() {
            check(format!("mediencurriculum.einheiten[{i}].kompetenzen[{j}]"), id);
        }
    }
    for (i, t) in ctx.plan.training.iter().enumerate() {
        for (j, id) in t.competences.iter().enumerate() {
            check(format!("fortbildung[{i}].kompetenzen[{j}]"), id);
        }
    }
}

fn areas_covered(ctx: &Context<'_>, f: &mut Findings) {
    let Some(curriculum) = &ctx.plan.curriculum else { return };
    if curriculum.units.is_empty() {
        return;
    }
    let Some(fw) = framework(curriculum.framework) else { return };
    let used: Vec<&str> = curriculum.units.iter().flat_map(|u| u.competences.iter().map(String::as_str)).collect();
    let missing: Vec<String> = fw
        .bereiche
        .iter()
        .filter(|a| !a.kompetenzen.iter().any(|k| used.contains(&k.id.as_str())))
        .map(|a| format!("{} {}", a.id, a.titel))
        .collect();
    if !missing.is_empty() {
        f.at("mediencurriculum.einheiten", format!("Keine Einheit fördert die Kompetenzbereiche: {}.", missing.join("; ")))
            .with_help("Ergänzen Sie Einheiten, die diese Bereiche abdecken.");
    }
}
