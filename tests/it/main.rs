//! Integration tests of mep: one binary, one module per area.

mod angaben;
mod authoring;
mod cli;
mod codes;
mod diagnostics;
mod diff;
mod edit_form;
mod edit_server;
mod edit_yaml;
mod examples;
mod export;
mod figures;
mod fuzz;
mod generated;
mod hostile;
mod layout;
mod pdf;
mod pdfgen;
mod render;
mod review;
mod robust;
mod rule_examples;
mod rules;
mod sprache;
mod support;
mod vorlagen;
