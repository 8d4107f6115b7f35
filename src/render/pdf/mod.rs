//! PDF output: the plan's data → typst template → PDF/A-2b + PDF/UA-1.
//!
//! The data reaches typst only as the virtual file `/data.json`, which the
//! template reads with `json()`; no user string is ever part of typst source.
//! Free-text Markdown fields arrive as trees ([`markdown`]) that the template
//! renders with ordinary function calls. Compilation runs in a hermetic
//! [`world::PlanWorld`]: embedded fonts, the plan's `stand` as today's date,
//! in-memory files only, packages refused.

pub mod batch;
pub mod data;
pub mod markdown;
pub mod templates;
pub mod text;
pub mod world;

use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diag::{Diagnostic, Rule, Severity};
use crate::model::Datum;
use crate::source::{SourceFile, Span};
pub use batch::{Budget, Job, render_batch, render_budgeted, render_each};
pub use templates::Templates;
use world::{PlanWorld, file_id};

/// Path of the data file inside the typst world.
pub const DATA_PATH: &str = "/data.json";

/// Path of the list of attachments inside the typst world (read by `anhaenge.typ`).
pub const ATTACHMENTS_PATH: &str = "/anhaenge.json";

/// Paths of the attachments' bytes inside the typst world, one per attachment (fixed, so
/// that only these paths are ever interned).
const ATTACHMENT_DATA_PATHS: &[&str] = &["/anhang/1", "/anhang/2", "/anhang/3", "/anhang/4"];

/// Name of the plan's YAML attached to a PDF/A-3b; `mep validate plan.pdf` reads it.
pub const ATTACHMENT_PLAN: &str = crate::load::pdf::ATTACHMENT_PLAN;

/// Name of the plan view's JSON attached to a PDF/A-3b.
pub const ATTACHMENT_VIEW: &str = "planview.json";

/// A file embedded in the PDF as an associated file (only with [`Standard::A3b`];
/// PDF/A-2 forbids arbitrary embedded files).
#[derive(Clone, Debug)]
pub struct Attachment {
    /// File name shown by PDF readers, a fixed name such as [`ATTACHMENT_PLAN`].
    pub name: &'static str,
    /// MIME type.
    pub mime: &'static str,
    /// German description shown by PDF readers.
    pub description: &'static str,
    /// Relationship to the document (PDF/A-3 `AFRelationship`): `source`, `data`, `alternative`, `supplement`.
    pub relationship: &'static str,
    /// The bytes.
    pub data: Vec<u8>,
}

impl Attachment {
    /// The plan as written (YAML), the source of the document.
    #[must_use]
    pub fn plan_yaml(data: Vec<u8>) -> Self {
        Self {
            name: ATTACHMENT_PLAN,
            mime: "application/yaml",
            description: "Medienentwicklungsplan als YAML (Quelle dieses Dokuments; prüfbar mit mep pruefen)",
            relationship: "source",
            data,
        }
    }

    /// The plan view with all figures (JSON, docs/vorlagendaten.md), the data of the document.
    #[must_use]
    pub fn view_json(data: Vec<u8>) -> Self {
        Self {
            name: ATTACHMENT_VIEW,
            mime: "application/json",
            description: "Plan-Sicht mit allen Kennzahlen als JSON (Daten dieses Dokuments)",
            relationship: "data",
            data,
        }
    }
}

/// Code of every diagnostic about a template.
pub static CODE_TEMPLATE: &Rule = &crate::rules::pdf::PDF_VORLAGE;

/// Code of a diagnostic about a failed PDF standard check.
pub static CODE_STANDARD: &Rule = &crate::rules::pdf::PDF_STANDARD;

/// Code of a diagnostic about a document that exceeded its time or page budget.
pub static CODE_BUDGET: &Rule = &crate::rules::pdf::PDF_GRENZE;

/// The PDF standards a document is made to conform to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Standard {
    /// No standard: a plain (tagged) PDF 1.7.
    None,
    /// PDF/A-2b, for archiving.
    A2b,
    /// PDF/A-3b, for archiving with attachments.
    A3b,
    /// PDF/UA-1, accessible.
    Ua1,
    /// PDF/A-2b and PDF/UA-1 together (the default).
    #[default]
    A2bUa1,
}

