//! Integration tests of mep: one binary, one module per area.

mod authoring;
mod cli;
mod diagnostics;
mod examples;
mod figures;
mod pdf;
mod render;
mod review;
mod rules;
mod support;
