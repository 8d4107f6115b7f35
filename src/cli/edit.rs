//! `mep bearbeiten` (`edit`): start the local form editor and report where it runs.

use std::path::PathBuf;

use super::Config;
use super::error::{Error, Exit, Result};
use super::output;
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

/// Starts the editor on 127.0.0.1 and serves until Ctrl-C; unsaved changes are dropped with a notice.
pub fn run(args: &Args, config: &Config) -> Result {
    let choice = args.profile.choice(config)?;
    let markdown = super::Templates::resolve(args.templates.as_deref(), false, config)?.markdown;
    let typst = super::Templates::resolve(args.templates.as_deref(), true, config)?.typst;
    let limits = args.limits.limits();
    let options = Options { path: args.file.clone(), limits, choice, markdown, typst, source_date_epoch: config.source_date_epoch };
    let session = Session::open(options).map_err(Error::tool)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Error::tool(format_args!("Der Editor kann nicht gestartet werden: {e}.")))?;
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.set_nonblocking(true).map(|()| l)).map_err(|e| {
        Error::tool(format_args!("Der Editor findet keinen freien Anschluss auf 127.0.0.1: {}.", crate::fsio::describe_io(&e)))
    })?;
    let port = listener.local_addr().map_or(0, |a| a.port());
    let guard =
        Guard::new(port, limits.max_bytes).map_err(|e| Error::tool(format_args!("Der Editor kann keinen Schlüssel erzeugen: {e}.")))?;
    let url = guard.start_url();
    let app = App::new(session, guard);
    let stop = {
        let _runtime = runtime.enter();
        stop_signal()
    };
    let name = args.file.display();
    output::status(config.quiet, format_args!("Editor für {name} läuft (nur auf diesem Rechner erreichbar)."));
    output::stdout(format!("Im Browser öffnen: {url}\n").as_bytes())?;
    if !args.no_browser && !open_browser(&url) {
        output::status(config.quiet, "Der Browser konnte nicht geöffnet werden; öffnen Sie die Adresse oben selbst.");
    }
    output::status(config.quiet, "Beenden mit Strg+C. Gespeichert wird nur mit „Speichern“.");
    runtime
        .block_on(async {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            edit::serve(listener, app.clone(), stop).await
        })
        .map_err(|e| Error::tool(format_args!("Der Editor wurde unerwartet beendet: {}.", crate::fsio::describe_io(&e))))?;
    if app.session().dirty() {
        output::stderr("\nHinweis: Ungespeicherte Änderungen im Editor wurden verworfen; die Datei ist unverändert.\n");
    } else {
        output::status(config.quiet, "\nEditor beendet.");
    }
    Ok(Exit::Ok)
}

/// Ctrl-C, or on Unix also `SIGTERM`. On Unix both are registered when this is called (inside the
/// runtime, before the address is printed), so a signal that comes right after the address still
/// stops the editor cleanly instead of killing it.
fn stop_signal() -> impl Future<Output = ()> + Send + 'static {
    let stop = std::sync::Arc::new(tokio::sync::Notify::new());
    #[cfg(unix)]
    for kind in [tokio::signal::unix::SignalKind::interrupt(), tokio::signal::unix::SignalKind::terminate()] {
        if let Ok(mut signal) = tokio::signal::unix::signal(kind) {
            let on_signal = stop.clone();
            tokio::spawn(async move {
                signal.recv().await;
                on_signal.notify_one();
            });
        }
    }
    #[cfg(not(unix))]
    {
        let on_interrupt = stop.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                on_interrupt.notify_one();
            }
        });
    }
    async move { stop.notified().await }
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
