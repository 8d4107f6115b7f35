//! Typesetting and German in the documents: every example and every valid fixture is
//! rendered, as a user would, to Markdown, to the view JSON and to PDF; the texts are
//! scanned for the defects a proofreader finds (markup artefacts, lost punctuation,
//! duplicate sentences, nested parentheses, plural agreement, hyphenated short words …).
//! The review PDF of the Schulträger example is scanned too.
//!
//! The PDFs are real (one per plan, about a dozen); poppler's `pdftotext` reads them back.
//! `tests/fixtures/satz/` adds a draft with the optional chapters left out, so that every
//! "nothing yet" note is printed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::{relative, root};

/// One rendered plan.
struct Doc {
    /// The plan's path relative to the repository.
    name: String,
    /// The Markdown document.
    md: String,
    /// `pdftotext` output, line structure kept.
    pdf_raw: String,
    /// The PDF text with line-end hyphenation undone and whitespace collapsed.
    pdf: String,
    /// The view (`mep erstellen --format json`).
    view: Value,
    /// Words of the PDF that reach past the right margin: page, overshoot in pt, word.
    overflow: Vec<String>,
}

/// Every plan the scan covers: the examples (also those of the Schulträger set) and the valid fixtures.
fn plans() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["examples", "examples/schultraeger-lindenau", "tests/fixtures/valid", "tests/fixtures/satz"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let is_plan = p.extension().is_some_and(|x| x == "yaml") && p.file_name().is_some_and(|n| n != "traeger.yaml");
            if is_plan {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn mep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mep")).args(args).output().expect("mep runs")
}

/// `pdftotext` of a file: raw (lines kept) and joined (hyphenation undone, whitespace collapsed).
fn pdf_text(file: &Path) -> (String, String) {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("`pdftotext` (Debian package poppler-utils) is needed: {e}"));
    assert!(out.status.success(), "pdftotext failed on {}", file.display());
    let raw = String::from_utf8_lossy(&out.stdout).into_owned();
    let joined = raw.replace("\u{ad}\n", "").replace("-\n", "-");
    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    (raw, joined)
}

/// Renders one plan in the three formats (drafts where the plan has errors, as a user must).
fn render(plan: &Path, dir: &Path) -> Doc {
    let stem = plan.file_stem().and_then(|s| s.to_str()).unwrap_or("plan").to_owned();
    let input = plan.to_string_lossy().into_owned();
    let mut outputs = Vec::new();
    for format in ["md", "json", "pdf"] {
        let out = dir.join(format!("{stem}.{format}"));
        let out_s = out.to_string_lossy().into_owned();
        let run = mep(&["erstellen", "--entwurf", "--format", format, "-o", &out_s, &input]);
        assert!(run.status.success(), "mep erstellen --format {format} {input}: {}", String::from_utf8_lossy(&run.stderr));
        outputs.push(out);
    }
    let md = std::fs::read_to_string(&outputs[0]).expect("markdown");
    let view: Value = serde_json::from_slice(&std::fs::read(&outputs[1]).expect("json")).expect("view json");
    let (pdf_raw, pdf) = pdf_text(&outputs[2]);
    let overflow = overflow(&outputs[2]);
    Doc { name: relative(plan), md, pdf_raw, pdf, view, overflow }
}

/// The value of the attribute `name="…"` in an element of `pdftotext -bbox` output.
fn attr(element: &str, name: &str) -> Option<f64> {
    let start = element.find(&format!("{name}=\""))? + name.len() + 2;
    element[start..].split('"').next()?.parse().ok()
}

