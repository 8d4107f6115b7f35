//! The command line: arguments → the library calls → printed reports and exit codes.
//!
//! This is the only module that prints. Exit codes: 0 = ok (warnings allowed),
//! 1 = an input has errors, 2 = the tool could not run (unreadable file, bad arguments).
//! Every byte leaves through [`output`]: one place for standard output, files, status lines and errors.

mod completions;
mod edit;
mod explain;
mod init;
pub mod output;
mod render;
pub mod render_pdf;
mod review;
mod rules;
mod schema;
mod validate;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand, ValueEnum};

/// Exit code: everything fine (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one input has errors.
pub const EXIT_INPUT: u8 = 1;
/// Exit code: the tool could not do its job.
pub const EXIT_TOOL: u8 = 2;

const TEMPLATE: &str = "{about-with-newline}\nAufruf: {usage}\n\n{all-args}{after-help}";

/// Prüft Medienentwicklungspläne (DigitalPakt Schule) und erstellt daraus den vollständigen Plan.
#[derive(Debug, Parser)]
#[command(
    name = "mep",
    version,
    help_template = TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Befehle",
    subcommand_value_name = "BEFEHL",
    after_help = "Beispiele:\n  mep bearbeiten plan.yaml\n  mep init --interaktiv plan.yaml\n  mep validate examples/grundschule-niedersachsen.yaml\n\nExit-Codes: 0 = in Ordnung (Warnungen erlaubt), 1 = Fehler im Plan, 2 = Aufruf- oder Werkzeugfehler."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Hilfe anzeigen.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help_heading = "Allgemein")]
    help: Option<bool>,
    /// Version anzeigen.
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help_heading = "Allgemein")]
    version: Option<bool>,
    /// Farbige Ausgabe: `auto` (Standard: nur auf einem Terminal; beachtet NO_COLOR, CLICOLOR_FORCE und TERM=dumb), `always` oder `never`.
    #[arg(
        long = "color",
        visible_alias = "farbe",
        value_name = "WANN",
        value_enum,
        default_value_t = Color::Auto,
        global = true,
        hide_possible_values = true,
        hide_default_value = true,
        help_heading = "Allgemein"
    )]
    color: Color,
    /// Keine Statusmeldungen (z. B. „plan.md geschrieben.“); Fehler erscheinen weiter.
    #[arg(short = 'q', long = "quiet", visible_alias = "still", global = true, help_heading = "Allgemein")]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Öffnet den Plan als Formular im Browser: Befunde am Feld, Vorschau, Speichern, PDF und Excel – alles auf diesem Rechner.
    #[command(
        name = "bearbeiten",
        visible_alias = "edit",
        help_template = TEMPLATE,
        override_usage = "mep bearbeiten [OPTIONEN] <DATEI>",
        after_help = "Beispiele:\n  mep bearbeiten plan.yaml\n  mep bearbeiten --kein-browser plan.yaml\n  mep bearbeiten --land SH --programm digitalpakt-2019 plan.yaml\n\nDer Editor läuft nur auf 127.0.0.1 und ist mit einem Schlüssel in der ausgegebenen Adresse geschützt. Die YAML-Datei bleibt maßgeblich: Kommentare, Reihenfolge und Leerzeilen bleiben beim Speichern erhalten.\nBeenden mit Strg+C; Exit-Code 0, 2 bei Aufruf- oder Werkzeugfehlern."
    )]
    Bearbeiten(edit::Args),
    /// Prüft Pläne und meldet alle Fehler, Warnungen und Hinweise mit Zeile und Spalte.
    #[command(
        help_template = TEMPLATE,
        override_usage = "mep validate [OPTIONEN] <DATEI>...",
        after_help = "Beispiele:\n  mep validate examples/*.yaml\n  mep validate --format json plan.yaml > befunde.json\n  cat plan.yaml | mep validate -\n  mep validate --land SH --programm digitalpakt-2019 plan.yaml\n  mep validate --profile kreis-profil.yaml plan.yaml\n\nOhne --programm und --land gelten Programm und Land aus dem Plan."
    )]
    Validate(validate::Args),
    /// Erstellt aus einem Plan das vollständige Dokument als Markdown, PDF/A oder JSON; Pläne mit Fehlern nur als Entwurf.
    #[command(
        help_template = TEMPLATE,
        override_usage = "mep render [OPTIONEN] <DATEI>...",
        after_help = "Beispiele:\n  mep render plan.yaml                      # schreibt plan.md\n  mep render --format json plan.yaml        # schreibt plan.json\n  mep render plan.yaml -o - | less\n  mep render --templates meine-vorlagen plan.yaml\n  mep render --entwurf plan.yaml\n\nExit-Codes: 0 = ausgegeben, 1 = Plan hat Fehler (nichts ausgegeben), 2 = Aufruf- oder Werkzeugfehler."
    )]
    Render(render::Args),
    /// Prüft viele Pläne auf einmal und fasst sie für den Schulträger zusammen: Tabelle, Summen, schulübergreifende Regeln.
    #[command(
        help_template = TEMPLATE,
        override_usage = "mep review [OPTIONEN] <PFAD>...",
        after_help = "Beispiele:\n  mep review plaene/\n  mep review plaene/ --traeger traeger.yaml\n  mep review plaene/ --traeger traeger.yaml --format md -o uebersicht.md\n  mep review plaene/*.yaml --format csv -o uebersicht.csv\n  mep review plaene/ --traeger traeger.yaml --format pdf -o uebersicht.pdf\n\nExit-Codes: 0 = kein Plan mit Fehlern (Warnungen erlaubt), 1 = mindestens ein Plan oder der Schulträger mit Fehlern, 2 = Aufruf- oder Werkzeugfehler (z. B. Datei nicht lesbar)."
    )]
    Review(review::Args),
    /// Listet die Regeln mit Code, Schweregrad und Titel – auf Wunsch für ein Programm, ein Land oder ein eigenes Profil.
    #[command(
        help_template = TEMPLATE,
        override_usage = "mep rules [OPTIONEN]",
        after_help = "Beispiele:\n  mep rules\n  mep rules --land SH --programm digitalpakt-2019\n  mep rules --land BW --format md > regeln-bw.md\n  mep rules --profile kreis-profil.yaml --format json\n\nMit --land oder --profile zeigt die Liste auch die Parameter des Profils mit ihren Quellen."
    )]
    Rules(rules::Args),
    /// Erklärt eine Regel: was sie prüft, warum, wie man den Befund behebt, mit Beispielen und Quellen.
    #[command(
        help_template = TEMPLATE,
        override_usage = "mep explain <CODE>",
        after_help = "Beispiele:\n  mep explain DP-MOBIL-OBERGRENZE\n  mep explain ds-avv\n\nDer Code steht in jeder Meldung von `mep validate` in eckigen Klammern."
    )]
    Explain(explain::Args),
    /// Schreibt eine neue, kommentierte Plan-Vorlage – auf Wunsch nach Abfrage der wichtigsten Angaben.
    #[command(
        help_template = TEMPLATE,
        override_usage = "mep init [OPTIONEN] [DATEI]",
        after_help = "Beispiele:\n  mep init --schulform gymnasium --land BW plan.yaml\n  mep init --interaktiv\n  mep init --force plan.yaml\n  mep init --land BY - | less\n\nEine vorhandene Datei wird nur mit --force überschrieben (sonst Exit-Code 2)."
    )]
    Init(init::Args),
    /// Gibt das JSON-Schema der Plan-Dateien aus (für Editoren mit YAML-Unterstützung).
    #[command(
        help_template = TEMPLATE,
        after_help = "Beispiele:\n  mep schema > mep.schema.json\n  mep schema --traeger > traeger.schema.json\n\nIm Editor einbinden mit der ersten Zeile der Plan-Datei:\n  # yaml-language-server: $schema=mep.schema.json"
    )]
    Schema(schema::Args),
    /// Gibt die Vervollständigung für eine Shell aus (bash, zsh, fish, powershell, elvish).
    #[command(
        help_template = TEMPLATE,
        after_help = "Beispiele:\n  mep completions bash > ~/.local/share/bash-completion/completions/mep\n  mep completions zsh > ~/.zfunc/_mep\n  mep completions fish > ~/.config/fish/completions/mep.fish\n  mep completions powershell >> $PROFILE"
    )]
    Completions(completions::Args),
    /// Gibt die Handbuchseite (man page, roff) aus.
    #[command(
        help_template = TEMPLATE,
        after_help = "Beispiele:\n  mep man > mep.1 && man ./mep.1\n  mep man init > mep-init.1"
    )]
    Man(completions::ManArgs),
}

