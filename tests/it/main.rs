//! Integration tests of mep: one binary, one module per area.

mod authoring;
mod cli;
mod diagnostics;
mod examples;
mod pdf;
mod render;
mod review;
mod rule_examples;
mod rules;
mod support;
