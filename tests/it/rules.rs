//! The rule catalogue and the profiles: every rule's examples, the Land
//! overlays, profile validation, the README rule list.

use mep::diag::{Diagnostic, Severity};
use mep::load::Limits;
use mep::model::{Land, Programm};
use mep::profile::{self, CapMode, Choice, Profile};
use mep::rules::{self, Verlaesslichkeit, catalog};
use serde_json::Value;

use crate::support::{check_bytes, root};

/// Families whose rules check a loaded plan and carry runnable snippets.
const FAMILIES: &[&str] = &["DP-", "DS-", "MC-", "LAND-"];

fn minimal() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// Patches a plan with a snippet: top-level sections of the snippet replace
/// those of the plan, except `schule`, whose keys are merged (it has many
/// required fields a snippet should not have to repeat).
fn patched(base: &Value, snippet: &str) -> Result<String, String> {
    let patch: Value = serde_saphyr::from_str(snippet).map_err(|e| format!("snippet is no YAML: {e}"))?;
    let Value::Object(patch) = patch else { return Err("snippet is no mapping".into()) };
    let mut plan = base.clone();
    for (key, value) in patch {
        match (plan.get_mut(&key), value) {
            (Some(Value::Object(target)), Value::Object(fields)) if key == "schule" => target.extend(fields),
            (_, value) => {
                plan[key.as_str()] = value;
            }
        }
    }
    Ok(serde_json::to_string_pretty(&plan).unwrap())
}

fn findings_of(code: &str, text: &str) -> Result<Vec<Diagnostic>, String> {
    let checked = check_bytes("snippet.yaml", text.as_bytes());
    if checked.value.is_none() {
        let first = checked.diagnostics.first().map(|d| format!("{} {}: {}", d.code, d.path, d.message)).unwrap_or_default();
        return Err(format!("patched plan does not load: {first}"));
    }
    Ok(checked.diagnostics.into_iter().filter(|d| d.code == code).collect())
}

fn plan_rules() -> Vec<&'static rules::Rule> {
    rules::all().iter().copied().filter(|r| FAMILIES.iter().any(|f| r.code.starts_with(f))).collect()
}

