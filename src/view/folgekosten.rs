//! Running costs (Folgekosten) of one plan as text (part of [`super::Kennzahlen`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::values::{Betrag, NICHT_BEKANNT};
use crate::figures::Figures;

/// Running costs (never funded) per calendar year of the planning period.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Folgekosten {
    /// `betrieb.folgekosten_eur_pro_jahr`.
    pub pro_jahr: Option<Betrag>,
    /// First year with Folgekosten: the year the first items arrive (at the earliest the start of the planning period).
    pub ab_jahr: i32,
    /// One row per calendar year from `ab_jahr` to the end of the planning period (at most [`super::kennzahlen::MAX_JAHRE`]).
    pub je_jahr: Vec<FolgekostenJahr>,
    /// Sum over the rows; `nicht bekannt` (with `offen`) when the planning period is unknown.
    pub summe: Betrag,
    /// Whether the planning period is known; without it there are no rows to count Folgekosten in.
    pub zeitraum_bekannt: bool,
}

/// Running costs of one year.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FolgekostenJahr {
    /// Calendar year.
    pub jahr: i32,
    /// Yearly operating costs from `betrieb`.
    pub betrieb: Betrag,
    /// `bedarf` items of `kostenart: laufend` in this year.
    pub laufende_positionen: Betrag,
    /// Both together.
    pub summe: Betrag,
}

impl Folgekosten {
    pub(super) fn of(f: &Figures) -> Self {
        let r = &f.running;
        Self {
            pro_jahr: r.per_year.map(Betrag::from_cents),
            ab_jahr: r.from,
            je_jahr: r
                .years
                .iter()
                .map(|y| FolgekostenJahr {
                    jahr: y.year,
                    betrieb: Betrag::from_cents(y.operation),
                    laufende_positionen: Betrag::from_cents(y.items),
                    summe: Betrag::from_cents(y.total),
                })
                .collect(),
            summe: if r.period_known {
                Betrag::from_cents(r.total)
            } else {
                Betrag { cent: r.total, text: NICHT_BEKANNT.to_owned(), offen: true }
            },
            zeitraum_bekannt: r.period_known,
        }
    }
}
