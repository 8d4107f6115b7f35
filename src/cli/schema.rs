//! `mep schema`: print the JSON Schema of a plan (or of a Schulträger file) for editors.

use super::EXIT_OK;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Das Schema der Schulträger-Datei (`traeger.yaml` für `mep review --traeger`) statt des Plans ausgeben.
    #[arg(long, help_heading = "Optionen")]
    traeger: bool,
}

pub fn run(args: &Args) -> u8 {
    let text = if args.traeger { crate::schema::traeger_schema_json() } else { crate::schema::schema_json() };
    match super::output::stdout(text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
