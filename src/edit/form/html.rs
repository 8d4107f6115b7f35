//! The widgets as HTML: one renderer per [`Widget`], every value escaped, every input with its
//! label, its help and its findings tied by `aria-describedby`, and `aria-invalid` on errors.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::schema::{Choice, Field, Scalar, Widget};
use crate::diag::{Diagnostic, Severity};
use crate::edit::html::{esc, message};
use crate::edit::path::field_id;
use crate::source::join_key;

mod alternatives;

use alternatives::alternatives;
pub use alternatives::{active_alternative, alternative_label};

/// What the widgets need besides the value.
pub struct Ctx<'a> {
    /// Findings by the path of the field they are shown at.
    pub findings: &'a BTreeMap<String, Vec<&'a Diagnostic>>,
    /// Ids of the entries of each section (`ziele` → `[(Z1, title)]`), for references.
    pub ids: &'a BTreeMap<String, Vec<(String, String)>>,
}

/// Writes a field at a path with its current value; `level` is the heading level for lists.
pub fn field(out: &mut String, ctx: &Ctx<'_>, f: &Field, path: &str, value: Option<&Value>, level: u8) {
    let fid = field_id(path);
    match &f.widget {
        Widget::Group(fields) => group(out, ctx, f, fields, path, value, level),
        Widget::List(item) => list(out, ctx, f, item, path, value, level),
        Widget::Alternatives(alts) => alternatives(out, ctx, f, alts, path, value, level),
        Widget::Scalar(s) => {
            let shown = display(f, value);
            let text = shown.first().cloned().unwrap_or_default();
            open_field(out, f, &fid);
            let attrs = input_attrs(ctx, f, &fid, path);
            if s.markdown {
                let _ = write!(out, r#"<textarea id="{fid}" name="{}" rows="6"{attrs}>{}</textarea>"#, esc(path), esc(&text));
                let _ = write!(
                    out,
                    r#"<button type="button" class="md-knopf" data-fuer="{fid}" aria-controls="v-{fid}">Vorschau dieses Textes</button><div id="v-{fid}" class="md-vorschau" hidden></div>"#
                );
            } else {
                let mode = numeric_mode(s);
                let _ = write!(out, r#"<input type="text" id="{fid}" name="{}" value="{}"{mode}{attrs}>"#, esc(path), esc(&text));
            }
            for (i, c) in s.consts.iter().enumerate() {
                let checked = if shown.iter().skip(1).any(|v| v == &c.value) { " checked" } else { "" };
                let _ = write!(
                    out,
                    r#"<label class="option" for="{fid}-k{i}"><input type="checkbox" id="{fid}-k{i}" name="{}" value="{}" data-feld aria-describedby="h-{fid}"{checked}> {} (<code>{}</code>)</label>"#,
                    esc(path),
                    esc(&c.value),
                    esc(const_label(c)),
                    esc(&c.value)
                );
            }
            close_field(out, ctx, f, &fid, path);
        }
        Widget::Choice(choices) => {
            let current = value.and_then(Value::as_str).map(str::to_owned);
            let options: Vec<(String, String)> = choices.iter().map(|c| (c.value.clone(), c.label.clone())).collect();
            select(out, ctx, f, path, &fid, &options, current.as_deref());
        }
        Widget::RefChoice(target) => {
            let current = value.and_then(Value::as_str).map(str::to_owned);
            let options = ref_options(ctx, target);
            select(out, ctx, f, path, &fid, &options, current.as_deref());
        }
        Widget::Flag => {
            let current = value.and_then(Value::as_bool).map(|b| if b { "ja" } else { "nein" });
            let options = vec![("ja".to_owned(), "Ja".to_owned()), ("nein".to_owned(), "Nein".to_owned())];
            select(out, ctx, f, path, &fid, &options, current);
        }
        Widget::Multi(choices) => {
            let options: Vec<(String, String)> = choices.iter().map(|c| (c.value.clone(), c.label.clone())).collect();
            checkboxes(out, ctx, f, path, &fid, &options, value);
        }
        Widget::RefList(target) => {
            let options = ref_options(ctx, target);
            checkboxes(out, ctx, f, path, &fid, &options, value);
        }
        Widget::Tags(_) => {
            let text = display(f, value).join("\n");
            open_field(out, f, &fid);
            let attrs = input_attrs(ctx, f, &fid, path);
            let _ = write!(out, r#"<textarea id="{fid}" name="{}" rows="3"{attrs}>{}</textarea>"#, esc(path), esc(&text));
            close_field(out, ctx, f, &fid, path);
        }
        Widget::Unsupported(why) => {
            open_field(out, f, &fid);
            let shown = value.map(|v| serde_json::to_string_pretty(v).unwrap_or_default()).unwrap_or_default();
            let _ = write!(
                out,
                r#"<p>Dieses Feld ({}) wird in der <a href="/quelltext">Textansicht</a> bearbeitet.</p><pre>{}</pre>"#,
                esc(why),
                esc(&shown)
            );
            close_field(out, ctx, f, &fid, path);
        }
    }
}

/// The values the inputs of a field show, in the order the form sends them back:
/// text first, then each checked box.
#[must_use]
pub fn display(f: &Field, value: Option<&Value>) -> Vec<String> {
    match (&f.widget, value) {
        (_, None | Some(Value::Null)) => vec![String::new()],
        (Widget::Scalar(s), Some(Value::String(v))) if s.consts.iter().any(|c| &c.value == v) => vec![String::new(), v.clone()],
        (Widget::Multi(_) | Widget::RefList(_), Some(Value::Array(items))) => {
            std::iter::once(String::new()).chain(items.iter().map(scalar_text)).collect()
        }
        (Widget::Tags(_), Some(Value::Array(items))) => vec![items.iter().map(scalar_text).collect::<Vec<_>>().join("\n")],
        (Widget::Flag, Some(Value::Bool(b))) => vec![if *b { "ja" } else { "nein" }.to_owned()],
        (_, Some(v)) => vec![scalar_text(v)],
    }
}

/// A scalar as the form shows it: numbers with a German decimal comma, so that they read back.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) if n.is_f64() => n.to_string().replace('.', ","),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn const_label(c: &Choice) -> &str {
    if c.value == "unbekannt" { "nicht bekannt" } else { &c.label }
}

fn numeric_mode(s: &Scalar) -> &'static str {
    use super::schema::Kind;
    match s.kinds.first() {
        Some(Kind::Integer { .. }) if s.kinds.len() == 1 => r#" inputmode="numeric""#,
        Some(Kind::Number { .. }) if s.kinds.len() == 1 => r#" inputmode="decimal""#,
        _ => "",
    }
}

fn has_error(ctx: &Ctx<'_>, path: &str) -> bool {
    ctx.findings.get(path).is_some_and(|ds| ds.iter().any(|d| d.severity == Severity::Fehler))
}

fn input_attrs(ctx: &Ctx<'_>, f: &Field, fid: &str, path: &str) -> String {
    let mut a = format!(r#" data-feld aria-describedby="h-{fid} b-{fid}""#);
    if f.required {
        a.push_str(r#" aria-required="true""#);
    }
    if has_error(ctx, path) {
        a.push_str(r#" aria-invalid="true""#);
    }
    a
}

fn open_field(out: &mut String, f: &Field, fid: &str) {
    let _ = write!(out, r#"<div class="feld" id="w-{fid}"><label for="{fid}">{}</label>"#, label_html(f));
}

fn label_html(f: &Field) -> String {
    let mut s = esc(&f.label);
    if f.required {
        s.push_str(r#" <span class="pflicht">(Pflicht)</span>"#);
    }
    if !f.key.is_empty() {
        let _ = write!(s, r#" <code class="schluessel">{}</code>"#, esc(&f.key));
    }
    s
}

fn help_html(f: &Field, fid: &str) -> String {
    help_with_id(f, &format!("h-{fid}"))
}

/// The help paragraph of a field under the given element id.
fn help_with_id(f: &Field, id: &str) -> String {
    let mut help = message(&f.help);
    if !f.examples.is_empty() && !f.help.contains("z. B.") {
        let _ = write!(help, " Beispiel: {}", esc(&f.examples.join(", ")));
    }
    format!(r#"<p class="hilfe" id="{id}">{help}</p>"#)
}

fn close_field(out: &mut String, ctx: &Ctx<'_>, f: &Field, fid: &str, path: &str) {
    out.push_str(&help_html(f, fid));
    findings(out, ctx, fid, path);
    out.push_str("</div>");
}

/// The findings shown at a field, in a container the page script refreshes.
pub fn findings(out: &mut String, ctx: &Ctx<'_>, fid: &str, path: &str) {
    let _ = write!(out, r#"<div class="befunde" id="b-{fid}">"#);
    if let Some(ds) = ctx.findings.get(path) {
        out.push_str(&findings_list(ds));
    }
    out.push_str("</div>");
}

/// A list of findings: severity in words, code, message, help and a link to the rule.
#[must_use]
pub fn findings_list(ds: &[&Diagnostic]) -> String {
    let mut out = String::from(r#"<ul class="befunde-liste">"#);
    for d in ds {
        let class = match d.severity {
            Severity::Fehler => "fehler",
            Severity::Warnung => "warnung",
            Severity::Hinweis => "hinweis",
        };
        let _ = write!(
            out,
            r#"<li class="befund {class}"><strong class="stufe">{}</strong> <a class="code" href="/regel/{}">[{}]</a> {}"#,
            d.severity.label(),
            crate::edit::html::url_part(d.code.code),
            esc(d.code.code),
            message(&d.message)
        );
        if let Some(help) = &d.help {
            let _ = write!(out, r#"<br><span class="befund-hilfe">Hinweis: {}</span>"#, message(help));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

fn select(out: &mut String, ctx: &Ctx<'_>, f: &Field, path: &str, fid: &str, options: &[(String, String)], current: Option<&str>) {
    open_field(out, f, fid);
    let attrs = input_attrs(ctx, f, fid, path);
    let _ = write!(out, r#"<select id="{fid}" name="{}"{attrs}>"#, esc(path));
    let empty_label = if f.required { "– bitte wählen –" } else { "– keine Angabe –" };
    let _ = write!(out, r#"<option value=""{}>{empty_label}</option>"#, if current.is_none() { " selected" } else { "" });
    for (value, label) in options {
        let sel = if current == Some(value.as_str()) { " selected" } else { "" };
        let shown = if label == value { esc(value) } else { format!("{} ({})", esc(label), esc(value)) };
        let _ = write!(out, r#"<option value="{}"{sel}>{shown}</option>"#, esc(value));
    }
    if let Some(cur) = current.filter(|c| !options.iter().any(|(v, _)| v == c)) {
        let _ = write!(out, r#"<option value="{}" selected>{} (ungültig)</option>"#, esc(cur), esc(cur));
    }
    out.push_str("</select>");
    close_field(out, ctx, f, fid, path);
}

fn checkboxes(out: &mut String, ctx: &Ctx<'_>, f: &Field, path: &str, fid: &str, options: &[(String, String)], value: Option<&Value>) {
    let chosen: Vec<String> = display(f, value).into_iter().skip(1).collect();
    let invalid = if has_error(ctx, path) { r#" aria-invalid="true""# } else { "" };
    let _ = write!(
        out,
        r#"<fieldset class="feld gruppe" id="w-{fid}" aria-describedby="h-{fid} b-{fid}"><legend id="{fid}">{}</legend><input type="hidden" name="{}" value="">"#,
        label_html(f),
        esc(path)
    );
    let mut all: Vec<(String, String, bool)> = options.iter().map(|(v, l)| (v.clone(), l.clone(), true)).collect();
    for c in &chosen {
        if !options.iter().any(|(v, _)| v == c) {
            all.push((c.clone(), "nicht vorhanden".to_owned(), false));
        }
    }
    if all.is_empty() {
        out.push_str(r#"<p class="leer">Noch keine Einträge zur Auswahl.</p>"#);
    }
    for (i, (v, label, _)) in all.iter().enumerate() {
        let checked = if chosen.contains(v) { " checked" } else { "" };
        let shown = if label == v { esc(v) } else { format!("{} – {}", esc(v), esc(label)) };
        let _ = write!(
            out,
            r#"<label class="option" for="{fid}-{i}"><input type="checkbox" id="{fid}-{i}" name="{}" value="{}" data-feld{checked}{invalid}> {shown}</label>"#,
            esc(path),
            esc(v)
        );
    }
    out.push_str(&help_html(f, fid));
    findings(out, ctx, fid, path);
    out.push_str("</fieldset>");
}

fn ref_options(ctx: &Ctx<'_>, target: &str) -> Vec<(String, String)> {
    ctx.ids
        .get(target)
        .map(|ids| ids.iter().map(|(id, title)| (id.clone(), if title.is_empty() { id.clone() } else { title.clone() })).collect())
        .unwrap_or_default()
}

fn group(out: &mut String, ctx: &Ctx<'_>, f: &Field, fields: &[Field], path: &str, value: Option<&Value>, level: u8) {
    let fid = field_id(path);
    let _ = write!(out, r#"<fieldset class="abschnitt" id="{fid}" aria-describedby="h-{fid}"><legend>{}</legend>"#, label_html(f));
    out.push_str(&help_html(f, &fid));
    findings(out, ctx, &fid, path);
    if !f.required && value.is_some_and(Value::is_object) {
        let _ = write!(
            out,
            r#"<button type="submit" class="klein" formaction="/aktion" name="aktion" value="entfernen:{}">Angaben „{}“ entfernen</button>"#,
            esc(path),
            esc(&f.label)
        );
    }
    for child in fields {
        let child_path = join_key(path, &child.key);
        field(out, ctx, child, &child_path, value.and_then(|v| v.get(&child.key)), level + 1);
    }
    out.push_str("</fieldset>");
}

/// The fields of the top-level mapping of a page, without a surrounding fieldset.
pub fn fields_of(out: &mut String, ctx: &Ctx<'_>, fields: &[Field], path: &str, value: Option<&Value>) {
    for child in fields {
        let child_path = join_key(path, &child.key);
        field(out, ctx, child, &child_path, value.and_then(|v| v.get(&child.key)), 2);
    }
}

fn list(out: &mut String, ctx: &Ctx<'_>, f: &Field, item: &Field, path: &str, value: Option<&Value>, level: u8) {
    let fid = field_id(path);
    let h = level.clamp(2, 6);
    let items: &[Value] = value.and_then(Value::as_array).map_or(&[], Vec::as_slice);
    let _ =
        write!(out, r#"<section class="liste" id="{fid}" aria-labelledby="{fid}-titel"><h{h} id="{fid}-titel">{}</h{h}>"#, label_html(f));
    out.push_str(&help_html(f, &fid));
    findings(out, ctx, &fid, path);
    if items.is_empty() {
        out.push_str(r#"<p class="leer">Noch keine Einträge.</p>"#);
    } else {
        out.push_str(r#"<ol class="eintraege">"#);
    }
    for (i, v) in items.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        let iid = field_id(&item_path);
        let name = item_title(v);
        let n = i + 1;
        let open = if items.len() <= 6 || ctx.findings.keys().any(|k| k.starts_with(&item_path)) { " open" } else { "" };
        let _ = write!(
            out,
            r#"<li id="{iid}"><details{open}><summary>Eintrag {n}{}</summary><div class="eintrag-knoepfe">"#,
            if name.is_empty() { String::new() } else { format!(": {}", esc(&name)) }
        );
        let label = if name.is_empty() { format!("Eintrag {n}") } else { format!("Eintrag {n} ({name})") };
        for (op, text, disabled) in
            [("hoch", "Nach oben", i == 0), ("runter", "Nach unten", i + 1 == items.len()), ("loeschen", "Löschen", false)]
        {
            let aria = match op {
                "hoch" => format!("{label} nach oben verschieben"),
                "runter" => format!("{label} nach unten verschieben"),
                _ => format!("{label} löschen"),
            };
            let _ = write!(
                out,
                r#"<button type="submit" class="klein" id="{iid}-{op}" formaction="/aktion" name="aktion" value="{op}:{}" aria-label="{}"{}>{text}</button>"#,
                esc(&item_path),
                esc(&aria),
                if disabled { " disabled" } else { "" }
            );
        }
        out.push_str("</div>");
        findings(out, ctx, &iid, &item_path);
        match &item.widget {
            Widget::Group(fields) => {
                for child in fields {
                    let child_path = join_key(&item_path, &child.key);
                    field(out, ctx, child, &child_path, v.get(&child.key), h + 1);
                }
            }
            _ => field(out, ctx, item, &item_path, Some(v), h + 1),
        }
        out.push_str("</details></li>");
    }
    if !items.is_empty() {
        out.push_str("</ol>");
    }
    let _ = write!(
        out,
        r#"<button type="submit" id="{fid}-neu" formaction="/aktion" name="aktion" value="neu:{}">Eintrag hinzufügen: {}</button></section>"#,
        esc(path),
        esc(&f.label)
    );
}

/// A short title of a list entry: its id and its first text.
#[must_use]
pub fn item_title(v: &Value) -> String {
    let Some(map) = v.as_object() else { return String::new() };
    let id = map.get("id").and_then(Value::as_str).unwrap_or_default();
    let text =
        map.iter().filter(|(k, _)| k.as_str() != "id").find_map(|(_, v)| v.as_str().filter(|s| !s.trim().is_empty())).unwrap_or_default();
    let mut text: String = text.lines().next().unwrap_or_default().chars().take(60).collect();
    if text.chars().count() == 60 {
        text.push('…');
    }
    match (id.is_empty(), text.is_empty()) {
        (false, false) => format!("{id} – {text}"),
        (false, true) => id.to_owned(),
        _ => text,
    }
}
