//! Every figure of one plan, computed once: sums in cents (`i64`), counts as
//! integers, shares and ratios as exact fractions ([`Ratio`]). No text.
//!
//! Rules, the view, `mep review` and the PDF data all read [`Figures`]; only
//! `view::values` turns them into German text. Definitions (also in
//! `docs/planview.md`):
//!
//! - item cost = `anzahl × einzelpreis_eur`; an item without `einzelpreis_eur`
//!   has open costs ("Kosten noch offen") and is left out of every sum;
//! - investment = Σ item costs; `investiv` and `laufend` split it by `kostenart`;
//! - measure cost: an item's cost belongs to the first measure (in plan order)
//!   that lists it under `bedarf`; later measures list it as linked without
//!   adding it. Items no measure lists are "ohne Maßnahme". So Σ measures +
//!   ohne Maßnahme = investment;
//! - budget: `schultraeger.budget_eur` is the budget of Fördermittel for the
//!   school; it is compared with `finanzierung.beantragt_eur`, never with the
//!   investment;
//! - mobile device ([`ist_mobil`]): category `mobile_endgeraete` or a device
//!   type that is mobile (tablet, laptop, notebook, smartphone);
//! - pupil devices = tablets, laptops, notebooks and PCs; existing ones exclude
//!   teachers' loan devices, planned ones count items used for `unterricht`;
//! - training hours = participants × hours per participant (in hundredths of an hour);
//! - Folgekosten per calendar year, from the year the first items arrive
//!   (or the start of the planning period if later) to the end of the planning period:
//!   `betrieb.folgekosten_eur_pro_jahr` plus items of `kostenart: laufend` in that year.

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Bedarf, Euro, Geraetetyp, Herkunft, Kategorie, Kostenart, Nutzung, Plan};

/// Most calendar years the Folgekosten table covers.
pub const MAX_JAHRE: usize = 12;

/// Whether an item is a mobile end device: category `mobile_endgeraete` or a mobile device type.
///
/// The one definition used by `DP-MOBIL-OBERGRENZE`, `TRAEGER-MOBIL-ANTEIL`, the view and the review.
#[must_use]
pub fn ist_mobil(b: &Bedarf) -> bool {
    b.category == Kategorie::MobileEndgeraete || b.device.mobil()
}

/// Whether a device type counts as a pupil device (tablet, laptop, notebook, PC).
#[must_use]
pub fn ist_schuelergeraet(t: Geraetetyp) -> bool {
    matches!(t, Geraetetyp::Tablet | Geraetetyp::Laptop | Geraetetyp::Notebook | Geraetetyp::Pc)
}

/// An exact, non-negative-denominator fraction `num / den` (`den > 0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    /// Numerator.
    pub num: i64,
    /// Denominator, always positive.
    pub den: i64,
}

impl Ratio {
    /// The fraction `num / den`, or `None` when `den` is not positive.
    #[must_use]
    pub fn of(num: i64, den: i64) -> Option<Self> {
        (den > 0).then_some(Self { num, den })
    }

    /// `num × factor / den`, rounded half away from zero.
    #[must_use]
    pub fn scaled(self, factor: i64) -> i64 {
        let n = i128::from(self.num) * i128::from(factor);
        let d = i128::from(self.den);
        let q = (n.abs() * 2 + d) / (d * 2);
        let q = if n < 0 { -q } else { q };
        i64::try_from(q).unwrap_or(if q < 0 { i64::MIN } else { i64::MAX })
    }

    /// Whether `self > other` (exact).
    #[must_use]
    pub fn gt(self, other: Ratio) -> bool {
        i128::from(self.num) * i128::from(other.den) > i128::from(other.num) * i128::from(self.den)
    }
}

fn add(a: i64, b: i64) -> i64 {
    a.saturating_add(b)
}

