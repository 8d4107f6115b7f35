//! The figures of one school in the Schulträger's plan: status quo, gaps to the standards, costs per year.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Kosten, PlatformFact, SchoolInput, TrainingFact, ist_geraet};
use crate::figures::{Menge, Ratio};
use crate::model::{Angabe, AvvStatus, Bezug, Euro, GeraeteStandard, Geraetetyp, Kostenparameter, Schulform, Standard, Traeger};

/// Soll against existing and planned devices of one type at one school (or summed over a group).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Gap {
    /// Device type.
    pub kind: Geraetetyp,
    /// Soll by the standard.
    pub soll: Menge,
    /// Existing devices of the type.
    pub existing: Menge,
    /// Planned devices of the type.
    pub planned: Menge,
    /// max(0, Soll − existing − planned), unknown when an input is.
    pub gap: Menge,
    /// The gap priced with the Träger's price (open without one).
    pub cost: Kosten,
}

impl Gap {
    /// A gap of nothing, to add schools to.
    #[must_use]
    pub fn empty(kind: Geraetetyp) -> Self {
        Self {
            kind,
            soll: Menge::default(),
            existing: Menge::default(),
            planned: Menge::default(),
            gap: Menge::default(),
            cost: Kosten::default(),
        }
    }

    /// Both together (same type).
    #[must_use]
    pub fn plus(&self, o: &Self) -> Self {
        Self {
            kind: self.kind,
            soll: self.soll.plus(o.soll),
            existing: self.existing.plus(o.existing),
            planned: self.planned.plus(o.planned),
            gap: self.gap.plus(o.gap),
            cost: self.cost.plus(o.cost),
        }
    }
}

/// A network figure against the Träger's network standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NetCheck {
    /// No standard for this Schulform.
    OhneStandard,
    /// The plan does not give the figure (or gives `unbekannt`).
    Unbekannt,
    /// At or above the standard.
    Erfuellt,
    /// Below the standard.
    Darunter,
}

/// Costs of one year (of one school or summed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct YearCosts {
    /// Calendar year (0 for the bucket of years outside the term).
    pub year: i32,
    /// Priced investive items of the plans in this year.
    pub investive: i64,
    /// Priced items of `kostenart: laufend` in this year.
    pub running_items: i64,
    /// Operating cost from the Träger's parameters.
    pub operating: Kosten,
    /// Replacement from the Träger's parameters.
    pub replacement: Kosten,
    /// The schools' own `folgekosten_eur_pro_jahr` (shown, not added).
    pub school_running: i64,
    /// investive + running items + operating + replacement.
    pub total: Kosten,
}

impl Default for YearCosts {
    fn default() -> Self {
        Self::empty(0)
    }
}

impl YearCosts {
    /// A year without costs.
    #[must_use]
    pub fn empty(year: i32) -> Self {
        Self {
            year,
            investive: 0,
            running_items: 0,
            operating: Kosten::default(),
            replacement: Kosten::default(),
            school_running: 0,
            total: Kosten::default(),
        }
    }

    /// Both together; the year of `self` stays.
    #[must_use]
    pub fn plus(&self, o: &Self) -> Self {
        Self {
            year: self.year,
            investive: self.investive.saturating_add(o.investive),
            running_items: self.running_items.saturating_add(o.running_items),
            operating: self.operating.plus(o.operating),
            replacement: self.replacement.plus(o.replacement),
            school_running: self.school_running.saturating_add(o.school_running),
            total: self.total.plus(o.total),
        }
    }

    fn close(mut self) -> Self {
        self.total = self.operating.plus(self.replacement).plus_cents(self.investive.saturating_add(self.running_items));
        self
    }
}

