//! The roll-up columns of one school, read from [`crate::figures::Figures`].

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::figures::Ratio;
use crate::model::{Euro, Kategorie, Plan};

/// Key figures of one plan, the columns of the roll-up, read from [`crate::figures::Figures`].
///
/// Shares and ratios keep their exact fraction (not serialised) so that every text
/// rounds once, from the same number the school's own document shows.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Figures {
    /// Requested funding (`finanzierung.beantragt_eur`).
    pub requested: Euro,
    /// Own share of the Schulträger (`finanzierung.eigenanteil_eur`).
    pub own_share: Euro,
    /// Other money (`finanzierung.sonstige_mittel_eur`).
    pub other: Euro,
    /// Total of all priced needs (`anzahl × einzelpreis_eur`).
    pub investment: Euro,
    /// Items without price or count ("Kosten noch offen"); `investment` is then a lower bound.
    pub open_items: usize,
    /// Items with a price.
    pub priced_items: usize,
    /// The part of `investment` the DigitalPakt pays for (items without `finanzierung` or with
    /// `finanzierung: digitalpakt`): what the financing must cover and the funding rules check.
    pub investment_digitalpakt: Euro,
    /// DigitalPakt items without price or count; `investment_digitalpakt` is then a lower bound.
    pub open_items_digitalpakt: usize,
    /// The part of `investment` paid from other money (`finanzierung: schultraeger`, `land`, …).
    pub investment_other: Euro,
    /// Items paid from other money without price or count; `investment_other` is then a lower bound.
    pub open_items_other: usize,
    /// Mobile items without price or count; `mobile` is then a lower bound.
    pub open_items_mobile: usize,
    /// Mobile end devices the DigitalPakt pays for (the part the mobile-device limits apply to).
    pub mobile_digitalpakt: Euro,
    /// Priced items whose year is `unbekannt`, per Fördergegenstand (they are in no year of `investment_by`).
    pub unknown_year: BTreeMap<Kategorie, Euro>,
    /// Items without price or count per Fördergegenstand.
    pub open_by_category: BTreeMap<Kategorie, usize>,
    /// Items without price or count per Fördergegenstand and (known) year.
    pub open_by_year: BTreeMap<Kategorie, BTreeMap<i32, usize>>,
    /// Which sums include an item of approximate count (`anzahl: ca. 30`); not in the JSON.
    #[serde(skip)]
    pub approx: Approx,
    /// Whether the per-pupil figure is approximate (pupils or devices given as `ca.`); not in the JSON.
    #[serde(skip)]
    pub devices_approx: bool,
    /// Whether the per-pupil figure is not known (pupils or devices `unbekannt`); not in the JSON.
    #[serde(skip)]
    pub devices_unknown: bool,
    /// Needs that are mobile end devices (category `mobile_endgeraete` or a mobile device type).
    pub mobile: Euro,
    /// Mobile end devices as a percentage of all needs (rounded to one decimal, as in the document).
    pub mobile_share: Option<f64>,
    /// Pupil devices (tablets, laptops, notebooks, PCs), existing and planned, per pupil (two decimals).
    pub devices_per_pupil: Option<f64>,
    /// Classrooms with WLAN as a percentage of all classrooms (one decimal).
    pub wlan_coverage: Option<f64>,
    /// Planned training hours (participants × hours) per teacher (one decimal).
    pub training_hours_per_teacher: Option<f64>,
    /// Investment per Fördergegenstand and year.
    pub investment_by: BTreeMap<Kategorie, BTreeMap<i32, Euro>>,
    /// Running costs per year of the planning period.
    pub running_costs: BTreeMap<i32, Euro>,
    /// The exact fractions behind the shares and ratios, for formatting.
    #[serde(skip)]
    pub exact: Exact,
}

/// Which investment sums include an item of approximate count, so that they print `ca.`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Approx {
    /// `investment`.
    pub investment: bool,
    /// `investment_digitalpakt`.
    pub digitalpakt: bool,
    /// `investment_other`.
    pub other: bool,
}

impl Approx {
    /// Either of two.
    #[must_use]
    pub fn or(self, other: Self) -> Self {
        Self {
            investment: self.investment || other.investment,
            digitalpakt: self.digitalpakt || other.digitalpakt,
            other: self.other || other.other,
        }
    }
}

