//! Every rule's bad and good example as a runnable plan under `tests/fixtures/rules/<CODE>/`,
//! and the rule list of every Land and programme.

use std::collections::BTreeSet;
use std::path::PathBuf;

use mep::model::{Land, Programm};
use mep::profile::Profile;
use mep::rules::{self, catalog};

use crate::support::{check_file, root};

/// Rules whose examples are plans: every rule that checks a loaded plan and whose snippets patch into one.
fn plan_rules() -> Vec<&'static rules::Rule> {
    rules::all()
        .iter()
        .copied()
        .filter(|r| {
            rules::check_of(r).is_some()
                && ["DP-", "DS-", "MC-", "LAND-", "PLAUS-", "PLAN-PLATZHALTER", "TEXT-ZEICHEN", "TEXT-SCHRIFT"]
                    .iter()
                    .any(|f| r.code.starts_with(f))
        })
        .collect()
}

/// Splits YAML text into its top-level blocks: (key, lines including the key line).
fn blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let top = !line.starts_with(' ') && !line.starts_with('#') && !line.starts_with('-') && line.contains(':');
        if top {
            let key = line.split(':').next().unwrap_or_default().to_owned();
            out.push((key, vec![line.to_owned()]));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line.to_owned());
        }
    }
    out
}

/// The minimal plan with the snippet's sections in place of its own; keys under `schule` are merged.
fn example(code: &str, kind: &str, snippet: &str) -> String {
    let base = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    let mut plan = blocks(&base);
    for (key, lines) in blocks(snippet) {
        match plan.iter_mut().find(|(k, _)| *k == key) {
            Some((_, target)) if key == "schule" => {
                for line in lines.iter().skip(1) {
                    let child = line.trim_start().split(':').next().unwrap_or_default();
                    match target.iter_mut().skip(1).find(|l| l.trim_start().split(':').next() == Some(child)) {
                        Some(existing) => existing.clone_from(line),
                        None => target.push(line.clone()),
                    }
                }
            }
            Some((_, target)) => *target = lines,
            None => plan.push((key, lines)),
        }
    }
    let what = if kind == "bad" { "löst die Regel aus" } else { "besteht die Regel" };
    let mut out = format!("# Beispiel zu {code}: {what}. Prüfen mit: mep validate tests/fixtures/rules/{code}/{kind}.yaml\n");
    for (_, lines) in plan {
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn dir() -> PathBuf {
    root().join("tests/fixtures/rules")
}

/// Fails when an example file differs from the rule's snippet; regenerate with
/// `MEP_UPDATE=1 cargo test --test it`.
#[test]
fn every_rule_example_is_a_file_and_does_what_it_says() {
    let update = std::env::var_os("MEP_UPDATE").is_some();
    let mut problems = Vec::new();
    let mut wanted = BTreeSet::new();
    for rule in plan_rules() {
        wanted.insert(rule.code.to_owned());
        for (kind, snippet) in [("bad", rule.bad), ("good", rule.good)] {
            let path = dir().join(rule.code).join(format!("{kind}.yaml"));
            let text = example(rule.code, kind, snippet);
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &text).unwrap();
            }
            if std::fs::read_to_string(&path).unwrap_or_default() != text {
                problems.push(format!("{}: {kind}.yaml is stale; run `MEP_UPDATE=1 cargo test --test it`", rule.code));
                continue;
            }
            let checked = check_file(&path);
            if checked.value.is_none() {
                let first = checked.diagnostics.first().map(|d| format!("{} {}: {}", d.code, d.path, d.message)).unwrap_or_default();
                problems.push(format!("{}: {kind}.yaml does not load: {first}", rule.code));
                continue;
            }
            let found: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == rule.code).collect();
            match kind {
                "bad" if found.is_empty() => problems.push(format!("{}: bad.yaml does not trigger the rule", rule.code)),
                "good" if !found.is_empty() => problems.push(format!("{}: good.yaml triggers: {}", rule.code, found[0].message)),
                _ => {}
            }
        }
    }
    let present: BTreeSet<String> =
        std::fs::read_dir(dir()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    for stray in present.difference(&wanted) {
        problems.push(format!("tests/fixtures/rules/{stray} belongs to no rule"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(wanted.len() >= 35, "only {} rules with examples", wanted.len());
}

#[test]
fn the_rule_list_of_every_land_and_programme() {
    for programm in Programm::ALL {
        for land in Land::ALL {
            let p = Profile::resolve(*programm, *land);
            let json = catalog::json(Some(&p)).unwrap();
            insta::assert_snapshot!(format!("rules@{}-{}", programm.key(), land.key()), json);
        }
    }
}

#[test]
fn no_value_known_only_for_the_digitalpakt_2019_appears_under_digitalpakt_2() {
    let own = |p: &Profile| {
        catalog::parameter_rows(p)
            .into_iter()
            .filter(|r| r.carried.is_none() && !r.school_law)
            .map(|r| (r.name(), r.value, r.url))
            .collect::<BTreeSet<_>>()
    };
    for land in Land::ALL {
        let dp1 = own(&Profile::resolve(Programm::Dp2019, *land));
        let dp2 = own(&Profile::resolve(Programm::Dp2, *land));
        let leaked: Vec<_> = dp2.intersection(&dp1).collect();
        assert!(leaked.is_empty(), "{}: DigitalPakt 2019 values under DigitalPakt 2.0: {leaked:?}", land.key());
        let p = Profile::resolve(Programm::Dp2, *land);
        assert!(p.parameter.eigenanteil_min_prozent.is_none(), "{}: no per-plan minimum is known for DP 2.0", land.key());
        // Concept parts are known for DP 2.0 only where the Land's school law asks for them anyway, and then only warn.
        assert!(p.parameter.konzeptteile.as_ref().is_none_or(|k| k.schulrecht) && p.parameter.beschluesse.is_none(), "{}", land.key());
        if p.parameter.konzeptteile.is_some() {
            assert_ne!(p.regeln.get("LAND-KONZEPTTEILE"), Some(&mep::profile::Einstellung::Fehler), "{}", land.key());
            assert!(
                p.regeln.contains_key("LAND-KONZEPTTEILE"),
                "{}: school-law concept parts under DP 2.0 set LAND-KONZEPTTEILE to a warning",
                land.key()
            );
        }
        // Values carried over from DP 2019 are marked, and can never make an error.
        for r in catalog::parameter_rows(&p) {
            if r.carried.is_some() {
                assert!(r.status().contains("übernommen"), "{}", r.name());
            }
        }
    }
    let th = catalog::text(Some(&Profile::resolve(Programm::Dp2, Land::Th)));
    assert!(!th.contains("Mindest-Eigenanteil"), "{th}");
    assert!(th.contains("29,6 Mio. € Schulträger"), "{th}");
}

#[test]
fn the_status_of_the_digitalpakt_2_names_what_is_agreed_and_pending_with_the_newest_date() {
    let p = Profile::resolve_programme(Programm::Dp2, None);
    let newest = catalog::parameter_rows(&p).into_iter().filter_map(|r| r.date).max();
    assert_eq!(p.stand, newest, "`stand` of digitalpakt-2.yaml is the date of its newest source");
    let text = catalog::text(Some(&p));
    for part in ["Vereinbart", "Unterzeichnet ist er noch nicht", "stehen aus", "Stand der neuesten Quelle: 18.12.2025"] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
}

#[test]
fn a_rule_for_every_land_cites_a_nationwide_source_and_land_pages_only_there() {
    for rule in rules::all() {
        if rule.sources.is_empty() || !rule.sources.iter().any(|q| !q.nationwide()) {
            continue;
        }
        for programm in Programm::ALL {
            for land in Land::ALL {
                let p = Profile::resolve(*programm, *land);
                if p.severity(rule).is_none() {
                    continue;
                }
                let cited: Vec<_> = rule.sources_for(Some(*land)).collect();
                assert!(cited.iter().all(|q| q.applies_to(Some(*land))));
                // LAND-* and DP-ANTRAGSFRIST cite the parameter's source; DP-BUDGET compares with the budget the plan states.
                let reads_parameter = rule.code.starts_with("LAND-") || rule.code == "DP-ANTRAGSFRIST" || rule.code == "DP-BUDGET";
                assert!(reads_parameter || !cited.is_empty(), "{} is on in {} but cites no source there", rule.code, p.title());
            }
        }
    }
}

#[test]
fn each_source_is_declared_once() {
    // Every URL literal of the rule modules stands in exactly one place: `src/sources.rs`.
    let mut seen = std::collections::BTreeMap::new();
    let mut files = vec![root().join("src/sources.rs")];
    let mut dirs = vec![root().join("src/rules")];
    while let Some(dir) = dirs.pop() {
        for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() { dirs.push(path) } else { files.push(path) }
        }
    }
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, _) in text.match_indices("\"https://") {
            let url: String = text[i + 1..].chars().take_while(|c| *c != '"').collect();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(path.ends_with("src/sources.rs"), "{url} declared outside src/sources.rs, in {name}");
            *seen.entry(url).or_insert(0) += 1;
        }
    }
    assert!(seen.len() > 40, "only {} sources found", seen.len());
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "declared twice: {twice:?}");
}

