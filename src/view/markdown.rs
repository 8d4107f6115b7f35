//! Free text the plan declares as Markdown, kept apart from plain text in the view.

use schemars::JsonSchema;
use serde::{Serialize, Serializer};

/// Free text the plan declares as Markdown (CommonMark).
///
/// Serialised as `{"markdown": "..."}` so that every renderer can tell it from
/// plain text: plain strings are escaped, Markdown is converted (and for the
/// Markdown output, heading levels are shifted below the chapter and raw HTML
/// is neutralised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Markdown(pub String);

impl Serialize for Markdown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Markdown", 1)?;
        st.serialize_field("markdown", &self.0)?;
        st.end()
    }
}

impl JsonSchema for Markdown {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Markdown".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Freitext, den der Plan als Markdown (CommonMark) schreibt: `{\"markdown\": \"…\"}`. Die Vorlagen setzen ihn um (Markdown: Filter `md`, PDF: `md(…)` aus `markdown.typ`); rohes HTML und typst-Markup wirken nicht.",
            "type": "object",
            "properties": { "markdown": { "type": "string" } },
            "required": ["markdown"],
            "additionalProperties": false
        })
    }
}

impl Markdown {
    /// Wraps optional Markdown text, dropping blank text.
    #[must_use]
    pub fn opt(text: Option<&String>) -> Option<Self> {
        text.filter(|t| !t.trim().is_empty()).map(|t| Self(t.clone()))
    }
}
