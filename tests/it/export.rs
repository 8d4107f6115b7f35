//! Exports for other tools: Excel workbooks, PDF/A-3b with the plan attached (and read back by
//! `mep validate`), and the JSON Schema reshaped for editors.
//!
//! The independent readers (openpyxl for xlsx, yaml-language-server for the schema) run in
//! `.ci/schema-check`; poppler's `pdfdetach` checks the attachments here.

use std::path::{Path, PathBuf};
use std::process::Command;

use mep::load::Limits;
use mep::profile::Choice;
use mep::render::pdf::{self, Attachment, Settings, Standard, Templates, data};
use mep::review;
use mep::view::{Optionen, PlanView};
use serde_json::Value;

use crate::support::root;

const EXAMPLE: &str = "examples/gymnasium-baden-wuerttemberg.yaml";

/// A plan without errors but with a warning, so that the round trip compares real findings.
const WITH_FINDINGS: &str = "tests/fixtures/review/traeger/plaene/oberschule-mitte.yaml";

fn review_of_examples() -> review::Review {
    let files = review::discover(&[PathBuf::from("examples")], None).expect("examples exist");
    let mut rows = review::check_all(&files, &Limits::default(), &Choice::default(), &|| {});
    // As `mep review` does: the Träger file of the example set is no plan.
    rows.retain(|r| !review::is_traeger_file(r, &Limits::default()));
    review::roll_up(None, rows, &Choice::default())
}

#[test]
fn xlsx_review_is_deterministic_and_dated_by_the_plans() {
    let r = review_of_examples();
    let a = mep::render::xlsx::review(&r, None).expect("workbook");
    let b = mep::render::xlsx::review(&r, None).expect("workbook");
    assert!(a.starts_with(b"PK\x03\x04"), "an xlsx is a zip file");
    assert_eq!(a, b, "same review, same bytes");
    let later = mep::render::xlsx::review(&r, Some(1_900_000_000)).expect("workbook");
    assert_ne!(a, later, "SOURCE_DATE_EPOCH sets the creation time");
}

#[test]
fn review_rows_keep_every_bedarf_item_with_its_measures() {
    let r = review_of_examples();
    let row = r.rows.iter().find(|row| row.file.ends_with("gymnasium-baden-wuerttemberg.yaml")).expect("row");
    let text = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let plan = mep::check_plan(EXAMPLE, text.as_bytes(), &Limits::default()).value.expect("example loads");
    assert_eq!(row.positions.len(), plan.needs.len());
    let sum: i64 = row.positions.iter().filter_map(|p| p.total).map(mep::model::Euro::cents).sum();
    assert_eq!(sum, row.figures.as_ref().expect("figures").investment.cents(), "items add up to the school's investment");
    for (p, need) in row.positions.iter().zip(&plan.needs) {
        assert_eq!(p.id, need.id);
        let listed: Vec<&str> = plan.measures.iter().filter(|m| m.needs.contains(&need.id)).map(|m| m.id.as_str()).collect();
        for id in listed {
            assert!(p.measures.contains(id), "{} lacks measure {id}: {:?}", p.id, p.measures);
        }
    }
}

#[test]
fn csv_items_one_row_per_bedarf_item_with_schulnummer_as_text() {
    let r = review_of_examples();
    let bytes = mep::render::review::csv_items(&r);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(header, mep::render::review::CSV_ITEM_COLUMNS);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    let items: usize = r.rows.iter().map(|row| row.positions.len()).sum();
    assert_eq!(rows.len(), items);
    for row in &r.rows {
        let school = row.school.as_ref().unwrap();
        let cell = format!("\u{2060}{}", school.number);
        let mine: Vec<&Vec<&str>> = rows.iter().filter(|c| c[0] == cell).collect();
        assert_eq!(mine.len(), row.positions.len(), "Schulnummer {} as text cell", school.number);
        let cents: i64 = mine
            .iter()
            .map(|c| {
                if c[7] == "Kosten noch offen" {
                    // An unpriced item says so in both cells, never an empty cell or 0, and it adds nothing.
                    assert_eq!(c[6], "Kosten noch offen", "an open sum has an open price: {c:?}");
                    return 0;
                }
                let (eur, ct) = c[7].split_once(',').expect("decimal comma");
                eur.parse::<i64>().unwrap() * 100 + ct.parse::<i64>().unwrap()
            })
            .sum();
        assert_eq!(cents, row.figures.as_ref().unwrap().investment.cents(), "items add up for {}", school.number);
    }
    assert!(rows.iter().any(|c| c[0] == "\u{2060}04999123"), "the leading zero of 04999123 is kept");
    assert!(rows.iter().any(|c| c[7] == "Kosten noch offen"), "the examples hold an unpriced item");
}

