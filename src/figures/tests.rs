use super::*;

fn plan(extra: &str) -> Plan {
    let text = format!(
        "format: 1\nprogramm: digitalpakt-2\nland: NI\nstand: 2026-10-01\nplanungszeitraum: {{ von: 2026-08-01, bis: 2029-07-31 }}\n\
         schule: {{ name: S, schulnummer: \"1\", schulform: grundschule, schueler: 100, lehrkraefte: 10 }}\n{extra}"
    );
    let checked = crate::check_plan("t.yaml", text.as_bytes(), &crate::load::Limits::default());
    checked.value.unwrap_or_else(|| panic!("{:?}", checked.diagnostics))
}

const NEEDS: &str = "bedarf:\n\
  - { id: B1, bezeichnung: AP, kategorie: wlan, geraetetyp: access_point, anzahl: 10, einzelpreis_eur: 500, jahr: 2027 }\n\
  - { id: B2, bezeichnung: Tablets, kategorie: mobile_endgeraete, geraetetyp: tablet, anzahl: 16, einzelpreis_eur: 450, jahr: 2028 }\n\
  - { id: B3, bezeichnung: Displays, kategorie: anzeige_interaktion, geraetetyp: display, anzahl: 4, jahr: 2028 }\n\
  - { id: B4, bezeichnung: Laptops, kategorie: arbeitsgeraete, geraetetyp: laptop, anzahl: 2, einzelpreis_eur: 1000, jahr: 2028 }\n";

#[test]
fn ratios_round_half_away_from_zero() {
    assert_eq!(Ratio { num: 5, den: 8 }.scaled(100), 63); // 62.5 → 63
    assert_eq!(Ratio { num: 1249, den: 2000 }.scaled(1000), 625); // 624.5 → 625
    assert_eq!(Ratio { num: -5, den: 8 }.scaled(100), -63);
    assert_eq!(Ratio { num: 1, den: 3 }.scaled(100), 33);
    assert_eq!(Ratio::of(1, 0), None);
    assert!(Ratio { num: 1, den: 3 }.gt(Ratio { num: 33, den: 100 }));
}

#[test]
fn unpriced_items_are_in_no_sum() {
    let f = Figures::of(&plan(NEEDS));
    assert_eq!(f.investment.total, 500_000 + 720_000 + 200_000);
    assert_eq!(f.investment.unpriced, vec![2]);
    assert_eq!(f.investment.items[2], None);
    let display = f.investment.by_category.iter().find(|c| c.category == Kategorie::AnzeigeInteraktion).unwrap();
    assert_eq!((display.items, display.unpriced, display.total), (1, 1, 0));
}

#[test]
fn mobile_devices_count_by_category_or_device_type() {
    let f = Figures::of(&plan(NEEDS));
    // Tablets (category) and laptops filed as Arbeitsgeräte (device type).
    assert_eq!(f.mobile.total, 720_000 + 200_000);
    assert_eq!(f.mobile.count, 18);
    assert_eq!(f.mobile.first, Some(1));
}

#[test]
fn each_item_cost_belongs_to_the_first_measure_that_lists_it() {
    let f = Figures::of(&plan(&format!(
        "{NEEDS}massnahmen:\n\
  - {{ id: M1, titel: WLAN, bedarf: [B1], verantwortlich: T, beginn: 2027-01-01, ende: 2027-06-30 }}\n\
  - {{ id: M2, titel: Geräte, bedarf: [B1, B2, B3], verantwortlich: T, beginn: 2028-01-01, ende: 2028-06-30 }}\n\
  - {{ id: M3, titel: Fortbildung, bedarf: [B1, B2], verantwortlich: T, beginn: 2028-01-01, ende: 2028-06-30 }}\n"
    )));
    let m = &f.measures;
    assert_eq!(m.rows[0].cost, 500_000);
    assert_eq!(m.rows[1].cost, 720_000);
    assert_eq!((m.rows[1].own.clone(), m.rows[1].linked.clone(), m.rows[1].unpriced), (vec![1, 2], vec![0], 1));
    assert_eq!(m.rows[2].cost, 0);
    assert_eq!(m.rows[2].linked, vec![0, 1]);
    assert_eq!(m.unassigned_items, vec![3]);
    assert_eq!(m.total + m.unassigned, f.investment.total);
}

#[test]
fn the_budget_is_compared_with_the_requested_funding() {
    let f = Figures::of(&plan(&format!(
        "schultraeger: {{ name: T, budget_eur: 12000 }}\n{NEEDS}finanzierung: {{ beantragt_eur: 12500, eigenanteil_eur: 1700, sonstige_mittel_eur: 0 }}\n"
    )));
    let b = f.budget.unwrap();
    assert_eq!((b.budget, b.requested, b.remaining), (1_200_000, Some(1_250_000), Some(-50_000)));
    assert!(b.overdrawn());
    let fin = f.funding.unwrap();
    assert_eq!(fin.total, 1_420_000);
    assert_eq!(fin.difference, 0);
    let within = Figures::of(&plan("schultraeger: { name: T, budget_eur: 12000 }\n")).budget.unwrap();
    assert_eq!((within.requested, within.remaining, within.overdrawn()), (None, None, false));
}

#[test]
fn running_costs_start_with_the_first_items() {
    let f = Figures::of(&plan(&format!("{NEEDS}betrieb: {{ folgekosten_eur_pro_jahr: 1000 }}\n")));
    assert_eq!(f.running.from, 2027);
    assert_eq!(f.running.years.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2027, 2028, 2029]);
    assert_eq!(f.running.total, 300_000);
    let none = Figures::of(&plan("betrieb: { folgekosten_eur_pro_jahr: 1000 }\n"));
    assert_eq!(none.running.from, 2026);
}
