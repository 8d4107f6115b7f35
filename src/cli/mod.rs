//! The command line: arguments → the library calls → printed reports and exit codes.
//!
//! This is the only module that prints. Exit codes: 0 = ok (warnings allowed),
//! 1 = an input has errors, 2 = the tool could not run (unreadable file, bad arguments).
//! Every byte leaves through [`output`]: one place for standard output, files, status lines and errors.
//!
//! # Names: German first, English always
//!
//! Every command and every long flag answers to a German and an English name. The German
//! one is the name clap knows, the English one its single `visible_alias`, so help, man page
//! and completions show the German name first:
//!
//! ```text
//! #[command(name = "pruefen", visible_alias = "validate")]              // a command
//! #[arg(long = "vorlagen", visible_alias = "templates")]                 // a flag
//! #[arg(long, value_parser = names::keys(Land::ALL, Land::key))]        // a model choice
//! ```
//!
//! A word that is the same in both languages (`--format`, `schema`) goes into
//! [`names::SAME_IN_BOTH`] instead. German words are written without umlauts (`pruefen`,
//! `--ueberschreiben`). Choices from the model (`Land`, `Programm`, `Schulform`) are typed
//! with [`names::keys`]: spelled exactly as in YAML, with the same „Meinten Sie …?“ on a near
//! miss. A test calls every name of the tree; the README table is generated from it.
//!
//! # Errors
//!
//! A command returns [`error::Result`]: `Ok(Exit)` when it did its job, [`error::Error`] (a
//! German message and the exit code) when it stopped early; helpers return the same error,
//! so commands use `?`. Each `--format` enum is called `Format` in its command's module.

mod completions;
mod diff;
mod edit;
pub mod error;
mod explain;
mod init;
pub mod names;
pub mod output;
mod render;
pub mod render_pdf;
mod review;
mod rules;
mod schema;
mod traegerplan;
mod usage;
mod validate;
mod vorlagen;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use error::{Error, Exit};

const TEMPLATE: &str = "{about-with-newline}\nAufruf: {usage}\n\n{all-args}{after-help}";

