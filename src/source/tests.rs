//! Positions: line breaks, the quick index against the parser, paths.

use super::*;

fn indexed(text: &str) -> SourceFile {
    let mut s = SourceFile::new("t.yaml", text.to_owned());
    s.index_yaml();
    s
}

fn at(src: &SourceFile, path: &str) -> (usize, usize) {
    let mut d = Diagnostic::new(&crate::load::codes::FORMAT_TYP, crate::diag::Severity::Fehler, path, "m");
    src.locate(&mut d);
    let l = d.location.unwrap();
    (l.line, l.column)
}

#[test]
fn paths_resolve_to_values() {
    let src = indexed("schule:\n  name: Ä-Schule\n  schueler: 12\nbedarf:\n  - id: B1\n    anzahl: 3\n  - { id: B2, anzahl: 4 }\n");
    assert_eq!(at(&src, "schule.name"), (2, 9));
    assert_eq!(at(&src, "schule.schueler"), (3, 13));
    assert_eq!(at(&src, "bedarf[0].anzahl"), (6, 13));
    assert_eq!(at(&src, "bedarf[1].anzahl"), (7, 23));
}

#[test]
fn missing_paths_fall_back_to_parent_key() {
    let src = indexed("schule:\n  name: X\n");
    assert_eq!(at(&src, "schule.schulform"), (1, 1));
    assert_eq!(at(&src, "fehlt.ganz"), (1, 1));
}

#[test]
fn line_breaks_of_every_kind_count() {
    for nl in ["\n", "\r\n", "\r"] {
        let text = ["schule:", "  name: X", "  schueler: 12", "bedarf:", "  - id: B1"].join(nl) + nl;
        let src = indexed(&text);
        assert_eq!(at(&src, "schule.schueler"), (3, 13), "line break {nl:?}");
        assert_eq!(at(&src, "bedarf[0].id"), (5, 9), "line break {nl:?}");
        assert_eq!(src.line_text(2), Some("  name: X"), "line break {nl:?}");
    }
    // NEL and LS are no line breaks in YAML 1.2: the parser counts them as characters of the line.
    let src = indexed("a: \u{85}x\u{2028}y\nb: 1\n");
    assert_eq!(at(&src, "b"), (2, 4));
}

/// Every YAML file of the repository that the loader reads: examples, fixtures, fuzz corpus.
fn corpus() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("examples"), root.join("tests/fixtures"), root.join("templates")];
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml")
                && let Ok(text) = std::fs::read_to_string(&path)
                && crate::load::yaml_value(&text, &crate::load::Limits::default()).is_ok()
            {
                out.push((path, text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_quick_index_agrees_with_the_parser() {
    let files = corpus();
    assert!(files.len() > 100, "corpus too small: {}", files.len());
    let mut answered = 0;
    for (path, text) in &files {
        let full = build_index(text);
        let Some(quick) = quick::index(text, &line_starts(text), None) else { continue };
        answered += 1;
        let name = path.display();
        let mut paths: Vec<&String> = full.keys().collect();
        paths.sort();
        let mut extra: Vec<&String> = quick.keys().filter(|p| !full.contains_key(*p)).collect();
        extra.sort();
        assert!(extra.is_empty(), "{name}: paths the parser does not know: {extra:?}");
        for p in paths {
            let f = full[p];
            let q = quick.get(p).unwrap_or_else(|| panic!("{name}: `{p}` missing"));
            assert_eq!(q.key, f.key, "{name}: key of `{p}`");
            assert_eq!(q.value.start, f.value.start, "{name}: start of `{p}`");
            let leaf = !full.keys().any(|o| o.len() > p.len() && o.starts_with(p.as_str()) && matches!(o.as_bytes()[p.len()], b'.' | b'['));
            let raw = &text[f.value.start..f.value.end];
            let one_line = !raw.starts_with(['|', '>', '[', '{']) && !raw.contains(['\n', '\r']);
            if leaf && one_line && !p.is_empty() {
                assert_eq!(q.value.end, f.value.end, "{name}: end of `{p}` ({raw:?})");
            }
        }
    }
    // The examples are what people write: the quick scan must read all of them.
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))) {
        assert!(quick::index(text, &line_starts(text), None).is_some(), "{}: the quick index gave up", path.display());
    }
    assert!(answered * 2 > files.len(), "the quick index answered only {answered} of {} files", files.len());
}

/// Findings located from an index of just their paths sit where the full index puts them: for
/// paths in the file, for paths missing from it (at the nearest ancestor), alone and in groups.
#[test]
fn findings_located_from_their_paths_sit_where_the_full_index_puts_them() {
    let rule = &crate::load::codes::FORMAT_TYP;
    let mut checked = 0;
    for (path, text) in corpus() {
        let starts = line_starts(&text);
        let Some(full) = quick::index(&text, &starts, None) else { continue };
        let mut all: Vec<String> = full.keys().cloned().collect();
        all.sort();
        let mut wanted: Vec<String> = all.iter().step_by(5).cloned().collect();
        wanted.extend(["bedarf[99].anzahl".into(), "schule.gibt_es_nicht".into(), "massnahmen[0].x".into()]);
        for group in wanted.chunks(3).chain(wanted.chunks(1)) {
            let diags: Vec<Diagnostic> =
                group.iter().map(|p| Diagnostic::new(rule, crate::diag::Severity::Warnung, p.as_str(), "")).collect();
            let mut quick = indexed(&text);
            let mut some = diags.clone();
            quick.locate_all(&mut some);
            assert!(quick.nodes.get().is_none(), "{}: the full index was built", path.display());
            quick = indexed(&text);
            let mut expected = diags;
            for d in &mut expected {
                quick.locate(d);
            }
            for (a, b) in some.iter().zip(&expected) {
                assert_eq!(a.location, b.location, "{}: `{}`", path.display(), a.path);
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} groups checked");
}

#[test]
fn parents() {
    assert_eq!(parent_path("bedarf[2].anzahl"), Some("bedarf[2]"));
    assert_eq!(parent_path("bedarf[2]"), Some("bedarf"));
    assert_eq!(parent_path("bedarf"), Some(""));
    assert_eq!(parent_path(""), None);
}