#[test]
fn every_rule_fires_on_its_bad_example_and_not_on_its_good_one() {
    let base = minimal();
    let mut problems = Vec::new();
    let mut seen = 0;
    for rule in plan_rules() {
        assert!(rules::check_of(rule).is_some(), "{} has no check", rule.code);
        seen += 1;
        match patched(&base, rule.bad).and_then(|t| findings_of(rule.code, &t)) {
            Ok(found) if found.is_empty() => problems.push(format!("{}: bad example does not trigger", rule.code)),
            Ok(found) => {
                let shown: Vec<String> =
                    found.iter().map(|d| format!("{}[{}] {}: {}", d.severity.label(), d.code, d.path, d.message)).collect();
                insta::assert_snapshot!(format!("bad@{}", rule.code), shown.join("\n"));
            }
            Err(e) => problems.push(format!("{}: bad example: {e}", rule.code)),
        }
        match patched(&base, rule.good).and_then(|t| findings_of(rule.code, &t)) {
            Ok(found) if !found.is_empty() => problems.push(format!("{}: good example triggers: {}", rule.code, found[0].message)),
            Ok(_) => {}
            Err(e) => problems.push(format!("{}: good example: {e}", rule.code)),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(seen >= 30, "only {seen} funding rules");
}

#[test]
fn codes_are_unique_and_listed() {
    let codes: Vec<&str> = rules::all().iter().map(|r| r.code).collect();
    let mut unique = codes.clone();
    unique.dedup();
    assert_eq!(codes, unique, "duplicate codes");
    insta::assert_snapshot!(codes.join("\n"));
}

#[test]
fn rules_resting_only_on_press_or_secondary_sources_are_at_most_warnings() {
    for rule in rules::all() {
        assert!(!rule.title.is_empty() && !rule.explanation.is_empty(), "{} lacks title or explanation", rule.code);
        // The sums of a financing plan are arithmetic, not a funding rule with a source.
        if FAMILIES.iter().any(|f| rule.code.starts_with(f)) && rule.code != "DP-FINANZIERUNG-SUMME" {
            assert!(!rule.sources.is_empty(), "{} cites no source", rule.code);
            assert!(!rule.bad.is_empty() && !rule.good.is_empty(), "{} lacks examples", rule.code);
        }
        if rule.sources.iter().all(|s| s.verlaesslichkeit != Verlaesslichkeit::Amtlich) && !rule.sources.is_empty() {
            assert_ne!(rule.severity, Severity::Fehler, "{} rests on weak sources but is an error", rule.code);
        }
    }
    // No embedded profile raises such a rule to an error either.
    for programm in Programm::ALL {
        for land in Land::ALL {
            let p = Profile::resolve(*programm, *land);
            for rule in rules::all() {
                if rule.only_weak_sources() {
                    assert_ne!(p.severity(rule), Some(Severity::Fehler), "{} raised in {}", rule.code, p.title());
                }
            }
        }
    }
}

#[test]
fn every_embedded_profile_loads_without_findings() {
    let loaded = profile::embedded();
    assert_eq!(loaded.len(), 18);
    for l in loaded {
        assert!(l.diagnostics.is_empty(), "{}: {:?}", l.source.name(), l.diagnostics);
        let file = l.value.as_ref().unwrap_or_else(|| panic!("{}", l.source.name()));
        let found = rules::profil::validate(file);
        assert!(found.is_empty(), "{}: {found:?}", l.source.name());
    }
    for land in Land::ALL {
        let p = Profile::resolve(Programm::Dp2019, *land);
        assert_eq!(p.layers, vec!["digitalpakt-2019".to_owned(), format!("land-{}", land.key().to_lowercase())]);
    }
    for r in mep::model::Rahmen::ALL {
        let fw = rules::curriculum_framework(*r).unwrap_or_else(|| panic!("framework {} does not parse", r.key()));
        assert!(fw.bereiche.len() >= 5);
    }
}

#[test]
fn land_parameters_follow_the_research_table() {
    let sh = Profile::resolve(Programm::Dp2019, Land::Sh);
    assert_eq!((sh.own_share_min_percent(false), sh.own_share_min_percent(true)), (Some(15), Some(0)));
    assert_eq!(sh.cap_mode(), CapMode::Alternativ);
    let he = Profile::resolve(Programm::Dp2019, Land::He);
    assert_eq!(he.own_share_min_percent(false), Some(10), "the VV minimum; Hessen's 25 % is Land and Träger together");
    assert_eq!(he.parameter.kofinanzierung_min_prozent.as_ref().map(|b| b.wert), Some(25));
    let th = Profile::resolve(Programm::Dp2019, Land::Th);
    assert_eq!((th.own_share_min_percent(false), th.max_funding_percent()), (Some(0), Some(100)));
    let mv = Profile::resolve(Programm::Dp2019, Land::Mv);
    assert_eq!(mv.cap_mode(), CapMode::Kumulativ);
    // DigitalPakt 2.0: no Land value of 2019 leaks in; the caps are carried over and marked.
    let mv2 = Profile::resolve(Programm::Dp2, Land::Mv);
    assert_eq!(mv2.cap_mode(), CapMode::Alternativ);
    assert!(mv2.parameter.mobil_modus.as_ref().is_some_and(|b| b.uebernommen_aus == Some(Programm::Dp2019)));
    let th2 = Profile::resolve(Programm::Dp2, Land::Th);
    assert_eq!((th2.own_share_min_percent(false), th2.max_funding_percent()), (None, None));
    let ni = Profile::resolve(Programm::Dp2, Land::Ni);
    assert_eq!(
        (ni.own_share_min_percent(false), ni.mobile_share_limit_percent(), ni.mobile_cap_cents(), ni.cap_mode()),
        (None, 20, 2_500_000, CapMode::Alternativ)
    );
    // Programme-specific Land values apply only to their programme.
    let bw1 = Profile::resolve(Programm::Dp2019, Land::Bw);
    let bw2 = Profile::resolve(Programm::Dp2, Land::Bw);
    assert_eq!(bw1.parameter.foerderzeitraum.as_ref().unwrap().wert.bis.jahr, 2024);
    assert_eq!(bw2.parameter.foerderzeitraum.as_ref().unwrap().wert.bis.jahr, 2030);
    assert!(bw2.parameter.antragsfrist.is_none() && bw2.parameter.konzeptteile.is_none() && bw2.parameter.beschluesse.is_none());
    assert!(Profile::resolve(Programm::Dp2, Land::Ni).is_provisional());
    assert!(!Profile::resolve(Programm::Dp2019, Land::Ni).is_provisional());
}

#[test]
fn each_land_overlay_decides_the_own_share() {
    // The minimal plan finances 10 % itself. Every Land's own minimum decides whether that is enough.
    let base = minimal();
    for land in Land::ALL {
        let text = patched(&base, &format!("land: {}\nprogramm: digitalpakt-2019\n", land.key())).unwrap();
        let found = findings_of("DP-EIGENANTEIL", &text).unwrap();
        let p = Profile::resolve(Programm::Dp2019, *land);
        let own = p.own_share_min_percent(false).unwrap_or(0);
        let combined = p.parameter.kofinanzierung_min_prozent.as_ref().map_or(0, |b| b.wert);
        assert_eq!(!found.is_empty(), own > 10 || combined > 10, "{}: {found:?}", land.key());
        if let Some(d) = found.first() {
            // Hessen's 25 % covers Land and Schulträger together: the plan cannot show the Land's part, so a warning.
            let wanted = if combined > 10 { Severity::Warnung } else { Severity::Fehler };
            assert_eq!(d.severity, wanted, "{}", land.key());
            assert!(d.message.contains(land.label()), "{}", d.message);
        }
    }
    // Land money listed under `sonstige_mittel_eur` counts towards Hessen's combined share.
    let text = patched(
        &base,
        "land: HE\nprogramm: digitalpakt-2019\nfinanzierung: { beantragt_eur: 18750, eigenanteil_eur: 3125, sonstige_mittel_eur: 3125 }\n",
    )
    .unwrap();
    assert!(findings_of("DP-EIGENANTEIL", &text).unwrap().is_empty());
    // DigitalPakt 2.0 knows no per-plan minimum.
    for land in Land::ALL {
        let text =
            patched(&base, &format!("land: {}\nfinanzierung: {{ beantragt_eur: 25000, eigenanteil_eur: 0 }}\n", land.key())).unwrap();
        assert!(findings_of("DP-EIGENANTEIL", &text).unwrap().is_empty(), "{}", land.key());
    }
}

#[test]
fn the_land_mode_decides_the_mobile_cap() {
    // 60 tablets à 450 € = 27.000 € of 52.000 € need: over the per-school cap, over the share.
    // A plan with a large network share stays under 20 % and differs between the readings.
    let base = minimal();
    let snippet = "bedarf:\n  - { id: B1, bezeichnung: Tablets, kategorie: mobile_endgeraete, geraetetyp: tablet, anzahl: 60, einzelpreis_eur: 450, jahr: 2027, szenarien: [S1], begruendung: Klassensätze. }\n  - { id: B2, bezeichnung: Netz, kategorie: vernetzung, geraetetyp: verkabelung, anzahl: 1, einzelpreis_eur: 200000, jahr: 2027 }\n";
    for (land, fires) in [(Land::Sh, false), (Land::Mv, true)] {
        let text = patched(&base, &format!("land: {}\nprogramm: digitalpakt-2019\n{snippet}", land.key())).unwrap();
        let found = findings_of("DP-MOBIL-OBERGRENZE", &text).unwrap();
        assert_eq!(!found.is_empty(), fires, "{}: {found:?}", land.key());
        if let Some(d) = found.first() {
            assert_eq!(d.severity, Severity::Fehler, "cumulative: 25.000 € per school is a condition of this school");
        }
    }
    // Over both limits in the alternative reading: the 20 % share belongs to the Träger's total, so one plan only warns.
    let heavy = "bedarf:\n  - { id: B1, bezeichnung: Tablets, kategorie: mobile_endgeraete, geraetetyp: tablet, anzahl: 60, einzelpreis_eur: 450, jahr: 2027, szenarien: [S1], begruendung: Klassensätze. }\n  - { id: B2, bezeichnung: WLAN, kategorie: wlan, geraetetyp: access_point, anzahl: 10, einzelpreis_eur: 500, jahr: 2027 }\nfinanzierung: { beantragt_eur: 28800, eigenanteil_eur: 3200 }\n";
    let text = patched(&base, &format!("land: SH\nprogramm: digitalpakt-2019\n{heavy}")).unwrap();
    let found = findings_of("DP-MOBIL-OBERGRENZE", &text).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warnung);
    assert!(found[0].message.contains("mep uebersicht"), "{}", found[0].message);
}

#[test]
fn a_plan_without_training_is_reported_once() {
    let mut plan = minimal();
    plan.as_object_mut().unwrap().remove("fortbildung");
    plan["programm"] = "digitalpakt-2019".into();
    for land in ["NI", "BY", "SH", "NW"] {
        plan["land"] = land.into();
        let text = serde_json::to_string(&plan).unwrap();
        let checked = check_bytes("p.yaml", text.as_bytes());
        let about_training: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "DP-FORTBILDUNG-PLAN" || (d.code == "LAND-KONZEPTTEILE" && d.message.contains("Fortbildung")))
            .collect();
        assert_eq!(about_training.len(), 1, "{land}: {about_training:#?}");
        assert_eq!(about_training[0].code, "DP-FORTBILDUNG-PLAN");
        assert!(about_training[0].message.contains("die Fortbildungsplanung ist"), "{}", about_training[0].message);
    }
}

