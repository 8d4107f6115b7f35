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
    /// Statt eines Plans eine kommentierte Schulträger-Datei schreiben (für `mep uebersicht` und `mep traegerplan`; Standard: traeger.yaml).
    #[arg(long = "traeger", visible_alias = "authority", conflicts_with_all = ["interaktiv", "schulform"], help_heading = "Optionen")]
    traeger: bool,
}

pub fn run(args: &Args, config: &Config) -> Result {
    if args.traeger {
        return run_traeger(args, config);
    }
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

/// `mep anlegen --traeger`: the commented Schulträger skeleton.
fn run_traeger(args: &Args, config: &Config) -> Result {
    let file = if args.file == Path::new(DEFAULT_FILE) { PathBuf::from("traeger.yaml") } else { args.file.clone() };
    let name = file.display().to_string();
    let text = init::traeger_skeleton(args.land.unwrap_or(Land::Nw), args.programm);
    if name == "-" {
        return output::emit(text.as_bytes());
    }
    if args.force {
        let target = output::check_file(&file, &[])?;
        output::write(&output::Dest::File(target), text.as_bytes())?;
    } else if !output::write_new(&file, text.as_bytes())? {
        return Err(refuse_existing(&name));
    }
    output::status(config.quiet, format_args!("Vorlage der Schulträger-Datei geschrieben: {name}"));
    output::status(config.quiet, format_args!("Weiter: Angaben ausfüllen, dann  mep traegerplan --traeger {name} PLAENE/"));
    Ok(Exit::Ok)
}

/// Runs the questions in the terminal; questions go to standard error, so `mep anlegen -i - > plan.yaml`
/// keeps them out of the file.
fn ask_all(answers: &mut Answers, args: &Args) -> Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = io::stderr().lock();
    match wizard(&mut input, &mut out, answers, args.schulform.is_some(), args.land.is_some()) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(stop)) => {
            output::stderr(format_args!("\n{}\n", stop.message()));
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

/// Why the wizard stopped before the last answer.
#[derive(Debug, PartialEq, Eq)]
enum Stop {
    /// The input ended.
    Eof,
    /// One question was answered wrongly [`MAX_TRIES`] times.
    Tries(String),
    /// A line went on past [`MAX_DISCARD`] bytes without a line break.
    Endless,
}

impl Stop {
    fn message(&self) -> String {
        match self {
            Stop::Eof => "Abgebrochen: Die Eingabe endete vor der letzten Frage. Es wurde nichts geschrieben.".to_owned(),
            Stop::Tries(q) => format!(
                "Abgebrochen: Die Frage „{q}“ wurde {MAX_TRIES}-mal ungültig beantwortet. Es wurde nichts geschrieben. \
                 Rufen Sie `mep anlegen --interaktiv` erneut auf oder schreiben Sie die Vorlage mit `mep anlegen` ohne Fragen."
            ),
            Stop::Endless => {
                format!("Abgebrochen: Eine Eingabezeile ist länger als {} MiB. Es wurde nichts geschrieben.", MAX_DISCARD >> 20)
            }
        }
    }
}

/// Longest answer line kept, in bytes (a name has at most 200 characters, up to 800 bytes).
const MAX_LINE: usize = 4096;
/// Longest line skipped as one overlong answer before the wizard gives up.
const MAX_DISCARD: usize = 1 << 20;
/// Most invalid answers to one question.
const MAX_TRIES: usize = 5;

/// Asks the essential questions; `Ok(Err(stop))` when the wizard stops early.
fn wizard<R: BufRead, W: Write>(
    input: &mut R,
    out: &mut W,
    a: &mut Answers,
    has_kind: bool,
    has_land: bool,
) -> io::Result<std::result::Result<(), Stop>> {
    writeln!(out, "Neuer Medienentwicklungsplan – bitte beantworten Sie acht Fragen. Eingabetaste übernimmt den Wert in [Klammern].")?;
    let kinds = Schulform::ALL.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ");
    let lands = Land::ALL.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ");
    let kind_default = has_kind.then(|| a.kind.key());
    let land_default = has_land.then(|| a.land.key());
    macro_rules! ask {
        ($q:expr, $d:expr, $p:expr) => {
            match ask(input, out, $q, $d, $p)? {
                Ok(v) => v,
                Err(stop) => return Ok(Err(stop)),
            }
        };
    }
    let name = ask!("Name der Schule", None, |s| init::parse_text(s, "den Namen der Schule"));
    let number = ask!("Schulnummer", None, init::parse_schulnummer);
    let kind = ask!(&format!("Schulform ({kinds})"), kind_default, init::parse_schulform);
    let land = ask!(&format!("Bundesland ({lands})"), land_default, init::parse_land);
    let pupils = ask!("Anzahl der Schülerinnen und Schüler", None, |s| init::parse_count(s, "Schülerzahl", 1));
    let teachers = ask!("Anzahl der Lehrkräfte", None, |s| init::parse_count(s, "Lehrkräfte", 1));
    let rooms = ask!("Anzahl der Unterrichtsräume", None, |s| init::parse_count(s, "Unterrichtsräume", 1));
    let provider = ask!("Name des Schulträgers", None, |s| init::parse_text(s, "den Namen des Schulträgers"));
    a.name = Some(name);
    a.number = Some(number);
    a.kind = kind;
    a.land = land;
    a.pupils = Some(pupils);
    a.teachers = Some(teachers);
    a.classrooms = Some(rooms);
    a.provider = Some(provider);
    Ok(Ok(()))
}

/// One line of input, read under [`MAX_LINE`].
enum Line {
    /// The input ended before any byte.
    Eof,
    /// A line (without its line break), at most [`MAX_LINE`] bytes.
    Text(Vec<u8>),
    /// A line longer than [`MAX_LINE`] bytes, skipped up to its line break.
    TooLong,
}

/// Reads one line: keeps at most [`MAX_LINE`] bytes, skips the rest of a longer line, and
/// gives up on a line without a line break after [`MAX_DISCARD`] bytes (`< /dev/zero`).
fn read_line<R: BufRead>(input: &mut R) -> io::Result<std::result::Result<Line, Stop>> {
    let mut kept = Vec::new();
    let mut seen = 0usize;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(Ok(match (seen, seen > MAX_LINE) {
                (0, _) => Line::Eof,
                (_, true) => Line::TooLong,
                (_, false) => Line::Text(kept),
            }));
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        seen = seen.saturating_add(chunk.len());
        if kept.len() < MAX_LINE + 1 {
            kept.extend_from_slice(&chunk[..chunk.len().min(MAX_LINE + 1 - kept.len())]);
        }
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            return Ok(Ok(if seen > MAX_LINE { Line::TooLong } else { Line::Text(kept) }));
        }
        if seen > MAX_DISCARD {
            return Ok(Err(Stop::Endless));
        }
    }
}