/// Every figure of one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// Investment totals.
    pub investment: Investment,
    /// Funding split (when `finanzierung` is given).
    pub funding: Option<Funding>,
    /// Fördermittel budget of the Schulträger for this school (when `schultraeger.budget_eur` is given).
    pub budget: Option<Budget>,
    /// Mobile end devices.
    pub mobile: Mobile,
    /// Pupil devices and devices by type.
    pub devices: Devices,
    /// Network figures.
    pub network: Network,
    /// Training hours.
    pub training: Training,
    /// Cost per measure, without double counting.
    pub measures: Measures,
    /// Investment per scenario (items may serve several scenarios, so these overlap).
    pub scenarios: Vec<i64>,
    /// Running costs per year.
    pub running: RunningCosts,
}

impl Figures {
    /// Computes every figure of `plan`.
    #[must_use]
    pub fn of(plan: &Plan) -> Self {
        let investment = Investment::of(plan);
        let funding = plan.funding.as_ref().map(|f| {
            let total = add(add(f.requested.cents(), f.own_share.cents()), f.other.cents());
            Funding {
                requested: f.requested.cents(),
                own_share: f.own_share.cents(),
                other: f.other.cents(),
                total,
                difference: total.saturating_sub(investment.total),
            }
        });
        let budget = plan.provider.as_ref().and_then(|p| p.budget).map(|b| Budget::of(b, funding.as_ref()));
        let scenarios = plan
            .scenarios
            .iter()
            .map(|s| {
                plan.needs.iter().zip(&investment.items).filter(|(b, _)| b.scenarios.contains(&s.id)).filter_map(|(_, c)| *c).fold(0, add)
            })
            .collect();
        Self {
            mobile: Mobile::of(plan, &investment),
            devices: Devices::of(plan),
            network: Network::of(plan),
            training: Training::of(plan),
            measures: Measures::of(plan, &investment),
            running: RunningCosts::of(plan),
            scenarios,
            funding,
            budget,
            investment,
        }
    }
}

/// Investment totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Investment {
    /// Cost of each `bedarf` item in plan order; `None` when its price is open.
    pub items: Vec<Option<i64>>,
    /// Sum of all priced items.
    pub total: i64,
    /// Sum of priced items with `kostenart: investiv`.
    pub investive: i64,
    /// Sum of priced items with `kostenart: laufend` (not fundable).
    pub running: i64,
    /// Indices of the items without price ("Kosten noch offen").
    pub unpriced: Vec<usize>,
    /// Years that have items, ascending.
    pub years: Vec<i32>,
    /// One row per Fördergegenstand, all six in the order of the Verwaltungsvereinbarung.
    pub by_category: Vec<CategorySum>,
    /// Sum per year, aligned with `years`.
    pub by_year: Vec<i64>,
}

/// Investment in one Fördergegenstand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategorySum {
    /// The Fördergegenstand.
    pub category: Kategorie,
    /// Number of items (priced or not).
    pub items: usize,
    /// Number of items without price.
    pub unpriced: usize,
    /// Sum of the priced items.
    pub total: i64,
    /// Sum per year, aligned with [`Investment::years`].
    pub by_year: Vec<i64>,
}

impl Investment {
    fn of(plan: &Plan) -> Self {
        let items: Vec<Option<i64>> = plan.needs.iter().map(|b| b.total().map(Euro::cents)).collect();
        let sum = |pred: &dyn Fn(&Bedarf) -> bool| -> i64 {
            plan.needs.iter().zip(&items).filter(|(b, _)| pred(b)).filter_map(|(_, c)| *c).fold(0, add)
        };
        let years: Vec<i32> = plan.needs.iter().map(|b| b.year).collect::<BTreeSet<_>>().into_iter().collect();
        let by_category = Kategorie::ALL
            .iter()
            .map(|&k| CategorySum {
                category: k,
                items: plan.needs.iter().filter(|b| b.category == k).count(),
                unpriced: plan.needs.iter().filter(|b| b.category == k && b.unit_price.is_none()).count(),
                total: sum(&|b| b.category == k),
                by_year: years.iter().map(|&y| sum(&|b| b.category == k && b.year == y)).collect(),
            })
            .collect();
        Self {
            total: sum(&|_| true),
            investive: sum(&|b| b.cost_kind == Kostenart::Investiv),
            running: sum(&|b| b.cost_kind == Kostenart::Laufend),
            unpriced: items.iter().enumerate().filter(|(_, c)| c.is_none()).map(|(i, _)| i).collect(),
            by_year: years.iter().map(|&y| sum(&|b| b.year == y)).collect(),
            years,
            by_category,
            items,
        }
    }

