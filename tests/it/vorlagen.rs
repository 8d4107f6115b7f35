//! Template packs: export, check, and a pack's logo and overrides in both documents.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::root;

fn mep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mep")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn export(dir: &Path) {
    let out = mep(&["vorlagen", "exportieren", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

fn check(dir: &Path) -> (i32, String) {
    let out = mep(&["vorlagen", "pruefen", dir.to_str().unwrap()]);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_exported_pack_has_no_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    assert!(dir.join("vorlagen.yaml").is_file() && dir.join("ziele.md").is_file() && dir.join("ziele.typ").is_file());
    let (code, err) = check(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("keine Befunde"), "{err}");
    // A second export into the same folder is refused: nothing is overwritten.
    assert_eq!(mep(&["templates", "export", dir.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn broken_packs_are_reported_with_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    // Old data version: located at its line in the manifest.
    edit(&dir.join("vorlagen.yaml"), "datenversion: \"1.1\"", "datenversion: \"0.9\"");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("VORLAGEN-PAKET") && err.contains("vorlagen.yaml:7:") && err.contains("Vorlagendaten 0.9"), "{err}");
    edit(&dir.join("vorlagen.yaml"), "datenversion: \"0.9\"", "datenversion: \"1.1\"");
    // An unknown file name: a chapter that replaces nothing, with a suggestion.
    std::fs::write(dir.join("zeile.md"), "x").unwrap();
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("zeile.md") && err.contains("Meinten Sie `ziele.md`?"), "{err}");
    std::fs::remove_file(dir.join("zeile.md")).unwrap();
    // A key typo in a PDF chapter: the render of the examples fails at the file and line.
    edit(&dir.join("deckblatt.typ"), "schule.anschrift", "schule.anschrif");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("deckblatt.typ:") && err.contains("anschrif"), "{err}");
    edit(&dir.join("deckblatt.typ"), "schule.anschrif", "schule.anschrift");
    assert_eq!(check(&dir).0, 0);
}

#[cfg(unix)]
#[test]
fn an_asset_outside_the_pack_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    std::fs::write(tmp.path().join("geheim.png"), b"\x89PNG\r\n\x1a\nsecret").unwrap();
    std::os::unix::fs::symlink(tmp.path().join("geheim.png"), dir.join("logo.png")).unwrap();
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("logo.png") && err.contains("außerhalb des Vorlagenordners"), "{err}");
}

#[test]
fn a_pack_changes_both_documents_and_shows_its_logo() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    std::fs::copy(root().join("tests/fixtures/vorlagen/logo.png"), dir.join("logo.png")).unwrap();
    edit(&dir.join("vorlagen.yaml"), "# logo: { datei: logo.png,", "logo: { datei: logo.png,");
    // One sentence of the shared wording, changed once, in both documents.
    edit(&dir.join("wortlaut.yaml"), "{schule} plant für den Zeitraum", "{schule} sieht für den Zeitraum");
    edit(&dir.join("zusammenfassung.md"), "### Ziele", "### Ziele der Schule");
    assert_eq!(check(&dir).0, 0);
    let plan = root().join("examples/realschule-bayern.yaml");
    let pdf = tmp.path().join("plan.pdf");
    let md = tmp.path().join("plan.md");
    for (format, out) in [("pdf", &pdf), ("md", &md)] {
        let o =
            mep(&["render", "--vorlagen", dir.to_str().unwrap(), "--format", format, plan.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    }
    // `pdfimages -list` (poppler-utils) prints two header lines, then one line per image.
    let list = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().expect("pdfimages (poppler-utils)");
    let images = String::from_utf8_lossy(&list.stdout).lines().skip(2).filter(|l| !l.trim().is_empty()).count();
    assert_eq!(images, 1, "the logo is the one image object of the PDF");
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(md.contains("Ziele der Schule") && md.contains("sieht für den Zeitraum"), "{md}");
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("sieht für den Zeitraum"), "the changed sentence is missing from the PDF text");
}