/// Prüft Medienentwicklungspläne (DigitalPakt Schule) und erstellt daraus den vollständigen Plan.
#[derive(Debug, Parser)]
#[command(
    name = "mep",
    version,
    help_template = TEMPLATE,
    override_usage = "mep [OPTIONEN] <BEFEHL>",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Befehle",
    subcommand_value_name = "BEFEHL",
    after_help = "Jeder Befehl und jede Option hat einen deutschen und einen englischen Namen; beide gelten \
(z. B. `mep pruefen` = `mep validate`, `--vorlagen` = `--templates`).\n\n\
Beispiele:\n  mep bearbeiten plan.yaml\n  mep anlegen --interaktiv plan.yaml\n  mep pruefen examples/grundschule-niedersachsen.yaml\n\n\
Exit-Codes: 0 = in Ordnung (Warnungen erlaubt), 1 = Fehler im Plan, 2 = Aufruf- oder Werkzeugfehler."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Hilfe anzeigen.
    #[arg(short = 'h', long = "hilfe", visible_alias = "help", action = ArgAction::Help, global = true, help_heading = "Allgemein")]
    help: Option<bool>,
    /// Version anzeigen.
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help_heading = "Allgemein")]
    version: Option<bool>,
    /// Farbige Ausgabe: `auto` (Standard: nur auf einem Terminal; beachtet NO_COLOR, CLICOLOR_FORCE und TERM=dumb), `immer` oder `nie`.
    #[arg(
        long = "farbe",
        visible_alias = "color",
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
    #[arg(short = 'q', long = "still", visible_alias = "quiet", global = true, help_heading = "Allgemein")]
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
        name = "pruefen",
        visible_alias = "validate",
        help_template = TEMPLATE,
        override_usage = "mep pruefen [OPTIONEN] <DATEI>...",
        after_help = "Beispiele:\n  mep pruefen examples/*.yaml\n  mep pruefen --format json plan.yaml > befunde.json\n  cat plan.yaml | mep pruefen -\n  mep pruefen --land SH --programm digitalpakt-2019 plan.yaml\n  mep pruefen --profil kreis-profil.yaml plan.yaml\n\nOhne --programm und --land gelten Programm und Land aus dem Plan."
    )]
    Validate(validate::Args),
    /// Erstellt aus einem Plan das vollständige Dokument als Markdown, PDF/A oder JSON; Pläne mit Fehlern nur als Entwurf.
    #[command(
        name = "erstellen",
        visible_alias = "render",
        help_template = TEMPLATE,
        override_usage = "mep erstellen [OPTIONEN] <DATEI>...",
        after_help = "Beispiele:\n  mep erstellen plan.yaml                      # schreibt plan.md\n  mep erstellen --format json plan.yaml        # schreibt plan.json\n  mep erstellen plan.yaml -o - | less\n  mep erstellen --vorlagen meine-vorlagen plan.yaml\n  mep erstellen --entwurf plan.yaml\n\nExit-Codes: 0 = ausgegeben, 1 = Plan hat Fehler (nichts ausgegeben), 2 = Aufruf- oder Werkzeugfehler."
    )]
    Render(render::Args),
    /// Prüft viele Pläne auf einmal und fasst sie für den Schulträger zusammen: Tabelle, Summen, schulübergreifende Regeln.
    #[command(
        name = "uebersicht",
        visible_alias = "review",
        help_template = TEMPLATE,
        override_usage = "mep uebersicht [OPTIONEN] <PFAD>...",
        after_help = "Beispiele:\n  mep uebersicht plaene/\n  mep uebersicht plaene/ --traeger traeger.yaml\n  mep uebersicht plaene/ --traeger traeger.yaml --format md -o uebersicht.md\n  mep uebersicht plaene/*.yaml --format csv -o uebersicht.csv\n  mep uebersicht plaene/ --traeger traeger.yaml --format pdf -o uebersicht.pdf\n\nExit-Codes: 0 = kein Plan mit Fehlern (Warnungen erlaubt), 1 = mindestens ein Plan oder der Schulträger mit Fehlern, 2 = Aufruf- oder Werkzeugfehler (z. B. Datei nicht lesbar)."
    )]
    Review(review::Args),
    /// Erstellt den Medienentwicklungsplan des Schulträgers aus seiner Datei und den Plänen der Schulen: Bestand, Soll, Support, Finanzplan.
    #[command(
        name = "traegerplan",
        visible_alias = "authority-plan",
        help_template = TEMPLATE,
        override_usage = "mep traegerplan [OPTIONEN] --traeger <DATEI> <PFAD>...",
        after_help = "Beispiele:\n  mep traegerplan --traeger traeger.yaml plaene/ -o medienentwicklungsplan.md\n  mep traegerplan --traeger traeger.yaml plaene/ --format pdf -o medienentwicklungsplan.pdf\n  mep traegerplan --traeger traeger.yaml plaene/ --format json -o traegerplan.json\n  mep traegerplan --traeger traeger.yaml plaene/ --format xlsx -o finanzplan.xlsx\n\nExit-Codes: 0 = ausgegeben (Warnungen erlaubt), 1 = Schulträger-Datei oder ein Plan mit Fehlern (ausgegeben, sofern die Schulträger-Datei lesbar ist), 2 = Aufruf- oder Werkzeugfehler."
    )]
    Traegerplan(traegerplan::Args),
    /// Vergleicht zwei Fassungen eines Plans oder einer Schulträger-Datei inhaltlich: Einträge, Beträge, Befunde, geänderte Texte.
    #[command(
        name = "vergleichen",
        visible_alias = "diff",
        help_template = TEMPLATE,
        override_usage = "mep vergleichen [OPTIONEN] <ALT> <NEU>",
        after_help = "Beispiele:\n  mep vergleichen runde-1/oberschule.yaml runde-2/oberschule.yaml\n  mep vergleichen alt.yaml neu.yaml --format md -o rueckmeldung.md\n  mep vergleichen alt.pdf neu.pdf --format json\n  mep vergleichen traeger-2026.yaml traeger-2027.yaml\n\nKommentare, Reihenfolge und Schreibweise allein sind kein Unterschied.\nExit-Codes: 0 = inhaltlich gleich, 1 = verschieden, 2 = eine Datei ist nicht lesbar oder der Aufruf war falsch."
    )]
    Diff(diff::Args),
    /// Listet die Regeln mit Code, Schweregrad und Titel – auf Wunsch für ein Programm, ein Land oder ein eigenes Profil.
    #[command(
        name = "regeln",
        visible_alias = "rules",
        help_template = TEMPLATE,
        override_usage = "mep regeln [OPTIONEN]",
        after_help = "Beispiele:\n  mep regeln\n  mep regeln --land SH --programm digitalpakt-2019\n  mep regeln --land BW --format md > regeln-bw.md\n  mep regeln --profil kreis-profil.yaml --format json\n\nMit --land oder --profil zeigt die Liste auch die Parameter des Profils mit ihren Quellen."
    )]
    Rules(rules::Args),
    /// Erklärt eine Regel: was sie prüft, warum, wie man den Befund behebt, mit Beispielen und Quellen.
    #[command(
        name = "erklaeren",
        visible_alias = "explain",
        help_template = TEMPLATE,
        override_usage = "mep erklaeren <CODE>",
        after_help = "Beispiele:\n  mep erklaeren DP-MOBIL-OBERGRENZE\n  mep erklaeren ds-avv\n\nDer Code steht in jeder Meldung von `mep pruefen` in eckigen Klammern."
    )]
    Explain(explain::Args),
    /// Schreibt eine neue, kommentierte Plan-Vorlage – auf Wunsch nach Abfrage der wichtigsten Angaben.
    #[command(
        name = "anlegen",
        visible_alias = "init",
        help_template = TEMPLATE,
        override_usage = "mep anlegen [OPTIONEN] [DATEI]",
        after_help = "Beispiele:\n  mep anlegen --schulform gymnasium --land BW plan.yaml\n  mep anlegen --interaktiv\n  mep anlegen --ueberschreiben plan.yaml\n  mep anlegen --land BY - | less\n\nEine vorhandene Datei wird nur mit --ueberschreiben ersetzt (sonst Exit-Code 2)."
    )]
    Init(init::Args),
    /// Gibt das JSON-Schema der Plan-Dateien aus (für Editoren mit YAML-Unterstützung).
    #[command(
        name = "schema",
        help_template = TEMPLATE,
        override_usage = "mep schema [OPTIONEN]",
        after_help = "Beispiele:\n  mep schema > mep.schema.json\n  mep schema --traeger > traeger.schema.json\n\nIm Editor einbinden mit der ersten Zeile der Plan-Datei:\n  # yaml-language-server: $schema=mep.schema.json"
    )]
    Schema(schema::Args),
    /// Gibt die Vervollständigung für eine Shell aus (bash, zsh, fish, powershell, elvish).
    #[command(
        name = "vervollstaendigung",
        visible_alias = "completions",
        help_template = TEMPLATE,
        override_usage = "mep vervollstaendigung <SHELL>",
        after_help = "Beispiele:\n  mep vervollstaendigung bash > ~/.local/share/bash-completion/completions/mep\n  mep vervollstaendigung zsh > ~/.zfunc/_mep\n  mep vervollstaendigung fish > ~/.config/fish/completions/mep.fish\n  mep vervollstaendigung powershell >> $PROFILE"
    )]
    Completions(completions::Args),
    /// Gibt die Handbuchseite (man page, roff) aus.
    #[command(
        name = "handbuch",
        visible_alias = "man",
        help_template = TEMPLATE,
        override_usage = "mep handbuch [BEFEHL]",
        after_help = "Beispiele:\n  mep handbuch > mep.1 && man ./mep.1\n  mep handbuch anlegen > mep-anlegen.1"
    )]
    Man(completions::ManArgs),
    /// Vorlagenpakete exportieren und prüfen.
    #[command(
        name = "vorlagen",
        visible_alias = "templates",
        help_template = TEMPLATE,
        override_usage = "mep vorlagen <BEFEHL>",
        subcommand_value_name = "BEFEHL",
        subcommand_help_heading = "Befehle",
        after_help = "Beispiele:\n  mep vorlagen exportieren meine-vorlagen\n  mep vorlagen pruefen meine-vorlagen\n  mep erstellen --vorlagen meine-vorlagen --format pdf plan.yaml\n\nExit-Codes: 0 = keine Befunde, 1 = Befunde im Paket, 2 = Aufruf- oder Werkzeugfehler."
    )]
    #[command(subcommand)]
    Vorlagen(vorlagen::Args),
}

