//! The catalogue as text: the rule list (text, Markdown, JSON) and the full
//! explanation of one rule. Used by `mep rules`, `mep explain` and the README.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Quelle, Rule, all};
use crate::diag::Severity;
use crate::model::Datum;
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

fn reliabilities<'a>(sources: impl Iterator<Item = &'a Quelle>) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for label in sources.map(|q| q.verlaesslichkeit.label()) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    if labels.is_empty() {
        return "–".to_owned();
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
        let land = profile.and_then(|p| p.land);
        let _ =
            writeln!(out, "| `{}` | {} | {} | {} |", rule.code, md(rule.title), severity.label(), reliabilities(rule.sources_for(land)));
    }
    if let Some(p) = profile {
        out.push_str(&parameters_markdown(p));
    }
    out
}

/// One parameter or descriptive entry of a profile with its source.
pub struct ParamRow {
    /// German name.
    pub name: &'static str,
    /// The value as text.
    pub value: String,
    /// URL of the source.
    pub url: String,
    /// Reliability label.
    pub reliability: &'static str,
    /// Date of the source.
    pub date: Option<Datum>,
    /// The programme the value is carried over from, if it is not the profile's own.
    pub carried: Option<Programm>,
}

impl ParamRow {
    /// "amtlich, 18.12.2025" or "amtlich, übernommen aus DigitalPakt Schule 2019–2024".
    #[must_use]
    pub fn status(&self) -> String {
        let mut parts = vec![self.reliability.to_owned()];
        if let Some(d) = self.date {
            parts.push(d.de());
        }
        if let Some(p) = self.carried {
            parts.push(format!("übernommen aus {}", p.label()));
        }
        parts.join(", ")
    }
}

