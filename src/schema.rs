//! The published JSON Schemas (plan, Schulträger file, rule profile) as text for editors.
//!
//! The schemas are generated from the model with schemars; [`for_editors`] then reshapes the
//! generated schema so that editors (yaml-language-server, VS Code, IntelliJ) offer good
//! completion and hover texts. The structure check of `mep validate` keeps using the
//! generated schema as is; both accept the same documents.
//!
//! The reshaping, in order:
//! 1. closed sets (`oneOf` of `const`s) become `type: string` + `enum` with German
//!    `enumDescriptions` and `markdownEnumDescriptions` (completion inserts `key: ` and lists
//!    the values; a misspelt value gets "Value must be …" with every valid value);
//! 2. `"default": null` is removed (completion would insert a literal `null`);
//! 3. definitions that are not objects (closed sets, Euro, Datum, Zeitraum …) are copied into
//!    every property that uses them, keeping the property's own description, so hover shows the
//!    field's text; object definitions lose their own description when every use of them has one;
//! 4. e-mail fields get `format: email` and examples.

use serde_json::{Map, Value, json};

/// Where the plan schema is published, for files written outside a checkout of this repository.
pub const SCHEMA_URL: &str = "https://gitlab.opencode.de/mep/mep/-/raw/main/schemas/mep.schema.json";

/// Path of the committed plan schema inside the repository.
pub const SCHEMA_PATH: &str = "schemas/mep.schema.json";

/// Where the Schulträger schema is published.
pub const TRAEGER_SCHEMA_URL: &str = "https://gitlab.opencode.de/mep/mep/-/raw/main/schemas/traeger.schema.json";

/// Path of the committed Schulträger schema inside the repository.
pub const TRAEGER_SCHEMA_PATH: &str = "schemas/traeger.schema.json";

/// The JSON Schema of a plan for editors, pretty-printed with a final newline.
#[must_use]
pub fn schema_json() -> String {
    schema_text(crate::load::Schema::plan().as_json(), Some(SCHEMA_URL))
}

/// The JSON Schema of a Schulträger file (`mep review --traeger`), pretty-printed with a final newline.
#[must_use]
pub fn traeger_schema_json() -> String {
    schema_text(crate::load::Schema::traeger().as_json(), Some(TRAEGER_SCHEMA_URL))
}

/// A generated schema reshaped for editors ([`for_editors`]) as text, header keys first so the
/// file reads well in an editor; `id` becomes `$id` when the schema has none.
#[must_use]
pub fn schema_text(generated: &Value, id: Option<&str>) -> String {
    let reshaped = for_editors(generated);
    let mut ordered = Map::new();
    if let Some(map) = reshaped.as_object() {
        for key in ["$schema", "$id", "title", "description"] {
            if let Some(v) = map.get(key) {
                ordered.insert(key.to_owned(), v.clone());
            }
        }
        if let Some(id) = id.filter(|_| !ordered.contains_key("$id")) {
            ordered.insert("$id".to_owned(), Value::String(id.to_owned()));
        }
        for (k, v) in map {
            if !ordered.contains_key(k) {
                ordered.insert(k.clone(), v.clone());
            }
        }
    }
    let mut text = serde_json::to_string_pretty(&ordered).unwrap_or_default();
    text.push('\n');
    text
}

/// The generated schema reshaped for editors (see the module documentation).
#[must_use]
pub fn for_editors(generated: &Value) -> Value {
    let mut schema = generated.clone();
    closed_sets(&mut schema);
    drop_null_defaults(&mut schema);
    let defs: Map<String, Value> = schema.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
    let inlined: Map<String, Value> = defs.iter().filter(|(_, d)| !is_object(d)).map(|(k, v)| (k.clone(), v.clone())).collect();
    // Inline into the definitions first (so inlined copies are complete), then everywhere else.
    if let Some(map) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for def in map.values_mut() {
            inline(def, &inlined, 0);
        }
        map.retain(|name, _| !inlined.contains_key(name));
    }
    for (key, value) in schema.as_object_mut().into_iter().flatten() {
        if key != "$defs" {
            inline(value, &inlined, 0);
        }
    }
    undescribe_object_defs(&mut schema);
    emails(&mut schema);
    schema
}

/// A definition with properties (an object), as opposed to a value type.
fn is_object(def: &Value) -> bool {
    def.get("type").and_then(Value::as_str) == Some("object") || def.get("properties").is_some()
}

