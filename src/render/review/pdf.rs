//! The overview chapter of a review as a PDF through the typst pipeline.

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::render::pdf;
use crate::review::Review;
use crate::view::overview::{Overview, overview};

/// The document metadata both overview PDFs (review and Schulträger plan) hand to typst.
#[derive(Serialize)]
pub(crate) struct PdfMeta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) keywords: Vec<String>,
    pub(crate) stand: String,
}

/// The typst data of an overview PDF: metadata and the overview.
#[derive(Serialize)]
pub(crate) struct PdfDoc {
    pub(crate) meta: PdfMeta,
    pub(crate) overview: Overview,
}

/// The overview chapter as a PDF (landscape A4, PDF/A-2b and PDF/UA-1 by default) through the typst pipeline.
///
/// The document is dated with the newest `stand` of the plans, so the same plans give the same bytes;
/// `source_date_epoch` overrides the creation time. `Err` holds template problems.
pub fn pdf(
    review: &Review,
    templates: &pdf::Templates,
    standard: pdf::Standard,
    source_date_epoch: Option<i64>,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let doc = overview(review);
    let stand = review.dokumentdatum();
    let author = review.traeger_name().map_or_else(|| "mep".to_owned(), |n| n.trim().to_owned());
    let data = PdfDoc {
        meta: PdfMeta {
            title: doc.titel.clone(),
            subject: "Übersicht der Medienentwicklungspläne der Schulen (mep uebersicht)".to_owned(),
            keywords: vec!["Medienentwicklungsplan".to_owned(), "DigitalPakt Schule".to_owned(), "Schulträger".to_owned()],
            stand: stand.de(),
            author,
        },
        overview: doc,
    };
    let json = serde_json::to_vec(&data)
        .map_err(|e| vec![Diagnostic::new(pdf::CODE_TEMPLATE, crate::diag::Severity::Fehler, "", format!("Daten für das PDF: {e}"))])?;
    let mut settings = pdf::Settings::for_stand(stand, format!("mep-review {}", data.meta.title), source_date_epoch);
    settings.standard = standard;
    pdf::render_entry(templates, pdf::templates::REVIEW_MAIN, json, &settings).map(|r| r.pdf)
}
