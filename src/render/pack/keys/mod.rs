//! The static key check: every data key a template uses must exist in the template data.
//!
//! `mep vorlagen pruefen` runs it before rendering anything, so a key typo is found in every
//! chapter, also in branches that no example reaches (`{% if betrieb %}` on a plan without
//! `betrieb`). It follows the names the templates bind to the data and checks the keys read
//! from them against the JSON Schema of the view ([`crate::view::PlanView`]) and of the shared
//! wording ([`super::wortlaut::Wortlaut`]):
//!
//! - **typst**: `daten.typ` binds `json("/data.json")` and `json("/wortlaut.json")`; every
//!   `let` of a key chain (`#let schule = view.schule`), every `for x in <chain>` and the
//!   helpers `feld(container, "schluessel")`, `kapitel-titel("schluessel")` and
//!   `anhang-titel("schluessel")` carry the place in the data along. The chapter files see the
//!   names `daten.typ` binds at its top level (they import it with `*`).
//! - **tera** (Markdown): the top-level keys of the view and `wortlaut` are names; so is every
//!   `{% for x in <chain> %}` (until its `endfor`) and `{% set x = <chain> %}`.
//!
//! Names whose place in the data is not known (function parameters, results of methods) are
//! not followed: the check finds no false keys, and the render of the examples catches the rest.

use std::ops::Range;
use std::sync::LazyLock;

use serde_json::Value;

mod tera;
mod typst;

pub use self::tera::check_tera;
pub use self::typst::check_typst;

/// A key a template reads that the data does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKey {
    /// Byte range of the key in the template text.
    pub span: Range<usize>,
    /// German message: the key path, the keys that exist there and a suggestion.
    pub message: String,
}

/// The result of checking one template.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// Keys the data does not have.
    pub unknown: Vec<UnknownKey>,
    /// How many key paths were checked.
    pub checked: usize,
    /// The fields read, each once, in the order first read: key path and German description.
    pub read: Vec<(String, String)>,
}

/// Which data a name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Root {
    /// `/data.json`: `meta`, `view`, `charts`.
    Data,
    /// The view ([`crate::view::PlanView`]).
    View,
    /// The shared wording.
    Wortlaut,
}

/// One step into the data: a key, or an element of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Step {
    Key(String),
    Item,
}

/// What a name in scope stands for: a place in the data, or something not followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Binding {
    Place(Root, Vec<Step>),
    Unknown,
}

/// Names in scope, innermost last.
pub(super) type Scope = Vec<(String, Binding)>;

pub(super) fn lookup<'s>(scope: &'s Scope, name: &str) -> Option<&'s Binding> {
    scope.iter().rev().find(|(n, _)| n == name).map(|(_, b)| b)
}

fn schema_value<T: schemars::JsonSchema>() -> Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>();
    serde_json::to_value(schema).unwrap_or_default()
}

pub(super) static VIEW: LazyLock<Value> = LazyLock::new(schema_value::<crate::view::PlanView>);
static WORTLAUT: LazyLock<Value> = LazyLock::new(schema_value::<super::wortlaut::Wortlaut>);

/// The JSON Schema of the view, as the templates read it.
#[must_use]
pub fn view_schema() -> &'static Value {
    &VIEW
}

/// The JSON Schema of the shared wording.
#[must_use]
pub fn wortlaut_schema() -> &'static Value {
    &WORTLAUT
}

/// The schema nodes `node` stands for: `$ref` followed, `anyOf`/`oneOf`/`allOf` flattened.
fn alternatives<'a>(node: &'a Value, schema: &'a Value, out: &mut Vec<&'a Value>) {
    if let Some(name) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        if let Some(def) = schema.get("$defs").and_then(|d| d.get(name)) {
            alternatives(def, schema, out);
        }
        return;
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            for n in list {
                alternatives(n, schema, out);
            }
            return;
        }
    }
    out.push(node);
}

/// Whether a schema node accepts any key (no properties declared, not a scalar).
fn open(node: &Value) -> bool {
    node.get("properties").is_none() && node.get("type").is_none() && node.get("items").is_none()
}

