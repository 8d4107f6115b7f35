//! `mep erklaeren` (`explain`): the full German explanation of one rule.

use super::error::{Error, Result};
use super::output;
use crate::load::suggest;
use crate::rules::{self, catalog};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Code der Regel, z. B. DP-SMARTPHONE (Groß- und Kleinschreibung egal).
    #[arg(value_name = "CODE", help_heading = "Argumente")]
    code: String,
}

pub fn run(args: &Args) -> Result {
    if let Some(rule) = rules::find(args.code.trim()) {
        return output::emit(catalog::explain(rule).as_bytes());
    }
    let codes: Vec<&str> = rules::all().iter().map(|r| r.code).collect();
    let wanted = args.code.trim().to_uppercase();
    let mut msg = format!("Die Regel `{}` gibt es nicht.", args.code.trim());
    if let Some(s) = suggest(&wanted, &codes) {
        msg.push_str(&format!("\n  Meinten Sie `{s}`?"));
    }
    Err(Error::tool(format_args!("{msg}\n\nAlle Regeln anzeigen: mep regeln")))
}
