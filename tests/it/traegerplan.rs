//! `mep traegerplan`: the Schulträger's own plan. The example renders in every format with the same
//! bytes twice; the Träger's sums equal the sums of its schools on generated plans; the Betrieb concept
//! is binding at the Träger; snapshots of the JSON and of the PDF text.

use std::path::Path;
use std::process::Command;

use mep::figures::traeger::{Gap, Kosten, SchoolFigures, Totals, YearCosts};
use mep::load::{self, Limits};
use mep::profile::Choice;
use mep::review::{self, traegerplan::TraegerPlan};
use proptest::prelude::*;

use crate::support::{check_bytes, relative, root};

const EXAMPLE: &str = "examples/schultraeger-lindenau";

/// Whole euros in cents.
const fn eur(n: i64) -> i64 {
    n * 100
}

fn plan_of(dir: &Path, traeger: &Path) -> TraegerPlan {
    let limits = Limits::default();
    let files = review::discover(&[dir.to_path_buf()], Some(traeger)).unwrap();
    let mut rows = review::check_all(&files, &limits, &Choice::default(), &|| {});
    rows.retain(|r| !review::is_traeger_file(r, &limits));
    let bytes = std::fs::read(traeger).unwrap();
    let loaded = load::load_traeger(&relative(traeger), &bytes, &limits);
    TraegerPlan::of(review::roll_up(Some(loaded), rows, &Choice::default()), Some(traeger), &Choice::default()).expect("Träger file loads")
}

/// The example as a Träger reads it from its own folder: relative paths, as typed (tests run in
/// the package root), so that the documents do not depend on where the repository lies.
fn example() -> TraegerPlan {
    let dir = Path::new(EXAMPLE);
    plan_of(dir, &dir.join("traeger.yaml"))
}

fn mep(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("mep runs");
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_example_renders_in_every_format_with_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["md", "json", "pdf", "xlsx"] {
        let mut outputs = Vec::new();
        for run in 0..2 {
            let out = dir.path().join(format!("plan-{run}.{format}"));
            let (code, _, err) = mep(&[
                "traegerplan",
                "--traeger",
                "examples/schultraeger-lindenau/traeger.yaml",
                EXAMPLE,
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ]);
            // Oberschule Mitte's financing does not add up (DP-FINANZIERUNG-SUMME): exit 1, the plan is still written.
            assert_eq!(code, 1, "{format}: {err}");
            outputs.push(std::fs::read(&out).unwrap());
        }
        assert!(!outputs[0].is_empty(), "{format}");
        assert_eq!(outputs[0], outputs[1], "{format}: same input, same bytes");
    }
}

#[test]
fn a_broken_traeger_file_is_an_input_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("traeger.yaml");
    std::fs::write(&t, "format: 1\nname: Stadt\nland: XX\n").unwrap();
    let out = dir.path().join("plan.md");
    let (code, _, err) = mep(&["traegerplan", "--traeger", t.to_str().unwrap(), EXAMPLE, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("traeger.yaml"), "{err}");
    assert!(!out.exists());
    let (code, _, _) = mep(&["traegerplan", EXAMPLE]);
    assert_eq!(code, 2, "--traeger is required");
}

#[test]
fn json_snapshot_of_the_example() {
    let p = example();
    let json = mep::render::traegerplan::json(&p).unwrap();
    // File names relative to the repository, so the snapshot holds in any checkout.
    let json = json.replace(&format!("{}/", root().display()), "");
    insta::assert_snapshot!("traegerplan_json", json);
}

#[test]
fn pdf_text_of_the_example() {
    let p = example();
    let pdf = mep::render::traegerplan::pdf(&p, &mep::render::pdf::Templates::embedded(), mep::render::pdf::Standard::default(), None)
        .expect("the embedded template compiles");
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let Ok(out) = Command::new("pdftotext").arg("-layout").arg(&file).arg("-").output() else { return };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    for chapter in [
        "Zusammenfassung",
        "Ziele",
        "Die Medienkonzepte der Schulen als Grundlage",
        "Bestandsaufnahme",
        "Ausstattungsstandards und Soll-Ist-Vergleich",
        "Betrieb und Support",
        "Fortbildung",
        "Ressourcen und Finanzplan",
        "Zeitplan und Beschlüsse",
        "Evaluation und Fortschreibung",
        "Anhang: Kennzahlen je Schule",
    ] {
        assert!(text.contains(chapter), "PDF text lacks {chapter:?}");
    }
    assert!(!text.contains('`'), "no literal backticks in the PDF");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    insta::assert_snapshot!("traegerplan_pdf_text", lines.join("\n"));
}