#[test]
fn when_the_training_plan_is_due_is_a_land_parameter_with_its_source() {
    let mut plan = minimal();
    plan.as_object_mut().unwrap().remove("fortbildung");
    plan["programm"] = "digitalpakt-2019".into();
    for (land, severity, due, source) in [
        ("BW", Severity::Fehler, "mit dem Antrag", "https://digitalpaktschule.de/de/schuelerinnen-und-schueler-1734.html"),
        ("HE", Severity::Warnung, "erst zum Ende des Förderprogramms", "https://kompetenzzentrum-digitale-bildung.de/?p=2667"),
        ("NI", Severity::Warnung, "erst nach Abschluss der geförderten Maßnahme", "https://medienzentrum-schaumburg.de/?p=334"),
    ] {
        plan["land"] = land.into();
        let text = serde_json::to_string(&plan).unwrap();
        let checked = check_bytes("p.yaml", text.as_bytes());
        let d = checked.diagnostics.iter().find(|d| d.code == "DP-FORTBILDUNG-PLAN").unwrap_or_else(|| panic!("{land}: not reported"));
        assert_eq!(d.severity, severity, "{land}: {}", d.message);
        assert!(d.message.contains(&format!("ist {due} fällig")), "{land}: {}", d.message);
        assert_eq!(d.source.as_deref(), Some(source), "{land}");
    }
}

