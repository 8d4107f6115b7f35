//! The shared wording of a pack: see [`crate::wortlaut`].

pub use crate::wortlaut::*;
