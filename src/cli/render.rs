//! `mep erstellen` (`render`): turn checked plans into documents.
//!
//! Each output format is one arm of [`Format`]; adding a format means adding a
//! variant, its file extension and one arm in [`produce`].

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::Config;
use super::error::{Error, Exit, Result};
use super::output::{self, Dest};
use crate::diag::Counts;
use crate::fsio;
use crate::load::Limits;
use crate::render::markdown::Templates;
use crate::view::{Optionen, PlanView};

/// `--format` of `mep erstellen`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark mit GFM-Tabellen).
    #[default]
    Md,
    /// Die Plan-Sicht als JSON (Aufbau: docs/vorlagendaten.md).
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
    #[arg(short = 'o', long = "ausgabe", visible_alias = "output", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    /// Vorlagenpaket oder Ordner mit eigenen Vorlagen; jede Datei ersetzt die gleichnamige eingebaute (z. B. `ziele.md`, für PDF `ziele.typ`).
    #[arg(long = "vorlagen", visible_alias = "templates", value_name = "VERZEICHNIS", help_heading = "Optionen")]
    templates: Option<PathBuf>,
    /// Auch Pläne mit Fehlern ausgeben – als Entwurf mit dem Hinweis „ENTWURF – nicht förderfähig“ und der Liste der offenen Fehler.
    #[arg(long = "entwurf", visible_alias = "draft", help_heading = "Optionen")]
    entwurf: bool,
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    pdf: super::render_pdf::PdfArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

/// Where the document of `input` goes: `-o`, or standard output for standard input, or next to the input.
fn target(args: &Args, input: &Path) -> Dest {
    match &args.output {
        Some(p) => Dest::of(Some(p)),
        None if input.as_os_str() == "-" => Dest::Stdout,
        None => Dest::File(input.with_extension(args.format.extension())),
    }
}

/// The destination of `input`, checked before any work: never an input, never a FIFO.
fn checked_target(args: &Args, input: &Path) -> Result<Dest> {
    match target(args, input) {
        Dest::Stdout => Ok(Dest::Stdout),
        Dest::File(path) => {
            let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
            output::check_file(&path, &inputs).map(Dest::File)
        }
    }
}

/// Produces the bytes of one document in the chosen format.
fn produce(format: Format, view: &PlanView, templates: &Templates) -> Result<Vec<u8>> {
    match format {
        Format::Md => crate::render::markdown::render(view, templates).map(String::into_bytes).map_err(Error::tool),
        Format::Json => crate::render::json(view).map(String::into_bytes).map_err(Error::tool),
        Format::Pdf => Err(Error::tool("PDF wird gesammelt und parallel erzeugt (render_pdf)")),
        Format::Xlsx => Err(Error::tool("Excel wird aus dem Plan erzeugt (render_xlsx)")),
    }
}

pub fn run(args: &Args, config: &Config) -> Result {
    let several_to_one_file = args.files.len() > 1 && args.output.as_ref().is_some_and(|p| p.as_os_str() != "-");
    if several_to_one_file {
        return Err(Error::usage(
            "`-o DATEI` geht nur mit einer Eingabedatei. Lassen Sie `-o` weg, dann entsteht jede Ausgabe neben ihrer Eingabe.",
            "erstellen",
        ));
    }
    let run = Run { args, limits: args.limits.limits(), choice: args.profile.choice(config)?, config };
    if args.format == Format::Pdf {
        return run_pdf(&run);
    }
    let templates = super::Templates::resolve(args.templates.as_deref(), false, config)?.markdown;
    let mut worst = Exit::Ok;
    for path in &args.files {
        // One file that cannot be rendered does not stop the others.
        if let Err(e) = render_one(&run, path, &templates) {
            worst = worst.max(e.report());
        }
    }
    Ok(worst)
}

/// What every plan of one run shares: the arguments, the input limits and the rule profile.
struct Run<'a> {
    /// The command line.
    args: &'a Args,
    /// Input limits.
    limits: Limits,
    /// Programme, Land and profile file, as for `mep pruefen`.
    choice: crate::profile::Choice,
    /// Global flags.
    config: &'a Config,
}

/// PDF: plans are checked lazily and rendered in parallel groups; each PDF is written when its group is done.
fn run_pdf(run: &Run) -> Result {
    let (args, config) = (run.args, run.config);
    let templates = super::Templates::resolve(args.templates.as_deref(), true, config)?.typst;
    let worst = std::cell::Cell::new(Exit::Ok);
    let fail = |e: Error| worst.set(worst.get().max(e.report()));
    // Every destination is settled before the first plan is read.
    let mut planned = Vec::new();
    for path in &args.files {
        match checked_target(args, path) {
            Ok(dest) => {
                output::refuse_binary_on_terminal("PDF", &dest)?;
                planned.push((path, dest));
            }
            Err(e) => fail(e),
        }
    }
    // Plans are read and checked lazily, one group of PDFs at a time, so memory stays flat.
    let docs = planned.into_iter().filter_map(|(path, dest)| match check(run, path) {
        Ok((checked, counts)) => {
            let Some(view) = view_of(run, &checked, &counts) else {
                fail(Error::quiet(Exit::Input));
                return None;
            };
            let mut doc = super::render_pdf::Document::for_view(path.display().to_string(), dest, &view, &args.pdf, config);
            if args.pdf.pdf_standard == crate::render::pdf::Standard::A3b {
                doc.attach_plan(checked.source.text(), &view);
            }
            Some(doc)
        }
        Err(e) => {
            fail(e);
            None
        }
    });
    let rendered = super::render_pdf::render_all(&templates, docs, config);
    Ok(worst.get().max(rendered))
}

