//! Rendering: goldens of every example, table shapes, hostile values, template overrides, drafts.

use std::path::{Path, PathBuf};

use mep::render::markdown::{self, Templates};
use mep::view::{Optionen, PlanView};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::support::{check_bytes, check_file, relative, root};

fn examples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    assert!(v.len() >= 3, "expected at least three examples");
    v
}

fn view_of(checked: &mep::Checked, entwurf: bool) -> PlanView {
    let plan = checked.value.as_ref().expect("plan loads");
    PlanView::build(plan, &checked.diagnostics, &Optionen { datei: checked.source.name().to_owned(), entwurf })
}

fn render_file(path: &Path) -> String {
    let checked = check_file(path);
    assert!(!mep::has_errors(&checked.diagnostics), "{} has errors", path.display());
    markdown::render(&view_of(&checked, false), &Templates::builtin()).expect("renders")
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Counts the cells of a table row in its source line: pipes not escaped by a backslash, minus the outer ones.
fn source_cells(line: &str) -> usize {
    let line = line.trim();
    let mut pipes: usize = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    pipes.saturating_sub(1)
}

/// Every table: (header columns, per-row parsed cell counts, per-row source cell counts).
fn table_shapes(md: &str) -> Vec<(usize, Vec<usize>, Vec<usize>)> {
    let mut tables = Vec::new();
    let mut cur: Option<(usize, Vec<usize>, Vec<usize>)> = None;
    let mut cells = 0;
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Table(align)) => cur = Some((align.len(), Vec::new(), Vec::new())),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                cells = 0;
                if let Some(t) = cur.as_mut() {
                    t.2.push(source_cells(&md[range]));
                }
            }
            Event::End(TagEnd::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                if let Some(t) = cur.as_mut() {
                    t.1.push(cells);
                }
            }
            Event::End(TagEnd::Table) => tables.extend(cur.take()),
            _ => {}
        }
    }
    tables
}

fn assert_tables_well_formed(name: &str, md: &str) -> usize {
    let tables = table_shapes(md);
    for (i, (cols, parsed, source)) in tables.iter().enumerate() {
        assert!(*cols >= 2, "{name}: table {i} has {cols} columns");
        for (r, (p, s)) in parsed.iter().zip(source).enumerate() {
            assert_eq!(*p, *cols, "{name}: table {i} row {r} parsed with {p} cells, header has {cols}");
            assert_eq!(*s, *cols, "{name}: table {i} row {r} written with {s} cells, header has {cols}");
        }
    }
    tables.len()
}

