//! Every invalid fixture yields located German diagnostics; hostile files are
//! refused cleanly.

use mep::diag::Severity;

use crate::support::{check_bytes, check_file, render, root};

#[test]
fn invalid_fixtures_snapshot() {
    insta::glob!("../fixtures/invalid", "*.yaml", |path| {
        let checked = check_file(path);
        assert!(!checked.diagnostics.is_empty(), "{} must produce findings", path.display());
        for d in &checked.diagnostics {
            let loc = d.location.as_ref().expect("every finding is located");
            assert!(loc.line >= 1 && loc.column >= 1, "{d:?}");
        }
        insta::assert_snapshot!(render(&checked));
    });
}

#[test]
fn invalid_fixtures_fail_except_warning_only_ones() {
    for entry in std::fs::read_dir(root().join("tests/fixtures/invalid")).unwrap() {
        let path = entry.unwrap().path();
        let checked = check_file(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let has_error = checked.diagnostics.iter().any(|d| d.severity == Severity::Fehler);
        assert_eq!(has_error, !name.starts_with("plan_rooms_exceed"), "{name}: {:#?}", checked.diagnostics);
    }
}

#[test]
fn valid_fixtures_have_no_findings() {
    for name in ["minimal.yaml", "with_bom.yaml"] {
        let checked = check_file(&root().join("tests/fixtures/valid").join(name));
        assert!(checked.diagnostics.is_empty(), "{name}: {}", render(&checked));
        assert!(checked.value.is_some());
    }
}

#[test]
fn a_file_collects_all_structural_problems_at_once() {
    let checked = check_file(&root().join("tests/fixtures/invalid/format_many_problems.yaml"));
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.len() >= 5, "{codes:?}");
    for code in ["FORMAT-UNBEKANNT", "FORMAT-WERT", "FORMAT-TYP", "FORMAT-DATUM", "FORMAT-BEREICH"] {
        assert!(codes.contains(&code), "{code} missing in {codes:?}");
    }
    let lines: Vec<usize> = checked.diagnostics.iter().map(|d| d.location.as_ref().unwrap().line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "sorted by position: {lines:?}");
}

#[test]
fn numbers_written_for_text_keep_their_digits() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml"))
        .unwrap()
        .replace("schulnummer: \"12345678\"", "schulnummer: 04123456");
    let checked = check_bytes("plan.yaml", text.as_bytes());
    assert!(checked.diagnostics.is_empty(), "{}", render(&checked));
    assert_eq!(checked.value.unwrap().school.number, "04123456");
}

fn single_error(name: &str, bytes: &[u8]) -> mep::diag::Diagnostic {
    let checked = check_bytes(name, bytes);
    assert_eq!(checked.diagnostics.len(), 1, "{}", render(&checked));
    let d = checked.diagnostics.into_iter().next().unwrap();
    assert_eq!(d.severity, Severity::Fehler);
    d
}

#[test]
fn billion_laughs_is_refused() {
    let d = single_error("billion_laughs.yaml", &hostile("billion_laughs.yaml"));
    assert_eq!(d.code, "YAML-BUDGET");
    insta::assert_snapshot!(d.message);
}

#[test]
fn quadratic_alias_blowup_is_refused() {
    // A 10 000-item anchored list referenced 10 000 times: ~170 KB expanding to 10^8 nodes.
    let d = single_error("quadratic_aliases.yaml", &hostile("quadratic_aliases.yaml"));
    assert_eq!(d.code, "YAML-BUDGET");
    insta::assert_snapshot!(d.message);
}

#[test]
fn deep_flow_nesting_is_refused() {
    let d = single_error("deep_flow_100k.yaml", &hostile("deep_flow_100k.yaml"));
    assert!(d.code.as_str().starts_with("YAML-"), "{d:?}");
    assert_eq!(d.location.unwrap().line, 1);
    insta::assert_snapshot!(d.message);
}

#[test]
fn deep_block_nesting_is_refused() {
    // `- - - … x`: 100 000 nested block sequences on one line.
    let d = single_error("deep_block_100k.yaml", &hostile("deep_block_100k.yaml"));
    assert_eq!(d.code, "YAML-BUDGET");
    insta::assert_snapshot!(d.message);
}

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/hostile").join(name)).unwrap()
}

#[test]
fn file_over_the_cap_is_refused_before_parsing() {
    let yaml = format!("leitbild: \"{}\"\n", "x".repeat(6 * 1024 * 1024));
    let d = single_error("gross.yaml", yaml.as_bytes());
    assert_eq!(d.code, "YAML-GROESSE");
    insta::assert_snapshot!(d.message);
}

#[test]
fn huge_scalar_under_the_cap_is_not_a_crash() {
    let yaml = format!("leitbild: \"{}\"\n", "x".repeat(4 * 1024 * 1024));
    let checked = check_bytes("lang.yaml", yaml.as_bytes());
    assert!(checked.diagnostics.iter().any(|d| d.code == "FORMAT-PFLICHT"));
}

#[test]
fn non_mapping_roots_are_type_errors() {
    for text in ["- a\n- b\n", "42\n", "\"nur Text\"\n"] {
        let d = single_error("x.yaml", text.as_bytes());
        assert_eq!(d.code, "FORMAT-TYP", "{text}");
    }
}
