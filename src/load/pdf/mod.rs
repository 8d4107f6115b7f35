//! Reads the plan back out of an archived PDF/A-3b (`mep validate plan.pdf`).
//!
//! `mep render --format pdf --pdf-standard a-3b` embeds the plan's YAML as an associated file
//! named `plan.yaml`. A PDF from elsewhere is hostile input, so this is a small reader of its
//! own for exactly this path, under one [`Budget`] for the whole file:
//!
//! 1. the header, `startxref`, the xref tables and xref streams ([`file`]);
//! 2. the catalog's names tree `/EmbeddedFiles` and its `/AF` array: the file
//!    specifications and their names, nothing else;
//! 3. the one stream of the plan, inflated with a hard cap (module `inflate`).
//!
//! Objects are parsed only when this path reaches them; every object parsed or looked up
//! counts ([`Counters::objects_visited`]), and so does every byte decoded
//! ([`Counters::bytes_decoded`]), object streams and xref streams included. A truncated or
//! corrupt attachment is never decoded partly; an encrypted file is named as such.

mod file;
mod inflate;
mod syntax;

use std::collections::HashSet;

use crate::diag::{Diagnostic, Rule, Severity};
use file::File;
use syntax::{Meter, Obj};

use super::codes;

/// The finding when a PDF holds no plan as attachment.
pub static CODE: &Rule = &codes::PDF_ANHANG;
/// The finding when the PDF or its attachment is damaged (truncated, corrupt, unreadable filter).
pub static CODE_DAMAGED: &Rule = &codes::PDF_BESCHAEDIGT;
/// The finding when the PDF is encrypted.
pub static CODE_ENCRYPTED: &Rule = &codes::PDF_VERSCHLUESSELT;
/// The finding when reading the PDF exceeds the reader's budget.
pub static CODE_BUDGET: &Rule = &codes::PDF_LESEGRENZE;
/// The finding of an attachment larger than a plan may be (the same as for a YAML file).
static CODE_TOO_LARGE: &Rule = &codes::YAML_GROESSE;

/// Name of the plan's YAML attached to a PDF/A-3b by `mep render --pdf-standard a-3b`.
pub const ATTACHMENT_PLAN: &str = "plan.yaml";

/// Whether the bytes are a PDF: they start with the header `%PDF-`, after nothing but
/// the whitespace the PDF standard allows. Validate, render and review use this one rule,
/// so a YAML plan that mentions `%PDF-` in a comment stays a YAML plan everywhere.
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|&b| !syntax::is_space(b)).unwrap_or(bytes.len());
    bytes[start..].starts_with(b"%PDF-")
}

/// The limits of reading one PDF; all of them hold for the whole file together.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Largest plan attachment, decoded.
    pub max_attachment: usize,
    /// Most bytes decoded over the whole file: the plan, object streams and xref streams.
    pub max_decoded: usize,
    /// Most objects parsed or looked up over the whole file (xref entries included).
    pub max_objects: usize,
    /// Deepest nesting of arrays, dictionaries and name-tree levels.
    pub max_depth: usize,
    /// Most bytes parsed over the whole file; an object parsed twice counts twice.
    pub max_scanned: usize,
}

impl Budget {
    /// The budget for a plan of at most `max_attachment` bytes: four times that in decoded bytes
    /// (at least 1 MiB), sixteen times that in bytes parsed (at least 16 MiB), 500 000 objects
    /// and 64 levels of nesting.
    #[must_use]
    pub fn for_plan(max_attachment: usize) -> Self {
        Self {
            max_attachment,
            max_decoded: max_attachment.saturating_mul(4).max(1 << 20),
            max_objects: 500_000,
            max_depth: 64,
            max_scanned: max_attachment.saturating_mul(16).max(16 << 20),
        }
    }
}

/// What reading one PDF cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    /// Bytes decoded (inflated or copied out of streams).
    pub bytes_decoded: usize,
    /// Objects parsed or looked up, xref entries included.
    pub objects_visited: usize,
    /// Bytes parsed; an object parsed twice counts twice.
    pub bytes_scanned: usize,
}

/// An embedded file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedded {
    /// Its file name (`/UF`, else `/F`).
    pub name: String,
    /// Its bytes, decompressed.
    pub data: Vec<u8>,
}

/// The outcome of reading a PDF: the attachment or the finding why there is none, and the cost.
#[derive(Debug)]
pub struct Outcome<T> {
    /// The result.
    pub result: Result<T, Box<Diagnostic>>,
    /// What reading cost, for tests and benchmarks.
    pub counters: Counters,
}

