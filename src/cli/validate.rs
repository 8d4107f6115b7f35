//! `mep pruefen` (`validate`): check plans and report every finding.

use std::path::PathBuf;

use clap::ValueEnum;

use super::Config;
use super::error::{Error, Exit, Result};
use super::output;
use crate::diag::{Counts, Status};
use crate::fsio;
use crate::render::validate::{self as report, FileReport, Report, Summary};

/// `--format` of `mep pruefen`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lesbar mit Quelltextausschnitt.
    #[default]
    Text,
    /// Ein JSON-Dokument je Aufruf (Schema: schemas/output/validate.schema.json).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zu prüfende Plan-Dateien (YAML) oder PDF/A-3b mit dem Plan als Anhang (`mep erstellen --format pdf --pdf-standard a-3b`); `-` liest von der Standardeingabe.
    #[arg(value_name = "DATEI", required = true, help_heading = "Argumente")]
    files: Vec<PathBuf>,
    /// Ausgabeformat: `text` (Standard, lesbar mit Quelltextausschnitt) oder `json` (ein Dokument je Aufruf).
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Warnungen wie Fehler behandeln (Exit-Code 1).
    #[arg(long = "warnungen-als-fehler", visible_alias = "deny-warnings", help_heading = "Optionen")]
    deny_warnings: bool,
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

/// What a run collects over its files.
#[derive(Default)]
struct Run {
    /// Notes on provisional profiles, each once.
    notes: Vec<String>,
    /// The counts over all files.
    summary: Summary,
    /// One report per file.
    files: Vec<FileReport>,
    /// The findings as the text report counts them: the open costs of a plan as one fact.
    facts: Counts,
}

pub fn run(args: &Args, config: &Config) -> Result {
    let choice = args.profile.choice(config)?;
    let mut run = Run::default();
    for path in &args.files {
        run.summary.files += 1;
        check_file(args, config, &choice, path, &mut run)?;
    }
    let Run { notes, summary, files, facts } = run;
    match args.format {
        Format::Text => {
            let mut text = String::new();
            for note in &notes {
                let note: String = note.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                text.push_str(&format!("Hinweis: {note}\n\n"));
            }
            text.push_str(&Summary { errors: facts.errors, warnings: facts.warnings, hints: facts.hints, ..summary }.line());
            text.push('\n');
            output::stdout(text.as_bytes())?;
        }
        Format::Json => {
            let json = report::json(&Report { version: report::VERSION, notes, files, summary })
                .map_err(|e| Error::tool(format_args!("Bericht kann nicht erzeugt werden: {e}")))?;
            output::stdout(json.as_bytes())?;
        }
    }
    Ok(if summary.unreadable > 0 {
        Exit::Tool
    } else if summary.with_errors > 0 {
        Exit::Input
    } else {
        Exit::Ok
    })
}

/// Reads and checks one file, prints its findings (text format) and adds its report to `run`.
fn check_file(args: &Args, config: &Config, choice: &crate::profile::Choice, path: &std::path::Path, run: &mut Run) -> Result<()> {
    let limits = args.limits.limits();
    let name = path.display().to_string();
    let bytes = if name == "-" { fsio::read_stdin_bounded(limits.max_bytes) } else { fsio::read_bounded(path, limits.max_bytes) };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            run.summary.unreadable += 1;
            let error = format!("Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e));
            if args.format == Format::Text {
                output::error(&error);
            }
            run.files.push(FileReport {
                file: name,
                status: Status::Unlesbar,
                profile: None,
                counts: Counts::default(),
                error: Some(error),
                diagnostics: Vec::new(),
            });
            return Ok(());
        }
    };
    let shown = if name == "-" { "<stdin>" } else { &name };
    let checked = crate::check_input(shown, &bytes, &limits, choice);
    let mut profile = None;
    if let Some(plan) = &checked.value {
        let resolved = choice.resolve_for(plan);
        profile = Some(resolved.layers.join(" + "));
        for reason in resolved.provisional {
            if !run.notes.contains(&reason) {
                run.notes.push(reason);
            }
        }
    }
    let counts = Counts::of(&checked.diagnostics);
    run.summary.errors += counts.errors;
    run.summary.warnings += counts.warnings;
    run.summary.hints += counts.hints;
    if counts.errors > 0 || (args.deny_warnings && counts.warnings > 0) {
        run.summary.with_errors += 1;
    } else {
        run.summary.without_errors += 1;
    }
    // The text report lists and counts facts: every open-cost finding of the plan as one.
    let ids = |i: usize| checked.value.as_ref().and_then(|p| p.needs.get(i)).map(|b| b.id.as_str());
    let facts = crate::rules::kosten_offen::als_fakten(&checked.diagnostics, ids);
    let fact_counts = Counts::of(&facts);
    run.facts.errors += fact_counts.errors;
    run.facts.warnings += fact_counts.warnings;
    run.facts.hints += fact_counts.hints;
    if args.format == Format::Text {
        let colour = config.colour_out;
        let mut text = String::new();
        for d in &facts {
            text.push_str(&crate::render::diag::human(d, Some(&checked.source), colour));
            text.push('\n');
        }
        output::stdout(text.as_bytes())?;
    }
    run.files.push(FileReport {
        file: checked.source.name().to_owned(),
        status: Status::of(counts),
        profile,
        counts,
        error: None,
        diagnostics: checked.diagnostics,
    });
    Ok(())
}
