//! `mep review`: check many plans at once and roll them up for the Schulträger.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::output::{self, Dest};
use super::{Config, EXIT_INPUT, EXIT_OK, EXIT_TOOL};
use crate::fsio;
use crate::load;
use crate::render::review as render;
use crate::review::{self, rounds::{self, Snapshot}};

/// Output format of the roll-up.
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
    Schulen,
    /// Eine Zeile je Bedarfsposition (Beschaffung, Verwendungsnachweis).
    Positionen,
    /// Eine Zeile je Schule mit den Änderungen gegenüber der Vorrunde (nur mit `--vorher`).
    Aenderungen,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan-Dateien oder Ordner; Ordner werden mit allen Unterordnern nach `*.yaml` und `*.yml` durchsucht.
    #[arg(value_name = "PFAD", required = true, help_heading = "Argumente")]
    paths: Vec<PathBuf>,
    /// Angaben des Schulträgers (`traeger.yaml`: Name, Land, Programm, Budget, erwartete Schulen) für die schulübergreifenden Regeln.
    #[arg(long, value_name = "DATEI", help_heading = "Optionen")]
    traeger: Option<PathBuf>,
    /// Die Vorrunde: der Ordner mit den Plänen der letzten Runde oder deren `mep review --format json`; zeigt je Schule, was sich geändert hat.
    #[arg(long, visible_alias = "previous", value_name = "ALT", help_heading = "Optionen")]
    vorher: Option<PathBuf>,
    /// Ausgabeformat: `text` (Standard, Tabelle fürs Terminal), `md` (Markdown), `csv` (für Excel), `json`, `pdf` oder `xlsx` (Excel-Arbeitsmappe mit allen Bedarfspositionen).
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Tabelle der CSV-Datei: `schulen` (Standard, eine Zeile je Schule), `positionen` (eine Zeile je Bedarfsposition) oder `aenderungen` (mit `--vorher`).
    #[arg(long, value_enum, default_value_t = Tabelle::Schulen, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    tabelle: Tabelle,
    /// Ausgabedatei; `-` oder keine Angabe schreibt auf die Standardausgabe.
    #[arg(short = 'o', long = "output", visible_alias = "ausgabe", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    /// Verzeichnis mit eigenen Vorlagen; `review/uebersicht.md` ersetzt die eingebaute Markdown-Vorlage, `review.typ` die des PDF.
    #[arg(long, value_name = "VERZEICHNIS", help_heading = "Optionen")]
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

