//! `mep anlegen` (`init`): write a commented plan skeleton, optionally after asking the essentials.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use super::Config;
use super::error::{Error, Exit, Result};
use super::names::keys;
use super::output;
use crate::fsio;
use crate::init::{self, Answers};
use crate::model::{Land, Programm, Schulform};

/// File name used when none is given.
const DEFAULT_FILE: &str = "medienentwicklungsplan.yaml";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zu schreibende Plan-Datei (Standard: medienentwicklungsplan.yaml); `-` gibt die Vorlage aus.
    #[arg(value_name = "DATEI", default_value = DEFAULT_FILE, hide_default_value = true, help_heading = "Argumente")]
    file: PathBuf,
    /// Schulform (Standard: grundschule): grundschule, hauptschule, realschule, werkrealschule, gemeinschaftsschule,
    /// gesamtschule, oberschule, gymnasium, foerderschule, berufliche_schule.
    #[arg(
        long = "schulform",
        visible_alias = "school-type",
        value_name = "SCHULFORM",
        value_parser = keys(Schulform::ALL, Schulform::key),
        hide_possible_values = true,
        help_heading = "Optionen"
    )]
    schulform: Option<Schulform>,
    /// Bundesland als Kürzel (Standard: NW); bestimmt Kompetenzrahmen und Gremien-Hinweise:
    /// BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH.
    #[arg(
        long = "land",
        visible_alias = "state",
        value_name = "LAND",
        value_parser = keys(Land::ALL, Land::key),
        hide_possible_values = true,
        help_heading = "Optionen"
    )]
    land: Option<Land>,
    /// Förderprogramm: `digitalpakt-2` (Standard, DigitalPakt 2.0) oder `digitalpakt-2019`.
    #[arg(
        long = "programm",
        visible_alias = "program",
        value_name = "PROGRAMM",
        value_parser = keys(Programm::ALL, Programm::key),
        default_value = "digitalpakt-2",
        hide_default_value = true,
        hide_possible_values = true,
        help_heading = "Optionen"
    )]
    programm: Programm,
    /// Eine vorhandene Datei überschreiben.
    #[arg(long = "ueberschreiben", visible_alias = "force", help_heading = "Optionen")]
    force: bool,
    /// Die wichtigsten Angaben im Terminal abfragen (Name, Schulnummer, Schulform, Land, Zahlen, Schulträger).
    #[arg(short = 'i', long = "interaktiv", visible_alias = "interactive", help_heading = "Optionen")]
    interaktiv: bool,
}

pub fn run(args: &Args, config: &Config) -> Result {
    let name = args.file.display().to_string();
    let to_stdout = name == "-";
    if !to_stdout && !args.force && args.file.exists() {
        return Err(refuse_existing(&name));
    }
    let mut answers = Answers { programme: args.programm, ..Answers::default() };
    let mut defaulted = Vec::new();
    match args.schulform {
        Some(s) => answers.kind = s,
        None => defaulted.push("--schulform grundschule"),
    }
    match args.land {
        Some(l) => answers.land = l,
        None => defaulted.push("--land NW"),
    }
    if args.interaktiv {
        ask_all(&mut answers, args)?;
        defaulted.clear();
    }
    let today = init::today(config.source_date_epoch);
    if to_stdout {
        return output::emit(init::skeleton(&answers, today, init::SCHEMA_URL).as_bytes());
    }
    let text = init::skeleton(&answers, today, &init::schema_reference(&args.file));
    if args.force {
        let target = output::check_file(&args.file, &[])?;
        output::write(&output::Dest::File(target), text.as_bytes())?;
    } else if !output::write_new(&args.file, text.as_bytes())? {
        return Err(refuse_existing(&name));
    }
    output::status(config.quiet, format_args!("Vorlage geschrieben: {name}"));
    schema_next_to(&args.file, &text, config.quiet);
    next_steps(&name, &defaulted, args.interaktiv, config.quiet);
    Ok(Exit::Ok)
}

/// Runs the questions in the terminal; questions go to standard error, so `mep anlegen -i - > plan.yaml`
/// keeps them out of the file.
fn ask_all(answers: &mut Answers, args: &Args) -> Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = io::stderr().lock();
    match wizard(&mut input, &mut out, answers, args.schulform.is_some(), args.land.is_some()) {
        Ok(true) => Ok(()),
        Ok(false) => {
            output::stderr("\nAbgebrochen: Die Eingabe endete vor der letzten Frage. Es wurde nichts geschrieben.\n");
            Err(Error::quiet(Exit::Tool))
        }
        Err(e) => Err(Error::tool(format_args!("Eingabe nicht lesbar: {}.", fsio::describe_io(&e)))),
    }
}

/// Writes or refreshes the schema file the skeleton points to, when it points next to the plan;
/// a failure is only a hint, the plan itself is written.
fn schema_next_to(file: &Path, text: &str, quiet: bool) {
    match init::write_schema_next_to(file, text) {
        Ok(Some(schema)) => output::status(quiet, format_args!("Schema für Editoren geschrieben: {}", schema.display())),
        Ok(None) => {}
        Err(e) => output::stderr(format_args!(
            "Hinweis: Das Schema für Editoren ({}) konnte nicht geschrieben werden: {}.\n",
            init::SCHEMA_FILE,
            fsio::describe_io(&e)
        )),
    }
}