    /// `part` as a share of the total investment (`None` when nothing is priced).
    #[must_use]
    pub fn share(&self, part: i64) -> Option<Ratio> {
        Ratio::of(part, self.total)
    }
}

/// The funding split from `finanzierung`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funding {
    /// `beantragt_eur`.
    pub requested: i64,
    /// `eigenanteil_eur`.
    pub own_share: i64,
    /// `sonstige_mittel_eur`.
    pub other: i64,
    /// The three together.
    pub total: i64,
    /// `total` minus the investment (0 when the funding covers the plan to the cent).
    pub difference: i64,
}

impl Funding {
    /// A part as a share of the funding total.
    #[must_use]
    pub fn share(&self, part: i64) -> Option<Ratio> {
        Ratio::of(part, self.total)
    }
}

/// The Schulträger's Fördermittel budget for the school against the requested funding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    /// `schultraeger.budget_eur`.
    pub budget: i64,
    /// `finanzierung.beantragt_eur`, when given.
    pub requested: Option<i64>,
    /// Budget minus requested (negative when overdrawn).
    pub remaining: Option<i64>,
    /// Requested as a share of the budget.
    pub used: Option<Ratio>,
}

impl Budget {
    fn of(budget: Euro, funding: Option<&Funding>) -> Self {
        let requested = funding.map(|f| f.requested);
        Self {
            budget: budget.cents(),
            requested,
            remaining: requested.map(|r| budget.cents().saturating_sub(r)),
            used: requested.and_then(|r| Ratio::of(r, budget.cents())),
        }
    }

    /// Whether the requested funding exceeds the budget (the case `DP-BUDGET` reports).
    #[must_use]
    pub fn overdrawn(&self) -> bool {
        self.remaining.is_some_and(|r| r < 0)
    }
}

/// Mobile end devices ([`ist_mobil`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mobile {
    /// Sum of the priced mobile items.
    pub total: i64,
    /// That sum as a share of the investment.
    pub share: Option<Ratio>,
    /// Number of planned mobile devices.
    pub count: u64,
    /// Index of the first mobile item.
    pub first: Option<usize>,
}

impl Mobile {
    fn of(plan: &Plan, inv: &Investment) -> Self {
        let total = plan.needs.iter().zip(&inv.items).filter(|(b, _)| ist_mobil(b)).filter_map(|(_, c)| *c).fold(0, add);
        Self {
            total,
            share: inv.share(total),
            count: plan.needs.iter().filter(|b| ist_mobil(b)).map(|b| u64::from(b.count)).sum(),
            first: plan.needs.iter().position(ist_mobil),
        }
    }
}

/// Pupil devices and devices by type.
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
    fn of(plan: &Plan) -> Self {
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
        Self { existing, planned, total: existing + planned, pupils: u64::from(plan.school.pupils), by_type }
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
    fn of(plan: &Plan) -> Self {
        let netz = plan.inventory.as_ref().and_then(|b| b.network.as_ref());
        let wlan_rooms = netz.and_then(|n| n.wlan_rooms);
        let internet_mbit = netz.and_then(|n| n.internet_mbit);
        let classrooms = plan.school.classrooms;
        Self {
            wlan_rooms,
            classrooms,
            wlan_coverage: wlan_rooms.zip(classrooms).and_then(|(w, r)| Ratio::of(i64::from(w), i64::from(r))),
            internet_mbit,
            bandwidth_per_class: internet_mbit.zip(plan.school.classes).and_then(|(m, k)| Ratio::of(i64::from(m), i64::from(k))),
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
    fn of(plan: &Plan) -> Self {
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
        Self { total: per_training.iter().copied().fold(0, add), per_training, teachers: i64::from(plan.school.teachers), per_area }
    }

    /// Participant hours per teacher (hundredths of an hour per teacher).
    #[must_use]
    pub fn per_teacher(&self) -> Option<Ratio> {
        Ratio::of(self.total, self.teachers)
    }
}

/// Cost per measure: each item's cost belongs to exactly one measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measures {
    /// One row per measure, in plan order.
    pub rows: Vec<MeasureCost>,
    /// For each item, the measure its cost belongs to (the first that lists it).
    pub owner: Vec<Option<usize>>,
    /// Sum of the priced items no measure lists.
    pub unassigned: i64,
    /// Indices of the items no measure lists.
    pub unassigned_items: Vec<usize>,
    /// Σ over the measures.
    pub total: i64,
}

/// The cost of one measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureCost {
    /// Items whose cost belongs to this measure.
    pub own: Vec<usize>,
    /// Items this measure lists whose cost belongs to an earlier measure.
    pub linked: Vec<usize>,
    /// Sum of the priced `own` items.
    pub cost: i64,
    /// Number of `own` items without price.
    pub unpriced: usize,
}