/// The URLs of `src/sources.rs` that are declared for some Länder only, with those Länder's keys.
fn land_scoped_sources() -> std::collections::BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(root().join("src/sources.rs")).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for (i, _) in text.match_indices("= land(") {
        let call = &text[i..text[i..].find(");").map_or(text.len(), |e| i + e)];
        let laender: Vec<String> = call
            .match_indices("Land::")
            .map(|(j, _)| call[j + 6..].chars().take_while(char::is_ascii_alphabetic).collect::<String>().to_uppercase())
            .collect();
        let url: String = call.find("\"https://").map(|j| call[j + 1..].chars().take_while(|c| *c != '"').collect()).unwrap_or_default();
        assert!(!url.is_empty() && !laender.is_empty(), "unreadable declaration: {call}");
        out.insert(url, laender);
    }
    out
}

#[test]
fn a_land_profile_cites_no_page_declared_for_another_land() {
    let scoped = land_scoped_sources();
    assert!(scoped.len() > 20, "only {} Land sources found", scoped.len());
    let dir = root().join("schemas/profiles/laender");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let land = path.file_stem().unwrap().to_string_lossy().to_uppercase();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            let Some(url) = line.trim().strip_prefix("quelle: ") else { continue };
            if let Some(laender) = scoped.get(url.trim()) {
                checked += 1;
                assert!(laender.contains(&land), "{}: cites {url}, which is declared for {laender:?} only", path.display());
            }
        }
    }
    assert!(checked > 10, "only {checked} Land-scoped citations checked");
}
