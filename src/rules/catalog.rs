//! The catalogue as text: the rule list (text, Markdown, JSON) and the full
//! explanation of one rule. Used by `mep rules`, `mep explain` and the README.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Quelle, Rule, all};
use crate::diag::Severity;
use crate::model::{Land, Programm};
use crate::profile::{Belegt, Einstellung, Profile, embedded};

/// The severity a rule has: under a profile if given, else its default.
fn effective(rule: &Rule, profile: Option<&Profile>) -> Option<Severity> {
    match profile {
        Some(p) => p.severity(rule),
        None => Some(rule.severity),
    }
}

/// The rules listed for a profile (switched-off rules are left out), sorted by code.
#[must_use]
pub fn listed(profile: Option<&Profile>) -> Vec<(&'static Rule, Severity)> {
    all().iter().filter_map(|r| effective(r, profile).map(|s| (*r, s))).collect()
}

/// Escapes text for a Markdown table cell.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn reliabilities(sources: &[Quelle]) -> String {
    if sources.is_empty() {
        return "–".to_owned();
    }
    let mut labels: Vec<&str> = Vec::new();
    for label in sources.iter().map(|q| q.verlaesslichkeit.label()) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join(", ")
}

/// The rule list as a Markdown table (the README section is this with no profile).
#[must_use]
pub fn markdown(profile: Option<&Profile>) -> String {
    let mut out = String::new();
    if let Some(p) = profile {
        let _ = writeln!(out, "Profil: {}\n", md(&p.title()));
    }
    out.push_str("| Code | Regel | Schweregrad | Quellen |\n|---|---|---|---|\n");
    for (rule, severity) in listed(profile) {
        let _ = writeln!(out, "| `{}` | {} | {} | {} |", rule.code, md(rule.title), severity.label(), reliabilities(rule.sources));
    }
    if let Some(p) = profile {
        out.push_str(&parameters_markdown(p));
    }
    out
}

