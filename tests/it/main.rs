//! Integration tests of mep: one binary, one module per area.

mod authoring;
mod cli;
mod diagnostics;
mod examples;
mod render;
mod support;