/// Which budget ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Objects visited.
    Objects,
    /// Bytes decoded.
    Decoded,
    /// Nesting depth.
    Depth,
    /// Bytes parsed.
    Scanned,
}

/// Why reading stopped; turned into a finding by `Fault::finding`.
#[derive(Debug)]
pub enum Fault {
    /// The structure is broken; the German sentence says where.
    Damaged(String),
    /// A compressed stream is corrupt; the inflater's own (English) text.
    Corrupt(String),
    /// The file is encrypted.
    Encrypted,
    /// A budget ran out.
    Budget(Limit),
    /// The attachment decodes to more than this many bytes.
    TooLarge(usize),
    /// Filters this reader does not decode.
    Unsupported(Vec<String>),
}

impl Fault {
    fn finding(self, budget: &Budget) -> Diagnostic {
        const AGAIN: &str = "Lassen Sie sich die Datei erneut schicken oder erzeugen Sie sie neu mit \
`mep render --format pdf --pdf-standard a-3b`; geprüft werden kann auch die YAML-Datei des Plans.";
        let (code, message, help) = match self {
            Fault::Damaged(what) => (CODE_DAMAGED, format!("Die PDF-Datei ist beschädigt: {what}"), AGAIN.to_owned()),
            Fault::Corrupt(detail) => (
                CODE_DAMAGED,
                format!("Die PDF-Datei ist beschädigt: ein komprimierter Stream lässt sich nicht entpacken; er wird nicht gelesen.\n  Meldung des Entpackers: {}", printable(&detail)),
                AGAIN.to_owned(),
            ),
            Fault::Unsupported(filters) => (
                CODE_DAMAGED,
                format!("Der Anhang ist mit einem Verfahren kodiert, das mep nicht liest ({}).", printable(&filters.join(", "))),
                "mep liest Anhänge ohne Kompression oder mit `FlateDecode`, wie `mep render` sie schreibt.".to_owned(),
            ),
            Fault::Encrypted => (
                CODE_ENCRYPTED,
                "Die PDF-Datei ist verschlüsselt; ihre Anhänge können nicht gelesen werden.".to_owned(),
                "Ein archiviertes PDF/A darf nicht verschlüsselt sein. Lassen Sie sich die Datei unverschlüsselt oder die YAML-Datei des Plans schicken.".to_owned(),
            ),
            Fault::Budget(limit) => {
                let which = match limit {
                    Limit::Objects => format!("mehr als {} Objekte", budget.max_objects),
                    Limit::Decoded => format!("mehr als {} entpackte Bytes", budget.max_decoded),
                    Limit::Depth => format!("tiefer als {} Ebenen geschachtelt", budget.max_depth),
                    Limit::Scanned => format!("mehr als {} gelesene Bytes", budget.max_scanned),
                };
                (
                    CODE_BUDGET,
                    format!("Die PDF-Datei überschreitet eine Sicherheitsgrenze des Lesers ({which}); sie wird nicht weiter gelesen."),
                    "Ein von `mep render` erzeugtes PDF bleibt weit unter diesen Grenzen. Die Datei ist vermutlich präpariert oder beschädigt.".to_owned(),
                )
            }
            Fault::TooLarge(cap) => (
                CODE_TOO_LARGE,
                format!("Der Plan im Anhang ist größer als erlaubt (höchstens {cap} Bytes entpackt)."),
                "Die Grenze gilt wie für YAML-Dateien und lässt sich mit `--max-groesse` ändern.".to_owned(),
            ),
        };
        Diagnostic::new(code, Severity::Fehler, "", message).help(help)
    }
}

