//! Checking the files of a review in parallel, each into one small [`Row`].

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Figures, Row, School, Status};
use crate::diag::Counts;
use crate::fsio;
use crate::load::Limits;
use crate::profile::Choice;

/// Reads and checks one file under the profile `choice` selects for it, keeping only its row.
#[must_use]
pub fn check_file(path: &Path, limits: &Limits, choice: &Choice) -> Row {
    let name = path.display().to_string();
    // Discovery hands over a folder only when it could not be listed.
    let folder = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    let read = if folder {
        std::fs::read_dir(path).and_then(|_| Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory")))
    } else {
        fsio::read_bounded(path, limits.max_bytes)
    };
    match read {
        Ok(bytes) => row_of(path, &name, crate::check_input(&name, &bytes, limits, choice)),
        Err(e) => Row {
            file: name.clone(),
            path: path.to_path_buf(),
            status: Status::Unlesbar,
            counts: Counts::default(),
            error: Some(if folder {
                format!("Ordner `{name}` kann nicht durchsucht werden: {}.", fsio::describe_io(&e))
            } else {
                format!("Datei `{name}` kann nicht gelesen werden: {}.", fsio::describe_io(&e))
            }),
            school: None,
            figures: None,
            input: None,
            positions: Vec::new(),
            diagnostics: Vec::new(),
        },
    }
}

/// Whether a file that failed as a plan is a Schulträger file (`traeger.yaml` in the plans folder):
/// it loads as one without error. Read again only for rows without a plan, so a review stays fast.
#[must_use]
pub fn is_traeger_file(row: &Row, limits: &Limits) -> bool {
    if row.school.is_some() || row.error.is_some() {
        return false;
    }
    fsio::read_bounded(&row.path, limits.max_bytes)
        .is_ok_and(|bytes| !crate::load::pdf::is_pdf(&bytes) && crate::load::load_traeger(&row.file, &bytes, limits).value.is_some())
}

/// The row of a plan that has been read and checked already (also `mep render --format xlsx`).
#[must_use]
pub fn row_of(path: &Path, name: &str, checked: crate::Checked) -> Row {
    let positions = checked.value.as_ref().map(super::positionen::of_plan).unwrap_or_default();
    let (school, figures, input) = match &checked.value {
        Some(plan) => {
            let all = crate::figures::Figures::of(plan);
            (
                Some(School {
                    name: plan.school.name.clone(),
                    number: plan.school.number.clone(),
                    kind: plan.school.kind,
                    land: plan.land,
                    programme: plan.programme,
                    provider: plan.provider.as_ref().map(|p| p.name.clone()),
                    as_of: plan.as_of,
                    datum: plan.dokumentdatum(),
                    pupils: plan.school.pupils.bekannt(),
                    pupils_given: plan.school.pupils,
                    teachers: plan.school.teachers.bekannt(),
                }),
                Some(Figures::from_figures(&all, plan)),
                Some(Box::new(crate::figures::traeger::SchoolInput::of(plan, &all))),
            )
        }
        None => (None, None, None),
    };
    let mut row = Row {
        file: name.to_owned(),
        path: path.to_path_buf(),
        status: Status::Ok,
        counts: Counts::default(),
        error: None,
        school,
        figures,
        input,
        positions,
        diagnostics: checked.diagnostics,
    };
    row.update_status();
    row
}

/// Checks every file in parallel; `done` is called once per finished file (for a progress bar).
///
/// Rows come back in the order of `paths`, whatever order the threads finish in.
pub fn check_all(paths: &[PathBuf], limits: &Limits, choice: &Choice, done: &(dyn Fn() + Sync)) -> Vec<Row> {
    check_all_keeping(paths, limits, choice, done, true)
}

/// [`check_all`] without the Schulträger plan's inputs ([`Row::input`]), which only
/// `mep traegerplan` reads: each row drops them as soon as it is done, so that the memory of a
/// review of thousands of plans stays flat.
pub fn check_all_lean(paths: &[PathBuf], limits: &Limits, choice: &Choice, done: &(dyn Fn() + Sync)) -> Vec<Row> {
    check_all_keeping(paths, limits, choice, done, false)
}

fn check_all_keeping(paths: &[PathBuf], limits: &Limits, choice: &Choice, done: &(dyn Fn() + Sync), inputs: bool) -> Vec<Row> {
    paths
        .par_iter()
        .map(|p| {
            let mut row = check_file(p, limits, choice);
            if !inputs {
                row.input = None;
            }
            done();
            row
        })
        .collect()
}
