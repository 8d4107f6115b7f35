//! The editor's server: every lock refuses what it must (token, Host, Origin, GET without
//! effect, body limit, CSP), saving never overwrites a file changed on disk, a plan that does
//! not parse opens as text, and Ctrl-C stops the real command cleanly.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use mep::edit::{App, Guard, Options, Session};

/// A running editor on 127.0.0.1 for a plan file, stopped when dropped.
struct Editor {
    port: u16,
    url: String,
    cookie: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Editor {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn options(path: &Path, max_bytes: usize) -> Options {
    Options {
        path: path.to_path_buf(),
        limits: mep::load::Limits { max_bytes, ..mep::load::Limits::default() },
        choice: mep::profile::Choice::default(),
        markdown: mep::render::markdown::Templates::builtin(),
        typst: mep::render::pdf::Templates::embedded(),
        source_date_epoch: Some(1_792_022_400),
    }
}

fn start(path: &Path, max_bytes: usize) -> Editor {
    let session = Session::open(options(path, max_bytes)).unwrap();
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let guard = Guard::new(port, max_bytes).unwrap();
    let url = guard.start_url();
    let app = App::new(session, guard);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            mep::edit::serve(listener, app, async move {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
    });
    let mut e = Editor { port, url, cookie: String::new(), stop: Some(tx), thread: Some(thread) };
    let login = e.request("GET", &e.url.clone().replace(&format!("http://127.0.0.1:{port}"), ""), &[], "");
    assert_eq!(login.status, 303, "{}", login.head);
    let set = login.header("set-cookie").expect("cookie");
    set.split(';').next().unwrap().clone_into(&mut e.cookie);
    e
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

impl Editor {
    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A raw request; `extra` are header lines; the host is this server unless `extra` sets one.
    fn request(&self, method: &str, target: &str, extra: &[String], body: &str) -> Reply {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut head = format!("{method} {target} HTTP/1.1\r\nConnection: close\r\n");
        if !extra.iter().any(|h| h.to_ascii_lowercase().starts_with("host:")) {
            head.push_str(&format!("Host: 127.0.0.1:{}\r\n", self.port));
        }
        for h in extra {
            head.push_str(h);
            head.push_str("\r\n");
        }
        if !extra.iter().any(|h| h.to_ascii_lowercase().starts_with("content-length:")) {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).unwrap();
        let _ = s.write_all(body.as_bytes());
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        Reply { status, head: head.to_owned(), body: body.to_owned() }
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target, &[format!("Cookie: {}", self.cookie)], "")
    }

    fn post(&self, target: &str, body: &str) -> Reply {
        let h = vec![
            format!("Cookie: {}", self.cookie),
            format!("Origin: {}", self.origin()),
            "Content-Type: application/x-www-form-urlencoded".to_owned(),
        ];
        self.request("POST", target, &h, body)
    }
}

fn plan_in(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("plan.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn example() -> String {
    std::fs::read_to_string(crate::support::root().join("examples/realschule-bayern.yaml")).unwrap()
}

fn enc(s: &str) -> String {
    mep::edit::html::url_part(s)
}

#[test]
fn the_token_is_needed_and_leaves_the_address_bar() {
    let dir = tempfile::tempdir().unwrap();
    let e = start(&plan_in(dir.path(), &example()), 5 << 20);
    let no_cookie = e.request("GET", "/seite/allgemein", &[], "");
    assert_eq!(no_cookie.status, 401);
    assert!(!no_cookie.body.contains("Realschule"), "nothing of the plan without the cookie");
    assert_eq!(e.request("GET", "/anmelden?token=falsch", &[], "").status, 401);
    assert_eq!(e.request("GET", "/anmelden", &[], "").status, 401);
    let wrong_cookie = e.request("GET", "/seite/allgemein", &[format!("Cookie: mep-{}=00", e.port)], "");
    assert_eq!(wrong_cookie.status, 401);
    let login = e.request("GET", &e.url.replace(&e.origin(), ""), &[], "");
    assert_eq!(login.status, 303);
    assert_eq!(login.header("location").as_deref(), Some("/"), "the redirect drops the token from the address");
    let cookie = login.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), "{cookie}");
    assert_eq!(e.get("/").status, 303);
    assert_eq!(e.get("/seite/allgemein").status, 200);
}

#[test]
fn a_foreign_host_is_refused_on_every_request() {
    let dir = tempfile::tempdir().unwrap();
    let e = start(&plan_in(dir.path(), &example()), 5 << 20);
    for host in ["evil.example", &format!("evil.example:{}", e.port), "127.0.0.1", &format!("127.0.0.1:{}", e.port + 1), "localhost"] {
        let r = e.request("GET", "/seite/allgemein", &[format!("Host: {host}"), format!("Cookie: {}", e.cookie)], "");
        assert_eq!(r.status, 403, "Host {host}");
        let r = e.request("GET", &e.url.replace(&e.origin(), ""), &[format!("Host: {host}")], "");
        assert_eq!(r.status, 403, "login with Host {host}");
    }
    let r = e.request("GET", "/seite/allgemein", &[format!("Host: localhost:{}", e.port), format!("Cookie: {}", e.cookie)], "");
    assert_eq!(r.status, 200);
}

#[test]
fn a_post_needs_this_servers_origin() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_in(dir.path(), &example());
    let e = start(&path, 5 << 20);
    let body = format!("seite=schule&schule.name={}", enc("Geändert"));
    for origin in [
        None,
        Some("null"),
        Some("http://evil.example"),
        Some(&format!("http://127.0.0.1:{}", e.port + 1) as &str),
        Some(&format!("https://127.0.0.1:{}", e.port) as &str),
    ] {
        let mut h = vec![format!("Cookie: {}", e.cookie)];
        if let Some(o) = origin {
            h.push(format!("Origin: {o}"));
        }
        let r = e.request("POST", "/feld", &h, &body);
        assert_eq!(r.status, 403, "Origin {origin:?}");
        let r = e.request("POST", "/speichern", &h, "");
        assert_eq!(r.status, 403, "save with Origin {origin:?}");
    }
    assert!(!e.get("/quelltext").body.contains("Geändert"), "a refused post changed nothing");
    let r = e.post("/feld", &body);
    assert_eq!(r.status, 303);
    assert!(e.get("/quelltext").body.contains("Geändert"));
}

