//! The overview chapter of a review in Markdown, from the overridable template
//! `templates/markdown/review/uebersicht.md`; every user value escaped.

use crate::render::RenderError;
use crate::render::markdown::{REVIEW_MAIN, Templates, render_data};
use crate::review::Review;
use crate::view::overview::overview;

/// The overview chapter of a kommunaler Medienentwicklungsplan, in Markdown.
pub fn markdown(review: &Review, templates: &Templates) -> Result<String, RenderError> {
    render_data(REVIEW_MAIN, &overview(review), templates)
}
