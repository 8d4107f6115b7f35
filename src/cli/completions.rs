//! `mep vervollstaendigung` (`completions`) and `mep handbuch` (`man`): shell completions and the
//! man page from the clap definitions, German names first.

use super::error::{Error, Result};
use super::{names, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell, für die die Vervollständigung erzeugt wird: bash, zsh, fish, powershell oder elvish.
    #[arg(value_enum, value_name = "SHELL", hide_possible_values = true, help_heading = "Argumente")]
    shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> Result {
    let mut cmd = super::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mep", &mut out);
    output::emit(&out)
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Befehl, dessen eigene Handbuchseite ausgegeben wird, deutsch oder englisch (ohne Angabe: die Übersichtsseite `mep`).
    #[arg(value_name = "BEFEHL", help_heading = "Argumente")]
    command: Option<String>,
}

pub fn run_man(args: &ManArgs) -> Result {
    // The man page lists names without aliases: the English ones go into the help texts.
    let root = names::with_aliases_in_help(super::command());
    let man = match &args.command {
        None => clap_mangen::Man::new(root),
        Some(name) => {
            let names: Vec<String> = root.get_subcommands().map(|c| c.get_name().to_owned()).collect();
            let sub = root
                .find_subcommand(name)
                .ok_or_else(|| Error::tool(format_args!("Unbekannter Befehl `{name}`.\n  Erlaubt sind: {}.", names.join(", "))))?;
            let german = sub.get_name().to_owned();
            let sub = sub.clone().bin_name(format!("mep {german}")).disable_help_flag(true).version(env!("CARGO_PKG_VERSION"));
            clap_mangen::Man::new(sub).title(format!("mep-{german}"))
        }
    };
    let mut out = Vec::new();
    man.render(&mut out).map_err(|e| Error::tool(format_args!("Die Handbuchseite kann nicht erzeugt werden: {e}.")))?;
    output::emit(&out)
}
