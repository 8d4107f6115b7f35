//! Writing back keeps the file a person's file: every kind of edit on a golden file with
//! comments, blank lines, flow collections, quotes and block text, compared byte for byte,
//! with LF and with CRLF line breaks. `MEP_UPDATE=1` rewrites the expected files (review them).

use mep::edit::form::schema;
use mep::edit::path::{self, Seg};
use mep::edit::yaml::{self, Op};
use mep::load::Limits;
use serde_json::{Value, json};

use crate::support::root;

fn p(s: &str) -> Vec<Seg> {
    path::parse(s).unwrap()
}

/// Every kind of edit: name, change.
fn edits() -> Vec<(&'static str, Op)> {
    vec![
        ("zahl", Op::Set(p("schule.schueler"), json!(230))),
        ("einfache_anfuehrungszeichen", Op::Set(p("schule.name"), json!("Grundschule am Markt & Co"))),
        ("wort_no", Op::Set(p("schultraeger.name"), json!("no"))),
        ("fuehrende_null", Op::Set(p("schultraeger.name"), json!("0123"))),
        ("deutsche_zahl_als_text", Op::Set(p("ziele[1].beschreibung"), json!("2.480"))),
        ("platzhalter_kommentar", Op::Set(p("schule.lehrkraefte"), json!(15))),
        ("textblock", Op::Set(p("schule.profil"), json!("Zweizügig.\nMit Ganztag und AG.\n"))),
        ("einzeilig_zu_block", Op::Set(p("ziele[0].beschreibung"), json!("Zeile 1\nZeile 2"))),
        ("neuer_schluessel_in_reihenfolge", Op::Set(p("schule.klassen"), json!(8))),
        ("neuer_abschnitt", Op::Set(p("leitbild"), json!("Lernen mit Medien."))),
        ("neu_in_geschweiften_klammern", Op::Set(p("bedarf[1].nutzung"), json!("verwaltung"))),
        ("wert_in_geschweiften_klammern", Op::Set(p("planungszeitraum.bis"), json!("2030-07-31"))),
        ("liste_in_eckigen_klammern", Op::Set(p("massnahmen[0].ziele"), json!(["Z1", "Z2"]))),
        ("schluessel_entfernen", Op::Remove(p("bedarf[0].einzelpreis_eur"))),
        ("aus_klammern_entfernen", Op::Remove(p("bedarf[1].einzelpreis_eur"))),
        ("eintrag_anhaengen", Op::Append(p("ziele"), json!({"id": "Z3"}))),
        ("eintrag_loeschen", Op::Remove(p("ziele[0]"))),
        ("eintrag_verschieben", Op::SwapWithNext(p("ziele"), 0)),
        ("eintrag_an_klammerliste", Op::Append(p("massnahmen"), json!({"id": "M2", "ziele": ["Z1"]}))),
        ("verschachtelt_anlegen", Op::Set(p("bestand.netz.internet_mbit"), json!(250))),
        ("letzten_eintrag_loeschen", Op::Remove(p("massnahmen[0]"))),
    ]
}

fn run(text: &str, op: &Op) -> String {
    let limits = Limits::default();
    let value: Value = mep::load::yaml_value(text, &limits).unwrap();
    let form = schema::plan();
    let order = |s: &[Seg]| form.order(s);
    let (new_text, new_value) = yaml::apply(text, &value, op, &order, &limits).unwrap_or_else(|e| panic!("{op:?}: {e}"));
    assert_eq!(Some(new_value), yaml::intended(&value, op, &order));
    new_text
}

#[test]
fn every_kind_of_edit_keeps_the_rest_of_the_file() {
    let dir = root().join("tests/fixtures/edit");
    let input = std::fs::read_to_string(dir.join("plan.yaml")).unwrap();
    let update = std::env::var_os("MEP_UPDATE").is_some();
    let mut stale = Vec::new();
    for (name, op) in edits() {
        let got = run(&input, &op);
        let file = dir.join("expected").join(format!("{name}.yaml"));
        if update {
            std::fs::write(&file, &got).unwrap();
        }
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        if got != want {
            stale.push(name);
            continue;
        }
        // The same edit on the file with CRLF line breaks gives the expected file with CRLF.
        let crlf = run(&input.replace('\n', "\r\n"), &op);
        assert_eq!(crlf, want.replace('\n', "\r\n"), "{name} with CRLF");
        // Everything the edit did not touch is still there: every comment line.
        for line in input.lines().filter(|l| l.trim_start().starts_with('#')) {
            assert!(got.contains(line), "{name} lost the comment {line:?}");
        }
    }
    assert!(stale.is_empty(), "differs from tests/fixtures/edit/expected: {stale:?} (MEP_UPDATE=1 rewrites them; review the diff)");
}

#[test]
fn a_change_that_would_read_back_differently_is_refused() {
    // An anchored value changes every alias of it: the comparison finds that and refuses.
    let text = "format: 1\nschule:\n  name: &n Schule\nschultraeger:\n  name: *n\n";
    let limits = Limits::default();
    let value = mep::load::yaml_value(text, &limits).unwrap();
    let form = schema::plan();
    let order = |s: &[Seg]| form.order(s);
    let err = yaml::apply(text, &value, &Op::Set(p("schultraeger.name"), json!("Stadt")), &order, &limits).unwrap_err();
    assert!(err.contains("Textansicht"), "{err}");
    let err = yaml::apply(text, &value, &Op::Set(p("schule.name"), json!("Neu")), &order, &limits).unwrap_err();
    assert!(err.contains("nicht sicher"), "{err}");
}

#[test]
fn values_read_back_as_typed() {
    let limits = Limits::default();
    let base = "format: 1\nschule:\n  name: X\n";
    for s in [
        "no",
        "yes",
        "on",
        "0123",
        "2.480",
        "true",
        "null",
        "~",
        "12",
        "1e3",
        "a: b",
        "x #y",
        "- z",
        "[1]",
        "{a}",
        "'q'",
        "\"d\"",
        "Ä ö ü ß €",
        "tab\there",
        "zwei\nZeilen",
        "  führend",
        "ende  ",
        "#",
        "%x",
        "@x",
        "`x",
        "!x",
        "&x",
        "*x",
        "|",
        ">",
        "?",
        ",",
        "\u{85}x",
    ] {
        let text = run(base, &Op::Set(p("schule.name"), json!(s)));
        let v = mep::load::yaml_value(&text, &limits).unwrap();
        assert_eq!(v["schule"]["name"], json!(s), "{s:?} written as {text:?}");
    }
}