#[test]
fn a_concept_part_written_in_the_text_counts() {
    // Bavaria wants an Ausstattungsplan; a plan that describes it qualitatively in its text has one.
    let base = minimal();
    let without = "land: BY\nprogramm: digitalpakt-2019\nbedarf: []\nmassnahmen: []\nfortbildung:\n  - { titel: Medienbildung, zielgruppe: alle_lehrkraefte, teilnehmende: 15, stunden: 3, format: schilf, zeitraum: 2027-Q2 }\nfinanzierung: { beantragt_eur: 0, eigenanteil_eur: 0 }\n";
    let text = patched(&base, without).unwrap();
    let missing = findings_of("LAND-KONZEPTTEILE", &text).unwrap();
    assert!(missing.iter().any(|d| d.message.contains("Ausstattungsplan")), "{missing:?}");
    let written = format!(
        "{without}leitbild: \"Ausstattungsplan: Jede Klasse erhält bis 2028 ein interaktives Display, die Grundschule einen Tabletkoffer je Jahrgang.\"\n"
    );
    let text = patched(&base, &written).unwrap();
    let found = findings_of("LAND-KONZEPTTEILE", &text).unwrap();
    assert!(!found.iter().any(|d| d.message.contains("Ausstattungsplan")), "{found:?}");
}

