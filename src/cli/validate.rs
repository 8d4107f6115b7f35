//! `mep validate`: check plans and report every finding.

use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;

use super::{EXIT_INPUT, EXIT_OK, EXIT_TOOL, Farbe};
use crate::diag::{Counts, Diagnostic};
use crate::fsio;
use crate::load::Limits;

/// Output format of findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Ausgabe {
    /// Lesbar mit Quelltextausschnitt.
    #[default]
    Text,
    /// Ein JSON-Dokument je Aufruf (Format siehe README).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zu prüfende Plan-Dateien (YAML) oder PDF/A-3b mit dem Plan als Anhang (`mep render --format pdf --pdf-standard a-3b`); `-` liest von der Standardeingabe.
    #[arg(value_name = "DATEI", required = true, help_heading = "Argumente")]
    files: Vec<PathBuf>,
    /// Ausgabeformat: `text` (Standard, lesbar mit Quelltextausschnitt) oder `json` (ein Dokument je Aufruf).
    #[arg(long, value_enum, default_value_t = Ausgabe::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Ausgabe,
    /// Warnungen wie Fehler behandeln (Exit-Code 1).
    #[arg(long, help_heading = "Optionen")]
    deny_warnings: bool,
    /// Größte erlaubte Dateigröße in Bytes (Standard: 5 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_bytes, hide_default_value = true, help_heading = "Optionen")]
    max_groesse: usize,
    /// Farbige Ausgabe: `auto` (Standard: nur auf einem Terminal und ohne NO_COLOR), `immer` oder `nie`.
    #[arg(long, value_enum, default_value_t = Farbe::Auto, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    farbe: Farbe,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

/// Result for one file in the JSON report.
#[derive(Serialize)]
struct FileReport {
    file: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<String>,
    counts: Counts,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

/// The JSON document of one run.
#[derive(Serialize)]
struct Report {
    version: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    files: Vec<FileReport>,
    summary: Summary,
}

#[derive(Serialize, Default, Clone, Copy)]
struct Summary {
    files: usize,
    with_errors: usize,
    without_errors: usize,
    unreadable: usize,
    errors: usize,
    warnings: usize,
    hints: usize,
}

pub fn run(args: &Args) -> u8 {
    let limits = Limits { max_bytes: args.max_groesse, ..Limits::default() };
    let colour = args.format == Ausgabe::Text && args.farbe.enabled();
    let choice = match args.profile.choice(colour) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut notes: Vec<String> = Vec::new();
    let mut summary = Summary::default();
    let mut files = Vec::new();
    for path in &args.files {
        summary.files += 1;
        let name = path.display().to_string();
        let bytes = if name == "-" { fsio::read_stdin_bounded(limits.max_bytes) } else { fsio::read_bounded(path, limits.max_bytes) };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                summary.unreadable += 1;
                let error = format!("Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e));
                if args.format == Ausgabe::Text {
                    eprintln!("Fehler: {error}");
                }
                files.push(FileReport {
                    file: name,
                    status: "unlesbar",
                    profile: None,
                    counts: Counts::default(),
                    error: Some(error),
                    diagnostics: Vec::new(),
                });
                continue;
            }
        };
        let shown = if name == "-" { "<stdin>" } else { &name };
        let checked = if crate::load::pdf::is_pdf(&bytes) {
            check_pdf(shown, &bytes, &limits, &choice)
        } else {
            crate::check_plan_for(shown, &bytes, &limits, &choice)
        };
        let mut profile = None;
        if let Some(plan) = &checked.value {
            let resolved = choice.resolve_for(plan);
            profile = Some(resolved.layers.join(" + "));
            for reason in resolved.provisional {
                if !notes.contains(&reason) {
                    notes.push(reason);
                }
            }
        }
        let counts = Counts::of(&checked.diagnostics);
        summary.errors += counts.errors;
        summary.warnings += counts.warnings;
        summary.hints += counts.hints;
        let failed = counts.errors > 0 || (args.deny_warnings && counts.warnings > 0);
        if failed {
            summary.with_errors += 1;
        } else {
            summary.without_errors += 1;
        }
        if args.format == Ausgabe::Text {
            for d in &checked.diagnostics {
                println!("{}", crate::render::diag::human(d, Some(&checked.source), colour));
            }
        }
        let status = if counts.errors > 0 {
            "fehler"
        } else if counts.warnings > 0 {
            "warnungen"
        } else {
            "ok"
        };
        files.push(FileReport {
            file: checked.source.name().to_owned(),
            status,
            profile,
            counts,
            error: None,
            diagnostics: checked.diagnostics,
        });
    }
    match args.format {
        Ausgabe::Text => {
            for note in &notes {
                let note: String = note.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                println!("Hinweis: {note}\n");
            }
            println!("{}", summary_line(&summary));
        }
        Ausgabe::Json => match serde_json::to_string_pretty(&Report { version: 1, notes, files, summary }) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("Fehler: Bericht kann nicht erzeugt werden: {e}");
                return EXIT_TOOL;
            }
        },
    }
    if summary.unreadable > 0 {
        EXIT_TOOL
    } else if summary.with_errors > 0 {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

/// Checks the plan attached to an archived PDF; findings are located in the attachment,
/// shown as `plan.pdf (Anhang plan.yaml)`. A PDF without a plan gives one finding.
fn check_pdf(name: &str, bytes: &[u8], limits: &Limits, choice: &crate::profile::Choice) -> crate::Checked {
    match crate::load::pdf::plan_attachment(bytes, limits.max_bytes) {
        Ok(plan) => {
            let shown = format!("{name} (Anhang {})", crate::load::pdf::printable(&plan.name));
            crate::check_plan_for(&shown, &plan.data, limits, choice)
        }
        Err(finding) => {
            crate::Checked { source: crate::source::SourceFile::new(name, String::new()), value: None, diagnostics: vec![*finding] }
        }
    }
}

fn summary_line(s: &Summary) -> String {
    let noun = if s.files == 1 { "Datei" } else { "Dateien" };
    let mut line = format!("{} {noun} geprüft: {} mit Fehlern, {} ohne", s.files, s.with_errors, s.without_errors);
    if s.unreadable > 0 {
        line.push_str(&format!(", {} nicht lesbar", s.unreadable));
    }
    let counts = crate::diag::Counts { errors: s.errors, warnings: s.warnings, hints: s.hints };
    line.push_str(&format!(" ({}).", counts.summary_de()));
    line
}
