//! What the Schulträger's plan needs to know about one school, taken from its plan once
//! (the plan itself is dropped after checking, see `crate::review`).

use schemars::JsonSchema;
use serde::Serialize;

use std::collections::BTreeMap;

use super::super::{Figures, Menge};
use crate::model::{Angabe, AvvStatus, Betreiber, DsfaStatus, Geraetetyp, Kostenart, Plan, Schulform, Zielgruppe, Zweck};

/// One school's facts for the Schulträger's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SchoolInput {
    /// Schulform.
    pub kind: Schulform,
    /// Pupils as the plan gives them.
    pub pupils: Angabe<u32>,
    /// Teachers as the plan gives them.
    pub teachers: Angabe<u32>,
    /// Classrooms (`None` when the plan does not say).
    pub classrooms: Option<Angabe<u32>>,
    /// Internet bandwidth (download) in Mbit/s.
    pub internet_mbit: Option<Angabe<u32>>,
    /// Rooms with WLAN.
    pub wlan_rooms: Option<Angabe<u32>>,
    /// Per device type: in the inventory, and planned in `bedarf` (all types in declaration order).
    pub devices: Vec<(Geraetetyp, Menge, Menge)>,
    /// Planned devices per type and known year (items with `jahr: unbekannt` are in `devices` only).
    pub planned_by_year: BTreeMap<Geraetetyp, BTreeMap<i32, Menge>>,
    /// Pupil devices (tablets, laptops, notebooks, PCs) in the inventory, without teachers' loan devices.
    pub pupil_devices: Menge,
    /// Platforms in use with their data-protection state.
    pub platforms: Vec<PlatformFact>,
    /// Trainings.
    pub trainings: Vec<TrainingFact>,
    /// Priced investive items per known year, in cents.
    pub investive_by_year: BTreeMap<i32, i64>,
    /// Priced investive items whose year is `unbekannt`, in cents.
    pub investive_unknown_year: i64,
    /// Priced items of `kostenart: laufend` per known year, in cents.
    pub running_items_by_year: BTreeMap<i32, i64>,
    /// `betrieb.folgekosten_eur_pro_jahr` per year of the school's running-cost table, in cents.
    pub school_running_by_year: BTreeMap<i32, i64>,
    /// Items without price or count ("Kosten noch offen").
    pub open_items: usize,
    /// Items with a price.
    pub priced_items: usize,
    /// `finanzierung`: requested, own share, other money in cents (0 when absent).
    pub funding: [i64; 3],
    /// Measures (`massnahmen`) per year of their start.
    pub measures_by_year: BTreeMap<i32, usize>,
}

/// A platform and its data-protection state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlatformFact {
    /// Name.
    pub name: String,
    /// Purpose.
    pub purpose: Zweck,
    /// Who runs it.
    pub operator: Betreiber,
    /// Data-processing agreement.
    pub avv: Option<AvvStatus>,
    /// Data-protection impact assessment.
    pub dsfa: Option<DsfaStatus>,
}

/// A training of the school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TrainingFact {
    /// Title.
    pub title: String,
    /// Audience.
    pub audience: Zielgruppe,
    /// Participants.
    pub participants: u32,
    /// Participant hours (participants × hours) in hundredths of an hour.
    pub participant_hours: i64,
}

impl SchoolInput {
    /// Takes the facts from a loaded plan and its computed figures.
    #[must_use]
    pub fn of(plan: &Plan, figures: &Figures) -> Self {
        let mut planned_by_year: BTreeMap<Geraetetyp, BTreeMap<i32, Menge>> = BTreeMap::new();
        let mut investive_by_year: BTreeMap<i32, i64> = BTreeMap::new();
        let mut running_items_by_year: BTreeMap<i32, i64> = BTreeMap::new();
        let mut investive_unknown_year = 0_i64;
        for (b, cost) in plan.needs.iter().zip(&figures.investment.items) {
            if let Some(year) = b.year.bekannt() {
                let cell = planned_by_year.entry(b.device).or_default().entry(year).or_default();
                *cell = cell.plus(Menge::of(std::iter::once(b.count)));
            }
            let Some(cost) = *cost else { continue };
            match (b.cost_kind, b.year.bekannt()) {
                (Kostenart::Investiv, Some(y)) => *investive_by_year.entry(y).or_default() += cost,
                (Kostenart::Investiv, None) => investive_unknown_year += cost,
                (Kostenart::Laufend, Some(y)) => *running_items_by_year.entry(y).or_default() += cost,
                // A running item without a year stays in the school's own tables only.
                (Kostenart::Laufend, None) => {}
            }
        }
        let netz = plan.inventory.as_ref().and_then(|b| b.network.as_ref());
        Self {
            kind: plan.school.kind,
            pupils: plan.school.pupils,
            teachers: plan.school.teachers,
            classrooms: plan.school.classrooms,
            internet_mbit: netz.and_then(|n| n.internet_mbit),
            wlan_rooms: netz.and_then(|n| n.wlan_rooms),
            devices: figures.devices.by_type.clone(),
            planned_by_year,
            pupil_devices: figures.devices.existing_menge,
            platforms: plan
                .platforms
                .iter()
                .map(|p| PlatformFact { name: p.name.clone(), purpose: p.purpose, operator: p.operator, avv: p.avv, dsfa: p.dsfa })
                .collect(),
            trainings: plan
                .training
                .iter()
                .zip(&figures.training.per_training)
                .map(|(t, &h)| TrainingFact {
                    title: t.title.clone(),
                    audience: t.audience,
                    participants: t.participants,
                    participant_hours: h,
                })
                .collect(),
            investive_by_year,
            investive_unknown_year,
            running_items_by_year,
            school_running_by_year: figures.running.years.iter().filter(|y| y.operation != 0).map(|y| (y.year, y.operation)).collect(),
            open_items: figures.investment.unpriced.len(),
            priced_items: figures.investment.items.len() - figures.investment.unpriced.len(),
            funding: figures.funding.as_ref().map_or([0; 3], |f| [f.requested, f.own_share, f.other]),
            measures_by_year: plan.measures.iter().fold(BTreeMap::new(), |mut m, x| {
                *m.entry(x.start.jahr).or_default() += 1;
                m
            }),
        }
    }
}
