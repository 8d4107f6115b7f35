//! Codes raised while reading a profile file (`--profile`), and the checks that raise them.

use std::collections::BTreeMap;

use super::{Entry, Rule};
use crate::diag::Diagnostic;
use crate::diag::Severity::Fehler;
use crate::load::{Limits, Loaded, suggest};
use crate::profile::{Einstellung, ProfilDatei, read_profile};

/// Profile codes; raised by [`load_profile`], not by a check on a plan.
pub(super) static RULES: &[Entry] = &[(&PROFIL_REGEL, None), (&PROFIL_SCHWERE, None)];

/// `PROFIL-REGEL`: Unbekannte oder nicht einstellbare Regel im Profil
pub static PROFIL_REGEL: Rule = Rule {
    code: "PROFIL-REGEL",
    title: "Unbekannte oder nicht einstellbare Regel im Profil",
    severity: Fehler,
    explanation: "Ein Profil stellt unter `regeln` den Schweregrad einzelner Regeln ein. Der Code muss eine Regel sein, die mep kennt \
und die einen Plan prüft (Codes des Einlesens wie `YAML-SYNTAX` lassen sich nicht abschalten). Ein Tippfehler im Code darf nicht still \
übergangen werden, sonst gilt die Einstellung nicht. Die Meldung nennt den ähnlichsten Code; alle Codes zeigt `mep regeln`. \
Eine Land-Ergänzung (`id: land-…`) nennt kein `programm`; sie gibt ihre Werte je Programm unter `digitalpakt-2019:` und `digitalpakt-2:` an, damit kein Wert des einen Programms im anderen gilt.",
    bad: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DP-SMARTPHON: warnung\n",
    good: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DP-SMARTPHONE: warnung\n",
    sources: &[],
};

/// `PROFIL-SCHWERE`: Schweregrad zu hoch für die Quellenlage
pub static PROFIL_SCHWERE: Rule = Rule {
    code: "PROFIL-SCHWERE",
    title: "Schweregrad zu hoch für die Quellenlage",
    severity: Fehler,
    explanation: "Eine Regel, die sich nur auf Presse- oder Sekundärquellen stützt, darf höchstens eine Warnung melden: \
ein Fehler bedeutet „nicht förderfähig“ und braucht eine amtliche Grundlage. Ein Profil kann eine solche Regel deshalb nicht auf `fehler` setzen. \
Ergänzen Sie zuerst eine amtliche Quelle in der Regel oder belassen Sie es bei `warnung`.",
    bad: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DS-CLOUD-DSK: fehler\n",
    good: "id: arbeitsgruppe-kreis\ntitel: Profil der Arbeitsgruppe\nregeln:\n  DS-CLOUD-DSK: warnung\n",
    sources: &[],
};

/// Loads a profile file and validates it: structure (like a plan), then rule codes and severities.
#[must_use]
pub fn load_profile(name: &str, bytes: &[u8], limits: &Limits) -> Loaded<ProfilDatei> {
    let mut loaded = read_profile(name, bytes, limits);
    if let Some(file) = &loaded.value {
        let mut found = validate(file);
        for d in &mut found {
            loaded.source.locate(d);
        }
        loaded.diagnostics.append(&mut found);
        crate::diag::sort(&mut loaded.diagnostics);
        if crate::diag::has_errors(&loaded.diagnostics) {
            loaded.value = None;
        }
    }
    loaded
}

/// Checks what the structure cannot: known rule codes, severities allowed by the sources,
/// Land overlays holding their values per programme.
#[must_use]
pub fn validate(file: &ProfilDatei) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let general = file.general();
    let sections =
        [("", Some(&general)), ("digitalpakt-2019.", file.digitalpakt_2019.as_ref()), ("digitalpakt-2.", file.digitalpakt_2.as_ref())];
    for (prefix, section) in sections {
        if let Some(section) = section {
            validate_rules(prefix, &section.regeln, &mut out);
        }
    }
    if let (Some(p), Some(_)) = (file.programm, file.land)
        && file.is_land_overlay()
    {
        out.push(
            PROFIL_REGEL.diagnostic(
                "programm",
                format!("Eine Land-Ergänzung gilt für beide Programme und nennt kein Programm (hier `{}`).", p.key()),
            ),
        );
    }
    if file.is_land_overlay() && !general.is_empty() {
        let path = if file.regeln.is_empty() { "parameter" } else { "regeln" };
        out.push(
            PROFIL_REGEL
                .diagnostic(path, "Eine Land-Ergänzung nennt ihre Werte je Programm, nicht für beide zugleich.")
                .help("Schreiben Sie die Werte unter `digitalpakt-2019:` oder `digitalpakt-2:` (mit `parameter`, `angaben`, `regeln`)."),
        );
    }
    out
}

fn validate_rules(prefix: &str, regeln: &BTreeMap<String, Einstellung>, out: &mut Vec<Diagnostic>) {
    let codes: Vec<&str> = super::all().iter().filter(|r| super::is_adjustable(r)).map(|r| r.code).collect();
    for (code, setting) in regeln {
        let path = format!("{prefix}regeln.{code}");
        match super::find(code) {
            Some(rule) if super::is_adjustable(rule) => {
                if *setting == Einstellung::Fehler && rule.only_weak_sources() {
                    out.push(
                        PROFIL_SCHWERE
                            .diagnostic(
                                path,
                                format!(
                                    "`{}` stützt sich nur auf Presse- oder Sekundärquellen und darf höchstens eine Warnung sein.",
                                    rule.code
                                ),
                            )
                            .help("Schreiben Sie `warnung` oder ergänzen Sie zuerst eine amtliche Quelle in der Regel."),
                    );
                }
            }
            Some(rule) => out.push(
                PROFIL_REGEL
                    .diagnostic(
                        path,
                        format!("`{}` wird beim Einlesen geprüft und lässt sich nicht über ein Profil einstellen.", rule.code),
                    )
                    .help("Entfernen Sie den Eintrag."),
            ),
            None => {
                let help = match suggest(code, &codes) {
                    Some(s) => format!("Meinten Sie `{s}`? Alle Codes zeigt `mep regeln`."),
                    None => "Alle Codes zeigt `mep regeln`.".to_owned(),
                };
                out.push(PROFIL_REGEL.diagnostic(path, format!("Die Regel `{code}` gibt es nicht.")).help(help));
            }
        }
    }
}
