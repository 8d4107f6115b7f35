//! Authoring aids: the committed JSON Schema, the `mep init` skeleton and its wizard.

use std::path::Path;
use std::process::{Command, Stdio};

use mep::init::{self, Answers};
use mep::model::{Datum, Land, Schulform};

use crate::support::{check_bytes, render, root};

#[test]
fn examples_carry_the_schema_modeline() {
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(text.lines().next(), Some("# yaml-language-server: $schema=../schemas/mep.schema.json"), "{}", path.display());
        }
    }
    for entry in std::fs::read_dir(root().join("examples/schultraeger-lindenau")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let schema = if path.ends_with("traeger.yaml") { "traeger" } else { "mep" };
        let want = format!("# yaml-language-server: $schema=../../schemas/{schema}.schema.json");
        assert_eq!(text.lines().next(), Some(want.as_str()), "{}", path.display());
    }
}

fn stand() -> Datum {
    Datum::new(2026, 10, 15).unwrap()
}

fn answered(land: Land, kind: Schulform) -> Answers {
    Answers {
        name: Some("Schule \"Am Markt\" \\ Nord".to_owned()),
        number: Some("162437".to_owned()),
        kind,
        land,
        pupils: Some(420),
        teachers: Some(35),
        classrooms: Some(24),
        provider: Some("Stadt Musterstadt".to_owned()),
        ..Answers::default()
    }
}

/// Removes the comment sign from every example section and example field of the skeleton.
fn uncomment(text: &str) -> String {
    let key = |s: &str| s.split_once(':').is_some_and(|(k, _)| !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    let mut out = Vec::new();
    let mut block = false;
    let mut literal = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# ").filter(|r| key(r)) {
            block = true;
            literal = false;
            out.push(rest.to_owned());
        } else if block && line.starts_with('#') {
            out.push(line.get(2..).unwrap_or("").to_owned());
        } else if let Some(rest) = line.strip_prefix("  # ").filter(|r| key(r)) {
            block = false;
            literal = rest.ends_with('|');
            out.push(format!("  {rest}"));
        } else if literal && line.starts_with("  #   ") {
            out.push(format!("    {}", &line[6..]));
        } else {
            block = block && !line.is_empty();
            literal = false;
            out.push(line.to_owned());
        }
    }
    out.join("\n") + "\n"
}

/// Whether the file has errors as input (format, YAML, plan consistency). The skeleton leaves
/// sections commented out, so the funding rules rightly report them as missing.
fn has_input_errors(checked: &mep::Checked) -> bool {
    checked.diagnostics.iter().any(|d| {
        d.severity == mep::diag::Severity::Fehler
            && d.code.as_str() != "PLAN-OHNE-KONZEPT"
            && ["YAML-", "FORMAT-", "PLAN-"].iter().any(|p| d.code.as_str().starts_with(p))
    })
}

#[test]
fn skeleton_validates_for_every_land_and_schulform() {
    for &land in Land::ALL {
        for &kind in Schulform::ALL {
            for answers in [Answers { land, kind, ..Answers::default() }, answered(land, kind)] {
                let text = init::skeleton(&answers, stand(), init::SCHEMA_URL);
                assert!(!text.contains("{{"), "unfilled placeholder:\n{text}");
                let checked = check_bytes("init.yaml", text.as_bytes());
                assert!(!has_input_errors(&checked), "{land:?}/{kind:?}:\n{}", render(&checked));
                // A fresh skeleton has no goals and no measures: not yet a plan, so render needs --entwurf.
                assert!(checked.diagnostics.iter().any(|d| d.code == "PLAN-OHNE-KONZEPT"), "{land:?}/{kind:?}: empty skeleton is an error");
                let full = uncomment(&text);
                let checked = check_bytes("init-voll.yaml", full.as_bytes());
                assert!(!mep::has_errors(&checked.diagnostics), "{land:?}/{kind:?} uncommented:\n{full}\n{}", render(&checked));
                let plan = checked.value.expect("uncommented skeleton loads");
                assert!(!plan.needs.is_empty() && !plan.measures.is_empty() && !plan.training.is_empty(), "sections were not uncommented");
            }
        }
    }
}

