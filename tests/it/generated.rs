//! Generated files committed to the repository are current.
//!
//! Refresh them with `MEP_UPDATE=1 cargo test --test it generated` and commit the result.

use crate::support::root;

#[test]
fn generated_output_schemas_are_current() {
    let dir = root().join(mep::render::output_schema::DIR);
    let update = std::env::var_os("MEP_UPDATE").is_some();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for (name, text) in mep::render::output_schema::all() {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, &text).unwrap();
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != text {
            stale.push(name);
        }
        assert!(text.contains("\"version\""), "{name} describes the version field");
    }
    assert!(stale.is_empty(), "stale in {}: {stale:?}; run `MEP_UPDATE=1 cargo test --test it generated` and commit", dir.display());
}

#[test]
fn real_outputs_carry_the_fields_their_schema_requires() {
    let schema: serde_json::Value =
        serde_json::from_str(&mep::render::output_schema::all().into_iter().find(|(n, _)| *n == "review.schema.json").unwrap().1).unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    for field in ["version", "rows", "totals"] {
        assert!(required.contains(&field), "{field} missing in {required:?}");
    }
}
