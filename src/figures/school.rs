//! Figures about the school: pupil devices, network, training hours.

use std::collections::{BTreeMap, BTreeSet};

use super::{Ratio, add, ist_schuelergeraet};
use crate::model::{Angabe, Geraetetyp, Herkunft, Nutzung, Plan};

/// A sum of counts that may contain `unbekannt` and approximate (`ca. 30`) parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Menge {
    /// Sum of the known parts.
    pub sum: u64,
    /// Number of known parts (exact or approximate).
    pub known: usize,
    /// Number of parts written as `unbekannt`.
    pub unknown: usize,
    /// Whether a known part is approximate.
    pub approx: bool,
}

impl Menge {
    /// Sums the counts.
    pub fn of(counts: impl Iterator<Item = Angabe<u32>>) -> Self {
        counts.fold(Self::default(), |m, a| match a {
            Angabe::Unbekannt => Self { unknown: m.unknown + 1, ..m },
            Angabe::Bekannt(n) | Angabe::Ungefaehr(n) => {
                Self { sum: m.sum + u64::from(n), known: m.known + 1, unknown: m.unknown, approx: m.approx || a.ist_ungefaehr() }
            }
        })
    }

    /// Both together.
    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        Self {
            sum: self.sum + other.sum,
            known: self.known + other.known,
            unknown: self.unknown + other.unknown,
            approx: self.approx || other.approx,
        }
    }

    /// The sum when every part is known.
    #[must_use]
    pub fn exact(self) -> Option<u64> {
        (self.unknown == 0).then_some(self.sum)
    }
}

/// Pupil devices and devices by type (an unknown pupil count gives no per-pupil figure).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Devices {
    /// Existing pupil devices (without teachers' loan devices).
    pub existing: u64,
    /// Planned pupil devices (`bedarf` used for `unterricht`).
    pub planned: u64,
    /// Existing plus planned.
    pub total: u64,
    /// The existing pupil devices with what is unknown or approximate about them.
    pub existing_menge: Menge,
    /// The planned pupil devices with what is unknown or approximate about them.
    pub planned_menge: Menge,
    /// Pupils of the school; `None` when the plan says `unbekannt`.
    pub pupils: Option<u64>,
    /// Whether the pupil count is approximate.
    pub pupils_approx: bool,
    /// Devices of each type (all types in declaration order): in the inventory, and planned in `bedarf`.
    pub by_type: Vec<(Geraetetyp, Menge, Menge)>,
}

impl Devices {
    pub(super) fn of(plan: &Plan) -> Self {
        let devices = plan.inventory.iter().flat_map(|b| &b.devices);
        let existing_menge = Menge::of(
            devices.clone().filter(|g| ist_schuelergeraet(g.kind) && g.source != Some(Herkunft::LeihgeraeteLehrkraefte)).map(|g| g.count),
        );
        let planned_menge =
            Menge::of(plan.needs.iter().filter(|b| ist_schuelergeraet(b.device) && b.usage == Nutzung::Unterricht).map(|b| b.count));
        let by_type = Geraetetyp::ALL
            .iter()
            .map(|&t| {
                let before = Menge::of(devices.clone().filter(|g| g.kind == t).map(|g| g.count));
                let new = Menge::of(plan.needs.iter().filter(|b| b.device == t).map(|b| b.count));
                (t, before, new)
            })
            .collect();
        let (existing, planned) = (existing_menge.sum, planned_menge.sum);
        Self {
            existing,
            planned,
            total: existing + planned,
            existing_menge,
            planned_menge,
            pupils: plan.school.pupils.bekannt().map(u64::from),
            pupils_approx: plan.school.pupils.ist_ungefaehr(),
            by_type,
        }
    }

    /// Whether a per-pupil figure is approximate (pupils or devices given as `ca.`).
    #[must_use]
    pub fn approx(&self, planned: bool) -> bool {
        self.pupils_approx || self.existing_menge.approx || (planned && self.planned_menge.approx)
    }

    /// Whether a per-pupil figure cannot be computed because an input is `unbekannt`.
    #[must_use]
    pub fn unknown(&self, planned: bool) -> bool {
        self.pupils.is_none() || self.existing_menge.unknown > 0 || (planned && self.planned_menge.unknown > 0)
    }

    fn ratio(a: u64, b: Option<u64>) -> Option<Ratio> {
        Ratio::of(i64::try_from(a).unwrap_or(i64::MAX), i64::try_from(b?).unwrap_or(i64::MAX))
    }

