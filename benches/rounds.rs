//! Review rounds: `mep diff` of the BW example against a changed copy, and `mep review --vorher`
//! over two rounds of N plans against a plain review of one round (previous round as a folder
//! and as the JSON of its review).
//!
//! Run with `cargo build --release && cargo bench --bench rounds`. Binary: `MEP_BIN` or
//! `target/release/mep`; plans per round: `MEP_BENCH_PLANS` (default 1000); repetitions of the
//! review timings: `MEP_BENCH_RUNS` (default 3, the median counts). `MEP_BENCH_PLANS=0` times `mep diff` only.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const EXAMPLE: &str = "gymnasium-baden-wuerttemberg.yaml";

/// The changed copy of the example: counts, a price, a renamed measure, a reworded text.
fn changed(text: &str) -> String {
    text.replacen("anzahl: 30,", "anzahl: 28,", 1)
        .replacen("id: M2", "id: M20", 1)
        .replacen("Kepler-Gymnasium Lindenau", "Kepler-Gymnasium der Stadt Lindenau", 1)
        .replacen("einzelpreis_eur: 4", "einzelpreis_eur: 5", 1)
}

/// Round `round` of `n` plans: the example with its own Schulnummer and name; in round 2 every
/// third plan is changed.
fn generate(dir: &Path, n: usize, round: u8, example: &str) {
    std::fs::create_dir_all(dir).expect("temp dir writable");
    for i in 0..n {
        let mut text = example.replacen("\"04999123\"", &format!("\"{:08}\"", 10_000_000 + i), 1).replacen(
            "Kepler-Gymnasium Lindenau",
            &format!("Kepler-Gymnasium {i}"),
            1,
        );
        if round == 2 && i % 3 == 0 {
            text = changed(&text);
        }
        std::fs::write(dir.join(format!("schule-{i:05}.yaml")), text).expect("temp dir writable");
    }
}

/// Median wall time in seconds of `runs` runs of the binary with `args`.
fn time(exe: &Path, args: &[&str], runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(exe).arg("--quiet").args(args).status().expect("mep runs");
            assert!(status.code().is_some_and(|c| c <= 1), "mep {args:?} failed: {status}");
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from);
    let exe = std::env::var_os("MEP_BIN").map_or_else(|| target.join("release/mep"), PathBuf::from);
    if !exe.exists() {
        println!("skipped: needs {} (cargo build --release) or MEP_BIN", exe.display());
        return;
    }
    let n: usize = std::env::var("MEP_BENCH_PLANS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000);
    let runs: usize = std::env::var("MEP_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(3).max(1);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!("mep rounds, binary {}, {cores} cores (shared machine: figures vary with other load)", exe.display());

    let example = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(EXAMPLE)).expect("example");
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (dir.path().join("alt.yaml"), dir.path().join("neu.yaml"));
    std::fs::write(&old, &example).expect("write");
    std::fs::write(&new, changed(&example)).expect("write");
    let (old_s, new_s) = (old.to_str().expect("utf-8 path"), new.to_str().expect("utf-8 path"));
    let diff = time(&exe, &["diff", "--format", "json", "-o", dir.path().join("diff.json").to_str().expect("path"), old_s, new_s], 21);
    println!("mep diff {EXAMPLE} against a changed copy: {:.1} ms (median of 21 runs, process start included)", diff * 1000.0);
    // The same work in this process: check both versions like `mep diff` and compare them.
    let limits = mep::load::Limits::default();
    let choice = mep::profile::Choice::default();
    let changed_text = changed(&example);
    let mut inner: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            let before = mep::check_input("alt.yaml", example.as_bytes(), &limits, &choice);
            let after = mep::check_input("neu.yaml", changed_text.as_bytes(), &limits, &choice);
            let old =
                mep::diff::Version { file: "alt.yaml", value: before.value.as_ref().expect("loads"), diagnostics: &before.diagnostics };
            let new = mep::diff::Version { file: "neu.yaml", value: after.value.as_ref().expect("loads"), diagnostics: &after.diagnostics };
            let compared = mep::diff::plans(&old, &new);
            assert!(!compared.equal);
            let _ = mep::render::diff::text(&compared, false);
            start.elapsed().as_secs_f64()
        })
        .collect();
    inner.sort_by(f64::total_cmp);
    println!("  in process (load and check both, compare, render): {:.1} ms (median of 21)", inner[10] * 1000.0);

    if n == 0 {
        return;
    }
    let (a, b) = (dir.path().join("runde-1"), dir.path().join("runde-2"));
    generate(&a, n, 1, &example);
    generate(&b, n, 2, &example);
    let path = |p: &Path| p.to_str().expect("utf-8 path").to_owned();
    let (a_s, b_s) = (path(&a), path(&b));
    let json = path(&dir.path().join("runde-1.json"));
    let out = path(&dir.path().join("out.csv"));
    let status = Command::new(&exe).args(["review", "--format", "json", "-o", &json, &a_s]).status().expect("mep runs");
    assert!(status.code().is_some_and(|c| c <= 1));
    // Interleaved, so that load from elsewhere on a shared machine weighs on all three alike.
    let (mut plain, mut folder, mut from_json) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        plain.push(time(&exe, &["review", "--format", "csv", "-o", &out, &b_s], 1));
        folder.push(time(&exe, &["review", "--format", "csv", "-o", &out, "--vorher", &a_s, &b_s], 1));
        from_json.push(time(&exe, &["review", "--format", "csv", "-o", &out, "--vorher", &json, &b_s], 1));
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (plain, folder, from_json) = (median(plain), median(folder), median(from_json));
    println!("review of round 2 ({n} plans): {plain:.2} s (median of {runs})");
    println!("review --vorher round 1 folder (2 × {n} plans): {folder:.2} s = {:.2}× the plain review", folder / plain);
    println!("review --vorher round 1 JSON: {from_json:.2} s = {:.2}× the plain review", from_json / plain);
}