#[test]
fn a_plan_lacking_only_data_protection_documents_has_no_error() {
    let mut plan = minimal();
    let map = plan.as_object_mut().unwrap();
    map.remove("datenschutz");
    let pl = &mut plan["plattformen"][0];
    pl["avv"] = "fehlt".into();
    pl["vvt"] = false.into();
    pl["einwilligung"] = "fehlt".into();
    pl["dsfa"] = "fehlt".into();
    pl["betreiber"] = "anbieter".into();
    let text = serde_json::to_string_pretty(&plan).unwrap();
    let checked = check_bytes("p.yaml", text.as_bytes());
    assert!(!mep::has_errors(&checked.diagnostics), "{:#?}", checked.diagnostics);
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    for code in ["DS-DSB", "DS-AVV", "DS-VVT", "DS-EINWILLIGUNG", "DS-DSFA"] {
        assert!(codes.contains(&code), "{code} missing in {codes:?}");
    }
    // Each cites its DSGVO article, a nationwide source; a Land page only in that Land (here Niedersachsen).
    for d in &checked.diagnostics {
        assert!(d.source.as_deref().is_some_and(|u| u.starts_with("https://eur-lex.europa.eu/")), "{d:?}");
    }
}

#[test]
fn check_plan_uses_the_profile_the_plan_selects() {
    for name in ["berufskolleg-nordrhein-westfalen.yaml", "grundschule-niedersachsen.yaml", "gymnasium-baden-wuerttemberg.yaml"] {
        let bytes = std::fs::read(root().join("examples").join(name)).unwrap();
        let checked = mep::check_plan(name, &bytes, &Limits::default());
        let plan = checked.value.as_ref().unwrap();
        let with = mep::check_plan_with(name, &bytes, &Limits::default(), &Profile::for_plan(plan));
        assert_eq!(checked.diagnostics, with.diagnostics, "{name}");
    }
}

