//! Authoring aids: the commented plan skeleton of `mep init` (the editor JSON Schema lives in
//! [`crate::schema`] and is re-exported here).
//!
//! Everything here returns text; `cli::init` and `cli::schema` print or write it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::model::{
    Anbindung, Angebotsart, AvvStatus, Betreiber, Betroffene, Datum, Dimension, Dokumentname, DsfaStatus, Einwilligung, FortbildungsFormat,
    Geraetetyp, Gremium, Herkunft, Kategorie, Kostenart, Land, Nutzung, Partnerart, Programm, Rahmen, Rolle, Schulform, ServerBegruendung,
    UNBEKANNT, Zielgruppe, Zweck,
};

/// The skeleton template; `{{name}}` placeholders are filled by [`skeleton`].
const TEMPLATE: &str = include_str!("../../templates/init/plan.yaml");

/// The commented Schulträger file of `mep anlegen --traeger`.
const TRAEGER_TEMPLATE: &str = include_str!("../../templates/init/traeger.yaml");

/// A commented Schulträger skeleton for `land` and `programme`; it loads without errors as it is.
#[must_use]
pub fn traeger_skeleton(land: Land, programme: crate::model::Programm) -> String {
    TRAEGER_TEMPLATE.replace("{{schema}}", TRAEGER_SCHEMA_URL).replace("{{land}}", land.key()).replace("{{programm}}", programme.key())
}

pub use crate::schema::{SCHEMA_PATH, SCHEMA_URL, TRAEGER_SCHEMA_PATH, TRAEGER_SCHEMA_URL, schema_json, schema_text, traeger_schema_json};

pub use crate::model::PLACEHOLDER;

/// What the skeleton is tailored to; `None` fields become placeholders.
#[derive(Clone, Debug)]
pub struct Answers {
    /// Name of the school.
    pub name: Option<String>,
    /// Schulnummer.
    pub number: Option<String>,
    /// Schulform.
    pub kind: Schulform,
    /// Bundesland.
    pub land: Land,
    /// Funding programme.
    pub programme: Programm,
    /// Number of pupils.
    pub pupils: Option<u32>,
    /// Number of teachers.
    pub teachers: Option<u32>,
    /// Number of classrooms.
    pub classrooms: Option<u32>,
    /// Name of the Schulträger.
    pub provider: Option<String>,
}

impl Default for Answers {
    fn default() -> Self {
        Self {
            name: None,
            number: None,
            kind: Schulform::Grundschule,
            land: Land::Nw,
            programme: Programm::Dp2,
            pupils: None,
            teachers: None,
            classrooms: None,
            provider: None,
        }
    }
}

/// The competence framework a Land uses for its Mediencurriculum.
#[must_use]
pub fn framework_for(land: Land) -> Rahmen {
    match land {
        Land::Nw => Rahmen::MkrNrw,
        Land::By => Rahmen::ByKompetenzrahmen,
        Land::Ni => Rahmen::NiOrientierungsrahmen,
        Land::Be | Land::Bb => Rahmen::BcmBeBb,
        Land::Sh => Rahmen::ShFachanforderungen,
        _ => Rahmen::Kmk2016,
    }
}

/// German hint on the bodies that usually adopt a plan in a Land (`# ` comment lines).
#[must_use]
pub fn gremien_hint(land: Land) -> &'static str {
    match land {
        Land::Bw => {
            "# Baden-Württemberg: üblich sind der Beschluss der Gesamtlehrerkonferenz (gesamtlehrerkonferenz), die Zustimmung\n\
             # der Schulkonferenz (schulkonferenz) und die Freigabeempfehlung des Medienzentrums (freigabeempfehlung)."
        }
        Land::Nw => {
            "# Nordrhein-Westfalen: üblich sind die Beratung in der Lehrerkonferenz (lehrerkonferenz) und der Beschluss der\n\
             # Schulkonferenz (schulkonferenz), da das Medienkonzept Teil des Schulprogramms ist."
        }
        Land::By => {
            "# Bayern: üblich sind die Beratung in der Lehrerkonferenz (lehrerkonferenz), an Realschulen, Gymnasien und\n\
             # beruflichen Schulen das Schulforum (schulforum) und die Abstimmung mit dem Schulträger (schultraeger)."
        }
        Land::Ni => {
            "# Niedersachsen: üblich sind der Beschluss der Gesamtkonferenz (gesamtkonferenz), die Beteiligung des\n\
             # Schulvorstands (schulvorstand) und die Bestätigung durch den Schulträger (schultraeger)."
        }
        Land::He => {
            "# Üblich sind der Beschluss der Gesamtkonferenz (gesamtkonferenz) und der Schulkonferenz\n\
             # (schulkonferenz) sowie die Bestätigung durch den Schulträger (schultraeger)."
        }
        _ => {
            "# Üblich sind der Beschluss der Lehrer- oder Gesamtlehrerkonferenz (lehrerkonferenz, gesamtlehrerkonferenz), der\n\
             # Schulkonferenz (schulkonferenz) und die Bestätigung durch den Schulträger (schultraeger)."
        }
    }
}

