//! Chapters on organisation: goals, support and operation, training, time plan, evaluation, check result.

use super::{para, section, table};
use crate::model::{Angabe, Traeger};
use crate::review::traegerplan::TraegerPlan;
use crate::view::overview::{Abschnitt, Block, befund};
use crate::view::values::{de_scaled, zeitpunkt_text};

/// „Ziele“.
pub(super) fn ziele(t: &Traeger) -> Abschnitt {
    let b = if t.goals.is_empty() {
        vec![para("Die Schulträger-Datei nennt keine Ziele („ziele“).")]
    } else {
        let rows = t.goals.iter().enumerate().map(|(i, g)| vec![format!("Z{}", i + 1), g.trim().to_owned()]).collect();
        vec![para("Der Schulträger verfolgt mit diesem Plan folgende Ziele:"), table(&["Nr.", "Ziel"], 9, rows, None)]
    };
    section(2, "Ziele", b)
}

/// „Betrieb und Support“: the concept and the support model.
pub(super) fn betrieb(t: &Traeger) -> Abschnitt {
    let Some(b) = t.betrieb() else {
        return section(
            2,
            "Betrieb und Support",
            vec![para(
                "Ein Betriebs-, Wartungs- und Supportkonzept des Schulträgers ist nicht angegeben (TRAEGER-BETRIEB-FEHLT). Die Länder prüfen es beim Antragsteller.",
            )],
        );
    };
    let mut s = format!("Betrieb, Wartung und Support regelt das Konzept „{}“ vom {}", b.reference.trim(), zeitpunkt_text(b.date));
    match b.signatory.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
        Some(who) => s.push_str(&format!(", unterzeichnet von {who}.")),
        None => s.push_str("; wer es unterzeichnet hat, ist nicht angegeben."),
    }
    let rows: Vec<Vec<String>> = b
        .levels
        .iter()
        .map(|l| {
            vec![
                l.level.label().to_owned(),
                l.who.trim().to_owned(),
                match l.by {
                    Angabe::Bekannt(x) | Angabe::Ungefaehr(x) => x.label().to_owned(),
                    Angabe::Unbekannt => "nicht bekannt".to_owned(),
                },
                match l.response_hours {
                    Some(Angabe::Bekannt(h) | Angabe::Ungefaehr(h)) => format!("{h} Stunden"),
                    Some(Angabe::Unbekannt) => "nicht bekannt".to_owned(),
                    None => "nicht angegeben".to_owned(),
                },
            ]
        })
        .collect();
    section(2, "Betrieb und Support", vec![para(s), table(&["Ebene", "Wer", "Erbracht durch", "Reaktionszeit"], 9, rows, None)])
}

/// „Fortbildung“: the training plans of the schools rolled up.
pub(super) fn fortbildung(p: &TraegerPlan) -> Abschnitt {
    let mut rows = Vec::new();
    for s in &p.figures.schools {
        let Some(f) = &s.figures else { continue };
        let hours: i64 = f.trainings.iter().map(|t| t.participant_hours).sum();
        let participants: u64 = f.trainings.iter().map(|t| u64::from(t.participants)).sum();
        rows.push(vec![s.name.clone(), f.trainings.len().to_string(), participants.to_string(), de_scaled(hours, 2)]);
    }
    let t = &p.figures.total;
    let summe = vec!["Alle Schulen".to_owned(), t.trainings.to_string(), t.participants.to_string(), de_scaled(t.participant_hours, 2)];
    section(
        2,
        "Fortbildung",
        vec![
            para(
                "Die Fortbildungen aus den Plänen der Schulen; Teilnahmestunden = Teilnehmende × Stunden. Eine Person kann an mehreren Fortbildungen teilnehmen und zählt dann mehrfach.",
            ),
            table(&["Schule", "Fortbildungen", "Teilnehmende", "Teilnahmestunden"], 1, rows, Some(summe)),
        ],
    )
}

/// The schools' measures per year of their start, per school and in total.
fn massnahmen(p: &TraegerPlan) -> Vec<Block> {
    let years: Vec<i32> = p.figures.total.measures_by_year.keys().copied().collect();
    if years.is_empty() {
        return vec![para("Die Pläne der Schulen nennen keine Maßnahmen mit Zeitraum.")];
    }
    let mut kopf: Vec<String> = vec!["Schule".to_owned()];
    kopf.extend(years.iter().map(ToString::to_string));
    let count = |m: &std::collections::BTreeMap<i32, usize>, y: &i32| m.get(y).map_or_else(|| "–".to_owned(), ToString::to_string);
    let rows = p
        .figures
        .schools
        .iter()
        .filter_map(|s| {
            let f = s.figures.as_ref()?;
            let mut r = vec![s.name.clone()];
            r.extend(years.iter().map(|y| count(&f.measures_by_year, y)));
            Some(r)
        })
        .collect();
    let mut summe = vec!["Alle Schulen".to_owned()];
    summe.extend(years.iter().map(|y| count(&p.figures.total.measures_by_year, y)));
    let kopf: Vec<&str> = kopf.iter().map(String::as_str).collect();
    vec![para("Maßnahmen der Schulen nach dem Jahr ihres Beginns (aus „massnahmen“ der Pläne):"), table(&kopf, 1, rows, Some(summe))]
}

