//! mep checks a school's Medienentwicklungsplan against the DigitalPakt rules
//! and renders it as a complete plan.
//!
//! The pipeline is a chain of functions, each from one type to the next:
//!
//! 1. [`load`]: bytes → budgeted YAML → structure check → [`model::Plan`]
//! 2. [`rules`]: plan → [`diag::Diagnostic`]s (one registry of coded rules)
//! 3. [`check_plan`] ties both together and locates every finding in the file
//! 4. [`cli`]: arguments → the calls above → printed reports and exit codes
//!
//! Only [`cli`] prints; everything else returns data.

pub mod cli;
pub mod diag;
pub mod fsio;
pub mod init;
pub mod load;
pub mod model;
pub mod render;
pub mod rules;
pub mod source;
pub mod view;

use diag::{Diagnostic, Severity};
use load::{Limits, Loaded};
use model::Plan;

/// The result of checking one file: the loaded plan (if readable) and all findings, located and sorted.
pub type Checked = Loaded<Plan>;

/// Loads a plan and runs every rule on it.
#[must_use]
pub fn check_plan(name: &str, bytes: &[u8], limits: &Limits) -> Checked {
    let mut loaded = load::load_plan(name, bytes, limits);
    if let Some(plan) = &loaded.value {
        let mut found = rules::check(plan);
        for d in &mut found {
            loaded.source.locate(d);
        }
        loaded.diagnostics.append(&mut found);
        diag::sort(&mut loaded.diagnostics);
    }
    loaded
}

/// Whether any finding is an error.
#[must_use]
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Fehler)
}
