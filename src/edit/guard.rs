//! The locks of the local server. A server on 127.0.0.1 is reachable by every web page the user
//! opens, so every request passes these checks:
//!
//! - `Host` must be this server (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`): a page that
//!   rebinds its own name to 127.0.0.1 (DNS rebinding) is refused;
//! - every request but `GET`/`HEAD` must carry this server's `Origin`: no other page can post;
//! - a body may not be larger than the input size limit;
//! - everything but the login and the style sheet needs the session cookie, which only the
//!   start URL's random token gives (compared in constant time), `HttpOnly; SameSite=Strict`;
//! - every answer carries a Content-Security-Policy without inline script and with
//!   `frame-ancestors 'none'`, `Referrer-Policy: same-origin` and no CORS header.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

/// The Content-Security-Policy of every answer.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The secrets and the address of one running editor.
#[derive(Clone)]
pub struct Guard {
    /// The port the server listens on.
    pub port: u16,
    /// Largest request body in bytes.
    pub body_limit: usize,
    token: String,
    cookie: String,
}

impl Guard {
    /// New random secrets for a server on `port`.
    pub fn new(port: u16, body_limit: usize) -> std::io::Result<Self> {
        Ok(Self { port, body_limit, token: random_hex()?, cookie: random_hex()? })
    }

    /// The start address with the token, as printed on the terminal.
    #[must_use]
    pub fn start_url(&self) -> String {
        format!("http://127.0.0.1:{}/anmelden?token={}", self.port, self.token)
    }

    /// The name of the session cookie (one per port, so that two editors do not mix).
    #[must_use]
    pub fn cookie_name(&self) -> String {
        format!("mep-{}", self.port)
    }

    /// The `Set-Cookie` value given for a correct token.
    #[must_use]
    pub fn set_cookie(&self) -> String {
        format!("{}={}; HttpOnly; SameSite=Strict; Path=/", self.cookie_name(), self.cookie)
    }

    /// Whether a token is the start token (constant time).
    #[must_use]
    pub fn token_ok(&self, token: &str) -> bool {
        bool::from(token.as_bytes().ct_eq(self.token.as_bytes()))
    }

    fn host_ok(&self, host: Option<&str>) -> bool {
        let p = self.port;
        host.is_some_and(|h| {
            [format!("127.0.0.1:{p}"), format!("localhost:{p}"), format!("[::1]:{p}")].iter().any(|ok| ok.eq_ignore_ascii_case(h))
        })
    }

    fn origin_ok(&self, origin: Option<&str>) -> bool {
        let p = self.port;
        origin.is_some_and(|o| {
            [format!("http://127.0.0.1:{p}"), format!("http://localhost:{p}"), format!("http://[::1]:{p}")]
                .iter()
                .any(|ok| ok.eq_ignore_ascii_case(o))
        })
    }

    fn authorised(&self, headers: &HeaderMap) -> bool {
        let name = self.cookie_name();
        headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).any(|pair| {
            pair.trim().split_once('=').is_some_and(|(k, v)| k == name && bool::from(v.as_bytes().ct_eq(self.cookie.as_bytes())))
        })
    }
}

/// 32 random bytes from the operating system as hex.
fn random_hex() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().fold(String::with_capacity(64), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    }))
}

/// The checks of every request (see the module documentation), then the security headers.
pub async fn check(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let path = req.uri().path().to_owned();
    let refusal = if !guard.host_ok(text(header::HOST).as_deref()) {
        Some((
            StatusCode::FORBIDDEN,
            "Diese Adresse ist nicht erlaubt. Öffnen Sie den Editor über die Adresse, die `mep bearbeiten` im Terminal ausgegeben hat.",
        ))
    } else if req.method() != Method::GET && req.method() != Method::HEAD && !guard.origin_ok(text(header::ORIGIN).as_deref()) {
        Some((StatusCode::FORBIDDEN, "Diese Anfrage kommt nicht von der Seite des Editors und wird abgelehnt."))
    } else if text(header::CONTENT_LENGTH).and_then(|l| l.parse::<usize>().ok()).is_some_and(|l| l > guard.body_limit) {
        Some((StatusCode::PAYLOAD_TOO_LARGE, "Die Anfrage ist größer als die erlaubte Dateigröße (`--max-groesse`)."))
    } else if path != "/anmelden" && !path.starts_with("/assets/") && !guard.authorised(headers) {
        Some((
            StatusCode::UNAUTHORIZED,
            "Bitte öffnen Sie den Editor über die vollständige Adresse mit dem Schlüssel (`token=…`), die `mep bearbeiten` im Terminal ausgegeben hat.",
        ))
    } else {
        None
    };
    let mut response = match refusal {
        Some((status, message)) => (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], refusal_page(message)).into_response(),
        None => next.run(req).await,
    };
    secure(response.headers_mut());
    response
}

/// A small page that says why a request was refused.
#[must_use]
pub fn refusal_page(message: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Nicht erlaubt – mep bearbeiten</title><link rel="stylesheet" href="/assets/mep.css"></head><body><main><h1>Nicht erlaubt</h1><p>{}</p></main></body></html>"#,
        super::html::message(message)
    )
}

/// Adds the security headers to an answer.
pub fn secure(headers: &mut HeaderMap) {
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
        (header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (header::HeaderName::from_static("cross-origin-resource-policy"), "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}