/// Headings as (level, text).
fn headings(md: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => cur = Some((level as usize, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cur.as_mut() {
                    c.1.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(cur.take()),
            _ => {}
        }
    }
    out
}

/// Text of every leaf block (paragraph, heading, table cell, list item text), with `<br>` as a newline.
fn block_texts(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::InlineHtml(h) if h.as_ref() == "<br>" => cur.push('\n'),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item) => {
                out.push(std::mem::take(&mut cur));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn examples_render_to_golden_markdown() {
    for path in examples() {
        let md = render_file(&path);
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(format!("render_md_{name}"), md);
    }
}

#[test]
fn view_json_of_one_example() {
    let checked = check_file(&root().join("examples/grundschule-niedersachsen.yaml"));
    let json = mep::render::json(&view_of(&checked, false)).unwrap();
    insta::assert_snapshot!("render_json_grundschule-niedersachsen", json);
}

#[test]
fn every_table_has_the_header_column_count_in_every_row() {
    for path in examples() {
        let md = render_file(&path);
        let n = assert_tables_well_formed(&relative(&path), &md);
        assert!(n >= 20, "{}: only {n} tables", path.display());
    }
}

#[test]
fn chapters_follow_the_outline_and_land_vocabulary() {
    for path in examples() {
        let checked = check_file(&path);
        let view = view_of(&checked, false);
        let md = markdown::render(&view, &Templates::builtin()).unwrap();
        let h = headings(&md);
        assert_eq!(h.iter().filter(|(l, _)| *l == 1).count(), 1, "{}: exactly one title", path.display());
        let chapters: Vec<&str> = h.iter().filter(|(l, _)| *l == 2).map(|(_, t)| t.as_str()).collect();
        let k = &view.dokument.vokabular.kapitel;
        let mut numbered = [
            &k.zusammenfassung,
            &k.schulprofil,
            &k.leitbild,
            &k.ist_analyse,
            &k.ziele,
            &k.mediencurriculum,
            &k.einsatzkonzept,
            &k.ausstattung,
            &k.datenschutz,
            &k.fortbildung,
            &k.betrieb,
            &k.zeitplan,
            &k.finanzierung,
            &k.evaluation,
        ];
        // Chapters print in the order of their numbers (in Bayern the Säulen 1, 2, 3 move Fortbildung forward).
        numbered.sort_by_key(|c| c.nummer.parse::<u32>().unwrap());
        let expected: Vec<String> = numbered
            .iter()
            .map(|c| format!("{} {}", c.nummer, c.titel))
            // Optional closing sections appear only when the plan fills them.
            .chain((!view.literatur.is_empty() || !view.anlagen.is_empty()).then(|| "Literatur und Anlagen".to_owned()))
            .chain((!view.unterschriften.is_empty()).then(|| "Unterschriften".to_owned()))
            .chain(
                [&k.anhang_bestand, &k.anhang_matrix, &k.anhang_pruefbericht].iter().map(|c| format!("Anhang {}: {}", c.nummer, c.titel)),
            )
            .collect();
        assert_eq!(chapters, expected, "{}", path.display());
        // Markdown free text never produces a heading at chapter level or above.
        assert_eq!(h.iter().filter(|(l, _)| *l <= 2).count(), expected.len() + 1);
    }
}

#[test]
fn land_vocabulary_names_the_document() {
    use mep::model::Land;
    use mep::view::Vokabular;
    let by = Vokabular::of(Land::By);
    assert_eq!(by.dokument, "Medienkonzept");
    assert!(by.kapitel.mediencurriculum.titel.starts_with("Säule 1"));
    assert!(by.kapitel.fortbildung.titel.starts_with("Säule 2"));
    assert!(by.kapitel.ausstattung.titel.starts_with("Säule 3"));
    assert_eq!(Vokabular::of(Land::He).dokument, "Medienbildungskonzept");
    assert_eq!(Vokabular::of(Land::Bw).dokument, "Medienentwicklungsplan");
    // A BY plan carries the Säulen into the document.
    let text = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap().replace("land: NI", "land: BY");
    let checked = check_bytes("by.yaml", text.as_bytes());
    let md = markdown::render(&view_of(&checked, mep::has_errors(&checked.diagnostics)), &Templates::builtin()).unwrap();
    assert!(md.contains("# Medienkonzept: Grundschule Am Teich"), "{md}");
    assert!(md.contains("## 6 Säule 1: Mediencurriculum"), "{md}");
}

#[test]
fn german_figures_in_the_document() {
    let md = render_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    // 10 × 500 € + 5 × 4000 € = 25 000 €; 22 500 € grant of 25 000 € = 90 %.
    // Units follow a no-break space (U+00A0).
    assert!(md.contains("25.000,00\u{a0}€"), "{md}");
    assert!(md.contains("| Fördermittel | 22.500,00\u{a0}€ | 90,0\u{a0}% |"), "{md}");
    assert!(md.contains("15.10.2026"), "{md}");
    assert!(md.contains("Schuljahr 2026/27 bis 2028/29"), "{md}");
    // 4 of 10 rooms with WLAN; 250 Mbit/s for 8 classes.
    assert!(md.contains("| WLAN-Abdeckung | 40,0\u{a0}% |"), "{md}");
    // The budget of Fördermittel against the requested grant: 22.500 € of 60.000 €.
    assert!(
        md.contains("Fördermittel-Budget des Schulträgers für die Schule: 60.000,00\u{a0}€; beantragt 22.500,00\u{a0}€, ausgeschöpft zu 37,5\u{a0}%, verbleibend 37.500,00\u{a0}€."),
        "{md}"
    );
    assert!(md.contains("31,3 Mbit/s"), "{md}");
}

const HOSTILE: &str = "|a|b *x* _y_ `c` <script>alert(1)</script> {{ x }} {% raw %}r{% endraw %} #read(\"/etc/passwd\") \
[link](https://evil.example) ![img](https://evil.example/i.png) ~~s~~ &amp; \\ <!-- c -->\nZeile 2 | ende";

fn long_word() -> String {
    "Donaudampfschifffahrtsgesellschaftskapitän".repeat(8)
}

/// Markdown fields of format 1, by the last key of their path (and the section for `beschreibung`).
fn is_markdown_field(path: &[String]) -> bool {
    let last = path.last().map_or("", String::as_str);
    matches!(last, "profil" | "leitbild" | "fortbildungsstand" | "prozesse" | "begruendung")
        || (last == "beschreibung" && path.first().is_some_and(|s| s == "einsatzszenarien"))
}

/// Replaces every string leaf that the model accepts as free text with a hostile value carrying a marker.
/// Leaves the model rejects (enums, dates, quarters, grades) keep their value.
fn poison(doc: &mut Value, path: &mut Vec<String>, n: &mut usize, plain: &mut Vec<String>, markdown: &mut Vec<String>, root_doc: &Value) {
    match doc {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                path.push(k.clone());
                let child = map.get_mut(&k).unwrap();
                poison_leaf_or_recurse(child, path, n, plain, markdown, root_doc);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                path.push(i.to_string());
                poison_leaf_or_recurse(child, path, n, plain, markdown, root_doc);
                path.pop();
            }
        }
        _ => {}
    }
}

