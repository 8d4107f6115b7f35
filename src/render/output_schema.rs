//! JSON Schemas of the JSON documents mep writes, generated from the types that write them.
//!
//! They are committed under [`DIR`] and checked for staleness by the tests; see `docs/output.md`.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

/// Folder of the committed output schemas, relative to the repository.
pub const DIR: &str = "schemas/output";

/// Every output schema: file name and text.
#[must_use]
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("validate.schema.json", text::<super::validate::Report>()),
        ("review.schema.json", text::<super::review::json::JsonDoc<'static>>()),
        ("rules.schema.json", text::<crate::rules::catalog::JsonList<'static>>()),
        ("view.schema.json", text::<crate::view::PlanView>()),
        ("diff.schema.json", text::<crate::diff::Diff>()),
        ("traegerplan.schema.json", text::<super::traegerplan::JsonDoc<'static>>()),
    ]
}

/// The schema of what `T` serialises to, pretty-printed with a final newline.
fn text<T: JsonSchema>() -> String {
    let schema = SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>();
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
