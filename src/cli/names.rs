//! The language rule of the command line: every command and every long flag answers to a
//! German and an English name; help, man page and completions show the German one first.
//!
//! The convention (see the top of [`super`]): the German word is the name clap knows
//! (`#[command(name = "pruefen")]`, `#[arg(long = "vorlagen")]`), the English word its one
//! `visible_alias`. A word that is the same in both languages (`--format`, `schema`) is listed
//! in [`SAME_IN_BOTH`] and has no alias. [`pairs`] reads the clap tree, so the README table
//! and the test that calls every name cannot drift from the definitions.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

/// Names that are the same word in German and English, so they need no alias.
pub const SAME_IN_BOTH: &[&str] = &["schema", "format", "version", "pdf-standard"];

/// One name a user can type: where it is, its German and its English spelling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The command it belongs to (`mep`, `mep pruefen`).
    pub command: String,
    /// `true` for a command, `false` for a long flag.
    pub is_command: bool,
    /// The German name (without `--`).
    pub german: String,
    /// The English names (visible aliases); empty for a word in [`SAME_IN_BOTH`].
    pub english: Vec<String>,
    /// Hidden aliases: allowed nowhere, listed so that a test can refuse them.
    pub hidden: Vec<String>,
}

/// Every command and long flag of the tree below `root`, in the order of the help.
#[must_use]
pub fn pairs(root: &Command) -> Vec<Pair> {
    let mut out = Vec::new();
    walk(root, root.get_name(), &mut out);
    out
}

fn walk(cmd: &Command, path: &str, out: &mut Vec<Pair>) {
    for arg in cmd.get_arguments().filter(|a| a.get_long().is_some()) {
        let all: Vec<String> = arg.get_all_aliases().unwrap_or_default().into_iter().map(str::to_owned).collect();
        let english: Vec<String> = arg.get_visible_aliases().unwrap_or_default().into_iter().map(str::to_owned).collect();
        out.push(Pair {
            command: path.to_owned(),
            is_command: false,
            german: arg.get_long().unwrap_or_default().to_owned(),
            hidden: all.into_iter().filter(|a| !english.contains(a)).collect(),
            english,
        });
    }
    for sub in cmd.get_subcommands() {
        let english: Vec<String> = sub.get_visible_aliases().map(str::to_owned).collect();
        out.push(Pair {
            command: path.to_owned(),
            is_command: true,
            german: sub.get_name().to_owned(),
            hidden: sub.get_all_aliases().filter(|a| !english.iter().any(|e| e == a)).map(str::to_owned).collect(),
            english,
        });
        walk(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

/// The table of German and English names for the README, one row per command and flag.
#[must_use]
pub fn table_markdown(root: &Command) -> String {
    let mut text = String::from("| Befehl | Deutsch | Englisch |\n|---|---|---|\n");
    for p in pairs(root) {
        let dash = if p.is_command { "" } else { "--" };
        let english = if p.english.is_empty() {
            "(gleich)".to_owned()
        } else {
            p.english.iter().map(|e| format!("`{dash}{e}`")).collect::<Vec<_>>().join(", ")
        };
        let command = if p.is_command { p.command.clone() } else { format!("{} …", p.command) };
        text.push_str(&format!("| `{command}` | `{dash}{}` | {english} |\n", p.german));
    }
    text
}

/// Help text as clap renders it, with its English alias note in German (`[auch: --templates]`).
#[must_use]
pub fn german_help(text: &str) -> String {
    // clap may wrap the line right after the colon, so the space is not part of the pattern.
    text.replace("[aliases:", "[auch:").replace("[alias:", "[auch:")
}

/// The tree with each English name written into the help of its command or flag, for the man page
/// (which lists names without their aliases).
#[must_use]
pub fn with_aliases_in_help(cmd: Command) -> Command {
    let cmd = cmd.mut_args(|arg| {
        let Some(aliases) = arg.get_visible_aliases().filter(|a| !a.is_empty()) else { return arg };
        let also = aliases.iter().map(|a| format!("--{a}")).collect::<Vec<_>>().join(", ");
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        arg.help(format!("{help} [auch: {also}]"))
    });
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    names.into_iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| {
            let aliases: Vec<String> = sub.get_visible_aliases().map(str::to_owned).collect();
            let sub = with_aliases_in_help(sub);
            if aliases.is_empty() {
                return sub;
            }
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            sub.about(format!("{about} [auch: {}]", aliases.join(", ")))
        })
    })
}

/// A clap value parser for a closed set of keys from the model (`Land`, `Programm`, `Schulform`):
/// the key exactly as in YAML, and on a near miss the same „Meinten Sie …?“ as in YAML.
#[derive(Clone)]
pub struct Keys<T: 'static> {
    /// Every value.
    all: &'static [T],
    /// The key of a value as written in YAML.
    key: fn(T) -> &'static str,
}

/// The parser of the values `all`, each written as `key(value)`.
#[must_use]
pub fn keys<T: Copy>(all: &'static [T], key: fn(T) -> &'static str) -> Keys<T> {
    Keys { all, key }
}

impl<T: Copy + Send + Sync + 'static> TypedValueParser for Keys<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<T, clap::Error> {
        let given = value.to_string_lossy();
        if let Some(v) = self.all.iter().find(|v| (self.key)(**v) == given) {
            return Ok(*v);
        }
        let names: Vec<&str> = self.all.iter().map(|v| (self.key)(*v)).collect();
        let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        err.insert(ContextKind::InvalidArg, ContextValue::String(arg.map(ToString::to_string).unwrap_or_default()));
        err.insert(ContextKind::InvalidValue, ContextValue::String(given.clone().into_owned()));
        err.insert(ContextKind::ValidValue, ContextValue::Strings(names.iter().map(|s| (*s).to_owned()).collect()));
        if let Some(s) = crate::load::suggest(&given, &names) {
            err.insert(ContextKind::SuggestedValue, ContextValue::String(s.to_owned()));
        }
        Err(err)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.all.iter().map(|v| PossibleValue::new((self.key)(*v)))))
    }
}
