//! The forms: a model built from the plan's schema ([`schema`]), what each widget sends
//! ([`value`]) and the HTML of each widget ([`html`]).

pub mod html;
pub mod schema;
pub mod value;