/// Reads the plan attached to a PDF: the attachment named [`ATTACHMENT_PLAN`], else the only
/// attachment ending in `.yaml` or `.yml`. Only that one stream is decoded.
#[must_use]
pub fn read_plan(bytes: &[u8], budget: &Budget) -> Outcome<Embedded> {
    run(bytes, budget, |file, budget| {
        let found = attachments(file, budget)?;
        let chosen = found.iter().find(|a| a.name == ATTACHMENT_PLAN).or_else(|| {
            let mut yaml = found.iter().filter(|a| {
                std::path::Path::new(&a.name).extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
            });
            match (yaml.next(), yaml.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        });
        let Some(chosen) = chosen else { return Ok(Err(no_plan(&found))) };
        let data = decode_attachment(file, chosen, budget)?;
        Ok(Ok(Embedded { name: chosen.name.clone(), data }))
    })
}

/// The names of every attachment the names tree and `/AF` list, in that order; nothing is decoded.
#[must_use]
pub fn attachment_names(bytes: &[u8], budget: &Budget) -> Outcome<Vec<String>> {
    run(bytes, budget, |file, budget| Ok(Ok(attachments(file, budget)?.into_iter().map(|a| a.name).collect())))
}

/// Reads the attachment with this name, decoding only its stream.
#[must_use]
pub fn read_attachment(bytes: &[u8], name: &str, budget: &Budget) -> Outcome<Embedded> {
    run(bytes, budget, |file, budget| {
        let found = attachments(file, budget)?;
        let Some(chosen) = found.iter().find(|a| a.name == name) else { return Ok(Err(no_plan(&found))) };
        let data = decode_attachment(file, chosen, budget)?;
        Ok(Ok(Embedded { name: chosen.name.clone(), data }))
    })
}

type Step<T> = Result<Result<T, Diagnostic>, Fault>;

fn run<T>(bytes: &[u8], budget: &Budget, body: impl FnOnce(&mut File<'_>, &Budget) -> Step<T>) -> Outcome<T> {
    if !is_pdf(bytes) {
        let d = Fault::Damaged("der Kopf `%PDF-` fehlt am Dateianfang.".to_owned()).finding(budget);
        return Outcome { result: Err(Box::new(d)), counters: Counters::default() };
    }
    let meter =
        Meter { visited: 0, max_visited: budget.max_objects, max_depth: budget.max_depth, scanned: 0, max_scanned: budget.max_scanned };
    let mut file = match File::open(bytes, meter, budget.max_decoded) {
        Ok(f) => f,
        Err(fault) => return Outcome { result: Err(Box::new(fault.finding(budget))), counters: Counters::default() },
    };
    let result = if file.trailer.get(b"Encrypt").is_some_and(|e| *e != Obj::Null) {
        Err(Box::new(Fault::Encrypted.finding(budget)))
    } else {
        match body(&mut file, budget) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(d)) => Err(Box::new(d)),
            Err(fault) => Err(Box::new(fault.finding(budget))),
        }
    };
    Outcome {
        result,
        counters: Counters { bytes_decoded: file.decoded, objects_visited: file.meter.visited, bytes_scanned: file.meter.scanned },
    }
}

/// An attachment found in the catalog: its name and the object number of its stream.
#[derive(Debug)]
struct Found {
    name: String,
    stream: u32,
    /// `/Params /Size` of the embedded file, when given.
    size: Option<i64>,
}

/// Most attachments kept; more are still counted against the budget, but not listed.
const MAX_FOUND: usize = 1000;

fn attachments(file: &mut File<'_>, budget: &Budget) -> Result<Vec<Found>, Fault> {
    let root = file.trailer.get(b"Root").cloned().unwrap_or(Obj::Null);
    let Obj::Dict(catalog) = file.resolve(&root)? else {
        return Err(Fault::Damaged("der Katalog (/Root) fehlt.".to_owned()));
    };
    let mut found = Vec::new();
    // Tree nodes and file specifications already read: a reference repeated 100 000 times is read once.
    let mut seen = HashSet::new();
    let names = match catalog.get(b"Names") {
        Some(n) => file.resolve(n)?,
        None => Obj::Null,
    };
    if let Obj::Dict(names) = names
        && let Some(tree) = names.get(b"EmbeddedFiles")
    {
        walk_tree(file, tree, 0, budget, &mut seen, &mut found)?;
    }
    if let Some(af) = catalog.get(b"AF")
        && let Obj::Array(specs) = file.resolve(af)?
    {
        for spec in &specs {
            add_spec(file, spec, None, &mut seen, &mut found)?;
        }
    }
    Ok(found)
}

fn walk_tree(
    file: &mut File<'_>,
    node: &Obj,
    depth: usize,
    budget: &Budget,
    seen: &mut HashSet<u32>,
    found: &mut Vec<Found>,
) -> Result<(), Fault> {
    if depth > budget.max_depth {
        return Err(Fault::Budget(Limit::Depth));
    }
    if let Obj::Ref(n, _) = node
        && !seen.insert(*n)
    {
        return Ok(());
    }
    let Obj::Dict(dict) = file.resolve(node)? else { return Ok(()) };
    if let Some(names) = dict.get(b"Names") {
        let Obj::Array(pairs) = file.resolve(names)? else { return Ok(()) };
        for pair in pairs.chunks(2) {
            if let [key, spec] = pair {
                let key = match key {
                    Obj::Str(s) => Some(text_string(s)),
                    _ => None,
                };
                add_spec(file, spec, key, seen, found)?;
            }
        }
    }
    if let Some(kids) = dict.get(b"Kids") {
        let Obj::Array(kids) = file.resolve(kids)? else { return Ok(()) };
        for kid in &kids {
            walk_tree(file, kid, depth + 1, budget, seen, found)?;
        }
    }
    Ok(())
}

