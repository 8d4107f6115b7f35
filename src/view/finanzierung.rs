//! The funding split of one plan as text (part of [`super::Kennzahlen`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::values::{Anteil, Betrag};
use super::vokabular::{KOSTEN_OFFEN, NICHT_BEKANNT};

/// The funding split from `finanzierung`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FinanzierungK {
    /// Requested grant.
    pub foerdermittel: Betrag,
    /// The Schulträger's own share.
    pub eigenanteil: Betrag,
    /// Other money.
    pub sonstige: Betrag,
    /// Sum of the three.
    pub gesamt: Betrag,
    /// Grant as a share of `gesamt`.
    pub foerdermittel_anteil: Option<Anteil>,
    /// Own share as a share of `gesamt`.
    pub eigenanteil_anteil: Option<Anteil>,
    /// Other money as a share of `gesamt`.
    pub sonstige_anteil: Option<Anteil>,
    /// `gesamt` minus the DigitalPakt part of the investment (0 when the funding covers it exactly;
    /// `nicht bekannt` while DigitalPakt items have no price).
    pub differenz: Betrag,
}

impl FinanzierungK {
    /// `open`: some DigitalPakt items have no price yet, so the difference to their sum is not known.
    /// `approx`: a DigitalPakt item has an approximate count, so the difference is approximate too.
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
