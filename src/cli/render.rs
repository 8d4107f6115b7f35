//! `mep render`: turn checked plans into documents.
//!
//! Each output format is one arm of [`Format`]; adding a format means adding a
//! variant, its file extension and one arm in [`produce`].

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{EXIT_INPUT, EXIT_OK, EXIT_TOOL};
use crate::diag::Counts;
use crate::fsio;
use crate::load::Limits;
use crate::render::markdown::Templates;
use crate::view::{Optionen, PlanView};

/// Output format of `mep render`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark mit GFM-Tabellen).
    #[default]
    Md,
    /// Die Plan-Sicht als JSON (Aufbau: docs/planview.md).
    Json,
    /// PDF/A-2b mit PDF/UA-1: archivierbar und barrierefrei.
    Pdf,
    /// Excel-Arbeitsmappe mit dem Kostenplan: Blätter „Schulen“, „Positionen“ und „Summen“.
    Xlsx,
}

impl Format {
    /// File extension of the output, without dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan-Dateien (YAML); `-` liest von der Standardeingabe.
    #[arg(value_name = "DATEI", required = true, help_heading = "Argumente")]
    files: Vec<PathBuf>,
    /// Ausgabeformat: `md` (Standard, Markdown), `json` (Plan-Sicht mit allen Kennzahlen), `pdf` (PDF/A-2b und PDF/UA-1) oder `xlsx` (Kostenplan als Excel-Arbeitsmappe).
    #[arg(long, value_enum, default_value_t = Format::Md, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Ausgabedatei; `-` schreibt auf die Standardausgabe. Standard: neben der Eingabe, gleicher Name mit `.md`, `.json` bzw. `.pdf`.
    #[arg(short = 'o', long = "output", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    /// Verzeichnis mit eigenen Vorlagen; jede Datei ersetzt die gleichnamige eingebaute (z. B. `ziele.md`, für PDF `plan.typ`).
    #[arg(long, value_name = "VERZEICHNIS", help_heading = "Optionen")]
    templates: Option<PathBuf>,
    /// Auch Pläne mit Fehlern ausgeben – als Entwurf mit dem Hinweis „ENTWURF – nicht förderfähig“ und der Liste der offenen Fehler.
    #[arg(long, help_heading = "Optionen")]
    entwurf: bool,
    /// Größte erlaubte Dateigröße in Bytes (Standard: 5 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_bytes, hide_default_value = true, help_heading = "Optionen")]
    max_groesse: usize,
    #[command(flatten)]
    pdf: super::render_pdf::PdfArgs,
}

/// Where one document goes.
enum Target {
    Stdout,
    File(PathBuf),
}

fn target(args: &Args, input: &Path) -> Target {
    match &args.output {
        Some(p) if p.as_os_str() == "-" => Target::Stdout,
        Some(p) => Target::File(p.clone()),
        None if input.as_os_str() == "-" => Target::Stdout,
        None => Target::File(input.with_extension(args.format.extension())),
    }
}

/// Produces the bytes of one document in the chosen format.
fn produce(format: Format, view: &PlanView, templates: &Templates) -> Result<Vec<u8>, String> {
    match format {
        Format::Md => crate::render::markdown::render(view, templates).map(String::into_bytes).map_err(|e| e.to_string()),
        Format::Json => crate::render::json(view).map(String::into_bytes).map_err(|e| e.to_string()),
        Format::Pdf => Err("PDF wird gesammelt und parallel erzeugt (render_pdf)".to_owned()),
        Format::Xlsx => Err("Excel wird aus dem Plan erzeugt (render_xlsx)".to_owned()),
    }
}

