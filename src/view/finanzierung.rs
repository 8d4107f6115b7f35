//! The funding split of one plan as text (part of [`super::Kennzahlen`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::values::{Anteil, Betrag};
use super::vokabular::{KOSTEN_OFFEN, NICHT_BEKANNT};

/// Die Aufteilung der Finanzierung aus `finanzierung`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FinanzierungK {
    /// Beantragte Fördermittel.
    pub foerdermittel: Betrag,
    /// Eigenanteil des Schulträgers.
    pub eigenanteil: Betrag,
    /// Sonstige Mittel.
    pub sonstige: Betrag,
    /// Summe der drei.
    pub gesamt: Betrag,
    /// Fördermittel als Anteil an `gesamt`.
    pub foerdermittel_anteil: Option<Anteil>,
    /// Eigenanteil als Anteil an `gesamt`.
    pub eigenanteil_anteil: Option<Anteil>,
    /// Sonstige Mittel als Anteil an `gesamt`.
    pub sonstige_anteil: Option<Anteil>,
    /// `gesamt` minus die gesamte Investition (0, wenn die Finanzierung den Plan genau deckt; sonst meldet `DP-FINANZIERUNG-SUMME` die Lücke).
    pub differenz: Betrag,
}

impl FinanzierungK {
    /// `open`: DigitalPakt-Positionen ohne Preis; der Unterschied zu ihrer Summe ist noch nicht bekannt.
    /// `approx`: eine DigitalPakt-Position hat eine ungefähre Anzahl, der Unterschied ist also auch ungefähr.
    pub(super) fn of(f: &crate::figures::Funding, open: bool, approx: bool) -> Self {
        let differenz = if open {
            Betrag { cent: f.difference, text: format!("{NICHT_BEKANNT} ({KOSTEN_OFFEN})"), offen: true }
        } else {
            Betrag::from_cents(f.difference).ungefaehr(approx)
        };
        Self {
            foerdermittel: Betrag::from_cents(f.requested),
            eigenanteil: Betrag::from_cents(f.own_share),
            sonstige: Betrag::from_cents(f.other),
            gesamt: Betrag::from_cents(f.total),
            foerdermittel_anteil: Anteil::opt(f.share(f.requested)),
            eigenanteil_anteil: Anteil::opt(f.share(f.own_share)),
            sonstige_anteil: Anteil::opt(f.share(f.other)),
            differenz,
        }
    }
}