/// A finding without its file name: code, message, line and column.
type Finding = (String, String, Option<(usize, usize)>);

fn a3b(rel: &str) -> (String, Vec<u8>) {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    let checked = mep::check_plan(rel, text.as_bytes(), &Limits::default());
    let plan = checked.value.as_ref().expect("plan loads");
    let view = PlanView::build(plan, &checked.diagnostics, &Optionen { datei: rel.to_owned(), entwurf: false });
    let mut settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), None);
    settings.standard = Standard::A3b;
    settings.attachments =
        vec![Attachment::plan_yaml(text.clone().into_bytes()), Attachment::view_json(mep::render::json(&view).unwrap().into_bytes())];
    let out = pdf::render(&Templates::embedded(), data::to_json(&data::build(&view)), &settings).expect("renders");
    (text, out.pdf)
}

#[test]
fn a3b_carries_the_plan_and_its_view_and_validates_like_the_yaml() {
    let (text, bytes) = a3b(WITH_FINDINGS);
    let budget = mep::load::pdf::Budget::for_plan(5 << 20);
    let names = mep::load::pdf::attachment_names(&bytes, &budget).result.expect("readable");
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().any(|n| n == pdf::ATTACHMENT_PLAN) && names.iter().any(|n| n == pdf::ATTACHMENT_VIEW), "{names:?}");
    let read = mep::load::pdf::read_plan(&bytes, &budget);
    let plan = read.result.expect("plan attached");
    assert_eq!(plan.data, text.as_bytes(), "the attachment is the plan byte for byte");
    // Only the plan's stream is decoded (and whatever object or xref streams lead to it).
    assert!(read.counters.bytes_decoded < text.len() + 64 * 1024, "{:?}", read.counters);
    let view = mep::load::pdf::read_attachment(&bytes, pdf::ATTACHMENT_VIEW, &budget).result.expect("view attached");
    let view: Value = serde_json::from_slice(&view.data).expect("view is JSON");
    assert!(view.get("dokument").is_some());

    let original = mep::check_plan(WITH_FINDINGS, text.as_bytes(), &Limits::default());
    let again = mep::check_plan("plan.pdf (Anhang plan.yaml)", &plan.data, &Limits::default());
    let key = |c: &mep::Checked| -> Vec<Finding> {
        c.diagnostics.iter().map(|d| (d.code.to_string(), d.message.clone(), d.location.as_ref().map(|l| (l.line, l.column)))).collect()
    };
    assert!(!original.diagnostics.is_empty(), "the example has findings to compare");
    assert_eq!(key(&original), key(&again));
}

#[test]
fn poppler_lists_the_attachments_of_a3b() {
    let (_, bytes) = a3b(EXAMPLE);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let out = Command::new("pdfdetach")
        .arg("-list")
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("`pdfdetach` (Debian package poppler-utils) is needed for the PDF tests: {e}"));
    assert!(out.status.success());
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.contains("2 embedded files"), "{list}");
    assert!(list.contains("plan.yaml") && list.contains("planview.json"), "{list}");
    let saved = dir.path().join("out.yaml");
    let status = Command::new("pdfdetach").arg("-savefile").arg("plan.yaml").arg("-o").arg(&saved).arg(&file).status().unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&saved).unwrap(), std::fs::read(root().join(EXAMPLE)).unwrap());
}

#[test]
fn other_standards_attach_nothing_and_validate_says_so() {
    let text = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let checked = mep::check_plan(EXAMPLE, text.as_bytes(), &Limits::default());
    let plan = checked.value.as_ref().unwrap();
    let view = PlanView::build(plan, &[], &Optionen { datei: EXAMPLE.to_owned(), entwurf: false });
    let mut settings = Settings::for_stand(plan.dokumentdatum(), data::ident(&view), None);
    settings.attachments = vec![Attachment::plan_yaml(text.into_bytes())];
    let out = pdf::render(&Templates::embedded(), data::to_json(&data::build(&view)), &settings).expect("PDF/A-2b renders");
    let budget = mep::load::pdf::Budget::for_plan(5 << 20);
    assert!(mep::load::pdf::attachment_names(&out.pdf, &budget).result.unwrap().is_empty(), "PDF/A-2b forbids attachments");
    let err = mep::load::pdf::read_plan(&out.pdf, &budget).result.unwrap_err();
    assert_eq!(err.code, mep::load::pdf::CODE);
    assert!(err.message.contains("keinen Plan"), "{}", err.message);
}