/// Whether coloured output is wanted (`--farbe`, English `--color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Farbe nur auf einem Terminal; beachtet NO_COLOR, CLICOLOR_FORCE und TERM=dumb.
    #[default]
    Auto,
    /// Immer Farbe.
    #[value(name = "immer", alias = "always")]
    Always,
    /// Nie Farbe.
    #[value(name = "nie", alias = "never")]
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
    #[arg(long = "max-groesse", visible_alias = "max-size", value_name = "BYTES", default_value_t = crate::load::Limits::default().max_bytes, hide_default_value = true, help_heading = "Optionen")]
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
    /// Reads the directory's Markdown templates, or with `pdf` its typst templates.
    ///
    /// A directory with a manifest (`vorlagen.yaml`) is a template pack: both families, its images and
    /// settings; a directory without one is read as before, with a hint to export a pack.
    pub fn resolve(dir: Option<&Path>, pdf: bool, config: &Config) -> error::Result<Self> {
        let mut t = Self { markdown: crate::render::markdown::Templates::builtin(), typst: crate::render::pdf::Templates::embedded() };
        let Some(dir) = dir else { return Ok(t) };
        if dir.join(crate::render::pack::manifest::MANIFEST).exists() {
            let (markdown, typst) = vorlagen::load_pack(dir, config)?;
            return Ok(Self { markdown, typst });
        }
        if dir.is_dir() {
            output::status(
                config.quiet,
                format_args!(
                    "Hinweis: `{}` hat kein Manifest `vorlagen.yaml` und wird wie ein Vorlagenordner früherer Versionen gelesen. \
                     `mep vorlagen exportieren NEUER-ORDNER` legt ein vollständiges Vorlagenpaket an, das `mep vorlagen pruefen` prüfen kann.",
                    dir.display()
                ),
            );
        }
        if pdf {
            t.typst = crate::render::pdf::Templates::with_dir(dir).map_err(|e| Error::tool(e.message))?;
        } else {
            t.markdown = crate::render::markdown::Templates::with_dir(dir).map_err(Error::tool)?;
        }
        Ok(t)
    }
}

/// The whole command tree as clap sees it (for the man page, completions, tests and the README table).
#[must_use]
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses arguments and runs the command; returns the process exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let parsed = command().try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage::report(&e).into(),
    };
    let config = Config::resolve(&cli);
    let result = match cli.command {
        Command::Bearbeiten(args) => edit::run(&args, &config),
        Command::Validate(args) => validate::run(&args, &config),
        Command::Render(args) => render::run(&args, &config),
        Command::Review(args) => review::run(&args, &config),
        Command::Traegerplan(args) => traegerplan::run(&args, &config),
        Command::Diff(args) => diff::run(&args, &config),
        Command::Rules(args) => rules::run(&args, &config),
        Command::Explain(args) => explain::run(&args),
        Command::Init(args) => init::run(&args, &config),
        Command::Schema(args) => schema::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => completions::run_man(&args),
        Command::Vorlagen(args) => vorlagen::run(&args, &config),
    };
    error::finish(result).into()
}