#[test]
fn skeleton_is_tailored() {
    let nw = init::skeleton(&answered(Land::Nw, Schulform::Gesamtschule), stand(), "x");
    assert!(nw.contains("  rahmen: mkr-nrw") && nw.contains("Lehrerkonferenz"));
    let by = init::skeleton(&answered(Land::By, Schulform::Realschule), stand(), "x");
    assert!(by.contains("  rahmen: by-kompetenzrahmen"));
    let bw = init::skeleton(&answered(Land::Bw, Schulform::Gymnasium), stand(), "x");
    assert!(bw.contains("  rahmen: kmk-2016") && bw.contains("freigabeempfehlung"));
    assert!(bw.contains(r#"name: "Schule \"Am Markt\" \\ Nord""#));
    let placeholders = init::skeleton(&Answers::default(), stand(), "x");
    let checked = check_bytes("init.yaml", placeholders.as_bytes());
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes.iter().filter(|c| **c == "PLAN-PLATZHALTER").count(), 3, "{codes:?}");
}

#[test]
fn schema_reference_is_relative_inside_the_repository() {
    assert_eq!(init::schema_reference(&root().join("examples/neu.yaml")), "../schemas/mep.schema.json");
    assert_eq!(init::schema_reference(&root().join("neu.yaml")), "schemas/mep.schema.json");
    let outside = tempfile::tempdir().unwrap();
    assert_eq!(
        init::schema_reference(&outside.path().join("neu.yaml")),
        init::SCHEMA_FILE,
        "outside a checkout: the schema file next to the plan, readable offline"
    );
}

/// Drives `mep init --interaktiv` through a pseudo-terminal with `script(1)`, answering
/// each question (some wrongly first) and checking the written plan.
#[test]
fn interactive_wizard_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        // A skipped test must say so in the test log.
        #[allow(clippy::disallowed_macros)]
        {
            eprintln!("script(1) from util-linux not installed; skipping the terminal test");
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.yaml");
    let bin = env!("CARGO_BIN_EXE_mep");
    let inner = format!("test -t 0 && test -t 1 && '{bin}' init --interaktiv '{}'", target.display());
    let answers = "Realschule am Park\n1234 5\n654321\nrealschul\nrealschule\nBY\n-3\n0\n512\n41\n27\nMarkt Musterhausen\n";
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &inner, "/dev/null"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1792022400")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(answers.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "status {:?}\n{shown}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    for expected in [
        "Name der Schule:",
        "Schulnummer:",
        "Meinten Sie `realschule`?",
        "Schülerzahl: bitte nur Ziffern",
        "Schülerzahl: bitte eine Zahl von 1 bis 100000",
        "Vorlage geschrieben:",
    ] {
        assert!(shown.contains(expected), "missing `{expected}` in:\n{shown}");
    }
    let text = std::fs::read_to_string(&target).unwrap();
    for expected in [
        "name: \"Realschule am Park\"",
        "schulnummer: \"654321\"",
        "schulform: realschule",
        "land: BY",
        "schueler: 512",
        "lehrkraefte: 41",
        "unterrichtsraeume: 27",
        "name: \"Markt Musterhausen\"",
        "stand: 2026-10-15",
        "rahmen: by-kompetenzrahmen",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    let checked = check_bytes("plan.yaml", text.as_bytes());
    assert!(!has_input_errors(&checked), "{}", render(&checked));
    assert!(!checked.diagnostics.iter().any(|d| d.code == "PLAN-PLATZHALTER"), "{}", render(&checked));
    assert!(Path::new(&target).exists());
}

/// The fixtures that the independent schema validator must reject are errors for mep too.
#[test]
fn schema_invalid_fixtures_are_errors() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("tests/fixtures/schema-invalid")).unwrap() {
        let path = entry.unwrap().path();
        seen += 1;
        let checked = crate::support::check_file(&path);
        assert!(mep::has_errors(&checked.diagnostics), "{} passes mep validate", path.display());
    }
    assert!(seen >= 4);
}
