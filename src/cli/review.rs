//! `mep uebersicht` (`review`): check many plans at once and roll them up for the Schulträger.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Config;
use super::error::{Error, Exit, Result};
use super::output::{self, Dest};
use crate::fsio;
use crate::load;
use crate::render::review as render;
use crate::review::{
    self,
    rounds::{self, Snapshot},
};

/// `--format` of `mep uebersicht`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tabelle fürs Terminal.
    #[default]
    Text,
    /// Markdown: Übersichtskapitel eines kommunalen Medienentwicklungsplans.
    Md,
    /// CSV für Excel (Semikolon, Dezimalkomma, UTF-8 mit BOM).
    Csv,
    /// JSON (Schema: schemas/output/review.schema.json).
    Json,
    /// PDF: Übersichtskapitel, archivierbar und barrierefrei.
    Pdf,
    /// Excel-Arbeitsmappe: Blätter „Schulen“, „Positionen“ (jede Bedarfsposition) und „Summen“.
    Xlsx,
}

/// Which table the CSV holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Tabelle {
    /// Eine Zeile je Schule (Übersicht).
    #[default]
    #[value(alias = "schools")]
    Schulen,
    /// Eine Zeile je Bedarfsposition (Beschaffung, Verwendungsnachweis).
    #[value(alias = "items")]
    Positionen,
    /// Eine Zeile je Schule mit den Änderungen gegenüber der Vorrunde (nur mit `--vorher`).
    #[value(alias = "changes")]
    Aenderungen,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan-Dateien oder Ordner; Ordner werden mit allen Unterordnern nach `*.yaml` und `*.yml` durchsucht.
    #[arg(value_name = "PFAD", required = true, help_heading = "Argumente")]
    paths: Vec<PathBuf>,
    /// Angaben des Schulträgers (`traeger.yaml`: Name, Land, Programm, Budget, erwartete Schulen) für die schulübergreifenden Regeln.
    #[arg(long = "traeger", visible_alias = "authority", value_name = "DATEI", help_heading = "Optionen")]
    traeger: Option<PathBuf>,
    /// Die Vorrunde: der Ordner mit den Plänen der letzten Runde oder deren `mep uebersicht --format json`; zeigt je Schule, was sich geändert hat.
    #[arg(long = "vorher", visible_alias = "previous", value_name = "ALT", help_heading = "Optionen")]
    vorher: Option<PathBuf>,
    /// Ausgabeformat: `text` (Standard, Tabelle fürs Terminal), `md` (Markdown), `csv` (für Excel), `json`, `pdf` oder `xlsx` (Excel-Arbeitsmappe mit allen Bedarfspositionen).
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Tabelle der CSV-Datei: `schulen` (Standard, eine Zeile je Schule), `positionen` (eine Zeile je Bedarfsposition) oder `aenderungen` (mit `--vorher`).
    #[arg(long = "tabelle", visible_alias = "table", value_enum, default_value_t = Tabelle::Schulen, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    tabelle: Tabelle,
    /// Ausgabedatei; `-` oder keine Angabe schreibt auf die Standardausgabe.
    #[arg(short = 'o', long = "ausgabe", visible_alias = "output", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    /// Verzeichnis mit eigenen Vorlagen; `review/uebersicht.md` ersetzt die eingebaute Markdown-Vorlage, `review.typ` die des PDF.
    #[arg(long = "vorlagen", visible_alias = "templates", value_name = "VERZEICHNIS", help_heading = "Optionen")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    pdf: super::render_pdf::PdfArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

/// Runs shorter than this show no progress bar.
const PROGRESS_DELAY: Duration = Duration::from_millis(400);

