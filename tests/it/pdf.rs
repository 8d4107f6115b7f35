//! PDF output. Most tests look at the data handed to typst; a few render real
//! PDFs and read them back with poppler's `pdftotext`/`pdfinfo`.

use std::path::Path;
use std::process::Command;

use mep::model::Plan;
use mep::render::pdf::{self, Settings, Standard, Templates, data};
use mep::view::{Optionen, PlanView};
use serde_json::Value;

use crate::support::{check_file, root};

fn plan(rel: &str) -> Plan {
    let checked = check_file(&root().join(rel));
    checked.value.unwrap_or_else(|| panic!("{rel} loads"))
}

fn view(plan: &Plan) -> PlanView {
    PlanView::build(plan, &[], &Optionen { datei: "plan.yaml".to_owned(), entwurf: false })
}

fn build(plan: &Plan) -> data::PdfData {
    data::build(&view(plan))
}

fn settings(plan: &Plan) -> Settings {
    Settings::for_stand(plan.dokumentdatum(), data::ident(&view(plan)), None)
}

fn render(plan: &Plan, templates: &Templates) -> Result<pdf::Rendered, Vec<mep::diag::Diagnostic>> {
    pdf::render(templates, data::to_json(&build(plan)), &settings(plan))
}

/// Runs a poppler tool on PDF bytes; these tools are part of the test setup (Debian `poppler-utils`).
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plan.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new(tool)
        .args(args)
        .arg(&file)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("`{tool}` (Debian package poppler-utils) is needed for the PDF tests: {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A field of `pdfinfo`'s output, e.g. `Title`.
fn info_field(info: &str, key: &str) -> String {
    info.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(':')).map(|v| v.trim().to_owned()).unwrap_or_default()
}

/// Extracted text with line-end hyphenation undone and whitespace collapsed.
fn text_of(pdf: &[u8]) -> String {
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], pdf);
    let joined = raw.replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

const EXAMPLES: &[&str] = &[
    "examples/grundschule-niedersachsen.yaml",
    "examples/gymnasium-baden-wuerttemberg.yaml",
    "examples/berufskolleg-nordrhein-westfalen.yaml",
    "examples/realschule-bayern.yaml",
];

// ---------- data handed to typst (no PDF) ----------

#[test]
fn data_of_the_minimal_plan() {
    let data = build(&plan("tests/fixtures/valid/minimal.yaml"));
    insta::assert_json_snapshot!("pdf_data_minimal", data);
}

#[test]
fn meta_and_charts_of_each_example() {
    for rel in EXAMPLES {
        let data = build(&plan(rel));
        let name = Path::new(rel).file_stem().and_then(|s| s.to_str()).unwrap_or("plan").to_owned();
        insta::assert_json_snapshot!(format!("pdf_meta_{name}"), data.meta);
        insta::assert_json_snapshot!(format!("pdf_charts_{name}"), data.charts);
    }
}

#[test]
fn every_markdown_field_reaches_typst_as_a_tree() {
    let data = serde_json::to_value(build(&plan("examples/gymnasium-baden-wuerttemberg.yaml"))).unwrap_or(Value::Null);
    assert!(!data.to_string().contains("\"markdown\""), "a Markdown value was left as text");
    let v = &data["view"];
    let mut fields = vec![&v["schule"]["profil"], &v["leitbild"], &v["bestand"]["fortbildungsstand"], &v["bestand"]["prozesse"]];
    fields.extend(v["einsatzszenarien"].as_array().into_iter().flatten().map(|s| &s["beschreibung"]));
    fields.extend(v["bedarf"].as_array().into_iter().flatten().map(|b| &b["begruendung"]).filter(|v| !v.is_null()));
    assert!(fields.len() > 10);
    for f in fields {
        assert!(f["md"].is_array(), "not a tree: {f}");
    }
    // The Markdown table in the Fortbildungsstand keeps its five rows.
    let table = v["bestand"]["fortbildungsstand"]["md"].as_array().and_then(|b| b.iter().find(|n| n["t"] == "table")).cloned();
    assert_eq!(table.map(|t| t["rows"].as_array().map_or(0, Vec::len)), Some(5));
}

