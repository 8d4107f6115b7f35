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
    // Each chapter names the data it reads, in a comment that prints nothing: the exported pack
    // writes the same Markdown as the built-in templates.
    for (file, line) in [("ziele.md", "   ziele[].beschreibung – Beschreibung."), ("ziele.typ", "//   ziele[].indikator – Indikator.")]
    {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(text.lines().any(|l| l == line), "{file} lacks {line:?}");
    }
    let plan = root().join("examples/gymnasium-baden-wuerttemberg.yaml");
    let own = mep(&["erstellen", "--vorlagen", dir.to_str().unwrap(), plan.to_str().unwrap(), "-o", "-"]);
    let builtin = mep(&["erstellen", plan.to_str().unwrap(), "-o", "-"]);
    assert!(own.stdout == builtin.stdout && !own.stdout.is_empty(), "the exported pack changes the Markdown");
    // A second export into the same folder is refused: nothing is overwritten.
    assert_eq!(mep(&["templates", "export", dir.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn broken_packs_are_reported_with_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    // Old data version: located at its line in the manifest.
    edit(&dir.join("vorlagen.yaml"), "datenversion: \"1.2\"", "datenversion: \"0.9\"");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("VORLAGEN-PAKET") && err.contains("vorlagen.yaml:7:") && err.contains("Vorlagendaten 0.9"), "{err}");
    edit(&dir.join("vorlagen.yaml"), "datenversion: \"0.9\"", "datenversion: \"1.2\"");
    // An unknown file name: a chapter that replaces nothing, with a suggestion.
    std::fs::write(dir.join("zeile.md"), "x").unwrap();
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("zeile.md") && err.contains("Meinten Sie `ziele.md`?"), "{err}");
    std::fs::remove_file(dir.join("zeile.md")).unwrap();
    // A Markdown syntax error: located once, before any example is set.
    let line = std::fs::read_to_string(dir.join("ziele.md")).unwrap().lines().position(|l| l == "{% if ziele -%}").unwrap() + 1;
    edit(&dir.join("ziele.md"), "{% if ziele -%}", "{% if ziele -%");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("MARKDOWN-VORLAGE") && err.contains(&format!("ziele.md:{line}:")) && !err.contains("examples/"), "{err}");
    edit(&dir.join("ziele.md"), "{% if ziele -%", "{% if ziele -%}");
    // An unknown filter, located the same way.
    edit(&dir.join("ziele.md"), "{{ z.indikator | sonst }}", "{{ z.indikator | sonts }}");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Unknown filter `sonts`") && err.contains(&format!("ziele.md:{}:", line + 4)), "{err}");
    edit(&dir.join("ziele.md"), "{{ z.indikator | sonts }}", "{{ z.indikator | sonst }}");
    // Key typos in a PDF and a Markdown chapter: found without rendering, at file, line and column.
    let (typ, md) = ("(b.anschrift, schule.anschrift)", "{{ betrieb.wartungsvertrag.text }}");
    let line = std::fs::read_to_string(dir.join("deckblatt.typ")).unwrap().lines().position(|l| l.contains(typ)).unwrap() + 1;
    edit(&dir.join("deckblatt.typ"), typ, "(b.anschrift, schule.anschrif)");
    edit(&dir.join("betrieb.md"), md, "{{ betrieb.wartungsvertag.text }}");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("VORLAGEN-SCHLUESSEL") && err.contains("Meinten Sie `anschrift`?"), "{err}");
    assert!(err.contains(&format!("deckblatt.typ:{line}:")), "{err}");
    assert!(err.contains("betrieb.md:") && err.contains("Meinten Sie `wartungsvertrag`?"), "{err}");
    assert!(!err.contains("nicht setzen"), "the examples are not rendered with a broken pack: {err}");
    edit(&dir.join("deckblatt.typ"), "(b.anschrift, schule.anschrif)", typ);
    edit(&dir.join("betrieb.md"), "{{ betrieb.wartungsvertag.text }}", md);
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
    edit(&dir.join("vorlagen.yaml"), "# logo: { datei: logo.png,", "logo: { datei: logo.png,");
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("logo.png") && err.contains("außerhalb des Ordners"), "{err}");
    // Located twice: at the file, and where the manifest names it.
    let line = std::fs::read_to_string(dir.join("vorlagen.yaml")).unwrap().lines().position(|l| l.starts_with("logo:")).unwrap() + 1;
    assert!(err.contains("logo.png:1:1") && err.contains(&format!("vorlagen.yaml:{line}:16")), "{err}");
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
    // The review overview shows the pack's logo too.
    let review = tmp.path().join("uebersicht.pdf");
    let o = mep(&[
        "uebersicht",
        "--vorlagen",
        dir.to_str().unwrap(),
        "--format",
        "pdf",
        plan.to_str().unwrap(),
        "-o",
        review.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let list = std::process::Command::new("pdfimages").arg("-list").arg(&review).output().expect("pdfimages (poppler-utils)");
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().skip(2).filter(|l| !l.trim().is_empty()).count(), 1, "logo in the review");
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

/// The realschule example with two extra chapters, one of them with HTML and typst markup in its text.
fn plan_with_extra_chapters(dir: &Path, after: &str) -> std::path::PathBuf {
    let mut text = std::fs::read_to_string(root().join("examples/realschule-bayern.yaml")).unwrap();
    text.push_str(&format!(
        "zusatzkapitel:\n  - titel: Inklusion und Barrierefreiheit\n    nach: {after}\n    text: |\n      \
         Alle lernen mit. <script>alert(1)</script> #read(\"/etc/passwd\") ]\n\n      - Vorlesefunktion\n  \
         - titel: Ausblick\n    nach: evaluation\n    text: Der Plan wird 2028 fortgeschrieben.\n"
    ));
    let path = dir.join("zusatz.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn extra_chapters_stand_where_the_plan_puts_them_in_both_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan_with_extra_chapters(tmp.path(), "ziele");
    let md = mep(&["erstellen", plan.to_str().unwrap(), "-o", "-"]);
    assert_eq!(md.status.code(), Some(0), "{}", String::from_utf8_lossy(&md.stderr));
    let md = String::from_utf8_lossy(&md.stdout).into_owned();
    let at = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("{needle} missing"));
    assert!(at("## 5 Ziele") < at("## Inklusion und Barrierefreiheit") && at("## Inklusion") < at("## 6 "), "after chapter 5");
    assert!(at("## 14 ") < at("## Ausblick"), "after chapter 14");
    assert!(md.contains("&lt;script&gt;") && !md.contains("<script>"), "raw HTML is neutralised");
    let pdf = tmp.path().join("zusatz.pdf");
    let o = mep(&["erstellen", "--format", "pdf", plan.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&pdf);
    let body = &text[text.rfind("Inklusion und Barrierefreiheit").unwrap()..];
    assert!(
        body.starts_with("Inklusion und Barrierefreiheit Alle lernen mit. <script>alert(1)</script> #read(\"/etc/passwd\") ]"),
        "{body:.200}"
    );
    assert!(text.contains("Ausblick Der Plan wird 2028 fortgeschrieben."));
    // The numbers of the Land's chapters stay: the extra chapter has none.
    assert!(text.contains("6 Säule 1: Mediencurriculum"));

    // A pack decides how they look.
    let dir = tmp.path().join("paket");
    export(&dir);
    edit(&dir.join("zusatzkapitel.md"), "## {{ k.titel }}", "## Ergänzung: {{ k.titel }}");
    let o = mep(&["erstellen", "--vorlagen", dir.to_str().unwrap(), plan.to_str().unwrap(), "-o", "-"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("## Ergänzung: Inklusion und Barrierefreiheit"));
}

#[test]
fn an_unknown_chapter_for_an_extra_chapter_is_located_with_the_valid_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan_with_extra_chapters(tmp.path(), "zeile");
    let o = mep(&["pruefen", plan.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(err.contains("zusatzkapitel[0].nach") && err.contains("zusatz.yaml:") && err.contains("Meinten Sie `ziele`?"), "{err}");
    assert!(err.contains("ist_analyse, ziele, mediencurriculum"), "{err}");
}

/// The fenced code blocks of a Markdown file, in order: (language, text).
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (line.strip_prefix("```"), open.take()) {
            (Some(lang), None) => open = Some((lang.to_owned(), String::new())),
            (Some(_), Some(block)) => out.push(block),
            (None, Some((lang, mut text))) => {
                text.push_str(line);
                text.push('\n');
                open = Some((lang, text));
            }
            (None, None) => {}
        }
    }
    out
}

/// docs/vorlagen.md, step by step: export, change a shared sentence, logo and colours, an extra
/// chapter and its look, check, render. The YAML comes from the page itself.
#[test]
fn the_tutorial_works_as_written() {
    let page = std::fs::read_to_string(root().join("docs/vorlagen.md")).unwrap();
    let blocks = code_blocks(&page);
    let yaml: Vec<&str> = blocks.iter().filter(|(l, _)| l == "yaml").map(|(_, t)| t.as_str()).collect();
    let [before, after, manifest, extra] = yaml.as_slice() else { panic!("the page has {} YAML blocks", yaml.len()) };
    assert!(blocks[0].1.contains("mep vorlagen exportieren meine-vorlagen"));

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("meine-vorlagen");
    export(&dir); // step 1
    edit(&dir.join("wortlaut.yaml"), before.trim_end(), after.trim_end()); // step 2
    // Step 3: the manifest's logo and colours as the page shows them.
    std::fs::copy(root().join("tests/fixtures/vorlagen/logo.png"), dir.join("logo.png")).unwrap();
    let own = std::fs::read_to_string(dir.join("vorlagen.yaml")).unwrap();
    let kept: String = own.split_inclusive('\n').take_while(|l| !l.starts_with("# logo:") && !l.starts_with("farben:")).collect();
    std::fs::write(dir.join("vorlagen.yaml"), format!("{kept}{manifest}")).unwrap();
    // Step 4: an extra chapter in the plan, its look in the pack.
    let plan = plan_with_gaps(tmp.path());
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, format!("{text}{extra}")).unwrap();
    edit(&dir.join("zusatzkapitel.md"), "## {{ k.titel }}", "## Ergänzung: {{ k.titel }}");
    edit(&dir.join("zusatzkapitel.typ"), "kapitel.titel", "[Ergänzung: #kapitel.titel]");
    // Step 5.
    let (code, err) = check(&dir);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mep(&["pruefen", plan.to_str().unwrap()]).status.code(), Some(0), "the plan with its extra chapter is valid");
    // Step 6.
    let sentence = after.split_once("evaluation: ").unwrap().1.trim();
    let md = mep(&["erstellen", "--vorlagen", dir.to_str().unwrap(), plan.to_str().unwrap(), "-o", "-"]);
    let md = String::from_utf8_lossy(&md.stdout).into_owned();
    assert!(md.contains(sentence) && !md.contains("Es ist noch keine Evaluation geplant."), "{md}");
    assert!(md.contains("## Ergänzung: Inklusion und Barrierefreiheit") && md.contains("**Vorlesefunktion**"), "{md}");
    let pdf = tmp.path().join("plan.pdf");
    let o =
        mep(&["erstellen", "--vorlagen", dir.to_str().unwrap(), "--format", "pdf", plan.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&pdf);
    assert!(text.contains(sentence), "the changed sentence is missing from the PDF text");
    assert!(text.contains("Ergänzung: Inklusion und Barrierefreiheit Alle Schülerinnen und Schüler"), "the extra chapter is missing");
    let list = Command::new("pdfimages").arg("-list").arg(&pdf).output().expect("pdfimages (poppler-utils)");
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().skip(2).filter(|l| !l.trim().is_empty()).count(), 1, "the logo");
}