impl Standard {
    /// Every choice with its command-line spelling.
    pub const ALL: &'static [(Standard, &'static str)] = &[
        (Standard::None, "none"),
        (Standard::A2b, "a-2b"),
        (Standard::A3b, "a-3b"),
        (Standard::Ua1, "ua-1"),
        (Standard::A2bUa1, "a-2b,ua-1"),
    ];

    /// Parses the command-line spelling (`ua-1,a-2b` is accepted too).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        if s == "ua-1,a-2b" {
            return Some(Standard::A2bUa1);
        }
        Self::ALL.iter().find(|(_, k)| *k == s).map(|(v, _)| *v)
    }

    /// The command-line spelling.
    #[must_use]
    pub fn key(self) -> &'static str {
        Self::ALL.iter().find(|(v, _)| *v == self).map_or("none", |(_, k)| k)
    }

    fn list(self) -> &'static [PdfStandard] {
        match self {
            Standard::None => &[],
            Standard::A2b => &[PdfStandard::A_2b],
            Standard::A3b => &[PdfStandard::A_3b],
            Standard::Ua1 => &[PdfStandard::Ua_1],
            Standard::A2bUa1 => &[PdfStandard::A_2b, PdfStandard::Ua_1],
        }
    }
}

/// How one document is produced.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Standards to conform to.
    pub standard: Standard,
    /// The date typst's `today()` returns (the plan's `stand`).
    pub today: Datum,
    /// Creation time written into the PDF, seconds since 1970 (UTC).
    pub timestamp: i64,
    /// A stable identifier of the document (hashed by typst into the PDF's `/ID`).
    pub ident: String,
    /// Files to embed; used only with [`Standard::A3b`].
    pub attachments: Vec<Attachment>,
}

impl Settings {
    /// Settings for a plan as of `stand`; the creation time is `stand` at 00:00 UTC
    /// unless `source_date_epoch` (the `SOURCE_DATE_EPOCH` convention) is given.
    #[must_use]
    pub fn for_stand(stand: Datum, ident: String, source_date_epoch: Option<i64>) -> Self {
        let timestamp = source_date_epoch.unwrap_or_else(|| (stand.day_number() - UNIX_DAY_NUMBER) * 86_400);
        Self { standard: Standard::default(), today: stand, timestamp, ident, attachments: Vec::new() }
    }
}

/// [`Datum::day_number`] of 1970-01-01.
const UNIX_DAY_NUMBER: i64 = 719_469;

/// A rendered document.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings typst reported about the template.
    pub warnings: Vec<Diagnostic>,
}

/// Renders one document from the template set and the JSON data.
///
/// `Err` holds the template's errors as located diagnostics (they point into
/// the template files, by their origin); the data cannot cause errors except
/// through a template that mishandles it.
pub fn render(templates: &Templates, data_json: Vec<u8>, settings: &Settings) -> Result<Rendered, Vec<Diagnostic>> {
    render_entry(templates, templates::MAIN, data_json, settings)
}

/// Renders one document whose entry template is `entry` (e.g. [`templates::REVIEW_MAIN`]).
pub fn render_entry(templates: &Templates, entry: &str, data_json: Vec<u8>, settings: &Settings) -> Result<Rendered, Vec<Diagnostic>> {
    render_budgeted(templates, entry, data_json, settings, Budget::default())
}

fn budget_error(message: String) -> Diagnostic {
    Diagnostic::new(CODE_BUDGET, Severity::Fehler, "", message)
}

