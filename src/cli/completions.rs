//! `mep completions` and `mep man`: shell completions and the man page from the clap definitions.

use clap::CommandFactory;

use super::{Cli, EXIT_OK, EXIT_TOOL};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell, für die die Vervollständigung erzeugt wird: bash, zsh, fish, powershell oder elvish.
    #[arg(value_enum, value_name = "SHELL", hide_possible_values = true, help_heading = "Argumente")]
    shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> u8 {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mep", &mut out);
    emit(&out)
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Befehl, dessen eigene Handbuchseite ausgegeben wird (ohne Angabe: die Übersichtsseite `mep`).
    #[arg(value_name = "BEFEHL", help_heading = "Argumente")]
    command: Option<String>,
}

pub fn run_man(args: &ManArgs) -> u8 {
    let root = Cli::command();
    let man = match &args.command {
        None => clap_mangen::Man::new(root),
        Some(name) => {
            let names: Vec<String> = root.get_subcommands().map(|c| c.get_name().to_owned()).collect();
            let Some(sub) = root.find_subcommand(name) else {
                super::output::error(format_args!("Unbekannter Befehl `{name}`.\n  Erlaubt sind: {}.", names.join(", ")));
                return EXIT_TOOL;
            };
            let sub = sub.clone().bin_name(format!("mep {name}")).disable_help_flag(true).version(env!("CARGO_PKG_VERSION"));
            clap_mangen::Man::new(sub).title(format!("mep-{name}"))
        }
    };
    let mut out = Vec::new();
    if let Err(e) = man.render(&mut out) {
        super::output::error(format_args!("Die Handbuchseite kann nicht erzeugt werden: {e}."));
        return EXIT_TOOL;
    }
    emit(&out)
}

fn emit(bytes: &[u8]) -> u8 {
    match super::output::stdout(bytes) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
