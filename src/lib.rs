//! mep checks a school's Medienentwicklungsplan against the DigitalPakt rules
//! and renders it as a complete plan.
//!
//! The pipeline is a chain of functions, each from one type to the next:
//!
//! 1. [`load`]: bytes → budgeted YAML → structure check → [`model::Plan`]
//! 2. [`figures`]: plan → [`figures::Figures`], every sum, share and count, computed once
//! 3. [`rules`]: plan + figures → [`diag::Diagnostic`]s (one registry of coded rules)
//! 4. [`check_plan`] ties both together and locates every finding in the file
//! 5. [`view`] and [`render`]: plan + figures + findings → text → md, json, pdf
//! 6. [`cli`]: arguments → the calls above → printed reports and exit codes
//! 7. [`edit`]: the same calls behind a local form editor in the browser (`mep bearbeiten`)
//!
//! Only [`cli`] prints; everything else returns data.

pub mod cli;
pub mod contained;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod figures;
pub mod fsio;
pub mod german;
pub mod glyphs;
pub mod init;
pub mod load;
pub mod model;
pub mod profile;
pub mod render;
pub mod review;
pub mod rules;
pub mod schema;
pub mod source;
pub mod sources;
pub mod view;
pub mod wortlaut;

use load::{Limits, Loaded};
use model::Plan;
use profile::Profile;

/// The result of checking one file: the loaded plan (if readable) and all findings, located and sorted.
pub type Checked = Loaded<Plan>;

/// Loads a plan and runs every rule on it under the profile the plan selects (`programm`, `land`).
#[must_use]
pub fn check_plan(name: &str, bytes: &[u8], limits: &Limits) -> Checked {
    check_plan_for(name, bytes, limits, &profile::Choice::default())
}

/// Loads a plan and runs every rule on it under a fixed profile.
#[must_use]
pub fn check_plan_with(name: &str, bytes: &[u8], limits: &Limits, profile: &Profile) -> Checked {
    check_loaded(load::load_plan(name, bytes, limits), |_| profile.clone())
}

/// Loads a plan and runs every rule on it under the profile chosen for it (overrides, file, the plan's own choice).
#[must_use]
pub fn check_plan_for(name: &str, bytes: &[u8], limits: &Limits, choice: &profile::Choice) -> Checked {
    check_loaded(load::load_plan(name, bytes, limits), |plan| choice.resolve_for(plan))
}

/// Checks the bytes of a plan file as given by a user: a PDF (by its header, one rule for every
/// command: [`load::pdf::is_pdf`]) is read for the plan attached to it, anything else as YAML.
/// Findings in an attached plan are located in it and shown as `plan.pdf (Anhang plan.yaml)`;
/// a PDF without a readable plan gives one finding.
#[must_use]
pub fn check_input(name: &str, bytes: &[u8], limits: &Limits, choice: &profile::Choice) -> Checked {
    if !load::pdf::is_pdf(bytes) {
        return check_plan_for(name, bytes, limits, choice);
    }
    match load::pdf::read_plan(bytes, &load::pdf::Budget::for_plan(limits.max_bytes)).result {
        Ok(plan) => {
            let shown = format!("{name} (Anhang {})", load::pdf::printable(&plan.name));
            check_plan_for(&shown, &plan.data, limits, choice)
        }
        Err(finding) => Checked { source: source::SourceFile::new(name, String::new()), value: None, diagnostics: vec![*finding] },
    }
}

fn check_loaded(mut loaded: Checked, profile_of: impl FnOnce(&Plan) -> Profile) -> Checked {
    if let Some(plan) = &loaded.value {
        let profile = profile_of(plan);
        let mut found = rules::check_with(plan, &profile);
        loaded.source.locate_all(&mut found);
        loaded.diagnostics.append(&mut found);
        diag::sort(&mut loaded.diagnostics);
    }
    loaded
}

pub use diag::has_errors;
