//! Known answers of the Schulträger figures: gaps, prices, stock costs, unknown propagation, sums.

use std::collections::BTreeMap;

use super::*;
use crate::figures::Menge;
use crate::model::{Angabe, Geraetetyp as G, Schulform, Traeger};

/// Whole euros in cents.
const fn eur(n: i64) -> i64 {
    n * 100
}

fn traeger(extra: &str) -> Traeger {
    let text = format!(
        r#"{{"format": 1, "name": "Stadt A", "land": "NI", "programm": "digitalpakt-2", "budget_eur": 100000,
        "schulen": [{{"schulnummer": "1", "name": "A"}}, {{"schulnummer": "2", "name": "B"}}, {{"schulnummer": "9", "name": "Ohne Plan"}}]{extra}}}"#
    );
    serde_json::from_str(&text).unwrap()
}

const STANDARDS: &str = r#", "ausstattungsstandards": [{"schulform": "grundschule", "geraete": [
    {"typ": "display", "bezug": "unterrichtsraum"}, {"typ": "tablet", "bezug": "schueler", "anzahl": 1, "je": 4}],
    "netz": {"bandbreite_mbit": 250, "wlan_abdeckung_prozent": 100}}],
  "kostenparameter": [{"typ": "display", "einzelpreis_eur": 4000, "ersatzzyklus_jahre": 8, "betriebskosten_eur_pro_jahr": 150},
    {"typ": "tablet", "einzelpreis_eur": 450}]"#;

fn menge(n: u32) -> Menge {
    Menge::of(std::iter::once(Angabe::Bekannt(n)))
}

fn school(pupils: Angabe<u32>, displays: u32, planned_displays: u32) -> SchoolInput {
    let devices = G::ALL
        .iter()
        .map(|&k| match k {
            G::Display => (k, menge(displays), menge(planned_displays)),
            _ => (k, Menge::default(), Menge::default()),
        })
        .collect();
    let mut planned_by_year = BTreeMap::new();
    planned_by_year.insert(G::Display, BTreeMap::from([(2027, menge(planned_displays))]));
    SchoolInput {
        kind: Schulform::Grundschule,
        pupils,
        teachers: Angabe::Bekannt(16),
        classrooms: Some(Angabe::Bekannt(10)),
        internet_mbit: Some(Angabe::Bekannt(100)),
        wlan_rooms: Some(Angabe::Bekannt(10)),
        devices,
        planned_by_year,
        pupil_devices: Menge::default(),
        platforms: Vec::new(),
        trainings: Vec::new(),
        investive_by_year: BTreeMap::from([(2027, eur(40_000))]),
        investive_unknown_year: 0,
        running_items_by_year: BTreeMap::new(),
        school_running_by_year: BTreeMap::new(),
        open_items: 0,
        priced_items: 1,
        funding: [eur(30_000), eur(10_000), 0],
        measures_by_year: BTreeMap::from([(2027, 2)]),
    }
}

fn figures(t: &Traeger, schools: &[SchoolInput]) -> TraegerFigures {
    let names = ["1", "2", "3", "4"];
    let plans: Vec<PlanFacts<'_>> =
        schools.iter().zip(names).map(|(s, n)| PlanFacts { file: "plan.yaml", number: n, name: n, input: s }).collect();
    TraegerFigures::of(t, &plans)
}

fn gap(f: &SchoolFigures, kind: G) -> &Gap {
    f.gaps.iter().find(|g| g.kind == kind).unwrap()
}

#[test]
fn the_gap_is_the_standard_minus_existing_minus_planned() {
    let t = traeger(STANDARDS);
    let f = figures(&t, &[school(Angabe::Bekannt(210), 0, 9)]);
    let s = f.schools[0].figures.as_ref().unwrap();
    let display = gap(s, G::Display);
    assert_eq!((display.soll.exact(), display.planned.exact(), display.gap.exact()), (Some(10), Some(9), Some(1)));
    assert_eq!(display.cost, Kosten::known(eur(4000)));
    let tablet = gap(s, G::Tablet);
    assert_eq!((tablet.soll.exact(), tablet.gap.exact()), (Some(53), Some(53)), "⌈210 / 4⌉ = 53");
    assert_eq!(tablet.cost, Kosten::known(53 * eur(450)));
    assert_eq!(s.gap_cost, Kosten { cents: eur(4000) + 53 * eur(450), priced: 2, open: 0 });
    assert_eq!(s.bandwidth_check, NetCheck::Darunter, "100 Mbit/s under 250");
    assert_eq!(s.wlan_check, NetCheck::Erfuellt);
}