    fn ratio_inv(a: Option<u64>, b: u64) -> Option<Ratio> {
        Ratio::of(i64::try_from(a?).unwrap_or(i64::MAX), i64::try_from(b).unwrap_or(i64::MAX))
    }

    /// Existing devices per pupil.
    #[must_use]
    pub fn per_pupil_existing(&self) -> Option<Ratio> {
        Self::ratio(self.existing, self.pupils).filter(|_| !self.unknown(false))
    }

    /// Devices per pupil after the plan.
    #[must_use]
    pub fn per_pupil_planned(&self) -> Option<Ratio> {
        Self::ratio(self.total, self.pupils).filter(|_| !self.unknown(true))
    }

    /// Pupils per existing device.
    #[must_use]
    pub fn pupils_per_device_existing(&self) -> Option<Ratio> {
        Self::ratio_inv(self.pupils, self.existing).filter(|_| !self.unknown(false))
    }

    /// Pupils per device after the plan.
    #[must_use]
    pub fn pupils_per_device_planned(&self) -> Option<Ratio> {
        Self::ratio_inv(self.pupils, self.total).filter(|_| !self.unknown(true))
    }
}

/// Network figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// Rooms with WLAN.
    pub wlan_rooms: Option<u32>,
    /// Classrooms.
    pub classrooms: Option<u32>,
    /// Rooms with WLAN / classrooms.
    pub wlan_coverage: Option<Ratio>,
    /// Internet bandwidth in Mbit/s.
    pub internet_mbit: Option<u32>,
    /// Bandwidth per class in Mbit/s.
    pub bandwidth_per_class: Option<Ratio>,
}

impl Network {
    pub(super) fn of(plan: &Plan) -> Self {
        let netz = plan.inventory.as_ref().and_then(|b| b.network.as_ref());
        let wlan_rooms = netz.and_then(|n| n.wlan_rooms).and_then(Angabe::bekannt);
        let internet_mbit = netz.and_then(|n| n.internet_mbit).and_then(Angabe::bekannt);
        let classrooms = plan.school.classrooms.and_then(Angabe::bekannt);
        Self {
            wlan_rooms,
            classrooms,
            wlan_coverage: wlan_rooms.zip(classrooms).and_then(|(w, r)| Ratio::of(i64::from(w), i64::from(r))),
            internet_mbit,
            bandwidth_per_class: internet_mbit
                .zip(plan.school.classes.and_then(Angabe::bekannt))
                .and_then(|(m, k)| Ratio::of(i64::from(m), i64::from(k))),
        }
    }
}

/// Training hours, in hundredths of an hour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    /// Participant hours of each training (participants × hours), in plan order.
    pub per_training: Vec<i64>,
    /// Participant hours in total.
    pub total: i64,
    /// Teachers of the school.
    pub teachers: i64,
    /// Participant hours and number of trainings per competence area id (`1` for `1.2`);
    /// a training counts once per area it touches.
    pub per_area: BTreeMap<String, (i64, usize)>,
}

/// The competence area of a competence id: the part before the first dot (`1` for `1.2`).
#[must_use]
pub fn area_id(kompetenz: &str) -> &str {
    kompetenz.trim().split('.').next().unwrap_or("").trim()
}

impl Training {
    pub(super) fn of(plan: &Plan) -> Self {
        let hundredths = |h: f64| if h.is_finite() { (h * 100.0).round().clamp(-1e15, 1e15) as i64 } else { 0 };
        let per_training: Vec<i64> = plan.training.iter().map(|t| hundredths(t.hours).saturating_mul(i64::from(t.participants))).collect();
        let mut per_area: BTreeMap<String, (i64, usize)> = BTreeMap::new();
        for (t, &h) in plan.training.iter().zip(&per_training) {
            let areas: BTreeSet<&str> = t.competences.iter().map(|c| area_id(c)).filter(|a| !a.is_empty()).collect();
            for a in areas {
                let e = per_area.entry(a.to_owned()).or_default();
                e.0 = add(e.0, h);
                e.1 += 1;
            }
        }
        Self {
            total: per_training.iter().copied().fold(0, add),
            per_training,
            teachers: i64::from(plan.school.teachers.bekannt().unwrap_or(0)),
            per_area,
        }
    }

    /// Participant hours per teacher (hundredths of an hour per teacher).
    #[must_use]
    pub fn per_teacher(&self) -> Option<Ratio> {
        Ratio::of(self.total, self.teachers)
    }
}
