//! Correct German: the document's article and pronoun follow its name in every example,
//! for every document name, in Markdown and in the PDF template.

use mep::model::Dokumentname;
use mep::render::markdown::{self, Templates};
use mep::view::{Optionen, PlanView};

use crate::support::{check_file, root};

fn examples() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

/// Occurrences of `needle` that end at a word boundary (so `Medienkonzept` does not match `Medienkonzeptarbeit`).
fn contains_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(i, _)| !text[i + needle.len()..].chars().next().is_some_and(char::is_alphanumeric))
}

/// Phrases that are wrong for a document of this name.
fn wrong_phrases(name: Dokumentname) -> Vec<String> {
    // The pronoun the templates use for the document, in the wrong gender.
    let pronoun_wrong = if name == Dokumentname::Medienentwicklungsplan { "Es" } else { "Er" };
    let mut v: Vec<String> = ["umfasst", "gilt für"].iter().map(|verb| format!("{pronoun_wrong} {verb}")).collect();
    match name {
        Dokumentname::Medienentwicklungsplan => {
            v.extend(["Das Medienentwicklungsplan", "das Medienentwicklungsplan", "dieses Medienentwicklungsplan "].map(String::from));
        }
        Dokumentname::Medienkonzept | Dokumentname::Medienbildungskonzept => {
            let n = name.label();
            v.extend([format!("Der {n}"), format!("der {n}"), format!("dieses {n}s"), format!("{n}ss")]);
        }
        Dokumentname::Einsatzkonzept => {
            v.extend(
                [
                    "Der technisch-pädagogische",
                    "Der Technisch-pädagogisches",
                    "der technisch-pädagogische Einsatzkonzept",
                    "Das Technisch-pädagogisches",
                    "das Technisch-pädagogisches",
                    "dieses Technisch",
                    "Einsatzkonzeptss",
                ]
                .map(String::from),
            );
        }
    }
    v
}

#[test]
fn every_example_in_every_document_name_uses_the_right_article() {
    let mut checked_docs = 0;
    for path in examples() {
        let checked = check_file(&path);
        let base = checked.value.clone().expect("example loads");
        for &name in Dokumentname::ALL {
            let mut plan = base.clone();
            plan.document_name = Some(name);
            let view = PlanView::build(&plan, &checked.diagnostics, &Optionen { datei: "plan.yaml".to_owned(), entwurf: false });
            let g = &view.dokument.vokabular.grammatik;
            assert_eq!(g.key, name.key());
            let md = markdown::render(&view, &Templates::builtin()).expect("renders");
            for phrase in wrong_phrases(name) {
                assert!(!contains_word(&md, &phrase), "{} as {}: „{phrase}“ in\n{md}", path.display(), name.key());
            }
            // The name with its article is printed at least once, in the right gender.
            assert!(md.contains(g.nominativ_satzanfang) || md.contains(g.nominativ) || md.contains(g.genitiv), "{}", name.key());
            assert!(view.dokument.vokabular.einordnung.starts_with(g.nominativ_satzanfang), "{}", view.dokument.vokabular.einordnung);
            checked_docs += 1;
        }
    }
    assert!(checked_docs >= 16, "only {checked_docs} documents checked");
}

#[test]
fn pdf_template_takes_article_and_pronoun_from_the_view() {
    // Every file of the PDF template: the chapters live in files of their own.
    let mut typ = String::new();
    for entry in std::fs::read_dir(root().join("templates/typst")).unwrap() {
        typ += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
    }
    for bad in ["Der #view", "Das #view", "Er umfasst", "Es umfasst", "dieses #view"] {
        assert!(!typ.contains(bad), "the PDF template hard-codes „{bad}“");
    }
    // The summary's sentence takes the name with its article from the shared wording's grammar.
    assert!(typ.contains("dokument: grammatik.nominativ_satzanfang"), "the summary names the document through `grammatik`");
    assert!(typ.contains("#let grammatik = wortlaut.dokumentnamen.at("), "daten.typ reads the grammar from wortlaut.yaml");
}

#[test]
fn boilerplate_claims_only_what_the_plan_supports() {
    let checked = check_file(&root().join("examples/berufskolleg-nordrhein-westfalen.yaml"));
    let mut plan = checked.value.clone().unwrap();
    let with = PlanView::build(&plan, &[], &Optionen::default());
    assert!(with.dokument.vokabular.einordnung.contains("Medienkompetenzrahmen NRW"));
    plan.curriculum = None;
    let without = PlanView::build(&plan, &[], &Optionen::default());
    assert_eq!(without.dokument.vokabular.einordnung, "Das Medienkonzept ist Teil des Schulprogramms.");
    let md = markdown::render(&without, &Templates::builtin()).unwrap();
    assert!(!md.contains("beruht auf dem Medienkompetenzrahmen"), "{md}");
}

#[test]
fn land_names_bodies_and_school_types() {
    let ni = check_file(&root().join("examples/grundschule-niedersachsen.yaml"));
    let mut plan = ni.value.clone().unwrap();
    plan.approvals[0].body = mep::model::Gremium::Gesamtlehrerkonferenz;
    let view = PlanView::build(&plan, &[], &Optionen::default());
    assert_eq!(view.beschluesse[0].gremium.text, "Gesamtkonferenz");
    let nw = check_file(&root().join("examples/berufskolleg-nordrhein-westfalen.yaml"));
    let view = PlanView::build(nw.value.as_ref().unwrap(), &[], &Optionen::default());
    assert_eq!(view.schule.schulform.text, "Berufskolleg");
    assert_eq!(view.schule.schulform.key, "berufliche_schule");
    let md = markdown::render(&view, &Templates::builtin()).unwrap();
    assert!(md.contains("| Schulform | Berufskolleg |"), "{md}");
    let by = check_file(&root().join("examples/realschule-bayern.yaml"));
    let view = PlanView::build(by.value.as_ref().unwrap(), &[], &Optionen::default());
    assert!(view.beschluesse.iter().any(|b| b.gremium.text == "Schulforum"));
}
