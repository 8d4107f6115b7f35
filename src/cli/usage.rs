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
    let given = context(e, ContextKind::InvalidSubcommand).or_else(|| value.clone()).or_else(|| arg.clone()).unwrap_or_default();
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .find_map(|kind| best_suggestion(e, kind, &given));
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

/// The one closest name among clap's suggestions (clap may offer several, e.g. `rules, pruefen` for `pruefn`).
fn best_suggestion(e: &clap::Error, kind: ContextKind, given: &str) -> Option<String> {
    let candidates: Vec<String> = match e.get(kind)? {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(v) => v.clone(),
        _ => return None,
    };
    let names: Vec<&str> = candidates.iter().map(String::as_str).collect();
    let bare = given.trim_start_matches('-');
    let bare_names: Vec<&str> = names.iter().map(|n| n.trim_start_matches('-')).collect();
    crate::load::suggest(bare, &bare_names)
        .and_then(|best| names.iter().find(|n| n.trim_start_matches('-') == best))
        .or(names.last())
        .map(|s| (*s).to_owned())
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
