//! Running costs (Folgekosten) of one plan as text (part of [`super::Kennzahlen`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::values::{Betrag, NICHT_BEKANNT};
use crate::figures::Figures;

/// Folgekosten (nie gefördert) je Kalenderjahr des Planungszeitraums.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Folgekosten {
    /// Folgekosten je Jahr aus `betrieb.folgekosten_eur_pro_jahr`.
    pub pro_jahr: Option<Betrag>,
    /// Erstes Jahr mit Folgekosten: das Jahr, in dem die ersten Positionen kommen (frühestens der Beginn des Planungszeitraums).
    pub ab_jahr: i32,
    /// Eine Zeile je Kalenderjahr von `ab_jahr` bis zum Ende des Planungszeitraums (höchstens 12).
    pub je_jahr: Vec<FolgekostenJahr>,
    /// Summe über die Zeilen.
    pub summe: Betrag,
    /// Ob der Planungszeitraum bekannt ist; ohne ihn gibt es keine Jahre, in denen Folgekosten zu zählen wären.
    pub zeitraum_bekannt: bool,
}

/// Folgekosten eines Jahres.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FolgekostenJahr {
    /// Kalenderjahr.
    pub jahr: i32,
    /// Jährliche Betriebskosten aus `betrieb`.
    pub betrieb: Betrag,
    /// Bedarfspositionen mit `kostenart: laufend` in diesem Jahr.
    pub laufende_positionen: Betrag,
    /// Beides zusammen.
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
