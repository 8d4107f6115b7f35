//! `mep schema`: print the JSON Schema of a plan for editors.

use super::EXIT_OK;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: &Args) -> u8 {
    print!("{}", crate::init::schema_json());
    EXIT_OK
}