/// File name of the schema written next to a plan outside a checkout, so that editors find it offline.
pub const SCHEMA_FILE: &str = "mep.schema.json";

/// Chooses the `$schema` reference for a plan written to `target`: a relative path when
/// `target` lies inside a checkout that contains the schema, otherwise [`SCHEMA_FILE`] next to
/// the plan (written by [`write_schema_next_to`]); both work offline.
#[must_use]
pub fn schema_reference(target: &Path) -> String {
    let Ok(cwd) = std::env::current_dir() else { return SCHEMA_FILE.to_owned() };
    let absolute = cwd.join(target);
    let Some(dir) = absolute.parent() else { return SCHEMA_FILE.to_owned() };
    for (ups, ancestor) in dir.ancestors().enumerate() {
        if ancestor.join(SCHEMA_PATH).is_file() {
            return format!("{}{SCHEMA_PATH}", "../".repeat(ups));
        }
    }
    SCHEMA_FILE.to_owned()
}

/// The `$schema` a plan names in its modeline (`# yaml-language-server: $schema=…`), if any.
#[must_use]
pub fn schema_modeline(text: &str) -> Option<&str> {
    text.lines()
        .take(5)
        .find_map(|l| l.trim_start().strip_prefix('#')?.trim().strip_prefix("yaml-language-server:")?.trim().strip_prefix("$schema="))
        .map(str::trim)
}

/// The schema file as written next to plans: the editor schema with the writing version.
#[must_use]
pub fn schema_file_text() -> String {
    let text = schema_json();
    let comment =
        format!("  \"$comment\": \"Geschrieben von mep {}; neuere Versionen von mep erneuern diese Datei.\",\n", env!("CARGO_PKG_VERSION"));
    match text.strip_prefix("{\n") {
        Some(rest) => format!("{{\n{comment}{rest}"),
        None => text,
    }
}

/// Writes [`SCHEMA_FILE`] next to a plan whose modeline names it, unless a file written by the
/// same or a newer mep is there already; returns the path when it wrote one.
pub fn write_schema_next_to(plan: &Path, plan_text: &str) -> std::io::Result<Option<std::path::PathBuf>> {
    if schema_modeline(plan_text) != Some(SCHEMA_FILE) {
        return Ok(None);
    }
    let target = plan.parent().map_or_else(|| Path::new(SCHEMA_FILE).to_path_buf(), |d| d.join(SCHEMA_FILE));
    let wanted = schema_file_text();
    if let Ok(existing) = crate::fsio::read_bounded(&target, 16 * 1024 * 1024) {
        let theirs = String::from_utf8_lossy(&existing);
        let newer = written_by(&theirs).is_some_and(|v| Some(v) > version(env!("CARGO_PKG_VERSION")));
        if theirs == wanted || newer {
            return Ok(None);
        }
    }
    crate::fsio::write_atomic(&target, wanted.as_bytes())?;
    Ok(Some(target))
}

/// The version of mep that wrote a schema file (from its `$comment`).
fn written_by(schema: &str) -> Option<(u64, u64, u64)> {
    let rest = &schema[schema.find("Geschrieben von mep ")? + "Geschrieben von mep ".len()..];
    version(rest.split([';', '"', ' ']).next()?)
}

