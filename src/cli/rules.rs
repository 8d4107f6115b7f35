//! `mep regeln` (`rules`): list the rule catalogue, optionally for a programme, Land or profile file.

use std::path::PathBuf;

use clap::ValueEnum;

use super::Config;
use super::error::{Error, Result};
use super::names::keys;
use super::output;
use crate::diag;
use crate::fsio;
use crate::load::Limits;
use crate::model::{Land, Programm};
use crate::profile::{self, Choice, Profile};
use crate::rules::catalog;

/// Profile selection shared by `regeln`, `pruefen` and `uebersicht`.
#[derive(Debug, clap::Args)]
pub struct ProfileArgs {
    /// Förderprogramm erzwingen: `digitalpakt-2` oder `digitalpakt-2019` (Standard: wie im Plan).
    #[arg(long = "programm", visible_alias = "program", value_name = "PROGRAMM", value_parser = keys(Programm::ALL, Programm::key), hide_possible_values = true, help_heading = "Profil")]
    programm: Option<Programm>,
    /// Land erzwingen, als Kürzel: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH (Standard: wie im Plan).
    #[arg(long = "land", visible_alias = "state", value_name = "LAND", value_parser = keys(Land::ALL, Land::key), hide_possible_values = true, help_heading = "Profil")]
    land: Option<Land>,
    /// Eigene Profildatei (YAML) über Programm und Land legen; Aufbau siehe schemas/profiles/README.md.
    #[arg(long = "profil", visible_alias = "profile", value_name = "DATEI", help_heading = "Profil")]
    profile: Option<PathBuf>,
}

impl ProfileArgs {
    /// Whether any profile option was given.
    fn any(&self) -> bool {
        self.programm.is_some() || self.land.is_some() || self.profile.is_some()
    }

    /// Reads and validates the choice; problems of a profile file are printed and stop the command (exit code 2).
    pub fn choice(&self, config: &Config) -> Result<Choice> {
        let colour = config.colour_err;
        if let Some(bad) = profile::embedded().iter().find(|l| diag::Counts::of(&l.diagnostics).errors > 0) {
            let mut message = format!("Das mitgelieferte Profil `{}` ist fehlerhaft:", bad.source.name());
            for d in &bad.diagnostics {
                message.push('\n');
                message.push_str(&crate::render::diag::human(d, Some(&bad.source), colour));
            }
            return Err(Error::tool(message));
        }
        let mut choice = Choice { programm: self.programm, land: self.land, file: None };
        if let Some(path) = &self.profile {
            let limits = Limits::default();
            let name = path.display().to_string();
            let bytes = fsio::read_bounded(path, limits.max_bytes)
                .map_err(|e| Error::tool(format_args!("Profildatei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))))?;
            let loaded = crate::rules::profil::load_profile(&name, &bytes, &limits);
            for d in &loaded.diagnostics {
                output::stderr(format_args!("{}\n", crate::render::diag::human(d, Some(&loaded.source), colour)));
            }
            let file = loaded
                .value
                .ok_or_else(|| Error::tool(format_args!("Die Profildatei `{name}` ist fehlerhaft; es wurde nichts geprüft.")))?;
            choice.file = Some(file);
        }
        Ok(choice)
    }
}

/// `--format` of `mep regeln`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
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
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true, help_heading = "Optionen")]
    format: Format,
    #[command(flatten)]
    profile: ProfileArgs,
}

pub fn run(args: &Args, config: &Config) -> Result {
    let choice = args.profile.choice(config)?;
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
        Format::Text => catalog::text(profile.as_ref()),
        Format::Md => catalog::markdown(profile.as_ref()),
        Format::Json => {
            catalog::json(profile.as_ref()).map_err(|e| Error::tool(format_args!("Liste kann nicht erzeugt werden: {e}")))? + "\n"
        }
    };
    output::emit(text.as_bytes())
}
