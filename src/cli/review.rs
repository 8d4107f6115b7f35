//! `mep review`: check many plans at once and roll them up for the Schulträger.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{EXIT_INPUT, EXIT_OK, EXIT_TOOL};
use crate::fsio;
use crate::load::{self, Limits};
use crate::render::review as render;
use crate::review;

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
    /// JSON (Format siehe README).
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
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan-Dateien oder Ordner; Ordner werden mit allen Unterordnern nach `*.yaml` und `*.yml` durchsucht.
    #[arg(value_name = "PFAD", required = true, help_heading = "Argumente")]
    paths: Vec<PathBuf>,
    /// Angaben des Schulträgers (`traeger.yaml`: Name, Land, Programm, Budget, erwartete Schulen) für die schulübergreifenden Regeln.
    #[arg(long, value_name = "DATEI", help_heading = "Optionen")]
    traeger: Option<PathBuf>,
    /// Ausgabeformat: `text` (Standard, Tabelle fürs Terminal), `md` (Markdown), `csv` (für Excel), `json`, `pdf` oder `xlsx` (Excel-Arbeitsmappe mit allen Bedarfspositionen).
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Tabelle der CSV-Datei: `schulen` (Standard, eine Zeile je Schule) oder `positionen` (eine Zeile je Bedarfsposition).
    #[arg(long, value_enum, default_value_t = Tabelle::Schulen, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    tabelle: Tabelle,
    /// In diese Datei schreiben statt auf die Standardausgabe.
    #[arg(short = 'o', long = "ausgabe", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    /// Größte erlaubte Dateigröße in Bytes (Standard: 5 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_bytes, hide_default_value = true, help_heading = "Optionen")]
    max_groesse: usize,
    #[command(flatten)]
    pdf: super::render_pdf::PdfArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

/// Runs shorter than this show no progress bar.
const PROGRESS_DELAY: Duration = Duration::from_millis(400);

pub fn run(args: &Args) -> u8 {
    if args.tabelle != Tabelle::Schulen && args.format != Format::Csv {
        eprintln!(
            "Fehler: `--tabelle` gilt nur für `--format csv`. Die Excel-Arbeitsmappe (`--format xlsx`) enthält Schulen und Positionen als eigene Blätter."
        );
        return EXIT_TOOL;
    }
    if args.format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        eprintln!("Fehler: Eine Excel-Datei gehört nicht ins Terminal. Geben Sie mit `-o DATEI.xlsx` eine Ausgabedatei an.");
        return EXIT_TOOL;
    }
    let limits = Limits { max_bytes: args.max_groesse, ..Limits::default() };
    let choice = match args.profile.choice(false) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let traeger = match &args.traeger {
        Some(path) => {
            let name = path.display().to_string();
            match fsio::read_bounded(path, limits.max_bytes) {
                Ok(bytes) => Some(load::load_traeger(&name, &bytes, &limits)),
                Err(e) => {
                    eprintln!("Fehler: Die Schulträger-Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e));
                    return EXIT_TOOL;
                }
            }
        }
        None => None,
    };
    let files = match review::discover(&args.paths, args.traeger.as_deref()) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("Fehler: `{}` kann nicht gelesen werden: {}.", e.path.display(), fsio::describe_io(&e.error));
            return EXIT_TOOL;
        }
    };
    if files.is_empty() {
        eprintln!("Fehler: Unter den angegebenen Pfaden liegt keine Plan-Datei (*.yaml, *.yml).");
        return EXIT_TOOL;
    }

    let bar = progress_bar(files.len());
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
    let rows = review::check_all(&files, &limits, &choice, &done);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let result = review::roll_up(traeger, rows, &choice);

    let bytes = match args.format {
        Format::Text => render::text(&result).into_bytes(),
        Format::Md => render::markdown(&result).into_bytes(),
        Format::Csv if args.tabelle == Tabelle::Positionen => render::csv_items(&result),
        Format::Csv => render::csv(&result),
        Format::Pdf => {
            let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse::<i64>().ok());
            match render::pdf(&result, args.pdf.pdf_standard, epoch) {
                Ok(pdf) => pdf,
                Err(diags) => {
                    for d in &diags {
                        eprintln!("{}", crate::render::diag::human(d, None, false));
                    }
                    eprintln!("Fehler: Das PDF kann nicht erzeugt werden.");
                    return EXIT_TOOL;
                }
            }
        }
        Format::Xlsx => match crate::render::xlsx::review(&result, source_date_epoch()) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("Fehler: {e}");
                return EXIT_TOOL;
            }
        },
        Format::Json => match render::json(&result) {
            Ok(text) => text.into_bytes(),
            Err(e) => {
                eprintln!("Fehler: Bericht kann nicht erzeugt werden: {e}");
                return EXIT_TOOL;
            }
        },
    };
    if let Some(path) = &args.output {
        if let Err(e) = fsio::write_atomic(path, &bytes) {
            eprintln!("Fehler: `{}` kann nicht geschrieben werden: {}.", path.display(), fsio::describe_io(&e));
            return EXIT_TOOL;
        }
        println!("{}", render::summary_line(&result));
        println!("Übersicht geschrieben: {}", path.display());
    } else {
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        if stdout.write_all(&bytes).and_then(|()| stdout.flush()).is_err() {
            return EXIT_TOOL;
        }
    }
    if result.has_unreadable() {
        EXIT_TOOL
    } else if result.has_errors() {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

/// A hidden progress bar when standard error is a terminal; it becomes visible once the run takes a moment.
fn progress_bar(len: usize) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} Pläne geprüft ({eta} verbleibend)") {
        bar.set_style(style);
    }
    Some(bar)
}

/// `SOURCE_DATE_EPOCH` (reproducible builds convention), when set to a number.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse::<i64>().ok())
}
