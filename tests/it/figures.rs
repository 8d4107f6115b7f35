//! The numbers are honest: invariants of the figures, checked on every example,
//! every valid fixture and on generated plans; no document line contradicts a finding;
//! `mep review` shows each school's own figures.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use mep::figures::Figures;
use mep::render::markdown::{self, Templates};
use mep::view::{Optionen, PlanView};
use proptest::prelude::*;
use serde_json::Value;

use crate::support::{check_bytes, check_file, root};

fn plan_files() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for dir in ["examples", "examples/schultraeger-lindenau", "tests/fixtures/valid"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|e| e == "yaml") && !p.ends_with("traeger.yaml") {
                v.push(p);
            }
        }
    }
    v.sort();
    assert!(v.len() >= 4, "examples and valid fixtures");
    v
}

/// Checks every invariant of one checked plan; `name` labels failures.
fn assert_honest(name: &str, checked: &mep::Checked) {
    let plan = checked.value.as_ref().unwrap_or_else(|| panic!("{name}: plan loads"));
    let codes: BTreeSet<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    let f = Figures::of(plan);
    let inv = &f.investment;

    // Σ per Fördergegenstand = Σ per year = Σ over measures = total investment.
    let by_category: i64 = inv.by_category.iter().map(|c| c.total).sum();
    // Items of unknown year are in no year row; they form their own line.
    let by_year: i64 = inv.by_year.iter().sum::<i64>() + inv.unknown_year.iter().filter_map(|&i| inv.items[i]).sum::<i64>();
    let by_measure: i64 = f.measures.rows.iter().map(|r| r.cost).sum::<i64>() + f.measures.unassigned;
    let by_item: i64 = inv.items.iter().flatten().sum();
    assert_eq!(by_category, inv.total, "{name}: Σ per Fördergegenstand");
    assert_eq!(by_year, inv.total, "{name}: Σ per year");
    assert_eq!(by_measure, inv.total, "{name}: Σ over measures");
    assert_eq!(by_item, inv.total, "{name}: Σ over items");
    assert_eq!(inv.investive + inv.running, inv.total, "{name}: investiv + laufend");
    let dp: i64 = plan.needs.iter().zip(&inv.items).filter(|(b, _)| b.digitalpakt()).filter_map(|(_, c)| *c).sum();
    assert_eq!(inv.digitalpakt, dp, "{name}: DigitalPakt part");
    for (i, owner) in f.measures.owner.iter().enumerate() {
        let owning = f.measures.rows.iter().filter(|r| r.own.contains(&i)).count();
        assert_eq!(owning, usize::from(owner.is_some()), "{name}: item {i} belongs to at most one measure");
    }

    // Funding: beantragt + Eigenanteil + sonstige = total; a gap to the investment is a finding.
    if let Some(fin) = &f.funding {
        assert_eq!(fin.requested + fin.own_share + fin.other, fin.total, "{name}: funding parts");
        if inv.digitalpakt_open > 0 {
            // The DigitalPakt part is a lower bound: only a funding below it is certainly a gap.
            assert_eq!(
                fin.total < inv.digitalpakt,
                codes.contains("DP-FINANZIERUNG-SUMME"),
                "{name}: funding below the known part ⇔ finding"
            );
        } else {
            assert_eq!(fin.difference == 0, !codes.contains("DP-FINANZIERUNG-SUMME"), "{name}: funding gap ⇔ finding");
        }
    }

    // Budget: the line the document shows and the rule read the same figure.
    let overdrawn = f.budget.as_ref().is_some_and(mep::figures::Budget::overdrawn);
    assert_eq!(overdrawn, codes.contains("DP-BUDGET"), "{name}: overdrawn budget ⇔ DP-BUDGET");

    // Open costs: valid, but always flagged.
    assert_eq!(!inv.unpriced.is_empty(), codes.contains("DP-KOSTEN-OFFEN"), "{name}: open costs ⇔ DP-KOSTEN-OFFEN");

    // The view (render --format json) carries the same numbers.
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: name.to_owned(), entwurf: true });
    let json: Value = serde_json::to_value(&view).unwrap();
    let k = &json["kennzahlen"];
    assert_eq!(k["investition"]["gesamt"]["cent"], inv.total, "{name}: view total");
    let measures: i64 = json["massnahmen"].as_array().unwrap().iter().map(|m| m["investition"]["cent"].as_i64().unwrap()).sum();
    assert_eq!(measures + k["investition"]["ohne_massnahme"]["cent"].as_i64().unwrap(), inv.total, "{name}: view measures");
    let fehlbetrag = !k["investition"]["budget"]["fehlbetrag"].is_null();
    assert_eq!(fehlbetrag, codes.contains("DP-BUDGET"), "{name}: Fehlbetrag line ⇔ finding");
    if let Some(rest) = k["investition"]["budget"]["rest"]["cent"].as_i64() {
        assert_eq!(rest < 0, fehlbetrag, "{name}: negative rest only as Fehlbetrag");
    }

    // mep review shows the school's own figures.
    let r = mep::review::Figures::of(plan);
    let cent = |v: &Value| v["cent"].as_i64().unwrap_or(0);
    assert_eq!(r.investment.cents(), cent(&k["investition"]["gesamt"]), "{name}: review investment");
    assert_eq!(r.mobile.cents(), cent(&k["mobile_endgeraete"]["summe"]), "{name}: review mobile");
    assert_eq!(r.requested.cents(), cent(&k["finanzierung"]["foerdermittel"]), "{name}: review beantragt");
    assert_eq!(r.own_share.cents(), cent(&k["finanzierung"]["eigenanteil"]), "{name}: review Eigenanteil");
    assert_eq!(r.other.cents(), cent(&k["finanzierung"]["sonstige"]), "{name}: review sonstige");
    let num = |v: &Value, key: &str| v.get(key).and_then(Value::as_f64);
    assert_eq!(r.mobile_share, num(&k["mobile_endgeraete"]["anteil"], "prozent"), "{name}: review mobile share");
    assert_eq!(r.devices_per_pupil, num(&k["geraete"]["je_schueler_geplant"], "wert"), "{name}: review devices");
    assert_eq!(r.wlan_coverage, num(&k["netz"]["wlan_abdeckung"], "prozent"), "{name}: review WLAN");
    assert_eq!(r.training_hours_per_teacher, num(&k["fortbildung"]["stunden_je_lehrkraft"], "wert"), "{name}: review training");

    // Amounts and shares as the documents print them; the Markdown document names what the findings say.
    assert_formatting(name, &json);
    let md = markdown::render(&view, &Templates::builtin()).expect("renders");
    if overdrawn {
        assert!(md.contains("Fehlbetrag"), "{name}: the document names the Fehlbetrag");
    }
    if !inv.unpriced.is_empty() {
        assert!(md.contains("Kosten noch offen"), "{name}: the document names open costs");
        // Every sum over the open items carries the words, in the view (JSON, typst data) and the document.
        assert_eq!(k["investition"]["gesamt"]["offen"], true, "{name}: total is open");
        for c in k["investition"]["je_kategorie"].as_array().unwrap() {
            let open = c["offen"].as_u64().unwrap_or(0) > 0;
            assert_eq!(c["summe"]["offen"].as_bool(), Some(open), "{name}: category {} open ⇔ unpriced items", c["kategorie"]["key"]);
        }
        assert!(!md.contains("0,00\u{a0}€ + Kosten"), "{name}: no 0,00 € next to open costs");
    }
    if plan.school.pupils.ist_unbekannt() {
        for key in ["je_schueler_vorhanden", "je_schueler_geplant", "schueler_je_geraet_vorhanden", "schueler_je_geraet_geplant"] {
            assert_eq!(k["geraete"][key]["text"], "nicht bekannt", "{name}: {key} with unknown pupils");
        }
    }
}