/// Reads and checks one plan and builds its view; `Err` when it must not be rendered.
fn prepare(run: &Run, path: &Path) -> Result<(PlanView, Counts)> {
    let (checked, counts) = check(run, path)?;
    let view = view_of(run, &checked, &counts).ok_or(Error::quiet(Exit::Input))?;
    Ok((view, counts))
}

/// The view of a checked plan (`None` when it could not be loaded), under the same profile as its findings.
fn view_of(run: &Run, checked: &crate::Checked, counts: &Counts) -> Option<PlanView> {
    let entwurf = run.args.entwurf && counts.errors > 0;
    PlanView::of_checked(checked, &run.choice, &Optionen { datei: checked.source.name().to_owned(), entwurf })
}

/// Reads and checks one plan; `Err` when it must not be rendered (its findings are printed then).
/// On `Ok` the plan is loaded (`checked.value` is `Some`).
fn check(run: &Run, path: &Path) -> Result<(crate::Checked, Counts)> {
    let (args, limits, config) = (run.args, &run.limits, run.config);
    let name = path.display().to_string();
    let bytes = if name == "-" { fsio::read_stdin_bounded(limits.max_bytes) } else { fsio::read_bounded(path, limits.max_bytes) };
    let bytes = bytes.map_err(|e| Error::tool(format_args!("Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
    let checked = crate::check_input(if name == "-" { "<stdin>" } else { &name }, &bytes, limits, &run.choice);
    // The status lines count facts: the open costs of the plan as one.
    let counts = Counts::of(&facts(&checked));
    if checked.value.is_none() {
        print_diagnostics(&checked, config);
        output::stderr(format_args!(
            "{}: nicht ausgegeben – die Datei kann nicht gelesen werden ({} Fehler).\n",
            checked.source.name(),
            counts.errors
        ));
        return Err(Error::quiet(Exit::Input));
    }
    if counts.errors > 0 && !args.entwurf {
        print_diagnostics(&checked, config);
        output::stderr(format_args!(
            "{}: nicht ausgegeben – der Plan hat {} Fehler. Beheben Sie die Fehler oder geben Sie mit --entwurf einen Entwurf aus.\n",
            checked.source.name(),
            counts.errors
        ));
        return Err(Error::quiet(Exit::Input));
    }
    Ok((checked, counts))
}

fn render_one(run: &Run, path: &Path, templates: &Templates) -> Result<()> {
    let (args, config) = (run.args, run.config);
    let dest = checked_target(args, path)?;
    if args.format == Format::Xlsx {
        return render_xlsx(run, path, &dest);
    }
    let (view, counts) = prepare(run, path)?;
    let out = produce(args.format, &view, templates)?;
    output::write(&dest, &out)?;
    match &dest {
        Dest::File(_) => {
            let shown = match &args.output {
                Some(p) => p.display().to_string(),
                None => path.with_extension(args.format.extension()).display().to_string(),
            };
            output::status(config.quiet, format_args!("{shown} geschrieben{}.", note(&counts, view.dokument.entwurf)));
        }
        Dest::Stdout if view.dokument.entwurf => {
            // The path as typed (the document itself names only the file).
            let shown = if path.as_os_str() == "-" { view.dokument.datei.clone() } else { path.display().to_string() };
            output::status(config.quiet, format_args!("{shown}: als Entwurf ausgegeben{}.", note(&counts, true)));
        }
        Dest::Stdout => {}
    }
    Ok(())
}

/// Excel: the cost plan of one school, from the plan's items and figures.
fn render_xlsx(run: &Run, path: &Path, dest: &Dest) -> Result<()> {
    let (args, config) = (run.args, run.config);
    output::refuse_binary_on_terminal("Eine Excel-Arbeitsmappe", dest)?;
    let (checked, counts) = check(run, path)?;
    // The file name only, as in the Prüfbericht: the folder (perhaps a home directory) is nobody else's business.
    let name = match path.file_name() {
        Some(file) if path.as_os_str() != "-" => file.to_string_lossy().into_owned(),
        _ => checked.source.name().to_owned(),
    };
    let entwurf = args.entwurf && counts.errors > 0;
    let row = crate::review::row_of(path, &name, checked);
    let out = crate::render::xlsx::plan(&row, config.source_date_epoch).map_err(Error::tool)?;
    output::write(dest, &out)?;
    if let Dest::File(p) = dest {
        output::status(config.quiet, format_args!("{} geschrieben{}.", p.display(), note(&counts, entwurf)));
    }
    Ok(())
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

/// The findings as facts ([`crate::rules::kosten_offen::als_fakten`]).
fn facts(checked: &crate::Checked) -> Vec<crate::diag::Diagnostic> {
    crate::rules::kosten_offen::als_fakten(&checked.diagnostics, |i| checked.value.as_ref()?.needs.get(i).map(|b| b.id.as_str()))
}

fn print_diagnostics(checked: &crate::Checked, config: &Config) {
    for d in &facts(checked) {
        output::stderr(format_args!("{}\n", crate::render::diag::human(d, Some(&checked.source), config.colour_err)));
    }
}