pub fn run(args: &Args, config: &Config) -> u8 {
    if args.tabelle != Tabelle::Schulen && args.format != Format::Csv {
        output::error(
            "`--tabelle` gilt nur für `--format csv`. Die Excel-Arbeitsmappe (`--format xlsx`) enthält Schulen und Positionen als eigene Blätter.",
        );
        return EXIT_TOOL;
    }
    if args.tabelle == Tabelle::Aenderungen && args.vorher.is_none() {
        output::error("`--tabelle aenderungen` braucht die Vorrunde: `--vorher ORDNER` oder `--vorher uebersicht.json`.");
        return EXIT_TOOL;
    }
    let limits = args.limits.limits();
    let mut dest = Dest::of(args.output.as_deref());
    let binary = match args.format {
        Format::Pdf => Some("PDF"),
        Format::Xlsx => Some("Eine Excel-Arbeitsmappe"),
        _ => None,
    };
    if let Some(kind) = binary
        && let Err(code) = output::refuse_binary_on_terminal(kind, &dest)
    {
        return code;
    }
    let choice = match args.profile.choice(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let traeger = match &args.traeger {
        Some(path) => {
            let name = path.display().to_string();
            match fsio::read_bounded(path, limits.max_bytes) {
                Ok(bytes) => Some(load::load_traeger(&name, &bytes, &limits)),
                Err(e) => {
                    output::error(format_args!("Die Schulträger-Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e)));
                    return EXIT_TOOL;
                }
            }
        }
        None => None,
    };
    let files = match review::discover(&args.paths, args.traeger.as_deref()) {
        Ok(files) => files,
        Err(e) => {
            output::error(format_args!("`{}` kann nicht gelesen werden: {}.", e.path.display(), fsio::describe_io(&e.error)));
            return EXIT_TOOL;
        }
    };
    if files.is_empty() {
        output::error("Unter den angegebenen Pfaden liegt keine Plan-Datei (*.yaml, *.yml).");
        return EXIT_TOOL;
    }
    if let Dest::File(path) = &dest {
        let mut inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        inputs.extend(args.traeger.as_deref());
        inputs.extend(args.vorher.as_deref());
        match output::check_file(path, &inputs) {
            Ok(target) => dest = Dest::File(target),
            Err(code) => return code,
        }
    }
    let templates = match super::Templates::resolve(args.templates.as_deref(), args.format == Format::Pdf) {
        Ok(t) => t,
        Err(code) => return code,
    };

    let bar = progress_bar(files.len(), config.quiet);
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
    let mut rows = review::check_all(&files, &limits, &choice, &done);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let before = rows.len();
    rows.retain(|row| {
        let traeger_file = review::is_traeger_file(row, &limits);
        if traeger_file {
            output::stderr(format_args!(
                "Hinweis: `{0}` ist eine Schulträger-Datei, kein Plan, und wird nicht als Plan geprüft. Für die schulübergreifenden Regeln: mep review … --traeger {0}\n",
                row.file
            ));
        }
        !traeger_file
    });
    if rows.is_empty() && before > 0 {
        output::error("Unter den angegebenen Pfaden liegt kein Plan, nur Schulträger-Dateien.");
        return EXIT_TOOL;
    }
    let previous = match &args.vorher {
        Some(path) => match previous_round(path, args.traeger.as_deref(), &limits, &choice) {
            Ok(p) => Some((path.display().to_string(), p)),
            Err(code) => return code,
        },
        None => None,
    };
    let mut result = review::roll_up(traeger, rows, &choice);
    if let Some((name, snapshots)) = previous {
        let current: Vec<Snapshot> = result.rows.iter().map(Snapshot::of_row).collect();
        result.previous = Some(rounds::compare(&name, &snapshots, &current));
    }

    let bytes = match args.format {
        Format::Text => render::text_width(&result, terminal_width(&dest)).into_bytes(),
        Format::Md => match render::markdown(&result, &templates.markdown) {
            Ok(text) => text.into_bytes(),
            Err(e) => {
                output::error(e);
                return EXIT_TOOL;
            }
        },
        Format::Csv if args.tabelle == Tabelle::Positionen => render::csv_items(&result),
        Format::Csv if args.tabelle == Tabelle::Aenderungen => render::csv_changes(&result),
        Format::Csv => render::csv(&result),
        Format::Pdf => match render::pdf(&result, &templates.typst, args.pdf.pdf_standard, config.source_date_epoch) {
            Ok(pdf) => pdf,
            Err(diags) => {
                super::render_pdf::print_template_diagnostics(&templates.typst, &diags, config);
                output::error("Das PDF kann nicht erzeugt werden.");
                return EXIT_TOOL;
            }
        },
        Format::Xlsx => match crate::render::xlsx::review(&result, config.source_date_epoch) {
            Ok(bytes) => bytes,
            Err(e) => {
                output::error(e);
                return EXIT_TOOL;
            }
        },
        Format::Json => match render::json(&result) {
            Ok(text) => text.into_bytes(),
            Err(e) => {
                output::error(format_args!("Bericht kann nicht erzeugt werden: {e}"));
                return EXIT_TOOL;
            }
        },
    };
    if let Err(code) = output::write(&dest, &bytes) {
        return code;
    }
    if let Dest::File(path) = &dest {
        output::status(config.quiet, render::summary_line(&result));
        output::status(config.quiet, format_args!("Übersicht geschrieben: {}", path.display()));
    }
    if result.has_unreadable() {
        EXIT_TOOL
    } else if result.has_errors() {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

/// The previous round: a folder of plans, reviewed again under the same Schulträger file (so that
/// cross-school findings compare like for like), or the JSON of its review. `Err` is exit code 2 after the message.
fn previous_round(path: &Path, traeger: Option<&Path>, limits: &load::Limits, choice: &crate::profile::Choice) -> Result<Vec<Snapshot>, u8> {
    let shown = path.display();
    if path.is_dir() {
        let files = review::discover(&[path.to_path_buf()], None).map_err(|e| {
            output::error(format_args!("`{}` kann nicht gelesen werden: {}.", e.path.display(), fsio::describe_io(&e.error)));
            EXIT_TOOL
        })?;
        let mut rows = review::check_all(&files, limits, choice, &|| {});
        rows.retain(|row| !review::is_traeger_file(row, limits));
        let traeger = traeger.and_then(|t| {
            let bytes = fsio::read_bounded(t, limits.max_bytes).ok()?;
            Some(load::load_traeger(&t.display().to_string(), &bytes, limits))
        });
        let rows = review::roll_up(traeger, rows, choice).rows;
        return Ok(rows.iter().map(Snapshot::of_row).collect());
    }
    let bytes = fsio::read_bounded(path, limits.max_bytes.saturating_mul(20)).map_err(|e| {
        output::error(format_args!("Die Vorrunde `{shown}` kann nicht gelesen werden: {}.", fsio::describe_io(&e)));
        EXIT_TOOL
    })?;
    let text = String::from_utf8_lossy(&bytes);
    rounds::from_json(&text, render::JSON_VERSION).map_err(|e| {
        output::error(format_args!(
            "Die Vorrunde `{shown}` ist weder ein Ordner mit Plänen noch die JSON-Ausgabe von `mep review --format json`: {e}"
        ));
        EXIT_TOOL
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
