//! Validation throughput: in-process checks of the largest example per second on
//! one core, and wall time of `mep validate` on one file including process start.
//!
//! Run with `cargo bench --bench validate`.
#![allow(clippy::disallowed_macros)] // a benchmark reports on stdout

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gymnasium-baden-wuerttemberg.yaml");
    let bytes = std::fs::read(&path).expect("example readable");
    let limits = mep::load::Limits::default();

    // Warm up the schema and registry caches.
    let first = mep::check_plan("plan.yaml", &bytes, &limits);
    assert!(!mep::has_errors(&first.diagnostics), "the benchmark input must be valid");

    let mut runs = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        let checked = mep::check_plan("plan.yaml", &bytes, &limits);
        std::hint::black_box(&checked);
        runs += 1;
    }
    let elapsed = start.elapsed();
    println!(
        "in-process: {runs} checks of {} ({} bytes) in {:.2} s = {:.0} plans/s on one core, {:.3} ms per plan",
        path.file_name().unwrap().to_string_lossy(),
        bytes.len(),
        elapsed.as_secs_f64(),
        f64::from(runs) / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / f64::from(runs)
    );

    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), Into::into);
    let exe = std::env::var_os("MEP_BIN").map_or_else(|| target.join("release/mep"), Into::into);
    if exe.exists() {
        let mut times: Vec<f64> = (0..30)
            .map(|_| {
                let t = Instant::now();
                let status = Command::new(&exe).arg("validate").arg(&path).output().expect("binary runs").status;
                assert!(status.success());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "process: `mep validate` on one file, 30 runs: median {:.1} ms, min {:.1} ms, max {:.1} ms",
            times[15], times[0], times[29]
        );
    } else {
        println!("process: skipped, no binary at {} (set MEP_BIN or run `cargo build --release`)", exe.display());
    }
}