/// Every figure of one school in the Träger's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SchoolFigures {
    /// Schulform.
    pub kind: Schulform,
    /// Pupils.
    pub pupils: Menge,
    /// Teachers.
    pub teachers: Menge,
    /// Classrooms (unknown when the plan does not say).
    pub classrooms: Menge,
    /// Existing pupil devices.
    pub pupil_devices: Menge,
    /// Pupils per existing pupil device (`None` when an input is unknown or there is no device).
    pub pupils_per_device: Option<Ratio>,
    /// Internet bandwidth in Mbit/s (`None` when not known).
    pub internet_mbit: Option<u32>,
    /// Rooms with WLAN / classrooms.
    pub wlan_coverage: Option<Ratio>,
    /// Bandwidth against the standard.
    pub bandwidth_check: NetCheck,
    /// WLAN coverage against the standard.
    pub wlan_check: NetCheck,
    /// Per device type of the standard (in the standard's order).
    pub gaps: Vec<Gap>,
    /// Σ of the gaps' costs.
    pub gap_cost: Kosten,
    /// Costs per year of the term.
    pub years: Vec<YearCosts>,
    /// Costs in years outside the term.
    pub outside_term: YearCosts,
    /// Priced investive items whose year is `unbekannt`.
    pub investive_unknown_year: i64,
    /// Items without price.
    pub open_items: usize,
    /// Items with price.
    pub priced_items: usize,
    /// Requested, own share, other (from `finanzierung`).
    pub funding: [i64; 3],
    /// Platforms.
    pub platforms: Vec<PlatformFact>,
    /// Trainings.
    pub trainings: Vec<TrainingFact>,
    /// Measures of the plan per year of their start.
    pub measures_by_year: std::collections::BTreeMap<i32, usize>,
    /// Devices per type in the inventory and planned (for stock checks).
    #[serde(skip)]
    devices: Vec<(Geraetetyp, Menge, Menge)>,
}

fn menge(a: Angabe<u32>) -> Menge {
    Menge::of(std::iter::once(a))
}

fn known(a: Option<Angabe<u32>>) -> Option<u32> {
    a.and_then(Angabe::bekannt)
}

fn param(a: Option<Angabe<Euro>>) -> Option<i64> {
    a.and_then(Angabe::bekannt).map(Euro::cents)
}

impl SchoolFigures {
    /// The school's figures under the Träger's standards and cost parameters over the term `years`.
    #[must_use]
    pub fn of(t: &Traeger, s: &SchoolInput, years: &[i32]) -> Self {
        let standard = t.standards().iter().find(|st| st.kind == s.kind && st.track.is_none());
        let gaps: Vec<Gap> = standard.map(|st| gaps(t, s, st)).unwrap_or_default();
        let classrooms = s.classrooms.map_or(Menge { unknown: 1, ..Menge::default() }, menge);
        let pupils = menge(s.pupils);
        let pupils_per_device = match (pupils.exact(), s.pupil_devices.exact()) {
            (Some(p), Some(d)) => Ratio::of(i64::try_from(p).unwrap_or(i64::MAX), i64::try_from(d).unwrap_or(i64::MAX)),
            _ => None,
        };
        let net = standard.and_then(|st| st.network.as_ref());
        let wlan_coverage = known(s.wlan_rooms).zip(known(s.classrooms)).and_then(|(w, r)| Ratio::of(i64::from(w), i64::from(r)));
        let bandwidth_check = match (net.and_then(|n| n.bandwidth_mbit), known(s.internet_mbit)) {
            (None, _) => NetCheck::OhneStandard,
            (Some(_), None) => NetCheck::Unbekannt,
            (Some(min), Some(have)) => {
                if have >= min {
                    NetCheck::Erfuellt
                } else {
                    NetCheck::Darunter
                }
            }
        };
        let wlan_check = match (net.and_then(|n| n.wlan_percent), wlan_coverage) {
            (None, _) => NetCheck::OhneStandard,
            (Some(_), None) => NetCheck::Unbekannt,
            (Some(p), Some(r)) => {
                if r.num * 100 >= r.den * i64::from(p) {
                    NetCheck::Erfuellt
                } else {
                    NetCheck::Darunter
                }
            }
        };
        let year_costs = |y: i32| costs_in(t, s, y);
        let in_term: Vec<YearCosts> = years.iter().map(|&y| year_costs(y)).collect();
        let outside_term = outside(s, years);
        Self {
            kind: s.kind,
            pupils,
            teachers: menge(s.teachers),
            classrooms,
            pupil_devices: s.pupil_devices,
            pupils_per_device,
            internet_mbit: known(s.internet_mbit),
            wlan_coverage,
            bandwidth_check,
            wlan_check,
            gap_cost: gaps.iter().fold(Kosten::default(), |k, g| k.plus(g.cost)),
            gaps,
            years: in_term,
            outside_term,
            investive_unknown_year: s.investive_unknown_year,
            open_items: s.open_items,
            priced_items: s.priced_items,
            funding: s.funding,
            platforms: s.platforms.clone(),
            trainings: s.trainings.clone(),
            measures_by_year: s.measures_by_year.clone(),
            devices: s.devices.clone(),
        }
    }