fn mep_bin(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mep")).args(args).current_dir(root()).env("NO_COLOR", "1").output().expect("mep runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn validate_reads_the_plan_out_of_an_archived_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("plan.pdf");
    let pdf_arg = pdf_path.to_str().unwrap();
    let (code, _, err) = mep_bin(&["render", "--format", "pdf", "--pdf-standard", "a-3b", "-o", pdf_arg, WITH_FINDINGS]);
    assert_eq!(code, 0, "{err}");
    let (code_yaml, out_yaml, _) = mep_bin(&["validate", "--format", "json", WITH_FINDINGS]);
    let (code_pdf, out_pdf, _) = mep_bin(&["validate", "--format", "json", pdf_arg]);
    assert_eq!(code_yaml, code_pdf);
    let yaml: Value = serde_json::from_str(&out_yaml).unwrap();
    let pdf: Value = serde_json::from_str(&out_pdf).unwrap();
    let shown = format!("{pdf_arg} (Anhang plan.yaml)");
    assert_eq!(pdf["files"][0]["file"], Value::String(shown.clone()));
    let strip = |v: &Value| -> Vec<Value> {
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let mut d = d.clone();
                if let Some(loc) = d.get_mut("location").and_then(Value::as_object_mut) {
                    loc.remove("file");
                }
                d
            })
            .collect()
    };
    assert!(!strip(&yaml).is_empty(), "the plan has findings to compare");
    assert_eq!(strip(&yaml), strip(&pdf));
    for d in pdf["files"][0]["diagnostics"].as_array().unwrap() {
        if let Some(file) = d.pointer("/location/file") {
            assert_eq!(file, &Value::String(shown.clone()));
        }
    }

    // A PDF without the plan: one clear finding, exit code 1.
    let plain = dir.path().join("ohne.pdf");
    let (code, _, err) = mep_bin(&["render", "--format", "pdf", "-o", plain.to_str().unwrap(), EXAMPLE]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = mep_bin(&["validate", plain.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("PDF-ANHANG") && out.contains("keinen Plan als Anhang"), "{out}");
}

#[test]
fn render_xlsx_writes_one_school_reproducibly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kosten.xlsx");
    let (code, _, err) = mep_bin(&["render", "--format", "xlsx", "-o", out.to_str().unwrap(), EXAMPLE]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let (code, _, err) = mep_bin(&["render", "--format", "xlsx", "-o", out.to_str().unwrap(), EXAMPLE]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), bytes, "same plan, same bytes");
}

// ---------------------------------------------------------------- schema for editors