#[test]
fn a_forced_programme_changes_severities() {
    let bytes = std::fs::read(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    let text = patched(&minimal(), mep::rules::foerder::DP_LAUFENDE_KOSTEN.bad).unwrap();
    let choose = |programm| Choice { programm: Some(programm), ..Choice::default() };
    let dp2 = mep::check_plan_for("p.yaml", text.as_bytes(), &Limits::default(), &choose(Programm::Dp2));
    let dp1 = mep::check_plan_for("p.yaml", text.as_bytes(), &Limits::default(), &choose(Programm::Dp2019));
    let sev = |c: &mep::Checked| c.diagnostics.iter().find(|d| d.code == "DP-LAUFENDE-KOSTEN").map(|d| d.severity);
    assert_eq!(sev(&dp2), Some(Severity::Warnung));
    assert_eq!(sev(&dp1), Some(Severity::Fehler));
    assert!(mep::check_plan("m.yaml", &bytes, &Limits::default()).diagnostics.is_empty());
}

/// Betrieb and support are the Schulträger's duty: in a school plan a missing level or confirmation
/// is a warning under every programme and in every Land, and its help points to the Schulträger's file.
#[test]
fn operation_findings_in_a_school_plan_are_warnings_that_point_to_the_schultraeger() {
    for rule in [&mep::rules::betrieb::DP_BETRIEB_SUPPORT, &mep::rules::betrieb::DP_BETRIEB_BESTAETIGUNG] {
        let text = patched(&minimal(), rule.bad).unwrap();
        for programm in Programm::ALL {
            for land in mep::model::Land::ALL {
                let choice = Choice { programm: Some(*programm), land: Some(*land), file: None };
                let checked = mep::check_plan_for("p.yaml", text.as_bytes(), &Limits::default(), &choice);
                let found: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == rule.code).collect();
                assert!(!found.is_empty(), "{} {} {}: not found", rule.code, programm.key(), land.key());
                for d in found {
                    assert_eq!(d.severity, Severity::Warnung, "{} {} {}", rule.code, programm.key(), land.key());
                    let help = d.help.as_deref().unwrap_or_default();
                    assert!(help.contains("Sache des Schulträgers") && help.contains("--traeger"), "{}: {help}", rule.code);
                }
            }
        }
    }
}

fn load(text: &str) -> mep::load::Loaded<profile::ProfilDatei> {
    rules::profil::load_profile("profil.yaml", text.as_bytes(), &Limits::default())
}

#[test]
fn profile_files_are_validated_with_located_findings() {
    let l = load("id: kreis\ntitel: Kreis\nregeln:\n  DP-FOLGEKOSTEN: fehler\n  DP-SMARTPHON: warnung\n");
    assert!(l.value.is_none());
    assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
    let d = &l.diagnostics[0];
    assert_eq!((d.code.as_str(), d.severity), ("PROFIL-REGEL", Severity::Fehler));
    let loc = d.location.as_ref().unwrap();
    assert_eq!((loc.line, loc.column), (5, 17));
    assert!(d.help.as_deref().unwrap().contains("Meinten Sie `DP-SMARTPHONE`?"), "{:?}", d.help);

    let l = load(
        "id: kreis\ntitel: Kreis\nparameter:\n  eigenanteil_min_proznt: { wert: 20, quelle: https://example.org, verlaesslichkeit: amtlich }\n",
    );
    let d = &l.diagnostics[0];
    assert_eq!(d.code, "FORMAT-UNBEKANNT");
    assert_eq!(d.location.as_ref().unwrap().line, 4);
    assert!(d.help.as_deref().unwrap_or_default().contains("eigenanteil_min_prozent"), "{:?}", d.help);

    let l = load("id: kreis\ntitel: Kreis\nregeln:\n  DS-CLOUD-DSK: fehler\n");
    assert_eq!(l.diagnostics[0].code, "PROFIL-SCHWERE");
    assert_eq!(l.diagnostics[0].location.as_ref().unwrap().line, 4);

    // The catalogue's own examples of the profile codes.
    for code in ["PROFIL-REGEL", "PROFIL-SCHWERE"] {
        let rule = rules::find(code).unwrap();
        assert!(load(rule.bad).diagnostics.iter().any(|d| d.code == code), "{code} bad");
        assert!(load(rule.good).diagnostics.is_empty(), "{code} good");
    }
}

