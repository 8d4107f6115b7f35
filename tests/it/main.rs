//! Integration tests of mep: one binary, one module per area.

mod authoring;
mod cli;
mod diagnostics;
mod examples;
mod fuzz;
mod pdf;
mod render;
mod review;
mod robust;
mod rules;
mod support;
