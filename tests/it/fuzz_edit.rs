//! The form editor's core under fuzz: random field inputs (hostile text and numbers, empty
//! fields), removals, list moves and raw text edits on every example and valid fixture, through
//! the same [`Session`] the editor's HTTP endpoints drive (the endpoints' guards have their own
//! tests in `edit_server.rs`).
//!
//! Properties checked after every change:
//! - nothing panics;
//! - a change either applies or is refused with a German message, and a refused one leaves
//!   the text as it was;
//! - the text is still YAML within the loader's budgets, and the value the form shows is the
//!   value that text reads as;
//! - what is saved is byte for byte the text the editor shows, and `mep pruefen` reads it
//!   without a tool error.
//!
//! `cargo test` runs a bounded campaign; a longer one: `MEP_FUZZ_EDIT_CASES=2000 cargo test
//! --release --test it fuzz_edit -- --nocapture`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use mep::edit::path::Seg;
use mep::edit::session::{Options, Session};
use mep::edit::yaml::Op;

use crate::fuzz::{Rng, Step, hostile_string, paths, seeds};

fn options(path: &Path) -> Options {
    Options {
        path: path.to_path_buf(),
        limits: mep::load::Limits::default(),
        choice: mep::profile::Choice::default(),
        markdown: mep::render::markdown::Templates::builtin(),
        typst: mep::render::pdf::Templates::embedded(),
        source_date_epoch: Some(1_792_022_400),
    }
}

/// The editor's path text (`bedarf[2].anzahl`) and segments of a value path.
fn field(path: &[Step]) -> (String, Vec<Seg>) {
    let mut text = String::new();
    let mut segs = Vec::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(k);
                segs.push(Seg::Key(k.clone()));
            }
            Step::Index(i) => {
                text.push_str(&format!("[{i}]"));
                segs.push(Seg::Index(*i));
            }
        }
    }
    (text, segs)
}

/// One random change; `Err` is the session's refusal.
fn change(session: &mut Session, rng: &mut Rng) -> Result<(), String> {
    let Some(value) = session.value().cloned() else {
        // Unreadable text: the text view is the only way on.
        let text = session.text().unwrap_or_default().to_owned();
        return session.set_text(&text.replacen('\t', "  ", 1));
    };
    let all = paths(&value);
    let path = rng.pick(&all).clone();
    let (text, segs) = field(&path);
    match rng.below(10) {
        0..=5 => session.input(&text, &[hostile_string(rng)]).map(|_| ()),
        6 => session.input(&text, &[String::new()]).map(|_| ()),
        7 if !segs.is_empty() => session.apply(&Op::Remove(segs)),
        8 => match segs.split_last() {
            Some((Seg::Index(i), list)) => session.apply(&Op::SwapWithNext(list.to_vec(), *i)),
            _ => session.input(&text, &[rng.below(100_000).to_string()]).map(|_| ()),
        },
        _ => {
            let mut t = session.text().unwrap_or_default().to_owned();
            let at = rng.below(t.len() + 1);
            let at = (0..=at).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
            t.insert_str(at, &hostile_string(rng));
            session.set_text(&t)
        }
    }
}

/// Runs `cases` cases of `steps` changes each; returns the broken properties.
fn campaign(seed: u64, cases: usize, steps: usize) -> (Vec<String>, usize) {
    let seeds: Vec<(String, Vec<u8>)> = seeds().into_iter().filter(|(n, _)| !n.contains("robust")).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(seed);
    let mut findings = Vec::new();
    let mut applied = 0;
    for case in 0..cases {
        let (name, bytes) = rng.pick(&seeds).clone();
        let file = dir.path().join(format!("plan-{case}.yaml"));
        std::fs::write(&file, &bytes).unwrap();
        let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<usize, String> {
            let mut session = Session::open(options(&file))?;
            let mut done = 0;
            for step in 0..steps {
                let before = session.text().map(str::to_owned);
                match change(&mut session, &mut rng) {
                    Ok(()) => done += 1,
                    Err(message) => {
                        if message.trim().is_empty() {
                            return Err(format!("step {step}: a refusal without a message"));
                        }
                        if session.text().map(str::to_owned) != before {
                            return Err(format!("step {step}: refused ({message}) but the text changed"));
                        }
                    }
                }
                let Some(text) = session.text() else { return Err(format!("step {step}: the text is gone")) };
                if let Some(value) = session.value() {
                    match mep::load::yaml_value(text, &mep::load::Limits::default()) {
                        Ok(read) if &read == value => {}
                        Ok(_) => return Err(format!("step {step}: the form shows another value than the text reads as")),
                        Err(e) => return Err(format!("step {step}: the form has a value but the text does not read: {e}")),
                    }
                }
            }
            let text = session.text().unwrap_or_default().to_owned();
            if session.save().is_ok() {
                let saved = std::fs::read(&file).map_err(|e| e.to_string())?;
                if saved != text.as_bytes() {
                    return Err("the saved file differs from the editor's text".to_owned());
                }
                let checked = mep::check_input(&name, &saved, &mep::load::Limits::default(), &mep::profile::Choice::default());
                if checked.source.text().is_empty() && !saved.is_empty() {
                    return Err("the saved text does not read".to_owned());
                }
            }
            Ok(done)
        }));
        match outcome {
            Ok(Ok(done)) => applied += done,
            Ok(Err(e)) => findings.push(format!("case {case} ({name}): {e}")),
            Err(_) => findings.push(format!("case {case} ({name}): panic")),
        }
    }
    (findings, applied)
}

#[test]
#[allow(clippy::disallowed_macros)] // a longer run reports its counts
fn fuzz_edit_bounded() {
    let cases = std::env::var("MEP_FUZZ_EDIT_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let (findings, applied) = campaign(0x6d65_7000_0004, cases, 12);
    println!("editor fuzz: {cases} cases × 12 changes, {applied} applied, {} broken properties", findings.len());
    assert!(findings.is_empty(), "{findings:#?}");
    // The campaign must mostly change plans, not only be refused.
    assert!(applied * 3 > cases * 12, "only {applied} of {} changes applied", cases * 12);
}