fn version(v: &str) -> Option<(u64, u64, u64)> {
    let mut parts = v.split('.').map(|p| p.parse::<u64>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

/// A YAML double-quoted string; escapes backslash, quote, control characters and the byte-order
/// mark and line/paragraph separators (which other YAML readers treat as breaks).
#[must_use]
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `a | b | c` list of the keys of a closed set.
fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> String {
    all.iter().map(|v| key(*v)).collect::<Vec<_>>().join(", ")
}

/// Comment lines `#   key – Label` for every value of a closed set.
fn key_list<T: Copy>(all: &[T], key: fn(T) -> &'static str, label: fn(T) -> &'static str) -> String {
    all.iter().map(|v| format!("#   {:<24} {}", key(*v), label(*v))).collect::<Vec<_>>().join("\n")
}

/// The commented plan skeleton, tailored to `answers`, dated `stand`, with the modeline `schema_ref`.
#[must_use]
pub fn skeleton(answers: &Answers, stand: Datum, schema_ref: &str) -> String {
    let year = stand.schuljahr();
    let von = Datum::new(year, 8, 1).unwrap_or(stand);
    let bis = Datum::new(year + 3, 7, 31).unwrap_or(stand);
    let placeholder =
        |v: &Option<String>, what: &str| v.as_deref().map_or_else(|| yaml_quote(&format!("{PLACEHOLDER}: {what}")), yaml_quote);
    let count = |v: Option<u32>| v.map_or_else(|| format!("{UNBEKANNT}  # {PLACEHOLDER}"), |n| n.to_string());
    let rahmen = framework_for(answers.land);
    let mut vars: BTreeMap<&str, String> = BTreeMap::new();
    vars.insert("schema", schema_ref.to_owned());
    vars.insert("programm", answers.programme.key().to_owned());
    vars.insert("programm_label", answers.programme.label().to_owned());
    vars.insert("programme", key_list(Programm::ALL, Programm::key, Programm::label));
    vars.insert("land", answers.land.key().to_owned());
    vars.insert("land_label", answers.land.label().to_owned());
    vars.insert("laender", keys(Land::ALL, Land::key));
    vars.insert("stand", stand.to_string());
    vars.insert("von", von.to_string());
    vars.insert("bis", bis.to_string());
    vars.insert("name", placeholder(&answers.name, "Name der Schule"));
    vars.insert("schulnummer", placeholder(&answers.number, "Schulnummer"));
    vars.insert("schulform", answers.kind.key().to_owned());
    vars.insert("schulform_label", answers.kind.label().to_owned());
    vars.insert("schulformen", key_list(Schulform::ALL, Schulform::key, Schulform::label).replace("#   ", "  #   "));
    vars.insert("schueler", count(answers.pupils));
    vars.insert("lehrkraefte", count(answers.teachers));
    vars.insert(
        "unterrichtsraeume",
        answers.classrooms.map_or_else(|| format!("# unterrichtsraeume: 24  # {PLACEHOLDER}"), |n| format!("unterrichtsraeume: {n}")),
    );
    vars.insert("traeger", placeholder(&answers.provider, "Name des Schulträgers"));
    vars.insert("gremien", key_list(Gremium::ALL, Gremium::key, Gremium::label));
    vars.insert("gremien_hint", gremien_hint(answers.land).to_owned());
    vars.insert("dimensionen", keys(Dimension::ALL, Dimension::key));
    vars.insert("rahmen", rahmen.key().to_owned());
    vars.insert("rahmen_label", rahmen.label().to_owned());
    vars.insert("rahmen_alle", keys(Rahmen::ALL, Rahmen::key));
    vars.insert("kategorien", key_list(Kategorie::ALL, Kategorie::key, Kategorie::label));
    vars.insert("geraetetypen", keys(Geraetetyp::ALL, Geraetetyp::key));
    vars.insert("nutzungen", keys(Nutzung::ALL, Nutzung::key));
    vars.insert("kostenarten", keys(Kostenart::ALL, Kostenart::key));
    vars.insert("server_begruendungen", keys(ServerBegruendung::ALL, ServerBegruendung::key));
    vars.insert("herkuenfte", keys(Herkunft::ALL, Herkunft::key));
    vars.insert("zwecke", keys(Zweck::ALL, Zweck::key));
    vars.insert("betreiber", keys(Betreiber::ALL, Betreiber::key));
    vars.insert("betroffene", keys(Betroffene::ALL, Betroffene::key));
    vars.insert("avv", keys(AvvStatus::ALL, AvvStatus::key));
    vars.insert("dsfa", keys(DsfaStatus::ALL, DsfaStatus::key));
    vars.insert("einwilligung", keys(Einwilligung::ALL, Einwilligung::key));
    vars.insert("zielgruppen", keys(Zielgruppe::ALL, Zielgruppe::key));
    vars.insert("formate", keys(FortbildungsFormat::ALL, FortbildungsFormat::key));
    vars.insert("dokumentnamen", keys(Dokumentname::ALL, Dokumentname::key));
    vars.insert("anschlussarten", keys(Anbindung::ALL, Anbindung::key));
    vars.insert("partnerarten", keys(Partnerart::ALL, Partnerart::key));
    vars.insert("angebotsarten", keys(Angebotsart::ALL, Angebotsart::key));
    vars.insert("rollen", keys(Rolle::ALL, Rolle::key));
    vars.insert("jahr", (year + 1).to_string());
    vars.insert("jahr_q", format!("{}-Q1", year + 1));
    fill(TEMPLATE, &vars)
}

/// Replaces every `{{key}}`; unknown keys stay visible so a test catches them.
fn fill(template: &str, vars: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) if vars.contains_key(&after[..end]) => {
                out.push_str(&vars[&after[..end]]);
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Today's date in UTC, or the day of `source_date_epoch` (the parsed `SOURCE_DATE_EPOCH`) when given (reproducible output).
#[must_use]
pub fn today(source_date_epoch: Option<i64>) -> Datum {
    let secs = source_date_epoch
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    Datum::from_days_since_epoch(secs.div_euclid(86_400))
}

/// Parses a Schulform key or label, case-insensitively.
pub fn parse_schulform(s: &str) -> Result<Schulform, String> {
    parse_choice(s, Schulform::ALL, Schulform::key, Schulform::label, "Schulform")
}

/// Parses a Land key (`NW`) or name, case-insensitively.
pub fn parse_land(s: &str) -> Result<Land, String> {
    parse_choice(s, Land::ALL, Land::key, Land::label, "Bundesland")
}

fn parse_choice<T: Copy>(s: &str, all: &[T], key: fn(T) -> &'static str, label: fn(T) -> &'static str, what: &str) -> Result<T, String> {
    let s = s.trim();
    if let Some(v) = all.iter().find(|v| key(**v).eq_ignore_ascii_case(s) || label(**v).to_lowercase() == s.to_lowercase()) {
        return Ok(*v);
    }
    let names: Vec<&str> = all.iter().map(|v| key(*v)).collect();
    let mut msg = format!("`{s}` ist keine bekannte Angabe für {what}.");
    if let Some(m) = crate::load::suggest(s, &names) {
        let _ = write!(msg, " Meinten Sie `{m}`?");
    }
    let _ = write!(msg, " Erlaubt sind: {}.", names.join(", "));
    Err(msg)
}

/// Checks a free text answer (name, Schulträger) with the text rules of `mep validate`: not
/// blank, at most 200 characters, and no character that `TEXT-ZEICHEN` or `TEXT-SCHRIFT` reports
/// (control characters, line and paragraph separators, a byte-order mark, noncharacters,
/// characters no embedded font shows). So whatever the wizard writes validates.
pub fn parse_text(s: &str, what: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(format!("Bitte geben Sie {what} ein."));
    }
    if let Some((i, c, why)) = s.chars().enumerate().find_map(|(i, c)| crate::glyphs::unprintable(c).map(|w| (i, c, w))) {
        return Err(format!(
            "Die Eingabe enthält {} (U+{:04X}) an Zeichen {}; erlaubt sind Buchstaben, Ziffern und Satzzeichen.",
            why.label(),
            u32::from(c),
            i + 1
        ));
    }
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(format!("Die Eingabe ist {n} Zeichen lang; erlaubt sind höchstens {MAX_TEXT_CHARS}."));
    }
    Ok(s.to_owned())
}

/// Longest free text answer of the wizard, in characters.
pub const MAX_TEXT_CHARS: usize = 200;

/// Checks a Schulnummer: 3 to 12 letters or digits (Berlin uses e.g. `02K10`).
pub fn parse_schulnummer(s: &str) -> Result<String, String> {
    let s = s.trim();
    if (3..=12).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(s.to_owned())
    } else {
        Err(format!("`{s}` ist keine Schulnummer: erwartet 3 bis 12 Ziffern oder Buchstaben ohne Leerzeichen, z. B. 162437."))
    }
}