pub fn run(args: &Args, config: &Config) -> Result {
    if args.tabelle != Tabelle::Schulen && args.format != Format::Csv {
        return Err(Error::usage(
            "`--tabelle` gilt nur für `--format csv`. Die Excel-Arbeitsmappe (`--format xlsx`) enthält Schulen und Positionen als eigene Blätter.",
            "uebersicht",
        ));
    }
    if args.tabelle == Tabelle::Aenderungen && args.vorher.is_none() {
        return Err(Error::usage(
            "`--tabelle aenderungen` braucht die Vorrunde: `--vorher ORDNER` oder `--vorher uebersicht.json`.",
            "uebersicht",
        ));
    }
    let limits = args.limits.limits();
    let binary = match args.format {
        Format::Pdf => Some("PDF"),
        Format::Xlsx => Some("Eine Excel-Arbeitsmappe"),
        _ => None,
    };
    if let Some(kind) = binary {
        output::refuse_binary_on_terminal(kind, &Dest::of(args.output.as_deref()))?;
    }
    let choice = args.profile.choice(config)?;
    let traeger = match &args.traeger {
        Some(path) => {
            let name = path.display().to_string();
            let bytes = fsio::read_bounded(path, limits.max_bytes).map_err(|e| {
                Error::tool(format_args!("Die Schulträger-Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e)))
            })?;
            Some(load::load_traeger(&name, &bytes, &limits))
        }
        None => None,
    };
    let files = review::discover(&args.paths, args.traeger.as_deref())
        .map_err(|e| Error::tool(format_args!("`{}` kann nicht gelesen werden: {}.", e.path.display(), fsio::describe_io(&e.error))))?;
    if files.is_empty() {
        return Err(Error::tool("Unter den angegebenen Pfaden liegt keine Plan-Datei (*.yaml, *.yml)."));
    }
    let dest = destination(args, &files)?;
    let templates = super::Templates::resolve(args.templates.as_deref(), args.format == Format::Pdf, config)?;
    let mut rows = check_with_progress(&files, &limits, &choice, config.quiet, false);
    let before = rows.len();
    rows.retain(|row| {
        let traeger_file = review::is_traeger_file(row, &limits);
        if traeger_file {
            output::stderr(format_args!(
                "Hinweis: `{0}` ist eine Schulträger-Datei, kein Plan, und wird nicht als Plan geprüft. Für die schulübergreifenden Regeln: mep uebersicht … --traeger {0}\n",
                row.file
            ));
        }
        !traeger_file
    });
    if rows.is_empty() && before > 0 {
        return Err(Error::tool("Unter den angegebenen Pfaden liegt kein Plan, nur Schulträger-Dateien."));
    }
    let previous = match &args.vorher {
        Some(path) => Some((path.display().to_string(), previous_round(path, args.traeger.as_deref(), &limits, &choice)?)),
        None => None,
    };
    let mut result = review::roll_up(traeger, rows, &choice);
    if let Some((name, snapshots)) = previous {
        let current: Vec<Snapshot> = result.rows.iter().map(Snapshot::of_row).collect();
        result.previous = Some(rounds::compare(&name, &snapshots, &current));
    }
    output::write(&dest, &produce(args, &result, &templates, config)?)?;
    if let Dest::File(path) = &dest {
        output::status(config.quiet, render::summary_line(&result));
        output::status(config.quiet, format_args!("Übersicht geschrieben: {}", path.display()));
    }
    Ok(if result.has_unreadable() {
        Exit::Tool
    } else if result.has_errors() {
        Exit::Input
    } else {
        Exit::Ok
    })
}

/// Where the roll-up goes, checked before any plan is read: never one of the inputs.
fn destination(args: &Args, files: &[PathBuf]) -> Result<Dest> {
    match Dest::of(args.output.as_deref()) {
        Dest::Stdout => Ok(Dest::Stdout),
        Dest::File(path) => {
            let mut inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
            inputs.extend(args.traeger.as_deref());
            inputs.extend(args.vorher.as_deref());
            output::check_file(&path, &inputs).map(Dest::File)
        }
    }
}

/// Checks every plan; a progress bar appears on a terminal once the run takes a moment.
pub(super) fn check_with_progress(
    files: &[PathBuf],
    limits: &load::Limits,
    choice: &crate::profile::Choice,
    quiet: bool,
    traegerplan: bool,
) -> Vec<review::Row> {
    let bar = progress_bar(files.len(), quiet);
    let start = Instant::now();
    let shown = AtomicBool::new(false);
    let done = || {
        if let Some(bar) = &bar {
            if !shown.load(Ordering::Relaxed) && start.elapsed() >= PROGRESS_DELAY && !shown.swap(true, Ordering::Relaxed) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.inc(1);
        }
    };
    let rows =
        if traegerplan { review::check_all(files, limits, choice, &done) } else { review::check_all_lean(files, limits, choice, &done) };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    rows
}

/// The bytes of the roll-up in the chosen format.
fn produce(args: &Args, result: &review::Review, templates: &super::Templates, config: &Config) -> Result<Vec<u8>> {
    Ok(match args.format {
        Format::Text => render::text_width(result, terminal_width(&Dest::of(args.output.as_deref()))).into_bytes(),
        Format::Md => render::markdown(result, &templates.markdown).map_err(Error::tool)?.into_bytes(),
        Format::Csv if args.tabelle == Tabelle::Positionen => render::csv_items(result),
        Format::Csv if args.tabelle == Tabelle::Aenderungen => render::csv_changes(result),
        Format::Csv => render::csv(result),
        Format::Pdf => render::pdf(result, &templates.typst, args.pdf.pdf_standard, config.source_date_epoch).map_err(|diags| {
            super::render_pdf::print_template_diagnostics(&templates.typst, &diags, config);
            Error::tool("Das PDF kann nicht erzeugt werden.")
        })?,
        Format::Xlsx => crate::render::xlsx::review(result, config.source_date_epoch).map_err(Error::tool)?,
        Format::Json => render::json(result).map_err(|e| Error::tool(format_args!("Bericht kann nicht erzeugt werden: {e}")))?.into_bytes(),
    })
}

/// The previous round: a folder of plans, reviewed again under the same Schulträger file (so that
/// cross-school findings compare like for like), or the JSON of its review.
fn previous_round(path: &Path, traeger: Option<&Path>, limits: &load::Limits, choice: &crate::profile::Choice) -> Result<Vec<Snapshot>> {
    let shown = path.display();
    if path.is_dir() {
        let files = review::discover(&[path.to_path_buf()], None)
            .map_err(|e| Error::tool(format_args!("`{}` kann nicht gelesen werden: {}.", e.path.display(), fsio::describe_io(&e.error))))?;
        let mut rows = review::check_all_lean(&files, limits, choice, &|| {});
        rows.retain(|row| !review::is_traeger_file(row, limits));
        let traeger = traeger.and_then(|t| {
            let bytes = fsio::read_bounded(t, limits.max_bytes).ok()?;
            Some(load::load_traeger(&t.display().to_string(), &bytes, limits))
        });
        let rows = review::roll_up(traeger, rows, choice).rows;
        return Ok(rows.iter().map(Snapshot::of_row).collect());
    }
    let bytes = fsio::read_bounded(path, limits.max_bytes.saturating_mul(20))
        .map_err(|e| Error::tool(format_args!("Die Vorrunde `{shown}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
    rounds::from_json(&String::from_utf8_lossy(&bytes), render::JSON_VERSION).map_err(|e| {
        Error::tool(format_args!(
            "Die Vorrunde `{shown}` ist weder ein Ordner mit Plänen noch die JSON-Ausgabe von `mep uebersicht --format json`: {e}"
        ))
    })
}

/// The width of the terminal the table goes to; `None` (all columns) for files and pipes.
fn terminal_width(dest: &Dest) -> Option<usize> {
    if *dest != Dest::Stdout || !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// A hidden progress bar when standard error is a terminal; it becomes visible once the run takes a moment.
fn progress_bar(len: usize, quiet: bool) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} Pläne geprüft ({eta} verbleibend)") {
        bar.set_style(style);
    }
    Some(bar)
}