/// „Zeitplan und Beschlüsse“.
pub(super) fn zeitplan(p: &TraegerPlan) -> Abschnitt {
    let t = &p.traeger;
    let mut b: Vec<Block> = Vec::new();
    if t.timeline.is_empty() {
        b.push(para("Die Schulträger-Datei nennt keinen Zeitplan („zeitplan“)."));
    } else {
        let rows = t
            .timeline
            .iter()
            .map(|s| {
                vec![s.title.trim().to_owned(), zeitpunkt_text(s.from), zeitpunkt_text(s.to), s.responsible.clone().unwrap_or_default()]
            })
            .collect();
        b.push(table(&["Schritt", "von", "bis", "verantwortlich"], 9, rows, None));
    }
    if t.decisions.is_empty() {
        b.push(para("Beschlüsse kommunaler Gremien sind nicht angegeben („ratsbeschluesse“)."));
    } else {
        let rows = t
            .decisions
            .iter()
            .map(|d| {
                vec![
                    d.body.trim().to_owned(),
                    zeitpunkt_text(d.date),
                    d.paper.clone().unwrap_or_default(),
                    d.subject.clone().unwrap_or_default(),
                ]
            })
            .collect();
        b.push(para("Beschlüsse:"));
        b.push(table(&["Gremium", "Datum", "Drucksache", "Gegenstand"], 9, rows, None));
    }
    b.extend(massnahmen(p));
    section(2, "Zeitplan und Beschlüsse", b)
}

/// „Evaluation und Fortschreibung“.
pub(super) fn evaluation(t: &Traeger) -> Abschnitt {
    let mut b = Vec::new();
    if t.evaluation.is_empty() {
        b.push(para("Die Schulträger-Datei nennt keine Indikatoren („evaluation“)."));
    } else {
        let rows = t
            .evaluation
            .iter()
            .map(|i| vec![i.name.trim().to_owned(), i.target.clone().unwrap_or_default(), i.when.clone().unwrap_or_default()])
            .collect();
        b.push(table(&["Indikator", "Zielwert", "Erhebung"], 9, rows, None));
    }
    b.push(para(match &t.update {
        Some(u) => format!(
            "Der Plan wird fortgeschrieben{}; die nächste Fortschreibung ist für {} vorgesehen.",
            u.cycle.as_deref().map(|c| format!(" ({})", c.trim())).unwrap_or_default(),
            zeitpunkt_text(u.next)
        ),
        None => "Wann der Plan fortgeschrieben wird, ist nicht angegeben („fortschreibung“).".to_owned(),
    }));
    section(2, "Evaluation und Fortschreibung", b)
}

/// „Prüfergebnis“: the findings at the Träger, then the plausibility findings.
pub(super) fn pruefergebnis(p: &TraegerPlan) -> Abschnitt {
    let mut b = Vec::new();
    let traeger: Vec<_> = p.review.traeger_findings.iter().map(befund).collect();
    b.push(para(if traeger.is_empty() {
        "Zur Schulträger-Datei und über die Schulen hinweg gibt es keine Befunde.".to_owned()
    } else {
        format!("Befunde zur Schulträger-Datei und über die Schulen hinweg ({}):", traeger.len())
    }));
    if !traeger.is_empty() {
        b.push(Block::Befunde { liste: traeger });
    }
    let plaus: Vec<_> = p.plausibility.iter().map(befund).collect();
    b.push(para(if plaus.is_empty() {
        "Die Plausibilitätsprüfung des Plans (Standards, Mittel) ergibt keine Befunde.".to_owned()
    } else {
        format!("Plausibilitätsprüfung (keine Förderregel, Setzungen des Schulträgers; {}):", plaus.len())
    }));
    if !plaus.is_empty() {
        b.push(Block::Befunde { liste: plaus });
    }
    let t = &p.review.totals;
    b.push(para(format!(
        "Die Pläne der Schulen: {} ohne Befund, {} mit Warnungen, {} mit Fehlern. Einzelheiten zeigt „mep uebersicht“.",
        t.without_findings, t.with_warnings, t.with_errors
    )));
    section(2, "Prüfergebnis", b)
}
