//! `mep explain CODE`: the full German explanation of one rule.

use super::EXIT_TOOL;
use crate::load::suggest;
use crate::rules::{self, catalog};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Code der Regel, z. B. DP-SMARTPHONE (Groß- und Kleinschreibung egal).
    #[arg(value_name = "CODE", help_heading = "Argumente")]
    code: String,
}

pub fn run(args: &Args) -> u8 {
    if let Some(rule) = rules::find(args.code.trim()) {
        return super::rules::emit(&catalog::explain(rule));
    }
    let codes: Vec<&str> = rules::all().iter().map(|r| r.code).collect();
    let wanted = args.code.trim().to_uppercase();
    let mut msg = format!("Fehler: Die Regel `{}` gibt es nicht.", args.code.trim());
    if let Some(s) = suggest(&wanted, &codes) {
        msg.push_str(&format!("\n  Meinten Sie `{s}`?"));
    }
    super::output::stderr(format_args!("{msg}\n\nAlle Regeln anzeigen: mep rules\n"));
    EXIT_TOOL
}