pub fn run(args: &Args) -> u8 {
    let several_to_one_file = args.files.len() > 1 && args.output.as_ref().is_some_and(|p| p.as_os_str() != "-");
    if several_to_one_file {
        eprintln!(
            "Fehler: `-o DATEI` geht nur mit einer Eingabedatei. Lassen Sie `-o` weg, dann entsteht jede Ausgabe neben ihrer Eingabe."
        );
        return EXIT_TOOL;
    }
    let limits = Limits { max_bytes: args.max_groesse, ..Limits::default() };
    if args.format == Format::Pdf {
        return run_pdf(args, &limits);
    }
    let templates = match &args.templates {
        Some(dir) => match Templates::with_dir(dir) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("Fehler: {e}");
                return EXIT_TOOL;
            }
        },
        None => Templates::builtin(),
    };
    let mut worst = EXIT_OK;
    for path in &args.files {
        let code = render_one(args, path, &templates, &limits);
        worst = worst.max(code);
    }
    worst
}

/// PDF: plans are checked lazily and rendered in parallel groups; each PDF is written when its group is done.
fn run_pdf(args: &Args, limits: &Limits) -> u8 {
    let templates = match super::render_pdf::templates(args.templates.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("Fehler: {e}");
            return EXIT_TOOL;
        }
    };
    // Plans are read and checked lazily, one group of PDFs at a time, so memory stays flat.
    let worst = std::cell::Cell::new(EXIT_OK);
    let docs = args.files.iter().filter_map(|path| match check(args, path, limits) {
        Ok((checked, counts)) => {
            let Some(view) = view_of(args, &checked, &counts) else {
                worst.set(worst.get().max(EXIT_INPUT));
                return None;
            };
            let target = match target(args, path) {
                Target::Stdout => None,
                Target::File(p) => Some(p),
            };
            let mut doc = super::render_pdf::Document::for_view(path.display().to_string(), target, &view, &args.pdf);
            if args.pdf.pdf_standard == crate::render::pdf::Standard::A3b {
                doc.attach_plan(checked.source.text(), &view);
            }
            Some(doc)
        }
        Err(code) => {
            worst.set(worst.get().max(code));
            None
        }
    });
    let rendered = super::render_pdf::render_all(&templates, docs);
    worst.get().max(rendered)
}

/// Reads and checks one plan and builds its view; `Err` is the exit code when it must not be rendered.
fn prepare(args: &Args, path: &Path, limits: &Limits) -> Result<(PlanView, Counts), u8> {
    let (checked, counts) = check(args, path, limits)?;
    let view = view_of(args, &checked, &counts).ok_or(EXIT_INPUT)?;
    Ok((view, counts))
}

/// The view of a checked plan (`None` when it could not be loaded).
fn view_of(args: &Args, checked: &crate::Checked, counts: &Counts) -> Option<PlanView> {
    let plan = checked.value.as_ref()?;
    Some(PlanView::build(
        plan,
        &checked.diagnostics,
        &Optionen { datei: checked.source.name().to_owned(), entwurf: args.entwurf && counts.errors > 0 },
    ))
}

/// Reads and checks one plan; `Err` is the exit code when it must not be rendered.
/// On `Ok` the plan is loaded (`checked.value` is `Some`).
fn check(args: &Args, path: &Path, limits: &Limits) -> Result<(crate::Checked, Counts), u8> {
    let name = path.display().to_string();
    let bytes = if name == "-" { fsio::read_stdin_bounded(limits.max_bytes) } else { fsio::read_bounded(path, limits.max_bytes) };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("Fehler: Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e));
            return Err(EXIT_TOOL);
        }
    };
    let checked = crate::check_plan(if name == "-" { "<stdin>" } else { &name }, &bytes, limits);
    let counts = Counts::of(&checked.diagnostics);
    if checked.value.is_none() {
        print_diagnostics(&checked);
        eprintln!("{}: nicht ausgegeben – die Datei kann nicht gelesen werden ({} Fehler).", checked.source.name(), counts.errors);
        return Err(EXIT_INPUT);
    }
    if counts.errors > 0 && !args.entwurf {
        print_diagnostics(&checked);
        eprintln!(
            "{}: nicht ausgegeben – der Plan hat {} Fehler. Beheben Sie die Fehler oder geben Sie mit --entwurf einen Entwurf aus.",
            checked.source.name(),
            counts.errors
        );
        return Err(EXIT_INPUT);
    }
    Ok((checked, counts))
}