impl Measures {
    fn of(plan: &Plan, inv: &Investment) -> Self {
        let owner: Vec<Option<usize>> = plan.needs.iter().map(|b| plan.measures.iter().position(|m| m.needs.contains(&b.id))).collect();
        let rows: Vec<MeasureCost> = plan
            .measures
            .iter()
            .enumerate()
            .map(|(mi, m)| {
                let listed = |i: &usize| m.needs.contains(&plan.needs[*i].id);
                let own: Vec<usize> = (0..plan.needs.len()).filter(|i| owner[*i] == Some(mi)).collect();
                let linked: Vec<usize> = (0..plan.needs.len()).filter(|i| listed(i) && owner[*i] != Some(mi)).collect();
                MeasureCost {
                    cost: own.iter().filter_map(|&i| inv.items[i]).fold(0, add),
                    unpriced: own.iter().filter(|&&i| inv.items[i].is_none()).count(),
                    own,
                    linked,
                }
            })
            .collect();
        let unassigned_items: Vec<usize> = (0..plan.needs.len()).filter(|&i| owner[i].is_none()).collect();
        Self {
            total: rows.iter().map(|r| r.cost).fold(0, add),
            unassigned: unassigned_items.iter().filter_map(|&i| inv.items[i]).fold(0, add),
            unassigned_items,
            owner,
            rows,
        }
    }
}

/// Running costs (never funded) per calendar year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningCosts {
    /// `betrieb.folgekosten_eur_pro_jahr`.
    pub per_year: Option<i64>,
    /// First year with running costs: the year the first items arrive, at the earliest the start of the planning period.
    pub from: i32,
    /// One row per calendar year from `from` to the end of the planning period (at most [`MAX_JAHRE`]).
    pub years: Vec<RunningYear>,
    /// Sum over the rows.
    pub total: i64,
}

/// Running costs of one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningYear {
    /// Calendar year.
    pub year: i32,
    /// Operating costs from `betrieb`.
    pub operation: i64,
    /// Priced items of `kostenart: laufend` in this year.
    pub items: i64,
    /// Both together.
    pub total: i64,
}

impl RunningCosts {
    fn of(plan: &Plan) -> Self {
        let per_year = plan.operations.as_ref().and_then(|b| b.running_costs).map(Euro::cents);
        let yearly = per_year.unwrap_or(0);
        let start = plan.period.von.jahr;
        let from = plan.needs.iter().map(|b| b.year).min().map_or(start, |y| y.max(start));
        let last = plan.period.bis.jahr;
        let years: Vec<RunningYear> = (from..=last)
            .take(MAX_JAHRE)
            .map(|year| {
                let items = plan
                    .needs
                    .iter()
                    .filter(|b| b.cost_kind == Kostenart::Laufend && b.year == year)
                    .filter_map(|b| b.total().map(Euro::cents))
                    .fold(0, add);
                RunningYear { year, operation: yearly, items, total: add(yearly, items) }
            })
            .collect();
        let total = years.iter().map(|y| y.total).fold(0, add);
        Self { per_year, from, years, total }
    }
}