/// One row per parameter and descriptive entry of a profile, each with its source.
fn parameter_rows(p: &Profile) -> Vec<(&'static str, String, String, &'static str)> {
    fn row<T>(
        name: &'static str,
        b: Option<&Belegt<T>>,
        show: impl Fn(&T) -> String,
    ) -> Option<(&'static str, String, String, &'static str)> {
        b.map(|b| (name, show(&b.wert), b.quelle.clone(), b.verlaesslichkeit.label()))
    }
    let q = &p.parameter;
    let a = &p.angaben;
    [
        row("Mindest-Eigenanteil", q.eigenanteil_min_prozent.as_ref(), |v| format!("{v} %")),
        row("Mindest-Eigenanteil (finanzschwach)", q.eigenanteil_min_finanzschwach_prozent.as_ref(), |v| format!("{v} %")),
        row("Höchster Fördersatz", q.foerdersatz_max_prozent.as_ref(), |v| format!("{v} %")),
        row("Mobile Endgeräte: Höchstanteil", q.mobil_anteil_max_prozent.as_ref(), |v| format!("{v} %")),
        row("Mobile Endgeräte: Höchstbetrag je Schule", q.mobil_max_je_schule_eur.as_ref(), |v| super::foerder::eur(v.cents())),
        row("Mobile Endgeräte: Verhältnis der Grenzen", q.mobil_modus.as_ref(), |v| v.label().to_owned()),
        row("Förderzeitraum", q.foerderzeitraum.as_ref(), |v| format!("{} bis {}", v.von.de(), v.bis.de())),
        row("Antragsfrist", q.antragsfrist.as_ref(), |v| v.de()),
        row("Verlangte Teile des Konzepts", q.konzeptteile.as_ref(), |v| v.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")),
        row("Kompetenzrahmen", q.kompetenzrahmen.as_ref(), |v| v.label().to_owned()),
        row("Verlangte Beschlüsse", q.beschluesse.as_ref(), |v| v.iter().map(|g| g.label()).collect::<Vec<_>>().join(", ")),
        row("Konzept", a.konzept.as_ref(), Clone::clone),
        row("Konzept fällig", a.konzept_faellig.as_ref(), Clone::clone),
        row("Bewilligung", a.bewilligung.as_ref(), Clone::clone),
        row("Budgetformel", a.budgetformel.as_ref(), Clone::clone),
        row("Bundesmittel", a.bundesmittel.as_ref(), Clone::clone),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn parameters_markdown(p: &Profile) -> String {
    let mut out = String::from("\n| Parameter | Wert | Quelle | Verlässlichkeit |\n|---|---|---|---|\n");
    for (name, value, url, rel) in parameter_rows(p) {
        let _ = writeln!(out, "| {name} | {} | <{}> | {rel} |", md(&value), url.replace(['<', '>', ' '], ""));
    }
    for reason in &p.provisional {
        let _ = writeln!(out, "\n**Vorläufig:** {}", md(reason));
    }
    out
}

/// Replaces control characters, so text from a profile file cannot steer a terminal.
fn plain(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The rule list as plain text: code, severity, title; with the profile's parameters.
#[must_use]
pub fn text(profile: Option<&Profile>) -> String {
    let rows = listed(profile);
    let width = rows.iter().map(|(r, _)| r.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    if let Some(p) = profile {
        let _ = writeln!(out, "Profil: {}\n", plain(&p.title()));
    }
    for (rule, severity) in &rows {
        let _ = writeln!(out, "{:<width$}  {:<7}  {}", rule.code, severity.label(), rule.title);
    }
    if let Some(p) = profile {
        out.push_str("\nParameter:\n");
        for (name, value, url, rel) in parameter_rows(p) {
            let _ = writeln!(out, "  {name}: {}\n    Quelle ({rel}): {}", plain(&value), plain(&url));
        }
        for reason in &p.provisional {
            let _ = writeln!(out, "\nHinweis: {}", plain(reason));
        }
    }
    let _ = write!(out, "\n{} Regeln. Erklärung einer Regel: mep explain CODE", rows.len());
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonRule {
    code: &'static str,
    titel: &'static str,
    schweregrad: Severity,
    standard: Severity,
    quellen: &'static [Quelle],
}

#[derive(Serialize)]
struct JsonList<'a> {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    profil: Option<&'a Profile>,
    regeln: Vec<JsonRule>,
}

/// The rule list as JSON.
pub fn json(profile: Option<&Profile>) -> serde_json::Result<String> {
    let regeln = listed(profile)
        .into_iter()
        .map(|(r, s)| JsonRule { code: r.code, titel: r.title, schweregrad: s, standard: r.severity, quellen: r.sources })
        .collect();
    serde_json::to_string_pretty(&JsonList { version: 1, profil: profile, regeln })
}

/// Which embedded profiles change the severity of a rule: (profile title, setting).
fn profile_settings(rule: &Rule) -> Vec<(String, Einstellung)> {
    embedded().iter().filter_map(|l| l.value.as_ref()).filter_map(|f| f.regeln.get(rule.code).map(|s| (f.titel.clone(), *s))).collect()
}

fn setting_label(s: Einstellung) -> &'static str {
    match s {
        Einstellung::Fehler => "Fehler",
        Einstellung::Warnung => "Warnung",
        Einstellung::Hinweis => "Hinweis",
        Einstellung::Aus => "aus",
    }
}

fn indent(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The parameter a rule reads from the profile, by its row name in [`parameter_rows`].
fn parameter_of(code: &str) -> Option<&'static str> {
    Some(match code {
        "DP-EIGENANTEIL" => "Mindest-Eigenanteil",
        "DP-MOBIL-OBERGRENZE" => "Mobile Endgeräte: Verhältnis der Grenzen",
        "DP-FOERDERZEITRAUM" => "Förderzeitraum",
        "DP-ANTRAGSFRIST" => "Antragsfrist",
        "LAND-KONZEPTTEILE" => "Verlangte Teile des Konzepts",
        "LAND-RAHMEN" => "Kompetenzrahmen",
        "LAND-BESCHLUESSE" => "Verlangte Beschlüsse",
        _ => return None,
    })
}

/// The values of a rule's parameter: the programme's and every Land's that differs from it.
/// Where both programmes agree, they are listed once.
fn land_values(code: &str) -> Vec<String> {
    let Some(name) = parameter_of(code) else { return Vec::new() };
    let value = |p: &Profile| parameter_rows(p).into_iter().find(|r| r.0 == name).map(|r| format!("{} ({})", r.1, r.3));
    let blocks: Vec<(String, Vec<String>)> = Programm::ALL
        .iter()
        .map(|programm| {
            let base = value(&Profile::resolve_programme(*programm, None));
            let head = match &base {
                Some(v) => format!("{}: {v}", programm.label()),
                None => format!("{}:", programm.label()),
            };
            let lands = Land::ALL
                .iter()
                .filter_map(|land| {
                    let own = value(&Profile::resolve(*programm, *land));
                    (own != base).then(|| format!("  {} {}: {}", land.key(), land.label(), own.unwrap_or_else(|| "–".to_owned())))
                })
                .collect();
            (head, lands)
        })
        .collect();
    let mut out = Vec::new();
    if let [(h1, l1), (h2, l2)] = blocks.as_slice()
        && l1 == l2
    {
        if h1.ends_with(':') && h2.ends_with(':') {
            out.push("In beiden Programmen:".to_owned());
        } else {
            out.push(h1.clone());
            out.push(h2.clone());
        }
        out.extend(l1.iter().cloned());
        return out;
    }
    for (head, lands) in blocks {
        out.push(head);
        out.extend(lands);
    }
    out
}

/// The full German explanation of a rule, as plain text.
#[must_use]
pub fn explain(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} – {}", rule.code, rule.title);
    let _ = writeln!(out, "Schweregrad: {}", rule.severity.label());
    let settings = profile_settings(rule);
    if !settings.is_empty() {
        let list: Vec<String> = settings.iter().map(|(t, s)| format!("{t}: {}", setting_label(*s))).collect();
        let _ = writeln!(out, "Abweichend in Profilen: {}", list.join("; "));
    }
    out.push('\n');
    out.push_str(&wrap(rule.explanation, 100));
    let values = land_values(rule.code);
    if !values.is_empty() {
        out.push_str("\nWerte nach Programm und Land:\n");
        for v in values {
            let _ = writeln!(out, "  {v}");
        }
    }
    if rule.check.is_some() || !rule.bad.is_empty() {
        let _ = write!(out, "\nSo löst es die Regel aus:\n{}", indent(rule.bad));
        let _ = write!(out, "\nSo ist es richtig:\n{}", indent(rule.good));
    }
    if !rule.sources.is_empty() {
        out.push_str("\nQuellen:\n");
        for q in rule.sources {
            let _ = writeln!(out, "  - {} ({})\n    {}", q.titel, q.verlaesslichkeit.label(), q.url);
        }
    }
    out
}

/// Wraps text at word boundaries.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
