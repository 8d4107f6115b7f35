//! `mep rules`: list the rule catalogue, optionally for a programme, Land or profile file.

use std::path::PathBuf;

use clap::ValueEnum;
use clap::builder::PossibleValuesParser;

use super::output;
use super::{Config, EXIT_OK, EXIT_TOOL};
use crate::diag;
use crate::fsio;
use crate::init;
use crate::load::Limits;
use crate::model::{Land, Programm};
use crate::profile::{self, Choice, Profile};
use crate::rules::catalog;

fn laender() -> PossibleValuesParser {
    PossibleValuesParser::new(Land::ALL.iter().map(|s| s.key()))
}

fn programme() -> PossibleValuesParser {
    PossibleValuesParser::new(Programm::ALL.iter().map(|s| s.key()))
}

/// Profile selection shared by `rules` and `validate`.
#[derive(Debug, clap::Args)]
pub struct ProfileArgs {
    /// Förderprogramm erzwingen: `digitalpakt-2` oder `digitalpakt-2019` (Standard: wie im Plan).
    #[arg(long, value_name = "PROGRAMM", value_parser = programme(), hide_possible_values = true, help_heading = "Profil")]
    programm: Option<String>,
    /// Land erzwingen, als Kürzel: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH (Standard: wie im Plan).
    #[arg(long, value_name = "LAND", value_parser = laender(), ignore_case = true, hide_possible_values = true, help_heading = "Profil")]
    land: Option<String>,
    /// Eigene Profildatei (YAML) über Programm und Land legen; Aufbau siehe schemas/profiles/README.md.
    #[arg(long, value_name = "DATEI", help_heading = "Profil")]
    profile: Option<PathBuf>,
}

impl ProfileArgs {
    /// Whether any profile option was given.
    fn any(&self) -> bool {
        self.programm.is_some() || self.land.is_some() || self.profile.is_some()
    }

    /// Reads and validates the choice; prints problems of a profile file and returns exit code 2 on them.
    pub fn choice(&self, config: &Config) -> Result<Choice, u8> {
        let colour = config.colour_err;
        if let Some(bad) = profile::embedded().iter().find(|l| diag::Counts::of(&l.diagnostics).errors > 0) {
            output::error(format_args!("Das mitgelieferte Profil `{}` ist fehlerhaft:", bad.source.name()));
            for d in &bad.diagnostics {
                output::stderr(format_args!("{}\n", crate::render::diag::human(d, Some(&bad.source), colour)));
            }
            return Err(EXIT_TOOL);
        }
        let mut choice = Choice {
            programm: self.programm.as_deref().and_then(|s| init::parse_programm(s).ok()),
            land: self.land.as_deref().and_then(|s| init::parse_land(s).ok()),
            file: None,
        };
        if let Some(path) = &self.profile {
            let limits = Limits::default();
            let name = path.display().to_string();
            let bytes = match fsio::read_bounded(path, limits.max_bytes) {
                Ok(b) => b,
                Err(e) => {
                    output::error(format_args!("Profildatei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e)));
                    return Err(EXIT_TOOL);
                }
            };
            let loaded = crate::rules::profil::load_profile(&name, &bytes, &limits);
            for d in &loaded.diagnostics {
                output::stderr(format_args!("{}\n", crate::render::diag::human(d, Some(&loaded.source), colour)));
            }
            let Some(file) = loaded.value else {
                output::error(format_args!("Die Profildatei `{name}` ist fehlerhaft; es wurde nichts geprüft."));
                return Err(EXIT_TOOL);
            };
            choice.file = Some(file);
        }
        Ok(choice)
    }
}

/// Output format of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Liste {
    /// Lesbare Liste.
    #[default]
    Text,
    /// JSON.
    Json,
    /// Markdown-Tabelle.
    Md,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ausgabeformat: `text` (Standard), `json` oder `md` (Markdown-Tabelle).
    #[arg(long, value_enum, default_value_t = Liste::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Liste,
    #[command(flatten)]
    profile: ProfileArgs,
}

pub fn run(args: &Args, config: &Config) -> u8 {
    let choice = match args.profile.choice(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let profile = args.profile.any().then(|| {
        let file = choice.file.as_ref();
        let programm = choice.programm.or_else(|| file.and_then(|f| f.programm)).unwrap_or(Programm::Dp2);
        let land = choice.land.or_else(|| file.and_then(|f| f.land));
        match land {
            Some(land) => Profile::resolve_with(programm, land, file),
            None => Profile::resolve_programme(programm, file),
        }
    });
    let text = match args.format {
        Liste::Text => catalog::text(profile.as_ref()),
        Liste::Md => catalog::markdown(profile.as_ref()),
        Liste::Json => match catalog::json(profile.as_ref()) {
            Ok(json) => json + "\n",
            Err(e) => {
                output::error(format_args!("Liste kann nicht erzeugt werden: {e}"));
                return EXIT_TOOL;
            }
        },
    };
    emit(&text)
}

/// Writes to standard output; a closed pipe (`mep rules | head`) is no error.
pub fn emit(text: &str) -> u8 {
    match output::stdout(text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
