//! `mep diff`: semantic comparison of two plan versions or Schulträger files, and the rounds of `review --vorher`.

use std::path::PathBuf;

use mep::diff::{self, Diff, DocKind, ItemKind, Version};
use mep::load::{self, Limits};
use mep::profile::Choice;
use mep::render::diff as render;
use mep::review::rounds::{self, RoundKind, Snapshot};

use crate::support::{relative, root};

fn fixture(pair: &str, side: &str) -> PathBuf {
    root().join("tests/fixtures/diff").join(pair).join(format!("{side}.yaml"))
}

fn checked(path: &PathBuf) -> mep::Checked {
    let bytes = std::fs::read(path).unwrap();
    mep::check_input(&relative(path), &bytes, &Limits::default(), &Choice::default())
}

/// Compares the two plans of a fixture pair the way `mep diff` does.
fn plan_diff(pair: &str) -> Diff {
    let (a, b) = (checked(&fixture(pair, "alt")), checked(&fixture(pair, "neu")));
    let va = Version { file: a.source.name(), value: a.value.as_ref().expect("old loads"), diagnostics: &a.diagnostics };
    let vb = Version { file: b.source.name(), value: b.value.as_ref().expect("new loads"), diagnostics: &b.diagnostics };
    diff::plans(&va, &vb)
}

fn traeger_diff(pair: &str) -> Diff {
    let load = |side: &str| {
        let path = fixture(pair, side);
        load::load_traeger(&relative(&path), &std::fs::read(&path).unwrap(), &Limits::default())
    };
    let (a, b) = (load("alt"), load("neu"));
    let va = Version { file: a.source.name(), value: a.value.as_ref().expect("old loads"), diagnostics: &a.diagnostics };
    let vb = Version { file: b.source.name(), value: b.value.as_ref().expect("new loads"), diagnostics: &b.diagnostics };
    diff::traeger(&va, &vb)
}

/// Every output of one comparison as one snapshot: terminal, Markdown, JSON.
fn all_outputs(d: &Diff) -> String {
    format!("--- text\n{}\n--- md\n{}\n--- json\n{}", render::text(d, false), render::markdown(d), render::json(d).unwrap())
}

#[test]
fn reordered_keys_comments_and_reflowed_text_are_no_difference() {
    let d = plan_diff("umgestellt");
    assert!(d.equal, "{:#?}", d.fields);
    assert!(d.items.is_empty());
    insta::assert_snapshot!(all_outputs(&d));
}

#[test]
fn a_renamed_id_is_a_rename_and_money_and_findings_follow() {
    let d = plan_diff("umbenannt");
    assert!(!d.equal);
    let renamed: Vec<_> = d.items_of(ItemKind::Umbenannt).collect();
    assert_eq!(renamed.len(), 1);
    assert_eq!((renamed[0].old_key.as_deref(), renamed[0].key.as_str()), (Some("M2"), "M3"));
    assert!(d.items_of(ItemKind::Neu).next().is_none() && d.items_of(ItemKind::Entfernt).next().is_none(), "no add/remove pair");
    let changed = d.items_of(ItemKind::Geaendert).find(|i| i.key == "B3").expect("B3 changed");
    assert_eq!(changed.fields[0].path, "anzahl");
    let requested = d.money.iter().find(|m| m.label == "Beantragte Fördermittel").unwrap();
    assert_eq!((requested.before.unwrap().cents(), requested.after.unwrap().cents()), (6_300_000, 5_580_000));
    assert_eq!(requested.difference.cents(), -720_000);
    assert!(!d.old.ready && d.new.ready, "Entwurf → bereit");
    let resolved: Vec<&str> = d.findings.resolved.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(resolved, ["DP-MOBIL-OBERGRENZE", "DP-FINANZIERUNG-SUMME"]);
    assert!(d.findings.new.is_empty());
    let leitbild = d.fields.iter().find(|f| f.path == "leitbild").expect("leitbild changed");
    assert!(leitbild.words.as_ref().is_some_and(|w| w.iter().any(|x| x.text == "gezielt")), "word-level diff");
    insta::assert_snapshot!(all_outputs(&d));
}

#[test]
fn a_changed_schulnummer_is_one_changed_field() {
    let d = plan_diff("schulnummer");
    assert_eq!(d.fields.len(), 1);
    assert_eq!(d.fields[0].path, "schule.schulnummer");
    insta::assert_snapshot!(all_outputs(&d));
}

#[test]
fn a_moved_budget_and_schools_added_and_removed_in_the_traeger_file() {
    let d = traeger_diff("budget");
    assert_eq!(d.kind, DocKind::Traeger);
    assert_eq!(d.money[0].difference.cents(), 5_000_000);
    let added: Vec<&str> = d.items_of(ItemKind::Neu).map(|i| i.key.as_str()).collect();
    let removed: Vec<&str> = d.items_of(ItemKind::Entfernt).map(|i| i.key.as_str()).collect();
    assert_eq!((added, removed), (vec!["10005"], vec!["10001"]));
    insta::assert_snapshot!(all_outputs(&d));
}

#[test]
fn a_plan_compared_with_itself_is_equal() {
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let c = checked(&path);
            let v = Version { file: c.source.name(), value: c.value.as_ref().unwrap(), diagnostics: &c.diagnostics };
            let d = diff::plans(&v, &v);
            assert!(d.equal && d.findings.resolved.is_empty() && d.findings.new.is_empty(), "{}", path.display());
        }
    }
}