/// Where `steps` leads from `root`; `Err((index of the step that fails, keys there))`.
/// On success, the German description of the field the path leads to, when the schema has one.
fn resolve(root: Root, steps: &[Step]) -> Result<Option<String>, (usize, Vec<String>)> {
    let (schema, start) = match root {
        Root::Data => match steps.first() {
            None => return Ok(None),
            Some(Step::Key(k)) if k == "view" => return resolve(Root::View, &steps[1..]).map_err(|(i, keys)| (i + 1, keys)),
            Some(Step::Key(k)) if k == "meta" || k == "charts" => return Ok(None),
            Some(_) => return Err((0, vec!["charts".to_owned(), "meta".to_owned(), "view".to_owned()])),
        },
        Root::View => (&*VIEW, 0),
        Root::Wortlaut => (&*WORTLAUT, 0),
    };
    let mut nodes = vec![schema];
    for (i, step) in steps.iter().enumerate().skip(start) {
        let mut alts = Vec::new();
        for n in &nodes {
            alternatives(n, schema, &mut alts);
        }
        alts.retain(|a| a.get("type").and_then(Value::as_str) != Some("null"));
        if alts.iter().any(|a| open(a)) {
            return Ok(None);
        }
        let next: Vec<&Value> = match step {
            Step::Key(k) => alts.iter().filter_map(|a| a.get("properties").and_then(|p| p.get(k.as_str()))).collect(),
            Step::Item => alts.iter().filter_map(|a| a.get("items")).collect(),
        };
        if next.is_empty() {
            let mut keys: Vec<String> =
                alts.iter().filter_map(|a| a.get("properties").and_then(Value::as_object)).flat_map(|p| p.keys().cloned()).collect();
            keys.sort();
            keys.dedup();
            return Err((i, keys));
        }
        nodes = next;
    }
    let described = |n: &&Value| n.get("description").and_then(Value::as_str).map(str::to_owned);
    let mut alts = Vec::new();
    for n in &nodes {
        alternatives(n, schema, &mut alts);
    }
    Ok(nodes.iter().find_map(described).or_else(|| alts.iter().find_map(described)))
}

/// A key path as template authors read it on the reference page: `ziele[].id`, `wortlaut.leer.ziele`.
fn shown_path(root: Root, steps: &[Step]) -> String {
    let mut shown = match root {
        Root::Data => String::from("daten"),
        Root::View => String::new(),
        Root::Wortlaut => String::from("wortlaut"),
    };
    for step in steps {
        match step {
            Step::Key(k) => {
                if !shown.is_empty() {
                    shown.push('.');
                }
                shown.push_str(k);
            }
            Step::Item => shown.push_str("[]"),
        }
    }
    shown
}

/// The message for a key path that fails at step `at`.
fn message(root: Root, steps: &[Step], at: usize, keys: &[String]) -> String {
    let mut shown = match root {
        Root::Data => String::from("daten"),
        Root::View => String::from("view"),
        Root::Wortlaut => String::from("wortlaut"),
    };
    for step in &steps[..at] {
        match step {
            Step::Key(k) => {
                shown.push('.');
                shown.push_str(k);
            }
            Step::Item => shown.push_str("[]"),
        }
    }
    let Some(Step::Key(wrong)) = steps.get(at) else {
        return format!("`{shown}` ist keine Liste; über sie kann nicht gezählt werden.");
    };
    if keys.is_empty() {
        return format!("`{shown}` hat keine Felder, die Vorlage liest aber `{wrong}` daraus.");
    }
    let near = keys.iter().map(|k| (strsim::jaro_winkler(k, wrong), k)).filter(|(s, _)| *s > 0.8).max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = near.map(|(_, k)| format!(" Meinten Sie `{k}`?")).unwrap_or_default();
    format!(
        "Die Vorlagendaten haben kein Feld `{wrong}` unter `{shown}`.{hint} Vorhanden: {}. Alle Felder beschreibt docs/vorlagendaten.md.",
        keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
    )
}

/// A key path read by a template: the binding it starts from and each step with its place.
pub(super) struct Chain {
    root: Root,
    steps: Vec<Step>,
    /// Byte range of each step, parallel to `steps`; the bound prefix has no place of its own.
    spans: Vec<Option<Range<usize>>>,
}

impl Chain {
    pub(super) fn from_binding(binding: &Binding) -> Option<Self> {
        match binding {
            Binding::Place(root, steps) => Some(Self { root: *root, steps: steps.clone(), spans: vec![None; steps.len()] }),
            Binding::Unknown => None,
        }
    }

    pub(super) fn push(&mut self, step: Step, span: Option<Range<usize>>) {
        // `daten.view` is the view: named so in messages.
        if self.root == Root::Data && self.steps.is_empty() && step == Step::Key("view".to_owned()) {
            self.root = Root::View;
            return;
        }
        self.steps.push(step);
        self.spans.push(span);
    }

    pub(super) fn binding(&self) -> Binding {
        Binding::Place(self.root, self.steps.clone())
    }

    /// Checks the chain into `out`; a failing step without a place of its own is left to the binding's check.
    pub(super) fn check(&self, out: &mut Checked) {
        out.checked += 1;
        match resolve(self.root, &self.steps) {
            Ok(Some(description)) => {
                let path = shown_path(self.root, &self.steps);
                if !self.steps.is_empty() && !out.read.iter().any(|(p, _)| *p == path) {
                    out.read.push((path, description));
                }
            }
            Ok(None) => {}
            Err((at, keys)) => {
                if let Some(Some(span)) = self.spans.get(at)
                    && !out.unknown.iter().any(|u| u.span == *span)
                {
                    out.unknown.push(UnknownKey { span: span.clone(), message: message(self.root, &self.steps, at, &keys) });
                }
            }
        }
    }
}

