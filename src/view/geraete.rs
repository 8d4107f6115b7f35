//! Device and network figures of one plan as text: mobile end devices, pupil devices per pupil,
//! devices per type before and after the plan, network coverage (part of [`super::Kennzahlen`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::kennzahlen::summe;
use super::values::{Anteil, Anzahl, Betrag, Label, Zahl, label};
use crate::figures::Figures;
use crate::model::Plan;

/// Mobile Endgeräte im Plan.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Mobil {
    /// Summe der mobilen Positionen (Kategorie `mobile_endgeraete` oder mobiler Gerätetyp).
    pub summe: Betrag,
    /// Diese Summe als Anteil an der gesamten Investition.
    pub anteil: Option<Anteil>,
    /// Zahl der geplanten mobilen Geräte.
    pub anzahl: Anzahl,
}

impl Mobil {
    pub(super) fn of(plan: &Plan, f: &Figures) -> Self {
        let mobile = || plan.needs.iter().enumerate().filter(|(_, b)| crate::figures::ist_mobil(b));
        let summe = summe(&f.investment, mobile().map(|(i, _)| i));
        let m = crate::figures::Menge::of(mobile().map(|(_, b)| b.count));
        let anteil = if f.investment.unpriced.is_empty() { Anteil::opt(f.mobile.share) } else { None };
        Self { summe, anteil, anzahl: Anzahl::menge(m.sum, m.known, m.unknown, m.approx) }
    }
}

/// Schülergeräte.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Geraete {
    /// Vorhandene Schülergeräte (Tablets, Laptops, Notebooks, PCs; ohne Leihgeräte der Lehrkräfte).
    pub vorhanden: u64,
    /// Geplante weitere Schülergeräte (Bedarf mit `nutzung: unterricht`).
    pub geplant: u64,
    /// Vorhandene und geplante zusammen.
    pub gesamt: u64,
    /// Vorhandene Schülergeräte, wie gedruckt: `30`, `ca. 30`, `mindestens 30` oder `nicht bekannt`.
    pub vorhanden_anzahl: Anzahl,
    /// Geplante Schülergeräte, wie gedruckt.
    pub geplant_anzahl: Anzahl,
    /// Vorhandene und geplante zusammen, wie gedruckt.
    pub gesamt_anzahl: Anzahl,
    /// Vorhandene Geräte je Schülerin oder Schüler (2 Nachkommastellen).
    pub je_schueler_vorhanden: Option<Zahl>,
    /// Geräte je Schülerin oder Schüler nach dem Plan.
    pub je_schueler_geplant: Option<Zahl>,
    /// Schülerinnen und Schüler je vorhandenem Gerät (1 Nachkommastelle).
    pub schueler_je_geraet_vorhanden: Option<Zahl>,
    /// Schülerinnen und Schüler je Gerät nach dem Plan.
    pub schueler_je_geraet_geplant: Option<Zahl>,
    /// Geräte je Typ, der im Bestand oder im Bedarf vorkommt (in der Reihenfolge der Gerätetypen).
    pub je_typ: Vec<GeraeteTyp>,
}

/// Geräte eines Typs vor und nach dem Plan.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct GeraeteTyp {
    /// Gerätetyp.
    pub typ: Label,
    /// Anzahl im Bestand (`bestand.geraete`); `nicht bekannt`, `mindestens …` oder `ca. …`, wie die Angaben sagen.
    pub vorher: Anzahl,
    /// Im Bedarf geplante Anzahl.
    pub geplant: Anzahl,
    /// Beides zusammen.
    pub nachher: Anzahl,
}

impl Geraete {
    pub(super) fn of(f: &Figures) -> Self {
        let d = &f.devices;
        Self {
            vorhanden: d.existing,
            geplant: d.planned,
            gesamt: d.total,
            vorhanden_anzahl: menge(d.existing_menge),
            geplant_anzahl: menge(d.planned_menge),
            gesamt_anzahl: menge(d.existing_menge.plus(d.planned_menge)),
            je_schueler_vorhanden: je_schueler(d, false, d.per_pupil_existing(), 2),
            je_schueler_geplant: je_schueler(d, true, d.per_pupil_planned(), 2),
            schueler_je_geraet_vorhanden: je_schueler(d, false, d.pupils_per_device_existing(), 1),
            schueler_je_geraet_geplant: je_schueler(d, true, d.pupils_per_device_planned(), 1),
            je_typ: d
                .by_type
                .iter()
                .filter(|(_, before, new)| before.known + before.unknown + new.known + new.unknown > 0)
                .map(|&(t, vorher, geplant)| GeraeteTyp {
                    typ: label!(t),
                    vorher: menge(vorher),
                    geplant: menge(geplant),
                    nachher: menge(vorher.plus(geplant)),
                })
                .collect(),
        }
    }
}

/// A per-pupil figure: `nicht bekannt` when an input is `unbekannt`, `ca.` when one is approximate,
/// absent when there is nothing to divide by.
fn je_schueler(d: &crate::figures::Devices, planned: bool, r: Option<crate::figures::Ratio>, places: u32) -> Option<Zahl> {
    if d.unknown(planned) {
        return Some(Zahl::unbekannt());
    }
    r.map(|r| Zahl::of_ratio(r, places).ungefaehr(d.approx(planned)))
}

/// A sum of counts as printed.
fn menge(m: crate::figures::Menge) -> Anzahl {
    Anzahl::menge(m.sum, m.known, m.unknown, m.approx)
}

/// Kennzahlen des Netzes.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct NetzK {
    /// Räume mit WLAN.
    pub wlan_raeume: Option<u32>,
    /// Unterrichtsräume.
    pub unterrichtsraeume: Option<u32>,
    /// WLAN-Abdeckung: Räume mit WLAN / Unterrichtsräume.
    pub wlan_abdeckung: Option<Anteil>,
    /// Bandbreite des Internetanschlusses in Mbit/s.
    pub internet_mbit: Option<u32>,
    /// Bandbreite je Klasse in Mbit/s (1 Nachkommastelle).
    pub bandbreite_je_klasse: Option<Zahl>,
}

impl NetzK {
    pub(super) fn of(f: &Figures) -> Self {
        let n = &f.network;
        Self {
            wlan_raeume: n.wlan_rooms,
            unterrichtsraeume: n.classrooms,
            wlan_abdeckung: Anteil::opt(n.wlan_coverage),
            internet_mbit: n.internet_mbit,
            bandbreite_je_klasse: n.bandwidth_per_class.map(|r| Zahl::of_ratio(r, 1)),
        }
    }
}
