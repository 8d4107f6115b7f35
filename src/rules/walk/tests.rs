//! The walk agrees with `serde_json::to_value` on the examples and on enums, characters, number keys and nesting.

use serde_json::Value;

use super::{Item, walk};

/// What the walk reports, as text lines.
fn walked<T: serde::Serialize>(value: &T) -> Vec<String> {
    let mut out = Vec::new();
    walk(value, |item| {
        out.push(match item {
            Item::Text { path, text } => format!("text {path} = {text}"),
            Item::List { path, len, sections } => format!("list {path} {len} {sections}"),
        });
    });
    out
}

/// The same facts read from `serde_json::to_value`, in the same order.
fn from_value(value: &Value, path: &mut String, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(format!("text {path} = {s}")),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                from_value(item, path, out);
                path.truncate(len);
            }
            let sections = items.iter().filter(|i| i.is_object()).count();
            out.push(format!("list {path} {} {sections}", items.len()));
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                *path = crate::source::join_key(path, k);
                from_value(v, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn agrees<T: serde::Serialize>(value: &T) {
    let mut expected = Vec::new();
    from_value(&serde_json::to_value(value).unwrap(), &mut String::new(), &mut expected);
    assert_eq!(walked(value), expected);
}

#[test]
fn walks_every_example_like_a_json_value() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let bytes = std::fs::read(&path).unwrap();
            let loaded = crate::load::load_plan("plan.yaml", &bytes, &crate::load::Limits::default());
            agrees(loaded.value.as_ref().unwrap());
            seen += 1;
        }
    }
    assert!(seen >= 3, "the examples are walked");
}

#[test]
fn variants_characters_keys_and_nesting_follow_json() {
    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(String, u8),
        Struct { a: String, b: Vec<char> },
    }
    let map: std::collections::BTreeMap<i32, &str> = [(2024, "x"), (2025, "y")].into();
    agrees(&(vec![E::Unit, E::New(1), E::Tuple("t".into(), 2), E::Struct { a: "s".into(), b: vec!['ä', 'b'] }], map));
    agrees(&serde_json::json!({ "a": [{ "b": "c" }, "d", [[]]], "e": { "f": null, "g": "h" } }));
}
