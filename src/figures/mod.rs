//! Every figure of one plan, computed once: sums in cents (`i64`), counts as
//! integers, shares and ratios as exact fractions ([`Ratio`]). No text.
//!
//! Rules, the view, `mep review` and the PDF data all read [`Figures`]; only
//! `view::values` turns them into German text. Definitions (also in
//! `docs/vorlagendaten.md`):
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

mod school;
mod spending;
#[cfg(test)]
mod tests;
pub mod traeger;

pub use school::{Devices, Menge, Network, Training, area_id};
pub use spending::{MeasureCost, Measures, RunningCosts, RunningYear};

use std::collections::BTreeSet;

use crate::model::{Bedarf, Euro, Geraetetyp, Herkunft, Kategorie, Kostenart, Plan};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
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

    /// The fraction as a number rounded half away from zero to `places` decimals (for JSON).
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // rounded figures of a school plan stay far below 2^52
    pub fn rounded(self, places: u32) -> f64 {
        let unit = 10_i64.saturating_pow(places);
        self.scaled(unit) as f64 / unit as f64
    }

    /// The fraction as a percentage rounded half away from zero to `places` decimals (for JSON).
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // as above
    pub fn percent(self, places: u32) -> f64 {
        let unit = 10_i64.saturating_pow(places);
        self.scaled(unit.saturating_mul(100)) as f64 / unit as f64
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
                difference: total.saturating_sub(investment.digitalpakt),
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
    /// For each item, whether its cost is approximate (a priced item of count `ca. N`): every sum
    /// that includes it is printed with `ca.`.
    pub approx: Vec<bool>,
    /// Sum of all priced items.
    pub total: i64,
    /// Sum of the priced items the DigitalPakt pays for (`finanzierung` absent or `digitalpakt`);
    /// the financing checks compare `finanzierung` with this part.
    pub digitalpakt: i64,
    /// Number of the DigitalPakt items without price or count: while there are any, `digitalpakt`
    /// is a lower bound and the financing checks cannot compare it.
    pub digitalpakt_open: usize,
    /// One row per funding source that has items, in the order of [`Herkunft::ALL`].
    pub by_source: Vec<SourceSum>,
    /// Sum of priced items with `kostenart: investiv`.
    pub investive: i64,
    /// Sum of priced items with `kostenart: laufend` (not fundable).
    pub running: i64,
    /// Indices of the items without price or count ("Kosten noch offen").
    pub unpriced: Vec<usize>,
    /// Indices of the items whose year is `unbekannt` (in no row of `by_year`).
    pub unknown_year: Vec<usize>,
    /// Years that have items, ascending.
    pub years: Vec<i32>,
    /// One row per Fördergegenstand, all six in the order of the Verwaltungsvereinbarung.
    pub by_category: Vec<CategorySum>,
    /// Sum per year, aligned with `years`.
    pub by_year: Vec<i64>,
}

/// Investment paid from one source (`bedarf[].finanzierung`, default DigitalPakt).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSum {
    /// The source.
    pub source: Herkunft,
    /// Indices of its items (priced or not).
    pub items: Vec<usize>,
    /// Number of those without price.
    pub unpriced: usize,
    /// Sum of the priced ones.
    pub total: i64,
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
        let years: Vec<i32> = plan.needs.iter().filter_map(|b| b.year.bekannt()).collect::<BTreeSet<_>>().into_iter().collect();
        let by_category = Kategorie::ALL
            .iter()
            .map(|&k| CategorySum {
                category: k,
                items: plan.needs.iter().filter(|b| b.category == k).count(),
                unpriced: plan.needs.iter().filter(|b| b.category == k && b.total().is_none()).count(),
                total: sum(&|b| b.category == k),
                by_year: years.iter().map(|&y| sum(&|b| b.category == k && b.year.bekannt() == Some(y))).collect(),
            })
            .collect();
        let by_source = Herkunft::ALL
            .iter()
            .map(|&source| {
                let idx: Vec<usize> = (0..plan.needs.len()).filter(|&i| plan.needs[i].herkunft() == source).collect();
                SourceSum {
                    unpriced: idx.iter().filter(|&&i| items[i].is_none()).count(),
                    total: idx.iter().filter_map(|&i| items[i]).fold(0, add),
                    items: idx,
                    source,
                }
            })
            .filter(|s| !s.items.is_empty())
            .collect();
        Self {
            total: sum(&|_| true),
            digitalpakt: sum(&Bedarf::digitalpakt),
            digitalpakt_open: plan.needs.iter().zip(&items).filter(|(b, c)| b.digitalpakt() && c.is_none()).count(),
            by_source,
            investive: sum(&|b| b.cost_kind == Kostenart::Investiv),
            running: sum(&|b| b.cost_kind == Kostenart::Laufend),
            unpriced: items.iter().enumerate().filter(|(_, c)| c.is_none()).map(|(i, _)| i).collect(),
            by_year: years.iter().map(|&y| sum(&|b| b.year.bekannt() == Some(y))).collect(),
            unknown_year: plan.needs.iter().enumerate().filter(|(_, b)| b.year.ist_unbekannt()).map(|(i, _)| i).collect(),
            years,
            by_category,
            approx: plan.needs.iter().zip(&items).map(|(b, c)| c.is_some() && b.count.ist_ungefaehr()).collect(),
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
    /// `total` minus the DigitalPakt part of the investment (0 when the funding covers it to the cent).
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
    /// Sum of the priced mobile items the DigitalPakt pays for: the part its limits apply to.
    pub digitalpakt: i64,
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
            digitalpakt: plan
                .needs
                .iter()
                .zip(&inv.items)
                .filter(|(b, _)| ist_mobil(b) && b.digitalpakt())
                .filter_map(|(_, c)| *c)
                .fold(0, add),
            // A share of a sum with open costs would be a share of a lower bound.
            share: if inv.unpriced.is_empty() { inv.share(total) } else { None },
            count: plan.needs.iter().filter(|b| ist_mobil(b)).map(|b| u64::from(b.count.bekannt().unwrap_or(0))).sum(),
            first: plan.needs.iter().position(ist_mobil),
        }
    }
}