/// Every amount and share of the view (what render --format json writes and both documents print)
/// has a no-break space before its unit, a real minus sign and no negative zero.
fn assert_formatting(name: &str, v: &Value) {
    match v {
        Value::Object(map) => {
            let open = map.get("offen") == Some(&Value::Bool(true));
            if let (Some(Value::String(text)), true) = (map.get("text"), open) {
                // Never a false zero: an amount with open costs says so, as a whole or as a lower bound.
                let partial = text.starts_with("mindestens ") && text.ends_with(", dazu Kosten noch offen");
                let unknown = text == "Kosten noch offen" || text.starts_with("nicht bekannt");
                assert!(partial || unknown, "{name}: open amount „{text}“ must say what is open");
                if unknown && text == "Kosten noch offen" {
                    assert!(map.get("cent").and_then(Value::as_i64) == Some(0), "{name}: „{text}“ without a known part");
                }
            } else if let (Some(Value::String(text)), true) = (map.get("text"), map.contains_key("cent") || map.contains_key("prozent")) {
                // An amount derived from an approximate count says so in front.
                let text = text.strip_prefix("ca. ").unwrap_or(text);
                let unit = if map.contains_key("cent") { "\u{a0}€" } else { "\u{a0}%" };
                assert!(text.ends_with(unit), "{name}: „{text}“ needs a no-break space before the unit");
                assert!(!text.contains('-'), "{name}: „{text}“ uses a hyphen as minus sign");
                assert!(!text.starts_with("\u{2212}0,0") || text.chars().any(|c| c.is_ascii_digit() && c != '0'), "{name}: „{text}“");
                let negative = map.get("cent").and_then(Value::as_i64).is_some_and(|c| c < 0);
                assert_eq!(negative, text.starts_with('\u{2212}'), "{name}: „{text}“ sign");
            }
            map.values().for_each(|x| assert_formatting(name, x));
        }
        Value::Array(items) => items.iter().for_each(|x| assert_formatting(name, x)),
        _ => {}
    }
}

