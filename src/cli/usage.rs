//! clap's errors in German: help and version on standard output, every other problem with the
//! command line as `Fehler: …` with the suggestion („Meinten Sie …?“) and the allowed values.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::error::{Error, Exit};
use super::{names, output};

/// Prints a clap error in German and returns the exit code: 0 for help and version, 2 otherwise.
pub fn report(e: &clap::Error) -> Exit {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            super::error::finish(output::emit(names::german_help(&e.render().to_string()).as_bytes()))
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            Error::tool("Es fehlt der Befehl.\n\nAufruf: mep BEFEHL [OPTIONEN]\nBefehle anzeigen: mep --hilfe").report()
        }
        kind => Error::tool(format_args!("{}\n\nHilfe anzeigen: mep --hilfe", message(e, kind))).report(),
    }
}

/// The German message of a usage error, with suggestion and allowed values when clap knows them.
fn message(e: &clap::Error, kind: ErrorKind) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let valid = context(e, ContextKind::ValidValue);
    let suggested = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue));
    let mut msg = match kind {
        ErrorKind::UnknownArgument => format!("Unbekannte Option `{}`.", arg.unwrap_or_default()),
        ErrorKind::InvalidSubcommand => {
            format!("Unbekannter Befehl `{}`.", context(e, ContextKind::InvalidSubcommand).or(arg).unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => format!("Es fehlt eine Pflichtangabe: {}.", arg.unwrap_or_default()),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("Ungültiger Wert `{}` für `{}`.", value.unwrap_or_default(), arg.unwrap_or_default())
        }
        ErrorKind::TooManyValues => format!("`{}` ist zu oft angegeben.", arg.unwrap_or_default()),
        ErrorKind::ArgumentConflict => format!("`{}` kann nicht mit dieser Kombination verwendet werden.", arg.unwrap_or_default()),
        _ => "Die Angaben auf der Kommandozeile sind ungültig.".to_owned(),
    };
    if let Some(s) = suggested {
        msg.push_str(&format!("\n  Meinten Sie `{s}`?"));
    }
    if let Some(v) = valid {
        msg.push_str(&format!("\n  Erlaubt sind: {v}."));
    }
    msg
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
