//! Where the money goes: cost per measure (without double counting) and running costs per year.

use super::{Investment, MAX_JAHRE, add};
use crate::model::{Euro, Kostenart, Plan};

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
    pub(super) fn of(plan: &Plan, inv: &Investment) -> Self {
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
    /// Whether the planning period is known (else there are no rows, and the sum is not known).
    pub period_known: bool,
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
    pub(super) fn of(plan: &Plan) -> Self {
        let per_year = plan.operations.as_ref().and_then(|b| b.running_costs).map(Euro::cents);
        let yearly = per_year.unwrap_or(0);
        // Without a planning period there are no calendar years to list.
        let (start, last) = plan.period.bekannt().map_or((0, -1), |s| (s.von.jahr, s.bis.jahr));
        let from = plan.needs.iter().filter_map(|b| b.year.bekannt()).min().map_or(start, |y| y.max(start));
        let years: Vec<RunningYear> = (from..=last)
            .take(MAX_JAHRE)
            .map(|year| {
                let items = plan
                    .needs
                    .iter()
                    .filter(|b| b.cost_kind == Kostenart::Laufend && b.year.bekannt() == Some(year))
                    .filter_map(|b| b.total().map(Euro::cents))
                    .fold(0, add);
                RunningYear { year, operation: yearly, items, total: add(yearly, items) }
            })
            .collect();
        let total = years.iter().map(|y| y.total).fold(0, add);
        Self { per_year, from, years, total, period_known: plan.period.bekannt().is_some() }
    }
}