#[test]
fn examples_and_fixtures_are_honest() {
    for path in plan_files() {
        let checked = check_file(&path);
        assert_honest(&path.display().to_string(), &checked);
    }
}

#[test]
fn the_examples_stay_within_their_budget() {
    for path in plan_files().iter().filter(|p| p.starts_with(root().join("examples"))) {
        let checked = check_file(path);
        let f = Figures::of(checked.value.as_ref().unwrap());
        let b = f.budget.expect("every example names a budget");
        assert!(!b.overdrawn(), "{}: {b:?}", path.display());
        assert!(f.measures.rows.iter().all(|r| r.cost <= f.investment.total), "{}", path.display());
    }
}

#[test]
fn review_rows_equal_the_schools_own_figures() {
    // The whole review pipeline, not just the figures type: rows of `mep review` for every example.
    let files = plan_files();
    let rows = mep::review::check_all(&files, &mep::load::Limits::default(), &mep::profile::Choice::default(), &|| {});
    for (path, row) in files.iter().zip(&rows) {
        let checked = check_file(path);
        let own = mep::review::Figures::of(checked.value.as_ref().unwrap());
        let fig = row.figures.as_ref().expect("row has figures");
        assert_eq!(serde_json::to_value(fig).unwrap(), serde_json::to_value(&own).unwrap(), "{}", path.display());
    }
}

// ---------------------------------------------------------------- generated plans

/// One generated `bedarf` item.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) category: usize,
    device: usize,
    pub(crate) count: u32,
    /// 0: exact, 1: approximate (`ca. N`), 2: `unbekannt`.
    pub(crate) count_kind: u8,
    pub(crate) year_unknown: bool,
    pub(crate) price: Option<u32>,
    pub(crate) year: i32,
    laufend: bool,
    /// Index into [`SOURCES`]: 0 writes no `finanzierung` (DigitalPakt by default).
    pub(crate) source: usize,
}

/// The `finanzierung` a generated item is written with, and its label; the first is the default (none written).
pub(crate) const SOURCES: [(&str, &str); 4] =
    [("", "DigitalPakt Schule"), ("schultraeger", "Schulträger"), ("land", "Land"), ("digitalpakt", "DigitalPakt Schule")];

impl Item {
    /// Whether the item's costs are open (no price, or an unknown count).
    pub(crate) fn open(&self) -> bool {
        self.price.is_none() || self.count_kind == 2
    }

    /// Whether the DigitalPakt pays for the item.
    pub(crate) fn digitalpakt(&self) -> bool {
        matches!(self.source, 0 | 3)
    }

    /// The category's YAML key.
    pub(crate) fn category_key(&self) -> &'static str {
        CATEGORIES[self.category].0
    }
}