/// Words whose right edge lies more than 3 pt past the right margin of the plan's A4 pages
/// (2.3 cm): text that did not break inside its column (a long file name in the Prüfbericht,
/// an unhyphenated header cell).
fn overflow(file: &Path) -> Vec<String> {
    let out = Command::new("pdftotext").arg("-bbox").arg(file).arg("-").output().expect("pdftotext -bbox (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout);
    let margin = 2.3 / 2.54 * 72.0;
    let mut found = Vec::new();
    for (n, page) in html.split("<page ").skip(1).enumerate() {
        let Some(width) = attr(page, "width") else { continue };
        for word in page.split("<word ").skip(1) {
            let (Some(x_max), Some(text)) = (attr(word, "xMax"), word.split('>').nth(1).and_then(|t| t.split('<').next())) else {
                continue;
            };
            let over = x_max - (width - margin);
            if over > 3.0 {
                found.push(format!("Seite {}: {over:.1} pt über den Rand: {text}", n + 1));
            }
        }
    }
    found
}

/// Every plan rendered once for all tests of this module.
fn docs() -> &'static [Doc] {
    static DOCS: OnceLock<Vec<Doc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        // A plan in a deep folder with long names: its places fill the Prüfbericht's narrow column.
        let deep = dir.path().join("sehr-langer-ordnername-fuer-die-medienplanung-der-schulen/unterordner_mit_noch_laengerem_namen");
        std::fs::create_dir_all(&deep).expect("deep folder");
        let long = deep.join("plan_der_grundschule_am_teich_fassung_vom_oktober_2026.yaml");
        std::fs::copy(root().join("tests/fixtures/valid/qualitativ.yaml"), &long).expect("copy");
        let mut docs: Vec<Doc> = plans().iter().map(|p| render(p, dir.path())).collect();
        docs.push(render(&long, dir.path()));
        assert!(docs.len() >= 11, "examples and fixtures found: {}", docs.len());
        docs
    })
}

/// The review PDF of the Schulträger example: raw and joined text.
fn review() -> &'static (String, String) {
    static REVIEW: OnceLock<(String, String)> = OnceLock::new();
    REVIEW.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("review.pdf");
        let set = root().join("examples/schultraeger-lindenau");
        let traeger = set.join("traeger.yaml");
        let args = [
            "uebersicht",
            "--traeger",
            &traeger.to_string_lossy(),
            "--format",
            "pdf",
            "-o",
            &out.to_string_lossy(),
            &set.to_string_lossy(),
        ]
        .map(str::to_owned);
        let run = Command::new(env!("CARGO_BIN_EXE_mep")).args(&args).output().expect("mep runs");
        assert!(out.exists(), "review pdf: {}", String::from_utf8_lossy(&run.stderr));
        pdf_text(&out)
    })
}

/// Collects every defect as `plan: what – excerpt`, so one run names them all.
fn report(defects: &[String]) {
    assert!(defects.is_empty(), "{} defect(s):\n{}", defects.len(), defects.join("\n"));
}

/// Up to 60 characters around byte `at` of `text`.
fn excerpt(text: &str, at: usize) -> String {
    let start = text.floor_char_boundary(at.saturating_sub(40));
    let end = text.ceil_char_boundary((at + 40).min(text.len()));
    format!("…{}…", &text[start..end])
}

/// Every place of `needle` in `text`.
fn find_all<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(needle).map(|(i, _)| i)
}

