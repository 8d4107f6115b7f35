//! The form model: the plan's JSON Schema turned into fields with a widget each.
//!
//! Every kind of schema node maps to a widget, so a new field, a new `unbekannt` alternative,
//! a new pattern (`ca. 700`, `2019-08`) or a new list of objects needs no change here:
//!
//! | schema node | widget |
//! |---|---|
//! | `object` with `properties` | [`Widget::Group`] (a fieldset) |
//! | `array` of objects | [`Widget::List`] (add, delete, move, collapse) |
//! | `array` of closed values | [`Widget::Multi`] (checkboxes) |
//! | `array` with `x-verweis` | [`Widget::RefList`] (checkboxes of the existing ids) |
//! | `array` of other scalars | [`Widget::Tags`] (one entry per line) |
//! | `string` with `enum`, `const` | [`Widget::Choice`] (select with the German descriptions) |
//! | `string` with `x-verweis` | [`Widget::RefChoice`] (select of the existing ids) |
//! | `string`, `integer`, `number` and `anyOf` of them | [`Widget::Scalar`] (text field; `contentMediaType: text/markdown` a textarea with preview; closed alternatives such as `unbekannt` as checkboxes) |
//! | `boolean` | [`Widget::Flag`] (ja / nein) |
//! | `anyOf` with a collection | [`Widget::Alternatives`] (radio buttons, then the chosen form) |
//! | `anyOf` with `null`, `type: [x, null]` | the widget of `x`, not required |
//!
//! Anything else becomes [`Widget::Unsupported`]; a test walks the plan schema and fails on it.

use serde_json::Value;

use crate::edit::path::Seg;

/// One field of the form.
#[derive(Clone, Debug)]
pub struct Field {
    /// The YAML key (empty for list items and alternatives).
    pub key: String,
    /// Short German label.
    pub label: String,
    /// The full German description from the schema.
    pub help: String,
    /// Examples from the schema, as text.
    pub examples: Vec<String>,
    /// Whether the schema requires the field.
    pub required: bool,
    /// How the field is edited.
    pub widget: Widget,
}

/// How a field is edited.
#[derive(Clone, Debug)]
pub enum Widget {
    /// A mapping: its fields in schema order.
    Group(Vec<Field>),
    /// A list of mappings (or of alternatives): the item's field.
    List(Box<Field>),
    /// A list of scalars, one per line.
    Tags(Scalar),
    /// A list of values from a closed set.
    Multi(Vec<Choice>),
    /// A list of ids of entries in another section.
    RefList(String),
    /// One id of an entry in another section.
    RefChoice(String),
    /// A value from a closed set.
    Choice(Vec<Choice>),
    /// Yes or no.
    Flag,
    /// Text or numbers, possibly with closed alternatives (`unbekannt`).
    Scalar(Scalar),
    /// Several forms, one of them a collection (`2027-Q1` or `{ von, bis }`).
    Alternatives(Vec<Field>),
    /// A schema node the form cannot edit (edited in the text view).
    Unsupported(String),
}

/// A value of a closed set with its German label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The value as written in YAML.
    pub value: String,
    /// German label.
    pub label: String,
}

/// What a text field accepts.
#[derive(Clone, Debug, Default)]
pub struct Scalar {
    /// The open forms, tried in order.
    pub kinds: Vec<Kind>,
    /// Closed alternatives offered as checkboxes (`unbekannt`).
    pub consts: Vec<Choice>,
    /// Markdown text (a textarea with preview).
    pub markdown: bool,
}

/// An open form of a scalar.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A whole number.
    Integer {
        /// Smallest value.
        min: Option<f64>,
        /// Largest value.
        max: Option<f64>,
    },
    /// A number (euro amounts, hours).
    Number {
        /// Smallest value.
        min: Option<f64>,
    },
    /// Text, possibly of a shape (`pattern`, `format: date`).
    Text {
        /// The regular expression the text must match.
        pattern: Option<String>,
        /// The schema's `format` (`date`, `email`).
        format: Option<String>,
    },
}

impl Field {
    /// The field at a path below this one (`bedarf[2].anzahl` from the root).
    #[must_use]
    pub fn at(&self, path: &[Seg]) -> Option<&Field> {
        let Some((first, rest)) = path.split_first() else { return Some(self) };
        match (&self.widget, first) {
            (Widget::Group(fields), Seg::Key(k)) => fields.iter().find(|f| &f.key == k)?.at(rest),
            (Widget::List(item), Seg::Index(_)) => item.at(rest),
            (Widget::Alternatives(alts), _) => alts.iter().find_map(|a| a.at(path)),
            _ => None,
        }
    }