/// A generated plan.
#[derive(Debug, Clone)]
pub(crate) struct Generated {
    pub(crate) items: Vec<Item>,
    measures: Vec<Vec<usize>>,
    budget: Option<u32>,
    funding: Option<(u32, u32, u32)>,
    /// Whether to make the funding add up exactly.
    consistent: bool,
    classrooms: Option<u32>,
    wlan_rooms: u32,
    /// 0: exact, 1: approximate, 2: `unbekannt`.
    pub(crate) pupils: u8,
    /// Whether `planungszeitraum` is `unbekannt`.
    pub(crate) period_unknown: bool,
    /// `betrieb.folgekosten_eur_pro_jahr`.
    pub(crate) running: Option<u32>,
}

/// 0 (exact) mostly, 1 (approximate) or 2 (`unbekannt`) now and then.
fn kind() -> impl Strategy<Value = u8> {
    prop::sample::select(vec![0u8, 0, 0, 0, 0, 0, 1, 2])
}

const CATEGORIES: [(&str, &[&str]); 6] = [
    ("vernetzung", &["switch", "verkabelung"]),
    ("wlan", &["access_point"]),
    ("lehr_lern_infrastruktur", &["lizenz"]),
    ("anzeige_interaktion", &["display", "beamer", "dokumentenkamera"]),
    ("arbeitsgeraete", &["pc"]),
    ("mobile_endgeraete", &["tablet", "laptop", "notebook"]),
];

fn item() -> impl Strategy<Value = Item> {
    (
        (0usize..6, 0usize..3, 1u32..40, kind()),
        prop::option::weighted(0.85, 0u32..500_000),
        2026i32..2029,
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
        prop::sample::select(vec![0usize, 0, 0, 0, 1, 2, 3]),
    )
        .prop_map(|((category, device, count, count_kind), price, year, year_unknown, laufend, source)| Item {
            category,
            device,
            count,
            count_kind,
            year_unknown,
            price,
            year,
            laufend,
            source,
        })
}

/// Generated plans: items priced or not, counts exact, approximate or unknown, several funding sources.
pub(crate) fn generated() -> impl Strategy<Value = Generated> {
    (
        prop::collection::vec(item(), 0..8),
        prop::collection::vec(prop::collection::vec(0usize..10, 0..4), 0..4),
        prop::option::of(0u32..200_000),
        prop::option::of((0u32..200_000, 0u32..50_000, 0u32..5_000)),
        any::<bool>(),
        prop::option::of(0u32..40),
        0u32..40,
        kind(),
        (prop::bool::weighted(0.15), prop::option::of(0u32..20_000)),
    )
        .prop_map(|(items, measures, budget, funding, consistent, classrooms, wlan_rooms, pupils, (period_unknown, running))| {
            Generated { items, measures, budget, funding, consistent, classrooms, wlan_rooms, pupils, period_unknown, running }
        })
}

