//! Every figure of the Schulträger's own Medienentwicklungsplan (`mep traegerplan`), computed once
//! from the Träger file and the facts of each school's plan ([`SchoolInput`]). No text.
//!
//! Definitions (also in `docs/traegerplan.md`):
//!
//! - the term is the programme's (DigitalPakt 2019: 2019–2024, DigitalPakt 2.0: 2025–2030); money and
//!   costs of other years are summed in `outside_term`;
//! - Soll of a device type at a school = ⌈basis × `anzahl` / `je`⌉ with the basis (classrooms, pupils,
//!   teachers) from the school's plan; gap = max(0, Soll − existing − planned); an unknown input makes
//!   the gap unknown, an approximate one approximate;
//! - the gap is priced with the Träger's `einzelpreis_eur` of the type; without it the gap's cost is open;
//! - stock of a type in year Y = existing + planned with `jahr` ≤ Y; operating cost = stock ×
//!   `betriebskosten_eur_pro_jahr`; replacement = stock × `einzelpreis_eur` / `ersatzzyklus_jahre`
//!   (rounded to the cent per school, type and year); only device types count (not cabling, licences,
//!   building work); a missing parameter leaves the cost open, never zero;
//! - the costs of a year = investive items of the plans in that year, plus items of `kostenart: laufend`,
//!   operating cost and replacement; the schools' own `folgekosten_eur_pro_jahr` are shown beside it,
//!   not added (the Träger's parameters price the same operation);
//! - every Träger total and every Schulform total is the sum of the schools' figures.

mod input;
mod school;
#[cfg(test)]
mod tests;

pub use input::{PlatformFact, SchoolInput, TrainingFact};
pub use school::{Gap, NetCheck, SchoolFigures, YearCosts};

use schemars::JsonSchema;
use serde::Serialize;

use std::collections::BTreeMap;

use super::Menge;
use crate::model::{Angabe, Geraetetyp, Mittelquelle, Mittelzweck, Programm, Schulform, Traeger};

/// A sum of money with parts that could not be computed ("Kosten noch offen").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Kosten {
    /// Sum of the computed parts, in cents (a lower bound when `open > 0`).
    pub cents: i64,
    /// Number of computed parts.
    pub priced: usize,
    /// Number of parts that could not be computed.
    pub open: usize,
}

impl Kosten {
    /// A computed part.
    #[must_use]
    pub fn known(cents: i64) -> Self {
        Self { cents, priced: 1, open: 0 }
    }

    /// A part that could not be computed.
    #[must_use]
    pub fn offen() -> Self {
        Self { cents: 0, priced: 0, open: 1 }
    }

    /// Both together.
    #[must_use]
    pub fn plus(self, o: Self) -> Self {
        Self { cents: self.cents.saturating_add(o.cents), priced: self.priced + o.priced, open: self.open + o.open }
    }

    /// A computed amount added to this sum (as part of it, not a new part).
    #[must_use]
    pub fn plus_cents(self, cents: i64) -> Self {
        Self { cents: self.cents.saturating_add(cents), ..self }
    }
}

/// Device types that have a replacement cycle and running costs (not cabling, licences, building work).
#[must_use]
pub fn ist_geraet(t: Geraetetyp) -> bool {
    !matches!(
        t,
        Geraetetyp::Verkabelung | Geraetetyp::Lizenz | Geraetetyp::Elektroinstallation | Geraetetyp::Baumassnahme | Geraetetyp::Sonstiges
    )
}

/// The calendar years of a programme's term.
#[must_use]
pub fn laufzeit(p: Programm) -> std::ops::RangeInclusive<i32> {
    match p {
        Programm::Dp2019 => 2019..=2024,
        Programm::Dp2 => 2025..=2030,
    }
}

/// One school of the Träger: its plan's figures, or missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SchoolEntry {
    /// Schulnummer.
    pub number: String,
    /// Name.
    pub name: String,
    /// The plan file, when there is one.
    pub file: Option<String>,
    /// Figures of the school; `None` when no readable plan is there (TRAEGER-PLAN-FEHLT).
    pub figures: Option<SchoolFigures>,
}