/// Whether coloured output is wanted (`--color`, German `--farbe`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Farbe nur auf einem Terminal; beachtet NO_COLOR, CLICOLOR_FORCE und TERM=dumb.
    #[default]
    Auto,
    /// Immer Farbe.
    #[value(alias = "immer")]
    Always,
    /// Nie Farbe.
    #[value(alias = "nie")]
    Never,
}

impl Color {
    /// Resolves `auto` for one stream against the terminal and the environment (via `anstream`).
    #[must_use]
    pub fn enabled<S: anstream::stream::RawStream>(self, stream: &S) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never,
        }
    }
}

/// What every command needs from the global flags and the environment, resolved once per run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Config {
    /// Colour on standard output.
    pub colour_out: bool,
    /// Colour on standard error.
    pub colour_err: bool,
    /// No status lines.
    pub quiet: bool,
    /// `SOURCE_DATE_EPOCH`: seconds since 1970 for reproducible dates (PDF creation time, `init`'s `stand`).
    pub source_date_epoch: Option<i64>,
}

impl Config {
    fn resolve(cli: &Cli) -> Self {
        Self {
            colour_out: cli.color.enabled(&std::io::stdout()),
            colour_err: cli.color.enabled(&std::io::stderr()),
            quiet: cli.quiet,
            source_date_epoch: source_date_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref()),
        }
    }
}