/// The two outputs a reader sees, with their names.
fn outputs(doc: &Doc) -> [(&'static str, &str); 2] {
    [("Markdown", doc.md.as_str()), ("PDF", doc.pdf.as_str())]
}

#[test]
fn no_text_becomes_a_numbered_list_item() {
    let mut defects = Vec::new();
    for doc in docs() {
        for line in doc.pdf_raw.lines() {
            let t = line.trim();
            let Some((number, rest)) = t.split_once(". ") else { continue };
            let artefact = ["Kosten noch offen", "nicht bekannt", "+", "mindestens"].iter().any(|w| rest.starts_with(w));
            if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && artefact {
                defects.push(format!("{}: Listenpunkt aus Text – {t}", doc.name));
            }
        }
    }
    report(&defects);
}

#[test]
fn punctuation_around_expressions_is_kept() {
    let mut defects = Vec::new();
    for doc in docs() {
        for (what, text) in outputs(doc) {
            // "… und 6 Maßnahmen; geplant sind …": the ";" after the count of measures.
            for needle in ["Maßnahmen geplant sind", "Maßnahme geplant sind", "Maßnahmen die Investitionen", "Maßnahme die Investitionen"]
            {
                for at in find_all(text, needle) {
                    defects.push(format!("{} ({what}): Satzzeichen verloren {}", doc.name, excerpt(text, at)));
                }
            }
            for at in find_all(text, " ;").chain(find_all(text, " .")).chain(find_all(text, " ,")) {
                // A space before punctuation is lost text between them (`… von .`), except after a dash.
                let before = text[..at].chars().next_back();
                let leader = text[at + 2..].starts_with(" .") || text[..at].ends_with(" .");
                if before.is_some_and(char::is_alphanumeric) && !leader {
                    defects.push(format!("{} ({what}): Leerzeichen vor Satzzeichen {}", doc.name, excerpt(text, at)));
                }
            }
        }
    }
    report(&defects);
}

/// Chapters of the PDF text: split at the chapter headings the view names (the table of contents excluded).
fn pdf_chapters(doc: &Doc) -> Vec<(String, String)> {
    let kapitel = doc.view["dokument"]["vokabular"]["kapitel"].as_object().cloned().unwrap_or_default();
    let heads: Vec<String> =
        kapitel.values().map(|k| format!("{} {}", k["nummer"].as_str().unwrap_or(""), k["titel"].as_str().unwrap_or(""))).collect();
    let mut chapters = vec![("Deckblatt".to_owned(), String::new())];
    for line in doc.pdf_raw.lines() {
        let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.contains(". .") && heads.contains(&t) {
            chapters.push((t.clone(), String::new()));
        } else if let Some(last) = chapters.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    chapters
        .into_iter()
        .map(|(h, body)| {
            // Blocks (separated by an empty line) stay apart, so a note is not glued to a table cell.
            let blocks = body.replace("\u{ad}\n", "").replace("-\n", "-");
            let blocks: Vec<String> = blocks.split("\n\n").map(|b| b.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
            (h, blocks.join("\n"))
        })
        .collect()
}

/// Chapters of the Markdown: split at `## ` headings.
fn md_chapters(md: &str) -> Vec<(String, String)> {
    let mut chapters = vec![("Deckblatt".to_owned(), String::new())];
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            chapters.push((h.to_owned(), String::new()));
        } else if let Some(last) = chapters.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    chapters
}

/// The notes mep itself writes (sentences of the wording and the view that stand for missing parts).
fn note_sentences(body: &str) -> Vec<String> {
    body.split(['.', '\n'])
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '*' || c == '>' || c == '_').to_owned())
        .filter(|s| s.split_whitespace().count() >= 4 && (s.contains("keine") || s.contains("noch nicht") || s.contains("noch keine")))
        .collect()
}

#[test]
fn no_note_is_printed_twice_in_a_chapter() {
    let mut defects = Vec::new();
    for doc in docs() {
        for (what, chapters) in [("PDF", pdf_chapters(doc)), ("Markdown", md_chapters(&doc.md))] {
            for (head, body) in chapters {
                let sentences = note_sentences(&body);
                for (i, s) in sentences.iter().enumerate() {
                    if sentences[..i].iter().filter(|x| *x == s).count() == 1 {
                        defects.push(format!("{} ({what}, {head}): doppelt – „{s}.“", doc.name));
                    }
                }
            }
        }
    }
    defects.dedup();
    report(&defects);
}

#[test]
fn the_school_is_not_called_a_school_twice() {
    let mut defects = Vec::new();
    for doc in docs() {
        let name = doc.view["schule"]["name"].as_str().unwrap_or_default();
        let lower = name.to_lowercase();
        let is_school_word = ["schule", "gymnasium", "kolleg", "zentrum", "lyzeum"].iter().any(|w| lower.contains(w));
        for (what, text) in outputs(doc) {
            let needle = format!("der Schule {name}");
            if is_school_word && text.contains(&needle) {
                defects.push(format!("{} ({what}): „{needle}“", doc.name));
            }
        }
    }
    report(&defects);
}

#[test]
fn no_nested_or_chained_parentheses() {
    let mut defects = Vec::new();
    for doc in docs() {
        for (what, text) in outputs(doc) {
            for needle in ["))", ") ("] {
                for at in find_all(text, needle) {
                    defects.push(format!("{} ({what}): Klammern {}", doc.name, excerpt(text, at)));
                }
            }
        }
    }
    report(&defects);
}