/// Layout and PDF writing, on the worker thread.
fn compile(
    templates: &Templates,
    main: typst::syntax::FileId,
    data_id: typst::syntax::FileId,
    data_json: Vec<u8>,
    settings: &Settings,
    max_pages: usize,
) -> Result<Rendered, Vec<Diagnostic>> {
    let today = Datetime::from_ymd(settings.today.jahr, settings.today.monat, settings.today.tag);
    let mut world = PlanWorld::new(main, &templates.sources(), today).with_file(data_id, data_json).with_fonts(templates.fonts());
    let mut listed = Vec::new();
    if settings.standard == Standard::A3b {
        for (attachment, path) in settings.attachments.iter().zip(ATTACHMENT_DATA_PATHS) {
            let Some(id) = file_id(path) else { continue };
            world = world.with_file(id, attachment.data.clone());
            listed.push(serde_json::json!({
                "name": attachment.name,
                "pfad": path,
                "mime": attachment.mime,
                "beschreibung": attachment.description,
                "beziehung": attachment.relationship,
            }));
        }
    }
    for (path, bytes) in templates.extra_files() {
        if let Some(id) = file_id(&path) {
            world = world.with_file(id, bytes.to_vec());
        }
    }
    if let Some(id) = file_id(ATTACHMENTS_PATH) {
        world = world.with_file(id, serde_json::to_vec(&listed).unwrap_or_else(|_| b"[]".to_vec()));
    }
    let warned = typst::compile::<PagedDocument>(&world);
    let mut warnings: Vec<Diagnostic> = warned.warnings.iter().map(|d| to_diagnostic(&world, templates, d, CODE_TEMPLATE)).collect();
    let document = match warned.output {
        Ok(doc) => doc,
        Err(errors) => {
            let mut diags: Vec<Diagnostic> = errors.iter().map(|d| to_diagnostic(&world, templates, d, CODE_TEMPLATE)).collect();
            diags.append(&mut warnings);
            return Err(diags);
        }
    };
    let pages = document.pages().len();
    if pages > max_pages {
        let count = |n: usize| crate::view::values::de_int(i64::try_from(n).unwrap_or(i64::MAX));
        return Err(vec![budget_error(format!(
            "Das Dokument hätte {} Seiten, erlaubt sind höchstens {}. \
             Eine eigene Vorlage (`--vorlagen`) erzeugt vermutlich Seitenumbrüche in einer Schleife.",
            count(pages),
            count(max_pages)
        ))]);
    }
    let standards = PdfStandards::new(settings.standard.list()).map_err(|e| {
        vec![
            Diagnostic::new(CODE_STANDARD, Severity::Fehler, "", "Der gewählte PDF-Standard lässt sich nicht einstellen.")
                .help(format!("Meldung der PDF-Bibliothek: {}", e.message())),
        ]
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(settings.ident.clone()),
        creator: Smart::Custom(Some(format!("mep {}", env!("CARGO_PKG_VERSION")))),
        timestamp: datetime_from_unix(settings.timestamp).map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| errors.iter().map(|d| to_diagnostic(&world, templates, d, CODE_STANDARD)).collect::<Vec<_>>())?;
    Ok(Rendered { pdf, pages, warnings })
}

/// Turns a typst diagnostic into ours, located in the template file it points at.
///
/// The message is German; typst's own English text follows as a detail in the help.
fn to_diagnostic(world: &PlanWorld, templates: &Templates, d: &SourceDiagnostic, code: &'static Rule) -> Diagnostic {
    let severity = match d.severity {
        TypstSeverity::Error => Severity::Fehler,
        TypstSeverity::Warning => Severity::Warnung,
    };
    let message = if code == CODE_STANDARD {
        format!("Das PDF erfüllt den gewählten Standard nicht: {}.", german_typst(&d.message))
    } else if severity == Severity::Warnung {
        format!("Hinweis der PDF-Vorlage: {}.", german_typst(&d.message))
    } else {
        format!("Fehler in der PDF-Vorlage: {}.", german_typst(&d.message))
    };
    let mut diag = Diagnostic::new(code, severity, "", message);
    if let Some(location) = locate(world, templates, d.span) {
        diag = diag.at(location);
    }
    let mut help = vec![format!("Meldung von typst: {}", d.message)];
    help.extend(d.hints.iter().map(|h| format!("typst-Hinweis: {}", h.v)));
    for point in &d.trace {
        if let Some(loc) = locate(world, templates, point.span) {
            help.push(format!("aufgerufen in {}:{}:{}", loc.file, loc.line, loc.column));
        }
    }
    diag.help(help.join("; "))
}

/// typst's English message, in German words where the case is known.
pub(crate) fn german_typst(raw: &str) -> &'static str {
    let lower = raw.to_lowercase();
    let known: &[(&str, &str)] = &[
        ("unknown variable", "ein Name ist unbekannt (Tippfehler oder fehlender Import?)"),
        ("unclosed", "eine Klammer, ein Anführungszeichen oder ein Block ist nicht geschlossen"),
        ("expected", "an dieser Stelle erwartet typst etwas anderes"),
        ("cannot", "ein Wert lässt sich hier nicht verwenden"),
        ("does not contain field", "ein Feld fehlt in den Daten oder im Wert"),
        ("does not contain key", "diesen Schlüssel gibt es in den Daten nicht (Tippfehler in der Vorlage?)"),
        ("does not exist", "ein Feld oder eine Datei gibt es nicht"),
        ("file not found", "eine Datei wurde nicht gefunden (Vorlagen können nur Dateien aus dem Vorlagenverzeichnis einbinden)"),
        ("package", "Pakete können nicht geladen werden; alles muss im Vorlagenverzeichnis liegen"),
        ("maximum", "eine Grenze von typst ist überschritten (zu tiefe Rekursion oder zu lange Schleife)"),
        ("infinite", "eine Schleife endet nicht"),
        ("panicked", "die Vorlage hat mit `panic` abgebrochen"),
        ("assertion", "eine Prüfung (`assert`) der Vorlage ist fehlgeschlagen"),
        ("unknown font", "eine Schriftart ist nicht eingebettet"),
        ("could not be displayed", "ein Zeichen hat in keiner eingebetteten Schrift ein Zeichenbild"),
        ("heading", "eine Überschrift ist leer oder fehlerhaft"),
        ("divided by zero", "Division durch null"),
        ("out of bounds", "ein Index liegt außerhalb der Liste"),
        ("pdf/a", "der Inhalt verletzt eine Vorgabe von PDF/A"),
        ("pdf/ua", "der Inhalt verletzt eine Vorgabe von PDF/UA (Barrierefreiheit)"),
    ];
    known.iter().find(|(needle, _)| lower.contains(needle)).map_or("typst meldet einen Fehler", |(_, german)| german)
}

