//! `mep completions` and `mep man`: shell completions and the man page from the clap definitions.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, EXIT_OK, EXIT_TOOL};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell, für die die Vervollständigung erzeugt wird.
    #[arg(value_enum, value_name = "SHELL", help_heading = "Argumente")]
    shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> u8 {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mep", &mut out);
    emit(&out)
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {}

pub fn run_man(_: &ManArgs) -> u8 {
    let mut out = Vec::new();
    if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut out) {
        eprintln!("Fehler: Die Handbuchseite kann nicht erzeugt werden: {e}.");
        return EXIT_TOOL;
    }
    emit(&out)
}

fn emit(bytes: &[u8]) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("Fehler: Ausgabe nicht möglich: {}.", crate::fsio::describe_io(&e));
            EXIT_TOOL
        }
    }
}
