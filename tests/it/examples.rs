//! Every bundled example is a complete plan without errors; the Schulträger example set has its roles.

use crate::support::{check_file, render, root};

#[test]
fn examples_validate_without_errors() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            seen += 1;
            let checked = check_file(&path);
            assert!(!mep::has_errors(&checked.diagnostics), "{}:\n{}", path.display(), render(&checked));
            assert!(checked.value.is_some());
            // Their texts are within the limits and every character has a glyph in the PDF.
            let text =
                checked.diagnostics.iter().filter(|d| d.code.as_str().starts_with("TEXT-")).map(|d| d.message.as_str()).collect::<Vec<_>>();
            assert!(text.is_empty(), "{}: {text:?}", path.display());
        }
    }
    assert!(seen >= 3, "expected at least three examples, found {seen}");
}

/// The Schulträger example set: plans of three Schulformen in one Land under one Schulträger,
/// exactly one with findings, and its `traeger.yaml`, which the set passes.
#[test]
fn the_schultraeger_set_has_its_roles() {
    use mep::load::Limits;
    use mep::profile::Choice;
    let dir = root().join("examples/schultraeger-lindenau");
    let traeger_path = dir.join("traeger.yaml");
    let traeger = mep::load::load_traeger("traeger.yaml", &std::fs::read(&traeger_path).unwrap(), &Limits::default());
    assert!(traeger.diagnostics.is_empty(), "{:?}", traeger.diagnostics);
    let t = traeger.value.as_ref().expect("traeger.yaml loads");
    let files = mep::review::discover(std::slice::from_ref(&dir), Some(&traeger_path)).unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    let mut with_findings = Vec::new();
    for path in &files {
        let checked = check_file(path);
        let plan = checked.value.as_ref().unwrap_or_else(|| panic!("{} loads", path.display()));
        assert_eq!((plan.land, plan.programme), (t.land, t.programme), "{}", path.display());
        assert!(t.schools.iter().any(|s| s.number == plan.school.number), "{} is expected by the Schulträger", path.display());
        kinds.insert(plan.school.kind);
        if !checked.diagnostics.is_empty() {
            with_findings.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(kinds.len() >= 3, "three Schulformen: {kinds:?}");
    assert_eq!(with_findings, ["oberschule-mitte.yaml"]);
    let rows = mep::review::check_all(&files, &Limits::default(), &Choice::default(), &|| {});
    let review = mep::review::roll_up(Some(traeger), rows, &Choice::default());
    assert!(review.traeger_findings.iter().all(|d| d.severity != mep::diag::Severity::Fehler), "{:?}", review.traeger_findings);
    // Without --traeger, the Träger file lying among the plans is recognised, not reviewed as a broken plan.
    let all = mep::review::discover(std::slice::from_ref(&dir), None).unwrap();
    let rows = mep::review::check_all(&all, &Limits::default(), &Choice::default(), &|| {});
    let recognised: Vec<&str> =
        rows.iter().filter(|r| mep::review::is_traeger_file(r, &Limits::default())).map(|r| r.file.as_str()).collect();
    assert_eq!(recognised.len(), 1);
    assert!(recognised[0].ends_with("traeger.yaml"));
}