#[test]
fn a_folder_without_manifest_works_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("leitbild.md"), "## Eigenes Leitbild\n").unwrap();
    let plan = root().join("examples/realschule-bayern.yaml");
    let o = mep(&["render", "--templates", tmp.path().to_str().unwrap(), plan.to_str().unwrap(), "-o", "-"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Eigenes Leitbild"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("mep vorlagen exportieren"));
}

/// The gap sentence of the Markdown financing chapter: amounts carry U+2212 as their minus sign,
/// and the sentence names the missing amount without any sign.
#[test]
fn a_funding_gap_is_named_without_a_minus_sign() {
    // The NI example prices every item, so the gap is known (with an open price it would be "noch nicht bekannt").
    let yaml = std::fs::read_to_string(root().join("examples/grundschule-niedersachsen.yaml")).unwrap();
    let short = yaml.replacen("beantragt_eur: 106000", "beantragt_eur: 104765.50", 1);
    let tmp = tempfile::tempdir().unwrap();
    let plan = tmp.path().join("plan.yaml");
    std::fs::write(&plan, short).unwrap();
    let o = mep(&["render", "--entwurf", plan.to_str().unwrap(), "-o", "-"]);
    let md = String::from_utf8_lossy(&o.stdout);
    let sentence = md.lines().find(|l| l.contains("es fehlen")).unwrap_or_else(|| panic!("{md}"));
    assert!(sentence.contains("es fehlen 1.234,50") && !sentence.contains('\u{2212}') && !sentence.contains('-'), "{sentence}");
}

/// The schema nodes `node` stands for: `$ref` followed, `anyOf`/`oneOf`/`allOf` alternatives flattened.
fn alternatives<'a>(node: &'a serde_json::Value, schema: &'a serde_json::Value) -> Vec<&'a serde_json::Value> {
    if let Some(name) = node.get("$ref").and_then(|r| r.as_str()).and_then(|r| r.strip_prefix("#/$defs/")) {
        return alternatives(&schema["$defs"][name], schema);
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(|l| l.as_array()) {
            return list.iter().flat_map(|n| alternatives(n, schema)).collect();
        }
    }
    vec![node]
}

/// Whether the view schema has the key path `path` below `node`.
fn has_path(node: &serde_json::Value, schema: &serde_json::Value, path: &[&str]) -> bool {
    let Some((first, rest)) = path.split_first() else { return true };
    alternatives(node, schema)
        .into_iter()
        .any(|alt| alt.get("properties").and_then(|p| p.get(*first)).is_some_and(|n| has_path(n, schema, rest)))
}

/// Every `root.a.b.c` chain in `text` (comments left out): the root's prefix and the segments,
/// up to a method call (`.len()`) or an index.
fn chains(text: &str, roots: &[(&str, Vec<&str>)], comment: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with(comment)) {
        let chars: Vec<char> = line.chars().collect();
        for (root, prefix) in roots {
            let r: Vec<char> = root.chars().collect();
            for start in 0..chars.len() {
                let before_ok = start == 0 || !(ident(chars[start - 1]) || chars[start - 1] == '.' || chars[start - 1] == '"');
                if !before_ok || !chars[start..].starts_with(&r) || chars.get(start + r.len()).is_some_and(|c| ident(*c)) {
                    continue;
                }
                let mut path: Vec<String> = prefix.iter().map(|s| (*s).to_owned()).collect();
                let mut i = start + r.len();
                while chars.get(i) == Some(&'.') {
                    let from = i + 1;
                    let mut end = from;
                    while chars.get(end).is_some_and(|c| ident(*c)) {
                        end += 1;
                    }
                    if end == from || chars.get(end) == Some(&'(') {
                        break;
                    }
                    path.push(chars[from..end].iter().collect::<String>().trim_end_matches('-').to_owned());
                    i = end + usize::from(chars.get(end) == Some(&'?'));
                }
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_data_key_the_built_in_templates_use_is_in_the_view_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schemas/output/view.schema.json")).unwrap()).unwrap();
    assert!(has_path(&schema, &schema, &["schule", "anschrift"]) && !has_path(&schema, &schema, &["schule", "anschrif"]));
    let typst_roots: Vec<(&str, Vec<&str>)> = vec![
        ("view", vec![]),
        ("kennzahlen", vec!["kennzahlen"]),
        ("schule", vec!["schule"]),
        ("vokabular", vec!["dokument", "vokabular"]),
        ("grammatik", vec!["dokument", "vokabular", "grammatik"]),
    ];
    let view_keys: Vec<String> = schema["properties"].as_object().unwrap().keys().cloned().collect();
    let md_roots: Vec<(&str, Vec<&str>)> = view_keys.iter().map(|k| (k.as_str(), vec![k.as_str()])).collect();
    let mut checked = 0;
    let mut missing = Vec::new();
    for (name, text) in mep::render::pdf::templates::EMBEDDED.iter().filter(|(n, _)| *n != "review.typ") {
        for path in chains(text, &typst_roots, "//") {
            checked += 1;
            let p: Vec<&str> = path.iter().map(String::as_str).collect();
            if !has_path(&schema, &schema, &p) {
                missing.push(format!("{name}: {}", p.join(".")));
            }
        }
    }
    for (name, text) in mep::render::markdown::EMBEDDED.iter().filter(|(n, _)| !n.starts_with("review/")) {
        for path in chains(text, &md_roots, "{#") {
            checked += 1;
            let p: Vec<&str> = path.iter().map(String::as_str).collect();
            if !has_path(&schema, &schema, &p) {
                missing.push(format!("{name}: {}", p.join(".")));
            }
        }
    }
    assert!(checked > 200, "only {checked} key paths found");
    assert!(missing.is_empty(), "keys the templates use that the view schema lacks: {missing:#?}");
}

/// Text of a PDF (poppler's `pdftotext`), hyphenation at line ends undone, whitespace collapsed.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).replace("-\n", "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The minimal plan without evaluation and existing devices: the chapters print their "nothing yet" sentences.
fn plan_with_gaps(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    let cut = text.find("evaluation:\n").unwrap();
    let text = format!("{}evaluation: []\n", &text[..cut]);
    let text = text.replacen("  geraete:\n    - { typ: beamer, anzahl: 6, anschaffungsjahr: 2015 }\n", "  geraete: []\n", 1);
    let path = dir.join("luecken.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn shared_sentences_read_the_same_in_markdown_and_pdf() {
    let wording: serde_json::Value =
        serde_json::to_value(mep::render::pack::wortlaut::read("w", mep::render::pack::wortlaut::EMBEDDED.as_bytes()).value.unwrap())
            .unwrap();
    let sentences: Vec<String> = wording["leer"].as_object().unwrap().values().map(|v| v.as_str().unwrap().to_owned()).collect();
    let tmp = tempfile::tempdir().unwrap();
    let mut seen = 0;
    let plans = [
        "examples/berufskolleg-nordrhein-westfalen.yaml",
        "examples/grundschule-niedersachsen.yaml",
        "examples/gymnasium-baden-wuerttemberg.yaml",
        "examples/realschule-bayern.yaml",
        "tests/fixtures/valid/minimal.yaml",
    ];
    let gaps = plan_with_gaps(tmp.path());
    for plan in plans.iter().map(|p| root().join(p)).chain([gaps]) {
        let path = plan.clone();
        let plan = plan.display();
        let pdf = tmp.path().join("plan.pdf");
        let md = mep(&["render", "--entwurf", path.to_str().unwrap(), "-o", "-"]);
        let md = String::from_utf8_lossy(&md.stdout).into_owned();
        let o = mep(&["render", "--entwurf", "--format", "pdf", path.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let text = pdf_text(&pdf);
        for s in &sentences {
            assert_eq!(md.contains(s.as_str()), text.contains(s.as_str()), "{plan}: „{s}“ in only one of Markdown and PDF");
            seen += usize::from(md.contains(s.as_str()));
        }
    }
    assert!(seen >= 2, "the plans show only {seen} shared sentences");
}

#[test]
fn a_pack_changes_a_shared_sentence_once_for_both_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    edit(&dir.join("wortlaut.yaml"), "Es ist noch keine Evaluation geplant.", "Die Evaluation folgt nach der Gesamtkonferenz.");
    let plan = plan_with_gaps(tmp.path());
    let pdf = tmp.path().join("plan.pdf");
    let md = mep(&["render", "--vorlagen", dir.to_str().unwrap(), "--entwurf", plan.to_str().unwrap(), "-o", "-"]);
    let o = mep(&[
        "render",
        "--vorlagen",
        dir.to_str().unwrap(),
        "--entwurf",
        "--format",
        "pdf",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&md.stdout).contains("Die Evaluation folgt nach der Gesamtkonferenz."));
    assert!(pdf_text(&pdf).contains("Die Evaluation folgt nach der Gesamtkonferenz."));
}