#[test]
fn a_profile_file_selects_rules_and_parameters() {
    let file = load(
        "id: kreis\ntitel: Kreis\nparameter:\n  eigenanteil_min_prozent: { wert: 20, quelle: https://example.org/beschluss, verlaesslichkeit: amtlich }\nregeln:\n  DP-FOLGEKOSTEN: aus\n",
    )
    .value
    .unwrap();
    let text = patched(
        &minimal(),
        "betrieb:\n  first_level: { verantwortlich: A }\n  second_level: { verantwortlich: B }\n  bestaetigung_schultraeger: 2026-09-01\n",
    )
    .unwrap();
    let plain = mep::check_plan("p.yaml", text.as_bytes(), &Limits::default());
    let with = mep::check_plan_for("p.yaml", text.as_bytes(), &Limits::default(), &Choice { file: Some(file), ..Choice::default() });
    let codes = |c: &mep::Checked| c.diagnostics.iter().map(|d| d.code.code).collect::<Vec<_>>();
    assert!(codes(&plain).contains(&"DP-FOLGEKOSTEN"));
    assert!(!codes(&with).contains(&"DP-FOLGEKOSTEN"));
    let own = with.diagnostics.iter().find(|d| d.code == "DP-EIGENANTEIL").expect("20 % minimum applies");
    assert_eq!(own.source.as_deref(), Some("https://example.org/beschluss"));
}

#[test]
fn a_parameter_from_the_press_yields_at_most_a_warning() {
    // DP 2.0's window is known only from the press: a measure outside it is a warning, not an error.
    let text = patched(
        &minimal(),
        "massnahmen:\n  - { id: M1, titel: WLAN, bedarf: [B1], verantwortlich: Schulträger, beginn: 2024-11-01, ende: 2027-03-31 }\n",
    )
    .unwrap();
    let found = findings_of("DP-FOERDERZEITRAUM", &text).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warnung);
    let text = patched(&minimal(), "programm: digitalpakt-2019\nmassnahmen:\n  - { id: M1, titel: WLAN, bedarf: [B1], verantwortlich: Schulträger, beginn: 2019-01-01, ende: 2019-03-31 }\n").unwrap();
    assert_eq!(findings_of("DP-FOERDERZEITRAUM", &text).unwrap()[0].severity, Severity::Fehler);
}

#[test]
fn explanations_name_code_examples_and_sources() {
    let text = catalog::explain(rules::find("DP-MOBIL-OBERGRENZE").unwrap());
    for part in [
        "DP-MOBIL-OBERGRENZE",
        "So löst es die Regel aus:",
        "So ist es richtig:",
        "Quellen:",
        "(amtlich; bundesweit)",
        "(amtlich; nur für MV)",
        "DigitalPakt 2.0 (2025–2030), vorläufig: Warnung",
        "übernommen aus DigitalPakt Schule 2019–2024",
        "MV Mecklenburg-Vorpommern:",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
}

#[test]
fn lists_for_a_land_show_every_parameter_with_its_source() {
    for land in Land::ALL {
        let p = Profile::resolve(Programm::Dp2019, *land);
        let md = catalog::markdown(Some(&p));
        assert!(md.contains("| Mindest-Eigenanteil |"), "{}", land.key());
        for line in md.lines().filter(|l| l.starts_with("| ") && l.contains(" | <")) {
            assert!(line.contains("<https://") || line.contains("<http://"), "{}: {line}", land.key());
            let last = line.trim_end_matches(" |").rsplit("| ").next().unwrap_or_default();
            assert!(["amtlich", "Presse", "sekundär"].iter().any(|r| last.starts_with(r)), "{line}");
        }
        let json: Value = serde_json::from_str(&catalog::json(Some(&p)).unwrap()).unwrap();
        let listed = json["regeln"].as_array().unwrap().len();
        assert_eq!(listed, catalog::listed(Some(&p)).len());
        assert_eq!(json["profil"]["land"], land.key());
    }
}

#[test]
fn a_missing_section_yields_one_finding_not_a_cascade() {
    let mut plan = minimal();
    let map = plan.as_object_mut().unwrap();
    for key in ["betrieb", "datenschutz", "finanzierung", "fortbildung", "mediencurriculum"] {
        map.remove(key);
    }
    let text = serde_json::to_string_pretty(&plan).unwrap();
    let checked = check_bytes("lueckenhaft.yaml", text.as_bytes());
    assert!(checked.value.is_some());
    let count = |code: &str| checked.diagnostics.iter().filter(|d| d.code == code).count();
    for (code, n) in [
        ("DP-BETRIEB-SUPPORT", 1),
        ("DP-BETRIEB-BESTAETIGUNG", 0),
        ("DP-FOLGEKOSTEN", 0),
        ("DS-DSB", 1),
        ("DP-FINANZIERUNG-SUMME", 1),
        ("DP-EIGENANTEIL", 0),
        ("DP-BUDGET", 0),
        ("DP-FORTBILDUNG-PLAN", 1),
        ("DP-FORTBILDUNG-ABDECKUNG", 0),
        ("DP-FORTBILDUNG-UMFANG", 0),
        ("MC-KOMPETENZ", 0),
        ("MC-BEREICHE", 0),
        ("LAND-KONZEPTTEILE", 0), // DigitalPakt 2.0: no Land requirement is known yet
    ] {
        assert_eq!(count(code), n, "{code}: {:#?}", checked.diagnostics);
    }
    for d in &checked.diagnostics {
        assert!(d.location.is_some(), "{d:?}");
    }
}

#[test]
fn electrical_and_building_work_needs_no_teaching_scenario_or_reason() {
    // B2 is an Elektroinstallation without `szenarien` or `begruendung`: it serves the network, not a lesson.
    let checked = crate::support::check_file(&root().join("tests/fixtures/rules/DP-BEGLEITMASSNAHME/good.yaml"));
    let about_b2: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| (d.code == "DP-BEGRUENDUNG" || d.code == "DP-EINSATZSZENARIO") && d.path.starts_with("bedarf[1]"))
        .map(|d| d.code.as_str())
        .collect();
    assert!(about_b2.is_empty(), "{about_b2:?}");
    // A device without them still is reported.
    let text = std::fs::read_to_string(root().join("tests/fixtures/rules/DP-BEGRUENDUNG/bad.yaml")).unwrap();
    let checked = check_bytes("bad.yaml", text.as_bytes());
    assert!(checked.diagnostics.iter().any(|d| d.code == "DP-BEGRUENDUNG"));
}

