//! Facts written as `unbekannt` and the optional sections of real plans (room types, partners,
//! activities, literature, attachments, signatures, connection details): validated, printed in
//! Markdown, handed to typst and present in the JSON view.

use mep::diag::Severity;
use mep::render::markdown::{self, Templates};
use mep::render::pdf::data;
use mep::view::{Optionen, PlanView};
use serde_json::Value;

use crate::support::{check_bytes, check_file, render, root};

fn minimal() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap()
}

fn view(checked: &mep::Checked) -> PlanView {
    PlanView::build(
        checked.value.as_ref().expect("plan loads"),
        &checked.diagnostics,
        &Optionen { datei: "plan.yaml".to_owned(), entwurf: false },
    )
}

const EXTRAS: &str = "
raumtypen:
  - { bezeichnung: Klassenraum, anzahl: 8, ausstattung: [Display, Dokumentenkamera, WLAN] }
  - { bezeichnung: Werkraum, anzahl: unbekannt, ausstattung: [WLAN] }
kooperationen:
  - { name: Kreismedienzentrum Teichdorf, art: medienzentrum, beschreibung: Geräteverleih }
angebote:
  - { titel: Elternabend Medien, art: elternabend, zielgruppe: Eltern Klasse 3, turnus: jährlich }
  - { titel: Medienscouts, art: medienscouts }
literatur:
  - KMK (2016) Bildung in der digitalen Welt
anlagen:
  - { titel: Nutzungsordnung, datei: nutzungsordnung.pdf }
unterschriften:
  - { rolle: schulleitung, name: A. Beispiel, funktion: Schulleiterin, ort: Teichdorf, datum: 2026-10-15 }
  - { rolle: schultraeger, name: B. Muster }
";

fn with_extras() -> String {
    minimal().replace("  schueler: 200\n", "  schueler: unbekannt\n").replace(
        "netz: { internet_mbit: 250,",
        "netz: { internet_mbit: 250, upload_mbit: unbekannt, anschlussart: glasfaser, redundanz: LTE-Router als Ausweichleitung,",
    ) + EXTRAS
}

#[test]
fn unbekannt_is_valid_and_reported_as_a_warning() {
    let checked = check_bytes("plan.yaml", with_extras().as_bytes());
    assert!(!mep::has_errors(&checked.diagnostics), "{}", render(&checked));
    let unknown: Vec<&str> = checked.diagnostics.iter().filter(|d| d.code == "PLAN-UNBEKANNT").map(|d| d.path.as_str()).collect();
    assert_eq!(unknown, ["schule.schueler", "bestand.netz.upload_mbit", "raumtypen[1].anzahl"]);
    assert!(checked.diagnostics.iter().filter(|d| d.code == "PLAN-UNBEKANNT").all(|d| d.severity == Severity::Warnung));
    // Every plan valid before stays valid: numbers still parse, and the new sections are optional.
    let plain = check_bytes("plan.yaml", minimal().as_bytes());
    assert!(!mep::has_errors(&plain.diagnostics), "{}", render(&plain));
    assert!(plain.diagnostics.iter().all(|d| d.code != "PLAN-UNBEKANNT"));
}

#[test]
fn a_misspelt_unbekannt_and_unknown_keys_are_errors_with_hints() {
    let text = minimal().replace("  schueler: 200\n", "  schueler: unbekant\n");
    let checked = check_bytes("plan.yaml", text.as_bytes());
    let d = checked.diagnostics.iter().find(|d| d.path == "schule.schueler").expect("finding at schule.schueler");
    assert_eq!(d.severity, Severity::Fehler);
    assert!(d.help.as_deref().unwrap_or("").contains("unbekannt"), "{d:?}");
    let text = minimal() + "kooperationen:\n  - { name: X, art: medienzentrun }\nunterschriften:\n  - { rolle: schulleitung, nam: Y }\n";
    let checked = check_bytes("plan.yaml", text.as_bytes());
    let codes: Vec<(&str, &str)> = checked.diagnostics.iter().map(|d| (d.code.as_str(), d.path.as_str())).collect();
    assert!(codes.contains(&("FORMAT-WERT", "kooperationen[0].art")), "{codes:?}");
    assert!(codes.contains(&("FORMAT-UNBEKANNT", "unterschriften[0].nam")), "{codes:?}");
}

#[test]
fn markdown_prints_unknown_facts_and_the_new_sections() {
    let checked = check_bytes("plan.yaml", with_extras().as_bytes());
    let md = markdown::render(&view(&checked), &Templates::builtin()).unwrap();
    assert!(md.contains("| Schülerinnen und Schüler | nicht bekannt |"), "{md}");
    assert!(md.contains("| Grundschule | nicht bekannt |"), "{md}");
    assert!(!md.contains("| Schülerinnen und Schüler | 0 |"));
    assert!(md.contains("| Internetanschluss (Upload) | nicht bekannt |"), "{md}");
    assert!(md.contains("| Anschlussart | Glasfaser |"), "{md}");
    assert!(md.contains("| Ausfallsicherung | LTE-Router als Ausweichleitung |"), "{md}");
    assert!(md.contains("| Klassenraum | 8 | Display, Dokumentenkamera, WLAN |"), "{md}");
    assert!(md.contains("| Werkraum | nicht bekannt | WLAN |"), "{md}");
    assert!(md.contains("| Kreismedienzentrum Teichdorf | Medienzentrum | Geräteverleih |"), "{md}");
    assert!(md.contains("| Elternabend Medien | Elternabend | Eltern Klasse 3 | jährlich |"), "{md}");
    assert!(md.contains("| Medienscouts | Medienscouts | – | – | – |"), "{md}");
    assert!(md.contains("- KMK (2016) Bildung in der digitalen Welt"), "{md}");
    assert!(md.contains("1. Nutzungsordnung, Datei: nutzungsordnung.pdf"), "{md}");
    assert!(md.contains("| Schulleitung | A. Beispiel, Schulleiterin | Teichdorf, 15.10.2026 | |"), "{md}");
    assert!(md.contains("| Schulträger | B. Muster |  | |"), "{md}");
    // Without the sections, nothing of them is printed.
    let plain = check_bytes("plan.yaml", minimal().as_bytes());
    let md = markdown::render(&view(&plain), &Templates::builtin()).unwrap();
    for absent in ["Kooperationspartner", "Unterschriften", "Literatur und Anlagen", "Ausstattung je Raumtyp", "nicht bekannt"] {
        assert!(!md.contains(absent), "{absent} printed for a plan without it");
    }
}

