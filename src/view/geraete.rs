//! Device and network figures of one plan as text: mobile end devices, pupil devices per pupil,
//! devices per type before and after the plan, network coverage (part of [`super::Kennzahlen`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::kennzahlen::summe;
use super::values::{Anteil, Anzahl, Betrag, Label, Zahl, label};
use crate::figures::Figures;
use crate::model::Plan;

/// Mobile end devices in the plan.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Mobil {
    /// Sum of the mobile items (category `mobile_endgeraete` or a mobile device type).
    pub summe: Betrag,
    /// That sum as a share of the total investment.
    pub anteil: Option<Anteil>,
    /// Number of planned mobile devices.
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

/// Pupil devices.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Geraete {
    /// Existing pupil devices (tablets, laptops, notebooks, PCs; without teachers' loan devices).
    pub vorhanden: u64,
    /// Planned additional pupil devices (`bedarf` used for `unterricht`).
    pub geplant: u64,
    /// Existing plus planned.
    pub gesamt: u64,
    /// Existing pupil devices as printed: `30`, `ca. 30`, `mindestens 30` or `nicht bekannt`.
    pub vorhanden_anzahl: Anzahl,
    /// Planned pupil devices as printed.
    pub geplant_anzahl: Anzahl,
    /// Existing plus planned as printed.
    pub gesamt_anzahl: Anzahl,
    /// Existing devices per pupil.
    pub je_schueler_vorhanden: Option<Zahl>,
    /// Devices per pupil after the plan.
    pub je_schueler_geplant: Option<Zahl>,
    /// Pupils per existing device.
    pub schueler_je_geraet_vorhanden: Option<Zahl>,
    /// Pupils per device after the plan.
    pub schueler_je_geraet_geplant: Option<Zahl>,
    /// Devices of each type that occurs in the inventory or the needs (in the order of `geraetetyp`).
    pub je_typ: Vec<GeraeteTyp>,
}

/// Devices of one type, before and after the plan.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct GeraeteTyp {
    /// Device type.
    pub typ: Label,
    /// Count in the inventory (`bestand.geraete`); `nicht bekannt`, `mindestens …` or `ca. …` as the inputs say.
    pub vorher: Anzahl,
    /// Count planned in `bedarf`.
    pub geplant: Anzahl,
    /// Both together.
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

/// Network figures.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct NetzK {
    /// Rooms with WLAN.
    pub wlan_raeume: Option<u32>,
    /// Classrooms (Unterrichtsräume).
    pub unterrichtsraeume: Option<u32>,
    /// Rooms with WLAN / classrooms.
    pub wlan_abdeckung: Option<Anteil>,
    /// Internet bandwidth in Mbit/s.
    pub internet_mbit: Option<u32>,
    /// Bandwidth per class in Mbit/s.
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