/// Asks one question until the answer parses, at most [`MAX_TRIES`] times.
fn ask<R: BufRead, W: Write, T>(
    input: &mut R,
    out: &mut W,
    question: &str,
    default: Option<&str>,
    parse: impl Fn(&str) -> std::result::Result<T, String>,
) -> io::Result<std::result::Result<T, Stop>> {
    for _ in 0..MAX_TRIES {
        match default {
            Some(d) => write!(out, "{question} [{d}]: ")?,
            None => write!(out, "{question}: ")?,
        }
        out.flush()?;
        let problem = match read_line(input)? {
            Err(stop) => return Ok(Err(stop)),
            Ok(Line::Eof) => return Ok(Err(Stop::Eof)),
            Ok(Line::TooLong) => format!("Die Eingabe ist länger als {MAX_LINE} Bytes."),
            Ok(Line::Text(bytes)) => match String::from_utf8(bytes) {
                Err(_) => "Die Eingabe ist kein UTF-8-Text; stellen Sie das Terminal auf UTF-8 um.".to_owned(),
                Ok(line) => {
                    let answer = match (line.trim(), default) {
                        ("", Some(d)) => d,
                        (s, _) => s,
                    };
                    match parse(answer) {
                        Ok(v) => return Ok(Ok(v)),
                        Err(msg) => msg,
                    }
                }
            },
        };
        writeln!(out, "  Ungültig: {} Bitte erneut eingeben.", printable(&problem))?;
    }
    Ok(Err(Stop::Tries(question.split(" (").next().unwrap_or(question).to_owned())))
}

/// A message fit for the terminal: control characters (escape sequences), line and paragraph
/// separators and bidirectional overrides from an echoed answer become `�`.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wizard_reasks_until_valid() {
        let script = "\nGrundschule am Markt\n12 34\n162437\ngrundschul\ngrundschule\nnrw\nNW\nviele\n0\n210\n14\n9\nStadt Musterstadt\n";
        let mut out = Vec::new();
        let mut a = Answers::default();
        assert_eq!(wizard(&mut script.as_bytes(), &mut out, &mut a, false, false).unwrap(), Ok(()));
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains("Meinten Sie `grundschule`?"), "{shown}");
        assert_eq!(shown.matches("Ungültig:").count(), 6, "{shown}");
        assert_eq!(a.name.as_deref(), Some("Grundschule am Markt"));
        assert_eq!((a.kind, a.land, a.pupils, a.teachers, a.classrooms), (Schulform::Grundschule, Land::Nw, Some(210), Some(14), Some(9)));
    }

    #[test]
    fn wizard_stops_at_end_of_input() {
        let mut a = Answers::default();
        assert_eq!(wizard(&mut "Schule\n".as_bytes(), &mut Vec::new(), &mut a, false, false).unwrap(), Err(Stop::Eof));
    }

    #[test]
    fn endless_input_is_bounded() {
        // `< /dev/zero`: one line without a break; memory stays at MAX_LINE, the wizard gives up.
        let mut zeros = io::BufReader::new(io::repeat(0));
        let mut a = Answers::default();
        assert_eq!(wizard(&mut zeros, &mut Vec::new(), &mut a, false, false).unwrap(), Err(Stop::Endless));
        // `yes |`: endless invalid answers; the wizard gives up after MAX_TRIES.
        let yes = "y\n".repeat(100_000);
        let mut out = Vec::new();
        let stop = wizard(&mut yes.as_bytes(), &mut out, &mut a, false, false).unwrap();
        assert_eq!(stop, Err(Stop::Tries("Schulnummer".to_owned())));
        assert_eq!(String::from_utf8(out).unwrap().matches("Ungültig").count(), MAX_TRIES);
    }

    #[test]
    fn long_lines_and_odd_characters_are_refused_and_echoed_safely() {
        let long = "x".repeat(MAX_LINE + 10);
        let script = long + "\nA\u{2028}B\n\u{feff}Schule\nSchule\u{FDD0}\nSchule \u{1b}[31mrot\n";
        let mut out = Vec::new();
        let mut a = Answers::default();
        let stop = wizard(&mut script.as_bytes(), &mut out, &mut a, false, false).unwrap();
        assert_eq!(stop, Err(Stop::Tries("Name der Schule".to_owned())));
        let shown = String::from_utf8(out).unwrap();
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(shown.contains("länger als 4096 Bytes"), "{shown}");
        assert!(shown.contains("U+2028") && shown.contains("U+FEFF") && shown.contains("U+FDD0") && shown.contains("U+001B"), "{shown}");
    }
}