#[test]
fn plurals_agree_with_their_count() {
    // Plural forms that must not follow the number 1.
    const PLURAL: &[&str] = &[
        "offene Fehler",
        "Warnungen",
        "Hinweise",
        "Ziele",
        "Maßnahmen",
        "Positionen",
        "Bedarfspositionen",
        "Fortbildungen",
        "Einheiten",
        "Befunde",
        "Pläne",
        "Schulen",
    ];
    let mut defects = Vec::new();
    let review = &review().1;
    let mut texts: Vec<(String, &str)> = Vec::new();
    for doc in docs() {
        texts.push((format!("{} (Markdown)", doc.name), &doc.md));
        texts.push((format!("{} (PDF)", doc.name), &doc.pdf));
    }
    texts.push(("Übersicht (PDF)".to_owned(), review));
    for (what, text) in texts {
        for word in PLURAL {
            let needle = format!("1 {word}");
            for at in find_all(text, &needle) {
                let before = text[..at].chars().next_back();
                let after = text[at + needle.len()..].chars().next();
                let whole = !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',') && !after.is_some_and(char::is_alphabetic);
                if whole {
                    defects.push(format!("{what}: Einzahl fehlt {}", excerpt(text, at)));
                }
            }
        }
    }
    report(&defects);
}

#[test]
fn no_literal_backticks_in_any_pdf() {
    let mut defects = Vec::new();
    for doc in docs() {
        for at in find_all(&doc.pdf, "`") {
            defects.push(format!("{} (PDF): Backtick {}", doc.name, excerpt(&doc.pdf, at)));
        }
    }
    let review = &review().1;
    for at in find_all(review, "`") {
        defects.push(format!("Übersicht (PDF): Backtick {}", excerpt(review, at)));
    }
    report(&defects);
}

/// Words hyphenated at a line end in the PDF: the part before and after the break.
fn hyphenated(raw: &str) -> Vec<String> {
    let lines: Vec<&str> = raw.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(head) = line.trim_end().strip_suffix('\u{ad}') else { continue };
        let first = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty()).copied().unwrap_or("");
        let rest = next.split_whitespace().next().unwrap_or("");
        out.push(format!("{first}{rest}"));
    }
    out
}

#[test]
fn short_words_and_labels_are_not_hyphenated() {
    // Labels of fact lists and table headers, and the short words of values in narrow cells
    // (the words for missing values among them). Justified running text may hyphenate as usual.
    const LABELS: &[&str] = &[
        "Schulnummer",
        "Warnungen",
        "Hinweise",
        "Investition",
        "Einzelpreis",
        "Fördergegenstand",
        "Schulform",
        "Gerät",
        "bekannt",
        "offen",
        "Kosten",
        "dazu",
        "mindestens",
    ];
    let mut defects = Vec::new();
    let review = &review().0;
    let mut texts: Vec<(String, &str)> = docs().iter().map(|d| (d.name.clone(), d.pdf_raw.as_str())).collect();
    texts.push(("Übersicht".to_owned(), review));
    for (what, raw) in texts {
        // pdftotext may interleave columns, so the line after a break can belong to another cell:
        // only a joined word that the document also prints whole is a real word broken in two.
        let words: std::collections::HashSet<&str> = raw.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        for word in hyphenated(raw) {
            let letters = word.trim_matches(|c: char| !c.is_alphabetic());
            if LABELS.contains(&letters) && words.contains(letters) {
                defects.push(format!("{what} (PDF): Silbentrennung in „{letters}“"));
            }
        }
    }
    defects.sort();
    defects.dedup();
    report(&defects);
}