/// One row per parameter and descriptive entry of a profile, each with its source.
#[must_use]
pub fn parameter_rows(p: &Profile) -> Vec<ParamRow> {
    fn row<T>(name: &'static str, b: Option<&Belegt<T>>, show: impl Fn(&T) -> String) -> Option<ParamRow> {
        b.map(|b| ParamRow {
            name,
            value: show(&b.wert),
            url: b.quelle.clone(),
            reliability: b.verlaesslichkeit.label(),
            date: b.datum,
            carried: b.uebernommen_aus,
        })
    }
    let q = &p.parameter;
    let a = &p.angaben;
    [
        row("Mindest-Eigenanteil", q.eigenanteil_min_prozent.as_ref(), |v| format!("{v} %")),
        row("Mindest-Eigenanteil (finanzschwach)", q.eigenanteil_min_finanzschwach_prozent.as_ref(), |v| format!("{v} %")),
        row("Mindestanteil Land und Schulträger zusammen", q.kofinanzierung_min_prozent.as_ref(), |v| format!("{v} %")),
        row("Höchster Fördersatz", q.foerdersatz_max_prozent.as_ref(), |v| format!("{v} %")),
        row("Mobile Endgeräte: Höchstanteil", q.mobil_anteil_max_prozent.as_ref(), |v| format!("{v} %")),
        row("Mobile Endgeräte: Höchstbetrag je Schule", q.mobil_max_je_schule_eur.as_ref(), |v| super::foerder::eur(v.cents())),
        row("Mobile Endgeräte: Verhältnis der Grenzen", q.mobil_modus.as_ref(), |v| v.label().to_owned()),
        row("Förderzeitraum", q.foerderzeitraum.as_ref(), |v| format!("{} bis {}", v.von.de(), v.bis.de())),
        row("Antragsfrist", q.antragsfrist.as_ref(), |v| v.de()),
        row("Verlangte Teile des Konzepts", q.konzeptteile.as_ref(), |v| v.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")),
        row("Kompetenzrahmen", q.kompetenzrahmen.as_ref(), |v| v.label().to_owned()),
        row("Verlangte Beschlüsse", q.beschluesse.as_ref(), |v| v.iter().map(|g| g.label()).collect::<Vec<_>>().join(", ")),
        row("Laufzeit", a.laufzeit.as_ref(), Clone::clone),
        row("Maßnahmenbeginn", a.massnahmenbeginn.as_ref(), Clone::clone),
        row("Finanzierung", a.finanzierung.as_ref(), Clone::clone),
        row("Förderbereiche", a.foerderbereiche.as_ref(), Clone::clone),
        row("Fortbildung", a.fortbildung.as_ref(), Clone::clone),
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

fn status_line(p: &Profile, reason: &str) -> String {
    match p.stand {
        Some(d) => format!("{reason} (Stand der neuesten Quelle: {})", d.de()),
        None => reason.to_owned(),
    }
}

fn parameters_markdown(p: &Profile) -> String {
    let mut out = String::from("\n| Parameter | Wert | Quelle | Verlässlichkeit |\n|---|---|---|---|\n");
    for r in parameter_rows(p) {
        let _ = writeln!(out, "| {} | {} | <{}> | {} |", r.name, md(&r.value), r.url.replace(['<', '>', ' '], ""), md(&r.status()));
    }
    for reason in &p.provisional {
        let _ = writeln!(out, "\n**Vorläufig:** {}", md(&status_line(p, reason)));
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
        for r in parameter_rows(p) {
            let _ = writeln!(out, "  {}: {}\n    Quelle ({}): {}", r.name, plain(&r.value), plain(&r.status()), plain(&r.url));
        }
        for reason in &p.provisional {
            let _ = writeln!(out, "\nHinweis: {}", plain(&status_line(p, reason)));
        }
    }
    let _ = write!(out, "\n{} Regeln. Erklärung einer Regel: mep explain CODE", rows.len());
    out.push('\n');
    out
}

/// One rule of `mep rules --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub struct JsonRule {
    /// Rule code, e.g. `DP-EIGENANTEIL`.
    code: &'static str,
    /// Short German title.
    titel: &'static str,
    /// Severity under the chosen profile.
    schweregrad: Severity,
    /// Severity the rule has without a profile.
    standard: Severity,
    /// Sources the rule rests on (for the chosen Land, when one is chosen).
    quellen: Vec<&'static Quelle>,
}

/// The document `mep rules --format json` writes.
#[derive(Serialize, schemars::JsonSchema)]
pub struct JsonList<'a> {
    /// Format version of this document.
    version: u32,
    /// The profile the list was made for (programme and Land), when one was chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    profil: Option<&'a Profile>,
    /// The rules that apply to the profile.
    regeln: Vec<JsonRule>,
}

/// The rule list as JSON.
pub fn json(profile: Option<&Profile>) -> serde_json::Result<String> {
    let regeln = listed(profile)
        .into_iter()
        .map(|(r, s)| JsonRule {
            code: r.code,
            titel: r.title,
            schweregrad: s,
            standard: r.severity,
            quellen: r.sources_for(profile.and_then(|p| p.land)).collect(),
        })
        .collect();
    serde_json::to_string_pretty(&JsonList { version: 1, profil: profile, regeln })
}

/// Which embedded profiles change the severity of a rule: (profile title and programme, setting).
fn profile_settings(rule: &Rule) -> Vec<(String, Einstellung)> {
    let mut out = Vec::new();
    for f in embedded().iter().filter_map(|l| l.value.as_ref()) {
        if let Some(s) = f.regeln.get(rule.code) {
            out.push((f.titel.clone(), *s));
        }
        for programm in Programm::ALL {
            if let Some(s) = f.section(*programm).and_then(|sec| sec.regeln.get(rule.code)) {
                out.push((format!("{} ({})", f.titel, programm.label()), *s));
            }
        }
    }
    out
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

/// The parameters each rule reads from the profile, by their row names in [`parameter_rows`].
static PARAMETERS: &[(&Rule, &[&str])] = &[
    (
        &super::finanzen::DP_EIGENANTEIL,
        &["Mindest-Eigenanteil", "Mindest-Eigenanteil (finanzschwach)", "Mindestanteil Land und Schulträger zusammen"],
    ),
    (
        &super::foerder::DP_MOBIL_OBERGRENZE,
        &["Mobile Endgeräte: Höchstanteil", "Mobile Endgeräte: Höchstbetrag je Schule", "Mobile Endgeräte: Verhältnis der Grenzen"],
    ),
    (
        &super::traeger::TRAEGER_MOBIL_ANTEIL,
        &["Mobile Endgeräte: Höchstanteil", "Mobile Endgeräte: Höchstbetrag je Schule", "Mobile Endgeräte: Verhältnis der Grenzen"],
    ),
    (&super::finanzen::DP_FOERDERZEITRAUM, &["Förderzeitraum"]),
    (&super::finanzen::DP_ANTRAGSFRIST, &["Antragsfrist"]),
    (&super::konzept::LAND_KONZEPTTEILE, &["Verlangte Teile des Konzepts"]),
    (&super::konzept::LAND_RAHMEN, &["Kompetenzrahmen"]),
    (&super::konzept::LAND_BESCHLUESSE, &["Verlangte Beschlüsse"]),
];

fn parameters_of(rule: &Rule) -> &'static [&'static str] {
    PARAMETERS.iter().find(|(r, _)| std::ptr::eq(*r, rule)).map_or(&[], |(_, names)| names)
}

/// The values of a rule's parameter: the programme's and every Land's that differs from it.
/// Where both programmes agree, they are listed once.
fn land_values(rule: &Rule) -> Vec<String> {
    let names = parameters_of(rule);
    if names.is_empty() {
        return Vec::new();
    }
    let values = |p: &Profile| -> Vec<String> {
        parameter_rows(p)
            .into_iter()
            .filter(|r| names.contains(&r.name))
            .map(|r| format!("{}: {} ({})\n        {}", r.name, r.value, r.status(), r.url))
            .collect()
    };
    let mut out = Vec::new();
    for programm in Programm::ALL {
        let base = values(&Profile::resolve_programme(*programm, None));
        out.push(format!("{}:", programm.label()));
        if base.is_empty() {
            out.push("    – kein Wert bekannt".to_owned());
        }
        out.extend(base.iter().map(|v| format!("    {v}")));
        for land in Land::ALL {
            let own = values(&Profile::resolve(*programm, *land));
            let differs: Vec<&String> = own.iter().filter(|v| !base.contains(v)).collect();
            if !differs.is_empty() {
                out.push(format!("    {} {}:", land.key(), land.label()));
                out.extend(differs.iter().map(|v| format!("      {}", v.replace("\n        ", "\n          "))));
            }
        }
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
    let values = land_values(rule);
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
            let scope = if q.nationwide() {
                "bundesweit".to_owned()
            } else {
                format!("nur für {}", q.laender.iter().map(|l| l.key()).collect::<Vec<_>>().join(", "))
            };
            let _ = writeln!(out, "  - {} ({}; {scope})\n    {}", q.titel, q.verlaesslichkeit.label(), q.url);
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
