//! Same findings everywhere: the Prüfbericht of `mep erstellen` equals `mep pruefen` with the same
//! profile options, for every example and valid fixture, with and without a profile.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::support::root;

/// Every example plan and every valid fixture.
fn plans() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for dir in ["examples", "tests/fixtures/valid"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "yaml") {
                v.push(p);
            }
        }
    }
    v.sort();
    assert!(v.len() >= 8, "expected the examples and the valid fixtures");
    v
}

/// The option sets tried on every plan: none, a Kreis profile (Eigenanteil 30 %), another Land and programme.
const OPTIONS: &[&[&str]] = &[
    &[],
    &["--profil", "tests/fixtures/profiles/kreis-30.yaml"],
    &["--land", "SH", "--programm", "digitalpakt-2019"],
    &["--state", "NI", "--profile", "tests/fixtures/profiles/kreis-30.yaml"],
];

fn mep(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_mep")).args(args).current_dir(root()).env("NO_COLOR", "1").output().expect("mep runs");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: no JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)))
}

/// (code, severity, message, line, column) of each finding, in report order.
type Finding = (String, String, String, Option<u64>, Option<u64>);

fn validate_findings(report: &Value) -> Vec<Finding> {
    report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
                d["location"]["line"].as_u64(),
                d["location"]["column"].as_u64(),
            )
        })
        .collect()
}

fn view_findings(view: &Value) -> Vec<Finding> {
    view["pruefbericht"]["eintraege"]
        .as_array()
        .expect("eintraege")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["schwere"]["text"].as_str().unwrap().to_owned(),
                d["meldung"].as_str().unwrap().to_owned(),
                d["zeile"].as_u64(),
                d["spalte"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn the_pruefbericht_of_every_document_equals_mep_pruefen() {
    let mut profiled = 0;
    for plan in plans() {
        let file = plan.strip_prefix(root()).unwrap().to_string_lossy().into_owned();
        for options in OPTIONS {
            let mut validate = vec!["pruefen", "--format", "json"];
            validate.extend_from_slice(options);
            validate.push(&file);
            let mut render = vec!["erstellen", "--format", "json", "--entwurf", "-o", "-"];
            render.extend_from_slice(options);
            render.push(&file);
            let expected = validate_findings(&mep(&validate));
            let found = view_findings(&mep(&render));
            assert_eq!(found, expected, "{file} {options:?}: the document's Prüfbericht differs from mep pruefen");
            if options.iter().any(|o| o.contains("kreis-30")) && expected.iter().any(|f| f.2.contains("Kreis Teichdorf")) {
                profiled += 1;
            }
        }
    }
    // The Kreis profile changes findings somewhere, or the comparison above proves little about profiles.
    assert!(profiled > 0, "no plan shows a finding of the Kreis profile");
}

#[test]
fn a_profile_value_is_credited_to_the_profile_not_to_the_land() {
    let file = "examples/gymnasium-baden-wuerttemberg.yaml";
    for command in [vec!["pruefen", "--format", "json"], vec!["erstellen", "--format", "json", "-o", "-"]] {
        let mut args = command.clone();
        args.extend(["--profil", "tests/fixtures/profiles/kreis-30.yaml", file]);
        let report = mep(&args);
        let findings = if command[0] == "pruefen" { validate_findings(&report) } else { view_findings(&report) };
        let eigenanteil: Vec<_> = findings.iter().filter(|f| f.0 == "DP-EIGENANTEIL").collect();
        assert_eq!(eigenanteil.len(), 1, "{command:?}: {findings:?}");
        let message = &eigenanteil[0].2;
        assert!(message.contains("30\u{a0}% im Profil „Kreis Teichdorf“"), "{command:?}: {message}");
        assert!(!message.contains("Baden-Württemberg"), "{command:?}: {message}");
    }
}

/// Under the DigitalPakt 2.0 no document claims that follow-up costs are not fundable; it says that
/// the Länder's pending Förderrichtlinien decide. Under the DigitalPakt 2019 the exclusion stays.
#[test]
fn documents_say_what_the_programme_says_about_follow_up_costs() {
    use mep::model::Programm;
    use mep::profile::Choice;
    for plan in plans() {
        let checked = crate::support::check_file(&plan);
        let Some(loaded) = checked.value.as_ref() else { continue };
        for programm in Programm::ALL {
            let choice = Choice { programm: Some(*programm), ..Choice::default() };
            let options = mep::view::Optionen { datei: "plan.yaml".to_owned(), entwurf: true };
            let view = mep::view::PlanView::build_for(loaded, &choice.resolve_for(loaded), &[], &options);
            let md = mep::render::markdown::render(&view, &mep::render::markdown::Templates::builtin()).unwrap();
            let excluded = md.contains("nicht aus Fördermitteln finanzierbar") || md.contains("Folgekosten je Jahr (nicht förderfähig)");
            match programm {
                Programm::Dp2 => {
                    assert!(!excluded, "{} under DP 2.0 claims follow-up costs are not fundable", plan.display());
                    assert!(md.contains("regeln die noch ausstehenden Förderrichtlinien der Länder"), "{}", plan.display());
                }
                Programm::Dp2019 => assert!(excluded, "{} under DP 2019 no longer says follow-up costs are not fundable", plan.display()),
            }
        }
    }
}
