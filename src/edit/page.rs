//! The frame of every page (navigation, status line, save and export buttons) and the form
//! pages, one per section of the plan.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use serde_json::Value;

use super::form::html::{self as widgets, Ctx};
use super::form::schema::{self, Field, Widget};
use super::html::esc;
use super::path::{self, field_id};
use super::session::Session;
use crate::diag::{Diagnostic, Severity};

/// One page of the form.
#[derive(Debug)]
pub struct Page {
    /// The page's address part (`allgemein`, `schule`, `bedarf`).
    pub id: String,
    /// German title.
    pub title: String,
    /// The top-level keys on the page.
    pub keys: Vec<String>,
}

/// Id of the page with the plan's top-level values.
pub const GENERAL: &str = "allgemein";

/// The pages, in the order of the schema: general values first, then one page per section.
#[must_use]
pub fn pages() -> &'static [Page] {
    static PAGES: LazyLock<Vec<Page>> = LazyLock::new(|| {
        let Widget::Group(fields) = &schema::plan().widget else { return Vec::new() };
        let mut general = Page { id: GENERAL.to_owned(), title: "Allgemeines".to_owned(), keys: Vec::new() };
        let mut own = Vec::new();
        for f in fields {
            if on_general_page(f) {
                general.keys.push(f.key.clone());
            } else {
                own.push(Page { id: f.key.clone(), title: f.label.clone(), keys: vec![f.key.clone()] });
            }
        }
        std::iter::once(general).chain(own).collect()
    });
    &PAGES
}

/// Short values and small groups of them share the first page; lists, Markdown texts and larger sections get their own.
fn on_general_page(f: &Field) -> bool {
    match &f.widget {
        Widget::Scalar(s) => !s.markdown,
        Widget::Choice(_) | Widget::Flag | Widget::RefChoice(_) => true,
        Widget::Group(children) => {
            children.len() <= 3 && children.iter().all(|c| matches!(c.widget, Widget::Scalar(_) | Widget::Choice(_) | Widget::Flag))
        }
        _ => false,
    }
}

/// The page that shows a path (`bedarf[2].anzahl` → `bedarf`).
#[must_use]
pub fn page_of(path: &str) -> &'static Page {
    let top = path.split(['.', '[']).next().unwrap_or_default();
    pages().iter().find(|p| p.keys.iter().any(|k| k == top)).unwrap_or(&pages()[0])
}

/// The path of the field a finding is shown at: its own, or the nearest enclosing one the form has.
#[must_use]
pub fn field_of(path: &str) -> Option<String> {
    let mut p = path;
    loop {
        if p.is_empty() {
            return None;
        }
        if path::parse(p).is_some_and(|segs| schema::plan().at(&segs).is_some()) {
            return Some(p.to_owned());
        }
        p = crate::source::parent_path(p)?;
    }
}

/// Findings by the field they are shown at.
#[must_use]
pub fn findings_by_field(diags: &[Diagnostic]) -> BTreeMap<String, Vec<&Diagnostic>> {
    let mut map: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        if let Some(p) = field_of(&d.path) {
            map.entry(p).or_default().push(d);
        }
    }
    map
}

/// The ids of the entries of every list whose entries have one (`ziele` → Z1, Z2), with a short title.
#[must_use]
pub fn ids(value: Option<&Value>) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out = BTreeMap::new();
    let Some(Value::Object(map)) = value else { return out };
    for (key, v) in map {
        if let Value::Array(items) = v {
            let ids: Vec<(String, String)> = items
                .iter()
                .filter_map(|item| {
                    let id = item.get("id")?.as_str()?.to_owned();
                    let title = widgets::item_title(item);
                    let title = title.strip_prefix(&format!("{id} – ")).map_or(String::new(), str::to_owned);
                    Some((id, title))
                })
                .collect();
            if !ids.is_empty() {
                out.insert(key.clone(), ids);
            }
        }
    }
    out
}

/// The status line: counts in words, whether the plan is ready, whether it is saved.
#[must_use]
pub fn status(s: &Session) -> String {
    let c = s.counts();
    let ready = if s.text().is_none() {
        "Noch kein Plan angelegt."
    } else if s.value().is_none() {
        "Die Datei ist kein lesbares YAML; bitte in der Textansicht korrigieren."
    } else if c.errors == 0 {
        "Bereit: <code>mep erstellen</code> erstellt den Plan ohne <code>--entwurf</code>."
    } else {
        "Noch nicht bereit: Mit Fehlern entsteht nur ein Entwurf."
    };
    let saved =
        if s.dirty() { r#"<strong class="ungespeichert">Ungespeicherte Änderungen</strong>"# } else { "Alle Änderungen gespeichert" };
    format!(r#"<span class="zahlen">{}</span> · <span>{ready}</span> · <span class="speicherstand">{saved}</span>"#, esc(&c.summary_de()))
}

/// The counts of errors and warnings of each page, for the navigation.
#[must_use]
pub fn nav_counts(diags: &[Diagnostic]) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for d in diags {
        let Some(p) = field_of(&d.path) else { continue };
        let e = out.entry(page_of(&p).id.clone()).or_default();
        match d.severity {
            Severity::Fehler => e.0 += 1,
            Severity::Warnung => e.1 += 1,
            Severity::Hinweis => {}
        }
    }
    out
}

/// The German text of a page's counts (`2 Fehler, 1 Warnung`), empty when there are none.
#[must_use]
pub fn count_text((errors, warnings): (usize, usize)) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!("{errors} Fehler"));
    }
    if warnings > 0 {
        parts.push(format!("{warnings} {}", if warnings == 1 { "Warnung" } else { "Warnungen" }));
    }
    parts.join(", ")
}

