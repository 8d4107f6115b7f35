//! `mep traegerplan` (`authority-plan`): the Schulträger's own Medienentwicklungsplan from its
//! Träger file and the plans of its schools, as Markdown, PDF, JSON or xlsx.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::Config;
use super::error::{Error, Exit, Result};
use super::output::{self, Dest};
use crate::fsio;
use crate::load;
use crate::render::traegerplan as render;
use crate::review::{self, traegerplan::TraegerPlan};

/// `--format` of `mep traegerplan`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown: der kommunale Medienentwicklungsplan.
    #[default]
    Md,
    /// PDF/A und PDF/UA: archivierbar und barrierefrei.
    Pdf,
    /// JSON mit allen Zahlen (Schema: schemas/output/traegerplan.schema.json).
    Json,
    /// Excel-Arbeitsmappe: je Kapitel ein Blatt mit seinen Tabellen.
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan-Dateien oder Ordner; Ordner werden mit allen Unterordnern nach `*.yaml` und `*.yml` durchsucht.
    #[arg(value_name = "PFAD", required = true, help_heading = "Argumente")]
    paths: Vec<PathBuf>,
    /// Die Schulträger-Datei (`traeger.yaml`) mit Standards, Kostenparametern, Mitteln, Supportkonzept und Zeitplan.
    #[arg(long = "traeger", visible_alias = "authority", value_name = "DATEI", required = true, help_heading = "Optionen")]
    traeger: PathBuf,
    /// Ausgabeformat: `md` (Standard), `pdf`, `json` oder `xlsx`.
    #[arg(long, value_enum, default_value_t = Format::Md, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Ausgabedatei; `-` oder keine Angabe schreibt auf die Standardausgabe (PDF und xlsx nicht aufs Terminal).
    #[arg(short = 'o', long = "ausgabe", visible_alias = "output", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    /// Verzeichnis mit eigenen Vorlagen; `review/traegerplan.md` ersetzt die Markdown-Vorlage, `traegerplan.typ` die des PDF.
    #[arg(long = "vorlagen", visible_alias = "templates", value_name = "VERZEICHNIS", help_heading = "Optionen")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    pdf: super::render_pdf::PdfArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

pub fn run(args: &Args, config: &Config) -> Result {
    let limits = args.limits.limits();
    let dest = destination(args)?;
    match args.format {
        Format::Pdf => output::refuse_binary_on_terminal("PDF", &dest)?,
        Format::Xlsx => output::refuse_binary_on_terminal("Eine Excel-Arbeitsmappe", &dest)?,
        Format::Md | Format::Json => {}
    }
    let choice = args.profile.choice(config)?;
    let name = args.traeger.display().to_string();
    let bytes = fsio::read_bounded(&args.traeger, limits.max_bytes)
        .map_err(|e| Error::tool(format_args!("Die Schulträger-Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
    let loaded = load::load_traeger(&name, &bytes, &limits);
    if loaded.value.is_none() {
        for d in &loaded.diagnostics {
            output::stderr(format_args!("{}\n", crate::render::diag::human(d, Some(&loaded.source), config.colour_err)));
        }
        output::error(format_args!(
            "Die Schulträger-Datei `{name}` hat Fehler; ohne sie lässt sich der Plan des Schulträgers nicht erstellen."
        ));
        return Ok(Exit::Input);
    }
    let files = review::discover(&args.paths, Some(&args.traeger))
        .map_err(|e| Error::tool(format_args!("`{}` kann nicht gelesen werden: {}.", e.path.display(), fsio::describe_io(&e.error))))?;
    let templates = super::Templates::resolve(args.templates.as_deref(), args.format == Format::Pdf, config)?;
    let mut rows = super::review::check_with_progress(&files, &limits, &choice, config.quiet, true);
    rows.retain(|row| !review::is_traeger_file(row, &limits));
    let result = review::roll_up(Some(loaded), rows, &choice);
    let Some(plan) = TraegerPlan::of(result, Some(&args.traeger), &choice) else {
        return Err(Error::tool("Die Schulträger-Datei konnte nicht gelesen werden."));
    };
    output::write(&dest, &produce(args, &plan, &templates, config)?)?;
    for d in plan.review.traeger_findings.iter().chain(&plan.plausibility) {
        if d.severity == crate::diag::Severity::Fehler {
            output::stderr(format_args!("{}\n", crate::render::diag::human(d, None, config.colour_err)));
        }
    }
    if let Dest::File(path) = &dest {
        output::status(config.quiet, format_args!("Plan des Schulträgers geschrieben: {}", path.display()));
    }
    Ok(if plan.review.has_unreadable() {
        Exit::Tool
    } else if plan.has_errors() {
        Exit::Input
    } else {
        Exit::Ok
    })
}

/// Where the plan goes, checked before any plan is read: never one of the inputs.
fn destination(args: &Args) -> Result<Dest> {
    match Dest::of(args.output.as_deref()) {
        Dest::Stdout => Ok(Dest::Stdout),
        Dest::File(path) => {
            let mut inputs: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
            inputs.push(&args.traeger);
            output::check_file(&path, &inputs).map(Dest::File)
        }
    }
}

fn produce(args: &Args, plan: &TraegerPlan, templates: &super::Templates, config: &Config) -> Result<Vec<u8>> {
    Ok(match args.format {
        Format::Md => render::markdown(plan, &templates.markdown).map_err(Error::tool)?.into_bytes(),
        Format::Pdf => render::pdf(plan, &templates.typst, args.pdf.pdf_standard, config.source_date_epoch).map_err(|diags| {
            super::render_pdf::print_template_diagnostics(&templates.typst, &diags, config);
            Error::tool("Das PDF kann nicht erzeugt werden.")
        })?,
        Format::Json => render::json(plan).map_err(|e| Error::tool(format_args!("Der Plan kann nicht erzeugt werden: {e}")))?.into_bytes(),
        Format::Xlsx => render::xlsx::xlsx(plan, config.source_date_epoch).map_err(Error::tool)?,
    })
}