/// A regular face of New Computer Modern (OFL-1.1), a font the built-in templates do not use for text.
fn new_computer_modern() -> Vec<u8> {
    typst_assets::fonts()
        .find(|data| {
            typst::text::Font::iter(typst::foundations::Bytes::new(*data)).any(|f| {
                f.info().family == "New Computer Modern"
                    && f.info().variant.weight == typst::text::FontWeight::REGULAR
                    && f.info().variant.style == typst::text::FontStyle::Normal
            })
        })
        .expect("typst-assets has New Computer Modern")
        .to_vec()
}

#[test]
fn a_font_with_a_licence_that_allows_embedding_sets_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("paket");
    export(&dir);
    std::fs::write(dir.join("schrift.otf"), new_computer_modern()).unwrap();
    // Not listed in the manifest: a warning, and the font is not used.
    let (code, err) = check(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("schrift.otf") && err.contains("nicht unter `schriften`"), "{err}");
    // Listed with a licence that does not allow embedding: refused at its line.
    let manifest = std::fs::read_to_string(dir.join("vorlagen.yaml")).unwrap();
    std::fs::write(dir.join("vorlagen.yaml"), format!("{manifest}schriften:\n  - {{ datei: schrift.otf, lizenz: proprietaer }}\n"))
        .unwrap();
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("vorlagen.yaml:") && err.contains("Einbetten"), "{err}");
    // With OFL-1.1 the PDF sets its text in the pack's font.
    edit(&dir.join("vorlagen.yaml"), "lizenz: proprietaer", "lizenz: OFL-1.1");
    assert_eq!(check(&dir).0, 0);
    let pdf = tmp.path().join("plan.pdf");
    let plan = root().join("examples/realschule-bayern.yaml");
    let o =
        mep(&["erstellen", "--vorlagen", dir.to_str().unwrap(), "--format", "pdf", plan.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let fonts = Command::new("pdffonts").arg(&pdf).output().expect("pdffonts (poppler-utils)");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NewCM10-Regular"), "{fonts}");
    // A file that is no font is refused.
    std::fs::write(dir.join("schrift.otf"), b"keine Schrift").unwrap();
    let (code, err) = check(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("keine lesbare Schriftdatei"), "{err}");
}