fn render_one(args: &Args, path: &Path, templates: &Templates, limits: &Limits) -> u8 {
    if args.format == Format::Xlsx {
        return render_xlsx(args, path, limits);
    }
    let (view, counts) = match prepare(args, path, limits) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let out = match produce(args.format, &view, templates) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("Fehler: {e}");
            return EXIT_TOOL;
        }
    };
    match target(args, path) {
        Target::Stdout => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(&out).and_then(|()| stdout.flush()) {
                eprintln!("Fehler: Ausgabe nicht möglich: {}.", fsio::describe_io(&e));
                return EXIT_TOOL;
            }
        }
        Target::File(p) => {
            if let Err(e) = fsio::write_atomic(&p, &out) {
                eprintln!("Fehler: `{}` kann nicht geschrieben werden: {}.", p.display(), fsio::describe_io(&e));
                return EXIT_TOOL;
            }
            eprintln!("{} geschrieben{}.", p.display(), note(&counts, view.dokument.entwurf));
        }
    }
    if view.dokument.entwurf && matches!(target(args, path), Target::Stdout) {
        // The path as typed (the document itself names only the file).
        let shown = if path.as_os_str() == "-" { view.dokument.datei.clone() } else { path.display().to_string() };
        eprintln!("{shown}: als Entwurf ausgegeben{}.", note(&counts, true));
    }
    EXIT_OK
}

/// Excel: the cost plan of one school, from the plan's items and figures.
fn render_xlsx(args: &Args, path: &Path, limits: &Limits) -> u8 {
    let (checked, counts) = match check(args, path, limits) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let name = checked.source.name().to_owned();
    let entwurf = args.entwurf && counts.errors > 0;
    let row = crate::review::row_of(path, &name, checked);
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse::<i64>().ok());
    let out = match crate::render::xlsx::plan(&row, epoch) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("Fehler: {e}");
            return EXIT_TOOL;
        }
    };
    match target(args, path) {
        Target::Stdout => {
            use std::io::{IsTerminal as _, Write as _};
            let mut stdout = std::io::stdout().lock();
            if stdout.is_terminal() {
                eprintln!("Fehler: Eine Excel-Datei gehört nicht ins Terminal. Geben Sie mit `-o DATEI.xlsx` eine Ausgabedatei an.");
                return EXIT_TOOL;
            }
            if let Err(e) = stdout.write_all(&out).and_then(|()| stdout.flush()) {
                eprintln!("Fehler: Ausgabe nicht möglich: {}.", fsio::describe_io(&e));
                return EXIT_TOOL;
            }
        }
        Target::File(p) => {
            if let Err(e) = fsio::write_atomic(&p, &out) {
                eprintln!("Fehler: `{}` kann nicht geschrieben werden: {}.", p.display(), fsio::describe_io(&e));
                return EXIT_TOOL;
            }
            eprintln!("{} geschrieben{}.", p.display(), note(&counts, entwurf));
        }
    }
    EXIT_OK
}

fn note(c: &Counts, entwurf: bool) -> String {
    let mut parts = Vec::new();
    if entwurf {
        parts.push("als ENTWURF".to_owned());
    }
    if c.errors > 0 {
        parts.push(c.errors_de());
    }
    if c.warnings > 0 {
        parts.push(c.warnings_de());
    }
    if c.hints > 0 {
        parts.push(c.hints_de());
    }
    if parts.is_empty() { String::new() } else { format!(" ({})", parts.join(", ")) }
}

fn print_diagnostics(checked: &crate::Checked) {
    for d in &checked.diagnostics {
        eprintln!("{}", crate::render::diag::human(d, Some(&checked.source), false));
    }
}
