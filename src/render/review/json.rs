//! The whole review as one JSON document.

use serde::Serialize;

use crate::review::Review;

/// Version of the JSON document of `mep review --format json`.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    #[serde(flatten)]
    review: &'a Review,
}

/// The whole review as one pretty-printed JSON document with a final newline.
pub fn json(review: &Review) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(&JsonDoc { version: JSON_VERSION, review })?;
    text.push('\n');
    Ok(text)
}
