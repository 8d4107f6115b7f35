//! `mep schema`: print the JSON Schema of a plan (or of a Schulträger file) for editors.

use super::error::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Das Schema der Schulträger-Datei (`traeger.yaml` für `mep uebersicht --traeger`) statt des Plans ausgeben.
    #[arg(long = "traeger", visible_alias = "authority", help_heading = "Optionen")]
    traeger: bool,
}

pub fn run(args: &Args) -> Result {
    let text = if args.traeger { crate::schema::traeger_schema_json() } else { crate::schema::schema_json() };
    super::output::emit(text.as_bytes())
}