/// The status lines after writing: what was assumed and what to do next.
fn next_steps(name: &str, defaulted: &[&str], interaktiv: bool, quiet: bool) {
    if !defaulted.is_empty() {
        output::status(
            quiet,
            format_args!(
                "Angenommen: {} – passen Sie `schulform` und `land` in der Datei an oder rufen Sie `mep anlegen` mit diesen Optionen auf.",
                defaulted.join(", ")
            ),
        );
    }
    if interaktiv {
        output::status(
            quiet,
            format_args!(
                "Nächste Schritte: weitere Abschnitte ausfüllen (dazu das # am Zeilenanfang entfernen), dann prüfen mit `mep pruefen {name}`."
            ),
        );
    } else {
        output::status(
            quiet,
            format_args!(
                "Nächste Schritte: Platzhalter „{}“ ersetzen, Abschnitte ausfüllen, dann prüfen mit `mep pruefen {name}`.",
                init::PLACEHOLDER
            ),
        );
    }
}

fn refuse_existing(name: &str) -> Error {
    Error::tool(format_args!(
        "Die Datei `{name}` existiert bereits und wird nicht überschrieben.\n  \
Wählen Sie einen anderen Dateinamen oder überschreiben Sie sie ausdrücklich mit `mep anlegen --ueberschreiben {name}`."
    ))
}

/// Asks the essential questions; `Ok(false)` when the input ends early.
fn wizard<R: BufRead, W: Write>(input: &mut R, out: &mut W, a: &mut Answers, has_kind: bool, has_land: bool) -> io::Result<bool> {
    writeln!(out, "Neuer Medienentwicklungsplan – bitte beantworten Sie acht Fragen. Eingabetaste übernimmt den Wert in [Klammern].")?;
    let kinds = Schulform::ALL.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ");
    let lands = Land::ALL.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ");
    let kind_default = has_kind.then(|| a.kind.key());
    let land_default = has_land.then(|| a.land.key());
    let Some(name) = ask(input, out, "Name der Schule", None, |s| init::parse_text(s, "den Namen der Schule"))? else { return Ok(false) };
    let Some(number) = ask(input, out, "Schulnummer", None, init::parse_schulnummer)? else { return Ok(false) };
    let Some(kind) = ask(input, out, &format!("Schulform ({kinds})"), kind_default, init::parse_schulform)? else { return Ok(false) };
    let Some(land) = ask(input, out, &format!("Bundesland ({lands})"), land_default, init::parse_land)? else { return Ok(false) };
    let Some(pupils) = ask(input, out, "Anzahl der Schülerinnen und Schüler", None, |s| init::parse_count(s, "Schülerzahl", 1))? else {
        return Ok(false);
    };
    let Some(teachers) = ask(input, out, "Anzahl der Lehrkräfte", None, |s| init::parse_count(s, "Lehrkräfte", 1))? else {
        return Ok(false);
    };
    let Some(rooms) = ask(input, out, "Anzahl der Unterrichtsräume", None, |s| init::parse_count(s, "Unterrichtsräume", 1))? else {
        return Ok(false);
    };
    let Some(provider) = ask(input, out, "Name des Schulträgers", None, |s| init::parse_text(s, "den Namen des Schulträgers"))? else {
        return Ok(false);
    };
    a.name = Some(name);
    a.number = Some(number);
    a.kind = kind;
    a.land = land;
    a.pupils = Some(pupils);
    a.teachers = Some(teachers);
    a.classrooms = Some(rooms);
    a.provider = Some(provider);
    Ok(true)
}

/// Asks one question until the answer parses; `Ok(None)` at end of input.
fn ask<R: BufRead, W: Write, T>(
    input: &mut R,
    out: &mut W,
    question: &str,
    default: Option<&str>,
    parse: impl Fn(&str) -> std::result::Result<T, String>,
) -> io::Result<Option<T>> {
    loop {
        match default {
            Some(d) => write!(out, "{question} [{d}]: ")?,
            None => write!(out, "{question}: ")?,
        }
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let answer = match (line.trim(), default) {
            ("", Some(d)) => d,
            (s, _) => s,
        };
        match parse(answer) {
            Ok(v) => return Ok(Some(v)),
            Err(msg) => writeln!(out, "  Ungültig: {msg} Bitte erneut eingeben.")?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wizard_reasks_until_valid() {
        let script = "\nGrundschule am Markt\n12 34\n162437\ngrundschul\ngrundschule\nnrw\nNW\nviele\n0\n210\n14\n9\nStadt Musterstadt\n";
        let mut out = Vec::new();
        let mut a = Answers::default();
        assert!(wizard(&mut script.as_bytes(), &mut out, &mut a, false, false).unwrap());
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains("Meinten Sie `grundschule`?"), "{shown}");
        assert_eq!(shown.matches("Ungültig:").count(), 6, "{shown}");
        assert_eq!(a.name.as_deref(), Some("Grundschule am Markt"));
        assert_eq!((a.kind, a.land, a.pupils, a.teachers, a.classrooms), (Schulform::Grundschule, Land::Nw, Some(210), Some(14), Some(9)));
    }

    #[test]
    fn wizard_stops_at_end_of_input() {
        let mut a = Answers::default();
        assert!(!wizard(&mut "Schule\n".as_bytes(), &mut Vec::new(), &mut a, false, false).unwrap());
    }
}