/// Plausibility findings say that they are plausibility checks, and the bandwidth is compared only
/// where a source gives a figure (Hamburg): the minimal plan's 250 Mbit/s pass in Niedersachsen.
#[test]
fn plausibility_checks_say_so_and_bandwidth_only_in_hamburg() {
    let bytes = std::fs::read(root().join("tests/fixtures/valid/minimal.yaml")).unwrap();
    let limits = Limits::default();
    let codes = |c: &mep::Checked| c.diagnostics.iter().filter(|d| d.code == "PLAUS-BANDBREITE").map(|d| d.severity).collect::<Vec<_>>();
    for programm in Programm::ALL {
        for land in mep::model::Land::ALL {
            let choice = Choice { programm: Some(*programm), land: Some(*land), file: None };
            let found = codes(&mep::check_plan_for("p.yaml", &bytes, &limits, &choice));
            let expected = if *land == mep::model::Land::Hh { vec![Severity::Hinweis] } else { vec![] };
            assert_eq!(found, expected, "{} {}", programm.key(), land.key());
        }
    }
    let by = mep::check_plan("by.yaml", &std::fs::read(root().join("examples/realschule-bayern.yaml")).unwrap(), &limits);
    let plaus: Vec<_> = by.diagnostics.iter().filter(|d| d.code.code.starts_with("PLAUS-")).collect();
    assert!(
        plaus.iter().any(|d| d.code == "PLAUS-AUSSTATTUNGSZIEL" && d.message.contains("31 Geräte") && d.message.contains("es fehlen 9"))
    );
    assert!(plaus.iter().any(|d| d.code == "PLAUS-ZIELTERMIN" && d.message.contains("Ziel Z2 soll bis 28.02.2028")));
    for d in plaus {
        assert!(d.message.starts_with("Plausibilitätsprüfung: "), "{}", d.message);
        assert_ne!(d.severity, Severity::Fehler, "{}", d.message);
    }
}