    /// Whether the school has or plans devices of this type.
    #[must_use]
    pub fn has_stock(&self, kind: Geraetetyp) -> bool {
        self.devices.iter().any(|(k, e, p)| *k == kind && (e.sum > 0 || e.unknown > 0 || p.sum > 0 || p.unknown > 0))
    }

    /// Platforms whose AVV is missing or in preparation.
    #[must_use]
    pub fn platforms_avv_open(&self) -> usize {
        self.platforms.iter().filter(|p| matches!(p.avv, Some(AvvStatus::Fehlt | AvvStatus::InVorbereitung))).count()
    }
}

fn devices_of(s: &SchoolInput, kind: Geraetetyp) -> (Menge, Menge) {
    s.devices.iter().find(|(k, _, _)| *k == kind).map_or((Menge::default(), Menge::default()), |(_, e, p)| (*e, *p))
}

/// The gap of every device type of the standard at a school.
fn gaps(traeger: &Traeger, school: &SchoolInput, standard: &Standard) -> Vec<Gap> {
    standard.devices.iter().map(|device| gap_of(traeger, school, device)).collect()
}

/// The gap of one device type of a standard at a school.
fn gap_of(traeger: &Traeger, school: &SchoolInput, device: &GeraeteStandard) -> Gap {
    let basis = match device.basis {
        Bezug::Unterrichtsraum => school.classrooms.unwrap_or(Angabe::Unbekannt),
        Bezug::Schueler => school.pupils,
        Bezug::Lehrkraft => school.teachers,
    };
    let (existing, planned) = devices_of(school, device.kind);
    let soll = match basis.bekannt() {
        // ⌈basis × anzahl / je⌉ in integers; `je` is at least 1 by the schema, 0 is read as 1.
        Some(units) => {
            let per = u64::from(device.per.max(1));
            let count = (u64::from(units) * u64::from(device.count)).div_ceil(per);
            Menge { sum: count, known: 1, unknown: 0, approx: basis.ist_ungefaehr() }
        }
        None => Menge { unknown: 1, ..Menge::default() },
    };
    let gap = match (soll.exact(), existing.exact(), planned.exact()) {
        (Some(target), Some(have), Some(coming)) => Menge {
            sum: target.saturating_sub(have.saturating_add(coming)),
            known: 1,
            unknown: 0,
            approx: soll.approx || existing.approx || planned.approx,
        },
        _ => Menge { unknown: 1, ..Menge::default() },
    };
    let cost = match (gap.exact(), param(price_of(traeger, device.kind))) {
        (Some(0), _) => Kosten::default(),
        (Some(missing), Some(price)) => Kosten::known(i64::try_from(missing).unwrap_or(i64::MAX).saturating_mul(price)),
        _ => Kosten::offen(),
    };
    Gap { kind: device.kind, soll, existing, planned, gap, cost }
}

