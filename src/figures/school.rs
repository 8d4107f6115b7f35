//! Figures about the school: pupil devices, network, training hours.

use std::collections::{BTreeMap, BTreeSet};

use super::{Ratio, add, ist_schuelergeraet};
use crate::model::{Angabe, Geraetetyp, Herkunft, Nutzung, Plan};

/// Pupil devices and devices by type (an unknown pupil count gives no per-pupil figure).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Devices {
    /// Existing pupil devices (without teachers' loan devices).
    pub existing: u64,
    /// Planned pupil devices (`bedarf` used for `unterricht`).
    pub planned: u64,
    /// Existing plus planned.
    pub total: u64,
    /// Pupils of the school.
    pub pupils: u64,
    /// Devices of each type (all types in declaration order): in the inventory, and planned in `bedarf`.
    pub by_type: Vec<(Geraetetyp, u64, u64)>,
}

impl Devices {
    pub(super) fn of(plan: &Plan) -> Self {
        let devices = plan.inventory.iter().flat_map(|b| &b.devices);
        let existing: u64 = devices
            .clone()
            .filter(|g| ist_schuelergeraet(g.kind) && g.source != Some(Herkunft::LeihgeraeteLehrkraefte))
            .map(|g| u64::from(g.count))
            .sum();
        let planned: u64 =
            plan.needs.iter().filter(|b| ist_schuelergeraet(b.device) && b.usage == Nutzung::Unterricht).map(|b| u64::from(b.count)).sum();
        let by_type = Geraetetyp::ALL
            .iter()
            .map(|&t| {
                let before: u64 = devices.clone().filter(|g| g.kind == t).map(|g| u64::from(g.count)).sum();
                let new: u64 = plan.needs.iter().filter(|b| b.device == t).map(|b| u64::from(b.count)).sum();
                (t, before, new)
            })
            .collect();
        Self { existing, planned, total: existing + planned, pupils: u64::from(plan.school.pupils.bekannt().unwrap_or(0)), by_type }
    }

    fn ratio(a: u64, b: u64) -> Option<Ratio> {
        Ratio::of(i64::try_from(a).unwrap_or(i64::MAX), i64::try_from(b).unwrap_or(i64::MAX))
    }

    /// Existing devices per pupil.
    #[must_use]
    pub fn per_pupil_existing(&self) -> Option<Ratio> {
        Self::ratio(self.existing, self.pupils)
    }

    /// Devices per pupil after the plan.
    #[must_use]
    pub fn per_pupil_planned(&self) -> Option<Ratio> {
        Self::ratio(self.total, self.pupils)
    }

    /// Pupils per existing device.
    #[must_use]
    pub fn pupils_per_device_existing(&self) -> Option<Ratio> {
        Self::ratio(self.pupils, self.existing)
    }

    /// Pupils per device after the plan.
    #[must_use]
    pub fn pupils_per_device_planned(&self) -> Option<Ratio> {
        Self::ratio(self.pupils, self.total)
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
