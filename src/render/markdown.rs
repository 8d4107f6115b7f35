//! The Markdown renderer: tera templates over the [`PlanView`].
//!
//! Templates live in `templates/markdown/` and are embedded at build time. A
//! directory given with `--templates` overrides any of them by relative path
//! (and may add further files for `include`). Every value a template prints
//! is escaped by [`mdsafe::escape`]; Markdown fields go through the `md`
//! filter, which returns already safe Markdown.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use tera::{Context, Kwargs, State, Tera, Value};

use super::RenderError;
use super::mdsafe;
use crate::view::PlanView;
use crate::view::values::de_int;

/// The template every render starts from.
pub const MAIN: &str = "plan.md";

/// The template of the overview chapter of `mep review --format md`.
pub const REVIEW_MAIN: &str = "review/uebersicht.md";

/// The template of the Schulträger's own plan (`mep traegerplan --format md`).
pub const TRAEGERPLAN_MAIN: &str = "review/traegerplan.md";

/// Largest template file accepted from a user directory.
const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;
/// Most files read from a user directory.
const MAX_TEMPLATE_FILES: usize = 200;

macro_rules! embedded {
    ($($name:literal),+ $(,)?) => {
        /// The built-in templates: relative name and text.
        pub const EMBEDDED: &[(&str, &str)] = &[$(($name, include_str!(concat!("../../templates/markdown/", $name)))),+];
    };
}

embedded!(
    "plan.md",
    "entwurf.md",
    "deckblatt.md",
    "zusammenfassung.md",
    "schulprofil.md",
    "leitbild.md",
    "ist-analyse.md",
    "ziele.md",
    "mediencurriculum.md",
    "einsatzkonzept.md",
    "ausstattung.md",
    "datenschutz.md",
    "fortbildung.md",
    "betrieb.md",
    "zeitplan.md",
    "finanzierung.md",
    "evaluation.md",
    "abschluss.md",
    "anhang-bestand.md",
    "anhang-matrix.md",
    "anhang-pruefbericht.md",
    "zusatzkapitel.md",
    "review/uebersicht.md",
    "review/traegerplan.md",
);

/// A set of Markdown templates: the built-in ones, possibly overridden from a directory.
#[derive(Clone, Debug)]
pub struct Templates {
    files: BTreeMap<String, String>,
    overridden: Vec<String>,
    /// The shared wording, read by the templates as `wortlaut`.
    wortlaut: serde_json::Value,
}

impl Default for Templates {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Templates {
    /// Only the built-in templates.
    #[must_use]
    pub fn builtin() -> Self {
        Self {
            files: EMBEDDED.iter().map(|(n, t)| ((*n).to_owned(), (*t).to_owned())).collect(),
            overridden: Vec::new(),
            wortlaut: super::pack::wortlaut::builtin(),
        }
    }

    /// The built-in templates with every `*.md` file below `dir` replacing or adding the file of the same relative name.
    ///
    /// The folder is read through [`crate::contained::Folder`]: a file or subfolder that leads
    /// outside it (a symbolic link to a system file, say) refuses the whole folder.
    pub fn with_dir(dir: &Path) -> Result<Self, RenderError> {
        let mut t = Self::builtin();
        let limits = crate::contained::Limits { max_file_bytes: MAX_TEMPLATE_BYTES, max_files: MAX_TEMPLATE_FILES, ..Default::default() };
        let folder = crate::contained::Folder::open(dir, limits).map_err(|e| RenderError::Template(e.message))?;
        for name in folder.files("md").map_err(|e| RenderError::Template(e.message))? {
            let text = folder.read_text(&name).map_err(|e| RenderError::Template(e.message))?;
            t.files.insert(name.clone(), text);
            t.overridden.push(name);
        }
        Ok(t)
    }

    /// The built-in templates with a pack's Markdown files replacing or adding the file of the same name.
    #[must_use]
    pub fn from_pack(pack: &super::pack::Pack) -> Self {
        let mut t = Self::builtin();
        for (name, text) in &pack.markdown {
            t.files.insert(name.clone(), text.clone());
            t.overridden.push(name.clone());
        }
        if let Some(w) = &pack.wortlaut {
            t.wortlaut = w.clone();
        }
        t
    }