/// The definition name a `$ref` points at (`#/$defs/Name`).
fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// Step 1: `oneOf` of string `const`s → `type: string` + `enum` + German descriptions.
fn closed_sets(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(alternatives) = map.get("oneOf").and_then(Value::as_array) {
                let consts: Option<Vec<(String, String)>> = alternatives
                    .iter()
                    .map(|a| {
                        let key = a.get("const")?.as_str()?.to_owned();
                        let label = a.get("description").and_then(Value::as_str).unwrap_or(&key).to_owned();
                        Some((key, label))
                    })
                    .collect();
                if let Some(consts) = consts.filter(|c| !c.is_empty()) {
                    map.remove("oneOf");
                    map.insert("type".to_owned(), json!("string"));
                    map.insert("enum".to_owned(), json!(consts.iter().map(|(k, _)| k).collect::<Vec<_>>()));
                    map.insert("enumDescriptions".to_owned(), json!(consts.iter().map(|(_, l)| l).collect::<Vec<_>>()));
                    map.insert(
                        "markdownEnumDescriptions".to_owned(),
                        json!(consts.iter().map(|(k, l)| format!("**{}** (`{k}`)", md_escape(l))).collect::<Vec<_>>()),
                    );
                }
            }
            for v in map.values_mut() {
                closed_sets(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(closed_sets),
        _ => {}
    }
}

/// Escapes the characters that Markdown would read as markup.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Step 2: removes `"default": null`.
fn drop_null_defaults(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            map.values_mut().for_each(drop_null_defaults);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_defaults),
        _ => {}
    }
}

/// Step 3a: copies value-type definitions into each place that refers to them; the place's own
/// keys win, and inside `anyOf`/`oneOf` the copy drops its description (the holder has one).
fn inline(value: &mut Value, defs: &Map<String, Value>, depth: usize) {
    if depth > 64 {
        return;
    }
    match value {
        Value::Object(map) => {
            let target = map.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")).map(str::to_owned);
            if let Some(body) = target.and_then(|name| defs.get(&name)) {
                map.remove("$ref");
                let own_description = map.contains_key("description");
                if let Some(body) = body.as_object() {
                    for (k, v) in body {
                        if !map.contains_key(k) && !(own_description && k == "title") {
                            map.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
            let described = map.contains_key("description");
            for (key, v) in map.iter_mut() {
                inline(v, defs, depth + 1);
                if described
                    && (key == "anyOf" || key == "oneOf")
                    && let Value::Array(alternatives) = v
                {
                    for alt in alternatives {
                        if let Value::Object(a) = alt {
                            a.remove("description");
                        }
                    }
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| inline(v, defs, depth + 1)),
        _ => {}
    }
}

/// Step 3b: an object definition loses its description when every place that uses it has its own,
/// so that hover shows the field's text and not the shared one.
fn undescribe_object_defs(schema: &mut Value) {
    let mut uses: Vec<(String, bool)> = Vec::new();
    collect_uses(schema, false, &mut uses);
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            let mine: Vec<bool> = uses.iter().filter(|(n, _)| n == name).map(|(_, d)| *d).collect();
            if !mine.is_empty()
                && mine.iter().all(|d| *d)
                && let Value::Object(map) = def
            {
                map.remove("description");
            }
        }
    }
}

/// Every `$ref` with whether its place is described (itself, or its `anyOf`/`oneOf`/`items` holder).
fn collect_uses(value: &Value, holder_described: bool, out: &mut Vec<(String, bool)>) {
    match value {
        Value::Object(map) => {
            let described = map.contains_key("description");
            if let Some(name) = ref_name(value) {
                out.push((name.to_owned(), described || holder_described));
            }
            for (key, v) in map {
                let passes = matches!(key.as_str(), "anyOf" | "oneOf" | "items") && described;
                match v {
                    Value::Array(items) if passes => items.iter().for_each(|i| collect_uses(i, true, out)),
                    _ => collect_uses(v, passes, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_uses(v, false, out)),
        _ => {}
    }
}

/// Step 4: properties named `email` are e-mail addresses.
fn emails(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (key, prop) in props.iter_mut() {
                    if key == "email"
                        && let Value::Object(p) = prop
                    {
                        p.insert("format".to_owned(), json!("email"));
                        p.entry("examples").or_insert_with(|| json!(["schulleitung@schule.example"]));
                    }
                }
            }
            map.values_mut().for_each(emails);
        }
        Value::Array(items) => items.iter_mut().for_each(emails),
        _ => {}
    }
}