/// The one parser of `SOURCE_DATE_EPOCH`: whole seconds, surrounding blanks allowed; anything else is ignored.
#[must_use]
pub fn source_date_epoch(value: Option<&str>) -> Option<i64> {
    value.and_then(|v| v.trim().parse::<i64>().ok())
}

/// The input size limit (`--max-groesse`), shared by every command that reads plans.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Größte erlaubte Dateigröße in Bytes (Standard: 5 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = crate::load::Limits::default().max_bytes, hide_default_value = true, help_heading = "Optionen")]
    max_groesse: usize,
}

impl LimitArgs {
    /// The limits of this run.
    #[must_use]
    pub fn limits(&self) -> crate::load::Limits {
        crate::load::Limits { max_bytes: self.max_groesse, ..crate::load::Limits::default() }
    }
}

/// The templates of a run: built in, or a `--templates` directory over them; read once.
pub struct Templates {
    /// Markdown (tera) templates.
    pub markdown: crate::render::markdown::Templates,
    /// Typst templates for PDF.
    pub typst: crate::render::pdf::Templates,
}

impl Templates {
    /// Reads the directory's Markdown templates, or with `pdf` its typst templates; `Err` is exit code 2 after the message.
    pub fn resolve(dir: Option<&Path>, pdf: bool) -> Result<Self, u8> {
        let mut t = Self { markdown: crate::render::markdown::Templates::builtin(), typst: crate::render::pdf::Templates::embedded() };
        let Some(dir) = dir else { return Ok(t) };
        let read = if pdf {
            crate::render::pdf::Templates::with_dir(dir).map(|x| t.typst = x).map_err(|e| e.message)
        } else {
            crate::render::markdown::Templates::with_dir(dir).map(|x| t.markdown = x).map_err(|e| e.to_string())
        };
        match read {
            Ok(()) => Ok(t),
            Err(message) => {
                output::error(message);
                Err(EXIT_TOOL)
            }
        }
    }
}

/// Parses arguments and runs the command; returns the process exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(report_clap_error(&e)),
    };
    let config = Config::resolve(&cli);
    let code = match cli.command {
        Command::Bearbeiten(args) => edit::run(&args, &config),
        Command::Validate(args) => validate::run(&args, &config),
        Command::Render(args) => render::run(&args, &config),
        Command::Review(args) => review::run(&args, &config),
        Command::Rules(args) => rules::run(&args, &config),
        Command::Explain(args) => explain::run(&args),
        Command::Init(args) => init::run(&args, &config),
        Command::Schema(args) => schema::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => completions::run_man(&args),
    };
    ExitCode::from(code)
}

/// Prints a clap error in German; help and version go to stdout with exit 0.
fn report_clap_error(e: &clap::Error) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match output::stdout(e.render().to_string().as_bytes()) {
            Ok(()) => EXIT_OK,
            Err(code) => code,
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            output::error("Es fehlt der Befehl.\n\nAufruf: mep BEFEHL [OPTIONEN]\nBefehle anzeigen: mep --help");
            EXIT_TOOL
        }
        kind => {
            let arg = context(e, ContextKind::InvalidArg);
            let value = context(e, ContextKind::InvalidValue);
            let valid = context(e, ContextKind::ValidValue);
            let suggested = context(e, ContextKind::SuggestedArg).or_else(|| context(e, ContextKind::SuggestedSubcommand));
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
            output::error(format_args!("{msg}\n\nHilfe anzeigen: mep --help"));
            EXIT_TOOL
        }
    }
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
