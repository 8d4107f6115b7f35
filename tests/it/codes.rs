//! Every code mep can print is declared once in the registry and explained.
//!
//! A finding carries its code as a handle into the registry, so an unregistered code cannot be
//! built in Rust. These tests close the remaining gaps: every `static` code in `src/` is listed by
//! the registry, and every code seen in the fixtures, the examples, the fuzz corpus and the
//! transcripts is one `mep explain` answers for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mep::rules::{self, catalog};

use crate::support::{check_file, root};

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| ext.iter().any(|x| e == *x)) {
            out.push(path);
        }
    }
}

/// Codes in a text: `Fehler[CODE]`, `"code": "CODE"`, and the like.
fn codes_in(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (open, close) in [("[", "]"), ("\"code\": \"", "\"")] {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let candidate = rest.split(close).next().unwrap_or("");
            let shaped = candidate.contains('-')
                && candidate.len() <= 40
                && candidate.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
                && candidate.starts_with(|c: char| c.is_ascii_uppercase());
            if shaped {
                out.insert(candidate.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_declared_code_is_in_the_registry() {
    let registered: BTreeSet<&str> = rules::all().iter().map(|r| r.code).collect();
    let mut sources = Vec::new();
    files(&root().join("src"), &["rs"], &mut sources);
    let mut declared = BTreeSet::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.starts_with("pub static ") && line.ends_with(": Rule = Rule {") {
                let code = lines.next().and_then(|l| l.trim().strip_prefix("code: \"")).and_then(|l| l.strip_suffix("\",")).unwrap_or("");
                assert!(!code.is_empty(), "{}: a Rule whose first field is not its code", path.display());
                declared.insert(code.to_owned());
            }
        }
    }
    let missing: Vec<&String> = declared.iter().filter(|c| !registered.contains(c.as_str())).collect();
    assert!(missing.is_empty(), "declared but not listed by the registry: {missing:?}");
    let undeclared: Vec<&&str> = registered.iter().filter(|c| !declared.contains(**c)).collect();
    assert!(undeclared.is_empty(), "listed but not declared as a static: {undeclared:?}");
    assert!(declared.len() >= 80, "the scan finds the declarations: {}", declared.len());
}

#[test]
fn every_code_mep_prints_is_registered_and_explained() {
    let mut seen = BTreeSet::new();
    let mut inputs = Vec::new();
    for dir in ["tests/fixtures", "examples"] {
        files(&root().join(dir), &["yaml", "yml", "pdf"], &mut inputs);
    }
    for path in &inputs {
        // Profile files and Träger files are read by their own loaders; as plans they still only yield registered codes.
        seen.extend(check_file(path).diagnostics.iter().map(|d| d.code.as_str().to_owned()));
    }
    let mut transcripts = Vec::new();
    files(&root().join("tests/cmd"), &["toml", "out", "stdout", "stderr"], &mut transcripts);
    files(&root().join("tests/it/snapshots"), &["snap"], &mut transcripts);
    for path in &transcripts {
        seen.extend(codes_in(&std::fs::read_to_string(path).unwrap()));
    }
    // Codes that look like ours but are not: placeholders in help texts of the transcripts.
    seen.retain(|c| !["X-Y", "DP-SMARTPHON"].contains(&c.as_str()));
    assert!(seen.len() >= 40, "the scan sees the codes: {seen:?}");
    let mut problems = Vec::new();
    for code in &seen {
        match rules::find(code) {
            Some(rule) if rule.code == code.as_str() => {
                let text = catalog::explain(rule);
                if rule.title.is_empty() || rule.explanation.len() < 80 || !text.contains(rule.title) {
                    problems.push(format!("{code}: no useful explanation"));
                }
            }
            _ => problems.push(format!("{code}: printed, but `mep explain` does not know it")),
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_pdf_codes_are_explained() {
    for code in ["PDF-ANHANG", "PDF-VORLAGE", "PDF-STANDARD", "PDF-GRENZE"] {
        let rule = rules::find(code).unwrap_or_else(|| panic!("{code} is not registered"));
        assert!(catalog::explain(rule).contains(rule.title), "{code}");
    }
}

#[test]
fn the_code_reader_finds_codes() {
    let found = codes_in("Fehler[DP-BUDGET]: x\n  \"code\": \"YAML-SYNTAX\",\n[link](x) [a-b] [ÄÖ-X]");
    assert_eq!(found, BTreeSet::from(["DP-BUDGET".to_owned(), "YAML-SYNTAX".to_owned()]));
}

#[test]
fn every_declared_parameter_names_registered_rules() {
    use mep::profile::{ANGABEN, PARAMETERS};
    let mut named = 0;
    for d in PARAMETERS.iter().chain(ANGABEN) {
        for code in d.rules {
            assert!(rules::find(code).is_some(), "parameter `{}` names `{code}`, which is no rule", d.key);
            named += 1;
        }
    }
    assert!(named >= 10, "only {named} rule names in the parameter declarations");
}

#[test]
fn rules_that_need_a_parameter_name_declared_ones_and_say_when_they_check_nothing() {
    use mep::model::{Land, Programm};
    use mep::profile::{PARAMETERS, Profile};
    for (rule, keys) in rules::NEEDS_PARAMETER {
        for key in *keys {
            let declared = PARAMETERS.iter().find(|d| d.key == *key).unwrap_or_else(|| panic!("{}: `{key}` is no parameter", rule.code));
            assert!(declared.rules.contains(&rule.code), "`{key}` does not list {} among the rules that read it", rule.code);
        }
    }
    // Niedersachsen under DP 2.0 names no concept parts: LAND-KONZEPTTEILE checks nothing there, but does under DP 2019.
    let konzept = rules::find("LAND-KONZEPTTEILE").unwrap();
    assert!(!rules::checks_anything(konzept, &Profile::resolve(Programm::Dp2, Land::Ni)));
    assert!(rules::checks_anything(konzept, &Profile::resolve(Programm::Dp2019, Land::Ni)));
    let text = catalog::text(Some(&Profile::resolve(Programm::Dp2, Land::Ni)));
    let line = text.lines().find(|l| l.starts_with("LAND-KONZEPTTEILE")).unwrap();
    assert!(line.contains("prüft hier nichts"), "{line}");
}
