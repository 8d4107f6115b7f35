//! The compact list of a plan's Bedarf items, kept per school in a review row.
//!
//! Only what the per-item tables need (xlsx sheet „Positionen“, CSV `--tabelle positionen`);
//! the parsed plan itself is dropped after the check.

use serde::Serialize;

use crate::model::{Bedarf, Euro, Kategorie, Plan};

/// One Bedarf item of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// `bedarf[].id`.
    pub id: String,
    /// `bedarf[].bezeichnung`.
    pub name: String,
    /// `bedarf[].kategorie` (Fördergegenstand).
    pub category: Kategorie,
    /// `bedarf[].anzahl`.
    pub count: crate::model::Angabe<u32>,
    /// `bedarf[].einzelpreis_eur`; `None` while the price is still open.
    pub unit_price: Option<Euro>,
    /// Anzahl × Einzelpreis; `None` while the price is still open.
    pub total: Option<Euro>,
    /// `bedarf[].jahr`.
    pub year: crate::model::Angabe<i32>,
    /// The measures (`massnahmen[]`) that list this item, as `M1 – Titel`, joined by `; `.
    pub measures: String,
    /// `bedarf[].finanzierung` (DigitalPakt unless the plan says otherwise).
    pub source: crate::model::Herkunft,
}

impl Position {
    /// The item as a row; `measures` is the text of the measures that list it.
    #[must_use]
    pub fn of(need: &Bedarf, measures: String) -> Self {
        Self {
            id: need.id.clone(),
            name: need.name.clone(),
            category: need.category,
            count: need.count,
            unit_price: need.unit_price,
            total: need.total(),
            year: need.year,
            measures,
            source: need.herkunft(),
        }
    }
}

/// Every Bedarf item of the plan, in the order of the plan.
#[must_use]
pub fn of_plan(plan: &Plan) -> Vec<Position> {
    plan.needs
        .iter()
        .map(|need| {
            let measures: Vec<String> = plan
                .measures
                .iter()
                .filter(|m| m.needs.iter().any(|id| id == &need.id))
                .map(|m| if m.title.trim().is_empty() { m.id.clone() } else { format!("{} – {}", m.id, m.title.trim()) })
                .collect();
            Position::of(need, measures.join("; "))
        })
        .collect()
}
