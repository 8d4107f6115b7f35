//! The HTTP side: routes, form bodies, redirects. Every state change is a `POST`; a `GET` only
//! reads. The session lives behind one lock; a PDF is rendered outside it.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::export::{self, Format};
use super::form::schema::{self, Widget};
use super::guard::{self, Guard};
use super::page::{self, GENERAL};
use super::pages;
use super::path::{self, Seg, field_id};
use super::session::{SaveError, Session};
use super::yaml::Op;

/// The script of every page.
const SCRIPT: &str = include_str!("assets/mep.js");
/// The style sheet of every page.
const STYLE: &str = include_str!("assets/mep.css");

/// What the handlers share.
pub struct App {
    /// The editor's state.
    pub session: Mutex<Session>,
    /// The secrets (for the login).
    pub guard: Arc<Guard>,
}

type Shared = Arc<App>;

impl App {
    /// The shared state of a server.
    #[must_use]
    pub fn new(session: Session, guard: Guard) -> Arc<Self> {
        Arc::new(Self { session: Mutex::new(session), guard: Arc::new(guard) })
    }

    /// The session, locked (a panicked handler does not lock the editor out).
    pub fn session(&self) -> MutexGuard<'_, Session> {
        lock(self)
    }
}

/// The routes with the guard around them.
pub fn router(app: Arc<App>) -> Router {
    let guard = app.guard.clone();
    Router::new()
        .route("/anmelden", get(login))
        .route("/", get(root))
        .route("/seite/{id}", get(form_page))
        .route("/befunde", get(|State(a): State<Shared>| async move { html(pages::summary(&lock(&a))) }))
        .route("/vorschau", get(preview))
        .route("/quelltext", get(|State(a): State<Shared>| async move { html(pages::text_view(&lock(&a), None)) }).post(set_text))
        .route("/unterschied", get(|State(a): State<Shared>| async move { html(pages::difference(&lock(&a))) }))
        .route("/regel/{code}", get(|State(a): State<Shared>, Path(code): Path<String>| async move { html(pages::rule(&lock(&a), &code)) }))
        .route("/neu", get(new_page).post(create))
        .route("/assets/mep.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT) }))
        .route("/assets/mep.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }))
        // Browsers ask for it on every page; there is none, and a 404 would fill their console.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/feld", post(fields))
        .route("/aktion", post(action))
        .route("/speichern", post(save))
        .route("/neu-laden", post(reload))
        .route("/export/{format}", post(export_file))
        .route("/markdown", post(markdown))
        .fallback(|| async { (StatusCode::NOT_FOUND, html_string(guard::refusal_page("Diese Seite gibt es nicht."))) })
        .layer(axum::middleware::from_fn_with_state(guard, guard::check))
        .with_state(app)
}

fn lock(app: &App) -> MutexGuard<'_, Session> {
    app.session.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn html(body: String) -> Response {
    html_string(body).into_response()
}

fn html_string(body: String) -> ([(header::HeaderName, &'static str); 1], String) {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body)
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("application/json"))
}

/// A page id from a form, or the general page.
fn page_param(pairs: &[(String, String)]) -> String {
    let id = pairs.iter().find(|(k, _)| k == "seite").map_or(GENERAL, |(_, v)| v.as_str());
    if page::pages().iter().any(|p| p.id == id) || ["befunde", "vorschau", "quelltext"].contains(&id) {
        id.to_owned()
    } else {
        GENERAL.to_owned()
    }
}

fn back_to(page: &str) -> String {
    if page::pages().iter().any(|p| p.id == page) { format!("/seite/{page}") } else { format!("/{page}") }
}

async fn login(State(app): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let pairs = form_pairs(query.unwrap_or_default().as_bytes());
    let token = pairs.iter().find(|(k, _)| k == "token").map_or("", |(_, v)| v.as_str());
    if !app.guard.token_ok(token) {
        return (StatusCode::UNAUTHORIZED, html_string(guard::refusal_page("Der Schlüssel in der Adresse stimmt nicht. Verwenden Sie die vollständige Adresse, die `mep bearbeiten` im Terminal ausgegeben hat."))).into_response();
    }
    // The token leaves the address bar: the cookie carries the session from here on.
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/".to_owned()), (header::SET_COOKIE, app.guard.set_cookie())]).into_response()
}

async fn root(State(app): State<Shared>) -> Response {
    let s = lock(&app);
    if s.text().is_none() {
        see_other("/neu")
    } else if s.value().is_none() {
        see_other("/quelltext")
    } else {
        see_other(&format!("/seite/{GENERAL}"))
    }
}

async fn form_page(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let s = lock(&app);
    if s.text().is_none() {
        return see_other("/neu");
    }
    if s.value().is_none() {
        return see_other("/quelltext");
    }
    match page::pages().iter().find(|p| p.id == id) {
        Some(p) => html(page::form_page(&s, p)),
        None => (StatusCode::NOT_FOUND, html_string(guard::refusal_page("Diesen Abschnitt gibt es nicht."))).into_response(),
    }
}

async fn preview(State(app): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let pairs = form_pairs(query.unwrap_or_default().as_bytes());
    let chapter = pairs.iter().find(|(k, _)| k == "kapitel").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    html(pages::preview(&lock(&app), chapter))
}

async fn new_page(State(app): State<Shared>) -> Response {
    let s = lock(&app);
    if s.text().is_some() {
        return see_other("/");
    }
    html(pages::new_plan(&s))
}

async fn create(State(app): State<Shared>, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map_or("", |(_, v)| v.as_str());
    let mut answers = crate::init::Answers::default();
    if let Ok(l) = crate::init::parse_land(get("land")) {
        answers.land = l;
    }
    if let Ok(f) = crate::init::parse_schulform(get("schulform")) {
        answers.kind = f;
    }
    if let Some(p) = crate::model::Programm::ALL.iter().find(|p| p.key() == get("programm")) {
        answers.programme = *p;
    }
    let mut s = lock(&app);
    if s.text().is_none() {
        s.create(&answers);
    }
    see_other(&format!("/seite/{GENERAL}"))
}

async fn set_text(State(app): State<Shared>, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let text = pairs.iter().find(|(k, _)| k == "text").map_or("", |(_, v)| v.as_str());
    let mut s = lock(&app);
    match s.set_text(text) {
        Ok(()) => see_other("/"),
        Err(e) => html(pages::text_view(&s, Some(&e))),
    }
}

/// Applies every field the form sent, in order; returns the problems.
fn apply_fields(s: &mut Session, pairs: &[(String, String)]) -> Vec<String> {
    let mut grouped: Vec<(&str, Vec<String>)> = Vec::new();
    for (k, v) in pairs {
        if k == "seite" || k == "aktion" {
            continue;
        }
        match grouped.iter_mut().find(|(name, _)| name == k) {
            Some((_, values)) => values.push(v.clone()),
            None => grouped.push((k.as_str(), vec![v.clone()])),
        }
    }
    let mut problems = Vec::new();
    for (name, values) in grouped {
        if let Err(e) = s.input(name, &values) {
            problems.push(e);
        }
    }
    problems
}

async fn fields(State(app): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let page = page_param(&pairs);
    let mut s = lock(&app);
    let problems = apply_fields(&mut s, &pairs);
    if wants_json(&headers) {
        return json_state(&s, problems.first().map(String::as_str));
    }
    if let Some(p) = problems.first() {
        s.notice = Some(p.clone());
    }
    see_other(&back_to(&page))
}

/// The state the page script needs after a change: status, findings per field, counts per page.
fn json_state(s: &Session, problem: Option<&str>) -> Response {
    let by_field = page::findings_by_field(s.diagnostics());
    let mut findings = serde_json::Map::new();
    let mut invalid = Vec::new();
    for (p, ds) in &by_field {
        let id = field_id(p);
        findings.insert(id.clone(), Value::String(super::form::html::findings_list(ds)));
        if ds.iter().any(|d| d.severity == crate::diag::Severity::Fehler) {
            invalid.push(Value::String(id));
        }
    }
    let counts: BTreeMap<String, String> = page::nav_counts(s.diagnostics()).into_iter().map(|(k, v)| (k, page::count_text(v))).collect();
    let body = json!({
        "status": page::status(s),
        "ungespeichert": s.dirty(),
        "befunde": findings,
        "ungueltig": invalid,
        "navi": counts,
        "fehler": problem,
    });
    ([(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

async fn action(State(app): State<Shared>, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let page = page_param(&pairs);
    let mut s = lock(&app);
    let problems = apply_fields(&mut s, &pairs);
    let act = pairs.iter().find(|(k, _)| k == "aktion").map_or("", |(_, v)| v.as_str());
    let result = run_action(&mut s, act);
    match (result, problems.first()) {
        (Ok(target), None) => see_other(&format!("{}{target}", back_to(&page))),
        (Ok(target), Some(p)) => {
            s.notice = Some(p.clone());
            see_other(&format!("{}{target}", back_to(&page)))
        }
        (Err(e), _) => {
            s.notice = Some(e);
            see_other(&back_to(&page))
        }
    }
}

/// Runs a list or section action; returns the `?fokus=…#…` part of the address to go back to.
fn run_action(s: &mut Session, act: &str) -> Result<String, String> {
    let (verb, rest) = act.split_once(':').ok_or("Unbekannte Aktion.")?;
    let (target, extra) = match rest.rsplit_once(':') {
        Some((t, x)) if verb == "variante" => (t, x),
        _ => (rest, ""),
    };
    let segs = path::parse(target).ok_or("Unbekanntes Feld.")?;
    let focus = |id: String, anchor: String| format!("?fokus={id}#{anchor}");
    match verb {
        "neu" => {
            let item = s.new_item(&segs).ok_or("Hier kann kein Eintrag hinzugefügt werden.")?;
            s.apply(&Op::Append(segs.clone(), item))?;
            let n = s.value().and_then(|v| path::get(v, &segs)).and_then(Value::as_array).map_or(0, Vec::len).saturating_sub(1);
            let item_path = format!("{target}[{n}]");
            let first = match schema::plan().at(&segs).map(|f| &f.widget) {
                Some(Widget::List(item)) => match &item.widget {
                    Widget::Group(fields) => fields.first().map(|f| format!("{item_path}.{}", f.key)),
                    _ => None,
                },
                _ => None,
            };
            Ok(focus(field_id(first.as_deref().unwrap_or(&item_path)), field_id(&item_path)))
        }
        "loeschen" | "hoch" | "runter" => {
            let (Some(Seg::Index(i)), list) = (segs.last().cloned(), &segs[..segs.len().saturating_sub(1)]) else {
                return Err("Kein Listeneintrag.".to_owned());
            };
            let list_path = path::join(list);
            let len = s.value().and_then(|v| path::get(v, list)).and_then(Value::as_array).map_or(0, Vec::len);
            match verb {
                "loeschen" => {
                    s.apply(&Op::Remove(segs.clone()))?;
                    Ok(focus(format!("{}-neu", field_id(&list_path)), field_id(&list_path)))
                }
                "hoch" if i > 0 => {
                    s.apply(&Op::SwapWithNext(list.to_vec(), i - 1))?;
                    let now = format!("{list_path}[{}]", i - 1);
                    let button = if i - 1 == 0 { "runter" } else { "hoch" };
                    Ok(focus(format!("{}-{button}", field_id(&now)), field_id(&now)))
                }
                "runter" if i + 1 < len => {
                    s.apply(&Op::SwapWithNext(list.to_vec(), i))?;
                    let now = format!("{list_path}[{}]", i + 1);
                    let button = if i + 2 == len { "hoch" } else { "runter" };
                    Ok(focus(format!("{}-{button}", field_id(&now)), field_id(&now)))
                }
                _ => Err("Der Eintrag steht schon am Rand der Liste.".to_owned()),
            }
        }
        "entfernen" => {
            s.apply(&Op::Remove(segs.clone()))?;
            Ok(String::new())
        }
        "variante" => {
            let index: usize = extra.parse().map_err(|_| "Unbekannte Form.")?;
            let Some(Widget::Alternatives(alts)) = schema::plan().at(&segs).map(|f| &f.widget) else {
                return Err("Keine Auswahl der Form.".to_owned());
            };
            let alt = alts.get(index).ok_or("Unbekannte Form.")?;
            let current = s.value().and_then(|v| path::get(v, &segs)).cloned();
            if super::form::html::active_alternative(alts, current.as_ref()) != index || current.is_none() {
                match (&alt.widget, current) {
                    (Widget::Group(_), _) => s.apply(&Op::Set(segs.clone(), Value::Object(serde_json::Map::new())))?,
                    (_, Some(_)) => s.apply(&Op::Remove(segs.clone()))?,
                    (_, None) => {}
                }
            }
            Ok(focus(format!("a-{}", field_id(target)), format!("a-{}", field_id(target))))
        }
        _ => Err("Unbekannte Aktion.".to_owned()),
    }
}

async fn save(State(app): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let page = page_param(&pairs);
    let mut s = lock(&app);
    let problems = apply_fields(&mut s, &pairs);
    let outcome = s.save();
    let notice = match &outcome {
        Ok(()) => format!("Gespeichert: `{}`.", s.name()),
        Err(SaveError::Conflict) => {
            "Nicht gespeichert: Die Datei wurde außerhalb des Editors geändert. Laden Sie sie neu oder sehen Sie sich den Unterschied an."
                .to_owned()
        }
        Err(SaveError::Empty) => "Nicht gespeichert: Es ist noch kein Plan angelegt.".to_owned(),
        Err(SaveError::Io(e)) => format!("Nicht gespeichert: {e}"),
    };
    s.notice = Some(problems.first().cloned().unwrap_or(notice.clone()));
    if wants_json(&headers) {
        let mut state = json_state(&s, None);
        let conflict = matches!(outcome, Err(SaveError::Conflict));
        state.headers_mut().insert(
            "x-mep-meldung",
            axum::http::HeaderValue::from_str(&super::html::url_part(&notice)).unwrap_or(axum::http::HeaderValue::from_static("")),
        );
        if conflict {
            *state.status_mut() = StatusCode::CONFLICT;
        }
        return state;
    }
    see_other(&back_to(&page))
}

async fn reload(State(app): State<Shared>) -> Response {
    lock(&app).reload();
    see_other("/")
}

async fn export_file(State(app): State<Shared>, Path(format): Path<String>, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let page = page_param(&pairs);
    let Some(format) = Format::parse(&format) else { return see_other(&back_to(&page)) };
    let snapshot = {
        let mut s = lock(&app);
        let _ = apply_fields(&mut s, &pairs);
        let Some(text) = s.text().map(str::to_owned) else { return see_other("/neu") };
        export::Snapshot {
            path: s.path().to_path_buf(),
            text,
            limits: s.options.limits,
            choice: s.options.choice.clone(),
            typst: s.options.typst.clone(),
            source_date_epoch: s.options.source_date_epoch,
        }
    };
    let outcome = tokio::task::spawn_blocking(move || export::export(&snapshot, format))
        .await
        .unwrap_or_else(|_| Err("Der Export wurde abgebrochen.".to_owned()));
    lock(&app).notice = Some(match outcome {
        Ok(note) => note,
        Err(e) => format!("Nicht erstellt: {e}"),
    });
    see_other(&back_to(&page))
}

async fn markdown(body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let text = pairs.iter().find(|(k, _)| k == "text").map_or("", |(_, v)| v.as_str());
    html(super::mdhtml::to_html(&crate::render::mdsafe::markdown_block(text, 3), 0))
}