/// Sums over a group of schools (all, or one Schulform); each is the sum of the schools' figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Totals {
    /// Schools with a readable plan in the group.
    pub schools: usize,
    /// Expected schools without a readable plan (not in any sum).
    pub missing: usize,
    /// Pupils.
    pub pupils: Menge,
    /// Teachers.
    pub teachers: Menge,
    /// Classrooms.
    pub classrooms: Menge,
    /// Existing pupil devices.
    pub pupil_devices: Menge,
    /// Per device type with a standard: Soll, existing, planned, gap and the gap's cost.
    pub gaps: BTreeMap<Geraetetyp, Gap>,
    /// Cost of all gaps.
    pub gap_cost: Kosten,
    /// Costs per year of the term.
    pub years: Vec<YearCosts>,
    /// Costs of years outside the term.
    pub outside_term: YearCosts,
    /// Priced investive items whose year is `unbekannt`.
    pub investive_unknown_year: i64,
    /// Items without price (Kosten noch offen) in the plans.
    pub open_items: usize,
    /// Priced items in the plans.
    pub priced_items: usize,
    /// `finanzierung` of the plans: requested, own share, other.
    pub funding: [i64; 3],
    /// Trainings and their participant hours (hundredths).
    pub trainings: usize,
    /// Participants over all trainings.
    pub participants: u64,
    /// Participant hours in hundredths of an hour.
    pub participant_hours: i64,
    /// Platforms named in the plans (a platform used by two schools counts twice).
    pub platforms: usize,
    /// Platforms without a signed AVV where one is needed (`fehlt` or `in_vorbereitung`).
    pub platforms_avv_open: usize,
    /// Measures of the plans per year of their start.
    pub measures_by_year: BTreeMap<i32, usize>,
}

impl Totals {
    fn add(&mut self, f: &SchoolFigures) {
        self.schools += 1;
        self.pupils = self.pupils.plus(f.pupils);
        self.teachers = self.teachers.plus(f.teachers);
        self.classrooms = self.classrooms.plus(f.classrooms);
        self.pupil_devices = self.pupil_devices.plus(f.pupil_devices);
        for g in &f.gaps {
            let e = self.gaps.entry(g.kind).or_insert_with(|| Gap::empty(g.kind));
            *e = e.plus(g);
        }
        self.gap_cost = self.gap_cost.plus(f.gap_cost);
        if self.years.is_empty() {
            self.years = f.years.iter().map(|y| YearCosts::empty(y.year)).collect();
        }
        for (t, y) in self.years.iter_mut().zip(&f.years) {
            *t = t.plus(y);
        }
        self.outside_term = self.outside_term.plus(&f.outside_term);
        self.investive_unknown_year = self.investive_unknown_year.saturating_add(f.investive_unknown_year);
        self.open_items += f.open_items;
        self.priced_items += f.priced_items;
        for (a, b) in self.funding.iter_mut().zip(f.funding) {
            *a = a.saturating_add(b);
        }
        self.trainings += f.trainings.len();
        self.participants += f.trainings.iter().map(|t| u64::from(t.participants)).sum::<u64>();
        self.participant_hours = f.trainings.iter().fold(self.participant_hours, |a, t| a.saturating_add(t.participant_hours));
        self.platforms += f.platforms.len();
        self.platforms_avv_open += f.platforms_avv_open();
        for (&year, &n) in &f.measures_by_year {
            *self.measures_by_year.entry(year).or_default() += n;
        }
    }
}

/// Money of one year from the Träger file, per source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct YearMoney {
    /// Calendar year.
    pub year: i32,
    /// Per source in the order of [`Mittelquelle::ALL`]: sum of the known amounts and the number of `unbekannt` ones.
    pub by_source: Vec<Kosten>,
    /// All sources together.
    pub total: Kosten,
    /// Money that may pay for operation (not bound to investment and not DigitalPakt money).
    pub for_operation: Kosten,
    /// Whether the file names any money for this year.
    pub named: bool,
}

/// Every figure of the Schulträger's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TraegerFigures {
    /// The years of the term.
    pub years: Vec<i32>,
    /// Every school: those with a plan in review order, then the expected ones without a plan.
    pub schools: Vec<SchoolEntry>,
    /// Sums per Schulform that has a plan or an expected school, in declaration order.
    pub by_kind: Vec<(Schulform, Totals)>,
    /// Sums over all schools.
    pub total: Totals,
    /// Money per year of the term from the Träger file.
    pub money: Vec<YearMoney>,
    /// Money of the Träger file outside the term.
    pub money_outside_term: Kosten,
    /// Device types with stock or gap whose cost parameters are missing: type and the missing keys.
    pub missing_parameters: Vec<(Geraetetyp, Vec<&'static str>)>,
}

/// One plan handed to [`TraegerFigures::of`]: file, Schulnummer, name and facts.
pub struct PlanFacts<'a> {
    /// The plan file.
    pub file: &'a str,
    /// Schulnummer.
    pub number: &'a str,
    /// Name of the school.
    pub name: &'a str,
    /// The facts of the plan.
    pub input: &'a SchoolInput,
}