/// Exact fractions behind [`Figures`]' shares and ratios.
#[derive(Clone, Copy, Debug, Default)]
pub struct Exact {
    /// Mobile share of the investment.
    pub mobile_share: Option<Ratio>,
    /// Devices per pupil.
    pub devices_per_pupil: Option<Ratio>,
    /// WLAN rooms per classroom.
    pub wlan_coverage: Option<Ratio>,
    /// Training hours per teacher (in hours).
    pub training_hours_per_teacher: Option<Ratio>,
}

impl Figures {
    /// Takes the figures of a loaded plan from [`crate::figures::Figures`], the numbers
    /// of each school's own document.
    #[must_use]
    pub fn of(plan: &Plan) -> Self {
        Self::from_figures(&crate::figures::Figures::of(plan), plan)
    }

    /// The roll-up columns of computed figures.
    #[must_use]
    pub fn from_figures(k: &crate::figures::Figures, plan: &Plan) -> Self {
        let mut f = Figures::default();
        if let Some(fin) = &k.funding {
            f.requested = Euro(fin.requested);
            f.own_share = Euro(fin.own_share);
            f.other = Euro(fin.other);
        }
        f.investment = Euro(k.investment.total);
        f.open_items = k.investment.unpriced.len();
        f.priced_items = k.investment.items.len() - f.open_items;
        f.mobile = Euro(k.mobile.total);
        f.mobile_digitalpakt = Euro(k.mobile.digitalpakt);
        f.open_items_mobile =
            plan.needs.iter().zip(&k.investment.items).filter(|(b, c)| crate::figures::ist_mobil(b) && c.is_none()).count();
        f.investment_digitalpakt = Euro(k.investment.digitalpakt);
        f.open_items_digitalpakt = k.investment.digitalpakt_open;
        f.investment_other = Euro(k.investment.total.saturating_sub(k.investment.digitalpakt));
        f.open_items_other = f.open_items - f.open_items_digitalpakt;
        f.devices_approx = k.devices.approx(true);
        let approx =
            |dp: Option<bool>| plan.needs.iter().zip(&k.investment.approx).any(|(b, &a)| a && dp.is_none_or(|d| b.digitalpakt() == d));
        f.approx = Approx { investment: approx(None), digitalpakt: approx(Some(true)), other: approx(Some(false)) };
        f.devices_unknown = k.devices.unknown(true);
        for c in &k.investment.by_category {
            if c.unpriced > 0 {
                f.open_by_category.insert(c.category, c.unpriced);
            }
        }
        for (b, cost) in plan.needs.iter().zip(&k.investment.items) {
            match (b.year.bekannt(), cost) {
                (None, Some(cost)) => {
                    let cell = f.unknown_year.entry(b.category).or_default();
                    *cell = *cell + Euro(*cost);
                }
                (Some(year), None) => *f.open_by_year.entry(b.category).or_default().entry(year).or_default() += 1,
                _ => {}
            }
        }
        f.exact = Exact {
            mobile_share: k.mobile.share,
            devices_per_pupil: k.devices.per_pupil_planned(),
            wlan_coverage: k.network.wlan_coverage,
            training_hours_per_teacher: k.training.per_teacher().map(|r| Ratio { num: r.num, den: r.den.saturating_mul(100) }),
        };
        // The same rounded values as the school's own view (`kennzahlen`).
        let percent = |r: Option<Ratio>| r.map(|r| r.percent(1));
        let number = |r: Option<Ratio>, places: u32| r.map(|r| r.rounded(places));
        f.mobile_share = percent(f.exact.mobile_share);
        f.devices_per_pupil = number(f.exact.devices_per_pupil, 2);
        f.wlan_coverage = percent(f.exact.wlan_coverage);
        f.training_hours_per_teacher = number(f.exact.training_hours_per_teacher, 1);
        for c in &k.investment.by_category {
            for (&year, &amount) in k.investment.years.iter().zip(&c.by_year) {
                if amount != 0 {
                    f.investment_by.entry(c.category).or_default().insert(year, Euro(amount));
                }
            }
        }
        for y in &k.running.years {
            if y.total != 0 {
                f.running_costs.insert(y.year, Euro(y.total));
            }
        }
        f
    }
}