/// The location of a span inside a template file, by the file's origin.
fn locate(world: &PlanWorld, templates: &Templates, span: impl Into<typst::syntax::DiagSpan> + Copy) -> Option<crate::diag::Location> {
    let range = world.range(span)?;
    let id = match span.into().get() {
        typst::syntax::DiagSpanKind::Number { id, .. } | typst::syntax::DiagSpanKind::Range { id, .. } => id,
        typst::syntax::DiagSpanKind::Detached => return None,
    };
    let file = templates.by_id(id)?;
    let source = SourceFile::new(file.origin.clone(), file.text().to_owned());
    Some(source.location(Span { start: range.start, end: range.end }))
}

/// A UTC date and time from seconds since 1970, clamped to the years 1–9999.
fn datetime_from_unix(secs: i64) -> Option<Datetime> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let date = crate::model::Datum::from_days_since_epoch(days);
    let (year, month, day) = (date.jahr.clamp(1, 9999), date.monat, date.tag);
    let (h, m, s) = ((rem / 3600) as u8, ((rem % 3600) / 60) as u8, (rem % 60) as u8);
    Datetime::from_ymd_hms(year, month, day, h, m, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_time_to_date() {
        assert_eq!(datetime_from_unix(0), Datetime::from_ymd_hms(1970, 1, 1, 0, 0, 0));
        assert_eq!(datetime_from_unix(1_796_083_200 + 3661), Datetime::from_ymd_hms(2026, 12, 1, 1, 1, 1));
        assert!(datetime_from_unix(i64::MAX / 2).is_some());
    }

    #[test]
    fn stand_gives_midnight_utc() {
        let stand = Datum::new(2026, 12, 1).unwrap_or_else(|| unreachable!());
        let s = Settings::for_stand(stand, "x".into(), None);
        assert_eq!(s.timestamp, 1_796_083_200);
        assert_eq!(Settings::for_stand(stand, "x".into(), Some(42)).timestamp, 42);
    }

    #[test]
    fn standards_parse_both_orders() {
        assert_eq!(Standard::parse("a-2b,ua-1"), Some(Standard::A2bUa1));
        assert_eq!(Standard::parse("ua-1,a-2b"), Some(Standard::A2bUa1));
        assert_eq!(Standard::parse("A-3B"), Some(Standard::A3b));
        assert_eq!(Standard::parse("a-4"), None);
        for (s, k) in Standard::ALL {
            assert_eq!(Standard::parse(k), Some(*s));
            assert_eq!(s.key(), *k);
        }
    }
}