#[test]
fn the_example_gap_and_money_have_known_answers() {
    let p = example();
    let gs = p.figures.schools.iter().find(|s| s.number == "10001").and_then(|s| s.figures.as_ref()).unwrap();
    let tablet = gs.gaps.iter().find(|g| g.kind == mep::model::Geraetetyp::Tablet).unwrap();
    // 210 pupils, one tablet for four: ⌈52,5⌉ = 53, none there, none planned; 53 × 450 €.
    assert_eq!((tablet.soll.exact(), tablet.gap.exact()), (Some(53), Some(53)));
    assert_eq!(tablet.cost, Kosten::known(53 * eur(450)));
    let display = gs.gaps.iter().find(|g| g.kind == mep::model::Geraetetyp::Display).unwrap();
    assert_eq!((display.soll.exact(), display.planned.exact(), display.gap.exact()), (Some(10), Some(9), Some(1)));
    let codes: Vec<&str> = p.plausibility.iter().map(|d| d.code.code).collect();
    assert!(codes.contains(&"TRAEGER-STANDARD-LUECKE"), "{codes:?}");
    let y2029 = p.figures.money.iter().find(|m| m.year == 2029).unwrap();
    assert_eq!(y2029.total.open, 1, "2029's own money is `unbekannt`: open, never 0");
}

#[test]
fn the_betrieb_concept_is_binding_at_the_traeger() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(root().join(EXAMPLE).join("traeger.yaml")).unwrap();
    let cut = base.find("betrieb:").unwrap();
    let rest = &base[cut..];
    let end = rest.find("\nziele:").unwrap();
    let without = format!("{}{}", &base[..cut], &rest[end + 1..]);
    let incomplete = base.replace("  datum: 2026-05-12\n  unterzeichnet_von: M. Muster, Bürgermeisterin\n", "  datum: unbekannt\n").replace(
        "    - { ebene: second_level, wer: \"IT-Abteilung der Stadt Lindenau\", erbracht_durch: eigenes_personal, reaktionszeit_stunden: 24 }\n",
        "",
    );
    for (name, text, code, count) in
        [("ohne.yaml", without, "TRAEGER-BETRIEB-FEHLT", 1), ("unvollstaendig.yaml", incomplete, "TRAEGER-BETRIEB-UNVOLLSTAENDIG", 3)]
    {
        let t = dir.path().join(name);
        std::fs::write(&t, &text).unwrap();
        let p = plan_of(&root().join(EXAMPLE), &t);
        let found: Vec<_> = p.review.traeger_findings.iter().filter(|d| d.code.code == code).collect();
        assert_eq!(found.len(), count, "{name}: {found:#?}");
        assert!(found.iter().all(|d| d.severity == mep::diag::Severity::Fehler), "{name}");
        assert!(found.iter().all(|d| d.source.as_deref() == Some("https://digitalpaktschule.de/de/schultraeger-1704.html")), "{name}");
        assert!(p.has_errors());
    }
}

// ---------------------------------------------------------------- Träger = Σ schools

const TRAEGER: &str = r#"format: 1
name: Stadt Test
land: NI
programm: digitalpakt-2
budget_eur: 500000
schulen: [{ schulnummer: "1", name: S1 }, { schulnummer: "2", name: S2 }, { schulnummer: "3", name: S3 }, { schulnummer: "4", name: S4 }, { schulnummer: "99", name: Ohne Plan }]
ausstattungsstandards:
  - { schulform: grundschule, geraete: [{ typ: display, bezug: unterrichtsraum }, { typ: tablet, bezug: schueler, je: 4 }] }
  - { schulform: oberschule, geraete: [{ typ: laptop, bezug: schueler, je: 3 }, { typ: pc, bezug: lehrkraft }] }
kostenparameter:
  - { typ: display, einzelpreis_eur: 4500, ersatzzyklus_jahre: 8, betriebskosten_eur_pro_jahr: 150 }
  - { typ: tablet, einzelpreis_eur: 450, ersatzzyklus_jahre: 5 }
  - { typ: pc, einzelpreis_eur: unbekannt, ersatzzyklus_jahre: 6, betriebskosten_eur_pro_jahr: 60 }
mittel:
  - { jahr: 2027, quelle: eigenmittel, betrag_eur: 50000 }
"#;

fn sum_gaps(parts: &[&SchoolFigures]) -> std::collections::BTreeMap<mep::model::Geraetetyp, Gap> {
    let mut m = std::collections::BTreeMap::new();
    for f in parts {
        for g in &f.gaps {
            let e = m.entry(g.kind).or_insert_with(|| Gap::empty(g.kind));
            *e = e.plus(g);
        }
    }
    m
}

