//! The whole review as one JSON document (schema: `schemas/output/review.schema.json`).

use schemars::JsonSchema;
use serde::Serialize;

use crate::review::Review;

/// Version of the JSON document of `mep review --format json`; see `docs/output.md` for when it changes.
pub const JSON_VERSION: u32 = 3;

/// The JSON document of one `mep review` run.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "mep uebersicht --format json")]
pub struct JsonDoc<'a> {
    /// Version of this document's shape.
    pub version: u32,
    /// The review.
    #[serde(flatten)]
    pub review: &'a Review,
}

/// The whole review as one pretty-printed JSON document with a final newline.
pub fn json(review: &Review) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(&JsonDoc { version: JSON_VERSION, review })?;
    text.push('\n');
    Ok(text)
}