#[test]
fn document_name_follows_the_land() {
    let bw = build(&plan("examples/gymnasium-baden-wuerttemberg.yaml"));
    assert_eq!(bw.meta.title, "Medienentwicklungsplan Kepler-Gymnasium Lindenau");
    let nw = build(&plan("examples/berufskolleg-nordrhein-westfalen.yaml"));
    assert!(nw.meta.title.starts_with("Medienkonzept "), "{}", nw.meta.title);
}

#[test]
fn embedded_templates_are_the_repository_files() {
    let t = Templates::embedded();
    for f in t.files() {
        let on_disk = std::fs::read_to_string(root().join(&f.origin)).expect("template file");
        assert_eq!(on_disk, f.text(), "{}", f.origin);
    }
}

// ---------- real PDFs ----------

#[test]
fn example_renders_as_archival_accessible_pdf() {
    let plan = plan("examples/gymnasium-baden-wuerttemberg.yaml");
    let out = render(&plan, &Templates::embedded()).unwrap_or_else(|d| panic!("render failed: {d:#?}"));
    assert!(out.pdf.starts_with(b"%PDF-"));
    assert!(out.warnings.is_empty(), "{:#?}", out.warnings);
    let info = poppler("pdfinfo", &[], &out.pdf);
    assert_eq!(info_field(&info, "Title"), "Medienentwicklungsplan Kepler-Gymnasium Lindenau");
    assert_eq!(info_field(&info, "Author"), "Kepler-Gymnasium Lindenau");
    assert!(info_field(&info, "Subject").contains("Baden-Württemberg"), "{info}");
    assert!(info_field(&info, "Keywords").contains("Schulnummer 04999123"), "{info}");
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert_eq!(info_field(&info, "Pages"), out.pages.to_string());
    assert!(out.pages >= 15, "only {} pages", out.pages);
    let xmp = poppler("pdfinfo", &["-meta"], &out.pdf);
    assert!(xmp.contains("pdfaid:part>2<") || xmp.contains("pdfaid:part=\"2\""), "no PDF/A-2 id: {xmp}");
    assert!(xmp.contains("pdfuaid:part>1<") || xmp.contains("pdfuaid:part=\"1\""), "no PDF/UA-1 id: {xmp}");
    let text = text_of(&out.pdf);
    for needle in [
        "Kepler-Gymnasium Lindenau",
        "04999123",
        "Stadt Lindenau",
        "Inhaltsverzeichnis",
        "1 Zusammenfassung",
        "4 Ist-Analyse",
        "6 Mediencurriculum",
        "8 Ausstattungsbedarf und Investitionsplan",
        "13 Kosten- und Finanzierungsplan",
        "Stand: 01.12.2026",
        &format!("Seite 2 von {}", out.pages),
        "Mündig in der digitalen Welt",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn same_plan_gives_identical_bytes() {
    let plan = plan("tests/fixtures/valid/minimal.yaml");
    let templates = Templates::embedded();
    let a = render(&plan, &templates).expect("first render");
    let b = render(&plan, &templates).expect("second render");
    assert!(a.pdf == b.pdf, "two renders differ");
    // A batch gives the same bytes as single renders.
    let job = pdf::Job { data_json: data::to_json(&build(&plan)), settings: settings(&plan) };
    let batch = pdf::render_batch(&templates, vec![job.clone(), job]);
    for r in batch {
        assert!(r.expect("batch render").pdf == a.pdf, "batch render differs");
    }
}

#[test]
fn every_standard_choice_renders() {
    let plan = plan("tests/fixtures/valid/minimal.yaml");
    for (standard, key) in Standard::ALL {
        let mut s = settings(&plan);
        s.standard = *standard;
        let out = pdf::render(&Templates::embedded(), data::to_json(&build(&plan)), &s).unwrap_or_else(|d| panic!("{key}: {d:#?}"));
        let xmp = poppler("pdfinfo", &["-meta"], &out.pdf);
        assert_eq!(xmp.contains("pdfaid"), key.starts_with("a-"), "{key}: {xmp}");
        assert_eq!(xmp.contains("pdfuaid"), key.contains("ua-"), "{key}: {xmp}");
    }
}

const HOSTILE: &str = r#"#read("/etc/passwd") #import "/plan.typ": * ] [ * $x$ #panic("x") \ // <b>"#;

/// Keys whose values are free text in the input format.
const TEXT_KEYS: &[&str] = &[
    "name",
    "bezeichnung",
    "beschreibung",
    "titel",
    "thema",
    "fach",
    "profil",
    "leitbild",
    "fortbildungsstand",
    "prozesse",
    "begruendung",
    "indikator",
    "ausgangswert",
    "zielwert",
    "verantwortlich",
    "methode",
    "anbieter",
    "funktion",
    "kontakt",
    "strasse",
    "ort",
    "schulnummer",
];

fn poison(v: &mut Value) -> usize {
    match v {
        Value::Object(map) => map
            .iter_mut()
            .map(|(k, v)| {
                if TEXT_KEYS.contains(&k.as_str()) && v.is_string() {
                    *v = Value::String(HOSTILE.to_owned());
                    1
                } else {
                    poison(v)
                }
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(poison).sum(),
        _ => 0,
    }
}

#[test]
fn hostile_text_appears_literally_and_reads_nothing() {
    let base = plan("examples/gymnasium-baden-wuerttemberg.yaml");
    let mut value = serde_json::to_value(&base).expect("plan as json");
    let poisoned = poison(&mut value);
    assert!(poisoned > 100, "only {poisoned} fields poisoned");
    let hostile: Plan = serde_json::from_value(value).expect("poisoned plan is still a plan");
    let out = render(&hostile, &Templates::embedded()).unwrap_or_else(|d| panic!("render failed: {d:#?}"));
    let text = text_of(&out.pdf);
    assert!(!text.contains("root:x:0:0") && !text.contains("/bin/bash") && !text.contains("nologin"), "file contents leaked");
    for piece in [r#"#read("/etc/passwd")"#, r#"#import "/plan.typ": *"#, "] [ * $x$", r#"#panic("x")"#, r"\ // <b>"] {
        let n = text.matches(piece).count();
        assert!(n >= 50, "{piece:?} appears only {n} times");
    }
    let info = poppler("pdfinfo", &[], &out.pdf);
    assert_eq!(info_field(&info, "Author"), HOSTILE);
}

#[test]
fn broken_template_gives_located_diagnostic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plan.typ");
    std::fs::write(&file, "#let d = json(\"/data.json\")\n= Plan\n#d.plan.schule.name\n#let x = (1, 2\nText\n").expect("write template");
    let templates = Templates::with_dir(dir.path()).unwrap_or_else(|e| panic!("{}", e.message));
    let diags = render(&plan("tests/fixtures/valid/minimal.yaml"), &templates).expect_err("syntax error expected");
    let first = &diags[0];
    assert_eq!(first.code, pdf::CODE_TEMPLATE);
    let loc = first.location.as_ref().expect("located");
    assert_eq!(loc.file, file.display().to_string());
    assert_eq!(loc.line, 4, "{first:#?}");
}

#[test]
fn template_cannot_reach_files_or_packages() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (code, needle) in [
        ("#read(\"/etc/passwd\")", "not found"),
        ("#read(\"../../../../etc/passwd\")", "escape"),
        ("#import \"@preview/cmarker:0.1.6\": render", "package"),
    ] {
        std::fs::write(dir.path().join("plan.typ"), format!("= Plan\n{code}\n")).expect("write template");
        let templates = Templates::with_dir(dir.path()).unwrap_or_else(|e| panic!("{}", e.message));
        let diags = render(&plan("tests/fixtures/valid/minimal.yaml"), &templates).expect_err("must fail");
        // The message is German; typst's own text follows in the help.
        assert!(diags[0].message.starts_with("Fehler in der PDF-Vorlage"), "{code}: {}", diags[0].message);
        let all = diags.iter().map(|d| format!("{} {}", d.message, d.help.as_deref().unwrap_or(""))).collect::<Vec<_>>().join("\n");
        assert!(all.contains(needle), "{code}: {all}");
        assert_eq!(diags[0].location.as_ref().map(|l| l.line), Some(2), "{code}");
    }
}

#[test]
fn plan_with_only_required_fields_renders() {
    let mut value = serde_json::to_value(plan("tests/fixtures/valid/minimal.yaml")).expect("plan as json");
    let Value::Object(map) = &mut value else { panic!("object expected") };
    let required = ["format", "programm", "land", "stand", "planungszeitraum", "schule"];
    map.retain(|k, _| required.contains(&k.as_str()));
    if let Some(Value::Object(school)) = map.get_mut("schule") {
        school.retain(|k, _| ["name", "schulnummer", "schulform", "schueler", "lehrkraefte"].contains(&k.as_str()));
    }
    let sparse: Plan = serde_json::from_value(value).expect("sparse plan is a plan");
    let out = render(&sparse, &Templates::embedded()).unwrap_or_else(|d| panic!("render failed: {d:#?}"));
    let text = text_of(&out.pdf);
    for needle in [
        "Es sind noch keine Ziele eingetragen.",
        "Zur Finanzierung liegen keine Angaben vor.",
        "Das Mediencurriculum ist noch nicht eingetragen.",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn draft_carries_its_banner_and_the_open_errors() {
    let checked = check_file(&root().join("tests/fixtures/invalid/plan_duplicate_id.yaml"));
    let plan = checked.value.as_ref().expect("plan loads despite its errors");
    let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.severity == mep::diag::Severity::Fehler).collect();
    assert!(!errors.is_empty());
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: "plan.yaml".to_owned(), entwurf: true });
    let out = pdf::render(&Templates::embedded(), data::to_json(&data::build(&view)), &settings(plan))
        .unwrap_or_else(|d| panic!("render failed: {d:#?}"));
    let text = text_of(&out.pdf);
    assert!(text.matches("ENTWURF – nicht förderfähig").count() >= out.pages, "banner not on every page");
    for e in errors {
        assert!(text.contains(e.code.as_str()), "Prüfbericht lacks {}", e.code);
    }
}

#[test]
fn markdown_structures_render_in_every_free_text_field() {
    let md = "# Oben\n\n### Tiefer\n\nText mit **fett**, *kursiv*, ~~weg~~, `code` und [Link](https://example.org).\n\n\
              1. eins\n2. zwei\n   - verschachtelt\n\n> Zitat\n\n```\n#read(\"/etc/passwd\")\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n---\n\n- [x] erledigt\n";
    let mut value = serde_json::to_value(plan("examples/gymnasium-baden-wuerttemberg.yaml")).expect("plan as json");
    value["leitbild"] = Value::String(md.to_owned());
    value["schule"]["profil"] = Value::String(md.to_owned());
    value["bestand"]["prozesse"] = Value::String(md.to_owned());
    value["bedarf"][0]["begruendung"] = Value::String(md.to_owned());
    let rich: Plan = serde_json::from_value(value).expect("still a plan");
    let out = render(&rich, &Templates::embedded()).unwrap_or_else(|d| panic!("render failed: {d:#?}"));
    let text = text_of(&out.pdf);
    assert!(text.matches("#read(\"/etc/passwd\")").count() >= 4);
    assert!(text.matches("verschachtelt").count() >= 4);
}