#[test]
fn markdown_escapes_user_text() {
    let d = plan_diff("umbenannt");
    let mut hostile = d.clone();
    hostile.fields[0].before = Some(serde_json::Value::String("<script>*x*</script> [a](b)".to_owned()));
    let md = render::markdown(&hostile);
    assert!(!md.contains("<script>") && !md.contains("[a](b)"), "{md}");
}

#[test]
fn rounds_match_by_schulnummer_else_by_file_name_and_report_a_changed_number() {
    let snap = |file: &str, number: &str| Snapshot {
        file: file.to_owned(),
        number: Some(number.to_owned()),
        name: Some(format!("Schule {number}")),
        status: mep::review::Status::Ok,
        counts: mep::diag::Counts::default(),
        requested: None,
        own_share: None,
        investment: None,
        findings: std::collections::BTreeSet::new(),
    };
    let before = [snap("alt/a.yaml", "1"), snap("alt/b.yaml", "2"), snap("alt/c.yaml", "3")];
    let after = [snap("neu/x.yaml", "1"), snap("neu/b.yaml", "20"), snap("neu/d.yaml", "4")];
    let r = rounds::compare("alt", &before, &after);
    let kinds: Vec<(Option<&str>, RoundKind)> = r.schools.iter().map(|s| (s.number.after.as_deref(), s.change)).collect();
    assert_eq!(
        kinds,
        [(Some("1"), RoundKind::Unveraendert), (Some("20"), RoundKind::Geaendert), (Some("4"), RoundKind::Neu), (None, RoundKind::Fehlt)]
    );
    assert!(r.schools[1].number_changed(), "matched by file name, the number changed");
}

#[test]
fn the_previous_round_from_json_equals_the_previous_round_from_its_folder() {
    let dir = PathBuf::from("examples/schultraeger-lindenau");
    let files: Vec<PathBuf> =
        mep::review::discover(std::slice::from_ref(&dir), Some(&dir.join("traeger.yaml"))).expect("example set exists");
    let rows = mep::review::check_all(&files, &Limits::default(), &Choice::default(), &|| {});
    let review = mep::review::roll_up(None, rows, &Choice::default());
    let from_rows: Vec<Snapshot> = review.rows.iter().map(Snapshot::of_row).collect();
    let json = mep::render::review::json(&review).unwrap();
    let from_json = rounds::from_json(&json, mep::render::review::JSON_VERSION).unwrap();
    assert_eq!(from_rows, from_json);
    assert!(rounds::from_json("{\"version\": 1, \"rows\": []}", mep::render::review::JSON_VERSION).is_err());
}

/// Round 2 of the example set against round 1 (its folder), as `mep review --vorher` builds it.
fn second_round() -> mep::review::Review {
    let traeger = PathBuf::from("examples/schultraeger-lindenau/traeger.yaml");
    let review = |dir: &str| {
        let dir = PathBuf::from(dir);
        let files = mep::review::discover(std::slice::from_ref(&dir), Some(&traeger)).expect("round exists");
        let rows = mep::review::check_all(&files, &Limits::default(), &Choice::default(), &|| {});
        let loaded = load::load_traeger("traeger.yaml", &std::fs::read(&traeger).unwrap(), &Limits::default());
        mep::review::roll_up(Some(loaded), rows, &Choice::default())
    };
    let first = review("examples/schultraeger-lindenau");
    let mut second = review("tests/fixtures/diff/runde-2");
    let before: Vec<Snapshot> = first.rows.iter().map(Snapshot::of_row).collect();
    let after: Vec<Snapshot> = second.rows.iter().map(Snapshot::of_row).collect();
    second.previous = Some(rounds::compare("runde-1", &before, &after));
    second
}

#[test]
fn the_changes_of_a_round_appear_in_every_review_format() {
    let r = second_round();
    let rounds = r.previous.as_ref().unwrap();
    assert_eq!((rounds.count(RoundKind::Geaendert), rounds.count(RoundKind::Unveraendert)), (2, 1));
    let text = mep::render::review::text(&r);
    let md = mep::render::review::markdown(&r, &mep::render::markdown::Templates::builtin()).unwrap();
    let csv = String::from_utf8(mep::render::review::csv_changes(&r)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&mep::render::review::json(&r).unwrap()).unwrap();
    assert_eq!(json["previous"]["schools"].as_array().map(Vec::len), Some(3));
    assert_eq!(csv.lines().count(), 4, "header and one row per school");
    let book = mep::render::xlsx::review(&r, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    std::fs::write(&path, book).unwrap();
    let list = std::process::Command::new("unzip").arg("-p").arg(&path).arg("xl/workbook.xml").output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains("name=\"Änderungen\""), "the workbook has the sheet „Änderungen“");
    for out in [&text, &md] {
        let out = out.replace('\u{a0}', " ");
        assert!(out.contains("Oberschule Mitte") && out.contains("63.000,00 € → 55.800,00 €"), "{out}");
    }
    insta::assert_snapshot!(format!("--- text\n{text}\n--- md\n{md}\n--- csv\n{}", csv.replace("\r\n", "\n")));
}