fn add_spec(file: &mut File<'_>, spec: &Obj, key: Option<String>, seen: &mut HashSet<u32>, found: &mut Vec<Found>) -> Result<(), Fault> {
    if let Obj::Ref(n, _) = spec
        && !seen.insert(*n)
    {
        return Ok(());
    }
    let Obj::Dict(spec) = file.resolve(spec)? else { return Ok(()) };
    let Some(ef) = spec.get(b"EF") else { return Ok(()) };
    let Obj::Dict(ef) = file.resolve(ef)? else { return Ok(()) };
    let Some(Obj::Ref(stream, _)) = ef.get(b"UF").or_else(|| ef.get(b"F")) else { return Ok(()) };
    let name = match spec.get(b"UF").or_else(|| spec.get(b"F")) {
        Some(Obj::Str(s)) => text_string(s),
        _ => key.unwrap_or_default(),
    };
    if found.len() >= MAX_FOUND || found.iter().any(|f: &Found| f.stream == *stream && f.name == name) {
        return Ok(());
    }
    found.push(Found { name, stream: *stream, size: None });
    Ok(())
}

fn decode_attachment(file: &mut File<'_>, chosen: &Found, budget: &Budget) -> Result<Vec<u8>, Fault> {
    let (dict, raw) = file.stream(chosen.stream)?;
    let size = match dict.get(b"Params") {
        Some(p) => match file.resolve(p)? {
            Obj::Dict(params) => params.get(b"Size").and_then(Obj::as_int),
            _ => None,
        },
        None => None,
    }
    .or(chosen.size);
    let data = file.decode(&dict, raw, budget.max_attachment)?;
    if let Some(size) = size
        && usize::try_from(size).ok() != Some(data.len())
    {
        return Err(Fault::Damaged(format!(
            "der Anhang `{}` hat {} Bytes, angegeben sind {size}; er ist abgeschnitten oder verändert.",
            printable(&chosen.name),
            data.len()
        )));
    }
    Ok(data)
}

fn no_plan(found: &[Found]) -> Diagnostic {
    let message = if found.is_empty() {
        "Die PDF-Datei enthält keinen Plan als Anhang.".to_owned()
    } else {
        let mut names: Vec<String> = found.iter().take(10).map(|f| format!("`{}`", printable(&f.name))).collect();
        if found.len() >= MAX_FOUND {
            names.push(format!("und mindestens {} weitere", MAX_FOUND - 10));
        } else if found.len() > 10 {
            names.push(format!("und {} weitere", found.len() - 10));
        }
        format!("Die PDF-Datei enthält keinen Plan `{ATTACHMENT_PLAN}` als Anhang (Anhänge: {}).", names.join(", "))
    };
    Diagnostic::new(CODE, Severity::Fehler, "", message).help(
        "Nur PDFs, die mit `mep render --format pdf --pdf-standard a-3b` erzeugt wurden, tragen den Plan (YAML) in sich. \
         Prüfen Sie sonst die YAML-Datei des Plans.",
    )
}

/// Most characters of an attachment name kept.
const MAX_NAME_CHARS: usize = 200;

/// A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), else PDFDocEncoding.
fn text_string(raw: &[u8]) -> String {
    let text: String = if let Some(utf16) = raw.strip_prefix(&[0xfe, 0xff]) {
        let units = utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]));
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).take(MAX_NAME_CHARS).collect()
    } else if let Some(utf8) = raw.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8_lossy(utf8).chars().take(MAX_NAME_CHARS).collect()
    } else {
        // PDFDocEncoding agrees with Latin-1 on every letter a file name needs.
        raw.iter().take(MAX_NAME_CHARS).map(|&b| char::from(b)).collect()
    };
    text.trim().to_owned()
}

/// A name from the PDF with control characters replaced, fit for a message.
#[must_use]
pub fn printable(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') { ' ' } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests;
