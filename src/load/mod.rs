//! Loading: bytes → checked text → budgeted YAML → structure check → [`Plan`].
//!
//! Every failure becomes a [`Diagnostic`] with a location; nothing here panics
//! or prints. Resource budgets bound time and memory on hostile input.

pub mod codes;
mod fast;
pub mod pdf;
mod structure;
mod yaml_error;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diag::{Diagnostic, Severity};
use crate::model::{Plan, Traeger};
use crate::source::{SourceFile, Span};

pub use structure::{Schema, check_structure, suggest};

/// Resource limits applied to every input file.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest accepted file in bytes, checked before parsing.
    pub max_bytes: usize,
    /// Deepest nesting of mappings and sequences.
    pub max_depth: usize,
    /// Most YAML nodes after alias expansion.
    pub max_nodes: usize,
    /// Most alias uses (`*name`).
    pub max_aliases: usize,
    /// Most bytes of scalar text in total.
    pub max_scalar_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_bytes: 5 * 1024 * 1024, max_depth: 32, max_nodes: 100_000, max_aliases: 1_000, max_scalar_bytes: 8 * 1024 * 1024 }
    }
}

/// A loaded document: its source, the typed value if it passed, and all findings.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The file's text with its position index.
    pub source: SourceFile,
    /// The typed document, present when loading found no error.
    pub value: Option<T>,
    /// Every problem found while loading, located.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads a school plan (format 1).
#[must_use]
pub fn load_plan(name: &str, bytes: &[u8], limits: &Limits) -> Loaded<Plan> {
    load_document(name, bytes, limits, Schema::plan())
}

/// Loads a Schulträger file (`traeger.yaml`) of `mep review`.
#[must_use]
pub fn load_traeger(name: &str, bytes: &[u8], limits: &Limits) -> Loaded<Traeger> {
    load_document(name, bytes, limits, Schema::traeger())
}

/// Loads any document described by `schema`: budgets, structure check, then serde.
///
/// Most files are valid, so a single typed pass comes first. Only when it fails
/// is the file read again as a generic value and walked against the schema, so
/// that every problem is reported at once.
#[must_use]
pub fn load_document<T: DeserializeOwned>(name: &str, bytes: &[u8], limits: &Limits, schema: &Schema) -> Loaded<T> {
    let (mut source, parsed, mut diagnostics) = load_value::<T>(name, bytes, limits);
    let mut out = Loaded { source: SourceFile::new(name, String::new()), value: None, diagnostics: Vec::new() };
    match parsed {
        Parsed::Typed(v) => {
            source.index_yaml();
            out.value = Some(v);
        }
        Parsed::Generic(mut value) => {
            source.index_yaml();
            check_structure(schema, &mut value, &source, &mut diagnostics);
            if !diagnostics.iter().any(|d| d.severity == Severity::Fehler) {
                match serde_json::from_value::<T>(value) {
                    Ok(v) => out.value = Some(v),
                    Err(e) => diagnostics.push(
                        Diagnostic::new(&codes::FORMAT_TYP, Severity::Fehler, "", format!("Die Datei passt nicht zum Format: {e}"))
                            .help("Vergleichen Sie die Datei mit den Beispielen im Ordner `examples/`."),
                    ),
                }
            }
        }
        Parsed::Failed => {}
    }
    if out.value.is_some() || !diagnostics.iter().any(|d| d.severity == Severity::Fehler) {
        german_amounts(&source, &mut diagnostics);
    }
    source.locate_all(&mut diagnostics);
    crate::diag::sort(&mut diagnostics);
    out.source = source;
    out.diagnostics = diagnostics;
    out
}

/// What reading the YAML produced.
enum Parsed<T> {
    /// The typed document: the file is valid.
    Typed(T),
    /// A generic value to check against the schema.
    Generic(Value),
    /// Nothing usable; the diagnostics say why.
    Failed,
}