    /// The keys of the mapping at a path, in schema order.
    #[must_use]
    pub fn order(&self, path: &[Seg]) -> Vec<String> {
        match self.at(path).map(|f| &f.widget) {
            Some(Widget::Group(fields)) => fields.iter().map(|f| f.key.clone()).collect(),
            Some(Widget::Alternatives(alts)) => alts
                .iter()
                .find_map(|a| match &a.widget {
                    Widget::Group(fields) => Some(fields.iter().map(|f| f.key.clone()).collect()),
                    _ => None,
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Whether the field holds a list.
    #[must_use]
    pub fn is_list(&self) -> bool {
        matches!(self.widget, Widget::List(_) | Widget::Tags(_) | Widget::Multi(_) | Widget::RefList(_))
    }

    /// Every unsupported node below this field, with its path, for the completeness test.
    #[must_use]
    pub fn unsupported(&self, at: &str) -> Vec<String> {
        let here = if self.key.is_empty() { at.to_owned() } else { crate::source::join_key(at, &self.key) };
        match &self.widget {
            Widget::Unsupported(why) => vec![format!("{here}: {why}")],
            Widget::Group(fields) => fields.iter().flat_map(|f| f.unsupported(&here)).collect(),
            Widget::List(item) => item.unsupported(&format!("{here}[]")),
            Widget::Alternatives(alts) => alts.iter().flat_map(|f| f.unsupported(&here)).collect(),
            _ => Vec::new(),
        }
    }
}

/// Builds the form of a whole schema (the plan's, or any other with the same vocabulary).
#[must_use]
pub fn build(schema: &Value) -> Field {
    let widget = classify(schema, schema, 0);
    Field { key: String::new(), label: String::new(), help: description(schema), examples: Vec::new(), required: true, widget }
}

/// The plan's form, built once from the schema `mep schema` prints.
#[must_use]
pub fn plan() -> &'static Field {
    static PLAN: std::sync::LazyLock<Field> =
        std::sync::LazyLock::new(|| build(&crate::schema::for_editors(crate::load::Schema::plan().as_json())));
    &PLAN
}

fn description(node: &Value) -> String {
    node.get("description").and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// A short label from a description: up to the first `:`, ` (`, ` mit `, `, oder`, `; ` or `, je `.
#[must_use]
pub fn short_label(description: &str, key: &str) -> String {
    let mut label = description.trim();
    for cut in [": ", " (", " mit ", ", oder", "; ", ", je ", ", wenn "] {
        if let Some(i) = label.find(cut) {
            label = &label[..i];
        }
    }
    let label = label.trim_end_matches('.').trim();
    if label.is_empty() { key.replace('_', " ") } else { label.to_owned() }
}

fn resolve<'a>(node: &'a Value, root: &'a Value) -> &'a Value {
    let mut n = node;
    for _ in 0..16 {
        match n.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            Some(name) => match root.get("$defs").and_then(|d| d.get(name)) {
                Some(target) => n = target,
                None => return n,
            },
            None => return n,
        }
    }
    n
}

/// The types a node allows besides `null`.
fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect(),
        _ => Vec::new(),
    }
}

fn is_null(node: &Value) -> bool {
    node.get("type").and_then(Value::as_str) == Some("null")
}

fn choices(node: &Value) -> Option<Vec<Choice>> {
    let values: Vec<String> = match (node.get("enum"), node.get("const")) {
        (Some(Value::Array(vs)), _) => vs.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<_>>()?,
        (_, Some(Value::String(c))) => vec![c.clone()],
        _ => return None,
    };
    let labels: Vec<String> = node
        .get("enumDescriptions")
        .and_then(Value::as_array)
        .map(|ls| ls.iter().map(|l| l.as_str().unwrap_or_default().to_owned()).collect())
        .unwrap_or_default();
    Some(
        values
            .into_iter()
            .enumerate()
            .map(|(i, value)| Choice { label: labels.get(i).cloned().unwrap_or_else(|| value.clone()), value })
            .collect(),
    )
}

fn reference(node: &Value) -> Option<String> {
    node.get("x-verweis").and_then(Value::as_str).map(str::to_owned)
}

fn number(node: &Value, key: &str) -> Option<f64> {
    node.get(key).and_then(Value::as_f64)
}

/// The open form of a scalar node, if it is one.
fn scalar_kind(node: &Value) -> Option<Kind> {
    let ts = types(node);
    if ts.len() != 1 || node.get("enum").is_some() || node.get("const").is_some() {
        return None;
    }
    match ts[0] {
        "integer" => Some(Kind::Integer { min: number(node, "minimum"), max: number(node, "maximum") }),
        "number" => Some(Kind::Number { min: number(node, "minimum") }),
        "string" => Some(Kind::Text {
            pattern: node.get("pattern").and_then(Value::as_str).map(str::to_owned),
            format: node.get("format").and_then(Value::as_str).map(str::to_owned),
        }),
        _ => None,
    }
}

fn field(key: &str, node: &Value, root: &Value, required: bool, depth: usize) -> Field {
    let resolved = resolve(node, root);
    let mut help = description(node);
    if help.is_empty() {
        help = description(resolved);
    }
    let examples = node
        .get("examples")
        .or_else(|| resolved.get("examples"))
        .and_then(Value::as_array)
        .map(|xs| xs.iter().map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned)).collect())
        .unwrap_or_default();
    Field { key: key.to_owned(), label: short_label(&help, key), help, examples, required, widget: classify(node, root, depth + 1) }
}

