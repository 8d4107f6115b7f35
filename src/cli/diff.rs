//! `mep vergleichen ALT NEU` (English `diff`): what changed in content between two versions.
//!
//! Exit codes as `diff` users expect: 0 = equal in content, 1 = different, 2 = a file could not
//! be read as a plan or Schulträger file, or the two are of different kinds. Findings inside the
//! plans are content, not trouble.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::Config;
use super::error::{Error, Exit, Result};
use super::output::{self, Dest};
use crate::diff::{self, Diff, Version};
use crate::fsio;
use crate::load::{self, Limits};
use crate::model::{Plan, Traeger};
use crate::render::diff as render;

/// Output format of the comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lesbar im Terminal; geänderte Wörter farbig.
    #[default]
    Text,
    /// Markdown, z. B. für eine Rückmeldung an die Schule.
    Md,
    /// JSON (Schema: schemas/output/diff.schema.json).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Die frühere Fassung: Plan (YAML oder PDF/A-3b mit dem Plan als Anhang) oder Schulträger-Datei.
    #[arg(value_name = "ALT", help_heading = "Argumente")]
    old: PathBuf,
    /// Die neue Fassung, von derselben Art wie ALT.
    #[arg(value_name = "NEU", help_heading = "Argumente")]
    new: PathBuf,
    /// Ausgabeformat: `text` (Standard), `md` (Markdown) oder `json`.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    /// Ausgabedatei; `-` oder keine Angabe schreibt auf die Standardausgabe.
    #[arg(short = 'o', long = "ausgabe", visible_alias = "output", value_name = "DATEI", help_heading = "Optionen")]
    output: Option<PathBuf>,
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

/// One version as read: a plan or a Schulträger file, with its findings.
enum Read {
    Plan(Box<crate::Checked>),
    Traeger(Box<load::Loaded<Traeger>>),
}

pub fn run(args: &Args, config: &Config) -> Result {
    let limits = args.limits.limits();
    let choice = args.profile.choice(config)?;
    let dest = match Dest::of(args.output.as_deref()) {
        Dest::File(path) => Dest::File(output::check_file(&path, &[args.old.as_path(), args.new.as_path()])?),
        Dest::Stdout => Dest::Stdout,
    };
    let old = read(&args.old, &limits, &choice, config);
    let new = read(&args.new, &limits, &choice, config);
    let (old, new) = (old?, new?);
    let result = compare(&old, &new).ok_or_else(|| {
        Error::tool(format_args!(
            "`{}` und `{}` sind verschiedene Arten von Dateien (ein Plan und eine Schulträger-Datei); verglichen werden zwei Pläne oder zwei Schulträger-Dateien.",
            args.old.display(),
            args.new.display()
        ))
    })?;
    let bytes = match args.format {
        Format::Text => render::text(&result, config.colour_out && dest == Dest::Stdout).into_bytes(),
        Format::Md => render::markdown(&result).into_bytes(),
        Format::Json => {
            render::json(&result).map_err(|e| Error::tool(format_args!("Bericht kann nicht erzeugt werden: {e}")))?.into_bytes()
        }
    };
    output::write(&dest, &bytes)?;
    if let Dest::File(path) = &dest {
        output::status(config.quiet, render::summary_line(&result));
        output::status(config.quiet, format_args!("Vergleich geschrieben: {}", path.display()));
    }
    Ok(if result.equal { Exit::Ok } else { Exit::Input })
}

fn compare(old: &Read, new: &Read) -> Option<Diff> {
    match (old, new) {
        (Read::Plan(a), Read::Plan(b)) => Some(diff::plans(&version::<Plan>(a)?, &version::<Plan>(b)?)),
        (Read::Traeger(a), Read::Traeger(b)) => Some(diff::traeger(&version::<Traeger>(a)?, &version::<Traeger>(b)?)),
        _ => None,
    }
}

fn version<T>(loaded: &load::Loaded<T>) -> Option<Version<'_, T>> {
    Some(Version { file: loaded.source.name(), value: loaded.value.as_ref()?, diagnostics: &loaded.diagnostics })
}

/// Reads one version the way `mep validate` does (PDF: the attached plan); a file that is
/// neither a plan nor a Schulträger file is reported with its findings (exit code 2).
fn read(path: &Path, limits: &Limits, choice: &crate::profile::Choice, config: &Config) -> Result<Read> {
    let name = path.display().to_string();
    let bytes = fsio::read_bounded(path, limits.max_bytes)
        .map_err(|e| Error::tool(format_args!("Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
    let checked = crate::check_input(&name, &bytes, limits, choice);
    if checked.value.is_some() {
        return Ok(Read::Plan(Box::new(checked)));
    }
    let mut shown = (checked.source, checked.diagnostics);
    if !load::pdf::is_pdf(&bytes) {
        let traeger = load::load_traeger(&name, &bytes, limits);
        if traeger.value.is_some() {
            return Ok(Read::Traeger(Box::new(traeger)));
        }
        // A Schulträger file with a mistake has fewer findings as what it is than as a plan.
        if crate::diag::Counts::of(&traeger.diagnostics).errors < crate::diag::Counts::of(&shown.1).errors {
            shown = (traeger.source, traeger.diagnostics);
        }
    }
    let mut text = String::new();
    for d in &shown.1 {
        text.push_str(&crate::render::diag::human(d, Some(&shown.0), config.colour_err));
        text.push('\n');
    }
    output::stderr(text);
    Err(Error::tool(format_args!("`{name}` kann nicht verglichen werden: Die Datei ist weder als Plan noch als Schulträger-Datei lesbar.")))
}