/// A whole page: head, skip link, header with status and buttons, navigation, and `main`.
#[must_use]
pub fn frame(s: &Session, current: &str, title: &str, main: &str) -> String {
    let mut out = String::with_capacity(main.len() + 8192);
    let file = esc(&s.name());
    let _ = write!(
        out,
        r##"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{} – {file} – mep bearbeiten</title><link rel="stylesheet" href="/assets/mep.css"><script src="/assets/mep.js" defer></script></head><body data-seite="{}" data-ungespeichert="{}"><a class="sprung" href="#inhalt">Zum Inhalt springen</a>"##,
        esc(title),
        esc(current),
        s.dirty()
    );
    let _ = write!(
        out,
        r#"<header><p class="datei">Plan: <strong>{file}</strong></p><p id="status" role="status">{}</p><form method="post" action="/speichern" class="knopfleiste"><input type="hidden" name="seite" value="{}"><button type="submit" id="speichern">Speichern <span class="taste">(Strg+S)</span></button><button type="submit" formaction="/export/pdf">PDF erstellen</button><button type="submit" formaction="/export/xlsx">Excel erstellen</button></form></header>"#,
        status(s),
        esc(current)
    );
    if let Some(notice) = &s.notice {
        let _ = write!(out, r#"<p class="meldung" id="meldung">{}</p>"#, super::html::message(notice));
    }
    if s.text().is_some() && s.disk_changed() {
        out.push_str(r#"<div class="konflikt" role="alert"><p><strong>Die Datei wurde außerhalb des Editors geändert.</strong> Beim Speichern würde nichts überschrieben.</p><form method="post" action="/neu-laden"><button type="submit">Datei neu laden (Änderungen im Editor verwerfen)</button> <a href="/unterschied">Unterschied anzeigen</a></form></div>"#);
    }
    out.push_str(r#"<div class="rahmen"><nav aria-label="Abschnitte des Plans"><ul>"#);
    let counts = nav_counts(s.diagnostics());
    if s.value().is_some() {
        for p in pages() {
            let here = if p.id == current { r#" aria-current="page""# } else { "" };
            let n = counts.get(&p.id).copied().map(count_text).unwrap_or_default();
            let badge = if n.is_empty() { String::new() } else { format!(r#" <span class="zahl">({n})</span>"#) };
            let _ = write!(
                out,
                r#"<li><a href="/seite/{}"{here}>{}</a><span id="n-{}">{badge}</span></li>"#,
                esc(&p.id),
                esc(&p.title),
                esc(&p.id)
            );
        }
    }
    out.push_str("</ul><ul>");
    for (id, href, label) in
        [("befunde", "/befunde", "Alle Befunde"), ("vorschau", "/vorschau", "Vorschau"), ("quelltext", "/quelltext", "Textansicht (YAML)")]
    {
        let here = if id == current { r#" aria-current="page""# } else { "" };
        let _ = write!(out, r#"<li><a href="{href}"{here}>{label}</a></li>"#);
    }
    let _ = write!(out, r#"</ul></nav><main id="inhalt" tabindex="-1">{main}</main></div></body></html>"#);
    out
}

/// The form page of a section.
#[must_use]
pub fn form_page(s: &Session, page: &Page) -> String {
    let value = s.value();
    let findings = findings_by_field(s.diagnostics());
    let ids = ids(value);
    let ctx = Ctx { findings: &findings, ids: &ids };
    let mut main = String::new();
    let _ = write!(main, "<h1>{}</h1>", esc(&page.title));
    let Widget::Group(fields) = &schema::plan().widget else { return frame(s, &page.id, &page.title, &main) };
    let _ = write!(
        main,
        r#"<form method="post" action="/feld" id="formular" novalidate><input type="hidden" name="seite" value="{}">"#,
        esc(&page.id)
    );
    for key in &page.keys {
        let Some(f) = fields.iter().find(|f| &f.key == key) else { continue };
        let v = value.and_then(|v| v.get(key));
        match (&f.widget, page.id == GENERAL) {
            (Widget::Group(children), false) => {
                let _ = write!(main, r#"<p class="hilfe" id="h-{}">{}</p>"#, field_id(key), super::html::message(&f.help));
                widgets::findings(&mut main, &ctx, &field_id(key), key);
                if !f.required && v.is_some_and(Value::is_object) {
                    let _ = write!(
                        main,
                        r#"<button type="submit" class="klein" formaction="/aktion" name="aktion" value="entfernen:{}">Ganzen Abschnitt „{}“ entfernen</button>"#,
                        esc(key),
                        esc(&f.label)
                    );
                }
                widgets::fields_of(&mut main, &ctx, children, key, v);
            }
            _ => widgets::field(&mut main, &ctx, f, key, v, 2),
        }
    }
    main.push_str(r#"<p class="ohne-skript"><button type="submit">Eingaben übernehmen</button></p></form>"#);
    frame(s, &page.id, &page.title, &main)
}