fn walk<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match v {
        Value::Object(m) => {
            out.push(m);
            m.values().for_each(|x| walk(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
        _ => {}
    }
}

fn published(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn schemas_are_shaped_for_editors() {
    for rel in [mep::schema::SCHEMA_PATH, mep::schema::TRAEGER_SCHEMA_PATH, "schemas/profile.schema.json"] {
        let schema = published(&root().join(rel));
        let mut all = Vec::new();
        walk(&schema, &mut all);
        for m in &all {
            assert!(!m.get("default").is_some_and(Value::is_null), "{rel}: `\"default\": null` makes editors insert null");
            if let Some(alts) = m.get("oneOf").and_then(Value::as_array) {
                assert!(!alts.iter().all(|a| a.get("const").is_some()), "{rel}: a closed set is still a oneOf of consts");
            }
            if let Some(values) = m.get("enum").and_then(Value::as_array) {
                assert_eq!(m.get("type"), Some(&Value::String("string".into())), "{rel}: enum without type: {m:?}");
                for key in ["enumDescriptions", "markdownEnumDescriptions"] {
                    let d = m.get(key).and_then(Value::as_array).unwrap_or_else(|| panic!("{rel}: enum without {key}"));
                    assert_eq!(d.len(), values.len());
                }
            }
            if let Some(props) = m.get("properties").and_then(Value::as_object) {
                for (key, p) in props {
                    assert!(p.get("description").is_some(), "{rel}: property `{key}` has no description");
                    if key == "email" {
                        assert_eq!(p.get("format"), Some(&Value::String("email".into())), "{rel}: `{key}`");
                    }
                }
            }
        }
    }
    let plan = published(&root().join(mep::schema::SCHEMA_PATH));
    let schulform = &plan["$defs"]["Schule"]["properties"]["schulform"];
    assert_eq!(schulform["description"], "Schulform.");
    assert!(schulform["enum"].as_array().unwrap().contains(&Value::String("gymnasium".into())));
    assert!(plan["$defs"]["Person"].get("description").is_none(), "hover shows the field's text, not the shared one");
    assert!(plan["$defs"]["Schule"]["properties"]["ansprechperson"]["description"].is_string());
}

#[test]
fn reshaped_schema_has_no_dangling_references() {
    // Inlined definitions are removed from `$defs`; nothing may still point at them.
    let plan = published(&root().join(mep::schema::SCHEMA_PATH));
    let mut all = Vec::new();
    walk(&plan, &mut all);
    let refs: Vec<&str> = all.iter().filter_map(|m| m.get("$ref")?.as_str()).collect();
    for r in refs {
        let name = r.strip_prefix("#/$defs/").expect("local ref");
        assert!(plan["$defs"].get(name).is_some(), "dangling $ref {r}");
    }
}

/// The text of one part of a workbook, through `unzip` (an independent reader).
fn xlsx_part(path: &Path, part: &str) -> String {
    let out = Command::new("unzip").arg("-p").arg(path).arg(part).output().expect("unzip runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn workbooks_print_landscape_one_page_wide_with_the_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("uebersicht.xlsx");
    let (code, _, err) = mep_bin(&["review", "examples", "--format", "xlsx", "-o", book.to_str().unwrap()]);
    assert!(code <= 1, "{err}");
    for sheet in 1..=3 {
        let xml = xlsx_part(&book, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(xml.contains(r#"orientation="landscape""#) && xml.contains(r#"paperSize="9""#), "sheet {sheet}: {xml:.300}");
        assert!(xml.contains(r#"fitToHeight="0""#) && xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "sheet {sheet} fits to width");
    }
    let workbook = xlsx_part(&book, "xl/workbook.xml");
    assert_eq!(workbook.matches("_xlnm.Print_Titles").count(), 3, "{workbook}");
}

#[test]
fn the_plan_workbook_names_the_file_without_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("plan.xlsx");
    let absolute = root().join(EXAMPLE);
    let (code, _, err) = mep_bin(&["render", "--format", "xlsx", "-o", book.to_str().unwrap(), absolute.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let strings = xlsx_part(&book, "xl/sharedStrings.xml");
    assert!(strings.contains(">gymnasium-baden-wuerttemberg.yaml<"), "{strings:.400}");
    assert!(!strings.contains(&root().display().to_string()), "no folder in the workbook");
}

#[test]
fn review_and_diff_read_the_plan_out_of_an_archived_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("plan.pdf");
    let pdf_arg = pdf_path.to_str().unwrap();
    let (code, _, err) = mep_bin(&["render", "--format", "pdf", "--pdf-standard", "a-3b", "-o", pdf_arg, WITH_FINDINGS]);
    assert_eq!(code, 0, "{err}");
    let (code_yaml, out_yaml, _) = mep_bin(&["review", "--format", "json", WITH_FINDINGS]);
    let (code_pdf, out_pdf, err) = mep_bin(&["review", "--format", "json", pdf_arg]);
    assert_eq!(code_yaml, code_pdf, "{err}");
    let yaml: Value = serde_json::from_str(&out_yaml).unwrap();
    let pdf: Value = serde_json::from_str(&out_pdf).unwrap();
    assert_eq!(pdf["rows"][0]["school"], yaml["rows"][0]["school"]);
    assert_eq!(pdf["rows"][0]["counts"], yaml["rows"][0]["counts"]);
    let (code, out, err) = mep_bin(&["diff", WITH_FINDINGS, pdf_arg]);
    assert_eq!(code, 0, "the attached plan is the same plan: {out}{err}");
}
