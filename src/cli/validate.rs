//! `mep validate`: check plans and report every finding.

use std::path::PathBuf;

use clap::ValueEnum;

use super::output;
use super::{Config, EXIT_INPUT, EXIT_OK, EXIT_TOOL};
use crate::diag::{Counts, Status};
use crate::fsio;
use crate::render::validate::{self as report, FileReport, Report, Summary};

/// Output format of findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Ausgabe {
    /// Lesbar mit Quelltextausschnitt.
    #[default]
    Text,
    /// Ein JSON-Dokument je Aufruf (Schema: schemas/output/validate.schema.json).
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
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

pub fn run(args: &Args, config: &Config) -> u8 {
    let limits = args.limits.limits();
    let colour = args.format == Ausgabe::Text && config.colour_out;
    let choice = match args.profile.choice(config) {
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
                    output::error(&error);
                }
                files.push(FileReport {
                    file: name,
                    status: Status::Unlesbar,
                    profile: None,
                    counts: Counts::default(),
                    error: Some(error),
                    diagnostics: Vec::new(),
                });
                continue;
            }
        };
        let shown = if name == "-" { "<stdin>" } else { &name };
        let checked = crate::check_input(shown, &bytes, &limits, &choice);
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
            let mut text = String::new();
            for d in &checked.diagnostics {
                text.push_str(&crate::render::diag::human(d, Some(&checked.source), colour));
                text.push('\n');
            }
            if let Err(code) = output::stdout(text.as_bytes()) {
                return code;
            }
        }
        files.push(FileReport {
            file: checked.source.name().to_owned(),
            status: Status::of(counts),
            profile,
            counts,
            error: None,
            diagnostics: checked.diagnostics,
        });
    }
    let written = match args.format {
        Ausgabe::Text => {
            let mut text = String::new();
            for note in &notes {
                let note: String = note.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                text.push_str(&format!("Hinweis: {note}\n\n"));
            }
            text.push_str(&summary.line());
            text.push('\n');
            output::stdout(text.as_bytes())
        }
        Ausgabe::Json => match report::json(&Report { version: report::VERSION, notes, files, summary }) {
            Ok(json) => output::stdout(json.as_bytes()),
            Err(e) => {
                output::error(format_args!("Bericht kann nicht erzeugt werden: {e}"));
                return EXIT_TOOL;
            }
        },
    };
    if let Err(code) = written {
        return code;
    }
    if summary.unreadable > 0 {
        EXIT_TOOL
    } else if summary.with_errors > 0 {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}
