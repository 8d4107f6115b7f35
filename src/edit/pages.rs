//! The pages besides the forms: all findings, the preview, the text view, the difference to
//! the file on disk, a rule's explanation and the start of a new plan.

use std::fmt::Write as _;

use super::form::html::findings_list;
use super::html::{esc, message};
use super::page::{self, frame};
use super::session::Session;
use crate::model::{Land, Programm, Schulform};

/// Every finding, grouped by page, each linked to its field.
#[must_use]
pub fn summary(s: &Session) -> String {
    let mut main = String::from("<h1>Alle Befunde</h1>");
    let c = s.counts();
    let _ = write!(main, "<p>{}. Dieselben Meldungen wie bei <code>mep pruefen</code>.</p>", esc(&c.summary_de()));
    if s.diagnostics().is_empty() {
        main.push_str("<p>Keine Befunde.</p>");
    }
    let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
    for d in s.diagnostics() {
        let field = page::field_of(&d.path);
        let (page_id, page_title) = field.as_deref().map_or(("", "Ohne Feld: die Datei oder der Plan als Ganzes"), |f| {
            let p = page::page_of(f);
            (p.id.as_str(), p.title.as_str())
        });
        let place =
            d.location.as_ref().map_or(String::new(), |l| format!(" <span class=\"ort\">(Zeile {}, Spalte {})</span>", l.line, l.column));
        let link = field.as_deref().map_or(String::new(), |f| {
            format!(r#" <a href="/seite/{}#{}">zum Feld <code>{}</code></a>"#, esc(page_id), super::path::field_id(f), esc(f))
        });
        let item = format!("{}{place}{link}", findings_list(&[d]));
        match groups.iter_mut().find(|(id, _, _)| id == page_id) {
            Some((_, _, items)) => items.push(item),
            None => groups.push((page_id.to_owned(), page_title.to_owned(), vec![item])),
        }
    }
    for (_, title, items) in groups {
        let _ = write!(main, "<h2>{}</h2><ul class=\"zusammenfassung\">", esc(&title));
        for item in items {
            let _ = write!(main, "<li>{item}</li>");
        }
        main.push_str("</ul>");
    }
    frame(s, "befunde", "Alle Befunde", &main)
}

/// The rendered Markdown, one chapter at a time, with a table of contents.
#[must_use]
pub fn preview(s: &Session, chapter: usize) -> String {
    let mut main = String::from("<h1>Vorschau</h1>");
    let Some(text) = s.text() else { return frame(s, "vorschau", "Vorschau", &main) };
    let rendered = super::export::view(&s.name(), text, &s.options.limits, &s.options.choice)
        .and_then(|(view, _, _)| crate::render::markdown::render(&view, &s.options.markdown).map_err(|e| e.to_string()));
    match rendered {
        Err(e) => {
            let _ = write!(main, "<p>{}</p>", message(&e));
        }
        Ok(md) => {
            let chapters = super::mdhtml::chapters(&md);
            main.push_str("<p>So erscheint der Plan als Markdown (<code>mep erstellen</code>); ein Plan mit Fehlern als Entwurf.</p><nav aria-label=\"Kapitel\"><ol class=\"kapitel\">");
            for (i, (title, _)) in chapters.iter().enumerate() {
                let here = if i == chapter { r#" aria-current="page""# } else { "" };
                let _ = write!(main, r#"<li><a href="/vorschau?kapitel={i}"{here}>{}</a></li>"#, esc(title));
            }
            main.push_str("</ol></nav>");
            if let Some((_, body)) = chapters.get(chapter) {
                let _ = write!(main, r#"<article class="vorschau">{}</article>"#, super::mdhtml::to_html(body, 1));
            }
        }
    }
    frame(s, "vorschau", "Vorschau", &main)
}

/// The plan as text, editable, with every finding and its line and column.
#[must_use]
pub fn text_view(s: &Session, problem: Option<&str>) -> String {
    let mut main = String::from("<h1>Textansicht (YAML)</h1>");
    if s.value().is_none() && s.text().is_some() {
        main.push_str(r#"<p class="meldung" role="alert">Die Datei ist kein lesbares YAML. Korrigieren Sie die unten genannten Stellen; sobald der Text lesbar ist, erscheint wieder das Formular.</p>"#);
    }
    if let Some(p) = problem {
        let _ = write!(main, r#"<p class="meldung" role="alert">{}</p>"#, message(p));
    }
    let _ = write!(
        main,
        r#"<form method="post" action="/quelltext"><label for="text">Plan als YAML-Text</label><textarea id="text" name="text" rows="30" spellcheck="false" aria-describedby="text-hilfe text-befunde">{}</textarea><p class="hilfe" id="text-hilfe">Änderungen hier ersetzen den Text im Editor; gespeichert wird erst mit „Speichern“.</p><button type="submit">Text übernehmen und prüfen</button></form>"#,
        esc(s.text().unwrap_or_default())
    );
    main.push_str(r#"<div id="text-befunde"><h2>Befunde mit Zeile und Spalte</h2><ul class="zusammenfassung">"#);
    for d in s.diagnostics() {
        let place = d.location.as_ref().map_or(String::new(), |l| format!("Zeile {}, Spalte {}: ", l.line, l.column));
        let _ = write!(main, "<li>{}{}</li>", esc(&place), findings_list(&[d]));
    }
    main.push_str("</ul></div>");
    frame(s, "quelltext", "Textansicht", &main)
}

/// The difference between the file on disk and the text in the editor, line by line.
#[must_use]
pub fn difference(s: &Session) -> String {
    let disk = s.disk().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    let mine = s.text().unwrap_or_default();
    let mut main = String::from(
        "<h1>Unterschied zur Datei</h1><p>Zeilen mit „−“ stehen nur in der Datei auf der Festplatte, Zeilen mit „+“ nur im Editor.</p>",
    );
    main.push_str(r#"<form method="post" action="/neu-laden"><button type="submit">Datei neu laden (Änderungen im Editor verwerfen)</button></form><pre class="unterschied">"#);
    let diff = similar::TextDiff::from_lines(disk.as_str(), mine);
    for group in diff.grouped_ops(2) {
        main.push_str("<span class=\"trenner\">…</span>\n");
        for op in group {
            for change in diff.iter_changes(&op) {
                let (class, sign) = match change.tag() {
                    similar::ChangeTag::Delete => ("weg", "−"),
                    similar::ChangeTag::Insert => ("neu", "+"),
                    similar::ChangeTag::Equal => ("gleich", " "),
                };
                let _ = write!(main, r#"<span class="{class}">{sign} {}</span>"#, esc(change.value().trim_end_matches(['\n', '\r'])));
                main.push('\n');
            }
        }
    }
    main.push_str("</pre>");
    frame(s, "unterschied", "Unterschied zur Datei", &main)
}

/// A rule's explanation, as `mep explain CODE` gives it.
#[must_use]
pub fn rule(s: &Session, code: &str) -> String {
    let Some(r) = crate::rules::find(code) else {
        let main = format!("<h1>Unbekannter Code</h1><p>Den Code <code>{}</code> gibt es nicht.</p>", esc(code));
        return frame(s, "regel", "Unbekannter Code", &main);
    };
    let mut main = format!("<h1><code>{}</code>: {}</h1><p>Schweregrad: {}</p>", esc(r.code), esc(r.title), r.severity.label());
    main.push_str(&super::mdhtml::to_html(r.explanation, 1));
    if !r.bad.is_empty() {
        let _ = write!(main, "<h2>So nicht</h2><pre>{}</pre><h2>So richtig</h2><pre>{}</pre>", esc(r.bad), esc(r.good));
    }
    if !r.sources.is_empty() {
        main.push_str("<h2>Quellen</h2><ul>");
        for q in r.sources {
            let _ = write!(main, "<li>{} (<code>{}</code>)</li>", esc(q.titel), esc(q.url));
        }
        main.push_str("</ul>");
    }
    frame(s, "regel", r.title, &main)
}

/// The first page of a new plan: Land, Schulform and programme.
#[must_use]
pub fn new_plan(s: &Session) -> String {
    let mut main = format!(
        r#"<h1>Neuer Plan</h1><p>Die Datei <code>{}</code> gibt es noch nicht. Wählen Sie Land und Schulform; der Editor beginnt mit der Vorlage von <code>mep anlegen</code>. Geschrieben wird erst beim Speichern.</p><form method="post" action="/neu">"#,
        esc(&s.name())
    );
    let select = |id: &str, label: &str, options: Vec<(&str, &str)>, chosen: &str| {
        let mut h = format!(r#"<div class="feld"><label for="{id}">{label}</label><select id="{id}" name="{id}" aria-required="true">"#);
        for (value, text) in options {
            let sel = if value == chosen { " selected" } else { "" };
            let _ = write!(h, r#"<option value="{}"{sel}>{} ({})</option>"#, esc(value), esc(text), esc(value));
        }
        h.push_str("</select></div>");
        h
    };
    main.push_str(&select("land", "Bundesland", Land::ALL.iter().map(|l| (l.key(), l.label())).collect(), "NW"));
    main.push_str(&select("schulform", "Schulform", Schulform::ALL.iter().map(|f| (f.key(), f.label())).collect(), "grundschule"));
    main.push_str(&select("programm", "Förderprogramm", Programm::ALL.iter().map(|p| (p.key(), p.label())).collect(), "digitalpakt-2"));
    main.push_str(r#"<button type="submit">Plan anlegen</button></form>"#);
    frame(s, "neu", "Neuer Plan", &main)
}