/// Reads bytes under the budgets: typed if possible, else as a generic value.
fn load_value<T: DeserializeOwned>(name: &str, bytes: &[u8], limits: &Limits) -> (SourceFile, Parsed<T>, Vec<Diagnostic>) {
    let empty = |diag: Diagnostic| {
        let src = SourceFile::new(name, String::new());
        let loc = src.location(Span { start: 0, end: 0 });
        (src, Parsed::Failed, vec![diag.at(loc)])
    };
    if bytes.len() > limits.max_bytes {
        return empty(
            Diagnostic::new(
                &codes::YAML_GROESSE,
                Severity::Fehler,
                "",
                format!("Die Datei ist größer als erlaubt (höchstens {}).", human_bytes(limits.max_bytes)),
            )
            .help("Ein Plan umfasst üblicherweise weniger als 100 KB. Prüfen Sie, ob die richtige Datei gewählt ist."),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_owned(),
        Err(e) => {
            let offset = e.valid_up_to();
            let valid = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let src = SourceFile::new(name, valid);
            let mut loc = src.location(Span { start: offset, end: offset });
            loc.end = offset + 1;
            let diag = Diagnostic::new(
                &codes::YAML_UTF8,
                Severity::Fehler,
                "",
                format!("Die Datei ist nicht UTF-8-kodiert: ungültiges Byte 0x{:02X} an Byte-Position {offset}.", bytes[offset]),
            )
            .help("Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“ (nicht ANSI, Latin-1 oder UTF-16).")
            .at(loc);
            return (src, Parsed::Failed, vec![diag]);
        }
    };
    let source = SourceFile::new(name, text);
    if source.text().trim().is_empty() {
        let loc = source.location(Span { start: 0, end: 0 });
        return (
            source,
            Parsed::Failed,
            vec![
                Diagnostic::new(&codes::YAML_LEER, Severity::Fehler, "", "Die Datei ist leer.")
                    .help("Erzeugen Sie eine Vorlage mit `mep anlegen` oder kopieren Sie ein Beispiel aus `examples/`.")
                    .at(loc),
            ],
        );
    }
    if let Some(typed) = fast::read::<T>(source.text(), limits) {
        return (source, Parsed::Typed(typed), Vec::new());
    }
    let options = yaml_options(limits);
    if let Ok(typed) = serde_saphyr::from_str_with_options::<T>(source.text(), options.clone()) {
        return (source, Parsed::Typed(typed), Vec::new());
    }
    match serde_saphyr::from_str_with_options::<Value>(source.text(), options) {
        Ok(Value::Null) => {
            let loc = source.location(Span { start: 0, end: 0 });
            (
                source,
                Parsed::Failed,
                vec![
                    Diagnostic::new(&codes::YAML_LEER, Severity::Fehler, "", "Die Datei enthält keine Daten, nur Kommentare.")
                        .help("Erzeugen Sie eine Vorlage mit `mep anlegen` oder kopieren Sie ein Beispiel aus `examples/`.")
                        .at(loc),
                ],
            )
        }
        Ok(value) => (source, Parsed::Generic(value), Vec::new()),
        Err(e) => {
            let diag = yaml_error::to_diagnostic(&e, &source);
            (source, Parsed::Failed, vec![diag])
        }
    }
}

/// The reader settings of every load: budgets, strict booleans, duplicate keys refused.
fn yaml_options(limits: &Limits) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_aliases = limits.max_aliases;
    budget.max_total_scalar_bytes = limits.max_scalar_bytes;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.strict_booleans = true;
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.alias_limits.max_total_replayed_events = limits.max_nodes;
    options
}

/// Reads a YAML text as a generic value exactly as the loader does (same budgets and settings),
/// so that a value written by the editor reads back the way `mep validate` will read it.
pub fn yaml_value(text: &str, limits: &Limits) -> Result<Value, String> {
    if text.len() > limits.max_bytes {
        return Err(format!("Der Text ist größer als erlaubt (höchstens {}).", human_bytes(limits.max_bytes)));
    }
    serde_saphyr::from_str_with_options::<Value>(text, yaml_options(limits)).map_err(|e| e.to_string())
}

/// A euro amount written with German thousands separators (`2.480`, `1.250.000`): YAML reads it
/// as a small decimal number, so it is reported at the value with the amount meant.
fn german_amounts(source: &SourceFile, out: &mut Vec<Diagnostic>) {
    // Cheap test first, so that a valid plan is not indexed for nothing.
    let text = source.text();
    let suspicious = memchr::memmem::find_iter(text.as_bytes(), b"_eur").any(|at| {
        let rest = &text[at + 4..];
        thousands(&rest[..rest.find('\n').unwrap_or(rest.len())]).is_some()
    });
    if !suspicious {
        return;
    }
    let mut found: Vec<(String, String, u64)> = source
        .scalar_paths()
        .filter(|(path, _)| path.rsplit('.').next().is_some_and(|k| k.contains("_eur")))
        .filter_map(|(path, raw)| thousands(raw).map(|n| (path.to_owned(), raw.to_owned(), n)))
        .collect();
    found.sort();
    for (path, raw, meant) in found {
        out.push(
            Diagnostic::new(
                &codes::FORMAT_BETRAG,
                Severity::Fehler,
                &path,
                format!(
                    "`{path}: {raw}` wird als {} gelesen, nicht als {}.",
                    crate::german::de_eur(raw.parse::<f64>().map_or(0, |v| (v * 100.0).round() as i64)),
                    crate::german::de_eur(i64::try_from(meant).unwrap_or(i64::MAX).saturating_mul(100))
                ),
            )
            .help(format!("Meinten Sie {meant}? Beträge stehen ohne Tausenderpunkt; Dezimaltrennzeichen ist der Punkt (2480.50).")),
        );
    }
}

/// The amount meant by `2.480` or `1.250.000` (digits grouped by three after a first group of one to three).
fn thousands(value: &str) -> Option<u64> {
    let v = value.trim_start_matches([':', ' ']).split(" #").next()?.trim();
    if !v.contains('.') {
        return None;
    }
    let groups: Vec<&str> = v.split('.').collect();
    let ok = groups.len() >= 2
        && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit()))
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    if ok { groups.concat().parse().ok() } else { None }
}

fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0).replace('.', ",")
    } else {
        format!("{n} Byte")
    }
}
