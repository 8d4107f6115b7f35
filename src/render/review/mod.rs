//! Renderers of a [`crate::review::Review`]: terminal table, Markdown chapter, CSV for German Excel, JSON, PDF.
//!
//! Every function returns the whole document; the command line prints or writes it.
//! Markdown and PDF render the format-independent [`crate::view::overview::Overview`].

pub mod csv;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod rounds;
pub mod text;

pub use csv::{CSV_COLUMNS, CSV_ITEM_COLUMNS, csv, csv_changes, csv_items};
pub use json::{JSON_VERSION, json};
pub use markdown::markdown;
pub use pdf::pdf;
pub use text::{summary_line, text, text_width};