fn poison_leaf_or_recurse(
    child: &mut Value,
    path: &mut Vec<String>,
    n: &mut usize,
    plain: &mut Vec<String>,
    markdown: &mut Vec<String>,
    root_doc: &Value,
) {
    if child.is_string() {
        *n += 1;
        let md = is_markdown_field(path);
        let prefix = ["# ", "- ", "1. ", "=== ", "> ", ""][*n % 6];
        let value = if md {
            format!("M{n}M {HOSTILE}\n\n# Überschrift {n}\n\n<div>block</div>\n\n[klick](javascript:alert(1))\n\n```\nnicht geschlossen")
        } else {
            format!("{prefix}P{n}P {HOSTILE} {}", long_word())
        };
        *child = Value::String(value.clone());
        if loads(root_doc, path, &value) {
            if md { markdown.push(format!("M{n}M")) } else { plain.push(value) }
        } else {
            // The model rejects free text here (a closed list, a date, …): restore by re-reading the original.
            *child = lookup(root_doc, path).clone();
        }
    } else {
        poison(child, path, n, plain, markdown, root_doc);
    }
}

fn lookup<'a>(doc: &'a Value, path: &[String]) -> &'a Value {
    path.iter().fold(doc, |v, k| match v {
        Value::Object(m) => &m[k],
        Value::Array(a) => &a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

/// Whether the original document with only this one leaf replaced still loads into the model.
fn loads(root_doc: &Value, path: &[String], value: &str) -> bool {
    let mut doc = root_doc.clone();
    let mut cur = &mut doc;
    for k in path {
        cur = match cur {
            Value::Object(m) => m.get_mut(k).unwrap(),
            Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    *cur = Value::String(value.to_owned());
    check_bytes("x.yaml", serde_json::to_string(&doc).unwrap().as_bytes()).value.is_some()
}

#[test]
fn hostile_values_print_literally_and_keep_the_structure() {
    let path = root().join("examples/gymnasium-baden-wuerttemberg.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let original: Value = serde_saphyr::from_str(&text).unwrap();
    let mut doc = original.clone();
    let (mut n, mut plain, mut markdown) = (0, Vec::new(), Vec::new());
    poison(&mut doc, &mut Vec::new(), &mut n, &mut plain, &mut markdown, &original);
    assert!(plain.len() > 200, "only {} plain fields poisoned", plain.len());
    assert!(markdown.len() >= 20, "only {} Markdown fields poisoned", markdown.len());

    let checked = check_bytes("hostile.yaml", serde_json::to_string(&doc).unwrap().as_bytes());
    let view = view_of(&checked, true);
    let md = markdown::render(&view, &Templates::builtin()).unwrap();

    // Structure: one title, the same chapters as the clean plan, well-formed tables, no raw HTML but `<br>`.
    let clean = render_file(&path);
    let level = |md: &str, l: usize| headings(md).into_iter().filter(|(x, _)| *x == l).map(|(_, t)| t).collect::<Vec<_>>();
    assert_eq!(level(&md, 1).len(), 1);
    assert_eq!(level(&md, 2), level(&clean, 2));
    assert_tables_well_formed("hostile", &md);
    for ev in Parser::new_ext(&md, options()) {
        match ev {
            Event::Html(h) => panic!("raw HTML block in output: {h}"),
            Event::InlineHtml(h) => assert_eq!(h.as_ref(), "<br>", "raw inline HTML in output"),
            Event::Start(Tag::Image { .. }) => panic!("image in output"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(dest_url.starts_with("https://"), "link to {dest_url}");
            }
            _ => {}
        }
    }
    // Every plain value appears literally in one block of text.
    let blocks = block_texts(&md);
    let mut missing = Vec::new();
    for value in &plain {
        if !blocks.iter().any(|b| b.contains(value.as_str())) {
            missing.push(value.split(' ').next().unwrap_or("").to_owned() + " " + value.split(' ').nth(1).unwrap_or(""));
        }
    }
    assert!(missing.is_empty(), "{} plain values not printed literally: {missing:?}", missing.len());
    // Markdown values: their marker and their text survive, their headings sit below the chapter.
    for marker in &markdown {
        assert!(blocks.iter().any(|b| b.starts_with(marker.as_str()) && b.contains("<script>alert(1)</script>")), "{marker}");
    }
    assert!(headings(&md).iter().filter(|(_, t)| t.starts_with("Überschrift")).all(|(l, _)| *l >= 3));
    assert!(!md.contains("javascript:"));
}

#[test]
fn a_template_directory_overrides_one_chapter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ziele.md"),
        "## Unsere Ziele\n\n{% for z in ziele %}- {{ z.id }}: {{ z.beschreibung }}\n{% endfor %}\n",
    )
    .unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    assert_eq!(templates.overridden(), ["ziele.md"]);
    let text = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml"))
        .unwrap()
        .replace("beschreibung: Digitale Medien werden in allen Fächern genutzt.", "beschreibung: \"*Alle* | <b>Fächer</b>\"");
    let checked = check_bytes("plan.yaml", text.as_bytes());
    let view = view_of(&checked, false);
    let md = markdown::render(&view, &templates).unwrap();
    assert!(md.contains("## Unsere Ziele\n\n- Z1: \\*Alle\\* \\| \\<b\\>Fächer\\</b\\>\n"), "{md}");
    assert!(!md.contains("| Ziel | Handlungsfeld | Beschreibung | Indikator"), "built-in chapter still present");
    let builtin = markdown::render(&view, &Templates::builtin()).unwrap();
    assert!(builtin.contains("| Ziel | Handlungsfeld | Beschreibung | Indikator"));
    // Everything else is the built-in text.
    let tail = |s: &str| s[s.find("## 6 ").unwrap()..].to_owned();
    assert_eq!(tail(&md), tail(&builtin));
}

#[test]
fn a_broken_template_is_a_tool_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("leitbild.md"), "{% if %}").unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    let checked = check_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    let err = markdown::render(&view_of(&checked, false), &templates).unwrap_err().to_string();
    assert!(err.contains("leitbild.md"), "{err}");
}

#[test]
fn rendering_is_deterministic() {
    for path in examples() {
        let a = render_file(&path);
        let b = render_file(&path);
        assert_eq!(a, b);
        let checked = check_file(&path);
        assert_eq!(mep::render::json(&view_of(&checked, false)).unwrap(), mep::render::json(&view_of(&checked, false)).unwrap());
    }
}

#[test]
fn a_draft_carries_the_banner_and_its_open_errors() {
    let checked = check_file(&root().join("tests/fixtures/invalid/plan_dangling_reference.yaml"));
    assert!(mep::has_errors(&checked.diagnostics));
    let md = markdown::render(&view_of(&checked, true), &Templates::builtin()).unwrap();
    assert!(md.starts_with("> **ENTWURF – nicht förderfähig**\n"), "{md}");
    let banner: String = md.lines().take_while(|l| l.starts_with('>')).collect::<Vec<_>>().join("\n");
    for d in checked.diagnostics.iter().filter(|d| d.severity == mep::diag::Severity::Fehler) {
        assert!(banner.contains(d.code.as_str()), "{} missing in banner:\n{banner}", d.code);
    }
    // The Prüfbericht lists every finding, errors and others.
    let annex = &md[md.find("## Anhang C").unwrap()..];
    for d in &checked.diagnostics {
        assert!(annex.contains(d.code.as_str()), "{} missing in Prüfbericht", d.code);
    }
    let clean = render_file(&root().join("tests/fixtures/valid/minimal.yaml"));
    assert!(!clean.contains("ENTWURF"));
}

#[test]
fn every_example_has_its_figures() {
    for path in examples() {
        let checked = check_file(&path);
        let plan = checked.value.as_ref().unwrap();
        let k = mep::view::Kennzahlen::of(plan);
        let items: i64 = plan.needs.iter().filter_map(mep::model::Bedarf::total).map(mep::model::Euro::cents).sum();
        assert_eq!(k.investition.gesamt.cent, items);
        assert_eq!(k.investition.je_kategorie.iter().map(|c| c.summe.cent).sum::<i64>(), items);
        assert_eq!(k.investition.je_jahr.iter().map(|c| c.summe.cent).sum::<i64>(), items);
        for c in &k.investition.je_kategorie {
            assert_eq!(c.je_jahr.iter().map(|b| b.cent).sum::<i64>(), c.summe.cent);
        }
        let cur = k.curriculum.as_ref().unwrap();
        assert_eq!(cur.faecher.iter().map(|r| r.stunden).sum::<u64>(), cur.stunden_gesamt);
        assert_eq!(cur.jahrgaenge.iter().map(|r| r.stunden).sum::<u64>(), cur.stunden_gesamt);
        for m in &k.zeitplan.massnahmen {
            assert!(m.aktiv.iter().any(|a| *a), "{}: {} never active", path.display(), m.id);
        }
    }
}
