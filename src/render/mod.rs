//! Renderers: the plan's data → documents.

pub mod pdf;
