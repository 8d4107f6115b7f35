//! `mep bearbeiten` (`edit`): start the local form editor and report where it runs.

use std::path::PathBuf;

use super::output;
use super::{Config, EXIT_OK, EXIT_TOOL};
use crate::edit::{self, App, Guard, Options, Session};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan-Datei (YAML). Gibt es sie noch nicht, fragt die erste Seite nach Land und Schulform; angelegt wird sie beim ersten Speichern.
    #[arg(value_name = "DATEI", help_heading = "Argumente")]
    file: PathBuf,
    /// Verzeichnis mit eigenen Vorlagen für Vorschau und PDF (wie bei `mep render`).
    #[arg(long = "vorlagen", visible_alias = "templates", value_name = "VERZEICHNIS", help_heading = "Optionen")]
    templates: Option<PathBuf>,
    /// Keinen Browser öffnen, nur die Adresse ausgeben.
    #[arg(long = "kein-browser", visible_alias = "no-browser", help_heading = "Optionen")]
    no_browser: bool,
    #[command(flatten)]
    limits: super::LimitArgs,
    #[command(flatten)]
    profile: super::rules::ProfileArgs,
}

pub fn run(args: &Args, config: &Config) -> u8 {
    let choice = match args.profile.choice(config) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let (markdown, typst) =
        match (super::Templates::resolve(args.templates.as_deref(), false), super::Templates::resolve(args.templates.as_deref(), true)) {
            (Ok(md), Ok(pdf)) => (md.markdown, pdf.typst),
            (Err(code), _) | (_, Err(code)) => return code,
        };
    let limits = args.limits.limits();
    let options = Options { path: args.file.clone(), limits, choice, markdown, typst, source_date_epoch: config.source_date_epoch };
    let session = match Session::open(options) {
        Ok(s) => s,
        Err(message) => {
            output::error(message);
            return EXIT_TOOL;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build() {
        Ok(r) => r,
        Err(e) => {
            output::error(format_args!("Der Editor kann nicht gestartet werden: {e}."));
            return EXIT_TOOL;
        }
    };
    let listener = match std::net::TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.set_nonblocking(true).map(|()| l)) {
        Ok(l) => l,
        Err(e) => {
            output::error(format_args!("Der Editor findet keinen freien Anschluss auf 127.0.0.1: {}.", crate::fsio::describe_io(&e)));
            return EXIT_TOOL;
        }
    };
    let port = listener.local_addr().map_or(0, |a| a.port());
    let guard = match Guard::new(port, limits.max_bytes) {
        Ok(g) => g,
        Err(e) => {
            output::error(format_args!("Der Editor kann keinen Schlüssel erzeugen: {e}."));
            return EXIT_TOOL;
        }
    };
    let url = guard.start_url();
    let app = App::new(session, guard);
    let name = args.file.display();
    output::status(config.quiet, format_args!("Editor für {name} läuft (nur auf diesem Rechner erreichbar)."));
    if let Err(code) = output::stdout(format!("Im Browser öffnen: {url}\n").as_bytes()) {
        return code;
    }
    if !args.no_browser && !open_browser(&url) {
        output::status(config.quiet, "Der Browser konnte nicht geöffnet werden; öffnen Sie die Adresse oben selbst.");
    }
    output::status(config.quiet, "Beenden mit Strg+C. Gespeichert wird nur mit „Speichern“.");
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        edit::serve(listener, app.clone(), stop_signal()).await
    });
    if let Err(e) = served {
        output::error(format_args!("Der Editor wurde unerwartet beendet: {}.", crate::fsio::describe_io(&e)));
        return EXIT_TOOL;
    }
    if app.session().dirty() {
        output::stderr("\nHinweis: Ungespeicherte Änderungen im Editor wurden verworfen; die Datei ist unverändert.\n");
    } else {
        output::status(config.quiet, "\nEditor beendet.");
    }
    EXIT_OK
}

/// Ctrl-C, or on Unix also `SIGTERM`.
async fn stop_signal() {
    let stop = std::sync::Arc::new(tokio::sync::Notify::new());
    let on_interrupt = stop.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.notify_one();
        }
    });
    #[cfg(unix)]
    if let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        let on_term = stop.clone();
        tokio::spawn(async move {
            term.recv().await;
            on_term.notify_one();
        });
    }
    stop.notified().await;
}

/// Opens the address in the user's browser; `false` when no opener could be started.
fn open_browser(url: &str) -> bool {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("rundll32");
        c.arg("url.dll,FileProtocolHandler");
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(url).stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(mut child) => {
            // Reaped in the background; whether the opener succeeds is the desktop's business.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}