#[test]
fn a_get_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_in(dir.path(), &example());
    let e = start(&path, 5 << 20);
    let before = e.get("/quelltext").body;
    for target in [
        "/feld?seite=schule&schule.name=X",
        "/speichern",
        "/aktion?aktion=loeschen:ziele[0]",
        "/neu-laden",
        "/export/pdf",
        "/quelltext?text=x",
        "/neu?land=BY",
    ] {
        let r = e.get(target);
        assert!(r.status == 405 || r.status == 200 || r.status == 303, "{target}: {}", r.status);
    }
    assert_eq!(e.get("/quelltext").body, before);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), example());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no file written by a GET");
}

#[test]
fn a_body_over_the_input_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = example();
    let e = start(&plan_in(dir.path(), &text), text.len() + 1000);
    let big = format!("text={}", "a".repeat(text.len() + 2000));
    let r = e.post("/quelltext", &big);
    assert_eq!(r.status, 413);
    // Announced larger than allowed: refused before the body is read.
    let h = vec![format!("Cookie: {}", e.cookie), format!("Origin: {}", e.origin()), format!("Content-Length: {}", 10 << 20)];
    assert_eq!(e.request("POST", "/feld", &h, "").status, 413);
    assert_eq!(e.post("/feld", "seite=schule").status, 303);
}

#[test]
fn every_answer_has_the_security_headers_and_no_cors() {
    let dir = tempfile::tempdir().unwrap();
    let e = start(&plan_in(dir.path(), &example()), 5 << 20);
    let replies = [
        e.get("/seite/allgemein"),
        e.get("/assets/mep.js"),
        e.request("GET", "/seite/allgemein", &["Origin: http://evil.example".to_owned()], ""),
        e.request("GET", "/", &["Host: evil.example".to_owned()], ""),
        e.get("/gibt-es-nicht"),
        e.post("/feld", "seite=schule"),
    ];
    for r in &replies {
        let csp = r.header("content-security-policy").unwrap_or_else(|| panic!("no CSP: {}", r.head));
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), "{csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
        assert_eq!(r.header("referrer-policy").as_deref(), Some("same-origin"));
        assert_eq!(r.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert!(!r.head.to_ascii_lowercase().contains("access-control-"), "no CORS header: {}", r.head);
    }
    let page = e.get("/seite/allgemein").body;
    assert!(!page.contains("<script>") && !page.contains(" style=") && !page.contains(" on"), "no inline script, style or handler");
}

