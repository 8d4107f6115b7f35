//! Renderers of the Schulträger's own plan ([`TraegerPlan`]): Markdown, PDF, JSON and xlsx.
//!
//! Markdown and PDF render the format-independent chapters of [`crate::view::traegerplan`] through the
//! templates `review/traegerplan.md` and `traegerplan.typ` (overridable like every template);
//! JSON is the figures stage itself (schema `schemas/output/traegerplan.schema.json`).

pub mod xlsx;

use schemars::JsonSchema;
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::figures::traeger::TraegerFigures;
use crate::render::RenderError;
use crate::render::markdown::{TRAEGERPLAN_MAIN, Templates, render_data};
use crate::render::pdf;
use crate::render::review::pdf::{PdfDoc, PdfMeta};
use crate::review::traegerplan::TraegerPlan;
use crate::view::traegerplan::traegerplan;

/// Version of the JSON document of `mep traegerplan --format json`; see `docs/output.md`.
pub const JSON_VERSION: u32 = 1;

/// The JSON document of one `mep traegerplan` run.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "mep traegerplan --format json")]
pub struct JsonDoc<'a> {
    /// Version of this document's shape.
    pub version: u32,
    /// Name of the Schulträger.
    pub traeger: &'a str,
    /// Land (key, e.g. `NI`).
    pub land: &'a str,
    /// Programme (key, e.g. `digitalpakt-2`).
    pub programm: &'a str,
    /// Every figure of the plan: money in cents, counts with their unknown and approximate parts, exact fractions.
    pub figures: &'a TraegerFigures,
    /// Findings at the Träger: its file, the cross-school rules and the Betrieb concept.
    pub traeger_findings: &'a [Diagnostic],
    /// Plausibility findings of the plan (standards, money); no funding rule stands behind them.
    pub plausibility: &'a [Diagnostic],
}

/// The whole plan as one pretty-printed JSON document with a final newline.
pub fn json(p: &TraegerPlan) -> serde_json::Result<String> {
    let doc = JsonDoc {
        version: JSON_VERSION,
        traeger: p.traeger.name.trim(),
        land: p.traeger.land.key(),
        programm: p.traeger.programme.key(),
        figures: &p.figures,
        traeger_findings: &p.review.traeger_findings,
        plausibility: &p.plausibility,
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

/// The plan in Markdown.
pub fn markdown(p: &TraegerPlan, templates: &Templates) -> Result<String, RenderError> {
    render_data(TRAEGERPLAN_MAIN, &traegerplan(p), templates)
}

/// The plan as a PDF (PDF/A-2b and PDF/UA-1 by default), dated like the review with the newest `stand` of the plans.
pub fn pdf(
    p: &TraegerPlan,
    templates: &pdf::Templates,
    standard: pdf::Standard,
    source_date_epoch: Option<i64>,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let doc = traegerplan(p);
    let stand = p.review.dokumentdatum();
    let data = PdfDoc {
        meta: PdfMeta {
            title: doc.titel.clone(),
            author: p.traeger.name.trim().to_owned(),
            subject: "Medienentwicklungsplan des Schulträgers (mep traegerplan)".to_owned(),
            keywords: vec!["Medienentwicklungsplan".to_owned(), "DigitalPakt Schule".to_owned(), "Schulträger".to_owned()],
            stand: stand.de(),
        },
        overview: doc,
    };
    let json = serde_json::to_vec(&data)
        .map_err(|e| vec![Diagnostic::new(pdf::CODE_TEMPLATE, Severity::Fehler, "", format!("Daten für das PDF: {e}"))])?;
    let mut settings = pdf::Settings::for_stand(stand, format!("mep-traegerplan {}", data.meta.title), source_date_epoch);
    settings.standard = standard;
    pdf::render_entry(templates, pdf::templates::TRAEGERPLAN_MAIN, json, &settings).map(|r| r.pdf)
}