fn parameters(t: &Traeger, kind: Geraetetyp) -> Option<&Kostenparameter> {
    t.cost_parameters().iter().find(|p| p.kind == kind)
}

fn price_of(t: &Traeger, kind: Geraetetyp) -> Option<Angabe<Euro>> {
    parameters(t, kind).and_then(|p| p.price)
}

/// Stock of a type in year `y`: existing + planned with a known year up to `y`; a planned item
/// without a year or with an unknown count makes the stock a lower bound (unknown part).
fn stock(s: &SchoolInput, kind: Geraetetyp, y: i32) -> Menge {
    let (existing, planned) = devices_of(s, kind);
    let by_year = s.planned_by_year.get(&kind);
    let until = by_year.map_or(Menge::default(), |m| m.range(..=y).fold(Menge::default(), |a, (_, n)| a.plus(*n)));
    let all_years = by_year.map_or(Menge::default(), |m| m.values().fold(Menge::default(), |a, n| a.plus(*n)));
    let without_year = planned.known + planned.unknown > all_years.known + all_years.unknown;
    let mut m = existing.plus(until);
    if without_year {
        m.unknown += 1;
    }
    m
}

/// The costs of `year` at a school under the Träger's cost parameters.
fn costs_in(traeger: &Traeger, school: &SchoolInput, year: i32) -> YearCosts {
    let mut costs = YearCosts::empty(year);
    costs.investive = school.investive_by_year.get(&year).copied().unwrap_or(0);
    costs.running_items = school.running_items_by_year.get(&year).copied().unwrap_or(0);
    costs.school_running = school.school_running_by_year.get(&year).copied().unwrap_or(0);
    for &kind in Geraetetyp::ALL.iter().filter(|&&k| ist_geraet(k)) {
        let stocked = stock(school, kind, year);
        if stocked.sum == 0 && stocked.unknown == 0 {
            continue;
        }
        let (operating, replacement) = device_costs(parameters(traeger, kind), stocked);
        costs.operating = costs.operating.plus(operating);
        costs.replacement = costs.replacement.plus(replacement);
    }
    costs.close()
}

/// Operating cost and replacement of a stock of one device type; a lower-bound stock adds an open part.
fn device_costs(params: Option<&Kostenparameter>, stocked: Menge) -> (Kosten, Kosten) {
    let count = i64::try_from(stocked.sum).unwrap_or(i64::MAX);
    let lower_bound = |k: Kosten| if stocked.unknown > 0 { Kosten { open: k.open + 1, ..k } } else { k };
    let operating = match param(params.and_then(|p| p.running_eur)) {
        Some(per_device) => lower_bound(Kosten::known(count.saturating_mul(per_device))),
        None => Kosten::offen(),
    };
    let cycle = params.and_then(|p| p.cycle_years).and_then(Angabe::bekannt).filter(|&years| years > 0);
    let replacement = match (param(params.and_then(|p| p.price)), cycle) {
        (Some(price), Some(years)) => {
            let per_year = Ratio { num: count.saturating_mul(price), den: i64::from(years) };
            lower_bound(Kosten::known(per_year.scaled(1)))
        }
        _ => Kosten::offen(),
    };
    (operating, replacement)
}

/// Investive and running items of years outside the term (no operating or replacement costs there).
fn outside(s: &SchoolInput, years: &[i32]) -> YearCosts {
    let mut c = YearCosts::empty(0);
    let out = |y: &&i32| !years.contains(y);
    c.investive = s.investive_by_year.iter().filter(|(y, _)| out(y)).fold(0, |a, (_, v)| a.saturating_add(*v));
    c.running_items = s.running_items_by_year.iter().filter(|(y, _)| out(y)).fold(0, |a, (_, v)| a.saturating_add(*v));
    c.school_running = s.school_running_by_year.iter().filter(|(y, _)| out(y)).fold(0, |a, (_, v)| a.saturating_add(*v));
    c.close()
}
