//! The catalogue as text: the rule list (text, Markdown, JSON) and the full
//! explanation of one rule. Used by `mep rules`, `mep explain` and the README.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Quelle, Rule, all};
use crate::diag::Severity;
use crate::model::{Land, Programm};
use crate::profile::{Einstellung, PARAMETERS, ParamRow, Profile, embedded};

/// The severity a rule has: under a profile if given, else its default.
fn effective(rule: &Rule, profile: Option<&Profile>) -> Option<Severity> {
    match profile {
        Some(p) => super::severity_under(rule, p),
        None => Some(rule.severity),
    }
}

/// Said after a rule that reads only profile values which this profile does not have.
const NOTHING_HERE: &str = " (prüft hier nichts: kein Wert im Profil)";

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
        let idle = if profile.is_some_and(|p| !super::checks_anything(rule, p)) { NOTHING_HERE } else { "" };
        let _ = writeln!(
            out,
            "| `{}` | {}{} | {} | {} |",
            rule.code,
            md(rule.title),
            md(idle),
            severity.label(),
            reliabilities(rule.sources_for(land))
        );
    }
    if let Some(p) = profile {
        out.push_str(&parameters_markdown(p));
    }
    out
}

/// One row per parameter and descriptive entry of a profile, each with its source.
#[must_use]
pub fn parameter_rows(p: &Profile) -> Vec<ParamRow> {
    let mut rows = p.parameter.rows();
    rows.extend(p.angaben.rows());
    rows
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
        let _ = writeln!(out, "| {} | {} | <{}> | {} |", r.name(), md(&r.value), r.url.replace(['<', '>', ' '], ""), md(&r.status()));
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
        let idle = if profile.is_some_and(|p| !super::checks_anything(rule, p)) { NOTHING_HERE } else { "" };
        let _ = writeln!(out, "{:<width$}  {:<7}  {}{idle}", rule.code, severity.label(), rule.title);
    }
    if profile.is_none() {
        out.push_str(
            "\nStandard-Schweregrade ohne Profil; die für ein Land und Programm geltende Liste zeigt `mep regeln --land XX --programm …`.\n",
        );
    }
    if let Some(p) = profile {
        out.push_str("\nParameter:\n");
        for r in parameter_rows(p) {
            let _ = writeln!(out, "  {}: {}\n    Quelle ({}): {}", r.name(), plain(&r.value), plain(&r.status()), plain(&r.url));
        }
        for reason in &p.provisional {
            let _ = writeln!(out, "\nHinweis: {}", plain(&status_line(p, reason)));
        }
    }
    let _ = write!(out, "\n{} Regeln. Erklärung einer Regel: mep erklaeren CODE", rows.len());
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
    /// `false` when the rule reads only profile values that the chosen profile does not have, so it checks nothing there.
    prueft: bool,
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
            prueft: profile.is_none_or(|p| super::checks_anything(r, p)),
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

/// The names of the parameters a rule reads, from their declarations.
fn parameters_of(rule: &Rule) -> Vec<&'static str> {
    PARAMETERS.iter().filter(|d| d.rules.contains(&rule.code)).map(|d| d.name).collect()
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
            .filter(|r| names.contains(&r.name()))
            .map(|r| format!("{}: {} ({})\n        {}", r.name(), r.value, r.status(), r.url))
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
    if super::check_of(rule).is_some() || !rule.bad.is_empty() {
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