/// Euro with cents from a whole number of cents.
fn eur(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The plan as YAML.
pub(crate) fn yaml(g: &Generated) -> String {
    let mut y = String::from("format: 1\nprogramm: digitalpakt-2\nland: NI\nstand: 2026-10-01\n");
    y.push_str(if g.period_unknown { "planungszeitraum: unbekannt\n" } else { "planungszeitraum: { von: 2026-08-01, bis: 2029-07-31 }\n" });
    let pupils = ["200", "ca. 200", "unbekannt"][usize::from(g.pupils)];
    let _ = write!(
        y,
        "schule:\n  name: Testschule\n  schulnummer: \"12345\"\n  schulform: grundschule\n  schueler: {pupils}\n  lehrkraefte: 15\n"
    );
    if let Some(r) = g.classrooms {
        let _ = writeln!(y, "  unterrichtsraeume: {r}");
    }
    y.push_str("schultraeger:\n  name: Gemeinde Test\n");
    if let Some(b) = g.budget {
        let _ = writeln!(y, "  budget_eur: {b}");
    }
    let _ = writeln!(y, "bestand:\n  netz: {{ wlan_raeume: {} }}", g.wlan_rooms);
    y.push_str("einsatzszenarien:\n  - { id: S1, titel: Unterricht }\n");
    if !g.items.is_empty() {
        y.push_str("bedarf:\n");
    }
    let mut total: u64 = 0;
    for (i, it) in g.items.iter().enumerate() {
        let (cat, devices) = CATEGORIES[it.category];
        let device = devices[it.device % devices.len()];
        let _ = write!(
            y,
            "  - {{ id: B{i}, bezeichnung: Position {i}, kategorie: {cat}, geraetetyp: {device}, anzahl: {}, jahr: {}, szenarien: [S1], begruendung: Unterricht",
            [it.count.to_string(), format!("ca. {}", it.count), "unbekannt".to_owned()][usize::from(it.count_kind)],
            if it.year_unknown { "unbekannt".to_owned() } else { it.year.to_string() }
        );
        if let Some(p) = it.price {
            let _ = write!(y, ", einzelpreis_eur: {}", eur(u64::from(p)));
            if it.count_kind != 2 && it.digitalpakt() {
                total += u64::from(p) * u64::from(it.count);
            }
        }
        if it.laufend {
            y.push_str(", kostenart: laufend");
        }
        if it.source != 0 {
            let _ = write!(y, ", finanzierung: {}", SOURCES[it.source].0);
        }
        y.push_str(" }\n");
    }
    if let Some((req, own, other)) = g.funding {
        let (req, own, other) = if g.consistent {
            // Split the total exactly: 90 % requested, the rest own share, other money 0.
            let r = total * 9 / 10;
            (r, total - r, 0)
        } else {
            (u64::from(req) * 100, u64::from(own) * 100, u64::from(other) * 100)
        };
        let _ = writeln!(
            y,
            "finanzierung:\n  beantragt_eur: {}\n  eigenanteil_eur: {}\n  sonstige_mittel_eur: {}",
            eur(req),
            eur(own),
            eur(other)
        );
    }
    if let Some(r) = g.running {
        let _ = writeln!(y, "betrieb:\n  folgekosten_eur_pro_jahr: {r}");
    }
    if !g.measures.is_empty() {
        y.push_str("massnahmen:\n");
    }
    for (m, needs) in g.measures.iter().enumerate() {
        let ids: Vec<String> = needs.iter().filter(|&&n| n < g.items.len()).map(|n| format!("B{n}")).collect();
        let _ = writeln!(
            y,
            "  - {{ id: M{m}, titel: Maßnahme {m}, bedarf: [{}], verantwortlich: Schulträger, beginn: 2027-01-01, ende: 2027-06-30 }}",
            ids.join(", ")
        );
    }
    y
}

/// Generated plans per `cargo test` run; `MEP_PROPTEST_CASES=5000` runs a longer campaign.
pub(crate) fn cases() -> u32 {
    std::env::var("MEP_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_plans_are_honest(g in generated()) {
        let text = yaml(&g);
        let checked = check_bytes("generiert.yaml", text.as_bytes());
        prop_assert!(checked.value.is_some(), "{text}\n{:?}", checked.diagnostics);
        assert_honest(&format!("generated plan\n{text}"), &checked);
    }
}

#[test]
fn a_qualitative_plan_is_valid_but_not_ready_for_an_application() {
    let checked = check_file(&root().join("tests/fixtures/valid/qualitativ.yaml"));
    let codes: Vec<(&str, mep::diag::Severity)> = checked.diagnostics.iter().map(|d| (d.code.as_str(), d.severity)).collect();
    assert_eq!(codes, vec![("DP-KOSTEN-OFFEN", mep::diag::Severity::Warnung)], "{codes:?}");
    assert!(checked.diagnostics[0].message.contains("noch nicht antragsreif"));
    let plan = checked.value.as_ref().unwrap();
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "qualitativ.yaml".to_owned(), entwurf: false });
    let md = markdown::render(&view, &Templates::builtin()).expect("renders");
    let row = md.lines().find(|l| l.starts_with("| B2 |")).expect("item row");
    assert!(row.contains("Kosten noch offen"), "{row}");
    assert!(md.contains("1 Position hat noch keinen Preis"), "{md}");
    assert_eq!(view.kennzahlen.investition.gesamt.cent, 500_000);
}