/// The widget of a schema node.
fn classify(node: &Value, root: &Value, depth: usize) -> Widget {
    if depth > 32 {
        return Widget::Unsupported("zu tief verschachtelt".to_owned());
    }
    let node = resolve(node, root);
    if let Some(alternatives) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
        return classify_alternatives(node, alternatives, root, depth);
    }
    if let Some(target) = reference(node) {
        return match types(node).as_slice() {
            ["array"] => Widget::RefList(target),
            _ => Widget::RefChoice(target),
        };
    }
    if let Some(c) = choices(node) {
        return Widget::Choice(c);
    }
    match types(node).as_slice() {
        ["object"] => match node.get("properties").and_then(Value::as_object) {
            Some(props) => {
                let required: Vec<&str> = node
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                Widget::Group(props.iter().map(|(k, v)| field(k, v, root, required.contains(&k.as_str()), depth)).collect())
            }
            None => Widget::Unsupported("Abschnitt ohne festgelegte Schlüssel".to_owned()),
        },
        ["array"] => {
            let Some(items) = node.get("items") else { return Widget::Unsupported("Liste ohne Angabe der Einträge".to_owned()) };
            let items = resolve(items, root);
            if let Some(target) = reference(items) {
                return Widget::RefList(target);
            }
            match classify(items, root, depth + 1) {
                Widget::Choice(c) => Widget::Multi(c),
                Widget::Scalar(s) if !s.markdown => Widget::Tags(s),
                Widget::Unsupported(why) => Widget::Unsupported(why),
                _ => Widget::List(Box::new(field("", items, root, true, depth))),
            }
        }
        ["boolean"] => Widget::Flag,
        [_] => match scalar_kind(node) {
            Some(kind) => Widget::Scalar(Scalar {
                kinds: vec![kind],
                consts: Vec::new(),
                markdown: node.get("contentMediaType").and_then(Value::as_str) == Some("text/markdown"),
            }),
            None => Widget::Unsupported(format!("Typ {}", types(node).join(", "))),
        },
        [] => Widget::Unsupported("Knoten ohne Typ".to_owned()),
        more => Widget::Unsupported(format!("mehrere Typen: {}", more.join(", "))),
    }
}

fn classify_alternatives(holder: &Value, alternatives: &[Value], root: &Value, depth: usize) -> Widget {
    // Flatten nested anyOf and drop `null` (it only means "may be left out").
    let mut flat: Vec<&Value> = Vec::new();
    let mut stack: Vec<&Value> = alternatives.iter().rev().collect();
    while let Some(a) = stack.pop() {
        let a = resolve(a, root);
        if let Some(inner) = a.get("anyOf").or_else(|| a.get("oneOf")).and_then(Value::as_array) {
            stack.extend(inner.iter().rev());
        } else if !is_null(a) {
            flat.push(a);
        }
    }
    let markdown = holder.get("contentMediaType").and_then(Value::as_str) == Some("text/markdown");
    match flat.as_slice() {
        [] => Widget::Unsupported("nur null erlaubt".to_owned()),
        [one] => {
            let mut w = classify(one, root, depth + 1);
            if let (Widget::Scalar(s), true) = (&mut w, markdown) {
                s.markdown = true;
            }
            if let (Some(target), Widget::Scalar(_)) = (reference(holder), &w) {
                return Widget::RefChoice(target);
            }
            w
        }
        many => {
            let mut scalar = Scalar { markdown, ..Scalar::default() };
            let all_scalar = many.iter().all(|a| {
                if let Some(k) = scalar_kind(a) {
                    scalar.kinds.push(k);
                    true
                } else if let Some(c) = choices(a).filter(|_| matches!(types(a).as_slice(), ["string"] | [])) {
                    scalar.consts.extend(c);
                    true
                } else {
                    false
                }
            });
            if all_scalar && !scalar.kinds.is_empty() {
                return Widget::Scalar(scalar);
            }
            if all_scalar {
                return Widget::Choice(scalar.consts);
            }
            Widget::Alternatives(many.iter().map(|a| field("", a, root, true, depth)).collect())
        }
    }
}
