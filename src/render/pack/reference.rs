//! The reference page for template authors (`docs/vorlagendaten.md`), generated.
//!
//! Every description on the page is written once, elsewhere: the fields' in the doc comments of
//! the view types (which also make the view schema's descriptions), the Markdown filters' in
//! [`crate::render::markdown::FILTERS`], the typst helpers' in the `///` comments above them in
//! `daten.typ`, `stil.typ` and `markdown.typ`, the shared wording's in its type. The test of
//! generated files keeps the committed page current (`MEP_UPDATE=1` rewrites it).

use std::fmt::Write as _;

use serde_json::Value;

/// Where the page is committed, relative to the repository.
pub const PATH: &str = "docs/vorlagendaten.md";

/// Value types printed as one word, not expanded field by field: schema name and German name.
const VALUES: &[(&str, &str)] = &[
    ("Betrag", "Betrag"),
    ("Anteil", "Anteil"),
    ("Zahl", "Zahl"),
    ("Anzahl", "Anzahl"),
    ("AngabeV", "Angabe"),
    ("JahrV", "Jahr"),
    ("DatumV", "Datum"),
    ("SpanneV", "Zeitraum"),
    ("Label", "Auswahl"),
    ("JaNein", "Ja/Nein"),
    ("Markdown", "Markdown"),
];

const INTRO: &str = "# Vorlagendaten: Referenz für Vorlagen

<!-- Erzeugt aus den Beschreibungen der Vorlagendaten (mep::render::pack::reference); nicht von Hand ändern.
     Neu erzeugen: MEP_UPDATE=1 cargo test --test it -->

Diese Seite beschreibt die Daten, die mep den Vorlagen eines Plans gibt, Feld für Feld. Die Markdown-Vorlagen
(tera) lesen sie unmittelbar (`{{ schule.name }}`), die PDF-Vorlagen (typst) über `daten.typ`
(`view.schule.name`, dazu die Abkürzungen `schule`, `traeger`, `kennzahlen`, `vokabular`, `grammatik`).
Dieselben Daten schreibt `mep erstellen --format json plan.yaml`; ihr JSON-Schema ist
`schemas/output/view.schema.json`. `mep vorlagen pruefen` prüft jeden Schlüssel, den eine Vorlage liest,
gegen diese Liste.

Jeder Schlüssel ist immer vorhanden. Fehlt eine Angabe im Plan, ist der Wert `none` (JSON `null`) oder
eine leere Liste; so unterscheidet sich „fehlt“ von einem Tippfehler. Listen behalten die Reihenfolge
des Plans. Jeder Text außerhalb von Markdown-Feldern ist Klartext: Die Markdown-Vorlagen maskieren ihn
von selbst, die PDF-Vorlagen setzen ihn als Text, nie als Markup.

## Werte

Zahlen, Beträge und Daten kommen mit fertigem deutschem Text (`text`), damit beide Dokumente sie gleich
drucken: Beträge als `1.234,56 €`, Anteile als `12,5 %` (mit geschütztem Leerzeichen), negative Beträge mit
dem Minuszeichen U+2212, gerundet kaufmännisch.

| Art | Aufbau | Beschreibung |
|---|---|---|
";

/// The German name of a schema node, and the `$defs` name of the struct to expand below it (if any).
fn kind(node: &Value) -> (String, Option<String>) {
    if let Some(name) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        if let Some((_, german)) = VALUES.iter().find(|(n, _)| *n == name) {
            return ((*german).to_owned(), None);
        }
        return ("Objekt".to_owned(), Some(name.to_owned()));
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            let some: Vec<&Value> = list.iter().filter(|n| n.get("type").and_then(Value::as_str) != Some("null")).collect();
            if let [one] = some.as_slice() {
                let (name, expand) = kind(one);
                return (format!("{name} oder `none`"), expand);
            }
        }
    }
    let types: Vec<&str> = match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let nullable = types.contains(&"null");
    let base = match types.iter().find(|t| **t != "null").copied() {
        Some("string") => "Text".to_owned(),
        Some("integer") => "ganze Zahl".to_owned(),
        Some("number") => "Zahl".to_owned(),
        Some("boolean") => "ja/nein (`true`/`false`)".to_owned(),
        Some("array") => {
            let (inner, expand) = node.get("items").map_or(("Wert".to_owned(), None), kind);
            return (format!("Liste von {inner}"), expand);
        }
        Some("object") => "Objekt".to_owned(),
        _ => "Wert".to_owned(),
    };
    (if nullable { format!("{base} oder `none`") } else { base }, None)
}

