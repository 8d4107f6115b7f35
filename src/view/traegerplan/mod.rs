//! The Schulträger's own Medienentwicklungsplan as text, independent of the output format: the
//! chapters of the published municipal plans (summary with cost overview, goals, the schools'
//! concepts, status quo, Soll and standards, support and operation, training, resources and
//! financial plan, time plan, evaluation and Fortschreibung, annex per school), built as an
//! [`Overview`] so that Markdown and PDF render the same sentences and tables.
//!
//! Every number comes from [`crate::figures::traeger`]; unknown counts print as „nicht bekannt“
//! or „mindestens …“, open costs as „Kosten noch offen“.

mod bestand;
mod geld;
mod organisation;

use crate::figures::Menge;
use crate::figures::traeger::Kosten;
use crate::review::traegerplan::TraegerPlan;
use crate::view::overview::{Abschnitt, Block, Overview};
use crate::view::values::{Betrag, de_int};
use crate::view::vokabular::{NICHT_BEKANNT, mindestens};

/// Builds the Träger's plan chapter by chapter.
#[must_use]
pub fn traegerplan(p: &TraegerPlan) -> Overview {
    let t = &p.traeger;
    let titel = format!("Medienentwicklungsplan des Schulträgers {}", t.name.trim());
    let abschnitte = vec![
        geld::zusammenfassung(p),
        organisation::ziele(t),
        bestand::grundlage(p),
        bestand::bestandsaufnahme(p),
        bestand::soll(p),
        organisation::betrieb(t),
        organisation::fortbildung(p),
        geld::finanzplan(p),
        organisation::zeitplan(p),
        organisation::evaluation(t),
        organisation::pruefergebnis(p),
    ];
    let mut all = abschnitte;
    all.extend(bestand::anhang(p));
    Overview { titel, abschnitte: all }
}

pub(crate) fn section(ebene: u8, titel: &str, bloecke: Vec<Block>) -> Abschnitt {
    crate::view::overview::section(ebene, titel.to_owned(), bloecke)
}

pub(crate) fn para(s: impl Into<String>) -> Block {
    Block::Absatz { saetze: vec![s.into()] }
}

pub(crate) fn table(kopf: &[&str], rechts_ab: usize, zeilen: Vec<Vec<String>>, summe: Option<Vec<String>>) -> Block {
    Block::Tabelle {
        kopf: kopf.iter().map(|&k| k.to_owned()).collect(),
        rechts: (0..kopf.len()).map(|i| i >= rechts_ab).collect(),
        zeilen,
        summe,
    }
}

/// A count with what is unknown or approximate about it: `12`, `ca. 12`, `mindestens 12`, `nicht bekannt`.
#[must_use]
pub fn anzahl(m: Menge) -> String {
    let n = de_int(i64::try_from(m.sum).unwrap_or(i64::MAX));
    match (m.known, m.unknown, m.approx) {
        (0, u, _) if u > 0 => NICHT_BEKANNT.to_owned(),
        (_, u, _) if u > 0 => mindestens(&n),
        (_, _, true) => format!("ca. {n}"),
        _ => n,
    }
}

/// An amount in a table cell: `1.234,00 €`, `Kosten noch offen`, or `mindestens 1.234,00 €` when parts
/// are open (the chapter says once what „mindestens“ means).
#[must_use]
pub fn zelle(k: Kosten) -> String {
    match (k.open, k.priced > 0 || k.cents != 0) {
        (0, _) => crate::view::values::de_eur(k.cents),
        (_, false) => crate::view::vokabular::KOSTEN_OFFEN.to_owned(),
        (_, true) => mindestens(&crate::view::values::de_eur(k.cents)),
    }
}

/// Money in a table cell: `1.234,00 €`, `nicht bekannt` (an amount written as `unbekannt`) or `mindestens …`.
#[must_use]
pub fn mittel_zelle(k: Kosten) -> String {
    match (k.open, k.priced > 0 || k.cents != 0) {
        (0, _) => crate::view::values::de_eur(k.cents),
        (_, false) => NICHT_BEKANNT.to_owned(),
        (_, true) => mindestens(&crate::view::values::de_eur(k.cents)),
    }
}

/// The note under a table whose cells may say „mindestens“.
pub(crate) const MINDESTENS: &str = "„mindestens“: ein Teil dieser Kosten ist offen (Kosten noch offen), weil eine Angabe oder ein Kostenparameter fehlt; die Zahl ist der berechnete Teil.";

/// An amount with open parts: `1.234,00 €`, `Kosten noch offen`, `mindestens …, dazu Kosten noch offen`.
#[must_use]
pub fn betrag(k: Kosten) -> String {
    Betrag::summe(k.cents, k.priced.max(usize::from(k.cents != 0)), k.open).text
}