#[test]
fn every_value_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let text = example().replacen(
        "name: Staatliche Realschule am Lechufer Auenried",
        "name: \"<script>alert(1)</script> & 'x' \\\" Realschule\"",
        1,
    );
    let e = start(&plan_in(dir.path(), &text), 5 << 20);
    let page = e.get("/seite/schule").body;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39; &quot;"), "{}", &page[..page.len().min(400)]);
    assert!(!page.contains("<script>alert"));
    for target in ["/quelltext", "/befunde", "/vorschau"] {
        assert!(!e.get(target).body.contains("<script>alert"), "{target}");
    }
}

#[test]
fn saving_does_not_overwrite_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_in(dir.path(), &example());
    let e = start(&path, 5 << 20);
    assert_eq!(e.post("/feld", &format!("seite=schule&schule.name={}", enc("Im Editor"))).status, 303);
    let theirs = example().replace("Staatliche Realschule", "Von anderswo");
    std::fs::write(&path, &theirs).unwrap();
    let page = e.get("/seite/schule").body;
    assert!(page.contains("außerhalb des Editors geändert"), "the page says so");
    let r = e.request(
        "POST",
        "/speichern",
        &[format!("Cookie: {}", e.cookie), format!("Origin: {}", e.origin()), "Accept: application/json".to_owned()],
        "seite=schule",
    );
    assert_eq!(r.status, 409);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "nothing overwritten");
    let diff = e.get("/unterschied").body;
    assert!(diff.contains("Von anderswo") && diff.contains("Im Editor"), "the difference shows both");
    assert_eq!(e.post("/neu-laden", "").status, 303);
    assert!(e.get("/quelltext").body.contains("Von anderswo"));
    assert!(!e.get("/seite/schule").body.contains("Ungespeicherte Änderungen"));
}

#[test]
fn a_plan_that_does_not_parse_opens_as_text_and_saves_once_it_parses() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "format: 1\nschule:\n  name: \"offen\n  schulform: grundschule\n";
    let path = plan_in(dir.path(), broken);
    let e = start(&path, 5 << 20);
    assert_eq!(e.get("/").header("location").as_deref(), Some("/quelltext"));
    assert_eq!(e.get("/seite/schule").header("location").as_deref(), Some("/quelltext"));
    let page = e.get("/quelltext").body;
    assert!(page.contains("YAML-SYNTAX") && page.contains("Zeile "), "located parse error shown");
    assert!(page.contains("name: &quot;offen"), "the text is there to edit");
    let fixed = example();
    assert_eq!(e.post("/quelltext", &format!("text={}", enc(&fixed))).status, 303);
    assert_eq!(e.get("/").header("location").as_deref(), Some("/seite/allgemein"));
    assert_eq!(e.post("/speichern", "seite=allgemein").status, 303);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

#[test]
fn a_field_edit_is_saved_byte_for_byte_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = example().replace('\n', "\r\n");
    let path = plan_in(dir.path(), &crlf);
    let e = start(&path, 5 << 20);
    let r = e.request(
        "POST",
        "/feld",
        &[format!("Cookie: {}", e.cookie), format!("Origin: {}", e.origin()), "Accept: application/json".to_owned()],
        &format!("seite=schule&schule.schueler={}", enc("623")),
    );
    assert_eq!(r.status, 200);
    let state: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(state["ungespeichert"], true);
    assert!(state["status"].as_str().unwrap().contains("Fehler"));
    assert_eq!(e.post("/speichern", "seite=schule").status, 303);
    let saved = std::fs::read_to_string(&path).unwrap();
    let old_line = crlf.lines().find(|l| l.trim_start().starts_with("schueler:")).unwrap().to_owned();
    let new_line = old_line.replacen(old_line.trim_start().trim_start_matches("schueler:").split_whitespace().next().unwrap(), "623", 1);
    assert_eq!(saved, crlf.replacen(&old_line, &new_line, 1), "only the value changed, CRLF kept");
    assert_eq!(e.post("/export/xlsx", "seite=schule").status, 303);
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|f| f.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["plan.xlsx", "plan.yaml"], "only the plan and its output, no temporary file");
}

#[test]
fn ctrl_c_stops_the_command_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_in(dir.path(), &example());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mep"))
        .args(["bearbeiten", "--kein-browser"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while out.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    let line = String::from_utf8(line).unwrap();
    assert!(line.starts_with("Im Browser öffnen: http://127.0.0.1:") && line.contains("/anmelden?token="), "{line}");
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let done = child.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&done.stderr).contains("Editor beendet"), "{}", String::from_utf8_lossy(&done.stderr));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no file left behind");
}