    /// Names of the templates taken from the user directory, sorted.
    #[must_use]
    pub fn overridden(&self) -> &[String] {
        &self.overridden
    }

    /// The text of a template.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }
}

/// `md(ebene=N)`: a Markdown field (`{"markdown": …}` or a string) made safe, headings starting at level N.
#[allow(clippy::needless_pass_by_value)] // tera's filter signature takes the arguments by value
fn md_filter(v: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<Value> {
    let top = kwargs.get::<i64>("ebene")?.unwrap_or(3);
    let text = match v.as_map() {
        Some(m) => m.get(&"markdown".into()).and_then(Value::as_str).map(ToOwned::to_owned),
        None => v.as_str().map(ToOwned::to_owned),
    };
    let Some(text) = text else { return Ok(Value::safe_string("")) };
    Ok(Value::safe_string(&mdsafe::markdown_block(&text, usize::try_from(top).unwrap_or(3))))
}

/// `de_int`: a whole number with German thousands separators.
fn de_int_filter(v: &Value, _: Kwargs, _: &State) -> Value {
    match v.as_i64() {
        Some(n) => Value::normal_string(&de_int(n)),
        None => v.clone(),
    }
}

/// `code`: a plain value escaped, with `` `…` `` spans kept as code spans (diagnostic messages).
fn code_filter(v: &Value, _: Kwargs, _: &State) -> Value {
    match v.as_str() {
        Some(s) => Value::safe_string(&mdsafe::escape_with_code(s)),
        None => v.clone(),
    }
}

/// `sonst(text="–")`: the value, or the text when the value is missing or empty.
#[allow(clippy::needless_pass_by_value)] // tera's filter signature takes the arguments by value
fn sonst_filter(v: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<Value> {
    let missing = v.is_undefined() || v.is_none() || v.as_str().is_some_and(str::is_empty) || v.as_array().is_some_and(<[Value]>::is_empty);
    if missing {
        let text = kwargs.get::<String>("text")?.unwrap_or_else(|| "–".to_owned());
        Ok(Value::normal_string(&text))
    } else {
        Ok(v.clone())
    }
}

/// `codespan`: a value shown inside a Markdown code span (backticks become apostrophes).
fn codespan_filter(v: &Value, _: Kwargs, _: &State) -> Value {
    match v.as_str() {
        Some(s) => Value::safe_string(&s.replace('`', "'")),
        None => v.clone(),
    }
}

/// `satz(name=wert, …)`: a sentence of the shared wording (`wortlaut.yaml`) with its places
/// `{name}` filled. The sentence and every value are escaped like any plain value, so neither
/// the wording nor the plan's text can become Markdown; a value that is missing prints `–`, a list
/// its entries joined by `; ` (of an entry with a `name`, the name).
#[allow(clippy::needless_pass_by_value)] // tera's filter signature takes the arguments by value
fn satz_filter(v: &Value, kwargs: Kwargs, _: &State) -> Value {
    let Some(vorlage) = v.as_str() else { return v.clone() };
    let value_of = |name: &str| {
        kwargs.iter().find(|(key, _)| key.as_str() == Some(name)).map(|(_, value)| match value.as_array() {
            _ if value.is_none() || value.is_undefined() => "–".to_owned(),
            Some(list) => list.iter().map(satz_text).collect::<Vec<_>>().join("; "),
            None => satz_text(value),
        })
    };
    // Literal text and values are escaped piece by piece, so a place's name is never escaped.
    let mut out = String::with_capacity(vorlage.len() * 2);
    let mut rest = vorlage;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        out.push_str(&mdsafe::escape_inline(&rest[..open]));
        let name = &rest[open + 1..close];
        match value_of(name) {
            Some(text) => out.push_str(&mdsafe::escape_inline(&text)),
            None => out.push_str(&mdsafe::escape_inline(&rest[open..=close])),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(&mdsafe::escape_inline(rest));
    Value::safe_string(&mdsafe::guard_start(out.trim()))
}

/// The text of one value in a sentence: a string itself, an entry its `name`, else its display.
fn satz_text(value: &Value) -> String {
    if let Some(name) = value.as_map().and_then(|m| m.get(&"name".into())).and_then(Value::as_str) {
        return name.to_owned();
    }
    value.as_str().map_or_else(|| value.to_string(), ToOwned::to_owned)
}

/// The filters mep adds to tera, with their German description for template authors
/// (`docs/vorlagendaten.md` is generated from this list): name, call, description.
pub const FILTERS: &[(&str, &str, &str)] = &[
    (
        "md",
        "{{ schule.profil | md(ebene=3) }}",
        "Setzt ein Markdown-Feld (`{\"markdown\": …}`) sicher um: rohes HTML wirkt nicht, Überschriften beginnen auf der Ebene `ebene` (Vorgabe 3).",
    ),
    ("de_int", "{{ 12345 | de_int }}", "Ganze Zahl mit Tausenderpunkten: `12.345`."),
    (
        "sonst",
        "{{ z.indikator | sonst(text=\"–\") }}",
        "Der Wert, oder `text` (Vorgabe `–`), wenn er fehlt, leer ist oder eine leere Liste ist.",
    ),
    ("code", "{{ b.meldung | code }}", "Klartext maskiert, Abschnitte in `` `…` `` bleiben Code (für Meldungen des Prüfberichts)."),
    ("codespan", "{{ b.code | codespan }}", "Ein Wert in einem Code-Abschnitt: Backticks werden zu Apostrophen."),
    (
        "satz",
        "{{ wortlaut.saetze.umfang | satz(dokument=…, umfang=zusammenfassung.umfang) }}",
        "Ein Satz aus `wortlaut.yaml` mit gefüllten Platzhaltern `{name}`; Satz und Werte werden maskiert, `none` druckt `–`, eine Liste ihre Einträge (bei Einträgen mit `name` deren Namen) mit `; `.",
    ),
];

/// Whether a set of templates reads (syntax, filters, included files); the error locates the first problem.
pub fn check_syntax(templates: &Templates) -> Result<(), tera::Error> {
    base_engine().add_raw_templates(templates.files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
}

fn engine(templates: &Templates) -> Result<Tera, RenderError> {
    let mut tera = base_engine();
    tera.add_raw_templates(templates.files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| RenderError::Template(describe(&e)))?;
    Ok(tera)
}

/// tera with mep's escaping and filters, without templates.
fn base_engine() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on([".md"]);
    tera.set_escape_fn(mdsafe::escape_write);
    tera.register_filter("md", md_filter);
    tera.register_filter("de_int", de_int_filter);
    tera.register_filter("sonst", sonst_filter);
    tera.register_filter("code", code_filter);
    tera.register_filter("codespan", codespan_filter);
    tera.register_filter("satz", satz_filter);
    tera
}

/// Time and size limits of one Markdown document.
///
/// The built-in templates need a few milliseconds and about twice the plan's
/// text; the limits stop a template of the user's that loops (`range` inside
/// `range`) or prints without end.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Longest time for rendering.
    pub time: Duration,
    /// Largest output in bytes.
    pub max_output_bytes: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self { time: Duration::from_secs(20), max_output_bytes: 64 * 1024 * 1024 }
    }
}

/// Renders the whole plan as Markdown.
pub fn render(view: &PlanView, templates: &Templates) -> Result<String, RenderError> {
    render_budgeted(view, templates, Budget::default())
}

/// Renders the whole plan as Markdown under a [`Budget`].
///
/// Rendering runs on its own thread. Past the output limit the template is
/// stopped at its next write; past the time limit it is abandoned and stops at
/// its next write too (a loop that writes nothing runs on until it ends or the
/// process does).
pub fn render_budgeted(view: &PlanView, templates: &Templates, budget: Budget) -> Result<String, RenderError> {
    let tera = engine(templates)?;
    let mut ctx = Context::from_serialize(view).map_err(|e| RenderError::Template(describe(&e)))?;
    ctx.insert("wortlaut", &templates.wortlaut);
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let mut out = Capped { buf: Vec::new(), max: budget.max_output_bytes, cancel: Arc::clone(&cancel), over: false };
    let worker = std::thread::Builder::new().name("mep-markdown".to_owned()).spawn(move || {
        let result = tera.render_to(MAIN, &ctx, &mut out);
        let _ = tx.send((result, out.over, out.buf));
    });
    if let Err(e) = worker {
        return Err(RenderError::Template(format!("Die Ausgabe kann nicht gestartet werden: {}.", crate::fsio::describe_io(&e))));
    }
    match rx.recv_timeout(budget.time) {
        Ok((_, true, _)) => Err(RenderError::Template(format!(
            "Die Ausgabe wird größer als {} MiB; die Vorlage wurde abgebrochen. Eine eigene Vorlage (`--vorlagen`) enthält vermutlich eine sehr lange Schleife.",
            budget.max_output_bytes / (1024 * 1024)
        ))),
        Ok((Err(e), false, _)) => Err(RenderError::Template(describe(&e))),
        Ok((Ok(()), false, buf)) => {
            let text = String::from_utf8(buf).map_err(|_| RenderError::Template("Die Ausgabe ist kein gültiger UTF-8-Text.".to_owned()))?;
            Ok(tidy(&text))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            cancel.store(true, Ordering::Relaxed);
            Err(RenderError::Template(format!(
                "Die Ausgabe ist nach {} Sekunden nicht fertig; die Vorlage wurde abgebrochen. Eine eigene Vorlage (`--vorlagen`) enthält vermutlich eine sehr lange oder verschachtelte Schleife.",
                budget.time.as_secs()
            )))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(RenderError::Template(
            "Beim Ausgeben ist ein interner Fehler aufgetreten. Bitte melden Sie den Fehler mit der Plan-Datei.".to_owned(),
        )),
    }
}

/// The output buffer of a render: refuses to grow past `max` or after a cancel.
struct Capped {
    buf: Vec<u8>,
    max: usize,
    cancel: Arc<AtomicBool>,
    over: bool,
}

impl Write for Capped {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("abgebrochen"));
        }
        if self.buf.len() + data.len() > self.max {
            self.over = true;
            return Err(std::io::Error::other("Ausgabe zu groß"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders any serialisable data with the template `main` (e.g. [`REVIEW_MAIN`]).
pub fn render_data(main: &str, data: &impl serde::Serialize, templates: &Templates) -> Result<String, RenderError> {
    let tera = engine(templates)?;
    let ctx = Context::from_serialize(data).map_err(|e| RenderError::Template(describe(&e)))?;
    let out = tera.render(main, &ctx).map_err(|e| RenderError::Template(describe(&e)))?;
    Ok(tidy(&out))
}

/// Collapses the runs of blank lines that template logic leaves behind.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// The error in German, with tera's own text and its causes as the detail.
fn describe(e: &tera::Error) -> String {
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail.push_str(&format!("\n  {s}"));
        source = s.source();
    }
    let lower = detail.to_lowercase();
    let lead = if lower.contains("syntax") || lower.contains("parse") || lower.contains("expected") {
        "Die Markdown-Vorlage ist nicht lesbar (Syntaxfehler)"
    } else if lower.contains("not found") || lower.contains("doesn't exist") || lower.contains("does not exist") {
        "Die Markdown-Vorlage verweist auf etwas, das es nicht gibt (Vorlage, Variable oder Filter)"
    } else if lower.contains("limit") {
        "Die Markdown-Vorlage überschreitet eine Grenze (z. B. `range` mit mehr als 100 000 Werten)"
    } else {
        "Die Markdown-Vorlage bricht beim Ausgeben ab"
    };
    format!("{lead}.\n  Meldung von tera: {detail}")
}