#[test]
fn json_view_carries_the_new_fields() {
    let checked = check_bytes("plan.yaml", with_extras().as_bytes());
    let json: Value = serde_json::from_str(&mep::render::json(&view(&checked)).unwrap()).unwrap();
    assert_eq!(json["version"], 3);
    assert_eq!(json["schule"]["schueler"], serde_json::json!({ "wert": null, "text": "nicht bekannt" }));
    assert_eq!(json["schule"]["lehrkraefte"], serde_json::json!({ "wert": 15, "text": "15" }));
    assert_eq!(json["bestand"]["netz"]["anschlussart"]["key"], "glasfaser");
    assert_eq!(json["raumtypen"][1]["anzahl"]["text"], "nicht bekannt");
    assert_eq!(json["kooperationen"][0]["art"]["key"], "medienzentrum");
    assert_eq!(json["angebote"][1]["art"]["text"], "Medienscouts");
    assert_eq!(json["anlagen"][0]["nummer"], 1);
    assert_eq!(json["unterschriften"][1]["rolle"]["key"], "schultraeger");
    assert_eq!(json["unbekannt"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["dokument"]["vokabular"]["grammatik"]["nominativ"], "das Medienbildungskonzept");
}

#[test]
fn pdf_data_of_the_bavarian_example() {
    let checked = check_file(&root().join("examples/realschule-bayern.yaml"));
    let d = serde_json::to_value(data::build(&view(&checked))).unwrap();
    let v = &d["view"];
    let pick = serde_json::json!({
        "vokabular": v["dokument"]["vokabular"],
        "schule": { "schulform": v["schule"]["schulform"], "schueler": v["schule"]["schueler"] },
        "beschluesse": v["beschluesse"],
        "netz": v["bestand"]["netz"],
        "raumtypen": v["raumtypen"],
        "kooperationen": v["kooperationen"],
        "angebote": v["angebote"],
        "literatur": v["literatur"],
        "anlagen": v["anlagen"],
        "unterschriften": v["unterschriften"],
        "unbekannt": v["unbekannt"],
    });
    insta::assert_json_snapshot!("pdf_data_extras_realschule-bayern", pick);
}

#[test]
fn pruefbericht_names_the_file_not_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mein-plan.yaml");
    std::fs::write(&path, minimal().replace("  schueler: 200\n", "  schueler: unbekannt\n")).unwrap();
    let checked = mep::check_plan(&path.to_string_lossy(), &std::fs::read(&path).unwrap(), &mep::load::Limits::default());
    let view = PlanView::build(
        checked.value.as_ref().unwrap(),
        &checked.diagnostics,
        &Optionen { datei: path.to_string_lossy().into_owned(), entwurf: false },
    );
    assert_eq!(view.dokument.datei, "mein-plan.yaml");
    let ort = view.pruefbericht.eintraege.iter().find_map(|b| b.ort.clone()).expect("a located finding");
    assert!(ort.starts_with("mein-plan.yaml:"), "{ort}");
    let json = mep::render::json(&view).unwrap();
    assert!(!json.contains(&dir.path().to_string_lossy().into_owned()), "temp path in the view");
}

#[test]
fn draft_banner_shows_code_spans_not_escaped_backticks() {
    let checked = check_file(&root().join("tests/fixtures/invalid/plan_dangling_reference.yaml"));
    let plan = checked.value.as_ref().unwrap();
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "plan.yaml".to_owned(), entwurf: true });
    let md = markdown::render(&view, &Templates::builtin()).unwrap();
    let banner: String = md.lines().take_while(|l| l.starts_with('>')).collect::<Vec<_>>().join("\n");
    assert!(banner.contains('`'), "{banner}");
    assert!(!banner.contains("\\`"), "{banner}");
}

#[test]
fn unknown_running_costs_are_not_printed_as_zero() {
    let text = minimal();
    let checked = check_bytes("plan.yaml", text.as_bytes());
    let mut plan = checked.value.clone().unwrap();
    if let Some(b) = plan.operations.as_mut() {
        b.running_costs = None;
    }
    let view = PlanView::build(&plan, &[], &Optionen::default());
    let md = markdown::render(&view, &Templates::builtin()).unwrap();
    let folge = &md[md.find("### Folgekosten").expect("section")..];
    let folge = &folge[..folge.find("\n## ").unwrap_or(folge.len())];
    assert!(folge.contains("nicht angegeben"), "{folge}");
    assert!(!folge.contains("0,00 €"), "{folge}");
}