#[test]
fn more_than_the_standard_is_no_negative_gap() {
    let t = traeger(STANDARDS);
    let f = figures(&t, &[school(Angabe::Bekannt(210), 8, 9)]);
    let display = gap(f.schools[0].figures.as_ref().unwrap(), G::Display);
    assert_eq!(display.gap.exact(), Some(0));
    assert_eq!(display.cost, Kosten::default());
}

#[test]
fn unknown_and_approximate_inputs_propagate() {
    let t = traeger(STANDARDS);
    let f = figures(&t, &[school(Angabe::Unbekannt, 0, 9), school(Angabe::Ungefaehr(200), 0, 0)]);
    let unknown = gap(f.schools[0].figures.as_ref().unwrap(), G::Tablet);
    assert_eq!(unknown.gap.exact(), None, "unknown pupils: the gap is unknown, never 0");
    assert_eq!(unknown.cost, Kosten::offen());
    let approx = gap(f.schools[1].figures.as_ref().unwrap(), G::Tablet);
    assert_eq!(approx.gap, Menge { sum: 50, known: 1, unknown: 0, approx: true });
    let total = &f.total.gaps[&G::Tablet];
    assert_eq!((total.gap.sum, total.gap.unknown, total.gap.approx), (50, 1, true));
    assert_eq!(total.cost, Kosten { cents: 50 * eur(450), priced: 1, open: 1 }, "priced part and the open part both stay visible");
}

#[test]
fn stock_costs_follow_the_parameters_and_stay_open_without_them() {
    let t = traeger(STANDARDS);
    let mut s = school(Angabe::Bekannt(210), 2, 3);
    s.devices.iter_mut().find(|d| d.0 == G::Pc).unwrap().1 = menge(5);
    let f = figures(&t, &[s]);
    let years = &f.schools[0].figures.as_ref().unwrap().years;
    let y2026 = years.iter().find(|y| y.year == 2026).unwrap();
    // displays: 2 × 150 €; replacement 2 × 4000 € / 8; PCs without parameters: open
    assert_eq!(y2026.operating, Kosten { cents: eur(300), priced: 1, open: 1 });
    assert_eq!(y2026.replacement, Kosten { cents: eur(1000), priced: 1, open: 1 });
    let y2027 = years.iter().find(|y| y.year == 2027).unwrap();
    assert_eq!(y2027.operating.cents, 5 * eur(150));
    assert_eq!(y2027.replacement.cents, 5 * eur(500));
    assert_eq!(y2027.total.cents, eur(40_000) + eur(750) + eur(2500));
    assert!(y2027.total.open > 0);
    let missing: Vec<_> = f.missing_parameters.iter().map(|(k, m)| (*k, m.len())).collect();
    assert!(missing.contains(&(G::Pc, 3)), "{missing:?}");
    assert!(missing.contains(&(G::Tablet, 2)), "tablet gap without cycle and running cost: {missing:?}");
}

#[test]
fn without_parameters_nothing_is_priced() {
    let t = traeger("");
    let f = figures(&t, &[school(Angabe::Bekannt(210), 2, 3)]);
    let s = f.schools[0].figures.as_ref().unwrap();
    assert!(s.gaps.is_empty(), "no standard, no gap");
    assert!(s.years.iter().all(|y| y.operating.priced == 0 && y.operating.open == 1));
}

#[test]
fn the_traeger_is_the_sum_of_its_schools_and_missing_plans_are_not_zeros() {
    let t = traeger(STANDARDS);
    let f = figures(&t, &[school(Angabe::Bekannt(210), 0, 9), school(Angabe::Bekannt(99), 4, 2)]);
    assert_eq!(f.schools.len(), 3);
    assert!(f.schools[2].figures.is_none(), "school 9 has no plan");
    assert_eq!((f.total.schools, f.total.missing), (2, 1));
    let schools: Vec<&SchoolFigures> = f.schools.iter().filter_map(|s| s.figures.as_ref()).collect();
    assert_eq!(f.total.pupils.sum, 309);
    assert_eq!(f.total.measures_by_year, BTreeMap::from([(2027, 4)]));
    assert_eq!(f.total.gap_cost, schools.iter().fold(Kosten::default(), |k, s| k.plus(s.gap_cost)));
    for (i, y) in f.total.years.iter().enumerate() {
        let sum = schools.iter().fold(YearCosts::empty(y.year), |a, s| a.plus(&s.years[i]));
        assert_eq!(*y, sum);
    }
    assert_eq!(f.by_kind.len(), 1);
    assert_eq!(f.by_kind[0].1, Totals { missing: 0, ..f.total.clone() }, "one Schulform: its sums are the Träger's");
}