impl TraegerFigures {
    /// Computes every figure of the Träger's plan from the Träger file and the readable plans.
    #[must_use]
    pub fn of(t: &Traeger, plans: &[PlanFacts<'_>]) -> Self {
        let years: Vec<i32> = laufzeit(t.programme).collect();
        let mut schools: Vec<SchoolEntry> = plans
            .iter()
            .map(|p| SchoolEntry {
                number: p.number.trim().to_owned(),
                name: p.name.to_owned(),
                file: Some(p.file.to_owned()),
                figures: Some(SchoolFigures::of(t, p.input, &years)),
            })
            .collect();
        for e in &t.schools {
            if !plans.iter().any(|p| p.number.trim() == e.number.trim()) {
                schools.push(SchoolEntry { number: e.number.trim().to_owned(), name: e.name.clone(), file: None, figures: None });
            }
        }
        let mut total = Totals { years: years.iter().map(|&y| YearCosts::empty(y)).collect(), ..Totals::default() };
        let mut by_kind: BTreeMap<Schulform, Totals> = BTreeMap::new();
        for s in &schools {
            match &s.figures {
                Some(f) => {
                    total.add(f);
                    by_kind.entry(f.kind).or_insert_with(|| Totals { years: total_years(&years), ..Totals::default() }).add(f);
                }
                None => total.missing += 1,
            }
        }
        let (money, money_outside_term) = money(t, &years);
        let missing_parameters = missing_parameters(t, &total, &schools);
        Self { by_kind: by_kind.into_iter().collect(), years, schools, total, money, money_outside_term, missing_parameters }
    }
}

fn total_years(years: &[i32]) -> Vec<YearCosts> {
    years.iter().map(|&y| YearCosts::empty(y)).collect()
}

fn money(t: &Traeger, years: &[i32]) -> (Vec<YearMoney>, Kosten) {
    let mut outside = Kosten::default();
    let mut rows: Vec<YearMoney> = years
        .iter()
        .map(|&year| YearMoney {
            year,
            by_source: vec![Kosten::default(); Mittelquelle::ALL.len()],
            total: Kosten::default(),
            for_operation: Kosten::default(),
            named: false,
        })
        .collect();
    for m in t.money() {
        let part = match m.amount {
            Angabe::Bekannt(e) | Angabe::Ungefaehr(e) => Kosten::known(e.cents()),
            Angabe::Unbekannt => Kosten::offen(),
        };
        let Some(row) = rows.iter_mut().find(|r| r.year == m.year) else {
            outside = outside.plus(part);
            continue;
        };
        let i = Mittelquelle::ALL.iter().position(|&q| q == m.source).unwrap_or(0);
        row.by_source[i] = row.by_source[i].plus(part);
        row.total = row.total.plus(part);
        row.named = true;
        let operation = match m.purpose {
            Some(Mittelzweck::Betrieb) => true,
            Some(Mittelzweck::Investition) => false,
            None => m.source != Mittelquelle::Digitalpakt,
        };
        if operation {
            row.for_operation = row.for_operation.plus(part);
        }
    }
    (rows, outside)
}

fn missing_parameters(t: &Traeger, total: &Totals, schools: &[SchoolEntry]) -> Vec<(Geraetetyp, Vec<&'static str>)> {
    let mut out = Vec::new();
    for &kind in Geraetetyp::ALL.iter().filter(|&&k| ist_geraet(k)) {
        let stocked = schools.iter().filter_map(|s| s.figures.as_ref()).any(|f| f.has_stock(kind));
        let gap = total.gaps.get(&kind).is_some_and(|g| g.gap.sum > 0 || g.gap.unknown > 0);
        if !stocked && !gap {
            continue;
        }
        let p = t.cost_parameters().iter().find(|p| p.kind == kind);
        let given = |a: Option<Option<bool>>| a.flatten().unwrap_or(false);
        let mut missing = Vec::new();
        if !given(p.map(|p| p.price.map(|a| a.bekannt().is_some()))) {
            missing.push("einzelpreis_eur");
        }
        if !given(p.map(|p| p.cycle_years.map(|a| a.bekannt().is_some_and(|c| c > 0)))) {
            missing.push("ersatzzyklus_jahre");
        }
        if !given(p.map(|p| p.running_eur.map(|a| a.bekannt().is_some()))) {
            missing.push("betriebskosten_eur_pro_jahr");
        }
        if !missing.is_empty() {
            out.push((kind, missing));
        }
    }
    out
}
