//! `mep bearbeiten`: the plan as forms in the browser, served from 127.0.0.1, offline.
//!
//! - [`form`]: the plan's JSON Schema as fields and widgets, and the HTML of each widget;
//! - [`yaml`]: every change written into the file's text at its place, then read back and compared;
//! - [`session`]: the text in memory, its findings (the same call as `mep validate`), saving;
//! - [`page`], [`pages`], [`mdhtml`]: the pages, the preview, the text view;
//! - [`guard`], [`server`]: the locks of the local server and its routes;
//! - [`export`]: PDF and Excel next to the plan, as `mep render` makes them.
//!
//! Nothing here prints; [`crate::cli`] starts the server and reports on the terminal.

pub mod export;
pub mod form;
pub mod guard;
pub mod html;
pub mod mdhtml;
pub mod page;
pub mod pages;
pub mod path;
pub mod server;
pub mod session;
pub mod yaml;

use std::future::Future;

pub use guard::Guard;
pub use session::{Options, Session};

pub use server::App;

/// Serves the editor on a bound listener until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: std::sync::Arc<App>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, server::router(app)).with_graceful_shutdown(shutdown).await
}