fn assert_sum(what: &str, total: &Totals, parts: &[&SchoolFigures]) {
    assert_eq!(total.schools, parts.len(), "{what}: schools");
    let menge = |f: fn(&SchoolFigures) -> mep::figures::Menge| parts.iter().fold(mep::figures::Menge::default(), |a, s| a.plus(f(s)));
    assert_eq!(total.pupils, menge(|s| s.pupils), "{what}: pupils");
    assert_eq!(total.teachers, menge(|s| s.teachers), "{what}: teachers");
    assert_eq!(total.classrooms, menge(|s| s.classrooms), "{what}: classrooms");
    assert_eq!(total.pupil_devices, menge(|s| s.pupil_devices), "{what}: pupil devices");
    assert_eq!(total.gaps, sum_gaps(parts), "{what}: gaps");
    assert_eq!(total.gap_cost, parts.iter().fold(Kosten::default(), |a, s| a.plus(s.gap_cost)), "{what}: gap cost");
    for (i, y) in total.years.iter().enumerate() {
        assert_eq!(*y, parts.iter().fold(YearCosts::empty(y.year), |a, s| a.plus(&s.years[i])), "{what}: year {}", y.year);
    }
    assert_eq!(total.outside_term, parts.iter().fold(YearCosts::empty(0), |a, s| a.plus(&s.outside_term)), "{what}: outside");
    assert_eq!(total.investive_unknown_year, parts.iter().map(|s| s.investive_unknown_year).sum::<i64>(), "{what}");
    assert_eq!(total.open_items, parts.iter().map(|s| s.open_items).sum::<usize>(), "{what}: open items");
    assert_eq!(total.priced_items, parts.iter().map(|s| s.priced_items).sum::<usize>(), "{what}: priced items");
    for i in 0..3 {
        assert_eq!(total.funding[i], parts.iter().map(|s| s.funding[i]).sum::<i64>(), "{what}: funding {i}");
    }
    assert_eq!(total.trainings, parts.iter().map(|s| s.trainings.len()).sum::<usize>(), "{what}: trainings");
    assert_eq!(total.platforms, parts.iter().map(|s| s.platforms.len()).sum::<usize>(), "{what}: platforms");
    let mut measures = std::collections::BTreeMap::new();
    for s in parts {
        for (&y, &n) in &s.measures_by_year {
            *measures.entry(y).or_insert(0) += n;
        }
    }
    assert_eq!(total.measures_by_year, measures, "{what}: measures");
}

fn assert_traeger_is_the_sum(p: &TraegerPlan) {
    let f = &p.figures;
    let all: Vec<&SchoolFigures> = f.schools.iter().filter_map(|s| s.figures.as_ref()).collect();
    assert_sum("Träger", &f.total, &all);
    assert_eq!(f.total.missing, f.schools.iter().filter(|s| s.figures.is_none()).count());
    for (kind, t) in &f.by_kind {
        let parts: Vec<&SchoolFigures> = all.iter().copied().filter(|s| s.kind == *kind).collect();
        assert_sum(kind.label(), t, &parts);
    }
    assert_eq!(f.by_kind.iter().map(|(_, t)| t.schools).sum::<usize>(), f.total.schools, "every school in exactly one Schulform");
    // Every year's total is its parts, and an open part is never counted as zero.
    for y in &f.total.years {
        assert_eq!(y.total, y.operating.plus(y.replacement).plus_cents(y.investive + y.running_items), "year {}", y.year);
    }
}

#[test]
fn the_example_traeger_is_the_sum_of_its_schools() {
    assert_traeger_is_the_sum(&example());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_traeger_are_the_sum_of_their_schools(plans in prop::collection::vec((crate::figures::generated(), any::<bool>()), 1..5)) {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("traeger.yaml");
        std::fs::write(&t, TRAEGER).unwrap();
        let plans_dir = dir.path().join("plaene");
        std::fs::create_dir(&plans_dir).unwrap();
        for (i, (g, ober)) in plans.iter().enumerate() {
            let mut text = crate::figures::yaml(g).replace("schulnummer: \"12345\"", &format!("schulnummer: \"{}\"", i + 1));
            if *ober {
                text = text.replace("schulform: grundschule", "schulform: oberschule");
            }
            prop_assert!(check_bytes("g.yaml", text.as_bytes()).value.is_some(), "{text}");
            std::fs::write(plans_dir.join(format!("plan-{i}.yaml")), text).unwrap();
        }
        let p = plan_of(&plans_dir, &t);
        prop_assert_eq!(p.figures.schools.len(), 5);
        assert_traeger_is_the_sum(&p);
    }
}

#[test]
fn the_traeger_skeleton_loads_and_becomes_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("traeger.yaml");
    let (code, _, err) = mep(&["anlegen", "--traeger", "--land", "NI", t.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&t).unwrap();
    assert!(text.contains("land: NI") && text.contains("# betrieb:"), "{text}");
    let loaded = load::load_traeger("traeger.yaml", text.as_bytes(), &Limits::default());
    assert!(loaded.value.is_some(), "{:?}", loaded.diagnostics);
    // Uncommented, every optional section loads as well: after the list of schools, a commented line
    // whose text starts with a lower-case key or with indentation is YAML, the others are prose.
    let (head, tail) = text.split_at(text.find("schulen: []").unwrap());
    let tail: Vec<&str> = tail
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase() || c == ' ') => rest,
            _ => l,
        })
        .collect();
    let full = format!("{head}{}", tail.join("\n"));
    let full = full.replace("schulen: []\n", "schulen:\n");
    let loaded = load::load_traeger("traeger.yaml", full.as_bytes(), &Limits::default());
    assert!(loaded.value.as_ref().is_some_and(|t| t.betrieb().is_some() && !t.standards().is_empty()), "{full}\n{:?}", loaded.diagnostics);
}
