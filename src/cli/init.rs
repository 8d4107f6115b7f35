//! `mep init`: write a commented plan skeleton, optionally after asking the essentials.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use clap::builder::PossibleValuesParser;

use super::output;
use super::{Config, EXIT_OK, EXIT_TOOL};
use crate::fsio;
use crate::init::{self, Answers};
use crate::model::{Land, Programm, Schulform};

/// File name used when none is given.
const DEFAULT_FILE: &str = "medienentwicklungsplan.yaml";

fn schulformen() -> PossibleValuesParser {
    PossibleValuesParser::new(Schulform::ALL.iter().map(|s| s.key()))
}

fn laender() -> PossibleValuesParser {
    PossibleValuesParser::new(Land::ALL.iter().map(|s| s.key()))
}

fn programme() -> PossibleValuesParser {
    PossibleValuesParser::new(Programm::ALL.iter().map(|s| s.key()))
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zu schreibende Plan-Datei (Standard: medienentwicklungsplan.yaml); `-` gibt die Vorlage aus.
    #[arg(value_name = "DATEI", default_value = DEFAULT_FILE, hide_default_value = true, help_heading = "Argumente")]
    file: PathBuf,
    /// Schulform (Standard: grundschule): grundschule, hauptschule, realschule, werkrealschule, gemeinschaftsschule,
    /// gesamtschule, oberschule, gymnasium, foerderschule, berufliche_schule.
    #[arg(long, value_name = "SCHULFORM", value_parser = schulformen(), hide_possible_values = true, help_heading = "Optionen")]
    schulform: Option<String>,
    /// Bundesland als Kürzel (Standard: NW); bestimmt Kompetenzrahmen und Gremien-Hinweise:
    /// BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH.
    #[arg(long, value_name = "LAND", value_parser = laender(), ignore_case = true, hide_possible_values = true, help_heading = "Optionen")]
    land: Option<String>,
    /// Förderprogramm: `digitalpakt-2` (Standard, DigitalPakt 2.0) oder `digitalpakt-2019`.
    #[arg(
        long,
        value_name = "PROGRAMM",
        value_parser = programme(),
        default_value = "digitalpakt-2",
        hide_default_value = true,
        hide_possible_values = true,
        help_heading = "Optionen"
    )]
    programm: String,
    /// Eine vorhandene Datei überschreiben.
    #[arg(long, help_heading = "Optionen")]
    force: bool,
    /// Die wichtigsten Angaben im Terminal abfragen (Name, Schulnummer, Schulform, Land, Zahlen, Schulträger).
    #[arg(short = 'i', long, help_heading = "Optionen")]
    interaktiv: bool,
}

pub fn run(args: &Args, config: &Config) -> u8 {
    let name = args.file.display().to_string();
    let to_stdout = name == "-";
    if !to_stdout && !args.force && args.file.exists() {
        return refuse_existing(&name);
    }
    let mut answers = Answers::default();
    let mut defaulted = Vec::new();
    match args.schulform.as_deref().map(init::parse_schulform) {
        Some(Ok(s)) => answers.kind = s,
        Some(Err(e)) => return usage(&e),
        None => defaulted.push("--schulform grundschule"),
    }
    match args.land.as_deref().map(init::parse_land) {
        Some(Ok(l)) => answers.land = l,
        Some(Err(e)) => return usage(&e),
        None => defaulted.push("--land NW"),
    }
    match init::parse_programm(&args.programm) {
        Ok(p) => answers.programme = p,
        Err(e) => return usage(&e),
    }
    if args.interaktiv {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        // Questions go to standard error, so `mep init -i - > plan.yaml` keeps them out of the file.
        let mut out = io::stderr().lock();
        match wizard(&mut input, &mut out, &mut answers, args.schulform.is_some(), args.land.is_some()) {
            Ok(true) => defaulted.clear(),
            Ok(false) => {
                output::stderr("\nAbgebrochen: Die Eingabe endete vor der letzten Frage. Es wurde nichts geschrieben.\n");
                return EXIT_TOOL;
            }
            Err(e) => {
                output::error(format_args!("Eingabe nicht lesbar: {}.", fsio::describe_io(&e)));
                return EXIT_TOOL;
            }
        }
    }
    let today = init::today(config.source_date_epoch);
    if to_stdout {
        return match output::stdout(init::skeleton(&answers, today, init::SCHEMA_URL).as_bytes()) {
            Ok(()) => EXIT_OK,
            Err(code) => code,
        };
    }
    let text = init::skeleton(&answers, today, &init::schema_reference(&args.file));
    if args.force {
        let target = match output::check_file(&args.file, &[]) {
            Ok(t) => t,
            Err(code) => return code,
        };
        if let Err(code) = output::write(&output::Dest::File(target), text.as_bytes()) {
            return code;
        }
    } else {
        match output::write_new(&args.file, text.as_bytes()) {
            Ok(()) => {}
            Err(output::WriteNew::Exists) => return refuse_existing(&name),
            Err(output::WriteNew::Failed(code)) => return code,
        }
    }
    let quiet = config.quiet;
    output::status(quiet, format_args!("Vorlage geschrieben: {name}"));
    match init::write_schema_next_to(&args.file, &text) {
        Ok(Some(schema)) => output::status(quiet, format_args!("Schema für Editoren geschrieben: {}", schema.display())),
        Ok(None) => {}
        Err(e) => output::stderr(format_args!(
            "Hinweis: Das Schema für Editoren ({}) konnte nicht geschrieben werden: {}.\n",
            init::SCHEMA_FILE,
            fsio::describe_io(&e)
        )),
    }
    if !defaulted.is_empty() {
        output::status(
            quiet,
            format_args!(
                "Angenommen: {} – passen Sie `schulform` und `land` in der Datei an oder rufen Sie `mep init` mit diesen Optionen auf.",
                defaulted.join(", ")
            ),
        );
    }
    if args.interaktiv {
        output::status(
            quiet,
            format_args!(
                "Nächste Schritte: weitere Abschnitte ausfüllen (dazu das # am Zeilenanfang entfernen), dann prüfen mit `mep validate {name}`."
            ),
        );
    } else {
        output::status(
            quiet,
            format_args!(
                "Nächste Schritte: Platzhalter „{}“ ersetzen, Abschnitte ausfüllen, dann prüfen mit `mep validate {name}`.",
                init::PLACEHOLDER
            ),
        );
    }
    EXIT_OK
}

fn refuse_existing(name: &str) -> u8 {
    output::error(format_args!("Die Datei `{name}` existiert bereits und wird nicht überschrieben."));
    output::stderr(format_args!(
        "  Wählen Sie einen anderen Dateinamen oder überschreiben Sie sie ausdrücklich mit `mep init --force {name}`.\n"
    ));
    EXIT_TOOL
}

fn usage(message: &str) -> u8 {
    output::error(format_args!("{message}\n\nHilfe anzeigen: mep init --help"));
    EXIT_TOOL
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
    parse: impl Fn(&str) -> Result<T, String>,
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