/// One line of a table cell: `|` escaped, line breaks joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The rows of the fields below `node` (a struct schema), prefixed with `path`.
fn fields(node: &Value, schema: &Value, path: &str, depth: usize, out: &mut String) {
    let Some(props) = node.get("properties").and_then(Value::as_object) else { return };
    for (key, child) in props {
        let full = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        let (name, expand) = kind(child);
        let list = child.get("type").and_then(Value::as_str) == Some("array");
        let shown = if list { format!("{full}[]") } else { full.clone() };
        let def = expand.as_ref().and_then(|d| schema.get("$defs").and_then(|defs| defs.get(d)));
        let description = child
            .get("description")
            .and_then(Value::as_str)
            .or_else(|| def.and_then(|d| d.get("description")).and_then(Value::as_str))
            .unwrap_or("");
        let _ = writeln!(out, "| `{shown}` | {} | {} |", cell(&name), cell(description));
        if let Some(def) = def
            && depth < 8
        {
            fields(def, schema, &shown, depth + 1, out);
        }
    }
}

/// The value types' table.
fn values(schema: &Value, out: &mut String) {
    for (name, german) in VALUES {
        let Some(def) = schema.get("$defs").and_then(|d| d.get(*name)) else { continue };
        let keys: Vec<String> =
            def.get("properties").and_then(Value::as_object).map(|p| p.keys().map(|k| format!("`{k}`")).collect()).unwrap_or_default();
        let description = def.get("description").and_then(Value::as_str).unwrap_or("");
        let _ = writeln!(out, "| {german} | {} | {} |", keys.join(", "), cell(description));
    }
}

/// The `///` comments above each `#let name(…)` of a typst file: (call, description).
fn typst_helpers(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut doc: Vec<&str> = Vec::new();
    for line in text.lines() {
        if let Some(d) = line.strip_prefix("/// ") {
            doc.push(d);
            continue;
        }
        if let Some(rest) = line.strip_prefix("#let ")
            && !doc.is_empty()
        {
            let head = rest.split(" =").next().unwrap_or(rest).trim();
            out.push((head.to_owned(), doc.join(" ")));
        }
        doc.clear();
    }
    out
}

/// The whole page.
#[must_use]
pub fn markdown() -> String {
    let schema = super::keys::view_schema();
    let mut out = String::from(INTRO);
    values(schema, &mut out);
    out.push_str("\n## Felder\n\nDie Schlüssel von oben nach unten; `[]` steht für jedes Element einer Liste.\n\n");
    out.push_str("| Schlüssel | Art | Beschreibung |\n|---|---|---|\n");
    fields(schema, schema, "", 0, &mut out);
    out.push_str("\n## Gemeinsamer Wortlaut (`wortlaut`)\n\n");
    out.push_str(
        "Sätze, die beide Dokumente drucken, aus `wortlaut.yaml` des Pakets (sonst den eingebauten): \
         `{{ wortlaut.leer.ziele }}` im Markdown, `wortlaut.leer.ziele` im PDF.\n\n",
    );
    out.push_str("| Schlüssel | Art | Beschreibung |\n|---|---|---|\n");
    let wording = super::keys::wortlaut_schema();
    fields(wording, wording, "wortlaut", 0, &mut out);
    out.push_str("\n## Filter der Markdown-Vorlagen\n\nZusätzlich zu den Filtern von tera (`join`, `length`, `upper`, …):\n\n");
    out.push_str("| Filter | Beispiel | Wirkung |\n|---|---|---|\n");
    for (name, example, description) in crate::render::markdown::FILTERS {
        let _ = writeln!(out, "| `{name}` | `{}` | {} |", cell(example), cell(description));
    }
    out.push_str("\n## Hilfsfunktionen der PDF-Vorlagen\n\n");
    out.push_str("Die Kapitel importieren sie mit `#import \"daten.typ\": *` und `#import \"stil.typ\": *`.\n\n");
    out.push_str("| Datei | Funktion | Wirkung |\n|---|---|---|\n");
    for file in ["daten.typ", "stil.typ", "markdown.typ", "zusatzkapitel.typ"] {
        let text = crate::render::pdf::templates::EMBEDDED.iter().find(|(n, _)| *n == file).map_or("", |(_, t)| *t);
        for (call, description) in typst_helpers(text) {
            let _ = writeln!(out, "| `{file}` | `{}` | {} |", cell(&call), cell(&description));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_field_of_the_page_is_described() {
        let page = super::markdown();
        let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| `")).collect();
        assert!(rows.len() > 250, "only {} rows", rows.len());
        let bare: Vec<&&str> = rows.iter().filter(|l| l.trim_end().ends_with("|  |") || l.trim_end().ends_with("| |")).collect();
        assert!(bare.is_empty(), "fields without a description: {bare:#?}");
    }

    #[test]
    fn the_page_names_nested_fields_filters_and_helpers() {
        let page = super::markdown();
        for needle in [
            "| `schule.anschrift` | Text oder `none` | Anschrift in einer Zeile",
            "| `bedarf[].einzelpreis` | Betrag oder `none` |",
            "| `kennzahlen.investition.je_kategorie[].summe` | Betrag |",
            "| `wortlaut.leer.ziele` | Text |",
            "| `sonst` |",
            "| `daten.typ` | `feld(container, schluessel)` |",
        ] {
            assert!(page.contains(needle), "{needle}");
        }
    }
}
