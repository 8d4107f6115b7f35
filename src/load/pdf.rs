//! Reads the plan back out of an archived PDF/A-3b (`mep validate plan.pdf`).
//!
//! `mep render --format pdf --pdf-standard a-3b` embeds the plan's YAML as an associated file
//! named `plan.yaml`. This module finds the embedded files of a PDF (every file specification
//! with an `/EF` entry, wherever it is referenced from) and returns the plan's bytes. Parsing
//! is done by `lopdf`; every stream is decompressed with a size limit.

use lopdf::{Dictionary, Document, LoadOptions, Object};

use crate::diag::{Diagnostic, Rule, Severity};

/// Code of the finding when a PDF holds no readable plan.
pub static CODE: &Rule = &super::codes::PDF_ANHANG;

/// Name of the plan's YAML attached to a PDF/A-3b by `mep render --pdf-standard a-3b`.
pub const ATTACHMENT_PLAN: &str = "plan.yaml";

/// Whether the bytes are a PDF file (`%PDF-` near the start, as readers accept it).
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.get(..1024.min(bytes.len())).is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-"))
}

/// An embedded file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedded {
    /// Its file name (`/UF`, else `/F`).
    pub name: String,
    /// Its bytes, decompressed.
    pub data: Vec<u8>,
}

/// Every embedded file of the PDF, in object order; `max_bytes` bounds each decompressed stream.
pub fn embedded_files(bytes: &[u8], max_bytes: usize) -> Result<Vec<Embedded>, String> {
    let options = LoadOptions { max_decompressed_size: Some(max_bytes), ..LoadOptions::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| format!("Die PDF-Datei kann nicht gelesen werden ({e})."))?;
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let Some(name) = file_name(dict) else { continue };
        let Ok(ef) = dict.get(b"EF").and_then(|o| doc.dereference(o)).and_then(|(_, o)| o.as_dict()) else { continue };
        let Ok((_, stream)) = ef.get(b"UF").or_else(|_| ef.get(b"F")).and_then(|o| doc.dereference(o)) else { continue };
        let Ok(stream) = stream.as_stream() else { continue };
        let data = stream
            .decompressed_content_with_limit(max_bytes)
            .or_else(|e| if stream.dict.has(b"Filter") { Err(e) } else { Ok(stream.content.clone()) })
            .map_err(|e| format!("Der Anhang `{name}` kann nicht entpackt werden ({e})."))?;
        out.push(Embedded { name, data });
    }
    Ok(out)
}

/// The file name of a file specification, when it embeds a file.
fn file_name(dict: &Dictionary) -> Option<String> {
    if !dict.has(b"EF") {
        return None;
    }
    let raw = dict.get(b"UF").or_else(|_| dict.get(b"F")).ok()?;
    let name = match raw {
        Object::String(..) => lopdf::decode_text_string(raw).ok()?,
        _ => return None,
    };
    Some(name.trim().to_owned())
}

/// The plan attached to a PDF: its name and YAML bytes, or the finding why there is none.
///
/// The plan is the attachment named [`ATTACHMENT_PLAN`], else the only
/// attachment ending in `.yaml` or `.yml`.
pub fn plan_attachment(bytes: &[u8], max_bytes: usize) -> Result<Embedded, Box<Diagnostic>> {
    let files = embedded_files(bytes, max_bytes).map_err(|m| Box::new(finding(m, None)))?;
    let plan_name = ATTACHMENT_PLAN;
    if let Some(plan) = files.iter().find(|f| f.name == plan_name) {
        return Ok(plan.clone());
    }
    let yaml: Vec<&Embedded> = files
        .iter()
        .filter(|f| {
            std::path::Path::new(&f.name).extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        })
        .collect();
    if let [only] = yaml.as_slice() {
        return Ok((*only).clone());
    }
    let names: Vec<String> = files.iter().map(|f| format!("`{}`", printable(&f.name))).collect();
    let message = if files.is_empty() {
        "Die PDF-Datei enthält keinen Plan als Anhang.".to_owned()
    } else {
        format!("Die PDF-Datei enthält keinen Plan `{plan_name}` als Anhang (Anhänge: {}).", names.join(", "))
    };
    Err(Box::new(finding(
        message,
        Some(
            "Nur PDFs, die mit `mep erstellen --format pdf --pdf-standard a-3b` erzeugt wurden, tragen den Plan (YAML) in sich. \
             Prüfen Sie sonst die YAML-Datei des Plans."
                .to_owned(),
        ),
    )))
}

/// A name from the PDF with control characters replaced, fit for a message.
#[must_use]
pub fn printable(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn finding(message: String, help: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(CODE, Severity::Fehler, "", message);
    match help {
        Some(h) => d.help(h),
        None => d,
    }
}