/// Templates that read other data than the plan view: the review overview of `mep uebersicht`
/// and the Schulträger's plan of `mep traegerplan` (both under `review/` in Markdown).
fn reads_the_view(name: &str) -> bool {
    !name.starts_with("review/") && !matches!(name, "review.typ" | "traegerplan.typ")
}

/// Checks a set of templates (name, text); `daten` is the `daten.typ` the typst files import.
/// Returns the unknown keys per file (in the order given) and the number of key paths checked.
#[must_use]
pub fn check_templates<'a>(
    markdown: impl IntoIterator<Item = (&'a str, &'a str)>,
    typst: impl IntoIterator<Item = (&'a str, &'a str)>,
    daten: &str,
) -> (Vec<(String, UnknownKey)>, usize) {
    let mut found = Vec::new();
    let mut checked = 0;
    let md = markdown.into_iter().filter(|(n, _)| reads_the_view(n)).map(|(n, t)| (n, check_tera(t)));
    let typ = typst.into_iter().filter(|(n, _)| reads_the_view(n)).map(|(n, t)| (n, check_typst(t, daten, n == "daten.typ")));
    for (name, result) in md.chain(typ) {
        checked += result.checked;
        found.extend(result.unknown.into_iter().map(|u| (name.to_owned(), u)));
    }
    (found, checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATEN: &str = include_str!("../../../../templates/typst/daten.typ");

    #[test]
    fn typst_keys_are_followed_through_lets_loops_and_helpers() {
        let text = "#import \"daten.typ\": *\n#schule.anschrif\n#for z in view.ziele [#z.beschreibung #z.beschreibng]\n\
                    #let b = kennzahlen.investition.budget\n#feld(b, \"fehlbetrg\") #kapitel-titel(\"zieele\")\n\
                    #let f(schule) = schule.egal\n#view.ziele.len()\n#wortlaut.leer.ziel\n";
        let checked = check_typst(text, DATEN, false);
        let bad: Vec<&str> = checked.unknown.iter().map(|u| &text[u.span.clone()]).collect();
        assert_eq!(bad, ["anschrif", "beschreibng", "\"fehlbetrg\"", "\"zieele\"", "ziel"]);
        assert!(checked.unknown[0].message.contains("Meinten Sie `anschrift`?"), "{}", checked.unknown[0].message);
    }

    #[test]
    fn every_key_the_built_in_templates_read_is_in_the_data() {
        let md = crate::render::markdown::EMBEDDED.iter().copied();
        let typ = crate::render::pdf::templates::EMBEDDED.iter().copied();
        let (found, checked) = check_templates(md, typ, DATEN);
        assert!(found.is_empty(), "{found:#?}");
        assert!(checked > 400, "only {checked} key paths checked");
        // A typo inside a loop of each family is found at its place.
        for (file, text, from, to) in [
            ("ziele.typ", include_str!("../../../../templates/typst/ziele.typ"), "ziel.beschreibung", "ziel.beschreibungx"),
            ("ziele.md", include_str!("../../../../templates/markdown/ziele.md"), "z.beschreibung", "z.beschreibungx"),
            ("finanzierung.typ", include_str!("../../../../templates/typst/finanzierung.typ"), "budget, \"rest\"", "budget, \"restx\""),
        ] {
            assert!(text.contains(from), "{file}");
            let broken = text.replacen(from, to, 1);
            let result = if std::path::Path::new(file).extension().is_some_and(|e| e == "md") {
                check_tera(&broken)
            } else {
                check_typst(&broken, DATEN, false)
            };
            assert_eq!(result.unknown.len(), 1, "{file}: {:?}", result.unknown);
        }
    }

    #[test]
    fn tera_keys_are_followed_through_loops_and_sets() {
        let text = "{{ schule.anschrif }} {% for z in ziele -%}{{ z.id | sonst(text=\"x\") }}{{ z.idd }}{% endfor %}\
                    {{ z.egal }} {% set k = kennzahlen.investition %}{{ k.gesamtt.text }}{# schule.kommentar #}\
                    {{ kennzahlen.fortbildung.stunden_je_lehrkraft?.txt }} {{ \"schule.text\" }}";
        let checked = check_tera(text);
        let bad: Vec<&str> = checked.unknown.iter().map(|u| &text[u.span.clone()]).collect();
        assert_eq!(bad, ["anschrif", "idd", "gesamtt", "txt"]);
    }
}