#[test]
fn the_most_important_measures_show_their_whole_span() {
    let mut defects = Vec::new();
    for doc in docs() {
        let measures = doc.view["zusammenfassung"]["wichtigste_massnahmen"].as_array().cloned().unwrap_or_default();
        let summary = pdf_chapters(doc).into_iter().nth(1).map(|(_, b)| b).unwrap_or_default();
        for m in measures {
            let (von, bis) = (m["beginn"]["iso"].as_str().unwrap_or(""), m["ende"]["iso"].as_str().unwrap_or(""));
            let year = |iso: &str| -> Option<i32> {
                let y: i32 = iso.get(..4)?.parse().ok()?;
                let month: u32 = iso.get(5..7)?.parse().ok()?;
                Some(if month >= 8 { y } else { y - 1 })
            };
            let (Some(a), Some(b)) = (year(von), year(bis)) else { continue };
            if a != b {
                let end = format!("{}/{:02}", b, (b + 1) % 100);
                if !summary.contains(&end) {
                    defects.push(format!("{} (PDF): {} endet im Schuljahr {end}, die Zusammenfassung nennt es nicht", doc.name, m["id"]));
                }
            }
        }
    }
    report(&defects);
}

/// The literal parts of a sentence of the shared wording: the text between its places `{name}`.
fn fragments(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while !rest.is_empty() {
        let (part, after) = match rest.find('{') {
            Some(i) => (&rest[..i], rest[i..].find('}').map_or("", |j| &rest[i + j + 1..])),
            None => (rest, ""),
        };
        let part = part.trim();
        // Short pieces (", ", ":") say nothing about the sentence.
        if part.chars().count() >= 12 {
            out.push(part.to_owned());
        }
        rest = after;
    }
    out
}

/// Every sentence of the built-in wording (`templates/wortlaut.yaml`), by key.
fn wording_sentences() -> Vec<(String, String)> {
    let wortlaut = mep::render::pack::wortlaut::builtin();
    let mut out = Vec::new();
    for section in ["leer", "saetze"] {
        for (key, value) in wortlaut[section].as_object().into_iter().flatten() {
            if let Some(text) = value.as_str() {
                out.push((format!("{section}.{key}"), text.to_owned()));
            }
        }
    }
    out
}

/// The Markdown as a reader sees it: escapes undone, whitespace collapsed.
fn md_plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out.split_whitespace().filter(|w| *w != ">").collect::<Vec<_>>().join(" ")
}

#[test]
fn shared_sentences_read_the_same_in_markdown_and_pdf() {
    let sentences = wording_sentences();
    assert!(sentences.len() >= 20, "sentences of the wording: {}", sentences.len());
    let mut defects = Vec::new();
    let mut seen_in_both = std::collections::BTreeSet::new();
    for doc in docs() {
        let md = md_plain(&doc.md);
        for (key, sentence) in &sentences {
            for part in fragments(sentence) {
                let (in_md, in_pdf) = (md.contains(&part), doc.pdf.contains(&part));
                if in_md && in_pdf {
                    seen_in_both.insert(key.clone());
                } else if in_md != in_pdf {
                    let only = if in_md { "nur im Markdown" } else { "nur im PDF" };
                    defects.push(format!("{}: {key} „{part}“ {only}", doc.name));
                }
            }
        }
    }
    // Not vacuous: most sentences of the wording are printed by some plan in both documents.
    assert!(seen_in_both.len() >= 15, "sentences found in both documents: {seen_in_both:?}");
    report(&defects);
}

#[test]
fn every_category_has_one_colour_in_every_document() {
    let charts = std::fs::read_to_string(root().join("templates/typst/charts.typ")).expect("charts.typ");
    for kategorie in mep::model::Kategorie::ALL {
        assert!(charts.contains(&format!("  {}: rgb(", kategorie.key())), "no fixed colour for `{}`", kategorie.key());
    }
    for part in ["foerdermittel", "eigenanteil", "sonstige"] {
        assert!(charts.contains(&format!("  {part}: rgb(")), "no fixed colour for `{part}`");
    }
    // Colours follow the key, not the position in a document's list.
    assert!(!charts.contains("fill: colour(k)") && !charts.contains("fill: colour(i)"), "a chart colours by position");
}

#[test]
fn no_text_runs_past_the_right_margin() {
    let mut defects = Vec::new();
    for doc in docs() {
        defects.extend(doc.overflow.iter().map(|o| format!("{}: {o}", doc.name)));
    }
    report(&defects);
}