/// Checks a count: a whole number from `min` to 100 000, without separators.
pub fn parse_count(s: &str, what: &str, min: u32) -> Result<u32, String> {
    let s = s.trim();
    match s.parse::<u32>() {
        Ok(n) if (min..=100_000).contains(&n) => Ok(n),
        Ok(_) => Err(format!("{what}: bitte eine Zahl von {min} bis 100000 angeben.")),
        Err(_) => Err(format!("`{s}` ist keine ganze Zahl. {what}: bitte nur Ziffern eingeben, z. B. 420.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(Datum::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Datum::from_days_since_epoch(20_741).to_string(), "2026-10-15");
        assert_eq!(Datum::from_days_since_epoch(11_016).to_string(), "2000-02-29");
    }

    #[test]
    fn quoting() {
        assert_eq!(yaml_quote(r#"A "B" \ C"#), r#""A \"B\" \\ C""#);
    }

    #[test]
    fn choices() {
        assert_eq!(parse_land("nw"), Ok(Land::Nw));
        assert_eq!(parse_land("Bayern"), Ok(Land::By));
        assert!(parse_schulform("gymnasiun").unwrap_err().contains("Meinten Sie `gymnasium`?"));
        assert!(parse_count("4.2", "Schülerzahl", 1).is_err());
        assert_eq!(parse_schulnummer("02K10"), Ok("02K10".to_owned()));
    }
}
