//! Money and shares of two plan versions, from the one place that computes them ([`Figures`]).

use schemars::JsonSchema;
use serde::Serialize;

use crate::figures::{Figures, Ratio};
use crate::model::{Euro, Plan};

/// An amount before → after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Money {
    /// What the amount is, in German (e.g. `Beantragte Fördermittel`, `Investitionen 2027`).
    pub label: String,
    /// Before, in euro (absent when the old version has no such amount).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Euro>,
    /// After, in euro.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Euro>,
    /// After minus before, in euro (a missing side counts as 0).
    pub difference: Euro,
}

impl Money {
    /// An amount line from cents.
    #[must_use]
    pub fn new(label: &str, before: Option<i64>, after: Option<i64>) -> Self {
        let difference = after.unwrap_or(0).saturating_sub(before.unwrap_or(0));
        Self { label: label.to_owned(), before: before.map(Euro), after: after.map(Euro), difference: Euro(difference) }
    }

    /// Whether the amount changed.
    #[must_use]
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// A share before → after, exact.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Share {
    /// What the share is, in German.
    pub label: String,
    /// Before, in percent (absent when there is nothing to divide by).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<f64>,
    /// After, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<f64>,
    /// The exact fractions, for text output.
    #[serde(skip)]
    pub exact: (Option<Ratio>, Option<Ratio>),
}

impl Share {
    fn new(label: &str, before: Option<Ratio>, after: Option<Ratio>) -> Self {
        Self { label: label.to_owned(), before: before.map(|r| r.percent(1)), after: after.map(|r| r.percent(1)), exact: (before, after) }
    }

    /// Whether the share changed.
    #[must_use]
    pub fn changed(&self) -> bool {
        match self.exact {
            (Some(x), Some(y)) => x.gt(y) || y.gt(x),
            (x, y) => x.is_some() != y.is_some(),
        }
    }
}

/// Investment in total, per Fördergegenstand and per year; funding; budget.
#[must_use]
pub fn plan(old: &Plan, new: &Plan) -> Vec<Money> {
    let (a, b) = (Figures::of(old), Figures::of(new));
    let mut out = vec![Money::new("Investitionen", Some(a.investment.total), Some(b.investment.total))];
    for (x, y) in a.investment.by_category.iter().zip(&b.investment.by_category) {
        if x.total != 0 || y.total != 0 {
            out.push(Money::new(&format!("Investitionen: {}", x.category.label()), Some(x.total), Some(y.total)));
        }
    }
    let year = |f: &Figures, y: i32| f.investment.years.iter().position(|&v| v == y).map(|i| f.investment.by_year[i]);
    let mut years: Vec<i32> = a.investment.years.iter().chain(&b.investment.years).copied().collect();
    years.sort_unstable();
    years.dedup();
    for y in years {
        out.push(Money::new(&format!("Investitionen {y}"), year(&a, y), year(&b, y)));
    }
    let funding = |f: &Figures, part: fn(&crate::figures::Funding) -> i64| f.funding.as_ref().map(part);
    out.push(Money::new("Beantragte Fördermittel", funding(&a, |f| f.requested), funding(&b, |f| f.requested)));
    out.push(Money::new("Eigenanteil", funding(&a, |f| f.own_share), funding(&b, |f| f.own_share)));
    out.push(Money::new("Sonstige Mittel", funding(&a, |f| f.other), funding(&b, |f| f.other)));
    out.push(Money::new("Finanzierung gesamt", funding(&a, |f| f.total), funding(&b, |f| f.total)));
    let budget = |f: &Figures| f.budget.as_ref().map(|x| x.budget);
    if budget(&a).is_some() || budget(&b).is_some() {
        out.push(Money::new("Budget für die Schule", budget(&a), budget(&b)));
    }
    out.push(Money::new("Folgekosten je Jahr", a.running.per_year, b.running.per_year));
    out
}

/// Share of mobile end devices in the investment, and of the Eigenanteil in the funding.
#[must_use]
pub fn shares(old: &Plan, new: &Plan) -> Vec<Share> {
    let (a, b) = (Figures::of(old), Figures::of(new));
    let own = |f: &Figures| f.funding.as_ref().and_then(|x| x.share(x.own_share));
    vec![
        Share::new("Anteil mobiler Endgeräte", a.mobile.share, b.mobile.share),
        Share::new("Eigenanteil an der Finanzierung", own(&a), own(&b)),
    ]
}
